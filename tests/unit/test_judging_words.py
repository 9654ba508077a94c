"""What ask reads once of a claim or a name, against reading it anew (the formulas it replaced)."""

from __future__ import annotations

import re

from tqcli.ask.claims import claim_words, fold_word
from tqcli.ask.lookups import Lookups, head
from tqcli.ask.words import FUNCTION_WORDS
from tqcli.index import in_memory
from tqcli.model import Filters
from tqcli.packs import packs_in_effect
from tqcli.textnorm import stem, tokens

BUILTIN = in_memory(packs_in_effect([], environ={}))
FACTS = [hit.fact for hit in BUILTIN.browse(Filters())]


def test_a_claims_words_are_read_as_before() -> None:
    assert len(FACTS) > 100
    for fact in FACTS:
        for claim in (fact.claim, f"{fact.claim} — Zawahiri’s 2,996 ÉTÉ"):
            spans, folded, stems = claim_words(claim)
            fresh = list(re.finditer(r"\w+", claim))
            assert [span.span() for span in spans] == [span.span() for span in fresh]
            assert list(folded) == [fold_word(span.group()) for span in fresh]
            assert list(stems) == [stem(fold_word(span.group())) for span in fresh]
            assert claim_words(claim) is claim_words(claim)


def test_the_names_of_every_entity_are_read_as_before() -> None:
    lookups = Lookups(BUILTIN)
    lookups.names(FACTS)
    entities = {entity_id for fact in FACTS for entity_id in fact.entities()}
    assert len(entities) > 50
    found = BUILTIN.entity_names(sorted(entities))
    for entity_id in entities:
        written = sorted(found.get(entity_id, [entity_id]), key=lambda name: (-len(name), name))
        words = [tokens(name) for name in written]
        each = [frozenset(name) - FUNCTION_WORDS or frozenset(name) for name in words]
        assert lookups.name_words(entity_id) == frozenset().union(*each) - FUNCTION_WORDS
        assert (
            lookups.heads(entity_id)
            == frozenset(
                head(name, name_words) for name, name_words in zip(written, words, strict=True)
            )
            - FUNCTION_WORDS
        )
        assert lookups.written_names(entity_id) == [
            frozenset(w for w in re.findall(r"\w+", name) if stem(w) not in FUNCTION_WORDS)
            for name in written
        ]
        for question_words in (words[0], [*words[-1], "taliban"], ["bin", "laden"]):
            assert lookups.named_in(entity_id, question_words) == any(
                len(name & set(question_words)) * 2 > len(name) for name in each
            )
