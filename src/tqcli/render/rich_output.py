"""Terminal output with Rich: the human layout, styled. Imported only when it is used.

Lines of facts are laid out here with Rich's own parts (its word wrapping, cell widths and
styles) rather than through a Console: a Console costs ~10 ms to import and ~0.25 ms a line to
print, and a search prints a hundred lines. The result is byte for byte what the Console prints
(tests/unit/test_rich_layout.py compares the two), and anything outside what this layout handles —
characters of other widths, tabs, line breaks, a terminal too narrow for the indent, Windows,
Jupyter — is printed by the Console itself, as are tables.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from tqcli.render import screen_width
from tqcli.render.layout import (
    HumanRenderer,
    Line,
    Table,
    fitted_widths,
    stacked_lines,
    too_narrow,
)

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

try:
    from rich._wrap import divide_line  # Rich's word wrapping, as Text.wrap does it
except ImportError:  # a Rich that moved it: the Console lays every line out
    divide_line = None  # type: ignore[assignment]

# Spaces at the end of a line, among its closing style codes: Rich pads wrapped lines and table
# cells to their width, and those spaces would end up in every copied passage. (Lines laid out
# here are made without them.)
_LINE_END = re.compile(r"(?: |\x1b\[[0-9;]*m)+$", re.MULTILINE)
# What Rich's Text.rstrip_end strips from a wrapped line that is too long.
_TRAILING_SPACE = re.compile(r"\s+$")

STYLES = {
    "id": "bold cyan",
    "kind": "magenta",
    "date": "green",
    "claim": "bold",
    "value": "cyan",
    "label": "dim",
    "source": "italic",
    "passage": "dim italic",
    "url": "dim underline",
    "note-label": "bold yellow",
    "note": "yellow",
    "ok": "bold green",
    "error": "bold red",
    "dim": "dim",
}
"""The theme: each style name the layout uses, as Rich spells the style."""

_ESCAPES = {
    name: (f"\x1b[{codes}m", "\x1b[0m")
    for name, codes in {
        "id": "1;36",
        "kind": "35",
        "date": "32",
        "claim": "1",
        "value": "36",
        "label": "2",
        "source": "3",
        "passage": "2;3",
        "url": "2;4",
        "note-label": "1;33",
        "note": "33",
        "ok": "1;32",
        "error": "1;31",
        "dim": "2",
    }.items()
}
"""Each style's escape codes before and after the text it styles, as Rich's Style.render writes
them in every colour system detected here: the theme has attributes and the eight standard
colours only, spelled alike in 16, 256 and true colour (tests compare them with Rich's). Not
made by rich.style at run time: its import (with pickle and random) cost ~26 M instructions,
6% of a search printed in colour."""

# rich.color.ColorSystem's values (an IntEnum, so equal to them: tests compare), so that naming
# the colour system needs no import of rich.color (~10 M instructions).
_STANDARD, _EIGHT_BIT, _TRUECOLOR = 1, 2, 3

# Characters one cell wide in every Unicode version Rich knows (tests check this against Rich):
# printable ASCII and Latin-1 (less the soft hyphen), the Latin extensions, Greek, Cyrillic, and
# the general punctuation that pack text is full of (“ ” — · …), less its invisible characters.
_ONE_CELL = frozenset(
    chr(code)
    for start, end in (
        (0x20, 0x7E),
        (0xA0, 0xAC),
        (0xAE, 0x2FF),
        (0x370, 0x482),
        (0x2010, 0x2027),
        (0x2030, 0x205E),
    )
    for code in range(start, end + 1)
)


def _kept_end(plain: str, first: int, after: int, room: int) -> int:
    """Where the wrapped line plain[first:after] ends once fitted to room: Text.rstrip_end drops
    the spaces beyond room, then Text.truncate (overflow "fold") cuts what is still too long."""
    if after - first > room:
        trailing = _TRAILING_SPACE.search(plain, first, after)
        if trailing is not None:
            after -= min(trailing.end() - trailing.start(), after - first - room)
    return min(after, first + room)


def _without_spaces(line_end: re.Match[str]) -> str:
    return line_end.group().replace(" ", "")


def _unbroken(line: Line, width: int) -> bool:
    """Whether the line is never wrapped, in a terminal this wide: one with an address, or with
    an id (a whole span) wider than the room its indent leaves, which wrapping would break; the
    terminal then wraps it itself, so that it is copied whole (a line break inside it would be
    copied too)."""
    room = width - 2 * line.indent
    return any(span.style == "url" or (span.whole and len(span.text) > room) for span in line.spans)


def _styled_runs(line: Line) -> list[tuple[str, str]]:
    """The line's text in runs of one style each, empty spans left out: spans split only to
    mark an id whole (Span.whole) are printed as the one span they were."""
    runs: list[tuple[str, str]] = []
    for span in line.spans:
        if not span.text:
            continue
        style = span.style or ""
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + span.text, style)
        else:
            runs.append((span.text, style))
    return runs


class Terminal:
    """What a Rich Console would find out about the output: whether it is a terminal (so styled),
    the colour system, and the width; or None from detect() when only a Console can tell."""

    def __init__(self, color_system: int | None, width: int) -> None:
        self.color_system = color_system
        """rich.color.ColorSystem's value, or None for no colour."""
        self.width = width

    @classmethod
    def detect(
        cls,
        stream: TextIO,
        *,
        colored: bool,
        force_terminal: bool,
        environ: Mapping[str, str] = os.environ,
    ) -> Terminal | None:
        """As Console(file=stream, color_system="auto" if colored else None, force_terminal=...)
        finds them (rich.console: is_terminal, is_dumb_terminal, _detect_color_system, size)."""
        import builtins

        if sys.platform == "win32" or hasattr(builtins, "get_ipython"):
            return None  # legacy Windows consoles and Jupyter: the Console's own business
        if force_terminal:
            is_terminal = True
        elif getattr(sys.stdin, "__module__", "").startswith("idlelib"):
            return None
        elif environ.get("TTY_COMPATIBLE", "") in ("0", "1"):
            is_terminal = environ["TTY_COMPATIBLE"] == "1"
        elif environ.get("FORCE_COLOR") is not None:
            is_terminal = environ["FORCE_COLOR"] != ""
        else:
            try:
                is_terminal = stream.isatty()
            except ValueError:
                is_terminal = False
        dumb = is_terminal and environ.get("TERM", "").lower() in ("dumb", "unknown")
        color_system = None
        if colored and is_terminal and not dumb:
            color_term = environ.get("COLORTERM", "").strip().lower()
            colors = environ.get("TERM", "").strip().lower().rpartition("-")[2]
            if color_term in ("truecolor", "24bit"):
                color_system = _TRUECOLOR
            elif colors in ("kitty", "256color"):
                color_system = _EIGHT_BIT
            else:
                color_system = _STANDARD
        return cls(color_system, screen_width(environ, dumb=dumb))


class RichRenderer(HumanRenderer):
    """Prints the human layout with Rich; pack text is always Text, never parsed as markup."""

    def __init__(self, stream: TextIO, *, colored: bool, force_terminal: bool) -> None:
        self._stream = stream
        self._colored = colored
        self._force_terminal = force_terminal
        self._terminal = Terminal.detect(stream, colored=colored, force_terminal=force_terminal)
        self._console: Console | None = None

    def console(self) -> Console:
        """The Console, for what the layout here does not handle (made when first needed)."""
        if self._console is None:
            from rich.console import Console
            from rich.theme import Theme

            self._console = Console(
                file=self._stream,
                theme=Theme(STYLES),
                no_color=not self._colored,
                # Without colour, no styles either: --color never and NO_COLOR mean no escape
                # codes.
                color_system="auto" if self._colored else None,
                force_terminal=True if self._force_terminal else None,
                highlight=False,
                markup=False,
                emoji=False,
            )
        return self._console

    def _print(self, renderable: RenderableType, *, unbroken: bool = False) -> None:
        """Print renderable as Rich lays it out, less the padding at the end of each line;
        unbroken, on one line whatever its length."""
        console = self.console()
        with console.capture() as captured:
            if unbroken:
                console.print(renderable, crop=False, no_wrap=True, overflow="ignore")
            else:
                console.print(renderable)
        self._stream.write(_LINE_END.sub(_without_spaces, captured.get()))

    def print_lines(self, lines: Sequence[Line]) -> None:
        laid_out = self._laid_out_block(lines)
        if laid_out is not None:
            self._stream.write(laid_out)
            return
        from rich.console import Group
        from rich.padding import Padding
        from rich.text import Text

        # One print for each run of wrapped lines: Rich's cost is per call, not per line.
        width = self.console().width
        for unbroken, run in itertools.groupby(lines, key=lambda line: _unbroken(line, width)):
            if unbroken:
                for line in run:
                    indent = (" " * 2 * line.indent, "")
                    parts = _styled_runs(line)
                    self._print(Text.assemble(indent, *parts), unbroken=True)
                continue
            self._print(
                Group(
                    *(
                        Padding(
                            Text.assemble(*_styled_runs(line)),
                            (0, 0, 0, 2 * line.indent),
                            expand=False,
                        )
                        for line in run
                    )
                )
            )

    def _laid_out_block(self, lines: Sequence[Line]) -> str | None:
        """The lines as the Console would print them, or None if one needs the Console."""
        terminal = self._terminal
        if terminal is None or divide_line is None:
            return None
        parts = []
        for line in lines:
            text = self._laid_out(line, terminal)
            if text is None:
                return None
            parts.append(text)
        return "".join(parts)

    def _laid_out(self, line: Line, terminal: Terminal) -> str | None:
        """The line as a Console prints it in a Padding (indented, not expanded), wrapped as
        Text.wrap wraps it, less the spaces that end each line (see _LINE_END); None if it holds
        what only the Console handles."""
        plain = "".join(span.text for span in line.spans)
        if not plain or not _ONE_CELL.issuperset(plain):
            return None
        if any(span.style and span.style not in STYLES for span in line.spans):
            return None
        width, left = terminal.width, 2 * line.indent
        # Padding measures the text (at most the width), then wraps it in what is left of that.
        room = min(min(len(plain), width) + left, width) - left
        if room < 1:
            return None
        codes = _ESCAPES if terminal.color_system is not None else {}
        runs = _styled_runs(line)
        if _unbroken(line, width):
            styled = (
                wrap[0] + text + wrap[1] if (wrap := codes.get(style)) else text
                for text, style in runs
            )
            return _LINE_END.sub(_without_spaces, " " * left + "".join(styled)) + "\n"
        spans: list[tuple[int, int, tuple[str, str] | None]] = []
        offset = 0
        for text, style in runs:
            spans.append((offset, offset + len(text), codes.get(style)))
            offset += len(text)
        breaks = divide_line(plain, room) if len(plain) > room else []
        out: list[str] = []
        for first, after in itertools.pairwise([0, *breaks, len(plain)]):
            kept = _kept_end(plain, first, after, room)
            shown = first + len(plain[first:kept].rstrip(" "))
            if shown > first:
                out.append(" " * left)
            for begin, stop, wrap in spans:
                if max(begin, first) < min(stop, kept):
                    text = plain[max(begin, first) : min(stop, shown)]
                    out.append(wrap[0] + text + wrap[1] if wrap else text)
            out.append("\n")
        return "".join(out)

    def print_gap(self) -> None:
        self._stream.write("\n")

    def print_table(self, table: Table) -> None:
        from rich import box  # tables only: facts are the common case
        from rich.table import Table as RichTable
        from rich.text import Text

        # Columns are laid out here, not by Rich, which would cut ids to fit a narrow terminal.
        widths = fitted_widths(table, self.console().width)
        if widths is not None and too_narrow(table, widths):
            self.print_lines(stacked_lines(table))
            return
        rich_table = RichTable(title=table.title, box=box.SIMPLE_HEAD, title_justify="left")
        for column, (header, numeric) in enumerate(zip(table.headers, table.numeric, strict=True)):
            rich_table.add_column(
                header,
                justify="right" if numeric else "left",
                width=widths[column] if widths else None,
                overflow="fold",
            )
        for row in table.rows:
            rich_table.add_row(*(Text(cell) for cell in row))
        self._print(rich_table)
