"""JSON and JSON Lines output: data only, pretty on a terminal and compact when piped."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from tqcli.model import Answers, Catalog, Hit, ImportReport, LoadReport, SourceUse, Stats
from tqcli.render import data

if TYPE_CHECKING:
    from tqcli.locations import Locations
    from tqcli.names import EntityProfile, EntityUse, Screening, TagUse

# json.dumps leaves DEL, the C1 controls, the bidirectional overrides and isolates and the line
# and paragraph separators raw; escaping them keeps the data exact and keeps a terminal from
# obeying them when JSON is printed to it.
_C1 = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape_c1(text: str) -> str:
    return _C1.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class JsonRenderer:
    """Writes results as one JSON document, or (lines) one JSON object per line."""

    def __init__(
        self,
        stream: TextIO,
        *,
        lines: bool,
        pretty: bool,
        ascii_only: bool,
        fields: Sequence[str] = (),
    ) -> None:
        self._stream = stream
        self._lines = lines
        self._indent = 2 if pretty and not lines else None
        self._ascii_only = ascii_only
        self._fields = tuple(fields)
        """The keys each object keeps (--fields), or () for all."""

    def _encode(self, value: Any) -> str:
        if self._fields and isinstance(value, dict):
            value = {field: value[field] for field in self._fields}
        return _escape_c1(json.dumps(value, ensure_ascii=self._ascii_only, indent=self._indent))

    def _dump(self, value: Any) -> None:
        self._stream.write(self._encode(value) + "\n")

    def _array(self, items: Iterable[Any]) -> None:
        """Items as one array (or one per line), written as they come: a long listing is never
        held whole in memory, and its bytes are exactly json.dumps of the list's."""
        if self._lines:
            for item in items:
                self._dump(item)
            return
        opening, separator, closing = (
            ("[\n", ",\n", "\n]\n") if self._indent else ("[", ", ", "]\n")
        )
        written = False
        for item in items:
            text = self._encode(item)
            if self._indent:  # nest the item one level in; JSON text holds no raw newline
                text = "  " + text.replace("\n", "\n  ")
            self._stream.write((separator if written else opening) + text)
            written = True
        self._stream.write(closing if written else "[]\n")

    def facts(self, hits: Sequence[Hit], catalog: Catalog, *, full: bool) -> None:
        self._array(map(data.FactData(catalog), hits))

    def answers(self, found: Answers, catalog: Catalog) -> None:
        facts = data.FactData(catalog)
        self._array(
            data.answer_data(facts(hit), reply)
            for hit, reply in zip(found.hits, found.replies, strict=True)
        )

    def sources(self, uses: Sequence[SourceUse]) -> None:
        self._array([data.source_use_data(use) for use in uses])

    def stats(self, stats: Stats) -> None:
        self._dump(data.stats_data(stats))

    def paths(self, locations: Locations) -> None:
        self._dump(data.locations_data(locations))

    def validation(self, report: LoadReport) -> None:
        self._dump(data.validation_data(report))

    def import_report(self, report: ImportReport) -> None:
        self._dump(data.import_data(report))

    def screenings(self, screenings: Iterable[Screening], catalog: Catalog) -> None:
        from tqcli.render.names import screening_data

        self._array(screening_data(screening, catalog) for screening in screenings)

    def entity(self, profile: EntityProfile, catalog: Catalog) -> None:
        from tqcli.render.names import profile_data

        self._dump(profile_data(profile, list(map(data.FactData(catalog), profile.facts))))

    def entities(self, uses: Sequence[EntityUse]) -> None:
        from tqcli.render.names import entity_use_data

        self._array(map(entity_use_data, uses))

    def tags(self, uses: Sequence[TagUse]) -> None:
        from tqcli.render.names import tag_data

        self._array(map(tag_data, uses))
