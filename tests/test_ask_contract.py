"""tq ask keeps docs/json.md's contract on every question of tests/eval: answers before partial
answers, an answer leaves nothing unmatched and is no claim its curators correct (but in a
detail the answer does not give), and a partial
answer names what it leaves out (but for a claim the curators correct)."""

from __future__ import annotations

import re
from functools import cache

import pytest
import tomli

from tqcli.ask import answer
from tqcli.index import Index, in_memory
from tqcli.model import Answers, Match, NoteStance
from tqcli.packs import packs_in_effect

from conftest import REPO

EVAL_SETS = sorted((REPO / "tests" / "eval").glob("*.toml"))


@cache
def _builtin() -> Index:
    return in_memory(packs_in_effect([], environ={}))


def _questions(path: object) -> list[str]:
    assert hasattr(path, "read_text")
    data = tomli.loads(path.read_text(encoding="utf-8"))
    return [item["text"] for kind in ("question", "unanswerable") for item in data.get(kind, [])]


def _broken(question: str, found: Answers) -> list[str]:
    """How the replies to a question break the contract, each said in a line."""
    broken = []
    matches = [reply.match for reply in found.replies]
    if matches != sorted(matches, key=lambda match: match is not Match.ANSWER):
        broken.append(f"{question!r}: a partial answer before an answer")
    for hit, reply in zip(found.hits, found.replies, strict=True):
        fact = hit.fact
        if reply.match is Match.ANSWER and reply.unmatched:
            broken.append(f"{question!r}: answer {fact.id} leaves {reply.unmatched} unmatched")
        if (
            reply.match is Match.PARTIAL
            and not reply.unmatched
            and fact.standing() is not NoteStance.CORRECTS
        ):
            broken.append(f"{question!r}: partial {fact.id} names nothing it leaves out")
        if reply.match is Match.ANSWER and reply.standing_of(fact) is NoteStance.CORRECTS:
            broken.append(f"{question!r}: {fact.id}, which its curators correct, is an answer")
        if reply.standing is not None and (
            fact.standing() is NoteStance.CONTEXT
            or reply.standing is fact.standing()
            or reply.standing is NoteStance.CORRECTS
        ):
            # A reply stands apart from its claim only where the notes on another detail leave
            # it standing (a correction may leave it contested, by another note): never more
            # doubted than its claim.
            broken.append(f"{question!r}: {fact.id}'s answer stands apart from its claim")
    return broken


@pytest.mark.parametrize("path", EVAL_SETS, ids=lambda path: path.stem)
def test_every_reply_keeps_the_json_contract(path: object) -> None:
    index = _builtin()
    broken = [
        line
        for question in _questions(path)
        if re.search(r"\w", question)
        for line in _broken(question, answer(index, question, limit=0))
    ]
    assert not broken, "\n".join(broken)
