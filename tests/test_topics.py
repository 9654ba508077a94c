"""tq help TOPIC: the reference documents, and that they say what the code does."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from tqcli.cli import ExitCode, app_for
from tqcli.config import KEYS, LIMITED_COMMANDS
from tqcli.topics import TOPICS, docs_dir

from conftest import REPO


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app_for(list(args)), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help_alone_lists_the_topics() -> None:
    code, out, _ = run("help")

    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == list(TOPICS)


@pytest.mark.parametrize("topic", list(TOPICS))
def test_each_topic_prints_its_document(topic: str) -> None:
    code, out, _ = run("help", topic)

    assert code == 0
    assert out == (REPO / "docs" / TOPICS[topic][0]).read_text(encoding="utf-8")


def test_an_unknown_topic_is_a_usage_error_that_suggests() -> None:
    code, out, err = run("help", "jsno")

    assert (code, out) == (2, "")
    assert err == "tq: no help topic 'jsno' (did you mean 'json'?); see 'tq help'\n"


def test_a_source_checkout_reads_the_docs_folder() -> None:
    assert docs_dir() == REPO / "docs"


def _table_rows(markdown: str, first_header: str) -> list[str]:
    """The rows of the markdown table whose header starts with first_header."""
    lines = markdown.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_the_exit_codes_documented_are_the_codes_used() -> None:
    rows = _table_rows((REPO / "docs" / "exit-codes.md").read_text(encoding="utf-8"), "code")
    documented = {int(row.split("|")[1]) for row in rows}

    assert documented == {int(code) for code in ExitCode} | {70}  # 70 is __main__'s


def test_the_readme_and_tq_help_give_the_same_exit_codes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    topic = (REPO / "docs" / "exit-codes.md").read_text(encoding="utf-8")

    assert _table_rows(readme, "code") == _table_rows(topic, "code")


def test_every_configuration_key_is_documented() -> None:
    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    rows = _table_rows(text, "key")

    assert [re.match(r"\| `([a-z_]+)` \|", row).group(1) for row in rows] == list(KEYS)  # type: ignore[union-attr]
    assert all(f"\n{command} = " in text for command in LIMITED_COMMANDS)
