"""Terminal conventions: the config file, the user pack folder, colour variables, the pager."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app_for
from tqcli.config import Config, load_config
from tqcli.render import ColorMode

from conftest import HOSTILE_PACK, MINI_PACK, run_on_terminal

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]
SGR = "\x1b["


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app_for(list(args)), list(args))
    return result.exit_code, result.stdout, result.stderr


def write_config(text: str) -> Path:
    """The configuration file the tests' environment points at, holding text."""
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "tq" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- The configuration file ---------------------------------------------------------------------


def test_no_configuration_file_is_no_configuration() -> None:
    config = load_config()

    assert not config.exists
    assert config.path == Path(os.environ["XDG_CONFIG_HOME"]) / "tq" / "config.toml"
    assert (config.packs, config.color, config.pager, config.limit("search", None)) == (
        (),
        None,
        None,
        20,
    )


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write_config(
        'packs = ["../packs/mine", "~/elsewhere"]\n'
        'color = "never"\n'
        'pager = "most"\n'
        "[limits]\nsearch = 5\nlist = 7\n"
    )

    config = load_config()

    assert config.exists
    # Resolved as the system resolves it: `tq paths` shows no "../" (stranger 9).
    mine = (path.parent.parent / "packs/mine").resolve()
    assert config.packs == (mine, (Path.home() / "elsewhere").resolve())
    assert ".." not in config.packs[0].parts
    assert (config.color, config.pager) == (ColorMode.NEVER, "most")
    assert (config.limit("search", None), config.limit("list", None)) == (5, 7)
    assert (config.limit("ask", None), config.limit("search", 2)) == (3, 2)


def test_tq_config_names_another_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.toml"
    other.write_text('color = "always"\n', encoding="utf-8")
    monkeypatch.setenv("TQ_CONFIG", str(other))

    assert load_config().color is ColorMode.ALWAYS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('color = "auto"\ncolour = "never"\n', ":2: unknown key 'colour' (did you mean 'color'?)"),
        ('pager = "less"\ncolor = "sometimes"\n', ":2: color must be one of auto, always, never"),
        ("\n\npager = 1\n", ":3: pager must be a string, not a number"),
        ('packs = "my-pack"\n', ":1: packs must be a list of directory paths"),
        ("[limits]\nserch = 3\n", ":2: unknown limit 'serch' (did you mean 'search'?)"),
        ("[limits]\nsearch = 3\nlist = -1\n", ":3: limits.list must be a whole number"),
        ("limits = 3\n", ":1: limits must be a table"),
        ('color = "auto"\npager = \n', ":2:9: TOML syntax error: "),
    ],
    ids=[
        "unknown-key",
        "bad-choice",
        "wrong-type",
        "packs-not-a-list",
        "unknown-limit",
        "negative-limit",
        "limits-not-a-table",
        "syntax-error",
    ],
)
def test_configuration_problems_are_located(runner: CliRunner, text: str, expected: str) -> None:
    path = write_config(text)

    code, out, err = run(runner, "search", "x", *MINI)

    assert (code, out) == (2, "")
    assert err.startswith(f"tq: {path}{expected}")
    assert "Traceback" not in err


def test_every_problem_in_the_file_is_reported_at_once(runner: CliRunner) -> None:
    path = write_config('colour = "never"\npager = 3\n[limits]\nsearch = "all"\n')

    _, _, err = run(runner, "list", *MINI)

    assert [line.split(": ")[1] for line in err.splitlines()] == [f"{path}:{n}" for n in (1, 2, 4)]


def test_paths_shows_the_files_though_the_configuration_is_broken(runner: CliRunner) -> None:
    path = write_config('colour = "never"\n')

    code, out, err = run(runner, "paths", "--json", *MINI)

    assert code == 2
    assert (json.loads(out)["config_file"], json.loads(out)["config_exists"]) == (str(path), True)
    assert err.startswith(f"tq: {path}:1: unknown key 'colour'")


def test_a_configuration_file_that_is_not_text_is_reported(runner: CliRunner) -> None:
    path = write_config("")
    path.write_bytes(b'color = "\xff"\n')

    code, _, err = run(runner, "stats", *MINI)

    assert code == 2
    message = "not UTF-8 text (byte 0xff cannot be decoded); save the file as UTF-8"
    assert err == f"tq: {path}:1:10: {message}\n"


def test_configured_limits_are_defaults_that_limit_overrides(runner: CliRunner) -> None:
    write_config("[limits]\nlist = 2\n")

    _, two, _ = run(runner, "list", "--jsonl", *MINI)
    _, three, _ = run(runner, "list", "--jsonl", "--limit", "3", *MINI)

    assert (len(two.splitlines()), len(three.splitlines())) == (2, 3)


def test_configured_packs_load_after_the_user_folder_and_before_tq_facts_path(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = Path(os.environ["XDG_DATA_HOME"]) / "tq" / "packs"
    (folder / "zeta").mkdir(parents=True)
    (folder / "alpha").mkdir()
    (folder / ".git").mkdir()  # hidden: not a pack
    (folder / "README").write_text("not a pack either", encoding="utf-8")
    write_config(f"packs = [{json.dumps(str(HOSTILE_PACK))}]\n")
    (tmp_path / "facts.toml").write_text("", encoding="utf-8")  # an empty pack is still one
    monkeypatch.setenv("TQ_FACTS_PATH", str(tmp_path))

    code, out, _ = run(runner, "paths", "--json", "--facts", str(MINI_PACK))

    assert code == 0
    assert [(pack["name"], pack["origin"]) for pack in json.loads(out)["packs"]] == [
        ("builtin", "builtin"),
        ("alpha", "user pack folder"),
        ("zeta", "user pack folder"),
        ("hostile", "config file"),
        (tmp_path.name, "TQ_FACTS_PATH"),
        ("mini", "--facts"),
    ]


def test_a_configured_pack_that_does_not_exist_is_a_usage_error(runner: CliRunner) -> None:
    write_config('packs = ["nowhere"]\n')

    code, _, err = run(runner, "list", *MINI)

    assert code == 2
    assert "config file: fact pack" in err
    assert "does not exist" in err


def test_a_pack_in_the_user_folder_is_queried(runner: CliRunner) -> None:
    folder = Path(os.environ["XDG_DATA_HOME"]) / "tq" / "packs"
    folder.mkdir(parents=True)
    (folder / "mini").symlink_to(MINI_PACK, target_is_directory=True)

    code, out, _ = run(runner, "show", "acme-founded", "--json", "--no-builtin")

    assert code == 0
    assert json.loads(out)[0]["pack"] == "mini"


def test_validate_with_paths_checks_those_and_not_the_user_folder(runner: CliRunner) -> None:
    folder = Path(os.environ["XDG_DATA_HOME"]) / "tq" / "packs" / "broken"
    folder.mkdir(parents=True)
    (folder / "facts.toml").write_text("[[nonsense]]\n", encoding="utf-8")

    code, out, _ = run(runner, "validate", str(MINI_PACK), "--json")
    everything, _, _ = run(runner, "validate", "--json")

    assert code == 0
    assert [pack["name"] for pack in json.loads(out)["packs"]] == ["builtin", "mini"]
    assert everything == 3  # the broken pack in the folder is in effect everywhere else


def test_paths_shows_where_each_file_is(runner: CliRunner) -> None:
    config = write_config("")

    code, out, _ = run(runner, "paths", "--json", *MINI)

    assert code == 0
    assert json.loads(out) == {
        "config_file": str(config),
        "config_exists": True,
        "user_pack_folder": str(Path(os.environ["XDG_DATA_HOME"]) / "tq" / "packs"),
        "cache": os.environ["TQ_CACHE_DIR"],
        "packs": [
            {"name": "mini", "origin": "--facts", "path": str(MINI_PACK), "left_out": False}
            | {"left_out_reason": None, "left_out_twin": None}
        ],
    }


def test_paths_in_human_output_says_what_is_not_there_yet(runner: CliRunner) -> None:
    code, out, _ = run(runner, "paths", *MINI)

    assert code == 0
    assert out.startswith("Files\n")
    config_line = next(line for line in out.splitlines() if line.startswith("config file"))
    assert config_line.endswith("(not there yet)")
    assert "Packs in effect" in out


# --- Colour ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "environ", "configured", "expected"),
    [
        (ColorMode.AUTO, {}, None, ColorMode.AUTO),
        (ColorMode.AUTO, {"NO_COLOR": "1"}, None, ColorMode.NEVER),
        (ColorMode.AUTO, {"FORCE_COLOR": "1"}, None, ColorMode.ALWAYS),
        (ColorMode.AUTO, {"FORCE_COLOR": "0"}, None, ColorMode.AUTO),
        (ColorMode.AUTO, {"FORCE_COLOR": ""}, None, ColorMode.AUTO),
        (ColorMode.AUTO, {"CLICOLOR_FORCE": "1"}, None, ColorMode.ALWAYS),
        (ColorMode.AUTO, {"CLICOLOR_FORCE": "0"}, None, ColorMode.AUTO),
        (ColorMode.AUTO, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, None, ColorMode.NEVER),
        (ColorMode.NEVER, {"FORCE_COLOR": "1"}, None, ColorMode.NEVER),
        (ColorMode.ALWAYS, {"NO_COLOR": "1"}, None, ColorMode.ALWAYS),
        (ColorMode.AUTO, {}, ColorMode.NEVER, ColorMode.NEVER),
        (ColorMode.AUTO, {"FORCE_COLOR": "1"}, ColorMode.NEVER, ColorMode.ALWAYS),
        (ColorMode.AUTO, {"NO_COLOR": "1"}, ColorMode.ALWAYS, ColorMode.NEVER),
    ],
)
def test_the_colour_rule(
    flag: ColorMode, environ: dict[str, str], configured: ColorMode | None, expected: ColorMode
) -> None:
    assert Config(Path("config.toml"), color=configured).color_mode(flag, environ) is expected


@pytest.mark.parametrize("variable", ["FORCE_COLOR", "CLICOLOR_FORCE"])
def test_force_color_colours_a_pipe(tq_executable: Path, variable: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    args = [str(tq_executable), "show", "acme-founded", *MINI]

    forced = subprocess.run(
        args, capture_output=True, text=True, check=False, env={**env, variable: "1"}
    )
    plain = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    json_out = subprocess.run(
        [*args, "--json"], capture_output=True, text=True, check=False, env={**env, variable: "1"}
    )

    assert SGR in forced.stdout
    assert SGR not in plain.stdout
    assert json.loads(json_out.stdout)[0]["id"] == "acme-founded"


def test_the_configuration_file_can_set_colour(runner: CliRunner) -> None:
    write_config('color = "always"\n')

    _, out, _ = run(runner, "show", "acme-founded", *MINI)

    assert SGR in out  # always: colour even in the test's pipe


# --- The pager ------------------------------------------------------------------------------------


def test_pager_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    def pager_command(environ: dict[str, str], configured: str | None) -> str | None:
        return Config(Path("config.toml"), pager=configured).pager_command(environ)

    assert pager_command({"TQ_PAGER": "most", "PAGER": "more"}, "pg") == "most"
    assert pager_command({"PAGER": "more"}, "pg") == "pg"
    assert pager_command({"PAGER": "more"}, None) == "more"
    assert pager_command({"TQ_PAGER": "", "PAGER": "more"}, None) is None
    assert pager_command({"PAGER": "cat"}, None) is None
    assert pager_command({}, "") is None
    # A dumb terminal gets no default pager (less waits there for RETURN), only a chosen one.
    monkeypatch.setattr("shutil.which", lambda name: f"/usr/bin/{name}")
    assert pager_command({"TERM": "xterm"}, None) == "less -FRX"
    assert pager_command({"TERM": "dumb"}, None) is None
    assert pager_command({"TERM": "dumb", "PAGER": "more"}, None) == "more"
    monkeypatch.undo()
    monkeypatch.setenv("PATH", "")  # no less to be found
    assert pager_command({}, None) is None


def _recording_pager(directory: Path) -> tuple[str, Path]:
    """A stand-in pager that saves what it is given, and LESS as it saw it; and where to."""
    record = directory / "paged.txt"
    script = directory / "pager.py"
    script.write_text(
        "import os, sys\n"
        f"with open({str(record)!r}, 'w', encoding='utf-8') as out:\n"
        "    out.write(sys.stdin.read())\n"
        "    out.write('LESS=' + os.environ.get('LESS', '') + '\\n')\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}", record


def _on_a_terminal(args: list[str], env: dict[str, str], rows: int = 24) -> tuple[int, str]:
    """Run args with stdout on a pseudo-terminal of rows lines; its exit code and what it
    printed on the terminal."""
    code, shown = run_on_terminal(args, env, rows=rows)
    return code, shown.decode("utf-8").replace("\r\n", "\n")


pty_only = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pty_only
def test_show_names_the_unknown_ids_after_the_facts_on_a_terminal(tq_executable: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    env.pop("TQ_PAGER", None)
    args = [str(tq_executable), "show", "acme-founded", "nothing-here", *MINI]
    # Indexed first: on a busy machine a first build passes the progress line's 0.5 s mark,
    # and its line on the terminal is not what this test is about.
    subprocess.run(args, capture_output=True, env=env, check=False)

    code, shown = run_on_terminal(args, env, rows=50, stderr_too=True)

    text = shown.decode("utf-8").replace("\r\n", "\n")
    assert code == 1
    assert text.startswith("acme-founded  event")
    assert text.endswith("tq: no fact with id 'nothing-here'\n")


@pty_only
@pytest.mark.parametrize("command", ["sources", "entities"])
def test_tables_on_80_columns_keep_every_id_whole(tq_executable: Path, command: str) -> None:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    for sized in ("COLUMNS", "LINES"):
        env.pop(sized, None)
    piped = subprocess.run(
        [str(tq_executable), command], capture_output=True, text=True, check=True, env=env
    )
    ids = [line.split()[0] for line in piped.stdout.splitlines()[2:]]

    code, shown = _on_a_terminal([str(tq_executable), command, "--no-pager"], env, rows=2000)

    lines = shown.splitlines()
    assert code == 0
    assert max(map(len, lines)) <= 80
    assert "…" not in shown
    # each id whole, as the first word of its row's first line (the only lines indented by
    # two spaces, below the column headings when the table is shown as columns)
    rows = lines[next((n for n, line in enumerate(lines) if "───" in line), 0) + 1 :]
    firsts = [line.split()[0] for line in rows if line.startswith("  ") and line[2] != " "]
    assert firsts == ids
    assert max(map(len, ids)) > 20  # long enough that a cut would show


@pty_only
def test_long_output_on_a_terminal_goes_through_the_pager(
    tq_executable: Path, tmp_path: Path
) -> None:
    pager, record = _recording_pager(tmp_path)
    env = {**os.environ, "TQ_PAGER": pager, "NO_COLOR": "1", "TERM": "xterm"}
    env.pop("LESS", None)

    code, shown = _on_a_terminal([str(tq_executable), "list", *MINI], env, rows=10)

    assert code == 0
    assert shown == ""
    paged = re.sub(r"\x1b\[[0-9;]*m", "", record.read_text(encoding="utf-8"))  # bold stays
    assert paged.count("acme-") >= 2
    assert paged.startswith("acme-")  # from the first line: nothing was printed before it
    assert paged.endswith("LESS=FRX\n")  # as git sets it, for a pager that is less


@pty_only
@pytest.mark.parametrize("pager", ["false", "sh -c 'exit 3'"])
def test_a_pager_that_fails_is_said_to_have_failed(tq_executable: Path, pager: str) -> None:
    env = {**os.environ, "TQ_PAGER": pager, "NO_COLOR": "1", "TERM": "xterm"}

    code, shown = run_on_terminal(
        [str(tq_executable), "list", *MINI], env, stderr_too=True, rows=10
    )

    assert code == 74  # the output could not be shown, not "results" (0)
    assert f"tq: the pager {pager!r} exited with status".encode() in shown


@pty_only
def test_output_that_fits_the_screen_is_not_paged(tq_executable: Path, tmp_path: Path) -> None:
    pager, record = _recording_pager(tmp_path)
    env = {**os.environ, "TQ_PAGER": pager, "NO_COLOR": "1"}

    code, shown = _on_a_terminal([str(tq_executable), "list", *MINI], env, rows=200)

    assert code == 0
    assert "acme-founded" in shown
    assert not record.exists()


@pty_only
@pytest.mark.parametrize(
    ("extra_args", "extra_env"),
    [(["--no-pager"], {}), ([], {"TQ_PAGER": ""}), (["--json"], {})],
    ids=["--no-pager", "TQ_PAGER empty", "json"],
)
def test_the_pager_is_turned_off(
    tq_executable: Path, tmp_path: Path, extra_args: list[str], extra_env: dict[str, str]
) -> None:
    pager, record = _recording_pager(tmp_path)
    env = {**os.environ, "TQ_PAGER": pager, "NO_COLOR": "1", **extra_env}

    code, shown = _on_a_terminal([str(tq_executable), "list", *MINI, *extra_args], env, rows=5)

    assert code == 0
    assert "acme-founded" in shown
    assert not record.exists()


def test_a_pipe_is_never_paged(tq_executable: Path, tmp_path: Path) -> None:
    pager, record = _recording_pager(tmp_path)
    env = {**os.environ, "TQ_PAGER": pager, "LINES": "5"}

    result = subprocess.run(
        [str(tq_executable), "list", *MINI], capture_output=True, text=True, check=False, env=env
    )

    assert result.returncode == 0
    assert "acme-founded" in result.stdout
    assert not record.exists()


@pty_only
def test_a_pager_that_cannot_start_means_printing_to_the_terminal(
    tq_executable: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "TQ_PAGER": str(tmp_path / "no-such-pager"), "NO_COLOR": "1"}

    code, shown = _on_a_terminal([str(tq_executable), "list", *MINI], env, rows=5)

    assert code == 0
    assert "acme-founded" in shown


def _big_pack(directory: Path, facts: int) -> Path:
    """A valid pack with many facts: output far longer than a pipe's buffer."""
    lines = ['[[source]]\nid = "s"\ntitle = "Synthetic"\npublisher = "Tests"\nkind = "other"\n']
    lines.extend(
        f'[[event]]\nid = "e{n}"\nclaim = "Synthetic event number {n}."\n'
        f'[[event.cite]]\nsource = "s"\npassage = "words {n}"\n'
        for n in range(facts)
    )
    (directory / "facts.toml").write_text("\n".join(lines), encoding="utf-8")
    return directory


@pty_only
@pytest.mark.parametrize("fmt", ["rich", "plain"])
def test_quitting_the_pager_early_ends_the_run_quietly(
    tq_executable: Path, tmp_path: Path, fmt: str
) -> None:
    (tmp_path / "pack").mkdir()
    pack = _big_pack(tmp_path / "pack", 3000)
    quitter = tmp_path / "quit.py"
    quitter.write_text("import sys\nsys.stdin.readline()\n", encoding="utf-8")  # then quits
    env = {**os.environ, "TQ_PAGER": f"{sys.executable} {quitter}", "NO_COLOR": "1"}
    args = [str(tq_executable), "list", "--format", fmt, "--no-builtin", "--facts", str(pack)]

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 10, 80, 0, 0))
    process = subprocess.Popen(args, stdout=terminal, stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    _, stderr = process.communicate(timeout=60)
    os.close(controller)

    assert (process.returncode, stderr) == (0, b"")


def test_the_pager_exit_code_for_a_failed_write_is_the_cli_s() -> None:
    from tqcli.cli import ExitCode
    from tqcli.terminal import OUTPUT_ERROR

    assert OUTPUT_ERROR == ExitCode.OUTPUT_ERROR


def test_held_output_that_cannot_be_written_is_exit_74_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import typer

    from tqcli.terminal import PagedOutput

    class GoneTerminal(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(5, "Input/output error")

    paged = PagedOutput(GoneTerminal(), "less", {})
    paged.write("one short line\n")

    with pytest.raises(typer.Exit) as raised:
        paged.finish()

    assert raised.value.exit_code == 74
    assert capsys.readouterr().err == "tq: cannot write the output: Input/output error\n"


@pty_only
@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_the_default_pager_is_less_and_q_quits_it(tq_executable: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("TQ_PAGER", "PAGER")}
    env["TERM"] = "xterm"
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 10, 80, 0, 0))
    process = subprocess.Popen(
        [str(tq_executable), "list"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,  # its own terminal, as a shell would give it
    )
    os.close(terminal)
    shown = b""
    for _ in range(60):  # a minute at most, not a hung test run
        if process.poll() is not None:
            break
        ready, _, _ = select.select([controller], [], [], 1.0)
        if not ready:  # less shows a screenful and waits for a key
            os.write(controller, b"q")
            continue
        try:
            shown += os.read(controller, 65536)
        except OSError:
            break
    os.close(controller)

    assert process.wait(timeout=30) == 0
    assert b"al-qaeda-founded-by-bin-laden-and-azzam" in shown  # the earliest fact, on screen
