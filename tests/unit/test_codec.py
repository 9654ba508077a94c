"""The index codec: every model object survives a round trip exactly, and malformed stored data
is refused (ValueError and friends), never half-decoded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcli import codec
from tqcli.loader import load
from tqcli.model import Catalog, Pack
from tqcli.packs import BUILTIN_NAME, builtin_pack_dir

from conftest import MINI_PACK


def _catalogs() -> list[Catalog]:
    return [
        load([Pack("mini", MINI_PACK, "--facts")]).catalog,
        load([Pack(BUILTIN_NAME, builtin_pack_dir(), BUILTIN_NAME)]).catalog,
    ]


@pytest.mark.parametrize("catalog", _catalogs(), ids=["mini", "builtin"])
def test_every_object_round_trips_through_json(catalog: Catalog) -> None:
    for fact in catalog.facts:
        assert codec.decode_fact(json.loads(json.dumps(codec.encode_fact(fact)))) == fact
    for source in catalog.sources.values():
        assert codec.decode_source(json.loads(json.dumps(codec.encode_source(source)))) == source
    for entity in catalog.entities.values():
        assert codec.decode_entity(json.loads(json.dumps(codec.encode_entity(entity)))) == entity


def _a_fact() -> dict[str, object]:
    fact = load([Pack("mini", MINI_PACK, "--facts")]).catalog.facts[0]
    data: dict[str, object] = json.loads(json.dumps(codec.encode_fact(fact)))
    return data


@pytest.mark.parametrize(
    "damage",
    [
        {"id": 7},
        {"tags": "not a list"},
        {"date": "2019-13"},
        {"details": {"rumour": []}},
        {"details": {"figure": ["many", None, None, "x", None]}},
        {"where": {"path": 1, "line": None, "column": None}},
    ],
    ids=str,
)
def test_malformed_data_is_refused(damage: dict[str, object]) -> None:
    with pytest.raises((ValueError, KeyError, TypeError)):
        codec.decode_fact({**_a_fact(), **damage})


def test_a_missing_field_is_refused() -> None:
    data = _a_fact()
    del data["claim"]

    with pytest.raises(KeyError):
        codec.decode_fact(data)


def test_paths_come_back_as_paths() -> None:
    fact = codec.decode_fact(_a_fact())

    assert isinstance(fact.where.path, Path)
