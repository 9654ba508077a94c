"""Which fact packs are in effect: the built-in one, the user pack folder's, the configuration
file's, TQ_FACTS_PATH, then each --facts."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from tqcli.errors import BadRequest
from tqcli.model import Pack

FACTS_PATH_VARIABLE = "TQ_FACTS_PATH"
BUILTIN_NAME = "builtin"
USER_FOLDER_ORIGIN = "user pack folder"
CONFIG_ORIGIN = "config file"
FACTS_ORIGIN = "--facts"


def builtin_pack_dir() -> Path:
    """The shipped pack: inside the installed package, or at the top of a source checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "facts"
    if installed.is_dir():
        return installed
    # An editable install imports from src/; the pack then lives at the checkout's top level.
    return package_dir.parent.parent / "facts"


def user_pack_folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The folder whose every subfolder is a pack loaded after the built-in one: tq/packs in
    the user data directory that environ names; None when it names none (environ={} in tests)."""
    if sys.platform == "win32" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"]) / "tq" / "packs"
    if environ.get("XDG_DATA_HOME"):
        return Path(environ["XDG_DATA_HOME"]) / "tq" / "packs"
    if environ.get("HOME"):
        return Path(environ["HOME"]) / ".local" / "share" / "tq" / "packs"
    return None


def may_be_left_out(pack: Pack) -> bool:
    """Whether a query may go on without this pack when it does not load: a pack of the user
    pack folder is there by default, not asked for by name (as --facts, TQ_FACTS_PATH and the
    configuration file ask for theirs), and one half-finished must not stop every query."""
    return pack.origin == USER_FOLDER_ORIGIN


class StrayPackFiles(BadRequest):
    """Fact files lie in the user pack folder itself, where nothing is read."""


def stray_pack_files(environ: Mapping[str, str] = os.environ) -> StrayPackFiles | None:
    """The problem of fact files copied straight into the user pack folder, if any."""
    try:
        _user_folder_packs(user_pack_folder(environ))
    except StrayPackFiles as problem:
        return problem
    return None


def _user_folder_packs(folder: Path | None, *, strays: bool = False) -> list[Pack]:
    """Each subfolder of the user pack folder, by name; hidden ones (.git) are left out.
    StrayPackFiles if fact files lie in the folder itself, unless strays allows them."""
    if folder is None:
        return []
    try:
        entries = sorted(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        raise BadRequest(
            f"user pack folder {str(folder)!r} cannot be read: {error.strerror}"
        ) from None
    files = [entry for entry in entries if entry.suffix == ".toml" and not entry.is_dir()]
    if files and not strays:  # copied there by mistake: never read, so never silently left out
        raise StrayPackFiles(
            f"user pack folder {str(folder)!r} holds {files[0].name!r}{_more(files)} directly: "
            "a pack is a "
            f"subfolder of it, so a file there is never read; move it into one "
            f"(e.g. {str(folder / files[0].stem)!r})"
        )
    return [
        Pack(entry.name, entry, USER_FOLDER_ORIGIN)
        for entry in entries
        if entry.is_dir() and not entry.name.startswith(".")
    ]


def _more(items: Sequence[object]) -> str:
    return f" (and {len(items) - 1} more)" if len(items) > 1 else ""


def packs_in_effect(
    facts_dirs: Sequence[Path],
    *,
    include_builtin: bool = True,
    configured: Sequence[Path] = (),
    environ: Mapping[str, str] = os.environ,
    origin: str = FACTS_ORIGIN,
    strays: bool = False,
) -> tuple[Pack, ...]:
    """The packs to load, in order; a directory named twice is loaded once.

    The user pack folder and TQ_FACTS_PATH come from environ; configured are the configuration
    file's packs. origin names where facts_dirs came from, for messages ("--facts", "validate").
    StrayPackFiles if fact files lie in the user pack folder itself, unless strays allows them
    (tq paths shows the packs all the same).
    """
    wanted: list[Pack] = []
    if include_builtin:
        wanted.append(Pack(BUILTIN_NAME, builtin_pack_dir(), BUILTIN_NAME))
    wanted.extend(_user_folder_packs(user_pack_folder(environ), strays=strays))
    wanted.extend(_user_pack(path, CONFIG_ORIGIN) for path in configured)
    for entry in environ.get(FACTS_PATH_VARIABLE, "").split(os.pathsep):
        if entry.strip():
            wanted.append(_user_pack(Path(entry), FACTS_PATH_VARIABLE))
    wanted.extend(_user_pack(path, origin) for path in facts_dirs)
    seen: dict[Path, int] = {}
    names: set[str] = set()
    packs: list[Pack] = []
    for pack in wanted:
        key = pack.path.resolve()
        if key in seen:
            first = packs[seen[key]]
            if may_be_left_out(first) and not may_be_left_out(pack):
                # Asked for by name as well: refused if it does not load, never left out.
                packs[seen[key]] = Pack(first.name, first.path, pack.origin)
            continue
        seen[key] = len(packs)
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
        if path.suffix == ".toml" and path.is_file():  # one of a pack's files
            what += f"; give the pack's folder: {str(path.parent)!r}"
        raise BadRequest(f"{origin}: fact pack {str(path)!r} {what}")
    try:
        with os.scandir(path) as entries:
            has_fact_files = any(entry.name.endswith(".toml") for entry in entries)
    except OSError as error:
        raise BadRequest(
            f"{origin}: fact pack {str(path)!r} cannot be read: {error.strerror or error}"
        ) from None
    if not has_fact_files:
        raise BadRequest(f"{origin}: {str(path)!r} holds no fact pack{_packs_inside_hint(path)}")
    return Pack(path.resolve().name or str(path), path, origin)


_HINTED_PACKS = 5


def _packs_inside_hint(path: Path) -> str:
    """What a pack is, and the packs one level down: pointing one folder too high is the
    usual slip, and a folder of packs is not itself read."""
    what = " (a pack is a directory of *.toml files; its subdirectories are not read)"
    try:
        inside = sorted(
            entry
            for entry in path.iterdir()
            if entry.is_dir() and not entry.name.startswith(".") and any(entry.glob("*.toml"))
        )
    except OSError:
        return what
    if not inside:
        return what
    names = ", ".join(str(entry) for entry in inside[:_HINTED_PACKS])
    more = len(inside) - _HINTED_PACKS
    if more > 0:
        names += f" and {more} more"
    return f"{what}; packs inside it: {names}"
