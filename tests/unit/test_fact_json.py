"""Compact JSON of facts made piece by piece (entities encoded once) is byte for byte what
json.dumps makes of the same data, escaped as JSON output escapes it."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcli.loader import load
from tqcli.model import Catalog, Figure, Hit, Pack
from tqcli.packs import BUILTIN_NAME, builtin_pack_dir
from tqcli.render.data import FactData
from tqcli.render.fact_json import FactJson, escape_c1

from conftest import HOSTILE_PACK, MINI_PACK, REPO

_RAW = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _expected(catalog: Catalog, hit: Hit, ascii_only: bool) -> str:
    """What JSON output wrote before: json.dumps of the fact's data, then every character a
    terminal obeys escaped, by a regular expression over the whole text."""
    text = json.dumps(FactData(catalog)(hit), ensure_ascii=ascii_only)
    return _RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


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
def test_every_fact_is_encoded_as_json_dumps_does(
    catalogs: dict[str, Catalog], name: str, ascii_only: bool
) -> None:
    catalog = catalogs[name]
    assert catalog.facts
    encode = FactJson(catalog, ascii_only=ascii_only)
    for score in (None, 1.5):
        for fact in catalog.facts:  # twice each: the second time entities come from memory
            for _ in range(2):
                assert encode(Hit(fact, score)) == _expected(catalog, Hit(fact, score), ascii_only)


_TEXT = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["\x7f", "\x85 x", "\u202e", "a\u2028b", '"\\', "\ud7ff", "é"]
)
_NUMBER = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e16, 1e-7, 0.1, -0.0, 2.5]),
)


@settings(max_examples=200, deadline=None)
@given(claim=_TEXT, passage=_TEXT, tag=_TEXT, value=_NUMBER, ascii_only=st.booleans())
def test_any_text_and_number_is_encoded_as_json_dumps_does(
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
    assert FactJson(catalog, ascii_only=ascii_only)(hit) == _expected(catalog, hit, ascii_only)


def test_escaping_skips_only_text_with_nothing_to_escape() -> None:
    for text in ("plain", "caf\u00e9", "del\x7f", "\x9f", "\u2066x", "x\u2029"):
        assert escape_c1(text) == _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
