"""The index lookups that answering one question needs, each made once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tqcli.ask.words import FUNCTION_WORDS, WORD
from tqcli.index import Index
from tqcli.model import EntityKind, Fact
from tqcli.textnorm import folded_words, stem, tokens

if TYPE_CHECKING:
    from tqcli.ask.roles import Role


class Lookups:
    """The index lookups answering one question needs, each made once."""

    def __init__(self, index: Index) -> None:
        self.catalog = index.catalog
        self.facts = max(index.facts_count(), 1)
        self._index = index
        self._frequency: dict[str, int] = {}
        self._names: dict[str, frozenset[str]] = {}
        self._each_name: dict[str, list[frozenset[str]]] = {}
        self._last_words: dict[str, list[str]] = {}
        self._asked: dict[str, frozenset[str]] = {}
        self._written: dict[str, list[frozenset[str]]] = {}
        self._people_in: dict[str, frozenset[str]] = {}
        self.role: Role | None = None
        """The role a "who" question asks about, once read (see _read_role)."""
        self.out_of_role: set[str] = set()
        """The facts whose names all play another role than the one a "who" asks (in_role)."""
        self.counted_in_claim: set[str] = set()
        """The figures whose unit counts others than a "how many" asks, and whose claim gives a
        count of those asked (see _fits)."""
        self.by_post: dict[str, str] = {}
        """For "who": the facts whose claim gives the role asked to one it names only by a post
        ("the Afghan Taliban's chief", see holder_by_post), with that phrase."""
        self.holding: dict[tuple[str, str], bool] = {}
        """Whether a fact says a person holds the role asked about (see _holds), once worked out."""

    def frequency(self, word: str) -> int:
        """How many facts use the (folded, stemmed) word."""
        if word not in self._frequency:
            self._frequency[word] = self._index.frequency(word)
        return self._frequency[word]

    def names(self, facts: Iterable[Fact]) -> None:
        """Read the names of every entity these facts name, at once."""
        self.entity_names({entity_id for fact in facts for entity_id in fact.entities()})

    def entity_names(self, entity_ids: Iterable[str]) -> None:
        """Read the names of these entities, at once (see names)."""
        wanted = set(entity_ids) - self._names.keys()
        if not wanted:
            return
        found = self._index.entity_name_words(sorted(wanted))
        if len(self.catalog.packs) > 1:
            self._with_twins_names(wanted, found)
        for entity_id in wanted:
            # A name's function words do not name it ("as" of "as-Sahab", "of" of "Islamic
            # Emirate of Afghanistan").
            # Longest first, in one order from run to run (the index gives them in an order
            # that follows string hashing): where two names match at a word, the longer wins.
            written = sorted(
                found.get(entity_id, [(entity_id, None)]), key=lambda kept: (-len(kept[0]), kept[0])
            )
            each: list[frozenset[str]] = []
            last: list[str] = []
            spelled: list[frozenset[str]] = []
            for name, stored in written:
                if stored is not None:  # as the index keeps a name: folded, its tokens() kept
                    words = stored.split()
                    raw = folded_words(name)
                    raw_stems = words  # (the words of a folded name are those it stems)
                else:  # no name in the index: the entity's id, read as the index reads a name
                    words = tokens(name)
                    raw = WORD.findall(name)
                    raw_stems = [stem(word) for word in raw]
                stems = frozenset(words)
                each.append(stems - FUNCTION_WORDS or stems)
                last.append(head(name, words))
                spelled.append(  # the index keeps names folded
                    frozenset(raw)  # (most names: no function word to leave out, no loop)
                    if FUNCTION_WORDS.isdisjoint(raw_stems)
                    else frozenset(
                        w for w, s in zip(raw, raw_stems, strict=True) if s not in FUNCTION_WORDS
                    )
                )
            self._each_name[entity_id] = each
            self._last_words[entity_id] = last
            self._written[entity_id] = spelled
            self._names[entity_id] = frozenset().union(*each) - FUNCTION_WORDS

    def _with_twins_names(
        self, wanted: Iterable[str], found: dict[str, list[tuple[str, str]]]
    ) -> None:
        """Give each entity the names of its twins: those its pack links by same_as, and the
        entities of the same kind and name in other packs ("Asfandyar Mir" in a user's pack,
        with the alias "Mir", and in the built-in one), which are one person to the reader: an
        alias one pack gives names the other pack's twin too ("Who is Mir?" is answered by the
        built-in pack's fact on Asfandyar Mir)."""
        entities = self.catalog.entities
        twins: dict[str, list[str]] = {}
        for entity_id in wanted:
            entity = entities.get(entity_id)
            if entity is None:
                continue
            same = set(self.catalog.same_entities(entity_id)) | {
                other.id
                for other in self._index.entities_named(entity.name)
                if other.pack != entity.pack
                and other.kind is entity.kind
                and folded_words(other.name.lower()) == folded_words(entity.name.lower())
            }
            same.discard(entity_id)
            if same:
                twins[entity_id] = sorted(same)
        if not twins:
            return
        more = self._index.entity_name_words(sorted({t for ids in twins.values() for t in ids}))
        for entity_id, ids in twins.items():
            names = found.setdefault(entity_id, [])
            known = {name for name, _ in names}
            names += [
                (name, words)
                for twin in ids
                for name, words in more.get(twin, [])
                if name not in known
            ]

    def people_written_in(self, text: str) -> frozenset[str]:
        """The people of the packs (any, not only those the candidates name) whose name or an
        alias the text writes in full, opening with a capital as English writes a name ("Osama
        bin Laden"); their names are then read (see names)."""
        if text not in self._people_in:
            written = WORD.findall(text)
            found = {
                entity.id
                for start, first in enumerate(written)
                if first[:1].isupper()
                for end in range(start + 1, min(start + _NAME_WORDS, len(written)) + 1)
                for entity in self._index.entities_named(" ".join(written[start:end]))
                if entity.kind is EntityKind.PERSON
            }
            self.entity_names(found)
            self._people_in[text] = frozenset(found)
        return self._people_in[text]

    def all_written(self) -> list[tuple[str, list[frozenset[str]]]]:
        """Each entity names() has read, with its written names (see written_names)."""
        return list(self._written.items())

    def name_words(self, entity_id: str) -> frozenset[str]:
        """The words of all an entity's names and aliases, once names() has read them."""
        return self._names.get(entity_id, frozenset())

    def written_names(self, entity_id: str) -> list[frozenset[str]]:
        """Each of an entity's names as its words are written (folded, not stemmed), less its
        function words."""
        return self._written.get(entity_id, [])

    def asked_names(self, entity_id: str, weights: dict[str, float]) -> frozenset[str]:
        """words_named for the question's words (its weights), worked out once an entity: one
        Lookups serves one question."""
        if entity_id not in self._asked:
            self._asked[entity_id] = self.words_named(entity_id, weights)
        return self._asked[entity_id]

    def words_named(self, entity_id: str, words: Iterable[str]) -> frozenset[str]:
        """The words of those of an entity's names that words name: most of their words and
        the last, which English makes the head of a name ("bin Laden" does not name al-Qaeda by
        its aliases "Usama Bin Laden Network" or "bin Laden's organisation")."""
        present = set(words)
        each = self._each_name.get(entity_id, [])
        last = self._last_words.get(entity_id, [])
        return frozenset().union(
            *(
                name
                for name, head in zip(each, last, strict=True)
                if len(name & present) * 2 > len(name) and head in present
            )
        )

    def heads(self, entity_id: str) -> frozenset[str]:
        """The last word of each of an entity's names (see words_named)."""
        return frozenset(self._last_words.get(entity_id, [])) - FUNCTION_WORDS

    def named_in(self, entity_id: str, words: Iterable[str]) -> bool:
        """Whether words name the entity: most of the words of one of its names ("bin Laden",
        not the "al" of "al-Zawahiri" in a question about al-Qaeda)."""
        present = set(words)
        return any(
            len(name & present) * 2 > len(name) for name in self._each_name.get(entity_id, [])
        )


_NAME_WORDS = 4
"""The most words of a person's name looked up in full (see Lookups.people_written_in)."""


def head(name: str, words: Sequence[str]) -> str:
    """The head of a name (folded), as its stemmed word: its last word before any "of", "for",
    "in" or "on" ("Islamic Emirate of Afghanistan": Emirate)."""
    for joint in (" of ", " for ", " in ", " on "):
        if joint in name:
            before = tokens(name.split(joint, maxsplit=1)[0])
            return before[-1] if before else (words[-1] if words else "")
    return words[-1] if words else ""
