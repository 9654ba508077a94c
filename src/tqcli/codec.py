"""Model objects to JSON bytes and back, exactly, for storing them in the index.

msgspec does both in C from the model's own type annotations (fact kinds are a tagged union),
measured about 4× faster to encode and 5× to decode than json plus hand-written conversion
(10k synthetic facts: 29 → 6 µs and 79 → 12 µs a fact). Decoding is strict:
data that does not have the shape of the type raises ValueError (a corrupt or foreign cache),
never returns a half-built object.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any

import msgspec

from tqcli.model import Entity, Fact, PartialDate, Source


def iso_date(value: PartialDate | None) -> str | None:
    """A date in ISO 8601 at the precision known, or None."""
    return value.isoformat() if value else None


def to_data(value: Any) -> Any:
    """msgspec's enc_hook for the model: paths as text."""
    if isinstance(value, PurePath):
        return str(value)
    raise NotImplementedError(f"cannot store a {type(value).__name__}")


def from_data(kind: type, value: Any) -> Any:
    """msgspec's dec_hook for the model: text as paths."""
    if kind is Path and isinstance(value, str):
        return _path(value)
    raise TypeError(f"expected a path, got {type(value).__name__}")  # msgspec: ValueError


@functools.lru_cache(maxsize=256)
def _path(text: str) -> Path:
    """A path, made once per file: the facts of a listing come from a few files."""
    return Path(text)


_ENCODER = msgspec.json.Encoder(enc_hook=to_data)
_FACTS = msgspec.json.Decoder(Fact, dec_hook=from_data)
_SOURCES = msgspec.json.Decoder(Source, dec_hook=from_data)
_ENTITIES = msgspec.json.Decoder(Entity, dec_hook=from_data)

encode = _ENCODER.encode
"""A fact, source or entity as JSON bytes."""


def encode_each(records: Sequence[Fact]) -> list[bytes]:
    """encode() of each record, made in one call (JSON never holds a raw line break: the
    lines of msgspec's JSON Lines are the records)."""
    return _ENCODER.encode_lines(records).split(b"\n")[:-1]


def decode_fact(data: bytes) -> Fact:
    """The fact encoded in data; ValueError if data is not one."""
    return _FACTS.decode(data)


def decode_source(data: bytes) -> Source:
    """The source encoded in data; ValueError if data is not one."""
    return _SOURCES.decode(data)


def decode_entity(data: bytes) -> Entity:
    """The entity encoded in data; ValueError if data is not one."""
    return _ENTITIES.decode(data)
