"""Results as plain data (dicts of JSON types): the documented shape of JSON and CSV output."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqcli.codec import iso_date
from tqcli.compat import assert_never
from tqcli.model import (
    KIND_OF_DETAILS,
    Agreement,
    Catalog,
    Citation,
    Event,
    Fact,
    Figure,
    Hit,
    ImportReport,
    LoadReport,
    NoteStance,
    Pack,
    PartialDate,
    Quote,
    Reply,
    Sanction,
    Source,
    SourceUse,
    Standing,
    Stats,
)

if TYPE_CHECKING:
    from tqcli.corrections import Reached
    from tqcli.locations import LeftOut, Locations

JsonObject = dict[str, Any]
_KIND_NAMES = {details: kind.value for details, kind in KIND_OF_DETAILS.items()}
"""Each kind's name by the type of its details (as Fact.kind, without an enum's slow .value)."""


def source_data(source: Source) -> JsonObject:
    """A source's bibliographic details."""
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "series": source.series,
        "author": source.author,
        "published": iso_date(source.published),
        "url": source.url,
        "via": source.via,
        "licence": source.licence,
        "file_name": source.file_name,
        "accessed": iso_date(source.accessed),
        "kind": source.kind.value,
        "archived": source.archive is not None,
        "pack": source.pack,
    }


SCORE_DIGITS = 4
"""Decimal places of a score in machine output (docs/json.md)."""


def relative_scores(hits: Sequence[Hit]) -> Iterator[Hit]:
    """The hits with each score made relative to the highest of the list: 1 for the most
    relevant, a share of it for the others (0 for none), rounded to SCORE_DIGITS places, which
    keeps their order. A raw score (BM25, and ask's judgement on it) means nothing outside its
    query: a word that most facts have scores every fact about 1e-6, another query 30. Hits
    without scores (show, list, a fact found by its id: a list is ranked whole or not at all)
    are as they were, and a listing of every fact is not gone through twice."""
    if not hits or hits[0].score is None:
        yield from hits
        return
    from tqcli.index.store import LazyHits  # its scores, without reading every fact first

    scores = hits.scores() if isinstance(hits, LazyHits) else [hit.score for hit in hits]
    for hit, score in zip(hits, relative(scores), strict=True):
        yield Hit(hit.fact, score)


def relative(scores: list[float | None]) -> list[float | None]:
    """The scores relative_scores gives hits with these scores, in order: as they are when the
    first is None (a list that is not ranked)."""
    if not scores or scores[0] is None:
        return scores
    best = max(score for score in scores if score is not None)
    if best <= 0:
        return [None if score is None else 0.0 for score in scores]
    return [None if score is None else round(score / best, SCORE_DIGITS) for score in scores]


class FactData:
    """Facts as plain data with every reference resolved (see docs/json.md).

    Each entity and source becomes data once, however many facts name it: a long listing names
    the same few again and again. Pieces are shared between facts, so treat them as read-only.
    """

    def __init__(self, catalog: Catalog, share: Callable[[JsonObject], Any] | None = None) -> None:
        """share, if given, turns each entity and entity reference into what the facts naming
        it hold (jsontext.shared: its compact JSON, encoded once for them all)."""
        self._catalog = catalog
        self._share = share
        self._refs: dict[str, Any] = {}
        self._entities: dict[str, Any] = {}
        self._sources: dict[str, JsonObject] = {}
        self._dates: dict[PartialDate, str] = {}

    def __call__(self, hit: Hit) -> JsonObject:
        fact = hit.fact
        return {
            "id": fact.id,
            "kind": _KIND_NAMES[type(fact.details)],
            "claim": fact.claim,
            "date": self._date(fact.date),
            "about": list(map(self._entity, fact.about)),
            "tags": list(fact.tags),
            "hedge": fact.hedge,
            "asserted_by": self._ref(fact.asserted_by) if fact.asserted_by else None,
            "details": self._details(fact),
            "sources": list(map(self._citation, fact.citations)),
            "notes": [
                {
                    "text": note.text,
                    "stance": note.stance.value,
                    "source": self._citation(note.citation) if note.citation else None,
                }
                for note in fact.notes
            ]
            if fact.notes  # most have none: no comprehension to run
            else [],
            "pack": fact.pack,
            "score": hit.score,
        }

    def _date(self, date: PartialDate | None) -> str | None:
        """A date in ISO 8601, made once: the facts of a listing share a few thousand dates."""
        if date is None:
            return None
        known = self._dates.get(date)
        if known is None:
            known = self._dates[date] = date.isoformat()
        return known

    def _ref(self, entity_id: str) -> Any:
        """An entity reference resolved to its id, name and kind."""
        known = self._refs.get(entity_id)
        if known is None:
            known = self._refs[entity_id] = self._shared(self._ref_data(entity_id))
        return known

    def _ref_data(self, entity_id: str) -> JsonObject:
        entity = self._catalog.entities.get(entity_id)
        return {
            "id": entity_id,
            "name": entity.name if entity else None,
            "kind": entity.kind.value if entity else None,
        }

    def _entity(self, entity_id: str) -> Any:
        """An entity in full: its reference, description, aliases, attributes and links."""
        known = self._entities.get(entity_id)
        if known is not None:
            return known
        entity = self._catalog.entities.get(entity_id)
        known = self._entities[entity_id] = self._shared(
            {
                **self._ref_data(entity_id),
                "description": entity.description if entity else None,
                "aliases": [
                    {"name": alias.name, "quality": alias.quality, "note": alias.note}
                    for alias in (entity.aliases if entity else ())
                ],
                "attributes": {
                    name: list(values)
                    for name, values in (entity.attributes if entity else {}).items()
                },
                "same_as": (
                    sorted(self._catalog.same_entities(entity_id) - {entity_id}) if entity else []
                ),
            }
        )
        return known

    def _shared(self, piece: JsonObject) -> Any:
        return piece if self._share is None else self._share(piece)

    def _citation(self, citation: Citation) -> JsonObject:
        """A citation with its source resolved inline, plus the passage and locator."""
        if citation.source not in self._sources:
            source = self._catalog.sources.get(citation.source)
            self._sources[citation.source] = (
                source_data(source) if source else {"id": citation.source}
            )
        return {
            **self._sources[citation.source],
            "passage": citation.passage,
            "locator": citation.locator,
        }

    def _details(self, fact: Fact) -> JsonObject:
        """The kind-specific fields of a fact."""
        details = fact.details
        if isinstance(details, Figure):
            return {
                "value": details.value,
                "min": details.min,
                "max": details.max,
                "unit": details.unit,
                "qualifier": details.qualifier,
            }
        if isinstance(details, Quote):
            return {
                "text": details.text,
                "speaker": self._ref(details.speaker),
                "speaker_role": details.speaker_role,
                "medium": details.medium,
                "said": self._date(details.said),
            }
        if isinstance(details, Sanction):
            return {
                "authority": details.authority,
                "instrument": details.instrument,
                "adopted": self._date(details.adopted),
                "measures": list(details.measures),
                "targets": list(map(self._ref, details.targets)),
                "committee": details.committee,
                "list": details.list_name,
                "reference": details.reference,
                "updated": list(map(self._date, details.updated)),
                "remarks": details.remarks,
            }
        if isinstance(details, Agreement):
            return {
                "name": details.name,
                "parties": list(map(self._ref, details.parties)),
                "signed": self._date(details.signed),
                "place": details.place,
                "commitments": list(details.commitments),
            }
        if isinstance(details, Event):
            return {"place": details.place, "end": self._date(details.end)}
        assert_never(details)


STANDINGS = {
    stance: standing.value if (standing := Standing.of(stance)) else None for stance in NoteStance
}
"""A claim as its curators' notes leave it (Fact.standing), as `ask` says it: None when they
leave it standing."""


def answer_data(fact: JsonObject, reply: Reply, standing: NoteStance) -> JsonObject:
    """A fact found for a question (its data), with how it answers the question: `match`
    ("answer" or "partial"), the short `answer`, the question's words it leaves
    `unmatched`, and whether its curators' notes leave the claim `contested` or `corrected`
    (`standing`; see docs/json.md)."""
    return {
        **fact,
        "match": reply.match.value,
        "answer": reply.answer,
        "unmatched": list(reply.unmatched),
        "standing": STANDINGS[standing],
    }


def source_use_data(use: SourceUse) -> JsonObject:
    """A source with the number of facts citing it."""
    return {**source_data(use.source), "facts": use.facts}


def stats_data(stats: Stats) -> JsonObject:
    """Counts by kind, pack and source."""
    return {
        "facts": stats.facts,
        "sources": stats.sources,
        "entities": stats.entities,
        "by_kind": dict(stats.by_kind),
        "by_pack": dict(stats.by_pack),
        "by_source": dict(stats.by_source),
    }


def pack_data(pack: Pack) -> JsonObject:
    """A pack in effect."""
    return {"name": pack.name, "origin": pack.origin, "path": str(pack.path)}


def locations_data(locations: Locations) -> JsonObject:
    """Where tq's files are, and the packs in effect."""

    def text(path: Path | None) -> str | None:
        return None if path is None else str(path)

    return {
        "config_file": str(locations.config_file),
        "config_exists": locations.config_exists,
        "user_pack_folder": text(locations.user_pack_folder),
        "cache": text(locations.cache),
        "packs": [_pack_in_effect(pack, locations.left_out.get(pack)) for pack in locations.packs],
    }


def _pack_in_effect(pack: Pack, left_out: LeftOut | None) -> JsonObject:
    """A pack of `tq paths`: whether queries leave it out, why, and the pack loaded that holds
    its ids (its twin) where that is why."""
    twin = left_out.twin if left_out is not None else None
    return {
        **pack_data(pack),
        "left_out": left_out is not None,
        "left_out_reason": left_out.reason.value if left_out is not None else None,
        "left_out_twin": str(twin.path) if twin is not None else None,
    }


def validation_data(report: LoadReport, reached: Sequence[Reached] = ()) -> JsonObject:
    """The outcome of validation, problems included, and the facts that another pack's curator
    notes reach (tqcli.corrections)."""
    catalog = report.catalog
    return {
        "valid": report.valid,
        "packs": [pack_data(pack) for pack in catalog.packs],
        "facts": len(catalog.facts),
        "sources": len(catalog.sources),
        "entities": len(catalog.entities),
        "passages_proven": report.passages_proven,
        "passages_unarchived": report.passages_unarchived,
        "problems": [
            {
                "file": str(problem.where.path),
                "line": problem.where.line,
                "column": problem.where.column,
                "message": problem.message,
            }
            for problem in report.problems
        ],
        "notes_from_other_packs": [
            {
                "file": str(fact.where.path),
                "line": fact.where.line,
                "fact": fact.id,
                "noted_fact": noted.id,
                "noted_pack": noted.pack,
                "stance": note.stance.value,
                "note": note.text,
            }
            for fact, noted, note in reached
        ],
    }


def import_data(report: ImportReport) -> JsonObject:
    """An import's outcome: what was written and, per list, what changed."""
    return {
        "file": report.source_file,
        "out": str(report.out),
        "written": report.written,
        "already_applied": report.already_applied,
        "date_generated": report.date_generated,
        "previous_import": report.previous_import,
        "previous_date_generated": report.previous_date_generated,
        "lists": [
            {
                "list": changes.list_name,
                "listings": changes.listings,
                "added": list(changes.added),
                "removed": list(changes.removed),
                "amended": {ref: list(fields) for ref, fields in changes.amended.items()},
                "amendments": {
                    ref: {
                        field: {"before": before, "after": after}
                        for field, (before, after) in fields.items()
                    }
                    for ref, fields in changes.amendments.items()
                },
            }
            for changes in report.lists
        ],
        "skipped": [{"reference": s.reference, "reason": s.reason} for s in report.skipped],
    }
