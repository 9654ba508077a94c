"""Quotes and speakers: who said or wrote something, and by whose account."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcli.ask.claims import kind
from tqcli.ask.question import derived, without_possessives
from tqcli.ask.words import WORD
from tqcli.model import EntityKind, Hit, Quote
from tqcli.textnorm import fold, stem, tokens

if TYPE_CHECKING:
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question


_ATTRIBUTION = r"\b(?:according to|per)\b(?P<source>[^,;?]*)"  # compiled on first use
"""A phrase naming who says what a question asks about ("..., according to the UN report")."""


def attributed(question: Question) -> frozenset[str]:
    """The question's content words in its phrases of attribution ("according to X", "per X")."""
    phrases = re.finditer(_ATTRIBUTION, fold(without_possessives(question.raw)))
    return (
        frozenset(word for at in phrases for word in map(stem, WORD.findall(at.group("source"))))
        & question.weights.keys()
    )


def attributed_names(question: Question) -> tuple[str, ...]:
    """The content words of the question's phrases of attribution that name someone: written
    with a capital ("according to the Independent", "per Cole Bunzel") or naming an entity
    ("according to the un"); not "according to the article", which names no one."""
    phrases = re.finditer(_ATTRIBUTION, without_possessives(question.raw), re.IGNORECASE)
    capitalised = {
        fold(word)
        for at in phrases
        for word in WORD.findall(at.group("source"))
        if word[0].isupper()
    }
    attributed_words = attributed(question)
    return tuple(
        word
        for word in attributed_words
        if word in question.named or fold(question.spelled[word]) in capitalised
    )


_SAID_WORDS = ("said", "says", "saying", "stated", "told", "tells")
_WRITTEN_WORDS = ("wrote", "writes", "written", "writing", "author", "authored", "byline")
_ACTS = {
    **dict.fromkeys(("said", "says", "told", "tells"), _SAID_WORDS),
    **dict.fromkeys(("wrote", "writes"), _WRITTEN_WORDS),
    **dict.fromkeys(("called", "calls"), ("called", "calls", "calling")),
    **dict.fromkeys(("described", "describes"), ("described", "describes", "describing")),
}
"""The words a claim says an act of saying or writing with, by the question's verb for it."""


def says_act(verb: str, claim: str) -> bool:
    """Whether the claim says the act of saying or writing the question asks who did."""
    words = set(WORD.findall(claim.lower()))
    return not words.isdisjoint(_ACTS.get(verb, (verb,)))


_WHO_DID = r"(?:\w+ )?who (?!(?:did|does|do|has|have|had|will|would|is|are|was|were|got)\b)(\w+)"
""""Who" followed by its verb ("who killed"): the doer is asked (compiled on first use)."""


def says_doing(question: Question, own: frozenset[str]) -> bool:
    """For "who VERB ...": whether the fact's own words say the verb (or a word of its root),
    not only another word for it ("the death of Zawahiri" says no one killed him)."""
    found = re.match(_WHO_DID, question.text)
    if found is None:
        return True
    verb = stem(found.group(1))
    return verb not in question.weights or verb in own or derived(verb, own)


def names_a_speaker(words: Sequence[str], candidates: Sequence[Hit], lookups: Lookups) -> bool:
    """Whether words name a person or organisation among the candidates, or the role of the
    speaker of a candidate quote ("the secretary of state")."""
    for hit in candidates:
        details = hit.fact.details
        if isinstance(details, Quote) and set(words) <= set(tokens(details.speaker_role or "")):
            return True
        for entity_id in hit.fact.entities():
            entity_kind = kind(entity_id, lookups.catalog)
            if entity_kind in (EntityKind.PERSON, EntityKind.ORGANIZATION) and lookups.named_in(
                entity_id, words
            ):
                return True
    return False
