"""tq ask on questions made of the built-in pack's own words in question forms: whatever the
words, an answer, a partial answer or none (or a domain error the command phrases), never
another exception (a crash costs a batch every
line after it: stranger 17's "how much did the students pay?")."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcli.ask import answer
from tqcli.errors import TqError
from tqcli.index import in_memory
from tqcli.model import Filters
from tqcli.packs import packs_in_effect

BUILTIN = in_memory(packs_in_effect([], environ={}))
_WORDS = sorted(
    {word for hit in BUILTIN.browse(Filters()) for word in re.findall(r"[\w'’-]+", hit.fact.claim)}
)
_OPENINGS = [
    "how much", "how many", "how long", "who", "whom", "whose", "when", "what", "which",
    "where", "why", "how", "did", "was", "is", "were", "has", "what did", "who said", "",
]  # fmt: skip
_AUXILIARIES = ["did", "does", "do", "was", "is", "were", "has", "had", "will", "the", ""]


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(_OPENINGS),
    st.sampled_from(_AUXILIARIES),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
    st.sampled_from(["?", "", "."]),
)
def test_ask_answers_any_question_of_the_packs_words_without_raising(
    opening: str, auxiliary: str, words: list[str], end: str
) -> None:
    question = " ".join(part for part in (opening, auxiliary, *words) if part) + end

    try:
        found = answer(BUILTIN, question, limit=3)
    except TqError:
        return  # a domain error ("no question in '?'"): the command says it, exit 2
    assert len(found.replies) == len(found.hits)


def test_a_figure_question_naming_nothing_counted_is_answered_without_raising() -> None:
    for question in (
        "How much did the students pay?",
        "My students want to know: how much did bin Laden pay the Taliban each year?",
        "How much did the girls pay?",
    ):
        found = answer(BUILTIN, question, limit=3)
        assert len(found.replies) == len(found.hits)
