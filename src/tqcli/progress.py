"""Telling a user how a long index build or download is going: a line rewritten on a terminal."""

from __future__ import annotations

import os
import threading
from types import TracebackType
from typing import TextIO, TypeVar

_Line = TypeVar("_Line", bound="ProgressLine")

NOTE_AFTER_SECONDS = 0.5
"""A build that ends sooner shows nothing."""

REDRAW_SECONDS = 0.2
"""How often the line is brought up to date."""


class ProgressLine:
    """One line on stream, rewritten in place, saying what a long task is doing; cleared at the
    end.

    Only on a terminal that can rewrite a line: in pipes and logs, and where TERM is "dumb", a
    task is silent (but for BuildProgress's one line before a large build). The line is the
    lead ("tq: downloading") and the stage, plain text set by the task as it goes ("reading
    file 3 of 10", "40,960 of 100,000 bytes"). It is rewritten
    with a carriage return and spaces, never an escape code: NO_COLOR and --color never promise
    output free of them, and a terminal too simple for colour still returns its carriage.
    """

    def __init__(self, stream: TextIO, lead: str) -> None:
        self._stream = stream
        self._lead = lead
        self._stage: str | None = None
        self._finished = threading.Event()
        self._shown = False
        self._drawn_width = 0  # of the line now shown, which a shorter one must blank out
        self._thread: threading.Thread | None = None

    def stage(self, text: str) -> None:
        """Say what the task is doing now."""
        self._stage = text

    def _rewrites(self) -> bool:
        """Whether the stream is a terminal that can rewrite a line."""
        return self._stream.isatty() and os.environ.get("TERM") != "dumb"

    def __enter__(self: _Line) -> _Line:
        if self._rewrites():
            self._thread = threading.Thread(target=self._show, name="tq-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._finished.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:  # only now, so that nothing the thread writes can come after it
            self._write(self._over(""))

    def _show(self) -> None:
        if self._finished.wait(NOTE_AFTER_SECONDS):
            return
        drawn = None
        while True:
            if self._stage is not None and self._stage != drawn:
                drawn = self._stage
                line = f"{self._lead}: {drawn}…"
                # Clipped to the terminal: a wrapped line could not be rewritten in place.
                self._shown = self._write(self._over(line[: self._width() - 1]))
                if not self._shown:
                    return
            if self._finished.wait(REDRAW_SECONDS):
                return

    def _over(self, line: str) -> str:
        """What draws line over the one shown: back to the line's start, the line, and spaces
        over what is left of a longer one before it; a blank line ends back at the start."""
        blank = " " * max(0, self._drawn_width - len(line))
        self._drawn_width = len(line)
        return "\r" + line + blank + ("" if line else "\r")

    def _write(self, text: str) -> bool:
        """Write text now; False if the terminal has gone (a progress line is never worth an
        error, let alone a traceback from this thread)."""
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):
            return False
        return True

    def _width(self) -> int:
        """The terminal's width as the rest of tq's human output takes it: COLUMNS where set (a
        user's COLUMNS=40 was ignored, the 66-character line wrapping and leaving debris:
        stranger 19, finding 34), else the terminal's own, else 80 (a terminal that does not
        know its size says 0)."""
        columns = os.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            return int(columns)
        try:
            return os.get_terminal_size(self._stream.fileno()).columns or 80
        except (OSError, ValueError):
            return 80


LONG_BUILD_BYTES = 8 << 20
"""Fact files this large take seconds to index (22 MB, three imported lists: 8 s of CPU)."""


class BuildProgress(ProgressLine):
    """The line of a long index build: "tq: first run after a change, indexing: …"."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream, "tq: first run after a change, indexing")
        self._announced = False

    def whole_build(self, fact_bytes: int, kept: bool) -> None:
        """Where no line can be rewritten (a pipe, a log, a dumb terminal), say once, in one
        plain line, that a build of this many bytes of fact files will take a while: a script
        would otherwise wait seconds without a word. Said before the build, so it is the same
        for the same packs, however busy the machine. Once: a merge that gives up (the packs
        added to a cached set, announced by their bytes) is followed by a whole build."""
        if fact_bytes < LONG_BUILD_BYTES or self._rewrites() or self._announced:
            return
        self._announced = True
        megabytes = max(1, round(fact_bytes / 1_000_000))
        later = "once (later runs use the index)" if kept else "on every run without a cache"
        self._write(f"{self._lead} {megabytes} MB of fact files: this takes a while, {later}\n")
