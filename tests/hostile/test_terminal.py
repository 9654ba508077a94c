"""Every command on a real pseudo-terminal and in a pipe, in every colour mode: never a bug,
colour exactly where it belongs."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hostile_helpers import (
    MINI,
    SGR,
    TQ,
    environment,
    shown,
    tq,
    tq_on_terminal,
)

from conftest import FIXTURES, MINI_PACK, run_on_terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

COMMANDS = {
    "search": ["search", "acme", *MINI],
    "show": ["show", "acme-founded", *MINI],
    "list": ["list", *MINI],
    "sources": ["sources", *MINI],
    "stats": ["stats", *MINI],
    "paths": ["paths", *MINI],
    "validate": ["validate", str(MINI_PACK), "--no-builtin"],
    "ask": ["ask", "When was Acme founded?", *MINI],
    "import": ["import", "un-sc", str(FIXTURES / "unsc" / "list-v1.xml"), "--dry-run", "--out"],
    "help": ["--help"],
}
# The UN fixture holds records that cannot be read: an import that skips them exits 4.
EXPECTED_CODE = {"import": 4}

# Each mode: the options or environment, and whether a terminal gets colour (a pipe gets
# colour only when it is asked for with --color always).
MODES: dict[str, tuple[dict[str, str], str, bool]] = {
    "color-always": ({}, "--color always", True),
    "color-never": ({}, "--color never", False),
    "NO_COLOR": ({"NO_COLOR": "1"}, "", False),
    "TERM-dumb": ({"TERM": "dumb"}, "", False),
    "default": ({}, "", True),
}


def _args(command: str, mode: str, tmp_path: Path) -> list[str]:
    args = list(COMMANDS[command])
    if command == "import":
        args.append(str(tmp_path / "pack"))
    color = MODES[mode][1]
    if color and command != "help":
        args.extend(color.split())
    return args


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_on_a_terminal(command: str, mode: str, tmp_path: Path) -> None:
    env_changes, _, coloured = MODES[mode]

    run = tq_on_terminal(*_args(command, mode, tmp_path), env=environment(**env_changes))

    run.assert_no_bug()
    assert run.code == EXPECTED_CODE.get(command, 0), run.out
    if command == "help":  # help is Click's, plain text everywhere
        return
    assert not re.search(r" +$", shown(run.out), re.MULTILINE)  # no padding to copy with text
    if coloured:
        assert SGR.search(run.out), run.out  # styled; tables are bold and italic, not coloured
    else:
        assert "\x1b" not in run.out, run.out  # neither colour nor bold, dim or italic


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_in_a_pipe(command: str, mode: str, tmp_path: Path) -> None:
    env_changes, color, _ = MODES[mode]

    run = tq(*_args(command, mode, tmp_path), env=environment(**env_changes))

    run.assert_no_bug()
    assert run.code == EXPECTED_CODE.get(command, 0), run.err
    if color == "--color always" and command != "help":
        assert SGR.search(run.out), run.out
    else:
        assert "\x1b" not in run.out  # a pipe gets plain text


def test_an_id_wider_than_the_terminal_is_whole_never_cut(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    long_id = "-".join(["a-very-long-source-id"] * 6)  # 131 characters
    (pack / "sources.toml").write_text(
        f'[[source]]\nid = "{long_id}"\ntitle = "t"\npublisher = "p"\nkind = "news"\n',
        encoding="utf-8",
    )
    env = {**environment(), "NO_COLOR": "1"}

    code, out = run_on_terminal(
        [TQ, "sources", "--no-pager", "--no-builtin", "--facts", str(pack)], env, rows=50
    )

    lines = out.decode("utf-8").replace("\r\n", "\n").splitlines()
    assert code == 0
    assert "…" not in out.decode("utf-8")
    # The id on a line of its own, whole, for the terminal to wrap: a line break of tq's inside
    # it would be copied with it into tq show (stranger 18, finding 16); the other lines fit.
    assert f"  {long_id}" in lines
    assert max(len(line) for line in lines if long_id not in line) <= 80
