"""The domain model: packs, sources, entities and the facts that cite them.

Records are frozen msgspec Structs: classes made in C, so defining the model costs start-up
next to nothing (frozen dataclasses compiled six methods each: ~20 ms of every run).

No `from __future__ import annotations` here: msgspec reads the fields' types when the codec's
decoders are made, at every start-up, and typing compiles and evaluates each annotation kept
as text (79 of them: ~5 M instructions of a search's ~322 M, callgrind). Evaluated as the
classes are defined, they cost next to nothing; a name defined later is quoted.
"""

import datetime as dt
import sys
from collections.abc import Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11) and "typing_extensions" not in sys.modules:
    # msgspec imports typing_extensions, where installed (Typer requires it), only for what
    # typing has from 3.11 on: get_type_hints(include_extras=True), which typing_extensions
    # makes exactly typing's there, Required and NotRequired. Its import was ~11 M
    # instructions of every command's ~333 M (callgrind): left out while msgspec loads, so
    # that msgspec takes typing's; anything importing it later imports it as usual.
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # ImportError
    try:
        from msgspec import Struct, field
    except ImportError:  # a msgspec that needs it after all
        del sys.modules["typing_extensions"]
        from msgspec import Struct, field
    else:
        del sys.modules["typing_extensions"]
else:  # pragma: no cover - on 3.10 typing has no Required, and tq itself imports it
    from msgspec import Struct, field


class FactKind(str, Enum):
    """The kinds of fact a pack can hold; each is a TOML array of tables of that name."""

    SANCTION = "sanction"
    AGREEMENT = "agreement"
    FIGURE = "figure"
    QUOTE = "quote"
    EVENT = "event"


class SourceKind(str, Enum):
    """What sort of document a source is."""

    NEWS = "news"
    UN_DOCUMENT = "un-document"
    AGREEMENT_TEXT = "agreement-text"
    GOVERNMENT = "government"
    REPORT = "report"
    BOOK = "book"
    WEB_PAGE = "web-page"
    DATASET = "dataset"
    OTHER = "other"


class EntityKind(str, Enum):
    """What sort of thing an entity is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    DOCUMENT = "document"
    OTHER = "other"


def latest_day() -> dt.date:
    """The latest day a date can name now: today anywhere on Earth (tomorrow here). Nothing a
    pack holds happened, was said or was published after it."""
    return dt.date.today() + dt.timedelta(days=1)


class PartialDate(Struct, frozen=True, array_like=True):
    """A calendar date known to the year, the month or the day.

    Ordering puts a partial date before the full dates it contains ("2021" < "2021-06-01").
    """

    year: int
    """The year, 1 to 9999."""
    month: int | None = None
    """The month, 1 to 12, or None when only the year is known."""
    day: int | None = None
    """The day of the month, or None when only the year or month is known."""

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() and p.isascii() for p in parts):
            raise ValueError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        if len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
            raise ValueError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        numbers = [int(p) for p in parts]
        if numbers[0] < 1:
            raise ValueError(f"not a date: {text!r} (there is no year 0000)")
        if len(numbers) >= 2 and not 1 <= numbers[1] <= 12:
            raise ValueError(f"not a date: {text!r} (month must be 01 to 12)")
        if len(numbers) == 3:
            try:
                return cls.from_date(dt.date(*numbers))  # validates the day against the month
            except ValueError as error:  # "day is out of range for month"
                raise ValueError(f"not a date: {text!r} ({error})") from None
        return cls(*numbers)

    @classmethod
    def from_date(cls, value: dt.date) -> "PartialDate":
        """A full date."""
        return cls(value.year, value.month, value.day)

    @property
    def first_day(self) -> dt.date:
        """The earliest day this date could mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this date could mean."""
        month = self.month or 12
        if self.day is not None:
            return dt.date(self.year, month, self.day)
        if month == 12:
            return dt.date(self.year, 12, 31)
        # The day before the next month's first (calendar.monthrange's import: 0.7% of a query).
        return dt.date(self.year, month + 1, 1) - dt.timedelta(days=1)

    def isoformat(self) -> str:
        """ISO 8601 at the precision known: ``2021``, ``2021-06`` or ``2021-06-01``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()

    # Not msgspec's order=True: it compares the fields as a tuple, and None with a number raises.
    def _order(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: "PartialDate") -> bool:
        return self._order() < other._order()

    def __le__(self, other: "PartialDate") -> bool:
        return self._order() <= other._order()

    def __gt__(self, other: "PartialDate") -> bool:
        return self._order() > other._order()

    def __ge__(self, other: "PartialDate") -> bool:
        return self._order() >= other._order()


class Location(Struct, frozen=True):
    """Where something was defined or went wrong: a file, and the line and column if known."""

    path: Path
    """The file."""
    line: int | None = None
    """1-based line number, when known."""
    column: int | None = None
    """1-based column number, when known."""

    def __str__(self) -> str:
        text = str(self.path)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class Duplicate(Struct, frozen=True):
    """An id defined twice: which, and where first."""

    id: str
    """The id."""
    first: Location
    """Where it was defined first."""


class Problem(Struct, frozen=True):
    """One thing wrong with a pack, reported as ``file:line[:col]: message``."""

    where: Location
    """The file, and the line when known."""
    message: str
    """What is wrong, for a person to read."""
    duplicate: Duplicate | None = None
    """For an id defined again here, the id and its first definition (so that many can be
    counted per pair of files)."""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class Pack(Struct, frozen=True):
    """A directory of TOML files holding sources, entities and facts."""

    name: str
    """A short name for display: ``builtin`` for the shipped pack, else the directory's name."""
    path: Path
    """The directory."""
    origin: str
    """How the pack came to be loaded: ``builtin``, ``TQ_FACTS_PATH`` or ``--facts``."""


class Source(Struct, frozen=True):
    """A document facts rest on: an article, a resolution, an agreement's text."""

    id: str
    """Slug, unique across all loaded packs."""
    title: str
    """The document's title as published."""
    publisher: str
    """Who published it (a newspaper, the UN, a government)."""
    kind: SourceKind
    """What sort of document it is."""
    author: str | None
    """The author, when one is named."""
    published: PartialDate | None
    """When it was published, as precisely as known."""
    url: str | None
    """Where it was read, when it was read online."""
    accessed: PartialDate | None
    """When a web copy was read, for pages that change or vanish."""
    archive: Path | None
    """Resolved path to the archived text inside the pack, used to prove passages verbatim."""
    notes: tuple[str, ...]
    """Curator remarks about the source itself (e.g. that it is a secondary copy)."""
    pack: str
    """Name of the pack that defines it."""
    where: Location
    """Where it is defined."""
    via: str | None = None
    """The site the copy at `url` is on, when it is not the publisher's own: a secondary copy."""
    series: str | None = None
    """The periodical, series or blog the document was published in, when it names one apart
    from its publisher ("Washington File", "CTC Sentinel"): cited as the work's container, and
    searched like the title."""
    licence: str | None = None
    """The terms the source may be used on ("CC BY-NC 4.0 (non-commercial use; …)"), when the
    pack records them: shown wherever the source is, and in its citations."""
    file_name: str | None = None
    """The name of the file the source was read from, without its folder, when it was read
    from a file rather than at a URL (a data set's export, as `tq import` read it): shown and
    cited where a URL would be, so a reader knows which export it was."""

    @property
    def described(self) -> bool:
        """Whether the title is a description in square brackets ("[Report of …]"), given where
        the copy read did not show the title: it is shown and cited unquoted."""
        inside = self.title[1:-1]
        return self.title[:1] + self.title[-1:] == "[]" and "[" not in inside and "]" not in inside


class Alias(Struct, frozen=True):
    """Another name an entity goes by."""

    name: str
    """The name or spelling."""
    quality: str | None = None
    """How reliable the source rates it (the UN list's "Good" or "Low"), when it says."""
    note: str | None = None
    """A remark on the name ("previously listed as"), when there is one."""


class Entity(Struct, frozen=True):
    """A person, organization, place or document that facts are about."""

    id: str
    """Slug, unique across all loaded packs."""
    name: str
    """The usual name."""
    kind: EntityKind
    """What sort of thing it is."""
    aliases: tuple[Alias, ...]
    """Other names and spellings people use."""
    description: str | None
    """A line on who or what it is, e.g. a role with its dates."""
    attributes: Mapping[str, tuple[str, ...]]
    """Further particulars by name ("nationality", "born"), each with one or more values."""
    same_as: tuple[str, ...]
    """Ids of entities in other packs that are explicitly the same; never inferred."""
    pack: str
    """Name of the pack that defines it."""
    where: Location
    """Where it is defined."""

    @property
    def names(self) -> tuple[str, ...]:
        """Its name, then every alias."""
        return (self.name, *(alias.name for alias in self.aliases))


class Citation(Struct, frozen=True):
    """A fact's reference to a source, with the verbatim passage the fact rests on."""

    source: str
    """Id of the cited source."""
    passage: str
    """The words of the source the fact rests on, verbatim."""
    locator: str | None
    """Where in the source (a page, a paragraph, an article number), when useful."""


class NoteStance(str, Enum):
    """How a curator's note bears on its fact's claim."""

    CONTEXT = "context"
    """It adds to the claim, or says where it comes from; the claim stands (the default)."""
    CONTESTS = "contests"
    """A source read differs from the claim, qualifies it or leaves it open: the claim is
    contested."""
    CORRECTS = "corrects"
    """A source read contradicts the claim, and the note says what it says instead: the claim
    is wrong, and is kept as what its source said."""


class Standing(str, Enum):
    """How its curators' notes leave a claim, when they do not leave it standing (see
    Fact.standing): what `ask` says of an answer and `--standing` chooses."""

    CONTESTED = "contested"
    """A note contests it, and none corrects it."""
    CORRECTED = "corrected"
    """A note corrects it."""

    @classmethod
    def of(cls, stance: NoteStance) -> "Standing | None":
        """The standing a fact's strongest note stance (Fact.standing) leaves it; None for
        CONTEXT: the claim stands."""
        return _STANDING_OF.get(stance)


_STANDING_OF = {NoteStance.CONTESTS: Standing.CONTESTED, NoteStance.CORRECTS: Standing.CORRECTED}


class Note(Struct, frozen=True):
    """A curator's caveat or correction, optionally backed by a source read."""

    text: str
    """The note, for a person to read."""
    citation: Citation | None
    """The source that backs the note, with its passage, when there is one."""
    stance: NoteStance = NoteStance.CONTEXT
    """How the note bears on the claim: context, or contesting or correcting it."""


class Figure(Struct, frozen=True, tag="figure"):
    """A number: a value, or a range from min to max."""

    value: int | float | None
    """The number, when a single one is given."""
    min: int | float | None
    """Lower bound of a range."""
    max: int | float | None
    """Upper bound of a range."""
    unit: str
    """What is counted or measured ("people", "USD a year", "provinces")."""
    qualifier: str | None
    """How the number is hedged: "at least", "almost", "estimated", "reportedly"."""

    def entity_references(self) -> Iterator[tuple[str, str]]:
        """The entities it names, with the field naming each: none."""
        return iter(())

    def entity_ids(self) -> tuple[str, ...]:
        """The ids of the entities it names, in order: none."""
        return ()

    def searchable_texts(self) -> Iterator[str]:
        """Its text a search finds it by: the numbers as written, the unit, the qualifier."""
        for number in (self.value, self.min, self.max):
            if number is not None:
                yield str(int(number)) if float(number).is_integer() else str(number)
        yield from (self.unit, self.qualifier or "")

    def end_of_span(self) -> PartialDate | None:
        """When what the fact is about ended, if it spans time: a figure does not."""
        return None

    def own_date(self) -> PartialDate | None:
        """The date its own fields give, the fact's when it has none: a figure has none."""
        return None


class Quote(Struct, frozen=True, tag="quote"):
    """Words someone said or wrote."""

    text: str
    """The quoted words, verbatim."""
    speaker: str
    """Entity id of who said or wrote them."""
    speaker_role: str | None
    """The speaker's role at the time ("US defence secretary")."""
    medium: str | None
    """Where it was said or published ("NPR", "Sky News", "a letter")."""
    said: PartialDate | None
    """When it was said, if known."""

    def entity_references(self) -> Iterator[tuple[str, str]]:
        """The entities it names, with the field naming each: the speaker."""
        yield "speaker", self.speaker

    def entity_ids(self) -> tuple[str, ...]:
        """The ids of the entities it names, in order: the speaker."""
        return (self.speaker,)

    def searchable_texts(self) -> Iterator[str]:
        """Its text a search finds it by: the words, the speaker's role, the medium."""
        yield from (self.text, self.speaker_role or "", self.medium or "")

    def end_of_span(self) -> PartialDate | None:
        """When what the fact is about ended, if it spans time: a quote does not."""
        return None

    def own_date(self) -> PartialDate | None:
        """The date its own fields give, the fact's when it has none: when it was said."""
        return self.said


class Sanction(Struct, frozen=True, tag="sanction"):
    """A sanctions measure or listing: who imposed what on whom, by which instrument."""

    authority: str
    """Who imposed it ("UN Security Council")."""
    instrument: str
    """The legal instrument ("Resolution 1267 (1999)") or listing reference."""
    adopted: PartialDate | None
    """When the instrument was adopted or the listing made."""
    measures: tuple[str, ...]
    """What it does (asset freeze, travel ban, arms embargo …)."""
    targets: tuple[str, ...]
    """Entity ids of whom it targets."""
    committee: str | None
    """The committee overseeing it, if any."""
    list_name: str | None = None
    """For a listing, the sanctions list it is on ("Taliban", "Al-Qaida")."""
    reference: str | None = None
    """For a listing, its reference number on the list ("TAi.024"); for another measure (a
    travel-ban exemption, say), the reference of the listing it concerns."""
    updated: tuple[PartialDate, ...] = ()
    """For a listing, the dates it was amended."""
    remarks: str | None = None
    """The listing authority's own narrative about the listing."""

    @property
    def is_listing(self) -> bool:
        """Whether it is a listing on a sanctions list, which it names (listed), not a measure
        such as a resolution or an exemption (adopted)."""
        return self.list_name is not None

    def entity_references(self) -> Iterator[tuple[str, str]]:
        """The entities it names, with the field naming each: its targets."""
        return (("targets", entity_id) for entity_id in self.targets)

    def entity_ids(self) -> tuple[str, ...]:
        """The ids of the entities it names, in order: its targets."""
        return self.targets

    def searchable_texts(self) -> Iterator[str]:
        """Its text a search finds it by: authority, instrument, committee, measures, listing."""
        yield from (self.authority, self.instrument, self.committee or "", *self.measures)
        yield from (self.list_name or "", self.reference or "", self.remarks or "")

    def end_of_span(self) -> PartialDate | None:
        """When what the fact is about ended, if it spans time: a sanction does not."""
        return None

    def own_date(self) -> PartialDate | None:
        """The date its own fields give, the fact's when it has none: when it was adopted."""
        return self.adopted


class Agreement(Struct, frozen=True, tag="agreement"):
    """An agreement between parties."""

    name: str
    """Its name or title."""
    parties: tuple[str, ...]
    """Entity ids of the parties."""
    signed: PartialDate | None
    """When it was signed."""
    place: str | None
    """Where it was signed."""
    commitments: tuple[str, ...]
    """What the parties committed to, in the source's words or a close summary."""

    def entity_references(self) -> Iterator[tuple[str, str]]:
        """The entities it names, with the field naming each: its parties."""
        return (("parties", entity_id) for entity_id in self.parties)

    def entity_ids(self) -> tuple[str, ...]:
        """The ids of the entities it names, in order: its parties."""
        return self.parties

    def searchable_texts(self) -> Iterator[str]:
        """Its text a search finds it by: its name, place and commitments."""
        yield from (self.name, self.place or "", *self.commitments)

    def end_of_span(self) -> PartialDate | None:
        """When what the fact is about ended, if it spans time: an agreement does not."""
        return None

    def own_date(self) -> PartialDate | None:
        """The date its own fields give, the fact's when it has none: when it was signed."""
        return self.signed


class Event(Struct, frozen=True, tag="event"):
    """Something that happened, at a date (the fact's date) and place."""

    place: str | None
    """Where it happened."""
    end: PartialDate | None
    """When it ended, for events that span time (a rule, a war)."""

    def entity_references(self) -> Iterator[tuple[str, str]]:
        """The entities it names, with the field naming each: none."""
        return iter(())

    def entity_ids(self) -> tuple[str, ...]:
        """The ids of the entities it names, in order: none."""
        return ()

    def searchable_texts(self) -> Iterator[str]:
        """Its text a search finds it by: the place."""
        yield self.place or ""

    def end_of_span(self) -> PartialDate | None:
        """When what the fact is about ended, for events that span time."""
        return self.end

    def own_date(self) -> PartialDate | None:
        """The date its own fields give, the fact's when it has none: an event's is the fact's."""
        return None


Details = Sanction | Agreement | Figure | Quote | Event

KIND_OF_DETAILS: Mapping[type[Details], FactKind] = {
    Sanction: FactKind.SANCTION,
    Agreement: FactKind.AGREEMENT,
    Figure: FactKind.FIGURE,
    Quote: FactKind.QUOTE,
    Event: FactKind.EVENT,
}


class Fact(Struct, frozen=True):
    """One self-contained claim, with the sources and passages it rests on."""

    id: str
    """Slug, unique across all loaded packs."""
    claim: str
    """One self-contained sentence, hedges included ("reportedly", "according to the UN")."""
    date: PartialDate | None
    """When the claim is about, as precisely as known; where the pack gives none, the date its
    details give (a quote's said, an agreement's signed, a sanction's adopted)."""
    about: tuple[str, ...]
    """Entity ids the fact is about."""
    tags: tuple[str, ...]
    """Free-form topic labels."""
    citations: tuple[Citation, ...]
    """The sources the fact rests on; at least one."""
    notes: tuple[Note, ...]
    """Curator caveats and corrections."""
    asserted_by: str | None
    """Entity id of who makes the claim, when it is not the source itself (a person, a report)."""
    hedge: str | None
    """How sure the source is, in its words ("reportedly", "believed to", "suggested")."""
    details: Details
    """The kind-specific part; its type decides the fact's kind."""
    pack: str
    """Name of the pack that defines it."""
    where: Location
    """Where it is defined."""

    @property
    def kind(self) -> FactKind:
        """The fact's kind, given by its details."""
        return KIND_OF_DETAILS[type(self.details)]

    def entity_references(self) -> Iterator[tuple[str, str]]:
        """Every entity the fact names, with the field naming it: about, asserted_by, a quote's
        speaker, a sanction's targets, an agreement's parties."""
        yield from (("about", entity_id) for entity_id in self.about)
        if self.asserted_by is not None:
            yield "asserted_by", self.asserted_by
        yield from self.details.entity_references()

    def all_citations(self) -> tuple[Citation, ...]:
        """Every citation: the fact's own, then those backing its notes."""
        if not self.notes:
            return self.citations
        backing = (note.citation for note in self.notes if note.citation is not None)
        return (*self.citations, *backing)

    def standing(self) -> NoteStance:
        """How its curators' notes leave the claim: corrected if a note corrects it, else
        contested if one contests it, else standing (CONTEXT)."""
        if not self.notes:
            return NoteStance.CONTEXT
        stances = {note.stance for note in self.notes}
        if NoteStance.CORRECTS in stances:
            return NoteStance.CORRECTS
        return NoteStance.CONTESTS if NoteStance.CONTESTS in stances else NoteStance.CONTEXT

    def cited_sources(self) -> list[str]:
        """The ids of the sources the fact itself cites, each once, in order."""
        return list(dict.fromkeys(citation.source for citation in self.citations))

    def entities(self) -> list[str]:
        """The ids of every entity the fact names, each once, in order."""
        if self.asserted_by is None:
            return list(dict.fromkeys((*self.about, *self.details.entity_ids())))
        return list(dict.fromkeys((*self.about, self.asserted_by, *self.details.entity_ids())))


class Synonyms(Struct, frozen=True):
    """Words a pack's readers use for the same thing, for `tq ask` ("died", "killed")."""

    words: tuple[str, ...]
    """The words, each a single word, as people write them."""
    why: str
    """Why they mean the same thing in the pack's subject: the curators' justification."""
    pack: str
    """The pack that gives them."""
    where: Location
    """Where they are defined."""


class Catalog(Struct, frozen=True):
    """Everything loaded from the packs in effect, with every reference resolved."""

    packs: tuple[Pack, ...]
    """The packs, in load order."""
    facts: tuple[Fact, ...]
    """Every fact, in load order, when loaded from the files; empty when served by the index."""
    sources: Mapping[str, Source] = field(default_factory=dict)
    """Sources by id."""
    entities: Mapping[str, Entity] = field(default_factory=dict)
    """Entities by id."""
    links: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """For each entity linked by same_as (either way), all it is the same as, itself included."""
    synonyms: tuple[Synonyms, ...] = ()
    """The packs' synonym groups (their thesaurus), in load order."""

    def same_entities(self, entity_id: str) -> frozenset[str]:
        """The entity and every entity explicitly linked to it by same_as, either way."""
        return self.links.get(entity_id, frozenset({entity_id}))

    def fact(self, fact_id: str) -> Fact | None:
        """The fact with this id, if loaded."""
        for candidate in self.facts:
            if candidate.id == fact_id:
                return candidate
        return None


class Filters(Struct, frozen=True):
    """Which facts a query considers; empty fields do not filter."""

    kinds: frozenset[FactKind] = frozenset()
    """Keep facts of these kinds."""
    about: str | None = None
    """Keep facts about this entity (its id, name or an alias)."""
    tag: str | None = None
    """Keep facts with this tag."""
    source: str | None = None
    """Keep facts citing the source with this id."""
    since: PartialDate | None = None
    """Keep dated facts that could fall on or after this date."""
    until: PartialDate | None = None
    """Keep dated facts that could fall on or before this date."""
    standings: frozenset[Standing] = frozenset()
    """Keep facts its curators' notes leave in one of these standings."""


class Hit(Struct, frozen=True):
    """A fact returned by a query, with its relevance when the query ranks."""

    fact: Fact
    """The fact."""
    score: float | None = None
    """Relevance (higher is better) for ranked queries; None for browsing and show."""


class SourceUse(Struct, frozen=True):
    """A source with how many facts cite it."""

    source: Source
    """The source."""
    facts: int
    """How many facts cite it (a fact citing it twice counts once)."""


class Stats(Struct, frozen=True):
    """Counts over the loaded packs."""

    facts: int
    """Facts loaded."""
    sources: int
    """Sources loaded."""
    entities: int
    """Entities loaded."""
    by_kind: Mapping[str, int]
    """Facts per kind, every kind listed."""
    by_pack: Mapping[str, int]
    """Facts per pack, in load order."""
    by_source: Mapping[str, int]
    """Facts citing each source, by source id, most cited first."""


class LoadReport(Struct, frozen=True):
    """The outcome of loading packs: what loaded, what is wrong, what was proven."""

    catalog: Catalog
    """Everything that loaded; incomplete when there are problems."""
    problems: tuple[Problem, ...]
    """Every problem found; empty when the packs are valid."""
    passages_proven: int
    """Passages found verbatim in their source's archived text."""
    passages_unarchived: int
    """Passages whose source has no archived text, so they could not be proven here."""

    @property
    def valid(self) -> bool:
        """True when no problem was found."""
        return not self.problems


class ListChanges(Struct, frozen=True):
    """What an import found for one sanctions list, against the previous import."""

    list_name: str
    """The list ("Taliban", "Al-Qaida")."""
    listings: int
    """Listings on it now."""
    added: tuple[str, ...]
    """Reference numbers new since the previous import (all of them on a first import)."""
    removed: tuple[str, ...]
    """Reference numbers gone since the previous import."""
    amended: Mapping[str, tuple[str, ...]]
    """Reference numbers whose record changed, with the names of the fields that changed."""
    amendments: Mapping[str, Mapping[str, tuple[Any, Any]]] = {}
    """The same records, with each changed field's value before and after (as the importer
    reads the record: text, or lists and tables of text)."""
    names: Mapping[str, str] = {}
    """The name of each record added, removed or amended, by reference, for the report people
    read (not in JSON, whose references lead to the records)."""


class SkippedRecord(Struct, frozen=True):
    """A record of the input that could not be imported."""

    reference: str
    """Its reference number, or its DATAID when it has none."""
    reason: str
    """Why it was skipped."""


class ImportReport(Struct, frozen=True):
    """The outcome of importing a sanctions list into a pack."""

    source_file: str
    """The input imported, as the user named it: a path, `-` for standard input, or a URL."""
    out: Path
    """The pack directory written (or that would be written, on a dry run)."""
    written: bool
    """False on a dry run."""
    date_generated: str | None
    """When the list was generated, as the file says; None when the format does not say."""
    previous_import: bool
    """True when out held an earlier import, which the changes are measured against."""
    previous_date_generated: str | None
    """When the replaced import's list was generated; None on a first import or if unknown."""
    lists: tuple[ListChanges, ...]
    """Per list imported, what changed."""
    skipped: tuple[SkippedRecord, ...]
    """Records left out, each with its reason."""
    notes: tuple[str, ...] = ()
    """What the user should know about how the input was read (a default list it lacks)."""
    already_applied: bool = False
    """True when the input is a delta the import has applied already: applying it again would
    change nothing, so nothing is written (nor logged as applied twice)."""
    refused: bool = False
    """True on a dry run of an import that would be refused (it would remove most of the
    previous import's listings, without --allow-removals): the dry run exits as the import would."""
    counted: str = "listing"
    """What a report calls each record of its lists: a listing (the UN's, OFAC's), or a record
    (FollowTheMoney's schemata, of which addresses, ownerships and families are no listing)."""


class Match(str, Enum):
    """How far a fact answers a question."""

    ANSWER = "answer"
    """It accounts for what the question asks about, and is the kind of answer asked for."""
    PARTIAL = "partial"
    """It is related, but leaves part of the question unanswered."""


class Reply(Struct, frozen=True):
    """How one fact answers a question."""

    match: Match
    """Whether it answers the question or only part of it."""
    answer: str
    """The short answer: a figure with its unit, hedge and attribution, a quote's words (its
    medium, asked where it was said), a date
    for "when", an entity's name for "who", a number and what it counts for "how many" ("13
    votes") or "how long" ("five years"); otherwise the claim."""
    unmatched: tuple[str, ...] = ()
    """Words of the question the fact does not account for (empty for a full answer)."""
    standing: NoteStance | None = None
    """How its curators' notes leave this answer, where that is not how they leave the claim
    (Fact.standing): CONTEXT for a claim they correct in a detail the answer does not give
    and the question does not ask ("who lost": Trump, of a claim corrected on "nine months");
    None: as the claim (see standing_of)."""

    def standing_of(self, fact: Fact) -> NoteStance:
        """How the curators' notes leave this answer from fact (see standing)."""
        return fact.standing() if self.standing is None else self.standing


def hedge_said(hedge: str) -> str:
    """How a short answer names its fact's hedge ("hedged: may"): ask writes it so, and the
    answer's renderers, finding it there, do not say the hedge again."""
    return f"hedged: {hedge}"


class Answers(Struct, frozen=True):
    """What `tq ask` found: the best answers first, or suggestions when there is none."""

    hits: tuple[Hit, ...]
    """The answers, best first, each with its score; empty when the packs hold no answer."""
    suggestions: tuple[str, ...]
    """Topics near the question, offered when there is no answer."""
    replies: tuple[Reply, ...]
    """How each hit answers the question, one per hit, in the same order."""
    polar: bool = False
    """Whether the question asks yes or no: a partial answer's unmatched words are what it
    does not state of what the question asks."""
    asks: str = ""
    """The kind of answer the question asks for ("figure", "quote", "date", "duration",
    "someone", "anything"; empty when there is no answer): a partial answer whose unmatched
    words its claim does say, says them but not as asked ("no figure counts widgets")."""
    asked: bool = True
    """False when the text asks no question, only names a topic ("Taliban", "bin Laden"): no
    fact is an answer to it (`tq search` lists its facts), so there are none."""
    hint: str = ""
    """What else to run for what the question asks, said to the reader beside the answers
    (empty when nothing): "Is bin Laden on the UN sanctions list?" asks whether a name is
    listed now, which `tq match` screens for, against the lists loaded."""

    @property
    def answered(self) -> bool:
        """Whether some fact answers the question (not only part of it)."""
        return any(reply.match is Match.ANSWER for reply in self.replies)
