"""The one reader of users' files: bounded, regular files only unless streams are asked for,
every failure a reason and a message located in the file."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from tqcli import userfiles
from tqcli.userfiles import Unreadable, UnreadableFile, decoded, read_bytes

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")


def _reason(path: Path, **options: object) -> tuple[Unreadable, str]:
    with pytest.raises(UnreadableFile) as raised:
        read_bytes(path, **options)  # type: ignore[arg-type]
    return raised.value.reason, str(raised.value)


def test_a_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 3000)

    assert read_bytes(tmp_path / "f", limit=3000) == b"x" * 3000
    assert _reason(tmp_path / "f", limit=2999) == (
        Unreadable.TOO_LARGE,
        f"{tmp_path / 'f'}: larger than 0 MiB; is it the right file?",
    )


def test_missing_directory_and_refused(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope", limit=10)[0] is Unreadable.MISSING
    assert _reason(tmp_path, limit=10) == (
        Unreadable.DIRECTORY,
        f"{tmp_path}: a directory, not a file",
    )


@posix_only
def test_a_pipe_is_refused_unopened_unless_streams_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    assert _reason(fifo, limit=10)[0] is Unreadable.NOT_REGULAR  # no writer: would hang

    writer = threading.Thread(target=lambda: fifo.write_bytes(b"through a pipe"))
    writer.start()
    assert read_bytes(fifo, limit=100, streams=True) == b"through a pipe"
    writer.join()


@posix_only
def test_an_endless_device_is_bounded_when_streams_are_read() -> None:
    with pytest.raises(UnreadableFile) as raised:
        read_bytes(Path("/dev/zero"), limit=1 << 20, streams=True, what="a small file")

    assert raised.value.reason is Unreadable.TOO_LARGE
    assert str(raised.value) == (
        "/dev/zero: larger than 1 MiB, far more than a small file; is it the right file?"
    )


def test_a_file_that_grows_while_read_is_still_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "f").write_bytes(b"x" * 5000)
    real = os.fstat

    def stale(handle: int) -> os.stat_result:  # the size it had when it was opened
        status = real(handle)
        return os.stat_result((status.st_mode, *status[1:6], 100, *status[7:]))

    monkeypatch.setattr(userfiles.os, "fstat", stale)

    assert _reason(tmp_path / "f", limit=4000)[0] is Unreadable.TOO_LARGE
    assert read_bytes(tmp_path / "f", limit=5000) == b"x" * 5000


def test_text_that_is_not_utf8_is_located() -> None:
    with pytest.raises(UnreadableFile) as raised:
        decoded("é\nab\xe9".encode("latin-1").replace(b"\xe9", b"\xc3\xa9", 1), "f.toml")

    error = raised.value
    assert (error.reason, error.line, error.column) == (Unreadable.NOT_UTF8, 2, 3)
    assert str(error) == (
        "f.toml:2:3: not UTF-8 text (byte 0xe9 cannot be decoded); save the file as UTF-8"
    )
    assert error.said_elsewhere() == (
        "is not UTF-8 text (byte 0xe9 cannot be decoded) at line 2, column 3; "
        "save the file as UTF-8"
    )
