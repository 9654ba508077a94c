"""tq validate's messages for a copy of the built-in pack: a source checkout's facts/ validated by
an installed tq (whose built-in pack is the wheel's copy) defined every id twice, and said so
in 792 lines (closing note 9). One line says what it is and how to check it alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from tqcli.cli import app

from conftest import REPO


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "checkout" / "facts"
    shutil.copytree(REPO / "facts", copy)
    return copy


def test_a_copy_of_the_built_in_pack_is_one_line_with_the_way_out(
    runner: CliRunner, tmp_path: Path
) -> None:
    copy = _copy(tmp_path)

    result = runner.invoke(app, ["validate", str(copy)])

    assert result.exit_code == 3  # with the built-in pack, as asked, the ids are twice
    assert result.stdout.startswith("invalid: ")
    [line] = result.stderr.splitlines()
    assert line.startswith(f"tq: {copy} defines ")
    assert "ids of the built-in pack again" in line
    assert line.endswith(f"leave the built-in pack out: tq validate {copy} --no-builtin")


def test_the_way_out_validates_it(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(_copy(tmp_path)), "--no-builtin"])

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("valid: 1 pack(s)")


def test_the_copy_s_other_problems_are_still_each_a_line(runner: CliRunner, tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    (copy / "zz-draft.toml").write_text("[[nonsense]]\n", encoding="utf-8")

    result = runner.invoke(app, ["validate", str(copy)])

    lines = result.stderr.splitlines()
    assert result.exit_code == 3
    assert len(lines) == 2
    assert any(line.startswith(f"{copy / 'zz-draft.toml'}:1: unknown table") for line in lines)


def test_json_still_lists_every_problem(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(_copy(tmp_path)), "--json"])

    problems = json.loads(result.stdout)["problems"]
    assert result.exit_code == 3
    assert len(problems) > 700
    assert all("duplicate" in problem["message"] for problem in problems)


def test_a_pack_repeating_a_few_built_in_ids_gets_each_named(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = tmp_path / "mine"
    pack.mkdir()
    (pack / "sources.toml").write_text(
        '[[source]]\nid = "independent-2021-taliban-al-qaeda"\ntitle = "Mine"\n'
        'publisher = "Me"\nkind = "web-page"\nurl = "https://example.org/"\n',
        encoding="utf-8",
    )

    result = runner.invoke(app, ["validate", str(pack)])

    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{pack / 'sources.toml'}:2: duplicate source id ")  # the id's line
    assert "--no-builtin" not in line
