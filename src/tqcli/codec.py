"""Model objects to JSON-able data and back, exactly, for storing them in the index.

Decoding is strict: data that does not have the shape encoding gives raises ValueError (a
corrupt or foreign cache), never returns a half-built object.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from tqcli.compat import assert_never
from tqcli.model import (
    Agreement,
    Alias,
    Citation,
    Details,
    Entity,
    EntityKind,
    Event,
    Fact,
    Figure,
    Location,
    Note,
    PartialDate,
    Quote,
    Sanction,
    Source,
    SourceKind,
)

Data = dict[str, Any]


def iso_date(value: PartialDate | None) -> str | None:
    """A date in ISO 8601 at the precision known, or None."""
    return value.isoformat() if value else None


def _undate(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.parse(_str(value))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {type(value).__name__}")
    return value


def _opt(value: Any) -> str | None:
    return None if value is None else _str(value)


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return tuple(_str(item) for item in value)


def _number(value: Any) -> int | float | None:
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    raise ValueError("expected a number")


def encode_location(where: Location) -> Data:
    return {"path": str(where.path), "line": where.line, "column": where.column}


def decode_location(data: Any) -> Location:
    line, column = data["line"], data["column"]
    if not (line is None or isinstance(line, int)) or not (
        column is None or isinstance(column, int)
    ):
        raise ValueError("bad location")
    return Location(_path(_str(data["path"])), line, column)


@functools.lru_cache(maxsize=256)
def _path(text: str) -> Path:
    """A path, made once per file: the facts of a listing come from a few files."""
    return Path(text)


def encode_source(source: Source) -> Data:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "kind": source.kind.value,
        "author": source.author,
        "published": iso_date(source.published),
        "url": source.url,
        "accessed": iso_date(source.accessed),
        "archive": str(source.archive) if source.archive else None,
        "notes": list(source.notes),
        "pack": source.pack,
        "where": encode_location(source.where),
    }


def decode_source(data: Data) -> Source:
    archive = _opt(data["archive"])
    return Source(
        id=_str(data["id"]),
        title=_str(data["title"]),
        publisher=_str(data["publisher"]),
        kind=SourceKind(data["kind"]),
        author=_opt(data["author"]),
        published=_undate(data["published"]),
        url=_opt(data["url"]),
        accessed=_undate(data["accessed"]),
        archive=Path(archive) if archive else None,
        notes=_strs(data["notes"]),
        pack=_str(data["pack"]),
        where=decode_location(data["where"]),
    )


def encode_entity(entity: Entity) -> Data:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind.value,
        "aliases": [[alias.name, alias.quality, alias.note] for alias in entity.aliases],
        "description": entity.description,
        "attributes": {name: list(values) for name, values in entity.attributes.items()},
        "same_as": list(entity.same_as),
        "pack": entity.pack,
        "where": encode_location(entity.where),
    }


def decode_entity(data: Data) -> Entity:
    attributes = data["attributes"]
    if not isinstance(attributes, dict):
        raise ValueError("bad attributes")
    return Entity(
        id=_str(data["id"]),
        name=_str(data["name"]),
        kind=EntityKind(data["kind"]),
        aliases=tuple(Alias(_str(n), _opt(q), _opt(o)) for n, q, o in data["aliases"]),
        description=_opt(data["description"]),
        attributes={_str(name): _strs(values) for name, values in attributes.items()},
        same_as=_strs(data["same_as"]),
        pack=_str(data["pack"]),
        where=decode_location(data["where"]),
    )


def _encode_citation(citation: Citation) -> list[str | None]:
    return [citation.source, citation.passage, citation.locator]


def _decode_citation(data: Any) -> Citation:
    source, passage, locator = data
    return Citation(_str(source), _str(passage), _opt(locator))


def _encode_details(details: Details) -> Data:
    if isinstance(details, Figure):
        return {
            "figure": [details.value, details.min, details.max, details.unit, details.qualifier]
        }
    if isinstance(details, Quote):
        return {
            "quote": [
                details.text,
                details.speaker,
                details.speaker_role,
                details.medium,
                iso_date(details.said),
            ]
        }
    if isinstance(details, Sanction):
        return {
            "sanction": [
                details.authority,
                details.instrument,
                iso_date(details.adopted),
                list(details.measures),
                list(details.targets),
                details.committee,
                details.list_name,
                details.reference,
                [day.isoformat() for day in details.updated],
                details.remarks,
            ]
        }
    if isinstance(details, Agreement):
        return {
            "agreement": [
                details.name,
                list(details.parties),
                iso_date(details.signed),
                details.place,
                list(details.commitments),
            ]
        }
    if isinstance(details, Event):
        return {"event": [details.place, iso_date(details.end)]}
    assert_never(details)


def _decode_details(data: Data) -> Details:
    ((kind, values),) = data.items()
    if kind == "figure":
        value, low, high, unit, qualifier = values
        return Figure(_number(value), _number(low), _number(high), _str(unit), _opt(qualifier))
    if kind == "quote":
        text, speaker, role, medium, said = values
        return Quote(_str(text), _str(speaker), _opt(role), _opt(medium), _undate(said))
    if kind == "sanction":
        (
            authority,
            instrument,
            adopted,
            measures,
            targets,
            committee,
            name,
            ref,
            updated,
            remarks,
        ) = values
        return Sanction(
            _str(authority),
            _str(instrument),
            _undate(adopted),
            _strs(measures),
            _strs(targets),
            _opt(committee),
            _opt(name),
            _opt(ref),
            tuple(PartialDate.parse(day) for day in _strs(updated)),
            _opt(remarks),
        )
    if kind == "agreement":
        name, parties, signed, place, commitments = values
        return Agreement(
            _str(name), _strs(parties), _undate(signed), _opt(place), _strs(commitments)
        )
    if kind == "event":
        place, end = values
        return Event(_opt(place), _undate(end))
    raise ValueError(f"unknown kind {kind!r}")


def encode_fact(fact: Fact) -> Data:
    return {
        "id": fact.id,
        "claim": fact.claim,
        "date": iso_date(fact.date),
        "about": list(fact.about),
        "tags": list(fact.tags),
        "cite": [_encode_citation(citation) for citation in fact.citations],
        "notes": [
            [note.text, _encode_citation(note.citation) if note.citation else None]
            for note in fact.notes
        ],
        "asserted_by": fact.asserted_by,
        "hedge": fact.hedge,
        "details": _encode_details(fact.details),
        "pack": fact.pack,
        "where": encode_location(fact.where),
    }


def decode_fact(data: Data) -> Fact:
    return Fact(
        id=_str(data["id"]),
        claim=_str(data["claim"]),
        date=_undate(data["date"]),
        about=_strs(data["about"]),
        tags=_strs(data["tags"]),
        citations=tuple(_decode_citation(citation) for citation in data["cite"]),
        notes=tuple(
            Note(_str(text), _decode_citation(citation) if citation else None)
            for text, citation in data["notes"]
        ),
        asserted_by=_opt(data["asserted_by"]),
        hedge=_opt(data["hedge"]),
        details=_decode_details(data["details"]),
        pack=_str(data["pack"]),
        where=decode_location(data["where"]),
    )
