"""Compiled patterns kept in the cache directory: loaded, they are the patterns re.compile makes."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tqcli.ask
from tqcli.regexcache import FILES, kept_patterns

PATTERNS = [
    (r"\bwho(?:s| is| (?P<verb>leads|runs|heads))\b", 0),
    (r"[^\W\d_][\w'’]*|\d+", 0),
    (r"(?<!\d)1267(?!\d)\s*\(", 0),
    (r"\b(?:killed|dead) (?:or|and(?:/or)?) (?:injured|wounded)\b", re.IGNORECASE),
    (r"(?P<a>\d+)-(?P<b>\d+)|(?P=a)", 0),
]
TEXTS = [
    "Who leads the Taliban?",
    "whos that",
    "resolution 1267 (1999)",
    "200-500 men",
    "Killed or Injured",
    "’s",
    "",
]


def _behaviour(pattern: re.Pattern[str]) -> list[object]:
    return (
        [
            (found.span(), found.groupdict(), found.groups())
            for text in TEXTS
            for found in pattern.finditer(text)
        ]
        + [pattern.sub("_", text) for text in TEXTS]
        + [pattern.groupindex, pattern.groups, pattern.flags]
    )


def _made_not_compiled(pattern: str, flags: int = 0) -> bool:
    """Whether re gives the pattern without compiling it (made from a kept program)."""
    compiler: Any = re._compiler  # type: ignore[attr-defined]
    compile_ = compiler.compile

    def refuse(*args: object) -> object:
        raise LookupError("compiled")

    compiler.compile = refuse
    try:
        re.compile(pattern, flags)
    except LookupError:
        return False
    finally:
        compiler.compile = compile_
    return True


def _kept_file(directory: Path) -> list[Path]:
    return [path for path in directory.iterdir() if re.fullmatch(FILES, path.name)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_pattern_is_the_pattern_compiled(tmp_path: Path, pattern: str, flags: int) -> None:
    re.purge()
    with kept_patterns(tmp_path):
        fresh = re.compile(pattern, flags)
    assert _kept_file(tmp_path), "the program of the pattern compiled is kept"
    re.purge()
    with kept_patterns(tmp_path):
        assert _made_not_compiled(pattern, flags)
        loaded = re.compile(pattern, flags)
    assert loaded == fresh  # the same code, flags and pattern
    assert _behaviour(loaded) == _behaviour(fresh)


def test_every_pattern_of_ask_is_kept_as_compiled(tmp_path: Path) -> None:
    """Every pattern ask's modules compile, kept and loaded, is the one re.compile makes."""
    modules = [
        importlib.import_module(f"tqcli.ask.{module.name}")
        for module in pkgutil.iter_modules(tqcli.ask.__path__)
    ]  # (those loaded on first use too)
    compiled = list(
        {  # each pattern once, though modules that use it import it too
            id(value): value
            for module in modules
            for value in vars(module).values()
            if isinstance(value, re.Pattern)
        }.values()
    )
    assert len(compiled) > 15
    re.purge()
    with kept_patterns(tmp_path):
        fresh = [re.compile(p.pattern, p.flags) for p in compiled]
    re.purge()
    with kept_patterns(tmp_path):
        loaded = [re.compile(p.pattern, p.flags) for p in compiled]
    assert loaded == fresh == compiled


def test_a_damaged_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    re.purge()
    with kept_patterns(tmp_path):
        re.compile(PATTERNS[0][0])
    (kept,) = _kept_file(tmp_path)
    kept.write_bytes(kept.read_bytes()[:-7] + b"damaged")
    re.purge()
    with kept_patterns(tmp_path):
        assert not _made_not_compiled(PATTERNS[0][0])
        assert re.compile(PATTERNS[0][0]).fullmatch("who leads")
    re.purge()
    with kept_patterns(tmp_path):
        assert _made_not_compiled(PATTERNS[0][0])


def test_no_directory_keeps_nothing(tmp_path: Path) -> None:
    re.purge()
    with kept_patterns(None):
        re.compile(PATTERNS[1][0])
    assert not list(tmp_path.iterdir())


def test_only_the_patterns_used_are_made(tmp_path: Path) -> None:
    """Loading makes no pattern until re looks it up: a run pays for those it uses."""
    re.purge()
    with kept_patterns(tmp_path):
        for pattern, flags in PATTERNS:
            re.compile(pattern, flags)
    re.purge()
    first = "_cache2" if hasattr(re, "_cache2") else "_cache"  # where re looks first
    with kept_patterns(tmp_path):
        assert not getattr(re, first)
        assert _made_not_compiled(*PATTERNS[1])
        assert len(getattr(re, first)) == 1
    assert re.compile(PATTERNS[1][0]).fullmatch("who")  # the block left re's cache as it was


def test_ask_keeps_its_patterns_unless_told_not_to_cache(tmp_path: Path) -> None:
    """The installed command's path: `tq ask` keeps the patterns compiled at ask's import in
    the cache directory, answers the same with them, and `--no-cache` writes none."""
    run = [sys.executable, "-m", "tqcli", "ask", "How much did bin Laden pay the Taliban?"]
    env = {**os.environ, "TQ_CACHE_DIR": str(tmp_path), "NO_COLOR": "1"}
    first = subprocess.run(
        [*run, "--no-cache", "--json"], check=False, capture_output=True, env=env
    )
    assert not list(tmp_path.iterdir())
    second = subprocess.run([*run, "--json"], check=False, capture_output=True, env=env)
    assert _kept_file(tmp_path)
    third = subprocess.run([*run, "--json"], check=False, capture_output=True, env=env)
    assert first.returncode == second.returncode == third.returncode == 0
    assert first.stdout == second.stdout == third.stdout
    assert b"al-qaeda-paid-taliban-20m-a-year" in first.stdout
