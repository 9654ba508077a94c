"""Stranger 19's findings on the commands around `ask`, in their terms (notes/stranger-19.md):
the CSV `value` column documented kind by kind (33),
`--limit` on every listing command (35), a very long screened name cut short in its header
(36), replacement characters in a list said in its change report (37); and `tq paths`, which
sent a pack left out as the same pack as one given with --facts to a `tq validate` that passes."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.model import FactKind

from conftest import FIXTURES, MINI_PACK, REPO

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


# --- `tq paths` says why a pack of the user pack folder is left out, as the query's warning does --


def _folder_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A pack in the working folder and its copy in the user pack folder."""
    given = tmp_path / "mypack"
    shutil.copytree(MINI_PACK, given)
    folder = Path(os.environ["XDG_DATA_HOME"]) / "tq" / "packs"
    folder.mkdir(parents=True)
    shutil.copytree(given, folder / "mypack")
    return given, folder / "mypack"


def _row(stdout: str, name: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith(name + " "))


def test_paths_says_a_pack_given_with_facts_too_is_the_same_pack_loaded_twice(
    runner: CliRunner, tmp_path: Path
) -> None:
    given, copy = _folder_copy(tmp_path)

    plain = runner.invoke(app, ["paths", "--facts", str(given), "--format", "plain"])
    as_json = runner.invoke(app, ["paths", "--facts", str(given), "--json"])

    assert plain.exit_code == 0, plain.stderr
    row = _row(plain.stdout, "mypack")
    assert f"user pack folder (left out: the same pack as --facts {given}, loaded twice)" in row
    assert "tq validate" not in plain.stdout  # which passes for the folder's copy
    assert runner.invoke(app, ["validate", str(copy)]).exit_code == 0
    packs = json.loads(as_json.stdout)["packs"]
    assert [pack | {"name": None} for pack in packs if pack["left_out"]] == [
        {"name": None, "origin": "user pack folder", "path": str(copy), "left_out": True}
        | {"left_out_reason": "same-pack", "left_out_twin": str(given)}
    ]
    assert [pack["left_out_reason"] for pack in packs if not pack["left_out"]] == [None, None]


def test_paths_says_another_version_defines_its_ids_again(
    runner: CliRunner, tmp_path: Path
) -> None:
    given, copy = _folder_copy(tmp_path)
    with (copy / "facts.toml").open("a", encoding="utf-8") as edited:
        edited.write("\n# edited\n")

    plain = runner.invoke(app, ["paths", "--facts", str(given), "--format", "plain"])
    as_csv = runner.invoke(app, ["paths", "--facts", str(given), "--format", "csv"])

    row = _row(plain.stdout, "mypack")
    assert f"(left out: --facts {given} defines its ids again; another version of it?)" in row
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    left = [r for r in rows if r["left_out"] == "true"]
    assert [(r["path"], r["left_out_reason"], r["left_out_twin"]) for r in left] == [
        (str(copy), "same-ids", str(given))
    ]


def test_paths_still_sends_a_broken_pack_to_tq_validate(runner: CliRunner, tmp_path: Path) -> None:
    folder = Path(os.environ["XDG_DATA_HOME"]) / "tq" / "packs" / "half-done"
    folder.mkdir(parents=True)
    (folder / "facts.toml").write_text('[[event]]\nid = "x"\n', encoding="utf-8")

    plain = runner.invoke(app, ["paths", "--format", "plain"])
    as_json = runner.invoke(app, ["paths", "--json"])

    assert "user pack folder (does not load: left out; see tq validate PATH)" in _row(
        plain.stdout, "half-done"
    )
    (left,) = [pack for pack in json.loads(as_json.stdout)["packs"] if pack["left_out"]]
    assert (left["left_out_reason"], left["left_out_twin"]) == ("problems", None)


# --- s19-33: the CSV `value` column is the fact's details in words, documented kind by kind ------


def test_the_csv_value_column_is_documented_for_every_kind() -> None:
    text = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    table = text.split("| kind | `value` |", 1)[1].split("\n\n", 1)[0]

    documented = {line.split("|")[1].strip(" `") for line in table.splitlines()[2:]}

    assert documented == {kind.value for kind in FactKind}


def test_an_events_value_in_csv_is_its_place_as_documented(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["ask", "where was the doha agreement signed", "--format", "csv", "--limit", "1"]
    )

    assert result.exit_code == 0, result.stderr
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["kind"], row["value"]) == ("event", "Sheraton Grand Doha Resort, Doha, Qatar")
    text = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    assert "(`Sheraton Grand Doha Resort, Doha, Qatar`)" in text
