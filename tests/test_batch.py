"""--batch: one query a line on stdin, one JSON line out per line in, each the same answer a
single run gives."""

from __future__ import annotations

import json
import re
import shlex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tqcli.batch import arguments
from tqcli.cli import app
from tqcli.errors import BadQuery, UnreadableLine
from tqcli.schemas import SchemaName

from conftest import MINI_PACK, schema_validator

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]


def _lines(runner: CliRunner, args: list[str], stdin: str) -> tuple[int, list[dict[str, object]]]:
    """Each line written, checked against its published schema."""
    result = runner.invoke(app, [*args, "--batch", *MINI], input=stdin)
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    schema = SchemaName.SEARCH_BATCH if args[0] == "search" else SchemaName.ASK_BATCH
    for line in lines:
        schema_validator(schema).validate(line)
    return result.exit_code, lines


def _single(runner: CliRunner, args: list[str]) -> object:
    return json.loads(runner.invoke(app, [*args, "--json", *MINI]).stdout)


def _error(runner: CliRunner, args: list[str]) -> str:
    """What a single run says on stderr, without its "tq: "."""
    return runner.invoke(app, [*args, "--json", *MINI]).stderr.removeprefix("tq: ").rstrip("\n")


def test_search_batch_answers_each_line_as_a_single_search_would(runner: CliRunner) -> None:
    queries = ["gadgets", "acme corp", "1,200", "zeppelin"]

    code, lines = _lines(runner, ["search", "--limit", "2", "--kind", "figure"], "\n".join(queries))

    assert code == 0
    assert [line["query"] for line in lines] == queries
    for query, line in zip(queries, lines, strict=True):
        single = _single(runner, ["search", *query.split(), "--limit", "2", "--kind", "figure"])
        assert line["results"] == single
        assert "error" not in line


def test_a_batch_line_holds_the_bytes_a_single_search_writes(runner: CliRunner) -> None:
    """Each line's results are, byte for byte, what `tq search --json` writes for the same
    query: the built-in pack's long facts, found again by later lines, a fact id (no score),
    a line with no result."""
    queries = [
        "taliban",
        "1267",
        "un-resolution-1267",
        '"bin laden" money',
        "zeppelinx",
        "taliban qaeda funds",
        "Taliban",
    ]
    batch = runner.invoke(app, ["search", "--batch", "-n", "7"], input="\n".join(queries))

    assert batch.exit_code == 0
    lines = batch.stdout_bytes.splitlines()
    assert len(lines) == len(queries)
    for query, line in zip(queries, lines, strict=True):
        single = runner.invoke(app, ["search", *shlex.split(query), "--json", "-n", "7"])
        results = single.stdout_bytes.rstrip(b"\n") if single.exit_code == 0 else b"[]"
        assert line == b'{"query":' + json.dumps(query).encode() + b',"results":' + results + b"}"


def test_a_line_that_cannot_run_gets_an_error_and_the_rest_still_run(runner: CliRunner) -> None:
    code, lines = _lines(runner, ["search"], "gadgets\n\n?!\nwidgets\n")

    assert code == 0
    assert [line["query"] for line in lines] == ["gadgets", "", "?!", "widgets"]
    assert [bool(line["results"]) for line in lines] == [True, False, False, True]
    assert lines[2]["error"] == "nothing to search for in '?!': give a word or a number"


def test_ask_batch_gives_answers_or_suggestions(runner: CliRunner) -> None:
    questions = ["How many widgets did Acme ship?", "what about zeppelins"]

    code, lines = _lines(runner, ["ask", "--limit", "1"], "\n".join(questions) + "\n")

    assert code == 0
    assert lines[0]["results"] == _single(runner, ["ask", questions[0], "--limit", "1"])
    assert lines[1]["results"] == []
    assert lines[1]["suggestions"]


@pytest.mark.parametrize(
    "args",
    [
        ["search", "gadgets", "--batch"],
        ["search", "--batch", "--json"],
        ["search", "--batch", "--format", "csv"],
        ["ask", "Why?", "--batch"],
    ],
)
def test_batch_refuses_arguments_and_other_formats(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, [*args, *MINI], input="gadgets\n")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--batch" in result.stderr


@pytest.mark.parametrize("command", ["search", "ask"])
def test_without_batch_the_argument_is_still_required(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, *MINI])

    assert result.exit_code == 2
    assert "missing argument" in result.stderr


def test_batch_output_carries_no_raw_control_character(runner: CliRunner) -> None:
    from conftest import HOSTILE_PACK

    hostile = ["--no-builtin", "--facts", str(HOSTILE_PACK)]
    listed = json.loads(runner.invoke(app, ["list", "--json", *hostile]).stdout)
    words = " ".join(fact["id"].replace("-", " ") for fact in listed)

    result = runner.invoke(app, ["search", "--batch", "--limit", "0", *hostile], input=words)

    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    assert len(json.loads(line)["results"]) == len(listed)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in line)


def test_a_line_is_read_as_it_would_be_typed_after_tq_search(runner: CliRunner) -> None:
    code, lines = _lines(runner, ["search"], '"Widget Accord" springfield\n"unclosed\n')

    assert code == 0
    single = _single(runner, ["search", "Widget Accord", "springfield"])
    assert lines[0]["results"] == single
    assert lines[1]["error"] == "unclosed quote in '\"unclosed': end the phrase with \""
    assert lines[1]["error"] == _error(runner, ["search", '"unclosed'])  # as the search says it


def test_an_unclosed_single_quote_is_named_as_the_quote_that_opened_it(
    runner: CliRunner,
) -> None:
    code, lines = _lines(runner, ["search"], "acme 'widgets\nacme's 'money's\n\"acme's\nacme\n")

    assert code == 0
    assert lines[0]["error"] == "unclosed quote in \"acme 'widgets\": end the phrase with '"
    # an apostrophe inside a word is the word's own: the quote left open is the other one
    assert lines[1]["error"].endswith("end the phrase with '")
    assert lines[2]["error"].endswith('end the phrase with "')


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("a 'b", "'"),
        ('a "b', '"'),
        ("a \"b 'c", '"'),  # the single quote is inside the double quotes
        ("a 'b \"c", "'"),
        ("a \\' \"b", '"'),  # an escaped apostrophe opens nothing
        ('a "b \\" c', '"'),  # nor an escaped double quote inside double quotes
    ],
)
def test_the_quote_left_open_is_the_one_a_shell_would_leave_open(line: str, quote: str) -> None:
    with pytest.raises(BadQuery) as raised:
        arguments(line)

    assert raised.value.quote == quote


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from([*"ab -*", "'", '"', "\\", "\t", "\n", "\xa0", "\x0b"])))
def test_a_line_splits_into_the_words_a_posix_shell_would_make(line: str) -> None:
    try:
        expected = shlex.split(line)
    except ValueError:
        try:
            words = arguments(line)
        except (UnreadableLine, BadQuery):
            return
        # read only by taking an apostrophe inside a word for one of its letters: without
        # those apostrophes the shell splits it into the same words
        apostrophes_inside_words = re.compile(r"(?<=\w)'(?=\w)")
        assert apostrophes_inside_words.search(line)
        bare = shlex.split(apostrophes_inside_words.sub("", line))
        assert [w.replace("'", "") for w in words] == [w.replace("'", "") for w in bare]
    else:
        assert arguments(line) == expected


def test_a_line_of_many_words_then_an_apostrophe_is_read_at_once() -> None:
    """Not a plain line (an apostrophe): shlex reads it. The pattern that tells plain lines
    tried every way to split each word before (this line took minutes, and every eval question
    with an apostrophe hung a batch). Its apostrophe is inside a word: the word's own, not an
    unclosed quote; one that opens a word still opens a quote."""
    line = "Which resolution split the Taliban sanctions from al-Qaida's?"
    assert arguments(line) == line.split()
    assert arguments('"bin laden" Qa\'ida') == ["bin laden", "Qa'ida"]
    with pytest.raises(BadQuery):
        arguments("al-Qaida 'leaders")


def test_scores_in_batch_lines_have_one_spelling() -> None:
    """Where output is not UTF-8 as where it is, compact JSON is spelled one way (a score is
    relative to the line's best: 1e-6 of 1 is 0.0 at four places, 7e-4 of 7 is 0.0001)."""
    import io

    from tqcli.index import in_memory
    from tqcli.model import Filters, Hit, Pack
    from tqcli.render.json_output import JsonRenderer

    index = in_memory([Pack("mini", MINI_PACK, "--facts")])
    fact = index.search(["widgets"], Filters(frozenset(), None, None, None, None, None))[0].fact
    for ascii_only in (True, False):
        out = io.TextIOWrapper(io.BytesIO(), encoding="ascii" if ascii_only else "utf-8")
        JsonRenderer(out, lines=True, pretty=False, ascii_only=ascii_only).batch_answer(
            "widgets", [Hit(fact, 7.0), Hit(fact, 7e-4), Hit(fact, 1e-06)], index.catalog
        )
        out.flush()
        written = out.buffer.getvalue()  # type: ignore[attr-defined]
        assert b'"score":1.0},' in written
        assert b'"score":0.0001},' in written
        assert written.endswith(b'"score":0.0}]}\n')


@pytest.mark.parametrize(
    ("command", "fields", "stdin"),
    [
        ("search", "id,score", "gadgets\nacme-founded\nzeppelin\n\n"),
        ("ask", "id,match,answer", "How many widgets did Acme ship in 2019?\nWhy?\n"),
    ],
)
def test_fields_keep_those_keys_of_each_result_as_without_batch(
    runner: CliRunner, command: str, fields: str, stdin: str
) -> None:
    """Stranger 11's twenty-question script wanted only a few keys of each answer."""
    result = runner.invoke(app, [command, "--batch", "--fields", fields, *MINI], input=stdin)

    assert (result.exit_code, result.stderr) == (0, "")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == stdin.splitlines()
    for line in lines:
        if line["query"].strip():
            single = runner.invoke(app, [command, line["query"], "--fields", fields, *MINI])
            assert line["results"] == json.loads(single.stdout or "[]")
        else:
            assert line["results"] == []
            assert "error" in line
    assert any(line["results"] for line in lines)


def test_fields_with_batch_are_checked_before_any_line_is_read(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "--batch", "--fields", "bogus", *MINI], input="Why?\n")

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("tq: --fields: unknown field(s) 'bogus'; available: id,")


# One rule for every --batch (search, ask, match), as grep and a single query have it: exit 0
# when some line found what it alone would exit 0 for (a result, an answer, a match), 1 when no
# line did: every line without one, or an error, or no line at all.
_FOUND = {
    "search": "gadgets",
    "ask": "How many widgets did Acme ship?",
    "match": "Abdul Ghani Baradar",  # a match is a listed entity's: the built-in pack's UN listing
}
_PACKS = {"search": MINI, "ask": MINI, "match": []}
_NOT_FOUND = {"search": "zeppelin", "ask": "what about zeppelins", "match": "Zebulon Quirk"}
_SAYS = {
    "search": "tq: no results for any line\n",
    "ask": "tq: no answer for any line\n",
    # (the built-in pack alone: no list loaded, which is said once; tests/test_cli_stranger18.py)
    "match": "tq: no match\ntq: no sanctions list is loaded (the built-in pack is none: it"
    " records a few listings only); to screen against one, import it, e.g. tq import un-sc"
    " consolidated.xml --out un-sanctions, and give --facts un-sanctions (README: Real"
    " sanctions data)\n",
}


@pytest.mark.parametrize("command", ["search", "ask", "match"])
def test_a_batch_exits_1_when_no_line_finds_anything(runner: CliRunner, command: str) -> None:
    stdin = f"{_NOT_FOUND[command]}\n\n?!\n"
    result = runner.invoke(app, [command, "--batch", *_PACKS[command]], input=stdin)

    assert (result.exit_code, result.stderr) == (1, _SAYS[command])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == [_NOT_FOUND[command], "", "?!"]


@pytest.mark.parametrize("command", ["search", "ask", "match"])
def test_a_batch_exits_0_when_one_line_finds_something(runner: CliRunner, command: str) -> None:
    stdin = f"{_NOT_FOUND[command]}\n\n{_FOUND[command]}\n"
    result = runner.invoke(app, [command, "--batch", *_PACKS[command]], input=stdin)

    assert (result.exit_code, result.stderr) == (0, "")
    assert len(result.stdout.splitlines()) == 3


@pytest.mark.parametrize("command", ["search", "ask", "match"])
def test_an_empty_batch_finds_nothing(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--batch", *_PACKS[command]], input="")

    said = "tq: no match\n" if command == "match" else _SAYS[command]  # (no name screened)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", said)


def test_an_ask_batch_of_partial_answers_only_exits_1(runner: CliRunner) -> None:
    question = "How many widgets did Acme ship to the council?"
    single = runner.invoke(app, ["ask", question, "--json", *MINI])
    batch = runner.invoke(app, ["ask", "--batch", *MINI], input=question + "\n")

    assert single.exit_code == batch.exit_code == 1
    assert json.loads(batch.stdout)["results"][0]["match"] == "partial"


@pytest.mark.parametrize("command", ["search", "ask"])
def test_a_bug_on_one_line_is_said_on_that_line_and_the_rest_still_run(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """A bug met while answering one line costs that line, not every line after it: its object
    says so in "error", the others are answered, and the run exits 70 (an internal error)."""
    from tqcli import ask
    from tqcli.index import Index

    def buggy(real):  # type: ignore[no-untyped-def]
        def answering(index, query, *args, **kwargs):  # type: ignore[no-untyped-def]
            if "zeppelin" in str(query):
                raise IndexError("tuple index out of range")
            return real(index, query, *args, **kwargs)

        return answering

    monkeypatch.delenv("TQ_DEBUG", raising=False)
    if command == "ask":
        monkeypatch.setattr(ask, "answer", buggy(ask.answer))
    else:
        monkeypatch.setattr(Index, "search", buggy(Index.search))
    queries = ["How many widgets did Acme ship?", "zeppelin", "How many widgets did Acme ship?"]
    result = runner.invoke(app, [command, "--batch", *MINI], input="\n".join(queries))
    lines = [json.loads(line) for line in result.stdout.splitlines()]

    assert result.exit_code == 70
    assert [line["query"] for line in lines] == queries
    assert [bool(line["results"]) for line in lines] == [True, False, True]
    assert lines[1]["error"].startswith("internal error (IndexError: tuple index out of range)")
    assert "1 line(s)" in result.stderr
    assert "bug in tq" in result.stderr


def test_with_tq_debug_a_bug_on_a_batch_line_is_raised_for_its_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tqcli import ask

    def broken(*args: object, **kwargs: object) -> object:
        raise IndexError("tuple index out of range")

    monkeypatch.setenv("TQ_DEBUG", "1")
    monkeypatch.setattr(ask, "answer", broken)
    result = runner.invoke(app, ["ask", "--batch", *MINI], input="gadgets\n")

    assert isinstance(result.exception, IndexError)
