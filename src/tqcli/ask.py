"""Answering questions in plain English: the fact that answers what is asked, a related fact
marked as a partial answer, or an honest "no answer".

How a question is read and judged (docs/ask-evaluation.md says it in full, with the figures):

1. Its words are folded and stemmed as the index is; a word that is neither common English nor
   in the index is taken for a typo and corrected against the index.
2. Each content word is weighted by how rare it is in general English (kept in the index, from
   wordfreq: see wordweights): "budget" or "soldiers" count fully, "year" or "people" less,
   "what" or "did" not at all; a word most loaded facts use (their subject) counts up to half
   less.
3. What the question asks for is read from its form: a figure ("how many X"), a quote ("what
   did X say", "who said"), a date ("when"), a person or organisation ("who"), or anything.
4. Each candidate fact (BM25 over the words and their synonyms from the packs' thesaurus) is
   judged: which share of the question's content weight its words account for, and whether it
   is the kind of answer asked for -- a fact giving a number of what is counted, a quote by the
   speaker named, a dated fact, a fact naming someone the question does not, a duration. A
   fact that fits and accounts for enough is an answer; any other is a partial answer; when no
   fact accounts for enough of the question, there is no answer.
5. For "when", "where was ..." and "how did ...", an answer must also say what is asked of what
   the question names ("die" in "when did Mullah Omar die"), and for any question, a year or
   other number of three digits or more it names (or ordinal: "7590th") must be the fact's,
   and a name it gives ("Japan", "the prime minister of japan") must be one the fact accounts for.
6. "Who leads X", "who is the head of X" and other present-tense questions on who holds a role
   get its latest sourced state: the facts saying someone holds the role in X, newest first;
   someone a loaded fact says died (or was removed since) holds no role now.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from enum import Enum

import msgspec

from tqcli.askstems import STEMS as _LISTED_STEMS
from tqcli.compat import assert_never
from tqcli.errors import NoQuestion
from tqcli.figures import figure_phrase, figure_text
from tqcli.index import Index
from tqcli.model import (
    Agreement,
    Answers,
    Catalog,
    EntityKind,
    Event,
    Fact,
    Figure,
    Filters,
    Hit,
    Match,
    NoteStance,
    PartialDate,
    Quote,
    Reply,
    Sanction,
)
from tqcli.textnorm import fold, stem, tokens


def _stems(words: str) -> list[str]:
    """The stems of space-separated lower-case ASCII words (a word list of this module): from
    askstems' table, made of these lists once (a test keeps it so), any word it lacks stemmed."""
    listed = _LISTED_STEMS.get
    return [listed(word) or stem(word) for word in words.split()]


# Words that carry the question's grammar, not its subject (stemmed, as the index is). "Per
# resolution 1267" is "according to" it. Adverbs of relative time ("previously") say when the
# thing asked about happened only against something else: what it was is in other words.
_FUNCTION_WORDS = frozenset(
    _stems(
        "a an the of to in on at for by with from and or but is are was were be been being do "
        "does did done has have had what which who whom whose when where why how much many any "
        "some this that these those it its they them their there here about me tell please can "
        "could would should will shall may might i you we he she his her our your as than then "
        "so if into over under not no each every ever all also just still know find out get give "
        "happen happened again according per previously formerly earlier recently already "
        "originally initially subsequently"
    )
)
# In "when did the Taliban's first spell in power begin?" or "how long did the war last?",
# these say that a time is asked, not what happened then. ("Begin" and "end" say which end of
# it: "when were the talks to start" is not when they were agreed.)
_TIME_WORDS = frozenset(_stems("last spell period stint era tenure time times"))
_BEGAN = frozenset(
    _stems(
        "become became becomes appointed named elected since succeeded sworn assumed took began "
        "started by"
    )
)
"""Words with which a claim says when a state began ("appointed ... in 2016", "since 2016",
"by August 1988")."""
_BECOME = r"\bbec[oa]me\b(?! (?:known|public|clear|apparent|evident|aware|available)\b)"
"""Becoming something (a post, a state), not becoming known: compiled on first use."""
_SINCE_WHEN = re.compile(r"\bsince when\b")
"""'Since when has X led Y?' asks when a state began, as 'when did X become Y' does."""
_STARTED = frozenset(_stems("become became first"))
"""Words that ask when a state began ("when did he become leader")."""
_FINISHED = frozenset(_stems("last finally final completed"))
"""Words that ask when something was done at last ("when did the last US troops leave"),
which later facts say: a drawdown's date is not the completion's."""
# Verbs that take another verb ("try to play down", "continue to provide"): the other verb says
# what happened; they only say how far it got.
_CATENATIVE = frozenset(_stems("try tried attempt continue seek manage fail"))
# A verb and its particle ("play down", "set up") are one verb: English writes some of them as
# one word too ("downplay", "setup").
_PARTICLES = ("down", "up", "out")
# Words that open a noun phrase ("the", "its"): the phrase's head noun comes after them. A phrase
# opened by any other function word is no noun phrase ("who is in charge of ...").
_DETERMINERS = frozenset(
    _stems("a an the its their his her our your my this that these those some any each every")
)
# Prepositions the function words leave out (they count as content, "after" the invasion), which
# end a phrase all the same ("the relationship between ...").
_PREPOSITIONS = frozenset(
    _stems(
        "between among amongst against within without during before after since until through "
        "across towards toward via near behind beyond upon"
    )
)
_VERB_FORM = re.compile(r"^(?:\w{3,}(?:ing|ed)|doing|going|being|seeing|using|dying|lying)$")
"""A word in the form of a verb's participle ("seeking", "adopted"; a short verb's "doing")."""
_SYNONYM_CREDIT = 0.8
"""What a word's synonym (from the packs' thesaurus, [[synonyms]]) counts for, against the word
itself: a question's word also matches its group ("died" finds "killed")."""
_CANDIDATES = 15
_MAX_WORDS = 40
_BOOST = 1.6
_ANSWER_COVERAGE = 0.5
"""An answer must account for at least this share of the question's content weight."""
_EVENT_COVERAGE = 0.4
"""A "when" answer must account for at least this share of the question's words that name
nothing it names (what happened: "die", "first capture ... 1996")."""
_EVENT_WEIGHT = 0.5
"""Only words at least this heavy (rarer in English than Zipf 5.75) say what happened."""
_FULL_COVERAGE = 0.95
"""A fact that accounts for this share of the question says all it says."""
_PARTIAL_COVERAGE = 0.4
"""Below this share, even the best fact is too far from the question to offer."""
_UNMATCHED_SHOWN = 0.5
_NAME_WEIGHT = 0.5
"""A name the question gives must weigh at least this to say which one it asks about (rarer in
English than Zipf 5.75: "Japan", not "US")."""
_NAME_SHARE = 0.1
"""A name the question gives must be used by fewer than this share of the loaded facts to say
which one it asks about ("India", not "Taliban": the pack's subject)."""
_COUNTED_WEIGHT = 0.3
"""Words naming what is counted that are at least this heavy must be in a figure's own words."""
"""Question words at least this heavy that a fact misses are named as what it leaves out."""


class Wants(Enum):
    """The kind of answer a question asks for, read from its form."""

    FIGURE = "figure"
    """How many, how much: a figure whose own words name what is counted."""
    QUOTE = "quote"
    """What did X say, who said: a quote (by X, when named)."""
    DATE = "date"
    """When: a dated fact."""
    SOMEONE = "someone"
    """Who: a fact naming a person or organisation the question does not name."""
    DURATION = "duration"
    """How long: a number of days, months, years ..."""
    ANYTHING = "anything"


_DURATION = re.compile(r"\bhow long\b(?! ago\b)|\bfor how many (?:days|weeks|months|years)\b")
_TIME_UNITS = frozenset(
    _stems(
        "second seconds minute minutes hour hours day days week weeks month months year years "
        "decade decades"
    )
)
_RATE = r"\b(?:a|an|per|each|every)\b|/"  # compiled on first use (re caches it)
"""Where a unit turns into a rate: "US dollars a day" counts dollars, not days."""


def _measured(unit: str) -> str:
    """What a figure's unit counts: its words before any rate ("a day", "per year")."""
    return re.split(_RATE, unit, maxsplit=1)[0]


_HAVE = ("have", "has", "had", "possess", "field", "hold", "employ")
_HAS = (  # compiled on first use
    r"\bhow (?:many|much) (?:\w+ ){1,3}?(?:does|do|did) (?P<holder>(?:\w+ ){1,3}?)"
    rf"(?:itself |themselves )?(?:{'|'.join(_HAVE)})\b"
)
"""How many X does Y have: Y is whose the X are."""
_PARTITIVE = (
    r"\bhow many of (?P<whole>(?:\w+ ){1,5}?)(?:were|was|are|is|had|have|has|did|do|does)"
    r"(?P<part>(?: \w+){1,4})"
)
"""How many of the X were Y: the whole, and what is said of the part counted (compiled on first
use: only "how many of" questions need it)."""
_FIGURE = re.compile(
    r"\bhow (?:many|much)\b(?P<counted>(?: \w+){0,4})|"
    r"\b(?:number|amount|total|count|sum) of\b(?P<counted_of>(?: \w+){0,4})"
)
_QUOTE = re.compile(
    r"\b(?:what|how) (?:did|does|do|has|had|have) (?P<speaker>.+?) "
    r"(?:say|said|tell|told|write|wrote|think|call|describe)\b"
    r"|\bwho (?:said|says|spoke|speaks|stated|states|declared|warned|told|wrote|called"
    r"|described)\b|\bquotes?\b"
    # "What was Ben Wallace's warning?": what someone said, named by the kind of saying (the
    # possessive's apostrophe is gone once folded: "wallaces").
    r"|\b(?:what|how) (?:is|was|were|are) (?:the )?(?P<sayer>(?:\w+ ){0,2}\w+?)s? "
    r"(?:warning|message|statement|comments?|remarks|words|views?|verdict|answer|reply|response)\b"
)
_MEDIUM = (  # compiled on first use: only questions with "which" or "what" and such a verb
    r"\b(?:which|what) (?P<medium>\w+) (?:did|does|do|has|had|have) (?P<teller>(?:\w+ ){1,6}?)"
    r"(?:talk|talked|speak|spoke|spoken|say|said|tell|told|write|wrote|written) (?:to|in|on)\b"
)
"""Where someone said it (a quote's medium): "Which outlet did Panetta talk to?"."""
_MEDIUM_VERBS = (" talk", " speak", " spok", " say", " said", " tell", " told", " writ", " wrot")
# "What is the Taliban's annual budget?", "Who is the foreign minister?": the phrase after the
# verb names what is asked about, and its last word (the head noun) must be in the answer.
_SUBJECT = re.compile(r"\b(?:what|who|which) (?:is|was|are|were)(?P<subject>(?: \w+){1,5})")
_NUMBER_WORDS = frozenset(
    {
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
    }
)
_PERSON = re.compile(r"\bwho\b")
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


_STARTING = frozenset(_stems("begin began begun start started starting first become became"))
"""Words that ask when something began."""
_BEGUN = frozenset(("began", "begun", "begin", "begins", "started", "start", "starts", "starting"))
"""Verbs with which a claim says only that something began ("began their withdrawal")."""


def _only_begun(question: Question, said: set[str], claim: str) -> bool:
    """Whether the claim says what happened (said, or synonyms) only after a verb of beginning,
    at most two words before it ("began their withdrawal")."""
    lowered = claim.lower()
    if "bega" not in lowered and "begun" not in lowered and "start" not in lowered:
        return False  # (most claims: no need to read their words)
    happened = set().union(*map(question.group, said)) | said
    words = _WORD.findall(fold(claim))
    places = [
        at
        for at, word in enumerate(words)
        if stem(word) in happened or any(_derived(w, {stem(word)}) for w in said)
    ]
    return bool(places) and all(not _BEGUN.isdisjoint(words[max(0, at - 3) : at]) for at in places)


_DOER = re.compile(r"\w{3,}(?:er|or)s?")
"""An agent noun ("founder", "leaders"): who does what its verb says."""


def _as_doer(question: Question, word: str, own: frozenset[str]) -> bool:
    """Whether the fact says what happened (word, a stem) only by the noun for its doer: "its
    founder" is not its founding."""
    said = (question.group(word) | {word}) & own
    return bool(said) and all(
        other != word and other.startswith(word[:4]) and _DOER.fullmatch(other) for other in said
    )


def _as_verb(question: Question, word: str) -> bool:
    """Whether the question has the word (a stem) as a verb: in the past ("founded"), or
    after "who" ("who funds")."""
    spelled = question.spelled.get(word, "")
    return spelled.endswith("ed") or f" who {fold(spelled)} " in f" {question.text} "


_FILLERS = frozenset(
    ("first", "originally", "initially", "was", "were", "is", "are", "been", "had", "has", "the")
)
"""Words between a thing and the participle said of it in the passive ("first established by")."""


def _of_another(question: Question, word: str, claim: str) -> bool:
    """Whether every time the claim says what happened (word, a stem, or its synonyms), it says
    it of a name the question does not give: the verb followed by a capitalised name ("founded
    the Haqqani Network") none of whose words the question has."""
    group = question.group(word) | {word}
    lowered = claim.lower()
    if not any(member[:4] in lowered for member in group):
        return False  # (most claims: no need to read their words)
    written = _WRITTEN_WORD.findall(claim)
    prefixes = {member[:4] for member in group}
    objects = []
    for at, raw in enumerate(written):
        if raw[:4].lower() not in prefixes:
            continue  # (stem only the words that may be one of the group)
        said = stem(fold(raw))
        if said not in group or said in _ACTING or _DOER.fullmatch(said):
            continue  # a post's noun ("its leader Saif al-Adel") names its holder after it
        if raw.endswith("ed") and written[at + 1 : at + 2] in (["by"], ["pursuant"], ["under"]):
            # In the passive what it was done to comes before: "the Security Council Committee
            # established pursuant to resolution 1267", "the Ombudsperson, first established by".
            before = [w for w in written[max(0, at - 4) : at] if w.lower() not in _FILLERS]
            if not before or not before[-1][:1].isupper():
                return False
            objects.append({stem(fold(re.sub(_POSSESSIVE, "", before[-1])))})
            continue
        after = written[at + 1 : at + 5]
        if after and after[0].lower() == "the":
            after = after[1:]
        if not after or not after[0][:1].isupper():
            return False  # said of no name, or of something not named: cannot tell
        # The name's first three words, particles included ("Osama bin Laden").
        objects.append({stem(fold(re.sub(_POSSESSIVE, "", word))) for word in after[:3]})
    return bool(objects) and all(name.isdisjoint(question.weights) for name in objects)


def _in_one_clause(question: Question, said: set[str], claim: str, subject: set[str]) -> bool:
    """Whether a clause of the claim says what happened (said: words of question.happened, or
    their synonyms, or words of the same root: "emergence" for "appear") and names the subject
    (stems)."""
    happened = set().union(*map(question.forms, said)) | said
    for clause in re.split(_SENTENCE, claim):
        stems = set(tokens(clause))
        if stems & subject and (
            stems & happened or any(_derived(word, stems) for word in happened)
        ):
            return True
    return False


_COMMITMENT_ASKED = (
    r"(?:\w+ )?(?:what|which)(?: \w+)? (?:did|does|do|has|have|had) (?:\w+ ){1,4}?"
    r"(?:promise|promised|pledge|pledged|commit|committed|agree|agreed|vow|vowed|undertake"
    r"|undertook)\b"
)
"""What X committed to ("What did the Taliban promise ...?", "which groups did the Taliban
pledge to keep out"): compiled on first use."""
_DAY_ASKED = (
    r"\b(?:what|which|exact) (?:exact )?(?:date|day)\b(?! (?:of|in) the (?:year|month|week)\b)"
)
"""A day asked ("on what date", "what day", "the exact date"; not "what day of the week"):
compiled on first use."""
_BEGAN_NEAR = 8
"""How many words from a name of what the question names a claim's word for a state beginning
may be, to say it began for them (see _began_near)."""


def _began_near(question: Question, claim: str) -> bool:
    """Whether the claim says a state began (_BEGAN) within _BEGAN_NEAR words of a word naming
    what the question names ("Akhundzada, the Taliban's leader since 2016")."""
    stems = tokens(claim)
    began = [n for n, word in enumerate(stems) if word in _BEGAN]
    return any(
        abs(n - at) <= _BEGAN_NEAR
        for at, word in enumerate(stems)
        if word in question.named
        for n in began
    )


def _dates_no_event(question: Question, fact: Fact) -> bool:
    """Whether the fact's date is not the time of what the question asks: that of a report of
    it (see _dates_a_report), or a claim saying when it happened is not known -- unless the
    question asks when it was said or reported."""
    if question.weights.keys() & _REPORTED_ASKED:
        return False
    return _says_not_when(fact.claim) or (
        fact.date is not None and _dates_a_report(fact.claim, fact.date.year)
    )


def _says_not_when(claim: str) -> bool:
    """Whether the claim says that when it happened is not known (see _NOT_WHEN)."""
    lowered = claim.lower()
    return (
        "when" in lowered or "unknown" in lowered or "not known" in lowered or "unclear" in lowered
    ) and (re.search(_NOT_WHEN, claim) is not None)


def _time_in_words(claim: str) -> str | None:
    """The first time a claim gives in its words (see _TIME_IN_WORDS), outside brackets: an
    aside qualifies a name ("Mullah Mohammed Omar (1960–2013)", his life), it does not say when
    the claim's event happened."""
    found = re.search(_TIME_IN_WORDS, re.sub(_ASIDE, " ", claim) if "(" in claim else claim)
    return found.group() if found else None


_PERSON_ROLES = frozenset(
    _stems(
        "representative ambassador envoy minister president secretary spokesman spokeswoman "
        "spokesperson official officials diplomat delegate chair chairman chairperson leader "
        "founder emir commander coordinator ombudsperson"
    )
)
"""Nouns that name a person by their post: who says something, though no one is named."""
_WHO_IS = re.compile(r"who(?:s| is| was| are| were)\b")
_WHAT_IS = re.compile(r"(?:so )?what(?:s| is| was| are| were) .*")
"""'What is X?': with all its words naming X, it asks what X is."""
# Nouns whose content is the phrase that follows them ("the purpose of resolution 1267", "the
# relationship between the Taliban and al-Qaeda": shell nouns, in the grammarians' word): an answer
# gives that content, and need not use the noun.
_SHELL_NOUNS = frozenset(
    _stems(
        "purpose aim goal objective reason result outcome effect impact consequence role "
        "significance meaning nature content contents status position stance view attitude "
        "relationship relation relations link links connection connections situation idea issue "
        "problem difference response reaction point gist substance"
    )
)
_DOCUMENT_NUMBERS = (
    r"\b(?:resolutions?|res|unscr|sres)\s+(?P<numbers>\d+(?:(?:\s+(?:and|or)\s+|\s+)\d+)*)"
    r"|\b(?P<body>\d+) (?:sanctions )?(?:committee|regime|list)\b"
)
"""Numbers that name a resolution ("resolutions 1988 and 1989") or what it set up ("the 1988
committee"), compiled on first use."""
_TIME_YEAR = r"\b(?:in|since|until|by|during|from|before|after) ((?:19|20)\d\d)\b"
"""A year given as a time ("in 1999"), compiled on first use."""
_WHAT_WEIGHT = 0.85
"""How heavy (rarer in English than Zipf 4.875) the noun after "what" must be to be the head
noun ("bounty", "languages"), chosen on the tuning sets (0.65 cost two answers there; in the
tenth round, with "what ADJ N" read too, 0.65 cost five first places on 22 sets for two more
unanswerable questions declined, 0.5 fourteen for two)."""
_WHAT_KIND = (
    r"^(?:\w+ )?(?:what|which) (?:\w+ )?(?P<noun>\w+) "
    r"(?:did|does|do|is|was|are|were|has|have|had|will)\b"
)
"""What (ADJ) N does ...: "what bounty did", "what medical condition did" (N, the noun)."""
_WHAT_KIND_OF = (
    r"^(?:\w+ )?(?:what|which) (?P<noun>\w+) (?:number|name|date|year|day|month|amount|figure"
    r"|total) (?:did|does|do|is|was|are|were|has|have|had|will)\b"
)
"""What M N does ... ("what flight number did ..."), N a word for a kind of answer: M says
what it is of (compiled on first use)."""
_KIND_NOUNS = {
    **dict.fromkeys(
        _stems("city town country province village capital place region district state hotel"),
        EntityKind.PLACE,
    ),
    **dict.fromkeys(
        _stems(
            "organisation organization group body party tank institute university outlet "
            "newspaper broadcaster agency company movement network"
        ),
        EntityKind.ORGANIZATION,
    ),
}
"""Nouns of a kind of thing ("which city", "what think tank"): a fact naming one of that kind
answers for the noun, which it need not say (Doha is a city)."""
_NAMED_KINDS = {
    noun: frozenset(map(stem, words.split()))  # (a few words: askstems' table lists literals)
    for noun, words in (
        (stem("hotel"), "hotel resort inn"),
        (stem("university"), "university college"),
        (stem("institute"), "institute institution"),
        (stem("tank"), "institute institution center centre foundation council endowment"),
    )
}
"""Of _KIND_NOUNS, those narrower than a place or an organisation, and the words their names
carry in English: a hotel is named "... Hotel", a think tank "... Institute", "... Center" --
not any place (Afghanistan) or body (the Taliban) a fact names."""
_MEASURES = frozenset(
    _stems(
        "population budget revenue revenues income salary salaries wage wages cost price age size "
        "area toll value worth turnout production output gdp spending expenditure exports imports "
        "debt harvest"
    )
)
"""Nouns of a quantity: "what is the population of ..." asks a number, as "how many" does."""
_AGE = frozenset(_stems("old age aged"))
"""Words a claim gives an age with ("60 years old", "aged 60")."""
_MONEY = frozenset(
    _stems("dollars usd pounds gbp euros eur rupees afghanis riyals dirhams yuan rubles percent")
)
"""Words a figure gives an amount of money (or a share) in: what a bare "how much" asks."""
_AN_AMOUNT = r"\bhow much (?:did|does|do|has|have|had|was|is|were|are|will|would|could)\b"
"""A "how much" that names nothing after it ("how much did X pay"), not "how much land"."""
_MODIFIER_WEIGHT = 0.65
"""A word before the head noun this heavy (rarer in English than Zipf 5.375: "foreign",
"defence", "education"; not "new", "main" or "top") says which one is asked about."""
_WRITTEN_WORD = re.compile(r"[^\W\d_][\w'’]*|\d+")
"""A word as the question writes it, capitals and possessive included ("Taliban's")."""
_WORD = re.compile(r"\w+")
# The patterns below are used in answering almost every question (a claim's apostrophe, the
# question's digits): compiled at import, so that their programs are kept (see regexcache).
# A pattern that opens with a character set, the look back after it, lets the regex engine skip
# ahead to candidates (as textnorm's digit grouping): one that opens with a look back or \b is
# tried at every character of a claim.
_POSSESSIVE = re.compile(r"['’](?<=\w['’])s\b")
_ENDS_POSSESSIVE = re.compile(r"\w['’]s?$")
_DIGIT = re.compile(r"\d")
_DECADE = re.compile(r"(?:19|20)\d0s")
_WHERE = re.compile(r"(?:\w+ )*?where\b")
"""A question with the word "where" (see _judge)."""
_DATE = re.compile(r"\bwhen\b|\b(?:what|which) (?:year|month|day)\b|\bdate\b|\bhow long ago\b")
_ASKS = r"\b(?:who|whom|whose|which|what|where|how|why)\b(?! (?:year|month|day|date)\b)"
_WHEN_CLAUSE = r"\bwhen \w"  # compiled on first use (re caches it), as _ASKS
"""A "when" that opens a clause ("as noted when it was adopted"), not one asked ("and when?")."""
_CLAUSE_WEIGHT = 0.5
"""What the words of such a clause count for: they say at what time, not what is asked."""
_MEANING = frozenset(_stems("mean stand"))
_WHAT_DOES = r"(?:\w+ )?what (?:does|did|do|will|would|should|can|could|shall) (?:\w+ ){1,6}?(\w+)"
_WHAT_REQUIRED = (
    r"(?:\w+ )?what (?:does|did|do|will|would|shall) (?:\w+ ){1,6}?"
    r"(require|requires|demand|demands|expect|expects|want|wants|ask|asks) (?:of|from) "
    r"(?P<whom>(?:\w+ ){0,3}\w+)"
)
"""What does X require of Y?: the verb, and of whom (compiled on first use)."""
_WHAT_NOUN_DOES = r"(?:\w+ )?what \w+ (?:does|did|do|will|would) (?:\w+ ){1,6}?(\w+)"
"""What N does X VERB ("what sanctions did resolution 1267 impose"): asked of a resolution, the
verb is what it asks (of another thing, "what job did Panetta hold", the noun is)."""
_OBLIGING = frozenset(_stems("require requires demand demands oblige obligate"))
"""Verbs with which a question asks what someone must do under an instrument."""
_OBLIGATION = (
    r"\b(?:shall|must|required?|requires|requirement|obliged?|obligations?|obligated"
    r"|commit(?:s|ted|ments?)|pledged?|undert(?:ook|akes?)|demand(?:s|ed)?|agreed to"
    r"|(?:is|are|was|were) to|decided that)\b"
)
"""Words that say someone must or will do something: a commitment, an obligation, a demand
(compiled on first use: only questions asking what an instrument requires need it)."""
_OBLIGED_WORDS = frozenset(
    _stems("committed commitment pledged shall must obliged required demanded")
)
"""The same words, to search facts by."""
_IMPOSING = frozenset(_stems("impose imposed require required put placed"))
"""Verbs with which a question asks what an instrument imposes: a sanction's measures."""
_WHICH_DID = (  # "which resolution created X"
    r"(?:\w+ )?(?:which|what) (?!(?:has|have|had|was|were|is|are|did|does|do)\b)\w+ (\w+ed)\b"
)
_WHICH_RESOLUTION = (
    r"\b(?:which|what) (?:(?!(?:is|was|are|were|did|does|do|has|have|had)\b)\w+ ){0,2}?"
    r"resolutions?\b(?! (?:\d+|of)\b)"
)
"""Which resolution ...: its number is asked (compiled on first use; not "what resolution
1267 requires", nor "what resolutions of 2001 say")."""
_FUTURE = r"\b(?:will|shall|won t)\b (?!you\b|i\b)\w|\b(?:is|are|am) going to\b"
"""A question asked in the future ("Who will succeed ...?", "When will the UN recognise ...?"),
compiled on first use: only questions with "will", "shall" or "going" need it."""
_FORESEEING = (
    r"\b(?:will|shall|would|won t|going to|expected|expects?|plans?|planned|intends?|intended"
    r"|commit(?:s|ted|ments?)?|pledged?|pledges|promised?|promises|agreed (?:to|that)"
    r"|undert(?:akes?|ook)"
    r"|target(?:s|ed)?|deadline|ready|readiness|predict(?:s|ed)?|forecasts?|probably|likely"
    r"|(?:is|are|was|were) to|deciding to|decided to|within \d+|by (?:\d+ )?(?:19|20)\d\d)\b"
)
"""Words with which a fact looks ahead of its time -- a plan, a commitment, a deadline, an
expectation: only such a fact answers a question asked in the future (compiled on first use)."""
_DEADLINE_ASKED = (
    r"\b(?:must|have to|has to|had to|(?:is|are|was|were) to|supposed to|required to|obliged to"
    r"|due to|due|deadline|by when|by what (?:date|time|year|month))\b"
    # "When were US troops to leave?": "be" and its subject, then "to" and a verb (not a
    # participle's "to": "when were troops sent to Kabul").
    r"|\bwhen (?:is|are|was|were) "
    r"(?:(?!\w+ed |sent |brought |taken |given |flown )[\w-]+ ){1,4}?to\b"
)
"""A "when" that asks by when something must be done, not when it was agreed (compiled on first
use: only "when" questions need it)."""
_A_YEAR = r"\b(?:1[89]|20)\d\d\b"
"""A year a claim gives (compiled on first use: only deadline questions need it)."""
_DEADLINE_UNITS = r"(?:days?|weeks?|months?|years?)"
_DEADLINE_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)


@functools.cache
def _deadline_pattern() -> str:
    """The words with which a claim gives a deadline: "within 14 months", "in the first one
    hundred thirty-five days", "by May 2021", "by the end of 2021" (see _deadlines)."""
    number = r"(?:\d[\d,]*|(?:" + "|".join(sorted(_NUMBER_WORDS)) + r")(?:[ -](?:and )?(?:"
    number += "|".join(sorted(_NUMBER_WORDS)) + r"))*)"
    return (
        rf"\b(?:within|in) (?:the (?:first |next )?)?{number} {_DEADLINE_UNITS}\b"
        rf"|\bby (?:the end of )?(?:\d{{1,2}} )?(?:{_DEADLINE_MONTHS} )?(?:\d{{1,2}}, )?"
        r"(?:19|20)\d\d\b"
    )


def _asks_deadline(question: Question) -> bool:
    """Whether a "when" asks by when something must be done ("When must US troops leave?")."""
    return question.wants is Wants.DATE and re.search(_DEADLINE_ASKED, question.text) is not None


def _deadline_word(question: Question) -> str:
    """The question's words that ask by when ("must"), as a partial answer does not say them."""
    found = re.search(_DEADLINE_ASKED, question.text)
    return found.group() if found else "when"


def _deadlines(claim: str) -> list[str]:
    """The deadlines a claim gives, as it words them ("within 14 months", "by May 2021")."""
    if not ("within " in claim or "in the " in claim or "by " in claim or " in " in claim):
        return []
    return [found.group() for found in re.finditer(_deadline_pattern(), claim)]


_SHARE_ASKED = r"\bwhat (?:percentage|percent|per cent|proportion|share|fraction|part) of\b"
"""A question for a share (compiled on first use: only questions with "what" need it)."""
_SHARES = frozenset(_stems("percentage percent cent proportion share fraction part"))
"""The words such a question asks a share with, which the answer need not use."""
_SHARE_GIVEN = (
    r"\d\s*%|\b(?:\d+(?:\.\d+)?|\w+) (?:per ?cent|percent)\b|\bpercentage\b|\bproportion"
    r"|\b(?:a|one|two|three) (?:half|third|thirds|quarter|quarters|fifth|fifths|tenth)\b"
    r"|\b(?:half|majority|minority) of\b|\b(?:one|two|three|\d+) (?:in|out of) (?:\d+|\w+)\b"
)
"""How a fact gives a share: a percentage, a fraction, "one in ten" (compiled on first use)."""
_SHARE_NEAR = 60
"""How many characters from a share a word of what it is a share of may be, to be said of it."""
_WHERE_ASKED = re.compile(r"(?:\w+ )?where\b")
"""A question asking where ("Where is ...", "and where ..."), not a clause ("the house where")."""
_PLACE_AFTER = (
    r"(?<!according )(?<!said )(?<!spoke )(?<!talking )(?<!letter )(?<!report )"
    r"\b(?:in|at|to|from|near|along|across|inside|into|within|on|outside|around|reside|based"
    r"|hiding|hosting|hosted) (?:the |a |an )?(?:[\w-]+ ){0,2}?(?P<name>[A-Z][\w-]+)"
)
"""A place a claim names: a capitalised word after a preposition of place ("in Kabul", "along
the Afghan-Pakistani border", "to Tajikistan"), not a source's ("according to Reuters"),
compiled on first use."""
_HAPPENED = re.compile(r"\b(?:where|how) (?:was|were|did|does|do|is|are)\b")
"""Questions on where or how something happened, or is: "where was he born", "how did he die"."""
_POLAR = re.compile(
    r"(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|shall|may|might"
    r"|must)\b"
)
"""A yes/no question opens with an auxiliary verb ("Did the Taliban ban ...", "Is X alive")."""
_SOMEONE = re.compile(r"\bwho\b|\bwhich (?:person|man|woman|group|organi[sz]ation)\b")
_PERSON_NOUNS = (
    "person|people|man|men|woman|women|official|officer|presenter|journalist|reporter"
    "|correspondent|bomber|attacker|gunman|gunmen|assassin|soldier|general|judge|wife|husband"
    "|son|daughter|father|mother|brother|sister|deputy|successor|predecessor|negotiator"
    "|mediator|signatory|signatories|author|writer|scholar|analyst|pilot|representative"
    "|ambassador|envoy|minister|president|secretary|spokes(?:man|woman|person)|diplomat"
    "|delegate|chair|chairman|chairperson|leader|founder|emir|commander|coordinator"
)
"""Nouns that denote a person (English, not the pack): "which official", "the name of the
bomber" ask who, as "who" does (the posts of _PERSON_ROLES and kin, roles, relations)."""
_KIN = frozenset(
    _stems(
        "bomber attacker gunman assassin wife husband son daughter father mother brother sister "
        "negotiator mediator signatory author writer presenter "
        "journalist reporter correspondent pilot judge"
    )
)
"""Nouns of a person that are no post (_PERSON_ROLES): a deed's doer, a relation, a trade. A
"who" answer must be given one by its claim, beside the name (_KIN_NEAR words)."""
_KIN_NEAR = 6
_KIN_OF_BODIES = frozenset(_stems("attacker signatory author writer"))
"""Of _KIN, those a body may be too ("the attackers were ISIS-K", "signatories"); the others
are people: "the suicide bomber" is not Isis."""
_KIN_NOUNS = (
    "bomber|attacker|gunm[ae]n|assassin|wife|wives|husband|son|daughter|father|mother|brother"
    "|sister|negotiator|mediator|presenter|journalist"
    "|reporter|correspondent|pilot|judge"
)
_WHICH_SOMEONE = (  # compiled on first use (re caches it)
    r"\b(?:which|what) (?:(?!(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could"
    rf")\b)\w+ ){{0,3}}?(?P<kin>{_KIN_NOUNS})s?\b"
)
"""Which (ADJ) PERSON ...: "Which Sky News presenter interviewed ...?" asks for a person, by a
noun of a person that is no post (_KIN): a post asked so ("which UN official said ...") is
answered by whoever a quote or a claim gives it, as before."""
_NAME_OF_SOMEONE = (  # compiled on first use (re caches it)
    r"\bwhat (?P<be>is|was|are|were) (?:the |their |its )?names? of (?:the )?"
    rf"(?=(?:\w+ ){{0,3}}?(?:{_PERSON_NOUNS})s?\b)"
)
"""What is the name of (the) PERSON ...: "the name of the suicide bomber" asks who he was."""
# Words that say what kind of answer is wanted rather than what it is about: once the question's
# form has said it ("Blinken quote on ...", "number of ..."), a fact need not contain them.
_CUE_WORDS = {
    Wants.FIGURE: frozenset(_stems("number amount total count sum figure figures")),
    Wants.QUOTE: frozenset(
        _stems(
            "quote quotes quoted say said says tell told write wrote think call describe mean "
            "word words"
        )
    ),
    Wants.DATE: frozenset(_stems("date year month day")) | _TIME_WORDS,
    Wants.DURATION: frozenset(_stems("long")) | _TIME_WORDS,
}
_SAYING = frozenset(
    _stems(
        "say said says tell told write wrote speak spoke call called describe described warn "
        "warned quote quoted remark comment statement announce announced declare declared claim "
        "claimed urge urged lament lamented"
    )
)
"""Words that ask about something said."""
_MONTH_ABBREVIATIONS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
_OF_WHAT = (  # compiled on first use (re caches it)
    r"\b(?:what|who|which) (?:is|was|are|were) (?:the |its |their )?(?:\w+ ){1,3}?of (?:the )?"
    r"(?P<which>(?:\w+ ?){1,3})"
)
"""The "of" phrase of "who is the prime minister of japan": which one is asked about."""
_NAME_OF = re.compile(r"\bnames? of\b|\bwhat is (?:the|its|their) name\b|\brefers? to\b")
_CALLED = r"\bknown as\b|\b(?:what|how) (?:does|did|do) (?:\w+ ){1,5}?call\b"
"""Also asking for a name: "what does the agreement call the Taliban?" (compiled on first use)."""
_REASON = (  # compiled on first use: only "why" questions need it
    r"\b(?:because|reason|reasons|recogni[sz]ing that|for the purpose of|in order to|so as to|"
    r"so that|due to|owing to|on (?:\w+ )?grounds|in response to|in retaliation|aimed at|"
    r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbe )"
    r"to (?:avert|avoid|prevent|ensure|deter|punish|pressure)|for (?:his|her|its|their) role|"
    r"as a result of|motivated|rationale)\b"
)
"""Words that give a reason: "recognizing that", "for the purpose of averting", "on
humanitarian grounds" -- an infinitive of purpose, not one after "be" that says what something
is ("the Taliban's policy was to avoid being seen with al-Qaeda")."""
_NAMING = r"\b(?:known as|called|calling|styled|referred to as|named|dubbed)\b"
"""Words by which a claim gives something a name ("styled in the text as ...")."""
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CALENDAR_WORDS = frozenset({*map(str.lower, _MONTHS), *_WEEKDAYS})
"""Words English capitalises that name no one: months and weekdays."""
_A_DAY = rf"\b\d{{1,2}} (?:{'|'.join(_MONTHS)})\b|\b(?:{'|'.join(_MONTHS)}) \d{{1,2}}\b"
"""A day of a month in a claim ("13 August", "August 13"): compiled on first use."""


class Question(msgspec.Struct, frozen=True):
    """A question as read: what it wants, and its content words with their weights.
    (A Struct: made in C, where a NamedTuple of this many fields costs ~0.3 ms of every ask.)"""

    text: str
    """The question, folded, its words separated by single spaces."""
    wants: Wants
    weights: dict[str, float]
    """Each content word (folded, stemmed, typos corrected) and how much it counts."""
    spelled: dict[str, str]
    """Each content word as the question spelled it, to name what an answer leaves out."""
    counted: tuple[str, ...]
    """For a figure: the words naming what is counted ("US soldiers")."""
    head: str | None
    """The word naming what a "what is ..."/"who is ..." question asks about ("budget")."""
    speaker: tuple[str, ...]
    """For a quote: the words naming who said it, when the question names them."""
    rarity: dict[str, float]
    """Each content word's rarity in the loaded facts, for ranking (not for judging)."""
    groups: dict[str, frozenset[str]]
    """Each content word's synonyms in the packs' thesaurus, itself included."""
    named: frozenset[str] = frozenset()
    """The content words that name something the question is about (an entity of a candidate
    fact that the question names: "Mullah Omar", "Kabul"); the others say what is asked of it."""
    names: tuple[tuple[str, tuple[frozenset[str], ...]], ...] = ()
    """The names the question gives that say which one it asks about, written as English writes
    a name (capitalised within the question: "Japan", "National Public Radio"), rare enough in
    English and in the loaded facts: each as its heaviest content word and the stems of its
    words, with and without a possessive "s" ("Zawahiri's")."""

    modifiers: tuple[str, ...] = ()
    """The heavier words before the head noun ("foreign" of "the Taliban's foreign minister"):
    an answer must speak of them too (an education minister is not the foreign minister)."""
    decades: frozenset[str] = frozenset()
    """The content words that name a decade ("1990s": any year of it is one it names)."""
    documents: frozenset[str] = frozenset()
    """The numbers the question gives a document by ("resolution 2001"): not a year."""
    resolutions: frozenset[str] = frozenset()
    """Those of them it gives as a resolution's ("resolution 1267", not "the 1267 committee"):
    an answer must speak of that resolution, not of another that names the number."""
    times: frozenset[str] = frozenset()
    """The years the question gives as a time ("in 1999", "since 2001"): not a document's."""
    identity: bool = False
    """Whether the question asks who someone it names is ("Who is Cole Bunzel?")."""
    defining: bool = False
    """Whether the question asks what something it names is ("What is AQIS?"): a fact that
    says what it is comes first (see _defines)."""
    naming: bool = False
    """Whether the question asks what something is called ("how does the agreement refer to
    the Taliban?", "what is the 1267 Committee also known as?")."""
    post_of: tuple[str, ...] = ()
    """For "who is the X of Y" where X is a post: the content words of Y ("afghanistan")."""
    holder: tuple[str, ...] = ()
    """For "how many X does Y have": the content words of Y, whose the X are."""
    happened: frozenset[str] = frozenset()
    """The words that say what the question asks happened ("signed", "released"): see
    _happened_words."""
    since: int | None = None
    """For a figure asked of now ("how much does al-Qaeda pay the Taliban today?"): the first
    year whose figures count as today's, as far as the candidates' dates tell."""
    raw: str = ""
    """The question as the user wrote it."""
    verb: str | None = None
    """The verb a "what does X VERB?" or "which X VERBed" question asks (see _asked_verb)."""
    measure: frozenset[str] = frozenset()
    """For a figure asked as a measure ("what is the population of ...", "how old is ..."): the
    words naming it, which the answer must give a number of."""
    polar: bool = False
    """Whether it asks yes or no ("Did the Taliban ban girls from school?"): only a fact that
    states what it asks, in its own words, answers it."""
    subordinate: frozenset[str] = frozenset()
    """The content words only of a clause saying at what time ("when the Taliban retook Kabul"
    of "who was UK defence secretary when ...") or what was said or done ("the report saying
    al-Qaeda never left Afghanistan"): not what the question is about."""
    counted_head: str | None = None
    """For a figure: the head noun of what is counted ("people" of "how many people were
    executed"), however common: a figure's unit must open with it (see _fits)."""
    head_asked: bool = False
    """Whether the head is the noun after "what"/"which" ("which city was it signed in"): what
    kind of thing is asked, of which the answer may name one without saying the noun."""
    as_done: bool = False
    """For a count asked as what was or is ("How many US troops were in Afghanistan when ...?"),
    in words that look ahead to nothing: a count planned or committed to does not answer it."""
    in_fact: bool = False
    """Whether it asks what happened in fact ("How many prisoners were actually released?"):
    a plan or a commitment does not say it."""
    share: bool = False
    """Whether it asks what share of something ("What percentage of ..."): only a percentage or
    a fraction answers it."""
    medium: bool = False
    """For a quote: whether it asks where it was said ("Which outlet did Panetta talk to?"):
    the answer is the quote's medium."""
    future: str | None = None
    """For a question asked in the future ("Who will succeed Haibatullah?"): its first content
    word after "will" ("succeed"; "" if none). Only a fact that looks ahead answers it."""
    share_of: tuple[str, ...] = ()
    """For a share ("what percentage of Afghan districts"), the words of what it is a share
    of: the fact must give its share near the last, the head noun ("districts")."""
    derived: dict[str, frozenset[str]] = {}
    """A word's verb or noun that English derives by a regular ending the stemmer does not
    join ("invade", "invasion": _derivatives): it accounts for the word as a synonym does."""
    document_asked: bool = False
    """Whether it asks which resolution ("Which resolution split the lists?"): only a fact
    giving a resolution by its number, other than those the question gives, answers it."""
    said_about: tuple[str, ...] = ()
    """For a quote asked as what someone said about something ("What did Trump say about the
    Doha agreement?"): the content words of what it is about ("doha", "agre"), less a clause
    saying when. Only words on it are the answer: a quote that mostly does not speak of it
    (Trump's tweet on Camp David's talks, though "according to" NPR) is another one."""

    def group(self, word: str) -> frozenset[str]:
        """The word and its synonyms."""
        found = self.groups.get(word)  # (not get's default: a set made at each call)
        return frozenset({word}) if found is None else found

    def forms(self, word: str) -> frozenset[str]:
        """The word, its synonyms and its derived forms (see derived)."""
        return self.group(word) | self.derived.get(word, frozenset())


def answer(index: Index, question: str, limit: int = 3) -> Answers:
    """The facts that best answer question, answers first, each judged (Answers.replies);
    none, with suggestions, when no fact accounts for enough of it."""
    considered = consider(index, question)
    if isinstance(considered, Answers):
        return considered
    read, candidates, judged, now = (
        considered.read,
        considered.candidates,
        considered.judged,
        considered.now,
    )
    if max(item.coverage for item in judged) < _PARTIAL_COVERAGE or (
        read.polar and not any(item.on_point for item in judged)
    ):
        # A yes/no question that no fact speaks to -- of what it is about, what it asks of it
        # -- has no answer, not a fact on another proposition as a partial one.
        return Answers((), _suggestions(index, candidates), ())
    chosen = judged[:limit] if limit > 0 else judged  # a limit of 0 means all
    replies = _one_answer([_in_full(item, index.catalog) for item in chosen], read.wants)
    # Answers first still: a later answer that disagrees with the first moves after the others.
    order = sorted(range(len(replies)), key=lambda n: replies[n].match is not Match.ANSWER)
    chosen, replies = [chosen[n] for n in order], [replies[n] for n in order]
    if read.wants is Wants.SOMEONE and (now or _NOW & set(map(stem, read.text.split()))):
        # "Who is the current president?": the loaded facts know it only as of their dates.
        replies = [
            Reply(
                reply.match, f"{reply.answer} (as of {_as_of(item.hit.fact.date)})", reply.unmatched
            )
            if item.hit.fact.date is not None and item.who
            else reply
            for reply, item in zip(replies, chosen, strict=True)
        ]
    return Answers(
        tuple(Hit(item.hit.fact, item.score) for item in chosen),
        (),
        tuple(replies),
        read.polar,
        read.wants.value,
    )


def consider(index: Index, question: str) -> Considered | Answers:
    """The question read and its candidate facts judged, in the rules' order (see answer);
    no answer (Answers, with suggestions) when no fact is a candidate."""
    if not re.search(r"\w", question):
        raise NoQuestion(question)
    if not question.isascii():
        question = _romanised(index, question)
    lookups = _Lookups(index)
    read = msgspec.structs.replace(read_question(index, question, lookups), raw=question)
    if _POLAR.match(read.text) and " or " not in read.text:
        # ("Was it signed before or after ...?" offers alternatives: it is no yes/no question.)
        read = msgspec.structs.replace(read, polar=True)
    if len(words := read.text.split()) > _REPEATED_WORDS and len(set(words)) * 4 < len(words):
        # "taliban taliban taliban ...": a word said over and over asks nothing.
        return Answers((), tuple(index.top_tags(5)), ())
    if all(len(word) < 2 and not word.isdigit() for word in read.weights):
        # No content word, or letters alone ("h", "e"): they name nothing a fact could answer
        # (a list item's "(h)" is not what was asked).
        return Answers((), tuple(index.top_tags(5)), ())
    words = sorted(set().union(*map(read.group, read.weights)))
    candidates = list(index.ranked(words, Filters(), _CANDIDATES))
    if not candidates:
        return Answers((), tuple(index.top_tags(5)), ())
    lookups.names(hit.fact for hit in candidates)
    if (
        read.speaker
        and not _names_a_speaker(read.speaker, candidates, lookups)
        and not _PERSON_ROLES & set(read.speaker)
    ):
        # "What does the claim (or resolution 2513) say?": no one is named as the speaker; the
        # question is not for a quote. ("What did the Chinese representative say?" is.)
        read = msgspec.structs.replace(read, wants=Wants.ANYTHING, speaker=())
    read = msgspec.structs.replace(read, named=_naming_words(read, candidates, lookups))
    if (
        read.wants is Wants.SOMEONE
        and read.head in _PERSON_ROLES
        and not read.post_of
        and (whose := tuple(word for word in read.modifiers if word in read.named))
    ):
        # "Who is the Kabul president?": a name before the post says whose post it is, as the
        # "of" phrase of "the president of Kabul" does (see _post_of_in).
        read = msgspec.structs.replace(read, post_of=whose)
    read = msgspec.structs.replace(read, happened=_happened_words(read))
    read = msgspec.structs.replace(read, verb=_asked_verb(read))
    if read.wants is Wants.FIGURE and (owners := _owners(read)):
        # Whose the counted are, by any name of theirs: "al-Qaida" is written "al-Qaeda" too.
        entities = {entity_id for hit in candidates for entity_id in hit.fact.entities()}
        groups = dict(read.groups)
        for word in owners:
            for entity_id in entities:
                if word in lookups.asked_names(entity_id, read.weights):
                    groups[word] = groups.get(word, frozenset({word})) | lookups.heads(entity_id)
        read = msgspec.structs.replace(read, groups=groups)
    if (
        read.wants is Wants.SOMEONE
        and _WHO_IS.match(read.text)
        and read.named >= read.weights.keys()
    ):
        read = msgspec.structs.replace(read, identity=True)
    if (
        read.wants is Wants.ANYTHING
        and _WHAT_IS.fullmatch(read.text)
        and read.named >= read.weights.keys()
    ):
        read = msgspec.structs.replace(read, defining=True)
    if read.wants is Wants.FIGURE and _NOW & read.weights.keys():
        # "Today" is as late as the loaded facts go: a figure from years before the newest
        # of them is no figure of today.
        years = [hit.fact.date.year for hit in candidates if hit.fact.date is not None]
        read = msgspec.structs.replace(read, since=max(years, default=0) - _RECENT_YEARS)
    role, now = _role_asked(read)
    if role:
        candidates = _with_facts_about(index, read, candidates, role, lookups, now)
    if read.wants is Wants.SOMEONE and read.named and _succession(read):
        # "Who succeeded bin Laden?": the answer says that someone came into a post and that
        # the one named left it ("became head ..., after its leader bin Laden was killed"), in
        # words the question need not use; among the many facts naming him it may rank low.
        transition = sorted(read.named | _BEGINNING | _ENDING)
        candidates = _with_more(
            candidates, index.ranked(transition, Filters(), _ROLE_FACTS), lookups
        )
    if read.verb in _OBLIGING and read.named and re.fullmatch(_WHAT_REQUIRED, read.text):
        # "What did the Doha agreement require of the Taliban?": what it binds them to, which
        # the facts say in their words ("the Taliban committed not to allow ..."), not the verb.
        candidates = _with_more(
            candidates,
            index.ranked(sorted(read.named | _OBLIGED_WORDS), Filters(), _ROLE_FACTS),
            lookups,
        )
    if read.verb and read.resolutions:
        # "What does resolution 1267 require?": the facts on that resolution, which may not
        # say the verb, rank low among facts of others that do.
        candidates = _with_more(
            candidates, index.ranked(sorted(read.resolutions), Filters(), _ROLE_FACTS), lookups
        )
    if read.derived:
        # "When did the US invade Afghanistan?": the facts that say it by the verb's noun
        # ("the US-led invasion") may rank low among those sharing the question's other words.
        # (Not an irregular verb's other forms: "when did Kabul fall" would take in the
        # facts on every city that fell, whoever took it.)
        forms = set().union(*read.derived.values()) - _IRREGULAR_FORMS
        candidates = _with_more(
            candidates,
            index.ranked(sorted(forms | set(read.weights)), Filters(), _ROLE_FACTS),
            lookups,
        )
    judged = [_judge(read, hit, lookups) for hit in candidates]
    judged.sort(key=_Judged.rank)
    if read.wants is Wants.DATE and (
        _STARTED & set(map(stem, read.text.split())) or _SINCE_WHEN.search(read.text)
    ):
        # "When did Akhundzada become leader?", "when did the Taliban first govern?": the start
        # of a state, which later facts only find it in. The earliest dated answer first.
        judged.sort(
            key=lambda item: (
                item.reply.match is not Match.ANSWER,
                item.hit.fact.date is None,
                item.hit.fact.date.year if item.hit.fact.date else 0,
            )
        )
    elif (
        read.wants is Wants.DATE
        and _FINISHED & set(map(stem, read.text.split()))
        and all(item.hit.fact.date for item in judged if item.reply.match is Match.ANSWER)
    ):
        # "When did the last US troops leave?": the end of something, which earlier facts
        # see coming ("the main drawdown"). The latest dated answer first (where each answer
        # is dated: "the late 2000s", in an undated claim's words, cannot be placed).
        judged.sort(key=_latest_first)
    if role:
        judged = _holders(index, read, role, now, judged, lookups)
    if read.wants is Wants.ANYTHING and "where" in read.text and re.match(_WHERE_NOW, read.text):
        judged = _where_now(index, read, judged, lookups)
    if (
        read.polar
        and _ALIVE & read.weights.keys()
        # Not asked as of a time or a source ("alive according to the 2021 report").
        and not re.search(_A_YEAR, read.text)
        and "according to" not in read.text
    ):
        judged = _alive_now(index, read, judged, lookups)
    if not role and judged[0].reply.match is Match.PARTIAL and _agreed(read, judged):
        # (An answer leaves nothing unmatched: docs/json.md's contract.)
        judged[0] = msgspec.structs.replace(
            judged[0],
            reply=msgspec.structs.replace(judged[0].reply, match=Match.ANSWER, unmatched=()),
        )
    return Considered(read, candidates, judged, bool(now))


def _latest_first(item: _Judged) -> tuple[bool, bool, int]:
    """The order of answers to "when ... at last": answers first, the latest dated first."""
    date = item.hit.fact.date
    days = date.year * 10_000 + (date.month or 0) * 100 + (date.day or 0) if date else 0
    return (item.reply.match is not Match.ANSWER, date is None, -days)


_AGREED_COVERAGE = 0.85
"""How much of the question a partial answer that BM25 also ranks first must account for to
be the answer (see _agreed): chosen on blind-1 to blind-7, checked on blind-8 to blind-10."""


def _agreed(question: Question, judged: list[_Judged]) -> bool:
    """Whether the rules' first candidate, judged a partial answer, is the answer all the same:
    two rankers agree on it -- it is BM25's best candidate as well as the rules' first -- it
    is the kind of answer asked for and accounts for nearly all the question (0.85 of its
    content weight). Its verdict then rests on a word it does not say as the question does
    ("splinter group" for "relationship"), which a fact that says all the rest rarely lacks.
    Not where the evidence against it is hard: its curators correct it; it lacks a number, a
    year or a name the question gives, or what the question is about; it is a yes/no question
    (a fact stating another proposition: "abstained" is not "supported"), or one on the
    future, on what happened in fact, on today, or on who did what to whom; or a role is asked
    (rule 7 orders those answers)."""
    first = judged[0]
    fact = first.hit.fact
    return (
        first.fits
        and first.coverage >= _AGREED_COVERAGE
        and not first.elsewhere
        and not question.polar
        and question.future is None
        and not question.in_fact
        and not question.as_done
        and question.since is None
        and not any(_DIGIT.search(word) for word in first.reply.unmatched)
        # Nor where it does not account for what the question is about ("the Taliban were born
        # ... in which year?" is not answered by al-Qaeda's birth).
        and not {question.spelled[word] for word in question.named} & set(first.reply.unmatched)
        and fact.standing() is not NoteStance.CORRECTS
        and all((first.hit.score or 0.0) >= (item.hit.score or 0.0) for item in judged[1:])
        and not (question.named and _reversed(question, fact.claim, _own_words(fact)))
    )


_DWELLING = frozenset(
    _stems("live lives living reside resides residing stay stays staying hide hides hiding")
    + _stems("based located now today currently")
)
"""Words that ask where someone lives or is now."""
_REPEATED_WORDS = 40
"""A question of more words than this, three in four of them repeats, is no question."""
_WHERE_NOW = r"(?:\w+ )?where (?:does|do|is|are)\b"
"""A "where" asked of now ("Where does Zawahiri live?", "Where is he?"): compiled on first use."""


def _where_now(
    index: Index, read: Question, judged: list[_Judged], lookups: _Lookups
) -> list[_Judged]:
    """ "Where does X live?", X a person a loaded fact says died: a fact says where X was as of
    its date, not where X is. Its short answer says so ("believed to reside in Afghanistan (as
    of September 2021; died 31 July 2022)"); it stays an answer to what the question's words
    ask, as its facts knew it."""
    people = {
        entity_id
        for item in judged[:_CANDIDATES]
        if item.reply.match is Match.ANSWER
        for entity_id in item.hit.fact.entities()
        if _kind(entity_id, lookups.catalog) is EntityKind.PERSON
        and lookups.named_in(entity_id, read.weights)
    }
    deaths = [
        left.date
        for person in sorted(people)[:2]
        if (left := _end_of(index, person, lookups)) is not None
        and left.died
        and left.date is not None
    ]
    if not deaths:
        return judged
    died = max(deaths)
    # Where a dead man lives, stays or hides, or simply is, is nowhere now, whatever the date of
    # a fact saying where he was; where he is buried is (a fact after the death may say it).
    dwelling = not (read.weights.keys() - read.named) or not _DWELLING.isdisjoint(read.weights)
    said = []
    for item in judged:
        date = item.hit.fact.date
        if item.reply.match is Match.ANSWER and (dwelling or date is None or date < died):
            when = f"as of {_as_of(date)}; " if date is not None and date < died else ""
            reply = item.reply
            answer = f"{reply.answer} ({when}died {_as_of(died)})"
            said.append(
                msgspec.structs.replace(item, reply=Reply(reply.match, answer, reply.unmatched))
            )
        else:
            said.append(item)
    return said


_ALIVE = frozenset(_stems("alive"))
"""A state a death ends ("Is X alive?")."""


def _alive_now(
    index: Index, read: Question, judged: list[_Judged], lookups: _Lookups
) -> list[_Judged]:
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
            for item in judged[:_CANDIDATES]
            for entity_id in item.hit.fact.entities()
            if _kind(entity_id, lookups.catalog) is EntityKind.PERSON
            and lookups.named_in(entity_id, read.weights)
        }
    )[:2]
    deaths = [
        (left.date, left.hit)
        for person in people
        if (left := _end_of(index, person, lookups)) is not None
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
                f"{item.reply.answer} (as of {_as_of(date)}; died {_as_of(died)})",
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
    first = _Judged(
        Hit(death.fact, judged[0].score),
        1.0,
        judged[0].score,
        Reply(Match.ANSWER, death.fact.claim, ()),
    )
    return [first, *said]


_ONE_VALUE = frozenset({Wants.DATE, Wants.SOMEONE, Wants.FIGURE, Wants.DURATION})
_DIGITS = re.compile(r"\d+")


def _one_answer(replies: list[Reply], wants: Wants) -> list[Reply]:
    """One question, one answer: where the question asks for one value (a date, someone, a
    figure, a length of time), a later fact whose value disagrees with the first answer's is
    shown as a partial answer, not as another answer (a date of his successor's death is no
    second answer to "When did Mullah Omar die?"); one that agrees stays an answer. Quotes and
    open questions may have several answers."""
    if wants not in _ONE_VALUE or not replies or replies[0].match is not Match.ANSWER:
        return replies
    first = replies[0].answer
    return [
        replies[0],
        *(
            reply
            if reply.match is not Match.ANSWER or _agree(first, reply.answer, wants)
            else Reply(Match.PARTIAL, reply.answer, reply.unmatched)
            for reply in replies[1:]
        ),
    ]


def _agree(first: str, other: str, wants: Wants) -> bool:
    """Whether two short answers give the same value: dates one within the other ("2022",
    "2022-07-31"), the same numbers for figures and lengths of time, a name in common for
    "who" (answers list names with "; ")."""
    match wants:
        case Wants.DATE:
            ours, theirs = _DIGITS.findall(first), _DIGITS.findall(other)
            shorter = min(len(ours), len(theirs))
            return shorter > 0 and ours[:shorter] == theirs[:shorter]
        case Wants.FIGURE | Wants.DURATION:
            numbers = _DIGITS.findall(first)
            return numbers == _DIGITS.findall(other) if numbers else fold(first) == fold(other)
        case Wants.SOMEONE:
            return bool(_named(first) & _named(other))
        case Wants.QUOTE | Wants.ANYTHING:
            return True
        case _ as unreachable:
            assert_never(unreachable)


def _named(answer: str) -> set[str]:
    """The names a "who" answer gives, folded, without an article or its "(as of ...)"."""
    names = answer.split(" (as of ", maxsplit=1)[0].split("; ")
    return {re.sub(r"^the ", "", fold(name).strip()) for name in names}


def _in_full(item: _Judged, catalog: Catalog) -> Reply:
    """The reply, its "who" answer given as the whole list of names the claim gives it in
    (see _listed): worked out only for the replies given, as the list's pattern is costly."""
    names = [_name(catalog, entity_id) for entity_id in item.who]
    if not names or item.reply.answer != "; ".join(names):
        return item.reply
    listed = _listed(item.hit.fact.claim, names)
    return item.reply if listed is None else Reply(item.reply.match, listed, item.reply.unmatched)


def _as_of(date: PartialDate) -> str:
    """A fact's date as an answer says it: "August 2021", "2016", "31 July 2022"."""
    month = f"{_MONTHS[date.month - 1]} " if date.month else ""
    day = f"{date.day} " if date.day and date.month else ""
    return f"{day}{month}{date.year}"


class _Lookups:
    """The index lookups answering one question needs, each made once."""

    def __init__(self, index: Index) -> None:
        self.catalog = index.catalog
        self.facts = max(index.facts_count(), 1)
        self._index = index
        self._frequency: dict[str, int] = {}
        self._names: dict[str, frozenset[str]] = {}
        self._each_name: dict[str, list[frozenset[str]]] = {}
        self._last_words: dict[str, list[str]] = {}
        self._asked: dict[str, frozenset[str]] = {}
        self._written: dict[str, list[frozenset[str]]] = {}
        self._people_in: dict[str, frozenset[str]] = {}
        self.role: _Role | None = None
        """The role a "who" question asks about, once read (see _read_role)."""
        self.out_of_role: set[str] = set()
        """The facts whose names all play another role than the one a "who" asks (_in_role)."""
        self.holding: dict[tuple[str, str], bool] = {}
        """Whether a fact says a person holds the role asked about (see _holds), once worked out."""

    def frequency(self, word: str) -> int:
        """How many facts use the (folded, stemmed) word."""
        if word not in self._frequency:
            self._frequency[word] = self._index.frequency(word)
        return self._frequency[word]

    def names(self, facts: Iterable[Fact]) -> None:
        """Read the names of every entity these facts name, at once."""
        self.entity_names({entity_id for fact in facts for entity_id in fact.entities()})

    def entity_names(self, entity_ids: Iterable[str]) -> None:
        """Read the names of these entities, at once (see names)."""
        wanted = set(entity_ids) - self._names.keys()
        if not wanted:
            return
        found = self._index.entity_name_words(sorted(wanted))
        for entity_id in wanted:
            # A name's function words do not name it ("as" of "as-Sahab", "of" of "Islamic
            # Emirate of Afghanistan").
            # Longest first, in one order from run to run (the index gives them in an order
            # that follows string hashing): where two names match at a word, the longer wins.
            written = sorted(
                found.get(entity_id, [(entity_id, None)]), key=lambda kept: (-len(kept[0]), kept[0])
            )
            each: list[frozenset[str]] = []
            last: list[str] = []
            spelled: list[frozenset[str]] = []
            for name, stored in written:
                if stored is not None:  # as the index keeps a name: folded, its tokens() kept
                    words = stored.split()
                    raw = _WORD.findall(name)
                    raw_stems = words  # (the words of a folded name are those it stems)
                else:  # no name in the index: the entity's id, read as the index reads a name
                    words = tokens(name)
                    raw = _WORD.findall(name)
                    raw_stems = [stem(word) for word in raw]
                stems = frozenset(words)
                each.append(stems - _FUNCTION_WORDS or stems)
                last.append(_head(name, words))
                spelled.append(  # the index keeps names folded
                    frozenset(
                        w for w, s in zip(raw, raw_stems, strict=True) if s not in _FUNCTION_WORDS
                    )
                )
            self._each_name[entity_id] = each
            self._last_words[entity_id] = last
            self._written[entity_id] = spelled
            self._names[entity_id] = frozenset().union(*each) - _FUNCTION_WORDS

    def people_written_in(self, text: str) -> frozenset[str]:
        """The people of the packs (any, not only those the candidates name) whose name or an
        alias the text writes in full, opening with a capital as English writes a name ("Osama
        bin Laden"); their names are then read (see names)."""
        if text not in self._people_in:
            written = _WORD.findall(text)
            found = {
                entity.id
                for start, first in enumerate(written)
                if first[:1].isupper()
                for end in range(start + 1, min(start + _NAME_WORDS, len(written)) + 1)
                for entity in self._index.entities_named(" ".join(written[start:end]))
                if entity.kind is EntityKind.PERSON
            }
            self.entity_names(found)
            self._people_in[text] = frozenset(found)
        return self._people_in[text]

    def all_written(self) -> list[tuple[str, list[frozenset[str]]]]:
        """Each entity names() has read, with its written names (see written_names)."""
        return list(self._written.items())

    def name_words(self, entity_id: str) -> frozenset[str]:
        """The words of all an entity's names and aliases, once names() has read them."""
        return self._names.get(entity_id, frozenset())

    def written_names(self, entity_id: str) -> list[frozenset[str]]:
        """Each of an entity's names as its words are written (folded, not stemmed), less its
        function words."""
        return self._written.get(entity_id, [])

    def asked_names(self, entity_id: str, weights: dict[str, float]) -> frozenset[str]:
        """words_named for the question's words (its weights), worked out once an entity: one
        _Lookups serves one question."""
        if entity_id not in self._asked:
            self._asked[entity_id] = self.words_named(entity_id, weights)
        return self._asked[entity_id]

    def words_named(self, entity_id: str, words: Iterable[str]) -> frozenset[str]:
        """The words of those of an entity's names that words name: most of their words and
        the last, which English makes the head of a name ("bin Laden" does not name al-Qaeda by
        its aliases "Usama Bin Laden Network" or "bin Laden's organisation")."""
        present = set(words)
        each = self._each_name.get(entity_id, [])
        last = self._last_words.get(entity_id, [])
        return frozenset().union(
            *(
                name
                for name, head in zip(each, last, strict=True)
                if len(name & present) * 2 > len(name) and head in present
            )
        )

    def heads(self, entity_id: str) -> frozenset[str]:
        """The last word of each of an entity's names (see words_named)."""
        return frozenset(self._last_words.get(entity_id, [])) - _FUNCTION_WORDS

    def named_in(self, entity_id: str, words: Iterable[str]) -> bool:
        """Whether words name the entity: most of the words of one of its names ("bin Laden",
        not the "al" of "al-Zawahiri" in a question about al-Qaeda)."""
        present = set(words)
        return any(
            len(name & present) * 2 > len(name) for name in self._each_name.get(entity_id, [])
        )


_NAME_WORDS = 4
"""The most words of a person's name looked up in full (see _Lookups.people_written_in)."""


def _head(name: str, words: Sequence[str]) -> str:
    """The head of a name (folded), as its stemmed word: its last word before any "of", "for",
    "in" or "on" ("Islamic Emirate of Afghanistan": Emirate)."""
    for joint in (" of ", " for ", " in ", " on "):
        if joint in name:
            before = tokens(name.split(joint, maxsplit=1)[0])
            return before[-1] if before else (words[-1] if words else "")
    return words[-1] if words else ""


_CITED_YEAR = r"\b(\d{3,4}) ?\((?:19|20)\d\d\)"  # compiled on first use
"""A document's number and its year in brackets, as the UN cites a resolution."""


def read_question(index: Index, question: str, lookups: _Lookups | None = None) -> Question:
    """What the question wants, and its content words weighted by general-English rarity."""
    lookups = lookups or _Lookups(index)
    if "(" in question:
        # "Resolution 2253 (2015)": a year in brackets after a document's number is the year
        # it was adopted, part of how the UN cites it -- neither another resolution (folded,
        # "2253 2015" reads as two) nor a time asked about.
        question = re.sub(_CITED_YEAR, r"\1", question)

    # Month abbreviations are the month ("29 Feb 2020"), as a fact's date is written in full.
    # A possessive is its word ("the UN's estimate" asks about the UN, not "uns").
    folded = " ".join(
        _MONTH_ABBREVIATIONS.get(word, word)
        for word in re.findall(r"\w+", fold(_without_possessives(question)))
    )
    if " name" in folded and (name_of := re.search(_NAME_OF_SOMEONE, folded)) is not None:
        # "What was the name of the suicide bomber?" asks who the bomber was: a name of the
        # person, as "who was the suicide bomber?" does (not his deeds' toll).
        folded = "".join(
            (folded[: name_of.start()], f"who {name_of.group('be')} the ", folded[name_of.end() :])
        )
    sequence = folded.split()
    grammar: set[str] = set()
    compounds: dict[str, frozenset[str]] = {}
    for raw, after in itertools.pairwise(sequence):
        if after == "to" and stem(raw) in _CATENATIVE:
            grammar.add(raw)
        elif after in _PARTICLES and stem(raw) not in _FUNCTION_WORDS and raw not in _PARTICLES:
            grammar.add(after)
            compounds[stem(raw)] = frozenset((stem(after + raw), stem(raw + after)))
    raws = [raw for raw in dict.fromkeys(sequence) if raw not in grammar][: _MAX_WORDS * 4]
    known = index.english_zipf(raws)
    thesaurus = index.synonyms(
        [stem(raw) for raw in raws] + [*itertools.chain(*compounds.values())]
    )
    spelled: dict[str, str] = {}
    corrected: dict[str, str] = {}
    for raw in raws:
        word = stem(raw)
        if word in _FUNCTION_WORDS or word in corrected:
            continue
        # A word of common English ("minister") is no typo, though the packs may not use it.
        known_word = raw in known or word in thesaurus
        corrected[word] = word if known_word else _corrected(index, lookups, word)
        spelled.setdefault(corrected[word], raw)
        if len(corrected) >= _MAX_WORDS:
            break
    counted: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    measure: frozenset[str] = frozenset()
    kin_asked: re.Match[str] | None = None
    holder: tuple[str, ...] = ()
    restrictor: tuple[str, ...] = ()
    said = _QUOTE.search(folded)
    told = (
        re.search(_MEDIUM, folded)
        if ("which " in folded or "what " in folded) and any(v in folded for v in _MEDIUM_VERBS)
        else None
    )
    share = "what " in folded and re.search(_SHARE_ASKED, folded) is not None
    if share:
        # "What percentage of Afghans ...", "what share of Afghan students were girls": a share
        # is asked, given as a percentage or a fraction (see _SHARE_GIVEN), whoever reports it.
        wants = Wants.FIGURE
    elif told is not None and (said is None or told.start() < said.start()):
        wants = Wants.QUOTE  # where it was said, by whom
        speaker = tuple(stem(word) for word in told.group("teller").split())
    elif said is not None:
        told = None
        wants = Wants.QUOTE
        speaker = tuple(
            stem(word) for word in (said.group("speaker") or said.group("sayer") or "").split()
        )
    elif _DURATION.search(folded):
        wants = Wants.DURATION
    elif "how old" in folded and re.search(r"\bhow old\b", folded):
        wants = Wants.FIGURE  # an age: a number of years old, or "aged ..."
        measure = _AGE
    elif (figure := _FIGURE.search(folded)) is not None:
        wants = Wants.FIGURE
        counted_words = (figure.group("counted") or figure.group("counted_of") or "").split()
        # "How many prisoners held by the Taliban": a participle and "by" after the noun open
        # a clause on what was done to them (by whom); they do not say what is counted.
        passive = [n for n in range(1, len(counted_words) - 1) if counted_words[n + 1] == "by"]
        participle = next(
            (
                n
                for n in passive
                if _VERB_FORM.search(counted_words[n]) or counted_words[n] in _PARTICIPLES
            ),
            len(counted_words),
        )
        counted = _leading_content(" ".join(counted_words[:participle]))
        if counted_words[:1] == ["of"] and (part := re.search(_PARTITIVE, folded)) is not None:
            # "How many of the 9/11 victims were Afghan nationals?": victims are counted, and
            # only those of them that were Afghan nationals (see restrictor).
            counted = _leading_content(part.group("whole"), skip_leading=True)
            restrictor = _leading_content(part.group("part"))
        if (
            any(f" {verb}" in folded for verb in _HAVE)
            and (has := re.search(_HAS, folded)) is not None
        ):
            holder = tuple(stem(word) for word in has.group("holder").split())
    elif (date := _DATE.search(folded)) and not (
        (asks := re.search(_ASKS, folded))
        and asks.start() < date.start()
        and re.match(_WHEN_CLAUSE, folded[date.start() :])
    ):
        # Unless another question word comes first: "Who chaired it when it was created?",
        # "For which attacks was he indicted, as noted when resolution 1267 was adopted?" --
        # that "when" opens a clause saying which time, it asks for none.
        wants = Wants.DATE
    elif _SOMEONE.search(folded) or (
        ("which " in folded or "what " in folded)
        and (kin_asked := re.search(_WHICH_SOMEONE, folded)) is not None
    ):
        # "Which Sky News presenter interviewed ...?": a person is asked for, as by "who".
        wants = Wants.SOMEONE
    else:
        wants = Wants.ANYTHING
    cues = _CUE_WORDS.get(wants, frozenset())
    if share:
        cues |= _SHARES
    if told is not None:
        # "Which broadcaster did he speak to?": the noun and the verb say that the medium is
        # asked, which the fact need not call a broadcaster.
        cues |= {_key(told.group("medium"), corrected), "talk", "speak"}
    naming = _NAME_OF.search(folded) is not None or (
        ("call" in sequence or "known" in sequence) and re.search(_CALLED, folded) is not None
    )
    if naming:
        # "name of al-Qaeda's media wing", "how does it refer to them": a name is asked for.
        cues |= {"name", "refer", "call"}
    spelled = {word: raw for word, raw in spelled.items() if word not in cues}
    # Words the index does not keep are rarer than wordweights.COMMON: they weigh fully.
    frequency = {raw: known.get(raw, 0.0) for raw in spelled.values()}
    weights = {
        word: (1.0 if raw.isdigit() else min(1.0, max(0.2, (7.0 - frequency[raw]) / 2.5)))
        # A word found in most of the loaded facts (their subject, "Taliban") tells them apart
        # less: it counts up to half less.
        * (1 - 0.5 * lookups.frequency(word) / lookups.facts)
        for word, raw in spelled.items()
    }
    timing: set[str] = set()
    if (
        wants is not Wants.DATE
        and "when" in sequence
        and (clause := re.search(_WHEN_CLAUSE, folded)) is not None
    ):
        # "Where did Ghani flee to when the Taliban took Kabul?": the clause says at what time;
        # what is asked is before it. Its own words count half.
        before = set(folded[: clause.start()].split())
        for raw in set(folded[clause.start() :].split()) - before:
            word = corrected.get(stem(raw), stem(raw))
            if word in weights:
                weights[word] *= _CLAUSE_WEIGHT
                timing.add(word)
    speaker = tuple(corrected.get(word, word) for word in speaker)
    speaker = tuple(word for word in speaker if word in weights)
    said_about: tuple[str, ...] = ()
    if (
        wants is Wants.QUOTE
        and said is not None
        and (about := re.search(r"\babout\b", folded[said.end() :]))
    ):
        said_about = tuple(
            dict.fromkeys(
                key
                for raw in folded[said.end() + about.end() :].split()
                if (key := corrected.get(stem(raw), stem(raw))) in weights and key not in timing
            )
        )
    counted = tuple(corrected.get(word, word) for word in counted)
    # What is counted, however common its noun ("people"): a figure's unit must count it.
    counted_head = counted[-1] if counted and counted[-1] in weights else None
    counted = tuple(word for word in counted if weights.get(word, 0) >= _COUNTED_WEIGHT)
    if wants is Wants.FIGURE and not counted and not measure and re.search(_AN_AMOUNT, folded):
        # "How much did the Taliban pay al-Qaeda?": how much of nothing named is an amount of
        # money (or a share), not a number of people or things ("180-400 fighters").
        measure = _MONEY
    head = None
    if kin_asked is not None and wants is Wants.SOMEONE:
        # The presenter asked for is whom the claim calls so (_Role.kin).
        head = _key(kin_asked.group("kin"), corrected)
    head_asked = False
    # The heavy words of a partitive's restrictor must be said, as a modifier's are.
    modifiers = tuple(
        key
        for word in restrictor
        if (key := corrected.get(word, word)) in weights and weights[key] >= _MODIFIER_WEIGHT
    )
    if (subject := _SUBJECT.search(folded)) is not None and wants not in (
        Wants.FIGURE,
        Wants.QUOTE,
    ):
        phrase_text = subject.group("subject")
        if possessors := _possessors(question):
            # "What is the Monitoring Team's annual budget?": the phrase asked about follows the
            # possessive ("annual budget"), as it follows "of" in "the budget of X".
            phrase_words = phrase_text.split()
            last = max((n for n, raw in enumerate(phrase_words) if raw in possessors), default=None)
            if last is not None and last + 1 < len(phrase_words):
                phrase_text = " " + " ".join(phrase_words[last + 1 :])
        words = _leading_content(phrase_text, skip_leading=True)
        raws = [raw for raw in phrase_text.split() if stem(raw) not in _DETERMINERS]
        if any(_VERB_FORM.search(raw) for raw in raws[1 : len(words) + 1]):
            # "What is the Taliban seeking": a noun and a verb, not one noun phrase, follow "is".
            words = ()
        phrase = [corrected.get(word, word) for word in words]
        if phrase and phrase[-1] in cues:
            # "What is the full name of ...", "what is the exact date": the head says what kind
            # of answer is asked (see _CUE_WORDS), which the fact need not name, nor its
            # modifiers ("full", "exact").
            phrase = []
        # "Who is the Taliban's leader now": "now" says when, it names nothing asked about.
        phrase = [word for word in phrase if word in weights and word not in _NOW]
        head = phrase[-1] if phrase else None
        modifiers = tuple(
            word for word in phrase[:-1] if weights[word] >= _MODIFIER_WEIGHT and word not in _NOW
        )
        if wants is Wants.ANYTHING and head in _MEASURES:
            # "What is the population of Kabul?": a number of it is asked, as "how many".
            wants = Wants.FIGURE
            measure = frozenset({head})
    if (
        head is None
        and (" what " in f" {folded}" or " which " in f" {folded}")
        and (kind := re.search(_WHAT_KIND, folded)) is not None
        and (noun := _key(kind.group("noun"), corrected)) in weights
        # A noun of a kind of thing ("which university", "what hotel") is what is asked
        # however common it is in English: the answer names one of the kind (_KIND_NOUNS).
        and (weights[noun] >= _WHAT_WEIGHT or noun in _KIND_NOUNS)
        and not any(noun in words for words in _CUE_WORDS.values())  # "what sum", "what date"
    ):
        # "What bounty did the US offer ...?": the noun after "what" is what is asked about, and
        # the answer must speak of it, as of the head noun of "what is the X". Only a noun this
        # rare: "what year", "what sum", "what deadline" ask for a kind of answer, which the
        # fact need not name.
        head = noun
        head_asked = True
    elif (
        head is None
        and (" what " in f" {folded}" or " which " in f" {folded}")
        and (kind := re.search(_WHAT_KIND_OF, folded)) is not None
        and (noun := _key(kind.group("noun"), corrected)) in weights
        and not any(noun in words for words in _CUE_WORDS.values())
    ):
        # "What flight number did Ghani take?": a kind of answer ("number") of something the
        # word before it names, which the answer must speak of, however common the word.
        head = noun
    groups = {
        word: frozenset({word}).union(
            compounds.get(word, ()),
            *(group for one in compounds.get(word, ()) for _, group in thesaurus.get(one, [])),
            *(
                group
                for forms, group in thesaurus.get(word, [])
                if any(_inflected(spelled[word], form) for form in forms)
            ),
        )
        for word in weights
    }
    rarity = {word: _pack_rarity(lookups, groups[word]) for word in weights}
    derived = {
        word: forms
        for word in weights
        if (
            forms := frozenset(
                form
                for form in _derivatives(spelled[word])
                # Only a form the loaded facts use, and one the stemmer's roots do not join
                # already (_derived: "create", "creation").
                if lookups.frequency(form) and not _derived(word, {form})
            )
        )
    }
    names = _names(question, weights, corrected, lookups)
    return Question(
        folded,
        wants,
        weights,
        spelled,
        counted,
        head,
        speaker,
        rarity,
        groups,
        names=names,
        naming=naming,
        modifiers=modifiers,
        decades=frozenset(word for word, raw in spelled.items() if _DECADE.fullmatch(raw)),
        measure=measure,
        medium=told is not None,
        share=share,
        in_fact=re.search(_IN_FACT, folded) is not None,
        as_done=wants is Wants.FIGURE
        and re.search(_FORESEEING, folded) is None
        and re.search(_REPORTED_AHEAD, folded) is None,
        head_asked=head_asked,
        counted_head=counted_head,
        documents=_documents(folded) if _DIGIT.search(folded) else frozenset(),
        resolutions=_documents(folded, resolutions=True) if _DIGIT.search(folded) else frozenset(),
        times=frozenset(re.findall(_TIME_YEAR, folded)) if _DIGIT.search(folded) else frozenset(),
        holder=tuple(key for word in holder if (key := corrected.get(word, word)) in weights),
        post_of=_post_of(folded, head, corrected, weights),
        subordinate=frozenset(timing | _subordinate(folded, corrected, weights)),
        future=_future(question, folded, weights),
        document_asked=re.search(_WHICH_RESOLUTION, folded) is not None,
        derived=derived,
        said_about=said_about,
        share_of=tuple(
            key
            for word in _leading_content(folded[share_at.end() :], skip_leading=True)
            if (key := corrected.get(word, word)) in weights
        )
        if share and (share_at := re.search(_SHARE_ASKED, folded)) is not None
        else (),
    )


_IN_FACT = re.compile(r"\b(?:actually|really|in fact|in practice|in reality)\b")
"""Words with which a question asks what happened in fact, against what was planned."""
_FORESIGHT_REACH = 80
"""How far (in characters) after a word looking ahead the verb asked must come."""


_REPORTED_AHEAD = (
    r"\b(?:say|said|says|due|under|agree|agreed|promised?|pledged?|commit(?:ted)?|target)\b"
    r"|\b(?:is|are|was|were)(?: \w+){0,3} to\b"
)
"""Words with which a question asks what was said, due or agreed (compiled on first use)."""
_COUNT_BEFORE = 8
_COUNT_AFTER = 4


def _count_ahead(fact: Fact) -> bool:
    """Whether a figure's count is one planned or committed to: a word looking ahead within
    eight words before its number in the claim or four after ("a first reduction ... to 8,600
    within 135 days"); where the claim does not write the number in figures, anywhere in it."""
    details = fact.details
    if not isinstance(details, Figure):
        return False
    claim = fold(fact.claim)
    numbers = [
        int(n) if isinstance(n, float) and n.is_integer() else n
        for n in (details.value, details.min, details.max)
        if n is not None
    ]
    spots = [
        (at, at + len(written))
        for number in numbers
        for written in {f"{number:,}", str(number)}
        if (at := _number_at(claim, written)) is not None
    ]
    if not spots:
        return re.search(_FORESEEING, claim) is not None
    for start, end in spots:
        before = claim[:start].split()[-_COUNT_BEFORE:]
        after = claim[end:].split()[:_COUNT_AFTER]
        if re.search(_FORESEEING, " ".join([*before, "#", *after])) is not None:
            return True
    return False


def _number_at(text: str, written: str) -> int | None:
    """Where text writes the number written as a whole number (not a part of "18,600"), if it
    does. (No pattern compiled for each number.)"""
    at = text.find(written)
    while at != -1:
        end = at + len(written)
        joined_before = at > 0 and (
            text[at - 1].isdigit() or (text[at - 1] == "," and at > 1 and text[at - 2].isdigit())
        )
        joined_after = end < len(text) and (
            text[end].isdigit()
            or (text[end] in ",." and end + 1 < len(text) and text[end + 1].isdigit())
        )
        if not joined_before and not joined_after:
            return at
        at = text.find(written, at + 1)
    return None


def _short_text(fact: Fact) -> str:
    """A figure's or a quote's own words beside its claim (not an agreement's commitments)."""
    details = fact.details
    if isinstance(details, Figure):
        return figure_text(details)
    return details.text if isinstance(details, Quote) else ""


def _foresees(question: Question, text: str) -> bool:
    """Whether the (folded) text looks ahead to what the question asks will happen: a word of
    a plan, commitment or expectation, followed soon by a word for what happens (or its
    synonym or a word of its root: "the Taliban committed not to allow ...")."""
    happened: Iterable[str] = question.happened or question.weights.keys() - question.named
    if question.future and question.future in happened:
        happened = (question.future,)  # "which resolution will lift ...": lifting, not a list
    if not happened or question.wants is Wants.FIGURE:
        # (A figure fits what is counted already: "how many US troops will remain" is answered
        # by "a first reduction ... to 8,600 within 135 days", which says no "remain".)
        return re.search(_FORESEEING, text) is not None  # "will there be ...": any look ahead
    for found in re.finditer(_FORESEEING, text):
        ahead = set(map(stem, text[found.start() : found.end() + _FORESIGHT_REACH].split()))
        if any(question.group(word) & ahead or _derived(word, ahead) for word in happened):
            return True
    return False


def _possessors(question: str) -> frozenset[str]:
    """The words the question writes with a possessive "'s" ("Team's": "team"), folded."""
    if "'" not in question and "’" not in question:
        return frozenset()
    return frozenset(fold(word) for word in re.findall(r"(\w+)['’]s?\b", question))


def _future(question: str, folded: str, weights: dict[str, float]) -> str | None:
    """For a question asked in the future ("who will succeed X"), its first content word after
    "will" that it does not write as a name ("When will the UN recognise ...": "recognise";
    "" if none)."""
    if not ("will" in folded or "shall" in folded or "going" in folded or "won" in folded):
        return None
    found = re.search(_FUTURE, folded)
    if found is None:
        return None
    capitalised = {stem(fold(word)) for word in question.split()[1:] if word[:1].isupper()}
    after = (stem(word) for word in folded[found.end() - 1 :].split())
    return next((word for word in after if word in weights and word not in capitalised), "")


_SUBORDINATE = r"(?<=\w )(?:saying|that|which|whose)\b"  # compiled on first use (re caches it)
"""What opens a clause within the question ("the report saying ...", "the deal that ...")."""
_OPENERS = frozenset(("saying", "that", "which", "whose"))


def _subordinate(folded: str, corrected: dict[str, str], weights: dict[str, float]) -> set[str]:
    """The content words only of a clause within the question (see Question.subordinate)."""
    if not _OPENERS.intersection(folded.split()):
        return set()  # (no pattern compiled for most questions)
    clause = re.search(_SUBORDINATE, folded)
    if clause is None:
        return set()
    before = {corrected.get(stem(raw), stem(raw)) for raw in folded[: clause.start()].split()}
    after = {corrected.get(stem(raw), stem(raw)) for raw in folded[clause.start() :].split()}
    return (after - before) & weights.keys()


def _post_of(
    folded: str, head: str | None, corrected: dict[str, str], weights: dict[str, float]
) -> tuple[str, ...]:
    """The content words of Y in "who is the X of Y", when X is a post (see Question.post_of)."""
    if head not in _PERSON_ROLES or (of := re.search(_OF_WHAT, folded)) is None:
        return ()
    which = []
    for part in of.group("which").split():  # up to the first function word
        if (key := _key(part, corrected)) not in weights:
            break
        which.append(key)
    return tuple(which)


def _names(
    question: str, weights: dict[str, float], corrected: dict[str, str], lookups: _Lookups
) -> tuple[tuple[str, tuple[frozenset[str], ...]], ...]:
    """The names the question gives (see Question.names): runs of content words written with a
    capital, as English writes a name ("Japan's prime minister?" too: a question's first word is
    most often a function word, and a content word opening a keyword query is what it is about);
    none at all when the question capitalises its function words too ("Who Is The Prime
    Minister ..."). Written in any case, a word with a possessive ("japan's prime minister") or
    the words after "of" in "who/what is the X of Y" ("the prime minister of japan") say which X
    is asked about as well."""
    written = _WRITTEN_WORD.findall(question)
    parts = [fold(_without_possessives(part)) for part in written]
    grammar = [n for n, part in enumerate(parts) if n and stem(part) in _FUNCTION_WORDS]
    titled = sum(written[n][0].isupper() for n in grammar) * 2 > len(grammar)
    runs: list[list[str]] = [[]]
    for part, raw in zip(parts, written, strict=True):
        # English capitalises the months and days of the week too: they are dates, no names.
        if (
            raw[0].isupper()
            and not titled
            and _key(part, corrected) in weights
            and part not in _CALENDAR_WORDS
            and stem(part) not in _PREPOSITIONS  # "Within what period ...?"
        ):
            runs[-1].append(part)
        elif runs[-1]:
            runs.append([])  # any other word ends a name ("Islamic Emirate" of "Afghanistan")
    runs += [
        [part]
        for part, raw in zip(parts, written, strict=True)
        if _ENDS_POSSESSIVE.search(raw) and _key(part, corrected) in weights
    ]
    of = " of " in question.lower() and re.search(_OF_WHAT, " ".join(parts))
    if of:
        which = []
        for part in of.group("which").split():  # up to the first function word
            if _key(part, corrected) not in weights:
                break
            which.append(part)
        runs.append(which)
    specifier = runs[-1] if of else None
    names: list[tuple[str, tuple[frozenset[str], ...]]] = []
    for run in filter(None, runs):
        keys = [_key(part, corrected) for part in run]
        word = max(keys, key=weights.__getitem__)
        # A name most loaded facts share is what they are about ("Taliban", "al-Qaeda"), not
        # which one is meant; one too common in English ("US") tells nothing either.
        rare_here = lookups.frequency(word) < _NAME_SHARE * lookups.facts or run is specifier
        if weights[word] >= _NAME_WEIGHT and rare_here and word not in (n for n, _ in names):
            each = tuple(
                frozenset({stem(part), key})
                | ({stem(part[:-1])} if part.endswith("s") and len(part) > 3 else set())
                for part, key in zip(run, keys, strict=True)
            )
            names.append((word, each))
    return tuple(names)


def _romanised(index: Index, question: str) -> str:
    """A question with words in the Arabic script read as the romanised words the facts hold
    (as search reads them), less its function words ("من هو سيف العدل": saif adel). A word it
    cannot read stays, for an answer to account for (and none will: a partial answer at best);
    what is asked is read from the English words, if any."""
    from tqcli.skeletons import FUNCTION_WORDS, unvocalized

    if not unvocalized(question):
        return question
    read = [word for word in index.romanised([question]) if word not in FUNCTION_WORDS]
    return " ".join(read) or question


def _without_possessives(text: str) -> str:
    return _POSSESSIVE.sub("", text) if "'" in text or "’" in text else text


def _key(word: str, corrected: dict[str, str]) -> str:
    """A folded word of the question as its content words are keyed: stemmed, typo corrected."""
    return corrected.get(stem(word), stem(word))


def _inflected(word: str, form: str) -> bool:
    """Whether word is form, or one is the other regularly inflected ("kills", "killed",
    "killing" for "kill"; "ruled" for "rule"): what makes a question's word one of a synonym
    group's, where the stemmer alone would join words that differ ("treated" and "treaty",
    "planes" and "plan")."""
    if word == form or _inflects(word, form) or _inflects(form, word):
        return True
    # Both inflections of one base the stemmer found: "ruling" and "ruled" (stem "rul").
    root = stem(word)
    return any(
        form.startswith(root) and _inflects(word, root + end) and _inflects(form, root + end)
        for end in ("", "e")
    )


def _inflects(word: str, base: str) -> bool:
    """Whether word is base with a regular English ending."""
    if not word.startswith(base[:-1]) or len(word) <= len(base):
        return False
    ending = word[len(base) :] if word.startswith(base) else None
    if ending in ("s", "ed", "ing") or (ending == "d" and base.endswith("e")):
        return True
    if ending == "es" and base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return True
    if base.endswith("e") and word[len(base) - 1 :] in ("ing", "ed"):
        return True  # "rule", "ruling"
    if base.endswith("y") and word[len(base) - 1 :] in ("ies", "ied"):
        return True  # "casualty", "casualties"
    # A doubled last consonant: "plan", "planned"; "ban", "banning".
    doubled = ending is not None and len(ending) > 2 and ending[0] == base[-1]
    return doubled and ending is not None and ending[1:] in ("ed", "ing")


def _leading_content(text: str, *, skip_leading: bool = False) -> tuple[str, ...]:
    """The words that open a phrase ("US soldiers died" after "how many"): up to the first
    function word, three at most."""
    words: list[str] = []
    for raw in text.split():
        word = stem(raw)
        if word in _DETERMINERS and not words and skip_leading:
            continue  # "the" in "what is the ..."
        if word in _FUNCTION_WORDS or word in _PREPOSITIONS or len(words) == 3:
            break
        words.append(word)
    return tuple(words)


def _pack_rarity(lookups: _Lookups, group: frozenset[str]) -> float:
    """How rare a word (with its synonyms) is in the loaded facts: what it adds to the ranking."""
    used = max(lookups.frequency(member) for member in group)
    return math.log(1 + lookups.facts / (1 + used))


class _Judged(msgspec.Struct, frozen=True):
    """A candidate fact as judged. (A Struct, as Question is: made in C.)"""

    hit: Hit
    coverage: float
    score: float
    reply: Reply
    who: tuple[str, ...] = ()
    """For "who": the people (else organisations) the fact names that the question does not."""
    elsewhere: bool = False
    """Whether the fact accounts nowhere for a name the question gives (it is about another
    one): such a partial answer comes after those about what the question names."""
    on_point: bool = True
    """For a yes/no question: whether the fact says something of what it is about and of what
    it asks of that (its subject and its predicate)."""
    fits: bool = False
    """Whether it is the kind of answer the question asks for (see _fits)."""

    def rank(self) -> tuple[bool, bool, float]:
        """The order of answers: answers first, then partial answers about what the question
        names, each by score."""
        return (self.reply.match is not Match.ANSWER, self.elsewhere, -self.score)


class Considered(msgspec.Struct, frozen=True):
    """A question as read and its candidate facts as judged, in the rules' order (what
    bench/train_ask.py learns from). (A Struct: no namedtuple is built at import.)"""

    read: Question
    candidates: list[Hit]
    judged: list[_Judged]
    now: bool
    """Whether it asks who holds a role now."""


def _judge(question: Question, hit: Hit, lookups: _Lookups) -> _Judged:
    """How far the fact answers the question, and how it ranks."""
    fact = hit.fact
    catalog = lookups.catalog
    own = _own_words(fact)
    named = {entity_id: lookups.name_words(entity_id) for entity_id in fact.entities()}
    # What the fact is about in its curators' words: its tags and its id.
    labelled = own | set(tokens(" ".join((*fact.tags, fact.id.replace("-", " ")))))
    topic = labelled.union(
        *(lookups.asked_names(entity_id, question.weights) for entity_id in named)
    )
    credits = {word: _credit(question, word, topic) for word in question.weights}
    coverage = _share(question.weights, credits)
    fits, who = _fits(question, fact, labelled, named, lookups)
    if who and _succession(question) and all(credits[word] for word in question.named):
        # "Who replaced Zawahiri?": a claim that names all the question names and says someone
        # came into a post that one of them left (_came_in: "Saif al-Adel ... is now the de
        # facto leader ...; ... Zawahiri's death") says the succession in its own words.
        credits.update(
            (word, _SYNONYM_CREDIT) for word in _SUCCESSION & credits.keys() if not credits[word]
        )
        coverage = _share(question.weights, credits)
    if (
        not fits
        and question.wants is Wants.SOMEONE
        and coverage >= _FULL_COVERAGE
        and not _WHO_IS.search(question.text)  # "who is the Ombudsperson" wants a name
        # Unless those it names play another role ("Baradar led the Taliban's negotiating
        # team" for "who negotiated for the US").
        and fact.id not in lookups.out_of_role
        and not _succession(question)  # a successor is someone the fact names
        and _done_to_asked(question, fact)
        and _says_doing(question, own)
    ):
        # "Who did the Taliban ask to join its government?": women. A fact that says all the
        # question says answers "who" with whom it names, though no person or group it links.
        fits = True
    # A year the question names is the one it asks about: "fighters in Afghanistan in 2001" are
    # not counted by a figure of 2021. So is any number of three digits or more, cardinal or
    # ordinal: "resolution 2513" is not resolution 1333, nor "8,600 troops" another count, nor
    # "the 7590th meeting" the 8742nd. The fact may write it either way ("meeting 8742").
    other_years = [
        word
        for word in question.weights
        if len(number := _number(word)) > 2
        and not _credit(question, word, own)
        and number not in _numbers(own)
    ]
    # A name the question gives says which one it asks about ("the prime minister of Japan"):
    # a fact that accounts for it nowhere -- its words, date, tags, id, the names of its
    # entities, a synonym -- is about another one, at most a partial answer.
    unnamed = tuple(
        question.spelled[word]
        for word, parts in question.names
        if not _accounted(question, parts, topic)
    )
    # "Resolution 2001" is not a resolution of 2001 ("Resolution 1363 (2001)"); "in 1999" is
    # not the year that names a resolution ("resolution 1267 (1999)").
    other_years += [number for number in question.documents if not _as_number(fact, number)] + [
        year for year in question.times if not _as_time(fact, year)
    ]
    if question.resolutions and not question.resolutions & _documents(
        fold(_own_text(fact)), resolutions=True
    ):
        # "When was resolution 1267 adopted?" is not answered by resolution 1988's passing
        # its pending requests to a new committee "on the day the resolution was adopted",
        # though "the 1267 Committee" gives the number.
        other_years += sorted(question.resolutions)
    answers = fits and coverage >= _ANSWER_COVERAGE and not other_years and not unnamed
    about = question.named - question.subordinate
    if (
        answers
        and about
        and (
            (
                question.wants in (Wants.SOMEONE, Wants.FIGURE)
                and not all(credits[word] for word in about)
            )
            # A date may be of what happened to one of the things named ("when were the
            # Taliban and al-Qaida sanctions split": the Taliban's put on a list of their own).
            or (question.wants is Wants.DATE and not any(credits[word] for word in about))
        )
    ):
        # "Who was the Taliban leader in 2001?" is not answered by whoever led Egyptian Islamic
        # Jihad, nor "when was the Taliban founded?" by al-Qaeda's founding: a "who" or "when"
        # answer is about all the question names (the Taliban, however common in the loaded
        # facts), in its words, its tags or the names of what it names -- but for a clause
        # that only says when ("... when the Taliban retook Kabul").
        answers = False
    if answers and question.wants in (Wants.SOMEONE, Wants.DATE) and question.happened:
        # What happened, said of another than what the question names: "Jalaluddin Haqqani,
        # who founded the Haqqani Network" did not found the Taliban; and of the doer only
        # ("Al-Qaeda's founder ... was shot dead on 2 May 2011") it dates no founding.
        answers = not any(
            (_as_verb(question, word) and _of_another(question, word, fact.claim))
            or (question.wants is Wants.DATE and _as_doer(question, word, own))
            for word in question.happened
            if credits.get(word)
        )
    if answers and question.wants is Wants.DATE and question.happened:
        # A date is of what happened to what the question names only where one clause says
        # both: "... and welcomed the establishment of a National Focal Point" dates no founding
        # of al-Qaeda, which the claim names in another clause. Any name of it will do.
        event_subject = set(question.named - question.subordinate).union(
            *(
                lookups.heads(entity_id)
                for entity_id in named
                if lookups.asked_names(entity_id, question.weights)
            )
        )
        said = {word for word in question.happened if _credit(question, word, own)}
        answers = (
            not event_subject
            or not said
            or _in_one_clause(question, said, fact.claim, event_subject)
        )
        if answers and said and _STARTING.isdisjoint(question.weights):
            # "... as the Soviets began their withdrawal from Afghanistan after April 1988":
            # when it began, not when the Soviets left (unless a start is asked).
            answers = not _only_begun(question, said, fact.claim)
    if (
        answers
        and question.wants is Wants.SOMEONE
        and any(
            _kind(entity_id, catalog) is EntityKind.PERSON and not words.isdisjoint(question.named)
            for entity_id, words in named.items()
        )
        and not _done_to_asked(question, fact)
    ):
        # "Who killed Zawahiri?": the deed is done to the person the question names, not to
        # another the claim links him to ("... killed in the raid was 'Raihan', a courier
        # for ... Zawahiri" names no one who killed Zawahiri). Nor is it the kind of answer
        # asked, that two rankers' agreement could make one (_agreed).
        fits = answers = False
    if answers and question.polar and _other_doer(question, fact.claim, named):
        # ("Did the US pay the Taliban?" -- "the Taliban would now pay a price".)
        answers = False
    if (
        answers
        and question.polar
        and re.match(_DID, question.text)
        and (deed := _doer_asked(question)) is not None
        and not any(credits.get(word) for word in deed[1])
    ):
        # Nor by a fact that does not name the doer asked at all: "any payment in favour of
        # listed individuals" says nothing of the US paying the Taliban.
        answers = False
    if answers and question.named and _reversed(question, fact.claim, own):
        # "How much did the Taliban pay al-Qaeda?" is not answered by "al-Qaeda paid the
        # Taliban": who did it to whom, the other way round.
        answers = False
    if question.since is not None and (fact.date is None or fact.date.year < question.since):
        answers = False
    if answers and (
        question.wants in (Wants.DATE, Wants.DURATION) or _HAPPENED.search(question.text)
    ):
        # "When did Mullah Omar die?", "Where was Zawahiri born?": a fact naming him is no
        # answer unless it says what the question asks of him (its words that name nothing).
        # A verb as common as "go", "get" or "do" says too little of what happened to ask it
        # ("where did Ghani go": he fled).
        # A name the question writes ("the Soviet Union") says what it is about, as an entity's
        # name does; and "according to the article" says who tells it, not what happened.
        about = question.named.union(
            *(forms for _, parts in question.names for forms in parts), _attributed(question)
        )
        asked = {
            word: weight
            for word, weight in question.weights.items()
            if word not in about and weight >= _EVENT_WEIGHT
        }
        answers = not asked or _share(asked, credits) >= _EVENT_COVERAGE
    if answers and question.future is not None and not _foresees(question, fold(_own_text(fact))):
        # "Who will succeed Haibatullah?", "When will the UN recognise the Taliban?": a fact
        # stating what was or is answers no question on what will be; a plan, a commitment,
        # a deadline or an expectation may ("the Taliban committed not to allow ...").
        answers = False
        other_years += (
            [question.future] if question.future in question.happened else sorted(question.happened)
        )
    if (
        answers
        and question.said_about
        and _share({word: question.weights[word] for word in question.said_about}, credits)
        < _ANSWER_COVERAGE
    ):
        # "What did Donald Trump say about the Doha agreement?": his words on it, not on
        # something else (the Camp David talks he called off) -- the quote, its claim, or the
        # names of what it names speak of most of what it is asked about.
        answers = False
    if (
        answers
        and question.wants is Wants.ANYTHING
        and _WHERE_ASKED.match(question.text)
        and not _names_a_place(question, fact, lookups)
    ):
        # "Where is Zawahiri?": a place, which a fact on the bounty on his head does not name.
        answers = False
    if (
        answers
        and _asks_deadline(question)
        and not _deadlines(fact.claim)
        and not re.search(_A_YEAR, fact.claim)
    ):
        # "When must US troops leave under the Doha agreement?": a fact dated at the signing
        # whose claim gives no deadline ("within 14 months", "by May 2021") nor any time of
        # its own ("would start ... on March 10, 2020") does not say by when.
        answers = False
        other_years.append(_deadline_word(question))
    if answers and (
        (
            question.in_fact
            and re.search(_FORESEEING, fold(f"{fact.claim} {_short_text(fact)}")) is not None
        )
        or (question.as_done and _count_ahead(fact))
    ):
        # "How many prisoners did the government actually release?": what happened in fact,
        # which a commitment to release "up to five thousand" does not say.
        answers = False
    if answers and question.happened and _WHERE.match(question.text):
        # "Where did Ghani flee (to)?": where it happened is named after the claim's word for
        # it ("killed in Kabul", "fled to Tajikistan"); "they took the palace ..., after
        # President Ashraf Ghani fled." says where the palace was taken, not where he went.
        answers = not _nowhere_after(question.happened, fact.claim)
    elsewhere = bool(unnamed)
    if (
        (question.verb or question.polar)
        and question.resolutions
        and question.resolutions.isdisjoint(_resolution_of(fact))
    ):
        # "What does resolution 1267 require?": what that resolution does, not what resolution
        # 1390 did to "the provisions of resolutions 1267 and 1333". The resolution is the
        # subject of the verb asked, so the fact's own resolution must be it (a sanction's
        # instrument, or the first its claim names).
        answers = False
        other_years += sorted(question.resolutions)
        elsewhere = True  # after the partial answers on the resolution asked
    if (
        answers
        and question.document_asked
        and not _documents(fold(_own_text(fact)), resolutions=True) - question.resolutions
    ):
        # "Which resolution split the Taliban and al-Qaeda lists?": a number is asked, which a
        # fact on the split naming no resolution (or only those the question gives) does not
        # give.
        answers = False
        other_years += [word for word in question.weights if word.startswith("resolution")]
    if (
        answers
        and (verb := question.verb)
        and not (credits[verb] or _derived(verb, topic))
        # A sanction is what its instrument imposes on whom (model.Sanction): its measures
        # are what the resolution asked about requires ("all States shall freeze funds").
        and not (verb in _IMPOSING and isinstance(fact.details, Sanction))
        # What an instrument requires of someone is what they commit to or must do: "the
        # Taliban committed not to allow ...", "demanded that the Taliban ...".
        and not (verb in _OBLIGING and _obliges(question, fact))
    ):
        # "What does resolution 2255 require?": what it requires, not at which meeting it
        # was adopted. The verb the question ends on is what it asks.
        answers = False
        other_years.append(verb)
    unstated: tuple[str, ...] = ()
    on_point = True
    if question.polar:
        # A yes/no question states a proposition: only a fact that states it -- every content
        # word in its own words (or the names of what it names), in a form or synonym the packs
        # know -- answers it; a fact on another proposition sharing some of its words does not
        # ("Did the Taliban ban girls from school?" is not answered by a travel ban).
        # A word as common in English as "think", "see", "make" or "part" says little of the
        # proposition (as for what happened, rule 5); an initialism is stated by the words it
        # stands for ("UN", "the United Nations").
        stated = own.union(
            *(lookups.asked_names(entity_id, question.weights) for entity_id in named)
        )
        # One word of the fact states one of the question's: in "the UN sanctions list",
        # "sanctions" is not also the list (though a list of sanctions may be called so).
        unstated = tuple(
            word
            for word in question.weights
            if question.weights[word] >= _EVENT_WEIGHT and not _stated_alone(question, word, stated)
        )
        if (
            _OBLIGING.intersection(unstated)
            and (whom := _required_of(question))
            and _commits(question, whom, fact)
        ):
            # "Did the peace deal require the Taliban to keep Isis out?": what it requires of
            # them is what they must do, pledged or committed to under it ("saw them pledge to
            # keep ... Isis out"), which the fact need not call a requirement.
            unstated = tuple(word for word in unstated if word not in _OBLIGING)
        if unstated and (attributed := _attributed(question)):
            # "Is Zawahiri alive according to the 2021 UN report?": "according to" names who
            # says it, not what is said; the fact's speaker or another it links (the UN
            # Monitoring Team, its report) says it by any of their names.
            by = set().union(*named.values())
            unstated = tuple(
                word
                for word in unstated
                if word not in attributed or not _stated_alone(question, word, by)
            )
        if any(len(word) <= 4 for word in unstated):  # read the claim's initials only then
            initials = _initialisms(fact.claim)
            unstated = tuple(w for w in unstated if len(w) > 4 or w not in initials)
        answers = answers and not unstated
        subject = question.named.union(*(forms for _, parts in question.names for forms in parts))
        predicate = [word for word in question.weights if word not in subject]
        on_point = (not subject or any(_credit(question, word, topic) for word in subject)) and (
            not predicate or any(word not in unstated for word in predicate)
        )
        if (
            answers
            and question.future is None
            and re.search(_ENJOINING, _own_text(fact)) is not None
            and re.search(_ENJOINING, question.text) is None
        ):
            # "Did the Taliban cut ties with al-Qaeda?" is not answered by Pompeo calling on
            # them "to keep your promises to cut ties": what someone was urged, promised or
            # agreed to do is not said to have happened.
            enjoined = _only_enjoined(
                {word for word in predicate if question.weights[word] >= _EVENT_WEIGHT},
                _own_text(fact),
            )
            if enjoined:
                answers = False
                unstated = tuple(word for word in question.weights if word in enjoined)
    corrected = fact.standing() is NoteStance.CORRECTS
    if corrected:
        # The pack's curators say the claim is wrong (a source read contradicts it): it is
        # what its source said, never the answer (the answer line shows their correction).
        answers = False
    unmatched = unnamed + tuple(
        question.spelled[word]
        for word, credit in credits.items()
        if (credit == 0 and question.weights[word] >= _UNMATCHED_SHOWN) or word in other_years
        if question.spelled[word] not in unnamed
    )
    in_own = {word: _credit(question, word, own) for word in question.weights}
    if not answers and unstated:
        # What a yes/no question asks that the fact does not state.
        unmatched = unnamed + tuple(
            question.spelled[word] for word in unstated if question.spelled[word] not in unnamed
        )
    if not answers and fact.id in lookups.out_of_role:
        # Those it names play another role: the words that ask for that role are what it
        # does not cover ("for the US", "succeeded").
        unmatched = _role_words(question) or unmatched
    if not answers and not unmatched and not corrected:
        # A partial answer says what it leaves out: where every word is accounted for
        # somewhere (an entity's name, a tag), the words its own words do not say -- or the
        # heaviest word, when it says them all but not as asked ("the population": no number).
        unmatched = tuple(
            question.spelled[word]
            for word, credit in in_own.items()
            if not credit and question.weights[word] >= _UNMATCHED_SHOWN
        ) or tuple(question.spelled[word] for word in _asked_most(question))
    # A letter alone is no word a fact could say: "ISIS-K", read as "isis" and "k", is left
    # out as the question wrote it.
    # So is a part of a hyphenated word: "al-Qaeda", not "qaeda" (its claim says "al-Qaeda").
    unmatched = tuple(
        dict.fromkeys(
            _compound(question, word) if "-" in question.raw else word for word in unmatched
        )
    )
    boost = _BOOST if fits else 1.0
    if who and _kind(who[0], catalog) is EntityKind.PERSON and _PERSON.search(question.text):
        boost *= _BOOST
    if question.naming and re.search(_NAMING, fact.claim):
        boost *= _BOOST  # a name asked for: a claim that gives a name
    defines = question.defining and _defines(question, fact, lookups)
    if defines:
        boost *= _BOOST  # what something is: a claim that says it
    if "why" in question.text.split():
        reason = re.search(_REASON, _own_text(fact), re.IGNORECASE) is not None
        if reason:
            boost *= _BOOST * _BOOST  # a reason asked for: words that give one
    # BM25, raised for a fact of the kind asked for and by how much of the question it covers:
    # in its own words, weighted by rarity in the pack (a word the fact says itself tells more
    # than one in the aliases of an entity it names: "what does resolution 2513 say about the
    # Islamic Emirate"), then anywhere, weighted by rarity in general English.
    # (A claim saying what the entity asked about is names it in its own words, by any of its
    # names: "al-Qaeda in the Indian Subcontinent" says "AQIS".)
    covers = (0.5 + (1.0 if defines else _share(question.rarity, in_own))) * (0.5 + coverage)
    score = (hit.score or 0.0) * boost * covers
    reply = Reply(
        Match.ANSWER if answers else Match.PARTIAL,
        (
            question.wants is Wants.ANYTHING
            and _WHERE_ASKED.match(question.text)
            and _place_answer(question, fact, lookups)
        )
        or _short_answer(question, fact, who, catalog, own),
        () if answers else unmatched,
    )
    return _Judged(
        hit,
        coverage,
        score,
        reply,
        tuple(who),
        elsewhere,
        on_point,
        fits,
    )


_CAPITALISED_RUN = r"\b[A-Z]\w*(?: (?:of |the |for )?[A-Z]\w*)+"  # compiled on first use


def _initialisms(claim: str) -> frozenset[str]:
    """The initials of the runs of capitalised words a claim writes, lower case ("United
    Nations" is "un", "Security Council" "sc"), less the words between them."""
    return frozenset(
        "".join(word[0] for word in run.split() if word[0].isupper()).lower()
        for run in re.findall(_CAPITALISED_RUN, claim)
    )


def _compound(question: Question, word: str) -> str:
    """The hyphenated word of the question a word is part of ("ISIS-K", "al-Qaeda"), or the
    word."""
    for compound in re.findall(_HYPHENATED, question.raw):
        if word in compound.lower().split("-"):
            return str(compound)
    return word


_HYPHENATED = r"\w+(?:-\w+)+"  # compiled on first use (re caches it)


def _asked_most(question: Question) -> list[str]:
    """What the question asks most of: the head of "what is the X", the measure, what is
    counted, else its heaviest word that names nothing."""
    if question.head is not None and question.head in question.weights:
        return [question.head]
    heaviest = sorted(question.weights, key=lambda word: -question.weights[word])
    asked = (
        sorted(question.measure or question.counted)
        or [word for word in heaviest if word not in question.named][:1]
        or heaviest[:1]
    )
    return [word for word in asked if word in question.spelled]


def _asked_verb(question: Question) -> str | None:
    """The verb a "what does X VERB?" question ends on ("require", "establish", "decide"), or
    that follows "which X" in the past ("which resolution created ..."), as one of its content
    words; None for other questions."""
    text = question.text
    if "what " not in text and "which " not in text:
        return None  # (no pattern compiled for most questions)
    found = (
        ((" of " in text or " from " in text) and re.fullmatch(_WHAT_REQUIRED, text))
        or re.fullmatch(_WHAT_DOES, text)
        or ("ed" in text and re.match(_WHICH_DID, text))
        or (question.resolutions and re.fullmatch(_WHAT_NOUN_DOES, text))
    )
    if not found:
        return None
    word = stem(found.group(1))
    if word in _SAYING or word in _MEANING:
        return None  # what someone said, what a name means: a quote, a meaning
    if any(word in forms for _, parts in question.names for forms in parts):
        return None  # a name ("What did Panetta tell National Public Radio?")
    return word if word in question.weights and word not in question.named else None


_OBLIGED_NEAR = 6
"""How many words from a word of obligation the one it binds is named ("the Taliban committed",
"demanded that the Taliban")."""


def _obliges(question: Question, fact: Fact) -> bool:
    """For "what does X require of Y": whether the fact says that Y must or will do something,
    Y named near the word that says so."""
    # (The claim, or a quote's words: not an agreement's list headed "commitments", which holds
    # what each party commits to.)
    text = f"{fact.claim} {fact.details.text}" if isinstance(fact.details, Quote) else fact.claim
    found = re.fullmatch(_WHAT_REQUIRED, question.text)
    if found is None or re.search(_OBLIGATION, text) is None:
        return False  # ("What does resolution 1267 require?" asks what it says it requires.)
    whom = {stem(word) for word in found.group("whom").split()} & question.weights.keys()
    return not whom or _binds(question, whom, text)


def _commits(question: Question, whom: set[str], fact: Fact) -> bool:
    """Whether the fact says that those whom names must or will do something: an agreement's
    commitments, which say who committed to what (its claim may name every party near its
    word of obligation: "signed with the Harbour Board, which saw it pledge"), else its claim
    (or a quote's words)."""
    details = fact.details
    if isinstance(details, Agreement) and details.commitments:
        binding = set().union(*map(question.group, whom))
        return any(
            not binding.isdisjoint(map(stem, _WORD.findall(fold(commitment))))
            for commitment in details.commitments
        )
    text = f"{fact.claim} {details.text}" if isinstance(details, Quote) else fact.claim
    return _binds(question, whom, text)


def _required_of(question: Question) -> set[str]:
    """For "did X require Y to ...": the content words naming Y (between the verb and "to")."""
    words = question.text.split()
    at = next((n for n, word in enumerate(words) if stem(word) in _OBLIGING), None)
    if at is None or "to" not in words[at + 1 : at + _OBLIGED_NEAR]:
        return set()
    end = words.index("to", at + 1)
    return {stem(word) for word in words[at + 1 : end]} & question.weights.keys()


def _binds(question: Question, whom: set[str], text: str) -> bool:
    """Whether the text says that those the words whom name must or will do something: a word
    of obligation ("committed", "shall", "pledge") within a few words of one of them."""
    words = _WORD.findall(fold(text))
    stems = [stem(word) for word in words]
    binding = set().union(*map(question.group, whom))
    for at, word in enumerate(words):
        if re.fullmatch(_OBLIGATION, word) or re.fullmatch(
            _OBLIGATION, " ".join(words[at : at + 2])
        ):
            near = stems[max(0, at - _OBLIGED_NEAR) : at + _OBLIGED_NEAR + 1]
            if binding.intersection(near):
                return True
    return False


def _only_before_another_verb(verb: str, claim: str) -> bool:
    """Whether the claim writes the verb only as one that takes another ("the Taliban has
    started to tighten its control over al-Qaeda" did not start al-Qaeda)."""
    folded = fold(claim)
    if not re.search(rf"\b{re.escape(verb[:4])}\w* to\b", folded):
        return False  # (most claims: no need to stem them)
    stems = _stemmed(folded)
    places = [at for at, word in enumerate(stems) if word == verb]
    return bool(places) and all(stems[at + 1 : at + 2] == ("to",) for at in places)


_NOUN_MARKS = frozenset(
    ("the", "a", "an", "their", "its", "his", "her", "our", "of", "any", "no", "such", "whose")
)
"""Words after which a verb's form is a noun ("their funding", "the funds")."""
_LIST_MARKS = frozenset(("and", "or", "for", "with"))
"""Words after which a plain form is a noun too ("arms ... and funds for ...")."""


def _only_as_noun(question: Question, verb: str, claim: str) -> bool:
    """Whether the claim writes the verb (or its synonyms) only as a noun: "block their
    funding", "and funds for Usama bin Laden" say no one funds anyone."""
    group = question.group(verb) | {verb}
    lowered = claim.lower()
    if not any(member[:4] in lowered for member in group):
        return False  # (most claims: no need to read their words)
    words = _WORD.findall(fold(claim))
    places = [at for at, word in enumerate(words) if at and stem(word) in group]
    if not places:
        return False
    for at in places:
        word, before = words[at], words[at - 1]
        if word.endswith("ed"):
            return False  # a verb in the past ("funded")
        marks = _NOUN_MARKS if word.endswith("ing") else _NOUN_MARKS | _LIST_MARKS
        if before not in marks or words[at + 1 : at + 2] in (["of"], ["by"]):
            return False  # a verb, or a noun whose doer follows ("on the orders of Biden")
    return True


def _says(question: Question, verb: str, words: set[str] | frozenset[str]) -> bool:
    """Whether words say what a verb says: it, a word of its root, or a synonym the packs'
    thesaurus gives it (a verb it gives none is taken as said: who "witnessed" may be told
    as "in the presence of")."""
    group = question.group(verb)
    return len(group) == 1 or bool(group & words) or _derived(verb, words)


def _unsaid_deed(question: Question, written: str, own: frozenset[str]) -> bool:
    """For "who VERBed ...": whether the fact's own words do not say the deed -- the verb, a
    word of its root, or a synonym -- though the packs' thesaurus gives it none (_says takes
    such a verb as said). Only for a regular past ("drafted", "ordered", "sponsored"): an
    irregular one is often a verb of place or company ("stood with", "drove out") said in other
    words; and not for coming into a post ("became", "succeeded"), which rule 7 reads."""
    verb = stem(written)
    return (
        written.endswith("ed")
        and verb not in _BEGINNING
        and verb not in _SUCCESSION
        and not question.forms(verb) & own
        and not _derived(verb, own)
    )


_NOMINALISED = (
    ("de", "sion"),  # invade, invasion; decide, decision; conclude, conclusion
    ("ceive", "ception"),  # receive, reception
    ("duce", "duction"),  # reduce, reduction; produce, production
    ("sume", "sumption"),  # assume, assumption; resume, resumption
    ("pel", "pulsion"),  # expel, expulsion
    ("olve", "olution"),  # resolve, resolution; dissolve, dissolution
    ("tain", "tention"),  # detain, detention
    ("scribe", "scription"),  # describe, description
    ("ose", "osition"),  # oppose, opposition; impose, imposition
    ("end", "ension"),  # extend, extension; suspend, suspension
    ("ert", "ersion"),  # convert, conversion
    ("uire", "uisition"),  # acquire, acquisition
    ("ate", "ation"),  # nominate, nomination
)
"""English verbs and their nouns in -ion whose spelling the stemmer does not join (their first
six letters differ, see _derived): "When did the US invade Afghanistan?" is answered by "the
US-led invasion of Afghanistan". Each pair is a regular pattern of English, not a word list."""
_IRREGULAR_PLURALS = (("man", "men"), ("child", "children"), ("person", "people"))
"""English plurals the stemmer does not join to their singular: woman and women, gunman and
gunmen, child and children, person and people."""
_ROOT_LETTERS = 3
"""Letters a word keeps before such an ending for the pattern to apply: "state" is not
"station", nor "side" "sion"."""


_IRREGULAR_VERBS = (
    ("lose", "lost", "loses", "losing"),
    ("fall", "fell", "fallen", "falls", "falling"),
    ("meet", "met", "meets", "meeting"),
    ("leave", "left", "leaves", "leaving"),
    ("see", "saw", "seen", "sees"),
    ("think", "thought", "thinks"),
    ("sell", "sold", "sells"),
    ("buy", "bought", "buys"),
    ("build", "built", "builds"),
    ("catch", "caught", "catches"),
    ("stand", "stood", "stands"),
    ("run", "ran", "runs", "running"),
    ("shoot", "shot", "shoots"),
)
"""Forms of English verbs the stemmer leaves apart because they are also other words ("left",
"fell", "met"; textnorm._IRREGULAR joins the others): as a synonym does, "lose" accounts for
"lost". ("Found" is not "find": "founded" is stemmed "found".)"""


_IRREGULAR_FORMS = frozenset(stem(form) for verb in _IRREGULAR_VERBS for form in verb)
"""The stems of _IRREGULAR_VERBS' forms (credited, not searched for)."""


def _derivatives(raw: str) -> frozenset[str]:
    """The stems of a question's word's other forms: its verb or noun by the patterns of
    _NOMINALISED ("invade" gives "invasion", "invasion" gives "invade"), an irregular plural's
    singular and back, an irregular verb's other forms."""
    word = raw.lower()
    forms = {
        stem(form) for verb in _IRREGULAR_VERBS if word in verb for form in verb if form != word
    }
    for singular, plural in _IRREGULAR_PLURALS:
        # "women" is "woman" counted: the stemmer leaves English's irregular plurals apart.
        for ending, other in ((plural, singular), (singular, plural)):
            # (Not "omen", "Oman": a word alone, or one of two letters or more before it.)
            if word.endswith(ending) and len(word) - len(ending) in (0, *range(2, len(word))):
                forms.add(stem(word[: len(word) - len(ending)] + other))
                break
    for verb, noun in _NOMINALISED:
        for ending, other in ((verb, noun), (noun, verb)):
            for suffix in (ending, f"{ending}s", f"{ending}d", f"{ending}ed"):
                if word.endswith(suffix) and len(word) - len(suffix) >= _ROOT_LETTERS:
                    forms.add(stem(word[: len(word) - len(suffix)] + other))
    return frozenset(forms)


_RELATING = frozenset(("with", "to"))
"""Words after which a participle relates what is counted rather than says what happened to
it ("fighters affiliated with al-Qaeda", "groups linked to it")."""


def _happened_unasked(question: Question, unit: str) -> bool:
    """Whether a figure's unit says, right after what it counts, what happened to them ("Afghan
    troops killed", "people airlifted from Kabul") in a verb the question does not say (as
    itself, a word of its root, a synonym): then it counts only those, not what is asked."""
    words = unit.lower().split()
    head = question.counted_head
    for at, word in enumerate(words[1:], 1):
        if not (_VERB_FORM.search(word) or word in _PARTICIPLES):
            continue
        if head is None or not question.forms(head) & {stem(words[at - 1])}:
            continue  # not right after the counted noun
        if words[at + 1 : at + 2] and words[at + 1] in _RELATING:
            continue
        said = stem(word)
        return not any(
            said in question.forms(asked) or _derived(asked, {said}) for asked in question.weights
        )
    return False


def _derived(word: str, words: set[str] | frozenset[str]) -> bool:
    """Whether words hold another word of the same root (stemmed): "exempted" and
    "exemption", "require" and "requirement" (its first six letters, or all of a shorter
    word of five letters or more), "refocused" and "focusing" (less a prefix "re")."""
    if len(word) < 5:
        return False
    if word.startswith("re") and _derived(word[2:], words):
        return True  # the same verb again: "refocused" and "focusing"
    root = word[:6]
    return any(
        other.startswith(root) or (len(other) >= 5 and word.startswith(other)) for other in words
    )


def _accounted(
    question: Question, parts: Sequence[frozenset[str]], topic: set[str] | frozenset[str]
) -> bool:
    """Whether at least half a name's words are the fact's (its words, tags, id, the names of
    its entities, a synonym: "President Biden" is "Joe Biden", and "Islamic State in Iraq" not
    the "Islamic Emirate"), or the fact writes the name as its initials ("NPR" for "National
    Public Radio")."""
    found = sum(
        1 for forms in parts if forms & topic or any(question.group(f) & topic for f in forms)
    )
    initials = "".join(min(forms)[0] for forms in parts) if len(parts) > 1 else ""
    return found * 2 >= len(parts) or initials in topic


def _share(weights: dict[str, float], credits: dict[str, float]) -> float:
    """The weighted share of these of the question's words that a fact accounts for."""
    return sum(weight * credits[word] for word, weight in weights.items()) / (
        sum(weights.values()) or 1
    )


_ATTRIBUTION = r"\b(?:according to|per)\b(?P<source>[^,;?]*)"  # compiled on first use
"""A phrase naming who says what a question asks about ("..., according to the UN report")."""


def _attributed(question: Question) -> frozenset[str]:
    """The question's content words in its phrases of attribution ("according to X", "per X")."""
    phrases = re.finditer(_ATTRIBUTION, fold(_without_possessives(question.raw)))
    return (
        frozenset(word for at in phrases for word in map(stem, _WORD.findall(at.group("source"))))
        & question.weights.keys()
    )


def _stated_alone(question: Question, word: str, stated: set[str] | frozenset[str]) -> bool:
    """Whether a yes/no question's word is stated by words (_credit, _derived) other than those
    stating its other words: "the UN sanctions team" says "sanctions", not also "list"."""
    if word in stated:
        return True
    if not (_credit(question, word, stated) or _derived(word, stated)):
        return False  # (most words: no need to set the others aside)
    others = stated - (question.weights.keys() - {word})
    return bool(_credit(question, word, others) or _derived(word, others))


def _credit(question: Question, word: str, words: set[str] | frozenset[str]) -> float:
    if word in words:
        return 1.0
    if word in question.decades and any(_is_year(w) and w[:3] == word[:3] for w in words):
        return 1.0  # "the 1990s": 1996
    if question.group(word) & words:
        return _SYNONYM_CREDIT
    return _SYNONYM_CREDIT if question.derived.get(word, frozenset()) & words else 0.0


def _fits(
    question: Question,
    fact: Fact,
    own: frozenset[str],
    named: dict[str, frozenset[str]],
    lookups: _Lookups,
) -> tuple[bool, list[str]]:
    """Whether the fact is the kind of answer the question wants; for "who", whom it names."""
    head = question.head
    # A successor is named by a claim that says someone came into a post after another left
    # it (see _in_role), whatever its words.
    if (
        head is not None
        and head not in _SHELL_NOUNS
        and head not in _SUCCESSION
        and not _credit(question, head, own)
        and not (question.head_asked and _names_one_of_kind(question, fact, head, own, lookups))
    ):
        return False, []
    if not all(_credit(question, w, own) for w in question.modifiers if w not in question.named):
        return False, []
    if _only_seems(question, fact.claim):
        # "When (where) did the Taliban appear?": not "... who appear closely aligned" (seem).
        return False, []
    wants = question.wants
    if (
        wants is Wants.SOMEONE
        and head in _PERSON_ROLES
        and not _credit(question, head, in_claim := _own_words(fact))
        and not _derived(head, in_claim)
    ):
        # "Who was the Taliban leader in 2010?": a post is given in the fact's own words, not
        # only by its curators' tag ("leadership" on Baradar's arrest in 2010).
        return False, []
    if wants is Wants.SOMEONE and _post_only_subordinate(question, fact):
        # "Hanafi was named deputy to the acting prime minister" names no prime minister.
        return False, []
    if (
        wants is Wants.SOMEONE
        and head in _PERSON_ROLES
        and (ordinal := re.search(_ORDINAL_POST, question.text))
        and not _says_ordinal(question, ordinal.group(1), head, fact.claim)
    ):
        # "Who was the first leader of al-Qaeda?": which of its holders is said by the fact
        # ("first", or its founder), not by one naming a later one ("Zawahiri became head of
        # al-Qaeda in 2011, after its leader Osama bin Laden was killed").
        return False, []
    if wants is Wants.FIGURE and question.share:
        # "What percentage of Afghan districts ...": a share, not any number of them -- and
        # of them: near a word for what it is a share of, not "half of whom had come" in a
        # claim on troops.
        text = fold(_own_text(fact))
        of = question.forms(question.share_of[-1]) if question.share_of else None
        return any(
            of is None
            or not of.isdisjoint(
                tokens(text[max(0, at.start() - _SHARE_NEAR) : at.end() + _SHARE_NEAR])
            )
            for at in re.finditer(_SHARE_GIVEN, text)
        ), []
    if wants is Wants.FIGURE and question.measure:
        # A measure ("population", an age): a figure that speaks of it, or a number beside it
        # in the claim ("a population of 38 million", "aged 60") -- not any figure of the place.
        measure = set().union(*map(question.group, question.measure))
        if isinstance(fact.details, Figure):
            return bool(measure & _own_words(fact)), []
        return _number_near(fact.claim, measure) is not None, []
    if wants is Wants.FIGURE:
        # What is counted must be named by the figure itself (or an entity it names): "US
        # soldiers died" is answered neither by 9/11's dead nor by the US troops left in 2020.
        # A figure, or another fact that gives a number of what is counted ("by 13 votes").
        names = own.union(*named.values())
        # A name among what is counted ("Taliban fighters") says whose they are: the fact must
        # say it in its own words, not only link the entity ("al-Qaeda's 200-500 men").
        owners = _owners(question)
        stated = _own_words(fact) if owners else frozenset()
        counts = all(
            _credit(question, word, names) for word in question.counted if word not in owners
        ) and all(_credit(question, word, stated) for word in owners)
        if _DEATHS & question.weights.keys() and not _HURT & question.weights.keys():
            # "Which killed or injured over 300 civilians" counts no one's death: how many died
            # is not in it (a figure's unit, or the count's phrase in a claim, says so).
            if isinstance(fact.details, Figure):
                if re.search(_DEAD_OR_HURT, fact.details.unit):
                    return False, []
            elif (count := _count_in_claim(question, fact.claim)) is not None:
                at = fact.claim.find(count)
                around = fact.claim[max(0, at - _HURT_REACH) : at + len(count) + _HURT_REACH]
                if re.search(_DEAD_OR_HURT, around):
                    return False, []
        if isinstance(fact.details, Figure):
            # And the figure's unit says what it counts: "soldiers" are not counted in "US
            # dollars over two decades", though the fact names the Afghan security forces. The
            # words that name something ("US") do not say what is counted.
            # Its head noun (the last: "girls' secondary schools" are schools), in the words
            # that open the unit (what it counts: "girls affected by the closure of girls'
            # secondary schools" counts girls).
            unit = set(_leading_content(fact.details.unit))
            head = question.counted_head
            counts_unit = (
                head is None or head in question.named or bool(_credit(question, head, unit))
            )
            # A word before the head ("Afghan soldiers") that the unit gives only after what it
            # counts, of something else ("men along the Afghan-Pakistani border"), says these
            # are not the ones asked about.
            other = _of_something_else(question, tokens(fact.details.unit), owners)
            if _owned_by_another(question, fact.details.unit, named):
                # "How many US troops ...": not "9,600 NATO troops" (of which 2,500 American).
                other = True
            if _happened_unasked(question, fact.details.unit):
                # "How many Afghan soldiers were in the army?": not "66,000-69,000 Afghan troops
                # killed" -- those it happened to, which the question does not ask.
                other = True
            if (
                question.holder
                and re.search(_A_RATE, fact.details.unit)
                and not re.search(_A_RATE, question.text)
            ):
                # "How much money does al-Qaeda have?": what it holds, not what it pays or gets
                # in a year ("20,000,000 US dollars a year").
                other = True
            return counts and counts_unit and not other, []
        return counts and _counts_in_claim(question, fact.claim), []
    if (
        wants is Wants.QUOTE
        and not isinstance(fact.details, Quote)
        and not question.speaker
        and _PERSON.search(question.text)
    ):
        # "Who wrote the Independent explainer ...?": an author, whom a fact that is not a
        # quote may name as it names anyone ("... was written by Joe Sommerlad") -- where it
        # says they did it: "a questionable peace accord with the Trump administration" names
        # no author.
        if (asked := re.search(_WHO_SAID, question.text)) is not None and not _says_act(
            asked.group(1), fact.claim
        ):
            return False, []
        wants = Wants.SOMEONE
    if wants is Wants.QUOTE:
        details = fact.details
        if not isinstance(details, Quote) or (question.medium and not details.medium):
            return False, []
        if not question.speaker:
            return True, [details.speaker]
        by = named.get(details.speaker, frozenset()) | set(tokens(details.speaker_role or ""))
        weight = sum(question.weights[word] for word in question.speaker)
        said = sum(question.weights[word] for word in question.speaker if word in by)
        # Or the question names the speaker elsewhere: "..., according to Cole Bunzel?"
        elsewhere = lookups.named_in(details.speaker, question.weights)
        return said >= 0.75 * weight or elsewhere, [details.speaker]
    if (
        wants is Wants.DATE
        and "bec" in question.text
        and re.search(_BECOME, question.text)
        and _BEGAN.isdisjoint(map(stem, _WORD.findall(fold(fact.claim))))
    ):
        # "When did X become Y?": the claim must say when a state began, not only that it held
        # at the fact's date ("Ben Wallace was the UK defence secretary in September 2021").
        return False, []
    if (
        wants is Wants.ANYTHING
        and isinstance(fact.details, Quote)
        and question.named
        and re.match(_COMMITMENT_ASKED, question.text)
        and not lookups.named_in(fact.details.speaker, question.weights)
    ):
        # "What did the Taliban promise ...?": what they promised, not another's words on it
        # (Pompeo's "keep your promises to cut ties"): a quote by someone the question does not
        # name is not their commitment.
        return False, []
    if (
        wants is Wants.DATE
        and question.named
        and "bec" in question.text
        and re.search(_BECOME, question.text)
        and not _began_near(question, fact.claim)
    ):
        # And of X: "Sirajuddin Haqqani, named acting interior minister ... in September 2021,
        # ... the 2008 assassination attempt on Afghan President Hamid Karzai" dates Haqqani's
        # post, not when Karzai became president.
        return False, []
    if (
        wants is Wants.DATE
        and "da" in question.text
        and re.search(_DAY_ASKED, question.text)
        and (fact.date is None or not fact.date.day)
        and not re.search(_A_DAY, fact.claim)
    ):
        # "On what date did ...", "what day": a day, which a fact dated to its month or year,
        # whose claim gives no day, does not give ("in July 2021").
        return False, []
    if wants is Wants.DATE:
        # A quote's date is when it was said: it dates what the question asks only when that
        # is a saying ("when did Panetta say ...", not "when was resolution 1267 adopted").
        said = isinstance(fact.details, Quote)
        # An undated fact may say when in its words ("in the late 2000s").
        dated = fact.date is not None or _time_in_words(fact.claim) is not None
        if dated and fact.date is not None and _dates_a_source(fact.claim, fact.date.year):
            return False, []
        if fact.date is not None and _deed_of_another(question, fact.claim):
            # "When was Akhundzada named leader?": not "Yaqoob, ... named defence minister on 7
            # September 2021, was a student of ... Akhundzada".
            return False, []
        if fact.date is not None and _happened_later(question.happened, fact.claim):
            # "On 15 January 2002 the Security Council was planning to pass another resolution
            # ...; resolution 1390 ... was adopted the next day": not the date of what is asked.
            return False, []
        if _dates_no_event(question, fact) and not _HAPPENED.search(question.text):
            # "When did the Taliban ban girls from secondary school?" is not answered by when
            # the UN estimated what the closure had done ("when did the UN estimate ..." is);
            # nor "when did Hamza bin Laden die?" by when the White House said he had been
            # killed, or by a claim saying that when is not known. (Such a fact answers "how
            # did he die, and when?" in its own words: see _short_answer.)
            return False, []
        return dated and (not said or bool(_SAYING & question.weights.keys())), []
    if wants is Wants.DURATION:
        # How long: a figure of time, or a claim giving a number of days, months, years ...
        if isinstance(fact.details, Figure):
            return bool(_TIME_UNITS & set(tokens(_measured(fact.details.unit)))), []
        return _counts_in_claim(question, fact.claim), []
    if wants is Wants.SOMEONE and question.identity:
        # "Who is Cole Bunzel?": a fact that says what he is, its claim opening with his name.
        opening = _WORD.findall(fold(fact.claim))[:6]
        return any(
            lookups.named_in(entity_id, question.weights)
            and any(start == 0 for start, _ in _name_spans(opening, _written(entity_id, lookups)))
            for entity_id in named
        ), []
    if (
        wants is Wants.SOMEONE
        and question.post_of
        # Linked entities the question names by one of their names (not "ISIS" for ISIS-K).
        and not _post_of_in(
            question,
            fact.claim,
            {
                entity_id: lookups.asked_names(entity_id, question.weights)
                for entity_id, words in named.items()
                if not words.isdisjoint(question.post_of)
            },
        )
    ):
        # "Who is the president of Afghanistan?": the claim must give the post of Afghanistan
        # ("Afghanistan's president"), not another ("the US president").
        return False, []
    if wants is Wants.SOMEONE:
        # Whom the fact names that the question does not (who asserts or says it is its
        # source, not its answer); "who" asks for a person more often than an organisation.
        sources = {
            entity_id
            for field, entity_id in fact.entity_references()
            if field in ("asserted_by", "speaker")
            # Unless the fact gives them the post asked about: "the President of the Security
            # Council, Jean Levitte, said" answers "who was president of the Security Council".
            and not _has_post(question, fact.claim, entity_id, lookups)
        }
        unnamed = {
            entity_id
            for entity_id in named
            if entity_id not in sources
            and not lookups.named_in(entity_id, question.weights)
            and lookups.named_in(entity_id, own)  # named in the fact's own words
        }
        catalog = lookups.catalog
        people = [e for e in named if e in unnamed and _kind(e, catalog) is EntityKind.PERSON]
        groups = [e for e in named if e in unnamed and _kind(e, catalog) is EntityKind.ORGANIZATION]
        named_first = len(people) + len(groups)
        if named_first:
            people = _in_role(question, fact, people, lookups)
            groups = _in_role(question, fact, groups, lookups)
        out_of_role = len(people) + len(groups) < named_first
        near = _near_what_happened(question, fact, own, people + groups, lookups)
        if near is not None:
            people = [e for e in people if e in near]
            groups = [e for e in groups if e in near]
        # "Who is the ambassador", "who replaced him as president": a post is held by a person.
        # So is "who leads / heads / runs X": the verb of a post ("leader", "head", "chief").
        held = (
            _PERSON_ROLES & question.weights.keys()
            or (question.head in _KIN and question.head not in _KIN_OF_BODIES)
            or _succession(question)
            or (
                _PERSON.search(question.text)
                and any(_PERSON_ROLES & question.group(word) for word in question.happened)
            )
        )
        who = people if held else people or groups
        if not who and out_of_role:
            lookups.out_of_role.add(fact.id)
        return bool(who), who
    return True, []


def _owned_by_another(question: Question, unit: str, named: dict[str, frozenset[str]]) -> bool:
    """Whether a figure's unit gives what it counts as another's than the question does, by
    the name of one the fact links before its head noun ("NATO troops" for US troops)."""
    words = tokens(unit)
    head = question.counted_head
    whose = [word for word in question.counted if word != head]
    if head is None or head not in words or not whose:
        return False
    before = set(words[: words.index(head)])
    asked = set(whose).union(*map(question.group, whose))
    return not before & asked and any(
        before & name and name.isdisjoint(asked) for name in named.values()
    )


def _names_a_place(question: Question, fact: Fact, lookups: _Lookups) -> bool:
    """Whether the fact names, in its own words, a place the question does not name: its place,
    a place it links that its words name, or a capitalised word after a preposition of place
    (not a month or a weekday)."""
    details = fact.details
    if isinstance(details, Event | Agreement) and details.place:
        return True
    return bool(_places(question, fact, lookups))


def _places(
    question: Question, fact: Fact, lookups: _Lookups, *, known: bool = False
) -> list[tuple[int, str]]:
    """The places _names_a_place reads in the fact's own words (other than its place), each
    with where its own text names it: a place entity it links, or (unless only those known as
    places are wanted) the run of capitalised words after a preposition of place."""
    own = _own_words(fact)
    text = _own_text(fact)
    found_places = []
    for entity_id in fact.entities():
        if (
            _kind(entity_id, lookups.catalog) is EntityKind.PLACE
            and not lookups.named_in(entity_id, question.weights)
            and lookups.named_in(entity_id, own)
        ):
            name = _name(lookups.catalog, entity_id)
            at = text.find(name)
            found_places.append((at if at >= 0 else len(text), name))
    if found_places or known:
        return found_places
    for found in re.finditer(_PLACE_AFTER, text):
        name = fold(found.group("name"))
        words = {stem(word) for word in _WORD.findall(name)}
        if (
            name not in _CALENDAR_WORDS
            and not words & question.weights.keys()
            and not _someone_else_there(question, _clause_at(text, found.start()), lookups)
        ):
            at = found.start("name")
            run = re.match(_CAPITALISED_NAME, text[at:])
            found_places.append((at, run.group() if run else found.group("name")))
    return found_places


def _place_answer(question: Question, fact: Fact, lookups: _Lookups) -> str | None:
    """For "where", the place the fact gives: its place, else of the places its own words name
    (_places), the first after the first of its words for what happened ("... defended his
    decision to flee Afghanistan ..., confirmed he was in the United Arab Emirates, and denied
    leaving Kabul ..."), else the first; None where it names none. A hedge just before it is
    kept, in the claim's words ("believed to reside in Afghanistan"), else the fact's own."""
    details = fact.details
    text = _own_text(fact)
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
                for word in _WORD.finditer(text)
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


_CAPITALISED_NAME = r"[A-Z][\w-]*(?: (?:of |the |al-)?[A-Z][\w-]*)*"
"""A run of capitalised words, a place's name (compiled on first use: only "where" needs it)."""
_PLACE_HEDGE = (
    r"\b(?:believed|thought|said|reported|reportedly|alleged|allegedly|may|might|probably)\b"
)
"""Words that hedge where something is (compiled on first use)."""
_HEDGE_REACH = 40
"""How many characters before a place a hedge may be, to be said of it."""


_ENJOINING = (
    r"\b(?:call(?:s|ed|ing)? (?:on|upon)|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?"
    r"|demand(?:s|ed|ing)?|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|commit(?:s|ted|ting|ments?)"
    r"|vow(?:s|ed|ing)?|agree(?:s|d|ing)?|undert(?:akes?|ook|aking)|plan(?:s|ned|ning)?"
    r"|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?|want(?:s|ed|ing)?|prepared|ready|willing"
    r"|must|should|ought|needs?|needed|requir(?:e|es|ed|ing)|oblig(?:e|es|ed|ing))\b"
)
"""Words with which someone is urged, promises or agrees to do something, or must do it, which
they then say in an infinitive ("called on the Taliban ... to cut ties", "the Taliban must do
more to meet the terms ..., including to break ties"): compiled on first use, only yes/no
questions need it."""


def _only_enjoined(words: set[str], text: str) -> list[str]:
    """The question's words for what happened that the text says, where it says each of them
    only as what someone was urged, promised or agreed to do (an infinitive after _ENJOINING,
    in the same sentence); empty where it says one of them as done, or says none."""
    seen: dict[str, bool] = {}
    for sentence in re.split(r"[.;!?]", text):
        for word in _WORD.finditer(sentence):
            stemmed = stem(word.group().lower())
            if stemmed not in words:
                continue
            before = sentence[: word.start()]
            urged = re.search(_ENJOINING, before)
            enjoined = urged is not None and re.search(r"\bto\b", before[urged.end() :]) is not None
            seen[stemmed] = seen.get(stemmed, True) and enjoined
    return [word for word, enjoined in seen.items() if enjoined] if all(seen.values()) else []


def _clause_at(text: str, at: int) -> str:
    """The clause of text (between commas, semicolons and sentence ends) that holds position at."""
    start = max(text.rfind(mark, 0, at) for mark in ",;.") + 1
    ends = [end for mark in ",;." if (end := text.find(mark, at)) >= 0]
    return text[start : min(ends, default=len(text))]


def _someone_else_there(question: Question, clause: str, lookups: _Lookups) -> bool:
    """Whether the clause names a person the question does not: a place in it is where that
    person was ("after its leader Osama bin Laden was killed ... in Pakistan" says nothing of
    where Zawahiri is). Of those the candidates name, most of a name's words will do; any
    other person of the packs is named in full (whichever facts rank among the candidates)."""
    words = set(_WORD.findall(fold(clause)))
    return any(
        _kind(entity_id, lookups.catalog) is EntityKind.PERSON
        and any(len(name & words) * 2 > len(name) for name in names)
        and not lookups.named_in(entity_id, question.weights)
        for entity_id, names in lookups.all_written()
    ) or any(
        not lookups.named_in(entity_id, question.weights)
        for entity_id in lookups.people_written_in(clause)
    )


def _names_one_of_kind(
    question: Question, fact: Fact, noun: str, own: frozenset[str], lookups: _Lookups
) -> bool:
    """For a noun of a kind of thing ("which city", "which think tank"): whether the fact names,
    in its own words, one of that kind the question does not name (Doha; the United States
    Institute of Peace), not only whoever asserts or says it."""
    kind = _KIND_NOUNS.get(noun)
    if kind is None:
        return False
    place = getattr(fact.details, "place", None)
    if (
        kind is EntityKind.PLACE
        and noun not in _NAMED_KINDS
        and place
        and not question.weights.keys() & set(_stemmed(fold(place)))
    ):
        # "In which city was the accord signed?": the place the fact gives (Doha), once the
        # noun is asked however common it is (_KIND_NOUNS).
        return True
    sources = {
        entity_id
        for field, entity_id in fact.entity_references()
        if field in ("asserted_by", "speaker")
    }
    carried = _NAMED_KINDS.get(noun)
    if carried is not None and any(
        not carried.isdisjoint(words := _stemmed(fold(name)))
        and not set(words) <= question.weights.keys() | carried
        for name in re.findall(_CAPITALISED_NAME, fact.claim)
    ):
        # A name in the claim that carries the kind's word: "the Sheraton Grand Doha Resort".
        return True
    return any(
        entity_id not in sources
        and _kind(entity_id, lookups.catalog) is kind
        and not lookups.named_in(entity_id, question.weights)
        and lookups.named_in(entity_id, own)
        and (carried is None or not carried.isdisjoint(lookups.name_words(entity_id)))
        for entity_id in fact.entities()
    )


_WHO_SAID = r"\bwho (said|says|told|tells|wrote|writes|called|calls|described|describes)\b"
"""Who said or wrote it, asked of any fact (compiled on first use)."""
_SAID_WORDS = ("said", "says", "saying", "stated", "told", "tells")
_WRITTEN_WORDS = ("wrote", "writes", "written", "writing", "author", "authored", "byline")
_ACTS = {
    **dict.fromkeys(("said", "says", "told", "tells"), _SAID_WORDS),
    **dict.fromkeys(("wrote", "writes"), _WRITTEN_WORDS),
    **dict.fromkeys(("called", "calls"), ("called", "calls", "calling")),
    **dict.fromkeys(("described", "describes"), ("described", "describes", "describing")),
}
"""The words a claim says an act of saying or writing with, by the question's verb for it."""


def _says_act(verb: str, claim: str) -> bool:
    """Whether the claim says the act of saying or writing the question asks who did."""
    words = set(_WORD.findall(claim.lower()))
    return not words.isdisjoint(_ACTS.get(verb, (verb,)))


_WHO_DID = r"(?:\w+ )?who (?!(?:did|does|do|has|have|had|will|would|is|are|was|were|got)\b)(\w+)"
""""Who" followed by its verb ("who killed"): the doer is asked (compiled on first use)."""


def _says_doing(question: Question, own: frozenset[str]) -> bool:
    """For "who VERB ...": whether the fact's own words say the verb (or a word of its root),
    not only another word for it ("the death of Zawahiri" says no one killed him)."""
    found = re.match(_WHO_DID, question.text)
    if found is None:
        return True
    verb = stem(found.group(1))
    return verb not in question.weights or verb in own or _derived(verb, own)


def _happened_words(question: Question) -> frozenset[str]:
    """The question's words that say what happened ("signed", "released"): heavy enough, not
    naming what it is about, and no post, month or number."""
    about = question.named.union(*(forms for _, parts in question.names for forms in parts))
    return frozenset(
        word
        for word, weight in question.weights.items()
        if word not in about
        and weight >= _EVENT_WEIGHT
        and not _number(word)
        # A post ("who was president of the Council") is not what happened: the claim gives
        # it beside the name, in an aside as often as not (see _has_post).
        and word not in _PERSON_ROLES
        and word not in _CALENDAR_WORDS
        and word != question.head
    )


_BE = frozenset(_stems("be been being is are was were"))
_DO_SUPPORT = frozenset(_stems("do does did"))


def _fold_word(word: str) -> str:
    """fold() of one word (a run of \\w): in ASCII its lower case, as no apostrophe or digit
    grouping can be within it (fold's regex and table cost ~10 µs a word, and the claims'
    words are folded one by one). (Not cached: _claim_words is, a claim at a time.)"""
    return word.lower() if word.isascii() else fold(word)


def _stemmed(text: str) -> tuple[str, ...]:
    """The stems of a (folded) question's words, in order: read once a question."""
    return tuple(stem(word) for word in text.split())


_Words = tuple[tuple[re.Match[str], ...], tuple[str, ...], tuple[str, ...]]
"""A claim's words (runs of \\w) in order: where each is, each folded (_fold_word), and each
stemmed."""


@functools.lru_cache(maxsize=64)
def _claim_words(claim: str) -> _Words:
    """A claim's words (see _Words): several judgments of one fact read them (a figure's count,
    a time, a post), each once a question."""
    spans = tuple(_WORD.finditer(claim))
    if claim.isascii():  # each word's lower case, as _fold_word's, in one call for them all
        folded = tuple(_WORD.findall(claim.lower()))
    else:
        folded = tuple(_fold_word(span.group()) for span in spans)
    return spans, folded, tuple(map(stem, folded))


def _reversed(question: Question, claim: str, own: frozenset[str]) -> bool:
    """Whether the claim says what the question asks happened with its doer and the one it
    was done to the other way round: the question names one thing before its verb and another
    after it, and a clause of the claim with that verb names the second before it and the
    first after it, and not the first before it."""
    asked = _doer_asked(question)
    if asked is None or asked[0] not in own:
        return False
    verb_asked, doer, done_to = asked
    for sentence in _clauses(claim):
        for _, stems in sentence:
            if verb_asked not in stems:
                continue
            verb = stems.index(verb_asked)
            if verb and stems[verb - 1] in _BE:
                continue
            before, after = set(stems[:verb]), set(stems[verb + 1 :])
            if before & done_to and after & doer and not before & doer:
                return True
    return False


def _doer_asked(question: Question) -> tuple[str, set[str], set[str]] | None:
    """The verb of what the question asks happened, the words it names its doer by (before
    the verb) and those it names whom it was done to by (after it); None unless it names both
    in the active."""
    words = _stemmed(question.text)
    # "How many al-Qaeda-affiliated fighters did the UN report estimate ...?": after "do"
    # (English's auxiliary for a question whose subject is not its wh-phrase), the verb and its
    # subject come after it; a word before it is in the wh-phrase, what is asked about.
    helper = next((n for n, word in enumerate(words) if word in _DO_SUPPORT), -1)
    verbs = [n for n, word in enumerate(words) if word in question.happened]
    at = next((n for n in verbs if n > helper), None)
    if at is None:  # "Who paid al-Qaeda, and when did they?": a later "do" is no question's
        helper, at = -1, next(iter(verbs), None)
    if at is None or (at and words[at - 1] in _BE):
        return None  # a passive ("should the Taliban be removed") names the doer last
    doer = set(words[helper + 1 : at]) & question.named
    done_to = set(words[at + 1 :]) & question.named - doer
    if not doer or not done_to:
        return None
    return words[at], doer, done_to


_DID = r"(?:do|does|did) \w"
"""A yes/no question on a deed, its verb after "do" ("Did the US pay ...")."""


def _other_doer(question: Question, claim: str, named: dict[str, frozenset[str]]) -> bool:
    """For a yes/no question, whether every clause of the claim with its verb in the active
    names before it another the fact links, and not the doer asked: "Did the US pay the
    Taliban?" is not answered by "the Taliban would now pay a price" (the Taliban pay) nor
    by "al-Qaeda paid the Taliban", whatever the US did."""
    asked = _doer_asked(question)
    if asked is None or not re.match(_DID, question.text):
        return False  # ("Is ISIL a splinter group of al-Qaida?" asks what it is.)
    verb_asked, doer, _ = asked
    # The doer by any name the fact gives it ("the US" is "the United States").
    doer = doer.union(*map(question.group, doer))
    doer = doer.union(*(words for words in named.values() if not words.isdisjoint(doer)))
    others = [words - doer for words in named.values() if words.isdisjoint(doer)]
    said = False
    for sentence in _clauses(claim):
        for _, stems in sentence:
            if verb_asked not in stems:
                continue
            verb = stems.index(verb_asked)
            if verb and stems[verb - 1] in _BE:
                return False  # a passive names its doer after the verb, if at all
            # A clause after "that" has a subject of its own ("X said that Y would pay").
            opens = max((n + 1 for n in range(verb) if stems[n] == "that"), default=0)
            before = set(stems[opens:verb])
            if before & doer or not any(before & words for words in others):
                return False
            said = True
    return said


_RESPONSIBILITY = (  # compiled on first use (re caches it): only "who" questions need it
    r"\b(?:took|take|takes|claimed|claims|claim|accepted) responsibility\b"
)
"""Words with which someone says they did a deed ("ISIS-K claimed responsibility")."""
_SOUGHT = (  # compiled on first use (re caches it): only "who" questions need it
    r"(?i)\b(?:those|anyone|whoever|the people|the persons?) (?:responsible|behind)\b"
    r"|\b(?:suspected|accused|wanted|sought) (?:of|for|in)\b|\breward for information\b"
)
"""Words that seek or suspect someone of a deed, or give its doers as unnamed."""


def _near_what_happened(
    question: Question, fact: Fact, own: frozenset[str], who: Sequence[str], lookups: _Lookups
) -> set[str] | None:
    """Of those the fact names, the ones in a clause of its claim that says what the question
    asks happened, in the question's own verb after "who" ("signed", "killed"): who signed is
    not who witnessed the signing ("in the presence of ... Mike Pompeo"), who killed not who
    announced the death. Or in the sentence's first clause, when it opens with their name (the
    subject of an aside: "Baradar, the Taliban's co-founder, signed"). None when no such clause
    names anyone the fact links (then it cannot tell); none of them when it names only the one
    asked about ("al-Zawahiri was killed in a CIA drone strike": the fact does not say who).
    Without such a verb, the question's other words for what happened ("who decides
    exemptions to the travel ban") choose in the same way, but only where a clause with them
    names one of those the fact names."""
    # The verb after "who" says what happened ("who signed", "who killed"); nouns elsewhere
    # ("who wrote the Independent explainer") say about what.
    verb = re.search(r"\bwho (\w+)( (?:over|off|on|in|up|out|down)\b)?", question.text)
    strict = question.happened & {stem(verb.group(1))} if verb else frozenset()
    happened = strict or question.happened
    sought = re.search(_SOUGHT, fact.claim) if strict else None
    if sought:
        # "A reward for information on Ghafari, or on those responsible for the attack": a
        # claim that seeks or suspects someone, or gives the doers as unnamed, and says the
        # deed only after that, says no one it names did it.
        before = {stem(word) for word in _WORD.findall(fold(fact.claim[: sought.start()]))}
        if strict.isdisjoint(before) and not _derived(next(iter(strict)), before):
            lookups.out_of_role.add(fact.id)
            return set()
    owned = re.search(_RESPONSIBILITY, fact.claim) if strict else None
    if owned and strict.isdisjoint(own) and not _derived(next(iter(strict)), own):
        # "...; ISIS-Khorasan, the Islamic State's arm, took responsibility": the claim does
        # not say the deed in the question's verb, but says who owned it: whom the clause
        # before those words names (not the victims it names elsewhere, "13 US service members").
        clause = re.split(r"[;.]\s|\bwhich\b|\bwho\b", fact.claim[: owned.start()])[-1]
        words = set(tokens(clause))
        return {entity_id for entity_id in who if lookups.named_in(entity_id, words)}
    in_other_words = False
    if strict and (_PERSON_ROLES & question.group(next(iter(strict))) or (verb and verb.group(2))):
        # "Who leads / runs / heads X": a post, which a claim gives beside the name ("the de
        # facto leader of al-Qaeda, Saif al-Adel"), not a verb with its doer (see rule 7).
        # "Who took over X": a verb with a particle means what the verb's synonyms do not.
        pass
    elif strict and (
        not _says(question, next(iter(strict)), own)
        or _unsaid_deed(question, verb.group(1) if verb else "", own)
        or _only_before_another_verb(next(iter(strict)), fact.claim)
        or _only_as_noun(question, next(iter(strict)), fact.claim)
    ):
        # Neither the verb, nor a word of its root, nor any of the packs' words for it
        # (thesaurus): the fact does not say it happened, so no one it names did it ("Who
        # killed al-Zawahiri?" is not answered by whom he pledged allegiance to), nor does
        # the claim as a whole answer it.
        lookups.out_of_role.add(fact.id)
        return set()
    elif strict and strict.isdisjoint(own) and not _derived(next(iter(strict)), own):
        # Told in the packs' other words for it ("who killed X": "the death of X", "X died"):
        # who did it is still only whom such a clause names as doing it (before the word, not
        # as a possessive, or after "by"); "rumours of the death of al-Qaeda's leader
        # al-Zawahiri" says no one killed him, and al-Qaeda is his, not his killer.
        happened = question.group(next(iter(strict))) & own
        in_other_words = bool(happened)
    if happened.isdisjoint(own):
        return None  # the fact does not say it in the question's words
    near: set[str] = set()
    precise: set[str] = set()
    said = agentless = False
    for sentence in _clauses(fact.claim):
        clauses = [
            (number, words, next(at for at, word in enumerate(stems) if word in happened))
            for number, (words, stems) in enumerate(sentence)
            if not happened.isdisjoint(stems)
        ]
        if not clauses:
            continue
        opening = sentence[0][0]
        # "bin Laden was killed by US forces": in the passive, a name before the verb is who it
        # was done to; who did it follows "by", or the claim does not say.
        passive = {
            number
            for number, (words, stems) in enumerate(sentence)
            for at, word in enumerate(stems)
            if word in happened and at and stems[at - 1] in _BE
        }
        for entity_id in fact.entities():
            names = _written(entity_id, lookups)
            # A possessive names an owner, not who did it ("Al-Qaeda's leader ... was killed");
            # a name after the verb is what it was done to, unless "by" gives it ("signed by");
            # a clause that opens with "who" did it to what it names: who did it closes the
            # clause before ("Ravan Farhadi, who represented the Northern Alliance fighting
            # the Taliban": Farhadi, not the Taliban).
            antecedent = any(
                words[:1] in (("who",), ("which",))
                and number
                and number not in passive
                and any(
                    end == len(sentence[number - 1][0])
                    for _, end in _name_spans(sentence[number - 1][0], names)
                )
                for number, words, _ in clauses
            )
            named = antecedent or any(
                words[end : end + 1] != ("s",)
                and (
                    "by" in words[max(start - 2, 0) : start]
                    or (start < verb and number not in passive)
                )
                for number, words, verb in clauses
                for start, end in _name_spans(words, names)
            )
            said = said or named
            if entity_id in who and antecedent:
                precise.add(entity_id)
            if entity_id in who and (
                named
                or (
                    not passive
                    and any(
                        start == 0 and opening[end : end + 1] != ("s",)
                        for start, end in _name_spans(opening, names)
                    )
                )
            ):
                near.add(entity_id)
        if passive and strict and not said:
            agentless = True
    if precise:  # the relative clause's own subject, not the sentence's ("son of X, who founded")
        return precise
    if agentless or (in_other_words and not said):
        # "was killed by US forces", "the death of X": it says to whom, and by no one it names
        return set()
    if not said or (not near and not strict):
        return None  # only the verb after "who" tells that the claim names no one who did it
    return near


_SAYING_VERBS = frozenset(
    _stems("announce announced say said says tell told confirm confirmed report reported")
)
"""Verbs of telling: whoever only tells of what happened ("President Biden announced his death")
is not who did it or had it done to them."""
_ACTING = _PERSON_ROLES | frozenset(
    _stems("leadership government regime forces troops army members fighters council chief head")
)
"""Nouns whose owner acts through them: "the Taliban's chief", "al-Qaeda's leadership considers"."""
_SUCCESSION = frozenset(_stems("succeed succeeded replace replaced successor"))
_BEGINNING = frozenset(
    _stems(
        "became become succeeded succeed replaced replace successor appointed named elected new "
        "now took assumed sworn"
    )
)
"""Words a claim says someone came into a post with: who succeeded someone is only in such a
clause ("Zawahiri became head of al-Qaeda in 2011, after its leader bin Laden was killed")."""
_ENDING = frozenset(
    _stems(
        "died dead death killed assassinated succeeded replaced successor predecessor removed "
        "ousted resigned"
    )
)
"""Words a claim says someone left a post with: whom a successor succeeded is in their sentence."""
_LEFT = _ENDING - _BEGINNING
"""Of those, the words that say only the leaving ("killed his predecessor X", "X's death")."""
_PARTICIPLES = frozenset(
    (
        "born",
        "shot",
        "held",
        "hit",
        "caught",
        "sent",
        "put",
        "set",
        "left",
        "kept",
        "brought",
        "built",
        "sworn",
        "sold",
        "told",
        "found",
        "struck",
        "met",
        "hurt",
        "seen",
        "taken",
        "given",
        "chosen",
        "driven",
    )
)
_PASSIVE_QUESTION = r"\bwho (?:was|were|is|are|has been|have been|had been|got|gets) (\w+)\b"
"""A question in the passive ("Who was killed in 2022?") asks for whom it was done to."""
_SIDE = r"\bfor (?:the )?(\w+(?: \w+)?)"  # compiled on first use: "who negotiated for the US"


class _Role(msgspec.Struct, frozen=True):
    """The role a "who" question asks about, as _in_role reads it (once a question). (A
    Struct, as Question is: made in C.)"""

    asked: frozenset[str]
    """The question's stems."""
    verb: str | None
    """For a question in the passive ("who was killed"), the verb's stem."""
    succession: bool
    """Whether it asks who came into a post after someone (see _succession)."""
    posts: frozenset[str]
    """The posts it names, with their synonyms."""
    side: frozenset[str]
    """The words of "for X" ("for the US"): the side asked about."""
    kin: frozenset[str] = frozenset()
    """The nouns of a person the question asks for that are no post ("the suicide bomber",
    "Zawahiri's wife", "his deputy"): the claim must give one to whom it names."""


_TELLING = ("announc", "said", "say", "told", "tell", "confirm", "report")


def _may_tell_or_own(claim: str, words: Sequence[str]) -> bool:
    """Whether a claim may have a verb of telling, or one of these (folded) name words as a
    possessive (a plain text test, before reading its clauses)."""
    lowered = claim.lower()  # (folding would drop the apostrophe)
    return any(verb in lowered for verb in _TELLING) or any(
        f"{word}'s" in lowered or f"{word}’s" in lowered for word in words
    )


def _read_role(question: Question) -> _Role:
    """The role a "who" question asks about (see _Role)."""
    passive = re.search(_PASSIVE_QUESTION, question.text)
    verb = None
    if passive and ((word := passive.group(1)).endswith(("ed", "en")) or word in _PARTICIPLES):
        verb = stem(word) if stem(word) in question.happened else None
    # A post the question names ("who is the leader of"), or one its verb is ("who leads";
    # not asked of now, when rule 7 chooses among all a claim names: "X's leader was A in the
    # 2000s and is now B").
    roles = _PERSON_ROLES & question.weights.keys()
    if not roles and _NOW.isdisjoint(_stemmed(question.text)):
        roles = frozenset(w for w in question.happened if _PERSON_ROLES & question.group(w))
    posts = frozenset(word for role in roles for word in question.group(role))
    side: frozenset[str] = frozenset()
    if " for " in question.text and (found := re.search(_SIDE, question.text)):
        side = frozenset(word for word in found.group(1).split() if stem(word) in question.weights)
    kin = question.group(question.head) if question.head in _KIN else frozenset()
    return _Role(frozenset(_stemmed(question.text)), verb, _succession(question), posts, side, kin)


def _in_role(question: Question, fact: Fact, who: list[str], lookups: _Lookups) -> list[str]:
    """Of those a "who" answer would name, the ones the claim gives the role the question asks
    about: not whoever only tells of it ("announced his death"), nor a name owning another noun
    ("George W Bush's War on Terror" names no Taliban leader); for a question in the passive
    ("who was killed"), whom it was done to; for a succession ("who succeeded bin Laden"), who
    came into the post; for a post ("who is the leader of"), who is given that post, when the
    claim gives it to some ("its leader Abu Bakr al-Baghdadi", not "Isis's spokesman ..."); for
    a side ("who negotiated for the US"), not who acts for another ("Baradar led the Taliban's
    negotiating team", "Baradar for the Taliban")."""
    if not who:
        return who
    if lookups.role is None:
        lookups.role = _read_role(question)
    role = lookups.role
    asked, verb, succession, posts = role.asked, role.verb, role.succession, role.posts
    side_words = role.side
    if not (verb or succession or posts or side_words or role.kin) and not _may_tell_or_own(
        fact.claim,
        [word for entity_id in who for name in _written(entity_id, lookups) for word in name],
    ):
        return who  # no check can apply: the claim neither tells nor has their possessive
    sentences = _clauses(fact.claim)
    kept: list[str] = []
    posted: list[str] = []
    claimed = {word for sentence in sentences for _, stems in sentence for word in stems}
    for entity_id in who:
        names = _written(entity_id, lookups)
        every = frozenset().union(*names)
        mentions = [
            (words, stems, start, end, number)
            for number, sentence in enumerate(sentences)
            for words, stems in sentence
            if not every.isdisjoint(words)
            for start, end in _name_spans(words, names)
        ]
        if not mentions:
            if not side_words:  # named only in a way the clauses do not show: cannot tell
                kept.append(entity_id)
            continue
        if not _SAYING_VERBS & asked and all(
            not _SAYING_VERBS.isdisjoint(stems[end : end + 2]) for _, stems, _, end, _ in mentions
        ):
            continue  # only tells of it
        if all(
            words[end : end + 1] == ("s",)
            and end + 1 < len(words)
            and stems[end + 1] not in asked
            and _ACTING.isdisjoint(stems[end + 1 : end + 3])
            for words, stems, _, end, _ in mentions
        ):
            continue  # owns another noun
        if (
            verb is not None
            and not any(
                _done_to(stems, start, end, verb)
                # "Mullah Mohammad Yaqoob, Mullah Omar's son, was named defence minister": the
                # sentence opens with the name, and a later clause with the verb in the passive.
                or (
                    start == 0
                    and sentences[number][0][1] == stems
                    and any(
                        len(clause) > 1 and clause[0] in _BE and clause[1] == verb
                        for _, clause in sentences[number][1:]
                    )
                )
                for _, stems, start, end, number in mentions
            )
        ):
            continue
        if succession and not any(
            _came_in(stems, (start, end), sentences[number], claimed, question)
            for _, stems, start, end, number in mentions
        ):
            continue
        if side_words and _other_side(mentions, side_words, lookups):
            continue
        if role.kin and not any(
            not role.kin.isdisjoint(stems[max(start - _KIN_NEAR, 0) : start])
            or not role.kin.isdisjoint(stems[end : end + _KIN_NEAR])
            for _, stems, start, end, _ in mentions
        ):
            # "Who was the suicide bomber?": not the general who apologised for a strike
            # "meant to stop an Islamic State suicide bomber" -- the claim gives him no such role.
            continue
        kept.append(entity_id)
        if posts and any(
            not posts.isdisjoint(stems[max(start - 3, 0) : start])
            for _, stems, start, _, _ in mentions
        ):
            posted.append(entity_id)
    if posts and kept and not posted and _titles_another(question, fact, posts, lookups):
        # "Kestria's President Ada Rook described ... crews tied to Olaf Benn": the claim gives
        # the post to the one it is the title of; those merely named do not hold it.
        return []
    return posted or kept


def _titles_another(
    question: Question, fact: Fact, posts: frozenset[str], lookups: _Lookups
) -> bool:
    """Whether the claim writes one of the posts as a title (capitalised) before the name of a
    person it links whom the question does not name ("President Clinton"; not "Leadership
    Council", nor "Taliban Leader Mullah Omar" asked who succeeded Mullah Omar)."""
    spans, _, stems = _claim_words(fact.claim)
    people = [
        name
        for entity_id in fact.entities()
        if _kind(entity_id, lookups.catalog) is EntityKind.PERSON
        for name in _written(entity_id, lookups)
    ]
    for n, word in enumerate(stems):
        if word not in posts or not spans[n].group()[0].isupper():
            continue
        end = n + 1
        while (
            end < len(spans)
            and spans[end].group()[0].isupper()
            and not fact.claim[spans[end - 1].end() : spans[end].start()].strip()
        ):
            end += 1
        run = {fold(span.group()) for span in spans[n + 1 : end]}
        if question.named.isdisjoint(stems[n + 1 : end]) and any(
            name and not run.isdisjoint(name) for name in people
        ):
            return True
    return False


def _role_words(question: Question) -> tuple[str, ...]:
    """The words of a "who" question that say the role asked (see _in_role), as written: the
    side of "for the US", else the verb of what happened."""
    if " for " in question.text and (side := re.search(_SIDE, question.text)):
        return tuple(word for word in side.group(1).split() if stem(word) in question.weights)
    return tuple(question.spelled[word] for word in sorted(question.happened))


def _done_to_asked(question: Question, fact: Fact) -> bool:
    """Whether the claim, where it says what the question asks happened in its verb after
    "who", says it of what the question names: "Who killed Zawahiri?" is not answered by
    "... after its leader Osama bin Laden was killed" in a fact on Zawahiri."""
    verb = re.match(r"who (\w+)", question.text)
    happened = question.happened & {stem(verb.group(1))} if verb else frozenset()
    if not happened:
        return True
    clauses = [stems for sentence in _clauses(fact.claim) for _, stems in sentence]
    said = [stems for stems in clauses if not happened.isdisjoint(stems)]
    # ("... was killed ...; President Biden announced his death": "his" is the one named.)
    return not said or any(
        not (question.named | _PRONOUNS_OF_THE_NAMED).isdisjoint(stems) for stems in said
    )


_PRONOUNS_OF_THE_NAMED = frozenset(stem(word) for word in ("him", "his", "her", "them", "their"))


def _succession(question: Question) -> bool:
    """Whether the question asks who came into a post after someone: "Who succeeded bin
    Laden?", "who became the leader after Zawahiri?"."""
    if _SUCCESSION & question.happened or "successor" in question.weights:
        return True
    return (
        " after " in question.text
        and "bec" in question.text
        and re.search(_BECOME + r".* after \w", question.text) is not None
    )


def _came_in(
    stems: Sequence[str],
    span: tuple[int, int],
    sentence: Sequence[tuple[Sequence[str], Sequence[str]]],
    claim: set[str],
    question: Question,
) -> bool:
    """Whether a clause naming someone (at span) says they came into a post, in a claim
    (its stems) that names one the question names and says someone left it: "Zawahiri became head of
    al-Qaeda in 2011, after its leader Osama bin Laden was killed" (Zawahiri, not bin Laden);
    "Saif al-Adel, from Egypt, is now the de facto leader ..., Zawahiri's death" (the sentence
    opens with his name); not whom the leaving is said of beside their name ("appointed after
    a drone strike killed his predecessor Mullah Akhtar Mansour")."""
    if question.named.isdisjoint(claim) or _ENDING.isdisjoint(claim):
        return False
    start, end = span
    if not _LEFT.isdisjoint(stems[max(start - 3, 0) : start]) or not _LEFT.isdisjoint(
        stems[end : end + 3]
    ):
        return False
    every = {word for _, clause in sentence for word in clause}
    if not _BEGINNING.isdisjoint(stems):
        return True
    opens = sentence[0][1] == stems and start == 0
    return opens and _ENDING.isdisjoint(stems) and not _BEGINNING.isdisjoint(every)


def _done_to(stems: Sequence[str], start: int, end: int, verb: str) -> bool:
    """Whether a name in a clause is whom the verb was done to: before it in the passive ("al-
    Zawahiri was killed"), after it in the active ("a drone strike killed al-Zawahiri")."""
    if verb not in stems:
        return False
    at = stems.index(verb)
    if at and stems[at - 1] in _BE:
        return end <= at
    return start > at and "by" not in stems[at:start]


def _other_side(
    mentions: Sequence[tuple[Sequence[str], Sequence[str], int, int, int]],
    side: frozenset[str],
    lookups: _Lookups,
) -> bool:
    """Whether the claim does not put the person with the party the question names ("for the
    US"), by any name of the candidates' entities, beside the person's name: "X for the United
    States", "X, the US Special Representative" do; "Taliban co-founder X", "X for the
    Taliban", "X led the Taliban's team" put them with another."""
    marks: set[bool] = set()  # whether each party beside the name is the side asked about
    for words, stems, start, end, _ in mentions:
        for entity_id, names in lookups.all_written():
            for first, stop in _name_spans(words, names):
                # ("X for the United States and Baradar": the United States are X's.)
                before = (
                    start - 3 <= first
                    and stop <= start
                    and "and" not in words[stop:start]
                    and words[first - 1 : first] != ("for",)
                )
                after = end <= first <= end + 6 and (
                    "for" in words[max(first - 2, end) : first]
                    or words[stop : stop + 1] == ("s",)
                    or not _ACTING.isdisjoint(stems[stop : stop + 2])
                )
                if before or after:
                    marks.add(
                        bool(side & set(words[first:stop])) or lookups.named_in(entity_id, side)
                    )
    return True not in marks


_POST_NEAR = 8
"""How near (in words) a claim gives a post and what it is a post of: "prime minister, Mullah
Mohammad Hasan Akhund, in the Taliban's new government"."""


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


_REPORTED_ASKED = _SAYING | frozenset(map(stem, _REPORTING))
"""A question with one of these words asks when something was said or reported."""


def _dates_a_report(claim: str, year: int) -> bool:
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


def _happened_later(happened: frozenset[str], claim: str) -> bool:
    """Whether the claim says what the question asks happened only at a time it gives relative
    to its date ("... was adopted the next day"): within a few words of that time."""
    if not happened or not re.search(_LATER, claim):
        return False
    later = [found.span() for found in re.finditer(_LATER, claim)]
    spans, _, stems = _claim_words(claim)
    said = [span.start() for span, word in zip(spans, stems, strict=True) if word in happened]
    return bool(said) and all(
        any(start - _LATER_NEAR <= at <= end + _LATER_NEAR for start, end in later) for at in said
    )


_LATER_NEAR = 20
"""How near (in characters) the relative time is to the word for what happened."""


_APPEAR = r"\bappear(?:s|ed|ing)?\b(?!-)([^\w]*)(\w*)(?: (\w+))?"
"""A claim's "appear" and the words after it: compiled on first use, only for questions asking
when (or where) something appeared."""
_EMERGING_AFTER = frozenset(
    ("in", "on", "at", "as", "from", "during", "after", "before", "since", "first", "around")
)
"""Words after "appear" when it says something came into being or view ("appeared in 1994"):
"appear" followed by anything else ("appear closely aligned", "appear to be", "appears that")
is "seem"."""


def _only_seems(question: Question, claim: str) -> bool:
    """Whether the question asks of something appearing (coming into being: when, where) and
    the claim says "appear" only as "seem", and no other word for it."""
    if stem("appear") not in question.weights or "appear" not in claim.lower():
        return False
    if (question.group(stem("appear")) - {stem("appear")}) & set(tokens(claim)):
        return False  # it says so in another word ("emerged")
    for found in re.finditer(_APPEAR, claim.lower()):
        between, after, then = found.groups()
        if between.strip() or not after or after in _EMERGING_AFTER:
            return False  # at a clause's end, or before a place or time: came into being
        if after == "to" and then in ("the", "a", "an"):
            return False  # "appeared to the public"
    return True


_OBJECT_NEAR = 6
"""How many words after the verb a name may be to be its object ("named Akhundzada leader",
"to extend, for 90 days, the exemption")."""
_WHEN_PASSIVE = r"\bwhen (?:was|were|is|are|has been|have been|had been) ((?:[\w-]+ ){1,8})"
"""A "when" question in the passive ("When was Akhundzada named leader?"): compiled on first
use."""


def _deed_of_another(question: Question, claim: str) -> bool:
    """Whether the claim says what a "when" question in the passive asks was done ("named",
    or a synonym: "founded", "the establishment of") only to someone or something else than its
    subject (the words before the verb): in no
    sentence with the verb is a word of the subject before it (its subject) or just after it
    (its object). Only where the claim has both the verb and a word of the subject."""
    if not question.happened or (found := re.search(_WHEN_PASSIVE, question.text + " ")) is None:
        return False
    words = found.group(1).split()
    verb = next(
        (
            n
            for n, word in enumerate(words)
            if stem(word) in question.happened
            and (word.endswith(("ed", "en")) or word in _PARTICIPLES)
        ),
        None,
    )
    if not verb:
        return False
    subject = {stem(word) for word in words[:verb]} & question.weights.keys()
    deed = question.group(stem(words[verb]))  # with its synonyms ("established", "founded")
    both = False
    written = question.raw.lower()
    for sentence in re.split(_SENTENCE, claim):
        # A hyphenated name the question does not write is its last part, its head: "ISIS-K"
        # is no "ISIS", "al-Zawahiri" is "Zawahiri".
        stems = tokens(
            re.sub(
                _HYPHENATED,
                lambda found: (
                    found.group()
                    if found.group().lower() in written
                    else found.group().rsplit("-", 1)[-1]
                ),
                sentence,
            )
        )
        done = [n for n, word in enumerate(stems) if word in deed]
        named = [n for n, word in enumerate(stems) if word in subject]
        if not done or subject.isdisjoint(tokens(sentence)):
            continue
        both = True
        if any(at < n or n < at <= n + _OBJECT_NEAR for n in done for at in named):
            return False
    return both


def _dates_a_source(claim: str, year: int) -> bool:
    """Whether the claim gives the fact's year only in an attribution: then the fact's date is
    when a source said it ("Leon Panetta is a former US defence secretary, as The Independent
    describes him in September 2021" does not say when he was), no answer to "when"."""
    if str(year) not in claim or not any(verb in claim for verb in _ATTRIBUTING):
        return False
    said = [at.start() for at in re.finditer(str(year), claim)]
    spans = [found.span() for found in re.finditer(_SOURCE_CLAUSE, claim)]
    return all(any(start <= at < end for start, end in spans) for at in said)


_SUBORDINATE_POST = frozenset(_stems("deputy deputies vice assistant"))
"""Words that make a post another, lower one: a deputy (or "deputy to the") prime minister, a
vice-president or an assistant secretary is not the prime minister, president or secretary."""
_FORMER = frozenset(_stems("former ex erstwhile"))
"""Words that say a post was held before: no answer to who holds it now."""
_SUBORDINATE_REACH = 5
"""How many words before the post such a word may be ("deputy to the acting prime minister")."""
_INDEFINITE = frozenset(("a", "an"))
"""Articles that make a post one of several ("a senior leader of the network"): no answer to
who holds it ("who runs the network", "who is its leader")."""


def _post_only_subordinate(question: Question, fact: Fact) -> bool:
    """Whether every mention of a post a "who" question asks about (by its noun, or by the
    verb of its holder: "who runs X") in the claim is made another by a word before it in its
    clause: "deputy", "vice", "assistant" (and, for a question in the present tense, "former");
    or, the question asking for the one who holds it, one of several ("a senior leader")."""
    asked = _PERSON_ROLES & question.weights.keys() or {
        role for word in question.weights for role in _PERSON_ROLES & question.group(word)
    }
    if not asked:
        return False
    if not _SUBORDINATE_POST.isdisjoint(question.weights):
        return False  # "who is the deputy leader" asks for the lower post
    posts = set().union(*map(question.group, asked))
    claim = fact.claim
    spans, _, stems = _claim_words(claim)  # (read once a claim, as other rules read it)
    at = [n for n, word in enumerate(stems) if word in posts]
    if not at:
        return False
    one_of = not re.search(r"\b(?:an?|one of)\b", question.text)
    lower = _SUBORDINATE_POST
    if re.match(_WHO_IS, question.text) and not re.match(r"who (?:was|were)\b", question.text):
        lower = lower | _FORMER
    for n in at:
        before: list[str] = []  # the words before it in its clause, nearest first
        for m in range(n - 1, max(-1, n - 1 - _SUBORDINATE_REACH), -1):
            if _CLAUSE_END.search(claim[spans[m].end() : spans[m + 1].start()]):
                break
            before.append(stems[m])
        if lower.isdisjoint(before) and not (one_of and _INDEFINITE.intersection(before[:2])):
            return False
    return True


def _post_of_in(question: Question, claim: str, named: dict[str, frozenset[str]]) -> bool:
    """Whether the claim gives the post asked about as one of what the question says it is a
    post of: within eight words of it ("Afghanistan's president", "prime minister, ... in the
    Taliban's new government"), or, when the fact links it, with no other name before the post
    ("was named acting prime minister"; not "the US president", and not a post opening the
    claim, whose capital tells nothing)."""
    assert question.head is not None
    posts = question.group(question.head)
    of = set().union(*map(question.group, question.post_of))
    spans, _, stems = _claim_words(claim)
    at = [
        n
        for n, word in enumerate(stems)
        if word in posts and ("-" not in claim or not _post_of_a_branch(question, claim, spans, n))
    ]
    if any(
        word in of
        and any(abs(n - m) <= _POST_NEAR for m in at)
        and not _in_another_compound(question, claim, spans[n])
        for n, word in enumerate(stems)
    ):
        return True
    linked = any(of & words for words in named.values())
    return linked and any(
        # At a sentence's or a clause's start a capital tells nothing ("President Biden has
        # expressed", "...; President Biden approved").
        n > 0
        and not _CLAUSE_END.search(claim[spans[n - 1].end() : spans[n].start()])
        and (not spans[n - 1].group()[0].isupper() or stems[n - 1] in of)
        for n in at
    )


_CLAUSE_END = re.compile(r"[.;:!?]")


def _in_another_compound(question: Question, claim: str, word: re.Match[str]) -> bool:
    """Whether the claim writes the word in a hyphenated name that the question does not
    write, whose head (its last part) the question does not say though it says another part:
    "ISIS-K" (a branch of ISIS) asked as "ISIS". Not "al-Zawahiri" asked as "Zawahiri"."""
    if claim[word.end() : word.end() + 1] != "-" and claim[word.start() - 1 : word.start()] != "-":
        return False  # (most words: no regular expression)
    lowered = claim.lower()
    before = re.search(r"[\w-]*\Z", lowered[: word.start()])
    after = re.match(r"[\w-]*", lowered[word.start() :])
    compound = (before.group() if before else "") + (after.group() if after else "")
    if "-" not in compound or compound in question.raw.lower():
        return False
    *parts, head = compound.split("-")
    asked = set(_WORD.findall(question.raw.lower()))
    return head not in asked and not asked.isdisjoint(parts)


def _post_of_a_branch(
    question: Question, claim: str, spans: Sequence[re.Match[str]], n: int
) -> bool:
    """Whether the post at word n is said to be one of a name the claim writes joined by a
    hyphen to more than the question writes ("head of ISIS-K", "ISIS-K's leader", "the ISIS-K
    leader"): a branch ("ISIS-K") is not what it is a branch of ("ISIS")."""
    words = [span.group().lower() for span in spans[n + 1 : n + 4]]
    if words[:1] == ["of"] and len(words) > 1:
        owner = n + 3 if words[1] == "the" and len(words) > 2 else n + 2
        return _in_another_compound(question, claim, spans[owner])
    if (
        n >= 2
        and spans[n - 1].group().lower() == "s"
        and claim[spans[n - 2].end() : spans[n - 1].start()] in ("'", "\u2019")
    ):
        return _in_another_compound(question, claim, spans[n - 2])  # "ISIS-K's leader"
    return (
        n >= 1
        and claim[spans[n - 1].end() : spans[n].start()] == " "
        and _in_another_compound(question, claim, spans[n - 1])  # "the ISIS-K leader"
    )


def _has_post(question: Question, claim: str, entity_id: str, lookups: _Lookups) -> bool:
    """Whether the claim puts the post the question asks about (its head noun, when that is a
    post) just before the person's name: "US ambassador Linda Thomas-Greenfield", "the President
    of the Security Council, Jean Levitte" (five words at most, in one sentence)."""
    head = question.head
    if head is None or head not in _PERSON_ROLES:
        return False
    posts = question.group(head)
    # "The ambassador to Afghanistan": the phrase after the post says which post; the claim must
    # say it beside the post too (an ambassador to the UN is not the one asked about).
    which = [
        stem(word)
        for word in re.findall(
            rf"\b{re.escape(question.spelled.get(head, head))} (?:of|to|for|at) (?:the )?"
            r"((?:[^\W\d_]+ ?){1,2})",
            question.text,
        )[:1]
        for word in word.split()
        if stem(word) not in _FUNCTION_WORDS
    ]
    names = _written(entity_id, lookups)
    for sentence in re.split(_SENTENCE, re.sub(_ASIDE, " ", claim)):
        words = _WORD.findall(fold(sentence))
        stems = [stem(word) for word in words]
        for start, _ in _name_spans(words, names):
            at = [n for n in range(max(0, start - 5), start) if stems[n] in posts]
            if at and all(
                any(question.group(w) & set(stems[n : n + 7]) for n in at) for w in which
            ):
                return True
    return False


def _naming_words(
    question: Question, candidates: Sequence[Hit], lookups: _Lookups
) -> frozenset[str]:
    """The question's words that name an entity of a candidate fact, where the question names
    it: most of the words of one of its names, as written or inflected ("Taliban's"), not only
    their stems ("govern Afghanistan" does not name the Government of Afghanistan)."""
    by_stem: dict[str, list[tuple[str, str]]] = {}
    for word, raw in question.spelled.items():
        if word in question.weights:
            by_stem.setdefault(stem(raw), []).append((raw, word))
            if stem(raw) != word:  # a typo corrected ("Akhunzada"): the name it was read as
                by_stem.setdefault(word, []).append((raw, word))
    named: set[str] = set()
    for entity_id in {entity_id for hit in candidates for entity_id in hit.fact.entities()}:
        for name in lookups.written_names(entity_id):
            # A part of the name as written, or with a short ending ("Taliban's"), not another
            # word of the same stem ("government" for "govern").
            found = {
                word: part
                for part in name
                for raw, word in by_stem.get(stem(part), ())
                if abs(len(raw) - len(part)) <= 2
            }
            if len(set(found.values())) * 2 > len(name):
                named |= found.keys()
    return frozenset(named)


def _names_a_speaker(words: Sequence[str], candidates: Sequence[Hit], lookups: _Lookups) -> bool:
    """Whether words name a person or organisation among the candidates, or the role of the
    speaker of a candidate quote ("the secretary of state")."""
    for hit in candidates:
        details = hit.fact.details
        if isinstance(details, Quote) and set(words) <= set(tokens(details.speaker_role or "")):
            return True
        for entity_id in hit.fact.entities():
            kind = _kind(entity_id, lookups.catalog)
            if kind in (EntityKind.PERSON, EntityKind.ORGANIZATION) and lookups.named_in(
                entity_id, words
            ):
                return True
    return False


def _counts_in_claim(question: Question, claim: str) -> bool:
    """Whether the claim gives a number of what is counted (see _count_in_claim)."""
    return _count_in_claim(question, claim) is not None


def _count_in_claim(question: Question, claim: str) -> str | None:
    """Where the claim gives a number of what is counted (or, for "how long", of days, months,
    years ...), that phrase as the claim words it."""
    count = _any_count_in_claim(question, claim)
    if count is None or _vague(count):
        return None
    return count


_SCALES = frozenset(
    [
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
        "dozens",
    ]
)
"""Words that scale a number, and say none alone ("a trillion dollar investment", "thousands
of fighters")."""


_NONE = frozenset(("no", "zero"))
"""Words that count none of what follows them ("no woman member"): a number, zero."""
_HAVING = frozenset(
    ("had", "has", "have", "having", "with", "was", "were", "is", "are", "included", "includes")
)
"""Words after which "no X" counts the X there are: "had no woman member", "there were no"."""


def _vague(count: str) -> bool:
    """Whether a count gives no number: only a word that scales one ("trillion dollar")."""
    return not any(
        word.isdigit() or (word in _NUMBER_WORDS and word not in _SCALES) or word in _NONE
        for word in count.lower().replace("-", " ").replace(",", "").split()
    )


def _any_count_in_claim(question: Question, claim: str) -> str | None:
    """_count_in_claim's phrase, however vague."""
    if question.wants is Wants.DURATION:
        if _RELATIVE.isdisjoint(question.text.split()):
            # "How long were the sanctions to last?": "established for 12 months", not "to take
            # effect one month after its adoption" (a time, given from another).
            lasting = _number_before(claim, _TIME_UNITS, relative=False)
            if lasting is not None:
                return lasting
        return _number_before(claim, _TIME_UNITS)
    if question.measure:
        return _number_near(claim, set().union(*map(question.group, question.measure)))
    if not question.counted:
        return None
    owners = _owners(question)
    # A number counts the noun it comes before, not a name that says whose they are: "13
    # British troops", not "13 August 2021 UK Defence Secretary" (a count of UKs). The words
    # the question writes as a name (capitalised, or naming something) are not what is counted.
    counted = (
        tuple(
            word
            for word in question.counted
            if word not in question.named and not question.spelled.get(word, "")[:1].isupper()
        )
        or question.counted
    )
    count = _number_before(
        claim, set().union(*map(question.forms, counted)), [*map(question.group, owners)]
    )
    if count is not None and _of_something_else(question, tokens(claim), owners):
        return None  # "al-Qaeda's estimated 200-500 men along the Afghan-Pakistani border"
    return count


_DEATHS = frozenset(_stems("die died dies dead death deaths kill killed fatalities"))
"""Words that ask how many died."""
_HURT = frozenset(_stems("injured injury injuries wounded hurt casualties"))
"""Words that ask how many were hurt (or hurt and killed: "casualties")."""
_HURT_REACH = 30
"""How many characters from a count "killed or injured" may be, to be said of it."""
_DEAD_OR_HURT = (  # compiled on first use (re caches it): only "how many" questions need it
    r"\b(?:killed|dead|died) (?:or|and(?:/or)?) (?:injured|wounded|hurt)\b"
    r"|\b(?:injured|wounded|hurt) (?:or|and(?:/or)?) (?:killed|dead)\b"
)
"""A count of the dead and the hurt together, which says how many of them died."""
_A_RATE = (  # compiled on first use (re caches it): only "how many" questions need it
    r"\b(?:a|per|each|every|an) (?:year|month|week|day|hour)\b"
    r"|\b(?:annual(?:ly)?|monthly|weekly|daily)\b"
)
"""A figure of so much in a time, not of what is held."""
_ORDINAL_POST = (
    r"\b(first|last|final) (?:\w+ )?(?:leader|head|chief|chair|chairman|emir|president)\b"
)
"""An ordinal before a post ("the first leader of al-Qaeda"): which of its holders is asked.
(Compiled on first use: only "who" questions need it.)"""
_ORDINALS = {"first": frozenset(("first",)), "last": frozenset(("last", "final"))}
_ORDINALS["final"] = _ORDINALS["last"]
"""The words with which a claim says, before a post, which holder of it someone was."""
_FOUNDER = frozenset(_stems("founder founders founded cofounder"))
"""The first holder of a group's post is its founder."""


def _says_ordinal(question: Question, ordinal: str, head: str, claim: str) -> bool:
    """Whether the claim says which holder of the post (head) someone was as asked: the
    ordinal just before the post's word ("its first leader"), or, for the first, a founder."""
    stems = tokens(claim)
    if ordinal == "first" and any(
        word in _FOUNDER and not question.named.isdisjoint(stems[max(0, at - 4) : at + 5])
        for at, word in enumerate(stems)
    ):
        return True  # a founder of what the question names ("the founder of the Taliban")
    posts = question.group(head)
    return any(
        word in _ORDINALS[ordinal] and not posts.isdisjoint(stems[at + 1 : at + 3])
        for at, word in enumerate(stems)
    )


_ELSEWHERE = _PREPOSITIONS | frozenset(
    _stems("along alongside around inside outside beside in on at from into onto over under")
)
"""Prepositions after which a word says where or what else ("men along the Afghan border"),
not whose what is counted are ("soldiers of the Afghan army")."""


def _of_something_else(question: Question, stems: Sequence[str], owners: Sequence[str]) -> bool:
    """Whether a word the question puts before what it counts ("Afghan" of "Afghan soldiers")
    is, in these words (a figure's unit, a claim), only after what they count and after a
    preposition that makes it another thing's ("men along the Afghan-Pakistani border")."""
    head = question.counted_head
    if head is None:
        return False
    group = question.group(head)
    at = next((n for n, word in enumerate(stems) if word in group), None)
    if at is None:
        return False
    for word in question.counted:
        if word == head or word in question.named or word in owners:
            continue
        forms = question.group(word)
        if any(w in forms for w in stems[max(0, at - 3) : at]):
            continue  # said of what is counted, before it
        later = [n for n in range(at + 1, len(stems)) if stems[n] in forms]
        if later and any(stems[n] in _ELSEWHERE for n in range(at + 1, later[0])):
            return True
    return False


def _number_near(claim: str, measure: set[str]) -> str | None:
    """A number (not a year) beside a word naming the measure, at most three words before it
    ("60 years old") or four after ("a population of 38 million", "aged 60"), in one phrase:
    that phrase as the claim words it."""
    if (before := _number_before(claim, measure)) is not None:
        return before
    spans, words, stems = _claim_words(claim)
    if measure.isdisjoint(stems):
        return None
    for n, word_stem in enumerate(stems):
        if word_stem not in measure:
            continue
        for end in range(n + 1, min(len(words), n + 5)):
            phrase = claim[spans[n].start() : spans[end].end()]
            if re.search(r"[^\w\s,.-]", phrase):
                break
            if words[end] in _NUMBER_WORDS or (words[end].isdigit() and not _is_year(words[end])):
                return phrase
    return None


def _documents(folded: str, *, resolutions: bool = False) -> frozenset[str]:
    """The numbers folded text gives documents by (see _DOCUMENT_NUMBERS); with resolutions,
    only those it gives as resolutions' ("resolutions 1988 and 1989", not "the 1267
    committee")."""
    return frozenset(
        _number(word)
        for found in re.finditer(_DOCUMENT_NUMBERS, folded)
        for word in (found.group("numbers") or ("" if resolutions else found.group("body"))).split()
        if _number(word)
    )


def _nowhere_after(happened: frozenset[str], claim: str) -> bool:
    """Whether the claim says what happened (a word of happened) only with no name after it in
    its sentence: no place it happened in or went to. False when it does not say it."""
    said = False
    for sentence in re.split(r"[.;:!?](?:\s|$)", claim):
        words = sentence.split()
        for at, word in enumerate(words):
            if stem(fold(word).strip(",()")) not in happened:
                continue
            said = True
            if any(later[:1].isupper() for later in words[at + 1 :]):
                return False
    return said


def _resolution_of(fact: Fact) -> frozenset[str]:
    """The number of the resolution a fact is about: a sanction's instrument's, else the first
    its claim gives as a resolution's (none when it gives none)."""
    if isinstance(fact.details, Sanction):
        instrument = _documents(fold(fact.details.instrument), resolutions=True)
        if instrument:
            return instrument
    for found in re.finditer(_DOCUMENT_NUMBERS, fold(fact.claim)):
        if found.group("numbers"):  # a resolution's, not "the 1267 Committee"
            return _documents(found.group(0), resolutions=True)
    return frozenset()


def _as_number(fact: Fact, number: str) -> bool:
    """Whether the fact's own words give the number as a number, not as a year in brackets or
    of a date."""
    text = _own_text(fact)
    month = "|".join(_MONTHS)
    return any(
        text[at.start() - 1 : at.start()] != "("
        and not re.search(rf"(?:{month})\W*$", text[max(0, at.start() - 12) : at.start()])
        for at in re.finditer(rf"(?<!\d){number}(?!\d)", text)
    )


def _as_time(fact: Fact, year: str) -> bool:
    """Whether the fact gives the year as a time: its date's, or in its claim other than in
    brackets after a resolution's number ("resolution 1267 (1999)")."""
    if fact.date is not None and str(fact.date.year) == year:
        return True
    text = _own_text(fact)
    return any(
        not re.search(r"\d\s*\($", text[max(0, at.start() - 3) : at.start()])
        for at in re.finditer(rf"(?<!\d){year}(?!\d)", text)
    )


def _owners(question: Question) -> list[str]:
    """The names among what is counted, or whose it is ("how many fighters does the Taliban
    have"), heavy enough to say whose they are ("Taliban" of "Taliban fighters"; not "US", as
    common in English as a function word)."""
    return [
        word
        for word in (*question.counted, *question.holder)
        if word in question.named and question.weights[word] >= _NAME_WEIGHT
    ]


def _number_before(
    claim: str,
    counted: set[str] | frozenset[str],
    owners: Sequence[frozenset[str]] = (),
    *,
    relative: bool = True,
) -> str | None:
    """A number at most three words before one of the counted (stemmed) words, as the claim
    words it ("13 votes", "fourteen months"); with owners (the names among what is counted:
    "Taliban" of "Taliban fighters"), only where each is said near it: at most seven words
    before the counted word or three after ("prisoners of the Taliban"); "al-Qaeda's estimated
    200-500 men" are not the Taliban's. Not relative: none that gives a time from another ("one
    month after its adoption")."""
    spans, words, stems = _claim_words(claim)
    if counted.isdisjoint(stems):
        return None  # (one test, where the loop would find none)
    for n, word_stem in enumerate(stems):
        if word_stem not in counted:
            continue
        if (
            not relative
            and words[n + 1 : n + 2]
            and words[n + 1] in _RELATIVE
            and not claim[spans[n].end() : spans[n + 1].start()].strip()  # "12 months, after"
        ):
            continue
        if owners:
            nearby = set(stems[max(0, n - 7) : n + 4])
            if not all(owner & nearby for owner in owners):
                continue
        for start in range(n - 1, max(0, n - 3) - 1, -1):  # the nearest number
            phrase = claim[spans[start].start() : spans[n].end()]
            if re.search(r"[^\w\s-]", phrase):
                break  # "After 2001, fighters": a number in another phrase
            if words[start].isdigit() and _CALENDAR_WORDS.intersection(
                (words[start + 1].lower(), words[start - 1].lower() if start else "")
            ):
                break  # a day of a date ("13 August 2021", "August 13"), no count
            if (
                words[start].lower() in _NONE
                and start >= n - 2
                and start > 0
                and words[start - 1].lower() in _HAVING
            ):
                # "had no woman member": a count of none, of what it comes just before (or with
                # one word between: "no female ministers") -- after a verb of having or being,
                # not a ban's "ensure that no funds ... are made available".
                return claim[spans[start].start() : spans[n].end()]
            if words[start] in _NUMBER_WORDS or (
                words[start].isdigit() and not _is_year(words[start])
            ):
                # With the range it ends, if it ends one: "200-500 men", "two to three years".
                first = start
                while True:
                    if (
                        first > 0
                        and words[first - 1].isdigit()
                        and len(words[first]) == 3
                        and words[first].isdigit()
                        and claim[spans[first - 1].end() : spans[first].start()] == ","
                    ):
                        first -= 1  # "6,000": one number, its groups of thousands
                    elif (
                        first > 0
                        and _is_count(words[first - 1])
                        and _DASH.fullmatch(claim[spans[first - 1].end() : spans[first].start()])
                    ):
                        first -= 1
                    elif (
                        first > 1
                        and words[first - 1] in ("to", "or")
                        and _is_count(words[first - 2])
                    ):
                        first -= 2
                    elif (
                        first > 0
                        and _is_count(words[first - 1])
                        and not claim[spans[first - 1].end() : spans[first].start()].strip()
                    ):
                        first -= 1  # "five thousand", "two hundred": one number
                    else:
                        break
                # With the hedge it is given with: "up to five thousand", "almost 20".
                if first > 0 and words[first - 1] in _ONE_WORD_HEDGES:
                    first -= 1
                elif first > 1 and (words[first - 2], words[first - 1]) in _TWO_WORD_HEDGES:
                    first -= 2
                return claim[spans[first].start() : spans[n].end()]
    return None


_RELATIVE = frozenset(("after", "before", "later", "earlier", "ago", "since"))
"""Words after a number of days, months, years ... that make it a time from another."""
_ONE_WORD_HEDGES = frozenset(
    {"about", "almost", "nearly", "around", "roughly", "approximately", "some", "over"}
    | {"estimated", "reportedly"}
)
_TWO_WORD_HEDGES = frozenset(
    {("up", "to"), ("at", "least"), ("at", "most"), ("more", "than"), ("fewer", "than")}
    | {("less", "than"), ("as", "many"), ("as", "much")}
)
"""The words a count is hedged with, kept in the short answer as the claim keeps them."""
_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
"""What joins the two numbers of a range written with a dash ("200-500", "200 – 500")."""


def _is_count(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS


_NUMBER = re.compile(r"(\d+)(?:st|nd|rd|th)?")
"""A number as a word: cardinal ("7590") or ordinal ("7590th", "21st")."""


def _number(word: str) -> str:
    """The digits of a word that is a number, cardinal or ordinal; else the empty string."""
    match = _NUMBER.fullmatch(word)
    return match.group(1) if match else ""


def _numbers(words: Iterable[str]) -> set[str]:
    """The numbers among the words, each as its digits ("8742nd" and "8742" alike)."""
    return {number for word in words if (number := _number(word))}


def _is_year(word: str) -> bool:
    """Whether a number reads as a year ("in 2001"), not a count."""
    return len(word) == 4 and word[:2] in ("19", "20")


def _kind(entity_id: str, catalog: Catalog) -> EntityKind | None:
    entity = catalog.entities.get(entity_id)
    return entity.kind if entity else None


@functools.lru_cache(maxsize=64)
def _own_words(fact: Fact) -> frozenset[str]:
    """The fact's own words: claim, details (figure, quoted words, measures, commitments ...),
    date. The names of the entities it refers to are not among them. A possessive is its word,
    as in a question ("Zawahiri's death" says "Zawahiri": folding alone makes "zawahiris").
    Cached: several judgments of one fact read them (~0.1 ms a fact, tokenising its text)."""
    parts = [_without_attribution(_without_possessives(_own_text(fact)))]
    if fact.date is not None:
        parts.append(str(fact.date.year))
        if fact.date.month:
            parts.append(_MONTHS[fact.date.month - 1])
        if fact.date.day:
            parts.append(str(fact.date.day))
    return frozenset(tokens(" ".join(parts)))


_ACCORDING = re.compile(r"[Aa](?<!\w[Aa])ccording to\b")  # \b before it (see _POSSESSIVE)


def _without_attribution(text: str) -> str:
    """The text without "according to", which says whose word it is: stemmed, "according" is
    "accord", the noun that names agreements ("the Doha accord"), and a claim "according to
    NPR" would say it."""
    return _ACCORDING.sub(" ", text) if "ccording" in text else text


def _own_text(fact: Fact) -> str:
    """The fact's own words as written (see _own_words), less its date."""
    details = fact.details
    parts = [fact.claim]
    if isinstance(details, Figure):
        parts.append(figure_text(details))
    elif isinstance(details, Quote):
        parts += [details.text, details.speaker_role or "", details.medium or ""]
    elif isinstance(details, Sanction):
        # Field names are words too, as the fact is shown: "what measures did ... impose".
        parts += [details.authority, details.instrument, details.remarks or ""]
        parts += ["committee", details.committee] if details.committee else []
        parts += ["measures", *details.measures] if details.measures else []
        parts += ["list", details.list_name] if details.list_name else []
        parts += ["reference", details.reference] if details.reference else []
    elif isinstance(details, Agreement):
        parts += [details.name, details.place or "", "commitments", *details.commitments]
    else:
        parts.append(details.place or "")
    return " ".join(parts)


def _short_answer(
    question: Question,
    fact: Fact,
    who: Sequence[str],
    catalog: Catalog,
    own: frozenset[str] | None = None,
) -> str:
    """The answer in a few words: see Reply.answer."""
    details = fact.details
    if who and (
        question.wants is Wants.SOMEONE
        or (question.wants is Wants.QUOTE and not isinstance(details, Quote))  # who wrote it
    ):
        return "; ".join(_as_written(catalog, entity_id, fact.claim) for entity_id in who)
    if question.wants is Wants.DATE and fact.date is not None:
        if _dates_no_event(question, fact):
            return fact.claim  # its date is not the time asked (see _fits)
        if _asks_deadline(question) and (
            within := [found for found in _deadlines(fact.claim) if not found.startswith("by ")]
        ):
            # "When must US troops leave?": within what time of its date the claim says, not
            # the day it was agreed. (A date it gives, "by May 29, 2020", is read as before.)
            return f"{'; '.join(within)} (from {fact.date})"
        words = _own_words(fact) if own is None else own
        # The claim's words for what happened, else those that name what it happened to
        # ("when did Kabul fall": "... after the Taliban recaptured Kabul in August").
        anchors = question.named if question.happened.isdisjoint(words) else question.happened
        said = _when_it_happened(anchors, fact) if anchors else None
        return said or str(fact.date)
    if question.wants is Wants.DATE and (when := _time_in_words(fact.claim)):
        return when  # "the late 2000s", of an undated fact
    if isinstance(details, Figure):
        return f"{figure_phrase(details, fact.hedge)}, according to {_attribution(fact, catalog)}"
    if isinstance(details, Quote):
        if question.medium and details.medium:
            return details.medium
        return _name(catalog, details.speaker) if _SOMEONE.search(question.text) else details.text
    if question.wants in (Wants.FIGURE, Wants.DURATION) and (
        count := _count_in_claim(question, fact.claim)
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


def _listed(claim: str, names: Sequence[str]) -> str | None:
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
    for month in _MONTHS:
        at = claim.find(month)
        while at != -1:
            after = claim[at + len(month) : at + len(month) + 3].lstrip(",")
            if not after[1:2].isdigit():
                return True
            at = claim.find(month, at + 1)
    return False


_MONTH_ALONE = (  # compiled on first use: "after the Taliban recaptured Kabul in August"
    rf"\b(?:in|on|by|since|until|from|after|before|during) ({'|'.join(_MONTHS)})\b(?!,? \d)"
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
            if _MONTHS.index(found.group(1)) + 1 != date.month
        ]
        if date is not None and date.month and _month_alone(claim)
        else []
    )
    if not years and not months:
        return None  # the claim gives no other time (most claims: no pattern compiled)
    spans, _, stems = _claim_words(claim)
    said = [span.start() for span, word in zip(spans, stems, strict=True) if word in anchors]
    # A time as English gives one: after a month, or a preposition ("to 2019", "since 2001");
    # not a number that names a document ("resolutions 1988 and 1989", "2255 (2015)").
    times: list[tuple[int, str]] = []
    for found in years:
        before = claim[max(0, found.start() - 12) : found.start()].split()[-1:]
        if before and before[0] in _MONTHS:
            times.append((found.start(), f"{before[0]} {found.group()}"))
        elif before in _TIME_PREPOSITIONS:
            times.append((found.start(), found.group()))
    for found in months:
        assert date is not None
        assert date.month
        month = _MONTHS.index(found.group(1)) + 1
        times.append((found.start(1), f"{found.group(1)} {date.year - (month > date.month)}"))
    if not said or not times:
        return None
    distance, nearest = min((min(abs(at - word) for word in said), text) for at, text in times)
    return None if distance > _NEAR else nearest


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
        return _name(catalog, fact.asserted_by)
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


def _name(catalog: Catalog, entity_id: str) -> str:
    entity = catalog.entities.get(entity_id)
    return entity.name if entity else entity_id


def _corrected(index: Index, lookups: _Lookups, word: str) -> str:
    """The word, or the indexed word it is most likely a misspelling of."""
    if _number(word) or len(word) < 4 or lookups.frequency(word):
        return word  # a number, "7590th" as "7590", is no misspelling of another
    import difflib

    candidates = dict(index.words_like(word))
    close = difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.85) or [
        term for term in candidates if _swapped(word, term)
    ]
    return max(close, key=lambda term: candidates[term]) if close else word


def _swapped(word: str, term: str) -> bool:
    """Whether term is word with two neighbouring letters swapped ("doah" for "doha"): the
    commonest typo, which difflib's ratio puts as far off as two letters changed."""
    if len(word) != len(term) or word == term:
        return False
    apart = [n for n, (a, b) in enumerate(zip(word, term, strict=True)) if a != b]
    return (
        len(apart) == 2
        and apart[1] == apart[0] + 1
        and word[apart[0]] == term[apart[1]]
        and word[apart[1]] == term[apart[0]]
    )


def _suggestions(index: Index, near: Iterable[Hit]) -> tuple[str, ...]:
    tags: dict[str, int] = {}
    for hit in list(near)[:10]:
        for tag in hit.fact.tags:
            tags[tag] = tags.get(tag, 0) + 1
    ranked = sorted(tags, key=lambda tag: -tags[tag])[:5]
    return tuple(ranked or index.top_tags(5))


# "Who leads X", "who is the head of X now", "who runs X": a present-tense question on who holds a
# role wants its latest state. A question in the past tense, or naming a year, asks of its time.
_PRESENT = (  # compiled on first use (re caches it): only "who" questions need it
    r"\bwho(?:s| is| are| (?P<verb>leads|runs|heads|commands|controls|chairs|rules))\b"
)
_PAST = r"\bwho(?: was| were| (?P<verb>led|ran|headed|commanded|controlled|chaired|ruled))\b"
_NOW = frozenset(_stems("now today currently current presently nowadays still"))
_RECENT_YEARS = 2
"""A figure dated this many years before the newest candidate is still one of now."""
_ROLE_CANDIDATES = 1
_ROLE_FACTS = 8
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
# Compiled on first use (re caches them): only role questions read a claim's clauses.
_SENTENCE = r"[;:!?\u2014\u2013]|\.(?:\s|$)| - "
# A role's word after these is another role ("deputy leader") or an old one ("former head").
_NOT_THE_HOLDER = frozenset(_stems("deputy vice former ex late assistant first second"))
_ASIDE = r"\([^()]*\)"


def _role_asked(question: Question) -> tuple[frozenset[str], bool]:
    """For a question on who holds (or held) a role in something it names, the words that say
    the role -- the verb ("leads", "led"), or the phrase after "who is" ("the current head" of
    "who is the current head of the Taliban") -- and whether it asks of now: in the present
    tense and naming no year. No words for any other question."""
    if question.wants is not Wants.SOMEONE or not question.named:
        return frozenset(), False
    asked = re.search(_PRESENT, question.text) or re.search(_PAST, question.text)
    if asked is None:
        return frozenset(), False
    verb = asked.group("verb")
    if verb:
        words: tuple[str, ...] = (stem(verb),)
    else:
        words = _leading_content(question.text[asked.end() :], skip_leading=True)
    role = frozenset(
        word
        for word in words
        if word in question.weights and word not in question.named and word not in _NOW
    )
    # A number that gives a document or a body ("the 1988 committee", "resolution 2001") is no
    # year the question asks of.
    now = asked.re.pattern == _PRESENT and not any(
        _is_year(word) and word not in question.documents for word in question.weights
    )
    return role, now


def _with_facts_about(
    index: Index,
    question: Question,
    candidates: list[Hit],
    role: frozenset[str],
    lookups: _Lookups,
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
        if _kind(entity_id, catalog) is EntityKind.ORGANIZATION
        and lookups.named_in(entity_id, question.named)
    ]
    more = [
        hit
        for entity_id in named[:_ROLE_CANDIDATES]
        for hit in index.ranked(
            words, Filters(about=entity_id), _ROLE_FACTS * _NOW_ROLE_FACTS if now else _ROLE_FACTS
        )
    ]
    return _with_more(candidates, more, lookups)


def _with_more(candidates: list[Hit], more: Iterable[Hit], lookups: _Lookups) -> list[Hit]:
    """The candidates, then those of more that are not among them."""
    seen = {hit.fact.id for hit in candidates}
    found = []
    for hit in more:
        if hit.fact.id not in seen:
            seen.add(hit.fact.id)
            found.append(hit)
    lookups.names(hit.fact for hit in found)
    return candidates + found


def _holders(
    index: Index,
    question: Question,
    role: frozenset[str],
    now: bool,
    judged: list[_Judged],
    lookups: _Lookups,
) -> list[_Judged]:
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
        if _kind(entity_id, catalog) is EntityKind.PERSON
    ][:_HOLDERS_CHECKED]
    ended = {entity_id: _end_of(index, entity_id, lookups) for entity_id in people}
    held: list[tuple[PartialDate, _Judged]] = []
    others: list[_Judged] = []
    gone: list[_Judged] = []
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

    rest = sorted(others + gone, key=_Judged.rank)
    return first + _not_holders(question, role, rest, first)


def _without_the_dead(
    index: Index,
    question: Question,
    role: frozenset[str],
    judged: list[_Judged],
    lookups: _Lookups,
) -> list[_Judged]:
    """The answers less the people a loaded fact says died before the year the question asks
    of: whoever held a role in 2021 was alive then ("Bo Carrow, son of the network's founder
    Ada Brook, was named head ..." does not make Ada Brook its head in 2021). An answer naming
    only the dead is partial. (A time in words, "the late 2000s", is not read.)"""
    years = [
        int(word) for word in question.weights if _is_year(word) and word not in question.documents
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
            if _kind(entity_id, catalog) is EntityKind.PERSON
        )
    )[:_HOLDERS_CHECKED]
    if not people:
        return judged
    ended = {entity_id: _end_of(index, entity_id, lookups) for entity_id in people}
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
            short = _short_answer(question, item.hit.fact, alive, catalog)
            reply = msgspec.structs.replace(item.reply, answer=short)
        else:
            gone = tuple(question.spelled.get(word, word) for word in sorted(role))
            reply = Reply(Match.PARTIAL, item.reply.answer, gone or ("who",))
        kept.append(msgspec.structs.replace(item, reply=reply, who=alive))
    return kept


def _not_holders(
    question: Question, role: frozenset[str], rest: list[_Judged], holders: list[_Judged]
) -> list[_Judged]:
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
        key=_Judged.rank,
    )


def _as_of_now(
    question: Question,
    role: frozenset[str],
    item: _Judged,
    ended: dict[str, _Left | None],
    lookups: _Lookups,
) -> tuple[_Judged, bool]:
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
    short = _short_answer(question, item.hit.fact, alive, lookups.catalog)
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


def _end_of(index: Index, entity_id: str, lookups: _Lookups) -> _Left | None:
    """Whether a loaded fact says the person died (or was removed from a post), and when."""
    names = [frozenset(name) for name in lookups.written_names(entity_id)] or [
        frozenset(entity_id.split("-"))
    ]
    left: _Left | None = None
    for hit in index.ranked(
        sorted({stem(w) for w in _DIED | _REMOVED | _QUIT}), Filters(about=entity_id), 3
    ):
        how = _left_in(hit.fact.claim, names)
        if how is None:
            continue
        found = _Left(how, hit.fact.date, hit)
        if left is None or (found.died and not left.died):
            left = found
    return left


def _left_before(left: _Left | None, date: PartialDate | None) -> bool:
    """Whether someone who left so (see _end_of) holds no post now, after a fact of this date:
    the dead hold none; someone removed holds none a fact dated before the removal gave them."""
    if left is None:
        return False
    if left.died:
        return True
    # Left in the month a fact gives them the post (Ghani, president "as of August 2021", fled
    # that August): asked of now, the leaving is the later state.
    return date is not None and left.date is not None and left.date >= date


def _left_in(claim: str, names: list[frozenset[str]]) -> bool | None:
    """Whether the claim says that the person of these names (their words, folded) died: True;
    was removed from a post: False; neither: None."""
    words = _WORD.findall(fold(re.sub(_ASIDE, " ", claim)))
    spans = _name_spans(words, names)
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
            if word in _CLAUSE_OPENERS or stem(word) in _SAYING_VERBS:
                break
        before = words[max(0, start - 3) : start]
        if "killed" in before and all(
            word in _KILLED_WHOM for word in before[before.index("killed") + 1 :]
        ):
            return True
    return None


def _written(entity_id: str, lookups: _Lookups) -> list[frozenset[str]]:
    """An entity's names, each as the set of its written (folded) words."""
    return [frozenset(name) for name in lookups.written_names(entity_id)]


def _name_spans(words: Sequence[str], names: list[frozenset[str]]) -> list[tuple[int, int]]:
    """Where the words name the person: runs of words of one of their names that hold most of
    it ("Ayman al-Zawahiri", "Mullah Omar"; not the "Mullah" of another Mullah), as (start, end)."""
    every = frozenset().union(*names)
    if every.isdisjoint(words):
        return []
    spans = []
    start = 0
    while start < len(words):
        if words[start] not in every:  # no name's run starts here: one test, not one a name
            start += 1
            continue
        for name in names:
            end = start
            while end < len(words) and words[end] in name:
                end += 1
            if end > start and len(set(words[start:end])) * 2 > len(name):
                spans.append((start, end))
                start = end - 1
                break
        start += 1
    return spans


_DEFINING = frozenset(
    _stems("is are was were comprises comprise consists consist refers means stands remains")
)
"""Words with which a claim that opens with a name says what it is ("The 1988 Committee
comprises ...", "The Haqqani Network was founded by ...")."""
_FORMED = frozenset(
    _stems("formation formed founding founded establishment established creation created")
)
"""Words with which a claim says something came to be ("the formation of al-Qaeda in the
Indian Subcontinent"): what it is, from its start."""


def _defines(question: Question, fact: Fact, lookups: _Lookups) -> bool:
    """Whether the claim says what the entity the question names is: it opens with the name
    (the words before its first word saying what a thing is, within eight, are most of one of
    the entity's names, with nothing else but function words), or says it was formed (a word of
    forming, the name most of whose words follow in the next eight being the entity's, not a
    longer one's: "the formation of al-Qaeda in the Indian Subcontinent" is AQIS's, not
    al-Qaeda's)."""
    _, words, stems = _claim_words(fact.claim)
    asked = [
        entity_id for entity_id in fact.entities() if lookups.named_in(entity_id, question.weights)
    ]
    if not asked:
        return False
    said = next((n for n, word in enumerate(stems[:8]) if word in _DEFINING), None)
    if said:
        opening = {
            word
            for word, stem_ in zip(words[:said], stems, strict=False)
            if stem_ not in _FUNCTION_WORDS
        }
        if any(
            opening <= name and len(opening) * 2 > len(name)
            for entity_id in asked
            for name in _written(entity_id, lookups)
        ):
            return True
    for n, word in enumerate(stems):
        if word not in _FORMED:
            continue
        after = set(words[n + 1 : n + 9])
        matched = {
            entity_id: max(
                (
                    len(name & after)
                    for name in _written(entity_id, lookups)
                    if len(name & after) * 2 > len(name)
                ),
                default=0,
            )
            for entity_id in fact.entities()
        }
        most = max(matched.values(), default=0)
        if most and any(matched[entity_id] == most for entity_id in asked):
            return True
    return False


def _holds(
    fact: Fact, entity_id: str, role: frozenset[str], question: Question, lookups: _Lookups
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
    fact: Fact, entity_id: str, role: frozenset[str], question: Question, lookups: _Lookups
) -> bool:
    """_holds, worked out."""
    names = _written(entity_id, lookups)
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
        if _kind(other, lookups.catalog) is EntityKind.ORGANIZATION
        and lookups.named_in(other, owners)
        for name in _written(other, lookups)
    ]
    for sentence in _clauses(fact.claim):
        for words, stems in sentence:
            if roles.isdisjoint(stems):
                continue
            # A name owning another noun is not who holds the role ("al-Qaeda's leadership
            # considers the Taliban's chief ...") unless that noun is the role.
            spans = [
                (start, end)
                for start, end in _name_spans(words, names)
                if words[end : end + 1] != ("s",) or not roles.isdisjoint(stems[end + 1 : end + 2])
            ]
            org = [word in owners for word in stems]
            for start, end in _name_spans(words, held_in) if held_in else ():
                org[start:end] = [True] * (end - start)
            if not _role_phrase(words, stems, role, question, spans, org):
                continue
            opens = (first := _name_spans(sentence[0][0], names)) and first[0][0] == 0
            # "... transmitted the report to the Chair of the 1988 Committee": a role after a
            # preposition is someone else's, whom the sentence's subject deals with.
            at = next(n for n, word in enumerate(stems) if word in roles)
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


def _names_another(fact: Fact, entity_id: str, words: Sequence[str], lookups: _Lookups) -> bool:
    """Whether the words name a person of the fact other than this one."""
    return any(
        _name_spans(words, _written(other, lookups))
        for other in fact.entities()
        if other != entity_id and _kind(other, lookups.catalog) is EntityKind.PERSON
    )


@functools.lru_cache(maxsize=256)
def _clauses(
    claim: str,
) -> tuple[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], ...]:
    """The claim's sentences (asides in brackets dropped), each as its clauses (between commas),
    each as its words (folded, a possessive "s" apart) and their stems."""
    sentences = []
    for sentence in re.split(_SENTENCE, re.sub(_ASIDE, " ", claim)):
        clauses = []
        for clause in sentence.split(","):
            words = tuple(_WORD.findall(fold(re.sub(r"['’]s\b", " s", clause))))
            clauses.append((words, tuple(stem(word) for word in words)))
        sentences.append(tuple(clauses))
    return tuple(sentences)


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
            if stem(words[start - 1]) in _FUNCTION_WORDS:
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
            or stem(words[following]) in _FUNCTION_WORDS
            or words[following] in ("since", "until", "during")
        ):
            return True
    return False
