"""An import whose data carry no date says so on stderr (stranger-12, finding 7): its listings
are cited as of the day of the import, which a reader takes for the list's own date; the note
names --published where the importer has it. Never on stdout, never when a date is known."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from import_helpers import run_import
from typer.testing import CliRunner

from conftest import FIXTURES

OFAC = FIXTURES / "ofac"
FTM = FIXTURES / "ftm"
UN = FIXTURES / "unsc"
SAID = "carries no date, so its listings are cited undated"


def _undated_un(tmp_path: Path) -> Path:
    """The UN fixture without its dateGenerated."""
    text = (UN / "list-v1.xml").read_text(encoding="utf-8")
    undated = tmp_path / "undated.xml"
    undated.write_text(text.replace(' dateGenerated="2020-01-01T10:00:00.000-05:00"', ""))
    return undated


def _hints(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if SAID in line]


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["import", "dry-run"])
def test_an_sdn_import_without_published_says_the_import_day_is_used(
    runner: CliRunner, tmp_path: Path, dry_run: list[str]
) -> None:
    sdn = OFAC / "sdn.csv"
    code, stdout, stderr = run_import(
        runner, "ofac-sdn", str(sdn), "--out", str(tmp_path / "o"), "--json", *dry_run
    )

    assert code == 4  # the fixture's unreadable rows
    today = dt.date.today().isoformat()
    assert _hints(stderr) == [
        f'tq: {sdn} carries no date, so its listings are cited undated, "in an undated file '
        f'imported on {today}": give --published YYYY-MM-DD, the day OFAC published it, to cite '
        "that date instead"
    ]
    assert "no date" not in stdout
    json.loads(stdout)
    if not dry_run:
        listings = (tmp_path / "o" / "listings.toml").read_text(encoding="utf-8")
        assert f"list in an undated file imported on {today} (the data carry no date)," in listings
        assert f"as of {today}" not in listings  # (stranger 16, finding 6)


def test_an_sdn_import_with_published_says_nothing_of_dates(
    runner: CliRunner, tmp_path: Path
) -> None:
    _, _, stderr = run_import(
        runner, "ofac-sdn", str(OFAC / "sdn.csv"), "--out", str(tmp_path / "o"),
        "--published", "2021-04",
    )  # fmt: skip

    assert _hints(stderr) == []


def test_an_ftm_file_without_a_date_says_so_and_names_published(
    runner: CliRunner, tmp_path: Path
) -> None:
    slips = FTM / "slips.ftm.json"  # no entity says when it was last seen
    _, _, stderr = run_import(runner, "ftm", str(slips), "--out", str(tmp_path / "o"))

    assert len(_hints(stderr)) == 1
    assert "--published YYYY-MM-DD, the day OpenSanctions published it" in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["ftm", str(FTM / "export.ftm.json")],  # dated by last_seen
        ["ftm", str(FTM / "slips.ftm.json"), "--published", "2024-05-30"],
        ["un-sc", str(UN / "list-v1.xml")],  # dated by dateGenerated
    ],
    ids=["ftm-last-seen", "ftm-published", "un-sc-date-generated"],
)
def test_data_with_a_date_say_nothing_of_dates(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    _, _, stderr = run_import(runner, *args, "--out", str(tmp_path / "o"))

    assert _hints(stderr) == []


def test_a_un_list_without_date_generated_says_so_without_published(
    runner: CliRunner, tmp_path: Path
) -> None:
    _, _, stderr = run_import(
        runner, "un-sc", str(_undated_un(tmp_path)), "--out", str(tmp_path / "o")
    )

    assert len(_hints(stderr)) == 1
    assert "--published" not in stderr  # un-sc has no such option


def test_the_installed_tq_says_it_on_stderr_only(tmp_path: Path) -> None:
    tq = Path(sys.executable).parent / "tq"
    done = subprocess.run(
        [tq, "import", "ofac-sdn", OFAC / "sdn.csv", "--out", tmp_path / "o", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 4
    assert len(_hints(done.stderr)) == 1
    assert json.loads(done.stdout)["written"] is True
