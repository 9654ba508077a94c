"""Entry point for the tq console script and `python -m tqcli`."""

from __future__ import annotations

import sys


def main() -> None:
    """Run tq; a Ctrl-C at any moment, even during start-up, exits 130 without a traceback."""
    try:
        from tqcli.cli import app

        app(prog_name="tq")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
