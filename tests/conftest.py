"""Shared fixtures: fixture packs, a CLI runner, and the installed tq."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Sequence
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
    """Every test keeps its index cache in a directory of its own, never the user's."""
    monkeypatch.setenv("TQ_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def run_on_terminal(
    args: Sequence[str | Path], env: dict[str, str], *, stderr_too: bool = False
) -> tuple[int, bytes]:
    """Run args with stdout (and stdin and stderr, with stderr_too) on a pseudo-terminal, as at a
    terminal; return the exit code and what the terminal received."""
    controller, terminal = pty.openpty()
    on_terminal_or_pipe = terminal if stderr_too else subprocess.PIPE
    process = subprocess.Popen(
        list(args),
        stdin=terminal if stderr_too else None,
        stdout=terminal,
        stderr=on_terminal_or_pipe,
        env=env,
        close_fds=True,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    code = process.wait(timeout=60)
    os.close(controller)
    return code, b"".join(chunks)
