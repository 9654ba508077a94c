"""Pack problems as a query command reports them: duplicate ids counted per pair of files."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tqcli.model import Catalog, Pack, Problem

if TYPE_CHECKING:
    from tqcli.locations import LeftOutReason

EXAMPLES = 3
"""How many of a pair's duplicate ids are named."""


def summarised(problems: Sequence[Problem]) -> list[str]:
    """One line per problem, except that two or more ids defined in one file and again in
    another are one line for the pair of files, with a few of the ids (`tq validate` locates
    each); in the order the problems came, a pair where its first duplicate was."""
    pairs: dict[tuple[Path, Path], list[Problem]] = {}
    order: list[Problem | tuple[Path, Path]] = []
    for problem in problems:
        if problem.duplicate is None:
            order.append(problem)
            continue
        pair = (problem.duplicate.first.path, problem.where.path)
        if pair not in pairs:
            pairs[pair] = []
            order.append(pair)
        pairs[pair].append(problem)
    return [
        str(item) if isinstance(item, Problem) else _pair_line(item, pairs[item]) for item in order
    ]


def _pair_line(pair: tuple[Path, Path], duplicates: Sequence[Problem]) -> str:
    if len(duplicates) == 1:
        return str(duplicates[0])
    ids = ", ".join(repr(p.duplicate.id) for p in duplicates[:EXAMPLES] if p.duplicate)
    more = ", …" if len(duplicates) > EXAMPLES else ""
    return f"tq: {len(duplicates)} duplicate ids between {pair[0]} and {pair[1]}, e.g. {ids}{more}"


def builtin_copies(
    problems: Sequence[Problem], packs: Sequence[Pack], catalog: Catalog
) -> dict[Pack, list[Problem]]:
    """Each pack that defines again at least half of the built-in pack's ids (its facts',
    sources' and entities'), with those duplicates: a copy or another version of the built-in
    pack (a source checkout's facts/ validated by an installed tq), where hundreds of lines
    would each say the same thing. A pack that repeats a few of its ids is not one."""
    from tqcli.packs import BUILTIN_NAME

    builtin = next((pack for pack in packs if pack.origin == BUILTIN_NAME), None)
    if builtin is None:
        return {}
    ids = sum(fact.pack == BUILTIN_NAME for fact in catalog.facts)
    ids += sum(source.pack == BUILTIN_NAME for source in catalog.sources.values())
    ids += sum(entity.pack == BUILTIN_NAME for entity in catalog.entities.values())
    copies: dict[Pack, list[Problem]] = {}
    for problem in problems:
        if problem.duplicate is None or not _within(problem.duplicate.first.path, builtin.path):
            continue
        pack = next(
            (p for p in packs if p != builtin and _within(problem.where.path, p.path)), None
        )
        if pack is not None:
            copies.setdefault(pack, []).append(problem)
    return {pack: found for pack, found in copies.items() if 2 * len(found) >= max(ids, 1)}


def builtin_copy_line(pack: Pack, duplicates: Sequence[Problem]) -> str:
    """The one line that stands for a copy's duplicates, with the way to check it alone."""
    ids = ", ".join(repr(p.duplicate.id) for p in duplicates[:EXAMPLES] if p.duplicate)
    return (
        f"tq: {pack.path} defines {len(duplicates)} ids of the built-in pack again (e.g. {ids}, "
        "…): it looks like a copy or another version of the built-in pack (a source "
        "checkout's facts/ with tq installed?); to check it alone, leave the built-in pack out: "
        f"tq validate {pack.path} --no-builtin"
    )


def twin(pack: Pack, problems: Sequence[Problem], packs: Sequence[Pack]) -> Pack | None:
    """The one other pack loaded whose ids these problems of pack all are, if they are all
    duplicate ids between the two: the same pack loaded twice, as a copy in the user pack
    folder and with --facts (stranger 17, finding 14), where `tq validate` of either alone
    says it is valid. None where some problem is another, or names a third pack."""
    others: set[Pack] = set()
    for problem in problems:
        if problem.duplicate is None:
            return None
        first, again = problem.duplicate.first.path, problem.where.path
        other = again if _within(first, pack.path) else first
        found = next((p for p in packs if p != pack and _within(other, p.path)), None)
        if found is None:
            return None
        others.add(found)
    return others.pop() if len(others) == 1 else None


def why_left_out(
    pack: Pack, problems: Sequence[Problem], packs: Sequence[Pack]
) -> tuple[LeftOutReason, Pack | None]:
    """Why a pack of the user pack folder with these problems is left out of a query of packs,
    and the pack loaded that is its twin: the same pack loaded twice, another version of it
    (each alone valid: `tq validate` of the folder's copy passes), or problems of its own."""
    from tqcli.locations import LeftOutReason

    other = twin(pack, problems, packs)
    if other is None:
        return LeftOutReason.PROBLEMS, None
    if same_files(pack, other):
        return LeftOutReason.SAME_PACK, other
    return LeftOutReason.SAME_IDS, other


def given_as(pack: Pack) -> str:
    """How a pack was asked for, as the user would name it: "--facts DIR", or its folder and
    where it is named (TQ_FACTS_PATH, the configuration file)."""
    from tqcli.packs import CONFIG_ORIGIN, FACTS_ORIGIN
    from tqcli.shellwords import shell_word

    path = shell_word(str(pack.path))
    if pack.origin == FACTS_ORIGIN:
        return f"--facts {path}"
    named = "the configuration file" if pack.origin == CONFIG_ORIGIN else pack.origin
    return f"{path} (in {named})"


def same_files(pack: Pack, other: Pack) -> bool:
    """Whether the two packs' fact files are the same files, byte for byte: one pack, copied."""
    try:
        mine = {path.name: path.read_bytes() for path in sorted(pack.path.glob("*.toml"))}
        theirs = {path.name: path.read_bytes() for path in sorted(other.path.glob("*.toml"))}
    except OSError:
        return False
    return mine == theirs


def _within(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def total_line(problems: Sequence[Problem], packs: Sequence[Pack]) -> str:
    """The last line: how many problems, and the pack folders they are in, so that a user whose
    every query fails for one broken pack knows which one to fix or leave out; then the command
    that checks the packs the query loaded (packs), each problem located."""
    folders = list(dict.fromkeys(_folder(problem.where.path) for problem in problems))
    named = ", ".join(str(folder) for folder in folders[:EXAMPLES])
    if len(folders) > EXAMPLES:
        named += f" and {len(folders) - EXAMPLES} more"
    return (
        f"tq: {len(problems)} problem(s) in the fact packs at {named}; "
        f"to check them: {validate_command(packs)}"
    )


def validate_command(packs: Sequence[Pack]) -> str:
    """The `tq validate` command line that loads these packs as a query did, so that it finds
    the same problems (a duplicate id is one only beside the pack of its first definition; a
    reference, only without the pack it names): the --facts folders as PATHs where the packs are
    only those and the built-in one, which is what validate PATH loads; else as --facts, which
    loads the packs in effect too, as the query did. Paths quoted for a POSIX shell."""
    from tqcli.packs import BUILTIN_NAME, FACTS_ORIGIN

    named = [shlex.quote(str(pack.path)) for pack in packs if pack.origin == FACTS_ORIGIN]
    if any(pack.origin not in (BUILTIN_NAME, FACTS_ORIGIN) for pack in packs):
        named = [f"--facts {path}" for path in named]
    if not any(pack.origin == BUILTIN_NAME for pack in packs):
        named.append("--no-builtin")
    return " ".join(["tq validate", *named])


def _folder(path: Path) -> Path:
    """The pack folder a problem is in: the folder itself (one that is no pack), else the one
    holding the file, or the directory named like a fact file ("sub.toml/")."""
    return path if path.suffix != ".toml" and path.is_dir() else path.parent
