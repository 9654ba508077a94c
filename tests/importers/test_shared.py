"""The importers' shared TOML writer: whatever the text, tomli reads back what was written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import tomli
from hypothesis import given
from hypothesis import strategies as st

from tqcli.importers.shared import toml_tables

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)))
_scalar = st.one_of(_text, st.integers(-(2**63), 2**63 - 1), st.dates(), st.booleans())
_key = st.one_of(st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True), _text.filter(bool))
_table = st.dictionaries(
    _key,
    st.one_of(
        _scalar,
        st.lists(_text, max_size=3),
        st.dictionaries(_key, st.lists(_text, min_size=1, max_size=2), max_size=3),
        st.lists(st.dictionaries(_key, _text, min_size=1, max_size=3), min_size=1, max_size=2),
    ),
    max_size=5,
)


@given(st.lists(_table, max_size=3))
def test_what_is_written_reads_back_the_same(tables: list[dict[str, Any]]) -> None:
    text = toml_tables("entity", tables)

    assert tomli.loads(text) == ({"entity": tables} if tables else {})


def test_a_table_reads_as_written() -> None:
    table = {
        "id": "x",
        "date": dt.date(2021, 8, 20),
        "names": ["a\x7fb", 'quote " and \\ and \n'],
        "attributes": {"place of birth": ["Café"]},
        "cite": [{"source": "s", "passage": "p"}],
    }

    assert tomli.loads(toml_tables("sanction", [table])) == {"sanction": [table]}
