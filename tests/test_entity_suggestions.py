"""What tq suggests for an entity name it does not know (--about): a near miss gets the entity
it misses, nonsense gets no suggestion at all."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app


@pytest.mark.parametrize("nonsense", ["nope", "xyzzy", "qqq", "bob"])
def test_nonsense_gets_no_suggestion(runner: CliRunner, nonsense: str) -> None:
    result = runner.invoke(app, ["list", "--about", nonsense])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"tq: --about: no entity {nonsense!r} in the loaded packs\n"


@pytest.mark.parametrize(
    ("near_miss", "told"),
    [
        # one word: the alias it misses by a letter (tq who screens no one-word name alone,
        # unless it names one person alone and is rare in text: "zawahiry" finds Zawahiri by
        # sound since the twelfth session of 2026-11-26, and "zawahri" is the AP's spelling).
        ("mujahidd", "(did you mean 'mujahid'?)\n"),
        ("zawahiry", "e.g. --about ayman-al-zawahiri\n"),
        # the entity that screening finds, to be chosen by its id
        ("haqqani netwrk", "e.g. --about haqqani-network\n"),
    ],
)
def test_a_misspelt_name_is_told_the_entity_it_misses(
    runner: CliRunner, near_miss: str, told: str
) -> None:
    result = runner.invoke(app, ["list", "--about", near_miss])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"tq: --about: no entity {near_miss!r} in the loaded packs")
    assert result.stderr.endswith(told)


def test_a_misspelt_place_is_suggested_by_its_name(runner: CliRunner) -> None:
    # Places are not screened as persons are: the nearest known name is suggested.
    result = runner.invoke(app, ["list", "--about", "kabl"])

    assert result.exit_code == 2
    assert (
        result.stderr
        == "tq: --about: no entity 'kabl' in the loaded packs (did you mean 'kabul'?)\n"
    )


def test_the_installed_tq_suggests_nothing_for_nonsense(tq_executable: Path) -> None:
    done = subprocess.run(
        [tq_executable, "list", "--about", "nope"], capture_output=True, text=True, check=False
    )

    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "tq: --about: no entity 'nope' in the loaded packs\n"
