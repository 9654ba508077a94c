"""Importing the UN Security Council Consolidated List (XML) as a fact pack, and what changed."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import defusedxml
import defusedxml.ElementTree

from tqcli.errors import BadRequest, InvalidInput
from tqcli.importers.shared import (
    Input,
    archived,
    as_of,
    changes,
    check_out,
    import_day_note,
    locked_out,
    previous_metadata,
    read_input,
    removals_note,
    replacement_note,
    slug,
    toml_tables,
    where_read,
    write_pack,
)
from tqcli.model import ImportReport, SkippedRecord
from tqcli.textnorm import squeeze
from tqcli.userfiles import UnreadableFile

IMPORTER = "un-sc"
DEFAULT_LISTS = ("Taliban", "Al-Qaida")
SOURCE_ID = "un-sc-consolidated-list"
ARCHIVE = "archive/consolidated-list.xml"
GENERATED = frozenset({"sources.toml", "entities.toml", "listings.toml", ARCHIVE})
"""Every file an import writes into the pack (and .tq-import.json)."""
MAX_BYTES = 64 << 20
"""The largest file read: the whole Consolidated List, every regime, is about 2 MB."""

_RECORD_KINDS = {"INDIVIDUAL": "person", "ENTITY": "organization"}
_RAW_RECORD = re.compile(r"<(INDIVIDUAL|ENTITY)>(.*?)</\1>", re.DOTALL)
_DATE = re.compile(r"^(\d{4}-\d\d-\d\d)(?:[+-]\d\d:\d\d|Z)?$")


@dataclass(frozen=True)
class Listing:
    """One record of the list, as the importer understands it."""

    reference: str
    kind: str
    list_name: str
    name: str
    aliases: tuple[tuple[str, str | None, str | None], ...]
    attributes: tuple[tuple[str, tuple[str, ...]], ...]
    description: str | None
    listed_on: str
    updated: tuple[str, ...]
    remarks: str | None
    dataid: str
    passage: str
    remarks_passage: str | None

    @property
    def key(self) -> str:
        return self.reference

    def comparable(self) -> dict[str, Any]:
        """The fields whose change is an amendment (not where the record sits in the file)."""
        fields = asdict(self)
        for incidental in ("dataid", "passage", "remarks_passage"):
            del fields[incidental]
        return fields


@dataclass(frozen=True)
class ParsedList:
    """A whole list file: when it was generated, its listings and what could not be read."""

    date_generated: str
    listings: tuple[Listing, ...]
    skipped: tuple[SkippedRecord, ...]

    def names_of_lists(self) -> list[str]:
        return sorted({listing.list_name for listing in self.listings})


def _csv_hint(path: str, data: bytes) -> str:
    """A pointer to the CSV importer for what looks like a CSV file (its name, or a first line
    of comma-separated values): OFAC's SDN.CSV given to the UN importer."""
    first = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    looks = path.lower().endswith(".csv") or (not first.startswith(b"<") and first.count(b",") >= 2)
    return "; a CSV file? OFAC's SDN list is imported with 'tq import ofac-sdn'" if looks else ""


def parse(source: Input) -> ParsedList:
    """Read a Consolidated List export, refusing DTDs, entities and external references."""
    path, data = source.name, source.data
    try:
        root = defusedxml.ElementTree.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DefusedXmlException as error:
        raise InvalidInput(f"{path}: refused: the file declares {_refusal(error)}") from None
    except ET.ParseError as error:
        line, column = error.position  # expat counts characters from 0; editors, from 1
        hint = _csv_hint(path, data)
        raise InvalidInput(f"{path}:{line}:{column + 1}: not well-formed XML{hint}") from None
    if root.tag != "CONSOLIDATED_LIST":
        raise InvalidInput(
            f"{path}: not a UN Security Council Consolidated List (the root element is "
            f"<{root.tag}>, not <CONSOLIDATED_LIST>)"
        )
    raw = data.decode("utf-8", errors="replace")
    raw_records = {
        kind: [m.group(0) for m in _RAW_RECORD.finditer(raw) if m.group(1) == kind]
        for kind in _RECORD_KINDS
    }
    listings: dict[str, Listing] = {}
    skipped: list[SkippedRecord] = []
    for tag in _RECORD_KINDS:
        elements = list(root.iter(tag))
        raws = raw_records[tag] if len(raw_records[tag]) == len(elements) else [""] * len(elements)
        for element, raw_record in zip(elements, raws, strict=True):
            try:
                listing = _listing(tag, element, raw_record)
            except _Unreadable as error:
                skipped.append(SkippedRecord(error.reference, str(error)))
                continue
            if listing.reference in listings:
                skipped.append(SkippedRecord(listing.reference, "reference number appears twice"))
                continue
            listings[listing.reference] = listing
    if not listings and not skipped:
        raise InvalidInput(f"{path}: the file holds no listings (no INDIVIDUAL or ENTITY record)")
    if not listings:
        first = skipped[0]
        raise InvalidInput(
            f"{path}: none of its {len(skipped)} record(s) could be read "
            f"(the first, {first.reference}: {first.reason})"
        )
    generated = root.get("dateGenerated", "").strip()
    ordered = tuple(
        sorted(listings.values(), key=lambda listing: _reference_key(listing.reference))
    )
    return ParsedList(generated, ordered, tuple(skipped))


def _refusal(error: Exception) -> str:
    kind = type(error).__name__
    return {
        "DTDForbidden": "a DTD",
        "EntitiesForbidden": "entities",
        "ExternalReferenceForbidden": "an external reference",
    }.get(kind, f"something unsafe ({kind})")


class _Unreadable(Exception):
    def __init__(self, reference: str, reason: str) -> None:
        super().__init__(reason)
        self.reference = reference


def _text(element: ET.Element | None) -> str:
    return squeeze(element.text or "") if element is not None else ""


def _values(element: ET.Element, tag: str) -> tuple[str, ...]:
    return tuple(
        v
        for v in (_text(value) for node in element.findall(tag) for value in node.findall("VALUE"))
        if v
    )


def _reference_key(reference: str) -> tuple[str, int, str]:
    prefix, _, number = reference.partition(".")
    # ASCII digits only: str.isdigit takes `²`, and int() refuses over 4,300 digits
    return (prefix, int(number) if re.fullmatch(r"[0-9]{1,18}", number) else 0, reference)


def _listing(tag: str, element: ET.Element, raw: str) -> Listing:
    dataid = _text(element.find("DATAID"))
    reference = _text(element.find("REFERENCE_NUMBER"))
    if not reference:
        raise _Unreadable(f"DATAID {dataid or '?'}", "the record has no REFERENCE_NUMBER")
    names = [
        _text(element.find(part))
        for part in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    ]
    name = " ".join(part for part in names if part)
    if not name:
        raise _Unreadable(reference, "the record has no name")
    if not slug(reference):
        raise _Unreadable(reference, "the reference number has no letter or digit")
    listed_on = _date(element.find("LISTED_ON"), reference, "LISTED_ON")
    if listed_on is None:
        raise _Unreadable(reference, "the record has no LISTED_ON date")
    list_name = _text(element.find("UN_LIST_TYPE"))
    if not list_name:
        raise _Unreadable(reference, "the record has no UN_LIST_TYPE")
    updated = tuple(
        day
        for day in (
            _date(node, reference, "LAST_DAY_UPDATED")
            for node in element.findall("LAST_DAY_UPDATED/VALUE")
        )
        if day
    )
    remarks = _text(element.find("COMMENTS1")) or None
    prefix = "INDIVIDUAL" if tag == "INDIVIDUAL" else "ENTITY"
    return Listing(
        reference=reference,
        kind=_RECORD_KINDS[tag],
        list_name=list_name,
        name=name,
        aliases=tuple(_aliases(element, f"{prefix}_ALIAS")),
        attributes=tuple(_attributes(element, prefix)),
        description="; ".join(_values(element, "DESIGNATION")) or None,
        listed_on=listed_on,
        updated=updated,
        remarks=remarks,
        dataid=dataid,
        passage=_core_passage(raw, reference),
        remarks_passage=_inner(raw, "COMMENTS1") if remarks else None,
    )


def _date(element: ET.Element | None, reference: str, field: str) -> str | None:
    text = _text(element)
    if not text:
        return None
    match = _DATE.match(text)  # real files carry timezone suffixes: 2015-03-27-04:00
    if match is None:
        raise _Unreadable(reference, f"{field} {text!r} is not a date")
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        raise _Unreadable(reference, f"{field} {text!r} is not a date") from None


def _aliases(element: ET.Element, tag: str) -> Iterator[tuple[str, str | None, str | None]]:
    for alias in element.findall(tag):
        name = _text(alias.find("ALIAS_NAME"))
        if name:  # the real files hold empty placeholders: <QUALITY/><ALIAS_NAME/>
            yield name, _text(alias.find("QUALITY")) or None, _text(alias.find("NOTE")) or None
    original = _text(element.find("NAME_ORIGINAL_SCRIPT"))
    if original:
        yield original, None, "name in original script"


def _attributes(element: ET.Element, prefix: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    candidates = [
        ("title", _values(element, "TITLE")),
        ("nationality", _values(element, "NATIONALITY")),
        (
            "name in original script",
            tuple(filter(None, [_text(element.find("NAME_ORIGINAL_SCRIPT"))])),
        ),
        ("gender", tuple(filter(None, [_text(element.find("GENDER"))]))),
        ("born", tuple(filter(None, map(_birth_date, element.findall(f"{prefix}_DATE_OF_BIRTH"))))),
        (
            "place of birth",
            tuple(filter(None, map(_place, element.findall(f"{prefix}_PLACE_OF_BIRTH")))),
        ),
        ("address", tuple(filter(None, map(_place, element.findall(f"{prefix}_ADDRESS"))))),
    ]
    yield from ((name, values) for name, values in candidates if values)


def _birth_date(element: ET.Element) -> str:
    kind = _text(element.find("TYPE_OF_DATE")).lower()
    date = _text(element.find("DATE"))[:10] or _text(element.find("YEAR"))
    low, high = _text(element.find("FROM_YEAR")), _text(element.find("TO_YEAR"))
    if low and high:
        return f"between {low} and {high}"
    if not date:
        return ""
    return f"approximately {date}" if kind == "approximately" else date


def _place(element: ET.Element) -> str:
    parts = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE")
    return ", ".join(text for text in (_text(element.find(part)) for part in parts) if text)


def _inner(raw: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", raw, re.DOTALL)
    return squeeze(match.group(1)) if match and match.group(1).strip() else None


def _core_passage(raw: str, reference: str) -> str:
    """The record's own text from its first name to its listing date, verbatim from the file."""
    start, end = raw.find("<FIRST_NAME>"), raw.find("</LISTED_ON>")
    if 0 <= start < end:
        return squeeze(raw[start : end + len("</LISTED_ON>")])
    return f"<REFERENCE_NUMBER>{reference}"


# --- Writing the pack ---------------------------------------------------------------------------


def entity_id(reference: str) -> str:
    """The id of a listed individual's or entity's entity: TAi.024 -> un-tai.024."""
    return "un-" + slug(reference)


def listing_id(reference: str) -> str:
    """The id of a listing's fact: TAi.024 -> un-listing-tai.024."""
    return "un-listing-" + slug(reference)


def _pack_files(parsed: ParsedList, lists: Sequence[str], origin: str) -> dict[str, str]:
    chosen = [listing for listing in parsed.listings if listing.list_name in lists]
    generated_day = _date_only(parsed.date_generated)
    source: dict[str, Any] = {
        "id": SOURCE_ID,
        "title": "United Nations Security Council Consolidated List",
        "publisher": "United Nations Security Council",
        "kind": "dataset",
        "archive": ARCHIVE,
        "notes": [
            f"dateGenerated: {parsed.date_generated}",
            "Imported by tq from the list's XML export; lists imported: " + ", ".join(lists) + ".",
            "Passages are the records' own XML, verbatim; the file is archived in this pack.",
        ],
    }
    if generated_day:
        source["published"] = generated_day
    source.update(where_read(origin))
    entities = [_entity_table(listing) for listing in chosen]
    day = generated_day.isoformat() if generated_day else None
    when = as_of(None, data=day, says="the date the list was generated, its dateGenerated")
    facts = [_fact_table(listing, when) for listing in chosen]
    header = "# Generated by `tq import un-sc`: re-import rather than edit, edits are replaced.\n\n"
    return {
        "sources.toml": header + toml_tables("source", [source]),
        "entities.toml": header + toml_tables("entity", entities),
        "listings.toml": header + toml_tables("sanction", facts),
    }


def _older(generated: str, than: str) -> bool:
    """Whether one dateGenerated is before another; False if either cannot be read."""
    try:
        # "Z" for UTC, which fromisoformat reads only from Python 3.11; offsets as given.
        one, other = (
            dt.datetime.fromisoformat(text.replace("Z", "+00:00")) for text in (generated, than)
        )
        return one < other
    except (ValueError, TypeError):  # unreadable, or one with an offset and one without
        return False


def _date_only(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _entity_table(listing: Listing) -> dict[str, Any]:
    table: dict[str, Any] = {
        "id": entity_id(listing.reference),
        "name": listing.name,
        "kind": listing.kind,
    }
    if listing.aliases:
        table["aliases"] = [
            {
                key: value
                for key, value in (("name", name), ("quality", quality), ("note", note))
                if value
            }
            for name, quality, note in listing.aliases
        ]
    if listing.description:
        table["description"] = listing.description
    if listing.attributes:
        table["attributes"] = {name: list(values) for name, values in listing.attributes}
    return table


def _fact_table(listing: Listing, as_of: str) -> dict[str, Any]:
    listed_on = dt.date.fromisoformat(listing.listed_on)
    table: dict[str, Any] = {
        "id": listing_id(listing.reference),
        "claim": (
            f"{listing.name} ({listing.reference}) is on the UN Security Council Consolidated "
            f"List {as_of}, under the {listing.list_name} sanctions, listed on "
            f"{listing.listed_on}."
        ),
        "date": listed_on,
        "about": [entity_id(listing.reference)],
        "tags": ["un-sanctions-list", *filter(None, [slug(listing.list_name)])],
        "authority": "UN Security Council",
        "instrument": f"Consolidated List entry {listing.reference}",
        "adopted": listed_on,
        "targets": [entity_id(listing.reference)],
        "list": listing.list_name,
        "reference": listing.reference,
    }
    if listing.updated:
        table["updated"] = [dt.date.fromisoformat(day) for day in listing.updated]
    if listing.remarks:
        table["remarks"] = listing.remarks
    cite = [
        {"source": SOURCE_ID, "passage": listing.passage, "locator": f"DATAID {listing.dataid}"}
    ]
    if listing.remarks_passage:
        cite.append(
            {"source": SOURCE_ID, "passage": listing.remarks_passage, "locator": "COMMENTS1"}
        )
    table["cite"] = cite
    return table


# --- The import as a whole ----------------------------------------------------------------------


def import_list(
    file: str | Path,
    out: Path,
    *,
    lists: Sequence[str] = (),
    all_lists: bool = False,
    dry_run: bool = False,
    allow_removals: bool = False,
) -> ImportReport:
    """Import file into the pack out (replacing a previous import there); report the changes.
    allow_removals: import even if it removes most of the previous import's listings."""
    check_out(out, IMPORTER)  # before a download, which may be long
    source = read_input(str(file), limit=MAX_BYTES, what="a Consolidated List export (~2 MB)")
    parsed = parse(source)
    available = parsed.names_of_lists()
    notes: list[str] = []
    if all_lists:
        chosen = available
    elif lists:
        chosen = _chosen_lists(lists, available)
    else:
        chosen = [name for name in DEFAULT_LISTS if name in available]
        missing = [name for name in DEFAULT_LISTS if name not in available]
        if not chosen:
            raise BadRequest(
                f"{source.name}: the file holds no {' or '.join(DEFAULT_LISTS)} listings; "
                f"choose lists with --list or --all-lists (it has: {', '.join(available)})"
            )
        if missing:
            notes.append(
                f"the file holds no {', '.join(missing)} listings; imported {', '.join(chosen)}"
            )
    if _date_only(parsed.date_generated) is None:
        notes.append(import_day_note(source.name, None))
    if replaced := replacement_note(
        (listing for listing in parsed.listings if listing.list_name in chosen), source.name
    ):
        notes.append(replaced)
    with locked_out(out, IMPORTER, GENERATED) as target:
        previous, previous_lists = _previous(target)
        if previous and _older(parsed.date_generated, previous.date_generated):
            notes.append(
                f"{source.name} was generated {parsed.date_generated}, before the list it "
                f"replaces ({previous.date_generated}): the pack goes back to the older list"
            )
        left_out = [name for name in previous_lists if name not in chosen]
        cause = (
            f"the previous import had the list(s) {', '.join(left_out)}, which this one leaves "
            "out (name every list to keep with --list, or give --all-lists)"
        )
        changed = changes(
            [listing for listing in parsed.listings if listing.list_name in chosen],
            previous.listings if previous else (),
            [*chosen, *left_out],
            _reference_key,
        )
        guard = None
        if not allow_removals:
            guard = removals_note(
                changed, source.name, dry_run=dry_run, cause=cause if left_out else None
            )
        if left_out and not guard:
            notes.append(cause.replace(" (name", ": their listings are removed (name", 1))
        if guard:
            notes.append(guard)
        report = ImportReport(
            source_file=source.name,
            out=out,
            written=not dry_run,
            date_generated=parsed.date_generated,
            previous_import=previous is not None,
            previous_date_generated=previous.date_generated if previous else None,
            lists=changed,
            skipped=parsed.skipped,
            notes=tuple(notes),
            refused=guard is not None,
        )
        if not dry_run:
            files = {
                name: text.encode("utf-8")
                for name, text in _pack_files(parsed, chosen, source.name).items()
            }
            files[ARCHIVE] = source.data
            metadata = {
                "importer": IMPORTER,
                "lists": list(chosen),
                "date_generated": parsed.date_generated,
                "sha256": source.sha256,
            }
            write_pack(target, files, metadata, GENERATED)
    return report


def _previous(out: Path) -> tuple[ParsedList | None, tuple[str, ...]]:
    """The listings of the import in out on the lists it imported, and those lists."""
    metadata = previous_metadata(out)
    if metadata is None:
        return None, ()
    try:
        lists = tuple(dict.fromkeys(str(name) for name in metadata["lists"]))
        parsed = parse(archived(out / ARCHIVE, MAX_BYTES))
    except (UnreadableFile, KeyError, TypeError, BadRequest, InvalidInput):
        return None, ()  # a damaged previous import: report everything as new, replace it
    kept = tuple(listing for listing in parsed.listings if listing.list_name in lists)
    return ParsedList(parsed.date_generated, kept, parsed.skipped), lists


def _chosen_lists(wanted: Sequence[str], available: Sequence[str]) -> list[str]:
    by_folded = {name.casefold(): name for name in available}
    unknown = [name for name in wanted if name.casefold() not in by_folded]
    if unknown:
        raise BadRequest(
            f"--list: no list named {', '.join(map(repr, unknown))} in this file; "
            f"it has: {', '.join(available)}"
        )
    return list(dict.fromkeys(by_folded[name.casefold()] for name in wanted))
