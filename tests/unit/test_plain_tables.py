"""Plain tables (pipes, NO_COLOR): one record a line, aligned without padding every row to
the longest cell."""

from __future__ import annotations

import io

from tqcli.render.layout import Table
from tqcli.render.plain import PlainRenderer

_LONG = "Joint Declaration between the Islamic Republic of Afghanistan and the United States"


def _printed(table: Table) -> list[str]:
    stream = io.StringIO()
    PlainRenderer(stream).print_table(table)
    return stream.getvalue().splitlines()


def _table(names: list[str]) -> Table:
    rows = tuple((f"id-{n}", name, str(n * 7)) for n, name in enumerate(names))
    return Table("Entities", ("id", "name", "facts"), rows, (False, False, True))


def test_one_long_cell_pads_no_other_row() -> None:
    names = ["Abdul Ghani Baradar", "Susan E. Rice", "Haqqani Network"] * 4 + [_LONG]

    lines = _printed(_table(names))

    assert lines[0] == "Entities"
    assert len(lines) == 2 + len(names)  # a title, the headers, one line a record
    assert max(len(line) for line in lines if _LONG not in line) < len(_LONG)
    assert f"id-12  {_LONG}  84" in lines  # the long cell whole, the next one after it
    # The other rows stay aligned: every number ends in the same column.
    ends = {len(line.rstrip()) for line in lines[1:-1]}
    assert len(ends) == 1


def test_a_table_of_short_cells_is_aligned_as_before() -> None:
    lines = _printed(_table(["Rice", "Baradar", "Omar"]))

    assert lines[1:] == [
        "id    name     facts",
        "id-0  Rice         0",
        "id-1  Baradar      7",
        "id-2  Omar        14",
    ]
