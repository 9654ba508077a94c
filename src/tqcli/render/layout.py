"""What human output says: facts, sources, counts and packs as styled lines and tables.

Both human formats (plain and Rich) print this same layout, so they never disagree on content.
Every piece of pack data passes through printable(): fact text is data, never markup or escapes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from tqcli.compat import assert_never
from tqcli.figures import figure_phrase
from tqcli.model import (
    Agreement,
    Answers,
    Catalog,
    Citation,
    Event,
    Fact,
    Figure,
    Hit,
    ImportReport,
    ListChanges,
    LoadReport,
    Location,
    Match,
    Note,
    NoteStance,
    Pack,
    Quote,
    Reply,
    Sanction,
    SkippedRecord,
    Source,
    SourceUse,
    Stats,
    hedge_said,
)
from tqcli.textnorm import printable, printable_line

if TYPE_CHECKING:
    from tqcli.corrections import Reached
    from tqcli.locations import LeftOut, Locations
    from tqcli.names import EntityProfile, EntityUse, Screening, TagUse


class Span(Struct, frozen=True):
    """A run of text with a style name (see the Rich renderer's theme) or none."""

    text: str
    style: str | None = None
    whole: bool = False
    """Never broken across lines: an id, which users copy into other commands (`tq show`, `tq
    cite`). Where it is wider than the terminal, its line is left for the terminal to wrap, as
    a line with an address is (stranger 18, finding 16; stranger 17, finding 20)."""


class Line(Struct, frozen=True):
    """One line of output: spans, indented by a number of levels."""

    spans: tuple[Span, ...]
    indent: int = 0

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


class Table(Struct, frozen=True):
    """A titled table of text cells."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    """Per column: right-align it."""
    whole: tuple[bool, ...] = ()
    """Per column: never cut nor wrap it (ids, which users copy into other commands); the
    other columns wrap to make room. Empty: every column may wrap."""


_NARROWEST = 4
"""How narrow a wrapping column is made before the columns kept whole are folded instead."""


def fitted_widths(
    table: Table, width: int, *, per_column: int = 3, edges: int = 1
) -> list[int] | None:
    """Column widths that fit the table in width character cells, given the room each column
    takes beside its text (per_column) and the table's edges; None when it fits as it is.

    Columns kept whole (ids) and numbers are as wide as their widest cell; the other columns
    share what is left, to wrap or fold in (the narrowest served first, none made wider than it
    needs). Only a whole column that leaves the others less than _NARROWEST each is folded: its
    text goes on over more lines, never cut.
    """
    widths = [
        max(len(cell) for cell in column) for column in zip(table.headers, *table.rows, strict=True)
    ]
    room = max(width - edges - per_column * len(widths), len(widths))
    if sum(widths) <= room:
        return None
    whole = [column < len(table.whole) and table.whole[column] for column in range(len(widths))]
    flexible = [c for c in range(len(widths)) if not whole[c] and not table.numeric[c]]
    numbers = sum(widths[c] for c in range(len(widths)) if table.numeric[c] and not whole[c])
    least = sum(min(widths[c], _NARROWEST) for c in flexible)
    kept = [c for c in range(len(widths)) if whole[c]]
    if sum(widths[c] for c in kept) > room - numbers - least:
        _share(widths, kept, room - numbers - least)
    _share(widths, flexible, room - sum(w for c, w in enumerate(widths) if c not in flexible))
    return widths


_ROOMY = 12
"""How wide each wrapping column must stay (or as wide as its widest cell) for a table with
whole columns to be shown as columns; narrower, it is stacked (see stacked_lines)."""


def too_narrow(table: Table, widths: Sequence[int]) -> bool:
    """Whether, at these widths, a table with whole columns is better stacked: some other
    column would be squeezed to a few characters a line."""
    if not any(table.whole):
        return False
    return any(
        widths[column] < min(len(max(cells, key=len)), _ROOMY)
        for column, cells in enumerate(zip(table.headers, *table.rows, strict=True))
        if not (column < len(table.whole) and table.whole[column]) and not table.numeric[column]
    )


def stacked_lines(table: Table) -> list[Line]:
    """A table as blocks, for a terminal too narrow for its columns: each row's first cell
    (its id) whole on a line of its own, and its other cells under it as "header value"."""
    lines = [_line(Span(table.title, "label"))]
    for row in table.rows:
        lines.append(_line(Span(row[0], "id", whole=True), indent=1))
        pairs = zip(table.headers[1:], row[1:], strict=True)
        # An empty cell says nothing: no dangling separator ("path /x ·" for a folder there).
        shown = [f"{header} {cell}" if header else cell for header, cell in pairs if cell]
        lines.append(_line(" · ".join(shown), indent=2))
    return lines


def _share(widths: list[int], columns: Sequence[int], room: int) -> None:
    """Make these columns share room, none wider than it was, the narrowest served first."""
    for served, column in enumerate(sorted(columns, key=widths.__getitem__)):
        widths[column] = max(1, min(widths[column], room // (len(columns) - served)))
        room -= widths[column]


def _line(*spans: Span | str, indent: int = 0) -> Line:
    return Line(tuple(s if isinstance(s, Span) else Span(s) for s in spans), indent)


def fact_block(hit: Hit, catalog: Catalog, *, full: bool) -> list[Line]:
    """A fact as lines: heading, claim, its key value, sources and curator notes.

    full adds each passage and locator, who it is about, the tags and where it is defined.
    """
    fact = hit.fact
    heading = [Span(fact.id, "id", whole=True), Span(f"  {fact.kind.value}", "kind")]
    if fact.date is not None:
        heading.append(Span(f" · {fact.date}", "date"))
    if hit.score is not None and full:
        heading.append(Span(f" · score {hit.score:g}", "dim"))
    lines = [_line(*heading), _line(Span(printable(fact.claim), "claim"), indent=1)]
    lines.extend(_line(Span(text, "value"), indent=1) for text in key_values(fact, catalog))
    lines.extend(_hedge_lines(fact))
    if fact.asserted_by:
        lines.append(
            _line(Span("Asserted by: ", "label"), _entity_name(catalog, fact.asserted_by), indent=1)
        )
    lines.extend(_citation_lines(fact.citations, catalog, full=full))
    for note in fact.notes:
        lines.append(_note_line(note))
        if note.citation is not None:
            lines.extend(_citation_lines([note.citation], catalog, full=full, indent=2))
    if full:
        about = ", ".join(_entity_name(catalog, entity_id) for entity_id in fact.about)
        if about:
            lines.append(_line(Span("About: ", "label"), about, indent=1))
        for entity_id in fact.about:
            lines.extend(_entity_particulars(entity_id, catalog))
        if fact.tags:
            lines.append(_line(Span("Tags: ", "label"), printable(", ".join(fact.tags)), indent=1))
        lines.append(
            _line(
                Span(f"Pack {printable_line(fact.pack)}, {_where_in_pack(fact, catalog)}", "dim"),
                indent=1,
            )
        )
    return lines


def _hedge_lines(fact: Fact) -> list[Line]:
    """The fact's hedge ("may", "reportedly"), unless its figure's value says it already
    ("at least"): shown wherever the fact is, so that an answer never reads firmer than the
    fact it rests on (stranger 15, 22)."""
    if fact.hedge and not (
        isinstance(fact.details, Figure) and fact.details.qualifier == fact.hedge
    ):
        return [_line(Span("Hedged: ", "label"), printable(fact.hedge), indent=1)]
    return []


def _entity_particulars(entity_id: str, catalog: Catalog) -> Iterator[Line]:
    """An entity's description, its aliases with their quality, its attributes and its
    explicit links: whatever it has besides its name (every entity alike, not only those
    with links or attributes)."""
    entity = catalog.entities.get(entity_id)
    same = sorted(catalog.same_entities(entity_id) - {entity_id})
    if entity is None or not (entity.description or entity.aliases or entity.attributes or same):
        return
    yield _line(Span(printable(entity.name), "label"), indent=1)
    if entity.description:
        yield _line(printable(entity.description), indent=2)
    if entity.aliases:
        described = "; ".join(
            alias.name
            + (
                f" ({', '.join(filter(None, (alias.quality, alias.note)))})"
                if alias.quality or alias.note
                else ""
            )
            for alias in entity.aliases
        )
        yield _line(Span("aliases: ", "label"), printable(described), indent=2)
    for name, values in entity.attributes.items():
        yield _line(Span(f"{printable(name)}: ", "label"), printable("; ".join(values)), indent=2)
    if same:
        linked = printable(
            "; ".join(
                f"{catalog.entities[other].name} ({other})"
                if other in catalog.entities
                else f"{other} (not loaded)"  # its pack is not: the name would be the id again
                for other in same
            )
        )
        yield _line(Span("same as: ", "label"), linked, indent=2)


def answer_block(
    hit: Hit, reply: Reply, catalog: Catalog, *, polar: bool = False, asks: str = ""
) -> list[Line]:
    """The best answer: the short answer up front (a figure with who says so, a quote and its
    speaker, who), then the claim, sources and curator notes. A partial answer is
    labelled so, and names the question's words it does not cover."""
    fact = hit.fact
    values = key_values(fact, catalog)
    rest: list[str]
    if isinstance(fact.details, Quote) and reply.answer in (fact.details.text, fact.claim):
        headline, rest = " ".join(values), []  # the words, and who said them
    elif isinstance(fact.details, Figure):
        headline, rest = printable(reply.answer), []  # with who says so
    elif reply.answer != fact.claim:
        headline, rest = printable(reply.answer), values  # who, for "who"; when, for "when"
    else:
        headline, rest = printable(fact.claim), values
    if isinstance(fact.details, Event) and fact.details.place:
        # Under an answer a bare "Pakistan" reads as part of it: say it is where it happened.
        rest = [
            text.replace(printable(fact.details.place), "Place: " + printable(fact.details.place))
            for text in rest
        ]
    label = "Answer" if reply.match is Match.ANSWER else "Partial answer"
    standing = reply.standing_of(fact)
    label += _STANDING_MARKS[standing]
    lines = [_line(Span(f"{label}: ", "label"), Span(headline, "claim"))]
    if not fact.hedge or hedge_said(printable(fact.hedge)) not in headline:  # said already
        lines.extend(_hedge_lines(fact))
    # What the curators say against the claim, beside it: a reader of the answer line alone
    # must not take a corrected or contested claim for the answer.
    disputing = [note for note in fact.notes if note.stance is not NoteStance.CONTEXT]
    lines.extend(
        _line(
            Span("The pack's curators note: ", "note-label"),
            Span(printable(note.text), "note"),
            indent=1,
        )
        for note in disputing
    )
    if reply.unmatched:
        # A yes/no question's partial answer does not state the proposition asked: what of it.
        missing = printable(", ".join(reply.unmatched))
        label = "Does not state: " if polar else "Does not cover: "
        if polar and _all_said(reply.unmatched, [fact.claim, *values]):
            # It states those words, not as asked ("Is X on the sanctions list?": a claim that
            # X was put on it in 2001, in the past; "urged to cut ties", not that they did).
            label = "Does not state as asked: "
        elif not polar and _all_said(reply.unmatched, [fact.claim, *values]):
            # It says those words, not as asked ("How many widgets?": a claim on widgets
            # giving no number of them): say what it does not give -- unless the short answer
            # shows them ("8,600 US troops ..." gives a figure of US troops, only not the one
            # asked): a gap line never denies the line above it.
            shown = headline != printable(fact.claim) and _all_said(reply.unmatched, [headline])
            as_asked = "Does not say as asked: "
            label = as_asked if shown else _NOT_AS_ASKED.get(asks, as_asked)
        lines.append(_line(Span(label, "label"), missing, indent=1))
    if not headline.startswith(printable(fact.claim)):
        # (Not where the short answer is the claim with a note in brackets: "... (as of 16
        # January 2002; died 2 May 2011)" shows it already.)
        lines.append(_line(printable(fact.claim), indent=1))
    lines.extend(_line(Span(text, "value"), indent=1) for text in rest)
    lines.extend(_citation_lines(fact.citations, catalog, full=False))
    lines.extend(_note_line(note) for note in fact.notes if note not in disputing)
    date = f" · {fact.date}" if fact.date else ""
    footer = Span(f" · {fact.kind.value}{date}", "dim")
    lines.append(_line(Span(fact.id, "dim", whole=True), footer, indent=1))
    return lines


_NOT_AS_ASKED = {
    "figure": "Gives no figure of: ",
    "quote": "Gives no quote on: ",
    "date": "Gives no date of: ",
    "duration": "Gives no length of: ",
    "someone": "Names no one for: ",
}
"""What a partial answer does not give, by the kind of answer asked, where its claim says the
words of the question it is shown to leave out."""


def _all_said(words: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether the fact's words as shown (its claim and values) say each of these words of the
    question, in any of their forms, as `ask` reads words (folded and stemmed, as the index
    does): "Nimroz province" says "provinces"."""
    from tqcli.textnorm import tokens

    said = set(tokens(" ".join(texts)))
    return all(said.issuperset(tokens(word)) for word in words if word.strip())


_STANDING_MARKS = {
    NoteStance.CONTEXT: "",
    NoteStance.CONTESTS: " (contested)",
    NoteStance.CORRECTS: " (corrected)",
}
"""How an answer line marks a claim its curators' notes contest or correct."""

_NOTE_LABELS = {
    NoteStance.CONTEXT: "Curator note: ",
    NoteStance.CONTESTS: "Curator note (contests the claim): ",
    NoteStance.CORRECTS: "Curator note (corrects the claim): ",
}


def _note_line(note: Note) -> Line:
    """A curator note, labelled with how it bears on the claim when it contests or corrects it."""
    return _line(
        Span(_NOTE_LABELS[note.stance], "note-label"), Span(printable(note.text), "note"), indent=1
    )


def _where_in_pack(fact: Fact, catalog: Catalog) -> str:
    """Where the fact is defined, relative to its pack's directory."""
    for pack in catalog.packs:
        if pack.name == fact.pack and fact.where.path.is_relative_to(pack.path):
            relative = fact.where.path.relative_to(pack.path)
            return printable_line(str(Location(relative, fact.where.line)))
    return printable_line(str(fact.where))


def _citation_lines(
    citations: Sequence[Citation], catalog: Catalog, *, full: bool, indent: int = 1
) -> Iterator[Line]:
    """One "Source:" line per source cited; in full, each passage under it, then the address."""
    by_source: dict[str, list[Citation]] = {}
    for citation in citations:
        by_source.setdefault(citation.source, []).append(citation)
    for source_id, cited in by_source.items():
        source = catalog.sources.get(source_id)
        described = source_line(source) if source else printable(source_id)
        yield _line(Span("Source: ", "label"), Span(described, "source"), indent=indent)
        if not full:
            continue
        for citation in cited:
            locator = f"({printable(citation.locator)}) " if citation.locator else ""
            passage = f"> {locator}{printable(citation.passage)}"
            yield _line(Span(passage, "passage"), indent=indent + 1)
        if source is not None and source.url:
            yield _line(Span(printable(source.url), "url"), indent=indent + 1)


def source_line(source: Source) -> str:
    """A source in one line: publisher, “title”, the series it is in, author, date, the site of
    a secondary copy, the file it was read from, and the licence the pack records."""
    parts = [source.publisher, source.title if source.described else f"“{source.title}”"]
    if source.series:
        parts.append(source.series)
    if source.author:
        parts.append(source.author)
    if source.published:
        parts.append(str(source.published))
    if source.via:
        parts.append(f"read in a copy on {source.via}")
    if source.file_name:
        parts.append(f"read from the file {source.file_name}")
    if source.licence:
        parts.append(f"licence: {source.licence}")
    return printable(", ".join(parts))


def key_values(fact: Fact, catalog: Catalog) -> list[str]:
    """The fact's key value in words: a figure with unit and qualifier, a quote and speaker …"""
    details = fact.details
    if isinstance(details, Figure):
        return [printable(figure_phrase(details))]
    if isinstance(details, Quote):
        speaker = _entity_name(catalog, details.speaker)
        said = ", ".join(
            part for part in (details.speaker_role, details.medium, str(details.said or "")) if part
        )
        return [
            printable(f"“{details.text}”"),
            printable(f"— {speaker}" + (f" ({said})" if said else "")),
        ]
    if isinstance(details, Sanction):
        parts = [details.instrument, details.authority]
        if details.adopted:
            parts.append(f"{'listed' if details.is_listing else 'adopted'} {details.adopted}")
        lines = [" · ".join(parts)]
        listing = " · ".join(
            part
            for part in (
                f"list {details.list_name}" if details.list_name else "",
                f"reference {details.reference}" if details.reference else "",
            )
            if part
        )
        if listing:
            lines.append(listing[0].upper() + listing[1:])
        if details.updated:
            lines.append("Updated: " + ", ".join(str(day) for day in details.updated))
        if details.committee:
            lines.append(f"Committee: {details.committee}")
        if details.measures:
            lines.append("Measures: " + "; ".join(details.measures))
        if details.remarks:
            lines.append(f"Remarks ({details.authority}): {details.remarks}")
        return [printable(text) for text in lines]
    if isinstance(details, Agreement):
        parts = [details.name]
        if details.parties:
            parts.append(
                "between " + " and ".join(_entity_name(catalog, p) for p in details.parties)
            )
        when_where = ", ".join(p for p in (str(details.signed or ""), details.place or "") if p)
        if when_where:
            parts.append(f"signed {when_where}")
        return [
            printable(" · ".join(parts)),
            *(printable(f"Commits: {c}") for c in details.commitments),
        ]
    if isinstance(details, Event):
        span = f"{fact.date} to {details.end}" if details.end and fact.date else ""
        text = " · ".join(part for part in (span, details.place or "") if part)
        return [printable(text)] if text else []
    assert_never(details)


def _entity_name(catalog: Catalog, entity_id: str) -> str:
    entity = catalog.entities.get(entity_id)
    return printable(entity.name if entity else entity_id)


def sources_table(uses: Sequence[SourceUse]) -> Table:
    """Sources with the number of facts citing each."""
    rows = tuple(
        (printable(use.source.id), str(use.facts), use.source.kind.value, source_line(use.source))
        for use in uses
    )
    return Table(
        "Sources",
        ("id", "facts", "kind", "source"),
        rows,
        (False, True, False, False),
        (True, False, False, False),
    )


def stats_tables(stats: Stats) -> list[Table]:
    """Counts: totals, then facts by kind, by pack and by source."""
    totals = (
        ("facts", str(stats.facts)),
        ("sources", str(stats.sources)),
        ("entities", str(stats.entities)),
    )
    return [
        Table("Loaded", ("what", "count"), totals, (False, True)),
        _count_table("Facts by kind", "kind", stats.by_kind),
        _count_table("Facts by pack", "pack", stats.by_pack),
        _count_table("Facts by source", "source", stats.by_source),
    ]


def _count_table(title: str, header: str, counts: Mapping[str, int]) -> Table:
    rows = tuple((printable(name), str(count)) for name, count in counts.items())
    return Table(title, (header, "facts"), rows, (False, True))


def locations_table(locations: Locations) -> Table:
    """Where the configuration file, the user pack folder and the cache are, and if they exist."""

    def row(what: str, path: Path | None, exists: bool) -> tuple[str, str, str]:
        if path is None:
            return (what, "(none)", "")
        return (what, printable_line(str(path)), "" if exists else "(not there yet)")

    folder, cache = locations.user_pack_folder, locations.cache
    rows = (
        row("config file", locations.config_file, locations.config_exists),
        row("user pack folder", folder, folder is not None and folder.is_dir()),
        row("index cache", cache, cache is not None and cache.is_dir()),
    )
    # Paths are copied whole into other commands: the other columns wrap first.
    return Table("Files", ("what", "path", ""), rows, (False, False, False), (False, True, False))


def packs_table(packs: Sequence[Pack], left_out: Mapping[Pack, LeftOut] | None = None) -> Table:
    """The packs in effect, in load order; those left out (of the user pack folder) say so
    after their origin, with why."""
    left_out = left_out or {}
    # One row a pack: a line break in a directory's name is shown escaped, as in messages.
    rows = tuple(
        (
            printable_line(pack.name),
            pack.origin + (_left_out_said(left_out[pack]) if pack in left_out else ""),
            printable_line(str(pack.path)),
        )
        for pack in packs
    )
    return Table(
        "Packs in effect",
        ("pack", "from", "path"),
        rows,
        (False, False, False),
        (False, False, True),
    )


def _left_out_said(why: LeftOut) -> str:
    """Why a pack is left out, as the query's warning says it: `tq validate PATH` of a pack
    left out as the same pack as one given with --facts passes, so it is no advice there
    (stranger 19)."""
    from tqcli.locations import LeftOutReason
    from tqcli.problems import given_as

    if why.twin is None or why.reason is LeftOutReason.PROBLEMS:
        return " (does not load: left out; see tq validate PATH)"
    given = printable_line(given_as(why.twin))
    if why.reason is LeftOutReason.SAME_PACK:
        return f" (left out: the same pack as {given}, loaded twice)"
    return f" (left out: {given} defines its ids again; another version of it?)"


def validation_lines(report: LoadReport, reached: Sequence[Reached] = ()) -> list[Line]:
    """The summary of a validation: counts and what was proven, or how many problems; and how
    many facts restate a claim that another pack's curators correct or contest."""
    catalog = report.catalog
    counts = (
        f"{len(catalog.packs)} pack(s), {len(catalog.facts)} facts, "
        f"{len(catalog.sources)} sources, {len(catalog.entities)} entities"
    )
    # Counted per citation (a fact may cite several sources), so the total is not the facts'.
    cited = report.passages_proven + report.passages_unarchived
    passages = (
        f"{cited} cited passage(s): {report.passages_proven} proven verbatim against archived "
        f"text, {report.passages_unarchived} not checkable (their source has no archive)"
    )
    noted = (
        [
            _line(
                f"{len(reached)} fact(s) restate a claim that another pack's curators correct or "
                "contest (each named on stderr): queries show the note with them",
                indent=1,
            )
        ]
        if reached
        else []
    )
    if report.valid:
        return [_line(Span("valid: ", "ok"), counts), _line(passages, indent=1), *noted]
    return [
        _line(Span(f"invalid: {len(report.problems)} problem(s)", "error"), f" in {counts}"),
        *noted,
    ]


def import_lines(report: ImportReport) -> list[Line]:
    """What an import wrote and, per list, what changed since the previous import."""
    if report.already_applied:
        said = f" {report.source_file} was applied to {report.out} already; nothing changed."
        return [_line(Span("Nothing to do:", "ok"), printable(said))]
    total = sum(changes.listings for changes in report.lists)
    verb = "Imported" if report.written else "Would import (dry run)"
    generated = f" (generated {report.date_generated})" if report.date_generated else ""
    lines = [
        _line(
            Span(f"{verb} {total} {report.counted}(s)", "ok"),
            printable(f" from {report.source_file}{generated} into {report.out}"),
        )
    ]
    since = report.previous_date_generated
    lines.append(
        _line(
            printable(
                "Changes since the previous import" + (f" (generated {since}):" if since else ":")
            )
            if report.previous_import
            else f"First import into this pack: every {report.counted} is new."
        )
    )
    for changes in report.lists:
        spacing = {ref for ref in changes.amended if _in_spacing_only(changes.amendments.get(ref))}
        summary = (
            f"{changes.list_name}: {changes.listings} {report.counted}(s); "
            f"{len(changes.added)} added, "
            f"{len(changes.removed)} removed, {len(changes.amended)} amended"
            + (f" ({len(spacing)} only in spacing)" if spacing else "")
        )
        lines.append(_line(Span(printable(summary), "label"), indent=1))
        if report.previous_import:
            for label, refs in (("added", changes.added), ("removed", changes.removed)):
                if refs:
                    shown = ", ".join(_named(ref, changes) for ref in refs[:_LISTED_IN_FULL])
                    if len(refs) > _LISTED_IN_FULL:
                        shown += f", and {len(refs) - _LISTED_IN_FULL} more{_ALL_IN_JSON}"
                    lines.append(_line(f"{label}: " + printable(shown), indent=2))
            # Amendments only in spacing (a list's own re-typing: "link: https" to "link:https")
            # come last, so the ones that change what a listing says are read first.
            amended = sorted(changes.amended.items(), key=lambda item: item[0] in spacing)
            for ref, fields in amended[:_LISTED_IN_FULL]:
                named = _named(ref, changes)
                lines.append(_line(printable(f"amended {named}: {', '.join(fields)}"), indent=2))
                for field, (before, after) in changes.amendments.get(ref, {}).items():
                    said = printable_line(
                        f"{field}: {change_text(before, after)}{_lost_characters(before, after)}"
                    )
                    lines.append(_line(Span(said, "dim"), indent=3))
            if len(amended) > _LISTED_IN_FULL:
                more = len(amended) - _LISTED_IN_FULL
                lines.append(_line(f"and {more} more amended{_ALL_IN_JSON}", indent=2))
    if report.skipped:
        lines.extend(_skipped_lines(report.skipped))
    return lines


_LISTED_IN_FULL = 20


def _lost_characters(before: object, after: object) -> str:
    """What to add to an amendment whose new value holds U+FFFD and whose old did not: the file
    lost characters there, which the change may be no more than (stranger 19, finding 37)."""
    if "\ufffd" in str(after) and "\ufffd" not in str(before):
        return " (the file has U+FFFD there, for characters its publisher lost)"
    return ""


def _in_spacing_only(fields: Mapping[str, tuple[Any, Any]] | None) -> bool:
    """Whether every field of an amendment changed only in its spaces and line breaks."""
    return bool(fields) and all(
        "".join(str(before).split()) == "".join(str(after).split())
        for before, after in (fields or {}).values()
    )


def _named(ref: str, changes: ListChanges) -> str:
    """A record by its reference and, where the report knows it, its name: "36 (AERO-CARIBBEAN)"."""
    name = changes.names.get(ref)
    return f"{ref} ({name})" if name and name != ref else ref


def change_text(before: object, after: object, width: int = 50) -> str:
    """How a value changed, in words: text by the part that differs, with a little of what is
    around it ("“…Notices-Entities” became “…Notices-Individuals”"); a list by what it gained
    and lost, each item as people write it (an alias "“AL-KIFAH” (a.k.a.)", an attribute
    "address “Kabul”"); anything else before and after."""
    if isinstance(before, str) and isinstance(after, str):
        if before.split() == after.split():
            return "spacing only"
        return _text_change(before, after, width)
    if isinstance(before, (list, tuple)) and isinstance(after, (list, tuple)):
        added = [item for item in after if item not in before]
        gone = [item for item in before if item not in after]
        if len(added) == len(gone) == 1 and _same_thing(gone[0], added[0]):
            one, other = gone[0], added[0]
            if _named_entry(one) and _named_entry(other) and one[0] == other[0]:
                # an attribute or vessel field: "vessel flag “Panama” became “Malta”"
                return f"{one[0]} {change_text(one[1], other[1], width)}"
            if _alias(one) and _alias(other) and one[0] == other[0]:
                return _alias_change(one, other, width)
            return change_text(one, other, width)  # one item changed: how
        said = [
            f"{verb} {'; '.join(_item(item, width) for item in items)}"
            for verb, items in (("gained", added), ("lost", gone))
            if items
        ]
        return ", ".join(said) or "the same items in another order"
    if before is None or after is None:
        return f"{'none' if before is None else _item(before, width)} became " + (
            "none" if after is None else _item(after, width)
        )
    return f"{_item(before, width)} became {_item(after, width)}"


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
_CONTEXT = 6
"""Tokens (words, spaces, marks) shown either side of a change in a text."""
_CHANGES_SHOWN = 3


def _text_change(before: str, after: str, width: int) -> str:
    """A text's change by the parts that differ, word by word, each with a few tokens of what
    is around it: "“…web link: https:…” became “…web link:https:…”; “…-Notices-Entities” became
    “…-Notices-Individuals”" (a space gone and a word changed are both seen)."""
    from difflib import SequenceMatcher  # only for an import's report

    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    blocks = [
        (i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    merged: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in blocks:  # changes close together are said as one
        if merged and i1 - merged[-1][1] <= 2 * _CONTEXT:
            merged[-1] = (merged[-1][0], i2, merged[-1][2], j2)
        else:
            merged.append((i1, i2, j1, j2))
    said = [
        f"{_excerpt(old, i1, i2, width)} became {_excerpt(new, j1, j2, width)}"
        for i1, i2, j1, j2 in merged[:_CHANGES_SHOWN]
    ]
    if len(merged) > _CHANGES_SHOWN:
        said.append(f"and {len(merged) - _CHANGES_SHOWN} more change(s)")
    return "; ".join(said)


def _excerpt(tokens: Sequence[str], start: int, end: int, width: int) -> str:
    """tokens[start:end] quoted, with up to _CONTEXT tokens either side, "…" where cut."""
    first, last = max(start - _CONTEXT, 0), min(end + _CONTEXT, len(tokens))
    head, tail = "".join(tokens[first:start]), "".join(tokens[end:last])
    cut_head, cut_tail = first > 0, last < len(tokens)
    # No space beside a "…": "“…Street, Test…”", not "“…Street, Test …”".
    middle = (head.lstrip() if cut_head else head) + "".join(tokens[start:end])
    middle += tail.rstrip() if cut_tail else tail
    if len(middle) > width:  # both ends of what differs, where most changes are
        middle = middle[: width // 2] + "…" + middle[-(width // 2) :]
    return f"“{'…' if cut_head else ''}{middle}{'…' if cut_tail else ''}”"


def _alias(value: object) -> bool:
    """Whether value is an alias as a list gives it: (name, quality, note)."""
    return (
        isinstance(value, (list, tuple))
        and len(value) == len(_ALIAS_PARTS) + 1
        and isinstance(value[0], str)
        and all(part is None or isinstance(part, str) for part in value[1:])
    )


_ALIAS_PARTS = ("quality", "note")


def _alias_change(before: Sequence[object], after: Sequence[object], width: int) -> str:
    """An alias whose quality or note changed: "alias “Al Qa’ida/Islamic Army”: note “formerly
    listed as” added"."""
    said = []
    for part, old, new in zip(_ALIAS_PARTS, before[1:], after[1:], strict=True):
        if old == new:
            continue
        if old is None:
            said.append(f"{part} {_item(new, width)} added")
        elif new is None:
            said.append(f"{part} {_item(old, width)} removed")
        else:
            said.append(f"{part} {change_text(old, new, width)}")
    return f"alias {_item(before[0], width)}: " + ", ".join(said)


def _named_entry(value: object) -> bool:
    """Whether value is a name and what it names: an attribute ("address", ["Kabul"]) or a
    vessel field ("vessel flag", "Panama")."""
    return isinstance(value, (list, tuple)) and len(value) == 2 and isinstance(value[0], str)


def _same_thing(before: object, after: object) -> bool:
    """Whether two items are one thing changed: two texts, two entries (an alias, an
    attribute) of the same name, or two values of one."""
    if isinstance(before, str) and isinstance(after, str):
        return True
    return (
        isinstance(before, (list, tuple))
        and isinstance(after, (list, tuple))
        and bool(before)
        and bool(after)
        and (before[0] == after[0] or len(before) == len(after) == 1)
    )


def _item(value: object, width: int) -> str:
    """A value of a record as people write it: text in quotes, an alias (name, quality, note)
    as its quoted name and the rest in brackets, an attribute (name, values) as its name and
    quoted values; other data as JSON."""
    if isinstance(value, str):
        return f"“{_cut(value, width)}”"
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], str):
        rest = list(value[1:])
        if len(rest) == 1 and isinstance(rest[0], (list, tuple)):  # an attribute
            return f"{value[0]} " + ", ".join(_item(item, width) for item in rest[0])
        if all(item is None or isinstance(item, (str, int, float)) for item in rest):
            said = ", ".join(str(item) for item in rest if item is not None)
            return f"“{_cut(value[0], width)}”" + (f" ({said})" if said else "")
    import json  # only for an import's report

    return _cut(json.dumps(value, ensure_ascii=False, default=str), width)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


"""Beyond this many records, a report gives counts and the first few: one line per record of
13,761 hides the cause (a wrong file) rather than showing it."""
_FIRST_FEW = 5
_QUOTED = re.compile(r" '[^']*'")
"""A value quoted in a reason: counted as one reason whatever the value."""
_ALL_IN_JSON = " (--json lists them all)"


def _skipped_lines(skipped: Sequence[SkippedRecord]) -> list[Line]:
    lines = [_line(Span(f"Skipped {len(skipped)} record(s):", "error"))]
    shown = skipped
    if len(skipped) > _LISTED_IN_FULL:
        reasons = Counter(_QUOTED.sub(" '…'", record.reason) for record in skipped)
        lines.extend(
            _line(printable(f"{count} × {reason}"), indent=1)
            for reason, count in reasons.most_common(_LISTED_IN_FULL)
        )
        if len(reasons) > _LISTED_IN_FULL:
            lines.append(_line(f"and {len(reasons) - _LISTED_IN_FULL} other reasons", indent=1))
        lines.append(_line(f"The first {_FIRST_FEW}{_ALL_IN_JSON}:"))
        shown = skipped[:_FIRST_FEW]
    lines.extend(
        _line(printable(f"{record.reference}: {record.reason}"), indent=1) for record in shown
    )
    return lines


class HumanRenderer:
    """Turns results into this layout; subclasses say how lines and tables are printed."""

    def print_lines(self, lines: Sequence[Line]) -> None:
        raise NotImplementedError

    def print_table(self, table: Table) -> None:
        raise NotImplementedError

    def print_gap(self) -> None:
        raise NotImplementedError

    def facts(self, hits: Sequence[Hit], catalog: Catalog, *, full: bool) -> None:
        for number, hit in enumerate(hits):
            if number:
                self.print_gap()
            self.print_lines(fact_block(hit, catalog, full=full))

    def answers(self, found: Answers, catalog: Catalog) -> None:
        # After the first, the other answers (as JSON's "match" says) under their own heading,
        # each with its short answer; then the partial ones, as facts.
        heading = ""
        for number, (hit, reply) in enumerate(zip(found.hits, found.replies, strict=True)):
            if number:
                self.print_gap()
                answers = reply.match is Match.ANSWER and found.replies[0].match is Match.ANSWER
                wanted = "Other answers:" if answers else "Also relevant:"
                if wanted != heading:
                    self.print_lines([_line(Span(wanted, "label"))])
                    heading = wanted
            block = (
                answer_block(hit, reply, catalog, polar=found.polar, asks=found.asks)
                if number == 0 or heading == "Other answers:"
                else fact_block(hit, catalog, full=False)
            )
            self.print_lines(block)

    def sources(self, uses: Sequence[SourceUse]) -> None:
        if uses:  # none: nothing on stdout, "no results" on stderr, as search and list do
            self.print_table(sources_table(uses))

    def stats(self, stats: Stats) -> None:
        for number, table in enumerate(stats_tables(stats)):
            if number:
                self.print_gap()
            self.print_table(table)

    def paths(self, locations: Locations) -> None:
        self.print_table(locations_table(locations))
        self.print_gap()
        self.print_table(packs_table(locations.packs, locations.left_out))

    def validation(self, report: LoadReport, reached: Sequence[Reached] = ()) -> None:
        self.print_lines(validation_lines(report, reached))

    def import_report(self, report: ImportReport) -> None:
        self.print_lines(import_lines(report))

    def screenings(self, screenings: Iterable[Screening], catalog: Catalog) -> None:
        from tqcli.render.names import screening_lines

        for number, screening in enumerate(screenings):
            if number:
                self.print_gap()
            self.print_lines(screening_lines(screening, catalog))

    def entity(self, profile: EntityProfile, catalog: Catalog) -> None:
        from tqcli.render.names import profile_blocks

        for number, block in enumerate(profile_blocks(profile, catalog)):
            if number:
                self.print_gap()
            self.print_lines(block)

    def entities(self, uses: Sequence[EntityUse]) -> None:
        from tqcli.render.names import entities_table

        if uses:
            self.print_table(entities_table(uses))

    def tags(self, uses: Sequence[TagUse]) -> None:
        from tqcli.render.names import tags_table

        if uses:
            self.print_table(tags_table(uses))
