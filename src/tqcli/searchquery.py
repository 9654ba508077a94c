"""Search query syntax: "exact phrases", prefix*, -excluded words, any or all terms, as FTS5 MATCH.

Words are folded and stemmed as the index is, and only those tokens (letters and digits) reach
SQLite, each quoted: whatever a user types, the MATCH expression is well formed, so a mistake in
a query is reported here, in words, and never as an SQLite error.
"""

# No `from __future__ import annotations`: NamedTuple would compile every annotation string at
# import (measured: ~1 ms of every search).
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from tqcli.errors import BadQuery, QueryProblem
from tqcli.textnorm import fold, stem, tokens

_WORD = re.compile(r"\w+")  # the index's own token pattern (textnorm): compiled once, shared


class Term(NamedTuple):
    """One thing a query looks for: a word, or several that must occur together in order."""

    words: tuple[str, ...]
    """The folded, stemmed words, in order; the last one unstemmed when it is a prefix."""
    prefix: bool
    """The last word may be the start of a longer one (``qa*`` finds qaeda, qaida)."""
    excluded: bool
    """Facts matching the term are left out (``-isis``)."""
    named: bool = False
    """The words, as typed, are a name or alias of an entity ("GPL-3.0"): the term finds the
    facts about it too, whose names column holds each word of the entity's names once (so a
    name's words are not always there in its order)."""

    def match(self, *, names: bool = True) -> str:
        """The term as an FTS5 phrase, tokens quoted so that nothing in them is syntax; with
        names, a named term's words also anywhere in the names column."""
        phrase = '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")
        if not (names and self.named):
            return phrase
        return f"({phrase} OR names : (" + " AND ".join(f'"{w}"' for w in self.words) + "))"


class Query(NamedTuple):
    """A parsed search: terms to find (any or all of them) and terms to exclude."""

    terms: tuple[Term, ...]
    require_all: bool
    """Every term must match (``--all``), rather than any one of them."""

    def match(self, *, names: bool = True) -> str:
        """The FTS5 MATCH expression; without names, the terms to find as phrases only (an
        excluded name leaves out the facts about it either way)."""
        wanted = [term.match(names=names) for term in self.terms if not term.excluded]
        unwanted = [term.match() for term in self.terms if term.excluded]
        expression = "(" + (" AND " if self.require_all else " OR ").join(wanted) + ")"
        if unwanted:
            expression += " NOT (" + " OR ".join(unwanted) + ")"
        return expression

    def finds_names(self) -> bool:
        """Whether a term to find is a name (Term.named), which finds more than its phrase."""
        return any(term.named and not term.excluded for term in self.terms)

    def number(self) -> str | None:
        """The number the query is, when it is one bare number and nothing else ("1267").

        A number names one thing (a resolution, a figure, a year), and a fact named after that
        thing has an id that ends with it ("un-resolution-1267"), while the facts about its
        parts carry it as a qualifier ("un-1267-funds-freeze"): the search puts those first.
        """
        if len(self.terms) != 1:
            return None
        term = self.terms[0]
        plain = not term.prefix and not term.excluded and len(term.words) == 1
        return term.words[0] if plain and term.words[0].isdecimal() else None


def _no_name(text: str) -> bool:
    return False


def parse(
    arguments: Sequence[str],
    *,
    require_all: bool = False,
    is_name: Callable[[str], bool] = _no_name,
) -> Query:
    """The query the arguments of ``tq search`` make; BadQuery saying what is wrong if none.

    An argument of several words with no syntax in it (``tq search "bin laden"``, quoted in the
    shell) is a phrase. Otherwise, in each argument: ``"..."`` is a phrase, a word ending in
    ``*`` a prefix, a word or phrase starting with ``-`` is excluded. A phrase that is_name says
    is an entity's name or alias finds the facts about that entity too (Term.named).
    """
    terms: list[tuple[Term, str]] = []  # each with the text it was made of
    for argument in arguments:
        if argument.isascii() and argument.isalnum():  # a word and nothing else, as most are
            terms.append((Term((stem(argument.lower()),), False, False), argument))  # as _term
            continue
        terms.extend(_term(argument) if is_phrase(argument) else _terms(argument))
    if not terms:
        raise BadQuery(QueryProblem.NOTHING, " ".join(arguments))
    if all(term.excluded for term, _ in terms):
        raise BadQuery(QueryProblem.ALL_EXCLUDED, " ".join(arguments))
    return Query(tuple(dict.fromkeys(_named(terms, is_name))), require_all)


def is_phrase(argument: str) -> bool:
    """Whether an argument is read as one phrase: several words and no query syntax in it."""
    parts = argument.split()
    return (
        len(parts) > 1
        and not any(c in argument for c in '"*')
        and not any(part[0] == "-" for part in parts)
    )


def _named(terms: list[tuple[Term, str]], is_name: Callable[[str], bool]) -> list[Term]:
    """The terms, each phrase of several words marked when its text is a name (is_name)."""
    return [
        term._replace(named=True)
        if len(term.words) > 1 and not term.prefix and is_name(text)
        else term
        for term, text in terms
    ]


def _terms(argument: str) -> list[tuple[Term, str]]:
    # Split at double quotes, not with a regular expression (compiling one costs every search
    # a few tenths of a millisecond): odd pieces are inside quotes, even pieces outside.
    pieces = argument.split('"')
    if len(pieces) % 2 == 0:
        raise BadQuery(QueryProblem.UNCLOSED_QUOTE, argument)
    terms: list[tuple[Term, str]] = []
    for n, piece in enumerate(pieces):
        if n % 2:
            if not _WORD.search(fold(piece)):
                raise BadQuery(QueryProblem.EMPTY_PHRASE, argument)
            excluded = _ends_with_minus(pieces[n - 1])
            terms.extend(_term(piece, excluded=excluded, prefix=pieces[n + 1].startswith("*")))
            continue
        start = 1 if n > 0 and piece.startswith("*") else 0  # the star of the phrase before
        end = -1 if n < len(pieces) - 1 and _ends_with_minus(piece) else None  # its minus
        for bare in piece[start:end].split():
            terms.extend(_bare(bare))
    return terms


def _ends_with_minus(text: str) -> bool:
    """Whether text ends with a minus of its own (``-`` alone or after a space)."""
    return text.endswith("-") and (len(text) == 1 or text[-2].isspace())


def _bare(bare: str) -> list[tuple[Term, str]]:
    """The term of a word outside quotes: -excluded, prefix*, or plain."""
    excluded = bare.startswith("-") and len(bare) > 1
    text = bare[1:] if excluded else bare
    prefix = text.endswith("*")
    text = text.rstrip("*")
    if "*" in text:
        raise BadQuery(QueryProblem.STAR_INSIDE, bare)
    if prefix and not _WORD.search(fold(text)):
        raise BadQuery(QueryProblem.STAR_ALONE, bare)
    return _term(text, excluded=excluded, prefix=prefix)


def _term(text: str, *, excluded: bool = False, prefix: bool = False) -> list[tuple[Term, str]]:
    """A term for text (with text), or none when text holds no word (punctuation alone is
    ignored)."""
    if not prefix:
        words = tokens(text)
        return [(Term(tuple(words), False, excluded), text)] if words else []
    words = _WORD.findall(fold(text))
    if not words:
        return []
    # The index holds stems: a prefix finds them when it is cut back to its own stem first
    # ("sanctions*" finds "sanction"), but never made longer or changed ("paid*" stays "paid").
    last = words[-1]
    stemmed = stem(last)
    if last.startswith(stemmed):
        last = stemmed
    return [(Term((*map(stem, words[:-1]), last), True, excluded), text)]
