"""The index of a new set of packs made from the cached index of another set that shares most of
them: a copy of it, less the facts, sources and entities of the packs dropped, plus the packs
added, each read and checked beside the packs kept (as the per-file update checks a file); only
where the base keeps more than it drops, and no less than is added.

So adding a pack costs reading and indexing that pack, and dropping one costs deleting its
rows, where a whole build reads and indexes every pack again. Only where the result is the
whole build's: the packs kept come first, in the same order, their files unchanged, and the
packs added after them (what a `--facts` more or less makes); the name keys of screened
entities, whose weights depend on every name loaded, are written again whole. Anything else (a
pack defining synonyms dropped or added, a problem in a pack added, a fact kept citing a source
dropped, a damaged base) gives None, and the caller builds whole, which reports every problem
in its context. tests/core/test_merge.py compares every table with a whole build's.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from tqcli import codec, names
from tqcli.index.build import (
    Stage,
    add_facts,
    record_files,
    record_snapshot,
    remove_facts,
    write,
    write_catalog,
    write_links,
)
from tqcli.index.cache import Snapshot, indexes
from tqcli.index.query import Index
from tqcli.index.store import CorruptIndex
from tqcli.model import Catalog, Entity, Pack, Source

_PackKey = tuple[str, str]
"""A pack as a snapshot describes it (name, origin, resolved path) and its path as given (the
files of a snapshot and the facts of an index are named under it)."""


class _GiveUp(Exception):
    """The base will not do: build whole."""


class Plan(NamedTuple):
    """How to make the index of the packs now from a base index."""

    base: Path
    """The base index file."""
    kept: tuple[Pack, ...]
    """The base's packs kept, in order (the first of the packs now)."""
    dropped: tuple[Pack, ...]
    """The base's packs left out now."""
    added: tuple[Pack, ...]
    """The packs now that the base lacks (the last of the packs now)."""
    kept_bytes: int
    """The size of the kept packs' fact files: what the base saves reading and indexing."""
    dropped_bytes: int
    """The size of the dropped packs' fact files: what must be deleted."""
    added_bytes: int
    """The size of the added packs' fact files: what must be read and indexed."""


def closest(directory: Path, packs: Sequence[Pack], now: Snapshot, own: Path) -> Plan | None:
    """The plan from the cached index that saves most (the most bytes of fact files kept, less
    those to delete), among those that can serve as a base; None if none can, or none saves
    more than it costs: a base keeping less than it drops, or less than is added."""
    wanted = _keys(now.packs, packs)
    if wanted is None:
        return None
    best: Plan | None = None
    for candidate in indexes(directory):
        if candidate == own:
            continue
        with contextlib.suppress(CorruptIndex, sqlite3.Error, OSError, ValueError):
            base = _open_sealed(candidate, used=False)
            try:
                plan = _plan(candidate, base, wanted, packs, now)
            finally:
                base.close()
            if plan is not None and (
                best is None
                or plan.kept_bytes - plan.dropped_bytes > best.kept_bytes - best.dropped_bytes
            ):
                best = plan
    return best


def _keys(described: str, packs: Sequence[Pack]) -> list[_PackKey] | None:
    """Each pack's key, from a snapshot's description of them and the packs it was taken of."""
    lines = described.split("\n")[1:]
    if len(lines) != len(packs):
        return None
    return [(line, str(pack.path)) for line, pack in zip(lines, packs, strict=True)]


def _plan(
    path: Path, base: Index, wanted: list[_PackKey], packs: Sequence[Pack], now: Snapshot
) -> Plan | None:
    before = base.snapshot()
    if before.packs.split("\n", 1)[0] != now.packs.split("\n", 1)[0]:
        return None  # another schema or version of tq
    had = _keys(before.packs, base.catalog.packs)
    if had is None:
        return None
    shared = [key for key in had if key in wanted]
    if not shared or wanted[: len(shared)] != shared:
        return None  # none in common, or the packs added do not all come after those kept
    kept: list[Pack] = []
    dropped: list[Pack] = []
    for key, pack in zip(had, base.catalog.packs, strict=True):
        (kept if key in shared else dropped).append(pack)
    for pack in kept:
        if _files_of(before.files, pack) != _files_of(now.files, pack):
            return None  # edited since: the per-file update's job, once this set has an index
    kept_bytes = _fact_bytes(before.files, kept)
    dropped_bytes = _fact_bytes(before.files, dropped)
    added = packs[len(shared) :]
    added_bytes = _fact_bytes(now.files, added)
    if kept_bytes <= dropped_bytes or kept_bytes < added_bytes:
        # Deleting costs about what indexing the same saves; and a set mostly made of the
        # packs added is as cheap to build whole, which may use worker processes (measured:
        # the OFAC list added to the built-in pack, 6.5 s of CPU merged, 5.8 s built whole).
        return None
    return Plan(
        path, tuple(kept), tuple(dropped), tuple(added), kept_bytes, dropped_bytes, added_bytes
    )


def _files_of(files: Mapping[str, str], pack: Pack) -> dict[str, str]:
    """The files of a snapshot under a pack's folder, with their states."""
    prefix = os.path.join(str(pack.path), "")
    return {path: state for path, state in files.items() if path.startswith(prefix)}


def _fact_bytes(files: Mapping[str, str], packs: Iterable[Pack]) -> int:
    return sum(
        int(state.split(" ", 1)[0])
        for pack in packs
        for path, state in _files_of(files, pack).items()
        if path.endswith(".toml")
    )


def _open_sealed(path: Path, *, used: bool = True) -> Index:
    """The index at path, if sealed; marked as just used only if used (a candidate looked at
    is not: pruning goes by use)."""
    from tqcli.index import _open

    return _open(path, used=used)


def merge(
    plan: Plan, path: Path, packs: Sequence[Pack], now: Snapshot, stage: Stage
) -> Index | None:
    """The index of the packs now, made from the plan's base and installed at path; None if
    only a whole build will do (or the cache cannot be written: the whole build finds out)."""
    try:
        base = _open_sealed(plan.base)
    except (CorruptIndex, sqlite3.Error, OSError):
        return None
    try:
        return _merged(base, plan, path, packs, now, stage)
    except (_GiveUp, CorruptIndex, sqlite3.Error, OSError, ValueError):
        return None
    finally:
        base.close()


def _merged(
    base: Index, plan: Plan, path: Path, packs: Sequence[Pack], now: Snapshot, stage: Stage
) -> Index | None:
    from tqcli.loader import load_beside, pack_files, same_as_classes

    stage(f"reusing the index of {len(plan.kept)} pack(s) kept")
    before = base.snapshot()
    dropped_files = {
        name: state
        for pack in plan.dropped
        for name, state in _files_of(before.files, pack).items()
    }
    sources = base.records("sources", codec.decode_source)
    entities = base.records("entities", codec.decode_entity)
    folders = {str(pack.path) for pack in plan.dropped}
    gone_sources = {s.id for s in sources if str(s.where.path.parent) in folders}
    gone_entities = {e.id for e in entities if str(e.where.path.parent) in folders}
    facts_only = base.fact_files()
    defining = {name for name in dropped_files if name not in facts_only}
    defining -= {str(s.where.path) for s in sources if s.id in gone_sources}
    defining -= {str(e.where.path) for e in entities if e.id in gone_entities}
    if defining:
        return None  # a pack dropped defines synonyms, which every fact's search may use
    kept_sources = {s.id: s for s in sources if s.id not in gone_sources}
    kept_entities = {e.id: e for e in entities if e.id not in gone_entities}
    gone = base.facts_in_files(name for name in dropped_files if name.endswith(".toml"))
    kept_ids = base.fact_ids() - {fact.id for _, fact in gone}
    files = pack_files(plan.added)
    if files is None:
        return None
    # (None added where packs were only dropped: "reading the 0 pack(s) added", stranger 16.)
    stage(
        f"reading the {len(plan.added)} pack(s) added"
        if plan.added
        else f"leaving out the {len(plan.dropped)} pack(s) dropped"
    )
    added = load_beside(files, kept_sources, kept_entities, kept_ids.__contains__)
    if added is None:
        return None
    base.check_facts()  # a damaged base is never copied on: it is found here, and built whole
    every_entity = {**kept_entities, **added.entities}
    screened = names.SCREENED_KINDS
    renamed = any(
        entity.kind in screened
        for entity in (*added.entities.values(), *(e for e in entities if e.id in gone_entities))
    )
    catalog = Catalog(
        packs=tuple(packs),
        facts=added.facts,
        sources={**kept_sources, **added.sources},
        entities=every_entity,
    )
    first = base.next_seq()
    numbered = list(enumerate(added.facts, start=first))
    added_files = [name for pack in plan.added for name in _files_of(now.files, pack)]
    added_defining = {str(s.where.path) for s in added.sources.values()}
    added_defining.update(str(e.where.path) for e in added.entities.values())

    def apply(connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        with connection:
            stage(f"removing the {len(gone):,} facts of the {len(plan.dropped)} pack(s) dropped")
            remove_facts(connection, base.catalog, gone)
            _refuse_dangling(connection, kept_sources, kept_entities)
            _delete(connection, "sources", "id", gone_sources)
            _delete(connection, "entities", "id", gone_entities)
            _delete(connection, "entity_names", "entity_id", gone_entities)
            write_catalog(connection, added.sources.values(), added.entities.values())
            connection.execute("DELETE FROM links")
            write_links(connection, same_as_classes(every_entity.values()))
            if renamed:
                stage("writing the name keys")
                connection.execute("DELETE FROM match_names")
                connection.execute("DELETE FROM match_keys")
                names.write_names(connection, every_entity)
            connection.execute("DELETE FROM packs")
            connection.executemany(
                "INSERT INTO packs VALUES (?, ?, ?, ?)",
                ((n, p.name, str(p.path), p.origin) for n, p in enumerate(packs)),
            )
            add_facts(connection, catalog, numbered, stage)
            names.write_references(connection, numbered, catalog.entities)
            _delete(connection, "files", "path", set(dropped_files))
            record_files(connection, now, added_files, added_defining)
            record_snapshot(connection, now)

    return write(path, apply, start=base)


def _refuse_dangling(
    connection: sqlite3.Connection, sources: Mapping[str, Source], entities: Mapping[str, Entity]
) -> None:
    """_GiveUp if a fact kept cites a source, or names an entity, of a pack dropped."""
    for table, column, known in (
        ("fact_sources", "source_id", sources),
        ("fact_entities", "entity_id", entities),
    ):
        for (named,) in connection.execute(f"SELECT DISTINCT {column} FROM {table}"):
            if named not in known:
                raise _GiveUp(f"a fact kept refers to {named!r}, of a pack dropped")


def _delete(connection: sqlite3.Connection, table: str, column: str, values: set[str]) -> None:
    """Delete the rows of table whose column holds one of values (in one pass over it)."""
    if not values:
        return
    connection.execute("CREATE TEMP TABLE doomed (value TEXT PRIMARY KEY)")
    connection.executemany("INSERT INTO temp.doomed VALUES (?)", ((v,) for v in values))
    connection.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM temp.doomed)")
    connection.execute("DROP TABLE temp.doomed")
