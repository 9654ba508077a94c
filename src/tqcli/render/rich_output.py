"""Terminal output with Rich: the human layout, styled. Imported only when it is used."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from rich.theme import Theme

from tqcli.render.layout import (
    HumanRenderer,
    Line,
    Table,
    fitted_widths,
    stacked_lines,
    too_narrow,
)

# Spaces at the end of a line, among its closing style codes: Rich pads wrapped lines and table
# cells to their width, and those spaces would end up in every copied passage.
_LINE_END = re.compile(r"(?: |\x1b\[[0-9;]*m)+$", re.MULTILINE)

THEME = Theme(
    {
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
    },
)


def _without_spaces(line_end: re.Match[str]) -> str:
    return line_end.group().replace(" ", "")


class RichRenderer(HumanRenderer):
    """Prints the human layout with Rich; pack text is always Text, never parsed as markup."""

    def __init__(self, stream: TextIO, *, colored: bool, force_terminal: bool) -> None:
        self._stream = stream
        self._console = Console(
            file=stream,
            theme=THEME,
            no_color=not colored,
            # Without colour, no styles either: --color never and NO_COLOR mean no escape codes.
            color_system="auto" if colored else None,
            force_terminal=True if force_terminal else None,
            highlight=False,
            markup=False,
            emoji=False,
        )

    def _print(self, renderable: RenderableType) -> None:
        """Print renderable as Rich lays it out, less the padding at the end of each line."""
        with self._console.capture() as captured:
            self._console.print(renderable)
        self._stream.write(_LINE_END.sub(_without_spaces, captured.get()))

    def print_lines(self, lines: Sequence[Line]) -> None:
        # One print for the whole block: Rich's cost is per call, not per line.
        self._print(
            Group(
                *(
                    Padding(
                        Text.assemble(*((span.text, span.style or "") for span in line.spans)),
                        (0, 0, 0, 2 * line.indent),
                        expand=False,
                    )
                    for line in lines
                )
            )
        )

    def print_gap(self) -> None:
        self._stream.write("\n")

    def print_table(self, table: Table) -> None:
        from rich import box  # tables only: facts are the common case
        from rich.table import Table as RichTable

        # Columns are laid out here, not by Rich, which would cut ids to fit a narrow terminal.
        widths = fitted_widths(table, self._console.width)
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
