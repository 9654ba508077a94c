"""The progress note of a long index build: on a terminal only, rewritten in place, cleared."""

from __future__ import annotations

import io
import threading

import pytest

from tqcli import progress
from tqcli.index import CachePolicy, consult
from tqcli.loader import load
from tqcli.model import Pack
from tqcli.progress import BuildProgress

from conftest import MINI_PACK


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
