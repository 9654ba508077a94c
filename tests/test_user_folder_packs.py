"""A pack of the user pack folder that does not load is left out of queries, with a warning on
stderr naming it, its problems (file and line) and 'tq validate PATH'; the query runs on the
other packs and exits as it would without it. A pack asked for by name (--facts, the
configuration file, TQ_FACTS_PATH) is still refused, as is one whose problem is not its own.
Its problems are remembered in the cache while its files stay as they are, so that every query
does not load it again to find them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.errors import InvalidPacks
from tqcli.index import CachePolicy, consult
from tqcli.index import build as build_module
from tqcli.model import Pack
from tqcli.packs import USER_FOLDER_ORIGIN, may_be_left_out

from conftest import MINI_PACK, synthetic_events

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]


def _user_folder() -> Path:
    folder = Path(os.environ["XDG_DATA_HOME"]) / "tq" / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def broken() -> Path:
    """A pack in the user pack folder defining a fact id twice (its line 4 and line 1)."""
    folder = _user_folder() / "half-done"
    folder.mkdir()
    (folder / "facts.toml").write_text(synthetic_events("draft", 1) * 2)
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The packs of each index built (or refused: every call, whatever it gave)."""
    built: list[list[str]] = []
    real = build_module.build

    def counted(packs: list[Pack], *args: object) -> object:
        built.append([pack.name for pack in packs])
        return real(packs, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "build", counted)
    return built


def _run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_query_runs_on_the_other_packs_with_a_warning(runner: CliRunner, broken: Path) -> None:
    code, out, err = _run(runner, "search", "acme", "--json", *MINI)

    assert code == 0
    assert json.loads(out) == json.loads(_without(runner, broken, "search", "acme", "--json"))
    assert err.splitlines() == [
        "tq: warning: the pack 'half-done' in the user pack folder does not load:",
        f"{broken / 'facts.toml'}:13: duplicate fact id 'draft-0', first defined at "
        f"{broken / 'facts.toml'}:1",
        f"tq: it is left out of this query; move it out of the folder, or check it: "
        f"tq validate {broken}",
    ]


def test_a_broken_backup_copy_does_not_take_the_pack_it_copies_with_it(
    runner: CliRunner, broken: Path
) -> None:
    # half-done (broken on its own) defines draft-0 as mine does: leaving half-done out ends
    # the clash, so mine loads.
    mine = _user_folder() / "mine"
    mine.mkdir()
    (mine / "facts.toml").write_text(synthetic_events("draft", 1))

    code, out, err = _run(runner, "show", "draft-0", "--json", *MINI)

    assert code == 0
    assert json.loads(out)[0]["pack"] == "mine"
    assert "the pack 'half-done' in the user pack folder does not load" in err
    assert "'mine'" not in err


def _without(runner: CliRunner, pack: Path, *args: str) -> str:
    """What the query writes with pack moved out of the user pack folder."""
    aside = pack.parent.parent / "aside"
    shutil.move(pack, aside)
    try:
        code, out, err = _run(runner, *args, *MINI)
        assert (code, err) == (0, "")
        return out
    finally:
        shutil.move(aside, pack)


def test_no_result_exits_1_as_it_would_without_the_pack(runner: CliRunner, broken: Path) -> None:
    code, out, err = _run(runner, "search", "zeppelin", "--json", *MINI)

    assert (code, json.loads(out)) == (1, [])
    assert "left out of this query" in err


def test_the_pack_named_with_facts_is_refused(runner: CliRunner, broken: Path) -> None:
    code, out, err = _run(runner, "search", "acme", "--json", *MINI, "--facts", str(broken))

    assert (code, out) == (3, "")
    assert "duplicate fact id 'draft-0'" in err
    assert "left out" not in err


def test_a_problem_in_another_pack_still_refuses_the_query(
    runner: CliRunner, broken: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "facts.toml").write_text("[[nonsense]]\n")

    code, out, err = _run(runner, "search", "acme", *MINI, "--facts", str(other))

    assert (code, out) == (3, "")
    assert "unknown table 'nonsense'" in err
    assert "duplicate fact id 'draft-0'" in err


def test_an_id_of_a_named_pack_defined_again_leaves_the_folder_pack_out(
    runner: CliRunner, tmp_path: Path
) -> None:
    (_user_folder() / "copy").symlink_to(MINI_PACK, target_is_directory=True)
    named = tmp_path / "named"
    shutil.copytree(MINI_PACK, named)

    code, out, err = _run(
        runner, "show", "acme-founded", "--json", "--no-builtin", "--facts", str(named)
    )

    assert code == 0
    assert json.loads(out)[0]["pack"] == "named"
    assert "the pack 'copy' in the user pack folder does not load" in err
    assert "duplicate ids between" in err  # every id of the pack: one line for the pair of files


def test_a_batch_stays_json_lines_with_the_warning_on_stderr(
    runner: CliRunner, broken: Path
) -> None:
    result = runner.invoke(app, ["search", "--batch", *MINI], input="acme\nzeppelin\n")

    assert result.exit_code == 0
    assert [json.loads(line)["query"] for line in result.stdout.splitlines()] == [
        "acme",
        "zeppelin",
    ]
    assert "left out of this query" in result.stderr


def test_the_problems_are_remembered_while_the_pack_is_unchanged(
    runner: CliRunner, broken: Path, builds: list[list[str]]
) -> None:
    first = _run(runner, "search", "acme", "--json", *MINI)
    assert builds == [["half-done", "mini"], ["mini"]]  # refused; then without it

    second = _run(runner, "search", "acme", "--json", *MINI)
    assert (second, len(builds)) == (first, 2)  # nothing loaded again

    (broken / "facts.toml").write_text(synthetic_events("draft", 2))  # fixed
    code, out, err = _run(runner, "search", "draft", "--json", *MINI)
    assert (code, err) == (0, "")
    assert {fact["pack"] for fact in json.loads(out)} == {"half-done"}


def test_completion_leaves_the_pack_out_silently(broken: Path, tmp_path: Path) -> None:
    packs = [Pack("mini", MINI_PACK, "--facts"), Pack("half-done", broken, USER_FOLDER_ORIGIN)]
    heard: list[tuple[str, int]] = []

    index, count = consult(
        packs,
        CachePolicy(tmp_path / "cache"),
        lambda index: index.stats().facts,
        optional=may_be_left_out,
        left_out=lambda pack, problems: heard.append((pack.name, len(problems))),
    )
    index.close()

    assert heard == [("half-done", 1)]
    assert count == 7
    with pytest.raises(InvalidPacks):  # without optional: refused, as before
        consult(packs, CachePolicy(tmp_path / "cache"), lambda index: None)


def test_the_installed_tq_answers_with_json_on_stdout(
    tq_executable: Path, broken: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [tq_executable, "search", "acme", "--json", *MINI],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "TQ_CACHE_DIR": str(tmp_path / "cache")},
    )

    assert done.returncode == 0
    assert json.loads(done.stdout)
    assert f"check it: tq validate {broken}\n" in done.stderr


def test_the_problems_kept_are_the_cache_s_to_clear(runner: CliRunner, broken: Path) -> None:
    cache = Path(os.environ["TQ_CACHE_DIR"])
    _run(runner, "search", "acme", *MINI)
    assert len(list(cache.glob("index-*.refused"))) == 1

    code, _, _ = _run(runner, "cache", "clear")

    assert code == 0
    assert list(cache.glob("index-*")) == []


def test_the_problems_kept_are_read_again_another_day(
    runner: CliRunner, broken: Path, monkeypatch: pytest.MonkeyPatch, builds: list[list[str]]
) -> None:
    import datetime as dt

    from tqcli import model

    _run(runner, "search", "acme", *MINI)
    tomorrow = model.latest_day() + dt.timedelta(days=1)
    monkeypatch.setattr(model, "latest_day", lambda: tomorrow)  # a date in the future may be past
    del builds[:]

    code, _, err = _run(runner, "search", "acme", *MINI)

    assert code == 0
    assert "left out of this query" in err
    assert builds == [["half-done", "mini"]]  # loaded again, and refused again


def test_a_named_pack_remembered_refused_says_the_same(
    runner: CliRunner, tmp_path: Path, builds: list[list[str]]
) -> None:
    named = tmp_path / "named"
    shutil.copytree(MINI_PACK, named)
    (named / "copy.toml").write_text((named / "facts.toml").read_text())  # every id twice

    first = _run(runner, "list", "--no-builtin", "--facts", str(named))
    second = _run(runner, "list", "--no-builtin", "--facts", str(named))

    assert first == second
    assert first[0] == 3
    assert "duplicate ids between" in first[2]
    assert len(builds) == 1  # the second said it without loading the pack again


# --- tq export sqlite: as a query (closing note 9: it refused the whole export) ----------------


def test_an_export_leaves_the_pack_out_with_the_query_s_warning(
    runner: CliRunner, broken: Path, tmp_path: Path
) -> None:
    import sqlite3

    database = tmp_path / "facts.db"
    code, out, err = _run(runner, "export", "sqlite", str(database), *MINI)

    assert code == 0
    assert out.startswith(f"Wrote {database}: ")
    assert err.splitlines() == [
        "tq: warning: the pack 'half-done' in the user pack folder does not load:",
        f"{broken / 'facts.toml'}:13: duplicate fact id 'draft-0', first defined at "
        f"{broken / 'facts.toml'}:1",
        f"tq: it is left out of this export; move it out of the folder, or check it: "
        f"tq validate {broken}",
    ]
    with sqlite3.connect(database) as connection:
        packs = [name for (name,) in connection.execute("SELECT name FROM packs")]
        draft = connection.execute("SELECT count(*) FROM facts WHERE id LIKE 'draft-%'")
        assert (packs, draft.fetchone()) == (["mini"], (0,))


def test_an_export_of_the_pack_named_with_facts_is_refused(
    runner: CliRunner, broken: Path, tmp_path: Path
) -> None:
    database = tmp_path / "facts.db"
    code, out, err = _run(runner, "export", "sqlite", str(database), *MINI, "--facts", str(broken))

    assert (code, out) == (3, "")
    assert "duplicate fact id 'draft-0'" in err
    assert "left out" not in err
    assert not database.exists()


# --- tq paths marks the pack (closing note 9: it listed it as any other) ------------------------


def test_paths_json_marks_the_pack_left_out(runner: CliRunner, broken: Path) -> None:
    code, out, err = _run(runner, "paths", "--json", *MINI)

    marks = {pack["name"]: pack["left_out"] for pack in json.loads(out)["packs"]}
    assert (code, err) == (0, "")
    assert marks == {"half-done": True, "mini": False}


def test_paths_says_the_pack_does_not_load_and_where_to_see_why(
    runner: CliRunner, broken: Path
) -> None:
    code, out, _ = _run(runner, "paths", "--format", "plain", *MINI)

    row = next(line for line in out.splitlines() if line.startswith("half-done"))
    assert code == 0
    assert "user pack folder (does not load: left out; see tq validate PATH)" in row
    assert str(broken) in row
    assert "does not load" not in next(line for line in out.splitlines() if "mini" in line)


def test_paths_marks_nothing_when_the_pack_loads(runner: CliRunner, broken: Path) -> None:
    (broken / "facts.toml").write_text(synthetic_events("draft", 1))

    code, out, _ = _run(runner, "paths", "--json", *MINI)

    assert code == 0
    assert [pack["left_out"] for pack in json.loads(out)["packs"]] == [False, False]
