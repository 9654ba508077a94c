"""The man page, docs/tq.1, is what scripts/make_man.py makes of the commands' help today."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import REPO


def test_the_man_page_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, REPO / "scripts" / "make_man.py", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, ""), "run: python scripts/make_man.py"


def test_the_man_page_documents_every_command_and_option() -> None:
    page = (REPO / "docs" / "tq.1").read_text(encoding="utf-8")

    for command in ("ask", "completion", "help", "import un\\-sc", "list", "paths", "search"):
        assert f'.SS "tq {command}"' in page
    for flag in ("\\-\\-no\\-pager", "\\-\\-color", "\\-\\-kind", "\\-\\-about", "\\-\\-limit"):
        assert flag in page
    for section in ("EXIT STATUS", "ENVIRONMENT", "FILES"):
        assert f".SH {section}\n" in page
    assert ".B NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE\n" in page


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_groff_reads_the_man_page_without_a_warning() -> None:
    result = subprocess.run(
        ["groff", "-man", "-ww", "-z", REPO / "docs" / "tq.1"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")
