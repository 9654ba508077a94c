"""A question in the Arabic script read as the romanised words the facts hold."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tqcli.index import Index


def romanised(index: Index, question: str) -> str:
    """A question with words in the Arabic script read as the romanised words the facts hold
    (as search reads them), less its function words ("من هو سيف العدل": saif adel). A word it
    cannot read stays, for an answer to account for (and none will: a partial answer at best);
    what is asked is read from the English words, if any."""
    from tqcli.skeletons import FUNCTION_WORDS, unvocalized

    if not unvocalized(question):
        return question
    read = [word for word in index.romanised([question]) if word not in FUNCTION_WORDS]
    return " ".join(read) or question


def as_typed(index: Index, question: str, words: Sequence[str]) -> tuple[str, ...]:
    """Words tq read a question's words as (what a partial answer does not cover), each as the
    question typed it: a word of another script tq could not read is shown as typed ("زمانی",
    not the letters "zmny" its transliteration gives), and so is one it read as a word of the
    facts ("طالبان", read as "taliban"). Words typed in ASCII stay as they are."""
    from tqcli.textnorm import fold

    typed: dict[str, str] = {}
    for word in re.findall(r"[\w\u200c]+", question):
        if word.isascii():
            continue
        for read in (*re.findall(r"\w+", fold(word)), *index.romanised([word])):
            typed.setdefault(read.lower(), word)
    return tuple(typed.get(word.lower(), word) for word in words)
