"""Learn `tq ask`'s order and its decision (answer or partial) from the question sets, and
evaluate that honestly, leaving one blind set out at a time, beside ask's rules and BM25.

    python bench/train_ask.py    # the LOSO tables (a few minutes: it judges 1,700 questions)

Ask's rules (tqcli.ask) read a question, judge each candidate fact (tqcli.ask.consider), order
them and give the first as the answer or as a partial one. This script asks whether a model
learned from the committed question sets orders and decides better on a set it was not
trained on. It has not (docs/ask-evaluation.md, "A learned order and decision"): ask keeps its
rules; the script stays so the question can be asked again as the pack and the sets grow.

Data: every question of tests/eval/*.toml. A candidate is right where it answers the question
(bench/evaluate_ask.answers_question: by fact id, or strictly by the fact's own words).
Unanswerable questions, and answerable ones whose answer no candidate holds, have only wrong
candidates: they teach the decision to withhold the answer.

Features (FEATURES), per candidate, from what the rules compute: their verdict and rank, the
question's coverage (anywhere, and in the fact's own words, by general-English rarity), whether
the fact is the kind asked for, whether it is about another thing the question names, its
score and its BM25 relevance relative to the best candidate's, its rank by BM25, how many
words it leaves out, and the kind of answer the question asks for. None names a word.

Model: two logistic regressions (L2, Newton's method): the order, over each candidate's
features; the decision, over the first candidate's features and the field's (first_features):
the first is given as the answer where the decision finds it more likely right than not
(probability 1/2: the plain threshold of a calibrated probability, not tuned), otherwise
every candidate is partial. At run time either would be a dot product with constants.

Evaluation (bench/evaluate_ask.py's metrics: a fact counts only where it is given as the
answer): for each blind set K of BLIND, train on every other question (the in-repo sets and
the other blind sets), score K. Also reported: the variants tried (decision features,
threshold, whether the model may only demote or only promote the rules' verdict), each by
plain LOSO and chosen by a nested LOSO (inside each fold, on the other blind sets only, the
variant that raises recall@1 without answering more unanswerable questions, else the rules);
and two one-line rules: BM25's first hit first where the rules also judge it an answer, and
the rules' first partial answer promoted at a coverage chosen in the same nested way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tomli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_ask import answers_question
from tqcli.ask import Question, consider
from tqcli.ask.answering import PARTIAL_COVERAGE
from tqcli.ask.claims import own_words
from tqcli.ask.judging import Judged, credit, share
from tqcli.index import Index, in_memory
from tqcli.model import Answers, Catalog, Filters, Match, NoteStance
from tqcli.packs import packs_in_effect
from tqcli.textnorm import tokens

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
BLIND = ("blind-2", "blind-4", "blind-5", "blind-6", "blind-7", "blind-8")
"""The sets left out one at a time: written blind, kept outside the repository until
2026-11-26 (blind-1 was tuned on long before: it only trains)."""
L2 = 1.0
SHOWN = 10  # the facts bench/evaluate_ask.py scores
MOST_LEAD = 5.0

FEATURES = (
    "bias",
    "the rules answer with it",
    "the rules' first",
    "1 / the rules' rank",
    "coverage",
    "coverage by its own words",
    "the kind of answer asked for",
    "about another thing the question names",
    "score / best score",
    "BM25 / best BM25",
    "BM25's first",
    "1 / BM25 rank",
    "words left out (at most 3) / 3",
    "wants a figure",
    "wants a date",
    "wants someone",
    "wants a quote",
    "yes/no question",
    "share of its left-out words its sources' names say",
)


def features(question: Question, judged: Sequence[Judged], catalog: Catalog) -> list[list[float]]:
    """Each candidate's FEATURES, the candidates in the rules' order."""
    best = max(item.score for item in judged) or 1.0
    relevance = [item.hit.score or 0.0 for item in judged]
    top_relevance = max(relevance) or 1.0
    by_relevance = sorted(range(len(judged)), key=lambda n: -relevance[n])
    bm25_rank = {n: rank for rank, n in enumerate(by_relevance, 1)}
    wants = question.wants.value
    asked = [float(wants == kind) for kind in ("figure", "date", "someone", "quote")]
    return [
        [
            1.0,
            float(item.reply.match is Match.ANSWER),
            float(n == 0),
            1.0 / (n + 1),
            item.coverage,
            _own_coverage(question, item),
            float(item.fits),
            float(item.elsewhere),
            item.score / best,
            relevance[n] / top_relevance,
            float(bm25_rank[n] == 1),
            1.0 / bm25_rank[n],
            min(len(item.reply.unmatched), 3) / 3,
            *asked,
            float(question.polar),
            _said_by_sources(item, catalog),
        ]
        for n, item in enumerate(judged)
    ]


def _own_coverage(question: Question, item: Judged) -> float:
    """The share of the question's content weight the fact's own words account for (not the
    names of what it names, nor its tags), as ask's judging works it out."""
    own = own_words(item.hit.fact)
    return share(question.weights, {w: credit(question, w, own) for w in question.weights})


def _said_by_sources(item: Judged, catalog: Catalog) -> float:
    """The share of the words a candidate leaves out that its sources' titles, publishers,
    authors or kinds say ("according to the Independent", "per the article")."""
    left_out = [set(tokens(word)) for word in item.reply.unmatched]
    if not left_out:
        return 0.0
    sources = [catalog.sources.get(s) for s in item.hit.fact.cited_sources()]
    said = set(
        tokens(
            " ".join(
                f"{s.title} {s.publisher} {s.author or ''} {s.kind.value} "
                f"{'article' if s.kind.value == 'news' else ''}"
                for s in sources
                if s is not None
            )
        )
    )
    return sum(1 for words in left_out if words and words <= said) / len(left_out)


def first_features(rows: np.ndarray, scores: np.ndarray, first: int, variant: str) -> np.ndarray:
    """The decision's features: the first candidate's; with "lead", its lead over the second
    by the order's score (at most MOST_LEAD); with "field", how many candidates the rules
    judge answers and the best coverage; with "score", the first's order score."""
    extra = []
    if "lead" in variant:
        others = np.delete(scores, first)
        extra.append(MOST_LEAD if not len(others) else min(scores[first] - others.max(), MOST_LEAD))
    if "score" in variant:
        extra.append(scores[first])
    if "field" in variant:
        extra += [min(rows[:, 1].sum(), 5) / 5, rows[:, 4].max()]
    return np.concatenate([rows[first], extra])


@dataclass
class Asked:
    """One question and its judged candidates."""

    set: str
    answerable: bool
    rows: np.ndarray  # FEATURES, one row per candidate, in the rules' order
    right: np.ndarray  # whether each candidate answers it
    rules: list[int]  # the candidates the rules give, in order, when they answer (else none)
    declined: bool  # no candidate covers enough: the rules say there is no answer (kept)
    corrected: np.ndarray  # candidates whose curators correct them: never the answer
    bm25_right: list[bool]  # `tq search`'s first SHOWN facts: whether each answers it
    searched_first: int | None  # the candidate that is `tq search`'s first hit, if any


def collect(index: Index, path: Path) -> list[Asked]:
    """Every question of the set, with its candidates judged."""
    data = tomli.loads(path.read_text(encoding="utf-8"))
    pairs = [(q, True) for q in data.get("question", [])]
    pairs += [(q, False) for q in data.get("unanswerable", [])]
    asked = []
    for question, answerable in pairs:
        text = question["text"]
        try:
            searched = [h.fact.id for h in index.search(text.split(), Filters(), limit=SHOWN)]
        except Exception:  # a question that is no valid search finds nothing
            searched = []
        bm25_right = [answerable and answers_question(index, question, i) for i in searched]
        considered = consider(index, text)
        if isinstance(considered, Answers):
            none = np.zeros(0, bool)
            rows = np.zeros((0, len(FEATURES)))
            asked.append(Asked(path.stem, answerable, rows, none, [], True, none, bm25_right, None))
            continue
        read, judged = considered.read, considered.judged
        ids = [item.hit.fact.id for item in judged]
        declined = max(item.coverage for item in judged) < PARTIAL_COVERAGE or (
            read.polar and not any(item.on_point for item in judged)
        )
        shown = judged[:SHOWN]
        gives = not declined and any(item.reply.match is Match.ANSWER for item in shown)
        asked.append(
            Asked(
                path.stem,
                answerable,
                np.array(features(read, judged, index.catalog)),
                np.array([answerable and answers_question(index, question, i) for i in ids]),
                list(range(len(shown))) if gives else [],
                declined,
                np.array([item.hit.fact.standing() is NoteStance.CORRECTS for item in judged]),
                bm25_right,
                ids.index(searched[0]) if searched and searched[0] in ids else None,
            )
        )
    return asked


def logistic(rows: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Logistic regression weights (L2 on all but the first column, the bias), by Newton's
    method."""
    weights = np.zeros(rows.shape[1])
    penalty = np.full(rows.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(rows @ weights)))
        gradient = rows.T @ (p - labels) + penalty * weights
        hessian = (rows * (p * (1 - p))[:, None]).T @ rows + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-12:
            break
    return weights


@dataclass(frozen=True)
class Variant:
    """A way to learn the decision: its features (first_features), its threshold ("half": a
    probability of 1/2; "cost": the score that does best on the training questions counting
    an unanswerable question answered as two right answers lost and a wrong answer as one),
    and what it may change ("free", or "demote" / "promote" only the rules' verdict)."""

    features: str = "first+lead+score+field"
    threshold: str = "half"
    may: str = "free"

    def __str__(self) -> str:
        return f"{self.features}, {self.threshold}, {self.may}"


DESIGNED = Variant()
"""The variant designed before any evaluation (ask9's plan): the one the fold table shows."""
VARIANTS = tuple(
    Variant(f, t, m)
    for f in ("first", "first+lead", "first+lead+field", "first+lead+score+field")
    for t in ("half", "cost")
    for m in ("free", "demote", "promote")
)


@dataclass
class Model:
    variant: Variant
    order: np.ndarray
    decision: np.ndarray
    threshold: float


def _first(question: Asked, model_order: np.ndarray, variant: Variant) -> tuple[int, np.ndarray]:
    scores = question.rows @ model_order
    first = int(np.argmax(scores))  # the earliest of equals: the rules' order breaks ties
    return first, first_features(question.rows, scores, first, variant.features)


def fit(questions: list[Asked], variant: Variant = DESIGNED) -> Model:
    judged = [q for q in questions if len(q.rows)]
    rows = np.vstack([q.rows for q in judged])
    order = logistic(rows, np.concatenate([q.right for q in judged]).astype(float))
    firsts = [(q, *_first(q, order, variant)) for q in judged if not q.declined]
    decision = logistic(
        np.array([x for _, _, x in firsts]), np.array([float(q.right[n]) for q, n, _ in firsts])
    )
    threshold = 0.0
    if variant.threshold == "cost":
        gains = sorted(
            (
                (float(x @ decision), 1.0 if q.right[n] else (-1.0 if q.answerable else -2.0))
                for q, n, x in firsts
            ),
            reverse=True,
        )
        best, total, threshold = 0.0, 0.0, gains[0][0] + 1.0
        for k, (score, gain) in enumerate(gains):
            total += gain
            below = gains[k + 1][0] if k + 1 < len(gains) else score - 1.0
            if total > best and below < score:
                best, threshold = total, (score + below) / 2
    return Model(variant, order, decision, threshold)


Given = Callable[[Asked], list[bool]]
"""Whether each fact given as an answer answers the question, in order; empty: no answer."""


def by_model(model: Model) -> Given:
    def given(question: Asked) -> list[bool]:
        if question.declined or not len(question.rows):
            return []
        first, x = _first(question, model.order, model.variant)
        answers = float(x @ model.decision) >= model.threshold
        rules_answer = question.rows[first, 1] == 1
        if model.variant.may == "demote":
            answers = answers and rules_answer
        elif model.variant.may == "promote":
            answers = answers or rules_answer
        if not answers or question.corrected[first]:
            return []
        scores = question.rows @ model.order
        ranked = sorted(range(len(scores)), key=lambda n: -scores[n])
        return [bool(question.right[n]) for n in ranked[:SHOWN]]

    return given


def by_rules(question: Asked) -> list[bool]:
    return [bool(question.right[n]) for n in question.rules]


def by_bm25(question: Asked) -> list[bool]:
    return question.bm25_right


def bm25_first_rule(question: Asked) -> list[bool]:
    """The rules, but `tq search`'s first hit first where the rules give it as an answer."""
    order = list(question.rules)
    first = question.searched_first
    if first is not None and first in order and question.rows[first, 1] == 1:
        order.remove(first)
        order.insert(0, first)
    return [bool(question.right[n]) for n in order]


def promoting(coverage: float) -> Given:
    """The rules, but their first partial answer given as the answer where it is the kind asked
    for and covers at least coverage of the question."""

    def given(question: Asked) -> list[bool]:
        if question.rules or question.declined or not len(question.rows):
            return by_rules(question)
        row = question.rows[0]
        if row[4] >= coverage and row[6] == 1 and not question.corrected[0]:
            return [bool(question.right[0])]
        return []

    return given


@dataclass
class Scores:
    right_first: int = 0
    right_in_3: int = 0
    answerable: int = 0
    unanswerable: int = 0
    unanswerable_answered: int = 0
    wrong: int = 0  # answerable questions answered with a wrong fact first

    def add(self, question: Asked, given: list[bool]) -> None:
        if question.answerable:
            self.answerable += 1
            self.right_first += bool(given) and given[0]
            self.right_in_3 += any(given[:3])
            self.wrong += bool(given) and not given[0]
        else:
            self.unanswerable += 1
            self.unanswerable_answered += bool(given)

    def better_than(self, other: Scores) -> bool:
        """The landing rule: recall@1 up, unanswerable questions answered not up."""
        return (
            self.right_first > other.right_first
            and self.unanswerable_answered <= other.unanswerable_answered
        )

    def __str__(self) -> str:
        n = self.answerable or 1
        return (
            f"{self.right_first / n:.3f} ({self.right_first}) / {self.right_in_3 / n:.3f} / "
            f"{self.unanswerable_answered} of {self.unanswerable} / {self.wrong}"
        )


def scored(questions: Sequence[Asked], given: Given) -> Scores:
    scores = Scores()
    for question in questions:
        scores.add(question, given(question))
    return scores


def nested(
    questions: list[Asked], left_out: str, choices: dict[str, Callable[[list[Asked]], Given]]
) -> tuple[str, Given]:
    """The choice that, trained without left_out and each other blind set in turn, beats the
    rules on the landing rule summed over those inner folds by the most recall@1; else the
    rules."""
    inner: dict[str, Scores] = {name: Scores() for name in ["rules", *choices]}
    for other in BLIND:
        if other == left_out:
            continue
        train = [q for q in questions if q.set not in (left_out, other)]
        test = [q for q in questions if q.set == other]
        for name, scores in inner.items():
            given = by_rules if name == "rules" else choices[name](train)
            for q in test:
                scores.add(q, given(q))
    winners = [name for name in choices if inner[name].better_than(inner["rules"])]
    if not winners:
        return "rules", by_rules
    name = max(winners, key=lambda n: (inner[n].right_first, -inner[n].unanswerable_answered))
    return name, choices[name]([q for q in questions if q.set != left_out])


def main() -> None:
    index = in_memory(packs_in_effect([], environ={}))
    questions = [q for path in sorted(EVAL.glob("*.toml")) for q in collect(index, path)]
    print(f"{len(questions)} questions, {sum(len(q.rows) for q in questions)} candidates")
    print("\nrecall@1 (right) / recall@3 / unanswerable answered / answerable answered wrong")
    print(f"\nLeave one blind set out, the designed model ({DESIGNED}):\n")
    print("| left out | ask now (rules) | learned | BM25 (`tq search`) | BM25's first first |")
    print("| --- | --- | --- | --- | --- |")
    totals = [Scores() for _ in range(4)]
    for left_out in BLIND:
        model = fit([q for q in questions if q.set != left_out], DESIGNED)
        test = [q for q in questions if q.set == left_out]
        fold = []
        for given, total in zip(
            (by_rules, by_model(model), by_bm25, bm25_first_rule), totals, strict=True
        ):
            fold.append(scored(test, given))
            for q in test:
                total.add(q, given(q))
        print(f"| {left_out} | " + " | ".join(map(str, fold)) + " |")
    print("| all six | " + " | ".join(map(str, totals)) + " |")

    print("\nEach variant, leave one blind set out (all six summed):\n")
    for variant in VARIANTS:
        total = Scores()
        for left_out in BLIND:
            given = by_model(fit([q for q in questions if q.set != left_out], variant))
            for q in (q for q in questions if q.set == left_out):
                total.add(q, given(q))
        print(f"| {variant} | {total} |")

    print("\nChosen by nested LOSO (the rules unless a choice wins on the inner folds):\n")
    choices: dict[str, dict[str, Callable[[list[Asked]], Given]]] = {
        "learned variants": {
            str(v): (lambda train, v=v: by_model(fit(train, v))) for v in VARIANTS
        },
        "promote the rules' first partial answer at a coverage": {
            f"{c:.2f}": (lambda train, c=c: promoting(c)) for c in np.arange(0.5, 1.001, 0.05)
        },
    }
    for label, options in choices.items():
        total, rules = Scores(), Scores()
        for left_out in BLIND:
            name, given = nested(questions, left_out, options)
            test = [q for q in questions if q.set == left_out]
            fold = scored(test, given)
            print(f"| {label} | {left_out} | {name} | {fold} | rules {scored(test, by_rules)} |")
            for q in test:
                total.add(q, given(q))
                rules.add(q, by_rules(q))
        print(f"| {label} | all six | | {total} | rules {rules} |")

    print("\nIn-repo sets, the designed model trained on everything (in sample):\n")
    model = fit(questions, DESIGNED)
    for name in sorted({q.set for q in questions} - set(BLIND)):
        test = [q for q in questions if q.set == name]
        print(f"| {name} | {scored(test, by_rules)} | {scored(test, by_model(model))} |")


if __name__ == "__main__":
    main()
