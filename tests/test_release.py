"""A release people can install: the sdist and wheel build, and the wheel runs in a fresh venv.

Offline, as every test here: the backend comes from this environment (--no-isolation), and the
fresh venv borrows this environment's installed dependencies through a .pth line instead of
downloading them, while tq itself is the wheel's copy (checked).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from tqcli import __version__

from conftest import REPO

pytestmark = pytest.mark.slow

DISTRIBUTION = "tq_facts"  # the name on PyPI is tq-facts; "tqcli" there is another project


def _run(
    args: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, check=False, cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it (as `python -m build` does)."""
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", out, REPO])
    return out


def test_the_sdist_holds_the_sources_the_pack_the_docs_and_the_tests(dist: Path) -> None:
    with tarfile.open(dist / f"{DISTRIBUTION}-{__version__}.tar.gz") as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}

    assert {
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "src/tqcli/cli.py",
        "facts/sources.toml",
        "docs/tq.1",
        "tests/conftest.py",
        "LICENSE",
        "NOTICE",
        "scripts/make_ordinary_english.py",
    } <= names


def test_the_wheel_carries_the_licence_and_the_notice_of_what_keeps_its_own_terms(
    dist: Path,
) -> None:
    """tq is MIT; the word list in tqcli/data is CC BY-SA 4.0 (wordfreq's data) with SCOWL's
    notice, and the built-in pack's quoted and archived texts are their publishers'."""
    wheel = dist / f"{DISTRIBUTION}-{__version__}-py3-none-any.whl"
    info = f"{DISTRIBUTION}-{__version__}.dist-info"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"{info}/METADATA").decode()
        licence = archive.read(f"{info}/licenses/LICENSE").decode()
        notice = archive.read(f"{info}/licenses/NOTICE").decode()
        word_list = archive.read("tqcli/data/ordinary-english.txt").decode()

    assert "tqcli/data/ordinary-english.txt" in names
    assert any(name.startswith("tqcli/facts/archive/") for name in names)
    assert "License-Expression: MIT AND CC-BY-SA-4.0" in metadata
    assert {"License-File: LICENSE", "License-File: NOTICE"} <= set(metadata.splitlines())
    assert licence.startswith("MIT License")
    for needed in (
        "tqcli/data/ordinary-english.txt",
        "CC BY-SA 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "Copyright 2000-2011 by Kevin Atkinson",
        "tqcli/facts/archive/",
    ):
        assert needed in notice
    assert "CC BY-SA 4.0" in word_list.split("\n\n", 1)[0]


def test_the_wheel_installs_and_runs_in_a_fresh_environment(dist: Path, tmp_path: Path) -> None:
    wheel = dist / f"{DISTRIBUTION}-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        assert f"{DISTRIBUTION}-{__version__}.data/data/share/man/man1/tq.1" in archive.namelist()
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=False)
    python = fresh / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel])
    site = Path(
        _run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
        ).stdout.strip()
    )
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    tq = fresh / ("Scripts/tq.exe" if sys.platform == "win32" else "bin/tq")
    home = tmp_path / "home"
    env = {
        **os.environ,
        "TQ_CACHE_DIR": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    env.pop("TQ_FACTS_PATH", None)
    away = tmp_path / "elsewhere"  # not the checkout: the built-in pack must come from the wheel
    away.mkdir()

    where = _run([python, "-c", "import tqcli; print(tqcli.__file__)"], cwd=away, env=env)
    version = _run([tq, "--version"], cwd=away, env=env)
    validated = _run([tq, "validate"], cwd=away, env=env)
    found = _run([tq, "search", "1267", "--json"], cwd=away, env=env)
    topic = _run([tq, "help", "exit-codes"], cwd=away, env=env)

    assert Path(where.stdout.strip()).is_relative_to(fresh)
    assert version.stdout == f"tq {__version__}\n"
    assert validated.stdout.startswith("valid: 1 pack(s)")
    assert any("1267" in fact["id"] for fact in json.loads(found.stdout))
    assert topic.stdout.startswith("# Exit codes")
    # The checkout's facts/, the wheel's built-in pack's source, checked by the installed tq.
    checkout = subprocess.run(
        [tq, "validate", REPO / "facts"],
        cwd=away,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checkout.returncode == 3
    [said] = checkout.stderr.splitlines()
    assert said.endswith(f"tq validate {REPO / 'facts'} --no-builtin")
