"""Reading a fact: its own words and text, its clauses, the names it writes."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcli.ask.question import without_possessives
from tqcli.ask.words import ASIDE, MONTHS, SENTENCE, WORD
from tqcli.figures import figure_text
from tqcli.model import Agreement, Catalog, EntityKind, Fact, Figure, Quote, Sanction
from tqcli.textnorm import fold, folded_words, stem, tokens

if TYPE_CHECKING:
    from tqcli.ask.lookups import Lookups


def short_text(fact: Fact) -> str:
    """A figure's or a quote's own words beside its claim (not an agreement's commitments)."""
    details = fact.details
    if isinstance(details, Figure):
        return figure_text(details)
    return details.text if isinstance(details, Quote) else ""


def fold_word(word: str) -> str:
    """fold() of one word (a run of \\w): in ASCII its lower case, as no apostrophe or digit
    grouping can be within it (fold's regex and table cost ~10 µs a word, and the claims'
    words are folded one by one). (Not cached: claim_words is, a claim at a time.)"""
    return word.lower() if word.isascii() else fold(word)


def stemmed(text: str) -> tuple[str, ...]:
    """The stems of a (folded) question's words, in order: read once a question."""
    return tuple(stem(word) for word in text.split())


_Words = tuple[tuple[re.Match[str], ...], tuple[str, ...], tuple[str, ...]]
"""A claim's words (runs of \\w) in order: where each is, each folded (fold_word), and each
stemmed."""


@functools.lru_cache(maxsize=64)
def claim_words(claim: str) -> _Words:
    """A claim's words (see _Words): several judgments of one fact read them (a figure's count,
    a time, a post), each once a question."""
    folded, stems = claim_stems(claim)
    return tuple(WORD.finditer(claim)), folded, stems


@functools.lru_cache(maxsize=64)
def claim_stems(claim: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """claim_words without where each word is: what a judgment reads first, to rule most claims
    out (a match a word cost ~5,000 instructions, ~85% of reading a claim's words)."""
    if claim.isascii():  # each word's lower case, as fold_word's, in one call for them all
        folded = tuple(folded_words(claim.lower()))  # (WORD's words, split without it)
    else:
        folded = tuple(map(fold_word, WORD.findall(claim)))
    return folded, tuple(map(stem, folded))


def kind(entity_id: str, catalog: Catalog) -> EntityKind | None:
    entity = catalog.entities.get(entity_id)
    return entity.kind if entity else None


_SCALED = (
    r"(?:(?P<sign>[$\u00a3\u20ac])\s?)?(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s?(?P<word>thousand|million|billion|trillion)\b|(?P<short>k|m|mn|bn|b|tn|trn)\b)"
)
"""A number written with a word of scale ("20 million", "2.7 million") or, after a currency
sign, its abbreviation ("$20m", "\u00a31.5bn"): compiled on first use."""
_SCALE = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}


def _may_be_scaled(text: str) -> bool:
    """Whether text may write a number with a scale (see _SCALED): a word of one, or a
    currency sign. (Tests of substrings, far cheaper than the pattern on every claim.)"""
    lowered = text.lower()
    return (
        "illion" in lowered
        or "thousand" in lowered
        or "$" in text
        or "\u00a3" in text
        or "\u20ac" in text
    )


def in_figures(text: str) -> str:
    """The text with each number written with a word of scale written in figures, as a
    figure's value is ("20 million dollars", "$20m": "20,000,000 dollars", "$20,000,000"): one
    number however it is worded (words read "20,000,000" as the one word "20000000"). Text
    with none is returned as it is."""
    if not _may_be_scaled(text):
        return text
    written, changed = re.subn(_SCALED, _written_in_figures, text, flags=re.IGNORECASE)
    return written if changed else text


def _written_in_figures(found: re.Match[str]) -> str:
    """A number with its scale (see in_figures) in figures, its currency sign kept; as written
    where an abbreviation has no sign ("20m" may be metres)."""
    scale = found.group("word") or found.group("short")
    if found.group("short") and not found.group("sign"):
        return found.group()
    value = round(float(found.group("number").replace(",", "")) * _SCALE[scale.lower()])
    # (The sign a word apart: folded, "\u00a3" is "GBP", which would join the number.)
    return f"{found.group('sign')} {value:,}" if found.group("sign") else f"{value:,}"


def figures_written(text: str) -> dict[str, str]:
    """The numbers text writes with a word of scale, in figures as one word ("$20m":
    "20000000"), each with how the text writes it: a question's words are shown as typed (see
    in_figures)."""
    if not _may_be_scaled(text):
        return {}
    return {
        figures.split()[-1].replace(",", ""): found.group()
        for found in re.finditer(_SCALED, text, flags=re.IGNORECASE)
        if (figures := _written_in_figures(found)) != found.group()
    }


@functools.lru_cache(maxsize=64)
def own_words(fact: Fact) -> frozenset[str]:
    """The fact's own words: claim, details (figure, quoted words, measures, commitments ...),
    date. The names of the entities it refers to are not among them. A possessive is its word,
    as in a question ("Zawahiri's death" says "Zawahiri": folding alone makes "zawahiris").
    Cached: several judgments of one fact read them (~0.1 ms a fact, tokenising its text)."""
    text = _without_attribution(without_possessives(own_text(fact)))
    parts = [text]
    if (figures := in_figures(text)) != text:
        # A number with a word of scale in figures too: "$20m" gives the 20000000 of a
        # question's "20 million dollars" (see in_figures).
        parts.append(figures)
    if fact.date is not None:
        parts.append(str(fact.date.year))
        if fact.date.month:
            parts.append(MONTHS[fact.date.month - 1])
        if fact.date.day:
            parts.append(str(fact.date.day))
    return frozenset(tokens(" ".join(parts)))


_ACCORDING = re.compile(r"[Aa](?<!\w[Aa])ccording to\b")  # \b before it (see POSSESSIVE)


def _without_attribution(text: str) -> str:
    """The text without "according to", which says whose word it is: stemmed, "according" is
    "accord", the noun that names agreements ("the Doha accord"), and a claim "according to
    NPR" would say it."""
    return _ACCORDING.sub(" ", text) if "ccording" in text else text


def own_text(fact: Fact) -> str:
    """The fact's own words as written (see own_words), less its date."""
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


def name(catalog: Catalog, entity_id: str) -> str:
    entity = catalog.entities.get(entity_id)
    return entity.name if entity else entity_id


def written(entity_id: str, lookups: Lookups) -> list[frozenset[str]]:
    """An entity's names, each as the set of its written (folded) words."""
    return [frozenset(name) for name in lookups.written_names(entity_id)]


def name_spans(words: Sequence[str], names: list[frozenset[str]]) -> list[tuple[int, int]]:
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


@functools.lru_cache(maxsize=256)
def clauses(
    claim: str,
) -> tuple[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], ...]:
    """The claim's sentences (asides in brackets dropped), each as its clauses (between commas),
    each as its words (folded, a possessive "s" apart) and their stems."""
    sentences = []
    for sentence in re.split(SENTENCE, re.sub(ASIDE, " ", claim)):
        clauses = []
        for clause in sentence.split(","):
            words = tuple(WORD.findall(fold(re.sub(r"['’]s\b", " s", clause))))
            clauses.append((words, tuple(stem(word) for word in words)))
        sentences.append(tuple(clauses))
    return tuple(sentences)
