"""Importing the US Treasury OFAC SDN list (legacy CSV: SDN, ALT, ADD) as a fact pack."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
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
    locked_out,
    named_in_notes,
    previous_metadata,
    read_input,
    removals_note,
    slug,
    toml_tables,
    where_read,
    write_pack,
)
from tqcli.model import ImportReport, PartialDate, SkippedRecord
from tqcli.userfiles import Unreadable, UnreadableFile

IMPORTER = "ofac-sdn"
LIST_NAME = "SDN"
SOURCE_ID = "ofac-sdn-list"
ARCHIVES = {"sdn": "archive/sdn.csv", "alt": "archive/alt.csv", "add": "archive/add.csv"}
GENERATED = frozenset({"sources.toml", "entities.toml", "listings.toml", *ARCHIVES.values()})
"""Every file an import writes into the pack (and .tq-import.json)."""
MAX_BYTES = 256 << 20
"""The largest file read: SDN.CSV was 4 MB in 2024."""

_NULL = "-0-"
_SDN_FIELDS = 12
_KINDS = {"individual": "person", "vessel": "other", "aircraft": "other", "": "organization"}
_VESSEL_FIELDS = (
    "call sign",
    "vessel type",
    "tonnage",
    "gross registered tonnage",
    "vessel flag",
    "vessel owner",
)
_ALIAS = re.compile(r"^([afn])\.k\.a\.\s+'\s*(\S.*?)\s*'$")
_REMARK_ATTRIBUTES = (
    # (pattern at the start of a Remarks part, attribute it gives): the common, unambiguous ones.
    (re.compile(r"^(?:alt\. )?DOB (\S.*)$"), "born"),
    (re.compile(r"^(?:alt\. )?POB (\S.*)$"), "place of birth"),
    (re.compile(r"^(?:alt\. )?nationality (\S.*)$"), "nationality"),
    (re.compile(r"^(?:alt\. )?citizen (\S.*)$"), "citizenship"),
    (re.compile(r"^(?:alt\. )?Passport (\S.*)$"), "passport"),
    (re.compile(r"^(?:alt\. )?National ID No\. (\S.*)$"), "national id"),
    (re.compile(r"^Gender (\S.*)$"), "gender"),
)
_LINKED = re.compile(r"^Linked To: (\S.*)$")
_ENT_NUM = re.compile(r"^[0-9]{1,18}$")
"""An entry number: ASCII digits that sort as a number (str.isdigit also takes `²`)."""


@dataclass(frozen=True)
class Entry:
    """One SDN entry, with its aliases and addresses from ALT and ADD."""

    ent_num: str
    name: str
    sdn_type: str
    programs: tuple[str, ...]
    title: str | None
    vessel: tuple[tuple[str, str], ...]
    remarks: str | None
    aliases: tuple[tuple[str, str], ...]
    addresses: tuple[str, ...]
    attributes: tuple[tuple[str, tuple[str, ...]], ...]
    """What the remarks say of it (date of birth, nationality …); its vessel fields and
    addresses are fields of their own, so that a change to one is reported once."""
    linked_to: tuple[str, ...]
    passage: str

    @property
    def key(self) -> str:
        return self.ent_num

    @property
    def particulars(self) -> dict[str, tuple[str, ...]]:
        """Every attribute of its entity: the remarks', the vessel fields, the addresses."""
        found = dict(self.attributes)
        found.update((label, (value,)) for label, value in self.vessel)
        if self.addresses:
            found["address"] = self.addresses
        return found

    @property
    def list_name(self) -> str:
        return LIST_NAME

    def comparable(self) -> dict[str, Any]:
        """Every field but the row as written (its change shows in the fields)."""
        return {name: getattr(self, name) for name in _COMPARED}


_COMPARED = tuple(field.name for field in fields(Entry) if field.name != "passage")


@dataclass(frozen=True)
class ParsedSdn:
    """The entries of an SDN.CSV (with ALT and ADD when given) and what could not be read."""

    entries: tuple[Entry, ...]
    skipped: tuple[SkippedRecord, ...]
    texts: dict[str, str]
    """Each file's text as read (decoded, without the trailing Ctrl-Z): what is archived."""


def decode(source: Input) -> str:
    """The text of an OFAC CSV: UTF-8 if it is, else Windows-1252, else Latin-1; no Ctrl-Z."""
    data = source.data.rstrip(b"\x1a")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _rows(text: str, name: str) -> Iterator[tuple[int, list[str], str]]:
    """Each CSV row with its line number and its text exactly as written."""
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):  # splits at CR, LF and CRLF only, as csv does
            consumed.append(line)
            yield line

    line_number = 1
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_BYTES)  # the input is bounded already; real Remarks reach ~10 kB
    try:
        for row in csv.reader(lines()):
            written = "".join(consumed)
            raw = written.rstrip("\r\n")
            consumed.clear()
            # A row that ends at a line end ended outside quotes; only the last row may not.
            if written[-1:] not in ("\n", "\r") and _ends_inside_quotes(raw):
                raise InvalidInput(
                    f'{name}:{line_number}: the file ends inside a quoted field (a " left open), '
                    "as a file cut short does; nothing was imported"
                )
            if row:
                yield line_number, row, raw
            line_number += raw.count("\n") + raw.count("\r") + 1
    except csv.Error as error:
        raise InvalidInput(f"{name}:{line_number}: not readable as CSV ({error})") from None
    finally:
        csv.field_size_limit(limit)


def _ends_inside_quotes(row: str) -> bool:
    """Whether a row as written ends inside a quoted field: Python's csv, lenient, reads it as
    if the quote were closed (a row cut to `,"DO` gives the field `DO`). Its rules: a quote
    opens a field only at the field's start; in one, `""` is a quote and `"` closes it."""
    if '"' not in row:
        return False
    state = "start"
    for character in row:
        if state == "quoted":
            if character == '"':
                state = "quote"
        elif state == "quote":
            state = "quoted" if character == '"' else "start" if character == "," else "field"
        elif character == ",":
            state = "start"
        else:
            state = "quoted" if state == "start" and character == '"' else "field"
    return state == "quoted"


def _field(value: str) -> str | None:
    value = " ".join(value.split())
    return None if value in ("", _NULL) else value


def parse(sdn: Input, alt: Input | None = None, add: Input | None = None) -> ParsedSdn:
    """Read SDN.CSV (and ALT.CSV, ADD.CSV); unreadable rows are skipped with their reason."""
    texts = {"sdn": decode(sdn)}
    skipped: list[SkippedRecord] = []
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    addresses: dict[str, list[str]] = defaultdict(list)
    texts.update((role, decode(given)) for role, given in (("alt", alt), ("add", add)) if given)
    for role, given in (("sdn", sdn), ("alt", alt), ("add", add)):
        if given is not None:
            _check_shape(role, given.name, texts[role])
    if alt is not None:
        for line, row, _ in _rows(texts["alt"], alt.name):
            if len(row) != 5 or not _ENT_NUM.match(row[0].strip()) or not _field(row[3]):
                skipped.append(SkippedRecord(f"{alt.name}:{line}", _shape(row, 5)))
                continue
            alias_type = _field(row[2]) or "aka"
            aliases[row[0].strip()].append((_field(row[3]) or "", _alias_note(alias_type)))
    if add is not None:
        for line, row, _ in _rows(texts["add"], add.name):
            if len(row) != 6 or not _ENT_NUM.match(row[0].strip()):
                skipped.append(SkippedRecord(f"{add.name}:{line}", _shape(row, 6)))
                continue
            place = ", ".join(filter(None, (_field(part) for part in row[2:6])))
            if place:
                addresses[row[0].strip()].append(place)
    entries: dict[str, Entry] = {}
    for line, row, raw in _rows(texts["sdn"], sdn.name):
        reference = f"{sdn.name}:{line}"
        if len(row) != _SDN_FIELDS or not _ENT_NUM.match(row[0].strip()):
            skipped.append(SkippedRecord(reference, _shape(row, _SDN_FIELDS)))
            continue
        ent_num = row[0].strip()
        name = _field(row[1])
        if name is None:
            skipped.append(SkippedRecord(ent_num, "the entry has no name"))
            continue
        if ent_num in entries:
            skipped.append(SkippedRecord(ent_num, "ent_num appears twice"))
            continue
        entries[ent_num] = _entry(
            ent_num, name, row, raw, aliases.pop(ent_num, []), addresses.pop(ent_num, [])
        )
    for ent_num in sorted({*aliases, *addresses}, key=int):
        skipped.append(
            SkippedRecord(ent_num, "ALT or ADD rows name this ent_num, which SDN.CSV does not hold")
        )
    ordered = tuple(sorted(entries.values(), key=lambda entry: int(entry.ent_num)))
    return ParsedSdn(ordered, tuple(skipped), texts)


_FILES = {
    "sdn": (_SDN_FIELDS, "SDN.CSV", "SDN.CSV", "as the first argument"),
    "alt": (5, "ALT.CSV", "--alt", "with --alt"),
    "add": (6, "ADD.CSV", "--add", "with --add"),
}
"""Each file's fields a row, its name, the argument it is given as, and how to give it."""


def _check_shape(role: str, name: str, text: str) -> None:
    """Refuse a file none of whose rows has the shape of the file it is given as, and whose
    rows have another file's shape: the files were swapped (ADD.CSV as --alt). Otherwise every
    row of it would be skipped, and the pack written without its aliases or addresses."""
    expected, file_name, where, _ = _FILES[role]
    counts = Counter(len(row) for _, row, _ in _rows(text, name))
    if not counts or counts[expected]:
        return
    common = counts.most_common(1)[0][0]
    for other, (fields_a_row, other_name, _, how) in _FILES.items():
        if other != role and fields_a_row == common:
            raise BadRequest(
                f"{where}: {name} does not look like {file_name} ({expected} fields a row): "
                f"its rows have {common} fields, as {other_name}'s do: is it {other_name} "
                f"(give it {how})?"
            )


def _shape(row: list[str], expected: int) -> str:
    if len(row) != expected:
        return f"the row has {len(row)} field(s), not {expected}"
    return f"the row's first field {row[0][:40]!r} is not an entry number"


def _alias_note(alias_type: str) -> str:
    return {"aka": "a.k.a.", "fka": "f.k.a.", "nka": "n.k.a."}.get(alias_type.lower(), alias_type)


def _entry(
    ent_num: str,
    name: str,
    row: list[str],
    raw: str,
    alt_aliases: list[tuple[str, str]],
    addresses: list[str],
) -> Entry:
    remarks = _field(row[11])
    remark_aliases: list[tuple[str, str]] = []
    found: dict[str, list[str]] = defaultdict(list)
    linked: list[str] = []
    for part in _remark_parts(remarks or ""):
        if alias := _ALIAS.match(part):
            remark_aliases.append((alias.group(2).strip(), f"{alias.group(1)}.k.a."))
        elif link := _LINKED.match(part):
            linked.append(link.group(1).strip())
        else:
            for pattern, attribute in _REMARK_ATTRIBUTES:
                if match := pattern.match(part):
                    found[attribute].append(match.group(1).strip())
                    break
    programs = tuple(
        program.strip() for program in (_field(row[3]) or "").split("] [") if program.strip()
    )
    vessel = tuple(
        (label, value)
        for label, value in zip(_VESSEL_FIELDS, map(_field, row[5:11]), strict=True)
        if value
    )
    return Entry(
        ent_num=ent_num,
        name=name,
        sdn_type=(_field(row[2]) or "").lower(),
        programs=programs,
        title=_field(row[4]),
        vessel=vessel,
        remarks=remarks,
        aliases=tuple(dict.fromkeys([*alt_aliases, *remark_aliases])),
        addresses=tuple(addresses),
        attributes=tuple((attribute, tuple(values)) for attribute, values in found.items()),
        linked_to=tuple(dict.fromkeys(linked)),
        passage=raw,
    )


def _remark_parts(remarks: str) -> Iterator[str]:
    """The parts of a Remarks field: `DOB 01 Jan 1961; POB ...; a.k.a. '...'.` split at `; `."""
    for part in remarks.removesuffix(".").split("; "):
        if part.strip():
            yield part.strip()


# --- Writing the pack ---------------------------------------------------------------------------


def entity_id(ent_num: str) -> str:
    """The id of an SDN entry's entity: 6636 -> ofac-6636."""
    return f"ofac-{ent_num}"


def listing_id(ent_num: str) -> str:
    """The id of an SDN entry's fact: 6636 -> ofac-sdn-6636."""
    return f"ofac-sdn-{ent_num}"


def _pack_files(parsed: ParsedSdn, origin: str, published: PartialDate | None) -> dict[str, str]:
    by_name: dict[str, list[str]] = defaultdict(list)
    for entry in parsed.entries:
        by_name[entry.name].append(entry.ent_num)
    archived = ", ".join(f"{kind.upper()}.CSV" for kind in ARCHIVES if kind in parsed.texts)
    source: dict[str, Any] = {
        "id": SOURCE_ID,
        "title": "Specially Designated Nationals and Blocked Persons List (SDN)",
        "publisher": "US Department of the Treasury, Office of Foreign Assets Control (OFAC)",
        "kind": "dataset",
        "archive": ARCHIVES["sdn"],
        "notes": [
            f"Imported by tq from the legacy CSV files ({archived}), read from "
            f"{named_in_notes(origin)}.",
            "The CSV files carry no date of publication, nor of any designation (so the "
            "listings are undated); the files are archived in this pack as read (decoded to "
            "UTF-8, the trailing Ctrl-Z byte dropped).",
            "Passages are each entry's SDN.CSV row, verbatim.",
        ],
    }
    if published is not None:  # as given with --published: the files carry no date
        source["published"] = published.isoformat()
        source["notes"][1] = (
            f"The CSV files carry no date of publication, nor of any designation (so the "
            f"listings are undated); {published.isoformat()} is the date given to tq import "
            "with --published, the list's, not any listing's. The files are archived in this "
            "pack as read (decoded to UTF-8, the trailing Ctrl-Z byte dropped)."
        )
    source.update(where_read(origin))
    entities = [_entity_table(entry) for entry in parsed.entries]
    facts = [_fact_table(entry, by_name, as_of(published)) for entry in parsed.entries]
    header = (
        "# Generated by `tq import ofac-sdn`: re-import rather than edit, edits are replaced.\n\n"
    )
    return {
        "sources.toml": header + toml_tables("source", [source]),
        "entities.toml": header + toml_tables("entity", entities),
        "listings.toml": header + toml_tables("sanction", facts),
    }


def _entity_table(entry: Entry) -> dict[str, Any]:
    table: dict[str, Any] = {
        "id": entity_id(entry.ent_num),
        "name": entry.name,
        "kind": _KINDS.get(entry.sdn_type, "other"),
    }
    if entry.aliases:
        table["aliases"] = [{"name": name, "note": note} for name, note in entry.aliases]
    if entry.title:
        table["description"] = entry.title
    attributes = entry.particulars
    if entry.sdn_type in ("vessel", "aircraft"):
        attributes = {"type": (entry.sdn_type,), **attributes}
    if attributes:
        table["attributes"] = {name: list(values) for name, values in attributes.items()}
    return table


def _fact_table(entry: Entry, by_name: dict[str, list[str]], as_of: str) -> dict[str, Any]:
    programs = ", ".join(entry.programs) if entry.programs else "no stated"
    claim = (
        f"{entry.name} (ent_num {entry.ent_num}) is on the US Treasury OFAC Specially "
        f"Designated Nationals (SDN) list {as_of}, under the {programs} program(s)."
    )
    linked = [
        target
        for name in entry.linked_to
        if len(targets := _targets(name, by_name)) == 1
        for target in targets
        if target != entry.ent_num
    ]
    if entry.linked_to:
        claim += f" The entry says it is linked to {'; '.join(entry.linked_to)}."
    table: dict[str, Any] = {
        "id": listing_id(entry.ent_num),
        "claim": claim,
        "about": [entity_id(entry.ent_num), *map(entity_id, dict.fromkeys(linked))],
        "tags": ["ofac-sdn-list", *filter(None, map(slug, entry.programs))],
        "authority": "US Treasury, Office of Foreign Assets Control (OFAC)",
        "instrument": f"SDN list entry {entry.ent_num}",
        "targets": [entity_id(entry.ent_num)],
        "list": LIST_NAME,
        "reference": entry.ent_num,
    }
    if entry.remarks:
        table["remarks"] = entry.remarks
    table["cite"] = [
        {"source": SOURCE_ID, "passage": entry.passage, "locator": f"ent_num {entry.ent_num}"}
    ]
    return table


def _targets(name: str, by_name: dict[str, list[str]]) -> list[str]:
    """The entries a `Linked To:` name names, exactly (the Remarks' final full stop is dropped
    before parsing, so a name ending in one, `CO., LTD.`, is tried with it too)."""
    return by_name.get(name) or by_name.get(name + ".") or []


# --- The import as a whole ----------------------------------------------------------------------


def import_sdn(
    sdn: str | Path,
    out: Path,
    *,
    alt: str | Path | None = None,
    add: str | Path | None = None,
    published: PartialDate | None = None,
    dry_run: bool = False,
    allow_removals: bool = False,
) -> ImportReport:
    """Import SDN.CSV (with ALT.CSV and ADD.CSV) into the pack out; report what changed.
    published: when OFAC published the files, as the user knows it (the files say nothing).
    allow_removals: import even if it removes most of the previous import's entries."""
    named = [str(name) for name in (sdn, alt, add) if name is not None]
    check_published(published)
    if named.count("-") > 1:
        raise BadRequest("only one of SDN.CSV, --alt and --add can be - (standard input)")
    check_out(out, IMPORTER)  # before a download, which may be long
    inputs = {"sdn": read_input(str(sdn), limit=MAX_BYTES, what="an SDN.CSV file (~4 MB)")}
    if alt is not None:
        inputs["alt"] = read_input(str(alt), limit=MAX_BYTES, what="an ALT.CSV file (~1 MB)")
    if add is not None:
        inputs["add"] = read_input(str(add), limit=MAX_BYTES, what="an ADD.CSV file (~1 MB)")
    parsed = parse(inputs["sdn"], inputs.get("alt"), inputs.get("add"))
    if not parsed.entries:
        raise InvalidInput(f"{inputs['sdn'].name}: the file holds no SDN entries")
    with locked_out(out, IMPORTER, GENERATED) as target:
        previous = _previous(target)
        notes = list(_companion_notes(target, inputs)) if previous is not None else []
        if previous is not None and (
            older := _older_note(inputs["sdn"].name, parsed.entries, previous, published, target)
        ):
            notes.append(older)
        if published is None:
            notes.append(import_day_note(inputs["sdn"].name, "OFAC"))
        changed = changes(parsed.entries, previous or (), [LIST_NAME], int)
        guard = None
        if not allow_removals:
            guard = removals_note(changed, inputs["sdn"].name, dry_run=dry_run)
        if guard:
            notes.append(guard)
        report = ImportReport(
            source_file=inputs["sdn"].name,
            out=out,
            written=not dry_run,
            date_generated=None,
            previous_import=previous is not None,
            previous_date_generated=None,
            lists=changed,
            skipped=parsed.skipped,
            notes=tuple(notes),
            refused=guard is not None,
        )
        if not dry_run:
            files = {
                name: text.encode("utf-8")
                for name, text in _pack_files(parsed, inputs["sdn"].name, published).items()
            }
            for kind, text in parsed.texts.items():
                files[ARCHIVES[kind]] = text.encode("utf-8")
            metadata = {
                "importer": IMPORTER,
                "lists": [LIST_NAME],
                "sha256": {kind: source.sha256 for kind, source in inputs.items()},
                "published": published.isoformat() if published else None,
            }
            write_pack(target, files, metadata, GENERATED)
    return report


def _older_note(
    name: str,
    entries: Sequence[Entry],
    previous: Sequence[Entry],
    published: PartialDate | None,
    out: Path,
) -> str | None:
    """The note for a file older than the list it replaces, as the UN importer gives one: by
    the dates given with --published to both imports, else by the newest entry of each, as
    OFAC numbers its entries in order (ent_num 48,907 in the file of 2024-05-03, 33,051 in that
    of 2021-08-20): a file without the previous one's newest entries is older, unless OFAC
    removed them. None when it is not older, or nothing says."""
    metadata = previous_metadata(out) or {}
    before = metadata.get("published")
    if published is not None and isinstance(before, str):
        now = published.isoformat()
        if now < before and not before.startswith(now):
            return (
                f"{name} was published {now} (--published), before the list it replaces "
                f"({before}): the pack goes back to the older list"
            )
        return None
    newest, newest_before = (
        max((int(entry.ent_num) for entry in found if entry.ent_num.isdigit()), default=0)
        for found in (entries, previous)
    )
    if newest < newest_before:
        return (
            f"{name} looks older than the list it replaces: its newest entry is ent_num "
            f"{newest}, the previous import's {newest_before} (OFAC numbers its entries in "
            "order): the pack goes back to an older list, unless OFAC removed its newest entries"
        )
    return None


def _companion_notes(out: Path, inputs: Mapping[str, Input]) -> tuple[str, ...]:
    """Say so when ALT.CSV or ADD.CSV came with the previous import and not this one (or the
    other way round): the aliases or addresses they give then show as amendments."""
    notes = []
    for kind, option in (("alt", "--alt"), ("add", "--add")):
        before, now = (out / ARCHIVES[kind]).is_file(), kind in inputs
        if before != now:
            had = "had" if before else "had no"
            notes.append(
                f"the previous import {had} {kind.upper()}.CSV and this one "
                f"{'has not' if before else 'has'} ({option}): entries' "
                f"{'aliases' if kind == 'alt' else 'addresses'} show as amended"
            )
    return tuple(notes)


def _previous(out: Path) -> tuple[Entry, ...] | None:
    """The entries of the import in out, read again from its archived files."""
    if previous_metadata(out) is None:
        return None
    found: dict[str, Input] = {}
    for kind, name in ARCHIVES.items():
        path = out / name
        try:
            found[kind] = archived(path, MAX_BYTES)
        except UnreadableFile as error:
            if error.reason is Unreadable.MISSING:
                continue
            return None
    if "sdn" not in found:
        return None  # a damaged previous import: report everything as new, replace it
    try:
        return parse(found["sdn"], found.get("alt"), found.get("add")).entries
    except (BadRequest, InvalidInput):
        return None
