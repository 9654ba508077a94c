"""The search index: the loaded packs in SQLite with FTS5, answering every query command.

The index is built from validated packs and kept in the user's cache directory, keyed on the
packs' files, so a query after the first pays neither for parsing nor for validating them. With
--no-cache (or no usable cache directory) the same index is built in memory: there is one query
engine, cached or not.

One module per job: cache (where indexes live, their seals, pruning), build (packs to tables),
store (the schema and its checksummed rows), query (the Index and its queries).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol, TypeVar

from tqcli.index.cache import (
    CachePolicy,
    CacheUnavailable,
    Snapshot,
    index_path,
    is_sealed,
    snapshot,
)
from tqcli.index.query import Index
from tqcli.index.store import CorruptIndex
from tqcli.model import Pack

__all__ = ["CachePolicy", "CacheUnavailable", "Index", "Progress", "consult", "in_memory"]

_T = TypeVar("_T")


class Progress(Protocol):
    """Shown while a build runs: told each stage, and closed when the build ends."""

    def stage(self, text: str) -> None:
        """Say what the build is doing now."""

    def whole_build(self, fact_bytes: int, kept: bool) -> None:
        """Hear, before the packs are indexed afresh, how many bytes of fact files that reads,
        and whether the index will be kept for later runs."""


class _Silent:
    def stage(self, text: str) -> None:
        """Say nothing."""

    def whole_build(self, fact_bytes: int, kept: bool) -> None:
        """Say nothing."""


def consult(
    packs: Sequence[Pack],
    policy: CachePolicy,
    question: Callable[[Index], _T],
    *,
    progress: Callable[[], AbstractContextManager[Progress]] = lambda: contextlib.nullcontext(
        _Silent()
    ),
    no_cache: Callable[[CacheUnavailable], None] = lambda notice: None,
) -> tuple[Index, _T]:
    """Ask the index of these packs a question, building it first if needed; a damaged or
    stale cache is rebuilt and asked again. no_cache hears why an index could not be kept.

    Whatever rendering the answer will need from the index is read before returning, so a
    damaged cache shows up here, where it can be rebuilt, and never half-way through output.
    """
    now = snapshot(packs)
    path = index_path(policy.directory, packs) if policy.directory else None
    stale: Index | None = None
    if path is not None:
        with contextlib.suppress(CorruptIndex, sqlite3.Error, OSError):
            index = _open(path)
            if index.snapshot() == now:
                result = question(index)
                index.prefetch(result)
                return index, result
            stale = index
    elif policy.unavailable:
        no_cache(CacheUnavailable(None, policy.unavailable))
    from tqcli.index.build import build  # a warm query never needs it

    with progress() as shown:
        fresh: Index | None = None
        if path is not None and stale is not None:
            fresh = _updated(stale, path, packs, now, shown.stage)
        if fresh is None:
            shown.whole_build(_fact_bytes(now), kept=path is not None)
        if path is not None and fresh is None:
            try:
                fresh = build(packs, now, path, shown.stage)
            except (OSError, sqlite3.Error) as error:
                reason = getattr(error, "strerror", None) or str(error)
                no_cache(CacheUnavailable(path.parent, reason))
        if fresh is None:
            fresh = build(packs, now, None, shown.stage)
    result = question(fresh)
    fresh.prefetch(result)
    return fresh, result


def _fact_bytes(now: Snapshot) -> int:
    """The size of the packs' fact files (TOML), as the snapshot took it: what a build reads."""
    return sum(
        int(state.split(" ", 1)[0]) for path, state in now.files.items() if path.endswith(".toml")
    )


def _updated(
    stale: Index, path: Path, packs: Sequence[Pack], now: Snapshot, stage: Callable[[str], None]
) -> Index | None:
    """The stale index brought up to date file by file, or None if only a whole build will do
    (or the cache cannot be written: the whole build then finds out and says so)."""
    from tqcli.index.update import update

    try:
        return update(stale, path, packs, now, stage)
    except (CorruptIndex, sqlite3.Error, OSError):
        return None
    finally:
        stale.close()


def _open(path: Path) -> Index:
    if not is_sealed(path):
        raise CorruptIndex("no index yet, or one changed since it was built")
    # A proper file: URI, so that a cache path with spaces, "?" or "#" still opens read-only.
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    return Index.open(connection)


def in_memory(packs: Sequence[Pack]) -> Index:
    """An index of these packs built in memory, written nowhere."""
    from tqcli.index.build import build

    return build(packs, snapshot(packs), None, lambda text: None)
