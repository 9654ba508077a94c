"""Reading a user's file whole and bounded: fact files, archives, imports, the configuration.

One reader for every file tq reads whole, so that each refuses the same things the same way:
more than the caller's limit (a wrong file, /dev/zero) is never read; a pipe, a device or a
socket is never opened waiting for a writer (unless the caller reads streams, as the importers
do for `<(curl …)`, bounded the same); a file too large for the memory is a message, not an
internal error; text that is not UTF-8 is reported at its line and column.
"""

from __future__ import annotations

import os
import stat
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from tqcli.model import Location, Problem

MIB = 1 << 20
_CHUNK = MIB


class Unreadable(str, Enum):
    """Why a file cannot be read as asked."""

    MISSING = "missing"
    """Nothing is there (or a link to nothing)."""
    DIRECTORY = "directory"
    """A directory, not a file."""
    NOT_REGULAR = "not-regular"
    """A pipe, a device or a socket, where only regular files are read."""
    TOO_LARGE = "too-large"
    """More than the caller's limit."""
    NO_MEMORY = "no-memory"
    """Under the limit, and still more than the memory available."""
    NOT_UTF8 = "not-utf8"
    """Bytes that are not UTF-8 where text is read."""
    OS_ERROR = "os-error"
    """The system refused (permission denied, an I/O error)."""


class UnreadableFile(Exception):
    """A user's file that cannot be read: which (as the user named it), where in it for text
    that is not UTF-8, and why, in words that follow its name ("PATH: a directory, not a file")."""

    def __init__(
        self,
        reason: Unreadable,
        name: str | Path,
        message: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.reason = reason
        self.name = str(name)
        """The file as the user named it (a path, /dev/stdin, a URL)."""
        self.message = message
        """What is wrong, as it reads after the file's name ("a directory, not a file")."""
        self.line = line
        self.column = column
        super().__init__(str(self.problem))

    @property
    def problem(self) -> Problem:
        """The error as a located problem: `file[:line:column]: message`."""
        return Problem(Location(Path(self.name), self.line, self.column), self.message)

    def said_elsewhere(self) -> str:
        """The message as a predicate, with the line and column in its words, for a problem
        reported at another file's line ("archive 'a.txt' is not UTF-8 text ... at line 2,
        column 6; save the file as UTF-8", at the line of the pack that names the archive)."""
        what, _, advice = self.message.partition("; ")
        if self.line is not None:
            what += f" at line {self.line}, column {self.column}"
        what = what if what.startswith("cannot ") else f"is {what}"
        return f"{what}; {advice}" if advice else what

    def __str__(self) -> str:
        where = f"{self.name}:{self.line}:{self.column}" if self.line else self.name
        return f"{where}: {self.message}"


def size_text(size: int) -> str:
    """A limit in the unit it is set in: "256 MiB", "1 GiB"."""
    return f"{size >> 30} GiB" if size >= 1 << 30 and size % (1 << 30) == 0 else f"{size >> 20} MiB"


def too_large(path: Path | str, limit: int, size: int | None, what: str = "") -> UnreadableFile:
    """The error for a file (or a stream, of unknown size) over limit bytes; what says what the
    file should be, and how large such a file is ("a Consolidated List export (~2 MB)")."""
    # The size only where it says more than the limit does (a sparse 3 GB file: "(2,861 MiB)").
    actual = f" ({size >> 20:,} MiB)" if size is not None and size >> 20 > limit >> 20 else ""
    expected = f", far more than {what}" if what else ""
    return UnreadableFile(
        Unreadable.TOO_LARGE,
        path,
        f"larger than {size_text(limit)}{actual}{expected}; is it the right file?",
    )


def read_bytes(path: Path, *, limit: int, streams: bool = False, what: str = "") -> bytes:
    """The bytes of the file at path, at most limit of them, or UnreadableFile saying why not.

    A regular file only, unless streams: a pipe, a device or a socket is refused unopened (a
    pipe would wait for a writer, /dev/zero never ends). The file is opened without waiting and
    then checked, so that a pipe put there meanwhile is refused too. With streams, a pipe or a
    device is read (/dev/stdin, a FIFO, `<(curl …)`) up to the limit.
    """
    try:
        handle = os.open(path, os.O_RDONLY | (0 if streams else getattr(os, "O_NONBLOCK", 0)))
    except OSError as error:
        raise _os_error(path, error) from None
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableFile(Unreadable.DIRECTORY, path, "a directory, not a file")
        regular = stat.S_ISREG(status.st_mode)
        if not regular and not streams:
            raise UnreadableFile(
                Unreadable.NOT_REGULAR,
                path,
                "not a regular file (a pipe, a device or a socket); not read",
            )
        if regular and status.st_size > limit:
            raise too_large(path, limit, status.st_size, what)
        with os.fdopen(handle, "rb", buffering=0, closefd=False) as stream:
            if not regular:
                return read_stream(stream, path, limit=limit, what=what)
            try:  # in one piece, its size known, and one byte more to see one that grew meanwhile
                data = stream.read(status.st_size + 1)
            except MemoryError:
                raise _no_memory(path) from None
            if len(data) <= status.st_size:  # a regular file reads short only at its end
                return data
            return read_stream(stream, path, limit=limit, what=what, start=data)
    except OSError as error:
        raise _os_error(path, error) from None
    finally:
        os.close(handle)


def read_stream(
    stream: BinaryIO, path: Path | str, *, limit: int, what: str = "", start: bytes = b""
) -> bytes:
    """start and what a stream holds after it (standard input, a pipe, the rest of a file), at
    most limit bytes in all: read in pieces, so that an endless one is refused past the limit."""
    try:
        data = bytearray(start)
        while len(data) <= limit and (chunk := stream.read(min(_CHUNK, limit + 1 - len(data)))):
            data += chunk
        if len(data) > limit:
            raise too_large(path, limit, None, what)
        return bytes(data)
    except MemoryError:
        raise _no_memory(path) from None


def decoded(data: bytes, path: Path | str) -> str:
    """data as UTF-8 text, or UnreadableFile at the line and column of the first byte that is
    not (a byte-order mark, which some editors write, is kept: TOML readers drop it)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise UnreadableFile(
            Unreadable.NOT_UTF8,
            path,
            f"not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded); "
            "save the file as UTF-8",
            line,
            column,
        ) from None
    except MemoryError:
        raise _no_memory(path) from None


def read_text(path: Path, *, limit: int) -> str:
    """read_bytes() of a regular file, decoded() as UTF-8."""
    return decoded(read_bytes(path, limit=limit), path)


def _os_error(path: Path, error: OSError) -> UnreadableFile:
    if isinstance(error, FileNotFoundError):
        return UnreadableFile(Unreadable.MISSING, path, "no such file")
    if isinstance(error, IsADirectoryError):
        return UnreadableFile(Unreadable.DIRECTORY, path, "a directory, not a file")
    return UnreadableFile(Unreadable.OS_ERROR, path, f"cannot be read: {error.strerror or error}")


def _no_memory(path: Path | str) -> UnreadableFile:
    return UnreadableFile(Unreadable.NO_MEMORY, path, "too large to read in the memory available")
