"""Hostile cache cases: leftovers of killed builds, unbounded growth, odd homes, damaged files.

A damaged or surprising cache may cost a rebuild, never a wrong answer, a traceback, or a file
of the user's.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app

from conftest import NO_READ_OVERRIDE, REPO, index_files, json_ids, skip_unless_reads_can_be_refused


def _leftovers(cache: Path) -> list[str]:
    return sorted(path.name for path in cache.iterdir() if path.name.endswith(".tmp"))


_KILLED_MID_BUILD = """
import os, signal, sys
from tqcli.index import build

def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

build._fill = killed
from tqcli.__main__ import main
sys.argv = ["tq", "search", "gadgets", "--no-builtin", "--facts", sys.argv[1]]
main()
"""


def test_a_build_killed_midway_leaves_nothing_behind_after_the_next_run(
    runner: CliRunner, pack: Path, cache: Path
) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_BUILD, str(pack)], capture_output=True, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert len(_leftovers(cache)) == 1  # what a kill leaves

    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]
    assert _leftovers(cache) == []


def test_a_temporary_file_of_a_build_still_running_is_left_alone(
    runner: CliRunner, pack: Path, cache: Path, tmp_path: Path
) -> None:
    from tqcli.index.cache import temporary_index

    other = shutil.copytree(pack, tmp_path / "other")
    cache.mkdir()
    with temporary_index(cache) as running:  # held as a running build holds it
        json_ids(runner, pack, "search", "gadgets")
        json_ids(runner, other, "search", "gadgets")  # another pack set: a build
        assert running.exists()


def test_indexes_are_kept_to_a_bounded_number_least_recently_used_first(
    runner: CliRunner, pack: Path, cache: Path, tmp_path: Path
) -> None:
    from tqcli.index.cache import MAX_INDEXES

    packs = []
    for n in range(MAX_INDEXES + 2):
        copy = tmp_path / f"pack-{n}"
        shutil.copytree(pack, copy)
        packs.append(copy)
    for copy in packs[:MAX_INDEXES]:
        json_ids(runner, copy, "search", "gadgets")
    assert len(index_files(cache)) == MAX_INDEXES
    json_ids(runner, packs[0], "search", "gadgets")  # the oldest, used again
    before = {path.name: path.stat().st_mtime_ns for path in index_files(cache)}

    for copy in packs[MAX_INDEXES:]:  # two more pack sets: two more builds
        json_ids(runner, copy, "search", "gadgets")

    after = {path.name: path.stat().st_mtime_ns for path in index_files(cache)}
    assert len(after) == MAX_INDEXES
    kept = set(before) & set(after)
    assert len(kept) == MAX_INDEXES - 2
    json_ids(runner, packs[0], "search", "gadgets")
    assert {path.name: path.stat().st_mtime_ns for path in index_files(cache)} == after  # reused


def test_pruning_never_touches_files_tq_did_not_write(
    runner: CliRunner, pack: Path, cache: Path
) -> None:
    cache.mkdir()
    mine = [cache / "notes.txt", cache / "index-notes.txt", cache / ".index-draft"]
    for path in mine:
        path.write_text("the user's own")

    json_ids(runner, pack, "search", "gadgets")
    result = runner.invoke(app, ["cache", "clear"])

    assert result.exit_code == 0, result.stderr
    assert [path.read_text() for path in mine] == ["the user's own"] * 3
    assert index_files(cache) == []


def test_tq_cache_shows_where_and_how_big(runner: CliRunner, pack: Path, cache: Path) -> None:
    json_ids(runner, pack, "search", "gadgets")
    [index] = index_files(cache)

    shown = runner.invoke(app, ["cache", "--json"])
    plain = runner.invoke(app, ["cache"])

    assert shown.exit_code == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["directory"] == str(cache)
    assert data["indexes"] == 1
    assert data["bytes"] >= index.stat().st_size
    assert plain.exit_code == 0
    assert str(cache) in plain.stdout
    assert "1 index" in plain.stdout


def test_tq_cache_clear_empties_it_and_the_next_query_rebuilds(
    runner: CliRunner, pack: Path, cache: Path
) -> None:
    json_ids(runner, pack, "search", "gadgets")

    cleared = runner.invoke(app, ["cache", "clear"])

    assert cleared.exit_code == 0, cleared.stderr
    assert index_files(cache) == []
    assert json.loads(runner.invoke(app, ["cache", "--json"]).stdout)["indexes"] == 0
    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]


def test_tq_cache_without_a_cache_directory_says_so(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TQ_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "nowhere"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "none"))  # no fallback: test_cli_cache_home

    shown = runner.invoke(app, ["cache", "--json"])
    cleared = runner.invoke(app, ["cache", "clear"])

    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["directory"] is None
    assert cleared.exit_code == 0
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG applies on Linux and BSD")
def test_a_home_that_does_not_exist_is_never_created(
    runner: CliRunner, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nowhere = tmp_path / "nonexistent"
    monkeypatch.delenv("TQ_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(nowhere))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "none"))  # no fallback: test_cli_cache_home

    result = runner.invoke(
        app, ["search", "gadgets", "--json", "--no-builtin", "--facts", str(pack)]
    )

    assert result.exit_code == 0, result.stderr
    assert [fact["id"] for fact in json.loads(result.stdout)] == [
        "acme-gadgets-2019",
        "widget-accord",
    ]
    assert not nowhere.exists()
    assert "answering without a cache" in result.stderr


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG applies on Linux and BSD")
def test_a_relative_xdg_cache_home_is_ignored(
    runner: CliRunner, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    workdir = tmp_path / "work"
    workdir.mkdir()
    monkeypatch.delenv("TQ_CACHE_DIR")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.chdir(workdir)

    json_ids(runner, pack, "search", "gadgets")

    assert list(workdir.iterdir()) == []
    assert len(index_files(home / ".cache" / "tq")) == 1


def test_rows_removed_from_a_secondary_table_never_give_a_wrong_answer(
    runner: CliRunner, pack: Path, cache: Path
) -> None:
    expected = json_ids(runner, pack, "list", "--tag", "gadgets")
    assert expected
    [index] = index_files(cache)
    with contextlib.closing(sqlite3.connect(index)) as connection, connection:
        connection.execute("DELETE FROM fact_tags")

    assert json_ids(runner, pack, "list", "--tag", "gadgets") == expected


def test_an_index_replaced_by_a_symlink_to_a_user_file_is_rebuilt_and_the_file_untouched(
    runner: CliRunner, pack: Path, cache: Path, tmp_path: Path
) -> None:
    json_ids(runner, pack, "search", "gadgets")
    [index] = index_files(cache)
    precious = tmp_path / "precious.txt"
    precious.write_text("the user's own")
    index.unlink()
    index.symlink_to(precious)

    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]
    assert precious.read_text() == "the user's own"
    assert not index.is_symlink()


def test_a_seal_full_of_garbage_costs_a_rebuild_only(
    runner: CliRunner, pack: Path, cache: Path
) -> None:
    json_ids(runner, pack, "search", "gadgets")
    [index] = index_files(cache)
    index.with_suffix(".seal").write_bytes(b"\xff\xfe\x00garbage")

    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_added_to_an_indexed_pack_is_reported_never_opened(
    tq_executable: Path, pack: Path, cache: Path
) -> None:
    command = [str(tq_executable), "list", "--no-builtin", "--facts", str(pack)]
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0
    os.mkfifo(pack / "late.toml")  # would block whoever opened it for reading

    run = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)

    assert run.returncode == 3
    assert "late.toml: not a regular file (a pipe or a device); not read" in run.stderr


def test_the_bound_on_indexes_kept_is_the_one_help_and_readme_state(runner: CliRunner) -> None:
    """Stranger 10 found 5 indexes (140 MB) and could not tell whether they would grow."""
    from tqcli.index.cache import MAX_INDEXES

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = runner.invoke(app, ["cache", "--help"], env={"COLUMNS": "200"}).stdout

    assert f"the {MAX_INDEXES} used last" in " ".join(shown.split())
    assert f"One index is kept per set of packs used, the {MAX_INDEXES} used last" in " ".join(
        readme.split()
    )


def test_a_fact_file_the_index_was_built_from_that_cannot_be_read_now_is_a_problem(
    pack: Path, cache: Path, tq_executable: Path
) -> None:
    """An index another process built (root, or a user sharing the cache) is not answered from
    when a fact file is unreadable to this one: the same problem and exit code as --no-cache."""
    skip_unless_reads_can_be_refused()
    (pack / "facts.toml").chmod(0)
    query = [str(tq_executable), "search", "widgets", "--no-builtin", "--facts", str(pack)]
    environment = {**os.environ, "TQ_CACHE_DIR": str(cache)}

    def run(*command: str) -> tuple[int, str, str]:
        done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
        return done.returncode, done.stdout, done.stderr

    assert run(*query)[0] == 0  # root reads it, and the index is built
    refused = run(*NO_READ_OVERRIDE, *query)
    uncached = run(*NO_READ_OVERRIDE, *query, "--no-cache")

    assert refused == uncached
    assert refused[:2] == (3, "")
    assert f"{pack / 'facts.toml'}: cannot be read: Permission denied" in refused[2]


def test_a_temporary_file_is_locked_before_other_runs_can_take_it_for_a_leftover(
    cache: Path,
) -> None:
    # Made as ".tmp" and then locked, a racing run's tidy could lock it first, in between, and
    # remove it as a killed build's leftover (the racing-processes test saw a run answer
    # without a cache). It is made under a name tidy passes over, locked, then renamed.
    from tqcli.index.cache import temporary_index, tidy

    cache.mkdir()
    with temporary_index(cache) as running:
        assert running.name.endswith(".tmp")
        assert not list(cache.glob("*.new"))
        tidy(cache)
        assert running.exists()
    starting = cache / ".index-abcd1234.new"  # a run killed between making and renaming it
    starting.write_bytes(b"")
    tidy(cache)
    assert starting.exists()  # it could be a run's, about to lock and rename it
    os.utime(starting, (0, 0))
    tidy(cache)
    assert not starting.exists()
