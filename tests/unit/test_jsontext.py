"""Compact JSON (one encoder, msgspec's spelling) holds exactly the data json.dumps wrote before,
with what a terminal would obey escaped; facts' shared entities change nothing in it."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcli.loader import load
from tqcli.model import Catalog, Figure, Hit, Pack
from tqcli.packs import BUILTIN_NAME, builtin_pack_dir
from tqcli.render import jsontext
from tqcli.render.data import FactData

from conftest import HOSTILE_PACK, MINI_PACK, REPO

_OBEYED = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""What a terminal obeys that JSON need not escape: never raw in tq's JSON."""


def _check(text: bytes, expected: Any, ascii_only: bool) -> None:
    """text is the JSON of expected, written as tq writes JSON."""
    decoded = text.decode("ascii" if ascii_only else "utf-8")
    assert not _OBEYED.search(decoded)
    assert "\n" not in decoded
    assert json.loads(decoded) == expected


def _synthetic(directory: Path) -> Path:
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "bench" / "synthetic.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(1500, directory, 3)
    return directory


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Catalog]:
    synthetic = _synthetic(tmp_path_factory.mktemp("synthetic"))
    packs = {
        "mini": Pack("mini", MINI_PACK, "--facts"),
        "hostile": Pack("hostile", HOSTILE_PACK, "--facts"),
        "builtin": Pack(BUILTIN_NAME, builtin_pack_dir(), BUILTIN_NAME),
        "synthetic": Pack("synthetic", synthetic, "--facts"),
    }
    return {name: load([pack]).catalog for name, pack in packs.items()}


@pytest.mark.parametrize("ascii_only", [False, True])
@pytest.mark.parametrize("name", ["mini", "hostile", "builtin", "synthetic"])
def test_every_fact_is_the_data_json_dumps_wrote(
    catalogs: dict[str, Catalog], name: str, ascii_only: bool
) -> None:
    catalog = catalogs[name]
    assert catalog.facts
    plain = FactData(catalog)
    shared = FactData(catalog, jsontext.shared)
    for score in (None, 1.5, 1e-7):
        for fact in catalog.facts:  # twice each: the second time entities come from memory
            hit = Hit(fact, score)
            expected = json.loads(json.dumps(plain(hit)))
            for _ in range(2):
                _check(jsontext.compact(shared(hit), ascii_only=ascii_only), expected, ascii_only)


def test_the_hostile_pack_needs_its_escapes(catalogs: dict[str, Catalog]) -> None:
    """The pack above holds what a terminal obeys, so the escaping is tested, not assumed."""
    catalog = catalogs["hostile"]
    data = [FactData(catalog)(Hit(fact, None)) for fact in catalog.facts]
    text = json.dumps(data, ensure_ascii=False)
    assert _OBEYED.search(text)
    assert not text.isascii()


_TEXT = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["\x7f", "\x85 x", "\u202e", "a\u2028b", '"\\', "\ud7ff", "é", "\U0001f600", "\x00\x1f"]
)
_NUMBER = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e16, 1e-7, 0.1, -0.0, 2.5]),
)
_VALUE = st.recursive(
    st.none() | st.booleans() | _NUMBER | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(value=_VALUE, ascii_only=st.booleans())
def test_any_value_is_its_data_escaped(value: Any, ascii_only: bool) -> None:
    _check(jsontext.compact(value, ascii_only=ascii_only), value, ascii_only)
    pieces = {"piece": jsontext.shared(value), "list": [jsontext.shared(value)]}
    _check(
        jsontext.compact(pieces, ascii_only=ascii_only),
        {"piece": value, "list": [value]},
        ascii_only,
    )
    text = jsontext.pretty(value, ascii_only=ascii_only)
    assert not _OBEYED.search(text)
    assert json.loads(text) == value


@settings(max_examples=200, deadline=None)
@given(claim=_TEXT, passage=_TEXT, tag=_TEXT, value=_NUMBER, ascii_only=st.booleans())
def test_any_text_and_number_in_a_fact_is_its_data(
    claim: str, passage: str, tag: str, value: float, ascii_only: bool
) -> None:
    catalog = load([Pack("mini", MINI_PACK, "--facts")]).catalog
    fact = next(f for f in catalog.facts if isinstance(f.details, Figure))
    citation = msgspec.structs.replace(fact.citations[0], passage=passage)
    changed = msgspec.structs.replace(
        fact,
        claim=claim,
        tags=(tag,),
        citations=(citation,),
        details=msgspec.structs.replace(fact.details, value=value),
    )
    hit = Hit(changed, None)
    expected = json.loads(json.dumps(FactData(catalog)(hit)))
    compact = jsontext.compact(FactData(catalog, jsontext.shared)(hit), ascii_only=ascii_only)
    _check(compact, expected, ascii_only)


def test_compact_json_has_one_spelling() -> None:
    value = {"a": [1, 2.5, 1e-7, None, True], "b": {"c": "d"}}
    assert jsontext.compact(value) == b'{"a":[1,2.5,1e-7,null,true],"b":{"c":"d"}}'
    inside = jsontext.compact({"x": jsontext.shared(value)})
    assert inside == b'{"x":' + jsontext.compact(value) + b"}"


def test_escapes_are_json_escapes() -> None:
    assert jsontext.compact("a\x7f\x85\u202e\u2028é\U0001f600") == (
        '"a\\u007f\\u0085\\u202e\\u2028é\U0001f600"'.encode()
    )
    assert jsontext.compact("é\U0001f600\x7f", ascii_only=True) == b'"\\u00e9\\ud83d\\ude00\\u007f"'
    assert jsontext.pretty(["\x85"]) == '[\n  "\\u0085"\n]'


def test_an_undecodable_file_name_is_written_as_its_bytes() -> None:
    """A path or pack name from a directory whose name is not UTF-8 holds a lone surrogate
    (Python's surrogateescape): written back as the bytes it stands for, as json wrote it."""
    value = {"path": "/tmp/x\udcff", "entity": jsontext.shared({"name": "é"})}
    assert jsontext.compact(value) == b'{"path":"/tmp/x\xff","entity":{"name":"\xc3\xa9"}}'
    assert jsontext.compact(value, ascii_only=True) == (
        b'{"path":"/tmp/x\\udcff","entity":{"name":"\\u00e9"}}'
    )
    assert jsontext.shared("x\udcff") == "x\udcff"  # left to compact, which copes


@settings(max_examples=500, deadline=None)
@given(text=st.lists(_TEXT | st.sampled_from(["\u201c", "\u2014", "\u00a0", "\u2069", "\u2066"])))
def test_the_quick_look_for_raw_characters_agrees_with_the_pattern(text: list[str]) -> None:
    data = "".join(text).encode("utf-8", "surrogatepass")
    assert jsontext._holds_raw(data) == (jsontext._RAW_UTF8.search(data) is not None)
