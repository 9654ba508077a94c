# ruff: noqa: E501  (claims in the pack are single strings)
"""What a question asks for (docs/ask-evaluation.md, "Twenty-third round"): the noun of its
wh-phrase ("which gate ..."), the subject of its verb ("how much did the women pay"), and a
stranger's findings 6, 8, 10, 12 and 13 (notes, stranger 17), each fixed by its cause as a rule
of English. Facts here are made up for the test, in a pack of their own; the last tests ask the
stranger's own questions of the built-in pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from packs import event, figure, pack_text
from tqcli.model import Match

from conftest import answers_from_pack

_PACK = pack_text(
    figure(
        "ferry-terminal-bombing-12-killed",
        "A bombing at the ferry terminal of Port Lune on 3 May 2019 killed 12 people, according to the gazette.",
        passage="A bombing at the ferry terminal killed 12 people",
        value=12,
        unit="people killed",
        date="2019-05-03",
        about=["port-lune"],
    ),
    event(
        "ferry-terminal-east-gate",
        "The bomb at the ferry terminal of Port Lune on 3 May 2019 went off at its East Gate, according to the gazette.",
        passage="The bomb went off at the East Gate",
        date="2019-05-03",
        about=["port-lune"],
    ),
    figure(
        "network-paid-board",
        "The Canal Network paid the Harbour Board 2,000,000 pounds a year for its moorings, according to the gazette.",
        passage="The Canal Network paid the Harbour Board two million pounds a year",
        value=2000000,
        unit="pounds a year",
        about=["canal-network", "harbour-board"],
    ),
    event(
        "ministry-bombing-no-claim",
        "Tom Reed, the Harbour Board's treasurer, was killed in a suicide bombing at the Port Lune ministry in 2024; there was no immediate claim of responsibility, according to the gazette.",
        passage="there was no immediate claim of responsibility",
        date="2024",
        about=["tom-reed", "harbour-board", "port-lune"],
    ),
    event(
        "fane-founded-network",
        "Eve Fane founded the Canal Network in 1990, according to the gazette.",
        passage="Eve Fane founded the Canal Network in 1990",
        date="1990",
        about=["eve-fane", "canal-network"],
    ),
    entities=["harbour-board", "canal-network", "eve-fane", "tom-reed", "port-lune"],
)


def _answers(tmp_path: Path, question: str, without: str = "") -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question, without)


def test_which_noun_is_answered_by_a_fact_that_names_one(tmp_path: Path) -> None:
    # "Which gate ...": the toll of the bombing names no gate; the fact on the East Gate does.
    question = "Which gate of the Port Lune ferry terminal was bombed?"
    assert [fact for fact, _ in _answers(tmp_path, question)][:1] == ["ferry-terminal-east-gate"]
    assert _answers(tmp_path, question, without="ferry-terminal-east-gate") == []


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("which gate of kabul airport was bombed", "gate"),
        ("What weapons killed Zawahiri?", "weapon"),
        ("What kind of regime did the Taliban run?", "regim"),
        ("What ties bind the Taliban and al-Qaeda?", "tie"),
        ("Whose aide reportedly owned the house?", "aide"),
        ("What criteria must a Taliban member meet to be delisted?", "criteria"),
        ("What did the Taliban declare?", None),
        ("What happened to Zawahiri?", None),
        ("What period does the report cover?", None),  # a time, which the fact need not name
    ],
)
def test_the_noun_a_wh_phrase_asks_for(question: str, noun: str | None) -> None:
    from tqcli.ask.question import read_question
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    read = read_question(in_memory(packs_in_effect([], environ={})), question)
    assert (read.head if read.head_asked else None) == noun


def test_how_much_did_x_pay_asks_of_x(tmp_path: Path) -> None:
    # Stranger 17, finding 6: the subject of "pay" is who paid, which the fact must speak of.
    assert _answers(tmp_path, "How much did the students pay the Harbour Board?") == []
    paid = _answers(tmp_path, "How much did the Canal Network pay the Harbour Board?")
    assert [fact for fact, _ in paid][:1] == ["network-paid-board"]


def test_who_is_not_answered_by_a_claim_that_denies_the_deed(tmp_path: Path) -> None:
    # "there was no immediate claim of responsibility": no one it names claimed the bombing.
    assert _answers(tmp_path, "Who claimed the Port Lune ministry suicide bombing?") == []


def test_the_askers_own_words_are_not_the_question(tmp_path: Path) -> None:
    # Stranger 17, finding 12: a polite preface in the first person asks nothing.
    for question in (
        "Please, I am preparing a lecture for my students and I would like to know, who founded the Canal Network?",
        "I am preparing a lecture: who founded the Canal Network?",
        "who founded the Canal Network, my students ask",
    ):
        assert _answers(tmp_path, question)[:1] == [("fane-founded-network", "Eve Fane")], question


def test_without_asker() -> None:
    from tqcli.ask.answering import without_asker

    assert without_asker("I would like to know who founded al-Qaeda?") == "who founded al-Qaeda?"
    # A first person after the question word is part of what is asked; a yes/no question in
    # the first person is left whole.
    assert without_asker("What did Biden say we should do?") == "What did Biden say we should do?"
    assert without_asker("Did I read that right?") == "Did I read that right?"


def test_a_contraction_is_read_as_its_words() -> None:
    from tqcli.ask.question import read_question
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    index = in_memory(packs_in_effect([], environ={}))
    read = read_question(index, "Who won't hand over to a fifth commander-in-chief?")
    assert "wont" not in read.weights
    assert read.future is not None  # "won't" is "will not": the future


_BUILT_IN: dict[str, object] = {}


def _built_in(question: str, limit: int = 3):  # type: ignore[no-untyped-def]
    from tqcli.ask import answer
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    if "index" not in _BUILT_IN:
        _BUILT_IN["index"] = in_memory(packs_in_effect([], environ={}))
    return answer(_BUILT_IN["index"], question, limit=limit)  # type: ignore[arg-type]


def test_who_is_not_answered_by_a_figure_naming_no_one() -> None:
    # The US troops in Afghanistan when the joint declaration was issued (a figure that names
    # no one in the role asked, though it says all the question says) are no "who".
    found = _built_in(
        "Who issued the joint declaration with the United States on 29 February 2020?"
    )
    answers = [reply.answer for reply in found.replies if reply.match is Match.ANSWER]
    assert not any(answer[:1].isdigit() for answer in answers), answers


@pytest.mark.parametrize("who", ["women", "children", "students"])
def test_the_strangers_how_much_did_x_pay(who: str) -> None:
    # Finding 6: not al-Qaeda's $20m to the Taliban, given as the answer; nor, for students,
    # Pompeo's count of students enrolled (it speaks of students, not of paying).
    found = _built_in(f"How much did the {who} pay?")
    assert not found.answered


def test_a_bare_how_much_is_still_answered_by_an_amount_of_the_verb() -> None:
    # The verb asked is what the amount is of: where the fact says it, the amount answers.
    found = _built_in("How much did al-Qaeda pay?")
    assert found.answered
    assert "20,000,000 US dollars" in found.replies[0].answer


@pytest.mark.parametrize(
    "question", ["What is the Joint Declaration?", "What is the Monitoring Team?"]
)
def test_the_strangers_what_is_x_is_not_headlined_by_a_count(question: str) -> None:
    # Finding 8: "12,000–13,000 US troops", "8 members of the monitoring group" said nothing
    # of what it is.
    found = _built_in(question, limit=1)
    assert found.replies
    assert not found.replies[0].answer[:1].isdigit(), found.replies[0].answer


def test_the_strangers_off_topic_question_has_no_answer(runner: CliRunner) -> None:
    # Finding 10: "Partial answer: Osama bin Laden" for a football question; now no answer,
    # and `jq '.[0].answer'` finds nothing.
    from tqcli.cli import app

    result = runner.invoke(app, ["ask", "Who won the 1998 World Cup?", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    batch = runner.invoke(app, ["ask", "--batch"], input="Who won the 1998 World Cup?\n")
    assert json.loads(batch.stdout.splitlines()[0])["results"] == []


@pytest.mark.parametrize(
    "question",
    [
        "Please, I am preparing a lecture for my students and I would like to know, who founded al-Qaeda?",
        "I am preparing a lecture: who founded al-Qaeda?",
    ],
)
def test_the_strangers_polite_question_is_answered(question: str) -> None:
    # Finding 12: "no answer in the loaded facts", and "Partial answer" with the shorter
    # preface.
    (reply,) = _built_in(question, limit=1).replies
    assert reply.match is Match.ANSWER
    assert "Osama bin Laden" in reply.answer


def test_the_strangers_does_not_cover_names_no_word_the_fact_says() -> None:
    # Finding 13: "Does not cover: withdrawal" of a claim saying "withdrew ... at the order of
    # US president Joe Biden" (now the answer), and "Does not cover: wont".
    (reply,) = _built_in("Who ordered the withdrawal of American troops?", limit=1).replies
    assert reply.match is Match.ANSWER
    assert reply.answer.startswith("Joe Biden")
    found = _built_in("How many commanders-in-chief has Biden said he won't hand over to?")
    assert all("wont" not in reply.unmatched for reply in found.replies)
