"""Many queries in one run: one a line, each answered from the same index, in order."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

from tqcli.errors import BadQuery, BadRequest, QueryProblem, TqError, UnreadableLine
from tqcli.exits import debugging
from tqcli.index import Index
from tqcli.index.store import CorruptIndex

_T = TypeVar("_T")


class LineFault(Exception):
    """A bug of tq's met on one line of a batch: that line's object says so and the batch goes
    on, so a script keeps every other line's answer; the run then exits 70, as a bug does."""

    def __init__(self, error: Exception) -> None:
        super().__init__(
            f"internal error ({type(error).__name__}: {error}); this is a bug in tq: please "
            "report it with this line (TQ_DEBUG=1 shows the details)"
        )


def fault(error: Exception) -> LineFault:
    """The LineFault for a bug met on one line; with TQ_DEBUG set (not 0), the bug itself, raised
    again, for its traceback (as a single run shows it)."""
    if debugging():
        raise error
    return LineFault(error)


# A line with no quote, no backslash and no white space but the shell's own: shlex would split
# it at its blanks alone, as str.split does (and ten times faster; most lines are like this).
# One character at a time, from two classes that share none: a pattern of words each followed
# by optional blanks could split a word anywhere, and tried every way on a line it does not
# match (a question of eight words ending in "al-Qaida's?": minutes).
_PLAIN = re.compile(r"(?:[^'\"\\\s]|[ \t\r\n])*")

# An apostrophe between two letters of a word ("al-Qaida's", "Qa'ida") in a line that a shell
# would read as opening a quote: in a line nobody typed at a shell it is the word's own.
_WORD_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_STAND_IN = "\ue000"  # a private-use character, for the apostrophe while shlex reads the line


def stdin_lines(stdin: TextIO | None = None) -> Iterable[str]:
    """The lines of standard input for a batch, split at line feeds only: a lone carriage
    return (an old Mac line end, a spreadsheet cell's) stays inside its line, so that output
    line N answers input line N whatever the line ends. Bytes that are not UTF-8 are kept as
    surrogate escapes, never a reason for a traceback: not_utf8 tells such a line, which is
    answered with an error rather than as the different text a replacement would make of it (a
    Latin-1 "M\xfcller" screened as "M?ller"). A byte order mark is dropped. BadRequest when
    standard input is closed (started with <&-)."""
    stdin = sys.stdin if stdin is None else stdin
    if stdin is None:
        raise BadRequest("--batch reads standard input, and it is closed")
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # a text stream only (a test's): its lines as it splits them
        return stdin
    import io

    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="\n")


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def not_utf8(line: str) -> UnreadableLine | None:
    """Why a line read by stdin_lines cannot be taken as it stands (a byte that is not UTF-8),
    or None. The error's line shows each such byte as U+FFFD, so that it can be printed."""
    found = _ESCAPED_BYTE.search(line)
    if found is None:
        return None
    byte = ord(found.group()) - 0xDC00
    shown = _ESCAPED_BYTE.sub("\ufffd", line)
    return UnreadableLine(
        shown,
        f"it is not UTF-8 text (byte 0x{byte:02X} at character {found.start() + 1}); "
        "convert the input to UTF-8 (for Latin-1: iconv -f latin1 -t utf-8)",
    )


def arguments(line: str) -> list[str]:
    """A line of a batch as the arguments it would be after `tq search`: split as a POSIX shell
    splits words, quotes included, so that '"bin laden" money' is a phrase and a word; where
    the shell would find a quote unclosed, an apostrophe inside a word is the word's own."""
    if _PLAIN.fullmatch(line):
        return line.split()
    import shlex

    try:
        return shlex.split(line)
    except ValueError as error:
        if "quotation" not in str(error):
            raise UnreadableLine(line, str(error)) from None  # a line ending in a lone backslash
        read = line
        if _STAND_IN not in line and _WORD_APOSTROPHE.search(line):
            read = _WORD_APOSTROPHE.sub(_STAND_IN, line)
            with contextlib.suppress(ValueError):
                return [word.replace(_STAND_IN, "'") for word in shlex.split(read)]
        # As `tq search` says it, naming the quote that opened the phrase.
        raise BadQuery(QueryProblem.UNCLOSED_QUOTE, line, _open_quote(read)) from None


def _open_quote(line: str) -> str:
    """The quote left open at the end of a line that a POSIX shell would read as unclosed:
    outside quotes a backslash escapes the next character and ' or " opens a quote; inside
    double quotes a backslash escapes the next character too; inside single quotes nothing
    does (shlex's rules)."""
    open_quote, escaped = "", False
    for character in line:
        if escaped:
            escaped = False
        elif character == "\\" and open_quote != "'":
            escaped = True
        elif open_quote:
            open_quote = "" if character == open_quote else open_quote
        elif character in "'\"":
            open_quote = character
    return open_quote or '"'


def answer_each(
    index: Index,
    lines: Iterable[str],
    answer: Callable[[Index, str], _T],
    rebuild: Callable[[], Index],
) -> Iterator[tuple[str, _T | BadRequest | LineFault]]:
    """Each line (its line break removed) with its answer, the BadRequest it raised, or the
    LineFault of a bug met on it: one pair per line, blank lines included, so answers line up
    with the queries.

    Every row an answer needs is read before it is yielded; a row found damaged on the way
    costs a rebuild (rebuild gives the new index), never a wrong or half-written answer.
    """
    for line in lines:
        query = line.rstrip("\r\n")
        if (unreadable := not_utf8(query)) is not None:
            yield unreadable.line, unreadable
            continue
        try:
            try:
                result = answer(index, query)
                index.prefetch(result)
            except CorruptIndex:
                index = rebuild()
                result = answer(index, query)
                index.prefetch(result)
        except BadRequest as error:
            yield query, error
        except (TqError, OSError):
            raise  # about every line, not this one: the command reports it as a single run does
        except Exception as error:
            yield query, fault(error)
        else:
            yield query, result
