"""The numbers a text states, as `tq validate` reads them to check a figure against its words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tqcli.figures import format_number, numbers_stated, unstated
from tqcli.model import Figure


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("The attack killed 2,996 people", {2996}),
        ("almost $1trn over two decades", {1, 1e12, 2}),
        ("reportedly paid $20m a year", {20, 2e7}),
        ("1.5 billion dollars", {1.5, 1.5e9}),
        ("a trillion dollars", {1, 1e12}),
        ("twenty-one men and seventy five women", {21, 75}),
        ("an estimated 200-500 men", {200, 500}),
        ("lasted five years", {5}),
        ("2\u202f996 people", {2996}),
        ("someone said none of the men", set()),  # "one" inside a word, "m" starting one
        ("5 men", {5}),
    ],
)
def test_numbers_stated(text: str, numbers: set[float]) -> None:
    assert numbers_stated(text) == numbers


@given(st.integers(min_value=0, max_value=10**15))
def test_a_number_written_with_separators_is_stated(number: int) -> None:
    assert number in numbers_stated(f"The report gives {format_number(number)} of them.")


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 3)))
def test_a_decimal_is_stated(number: float) -> None:
    assert number in numbers_stated(f"about {number} per cent")


def test_unstated_names_each_number_no_text_gives() -> None:
    figure = Figure(None, 40, 60, "men", None)
    assert unstated(figure, ["between forty and fifty men", "40 to 50"]) == [("max", 60)]
    assert unstated(figure, ["forty", "sixty"]) == []


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("2,996", True),
        ("killed 2996 people.", True),
        ("killed 12,996 people", False),
        ("killed 2,996.5 people", False),
        ("killed 2,9960 people", False),
    ],
)
def test_a_value_in_digits_is_found_whole(text: str, stated: bool) -> None:
    assert (unstated(Figure(2996, None, None, "people", None), [text]) == []) is stated
