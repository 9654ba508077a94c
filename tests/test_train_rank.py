"""bench/train_rank.py: the learned orders and the scoring behind docs/ask-evaluation.md's
"Ranking", on constructed candidates, and its features read from ask's own judging."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from train_rank import (
    FEATURES,
    Asked,
    Scores,
    by_swapping,
    by_weights,
    collect,
    fit_logit,
    fit_swap,
    rules,
)


def _asked(
    rows: list[list[float]],
    right: list[bool],
    blocks: list[int] | None = None,
    *,
    answered: bool = True,
    kept: bool = False,
) -> Asked:
    full = np.zeros((len(rows), len(FEATURES)))
    full[:, : len(rows[0])] = rows
    return Asked(
        "made-up",
        "a question",
        True,
        rows=full,
        right=np.array(right),
        blocks=np.array(blocks or [0] * len(rows)),
        final=list(range(len(rows))),
        kept=kept,
        answered=answered,
    )


def test_the_logit_learns_which_feature_marks_the_right_candidate() -> None:
    rng = np.random.default_rng(7)
    questions = []
    for _ in range(200):
        signal, noise = rng.normal(size=4), rng.normal(size=4)
        right = int(np.argmax(signal + 0.3 * rng.normal(size=4)))
        questions.append(
            _asked(
                [[s, n] for s, n in zip(signal, noise, strict=True)], [n == right for n in range(4)]
            )
        )

    weights = fit_logit(questions)

    assert weights[0] > 1.0  # the feature that tells
    assert abs(weights[1]) < 0.3 * weights[0]  # the one that does not
    assert not weights[2:].any()  # constant features (all zero here) weigh nothing


def test_a_learned_order_keeps_the_verdict_blocks_and_the_later_rules_order() -> None:
    # Two answers (block 0), two partial answers (block 2): the weights reorder within each.
    question = _asked([[1], [2], [4], [3]], [False, True, False, False], [0, 0, 2, 2])
    weights = np.zeros(len(FEATURES))
    weights[0] = 1.0

    assert by_weights(weights)(question) == [1, 0, 2, 3]
    assert rules(question) == [0, 1, 2, 3]
    kept = _asked([[1], [2]], [False, True], kept=True)  # a later rule of ask's ordered it
    assert by_weights(weights)(kept) == [0, 1]


def test_the_swap_model_swaps_the_first_two_only_within_a_block() -> None:
    # The second is right where it says more of the question (feature 0) than the first.
    questions = [
        _asked([[a], [b]], [a >= b, b > a]) for a, b in [(1, 2), (3, 1), (2, 5), (4, 2)] * 20
    ]
    weights = fit_swap(questions)

    assert by_swapping(weights)(_asked([[1], [3], [9]], [False, True, False])) == [1, 0, 2]
    assert by_swapping(weights)(_asked([[3], [1]], [True, False])) == [0, 1]
    across = _asked([[1], [3]], [False, True], [0, 2])  # an answer, then a partial answer
    assert by_swapping(weights)(across) == [0, 1]


def test_scores_count_the_answer_given_and_the_fact_shown_first() -> None:
    scores = Scores()
    scores.add(_asked([[1], [1]], [True, False]), [0, 1])
    scores.add(_asked([[1], [1]], [False, True]), [0, 1])  # right second: counts at three
    scores.add(_asked([[1]], [True], answered=False), [0])  # shown first, as a partial answer

    assert (scores.answerable, scores.first, scores.in_3) == (3, 1, 2)
    assert (scores.shown_first, scores.shown_in_3) == (2, 3)
    assert str(scores) == "0.333 / 0.667 (0.667 / 1.000)"


def test_it_reads_real_questions_through_asks_judging(tmp_path: Path) -> None:
    """The features come from ask's own judging (tqcli.ask.consider), in ask's order."""
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    questions = tmp_path / "made-up.toml"
    questions.write_text(
        "[[question]]\n"
        'text = "How much did bin Laden pay the Taliban each year?"\n'
        'answers = ["al-qaeda-paid-taliban-20m-a-year"]\n'
        "[[unanswerable]]\n"
        'text = "What is the capital of France?"\n',
        encoding="utf-8",
    )

    answerable, unanswerable = collect(in_memory(packs_in_effect([], environ={})), [questions])

    assert answerable.rows.shape[1] == len(FEATURES)
    assert answerable.answered
    assert answerable.right[rules(answerable)[0]]
    assert answerable.in_pack
    assert answerable.in_window
    assert answerable.rows[:, 1].max() == 0.0  # the best score's share of itself (log 0)
    assert ((answerable.rows[:, 4] >= 0) & (answerable.rows[:, 4] <= 1)).all()
    assert not unanswerable.right.any()
    assert not unanswerable.in_pack
