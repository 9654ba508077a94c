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

from tqcli.index.cache import CachePolicy, CacheUnavailable, fingerprint, index_path, is_sealed
from tqcli.index.query import Index
from tqcli.index.store import CorruptIndex
from tqcli.model import Pack

__all__ = ["CachePolicy", "CacheUnavailable", "Index", "Progress", "consult", "in_memory"]

_T = TypeVar("_T")


class Progress(Protocol):
    """Shown while a build runs: told each stage, and closed when the build ends."""

    def stage(self, text: str) -> None:
        """Say what the build is doing now."""


class _Silent:
    def stage(self, text: str) -> None:
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
    from tqcli.index.build import build

    state = fingerprint(packs)
    path = index_path(policy.directory, packs) if policy.directory else None
    if path is not None:
        with contextlib.suppress(CorruptIndex, sqlite3.Error, OSError):
            index = _open(path, state)
            result = question(index)
            index.prefetch(result)
            return index, result
    elif policy.unavailable:
        no_cache(CacheUnavailable(None, policy.unavailable))
    with progress() as shown:
        if path is not None:
            try:
                index = build(packs, state, path, shown.stage)
            except (OSError, sqlite3.Error) as error:
                reason = getattr(error, "strerror", None) or str(error)
                no_cache(CacheUnavailable(path.parent, reason))
                path = None
        if path is None:
            index = build(packs, state, None, shown.stage)
    result = question(index)
    index.prefetch(result)
    return index, result


def _open(path: Path, state: str) -> Index:
    if not is_sealed(path):
        raise CorruptIndex("no index yet, or one changed since it was built")
    # A proper file: URI, so that a cache path with spaces, "?" or "#" still opens read-only.
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    return Index.open(connection, state)


def in_memory(packs: Sequence[Pack]) -> Index:
    """An index of these packs built in memory, written nowhere."""
    from tqcli.index.build import build

    return build(packs, fingerprint(packs), None, lambda text: None)
