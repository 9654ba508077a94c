"""What the curators of one pack say against a claim, for the same claim restated in another:
a note that corrects or contests a fact reaches every fact of the other packs in effect that
rests on the same words of the same source (docs/pack-format.md, *How a note bears on its
claim*). One home for `tq ask`, `show`, `search` and `validate`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from tqcli.model import Catalog, Fact, Filters, Hit, Note, NoteStance, Source, Standing
from tqcli.textnorm import fold

if TYPE_CHECKING:
    from tqcli.index import Index

_DISPUTED = frozenset({Standing.CORRECTED, Standing.CONTESTED})


def _address(source: Source | None) -> str | None:
    """The address a source was read at, as the same for any spelling of it: without its
    scheme, "www.", a trailing slash or case ("https://www.x.com/a/" is "x.com/a"); None when
    it gives none (a document read offline: its id is its pack's own)."""
    if source is None or not source.url:
        return None
    address = re.sub(r"^[a-z]+://(?:www\.)?", "", source.url.strip().lower())
    return address.split("#", 1)[0].rstrip("/")


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


class Reach:
    """The facts whose notes correct or contest their claims, by the addresses of the sources
    they cite, and what of theirs reaches the facts of other packs on the same words."""

    def __init__(self, disputed: Iterable[Fact], source: Callable[[str], Source | None]) -> None:
        self._source = source
        self._addresses: dict[str, str | None] = {}
        self._disputed: list[tuple[str, str, Fact]] = [
            (address, _words(citation.passage), fact)
            for fact in disputed
            for citation in fact.citations
            if (address := self._address_of(citation.source)) is not None
        ]
        self._keys = {address for address, _, _ in self._disputed}

    @classmethod
    def of_index(cls, index: Index) -> Reach:
        """The reach of the disputed facts an index holds."""
        hits = index.browse(Filters(standings=_DISPUTED))
        return cls((hit.fact for hit in hits), index.catalog.sources.get)

    def _address_of(self, source_id: str) -> str | None:
        if source_id not in self._addresses:
            self._addresses[source_id] = _address(self._source(source_id))
        return self._addresses[source_id]

    def reaching(self, fact: Fact) -> Iterator[tuple[Fact, Note]]:
        """Each note that corrects or contests a fact of another pack resting on the same words
        of the same source (the same address) as one of fact's citations, with that fact."""
        if not self._keys:
            return
        for citation in fact.citations:
            address = self._address_of(citation.source)
            if address is None or address not in self._keys:
                continue
            words = _words(citation.passage)
            for other_address, other_words, other in self._disputed:
                if (
                    other.pack == fact.pack
                    or other.id == fact.id  # the same fact defined again: a duplicate id
                    or other_address != address
                    or not _same_words(words, other_words)
                ):
                    continue
                for note in other.notes:
                    if note.stance is not NoteStance.CONTEXT:
                        yield other, note

    def noted(self, hit: Hit) -> Hit:
        """The hit, its fact given the notes that reach it (see reaching), each opening with
        whose it is; the hit itself when none does."""
        fact = hit.fact
        borrowed = [
            msgspec.structs.replace(
                note,
                text=f"On {other.id} (pack {other.pack}), which rests on the same words of the"
                f" same source: {note.text}",
            )
            for other, note in self.reaching(fact)
        ]
        if not borrowed:
            return hit
        notes = (*fact.notes, *dict.fromkeys(note for note in borrowed if note not in fact.notes))
        return Hit(msgspec.structs.replace(fact, notes=notes), hit.score)


def with_others_notes(
    index: Index, candidates: Sequence[Hit], reach: Reach | None = None
) -> list[Hit]:
    """The candidates, each fact given the notes that correct or contest a fact of another
    pack resting on the same words of the same source (the same address): a user's pack
    restating a claim the built-in pack corrects is corrected too, and says by whom. Only
    with more than one pack in effect (else the candidates as they are), and only facts of
    another pack: within a pack its curators note each fact as they judge it. reach: the
    index's Reach, where a batch keeps it for every line (else read here)."""
    if len(index.catalog.packs) < 2 or not candidates:
        return list(candidates)
    noted = (reach or Reach.of_index(index)).noted
    return [noted(hit) for hit in candidates]


class Reached(NamedTuple):
    """A fact that another pack's curator note reaches (see Reach)."""

    fact: Fact
    """The fact reached."""
    noted: Fact
    """The other pack's fact whose note it is."""
    note: Note
    """The note, which corrects or contests noted's claim."""

    def __str__(self) -> str:
        """As `tq validate` says it on stderr, at the fact's table."""
        fact, noted, note = self
        verb = "corrects" if note.stance is NoteStance.CORRECTS else "contests"
        return (
            f"{fact.where}: note: {fact.kind.value} {fact.id!r} rests on the same words of the "
            f"same source as {noted.id!r} (pack {noted.pack}), whose curators' note {verb} its "
            f"claim; queries show the note with it: {note.text}"
        )


def reached(catalog: Catalog) -> list[Reached]:
    """Every fact of a loaded catalog that another pack's note reaches (see Reach), with the
    fact noted and the note, in load order: what `tq validate` tells a pack's authors."""
    if len(catalog.packs) < 2:
        return []
    disputed = [fact for fact in catalog.facts if Standing.of(fact.standing()) is not None]
    if not disputed:
        return []
    reach = Reach(disputed, catalog.sources.get)
    # A pack that defines the noted fact too (a copy of the other, whose ids are duplicates)
    # has judged it itself: within a pack a note reaches only its own fact.
    ids: dict[str, set[str]] = {}
    for fact in catalog.facts:
        ids.setdefault(fact.pack, set()).add(fact.id)
    return [
        Reached(fact, other, note)
        for fact in catalog.facts
        for other, note in reach.reaching(fact)
        if other.id not in ids[fact.pack]
    ]
