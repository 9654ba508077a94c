"""Where: the places a fact names, and whether it says something happened there."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tqcli.ask.claims import kind, name, own_text, own_words
from tqcli.ask.words import CALENDAR_WORDS, CAPITALISED_NAME, WORD, stems
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
    if asks_destination(question):
        return destination(question, fact, lookups) is not None
    details = fact.details
    if isinstance(details, Event | Agreement) and details.place:
        return True
    return bool(_places(question, fact, lookups))


def places_named(question: Question, lookups: Lookups) -> frozenset[str]:
    """The question's words that name a place (of the entities the candidates name): in a
    "where" question, where the answer lies ("in Afghanistan"), not whose it is."""
    return frozenset(
        word
        for entity_id, _ in lookups.all_written()
        if kind(entity_id, lookups.catalog) is EntityKind.PLACE
        for word in lookups.words_named(entity_id, question.weights)
    )


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
    if asks_destination(question):
        found = destination(question, fact, lookups)
        if found is None:
            return None
        at, name = found
    elif isinstance(details, Event | Agreement) and details.place:
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


_GOING = frozenset(
    stems("go goes going went gone flee flees fleeing fled escape escapes escaped escaping")
    + stems("move moves moved moving travel travels travelled traveled travelling fly flies")
    + stems("flew flown flying return returns returned relocate relocated retreat retreated")
    + stems("withdraw withdrew withdrawn emigrate emigrated defect defected send sent deport")
    + stems("deported extradite extradited transfer transferred evacuate evacuated smuggle")
    + stems("smuggled")
)
"""Verbs of going somewhere: "where" asked with one ("Where did Ghani flee?", "where was he
sent?") asks where to -- the goal, not where from or through."""
_MOVING = _GOING | frozenset(stems("leave leaves leaving left head heads headed cross crossed"))
"""Verbs with which a claim says someone went somewhere ("left Kabul for Jalalabad", "headed to
the border", "crossed into Pakistan"): what may give a goal (see destination)."""
_ASKED_FROM = re.compile(r".*\bfrom\W*$|.*\bwhere from\b")
"""A "where" question asking where from ("Where did he flee from?"): the origin, not the goal."""
_SET_OFF = re.compile(r"\b(?:after|before|when|while|since|until|having)\b")
"""Words opening a clause that sets the question's time ("... go after leaving Kabul"): a verb
in it is not what is asked."""
_GOAL = (
    r"(?<!according )(?<!said )(?<!spoke )(?<!talking )(?<!letter )(?<!report )(?<!due )"
    r"(?<!next )(?<!close )(?<!up )(?<!compared )(?<!similar )(?<!access )"
    r"\b(?:to|into|towards?|for) (?:the |a |an )?(?P<fill>(?:[a-z][\w-]* ){0,2}?)"
    r"(?P<name>[A-Z][\w-]+)"
)
"""A goal of going: a capitalised word after "to", "into", "towards" or "for", with at most
two words between ("to eastern Afghanistan", "for Jalalabad"), not a source's ("according to
Reuters") nor "due to X" (compiled on first use: only "where" questions need it)."""
_GOAL_REACH = 10
"""How many words after a verb of going its goal may be ("escaped through the mountains of
Tora Bora to Pakistan")."""
_BEING_THERE = (
    r"\b(?:is|was|were|are|been|now|still|arrived|arrives|landed|lands|settled|remained"
    r"|remains|stayed|stays|refuge|shelter|sheltered|hiding|hid) (?:now |still )?(?:in|at) "
    r"(?:the )?(?=[A-Z])"
)
"""Words saying where someone is (after going: "confirmed he was in the United Arab Emirates",
"took refuge in Pakistan"), before a place's name (compiled on first use)."""


def asks_destination(question: Question) -> bool:
    """Whether a "where" question asks where someone or something went: its verb (not one of a
    clause that only sets its time) is one of going ("Where did Ghani flee?", "where did he go
    after leaving Kabul"), and it does not ask where from."""
    asked = _SET_OFF.split(question.text.split("where", 1)[-1], maxsplit=1)[0]
    return not _GOING.isdisjoint(map(stem, WORD.findall(asked))) and not _ASKED_FROM.match(
        question.text
    )


def destination(question: Question, fact: Fact, lookups: Lookups) -> tuple[int, str] | None:
    """Where, by the fact's own words, someone went: the first goal after a verb of going in a
    sentence ("fled to Jalalabad", "escaped through ... Tora Bora to Pakistan", "left Kabul for
    Jalalabad"), else a place it links where the sentence says they were after it ("decision to
    flee Afghanistan ..., confirmed he was in the United Arab Emirates"), with where its text
    names it. Not the place left ("flee Afghanistan", "leaving Kabul"), nor one passed through,
    nor one of a fact's place field (where it happened: the escape from Tora Bora); not a place
    the question names, nor one after another person its sentence names (the place must be
    theirs).
    None where it names none."""
    text = own_text(fact)
    known = _places(question, fact, lookups, known=True)
    for sentence in re.finditer(r"(?:[^.!?]|\.(?=\S))+", text):
        start = sentence.start()
        words = list(WORD.finditer(sentence.group()))
        verbs = [n for n, word in enumerate(words) if stem(word.group().lower()) in _MOVING]
        if not verbs:
            continue
        after = start + words[verbs[0]].end()
        for found in re.finditer(_GOAL, text[after : sentence.end()]):
            at = after + found.start("name")
            reach = sum(1 for word in words if start + word.start() < at)
            if not any(0 <= reach - verb <= _GOAL_REACH for verb in verbs):
                continue
            filler = {stem(word) for word in found.group("fill").split()}
            if not filler.isdisjoint(_MOVING):
                continue  # "to leave Kabul": the place left
            if (place := _goal_at(question, text, start, at, lookups)) is not None:
                return at, place
        for found in re.finditer(_BEING_THERE, text[after : sentence.end()]):
            at = after + found.end()
            there = next((name for _, name in known if text.startswith(name, at)), None)
            if there is not None and not _someone_else_there(question, text[start:at], lookups):
                return at, there
    return None


def _goal_at(question: Question, text: str, start: int, at: int, lookups: Lookups) -> str | None:
    """The place's name whose run of capitalised words opens at this point of text, where it
    is one: not a month or a weekday, nor a name the question gives, nor after a person the
    question does not name in its sentence (from start: "Osama bin Laden was still in Kabul
    ...; when Kabul fell ... he ... fled to Jalalabad" is where bin Laden went)."""
    run = re.match(CAPITALISED_NAME, text[at:])
    name = run.group() if run else text[at:].split(" ", 1)[0]
    words = {stem(word) for word in WORD.findall(fold(name))}
    if (
        fold(name) in CALENDAR_WORDS
        or words & question.weights.keys()
        or _someone_else_there(question, text[start:at], lookups)
    ):
        return None
    return name


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
