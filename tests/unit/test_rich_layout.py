"""The Rich renderer's own layout of lines prints exactly what Rich's Console prints."""

from __future__ import annotations

import io
import itertools
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import get_character_cell_size
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style

from tqcli.render.layout import Line, Span
from tqcli.render.rich_output import (
    _EIGHT_BIT,
    _ESCAPES,
    _ONE_CELL,
    _STANDARD,
    _TRUECOLOR,
    STYLES,
    RichRenderer,
    Terminal,
)

# Words (long ones too), spaces (runs of them too) and punctuation, as pack text has them.
_ORDINARY = [*"abcdefghij", " ", "  ", "-", ".", "“", "”", "—", "·", "é", "\u00a0", "x" * 30]
# Characters only the Console handles (wide, zero-width, combining, tab, line break).
_ODD = ["東", "\u200b", "\u202f", "\t", "\n", "\u0301", ""]


def _lines(alphabet: list[str]) -> st.SearchStrategy[list[Line]]:
    text = st.lists(st.sampled_from(alphabet), max_size=12).map("".join)
    span = st.builds(Span, text, st.sampled_from([None, *STYLES]))
    line = st.builds(Line, st.lists(span, max_size=4).map(tuple), st.integers(0, 4))
    return st.lists(line, min_size=1, max_size=5)


def _through_console(lines: list[Line], *, colored: bool, width: int) -> str:
    out = io.StringIO()
    renderer = RichRenderer(out, colored=colored, force_terminal=True)
    renderer._terminal = None  # the Console for every line: the reference
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", str(width))
        patch.setenv("LINES", "25")
        renderer.print_lines(lines)
    return out.getvalue()


def _laid_out(lines: list[Line], *, colored: bool, width: int) -> str:
    out = io.StringIO()
    renderer = RichRenderer(out, colored=colored, force_terminal=True)
    env = {"COLUMNS": str(width), "LINES": "25", "TERM": "xterm"}
    renderer._terminal = Terminal.detect(out, colored=colored, force_terminal=True, environ=env)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", str(width))
        patch.setenv("LINES", "25")
        renderer.print_lines(lines)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(_lines(_ORDINARY), st.booleans(), st.integers(1, 40))
def test_lines_laid_out_here_are_what_the_console_prints(
    lines: list[Line], colored: bool, width: int
) -> None:
    assert _laid_out(lines, colored=colored, width=width) == _through_console(
        lines, colored=colored, width=width
    )


@settings(max_examples=100, deadline=None)
@given(_lines(_ORDINARY + _ODD), st.booleans(), st.integers(1, 40))
def test_lines_with_any_characters_print_as_the_console_prints_them(
    lines: list[Line], colored: bool, width: int
) -> None:
    assert _laid_out(lines, colored=colored, width=width) == _through_console(
        lines, colored=colored, width=width
    )


def test_the_layout_here_is_used_for_ordinary_lines() -> None:
    """Not a test that always falls back to the Console: pack text is laid out here."""
    out = io.StringIO()
    renderer = RichRenderer(out, colored=True, force_terminal=True)
    line = Line((Span("Acme said “so” — twice · 1999", "claim"),), 1)
    assert renderer._laid_out_block([line]) is not None


def test_one_cell_characters_are_one_cell_wide_for_rich() -> None:
    assert all(get_character_cell_size(character) == 1 for character in _ONE_CELL)


_ENVIRONMENTS = [
    dict(
        zip(
            ("COLUMNS", "LINES", "TERM", "COLORTERM", "FORCE_COLOR", "TTY_COMPATIBLE"),
            values,
            strict=True,
        )
    )
    for values in itertools.product(
        (None, "0", "57", "x"),
        (None, "30"),
        (None, "dumb", "xterm-256color", "xterm-kitty", "linux"),
        (None, "truecolor"),
        (None, "", "1"),
        (None, "0", "1"),
    )
]


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize("tty", [True, False])
@pytest.mark.parametrize("colored", [True, False])
@pytest.mark.parametrize("force_terminal", [True, False])
def test_terminal_detection_agrees_with_the_console(
    tty: bool, colored: bool, force_terminal: bool
) -> None:
    for values in _ENVIRONMENTS:
        environ: Mapping[str, str] = {k: v for k, v in values.items() if v is not None}
        stream = _Stream(tty)
        console = Console(
            file=stream,
            color_system="auto" if colored else None,
            force_terminal=True if force_terminal else None,
            _environ=environ,
        )
        terminal = Terminal.detect(
            stream, colored=colored, force_terminal=force_terminal, environ=environ
        )
        assert terminal is not None
        found = (terminal.color_system, terminal.width)
        assert found == (console._color_system, console.width), environ


@pytest.mark.parametrize(
    "system", [ColorSystem.STANDARD, ColorSystem.EIGHT_BIT, ColorSystem.TRUECOLOR]
)
def test_the_escape_codes_of_each_style_are_the_ones_rich_writes(system: ColorSystem) -> None:
    """The theme's escape codes, written out here rather than made by rich.style at run time,
    are Style.render's in every colour system Terminal.detect finds (whose values it names)."""
    assert (_STANDARD, _EIGHT_BIT, _TRUECOLOR) == (
        ColorSystem.STANDARD,
        ColorSystem.EIGHT_BIT,
        ColorSystem.TRUECOLOR,
    )
    assert set(_ESCAPES) == set(STYLES)
    for name, style in STYLES.items():
        before, _, after = Style.parse(style).render("\0", color_system=system).partition("\0")
        assert _ESCAPES[name] == (before, after), name
