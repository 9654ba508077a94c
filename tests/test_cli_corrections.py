# ruff: noqa: E501  (claims in the packs are single strings)
"""Another pack's curator correction of the same words of the same source reaches `tq show`,
`tq search` (and its --batch) and `tq validate` as it reaches `tq ask` (tqcli.corrections; the
lead's brief after stranger 16, finding 4). Facts here are made up, in packs of their own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from packs import figure, harbour_news, pack_text
from tqcli.cli import app
from tqcli.schemas import SchemaName

from conftest import schema_validator

_CURATED = pack_text(
    figure(
        "board-spent-9bn",
        "The Harbour Board spent almost $9bn on the new quay, according to the Gazette.",
        passage="the board, which had spent almost $9bn on the new quay over two decades, to keep the sea out.",
        source="gazette",
        value=9000000000,
        unit="US dollars",
        notes=[
            {
                "text": "Overstated: the Ledger puts the board's spending at $1bn.",
                "stance": "corrects",
            }
        ],
    ),
    sources=[harbour_news(url="https://www.gazette.example/harbour-news")],
)

_RESTATED = pack_text(
    figure(
        "my-board-spent-9bn",
        "The Harbour Board had spent almost $9bn on the quay, according to the Gazette.",
        passage="which had spent almost $9bn on the new quay over two decades",
        source="my-gazette",
        value=9000000000,
        unit="US dollars",
    ),
    figure(
        "my-board-staff",
        "The Harbour Board kept 40 staff on the quay, according to the Gazette.",
        passage="the board kept 40 staff",
        source="my-gazette",
        value=40,
        unit="staff",
    ),
    sources=[harbour_news("my-gazette", url="http://gazette.example/harbour-news/")],
)

_FROM = "On board-spent-9bn (pack curated), which rests on the same words of the same source: Overstated"


@pytest.fixture
def packs(tmp_path: Path) -> list[str]:
    """--facts options for the curated pack and the pack restating its claim (no built-in)."""
    options = ["--no-builtin"]
    for name, text in (("curated", _CURATED), ("restated", _RESTATED)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "facts.toml").write_text(text, encoding="utf-8")
        options += ["--facts", str(tmp_path / name)]
    return options


def _notes(fact: dict[str, object]) -> list[tuple[str, str]]:
    notes = fact["notes"]
    assert isinstance(notes, list)
    return [(note["stance"], note["text"]) for note in notes]


def test_show_gives_a_restated_claim_the_other_pack_s_correction(
    runner: CliRunner, packs: list[str]
) -> None:
    result = runner.invoke(app, ["show", "my-board-spent-9bn", "my-board-staff", "--json", *packs])

    assert (result.exit_code, result.stderr) == (0, "")
    restated, other_words = json.loads(result.stdout)
    [(stance, text)] = _notes(restated)
    assert stance == "corrects"
    assert text.startswith(_FROM)
    assert _notes(other_words) == []


def test_show_in_human_output_marks_the_note_as_a_correction(
    runner: CliRunner, packs: list[str]
) -> None:
    result = runner.invoke(app, ["show", "my-board-spent-9bn", "--format", "plain", *packs])

    assert (result.exit_code, result.stderr) == (0, "")
    assert f"Curator note (corrects the claim): {_FROM}" in result.stdout


def test_without_the_correcting_pack_the_claim_has_no_note(
    runner: CliRunner, tmp_path: Path, packs: list[str]
) -> None:
    alone = ["--no-builtin", "--facts", str(tmp_path / "restated")]

    result = runner.invoke(app, ["show", "my-board-spent-9bn", "--json", *alone])

    assert result.exit_code == 0
    assert _notes(json.loads(result.stdout)[0]) == []


def test_search_gives_the_correction_too(runner: CliRunner, packs: list[str]) -> None:
    result = runner.invoke(app, ["search", "quay", "--json", *packs])

    assert (result.exit_code, result.stderr) == (0, "")
    found = {fact["id"]: fact for fact in json.loads(result.stdout)}
    assert _notes(found["my-board-spent-9bn"])[0][1].startswith(_FROM)
    assert _notes(found["my-board-staff"]) == []
    # The curated pack's own fact keeps its own note alone.
    assert len(_notes(found["board-spent-9bn"])) == 1


def test_search_batch_gives_the_correction_on_every_line(
    runner: CliRunner, packs: list[str]
) -> None:
    result = runner.invoke(app, ["search", "--batch", *packs], input="9bn\nquay\n")

    assert (result.exit_code, result.stderr) == (0, "")
    for line in result.stdout.splitlines():
        found = {fact["id"]: fact for fact in json.loads(line)["results"]}
        assert _notes(found["my-board-spent-9bn"])[0][1].startswith(_FROM)


def test_validate_names_each_fact_another_pack_corrects(
    runner: CliRunner, packs: list[str]
) -> None:
    result = runner.invoke(app, ["validate", "--format", "plain", *packs])

    assert result.exit_code == 0  # a note, not a problem
    [line] = result.stderr.splitlines()
    assert line.endswith(
        "facts.toml:9: note: figure 'my-board-spent-9bn' rests on the same words of the same "
        "source as 'board-spent-9bn' (pack curated), whose curators' note corrects its claim; "
        "queries show the note with it: Overstated: the Ledger puts the board's spending at $1bn."
    )
    assert "1 fact(s) restate a claim that another pack's curators correct" in result.stdout


def test_validate_json_lists_them(runner: CliRunner, packs: list[str]) -> None:
    result = runner.invoke(app, ["validate", "--json", *packs])

    assert result.exit_code == 0
    report = json.loads(result.stdout)
    schema_validator(SchemaName.VALIDATE).validate(report)
    [noted] = report["notes_from_other_packs"]
    assert noted["file"].endswith("restated/facts.toml")
    assert {key: noted[key] for key in ("line", "fact", "noted_fact", "noted_pack", "stance")} == {
        "line": 9,
        "fact": "my-board-spent-9bn",
        "noted_fact": "board-spent-9bn",
        "noted_pack": "curated",
        "stance": "corrects",
    }


def test_validate_of_one_pack_has_no_such_note(
    runner: CliRunner, tmp_path: Path, packs: list[str]
) -> None:
    result = runner.invoke(
        app, ["validate", "--json", "--no-builtin", "--facts", str(tmp_path / "restated")]
    )

    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["notes_from_other_packs"] == []


def test_a_copy_of_a_pack_is_not_told_its_own_notes(runner: CliRunner, tmp_path: Path) -> None:
    # A copy (a checkout's facts/ beside the installed built-in pack) has every id again: its
    # duplicates are the problems, and its curators' notes are the other's own.
    options = ["--no-builtin"]
    for name in ("curated", "copy"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "facts.toml").write_text(
            _CURATED + _RESTATED.replace("my-gazette", "my-gazette-" + name), encoding="utf-8"
        )
        options += ["--facts", str(tmp_path / name)]

    result = runner.invoke(app, ["validate", "--json", *options])

    assert result.exit_code == 3
    assert "note:" not in result.stderr
    assert json.loads(result.stdout)["notes_from_other_packs"] == []
