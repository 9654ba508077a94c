"""Questions on what is so now: where someone is, whether they are alive."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.answering import as_of
from tqcli.ask.claims import kind
from tqcli.ask.holders import end_of
from tqcli.ask.judging import Judged
from tqcli.ask.words import CANDIDATES, stems
from tqcli.index import Index
from tqcli.model import EntityKind, Hit, Match, PartialDate, Reply

if TYPE_CHECKING:
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question


_DWELLING = frozenset(
    stems("live lives living reside resides residing stay stays staying hide hides hiding")
    + stems("based located now today currently")
)
"""Words that ask where someone lives or is now."""


def where_now(index: Index, read: Question, judged: list[Judged], lookups: Lookups) -> list[Judged]:
    """ "Where does X live?", X a person a loaded fact says died: a fact says where X was as of
    its date, not where X is. Its short answer says so ("believed to reside in Afghanistan (as
    of September 2021; died 31 July 2022)"); it stays an answer to what the question's words
    ask, as its facts knew it."""
    answers = [item for item in judged if item.reply.match is Match.ANSWER]
    death = _death(index, read, answers, lookups)
    if death is None:
        return judged
    died, _ = death
    # Where a dead man lives, stays or hides, or simply is, is nowhere now, whatever the date of
    # a fact saying where he was; where he is buried is (a fact after the death may say it).
    dwelling = not (read.weights.keys() - read.named) or not _DWELLING.isdisjoint(read.weights)
    return [
        _as_of_then(item, died)
        if item.reply.match is Match.ANSWER
        and (dwelling or item.hit.fact.date is None or item.hit.fact.date < died)
        else item
        for item in judged
    ]


def dead_since(
    index: Index, read: Question, judged: list[Judged], lookups: Lookups
) -> list[Judged]:
    """A yes/no question in the present tense ("Is bin Laden on the UN sanctions list?", "Does
    bin Laden fund the Taliban?") naming a person a loaded fact says died: a fact on him from
    before the death says how things stood then, not now. The short answers of such facts (and
    of undated ones) say so, answers and partial answers alike ("... (as of 16 January 2002;
    died 2 May 2011)"); their verdicts stand on what the question's words ask. Facts that do not
    name him are left as they are, and so is a question on the death itself ("Is Zawahiri
    dead?", "Is he alive?": see alive_now)."""
    if not _DEATH_ASKED.isdisjoint(read.weights):
        return judged
    death = _death(index, read, judged, lookups)
    if death is None:
        return judged
    died, dead = death
    return [
        _as_of_then(item, died)
        if (item.hit.fact.date is None or item.hit.fact.date < died)
        and not dead.isdisjoint(item.hit.fact.entities())
        else item
        for item in judged
    ]


_DEATH_ASKED = frozenset(stems("alive dead die died death killed kill living"))
"""Words that ask whether someone is alive or how they died: a death answers those."""


def _death(
    index: Index, read: Question, judged: list[Judged], lookups: Lookups
) -> tuple[PartialDate, frozenset[str]] | None:
    """When the person the question names died (the later of two), as a loaded fact says,
    among the people the first candidates name, and who died; None if no fact says they died."""
    people = {
        entity_id
        for item in judged[:CANDIDATES]
        for entity_id in item.hit.fact.entities()
        if kind(entity_id, lookups.catalog) is EntityKind.PERSON
        and lookups.named_in(entity_id, read.weights)
    }
    deaths = [
        (left.date, person)
        for person in sorted(people)[:2]
        if (left := end_of(index, person, lookups)) is not None
        and left.died
        and left.date is not None
    ]
    if not deaths:
        return None
    return max(date for date, _ in deaths), frozenset(person for _, person in deaths)


def _as_of_then(item: Judged, died: PartialDate) -> Judged:
    """The short answer of a fact from before a death (or undated), with as of when it speaks
    and the death ("... (as of September 2021; died 31 July 2022)")."""
    date = item.hit.fact.date
    when = f"as of {as_of(date)}; " if date is not None and date < died else ""
    reply = item.reply
    answer = f"{reply.answer} ({when}died {as_of(died)})"
    return msgspec.structs.replace(item, reply=Reply(reply.match, answer, reply.unmatched))


def alive_now(index: Index, read: Question, judged: list[Judged], lookups: Lookups) -> list[Judged]:
    """ "Is X alive?", X a person a loaded fact says died: that fact answers it first (a death
    ends being alive, whatever its words); a fact dated before it says X was alive as of its
    date, and its short answer says so ("... (as of June 2022; died 31 July 2022)"). Only
    where a fact answers (says "alive"): with none, facts on the death alone state another
    proposition, and there is no answer (see the yes/no rule)."""
    if not any(item.reply.match is Match.ANSWER for item in judged):
        return judged
    people = sorted(
        {
            entity_id
            for item in judged[:CANDIDATES]
            for entity_id in item.hit.fact.entities()
            if kind(entity_id, lookups.catalog) is EntityKind.PERSON
            and lookups.named_in(entity_id, read.weights)
        }
    )[:2]
    deaths = [
        (left.date, left.hit)
        for person in people
        if (left := end_of(index, person, lookups)) is not None
        and left.died
        and left.date is not None
        and left.hit is not None
    ]
    if not deaths:
        return judged
    died, death = max(deaths, key=lambda found: found[0])
    said = [
        msgspec.structs.replace(
            item,
            reply=Reply(
                item.reply.match,
                f"{item.reply.answer} (as of {as_of(date)}; died {as_of(died)})",
                item.reply.unmatched,
            ),
        )
        if item.reply.match is Match.ANSWER
        and (date := item.hit.fact.date) is not None
        and date < died
        else item
        for item in judged
        if item.hit.fact.id != death.fact.id
    ]
    first = Judged(
        Hit(death.fact, judged[0].score),
        1.0,
        judged[0].score,
        Reply(Match.ANSWER, death.fact.claim, ()),
    )
    return [first, *said]
