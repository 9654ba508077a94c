"""Running the installed tq as a hostile user would: in pipes and on terminals, with odd streams
and environments, and checking what reaches the terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import HOSTILE_PACK, MINI_PACK, run_on_terminal

TESTS = Path(__file__).resolve().parent.parent
MINI = ["--no-builtin", "--facts", str(MINI_PACK)]
HOSTILE = ["--no-builtin", "--facts", str(HOSTILE_PACK)]
TQ = Path(sys.executable).parent / "tq"

# What a terminal obeys rather than shows: C0 controls but tab and newline, DEL, C1 controls,
# bidirectional overrides and isolates, line and paragraph separators.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# Select Graphic Rendition: the only escape sequence tq itself writes (colour and style).
SGR = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Run:
    """What a run of tq did."""

    code: int
    out: str
    err: str

    def assert_no_bug(self) -> None:
        """No traceback and no exit 70: whatever went wrong was the user's, and said so."""
        assert "Traceback" not in self.err, self.err
        assert "tq: internal error" not in self.err, self.err
        assert self.code != 70, self.err


def environment(**changes: str | None) -> dict[str, str]:
    """This process's environment with changes (None removes a variable); colour variables
    are removed unless set, so each test decides them."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TQ_FACTS_PATH"}
    }
    env.setdefault("TERM", "xterm-256color")
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _finished(result: subprocess.CompletedProcess[bytes]) -> Run:
    return Run(
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def tq(
    *args: str | bytes | Path,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> Run:
    """Run the installed tq in pipes."""
    return _finished(
        subprocess.run(
            [TQ, *args],
            input=stdin,
            capture_output=True,
            env=env or environment(),
            cwd=cwd,
            timeout=timeout,
            check=False,
        )
    )


def tq_shell(command: str, *, env: dict[str, str] | None = None, timeout: float = 60) -> Run:
    """Run a shell command line in which `tq` is the installed one (for redirections such as
    >&- that Python's subprocess cannot express)."""
    return _finished(
        subprocess.run(
            ["sh", "-c", command.replace("tq ", f"{TQ} ", 1)],
            capture_output=True,
            env=env or environment(),
            timeout=timeout,
            check=False,
        )
    )


def tq_on_terminal(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    """Run the installed tq with stdin, stdout and stderr on one pseudo-terminal, as a user at a
    terminal does; what it printed is `out` (stdout and stderr together, as a terminal shows)."""
    code, shown_bytes = run_on_terminal([TQ, *args], env or environment(), stderr_too=True)
    text = shown_bytes.decode("utf-8", "replace").replace("\r\n", "\n")
    return Run(code, text, text)


def has_colour(text: str) -> bool:
    """Whether text sets a colour (SGR 30-38, 40-48, 90-107), not just bold or italic: NO_COLOR
    and --color never are about colour."""
    codes = {
        int(code)
        for sequence in SGR.findall(text)
        for code in sequence[2:-1].split(";")
        if code.isdigit()
    }
    return any(30 <= code <= 48 or 90 <= code <= 107 for code in codes)


def shown(text: str) -> str:
    """Text less tq's own colour codes: what must then hold no raw control at all."""
    return SGR.sub("", text)
