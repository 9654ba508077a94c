"""The rules of deeds that judging asks of nearly every candidate, or of every figure: who did
what the question asks (doer_asked), whether a claim says it the other way round
(doer_reversed), whether its "appear" only means "seem" (only_seems), whether a figure counts
only those something happened to (happened_unasked), and whether a question denies anything
(asks_a_denial). Apart from deeds, whose other rules only
some forms of question need (a date, someone, yes or no), so that deeds loads only for them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tqcli.ask.claims import clauses, stemmed
from tqcli.ask.question import derived
from tqcli.ask.words import BE, PARTICIPLES, VERB_FORM, stems
from tqcli.textnorm import stem, tokens

if TYPE_CHECKING:
    from tqcli.ask.question import Question


_DO_SUPPORT = frozenset(stems("do does did"))

NOT_ASKED = (  # compiled on first use (re caches it)
    r"\b(?:not|never)\b|n['’]t\b|\b(?:did|does|do|is|are|was|were|has|have|had)nt\b"
)
"""A negation in a question ("who said the taliban are not terrorists", "didn't")."""


def asks_a_denial(text: str) -> bool:
    """Whether a question has a negation in it: only then may deeds' denial_unsaid find one,
    so that deeds is not loaded for the questions that have none."""
    return re.search(NOT_ASKED, text) is not None


def doer_reversed(question: Question, claim: str, own: frozenset[str]) -> bool:
    """Whether the claim says what the question asks happened with its doer and the one it
    was done to the other way round: the question names one thing before its verb and another
    after it, and a clause of the claim with that verb names the second before it and the
    first after it, and not the first before it."""
    asked = doer_asked(question)
    if asked is None or asked[0] not in own:
        return False
    verb_asked, doer, done_to = asked
    for sentence in clauses(claim):
        for _, clause_stems in sentence:
            if verb_asked not in clause_stems:
                continue
            verb = clause_stems.index(verb_asked)
            if verb and clause_stems[verb - 1] in BE:
                continue
            before, after = set(clause_stems[:verb]), set(clause_stems[verb + 1 :])
            if before & done_to and after & doer and not before & doer:
                return True
    return False


def doer_asked(question: Question) -> tuple[str, set[str], set[str]] | None:
    """The verb of what the question asks happened, the words it names its doer by (before
    the verb) and those it names whom it was done to by (after it); None unless it names both
    in the active."""
    words = stemmed(question.text)
    # "How many al-Qaeda-affiliated fighters did the UN report estimate ...?": after "do"
    # (English's auxiliary for a question whose subject is not its wh-phrase), the verb and its
    # subject come after it; a word before it is in the wh-phrase, what is asked about.
    helper = next((n for n, word in enumerate(words) if word in _DO_SUPPORT), -1)
    verbs = [n for n, word in enumerate(words) if word in question.happened]
    at = next((n for n in verbs if n > helper), None)
    if at is None:  # "Who paid al-Qaeda, and when did they?": a later "do" is no question's
        helper, at = -1, next(iter(verbs), None)
    if at is None or (at and words[at - 1] in BE):
        return None  # a passive ("should the Taliban be removed") names the doer last
    doer = set(words[helper + 1 : at]) & question.named
    done_to = set(words[at + 1 :]) & question.named - doer
    if not doer or not done_to:
        return None
    return words[at], doer, done_to


_APPEAR = r"\bappear(?:s|ed|ing)?\b(?!-)([^\w]*)(\w*)(?: (\w+))?"
"""A claim's "appear" and the words after it: compiled on first use, only for questions asking
when (or where) something appeared."""
_EMERGING_AFTER = frozenset(
    ("in", "on", "at", "as", "from", "during", "after", "before", "since", "first", "around")
)
"""Words after "appear" when it says something came into being or view ("appeared in 1994"):
"appear" followed by anything else ("appear closely aligned", "appear to be", "appears that")
is "seem"."""


def only_seems(question: Question, claim: str) -> bool:
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


_RELATING = frozenset(("with", "to"))
"""Words after which a participle relates what is counted rather than says what happened to
it ("fighters affiliated with al-Qaeda", "groups linked to it")."""


def happened_unasked(question: Question, unit: str) -> bool:
    """Whether a figure's unit says, right after what it counts, what happened to them ("Afghan
    troops killed", "people airlifted from Kabul") in a verb the question does not say (as
    itself, a word of its root, a synonym): then it counts only those, not what is asked."""
    words = unit.lower().split()
    head = question.counted_head
    for at, word in enumerate(words[1:], 1):
        if not (VERB_FORM.search(word) or word in PARTICIPLES):
            continue
        if head is None or not question.forms(head) & {stem(words[at - 1])}:
            continue  # not right after the counted noun
        if words[at + 1 : at + 2] and words[at + 1] in _RELATING:
            continue
        said = stem(word)
        return not any(
            said in question.forms(asked) or derived(asked, {said}) for asked in question.weights
        )
    return False
