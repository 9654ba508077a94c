"""Queries over one index database: ranked search, browsing, lookup by id, counts."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from msgspec import Struct

from tqcli import codec
from tqcli.errors import AmbiguousEntity, IdIs, UnknownEntity, UnknownFacts, UnknownSource
from tqcli.index.cache import Snapshot
from tqcli.index.store import (
    BATCH,
    SCHEMA_VERSION,
    CorruptIndex,
    FactCache,
    LazyHits,
    LazyRows,
    check_rows,
    decoded,
)
from tqcli.model import (
    Answers,
    Catalog,
    Entity,
    Fact,
    FactKind,
    Filters,
    Hit,
    Pack,
    SourceUse,
    Stats,
)
from tqcli.textnorm import ONE_LETTER_OFF, closest, fold

if TYPE_CHECKING:
    from tqcli.names import Screening

_R = TypeVar("_R")
_FACTS_KEPT = 4096
"""Facts kept decoded between queries (about 10 MiB at most)."""
# Relative weights of the searchable columns in BM25 ranking, in column order (store.COLUMNS).
_WEIGHTS = (2.0, 1.0, 1.5, 1.0, 0.5, 0.5, 1.0)
_BM25 = f"bm25(fact_text, {', '.join(map(str, _WEIGHTS))})"
"""The ranking function as SQL (spelled once: a batch ranks a thousand times)."""
_BEST = (
    f"WITH m AS MATERIALIZED (SELECT rowid AS seq, {_BM25} AS rank FROM fact_text "
    "WHERE fact_text MATCH ?) "
    "SELECT m.seq, m.rank FROM m JOIN facts f ON f.seq = m.seq WHERE m.rank <= coalesce("
    "(SELECT rank FROM m ORDER BY rank LIMIT 1 OFFSET ?), (SELECT max(rank) FROM m)) "
    "ORDER BY m.rank, f.first_day IS NULL, f.first_day, f.id LIMIT ?"
)
"""The first matches of an FTS5 query with no filter, ranked as _ranked ranks them."""
_META = "SELECT key, value FROM meta ORDER BY key"
"""What an index is of (its schema, the packs and their files' state): see Index.copy_file."""
_EXACT_KEYS_UP_TO = 20_000
"""Facts up to which a run of many queries reads every id and reference key first (~3 ms at
this size, what ~600 of _exact's probes cost)."""
_MATERIALIZED = sqlite3.sqlite_version_info >= (3, 35)
"""Whether SQLite knows AS MATERIALIZED (so that _BEST scores each match once)."""
_BEST_FROM = 5_000
"""Facts from which _BEST is used. Below, the facts table fits SQLite's page cache (2 MB) and
the plain join is cheaper (measured in-process, a query of the bench's batch on the built-in
pack: 47 us with the join, 52 us with _BEST; 1,000 of them: +91 M instructions); above, each
match's row is a page read: 10,000 facts, 241 -> 161 us a query; 100,000, 8.1 -> 3.7 ms."""


class Shown(Struct, frozen=True):
    """What `show` found: the known facts in the order asked, and every id that names none."""

    hits: Sequence[Hit]
    """The facts found, in the order their ids were asked for."""
    unknown: tuple[tuple[str, IdIs, str | None], ...]
    """Each id that names no fact, what it names instead, and the nearest fact id."""


class UnknownTag(Struct, frozen=True):
    """A tag filter that no loaded fact carries, and the nearest tag that one does."""

    tag: str
    """The tag as given."""
    closest: str | None
    """The loaded tag nearest to it, if one is near."""


def name_key(name: str) -> str:
    """How an entity's name or alias is looked up: folded, hyphens as spaces."""
    return fold(name).replace("-", " ").strip()


class Index:
    """Queries over one index database."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self._connection = connection
        self._path = path
        """The file the connection was opened on, if it is one (see copy_file)."""
        self._recent = FactCache(_FACTS_KEPT)
        """Facts that searches and show found, for the next query of a batch."""
        self._prefetched: set[str] = set()
        """Facts whose sources and entities have been read (see prefetch)."""
        self._last_where: tuple[Filters, tuple[str, list[object]]] | None = None
        self._exact_keys: tuple[set[str], set[str]] | None = None
        """Every fact id and listing reference key, for a run of many queries (read_as_one):
        a batch asks _exact of every line, most of them words, and a set says no in a fraction
        of the probe's time."""
        self._large: bool | None = None
        """Whether the index holds enough facts for _BEST (asked once)."""
        """The filters last made into SQL, and what they made (a batch asks the same of each
        line)."""
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
            sources=LazyRows(connection, "sources", codec.decode_source),
            entities=LazyRows(connection, "entities", codec.decode_entity),
            links={node: frozenset(members) for node, members in links.items()},
        )

    @classmethod
    def open(cls, connection: sqlite3.Connection, path: Path | None = None) -> Index:
        """The index on connection (opened on the file at path, if given), if it is one of this
        schema; the connection is closed if not."""
        try:
            schema = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if schema is None or schema[0] != SCHEMA_VERSION:
                raise CorruptIndex("an index of another version of tq")
            return cls(connection, path)
        except BaseException:
            connection.close()
            raise

    def snapshot(self) -> Snapshot:
        """The state of the packs this index was built from."""
        row = self._connection.execute("SELECT value FROM meta WHERE key = 'packs'").fetchone()
        files = self._connection.execute("SELECT path, state FROM files").fetchall()
        return Snapshot(str(row[0]) if row else "", dict(files))

    def is_of(self, now: Snapshot) -> bool:
        """Whether this index was built from the packs in the state now."""
        row = self._connection.execute("SELECT value FROM meta WHERE key = 'state'").fetchone()
        return row is not None and row[0] == now.state()

    def fact_files(self) -> set[str]:
        """The pack files that define facts alone (no source, no entity)."""
        rows = self._connection.execute("SELECT path FROM files WHERE facts_only")
        return {str(row[0]) for row in rows}

    def facts_in_files(self, files: Iterable[str]) -> list[tuple[int, Fact]]:
        """The facts defined in these files, each with its seq."""
        found: list[tuple[int, Fact]] = []
        for file in files:
            rows = self._connection.execute(
                "SELECT seq, data, crc FROM facts WHERE file = ?", (file,)
            )
            found.extend((seq, decoded(codec.decode_fact, data, crc)) for seq, data, crc in rows)
        return found

    def records(self, table: str, decode: Callable[[bytes], _R]) -> list[_R]:
        """Every row of a table of records (sources, entities), decoded, in load order."""
        rows = self._connection.execute(f"SELECT data, crc FROM {table} ORDER BY rowid")
        return [decoded(decode, data, crc) for data, crc in rows]

    def check_facts(self) -> None:
        """CorruptIndex unless every fact's row matches its checksum."""
        check_rows(self._connection, "SELECT data, crc FROM facts")

    def fact_ids(self) -> set[str]:
        """The id of every fact indexed."""
        return {str(row[0]) for row in self._connection.execute("SELECT id FROM facts")}

    def has_fact(self, fact_id: str) -> bool:
        """True if a fact with this id is indexed."""
        row = self._connection.execute("SELECT 1 FROM facts WHERE id = ?", (fact_id,))
        return row.fetchone() is not None

    def next_seq(self) -> int:
        """The seq the next fact added gets."""
        row = self._connection.execute("SELECT max(seq) FROM facts").fetchone()
        return 0 if row[0] is None else int(row[0]) + 1

    def copy_into(self, target: sqlite3.Connection) -> None:
        """Copy this index's database into target, as this connection sees it (a file that has
        since been replaced is copied as it was)."""
        self._connection.backup(target)

    def copy_file(self, target: Path) -> bool:
        """Copy this index's file to target by the file system (in the kernel: at 100,000 facts
        0.1 s against copy_into's 0.4 s, page by page through SQLite), if the file at its path
        is still of the packs' state this connection reads; False if not (or no file), and
        target is then to be filled by copy_into.

        An index file is never changed in place, only replaced whole (cache.install): a file
        at the path with the same snapshot and schema in its meta table is this one, or one
        built from the same packs in the same state, which has the same rows."""
        if self._path is None:
            return False
        import shutil

        try:
            shutil.copyfile(self._path, target)
            copy = sqlite3.connect(target.resolve().as_uri() + "?mode=ro", uri=True)
        except (OSError, sqlite3.Error):
            return False  # gone, say (tq cache clear): copy_into copies what this one reads
        try:
            made = copy.execute(_META).fetchall()
        except sqlite3.Error:
            return False
        finally:
            copy.close()
        return bool(made == self._connection.execute(_META).fetchall())

    def read_as_one(self) -> None:
        """Read from here on in one transaction, for a run that asks many queries: else SQLite
        locks the file, looks for a journal and reads its header again at every statement (a
        batch of 1,000 searches: 21,000 system calls, against 2,900). The file is never changed
        in place (cache.install replaces it whole), so one read sees what each would have."""
        if not self._connection.in_transaction:
            self._connection.execute("BEGIN")
        if self._exact_keys is None and self.next_seq() <= _EXACT_KEYS_UP_TO:
            ids = self._connection.execute("SELECT id FROM facts")
            keys = self._connection.execute("SELECT key FROM fact_references")
            self._exact_keys = ({str(row[0]) for row in ids}, {str(row[0]) for row in keys})

    def close(self) -> None:
        """Close the database; the index answers nothing more."""
        self._connection.close()

    def prefetch(self, result: object) -> None:
        """Check now every row that rendering result will read, so that damage is found before
        any output (and the index rebuilt), never half-way through it.

        The first batch of hits is read whole, with every source and entity it names. Beyond it
        (a long listing), each row's checksum is checked, and facts are read as they are
        printed, a batch at a time.
        """
        hits: Sequence[object]
        if type(result) is LazyHits:  # a search's, without the ABCs' checks (a batch: 1%)
            hits = result
        else:
            found = result.hits if isinstance(result, Answers | Shown) else result
            if not isinstance(found, Sequence):
                return
            hits = found
        if isinstance(hits, LazyHits) and len(hits) > BATCH:
            hits.check()
            for table in ("sources", "entities"):
                check_rows(self._connection, f"SELECT data, crc FROM {table}")
        for hit in hits[:BATCH]:
            if not isinstance(hit, Hit):  # sources with their counts, say
                continue
            fact = hit.fact
            if fact.id in self._prefetched:  # an earlier query of a batch read its rows
                continue
            self._prefetched.add(fact.id)
            for citation in fact.all_citations():
                self.catalog.sources.get(citation.source)
            for entity_id in fact.entities():
                for same in self.catalog.same_entities(entity_id):
                    self.catalog.entities.get(same)

    def _where(self, filters: Filters) -> tuple[str, list[object]]:
        """The SQL condition on facts f that the filters make, and its parameters (not to be
        changed: the last are kept for the next query)."""
        last = self._last_where
        if last is not None and (last[0] is filters or last[0] == filters):
            return last[1]
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
                raise UnknownSource(filters.source, closest(filters.source, self.catalog.sources))
            clauses.append("f.seq IN (SELECT seq FROM fact_sources WHERE source_id = ?)")
            parameters.append(filters.source)
        if filters.since is not None:
            clauses.append("f.last_day >= ?")
            parameters.append(filters.since.first_day.isoformat())
        if filters.until is not None:
            clauses.append("f.first_day <= ?")
            parameters.append(filters.until.last_day.isoformat())
        if filters.standings:
            standings = sorted(standing.value for standing in filters.standings)
            clauses.append(f"f.standing IN ({', '.join('?' * len(standings))})")
            parameters.extend(standings)
        made = " AND ".join(clauses) or "1", parameters
        self._last_where = (filters, made)
        return made

    def search(
        self, terms: Sequence[str], filters: Filters, limit: int = 20, *, require_all: bool = False
    ) -> Sequence[Hit]:
        """Facts passing the filters ranked by BM25 relevance to terms, in the search query
        syntax (tqcli.searchquery); at most limit (0: all). A fact id or a listing reference
        alone finds just that."""
        from tqcli import searchquery  # only search reads the syntax: the rest skip its import

        if any(not term.isascii() for term in terms):
            terms = self.romanised(terms)
        query = searchquery.parse(terms, require_all=require_all, is_name=self._is_name)
        where = self._where(filters)
        exact = self._exact(" ".join(terms).strip(), where)
        if exact:
            return LazyHits(self._connection, [(seq, None) for seq in exact], self._recent)
        if not query.finds_names():
            return self._matching(query.match(), where, limit, named=query.number())
        # A name's facts after those with its words in order, ranked as they were before names
        # were looked up; the others score 0 (their words are not the phrase), best first.
        ranked = self._ranked(query.match(names=False), where, limit)
        seen = {seq for seq, _ in ranked}
        more = (seq for seq, _ in self._ranked(query.match(), where, 0) if seq not in seen)
        ranked += [(seq, 0.0) for seq in more][: limit - len(ranked) if limit > 0 else None]
        return LazyHits(self._connection, ranked, self._recent)

    def _is_name(self, text: str) -> bool:
        """Whether text is, folded, some entity's name or alias (as `tq who` finds one)."""
        found = self._connection.execute(
            "SELECT 1 FROM entity_names WHERE name = ? LIMIT 1", (name_key(text),)
        )
        return found.fetchone() is not None

    def romanised(self, terms: Sequence[str]) -> Sequence[str]:
        """Terms with the words in the Arabic script read as the romanised words they are
        written as in facts ("طالبان": taliban), each word apart: the facts are mostly romanised,
        and the Arabic script folds to a consonant skeleton that never meets them."""
        from tqcli import skeletons

        if not any(map(skeletons.unvocalized, terms)):
            return terms
        if getattr(self, "_skeleton_words", None) is None:
            self._skeleton_words = self._words_by_skeleton()
        found = self._skeleton_words.get
        # Each word apart: the romanised text writes articles ("al-Zawahiri") that the words
        # read here leave out.
        return [
            word
            for term in terms
            for read in skeletons.romanise(term, found)
            for word in read.split()
        ]

    def _words_by_skeleton(self) -> dict[str, str]:
        """For each consonant skeleton, the indexed words to read it as: words of an entity's
        name (one, or two together) before any other, a skeleton being short and names being
        what is written in the Arabic script ("mn" is Ayman before man); then those in the most
        facts, then the spelling most names share."""
        from collections import Counter
        from itertools import pairwise

        from tqcli.skeletons import ARTICLES, skeleton
        from tqcli.textnorm import stem

        self._vocabulary()
        facts = {
            str(term): int(count)
            for term, count in self._connection.execute("SELECT term, doc FROM temp.words")
            if str(term).isalpha()
        }
        names: Counter[tuple[str, ...]] = Counter()  # a word or two of names, and how often
        for (name,) in self._connection.execute("SELECT name FROM entity_names"):
            kept = [
                word
                for word in re.findall(r"[a-z]+", str(name))
                if word not in ARTICLES and stem(word) in facts
            ]
            names.update((word,) for word in kept)
            names.update(pairwise(kept))
        best: dict[str, tuple[tuple[int, int, int], str]] = {}
        for words, rank in [
            *(((term,), (0, count, 0)) for term, count in facts.items()),
            *(
                (words, (1, min(facts[stem(word)] for word in words), count))
                for words, count in names.items()
            ),
        ]:
            form = skeleton("".join(words))
            if len(form) >= 2 and (form not in best or best[form][0] < rank):
                best[form] = (rank, " ".join(words))
        return {form: words for form, (_, words) in best.items()}

    def _exact(self, text: str, where: tuple[str, list[object]]) -> list[int]:
        """The facts passing the filters whose id or listing reference ("TAi.024") is text: the
        only answer a search for one needs. A batch asks it of every line, and most lines are
        words: two indexed lookups say so first, without the statement below (its UNION and IN
        make temporary tables: 85,000 instructions a line, against 31,000)."""
        key = fold(text).strip()
        if self._exact_keys is not None:
            ids, keys = self._exact_keys
            if text not in ids and key not in keys:
                return []
        probe = self._connection.execute(
            "SELECT EXISTS (SELECT 1 FROM facts WHERE id = ?) "
            "OR EXISTS (SELECT 1 FROM fact_references WHERE key = ?)",
            (text, key),
        )
        if not probe.fetchone()[0]:
            return []
        clause, parameters = where
        kept = self._connection.execute(
            "SELECT f.seq FROM facts f WHERE f.seq IN ("
            "SELECT seq FROM facts WHERE id = ? UNION "
            "SELECT seq FROM fact_references WHERE key = ?"  # the table tqcli.names fills
            f") AND {clause} "
            "ORDER BY f.first_day IS NULL, f.first_day, f.id",  # a listing before what cites it
            [text, key, *parameters],
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

    def unknown_tag(self, tag: str) -> UnknownTag | None:
        """None when some fact carries tag (folded); else the nearest tag that one does."""
        folded = fold(tag)
        known = self._connection.execute("SELECT 1 FROM fact_tags WHERE tag = ? LIMIT 1", (folded,))
        if known.fetchone() is not None:
            return None
        uses = [name for name, _ in self.tag_uses()]  # most used first
        near = closest(folded, uses)
        if near is None:  # 'doha-agreement' for 'doha': one is a hyphenated part of the other
            parts = set(folded.split("-"))
            near = next((name for name in uses if name in parts or folded in name.split("-")), None)
        return UnknownTag(tag, near)

    def tag_uses(self) -> list[tuple[str, int]]:
        """Every tag (folded) with how many facts carry it, most used first."""
        rows = self._connection.execute(
            "SELECT tag, count(*) AS n FROM fact_tags GROUP BY tag ORDER BY n DESC, tag"
        )
        return [(str(tag), int(count)) for tag, count in rows]

    def ranked(self, words: Sequence[str], filters: Filters, limit: int) -> Sequence[Hit]:
        """Facts matching any of these folded words, best BM25 score first; limit 0 for all."""
        match = " OR ".join(f'"{word}"' for word in words)
        return self._matching(match, self._where(filters), limit)

    def _matching(
        self,
        match: str,
        where: tuple[str, list[object]],
        limit: int,
        *,
        named: str | None = None,
    ) -> Sequence[Hit]:
        """Facts matching an FTS5 query and a filter (see _where), best BM25 score first; limit
        0 for all. With named (a number searched for alone), the facts named after it (their id
        ends with it) first, the one named most plainly (the shortest id: "un-resolution-1390"
        before "uk-order-2002-gives-effect-to-1390") before the others."""
        ranked = self._ranked(match, where, limit, named=named)
        return LazyHits(self._connection, ranked, self._recent)

    def _ranked(
        self,
        match: str,
        where: tuple[str, list[object]],
        limit: int,
        *,
        named: str | None = None,
    ) -> list[tuple[int, float]]:
        """The facts _matching finds, as (seq, score), best first."""
        clause, parameters = where
        if clause == "1" and not named and limit > 0 and self._is_large():
            # No filter: the facts rows that order ties are read only for the matches that can
            # be among the first limit (a score at most the limit-th best), not for every match
            # (a page read each: at 100,000 facts, a word in 500 of them, 3.2 -> 2.4 ms at best).
            found = self._connection.execute(_BEST, [match, limit - 1, limit])
            return [(seq, -(rank or 0.0)) for seq, rank in found]
        first = "f.id GLOB ? DESC, CASE WHEN f.id GLOB ? THEN length(f.id) END, " if named else ""
        sql = (
            f"SELECT f.seq, {_BM25} AS rank FROM fact_text "
            f"JOIN facts f ON f.seq = fact_text.rowid WHERE fact_text MATCH ? AND {clause} "
            f"ORDER BY {first}"
            "rank, f.first_day IS NULL, f.first_day, f.id" + (" LIMIT ?" if limit > 0 else "")
        )
        found = self._connection.execute(
            sql,
            [
                match,
                *parameters,
                *([f"*-{named}", f"*-{named}"] if named else []),
                *([limit] if limit > 0 else []),
            ],
        )
        return [(seq, -(rank or 0.0)) for seq, rank in found]

    def _is_large(self) -> bool:
        """Whether _BEST is used here (see _BEST_FROM)."""
        if self._large is None:
            self._large = _MATERIALIZED and self.next_seq() >= _BEST_FROM
        return self._large

    def _vocabulary(self) -> None:
        if not getattr(self, "_has_vocabulary", False):
            self._connection.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.words "
                "USING fts5vocab(main, fact_text, row)"
            )
            self._has_vocabulary = True

    def respelled(self, terms: Sequence[str]) -> list[tuple[str, str | None]]:
        """Each word a search looks for (searched_words) that no fact has, of four letters or
        digits or more and not a number, with what it is most likely a misspelling of, if
        anything is close: the indexed word of the same first letter and most of the spelling
        in the most facts, or else two indexed words it runs together ("binladen")."""
        from tqcli.textnorm import stem

        found: list[tuple[str, str | None]] = []
        for word in searched_words(terms):
            if len(word) >= 4 and not word.isdecimal() and not self.frequency(stem(word)):
                import difflib  # only for a word no fact has

                near = dict(self.words_like(word))
                close = difflib.get_close_matches(word, list(near), n=3, cutoff=0.8)
                best = max(close, key=lambda other: (near[other], other)) if close else None
                found.append((word, best or self._run_together(word)))
        return found

    def _run_together(self, word: str) -> str | None:
        """The two indexed words word is, written without the space between them (the split
        whose rarer half is in the most facts), if any."""
        from tqcli.textnorm import stem

        splits = [(word[:cut], word[cut:]) for cut in range(2, len(word) - 1)]
        counted = [
            (min(self.frequency(stem(left)), self.frequency(stem(right))), left, right)
            for left, right in splits
        ]
        best = max(counted, default=(0, "", ""))
        return f"{best[1]} {best[2]}" if best[0] else None

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

    def synonyms(
        self, words: Sequence[str]
    ) -> dict[str, list[tuple[frozenset[str], frozenset[str]]]]:
        """For each of these folded, stemmed words that the packs' thesaurus knows, each
        synonym group it is in: the group's words with that stem as the curators wrote them
        (folded: "treaty" for the stem "treat"), and every word of the group, stemmed."""
        wanted = list(dict.fromkeys(words))[:500]
        sql = (
            "SELECT a.word, a.grp, a.form, b.word FROM synonyms a JOIN synonyms b "
            f"ON a.grp = b.grp WHERE a.word IN ({', '.join('?' * len(wanted))})"
        )
        forms: dict[tuple[str, int], set[str]] = {}
        members: dict[tuple[str, int], set[str]] = {}
        for word, group, form, synonym in self._connection.execute(sql, wanted):
            forms.setdefault((str(word), int(group)), set()).add(str(form))
            members.setdefault((str(word), int(group)), set()).add(str(synonym))
        found: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        for (word, group), written in forms.items():
            found.setdefault(word, []).append((frozenset(written), frozenset(members[word, group])))
        return found

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

    def entity_name_words(self, entity_ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        """entity_names, each name with its folded, stemmed words (textnorm.tokens of it),
        space-separated, as the index was built with them."""
        wanted = list(dict.fromkeys(entity_ids))[:500]
        sql = (
            "SELECT entity_id, name, words FROM entity_names "
            f"WHERE entity_id IN ({', '.join('?' * len(wanted))})"
        )
        names: dict[str, list[tuple[str, str]]] = {}
        for entity_id, name, words in self._connection.execute(sql, wanted):
            names.setdefault(str(entity_id), []).append((str(name), str(words)))
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
        return LazyHits(self._connection, found.fetchall())

    def show(self, ids: Sequence[str]) -> Sequence[Hit]:
        """The facts with these ids, in the order asked; UnknownFacts naming every unknown id."""
        shown = self.show_known(ids)
        if shown.unknown:
            raise UnknownFacts(shown.unknown)
        return shown.hits

    def show_known(self, ids: Sequence[str]) -> Shown:
        """The facts with these ids that exist, in the order asked, and every id that names
        none (with what it names instead)."""
        wanted = list(dict.fromkeys(ids))
        sql = f"SELECT id, seq FROM facts WHERE id IN ({', '.join('?' * len(wanted))})"
        seqs = dict(self._connection.execute(sql, wanted).fetchall())
        found = [(seqs[fact_id], None) for fact_id in wanted if fact_id in seqs]
        return Shown(
            LazyHits(self._connection, found, self._recent),
            tuple(self._unknown_id(fact_id) for fact_id in wanted if fact_id not in seqs),
        )

    def _unknown_id(self, fact_id: str) -> tuple[str, IdIs, str | None]:
        if fact_id in self.catalog.entities:
            return fact_id, IdIs.ENTITY, None
        if fact_id in self.catalog.sources:
            return fact_id, IdIs.SOURCE, None
        near = [
            row[0]
            for row in self._connection.execute(
                "SELECT id FROM facts WHERE id LIKE ? LIMIT 1000", (fact_id[:3] + "%",)
            )
        ]
        return fact_id, IdIs.NOTHING, closest(fact_id, near)

    def find_entity(self, name: str) -> Entity:
        """The entity named by id, name or alias (folded); UnknownEntity if none, and
        AmbiguousEntity if the name is several entities'."""
        named = self.entities_named(name)
        if len(named) > 1:
            raise AmbiguousEntity(name, named)
        if named:
            return named[0]
        from tqcli.names import DEFAULT_THRESHOLD, screened_entities  # a miss only

        # The entities `tq who` would name for it: those its screening matches, or nearly.
        screened = screened_entities(self, name, DEFAULT_THRESHOLD)
        if screened.matched:
            raise UnknownEntity(
                name, None, tuple(self.catalog.entities[c.entity_id] for c in screened.candidates)
            )
        names: list[str] = [
            row[0] for row in self._connection.execute("SELECT name FROM entity_names")
        ]
        raise UnknownEntity(name, closest(name_key(name), names, ONE_LETTER_OFF))

    def entities_named(self, name: str) -> list[Entity]:
        """The entity whose id is name as written; else every entity with name as its id, name
        or an alias (folded), in load order, one of each group linked by same_as."""
        if name in self.catalog.entities:
            return [self.catalog.entities[name]]
        rows = self._connection.execute(
            "SELECT entity_id FROM entity_names WHERE name = ? ORDER BY rowid", (name_key(name),)
        )
        found: dict[str, Entity] = {}
        linked: set[str] = set()
        for (entity_id,) in rows:
            if entity_id not in linked:
                found[entity_id] = self.catalog.entities[entity_id]
                linked |= self.catalog.same_entities(entity_id)
        return list(found.values())

    def source_uses(self) -> list[SourceUse]:
        """Every source with how many facts cite it, most cited first."""
        rows = self._connection.execute(
            "SELECT s.data, s.crc, "
            "(SELECT count(*) FROM fact_sources fs WHERE fs.source_id = s.id) AS n "
            "FROM sources s ORDER BY n DESC, s.id"
        ).fetchall()
        return [SourceUse(decoded(codec.decode_source, data, crc), n) for data, crc, n in rows]

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


def searched_words(terms: Sequence[str]) -> list[str]:
    """The folded words a search's terms look for, as the index splits text into words
    (letters and digits: "gplv3" whole, "GPL-3.0" three): not those of an excluded term, a
    prefix* or a term in the Arabic script (searched as what it reads as)."""
    return [
        word
        for term in terms
        if not (term.startswith("-") or term.endswith("*") or _in_arabic_script(term))
        for word in re.findall(r"[^\W_]+", fold(term))
    ]


def _in_arabic_script(term: str) -> bool:
    """Whether a search term is in the Arabic script, which is searched as the romanised word
    it reads as (see Index.romanised), not as written."""
    if term.isascii():
        return False
    from tqcli.skeletons import unvocalized

    return unvocalized(term)
