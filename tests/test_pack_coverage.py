"""Every sentence of the archived article is some fact's passage, or is excluded for a reason."""

from __future__ import annotations

import re

import pytest

from tqcli.loader import load
from tqcli.model import Catalog
from tqcli.packs import packs_in_effect

REPORT = load(packs_in_effect([], include_builtin=True, environ={}))
CATALOG: Catalog = REPORT.catalog
ARTICLE_ID = "independent-2021-taliban-al-qaeda"

# Sentences of the article that state nothing a fact could hold, each with why.
EXCLUDED = {
    "Taliban and al-Qaeda: How are they linked?": "the headline, a question the article answers",
    "Joe Sommerlad": "the byline: the source record's author field, not a claim about the subject",
    "Tuesday 07 September 2021 11:48 BST": "the byline's time: the source record's published date",
    "How much do the two groups have in common?": "a section heading, a question",
    "What kind of a presence do al-Qaeda retain in Afghanistan?": "a section heading, a question",
    "Why are we asking this now?": "a section heading, a question",
}

# Words that only join two clauses a fact's passage quotes ("…, and …", "… after …"): a sentence
# whose every other word lies inside some passage is covered.
CONNECTIVES = frozenset({"and", "but", "after"})

# A sentence ends at . ? ! (or a closing quotation mark after one) followed by a capital or an
# opening quotation mark; "defend the country... and" stays one sentence.
SENTENCE_END = re.compile(r"(?<=[.?!”])\s+(?=[A-Z“])")


def _fold(text: str) -> str:
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    """The sentences of a text: each line (paragraph, heading, byline) split at its ends."""
    found: list[str] = []
    for line in text.splitlines():
        if line.strip():
            found.extend(_fold(part) for part in SENTENCE_END.split(line.strip()))
    return found


def uncovered_words(sentence: str, passages: list[str]) -> list[str]:
    """The words of a sentence outside every passage quoting it (all of it, or a part of it)."""
    covered = [False] * len(sentence)
    for passage in passages:
        if sentence in passage:
            return []
        start = sentence.find(passage)
        while start >= 0:
            covered[start : start + len(passage)] = [True] * len(passage)
            start = sentence.find(passage, start + 1)
    rest = "".join(" " if done else char for char, done in zip(sentence, covered, strict=True))
    return [word for word in re.findall(r"[\w’'$-]*\w", rest) if word.lower() not in CONNECTIVES]


def _article_passages() -> list[str]:
    return [
        _fold(citation.passage)
        for fact in CATALOG.facts
        for citation in fact.citations
        if citation.source == ARTICLE_ID
    ]


def _article_sentences() -> list[str]:
    archive = CATALOG.sources[ARTICLE_ID].archive
    assert archive is not None
    return sentences(archive.read_text(encoding="utf-8"))


SENTENCES = _article_sentences()
PASSAGES = _article_passages()


def test_the_article_is_split_into_its_sentences() -> None:
    assert len(SENTENCES) == 33
    assert "But few international experts were convinced by the promise." in SENTENCES
    assert any(s.startswith("“The fact of the matter is we’ve seen") for s in SENTENCES)


def test_every_excluded_sentence_is_in_the_article() -> None:
    assert sorted(set(EXCLUDED) - set(SENTENCES)) == []


@pytest.mark.parametrize(
    "sentence", [s for s in SENTENCES if s not in EXCLUDED], ids=lambda s: s[:48]
)
def test_every_sentence_is_quoted_by_a_facts_passage(sentence: str) -> None:
    assert uncovered_words(sentence, PASSAGES) == []


def test_a_sentence_no_passage_quotes_is_reported_with_its_words() -> None:
    sentence = "The Taliban met al-Qaeda in 1998, and nobody saw it."
    assert uncovered_words(sentence, ["The Taliban met al-Qaeda in 1998"]) == [
        "nobody",
        "saw",
        "it",
    ]
    assert uncovered_words(sentence, ["in 1998, and nobody"]) == [
        "The",
        "Taliban",
        "met",
        "al-Qaeda",
        "saw",
        "it",
    ]
    assert uncovered_words(sentence, [sentence + " More."]) == []


# The article's hedges: a fact quoting one keeps it in its claim or its hedge field.
HEDGES = ("reportedly", "believed", "suggest", "apparently", "presumably", "seemingly", "probably")
# A passage that holds a hedge qualifying another clause than the fact's own, with why.
HEDGED_ELSEWHERE = {
    ("wallace-failed-states", "probably"): "'probably' is in his other quote (al-Qaeda's return)",
    ("bunzel-seat-of-the-caliphate", "suggest"): "the article's inference, a fact of its own",
}


def _hedges_dropped() -> list[tuple[str, str]]:
    dropped = []
    for fact in CATALOG.facts:
        kept = f"{fact.claim} {fact.hedge or ''}".lower()
        for citation in fact.citations:
            if citation.source != ARTICLE_ID:
                continue
            for hedge in HEDGES:
                if hedge in citation.passage.lower() and hedge not in kept:
                    dropped.append((fact.id, hedge))
    return sorted(set(dropped) - set(HEDGED_ELSEWHERE))


def test_every_hedge_of_a_quoted_passage_is_kept_in_its_fact() -> None:
    assert _hedges_dropped() == []


def test_every_hedge_left_out_is_still_in_its_passage() -> None:
    facts = {fact.id: fact for fact in CATALOG.facts}
    for (fact_id, hedge), _why in HEDGED_ELSEWHERE.items():
        passages = " ".join(c.passage for c in facts[fact_id].citations).lower()
        assert hedge in passages, (fact_id, hedge)
