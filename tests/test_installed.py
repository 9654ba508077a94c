"""The installed tq as a user runs it: pipes, signals, terminals, start-up imports."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINI_PACK, run_on_terminal

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]
_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _has_colour(text: str) -> bool:
    """Whether text sets a colour (SGR 30-38, 40-48, 90-107), not just bold or italic."""
    codes = {int(code) for params in _SGR.findall(text) for code in params.split(";") if code}
    return any(30 <= code <= 48 or 90 <= code <= 107 for code in codes)


def _big_pack(directory: Path, facts: int) -> Path:
    """A valid synthetic pack with many facts, to make output or loading take a while."""
    lines = ['[[source]]\nid = "s"\ntitle = "Synthetic"\npublisher = "Tests"\nkind = "other"\n']
    lines.extend(
        f'[[event]]\nid = "e{n}"\nclaim = "Synthetic event number {n} for tests."\n'
        f'date = "{1900 + n % 100}"\n[[event.cite]]\nsource = "s"\npassage = "words {n}"\n'
        for n in range(facts)
    )
    (directory / "facts.toml").write_text("\n".join(lines), encoding="utf-8")
    return directory


def test_version_from_the_script_and_the_module(tq_executable: Path) -> None:
    script = subprocess.run(
        [tq_executable, "--version"], capture_output=True, text=True, check=False
    )
    module = subprocess.run(
        [sys.executable, "-m", "tqcli", "--version"], capture_output=True, text=True, check=False
    )

    assert script.returncode == module.returncode == 0
    assert script.stdout == module.stdout
    assert script.stdout.startswith("tq ")


def test_the_builtin_pack_is_found_by_the_installed_script(tq_executable: Path) -> None:
    result = subprocess.run(
        [tq_executable, "validate"], capture_output=True, text=True, check=False
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("valid: 1 pack(s)")


def test_a_closed_pipe_ends_quietly(tq_executable: Path, tmp_path: Path) -> None:
    pack = _big_pack(tmp_path, 2000)  # well over a pipe's 64 KiB buffer of JSON Lines
    process = subprocess.Popen(
        [tq_executable, "list", "--jsonl", "--no-builtin", "--facts", str(pack)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `head -1` does after its line

    code = process.wait(timeout=60)

    assert json.loads(first)["id"].startswith("e")
    assert process.stderr.read() == b""
    assert code == 141


def test_ctrl_c_exits_130_without_a_traceback(tq_executable: Path, tmp_path: Path) -> None:
    pack = _big_pack(tmp_path, 40_000)  # loading takes seconds, so the signal lands mid-run
    process = subprocess.Popen(
        [tq_executable, "list", "--json", "--no-builtin", "--facts", str(pack)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)

    _, stderr = process.communicate(timeout=60)

    assert process.returncode == 130
    assert b"Traceback" not in stderr


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run args with stdout on a pseudo-terminal; return what it printed."""
    return run_on_terminal(args, env)[1].decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_colour_on_a_terminal_unless_no_color(tq_executable: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env["TERM"] = "xterm-256color"
    args = [str(tq_executable), "show", "acme-founded", *MINI]

    coloured = _on_a_terminal(args, env)
    uncoloured = _on_a_terminal(args, {**env, "NO_COLOR": "1"})
    piped = subprocess.run(args, capture_output=True, text=True, env=env, check=False).stdout

    assert _has_colour(coloured)
    assert "acme-founded" in uncoloured
    assert not _has_colour(uncoloured)
    assert "\x1b" not in piped


def test_a_bug_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "import tqcli.index\n"
        "def broken(*args, **kwargs):\n    raise RuntimeError('boom')\n"
        "tqcli.index.consult = broken\n"
        "from tqcli.__main__ import main\n"
        "sys.argv = ['tq', 'search', 'x']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )

    assert result.returncode == 70
    assert result.stderr.startswith("tq: internal error (RuntimeError: boom); this is a bug in tq")
    assert "Traceback" not in result.stderr


def test_data_out_commands_in_pipes(tq_executable: Path, tmp_path: Path) -> None:
    """tq schema, cite and export as installed, writing to pipes and files."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [tq_executable, *args], capture_output=True, text=True, cwd=tmp_path, check=False
        )

    listing = run("schema")
    assert listing.returncode == 0
    names = [line.split()[0] for line in listing.stdout.splitlines()]
    assert names[:3] == ["facts", "sources", "stats"]
    assert "pack" in names
    assert json.loads(run("schema", "pack").stdout)["$id"] == "tq:schema/pack"
    cited = run("cite", "acme-founded", "--style", "csl-json", *MINI)
    assert (cited.returncode, cited.stderr) == (0, "")
    assert [item["id"] for item in json.loads(cited.stdout)] == ["gazette-2020"]
    exported = run("export", "sqlite", "facts.db", *MINI)
    assert (exported.returncode, exported.stderr) == (0, "")
    assert exported.stdout.startswith("Wrote facts.db: 7 facts, 2 sources")
    assert json.loads((tmp_path / "metadata.json").read_text())["title"] == "tq facts"


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--json"],  # long output: all of it must be written before the fast exit
        ["search", "zzzz-nothing"],  # exit 1, on stderr
        ["search", "--kind", "nonsense", "x"],  # usage error: exit 2
        ["show", "no-such-fact"],
    ],
)
def test_the_command_exits_as_python_would(
    args: list[str], tq_executable: Path, tmp_path: Path
) -> None:
    """tq leaves without the interpreter's teardown (tqcli.__main__.run): what it wrote and its
    exit status are what main() gives with Python's own exit."""
    env = {**os.environ, "TQ_CACHE_DIR": str(tmp_path)}
    by_script = subprocess.run(
        [str(tq_executable), *args, *MINI], capture_output=True, env=env, check=False
    )
    probe = "import sys\nfrom tqcli.__main__ import main\nsys.argv[0] = 'tq'\nmain()\n"
    by_python = subprocess.run(
        [sys.executable, "-c", probe, *args, *MINI], capture_output=True, env=env, check=False
    )
    assert by_script.returncode == by_python.returncode
    assert by_script.stdout == by_python.stdout
    assert by_script.stderr == by_python.stderr


@pytest.mark.parametrize(
    ("command", "nothing", "something"),
    [
        ("search", "zeppelin", "gadgets"),
        ("ask", "what about zeppelins", "How many widgets did Acme ship?"),
        ("match", "Zebulon Quirk", "Abdul Ghani Baradar"),  # listed in the built-in pack
    ],
)
def test_every_batch_exits_as_grep_does(
    tq_executable: Path, tmp_path: Path, command: str, nothing: str, something: str
) -> None:
    env = {**os.environ, "TQ_CACHE_DIR": str(tmp_path)}

    def run(stdin: str) -> tuple[int, list[object]]:
        done = subprocess.run(
            [tq_executable, command, "--batch", *([] if command == "match" else MINI)],
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        return done.returncode, [json.loads(line) for line in done.stdout.splitlines()]

    none_found = run(f"{nothing}\n\n")
    one_found = run(f"{nothing}\n{something}\n")

    assert (none_found[0], len(none_found[1])) == (1, 2)
    assert (one_found[0], len(one_found[1])) == (0, 2)
