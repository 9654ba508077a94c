"""Evaluate `tq ask` on a question set: recall@1, recall@3, MRR and false answers, beside a plain
BM25 baseline (`tq search` on the question's words) over the same facts.

    python bench/evaluate_ask.py             # the built-in pack, tests/eval/ask-questions.toml
    python bench/evaluate_ask.py --verbose   # also every question ranked below 1
    python bench/evaluate_ask.py --questions tests/eval/ask-holdout-2.toml   # never tuned on
    python bench/evaluate_ask.py --questions tests/eval/blind-1.toml   # written blind, strict

A question names its answer either by fact id (`answers`, the sets written from the pack) or by
the words the answer must contain (`expect`, the blind sets, written without seeing the pack):
then a fact counts only where its own words -- claim, figure, quoted words and speaker,
measures, commitments, date -- contain one of those strings, compared with case, accents and
punctuation folded. Entity descriptions, tags and curator notes do not count.

The CI floor (tests/test_ask.py) runs the same evaluation on the tuning set.
"""

from __future__ import annotations

import argparse
import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import tomli

from tqcli.ask import answer
from tqcli.index import Index, in_memory
from tqcli.model import Fact, Filters
from tqcli.packs import packs_in_effect
from tqcli.render.layout import key_values
from tqcli.textnorm import fold

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "eval" / "ask-questions.toml"


@dataclass(frozen=True)
class Scores:
    """How well a ranker answers a question set."""

    recall_at_1: float
    recall_at_3: float
    mrr: float
    false_answers: int
    declined: int  # answerable questions given no answer at all (declined, or only partial)
    unanswerable: int
    misses: tuple[tuple[str, int | None], ...]  # questions not answered first, with their rank
    answered_unanswerable: tuple[tuple[str, str], ...] = ()  # question, the fact given first


_MONTHS = list(calendar.month_name)[1:]


def _folded_words(text: str) -> str:
    # A possessive is its word and an "s" ("Bush's" holds "Bush"); folding alone would make it
    # one word ("bushs"), as it drops the apostrophe.
    return " " + " ".join(re.findall(r"\w+", fold(re.sub(r"['’]s\b", " s", text)))) + " "


def own_words(index: Index, fact_id: str) -> str:
    """A fact's own words, folded: what strict scoring looks for an expected answer in."""
    (hit,) = index.show([fact_id])
    fact: Fact = hit.fact
    parts = [fact.claim, *key_values(fact, index.catalog)]
    if fact.date:
        parts.append(fact.date.isoformat())
        if fact.date.month:
            month = _MONTHS[fact.date.month - 1]
            day = f"{fact.date.day} " if fact.date.day else ""
            parts += [f"{day}{month} {fact.date.year}", f"{month} {day.strip()} {fact.date.year}"]
    return _folded_words(" ".join(parts))


def answers_question(index: Index | None, question: dict[str, object], fact_id: str) -> bool:
    """Whether the fact answers the question: by id, or (strict) by its own words."""
    if "expect" in question:
        if index is None:
            raise ValueError("strict questions need the index to read facts from")
        words = own_words(index, fact_id)
        expected = question["expect"]
        assert isinstance(expected, list)
        return any(_folded_words(str(text)) in words for text in expected)
    answers = question["answers"]
    assert isinstance(answers, list)
    return fact_id in answers


def evaluate(
    rank: Callable[[str], Sequence[str]], questions: Path = QUESTIONS, index: Index | None = None
) -> Scores:
    """Score rank, which maps a question to fact ids, best first. Strict (`expect`) questions
    need the index the ids come from."""
    data = tomli.loads(questions.read_text(encoding="utf-8"))
    ranks: list[int | None] = []
    misses = []
    declined = 0
    for question in data.get("question", []):
        ids = list(rank(question["text"]))[:10]
        declined += not ids
        position = next(
            (n for n, fact_id in enumerate(ids, 1) if answers_question(index, question, fact_id)),
            None,
        )
        ranks.append(position)
        if position != 1:
            misses.append((question["text"], position))
    unanswerable = [item["text"] for item in data.get("unanswerable", [])]
    answered_unanswerable = tuple(
        (text, ids[0]) for text in unanswerable if (ids := list(rank(text)))
    )
    false_answers = len(answered_unanswerable)
    total = len(ranks) or 1  # a set of unanswerable questions only scores 0 on these
    return Scores(
        recall_at_1=sum(1 for r in ranks if r == 1) / total,
        recall_at_3=sum(1 for r in ranks if r is not None and r <= 3) / total,
        mrr=sum(1 / r for r in ranks if r is not None) / total,
        false_answers=false_answers,
        declined=declined,
        unanswerable=len(unanswerable),
        misses=tuple(misses),
        answered_unanswerable=answered_unanswerable,
    )


def ask_ranker(index: Index) -> Callable[[str], list[str]]:
    """`tq ask`'s facts, when it gives an answer; none when it declines or answers only in part
    (a partial answer is not offered as the answer, so it neither answers nor misleads)."""

    def rank(question: str) -> list[str]:
        found = answer(index, question, limit=10)
        return [hit.fact.id for hit in found.hits] if found.answered else []

    return rank


def shown_ranker(index: Index) -> Callable[[str], list[str]]:
    """`tq ask`'s facts in the order it shows them, whether it gives them as the answer or as
    partial answers: what a reader sees first, beside what tq asserts (ask_ranker)."""

    def rank(question: str) -> list[str]:
        return [hit.fact.id for hit in answer(index, question, limit=10).hits]

    return rank


def bm25_ranker(index: Index) -> Callable[[str], list[str]]:
    """`tq search` given the question's words (as typed unquoted: one quoted argument would be
    a phrase in the search syntax)."""

    def rank(question: str) -> list[str]:
        try:
            return [hit.fact.id for hit in index.search(question.split(), Filters(), limit=10)]
        except Exception:
            return []

    return rank


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    index = in_memory(packs_in_effect([], environ={}))
    print("| ranker | recall@1 | recall@3 | MRR | unanswerable answered | answerable declined |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    rankers = (
        ("tq ask", ask_ranker(index)),
        ("tq ask, partial answers too", shown_ranker(index)),
        ("BM25 baseline", bm25_ranker(index)),
    )
    for name, ranker in rankers:
        scores = evaluate(ranker, options.questions, index)
        print(
            f"| {name} | {scores.recall_at_1:.3f} | {scores.recall_at_3:.3f} | {scores.mrr:.3f} "
            f"| {scores.false_answers} of {scores.unanswerable} | {scores.declined} |"
        )
        if options.verbose:
            for text, position in scores.misses:
                print(f"|   {name} miss: {text} | rank {position} | | | | |")
            if name == "tq ask":
                for text, fact_id in scores.answered_unanswerable:
                    print(f"|   {name} answered unanswerable: {text} | {fact_id} | | | | |")


if __name__ == "__main__":
    main()
