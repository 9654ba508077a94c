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


@pytest.mark.parametrize(
    ("figure", "hedge", "said"),
    [
        # Stranger 11: "approximate 180–400 fighters ... (estimated)": the hedge twice, and
        # an adjective where an adverb or article is wanted.
        (Figure(None, 180, 400, "men", "approximate"), "estimated", "an estimated 180–400 men"),
        (Figure(None, 180, 400, "men", "approximate"), None, "an approximate 180–400 men"),
        (Figure(None, 200, 500, "men", "estimated"), "estimated", "an estimated 200–500 men"),
        (Figure(15, None, None, "areas", "at least"), "suggested", "at least 15 areas (suggested)"),
        (Figure(2e7, None, None, "USD", "reportedly"), "reportedly", "reportedly 20,000,000 USD"),
        (Figure(122000, None, None, "people", "more than"), None, "more than 122,000 people"),
        (Figure(5, None, None, "men", None), "reported", "a reported 5 men"),
        (Figure(5, None, None, "men", None), "believed to", "5 men (believed to)"),
    ],
)  # fmt: skip
def test_a_figure_is_hedged_once_in_words_english_writes(
    figure: Figure, hedge: str | None, said: str
) -> None:
    from tqcli.figures import figure_phrase

    assert figure_phrase(figure, hedge) == said


def test_a_figure_answer_says_its_hedge_once() -> None:
    """tq ask's short answer for the built-in fact stranger 11 was given, wherever it ranks."""
    import json

    from typer.testing import CliRunner

    from tqcli.cli import app

    question = "How many al-Qaeda fighters are in Afghanistan?"
    result = CliRunner().invoke(app, ["ask", question, "--json", "--limit", "10"])

    answers = {reply["id"]: reply["answer"] for reply in json.loads(result.stdout)}
    assert answers["al-qaeda-fighters-180-400-2022"] == (
        "an estimated 180–400 fighters affiliated with al-Qaeda in six Afghan provinces, "
        "according to Republic World (as of June 2022)"  # asked in the present tense
    )
