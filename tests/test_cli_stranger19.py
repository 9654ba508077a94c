"""Stranger 19's findings on the commands around `ask`, in their terms (notes/stranger-19.md):
`--limit` on every listing command (35), a very long screened name cut short in its header
(36), replacement characters in a list said in its change report (37)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app

from conftest import FIXTURES, REPO

# --- s19-35: sources, entities and tags take --limit as search, list and ask do ------------------


@pytest.mark.parametrize("command", ["sources", "entities", "tags"])
def test_a_listing_command_keeps_its_first_n_with_limit(runner: CliRunner, command: str) -> None:
    every = runner.invoke(app, [command, "--json"])
    assert every.exit_code == 0, every.stderr
    listed = json.loads(every.stdout)
    assert len(listed) > 5

    for limit in ("--limit", "-n"):
        first = runner.invoke(app, [command, limit, "5", "--json"])
        assert first.exit_code == 0, first.stderr
        assert json.loads(first.stdout) == listed[:5]
    every_again = runner.invoke(app, [command, "--limit", "0", "--json"])
    assert json.loads(every_again.stdout) == listed


@pytest.mark.parametrize("command", ["sources", "entities", "tags"])
def test_a_negative_limit_is_refused_as_for_search(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--limit", "-1"])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "-1 is negative; give 0 for all, or a count" in result.stderr


def test_the_config_file_sets_their_default_limit(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[limits]\nsources = 2\nentities = 3\ntags = 4\n", encoding="utf-8")
    monkeypatch.setenv("TQ_CONFIG", str(config))

    counts = {
        command: len(json.loads(runner.invoke(app, [command, "--json"]).stdout))
        for command in ("sources", "entities", "tags")
    }

    assert counts == {"sources": 2, "entities": 3, "tags": 4}
    given = runner.invoke(app, ["sources", "--limit", "1", "--json"])
    assert len(json.loads(given.stdout)) == 1  # --limit takes precedence


# --- s19-36: a very long screened name is cut short in its header, saying so ---------------------


def test_a_very_long_name_is_cut_short_in_its_header(runner: CliRunner) -> None:
    name = " ".join(["Baradar"] + ["Abdulx"] * 1700)

    result = runner.invoke(app, ["match", name, "--format", "plain"])

    assert result.exit_code == 1, result.stderr
    header, *rest = result.stdout.splitlines()
    assert header.startswith(name[:80] + f"… (cut short: the name has {len(name):,} characters)")
    assert header.endswith("no match (threshold 0.80)")
    assert len(header) < 200
    assert all(len(line) < 1000 for line in rest)
    assert "and 1,692 more words not in the name" in result.stdout


def test_the_json_keeps_the_long_name_whole(runner: CliRunner) -> None:
    name = " ".join(["Baradar"] + ["Abdulx"] * 1700)

    result = runner.invoke(app, ["match", name, "--json"])

    assert json.loads(result.stdout)[0]["query"] == name


def test_a_name_of_ordinary_length_is_shown_whole(runner: CliRunner) -> None:
    name = "Abdul Ghani Baradar Abdul Ahmad Turk Mullah Baradar Akhund"

    result = runner.invoke(app, ["match", name, "--format", "plain"])

    assert result.stdout.splitlines()[0].startswith(name + "  ")
    assert "cut short" not in result.stdout


# --- s19-37: a list whose text holds U+FFFD says so, in the report and on stderr ---------------

UN_FIXTURE = FIXTURES / "unsc" / "list-v1.xml"


def test_replacement_characters_in_a_list_are_said_in_its_change_report(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "un"
    first = runner.invoke(app, ["import", "un-sc", str(UN_FIXTURE), "--out", str(out)])
    assert first.exit_code in (0, 4), first.stderr
    assert "U+FFFD" not in first.stderr
    lost = tmp_path / "lost.xml"
    lost.write_text(
        UN_FIXTURE.read_text(encoding="utf-8").replace(
            "<NAME_ORIGINAL_SCRIPT>ألفا<", "<NAME_ORIGINAL_SCRIPT>أل\ufffd\ufffd<"
        ),
        encoding="utf-8",
    )

    again = runner.invoke(
        app, ["import", "un-sc", str(lost), "--out", str(out), "--format", "plain"]
    )

    assert again.exit_code in (0, 4), again.stderr
    assert (
        "lost.xml holds U+FFFD, the replacement character, in 1 record(s): TAi.901 (aliases, "
        "attributes). The publisher lost the characters it stands for"
    ) in again.stderr
    amended = [line for line in again.stdout.splitlines() if "أل\ufffd\ufffd" in line]
    assert len(amended) == 2  # the alias gained (and lost), the attribute changed
    assert all(
        line.endswith("(the file has U+FFFD there, for characters its publisher lost)")
        for line in amended
    )


def test_a_list_without_them_says_nothing_of_them(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", "un-sc", str(UN_FIXTURE), "--out", str(tmp_path / "u")])

    assert "U+FFFD" not in result.stderr + result.stdout


REAL_UN = REPO.parent / "shared" / "data" / "un-sc"


def test_the_real_export_of_2025_says_where_it_lost_characters(
    runner: CliRunner, tmp_path: Path
) -> None:
    old, new = REAL_UN / "consolidated-2020-03-20.xml", REAL_UN / "consolidated-2025-11-20.xml"
    if not (old.exists() and new.exists()):
        pytest.skip(f"the real UN exports are not in {REAL_UN} (shared data absent)")
    out = tmp_path / "un"
    assert runner.invoke(app, ["import", "un-sc", str(old), "--out", str(out)]).exit_code == 0

    result = runner.invoke(
        app, ["import", "un-sc", str(new), "--out", str(out), "--format", "plain"]
    )

    assert result.exit_code == 0, result.stderr
    assert "holds U+FFFD, the replacement character, in 1 record(s): TAi.068" in result.stderr
    assert "(the file has U+FFFD there, for characters its publisher lost)" in result.stdout
