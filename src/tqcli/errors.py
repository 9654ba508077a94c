"""Domain errors, raised in the core and turned into messages and exit codes by the CLI.

Each carries the data of what went wrong; the wording a user reads (flag names, the command to
try next) belongs to the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from tqcli.model import Entity, Pack, Problem


class TqError(Exception):
    """Base of every error tq reports to a user."""


class InvalidPacks(TqError):
    """Packs in effect do not load; every problem found is listed."""

    def __init__(self, problems: Sequence[Problem], packs: Sequence[Pack]) -> None:
        self.problems = tuple(problems)
        self.packs = tuple(packs)
        """The packs loaded together when the problems were found (a duplicate id is one only
        among them): what `tq validate` must check again to show the same problems."""
        super().__init__(f"{len(self.problems)} problem(s) in the fact packs")


class BadRequest(TqError):
    """The user asked for something that cannot be done as asked (a missing directory, an
    unknown entity in a filter, a malformed date)."""


class UnreadableLine(BadRequest):
    """A line of a batch that cannot be read as a query: it cannot be split into arguments
    (an unclosed quote), or it is not UTF-8 text."""

    def __init__(self, line: str, reason: str) -> None:
        self.line = line
        self.reason = reason
        """What is wrong: as the shell-like splitter says it ("No closing quotation"), or
        which byte is not UTF-8."""
        super().__init__(f"cannot read {line!r}: {reason}")


class NoQuestion(BadRequest):
    """A question with no word in it."""

    def __init__(self, question: str) -> None:
        self.question = question
        super().__init__(f"no question in {question!r}")


class QueryProblem(str, Enum):
    """What is wrong with a search query's syntax."""

    NOTHING = "nothing"
    """No word or number in it at all."""
    ALL_EXCLUDED = "all-excluded"
    """Every term is excluded (-word): nothing is left to look for."""
    UNCLOSED_QUOTE = "unclosed-quote"
    """A quote opens a phrase that never ends (a double quote; in a line of search --batch,
    read as a shell reads it, a single quote too)."""
    EMPTY_PHRASE = "empty-phrase"
    """A pair of double quotes holds no word."""
    STAR_INSIDE = "star-inside"
    """A '*' inside a word: it only ends one (a prefix)."""
    STAR_ALONE = "star-alone"
    """A '*' with no start of a word before it."""


class BadQuery(BadRequest):
    """A search query that cannot be read."""

    def __init__(self, problem: QueryProblem, text: str, quote: str = '"') -> None:
        self.problem = problem
        self.text = text
        """The query, or the part of it that is wrong (an argument, a phrase, a word)."""
        self.quote = quote
        """For an unclosed quote, the quote that opened it (' or ")."""
        super().__init__(f"{problem.value}: {text!r}")


class UnknownSource(BadRequest):
    """A source filter names no loaded source."""

    def __init__(self, source_id: str, closest: str | None) -> None:
        self.source_id = source_id
        self.closest = closest
        """The loaded source id nearest to it, if one is near."""
        super().__init__(f"no source with id {source_id!r}")


class UnknownEntity(BadRequest):
    """An entity filter names no loaded entity by id, name or alias."""

    def __init__(self, name: str, closest: str | None, candidates: Sequence[Entity] = ()) -> None:
        self.name = name
        self.closest = closest
        """The nearest known (folded) name, if one is near."""
        self.candidates = tuple(candidates)
        """The entities the name may be, screened as `tq who` screens it, best first."""
        super().__init__(f"no entity {name!r} in the loaded packs")


class AmbiguousEntity(BadRequest):
    """An entity filter's name or alias names several entities (not linked by same_as)."""

    def __init__(self, name: str, entities: Sequence[Entity]) -> None:
        self.name = name
        self.entities = tuple(entities)
        """Every entity it names, in load order (one of each group linked by same_as)."""
        super().__init__(f"{name!r} names {len(self.entities)} entities")


class NotFound(TqError):
    """Something the user named by id is not in the loaded packs."""


class UnknownName(NotFound):
    """A name that is no loaded entity's id, name, alias or listing reference, and screens
    as a match for none."""

    def __init__(self, name: str, nearest: Sequence[tuple[str, str, float]]) -> None:
        self.name = name
        self.nearest = tuple(nearest)
        """The nearest candidates worth naming: id, name and score, best first."""
        super().__init__(f"no person or organisation named {name!r}")


class IdIs(str, Enum):
    """What an id that names no fact names instead."""

    ENTITY = "entity"
    SOURCE = "source"
    NOTHING = "nothing"


class UnknownFacts(NotFound):
    """Ids asked for that name no loaded fact."""

    def __init__(
        self, missing: Sequence[tuple[str, IdIs, str | None]], *, or_source: bool = False
    ) -> None:
        self.missing = tuple(missing)
        """Each id, what it names instead, and the nearest fact id when it names nothing."""
        self.or_source = or_source
        """Whether a source's id was as good (tq cite takes either)."""
        what = "fact or source" if or_source else "fact"
        super().__init__("; ".join(f"no {what} with id {fact_id!r}" for fact_id, _, _ in missing))


class Unavailable(TqError):
    """Something tq must fetch cannot be had now: the connection is refused or times out, the
    host is not found, the server fails. Trying again later may work."""


class InvalidInput(TqError):
    """A file given to import is malformed, unsafe or of the wrong kind."""
