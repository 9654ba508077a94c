"""Pack problems as a query command reports them: duplicate ids counted per pair of files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tqcli.model import Problem

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


def total_line(problems: Sequence[Problem]) -> str:
    """The last line: how many problems, and the pack folders they are in, so that a user whose
    every query fails for one broken pack knows which one to fix or leave out."""
    folders = list(dict.fromkeys(_folder(problem.where.path) for problem in problems))
    named = ", ".join(str(folder) for folder in folders[:EXAMPLES])
    if len(folders) > EXAMPLES:
        named += f" and {len(folders) - EXAMPLES} more"
    return f"tq: {len(problems)} problem(s) in the fact packs at {named}; see 'tq validate'"


def _folder(path: Path) -> Path:
    """The pack folder a problem is in: the folder itself (one that is no pack), else the one
    holding the file, or the directory named like a fact file ("sub.toml/")."""
    return path if path.suffix != ".toml" and path.is_dir() else path.parent
