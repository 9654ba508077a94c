"""Paging long output on a terminal, and help laid out for it: imported only when output goes to
one (see config.py for which pager), or help is shown."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from typing import TextIO

from typer._click.formatting import HelpFormatter  # Typer vendors Click (pinned)

from tqcli.render import screen_width

OUTPUT_ERROR = 74
"""The exit code when the output cannot be written (the CLI's ExitCode.OUTPUT_ERROR)."""
_SHELL_SYNTAX = set("|&;<>()$`*?[#~")
_ESCAPE = r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
"""Escape sequences (CSI, OSC), which take no room on the screen."""


class PagedOutput(io.TextIOBase):
    """A text stream for a terminal that holds output back until it is longer than the screen,
    then starts the pager and writes through it; short output goes straight to the terminal.

    A pager that cannot be started means writing straight to the terminal. finish() must be
    called at the end: it writes what is held back, or closes the pager and waits for the reader
    to leave it.
    """

    def __init__(self, terminal: TextIO, command: str, environ: Mapping[str, str]) -> None:
        super().__init__()
        self._terminal = terminal
        self._command = command
        self._environ = environ
        size = shutil.get_terminal_size()
        self._columns, self._rows = max(size.columns, 1), max(size.lines, 1)
        self._held: list[str] = []
        self._lines = 0
        self._partial = ""
        self._escape = re.compile(_ESCAPE)  # compiled here: most runs never page
        self._out: TextIO | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._errors = getattr(terminal, "errors", None) or "strict"

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._terminal.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._errors

    def reconfigure(self, *, errors: str) -> None:
        """How characters the terminal's encoding lacks are written, to the pager as well."""
        self._errors = errors
        reconfigure = getattr(self._terminal, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)

    def isatty(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self._out is not None:
            with self._reader_may_quit():
                return self._out.write(text)
        self._held.append(text)
        *ended, self._partial = (self._partial + self._escape.sub("", text)).split("\n")
        for line in ended:  # a line longer than the screen is wide takes more than one row
            self._lines += 1 + max(len(line) - 1, 0) // self._columns
        if self._lines >= self._rows:
            self._start()
        return len(text)

    def flush(self) -> None:
        if self._out is not None:
            with self._reader_may_quit():
                self._out.flush()

    @contextlib.contextmanager
    def _reader_may_quit(self) -> Iterator[None]:
        """Quitting the pager before the end is how a reader says they have seen enough: the
        run ends there, successfully (as with gh), not as an error."""
        try:
            yield
        except BrokenPipeError:
            if self._process is None:  # the terminal itself went away
                raise
            import typer

            self._pager_failed(self._process.wait())
            raise typer.Exit(0) from None

    def _pager_failed(self, status: int) -> None:
        """Say so and exit 74 if the pager failed (exited with an error status): then the
        reader saw nothing, where a reader who quits the pager ends it with status 0."""
        if status <= 0:  # 0, or a signal: the reader's doing (Ctrl-C in the pager)
            return
        self._process = None  # said once: finish() has nothing left to wait for
        import sys

        import typer

        setting = _where_pager_is_set(self._environ)
        sys.stderr.write(
            f"tq: the pager {self._command!r} exited with status {status}, so the output may "
            f"not have been shown; try --no-pager, or another pager in {setting}\n"
        )
        raise typer.Exit(OUTPUT_ERROR)

    def _start(self) -> None:
        environ = {"LESS": "FRX", "LV": "-c", **self._environ}
        # A plain command is run directly, so one that is not there is known here (and the
        # output printed instead); one using the shell's syntax is given to the shell.
        uses_shell = any(character in self._command for character in _SHELL_SYNTAX)
        import shlex  # only when paging

        try:
            command = self._command if uses_shell else shlex.split(self._command)
            self._process = subprocess.Popen(
                command, shell=uses_shell, stdin=subprocess.PIPE, env=environ
            )
        except (OSError, ValueError):
            self._out = self._terminal
        else:
            assert self._process.stdin is not None
            self._out = io.TextIOWrapper(
                self._process.stdin, encoding=self.encoding, errors=self._errors
            )
        with self._reader_may_quit():
            self._out.write("".join(self._held))
        self._held.clear()

    def finish(self) -> None:
        """Write what is held back, or end the pager's input and wait until it is quit."""
        if self._out is None:
            try:
                self._terminal.write("".join(self._held))
                self._terminal.flush()
            except OSError as error:  # after the command: its error handling is behind us
                import sys

                import typer

                sys.stderr.write(f"tq: cannot write the output: {error.strerror or error}\n")
                raise typer.Exit(OUTPUT_ERROR) from None
            return
        if self._process is None:
            return
        with contextlib.suppress(BrokenPipeError):  # the reader quit the pager before the end
            self._out.close()
        while True:
            try:
                status = self._process.wait()
                break
            except KeyboardInterrupt:  # Ctrl-C is the pager's to handle while it runs
                continue
        self._pager_failed(status)


def _where_pager_is_set(environ: Mapping[str, str]) -> str:
    """The setting to change for another pager: TQ_PAGER when it chose this one, else TQ_PAGER
    still, which overrides the configuration file and PAGER (either may have chosen it)."""
    if environ.get("TQ_PAGER") is not None:
        return "TQ_PAGER"
    return "TQ_PAGER (it overrides PAGER and the configuration file's pager)"


class WrappedHelp(HelpFormatter):
    """Help wrapped to the width the rest of tq's human output takes (COLUMNS, else the
    terminal's, else 80), where Click's own keeps it between 50 and 78 columns whatever COLUMNS
    says."""

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        width = width or max(screen_width(os.environ), _NARROWEST_HELP)
        super().__init__(indent_increment, width, max_width)

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Options and commands beside their help where there is room; on a narrow screen each
        above its help, which then has the width, not a column of a few letters."""
        if self.width - self.current_indent >= _SIDE_BY_SIDE:
            super().write_dl(rows, col_max, col_spacing)
            return
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}\n")
            if text:
                with self.indentation(), self.indentation():
                    self.write_text(text)


_NARROWEST_HELP = 20
"""Help is never wrapped narrower (COLUMNS=1 gave the usage line a letter a line)."""
_SIDE_BY_SIDE = 60
"""The narrowest help (after its indent) that shows options beside their help: at 60 columns the
help column is 26 wide."""
