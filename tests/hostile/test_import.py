"""Hostile input to `tq import`: unsafe and broken files, odd inputs, odd --out directories, user
files in the pack, interruptions and full disks. Each case runs the installed tq in a pipe,
except the full disk, which is simulated in-process (no test may fill a real disk)."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from hostile_helpers import RAW_CONTROL, TESTS, TQ, environment, tq, tq_shell
from typer.testing import CliRunner

from tqcli.cli import app

UNSC = TESTS / "fixtures" / "unsc"
LIST_V1 = UNSC / "list-v1.xml"
LIST_V2 = UNSC / "list-v2.xml"


def _tree(directory: Path) -> dict[str, str]:
    """Every path under directory, with what it is (a link shows where it points)."""
    tree = {}
    for path in sorted(directory.rglob("*")):
        name = path.relative_to(directory).as_posix()
        if path.is_symlink():
            tree[name] = "link to " + os.readlink(path)
        elif path.is_dir():
            tree[name] = "dir"
        elif path.is_fifo():
            tree[name] = "fifo"
        elif path.is_socket():
            tree[name] = "socket"
        else:
            tree[name] = "file " + path.read_bytes().hex()[:64]
    return tree


def _un_sc(*args: str | Path, stdin: bytes | None = None) -> tuple[int, str, str]:
    run = tq("import", "un-sc", *args, stdin=stdin)
    run.assert_no_bug()
    assert not RAW_CONTROL.search(run.err), repr(run.err)
    return run.code, run.out, run.err


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        pytest.param(
            "hostile-billion-laughs.xml", "refused: the file declares a DTD", id="xml-entity-bomb"
        ),
        pytest.param(
            "hostile-external-entity.xml", "refused: the file declares a DTD", id="xml-external"
        ),
        pytest.param(
            "not-well-formed.xml", "not-well-formed.xml:4:3: not well-formed XML", id="xml-broken"
        ),
        pytest.param("wrong-root.xml", "(the root element is <html>", id="xml-wrong-root"),
    ],
)
def test_unsafe_or_wrong_xml_is_refused(tmp_path: Path, fixture: str, message: str) -> None:
    code, stdout, stderr = _un_sc(UNSC / fixture, "--out", tmp_path / "p")

    assert (code, stdout) == (3, "")
    assert message in stderr
    assert not (tmp_path / "p").exists()


def test_truncated_xml(tmp_path: Path) -> None:
    cut = tmp_path / "cut.xml"
    cut.write_bytes(LIST_V1.read_bytes()[:1500])

    code, _, stderr = _un_sc(cut, "--out", tmp_path / "p")

    assert code == 3
    assert f"{cut}:" in stderr
    assert "not well-formed XML" in stderr
    assert not (tmp_path / "p").exists()


def test_deeply_nested_xml_without_listings(tmp_path: Path) -> None:
    nested = tmp_path / "nested.xml"
    nested.write_text("<CONSOLIDATED_LIST>" + "<a>" * 5000 + "</a>" * 5000 + "</CONSOLIDATED_LIST>")

    code, stdout, stderr = _un_sc(nested, "--out", tmp_path / "p")

    assert (code, stdout) == (3, "")
    assert stderr == f"tq: {nested}: the file holds no listings (no INDIVIDUAL or ENTITY record)\n"
    assert not (tmp_path / "p").exists()


def test_only_al_qaida_listings(tmp_path: Path) -> None:
    only = tmp_path / "al-qaida-only.xml"
    text = LIST_V1.read_text(encoding="utf-8")
    only.write_text(text.replace("<UN_LIST_TYPE>Taliban<", "<UN_LIST_TYPE>Iraq<"), encoding="utf-8")

    code, stdout, stderr = _un_sc(only, "--out", tmp_path / "p", "--json")

    assert code == 4  # list-v1 holds two unreadable records
    assert [entry["list"] for entry in json.loads(stdout)["lists"]] == ["Al-Qaida"]
    assert "tq: the file holds no Taliban listings; imported Al-Qaida\n" in stderr


def test_import_help_json_is_one_object() -> None:
    for importer in ("un-sc", "ofac-sdn", "ftm"):
        run = tq("import", importer, "--help")
        assert "an array" not in run.out
        assert "Write the report as one JSON object." in run.out


def test_disk_full_during_import(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "p"
    runner.invoke(app, ["import", "un-sc", str(LIST_V1), "--out", str(out)])
    before = _tree(out)

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Path, "write_bytes", full)
    result = runner.invoke(app, ["import", "un-sc", str(LIST_V2), "--out", str(out)])

    assert (result.exit_code, result.stdout) == (74, "")
    assert result.stderr == (
        f"tq: cannot write the pack {str(out)!r}: No space left on device; nothing was changed\n"
    )
    assert _tree(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p"]


def test_out_symlink_to_previous_import(tmp_path: Path) -> None:
    target = tmp_path / "un-2020"
    link = tmp_path / "un"
    _un_sc(LIST_V1, "--out", target)
    link.symlink_to(target.name)

    code, _, _ = _un_sc(LIST_V2, "--out", link)

    assert code == 4
    assert link.is_symlink()
    assert os.readlink(link) == "un-2020"
    assert "QDi.907" in (target / "listings.toml").read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["un", "un-2020"]


@pytest.mark.parametrize(
    "points_to",
    [pytest.param("nowhere", id="out-dangling-link"), pytest.param("un", id="out-link-loop")],
)
def test_out_link_that_leads_nowhere_is_refused(tmp_path: Path, points_to: str) -> None:
    link = tmp_path / "un"
    link.symlink_to(points_to)

    code, _, stderr = _un_sc(LIST_V1, "--out", link)

    assert code == 2
    assert stderr == f"tq: --out: {str(link)!r} is a link to {points_to!r}, which does not exist\n"
    assert link.is_symlink()


def test_out_not_an_import(tmp_path: Path) -> None:
    mine = tmp_path / "my-notes"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")

    code, _, stderr = _un_sc(LIST_V1, "--out", mine)

    assert code == 2
    assert "holds no previous import" in stderr
    assert _tree(mine) == {"notes.txt": "file " + b"mine".hex()}


def test_user_dirs_links_and_fifos_kept(tmp_path: Path) -> None:
    out = tmp_path / "p"
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "sub").mkdir(parents=True)
    (elsewhere / "notes.txt").write_text("mine")
    _un_sc(LIST_V1, "--out", out)
    (out / "empty").mkdir()
    (out / "drafts" / "later").mkdir(parents=True)
    (out / "drafts" / "later" / "idea.toml").write_text("# idea\n")
    (out / "linked-dir").symlink_to(elsewhere / "sub")
    (out / "linked-file.txt").symlink_to("../elsewhere/notes.txt")
    (out / "archive" / "my-copy.txt").write_text("my archive")
    os.mkfifo(out / "drafts" / "pipe")
    hard = tmp_path / "hard.txt"
    hard.write_text("shared")
    os.link(hard, out / "hard.txt")
    added = {name: kind for name, kind in _tree(out).items() if not _generated(name)}

    _un_sc(LIST_V2, "--out", out)

    assert {name: kind for name, kind in _tree(out).items() if not _generated(name)} == added
    assert (out / "linked-file.txt").read_text() == "mine"
    assert (out / "hard.txt").samefile(hard)  # the user's hard link is still one file


def _generated(name: str) -> bool:
    return name in {
        "sources.toml",
        "entities.toml",
        "listings.toml",
        "archive",
        "archive/consolidated-list.xml",
        ".tq-import.json",
    }


def test_socket_in_pack_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    out = tmp_path / "p"
    _un_sc(LIST_V1, "--out", out)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(out / "my.sock"))
    before = _tree(out)
    try:
        code, _, stderr = _un_sc(LIST_V2, "--out", out)
    finally:
        listener.close()

    assert code == 74
    assert "my.sock is a socket or device; move it out of the pack first" in stderr
    assert _tree(out) == before


def test_endless_input(tmp_path: Path) -> None:
    code, stdout, stderr = _un_sc("/dev/zero", "--out", tmp_path / "p")

    assert (code, stdout) == (3, "")
    assert stderr.startswith("tq: /dev/zero: larger than 64 MiB")
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        pytest.param(
            ".tq-import.json",
            "its .tq-import.json (not a regular file (a pipe, a device or a socket))",
            id="pipe-as-previous-manifest",
        ),
        pytest.param(
            "archive/consolidated-list.xml",
            "'p/archive/consolidated-list.xml' was changed since tq wrote it",
            id="pipe-as-previous-archive",
        ),
        pytest.param(
            "entities.toml",
            "'p/entities.toml' was changed since tq wrote it",
            id="pipe-as-generated-file",
        ),
    ],
)
def test_a_pipe_in_place_of_a_file_of_the_previous_import_never_hangs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, message: str
) -> None:
    # The previous import's files are read as its input is: bounded, regular files only (a
    # pipe there made the import wait for ever for a writer).
    monkeypatch.chdir(tmp_path)
    _un_sc(LIST_V1, "--out", "p")
    (tmp_path / "p" / name).unlink()
    os.mkfifo(tmp_path / "p" / name)
    before = _tree(tmp_path / "p")

    run = tq("import", "un-sc", LIST_V1, "--out", "p", timeout=20)

    assert (run.code, run.out) == (2, "")
    assert message in run.err
    assert _tree(tmp_path / "p") == before


def test_directory_as_input(tmp_path: Path) -> None:
    code, _, stderr = _un_sc(tmp_path, "--out", tmp_path / "p")

    assert code == 2
    assert stderr == f"tq: {tmp_path}: a directory, not a file\n"


@pytest.mark.parametrize("name", ["/dev/stdin", "-"], ids=["stdin-device", "stdin-dash"])
def test_standard_input_imports_like_a_file(tmp_path: Path, name: str) -> None:
    # through a pipe, which can be read only once
    code, _, stderr = _un_sc(name, "--out", tmp_path / "p", stdin=LIST_V1.read_bytes())

    assert code == 4, stderr
    assert "--out" not in stderr
    archived = tmp_path / "p" / "archive" / "consolidated-list.xml"
    assert archived.read_bytes() == LIST_V1.read_bytes()


def test_interrupted_import(tmp_path: Path) -> None:
    out = tmp_path / "p"
    _un_sc(LIST_V1, "--out", out)
    before = _tree(out)
    fifo = tmp_path / "slow.xml"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [TQ, "import", "un-sc", str(fifo), "--out", str(out)],
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    with fifo.open("wb") as writer:  # the import waits, half-read, for the rest of the file
        writer.write(LIST_V2.read_bytes()[:500])
        writer.flush()
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)

    assert process.returncode == 130
    assert b"Traceback" not in stderr
    assert _tree(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p", "slow.xml"]


@pytest.mark.parametrize(
    ("importer", "data", "message"),
    [
        pytest.param(
            "ofac-sdn", bytes(range(256)) * 64, "the file holds no SDN entries", id="sdn-binary"
        ),
        pytest.param(
            "ftm",
            b'{"id": "a", "schema": "Person"}\n\xff\xfe\n',
            ":2:1: not UTF-8 text (byte 0xff cannot be decoded); save the file as UTF-8",
            id="ftm-binary",
        ),
        pytest.param("ftm", b"[1, 2, 3]\n", "the file holds no entities", id="ftm-not-objects"),
        pytest.param(
            "ftm",
            b'{"id": "a"}\n{"id": "b", "schema": "Person", "properties": []}\n',
            "none of its 2 line(s) could be read (the first, a: the entity has no schema)",
            id="ftm-nothing-readable",
        ),
        pytest.param(
            "ftm",
            b"[" * 200_000 + b"]" * 200_000 + b"\n",
            "wrong:1: not FollowTheMoney JSON (one object a line)",
            id="ftm-deep-nesting",
        ),
    ],
)
def test_binary_or_wrong_data_for_the_other_importers(
    tmp_path: Path, importer: str, data: bytes, message: str
) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_bytes(data)

    run = tq("import", importer, wrong, "--out", tmp_path / "p")

    run.assert_no_bug()
    assert (run.code, run.out) == (3, "")
    assert message in run.err
    assert not RAW_CONTROL.search(run.err), repr(run.err)
    assert not (tmp_path / "p").exists()


def test_standard_input_named_twice(tmp_path: Path) -> None:
    run = tq("import", "ofac-sdn", "-", "--alt", "-", "--out", tmp_path / "p", stdin=b"")

    assert run.code == 2
    assert run.err == "tq: only one of SDN.CSV, --alt and --add can be - (standard input)\n"


def test_standard_input_closed(tmp_path: Path) -> None:
    run = tq_shell(f"tq import un-sc - --out {tmp_path / 'p'} <&-")

    run.assert_no_bug()
    assert (run.code, run.err) == (2, "tq: -: standard input is closed\n")
    assert not (tmp_path / "p").exists()


def test_a_deeply_nested_line_after_good_ones_is_skipped(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(
        b'{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n'
        + b'{"a": ' * 100_000
        + b"1"
        + b"}" * 100_000
        + b"\n"
    )

    run = tq("import", "ftm", deep, "--out", tmp_path / "p", "--json")

    run.assert_no_bug()
    assert run.code == 4
    assert json.loads(run.out)["skipped"] == [
        {"reference": "line 2", "reason": "nested too deeply"}
    ]


@pytest.mark.parametrize(
    "remarks",
    [
        pytest.param("x" * 200_000, id="sdn-huge-field"),
        pytest.param("a.k.a. 'A\u2028B'; DOB 1960\x85", id="sdn-line-separators-in-a-field"),
    ],
)
def test_sdn_fields_that_python_csv_or_splitlines_would_trip_on(
    tmp_path: Path, remarks: str
) -> None:
    sdn = tmp_path / "sdn.csv"
    row = f'1,"ONE",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{remarks}"\r\n'
    sdn.write_text(row + '2,"TWO",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')

    run = tq("import", "ofac-sdn", sdn, "--out", tmp_path / "p", "--json")

    run.assert_no_bug()
    assert run.code == 0, run.err
    assert json.loads(run.out)["lists"][0]["added"] == ["1", "2"]


def test_odd_numbers_in_references(tmp_path: Path) -> None:
    xml = tmp_path / "list.xml"
    text = LIST_V1.read_text(encoding="utf-8")
    xml.write_text(text.replace("QDi.903", "QDi.²").replace("QDi.902", "QDi." + "9" * 5000))
    sdn = tmp_path / "sdn.csv"
    rest = ',"X",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    sdn.write_text("²" + rest + "9" * 5000 + rest + "7" + rest)

    un = tq("import", "un-sc", xml, "--out", tmp_path / "un", "--json")
    ofac = tq("import", "ofac-sdn", sdn, "--out", tmp_path / "ofac", "--json")

    un.assert_no_bug()
    ofac.assert_no_bug()
    assert un.code == 4  # the fixture's own unreadable records
    assert "QDi.²" in json.loads(un.out)["lists"][1]["added"]
    assert ofac.code == 4
    report = json.loads(ofac.out)
    assert report["lists"][0]["added"] == ["7"]
    assert [s["reason"] for s in report["skipped"]] == [
        "the row's first field '²' is not an entry number",
        "the row's first field '" + "9" * 40 + "' is not an entry number",
    ]


def test_ids_and_tags_from_symbols_only(tmp_path: Path) -> None:
    xml = tmp_path / "list.xml"
    text = LIST_V1.read_text(encoding="utf-8")
    xml.write_text(text.replace("QDi.903", "###").replace(">Al-Qaida<", ">***<"))
    sdn = tmp_path / "sdn.csv"
    sdn.write_text('7,"X",-0- ,"***] [SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    ftm = tmp_path / "e.ftm.json"
    ftm.write_text(
        '{"id": "!!!", "schema": "Person", "properties": {"name": ["A"]}}\n'
        '{"id": "B", "schema": "Person", "properties": {"name": ["B"]}}\n'
        '{"id": "s", "schema": "Sanction", "properties": {"entity": ["B"]}, "datasets": ["**"]}\n'
    )

    runs = [
        tq("import", "un-sc", xml, "--out", tmp_path / "un", "--all-lists", "--json"),
        tq("import", "ofac-sdn", sdn, "--out", tmp_path / "ofac"),
        tq("import", "ftm", ftm, "--out", tmp_path / "os", "--json"),
    ]

    for run in runs:
        run.assert_no_bug()
    assert {"reference": "###", "reason": "the reference number has no letter or digit"} in (
        json.loads(runs[0].out)["skipped"]
    )
    assert json.loads(runs[2].out)["skipped"] == [
        {"reference": "!!!", "reason": "its id has no letter or digit to make a tq id of"}
    ]
    packs = ["--facts", tmp_path / "un", "--facts", tmp_path / "ofac", "--facts", tmp_path / "os"]
    valid = tq("validate", "--no-builtin", *packs)
    assert valid.code == 0, valid.err


def test_no_record_readable(tmp_path: Path) -> None:
    xml = tmp_path / "list.xml"
    xml.write_text(
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME> </FIRST_NAME>"
        "<UN_LIST_TYPE>Taliban</UN_LIST_TYPE><REFERENCE_NUMBER>TAi.1</REFERENCE_NUMBER>"
        "<LISTED_ON>2001-01-01</LISTED_ON></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
    )

    code, stdout, stderr = _un_sc(xml, "--out", tmp_path / "p")

    assert (code, stdout) == (3, "")
    assert stderr == (
        f"tq: {xml}: none of its 1 record(s) could be read "
        "(the first, TAi.1: the record has no name)\n"
    )
    assert not (tmp_path / "p").exists()
