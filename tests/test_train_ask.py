"""bench/train_ask.py: the learning and the scoring behind docs/ask-evaluation.md's learned
order and decision, on constructed inputs."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from train_ask import (
    FEATURES,
    Asked,
    Model,
    Scores,
    Variant,
    bm25_first_rule,
    by_model,
    by_rules,
    collect,
    first_features,
    logistic,
)


def _asked(
    rows: list[list[float]], right: list[bool], *, rules: bool, answerable: bool = True
) -> Asked:
    full = np.zeros((len(rows), len(FEATURES)))
    full[:, : len(rows[0])] = rows
    return Asked(
        "made-up",
        answerable,
        full,
        np.array(right),
        list(range(len(rows))) if rules else [],
        False,
        np.zeros(len(rows), bool),
        [],
        None,
    )


def test_logistic_regression_learns_which_feature_marks_the_right_candidates() -> None:
    rng = np.random.default_rng(7)
    signal = rng.normal(size=400)
    noise = rng.normal(size=400)
    rows = np.column_stack([np.ones(400), signal, noise])
    labels = (signal + 0.3 * rng.normal(size=400) > 0.5).astype(float)

    weights = logistic(rows, labels)

    assert weights[1] > 2.0  # the feature that tells
    assert abs(weights[2]) < 0.5  # the one that does not
    assert weights[0] < 0  # fewer right than wrong: the bias says so
    predicted = 1 / (1 + np.exp(-(rows @ weights))) >= 0.5
    assert (predicted == labels.astype(bool)).mean() > 0.9


def test_the_decision_sees_the_first_candidate_and_its_lead() -> None:
    rows = np.array(
        [[1.0, 1.0, 1.0, 1.0, 0.6], [1.0, 0.0, 0.0, 0.5, 0.9], [1.0, 1.0, 0.0, 0.3, 0.2]]
    )
    scores = np.array([0.5, 2.0, -9.0])

    plain = first_features(rows, scores, 1, "first")
    full = first_features(rows, scores, 1, "first+lead+score+field")

    assert plain.tolist() == rows[1].tolist()
    # lead over the second (2.0 - 0.5), the first's score, 2 of 3 rules' answers / 5, best coverage
    assert full.tolist() == [*rows[1], 1.5, 2.0, 0.4, 0.9]
    assert first_features(rows[:1], scores[:1], 0, "first+lead")[-1] == 5.0  # alone: the most


def test_the_model_orders_by_its_score_and_answers_only_above_its_threshold() -> None:
    # Two candidates; the order weighs only the fifth feature (coverage), the decision only
    # the bias: answer when its threshold is below it.
    question = _asked([[1, 1, 1, 1, 0.2], [1, 0, 0, 0.5, 0.9]], [False, True], rules=True)
    order = np.zeros(len(FEATURES))
    order[4] = 1.0
    decision = np.zeros(len(FEATURES))
    decision[0] = 1.0

    answers = by_model(Model(Variant("first"), order, decision, 0.5))(question)
    declines = by_model(Model(Variant("first"), order, decision, 1.5))(question)
    only_demotes = by_model(Model(Variant("first", may="demote"), order, decision, 0.5))(question)

    assert answers == [True, False]  # the second candidate, first: it covers more
    assert declines == []
    assert only_demotes == []  # the rules give the new first only as a partial answer
    assert by_rules(question) == [False, True]


def test_bm25s_first_comes_first_only_where_the_rules_answer_with_it() -> None:
    question = _asked([[1, 1], [1, 1], [1, 0]], [False, True, False], rules=True)
    question.searched_first = 1
    moved = bm25_first_rule(question)
    question.searched_first = 2  # a partial answer in the rules: left where it is
    kept = bm25_first_rule(question)

    assert moved == [True, False, False]
    assert kept == [False, True, False]


def test_scores_count_as_bench_evaluate_ask_does() -> None:
    scores = Scores()
    right = _asked([[1]], [True], rules=True)
    wrong = _asked([[1]], [False], rules=True)
    unanswerable = _asked([[1]], [False], rules=True, answerable=False)

    scores.add(right, [True])
    scores.add(wrong, [False, True])  # right at two: counts at three, not at one
    scores.add(wrong, [])  # no answer given
    scores.add(unanswerable, [False])

    assert (scores.right_first, scores.right_in_3, scores.answerable) == (1, 2, 3)
    assert (scores.wrong, scores.unanswerable_answered, scores.unanswerable) == (1, 1, 1)
    assert scores.better_than(Scores(0, 0, 3, 1, 1, 0))
    assert not scores.better_than(Scores(0, 0, 3, 1, 0, 0))  # answers more unanswerable


def test_it_reads_real_questions_through_asks_judging(tmp_path: Path) -> None:
    """The script's features come from ask's own judging (tqcli.ask.consider): this keeps
    them in step with ask's code."""
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    # Not "What is the capital of France?" since branch pack17c: the rules answer it from the
    # UN's summary on Hamza bin Laden ("French ... interests", "western capitals"), a wrong
    # answer that test_ask.py's test_answer_quality_floor counts (ask's to fix).
    questions = tmp_path / "made-up.toml"
    questions.write_text(
        "[[question]]\n"
        'text = "How much did bin Laden pay the Taliban each year?"\n'
        'answers = ["al-qaeda-paid-taliban-20m-a-year"]\n'
        "[[unanswerable]]\n"
        'text = "What is the boiling point of water?"\n',
        encoding="utf-8",
    )

    answerable, unanswerable = collect(in_memory(packs_in_effect([], environ={})), questions)

    assert answerable.rows.shape[1] == len(FEATURES)
    assert answerable.right[0]
    assert answerable.rules  # the rules give an answer
    assert by_rules(answerable)[0]  # the rules answer it, with the right fact first
    assert 0 < answerable.rows[0, 5] <= 1  # its own words cover part of the question
    assert not unanswerable.right.any()
    assert by_rules(unanswerable) == []
