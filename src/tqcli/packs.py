"""Which fact packs are in effect: the built-in one, TQ_FACTS_PATH, then each --facts."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from tqcli.errors import BadRequest
from tqcli.model import Pack

FACTS_PATH_VARIABLE = "TQ_FACTS_PATH"
BUILTIN_NAME = "builtin"


def builtin_pack_dir() -> Path:
    """The shipped pack: inside the installed package, or at the top of a source checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "facts"
    if installed.is_dir():
        return installed
    # An editable install imports from src/; the pack then lives at the checkout's top level.
    return package_dir.parent.parent / "facts"


def packs_in_effect(
    facts_dirs: Sequence[Path],
    *,
    include_builtin: bool = True,
    environ: Mapping[str, str] = os.environ,
    origin: str = "--facts",
) -> tuple[Pack, ...]:
    """The packs to load, in order; a directory named twice is loaded once.

    origin names where facts_dirs came from, for messages ("--facts", or "validate").
    """
    wanted: list[Pack] = []
    if include_builtin:
        wanted.append(Pack(BUILTIN_NAME, builtin_pack_dir(), BUILTIN_NAME))
    for entry in environ.get(FACTS_PATH_VARIABLE, "").split(os.pathsep):
        if entry.strip():
            wanted.append(_user_pack(Path(entry), FACTS_PATH_VARIABLE))
    wanted.extend(_user_pack(path, origin) for path in facts_dirs)
    seen: set[Path] = set()
    names: set[str] = set()
    packs = []
    for pack in wanted:
        key = pack.path.resolve()
        if key in seen:
            continue
        seen.add(key)
        name, number = pack.name, 1
        while name in names:  # two directories called "facts" still get telling names
            number += 1
            name = f"{pack.name}-{number}"
        names.add(name)
        packs.append(Pack(name, pack.path, pack.origin))
    return tuple(packs)


def _user_pack(path: Path, origin: str) -> Pack:
    if not path.is_dir():
        what = "is not a directory" if path.exists() else "does not exist"
        raise BadRequest(f"{origin}: fact pack {str(path)!r} {what}")
    return Pack(path.resolve().name or str(path), path, origin)
