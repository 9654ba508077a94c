"""Answering questions in plain English: cues, aliases, typos, and an honest no-answer."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from tqcli.errors import NoQuestion
from tqcli.index import Index
from tqcli.index.build import SearchableWords
from tqcli.model import Answers, FactKind, Filters, Hit
from tqcli.textnorm import fold, tokens

# Words that carry the question's grammar, not its subject (stemmed, as the index is).
_STOPWORDS = frozenset(
    tokens(
        "a an the of to in on at for by with from and or but is are was were be been being do "
        "does did done has have had what which who whom whose when where why how much many any "
        "some this that these those it its they them their there here about me tell please can "
        "could would should will shall may might i you we he she his her our your as than then "
        "so if into over under not no each every ever all also just still know find out get give "
        "happen happened again"
    )
)
# Cues: words of the question that say what kind of answer it wants. They boost, never exclude.
_CUES: tuple[tuple[re.Pattern[str], FactKind | None], ...] = (
    (
        re.compile(r"\bhow (many|much)\b|\b(number|figure|amount|total|count|cost)s?\b"),
        FactKind.FIGURE,
    ),
    (re.compile(r"\bwho said\b|\b(say|said|says|quote|quoted|told|tell|words?)\b"), FactKind.QUOTE),
    (
        re.compile(r"\b(resolutions?|sanction\w*|listed|listing|list|embargo|freeze|ban)\b"),
        FactKind.SANCTION,
    ),
    (
        re.compile(r"\b(deal|accord|agreement|treaty|pledge\w*|signed|sign|promise\w*)\b"),
        FactKind.AGREEMENT,
    ),
    (re.compile(r"\b(what happened|events?)\b"), FactKind.EVENT),
)
# Words people use for the same thing, as news writing varies them. A question's word also
# matches its group: "died" finds "killed", "frontier" finds "border", "annual" finds "a year".
_SYNONYM_GROUPS = (
    "kill killed die died dead death toll fatality fatalities",
    "injure injured injury wounded wound hurt",
    "pay paid payment",
    "annual annually yearly year",
    "border frontier",
    "fighter fighters men militants force forces troops soldiers",
    "army military",
    "rule ruled govern governed reign",
    "emerge emerged appear appeared arise arose",
    "take took capture captured recapture recaptured seize seized",
    "leave left withdraw withdrawal withdrew exit",
    "overthrow overthrown topple toppled oust ousted",
    "sign signed conclude concluded",
    "deal accord agreement treaty pact",
    "promise promised pledge pledged commit committed commitment vow",
    "say said tell told write wrote lament lamented",
    "return back",
    "invest investment spend spent",
    "plan planned plot orchestrate orchestrated",
    "base haven sanctuary shelter refuge",
    "leader chief head",
    "sanction sanctioned listed blacklisted designated",
    "flee fled escape escaped",
    "woman women",
    "recognition recognise recognize legitimacy",
    "ban embargo prohibit",
    "freeze froze frozen",
)
_SYNONYMS: dict[str, frozenset[str]] = {
    word: group for group in (frozenset(tokens(line)) for line in _SYNONYM_GROUPS) for word in group
}
_WHEN = re.compile(r"\b(when|what year|which year|date|since when)\b")
_BOOST = 1.6
_CANDIDATES = 25
_MAX_WORDS = 40
# The best answer must cover at least this share of the question's words (weighted by rarity).
# Set midway in the gap the question set shows: its unanswerable questions reach at most 0.29,
# its answerable ones at least 0.52.
_MIN_COVERAGE = 0.4


def answer(index: Index, question: str, limit: int = 3) -> Answers:
    """The facts that best answer question, best first; none, with suggestions, if no fact does."""
    if not re.search(r"\w", question):
        raise NoQuestion(question)
    folded = fold(question)
    words = [word for word in dict.fromkeys(tokens(question)) if word not in _STOPWORDS]
    words = [_corrected(index, word) for word in words[:_MAX_WORDS]]
    groups = {word: _SYNONYMS.get(word, frozenset({word})) for word in dict.fromkeys(words) if word}
    if not groups:
        return Answers((), tuple(index.top_tags(5)))
    candidates = index.ranked(sorted(set().union(*groups.values())), Filters(), _CANDIDATES)
    if not candidates:
        return Answers((), tuple(index.top_tags(5)))
    weights = _rarity(index, groups)
    wanted = {kind for pattern, kind in _CUES if kind and pattern.search(folded)}
    wants_date = bool(_WHEN.search(folded))
    words_of = SearchableWords(index.catalog)
    scored = []
    for hit in candidates:
        covered = words_of(hit.fact)
        coverage = sum(weights[w] for w, group in groups.items() if group & covered) / sum(
            weights.values()
        )
        boost = (_BOOST if hit.fact.kind in wanted else 1.0) * (
            _BOOST if wants_date and hit.fact.date else 1.0
        )
        scored.append((hit, coverage, (hit.score or 0.0) * boost * (0.5 + coverage)))
    scored.sort(key=lambda item: -item[2])
    _, best_coverage, _ = scored[0]
    if best_coverage < _MIN_COVERAGE:
        return Answers((), _suggestions(index, (hit for hit, _, _ in scored)))
    chosen = scored[:limit] if limit else scored  # a limit of 0 means all
    return Answers(tuple(Hit(hit.fact, round(score, 6)) for hit, _, score in chosen), ())


def _corrected(index: Index, word: str) -> str:
    """The word, or the indexed word it is most likely a misspelling of."""
    if word in _SYNONYMS or word.isdigit() or len(word) < 5 or index.frequency(word):
        return word
    import difflib

    candidates = dict(index.words_like(word))
    close = difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.85)
    return max(close, key=lambda term: candidates[term]) if close else word


def _rarity(index: Index, groups: dict[str, frozenset[str]]) -> dict[str, float]:
    """How much each question word counts: rare words (with their synonyms) count for more."""
    total = max(index.facts_count(), 1)
    return {
        word: math.log(1 + total / (1 + max(index.frequency(member) for member in group)))
        for word, group in groups.items()
    }


def _suggestions(index: Index, near: Iterable[Hit]) -> tuple[str, ...]:
    tags: dict[str, int] = {}
    for hit in list(near)[:10]:
        for tag in hit.fact.tags:
            tags[tag] = tags.get(tag, 0) + 1
    ranked = sorted(tags, key=lambda tag: -tags[tag])[:5]
    return tuple(ranked or index.top_tags(5))
