"""tq who --format csv: the facts about an entity, each row saying whom it is about."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from tqcli.cli import app

from conftest import MINI_PACK


def _rows(runner: CliRunner, pack: Path, name: str) -> list[dict[str, str]]:
    result = runner.invoke(
        app, ["who", name, "--format", "csv", "--no-builtin", "--facts", str(pack)]
    )
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_every_row_begins_with_the_entity(runner: CliRunner, cache: Path) -> None:
    rows = _rows(runner, MINI_PACK, "ACME Corp")

    assert len(rows) == 7  # the facts about Acme, as tq list --about acme gives them
    assert {
        (r["entity_id"], r["entity_name"], r["entity_kind"], r["entity_aliases"]) for r in rows
    } == {("acme", "Acme Widget Company", "organization", "ACME Corp | Acmé")}
    assert rows[0]["id"]  # then the fact's own columns
    assert list(rows[0])[:6] == [
        "entity_id", "entity_name", "entity_kind", "entity_aliases", "listings", "id",
    ]  # fmt: skip


def test_an_entity_no_fact_names_is_a_row_of_its_own(
    runner: CliRunner, pack: Path, cache: Path
) -> None:
    with (pack / "entities.toml").open("a", encoding="utf-8") as entities:
        entities.write('\n[[entity]]\nid = "nobody"\nname = "Nobody Named"\nkind = "person"\n')

    rows = _rows(runner, pack, "Nobody Named")

    assert [(r["entity_id"], r["entity_name"], r["id"], r["claim"]) for r in rows] == [
        ("nobody", "Nobody Named", "", "")
    ]
