"""Curator notes that contest or correct their claim: read from packs, shown by search and show,
and acted on by ask (a corrected claim is never the answer; a contested one is marked)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from packs import event, figure, pack_text
from tqcli.ask import answer
from tqcli.cli import app
from tqcli.index import in_memory
from tqcli.loader import load
from tqcli.model import Match, Note, NoteStance, Pack
from tqcli.packs import packs_in_effect

BUILTIN = in_memory(packs_in_effect([], environ={}))
BUILTIN_FACTS = load(packs_in_effect([], environ={})).catalog

_PACK = pack_text(
    figure(
        "ferry-riders-2020",
        "The ferry carried 900 riders a day in 2020, according to the gazette.",
        passage="the ferry carried 900 riders a day",
        date="2020",
        value=900,
        unit="riders a day",
        notes=[
            {
                "text": "Not 900: the operator's own report, read for this pack, gives 90 riders"
                " a day.",
                "stance": "corrects",
            },
            {"text": "The gazette's figure is for weekdays."},
        ],
    ),
    event(
        "ferry-opened-1990",
        "The ferry opened in 1990, according to the gazette.",
        passage="the ferry opened in 1990",
        date="1990",
        notes=[
            {
                "text": "The operator's history says it opened in 1991; the gazette's date is not"
                " settled.",
                "stance": "contests",
            }
        ],
    ),
)


def _ferry_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "ferry"
    pack.mkdir()
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    return pack


def test_a_note_says_how_it_bears_on_its_claim_and_defaults_to_context(tmp_path: Path) -> None:
    report = load([Pack("ferry", _ferry_pack(tmp_path), "--facts")])

    assert not report.problems
    riders = report.catalog.fact("ferry-riders-2020")
    opened = report.catalog.fact("ferry-opened-1990")
    assert riders is not None
    assert opened is not None
    assert [note.stance for note in riders.notes] == [NoteStance.CORRECTS, NoteStance.CONTEXT]
    assert riders.standing() is NoteStance.CORRECTS
    assert opened.standing() is NoteStance.CONTESTS
    assert all(note.stance is NoteStance.CONTEXT for note in _builtin("ghani-in-the-uae-2021"))


def _builtin(fact_id: str) -> tuple[Note, ...]:
    fact = BUILTIN_FACTS.fact(fact_id)
    assert fact is not None
    return fact.notes


def test_a_corrected_claim_is_never_the_answer(runner: CliRunner, tmp_path: Path) -> None:
    pack = _ferry_pack(tmp_path)

    result = runner.invoke(
        app,
        [
            "ask",
            "How many riders did the ferry carry a day?",
            "--no-builtin",
            "--facts",
            str(pack),
            "--json",
        ],
    )

    found = json.loads(result.stdout)
    assert result.exit_code == 1  # no answer: the only fact that would be one is corrected
    assert [(fact["id"], fact["match"], fact["standing"]) for fact in found][:1] == [
        ("ferry-riders-2020", "partial", "corrected")
    ]
    notes = found[0]["notes"]
    assert [note["stance"] for note in notes] == ["corrects", "context"]


def test_the_correction_is_shown_beside_a_corrected_claim(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = _ferry_pack(tmp_path)

    result = runner.invoke(
        app,
        ["ask", "How many riders did the ferry carry a day?", "--no-builtin", "--facts", str(pack)],
    )

    lines = result.stdout.splitlines()
    assert lines[0] == "Partial answer (corrected): 900 riders a day, according to The Gazette"
    assert lines[1] == (
        "  The pack's curators note: Not 900: the operator's own report, read for this pack, "
        "gives 90 riders a day."
    )
    assert "Curator note: The gazette's figure is for weekdays." in result.stdout
    assert result.stdout.count("Not 900") == 1  # beside the claim, not again among the notes


def test_a_contested_claim_answers_marked_contested(runner: CliRunner, tmp_path: Path) -> None:
    pack = _ferry_pack(tmp_path)
    question = ["ask", "When did the ferry open?", "--no-builtin", "--facts", str(pack)]

    text = runner.invoke(app, question)
    data = json.loads(runner.invoke(app, [*question, "--json"]).stdout)

    assert text.exit_code == 0
    assert text.stdout.splitlines()[:2] == [
        "Answer (contested): 1990",
        "  The pack's curators note: The operator's history says it opened in 1991; the "
        "gazette's date is not settled.",
    ]
    assert (data[0]["match"], data[0]["standing"]) == ("answer", "contested")


def test_search_and_show_mark_a_note_that_contests_or_corrects(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = _ferry_pack(tmp_path)

    shown = runner.invoke(app, ["show", "ferry-riders-2020", "--no-builtin", "--facts", str(pack)])
    found = runner.invoke(app, ["search", "ferry", "opened", "--no-builtin", "--facts", str(pack)])

    assert "  Curator note (corrects the claim): Not 900" in shown.stdout
    assert "  Curator note: The gazette's figure is for weekdays." in shown.stdout
    assert "  Curator note (contests the claim): The operator's history" in found.stdout


def test_ask_csv_says_the_standing(runner: CliRunner, tmp_path: Path) -> None:
    pack = _ferry_pack(tmp_path)

    result = runner.invoke(
        app,
        [
            "ask",
            "When did the ferry open?",
            "--no-builtin",
            "--facts",
            str(pack),
            "--format",
            "csv",
        ],
    )

    header, row = result.stdout.splitlines()[:2]
    assert header.endswith(",match,answer,unmatched,standing")
    assert row.endswith(",answer,1990,,contested")


def test_the_articles_wrong_destination_for_ghani_is_not_the_answer() -> None:
    found = answer(BUILTIN, "Where did Ghani flee to?", limit=0)

    replies = dict(zip((hit.fact.id for hit in found.hits), found.replies, strict=True))
    assert replies["ghani-flees-2021"].match is Match.PARTIAL


def test_every_builtin_correction_leaves_its_claim_unanswered() -> None:
    corrected = [fact for fact in BUILTIN_FACTS.facts if fact.standing() is NoteStance.CORRECTS]

    assert corrected  # the article's wrong statements (facts/ARTICLE-INVENTORY.md)
    for fact in corrected:
        # The claim's own words as the question: still no answer from it.
        found = answer(BUILTIN, fact.claim, limit=0)
        assert all(
            reply.match is Match.PARTIAL
            for hit, reply in zip(found.hits, found.replies, strict=True)
            if hit.fact.id == fact.id
        )
