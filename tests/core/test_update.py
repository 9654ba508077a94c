"""The index brought up to date file by file: an edited, added, removed or renamed fact file is
re-read alone, and the result is exactly what a whole build gives; anything else (a source or
entity file, an archive, a problem) takes a whole build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.index import _open
from tqcli.index import update as update_module
from tqcli.index.build import build, write
from tqcli.index.cache import snapshot
from tqcli.model import Pack

from conftest import MINI_PACK, index_rows, record_outcomes, synthetic_events


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """The mini pack with two more fact files."""
    copy = tmp_path / "pack"
    shutil.copytree(MINI_PACK, copy)
    (copy / "more-a.toml").write_text(synthetic_events("alpha", 5))
    (copy / "more-b.toml").write_text(synthetic_events("beta", 5))
    return copy


@pytest.fixture
def updates(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each run that found the index stale: True if it was brought up to date file by file."""
    return record_outcomes(monkeypatch, update_module, "update")


def _out(runner: CliRunner, pack: Path, *args: str, cached: bool = True) -> tuple[int, str]:
    options = ["--no-builtin", "--facts", str(pack), *([] if cached else ["--no-cache"])]
    result = runner.invoke(app, [*args, *options])
    return result.exit_code, result.stdout + result.stderr


_QUERIES = (
    ("search", "acme", "event", "--json", "--limit", "0"),
    ("list", "--json"),
    ("list", "--tag", "alpha", "--format", "plain"),
    ("stats", "--json"),
)


def _same_as_a_whole_build(runner: CliRunner, pack: Path) -> None:
    for query in _QUERIES:
        assert _out(runner, pack, *query) == _out(runner, pack, *query, cached=False), query


def test_an_edited_fact_file_is_updated_alone(
    runner: CliRunner, pack: Path, updates: list[bool]
) -> None:
    _out(runner, pack, "list")
    text = (pack / "more-a.toml").read_text()
    (pack / "more-a.toml").write_text(text.replace("alpha event 3", "alpha event zeppelin"))

    code, out = _out(runner, pack, "search", "zeppelin", "--json")

    assert code == 0
    assert [fact["id"] for fact in json.loads(out)] == ["alpha-3"]
    assert updates == [True]
    _same_as_a_whole_build(runner, pack)
    assert updates == [True]  # the queries after it were warm


def test_an_added_a_removed_and_a_renamed_file(
    runner: CliRunner, pack: Path, updates: list[bool]
) -> None:
    _out(runner, pack, "list")

    (pack / "more-c.toml").write_text(synthetic_events("gamma", 3))
    assert json.loads(_out(runner, pack, "list", "--tag", "gamma", "--json")[1])[0]["id"] == (
        "gamma-0"
    )
    _same_as_a_whole_build(runner, pack)

    (pack / "more-b.toml").unlink()
    assert _out(runner, pack, "list", "--tag", "beta")[0] == 1
    _same_as_a_whole_build(runner, pack)

    (pack / "more-a.toml").rename(pack / "renamed.toml")
    code, out = _out(runner, pack, "show", "alpha-0", "--format", "plain")
    assert code == 0
    assert "renamed.toml:1" in out
    _same_as_a_whole_build(runner, pack)
    assert updates == [True, True, True]


def test_an_edit_to_sources_or_entities_takes_a_whole_build(
    runner: CliRunner, pack: Path, updates: list[bool]
) -> None:
    _out(runner, pack, "list")
    entities = (pack / "entities.toml").read_text()
    (pack / "entities.toml").write_text(entities.replace("Acme Widget Company", "Acme Gizmo Ltd"))

    code, out = _out(runner, pack, "search", "gizmo", "--json")

    assert code == 0
    assert "alpha-0" in out
    assert updates == [False]
    _same_as_a_whole_build(runner, pack)


def test_an_edited_archive_takes_a_whole_build(
    runner: CliRunner, pack: Path, updates: list[bool]
) -> None:
    _out(runner, pack, "list")
    archive = pack / "archive" / "gazette.txt"
    archive.write_text(archive.read_text().replace("founded in 1901", "founded in 1902"))

    code, out = _out(runner, pack, "list")

    assert code == 3
    assert "passage not found verbatim" in out
    assert updates == [False]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('id = "alpha-1"', 'id = "beta-1"'), "duplicate fact id 'beta-1'"),
        (('id = "alpha-1"', 'id = "acme-founded"'), "duplicate fact id 'acme-founded'"),
        (('about = ["acme"]', 'about = ["acne"]'), "names unknown entity 'acne'"),
        (('source = "gazette-2020"', 'source = "gazete"'), "cites unknown source 'gazete'"),
        (("Acme was founded in 1901", "Acme was founded in 1999"), "not found verbatim"),
        (('date = "1911"', 'date = "1911-13"'), "not a date"),
    ],
    ids=[
        "duplicate-across-files",
        "duplicate-of-first-file",
        "entity",
        "source",
        "passage",
        "date",
    ],
)
def test_a_problem_in_an_edited_file_is_reported_as_a_whole_load_reports_it(
    runner: CliRunner, pack: Path, updates: list[bool], change: tuple[str, str], problem: str
) -> None:
    _out(runner, pack, "list")
    text = (pack / "more-a.toml").read_text()
    (pack / "more-a.toml").write_text(text.replace(*change))

    cached = _out(runner, pack, "list")

    assert cached[0] == 3
    assert problem in cached[1]
    assert cached == _out(runner, pack, "list", cached=False)
    assert updates == [False]


def test_a_listing_reference_in_an_edited_file_is_found_exactly(
    runner: CliRunner, pack: Path, updates: list[bool]
) -> None:
    _out(runner, pack, "list")
    (pack / "more-a.toml").write_text(
        (pack / "more-a.toml").read_text()
        + '[[sanction]]\nid = "acme-listed"\nclaim = "Acme was listed as TXi.001."\n'
        'about = ["acme"]\nauthority = "Example Council"\ninstrument = "Resolution 42"\n'
        'reference = "TXi.001"\ntargets = ["acme"]\n\n'
        '[[sanction.cite]]\nsource = "gazette-2020"\npassage = "Acme was founded in 1901"\n'
    )

    code, out = _out(runner, pack, "search", "TXi.001", "--json")

    assert code == 0
    assert [fact["id"] for fact in json.loads(out)] == ["acme-listed"]
    assert updates == [True]
    assert _out(runner, pack, "search", "txi.001", "--json") == _out(
        runner, pack, "search", "txi.001", "--json", cached=False
    )
    (pack / "more-a.toml").write_text(synthetic_events("alpha", 5))  # the listing removed again
    assert _out(runner, pack, "search", "TXi.001", "--json")[0] == 1
    assert updates == [True, True]


def test_synonyms_added_to_a_fact_file_take_a_whole_build(
    runner: CliRunner, pack: Path, updates: list[bool]
) -> None:
    _out(runner, pack, "list")
    (pack / "more-a.toml").write_text(
        (pack / "more-a.toml").read_text()
        + '[[synonyms]]\nwords = ["widget", "gizmo"]\nwhy = "The same product in this pack."\n'
    )

    code, _ = _out(runner, pack, "list")

    assert code == 0
    assert updates == [False]
    _same_as_a_whole_build(runner, pack)
    assert _out(runner, pack, "ask", "how many gizmos", "--json") == _out(
        runner, pack, "ask", "how many gizmos", "--json", cached=False
    )


def test_the_index_is_copied_by_the_file_system_only_while_its_file_is_the_one_read(
    pack: Path, tmp_path: Path
) -> None:
    packs = [Pack("mini", pack, "user")]
    path = tmp_path / "cache" / "index-0123456789abcdef.sqlite3"
    build(packs, snapshot(packs), path, lambda _: None).close()
    index = _open(path)
    assert index.copy_file(tmp_path / "copy.sqlite3")
    assert index_rows(tmp_path / "copy.sqlite3") == index_rows(path)
    before = index_rows(path)

    # Replaced by another run's index of the packs as edited: this one still reads the old.
    text = (pack / "more-a.toml").read_text()
    (pack / "more-a.toml").write_text(text.replace("alpha event 3", "alpha event zeppelin"))
    other = tmp_path / "other" / path.name
    build(packs, snapshot(packs), other, lambda _: None).close()
    other.replace(path)
    assert not index.copy_file(tmp_path / "stale.sqlite3")
    # ... so a copy to start from is SQLite's copy of what it reads, not the file there now.
    write(tmp_path / "started" / path.name, lambda _: None, start=index).close()
    assert index_rows(tmp_path / "started" / path.name) == before
    index.close()
