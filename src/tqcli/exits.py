"""The exit codes tq documents (README, `tq --help`): the one place they are defined."""

from __future__ import annotations

import os
from enum import IntEnum


class ExitCode(IntEnum):
    """How a run of tq ended."""

    OK = 0
    NO_RESULTS = 1
    USAGE = 2
    INVALID_DATA = 3
    SKIPPED_RECORDS = 4
    UNAVAILABLE = 69  # sysexits' EX_UNAVAILABLE: a download refused, timed out, not found
    INTERNAL_ERROR = 70  # sysexits' EX_SOFTWARE: a bug of ours
    OUTPUT_ERROR = 74  # sysexits' EX_IOERR: the output cannot be written (closed, disk full)
    INTERRUPTED = 130
    OUTPUT_CLOSED = 141


def debugging() -> bool:
    """Whether TQ_DEBUG asks for a bug's traceback instead of exit 70's one line (TQ_DEBUG=0 is
    off, as FORCE_COLOR=0 is)."""
    return os.environ.get("TQ_DEBUG", "0") != "0"
