"""CSV output for spreadsheets: one row per fact, source, count, pack or problem."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from tqcli.model import Answers, Catalog, Hit, ImportReport, LoadReport, SourceUse, Stats
from tqcli.render import data
from tqcli.render.layout import key_values, source_line
from tqcli.textnorm import printable

if TYPE_CHECKING:
    from tqcli.corrections import Reached
    from tqcli.locations import Locations
    from tqcli.names import EntityProfile, EntityUse, Screening, TagUse


class CsvRenderer:
    """Writes results as CSV with a header row."""

    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")

    def _table(self, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        self._writer.writerow(header)
        self._writer.writerows([_cell(cell) for cell in row] for row in rows)

    def facts(self, hits: Sequence[Hit], catalog: Catalog, *, full: bool) -> None:
        rows = (_fact_row(hit, catalog) for hit in data.relative_scores(hits))  # row by row
        self._table(_FACT_COLUMNS, rows)

    def answers(self, found: Answers, catalog: Catalog) -> None:
        """The facts' columns, then how each answers the question, as in JSON (docs/json.md);
        the words a partial answer leaves out are separated by "; "."""
        rows = (
            (
                *_fact_row(hit, catalog),
                reply.match.value,
                reply.answer,
                "; ".join(reply.unmatched),
                data.STANDINGS[reply.standing_of(hit.fact)] or "",
            )
            for hit, reply in zip(data.relative_scores(found.hits), found.replies, strict=True)
        )
        self._table((*_FACT_COLUMNS, "match", "answer", "unmatched", "standing"), rows)

    def sources(self, uses: Sequence[SourceUse]) -> None:
        header = (
            "id",
            "facts",
            "kind",
            "title",
            "publisher",
            "author",
            "published",
            "url",
            "archived",
            "pack",
        )
        self._table(header, ([data.source_use_data(use)[key] for key in header] for use in uses))

    def stats(self, stats: Stats) -> None:
        rows = [
            ("total", name, count)
            for name, count in (
                ("facts", stats.facts),
                ("sources", stats.sources),
                ("entities", stats.entities),
            )
        ]
        for group, counts in (
            ("kind", stats.by_kind),
            ("pack", stats.by_pack),
            ("source", stats.by_source),
        ):
            rows.extend((group, name, count) for name, count in counts.items())
        self._table(("group", "name", "count"), rows)

    def paths(self, locations: Locations) -> None:
        files = data.locations_data(locations)
        rows: list[tuple[object, ...]] = [
            ("file", key, "", files[key], "", "", "")
            for key in ("config_file", "user_pack_folder", "cache")
        ]
        rows.extend(
            (
                "pack",
                pack["name"],
                pack["origin"],
                pack["path"],
                "true" if pack["left_out"] else "false",
                pack["left_out_reason"] or "",
                pack["left_out_twin"] or "",
            )
            for pack in files["packs"]
        )
        columns = ("what", "name", "origin", "path", "left_out", "left_out_reason", "left_out_twin")
        self._table(columns, rows)

    def import_report(self, report: ImportReport) -> None:
        rows: list[tuple[str, str, str, str]] = []
        for changes in report.lists:
            rows.extend((changes.list_name, "added", ref, "") for ref in changes.added)
            rows.extend((changes.list_name, "removed", ref, "") for ref in changes.removed)
            rows.extend(
                (changes.list_name, "amended", ref, " ".join(fields))
                for ref, fields in changes.amended.items()
            )
        rows.extend(
            ("", "skipped", skipped.reference, skipped.reason) for skipped in report.skipped
        )
        self._table(("list", "change", "reference", "detail"), rows)

    def validation(self, report: LoadReport, reached: Sequence[Reached] = ()) -> None:
        """The problems, a row each (the notes of other packs that reach a fact are said on
        stderr, and in JSON)."""
        rows = (
            (str(p.where.path), p.where.line, p.where.column, p.message) for p in report.problems
        )
        self._table(("file", "line", "column", "message"), rows)

    def screenings(self, screenings: Iterable[Screening], catalog: Catalog) -> None:
        from tqcli.render.names import CANDIDATE_COLUMNS, candidate_rows

        rows = (row for screening in screenings for row in candidate_rows(screening, catalog))
        self._table(CANDIDATE_COLUMNS, rows)

    def entity(self, profile: EntityProfile, catalog: Catalog) -> None:
        """A row per fact about the entity, as tq list --about gives them, each beginning with
        the entity (id, name, kind, aliases, listings) so that the rows say whom they are
        about; one row with the entity alone when no fact names it."""
        entity = profile.entity
        who = (
            entity.id,
            entity.name,
            entity.kind.value,
            " | ".join(alias.name for alias in entity.aliases),
            " | ".join(profile.listings),
        )
        rows = [(*who, *_fact_row(hit, catalog)) for hit in profile.facts]
        self._table(
            (*_ENTITY_COLUMNS, *_FACT_COLUMNS), rows or [(*who, *[""] * len(_FACT_COLUMNS))]
        )

    def entities(self, uses: Sequence[EntityUse]) -> None:
        from tqcli.render.names import entity_use_data

        header = ("id", "name", "kind", "aliases", "facts", "pack")
        self._table(header, ([entity_use_data(use)[key] for key in header] for use in uses))

    def tags(self, uses: Sequence[TagUse]) -> None:
        self._table(("tag", "facts"), ((use.tag, use.facts) for use in uses))


_ENTITY_COLUMNS = ("entity_id", "entity_name", "entity_kind", "entity_aliases", "listings")
"""tq who's first columns: the entity every row is about."""
_FACT_COLUMNS = (
    "id",
    "kind",
    "date",
    "claim",
    "value",
    "sources",
    "passages",
    "notes",
    "pack",
    "score",
)

# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A value as a CSV cell: text with its control characters escaped (so that neither a
    terminal nor a spreadsheet obeys them, and a carriage return cannot break a row), and with a
    leading apostrophe where it would otherwise start a formula, as OWASP advises. Booleans
    are written true and false, as JSON writes them (not Python's True and False)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_STARTS):
        value = "'" + value
    return printable(value)


def _fact_row(hit: Hit, catalog: Catalog) -> tuple[object, ...]:
    fact = hit.fact
    sources = [catalog.sources.get(c.source) for c in fact.citations]
    return (
        fact.id,
        fact.kind.value,
        fact.date.isoformat() if fact.date else None,
        fact.claim,
        " ".join(key_values(fact, catalog)),
        # Each source once, though cited with several passages (JSON lists each citation).
        " | ".join(
            dict.fromkeys(
                source_line(s) if s else c.source
                for s, c in zip(sources, fact.citations, strict=True)
            )
        ),
        " | ".join(c.passage for c in fact.citations),
        " | ".join(note.text for note in fact.notes),
        fact.pack,
        hit.score,
    )
