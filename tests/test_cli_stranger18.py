"""Strangers 17 and 18, in their terms: the commands tq suggests run as suggested, a verdict that
is the lists', dates typed as people type them, ids kept whole on a narrow terminal, and advice
that points at the problem (notes/stranger-18.md, notes/stranger-17.md)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.index import in_memory
from tqcli.names import DEFAULT_THRESHOLD, Cap
from tqcli.packs import packs_in_effect

from conftest import FIXTURES, MINI_PACK, run_on_terminal

UN_FIXTURE = FIXTURES / "unsc" / "list-v1.xml"
_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The UN list of the fixtures (ALPHA ONE, TAi.901, ...) imported as a user would."""
    out = tmp_path_factory.mktemp("lists") / "un"
    result = CliRunner().invoke(app, ["import", "un-sc", str(UN_FIXTURE), "--out", str(out)])
    assert result.exit_code in (0, 4), result.stderr  # (4: the fixture has a record to skip)
    return out


# --- s18-6: the tq match that tq ask suggests loads the packs the question was asked of ----------


def _suggested(stderr: str) -> list[str]:
    """The tq match command a hint ends with, as the shell would split it."""
    line = next(line for line in stderr.splitlines() if "for tq match" in line)
    return shlex.split(line.split(": tq match ", 1)[1])


@pytest.mark.parametrize("no_builtin", [True, False])
def test_the_match_that_ask_suggests_screens_against_the_lists_asked_of(
    runner: CliRunner, listed: Path, no_builtin: bool
) -> None:
    asked = ["ask", "Is Alpha One sanctioned?", "--facts", str(listed)]
    result = runner.invoke(app, asked + ["--no-builtin"] * no_builtin)
    assert result.exit_code == 0, result.stderr
    suggested = _suggested(result.stderr)
    assert suggested == ["ALPHA ONE", "--facts", str(listed), *["--no-builtin"] * no_builtin]
    # Run as suggested, it finds the listing the answer rests on (it said "no match" without
    # the --facts that loaded the list).
    screened = runner.invoke(app, ["match", *suggested])
    assert screened.exit_code == 0, screened.stderr
    assert "MATCH ALPHA ONE" in screened.stdout
    assert "listed TAi.901" in screened.stdout


def test_a_pack_path_in_the_suggestion_is_quoted_for_the_shell(
    runner: CliRunner, listed: Path, tmp_path: Path
) -> None:
    spaced = tmp_path / "my lists"
    shutil.copytree(listed, spaced)
    result = runner.invoke(app, ["ask", "Is Alpha One sanctioned?", "--facts", str(spaced)])
    assert f"--facts {shlex.quote(str(spaced))}" in result.stderr
    assert _suggested(result.stderr)[-2:] == ["--facts", str(spaced)]


# --- s18-7: a pack's alias lifts no common given names to a hit on a listing ---------------------

_FILLER = [
    "Kandari",
    "Zadran",
    "Nabi",
    "Rahimi",
    "Safi",
    "Wardak",
    "Ghazi",
    "Barakzai",
    "Popal",
    "Karimi",
    "Niazi",
    "Hotak",
]


def _list_pack(folder: Path) -> Path:
    """A list of its own: MOHAMMED OMAR GHULAM NABI listed, and enough other Mohammeds and
    Omars that the two names are common on it."""
    pack = folder / "list"
    pack.mkdir()
    people = [("x-004", "MOHAMMED OMAR GHULAM NABI")]
    people += [(f"m-{n}", f"MOHAMMED {name.upper()}") for n, name in enumerate(_FILLER)]
    people += [(f"o-{n}", f"OMAR {name.upper()} KHAN") for n, name in enumerate(_FILLER)]
    entities = "".join(
        f'[[entity]]\nid = "{key}"\nname = "{name}"\nkind = "person"\n\n' for key, name in people
    )
    (pack / "entities.toml").write_text(
        '[[source]]\nid = "the-list"\ntitle = "The list"\npublisher = "A Council"\n'
        'kind = "dataset"\n\n' + entities,
        encoding="utf-8",
    )
    (pack / "listings.toml").write_text(
        '[[sanction]]\nid = "listing-x-004"\nclaim = "MOHAMMED OMAR GHULAM NABI is listed."\n'
        'about = ["x-004"]\nauthority = "A Council"\ninstrument = "Entry X.004"\n'
        'adopted = 2001-01-25\ntargets = ["x-004"]\nlist = "Taliban"\nreference = "X.004"\n'
        '[[sanction.cite]]\nsource = "the-list"\npassage = "MOHAMMED OMAR GHULAM NABI"\n',
        encoding="utf-8",
    )
    return pack


def _curated_pack(folder: Path) -> Path:
    """A pack of its own naming him as the press does, linked to the listing."""
    pack = folder / "desk"
    pack.mkdir()
    (pack / "entities.toml").write_text(
        '[[entity]]\nid = "mullah-omar"\nname = "Mullah Omar"\nkind = "person"\n'
        'aliases = ["Mohammed Omar"]\nsame_as = ["x-004"]\n',
        encoding="utf-8",
    )
    return pack


@pytest.mark.parametrize("query", ["Mohammed Omar", "Omar Mohammed", "Mohammad Omar"])
def test_a_packs_alias_of_common_given_names_is_no_hit_on_the_listing(
    tmp_path: Path, query: str
) -> None:
    """Stranger 18, finding 7: against the list alone "Mohammed Omar" is two common given names
    without the surname, a candidate; a pack's alias "Mohammed Omar" for the listed man made it
    a MATCH at 1.00, a hit, in either order. The verdict is the list's, whatever is beside it."""
    listing = _list_pack(tmp_path)
    alone = in_memory(packs_in_effect([listing], include_builtin=False, environ={}))
    both = in_memory(
        packs_in_effect([listing, _curated_pack(tmp_path)], include_builtin=False, environ={})
    )
    against_the_list = alone.screen(query, DEFAULT_THRESHOLD)
    beside_a_pack = both.screen(query, DEFAULT_THRESHOLD)
    assert not against_the_list.listed_match
    assert not beside_a_pack.listed_match
    best = beside_a_pack.candidates[0]
    assert (best.entity_id, best.match, best.cap) == ("mullah-omar", False, Cap.COMMON_NAMES)
    # Named in full as the list names him, he is still a hit.
    assert both.screen("Mohammed Omar Ghulam Nabi", DEFAULT_THRESHOLD).listed_match


# --- s18-14: a date typed without quotes is said as a date, with the file's other problems -------


def test_a_date_typed_without_leading_zeros_is_named_and_the_rest_is_checked(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = tmp_path / "b1"
    pack.mkdir()
    (pack / "facts.toml").write_text(
        '[[source]]\nid = "indy-2021"\ntitle = "T"\npublisher = "The Independent"\n'
        'kind = "news"\npublished = 2021-9-7\n\n'
        '[[entity]]\nid = "x"\nname = "X"\nkind = "persn"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(pack), "--no-builtin"])
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    file = pack / "facts.toml"
    assert (
        f"{file}:6: source 'indy-2021': field 'published': not a date: '2021-9-7' (expected"
        " YYYY, YYYY-MM or YYYY-MM-DD)"
    ) in lines
    assert any(line.startswith(f"{file}:11: entity 'x': field 'kind'") for line in lines)
    assert "TOML syntax error" not in result.stderr


def test_a_month_typed_without_quotes_is_still_a_problem(runner: CliRunner, tmp_path: Path) -> None:
    """ "2021-09" in quotes is a date tq reads; without them it is no TOML: never valid."""
    pack = tmp_path / "b2"
    pack.mkdir()
    (pack / "facts.toml").write_text(
        '[[source]]\nid = "s"\ntitle = "T"\npublisher = "P"\nkind = "news"\npublished = 2021-09\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(pack), "--no-builtin"])
    assert result.exit_code == 3
    assert f"{pack / 'facts.toml'}:6:13: '2021-09' is a date in quotes only" in result.stderr
    assert '(write "2021-09")' in result.stderr


# --- s18-16, s17-20: ids whole on a narrow terminal ----------------------------------------------


def _terminal_env(columns: int) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm", TQ_PAGER="")
    env.pop("NO_COLOR", None)
    return env


def _shown_lines(shown: bytes) -> list[str]:
    return _ESCAPE.sub("", shown.decode("utf-8")).replace("\r\n", "\n").splitlines()


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_source_ids_are_not_broken_on_a_narrow_terminal(tq_executable: Path) -> None:
    code, shown = run_on_terminal(
        [tq_executable, "sources", "--no-pager"], _terminal_env(40), rows=24, columns=40
    )
    assert code == 0
    lines = _shown_lines(shown)
    # An id longer than the terminal is one line for the terminal to wrap, never two of tq's.
    assert "  devdiscourse-2021-09-07-interim-government" in lines
    assert "  arms-control-today-2001-01-taliban-embargo" in lines


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_the_answers_fact_id_is_not_broken_on_a_narrow_terminal(tq_executable: Path) -> None:
    code, shown = run_on_terminal(
        [tq_executable, "ask", "Who said the Taliban are terrorists?", "--limit", "1"],
        _terminal_env(30),
        rows=24,
        columns=30,
    )
    assert code == 0
    assert "  panetta-taliban-are-terrorists · quote" in _shown_lines(shown)


def test_an_id_that_fits_wraps_as_any_word(runner: CliRunner) -> None:
    """Only an id wider than the room is left whole on a long line: at 40 columns the footer's
    id fits, and its kind and date wrap after it as words do."""
    result = runner.invoke(
        app,
        ["ask", "Who said the Taliban are terrorists?", "--limit", "1", "--color", "always"],
        env={"COLUMNS": "40"},
    )
    lines = _ESCAPE.sub("", result.stdout).splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert any(line.startswith("  panetta-taliban-are-terrorists") for line in lines)


# --- s18-17: a quote's text says where it stops matching, as a passage does ---------------------


def test_a_quote_not_in_its_passages_says_how_far_it_matches(runner: CliRunner, pack: Path) -> None:
    facts = pack / "facts.toml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace('text = "We will make more widgets,"', 'text = "We will make more gadgets,"'),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(pack), "--no-builtin"])
    assert result.exit_code == 3
    assert (
        "the quote's 'text' is not inside any of its cited passages: 'We will make more"
        " gadgets,'; it matches up to 'We will make more '"
    ) in result.stderr


# --- s18-18: a plural kind, and a phrase split as a person types it -----------------------------


@pytest.mark.parametrize(
    ("args", "meant"), [(["list", "quotes"], "quote"), (["list", "--kind", "Events"], "event")]
)
def test_a_plural_kind_is_offered_its_singular(
    runner: CliRunner, args: list[str], meant: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"(did you mean {meant!r}?)" in result.stderr


def test_the_phrase_split_apart_is_quoted_as_a_person_types_it(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "al-qa'ida's funding"])
    assert result.exit_code == 1
    assert result.stderr.rstrip().endswith("give them apart: \"al-qa'ida's\" funding")


# --- s17-14: a pack in the user pack folder given with --facts too -------------------------------


def _folder_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A pack in the working folder and its copy in the user pack folder."""
    given = tmp_path / "mypack"
    shutil.copytree(MINI_PACK, given)
    folder = Path(os.environ["XDG_DATA_HOME"]) / "tq" / "packs"
    folder.mkdir(parents=True)
    shutil.copytree(given, folder / "mypack")
    return given, folder / "mypack"


def test_the_same_pack_in_the_folder_and_given_is_said_to_be_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    given, copy = _folder_copy(tmp_path)
    result = runner.invoke(app, ["search", "widgets", "--facts", str(given)])
    assert result.exit_code == 0
    last = result.stderr.splitlines()[-1]
    assert f"it is the same pack as --facts {given}, loaded twice" in last
    assert f"drop --facts {given}" in last
    # Not the tq validate of the folder's copy, which says it is valid.
    assert f"tq validate {copy}" not in result.stderr
    assert runner.invoke(app, ["validate", str(copy)]).exit_code == 0


def test_another_version_of_the_pack_is_checked_beside_the_one_given(
    runner: CliRunner, tmp_path: Path
) -> None:
    given, copy = _folder_copy(tmp_path)
    with (copy / "facts.toml").open("a", encoding="utf-8") as edited:
        edited.write("\n# edited\n")
    result = runner.invoke(app, ["search", "widgets", "--facts", str(given)])
    last = result.stderr.splitlines()[-1]
    assert f"--facts {given} defines its ids again" in last
    assert last.endswith(f"to check the two together: tq validate --facts {given}")
    checked = runner.invoke(app, ["validate", "--facts", str(given)])
    assert checked.exit_code == 3  # the advice reproduces the problem


# --- s17-16: no list loaded -------------------------------------------------------------------

_NO_LIST = "tq: no sanctions list is loaded (the built-in pack is none"


def test_screening_with_no_list_loaded_says_how_to_load_one_once(runner: CliRunner) -> None:
    result = runner.invoke(app, ["match", "Usama bin Ladin", "Mulla Omar"])
    assert result.exit_code == 1
    assert result.stderr.count(_NO_LIST) == 1
    assert "tq import un-sc" in result.stderr
    assert _NO_LIST not in result.stdout
    batch = runner.invoke(app, ["match", "--batch"], input="Usama bin Ladin\nMulla Omar\n")
    assert batch.exit_code == 1
    assert batch.stderr.count(_NO_LIST) == 1
    assert [json.loads(line)["query"] for line in batch.stdout.splitlines()] == [
        "Usama bin Ladin",
        "Mulla Omar",
    ]


def test_with_a_list_loaded_no_match_needs_no_hint(runner: CliRunner, listed: Path) -> None:
    result = runner.invoke(app, ["match", "Usama bin Ladin", "--facts", str(listed)])
    assert result.exit_code == 1
    assert _NO_LIST not in result.stderr
    # A hit through a listing the built-in pack records is no "no match".
    assert _NO_LIST not in runner.invoke(app, ["match", "Abdul Ghani Baradar"]).stderr
