"""A dry run exits with the code the import would (stranger-12, finding 8), still changing
nothing: `tq import … --dry-run && tq import …` in a script stops before an import that fails.

Each case sets up the same pack twice, dry-runs the import on one copy and runs it on the other.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from import_helpers import files, run_import
from typer.testing import CliRunner

from conftest import FIXTURES

UN = FIXTURES / "unsc"
OFAC = FIXTURES / "ofac"
FTM = FIXTURES / "ftm"


def _sdn(name: str) -> list[str]:
    return [str(OFAC / name), "--alt", str(OFAC / "alt.csv"), "--add", str(OFAC / "add.csv")]


def _append(name: str) -> Callable[[Path], None]:
    def edit(out: Path) -> None:
        with (out / name).open("a", encoding="utf-8") as generated:
            generated.write("# my note\n")

    return edit


def _a_folder_of_the_users(out: Path) -> None:
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")


def _first_line_only(out: Path) -> None:
    """An export of one entity where the previous had seven: a file cut short."""
    line = (FTM / "export.ftm.json").read_text(encoding="utf-8").splitlines()[0]
    (out.parent / "short.ftm.json").write_text(line + "\n", encoding="utf-8")


def _cut_mid_line(out: Path) -> None:
    data = (FTM / "export.ftm.json").read_bytes()
    (out.parent / "cut.ftm.json").write_bytes(data[: len(data) // 2])


@dataclass(frozen=True)
class Case:
    """An import to dry-run after a first import (or none), and the code both must exit with."""

    importer: str
    first: list[str] | None
    then: list[str]
    code: int
    prepare: Callable[[Path], None] | None = None


CASES = {
    "un-sc, a narrower --list": Case(
        "un-sc", [str(UN / "list-v1.xml")], [str(UN / "list-v1.xml"), "--list", "taliban"], 2
    ),
    "un-sc, a list that removes all (records skipped too)": Case(
        "un-sc", [str(UN / "list-v1.xml")], [str(UN / "list-v1.xml"), "--list", "iraq"], 2
    ),
    "un-sc, a generated file edited": Case(
        "un-sc",
        [str(UN / "list-v1.xml")],
        [str(UN / "list-v1.xml")],
        2,
        _append("listings.toml"),
    ),
    "un-sc, --out a folder holding no import": Case(
        "un-sc", None, [str(UN / "list-v1.xml")], 2, _a_folder_of_the_users
    ),
    "un-sc, not well-formed": Case("un-sc", None, [str(UN / "not-well-formed.xml")], 3),
    "un-sc, records skipped": Case("un-sc", None, [str(UN / "list-v1.xml")], 4),
    "un-sc, --list naming no list": Case(
        "un-sc", None, [str(UN / "list-v1.xml"), "--list", "x"], 2
    ),
    "ofac-sdn, a file cut mid-row": Case(
        "ofac-sdn", _sdn("sdn.csv"), _sdn("sdn-cut-mid-row.csv"), 2
    ),
    "ofac-sdn, a file ending inside quotes": Case(
        "ofac-sdn", _sdn("sdn.csv"), [str(OFAC / "sdn-cut-in-quotes.csv")], 3
    ),
    "ofac-sdn, a generated file edited": Case(
        "ofac-sdn", _sdn("sdn.csv"), _sdn("sdn-v2.csv"), 2, _append("listings.toml")
    ),
    "ofac-sdn, an update (rows skipped)": Case("ofac-sdn", _sdn("sdn.csv"), _sdn("sdn-v2.csv"), 4),
    "ftm, an export cut to one entity": Case(
        "ftm", [str(FTM / "export.ftm.json")], ["short.ftm.json"], 2, _first_line_only
    ),
    "ftm, an export cut mid-line": Case(
        "ftm", [str(FTM / "export.ftm.json")], ["cut.ftm.json"], 2, _cut_mid_line
    ),
    "ftm, a generated file edited": Case(
        "ftm",
        [str(FTM / "export.ftm.json")],
        [str(FTM / "delta.json")],
        2,
        _append("sanctions.toml"),
    ),
    "ftm, a delta applied already": Case(
        "ftm", [str(FTM / "delta.json")], [str(FTM / "delta.json")], 0
    ),
    "ftm, a delta applied (records skipped)": Case(
        "ftm", [str(FTM / "export.ftm.json")], [str(FTM / "delta.json")], 4
    ),
}


def _set_up(runner: CliRunner, case: Case, root: Path) -> Path:
    """A pack as the case's first import leaves it (edited if the case says), in root/pack."""
    root.mkdir()
    out = root / "pack"
    if case.first is not None:
        run_import(runner, case.importer, *case.first, "--out", str(out))
    if case.prepare is not None:
        case.prepare(out)
    return out


def _then(case: Case, root: Path) -> list[str]:
    """The second import's arguments, a file the case wrote named in root."""
    return [str(root / arg) if arg.endswith(".ftm.json") else arg for arg in case.then]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_dry_run_exits_as_the_import_would(runner: CliRunner, tmp_path: Path, case: Case) -> None:
    dry, real = tmp_path / "dry", tmp_path / "real"
    dry_out, real_out = _set_up(runner, case, dry), _set_up(runner, case, real)
    before = files(dry)

    dry_code, _, _ = run_import(
        runner, case.importer, *_then(case, dry), "--out", str(dry_out), "--dry-run"
    )
    real_code, _, _ = run_import(runner, case.importer, *_then(case, real), "--out", str(real_out))

    assert (dry_code, real_code) == (case.code, case.code)
    assert files(dry) == before


def test_a_refused_dry_run_still_reports_what_would_change(
    runner: CliRunner, tmp_path: Path
) -> None:
    case = CASES["un-sc, a narrower --list"]
    out = _set_up(runner, case, tmp_path / "p")

    code, stdout, stderr = run_import(
        runner, case.importer, *case.then, "--out", str(out), "--dry-run", "--json"
    )

    assert code == 2
    lists = {item["list"]: item for item in json.loads(stdout)["lists"]}
    assert (len(lists["Al-Qaida"]["removed"]), lists["Taliban"]["listings"]) == (3, 1)
    assert "an import would stop here, unless given --allow-removals" in stderr


def test_the_installed_tq_dry_run_and_import_chain_stops(tmp_path: Path) -> None:
    """The script of the finding, run by a shell with the installed `tq`."""
    tq = Path(sys.executable).parent / "tq"
    out = tmp_path / "p"
    subprocess.run(
        [tq, "import", "un-sc", UN / "list-v1.xml", "--out", out], capture_output=True, check=False
    )
    before = files(out)

    script = (
        f'"{tq}" import un-sc "{UN / "list-v1.xml"}" --list taliban --out "{out}" --dry-run '
        f'&& "{tq}" import un-sc "{UN / "list-v1.xml"}" --list taliban --out "{out}" '
        f'--allow-removals; echo "exit $?"'
    )
    done = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=False)

    assert done.stdout.splitlines()[-1] == "exit 2"
    assert "an import would stop here" in done.stderr
    assert files(out) == before
