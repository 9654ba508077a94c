"""Questions on sanctions listings: whether someone is on a list now, which `tq match` screens
for, and when they were listed, which a list's own entry says."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.claims import clauses, kind
from tqcli.ask.words import CANDIDATES, ROLE_FACTS, stems
from tqcli.model import EntityKind, Fact, FactKind, Filters, Hit, Match, Reply, Sanction
from tqcli.shellwords import shell_word
from tqcli.textnorm import tokens

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
    far its claim puts it from the name (where the list gives none, as OFAC's SDN files do,
    listing_first makes it a partial answer)."""
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
    sanctions list since 2001"); an entry giving the list's own date, not the listing's, or a
    report of how the listing stands, a partial answer (see list_dated, _stated_now), and so is
    an entry whose names have fewer of the question's words than another's (_of_another); the
    entries whose names have the most of them first among the partial answers; the others as
    they were."""
    stated = _stated_now(question, judged, lookups) if asks_when_listed(question) else ()
    judged = [
        _undated_listing(question, item) if list_dated(item) or item in stated else item
        for item in judged
    ]
    named = {item.hit.fact.id: _names_asked(question, item, lookups) for item in judged}
    most = max((len(names) for names in named.values()), default=0)
    judged = [
        _of_another(question, item, named[item.hit.fact.id])
        if _entry_answer(item) and (not most or len(named[item.hit.fact.id]) < most)
        else item
        for item in judged
    ]
    first = [
        item
        for item in judged
        if item.reply.match is Match.ANSWER and dates_its_listing(question, item.hit.fact, lookups)
    ]
    # (Then the other answers, then the partial answers; the lists' entries among these, in
    # the places they hold, those whose names have the most of the question's words first:
    # HAQQANI NETWORK's own before one "Linked To" it.)
    rest = sorted(
        (item for item in judged if item not in first),
        key=lambda item: item.reply.match is not Match.ANSWER,
    )
    entries = [
        n for n, item in enumerate(rest) if item.reply.match is Match.PARTIAL and _is_entry(item)
    ]
    by_names = sorted((rest[n] for n in entries), key=lambda item: -len(named[item.hit.fact.id]))
    for n, item in zip(entries, by_names, strict=True):
        rest[n] = item
    return first + rest


_LIST_DATE = re.compile(r"\b(?:as of|imported on) (\d{4}(?:-\d\d){0,2})\b")
"""Where a listing's claim says the list's own date, as of which the entry stands (the
importers' "as of 2021-08-20 (its date of publication, given on import)", "in an undated file
imported on 2026-11-27"): when the list was published or read, not when anyone was listed."""
_A_DATE = re.compile(r"\d{4}(?:-\d\d){0,2}")


def list_dated(item: Judged) -> bool:
    """Whether an answer (or partial answer) to "when" is a list's entry giving the list's date (see
    _LIST_DATE) rather than the listing's own (when it was made or amended): OFAC's SDN files
    give no date of designation, so "When was the Haqqani Network designated by OFAC?" was
    answered with the year the file was published, or imported (stranger 19, findings 2
    and 17; OFAC designated it in 2012)."""
    fact = item.hit.fact
    details = fact.details
    answer = item.reply.answer
    if not isinstance(details, Sanction) or not details.is_listing or not _A_DATE.fullmatch(answer):
        return False
    own = [str(day) for day in (details.adopted, *details.updated) if day is not None]
    if any(day.startswith(answer) or answer.startswith(day) for day in own):
        return False
    return any(found.group(1).startswith(answer) for found in _LIST_DATE.finditer(fact.claim))


def _stated_now(question: Question, judged: list[Judged], lookups: Lookups) -> list[Judged]:
    """For "when was X designated": the answers dated by their fact's own date whose claim only
    says how X's listing stands then, in the present ("... and is designated by the UN and by
    the US Department of State", in a report of 2021-09-11), not when X was listed; a time the
    claim gives ("has been on the United Nations sanctions list since 2001") is another
    matter."""
    one = subject(question, judged, lookups)
    whose = lookups.words_named(one, question.weights) if one else question.named - _LISTING
    return [
        item
        for item in judged
        if item.reply.match is Match.ANSWER
        and (date := item.hit.fact.date) is not None
        and item.reply.answer == str(date)
        and item.reply.answer not in item.hit.fact.claim
        and _says_how_it_stands(item.hit.fact.claim, whose)
    ]


def _is_entry(item: Judged) -> bool:
    """Whether a candidate is a list's entry."""
    details = item.hit.fact.details
    return isinstance(details, Sanction) and details.is_listing


def _entry_answer(item: Judged) -> bool:
    """Whether an answer is a list's entry."""
    return item.reply.match is Match.ANSWER and _is_entry(item)


def _names_asked(question: Question, item: Judged, lookups: Lookups) -> frozenset[str]:
    """The question's words, but those of listing, that a list's entry has in its names (its
    target's, aliases included), the most of any target; none for another fact."""
    details = item.hit.fact.details
    if not isinstance(details, Sanction) or not details.is_listing:
        return frozenset()
    asked = {word for word in question.weights if word not in _LISTING}
    return max(
        (frozenset(asked & lookups.name_words(target)) for target in details.targets),
        key=len,
        default=frozenset(),
    )


def _of_another(question: Question, item: Judged, names: frozenset[str]) -> Judged:
    """A list's entry answering "when" whose names have fewer of the question's words than
    another entry's, or none: its date is another's listing ("When was Zawahiri designated?"
    was answered by the UN's entry for the REVIVAL OF ISLAMIC HERITAGE SOCIETY, whose remarks
    say "designated"; "When was Mullah Omar sanctioned?" by MOHAMMAD AMAN AKHUND's, a Mullah
    too). A partial answer, its claim the short answer, leaving out the question's words its
    names do not have."""
    lacked = [word for word in question.weights if word not in _LISTING and word not in names]
    unmatched = (
        [word for word in lacked if word not in question.happened]
        or lacked
        or [word for word in question.weights if word in _LISTING]
    )
    said = tuple(dict.fromkeys(question.spelled[word] for word in unmatched))
    reply = Reply(Match.PARTIAL, item.hit.fact.claim, said or ("when",))
    return msgspec.structs.replace(item, reply=reply, fits=False)


def _undated_listing(question: Question, item: Judged) -> Judged:
    """An answer that dates no listing asked (a list's entry dated as of the list, a report of
    how a listing stands): a partial answer, its claim the short answer, and what it gives no
    date of the question's words for the listing ("designated"), else those for what happened
    that its claim does not say ("added")."""
    claim = set(tokens(item.hit.fact.claim))
    asked = [word for word in question.weights if word in question.happened and word in _LISTING]
    asked = asked or [
        word for word in question.weights if word in question.happened and word not in claim
    ]
    asked = asked or [word for word in question.weights if word in _LISTING]
    unmatched = (
        item.reply.unmatched
        if item.reply.match is Match.PARTIAL
        else tuple(dict.fromkeys(question.spelled[word] for word in asked)) or ("when",)
    )
    reply = Reply(Match.PARTIAL, item.hit.fact.claim, unmatched)
    # (Not the kind of answer asked, a date, that two rankers' agreement could make one.)
    return msgspec.structs.replace(item, reply=reply, fits=False)


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
