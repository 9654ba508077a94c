"""Evaluate `tq ask` on a question set: recall@1, recall@3, MRR and false answers, beside a plain
BM25 baseline (`tq search` on the question's words) over the same facts.

    python bench/evaluate_ask.py             # the built-in pack, tests/eval/ask-questions.toml
    python bench/evaluate_ask.py --verbose   # also every question ranked below 1
    python bench/evaluate_ask.py --questions tests/eval/ask-holdout-2.toml   # never tuned on

The CI floor (tests/test_ask.py) runs the same evaluation on the tuning set.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import tomli

from tqcli.ask import answer
from tqcli.index import Index, in_memory
from tqcli.model import Filters
from tqcli.packs import packs_in_effect

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "eval" / "ask-questions.toml"


@dataclass(frozen=True)
class Scores:
    """How well a ranker answers a question set."""

    recall_at_1: float
    recall_at_3: float
    mrr: float
    false_answers: int
    unanswerable: int
    misses: tuple[tuple[str, int | None], ...]  # questions not answered first, with their rank


def evaluate(rank: Callable[[str], Sequence[str]], questions: Path = QUESTIONS) -> Scores:
    """Score rank, which maps a question to fact ids, best first."""
    data = tomli.loads(questions.read_text(encoding="utf-8"))
    ranks: list[int | None] = []
    misses = []
    for question in data["question"]:
        ids = list(rank(question["text"]))[:10]
        position = next(
            (n for n, fact_id in enumerate(ids, 1) if fact_id in question["answers"]), None
        )
        ranks.append(position)
        if position != 1:
            misses.append((question["text"], position))
    unanswerable = [item["text"] for item in data.get("unanswerable", [])]
    false_answers = sum(1 for text in unanswerable if rank(text))
    total = len(ranks)
    return Scores(
        recall_at_1=sum(1 for r in ranks if r == 1) / total,
        recall_at_3=sum(1 for r in ranks if r is not None and r <= 3) / total,
        mrr=sum(1 / r for r in ranks if r is not None) / total,
        false_answers=false_answers,
        unanswerable=len(unanswerable),
        misses=tuple(misses),
    )


def ask_ranker(index: Index) -> Callable[[str], list[str]]:
    return lambda question: [hit.fact.id for hit in answer(index, question, limit=10).hits]


def bm25_ranker(index: Index) -> Callable[[str], list[str]]:
    def rank(question: str) -> list[str]:
        try:
            return [hit.fact.id for hit in index.search([question], Filters(), limit=10)]
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
    print("| ranker | recall@1 | recall@3 | MRR | unanswerable answered |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, ranker in (("tq ask", ask_ranker(index)), ("BM25 baseline", bm25_ranker(index))):
        scores = evaluate(ranker, options.questions)
        print(
            f"| {name} | {scores.recall_at_1:.3f} | {scores.recall_at_3:.3f} | {scores.mrr:.3f} "
            f"| {scores.false_answers} of {scores.unanswerable} |"
        )
        if options.verbose:
            for text, position in scores.misses:
                print(f"|   {name} miss: {text} | rank {position} | | | |")


if __name__ == "__main__":
    main()
