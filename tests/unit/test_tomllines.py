"""Lines of TOML: a syntax error where its fix belongs, and keys found under a table's line."""

from __future__ import annotations

import pytest
import tomli

from tqcli.tomllines import TomlLines, deepest_line, syntax_error


def _error(text: str) -> tuple[int | None, int | None, str]:
    with pytest.raises(tomli.TOMLDecodeError) as raised:
        tomli.loads(text)
    return syntax_error(text, raised.value)


def test_an_array_left_open_is_said_where_it_opened() -> None:
    text = 'a = 1\ntags = ["x", "y"\n\n[[t]]\nb = 2\n'

    assert _error(text) == (
        2,
        8,
        "TOML syntax error: Unclosed array opened here: no ']' (or ',') before line 4, column 1",
    )


def test_an_inline_table_left_open_is_said_where_it_opened() -> None:
    text = "x = {a = 1\n\n[t]\n"

    line, column, message = _error(text)

    assert (line, column) == (1, 5)
    assert message.startswith("TOML syntax error: Unclosed inline table opened here: no '}'")


def test_brackets_in_strings_and_comments_are_not_counted() -> None:
    text = "a = \"[\" # [\nb = '''\n]\n'''\ntags = [\"]\",\n  \"x\"\n\n[[t]]\n"

    line, column, _ = _error(text)

    assert (line, column) == (5, 8)


def test_an_array_left_open_on_the_line_tomli_names_keeps_tomli_s_column() -> None:
    assert _error('about = ["a" "b"]\n') == (1, 14, "TOML syntax error: Unclosed array")


def test_other_errors_are_where_tomli_says() -> None:
    assert _error('a = "x\n') == (
        1,
        7,
        "TOML syntax error: a string is not closed on its line (a missing quote?)",
    )


def test_deepest_line() -> None:
    assert deepest_line("a = [1]\nb = [[[2]]]\nc = [[3]]\n") == 2


def test_a_key_is_found_under_its_table_s_line() -> None:
    lines = TomlLines(
        "[[figure]]\nid = 'a'\nvalue = 1\n\n[[figure]]\nid = 'b'\n\nvalue = 2\n"
        "[[figure.cite]]\nsource = 's'\n\npassage = 'p'\n[[figure.cite]]\npassage = 'q'\n"
    )

    assert lines.under(5, "value") == 8
    assert lines.under(5, "id") == 6
    assert lines.under(5, "cite", 0, "passage") == 12
    assert lines.under(5, "cite", 1, "passage") == 14
    assert lines.under(1, "cite", 0, "passage") is None  # figure a has no cite
    assert lines.under(1, "unit") is None
    assert lines.under(2, "id") is None  # no table is on line 2
