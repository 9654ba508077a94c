"""tq export sqlite: the loaded packs as plain SQLite tables with keys, and Datasette metadata.

The tables are made for people and tools browsing them (Datasette, sqlite3, pandas), not the
search index's layout: one row per fact, source, entity, alias, passage, note, tag and link,
with primary and foreign keys, so Datasette links each fact to its sources and entities.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from tqcli.errors import BadRequest
from tqcli.model import Catalog, Fact
from tqcli.render.data import FactData
from tqcli.render.jsontext import compact

MARKER = "tq export sqlite"
"""The metadata's "about": how a metadata file tq wrote (and may replace) is recognised."""
MAX_METADATA_BYTES = 1 << 20
"""The most of an existing metadata file read to tell whether tq wrote it (one it wrote holds a
few hundred bytes): a device or a wrong file is never read whole."""

_SCHEMA = (
    """
CREATE TABLE tq_export (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE packs (
    name TEXT PRIMARY KEY, position INTEGER NOT NULL, origin TEXT NOT NULL, path TEXT NOT NULL
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, kind TEXT NOT NULL,
    series TEXT, author TEXT, published TEXT, url TEXT, via TEXT, licence TEXT, accessed TEXT,
    archived INTEGER NOT NULL, notes TEXT NOT NULL, pack TEXT NOT NULL REFERENCES packs (name),
    file_name TEXT
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, description TEXT,
    pack TEXT NOT NULL REFERENCES packs (name)
);
CREATE TABLE aliases (
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL REFERENCES entities (id),
    name TEXT NOT NULL, quality TEXT, note TEXT
);
CREATE TABLE attributes (
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL REFERENCES entities (id),
    name TEXT NOT NULL, value TEXT NOT NULL
);
CREATE TABLE links (
    entity_id TEXT NOT NULL REFERENCES entities (id), same_as TEXT NOT NULL,
    PRIMARY KEY (entity_id, same_as)
);
CREATE TABLE facts (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, claim TEXT NOT NULL, date TEXT, hedge TEXT,
    asserted_by TEXT REFERENCES entities (id), details TEXT NOT NULL,
    pack TEXT NOT NULL REFERENCES packs (name), file TEXT NOT NULL, line INTEGER
);
CREATE TABLE fact_entities (
    fact_id TEXT NOT NULL REFERENCES facts (id), entity_id TEXT NOT NULL REFERENCES entities (id),
    role TEXT NOT NULL, PRIMARY KEY (fact_id, entity_id, role)
);
CREATE TABLE tags (
    fact_id TEXT NOT NULL REFERENCES facts (id), tag TEXT NOT NULL, PRIMARY KEY (fact_id, tag)
);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY, fact_id TEXT NOT NULL REFERENCES facts (id),
    source_id TEXT NOT NULL REFERENCES sources (id), passage TEXT NOT NULL, locator TEXT
);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY, fact_id TEXT NOT NULL REFERENCES facts (id), text TEXT NOT NULL,
    source_id TEXT REFERENCES sources (id), passage TEXT, locator TEXT
);
CREATE INDEX facts_kind ON facts (kind, date);
"""
    + "".join(
        f"CREATE VIEW {view} AS SELECT id, claim, date, "
        + ", ".join(f"json_extract(details, '$.{field}') AS {field}" for field in fields)
        + f" FROM facts WHERE kind = '{kind}';\n"
        for view, kind, fields in (
            ("figures", "figure", ("value", "min", "max", "unit", "qualifier")),
            ("quotes", "quote", ("text", "speaker", "speaker_role", "medium", "said")),
            (
                "sanctions",
                "sanction",
                (
                    "authority",
                    "instrument",
                    "adopted",
                    "measures",
                    "targets",
                    "committee",
                    "list",
                    "reference",
                    "updated",
                    "remarks",
                ),
            ),
            ("agreements", "agreement", ("name", "parties", "signed", "place", "commitments")),
            ("events", "event", ("place", "end")),
        )
    )
    + """
CREATE INDEX fact_entities_entity ON fact_entities (entity_id);
CREATE INDEX tags_tag ON tags (tag);
CREATE INDEX passages_fact ON passages (fact_id);
CREATE INDEX passages_source ON passages (source_id);
CREATE INDEX notes_fact ON notes (fact_id);
CREATE INDEX aliases_entity ON aliases (entity_id);
"""
)

_TABLES = {
    "facts": ("One row per fact: its claim, kind, date and the fields of its kind.", "claim"),
    "sources": ("The documents facts rest on.", "title"),
    "passages": ("Each citation: the verbatim passage of a source a fact rests on.", "passage"),
    "notes": ("Curator notes on facts, with the source that backs each, if any.", "text"),
    "entities": ("People, organizations, places and documents facts are about.", "name"),
    "aliases": ("Other names and spellings of entities.", "name"),
    "attributes": ("Further particulars of entities (nationality, born …).", "value"),
    "fact_entities": ("Which entities each fact names, and as what.", None),
    "tags": ("Topic labels of facts.", "tag"),
    "links": ("Entities a curator linked explicitly as the same (never guessed).", None),
    "packs": ("The fact packs exported, in load order.", "name"),
    "tq_export": ("About this export.", None),
}
_BUILTIN_LICENCE = (
    "The built-in pack is distributed with tq under the MIT licence; quoted passages remain "
    "their publishers' and are quoted for reference."
)


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote."""

    database: Path
    metadata: Path
    counts: dict[str, int]
    """Rows per table."""


def export_sqlite(catalog: Catalog, database: Path, metadata: Path | None = None) -> ExportReport:
    """Write the catalog to database and Datasette metadata beside it (metadata.json unless
    named): both or neither, each replaced whole and atomically. BadRequest rather than
    overwrite a file tq did not write, or open one that is not a regular file. A symbolic link
    is followed: the file it points to is replaced, the link kept (as tq import --out does)."""
    if str(database) == "-":
        raise BadRequest("a SQLite database is a file: give its name, not - (standard output)")
    metadata = metadata or database.parent / "metadata.json"
    for path in (database, metadata):
        if not path.parent.is_dir():
            raise BadRequest(f"cannot write {path}: the directory {path.parent} does not exist")
    if os.path.realpath(database) == os.path.realpath(metadata):
        raise BadRequest(f"--metadata {metadata} is FILE.db itself: give the metadata another name")
    _refuse_foreign(database, metadata)
    text = json.dumps(_metadata(catalog, database.stem), indent=2, ensure_ascii=False) + "\n"
    with contextlib.ExitStack() as cleanup:
        temporary = _temporary(cleanup, database, ".db")
        temporary_metadata = _temporary(cleanup, metadata, ".json")
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(_SCHEMA)
            with connection:
                _fill(connection, catalog)
            counts = {
                table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in _TABLES
            }
        finally:
            connection.close()
        _written(metadata, lambda: temporary_metadata.write_text(text, encoding="utf-8"))
        _give_mode(temporary, database)
        _give_mode(temporary_metadata, metadata)
        # Both files are complete before either is put in place: nothing can fail between the
        # two renames but the disk itself.
        _written(database, lambda: os.replace(temporary, os.path.realpath(database)))
        _written(metadata, lambda: os.replace(temporary_metadata, os.path.realpath(metadata)))
    return ExportReport(database, metadata, counts)


def _temporary(cleanup: contextlib.ExitStack, beside: Path, suffix: str) -> Path:
    """A new empty file in the folder of the file beside will replace (the folder of the file
    a link points to), removed at the end unless it was put in place."""
    folder = os.path.dirname(os.path.realpath(beside))
    handle, name = _written(
        beside, lambda: tempfile.mkstemp(prefix=".tq-export-", suffix=suffix, dir=folder)
    )
    os.close(handle)
    cleanup.callback(_unlink, name)
    return Path(name)


def _unlink(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


_Result = TypeVar("_Result")


def _written(path: Path, write: Callable[[], _Result]) -> _Result:
    """write(), an OSError from it naming path (the file the user named), not a temporary one."""
    try:
        return write()
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None


def _give_mode(temporary: Path, target: Path) -> None:
    """mkstemp makes the file private (0600): give it the mode of the file it replaces, or the
    one any new file gets under the umask (0644 under 022), so that Datasette run as another
    user can read it."""
    if target.exists():
        shutil.copymode(target, temporary)
        return
    umask = os.umask(0o022)
    os.umask(umask)
    temporary.chmod(0o666 & ~umask)


def _refuse_foreign(database: Path, metadata: Path) -> None:
    """BadRequest unless each file is absent or one tq wrote: never opened if it is not a
    regular file (a pipe would wait for a writer for ever), never read beyond a small size."""
    from tqcli.userfiles import Unreadable, UnreadableFile, read_bytes

    if database.exists() and not database.is_file():
        raise BadRequest(
            f"{database} exists and is not a regular file: choose another name for FILE.db"
        )
    if database.exists():
        try:
            connection = sqlite3.connect(database.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                connection.execute("SELECT value FROM tq_export").fetchall()
            finally:
                connection.close()
        except sqlite3.Error:
            raise BadRequest(
                f"{database} exists and is not a tq export: remove it or choose another name"
            ) from None
    try:
        raw = read_bytes(metadata, limit=MAX_METADATA_BYTES)
    except UnreadableFile as error:
        if error.reason is Unreadable.MISSING:
            return
        if error.reason is Unreadable.OS_ERROR:
            raise BadRequest(str(error)) from None
        raise BadRequest(
            f"{metadata} exists and is not a metadata file tq wrote: choose --metadata PATH"
        ) from None
    try:
        ours = json.loads(raw.decode("utf-8")).get("about") == MARKER
    except (ValueError, AttributeError):
        ours = False
    if not ours:
        raise BadRequest(
            f"{metadata} exists and tq did not write it: remove it or choose --metadata PATH"
        )


def _fill(connection: sqlite3.Connection, catalog: Catalog) -> None:
    insert = connection.executemany
    insert(
        "INSERT INTO tq_export VALUES (?, ?)",
        [("about", MARKER), ("packs", ", ".join(pack.name for pack in catalog.packs))],
    )
    insert(
        "INSERT INTO packs VALUES (?, ?, ?, ?)",
        [(p.name, n, p.origin, str(p.path)) for n, p in enumerate(catalog.packs)],
    )
    insert(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                s.id,
                s.title,
                s.publisher,
                s.kind.value,
                s.series,
                s.author,
                _iso(s.published),
                s.url,
                s.via,
                s.licence,
                _iso(s.accessed),
                int(s.archive is not None),
                "\n".join(s.notes),
                s.pack,
                s.file_name,
            )
            for s in catalog.sources.values()
        ],
    )
    entities = list(catalog.entities.values())
    insert(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
        [(e.id, e.name, e.kind.value, e.description, e.pack) for e in entities],
    )
    insert(
        "INSERT INTO aliases (entity_id, name, quality, note) VALUES (?, ?, ?, ?)",
        [(e.id, a.name, a.quality, a.note) for e in entities for a in e.aliases],
    )
    insert(
        "INSERT INTO attributes (entity_id, name, value) VALUES (?, ?, ?)",
        [(e.id, n, v) for e in entities for n, values in e.attributes.items() for v in values],
    )
    insert(
        "INSERT OR IGNORE INTO links VALUES (?, ?)",
        [(e.id, same) for e in entities for same in e.same_as],
    )
    details = FactData(catalog)
    insert("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _fact_rows(catalog, details))
    insert(
        "INSERT OR IGNORE INTO fact_entities VALUES (?, ?, ?)",
        [(f.id, entity, role) for f in catalog.facts for role, entity in f.entity_references()],
    )
    insert(
        "INSERT OR IGNORE INTO tags VALUES (?, ?)",
        [(f.id, tag) for f in catalog.facts for tag in f.tags],
    )
    insert(
        "INSERT INTO passages (fact_id, source_id, passage, locator) VALUES (?, ?, ?, ?)",
        [(f.id, c.source, c.passage, c.locator) for f in catalog.facts for c in f.citations],
    )
    insert(
        "INSERT INTO notes (fact_id, text, source_id, passage, locator) VALUES (?, ?, ?, ?, ?)",
        [
            (
                f.id,
                n.text,
                n.citation.source if n.citation else None,
                n.citation.passage if n.citation else None,
                n.citation.locator if n.citation else None,
            )
            for f in catalog.facts
            for n in f.notes
        ],
    )


def _fact_rows(catalog: Catalog, details: FactData) -> Iterator[tuple[object, ...]]:
    from tqcli.model import Hit

    for fact in catalog.facts:
        yield (
            fact.id,
            fact.kind.value,
            fact.claim,
            _iso(fact.date),
            fact.hedge,
            fact.asserted_by,
            compact(_plain_details(details(Hit(fact, None))["details"])).decode(),
            fact.pack,
            _relative(fact, catalog),
            fact.where.line,
        )


def _plain_details(details: dict[str, object]) -> dict[str, object]:
    """A fact's details with entity references as their ids (the tables hold the rest)."""

    def plain(value: object) -> object:
        if isinstance(value, dict) and set(value) == {"id", "name", "kind"}:
            return value["id"]
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    return {key: plain(value) for key, value in details.items()}


def _relative(fact: Fact, catalog: Catalog) -> str:
    for pack in catalog.packs:
        if pack.name == fact.pack:
            with contextlib.suppress(ValueError):
                return str(fact.where.path.relative_to(pack.path))
    return fact.where.path.name


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


def _metadata(catalog: Catalog, database: str) -> dict[str, object]:
    """Datasette's metadata: titles, descriptions, label columns, and what is known of the
    packs' licences (a pack declares none; the built-in pack's is tq's)."""
    names = [pack.name for pack in catalog.packs]
    description = (
        f"Sourced facts exported by tq from {len(names)} pack(s): {', '.join(names)}. "
        "Every fact rests on the verbatim passages in the passages table."
    )
    licence = (
        _BUILTIN_LICENCE
        if "builtin" in names
        else "The packs exported declare no licence: ask their curators."
    )
    if "builtin" in names and len(names) > 1:
        licence += " The other packs declare no licence: ask their curators."
    tables: dict[str, object] = {}
    for table, (text, label) in _TABLES.items():
        tables[table] = {"description": text, **({"label_column": label} if label else {})}
    for view in ("figures", "quotes", "sanctions", "agreements", "events"):
        tables[view] = {"description": f"The {view}, with the fields of their kind as columns."}
    return {
        "title": "tq facts",
        "about": MARKER,
        "description": description,
        "license": "MIT (tq and its built-in pack)" if "builtin" in names else "not declared",
        "databases": {database: {"description": f"{description} {licence}", "tables": tables}},
    }
