"""A source's series (the periodical or blog it was published in): read from packs, given in
JSON and every citation style, and searched like the title; a copy's site and curators' notes
about a source are not searched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cite import Style, format_sources
from tqcli.cli import app
from tqcli.model import Location, PartialDate, Source, SourceKind

from conftest import json_ids

SOURCES = """
[[source]]
id = "bulletin-1999"
title = "Council adopts measures"
publisher = "Ministry of Examples"
series = "Quarterly Wire"
author = "Ann Reporter"
published = 1999-10-15
url = "https://mirror.example/bulletin"
via = "mirror.example"
kind = "government"
notes = ["Read in the copy kept by Mirrorsite."]

[[source]]
id = "plain-2000"
title = "Other measures"
publisher = "Ministry of Examples"
published = 2000-01-01
kind = "government"
"""
FACTS = """
[[event]]
id = "measures-adopted"
claim = "In 1999 the Council adopted measures against Acme."
date = "1999-10-15"

[[event.cite]]
source = "bulletin-1999"
passage = "The Council adopted measures against Acme."

[[event]]
id = "other-measures"
claim = "In 2000 the Council adopted other measures."
date = "2000-01-01"

[[event.cite]]
source = "plain-2000"
passage = "The Council adopted other measures."
"""


@pytest.fixture
def series_pack(tmp_path: Path, cache: Path) -> Path:
    pack = tmp_path / "series-pack"
    pack.mkdir()
    (pack / "sources.toml").write_text(SOURCES, encoding="utf-8")
    (pack / "facts.toml").write_text(FACTS, encoding="utf-8")
    return pack


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Quarterly Wire", ["measures-adopted"]),  # the series
        ("Reporter", ["measures-adopted"]),  # the author
        ("Ministry of Examples", ["measures-adopted", "other-measures"]),  # the publisher
        ("Mirrorsite", []),  # a curator's note about the source
        ("mirror.example", []),  # the site a copy was read on
    ],
)
def test_search_finds_a_fact_by_what_its_source_is_called_and_who_made_it(
    runner: CliRunner, series_pack: Path, query: str, found: list[str]
) -> None:
    assert sorted(json_ids(runner, series_pack, "search", query)) == found


def test_the_series_is_in_json_and_on_the_source_line(runner: CliRunner, series_pack: Path) -> None:
    pack = ["--no-builtin", "--facts", str(series_pack)]
    result = runner.invoke(app, ["sources", "--json", *pack])
    assert result.exit_code == 0, result.stderr
    series = {s["id"]: s["series"] for s in json.loads(result.stdout)}
    assert series == {"bulletin-1999": "Quarterly Wire", "plain-2000": None}
    shown = runner.invoke(app, ["show", "measures-adopted", *pack])
    assert "“Council adopts measures”, Quarterly Wire, Ann Reporter" in shown.stdout


def test_a_series_must_be_one_line(runner: CliRunner, series_pack: Path) -> None:
    sources = series_pack / "sources.toml"
    sources.write_text(
        SOURCES.replace('series = "Quarterly Wire"', 'series = "Quarterly\\nWire"'),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", "--no-builtin", "--facts", str(series_pack)])
    assert result.exit_code == 3
    assert "field 'series' must be one line" in result.stderr


WIRE = Source(
    id="wire",
    title="U.N. Security Council to Taliban: Deliver Bin Laden",
    publisher="US Department of State, International Information Programs",
    kind=SourceKind.GOVERNMENT,
    author="Judy Aita",
    published=PartialDate(2001, 9, 18),
    url="https://www.globalsecurity.org/mil-010918-usia11.htm",
    accessed=PartialDate(2026, 11, 26),
    archive=None,
    notes=(),
    pack="test",
    where=Location(Path("test.toml")),
    via="globalsecurity.org",
    series="Washington File",
)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        # APA: as a periodical's article or a blog post: the title plain, the series in
        # italics, no publisher.
        (
            Style.APA,
            "Aita, J. (2001, September 18). U.N. Security Council to Taliban: Deliver Bin "
            "Laden. <i>Washington File</i>. Retrieved from a copy on globalsecurity.org: "
            "https://www.globalsecurity.org/mil-010918-usia11.htm",
        ),
        # MLA: the series is the first container.
        (
            Style.MLA,
            "Aita, Judy. “U.N. Security Council to Taliban: Deliver Bin Laden.” <i>Washington "
            "File</i>, US Department of State, International Information Programs, 18 Sept. "
            "2001. <i>globalsecurity.org</i>, www.globalsecurity.org/mil-010918-usia11.htm. "
            "Accessed 26 Nov. 2026.",
        ),
        # Chicago: a periodical's article, the date after the series.
        (
            Style.CHICAGO,
            "Aita, Judy. “U.N. Security Council to Taliban: Deliver Bin Laden.” <i>Washington "
            "File</i>, September 18, 2001. US Department of State, International Information "
            "Programs. Read in a copy on globalsecurity.org, "
            "https://www.globalsecurity.org/mil-010918-usia11.htm.",
        ),
    ],
)
def test_the_series_is_the_container_in_the_reference_list_styles(
    style: Style, expected: str
) -> None:
    assert format_sources([WIRE], style, html=True) == expected + "\n"


def test_the_series_has_its_field_for_reference_managers() -> None:
    assert json.loads(format_sources([WIRE], Style.CSL_JSON))[0]["container-title"] == (
        "Washington File"
    )
    assert "  howpublished = {Washington File},\n" in format_sources([WIRE], Style.BIBTEX)
    assert "T2  - Washington File\n" in format_sources([WIRE], Style.RIS)


def test_the_built_in_packs_washington_file_is_found_by_its_name(runner: CliRunner) -> None:
    """Every fact citing a Washington File report is found by the series' name (13 were
    found when the name was only in the sources' notes)."""
    listed = runner.invoke(app, ["sources", "--json"])
    wire = {s["id"] for s in json.loads(listed.stdout) if s["series"] == "Washington File"}
    assert len(wire) >= 5
    every = runner.invoke(app, ["list", "--json"])
    citing = {
        fact["id"]
        for fact in json.loads(every.stdout)
        if any(source["id"] in wire for source in fact["sources"])
    }
    found = runner.invoke(app, ["search", "Washington File", "--json", "--limit", "100"])
    assert citing
    assert citing <= {fact["id"] for fact in json.loads(found.stdout)}
