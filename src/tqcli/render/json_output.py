"""JSON and JSON Lines output: data only, pretty on a terminal and compact when piped."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
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
from tqcli.render import data
from tqcli.render.fact_json import FactJson
from tqcli.render.fact_json import escape_c1 as _escape_c1

if TYPE_CHECKING:
    from tqcli.locations import Locations
    from tqcli.names import EntityProfile, EntityUse, Screening, TagUse

# The characters escape_c1 escapes, in UTF-8, for JSON that msgspec writes as bytes. (In UTF-8
# no character's bytes can be mistaken for these: a match always starts at a character.)
_C1_UTF8 = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def _escaped_utf8(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match.group().decode('utf-8')):04x}".encode("ascii")


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
        self._batch_data: data.FactData | None = None
        self._batch_facts: dict[str, bytes] = {}
        self._binary: BinaryIO | Literal[False] | None = None
        """Where batch lines go as bytes (False: as text), once the first is written."""

    def _encode(self, value: Any) -> str:
        if self._fields and isinstance(value, dict):
            # A field the schema has but this object lacks (match's batch-only "error") is left
            # out, as it would be without --fields.
            value = {field: value[field] for field in self._fields if field in value}
        return _escape_c1(json.dumps(value, ensure_ascii=self._ascii_only, indent=self._indent))

    def _dump(self, value: Any) -> None:
        self._stream.write(self._encode(value) + "\n")

    def _array(self, items: Iterable[Any], encode: Callable[[Any], str] | None = None) -> None:
        """Items as one array (or one per line), written as they come: a long listing is never
        held whole in memory, and its bytes are exactly json.dumps of the list's. encode, if
        given, makes an item's text as _encode would."""
        encode = encode or self._encode
        if self._lines:
            for item in items:
                self._stream.write(encode(item) + "\n")
            return
        opening, separator, closing = (
            ("[\n", ",\n", "\n]\n") if self._indent else ("[", ", ", "]\n")
        )
        written = False
        for item in items:
            text = encode(item)
            if self._indent:  # nest the item one level in; JSON text holds no raw newline
                text = "  " + text.replace("\n", "\n  ")
            self._stream.write((separator if written else opening) + text)
            written = True
        self._stream.write(closing if written else "[]\n")

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
        if self._batch_data is None:  # one for the run: entities and sources recur
            self._batch_data = data.FactData(catalog)
        made = self._batch_data
        items: list[list[bytes]]
        if replies:
            answers = zip(hits, replies, strict=True)
            items = [[self._compact(data.answer_data(made(hit), reply))] for hit, reply in answers]
        else:
            items = [[self._batch_fact(hit), self._score(hit.score), b"}"] for hit in hits]
        parts = [b'{"query":', self._compact(query), b',"results":[']
        for number, item in enumerate(items):  # one join below makes the line: facts are long
            if number:
                parts.append(b",")
            parts += item
        parts.append(b"]")
        if suggestions:
            parts += (b',"suggestions":', self._compact(list(suggestions)))
        if error is not None:
            parts += (b',"error":', self._compact(error))
        parts.append(b"}\n")
        self._write_bytes(b"".join(parts))

    def _write_bytes(self, line: bytes) -> None:
        """A line of JSON, straight to the binary stream under the text one when there is one:
        a batch writes megabytes, and they are UTF-8 already; else through the text stream."""
        if self._binary is None:
            binary = getattr(self._stream, "buffer", None)
            # Not where text streams turn "\n" into "\r\n" (Windows), nor when ascii_only.
            usable = binary is not None and not self._ascii_only and os.linesep == "\n"
            self._binary = binary if usable else False
            if self._binary:
                self._stream.flush()  # what the text stream holds goes first
        if self._binary:
            self._binary.write(line)
        else:
            self._stream.write(line.decode("utf-8"))

    def _compact(self, value: Any) -> bytes:
        """Compact JSON, escaped as everywhere else; by msgspec where it can (a profile of 1,000
        queries: 0.56 s of encoding with json, 0.04 s with msgspec)."""
        if self._ascii_only:
            text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
            return _escape_c1(text).encode("ascii")
        import msgspec

        return _C1_UTF8.sub(_escaped_utf8, msgspec.json.encode(value))

    def _score(self, score: float | None) -> bytes:
        """A score as _compact writes it, without looking for characters to escape: it has
        none."""
        if self._ascii_only:  # json spells some floats otherwise than msgspec (1e-06, 1e-6)
            return self._compact(score)
        import msgspec

        return msgspec.json.encode(score)

    def _batch_fact(self, hit: Hit) -> bytes:
        """A fact as compact JSON up to its score, made once per run for the first 4,096 facts:
        the queries of a batch find the same facts again and again. Only the score, the last
        key, differs."""
        assert self._batch_data is not None
        made = self._batch_facts.get(hit.fact.id)
        if made is None:
            text = self._compact(self._batch_data(Hit(hit.fact, None)))
            if not text.endswith(b'"score":null}'):
                raise AssertionError("data.FactData must make the score the last key")
            made = text.removesuffix(b"null}")  # this hit's score follows
            if len(self._batch_facts) < 4096:
                self._batch_facts[hit.fact.id] = made
        return made

    def facts(self, hits: Sequence[Hit], catalog: Catalog, *, full: bool) -> None:
        if self._indent is None and not self._fields:  # compact: each entity encoded once
            self._array(hits, FactJson(catalog, ascii_only=self._ascii_only))
        else:
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

        self._dump(profile_data(profile, list(map(data.FactData(catalog), profile.facts))))

    def entities(self, uses: Sequence[EntityUse]) -> None:
        from tqcli.render.names import entity_use_data

        self._array(map(entity_use_data, uses))

    def tags(self, uses: Sequence[TagUse]) -> None:
        from tqcli.render.names import tag_data

        self._array(map(tag_data, uses))
