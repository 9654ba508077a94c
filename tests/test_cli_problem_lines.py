"""`tq validate` as a user meets it: each problem on stderr at the line of the key it is about
(stranger 16, finding 9), the summary on stdout, the same lines in JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from tqcli.cli import app

from conftest import FIXTURES

_PACK = """\
[[source]]
id = "s"
title = "t"
publisher = "p"
kind = "news"
archive = "archive.txt"

[[entity]]
id = "panetta"
name = "Leon Panetta"
kind = "person"

[[figure]]
id = "injured"
claim = "It left 25,000 injured."
value = 2500
unit = "people injured"

[[figure.cite]]
source = "s"
passage = "The quick brown cat jumps."

[[quote]]
id = "said"
claim = "Panetta said it was the fox's den."
text = "It's the fox's den."
speaker = "panetta-leon"

[[quote.cite]]
source = "s"
passage = "It’s the fox’s den."

[[figure]]
id = "injured"
claim = "2 things"
value = 2
unit = "things"

[[figure.cite]]
source = "nope"
passage = "2 things"
"""


def _pack(tmp_path: Path, text: str) -> Path:
    pack = tmp_path / "bad"
    pack.mkdir()
    (pack / "facts.toml").write_text(text, encoding="utf-8")
    shutil.copy(FIXTURES / "archive.txt", pack / "archive.txt")
    return pack


def test_each_problem_is_at_its_key_s_line(runner: CliRunner, tmp_path: Path) -> None:
    pack = _pack(tmp_path, _PACK)
    file = pack / "facts.toml"

    result = runner.invoke(app, ["validate", str(pack), "--no-builtin", "--format", "plain"])

    assert result.exit_code == 3
    assert result.stdout.startswith("invalid: 6 problem(s) in 1 pack(s)")
    lines = [line.removeprefix(f"{file}:") for line in result.stderr.splitlines()]
    expected = {
        "16": "figure 'injured': 'value' (2,500) is stated neither",
        "21": "figure 'injured': passage not found verbatim",
        "26": "quote 'said': the quote's 'text' is not inside any of its cited passages: ",
        "27": "quote 'said': 'speaker' names unknown entity 'panetta-leon'",
        "34": "duplicate fact id 'injured', first defined at",
        "40": "figure 'injured': cites unknown source 'nope'",
    }
    found = {line.split(":", 1)[0]: line.split(": ", 1)[1] for line in lines}
    assert found.keys() == expected.keys()
    for line, start in expected.items():
        assert found[line].startswith(start), (line, found[line])
    # Said as a passage's is: how far it matches, then where a typed character differs.
    assert found["26"].endswith(
        """"It's the fox's den."; it matches up to 'It'; the passage has ’ here, the text '"""
    )


def test_json_gives_the_same_lines(runner: CliRunner, tmp_path: Path) -> None:
    pack = _pack(tmp_path, _PACK)

    result = runner.invoke(app, ["validate", str(pack), "--no-builtin", "--json"])

    assert result.exit_code == 3
    lines = [problem["line"] for problem in json.loads(result.stdout)["problems"]]
    assert lines == [16, 21, 26, 27, 34, 40]
    assert len(result.stderr.splitlines()) == 6


def test_an_array_left_open_is_said_where_it_opened(runner: CliRunner, tmp_path: Path) -> None:
    pack = _pack(tmp_path, '[[event]]\nid = "x"\ntags = ["a", "b"\n\n[[event.cite]]\n')

    result = runner.invoke(app, ["validate", str(pack), "--no-builtin"])

    assert result.exit_code == 3
    assert result.stderr == (
        f"{pack / 'facts.toml'}:3:8: TOML syntax error: Unclosed array opened here: no ']' "
        "(or ',') before line 5, column 1\n"
    )


def test_a_quote_with_no_cite_is_one_problem_not_two(runner: CliRunner, tmp_path: Path) -> None:
    """The missing cite is the problem; that its text is in none of its (no) passages follows
    from it and would only be a second line to read."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.toml").write_text(
        '[[source]]\nid = "s"\ntitle = "t"\npublisher = "p"\nkind = "news"\n\n'
        '[[entity]]\nid = "a"\nname = "A"\nkind = "person"\n\n'
        '[[quote]]\nid = "q"\nclaim = "A said hi."\ntext = "hi"\nspeaker = "a"\n',
        encoding="utf-8",
    )

    result = runner.invoke(app, ["validate", "--no-builtin", str(pack)])

    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{pack / 'pack.toml'}:12: quote 'q': missing required field 'cite'"
    ]
