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

from tqcli.errors import InvalidPacks
from tqcli.index.cache import (
    CachePolicy,
    CacheUnavailable,
    Snapshot,
    index_path,
    is_sealed,
    remember_refusal,
    remembered_refusal,
    snapshot,
)
from tqcli.index.query import Index
from tqcli.index.store import CorruptIndex
from tqcli.model import Pack, Problem

__all__ = ["CachePolicy", "CacheUnavailable", "Index", "Progress", "consult", "in_memory"]

_T = TypeVar("_T")


class Progress(Protocol):
    """Shown while a build runs: told each stage, and closed when the build ends."""

    def stage(self, text: str) -> None:
        """Say what the build is doing now."""

    def whole_build(self, fact_bytes: int, kept: bool) -> None:
        """Hear, before packs are indexed afresh (all, or those added to a cached set), how
        many bytes of fact files that reads, and whether the index will be kept for later
        runs."""


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
    optional: Callable[[Pack], bool] = lambda pack: False,
    left_out: Callable[[Pack, Sequence[Problem]], None] = lambda pack, problems: None,
) -> tuple[Index, _T]:
    """Ask the index of these packs a question, building it first if needed; a damaged or
    stale cache is rebuilt and asked again. no_cache hears why an index could not be kept.

    Whatever rendering the answer will need from the index is read before returning, so a
    damaged cache shows up here, where it can be rebuilt, and never half-way through output.

    InvalidPacks if the packs do not load; but packs that optional allows to be left out (the
    user pack folder's) are left out when every problem is theirs, and left_out hears of each
    with its problems before the others are asked.
    """
    try:
        return _consult(packs, policy, question, progress, no_cache)
    except InvalidPacks as error:
        blamed = _blamed(packs, error.problems, optional)
        if not blamed:
            raise
        for pack, problems in blamed.items():
            left_out(pack, problems)
        rest = [pack for pack in packs if pack not in blamed]
        return consult(
            rest,
            policy,
            question,
            progress=progress,
            no_cache=no_cache,
            optional=optional,
            left_out=left_out,
        )


def _blamed(
    packs: Sequence[Pack], problems: Sequence[Problem], optional: Callable[[Pack], bool]
) -> dict[Pack, list[Problem]]:
    """Each pack that may be left out with its problems, if every problem is one of theirs (in
    a file of theirs, or the second definition of an id first defined there); else nothing.

    An id defined in two packs is blamed on a pack broken on its own where one is (leaving it
    out ends the clash: a backup copy of a pack, half edited, must not take the pack with it),
    else on the pack of its second definition."""

    def owner(place: Path) -> Pack | None:
        return next((pack for pack in packs if optional(pack) and _inside(place, pack.path)), None)

    sides = [
        (problem.where.path, problem.duplicate.first.path if problem.duplicate else None)
        for problem in problems
    ]
    broken = {
        owner(where) for where, first in sides if first is None or owner(first) == owner(where)
    } - {None}
    blamed: dict[Pack, list[Problem]] = {}
    for problem, (where, first) in zip(problems, sides, strict=True):
        candidates = [owner(where), *([owner(first)] if first is not None else [])]
        pack = next((pack for pack in candidates if pack in broken), None) or next(
            (pack for pack in candidates if pack is not None), None
        )
        if pack is None:
            return {}
        blamed.setdefault(pack, []).append(problem)
    return blamed


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _consult(
    packs: Sequence[Pack],
    policy: CachePolicy,
    question: Callable[[Index], _T],
    progress: Callable[[], AbstractContextManager[Progress]],
    no_cache: Callable[[CacheUnavailable], None],
) -> tuple[Index, _T]:
    now = snapshot(packs)
    path = index_path(policy.directory, packs) if policy.directory else None
    stale: Index | None = None
    if path is not None:
        with contextlib.suppress(CorruptIndex, sqlite3.Error, OSError):
            index = _open(path)
            if index.is_of(now):
                result = question(index)
                index.prefetch(result)
                return index, result
            stale = index
    elif policy.unavailable:
        no_cache(CacheUnavailable(None, policy.unavailable))
    if path is not None and (refused := remembered_refusal(path, now)):
        raise InvalidPacks(refused, packs)  # as a load would find again, without loading
    try:
        fresh = _built(packs, now, path, progress, no_cache, stale)
    except InvalidPacks as error:
        if path is not None:
            remember_refusal(path, now, error.problems)
        raise
    result = question(fresh)
    fresh.prefetch(result)
    return fresh, result


def _built(
    packs: Sequence[Pack],
    now: Snapshot,
    path: Path | None,
    progress: Callable[[], AbstractContextManager[Progress]],
    no_cache: Callable[[CacheUnavailable], None],
    stale: Index | None,
) -> Index:
    """The index of the packs now: the stale one updated, another set's merged, or built."""
    from tqcli.index.build import build  # a warm query never needs it

    with progress() as shown:
        fresh: Index | None = None
        if path is not None and stale is not None:
            fresh = _updated(stale, path, packs, now, shown.stage)
        elif path is not None:
            fresh = _merged(path, packs, now, shown)
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
    return fresh


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


def _merged(path: Path, packs: Sequence[Pack], now: Snapshot, shown: Progress) -> Index | None:
    """The index of a new set of packs made from the cached index of the set closest to it,
    or None if none is close enough (see merge)."""
    from tqcli.index.merge import closest, merge

    plan = closest(path.parent, packs, now, path)
    if plan is None:
        return None
    shown.whole_build(plan.added_bytes, kept=True)  # the packs added are indexed afresh
    return merge(plan, path, packs, now, shown.stage)


def _open(path: Path, *, used: bool = True) -> Index:
    if not is_sealed(path, used=used):
        raise CorruptIndex("no index yet, or one changed since it was built")
    # A proper file: URI, so that a cache path with spaces, "?" or "#" still opens read-only.
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    return Index.open(connection, path)


def in_memory(packs: Sequence[Pack]) -> Index:
    """An index of these packs built in memory, written nowhere."""
    from tqcli.index.build import build

    return build(packs, snapshot(packs), None, lambda text: None)
