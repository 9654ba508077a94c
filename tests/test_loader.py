"""Loading packs: the valid fixture loads whole; each malformed one gives exactly its problems."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tqcli.errors import InvalidPacks
from tqcli.loader import load, open_catalog
from tqcli.model import Event, FactKind, Figure, Pack, PartialDate, Quote

from conftest import DATED_BY_DETAILS, MALFORMED, MINI_PACK, pack_from_case

_EXPECT = re.compile(r"^# expect: (?P<where>[^ ]+): (?P<message>.+)$", re.MULTILINE)


def _pack(path: Path) -> Pack:
    return Pack(path.name, path, "--facts")


def test_mini_pack_loads_every_fact_with_its_details() -> None:
    report = load([_pack(MINI_PACK)])

    assert report.problems == ()
    catalog = report.catalog
    assert [fact.id for fact in catalog.facts] == [
        "acme-widgets-2019",
        "acme-gadgets-2019",
        "doe-more-widgets",
        "council-resolution-42",
        "widget-accord",
        "acme-founded",
        "acme-undated",
    ]
    widgets = catalog.fact("acme-widgets-2019")
    assert widgets is not None
    assert widgets.kind is FactKind.FIGURE
    assert widgets.details == Figure(1200, None, None, "widgets", None)
    assert widgets.date == PartialDate(2019)
    assert widgets.notes[0].citation is not None
    assert widgets.where.line == 1
    quote = catalog.fact("doe-more-widgets")
    assert quote is not None
    assert isinstance(quote.details, Quote)
    assert quote.details.speaker == "jane-doe"
    assert quote.date == PartialDate(2020, 5, 1)
    founded = catalog.fact("acme-founded")
    assert founded is not None
    assert founded.details == Event("Springfield", None)
    # Six facts cite the archived gazette; one note cites a source without an archive.
    assert report.passages_proven == 7
    assert report.passages_unarchived == 1


def _cases() -> list[Path]:
    return sorted(MALFORMED.glob("*.toml"))


@pytest.mark.parametrize("case", _cases(), ids=lambda path: path.stem)
def test_malformed_fixture_reports_exactly_its_problems(case: Path, tmp_path: Path) -> None:
    pack = pack_from_case(case, tmp_path)
    file = pack / "case.toml"
    header = case.read_bytes().decode("utf-8", errors="replace")
    expected = sorted(
        (f"{file}:{match['where']}: " if match["where"] != "-" else f"{file}: ")
        + match["message"].replace("{path}", str(file))
        for match in _EXPECT.finditer(header)
    )
    assert expected, f"{case.name} has no '# expect:' line"

    problems = sorted(str(problem) for problem in load([_pack(pack)]).problems)

    assert problems == expected


def test_every_problem_in_a_pack_is_reported_not_just_the_first(tmp_path: Path) -> None:
    for case in ("unknown-table.toml", "unknown-fields-and-missing.toml", "bad-slug.toml"):
        pack_from_case(MALFORMED / case, tmp_path)
    packs = [_pack(path) for path in sorted(tmp_path.iterdir())]

    problems = load(packs).problems

    assert len(problems) == 5


def test_open_catalog_refuses_an_invalid_pack(tmp_path: Path) -> None:
    pack = pack_from_case(MALFORMED / "duplicate-id.toml", tmp_path)

    with pytest.raises(InvalidPacks) as raised:
        open_catalog([_pack(pack)])

    assert "duplicate fact id 'x'" in str(raised.value.problems[0])


def test_ids_must_be_unique_across_packs(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in MINI_PACK.rglob("*"):
        if path.is_file():
            target = copy / path.relative_to(MINI_PACK)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())

    problems = load([_pack(MINI_PACK), _pack(copy)]).problems

    messages = [problem.message for problem in problems]
    assert sum("duplicate fact id" in message for message in messages) == 7
    assert sum("duplicate source id" in message for message in messages) == 2
    assert sum("duplicate entity id" in message for message in messages) == 3
    assert all(str(MINI_PACK) in message for message in messages)


def test_deeply_nested_toml_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "deep.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")

    problems = load([_pack(tmp_path)]).problems

    assert len(problems) == 1
    assert problems[0].where.path == tmp_path / "deep.toml"


def test_an_archive_linked_outside_the_pack_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("The quick brown fox jumps.")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "link.txt").symlink_to(outside)
    (pack / "s.toml").write_text(
        '[[source]]\nid = "s"\ntitle = "t"\npublisher = "p"\nkind = "news"\narchive = "link.txt"\n'
    )

    problems = load([_pack(pack)]).problems

    assert [problem.message for problem in problems] == [
        "source 's': archive 'link.txt' must be a path inside the pack"
    ]


@pytest.mark.parametrize("reader", ["in C", "careful"])
def test_a_fact_without_a_date_is_dated_by_its_details(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: str
) -> None:
    """An agreement's signed, a quote's said date the fact when it gives no date (stranger 9:
    such facts were undated, sorted last and left out by --since); a date given still wins."""
    if reader == "careful":
        from tqcli import factshapes

        monkeypatch.setattr(factshapes.FactTables, "fact", lambda *args: None)
    (tmp_path / "pack.toml").write_text(DATED_BY_DETAILS, encoding="utf-8")

    report = load([_pack(tmp_path)])

    assert report.problems == ()
    dates = {fact.id: fact.date for fact in report.catalog.facts}
    assert dates == {
        "acme-beta-supply": PartialDate(2018, 3, 3),
        "acme-said": PartialDate(2020, 4),
        "beta-sanctioned": PartialDate(2022),
    }


def test_an_archive_under_a_file_named_like_its_folder_does_not_exist(pack: Path) -> None:
    shutil.rmtree(pack / "archive")
    (pack / "archive").write_text("", encoding="utf-8")

    problems = load([_pack(pack)]).problems

    assert [problem.message for problem in problems] == [
        "source 'gazette-2020': archive 'archive/gazette.txt' does not exist in the pack"
    ]
