"""The quick reader of fact tables gives exactly the careful reader's Fact, or leaves the table to
it: it never accepts a table the careful reader would report, nor reads one differently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import fields

from tqcli import loader
from tqcli.factshapes import _KINDS, FactTables
from tqcli.model import Fact, FactKind, Location, Pack
from tqcli.packs import BUILTIN_NAME, builtin_pack_dir
from tqcli.tomllines import TomlLines

from conftest import MINI_PACK

_PACK = Pack("p", Path("/nowhere"), "--facts")
_WHERE = Location(Path("/nowhere/facts.toml"), 3)


def _careful(kind: FactKind, table: dict[str, Any]) -> tuple[Fact | None, int]:
    """The careful reader's fact from table, and how many problems it reported."""
    state = loader._State()
    file = loader._File(_PACK, _WHERE.path, TomlLines(""), state)
    reader = loader._Table(file, table, (kind.value, 0), kind.value, 1)
    reader.line = _WHERE.line  # type: ignore[misc]  # no text to find it in
    fact = loader._read_fact(kind, reader)
    return fact, len(state.problems)


def _quick(kind: FactKind, table: dict[str, Any]) -> Fact | None:
    return FactTables(kind, [table]).fact(0, _PACK.name, _WHERE)


def _tables(directory: Path) -> list[tuple[FactKind, dict[str, Any]]]:
    kinds = {kind.value: kind for kind in FactKind}
    found = []
    for path in sorted(directory.glob("*.toml")):
        for name, value in tomli.loads(path.read_text(encoding="utf-8")).items():
            if name in kinds and isinstance(value, list):
                found += [(kinds[name], table) for table in value]
    return found


_VALID = _tables(MINI_PACK) + _tables(builtin_pack_dir())


@pytest.mark.parametrize("directory", [MINI_PACK, builtin_pack_dir()], ids=["mini", BUILTIN_NAME])
def test_every_valid_table_is_read_quickly_as_the_careful_reader_reads_it(
    directory: Path,
) -> None:
    for kind, table in _tables(directory):
        careful, problems = _careful(kind, table)
        assert problems == 0
        assert _quick(kind, table) == careful


# Tomorrow here may be today somewhere on Earth; the day after is in the future everywhere.
_AROUND_TOMORROW = [dt.date.today() + dt.timedelta(days=days) for days in (1, 2)]
_SCALARS = st.one_of(
    st.none(),
    st.text(st.sampled_from(" \t\n\u00a0\u2003\x1cab1-_."), max_size=4),
    st.sampled_from(["", " ", "x", " x ", "1999", "1999-13", "1999-02-30", "2001-09-11", "e1"]),
    st.integers(-3, 3),
    st.sampled_from([1e308 * 10, float("nan"), 0.5, True, False, 2**70]),
    st.sampled_from([dt.date(2001, 9, 11), dt.datetime(2001, 9, 11, 8, 46), dt.time(8, 46)]),
    st.sampled_from(["2999", "2999-01", dt.date(2999, 1, 1), *_AROUND_TOMORROW]),
)
_VALUES = st.one_of(
    _SCALARS,
    st.lists(_SCALARS, max_size=3),
    st.dictionaries(st.sampled_from(["source", "passage", "locator", "text", "x"]), _SCALARS),
    st.lists(
        st.dictionaries(
            st.sampled_from(["source", "passage", "locator", "text", "x"]), _SCALARS, max_size=4
        ),
        max_size=2,
    ),
)
# Every field any kind of fact has, and one no kind has.
_KEYS = st.sampled_from(
    sorted(
        {field.encode_name for shape, _ in _KINDS.values() for field in fields(shape)} | {"unknown"}
    )
)


_ODD_VALUES: list[Any] = [
    None, "", " ", "x", " x ", "\u2003x\n", "1999", "1999-13", "1999-02-30", " 2001-09-11",
    "2001-09-11", 0, -1, 0.5, 1e16, float("inf"), float("nan"), True, 2**70,
    dt.date(2001, 9, 11), dt.datetime(2001, 9, 11, 8, 46), dt.time(8, 46), [], [" a "],
    ["a", ""], [1], [dt.date(1999, 1, 1), "2000"], ["2000", "2000-13"], {}, {"text": "t"},
    [{"source": " s ", "passage": " p ", "locator": " l "}], [{"source": "s"}],
    [{"text": "t", "source": "s"}], [{"text": "t", "passage": "p"}], [{"text": " t ", "x": 1}],
    [{"text": "t", "locator": "l"}], ["not a table"], "2999", "2999-01", dt.date(2999, 1, 1),
    ["2000", "2999"], *_AROUND_TOMORROW, [*_AROUND_TOMORROW],
]  # fmt: skip


def _kind_keys(kind: FactKind) -> list[str]:
    return [field.encode_name for field in fields(_KINDS[kind][0])] + ["unknown"]


@pytest.mark.parametrize("kind", list(FactKind), ids=lambda kind: kind.value)
def test_each_field_changed_alone_is_read_quickly_only_as_the_careful_reader_reads_it(
    kind: FactKind,
) -> None:
    table = next(table for found, table in _VALID if found is kind)
    quick_reads = 0
    for key in _kind_keys(kind):
        for value in [*_ODD_VALUES, _MISSING]:
            changed = {k: v for k, v in {**table, key: value}.items() if v is not _MISSING}
            quick = _quick(kind, changed)
            if quick is not None:
                quick_reads += 1
                careful, problems = _careful(kind, changed)
                assert (problems, quick) == (0, careful), (key, value)
    assert quick_reads > len(_kind_keys(kind))  # the quick reader did read most fields changed


_MISSING = object()


@settings(max_examples=600, deadline=None)
@given(
    base=st.sampled_from(_VALID),
    changes=st.dictionaries(_KEYS, _VALUES, max_size=3),
    removed=st.sets(_KEYS, max_size=2),
)
def test_a_changed_table_is_read_quickly_only_as_the_careful_reader_reads_it(
    base: tuple[FactKind, dict[str, Any]], changes: dict[str, Any], removed: set[str]
) -> None:
    kind, table = base
    changed = {key: value for key, value in {**table, **changes}.items() if key not in removed}
    quick = _quick(kind, changed)
    if quick is not None:
        careful, problems = _careful(kind, changed)
        assert problems == 0
        assert quick == careful
