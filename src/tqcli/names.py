"""Screening names: name keys kept in the index, and a scored, explained match of a name against
every person and organisation loaded, however either is spelled.

A name is folded (any script to ASCII, case, marks), split into words, and stripped of the
honorifics and the Arabic article that lists write or leave out at will ("Mullah", "al-"). Each
word is kept in the index under four keys: itself, its Metaphone code, its first and its last
three letters, so that a query finds its candidates by lookup (Hakkani and Haqqani, Baradur and
Baradar, Mohammed and Muhammad share a code; a typo leaves the first or the last letters alone).
Each candidate name is then scored from 0 to 1 against the query: the words of each are paired,
a pair counting 1 when equal, 0.9 when they sound alike and their edit similarity when that is
0.7 or more; the query's words and the name's are each weighed by rarity (a shared "Muhammad"
says less than a shared "Baradar"), and the score is 0.6 times how much of the query the name
covers plus 0.4 times how much of the name the query covers. docs/names.md explains it.
"""

# No `from __future__ import annotations`: NamedTuple would compile each field's annotation string
# at import, on every tq match.
import heapq
import itertools
import math
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from tqcli.errors import UnknownName
from tqcli.model import Catalog, Entity, EntityKind, Fact, Filters, Hit, Sanction
from tqcli.skeletons import (
    ARABIC_SCRIPT,
    ARTICLES,
    arabic_romanised,
    consonants,
    romanised,
    skeleton,
    unvocalized,
    without_article,
)
from tqcli.textnorm import fold

if TYPE_CHECKING:
    import sqlite3

    from tqcli.index import Index

DEFAULT_THRESHOLD = 0.8
"""A candidate scoring this or more is a match. Chosen on the tuning half of the evaluation
(bench/evaluate_names.py; docs/names.md), reported on the other half."""

SCREENED_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.OTHER})
"""Entities a name is screened against: people, organisations and the other things lists list
(vessels, aircraft); places and documents, which facts are about but no list sanctions, are
not."""

_SCHEMA = """
CREATE TABLE match_names (
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, name TEXT NOT NULL, quality TEXT,
    words TEXT NOT NULL, weights TEXT NOT NULL, titles TEXT NOT NULL, lead INTEGER NOT NULL,
    organization INTEGER NOT NULL
);
CREATE TABLE match_keys (key TEXT PRIMARY KEY, name_ids BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE fact_references (
    key TEXT NOT NULL, reference TEXT NOT NULL, seq INTEGER NOT NULL, entity_id TEXT
);
"""
_INDEXES = """
CREATE INDEX fact_references_key ON fact_references (key);
CREATE INDEX fact_references_entity ON fact_references (entity_id);
"""

# Honorifics and titles the lists put before names, or leave out: a name matches with or without.
_TITLES = frozenset(
    {
        "mullah",
        "mulla",
        "mawlawi",
        "maulavi",
        "maulvi",
        "mawlavi",
        "moulavi",
        "haji",
        "hajji",
        "alhaj",
        "alhajj",
        "sheikh",
        "shaikh",
        "shaykh",
        "sheik",
        "qari",
        "hafiz",
        "mufti",
        "mr",
        "mrs",
        "ms",
        "dr",
    }
)
# Titles the press writes before a name more often than lists do, and honorifics that are
# names too ("Molvi Abdul Salam Hanafi", "Moulana Masood Azhar", "Ustadz Abu Bakar Bashir",
# "Khalifa Sahib Sirajuddin Haqqani", the Taliban's way of naming him; "Kumander Putol"; but
# Khalifa is a given name, and Sahib, Saheb and Maulawi are words of listed names, "Agha
# Sahib", "MAULAWI RAJAB"): in a query, each counts only against a name that has it, and
# against a name that lacks it costs nothing, as a word that may be a title misspelt
# (QueryWords.optional); in a name, it is a word like any other.
_HONORIFIC_NAMES = frozenset(
    """molvi moulvi maulawi mowlawi maulana moulana mawlana molana ustad ustadh ustaz ustadz
    sahib saheb khalifa khalifah caliph emir commander kumander""".split()  # noqa: SIM905
)
# Offices, ranks, nobility and forms of address that English writes before a person's name
# ("President Vladimir Putin", "General Qasem Soleimani", "Crown Prince Mohammed bin Salman",
# "His Excellency ..."), which no list writes in the name it lists: before the query's names
# (and in a query that names no organisation, _ORGANIZATION_TYPES, _FUNCTION_WORDS), each counts
# only against a name that has it and costs nothing against one that lacks it, as an honorific
# does (_HONORIFIC_NAMES); and a name that shares nothing with the query but such a word is no
# candidate ("President Putin" found the built-in pack's "President Ghani", "President
# Clinton" and "President Biden" on "president" alone: stranger 16, finding 2). Some are names
# too ("Prince Yormie JOHNSON", John Major), and count where the name has them. The common
# English ones, with their usual abbreviations (Gen, Col, Lt ...), not a list's.
_OFFICES = frozenset(
    """president minister premier chancellor governor senator congressman congresswoman
    ambassador secretary mayor chairman chairwoman leader general admiral colonel lieutenant
    major captain brigadier sergeant marshal gen adm col lt maj capt brig sgt king queen prince
    princess sultan emperor empress lord lady sir dame duke duchess baron ayatollah imam
    excellency highness majesty honourable honorable hon rev reverend judge prof professor pope
    cardinal bishop archbishop patriarch""".split()  # noqa: SIM905
)
_OFFICE_QUALIFIERS = frozenset(
    """vice deputy prime crown field supreme grand foreign defence defense interior finance
    attorney chief acting former first royal his her""".split()  # noqa: SIM905
)
"""Words that qualify an office before it ("Prime Minister", "Crown Prince", "Supreme Leader",
"His Excellency"): part of the title only where an office follows them."""
_DOTTED_ADDRESS = re.compile(r"^\s*(H\.R\.H|H\.E|H\.H|H\.M)\.(?=\s)", re.IGNORECASE)
_ADDRESSES = {"h.r.h": "His Royal Highness", "h.e": "His Excellency", "h.h": "His Highness"}
_ADDRESSES["h.m"] = "His Majesty"
"""The abbreviations English writes, dotted and unspaced, for a form of address before a name
("H.E. Vladimir Putin"), written out; spaced ("H. E. Smith") they are a name's initials."""
# The spellings of one title, as one ("Mulla" is "Mullah"): a title the query and a listing share
# counts for the listing. Courtesy titles (Mr, Mrs, Ms) say nothing of who someone is.
_TITLE_FORMS = {
    **dict.fromkeys(("mullah", "mulla"), "mullah"),
    **dict.fromkeys(
        [
            "mawlawi",
            "maulavi",
            "maulvi",
            "mawlavi",
            "moulavi",
            "molvi",
            "moulvi",
            "maulawi",
            "mowlawi",
        ],
        "mawlawi",
    ),
    **dict.fromkeys(("maulana", "moulana", "mawlana", "molana"), "maulana"),
    **dict.fromkeys(("ustad", "ustadh", "ustaz", "ustadz"), "ustad"),
    **dict.fromkeys(("haji", "hajji", "alhaj", "alhajj"), "haji"),
    **dict.fromkeys(("sheikh", "shaikh", "shaykh", "sheik"), "sheikh"),
    **{title: title for title in ("qari", "hafiz", "mufti", "dr")},
}
_TITLE_ATTRIBUTE = "title"
"""The attribute in which imported lists record a person's titles (the UN's "Mullah")."""
# Words that say what kind of organisation a name is rather than which ("Haqqani Network",
# "Al-Rashid Trust", "... Company Limited"): a query that leaves them out ("Haqqani") names the
# organisation all the same. English, the legal forms lists write most, and the commonest of
# the German, French and Spanish that OpenSanctions' aliases write ("Osama bin Laden-Netzwerk").
_ORGANIZATION_TYPES = frozenset(
    """network group groups organization organisation movement front army brigade brigades
    battalion battalions party company co corporation corp limited ltd llc inc plc gmbh jsc sa
    foundation association society trust committee council institute center centre office
    bureau agency establishment enterprise enterprises holding holdings trading international
    bank netzwerk gruppe organisationen bewegung brigaden groupe reseau mouvement bataillon
    grupo movimiento frente""".split()  # noqa: SIM905
)
ORGANIZATION_TYPES = _ORGANIZATION_TYPES
"""The words that say what kind of organisation a name is (for the evaluation's queries)."""
_ORGANIZATION_TYPE = 0.5
"""What such a word of an organisation's name weighs, as a share of its rarity."""
_LEGAL_FORMS = frozenset(
    """company co corporation corp incorporated inc limited ltd llc llp lp plc gmbh ag kg jsc
    ojsc cjsc pjsc ooo oao zao pao tov pte pty fze fzco fzc sa sarl sas srl spa bv nv bhd sdn
    anonyme""".split()  # noqa: SIM905
)
"""Words that say an organisation's legal form, not which organisation it is nor what kind
(as Brigades or Network say): English's, the abbreviations lists write (JSC; Russian OOO, OAO,
ZAO, PAO; Ukrainian TOV; GmbH, SARL, SpA, BV, Pte, FZE, Sdn Bhd). "Kalashnikov Concern" lacks
only the legal form of JOINT STOCK COMPANY CONCERN KALASHNIKOV, not its kind (stranger 16,
finding 3)."""
_LEGAL_QUALIFIERS = frozenset(
    "joint stock public private closed open liability partnership societe".split()  # noqa: SIM905
)
"""Words of a legal form written out ("open joint stock company", "limited liability
partnership", "societe anonyme"): of the legal form only beside a word of _LEGAL_FORMS."""
_LEGAL_FORM = 0.1
"""What a word of an organisation's legal form weighs, as a share of its rarity: a name given
without it, or with another, is the same organisation's (not tuned)."""
_QUERY_LEGAL_FORM = 3
"""The fewest letters of a query's word of _LEGAL_FORMS that makes the words beside it a legal
form: a query may be a person's, in whose name "Co" or "Sa" is a name ("Nguyen Van Co")."""
_LONG_TITLES = sorted(title for title in _TITLES if len(title) >= 4)
"""Titles long enough that a word one edit away from one is that title misspelt."""
_PARTICLES = ARTICLES | {"the"}
"""The article written apart ("al-", and English's "the Taliban"): a name matches without it."""
_TOKEN = re.compile(r"\w+")
_WORD = re.compile(r"[a-z0-9]+")
_PHONETIC_SIMILARITY = 0.9
_LENGTH_RATIO = 0.75
"""Words that sound alike count as alike only when about as long."""
_FUZZY_FLOOR = 0.7
"""Below this edit similarity two words are not the same word misspelt."""
_SHORT_WORD = 4
"""The most letters of a word where one letter more, less or other is a quarter of it or more:
such a word, given as many names write it, is meant as written, and one a consonant off it is
another name ("Ali" and "Mali", "Said" and "Saif", "Amir" and "Amin"), not a typo of it
(stranger 16, finding 13: "Ali Khan" was a 0.88 MATCH on KHAN, Mali, above KHAN, Nasir Ali).
Words that sound alike still pair ("Ali", "Aly"), and so do words a vowel or an h apart, which
is romanisation ("Omar", "Umar"; as _another_known_word has it)."""
_JOINED_FLOOR = 0.85
"""Names whose words are run together or split apart match only when nearly the same."""
_SHORT_SKELETON = 2
"""Skeletons of this many consonants or fewer pair words only when both begin with a vowel or
neither does (measured on the tuning half; docs/names.md)."""
_SKELETON_FLOOR = 0.75
"""Below this edit similarity two consonant skeletons are not the same name romanised apart."""
_QUERY_SHARE = 0.6
"""The weight of how much of the query a name covers; the rest is how much of the name the query
covers (a listed name often adds a father's name that a query leaves out)."""
_CANDIDATES = 40
"""Names scored in full per query, at most: the ones sharing the rarest keys with it."""
_EVERY_WORD_CANDIDATES = 10
"""Names scored besides, at most, for having every word of the query in some form."""
_SHARED_SHARE = 0.5
"""Names sharing less than half the key weight the best-sharing name shares are not scored."""
_ONE_WORD = 0.75
"""What a match counts for, as a share of its score, when the query or the name it matched is
one word once titles are set aside ("Omar"; an alias "OMAR", "Sheik Omar"), unless both are the
same one word, titles and all, and that is an entity's name itself ("Taliban"): one word is
too vague to identify someone by (the UN grades such aliases Low; OFAC asks that its weak
aliases only corroborate a hit on other names), so it alone is never a match at the default
threshold; the listing is still a candidate, for review."""
_LINEAGE = 0.5
"""What a word of a listed name after the last word the query paired weighs in how much of the
name the query covers, as a share of its rarity: a listed name goes on with the father's and
grandfather's names that a query leaves out ("MOHAMMED OMAR GHULAM NABI" for "Mohammed Omar"),
where a word before or among the paired ones is a given name the query lacks ("HAMZA USAMA
MUHAMMAD BIN LADEN" for "Usama bin Laden", his son). Only where the query's words are paired in
the name's order: "Omar Mohammed Othman" is no lineage of "Mohammed Omar"."""
_EXTRA_GIVEN = 2.0
"""What a word of a listed name before the first word the query paired (and not paired itself)
weighs, as a share of its rarity: a given name the query lacks ("HAMZA USAMA MUHAMMAD BIN
LADEN", Usama bin Laden's son, for "Usama bin Laden"; "Omar Uthman Mohammed" for "Mohammed
Omar"), and so does a word among the paired ones where the query lacks the given name, or
pairs the words out of the name's order. Where the query has the given name and the words in
order, a word between the first and the last paired weighs as it is: a middle name or a
father's name, which the press leaves out ("Hamza bin Laden" for HAMZA USAMA MUHAMMAD BIN
LADEN, "Emilie Konig" for EMILIE EDWIGE KONIG); unless the query's given name, as written, is
on more than _COMMON_SOUND of the names, after which the middle name is often the one that
tells ("Mohammad Aziz" is not MOHAMMAD YAHYA AZIZ), or the query is in the Arabic script.
Doubled until the twelfth session of 2026-11-26 (chosen on the tuning half then: false
matches 0.008 -> 0.004; the rules added since hold them, at 0.8, without it: docs/names.md)."""
_COMMON_SOUND = 0.005
"""A query word whose sound (Metaphone code) is on more than this share of the names loaded is
a common name (Muhammad, Ahmad, Ali, Hassan, Said on the UN's and OFAC's lists). Chosen on the
tuning half: 0.002, 0.003 and 0.005 alike, 0.01 let 5 of 446 pairs of given names match."""
_COMMON_FLOOR = 10
"""A word whose sound is on this many names or fewer is never common: in a small pack a share
is a handful of names. (Not tuned: the evaluation's list has 2,684 names, so the share is
13.)"""
_COMMON_ONLY = _ONE_WORD
"""What a match counts for, as a share of its score, when every word of the query it paired is
a common name and the name has a word that names someone the query lacks ("Ahmed Hassan"
against "MOUKALLED, Hassan Ahmed"; "Muhammad Ali" against "Muhammad 'Ali al-Shawakh"): common
given names without the surname identify no one, so the listing is a candidate, for review,
never a match at the default threshold; unless the query has a title the listing has too
("Mullah Mohammed Omar": the UN's TAi.004, titled Mullah). A listed name or alias all of whose
words the query has ("Muhammad Ali" against "'ALI, Muhammad"; "Said Ahmad" against the alias
"Saeed Ahmed") is still a match: it is what the list names."""
_COMMON_PAIRED = 2
"""The most words of the query a name may pair for the cap on common given names to hold: two
common names are given names without the surname ("Ahmed Hassan"), three are someone's names
("Abdul Salam Hanafi", ABDUL SALAM HANAFI ALI MARDAN QUL, each of whose words is common by its
sound on the UN list: "Hanafi" sounds as Hanif and Hanifa do)."""
_LOW = "Low"
"""The UN's grade of an alias too vague to identify someone by (its "low quality" aliases)."""
_WEAK_GRADES = frozenset({_LOW, "weak alias"})
"""The grades of an alias too vague to identify someone by: the UN's Low, OpenSanctions' weak
alias. (OFAC's CSV files, which tq imports, do not say which of its aliases are weak.)"""
_KUNYA = frozenset({"abu", "abou", "abo", "umm", "um", "oum"})
""""Father of", "mother of": with the one word after it, a kunya ("Abu Bakr", "Abu Ubaydah"),
a byname that many share, so a name that is a kunya alone counts as one word (_ONE_WORD):
"Abu Zubaydah" matched a listed man's Good alias "Abu Ubaydah" at 0.90, the shared "Abu"
counted as an exact word (a stranger's trial). Unless the query is, word for word, the alias
the list gives not graded Low (_kunya_as_listed)."""
_FUNCTION_WORDS = frozenset(
    "of in for and on at to from by with against fi wal lil pour et und fur".split()  # noqa: SIM905
)
"""Words that join a group's name and no person's ("Al-Qaida in the Islamic Maghreb", "Front
for the Liberation of ...", Arabic "fi", "wal"): a query with one names an organisation, written
without the word saying what kind it is, not a person it is named after."""
_INITIAL_SIMILARITY = 0.8
"""What an initial paired with a word it begins counts for (not tuned: the evaluation makes no
queries with initials)."""
_INITIAL_WEIGHT = 0.5
"""What an initial weighs, as a share of the query's other words' mean weight."""
_DISTINCTIVE_NAMES = 20
"""A word on more names than this (as written or by its sound) names no one entity alone."""
_NAMED_ALONE = 0.9
"""What one word that names one entity alone counts for, as a share of how alike it is to the
name's word: as much as words that sound alike, for it is not the whole name."""
_COMMON_IN_TEXT = 3.0
"""A word at least this common in the text of some language that writes the lists' names in
the Latin script (_TEXT_LANGUAGES; wordfreq's Zipf scale: once in a million words) is a given
name or an ordinary word, which names no one alone, though one entity loaded has it ("Omar"
3.75 in English, "Farid" 3.57 in Indonesian, "Zahir" 3.31 in Turkish, "David" 5.13;
"Zawahiri" 2.23, "Baradar" 1.35 at most). Not tuned: Zipf 3 is the scale's "once in a
million"."""
_TEXT_LANGUAGES = ("en", "fr", "id", "ms", "tr")
"""English, French (which writes the Maghreb's names), Indonesian, Malay and Turkish: the
languages whose text writes most of the listed names in the Latin script (English alone took
"Farid" and "Zahir", common Arabic given names, for names no one else has; the tuning half's
single given names)."""


@lru_cache(maxsize=1)
def _words_in_text() -> frozenset[str]:
    """The words at least _COMMON_IN_TEXT in some of _TEXT_LANGUAGES (~140,000, read in ~40 ms,
    once, by a screening whose one word names one entity)."""
    from tqcli.wordweights import words_at_least

    return frozenset().union(
        *(words_at_least(_COMMON_IN_TEXT, language) for language in _TEXT_LANGUAGES)
    )


@lru_cache(maxsize=1 << 10)
def _found_in_text(words: frozenset[str]) -> frozenset[str]:
    from tqcli.wordweights import found_in

    return frozenset(found_in(words, _COMMON_IN_TEXT, _NAMES_FIRST))


_NAMES_FIRST = ("ms", "id", "tr", "en", "fr")
"""_TEXT_LANGUAGES, those whose text writes the most of the lists' given names first (Malay and
Indonesian: "abdul" 4.72 and 4.43, "ghani" 3.67 in Malay, where English has 3.66 and 2.64), so
that a given name is found early: ~5 ms for "Abdul Ghani", ~40 read in English first. (The
words found are the same in any order.)"""


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The words at least _COMMON_IN_TEXT in English."""
    from tqcli.wordweights import words_at_least

    return frozenset(words_at_least(_COMMON_IN_TEXT, "en"))


_NAMESAKES = 3
"""Other matches a profile names, at most, when the name asked for was screened."""
_NEAR = 0.1
"""A profile of a screened name also names the candidates scoring this little less than it."""
_BEARERS = 20
"""A profile of a one-word name that is a match also names, at most, this many more candidates
whose names have that word (as written or by its sound): "Haqqani" names the Haqqani Network
and the listed Haqqanis."""
_COMMON_KEY = 200
"""A key on more names than this finds no candidates by itself (its word is scored all the
same), unless the query has no other."""


class How(str, Enum):
    """How a query matched a name, from the strictest to the loosest."""

    EXACT = "exact"
    """The same text, but for case and spaces."""
    FOLDED = "folded"
    """The same words in the same order once folded: script, marks, titles, "al-"."""
    REORDERED = "reordered"
    """The same words in another order ("BARADAR, Abdul Ghani")."""
    JOINED = "joined"
    """Words run together or split apart ("Abdulghani", "Abdul Ghani"): the whole names
    compared, as one word each, decided the score."""
    PHONETIC = "phonetic"
    """Some words sound alike (Metaphone) without being spelled alike ("Baradur", "Baradar")."""
    FUZZY = "fuzzy"
    """Some words are close in spelling (a typo, a dropped letter)."""
    INITIAL = "initial"
    """A word of the query is an initial, paired with a word of the name it begins ("A. G.
    Baradar": Abdul Ghani Baradar)."""
    PARTIAL = "partial"
    """Some words of the query or of the name have no counterpart."""


_HOWS = tuple(How)
"""Strictest first (iterating the Enum itself is slower)."""


class WordPair(NamedTuple):
    """A word of the query and the word of the name it was paired with."""

    query: str
    """The query's word, folded."""
    name: str | None
    """The name's word, or None when the query's word has no counterpart."""
    similarity: float
    """1 for equal words, 0.9 for words that sound alike, else their edit similarity."""
    how: How
    """exact, phonetic or fuzzy; partial when the query's word has no counterpart."""


class ListEntry(NamedTuple):
    """A sanctions list an entity is on, as a sanction fact of the packs loaded says."""

    authority: str
    """Who keeps the list or imposed the measure ("UN Security Council", "OFAC")."""
    list_name: str | None
    """The list or programme ("Taliban", "SDN"; OpenSanctions' data sets), when the fact names
    one: a measure about a listing (a travel-ban exemption) names only its reference."""
    reference: str | None
    """The listing's reference number ("TAi.024"), when the list gives one."""
    fact: str
    """The id of the sanction fact that says so (`tq show` it)."""


class Cap(str, Enum):
    """Why a candidate's score counts only part of what its words share (docs/names.md)."""

    ONE_WORD = "one-word"
    """The query, or the name it matched, is one word once titles are set aside: too vague to
    identify someone by, a candidate for review, never a match at the default threshold."""
    NAMED_AFTER = "organisation-named-after"
    """The name is an organisation's with words saying what kind it is (Brigades, Network)
    that the query, a name of two words or more, lacks: what the organisation is named after,
    a person often ("Abdullah Azzam", ABDALLAH AZZAM BRIGADES)."""
    COMMON_NAMES = "common-given-names"
    """Every word of the query the name paired is a common given name, and the name has a
    surname or father's name the query lacks: common given names alone identify no one."""


CAP_REASONS = {
    Cap.ONE_WORD: "one word once titles are set aside: a candidate only, never a match",
    Cap.NAMED_AFTER: "an organisation named after the name asked for, which lacks its "
    "kind (Brigades, Network): a candidate only",
    Cap.COMMON_NAMES: "common given names without the surname: a candidate only, never a match",
}
"""What each cap says, in a candidate's explanation."""


class OneWord(str, Enum):
    """Why a match through one word (once titles are set aside) is not capped (docs/names.md,
    §6 and *The press's spellings*): the exceptions to Cap.ONE_WORD, shown with the score so
    that the explanation never contradicts it."""

    OWN_NAME = "own-name"
    """Both are one word and the name is the entity's own, titles and all ("Taliban")."""
    KUNYA_AS_LISTED = "kunya-as-listed"
    """A kunya alone, word for word an alias the list gives and does not grade weak."""
    NAMED_BY_TITLE = "named-by-title"
    """The query has a title, and of the names so titled only this person's have the word
    ("Mullah Omar": TAi.004 is the only listed Mullah named Omar)."""
    NAMED_BY_RARE_WORD = "named-by-rare-word"
    """The word is rare in text and only this person's names have it ("Baradar")."""


ONE_WORD_REASONS = {
    OneWord.OWN_NAME: "one word, and the entity's own name, titles and all (but for words "
    "saying what kind of organisation it is)",
    OneWord.KUNYA_AS_LISTED: "a kunya alone, as the list gives it in an alias not graded weak",
    OneWord.NAMED_BY_TITLE: "one word once titles are set aside, yet a match: of the names "
    "written with the title asked for, only this person's have the word",
    OneWord.NAMED_BY_RARE_WORD: "one word, yet a match: a word rare in text that only this "
    "person's names have",
}
"""What each exception to the one-word cap says, in a candidate's explanation."""


class Candidate(NamedTuple):
    """An entity a screened name may be, with its score and the reasons for it."""

    entity_id: str
    """The entity's id."""
    score: float
    """0 to 1: how well the query matches the entity's best-matching name."""
    match: bool
    """Whether the score reaches the threshold."""
    matched_name: str
    """The entity's name or alias that matched best, as written."""
    quality: str | None
    """The list's rating of that alias ("Good", "Low", "a.k.a."), or "name" for the main name."""
    how: tuple[How, ...]
    """How it matched, strictest first."""
    pairs: tuple[WordPair, ...]
    """The query's words and the name's words they were paired with."""
    listings: tuple[str, ...]
    """Reference numbers of the entity's listings ("TAi.024"), when it is listed."""
    lists: tuple[ListEntry, ...] = ()
    """The sanctions lists the entity, or an entity linked to it by same_as, is on, as the
    sanction facts loaded say (a listing, or a measure naming a listing's reference): none for
    an entity that is only mentioned in the packs (a diplomat, a journalist)."""
    cap: Cap | None = None
    """Why the score counts only part of what the words share, if it does."""
    one_word: OneWord | None = None
    """Why a match through one word (titles set aside) is not capped, where it is not."""

    @property
    def listed(self) -> bool:
        """Whether the entity is on some sanctions list loaded."""
        return bool(self.lists)

    @property
    def listed_match(self) -> bool:
        """Whether it is a match and on some sanctions list loaded: a screening hit."""
        return self.match and bool(self.lists)


class Screening(NamedTuple):
    """The candidates for one screened name, best first."""

    query: str
    """The name as given."""
    threshold: float
    """The score at or above which a candidate is a match."""
    candidates: tuple[Candidate, ...]
    """The best candidates, best first."""
    name_matches_not_shown: int = 0
    """The matches, listed or not, among the candidates left out by the limit."""
    hits_not_shown: int = 0
    """The matches on a listed entity among the candidates left out by the limit."""
    no_list_loaded: bool = False
    """Whether, with no hit, no sanctions list is loaded either (no loaded sanction is a listing
    naming its list, as an import's are): the built-in pack is no list, so "no match" then
    says nothing of the lists (stranger 17, finding 16). Not asked where a candidate is a hit."""

    @property
    def matched(self) -> bool:
        """Whether any candidate is a match, shown or not."""
        return self.name_matches_not_shown > 0 or any(c.match for c in self.candidates)

    @property
    def listed_match(self) -> bool:
        """Whether any candidate, shown or not, is a match and on some sanctions list loaded:
        what a screening is for (a match on someone only mentioned in a pack is no hit)."""
        return self.hits_not_shown > 0 or any(c.listed_match for c in self.candidates)


def name_words(name: str) -> list[str]:
    """The words a name is matched by: folded, without titles and the article (unless that
    would leave none); Cyrillic as lists romanise the names it writes."""
    if "-" in name:  # the izafe written apart: "Jaish-e-Mohammed", "Lashkar-i-Taiba"
        name = _IZAFE.sub("", name)
    if unvocalized(name):
        name = without_article(name)
    elif not name.isascii() and _CYRILLIC.search(name):
        name = _CYRILLIC_SPELLING.sub(lambda letters: _CYRILLIC_SOUNDS[letters[0].lower()], name)
    words = _WORD.findall(fold(name))
    kept = [word for word in words if word not in _TITLES and word not in _PARTICLES]
    return kept or words


_IZAFE = re.compile(r"(?<=\w)-[eEiI](?=[- ]\w)")
"""The Persian and Urdu izafe ("of") hyphened to the word before it, which one list writes -e-
and another -i- ("Jaish-e-Mohammed", JAISH-I-MOHAMMED; "Tehrik-e Taliban"): a word of neither
name."""


class QueryWords(NamedTuple):
    """The words of a query, and which of them may be a title misspelt."""

    words: list[str]
    """name_words() of the query."""
    optional: frozenset[int]
    """The positions of the words one edit from a title ("Mulah", "Sheki"; but also the names
    Hadi, Hafez, Ullah, Shein), of the honorifics and of the offices before the names
    ("President"): each counts only against a name that has it too, and against a name that
    lacks it costs nothing, as a title one side lacks. Never every word."""
    offices: frozenset[int] = frozenset()
    """The positions of the offices and forms of address before the names (_OFFICES): a name
    that shares no other word with the query is no candidate."""


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CYRILLIC_SOUNDS = {"дж": "j", "х": "h"}
"""Cyrillic letters as the lists romanise the Arabic, Persian and Pashto names that Russian
writes with them, where folding (anyascii) writes them otherwise: дж as j, not dzh (Сираджуддин,
Sirajuddin), х as h, not kh (Хаккани, Haqqani; Мохаммад, Mohammad). A word that Latin lists
write with kh (Халид, Khalid; Ходорковский) stays within one letter of it."""
_CYRILLIC_SPELLING = re.compile("дж|х", re.IGNORECASE)


_COMPOUND = re.compile(
    r"\b(?!(?:al|el|ul|ud|ad)\b)[a-z]{2,}"
    r"(?:-(?:ud|ul|ur|us|uz|ad|al|el|ed)-[a-z]{2,}"  # siraj-ud-din, zia-ur-rahman
    r"| (?:ud|ul|ur|us|uz)[- ][a-z]{2,}"  # zia ur rahman, noor ud-din
    r"| (?:al|el|ad|ed)[- ]?(?:d(?:ee|i|ie)ne?)"  # salah al-din, nur ad-din
    r"| (?:ullah|ollah|allah))\b"  # hidayat ullah
)
"""A compound name written apart (folded), which lists also run together: a name, the article
(ud, ur, al, ...) and its second word, joined by hyphens ("Siraj-ud-Din", "Zia-ur-Rahman") or
apart ("Zia ur Rahman"), "X al-Din" ("Salah al-Din", "Nur ad-Din"), and "X Ullah" ("Hidayat
Ullah"): "sirajuddin", "ziaurrahman", "salahaldin", "hidayatullah". (ASCII letters, the text
folded: a pattern of any script's letters, case-blind, took 5 ms to compile, on every
screening's start.)"""


def compounds_joined(name: str) -> str:
    """The name, folded, with its compounds written apart run together ("Siraj-ud-Din
    Haqqani": "sirajuddin haqqani"; "Salah al-Din": "salahaldin"); the name as given when it
    has none."""
    if "-" not in name and " " not in name:
        return name
    folded = fold(name)
    joined = _COMPOUND.sub(lambda found: re.sub("[- ]", "", found.group(0)), folded)
    return name if joined == folded else joined


def query_words(name: str) -> QueryWords:
    """name_words() of a query, with the words that may be titles misspelt, the offices before
    its names and an organisation's legal form ("JSC", "Ltd": optional too, a name lacking them
    is the same organisation's)."""
    words = name_words(name)
    offices = _offices(words)
    optional = offices.union(
        q for q, word in enumerate(words) if word in _HONORIFIC_NAMES or _misspelt_title(word)
    ) | legal_form(words, shortest=_QUERY_LEGAL_FORM)
    if len(optional) >= len(words):
        return QueryWords(words, frozenset(), frozenset())
    return QueryWords(words, optional, offices)


def legal_form(words: Sequence[str], *, shortest: int = 1) -> frozenset[int]:
    """The positions of an organisation's legal form in its name's words: the words of
    _LEGAL_FORMS and _LEGAL_QUALIFIERS in a row at its start or its end, one of them of
    _LEGAL_FORMS with at least shortest letters ("JOINT STOCK COMPANY Concern Kalashnikov",
    "Al Zarooni Trading CO LTD"); none where that would be every word."""

    def run(positions: Iterable[int]) -> list[int]:
        found = list(
            itertools.takewhile(
                lambda n: words[n] in _LEGAL_FORMS or words[n] in _LEGAL_QUALIFIERS, positions
            )
        )
        core = any(words[n] in _LEGAL_FORMS and len(words[n]) >= shortest for n in found)
        return found if core else []

    if _LEGAL_FORMS.isdisjoint(words):  # as nearly every name
        return frozenset()
    found = frozenset(run(range(len(words)))) | frozenset(run(reversed(range(len(words)))))
    return found if len(found) < len(words) else frozenset()


def _offices(words: Sequence[str]) -> frozenset[int]:
    """The positions of the offices and forms of address before a person's names (_OFFICES,
    with the words qualifying them): none in a name that has a word only organisations' names
    have."""
    if not _ORGANIZATION_TYPES.isdisjoint(words) or not _FUNCTION_WORDS.isdisjoint(words):
        return frozenset()
    return frozenset(range(_office_run(words)))


def _office_run(words: Sequence[str]) -> int:
    """How many of the words, from the first, are offices and the words qualifying them."""
    run = list(itertools.takewhile(lambda w: w in _OFFICES or w in _OFFICE_QUALIFIERS, words))
    while run and run[-1] not in _OFFICES:  # a qualifier qualifies an office after it
        run.pop()
    return len(run)


def addressed(query: str) -> str:
    """The query as it names someone: a dotted form of address written out ("H.E." as "His
    Excellency"), and an office after a comma left out ("Vladimir Putin, President of Russia",
    "Sergei Lavrov, Foreign Minister"), which describes the person named before it
    (_an_office)."""
    dotted = _DOTTED_ADDRESS.match(query)
    if dotted:
        query = _ADDRESSES[dotted.group(1).lower()] + query[dotted.end() :]
    if "," not in query:
        return query
    first, *parts = query.split(",")
    kept = [part for part in parts if not _an_office(_WORD.findall(fold(part)))]
    return ",".join([first, *kept]) if name_words(first) else query


def _an_office(words: Sequence[str]) -> bool:
    """Whether the words after a comma are an office: followed by a function word ("President
    of Russia", "Minister for Foreign Affairs"), or qualified and alone ("Foreign Minister").
    One such word alone is a given name after a surname ("EBRAHIMI, Ayatollah", an OFAC
    listing; "JOHNSON, Prince Yormie")."""
    words = list(itertools.dropwhile(lambda w: w in _PARTICLES, words))  # "the President of"
    run = _office_run(words)
    if run == len(words):
        return run > 1
    return run > 0 and words[run] in _FUNCTION_WORDS


@lru_cache(maxsize=1 << 14)
def _misspelt_title(word: str) -> bool:
    if len(word) < 4:
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    # One call for all the titles: a loop in C, not Python.
    return process.extractOne(word, _LONG_TITLES, scorer=OSA.distance, score_cutoff=1) is not None


@lru_cache(maxsize=1 << 16)
def phonetic(word: str) -> str:
    """The word's Metaphone code ("haqqani" and "hakkani" -> "HKN"); digits stand for
    themselves."""
    if word.isdigit():
        return word
    import jellyfish  # only a build, and a screening, need it

    return jellyfish.metaphone(word) or word


class _Unvocalized(NamedTuple):
    """A query written (at least partly) in the Arabic script, word by word."""

    words: list[str]
    """Its words as name_words() folds them."""
    skeletons: list[str]
    """Each word's skeleton, read from its letters where it is in the Arabic script."""
    joined: str
    """The skeleton of its words run together."""
    open_onsets: list[bool]
    """Whether each word begins with a vowel: an alif or an ʿayn in the script, which
    romanisations write as a first vowel ("عمر", Omar), not as a consonant ("مير", Mir)."""
    titles: frozenset[str]
    """The titles set aside, each in one spelling (ملا: mullah)."""
    optional: frozenset[int]
    """The positions of the words in the script whose skeleton is a title's (شيخ, ملا; but
    also الشواخ, al-Shawakh, and إيميلي, Emily): each counts only against a name that has it
    too, as QueryWords.optional. Never every word."""


_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
"""The script's vowel marks and shadda, which split a word as \\w reads it ("حقّاني")."""


def _unvocalized_query(query: str) -> _Unvocalized:
    """The words of a query with Arabic script in it, each with its skeleton: without the
    article and the romanised titles ("Mr"), and with the words in the script whose skeleton a
    title's is (ملا, مولوی, حاجی) optional, unless that would leave none."""
    # Each word folded, romanised letter by letter, and whether it is a title: in the script,
    # by its skeleton (ملا: mullah); else as written ("Mr"), since عمر (Omar) folds to "mr".
    letters: list[tuple[str, str, bool, bool]] = []
    dropped: set[int] = set()
    text = _ARABIC_MARKS.sub("", without_article(query.replace("\u200c", "")))
    for token in _TOKEN.findall(text):
        folded = _WORD.findall(fold(token))
        if len(folded) == 1 and ARABIC_SCRIPT.search(token):
            read = arabic_romanised(token)
            title = consonants(read) in _TITLE_SKELETONS
            letters.append((folded[0], read, title, token[0] in _OPEN_ONSETS))
        else:
            for word in folded:
                if word in _TITLES or word in _PARTICLES:
                    dropped.add(len(letters))
                letters.append((word, romanised(word), word in _TITLES, _open_onset(word)))
    if len(dropped) < len(letters):
        letters = [letter for n, letter in enumerate(letters) if n not in dropped]
    titled = [n for n, letter in enumerate(letters) if letter[2]]
    optional = frozenset(titled) if len(titled) < len(letters) else frozenset[int]()
    return _Unvocalized(
        [word for word, *_ in letters],
        [consonants(read) for _, read, *_ in letters],
        consonants("".join(read for n, (_, read, *_) in enumerate(letters) if n not in optional)),
        [onset for *_, onset in letters],
        frozenset(
            _TITLE_FORMS.get(word) or _SKELETON_TITLES.get(consonants(read), "")
            for word, read, title, _ in letters
            if title and optional
        )
        - {""},
        optional,
    )


_OPEN_ONSETS = frozenset("اأإآٱع")
"""Letters of the script that romanisations write as a first vowel: alif (with or without
hamza) and ʿayn ("أيمن", Ayman; "عمر", Omar)."""


_VOWELS = frozenset("aeiou")


def _open_onset(word: str) -> bool:
    """Whether a romanised word begins with a vowel (Omar, Usama, Abdul; not Mir, Yusuf)."""
    return word[:1] in _VOWELS


def _onset_agrees(word: str, open_onset: bool) -> bool:
    """Whether a name's word begins with a vowel as the query's word does, or may (a word
    without vowels was written in the script, whose first alif or ʿayn folding lost)."""
    return _open_onset(word) is open_onset or _VOWELS.isdisjoint(word)


_TITLE_SKELETONS = frozenset(map(skeleton, _LONG_TITLES))
"""Titles as the Arabic script writes them (ملا, مولوی, حاجی, شیخ)."""
_SKELETON_TITLES = {
    skeleton(title): _TITLE_FORMS[title] for title in _LONG_TITLES if title in _TITLE_FORMS
}
"""Each title's one spelling, by the skeleton the Arabic script writes it with."""


def _keys(words: Iterable[str], *, typos: bool = True, skeletons: bool = False) -> set[str]:
    """Each word under itself, its sound, (typos) its first and last three letters (a typo
    leaves one of the two alone), and (skeletons) its consonant skeleton."""
    keys: set[str] = set()
    for word in words:
        keys.update((f"w:{word}", f"p:{phonetic(word)}"))
        if typos:
            keys.update((f"a:{word[:3]}", f"z:{word[-3:]}"))
        if skeletons:
            keys.add(f"s:{skeleton(word)}")
    return keys


def _title_key(title: str) -> str:
    """The key of the names written with a title, or whose entity records it ("Mullah"): a
    query with the title finds them among the many that share its one other word ("Mullah
    Omar": TAi.004, MOHAMMED OMAR GHULAM NABI, titled Mullah, among the hundreds of Omars)."""
    return f"t:{title}"


def _whole_key(words: Sequence[str]) -> str:
    """The key of a name's words, in any order: a query with the same words finds the name
    however common each of them is ("MUHAMMAD, Muhammad", "Abu Bakr")."""
    return "n:" + " ".join(sorted(words))


# --- Building -------------------------------------------------------------------------------


def fill(connection: "sqlite3.Connection", catalog: Catalog) -> None:
    """Make the name tables of an index being built, and write into them the name keys of
    every screened entity (fill_references writes the facts' rows, once they are written)."""
    connection.executescript(_SCHEMA)
    write_names(connection, catalog.entities)


def write_names(connection: "sqlite3.Connection", entities: Mapping[str, Entity]) -> None:
    """Write the name keys of every screened entity of these (all those loaded, in load order:
    a word's weight is its rarity among all their names) into empty name tables."""
    rows = [
        (entity.id, name, quality, words, entity.kind is EntityKind.ORGANIZATION)
        for entity in entities.values()
        if entity.kind in SCREENED_KINDS
        for name, quality in _names_of(entity)
        for words in (name_words(name),)
    ]
    titles = [
        sorted(set(_titles(name)) | set(_titles(*entity.attributes.get(_TITLE_ATTRIBUTE, ()))))
        for entity_id, name, *_ in rows
        for entity in (entities[entity_id],)
    ]
    frequency: dict[str, int] = {}
    for *_, words, _ in rows:
        for word in set(words):
            frequency[word] = frequency.get(word, 0) + 1
    title_frequency: dict[str, int] = {}
    for held in titles:
        for title in held:
            title_frequency[title] = title_frequency.get(title, 0) + 1
    total = len(rows)

    def weight(word: str, organization: bool) -> float:
        kind = _ORGANIZATION_TYPE if organization and word in _ORGANIZATION_TYPES else 1.0
        return kind * _rarity(total, frequency[word])

    connection.executemany(
        "INSERT INTO match_names VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                number,
                entity_id,
                name,
                quality,
                " ".join(words),
                " ".join(f"{weight(word, organization):.4f}" for word in words),
                " ".join(
                    f"{title}:{_rarity(total, title_frequency[title]):.4f}"
                    for title in titles[number]
                ),
                _surname_length(name, words),
                organization,
            )
            for number, (entity_id, name, quality, words, organization) in enumerate(rows)
        ),
    )
    postings: dict[str, list[int]] = {}
    for number, (*_, words, _) in enumerate(rows):
        titled = [_title_key(title) for title in titles[number]]
        for key in (*_keys(words, skeletons=True), _whole_key(words), *titled):
            postings.setdefault(key, []).append(number)
    connection.executemany(
        "INSERT INTO match_keys VALUES (?, ?)",
        ((key, array("i", ids).tobytes()) for key, ids in postings.items()),
    )


def fill_references(
    connection: "sqlite3.Connection",
    catalog: Catalog,
    references: Iterable[tuple[str, str, int, str | None]] | None = None,
) -> None:
    """Write the listing references of every sanction of an index being built (references:
    their rows, when the catalog's facts are not at hand; see reference_rows), then index
    them."""
    if references is None:
        write_references(connection, enumerate(catalog.facts), catalog.entities)
    else:
        connection.executemany("INSERT INTO fact_references VALUES (?, ?, ?, ?)", references)
    connection.executescript(_INDEXES)


def write_references(
    connection: "sqlite3.Connection",
    numbered: Iterable[tuple[int, Fact]],
    entities: Mapping[str, Entity],
) -> None:
    """Write the listing references of these sanctions (each fact with its seq): a build writes
    every fact's, an update of the index those of the facts it adds."""
    connection.executemany(
        "INSERT INTO fact_references VALUES (?, ?, ?, ?)", reference_rows(numbered, entities)
    )


RECORD_IDS = ("OpenSanctions id",)
"""The attributes that hold an entity's id in the list it was imported from, where that id is
not a listing reference (OpenSanctions' Q317219; the UN's TAi.024 and OFAC's 6636 are): an
import report names a record by it, so `tq who` and `tq search` find the entity and its
sanctions by it too."""


def reference_rows(
    numbered: Iterable[tuple[int, Fact]], entities: Mapping[str, Entity]
) -> Iterator[tuple[str, str, int, str | None]]:
    """The fact_references rows of these facts (each with its seq): a row per sanction's
    listing reference and target, and per target's record id (RECORD_IDS), whose reference is
    left empty: it finds the entity, and is no listing of it."""
    for seq, fact in numbered:
        if not isinstance(fact.details, Sanction):
            continue
        reference = fact.details.reference
        if reference:
            for target in fact.details.targets or (None,):
                yield fold(reference).strip(), reference, seq, target
        for target in fact.details.targets:
            attributes = entities[target].attributes if target in entities else {}
            for label in RECORD_IDS:
                for record in attributes.get(label, ()):
                    yield fold(record).strip(), "", seq, target


def _titles(*texts: str) -> list[str]:
    """The titles written in these texts, each in one spelling ("Mulla": mullah)."""
    return [
        _TITLE_FORMS[word]
        for text in texts
        for word in _WORD.findall(fold(text))
        if word in _TITLE_FORMS
    ]


def _leading_titles(query: str) -> list[str]:
    """The titles a query is written with: those before its names, or before the given names
    after a surname written first ("Mullah Mohammed Omar", "Baradar, Mullah Abdul Ghani"). A
    title's word among the names is a name ("Hassan Sheikh Mohamud", a Somali president, his
    father's name; "Sharif Sheikh Ahmed"), left out of the words as titles are, but no title
    a listing may share."""
    return [
        title
        for part in query.split(",")
        for title in _titles(" ".join(itertools.takewhile(_is_title, _WORD.findall(fold(part)))))
    ]


def _is_title(word: str) -> bool:
    """Whether a word may stand before a name: a title, an honorific, the article."""
    return (
        word in _TITLES
        or word in _TITLE_FORMS
        or word in _HONORIFIC_NAMES
        or word in _PARTICLES
        or word in _OFFICES
        or word in _OFFICE_QUALIFIERS
    )


def _surname_length(name: str, words: Sequence[str]) -> int:
    """How many of a name's words come before its given names: those before a comma ("BIN
    LADEN, Hamza": 2), else none."""
    before, comma, _ = name.partition(",")
    if not comma:
        return 0
    lead = len(name_words(before))
    return lead if lead < len(words) else 0


def _names_of(entity: Entity) -> Iterator[tuple[str, str | None]]:
    """The entity's name and aliases, each with its quality; an organisation's written with its
    acronym in brackets ("AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)") also as the acronym alone
    and as the name without it, the two ways it is written apart; a name written with its
    form in another script in brackets also as each of them ("أبو بكر البغدادي (Abu Bakr
    al-Baghdadi)"), whose words would else be one name's. (Only that way round: a name in the
    script alone, two words often, meets a query in the script too loosely, by skeleton.)"""
    named = [(entity.name, "name"), *((alias.name, alias.quality) for alias in entity.aliases)]
    for name, quality in named:
        yield name, quality
        if entity.kind is EntityKind.ORGANIZATION and (found := _ACRONYM.fullmatch(name)):
            name_part, short = found.groups()
            yield name_part, quality
            if name_words(short):
                yield short, SHORT_FORM
        elif "(" in name and (found := _BRACKETED.fullmatch(name)):
            outside, inside = found.groups()
            if _latin(outside) is False and _latin(inside):
                for part in inside.split(";"):
                    if name_words(part):
                        yield part.strip(), quality


_BRACKETED = re.compile(r"\s*([^()]*[^()\s])\s*\(\s*([^()]+)\)[\s,.]*")
"""A name followed by another in brackets, or several apart by semicolons: the UN writes an
alias in the Arabic script with its romanisations so ("أبو بكر البغدادي الحسيني القريشي (Abu
Bakr al-Baghdadi al-Husayni al-Quraishi; Abu Bakr al-Baghdadi)")."""
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_OTHER_LETTER = re.compile("[^\\W\\d_A-Za-z\u00c0-\u024f]")


def _latin(text: str) -> bool | None:
    """Whether text is written in the Latin script (True), in another (False), or both or
    neither (None)."""
    latin, other = bool(_LATIN_LETTER.search(text)), bool(_OTHER_LETTER.search(text))
    return None if latin is other else latin


SHORT_FORM = "short form"
"""The quality of an organisation's short form, taken from the brackets of one of its names
("AQAP"): a match only as written, since a short form is no word to be misspelt ("James" is
not JAMBS)."""
_ACRONYM = re.compile(r"(.*\S)\s*\(\s*([^()\s]{2,12})\s*\)\s*")
"""A name followed by a short form of one word in brackets: the name, and the short form."""


def _rarity(total: int, frequency: int) -> float:
    """How much a word counts: words on few names count for more (inverse document frequency)."""
    return math.log(1 + total / (1 + frequency))


# --- Querying -------------------------------------------------------------------------------


def listed_entities(connection: "sqlite3.Connection", text: str) -> list[str]:
    """The entities named by the listings whose reference is text, the earliest listing first."""
    rows = connection.execute(
        "SELECT r.entity_id FROM fact_references r JOIN facts f ON f.seq = r.seq "
        "WHERE r.key = ? AND r.entity_id IS NOT NULL "
        "ORDER BY f.first_day IS NULL, f.first_day, f.id",
        (fold(text).strip(),),
    )
    return list(dict.fromkeys(str(row[0]) for row in rows))


def listings(connection: "sqlite3.Connection", entity_id: str) -> tuple[str, ...]:
    """The listing references naming this entity, as the facts spell them."""
    rows = connection.execute(
        "SELECT DISTINCT reference FROM fact_references WHERE entity_id = ? AND reference != ''"
        " ORDER BY key",
        (entity_id,),
    )
    return tuple(str(row[0]) for row in rows)


def sanction_lists(
    connection: "sqlite3.Connection", entity_ids: Sequence[str]
) -> tuple[ListEntry, ...]:
    """The sanctions lists these entities are on: each sanction fact that targets one of them
    and is a listing (it names its list), names a listing's reference (a travel-ban exemption
    for TAi.024), or, naming neither, is the listing of people itself: it targets people alone
    and imposes no `measures` (a pack's own fact that the UN listed Sirajuddin Haqqani, whose
    source gives no reference), the earliest first; one entry per authority, list and
    reference. A measure is what a resolution imposes on or demands of those it names (its
    freeze of bin Laden's funds, its demand that the Taliban hand him over), not an entry on a
    list; the resolutions' measures against the Taliban, an organisation, list no one."""
    marks = ", ".join("?" * len(entity_ids))
    rows = connection.execute(
        "SELECT f.id, json_extract(f.data, '$.details.authority'),"
        " json_extract(f.data, '$.details.list_name'), json_extract(f.data, '$.details.reference')"
        " FROM facts f WHERE f.kind = 'sanction'"
        f" AND f.seq IN (SELECT seq FROM fact_entities WHERE entity_id IN ({marks}))"
        " AND (json_extract(f.data, '$.details.list_name') IS NOT NULL"
        "  OR json_extract(f.data, '$.details.reference') IS NOT NULL"
        "  OR (coalesce(json_array_length(f.data, '$.details.measures'), 0) = 0"
        "   AND NOT EXISTS (SELECT 1 FROM json_each(f.data, '$.details.targets') t"
        "    LEFT JOIN entities e ON e.id = t.value"
        "    WHERE coalesce(json_extract(e.data, '$.kind'), '') != 'person')))"
        " AND EXISTS (SELECT 1 FROM json_each(f.data, '$.details.targets') t"
        f"  WHERE t.value IN ({marks}))"
        " ORDER BY f.first_day IS NULL, f.first_day, f.id",
        (*entity_ids, *entity_ids),
    )
    entries: dict[tuple[str, str | None, str | None], ListEntry] = {}
    for fact_id, authority, list_name, reference in rows:
        entry = ListEntry(str(authority), list_name, reference, str(fact_id))
        entries.setdefault(entry[:3], entry)
    return tuple(entries.values())


class _Stored(NamedTuple):
    entity_id: str
    name: str
    quality: str | None
    words: tuple[str, ...]
    weights: tuple[float, ...]
    titles: dict[str, float]
    """The titles the name is written with or its entity records, each with its rarity."""
    lead: int
    """How many of its words come before the given names (a surname written first)."""
    organization: bool
    """Whether it names an organisation."""
    one_word: bool
    """Whether it is one word, a kunya alone included (_one_word)."""
    legal: frozenset[int] = frozenset()
    """The positions of an organisation's legal form in words (legal_form), which weigh
    _LEGAL_FORM of their rarity and name neither it nor its kind."""


class Screener:
    """Screens names against one index, keeping what it reads for the next name (a batch)."""

    def __init__(self, connection: "sqlite3.Connection") -> None:
        self._connection = connection
        self._total = int(connection.execute("SELECT count(*) FROM match_names").fetchone()[0])
        self._names: dict[int, _Stored] = {}
        self._postings_read: dict[str, Sequence[int]] = {}
        self._sets: dict[str, frozenset[int]] = {}
        self._listings: dict[str, tuple[str, ...]] = {}
        self._lists: dict[str, tuple[ListEntry, ...]] = {}
        self._links: dict[str, list[str]] = {}
        self._link_alone: dict[str, bool] = {}
        self._lists_loaded: bool | None = None
        self._in_person_names: dict[str, bool] = {}
        self._named_words: dict[tuple[str, frozenset[str]], str | None] = {}
        self._screened = 0

    def screen(self, query: str, threshold: float, limit: int = 5) -> Screening:
        """The entities query may name, best first (at most limit), each scored and explained;
        a name with a compound written apart ("Siraj-ud-Din", "Salah al-Din") is screened as
        written and with the compound run together, as lists write it too ("Sirajuddin",
        "Salahaldin"), each entity scored by the better reading. Whether it matches, and
        matches a listed entity, is said of every candidate, shown or not."""
        self._screened += 1
        named = addressed(query)
        best = self._scored(named, threshold)
        joined = compounds_joined(named)
        if joined != named:
            for entity_id, scored in self._scored(joined, threshold).items():
                known = best.get(entity_id)
                if known is None or scored.score > known.score:
                    best[entity_id] = scored
        screening = self._ranked(query, threshold, best, limit)
        if not screening.listed_match and not self._a_list_loaded():
            return screening._replace(no_list_loaded=True)
        return screening

    def _a_list_loaded(self) -> bool:
        """Whether some loaded sanction is a listing that names its list (asked once)."""
        if self._lists_loaded is None:
            self._lists_loaded = (
                self._connection.execute(
                    "SELECT 1 FROM facts WHERE kind = 'sanction'"
                    " AND json_extract(data, '$.details.list_name') IS NOT NULL LIMIT 1"
                ).fetchone()
                is not None
            )
        return self._lists_loaded

    def _ranked(
        self, query: str, threshold: float, best: dict[str, "_Scored"], limit: int
    ) -> Screening:
        """The best-scored entities, at most limit, explained; at equal score a listed entity
        before one on no list (stranger 16, finding 1: with --limit 1, the built-in pack's
        Hamza bin Laden, on no list, hid OFAC's listing of him at the same 1.00). The matches
        and hits beyond the limit are counted, so that the verdict is every candidate's."""
        by_score = sorted(best.values(), key=lambda s: (-s.shown, s.stored.entity_id))
        # Listed or not is read only where it tells: where the limit falls among equal scores,
        # and for the matches (the verdict's).
        edge = by_score[limit - 1].shown if 0 < limit <= len(by_score) else 0.0
        listed = {
            scored.stored.entity_id: bool(self._lists_of(scored.stored.entity_id))
            for scored in by_score
            if scored.shown >= edge or scored.shown >= threshold
        }
        ranked = sorted(
            by_score,
            key=lambda s: (-s.shown, not listed.get(s.stored.entity_id, False), s.stored.entity_id),
        )
        shown, beyond = ranked[:limit], ranked[limit:]
        matches = [scored for scored in beyond if scored.shown >= threshold]
        return Screening(
            query,
            threshold,
            tuple(self._candidate(scored, threshold) for scored in shown),
            name_matches_not_shown=len(matches),
            hits_not_shown=sum(listed[scored.stored.entity_id] for scored in matches),
        )

    def _candidate(self, scored: "_Scored", threshold: float) -> Candidate:
        """A scored name, explained."""
        query, words, optional = scored.reading
        stored, paired = scored.stored, scored.paired
        present = _present(words, optional, paired)
        pairs = (
            _pairs(words, stored, paired, optional)
            if isinstance(paired, dict)
            else (WordPair(" ".join(present), " ".join(stored.words), paired, How.JOINED),)
        )
        return Candidate(
            entity_id=stored.entity_id,
            score=scored.shown,
            match=scored.shown >= threshold,
            matched_name=stored.name,
            quality=stored.quality,
            how=_how(query, present, stored, pairs),
            pairs=pairs,
            listings=self._listings_of(stored.entity_id),
            lists=self._lists_of(stored.entity_id),
            cap=scored.cap,
            one_word=scored.uncapped,
        )

    def _scored(self, query: str, threshold: float) -> dict[str, "_Scored"]:
        """Each entity a reading of the query may name, by its best-scored name."""
        arabic = _unvocalized_query(query) if unvocalized(query) else None
        words, optional, offices = (
            (arabic.words, arabic.optional, frozenset[int]()) if arabic else query_words(query)
        )
        initials = frozenset() if arabic else _initials(words)
        if not words:
            return {}
        reading = _Reading(query, words, optional)
        keys = _keys(words, typos=False)
        if arabic:
            keys.update(f"s:{form}" for form in arabic.skeletons)
        whole = _whole_key(words)
        keys.add(whole)
        titles = arabic.titles if arabic else frozenset(_leading_titles(query))
        title_keys = [_title_key(title) for title in sorted(titles)]
        keys.update(title_keys)
        postings = self._postings(keys)
        # The names with the query's very words, however common each is: a name given exactly
        # as listed always finds its listing (taken apart from the keys whose shares choose the
        # candidates, which it would raise for the names it is on).
        same = postings.pop(whole, ())
        # The first and last letters are looked up only for words no name has as written:
        # those that may be misspelt (measured on the tuning half: the same recall, a quarter
        # less time).
        # (Not for a query in the Arabic script: its skeletons stand for them, and the letters
        # of its unvocalized words would find romanised names at random.)
        # (Nor for a word that may be a title misspelt: it finds the names that have it.)
        unknown = [
            word
            for q, word in enumerate(words)
            if f"w:{word}" not in postings and q not in optional and q not in initials
        ]
        if unknown and not arabic:
            postings.update(self._postings(_keys(unknown)))
        found_by = (
            [f"s:{form}" for form in arabic.skeletons] if arabic else [f"w:{w}" for w in words]
        )
        weights = tuple(_rarity(self._total, len(postings.get(key, ()))) for key in found_by)
        if initials:  # an initial says less than any name: half what the names weigh, on average
            names_weigh = [weight for q, weight in enumerate(weights) if q not in initials]
            weights = tuple(
                _INITIAL_WEIGHT * sum(names_weigh) / len(names_weigh) if q in initials else weight
                for q, weight in enumerate(weights)
            )
        # (Not in the Arabic script: its words are looked up by skeleton, not by sound.)
        common = (
            frozenset[int]()
            if arabic
            else frozenset(
                q
                for q, word in enumerate(words)
                if len(postings.get(f"p:{phonetic(word)}", ()))
                > max(_COMMON_SOUND * self._total, _COMMON_FLOOR)
            )
        )
        # Too few names loaded to say which are common (the built-in pack's 311): the words of
        # text say it instead, read only for a name met by its first words (_given_names_alone).
        few_names = _COMMON_SOUND * self._total <= _COMMON_FLOOR and arabic is None
        query_lead = 0 if arabic else _surname_length(query, words)
        # A given name as common as written (not by sound: "Sally" sounds as Salah, Saleh do).
        given_common = len(postings.get(f"w:{words[0]}", ())) > max(
            _COMMON_SOUND * self._total, _COMMON_FLOOR
        )
        candidates = self._candidates(postings)
        if same:
            chosen = {id(name) for name in candidates}
            candidates += [  # (as many as the other candidates, at most)
                name for name in self._names_of(same[:_CANDIDATES]) if id(name) not in chosen
            ]
        if not arabic:
            chosen = {id(name) for name in candidates}
            required = [
                word for q, word in enumerate(words) if q not in optional and q not in initials
            ]
            candidates += [
                name
                for name in self._with_every_word(required, postings, title_keys)
                if id(name) not in chosen
            ]
        if arabic:  # romanised names by their skeletons, however many share the script's words
            by_skeleton = {key: ids for key, ids in postings.items() if key.startswith("s:")}
            # (Every one: a name in the script itself shares far more keys with the query.)
            candidates += [
                name for name in self._candidates(by_skeleton, share=0) if name not in candidates
            ]
        vocabulary = list({other: None for stored in candidates for other in stored.words})
        # A short word that many names have as written is a name as meant ("Ali"): one letter
        # off it is another name ("Mali", "Alia"), not it misspelt.
        as_meant = frozenset(
            q
            for q, word in enumerate(words)
            if len(word) <= _SHORT_WORD
            and len(postings.get(f"w:{word}", ())) > max(_COMMON_SOUND * self._total, _COMMON_FLOOR)
        )
        alike = _alike(words, vocabulary, initials, by_sound=arabic is None, as_meant=as_meant)
        if arabic:
            _add_skeletons(arabic.skeletons, arabic.open_onsets, vocabulary, alike)
        joined = arabic.joined if arabic else None
        best: dict[str, _Scored] = {}
        query_one_word = _one_word(words)
        for stored in candidates:
            score, paired, present = _score(
                words,
                weights,
                stored,
                alike,
                joined_skeleton=joined,
                titles=titles,
                optional=optional,
                middle_names=arabic is None and not given_common,
            )
            if score >= threshold and isinstance(paired, dict):
                others = _other_words(words, stored, paired)
                if others:  # another name, not a typo of the name's word: no pair
                    score, paired, present = _score(
                        words,
                        weights,
                        stored,
                        {
                            word: [e for e in entries if (e[0], word) not in others]
                            for word, entries in alike.items()
                        },
                        joined_skeleton=joined,
                        titles=titles,
                        optional=optional,
                        middle_names=arabic is None and not given_common,
                    )
            if stored.quality == SHORT_FORM and (
                not isinstance(paired, dict)
                or any(how is not How.EXACT for *_, how in paired.values())
            ):
                continue
            cap = None
            if initials:
                one_word = _one_word(_named(words, initials, paired))
            else:  # (the query's words are the same for every name, but those that may be titles)
                one_word = query_one_word if len(present) == len(words) else _one_word(present)
            uncapped = None
            if one_word or stored.one_word:
                if _one_and_the_same(present, titles, stored):
                    uncapped = OneWord.OWN_NAME
                elif _kunya_as_listed(present, stored, paired):
                    uncapped = OneWord.KUNYA_AS_LISTED
            if (one_word or stored.one_word) and uncapped is None:
                named = (
                    self._named_alone(words, present, titles, stored, paired, postings)
                    if arabic is None
                    else 0.0
                )
                if named:  # one word that names one entity: as much as the word is alike
                    score = max(score, _NAMED_ALONE * named)
                    # (_one_named looks among the names so titled where the query has a title)
                    uncapped = OneWord.NAMED_BY_TITLE if titles else OneWord.NAMED_BY_RARE_WORD
                else:
                    score *= _ONE_WORD
                    cap = Cap.ONE_WORD
            elif (
                isinstance(paired, dict)
                and _named_after(stored, paired, present)
                and not self._names_the_group(present, stored, paired)
            ):
                score *= _ONE_WORD
                cap = Cap.NAMED_AFTER
            elif (
                common
                and isinstance(paired, dict)
                and len(_named_words(words, paired)) <= _COMMON_PAIRED
                and _named_words(words, paired) <= common
                and (
                    _lacks_a_name(stored, paired)
                    or _nisba_paired(words, stored, paired)
                    or (
                        score >= threshold
                        and (
                            _common_alias(words, stored, paired, query_lead, self._all_in_text)
                            or self._given_names_of_a_packs_name(words, stored, paired)
                        )
                    )
                )
                and titles.isdisjoint(stored.titles)
            ) or (
                (few_names or (score >= threshold and bool(common)))
                and isinstance(paired, dict)
                and (
                    few_names
                    or (
                        bool(_named_words(words, paired) & common) and _lacks_a_name(stored, paired)
                    )
                )
                and _given_names_alone(words, stored, paired, titles, self._all_in_text)
            ):
                score *= _COMMON_ONLY
                cap = Cap.COMMON_NAMES
            if round(score, 4) <= 0 or (
                offices and isinstance(paired, dict) and paired.keys() <= offices
            ):
                # No word of the query is any of the name's (the name was looked up by a sound
                # or letters it shares): no candidate, but noise among them (stranger 14, 20);
                # nor is a name that shares an office alone (_OFFICES).
                continue
            if stored.entity_id not in best or score > best[stored.entity_id].score:
                best[stored.entity_id] = _Scored(
                    score, stored, paired, cap, None if cap else uncapped, reading
                )
        return best

    def _all_in_text(self, words: Sequence[str]) -> bool:
        """Whether every one of these words is a word of text (_words_in_text). For one name
        the lists are read no further than the words are found (~5 ms for two given names,
        where reading them whole takes ~70, and a word in none of them ~45); a batch (a second
        name screened on) reads them whole, once, as its names ask many."""
        asked = frozenset(words)
        if self._screened > 1 or _words_in_text.cache_info().currsize:
            return asked <= _words_in_text()
        return _found_in_text(asked) == asked

    def _named_alone(
        self,
        words: Sequence[str],
        present: Sequence[str],
        titles: frozenset[str],
        stored: _Stored,
        paired: "_Pairing | float",
        postings: dict[str, Sequence[int]],
    ) -> float:
        """How alike the one word of a query is to the name's, where that word names one
        entity as well as the lists can (0 where it does not): the query is one word, a title
        or a kunya's "Abu" set aside, paired exactly or by sound with a person's name not
        graded weak; the word, as written and by its sound, is on the names of that entity
        alone (or of entities same_as links to it), at most _DISTINCTIVE_NAMES of them, one
        of them not graded weak; and either the query has a title that entity's names are
        written with or its entity records, and no other entity so titled has the word, or
        the word is not common in text (_COMMON_IN_TEXT). "Baradar", "Zawahiri", "Shekau"
        (the name the press writes alone); "Mullah Omar" (TAi.004, titled Mullah: no other
        listed Mullah is an Omar), "Hafiz Saeed"; not "Haqqani", on many listed men's names,
        nor "David" (one listed man's alias is "David Mayer") or, in the built-in pack alone,
        "Omar": a given name common in text is no one's alone, whatever the lists loaded
        hold; nor a misspelt word ("Lakvhi"), nor a word of a group's name."""
        if (
            not isinstance(paired, dict)
            or len(paired) != len(present)
            or not _one_word(present)
            or stored.quality in _WEAK_GRADES  # (the entity's other names say it)
            or stored.organization  # (a word of a group's name is no name of it)
        ):
            return 0.0
        named = [q for q in paired if words[q] not in _KUNYA] if len(paired) > 1 else [*paired]
        if len(named) != 1 or any(
            how is not How.EXACT and how is not How.PHONETIC for _, _, how in paired.values()
        ):
            return 0.0
        word = words[named[0]]
        known = (word, titles)
        if known not in self._named_words:
            self._named_words[known] = self._one_named(word, titles, postings)
        owner = self._named_words[known]
        if owner is None or (
            stored.entity_id != owner and stored.entity_id not in self._linked(owner)
        ):
            return 0.0
        return paired[named[0]][1]

    def _one_named(
        self, word: str, titles: frozenset[str], postings: dict[str, Sequence[int]]
    ) -> str | None:
        """The one entity (with those linked to it) a word of one-word query names, if it
        names one (see _named_alone)."""
        ids = sorted(
            {
                name_id
                for key in (f"w:{word}", f"p:{phonetic(word)}")
                for name_id in postings.get(key, ())
            }
        )
        if not ids or len(ids) > (_COMMON_KEY if titles else _DISTINCTIVE_NAMES):
            return None
        found = [  # (a key by sound is on words that do not sound alike: "shekau", "shaikh")
            name
            for name in self._names_of(ids)
            if not name.organization
            and any(other == word or _sound_alike(word, other) for other in name.words)
            and (not titles or not titles.isdisjoint(name.titles))  # those so titled
        ]
        if not found or len(found) > _DISTINCTIVE_NAMES:
            return None
        owners = {name.entity_id for name in found}
        first = min(owners)
        if not owners <= {first, *self._linked(first)}:
            return None
        if all(name.quality in _WEAK_GRADES for name in found):
            return None
        return first if titles or word not in _words_in_text() else None

    def _names_the_group(self, words: Sequence[str], stored: _Stored, paired: "_Pairing") -> bool:
        """Whether a query that an organisation's name holds, but for its kind, is that
        organisation's name written without its kind rather than a person's it is named after:
        the query pairs every word of the name but those saying what kind it is and function
        words, and it has a function word itself, or a word that is, as written, a word of the
        organisation's name no person's name loaded has. "Islamic Jihad" (no listed person is
        named Islamic), "Rajah Solaiman", "Al-Qaida in the Islamic Maghreb" are; "Abdullah
        Azzam" and "Osama bin Laden" (words of listed men's names) are not. A word met only by
        sound or misspelt says nothing, and a name with other words the query lacks is named by
        none ("Khadija Khan" against KHADIJA SHIP MANAGEMENT PRIVATE LIMITED). Read only where
        such an organisation is a candidate, and kept for the next name of a batch."""
        held = {n for n, *_ in paired.values()}
        if any(
            n not in held
            and word not in _ORGANIZATION_TYPES
            and word not in _FUNCTION_WORDS
            and n not in stored.legal
            for n, word in enumerate(stored.words)
        ):
            return False
        if not _FUNCTION_WORDS.isdisjoint(words):
            return True
        for n, _, how in paired.values():
            if how is not How.EXACT:
                continue
            key = f"w:{stored.words[n]}"
            if key not in self._in_person_names:
                ids = self._postings([key]).get(key, ())
                self._in_person_names[key] = any(
                    self._connection.execute(
                        "SELECT EXISTS (SELECT 1 FROM match_names WHERE organization = 0 AND id "
                        f"IN ({', '.join('?' * len(chunk))}))",
                        chunk,
                    ).fetchone()[0]
                    for chunk in (list(ids[at : at + 500]) for at in range(0, len(ids), 500))
                )
            if not self._in_person_names[key]:
                return True
        return False

    def _listings_of(self, entity_id: str) -> tuple[str, ...]:
        """The entity's listings, then those of the entities same_as links to it (as tq who
        gives them): a pack's person linked to a UN listing is listed."""
        if entity_id not in self._listings:
            self._listings[entity_id] = tuple(
                dict.fromkeys(
                    reference
                    for same in (entity_id, *self._linked(entity_id))
                    for reference in listings(self._connection, same)
                )
            )
        return self._listings[entity_id]

    def _lists_of(self, entity_id: str) -> tuple[ListEntry, ...]:
        """The sanctions lists the entity, or an entity same_as links to it, is on."""
        if entity_id not in self._lists:
            self._lists[entity_id] = sanction_lists(
                self._connection, (entity_id, *self._linked(entity_id))
            )
        return self._lists[entity_id]

    def _given_names_of_a_packs_name(
        self, words: Sequence[str], stored: _Stored, paired: "_Pairing"
    ) -> bool:
        """Whether common names of a query, all of them words of ordinary text (given names,
        as _common_alias asks of a list's weak alias), are met by a person's name that is a
        pack's, not a list's: the person is on a loaded list only through an entity that
        same_as links to them (the built-in pack's Mullah Omar, linked to the UN's TAi.004).
        "Mohammed Omar", the built-in pack's alias for him, is then no more a hit on the
        listing than it is against the list's own names (MOHAMMED OMAR GHULAM NABI): a
        candidate, capped (stranger 18, finding 7), so that a screening's verdict is the
        lists', whichever pack is loaded beside them. A surname is no word of text: the built-in
        "Khalil Haqqani" (TAi.150) still matches. (An organisation's names are no given names.)"""
        if stored.organization or not self._listed_by_link_alone(stored.entity_id):
            return False
        return self._all_in_text([words[q] for q in _named_words(words, paired)])

    def _listed_by_link_alone(self, entity_id: str) -> bool:
        """Whether the entity is on a loaded list only through an entity same_as links to it."""
        if entity_id not in self._link_alone:
            self._link_alone[entity_id] = bool(self._lists_of(entity_id)) and not sanction_lists(
                self._connection, (entity_id,)
            )
        return self._link_alone[entity_id]

    def _linked(self, entity_id: str) -> list[str]:
        """The entities same_as links to this one."""
        if entity_id not in self._links:
            self._links[entity_id] = sorted(
                str(row[0])
                for row in self._connection.execute(
                    "SELECT same FROM links WHERE entity_id = ? AND same != ?",
                    (entity_id, entity_id),
                )
            )
        return self._links[entity_id]

    def _postings(self, keys: Iterable[str]) -> dict[str, Sequence[int]]:
        """The names each key is on (keys on none left out)."""
        known = self._postings_read  # the names on each key, as 32-bit ids
        wanted = sorted(key for key in keys if key not in known)
        if wanted:
            for key in wanted:
                known[key] = []
            marks = ", ".join("?" * len(wanted))
            rows = self._connection.execute(
                f"SELECT key, name_ids FROM match_keys WHERE key IN ({marks})", wanted
            )
            for key, ids in rows:
                known[str(key)] = on_names = array("i")
                on_names.frombytes(ids)
        # In key order: the candidates' weights are then summed in the same order every run.
        return {key: known[key] for key in sorted(keys) if known[key]}

    def _candidates(
        self, postings: dict[str, Sequence[int]], *, share: float = _SHARED_SHARE
    ) -> list[_Stored]:
        """The names sharing the most (and rarest) keys with the query's words (and at least
        share of what the best-sharing name shares)."""
        usable = [ids for ids in postings.values() if len(ids) <= _COMMON_KEY] or list(
            postings.values()
        )
        shared: dict[int, float] = {}
        add = shared.get  # bound once: this loop runs over every name each key is on
        for ids in usable:
            weight = _rarity(self._total, len(ids))  # keys on fewer names count for more
            for name_id in ids:
                shared[name_id] = add(name_id, 0.0) + weight
        # Names sharing far less than the best one are not worth scoring (nor sorting).
        floor = max(shared.values(), default=0.0) * share
        # The most shared first, the first written first among equals.
        ranked = sorted(
            [(-weight, name_id) for name_id, weight in shared.items() if weight >= floor]
        )
        return self._names_of([name_id for _, name_id in ranked[:_CANDIDATES]])

    def _with_every_word(
        self,
        words: Sequence[str],
        postings: dict[str, Sequence[int]],
        title_keys: Sequence[str] = (),
    ) -> list[_Stored]:
        """The names that have every word of the query as written, as it sounds or (a word no
        name has) with its first or last letters, though each word's keys are too common to
        find them ("Saif al-Adel": "AL-ADL, Sayf", whose words share only their sounds with
        it, each on hundreds of names; "Aiman al-Zawahri": "Ayman al-Zawahiri", a word
        respelled and a word misspelt); the most (and rarest) keys shared first."""
        if len(words) + len(title_keys) < 2 or not words:
            return []
        every: frozenset[int] | None = None
        for key in title_keys:  # a title the query has: the names written with it, or titled
            held = self._set_of(key, postings)
            every = held if every is None else every & held
        # The words names have as written first: the names with them are the fewer, and a word
        # that may be misspelt (its first or last letters, on many names) is then looked for
        # among those alone.
        for word in sorted(words, key=lambda word: f"w:{word}" not in postings):
            keys = [f"w:{word}", f"p:{phonetic(word)}"]
            if f"w:{word}" not in postings:
                keys += [f"a:{word[:3]}", f"z:{word[-3:]}"]
            forms = [self._set_of(key, postings) for key in keys]
            every = frozenset().union(*(forms if every is None else (every & f for f in forms)))
            if not every:
                return []
        assert every is not None
        if len(every) > _EVERY_WORD_CANDIDATES:  # the few sharing the most (and rarest) keys
            shared = dict.fromkeys(every, 0.0)
            for key, ids in postings.items():
                weight = _rarity(self._total, len(ids))
                for name_id in every & self._set_of(key, postings):
                    shared[name_id] += weight
            every = frozenset(
                heapq.nsmallest(_EVERY_WORD_CANDIDATES, shared, key=lambda n: (-shared[n], n))
            )
        return self._names_of(sorted(every))

    def _set_of(self, key: str, postings: dict[str, Sequence[int]]) -> frozenset[int]:
        """The names a key is on, as a set, made once a screener (the commonest keys, the
        costliest to make, recur through a batch)."""
        made = self._sets.get(key)
        if made is None:
            made = self._sets[key] = frozenset(postings.get(key, ()))
        return made

    def _names_of(self, name_ids: Sequence[int]) -> list[_Stored]:
        """These names, read where not read before."""
        self._read([name_id for name_id in name_ids if name_id not in self._names])
        return [self._names[name_id] for name_id in name_ids]

    def _read(self, name_ids: Sequence[int]) -> None:
        if not name_ids:
            return
        rows = self._connection.execute(
            "SELECT id, entity_id, name, quality, words, weights, titles, lead, organization "
            f"FROM match_names WHERE id IN ({', '.join('?' * len(name_ids))})",
            name_ids,
        )
        for name_id, entity_id, name, quality, words, weights, titles, lead, org in rows:
            split = tuple(str(words).split())
            weighed = tuple(float(weight) for weight in str(weights).split())
            legal = legal_form(split) if org else frozenset[int]()
            if legal:  # (weighed as the index stores them: a type's share of its rarity)
                weighed = tuple(
                    _LEGAL_FORM
                    * weight
                    / (_ORGANIZATION_TYPE if word in _ORGANIZATION_TYPES else 1)
                    if n in legal
                    else weight
                    for n, (word, weight) in enumerate(zip(split, weighed, strict=True))
                )
            self._names[int(name_id)] = _Stored(
                str(entity_id),
                str(name),
                quality,
                split,
                weighed,
                {
                    title: float(weight)
                    for title, _, weight in (held.partition(":") for held in str(titles).split())
                },
                int(lead),
                bool(org),
                _one_word(list(split)),
                legal,
            )


_Pairing = dict[int, tuple[int, float, How]]


class _Reading(NamedTuple):
    """A reading of a query (as written, or with its compounds run together)."""

    query: str
    words: list[str]
    optional: frozenset[int]


class _Scored(NamedTuple):
    """An entity's best-scored name for one reading of a query."""

    score: float
    stored: _Stored
    paired: _Pairing | float
    cap: Cap | None
    uncapped: OneWord | None
    reading: _Reading

    @property
    def shown(self) -> float:
        """The score as a candidate gives it (and compares it with the threshold)."""
        return round(self.score, 4)


"""For each paired word of the query (by position): the name's word, the similarity, how."""


_Alike = dict[str, list[tuple[int, float, How]]]
"""For a word of some name: the query's words (by position) alike to it, how much and how."""


def _nisba_paired(words: Sequence[str], stored: _Stored, paired: _Pairing) -> bool:
    """Whether a person's name pairs some word of the query with its nisba, or the other way
    round: among common names, the nisba of one is another name ("Ahmadi", Ahmad's, against
    the alias "Ahmad Hasan"). (An organisation's name is no given name.)"""
    return not stored.organization and any(
        _nisba_of(words[q], stored.words[n]) or _nisba_of(stored.words[n], words[q])
        for q, (n, _, _) in paired.items()
    )


def _common_alias(
    words: Sequence[str],
    stored: _Stored,
    paired: _Pairing,
    lead: int,
    in_text: Callable[[Sequence[str]], bool],
) -> bool:
    """Whether a person's alias met by common names alone names someone else:
    - an alias the list grades too vague to identify someone by (the UN's Low, OpenSanctions'
      weak alias: "Abdul-Ghani" of QDi.237, an unrelated man), every word the query paired
      being a word of ordinary text too (_words_in_text: a given name, "Abdul", "Ghani"), not
      merely common by its sound among the names ("Abbattay", "Muthana" are);
    - any other alias (the UN's Good, OFAC's) whose given names the query pairs out of their
      order (_in_order): a man's name and his father's swapped are another man's ("Hassan
      Mohamud" is not the alias "Mohamed Hassan"), or pairs one of them with another given
      name a letter off, a word of text ("Wali Omar" for the alias "Ali Omar"; a misspelling,
      no word, still pairs).
    Otherwise a Good alias is what the list names, however common its words: capping the Good
    aliases met by sound too ("Mohammed Yusuf" against TAi.107's "Muhammad Yusuf") lost 7
    listed queries of the evaluation's tuning half ("Nuur Ahmad", "Alah Muhammad"), and every
    Good alias of common names 7 of the seen sets' ("Khalil Haqqani"). Asked only of a match
    (the words of text take time to read: in_text, Screener._all_in_text): it decides whether
    the listing is a match or a candidate, for review."""
    if stored.organization or stored.quality in (None, "name", SHORT_FORM):
        return False
    named = _named_words(words, paired)
    if stored.quality in _WEAK_GRADES:
        return in_text([words[q] for q in named])
    if not _in_order(words, paired, lead, stored):
        return True
    fuzzy = [words[q] for q in named if paired[q][2] is How.FUZZY]
    return bool(fuzzy) and in_text(fuzzy)


def _in_order(words: Sequence[str], paired: _Pairing, lead: int, stored: _Stored) -> bool:
    """Whether the query's named words are paired with the name's words in the name's order.
    A query or a name written surname first, before a comma (lead words of the query,
    stored.lead of the name: "Yusuf, Muhammad"), says nothing of it: lists and users put the
    comma after a given name as well ("AL-TURKI, Hassan" screened as "Hassan, TURKI", and
    "BINAH, Yassin" as "Yassin, BINAH", were two queries of the evaluation lost when it did)."""
    if lead or stored.lead:
        return True
    at = [paired[q][0] for q in sorted(_named_words(words, paired))]
    return at == sorted(at)


def _given_names_alone(
    words: Sequence[str],
    stored: _Stored,
    paired: _Pairing,
    titles: frozenset[str],
    in_text: Callable[[Sequence[str]], bool],
) -> bool:
    """Whether, among too few names to say by their sound which are common (_COMMON_FLOOR), a
    person's name is met by its given names alone: at most two words of the query, each a word
    of ordinary text (_words_in_text: "Abdul", "Ghani"), paired with the name's first words,
    read from its given names, and not with its last, the family name or nisba that tells
    ("Abdul Ghani" against the built-in "Abdul Ghani Baradar"; but "Hamza bin Laden" has HAMZA
    USAMA MUHAMMAD BIN LADEN's last word), with no title both have: the cap on common names
    among many (_COMMON_ONLY). Among many names it is asked too of a match one of whose words is
    a common name by its sound, the other perhaps not ("Abdul Hakim" against ABDUL HAKIM
    MURAD: "Hakim" is on too few of the UN's names to be common by sound, yet a given name,
    and the family name is missing). The words of text are read only for such a name
    (in_text: Screener._all_in_text)."""
    named = _named_words(words, paired)
    if stored.organization or not named or len(named) > _COMMON_PAIRED:
        return False
    size = len(stored.words)
    held = {(paired[q][0] - stored.lead) % size for q in named}
    if held != set(range(len(held))) or len(held) >= size or not titles.isdisjoint(stored.titles):
        return False
    return in_text([words[q] for q in named])


_NASAB = frozenset({"bin", "ibn", "ben", "ould", "bint", "walad"})
""""Son of", "daughter of": the word that joins a given name to the father's ("Mohamed Ould
Ahmed") is no name of its own."""


def _named_words(words: Sequence[str], paired: _Pairing) -> set[int]:
    """The query's paired words that name someone: not "bin", "ould" and their like (_NASAB)."""
    return {q for q in paired if words[q] not in _NASAB}


def _lacks_a_name(stored: _Stored, paired: _Pairing) -> bool:
    """Whether the query paired none of some word of the name that names someone (not one
    that says what kind of organisation it is, nor its legal form)."""
    if len(paired) >= len(stored.words):
        return False
    held = {n for n, *_ in paired.values()}
    return any(
        n not in held
        and not (stored.organization and (word in _ORGANIZATION_TYPES or n in stored.legal))
        for n, word in enumerate(stored.words)
    )


def _one_and_the_same(words: Sequence[str], titles: frozenset[str], stored: _Stored) -> bool:
    """Whether a query and an entity's name itself are both one word, titles and all
    ("Taliban", "Taleban"; "Mullah Omar", the built-in pack's name for him), or the name is
    that word and words that say what kind of organisation it is ("Haqqani", the Haqqani
    Network): the score then says how alike the two words are. An organisation's alias counts
    as its name ("HAMAS"; OFAC's "Al Qaeda" for AL-QAIDA) unless the list grades it Low; a
    person's never does ("OMAR", "Sheik Omar")."""
    own = stored.quality == "name" or (stored.organization and stored.quality != _LOW)
    if not own or not _one_word(words):
        return False
    distinctive = [
        word
        for n, word in enumerate(stored.words)
        if word not in _ORGANIZATION_TYPES and n not in stored.legal
    ]
    return _one_word(distinctive or stored.words) and titles == frozenset(
        _leading_titles(stored.name)
    )


def _kunya_as_listed(words: Sequence[str], stored: _Stored, paired: "_Pairing | float") -> bool:
    """Whether a kunya alone is what the list names, word for word once folded, in an alias it
    does not grade Low: the UN lists men by their kunya as a Good alias ("Abu Qatada"-style
    names), and a query that is that alias names them. A kunya met fuzzily or by sound ("Abu
    Zubaydah" against "Abu Ubaydah"), or an alias graded Low ("Bakr, Abu"), stays one word."""
    return (
        len(words) == 2
        and stored.quality not in _WEAK_GRADES
        and isinstance(paired, dict)
        and len(paired) == len(words) == len(stored.words)
        and all(how is How.EXACT for _, _, how in paired.values())
    )


def _named_after(stored: _Stored, paired: _Pairing, words: Sequence[str]) -> bool:
    """Whether the name is an organisation's whose words saying what kind of organisation it
    is the query lacks, where the query is a name of two words or more: what the organisation
    is named after ("Abdullah Azzam", the ABDALLAH AZZAM BRIGADES; "Osama bin Laden", the
    Usama Bin Laden Organization), not the organisation itself. (A query of one word, "Haqqani",
    is a name only an organisation would be known by.) A legal form is no kind: "Kalashnikov
    Concern" is JOINT STOCK COMPANY CONCERN KALASHNIKOV, not named after it (stranger 16,
    finding 3)."""
    if not stored.organization or _one_word(words):
        return False
    held = {n for n, *_ in paired.values()}
    kinds = [
        n
        for n, word in enumerate(stored.words)
        if word in _ORGANIZATION_TYPES and word not in _LEGAL_FORMS and n not in stored.legal
    ]
    return bool(kinds) and held.isdisjoint(kinds)


def _initials(words: Sequence[str]) -> frozenset[int]:
    """The positions of a query's initials ("A. G. Baradar": a, g), unless it is all
    initials."""
    found = frozenset(q for q, word in enumerate(words) if len(word) == 1 and word.isalpha())
    return found if len(found) < len(words) else frozenset()


def _named(
    words: Sequence[str], initials: frozenset[int], paired: "_Pairing | float"
) -> Sequence[str]:
    """The query's words that name someone, as far as one word is concerned: an initial is no
    word of its own (one name and initials, "A. G. Baradar", is one word), unless the name is
    written with it too ("A. Kabir", an alias the UN lists)."""
    held = paired if isinstance(paired, dict) else {}
    return [
        word
        for q, word in enumerate(words)
        if q not in initials or (q in held and held[q][2] is not How.INITIAL)
    ]


def _one_word(words: Sequence[str]) -> bool:
    """Whether a name's words are one word, a kunya's "Abu" set aside ("Omar"; "Abu Bakr",
    "Bakr, Abu")."""
    return len(words) == 1 or (len(words) == 2 and not _KUNYA.isdisjoint(words))


def weak_grade(quality: str | None) -> bool:
    """Whether the list grades an alias too vague to identify someone by (Low, weak alias)."""
    return quality in _WEAK_GRADES


def candidate_only(name: str, quality: str | None, organization: bool) -> bool:
    """Whether a listed alias is too vague to match on its own: a person's of one word (a
    kunya's "Abu" set aside: "Abu Bakr"), an organisation's of one word the list grades Low; a
    query matching it is a candidate, for review. (A kunya alias not graded Low is a match for
    a query that is that alias, word for word: _kunya_as_listed.)"""
    return _one_word(name_words(name)) and (not organization or quality == _LOW)


def _score(
    words: Sequence[str],
    weights: Sequence[float],
    stored: _Stored,
    alike: _Alike,
    *,
    joined_skeleton: str | None = None,
    titles: frozenset[str] = frozenset(),
    optional: frozenset[int] = frozenset(),
    middle_names: bool = True,
) -> tuple[float, _Pairing | float, Sequence[str]]:
    """The query's score against one name, how its words were paired, and the query's words
    the score counts (all but the optional ones the name has no counterpart for): the most
    alike pairs first, each word in one pair at most; or, where the whole names compared as
    one word each score more than the pairs, that similarity. A title of the query's that the
    name is written with or its entity records counts as a word both have; the name's words
    after the last one paired weigh _LINEAGE of their rarity, those before it _EXTRA_GIVEN
    (but the middle names, where middle_names: see _EXTRA_GIVEN)."""
    # Each (query word, name word) occurs once: the tuples never tie, and sort as they are.
    pairs = sorted(
        [
            (-similarity, q, n, how)
            for n, other in enumerate(stored.words)
            for q, similarity, how in alike.get(other, ())
        ]
    )
    paired: _Pairing = {}
    paired_name: set[int] = set()
    query_covered = name_covered = 0.0
    name_weights = stored.weights
    for unlike, q, n, how in pairs:
        if q not in paired and n not in paired_name:
            paired[q] = (n, -unlike, how)
            paired_name.add(n)
            query_covered += weights[q] * -unlike
            name_covered += name_weights[n] * -unlike
    name_total = sum(name_weights)
    size = len(name_weights)
    if paired_name and len(paired_name) < size:  # (every word paired: nothing to weigh apart)
        lead = stored.lead
        order = [(paired[q][0] - lead) % size for q in sorted(paired)]  # given names first
        first, last = min(order), max(order)
        in_order = order == sorted(order)
        for n in range(size):
            if n not in paired_name:
                at = (n - lead) % size
                # A given name the query lacks, or a word among the paired ones where the query
                # lacks the given name or pairs out of order; a middle name is left out at will.
                # (Not for a query in the Arabic script: its words pair by skeleton, loosely, and
                # two common names that a longer name holds then match it: مصطفى خان; nor for
                # one whose given name is common: "Mohammad Aziz" is not MOHAMMAD YAHYA AZIZ.)
                if at < last and (first or at < first or not in_order or not middle_names):
                    name_total += (_EXTRA_GIVEN - 1) * name_weights[n]
                elif at > last and in_order:
                    name_total -= (1 - _LINEAGE) * name_weights[n]
    if optional:  # a word that may be a title misspelt counts only where the name has it
        weights = [0.0 if q in optional and q not in paired else w for q, w in enumerate(weights)]
        words = _present(words, optional, paired)
    query_total = sum(weights)
    shared = (
        sum(stored.titles[title] for title in titles if title in stored.titles)
        if titles and stored.titles
        else 0.0
    )
    score = _QUERY_SHARE * (query_covered + shared) / (query_total + shared) + (
        1 - _QUERY_SHARE
    ) * ((name_covered + shared) / (name_total + shared))
    if len(words) != len(stored.words):
        # Words run together or split apart ("Abdulghani", "Abdul Ghani"): whole names compared.
        # (0 when below the floor: a near miss of the whole says nothing.)
        joined = _osa()("".join(words), "".join(stored.words), score_cutoff=_JOINED_FLOOR)
        if joined_skeleton and joined_skeleton == skeleton("".join(stored.words)):
            joined = max(joined, _PHONETIC_SIMILARITY)
        if joined > score:
            return joined, round(joined, 4), words
    return score, paired, words


def _present(
    words: Sequence[str], optional: frozenset[int], paired: "_Pairing | float"
) -> Sequence[str]:
    """The query's words a name is scored on: all but the optional ones it has no counterpart
    for (every optional one, where the whole names decided the score)."""
    if not optional:
        return words
    held = paired if isinstance(paired, dict) else {}
    return [word for q, word in enumerate(words) if q not in optional or q in held]


def _pairs(
    words: Sequence[str], stored: _Stored, paired: _Pairing, optional: frozenset[int]
) -> tuple[WordPair, ...]:
    """Each of the query's words with the name's word it was paired with (an optional word
    the name has no counterpart for left out, as a title is)."""
    return tuple(
        WordPair(word, stored.words[paired[q][0]], round(paired[q][1], 4), paired[q][2])
        if q in paired
        else WordPair(word, None, 0.0, How.PARTIAL)
        for q, word in enumerate(words)
        if q in paired or q not in optional
    )


def _edit_similarity(word: str, other: str) -> float:
    """1 minus the edit distance (a swap of two letters is one edit) over the longer length."""
    return float(_osa()(word, other))


@lru_cache(maxsize=1)
def _osa() -> Callable[..., float]:
    from rapidfuzz.distance import OSA  # imported by the first screening, never at start-up

    return OSA.normalized_similarity


@lru_cache(maxsize=1)
def _extract() -> "Callable[..., list[tuple[str, float, int]]]":
    from rapidfuzz import process  # imported by the first screening, never at start-up

    return process.extract


def _alike(
    words: Sequence[str],
    vocabulary: list[str],
    initials: frozenset[int] = frozenset(),
    *,
    by_sound: bool = True,
    as_meant: frozenset[int] = frozenset(),
) -> _Alike:
    """Every query word against every word of the candidates, once (most pairs are nothing
    alike, and a name's score then only visits the pairs that are): equal words count 1, words
    that sound alike 0.9 (or their edit similarity if more), others their edit similarity when
    it is 0.7 or more, but for the words as_meant (a short word common as written: a word a
    consonant off it is another name, not the same misspelt)."""
    extract, similarity_of = _extract(), _osa()
    sounds: dict[str, list[str]] = {}
    for other in vocabulary if by_sound else ():
        sounds.setdefault(phonetic(other), []).append(other)
    alike: _Alike = {}
    for q, word in enumerate(words):
        # The edit similarities of the whole vocabulary in one call: a loop in C, not Python.
        close = {
            other: similarity
            for other, similarity, _ in extract(
                word,
                vocabulary,
                scorer=similarity_of,
                score_cutoff=_FUZZY_FLOOR,
                limit=None,
            )
        }
        for other in sounds.get(phonetic(word), ()) if by_sound else ():
            if other not in close and _sound_alike(word, other):
                close[other] = _edit_similarity(word, other)
        for other, similarity in close.items():
            if other == word:
                entry = (q, 1.0, How.EXACT)
            elif by_sound and _sound_alike(word, other):
                entry = (q, max(_PHONETIC_SIMILARITY, similarity), How.PHONETIC)
            elif _nisba_of(word, other) or _nisba_of(other, word):  # another name: barely alike
                entry = (q, _FUZZY_FLOOR, How.FUZZY)
            elif q in as_meant and word.translate(_NO_VOWELS) != other.translate(_NO_VOWELS):
                continue  # another name; a vowel or an h for another is romanisation (Omar, Umar)
            else:
                entry = (q, similarity, How.FUZZY)
            alike.setdefault(other, []).append(entry)
    for q in initials:  # "A. G. Baradar": an initial stands for any name it begins
        for other in vocabulary:
            if other[0] == words[q] and len(other) > 1:
                alike.setdefault(other, []).append((q, _INITIAL_SIMILARITY, How.INITIAL))
    return alike


_NO_VOWELS = str.maketrans("", "", "aeiouyh")


def _other_words(words: Sequence[str], stored: _Stored, paired: _Pairing) -> set[tuple[int, str]]:
    """The pairs of a match (query word, name's word) that are two names, not a typo
    (_another_known_word): read only for a match, as the English words take ~40 ms to read."""
    return {
        (q, stored.words[n])
        for q, (n, _, how) in paired.items()
        if how is How.FUZZY and _another_known_word(words[q], stored.words[n])
    }


def _another_known_word(word: str, other: str) -> bool:
    """Whether a query word a consonant away from a name's word, not by its sound, is a word of
    its own rather than a typo of it: it is common in English text (a name or a word: "Patel")
    and the name's word is not ("Patek"). A typo seldom makes a common word; a vowel or an h
    alone is romanisation ("Omar", "Umar"; "Maktab", "Makhtab"), and a letter dropped or added
    is as often a typo that makes a word ("Along" for MALONG, "Ais" for QAIS: two typo queries
    of the evaluation with every regime's lists), so only a letter for another counts
    ("Patel", "Patek"). "Omar Patel" matched UMAR
    PATEK's alias "Omar Patek" at 0.87. English only: the five languages of _words_in_text
    took typos for words ("Abone", Turkish, for ABOGNE; two typo queries of the evaluation's
    tuning half lost)."""
    if len(word) != len(other) or word.translate(_NO_VOWELS) == other.translate(_NO_VOWELS):
        return False
    in_text = _english_words()
    return word in in_text and other not in in_text


def _add_skeletons(
    skeletons: Sequence[str], open_onsets: Sequence[bool], vocabulary: list[str], alike: _Alike
) -> None:
    """Pair the query's words with the words of the same consonant skeleton, as words that sound
    alike (a query in the Arabic script, which leaves short vowels out, against romanised names).
    A first vowel is a letter of the script (alif, ʿayn) that a skeleton leaves out: a short
    skeleton (two consonants or fewer, which many names share) pairs only words that agree on
    it ("عمر" is Omar, "مير" Mir, though both are "mr")."""
    by_skeleton: dict[str, list[str]] = {}
    for other in vocabulary:
        by_skeleton.setdefault(skeleton(other), []).append(other)
    similarity_of = _osa()
    for q, (form, open_onset) in enumerate(zip(skeletons, open_onsets, strict=True)):
        short = len(form.rstrip("a")) <= _SHORT_SKELETON
        for other_form, spelled in by_skeleton.items():
            if form == other_form:
                entry = (q, _PHONETIC_SIMILARITY, How.PHONETIC)
            else:
                similarity = similarity_of(form, other_form, score_cutoff=_SKELETON_FLOOR)
                if not similarity:
                    continue
                entry = (q, _PHONETIC_SIMILARITY * similarity, How.FUZZY)
            # (Short: "مير", Mir, is not Omar, though both are "mr".)
            others = [o for o in spelled if _onset_agrees(o, open_onset)] if short else spelled
            for other in others:
                pairs = alike.setdefault(other, [])
                known = next((n for n, (paired, *_) in enumerate(pairs) if paired == q), None)
                if known is None:
                    pairs.append(entry)
                elif pairs[known][1] < entry[1]:
                    pairs[known] = entry


def _sound_alike(word: str, other: str) -> bool:
    """The same Metaphone code, the same first letter, and about as long: "Hakkani" and
    "Haqqani" sound alike, "Abdul" and "Abdullah" (both ABTL) do not."""
    return (
        word[0] == other[0]
        and min(len(word), len(other)) >= _LENGTH_RATIO * max(len(word), len(other))
        and phonetic(word) == phonetic(other)
        and not _nisba_of(word, other)
        and not _nisba_of(other, word)
    )


def _nisba_of(word: str, other: str) -> bool:
    """Whether word is other with the -i of a nisba ("of", "from") after it: Ahmadi, Hanafi,
    Karimi are other names than Ahmad, Hanaf, Karim, though they sound alike to Metaphone and
    are a letter apart; they pair as the least alike words that pair (_FUZZY_FLOOR). So is a
    word whose consonants are other's with that -i after them, its vowels written otherwise or
    not at all: "Karimi" against "Kareem", and a name in the Arabic script, which leaves short
    vowels out and writes the nisba's long i (ی), folded letter by letter ("rhymy", رحیمی,
    Rahimi, against "Rahim": Metaphone reads both RHM)."""
    if word[-1:] not in ("i", "y"):
        return False
    if len(word) == len(other) + 1 and word.startswith(other):
        return True
    if len(word) < 3 or word[-2] in _VOWELS or word[-2] == "y":  # (a consonant's -i only)
        return False
    closed = skeleton(other)
    return not closed.endswith("a") and skeleton(word) == closed + "a"


def _how(
    query: str, words: Sequence[str], stored: _Stored, pairs: Sequence[WordPair]
) -> tuple[How, ...]:
    if " ".join(query.casefold().split()) == " ".join(stored.name.casefold().split()):
        return (How.EXACT,)
    if tuple(words) == stored.words:
        return (How.FOLDED,)
    if sorted(words) == sorted(stored.words):
        return (How.REORDERED,)
    if pairs[0].how is How.JOINED:
        return (How.JOINED,)
    order = [stored.words.index(pair.name) for pair in pairs if pair.name is not None]
    found = {pair.how for pair in pairs} - {How.EXACT}
    if order != sorted(order):
        found.add(How.REORDERED)
    if len(order) < len(stored.words):
        found.add(How.PARTIAL)
    return tuple(how for how in _HOWS if how in found) or (How.FOLDED,)


# --- Entities as results ----------------------------------------------------------------------


class Namesake(NamedTuple):
    """Another entity the name asked for names as well."""

    entity: Entity
    """The entity."""
    listings: tuple[str, ...]
    """Reference numbers of its listings."""


class EntityProfile(NamedTuple):
    """A person or organisation with everything loaded about it, across packs."""

    entity: Entity
    """The entity asked for."""
    same: tuple[Entity, ...]
    """Entities of other packs explicitly the same (same_as), not the entity itself."""
    listings: tuple[str, ...]
    """Reference numbers of its listings, and of theirs."""
    facts: Sequence[Hit]
    """Every fact about it or them, in date order."""
    matched: Candidate | None
    """How the name asked for matched, when it was screened rather than found as written."""
    others: tuple[Namesake, ...] = ()
    """The other entities the name names (not linked by same_as): the same name, alias or
    listing reference, in load order; or, when the name was screened, the other matches, best
    first. One of them is asked for by its id."""


class EntityUse(NamedTuple):
    """An entity with how many facts name it."""

    entity: Entity
    """The entity."""
    facts: int
    """Facts naming it, in any role."""


class TagUse(NamedTuple):
    """A tag with how many facts carry it."""

    tag: str
    """The tag, folded."""
    facts: int
    """Facts carrying it."""


def profile(index: "Index", name: str, threshold: float = DEFAULT_THRESHOLD) -> EntityProfile:
    """The entity named by id, listing reference, name or alias as written (folded), else the
    best match for the name when it is a match; UnknownName, with the nearest candidates,
    otherwise. When the name names several entities, the first loaded (or the best match) is
    the profile's, and the others are named in it."""
    matched = None
    listed = [key for key in index.listed_entities(name) if key in index.catalog.entities]
    named = [index.catalog.entities[key] for key in listed] or index.entities_named(name)
    if not named:
        screened = screened_entities(index, name, threshold)
        if not screened.matched:
            raise UnknownName(
                name,
                tuple(  # a candidate that shares nothing with the name is no lead
                    (c.entity_id, index.catalog.entities[c.entity_id].name, c.score)
                    for c in screened.candidates
                    if c.score >= 0.5
                ),
            )
        matched = screened.candidates[0]
        named = [index.catalog.entities[c.entity_id] for c in screened.candidates]
    entity = named[0]
    linked = sorted(
        other
        for other in index.catalog.same_entities(entity.id) - {entity.id}
        if other in index.catalog.entities  # same_as may name a pack not loaded
    )
    return EntityProfile(
        entity=entity,
        same=tuple(index.catalog.entities[other] for other in linked),
        listings=tuple(
            dict.fromkeys(
                reference
                for entity_id in (entity.id, *linked)
                for reference in index.entity_listings(entity_id)
            )
        ),
        facts=_own_listings_first(index.browse(Filters(about=entity.id)), {entity.id, *linked}),
        matched=matched,
        others=tuple(
            Namesake(
                other,
                tuple(
                    dict.fromkeys(
                        reference
                        for same in sorted(index.catalog.same_entities(other.id) | {other.id})
                        if same in index.catalog.entities
                        for reference in index.entity_listings(same)
                    )
                ),
            )
            for other in _one_of_each(index, named[1:], {entity.id, *linked})
        ),
    )


def _one_of_each(index: "Index", entities: Sequence[Entity], shown: set[str]) -> list[Entity]:
    """The entities, but those linked by same_as to the one shown or to one named before them
    (the built-in Jalaluddin Haqqani and the UN's JALALUDDIN HAQQANI are one man)."""
    kept = []
    for entity in entities:
        if entity.id not in shown:
            kept.append(entity)
            shown |= index.catalog.same_entities(entity.id)
    return kept


def screened_entities(index: "Index", name: str, threshold: float) -> Screening:
    """A name screened for the entities it may name, as `tq who` and `--about` name them: when
    some is a match, the best (of the best-scored, the first loaded: the built-in pack's before
    an import's, as for a name given exactly), then the other matches and the candidates all
    but as good, in score order (at most _NAMESAKES), and for a name of one word the people whose
    names have it (at most _BEARERS); else the nearest candidates, none a match."""
    one_word = _one_word(query_words(name).words)
    found = index.screen(name, threshold, limit=_NAMESAKES + 1 + (_BEARERS if one_word else 0))
    matches = [c for c in found.candidates if c.match]
    if not matches:
        return found._replace(candidates=found.candidates[: _NAMESAKES + 1])
    loaded = {key: position for position, key in enumerate(index.catalog.entities)}
    matched = min(
        (c for c in matches if c.score == matches[0].score), key=lambda c: loaded[c.entity_id]
    )
    # The other matches, and the candidates all but as good, which a partial match may beat
    # only by a little ("Haqqani": the Haqqani Network 0.84, Ibrahim Haqqani 0.81).
    near = [
        c
        for c in found.candidates
        if c is not matched and (c.match or c.score >= matched.score - _NEAR)
    ][:_NAMESAKES]
    # A name of one word ("Haqqani") is a family's, a tribe's or a nisba's: the people who
    # bear it are named too, however far their capped scores are from a match's.
    bearers = [
        c
        for c in found.candidates
        if one_word and c.cap is Cap.ONE_WORD and c is not matched and c not in near and _bears(c)
    ]
    return found._replace(candidates=(matched, *near, *bearers))


def _bears(candidate: Candidate) -> bool:
    """Whether a candidate's name has every word of the query, as written or by its sound."""
    return all(
        pair.name is not None and pair.similarity >= _PHONETIC_SIMILARITY
        for pair in candidate.pairs
    )


def _own_listings_first(facts: Sequence[Hit], ids: set[str]) -> list[Hit]:
    """The facts about an entity, those that list it (a sanction it is a target of) first: the
    Taliban's own SDN entry before the 22 entries linked to it."""
    return sorted(
        facts,
        key=lambda hit: (
            not (
                isinstance(hit.fact.details, Sanction)
                and hit.fact.details.is_listing
                and not ids.isdisjoint(hit.fact.details.targets)
            )
        ),
    )


def entity_uses(index: "Index", kinds: frozenset[EntityKind] = frozenset()) -> list[EntityUse]:
    """Every entity loaded (of these kinds, if any), with how many facts name it: those named
    by the most facts first, then by name (folded) and id, as `tq tags` lists tags."""
    from tqcli.textnorm import fold

    uses = (
        EntityUse(index.catalog.entities[entity_id], count)
        for entity_id, count in index.entity_uses()
    )
    kept = [use for use in uses if not kinds or use.entity.kind in kinds]
    return sorted(kept, key=lambda use: (-use.facts, fold(use.entity.name), use.entity.id))


def tag_uses(index: "Index") -> list[TagUse]:
    """Every tag with how many facts carry it, most used first."""
    return [TagUse(tag, count) for tag, count in index.tag_uses()]
