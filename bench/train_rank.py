"""Learn the order of `tq ask`'s candidates from some question sets and measure it on others,
beside the rules' order and plain BM25: measured, not shipped (docs/ask-evaluation.md, "Ranking").

    python bench/train_rank.py              # fit on TRAIN files, score HELD_OUT and LOFO
    python bench/train_rank.py --window 20  # the same with ask taking 20 BM25 candidates

Data: every question of tests/eval/*.toml asked through tqcli.ask.consider, each candidate with
FEATURES: what ask has judged (BM25 relevance, the rules' score, coverage, the kind of answer
asked for, words left out) and its claim read against the question (the share of the question's
words it says, by pack rarity and by general-English weight, and of what the question asks of
what it names; how close together and in the question's order it says them; a thing the
question names among its first words; the question's head noun or verb; its length). None
names a word. A candidate is right where it answers the question (bench/evaluate_ask.py's
answers_question: by fact id, or strictly by its own words).

A learned order would reorder candidates within each verdict block (answers; partial answers
about what the question names; the other partial answers), which stay in that order (ask's
decision, not its order). Questions whose order a later rule of ask's redoes (the earliest or
latest date first, roles, "where now") keep it. Two models, with no weight at run time:
- "logit": a conditional logit (softmax over a block's candidates, the likelihood of any right
  one; L2, Newton's method, standardised features folded back), fitted on the first block of
  each question where it holds a right and a wrong candidate (ALL_BLOCKS: every block);
- "swap": a logistic regression on the difference of the rules' first two candidates' features,
  where they share a block and one is right: swap them where it says the second is more likely
  the right one.

Split BY FILE. TRAIN: every set but HELD_OUT (blind-8, blind-9, blind-10: written blind, read by
no ranking work; the rules were only run on them); each model is fitted on TRAIN and scored on
HELD_OUT, and on TRAIN by leaving each file out in turn (LOFO). The rules' hand score was itself
tuned on most TRAIN files, so LOFO there flatters the rules; HELD_OUT is the fair comparison.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import tomli

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate_ask
import tqcli.ask.answering as answering_module
import tqcli.ask.present as present_module
from evaluate_ask import answers_question
from tqcli.ask import Question, consider
from tqcli.ask.answering import PARTIAL_COVERAGE
from tqcli.ask.judging import Judged
from tqcli.index import Index, in_memory
from tqcli.model import Answers, Filters, Match
from tqcli.packs import packs_in_effect
from tqcli.textnorm import stem, tokens

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
HELD_OUT = ("blind-8", "blind-9", "blind-10")
L2 = 1.0
SHOWN = 10

FEATURES = (
    "BM25 relevance, log of its share of the best candidate's",
    "the rules' score, log of its share of the best candidate's",
    "coverage (the question's content weight it accounts for, anywhere)",
    "share of the question's pack rarity its claim says",
    "share of the question's content weight its claim says",
    "the kind of answer asked for",
    "words left out (at most 3) / 3",
    "claim length, log of its words",
    "closeness: the question's words its claim says / the span they take",
    "adjacent content words of the question adjacent in its claim, share",
    "a thing the question names among its claim's first four words",
    "share of the weight of what the question asks of what it names that its claim says",
    "the question's head noun or verb in its claim",
)
"""What a learned order would weigh, per candidate: what ask has judged, and its claim read
against the question (its words, their closeness and order, its subject)."""

_FLOOR = -5.0  # a log share below this is as good as none (a candidate 150 times weaker)


def _log_share(value: float, best: float) -> float:
    return max(math.log(value / best), _FLOOR) if value > 0 and best > 0 else _FLOOR


def features(question: Question, judged: Sequence[Judged]) -> list[list[float]]:
    """Each candidate's FEATURES, in the order given."""
    best_relevance = max((item.hit.score or 0.0) for item in judged)
    best_score = max(item.score for item in judged)
    sequence = [word for word in map(stem, question.text.split()) if word in question.weights]
    pairs = list(itertools.pairwise(sequence))
    rarity = math.fsum(question.rarity.values()) or 1.0
    weight = math.fsum(question.weights.values()) or 1.0
    asked = {word: w for word, w in question.weights.items() if word not in question.named}
    asked_weight = math.fsum(asked.values())
    heads = {word for word in (question.head, question.verb, *question.happened) if word}
    heads = {stem(word) for word in heads}
    # Shares are exact sums (fsum), so a claim saying every word of the question shares exactly
    # 1.0 whatever order the weights are added in.
    rows = []
    for item in judged:
        claim = tokens(item.hit.fact.claim)
        words = set(claim)
        said = {word for word in question.weights if question.group(word) & words}
        saying = set().union(*map(question.group, said))
        positions = [n for n, word in enumerate(claim) if word in saying]
        span = positions[-1] - positions[0] + 1 if len(positions) > 1 else 0
        adjacent = set(itertools.pairwise(claim))
        rows.append(
            [
                _log_share(item.hit.score or 0.0, best_relevance),
                _log_share(item.score, best_score),
                item.coverage,
                math.fsum(question.rarity.get(word, 0.0) for word in said) / rarity,
                math.fsum(question.weights[word] for word in said) / weight,
                float(item.fits),
                min(len(item.reply.unmatched), 3) / 3,
                math.log(1 + len(claim)),
                len(said) / span if span else 0.0,
                sum(pair in adjacent for pair in pairs) / len(pairs) if pairs else 0.0,
                float(bool(question.named & set(claim[:4]))),
                math.fsum(w for word, w in asked.items() if word in said) / asked_weight
                if asked_weight
                else 0.0,
                float(bool(heads & saying)) if heads else 0.0,
            ]
        )
    return rows


@dataclass
class Asked:
    """One question, its candidates as the rules judge them, and which answer it."""

    set: str
    text: str
    answerable: bool
    rows: np.ndarray = field(default_factory=lambda: np.zeros((0, len(FEATURES))))
    right: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    blocks: np.ndarray = field(default_factory=lambda: np.zeros(0, int))  # verdict block
    ids: list[str] = field(default_factory=list)  # the candidates' fact ids, as rows
    final: list[int] = field(default_factory=list)  # the order ask gave (indices into rows)
    kept: bool = False  # a later rule of ask's redid the order: it stays
    answered: bool = False  # ask gives an answer (a candidate judged an answer is shown)
    bm25_right: list[bool] = field(default_factory=list)  # `tq search`'s first SHOWN
    in_window: bool = False  # a right fact is among ask's candidates
    in_pack: bool = False  # a right fact is in the pack at all
    bm25_position: int | None = None  # the right fact's rank by ask's words, in the whole pack


def _block(item: Judged) -> int:
    return 2 * (item.reply.match is not Match.ANSWER) + item.elsewhere


def collect(index: Index, paths: Sequence[Path]) -> list[Asked]:
    """Every question of the sets, with its candidates judged and featured."""
    all_ids = sorted(index.fact_ids())
    asked = []
    for path in paths:
        data = tomli.loads(path.read_text(encoding="utf-8"))
        pairs = [(q, True) for q in data.get("question", [])]
        pairs += [(q, False) for q in data.get("unanswerable", [])]
        asked += [_one(index, path.stem, q, answerable, all_ids) for q, answerable in pairs]
    return asked


def _one(
    index: Index, name: str, question: dict[str, object], answerable: bool, all_ids: list[str]
) -> Asked:
    text = str(question["text"])

    def right_of(fact_id: str) -> bool:
        return answerable and answers_question(index, question, fact_id)

    try:
        searched = [h.fact.id for h in index.search(text.split(), Filters(), limit=SHOWN)]
    except Exception:  # a question that is no valid search finds nothing
        searched = []
    one = Asked(name, text, answerable, bm25_right=[right_of(i) for i in searched])
    one.in_pack = answerable and any(map(right_of, all_ids))
    considered = consider(index, text)
    if isinstance(considered, Answers):
        return one
    read, judged = considered.read, considered.judged
    one.ids = [item.hit.fact.id for item in judged]
    one.rows = np.array(features(read, judged))
    one.right = np.array([right_of(i) for i in one.ids])
    one.blocks = np.array([_block(item) for item in judged])
    one.final = list(range(len(judged)))
    # The rules' order is answers first, then partial answers about what the question names,
    # each by score; where ask's later rules (dates, roles, "where now") reorder, it stays.
    one.kept = sorted(judged, key=Judged.rank) != judged
    declined = max(item.coverage for item in judged) < PARTIAL_COVERAGE
    one.answered = not declined and any(item.reply.match is Match.ANSWER for item in judged[:SHOWN])
    one.in_window = bool(one.right.any())
    if one.in_pack:
        words = sorted(set().union(*map(read.group, read.weights)))
        ranked = [hit.fact.id for hit in index.ranked(words, Filters(), 100_000)]
        one.bm25_position = next((n for n, i in enumerate(ranked, 1) if right_of(i)), None)
    return one


Ranker = Callable[[Asked], list[int]]
"""A question's candidates in the order a ranker gives them (indices into its rows)."""


def rules(question: Asked) -> list[int]:
    return question.final


def by_weights(weights: np.ndarray) -> Ranker:
    """Within each verdict block, by the weighted features (questions kept: the rules)."""

    def ranked(question: Asked) -> list[int]:
        if question.kept:
            return question.final
        scores = question.rows @ weights
        return sorted(range(len(scores)), key=lambda n: (question.blocks[n], -scores[n]))

    return ranked


def by_swapping(weights: np.ndarray) -> Ranker:
    """The rules' order, its first two swapped where the swap model says so."""

    def ranked(question: Asked) -> list[int]:
        order = list(question.final)
        pair = _top_two(question)
        if pair and _difference(question, *pair) @ weights > 0:
            order[0], order[1] = order[1], order[0]
        return order

    return ranked


def _top_two(question: Asked) -> tuple[int, int] | None:
    if question.kept or len(question.final) < 2:
        return None
    first, second = question.final[:2]
    return (first, second) if question.blocks[first] == question.blocks[second] else None


def _difference(question: Asked, first: int, second: int) -> np.ndarray:
    return np.concatenate([[1.0], question.rows[second] - question.rows[first]])


@dataclass
class Scores:
    """bench/evaluate_ask.py's recall, for what ask gives as the answer and for what it shows."""

    answerable: int = 0
    first: int = 0  # ask gives the right fact first, as the answer
    in_3: int = 0
    shown_first: int = 0  # the right fact shown first, answer or partial
    shown_in_3: int = 0

    def add(self, question: Asked, ranked: list[int]) -> None:
        if not question.answerable:
            return
        self.answerable += 1
        right = [bool(question.right[n]) for n in ranked[:SHOWN]]
        self.shown_first += bool(right) and right[0]
        self.shown_in_3 += any(right[:3])
        if question.answered:
            self.first += bool(right) and right[0]
            self.in_3 += any(right[:3])

    def __str__(self) -> str:
        n = self.answerable or 1
        return (
            f"{self.first / n:.3f} / {self.in_3 / n:.3f} "
            f"({self.shown_first / n:.3f} / {self.shown_in_3 / n:.3f})"
        )


def bm25_scores(questions: Sequence[Asked]) -> str:
    answerable = [q for q in questions if q.answerable]
    n = len(answerable) or 1
    first = sum(bool(q.bm25_right) and q.bm25_right[0] for q in answerable)
    in_3 = sum(any(q.bm25_right[:3]) for q in answerable)
    return f"{first / n:.3f} / {in_3 / n:.3f}"


def fit_logit(questions: Sequence[Asked], all_blocks: bool = False) -> np.ndarray:
    """The conditional logit's weights (see the module docstring), in FEATURES' units."""
    groups = []
    for question in questions:
        if question.kept or not len(question.rows):
            continue
        for block in set(question.blocks.tolist()) if all_blocks else [question.blocks.min()]:
            members = question.blocks == block
            right = question.right[members]
            if right.any() and not right.all():
                groups.append((question.rows[members], right))
    every = np.vstack([rows for rows, _ in groups])
    mean, scale = every.mean(axis=0), every.std(axis=0)
    scale[scale == 0] = 1.0
    standard = [((rows - mean) / scale, right) for rows, right in groups]
    weights = np.zeros(every.shape[1])
    for _ in range(50):
        gradient = L2 * weights
        hessian = L2 * np.eye(len(weights))
        for rows, right in standard:
            p = np.exp(rows @ weights - (rows @ weights).max())
            p /= p.sum()
            q = p * right
            q = q / q.sum() if q.sum() > 0 else right / right.sum()  # given one is right
            mean_p, mean_q = p @ rows, q @ rows
            gradient -= mean_q - mean_p
            hessian += (rows * p[:, None]).T @ rows - np.outer(mean_p, mean_p)
            hessian -= (rows * q[:, None]).T @ rows - np.outer(mean_q, mean_q)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-10:
            break
    return weights / scale  # a constant shift within a block changes no order


def fit_swap(questions: Sequence[Asked]) -> np.ndarray:
    """Logistic regression (L2 but on the bias, Newton's method): is the second the right one?"""
    rows, labels = [], []
    for question in questions:
        pair = _top_two(question)
        if question.answerable and pair and question.right[pair[0]] != question.right[pair[1]]:
            rows.append(_difference(question, *pair))
            labels.append(float(question.right[pair[1]]))
    x, y = np.array(rows), np.array(labels)
    weights = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(x @ weights)))
        gradient = x.T @ (p - y) + penalty * weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-10:
            break
    return weights


MODELS: dict[str, Callable[[Sequence[Asked]], Ranker]] = {
    "logit, first block": lambda train: by_weights(fit_logit(train)),
    "logit, every block": lambda train: by_weights(fit_logit(train, all_blocks=True)),
    "swap the first two": lambda train: by_swapping(fit_swap(train)),
}


def table(rows: Sequence[tuple[str, Sequence[Asked], Sequence[Ranker]]]) -> None:
    print("| set | answerable | rules | " + " | ".join(MODELS) + " | BM25 (`tq search`) |")
    print("| --- | ---: |" + " --- |" * (len(MODELS) + 2))
    for name, questions, rankers in rows:
        cells = []
        for ranker in (rules, *rankers):
            scores = Scores()
            for q in questions:
                scores.add(q, ranker(q))
            cells.append(str(scores))
        answerable = sum(q.answerable for q in questions)
        print(f"| {name} | {answerable} | " + " | ".join(cells) + f" | {bm25_scores(questions)} |")


def window(questions: Sequence[Asked]) -> None:
    answerable = [q for q in questions if q.answerable]
    in_pack = [q for q in answerable if q.in_pack]
    outside = [q for q in in_pack if not q.in_window]
    print(
        f"\nCandidate window ({_CANDIDATES_NOW[0]}): {len(answerable)} answerable, "
        f"{len(in_pack)} with a right fact in the pack, {len(in_pack) - len(outside)} with one "
        f"among ask's candidates, {len(outside)} outside; by ask's words their best right fact "
        "ranks: " + ", ".join(str(q.bm25_position) for q in sorted(outside, key=_position))
    )


def headroom(questions: Sequence[Asked]) -> None:
    """Where the rules' first place is lost: what an order within a block could win."""
    answerable = [q for q in questions if q.answerable and len(q.rows) and q.right.any()]
    free = [q for q in answerable if not q.kept]
    in_first = [q for q in free if q.right[q.blocks == q.blocks.min()].any()]
    first_right = sum(bool(q.right[q.final[0]]) for q in in_first)
    print(
        f"\n{len(answerable)} answerable questions with a right candidate; {len(free)} in the "
        f"rules' own order; {len(in_first)} with a right one in the first block, first for "
        f"{first_right}: at most {len(in_first) - first_right} first places for a new order."
    )


def _position(question: Asked) -> int:
    return question.bm25_position or 10**9


_CANDIDATES_NOW = [0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--window", type=int, help="the BM25 candidates ask judges")
    options = parser.parse_args()
    if options.window:
        # (consider's window, and the judged facts present's rules look through)
        answering_module.CANDIDATES = present_module.CANDIDATES = options.window
    _CANDIDATES_NOW[0] = answering_module.CANDIDATES
    index = in_memory(packs_in_effect([], environ={}))
    # A fact's own words, read once: each question looks for its answer in every fact.
    evaluate_ask.own_words = functools.lru_cache(maxsize=None)(evaluate_ask.own_words)
    paths = sorted(EVAL.glob("*.toml"))
    questions = collect(index, paths)
    names = [path.stem for path in paths]
    train = [q for q in questions if q.set not in HELD_OUT]
    print(f"{len(questions)} questions; TRAIN {len(train)} in {len(names) - len(HELD_OUT)} files")
    print("\nrecall@1 / recall@3 as the answer (as shown first, answer or partial)")
    print("\nHeld out, each model fitted on TRAIN:\n")
    fitted = [make(train) for make in MODELS.values()]
    held_out = [q for q in questions if q.set in HELD_OUT]
    table(
        [(name, [q for q in held_out if q.set == name], fitted) for name in HELD_OUT]
        + [("**held out**", held_out, fitted)]
    )
    print("\nTRAIN, each file scored by models fitted on the other files (LOFO):\n")
    rows = []
    for name in (n for n in names if n not in HELD_OUT):
        others = [q for q in train if q.set != name]
        rows.append(
            (name, [q for q in train if q.set == name], [m(others) for m in MODELS.values()])
        )
    table(rows)
    lofo = {id(q): ranker for name, qs, rankers in rows for q in qs for ranker in [rankers]}
    print("\nTRAIN, LOFO summed:\n")
    print("| rules | " + " | ".join(MODELS) + " |")
    print("| --- |" + " --- |" * len(MODELS))
    sums = [Scores() for _ in range(len(MODELS) + 1)]
    for q in train:
        for scores, ranker in zip(sums, (rules, *lofo[id(q)]), strict=True):
            scores.add(q, ranker(q))
    print("| " + " | ".join(map(str, sums)) + " |")
    headroom(train)
    window(questions)
    print("\nThe first-block logit fitted on TRAIN (FEATURES' units):")
    for name, weight in zip(FEATURES, fit_logit(train), strict=True):
        print(f"  {weight:+.3f}  {name}")


if __name__ == "__main__":
    main()
