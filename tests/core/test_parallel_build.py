"""A large build made with worker processes writes the rows a serial build writes; anything
unusual (a problem, a file the workers should not read, a worker gone, Ctrl-C) ends the workers
and leaves the build, and its messages, to the serial path."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.index import build, parallel
from tqcli.index.cache import snapshot
from tqcli.model import Pack
from tqcli.packs import builtin_pack_dir

from conftest import MINI_PACK, index_rows, record_outcomes, synthetic_events

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """The mini pack with three more fact files."""
    copy = tmp_path / "pack"
    shutil.copytree(MINI_PACK, copy)
    for name in ("more-a", "more-b", "more-c"):
        (copy / f"{name}.toml").write_text(synthetic_events(name, 7))
    return copy


@pytest.fixture
def always(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Workers for any size of pack; for each build, True if the workers made it."""
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "_workers", lambda: 2)
    return record_outcomes(monkeypatch, parallel, "build")


def _built(packs: list[Pack], path: Path) -> Path:
    build.build(packs, snapshot(packs), path, lambda _: None).close()
    return path


@pytest.fixture
def no_workers_left() -> Iterator[None]:
    yield
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every worker was reaped


def test_workers_write_the_rows_of_a_serial_build(
    pack: Path,
    tmp_path: Path,
    always: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    no_workers_left: None,
) -> None:
    packs = [Pack("builtin", builtin_pack_dir(), "builtin"), Pack("mini", pack, "--facts")]
    with_workers = _built(packs, tmp_path / "parallel.sqlite3")
    assert always == [True]
    monkeypatch.setattr(parallel, "MIN_BYTES", 1 << 60)
    alone = _built(packs, tmp_path / "serial.sqlite3")
    assert always == [True, False]
    expected = index_rows(alone)
    assert expected["fact_references"]  # the built-in pack's listings are among them
    assert len(expected["facts"]) > 200
    assert index_rows(with_workers) == expected


def _out(runner: CliRunner, pack: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--json", "--no-builtin", "--facts", str(pack)])
    return result.exit_code, result.stdout, result.stderr


def _serially(runner: CliRunner, pack: Path) -> tuple[int, str, str]:
    return _out(runner, pack, "search", "acme", "--no-cache")  # built in memory: no workers


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(("more-b.toml", "Acme was founded", "Acme was found"), id="a passage"),
        pytest.param(("more-c.toml", '"acme"', '"acmee"'), id="an unknown entity"),
        pytest.param(("more-c.toml", 'id = "more-c-3"', 'id = "more-a-3"'), id="a duplicate id"),
        # Found here while the workers already read their first files: they are ended.
        pytest.param(("entities.toml", 'kind = "person"', 'kind = "persom"'), id="an entity"),
        pytest.param(("more-b.toml", "claim =", "claim =="), id="a syntax error"),
        pytest.param(("more-a.toml", "claim =", "claim ="), id="nothing wrong"),
    ],
)
def test_what_a_worker_finds_is_reported_as_a_serial_build_reports_it(
    runner: CliRunner,
    pack: Path,
    always: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    no_workers_left: None,
    change: tuple[str, str, str],
) -> None:
    name, old, new = change
    text = (pack / name).read_text()
    assert old in text
    (pack / name).write_text(text.replace(old, new))
    expected = _serially(runner, pack)
    assert _out(runner, pack, "search", "acme") == expected
    assert always == [old == new]


def test_a_fact_file_that_defines_an_entity_after_all_is_built_serially(
    runner: CliRunner,
    pack: Path,
    always: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    no_workers_left: None,
) -> None:
    # An escaped key: no header the quick guess knows, so a worker reads the file and gives up.
    (pack / "more-b.toml").write_text(
        '[["\\u0065ntity"]]\nid = "zeta"\nname = "Zeta"\nkind = "organization"\n\n'
        + synthetic_events("more-b", 3).replace('"acme"', '"zeta"')
    )
    expected = _serially(runner, pack)
    assert expected[0] == 0
    assert _out(runner, pack, "search", "acme") == expected
    assert always == [False]


def test_a_worker_that_dies_leaves_the_build_to_the_serial_path(
    runner: CliRunner,
    pack: Path,
    always: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    no_workers_left: None,
) -> None:
    def dies(*args: object) -> None:
        os._exit(3)

    monkeypatch.setattr(parallel, "_file_rows", dies)
    expected = _serially(runner, pack)
    assert _out(runner, pack, "search", "acme") == expected
    assert always == [False]


@pytest.mark.parametrize(
    "when",
    [
        "reading file 1 of",  # the workers wait for the sources and entities
        "reading and writing file 3 ",  # they are sending rows
    ],
)
def test_ctrl_c_mid_build_ends_every_worker_and_leaves_no_index(
    pack: Path, tmp_path: Path, always: list[bool], no_workers_left: None, when: str
) -> None:
    def interrupted(stage: str) -> None:
        if stage.startswith(when):
            raise KeyboardInterrupt

    packs = [Pack("mini", pack, "--facts")]
    cache = tmp_path / "cache"
    with pytest.raises(KeyboardInterrupt):
        build.build(packs, snapshot(packs), cache / "index.sqlite3", interrupted)
    assert list(cache.glob("*")) == []  # nothing, or not even the folder


_KILLED_WITH_WORKERS = """
import os, signal, sys
from tqcli import loader
from tqcli.index import build, parallel

parallel.MIN_BYTES = 0
parallel._workers = lambda: 2
enter = parallel._Pool.__enter__

def entered(pool):
    enter(pool)
    print(*pool._pids, flush=True)
    return pool

def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

parallel._Pool.__enter__ = entered
if sys.argv[2] == "loading":  # the workers wait for the sources and entities
    loader.load_some = killed
else:  # the workers are sending rows
    build._fill = killed
from tqcli.__main__ import main
sys.argv = ["tq", "search", "acme", "--no-builtin", "--facts", sys.argv[1]]
main()
"""


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended


@pytest.mark.parametrize("when", ["loading", "writing"])
def test_workers_end_when_their_parent_is_killed(pack: Path, tmp_path: Path, when: str) -> None:
    for name in ("more-a", "more-b", "more-c"):  # rows larger than a pipe holds
        (pack / f"{name}.toml").write_text(synthetic_events(name, 400))
    said = tmp_path / "pids"
    with said.open("w") as out:  # a file, not a pipe: a worker left behind would hold a pipe
        killed = subprocess.run(
            [sys.executable, "-c", _KILLED_WITH_WORKERS, str(pack), when],
            stdout=out,
            stderr=subprocess.DEVNULL,
            check=False,
            env={**os.environ, "TQ_CACHE_DIR": str(tmp_path / "cache")},
        )
    assert killed.returncode == -signal.SIGKILL
    workers = [int(pid) for pid in said.read_text().split()]
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)  # not to outlive the test
    assert not left


@pytest.mark.parametrize(
    ("text", "defines"),
    [
        (b"[[source]]\nid = 'a'\n", True),
        (b'# sources\n  [ "entity" ]\n', True),
        (b"[synonyms.x]\n", True),
        (b"source.id = 'a'\n[[event]]\n", True),  # a top-level key before any header
        (b"[[event]]\nsource = 'a'\n[[event.cite]]\nsource = 'a'\n", False),
        (b"[[sources]]\n", False),  # not a table tq knows: a worker reads it and gives up
    ],
)
def test_files_that_may_define_sources_entities_or_synonyms_are_told_apart(
    text: bytes, defines: bool
) -> None:
    assert parallel._defines(text) is defines


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_without_fork_the_build_is_serial(
    platform: str, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(sys, "platform", platform)
    packs = [Pack("mini", pack, "--facts")]
    assert parallel._workers() == 0
    assert parallel.build(packs, snapshot(packs), tmp_path / "index.sqlite3", print) is None


@pytest.mark.parametrize(("busy", "with_workers"), [(0, True), (1, False), (5, False)])
def test_workers_start_only_on_free_processors(
    busy: int, with_workers: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr(parallel, "_busy", lambda: busy)
    assert (parallel._workers() >= 2) is with_workers


def test_the_processors_busy_now_are_read_from_the_kernel() -> None:
    assert 0 <= parallel._busy() < 10_000
