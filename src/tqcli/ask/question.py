"""Reading a question: what it asks for, and its content words weighted and corrected."""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable
from enum import Enum

import msgspec

from tqcli.ask.lookups import Lookups
from tqcli.ask.words import (
    CALENDAR_WORDS,
    DEADLINE_ASKED,
    DIGIT,
    DOCUMENT_NUMBERS,
    EVENT_WEIGHT,
    FORESEEING,
    FUNCTION_WORDS,
    IRREGULAR_VERBS,
    KIND_NOUNS,
    NOW,
    NUMBER_WORDS,
    PARTICIPLES,
    PERSON_ROLES,
    PREPOSITIONS,
    SAYING,
    SOMEONE,
    VERB_FORM,
    WHAT_REQUIRED,
    WRITTEN_WORD,
    stems,
)
from tqcli.index import Index
from tqcli.textnorm import fold, irregular_form, stem

# In "when did the Taliban's first spell in power begin?" or "how long did the war last?",
# these say that a time is asked, not what happened then. ("Begin" and "end" say which end of
# it: "when were the talks to start" is not when they were agreed.)
_TIME_WORDS = frozenset(stems("last spell period stint era tenure time times"))
# Verbs that take another verb ("try to play down", "continue to provide"): the other verb says
# what happened; they only say how far it got.
_CATENATIVE = frozenset(stems("try tried attempt continue seek manage fail"))
# A verb and its particle ("play down", "set up") are one verb: English writes some of them as
# one word too ("downplay", "setup").
_PARTICLES = ("down", "up", "out")
# Words that open a noun phrase ("the", "its"): the phrase's head noun comes after them. A phrase
# opened by any other function word is no noun phrase ("who is in charge of ...").
_DETERMINERS = frozenset(
    stems("a an the its their his her our your my this that these those some any each every")
)
_MAX_WORDS = 40
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
_MEDIUM = (  # compiled on first use: only questions with "which", "what" or "who" and such a verb
    r"\b(?:(?:which|what) (?P<medium>(?:\w+ ){0,2}?\w+)|whom?) (?:did|does|do|has|had|have)"
    r" (?P<teller>(?:\w+ ){1,6}?)"
    r"(?:(?:talk|talked|speak|spoke|spoken|say|said|tell|told|write|wrote|written) (?:to|in|on)\b"
    r"|(?:tell|told)(?= that\b| about\b| of\b|$))"
)
"""Where someone said it, or to whom (a quote's medium): "Which outlet did Panetta talk to?",
"Which radio network did Panetta speak to?", "Who did Panetta tell that ...?" -- "who" the
object of "tell" is the one told, not the teller (not "who did Bush tell the Taliban to hand
over", whose "who" is another verb's object)."""
_MEDIUM_VERBS = (" talk", " speak", " spok", " say", " said", " tell", " told", " writ", " wrot")
# "What is the Taliban's annual budget?", "Who is the foreign minister?": the phrase after the
# verb names what is asked about, and its last word (the head noun) must be in the answer.
_SUBJECT = re.compile(r"\b(?:what|who|which) (?:is|was|are|were)(?P<subject>(?: \w+){1,5})")
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
_AUXILIARIES = frozenset(
    re.findall(
        r"\w+",
        "do does did is was are were am be been has have had will would shall should can could "
        "may might must",
    )
)
"""The verbs that end a wh-phrase ("which body WAS ...", "what criteria MUST ...")."""
_KIND_OF = frozenset(stems("kind kinds sort sorts type types form forms"))
"""What kind of X: X is the noun asked for ("what kind of regime")."""
_GENERIC_NOUNS = frozenset(stems("thing things one ones way part lot kind sort type")) | _TIME_WORDS
"""Nouns after "what"/"which" that say nothing of what is asked ("what part", "which one",
"what period": a time)."""
_PAST_FORMS = PARTICIPLES | frozenset(
    re.findall(
        r"\w+",
        "said told took made gave led won got went came became began kept ran saw wrote spoke "
        "chose drove rose fell flew hid fought brought bought sold thought did stood says",
    )
)
"""Verbs in the past that are no "-ed" word: they end a wh-phrase ("which report said")."""
_PHRASE_WORDS = 5
"""The words a wh-phrase may run to before its verb."""
_ASKED_PHRASE = re.compile(r"\b(?:what|which|whose) (?P<rest>.*)")


def _asked_noun(folded: str) -> str | None:
    """The head noun of the question's wh-phrase, as a content word: the last word of the
    phrase "what/which/whose ..." before the verb ("which gate of the airport was bombed":
    gate; "what weapons killed him": weapons; "what kind of regime": regime). The phrase ends
    at an auxiliary, a function word or a preposition, or a word in a verb's form ("-ed",
    "-ing", "told"); where it ends at none of these but a determiner, its last word is the
    verb ("what ties bind the Taliban ...": ties), as written. None when the wh-word is the
    phrase ("what did", "what happened")."""
    found = _ASKED_PHRASE.search(folded)
    if found is None:
        return None
    phrase: list[str] = []
    by_verb = False
    words = found.group("rest").split()
    for n, raw in enumerate(words[:_PHRASE_WORDS]):
        word = stem(raw)
        if (
            raw == "of"
            and len(phrase) == 1
            and word not in FUNCTION_WORDS - {"of"}
            and (stem(phrase[0]) in _KIND_OF)
        ):
            phrase = []  # "what kind of": the noun follows
            continue
        if raw in _AUXILIARIES:
            break
        if word in FUNCTION_WORDS or word in PREPOSITIONS:
            # A determiner (or a preposition after three words or more) with no auxiliary
            # before it follows a verb: "what ties bind the ...", "which US defense secretary
            # stood with ..." ("which gate of ..." is a noun and its complement).
            by_verb = word in _DETERMINERS or (raw != "of" and len(phrase) >= 3)
            break
        if raw.endswith("ly") and len(raw) > 4:
            break  # an adverb: "whose aide reportedly owned"
        if raw in _PAST_FORMS or (
            VERB_FORM.search(raw)
            # A word in "-ing" before another content word or a verb is a noun or an
            # adjective ("which Monitoring Team report", "which meeting was").
            and not (
                raw.endswith("ing")
                and n + 1 < len(words)
                and (words[n + 1] in _AUXILIARIES or stem(words[n + 1]) not in FUNCTION_WORDS)
            )
        ):
            break
        phrase.append(raw)
    else:
        if len(words) > _PHRASE_WORDS:
            return None  # no end found: a verb in the present ("which scholar sees ...")
    if by_verb and len(phrase) > 1:
        phrase.pop()  # its verb
    return phrase[-1] if phrase else None


_WHAT_KIND_OF = (
    r"^(?:\w+ )?(?:what|which) (?P<noun>\w+) (?:number|name|date|year|day|month|amount|figure"
    r"|total) (?:did|does|do|is|was|are|were|has|have|had|will)\b"
)
"""What M N does ... ("what flight number did ..."), N a word for a kind of answer: M says
what it is of (compiled on first use)."""
_MEASURES = frozenset(
    stems(
        "population budget revenue revenues income salary salaries wage wages cost price age size "
        "area toll value worth turnout production output gdp spending expenditure exports imports "
        "debt harvest"
    )
)
"""Nouns of a quantity: "what is the population of ..." asks a number, as "how many" does."""
_AGE = frozenset(stems("old age aged"))
"""Words a claim gives an age with ("60 years old", "aged 60")."""
_MONEY = frozenset(
    stems("dollars usd pounds gbp euros eur rupees afghanis riyals dirhams yuan rubles percent")
)
"""Words a figure gives an amount of money (or a share) in: what a bare "how much" asks."""
_AN_AMOUNT = r"\bhow much (?:did|does|do|has|have|had|was|is|were|are|will|would|could)\b"
"""A "how much" that names nothing after it ("how much did X pay"), not "how much land"."""
_VOTERS = frozenset(stems("member members country countries state states nation nations"))
"""Those that vote in a body (the Security Council's members, a general assembly's states)."""
_VOTING = frozenset(stems("vote voted votes voting"))
_MODIFIER_WEIGHT = 0.65
"""A word before the head noun this heavy (rarer in English than Zipf 5.375: "foreign",
"defence", "education"; not "new", "main" or "top") says which one is asked about."""
_ENDS_POSSESSIVE = re.compile(r"\w['’]s?$")
_DECADE = re.compile(r"(?:19|20)\d0s")
_DATE = re.compile(r"\bwhen\b|\b(?:what|which) (?:year|month|day)\b|\bdate\b|\bhow long ago\b")
_ASKS = r"\b(?:who|whom|whose|which|what|where|how|why)\b(?! (?:year|month|day|date)\b)"
_WHEN_CLAUSE = r"\bwhen \w"  # compiled on first use (re caches it), as _ASKS
"""A "when" that opens a clause ("as noted when it was adopted"), not one asked ("and when?")."""
_CLAUSE_WEIGHT = 0.5
"""What the words of such a clause count for: they say at what time, not what is asked."""
_MEANING = frozenset(stems("mean stand"))
_WHAT_DOES = r"(?:\w+ )?what (?:does|did|do|will|would|should|can|could|shall) (?:\w+ ){1,6}?(\w+)"
_WHAT_NOUN_DOES = r"(?:\w+ )?what \w+ (?:does|did|do|will|would) (?:\w+ ){1,6}?(\w+)"
"""What N does X VERB ("what sanctions did resolution 1267 impose"): asked of a resolution, the
verb is what it asks (of another thing, "what job did Panetta hold", the noun is)."""
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


def asks_deadline(question: Question) -> bool:
    """Whether a "when" asks by when something must be done ("When must US troops leave?")."""
    return question.wants is Wants.DATE and re.search(DEADLINE_ASKED, question.text) is not None


_SHARE_ASKED = r"\bwhat (?:percentage|percent|per cent|proportion|share|fraction|part) of\b"
"""A question for a share (compiled on first use: only questions with "what" need it)."""
_SHARES = frozenset(stems("percentage percent cent proportion share fraction part"))
"""The words such a question asks a share with, which the answer need not use."""
_PERSON_NOUNS = (
    "person|people|man|men|woman|women|official|officer|presenter|journalist|reporter"
    "|correspondent|bomber|attacker|gunman|gunmen|assassin|soldier|general|judge|wife|husband"
    "|son|daughter|father|mother|brother|sister|deputy|successor|predecessor|negotiator"
    "|mediator|signatory|signatories|author|writer|scholar|analyst|pilot|representative"
    "|ambassador|envoy|minister|president|secretary|spokes(?:man|woman|person)|diplomat"
    "|delegate|chair|chairman|chairperson|leader|founder|emir|commander|coordinator"
)
"""Nouns that denote a person (English, not the pack): "which official", "the name of the
bomber" ask who, as "who" does (the posts of PERSON_ROLES and kin, roles, relations)."""
_PERSON_NOUN = rf"(?:{_PERSON_NOUNS}|scholar|expert|analyst)s?"  # compiled on first use
"""A noun of a person (as stemmed too: "secretar"), which the answer names one of."""
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
noun of a person that is no post (KIN): a post asked so ("which UN official said ...") is
answered by whoever a quote or a claim gives it, as before."""
_NAME_OF_SOMEONE = (  # compiled on first use (re caches it)
    r"\bwhat (?P<be>is|was|are|were) (?:the |their |its )?names? of (?:the )?"
    rf"(?=(?:\w+ ){{0,3}}?(?:{_PERSON_NOUNS})s?\b)"
)
"""What is the name of (the) PERSON ...: "the name of the suicide bomber" asks who he was."""
# Words that say what kind of answer is wanted rather than what it is about: once the question's
# form has said it ("Blinken quote on ...", "number of ..."), a fact need not contain them.
_CUE_WORDS = {
    Wants.FIGURE: frozenset(stems("number amount total count sum figure figures")),
    Wants.QUOTE: frozenset(
        stems(
            "quote quotes quoted say said says tell told write wrote think call describe mean "
            "word words"
        )
    ),
    Wants.DATE: frozenset(stems("date year month day")) | _TIME_WORDS,
    Wants.DURATION: frozenset(stems("long")) | _TIME_WORDS,
}
_EXISTING = r"^(?:\w+ )?(?:what|which|how many)\b.*\bexist(?:s|ed)?\b"  # compiled on first use
_EXIST = frozenset(stems("exist exists existed"))
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
    happened_words."""
    since: int | None = None
    """For a figure asked of now ("how much does al-Qaeda pay the Taliban today?"): the first
    year whose figures count as today's, as far as the candidates' dates tell."""
    raw: str = ""
    """The question as the user wrote it."""
    verb: str | None = None
    """The verb a "what does X VERB?" or "which X VERBed" question asks (see asked_verb)."""
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
    subject: tuple[str, ...] = ()
    """The content words of the subject of the question's verb after "do" ("the women" of "How
    much did the women pay?"): who or what it asks did it, which an answer must speak of."""
    amount_of: str | None = None
    """For a bare "how much did X VERB" (an amount of money, or a share): the verb ("pay" of "How
    much did the students pay?"), what the amount is of, which an answer must speak of."""
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


_CITED_YEAR = r"\b(\d{3,4}) ?\((?:19|20)\d\d\)"  # compiled on first use
"""A document's number and its year in brackets, as the UN cites a resolution."""


_CONTRACTED = r"\b(?:(won|can|shan|ain)['’]t|(\w+?)n['’]t|(\w+)['’](re|ve|ll|m|d))\b"
"""An English contraction ("won't", "isn't", "they're"), compiled on first use: only questions
with an apostrophe need it."""
_CONTRACTIONS = {"re": "are", "ve": "have", "ll": "will", "m": "am", "d": "would"}
_IRREGULAR_NEGATIVES = {"won": "will", "can": "can", "shan": "shall", "ain": "is"}


def _expanded(found: re.Match[str]) -> str:
    """A contraction in the words it stands for: "won't" is "will not", "isn't" "is not",
    "they're" "they are"."""
    irregular, verb, pronoun, ending = found.groups()
    if irregular:
        return f"{_IRREGULAR_NEGATIVES[irregular.lower()]} not"
    if verb:
        return f"{verb} not"
    return f"{pronoun} {_CONTRACTIONS[ending.lower()]}"


def read_question(index: Index, question: str, lookups: Lookups | None = None) -> Question:
    """What the question wants, and its content words weighted by general-English rarity."""
    lookups = lookups or Lookups(index)
    if "(" in question:
        # "Resolution 2253 (2015)": a year in brackets after a document's number is the year
        # it was adopted, part of how the UN cites it -- neither another resolution (folded,
        # "2253 2015" reads as two) nor a time asked about.
        question = re.sub(_CITED_YEAR, r"\1", question)

    if "'" in question or "’" in question:
        # "won't", "can't", "they're": the words they stand for, not one word ("wont").
        question = re.sub(_CONTRACTED, _expanded, question)
    # Month abbreviations are the month ("29 Feb 2020"), as a fact's date is written in full.
    # A possessive is its word ("the UN's estimate" asks about the UN, not "uns").
    folded = " ".join(
        _MONTH_ABBREVIATIONS.get(word, word)
        for word in re.findall(r"\w+", fold(without_possessives(question)))
    )
    folded = _question_words_spelt(index, lookups, folded)
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
        elif after in _PARTICLES and stem(raw) not in FUNCTION_WORDS and raw not in _PARTICLES:
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
        if word in FUNCTION_WORDS or word in corrected:
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
        if ("which " in folded or "what " in folded or "who" in folded)
        and any(v in folded for v in _MEDIUM_VERBS)
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
                if VERB_FORM.search(counted_words[n]) or counted_words[n] in PARTICIPLES
            ),
            len(counted_words),
        )
        counted = leading_content(" ".join(counted_words[:participle]))
        if (
            len(counted) > 1
            and counted_words[len(counted) - 1 : len(counted)] != []
            and (
                re.fullmatch(r"\w{3,}ed", past := counted_words[len(counted) - 1])
                or irregular_form(past)
                or past in PARTICIPLES
                or any(past == forms[1] for forms in IRREGULAR_VERBS)
            )
            and counted[-1] == stem(counted_words[len(counted) - 1])
        ):
            # "How many council members voted for ...", "how many Afghans fled": a verb in the
            # past after the noun (regular, or irregular: "fled", "left", "fought"), its
            # predicate, is not what is counted (before it, "affiliated fighters", it is).
            counted = counted[:-1]
        if counted_words[:1] == ["of"] and (part := re.search(_PARTITIVE, folded)) is not None:
            # "How many of the 9/11 victims were Afghan nationals?": victims are counted, and
            # only those of them that were Afghan nationals (see restrictor).
            counted = leading_content(part.group("whole"), skip_leading=True)
            restrictor = leading_content(part.group("part"))
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
    elif SOMEONE.search(folded) or (
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
        # "Which (radio) broadcaster did he speak to?", "who did he tell": the words and the
        # verb say that the medium is asked, which the fact need not call a broadcaster.
        medium_words = (told.group("medium") or "").split()
        cues |= {_key(word, corrected) for word in medium_words} | {"talk", "speak", "tell"}
    naming = _NAME_OF.search(folded) is not None or (
        ("call" in sequence or "known" in sequence) and re.search(_CALLED, folded) is not None
    )
    if naming:
        # "name of al-Qaeda's media wing", "how does it refer to them": a name is asked for.
        cues |= {"name", "refer", "call"}
    if "exist" in folded and re.search(_EXISTING, folded):
        # "What exemptions exist to the travel ban?": "exist" says only that they are, which
        # the wh-phrase asks already (not "does al-Qaeda still exist?", a yes/no question).
        cues |= _EXIST
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
    voted = next((word for word in map(stem, folded.split()) if word in _VOTING), None)
    if counted_head in _VOTERS and voted in weights:
        # "How many Council members voted for resolution 2593?": each member that votes casts
        # a vote, so a count of votes ("by 13 votes") counts them.
        counted, counted_head = (voted,), voted
    counted = tuple(word for word in counted if weights.get(word, 0) >= _COUNTED_WEIGHT)
    if wants is Wants.FIGURE and not counted and not measure and re.search(_AN_AMOUNT, folded):
        # "How much did the Taliban pay al-Qaeda?": how much of nothing named is an amount of
        # money (or a share), not a number of people or things ("180-400 fighters").
        measure = _MONEY
    do_subject, do_verb = (
        _subject_of(folded, corrected, weights) if wants is not Wants.QUOTE else ((), None)
    )
    head = None
    if kin_asked is not None and wants is Wants.SOMEONE:
        # The presenter asked for is whom the claim calls so (Role.kin).
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
        words = leading_content(phrase_text, skip_leading=True)
        raws = [raw for raw in phrase_text.split() if stem(raw) not in _DETERMINERS]
        if any(VERB_FORM.search(raw) for raw in raws[1 : len(words) + 1]):
            # "What is the Taliban seeking": a noun and a verb, not one noun phrase, follow "is".
            words = ()
        elif raws[:1] == subject.group("subject").split()[:1] and (
            re.fullmatch(r"\w{3,}ed", raws[0]) or raws[0] in PARTICIPLES
        ):
            # "Who was listed on 25 January 2010?": a verb in the passive follows "was" (no
            # determiner before it): what was done, not a noun asked about.
            words = ()
        phrase = [corrected.get(word, word) for word in words]
        if phrase and phrase[-1] in cues:
            # "What is the full name of ...", "what is the exact date": the head says what kind
            # of answer is asked (see _CUE_WORDS), which the fact need not name, nor its
            # modifiers ("full", "exact").
            phrase = []
        # "Who is the Taliban's leader now": "now" says when, it names nothing asked about.
        phrase = [word for word in phrase if word in weights and word not in NOW]
        head = phrase[-1] if phrase else None
        modifiers = tuple(
            word for word in phrase[:-1] if weights[word] >= _MODIFIER_WEIGHT and word not in NOW
        )
        if wants is Wants.ANYTHING and head in _MEASURES:
            # "What is the population of Kabul?": a number of it is asked, as "how many".
            wants = Wants.FIGURE
            measure = frozenset({head})
    if (
        head is None
        and ("what " in folded or "which " in folded or "whose " in folded)
        and (asked_noun := _asked_noun(folded)) is not None
        and (noun := _key(asked_noun, corrected)) in weights
        and noun not in _GENERIC_NOUNS
        # A noun of a kind of thing ("which university", "what hotel") is what is asked
        # however common it is in English: the answer names one of the kind (KIND_NOUNS),
        # read where an auxiliary follows it ("which city was it signed in"); another noun
        # is asked where it is rare enough in English to say what is asked.
        and (
            weights[noun] >= _WHAT_WEIGHT
            if noun not in KIND_NOUNS
            and stem(asked_noun) not in KIND_NOUNS
            and not re.fullmatch(_PERSON_NOUN, asked_noun)
            else re.search(_WHAT_KIND, folded) is not None
        )
        and not any(noun in words for words in _CUE_WORDS.values())  # "what sum", "what date"
    ):
        # "What bounty did the US offer ...?", "which gate of the airport was bombed", "what
        # weapons killed him": the noun the question asks for (the head of its wh-phrase) is
        # what the answer must speak of, as of the head noun of "what is the X" -- or name one
        # of its kind (KIND_NOUNS: "which city"). Not a word for a kind of answer ("what year",
        # "what sum"), which the fact need not name.
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
    if voted is not None and counted == (voted,):
        groups[voted] = groups[voted] | _VOTING  # "voted" (stem "vot") counted as "13 votes"
    rarity = {word: _pack_rarity(lookups, groups[word]) for word in weights}
    derived_forms = {
        word: forms
        for word in weights
        if (
            forms := frozenset(
                form
                for form in _derivatives(spelled[word])
                # Only a form the loaded facts use, and one the stemmer's roots do not join
                # already (derived: "create", "creation") -- but for a noun in "-al", which
                # coverage does not read so ("withdrawal" for "withdrew").
                if lookups.frequency(form)
                and (not derived(word, {form}) or spelled[word].endswith("al"))
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
        and re.search(FORESEEING, folded) is None
        and re.search(_REPORTED_AHEAD, folded) is None,
        head_asked=head_asked,
        counted_head=counted_head,
        documents=documents(numbered)
        if (numbered := _as_corrected(folded, corrected))
        else frozenset(),
        resolutions=documents(numbered, resolutions=True) if numbered else frozenset(),
        times=frozenset(re.findall(_TIME_YEAR, folded)) if DIGIT.search(folded) else frozenset(),
        holder=tuple(key for word in holder if (key := corrected.get(word, word)) in weights),
        post_of=_post_of(folded, head, corrected, weights),
        subordinate=frozenset(timing | _subordinate(folded, corrected, weights)),
        future=_future(question, folded, weights),
        document_asked=re.search(_WHICH_RESOLUTION, folded) is not None,
        derived=derived_forms,
        said_about=said_about,
        subject=do_subject,
        amount_of=do_verb if measure is _MONEY else None,
        share_of=tuple(
            key
            for word in leading_content(folded[share_at.end() :], skip_leading=True)
            if (key := corrected.get(word, word)) in weights
        )
        if share and (share_at := re.search(_SHARE_ASKED, folded)) is not None
        else (),
    )


_IN_FACT = re.compile(r"\b(?:actually|really|in fact|in practice|in reality)\b")
"""Words with which a question asks what happened in fact, against what was planned."""


_REPORTED_AHEAD = (
    r"\b(?:say|said|says|due|under|agree|agreed|promised?|pledged?|commit(?:ted)?|target)\b"
    r"|\b(?:is|are|was|were)(?: \w+){0,5} to\b|\bto be\b"
)
"""Words with which a question asks what was said, due or agreed (compiled on first use)."""


_DO_SUBJECT = re.compile(
    r"^(?:\w+ )?(?:how|what|which|when|where|why|whom?)\b(?: \w+){0,3}? (?:do|does|did) "
    r"(?P<rest>.+)"
)
"""A wh-question whose verb takes "do" ("How much did the women pay?"): its subject and verb
follow the auxiliary."""


def _subject_of(
    folded: str, corrected: dict[str, str], weights: dict[str, float]
) -> tuple[tuple[str, ...], str | None]:
    """The content words of the subject of a wh-question's verb after "do", "does" or "did",
    and that verb: where the words after it (less a determiner and adverbs) up to a function
    word or the end are two, a noun and the verb ("how much did the women pay": women, pay).
    None for more ("did the US invade Afghanistan": a verb and its object follow the subject,
    which a reading without parts of speech cannot tell from a subject of two words)."""
    found = _DO_SUBJECT.match(folded) if " d" in folded else None
    if found is None:
        return (), None
    stretch: list[str] = []
    for raw in found.group("rest").split():
        word = stem(raw)
        if word in _DETERMINERS and not stretch:
            continue
        if word in FUNCTION_WORDS or word in PREPOSITIONS:
            break
        if not (raw.endswith("ly") and len(raw) > 4):  # an adverb ("reportedly")
            stretch.append(raw)
    if len(stretch) != 2 or VERB_FORM.search(stretch[0]):
        return (), None  # a subject of more words, or a verb and its object, cannot be told apart
    key, verb = _key(stretch[0], corrected), _key(stretch[1], corrected)
    return ((key,) if key in weights else ()), (verb if verb in weights else None)


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
    if head not in PERSON_ROLES or (of := re.search(_OF_WHAT, folded)) is None:
        return ()
    which = []
    for part in of.group("which").split():  # up to the first function word
        if (key := _key(part, corrected)) not in weights:
            break
        which.append(key)
    return tuple(which)


def _names(
    question: str, weights: dict[str, float], corrected: dict[str, str], lookups: Lookups
) -> tuple[tuple[str, tuple[frozenset[str], ...]], ...]:
    """The names the question gives (see Question.names): runs of content words written with a
    capital, as English writes a name ("Japan's prime minister?" too: a question's first word is
    most often a function word, and a content word opening a keyword query is what it is about);
    none at all when the question capitalises its function words too ("Who Is The Prime
    Minister ..."). Written in any case, a word with a possessive ("japan's prime minister") or
    the words after "of" in "who/what is the X of Y" ("the prime minister of japan") say which X
    is asked about as well."""
    written = WRITTEN_WORD.findall(question)
    parts = [fold(without_possessives(part)) for part in written]
    grammar = [n for n, part in enumerate(parts) if n and stem(part) in FUNCTION_WORDS]
    titled = sum(written[n][0].isupper() for n in grammar) * 2 > len(grammar)
    runs: list[list[str]] = [[]]
    for part, raw in zip(parts, written, strict=True):
        # English capitalises the months and days of the week too: they are dates, no names.
        if (
            raw[0].isupper()
            and not titled
            and _key(part, corrected) in weights
            and part not in CALENDAR_WORDS
            and stem(part) not in PREPOSITIONS  # "Within what period ...?"
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


# POSSESSIVE for each apostrophe apart: a pattern opening on a character, not a set, which the
# regex engine finds by a scan in C rather than trying at every character (half the
# instructions on a claim). The removals are POSSESSIVE's (a test compares them): each needs a
# word character before its apostrophe and none after its "s", which removing another keeps.
_POSSESSIVE_STRAIGHT = re.compile(r"'(?<=\w')s\b")
_POSSESSIVE_CURLY = re.compile(r"’(?<=\w’)s\b")


def without_possessives(text: str) -> str:
    """The text without its possessives' "'s" (POSSESSIVE)."""
    if "'" in text:
        text = _POSSESSIVE_STRAIGHT.sub("", text)
    if "’" in text:
        text = _POSSESSIVE_CURLY.sub("", text)
    return text


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


def leading_content(text: str, *, skip_leading: bool = False) -> tuple[str, ...]:
    """The words that open a phrase ("US soldiers died" after "how many"): up to the first
    function word, three at most."""
    words: list[str] = []
    for raw in text.split():
        word = stem(raw)
        if word in _DETERMINERS and not words and skip_leading:
            continue  # "the" in "what is the ..."
        if word in FUNCTION_WORDS or word in PREPOSITIONS or len(words) == 3:
            break
        words.append(word)
    return tuple(words)


def _pack_rarity(lookups: Lookups, group: frozenset[str]) -> float:
    """How rare a word (with its synonyms) is in the loaded facts: what it adds to the ranking."""
    used = max(lookups.frequency(member) for member in group)
    return math.log(1 + lookups.facts / (1 + used))


def asked_verb(question: Question) -> str | None:
    """The verb a "what does X VERB?" question ends on ("require", "establish", "decide"), or
    that follows "which X" in the past ("which resolution created ..."), as one of its content
    words; None for other questions."""
    text = question.text
    if "what " not in text and "which " not in text:
        return None  # (no pattern compiled for most questions)
    found = (
        ((" of " in text or " from " in text) and re.fullmatch(WHAT_REQUIRED, text))
        or re.fullmatch(_WHAT_DOES, text)
        or ("ed" in text and re.match(_WHICH_DID, text))
        or (question.resolutions and re.fullmatch(_WHAT_NOUN_DOES, text))
    )
    if not found:
        return None
    word = stem(found.group(1))
    if word in SAYING or word in _MEANING:
        return None  # what someone said, what a name means: a quote, a meaning
    if any(word in forms for _, parts in question.names for forms in parts):
        return None  # a name ("What did Panetta tell National Public Radio?")
    return word if word in question.weights and word not in question.named else None


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
    ("aw", "awal"),  # withdraw, withdrawal
    ("ew", "ewal"),  # renew, renewal
    ("iss", "issal"),  # dismiss, dismissal
    ("ay", "ayal"),  # betray, betrayal
    ("ove", "oval"),  # approve, approval; remove, removal
    ("ive", "ival"),  # arrive, arrival; survive, survival
    ("ose", "osal"),  # propose, proposal; dispose, disposal
    ("use", "usal"),  # refuse, refusal
)
"""English verbs and their nouns in -ion or -al whose spelling the stemmer does not join
(their first six letters differ, see derived): "When did the US invade Afghanistan?" is
answered by "the US-led invasion of Afghanistan". Each pair is a regular pattern of English,
not a word list."""
_IRREGULAR_PLURALS = (("man", "men"), ("child", "children"), ("person", "people"))
"""English plurals the stemmer does not join to their singular: woman and women, gunman and
gunmen, child and children, person and people."""
_ROOT_LETTERS = 3
"""Letters a word keeps before such an ending for the pattern to apply: "state" is not
"station", nor "side" "sion"."""


def _derivatives(raw: str) -> frozenset[str]:
    """The stems of a question's word's other forms: its verb or noun by the patterns of
    _NOMINALISED ("invade" gives "invasion", "invasion" gives "invade"), an irregular plural's
    singular and back, an irregular verb's other forms."""
    word = raw.lower()
    forms = {
        stem(form) for verb in IRREGULAR_VERBS if word in verb for form in verb if form != word
    }
    for singular, plural in _IRREGULAR_PLURALS:
        # "women" is "woman" counted: the stemmer leaves English's irregular plurals apart.
        for ending, other in ((plural, singular), (singular, plural)):
            # (Not "omen", "Oman": a word alone, or one of two letters or more before it.)
            if word.endswith(ending) and len(word) - len(ending) in (0, *range(2, len(word))):
                forms.add(stem(word[: len(word) - len(ending)] + other))
                break
    if not word.endswith(_nominal_suffixes()):
        return frozenset(forms)  # (most words: one test, not the loop's hundred)
    for verb, noun in _NOMINALISED:
        for ending, other in ((verb, noun), (noun, verb)):
            for suffix in (ending, f"{ending}s", f"{ending}d", f"{ending}ed"):
                if word.endswith(suffix) and len(word) - len(suffix) >= _ROOT_LETTERS:
                    forms.add(stem(word[: len(word) - len(suffix)] + other))
    return frozenset(forms)


@functools.cache
def _nominal_suffixes() -> tuple[str, ...]:
    """Every ending _derivatives tests for _NOMINALISED's verbs and nouns."""
    return tuple(
        suffix
        for pair in _NOMINALISED
        for ending in pair
        for suffix in (ending, f"{ending}s", f"{ending}d", f"{ending}ed")
    )


def derived(word: str, words: set[str] | frozenset[str]) -> bool:
    """Whether words hold another word of the same root (stemmed): "exempted" and
    "exemption", "require" and "requirement" (its first six letters, or all of a shorter
    word of five letters or more), "refocused" and "focusing" (less a prefix "re")."""
    if len(word) < 5:
        return False
    if word.startswith("re") and derived(word[2:], words):
        return True  # the same verb again: "refocused" and "focusing"
    root = word[:6]
    return any(
        other.startswith(root) or (len(other) >= 5 and word.startswith(other)) for other in words
    )


def happened_words(question: Question) -> frozenset[str]:
    """The question's words that say what happened ("signed", "released"): heavy enough, not
    naming what it is about, and no post, month or number."""
    about = question.named.union(*(forms for _, parts in question.names for forms in parts))
    return frozenset(
        word
        for word, weight in question.weights.items()
        if word not in about
        and weight >= EVENT_WEIGHT
        and not number(word)
        # A post ("who was president of the Council") is not what happened: the claim gives
        # it beside the name, in an aside as often as not (see has_post).
        and word not in PERSON_ROLES
        and word not in CALENDAR_WORDS
        # (as the question writes it: "january" is stemmed "januar")
        and question.spelled.get(word, word).lower() not in CALENDAR_WORDS
        and word != question.head
    )


def _as_corrected(folded: str, corrected: dict[str, str]) -> str:
    """The folded question, its misspelt words as corrected ("resolusion 1267": "resolution
    1267"), where it has a number (else empty): what documents it names are read from."""
    if not DIGIT.search(folded):
        return ""
    return " ".join(
        fixed if (fixed := corrected.get(stem(word), stem(word))) != stem(word) else word
        for word in folded.split()
    )


def documents(folded: str, *, resolutions: bool = False) -> frozenset[str]:
    """The numbers folded text gives documents by (see DOCUMENT_NUMBERS); with resolutions,
    only those it gives as resolutions' ("resolutions 1988 and 1989", not "the 1267
    committee")."""
    return frozenset(
        number(word)
        for found in re.finditer(DOCUMENT_NUMBERS, folded)
        for word in (found.group("numbers") or ("" if resolutions else found.group("body"))).split()
        if number(word)
    )


def owners(question: Question) -> list[str]:
    """The names among what is counted, or whose it is ("how many fighters does the Taliban
    have"), heavy enough to say whose they are ("Taliban" of "Taliban fighters"; not "US", as
    common in English as a function word)."""
    return [
        word
        for word in (*question.counted, *question.holder)
        if word in question.named and question.weights[word] >= _NAME_WEIGHT
    ]


def is_count(word: str) -> bool:
    return word.isdigit() or word in NUMBER_WORDS


_NUMBER = re.compile(r"(\d+)(?:st|nd|rd|th)?")
"""A number as a word: cardinal ("7590") or ordinal ("7590th", "21st")."""


def number(word: str) -> str:
    """The digits of a word that is a number, cardinal or ordinal; else the empty string."""
    match = _NUMBER.fullmatch(word)
    return match.group(1) if match else ""


def numbers(words: Iterable[str]) -> set[str]:
    """The numbers among the words, each as its digits ("8742nd" and "8742" alike)."""
    return {digits for word in words if (digits := number(word))}


def is_year(word: str) -> bool:
    """Whether a number reads as a year ("in 2001"), not a count."""
    return len(word) == 4 and word[:2] in ("19", "20")


QUESTION_WORDS = ("who", "whom", "whose", "what", "when", "where", "which", "why", "how")


_HOW_WORDS = ("much", "many")
"""The words that make "how" ask for a figure."""


def question_word_typo(word: str) -> str | None:
    """The question word a word is likeliest a typo of, one letter off it: a letter left out,
    before two neighbouring letters swapped, before one added, before one changed (the
    commonest typos first); None for a word as likely a typo of two, or of none. (Worked out
    for the question's words alone: a table of every typo of every question word, made at
    each start-up, cost 16 M instructions, a third of answering, measured.)"""
    return _typo_of(word, QUESTION_WORDS)


def _typo_of(word: str, meant: tuple[str, ...]) -> str | None:
    """Of the words meant, the one word is likeliest a typo of (see question_word_typo)."""
    if word in meant or len(word) > _LONGEST_TYPO:
        return None
    # A word one letter off another opens with its first or its second letter (whichever letter
    # is left out, added, changed or swapped): a test that rules most words out at once.
    opening = word[:2]
    ranks = {
        asked: rank
        for asked in meant
        if (asked[0] in opening or asked[1] in opening) and (rank := _typo_rank(word, asked))
    }
    best = [asked for asked, rank in ranks.items() if rank == min(ranks.values())]
    return best[0] if len(best) == 1 else None


_LONGEST_TYPO = max(map(len, QUESTION_WORDS)) + 1
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
"""The letters a typo adds or puts for another (see _typo_rank)."""


def _typo_rank(word: str, asked: str) -> int:
    """How word is asked mistyped by one letter, commonest first: 1 a letter left out, 2 two
    neighbouring letters swapped, 3 a letter added, 4 a letter changed; 0 not so."""
    if len(word) == len(asked) - 1:
        return 1 if any(asked[:n] + asked[n + 1 :] == word for n in range(len(asked))) else 0
    if len(word) == len(asked) + 1:
        added = (n for n in range(len(word)) if word[:n] + word[n + 1 :] == asked)
        return 3 if any(word[n] in _LETTERS for n in added) else 0
    if len(word) != len(asked) or word == asked:
        return 0
    apart = [n for n in range(len(word)) if word[n] != asked[n]]
    if len(apart) == 1:
        return 4 if word[apart[0]] in _LETTERS else 0
    return 2 if _swapped(word, asked) else 0


def _question_words_spelt(index: Index, lookups: Lookups, folded: str) -> str:
    """The folded question with its misspelt question words written right ("whn did ..."):
    a word one letter off a question word (see question_word_typo), neither common English
    nor the packs'. The typos of content words are corrected against the index (_corrected);
    a question word is in no fact, and decides what is asked."""
    words = folded.split()
    near = {word: meant for word in words if (meant := question_word_typo(word))}
    # "how mutch": after "how", a word one letter off "much" or "many" is the form asked.
    near |= {
        word: meant
        for before, word in itertools.pairwise(words)
        if before == "how" and (meant := _typo_of(word, _HOW_WORDS))
    }
    if not near:
        return folded
    known = index.english_zipf(list(near))
    spelt = {
        word: asked
        for word, asked in near.items()
        if word not in known and not lookups.frequency(stem(word))
    }
    return " ".join(spelt.get(word, word) for word in words)


def _corrected(index: Index, lookups: Lookups, word: str) -> str:
    """The word, or the indexed word it is most likely a misspelling of."""
    if number(word) or len(word) < 4 or lookups.frequency(word):
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


# "Who leads X", "who is the head of X now", "who runs X": a present-tense question on who holds a
# role wants its latest state. A question in the past tense, or naming a year, asks of its time.
_PRESENT = (  # compiled on first use (re caches it): only "who" questions need it
    r"\bwho(?:s| is| are| (?P<verb>leads|runs|heads|commands|controls|chairs|rules))\b"
)
_PAST = r"\bwho(?: was| were| (?P<verb>led|ran|headed|commanded|controlled|chaired|ruled))\b"


def role_asked(question: Question) -> tuple[frozenset[str], bool]:
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
        words = leading_content(question.text[asked.end() :], skip_leading=True)
    role = frozenset(
        word
        for word in words
        if word in question.weights and word not in question.named and word not in NOW
    )
    # A number that gives a document or a body ("the 1988 committee", "resolution 2001") is no
    # year the question asks of.
    now = asked.re.pattern == _PRESENT and not any(
        is_year(word) and word not in question.documents for word in question.weights
    )
    return role, now
