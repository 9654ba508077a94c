"""Domain errors, raised in the core and turned into messages and exit codes by the CLI."""

from __future__ import annotations

from collections.abc import Sequence

from tqcli.model import Problem


class TqError(Exception):
    """Base of every error tq reports to a user."""


class InvalidPacks(TqError):
    """Packs in effect do not load; every problem found is listed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the fact packs")


class BadRequest(TqError):
    """The user asked for something that cannot be done as asked (a missing directory, an
    unknown entity in a filter, a malformed date)."""


class NotFound(TqError):
    """Something the user named by id is not in the loaded packs."""


class InvalidInput(TqError):
    """A file given to import is malformed, unsafe or of the wrong kind."""
