"""Regular expressions compiled once and kept in the cache directory, as Python keeps compiled
modules: `tq ask` uses some 150 patterns, about 25 a question, and compiling them (in Python,
by the standard library's parser) cost more than answering with them did (measured: ~13 million
instructions for the 20 its module compiles at import, ~9 million for the 7 the benchmark's
question compiles while it is answered).

What is kept is each pattern's program, as the standard library compiles it. Loading reads the
programs, not the patterns: a pattern is made from its program (in C) only when `re` first looks
it up -- `re.compile`, `re.search` and the others look in the `re` module's own cache first, and
that cache, for the run, makes a kept pattern it misses -- so a run pays for the patterns it
uses, not for all those kept. The patterns made are the same objects, compared equal to freshly
compiled ones before they are kept, and nothing calling `re` changes. Kept for one Python
version and one regular-expression engine (the file's name says which); on any other Python, or
any doubt, patterns are compiled as usual.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_SUPPORTED = (3, 11) <= sys.version_info[:2] <= (3, 13)
"""The versions whose `re` internals (re._parser, re._compiler, re._cache) this reads."""
_MOST = 400
"""At most this many patterns are kept (the `re` cache holds 512)."""

FILES = r"patterns-[\w.-]+\.bin|\.patterns-\w+"
"""The names of the files kept (and of those being written), for `tq cache` and `tq cache clear`."""

_Key = tuple[str, int]
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class _Making(dict[Any, Any]):
    """The `re` module's cache for the run: a kept pattern it misses is made from its program
    (kept marshalled, read only then) and added, as `re` adds a pattern it compiles."""

    def __init__(self, cached: dict[Any, Any], kept: dict[_Key, bytes]) -> None:
        super().__init__(cached)
        self.kept = kept

    def __missing__(self, key: Any) -> Any:
        made = None
        with contextlib.suppress(Exception):  # a program the engine refuses: compiled as usual
            kind, pattern, flags = key
            program = self.kept.get((pattern, flags)) if kind is str else None
            if program is not None:
                made = _made(pattern, marshal.loads(program))
        if made is None:
            raise KeyError(key)
        self[key] = made
        return made


def _path(directory: Path) -> Path | None:
    engine: Any = sys.modules.get("_sre")
    if engine is None:
        return None
    return directory / f"patterns-made-{sys.implementation.cache_tag}-{engine.MAGIC}.bin"


def _read(path: Path) -> dict[_Key, bytes]:
    """The programs kept in path, each marshalled, if it is whole (its checksum matches); else
    none."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        data = path.read_bytes()
        if len(data) > 4 and zlib.crc32(data[4:]) == int.from_bytes(data[:4], "little"):
            kept = marshal.loads(data[4:])
            if isinstance(kept, dict):
                return kept
    return {}


def _program(pattern: str, flags: int) -> _Program:
    """What re.compile makes of pattern: its flags, code, groups and group names."""
    parsed: Any = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    # (Its opcodes are named ints, which marshal does not write: plain ints are the same code.)
    code = [int(word) for word in re._compiler._code(parsed, flags)]  # type: ignore[attr-defined]
    names: dict[str, int] = dict(parsed.state.groupdict)
    index: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        index[number] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, names, tuple(index)


def _made(pattern: str, program: _Program) -> re.Pattern[str]:
    engine: Any = sys.modules["_sre"]
    flags, code, groups, names, index = program
    made: re.Pattern[str] = engine.compile(pattern, flags, code, groups, names, index)
    return made


@contextlib.contextmanager
def kept_patterns(directory: Path | None) -> Iterator[None]:
    """Within this block, the patterns kept in directory (a cache directory, or None for
    none) are compiled already; those compiled anew in it are kept for the next run."""
    # The cache re._compile looks in first: _cache on Python 3.11, _cache2 after it.
    name = "_cache2" if hasattr(re, "_cache2") else "_cache"
    cache: Any = getattr(re, name, None)
    path = _path(directory) if directory is not None and _SUPPORTED else None
    if path is None or type(cache) is not dict:
        yield
        return
    kept = _read(path)
    making = _Making(cache, kept)
    setattr(re, name, making)
    before = set(getattr(re, "_cache", {}))
    try:
        yield
    finally:
        setattr(re, name, dict(making))
        compiled: Any = getattr(re, "_cache", {})  # every pattern compiled, on any version
        new = [
            (pattern, flags)
            for kind, pattern, flags in set(compiled) - before
            if kind is str and (pattern, flags) not in kept
        ]
        if new and len(kept) < _MOST:
            _keep(path, kept, new, compiled)


def _keep(path: Path, kept: dict[_Key, bytes], new: list[_Key], cache: dict[Any, Any]) -> None:
    """Add the programs of the new patterns to those kept in path (each only if it makes the
    very pattern re.compile made), replacing the file whole; quietly nothing if it cannot."""
    with contextlib.suppress(Exception):
        import tempfile  # only when a pattern is new

        for pattern, flags in new[: _MOST - len(kept)]:
            program = _program(pattern, flags)
            if _made(pattern, program) == cache.get((str, pattern, flags)):
                kept[pattern, flags] = marshal.dumps(program)
        data = marshal.dumps(kept)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(zlib.crc32(data).to_bytes(4, "little") + data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
