"""What a re-import must never do silently: drop lists, accept a file cut short, undo another
import, delete or overwrite the user's files; and the messages that say what happened."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from import_helpers import files, run_import
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.importers import ofac_sdn

from conftest import FIXTURES, REPO

UN = FIXTURES / "unsc" / "list-v1.xml"
OFAC = FIXTURES / "ofac"
REAL_SDN = REPO.parent / "shared" / "data" / "ofac-sdn" / "sdn-2021-08-20.csv"


def _un(out: Path, *args: str) -> list[str]:
    return [str(UN), "--out", str(out), *args]


def _sdn(out: Path, sdn: str = "sdn.csv") -> list[str]:
    companions = ["--alt", str(OFAC / "alt.csv"), "--add", str(OFAC / "add.csv")]
    return [str(OFAC / sdn), *companions, "--out", str(out)]


# --- F13: a list left out -----------------------------------------------------------------------


def test_a_list_left_out_is_reported_removed(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "un-sc", *_un(tmp_path / "p"))  # Taliban (1 listing) and Al-Qaida (3)

    code, stdout, stderr = run_import(
        runner, "un-sc", *_un(tmp_path / "p", "--list", "al-qaida", "--json")
    )

    assert code == 4  # the fixture's two unreadable records
    lists = {item["list"]: item for item in json.loads(stdout)["lists"]}
    assert lists["Taliban"]["listings"] == 0
    assert lists["Taliban"]["removed"] == ["TAi.901"]
    assert lists["Al-Qaida"]["removed"] == []
    assert "the previous import had the list(s) Taliban, which this one leaves out" in stderr


def test_leaving_out_most_listings_is_refused_and_changes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    run_import(runner, "un-sc", *_un(tmp_path / "p"))
    before = files(tmp_path / "p")

    code, _, stderr = run_import(runner, "un-sc", *_un(tmp_path / "p", "--list", "taliban"))

    assert code == 2
    assert "would remove 3 of the 4 listings of the previous import" in stderr
    assert "the list(s) Al-Qaida, which this one leaves out" in stderr
    assert "nothing was changed: give --allow-removals" in stderr
    assert files(tmp_path / "p") == before


def test_a_dry_run_says_the_import_would_be_refused(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "un-sc", *_un(tmp_path / "p"))

    code, stdout, stderr = run_import(
        runner, "un-sc", *_un(tmp_path / "p", "--list", "iraq", "--dry-run", "--json")
    )

    assert code == 2  # as the import would (it would skip records too: 4)
    assert sum(len(item["removed"]) for item in json.loads(stdout)["lists"]) == 4
    assert "an import would stop here, unless given --allow-removals" in stderr


def test_allow_removals_imports_the_narrower_list(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "un-sc", *_un(tmp_path / "p"))

    code, _, _ = run_import(
        runner, "un-sc", *_un(tmp_path / "p", "--list", "iraq", "--allow-removals")
    )

    assert code == 4
    listings = (tmp_path / "p" / "listings.toml").read_text(encoding="utf-8")
    assert "IQi.904" in listings
    assert "TAi.901" not in listings


# --- F12: a file cut short ----------------------------------------------------------------------


def test_an_sdn_csv_ending_inside_quotes_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    run_import(runner, "ofac-sdn", *_sdn(tmp_path / "o"))
    before = files(tmp_path / "o")

    code, _, stderr = run_import(
        runner, "ofac-sdn", str(OFAC / "sdn-cut-in-quotes.csv"), "--out", str(tmp_path / "o")
    )

    assert code == 3
    assert stderr == (
        f"tq: {OFAC / 'sdn-cut-in-quotes.csv'}:3: the file ends inside a quoted field "
        '(a " left open), as a file cut short does; nothing was imported\n'
    )
    assert files(tmp_path / "o") == before


def test_an_sdn_csv_cut_mid_row_that_removes_most_entries_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    run_import(runner, "ofac-sdn", *_sdn(tmp_path / "o"))
    before = files(tmp_path / "o")

    code, _, stderr = run_import(runner, "ofac-sdn", *_sdn(tmp_path / "o", "sdn-cut-mid-row.csv"))

    assert code == 2
    assert "would remove 3 of the 4 listings of the previous import" in stderr
    assert "sdn-cut-mid-row.csv whole (a download cut short?)" in stderr
    assert files(tmp_path / "o") == before


@pytest.mark.skipif(not REAL_SDN.exists(), reason=f"the real SDN file is not at {REAL_SDN}")
@pytest.mark.parametrize(("size", "code"), [(500_000, 3), (2_000, 2)])
def test_the_real_sdn_file_cut_short_changes_nothing(
    runner: CliRunner, tmp_path: Path, size: int, code: int
) -> None:
    run_import(runner, "ofac-sdn", str(REAL_SDN), "--out", str(tmp_path / "o"))
    before = files(tmp_path / "o")
    cut = tmp_path / "cut.csv"
    cut.write_bytes(REAL_SDN.read_bytes()[:size])  # 500,000: inside a Remarks field

    assert run_import(runner, "ofac-sdn", str(cut), "--out", str(tmp_path / "o"))[0] == code
    assert files(tmp_path / "o") == before


# --- F26: imports take turns, the previous import read in turn ---------------------------------


def _waiting_for_a_lock(pid: int) -> bool:
    """Whether the process is blocked in flock (Linux: /proc/locks marks waiters with ->)."""
    locks = Path("/proc/locks").read_text()
    return any("->" in line and "FLOCK" in line for line in locks.splitlines()) and (
        Path(f"/proc/{pid}/wchan").read_text() != "0"
    )


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux's /proc/locks")
def test_an_import_reads_the_previous_one_only_once_it_has_the_lock(
    runner: CliRunner, tmp_path: Path
) -> None:
    made = tmp_path / "made"
    made.mkdir()
    run_import(runner, "un-sc", *_un(made / "un"))  # another import's pack, moved in below
    folder = tmp_path / "packs"
    folder.mkdir()
    descriptor = os.open(folder, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)  # as an import into the folder does
    try:
        command = ["import", "ofac-sdn", str(OFAC / "sdn.csv"), "--out", str(folder / "p")]
        waiting = subprocess.Popen(
            [sys.executable, "-m", "tqcli", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while not _waiting_for_a_lock(waiting.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.rename(made / "un", folder / "p")  # the other import finishes meanwhile
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)
    _, stderr = waiting.communicate(timeout=60)

    assert waiting.returncode == 2
    assert "holds a pack written by `tq import un-sc`" in stderr
    assert json.loads((folder / "p" / ".tq-import.json").read_text())["importer"] == "un-sc"


# --- F34, F27: the user's files in the pack -----------------------------------------------------


@pytest.mark.parametrize("with_digests", [True, False], ids=["manifest", "older-manifest"])
def test_a_manifest_naming_a_users_file_never_has_it_removed(
    runner: CliRunner, tmp_path: Path, with_digests: bool
) -> None:
    out = tmp_path / "p"
    run_import(runner, "un-sc", *_un(out))
    (out / "userfile.txt").write_text("mine\n")
    manifest = json.loads((out / ".tq-import.json").read_text())
    manifest["files"].append("userfile.txt")
    if with_digests:
        manifest["file_sha256"]["userfile.txt"] = hashlib.sha256(b"not mine\n").hexdigest()
    else:  # as tq wrote it before it recorded digests
        del manifest["file_sha256"]
    (out / ".tq-import.json").write_text(json.dumps(manifest))

    code, _, _ = run_import(runner, "un-sc", *_un(out))

    assert code == 4  # the fixture's unreadable records
    assert (out / "userfile.txt").read_text() == "mine\n"


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda manifest: manifest.write_text("{garbage"), "not JSON"),
        (lambda manifest: (manifest.unlink(), manifest.mkdir()), "a directory, not a file"),
    ],
    ids=["garbage", "directory"],
)
def test_a_damaged_manifest_is_named_as_the_cause(
    runner: CliRunner, tmp_path: Path, damage: Callable[[Path], object], reason: str
) -> None:
    out = tmp_path / "p"
    run_import(runner, "un-sc", *_un(out))
    damage(out / ".tq-import.json")
    before = files(out)

    code, _, stderr = run_import(runner, "un-sc", *_un(out))

    assert code == 2
    assert f"holds no previous import tq can read: its .tq-import.json ({reason})" in stderr
    assert files(out) == before


def test_a_generated_file_the_user_edited_is_never_replaced(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "p"
    run_import(runner, "un-sc", *_un(out))
    with (out / "listings.toml").open("a") as listings:
        listings.write("# my note\n")
    before = files(out)

    for dry_run in ([], ["--dry-run"]):
        code, _, stderr = run_import(runner, "un-sc", *_un(out), *dry_run)
        assert code == 2
        assert f"{str(out / 'listings.toml')!r} was changed since tq wrote it" in stderr
        assert "nothing was changed" in stderr
    assert files(out) == before
    (out / "listings.toml").unlink()  # the way out the message gives
    assert run_import(runner, "un-sc", *_un(out))[0] == 4
    assert "# my note" not in (out / "listings.toml").read_text(encoding="utf-8")


# --- F23: --out the user pack folder ------------------------------------------------------------


@pytest.mark.parametrize("there", [True, False], ids=["folder-there", "folder-not-yet"])
def test_out_cannot_be_the_user_pack_folder(runner: CliRunner, tmp_path: Path, there: bool) -> None:
    folder = tmp_path / "data" / "tq" / "packs"
    folder.parent.mkdir(parents=True)
    if there:
        folder.mkdir()

    result = runner.invoke(
        app,
        ["import", "un-sc", str(UN), "--out", str(folder)],
        env={"XDG_DATA_HOME": str(tmp_path / "data")},
    )

    assert result.exit_code == 2
    assert result.stderr == (
        f"tq: --out: {str(folder)!r} is the user pack folder, whose subfolders are the packs "
        f"(files in it are not read): import into a subfolder, e.g. "
        f"--out {str(folder / 'un-sanctions')!r}\n"
    )
    assert list(folder.iterdir()) == [] if there else not folder.exists()


# --- F15: the pack written, the report not ------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_report_that_cannot_be_written_says_the_pack_was(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "tqcli", "import", "un-sc", *_un(tmp_path / "p")],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )

    assert done.returncode == 74
    assert done.stderr.endswith(
        f"tq: the pack {str(tmp_path / 'p')!r} was written; only this report could not be: "
        "No space left on device\n"
    )
    assert (tmp_path / "p" / "listings.toml").exists()


# --- F28, F30, F19, F39: messages ---------------------------------------------------------------


def test_a_url_with_a_password_is_refused_without_echoing_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, _, stderr = run_import(
        runner, "un-sc", "http://user:s3cret@127.0.0.1:9/un.xml", "--out", str(tmp_path / "p")
    )

    assert code == 2
    assert "s3cret" not in stderr
    assert "user:" not in stderr
    assert "http://…@127.0.0.1:9/un.xml: a user name or password in the URL is not supported" in (
        stderr
    )


def test_standard_input_is_named_so_in_the_source_notes(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["import", "ofac-sdn", "-", "--out", str(tmp_path / "o")],
        input=(OFAC / "sdn.csv").read_bytes(),
    )

    assert result.exit_code == 4
    sources = (tmp_path / "o" / "sources.toml").read_text(encoding="utf-8")
    assert "read from standard input." in sources


@pytest.mark.parametrize(
    ("importer", "fixture"),
    [("un-sc", UN), ("ofac-sdn", OFAC / "sdn.csv"), ("ftm", FIXTURES / "ftm" / "delta.json")],
)
def test_the_same_file_elsewhere_gives_the_same_pack(
    runner: CliRunner, tmp_path: Path, importer: str, fixture: Path
) -> None:
    elsewhere = tmp_path / "home" / "alice" / "Downloads" / fixture.name
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(fixture.read_bytes())

    # (Into folders of one name: an ftm import's source is named after its folder.)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    run_import(runner, importer, str(fixture), "--out", str(tmp_path / "a" / "pack"))
    run_import(runner, importer, str(elsewhere), "--out", str(tmp_path / "b" / "pack"))

    assert files(tmp_path / "a" / "pack") == files(tmp_path / "b" / "pack")
    assert "alice" not in (tmp_path / "b" / "pack" / "sources.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("importer", "fixture"), [("un-sc", UN), ("ofac-sdn", OFAC / "sdn.csv")])
def test_the_file_read_is_named_in_the_source_record_without_its_folder(
    runner: CliRunner, tmp_path: Path, importer: str, fixture: Path
) -> None:
    """Stranger 14, 19: a list imported from a file was cited with neither address nor file; its
    citations now say which export it was (tests/test_cite.py), by its name alone."""
    run_import(runner, importer, str(fixture), "--out", str(tmp_path / "p"))

    sources = (tmp_path / "p" / "sources.toml").read_text(encoding="utf-8")
    assert f'file_name = "{fixture.name}"\n' in sources
    assert "url = " not in sources  # nothing the file does not say


def test_standard_input_has_no_file_name(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["import", "un-sc", "-", "--out", str(tmp_path / "p")], input=UN.read_bytes()
    )

    assert result.exit_code == 4, result.stderr  # some of the fixture's records are skipped
    assert "file_name" not in (tmp_path / "p" / "sources.toml").read_text(encoding="utf-8")


def test_an_oversized_alt_csv_is_named_as_one(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ofac_sdn, "MAX_BYTES", 2048)

    code, _, stderr = run_import(
        runner,
        "ofac-sdn",
        str(OFAC / "sdn.csv"),
        "--alt",
        str(FIXTURES / "unsc" / "list-v1.xml"),  # over 2 kB, SDN.CSV under
        "--out",
        str(tmp_path / "o"),
    )

    assert code == 3
    assert "far more than an ALT.CSV file (~1 MB)" in stderr


def test_ftm_slips_are_reported(runner: CliRunner, tmp_path: Path) -> None:
    code, stdout, stderr = run_import(
        runner, "ftm", str(FIXTURES / "ftm" / "slips.ftm.json"), "--out", str(tmp_path / "f")
    )

    assert code == 4
    assert "line 2: the id 'p1' is line 1's already" in stdout
    sanctions = (tmp_path / "f" / "sanctions.toml").read_text(encoding="utf-8")
    today = dt.date.today().isoformat()  # the lines say no last_seen: as of the import
    assert (
        'claim = "Good Person is subject to a sanction by Testland, according to OpenSanctions, '
        f'in an undated file imported on {today} (the data carry no date)."'
    ) in sanctions
    assert "1 Sanction(s) have a date tq cannot read (e.g. 's1'); their facts are undated" in stderr
    assert "(e.g. 's2', which names 's2', a Sanction); kept in the archive" in stderr
    assert "does not hold" not in stderr
