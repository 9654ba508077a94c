"""ask's rule that a question asking for one value has one answer (ask.answering.one_answer)."""

from __future__ import annotations

import pytest

from tqcli.ask import Wants
from tqcli.ask.answering import one_answer
from tqcli.model import Match, Reply


def _matches(first: str, other: str, wants: Wants) -> list[Match]:
    replies = [Reply(Match.ANSWER, first), Reply(Match.ANSWER, other)]
    return [reply.match for reply in one_answer(replies, wants, ("asked",))]


@pytest.mark.parametrize(
    ("first", "other", "wants", "agrees"),
    [
        ("2022-07-31", "2022", Wants.DATE, True),
        ("2022", "2022-07-31", Wants.DATE, True),
        ("2022-07-31", "2022-08-01", Wants.DATE, False),
        ("2013-04-23", "2015", Wants.DATE, False),
        ("United States", "the United States", Wants.SOMEONE, True),
        (
            "Saif al-Adel (as of February 2023)",
            "Saif al-Adel; Hamza bin Laden",
            Wants.SOMEONE,
            True,
        ),
        ("Mullah Mohammad Hasan Akhund", "Abdul Ghani Baradar", Wants.SOMEONE, False),
        (
            "20,000,000 US dollars a year",
            "20,000,000 US dollars a year, reportedly",
            Wants.FIGURE,
            True,
        ),
        ("180–400 fighters", "200–500 men", Wants.FIGURE, False),
        ("five years", "five years", Wants.DURATION, True),
        ("five years", "twenty years", Wants.DURATION, False),
        (
            "al-Qaeda will probably come back",
            "failed states are breeding grounds",
            Wants.QUOTE,
            True,
        ),
        ("a claim", "another claim", Wants.ANYTHING, True),
    ],
)
def test_a_later_answer_stays_one_only_when_it_agrees(
    first: str, other: str, wants: Wants, agrees: bool
) -> None:
    assert _matches(first, other, wants) == [
        Match.ANSWER,
        Match.ANSWER if agrees else Match.PARTIAL,
    ]


def test_nothing_changes_when_the_first_is_only_partial() -> None:
    replies = [Reply(Match.PARTIAL, "2015", ("die",)), Reply(Match.ANSWER, "2013")]

    assert one_answer(replies, Wants.DATE, ("die",)) == replies


def test_a_disagreeing_answer_keeps_its_short_answer_and_names_what_is_asked_most() -> None:
    # A partial answer names what it leaves out (docs/json.md): it gives another value of
    # what the question asks most of.
    replies = [Reply(Match.ANSWER, "2013"), Reply(Match.ANSWER, "2015")]

    assert one_answer(replies, Wants.DATE, ("die",))[1] == Reply(Match.PARTIAL, "2015", ("die",))
