"""The importers' shared parts: the TOML writer (tomli reads back what it wrote), the swap."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import given
from hypothesis import strategies as st

from tqcli.importers import shared, un_sc
from tqcli.importers.shared import toml_tables

from conftest import FIXTURES

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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_two_directories_swap_in_one_step(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "from-a").touch()
    (tmp_path / "b").mkdir()

    assert shared._exchange(tmp_path / "a", tmp_path / "b")

    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from-a"]
    assert list((tmp_path / "a").iterdir()) == []


def test_without_the_one_step_swap_a_reimport_still_replaces_the_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shared, "_exchange", lambda *_: False)
    out = tmp_path / "p"
    un_sc.import_list(FIXTURES / "unsc" / "list-v1.xml", out)
    (out / "mine.txt").write_text("mine")

    un_sc.import_list(FIXTURES / "unsc" / "list-v2.xml", out)

    assert "QDi.907" in (out / "listings.toml").read_text(encoding="utf-8")
    assert (out / "mine.txt").read_text() == "mine"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p"]


def test_what_a_killed_import_left_is_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "p"
    un_sc.import_list(FIXTURES / "unsc" / "list-v1.xml", out)
    for leftover in (".p.tq-import-x1", ".p.tq-previous-x2"):
        (tmp_path / leftover).mkdir()
        (tmp_path / leftover / "listings.toml").write_text("old")
    (tmp_path / ".q.tq-import-x3").mkdir()  # another pack's: not this import's to remove

    un_sc.import_list(FIXTURES / "unsc" / "list-v2.xml", out)

    assert sorted(path.name for path in tmp_path.iterdir()) == [".q.tq-import-x3", "p"]
