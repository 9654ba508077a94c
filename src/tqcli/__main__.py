"""Entry point for the tq console script and `python -m tqcli`."""

from __future__ import annotations

import os
import sys

from tqcli.exits import ExitCode, debugging

# Nothing but what the console script has loaded already (re, and enum with it) is imported
# before main() starts catching Ctrl-C: typing alone took ~2 ms of that window.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


class _EscapedStderr:
    """Standard error for Click's own messages (usage errors), which repeat what the user typed:
    anything a terminal would obey is shown as an escape, as in every other message of tq's."""

    def write(self, text: str) -> int:
        from tqcli.textnorm import printable

        return sys.stderr.write(printable(text))

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return sys.stderr.isatty()


def main() -> None:
    """Run tq. A Ctrl-C at any moment, even during start-up, exits 130 without a traceback; so
    does a bug of ours exit 70 with one line, unless TQ_DEBUG is set (not to 0): then the
    traceback shows."""
    if sys.stderr is None:  # started with 2>&-: messages have nowhere to go, results still do
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (open for the life of the process)
    for variable in ("COLUMNS", "LINES"):
        # 0 means unknown (as stty and shutil read it), not a screen 0 wide that Rich would
        # fill with nothing: some CI runners and embedded terminals export COLUMNS=0.
        if os.environ.get(variable, "").strip("0 ") == "" and variable in os.environ:
            del os.environ[variable]
    if sys.stdout is None:  # started with >&-
        sys.stderr.write("tq: cannot write the output: standard output is closed\n")
        sys.exit(ExitCode.OUTPUT_ERROR)
    try:
        import typer
        from typer._click.exceptions import ClickException  # Typer vendors Click (pinned)

        from tqcli.cli import app_for

        try:
            code = app_for(sys.argv[1:])(prog_name="tq", standalone_mode=False)
        except ClickException as error:
            error.show(file=_EscapedStderr())  # type: ignore[arg-type]
            code = error.exit_code
        except typer.Abort:
            sys.stderr.write("tq: aborted\n")
            code = ExitCode.INTERRUPTED
        sys.exit(code if isinstance(code, int) else 0)
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except OSError as error:
        # Only output escapes the commands' own handling (reports_errors): Click writing --help
        # or --version to a full disk or a closed pipe.
        _output_failed(error)
    except Exception as error:  # the last line of defence against tracebacks
        if debugging():
            raise
        from tqcli.textnorm import printable

        sys.stderr.write(
            printable(
                f"tq: internal error ({type(error).__name__}: {error}); this is a bug in tq: "
                "please report it with the command you ran (TQ_DEBUG=1 shows the details)"
            )
            + "\n"
        )
        sys.exit(ExitCode.INTERNAL_ERROR)


def _output_failed(error: OSError) -> NoReturn:
    """Exit as a command does when its output cannot be written: 141 quietly for a reader gone
    away, else 74 with one line; stdout pointed at /dev/null, so the interpreter's last flush
    of what is left in its buffer cannot fail again."""
    import contextlib

    with contextlib.suppress(OSError, ValueError):  # no descriptor: nothing left to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if isinstance(error, BrokenPipeError):
        sys.exit(ExitCode.OUTPUT_CLOSED)
    sys.stderr.write(f"tq: cannot write the output: {error.strerror or error}\n")
    sys.exit(ExitCode.OUTPUT_ERROR)


def run() -> None:
    """The tq command (console script and python -m tqcli): main(), then exit without the
    interpreter's teardown, which only frees what the process is about to give back anyway
    (measured: ~10% of a query's run), whenever nothing is left for the teardown to do."""
    try:
        main()
    except SystemExit as leaving:
        _leave(leaving.code)
    _leave(0)


def _leave(code: object) -> NoReturn:
    """Exit with code: at once when output is flushed and no exit handler or other thread waits;
    else as Python always exits."""
    import atexit
    import threading

    if isinstance(code, int) and not getattr(atexit, "_ncallbacks", lambda: 1)():
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # Python's own exit reports it, as it always has
            sys.exit(code)
        if threading.active_count() == 1:
            os._exit(code)
    sys.exit(code)  # type: ignore[arg-type]


if __name__ == "__main__":
    run()
