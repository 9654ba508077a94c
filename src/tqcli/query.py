"""Answering queries over a Catalog: filtering, ranked search, browsing, show and counts."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import TypeVar

from tqcli.errors import BadRequest, NotFound
from tqcli.model import (
    Agreement,
    Catalog,
    Entity,
    Event,
    Fact,
    FactKind,
    Figure,
    Filters,
    Hit,
    Quote,
    Sanction,
    SourceUse,
    Stats,
)
from tqcli.textnorm import did_you_mean, fold, tokens

# BM25 parameters: the usual defaults, which suit short documents such as one fact.
_K1 = 1.2
_B = 0.75
_T = TypeVar("_T")


def select(catalog: Catalog, filters: Filters) -> list[Fact]:
    """The facts passing every filter, in load order."""
    about = catalog.same_entities(find_entity(catalog, filters.about).id) if filters.about else None
    if filters.source is not None and filters.source not in catalog.sources:
        hint = did_you_mean(filters.source, catalog.sources)
        raise BadRequest(f"--source: no source with id {filters.source!r}{hint}; see 'tq sources'")
    tag = fold(filters.tag) if filters.tag else None
    return [
        fact
        for fact in catalog.facts
        if (not filters.kinds or fact.kind in filters.kinds)
        and (about is None or not about.isdisjoint(_entities_of(fact)))
        and (tag is None or tag in (fold(t) for t in fact.tags))
        and (filters.source is None or any(c.source == filters.source for c in fact.citations))
        and _in_period(fact, filters)
    ]


def _in_period(fact: Fact, filters: Filters) -> bool:
    if filters.since is None and filters.until is None:
        return True
    if fact.date is None:
        return False
    # A partial date is a span ("2021" is all of 2021): keep it if the span meets the period.
    end = fact.details.end if isinstance(fact.details, Event) and fact.details.end else fact.date
    return (filters.since is None or end.last_day >= filters.since.first_day) and (
        filters.until is None or fact.date.first_day <= filters.until.last_day
    )


def find_entity(catalog: Catalog, name: str) -> Entity:
    """The entity named by id, name or alias (folded); BadRequest with a hint if none."""
    if name in catalog.entities:
        return catalog.entities[name]
    wanted = fold(name).replace("-", " ")
    for entity in catalog.entities.values():
        if any(fold(n).replace("-", " ") == wanted for n in (entity.id, *entity.names)):
            return entity
    names = [n for entity in catalog.entities.values() for n in (entity.id, *entity.names)]
    raise BadRequest(f"--about: no entity {name!r} in the loaded packs{did_you_mean(name, names)}")


def browse(catalog: Catalog, filters: Filters, limit: int = 0) -> list[Hit]:
    """Facts passing the filters in date order, undated last; at most limit (0: all)."""
    facts = sorted(select(catalog, filters), key=_chronological)
    return [Hit(fact) for fact in _take(facts, limit)]


def _chronological(fact: Fact) -> tuple[bool, object, str]:
    return (fact.date is None, fact.date.first_day if fact.date else None, fact.id)


def search(catalog: Catalog, terms: Sequence[str], filters: Filters, limit: int = 20) -> list[Hit]:
    """Facts passing the filters ranked by BM25 relevance to terms; at most limit (0: all)."""
    query = list(dict.fromkeys(token for term in terms for token in tokens(term)))
    if not query:
        raise BadRequest(f"nothing to search for in {' '.join(terms)!r}: give a word or a number")
    candidates = select(catalog, filters)
    documents = [_weighted_terms(fact, catalog) for fact in candidates]
    if not documents:
        return []
    average_length = sum(length for _, length in documents) / len(documents)
    frequency = Counter(term for counts, _ in documents for term in counts)
    idf = {
        term: math.log(1 + (len(documents) - frequency[term] + 0.5) / (frequency[term] + 0.5))
        for term in query
    }
    hits = []
    for fact, (counts, length) in zip(candidates, documents, strict=True):
        score = 0.0
        for term in query:
            weight = counts.get(term, 0.0)
            if weight:
                norm = _K1 * (1 - _B + _B * length / average_length)
                score += idf[term] * weight * (_K1 + 1) / (weight + norm)
        if score > 0:
            hits.append(Hit(fact, round(score, 4)))
    hits.sort(key=lambda hit: (-(hit.score or 0.0), _chronological(hit.fact)))
    return _take(hits, limit)


def _weighted_terms(fact: Fact, catalog: Catalog) -> tuple[dict[str, float], float]:
    counts: dict[str, float] = defaultdict(float)
    for weight, text in _searchable_text(fact, catalog):
        for token in tokens(text):
            counts[token] += weight
    return counts, sum(counts.values())


def _searchable_text(fact: Fact, catalog: Catalog) -> Iterator[tuple[float, str]]:
    """The texts a fact is found by, each with its weight."""
    yield 2.0, fact.id.replace("-", " ")
    yield 1.0, fact.claim
    yield 1.5, " ".join(fact.tags)
    if fact.date:
        yield 0.5, str(fact.date.year)
    for entity_id in _entities_of(fact):
        entity = catalog.entities.get(entity_id)
        if entity is not None:
            yield 1.0, " ".join(entity.names)
    for citation in fact.citations:
        source = catalog.sources.get(citation.source)
        if source is not None:
            yield 0.5, f"{source.title} {source.publisher}"
    for note in fact.notes:
        yield 0.5, note.text
    yield 1.0, " ".join(_detail_texts(fact))


def _detail_texts(fact: Fact) -> Iterator[str]:
    details = fact.details
    if isinstance(details, Figure):
        numbers = (details.value, details.min, details.max)
        yield from (_number_text(n) for n in numbers if n is not None)
        yield details.unit
        yield details.qualifier or ""
    elif isinstance(details, Quote):
        yield from (details.text, details.speaker_role or "", details.medium or "")
    elif isinstance(details, Sanction):
        yield from (
            details.authority,
            details.instrument,
            details.committee or "",
            *details.measures,
        )
    elif isinstance(details, Agreement):
        yield from (details.name, details.place or "", *details.commitments)
    else:
        yield details.place or ""


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _entities_of(fact: Fact) -> Iterator[str]:
    yield from fact.about
    if fact.asserted_by:
        yield fact.asserted_by
    details = fact.details
    if isinstance(details, Quote):
        yield details.speaker
    elif isinstance(details, Sanction):
        yield from details.targets
    elif isinstance(details, Agreement):
        yield from details.parties


def _take(items: list[_T], limit: int) -> list[_T]:
    return items[:limit] if limit > 0 else items


def show(catalog: Catalog, ids: Sequence[str]) -> list[Hit]:
    """The facts with these ids, in the order asked; NotFound naming every unknown id."""
    by_id = {fact.id: fact for fact in catalog.facts}
    missing = [fact_id for fact_id in ids if fact_id not in by_id]
    if missing:
        raise NotFound("; ".join(_unknown_id(catalog, fact_id, by_id) for fact_id in missing))
    return [Hit(by_id[fact_id]) for fact_id in dict.fromkeys(ids)]


def _unknown_id(catalog: Catalog, fact_id: str, by_id: dict[str, Fact]) -> str:
    if fact_id in catalog.entities:
        return f"{fact_id!r} is an entity, not a fact: try 'tq list --about {fact_id}'"
    if fact_id in catalog.sources:
        return f"{fact_id!r} is a source, not a fact: try 'tq list --source {fact_id}'"
    return f"no fact with id {fact_id!r}{did_you_mean(fact_id, by_id)}"


def source_uses(catalog: Catalog) -> list[SourceUse]:
    """Every source with how many facts cite it, most cited first."""
    cited = Counter(
        source for fact in catalog.facts for source in {c.source for c in fact.citations}
    )
    uses = [SourceUse(source, cited[source.id]) for source in catalog.sources.values()]
    return sorted(uses, key=lambda use: (-use.facts, use.source.id))


def stats(catalog: Catalog) -> Stats:
    """Counts of facts by kind, pack and source."""
    by_kind = Counter(fact.kind.value for fact in catalog.facts)
    by_pack = Counter(fact.pack for fact in catalog.facts)
    return Stats(
        facts=len(catalog.facts),
        sources=len(catalog.sources),
        entities=len(catalog.entities),
        by_kind={kind.value: by_kind[kind.value] for kind in FactKind},
        by_pack={pack.name: by_pack[pack.name] for pack in catalog.packs},
        by_source={use.source.id: use.facts for use in source_uses(catalog)},
    )
