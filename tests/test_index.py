"""The index cache: built once, reused, rebuilt on any change, never trusted when damaged."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.index import CachePolicy

from conftest import index_files, json_ids


def test_the_index_is_built_once_and_reused(runner: CliRunner, pack: Path, cache: Path) -> None:
    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]
    [index] = index_files(cache)
    built = index.stat().st_mtime_ns

    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]
    assert index.stat().st_mtime_ns == built


def test_an_edit_an_addition_and_a_removal_are_picked_up(
    runner: CliRunner, pack: Path, cache: Path
) -> None:
    assert json_ids(runner, pack, "search", "shelbyville") == []

    facts = pack / "facts.toml"
    facts.write_text(
        facts.read_text().replace(
            'claim = "Acme was founded in 1901 in Springfield."',
            'claim = "Acme was founded in 1901 in Shelbyville."',
        )
    )
    assert json_ids(runner, pack, "search", "shelbyville") == ["acme-founded"]

    (pack / "more.toml").write_text(
        '[[event]]\nid = "shelbyville-fair"\nclaim = "Shelbyville held a fair."\nabout = ["acme"]\n'
        '[[event.cite]]\nsource = "unarchived-note"\npassage = "a fair"\n'
    )
    assert sorted(json_ids(runner, pack, "search", "shelbyville")) == [
        "acme-founded",
        "shelbyville-fair",
    ]

    (pack / "more.toml").unlink()
    assert json_ids(runner, pack, "search", "shelbyville") == ["acme-founded"]
    assert len(index_files(cache)) == 1


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"not a database at all"), id="foreign"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:4096]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
        pytest.param(
            lambda path: path.write_bytes(
                path.read_bytes().replace(b"acme-gadgets-2019", b"acme-gadgets-2O19")
            ),
            id="altered",
        ),
    ],
)
def test_a_damaged_index_is_rebuilt_never_trusted(
    runner: CliRunner, pack: Path, cache: Path, damage: object
) -> None:
    json_ids(runner, pack, "search", "gadgets")
    [index] = index_files(cache)
    before = index.stat()
    damage(index)  # type: ignore[operator]
    # Times put back: damage the seal cannot see (same size) must be caught by row checksums.
    os.utime(index, ns=(before.st_atime_ns, before.st_mtime_ns))

    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]
    assert json_ids(runner, pack, "show", "acme-gadgets-2019") == ["acme-gadgets-2019"]


def test_an_unwritable_cache_directory_degrades_to_no_cache(
    runner: CliRunner, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("TQ_CACHE_DIR", str(blocker / "cache"))  # a directory inside a file

    result = runner.invoke(
        app, ["search", "gadgets", "--json", "--no-builtin", "--facts", str(pack)]
    )

    assert result.exit_code == 0
    assert [fact["id"] for fact in json.loads(result.stdout)] == [
        "acme-gadgets-2019",
        "widget-accord",
    ]
    assert result.stderr.count("\n") == 1
    assert "answering without a cache" in result.stderr


def test_no_cache_writes_nothing(runner: CliRunner, pack: Path, cache: Path) -> None:
    result = runner.invoke(
        app, ["search", "gadgets", "--no-cache", "--no-builtin", "--facts", str(pack)]
    )

    assert result.exit_code == 0
    assert not cache.exists()


def test_xdg_cache_home_is_respected() -> None:
    policy = CachePolicy.from_environment(enabled=True, environ={"XDG_CACHE_HOME": "/somewhere"})
    relative = CachePolicy.from_environment(
        enabled=True, environ={"XDG_CACHE_HOME": "somewhere", "HOME": "/"}
    )
    override = CachePolicy.from_environment(
        enabled=True, environ={"XDG_CACHE_HOME": "/somewhere", "TQ_CACHE_DIR": "/elsewhere"}
    )

    if sys.platform not in ("win32", "darwin"):
        assert policy.directory == Path("/somewhere/tq")
        assert relative.directory == Path("/.cache/tq")
    assert override.directory == Path("/elsewhere")
    assert CachePolicy.from_environment(enabled=False).directory is None


@pytest.mark.parametrize("made", [True, False], ids=["a-file", "missing"])
def test_a_home_that_is_not_a_directory_is_called_so(
    runner: CliRunner, pack: Path, tmp_path: Path, made: bool
) -> None:
    home = tmp_path / "hf"
    if made:
        home.write_text("a file, not a folder\n")
    # (TMPDIR where nothing is: no fallback cache either, tests/test_cli_cache_home.py)
    env = {
        "HOME": str(home),
        "TQ_CACHE_DIR": None,
        "XDG_CACHE_HOME": None,
        "TMPDIR": str(tmp_path / "none"),
    }

    result = runner.invoke(
        app, ["search", "gadgets", "--no-builtin", "--facts", str(pack)], env=env
    )

    assert result.exit_code == 0
    said = "is not a directory" if made else "does not exist"
    assert f"(the home directory {home} {said})" in result.stderr


def test_the_installed_tq_calls_a_home_file_not_a_directory(
    tq_executable: Path, pack: Path, tmp_path: Path
) -> None:
    home = tmp_path / "hf"
    home.write_text("a file, not a folder\n")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("TQ_CACHE_DIR", "XDG_CACHE_HOME")
    }

    result = subprocess.run(
        [tq_executable, "search", "gadgets", "--no-builtin", "--facts", pack],
        capture_output=True,
        text=True,
        env={**env, "HOME": str(home), "TMPDIR": str(tmp_path / "none")},
        check=False,
    )

    assert result.returncode == 0
    assert result.stderr.count("\n") == 1
    assert f"(the home directory {home} is not a directory)" in result.stderr


def test_racing_processes_both_answer_correctly(
    tq_executable: Path, pack: Path, cache: Path
) -> None:
    command = [
        str(tq_executable),
        "search",
        "gadgets",
        "--json",
        "--no-builtin",
        "--facts",
        str(pack),
    ]
    racers = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)
    ]

    results = [racer.communicate(timeout=60) for racer in racers]

    for stdout, stderr in results:
        assert stderr == b""
        assert [fact["id"] for fact in json.loads(stdout)] == ["acme-gadgets-2019", "widget-accord"]
    assert len(index_files(cache)) == 1
    assert [path.name for path in cache.iterdir() if path.name.endswith(".tmp")] == []


def test_a_warm_query_parses_nothing_and_imports_no_rich(pack: Path, cache: Path) -> None:
    probe = (
        "import sys\n"
        "from tqcli.__main__ import main\n"
        "sys.argv = ['tq', 'search', 'widgets', '--json', '--no-builtin', '--facts', "
        f"{str(pack)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('rich', 'pygments', 'tomli', 'tqcli.loader', 'tqcli.importers', 'defusedxml',"
        " 'typing_extensions' if sys.version_info >= (3, 11) else 'rich')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    cold = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    warm = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )

    assert json.loads(warm.stdout) == json.loads(cold.stdout)
    assert "tomli" in cold.stderr  # the first run built the index …
    assert "rich" not in cold.stderr  # … and JSON output never needs Rich
    assert warm.stderr.strip() == "[]"


def test_a_cache_path_with_awkward_characters(
    runner: CliRunner, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    awkward = tmp_path / "my cache #1 ?x=y"
    monkeypatch.setenv("TQ_CACHE_DIR", str(awkward))

    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]
    [index] = index_files(awkward)
    built = index.stat().st_mtime_ns

    assert json_ids(runner, pack, "search", "gadgets") == ["acme-gadgets-2019", "widget-accord"]
    assert index.stat().st_mtime_ns == built  # reused, not rebuilt


@pytest.fixture
def long_pack(pack: Path) -> tuple[Path, list[str]]:
    """The mini pack plus 1,234 events: more hits than tq reads from the index at a time, so a
    listing of them is read as it is printed. Also gives their ids in date order."""
    events = [(f"{1900 + n % 100}-01-{1 + n % 28:02d}", f"event-{n:04d}") for n in range(1234)]
    (pack / "events.toml").write_text(
        "".join(
            f'[[event]]\nid = "{event_id}"\nclaim = "Event {event_id} happened."\n'
            f'date = "{date}"\ntags = ["long"]\n\n'
            '[[event.cite]]\nsource = "unarchived-note"\n'
            'passage = "some words read on the page"\n\n'
            for date, event_id in events
        )
    )
    return pack, [event_id for _, event_id in sorted(events)]


def test_a_long_listing_is_complete_and_in_order(
    runner: CliRunner, long_pack: tuple[Path, list[str]]
) -> None:
    pack, in_date_order = long_pack

    assert json_ids(runner, pack, "list", "--tag", "long") == in_date_order
    found = json_ids(runner, pack, "search", "happened", "--limit", "0")
    assert sorted(found) == sorted(in_date_order)


def test_damage_far_down_a_long_listing_is_found_before_any_output(
    runner: CliRunner, long_pack: tuple[Path, list[str]], cache: Path
) -> None:
    pack, in_date_order = long_pack
    json_ids(runner, pack, "list", "--tag", "long")
    [index] = index_files(cache)
    before = index.stat()
    with contextlib.closing(sqlite3.connect(index)) as connection, connection:
        connection.execute("UPDATE facts SET data = data || ' ' WHERE id = ?", (in_date_order[-1],))
    os.utime(index, ns=(before.st_atime_ns, before.st_mtime_ns))  # past the seal, to the rows
    assert index.stat().st_size == before.st_size

    assert json_ids(runner, pack, "list", "--tag", "long") == in_date_order


def test_a_hit_whose_row_is_gone_is_damage_found_not_a_fact_skipped() -> None:
    from tqcli.index import in_memory
    from tqcli.index.store import CorruptIndex, LazyHits
    from tqcli.model import Pack

    from conftest import MINI_PACK

    connection = in_memory([Pack("mini", MINI_PACK, "--facts")])._connection
    [(seq,)] = connection.execute("SELECT min(seq) FROM facts")
    assert [hit.fact.id for hit in LazyHits(connection, [(seq, None)])]
    with pytest.raises(CorruptIndex, match="missing"):
        list(LazyHits(connection, [(seq, None), (seq + 10**6, None)]))
    hits = LazyHits(connection, [(seq, None), (seq + 10**6, None)])
    with pytest.raises(CorruptIndex, match="missing"):
        hits.check()
