"""The index codec: every model object survives a round trip exactly, and malformed stored data
is refused with ValueError, never half-decoded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcli import codec
from tqcli.loader import load
from tqcli.model import Catalog, Fact, Figure, Pack
from tqcli.packs import BUILTIN_NAME, builtin_pack_dir

from conftest import MINI_PACK


def _catalogs() -> list[Catalog]:
    return [
        load([Pack("mini", MINI_PACK, "--facts")]).catalog,
        load([Pack(BUILTIN_NAME, builtin_pack_dir(), BUILTIN_NAME)]).catalog,
    ]


@pytest.mark.parametrize("catalog", _catalogs(), ids=["mini", "builtin"])
def test_every_object_round_trips(catalog: Catalog) -> None:
    for fact in catalog.facts:
        assert codec.decode_fact(codec.encode(fact)) == fact
    for source in catalog.sources.values():
        assert codec.decode_source(codec.encode(source)) == source
    for entity in catalog.entities.values():
        assert codec.decode_entity(codec.encode(entity)) == entity


@pytest.mark.parametrize("catalog", _catalogs(), ids=["mini", "builtin"])
def test_facts_encoded_together_are_each_encoded_alone(catalog: Catalog) -> None:
    """encode_each (an index build's) gives every fact the bytes encode gives it alone, also
    for text with line and paragraph separators, which JSON may hold unescaped."""
    from msgspec import structs

    facts = [*catalog.facts, structs.replace(catalog.facts[0], claim="a\u2028b\nc\u2029d\r")]
    assert codec.encode_each(facts) == [codec.encode(fact) for fact in facts]
    assert codec.encode_each([]) == []


def test_numbers_keep_their_type() -> None:
    """1200 stays an int (JSON output writes 1200, not 1200.0); 2.5 stays a float."""
    fact = next(f for f in _catalogs()[0].facts if isinstance(f.details, Figure))
    for value in (1200, 2.5):
        changed = json.loads(codec.encode(fact))
        changed["details"]["value"] = value
        details = codec.decode_fact(json.dumps(changed).encode()).details
        assert isinstance(details, Figure)
        assert type(details.value) is type(value)


def _a_fact() -> dict[str, object]:
    fact = load([Pack("mini", MINI_PACK, "--facts")]).catalog.facts[0]
    data: dict[str, object] = json.loads(codec.encode(fact))
    return data


@pytest.mark.parametrize(
    "damage",
    [
        {"id": 7},
        {"tags": "not a list"},
        {"date": "2019-13"},
        {"details": {"type": "rumour"}},
        {"details": {"type": "figure", "value": "many"}},
        {"where": {"path": 1, "line": None, "column": None}},
    ],
    ids=str,
)
def test_malformed_data_is_refused(damage: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"Expected|Invalid|expected a path"):
        codec.decode_fact(json.dumps({**_a_fact(), **damage}).encode())


def test_a_missing_field_and_bytes_that_are_not_json_are_refused() -> None:
    data = _a_fact()
    del data["claim"]

    with pytest.raises(ValueError, match="missing required field `claim`"):
        codec.decode_fact(json.dumps(data).encode())
    with pytest.raises(ValueError, match="JSON"):
        codec.decode_fact(b"\x00not json")


def test_paths_come_back_as_paths() -> None:
    fact: Fact = codec.decode_fact(json.dumps(_a_fact()).encode())

    assert isinstance(fact.where.path, Path)
