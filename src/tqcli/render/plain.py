"""Plain text output for pipes and files: the human layout without any escape codes."""

from __future__ import annotations

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
        widths = [
            max(len(cell) for cell in column)
            for column in zip(table.headers, *table.rows, strict=True)
        ]
        for row in (table.headers, *table.rows):
            cells = [
                cell.rjust(width) if numeric else cell.ljust(width)
                for cell, width, numeric in zip(row, widths, table.numeric, strict=True)
            ]
            self._stream.write("  ".join(cells).rstrip() + "\n")
