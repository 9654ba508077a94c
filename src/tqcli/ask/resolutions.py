"""Questions on what a resolution does as a whole: the facts that give its main effect first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.claims import own_text
from tqcli.ask.question import documents, is_year
from tqcli.ask.times import cites_another_year
from tqcli.ask.words import stems
from tqcli.model import Match
from tqcli.textnorm import fold

if TYPE_CHECKING:
    from tqcli.ask.judging import Judged
    from tqcli.ask.question import Question
    from tqcli.model import Fact

_ACCOUNT = frozenset(
    stems("do does did decide decided decides say says said")
    + stems("purpose purposes aim aims effect effects point explain summary overview about")
)
"""Words that ask what a resolution does as a whole once it is named: its purpose or effect,
or what it "decides" or "says" -- a Council resolution decides and says something in nearly
every operative paragraph, so those verbs single out none of them."""

_ADOPTED = (
    r"(?<![\w-])(?:adopted|passed|approved)(?: [\w-]+){0,3}? resolution (?P<number>\d+)"
    r"(?: \(\d{4}\))?"
)
"""A resolution's adoption ("the Security Council unanimously adopted resolution 1988"):
compiled on first use."""
_NOT_PARTICIPLES = frozenset(
    (
        *("according", "including", "excluding", "regarding", "concerning", "following"),
        *("during", "notwithstanding", "pending", "meeting", "morning", "evening"),
    )
)
"""Words in -ing after a comma that are no participle of what the resolution does
("..., according to UN press release SC/7110")."""

_REGIME_VERBS = (
    r"(?:established|created|set up|imposed|split|separated|moved|renamed|replaced|ended"
    r"|lifted|terminated|extended|renewed|continued)"
)
"""Verbs of what a resolution does to a sanctions regime, its list or its bodies as a whole
(a committee or team set up, a measure imposed or ended, a list split or renamed), not of one
of its procedures (urged, encouraged, called upon, requested)."""
_REGIME = (
    rf"(?<![\w-])resolution (?P<subject>\d+)(?: \(\d{{4}}\))?,?(?: [\w-]+){{0,2}}?"
    rf" {_REGIME_VERBS}\b"
    rf"|\b(?:was|were) {_REGIME_VERBS} by resolution (?P<agent>\d+)\b"
    rf"|^By resolution (?P<by>\d+)\b[^;]*?\bCouncil(?: \w+)? {_REGIME_VERBS}\b"
)
"""A resolution as the doer of such a verb ("resolution 1267 (1999) established a
Committee", "was established by resolution 1526", "By resolution 2255 (2015), ..., the UN
Security Council extended ..."): compiled on first use."""


_NAMING = frozenset(
    stems("resolution resolutions res unscr unsc un united nations security council")
)
"""Words that name a resolution beside its number ("UN Security Council resolution 2255")."""


def asks_what_it_does(question: Question) -> bool:
    """Whether the question asks what one resolution does as a whole: it names the resolution
    (by its number, the words naming a resolution, the year) and nothing else but words asking
    for an account of it ("What does resolution 1988 do?", "What is resolution 1989 about?",
    "What did resolution 1988 decide?"; not "what does resolution 2513 say about the Islamic
    Emirate")."""
    return (
        len(question.resolutions) == 1
        and not question.polar
        and question.weights.keys() <= _ACCOUNT | _NAMING | question.documents | question.times
    )


def as_asked(question: Question) -> Question:
    """The question without its words asking for an account: the facts on the resolution
    need not say "purpose" or "decided" to give what it does."""
    if not question.weights.keys() - _ACCOUNT:
        return question
    return msgspec.structs.replace(
        question,
        weights=_without(question.weights),
        rarity=_without(question.rarity),
        happened=question.happened - _ACCOUNT,
        head=None if question.head in _ACCOUNT else question.head,
        verb=None if question.verb in _ACCOUNT else question.verb,
    )


def _without(words: dict[str, float]) -> dict[str, float]:
    return {word: value for word, value in words.items() if word not in _ACCOUNT}


def effect_first(question: Question, judged: list[Judged]) -> list[Judged]:
    """The answers in order of how much of the resolution they give: first a fact telling of
    its adoption with what it does (news and the UN's press releases sum a resolution up so:
    "the Security Council unanimously adopted resolution 1988, moving the Taliban off the
    1267 Committee's Consolidated List onto a separate list"), then facts where it does to
    the regime as a whole what _REGIME_VERBS say, then the others (one of its paragraphs: "urged
    the Committee to ensure ... fair and clear procedures"), each in the order they had. A fact
    citing the resolution with another year than its own is a partial answer, after them."""
    (number,) = question.resolutions
    judged = [
        msgspec.structs.replace(
            item,
            reply=msgspec.structs.replace(
                item.reply, match=Match.PARTIAL, unmatched=(question.spelled.get(number, number),)
            ),
            elsewhere=True,
        )
        # A fact citing the resolution with another year than its own ("... under annex I to
        # resolution 2368 (2017)", in a report of 2021) tells of something done under it later,
        # not of what it does.
        if item.reply.match is Match.ANSWER and cites_another_year(question, item.hit.fact)
        else item
        for item in judged
    ]
    return sorted(
        judged,
        key=lambda item: (
            item.reply.match is not Match.ANSWER,
            item.elsewhere,
            -_level(item.hit.fact.claim, number),
        ),
    )


def _level(claim: str, number: str) -> int:
    """2 for a claim summing the resolution up at its adoption, 1 for one where it does to the
    regime as a whole what _REGIME_VERBS say, else 0."""
    for sentence in re.split(r"(?<=[a-z)])\. (?=[A-Z])|; ", claim):
        if sentence.startswith("When "):
            continue  # its adoption is the time of what the sentence says
        for found in re.finditer(_ADOPTED, sentence, re.IGNORECASE):
            if found.group("number") != number:
                continue
            after = sentence[found.end() :]
            if any(
                verb.group(1).lower() not in _NOT_PARTICIPLES
                for verb in re.finditer(r", ([\w-]+ing)\b", after)
            ):
                return 2
    for sentence in re.split(r"(?<=[a-z)])\. (?=[A-Z])|; ", claim):
        for found in re.finditer(_REGIME, sentence, re.IGNORECASE):
            if number in found.group("subject", "agent", "by"):
                return 1
    return 0


_BARE_NUMBER = (
    r"(?:^|(?<=\s))(?P<before>\w+ )?(?P<number>\d{3,5})(?= (?P<after>\w+)(?P<then>(?: \w+){0,2})|$)"
)
"""A number standing alone in the folded question, with the words either side (compiled on
first use: only questions with a number need it)."""
_BODY_NOUNS = frozenset(
    ("committee", "committees", "team", "monitoring", "panel", "group", "regime", "list", "office")
)
"""Nouns of a body or list a number before them names ("the 1267 Monitoring Team"), within three
words: the number says which body, not that the question speaks of the resolution."""
_AUXILIARIES = frozenset(
    ("was", "were", "is", "are", "did", "does", "do", "has", "have", "had", "will")
)
_DETERMINERS = frozenset(("a", "an", "the", "this", "that", "its", "their", "his", "her"))


def bare_resolutions(question: Question, facts: Iterable[Fact]) -> frozenset[str]:
    """The numbers the question gives alone ("when was 1267 adopted", "the 1267 sanctions")
    that name resolutions: those the facts (the candidates) give as a resolution's ("resolution
    1267 (1999)", a sanction's instrument), where the question gives them as no time, no count
    and no body ("the 1267 Committee"). A number that reads as a year ("1988") names one only
    as the subject of the question's verb, after an auxiliary ("what did 1989 decide", "when
    was 1988 adopted"): "the Soviet withdrawal 1988" gives a year."""
    found: set[str] = set()
    for bare in re.finditer(_BARE_NUMBER, question.text):
        number, before, after, then = bare.group("number", "before", "after", "then")
        if number in question.documents or number in question.times:
            continue
        if after in _BODY_NOUNS or not _BODY_NOUNS.isdisjoint((then or "").split()):
            continue  # ("the 1267 Consolidated List", "the 1267 sanctions committee")
        if is_year(number) and not (
            before is not None
            and before.strip() in _AUXILIARIES
            and after is not None
            and after not in _DETERMINERS
        ):
            continue
        found.add(number)
    if not found:
        return frozenset()
    named = set()
    for fact in facts:
        text = own_text(fact)
        if not found.isdisjoint(re.findall(r"\d+", text)):
            named |= found & documents(fold(text), resolutions=True)
    return frozenset(named)


def as_resolutions(question: Question, numbers: frozenset[str]) -> Question:
    """The question with these numbers read as resolutions' (see bare_resolutions), as if it
    said "resolution" before each."""
    return msgspec.structs.replace(
        question,
        documents=question.documents | numbers,
        resolutions=question.resolutions | numbers,
    )
