"""tq export sqlite: tables with keys, served by Datasette itself, counts matching tq stats."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tqcli.cli import app

from conftest import MINI_PACK

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]


def _export(runner: CliRunner, target: Path, *options: str) -> None:
    result = runner.invoke(app, ["export", "sqlite", str(target), *options])
    assert result.exit_code == 0, result.stderr


def _stats(runner: CliRunner, *options: str) -> dict[str, Any]:
    result = runner.invoke(app, ["stats", "--json", *options])
    assert result.exit_code == 0, result.stderr
    stats: dict[str, Any] = json.loads(result.stdout)
    return stats


def test_tables_have_keys_and_every_reference_resolves(runner: CliRunner, tmp_path: Path) -> None:
    _export(runner, tmp_path / "facts.db")
    db = sqlite3.connect(tmp_path / "facts.db")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    keyed = {
        table: [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[5]]
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    assert keyed["facts"] == ["id"]
    assert keyed["sources"] == ["id"]
    assert keyed["entities"] == ["id"]
    assert keyed["tags"] == ["fact_id", "tag"]
    referenced = {row[2] for row in db.execute("PRAGMA foreign_key_list(passages)")}
    assert referenced == {"facts", "sources"}
    stats = _stats(runner)
    assert db.execute("SELECT count(*) FROM facts").fetchone()[0] == stats["facts"]
    by_source = dict(  # a fact cites a source itself or in a curator note, as stats counts
        db.execute(
            "SELECT source_id, count(DISTINCT fact_id) FROM "
            "(SELECT fact_id, source_id FROM passages UNION ALL "
            "SELECT fact_id, source_id FROM notes WHERE source_id IS NOT NULL) GROUP BY source_id"
        )
    )
    assert {k: v for k, v in stats["by_source"].items() if k in by_source} == by_source
    row = db.execute(
        "SELECT f.claim, s.title, p.passage FROM passages p JOIN facts f ON f.id = p.fact_id "
        "JOIN sources s ON s.id = p.source_id WHERE f.id = 'un-resolution-1267'"
    ).fetchone()
    assert row[0].startswith("On 15 October 1999 the UN Security Council")
    assert json.loads(db.execute("SELECT details FROM facts WHERE kind = 'quote'").fetchone()[0])


def test_a_file_tq_did_not_write_is_never_replaced(runner: CliRunner, tmp_path: Path) -> None:
    precious = tmp_path / "precious.db"
    precious.write_bytes(b"not mine to touch")
    result = runner.invoke(app, ["export", "sqlite", str(precious), *MINI])
    assert result.exit_code == 2
    assert "is not a tq export" in result.stderr
    assert precious.read_bytes() == b"not mine to touch"
    (tmp_path / "metadata.json").write_text('{"title": "mine"}')
    result = runner.invoke(app, ["export", "sqlite", str(tmp_path / "new.db"), *MINI])
    assert result.exit_code == 2
    assert "tq did not write it" in result.stderr
    assert (tmp_path / "metadata.json").read_text() == '{"title": "mine"}'
    assert not (tmp_path / "new.db").exists()
    _export(runner, tmp_path / "new.db", "--metadata", str(tmp_path / "new.json"), *MINI)
    _export(runner, tmp_path / "new.db", "--metadata", str(tmp_path / "new.json"), *MINI)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def datasette(runner: CliRunner, tmp_path: Path) -> Iterator[str]:
    """Datasette serving a fresh export of the built-in pack on 127.0.0.1; its base URL."""
    _export(runner, tmp_path / "facts.db")
    port = _free_port()
    script = Path(sys.executable).parent / "datasette"
    files = [str(tmp_path / "facts.db"), "-m", str(tmp_path / "metadata.json")]
    server = subprocess.Popen(
        [str(script), "serve", *files, "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {server.stderr.read()!r}")  # type: ignore[union-attr]
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_datasette_serves_the_export_and_its_counts_match_tq_stats(
    runner: CliRunner, datasette: str
) -> None:
    stats = _stats(runner)
    facts = _get(f"{datasette}/facts/facts.json?_shape=array&_size=max")
    assert len(facts) == stats["facts"]
    assert {fact["id"] for fact in facts} >= {"un-resolution-1267"}

    def count(sql: str) -> list[dict[str, Any]]:
        query = urllib.parse.urlencode({"sql": sql, "_shape": "array"})
        rows: list[dict[str, Any]] = _get(f"{datasette}/facts.json?{query}")
        return rows

    by_kind = {
        r["kind"]: r["n"] for r in count("SELECT kind, count(*) AS n FROM facts GROUP BY kind")
    }
    assert by_kind == {kind: n for kind, n in stats["by_kind"].items() if n}
    assert count("SELECT count(*) AS n FROM sources")[0]["n"] == stats["sources"]
    for view, kind in (("figures", "figure"), ("quotes", "quote"), ("events", "event")):
        assert count(f"SELECT count(*) AS n FROM {view}")[0]["n"] == stats["by_kind"][kind]
    assert count("SELECT count(*) AS n FROM entities")[0]["n"] == stats["entities"]

    # Foreign keys become links: a passage shows its source's title as the label.
    passages = _get(f"{datasette}/facts/passages.json?_shape=array&_labels=on&_size=max")
    titles = {p["source_id"]["label"] for p in passages}
    assert "Taliban and al-Qaeda: How are they linked?" in titles

    metadata = _get(f"{datasette}/-/metadata.json")
    assert metadata["title"] == "tq facts"
    assert "MIT" in metadata["license"]
    assert metadata["databases"]["facts"]["tables"]["facts"]["label_column"] == "claim"


@pytest.mark.parametrize("name", ["missing/facts.db", "-"], ids=["missing-directory", "stdout"])
def test_an_export_needs_a_file_in_a_directory_that_exists(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name if name != "-" else Path("-")

    result = runner.invoke(
        app, ["export", "sqlite", str(target), "--no-builtin", "--facts", str(MINI_PACK)]
    )

    assert result.exit_code == 2
    assert result.stdout == ""
    assert not (tmp_path / "missing").exists()  # never created behind the user's back
    assert not Path("-").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_database_gets_the_mode_any_new_file_gets_and_keeps_a_chosen_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    database = tmp_path / "facts.db"
    old_umask = os.umask(0o027)
    try:
        _export(runner, database, *MINI)
    finally:
        os.umask(old_umask)
    assert database.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "metadata.json").stat().st_mode & 0o777 == 0o640

    database.chmod(0o600)  # the user's choice survives a new export
    _export(runner, database, *MINI)
    assert database.stat().st_mode & 0o777 == 0o600
