"""The English words and patterns that reading a question and judging its answers share."""

from __future__ import annotations

import re

from tqcli.ask.stems import STEMS as _LISTED_STEMS
from tqcli.model import EntityKind
from tqcli.textnorm import known_stems, stem

# The stems of these lists' words, made once (a test keeps the table so), are stem's from the
# start: the lists are read without stemming them, and so are the questions' words among them.
known_stems(_LISTED_STEMS)


def stems(words: str) -> list[str]:
    """The stems of space-separated lower-case ASCII words (a word list of the ask package)."""
    return list(map(stem, words.split()))


# Words that carry the question's grammar, not its subject (stemmed, as the index is). "Per
# resolution 1267" is "according to" it. Adverbs of relative time ("previously") say when the
# thing asked about happened only against something else: what it was is in other words.
FUNCTION_WORDS = frozenset(
    stems(
        "a an the of to in on at for by with from and or but is are was were be been being do "
        "does did done has have had what which who whom whose when where why how much many any "
        "some this that these those it its they them their there here about me tell please can "
        "could would should will shall may might i you we he she his her our your as than then "
        "so if into over under not no each every ever all also just still know find out get give "
        "happen happened again according per previously formerly earlier recently already "
        "originally initially subsequently"
    )
)
BEGAN = frozenset(
    stems(
        "become became becomes appointed named elected since succeeded sworn assumed took began "
        "started by"
    )
)
"""Words with which a claim says when a state began ("appointed ... in 2016", "since 2016",
"by August 1988")."""
BECOME = r"\bbec[oa]me\b(?! (?:known|public|clear|apparent|evident|aware|available)\b)"
"""Becoming something (a post, a state), not becoming known: compiled on first use."""
# Prepositions the function words leave out (they count as content, "after" the invasion), which
# end a phrase all the same ("the relationship between ...").
PREPOSITIONS = frozenset(
    stems(
        "between among amongst against within without during before after since until through "
        "across towards toward via near behind beyond upon"
    )
)
VERB_FORM = re.compile(r"^(?:\w{3,}(?:ing|ed)|doing|going|being|seeing|using|dying|lying)$")
"""A word in the form of a verb's participle ("seeking", "adopted"; a short verb's "doing")."""
CANDIDATES = 15
EVENT_WEIGHT = 0.5
"""Only words at least this heavy (rarer in English than Zipf 5.75) say what happened."""
TIME_UNITS = frozenset(
    stems(
        "second seconds minute minutes hour hours day days week weeks month months year years "
        "decade decades"
    )
)
NUMBER_WORDS = frozenset(
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


PERSON_ROLES = frozenset(
    stems(
        "representative ambassador envoy minister president secretary spokesman spokeswoman "
        "spokesperson official officials diplomat delegate chair chairman chairperson leader "
        "founder emir commander coordinator ombudsperson"
    )
)
"""Nouns that name a person by their post: who says something, though no one is named."""
WHO_IS = r"who(?:s| is| was| are| were)\b"  # compiled on first use (re caches it)
DOCUMENT_NUMBERS = (
    r"\b(?:resolutions?|res|unscr|sres)\s+(?P<numbers>\d+(?:(?:\s+(?:and|or)\s+|\s+)\d+)*)"
    r"|\b(?P<body>\d+) (?:sanctions )?(?:committee|regime|list)\b"
)
"""Numbers that name a resolution ("resolutions 1988 and 1989") or what it set up ("the 1988
committee"), compiled on first use."""
KIND_NOUNS = {
    **dict.fromkeys(
        stems("city town country province village capital place region district state hotel"),
        EntityKind.PLACE,
    ),
    **dict.fromkeys(
        stems(
            "organisation organization group body party tank institute institution university "
            "outlet channel station branch faction wing affiliate "
            "newspaper broadcaster agency company movement network"
        ),
        EntityKind.ORGANIZATION,
    ),
}
"""Nouns of a kind of thing ("which city", "what think tank"): a fact naming one of that kind
answers for the noun, which it need not say (Doha is a city)."""
WRITTEN_WORD = re.compile(r"[^\W\d_][\w'’]*|\d+")
"""A word as the question writes it, capitals and possessive included ("Taliban's")."""
WORD = re.compile(r"\w+")
# The patterns below are used in answering almost every question (a claim's apostrophe, the
# question's digits): compiled at import, so that their programs are kept (see regexcache).
# A pattern that opens with a character set, the look back after it, lets the regex engine skip
# ahead to candidates (as textnorm's digit grouping): one that opens with a look back or \b is
# tried at every character of a claim.
POSSESSIVE = re.compile(r"['’](?<=\w['’])s\b")
DIGIT = re.compile(r"\d")
WHAT_REQUIRED = (
    r"(?:\w+ )?what (?:does|did|do|will|would|shall) (?:\w+ ){1,6}?"
    r"(require|requires|demand|demands|expect|expects|want|wants|ask|asks) (?:of|from) "
    r"(?P<whom>(?:\w+ ){0,3}\w+)"
)
"""What does X require of Y?: the verb, and of whom (compiled on first use)."""
OBLIGING = frozenset(stems("require requires demand demands oblige obligate"))
"""Verbs with which a question asks what someone must do under an instrument."""
FORESEEING = (
    r"\b(?:will|shall|would|won t|going to|expected|expects?|plans?|planned|intends?|intended"
    r"|commit(?:s|ted|ments?)?|pledged?|pledges|promised?|promises|agreed (?:to|that)"
    r"|undert(?:akes?|ook)"
    r"|target(?:s|ed)?|deadline|ready|readiness|predict(?:s|ed)?|forecasts?|probably|likely"
    r"|(?:is|are|was|were) to|deciding to|decided to|within \d+|by (?:\d+ )?(?:19|20)\d\d)\b"
)
"""Words with which a fact looks ahead of its time -- a plan, a commitment, a deadline, an
expectation: only such a fact answers a question asked in the future (compiled on first use)."""
DEADLINE_ASKED = (
    r"\b(?:must|have to|has to|had to|(?:is|are|was|were) to|supposed to|required to|obliged to"
    r"|due to|due|deadline|by when|by what (?:date|time|year|month))\b"
    # "When will US troops leave?", "when would they leave under the deal": the time planned.
    r"|\bwhen (?:will|shall|would|won t)\b|\bwhen (?:is|are) (?:[\w-]+ ){1,4}?going to\b"
    # "When were US troops to leave?": "be" and its subject, then "to" and a verb (not a
    # participle's "to": "when were troops sent to Kabul").
    r"|\bwhen (?:is|are|was|were) "
    r"(?:(?!\w+ed |sent |brought |taken |given |flown )[\w-]+ ){1,4}?to\b"
)
"""A "when" that asks by when something must be done, not when it was agreed (compiled on first
use: only "when" questions need it)."""
A_YEAR = r"\b(?:1[89]|20)\d\d\b"
"""A year a claim gives (compiled on first use: only deadline questions need it)."""
SOMEONE = re.compile(r"\bwho\b|\bwhich (?:person|man|woman|group|organi[sz]ation)\b")
KIN = frozenset(
    stems(
        "bomber attacker gunman assassin wife husband son daughter father mother brother sister "
        "negotiator mediator signatory author writer presenter "
        "journalist reporter correspondent pilot judge"
    )
)
"""Nouns of a person that are no post (PERSON_ROLES): a deed's doer, a relation, a trade. A
"who" answer must be given one by its claim, beside the name (_KIN_NEAR words)."""
SAYING = frozenset(
    stems(
        "say said says tell told write wrote speak spoke call called describe described warn "
        "warned quote quoted remark comment statement announce announced declare declared claim "
        "claimed urge urged lament lamented"
    )
)
"""Words that ask about something said."""
MONTHS = (
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
CALENDAR_WORDS = frozenset({*map(str.lower, MONTHS), *_WEEKDAYS})
"""Words English capitalises that name no one: months and weekdays."""


HYPHENATED = r"\w+(?:-\w+)+"  # compiled on first use (re caches it)


IRREGULAR_VERBS = (
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


CAPITALISED_NAME = r"[A-Z][\w-]*(?: (?:of |the |al-)?[A-Z][\w-]*)*"
"""A run of capitalised words, a place's name (compiled on first use: only "where" needs it)."""


ENJOINING = (
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


BE = frozenset(stems("be been being is are was were"))


DID = r"(?:do|does|did) \w"
"""A yes/no question on a deed, its verb after "do" ("Did the US pay ...")."""


SAYING_VERBS = frozenset(
    stems("announce announced say said says tell told confirm confirmed report reported")
)
"""Verbs of telling: whoever only tells of what happened ("President Biden announced his death")
is not who did it or had it done to them."""
ACTING = PERSON_ROLES | frozenset(
    stems("leadership government regime forces troops army members fighters council chief head")
)
"""Nouns whose owner acts through them: "the Taliban's chief", "al-Qaeda's leadership considers"."""
SUCCESSION = frozenset(stems("succeed succeeded replace replaced successor"))
BEGINNING = frozenset(
    stems(
        "became become succeeded succeed replaced replace successor appointed named elected new "
        "now took assumed sworn"
    )
)
"""Words a claim says someone came into a post with: who succeeded someone is only in such a
clause ("Zawahiri became head of al-Qaeda in 2011, after its leader bin Laden was killed")."""
ENDING = frozenset(
    stems(
        "died dead death killed assassinated succeeded replaced successor predecessor removed "
        "ousted resigned"
    )
)
"""Words a claim says someone left a post with: whom a successor succeeded is in their sentence."""
PARTICIPLES = frozenset(
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
NOW = frozenset(stems("now today currently current presently nowadays still"))
ROLE_FACTS = 8
# Compiled on first use (re caches them): only role questions read a claim's clauses.
# An en dash between words with no space ("the US\u2013Taliban agreement", "1996\u20132001")
# joins them, as a hyphen does; spaced, it parts clauses as a dash does.
SENTENCE = r"[;:!?\u2014]|\.(?:\s|$)| [-\u2013] "
ASIDE = r"\([^()]*\)"
