"""Shell completion, as a shell runs it: the script tq prints, loaded into a real bash."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from tqcli import completion
from tqcli.cli import app_for

from conftest import MINI_PACK

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")

# Splits a command line as bash would for completion, asks the loaded completion function,
# and prints each completion on a line of its own.
_COMPLETE = r"""
source <(tq completion bash)
read -ra COMP_WORDS <<<"$LINE"
[[ $LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_tq_completion tq
printf '%s\n' "${COMPREPLY[@]}"
"""


def _shell_env(tq_executable: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{tq_executable.parent}{os.pathsep}{os.environ['PATH']}",
        **extra,
    }


def complete(line: str, tq_executable: Path) -> list[str]:
    """What bash offers on TAB after line, with tq's completion loaded."""
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", _COMPLETE],
        capture_output=True,
        text=True,
        env=_shell_env(tq_executable, LINE=line),
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    return [item for item in result.stdout.splitlines() if item]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_each_shell(shell: str) -> None:
    args = ["completion", shell]
    result = CliRunner().invoke(app_for(args), args)

    assert result.exit_code == 0
    assert "_TQ_COMPLETE=complete_" + shell in result.stdout


def test_an_unknown_shell_is_a_usage_error() -> None:
    result = CliRunner().invoke(app_for(["completion", "tcsh"]), ["completion", "tcsh"])

    assert result.exit_code == 2
    assert result.stderr == "tq: no completion for 'tcsh'; choose one of bash, zsh, fish\n"


@needs_bash
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("tq se", ["search"]),
        ("tq e", ["entities", "export"]),
        ("tq comp", ["completion"]),
        ("tq list --ki", ["--kind"]),
        ("tq list --kind ", ["sanction", "agreement", "figure", "quote", "event"]),
        ("tq search x --color ", ["auto", "always", "never"]),
        ("tq completion ", ["bash", "zsh", "fish"]),
        ("tq cite x --format b", ["bibtex"]),
        ("tq cite x --style b", ["bibtex"]),
        ("tq schema so", ["sources"]),
    ],
)
def test_bash_completes_commands_options_and_choices(
    tq_executable: Path, line: str, expected: list[str]
) -> None:
    assert complete(line, tq_executable) == expected


@needs_bash
def test_bash_completes_values_from_the_packs_in_effect(tq_executable: Path) -> None:
    mini = f"--no-builtin --facts {MINI_PACK}"

    assert complete(f"tq show {mini} acme-", tq_executable) == [
        "acme-founded",
        "acme-gadgets-2019",
        "acme-undated",
        "acme-widgets-2019",
    ]
    assert complete(f"tq list {mini} --tag ", tq_executable) == ["gadgets", "sanctions", "widgets"]
    assert complete(f"tq list {mini} --about ", tq_executable) == [
        "acme",
        "example-council",
        "jane-doe",
    ]
    assert complete(f"tq list {mini} --source g", tq_executable) == ["gazette-2020"]
    assert complete(f"tq who {mini} j", tq_executable) == ["jane-doe"]
    assert complete(f"tq cite {mini} g", tq_executable) == ["gazette-2020"]
    assert complete(f"tq cite {mini} acme-f", tq_executable) == ["acme-founded"]
    assert "un-resolution-1267" in complete("tq show un-resolution-1", tq_executable)


@needs_bash
def test_a_pack_that_does_not_load_means_no_values_and_no_noise(
    tq_executable: Path, tmp_path: Path
) -> None:
    (tmp_path / "facts.toml").write_text("[[nonsense]]\n", encoding="utf-8")

    assert complete(f"tq show --facts {tmp_path} un-", tq_executable) == []


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_with_the_script_loaded(tq_executable: Path) -> None:
    script = 'tq completion fish | source; complete -C "$LINE"'

    def fish(line: str) -> list[str]:
        result = subprocess.run(
            ["fish", "--no-config", "-c", script],
            capture_output=True,
            text=True,
            env=_shell_env(tq_executable, LINE=line),
            check=False,
            timeout=60,
        )
        assert (result.returncode, result.stderr) == (0, "")
        return [item.split("\t")[0] for item in result.stdout.splitlines()]

    assert fish("tq se") == ["search"]
    assert fish("tq list --kind ") == ["agreement", "event", "figure", "quote", "sanction"]
    assert "un-resolution-1267" in fish("tq show un-resolution-1")


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_hands_what_tq_answers_to_its_completion_system(tq_executable: Path) -> None:
    # Without a terminal, zsh's completion widgets cannot run; _arguments, which the script
    # calls with tq's answer, is replaced by one that prints what it was given.
    script = (
        "autoload -U compinit && compinit -u; source <(tq completion zsh); "
        '_arguments() { print -l -- "$@"; }; words=(tq list --kind ""); CURRENT=4; _tq_completion'
    )
    result = subprocess.run(
        ["zsh", "-f", "-c", script],
        capture_output=True,
        text=True,
        env=_shell_env(tq_executable),
        check=False,
        timeout=60,
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.split() == [
        "*:",
        ':(("sanction"',
        '"agreement"',
        '"figure"',
        '"quote"',
        '"event"))',
    ]


def test_fact_ids_are_left_out_for_packs_too_big_to_list_at_a_tab(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = SimpleNamespace(params={"facts": [str(MINI_PACK)], "no_builtin": True})

    offered = completion.fact_ids(context, "acme-f")
    monkeypatch.setattr(completion, "FACT_IDS_UP_TO", 6)  # the mini pack holds 7
    too_many = completion.fact_ids(context, "acme-f")

    assert (offered, too_many) == (["acme-founded"], [])
