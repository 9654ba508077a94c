"""Importing OpenSanctions data in FollowTheMoney form (an export or a delta) as a fact pack.

A small documented mapping of the schemata OpenSanctions uses, not the followthemoney library:
see `_KINDS`, `_ATTRIBUTES` and docs (README, "Real sanctions data") for what is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqcli.errors import BadRequest, InvalidInput
from tqcli.importers.shared import (
    Input,
    archived,
    as_of,
    changes,
    check_out,
    check_published,
    import_day_note,
    input_error,
    locked_out,
    named_in_notes,
    previous_metadata,
    read_input,
    removals_note,
    replacement_note,
    slug,
    source_url,
    toml_tables,
    where_read,
    write_pack,
)
from tqcli.importers.un_sc import entity_id as un_entity_id
from tqcli.model import ImportReport, PartialDate, SkippedRecord
from tqcli.userfiles import UnreadableFile

IMPORTER = "ftm"
SOURCE_ID = "opensanctions"
"""The source id of an import into a folder named so (the suggested --out); into another
folder, the id is this and the folder's name (source_id)."""
ARCHIVE = "archive/entities.ftm.json"
GENERATED = frozenset({"sources.toml", "entities.toml", "sanctions.toml", ARCHIVE})
"""Every file an import writes into the pack (and .tq-import.json)."""
MAX_BYTES = 1 << 30
"""The largest file read whole: OpenSanctions' per-dataset exports and deltas are far smaller."""
LICENCE = "CC BY-NC 4.0 (non-commercial use; attribution: OpenSanctions)"

_KINDS = {
    "Person": "person",
    "Organization": "organization",
    "Company": "organization",
    "LegalEntity": "organization",
    "PublicBody": "organization",
    "Vessel": "other",
    "Airplane": "other",
}
"""The schemata that become entities, and their kind; Sanction becomes facts on its target.
Others (Address, Passport, Ownership, Directorship, Family, UnknownLink, …) are kept in the
archive, and an Address a kept entity names through addressEntity gives its `address`."""

_ALIASES = (("name", None), ("alias", "alias"), ("weakAlias", "weak alias"))
_ATTRIBUTES = {
    "birthDate": "born",
    "birthPlace": "place of birth",
    "nationality": "nationality",
    "citizenship": "citizenship",
    "country": "country",
    "gender": "gender",
    "title": "title",
    "position": "position",
    "previousName": "previous name",
    "incorporationDate": "incorporated",
    "registrationNumber": "registration number",
    "idNumber": "id number",
    "passportNumber": "passport",
    "taxNumber": "tax number",
    "address": "address",
    "website": "website",
    "topics": "topics",
}
"""FtM properties kept as entity attributes, and their names there."""

_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?")


@dataclass(frozen=True)
class Entity:
    """One FtM entity, with its line in the file (the passage facts about it cite)."""

    id: str
    schema: str
    caption: str
    properties: Mapping[str, tuple[str, ...]]
    datasets: tuple[str, ...]
    line: str
    last_seen: str | None = None
    """The day OpenSanctions last saw the record in its sources (YYYY-MM-DD), if the line says."""

    @property
    def key(self) -> str:
        return self.id

    @property
    def list_name(self) -> str:
        return self.schema

    def comparable(self) -> dict[str, Any]:
        """The caption, datasets and properties (not first_seen and such bookkeeping)."""
        return {"caption": self.caption, "datasets": self.datasets, **self.properties}

    def values(self, prop: str) -> tuple[str, ...]:
        """The property's values, white space squeezed, empty ones left out."""
        return tuple(filter(None, (" ".join(v.split()) for v in self.properties.get(prop, ()))))

    @property
    def name(self) -> str:
        return self.caption or self.id


@dataclass(frozen=True)
class Parsed:
    """What a file says: the entities it adds or replaces, the ids it deletes, what is unread."""

    is_delta: bool
    upserts: tuple[Entity, ...]
    deletions: tuple[str, ...]
    skipped: tuple[SkippedRecord, ...]


def parse(source: Input) -> Parsed:
    """Read an FtM export (an entity a line) or delta (`{"op": …, "entity": …}` a line)."""
    from tqcli.userfiles import UnreadableFile, decoded

    try:
        text = decoded(source.data, source.name)
    except UnreadableFile as error:
        raise input_error(error, source.name) from None
    upserts: list[Entity] = []
    deletions: list[str] = []
    skipped: list[SkippedRecord] = []
    is_delta: bool | None = None
    exported_on: dict[str, int] = {}  # an export's ids, by line: a delta may name one again
    # Lines end at LF (CRLF too): str.splitlines would also split at U+2028 and U+0085, which
    # JSON strings may hold raw.
    lines = (line.removesuffix("\r") for line in text.removesuffix("\n").split("\n"))
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:  # RecursionError: nested too deeply
            if is_delta is None:
                raise InvalidInput(
                    f"{source.name}:{number}: not FollowTheMoney JSON (one object a line)"
                ) from None
            reason = "nested too deeply" if isinstance(error, RecursionError) else "not JSON"
            skipped.append(SkippedRecord(where, reason))
            continue
        if not isinstance(record, dict):
            skipped.append(SkippedRecord(where, "not a JSON object"))
            continue
        delta_line = "op" in record  # per line: an import's archive holds both kinds
        if is_delta is None:
            is_delta = delta_line
        op = record.get("op") if delta_line else "ADD"
        body = record.get("entity") if delta_line else record
        if op not in ("ADD", "MOD", "DEL") or not isinstance(body, dict):
            skipped.append(SkippedRecord(where, f"not a delta line (op {op!r})"))
            continue
        entity_id = body.get("id")
        if not isinstance(entity_id, str) or not entity_id:
            skipped.append(SkippedRecord(where, "the entity has no id"))
            continue
        if op == "DEL":
            deletions.append(entity_id)
            continue
        first_on = number if delta_line else exported_on.setdefault(entity_id, number)
        if first_on != number:
            skipped.append(
                SkippedRecord(where, f"the id {entity_id!r} is line {first_on}'s already")
            )
            continue
        try:
            upserts.append(_entity(entity_id, body, line))
        except _Unreadable as error:
            skipped.append(SkippedRecord(entity_id, str(error)))
    if is_delta is None:
        raise InvalidInput(f"{source.name}: the file holds no entities")
    if not upserts and not deletions:  # never replace an import with nothing
        first = skipped[0]
        raise InvalidInput(
            f"{source.name}: none of its {len(skipped)} line(s) could be read "
            f"(the first, {first.reference}: {first.reason})"
        )
    return Parsed(is_delta, tuple(upserts), tuple(deletions), tuple(skipped))


class _Unreadable(Exception):
    pass


def _entity(entity_id: str, body: Mapping[str, Any], line: str) -> Entity:
    schema = body.get("schema")
    if not isinstance(schema, str) or not schema:
        raise _Unreadable("the entity has no schema")
    if not slug(entity_id):
        raise _Unreadable("its id has no letter or digit to make a tq id of")
    properties = body.get("properties", {})
    if not isinstance(properties, dict) or not all(
        isinstance(values, list) and all(isinstance(v, str) for v in values)
        for values in properties.values()
    ):
        raise _Unreadable("its properties are not lists of strings")
    datasets = body.get("datasets", [])
    if not isinstance(datasets, list) or not all(isinstance(d, str) for d in datasets):
        raise _Unreadable("its datasets are not a list of names")
    caption = body.get("caption")
    names = properties.get("name", [])
    name = caption if isinstance(caption, str) and caption.strip() else (names or [""])[0]
    return Entity(
        id=entity_id,
        schema=schema,
        caption=" ".join(name.split()),
        properties={key: tuple(values) for key, values in sorted(properties.items())},
        datasets=tuple(sorted({" ".join(d.split()) for d in datasets} - {""})),
        line=line,
        last_seen=_day(body.get("last_seen")),
    )


def _day(value: object) -> str | None:
    """The day of an FtM timestamp ("2024-05-01T00:00:00" -> "2024-05-01"), if it is one."""
    match = re.match(r"\d{4}-\d{2}-\d{2}", value) if isinstance(value, str) else None
    return match.group(0) if match else None


# --- Writing the pack ---------------------------------------------------------------------------


def entity_id(ftm_id: str) -> str:
    """The id of an FtM entity's entity: Q317219 -> os-q317219."""
    return "os-" + slug(ftm_id)


def source_id(out: Path) -> str:
    """The source id of an import into out: "opensanctions-" and the folder's name, unless that
    name begins with "opensanctions" (the suggested --out) and is the id itself. Two imports,
    of two datasets into two folders (`--out zala`, `--out delta`), may then be loaded together;
    they shared one id, and the second pack's passages were checked against the first's
    archive (stranger 16, finding 7). Each import into one folder, and each delta applied
    there, keeps the id."""
    name = slug(out.resolve().name)
    if not name or name.startswith(SOURCE_ID):
        return name or SOURCE_ID
    return f"{SOURCE_ID}-{name}"


def sanction_id(ftm_id: str) -> str:
    """The id of a Sanction entity's fact."""
    return "os-sanction-" + slug(ftm_id)


def _pack_files(
    state: Mapping[str, Entity],
    history: Sequence[Mapping[str, str]],
    published: PartialDate | None,
    origin: str,
    cited: str,
) -> tuple[dict[str, str], list[str]]:
    """The pack's TOML files, and notes on the Sanctions that could not become facts whole.
    published: when OpenSanctions published the files, as given (--published); origin: the
    last file applied, whose address the source takes when it was downloaded; cited: the
    source's id (source_id)."""
    seen = max((entity.last_seen for entity in state.values() if entity.last_seen), default=None)
    when = as_of(published, data=seen, says="the latest day the data says a record was seen")
    kept = {key: entity for key, entity in state.items() if entity.schema in _KINDS}
    sanctions = [entity for entity in state.values() if entity.schema == "Sanction"]
    same_as: dict[str, set[str]] = {}
    facts = []
    waiting: list[str] = []
    not_sanctionable: list[str] = []
    undated: list[str] = []
    for sanction in sanctions:
        targets = [target for target in sanction.values("entity") if target in kept]
        if not targets:
            held = [target for target in sanction.values("entity") if target in state]
            (not_sanctionable if held else waiting).append(sanction.id)
            continue
        if not _date(sanction, *_DATES) and any(map(sanction.values, _DATES)):
            undated.append(sanction.id)
        for target in targets:
            same_as.setdefault(target, set()).update(
                un_entity_id(reference) for reference in sanction.values("unscId")
            )
        facts.append(_fact_table(sanction, [kept[target] for target in targets], when, cited))
    datasets = sorted({name for entity in state.values() for name in entity.datasets})
    source: dict[str, Any] = {
        "id": cited,
        "title": "OpenSanctions data, FollowTheMoney entities",
        "publisher": "OpenSanctions",
        "kind": "dataset",
        "licence": LICENCE,
        "archive": ARCHIVE,
        "notes": [
            f"Licence: {LICENCE}.",
            "Datasets: " + ", ".join(datasets) + ".",
            "Files applied, in order: "
            + "; ".join(
                f"{named_in_notes(item['name'])} ({item['kind']}, sha256 {item['sha256']})"
                for item in history
            )
            + ".",
            "Passages are each entity's line in the files, verbatim; the archive holds the lines "
            "that make up this import, in id order.",
        ],
    }
    if published is not None:  # as given with --published: the entities say when they were seen
        source["published"] = published.isoformat()
        source["notes"].append(
            f"{published.isoformat()} is the date of publication given to tq import with "
            "--published."
        )
    # Read from one file (an export, or a first delta), the source names it, as the UN and OFAC
    # imports do; a pack made by several, a delta applied to an earlier import, is no one file's
    # (its notes list them, in order), and only its address, if downloaded, is the last one's.
    source.update(where_read(origin) if len(history) == 1 else source_url(origin))
    entities = [
        _entity_table(entity, state, same_as.get(key, set())) for key, entity in kept.items()
    ]
    header = "# Generated by `tq import ftm`: re-import rather than edit, edits are replaced.\n\n"
    notes = []
    if published is None and seen is None:
        notes.append(import_day_note(origin, "OpenSanctions"))
    if waiting:
        notes.append(
            f"{len(waiting)} Sanction(s) name a target this import does not hold (e.g. "
            f"{waiting[0]!r}); kept in the archive, they become facts when their target is "
            "imported"
        )
    if not_sanctionable:
        notes.append(
            f"{len(not_sanctionable)} Sanction(s) name as their target only records that are "
            f"not a person, organization, vessel or aircraft (e.g. {not_sanctionable[0]!r}, "
            f"which names {state[not_sanctionable[0]].values('entity')[0]!r}, a "
            f"{state[state[not_sanctionable[0]].values('entity')[0]].schema}); kept in the "
            "archive, not made facts"
        )
    if undated:
        notes.append(
            f"{len(undated)} Sanction(s) have a date tq cannot read (e.g. {undated[0]!r}); "
            "their facts are undated"
        )
    return {
        "sources.toml": header + toml_tables("source", [source]),
        "entities.toml": header + toml_tables("entity", entities),
        "sanctions.toml": header + toml_tables("sanction", facts),
    }, notes


def _entity_table(entity: Entity, state: Mapping[str, Entity], same_as: set[str]) -> dict[str, Any]:
    table: dict[str, Any] = {
        "id": entity_id(entity.id),
        "name": entity.name,
        "kind": _KINDS[entity.schema],
    }
    aliases: dict[str, str | None] = {}
    for prop, note in _ALIASES:
        for name in entity.values(prop):
            if name != table["name"]:
                aliases.setdefault(name, note)
    if aliases:
        table["aliases"] = [
            {"name": name, "note": note} if note else {"name": name}
            for name, note in aliases.items()
        ]
    attributes: dict[str, list[str]] = {}
    for prop, attribute in _ATTRIBUTES.items():
        if values := entity.values(prop):
            attributes.setdefault(attribute, []).extend(values)
    addresses = [
        full
        for ref in entity.values("addressEntity")
        if ref in state
        for full in state[ref].values("full")
    ]
    if addresses:
        attributes.setdefault("address", []).extend(addresses)
    attributes["OpenSanctions id"] = [entity.id]
    if entity.datasets:
        attributes["OpenSanctions datasets"] = list(entity.datasets)
    table["attributes"] = {name: list(dict.fromkeys(values)) for name, values in attributes.items()}
    if same_as:
        table["same_as"] = sorted(same_as)
    return table


def _fact_table(sanction: Entity, targets: list[Entity], as_of: str, cited: str) -> dict[str, Any]:
    authority = (
        "; ".join(sanction.values("authority")) or "an authority OpenSanctions does not name"
    )
    program = "; ".join(sanction.values("program")) or "; ".join(sanction.values("programId"))
    names = "; ".join(target.name for target in targets)
    claim = f"{names} is subject to a sanction by {authority}"
    if program:
        claim += f" under {program}"
    claim += ", according to OpenSanctions"
    claim += f" (datasets: {', '.join(sanction.datasets)})" if sanction.datasets else ""
    claim += f", {as_of}."
    table: dict[str, Any] = {
        "id": sanction_id(sanction.id),
        "claim": claim,
        "about": [entity_id(target.id) for target in targets],
        "tags": ["opensanctions", *filter(None, map(slug, sanction.datasets))],
        "authority": authority,
        "instrument": program or f"OpenSanctions record {sanction.id}",
        "targets": [entity_id(target.id) for target in targets],
    }
    adopted = _date(sanction, *_DATES)
    if adopted:
        table["date"] = adopted
        table["adopted"] = adopted
    if measures := list(sanction.values("provisions")):
        table["measures"] = measures
    if sanction.datasets:
        table["list"] = ", ".join(sanction.datasets)
    reference = sanction.values("unscId") or sanction.values("authorityId")
    if reference:
        table["reference"] = reference[0]
    if reasons := sanction.values("reason"):
        table["remarks"] = " ".join(reasons)
    table["cite"] = [
        {"source": cited, "passage": sanction.line, "locator": f"entity {sanction.id}"}
    ]
    return table


_DATES = ("listingDate", "startDate", "date")
"""A Sanction's properties that may date it, the first found first."""


def _date(entity: Entity, *props: str) -> str | None:
    for prop in props:
        for value in entity.values(prop):
            if match := _PARTIAL_DATE.match(value):
                return match.group(0)
    return None


# --- The import as a whole ----------------------------------------------------------------------


def import_ftm(
    file: str | Path,
    out: Path,
    *,
    published: PartialDate | None = None,
    dry_run: bool = False,
    allow_removals: bool = False,
) -> ImportReport:
    """Import an export into out, or apply a delta to the import there; report what changed.
    published: when OpenSanctions published the file, as the user knows it.
    allow_removals: import even if it removes most of the previous import's entities."""
    check_published(published)
    check_out(out, IMPORTER)  # before a download, which may be long
    source = read_input(str(file), limit=MAX_BYTES, what="an OpenSanctions dataset export")
    parsed = parse(source)
    with locked_out(out, IMPORTER, GENERATED) as target:
        report, content, metadata = _applied(
            parsed, source, target, out, (published, dry_run, allow_removals)
        )
        if not dry_run and not report.already_applied:
            write_pack(target, content, metadata, GENERATED)
    return report


def _applied(
    parsed: Parsed,
    source: Input,
    target: Path,
    out: Path,
    options: tuple[PartialDate | None, bool, bool],
) -> tuple[ImportReport, dict[str, bytes], dict[str, Any]]:
    """The report, the pack's files and its metadata: parsed applied to the import in target;
    options: the date of publication given, whether a dry run, whether removals are allowed."""
    published, dry_run, allow_removals = options
    previous, history = _previous(target)
    if parsed.is_delta and any(item["sha256"] == source.sha256 for item in history):
        return _already_applied(source, out, previous), {}, {}
    state = dict(previous) if parsed.is_delta else {}
    notes = []
    if parsed.is_delta and not previous:
        notes.append("a delta applied to no previous import: its MOD lines count as added")
    unknown = [ref for ref in parsed.deletions if ref not in state]
    for entity in parsed.upserts:
        state[entity.id] = entity
    for ref in parsed.deletions:
        state.pop(ref, None)
    if unknown:
        notes.append(f"{len(unknown)} DEL line(s) name entities this import does not hold")
    if replaced := replacement_note(parsed.upserts, source.name):
        notes.append(replaced)
    state = dict(sorted(state.items()))
    slugs: dict[str, str] = {}
    skipped = list(parsed.skipped)
    for key in list(state):
        if (other := slugs.setdefault(entity_id(key), key)) != key:
            skipped.append(
                SkippedRecord(key, f"its tq id {entity_id(key)!r} is {other!r}'s already")
            )
            del state[key]
    schemata = sorted(
        {entity.schema for entity in state.values()} | {e.schema for e in previous.values()}
    )
    kind = "delta" if parsed.is_delta else "export"
    applied = [
        *(history if parsed.is_delta else []),
        {"name": named_in_notes(source.name), "kind": kind, "sha256": source.sha256},
    ]
    files, pack_notes = _pack_files(state, applied, published, source.name, source_id(out))
    notes.extend(pack_notes)
    changed = changes(state.values(), previous.values(), schemata, str)
    guard = None
    if not allow_removals:
        guard = removals_note(changed, source.name, dry_run=dry_run)
    if guard:
        notes.append(guard)
    report = ImportReport(
        source_file=source.name,
        out=out,
        written=not dry_run,
        date_generated=None,
        previous_import=bool(previous) or bool(history),
        previous_date_generated=None,
        lists=changed,
        skipped=tuple(skipped),
        notes=tuple(notes),
        refused=guard is not None,
        counted="record",  # an Address or an Ownership is no listing (stranger 16, finding 11)
    )
    content = {name: text.encode("utf-8") for name, text in files.items()}
    content[ARCHIVE] = "".join(entity.line + "\n" for entity in state.values()).encode("utf-8")
    return report, content, {"importer": IMPORTER, "lists": schemata, "applied": applied}


def _already_applied(source: Input, out: Path, previous: Mapping[str, Entity]) -> ImportReport:
    """The report on a delta given again: applied twice, it would change nothing, yet be
    logged as applied twice; so nothing is done, and the report says so."""
    schemata = sorted({entity.schema for entity in previous.values()})
    return ImportReport(
        source_file=source.name,
        out=out,
        written=False,
        date_generated=None,
        previous_import=True,
        previous_date_generated=None,
        lists=changes(previous.values(), previous.values(), schemata, str),
        skipped=(),
        already_applied=True,
        counted="record",
    )


def _previous(out: Path) -> tuple[dict[str, Entity], list[dict[str, str]]]:
    """The entities of the import in out (read again from its archive), and the files applied."""
    metadata = previous_metadata(out)
    if metadata is None:
        return {}, []
    try:
        parsed = parse(archived(out / ARCHIVE, MAX_BYTES))
        history = [
            {"name": str(item["name"]), "kind": str(item["kind"]), "sha256": str(item["sha256"])}
            for item in metadata["applied"]
        ]
    except (UnreadableFile, KeyError, TypeError, BadRequest, InvalidInput):
        return {}, []  # a damaged previous import: report everything as new, replace it
    return {entity.id: entity for entity in parsed.upserts}, history
