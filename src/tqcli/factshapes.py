"""Reading fact tables that are valid, fast: msgspec checks their shape in C.

The loader's careful reader checks every field in Python and tells each problem with its line.
Most tables have no problem, so each array of fact tables is first converted here, at once, into
structs that only admit what the careful reader accepts; what is left to check (dates, and none
in the future, numbers, a note's source and passage, an event's end) is checked in Python, and
anything doubtful gives None: the careful reader then reads that table, and reports its problems
as it always has. So a table read here gives the very Fact the careful reader would give
(tests/unit/test_factshapes.py compares them), and problems are told exactly as before.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, TypeAlias

import msgspec

from tqcli.model import (
    Agreement,
    Citation,
    Details,
    Event,
    Fact,
    FactKind,
    Figure,
    Location,
    Note,
    NoteStance,
    PartialDate,
    Quote,
    Sanction,
    latest_day,
)

# Text is stripped as the careful reader strips it, and refused (left to it) when that leaves
# nothing: checked in Python, which is quicker than a pattern msgspec would match in Python.
_Text: TypeAlias = str
_Texts: TypeAlias = list[_Text]
# A slug as the careful reader requires it (written without white space around it).
_Slug: TypeAlias = Annotated[str, msgspec.Meta(pattern=r"\A[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?\Z")]
_Number: TypeAlias = int | float | None
_Date: TypeAlias = Any
"""A date as written: checked in Python (a TOML date, or text such as "1999-10")."""


class _Cite(msgspec.Struct, forbid_unknown_fields=True):
    source: _Text
    passage: _Text
    locator: _Text | None = None


class _Note(msgspec.Struct, forbid_unknown_fields=True):
    text: _Text
    source: _Text | None = None
    passage: _Text | None = None
    locator: _Text | None = None
    stance: NoteStance = NoteStance.CONTEXT


class _FactTable(msgspec.Struct, forbid_unknown_fields=True):
    """The fields every kind of fact has."""

    id: _Slug
    claim: _Text
    cite: Annotated[list[_Cite], msgspec.Meta(min_length=1)]
    date: _Date = None
    about: _Texts = []
    tags: _Texts = []
    asserted_by: _Text | None = None
    hedge: _Text | None = None
    note: list[_Note] = []


class _FigureTable(_FactTable, forbid_unknown_fields=True):
    unit: _Text = ""  # required: "" (never admitted by _Text) means it is missing
    value: _Number = None
    min: _Number = None
    max: _Number = None
    qualifier: _Text | None = None


class _QuoteTable(_FactTable, forbid_unknown_fields=True):
    text: _Text = ""
    speaker: _Text = ""
    speaker_role: _Text | None = None
    medium: _Text | None = None
    said: _Date = None


class _SanctionTable(_FactTable, forbid_unknown_fields=True):
    authority: _Text = ""
    instrument: _Text = ""
    adopted: _Date = None
    measures: _Texts = []
    targets: _Texts = []
    committee: _Text | None = None
    list_name: _Text | None = msgspec.field(default=None, name="list")
    reference: _Text | None = None
    updated: list[_Date] = []
    remarks: _Text | None = None


class _AgreementTable(_FactTable, forbid_unknown_fields=True):
    name: _Text = ""
    parties: _Texts = []
    signed: _Date = None
    place: _Text | None = None
    commitments: _Texts = []


class _EventTable(_FactTable, forbid_unknown_fields=True):
    place: _Text | None = None
    end: _Date = None


class _Doubtful(Exception):
    """The careful reader must read this table (it may hold a problem to report)."""


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise _Doubtful
    return value


def _texts(values: Sequence[str]) -> tuple[str, ...]:
    stripped = tuple(map(str.strip, values))
    if "" in stripped:
        raise _Doubtful
    return stripped


def _ids(values: Sequence[str]) -> tuple[str, ...]:
    """_texts of a list of ids, each given once (a repeat is reported by the full check)."""
    stripped = _texts(values)
    if len(set(stripped)) < len(stripped):
        raise _Doubtful
    return stripped


def _required(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise _Doubtful  # empty, or missing ("" is the default of a required text)
    return stripped


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


_LATEST_DAY = latest_day()
"""The latest day a date may name, as of this module's import: a date after it is left to the
careful reader, which refuses one in the future. Time only moves on, so this day is never later
than the true one: a date it admits is never in the future."""


def _date(value: object) -> PartialDate | None:
    if value is None:
        return None
    if type(value) is str:
        date = _parsed(value)
        if date is None:
            raise _Doubtful
    elif type(value) is dt.date:  # not a datetime: a time of day is a problem
        date = PartialDate.from_date(value)
    else:
        raise _Doubtful
    if date.year >= _LATEST_DAY.year and date.first_day > _LATEST_DAY:
        raise _Doubtful
    return date


def _dates(values: Sequence[object]) -> tuple[PartialDate, ...]:
    dates = tuple(map(_date, values))
    if None in dates:
        raise _Doubtful
    return dates  # type: ignore[return-value]  # None is not among them


def _number(value: int | float | None) -> int | float | None:
    if isinstance(value, float) and not math.isfinite(value):
        raise _Doubtful
    return value


def _figure(table: Any, date: PartialDate | None) -> Details:
    value, low, high = _number(table.value), _number(table.min), _number(table.max)
    unit = _required(table.unit)
    if value is not None and (low is not None or high is not None):
        raise _Doubtful
    if value is None and low is None and high is None:
        raise _Doubtful
    if low is not None and high is not None and low > high:
        raise _Doubtful
    return Figure(value, low, high, unit, _text(table.qualifier))


def _quote(table: Any, date: PartialDate | None) -> Details:
    return Quote(
        _required(table.text),
        _required(table.speaker),
        _text(table.speaker_role),
        _text(table.medium),
        _date(table.said),
    )


def _sanction(table: Any, date: PartialDate | None) -> Details:
    return Sanction(
        _required(table.authority),
        _required(table.instrument),
        _date(table.adopted),
        _texts(table.measures),
        _ids(table.targets),
        _text(table.committee),
        _text(table.list_name),
        _text(table.reference),
        _dates(table.updated),
        _text(table.remarks),
    )


def _agreement(table: Any, date: PartialDate | None) -> Details:
    return Agreement(
        _required(table.name),
        _ids(table.parties),
        _date(table.signed),
        _text(table.place),
        _texts(table.commitments),
    )


def _event(table: Any, date: PartialDate | None) -> Details:
    end = _date(table.end)
    if end is not None and date is not None and end.last_day < date.first_day:
        raise _Doubtful
    return Event(_text(table.place), end)


_KINDS: Mapping[FactKind, tuple[type[_FactTable], Callable[[Any, PartialDate | None], Details]]] = {
    FactKind.SANCTION: (_SanctionTable, _sanction),
    FactKind.AGREEMENT: (_AgreementTable, _agreement),
    FactKind.FIGURE: (_FigureTable, _figure),
    FactKind.QUOTE: (_QuoteTable, _quote),
    FactKind.EVENT: (_EventTable, _event),
}


def _citation(cite: _Cite) -> Citation:
    return Citation(_required(cite.source), _required(cite.passage), _text(cite.locator))


def _note(note: _Note) -> Note:
    if (note.source is None) != (note.passage is None):
        raise _Doubtful  # a passage needs its source, and a source its passage
    citation = None
    if note.source is not None and note.passage is not None:
        citation = Citation(_required(note.source), _required(note.passage), _text(note.locator))
    return Note(_required(note.text), citation, note.stance)


class FactTables:
    """An array of fact tables of one kind, converted at once; fact() gives each that is
    valid as a Fact, or None for the careful reader."""

    def __init__(self, kind: FactKind, tables: list[Any]) -> None:
        self._shape, self._details = _KINDS[kind]
        self._tables = tables
        self._converted: list[_FactTable] | None
        every: Any = list[self._shape]  # type: ignore[name-defined]
        try:
            self._converted = msgspec.convert(tables, every)
        except msgspec.ValidationError:
            self._converted = None  # one is doubtful: each is converted on its own

    def fact(self, index: int, pack: str, where: Location) -> Fact | None:
        """The index-th table as a Fact (defined where), or None if the careful reader must
        read it."""
        if self._converted is not None:
            table = self._converted[index]
        else:
            try:
                table = msgspec.convert(self._tables[index], self._shape)
            except msgspec.ValidationError:
                return None
        try:
            date = _date(table.date)
            details = self._details(table, date)
            # Empty lists (most facts have no notes, many no tags) are not gone through: a
            # large build reads 100,000 facts here.
            return Fact(
                id=table.id,
                claim=_required(table.claim),
                date=date if date is not None else details.own_date(),
                about=_ids(table.about) if table.about else (),
                tags=_texts(table.tags) if table.tags else (),
                citations=tuple(map(_citation, table.cite)),
                notes=tuple(map(_note, table.note)) if table.note else (),
                asserted_by=_text(table.asserted_by),
                hedge=_text(table.hedge),
                details=details,
                pack=pack,
                where=where,
            )
        except _Doubtful:
            return None
