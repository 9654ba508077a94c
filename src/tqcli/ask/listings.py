"""Questions on whether someone is on a sanctions list now, which `tq match` screens for."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.claims import clauses, kind
from tqcli.ask.words import CANDIDATES, stems
from tqcli.model import EntityKind, Match, Reply, Sanction
from tqcli.shellwords import shell_word

if TYPE_CHECKING:
    from tqcli.ask.judging import Judged
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question

_LISTING = frozenset(
    stems("list listed listing lists sanction sanctions sanctioned designate designated")
    + stems("designation blacklist blacklisted delist delisted")
)
"""Words that ask whether someone is on a sanctions list (or under sanctions)."""
_PRESENT_SAID = frozenset(("is", "are", "isn", "aren", "currently"))
"""Words with which a claim says how things stand as of its writing ("is not currently
listed"); "has been" / "have been" too ("has been on the United Nations sanctions list since
2001"), read as a pair."""


def asks_listed_now(question: Question) -> bool:
    """Whether a yes/no question in the present tense (asked of now: not of a year, nor of a
    source's words, which the caller checks) asks whether someone is on a sanctions list or
    under sanctions -- not what a resolution does ("Does resolution 1267 sanction the
    Taliban?")."""
    return not _LISTING.isdisjoint(question.weights) and not question.resolutions


def listed_then(question: Question, judged: list[Judged], lookups: Lookups) -> list[Judged]:
    """Whether someone is listed now is no past act's to say: a resolution that imposed
    sanctions "in relation to Usama bin Laden" in 2002, or a listing made in 2007, says how
    things stood then. An answer stays one only where it is itself a listing (an entry of a
    list the user loaded) or a sentence of its claim that names the one asked says how things
    stand as of its writing, in the present ("Abdul Ghani Baradar has been on the United
    Nations sanctions list since 2001", "... is not currently listed"); the others are partial,
    leaving out the words that ask of the list. (Whether a name is on a list now is what `tq
    match` screens, against the lists loaded: see screening_hint.)"""
    asked = tuple(question.spelled[word] for word in question.weights if word in _LISTING)
    one = subject(question, judged, lookups)
    whose = lookups.words_named(one, question.weights) if one else question.named - _LISTING
    said = []
    for item in judged:
        fact = item.hit.fact
        if item.reply.match is Match.ANSWER and not (
            (isinstance(fact.details, Sanction) and fact.details.is_listing)
            or _says_how_it_stands(fact.claim, whose)
        ):
            said.append(
                msgspec.structs.replace(item, reply=Reply(Match.PARTIAL, item.reply.answer, asked))
            )
        else:
            said.append(item)
    # (Answers first, each group in the order it had.)
    return sorted(said, key=lambda item: item.reply.match is not Match.ANSWER)


def _says_how_it_stands(claim: str, whose: frozenset[str]) -> bool:
    """Whether a sentence of the claim naming one of these words speaks, in a clause, of a list
    or sanctions in the present tense."""
    for sentence in clauses(claim):
        if whose.isdisjoint(stem for _, stems_ in sentence for stem in stems_):
            continue
        for words, stems_ in sentence:
            if _LISTING.isdisjoint(stems_):
                continue
            if not _PRESENT_SAID.isdisjoint(words) or any(
                first in ("has", "have") and second == "been"
                for first, second in itertools.pairwise(words)
            ):
                return True
    return False


def subject(question: Question, judged: list[Judged], lookups: Lookups) -> str | None:
    """The person or organisation the question names by the most words, among those the first
    candidates name ("Osama bin Laden", not Hamza bin Laden); None where two tie."""
    named = {
        entity_id: len(lookups.words_named(entity_id, question.weights))
        for item in judged[:CANDIDATES]
        for entity_id in item.hit.fact.entities()
        if kind(entity_id, lookups.catalog) in (EntityKind.PERSON, EntityKind.ORGANIZATION)
    }
    most = max(named.values(), default=0)
    best = [entity_id for entity_id, count in named.items() if count == most]
    return best[0] if most and len(best) == 1 else None


def screening_hint(question: Question, judged: list[Judged], lookups: Lookups) -> str:
    """Where to find out whether the one the question names is listed now: `tq match`, with
    the name the pack gives them (see subject), or NAME. The command ends the hint: the CLI
    adds to it the options that chose the packs (--facts, --no-builtin), so that run as
    suggested it screens against the lists this question was asked of."""
    one = subject(question, judged, lookups)
    entity = lookups.catalog.entities.get(one) if one else None
    name = shell_word(entity.name) if entity is not None else "NAME"
    return (
        "whether a name is on a sanctions list now is for tq match, which screens it against"
        f" the lists loaded (tq import adds one): tq match {name}"
    )
