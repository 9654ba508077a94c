"""What the importers' tests share: running `tq import` in-process, and a pack's files."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tqcli.cli import app


def run_import(runner: CliRunner, importer: str, *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `tq import IMPORTER ARGS`; never an exception."""
    result = runner.invoke(app, ["import", importer, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def files(directory: Path) -> dict[str, bytes]:
    """Every file under directory, by relative path, with its bytes."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }
