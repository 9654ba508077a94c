"""Help is wrapped to the width the rest of tq's output takes: COLUMNS, else the terminal's,
else 80 (Click's own kept it between 50 and 78 columns whatever COLUMNS said)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app_for

from conftest import run_on_terminal

_VERBATIM = re.compile(r"^\s*(tq |printf |Exit codes:|\d+ |-)")
"""Lines help prints as written, never wrapped: examples, the exit codes, option names."""


def _wrapped(text: str) -> list[str]:
    """The lines of help that are wrapped prose (not examples, exit codes or option names)."""
    lines = text.replace("\r\n", "\n").splitlines()
    return [line for line in lines if line.strip() and not _VERBATIM.match(line)]


def _widest(text: str) -> int:
    return max(map(len, _wrapped(text)))


def _help(runner: CliRunner, args: list[str], columns: int) -> str:
    result = runner.invoke(app_for(args), args, env={"COLUMNS": str(columns), "LINES": "24"})
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


@pytest.mark.parametrize("args", [["--help"], ["search", "--help"], ["import", "un-sc", "-h"]])
@pytest.mark.parametrize("columns", [30, 44, 100, 200])
def test_help_prose_fits_the_columns(runner: CliRunner, args: list[str], columns: int) -> None:
    assert _widest(_help(runner, args, columns)) <= columns


def test_wide_columns_give_wide_help(runner: CliRunner) -> None:
    # The search command's first paragraph is ~400 characters: at 200 columns, two lines.
    assert _widest(_help(runner, ["search", "--help"], 200)) > 150
    assert _widest(_help(runner, ["search", "--help"], 100)) > 90


def test_narrow_help_puts_each_option_above_its_help(runner: CliRunner) -> None:
    text = _help(runner, ["search", "--help"], 30)

    assert "  --all\n      Only facts matching\n      every term, not any of\n      them.\n" in text


def _tq_help(tq: Path, columns: int | None) -> str:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("COLUMNS", None)
    if columns is not None:
        env["COLUMNS"] = str(columns)
    done = subprocess.run(
        [tq, "search", "--help"], capture_output=True, text=True, env=env, timeout=30, check=True
    )
    return done.stdout


@pytest.mark.parametrize("columns", [30, 200])
def test_the_installed_tq_in_a_pipe_wraps_help_to_columns(
    tq_executable: Path, columns: int
) -> None:
    text = _tq_help(tq_executable, columns)

    assert columns - 20 < _widest(text) <= columns


def test_the_installed_tq_in_a_pipe_without_columns_wraps_at_80(tq_executable: Path) -> None:
    # Not on any terminal (stdin, stdout and stderr all pipes): 80, as the rest of tq's output.
    done = subprocess.run(
        [tq_executable, "search", "--help"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "COLUMNS"},
        timeout=30,
        check=True,
    )

    assert 70 < _widest(done.stdout) <= 80


@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")
@pytest.mark.parametrize("columns", [30, 200])
def test_the_installed_tq_on_a_terminal_wraps_help_to_columns(
    tq_executable: Path, columns: int
) -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": str(columns), "TQ_PAGER": ""}
    done = subprocess.run(
        ["script", "-qec", f"{tq_executable} search --help", "/dev/null"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        timeout=30,
        check=True,
    )

    assert "Usage: tq search" in done.stdout
    assert columns - 20 < _widest(done.stdout) <= columns


def test_the_installed_tq_on_a_terminal_without_columns_wraps_to_the_terminal(
    tq_executable: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(NO_COLOR="1", TQ_PAGER="")

    code, shown = run_on_terminal([tq_executable, "search", "--help"], env, rows=24, columns=44)

    assert code == 0
    assert 30 < _widest(shown.decode()) <= 44


def test_a_screen_under_20_columns_gets_help_20_wide(runner: CliRunner) -> None:
    # COLUMNS=1 wrapped the usage line a letter a line.
    text = _help(runner, ["search", "--help"], 1)

    assert 15 < _widest(text) <= 20
    assert "[OPTIONS]" in text
