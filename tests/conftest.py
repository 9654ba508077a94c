"""Shared fixtures: fixture packs, a CLI runner, and the installed tq."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

FIXTURES = Path(__file__).parent / "fixtures"
MINI_PACK = FIXTURES / "packs" / "mini"
HOSTILE_PACK = FIXTURES / "packs" / "hostile"
MALFORMED = FIXTURES / "malformed"
REPO = Path(__file__).parent.parent


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def tq_executable() -> Path:
    """The tq console script installed next to this Python."""
    script = Path(sys.executable).parent / ("tq.exe" if sys.platform == "win32" else "tq")
    if not script.exists():
        pytest.fail(f"tq is not installed next to {sys.executable}; run the README's test command")
    return script


def pack_from_case(case: Path, into: Path) -> Path:
    """A pack directory holding one malformed fixture file and the shared archive text."""
    pack = into / case.stem
    pack.mkdir()
    shutil.copy(case, pack / "case.toml")
    shutil.copy(FIXTURES / "archive.txt", pack / "archive.txt")
    return pack


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test keeps its index cache in a directory of its own, never the user's; and reads
    no configuration file and no user pack folder but its own (empty unless it fills them)."""
    monkeypatch.setenv("TQ_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    for variable in ("TQ_CONFIG", "TQ_PAGER", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(variable, raising=False)
