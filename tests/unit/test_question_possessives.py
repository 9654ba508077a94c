"""ask's possessives ("the Taliban's", "the UN’s"), taken off each apostrophe apart, are those the
one pattern of both (words.POSSESSIVE) takes off."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tqcli.ask.question import without_possessives
from tqcli.ask.words import POSSESSIVE


@given(st.text(alphabet="ab1_ s'’\u00e9-", max_size=12) | st.text(max_size=12))
def test_possessives_are_removed_as_possessive_removes_them(text: str) -> None:
    assert without_possessives(text) == POSSESSIVE.sub("", text)
