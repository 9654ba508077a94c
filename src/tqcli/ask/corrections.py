"""What the curators of one pack say against a claim, for the same claim restated in another:
a note that corrects or contests a fact reaches every fact of the other packs in effect that
rests on the same words of the same source (docs/ask-evaluation.md, "Corrections reach")."""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from tqcli.index import Index
from tqcli.model import Fact, Filters, Hit, Note, NoteStance, Standing
from tqcli.textnorm import fold

_DISPUTED = frozenset({Standing.CORRECTED, Standing.CONTESTED})


def _source_key(index: Index, source_id: str, known: dict[str, str | None]) -> str | None:
    """The address a source was read at, as the same for any spelling of it: without its
    scheme, "www.", a trailing slash or case ("https://www.x.com/a/" is "x.com/a"); None when
    it gives none (a document read offline: its id is its pack's own)."""
    if source_id in known:
        return known[source_id]
    source = index.catalog.sources.get(source_id)
    key = None
    if source is not None and source.url:
        address = re.sub(r"^[a-z]+://(?:www\.)?", "", source.url.strip().lower())
        key = address.split("#", 1)[0].rstrip("/")
    known[source_id] = key
    return key


def _words(passage: str) -> str:
    """A passage's words, folded, between spaces (to find one passage inside another, whatever
    their punctuation, quotation marks or case)."""
    return " " + " ".join(re.findall(r"\w+", fold(passage))) + " "


def _same_words(one: str, other: str) -> bool:
    """Whether two passages are the same words of a source: one holds the other, which has at
    least half its words ("in whom the US had invested almost $1trn over two decades" of
    "trusted in the Afghan military, in whom the US had invested ... to keep the Taliban at
    bay."): what the longer says, the shorter says mostly too."""
    shorter, longer = sorted((one, other), key=len)
    return shorter in longer and len(shorter.split()) * 2 >= len(longer.split())


def with_others_notes(index: Index, candidates: list[Hit]) -> list[Hit]:
    """The candidates, each fact given the notes that correct or contest a fact of another
    pack resting on the same words of the same source (the same address): a user's pack
    restating a claim the built-in pack corrects is corrected too, and says by whom. Only
    with more than one pack in effect, and only facts of another pack: within a pack its
    curators note each fact as they judge it."""
    if len(index.catalog.packs) < 2:
        return candidates
    known: dict[str, str | None] = {}
    disputed: list[tuple[str, str, Fact]] = []
    for hit in index.browse(Filters(standings=_DISPUTED)):
        for citation in hit.fact.citations:
            if (key := _source_key(index, citation.source, known)) is not None:
                disputed.append((key, _words(citation.passage), hit.fact))
    if not disputed:
        return candidates
    keys = {key for key, _, _ in disputed}
    return [_with_notes_of(index, hit, disputed, keys, known) for hit in candidates]


def _with_notes_of(
    index: Index,
    hit: Hit,
    disputed: Sequence[tuple[str, str, Fact]],
    keys: set[str],
    known: dict[str, str | None],
) -> Hit:
    """The hit, its fact given the disputing notes of the facts of other packs that rest on
    its citations' words (see with_others_notes)."""
    fact = hit.fact
    borrowed: list[Note] = []
    for citation in fact.citations:
        key = _source_key(index, citation.source, known)
        if key is None or key not in keys:
            continue
        words = _words(citation.passage)
        for other_key, other_words, other in disputed:
            if other.pack == fact.pack or other_key != key or not _same_words(words, other_words):
                continue
            borrowed.extend(
                msgspec.structs.replace(
                    note,
                    text=f"On {other.id} (pack {other.pack}), which rests on the same words of"
                    f" the same source: {note.text}",
                )
                for note in other.notes
                if note.stance is not NoteStance.CONTEXT
            )
    if not borrowed:
        return hit
    notes = (*fact.notes, *dict.fromkeys(note for note in borrowed if note not in fact.notes))
    return Hit(msgspec.structs.replace(fact, notes=notes), hit.score)
