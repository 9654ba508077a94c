"""Bringing an index up to date after some fact files changed, without rebuilding it whole.

Only files that define facts alone (no source, no entity) are handled here, before and after
the change: their facts are re-read and checked against the sources, entities and other facts
already in the index, and only their rows are replaced. Anything else (a source or entity
changed, an archive edited, a pack added, any problem found) is left to a whole build, which
reports every problem in context.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from tqcli import names
from tqcli.index.build import (
    Stage,
    add_facts,
    record_files,
    record_snapshot,
    remove_facts,
    write,
)
from tqcli.index.cache import Snapshot
from tqcli.index.query import Index
from tqcli.model import Catalog, Pack


def update(
    index: Index, path: Path, packs: Sequence[Pack], now: Snapshot, stage: Stage
) -> Index | None:
    """The index at path brought up to the packs' state now, or None if it takes a whole build."""
    before = index.snapshot()
    if before.packs != now.packs:
        return None
    changed = now.changed_files(before)
    readable = index.fact_files()
    pack_of = {str(pack.path): pack for pack in packs}
    files: list[tuple[Pack, Path]] = []
    for name in sorted(changed):
        file = Path(name)
        pack = pack_of.get(str(file.parent))
        if file.suffix != ".toml" or pack is None:
            return None  # an archive, say: passages anywhere may depend on it
        if name in before.files and name not in readable:
            return None  # it defined sources or entities
        if name in now.files:
            files.append((pack, file))
    from tqcli.loader import load_fact_files

    stage(f"re-reading {len(files)} changed file(s)")
    gone = index.facts_in_files(changed)
    if 2 * len(gone) > index.facts_count():
        return None  # most facts changed: a whole build is quicker than copying and deleting
    gone_ids = {fact.id for _, fact in gone}
    facts = load_fact_files(
        files,
        index.catalog.sources,
        index.catalog.entities,
        lambda fact_id: fact_id not in gone_ids and index.has_fact(fact_id),
    )
    if facts is None:
        return None
    catalog = Catalog(
        packs=index.catalog.packs,
        facts=facts,
        sources=index.catalog.sources,
        entities=index.catalog.entities,
    )
    first = index.next_seq()

    def apply(connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        with connection:
            remove_facts(connection, catalog, gone)
            add_facts(connection, catalog, enumerate(facts, start=first), stage)
            names.write_references(connection, enumerate(facts, start=first), catalog.entities)
            connection.executemany("DELETE FROM files WHERE path = ?", [(n,) for n in changed])
            record_files(connection, now, changed, defining=set())
            record_snapshot(connection, now)

    stage(f"updating the index for {len(changed)} changed file(s)")
    return write(path, apply, start=index)
