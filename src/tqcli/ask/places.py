"""Where: the places a fact names, and whether it says something happened there."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tqcli.ask.claims import kind, name, own_text, own_words
from tqcli.ask.words import CALENDAR_WORDS, CAPITALISED_NAME, WORD
from tqcli.model import Agreement, EntityKind, Event, Fact
from tqcli.textnorm import fold, stem

if TYPE_CHECKING:
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question


_PLACE_AFTER = (
    r"(?<!according )(?<!said )(?<!spoke )(?<!talking )(?<!letter )(?<!report )"
    r"\b(?:in|at|to|from|near|along|across|inside|into|within|on|outside|around|reside|based"
    r"|hiding|hosting|hosted) (?:the |a |an )?(?:[\w-]+ ){0,2}?(?P<name>[A-Z][\w-]+)"
)
"""A place a claim names: a capitalised word after a preposition of place ("in Kabul", "along
the Afghan-Pakistani border", "to Tajikistan"), not a source's ("according to Reuters"),
compiled on first use."""


def names_a_place(question: Question, fact: Fact, lookups: Lookups) -> bool:
    """Whether the fact names, in its own words, a place the question does not name: its place,
    a place it links that its words name, or a capitalised word after a preposition of place
    (not a month or a weekday)."""
    details = fact.details
    if isinstance(details, Event | Agreement) and details.place:
        return True
    return bool(_places(question, fact, lookups))


def _places(
    question: Question, fact: Fact, lookups: Lookups, *, known: bool = False
) -> list[tuple[int, str]]:
    """The places names_a_place reads in the fact's own words (other than its place), each
    with where its own text names it: a place entity it links, or (unless only those known as
    places are wanted) the run of capitalised words after a preposition of place."""
    own = own_words(fact)
    text = own_text(fact)
    found_places = []
    for entity_id in fact.entities():
        if (
            kind(entity_id, lookups.catalog) is EntityKind.PLACE
            and not lookups.named_in(entity_id, question.weights)
            and lookups.named_in(entity_id, own)
        ):
            place_name = name(lookups.catalog, entity_id)
            at = text.find(place_name)
            found_places.append((at if at >= 0 else len(text), place_name))
    if found_places or known:
        return found_places
    for found in re.finditer(_PLACE_AFTER, text):
        place_name = fold(found.group("name"))
        words = {stem(word) for word in WORD.findall(place_name)}
        if (
            place_name not in CALENDAR_WORDS
            and not words & question.weights.keys()
            and not _someone_else_there(question, _clause_at(text, found.start()), lookups)
        ):
            at = found.start("name")
            run = re.match(CAPITALISED_NAME, text[at:])
            found_places.append((at, run.group() if run else found.group("name")))
    return found_places


def place_answer(question: Question, fact: Fact, lookups: Lookups) -> str | None:
    """For "where", the place the fact gives: its place, else of the places its own words name
    (_places), the first after the first of its words for what happened ("... defended his
    decision to flee Afghanistan ..., confirmed he was in the United Arab Emirates, and denied
    leaving Kabul ..."), else the first; None where it names none. A hedge just before it is
    kept, in the claim's words ("believed to reside in Afghanistan"), else the fact's own."""
    details = fact.details
    text = own_text(fact)
    if isinstance(details, Event | Agreement) and details.place:
        at, name = text.find(details.place), details.place
    else:
        # Only a place the packs know as one: a capitalised word after "in" may be a
        # report's ("in a UN Monitoring Team report"), which says where enough for _fits.
        places = sorted(_places(question, fact, lookups, known=True))
        if not places:
            return None
        happened = next(
            (
                word.start()
                for word in WORD.finditer(text)
                if stem(word.group().lower()) in question.happened
            ),
            0,
        )
        at, name = next(((at, name) for at, name in places if at >= happened), places[0])
    start = max(0, at - _HEDGE_REACH)
    hedged = re.search(_PLACE_HEDGE, text[start:at]) if at > 0 else None
    if hedged:
        return text[start + hedged.start() : at] + name
    return f"{name} ({fact.hedge})" if fact.hedge else name


_PLACE_HEDGE = (
    r"\b(?:believed|thought|said|reported|reportedly|alleged|allegedly|may|might|probably)\b"
)
"""Words that hedge where something is (compiled on first use)."""
_HEDGE_REACH = 40
"""How many characters before a place a hedge may be, to be said of it."""


def _clause_at(text: str, at: int) -> str:
    """The clause of text (between commas, semicolons and sentence ends) that holds position at."""
    start = max(text.rfind(mark, 0, at) for mark in ",;.") + 1
    ends = [end for mark in ",;." if (end := text.find(mark, at)) >= 0]
    return text[start : min(ends, default=len(text))]


def _someone_else_there(question: Question, clause: str, lookups: Lookups) -> bool:
    """Whether the clause names a person the question does not: a place in it is where that
    person was ("after its leader Osama bin Laden was killed ... in Pakistan" says nothing of
    where Zawahiri is). Of those the candidates name, most of a name's words will do; any
    other person of the packs is named in full (whichever facts rank among the candidates)."""
    words = set(WORD.findall(fold(clause)))
    return any(
        kind(entity_id, lookups.catalog) is EntityKind.PERSON
        and any(len(name & words) * 2 > len(name) for name in names)
        and not lookups.named_in(entity_id, question.weights)
        for entity_id, names in lookups.all_written()
    ) or any(
        not lookups.named_in(entity_id, question.weights)
        for entity_id in lookups.people_written_in(clause)
    )
