"""I/O edges a careless or hostile user reaches: devices, pipes and links where files belong,
closed or odd standard streams, a full disk, names that are not UTF-8 (stranger report 7)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app, app_for

from conftest import MINI_PACK

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and devices")


def _tq(
    tq: Path, *args: str, stdin: int | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """The installed tq, with a time limit: what these tests guard against includes hangs."""
    return subprocess.run(
        [str(tq), *args],
        stdin=stdin,
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, **env},
    )


# --- export sqlite: files that are not files, the same file twice, all or nothing ----------------


@posix_only
@pytest.mark.parametrize("which", ["database", "metadata"])
def test_export_refuses_a_pipe_rather_than_waiting_for_a_writer(
    tq_executable: Path, tmp_path: Path, which: str
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    target = (
        [str(pipe)] if which == "database" else [str(tmp_path / "x.db"), "--metadata", str(pipe)]
    )

    result = _tq(tq_executable, "export", "sqlite", *target, *MINI)

    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"tq: {pipe} exists and is not a")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@posix_only
def test_export_never_reads_a_device_given_as_metadata(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "sqlite", str(tmp_path / "x.db"), "--metadata", "/dev/zero", *MINI]
    )

    assert result.exit_code == 2
    assert result.stderr.startswith("tq: /dev/zero exists and is not a metadata file tq wrote")
    assert list(tmp_path.iterdir()) == []


def test_export_reads_only_the_start_of_a_large_metadata_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tqcli.export

    monkeypatch.setattr(tqcli.export, "MAX_METADATA_BYTES", 64)
    metadata = tmp_path / "metadata.json"
    metadata.write_text(json.dumps({"about": "tq export sqlite", "pad": "x" * 200}))

    result = runner.invoke(app, ["export", "sqlite", str(tmp_path / "x.db"), *MINI])

    assert result.exit_code == 2
    assert "is not a metadata file tq wrote" in result.stderr
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("spelling", ["same", "./same"])
def test_metadata_that_is_the_database_itself_is_refused(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "sqlite", "same", "--metadata", spelling, *MINI])

    assert result.exit_code == 2
    assert (
        result.stderr
        == f"tq: --metadata {Path(spelling)} is FILE.db itself: give the metadata another name\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_export_whose_metadata_cannot_be_written_leaves_the_old_database(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tqcli.export import export_sqlite
    from tqcli.loader import open_catalog
    from tqcli.packs import packs_in_effect

    database = tmp_path / "x.db"
    result = runner.invoke(app, ["export", "sqlite", str(database), *MINI])
    assert result.exit_code == 0, result.stderr
    before = database.read_bytes(), (tmp_path / "metadata.json").read_bytes()
    catalog = open_catalog(packs_in_effect([MINI_PACK], include_builtin=True))
    real_write_text = Path.write_text

    def full_disk(self: Path, *args: object, **kwargs: object) -> int:
        if self.suffix == ".json":
            raise OSError(28, "No space left on device", str(self))  # names the temporary
        return real_write_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full_disk)

    with pytest.raises(OSError, match="No space left") as raised:
        export_sqlite(catalog, database)

    assert raised.value.filename == str(tmp_path / "metadata.json")  # the user's name for it
    assert (database.read_bytes(), (tmp_path / "metadata.json").read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["metadata.json", "x.db"]


@posix_only
def test_export_through_a_link_replaces_the_file_it_points_to(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "link.db").symlink_to("real.db")  # dangling until the export

    result = runner.invoke(app, ["export", "sqlite", str(tmp_path / "link.db"), *MINI])

    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "link.db").is_symlink()
    assert (
        sqlite3.connect(tmp_path / "real.db").execute("SELECT count(*) FROM facts").fetchone()[0]
        > 0
    )


# --- the configuration file --------------------------------------------------------------------


@posix_only
def test_a_device_as_configuration_file_is_refused_not_read(runner: CliRunner) -> None:
    result = runner.invoke(app_for(["stats"]), ["stats", *MINI], env={"TQ_CONFIG": "/dev/zero"})

    assert result.exit_code == 2
    assert result.stderr == (
        "tq: /dev/zero: not a regular file (a pipe, a device or a socket); not read\n"
    )


@posix_only
def test_a_pipe_as_configuration_file_does_not_hang(tq_executable: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.toml")

    result = _tq(tq_executable, "stats", *MINI, TQ_CONFIG=str(tmp_path / "config.toml"))

    assert result.returncode == 2
    assert "not a regular file (a pipe, a device or a socket)" in result.stderr


def test_a_missing_file_named_by_tq_config_is_said_on_stderr(
    runner: CliRunner, tmp_path: Path
) -> None:
    missing = tmp_path / "confg.toml"

    result = runner.invoke(app_for(["stats"]), ["stats", *MINI], env={"TQ_CONFIG": str(missing)})

    assert result.exit_code == 0
    assert result.stdout == runner.invoke(app, ["stats", *MINI]).stdout  # the defaults'
    assert (
        result.stderr
        == f"tq: TQ_CONFIG names {missing}, which does not exist; using the defaults\n"
    )


def test_a_missing_default_configuration_file_is_silent(runner: CliRunner) -> None:
    result = runner.invoke(app_for(["stats"]), ["stats", *MINI])  # XDG_CONFIG_HOME is empty

    assert (result.exit_code, result.stderr) == (0, "")


def test_the_installed_tq_says_a_missing_tq_config_file_once(
    tq_executable: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nonexist.toml"

    result = _tq(tq_executable, "search", "acme", "--json", *MINI, TQ_CONFIG=str(missing))

    assert result.returncode == 0
    assert json.loads(result.stdout)
    assert (
        result.stderr
        == f"tq: TQ_CONFIG names {missing}, which does not exist; using the defaults\n"
    )


def test_a_huge_configuration_file_is_refused_unread(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tqcli.config

    monkeypatch.setattr(tqcli.config, "MAX_CONFIG_BYTES", 1 << 20)
    config = tmp_path / "config.toml"
    with config.open("wb") as file:
        file.truncate((1 << 20) + 1)  # sparse: a megabyte of NULs costs no disk

    result = runner.invoke(app_for(["stats"]), ["stats", *MINI], env={"TQ_CONFIG": str(config)})

    assert result.exit_code == 2
    assert result.stderr == f"tq: {config}: larger than 1 MiB; is it the right file?\n"


# --- --batch: standard input closed, not UTF-8, lone carriage returns ----------------------------


@posix_only
@pytest.mark.parametrize("command", ["search", "ask", "match"])
def test_batch_with_standard_input_closed_is_a_usage_error(
    tq_executable: Path, command: str
) -> None:
    result = subprocess.run(
        [str(tq_executable), command, "--batch", *MINI],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
        preexec_fn=lambda: os.close(0),
    )

    assert result.returncode == 2, result.stderr
    assert result.stderr == "tq: --batch reads standard input, and it is closed\n"
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["search", "ask", "match"])
def test_batch_answers_line_n_with_line_n_whatever_the_line_ends(
    runner: CliRunner, command: str
) -> None:
    lines = b"taliban\r\nfoo\rbar\n\ncaf\xe9 taliban\nTaliban"

    result = runner.invoke(app, [command, "--batch", *MINI], input=lines)

    assert result.exit_code in (0, 1), result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    queries = [answer["query"] for answer in answers]
    assert queries == ["taliban", "foo\rbar", "", "caf\N{REPLACEMENT CHARACTER} taliban", "Taliban"]
    assert "not UTF-8" not in answers[0].get("error", "")


@pytest.mark.parametrize("command", ["search", "ask", "match"])
def test_a_batch_line_that_is_not_utf8_is_an_error_not_another_query(
    runner: CliRunner, command: str
) -> None:
    """A Latin-1 name answered as the text U+FFFD makes of it ("M?ller") could be missed
    unsaid: the line says why it has no results, and the lines around it are answered."""
    result = runner.invoke(app, [command, "--batch", *MINI], input=b"taliban\nM\xfcller\nTaliban\n")

    assert result.exit_code in (0, 1), result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [answer["query"] for answer in answers] == ["taliban", "M\ufffdller", "Taliban"]
    assert answers[1]["results"] == []
    assert "it is not UTF-8 text (byte 0xFC at character 2)" in answers[1]["error"]
    assert "iconv -f latin1 -t utf-8" in answers[1]["error"]
    assert "error" not in answers[0]
    assert "error" not in answers[2]


# --- start-up and Click's own output --------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["-h"], ["search", "--help"]])
def test_help_and_version_to_a_full_disk_exit_74(tq_executable: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(tq_executable), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=30,
        )

    assert result.returncode == 74
    assert result.stderr == "tq: cannot write the output: No space left on device\n"


def test_the_entry_point_loads_nothing_before_it_catches_ctrl_c() -> None:
    """Ctrl-C during start-up is caught from main() on; the import before it is kept to tq's own
    two small modules (the console script has loaded re, and enum with it)."""
    program = (
        "import re, sys\n"
        "before = set(sys.modules)\n"
        "import tqcli.__main__\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout.split()

    assert set(loaded) <= {"__future__", "tqcli", "tqcli.__main__", "tqcli.exits"}


@posix_only
def test_columns_0_on_a_terminal_is_an_unknown_width_not_an_empty_screen(
    tq_executable: Path,
) -> None:
    from conftest import run_on_terminal

    env = {**os.environ, "COLUMNS": "0", "NO_COLOR": "1"}
    code, shown = run_on_terminal(
        [tq_executable, "show", "acme-widgets-2019", "--no-pager", *MINI], env, rows=24
    )

    assert code == 0
    assert b"acme-widgets-2019" in shown


# --- names that are not UTF-8 --------------------------------------------------------------------


@posix_only
def test_a_pack_folder_named_in_latin_1_has_an_index_file_name(tmp_path: Path) -> None:
    from tqcli.index.cache import index_path
    from tqcli.model import Pack

    folder = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))  # as os.listdir gives it
    other = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe8"))

    path = index_path(tmp_path, [Pack(folder.name, folder, "--facts")])

    assert path.parent == tmp_path
    assert path.name.startswith("index-")
    assert path != index_path(tmp_path, [Pack(other.name, other, "--facts")])


# --- messages: stderr gone, arguments echoed ----------------------------------------------------


@posix_only
def test_stderr_closed_by_its_reader_keeps_the_exit_code(tq_executable: Path, pack: Path) -> None:
    with (pack / "facts.toml").open("a") as facts:
        facts.write('\n[[event]]\nid = "no-claim"\n')
    reader, writer = os.pipe()
    os.close(reader)  # the reader went away before the first message (2>&1 >/dev/null | head)
    try:
        code = subprocess.run(
            [str(tq_executable), "list", "--no-builtin", "--facts", str(pack)],
            stdout=subprocess.DEVNULL,
            stderr=writer,
            check=False,
            timeout=30,
        ).returncode
    finally:
        os.close(writer)

    assert code == 3  # invalid data, not 1 (no results)


@pytest.mark.parametrize("args", [["who"], ["show"], ["list", "--about"], ["list", "--tag"]])
def test_a_huge_argument_is_echoed_shortened(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "a" * 100_000, *MINI])

    assert result.exit_code in (1, 2)
    assert len(result.stderr) < 300, result.stderr
    assert f"'{'a' * 60}…' (100000 characters)" in result.stderr


# --- small wording and conventions ------------------------------------------------------------


@pytest.mark.parametrize("command", ["search", "import"])
def test_help_command_is_the_command_s_help(runner: CliRunner, command: str) -> None:
    asked = runner.invoke(app_for(["help", command]), ["help", command])
    direct = runner.invoke(app_for([command]), [command, "--help"])

    assert asked.exit_code == 0, asked.stderr
    assert asked.stdout == direct.stdout
    assert asked.stdout.startswith(f"Usage: tq {command} [OPTIONS]")


def test_tq_debug_0_keeps_the_one_line_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tqcli.__main__
    import tqcli.cli

    def bug(args: list[str]) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(tqcli.cli, "app_for", bug)
    monkeypatch.setattr(sys, "argv", ["tq", "stats"])
    monkeypatch.setenv("TQ_DEBUG", "0")

    with pytest.raises(SystemExit) as exited:
        tqcli.__main__.main()

    assert exited.value.code == 70
    assert capsys.readouterr().err.startswith("tq: internal error (RuntimeError: a bug);")


def test_a_failed_pager_message_names_the_setting_that_chose_it() -> None:
    from tqcli.terminal import _where_pager_is_set

    assert _where_pager_is_set({"TQ_PAGER": "false", "PAGER": "less"}) == "TQ_PAGER"
    assert _where_pager_is_set({"PAGER": "false"}).startswith("TQ_PAGER (it overrides PAGER")


def test_validate_with_no_pack_says_there_is_nothing_to_validate(runner: CliRunner) -> None:
    result = runner.invoke(app_for(["validate"]), ["validate", "--no-builtin"])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("tq: nothing to validate: no pack is in effect")


@pytest.mark.parametrize(
    "args",
    [
        ["validate", ""],
        ["list", "--facts", ""],
        ["export", "sqlite", ""],
        ["export", "sqlite", "x.db", "--metadata", ""],
    ],
)
def test_an_empty_path_is_said_to_be_empty(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app_for(args), args)

    assert result.exit_code == 2
    assert "the path is empty (an unset variable?)" in result.stderr
    assert "'.'" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_tq_cache_dir_naming_a_file_is_said_to_be_no_directory(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "afile").write_text("mine")

    result = runner.invoke(
        app_for(["cache"]), ["cache"], env={"TQ_CACHE_DIR": str(tmp_path / "afile")}
    )

    assert result.exit_code == 0
    assert result.stdout == (
        f"no cache directory (TQ_CACHE_DIR names {tmp_path / 'afile'}, which is not a directory)\n"
    )


def test_no_pager_is_accepted_by_every_command() -> None:
    """A wrapper that always passes --no-pager must work with every command (it is a no-op
    where nothing is paged)."""
    import typer

    def leaves(command: object, path: str) -> list[tuple[str, object]]:
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            return [(path, command)]
        return [pair for name, sub in subcommands.items() for pair in leaves(sub, f"{path} {name}")]

    lacking = [
        path
        for path, command in leaves(typer.main.get_command(app), "tq")
        if "--no-pager" not in {opt for param in command.params for opt in param.opts}  # type: ignore[attr-defined]
    ]

    assert lacking == []


@pytest.mark.parametrize("args", [["cache", "--json"], ["cache", "clear", "--json"]])
def test_cache_json_has_a_schema_and_matches_it(runner: CliRunner, args: list[str]) -> None:
    from tqcli.schemas import SchemaName

    from conftest import schema_validator

    result = runner.invoke(app_for(args), args)

    assert result.exit_code == 0, result.stderr
    schema_validator(SchemaName.CACHE).validate(json.loads(result.stdout))


@posix_only
@pytest.mark.parametrize("where", ["folder", "file"])
@pytest.mark.parametrize(
    "args", [["list"], ["list", "--no-cache"], ["search", "widgets"], ["validate"]]
)
def test_a_name_not_utf8_is_a_located_problem_for_queries_and_validate(
    runner: CliRunner, tmp_path: Path, where: str, args: list[str]
) -> None:
    import shutil

    if where == "folder":
        pack = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))
        shutil.copytree(MINI_PACK, pack)
        culprit = pack
    else:
        pack = tmp_path / "pack"
        shutil.copytree(MINI_PACK, pack)
        culprit = Path(os.fsdecode(bytes(pack) + b"/more\xfe.toml"))
        culprit.write_text("")
    flag = [] if args == ["validate"] else ["--facts"]

    result = runner.invoke(app_for(args), [*args, "--no-builtin", *flag, str(pack)])

    assert result.exit_code == 3, result.stderr
    shown = str(culprit).encode("utf-8", "backslashreplace").decode()  # \udce9, \udcfe
    assert f"{shown}: the name is not UTF-8 text" in result.stderr


# --- files larger than the memory: a located message and exit 3, never an internal error -------


def _with_memory(megabytes: int) -> Callable[[], None]:
    """For preexec_fn: the process may map at most this much memory (RLIMIT_AS)."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

    return limit


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS as Linux has it")
@pytest.mark.parametrize(
    ("args", "big", "size"),
    [
        pytest.param(["validate", "pack"], "pack/big.toml", 250, id="memory-pack-file"),
        pytest.param(
            ["list", "--no-builtin", "--facts", "pack"], "pack/big.toml", 250, id="memory-query"
        ),
        pytest.param(
            ["import", "ftm", "big.json", "--out", "out"], "big.json", 600, id="memory-import"
        ),
    ],
)
def test_a_file_larger_than_the_memory_is_invalid_data_not_a_bug(
    tq_executable: Path, tmp_path: Path, args: list[str], big: str, size: int
) -> None:
    # Under each reader's size limit (256 MiB for a fact file, 1 GiB for an FtM export), over
    # the memory the process may have: the reader says so, at the file (it was exit 70).
    (tmp_path / "pack").mkdir()
    with (tmp_path / big).open("wb") as file:
        file.truncate(size << 20)  # sparse: no disk used
    result = subprocess.run(
        [str(tq_executable), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_with_memory(300),
        check=False,
    )

    assert result.returncode == 3, result.stderr
    assert f"{big}: too large to read in the memory available" in result.stderr
    assert "internal error" not in result.stderr
