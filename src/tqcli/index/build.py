"""Building an index: load and validate the packs, then write every table, in memory or to a
file installed in the cache."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from tqcli.index.cache import Snapshot, install, temporary_index, tidy
from tqcli.index.query import Index, name_key
from tqcli.index.store import (
    CATALOG_INDEXES,
    COLUMNS,
    FACT_INDEXES,
    SCHEMA,
    SCHEMA_VERSION,
    sealed,
    sealed_each,
)
from tqcli.model import (
    KIND_OF_DETAILS,
    Catalog,
    Entity,
    Fact,
    Pack,
    PartialDate,
    Source,
    Standing,
)
from tqcli.textnorm import fold, stem, token_columns, token_rows, tokens, words

Stage = Callable[[str], None]
"""Told what a build is doing now, in a few words ("writing 4,096 of 100,000 facts")."""

_FACTS_PER_CHUNK = 4096
_FACT_VALUES = ", ".join("?" * 10)
"""The placeholders of a row of facts: seq, id, kind, pack, file, first_day, last_day, data,
crc, standing."""


def build(packs: Sequence[Pack], state: Snapshot, path: Path | None, stage: Stage) -> Index:
    """Load and validate the packs, then write their index to path (installed atomically and
    sealed), or to memory when path is None. OSError or sqlite3.Error if path cannot be written.
    """
    from tqcli.loader import open_catalog  # only a build parses and validates the packs

    with _no_garbage_collection():
        if path is not None:
            from tqcli.index import parallel

            built = parallel.build(packs, state, path, stage)
            if built is not None:
                return built
        catalog = open_catalog(packs, stage)
        if path is None:
            connection = sqlite3.connect(":memory:")
            _fill(connection, catalog, state, stage)
            return Index(connection)
        return write(path, lambda connection: _fill(connection, catalog, state, stage))


def write(
    path: Path, fill: Callable[[sqlite3.Connection], None], start: Index | None = None
) -> Index:
    """Fill a new index file (a copy of start, if given) and install it at path, sealed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with temporary_index(path.parent) as temporary:
        copied = start is not None and start.copy_file(temporary)
        connection = sqlite3.connect(temporary)
        try:
            if start is not None and not copied:
                start.copy_into(connection)  # over whatever copy_file left
            fill(connection)
        finally:
            connection.close()
        # Opened before it is installed: this run reads what it built, whatever races it.
        reader = sqlite3.connect(temporary.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            install(temporary, path)
        except BaseException:
            reader.close()
            raise
    tidy(path.parent, keep=path)
    return Index(reader)


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


FactWriter = Callable[[sqlite3.Connection], "Iterable[tuple[str, str, int, str | None]]"]
"""Writes every fact's rows (seq numbered from 0 in load order); gives their listing
references' rows (see names.reference_rows)."""


def _fill(
    connection: sqlite3.Connection,
    catalog: Catalog,
    state: Snapshot,
    stage: Stage,
    write_facts: FactWriter | None = None,
) -> None:
    """Write every table of a new index: the catalog's, and the facts' through write_facts
    (by default, the catalog's facts)."""
    # (secure_delete off: this SQLite may be built to zero every page it frees, as FTS5's merges
    # do again and again; nothing in a new index is secret, and every row is the same.)
    connection.executescript(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA secure_delete = OFF;" + SCHEMA
    )
    with connection:
        connection.executemany(
            "INSERT INTO packs VALUES (?, ?, ?, ?)",
            ((n, p.name, str(p.path), p.origin) for n, p in enumerate(catalog.packs)),
        )
        write_catalog(connection, catalog.sources.values(), catalog.entities.values())
        write_links(connection, catalog.links)
        # What does not depend on the facts is written first: while a parallel build's workers
        # read their first files, not after them with one processor idle.
        from tqcli import names  # only a build writes the name keys

        names.fill(connection, catalog)
        from tqcli.wordweights import common_words  # for tq ask, read once here, not per question

        connection.executemany("INSERT INTO english_words VALUES (?, ?)", common_words())
        connection.executemany(  # each word stemmed, and as the curators wrote it (folded)
            "INSERT INTO synonyms VALUES (?, ?, ?)",
            (
                (stem(form), group, form)
                for group, synonyms in enumerate(catalog.synonyms)
                for form in dict.fromkeys(words(" ".join(synonyms.words)))
            ),
        )
        connection.executescript(CATALOG_INDEXES)
        references = None
        if write_facts is None:
            add_facts(connection, catalog, enumerate(catalog.facts), stage)
        else:
            references = write_facts(connection)
        stage("writing the index")
        names.fill_references(connection, catalog, references)
        connection.executescript(FACT_INDEXES)
        connection.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        record_snapshot(connection, state)
        defining = {str(source.where.path) for source in catalog.sources.values()}
        defining.update(str(entity.where.path) for entity in catalog.entities.values())
        defining.update(str(synonyms.where.path) for synonyms in catalog.synonyms)
        record_files(connection, state, state.files.keys(), defining)


def write_catalog(
    connection: sqlite3.Connection, sources: Iterable[Source], entities: Iterable[Entity]
) -> None:
    """Write these sources and entities (in load order), and the names each entity is found by."""
    connection.executemany(
        "INSERT INTO sources VALUES (?, ?, ?)", ((s.id, *sealed(s)) for s in sources)
    )
    entities = list(entities)
    connection.executemany(
        "INSERT INTO entities VALUES (?, ?, ?)", ((e.id, *sealed(e)) for e in entities)
    )
    connection.executemany(
        "INSERT INTO entity_names VALUES (?, ?, ?)",
        (
            (key, entity.id, " ".join(tokens(key)))  # its words, as ask reads a name
            for entity in entities
            for key in map(name_key, {entity.id, *entity.names})
        ),
    )


def write_links(connection: sqlite3.Connection, links: Mapping[str, frozenset[str]]) -> None:
    """Write which entities are the same as which (Catalog.links)."""
    connection.executemany(
        "INSERT INTO links VALUES (?, ?)",
        ((node, same) for node, members in links.items() for same in members),
    )


def record_snapshot(connection: sqlite3.Connection, state: Snapshot) -> None:
    """Note the snapshot of the packs the index is now of (see Index.is_of)."""
    connection.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        (("packs", state.packs), ("state", state.state())),
    )


def record_files(
    connection: sqlite3.Connection, state: Snapshot, paths: Iterable[str], defining: set[str]
) -> None:
    """Note these files' state, and which of them define no source or entity."""
    connection.executemany(
        "INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
        ((path, state.files[path], path not in defining) for path in paths if path in state.files),
    )


def add_facts(
    connection: sqlite3.Connection,
    catalog: Catalog,
    numbered: Iterable[tuple[int, Fact]],
    stage: Stage,
) -> None:
    """Write facts, each with its seq, in every fact table; catalog gives the sources and
    entities they name."""
    searchable = _Searchable(catalog)
    facts = iter(numbered)
    written = 0
    while chunk := list(itertools.islice(facts, _FACTS_PER_CHUNK)):
        # In chunks, so that only one chunk's rows are ever held in memory at once.
        stage(f"writing {written:,} of {len(catalog.facts):,} facts")
        rows = _FactRows(chunk, searchable)
        connection.executemany(f"INSERT INTO facts VALUES ({_FACT_VALUES})", rows.facts)
        connection.executemany("INSERT INTO fact_tags VALUES (?, ?)", rows.tags)
        connection.executemany("INSERT INTO fact_sources VALUES (?, ?)", rows.sources)
        connection.executemany("INSERT INTO fact_entities VALUES (?, ?)", rows.entities)
        connection.executemany(
            f"INSERT INTO fact_text (rowid, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows.text,
        )
        written += len(chunk)


def remove_facts(
    connection: sqlite3.Connection, catalog: Catalog, numbered: Iterable[tuple[int, Fact]]
) -> None:
    """Remove facts, each with its seq, from every fact table. Their search text is worked out
    again to remove it (the search table keeps no copy): catalog must name the same sources and
    entities as when they were written."""
    searchable = _Searchable(catalog)
    gone = list(numbered)
    connection.execute("CREATE TEMP TABLE gone (seq INTEGER PRIMARY KEY)")
    connection.executemany("INSERT INTO temp.gone VALUES (?)", ((seq,) for seq, _ in gone))
    for table in ("facts", "fact_tags", "fact_sources", "fact_entities", "fact_references"):
        # One pass over each table: only facts is keyed on seq.
        connection.execute(f"DELETE FROM {table} WHERE seq IN (SELECT seq FROM temp.gone)")
    connection.execute("DROP TABLE temp.gone")
    connection.executemany(
        f"INSERT INTO fact_text (fact_text, rowid, {', '.join(COLUMNS)}) "
        "VALUES ('delete', ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (seq, *searchable.columns(fact, fact.entities(), fact.cited_sources()))
            for seq, fact in gone
        ),
    )


class _FactRows:
    """The rows of every fact-keyed table for some facts, made in one pass over them (a fact's
    entities and sources are worked out once, for every table that needs them)."""

    def __init__(self, numbered: Iterable[tuple[int, Fact]], searchable: _Searchable) -> None:
        numbered = list(numbered)
        facts = [fact for _, fact in numbered]
        data, crcs = sealed_each(facts)  # the JSON of them all in one call
        self.facts: list[tuple[object, ...]] = []
        self.tags: list[tuple[int, str]] = []
        self.sources: list[tuple[int, str]] = []
        self.entities: list[tuple[int, str]] = []
        days = _Days()
        named: list[tuple[int, list[str], list[str]]] = []
        own_texts, tag = searchable.own_texts, searchable.tag
        add_fact, add_source, add_entity = (
            self.facts.append,
            self.sources.append,
            self.entities.append,
        )
        path, file = None, ""
        for (seq, fact), fact_data, crc in zip(numbered, data, crcs, strict=True):
            details, citations = fact.details, fact.citations
            entities = fact.entities()
            # A fact's own citations (most cite one source): the ids each once, in order.
            sources = [citations[0].source] if len(citations) == 1 else fact.cited_sources()
            first, last = days[fact.date, details.end_of_span()]
            if fact.where.path is not path:  # a file's facts share their path
                path = fact.where.path
                file = str(path)
            # NULL for a claim its notes leave standing (most have no note, or notes of context).
            standing = _standing(fact) if fact.notes else None
            kind = _KIND_NAMES[type(details)]
            add_fact((seq, fact.id, kind, fact.pack, file, first, last, fact_data, crc, standing))
            if fact.tags:
                self.tags += [(seq, tag(name)) for name in dict.fromkeys(fact.tags)]
            # Listed by the sources a note cites too ("tq list --source"), though only the
            # fact's own citations make its searchable text.
            for source in sources if not fact.notes else _all_sources(fact):
                add_source((seq, source))
            for entity in entities:
                add_entity((seq, entity))
            named.append((seq, entities, sources))
        own = token_rows(list(map(own_texts, facts)))
        row = searchable.row
        self.text: list[tuple[object, ...]] = [
            (seq, *row(columns, entities, sources))
            for (seq, entities, sources), columns in zip(named, own, strict=True)
        ]


def _standing(fact: Fact) -> str | None:
    """How the fact's notes leave its claim, as --standing names it; None if standing."""
    standing = Standing.of(fact.standing())
    return standing.value if standing else None


def _all_sources(fact: Fact) -> list[str]:
    """The ids of every source the fact cites, its notes' included, each once, in order."""
    return list(dict.fromkeys(citation.source for citation in fact.all_citations()))


_KIND_NAMES = {details: kind.value for details, kind in KIND_OF_DETAILS.items()}
"""Each kind's name, by the type of its details (Fact.kind, without the enum's lookups)."""


class _Days(dict[tuple[PartialDate | None, PartialDate | None], tuple[str | None, str | None]]):
    """The first and last day a fact could be about, by its date and the end of its span (an
    event's), each worked out once: many facts share a date."""

    def __missing__(
        self, key: tuple[PartialDate | None, PartialDate | None]
    ) -> tuple[str | None, str | None]:
        date, end = key
        days: tuple[str | None, str | None] = (None, None)
        if date is not None:
            days = (date.first_day.isoformat(), (end or date).last_day.isoformat())
        self[key] = days
        return days


class _Words(dict[str, str]):
    """Folded words by id, each worked out once by words()."""

    def __init__(self, words: Callable[[str], str]) -> None:
        super().__init__()
        self._words = words

    def __missing__(self, key: str) -> str:
        made = self[key] = self._words(key)
        return made


class _Searchable:
    """The text each fact is found by, per column, folded like queries are.

    Entity names and source titles recur across many facts: each is folded once.
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._entity_words = _Words(self._entity)
        self._source_words = _Words(self._source)
        self.tag = _Words(fold).__getitem__
        """A tag folded (each once: tags recur)."""

    def _entity(self, entity_id: str) -> str:
        entity = self._catalog.entities.get(entity_id)
        # Each word once: an entity with many aliases must not outweigh one with a few.
        words = dict.fromkeys(tokens(" ".join(entity.names))) if entity else {}
        return " ".join(words)

    def _source(self, source_id: str) -> str:
        source = self._catalog.sources.get(source_id)
        # What the source is called and who made it: its title, the series it is in, its
        # publisher and author; not the site of a copy (via) nor curators' notes about it.
        named = (source.title, source.series, source.publisher, source.author) if source else ()
        text = " ".join(part for part in named if part)
        return " ".join(tokens(text))

    def columns(
        self, fact: Fact, entities: Sequence[str], sources: Sequence[str]
    ) -> tuple[str, ...]:
        """The fact's searchable text per column; entities and sources are the ids it names."""
        return self.row(token_columns(self.own_texts(fact)), entities, sources)

    @staticmethod
    def own_texts(fact: Fact) -> tuple[str, ...]:
        """The fact's own text by column, before folding: id, claim, tags, notes, details."""
        details = [*fact.details.searchable_texts(), str(fact.date.year) if fact.date else ""]
        return (
            fact.id.replace("-", " "),
            fact.claim,
            " ".join(fact.tags),
            " ".join([note.text for note in fact.notes]) if fact.notes else "",
            " ".join(details),
        )

    def row(
        self, own: Sequence[str], entities: Sequence[str], sources: Sequence[str]
    ) -> tuple[str, ...]:
        """The searchable text per column, from the fact's own text folded (see own_texts)
        and the ids of the entities and sources it names."""
        names = " ".join(map(self._entity_words.__getitem__, entities))
        titles = " ".join(map(self._source_words.__getitem__, sources))
        return (own[0], own[1], own[2], names, titles, own[3], own[4])
