"""Figures in words ("at least 15 Afghan provinces"), for human output and for `tq ask`'s short
answers alike, and the numbers a text states, for `tq validate`; light to import, so that
`ask --json` need not load the human layout."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from msgspec import structs

from tqcli.model import Figure


def figure_text(figure: Figure) -> str:
    """A figure in words: "at least 15 Afghan provinces", "200–500 men"."""
    if figure.value is not None:
        number = format_number(figure.value)
    elif figure.min is not None and figure.max is not None:
        number = f"{format_number(figure.min)}–{format_number(figure.max)}"
    elif figure.min is not None:
        # A qualifier that already says the bound ("more than", "at least") is not said twice:
        # "more than 1,000,000 girls", not "more than 1,000,000 or more girls".
        bounded = (figure.qualifier or "").lower().startswith(_LOWER_BOUNDS)
        number = format_number(figure.min) + ("" if bounded else " or more")
    else:
        assert figure.max is not None, "the loader requires value, min or max"
        bounded = (figure.qualifier or "").lower().startswith(_UPPER_BOUNDS)
        number = ("" if bounded else "up to ") + format_number(figure.max)
    return " ".join(part for part in (figure.qualifier, number, figure.unit) if part)


def figure_phrase(figure: Figure, hedge: str | None = None) -> str:
    """A figure as a phrase to read, hedged once: a qualifier that is an adjective takes its
    article ("an estimated 200–500 men", "an approximate 180 fighters"), and a fact's hedge is
    said in its place when both are such adjectives ("an estimated 180–400", not "approximate
    180–400 ... (estimated)"), else after it in brackets ("at least 15 provinces (suggested)")
    unless it is the qualifier itself."""
    qualifier = figure.qualifier
    if (
        hedge
        and hedge.lower() in _COUNT_ADJECTIVES
        and (qualifier is None or qualifier.lower() in _COUNT_ADJECTIVES)
    ):
        qualifier, hedge = hedge, None
    elif hedge == qualifier:
        hedge = None
    if qualifier and qualifier.lower() in _COUNT_ADJECTIVES:
        qualifier = ("an " if qualifier[0].lower() in "aeiou" else "a ") + qualifier
    text = figure_text(structs.replace(figure, qualifier=qualifier))
    return f"{text} ({hedge})" if hedge else text


_COUNT_ADJECTIVES = frozenset(
    {"approximate", "estimated", "reported", "rough", "projected", "alleged", "assessed"}
)
"""Qualifiers and hedges that say of a count what kind of count it is, as adjectives: said
with an article before the number ("an estimated 200 men"), as English writes them."""

_LOWER_BOUNDS = ("more than", "at least", "over", "upwards of", "in excess of", "no fewer than")
_UPPER_BOUNDS = ("up to", "at most", "as many as", "no more than", "fewer than", "less than")
"""Qualifiers that say a figure's bound themselves: min alone is a lower bound, max an upper."""


def format_number(number: float) -> str:
    """A number with thousands separators, without a trailing ".0"."""
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


def unstated(figure: Figure, texts: Iterable[str]) -> list[tuple[str, float]]:
    """The figure's numbers (field and number: value, min, max) that none of texts states, in
    digits ("2,996", "$20m", "1.5 billion") or in words ("five", "twenty-one", "a trillion")."""
    from tqcli.textnorm import fold

    missing = [
        (field, number)
        for field, number in (("value", figure.value), ("min", figure.min), ("max", figure.max))
        if number is not None
    ]
    for text in texts:
        # Most figures are written in digits, as format_number writes them or without the
        # separators: found so, the full reading is not needed.
        missing = [
            (field, number)
            for field, number in missing
            if not _in_digits(format_number(number), text)
            and not _in_digits(format_number(number).replace(",", ""), text)
        ]
        if missing:
            stated = _numbers(fold(text))
            missing = [
                (field, number)
                for field, number in missing
                if not any(math.isclose(number, seen, rel_tol=1e-9) for seen in stated)
            ]
    return missing


def _in_digits(digits: str, text: str) -> bool:
    """Whether text holds digits as a whole number ("2,996" in "killed 2,996 people", not in
    "12,996" or "2,996.5")."""
    start = text.find(digits)
    while start != -1:
        end = start + len(digits)
        before, after = text[start - 1 : start] if start else " ", text[end : end + 2] + "  "
        if not (before.isdigit() or before in ".,") and not (
            after[0].isdigit() or (after[0] in ".," and after[1].isdigit())
        ):
            return True
        start = text.find(digits, start + 1)
    return False


def numbers_stated(text: str) -> set[float]:
    """Every number text states: each as written and, with a scale word after it, as scaled
    ("$20m" states 20 and 20,000,000)."""
    from tqcli.textnorm import fold

    return _numbers(fold(text))


def _numbers(folded: str) -> set[float]:
    numbers: set[float] = set()
    for match in _number_pattern().finditer(folded.replace("-", " ")):
        digits, tens, units, single, scale = match.group(
            "digits", "tens", "units", "single", "scale"
        )
        if digits:
            number = float(digits)
        elif tens or single:
            number = float(_WORD_NUMBERS[tens or single] + _WORD_NUMBERS.get(units or "", 0))
        else:  # "a hundred", "a trillion"
            number = 1.0
        numbers.add(number)
        if scale:
            numbers.add(number * _SCALES[scale])
    return numbers


_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_NUMBERS = dict(zip(_UNITS, range(20), strict=True)) | dict(
    zip(_TENS, range(20, 100, 10), strict=True)
)
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "trn": 1e12,
    "tn": 1e12,
}


@functools.cache
def _number_pattern() -> re.Pattern[str]:
    """A number in folded text (lower case, digit grouping gone, hyphens made spaces): digits
    or words, then perhaps a scale. Compiled when validation first needs it, not on import."""
    units, tens, scales = "|".join(_UNITS), "|".join(_TENS), "|".join(_SCALES)
    return re.compile(
        rf"(?:(?P<digits>\d+(?:\.\d+)?)|\b(?:(?P<tens>{tens})(?: (?P<units>{units}))?|"
        rf"(?P<single>{units}))|\ba(?= (?:hundred|thousand|million|billion|trillion)\b))"
        rf"(?: ?(?P<scale>{scales}))?\b"
    )
