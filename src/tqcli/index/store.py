"""The stored rows of an index: its SQLite schema, rows sealed with checksums, lazy readers."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar, overload

from tqcli import codec
from tqcli.model import Entity, Fact, Hit, Source

SCHEMA_VERSION = "28"  # bump whenever what is stored, or how text is folded, changes
COLUMNS = ("id", "claim", "tags", "names", "sources", "notes", "details")
"""The searchable columns of fact_text, in order."""
_T = TypeVar("_T")

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE packs (seq INTEGER PRIMARY KEY, name TEXT, path TEXT, origin TEXT);
CREATE TABLE files (path TEXT PRIMARY KEY, state TEXT NOT NULL, facts_only INTEGER NOT NULL);
CREATE TABLE sources (id TEXT PRIMARY KEY, data BLOB NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE entities (id TEXT PRIMARY KEY, data BLOB NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE entity_names (name TEXT NOT NULL, entity_id TEXT NOT NULL, words TEXT NOT NULL);
CREATE TABLE links (entity_id TEXT NOT NULL, same TEXT NOT NULL);
CREATE TABLE facts (
    seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, kind TEXT NOT NULL, pack TEXT NOT NULL,
    file TEXT NOT NULL, first_day TEXT, last_day TEXT, data BLOB NOT NULL, crc INTEGER NOT NULL,
    standing TEXT
);
CREATE TABLE fact_tags (seq INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE TABLE fact_sources (seq INTEGER NOT NULL, source_id TEXT NOT NULL);
CREATE TABLE fact_entities (seq INTEGER NOT NULL, entity_id TEXT NOT NULL);
CREATE TABLE english_words (word TEXT PRIMARY KEY, zipf REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE synonyms (word TEXT NOT NULL, grp INTEGER NOT NULL, form TEXT NOT NULL);
CREATE VIRTUAL TABLE fact_text USING fts5({", ".join(COLUMNS)}, content='', tokenize='unicode61');
"""
CATALOG_INDEXES = """
CREATE INDEX entity_names_name ON entity_names (name);
CREATE INDEX entity_names_entity ON entity_names (entity_id);
CREATE INDEX links_entity ON links (entity_id);
CREATE INDEX synonyms_word ON synonyms (word);
"""
"""Indexes of the tables a build fills before the facts' (made then, not at the end)."""
FACT_INDEXES = """
CREATE INDEX facts_order ON facts (first_day IS NULL, first_day, id);
CREATE INDEX facts_file ON facts (file);
CREATE INDEX fact_tags_tag ON fact_tags (tag, seq);
CREATE INDEX fact_sources_source ON fact_sources (source_id, seq);
CREATE INDEX fact_entities_entity ON fact_entities (entity_id, seq);
"""
"""Indexes of the facts' tables, made once their rows are written (faster than row by row)."""


class CorruptIndex(Exception):
    """The cache file is not an index this version of tq wrote for these packs."""


def sealed(record: Fact | Source | Entity) -> tuple[bytes, int]:
    """A record as JSON with its CRC-32, so damage inside a row is detected when it is read."""
    data = codec.encode(record)
    return data, zlib.crc32(data)


def sealed_each(facts: Sequence[Fact]) -> tuple[list[bytes], list[int]]:
    """sealed() of each fact: their JSON and their CRC-32s, made in a few calls for them all."""
    data = codec.encode_each(facts)
    return data, list(map(zlib.crc32, data))


def decoded(
    decode: Callable[[bytes], _T], data: object, crc: object, *, proven: bool = False
) -> _T:
    """A sealed row's object, if the row matches its checksum (or was found to already: proven)
    and decodes; else CorruptIndex."""
    try:
        return decode(data if proven and isinstance(data, bytes) else _checked(data, crc))
    except ValueError as error:
        raise CorruptIndex(f"undecodable row: {error}") from error


def _checked(data: object, crc: object) -> bytes:
    """The data of a row, if it matches its checksum."""
    if not isinstance(data, bytes) or zlib.crc32(data) != crc:
        raise CorruptIndex("a row does not match its checksum")
    return data


def check_rows(connection: sqlite3.Connection, sql: str, parameters: Sequence[object] = ()) -> int:
    """Check the (data, crc) rows sql selects against their checksums; how many there were."""
    count = 0
    for text, crc in connection.execute(sql, parameters):
        _checked(text, crc)
        count += 1
    return count


class LazyRows(Mapping[str, _T]):
    """A read-only mapping over one table of id and data, decoding rows as they are asked for."""

    def __init__(
        self, connection: sqlite3.Connection, table: str, decode: Callable[[bytes], _T]
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
            self._cache[key] = decoded(self._decode, row[0], row[1])
        return self._cache[key]

    def __iter__(self) -> Iterator[str]:
        return (
            row[0]
            for row in self._connection.execute(f"SELECT id FROM {self._table} ORDER BY rowid")
        )

    def __len__(self) -> int:
        return int(self._connection.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0])


BATCH = 500
"""Facts read from the index at a time when a listing is printed (SQLite allows 999 ? marks)."""


class FactCache(dict[int, Fact]):
    """Facts decoded, by seq, kept for the next query of a run (a batch asks many that find
    the same facts); at most size of them, so a long listing never fills memory. A dict, so
    that looking one up (get) costs no call in Python: a batch looks up every hit."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self._size = size

    def keep(self, seq: int, fact: Fact) -> None:
        """Keep a fact just decoded, while there is room."""
        if len(self) < self._size:
            self[seq] = fact


class LazyHits(Sequence[Hit]):
    """Hits whose facts are read from the index a batch at a time as they are used: a listing
    of every fact never holds them all at once."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        found: Sequence[tuple[int, float | None]],
        known: FactCache | None = None,
    ) -> None:
        self._connection = connection
        self._found = found
        """(fact seq, score) of each hit, in order."""
        self._known = known
        self._batches: dict[int, list[Hit]] = {}
        self._proven = False
        """Whether check() has found every hit's row to match its checksum."""

    def __len__(self) -> int:
        return len(self._found)

    def scores(self) -> list[float | None]:
        """Each hit's score, in order, without reading a fact."""
        return [score for _, score in self._found]

    @overload
    def __getitem__(self, position: int) -> Hit: ...

    @overload
    def __getitem__(self, position: slice) -> Sequence[Hit]: ...

    def __getitem__(self, position: int | slice) -> Hit | Sequence[Hit]:
        if isinstance(position, slice):
            start, stop, step = position.indices(len(self))
            if step == 1 and stop <= BATCH:  # in the first batch: every query's prefetch
                return self._batch(0)[start:stop] if start < stop else []
            if step != 1:
                return [self[n] for n in range(start, stop, step)]
            found: list[Hit] = []  # a batch at a time: every query's prefetch takes a slice
            for number in range(start // BATCH, (stop + BATCH - 1) // BATCH):
                first = number * BATCH
                found += self._batch(number)[max(start - first, 0) : stop - first]
            return found
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        return self._batch(position // BATCH)[position % BATCH]

    def __iter__(self) -> Iterator[Hit]:
        for number in range((len(self) + BATCH - 1) // BATCH):
            yield from self._batch(number)
            self._batches.pop(number, None)  # printed: let it go

    def _batch(self, number: int) -> list[Hit]:
        if number not in self._batches:
            part = self._found[number * BATCH : (number + 1) * BATCH]
            known = self._known
            facts: dict[int, Fact] = {}
            if known is None:  # a single query: nothing kept from an earlier one
                wanted = [seq for seq, _ in part]
            else:
                wanted = []
                for seq, _ in part:
                    cached = known.get(seq)
                    if cached is None:
                        wanted.append(seq)
                    else:
                        facts[seq] = cached
            if wanted:  # in a batch, often every fact is known already
                placeholders = ", ".join("?" * len(wanted))
                sql = f"SELECT seq, data, crc FROM facts WHERE seq IN ({placeholders})"
                proven = self._proven  # the file is never changed in place: once is enough
                for seq, data, crc in self._connection.execute(sql, wanted):
                    facts[seq] = decoded(codec.decode_fact, data, crc, proven=proven)
                if any(seq not in facts for seq in wanted):
                    raise CorruptIndex("a fact row is missing")
                if known is not None:
                    for seq in wanted:
                        known.keep(seq, facts[seq])
            self._batches[number] = [Hit(facts[seq], score) for seq, score in part]
        return self._batches[number]

    def check(self) -> None:
        """Check every hit's row against its checksum, without decoding it, before a long
        listing reads them all again."""
        # Such a listing reads most of the file, twice: through a memory map, not a system call
        # a page (100,000 facts: 231,172 calls, 0.4 s of system time). Not for every query:
        # the pages a map touches count in a process's memory, and a query touches a few.
        # Safe: an index file is never changed in place, only replaced whole (cache.install).
        self._connection.execute(f"PRAGMA mmap_size = {1 << 30}")
        for start in range(0, len(self), BATCH):
            part = list({seq for seq, _ in self._found[start : start + BATCH]})
            placeholders = ", ".join("?" * len(part))
            sql = f"SELECT data, crc FROM facts WHERE seq IN ({placeholders})"
            if check_rows(self._connection, sql, part) != len(part):
                raise CorruptIndex("a fact row is missing")
        self._proven = True
