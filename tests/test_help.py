"""Every command documents itself with help and a worked example."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from tqcli.cli import app, app_for


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(getattr(group, "commands", {}).items()):
        if hasattr(command, "commands"):
            found.extend(_commands(command, (*prefix, name)))
        else:
            found.append((*prefix, name))
    return found


COMMANDS = _commands(get_command(app))


def test_the_commands_are_the_documented_ones() -> None:
    assert [" ".join(command) for command in COMMANDS] == [
        "ask",
        "cache clear",
        "cite",
        "completion",
        "entities",
        "export sqlite",
        "help",
        "import ftm",
        "import ofac-sdn",
        "import un-sc",
        "list",
        "match",
        "paths",
        "schema",
        "search",
        "show",
        "sources",
        "stats",
        "tags",
        "validate",
        "who",
    ]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(
    runner: CliRunner, command: tuple[str, ...]
) -> None:
    args = [*command, "--help"]
    result = runner.invoke(app_for(args), args)

    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"tq {' '.join(command)}" in result.stdout.split("Examples:")[1]


def test_top_level_help_lists_commands_and_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])

    assert result.exit_code == 0
    assert all(command[0] in result.stdout for command in COMMANDS)
    assert "3 invalid fact data" in result.stdout


def test_no_arguments_shows_help_not_an_error_trace(runner: CliRunner) -> None:
    result = runner.invoke(app, [])

    assert "Usage: tq" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_run_builds_only_the_command_it_names(command: tuple[str, ...]) -> None:
    narrowed = get_command(app_for([*command, "--json"]))

    assert _commands(narrowed) == [command]


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["serch", "x"], ["--", "x"]])
def test_without_a_command_name_the_whole_app_answers(args: list[str]) -> None:
    assert app_for(args) is app


def test_a_mistyped_command_still_gets_a_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(app_for(["serch", "x"]), ["serch", "x"])

    assert result.exit_code == 2
    assert result.stderr == "tq: no such command 'serch' (did you mean 'search'?); see 'tq -h'\n"


def test_help_examples_name_facts_that_exist(runner: CliRunner) -> None:
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    examples = []
    for command in COMMANDS:
        args = [*command, "--help"]
        text = runner.invoke(app_for(args), args).stdout.split("Examples:")[1]
        examples += [line.split()[2] for line in text.splitlines() if "tq show " in line]
    index = in_memory(packs_in_effect([], environ={}))

    assert examples
    assert {hit.fact.id for hit in index.show(examples)} == set(examples)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_text_is_laid_out_not_garbled(runner: CliRunner, command: tuple[str, ...]) -> None:
    args = [*command, "--help"]
    text = runner.invoke(app_for(args), args).stdout
    prose, _, examples = re.split(r"^(?:Arguments|Options):", text, flags=re.MULTILINE)[
        0
    ].partition("Examples:")

    assert not re.search(r"\S {3,}\S", prose), prose  # docstring indentation left mid-sentence
    # An example split by a newline escape in the docstring starts a line at the margin.
    assert all(line.startswith("    ") for line in examples.splitlines()[1:] if line.strip())


_SHELL_STOPS = {"|", ">", "<", "&&", "#"}
_FILE_ARGUMENT = re.compile(r"(^\.{0,2}/|^~|\.(csv|xml|json|jsonl|txt|db)$)", re.IGNORECASE)
_OUTPUTS = {"facts.db"}  # files an example writes, in the test's own directory


def _runnable_examples() -> list[list[str]]:
    """Every example in every command's help that tq alone can run offline: the words of each
    `tq ...` line before any pipe, redirection or comment, leaving out examples that read a
    file the reader has and the test does not (./my-pack, SDN.CSV, names.txt)."""
    examples = []
    for command in COMMANDS:
        args = [*command, "--help"]
        text = CliRunner().invoke(app_for(args), args).stdout.split("Examples:")[1]
        for line in re.split(r"^(?:Arguments|Options):", text, flags=re.MULTILINE)[0].splitlines():
            if not line.strip().startswith("tq "):
                continue
            lexer = shlex.shlex(line.strip(), posix=True, punctuation_chars="|&<>")
            lexer.whitespace_split = True
            words = []
            for word in lexer:
                if word in _SHELL_STOPS or word.startswith("#"):
                    break
                words.append(word)
            reads = [word for word in words[1:] if _FILE_ARGUMENT.search(word)]
            if not set(reads) <= _OUTPUTS or "<" in line:
                continue
            examples.append(words[1:])
    return examples


RUNNABLE_EXAMPLES = _runnable_examples()


def test_most_help_examples_are_run() -> None:
    assert len(RUNNABLE_EXAMPLES) >= 30
    assert ["tags"] in RUNNABLE_EXAMPLES


@pytest.mark.parametrize("words", RUNNABLE_EXAMPLES, ids=" ".join)
def test_every_help_example_runs(
    runner: CliRunner, words: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An example that exits 2 (a usage error) or finds nothing teaches the reader a mistake."""
    monkeypatch.chdir(tmp_path)

    result = runner.invoke(app_for(words), words)

    assert result.exit_code == 0, (words, result.stderr)
