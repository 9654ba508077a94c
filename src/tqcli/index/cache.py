"""Where indexes are kept: the cache directory, each index's file and seal, pruning, clearing.

An index records the snapshot of the packs it was built from (every file's size, times and
inode); a query compares it with the packs' state now. An index file is trusted only while its
seal (a small file beside it) still matches it: the seal records the file's inode, size and
modification time as the build left it, so any later write to the index, by SQLite or anything
else, makes it a stranger and it is rebuilt. Rows carry checksums too (see store), for damage
that leaves the file's times alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import msgspec
from msgspec import Struct

from tqcli import __version__
from tqcli.index.store import SCHEMA_VERSION
from tqcli.model import Location, Pack, Problem

CACHE_DIR_VARIABLE = "TQ_CACHE_DIR"
MAX_INDEXES = 8
"""Indexes kept, one per set of packs used; beyond it the least recently used goes."""

_INDEX = re.compile(r"index-[0-9a-f]{16}\.sqlite3")
_SEAL = re.compile(r"index-[0-9a-f]{16}\.seal")
_REFUSAL = re.compile(r"index-[0-9a-f]{16}\.refused")
_TEMPORARY = re.compile(r"\.index-[0-9a-z_]{8}\.tmp")
_STARTING = re.compile(r"\.index-[0-9a-z_]{8}\.new")  # made, not yet locked: see temporary_index
"""Names tq gives its files: the only ones pruning and clearing ever remove."""

try:
    import fcntl
except ImportError:  # Windows: a temporary file is stale once it is a day old
    fcntl = None  # type: ignore[assignment]
_STALE_SECONDS = 86_400
_STARTING_SECONDS = 60  # a temporary file is locked and renamed moments after it is made
_BY_NAME = os.stat in os.supports_dir_fd
"""Files are stat-ed by name in an open folder (not path by path) where the platform can."""
_ACCESS_BY_NAME = os.access in os.supports_dir_fd
_READ_BY_ALL = 0o444


class CachePolicy(Struct, frozen=True):
    """Where the index is kept, if anywhere."""

    directory: Path | None
    """The cache directory, or None to build the index in memory."""
    unavailable: str | None = None
    """Why there is no cache directory though caching is on (an unusable home directory)."""

    @classmethod
    def from_environment(
        cls, *, enabled: bool, environ: Mapping[str, str] = os.environ
    ) -> CachePolicy:
        """TQ_CACHE_DIR, else the platform's user cache directory; None when disabled.

        The user cache directory is never made inside a home directory that does not exist,
        and a relative XDG_CACHE_HOME is ignored, as the XDG specification says.
        """
        if not enabled:
            return cls(None)
        if environ.get(CACHE_DIR_VARIABLE):
            chosen = Path(environ[CACHE_DIR_VARIABLE])
            if chosen.exists() and not chosen.is_dir():
                return cls(None, f"{CACHE_DIR_VARIABLE} names {chosen}, which is not a directory")
            return cls(chosen)
        if sys.platform == "win32" and environ.get("LOCALAPPDATA"):
            return cls(Path(environ["LOCALAPPDATA"]) / "tq" / "cache")
        xdg = environ.get("XDG_CACHE_HOME", "")
        if sys.platform != "darwin" and os.path.isabs(xdg):
            return cls(Path(xdg) / "tq")
        home = environ.get("HOME") or _password_home()
        if not home or not os.path.isabs(home):
            return _without_home("no home directory", environ)
        if not os.path.isdir(home):
            there = "is not a directory" if os.path.exists(home) else "does not exist"
            return _without_home(f"the home directory {home} {there}", environ)
        if sys.platform == "darwin":
            return cls(Path(home) / "Library" / "Caches" / "tq")
        return cls(Path(home) / ".cache" / "tq")


def _without_home(reason: str, environ: Mapping[str, str]) -> CachePolicy:
    """Where there is no home directory to cache in (a service account, a container's
    /nonexistent): a folder of the user's own in the temporary directory (TMPDIR), as used
    only while it is theirs alone (a directory, not a link, owned by them, closed to others, in
    a folder others cannot rename it out of), for an index read there is trusted; else none,
    for the reason given (docs/configuration.md)."""
    if not hasattr(os, "getuid"):  # (Windows: LOCALAPPDATA, above, or no cache)
        return CachePolicy(None, reason)
    import stat
    import tempfile

    given = environ.get("TMPDIR", "")
    parent = Path(given) if os.path.isabs(given) else Path(tempfile.gettempdir())
    folder = parent / f"tq-cache-{os.getuid()}"
    with contextlib.suppress(FileExistsError, OSError):
        folder.mkdir(mode=0o700)
    try:
        held, above = folder.lstat(), parent.stat()
    except OSError:
        return CachePolicy(None, reason)
    others_may_move = above.st_mode & stat.S_IWOTH and not above.st_mode & stat.S_ISVTX
    if (
        not stat.S_ISDIR(held.st_mode)
        or held.st_uid != os.getuid()
        or held.st_mode & 0o077
        or others_may_move
    ):
        return CachePolicy(None, f"{reason}, and {folder} is not the user's alone")
    return CachePolicy(folder)


def _password_home() -> str | None:
    with contextlib.suppress(ImportError, KeyError, OSError):
        import pwd

        return pwd.getpwuid(os.getuid()).pw_dir
    return None


class CacheUnavailable(Struct, frozen=True):
    """Why an index could not be kept in the cache (the query is answered all the same)."""

    directory: Path | None
    """The cache directory that could not be used, if there was one."""
    reason: str
    """What went wrong, for a person to read."""


def index_path(directory: Path, packs: Sequence[Pack]) -> Path:
    """The index file for these packs. Two pack sets sharing one only rebuild more: the
    snapshot inside tells them apart."""
    # As the file system has them: a name that is not UTF-8 (a Latin-1 folder) hashes too.
    described = os.fsencode("\n".join(f"{p.name}\t{p.origin}\t{p.path.resolve()}" for p in packs))
    return directory / f"index-{zlib.crc32(described):08x}{zlib.adler32(described):08x}.sqlite3"


class Snapshot(Struct, frozen=True):
    """The state of the packs an index is for: any edit, addition or removal changes it."""

    packs: str
    """The packs in order (name, origin, resolved path), with tq's version and schema."""
    files: Mapping[str, str]
    """Every file under every pack, by path: its size, times and inode."""

    def state(self) -> bytes:
        """The whole snapshot as one value (JSON: the packs, then each file and its state, in
        order), as an index keeps it: a warm query compares it in one piece, not a row a file
        (1,102 rows at 100,000 facts, ~5 M instructions)."""
        return msgspec.json.encode((self.packs, self.files))

    def changed_files(self, other: Snapshot) -> set[str]:
        """The files added, removed or changed from other to this snapshot."""
        return {
            path
            for path in self.files.keys() | other.files.keys()
            if self.files.get(path) != other.files.get(path)
        }


def snapshot(packs: Sequence[Pack]) -> Snapshot:
    """The packs' state now; taken before a build reads them, so an edit made during the build
    shows as a change next time."""
    lines = [f"{SCHEMA_VERSION}\t{__version__}"]
    files: dict[str, str] = {}
    for pack in packs:
        lines.append(f"pack\t{pack.name}\t{pack.origin}\t{pack.path.resolve()}")
        _states(os.fspath(pack.path), files)
    text = "\n".join(lines)
    problem = _name_not_utf8(text, files)
    if problem is not None:
        from tqcli.errors import InvalidPacks

        raise InvalidPacks([problem], packs)
    return Snapshot(text, files)


def name_problem(packs: Sequence[Pack]) -> Problem | None:
    """The problem of a folder or file under packs whose name the index cannot hold, if any
    (tq validate reports it, as a query would)."""
    files: dict[str, str] = {}
    for pack in packs:
        _states(os.fspath(pack.path), files)
    described = ["packs", *(f"pack\t{pack.path.resolve()}" for pack in packs)]
    return _name_not_utf8("\n".join(described), files)


def _name_not_utf8(packs: str, files: Mapping[str, str]) -> Problem | None:
    """The first folder or file whose name is not UTF-8 (a Latin-1 name from an old archive):
    the index stores names as UTF-8 text and cannot hold it. One encode of everything (~30 us
    at 1,100 files); the search for the culprit only when it fails."""
    try:
        "\n".join([packs, *files]).encode()
    except UnicodeEncodeError:
        pass
    else:
        return None
    folders = [line.rsplit("\t", 1)[-1] for line in packs.split("\n")[1:]]
    culprit = next(name for name in [*folders, *files] if not _is_utf8(name))
    return Problem(Location(Path(culprit)), _NOT_UTF8)


_NOT_UTF8 = (
    "the name is not UTF-8 text, and the search index cannot hold it; rename the folder or file "
    "(e.g. with convmv -f latin1 -t utf8)"
)


def _is_utf8(name: str) -> bool:
    try:
        name.encode()
    except UnicodeEncodeError:
        return False
    return True


def _states(folder: str, files: dict[str, str]) -> None:
    """Every file under folder with its state (size, times, inode), in the order os.walk gives
    them with its folders and names sorted: files first, then each folder's, symbolic links to
    folders not followed, what cannot be read left out, a fact file this process may not read
    marked so. Every query takes this (1,102 files at 100,000 facts), so it is made lean: one
    scandir a folder, each file stat-ed (and a fact file access-checked) by name."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda entry: entry.name)
        handle = os.open(folder, os.O_RDONLY) if _BY_NAME else None
    except OSError:
        return
    folders = []
    try:
        for entry in entries:
            try:
                if entry.is_dir():
                    if not entry.is_symlink():
                        folders.append(entry.path)
                    continue
                st = os.stat(entry.name, dir_fd=handle) if handle is not None else entry.stat()
            except OSError:
                continue
            state = f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"
            # Whether this process may read a fact file: another (a user sharing the cache, root
            # without its capabilities) built the index and could, but here loading would fail.
            if entry.name.endswith(".toml") and not _readable(entry, st.st_mode, handle):
                state += " unreadable"
            files[entry.path] = state
    finally:
        if handle is not None:
            os.close(handle)
    for subfolder in folders:
        _states(subfolder, files)


def _readable(entry: os.DirEntry[str], mode: int, folder: int | None) -> bool:
    """Whether this process may read the file: any may when its mode lets everyone (as fact
    files' do), else as the system says (one faccessat, by name in the open folder)."""
    if mode & _READ_BY_ALL == _READ_BY_ALL:
        return True
    if folder is None or not _ACCESS_BY_NAME:
        return os.access(entry.path, os.R_OK)
    return os.access(entry.name, os.R_OK, dir_fd=folder)


def _seal_path(index: Path) -> Path:
    return index.with_suffix(".seal")


def _seal_of(path: Path) -> str:
    st = os.stat(path)
    return f"{st.st_ino} {st.st_size} {st.st_mtime_ns}"


def is_sealed(index: Path, *, used: bool = True) -> bool:
    """True if the index file is as its build left it; marks it as just used, if it is."""
    seal = _seal_path(index)
    try:
        if seal.read_text(encoding="ascii") != _seal_of(index):
            return False
    except (OSError, UnicodeDecodeError):
        return False
    if used:
        with contextlib.suppress(OSError):
            os.utime(seal)  # last used: what pruning goes by
    return True


def install(temporary: Path, index: Path) -> None:
    """Put a finished build in place as index, sealed: atomically, so a racing reader sees the
    old file or this one (and a seal that does not match makes it rebuild, never misread)."""
    seal = _seal_of(temporary)  # a rename keeps inode, size and times
    os.replace(temporary, index)
    # Written in place: a reader catching it half-written, or two racing builds' seals mixed,
    # only fail to match, and cost a rebuild.
    _seal_path(index).write_text(seal, encoding="ascii")


@contextlib.contextmanager
def temporary_index(directory: Path) -> Iterator[Path]:
    """A new temporary file in directory to build an index in, locked while the build runs so
    no other run takes it for the leftover of a killed one; removed unless installed."""
    import tempfile

    # Made under a name tidy passes over, locked, then renamed (the lock stays with the file):
    # made as ".tmp" directly, a racing run's tidy could lock it first, in the moment between
    # the two calls, and take it for a killed build's leftover -- removing it, or making this
    # lock fail -- so that this run answered without a cache. (Without locks, on Windows, where
    # an open file cannot be renamed, age alone makes it stale: it is made as ".tmp".)
    suffix = ".tmp" if fcntl is None else ".new"
    handle, starting = tempfile.mkstemp(prefix=".index-", suffix=suffix, dir=directory)
    name = starting.removesuffix(suffix) + ".tmp"
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.replace(starting, name)
        yield Path(name)
    finally:
        for path in (starting, name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        os.close(handle)


class _Refusal(Struct, frozen=True):
    """Why a set of packs did not load, as of their state then (see remember_refusal)."""

    packs: str
    """Snapshot.packs of the set then."""
    files: dict[str, str]
    """Snapshot.files of the set then."""
    day: str
    """The latest day a pack's date could name then (model.latest_day): checks of dates in the
    future give other answers on another day."""
    problems: tuple[Problem, ...]
    """Every problem found, as a whole load reported them."""


def _refusal_path(index: Path) -> Path:
    return index.with_suffix(".refused")


def remember_refusal(index: Path, now: Snapshot, problems: Sequence[Problem]) -> None:
    """Keep why the packs whose index would be at index did not load, so that the next query
    with the packs in the same state says so without loading them again (a broken pack left in
    the user pack folder is met by every query). Kept atomically, or not at all."""
    import tempfile

    import msgspec

    from tqcli import codec
    from tqcli.model import latest_day

    refusal = _Refusal(now.packs, dict(now.files), latest_day().isoformat(), tuple(problems))
    with contextlib.suppress(OSError):
        index.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=index.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(msgspec.json.encode(refusal, enc_hook=codec.to_data))
            os.replace(name, _refusal_path(index))
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
        _prune_refusals(index.parent)


def remembered_refusal(index: Path, now: Snapshot) -> tuple[Problem, ...] | None:
    """The problems the packs whose index would be at index had, if they are in the same state
    as then (and it is the same day); None if none are remembered, or they changed since."""
    import msgspec

    from tqcli import codec
    from tqcli.model import latest_day

    try:
        data = _refusal_path(index).read_bytes()
        refusal = msgspec.json.decode(data, type=_Refusal, dec_hook=codec.from_data)
    except (OSError, ValueError):
        return None
    if (refusal.packs, refusal.files, refusal.day) != (
        now.packs,
        now.files,
        latest_day().isoformat(),
    ):
        return None
    return refusal.problems or None


def _is_stale(path: Path) -> bool:
    """True if path is the temporary file of a build no longer running."""
    if fcntl is None:
        return time.time() - path.stat().st_mtime > _STALE_SECONDS
    handle = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(handle)  # releases the lock taken, if it was
    return True


def _ours(directory: Path, pattern: re.Pattern[str]) -> list[Path]:
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    return [directory / name for name in names if pattern.fullmatch(name)]


def tidy(directory: Path, keep: Path | None = None) -> None:
    """Remove what killed builds left behind, and all but the MAX_INDEXES indexes used last
    (keep, the one just built, among them)."""
    for temporary in _ours(directory, _TEMPORARY):
        with contextlib.suppress(OSError):
            if _is_stale(temporary):
                temporary.unlink()
    for starting in _ours(directory, _STARTING):  # a run killed between two calls
        with contextlib.suppress(OSError):
            if time.time() - starting.stat().st_mtime > _STARTING_SECONDS:
                starting.unlink()
    indexes = [index for index in _ours(directory, _INDEX) if index != keep]
    indexes.sort(key=_last_used, reverse=True)
    for index in indexes[MAX_INDEXES - 1 :]:
        _remove_index(index)
    _prune_refusals(directory)
    for seal in _ours(directory, _SEAL):  # seals whose index is gone
        if not seal.with_suffix(".sqlite3").exists():
            with contextlib.suppress(OSError):
                seal.unlink()


def indexes(directory: Path) -> list[Path]:
    """The index files in directory, the one used last first."""
    found = _ours(directory, _INDEX)
    found.sort(key=_last_used, reverse=True)
    return found


def _prune_refusals(directory: Path) -> None:
    """Keep the MAX_INDEXES refusals made last."""
    refusals = _ours(directory, _REFUSAL)
    refusals.sort(key=_modified, reverse=True)
    for refusal in refusals[MAX_INDEXES:]:
        with contextlib.suppress(OSError):
            refusal.unlink()


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _last_used(index: Path) -> int:
    try:
        return _seal_path(index).stat().st_mtime_ns
    except OSError:
        return 0


def _remove_index(index: Path) -> None:
    for path in (index, _seal_path(index)):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            path.unlink()


class CacheUsage(Struct, frozen=True):
    """What the cache directory holds of tq's."""

    directory: Path | None
    """The cache directory, or None when there is none."""
    indexes: int
    """Index files, one per set of packs used recently."""
    bytes: int
    """Bytes taken by the indexes, their seals, any build in progress or left over, the
    problems of packs that did not load (kept to say so again at once), and the compiled
    patterns kept (see regexcache)."""
    unavailable: str | None = None
    """Why there is no cache directory, when there is none though caching is on."""


def usage(policy: CachePolicy) -> CacheUsage:
    """How much of the cache directory tq uses."""
    directory = policy.directory
    if directory is None:
        return CacheUsage(None, 0, 0, policy.unavailable)
    from tqcli.regexcache import FILES

    files = [
        *_ours(directory, _INDEX),
        *_ours(directory, _SEAL),
        *_ours(directory, _TEMPORARY),
        *_ours(directory, _REFUSAL),
        *_ours(directory, re.compile(FILES)),
    ]
    size = 0
    for path in files:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return CacheUsage(directory, len(_ours(directory, _INDEX)), size)


def clear(policy: CachePolicy) -> CacheUsage:
    """Remove every index and every leftover of a killed build; what was there before."""
    before = usage(policy)
    if policy.directory is not None:
        for index in _ours(policy.directory, _INDEX):
            _remove_index(index)
        for refusal in _ours(policy.directory, _REFUSAL):
            with contextlib.suppress(FileNotFoundError, PermissionError):
                refusal.unlink()
        tidy(policy.directory)
        from tqcli.regexcache import FILES

        for kept in _ours(policy.directory, re.compile(FILES)):  # compiled patterns
            with contextlib.suppress(FileNotFoundError, PermissionError):
                kept.unlink()
    return before
