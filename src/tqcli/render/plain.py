"""Plain text output for pipes and files: the human layout without any escape codes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TextIO

from tqcli.render.layout import HumanRenderer, Line, Table

_INDENT = "  "


class PlainRenderer(HumanRenderer):
    """Prints the human layout as plain lines, tables as aligned columns."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def print_lines(self, lines: Sequence[Line]) -> None:
        for line in lines:
            self._stream.write(_INDENT * line.indent + line.text + "\n")

    def print_gap(self) -> None:
        self._stream.write("\n")

    def print_table(self, table: Table) -> None:
        self._stream.write(f"{table.title}\n")
        # Each column as wide as most of its cells need: a longer cell runs on into the next
        # column's room, on its own line only, rather than padding every row to its length;
        # the cells after it take their places again as soon as they can.
        widths = [
            max(map(len, cells)) if numeric else max(len(cells[0]), _width(cells[1:]))
            for cells, numeric in zip(
                zip(table.headers, *table.rows, strict=True), table.numeric, strict=True
            )
        ]
        starts = [sum(widths[:column]) + len(_GAP) * column for column in range(len(widths))]
        for row in (table.headers, *table.rows):
            line = ""
            for column, cell in enumerate(row):
                at = starts[column] + (widths[column] - len(cell) if table.numeric[column] else 0)
                line = line.ljust(at if not line else max(at, len(line) + len(_GAP))) + cell
            self._stream.write(line.rstrip() + "\n")


_MOST = 0.9
"""The share of a plain table's cells, column by column, that fit their column's width."""
_GAP = "  "


def _width(cells: Sequence[str]) -> int:
    """The width that fits most of these cells (_MOST of them, the longest left out)."""
    lengths = sorted(map(len, cells)) or [0]
    return lengths[max(math.ceil(_MOST * len(lengths)) - 1, 0)]
