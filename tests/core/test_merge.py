"""A new set of packs made from the cached index of the set closest to it: a pack added is read
and indexed alone, a pack dropped deleted, and the index is the one a whole build makes of the
new set (every table compared, facts by id); anything a merge cannot vouch for (a problem, a
fact kept citing a pack dropped, a damaged base, packs in another order) is built whole."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.errors import InvalidPacks
from tqcli.index import CachePolicy, build, consult
from tqcli.index import merge as merge_module
from tqcli.index.cache import index_path, snapshot
from tqcli.model import Filters, Pack

from conftest import MINI_PACK, index_rows, record_outcomes, synthetic_events

_SOURCE = """[[source]]
id = "{name}-page"
title = "The {name} page"
publisher = "Example Web"
kind = "web-page"
url = "https://example.org/{name}"
via = "example.org"

"""
_ENTITY = """[[entity]]
id = "{name}-person"
name = "Zebulon {title} Quirk"
kind = "person"
aliases = ["Z. {title}"]

"""
_FACT = """[[event]]
id = "{name}-own"
claim = "Zebulon {title} Quirk met Acme."
date = "2021"
about = ["{name}-person", "acme"]
tags = ["{name}"]

[[event.cite]]
source = "{name}-page"
passage = "met Acme"

"""


def _pack(root: Path, name: str, events: int = 20) -> Path:
    """A pack of its own source, a screened entity and facts, citing the mini pack's too."""
    folder = root / name
    folder.mkdir()
    words = {"name": name, "title": name.title()}
    (folder / "sources.toml").write_text(_SOURCE.format(**words) + _ENTITY.format(**words))
    (folder / "facts.toml").write_text(_FACT.format(**words) + synthetic_events(name, events))
    return folder


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    copy = tmp_path / "mini"
    shutil.copytree(MINI_PACK, copy)
    (copy / "more.toml").write_text(synthetic_events("more", 60))  # the most bytes: kept
    return copy


@pytest.fixture
def merges(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each set of packs built: True if it was made from another set's index."""
    return record_outcomes(monkeypatch, merge_module, "merge")


def _packs(*folders: Path) -> list[Pack]:
    return [Pack(folder.name, folder, "--facts") for folder in folders]


def _policy(tmp_path: Path) -> CachePolicy:
    return CachePolicy(tmp_path / "cache")


def _index_of(packs: list[Pack], policy: CachePolicy) -> Path:
    index, _ = consult(packs, policy, lambda index: None)
    index.close()
    assert policy.directory is not None
    return index_path(policy.directory, packs)


def _whole(packs: list[Pack], path: Path) -> Path:
    build.build(packs, snapshot(packs), path, lambda _: None).close()
    return path


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (index_rows), each fact named by its id rather than its seq (a
    fact added by a merge is numbered after those kept), and the rows of tables queries read
    unordered (by seq, or as a set) sorted."""
    tables = index_rows(path)
    ids = {row[0]: row[1] for row in tables["facts"]}
    tables["facts"] = sorted(row[1:] for row in tables["facts"])
    for name in ("fact_tags", "fact_sources", "fact_entities"):
        tables[name] = sorted((ids[row[0]], *row[1:]) for row in tables[name])
    tables["fact_references"] = sorted(
        (*row[:2], ids[row[2]], row[3]) for row in tables["fact_references"]
    )
    tables["fact_text"] = sorted(
        (term, ids[doc], column, offset) for term, doc, column, offset in tables["fact_text"]
    )
    for name in ("links", "files"):
        tables[name] = sorted(tables[name])
    return tables


def _scores(path: Path, terms: list[str]) -> list[tuple[str, float | None]]:
    """The facts a search finds, best first, with their scores (BM25 depends on every row)."""
    from tqcli.index.query import Index

    index = Index(sqlite3.connect(path))
    try:
        return [(hit.fact.id, hit.score) for hit in index.search(terms, Filters(), 0)]
    finally:
        index.close()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(("mini",), ("mini", "extra"), id="a pack added"),
        pytest.param(("mini", "extra"), ("mini",), id="a pack dropped"),
        pytest.param(("mini", "extra"), ("mini", "extra", "other"), id="a second pack added"),
        pytest.param(("mini", "extra", "other"), ("mini", "other"), id="a middle pack dropped"),
        pytest.param(("mini", "extra"), ("mini", "other"), id="one pack for another"),
    ],
)
def test_a_merged_index_is_the_whole_build_of_the_new_set(
    tmp_path: Path, mini: Path, merges: list[bool], before: tuple[str, ...], after: tuple[str, ...]
) -> None:
    folders = {"mini": mini, "extra": _pack(tmp_path, "extra"), "other": _pack(tmp_path, "other")}
    policy = _policy(tmp_path)
    _index_of(_packs(*(folders[name] for name in before)), policy)
    new = _packs(*(folders[name] for name in after))

    merged = _index_of(new, policy)

    assert merges == [True]
    whole = _whole(new, tmp_path / "whole.sqlite3")
    assert _tables(merged) == _tables(whole)
    for terms in (["acme"], ["zebulon"], ["event", "extra"], ["met"]):
        assert _scores(merged, terms) == _scores(whole, terms)


def test_the_closest_index_is_the_base(tmp_path: Path, mini: Path, merges: list[bool]) -> None:
    extra, other = _pack(tmp_path, "extra"), _pack(tmp_path, "other", events=40)
    policy = _policy(tmp_path)
    _index_of(_packs(mini), policy)
    with_other = _index_of(_packs(mini, other), policy)
    assert merges == [True]  # the second made from the first

    plan = merge_module.closest(
        tmp_path / "cache", _packs(mini, other, extra), snapshot(_packs(mini, other, extra)), Path()
    )

    assert plan is not None
    assert (plan.base, [p.name for p in plan.added]) == (with_other, ["extra"])


def test_a_set_mostly_of_packs_added_is_built_whole(
    tmp_path: Path, mini: Path, merges: list[bool]
) -> None:
    big = _pack(tmp_path, "big", events=200)  # more than the mini pack kept
    policy = _policy(tmp_path)
    _index_of(_packs(mini), policy)

    plan = merge_module.closest(
        policy.directory or Path(), _packs(mini, big), snapshot(_packs(mini, big)), Path()
    )
    _index_of(_packs(mini, big), policy)

    assert (plan, merges) == (None, [])


def test_packs_in_another_order_are_built_whole(
    tmp_path: Path, mini: Path, merges: list[bool]
) -> None:
    extra = _pack(tmp_path, "extra")
    policy = _policy(tmp_path)
    _index_of(_packs(mini), policy)

    reordered = _index_of(_packs(extra, mini), policy)  # the added pack first: ids load first

    assert merges == []  # no base will do: no merge tried
    assert _tables(reordered) == _tables(_whole(_packs(extra, mini), tmp_path / "whole.sqlite3"))


def test_a_problem_in_the_pack_added_is_reported_by_a_whole_build(
    tmp_path: Path, mini: Path, merges: list[bool]
) -> None:
    extra = _pack(tmp_path, "extra")
    facts = extra / "facts.toml"
    facts.write_text(facts.read_text().replace('id = "extra-own"', 'id = "acme-founded"'))
    policy = _policy(tmp_path)
    _index_of(_packs(mini), policy)

    with pytest.raises(InvalidPacks) as merged:
        _index_of(_packs(mini, extra), policy)

    assert merges == [False]
    with pytest.raises(InvalidPacks) as whole:
        consult(_packs(mini, extra), CachePolicy(None), lambda index: None)
    assert [str(p) for p in merged.value.problems] == [str(p) for p in whole.value.problems]
    assert "duplicate fact id 'acme-founded'" in str(merged.value.problems[0])


def test_a_fact_kept_citing_a_pack_dropped_is_reported_by_a_whole_build(
    tmp_path: Path, mini: Path, merges: list[bool]
) -> None:
    extra = _pack(tmp_path, "extra")
    (mini / "cites-extra.toml").write_text(
        '[[event]]\nid = "cites-extra"\nclaim = "It cites the extra pack."\n'
        '[[event.cite]]\nsource = "extra-page"\npassage = "met Acme"\n'
    )
    policy = _policy(tmp_path)
    _index_of(_packs(extra, mini), policy)

    with pytest.raises(InvalidPacks) as dropped:
        _index_of(_packs(extra, mini)[1:], policy)  # extra dropped; mini kept, and first

    assert merges == [False]  # tried, and left to a whole build, which reports it
    assert "cites unknown source 'extra-page'" in str(dropped.value.problems[0])


def test_a_damaged_base_is_never_copied(tmp_path: Path, mini: Path, merges: list[bool]) -> None:
    extra = _pack(tmp_path, "extra")
    policy = _policy(tmp_path)
    base = _index_of(_packs(mini), policy)
    st = os.stat(base)
    connection = sqlite3.connect(base)
    connection.execute("UPDATE facts SET crc = crc + 1 WHERE id = 'more-3'")
    connection.commit()
    connection.close()
    os.utime(base, ns=(st.st_atime_ns, st.st_mtime_ns))  # still sealed: the rows tell
    assert os.stat(base).st_size == st.st_size

    merged = _index_of(_packs(mini, extra), policy)

    assert merges == [False]
    assert _tables(merged) == _tables(_whole(_packs(mini, extra), tmp_path / "whole.sqlite3"))


def test_without_a_cache_nothing_is_merged(tmp_path: Path, mini: Path, merges: list[bool]) -> None:
    extra = _pack(tmp_path, "extra")
    _index_of(_packs(mini), _policy(tmp_path))

    consult(_packs(mini, extra), CachePolicy(None), lambda index: None)[0].close()

    assert merges == []


def test_the_cli_answers_a_new_set_as_without_a_cache(
    runner: CliRunner, tmp_path: Path, mini: Path, merges: list[bool]
) -> None:
    extra = _pack(tmp_path, "extra")
    base = ["--no-builtin", "--facts", str(mini)]
    both = [*base, "--facts", str(extra)]
    runner.invoke(app, ["list", *base])
    for query in (["search", "acme", "zebulon", "--limit", "0"], ["match", "Zebulon Extra"]):
        cached = runner.invoke(app, [*query, "--json", *both])
        whole = runner.invoke(app, [*query, "--json", *both, "--no-cache"])
        assert (cached.exit_code, cached.stdout) == (whole.exit_code, whole.stdout)
    assert merges == [True]


def test_two_runs_switching_at_once_both_answer(
    tq_executable: Path, tmp_path: Path, mini: Path
) -> None:
    extra = _pack(tmp_path, "extra")
    env = {**os.environ, "TQ_CACHE_DIR": str(tmp_path / "cache")}
    base = [str(tq_executable), "search", "zebulon", "--json", "--no-builtin", "--facts", str(mini)]
    subprocess.run(base, env=env, capture_output=True, check=False)
    both = [*base, "--facts", str(extra)]

    runs = [subprocess.Popen(both, env=env, stdout=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate()[0] for run in runs]
    whole = subprocess.run([*both, "--no-cache"], env=env, capture_output=True, check=False)

    assert [run.returncode for run in runs] == [0, 0]
    assert outputs == [whole.stdout, whole.stdout]
    assert sorted(p.suffix for p in (tmp_path / "cache").glob("index-*")) == [
        ".seal",
        ".seal",
        ".sqlite3",
        ".sqlite3",
    ]


def test_a_base_whose_kept_pack_changed_since_is_not_used(
    tmp_path: Path, mini: Path, merges: list[bool]
) -> None:
    extra = _pack(tmp_path, "extra")
    policy = _policy(tmp_path)
    _index_of(_packs(mini), policy)
    more = mini / "more.toml"
    more.write_text(more.read_text().replace("more event 3 happened", "more event zeppelin"))

    merged = _index_of(_packs(mini, extra), policy)

    assert merges == []  # no base will do: built whole
    assert _tables(merged) == _tables(_whole(_packs(mini, extra), tmp_path / "whole.sqlite3"))
    assert [fact_id for fact_id, _ in _scores(merged, ["zeppelin"])] == ["more-3"]


class _Stages:
    """A progress that keeps the stages it is told."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def stage(self, text: str) -> None:
        self.said.append(text)

    def whole_build(self, fact_bytes: int, kept: bool) -> None:
        """Nothing to keep."""


def test_a_pack_dropped_alone_is_not_said_to_be_zero_packs_added(
    tmp_path: Path, mini: Path, merges: list[bool]
) -> None:
    """Stranger 16, finding 16: the progress line said "reading the 0 pack(s) added"."""
    extra = _pack(tmp_path, "extra")
    policy = _policy(tmp_path)
    _index_of(_packs(mini, extra), policy)
    stages = _Stages()

    index, _ = consult(
        _packs(mini), policy, lambda index: None, progress=lambda: contextlib.nullcontext(stages)
    )
    index.close()

    assert merges == [True]
    assert "leaving out the 1 pack(s) dropped" in stages.said
    assert not any("0 pack(s)" in said for said in stages.said)
