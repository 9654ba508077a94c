"""Figures in words ("at least 15 Afghan provinces"), for human output and for `tq ask`'s short
answers alike; light to import, so that `ask --json` need not load the human layout."""

from __future__ import annotations

from tqcli.model import Figure


def figure_text(figure: Figure) -> str:
    """A figure in words: "at least 15 Afghan provinces", "200–500 men"."""
    if figure.value is not None:
        number = format_number(figure.value)
    elif figure.min is not None and figure.max is not None:
        number = f"{format_number(figure.min)}–{format_number(figure.max)}"
    elif figure.min is not None:
        number = f"{format_number(figure.min)} or more"
    else:
        assert figure.max is not None, "the loader requires value, min or max"
        number = f"up to {format_number(figure.max)}"
    return " ".join(part for part in (figure.qualifier, number, figure.unit) if part)


def format_number(number: float) -> str:
    """A number with thousands separators, without a trailing ".0"."""
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"
