"""The progress note of a long index build: on a terminal, rewritten in place and cleared;
elsewhere, one plain line before a large build."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tqcli import progress
from tqcli.index import CachePolicy, consult
from tqcli.loader import load
from tqcli.model import Pack
from tqcli.progress import BuildProgress

from conftest import MINI_PACK, run_on_terminal


class FakeTerminal(io.StringIO):
    """Captures what is written, and says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "NOTE_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(progress, "REDRAW_SECONDS", 0.001)


def _shown(terminal: FakeTerminal) -> list[str]:
    """The lines drawn, in order, without the spaces that blank out what was longer before."""
    return [part.rstrip(" ") for part in terminal.getvalue().split("\r") if part.strip(" ")]


def _left_on_the_line(terminal: FakeTerminal) -> str:
    """What a terminal shows on the line once everything written has been drawn."""
    line: list[str] = []
    column = 0
    for character in terminal.getvalue():
        if character == "\r":
            column = 0
            continue
        line[column : column + 1] = [character]
        column += 1
    return "".join(line)


def _wait_until_drawn(terminal: FakeTerminal, text: str) -> None:
    for _ in range(2000):
        if any(text in line for line in _shown(terminal)):
            return
        threading.Event().wait(0.001)
    pytest.fail(f"{text!r} was never drawn: {terminal.getvalue()!r}")


@pytest.mark.usefixtures("at_once")
def test_each_stage_is_drawn_over_the_last_and_the_line_cleared_at_the_end() -> None:
    terminal = FakeTerminal()

    with BuildProgress(terminal) as note:
        note.stage("reading file 1 of 2")
        _wait_until_drawn(terminal, "reading file 1 of 2")
        note.stage("writing 4,096 of 10,000 facts")
        _wait_until_drawn(terminal, "writing 4,096 of 10,000 facts")

    assert (
        _shown(terminal)[-1]
        == "tq: first run after a change, indexing: writing 4,096 of 10,000 facts…"
    )
    assert _left_on_the_line(terminal).strip(" ") == ""  # nothing is left on the line
    assert terminal.getvalue().endswith("\r")  # and the cursor at its start


def test_a_quick_build_shows_nothing() -> None:
    terminal = FakeTerminal()

    with BuildProgress(terminal) as note:
        note.stage("reading file 1 of 1")

    assert terminal.getvalue() == ""


@pytest.mark.usefixtures("at_once")
def test_nothing_is_written_where_stderr_is_not_a_terminal() -> None:
    log = io.StringIO()

    with BuildProgress(log) as note:
        note.stage("reading file 1 of 1")
        threading.Event().wait(0.05)

    assert log.getvalue() == ""


@pytest.mark.usefixtures("at_once")
def test_an_interrupted_build_clears_its_line_too() -> None:
    terminal = FakeTerminal()

    def interrupted_build() -> None:
        with BuildProgress(terminal) as note:
            note.stage("reading file 1 of 1")
            _wait_until_drawn(terminal, "reading file 1 of 1")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted_build()

    assert _left_on_the_line(terminal).strip(" ") == ""


@pytest.mark.usefixtures("at_once")
def test_a_shorter_stage_blanks_out_what_is_left_of_a_longer_one() -> None:
    terminal = FakeTerminal()

    with BuildProgress(terminal) as note:
        note.stage("checking references and passages")
        _wait_until_drawn(terminal, "checking references and passages")
        note.stage("writing 1 of 2 facts")
        _wait_until_drawn(terminal, "writing 1 of 2 facts")
        shown_then = _left_on_the_line(terminal)

    assert shown_then.rstrip(" ") == "tq: first run after a change, indexing: writing 1 of 2 facts…"


@pytest.mark.usefixtures("at_once")
def test_the_line_is_drawn_without_escape_codes_and_not_at_all_on_a_dumb_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = FakeTerminal()
    with BuildProgress(terminal) as note:
        note.stage("reading file 1 of 1")
        _wait_until_drawn(terminal, "reading file 1 of 1")
    monkeypatch.setenv("TERM", "dumb")
    dumb = FakeTerminal()
    with BuildProgress(dumb) as note:
        note.stage("reading file 1 of 1")
        threading.Event().wait(0.05)

    assert "\x1b" not in terminal.getvalue()  # NO_COLOR and --color never promise none
    assert dumb.getvalue() == ""


@pytest.mark.usefixtures("at_once")
def test_a_build_shows_its_stages_and_leaves_the_line_clean(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stderr", terminal)
    stages: list[str] = []
    set_stage = BuildProgress.stage

    def stage_and_wait_until_drawn(note: BuildProgress, text: str) -> None:
        set_stage(note, text)
        stages.append(text)
        _wait_until_drawn(terminal, text)  # the mini pack builds faster than a redraw

    monkeypatch.setattr(BuildProgress, "stage", stage_and_wait_until_drawn)

    packs = [Pack("mini", MINI_PACK, "--facts")]
    facts = len(load(packs).catalog.facts)
    consult(packs, CachePolicy(None), lambda index: None, progress=lambda: BuildProgress(terminal))

    assert stages[0].startswith("reading file 1 of ")
    assert "checking references and passages" in stages
    assert stages[-2:] == [f"writing 0 of {facts} facts", "writing the index"]
    assert [line.split("indexing: ", 1)[1] for line in _shown(terminal)] == [
        f"{s}…" for s in stages
    ]
    assert _left_on_the_line(terminal).strip(" ") == ""


@pytest.mark.usefixtures("at_once")
def test_a_terminal_that_has_gone_away_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    class GoneTerminal(FakeTerminal):
        def write(self, text: str) -> int:
            raise OSError(5, "Input/output error")

    failures: list[object] = []
    monkeypatch.setattr(threading, "excepthook", failures.append)

    with BuildProgress(GoneTerminal()) as note:
        note.stage("reading file 1 of 1")
        threading.Event().wait(0.05)

    assert failures == []


# --- Where no line can be rewritten: one plain line before a large build -----------------------

_LARGE = progress.LONG_BUILD_BYTES


@pytest.mark.parametrize("kept", [True, False], ids=["cached", "no-cache"])
def test_a_large_build_is_announced_in_one_plain_line_where_stderr_is_not_a_terminal(
    kept: bool,
) -> None:
    log = io.StringIO()

    with BuildProgress(log) as note:
        note.whole_build(23_000_000, kept=kept)
        note.stage("reading file 1 of 1")

    later = "once (later runs use the index)" if kept else "on every run without a cache"
    assert log.getvalue() == (
        f"tq: first run after a change, indexing 23 MB of fact files: this takes a while, {later}\n"
    )


def test_a_smaller_build_is_not_announced() -> None:
    log = io.StringIO()

    with BuildProgress(log) as note:
        note.whole_build(_LARGE - 1, kept=True)

    assert log.getvalue() == ""


def test_a_terminal_gets_its_rewritten_line_not_the_announcement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = FakeTerminal()
    with BuildProgress(terminal) as note:
        note.whole_build(_LARGE, kept=True)
    monkeypatch.setenv("TERM", "dumb")  # a terminal that cannot rewrite a line: as a pipe
    dumb = FakeTerminal()
    with BuildProgress(dumb) as note:
        note.whole_build(_LARGE, kept=True)

    assert terminal.getvalue() == ""
    assert dumb.getvalue().count("\n") == 1


def test_only_a_whole_build_is_announced(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Told by consult: a build from nothing, not a query of the cache nor an update of it."""
    monkeypatch.setattr(progress, "LONG_BUILD_BYTES", 1)
    pack = tmp_path / "mini"
    shutil.copytree(MINI_PACK, pack)
    packs = [Pack("mini", pack, "--facts")]
    policy = CachePolicy(tmp_path / "cache")
    said: list[str] = []

    def run() -> None:
        log = io.StringIO()
        consult(packs, policy, lambda index: None, progress=lambda: BuildProgress(log))
        said.append(log.getvalue())

    run()  # built
    run()  # cached
    (pack / "more.toml").write_text(  # a file of facts alone: added to the index, no build
        '[[figure]]\nid = "acme-widgets-again"\nclaim = "Acme shipped 1,200 widgets."\n'
        'date = "2019"\nvalue = 1200\nunit = "widgets"\n[[figure.cite]]\n'
        'source = "gazette-2020"\npassage = "shipped 1,200 widgets in 2019"\n',
        encoding="utf-8",
    )
    run()

    assert [text.count("\n") for text in said] == [1, 0, 0]
    assert said[0].startswith("tq: first run after a change, indexing ")


def test_a_large_pack_added_to_a_cached_set_is_announced_as_a_build_would_be(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An index made from the closest cached one (index/merge.py) indexes the packs added: in a
    pipe it says so in the one plain line a whole build gives, by the bytes it reads (closing
    note 9: it said nothing where a build would), and only once if it gives up and builds."""
    from tqcli.index import merge as merge_module

    from conftest import record_outcomes, synthetic_events

    merged = record_outcomes(monkeypatch, merge_module, "merge")
    base = tmp_path / "mini"
    shutil.copytree(MINI_PACK, base)
    (base / "more.toml").write_text(synthetic_events("more", 60))  # the most bytes: kept
    added = tmp_path / "added"
    added.mkdir()
    (added / "facts.toml").write_text(synthetic_events("added", 3))
    policy = CachePolicy(tmp_path / "cache")
    consult([Pack("mini", base, "--facts")], policy, lambda index: None)
    added_bytes = (added / "facts.toml").stat().st_size
    monkeypatch.setattr(progress, "LONG_BUILD_BYTES", added_bytes)
    log = io.StringIO()

    consult(
        [Pack("mini", base, "--facts"), Pack("added", added, "--facts")],
        policy,
        lambda index: None,
        progress=lambda: BuildProgress(log),
    )

    assert merged == [True]
    assert log.getvalue() == (
        "tq: first run after a change, indexing 1 MB of fact files: this takes a while, "
        "once (later runs use the index)\n"
    )


def test_a_build_is_announced_once_though_told_twice() -> None:
    """A merge that gives up is followed by a whole build: one line for the two."""
    log = io.StringIO()

    with BuildProgress(log) as note:
        note.whole_build(_LARGE, kept=True)
        note.whole_build(2 * _LARGE, kept=True)

    assert log.getvalue().count("\n") == 1


_LOWERED = (
    "import sys, tqcli.progress as p; p.LONG_BUILD_BYTES = 1; "
    "from tqcli.__main__ import run; sys.argv[0] = 'tq'; run()"
)


def _tq_lowered(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """tq, run by this Python with the threshold lowered to any build, on the mini pack."""
    env = {**os.environ, "TQ_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    args = [sys.executable, "-c", _LOWERED, "search", "acme", "--no-builtin"]
    return [*args, "--facts", str(MINI_PACK)], env


def test_in_a_pipe_the_installed_package_announces_once(tmp_path: Path) -> None:
    args, env = _tq_lowered(tmp_path)

    first = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    again = subprocess.run(args, capture_output=True, text=True, env=env, check=False)

    assert (first.returncode, again.returncode) == (0, 0)
    assert first.stderr.startswith("tq: first run after a change, indexing ")
    assert first.stderr.count("\n") == 1
    assert "\r" not in first.stderr
    assert "\x1b" not in first.stderr
    assert again.stderr == ""
    assert first.stdout == again.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_on_a_terminal_the_installed_package_does_not_announce(tmp_path: Path) -> None:
    args, env = _tq_lowered(tmp_path)

    code, received = run_on_terminal(args, env, stderr_too=True)

    assert code == 0
    assert b"MB of fact files" not in received


def _drawn_parts(written: str) -> list[str]:
    """Each stretch drawn from a line's start (a carriage return) on, blanks included: what
    must fit the terminal's width, or it wraps and cannot be rewritten in place."""
    return [part for part in written.split("\r") if part]


@pytest.mark.usefixtures("at_once")
def test_the_line_and_its_blanks_fit_the_width_columns_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    terminal = FakeTerminal()

    with BuildProgress(terminal) as note:
        note.stage("writing 0 of 1,050 facts")
        _wait_until_drawn(terminal, "tq: first run")
        note.stage("writing the index")
        _wait_until_drawn(terminal, "tq: first run")

    parts = _drawn_parts(terminal.getvalue())
    assert parts
    assert all(len(part) <= 39 for part in parts), parts
    assert _left_on_the_line(terminal).strip(" ") == ""


_DRAWN_ON_A_TERMINAL = (
    "import sys, threading, tqcli.progress as p; p.NOTE_AFTER_SECONDS = 0.0\n"
    "with p.BuildProgress(sys.stderr) as note:\n"
    "    note.stage('writing 0 of 1,050 facts'); threading.Event().wait(0.3)\n"
)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize(("size", "columns"), [((24, 120), "40"), ((24, 40), None), ((0, 0), "40")])
def test_on_a_real_terminal_the_line_fits_its_width(
    size: tuple[int, int], columns: str | None
) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    env |= {"COLUMNS": columns} if columns else {}
    rows, width = size

    code, received = run_on_terminal(
        [sys.executable, "-c", _DRAWN_ON_A_TERMINAL],
        env,
        stderr_too=True,
        rows=rows or None,
        columns=width,
    )

    assert code == 0
    text = received.decode()
    assert "tq: first run after a change" in text
    parts = _drawn_parts(text.replace("\n", ""))
    assert all(len(part) <= 39 for part in parts), parts
