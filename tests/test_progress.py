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
    """The lines drawn, in order, without the escape that clears each one."""
    return [part for part in terminal.getvalue().split("\r\x1b[K") if part]


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
    assert terminal.getvalue().endswith("\r\x1b[K")  # nothing is left on the line


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

    assert terminal.getvalue().endswith("\r\x1b[K")


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
    assert terminal.getvalue().endswith("\r\x1b[K")


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
