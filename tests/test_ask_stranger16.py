# ruff: noqa: E501  (claims in the packs are single strings)
"""A stranger's findings on `tq ask` (notes, stranger 16: 4, 8, 15; docs/ask-evaluation.md,
"Twenty-first round"), each fixed by its cause. Facts here are made up for the test, in packs of
their own."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from packs import entity, event, figure, harbour_news, pack_text, quote, source
from tqcli.ask import answer
from tqcli.ask.answering import agree
from tqcli.ask.question import Wants
from tqcli.cli import app
from tqcli.index import in_memory
from tqcli.model import Answers, Match, Pack

_CURATED = pack_text(
    figure(
        "board-spent-9bn",
        "The Harbour Board spent almost $9bn on the new quay over two decades, according to the Gazette.",
        passage="the board, which had spent almost $9bn on the new quay over two decades, to keep the sea out.",
        source="gazette",
        value=9000000000,
        unit="US dollars",
        qualifier="almost",
        notes=[
            {
                "text": "Overstated: the Ledger puts the board's spending at $1bn.",
                "stance": "corrects",
                "source": "ledger",
                "passage": "the board spent $1bn",
            }
        ],
    ),
    event(
        "fane-fled-to-norland",
        "Eve Fane left the harbour office and fled to Norland in May 2020, according to the Gazette.",
        passage="Eve Fane left the harbour office and fled to Norland.",
        source="gazette",
        date="2020-05",
        about=["eve-fane"],
        notes=[
            {"text": "Not Norland: the Ledger says she was in Southmark.", "stance": "corrects"}
        ],
    ),
    entities=["eve-fane"],
    sources=[
        harbour_news(url="https://www.gazette.example/harbour-news"),
        source("ledger", "Ledger report", "The Ledger", "news"),
    ],
)

_RESTATED = pack_text(
    figure(
        "my-board-spent-9bn",
        "The Harbour Board had spent almost $9bn on the new quay, according to the Gazette.",
        passage="which had spent almost $9bn on the new quay over two decades",
        source="my-gazette",
        value=9000000000,
        unit="US dollars",
        qualifier="almost",
    ),
    figure(
        "my-board-staff",
        "The Harbour Board kept 40 staff on the new quay, according to the Gazette.",
        passage="the board kept 40 staff",
        source="my-gazette",
        value=40,
        unit="staff",
    ),
    sources=[harbour_news("my-gazette", url="http://gazette.example/harbour-news/")],
)


def _found(tmp_path: Path, packs: dict[str, str], question: str, limit: int = 0) -> Answers:
    loaded = []
    for name, text in packs.items():
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "facts.toml").write_text(text, encoding="utf-8")
        loaded.append(Pack(name, folder, "--facts"))
    return answer(in_memory(loaded), question, limit=limit)


def _replies(found: Answers) -> dict[str, tuple[Match, str, str | None]]:
    return {
        hit.fact.id: (reply.match, reply.answer, hit.fact.standing().value)
        for hit, reply in zip(found.hits, found.replies, strict=True)
    }


def test_a_correction_reaches_a_claim_restated_in_another_pack_on_the_same_words(
    tmp_path: Path,
) -> None:
    # Finding 4: a user's pack restates a claim the built-in pack corrects, citing the same
    # passage (a part of it) of the same article (the same address, spelt otherwise).
    found = _found(
        tmp_path,
        {"curated": _CURATED, "restated": _RESTATED},
        "How much did the Harbour Board spend on the new quay?",
    )
    replies = _replies(found)
    assert replies["my-board-spent-9bn"][0] is Match.PARTIAL
    assert replies["my-board-spent-9bn"][2] == "corrects"
    (restated,) = [hit.fact for hit in found.hits if hit.fact.id == "my-board-spent-9bn"]
    (note,) = restated.notes
    assert note.text.startswith("On board-spent-9bn (pack curated), which rests on the same words")
    assert "$1bn" in note.text
    assert not found.answered


def test_a_correction_reaches_no_fact_on_other_words_nor_its_own_packs_facts(
    tmp_path: Path,
) -> None:
    found = _found(
        tmp_path,
        {"curated": _CURATED, "restated": _RESTATED},
        "How many staff did the Harbour Board keep on the new quay?",
    )
    assert _replies(found)["my-board-staff"][:1] == (Match.ANSWER,)
    hits = {hit.fact.id: hit.fact for hit in found.hits}
    assert hits["my-board-staff"].notes == ()
    # Alone, the curated pack's facts keep their own notes only.
    alone = _found(tmp_path, {"curated": _CURATED}, "Where did Eve Fane flee to?")
    assert all(len(hit.fact.notes) == 1 for hit in alone.hits)


def test_how_many_is_answered_with_the_number_and_what_it_counts(tmp_path: Path) -> None:
    # Finding 8: a quote's words "is present in at least 15 Afghan provinces" answered "how
    # many provinces?"; the figure of the same number was partial, naming nothing it left out.
    pack = pack_text(
        quote(
            "report-network-in-15-ports",
            "According to the Gazette, a June 2021 Ledger report suggested the Canal Network is present in at least 15 river ports.",
            passage="the Canal Network is present in at least 15 river ports",
            source="gazette",
            date="2021-06",
            hedge="suggested",
            about=["canal-network"],
            text="is present in at least 15 river ports",
            speaker="ledger-report",
        ),
        figure(
            "network-in-15-ports",
            "A June 2021 Ledger report suggested the Canal Network is present in at least 15 river ports, according to the Gazette.",
            passage="the Canal Network is present in at least 15 river ports",
            source="gazette",
            date="2021-06",
            hedge="suggested",
            asserted_by="ledger-report",
            about=["canal-network"],
            value=15,
            unit="river ports",
            qualifier="at least",
        ),
        entities=[
            "canal-network",
            entity("ledger-report", "Ledger report of June 2021", "document"),
        ],
        sources=[harbour_news(url="https://gazette.example/b")],
    )
    # (Asked in the present tense, as of the fact's date: docs/ask-evaluation.md, rule 7j.)
    for question, as_of in (
        ("How many ports?", ""),
        ("In how many river ports is the Canal Network present?", "; as of June 2021"),
    ):
        replies = _replies(_found(tmp_path, {"p": pack}, question))
        # (Of "river ports", the count runs to the head noun: not "at least 15 river".)
        assert replies["report-network-in-15-ports"][:2] == (
            Match.ANSWER,
            f"at least 15 river ports (hedged: suggested{as_of})",
        ), question
        assert replies["network-in-15-ports"][0] is Match.ANSWER, question


def test_figures_agree_on_their_value_not_on_whom_they_credit() -> None:
    assert agree(
        "at least 15 ports",
        "at least 15 ports (suggested), according to Ledger report of June 2021",
        Wants.FIGURE,
    )
    assert not agree("16 ports", "15 ports, according to the Gazette", Wants.FIGURE)


def test_a_topic_alone_is_no_question(runner: CliRunner) -> None:
    # Finding 15: "tq ask Taliban" (and "bin", what the shell passes of "bin\0laden") gave three
    # "Answer:" blocks.
    for topic in ("Taliban", "bin", "Osama bin Laden", "طالبان"):
        result = runner.invoke(app, ["ask", topic, "--json"])
        assert result.exit_code == 1
        assert json.loads(result.stdout) == []
        assert f"tq search {topic!r}" in result.stderr or f"tq search {topic}" in result.stderr
        assert "asks no question" in result.stderr
    human = runner.invoke(app, ["ask", "Taliban"])
    assert (human.exit_code, human.stdout) == (1, "")


def test_a_topic_with_what_is_asked_of_it_is_a_question(runner: CliRunner) -> None:
    for question in (
        "doha agreement date",
        "al qaeda leader 2021",
        "res 1390 ariana afghan airlines",
    ):
        result = runner.invoke(app, ["ask", question, "--json"])
        assert json.loads(result.stdout), question
        assert "asks no question" not in result.stderr
