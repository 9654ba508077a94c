"""Importing OFAC's SDN list: fixtures for the CSV's quirks, the real files when present."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from import_helpers import files, run_import
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.importers import ofac_sdn
from tqcli.loader import load
from tqcli.model import Pack, Sanction

from conftest import FIXTURES, REPO

OFAC = FIXTURES / "ofac"
REAL = REPO.parent / "shared" / "data" / "ofac-sdn"
needs_real_data = pytest.mark.skipif(
    not (REAL / "sdn-2024-05-03.csv").exists(),
    reason=f"the real OFAC SDN files are not at {REAL} (shared data absent)",
)


def _with_alt_and_add(out: Path, sdn: str = "sdn.csv") -> list[str]:
    return [
        str(OFAC / sdn),
        "--alt",
        str(OFAC / "alt.csv"),
        "--add",
        str(OFAC / "add.csv"),
        "--out",
        str(out),
    ]


def test_the_csv_quirks_are_read_and_bad_rows_reported(runner: CliRunner, tmp_path: Path) -> None:
    code, stdout, _ = run_import(runner, "ofac-sdn", *_with_alt_and_add(tmp_path / "o"), "--json")

    assert code == 4
    report = json.loads(stdout)
    assert report["lists"] == [
        {"list": "SDN", "listings": 4, "added": ["101", "102", "103", "104"], "removed": []}
        | {"amended": {}, "amendments": {}}
    ]
    assert report["skipped"] == [
        {"reference": f"{OFAC / 'sdn.csv'}:5", "reason": "the row has 4 field(s), not 12"},
        {"reference": "102", "reason": "ent_num appears twice"},
        {
            "reference": "999",
            "reason": "ALT or ADD rows name this ent_num, which SDN.CSV does not hold",
        },
    ]
    loaded = load([Pack("o", tmp_path / "o", "--facts")])
    assert loaded.problems == ()
    assert loaded.passages_proven == 4  # each entry's row, verbatim in the archived file
    catalog = loaded.catalog
    alpha = catalog.entities["ofac-102"]
    assert alpha.kind.value == "person"
    assert [(a.name, a.note) for a in alpha.aliases] == [
        ("ALPHA, B.", "a.k.a."),  # from ALT.CSV
        ("ALFA", "a.k.a."),  # from the remarks
        ("BRAVO'S GROUP", "f.k.a."),
    ]
    assert alpha.attributes == {
        "born": ("01 Jan 1961", "1962"),
        "place of birth": ("Café Town, Testland",),  # Latin-1 in the file
        "nationality": ("Testland",),
        "gender": ("Male",),
        "passport": ("X123 (Testland)",),
        "address": ("1 Test Street, Test City, Testland",),
    }
    listing = catalog.fact("ofac-sdn-102")
    assert listing is not None
    assert isinstance(listing.details, Sanction)
    assert listing.details.list_name == "SDN"
    assert "SDGT, IRGC program(s)" in listing.claim  # `SDGT] [IRGC` in the file
    # Linked To: a name on the list links the fact to it; a name not on it links nothing
    assert listing.about == ("ofac-102", "ofac-101")
    assert "linked to TEST GROUP; NOBODY LISTED" in listing.claim
    vessel = catalog.fact("ofac-sdn-103")
    assert vessel is not None
    assert vessel.about == ("ofac-103", "ofac-104")  # `SHIPPING CO., LTD.` despite its stop
    assert catalog.entities["ofac-103"].attributes["vessel flag"] == ("Panama",)
    archived = (tmp_path / "o" / "archive" / "sdn.csv").read_bytes()
    assert archived == (OFAC / "sdn.csv").read_bytes().rstrip(b"\x1a").decode("latin-1").encode()


def test_reimport_reports_added_removed_and_amended(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "ofac-sdn", *_with_alt_and_add(tmp_path / "o"))

    code, stdout, _ = run_import(
        runner, "ofac-sdn", *_with_alt_and_add(tmp_path / "o", "sdn-v2.csv"), "--json"
    )

    assert code == 4
    assert json.loads(stdout)["lists"] == [
        {
            "list": "SDN",
            "listings": 4,
            "added": ["106"],
            "removed": ["101"],
            "amended": {"104": ["programs"]},
            "amendments": {"104": {"programs": {"before": ["IRAN"], "after": ["IRAN", "SDGT"]}}},
        }
    ]


def test_an_address_or_vessel_change_is_reported_once(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "ofac-sdn", *_with_alt_and_add(tmp_path / "o"))
    moved = tmp_path / "add.csv"
    moved.write_bytes((OFAC / "add.csv").read_bytes().replace(b"1 Test Street", b"2 Test Road"))
    reflagged = tmp_path / "sdn.csv"
    reflagged.write_bytes((OFAC / "sdn.csv").read_bytes().replace(b'"Panama"', b'"Malta"'))
    again = [str(reflagged), "--alt", str(OFAC / "alt.csv"), "--add", str(moved)]
    again += ["--out", str(tmp_path / "o")]

    _, as_text, _ = run_import(runner, "ofac-sdn", *again, "--dry-run")
    _, as_json, _ = run_import(runner, "ofac-sdn", *again, "--json")

    changes = json.loads(as_json)["lists"][0]
    assert changes["amended"] == {"102": ["addresses"], "103": ["vessel"]}
    assert changes["amendments"]["102"] == {
        "addresses": {
            "before": ["1 Test Street, Test City, Testland"],
            "after": ["2 Test Road, Test City, Testland"],
        }
    }
    assert list(changes["amendments"]["103"]) == ["vessel"]
    amended = [line.strip() for line in as_text.splitlines() if line.startswith("      ")]
    assert amended == [  # each change once, under its own field (not again under attributes)
        "addresses: “1 Test Street, Test City,…” became “2 Test Road, Test City,…”",
        "vessel: vessel flag “Panama” became “Malta”",
    ]


def test_the_list_is_cited_with_the_date_given_as_published(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "o"
    run_import(runner, "ofac-sdn", *_with_alt_and_add(out))
    undated = runner.invoke(app, ["sources", "--json", "--no-builtin", "--facts", str(out)])
    run_import(runner, "ofac-sdn", *_with_alt_and_add(out), "--published", "2024-05-03")
    dated = runner.invoke(app, ["sources", "--json", "--no-builtin", "--facts", str(out)])

    assert json.loads(undated.stdout)[0]["published"] is None
    assert json.loads(dated.stdout)[0]["published"] == "2024-05-03"


def test_a_published_date_in_the_future_is_refused_and_nothing_is_written(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "o"
    result = runner.invoke(
        app, ["import", "ofac-sdn", *_with_alt_and_add(out), "--published", "2999-01-01"]
    )

    assert result.exit_code == 2
    assert result.stderr == "tq: --published 2999-01-01 is in the future\n"
    assert not out.exists()  # a pack citing it would not validate


def test_who_shows_an_entrys_own_listing_before_those_linked_to_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "o"
    run_import(runner, "ofac-sdn", *_with_alt_and_add(out))

    result = runner.invoke(app, ["who", "ofac-104", "--json", "--no-builtin", "--facts", str(out)])

    # 103, the vessel, is linked to 104: its entry comes after 104's own.
    assert [fact["id"] for fact in json.loads(result.stdout)["facts"]] == [
        "ofac-sdn-104",
        "ofac-sdn-103",
    ]


def test_a_file_that_is_not_an_sdn_csv_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    code, stdout, stderr = run_import(
        runner, "ofac-sdn", str(FIXTURES / "unsc" / "list-v1.xml"), "--out", str(tmp_path / "o")
    )

    assert (code, stdout) == (3, "")
    assert stderr == f"tq: {FIXTURES / 'unsc' / 'list-v1.xml'}: the file holds no SDN entries\n"
    assert not (tmp_path / "o").exists()


def test_an_import_of_another_kind_is_never_replaced(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(
        app, ["import", "un-sc", str(FIXTURES / "unsc" / "list-v1.xml"), "--out", str(tmp_path)]
    )

    code, _, stderr = run_import(runner, "ofac-sdn", *_with_alt_and_add(tmp_path))

    assert code == 2
    assert f"{str(tmp_path)!r} holds a pack written by `tq import un-sc`; choose" in stderr


@needs_real_data
def test_the_next_real_file_reports_exactly_the_three_entries_added(tmp_path: Path) -> None:
    ofac_sdn.import_sdn(REAL / "sdn-2021-08-18.csv", tmp_path / "o")

    report = ofac_sdn.import_sdn(REAL / "sdn-2021-08-20.csv", tmp_path / "o")

    assert report.previous_import
    assert [
        (c.list_name, c.listings, c.added, c.removed, dict(c.amended)) for c in report.lists
    ] == [("SDN", 9086, ("33020", "33021", "33051"), (), {})]
    assert report.skipped == ()


@needs_real_data
def test_the_2024_file_imports_the_same_bytes_every_time_and_validates(tmp_path: Path) -> None:
    first = ofac_sdn.import_sdn(REAL / "sdn-2024-05-03.csv", tmp_path / "a")
    ofac_sdn.import_sdn(REAL / "sdn-2024-05-03.csv", tmp_path / "b")

    assert first.lists[0].listings == 14965
    assert first.skipped == ()
    assert files(tmp_path / "a") == files(tmp_path / "b")
    loaded = load([Pack("a", tmp_path / "a", "--facts")])
    assert loaded.problems == ()
    taliban = loaded.catalog.entities["ofac-6636"]
    assert taliban.name == "TALIBAN"
    linked = [
        fact.id
        for fact in loaded.catalog.facts
        if "ofac-6636" in fact.about and fact.id != "ofac-sdn-6636"
    ]
    assert len(linked) == 22  # the entries whose remarks say `Linked To: TALIBAN`


@needs_real_data
def test_baradar_is_not_on_the_real_sdn_list(tmp_path: Path, runner: CliRunner) -> None:
    ofac_sdn.import_sdn(REAL / "sdn-2024-05-03.csv", tmp_path / "o")
    facts = ["--facts", str(tmp_path / "o"), "--no-builtin"]

    found = runner.invoke(app, ["search", "Baradar", "--json", *facts])

    assert found.exit_code == 1
    assert json.loads(found.stdout) == []


@needs_real_data
def test_the_real_files_with_aliases_and_addresses(tmp_path: Path) -> None:
    report = ofac_sdn.import_sdn(
        REAL / "sdn-2021-04.csv",
        tmp_path / "o",
        alt=REAL / "alt-2021-04.csv",
        add=REAL / "add-2021-04.csv",
    )

    assert report.skipped == ()
    catalog = load([Pack("o", tmp_path / "o", "--facts")]).catalog
    cuba_bank = catalog.entities["ofac-306"]
    assert "NATIONAL BANK OF CUBA" in cuba_bank.names
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in cuba_bank.attributes["address"]


@needs_real_data
def test_real_address_and_vessel_changes_are_reported_once(tmp_path: Path) -> None:
    ofac_sdn.import_sdn(
        REAL / "sdn-2021-04.csv",
        tmp_path / "o",
        alt=REAL / "alt-2021-04.csv",
        add=REAL / "add-2021-04.csv",
    )
    without_add = ofac_sdn.import_sdn(REAL / "sdn-2021-08-18.csv", tmp_path / "o", dry_run=True)
    ofac_sdn.import_sdn(REAL / "sdn-2021-08-20.csv", tmp_path / "o")
    three_years_on = ofac_sdn.import_sdn(REAL / "sdn-2024-05-03.csv", tmp_path / "o", dry_run=True)

    moved = without_add.lists[0]
    assert moved.amended["36"] == ("aliases", "addresses")  # AEROCARIBBEAN AIRLINES
    assert moved.amended["424"] == ("addresses",)  # BOUTIQUE LA MAISON
    vessels = three_years_on.lists[0]
    assert sum("vessel" in fields for fields in vessels.amended.values()) == 48
    for changes in (moved, vessels):
        for amendment in changes.amendments.values():
            if "attributes" in amendment:  # only what the remarks say: never an address again
                for before_or_after in amendment["attributes"]:
                    named = {name for name, _ in before_or_after or ()}
                    assert not named & {"address", "vessel flag", "call sign", "vessel type"}


def test_a_dry_run_reports_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "ofac-sdn", *_with_alt_and_add(tmp_path / "o"))
    before = files(tmp_path / "o")

    code, stdout, _ = run_import(
        runner, "ofac-sdn", *_with_alt_and_add(tmp_path / "o", "sdn-v2.csv"), "--dry-run"
    )

    assert code == 4
    assert stdout.startswith("Would import (dry run) 4 listing(s)")
    assert "amended 104 (" in stdout
    assert "): programs\n" in stdout
    assert files(tmp_path / "o") == before


def test_leaving_out_alt_and_add_on_reimport_is_said(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "ofac-sdn", *_with_alt_and_add(tmp_path / "o"))

    code, _, stderr = run_import(
        runner, "ofac-sdn", str(OFAC / "sdn.csv"), "--out", str(tmp_path / "o")
    )

    assert code == 4
    assert stderr.splitlines()[:2] == [
        "tq: the previous import had ALT.CSV and this one has not (--alt): "
        "entries' aliases show as amended",
        "tq: the previous import had ADD.CSV and this one has not (--add): "
        "entries' addresses show as amended",
    ]


@pytest.mark.parametrize(
    ("sdn", "option", "given", "message"),
    [
        pytest.param(
            "sdn.csv",
            "--alt",
            "add.csv",
            "--alt: {path} does not look like ALT.CSV (5 fields a row): its rows have 6 fields, "
            "as ADD.CSV's do: is it ADD.CSV (give it with --add)?",
            id="add-as-alt",
        ),
        pytest.param(
            "sdn.csv",
            "--add",
            "alt.csv",
            "--add: {path} does not look like ADD.CSV (6 fields a row): its rows have 5 fields, "
            "as ALT.CSV's do: is it ALT.CSV (give it with --alt)?",
            id="alt-as-add",
        ),
        pytest.param(
            "alt.csv",
            "--alt",
            "sdn.csv",
            "SDN.CSV: {path} does not look like SDN.CSV (12 fields a row): its rows have 5 "
            "fields, as ALT.CSV's do: is it ALT.CSV (give it with --alt)?",
            id="alt-as-sdn",
        ),
    ],
)
def test_swapped_files_are_named_not_skipped_row_by_row(
    runner: CliRunner, tmp_path: Path, sdn: str, option: str, given: str, message: str
) -> None:
    out = tmp_path / "o"
    code, stdout, stderr = run_import(
        runner, "ofac-sdn", str(OFAC / sdn), option, str(OFAC / given), "--out", str(out)
    )

    wrong = OFAC / (sdn if sdn == "alt.csv" else given)
    assert (code, stdout) == (2, "")
    assert stderr == "tq: " + message.format(path=wrong) + "\n"
    assert not out.exists()


def test_many_skipped_records_are_counted_by_reason(runner: CliRunner, tmp_path: Path) -> None:
    alt = tmp_path / "alt.csv"
    rows = [(OFAC / "alt.csv").read_text(encoding="utf-8")]
    rows += [f'102,{n},"aka"\n' for n in range(30)] + [f"x{n},1,aka,NAME,-0-\n" for n in range(3)]
    alt.write_text("".join(rows), encoding="utf-8")
    args = [str(OFAC / "sdn.csv"), "--alt", str(alt), "--out", str(tmp_path / "o")]

    code, stdout, _ = run_import(runner, "ofac-sdn", *args, "--dry-run", "--format", "plain")
    _, as_json, _ = run_import(runner, "ofac-sdn", *args, "--dry-run", "--json")

    assert code == 4
    skipped_part = stdout[stdout.index("Skipped") :].splitlines()
    assert skipped_part[:3] == [
        "Skipped 36 record(s):",
        "  30 × the row has 3 field(s), not 5",
        "  3 × the row's first field '…' is not an entry number",
    ]
    assert len(skipped_part) == 6 + 1 + 5  # 5 reasons (3 the fixture's own), then the first 5
    assert skipped_part[6] == "The first 5 (--json lists them all):"
    assert skipped_part[7] == f"  {alt}:4: the row has 3 field(s), not 5"
    assert len(json.loads(as_json)["skipped"]) == 36


def test_each_listing_says_as_of_when_and_on_what_date_it_rests(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The files carry no date: a listing holds as of the date given with --published, else
    it is the undated file's (it said "as of" the day of the import: stranger 16, finding 6)."""
    out = tmp_path / "o"
    run_import(runner, "ofac-sdn", *_with_alt_and_add(out))
    undated = (out / "listings.toml").read_text(encoding="utf-8")
    run_import(runner, "ofac-sdn", *_with_alt_and_add(out), "--published", "2024-05-03")
    dated = (out / "listings.toml").read_text(encoding="utf-8")

    today = dt.date.today().isoformat()
    assert f"list in an undated file imported on {today} (the data carry no date)" in undated
    assert "list as of 2024-05-03 (its date of publication, given on import)" in dated


OLDER = "looks older than the list it replaces"


@pytest.mark.parametrize(
    ("first", "then", "older"),
    [("sdn-v2.csv", "sdn.csv", True), ("sdn.csv", "sdn-v2.csv", False)],
    ids=["older over newer", "newer over older"],
)
def test_a_file_older_than_the_one_it_replaces_is_noticed(
    runner: CliRunner, tmp_path: Path, first: str, then: str, older: bool
) -> None:
    """Stranger 16, finding 6: the 2021 file over the 2024 one went back three years without
    a word (the UN importer says so by dateGenerated). The files carry no date, but OFAC
    numbers its entries in order: sdn-v2.csv has entry 106, sdn.csv's newest is 104 (105 is
    malformed)."""
    out = tmp_path / "o"
    run_import(runner, "ofac-sdn", str(OFAC / first), "--out", str(out))
    _, stdout, stderr = run_import(
        runner, "ofac-sdn", str(OFAC / then), "--out", str(out), "--json"
    )
    said = [line for line in stderr.splitlines() if OLDER in line]
    assert said == (
        [
            f"tq: {OFAC / then} looks older than the list it replaces: its newest entry is "
            "ent_num 104, the previous import's 106 (OFAC numbers its entries in order): the "
            "pack goes back to an older list, unless OFAC removed its newest entries"
        ]
        if older
        else []
    )
    assert OLDER not in stdout


@pytest.mark.parametrize(
    ("before", "now", "older"),
    [("2024-05-03", "2021-08", True), ("2024-05", "2024-05-03", False), ("2021", "2024", False)],
)
def test_published_dates_given_to_both_imports_decide_which_is_older(
    runner: CliRunner, tmp_path: Path, before: str, now: str, older: bool
) -> None:
    out = tmp_path / "o"
    run_import(runner, "ofac-sdn", str(OFAC / "sdn.csv"), "--out", str(out), "--published", before)
    # (sdn-v2.csv has a newer entry: the dates given decide, not the numbers.)
    _, _, stderr = run_import(
        runner, "ofac-sdn", str(OFAC / "sdn-v2.csv"), "--out", str(out), "--published", now
    )
    said = [line for line in stderr.splitlines() if "before the list it replaces" in line]
    assert said == (
        [
            f"tq: {OFAC / 'sdn-v2.csv'} was published {now} (--published), before the list it "
            f"replaces ({before}): the pack goes back to the older list"
        ]
        if older
        else []
    )
