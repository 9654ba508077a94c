"""Entry point for the tq console script and `python -m tqcli`."""

from __future__ import annotations

import os
import sys

from tqcli.exits import ExitCode


def main() -> None:
    """Run tq. A Ctrl-C at any moment, even during start-up, exits 130 without a traceback; so
    does a bug of ours exit 70 with one line, unless TQ_DEBUG is set (then the traceback shows)."""
    try:
        from tqcli.cli import app_for

        app_for(sys.argv[1:])(prog_name="tq")
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except Exception as error:  # the last line of defence against tracebacks
        if os.environ.get("TQ_DEBUG"):
            raise
        sys.stderr.write(
            f"tq: internal error ({type(error).__name__}: {error}); this is a bug in tq: "
            "please report it with the command you ran (TQ_DEBUG=1 shows the details)\n"
        )
        sys.exit(ExitCode.INTERNAL_ERROR)


if __name__ == "__main__":
    main()
