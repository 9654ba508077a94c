"""Hostile and broken pack directories: encodings, nesting, huge values, links, loops, pipes,
archives escaping the pack, and names that hold escape sequences. Each is reported as
file[:line]: message on stderr with exit 3 (2 for a pack directory that is not one)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import RAW_CONTROL, environment, tq

from conftest import MINI_PACK, NO_READ_OVERRIDE, skip_unless_reads_can_be_refused

GOOD_FACT = """
[[source]]
id = "s"
title = "A source"
publisher = "Tests"
kind = "other"
archive = "archive.txt"

[[event]]
id = "e"
claim = "Something happened."
[[event.cite]]
source = "s"
passage = "Something happened."
"""


def _pack(root: Path, text: str = GOOD_FACT, name: str = "pack") -> Path:
    pack = root / name
    pack.mkdir()
    (pack / "facts.toml").write_text(text, encoding="utf-8")
    (pack / "archive.txt").write_text("Something happened. Then more.", encoding="utf-8")
    return pack


def _bom(root: Path) -> Path:
    pack = _pack(root)
    (pack / "facts.toml").write_bytes(b"\xef\xbb\xbf" + GOOD_FACT.encode())
    return pack


def _utf16(root: Path) -> Path:
    pack = _pack(root)
    (pack / "facts.toml").write_bytes(GOOD_FACT.encode("utf-16"))
    return pack


def _latin1(root: Path) -> Path:
    pack = _pack(root)
    text = GOOD_FACT.replace('claim = "Something', 'claim = "Caf\xe9. Something')
    (pack / "facts.toml").write_bytes(text.encode("latin-1"))
    return pack


def _binary(root: Path) -> Path:
    pack = _pack(root)
    (pack / "garbage.toml").write_bytes(bytes(range(256)) * 4)
    return pack


def _deep(root: Path) -> Path:
    return _pack(root, "x = " + "[" * 50_000 + "]" * 50_000 + "\n")


def _huge_value(root: Path) -> Path:
    return _pack(root, GOOD_FACT.replace('claim = "Something', 'claim = "' + "x" * 2_000_000))


def _file_loop(root: Path) -> Path:
    pack = _pack(root)
    (pack / "loop.toml").symlink_to("loop.toml")
    return pack


def _dangling(root: Path) -> Path:
    pack = _pack(root)
    (pack / "gone.toml").symlink_to(root / "nowhere.toml")
    return pack


def _fifo(root: Path) -> Path:
    pack = _pack(root)
    os.mkfifo(pack / "pipe.toml")
    return pack


def _archive_loop(root: Path) -> Path:
    pack = _pack(root)
    (pack / "archive.txt").unlink()
    (pack / "archive.txt").symlink_to("archive.txt")
    return pack


def _archive_directory(root: Path) -> Path:
    pack = _pack(root)
    (pack / "archive.txt").unlink()
    (pack / "archive.txt").mkdir()
    return pack


def _archive_escape(root: Path) -> Path:
    return _pack(root, GOOD_FACT.replace('"archive.txt"', '"../../../../etc/passwd"'))


def _archive_link_outside(root: Path) -> Path:
    pack = _pack(root)
    (root / "outside.txt").write_text("Something happened.", encoding="utf-8")
    (pack / "archive.txt").unlink()
    (pack / "archive.txt").symlink_to(root / "outside.txt")
    return pack


def _escape_in_file_name(root: Path) -> Path:
    pack = _pack(root)
    (pack / "\x1b[2J\x1b]52;c;aGk=\x07bad.toml").write_text("not toml = = =", encoding="utf-8")
    return pack


def _escape_in_directory_name(root: Path) -> Path:
    return _pack(root, "not toml = = =", name="\x1b]52;c;aGk=\x07pack\u202e")


def _bidi_in_problem(root: Path) -> Path:
    return _pack(root, GOOD_FACT.replace('kind = "other"', 'kind = "oth\u202eer"'))


def _empty_file(root: Path) -> Path:
    pack = _pack(root)
    (pack / "empty.toml").write_bytes(b"")
    return pack


def _duplicate_across_packs(root: Path) -> Path:
    _pack(root, name="first")
    return _pack(root, name="second")


def _pack_file_too_large(root: Path) -> Path:
    pack = _pack(root)
    with (pack / "big.toml").open("wb") as big:
        big.truncate((256 << 20) + 1)  # sparse: no disk used
    return pack


def _archive_too_large(root: Path) -> Path:
    pack = _pack(root)
    with (pack / "archive.txt").open("r+b") as archive:
        archive.truncate((1 << 30) + 1)
    return pack


def _archive_not_utf8(root: Path) -> Path:
    pack = _pack(root)
    (pack / "archive.txt").write_bytes(b"Something happened.\nThen \xff more.")
    return pack


def _archive_fifo(root: Path) -> Path:
    pack = _pack(root)
    (pack / "archive.txt").unlink()
    os.mkfifo(pack / "archive.txt")
    return pack


def _archive_is_the_fact_file(root: Path) -> Path:
    return _pack(root, GOOD_FACT.replace('"archive.txt"', '"facts.toml"'))


def _archive_links_to_the_fact_file(root: Path) -> Path:
    pack = _pack(root)
    (pack / "archive.txt").unlink()
    (pack / "archive.txt").symlink_to("facts.toml")
    return pack


def _source_field(line: str) -> Callable[[Path], Path]:
    return lambda root: _pack(root, GOOD_FACT.replace('kind = "other"', f'kind = "other"\n{line}'))


def _fact_field(line: str, entities: str = "") -> Callable[[Path], Path]:
    text = GOOD_FACT.replace('claim = "Something', f'{line}\nclaim = "Something')
    return lambda root: _pack(root, text + entities)


ENTITY_X = '\n[[entity]]\nid = "x"\nname = "X"\nkind = "person"\n'


def _directory_named_toml(root: Path) -> Path:
    pack = _pack(root)
    (pack / "more.toml").mkdir()
    return pack


Maker = Callable[[Path], Path]


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        pytest.param(_bom, 0, None, id="utf8-bom"),
        pytest.param(_utf16, 3, "facts.toml:1:1: not UTF-8 text", id="utf16-file"),
        pytest.param(_latin1, 3, "facts.toml:11:13: not UTF-8 text (byte 0xe9", id="latin1-file"),
        pytest.param(_binary, 3, "garbage.toml", id="binary-file"),
        pytest.param(_deep, 3, "facts.toml:1: TOML nesting too deep to read", id="deep-nesting"),
        pytest.param(_huge_value, 0, None, id="huge-value"),
        pytest.param(_file_loop, 3, "loop.toml: a link to nothing", id="file-symlink-loop"),
        pytest.param(_dangling, 3, "gone.toml: a link to nothing", id="dangling-symlink"),
        pytest.param(_fifo, 3, "pipe.toml: not a regular file", id="fifo-in-pack"),
        pytest.param(_archive_loop, 3, "cannot be resolved", id="archive-symlink-loop"),
        pytest.param(_archive_directory, 3, "is a directory", id="archive-is-directory"),
        pytest.param(_archive_escape, 3, "must be a path inside the pack", id="archive-escapes"),
        pytest.param(
            _archive_link_outside,
            3,
            "must be a path inside the pack",
            id="archive-link-outside",
        ),
        pytest.param(_escape_in_file_name, 3, "\\x1b[2J\\x1b]52", id="escapes-in-file-name"),
        pytest.param(_escape_in_directory_name, 3, "\\x1b]52", id="escapes-in-directory-name"),
        pytest.param(_bidi_in_problem, 3, "\\u202e", id="bidi-in-problem"),
        pytest.param(_empty_file, 0, None, id="empty-file"),
        pytest.param(_duplicate_across_packs, 3, "duplicate", id="duplicate-across-packs"),
        pytest.param(
            _pack_file_too_large,
            3,
            "big.toml: larger than 256 MiB; is it the right file?",
            id="pack-file-too-large",
        ),
        pytest.param(
            _archive_too_large,
            3,
            "facts.toml:7: source 's': archive 'archive.txt' is larger than 1 GiB; "
            "is it the right file?",
            id="archive-too-large",
        ),
        pytest.param(
            _archive_not_utf8,
            3,
            "facts.toml:7: source 's': archive 'archive.txt' is not UTF-8 text (byte 0xff "
            "cannot be decoded) at line 2, column 6; save the file as UTF-8",
            id="archive-not-utf8",
        ),
        pytest.param(
            _archive_fifo,
            3,
            "facts.toml:7: source 's': archive 'archive.txt' is not a regular file",
            id="archive-fifo",
        ),
        pytest.param(
            _archive_is_the_fact_file,
            3,
            "facts.toml:7: source 's': archive 'facts.toml' is a fact file, not the source's",
            id="archive-is-the-fact-file",
        ),
        pytest.param(
            _archive_links_to_the_fact_file,
            3,
            "archive 'archive.txt' is a fact file",
            id="archive-links-to-the-fact-file",
        ),
        pytest.param(
            _source_field("published = 2020-05-01\naccessed = 2001-01-01"),
            3,
            "facts.toml:8: source 's': 'accessed' (2001-01-01) is before 'published' (2020-05-01)",
            id="accessed-before-published",
        ),
        pytest.param(
            _source_field("published = 2999-01-01"),
            3,
            "facts.toml:7: source 's': field 'published' (2999-01-01) is in the future",
            id="published-in-the-future",
        ),
        pytest.param(
            _directory_named_toml,
            3,
            "more.toml: a directory named like a fact file (*.toml); not read",
            id="directory-named-toml",
        ),
        pytest.param(
            lambda root: _pack(root, GOOD_FACT.replace('"A source"', '"A\\nsource"')),
            3,
            "facts.toml:4: source 's': field 'title' must be one line; it holds '\\n'",
            id="newline-in-title",
        ),
        pytest.param(
            lambda root: _pack(root, GOOD_FACT.replace('"Tests"', '"Te\\tsts"')),
            3,
            "facts.toml:5: source 's': field 'publisher' must be one line; it holds '\\t'",
            id="tab-in-publisher",
        ),
        pytest.param(
            _fact_field("", ENTITY_X.replace('"X"', '"Line\\u2028separated"')),
            3,
            "entity 'x': field 'name' must be one line; it holds '\\u2028'",
            id="line-separator-in-name",
        ),
        pytest.param(
            _fact_field('tags = ["a", ""]'),
            3,
            "event 'e': field 'tags' must be an array of non-empty strings; item 2 is an empty "
            "string",
            id="empty-tag",
        ),
        pytest.param(
            _fact_field("", ENTITY_X + 'same_as = ["x"]\n'),
            3,
            "entity 'x': field 'same_as' names the entity itself ('x')",
            id="same-as-itself",
        ),
        pytest.param(
            _fact_field('about = ["x", "x"]', ENTITY_X),
            3,
            "event 'e': field 'about' gives 'x' more than once",
            id="about-twice",
        ),
        pytest.param(
            _fact_field("", ENTITY_X + 'same_as = ["y", "y"]\n'),
            3,
            "entity 'x': field 'same_as' gives 'y' more than once",
            id="same-as-twice",
        ),
        pytest.param(
            _fact_field("", ENTITY_X + 'same_as = ["BAD ID"]\n'),
            3,
            "entity 'x': field 'same_as': 'BAD ID' is not an id",
            id="same-as-not-an-id",
        ),
    ],
)
def test_hostile_pack(make: Maker, code: int, message: str | None, tmp_path: Path) -> None:
    pack = make(tmp_path)
    packs = [str(path) for path in sorted(tmp_path.iterdir()) if path.is_dir()]

    validated = tq("validate", "--no-builtin", *packs, timeout=30)
    listed = tq("list", "--no-builtin", *(f"--facts={path}" for path in packs), timeout=30)

    for run in (validated, listed):
        run.assert_no_bug()
        assert run.code == code, run.err
        if message is not None:
            assert message in run.err
        assert not RAW_CONTROL.search(run.err), repr(run.err)
        assert not RAW_CONTROL.search(run.out), repr(run.out)
    assert pack.exists()  # nothing the user owns is touched


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda root: root / "missing", "does not exist", id="pack-missing"),
        pytest.param(
            lambda root: shutil.copy(MINI_PACK / "facts.toml", root / "f.toml") and root / "f.toml",
            "is not a directory",
            id="pack-is-a-file",
        ),
        pytest.param(
            lambda root: (
                (root / "a").symlink_to(root / "b")
                or (root / "b").symlink_to(root / "a")
                or root / "a"
            ),
            "does not exist",
            id="pack-symlink-loop",
        ),
    ],
)
def test_a_pack_directory_that_is_not_one(make: Maker, message: str, tmp_path: Path) -> None:
    run = tq("list", "--facts", make(tmp_path))

    run.assert_no_bug()
    assert run.code == 2
    assert message in run.err


@pytest.mark.parametrize("way", [("validate",), ("list", "--facts")], ids=" ".join)
@pytest.mark.parametrize(
    ("make", "hint"),
    [
        pytest.param(
            lambda root: (root / "empty").mkdir() or root / "empty", "", id="pack-empty-dir"
        ),
        pytest.param(
            lambda root: _pack(root, name="one") and _pack(root, name="two") and root,
            "; packs inside it: {root}/one, {root}/two",
            id="pack-parent-of-packs",
        ),
    ],
)
def test_a_directory_holding_no_pack_is_refused_not_called_valid(
    way: tuple[str, ...], make: Maker, hint: str, tmp_path: Path
) -> None:
    folder = make(tmp_path)

    run = tq(*way, str(folder))

    run.assert_no_bug()
    assert run.code == 2
    assert run.out == ""
    origin = "validate" if way == ("validate",) else "--facts"
    assert run.err == (
        f"tq: {origin}: {str(folder)!r} holds no fact pack (a pack is a directory of *.toml "
        f"files; its subdirectories are not read){hint.format(root=tmp_path)}\n"
    )


def test_a_flood_of_duplicate_ids_is_one_line_per_pair_of_files(tmp_path: Path) -> None:
    events = "".join(
        f'\n[[event]]\nid = "e{n}"\nclaim = "Something happened."\n'
        f'[[event.cite]]\nsource = "s"\npassage = "Something happened."\n'
        for n in range(3000)
    )
    first = _pack(tmp_path, GOOD_FACT + events, name="first")
    second = _pack(tmp_path, GOOD_FACT + events, name="second")

    listed = tq("list", "--no-builtin", f"--facts={first}", f"--facts={second}", timeout=60)
    validated = tq("validate", "--no-builtin", str(first), str(second), timeout=60)

    for run in (listed, validated):
        run.assert_no_bug()
        assert run.code == 3
    assert listed.err.splitlines() == [
        f"tq: 3002 duplicate ids between {first / 'facts.toml'} and {second / 'facts.toml'}, "
        "e.g. 's', 'e', 'e0', …",
        f"tq: 3002 problem(s) in the fact packs at {second}; "
        f"to check them: tq validate {first} {second} --no-builtin",
    ]
    assert len(validated.err.splitlines()) == 3002  # validate locates each


def test_a_line_break_in_a_file_name_keeps_each_problem_on_one_line(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "not toml = = =", name="new\nline\tpack")

    validated = tq("validate", "--no-builtin", str(pack))
    listed = tq("list", "--no-builtin", f"--facts={pack}")

    escaped = str(tmp_path / "new\\x0aline\\x09pack" / "facts.toml")
    folder = escaped.removesuffix("/facts.toml")
    assert (
        validated.err
        == f"{escaped}:1:5: TOML syntax error: Expected '=' after a key in a key/value pair\n"
    )
    assert listed.err.splitlines() == [
        f"{escaped}:1:5: TOML syntax error: Expected '=' after a key in a key/value pair",
        f"tq: 1 problem(s) in the fact packs at {folder}; "
        f"to check them: tq validate '{folder}' --no-builtin",
    ]
    for run in (validated, listed):
        run.assert_no_bug()
        assert run.code == 3


def test_a_line_break_in_a_pack_name_keeps_each_row_on_one_line(tmp_path: Path) -> None:
    pack = tmp_path / "new\nline"
    shutil.copytree(MINI_PACK, pack)

    paths = tq("paths", "--no-builtin", f"--facts={pack}", "--format=plain")
    shown = tq("show", "acme-founded", "--no-builtin", f"--facts={pack}", "--format=plain")

    for run in (paths, shown):
        run.assert_no_bug()
        assert run.code == 0
    assert paths.out.splitlines()[-1].split() == [
        "new\\x0aline",
        "--facts",
        str(tmp_path / "new\\x0aline"),
    ]
    assert "  Pack new\\x0aline, facts.toml:" in shown.out


def _user_folder(root: Path) -> tuple[Path, dict[str, str]]:
    folder = root / "data" / "tq" / "packs"
    folder.mkdir(parents=True)
    env = environment(XDG_DATA_HOME=str(root / "data"), TQ_CACHE_DIR=str(root / "cache"))
    return folder, env


def test_a_fact_file_copied_straight_into_the_user_pack_folder_is_reported(
    tmp_path: Path,
) -> None:
    # tq validate and tq paths, which look for problems, refuse (exit 2); a query warns and runs
    # on the packs there are, as it does past a pack of the folder that does not load.
    folder, env = _user_folder(tmp_path)
    shutil.copy(_pack(tmp_path) / "facts.toml", folder / "facts.toml")
    message = (
        f"user pack folder {str(folder)!r} holds 'facts.toml' directly: a pack is a "
        "subfolder of it, so a file there is never read; move it into one "
        f"(e.g. {str(folder / 'facts')!r})\n"
    )

    for command in (["validate"], ["list"], ["paths", "--json"]):
        run = tq(*command, env=env)

        run.assert_no_bug()
        if command[0] == "list":
            assert (run.code, run.err) == (0, "tq: warning: " + message)
        else:
            assert (run.code, run.err) == (2, "tq: " + message), command
        # tq paths, which finds where things are, shows them all the same
        assert (run.out != "") is (command[0] != "validate"), command
    assert json.loads(run.out)["user_pack_folder"] == str(folder)


def test_a_folder_without_fact_files_in_the_user_pack_folder_is_not_a_pack(
    tmp_path: Path,
) -> None:
    folder, env = _user_folder(tmp_path)
    (folder / "archive").mkdir()
    (folder / "archive" / "archive.txt").write_text("Something happened.", encoding="utf-8")

    validated = tq("validate", env=env)
    listed = tq("list", env=env)

    message = (
        f"{folder / 'archive'}: holds no *.toml file, so it is not a pack (in the user pack "
        "folder each subfolder is a pack); move it into its pack's folder, or out of "
        f"{str(folder)!r}"
    )
    assert validated.err == message + "\n"
    assert listed.err.splitlines()[1] == message  # a query leaves it out, and says so
    assert "it is left out of this query" in listed.err
    for run in (validated, listed):
        run.assert_no_bug()
    assert (validated.code, listed.code) == (3, 0)


def test_an_archive_that_cannot_be_read_is_reported_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In-process: a file root can read cannot be made unreadable by its mode.
    from tqcli.loader import load
    from tqcli.model import Pack

    pack = _pack(tmp_path)
    opened = os.open

    def refused(path: Any, *args: Any, **options: Any) -> Any:
        if Path(path).name == "archive.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, *args, **options)

    monkeypatch.setattr(os, "open", refused)

    problems = [str(problem) for problem in load([Pack("pack", pack, "validate")]).problems]

    assert problems == [
        f"{pack / 'facts.toml'}:7: source 's': archive 'archive.txt' cannot be read: "
        "Permission denied"
    ]


@pytest.mark.parametrize(
    ("args", "origin"),
    [(["validate", "--no-builtin"], "validate"), (["list", "--no-builtin", "--facts"], "--facts")],
    ids=["unreadable-pack-validate", "unreadable-pack-facts"],
)
def test_an_unreadable_pack_directory_is_named_in_tqs_words(
    args: list[str], origin: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In-process: root reads any directory, so reading this one is made to fail.
    from typer.testing import CliRunner

    from tqcli.cli import app

    pack = _pack(tmp_path)
    access, scandir = os.access, os.scandir

    def no_access(path: object, mode: int, **options: object) -> bool:
        return False if path == str(pack) else access(path, mode, **options)  # type: ignore[arg-type]

    def refused(path: object = ".") -> object:
        if str(path) == str(pack):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "access", no_access)
    monkeypatch.setattr(os, "scandir", refused)

    result = CliRunner().invoke(app, [*args, str(pack)])

    assert result.exit_code == 2
    assert result.stderr == (
        f"tq: {origin}: fact pack {str(pack)!r} cannot be read: Permission denied\n"
    )


def test_nesting_too_deep_is_located_at_its_line_past_brackets_in_strings(tmp_path: Path) -> None:
    deep = "[" * 50_000 + "]" * 50_000
    pack = _pack(tmp_path, f'# a [[ comment\ntitle = "[[{{"\nnote = """\n[[[\n"""\nx = {deep}\n')

    run = tq("validate", "--no-builtin", str(pack))

    assert (run.code, run.err) == (3, f"{pack / 'facts.toml'}:6: TOML nesting too deep to read\n")


def test_the_last_line_names_the_pack_a_directory_named_like_a_fact_file_is_in(
    tmp_path: Path,
) -> None:
    pack = _directory_named_toml(tmp_path)

    run = tq("list", "--no-builtin", f"--facts={pack}")

    assert run.code == 3
    assert run.err.splitlines()[-1] == (
        f"tq: 1 problem(s) in the fact packs at {pack}; "
        f"to check them: tq validate {pack} --no-builtin"
    )


@pytest.mark.parametrize("command", ["validate", "list --facts"])
def test_a_fact_file_given_as_the_pack_says_to_give_its_folder(
    tmp_path: Path, command: str
) -> None:
    pack = _pack(tmp_path)

    run = tq(*command.split(), str(pack / "facts.toml"))

    where = "validate" if command == "validate" else "--facts"
    assert (run.code, run.err) == (
        2,
        f"tq: {where}: fact pack '{pack / 'facts.toml'}' is not a directory; "
        f"give the pack's folder: '{pack}'\n",
    )


def test_an_archive_in_a_folder_that_may_not_be_searched_cannot_be_read_not_missing(
    pack: Path, tq_executable: Path
) -> None:
    """The file is there: its folder only may not be searched (stranger 11). An archive where
    a folder of its path is a file does not exist, as before."""
    skip_unless_reads_can_be_refused()
    (pack / "archive").chmod(0)
    done = subprocess.run(
        [*NO_READ_OVERRIDE, str(tq_executable), "validate", str(pack)],
        capture_output=True,
        text=True,
        check=False,
    )
    (pack / "archive").chmod(0o755)  # for tmp_path's clean-up

    assert done.returncode == 3
    assert (
        f"{pack / 'sources.toml'}:10: source 'gazette-2020': archive 'archive/gazette.txt' "
        + ("cannot be read: Permission denied\n")
        in done.stderr
    )
