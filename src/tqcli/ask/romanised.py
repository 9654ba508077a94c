"""A question in the Arabic script read as the romanised words the facts hold."""

from __future__ import annotations

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
