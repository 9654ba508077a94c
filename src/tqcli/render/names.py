"""What the name commands show (match, who, entities, tags): data for JSON and CSV, and lines and
tables for the human formats. Each renderer calls these, so the formats never disagree."""

from __future__ import annotations

import math
from collections.abc import Sequence

from tqcli.compat import assert_never
from tqcli.model import Catalog, Entity, EntityKind
from tqcli.names import (
    CAP_REASONS,
    ONE_WORD_REASONS,
    Candidate,
    EntityProfile,
    EntityUse,
    How,
    OneWord,
    Screening,
    TagUse,
    WordPair,
)
from tqcli.render.data import JsonObject
from tqcli.render.layout import Line, Span, Table, fact_block
from tqcli.textnorm import printable, printable_line

# --- Data ----------------------------------------------------------------------------------------


def entity_data(entity: Entity) -> JsonObject:
    """An entity in full: names, aliases with their quality, attributes, links."""
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind.value,
        "description": entity.description,
        "aliases": [
            {"name": alias.name, "quality": alias.quality, "note": alias.note}
            for alias in entity.aliases
        ],
        "attributes": {name: list(values) for name, values in entity.attributes.items()},
        "same_as": list(entity.same_as),
        "pack": entity.pack,
    }


def candidate_data(candidate: Candidate, catalog: Catalog) -> JsonObject:
    """A screening candidate: who, the score, and why."""
    entity = catalog.entities[candidate.entity_id]
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind.value,
        "pack": entity.pack,
        "score": candidate.score,
        "match": candidate.match,
        "matched_name": candidate.matched_name,
        "quality": candidate.quality,
        "how": [how.value for how in candidate.how],
        "words": [
            {
                "query": pair.query,
                "name": pair.name,
                "similarity": pair.similarity,
                "how": pair.how.value,
            }
            for pair in candidate.pairs
        ],
        "listings": list(candidate.listings),
        "listed": candidate.listed,
        "lists": [
            {
                "authority": entry.authority,
                "list": entry.list_name,
                "reference": entry.reference,
                "fact": entry.fact,
            }
            for entry in candidate.lists
        ],
        "hit": candidate.listed_match,
        "capped": {"reason": candidate.cap.value, "why": CAP_REASONS[candidate.cap]}
        if candidate.cap
        else None,
        "one_word": {
            "reason": candidate.one_word.value,
            "why": ONE_WORD_REASONS[candidate.one_word],
        }
        if candidate.one_word
        else None,
    }


def screening_data(screening: Screening, catalog: Catalog) -> JsonObject:
    """One screened name with its candidates, best first."""
    return {
        "query": screening.query,
        "match": screening.listed_match,
        "name_match": screening.matched,
        "hits_not_shown": screening.hits_not_shown,
        "name_matches_not_shown": screening.name_matches_not_shown,
        "threshold": screening.threshold,
        "results": [candidate_data(c, catalog) for c in screening.candidates],
    }


def profile_data(profile: EntityProfile, facts: Sequence[JsonObject]) -> JsonObject:
    """An entity with its linked entities, listings and facts (as fact data), and the other
    entities its name names."""
    return {
        "entity": entity_data(profile.entity),
        "same_as": [entity_data(entity) for entity in profile.same],
        "listings": list(profile.listings),
        "facts": list(facts),
        "others": [
            {
                "id": other.entity.id,
                "name": other.entity.name,
                "kind": other.entity.kind.value,
                "pack": other.entity.pack,
                "listings": list(other.listings),
            }
            for other in profile.others
        ],
    }


def entity_use_data(use: EntityUse) -> JsonObject:
    """An entity's summary for listings of entities."""
    entity = use.entity
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind.value,
        "aliases": len(entity.aliases),
        "facts": use.facts,
        "pack": entity.pack,
        "same_as": list(entity.same_as),
    }


def tag_data(use: TagUse) -> JsonObject:
    """A tag with its count."""
    return {"tag": use.tag, "facts": use.facts}


CANDIDATE_COLUMNS = (
    "query",
    "rank",
    "score",
    "match",
    "id",
    "name",
    "matched_name",
    "how",
    "listed",
    "hit",
)
"""The CSV columns of screenings: one row per candidate. `match` is the row's (its score reaches
the threshold), as each JSON result's is; `hit` whether it is a match on a listed entity."""


def candidate_rows(screening: Screening, catalog: Catalog) -> list[tuple[object, ...]]:
    """A screening's candidates as CSV rows (one row with the query alone when there are none)."""
    if not screening.candidates:
        return [(screening.query, None, None, False, None, None, None, None, None, False)]
    return [
        (
            screening.query,
            rank,
            candidate.score,
            candidate.match,
            candidate.entity_id,
            catalog.entities[candidate.entity_id].name,
            candidate.matched_name,
            " ".join(how.value for how in candidate.how),
            candidate.listed,
            candidate.listed_match,
        )
        for rank, candidate in enumerate(screening.candidates, start=1)
    ]


# --- Human layout --------------------------------------------------------------------------------


def screening_lines(screening: Screening, catalog: Catalog) -> list[Line]:
    """A screened name: whether it matched, then each candidate with its score and reasons."""
    verdict = "match" if screening.listed_match else "no match"
    # The verdict is every candidate's: a hit the limit leaves out is said (stranger 16, 1).
    hidden = screening.hits_not_shown
    unlisted = (
        f": {hidden} more {'match' if hidden == 1 else 'matches'} on a listed entity, "
        "not shown (raise --limit)"
        if hidden
        else ": the names that match are on no loaded list"
        if screening.matched and not screening.listed_match
        else ""
    )
    lines = [
        Line(
            (
                Span(printable_line(_header(screening.query)), "claim"),
                Span(f"  {verdict} (threshold {screening.threshold:.2f}){unlisted}", "label"),
            )
        )
    ]
    if not screening.candidates:
        lines.append(Line((Span("no candidate", "dim"),), 1))
    # A match on an entity on no loaded list (a diplomat the pack names) is no hit: its row says
    # so in the column a reader skims for hits (stranger 15, 16), as wide as it needs to be only
    # where such a row is shown.
    width = (
        len(_NAME_MATCH)
        if any(c.match and not c.listed for c in screening.candidates)
        else len(_HIT)
    )
    for candidate in screening.candidates:
        entity = catalog.entities[candidate.entity_id]
        lines.append(
            Line(
                (
                    Span(f"{_shown(candidate.score)} ", "label"),
                    _match_column(candidate, width),
                    Span(printable(entity.name)),
                    Span(
                        f"  ({printable(entity.id)}, {entity.kind.value}, "
                        f"{printable(_listed(candidate))})",
                        "dim",
                    ),
                ),
                1,
            )
        )
        words = _pairs_shown(candidate.pairs)
        quality = f" [{candidate.quality}]" if candidate.quality else ""
        how = ", ".join(how.value for how in candidate.how)
        lines.append(
            Line(
                (
                    Span(f"{how}: ", "label"),
                    Span(printable(f"{candidate.matched_name!r}{quality}; {words}"), "dim"),
                ),
                3,
            )
        )
        if candidate.cap:
            lines.append(
                Line(
                    (
                        Span("capped: ", "label"),
                        Span(f"{CAP_REASONS[candidate.cap]} (docs/names.md)", "dim"),
                    ),
                    3,
                )
            )
        if candidate.one_word and _uncapped_shown(candidate):
            lines.append(
                Line(
                    (
                        Span("not capped: ", "label"),
                        Span(f"{ONE_WORD_REASONS[candidate.one_word]} (docs/names.md)", "dim"),
                    ),
                    3,
                )
            )
    return lines


_LONGEST_HEADER = 120
"""Characters of a screened name its header line shows whole; a longer one (a 12,000-character
argument, stranger 19, finding 36) is cut to its start, saying how long it was."""
_MOST_UNPAIRED = 8
"""Words of the query not in a candidate's name that its line lists, before saying how many
more there are."""


def _header(query: str) -> str:
    """The screened name as its header shows it: whole, or cut to its start past
    _LONGEST_HEADER characters, saying so (the JSON and CSV keep it whole)."""
    if len(query) <= _LONGEST_HEADER:
        return query
    return f"{query[:80]}… (cut short: the name has {len(query):,} characters)"


def _pairs_shown(pairs: Sequence[WordPair]) -> str:
    """How each word of the query pairs with the name's; past _MOST_UNPAIRED words not in the
    name, how many more there are."""
    shown, unpaired = [], 0
    for pair in pairs:
        unpaired += not pair.name
        if pair.name or unpaired <= _MOST_UNPAIRED:
            shown.append(pair)
    words = ", ".join(
        f"{pair.query}={pair.name} ({pair.how.value} {pair.similarity:.2f})"
        if pair.name
        else f"{pair.query} (not in the name)"
        for pair in shown
    )
    if more := len(pairs) - len(shown):
        words += f", and {more:,} more words not in the name"
    return words


_HIT = "MATCH"
_NAME_MATCH = "name match"


def _match_column(candidate: Candidate, width: int) -> Span:
    """The column a reader skims for hits: MATCH for a match on a listed entity, "name match"
    for a match on one on no loaded list, blank for a candidate below the threshold."""
    if candidate.listed_match:
        return Span(f"{_HIT:<{width}} ", "ok")
    if candidate.match:
        return Span(f"{_NAME_MATCH:<{width}} ", "label")
    return Span(" " * (width + 1))


def _uncapped_shown(candidate: Candidate) -> bool:
    """Whether a candidate's line says why one word was not capped: wherever the word named
    someone alone, and for a name that is the query word for word (the entity's own "Taliban",
    a kunya as listed) only where it has words the query lacks ("Haqqani", the Haqqani
    Network), since a name matched whole explains itself."""
    return candidate.one_word in (OneWord.NAMED_BY_TITLE, OneWord.NAMED_BY_RARE_WORD) or (
        candidate.one_word is not None and How.PARTIAL in candidate.how
    )


def _listed(candidate: Candidate) -> str:
    """Whether a candidate is on a list loaded, and which: its listings' references (each with
    its list where they are several lists': "listed 16271, 1927, 23036411100119" named none,
    stranger 16, finding 12), else the lists that give none (OpenSanctions' data sets), else
    that it is on none."""
    if candidate.listings:
        lists = {
            entry.reference: entry.list_name or entry.authority
            for entry in candidate.lists
            if entry.reference
        }
        if len({lists.get(reference) for reference in candidate.listings} - {None}) > 1:
            return "listed " + ", ".join(
                f"{reference} ({lists[reference]})" if reference in lists else reference
                for reference in candidate.listings
            )
        return f"listed {', '.join(candidate.listings)}"
    if candidate.lists:
        first = candidate.lists[0]
        more = len(candidate.lists) - 1
        named = f"{first.authority}, {first.list_name}" if first.list_name else first.authority
        return f"listed: {named}" + (f" and {more} more" if more else "")
    return "not on any loaded list"


def profile_lines(profile: EntityProfile, catalog: Catalog) -> list[Line]:
    """An entity's names, particulars, links and listings; its facts follow as fact blocks."""
    entity = profile.entity
    lines = [
        Line(
            (
                Span(printable(entity.name), "claim"),
                Span(f"  {entity.kind.value} · {printable(entity.id)} · pack {entity.pack}", "dim"),
            )
        )
    ]
    if profile.matched:
        lines.append(
            Line(
                (
                    Span("Matched: ", "label"),
                    Span(
                        f"{printable(profile.matched.matched_name)!r} "
                        f"({', '.join(how.value for how in profile.matched.how)}, "
                        f"score {_shown(profile.matched.score)})"
                    ),
                ),
                1,
            )
        )
    if entity.description:
        lines.append(Line((Span(printable(entity.description)),), 1))
    for alias in entity.aliases:
        remarks = ", ".join(filter(None, (alias.quality, alias.note)))
        lines.append(
            Line(
                (
                    Span("alias: ", "label"),
                    Span(printable(alias.name)),
                    Span(f" ({printable(remarks)})" if remarks else "", "dim"),
                ),
                1,
            )
        )
    for name, values in entity.attributes.items():
        lines.append(
            Line((Span(f"{printable(name)}: ", "label"), Span(printable("; ".join(values)))), 1)
        )
    for other in profile.same:
        lines.append(
            Line(
                (
                    Span("same as: ", "label"),
                    Span(f"{printable(other.name)} ({printable(other.id)}, pack {other.pack})"),
                ),
                1,
            )
        )
    if profile.listings:
        lines.append(
            Line((Span("listed: ", "label"), Span(printable(", ".join(profile.listings)))), 1)
        )
    count = len(profile.facts)
    lines.append(
        Line((Span(f"{count} fact{'' if count == 1 else 's'} about {_this(entity)}", "label"),), 1)
    )
    if profile.others:
        also = "Other matches, near it, or of this name" if profile.matched else "Also of this name"
        lines.append(Line((Span(f"{also} (tq who ID for one):", "label"),), 1))
    for namesake in profile.others:
        listed = f", listed {', '.join(namesake.listings)}" if namesake.listings else ""
        lines.append(
            Line(
                (
                    Span(printable(namesake.entity.name)),
                    Span(
                        f"  ({printable(namesake.entity.id)}, {namesake.entity.kind.value}, "
                        f"pack {printable(namesake.entity.pack)}{printable(listed)})",
                        "dim",
                    ),
                ),
                2,
            )
        )
    return lines


def _this(entity: Entity) -> str:
    """How the count of an entity's facts names it: a person is no "it"."""
    kind = entity.kind
    if kind is EntityKind.PERSON:
        return "this person"
    if kind is EntityKind.ORGANIZATION:
        return "this organisation"
    if kind is EntityKind.PLACE:
        return "this place"
    if kind is EntityKind.DOCUMENT:
        return "this document"
    if kind is EntityKind.OTHER:
        return "it"
    assert_never(kind)


def profile_blocks(profile: EntityProfile, catalog: Catalog) -> list[list[Line]]:
    """The entity's block, then one block per fact about it."""
    return [
        profile_lines(profile, catalog),
        *(fact_block(hit, catalog, full=False) for hit in profile.facts),
    ]


def entities_table(uses: Sequence[EntityUse]) -> Table:
    """Entities with their kind, aliases and facts."""
    rows = tuple(
        (
            printable(use.entity.id),
            use.entity.kind.value,
            printable(use.entity.name),
            str(len(use.entity.aliases)),
            str(use.facts),
            printable(use.entity.pack),
        )
        for use in uses
    )
    return Table(
        "Entities",
        ("id", "kind", "name", "aliases", "facts", "pack"),
        rows,
        (False, False, False, True, True, False),
        (True, False, False, False, False, False),
    )


def tags_table(uses: Sequence[TagUse]) -> Table:
    """Tags with their counts, most used first."""
    rows = tuple((printable(use.tag), str(use.facts)) for use in uses)
    return Table("Tags", ("tag", "facts"), rows, (False, True), (True, False))


def _shown(score: float) -> str:
    """A score to two decimals, rounded down: 0.7988 is below a threshold of 0.80, so it must
    never be shown as 0.80."""
    return f"{math.floor(score * 100) / 100:.2f}"
