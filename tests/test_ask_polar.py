"""Yes/no questions: only a fact that states the proposition asked answers it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tqcli.ask import answer
from tqcli.cli import app
from tqcli.index import in_memory
from tqcli.model import Match
from tqcli.packs import packs_in_effect

BUILTIN = in_memory(packs_in_effect([], environ={}))


def test_a_fact_on_another_proposition_is_no_answer_and_says_what_it_does_not_state(
    runner: CliRunner,
) -> None:
    # Resolution 1390's travel ban shares "ban". (The question was "Did the Taliban ban girls from
    # school?" until branch pack7 added facts that state it: the UN on girls' secondary schools.)
    question = "Did the Taliban ban television?"

    data = json.loads(runner.invoke(app, ["ask", question, "--json"]).stdout)
    text = runner.invoke(app, ["ask", question, "--limit", "1"])

    assert data
    assert {fact["match"] for fact in data} == {"partial"}
    assert {"television"} <= set(data[0]["unmatched"])
    assert text.exit_code == 1
    assert text.stdout.splitlines()[1] == "  Does not state: television"


def test_no_answer_at_all_when_no_fact_says_what_is_asked_of_its_subject(
    runner: CliRunner,
) -> None:
    # Facts on Mullah Omar's death share the subject, none says "alive".
    result = runner.invoke(app, ["ask", "Is Mullah Omar alive?", "--json"])

    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize(
    ("question", "fact_ids"),
    [
        ("Was resolution 1267 adopted unanimously?", {"un-resolution-1267", "un-1267-sponsors"}),
        # "think" is too common a word to be part of what is asked; "return" is "come back".
        (
            "Does the UK defence secretary think al-Qaeda will return?",
            {"wallace-al-qaeda-will-come-back"},
        ),
        # "UN" is stated by "the United Nations".
        ("Is Baradar under UN sanctions?", {"baradar-on-un-sanctions-list"}),
    ],
)
def test_a_fact_that_states_the_proposition_answers(question: str, fact_ids: set[str]) -> None:
    found = answer(BUILTIN, question, limit=0)

    answers = {
        hit.fact.id
        for hit, reply in zip(found.hits, found.replies, strict=True)
        if reply.match is Match.ANSWER
    }
    assert answers & fact_ids


def test_a_paraphrase_with_another_content_word_is_partial() -> None:
    found = answer(BUILTIN, "Did the Taliban invite women into government?", limit=1)

    (reply,) = found.replies
    assert (reply.match, reply.unmatched) == (Match.PARTIAL, ("invite",))
    assert found.polar


def test_a_question_offering_alternatives_is_not_yes_or_no() -> None:
    found = answer(BUILTIN, "Was the Doha deal signed before or after covid hit the West?", limit=1)

    assert not found.polar
    assert found.hits[0].fact.id == "doha-accord-before-pandemic"
    assert found.replies[0].match is Match.ANSWER


def test_an_unanswerable_yes_no_question_on_a_known_event_is_not_answered() -> None:
    found = answer(
        BUILTIN,
        "Did al-Qaeda fighters take part in the Taliban's capture of Kabul in August 2021?",
        limit=0,
    )

    assert not found.answered
