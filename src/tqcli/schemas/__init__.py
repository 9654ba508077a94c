"""The JSON Schemas (draft 2020-12) of tq's JSON output and of pack files, and --fields."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

from tqcli.errors import BadRequest

_HERE = Path(__file__).parent


class SchemaName(str, Enum):
    """Each published schema: the output of some commands, or a pack file."""

    FACTS = "facts"
    """search, show and list."""
    SOURCES = "sources"
    STATS = "stats"
    PATHS = "paths"
    VALIDATE = "validate"
    IMPORT = "import"
    """import un-sc, import ofac-sdn, import ftm."""
    MATCH = "match"
    WHO = "who"
    ENTITIES = "entities"
    TAGS = "tags"
    ANSWERS = "answers"
    """ask: facts, each with how it answers the question."""
    CACHE = "cache"
    """cache and cache clear."""
    PACK = "pack"
    """A pack's TOML file."""


def schema_text(name: SchemaName) -> str:
    """The schema, as kept in the package (JSON text)."""
    return (_HERE / f"{name.value}.schema.json").read_text(encoding="utf-8")


def schema_title(name: SchemaName) -> str:
    """What the schema describes, in a line."""
    title: str = json.loads(schema_text(name))["title"]
    return title


def field_names(name: SchemaName) -> list[str]:
    """The keys of each object the output holds (of its items, for an array), in order."""
    schema = json.loads(schema_text(name))
    shape = schema["items"] if schema.get("type") == "array" else schema
    if "$ref" in shape:
        shape = schema["$defs"][shape["$ref"].rsplit("/", 1)[1]]
    return list(shape["properties"])


def chosen_fields(text: str, name: SchemaName) -> tuple[str, ...]:
    """The fields a --fields value names, in its order; BadRequest naming the ones there are."""
    wanted = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    known = field_names(name)
    unknown = [field for field in wanted if field not in known]
    if unknown or not wanted:
        what = f"unknown field(s) {', '.join(map(repr, unknown))}" if unknown else "no field"
        raise BadRequest(f"--fields: {what}; available: {','.join(known)}")
    return wanted
