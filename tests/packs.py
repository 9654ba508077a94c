"""Made-up fact packs for tests, built from only what differs: the facts and any extra tables."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import partial


def _value(value: object) -> str:
    """A string, a number or an array of them, as TOML."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list | tuple):
        return "[" + ", ".join(map(_value, value)) + "]"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value)
    raise TypeError(f"no TOML value for {value!r}")


def _table(name: str, fields: Mapping[str, object]) -> str:
    """An array-of-tables entry [[name]] with these fields, in their order."""
    return f"[[{name}]]\n" + "".join(f"{key} = {_value(value)}\n" for key, value in fields.items())


def source(id: str, title: str, publisher: str, kind: str, **fields: object) -> str:
    """A source table."""
    head = {"id": id, "title": title, "publisher": publisher, "kind": kind}
    return _table("source", head | fields)


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
    return _table("entity", {"id": id, "name": name, "kind": kind} | fields)


def synonyms(words: Iterable[str], why: str) -> str:
    """A synonyms table: words a pack's thesaurus takes as one."""
    return _table("synonyms", {"words": list(words), "why": why})


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
            _table(kind, {"id": id, "claim": claim} | fields),
            _table(f"{kind}.cite", {"source": source, "passage": passage}),
            *(_table(f"{kind}.note", note) for note in notes),
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
    shared entity's id or an entity table), then the tables (facts, synonyms), in order. Each
    table starts a line after an empty one, as answers_from_pack cuts a fact out (`without`)."""
    entity_tables = [item if item.startswith("[[entity]]") else entity(item) for item in entities]
    return "\n" + "\n".join([*sources, *entity_tables, *tables])
