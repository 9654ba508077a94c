"""Importing OpenSanctions FollowTheMoney data: an export, a delta on it, the real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_helpers import files, run_import
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.importers import ftm, un_sc
from tqcli.loader import load
from tqcli.model import Pack, Sanction

from conftest import FIXTURES, REPO

FTM = FIXTURES / "ftm"
REAL = REPO.parent / "shared" / "data" / "opensanctions"
REAL_DELTA = REAL / "entities.delta-2024-05-30.json"
needs_real_data = pytest.mark.skipif(
    not REAL_DELTA.exists(),
    reason=f"the real OpenSanctions files are not at {REAL} (shared data absent)",
)


def test_an_export_becomes_entities_and_sanction_facts(runner: CliRunner, tmp_path: Path) -> None:
    code, stdout, _ = run_import(
        runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(tmp_path / "os"), "--json"
    )

    assert code == 4
    report = json.loads(stdout)
    assert [(entry["list"], entry["listings"]) for entry in report["lists"]] == [
        ("Address", 1),
        ("Organization", 1),
        ("Ownership", 1),
        ("Person", 1),
        ("Sanction", 2),
    ]
    assert report["skipped"] == [
        {"reference": "broken-1", "reason": "its properties are not lists of strings"}
    ]
    loaded = load([Pack("os", tmp_path / "os", "--facts")])
    assert loaded.problems == ()
    assert loaded.passages_proven == 2  # each Sanction's line, verbatim in the archive
    alpha = loaded.catalog.entities["os-nk-alpha1"]
    assert [(a.name, a.note) for a in alpha.aliases] == [
        ("ALPHA ONE", None),
        ("Alfa", "alias"),
        ("A1", "weak alias"),
    ]
    assert alpha.attributes["address"] == ("1 Test Street, Test City",)  # from its Address
    assert alpha.attributes["OpenSanctions datasets"] == ("test_list", "un_sc_sanctions")
    assert alpha.same_as == ("un-tai.901",)  # the Sanction's unscId: a link the data makes
    listing = loaded.catalog.fact("os-sanction-unsc-san-1")
    assert listing is not None
    assert isinstance(listing.details, Sanction)
    assert listing.claim == (
        "Alpha One is subject to a sanction by United Nations Security Council under Taliban, "
        "according to OpenSanctions (datasets: un_sc_sanctions), as of 2024-05-01 (the latest "
        "day the data says a record was seen)."
    )
    assert str(listing.date) == "2001-02-23"
    assert listing.details.reference == "TAi.901"
    assert listing.details.measures == ("Asset freeze",)
    assert listing.details.remarks == "A reason, given over two lines."
    source = loaded.catalog.sources["opensanctions-os"]  # named after its folder
    assert any("CC BY-NC 4.0" in note for note in source.notes)


def test_a_delta_is_applied_to_the_previous_import(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "os"
    run_import(runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(out))

    code, stdout, stderr = run_import(
        runner, "ftm", str(FTM / "delta.json"), "--out", str(out), "--json"
    )

    assert code == 4  # one line with an unknown op
    report = json.loads(stdout)
    changed = {entry["list"]: entry for entry in report["lists"]}
    assert changed["Person"] == {
        "list": "Person",
        "listings": 2,
        "added": ["NK-Bravo3"],
        "removed": [],
        "amended": {"NK-Alpha1": ["alias"]},
        "amendments": {
            "NK-Alpha1": {"alias": {"before": ["Alfa"], "after": ["Alfa", "Alfa Akhund"]}}
        },
    }
    assert changed["Organization"]["removed"] == ["NK-Org2"]
    assert changed["Sanction"]["added"] == ["test-san-3"]
    assert changed["Sanction"]["removed"] == ["test-san-2"]
    assert report["skipped"] == [
        {"reference": "line 7", "reason": "not a delta line (op 'RENAME')"}
    ]
    assert "tq: 1 DEL line(s) name entities this import does not hold\n" in stderr
    catalog = load([Pack("os", out, "--facts")]).catalog
    assert "os-nk-org2" not in catalog.entities
    assert "Alfa Akhund" in catalog.entities["os-nk-alpha1"].names
    assert catalog.fact("os-sanction-test-san-3") is not None


def test_the_file_read_is_named_in_the_source_record_unless_several_made_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Stranger 15: the UN and OFAC imports name the file they read (file_name), ftm did not.
    An export read alone is named so; a delta applied on it makes a pack no one file holds,
    whose notes list the files applied, in order, and which names none (nor invents an
    address)."""
    out = tmp_path / "os"
    run_import(runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(out))
    [source] = load([Pack("os", out, "--facts")]).catalog.sources.values()
    assert (source.file_name, source.url) == ("export.ftm.json", None)

    run_import(runner, "ftm", str(FTM / "delta.json"), "--out", str(out))
    [source] = load([Pack("os", out, "--facts")]).catalog.sources.values()
    assert (source.file_name, source.url) == (None, None)
    assert "Files applied, in order: export.ftm.json (export, sha256 " in " ".join(source.notes)


def test_a_un_reference_links_the_entity_to_the_un_listing(tmp_path: Path) -> None:
    un_sc.import_list(FIXTURES / "unsc" / "list-v1.xml", tmp_path / "un")
    ftm.import_ftm(FTM / "export.ftm.json", tmp_path / "os")

    catalog = load(
        [Pack("un", tmp_path / "un", "--facts"), Pack("os", tmp_path / "os", "--facts")]
    ).catalog

    assert catalog.same_entities("os-nk-alpha1") == {"os-nk-alpha1", "un-tai.901"}
    assert catalog.same_entities("os-nk-org2") == {"os-nk-org2"}  # no UN reference, no link


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<html></html>\n", "x.json:1: not FollowTheMoney JSON (one object a line)"),
        ("\n\n", "x.json: the file holds no entities"),
    ],
)
def test_a_file_that_is_not_ftm_is_refused(
    runner: CliRunner, tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "x.json").write_text(text)

    code, stdout, stderr = run_import(
        runner, "ftm", str(tmp_path / "x.json"), "--out", str(tmp_path / "os")
    )

    assert (code, stdout) == (3, "")
    assert message in stderr
    assert not (tmp_path / "os").exists()


@needs_real_data
def test_the_real_delta_imports_validates_and_is_deterministic(tmp_path: Path) -> None:
    # (Two folders of one name: the source is named after its folder.)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    report = ftm.import_ftm(REAL_DELTA, tmp_path / "a" / "os")
    ftm.import_ftm(REAL_DELTA, tmp_path / "b" / "os")

    assert report.skipped == ()
    assert {c.list_name: c.listings for c in report.lists}["Person"] == 451
    assert files(tmp_path / "a" / "os") == files(tmp_path / "b" / "os")
    loaded = load([Pack("a", tmp_path / "a" / "os", "--facts")])
    assert loaded.problems == ()
    baradar = loaded.catalog.entities["os-q317219"]
    assert baradar.name == "Abdul Ghani Baradar Abdul Ahmad Turk"
    datasets = baradar.attributes["OpenSanctions datasets"]
    assert "un_sc_sanctions" in datasets
    assert "us_ofac_sdn" not in datasets  # he is not on the SDN list, and nothing says he is


@needs_real_data
def test_reapplying_the_real_delta_changes_nothing(tmp_path: Path) -> None:
    ftm.import_ftm(REAL_DELTA, tmp_path / "os")

    again = ftm.import_ftm(REAL_DELTA, tmp_path / "os")

    assert all(not (c.added or c.removed or c.amended) for c in again.lists)


@needs_real_data
def test_the_real_export_imports(tmp_path: Path) -> None:
    report = ftm.import_ftm(REAL / "zala-entities.ftm.json", tmp_path / "os")

    assert report.skipped == ()
    assert load([Pack("os", tmp_path / "os", "--facts")]).problems == ()


def test_a_dry_run_of_a_delta_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "os"
    run_import(runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(out))
    before = files(out)

    code, stdout, _ = run_import(
        runner, "ftm", str(FTM / "delta.json"), "--out", str(out), "--dry-run"
    )

    assert code == 4
    assert "amended NK-Alpha1 (Alpha One): alias\n      alias: gained “Alfa Akhund”\n" in stdout
    assert files(out) == before


def test_ids_that_differ_only_in_case_are_not_merged(tmp_path: Path) -> None:
    source = tmp_path / "e.ftm.json"
    source.write_text(
        '{"id": "NK-ab", "schema": "Person", "properties": {"name": ["One"]}}\n'
        '{"id": "NK-AB", "schema": "Person", "properties": {"name": ["Two"]}}\n'
    )

    report = ftm.import_ftm(source, tmp_path / "os")

    assert [(s.reference, s.reason) for s in report.skipped] == [
        ("NK-ab", "its tq id 'os-nk-ab' is 'NK-AB''s already")
    ]
    assert load([Pack("os", tmp_path / "os", "--facts")]).catalog.entities["os-nk-ab"].name == "Two"


def test_published_dates_the_citation_and_the_listings(runner: CliRunner, tmp_path: Path) -> None:
    """As `tq import ofac-sdn --published`: the list is cited with the date, and each listing
    holds as of it (without it, as of the latest day the data says a record was seen)."""
    out = tmp_path / "os"
    run_import(
        runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(out), "--published", "2024-05-30"
    )
    pack = ["--no-builtin", "--facts", str(out)]
    cited = runner.invoke(app, ["cite", "opensanctions-os", *pack])
    assert cited.stdout.startswith("OpenSanctions. (2024, May 30). OpenSanctions data")
    sanctions = (out / "sanctions.toml").read_text(encoding="utf-8")
    assert "as of 2024-05-30 (its date of publication, given on import)." in sanctions


def test_a_published_date_in_the_future_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["import", "ftm", str(FTM / "export.ftm.json"), "--out", str(tmp_path / "os"),
         "--published", "2999-01-01"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == "tq: --published 2999-01-01 is in the future\n"
    assert not (tmp_path / "os").exists()


def test_a_delta_applied_again_is_a_no_op_that_says_so(runner: CliRunner, tmp_path: Path) -> None:
    """Given twice, a delta is applied (and logged as applied) once; the second time nothing is
    written and the report says why, in words and in JSON."""
    out = tmp_path / "os"
    run_import(runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(out))
    run_import(runner, "ftm", str(FTM / "delta.json"), "--out", str(out))
    before = files(out)

    code, stdout, stderr = run_import(runner, "ftm", str(FTM / "delta.json"), "--out", str(out))
    _, again, _ = run_import(runner, "ftm", str(FTM / "delta.json"), "--out", str(out), "--json")

    assert code == 0
    assert (
        stdout
        == f"Nothing to do: {FTM / 'delta.json'} was applied to {out} already; nothing changed.\n"
    )
    assert stderr == ""
    assert files(out) == before  # the metadata logs the delta once
    applied = json.loads((out / ".tq-import.json").read_text(encoding="utf-8"))["applied"]
    assert [item["kind"] for item in applied] == ["export", "delta"]
    report = json.loads(again)
    assert (report["already_applied"], report["written"]) == (True, False)
    assert all(not (c["added"] or c["removed"] or c["amended"]) for c in report["lists"])


def test_each_import_has_a_source_of_its_own_and_they_load_together(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Stranger 16, finding 7: two imports of two datasets shared the source id
    'opensanctions', and loading both failed with 540 problems (539 passages checked against
    the other's archive). Each is named after its folder, the suggested one as before."""
    suggested, second = tmp_path / "opensanctions", tmp_path / "second"
    run_import(runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(suggested))
    run_import(runner, "ftm", str(FTM / "second-dataset.ftm.json"), "--out", str(second))
    loaded = load([Pack("os", suggested, "--facts"), Pack("second", second, "--facts")])
    assert loaded.problems == ()
    assert set(loaded.catalog.sources) == {"opensanctions", "opensanctions-second"}
    assert loaded.passages_proven == 3
    # A delta applied there, or the export imported again, keeps the id.
    run_import(runner, "ftm", str(FTM / "delta.json"), "--out", str(suggested))
    run_import(runner, "ftm", str(FTM / "second-dataset.ftm.json"), "--out", str(second))
    again = load([Pack("os", suggested, "--facts"), Pack("second", second, "--facts")])
    assert set(again.catalog.sources) == {"opensanctions", "opensanctions-second"}


def test_two_imports_of_one_source_id_are_one_problem_with_a_hint(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Packs imported before each import had its own id: the duplicate is one problem, with
    what to do, and each pack's passages are proven against its own archive."""
    first, second = tmp_path / "first", tmp_path / "second"
    run_import(runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(first))
    run_import(runner, "ftm", str(FTM / "second-dataset.ftm.json"), "--out", str(second))
    for pack in (first, second):  # as tq import ftm wrote them until 2026-11-27
        for name in ("sources.toml", "sanctions.toml"):
            path = pack / name
            text = path.read_text(encoding="utf-8")
            path.write_text(
                text.replace(f'"{ftm.source_id(pack)}"', '"opensanctions"'), encoding="utf-8"
            )
    loaded = load([Pack("first", first, "--facts"), Pack("second", second, "--facts")])
    assert [problem.message for problem in loaded.problems] == [
        f"duplicate source id 'opensanctions', first defined at {first / 'sources.toml'}:3 "
        "(two packs made by `tq import ftm`: import one of them again, and its source is named "
        "after its folder, opensanctions-FOLDER)"
    ]
    assert loaded.passages_proven == 3


def test_the_report_counts_records_not_listings(runner: CliRunner, tmp_path: Path) -> None:
    """Stranger 16, finding 11: an Address, an Ownership is no listing, which is what tq
    calls a sanctions listing everywhere else."""
    code, stdout, _ = run_import(
        runner, "ftm", str(FTM / "export.ftm.json"), "--out", str(tmp_path / "os"), "--dry-run"
    )
    assert code == 4
    assert stdout.startswith("Would import (dry run) 6 record(s) from ")
    assert "First import into this pack: every record is new." in stdout
    assert "  Address: 1 record(s); 1 added, 0 removed, 0 amended" in stdout
    assert "listing" not in stdout
