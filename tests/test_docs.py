"""The README's promises hold: its examples print what it says, its test command is CI's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
_CONSOLE_BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def _sessions() -> list[tuple[str, str]]:
    """(command, expected stdout) for every `$ ` line of the README's console blocks."""
    sessions = []
    for block in _CONSOLE_BLOCK.findall(README):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    sessions.append((command, "".join(output)))
                command, output = line[2:], []
            else:
                output.append(line + "\n")
        if command is not None:
            sessions.append((command, "".join(output)))
    return sessions


SESSIONS = _sessions()


def test_the_readme_has_examples() -> None:
    assert len(SESSIONS) >= 6


@pytest.mark.parametrize(("command", "expected"), SESSIONS, ids=[c for c, _ in SESSIONS])
def test_readme_example_prints_what_the_readme_says(command: str, expected: str) -> None:
    if "jq" in command and shutil.which("jq") is None:
        pytest.skip("jq is not installed on this machine")
    if "../shared/" in command and not (REPO.parent / "shared").is_dir():
        pytest.skip("the shared test data is not beside this checkout")
    env = {key: value for key, value in os.environ.items() if key != "TQ_FACTS_PATH"}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["NO_COLOR"] = "1"

    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, cwd=REPO, env=env, check=False
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == expected


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci_command = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]

    assert f"```sh\n{ci_command}\n```" in README


def test_the_readme_install_command_installs_and_runs_tq() -> None:
    assert "pip install . && .venv/bin/tq search 1267" in README


def test_the_pack_format_examples_make_a_pack_beside_the_builtin_one(tmp_path: Path) -> None:
    from tqcli.loader import load
    from tqcli.packs import packs_in_effect

    guide = (REPO / "docs" / "pack-format.md").read_text(encoding="utf-8")
    (tmp_path / "example.toml").write_text(
        "\n".join(re.findall(r"```toml\n(.*?)```", guide, re.DOTALL)), encoding="utf-8"
    )
    archive = tmp_path / "archive" / "gazette-2020-acme.txt"
    archive.parent.mkdir()
    archive.write_text("Acme reportedly shipped at least 1,200 widgets in 2019.", encoding="utf-8")

    report = load(packs_in_effect([tmp_path], environ={}))

    assert [str(problem) for problem in report.problems] == []
    assert report.passages_proven >= 1


def test_the_readme_layout_names_every_module() -> None:
    layout = README[README.index("- Layout: ") :].split("\n- ", 1)[0]
    modules = {
        path.name for path in (REPO / "src" / "tqcli").rglob("*.py") if path.name != "__init__.py"
    }

    unnamed = sorted(name for name in modules if f"`{name}`" not in layout)

    assert unnamed == [], "README's layout section leaves these out"


def test_the_readme_lists_every_schema_name() -> None:
    from tqcli.schemas import SchemaName

    listed = re.search(r"`tq schema NAME` \((.*?)\);", README, re.DOTALL)
    assert listed is not None
    assert set(re.findall(r"`([a-z][a-z-]*)`", listed.group(1))) == {
        name.value for name in SchemaName
    }
