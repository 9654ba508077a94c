"""The short answer a fact gives: its figure, date, name or where it was said."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcli.ask.claims import claim_words, name, own_words
from tqcli.ask.counts import count_in_claim
from tqcli.ask.question import Wants, asks_deadline
from tqcli.ask.words import MONTHS, SOMEONE
from tqcli.figures import figure_phrase
from tqcli.model import Catalog, EntityKind, Fact, Figure, Quote
from tqcli.textnorm import fold, stem

if TYPE_CHECKING:
    from tqcli.ask.question import Question


def short_answer(
    question: Question,
    fact: Fact,
    who: Sequence[str],
    catalog: Catalog,
    own: frozenset[str] | None = None,
    *,
    in_claim: bool = False,
) -> str:
    """The answer in a few words: see Reply.answer. in_claim: a figure's answer is the count
    its claim gives of what is asked, not its value (see Lookups.counted_in_claim)."""
    details = fact.details
    if who and (
        question.wants is Wants.SOMEONE
        or (question.wants is Wants.QUOTE and not isinstance(details, Quote))  # who wrote it
    ):
        return "; ".join(_as_written(catalog, entity_id, fact.claim) for entity_id in who)
    if question.wants is Wants.DATE:
        from tqcli.ask.times import (
            dates_no_event,
            deadlines,
            effect_time,
            passive_deed,
            resolution_time,
            span_asked,
            time_in_words,
        )
    if question.wants is Wants.DATE and fact.date is not None:
        if dates_no_event(question, fact):
            return fact.claim  # its date is not the time asked (see _fits)
        if span := span_asked(question, fact):
            return span  # "1996 to 2001": a span of time, not its start alone
        if effect := effect_time(question, fact):
            return effect  # "from 14 November 1999": when it took effect, not its adoption
        if question.resolutions and (cited := resolution_time(question, fact)):
            return cited  # "resolution 2368 (2017)" in a report of 2021: the resolution's year
        if asks_deadline(question) and (
            within := [found for found in deadlines(fact.claim) if not found.startswith("by ")]
        ):
            # "When must US troops leave?": within what time of its date the claim says, not
            # the day it was agreed. (A date it gives, "by May 29, 2020", is read as before.)
            return f"{'; '.join(within)} (from {fact.date})"
        words = own_words(fact) if own is None else own
        # The claim's words for what happened, else those that name what it happened to
        # ("when did Kabul fall": "... after the Taliban recaptured Kabul in August").
        anchors = question.named if question.happened.isdisjoint(words) else question.happened
        if (deed := passive_deed(question)) and deed in words:
            # "When was bin Laden removed from the list?": the removal's time, not the listing's
            # the claim also gives ("he had been listed on 25 January 2001").
            anchors = frozenset((deed,))
        said = _when_it_happened(anchors, fact) if anchors else None
        return said or str(fact.date)
    if question.wants is Wants.DATE and (when := time_in_words(fact.claim)):
        return when  # "the late 2000s", of an undated fact
    if isinstance(details, Figure):
        count = count_in_claim(question, fact.claim) if in_claim else None
        given = count or figure_phrase(details, fact.hedge)
        return f"{given}, according to {_attribution(fact, catalog)}"
    if isinstance(details, Quote):
        if (
            question.wants is Wants.FIGURE
            and question.counted  # "how much did the students pay": nothing counted named
            and (count := count_in_claim(question, details.text))
            and stem(count.split()[-1].lower()) in question.forms(question.counted[-1])
        ):
            # "How many provinces?": the number its words give and what it counts ("at least
            # 15 Afghan provinces"), not the words around it ("is present in ...").
            return count
        if question.medium and details.medium:
            return details.medium
        return name(catalog, details.speaker) if SOMEONE.search(question.text) else details.text
    if question.wants in (Wants.FIGURE, Wants.DURATION) and (
        count := count_in_claim(question, fact.claim)
    ):
        return count  # "13 votes": the number asked for, in the claim's words
    return fact.claim


_LIST_SEPARATOR = r"(, and |, | and )"  # compiled on first use: only lists of names need it


def _name_run(text: str, *, last: bool) -> str:
    """The run of capitalised words (with "the" before them and "of" inside) that ends the
    text (last) or opens it: "Canada" of "was submitted by Canada", "the United States"."""
    words = text.split(" ")
    capital = [word[:1].isupper() for word in words]
    if last:
        start = len(words)
        while start > 0 and (
            capital[start - 1] or (words[start - 1] == "of" and start > 1 and capital[start - 2])
        ):
            start -= 1
        if start < len(words) and start > 0 and words[start - 1] == "the":
            start -= 1
        return " ".join(words[start:]) if any(capital[start:]) else ""
    end = 1 if words[0] == "the" else 0
    while end < len(words) and (
        capital[end] or (words[end] == "of" and end + 1 < len(words) and capital[end + 1])
    ):
        end += 1
    return " ".join(words[:end]) if any(capital[:end]) else ""


def listed(claim: str, names: Sequence[str]) -> str | None:
    """The list of names the claim gives the answer's names in, each as written: "Resolution
    1267 (1999) was submitted by Canada, the Netherlands, ... and the United States" answers
    "who sponsored resolution 1267?" with all six, not only the one the fact links. Three names
    or more ("A and B" may join two phrases: "Khalilzad for the United States and Abdul Ghani
    Baradar for the Taliban"). None where the names are in no one list of names."""
    if " and " not in claim or ", " not in claim or not all(name in claim for name in names):
        return None
    parts = re.split(_LIST_SEPARATOR, claim)  # texts at even places, separators at odd ones
    for start in range(0, len(parts) - 4, 2):
        first = _name_run(parts[start], last=True)
        if not first:
            continue
        items = [first]
        at = start + 2
        while (
            at < len(parts)
            and parts[at - 1] == ", "
            and _name_run(parts[at], last=False) == parts[at]
        ):
            items.append(parts[at])
            at += 2
        if at >= len(parts) or "and" not in parts[at - 1]:
            continue
        final = _name_run(parts[at], last=False)
        if not final or len(items) < 2:
            continue
        text = ", ".join(items) + parts[at - 1] + final
        if all(name in text for name in names):
            return text
    return None


_TIME_PREPOSITIONS = [
    [word]
    for word in (
        "in",
        "on",
        "since",
        "until",
        "till",
        "to",
        "by",
        "from",
        "after",
        "before",
        "during",
    )
]
"""The word before a year that makes it a time ("to 2019"), each as a one-word list."""


def _month_alone(claim: str) -> bool:
    """Whether the claim may give a month with no day or year after it (a plain text test,
    before the pattern is compiled: most claims give none)."""
    for month in MONTHS:
        at = claim.find(month)
        while at != -1:
            after = claim[at + len(month) : at + len(month) + 3].lstrip(",")
            if not after[1:2].isdigit():
                return True
            at = claim.find(month, at + 1)
    return False


_MONTH_ALONE = (  # compiled on first use: "after the Taliban recaptured Kabul in August"
    rf"\b(?:in|on|by|since|until|from|after|before|during) ({'|'.join(MONTHS)})\b(?!,? \d)"
)
_NEAR = 60
"""How near (in characters) a time is to the word for what happened, to be its time."""
_YEAR = r"\b(?:1[89]|20)\d\d\b"  # compiled on first use


def _when_it_happened(anchors: frozenset[str], fact: Fact) -> str | None:
    """The time a claim gives nearest to its word for what the question asks happened (the
    anchors, stemmed), where that is not the fact's own date: "arrested ... in February 2010 ...
    dates his release ... to 2019" answers "when was Baradar released?" with 2019, not the
    arrest's date; "In September 2021 ... after the Taliban recaptured Kabul in August" answers
    "when did Kabul fall" with August 2021 (a month with no year is of the fact's year, or of
    the year before when it comes later in the year). None when the claim does not say it
    (then the fact's date is the answer)."""
    claim = fact.claim
    date = fact.date
    year = str(date.year) if date else ""
    years = [found for found in re.finditer(_YEAR, claim) if found.group() != year]
    months = (
        [
            found
            for found in re.finditer(_MONTH_ALONE, claim)
            if MONTHS.index(found.group(1)) + 1 != date.month
        ]
        if date is not None and date.month and _month_alone(claim)
        else []
    )
    if not years and not months:
        return None  # the claim gives no other time (most claims: no pattern compiled)
    spans, _, stems = claim_words(claim)
    said = [span.start() for span, word in zip(spans, stems, strict=True) if word in anchors]
    # A time as English gives one: after a month, or a preposition ("to 2019", "since 2001");
    # not a number that names a document ("resolutions 1988 and 1989", "2255 (2015)").
    times: list[tuple[int, str]] = []
    for found in years:
        before = claim[max(0, found.start() - 12) : found.start()].split()[-1:]
        if before and before[0] in MONTHS:
            times.append((found.start(), f"{before[0]} {found.group()}"))
        elif before in _TIME_PREPOSITIONS:
            times.append((found.start(), found.group()))
    for found in months:
        assert date is not None
        assert date.month
        month = MONTHS.index(found.group(1)) + 1
        times.append((found.start(1), f"{found.group(1)} {date.year - (month > date.month)}"))
    if not said or not times:
        return None
    distance, nearest = min((min(abs(at - word) for word in said), text) for at, text in times)
    own = [  # (where the date opens: "23 September 2019")
        found.start() - len(opening.group())
        for found in re.finditer(_YEAR, claim)
        if found.group() == year
        and (opening := re.search(_DAY_MONTH_BEFORE, claim[: found.start()])) is not None
    ]
    if any(
        _one_clause(claim, at, word) and not _one_clause(claim, other, word)
        for at in own
        for word in said
        for other, text in times
        if text == nearest and abs(other - word) == distance
    ):
        # "Asim Umar, who had led AQIS since its inception in 2014, was killed on 23 September
        # 2019": the fact's own date is in the clause that says it happened; the other time
        # is in another clause (the answer is the fact's date).
        return None
    return None if distance > _NEAR else nearest


def _one_clause(claim: str, one: int, other: int) -> bool:
    """Whether no comma, semicolon or full stop parts two places of the claim."""
    return re.search(r"[,;.]\s", claim[min(one, other) : max(one, other)]) is None


_DAY_MONTH_BEFORE = rf"(?:(?:\d{{1,2}} )?(?:{'|'.join(MONTHS)}) )?$"  # compiled on first use


_ACCORDING_TO = (
    r"\b[Aa]ccording to (?!(?:him|her|them|it|whom)\b)([^,;:.()]{3,80}?)(?=\s*[,;:.(]|$)"
)
"""Whom a claim credits with what it says ("according to the Costs of War project, as
reported ..."), up to the next comma: compiled on first use."""


def _attribution(fact: Fact, catalog: Catalog) -> str:
    """Who a figure comes from: who asserted it, else whom its claim credits with it ("according
    to the Costs of War project"), else the publisher of its first source -- the outlet that
    carried it, which may only report another's figure."""
    if fact.asserted_by:
        return name(catalog, fact.asserted_by)
    source = catalog.sources.get(fact.citations[0].source) if fact.citations else None
    publisher = source.publisher if source else "its source"
    if "ccording to" in fact.claim and (credited := re.search(_ACCORDING_TO, fact.claim)):
        said = credited.group(1).strip()
        # The publisher, as its name is written: "according to the gazette" is The Gazette.
        return publisher if _unarticled(said) == _unarticled(publisher) else said
    return publisher


def _unarticled(name: str) -> str:
    return re.sub(r"^the ", "", fold(name))


_NAME_GOES_ON = r"(?: of(?: the)? [A-Z][\w'’-]*| in(?: the)? [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)+)+"
"""A name written on past one of its forms: "Islamic State in Khorasan Province", "Islamic
Emirate of Afghanistan" (after "in", two capitalised words or more: "the United States in Doha"
is not a name)."""


def _as_written(catalog: Catalog, entity_id: str, claim: str) -> str:
    """An organisation's name as the claim writes it, where the claim does not write the pack's
    name but a longer one of its names ("Islamic State in Khorasan Province", as far as the
    claim's name goes, not the pack's "Isis"), or writes the pack's name otherwise ("ISIS");
    else (and for a person, whose pack name is the full one) its name."""
    entity = catalog.entities.get(entity_id)
    if entity is None:
        return entity_id
    if entity.kind is EntityKind.PERSON:
        return entity.name
    mentions = [
        (name, found)
        for name in entity.names
        if (found := re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", claim, re.IGNORECASE))
    ]
    own = [found for name, found in mentions if name == entity.name]
    if own:
        return own[0].group()  # the pack's name, in the claim's spelling
    longer = [found for name, found in mentions if len(name) > len(entity.name)]
    if not longer:
        return entity.name
    # Its first such mention, by the longest of its names written there.
    first = min(longer, key=lambda found: (found.start(), -found.end()))
    more = re.match(_NAME_GOES_ON, claim[first.end() :])
    return claim[first.start() : first.end() + (more.end() if more else 0)]
