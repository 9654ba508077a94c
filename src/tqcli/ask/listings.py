"""Questions on sanctions listings: whether someone is on a list now, which `tq match` screens
for, and when they were listed, which a list's own entry says."""

from __future__ import annotations

import itertools
import shlex
from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.claims import clauses, kind
from tqcli.ask.words import CANDIDATES, ROLE_FACTS, stems
from tqcli.model import EntityKind, Fact, FactKind, Filters, Hit, Match, Reply, Sanction

if TYPE_CHECKING:
    from tqcli.ask.judging import Judged
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question
    from tqcli.index import Index

_LISTING = frozenset(
    stems("list listed listing lists sanction sanctions sanctioned designate designated")
    + stems("designation blacklist blacklisted delist delisted")
)
"""Words that ask whether someone is on a sanctions list (or under sanctions)."""
_PRESENT_SAID = frozenset(("is", "are", "isn", "aren", "currently"))
"""Words with which a claim says how things stand as of its writing ("is not currently
listed"); "has been" / "have been" too ("has been on the United Nations sanctions list since
2001"), read as a pair."""


_LISTED = frozenset(("listed", "designated", "sanctioned", "blacklisted"))
"""The verbs, as typed, of being put on a list ("When was X listed?"): not "delisted" (a
listing's date is not its removal's), nor a noun ("when did the 1267 sanctions apply")."""


def dates_its_listing(question: Question, fact: Fact, lookups: Lookups) -> bool:
    """Whether the fact is a list's own record of the listing a "when" question asks ("When
    was Baradar listed by the UN?"): an entry of a list the user loaded (a listing), of one the
    question names (see _asked), asked when they were listed, designated or sanctioned. Its
    date is the listing's ("..., under the Taliban sanctions, listed on 2001-02-23"), however
    far its claim puts it from the name."""
    details = fact.details
    return (
        isinstance(details, Sanction)
        and details.is_listing
        and asks_when_listed(question)
        and not _asked(question, lookups).isdisjoint(details.targets)
    )


def _asked(question: Question, lookups: Lookups) -> frozenset[str]:
    """The entities the question names (most of one of their names), and those the packs say
    are the same (same_as): a list writes "ABDUL GHANI BARADAR ABDUL AHMAD TURK" for the
    "Baradar" asked, whom the built-in pack links to that listing."""
    named = {
        entity_id
        for entity_id, _ in lookups.all_written()
        if lookups.named_in(entity_id, question.weights)
    }
    entities = lookups.catalog.entities
    return frozenset(named).union(
        *(entities[entity_id].same_as for entity_id in named if entity_id in entities)
    )


def asks_when_listed(question: Question) -> bool:
    """Whether a "when" question asks when someone it names was listed, designated or
    sanctioned."""
    return bool(question.named) and any(
        question.spelled.get(word) in _LISTED for word in question.happened
    )


def listings_searched(index: Index, question: Question) -> list[Hit]:
    """For "when was X listed": the sanctions facts on the names the question gives (a list's
    entry among them), which the many facts on X that say neither may outrank."""
    words = sorted(question.named | question.happened)
    return list(index.ranked(words, Filters(kinds=frozenset({FactKind.SANCTION})), ROLE_FACTS))


def listing_first(question: Question, judged: list[Judged], lookups: Lookups) -> list[Judged]:
    """For "when was X listed": the list's own records of the listing first among the answers
    (see dates_its_listing), before another source's account of it ("on the United Nations
    sanctions list since 2001"); the others as they were."""
    first = [
        item
        for item in judged
        if item.reply.match is Match.ANSWER and dates_its_listing(question, item.hit.fact, lookups)
    ]
    if not first:
        return judged
    return first + [item for item in judged if item not in first]


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
    the name the pack gives them (see subject), or NAME."""
    one = subject(question, judged, lookups)
    entity = lookups.catalog.entities.get(one) if one else None
    name = shlex.quote(entity.name) if entity is not None else "NAME"
    return (
        "whether a name is on a sanctions list now is for tq match, which screens it against"
        f" the lists loaded (tq import adds one): tq match {name}"
    )
