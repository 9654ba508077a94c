"""Questions on what a resolution does as a whole: the facts that give its main effect first."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.words import stems
from tqcli.model import Match

if TYPE_CHECKING:
    from tqcli.ask.judging import Judged
    from tqcli.ask.question import Question

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
    the Committee to ensure ... fair and clear procedures"), each in the order they had."""
    (number,) = question.resolutions
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
