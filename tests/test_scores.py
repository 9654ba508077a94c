"""A result's score in machine output (JSON, JSON Lines, CSV) is relative to the most relevant of
its list: 1 for it, a share of it for the others, at most four decimal places, in the list's
order where the list is ranked by score (search). Raw BM25 meant nothing to a script: a word
most facts have scored every fact about 2e-06 (stranger 12)."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from tqcli.cli import app

from conftest import MINI_PACK

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]


def _places(score: float) -> bool:
    return round(score, 4) == score


def test_a_word_most_facts_have_scores_its_best_fact_1_not_two_millionths(
    runner: CliRunner,
) -> None:
    result = runner.invoke(app, ["search", "taliban", "--jsonl", "--fields", "id,score"])

    scores = [json.loads(line)["score"] for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert len(scores) == 20
    assert scores[0] == 1.0
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 1 and _places(score) for score in scores)
    assert scores[-1] > 0.5  # all 20 are about as relevant: their raw scores were 1.9e-6-2.0e-6


def test_search_scores_fall_from_1_down_the_list(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "acme", "widgets", "--json", "--limit", "0", *MINI])

    scores = [fact["score"] for fact in json.loads(result.stdout)]
    assert result.exit_code == 0
    assert len(scores) > 2
    assert scores[0] == 1.0
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 1 and _places(score) for score in scores)
    assert scores[-1] < 1.0  # the scale is a share of the best, not a constant


def test_csv_scores_are_the_json_scores(runner: CliRunner) -> None:
    as_json = runner.invoke(app, ["search", "acme", "widgets", "--json", *MINI])
    as_csv = runner.invoke(app, ["search", "acme", "widgets", "--format", "csv", *MINI])

    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [float(row["score"]) for row in rows] == [f["score"] for f in json.loads(as_json.stdout)]


def test_each_batch_line_scores_against_its_own_best(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["search", "--batch", "--fields", "id,score", *MINI], input="acme\nwidgets gadgets\n"
    )

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    for line in lines:
        scores = [item["score"] for item in line["results"]]
        assert scores[0] == 1.0, line
        assert all(0 <= score <= 1 and _places(score) for score in scores)


def test_ask_scores_are_shares_of_its_highest(runner: CliRunner) -> None:
    """ask lists answers before partial answers, so its scores need not fall down the list; the
    highest is 1 all the same."""
    result = runner.invoke(app, ["ask", "Who leads the Taliban?", "--json", "--limit", "5"])

    scores = [fact["score"] for fact in json.loads(result.stdout)]
    assert result.exit_code == 0
    assert max(scores) == 1.0
    assert all(0 < score <= 1 and _places(score) for score in scores)


def test_facts_found_by_id_or_listed_have_no_score(runner: CliRunner) -> None:
    by_id = runner.invoke(app, ["search", "acme-founded", "--json", *MINI])
    listed = runner.invoke(app, ["list", "--json", *MINI])

    assert [f["score"] for f in json.loads(by_id.stdout)] == [None]
    assert {f["score"] for f in json.loads(listed.stdout)} == {None}
