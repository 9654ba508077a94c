"""Search query syntax: phrases, prefixes, exclusions, --all; mistakes reported in words."""

from __future__ import annotations

import json
import sqlite3
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.errors import BadQuery, BadRequest, QueryProblem
from tqcli.index import in_memory
from tqcli.model import Filters
from tqcli.packs import packs_in_effect
from tqcli.searchquery import Query, Term, parse

from conftest import MINI_PACK

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]


def _ids(runner: CliRunner, *arguments: str) -> list[str]:
    result = runner.invoke(app, ["search", "--json", "-n", "0", *MINI, *arguments])
    assert result.exit_code in (0, 1), result.stderr
    return sorted(fact["id"] for fact in json.loads(result.stdout))


def test_terms_are_folded_and_stemmed_like_the_index() -> None:
    assert parse(["Widgets"]) == Query((Term(("widget",), False, False),), False)
    assert parse(["Acmé's", "widgets"]).match() == '("acme" OR "widget")'


def test_a_quoted_argument_is_a_phrase_and_so_is_text_in_double_quotes() -> None:
    assert parse(["bin laden"]).terms == (Term(("bin", "laden"), False, False),)
    assert parse(['"bin laden" money']).terms == (
        Term(("bin", "laden"), False, False),
        Term(("mone",), False, False),  # stemmed, as the index is
    )
    assert parse(["al-Qaeda"]).terms == (Term(("al", "qaeda"), False, False),)


def test_prefixes_exclusions_and_all_words() -> None:
    query = parse(["qa* -isis", '-"safe haven"'], require_all=True)
    assert query.match() == '("qa"*) NOT ("isis" OR "safe haven")'
    # A prefix is cut back to its stem, so "sanctions*" still finds the indexed "sanction".
    assert parse(["sanctions*"]).match() == '("sanction"*)'
    assert parse(["paid*"]).match() == '("paid"*)'  # never changed into another word
    assert parse(["a", "b"], require_all=True).match() == '("a" AND "b")'
    assert parse(['acme -"safe haven"* gadg*']).match() == '("acme" OR "gadg"*) NOT ("safe haven"*)'
    assert parse(['acme-"x"']).match() == '("acme" OR "x")'  # a hyphen, not an exclusion


_MISTAKES = [
    (['"bin laden'], QueryProblem.UNCLOSED_QUOTE, '"bin laden', "unclosed quote"),
    (['""'], QueryProblem.EMPTY_PHRASE, '""', "empty phrase"),
    (["*"], QueryProblem.STAR_ALONE, "*", "'*' needs the start of a word"),
    (["a*b"], QueryProblem.STAR_INSIDE, "a*b", "'*' only ends a word"),
    (["-acme"], QueryProblem.ALL_EXCLUDED, "-acme", "every term is excluded"),
    (["!!", "?"], QueryProblem.NOTHING, "!! ?", "nothing to search for"),
]


@pytest.mark.parametrize(("arguments", "problem", "text", "_"), _MISTAKES)
def test_mistakes_are_named_with_what_is_wrong(
    arguments: list[str], problem: QueryProblem, text: str, _: str
) -> None:
    with pytest.raises(BadQuery) as raised:
        parse(arguments)
    assert (raised.value.problem, raised.value.text) == (problem, text)


def test_a_query_with_an_exclusion_and_a_word_is_fine() -> None:
    assert parse(["widgets -acme"]).terms


@pytest.mark.parametrize(("arguments", "_", "__", "message"), _MISTAKES)
def test_the_command_line_explains_each_mistake(
    runner: CliRunner, arguments: list[str], _: QueryProblem, __: str, message: str
) -> None:
    result = runner.invoke(app, ["search", *MINI, "--", *arguments])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"tq: {message}")
    assert result.stderr.count("\n") == 1


def test_search_finds_phrases_prefixes_and_leaves_out_exclusions(runner: CliRunner) -> None:
    assert _ids(runner, "makes widgets") == ["acme-undated"]  # the words together, in order
    assert _ids(runner, "widgets makes") == []
    assert {"acme-gadgets-2019", "acme-widgets-2019"} <= set(_ids(runner, "shipped", "gadgets"))
    assert _ids(runner, "shipped", "gadgets", "--all") == ["acme-gadgets-2019"]
    assert _ids(runner, "gadg*") == ["acme-gadgets-2019", "widget-accord"]
    assert _ids(runner, "gadg") == []
    assert "acme-undated" in _ids(runner, "widgets")
    assert "acme-undated" not in _ids(runner, "widgets", "--", "-makes")
    assert _ids(runner, "widgets -makes") == _ids(runner, "widgets", "--", "-makes")


def test_a_syntax_error_is_a_usage_error_never_an_sqlite_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", '"acme', *MINI])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "tq: unclosed quote in '\"acme': end the phrase with \"\n"


def test_ask_stays_forgiving(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", 'When was "Acme founded*?', "--json", *MINI])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "acme-founded"


_INDEX = in_memory(packs_in_effect([MINI_PACK], include_builtin=False, environ={}))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab -*\"é'(),:^+~NOTAND"), max_size=12)))
def test_any_query_is_answered_or_explained_never_an_sqlite_error(arguments: list[str]) -> None:
    try:
        query = parse(arguments)
    except BadRequest:
        return
    try:
        _INDEX.search(arguments, Filters(), 0)
    except sqlite3.Error as error:  # pragma: no cover - the defect this test looks for
        pytest.fail(f"{arguments!r} -> {query.match()!r}: {error}")


@pytest.mark.parametrize(
    ("arguments", "number"),
    [
        (["1267"], "1267"),
        (['"1267"'], "1267"),
        (["1267*"], None),
        (["1267", "adopted"], None),
        (["1267 adopted"], None),
        (["taliban"], None),
        (["S/RES/1267"], None),
    ],
)
def test_a_number_alone_is_what_the_query_names(arguments: list[str], number: str | None) -> None:
    assert parse(arguments).number() == number


@given(st.text(alphabet=string.ascii_letters + string.digits, min_size=1), st.booleans())
def test_a_plain_word_parses_as_the_general_syntax_reads_it(word: str, all_words: bool) -> None:
    """A word of ASCII letters and digits alone (most of a batch's lines) takes a shorter
    path: it must make the term the word in quotes, or followed by a space, makes."""
    for other in ([], ["-x"], ['"a b"']):
        made = parse([word, *other], require_all=all_words)
        assert made == parse([f'"{word}"', *other], require_all=all_words)
        assert made == parse([f"{word} ", *other], require_all=all_words)
