"""Hostile input to `tq import`: each case is a fault a user can cause, and what tq must do."""

from __future__ import annotations

import errno
import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app

from conftest import FIXTURES

UNSC = FIXTURES / "unsc"
LIST_V1 = UNSC / "list-v1.xml"
LIST_V2 = UNSC / "list-v2.xml"


def _import(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["import", "un-sc", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _tree(directory: Path) -> dict[str, str]:
    """Every path under directory, with what it is (a link shows where it points)."""
    tree = {}
    for path in sorted(directory.rglob("*")):
        name = path.relative_to(directory).as_posix()
        if path.is_symlink():
            tree[name] = "link to " + os.readlink(path)
        elif path.is_dir():
            tree[name] = "dir"
        else:
            tree[name] = "file " + path.read_bytes().hex()[:64]
    return tree


def test_deeply_nested_xml_without_listings_says_it_holds_none(
    runner: CliRunner, tmp_path: Path
) -> None:
    nested = tmp_path / "nested.xml"
    nested.write_text("<CONSOLIDATED_LIST>" + "<a>" * 5000 + "</a>" * 5000 + "</CONSOLIDATED_LIST>")

    code, stdout, stderr = _import(runner, str(nested), "--out", str(tmp_path / "p"))

    assert (code, stdout) == (3, "")
    assert stderr == f"tq: {nested}: the file holds no listings (no INDIVIDUAL or ENTITY record)\n"
    assert not (tmp_path / "p").exists()


def test_a_file_holding_only_al_qaida_listings_imports_them_and_says_so(
    runner: CliRunner, tmp_path: Path
) -> None:
    only = tmp_path / "al-qaida-only.xml"
    text = LIST_V1.read_text(encoding="utf-8")
    only.write_text(text.replace("<UN_LIST_TYPE>Taliban<", "<UN_LIST_TYPE>Iraq<"), encoding="utf-8")

    code, stdout, stderr = _import(runner, str(only), "--out", str(tmp_path / "p"), "--json")

    assert code == 4  # list-v1 holds two unreadable records
    assert [entry["list"] for entry in json.loads(stdout)["lists"]] == ["Al-Qaida"]
    assert "tq: the file holds no Taliban listings; imported Al-Qaida\n" in stderr


def test_import_help_says_json_is_one_object(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "un-sc", "--help"])

    assert "an array" not in result.stdout
    assert "Write the report as one JSON object." in result.stdout


def test_a_full_disk_during_import_is_an_io_error_and_changes_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "p"
    _import(runner, str(LIST_V1), "--out", str(out))
    before = _tree(out)

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Path, "write_bytes", full)
    monkeypatch.setattr(Path, "write_text", full)
    code, stdout, stderr = _import(runner, str(LIST_V2), "--out", str(out))

    assert (code, stdout) == (74, "")
    assert stderr == (
        f"tq: cannot write the pack {str(out)!r}: No space left on device; nothing was changed\n"
    )
    assert _tree(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p"]


def test_out_as_a_symlink_to_a_previous_import_updates_the_target_and_keeps_the_link(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "un-2020"
    link = tmp_path / "un"
    _import(runner, str(LIST_V1), "--out", str(target))
    link.symlink_to(target.name)

    code, _, _ = _import(runner, str(LIST_V2), "--out", str(link))

    assert code == 4
    assert link.is_symlink()
    assert os.readlink(link) == "un-2020"
    assert "QDi.907" in (target / "listings.toml").read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["un", "un-2020"]


def test_out_as_a_dangling_symlink_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    link = tmp_path / "un"
    link.symlink_to("nowhere")

    code, _, stderr = _import(runner, str(LIST_V1), "--out", str(link))

    assert code == 2
    assert stderr == f"tq: --out: {str(link)!r} is a link to 'nowhere', which does not exist\n"
    assert link.is_symlink()


def test_reimport_keeps_empty_directories_and_links_the_user_added(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "p"
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "sub").mkdir(parents=True)
    (elsewhere / "notes.txt").write_text("mine")
    _import(runner, str(LIST_V1), "--out", str(out))
    (out / "empty").mkdir()
    (out / "drafts" / "later").mkdir(parents=True)
    (out / "drafts" / "later" / "idea.toml").write_text("# idea\n")
    (out / "linked-dir").symlink_to(elsewhere / "sub")
    (out / "linked-file.txt").symlink_to("../elsewhere/notes.txt")
    (out / "archive" / "my-copy.txt").write_text("my archive")
    added = {name: kind for name, kind in _tree(out).items() if not _generated(name)}

    _import(runner, str(LIST_V2), "--out", str(out))

    assert {name: kind for name, kind in _tree(out).items() if not _generated(name)} == added
    assert (out / "linked-file.txt").read_text() == "mine"


def _generated(name: str) -> bool:
    return name in {
        "sources.toml",
        "entities.toml",
        "listings.toml",
        "archive",
        "archive/consolidated-list.xml",
        ".tq-import.json",
    }


def test_an_endless_input_is_refused_by_size(runner: CliRunner, tmp_path: Path) -> None:
    code, stdout, stderr = _import(runner, "/dev/zero", "--out", str(tmp_path / "p"))

    assert (code, stdout) == (3, "")
    assert stderr.startswith("tq: /dev/zero: larger than ")
    assert "--out" not in stderr
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize("name", ["/dev/stdin", "-"])
def test_standard_input_imports_like_a_file(tq_executable: Path, tmp_path: Path, name: str) -> None:
    done = subprocess.run(  # through a pipe, which can be read only once
        [str(tq_executable), "import", "un-sc", name, "--out", str(tmp_path / "p")],
        input=LIST_V1.read_bytes(),
        capture_output=True,
        check=False,
    )
    stderr = done.stderr.decode()

    assert done.returncode == 4, stderr
    assert "--out" not in stderr
    archived = tmp_path / "p" / "archive" / "consolidated-list.xml"
    assert archived.read_bytes() == LIST_V1.read_bytes()
