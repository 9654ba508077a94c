"""Hostile queries and arguments: operators, fragments, huge, empty, undecodable and invisible
input. Each gets an answer or one clear line on stderr, with its documented exit code."""

from __future__ import annotations

import json

import pytest
from hostile_helpers import MINI, RAW_CONTROL, tq

HUGE = "widgets " * 15_000  # 120 kB: one argument can be at most 128 kB on Linux
INVALID_UTF8 = b"\xff\xfe"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(["search", "NEAR(acme widgets)", "AND", "OR"], 0, None, id="fts-operators"),
        pytest.param(["search", '"unbalanced'], 2, "unclosed quote", id="fts-unbalanced-quote"),
        pytest.param(["search", "*"], 2, "'*' needs the start of a word", id="fts-bare-star"),
        # Words joined by punctuation, and the words of one quoted argument, are a phrase.
        pytest.param(["search", "acme:widgets^2"], 1, "no results", id="fts-column-filter"),
        pytest.param(["search", "'; DROP TABLE facts; --"], 1, "no results", id="sql-fragment"),
        pytest.param(["search", HUGE], 1, "no results", id="huge-query"),
        pytest.param(["ask", HUGE], 1, "no answer", id="huge-question"),  # a word repeated
        pytest.param(["search", ""], 2, "nothing to search for", id="empty-query"),
        pytest.param(["search", " \t "], 2, "nothing to search for", id="blank-query"),
        pytest.param(["ask", "?!"], 2, "ask needs a question in words", id="question-no-words"),
        pytest.param(
            ["search", INVALID_UTF8], 2, "nothing to search for", id="invalid-utf8-search"
        ),
        pytest.param(["ask", INVALID_UTF8 + b" acme"], 0, None, id="invalid-utf8-ask"),
        pytest.param(["show", INVALID_UTF8], 1, "no fact with id", id="invalid-utf8-show"),
        pytest.param(["list", "--about", INVALID_UTF8], 2, "no entity", id="invalid-utf8-about"),
        pytest.param(["list", "--tag", INVALID_UTF8], 1, "no results", id="invalid-utf8-tag"),
        pytest.param(["list", "--source", INVALID_UTF8], 2, "no source", id="invalid-utf8-source"),
        pytest.param(["search", "\u202eacme"], 0, None, id="bidi-override-query"),
        pytest.param(["search", "wid\u200bgets"], 0, None, id="zero-width-query"),
        pytest.param(["ask", "When was Acme founded?", "--limit", "0"], 0, None, id="ask-limit-0"),
        pytest.param(["list", "--limit", str(2**63)], 0, None, id="limit-beyond-sqlite"),
        pytest.param(["list", "--limit", "-1"], 2, "is negative", id="limit-negative"),
        pytest.param(["list", "--about", ""], 2, "--about needs a value", id="empty-about"),
        pytest.param(["list", "--tag", ""], 2, "--tag needs a value", id="empty-tag"),
        pytest.param(
            ["list", "--since", "2022", "--until", "2020"],
            2,
            "--since 2022 is after --until 2020",
            id="since-after-until",
        ),
        pytest.param(
            ["list", "--since", "2020-02-30"],
            2,
            "invalid value for '--since': not a date: '2020-02-30' (day is out of range for month)",
            id="impossible-date",
        ),
        pytest.param(["show", "\x1b]52;c;aGk=\x07"], 1, "no fact with id", id="osc52-in-id"),
        pytest.param(["\x1b[2Jsearch"], 2, "no such command", id="escape-in-command"),
        pytest.param(["search", "--\x1b[2J"], 2, "no such option", id="escape-in-option"),
        pytest.param(["list", "--about", "\u202eemca"], 2, "no entity", id="bidi-in-about"),
    ],
)
def test_hostile_query(args: list[str | bytes], code: int, message: str | None) -> None:
    run = tq(*args, *MINI)

    run.assert_no_bug()
    assert run.code == code, run.err
    if message is not None:
        assert message in run.err
        assert len(run.err.splitlines()) <= 5  # a message, not a dump
    assert not RAW_CONTROL.search(run.err), repr(run.err)
    assert not RAW_CONTROL.search(run.out), repr(run.out)


def test_ask_limit_0_gives_every_answer() -> None:
    one = tq("ask", "When was Acme founded?", "--limit", "1", "--json", *MINI)
    every = tq("ask", "When was Acme founded?", "--limit", "0", "--json", *MINI)

    assert one.code == every.code == 0
    assert len(json.loads(every.out)) > len(json.loads(one.out)) == 1
