"""Who did it, who holds a role, what a named resolution does: the answer is the agent of the
verb asked, an answer is rare and strong, and a resolution asked about is the fact's own."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tqcli.ask import answer
from tqcli.index import in_memory
from tqcli.model import Match
from tqcli.packs import packs_in_effect

BUILTIN = in_memory(packs_in_effect([], environ={}))


def _replies(question: str) -> list[tuple[str, Match, str]]:
    found = answer(BUILTIN, question, limit=0)
    return [
        (hit.fact.id, reply.match, reply.answer)
        for hit, reply in zip(found.hits, found.replies, strict=True)
    ]


# xfail since branch pack11: mujahid-zawahiri-death-still-a-claim (Zabihullah Mujahid on 25
# August 2022 that Zawahiri's death, as Washington announced it, was "still a claim"; Ariana News)
# is given as a second answer, "the Taliban": a wrong answer from a true fact, whose passage says
# "Washington's claim they killed ..."; ask's to fix (who did it is Washington, not the speaker).
@pytest.mark.xfail(strict=True, reason="the Taliban spokesman's denial is answered as the killer")
def test_who_did_it_is_not_whom_a_fact_names_beside_the_one_it_was_done_to() -> None:
    # The organisation of the man killed, whom he pledged allegiance to, his successor: none
    # killed him. Rumours of his death name no killer either. Only President Biden's words (added
    # by branch pack7) say who did: "the United States ... concluded an air strike ... that killed".
    replies = _replies("Who killed Zawahiri?")

    assert [r for r in replies if r[1] is Match.ANSWER] == [
        ("biden-zawahiri-emir-killed-2022", Match.ANSWER, "United States")
    ]
    assert replies[1][0] == "zawahiri-killed-2022"  # the fact that says how he was killed


def test_who_did_it_is_still_found_where_the_claim_says_it() -> None:
    replies = _replies("Who killed bin Laden?")

    assert replies[0][:3] == ("bin-laden-killed-2011", Match.ANSWER, "United States")


def test_a_verb_that_takes_another_is_not_the_one_asked() -> None:
    # "the Taliban has started to tighten its control over al-Qaeda" did not start al-Qaeda.
    replies = _replies("who started al qaeda")

    assert ("un-report-taliban-tighten-control", Match.ANSWER) not in [r[:2] for r in replies]


def test_only_the_facts_that_say_who_holds_a_role_answer_who_holds_it() -> None:
    replies = _replies("Who leads the Taliban?")
    answers = [short for _, match, short in replies if match is Match.ANSWER]

    # Of 15 and 16 facts on the Taliban's leadership: its spokesman, ministers, al-Qaeda are
    # partial; the answers are the facts on Akhundzada's leadership (3 to 5 as the ranking
    # moves: 12 were answers before), naming him alone.
    assert 1 <= len(answers) <= 5
    assert all(short.startswith("Mawlawi Haibatullah Akhundzada (as of") for short in answers)
    assert all("Akhundzada" in short for short in answers)
    assert not any(short.startswith("al-Qaeda") for short in answers)


def test_what_a_named_resolution_does_is_asked_of_that_resolution() -> None:
    replies = _replies("What does resolution 1267 require?")

    # Resolution 1390's note on "the provisions of resolutions 1267 and 1333" is no answer,
    # and the facts on resolution 1267 come first: its sanctions answer (what it imposes, though
    # none says "require"; branch askp9), the others are partial.
    assert not any(
        fact_id == "un-1390-listed-persons-not-territory" and match is Match.ANSWER
        for fact_id, match, _ in replies
    )
    assert replies[0][0].startswith("un-1267-")
    assert replies[0][1] is Match.ANSWER
    assert _replies("What does resolution 1333 require?")[0][:2] == (
        "un-1333-taliban-offices",
        Match.ANSWER,
    )


def test_where_it_happened_is_named_after_the_claims_word_for_it() -> None:
    # "... they took the presidential palace on 15 August 2021, after President Ashraf Ghani
    # fled.": the event's place, Kabul, is where the palace was taken, not where he went.
    replies = _replies("Where did Ashraf Ghani flee to?")

    assert ("taliban-recapture-kabul-2021", Match.ANSWER) not in [r[:2] for r in replies]
    assert _replies("Where was bin Laden killed?")[0][:2] == ("bin-laden-killed-2011", Match.ANSWER)


def test_a_bare_how_much_asks_an_amount_not_a_count() -> None:
    # "How much did the Taliban pay al-Qaeda?" was answered by "180–400 fighters": a "how much"
    # that names nothing after it asks an amount (of money, or a share), and the pack's $20m is
    # what al-Qaeda paid the Taliban, not the other way round: a partial answer at most.
    replies = _replies("How much did the Taliban pay al-Qaeda?")
    assert not any(match is Match.ANSWER for _, match, _ in replies)
    assert all("fighters" not in short for _, _, short in replies[:1])
    # The amount itself, where it is asked the right way round.
    paid = _replies("How much did al-Qaeda reportedly pay the Taliban every year?")[0]
    assert paid[1] is Match.ANSWER
    assert "20,000,000 US dollars" in paid[2]


def test_replies_are_the_same_from_run_to_run() -> None:
    # Two orders followed the interpreter's string hashing, which changes from one run to the
    # next: the words a partial answer leaves out of a role ("supreme leader" came as "leader
    # supreme"), and an entity's names as the index gives them (which of two names matched at
    # a word decided whether "Osama bin Laden" was named beside al-Zawahiri), and the words of
    # a "who ... when EVENT" clause an answer of another time leaves out.
    script = (
        "from tqcli.ask import answer\n"
        "from tqcli.index import in_memory\n"
        "from tqcli.packs import packs_in_effect\n"
        "index = in_memory(packs_in_effect([], environ={}))\n"
        "for question in ('Who is the supreme leader of the Taliban?',\n"
        "                 'who runs the haqqani network',\n"
        "                 'Who chaired the 1267 sanctions committee when it was first'\n"
        "                 ' set up in 1999?'):\n"
        "    print([(r.answer, r.unmatched) for r in answer(index, question, limit=0).replies])\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(6)
    }

    assert len(seen) == 1
    assert (
        "('Mawlawi Haibatullah Akhundzada (hedged: media reported; as of September 2021)', "
        "('supreme', 'leader'))"
    ) in seen.pop()
