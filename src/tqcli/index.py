"""The search index: the loaded packs in SQLite with FTS5, answering every query command.

The index is built from validated packs and kept in the user's cache directory, keyed on the
packs' files, so a query after the first pays neither for parsing nor for validating them. With
--no-cache (or no writable cache directory) the same index is built in memory: there is one query
engine, cached or not.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from tqcli import __version__, codec
from tqcli.errors import BadRequest, NotFound
from tqcli.model import (
    Agreement,
    Answers,
    Catalog,
    Entity,
    Event,
    Fact,
    FactKind,
    Figure,
    Filters,
    Hit,
    Pack,
    Quote,
    Sanction,
    SourceUse,
    Stats,
)
from tqcli.textnorm import did_you_mean, fold, token_columns, tokens

if TYPE_CHECKING:
    from tqcli.names import Screening

SCHEMA_VERSION = "8"  # bump whenever what is stored, or how text is folded, changes
CACHE_DIR_VARIABLE = "TQ_CACHE_DIR"
# Relative weights of the searchable columns in BM25 ranking, in column order.
_COLUMNS = ("id", "claim", "tags", "names", "sources", "notes", "details")
_WEIGHTS = (2.0, 1.0, 1.5, 1.0, 0.5, 0.5, 1.0)
_T = TypeVar("_T")

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE packs (seq INTEGER PRIMARY KEY, name TEXT, path TEXT, origin TEXT);
CREATE TABLE sources (id TEXT PRIMARY KEY, data TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE entities (id TEXT PRIMARY KEY, data TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE entity_names (name TEXT NOT NULL, entity_id TEXT NOT NULL);
CREATE TABLE links (entity_id TEXT NOT NULL, same TEXT NOT NULL);
CREATE TABLE facts (
    seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, kind TEXT NOT NULL, pack TEXT NOT NULL,
    first_day TEXT, last_day TEXT, data TEXT NOT NULL, crc INTEGER NOT NULL
);
CREATE TABLE fact_tags (seq INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE TABLE fact_sources (seq INTEGER NOT NULL, source_id TEXT NOT NULL);
CREATE TABLE fact_entities (seq INTEGER NOT NULL, entity_id TEXT NOT NULL);
CREATE TABLE english_words (word TEXT PRIMARY KEY, zipf REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE synonyms (word TEXT NOT NULL, grp INTEGER NOT NULL);
CREATE VIRTUAL TABLE fact_text USING fts5({", ".join(_COLUMNS)}, content='', tokenize='unicode61');
"""
_INDEXES = """
CREATE INDEX entity_names_name ON entity_names (name);
CREATE INDEX links_entity ON links (entity_id);
CREATE INDEX facts_order ON facts (first_day IS NULL, first_day, id);
CREATE INDEX fact_tags_tag ON fact_tags (tag, seq);
CREATE INDEX fact_sources_source ON fact_sources (source_id, seq);
CREATE INDEX fact_entities_entity ON fact_entities (entity_id, seq);
"""


class CorruptIndex(Exception):
    """The cache file is not an index this version of tq wrote for these packs."""


@dataclass(frozen=True)
class CachePolicy:
    """Where the index is kept, if anywhere."""

    directory: Path | None
    """The cache directory, or None to build the index in memory."""

    @classmethod
    def from_environment(
        cls, *, enabled: bool, environ: Mapping[str, str] = os.environ
    ) -> CachePolicy:
        """TQ_CACHE_DIR, else the platform's user cache directory; None when disabled."""
        if not enabled:
            return cls(None)
        if environ.get(CACHE_DIR_VARIABLE):
            return cls(Path(environ[CACHE_DIR_VARIABLE]))
        if sys.platform == "win32" and environ.get("LOCALAPPDATA"):
            return cls(Path(environ["LOCALAPPDATA"]) / "tq" / "cache")
        if sys.platform == "darwin":
            return cls(Path.home() / "Library" / "Caches" / "tq")
        base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return cls(Path(base) / "tq")


# --- Opening, and building when needed ---------------------------------------------------------


def answer(
    packs: Sequence[Pack], policy: CachePolicy, ask: Callable[[Index], _T]
) -> tuple[Index, _T]:
    """Ask the index for these packs a question; a damaged cache is rebuilt and asked again.

    Whatever rendering the answer will need from the index is read before returning, so a
    damaged cache shows up here, where it can be rebuilt, and never half-way through output.
    """
    fingerprint = _fingerprint(packs)
    path = policy.directory / f"index-{_key(packs)}.sqlite3" if policy.directory else None
    if path is not None:
        with contextlib.suppress(CorruptIndex, sqlite3.Error, OSError):
            index = Index.open(path, fingerprint)
            result = ask(index)
            index.prefetch(result)
            return index, result
    index = _build(packs, fingerprint, path)
    result = ask(index)
    index.prefetch(result)
    return index, result


def in_memory(packs: Sequence[Pack]) -> Index:
    """An index of these packs built in memory, written nowhere."""
    return _build(packs, _fingerprint(packs), None)


def _key(packs: Sequence[Pack]) -> str:
    """A short name for the index of these packs. Two pack sets sharing one only rebuild more:
    the fingerprint inside tells them apart."""
    described = "\n".join(f"{p.name}\t{p.origin}\t{p.path.resolve()}" for p in packs).encode()
    return f"{zlib.crc32(described):08x}{zlib.adler32(described):08x}"


def _fingerprint(packs: Sequence[Pack]) -> str:
    """Every file of every pack, by path, size, times and inode: any edit changes it.

    Kept whole (not hashed) in the index, so no two different states can ever compare equal.
    """
    lines = [f"{SCHEMA_VERSION}\t{__version__}"]
    for pack in packs:
        lines.append(f"pack\t{pack.name}\t{pack.origin}\t{pack.path.resolve()}")
        for folder, subfolders, files in os.walk(pack.path):
            subfolders.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    st = os.stat(path)
                    lines.append(
                        f"{path}\t{st.st_size}\t{st.st_mtime_ns}\t{st.st_ctime_ns}\t{st.st_ino}"
                    )
    return "\n".join(lines)


def _build(packs: Sequence[Pack], fingerprint: str, path: Path | None) -> Index:
    """Load and validate the packs, then write the index to path (atomically), or to memory."""
    from tqcli.loader import open_catalog  # only a build parses and validates the packs
    from tqcli.progress import BuildProgress

    with BuildProgress(sys.stderr) as progress, _no_garbage_collection():
        catalog = open_catalog(packs, progress.stage)
        if path is not None:
            try:
                return _write(catalog, fingerprint, path, progress.stage)
            except (OSError, sqlite3.Error) as error:
                reason = getattr(error, "strerror", None) or str(error)
                sys.stderr.write(
                    f"tq: cannot keep the index in {path.parent} ({reason}); "
                    "answering without a cache\n"
                )
        connection = sqlite3.connect(":memory:")
        _fill(connection, catalog, fingerprint, progress.stage)
        return Index(connection)


def _write(catalog: Catalog, fingerprint: str, path: Path, stage: Callable[[str], None]) -> Index:
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, catalog, fingerprint, stage)
        finally:
            connection.close()
        os.replace(temporary, path)  # atomic: a racing reader sees the old file or this one
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return Index.open(path, fingerprint)


@contextlib.contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """Building allocates millions of objects and frees none: cyclic collection would rescan
    them all again and again (measured: about a tenth of a large build)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fill(
    connection: sqlite3.Connection, catalog: Catalog, fingerprint: str, stage: Callable[[str], None]
) -> None:
    connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
    with connection:
        connection.executemany(
            "INSERT INTO packs VALUES (?, ?, ?, ?)",
            ((n, p.name, str(p.path), p.origin) for n, p in enumerate(catalog.packs)),
        )
        connection.executemany(
            "INSERT INTO sources VALUES (?, ?, ?)",
            ((s.id, *_sealed(codec.encode_source(s))) for s in catalog.sources.values()),
        )
        connection.executemany(
            "INSERT INTO entities VALUES (?, ?, ?)",
            ((e.id, *_sealed(codec.encode_entity(e))) for e in catalog.entities.values()),
        )
        connection.executemany(
            "INSERT INTO entity_names VALUES (?, ?)",
            (
                (_name_key(name), entity.id)
                for entity in catalog.entities.values()
                for name in {entity.id, *entity.names}
            ),
        )
        connection.executemany(
            "INSERT INTO links VALUES (?, ?)",
            ((node, same) for node, members in catalog.links.items() for same in members),
        )
        searchable = _Searchable(catalog)
        for start in range(0, len(catalog.facts), _FACTS_PER_CHUNK):
            # In chunks, so that only one chunk's rows are ever held in memory at once.
            seqs = range(start, min(start + _FACTS_PER_CHUNK, len(catalog.facts)))
            stage(f"writing {start:,} of {len(catalog.facts):,} facts")
            rows = _FactRows(catalog, seqs, searchable)
            connection.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.facts)
            connection.executemany("INSERT INTO fact_tags VALUES (?, ?)", rows.tags)
            connection.executemany("INSERT INTO fact_sources VALUES (?, ?)", rows.sources)
            connection.executemany("INSERT INTO fact_entities VALUES (?, ?)", rows.entities)
            connection.executemany(
                f"INSERT INTO fact_text (rowid, {', '.join(_COLUMNS)}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows.text,
            )
        stage("writing the index")
        from tqcli import names  # only a build writes the name keys

        names.fill(connection, catalog)
        connection.executescript(_INDEXES)
        from tqcli.wordweights import common_words  # for tq ask, read once here, not per question

        connection.executemany("INSERT INTO english_words VALUES (?, ?)", common_words())
        connection.executemany(
            "INSERT INTO synonyms VALUES (?, ?)",
            (
                (word, group)
                for group, synonyms in enumerate(catalog.synonyms)
                for word in dict.fromkeys(tokens(" ".join(synonyms.words)))
            ),
        )
        connection.execute("CREATE INDEX synonyms_word ON synonyms (word)")
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            (("schema", SCHEMA_VERSION), ("fingerprint", fingerprint)),
        )


_FACTS_PER_CHUNK = 4096


class _FactRows:
    """The rows of every fact-keyed table for some facts, made in one pass over them (a fact's
    entities and sources are worked out once, for every table that needs them)."""

    def __init__(self, catalog: Catalog, seqs: range, searchable: _Searchable) -> None:
        self.facts: list[tuple[object, ...]] = []
        self.tags: list[tuple[int, str]] = []
        self.sources: list[tuple[int, str]] = []
        self.entities: list[tuple[int, str]] = []
        self.text: list[tuple[object, ...]] = []
        for seq in seqs:
            fact = catalog.facts[seq]
            entities = fact.entities()
            sources = list(dict.fromkeys(citation.source for citation in fact.citations))
            self.facts.append(
                (
                    seq,
                    fact.id,
                    fact.kind.value,
                    fact.pack,
                    *_days(fact),
                    *_sealed(codec.encode_fact(fact)),
                )
            )
            self.tags.extend((seq, fold(tag)) for tag in dict.fromkeys(fact.tags))
            self.sources.extend((seq, source) for source in sources)
            self.entities.extend((seq, entity) for entity in entities)
            self.text.append((seq, *searchable.columns(fact, entities, sources)))


_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _sealed(data: object) -> tuple[str, int]:
    """Data as JSON text with its CRC-32, so damage inside a row is detected when it is read."""
    text = _ENCODER.encode(data)
    return text, zlib.crc32(text.encode("utf-8"))


def _name_key(name: str) -> str:
    return fold(name).replace("-", " ").strip()


def _days(fact: Fact) -> tuple[str | None, str | None]:
    """The first and last day a fact could be about (an event's span included)."""
    if fact.date is None:
        return None, None
    details = fact.details
    end = details.end if isinstance(details, Event) and details.end else fact.date
    return fact.date.first_day.isoformat(), end.last_day.isoformat()


class _Searchable:
    """The text each fact is found by, per column, folded like queries are.

    Entity names and source titles recur across many facts: each is folded once.
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._entity_words: dict[str, str] = {}
        self._source_words: dict[str, str] = {}

    def _entity(self, entity_id: str) -> str:
        if entity_id not in self._entity_words:
            entity = self._catalog.entities.get(entity_id)
            # Each word once: an entity with many aliases must not outweigh one with a few.
            words = dict.fromkeys(tokens(" ".join(entity.names))) if entity else {}
            self._entity_words[entity_id] = " ".join(words)
        return self._entity_words[entity_id]

    def _source(self, source_id: str) -> str:
        if source_id not in self._source_words:
            source = self._catalog.sources.get(source_id)
            text = f"{source.title} {source.publisher}" if source else ""
            self._source_words[source_id] = " ".join(tokens(text))
        return self._source_words[source_id]

    def columns(
        self, fact: Fact, entities: Sequence[str], sources: Sequence[str]
    ) -> tuple[str, ...]:
        """The fact's searchable text per column; entities and sources are the ids it names."""
        details = [*_detail_texts(fact), str(fact.date.year) if fact.date else ""]
        own = token_columns(
            (
                fact.id.replace("-", " "),
                fact.claim,
                " ".join(fact.tags),
                " ".join(note.text for note in fact.notes),
                " ".join(details),
            )
        )
        names = " ".join(map(self._entity, entities))
        titles = " ".join(map(self._source, sources))
        return (own[0], own[1], own[2], names, titles, own[3], own[4])


class SearchableWords:
    """Every folded word each fact is found by, in any column, for scoring candidates."""

    def __init__(self, catalog: Catalog) -> None:
        self._searchable = _Searchable(catalog)

    def __call__(self, fact: Fact) -> frozenset[str]:
        sources = list(dict.fromkeys(citation.source for citation in fact.citations))
        columns = self._searchable.columns(fact, fact.entities(), sources)
        return frozenset(" ".join(columns).split())


def _detail_texts(fact: Fact) -> Iterator[str]:
    details = fact.details
    if isinstance(details, Figure):
        for number in (details.value, details.min, details.max):
            if number is not None:
                yield str(int(number)) if float(number).is_integer() else str(number)
        yield from (details.unit, details.qualifier or "")
    elif isinstance(details, Quote):
        yield from (details.text, details.speaker_role or "", details.medium or "")
    elif isinstance(details, Sanction):
        yield from (
            details.authority,
            details.instrument,
            details.committee or "",
            *details.measures,
        )
        yield from (details.list_name or "", details.reference or "", details.remarks or "")
    elif isinstance(details, Agreement):
        yield from (details.name, details.place or "", *details.commitments)
    else:
        yield details.place or ""


# --- Querying -----------------------------------------------------------------------------------


class _LazyRows(Mapping[str, _T]):
    """A read-only mapping over one table of id and data, decoding rows as they are asked for."""

    def __init__(
        self, connection: sqlite3.Connection, table: str, decode: Callable[[Any], _T]
    ) -> None:
        self._connection = connection
        self._table = table
        self._decode = decode
        self._cache: dict[str, _T] = {}

    def __getitem__(self, key: str) -> _T:
        if key not in self._cache:
            row = self._connection.execute(
                f"SELECT data, crc FROM {self._table} WHERE id = ?", (key,)
            ).fetchone()
            if row is None:
                raise KeyError(key)
            self._cache[key] = _decoded(self._decode, row[0], row[1])
        return self._cache[key]

    def __iter__(self) -> Iterator[str]:
        return (
            row[0]
            for row in self._connection.execute(f"SELECT id FROM {self._table} ORDER BY rowid")
        )

    def __len__(self) -> int:
        return int(self._connection.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0])


def _decoded(decode: Callable[[Any], _T], text: object, crc: object) -> _T:
    try:
        return decode(json.loads(_checked(text, crc)))
    except (ValueError, KeyError, TypeError) as error:
        raise CorruptIndex(f"undecodable row: {error}") from error


def _checked(text: object, crc: object) -> str:
    """The text of a row, if it matches its checksum."""
    if not isinstance(text, str) or zlib.crc32(text.encode("utf-8")) != crc:
        raise CorruptIndex("a row does not match its checksum")
    return text


def _check_rows(connection: sqlite3.Connection, sql: str, parameters: Sequence[object] = ()) -> int:
    """Check the (data, crc) rows sql selects against their checksums; how many there were."""
    count = 0
    for text, crc in connection.execute(sql, parameters):
        _checked(text, crc)
        count += 1
    return count


_BATCH = 500
"""Facts read from the index at a time when a listing is printed (SQLite allows 999 ? marks)."""


class _LazyHits(Sequence[Hit]):
    """Hits whose facts are read from the index a batch at a time as they are used: a listing
    of every fact never holds them all at once."""

    def __init__(
        self, connection: sqlite3.Connection, found: Sequence[tuple[int, float | None]]
    ) -> None:
        self._connection = connection
        self._found = found
        """(fact seq, score) of each hit, in order."""
        self._batches: dict[int, list[Hit]] = {}

    def __len__(self) -> int:
        return len(self._found)

    @overload
    def __getitem__(self, position: int) -> Hit: ...

    @overload
    def __getitem__(self, position: slice) -> Sequence[Hit]: ...

    def __getitem__(self, position: int | slice) -> Hit | Sequence[Hit]:
        if isinstance(position, slice):
            return [self[n] for n in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        return self._batch(position // _BATCH)[position % _BATCH]

    def __iter__(self) -> Iterator[Hit]:
        for number in range((len(self) + _BATCH - 1) // _BATCH):
            yield from self._batch(number)
            self._batches.pop(number, None)  # printed: let it go

    def _batch(self, number: int) -> list[Hit]:
        if number not in self._batches:
            part = self._found[number * _BATCH : (number + 1) * _BATCH]
            placeholders = ", ".join("?" * len(part))
            rows = {
                seq: (data, crc)
                for seq, data, crc in self._connection.execute(
                    f"SELECT seq, data, crc FROM facts WHERE seq IN ({placeholders})",
                    [seq for seq, _ in part],
                )
            }
            self._batches[number] = [
                Hit(_decoded(codec.decode_fact, *rows.get(seq, (None, None))), score)
                for seq, score in part
            ]
        return self._batches[number]

    def check(self) -> None:
        """Check every hit's row against its checksum, without decoding it."""
        for start in range(0, len(self), _BATCH):
            part = list({seq for seq, _ in self._found[start : start + _BATCH]})
            placeholders = ", ".join("?" * len(part))
            sql = f"SELECT data, crc FROM facts WHERE seq IN ({placeholders})"
            if _check_rows(self._connection, sql, part) != len(part):
                raise CorruptIndex("a fact row is missing")


class Index:
    """Queries over one index database."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        packs = tuple(
            Pack(name, Path(path), origin)
            for name, path, origin in connection.execute(
                "SELECT name, path, origin FROM packs ORDER BY seq"
            )
        )
        links: dict[str, set[str]] = {}
        for node, same in connection.execute("SELECT entity_id, same FROM links"):
            links.setdefault(node, set()).add(same)
        self.catalog = Catalog(
            packs=packs,
            facts=(),
            sources=_LazyRows(connection, "sources", codec.decode_source),
            entities=_LazyRows(connection, "entities", codec.decode_entity),
            links={node: frozenset(members) for node, members in links.items()},
        )

    @classmethod
    def open(cls, path: Path, fingerprint: str) -> Index:
        """The index at path, if it is one this tq wrote for packs with this fingerprint."""
        if not path.is_file():
            raise CorruptIndex("no index yet")
        # A proper file: URI, so that a cache path with spaces, "?" or "#" still opens read-only.
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("schema") != SCHEMA_VERSION or meta.get("fingerprint") != fingerprint:
                raise CorruptIndex("the packs changed since the index was built")
            return cls(connection)
        except BaseException:
            connection.close()
            raise

    def prefetch(self, result: object) -> None:
        """Check now every row that rendering result will read, so that damage is found before
        any output (and the index rebuilt), never half-way through it.

        The first batch of hits is read whole, with every source and entity it names. Beyond it
        (a long listing), each row's checksum is checked, and facts are read as they are
        printed, a batch at a time.
        """
        hits = result.hits if isinstance(result, Answers) else result
        if not isinstance(hits, Sequence):
            return
        if isinstance(hits, _LazyHits) and len(hits) > _BATCH:
            hits.check()
            for table in ("sources", "entities"):
                _check_rows(self._connection, f"SELECT data, crc FROM {table}")
        for hit in hits[:_BATCH]:
            if not isinstance(hit, Hit):  # sources with their counts, say
                continue
            fact = hit.fact
            for citation in (*fact.citations, *(n.citation for n in fact.notes if n.citation)):
                self.catalog.sources.get(citation.source)
            for entity_id in fact.entities():
                for same in self.catalog.same_entities(entity_id):
                    self.catalog.entities.get(same)

    def _where(self, filters: Filters) -> tuple[str, list[object]]:
        clauses: list[str] = []
        parameters: list[object] = []
        if filters.kinds:
            kinds = sorted(kind.value for kind in filters.kinds)
            clauses.append(f"f.kind IN ({', '.join('?' * len(kinds))})")
            parameters.extend(kinds)
        if filters.about:
            same = sorted(self.catalog.same_entities(self.find_entity(filters.about).id))
            clauses.append(
                "f.seq IN (SELECT seq FROM fact_entities WHERE entity_id IN "
                f"({', '.join('?' * len(same))}))"
            )
            parameters.extend(same)
        if filters.tag:
            clauses.append("f.seq IN (SELECT seq FROM fact_tags WHERE tag = ?)")
            parameters.append(fold(filters.tag))
        if filters.source is not None:
            if filters.source not in self.catalog.sources:
                hint = did_you_mean(filters.source, list(self.catalog.sources))
                raise BadRequest(
                    f"--source: no source with id {filters.source!r}{hint}; see 'tq sources'"
                )
            clauses.append("f.seq IN (SELECT seq FROM fact_sources WHERE source_id = ?)")
            parameters.append(filters.source)
        if filters.since is not None:
            clauses.append("f.last_day >= ?")
            parameters.append(filters.since.first_day.isoformat())
        if filters.until is not None:
            clauses.append("f.first_day <= ?")
            parameters.append(filters.until.last_day.isoformat())
        return " AND ".join(clauses) or "1", parameters

    def search(
        self, terms: Sequence[str], filters: Filters, limit: int = 20, *, require_all: bool = False
    ) -> Sequence[Hit]:
        """Facts passing the filters ranked by BM25 relevance to terms, in the search query
        syntax (tqcli.searchquery); at most limit (0: all). A fact id or a listing reference
        alone finds just that."""
        from tqcli import searchquery  # only search reads the syntax: the rest skip its import

        match = searchquery.parse(terms, require_all=require_all).match()
        exact = self._exact(" ".join(terms).strip(), filters)
        if exact:
            return _LazyHits(self._connection, [(seq, None) for seq in exact])
        return self._matching(match, filters, limit)

    def _exact(self, text: str, filters: Filters) -> list[int]:
        """The facts whose id or listing reference ("TAi.024") is text: the only answer a
        search for one needs."""
        seqs = [
            int(row[0])
            for row in self._connection.execute(
                "SELECT DISTINCT seq FROM fact_references WHERE key = ? ORDER BY seq",
                (fold(text).strip(),),  # the table tqcli.names fills; not imported for a search
            )
        ]
        row = self._connection.execute("SELECT seq FROM facts WHERE id = ?", (text,)).fetchone()
        if row is not None and row[0] not in seqs:
            seqs.insert(0, int(row[0]))
        if not seqs:
            return []
        where, parameters = self._where(filters)
        marks = ", ".join("?" * len(seqs))
        kept = self._connection.execute(
            f"SELECT f.seq FROM facts f WHERE f.seq IN ({marks}) AND {where} "
            "ORDER BY f.first_day IS NULL, f.first_day, f.id",  # a listing before what cites it
            [*seqs, *parameters],
        )
        return [int(seq) for (seq,) in kept]

    def screen(self, query: str, threshold: float, limit: int = 5) -> Screening:
        """The persons and organisations a name may be, best first, scored and explained."""
        from tqcli.names import Screener

        if getattr(self, "_screener", None) is None:
            self._screener = Screener(self._connection)  # kept: a batch screens many names
        return self._screener.screen(query, threshold, limit)

    def entity_listings(self, entity_id: str) -> tuple[str, ...]:
        """The reference numbers of the listings naming an entity ("TAi.024")."""
        from tqcli.names import listings

        return listings(self._connection, entity_id)

    def listed_entities(self, reference: str) -> list[str]:
        """The ids of the entities a listing reference ("TAi.024") names, earliest first."""
        from tqcli.names import listed_entities

        return listed_entities(self._connection, reference)

    def entity_uses(self) -> list[tuple[str, int]]:
        """Every entity id, in load order, with how many facts name it."""
        rows = self._connection.execute(
            "SELECT e.id, (SELECT count(*) FROM fact_entities fe WHERE fe.entity_id = e.id) "
            "FROM entities e ORDER BY e.rowid"
        )
        return [(str(entity_id), int(count)) for entity_id, count in rows]

    def tag_uses(self) -> list[tuple[str, int]]:
        """Every tag (folded) with how many facts carry it, most used first."""
        rows = self._connection.execute(
            "SELECT tag, count(*) AS n FROM fact_tags GROUP BY tag ORDER BY n DESC, tag"
        )
        return [(str(tag), int(count)) for tag, count in rows]

    def ranked(self, words: Sequence[str], filters: Filters, limit: int) -> Sequence[Hit]:
        """Facts matching any of these folded words, best BM25 score first; limit 0 for all."""
        return self._matching(" OR ".join(f'"{word}"' for word in words), filters, limit)

    def _matching(self, match: str, filters: Filters, limit: int) -> Sequence[Hit]:
        where, parameters = self._where(filters)
        weights = ", ".join(map(str, _WEIGHTS))
        sql = (
            f"SELECT f.seq, bm25(fact_text, {weights}) AS rank FROM fact_text "
            f"JOIN facts f ON f.seq = fact_text.rowid WHERE fact_text MATCH ? AND {where} "
            "ORDER BY rank, f.first_day IS NULL, f.first_day, f.id"
            + (" LIMIT ?" if limit > 0 else "")
        )
        found = self._connection.execute(sql, [match, *parameters, *([limit] if limit > 0 else [])])
        return _LazyHits(self._connection, [(seq, -(rank or 0.0)) for seq, rank in found])

    def _vocabulary(self) -> None:
        if not getattr(self, "_has_vocabulary", False):
            self._connection.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.words "
                "USING fts5vocab(main, fact_text, row)"
            )
            self._has_vocabulary = True

    def frequency(self, word: str) -> int:
        """How many facts a folded word occurs in."""
        self._vocabulary()
        row = self._connection.execute(
            "SELECT doc FROM temp.words WHERE term = ?", (word,)
        ).fetchone()
        return int(row[0]) if row else 0

    def english_zipf(self, words: Sequence[str]) -> dict[str, float]:
        """The general-English Zipf frequency of those words common enough to be kept (see
        tqcli.wordweights); the others are rarer."""
        wanted = list(dict.fromkeys(words))[:500]
        sql = f"SELECT word, zipf FROM english_words WHERE word IN ({', '.join('?' * len(wanted))})"
        return {str(word): float(zipf) for word, zipf in self._connection.execute(sql, wanted)}

    def synonyms(self, words: Sequence[str]) -> dict[str, frozenset[str]]:
        """For each of these folded, stemmed words that the packs' thesaurus knows, every word
        of every synonym group it is in (itself included)."""
        wanted = list(dict.fromkeys(words))[:500]
        sql = (
            "SELECT a.word, b.word FROM synonyms a JOIN synonyms b ON a.grp = b.grp "
            f"WHERE a.word IN ({', '.join('?' * len(wanted))})"
        )
        found: dict[str, set[str]] = {}
        for word, synonym in self._connection.execute(sql, wanted):
            found.setdefault(str(word), set()).add(str(synonym))
        return {word: frozenset(group) for word, group in found.items()}

    def entity_names(self, entity_ids: Sequence[str]) -> dict[str, list[str]]:
        """Each entity's id, name and aliases, folded (as --about matches them), without
        decoding the entities."""
        wanted = list(dict.fromkeys(entity_ids))[:500]
        sql = (
            "SELECT entity_id, name FROM entity_names "
            f"WHERE entity_id IN ({', '.join('?' * len(wanted))})"
        )
        names: dict[str, list[str]] = {}
        for entity_id, name in self._connection.execute(sql, wanted):
            names.setdefault(str(entity_id), []).append(str(name))
        return names

    def words_like(self, word: str) -> list[tuple[str, int]]:
        """Indexed words that could be word misspelt: same first letter, similar length."""
        self._vocabulary()
        rows = self._connection.execute(
            "SELECT term, doc FROM temp.words WHERE term >= ? AND term < ? "
            "AND length(term) BETWEEN ? AND ?",
            (word[0], word[0] + "\uffff", len(word) - 2, len(word) + 2),
        ).fetchall()
        return [(str(term), int(doc)) for term, doc in rows]

    def facts_count(self) -> int:
        """How many facts are indexed."""
        return int(self._connection.execute("SELECT count(*) FROM facts").fetchone()[0])

    def top_tags(self, count: int) -> list[str]:
        """The most used tags, most used first."""
        rows = self._connection.execute(
            "SELECT tag FROM fact_tags GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ?", (count,)
        )
        return [str(row[0]) for row in rows]

    def browse(self, filters: Filters, limit: int = 0) -> Sequence[Hit]:
        """Facts passing the filters in date order, undated last; at most limit (0: all)."""
        where, parameters = self._where(filters)
        sql = (
            f"SELECT f.seq, NULL FROM facts f WHERE {where} "
            "ORDER BY f.first_day IS NULL, f.first_day, f.id" + (" LIMIT ?" if limit > 0 else "")
        )
        found = self._connection.execute(sql, [*parameters, *([limit] if limit > 0 else [])])
        return _LazyHits(self._connection, found.fetchall())

    def show(self, ids: Sequence[str]) -> Sequence[Hit]:
        """The facts with these ids, in the order asked; NotFound naming every unknown id."""
        wanted = list(dict.fromkeys(ids))
        sql = f"SELECT id, seq FROM facts WHERE id IN ({', '.join('?' * len(wanted))})"
        seqs = dict(self._connection.execute(sql, wanted).fetchall())
        missing = [fact_id for fact_id in wanted if fact_id not in seqs]
        if missing:
            raise NotFound("; ".join(self._unknown_id(fact_id) for fact_id in missing))
        return _LazyHits(self._connection, [(seqs[fact_id], None) for fact_id in wanted])

    def _unknown_id(self, fact_id: str) -> str:
        if fact_id in self.catalog.entities:
            return f"{fact_id!r} is an entity, not a fact: try 'tq list --about {fact_id}'"
        if fact_id in self.catalog.sources:
            return f"{fact_id!r} is a source, not a fact: try 'tq list --source {fact_id}'"
        near = [
            row[0]
            for row in self._connection.execute(
                "SELECT id FROM facts WHERE id LIKE ? LIMIT 1000", (fact_id[:3] + "%",)
            )
        ]
        return f"no fact with id {fact_id!r}{did_you_mean(fact_id, near)}"

    def find_entity(self, name: str) -> Entity:
        """The entity named by id, name or alias (folded); BadRequest with a hint if none."""
        if name in self.catalog.entities:
            return self.catalog.entities[name]
        row = self._connection.execute(
            "SELECT entity_id FROM entity_names WHERE name = ? LIMIT 1", (_name_key(name),)
        ).fetchone()
        if row is not None:
            return self.catalog.entities[row[0]]
        names: list[str] = [
            row[0] for row in self._connection.execute("SELECT name FROM entity_names")
        ]
        raise BadRequest(
            f"--about: no entity {name!r} in the loaded packs{did_you_mean(_name_key(name), names)}"
        )

    def source_uses(self) -> list[SourceUse]:
        """Every source with how many facts cite it, most cited first."""
        rows = self._connection.execute(
            "SELECT s.data, s.crc, "
            "(SELECT count(*) FROM fact_sources fs WHERE fs.source_id = s.id) AS n "
            "FROM sources s ORDER BY n DESC, s.id"
        ).fetchall()
        return [SourceUse(_decoded(codec.decode_source, data, crc), n) for data, crc, n in rows]

    def stats(self) -> Stats:
        """Counts of facts by kind, pack and source."""
        count = self._connection.execute
        by_kind = dict(count("SELECT kind, count(*) FROM facts GROUP BY kind").fetchall())
        by_pack = dict(count("SELECT pack, count(*) FROM facts GROUP BY pack").fetchall())
        return Stats(
            facts=int(count("SELECT count(*) FROM facts").fetchone()[0]),
            sources=len(self.catalog.sources),
            entities=len(self.catalog.entities),
            by_kind={kind.value: int(by_kind.get(kind.value, 0)) for kind in FactKind},
            by_pack={pack.name: int(by_pack.get(pack.name, 0)) for pack in self.catalog.packs},
            by_source={use.source.id: use.facts for use in self.source_uses()},
        )
