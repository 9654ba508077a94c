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
    SEARCH_BATCH = "search-batch"
    """A line of search --batch: the query and its facts (items of facts)."""
    ASK_BATCH = "ask-batch"
    """A line of ask --batch: the question and its answers (items of answers)."""


# A batch line wraps the items of the one-query schema: made from it, so the two cannot drift.
_BATCH_OF = {
    SchemaName.SEARCH_BATCH: (SchemaName.FACTS, "tq search --batch: one line per query read"),
    SchemaName.ASK_BATCH: (SchemaName.ANSWERS, "tq ask --batch: one line per question read"),
}


def schema_text(name: SchemaName) -> str:
    """The schema, as kept in the package (JSON text), or made from the one it wraps."""
    if name in _BATCH_OF:
        return _batch_schema(name)
    return (_HERE / f"{name.value}.schema.json").read_text(encoding="utf-8")


def _batch_schema(name: SchemaName) -> str:
    one_query, title = _BATCH_OF[name]
    wrapped = json.loads(schema_text(one_query))
    schema = {
        "$schema": wrapped["$schema"],
        "$id": f"tq:schema/{name.value}",
        "title": title,
        "type": "object",
        "properties": {
            "query": {"type": "string", "description": "The line read, as read."},
            "results": {
                "type": "array",
                "items": wrapped["items"],
                "description": f"What the line gets alone: items of the {one_query.value} schema.",
            },
            "suggestions": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Topics to try, when nothing was found.",
            },
            "error": {
                "type": "string",
                "description": "Why the line could not run (results is then empty).",
            },
        },
        "required": ["query", "results"],
        "additionalProperties": False,
        "$defs": wrapped["$defs"],
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


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
