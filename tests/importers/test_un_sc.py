"""Importing the UN Consolidated List: fixtures for the quirks, the real exports when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_helpers import files, run_import
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.importers import un_sc as unsc
from tqcli.loader import load
from tqcli.model import Pack, Sanction
from tqcli.packs import packs_in_effect

from conftest import FIXTURES, MINI_PACK, REPO

UNSC = FIXTURES / "unsc"
REAL = REPO.parent / "shared" / "data" / "un-sc"
REAL_2017 = REAL / "consolidated-2017-06-20.xml"
REAL_2020 = REAL / "consolidated-2020-03-20.xml"
REAL_2025 = REAL / "consolidated-2025-11-20.xml"
needs_real_data = pytest.mark.skipif(
    not REAL_2020.exists(), reason=f"the real UN exports are not at {REAL} (shared data absent)"
)


def test_first_import_writes_a_valid_pack_and_reports_skipped_records(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, out, _ = run_import(
        runner, "un-sc", str(UNSC / "list-v1.xml"), "--out", str(tmp_path / "p"), "--json"
    )

    assert code == 4  # two records could not be imported
    assert json.loads(out) == {
        "file": str(UNSC / "list-v1.xml"),
        "out": str(tmp_path / "p"),
        "written": True,
        "already_applied": False,
        "date_generated": "2020-01-01T10:00:00.000-05:00",
        "previous_import": False,
        "previous_date_generated": None,
        "lists": [
            {"list": "Taliban", "listings": 1, "added": ["TAi.901"], "removed": []}
            | {"amended": {}, "amendments": {}},
            {
                "list": "Al-Qaida",
                "listings": 3,
                "added": ["QDe.911", "QDi.902", "QDi.903"],
                "removed": [],
                "amended": {},
                "amendments": {},
            },
        ],
        "skipped": [
            {"reference": "DATAID 1005", "reason": "the record has no REFERENCE_NUMBER"},
            {"reference": "TAi.906", "reason": "LISTED_ON 'sometime in 2001' is not a date"},
        ],
    }
    report = load([Pack("p", tmp_path / "p", "--facts")])
    assert report.problems == ()
    assert report.passages_proven == 7  # each listing's record, and each remark


def test_the_real_files_quirks_are_handled(tmp_path: Path) -> None:
    unsc.import_list(UNSC / "list-v1.xml", tmp_path / "p")
    catalog = load([Pack("p", tmp_path / "p", "--facts")]).catalog

    alpha = catalog.entities["un-tai.901"]  # trailing space in its reference number
    assert [(a.name, a.quality, a.note) for a in alpha.aliases] == [
        ("Alpha Akhund", "Good", None),  # the empty placeholder alias is gone
        ("Alfa", "Low", "previously listed as"),
        ("ألفا", None, "name in original script"),
    ]
    assert alpha.attributes == {
        "title": ("Mullah",),
        "nationality": ("Testland",),
        "name in original script": ("ألفا",),
        "born": ("approximately 1968",),
        "place of birth": ("Test City, Testland",),
    }
    listing = catalog.fact("un-listing-tai.901")
    assert listing is not None
    assert isinstance(listing.details, Sanction)
    assert listing.details.remarks == "First line of the comment continues here, indented."
    bravo = catalog.fact("un-listing-qdi.902")  # listed on 2015-03-27-04:00
    assert bravo is not None
    assert str(bravo.date) == "2015-03-27"
    assert catalog.entities["un-qde.911"].name == "GOLF BRIGADES & SONS"
    assert "un-iqi.904" not in catalog.entities  # the Iraq list is not imported by default


def test_reimport_reports_changes_per_list(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p"
    run_import(runner, "un-sc", str(UNSC / "list-v1.xml"), "--out", str(out))

    code, stdout, _ = run_import(
        runner, "un-sc", str(UNSC / "list-v2.xml"), "--out", str(out), "--json"
    )

    report = json.loads(stdout)
    assert code == 4
    assert report["previous_date_generated"] == "2020-01-01T10:00:00.000-05:00"
    assert report["lists"] == [
        {
            "list": "Taliban",
            "listings": 2,
            "added": ["TAi.906"],
            "removed": [],
            "amended": {"TAi.901": ["updated", "remarks"]},
            "amendments": {
                "TAi.901": {
                    "updated": {"before": ["2007-07-18"], "after": ["2007-07-18", "2020-05-05"]},
                    "remarks": {
                        "before": "First line of the comment continues here, indented.",
                        "after": "First line of the comment continues here, amended.",
                    },
                }
            },
        },
        {
            "list": "Al-Qaida",
            "listings": 3,
            "added": ["QDi.907"],
            "removed": ["QDi.903"],
            "amended": {},
            "amendments": {},
        },
    ]


def test_importing_an_older_list_says_so(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p"
    run_import(runner, "un-sc", str(UNSC / "list-v2.xml"), "--out", str(out))

    _, _, older = run_import(runner, "un-sc", str(UNSC / "list-v1.xml"), "--out", str(out))
    _, _, newer = run_import(runner, "un-sc", str(UNSC / "list-v2.xml"), "--out", str(out))

    assert older.splitlines() == [
        f"tq: {UNSC / 'list-v1.xml'} was generated 2020-01-01T10:00:00.000-05:00, before the "
        "list it replaces (2020-06-01T10:00:00.000-04:00): the pack goes back to the older list"
    ]
    assert "older list" not in newer


def test_a_dry_run_reports_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p"
    run_import(runner, "un-sc", str(UNSC / "list-v1.xml"), "--out", str(out))
    before = files(out)

    code, stdout, _ = run_import(
        runner, "un-sc", str(UNSC / "list-v2.xml"), "--out", str(out), "--dry-run"
    )

    assert code == 4
    assert stdout.startswith("Would import (dry run) 5 listing(s)")
    assert "amended TAi.901 (" in stdout
    assert "): updated, remarks" in stdout
    assert files(out) == before


def test_output_is_deterministic(tmp_path: Path) -> None:
    unsc.import_list(UNSC / "list-v1.xml", tmp_path / "a")
    unsc.import_list(UNSC / "list-v1.xml", tmp_path / "b")

    assert files(tmp_path / "a") == files(tmp_path / "b")


@pytest.mark.parametrize(
    ("lists", "expected"),
    [
        (["--list", "iraq"], ["Iraq"]),
        (["--all-lists"], ["Al-Qaida", "Iraq", "Taliban"]),
    ],
)
def test_choosing_lists(
    runner: CliRunner, tmp_path: Path, lists: list[str], expected: list[str]
) -> None:
    _, stdout, _ = run_import(
        runner, "un-sc", str(UNSC / "list-v1.xml"), "--out", str(tmp_path / "p"), "--json", *lists
    )

    assert [entry["list"] for entry in json.loads(stdout)["lists"]] == expected


def test_an_unknown_list_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    code, _, stderr = run_import(
        runner, "un-sc", str(UNSC / "list-v1.xml"), "--out", str(tmp_path / "p"), "--list", "Narnia"
    )

    assert code == 2
    assert (
        stderr
        == "tq: --list: no list named 'Narnia' in this file; it has: Al-Qaida, Iraq, Taliban\n"
    )
    assert not (tmp_path / "p").exists()


def test_a_missing_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    code, _, stderr = run_import(
        runner, "un-sc", str(tmp_path / "nope.xml"), "--out", str(tmp_path / "p")
    )

    assert code == 2
    assert "nope.xml: no such file" in stderr


def test_files_a_user_added_to_an_import_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "p"
    unsc.import_list(UNSC / "list-v1.xml", out)
    (out / "my-links.toml").write_text("# mine\n")

    unsc.import_list(UNSC / "list-v2.xml", out)

    assert (out / "my-links.toml").read_text() == "# mine\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p"]  # no staging left behind


def test_an_interrupted_import_leaves_the_previous_pack_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "p"
    unsc.import_list(UNSC / "list-v1.xml", out)
    before = files(out)

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        unsc.import_list(UNSC / "list-v2.xml", out)

    assert files(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p"]


@needs_real_data
def test_real_exports_import_and_report_what_changed(tmp_path: Path) -> None:
    out = tmp_path / "un"
    first = unsc.import_list(REAL_2017, out)
    second = unsc.import_list(REAL_2020, out)

    assert [(c.list_name, c.listings) for c in first.lists] == [("Taliban", 140), ("Al-Qaida", 330)]
    assert [(c.list_name, c.listings) for c in second.lists] == [
        ("Taliban", 140),
        ("Al-Qaida", 349),
    ]
    assert first.skipped == second.skipped == ()
    for before, after in zip(first.lists, second.lists, strict=True):
        assert before.listings - len(after.removed) + len(after.added) == after.listings
    assert any(changes.amended for changes in second.lists)
    report = load([Pack("un", out, "--facts")])
    assert report.problems == ()


@pytest.mark.skipif(
    not (REAL_2020.exists() and REAL_2025.exists()),
    reason=f"the real UN exports of 2020 and 2025 are not at {REAL} (shared data absent)",
)
def test_a_real_report_says_changes_in_words(runner: CliRunner, tmp_path: Path) -> None:
    """stranger-11: an alias's new note was said "gained “formerly listed as”, lost null", and
    remarks were cut so far that their change (one space) could not be seen."""
    out = str(tmp_path / "un")
    run_import(runner, "un-sc", str(REAL_2020), "--out", out)
    code, stdout, _ = run_import(runner, "un-sc", str(REAL_2025), "--out", out)

    assert code == 0
    assert "alias “Al Qa’ida/Islamic Army”: note “formerly listed as” added" in stdout
    assert "null" not in stdout
    assert "None" not in stdout
    assert "web link: https://www.…” became “…Notice web link:https://www.…”" in stdout


@needs_real_data
def test_a_real_listing_is_found_by_reference_alias_and_link(
    runner: CliRunner, tmp_path: Path
) -> None:
    unsc.import_list(REAL_2020, tmp_path / "un")
    facts = ["--facts", str(tmp_path / "un")]

    by_reference = runner.invoke(app, ["search", "TAi.024", "--json", *facts])
    # Among the listings: the built-in pack's own facts on Baradar (and on Mullah Hasan Akhund)
    # share all three words of the alias.
    alias = ["Mullah", "Baradar", "Akhund", "--tag", "un-sanctions-list"]
    by_alias = runner.invoke(app, ["search", *alias, "--json", *facts])
    linked = runner.invoke(app, ["list", "--about", "abdul-ghani-baradar", "--json", *facts])

    assert json.loads(by_reference.stdout)[0]["id"] == "un-listing-tai.024"
    assert json.loads(by_alias.stdout)[0]["id"] == "un-listing-tai.024"
    assert "un-listing-tai.024" in [fact["id"] for fact in json.loads(linked.stdout)]
    catalog = load(packs_in_effect([tmp_path / "un"], environ={})).catalog
    assert catalog.same_entities("abdul-ghani-baradar") == {"abdul-ghani-baradar", "un-tai.024"}


@needs_real_data
def test_the_same_list_imported_twice_is_summed_up_per_pair_of_files(
    runner: CliRunner, tmp_path: Path
) -> None:
    for folder in ("first", "second"):
        run_import(runner, "un-sc", str(REAL_2020), "--out", str(tmp_path / folder))
    facts = [
        "--no-builtin",
        "--facts",
        str(tmp_path / "first"),
        "--facts",
        str(tmp_path / "second"),
    ]

    listed = runner.invoke(app, ["list", *facts])
    validated = runner.invoke(app, ["validate", *facts])

    assert listed.exit_code == validated.exit_code == 3
    lines = listed.stderr.splitlines()
    assert len(lines) == 4, listed.stderr  # sources, entities, listings; then the total
    first, second = tmp_path / "first" / "listings.toml", tmp_path / "second" / "listings.toml"
    assert any(
        line.startswith("tq: ") and f"duplicate ids between {first} and {second}, e.g. 'un-" in line
        for line in lines
    ), listed.stderr
    # tq validate lists every duplicate, each located
    located = [line for line in validated.stderr.splitlines() if "duplicate" in line]
    assert len(located) > 900
    assert int(lines[-1].split()[1]) == len(located)


def test_a_listing_is_listed_and_a_resolution_adopted(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "un-sc", str(UNSC / "list-v1.xml"), "--out", str(tmp_path / "p"))
    packs = ["--no-builtin", "--facts", str(tmp_path / "p"), "--facts", str(MINI_PACK)]

    listing = runner.invoke(app, ["show", "un-listing-tai.901", "--format", "plain", *packs])
    resolution = runner.invoke(app, ["show", "council-resolution-42", "--format", "plain", *packs])

    assert "Consolidated List entry TAi.901 · UN Security Council · listed 2001-02-23\n" in (
        listing.stdout
    )
    assert "adopted" not in listing.stdout
    assert "Resolution 42 · Example Council · adopted 2020-03\n" in resolution.stdout


def test_each_listing_holds_as_of_the_date_the_list_was_generated(
    runner: CliRunner, tmp_path: Path
) -> None:
    run_import(runner, "un-sc", str(UNSC / "list-v1.xml"), "--out", str(tmp_path / "p"))
    listings = (tmp_path / "p" / "listings.toml").read_text(encoding="utf-8")
    assert (
        "Consolidated List as of 2020-01-01 (the date the list was generated, its dateGenerated)"
    ) in listings


def test_an_xml_error_is_located_by_line_and_column_counted_from_1(
    runner: CliRunner, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.xml"
    wrong_line = "<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>Mullāh</FIRST_NAMEX>"
    broken.write_text(f"<CONSOLIDATED_LIST>\n{wrong_line}\n", encoding="utf-8")

    code, stdout, stderr = run_import(runner, "un-sc", str(broken), "--out", str(tmp_path / "p"))

    assert (code, stdout) == (3, "")
    assert stderr == f"tq: {broken}:2:46: not well-formed XML\n"
    # As an editor counts: character 46 of line 2 (ā is one) begins the mismatched tag's name.
    assert wrong_line[46 - 1 :] == "FIRST_NAMEX>"


@pytest.mark.parametrize("name", ["sdn.csv", "SDN.CSV", "list.txt"])
def test_a_csv_file_given_to_the_un_importer_points_to_the_ofac_one(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    csv_file = tmp_path / name
    csv_file.write_text('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- \n', encoding="utf-8")

    code, stdout, stderr = run_import(runner, "un-sc", str(csv_file), "--out", str(tmp_path / "p"))

    assert (code, stdout) == (3, "")
    assert stderr == (
        f"tq: {csv_file}:1:1: not well-formed XML; a CSV file? OFAC's SDN list is imported with "
        "'tq import ofac-sdn'\n"
    )
