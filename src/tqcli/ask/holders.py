"""Who holds a post now: its latest sourced holders, less the dead and those who left it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.answering import with_more
from tqcli.ask.claims import clauses, kind, name_spans, written
from tqcli.ask.judging import Judged
from tqcli.ask.question import is_year
from tqcli.ask.short_answers import short_answer
from tqcli.ask.words import ASIDE, FUNCTION_WORDS, ROLE_FACTS, SAYING_VERBS, WORD, stems
from tqcli.index import Index
from tqcli.model import EntityKind, Fact, Filters, Hit, Match, PartialDate, Reply
from tqcli.textnorm import fold, stem

if TYPE_CHECKING:
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question


_ROLE_CANDIDATES = 1
_NOW_ROLE_FACTS = 2
"""How many organisations the question names are searched for facts about them."""
_HOLDERS_CHECKED = 5
"""How many people named by the best answers are looked up for their death or removal."""
# How English says that someone died, or left a post: "X died", "X was killed", "X was shot
# dead"; "a drone strike killed his predecessor X"; "X was replaced". Words a name may be
# followed by before the verb.
_DIED = frozenset(("died", "dies", "dead", "killed", "assassinated", "executed", "slain"))
_REMOVED = frozenset(("replaced", "removed", "ousted", "deposed", "dismissed", "sacked"))
_QUIT = frozenset(("fled", "flees", "resigned", "resigns", "abdicated"))
"""Verbs with which someone leaves a post themselves ("Ghani ... fled to Tajikistan"): said of
them in the active, maybe after another verb of theirs ("abandoned the palace and fled")."""
_QUIT_REACH = 8
"""How many words after the name such a verb may come, in the same clause."""
_CLAUSE_OPENERS = frozenset(
    ("that", "who", "which", "after", "before", "when", "while", "as", "because", "but")
)
_BETWEEN = frozenset(
    ("was", "were", "is", "has", "had", "been", "reportedly", "later", "also", "then", "shot")
)
_PASSIVE = frozenset(("was", "were", "been", "is"))
_KILLED_WHOM = frozenset(("his", "her", "its", "their", "the", "predecessor", "leader", "chief"))
# A role's word after these is another role ("deputy leader") or an old one ("former head").
_NOT_THE_HOLDER = frozenset(stems("deputy vice former ex late assistant first second"))


def with_facts_about(
    index: Index,
    question: Question,
    candidates: list[Hit],
    role: frozenset[str],
    lookups: Lookups,
    now: bool = False,
) -> list[Hit]:
    """The candidates, and the facts about the organisation the question names that speak of
    the role: its latest state may rank low among facts of other organisations' roles. Asked
    of now, more of them: the latest state is in the newest, which BM25 does not favour."""
    words = sorted(frozenset().union(*map(question.group, role)))
    catalog = lookups.catalog
    named = [
        entity_id
        for entity_id in dict.fromkeys(e for hit in candidates for e in hit.fact.entities())
        if kind(entity_id, catalog) is EntityKind.ORGANIZATION
        and lookups.named_in(entity_id, question.named)
    ]
    more = [
        hit
        for entity_id in named[:_ROLE_CANDIDATES]
        for hit in index.ranked(
            words, Filters(about=entity_id), ROLE_FACTS * _NOW_ROLE_FACTS if now else ROLE_FACTS
        )
    ]
    return with_more(candidates, more, lookups)


def holders(
    index: Index,
    question: Question,
    role: frozenset[str],
    now: bool,
    judged: list[Judged],
    lookups: Lookups,
) -> list[Judged]:
    """The answers to a question on who holds a role: the facts that say in one phrase that
    someone holds it in what the question names first (see _holds), then the other answers.
    Asked of now, the latest state first -- those facts newest first -- and someone another fact
    says died (or was removed from a post after the fact's date) holds no role: a fact naming
    only them is a partial answer."""
    if not now:
        judged = _without_the_dead(index, question, role, judged, lookups)
        said = [
            item
            for item in judged
            if item.reply.match is Match.ANSWER
            and any(_holds(item.hit.fact, e, role, question, lookups) for e in item.who)
        ]
        return said + _not_holders(
            question, role, [item for item in judged if item not in said], said
        )
    catalog = lookups.catalog
    answers = [item for item in judged if item.reply.match is Match.ANSWER]
    # Whose death to look up: those the answers say hold the role, and whom the best names first
    # (if it names anyone: a claim that says all the question says answers as a whole).
    named = [
        entity_id
        for item in answers
        for entity_id in item.who
        if _holds(item.hit.fact, entity_id, role, question, lookups)
    ] + [item.who[0] for item in answers[:1] if item.who]
    people = [
        entity_id
        for entity_id in dict.fromkeys(named)
        if kind(entity_id, catalog) is EntityKind.PERSON
    ][:_HOLDERS_CHECKED]
    ended = {entity_id: end_of(index, entity_id, lookups) for entity_id in people}
    held: list[tuple[PartialDate, Judged]] = []
    others: list[Judged] = []
    gone: list[Judged] = []
    for item in judged:
        if item.reply.match is not Match.ANSWER or not item.who:
            others.append(item)
            continue
        current, holds = _as_of_now(question, role, item, ended, lookups)
        if holds and current.hit.fact.date is not None:
            held.append((current.hit.fact.date, current))
        elif current.reply.match is Match.ANSWER:
            others.append(current)
        else:
            gone.append(current)
    held.sort(key=lambda pair: (pair[0].year, pair[0].month or 0, pair[0].day or 0), reverse=True)
    first = [item for _, item in held]

    rest = sorted(others + gone, key=Judged.rank)
    return first + _not_holders(question, role, rest, first)


def _without_the_dead(
    index: Index,
    question: Question,
    role: frozenset[str],
    judged: list[Judged],
    lookups: Lookups,
) -> list[Judged]:
    """The answers less the people a loaded fact says died before the year the question asks
    of: whoever held a role in 2021 was alive then ("Bo Carrow, son of the network's founder
    Ada Brook, was named head ..." does not make Ada Brook its head in 2021). An answer naming
    only the dead is partial. (A time in words, "the late 2000s", is not read.)"""
    years = [
        int(word) for word in question.weights if is_year(word) and word not in question.documents
    ]
    if not years:
        return judged
    asked = min(years)
    catalog = lookups.catalog
    people = list(
        dict.fromkeys(
            entity_id
            for item in judged
            if item.reply.match is Match.ANSWER
            for entity_id in item.who
            if kind(entity_id, catalog) is EntityKind.PERSON
        )
    )[:_HOLDERS_CHECKED]
    if not people:
        return judged
    ended = {entity_id: end_of(index, entity_id, lookups) for entity_id in people}
    kept = []
    for item in judged:
        dead = {
            entity_id
            for entity_id in item.who
            if (left := ended.get(entity_id)) is not None
            and left.died
            and left.date is not None
            and left.date.year < asked
        }
        if item.reply.match is not Match.ANSWER or not dead:
            kept.append(item)
            continue
        alive = tuple(entity_id for entity_id in item.who if entity_id not in dead)
        if alive:
            short = short_answer(question, item.hit.fact, alive, catalog)
            reply = msgspec.structs.replace(item.reply, answer=short)
        else:
            gone = tuple(question.spelled.get(word, word) for word in sorted(role))
            reply = Reply(Match.PARTIAL, item.reply.answer, gone or ("who",))
        kept.append(msgspec.structs.replace(item, reply=reply, who=alive))
    return kept


def _not_holders(
    question: Question, role: frozenset[str], rest: list[Judged], holders: list[Judged]
) -> list[Judged]:
    """The answers after those that say who holds the role, as partial answers when some do:
    an answer is what says it, not every fact naming someone beside the role's words ("Who
    leads the Taliban?" is not answered by its spokesman or its interior minister)."""
    if not holders:
        return rest  # none says it in a phrase the role rule reads: the best remain answers
    # In the question's order (a set's order would change from one run to the next).
    words = tuple(raw for word, raw in question.spelled.items() if word in role)
    return sorted(
        (
            msgspec.structs.replace(
                item, reply=Reply(Match.PARTIAL, item.reply.answer, words or ("who",))
            )
            if item.reply.match is Match.ANSWER
            else item
            for item in rest
        ),
        key=Judged.rank,
    )


def _as_of_now(
    question: Question,
    role: frozenset[str],
    item: Judged,
    ended: dict[str, _Left | None],
    lookups: Lookups,
) -> tuple[Judged, bool]:
    """The answer less whoever has left since (a partial answer when no one is left, or when
    the first named has left and the fact does not say those left hold the role: "al-Qaeda's
    chief Zawahiri pledged loyalty to Akhundzada" names no leader of al-Qaeda now); and whether
    it says that someone left holds the role."""
    date = item.hit.fact.date
    alive = tuple(e for e in item.who if not _left_before(ended.get(e), date))
    if not alive:
        # No one it names holds the role now: that is what it does not say.
        gone = tuple(question.spelled.get(word, word) for word in sorted(role))
        return msgspec.structs.replace(
            item, reply=Reply(Match.PARTIAL, item.reply.answer, gone)
        ), False
    holders = tuple(e for e in alive if _holds(item.hit.fact, e, role, question, lookups))
    holds = bool(holders)
    # Those it says hold the role are the answer, not whom it names beside them ("appointed
    # after a US drone strike killed his predecessor Mullah Akhtar Mansour").
    alive = holders or alive
    if alive == item.who:
        return item, holds
    short = short_answer(question, item.hit.fact, alive, lookups.catalog)
    answers = holds or alive[0] == item.who[0]
    gone = () if answers else tuple(question.spelled.get(word, word) for word in sorted(role))
    reply = Reply(Match.ANSWER if answers else Match.PARTIAL, short, gone)
    return msgspec.structs.replace(item, reply=reply, who=alive), holds


class _Left(msgspec.Struct, frozen=True):
    """How a fact says someone left every post: by dying, or by removal from one, and when.
    (A Struct, as Question is: made in C.)"""

    died: bool
    date: PartialDate | None
    hit: Hit | None = None
    """The fact that says so."""


def end_of(index: Index, entity_id: str, lookups: Lookups) -> _Left | None:
    """Whether a loaded fact says the person died (or was removed from a post), and when."""
    names = [frozenset(name) for name in lookups.written_names(entity_id)] or [
        frozenset(entity_id.split("-"))
    ]
    left: _Left | None = None
    for hit in index.ranked(
        sorted({stem(w) for w in _DIED | _REMOVED | _QUIT}), Filters(about=entity_id), 3
    ):
        how = left_in(hit.fact.claim, names)
        if how is None:
            continue
        found = _Left(how, hit.fact.date, hit)
        if left is None or (found.died and not left.died):
            left = found
    return left


def _left_before(left: _Left | None, date: PartialDate | None) -> bool:
    """Whether someone who left so (see end_of) holds no post now, after a fact of this date:
    the dead hold none; someone removed holds none a fact dated before the removal gave them."""
    if left is None:
        return False
    if left.died:
        return True
    # Left in the month a fact gives them the post (Ghani, president "as of August 2021", fled
    # that August): asked of now, the leaving is the later state.
    return date is not None and left.date is not None and left.date >= date


def left_in(claim: str, names: list[frozenset[str]]) -> bool | None:
    """Whether the claim says that the person of these names (their words, folded) died: True;
    was removed from a post: False; neither: None."""
    words = WORD.findall(fold(re.sub(ASIDE, " ", claim)))
    spans = name_spans(words, names)
    for start, end in spans:
        passive = False
        for word in words[end : end + 4]:
            if word in _DIED and (passive or word in ("died", "dies")):
                return True
            if word in _REMOVED and passive:
                return False
            if word not in _BETWEEN:
                break
            passive = passive or word in _PASSIVE or word == "shot"
        for word in words[end : end + _QUIT_REACH]:
            if word in _QUIT:
                return False
            if word in _CLAUSE_OPENERS or stem(word) in SAYING_VERBS:
                break
        before = words[max(0, start - 3) : start]
        if "killed" in before and all(
            word in _KILLED_WHOM for word in before[before.index("killed") + 1 :]
        ):
            return True
    return None


def _holds(
    fact: Fact, entity_id: str, role: frozenset[str], question: Question, lookups: Lookups
) -> bool:
    """Whether the claim says the person holds the role in what the question names: a clause
    with the role's phrase ("the head of al-Qaeda", "leads al-Qaeda", "al-Qaeda's de facto
    leader"; not "led the Taliban's negotiating team", "the Taliban's chief spokesman" or "its
    deputy leader") that names the person, or names no one and is of a sentence that opens with
    the person's name ("Saif al-Adel, from Egypt, is now the de facto leader of al-Qaeda")."""
    key = (fact.id, entity_id)
    if key not in lookups.holding:
        lookups.holding[key] = _says_holds(fact, entity_id, role, question, lookups)
    return lookups.holding[key]


def _says_holds(
    fact: Fact, entity_id: str, role: frozenset[str], question: Question, lookups: Lookups
) -> bool:
    """_holds, worked out."""
    names = written(entity_id, lookups)
    roles = frozenset().union(*map(question.group, role))
    # Whose the role is: what the question names just before the role's word ("the Taliban
    # leader al-Qaeda pledges allegiance to" asks the Taliban's), else all it names.
    asked = [stem(word) for word in question.text.split()]
    owners = {
        word for word, after in itertools.pairwise(asked) if after in role
    } & question.named or question.named
    # The organisation the question names, by any of its names ("the Taliban's Islamic
    # Emirate" is the Taliban under another name).
    held_in = [
        name
        for other in fact.entities()
        if kind(other, lookups.catalog) is EntityKind.ORGANIZATION
        and lookups.named_in(other, owners)
        for name in written(other, lookups)
    ]
    for sentence in clauses(fact.claim):
        for words, clause_stems in sentence:
            if roles.isdisjoint(clause_stems):
                continue
            # A name owning another noun is not who holds the role ("al-Qaeda's leadership
            # considers the Taliban's chief ...") unless that noun is the role.
            spans = [
                (start, end)
                for start, end in name_spans(words, names)
                if words[end : end + 1] != ("s",)
                or not roles.isdisjoint(clause_stems[end + 1 : end + 2])
            ]
            org = [word in owners for word in clause_stems]
            for start, end in name_spans(words, held_in) if held_in else ():
                org[start:end] = [True] * (end - start)
            if not _role_phrase(words, clause_stems, role, question, spans, org):
                continue
            opens = (first := name_spans(sentence[0][0], names)) and first[0][0] == 0
            # "... transmitted the report to the Chair of the 1988 Committee": a role after a
            # preposition is someone else's, whom the sentence's subject deals with.
            at = next(n for n, word in enumerate(clause_stems) if word in roles)
            object_of = not _ROLE_OBJECT_AFTER.isdisjoint(words[max(at - 3, 0) : at])
            if spans or (
                opens and not object_of and not _names_another(fact, entity_id, words, lookups)
            ):
                return True
    return False


_NAME_AHEAD = 5
"""How many words a role's phrase may run before naming what the role is held in."""
_ROLE_OBJECT_AFTER = frozenset({"to", "from", "with", "for", "by", "at", "against", "towards"})
"""Prepositions that make a role phrase after them someone other than the sentence's subject."""


def _names_another(fact: Fact, entity_id: str, words: Sequence[str], lookups: Lookups) -> bool:
    """Whether the words name a person of the fact other than this one."""
    return any(
        name_spans(words, written(other, lookups))
        for other in fact.entities()
        if other != entity_id and kind(other, lookups.catalog) is EntityKind.PERSON
    )


def _role_phrase(
    words: Sequence[str],
    stems: Sequence[str],
    role: frozenset[str],
    question: Question,
    holder: list[tuple[int, int]],
    org: list[bool],
) -> bool:
    """Whether the words (folded) hold the role's phrase in what the question names (see
    _holds): the role's words (or synonyms) and the words before them ("de facto", "supreme"),
    after the name of what it is held in and a possessive ("al-Qaeda's", "Taliban"), or before
    "of" and that name ("head of al-Qaeda"); a verb of the role before it ("leads al-Qaeda").
    Org marks the words that name what the role is held in."""
    wanted = [question.group(word) for word in role]
    if not any(word in group for group in wanted for word in stems):
        return False
    at_holder = {n for start, end in holder for n in range(start, end)}
    for r, word in enumerate(stems):
        if not any(word in group for group in wanted):
            continue
        start = r
        while start > 0 and r - start < 3 and not org[start - 1] and words[start - 1] != "s":
            if stem(words[start - 1]) in FUNCTION_WORDS:
                break
            start -= 1
        phrase = set(stems[start : r + 1])
        if not all(group & phrase for group in wanted) or (phrase - role) & _NOT_THE_HOLDER:
            continue
        # "head of (the) X", "minister in the X government", "leads (the) X", where X is not a
        # possessive ("X's team").
        after = r + 1
        while after < len(words) and words[after] in ("of", "in", "the"):
            after += 1
        # Or a name of it a few words on: "chaired the Security Council Committee pursuant to
        # resolution 1267" (the 1267 Committee), "the Al-Qaida and Taliban Sanctions Committee".
        ahead = after
        while (
            ahead < min(after + _NAME_AHEAD, len(words))
            and not org[ahead]
            and words[ahead] not in _ROLE_OBJECT_AFTER
        ):
            ahead += 1
        after = ahead if ahead < len(words) and org[ahead] else after
        end = after
        while end < len(words) and org[end]:
            end += 1
            if words[end : end + 1] == ("s",) and end + 1 < len(words) and org[end + 1]:
                end += 1  # "the Taliban's Islamic Emirate": one organisation, two names
        if end > after and (end == len(words) or words[end] != "s"):
            return True
        # "X's (de facto) leader", "X leader", then no other noun ("X's chief spokesman").
        owner = start - 2 if start > 1 and words[start - 1] == "s" else start - 1
        if owner < 0 or not org[owner]:
            continue
        following = r + 1
        if (
            following == len(words)
            or following in at_holder
            or stem(words[following]) in FUNCTION_WORDS
            or words[following] in ("since", "until", "during")
        ):
            return True
    return False
