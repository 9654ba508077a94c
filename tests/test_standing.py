"""--standing: search and list choose facts by how their curators' notes leave the claim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app

_SOURCE = """
[[source]]
id = "s"
title = "t"
publisher = "The Gazette"
kind = "news"
"""


def _ferry_event(fact_id: str, year: int, *stances: str) -> str:
    """An event about the ferry with a note of each stance given ("" for a note without one)."""
    notes = "".join(
        '\n[[event.note]]\ntext = "A note on it."\n' + (f'stance = "{stance}"\n' if stance else "")
        for stance in stances
    )
    return (
        f'\n[[event]]\nid = "{fact_id}"\nclaim = "The ferry sailed in {year}."\n'
        f'date = "{year}"\n\n[[event.cite]]\nsource = "s"\npassage = "the ferry sailed"\n' + notes
    )


# Each fact's notes, and the standing they leave its claim in.
_FACTS = {
    "no-note": ((), None),
    "context-note": (("",), None),
    "context-stated": (("context",), None),
    "contested": (("contests", "context"), "contested"),
    "corrected": (("corrects",), "corrected"),
    "contested-and-corrected": (("contests", "corrects"), "corrected"),
}


@pytest.fixture
def ferry(tmp_path: Path) -> list[str]:
    pack = tmp_path / "ferry"
    pack.mkdir()
    facts = "".join(
        _ferry_event(fact_id, 1990 + number, *stances)
        for number, (fact_id, (stances, _)) in enumerate(_FACTS.items())
    )
    (pack / "facts.toml").write_text(_SOURCE + facts, encoding="utf-8")
    return ["--no-builtin", "--facts", str(pack), "--no-cache"]


def _json(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code in (0, 1), result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("command", [["list"], ["search", "ferry"]])
@pytest.mark.parametrize(
    "chosen",
    [["contested"], ["corrected"], ["contested", "corrected"]],
    ids=["contested", "corrected", "both"],
)
def test_standing_keeps_the_facts_in_the_standings_chosen_and_their_json_as_it_was(
    runner: CliRunner, ferry: list[str], command: list[str], chosen: list[str]
) -> None:
    every = _json(runner, *command, *ferry)
    options = [word for standing in chosen for word in ("--standing", standing)]

    kept = _json(runner, *command, *ferry, *options)

    assert sorted(str(fact["id"]) for fact in every) == sorted(_FACTS)
    expected = [fact for fact in every if _FACTS[str(fact["id"])][1] in chosen]
    # The same objects, in the same order: only fewer of them; a search's scores are shares of
    # the best of the facts it lists (docs/json.md), so of the best of those kept.
    assert [{**fact, "score": None} for fact in kept] == [
        {**fact, "score": None} for fact in expected
    ]
    scores = [fact["score"] for fact in kept]
    if command == ["list"]:
        assert scores == [None] * len(kept)
    else:
        assert max(scores) == 1.0  # type: ignore[type-var]


def test_standing_with_other_filters_and_none_found(runner: CliRunner, ferry: list[str]) -> None:
    result = runner.invoke(app, ["list", *ferry, "--standing", "corrected", "--until", "1994"])
    none = runner.invoke(app, ["list", *ferry, "--standing", "contested", "--since", "1994"])

    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines() if line[:1].isalpha()] == [
        "corrected"
    ]
    assert (none.exit_code, none.stdout) == (1, "")


def test_an_unknown_standing_is_a_usage_error_naming_the_choices(
    runner: CliRunner, ferry: list[str]
) -> None:
    result = runner.invoke(app, ["list", *ferry, "--standing", "wrong"])

    assert result.exit_code == 2
    assert "'wrong' is not one of 'contested', 'corrected'" in result.stderr


def test_standing_in_a_batch_of_searches(runner: CliRunner, ferry: list[str]) -> None:
    result = runner.invoke(
        app, ["search", "--batch", *ferry, "--standing", "contested"], input="ferry\nsailed\n"
    )

    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [[fact["id"] for fact in line["results"]] for line in lines] == [["contested"]] * 2


def test_the_built_in_articles_contested_and_corrected_claims(runner: CliRunner) -> None:
    """What stranger 10 had to work out with jq from the notes' stances, chosen directly."""
    source = ["--source", "independent-2021-taliban-al-qaeda"]
    every = _json(runner, "list", *source)
    marked = {
        str(fact["id"])
        for fact in every
        if {"contests", "corrects"} & {note["stance"] for note in fact["notes"]}
    }

    both = _json(runner, "list", *source, "--standing", "contested", "--standing", "corrected")
    corrected = _json(runner, "list", *source, "--standing", "corrected")

    assert {fact["id"] for fact in both} == marked
    assert len(marked) >= 12
    assert {fact["id"] for fact in corrected} == {
        fact["id"] for fact in every if "corrects" in {note["stance"] for note in fact["notes"]}
    }
    assert 0 < len(corrected) < len(both)
