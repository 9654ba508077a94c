"""Screening names: name keys kept in the index, and a scored, explained match of a name against
every person and organisation loaded, however either is spelled.

A name is folded (any script to ASCII, case, marks), split into words, and stripped of the
honorifics and the Arabic article that lists write or leave out at will ("Mullah", "al-"). Each
word is kept in the index under two keys, itself and its Metaphone code, so that a query finds its
candidates by lookup (Hakkani and Haqqani, Baradur and Baradar, Mohammed and Muhammad share a
code). Each candidate name is then scored from 0 to 1 against the query: the words of each are
paired, a pair counting 1 when equal, 0.9 when they sound alike and their edit similarity when
that is 0.7 or more; the query's words and the name's are each weighed by rarity (a shared
"Muhammad" says less than a shared "Baradar"), and the score is 0.6 times how much of the query
the name covers plus 0.4 times how much of the name the query covers. docs/names.md explains it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from tqcli.model import Catalog, Entity, EntityKind, Sanction
from tqcli.textnorm import fold

if TYPE_CHECKING:
    import sqlite3

DEFAULT_THRESHOLD = 0.8
"""A candidate scoring this or more is a match. Chosen on the tuning half of the evaluation
(bench/evaluate_names.py; docs/names.md), reported on the other half."""

SCREENED_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION})
"""Entities a name is screened against: places and documents are not screened."""

SCHEMA = """
CREATE TABLE match_names (
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, name TEXT NOT NULL, quality TEXT,
    words TEXT NOT NULL, weights TEXT NOT NULL
);
CREATE TABLE match_keys (key TEXT NOT NULL, name_id INTEGER NOT NULL);
CREATE TABLE fact_references (
    key TEXT NOT NULL, reference TEXT NOT NULL, seq INTEGER NOT NULL, entity_id TEXT
);
"""
INDEXES = """
CREATE INDEX match_keys_key ON match_keys (key, name_id);
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
# The Arabic article, written apart ("al-Zawahiri") or left out ("Zawahiri") at will.
_PARTICLES = frozenset({"al", "el", "ul"})
_WORD = re.compile(r"[a-z0-9]+")
_PHONETIC_SIMILARITY = 0.9
_LENGTH_RATIO = 0.75
"""Words that sound alike count as alike only when about as long."""
_FUZZY_FLOOR = 0.7
_JOINED_FLOOR = 0.85
"""Names whose words are run together or split apart match only when nearly the same."""
"""Below this edit similarity two words are not the same word misspelt."""
_QUERY_SHARE = 0.6
"""The weight of how much of the query a name covers; the rest is how much of the name the query
covers (a listed name often adds a father's name that a query leaves out)."""
_CANDIDATES = 40
"""Names scored in full per query: the ones sharing the rarest keys with it."""
_COMMON_KEY = 5000
"""A key on more names than this finds no candidates by itself (it is scored all the same)."""


class How(str, Enum):
    """How a query matched a name, from the strictest to the loosest."""

    EXACT = "exact"
    """The same text, but for case and spaces."""
    FOLDED = "folded"
    """The same words in the same order once folded: script, marks, titles, "al-"."""
    REORDERED = "reordered"
    """The same words in another order ("BARADAR, Abdul Ghani")."""
    PHONETIC = "phonetic"
    """Some words sound alike (Metaphone) without being spelled alike ("Baradur", "Baradar")."""
    FUZZY = "fuzzy"
    """Some words are close in spelling (a typo, a dropped letter)."""
    PARTIAL = "partial"
    """Some words of the query or of the name have no counterpart."""


@dataclass(frozen=True)
class WordPair:
    """A word of the query and the word of the name it was paired with."""

    query: str
    """The query's word, folded."""
    name: str | None
    """The name's word, or None when the query's word has no counterpart."""
    similarity: float
    """1 for equal words, 0.9 for words that sound alike, else their edit similarity."""
    how: How
    """exact, phonetic or fuzzy; partial when the query's word has no counterpart."""


@dataclass(frozen=True)
class Candidate:
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


@dataclass(frozen=True)
class Screening:
    """The candidates for one screened name, best first."""

    query: str
    """The name as given."""
    threshold: float
    """The score at or above which a candidate is a match."""
    candidates: tuple[Candidate, ...]
    """The best candidates, best first."""

    @property
    def matched(self) -> bool:
        """Whether any candidate is a match."""
        return any(candidate.match for candidate in self.candidates)


def name_words(name: str) -> list[str]:
    """The words a name is matched by: folded, without titles and the article (unless that
    would leave none)."""
    words = _WORD.findall(fold(name))
    kept = [word for word in words if word not in _TITLES and word not in _PARTICLES]
    return kept or words


def query_words(name: str) -> list[str]:
    """name_words() of a query, without titles misspelt too ("Mulah", "Sheki")."""
    words = name_words(name)
    kept = [word for word in words if not _misspelt_title(word)]
    return kept or words


def _misspelt_title(word: str) -> bool:
    if len(word) < 4:
        return False
    from rapidfuzz.distance import OSA

    return any(OSA.distance(word, title) <= 1 for title in _TITLES if len(title) >= 4)


@lru_cache(maxsize=1 << 16)
def phonetic(word: str) -> str:
    """The word's Metaphone code ("haqqani" and "hakkani" -> "HKN"); digits stand for
    themselves."""
    if word.isdigit():
        return word
    import jellyfish  # only a build, and a screening, need it

    return jellyfish.metaphone(word) or word


def _keys(words: Iterable[str]) -> set[str]:
    """Each word under itself, its sound, and its first and last three letters (a typo leaves
    one of the two alone)."""
    return {
        key
        for word in words
        for key in (f"w:{word}", f"p:{phonetic(word)}", f"a:{word[:3]}", f"z:{word[-3:]}")
    }


# --- Building -------------------------------------------------------------------------------


def fill(connection: sqlite3.Connection, catalog: Catalog) -> None:
    """Write the name keys of every screened entity, and the listing references of every
    sanction, into an index being built (its tables made from SCHEMA, indexed by INDEXES)."""
    rows = [
        (entity.id, name, quality, name_words(name))
        for entity in catalog.entities.values()
        if entity.kind in SCREENED_KINDS
        for name, quality in _names_of(entity)
    ]
    frequency: dict[str, int] = {}
    for *_, words in rows:
        for word in set(words):
            frequency[word] = frequency.get(word, 0) + 1
    total = len(rows)
    connection.executemany(
        "INSERT INTO match_names VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                number,
                entity_id,
                name,
                quality,
                " ".join(words),
                " ".join(f"{_rarity(total, frequency[word]):.4f}" for word in words),
            )
            for number, (entity_id, name, quality, words) in enumerate(rows)
        ),
    )
    connection.executemany(
        "INSERT INTO match_keys VALUES (?, ?)",
        ((key, number) for number, (*_, words) in enumerate(rows) for key in _keys(words)),
    )
    connection.executemany(
        "INSERT INTO fact_references VALUES (?, ?, ?, ?)",
        (
            (fold(fact.details.reference).strip(), fact.details.reference, seq, target)
            for seq, fact in enumerate(catalog.facts)
            if isinstance(fact.details, Sanction) and fact.details.reference
            for target in fact.details.targets or (None,)
        ),
    )


def _names_of(entity: Entity) -> Iterator[tuple[str, str | None]]:
    yield entity.name, "name"
    for alias in entity.aliases:
        yield alias.name, alias.quality


def _rarity(total: int, frequency: int) -> float:
    """How much a word counts: words on few names count for more (inverse document frequency)."""
    return math.log(1 + total / (1 + frequency))


# --- Querying -------------------------------------------------------------------------------


def referenced(connection: sqlite3.Connection, text: str) -> list[int]:
    """The seqs of the facts whose listing reference is text ("TAi.024"), folded."""
    rows = connection.execute(
        "SELECT DISTINCT seq FROM fact_references WHERE key = ? ORDER BY seq", (fold(text).strip(),)
    )
    return [int(row[0]) for row in rows]


def listings(connection: sqlite3.Connection, entity_id: str) -> tuple[str, ...]:
    """The listing references naming this entity, as the facts spell them."""
    rows = connection.execute(
        "SELECT DISTINCT reference FROM fact_references WHERE entity_id = ? ORDER BY key",
        (entity_id,),
    )
    return tuple(str(row[0]) for row in rows)


@dataclass(frozen=True)
class _Stored:
    entity_id: str
    name: str
    quality: str | None
    words: tuple[str, ...]
    weights: tuple[float, ...]


def screen(
    connection: sqlite3.Connection, query: str, threshold: float, limit: int = 5
) -> Screening:
    """The entities query may name, best first (at most limit), each scored and explained."""
    words = query_words(query)
    if not words:
        return Screening(query, threshold, ())
    total, frequency = _frequencies(connection, words)
    weights = tuple(_rarity(total, frequency.get(word, 0)) for word in words)
    best: dict[str, tuple[float, _Stored, list[WordPair]]] = {}
    for stored in _candidates(connection, words):
        score, pairs = _score(words, weights, stored)
        if stored.entity_id not in best or score > best[stored.entity_id][0]:
            best[stored.entity_id] = (score, stored, pairs)
    ranked = sorted(best.values(), key=lambda item: (-item[0], item[1].entity_id))[:limit]
    return Screening(
        query,
        threshold,
        tuple(
            Candidate(
                entity_id=stored.entity_id,
                score=round(score, 4),
                match=round(score, 4) >= threshold,
                matched_name=stored.name,
                quality=stored.quality,
                how=_how(query, words, stored, pairs),
                pairs=tuple(pairs),
                listings=listings(connection, stored.entity_id),
            )
            for score, stored, pairs in ranked
        ),
    )


def _frequencies(
    connection: sqlite3.Connection, words: Sequence[str]
) -> tuple[int, dict[str, int]]:
    total = int(connection.execute("SELECT count(*) FROM match_names").fetchone()[0])
    marks = ", ".join("?" * len(words))
    rows = connection.execute(
        f"SELECT key, count(*) FROM match_keys WHERE key IN ({marks}) GROUP BY key",
        [f"w:{word}" for word in words],
    )
    return total, {str(key)[2:]: int(count) for key, count in rows}


def _candidates(connection: sqlite3.Connection, words: Sequence[str]) -> list[_Stored]:
    """The names sharing the most (and rarest) keys with the query's words."""
    keys = sorted(_keys(words))
    marks = ", ".join("?" * len(keys))
    counts = dict(
        connection.execute(
            f"SELECT key, count(*) FROM match_keys WHERE key IN ({marks}) GROUP BY key", keys
        ).fetchall()
    )
    usable = [key for key in keys if counts.get(key, 0) <= _COMMON_KEY] or list(counts)
    if not usable:
        return []
    marks = ", ".join("?" * len(usable))
    found = connection.execute(
        f"SELECT name_id, key FROM match_keys WHERE key IN ({marks})", usable
    ).fetchall()
    shared: dict[int, float] = {}
    for name_id, key in found:
        shared[name_id] = shared.get(name_id, 0.0) + 1.0 / counts[key]
    chosen = sorted(shared, key=lambda name_id: (-shared[name_id], name_id))[:_CANDIDATES]
    marks = ", ".join("?" * len(chosen))
    rows = connection.execute(
        f"SELECT entity_id, name, quality, words, weights FROM match_names WHERE id IN ({marks})",
        chosen,
    )
    return [
        _Stored(
            str(entity_id),
            str(name),
            quality,
            tuple(str(words).split()),
            tuple(float(weight) for weight in str(weights).split()),
        )
        for entity_id, name, quality, words, weights in rows
    ]


def _score(
    words: Sequence[str], weights: Sequence[float], stored: _Stored
) -> tuple[float, list[WordPair]]:
    """The query's score against one name, and how its words were paired."""
    from rapidfuzz.distance import OSA

    similarities = sorted(
        (
            (*_similarity(word, other, OSA.normalized_similarity(word, other)), q, n)
            for q, word in enumerate(words)
            for n, other in enumerate(stored.words)
        ),
        key=lambda item: -item[0],
    )
    paired: dict[int, tuple[int, float, How]] = {}
    paired_name: set[int] = set()
    for similarity, how, q, n in similarities:
        if similarity and q not in paired and n not in paired_name:
            paired[q] = (n, similarity, how)
            paired_name.add(n)
    query_cover = sum(
        weight * paired[q][1] for q, weight in enumerate(weights) if q in paired
    ) / sum(weights)
    name_cover = sum(stored.weights[n] * similarity for n, similarity, _ in paired.values()) / sum(
        stored.weights
    )
    score = _QUERY_SHARE * query_cover + (1 - _QUERY_SHARE) * name_cover
    pairs = [
        WordPair(word, stored.words[paired[q][0]], round(paired[q][1], 4), paired[q][2])
        if q in paired
        else WordPair(word, None, 0.0, How.PARTIAL)
        for q, word in enumerate(words)
    ]
    if len(words) != len(stored.words):
        # Words run together or split apart ("Abdulghani", "Abdul Ghani"): whole names compared.
        joined = OSA.normalized_similarity("".join(words), "".join(stored.words))
        score = max(score, joined if joined >= _JOINED_FLOOR else 0.0)
    return score, pairs


def _similarity(word: str, other: str, edit_similarity: float) -> tuple[float, How]:
    if word == other:
        return 1.0, How.EXACT
    if _sound_alike(word, other):
        return max(_PHONETIC_SIMILARITY, edit_similarity), How.PHONETIC
    if edit_similarity >= _FUZZY_FLOOR:
        return edit_similarity, How.FUZZY
    return 0.0, How.PARTIAL


def _sound_alike(word: str, other: str) -> bool:
    """The same Metaphone code, the same first letter, and about as long: "Hakkani" and
    "Haqqani" sound alike, "Abdul" and "Abdullah" (both ABTL) do not."""
    return (
        word[0] == other[0]
        and min(len(word), len(other)) >= _LENGTH_RATIO * max(len(word), len(other))
        and phonetic(word) == phonetic(other)
    )


def _how(
    query: str, words: Sequence[str], stored: _Stored, pairs: Sequence[WordPair]
) -> tuple[How, ...]:
    if " ".join(query.casefold().split()) == " ".join(stored.name.casefold().split()):
        return (How.EXACT,)
    if tuple(words) == stored.words:
        return (How.FOLDED,)
    if sorted(words) == sorted(stored.words):
        return (How.REORDERED,)
    order = [stored.words.index(pair.name) for pair in pairs if pair.name is not None]
    found = {pair.how for pair in pairs} - {How.EXACT}
    if order != sorted(order):
        found.add(How.REORDERED)
    if len(order) < len(stored.words):
        found.add(How.PARTIAL)
    return tuple(how for how in How if how in found) or (How.FOLDED,)
