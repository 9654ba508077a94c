"""JSON and JSON Lines output: data only, pretty on a terminal and compact when piped."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, TextIO

from tqcli.model import (
    Answers,
    Catalog,
    Hit,
    ImportReport,
    LoadReport,
    Reply,
    SourceUse,
    Stats,
)
from tqcli.render import data, jsontext

if TYPE_CHECKING:
    from tqcli.corrections import Reached
    from tqcli.locations import Locations
    from tqcli.names import EntityProfile, EntityUse, Screening, TagUse


_CHUNK = 1 << 16
"""Bytes of JSON text gathered before a listing writes them."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector paused, where millions of objects are made and freed and none is in
    a reference cycle (facts read and written as JSON): it would only walk them, and all that
    was loaded before, again and again (4% of a listing's instructions)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


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
        self._pretty = pretty and not lines
        self._ascii_only = ascii_only
        self._fields = tuple(fields)
        """The keys each object keeps (--fields), or () for all."""
        self._fact_data: tuple[Catalog, data.FactData] | None = None
        self._batch_facts: dict[str, bytes] = {}
        self._binary: BinaryIO | Literal[False] | None = None
        """Where output goes as bytes (False: as text), once the first is written."""
        self._line_buffered = bool(getattr(stream, "line_buffering", False))
        """Whether each line is seen as it is written (a terminal): items are not gathered."""

    def _facts(self, catalog: Catalog) -> data.FactData:
        """Facts' data, made by one FactData for the run (entities and sources recur: in a
        listing, in a batch), whose entities compact JSON encodes once for every fact."""
        if self._fact_data is None or self._fact_data[0] is not catalog:
            share = None if self._pretty else jsontext.shared
            self._fact_data = (catalog, data.FactData(catalog, share))
        return self._fact_data[1]

    def _encode(self, value: Any) -> bytes:
        """A document or item as JSON text: pretty, or compact."""
        if self._fields and isinstance(value, dict):
            # A field the schema has but this object lacks (match's batch-only "error") is left
            # out, as it would be without --fields.
            value = {field: value[field] for field in self._fields if field in value}
        if self._pretty:
            text = jsontext.pretty(value, ascii_only=self._ascii_only)
            return text.encode("utf-8", "surrogateescape")
        return self._compact(value)

    def _compact(self, value: Any) -> bytes:
        return jsontext.compact(value, ascii_only=self._ascii_only)

    def _dump(self, value: Any) -> None:
        self._write_bytes(self._encode(value) + b"\n")

    def _array(self, items: Iterable[Any]) -> None:
        """Items as one array (or one per line), written as they come, some 64 KiB at a time (on
        a terminal, one by one): a long listing is never held whole in memory, nor written in a
        hundred thousand calls."""
        if self._lines:
            opening, separator, closing, empty = b"", b"\n", b"\n", b""
        elif self._pretty:
            opening, separator, closing, empty = b"[\n", b",\n", b"\n]\n", b"[]\n"
        else:
            opening, separator, closing, empty = b"[", b",", b"]\n", b"[]\n"
        pending: list[bytes] = []
        size = 0
        most = 0 if self._line_buffered else _CHUNK
        written = False
        for item in items:
            text = self._encode(item)
            if self._pretty:  # nest the item one level in; JSON text holds no raw newline
                text = b"  " + text.replace(b"\n", b"\n  ")
            pending += (separator if written else opening, text)
            written = True
            size += len(text)
            if size > most:
                self._write_bytes(b"".join(pending))
                pending.clear()
                size = 0
        pending.append(closing if written else empty)
        self._write_bytes(b"".join(pending))

    def batch_answer(
        self,
        query: str,
        hits: Sequence[Hit],
        catalog: Catalog,
        *,
        suggestions: Sequence[str] = (),
        replies: Sequence[Reply] = (),
        error: str | None = None,
    ) -> None:
        """One line of a batch run: the query, its results (facts as search gives them, or
        answers as ask does, with their replies), the topics suggested when there is no answer,
        and the error when it could not run."""
        made = self._facts(catalog)
        scored = data.relative_scores(hits)  # each line's own: its most relevant scores 1
        # The line is made by one join of its pieces (facts are long: never copied twice), each
        # result followed by a comma, the last one's dropped.
        parts = [b'{"query":', self._compact(query), b',"results":[']
        if self._fields and hits:  # --fields: each result's chosen keys (the line's are all)
            chosen = (
                (
                    data.answer_data(made(hit), reply, reply.standing_of(hit.fact))
                    for hit, reply in zip(scored, replies, strict=True)
                )
                if replies
                else map(made, scored)
            )
            for result in chosen:
                kept = {field: result[field] for field in self._fields if field in result}
                parts += (self._compact(kept), b",")
        elif replies:
            for hit, reply in zip(scored, replies, strict=True):
                answer = data.answer_data(made(hit), reply, reply.standing_of(hit.fact))
                parts += (self._compact(answer), b",")
        elif hits:
            known = self._batch_facts
            facts: list[bytes] = []
            scores: list[float | None] = []
            for hit in hits:  # once: LazyHits lets each part of its facts go as it is iterated
                facts.append(known.get(hit.fact.id) or self._batch_fact(made, hit))
                scores.append(hit.score)
            # Every score in one encoding, split at its commas (a number's JSON holds none).
            encoded = self._compact(data.relative(scores))[1:-1].split(b",")
            for fact, score in zip(facts, encoded, strict=True):
                parts += (fact, score, b"},")
        if len(parts) > 3:
            parts[-1] = parts[-1][:-1]
        parts.append(b"]")
        if suggestions:
            parts += (b',"suggestions":', self._compact(list(suggestions)))
        if error is not None:
            parts += (b',"error":', self._compact(error))
        parts.append(b"}\n")
        self._write_bytes(b"".join(parts))

    def _write_bytes(self, text: bytes) -> None:
        """JSON text, straight to the binary stream under the text one when there is one:
        a listing writes megabytes, and they are UTF-8 already; else through the text stream."""
        if self._binary is None:
            binary = getattr(self._stream, "buffer", None)
            # Not where text streams turn "\n" into "\r\n" (Windows), nor when ascii_only.
            usable = binary is not None and not self._ascii_only and os.linesep == "\n"
            self._binary = binary if usable else False
            if self._binary:
                self._stream.flush()  # what the text stream holds goes first
        if self._binary:
            self._binary.write(text)
            if self._line_buffered:  # a terminal sees each line as the text stream showed it
                self._binary.flush()
        else:
            self._stream.write(text.decode("utf-8", "surrogateescape"))

    def _batch_fact(self, made: data.FactData, hit: Hit) -> bytes:
        """A fact as compact JSON up to its score, made once per run for the first 4,096 facts:
        the queries of a batch find the same facts again and again. Only the score, the last
        key, differs."""
        known = self._batch_facts.get(hit.fact.id)
        if known is None:
            text = self._compact(made(Hit(hit.fact, None)))
            if not text.endswith(b'"score":null}'):
                raise AssertionError("data.FactData must make the score the last key")
            known = text.removesuffix(b"null}")  # this hit's score follows
            if len(self._batch_facts) < 4096:
                self._batch_facts[hit.fact.id] = known
        return known

    def facts(self, hits: Sequence[Hit], catalog: Catalog, *, full: bool) -> None:
        with _collector_paused():
            self._array(map(self._facts(catalog), data.relative_scores(hits)))

    def answers(self, found: Answers, catalog: Catalog) -> None:
        facts = self._facts(catalog)
        self._array(
            data.answer_data(facts(hit), reply, reply.standing_of(hit.fact))
            for hit, reply in zip(data.relative_scores(found.hits), found.replies, strict=True)
        )

    def sources(self, uses: Sequence[SourceUse]) -> None:
        self._array([data.source_use_data(use) for use in uses])

    def stats(self, stats: Stats) -> None:
        self._dump(data.stats_data(stats))

    def paths(self, locations: Locations) -> None:
        self._dump(data.locations_data(locations))

    def validation(self, report: LoadReport, reached: Sequence[Reached] = ()) -> None:
        self._dump(data.validation_data(report, reached))

    def import_report(self, report: ImportReport) -> None:
        self._dump(data.import_data(report))

    def screenings(self, screenings: Iterable[Screening], catalog: Catalog) -> None:
        from tqcli.render.names import screening_data

        self._array(screening_data(screening, catalog) for screening in screenings)

    def batch_screening(self, screening: Screening, catalog: Catalog, error: str | None) -> None:
        """One line of tq match --batch, compact as every batch's lines, with the error when
        the line holds no name."""
        from tqcli.render.names import screening_data

        value = screening_data(screening, catalog)
        if error is not None:
            value["error"] = error
        if self._fields:
            value = {field: value[field] for field in self._fields if field in value}
        self._write_bytes(self._compact(value) + b"\n")

    def entity(self, profile: EntityProfile, catalog: Catalog) -> None:
        from tqcli.render.names import profile_data

        self._dump(profile_data(profile, list(map(self._facts(catalog), profile.facts))))

    def entities(self, uses: Sequence[EntityUse]) -> None:
        from tqcli.render.names import entity_use_data

        self._array(map(entity_use_data, uses))

    def tags(self, uses: Sequence[TagUse]) -> None:
        from tqcli.render.names import tag_data

        self._array(map(tag_data, uses))
