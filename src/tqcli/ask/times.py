"""Dates, deadlines and the future: whether a fact says when what is asked happened."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tqcli.ask.claims import claim_words, own_text
from tqcli.ask.question import Wants, derived
from tqcli.ask.words import (
    ASIDE,
    BEGAN,
    DEADLINE_ASKED,
    FORESEEING,
    NUMBER_WORDS,
    PARTICIPLES,
    SAYING,
    stems,
)
from tqcli.model import Catalog, Fact, Sanction, SourceKind
from tqcli.textnorm import stem, tokens

if TYPE_CHECKING:
    from tqcli.ask.question import Question


_TIME_IN_WORDS = (  # compiled on first use (re caches it): only "when" questions need it
    r"\b(?:(?:the )?(?:early|mid|late)[ -])?(?:(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December) )?(?:1[89]|20)\d\d(?:s|\b)"
)
"""A year or a decade in a claim's words: when it happened, though the fact has no date."""
_NOT_WHEN = (  # compiled on first use (re caches it): only "when" questions need it
    r"\b(?:did|does|do|could|would|has|have|had) (?:not|n't) (?:\w+ )?"
    r"(?:say|said|give|disclose|specify|state|reveal|know)\w* (?:when|the date)\b"
    r"|\b(?:date|time|when)\b(?: \w+){0,5} (?:is|was|are|were|remains?|remained) "
    r"(?:not known|unknown|unclear)\b"
)
"""A claim saying that when it happened is not known ("it did not say when")."""
_BEGAN_NEAR = 8
"""How many words from a name of what the question names a claim's word for a state beginning
may be, to say it began for them (see began_near)."""


def began_near(question: Question, claim: str) -> bool:
    """Whether the claim says a state began (BEGAN) within _BEGAN_NEAR words of a word naming
    what the question names ("Akhundzada, the Taliban's leader since 2016")."""
    stems = tokens(claim)
    began = [n for n, word in enumerate(stems) if word in BEGAN]
    return any(
        abs(n - at) <= _BEGAN_NEAR
        for at, word in enumerate(stems)
        if word in question.named
        for n in began
    )


def dates_no_event(question: Question, fact: Fact) -> bool:
    """Whether the fact's date is not the time of what the question asks: that of a report of
    it (see dates_a_report), or a claim saying when it happened is not known -- unless the
    question asks when it was said or reported."""
    if question.weights.keys() & _REPORTED_ASKED:
        return False
    return says_not_when(fact.claim) or (
        fact.date is not None and dates_a_report(fact.claim, fact.date.year)
    )


def says_not_when(claim: str) -> bool:
    """Whether the claim says that when it happened is not known (see _NOT_WHEN)."""
    lowered = claim.lower()
    return (
        "when" in lowered or "unknown" in lowered or "not known" in lowered or "unclear" in lowered
    ) and (re.search(_NOT_WHEN, claim) is not None)


def time_in_words(claim: str) -> str | None:
    """The first time a claim gives in its words (see _TIME_IN_WORDS), outside brackets: an
    aside qualifies a name ("Mullah Mohammed Omar (1960–2013)", his life), it does not say when
    the claim's event happened."""
    found = re.search(_TIME_IN_WORDS, re.sub(ASIDE, " ", claim) if "(" in claim else claim)
    return found.group() if found else None


_DEADLINE_UNITS = r"(?:days?|weeks?|months?|years?)"
_DEADLINE_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)


@functools.cache
def deadline_pattern() -> str:
    """The words with which a claim gives a deadline: "within 14 months", "in the first one
    hundred thirty-five days", "by May 2021", "by the end of 2021" (see deadlines)."""
    number = r"(?:\d[\d,]*|(?:" + "|".join(sorted(NUMBER_WORDS)) + r")(?:[ -](?:and )?(?:"
    number += "|".join(sorted(NUMBER_WORDS)) + r"))*)"
    return (
        rf"\b(?:within|in) (?:the (?:first |next )?)?{number} {_DEADLINE_UNITS}\b"
        rf"|\bby (?:the end of )?(?:\d{{1,2}} )?(?:{_DEADLINE_MONTHS} )?(?:\d{{1,2}}, )?"
        r"(?:19|20)\d\d\b"
    )


def deadline_word(question: Question) -> str:
    """The question's words that ask by when ("must"), as a partial answer does not say them."""
    found = re.search(DEADLINE_ASKED, question.text)
    return found.group() if found else "when"


def deadlines(claim: str) -> list[str]:
    """The deadlines a claim gives, as it words them ("within 14 months", "by May 2021")."""
    if not ("within " in claim or "in the " in claim or "by " in claim or " in " in claim):
        return []
    return [found.group() for found in re.finditer(deadline_pattern(), claim)]


_FORESIGHT_REACH = 80
"""How far (in characters) after a word looking ahead the verb asked must come."""


def foresees(question: Question, text: str) -> bool:
    """Whether the (folded) text looks ahead to what the question asks will happen: a word of
    a plan, commitment or expectation, followed soon by a word for what happens (or its
    synonym or a word of its root: "the Taliban committed not to allow ...")."""
    happened: Iterable[str] = question.happened or question.weights.keys() - question.named
    if question.future and question.future in happened:
        happened = (question.future,)  # "which resolution will lift ...": lifting, not a list
    if not happened or question.wants is Wants.FIGURE:
        # (A figure fits what is counted already: "how many US troops will remain" is answered
        # by "a first reduction ... to 8,600 within 135 days", which says no "remain".)
        return re.search(FORESEEING, text) is not None  # "will there be ...": any look ahead
    for found in re.finditer(FORESEEING, text):
        ahead = set(map(stem, text[found.start() : found.end() + _FORESIGHT_REACH].split()))
        if any(question.group(word) & ahead or derived(word, ahead) for word in happened):
            return True
    return False


_ATTRIBUTING = ("describ", "report", "call", "put", "writes", "wrote")
_SOURCE_CLAUSE = (  # compiled on first use: only "when" questions need it
    r"\b(?:as|according to)\b[^,;]*?\b(?:describes?|described|reports?|reported|calls?|puts? it|"
    r"writes|wrote)\b[^,;.]*"
)
"""An attribution with its time ("as The Independent describes him in September 2021"): the
time of the source, not of what it says."""


_REPORTING = ("estimated", "said", "reported", "stated", "found", "noted", "concluded", "assessed")
_REPORT_CLAUSE = (  # compiled on first use: only "when" questions need it
    rf"\b(?:{'|'.join(_REPORTING)}) (?:in|on) [^,;.]*? that\b"
)
"""A report dated before what it reports ("The UN estimated in September 2022 that the
Taliban's closure of girls' secondary schools had affected ..."): the time of the report."""
_REPORT_OPENING = (  # compiled on first use: only "when" questions need it
    rf"(?:On|In|By) [^,;.]*?\d{{4}},? (?:[\w'’-]+ ){{1,6}}?(?:{'|'.join(_REPORTING)}|announced) "
    r"that [^;]*?\bhad (?:been )?\w+"
)
"""A claim opening with the time someone told that something had happened ("On 14 September
2019 the White House said that Hamza bin Laden ... had been killed"): the time of the telling,
not of what it tells, which the past perfect puts before it."""


_REPORTED_ASKED = SAYING | frozenset(map(stem, _REPORTING))
"""A question with one of these words asks when something was said or reported."""


def dates_a_report(claim: str, year: int) -> bool:
    """Whether the claim gives the fact's year only in a report's time (see _REPORT_CLAUSE):
    then the date is when it was reported, no answer to when what it reports happened."""
    if str(year) not in claim or " that " not in claim:
        return False
    said = [at.start() for at in re.finditer(str(year), claim)]
    spans = [found.span() for found in re.finditer(_REPORT_CLAUSE, claim)]
    if opening := re.match(_REPORT_OPENING, claim):
        spans.append(opening.span())
    return all(any(start <= at < end for start, end in spans) for at in said)


_LATER = (  # compiled on first use: only "when" questions need it
    r"\b(?:the (?:next|following) (?:day|week|month|year)|the day after|"
    r"(?:a|one) (?:day|week|month|year) later|later that (?:day|week|month|year))\b"
)
"""A time after the fact's date, said relative to it ("adopted the next day")."""


def happened_later(happened: frozenset[str], claim: str) -> bool:
    """Whether the claim says what the question asks happened only at a time it gives relative
    to its date ("... was adopted the next day"): within a few words of that time."""
    if not happened or not re.search(_LATER, claim):
        return False
    later = [found.span() for found in re.finditer(_LATER, claim)]
    spans, _, stems = claim_words(claim)
    said = [span.start() for span, word in zip(spans, stems, strict=True) if word in happened]
    return bool(said) and all(
        any(start - _LATER_NEAR <= at <= end + _LATER_NEAR for start, end in later) for at in said
    )


_LATER_NEAR = 20
"""How near (in characters) the relative time is to the word for what happened."""


def dates_a_source(claim: str, year: int) -> bool:
    """Whether the claim gives the fact's year only in an attribution: then the fact's date is
    when a source said it ("Leon Panetta is a former US defence secretary, as The Independent
    describes him in September 2021" does not say when he was), no answer to "when"."""
    if str(year) not in claim or not any(verb in claim for verb in _ATTRIBUTING):
        return False
    said = [at.start() for at in re.finditer(str(year), claim)]
    spans = [found.span() for found in re.finditer(_SOURCE_CLAUSE, claim)]
    return all(any(start <= at < end for start, end in spans) for at in said)


def as_time(fact: Fact, year: str) -> bool:
    """Whether the fact gives the year as a time: its date's, or in its claim other than in
    brackets after a resolution's number ("resolution 1267 (1999)")."""
    if fact.date is not None and str(fact.date.year) == year:
        return True
    text = own_text(fact)
    return any(
        not re.search(r"\d\s*\($", text[max(0, at.start() - 3) : at.start()])
        for at in re.finditer(rf"(?<!\d){year}(?!\d)", text)
    )


_SPAN_START = frozenset(
    stems(
        "begin began begun start started first become became take took taken seize seized "
        "come came establish established found founded emerge emerged since"
    )
)
"""Words with which a "when" asks when a span of time began ("When did the Taliban first
rule?", "since when", "take power")."""
_SPAN_END = frozenset(
    stems(
        "end ended finish finished fall fell lose lost overthrown ousted collapse collapsed "
        "until till"
    )
)
"""Words with which a "when" asks when a span of time ended ("When did Taliban rule end?",
"until when")."""


def span_asked(question: Question, fact: Fact) -> str | None:
    """The time a "when" asks of a fact on a span of time (an event with an end, "between 1996
    and 2001"): its start where the question asks when it began, its end where it asks when it
    ended, else the span, start to end ("1996 to 2001": "When did the Taliban rule
    Afghanistan?" asks the whole of it). None for a fact with no end."""
    end = fact.details.end_of_span()
    if end is None or fact.date is None:
        return None
    asked = set(tokens(question.text))
    if not _SPAN_END.isdisjoint(asked):
        return str(end)
    if not _SPAN_START.isdisjoint(asked):
        return str(fact.date)
    return f"{fact.date} to {end}"


_EFFECT_ASKED = (  # compiled on first use: only "when" questions need it
    r"\b(?:take|takes|took|taken|taking|come|comes|came|go|goes|went|gone|enter|enters|entered|"
    r"put|brought) (?:into |in(?:to)? )?(?:effect|force)\b|\b(?:become|became|becomes) "
    r"(?:effective|binding|applicable)\b|\bkick(?:ed|s)? in\b|\bstart(?:ed)? to apply\b"
    r"|^from (?:what|which) (?:date|day|month|year|time)\b.*\b(?:apply|applied|applies)\b"
)
"""A "when" asking when a measure took effect ("take effect", "come into force", "enter into
force", "become effective", "kick in", "from what date did it apply"): the time it applied from,
which need not be the day it was adopted or signed."""
_EFFECT_GIVEN = (  # compiled on first use: only questions on when something took effect
    r"\b(?:from|effective|with effect from|as of|(?:into force|into effect|took effect|takes "
    r"effect|effect) on|(?:entered|came|comes|enters|went|goes|was put|were put) into "
    r"(?:force|effect) (?:on|in))"
    r" ((?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?: \d{1,2},)? (?:1[89]|20)\d\d)\b"
)
"""A time something applies from, in a fact's words: "from 14 November 1999", "effective 1
March 2002", "entered into force on ..."."""


_MEASURE_STARTS = frozenset(
    stems("start started starts begin began begun beginning commence commenced")
)
"""Words with which a "when" asks when something started: of a measure (a sanction), when it
applied from ("When did the flight ban start?")."""


def effect_asked(question: Question) -> frozenset[str]:
    """The question's words (stems) that ask when a measure took effect (see _EFFECT_ASKED:
    "take effect", "come into force"), read as one phrase: "force" there is no armed force."""
    found = re.search(_EFFECT_ASKED, question.text)
    if found is None:
        return frozenset()
    return frozenset(tokens(found.group())) & question.weights.keys() & _EFFECT_WORDS


_EFFECT_WORDS = frozenset(
    stems(
        "take takes took taken taking come comes came go goes went gone enter enters entered put "
        "brought effect force become became becomes effective binding applicable kick kicked "
        "kicks start started apply applied applies"
    )
)
"""The words of _EFFECT_ASKED's phrases (not those of a question between them: "from what
date would the 1267 sanctions apply")."""


def applied_from_asked(question: Question) -> bool:
    """Whether a "when" asks the time something applied from: when it took effect (see
    effect_asked) or when it started (see start_subject)."""
    return bool(effect_asked(question) or start_subject(question))


def effect_time(question: Question, fact: Fact) -> str | None:
    """For a question asking when a measure took effect (see _EFFECT_ASKED), or when a measure
    (a sanction) started: the time the fact says it applied from, in its measures or its claim
    ("from 14 November 1999, unless the Taliban comply": resolution 1267's flight ban, adopted
    on 15 October 1999). None where the question asks something else or the fact gives no such
    time (its date then stands)."""
    if re.search(_EFFECT_ASKED, question.text) is None and not (
        isinstance(fact.details, Sanction) and not _MEASURE_STARTS.isdisjoint(question.happened)
    ):
        return None
    texts = [*getattr(fact.details, "measures", ()), *getattr(fact.details, "commitments", ())]
    for text in (*texts, fact.claim):
        if found := re.search(_EFFECT_GIVEN, text):
            return found.group(1)
    return None


_SOURCE_NOUNS = {
    SourceKind.NEWS: frozenset(stems("article story piece explainer")),
    SourceKind.WEB_PAGE: frozenset(stems("article page post")),
    SourceKind.REPORT: frozenset(stems("report")),
    SourceKind.BOOK: frozenset(stems("book")),
    SourceKind.UN_DOCUMENT: frozenset(stems("document statement release")),
    SourceKind.GOVERNMENT: frozenset(stems("document statement release")),
}
"""The nouns English names a document of each kind of source by: a news source's is an
article ("When was the article published?")."""
SOURCE_NOUNS = frozenset().union(*_SOURCE_NOUNS.values())
"""All of them: a question with none of them asks of no source."""
_DATED_THING = (  # compiled on first use: only "when" questions need it
    r"^(?:\w+ )?when (?:was|were|is|are|has been|have been|had been) (?:the|a|an|this|that|its|"
    r"their|his|her) (?P<passive>(?:[\w-]+ ){1,4})(?P<verb>\w+)$"
    r"|\b(?:date|day|year|month) of (?:the|a|an|this|that|its|their|his|her) "
    r"(?P<of>(?:[\w-]+ ?){1,4})"
)
"""A "when" in the passive on a thing named by a common noun ("When was the article
published?"), or the date of one ("date of the article on ..."): what the date must be of."""
_NOUN_PHRASE_ENDS = frozenset(("on", "about", "in", "of", "by", "from", "for", "with", "that"))
"""Words after which a noun phrase goes on past its head ("the article on how ...")."""


def dated_thing(question: Question) -> str | None:
    """The head noun (stemmed) of what a "when" asks the date of, where the question names it by
    a common noun and nothing it names ("when was the article published", "the date of the
    article on ...": article; not "when was the Taliban government overthrown", which names the
    Taliban): a date of what happened to another thing ("a UN report published in 2022") is no
    date of it. None for other questions."""
    if "when" not in question.text and " of " not in question.text:
        return None
    found = re.search(_DATED_THING, question.text)
    if found is None:
        return None
    if found.group("passive") is not None:
        verb = found.group("verb")
        if not (verb.endswith(("ed", "en")) or stem(verb) in question.happened):
            return None
        phrase = found.group("passive").split()
    else:
        phrase = found.group("of").split()
    head: list[str] = []
    for word in phrase:
        if word in _NOUN_PHRASE_ENDS:
            break
        head.append(stem(word))
    if not head or not question.named.isdisjoint(head) or head[-1] not in question.weights:
        return None
    return head[-1]


def source_nouns(fact: Fact, catalog: Catalog) -> frozenset[str]:
    """The nouns of the kind of a source the fact dates, where it dates one it cites: it is
    dated the day the source was published and its claim names the source (its publisher or
    title): "The Independent's explainer ..., published on 7 September 2021" is an article's
    date ("When was the article published?")."""
    claim = fact.claim.lower()
    for citation in fact.citations:
        source = catalog.sources.get(citation.source)
        if (
            source is not None
            and source.published is not None
            and source.published == fact.date
            and (source.publisher.lower() in claim or source.title.lower() in claim)
        ):
            return _SOURCE_NOUNS.get(source.kind, frozenset())
    return frozenset()


_BEFORE_ITS_DATE = (
    r"\bhad (?:(?:already|previously|earlier|first|once|been|not) )*"
    r"(?:\w+(?:ed|en|wn|ne|ht|de) (?:the |a |an |its |their )?)?$"
)
"""The past perfect at a claim's word for what happened, or just before its object ("had been
arrested", "which had imposed sanctions"): it happened before the time the claim speaks of, its
date (compiled on first use: only "when" questions need it)."""
_CITED_AFTER = r"^\w*(?: [\w-]+){0,3}? resolutions? (\d+) \(((?:19|20)\d\d)\)"
"""A resolution cited with its year just after a claim's word for what happened ("imposed under
resolution 1267 (1999)"): the year it was done in, as the UN cites a resolution (compiled on
first use)."""
_CITED = r"\bresolutions? (\d+) \(((?:19|20)\d\d)\)"
"""A resolution cited with its year ("resolution 2368 (2017)"): compiled on first use."""
_CITED_REACH = 60
"""How far (in characters) after the word for what happened such a citation may end."""


def dated_otherwise(question: Question, fact: Fact) -> bool:
    """Whether the claim dates what a "when" asks happened otherwise than by the fact's date:
    each time it says it (a word of question.happened or a word of its root: a synonym may say
    another thing, "as designated in a list"), it says it in the past perfect ("resolutions
    1267 and 1333, which had imposed sanctions": before its date, 2002), or done under a
    resolution it cites with another year ("the assets freeze ... imposed under resolution 1267
    (1999)", in a fact of 2010). Its date is then not the time asked."""
    claim = fact.claim
    if fact.date is None or not question.happened or ("had " not in claim and "(" not in claim):
        return False  # (most claims: no need to read their words)
    if question.weights.keys() & _REPORTED_ASKED:
        return False  # "When did the White House say he had been killed?": the telling's time
    year = str(fact.date.year)
    if "had " not in claim and not any(
        found.group(2) != year for found in re.finditer(_CITED, claim)
    ):
        return False  # (most claims: no past perfect, no resolution of another year)
    spans, _, stems = claim_words(claim)
    said = [
        span
        for span, word in zip(spans, stems, strict=True)
        if word in question.happened
        or any(
            word[:3] in (asked[:3], asked[2:5]) and derived(asked, {word})
            for asked in question.happened
        )
    ]

    def elsewhen(span: re.Match[str]) -> bool:
        if re.search(_BEFORE_ITS_DATE, claim[max(0, span.start() - 40) : span.start()]):
            return True
        cited = re.match(_CITED_AFTER, claim[span.start() : span.end() + _CITED_REACH])
        return cited is not None and cited.group(2) != year

    return bool(said) and all(elsewhen(span) for span in said)


def resolution_time(question: Question, fact: Fact) -> str | None:
    """For a "when" on a resolution the question names by its number: where it asks when it
    was adopted, the year the claim cites it with ("annex I to resolution 2368 (2017)"), where
    that is not the fact's own year (a report of 2021 citing it); a sanction the resolution is
    the instrument of gives its date of adoption ("Resolution 1735 (2006) ... adopted 2006"),
    not a time the claim gives of a letter mentioning it. None otherwise (the fact's date then
    stands)."""
    if adopted := instrument_adopted(question, fact):
        return adopted
    return _cited_year(question, fact) if _adoption_asked(question) else None


def _cited_year(question: Question, fact: Fact) -> str | None:
    """The year the claim cites a resolution the question names with ("resolution 2368
    (2017)"), where that is not the fact's own year; None otherwise."""
    if fact.date is None or "(" not in fact.claim:
        return None
    for found in re.finditer(_CITED, fact.claim):
        if found.group(1) in question.resolutions and found.group(2) != str(fact.date.year):
            return found.group(2)
    return None


def cites_another_year(question: Question, fact: Fact) -> bool:
    """Whether the fact, not itself on a resolution the question names by number, cites it
    with a year other than its own date's ("transmits the ... report ... under annex I to
    resolution 2368 (2017)", dated 2021): its date is of another document or event, not a time
    of the resolution's (see resolution_time)."""
    return (
        bool(question.resolutions)
        and instrument_adopted(question, fact) is None
        and _cited_year(question, fact) is not None
        and not question.resolutions & _first_resolution(fact.claim)
    )


_OPENING_WORDS = 6
"""How many words a claim on a resolution names it within ("Under paragraph 30 (b) of
resolution 1988 (2011) ...")."""


def _first_resolution(claim: str) -> frozenset[str]:
    """The number of the resolution a claim opens with, its subject ("Resolution 1333 (2000)
    banned ...", "In resolution 2513 (2020) the Council ..."); none where it names one later
    ("Document S/2021/655 ... under annex I to resolution 2368 (2017)")."""
    opening = " ".join(claim.split()[:_OPENING_WORDS])
    found = re.search(r"(?i)\bresolutions? (\d+)", opening)
    return frozenset((found.group(1),)) if found else frozenset()


_INSTRUMENT = r"(?i)\bresolutions? (\d+)(?: \(((?:19|20)\d\d)\))?"
"""A resolution an instrument is, with the year it cites it with, if any (compiled on first
use)."""


def instrument_adopted(question: Question, fact: Fact) -> str | None:
    """The day a sanction's instrument was adopted (the format's `adopted`), where the
    instrument is a resolution the question names by its number and that day is in the year the
    instrument cites it with, if it cites one: "resolution 1735 (2006), paragraphs 1 and 12",
    adopted 2007-09-13, is a listing under it, dated the day of the listing."""
    details = fact.details
    if not isinstance(details, Sanction) or details.adopted is None or details.is_listing:
        return None
    for found in re.finditer(_INSTRUMENT, details.instrument):
        number, year = found.groups()
        if number in question.resolutions and year in (None, str(details.adopted.year)):
            return str(details.adopted)
    return None


_ADOPTED = stems("adopted")[0]
"""The stem of "adopted", whose synonyms (the packs' thesaurus) ask of an adoption."""


def adoption_dated(question: Question, fact: Fact, word: str) -> bool:
    """Whether the word (a stem of the question's) asks of an adoption that the fact dates by
    the format's `adopted`: a sanction's instrument's day of adoption ("When was the freeze
    ... adopted?"), whatever its claim says. (A listing's `adopted` is the day it was made.)"""
    details = fact.details
    return (
        isinstance(details, Sanction)
        and details.adopted is not None
        and not details.is_listing
        and _ADOPTED in question.forms(word)
    )


def _adoption_asked(question: Question) -> bool:
    """Whether the question asks of an adoption ("adopted", "passed", or a synonym the packs
    give "adopt"): the year a resolution is cited with is the year it was adopted."""
    return any(_ADOPTED in question.forms(word) for word in question.happened)


def adopts(question: Question, fact: Fact) -> frozenset[str]:
    """The question's words asking when a resolution was adopted ("adopted", "passed", or
    another word the packs make a synonym of "adopt"), where the fact is a sanction whose
    instrument is the resolution it names and which gives the day it was adopted (the format's
    `adopted`): it gives that adoption, whatever its claim says. Empty otherwise."""
    if instrument_adopted(question, fact) is None:
        return frozenset()
    return frozenset(word for word in question.happened if _ADOPTED in question.forms(word))


_IRREGULAR_STARTS = frozenset(("began", "begun"))
"""Forms of "begin" the stemmer leaves apart from it."""
_START_ASKED = (  # compiled on first use: only "when" questions need it
    r"\bwhen (?:did|does|do|was|were|is|are|will|would|has|have|had) (?P<subject>.+?) "
    r"(?:\w+ )?(?:to )?(?:start|starts|started|begin|begins|began|begun|commence|commenced)\b"
)
"""A "when" asking when something started ("When did the sanctions on the Taliban start?",
"When were intra-Afghan negotiations supposed to begin?"): what started is its subject."""
_PHRASE_ENDS = frozenset(
    (*stems("on of in for under by from with to against about after before during"), "if")
)
"""Words after which a subject goes on past its head ("the sanctions on the Taliban")."""


def start_subject(question: Question) -> frozenset[str]:
    """The content words (stems) of what a "when ... start" question asks started, up to its
    head noun ("sanctions" of "the sanctions on the Taliban"); empty for other questions."""
    if not _MEASURE_STARTS.intersection(question.weights):
        return frozenset()
    found = re.search(_START_ASKED, question.text)
    if found is None:
        return frozenset()
    head: list[str] = []
    for word in found.group("subject").split():
        if stem(word) in _PHRASE_ENDS or word in _PHRASE_ENDS:
            break
        head.append(stem(word))
    return frozenset(head) & question.weights.keys()


def start_undated(question: Question, fact: Fact) -> bool:
    """Whether the fact does not date when what a "when ... start" question asks started (see
    start_subject). It dates it where its claim says a start of it (see _start_said), gives a
    time a measure applied from (see effect_time) or spans a time from its start (see
    span_asked). A start said only of something else ("upon the start of intra-Afghan
    negotiations" is no start of sanctions), or none at all, does not: a fact on the sanctions
    is dated when it was adopted, signed or reported, which is no start of them."""
    subject = start_subject(question)
    if not subject:
        return False
    if _start_said(question, subject, fact.claim):
        return False
    return not effect_time(question, fact) and span_asked(question, fact) is None


def _start_said(question: Question, subject: frozenset[str], claim: str) -> bool | None:
    """Whether the claim says a start of the subject, named within _BEGAN_NEAR words of a word
    for one ("the sanctions started", "upon the start of intra-Afghan negotiations, to review
    ..." of a review); None where it says no start at all."""
    starts = set().union(*(question.group(word) for word in _MEASURE_STARTS)) | _MEASURE_STARTS
    lowered = claim.lower()
    if not any(word[:4] in lowered for word in starts | _IRREGULAR_STARTS):
        return None  # (most claims: no need to read their words)
    said = set().union(*(question.forms(word) for word in subject)) | subject
    _, folded, words = claim_words(claim)
    at = [
        n
        for n, (word, raw) in enumerate(zip(words, folded, strict=True))
        if word in starts or raw in _IRREGULAR_STARTS
    ]
    if not at:
        return None

    def of_subject(n: int) -> bool:
        near = words[max(0, n - _BEGAN_NEAR) : n + _BEGAN_NEAR + 1]
        return not said.isdisjoint(near)

    return any(of_subject(n) for n in at)


def passive_deed(question: Question) -> str | None:
    """The verb (stemmed) a "when" question in the passive asks was done ("remov" of "when was
    bin Laden removed from the sanctions list"): what happened, which the answer must say --
    "the sanctions list" says where from, not what was done. None for other questions."""
    if "when" not in question.text:
        return None
    if (bare := re.search(_WHEN_PARTICIPLE, question.text)) and stem(bare[1]) in question.happened:
        return stem(bare[1])  # "al qaida sanctions list when created"
    found = re.search(_WHEN_PASSIVE_START, question.text)
    if found is None:
        return None
    words = question.text[found.end() :].split()
    for at, word in enumerate(words[1:9], 1):
        if (word.endswith(("ed", "en")) or word in PARTICIPLES) and stem(word) in question.happened:
            # ("When were the talks supposed to start?": what was to be done is the verb after
            # "to", which other rules read.)
            return None if words[at + 1 : at + 2] == ["to"] else stem(word)
    return None


_WHEN_PARTICIPLE = r"\bwhen (\w+(?:ed|en))$"
"""A "when" as keywords, the participle after it ending the question ("... list when
created"): compiled on first use."""
_WHEN_PASSIVE_START = r"\bwhen (?:was|were|is|are|has been|have been|had been) "
"""The opening of a "when" in the passive (compiled on first use)."""
