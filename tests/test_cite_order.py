"""tq cite with several sources: a reference list in the alphabetical order its style files
entries in; the formats for reference managers in the order given."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tqcli.cite import Style, format_sources
from tqcli.cli import app
from tqcli.model import Location, PartialDate, Source, SourceKind

_SOURCE = Source(
    id="s",
    title="Title",
    publisher="Publisher",
    kind=SourceKind.NEWS,
    author=None,
    published=PartialDate.parse("2021-09-07"),
    url=None,
    accessed=None,
    archive=None,
    notes=(),
    pack="test",
    where=Location(Path("t.toml")),
)
_REFERENCE_LISTS = (Style.APA, Style.MLA, Style.CHICAGO)


def _by(author: str, title: str = "Title", source_id: str = "s") -> Source:
    return msgspec.structs.replace(_SOURCE, id=source_id, author=author, title=title)


@pytest.mark.parametrize("style", _REFERENCE_LISTS)
def test_a_reference_list_files_entries_by_their_first_words(style: Style) -> None:
    given_order = [
        _by("Joe Sommerlad", source_id="b"),
        _by("Zoë Ábrahám", source_id="c"),  # accents fold: files under A
        _by("Benedict Carey", source_id="a"),
    ]

    written = format_sources(given_order, style).splitlines()

    assert [line[:3] for line in written] == ["Ábr", "Car", "Som"]


def test_an_initial_article_and_a_bracket_are_not_filed_under() -> None:
    def unsigned(title: str) -> Source:  # APA puts the title where the author would be
        return msgspec.structs.replace(_SOURCE, title=title)

    given_order = [unsigned("[Report on x]"), unsigned("The Zeta report"), _by("Ann Quinn")]
    given_order.append(_by("Ann Young"))

    written = format_sources(given_order, Style.APA).splitlines()

    assert [line[:6] for line in written] == ["Quinn,", "[Repor", "Young,", "The Ze"]


@pytest.mark.parametrize("style", [Style.BIBTEX, Style.RIS, Style.CSL_JSON])
def test_reference_manager_formats_keep_the_order_given(style: Style) -> None:
    later_first = [_by("Zed Zulu", source_id="zulu"), _by("Al Alpha", source_id="alpha")]

    written = format_sources(later_first, style)

    assert written.index("Zulu") < written.index("Alpha")


@given(st.permutations(["Carey", "Sommerlad", "Young", "Ábrahám", "bell"]))
def test_the_order_given_does_not_change_a_reference_list(names: list[str]) -> None:
    sources = [_by(f"Ann {name}", source_id=name.lower()) for name in names]
    alphabetical = format_sources(sorted(sources, key=lambda s: s.id), Style.APA)

    assert format_sources(sources, Style.APA) == alphabetical


def test_tq_cite_of_several_facts_prints_an_alphabetical_list(runner: CliRunner) -> None:
    ids = ["wallace-al-qaeda-will-come-back", "un-resolution-1267", "doha-agreement-signed"]

    result = runner.invoke(app, ["cite", *ids, "--style", "mla"])

    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert len(lines) >= 3
    assert lines == sorted(lines, key=lambda line: line.removeprefix("The ").casefold())
