"""Made-up packs for tests, written from only what differs: each fact in one call, the gazette
and the harbour's people, bodies and places by id."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import partial

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _value(value: object) -> str:
    """A value as TOML: a string, a number, a boolean, an array or an inline table."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML value for {value!r}")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def table(name: str, fields: Mapping[str, object]) -> str:
    """An array-of-tables entry [[name]] with these fields, in their order."""
    return f"[[{name}]]\n" + "".join(f"{_key(k)} = {_value(v)}\n" for k, v in fields.items())


def source(id: str, title: str, publisher: str, kind: str, **fields: object) -> str:
    """A source table."""
    fields = {"id": id, "title": title, "publisher": publisher, "kind": kind, **fields}
    return table("source", fields)


GAZETTE = source("s", "t", "The Gazette", "news")
"""The source the made-up facts cite unless they say otherwise (as "s")."""


def harbour_news(id: str = "gazette", **fields: object) -> str:
    """The gazette's Harbour news, as packs that cite it by name (and address) have it."""
    return source(id, "Harbour news", "The Gazette", "news", **fields)


SHARED_ENTITIES = {
    "harbour-board": ("Harbour Board", "organization"),
    "canal-network": ("Canal Network", "organization"),
    "dock-guild": ("Dock Guild", "organization"),
    "port-lune": ("Port Lune", "place"),
    "eve-fane": ("Eve Fane", "person"),
    "tom-reed": ("Tom Reed", "person"),
    "ada-brook": ("Ada Brook", "person"),
    "ada-rook": ("Ada Rook", "person"),
    "ann-vale": ("Ann Vale", "person"),
    "bo-carrow": ("Bo Carrow", "person"),
    "cy-marsh": ("Cy Marsh", "person"),
}
"""The made-up entities several test files share: their names and kinds, by id."""


def entity(id: str, name: str = "", kind: str = "", **fields: object) -> str:
    """An entity table; a shared entity's name and kind are its own unless given."""
    if not (name and kind):
        name, kind = name or SHARED_ENTITIES[id][0], kind or SHARED_ENTITIES[id][1]
    return table("entity", {"id": id, "name": name, "kind": kind} | fields)


def synonyms(words: Iterable[str], why: str) -> str:
    """A synonyms table: words a pack's thesaurus takes as one."""
    return table("synonyms", {"words": list(words), "why": why})


def fact(
    kind: str,
    id: str,
    claim: str,
    *,
    passage: str,
    source: str = "s",
    notes: Iterable[Mapping[str, object]] = (),
    **fields: object,
) -> str:
    """A fact of this kind citing passage of source, with its curators' notes, if any."""
    return "\n".join(
        [
            table(kind, {"id": id, "claim": claim} | fields),
            table(f"{kind}.cite", {"source": source, "passage": passage}),
            *(table(f"{kind}.note", note) for note in notes),
        ]
    )


event = partial(fact, "event")
figure = partial(fact, "figure")
quote = partial(fact, "quote")
agreement = partial(fact, "agreement")
sanction = partial(fact, "sanction")


def pack_text(
    *tables: str, entities: Iterable[str] = (), sources: Iterable[str] = (GAZETTE,)
) -> str:
    """The text of a fact file: its sources (the gazette unless given), its entities (each a
    shared entity's id or an entity table), then the tables (facts, synonyms), in order."""
    entity_tables = [item if item.startswith("[[entity]]") else entity(item) for item in entities]
    return "\n" + "\n".join([*sources, *entity_tables, *tables])
