"""tq cite: references checked against the style guides' own examples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tqcli.cite import Style, format_sources, title_case
from tqcli.cli import app
from tqcli.model import Location, PartialDate, Source, SourceKind
from tqcli.render.layout import source_line

from conftest import MINI_PACK

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]


def _source(
    title: str,
    publisher: str,
    kind: SourceKind,
    *,
    author: str | None = None,
    published: str | None = None,
    accessed: str | None = None,
    url: str | None = None,
) -> Source:
    return Source(
        id="example",
        title=title,
        publisher=publisher,
        kind=kind,
        author=author,
        published=PartialDate.parse(published) if published else None,
        url=url,
        accessed=PartialDate.parse(accessed) if accessed else None,
        archive=None,
        notes=(),
        pack="test",
        where=Location(Path("test.toml")),
    )


# Examples from the guides: APA Style's "Newspaper article references" and "Webpage on a
# website with a retrieval date"; The Chicago Manual of Style's citation quick guide
# (news article; web page with no date, so with its access date).
CAREY = _source(
    "Can we get better at forgetting?",
    "The New York Times",
    SourceKind.NEWS,
    author="Benedict Carey",
    published="2019-03-22",
    url="https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html",
)
CENSUS = _source(
    "U.S. and world population clock",
    "U.S. Department of Commerce",
    SourceKind.WEB_PAGE,
    author="U.S. Census Bureau",
    accessed="2019-07-03",
    url="https://www.census.gov/popclock/",
)
MANJOO = _source(
    "Snap Makes a Bet on the Cultural Supremacy of the Camera",
    "The New York Times",
    SourceKind.NEWS,
    author="Farhad Manjoo",
    published="2017-03-08",
    url="https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html",
)
YALE = _source(
    "About Yale: Yale Facts",
    "Yale University",
    SourceKind.WEB_PAGE,
    accessed="2022-03-08",
    url="https://www.yale.edu/about-yale/yale-facts",
)
PEW = _source(  # APA 7's example of a data set (Publication Manual §10.9; apastyle.apa.org)
    "American trends panel Wave 26",
    "Pew Research Center",
    SourceKind.DATASET,
    published="2018",
    url="https://www.pewsocialtrends.org/dataset/american-trends-panel-wave-26/",
)
RESOLUTION = _source(
    "Resolution 2253 (2015)",
    "United Nations Security Council",
    SourceKind.UN_DOCUMENT,
    published="2015-12-17",
    accessed="2026-11-25",
    url="https://example.org/S/RES/2253(2015)",
)


@pytest.mark.parametrize(
    ("source", "style", "expected"),
    [
        (
            CAREY,
            Style.APA,
            "Carey, B. (2019, March 22). Can we get better at forgetting? The New York Times. "
            "https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html",
        ),
        (
            CENSUS,
            Style.APA,
            "U.S. Census Bureau. (n.d.). U.S. and world population clock. U.S. Department of "
            "Commerce. Retrieved July 3, 2019, from https://www.census.gov/popclock/",
        ),
        (
            MANJOO,
            Style.CHICAGO,
            "Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York "
            "Times, March 8, 2017. https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-"
            "on-the-cultural-supremacy-of-the-camera.html.",
        ),
        (
            YALE,
            Style.CHICAGO,
            "Yale University. “About Yale: Yale Facts.” Accessed March 8, 2022. "
            "https://www.yale.edu/about-yale/yale-facts.",
        ),
        (
            PEW,
            Style.APA,
            "Pew Research Center. (2018). American trends panel Wave 26 [Data set]. "
            "https://www.pewsocialtrends.org/dataset/american-trends-panel-wave-26/",
        ),
    ],
    ids=[
        "apa-news",
        "apa-web-page-retrieved",
        "chicago-news",
        "chicago-web-page-accessed",
        "apa-data-set",
    ],
)
def test_the_style_guides_examples(source: Source, style: Style, expected: str) -> None:
    assert format_sources([source], style) == expected + "\n"


# MLA's own example of a web page (a blog post), with and without the optional access date.
HOLLMICHEL = _source(
    "The Reading Brain: Differences Between Digital and Print",
    "So Many Books",
    SourceKind.WEB_PAGE,
    author="Stefanie Hollmichel",
    published="2013-04-25",
    url="https://somanybooksblog.com/2013/04/25/the-reading-brain-differences-between-digital-and-print/",
)
HOLLMICHEL_MLA = (
    "Hollmichel, Stefanie. “The Reading Brain: Differences between Digital and Print.” So Many "
    "Books, 25 Apr. 2013, somanybooksblog.com/2013/04/25/the-reading-brain-differences-between-"
    "digital-and-print/."
)


def test_the_mla_handbooks_example() -> None:
    assert format_sources([HOLLMICHEL], Style.MLA) == HOLLMICHEL_MLA + "\n"
    accessed = msgspec.structs.replace(HOLLMICHEL, accessed=PartialDate.parse("2020-05-12"))
    assert format_sources([accessed], Style.MLA) == HOLLMICHEL_MLA + " Accessed 12 May 2020.\n"
    assert "<i>So Many Books</i>" in format_sources([HOLLMICHEL], Style.MLA, html=True)


# The rest of MLA by its rules (headline capitals, "day Mon. year" dates, URLs without https://,
# access dates for web sources, an organization that is author and publisher given once).
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            CAREY,
            "Carey, Benedict. “Can We Get Better at Forgetting?” The New York Times, 22 Mar. 2019, "
            "www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html.",
        ),
        (
            YALE,
            "“About Yale: Yale Facts.” Yale University, www.yale.edu/about-yale/yale-facts. "
            "Accessed 8 Mar. 2022.",
        ),
        (
            RESOLUTION,
            "Resolution 2253 (2015). United Nations Security Council, 17 Dec. 2015, "
            "example.org/S/RES/2253(2015). Accessed 25 Nov. 2026.",
        ),
    ],
    ids=["news", "web-page", "un-document"],
)
def test_mla_by_the_handbooks_rules(source: Source, expected: str) -> None:
    assert format_sources([source], Style.MLA) == expected + "\n"


def test_a_publisher_is_never_taken_for_a_person() -> None:
    unsigned = msgspec.structs.replace(CAREY, author=None)
    assert format_sources([unsigned], Style.APA) == (
        f"Can we get better at forgetting? (2019, March 22). The New York Times. {CAREY.url}\n"
    )
    assert format_sources([unsigned], Style.CHICAGO) == (
        f"“Can We Get Better at Forgetting?” New York Times, March 22, 2019. {CAREY.url}.\n"
    )
    assert format_sources([unsigned], Style.MLA).startswith("“Can We Get Better at Forgetting?”")
    web = _source("A page", "Who2", SourceKind.WEB_PAGE, published="2021-01-26")
    assert format_sources([web], Style.APA) == "Who2. (2021, January 26). A page.\n"


def test_a_un_document_is_cited_as_a_work_by_its_body() -> None:
    assert format_sources([RESOLUTION], Style.APA) == (
        "United Nations Security Council. (2015, December 17). Resolution 2253 (2015). "
        "https://example.org/S/RES/2253(2015)\n"
    )
    assert format_sources([RESOLUTION], Style.CHICAGO) == (
        "United Nations Security Council. Resolution 2253 (2015). December 17, 2015. "
        "https://example.org/S/RES/2253(2015).\n"
    )


def test_titles_in_italics_with_html() -> None:
    assert format_sources([CAREY], Style.APA, html=True).startswith(
        "Carey, B. (2019, March 22). Can we get better at forgetting? <i>The New York Times</i>."
    )
    assert "<i>U.S. and world population clock</i>" in format_sources(
        [CENSUS], Style.APA, html=True
    )


def test_a_data_sets_description_is_not_in_italics() -> None:
    """APA: the title in italics, then "[Data set]" in plain type."""
    assert format_sources([PEW], Style.APA, html=True).startswith(
        "Pew Research Center. (2018). <i>American trends panel Wave 26</i> [Data set]. "
    )


def test_headline_capitals() -> None:
    assert title_case("Taliban and al-Qaeda: How are they linked?") == (
        "Taliban and al-Qaeda: How Are They Linked?"
    )
    assert title_case("the measures to be imposed if demand is not met") == (
        "The Measures to Be Imposed If Demand Is Not Met"
    )


def test_reference_manager_formats() -> None:
    item = json.loads(format_sources([CAREY], Style.CSL_JSON))[0]
    assert item == {
        "id": "example",
        "type": "article-newspaper",
        "title": "Can we get better at forgetting?",
        "author": [{"family": "Carey", "given": "Benedict"}],
        "container-title": "The New York Times",
        "publisher": "The New York Times",
        "issued": {"date-parts": [[2019, 3, 22]]},
        "URL": CAREY.url,
    }
    web = json.loads(format_sources([CENSUS], Style.CSL_JSON))[0]
    assert web["author"] == [{"literal": "U.S. Census Bureau"}]
    assert web["accessed"] == {"date-parts": [[2019, 7, 3]]}
    assert format_sources([CENSUS], Style.RIS).splitlines() == [
        "TY  - ELEC",
        "ID  - example",
        "AU  - U.S. Census Bureau",
        "TI  - U.S. and world population clock",
        "PB  - U.S. Department of Commerce",
        f"UR  - {CENSUS.url}",
        "Y2  - 2019/07/03/",
        "ER  -",
    ]
    bib = format_sources([_source("Profits & 100% of #1_{x}", "P", SourceKind.BOOK)], Style.BIBTEX)
    assert (
        bib == "@book{example,\n"
        "  title = {{Profits \\& 100\\% of \\#1\\_\\{x\\}}},\n"
        "  publisher = {P}\n}\n"
    )


def test_cite_facts_and_sources_from_the_command_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["cite", "acme-founded", "gazette-2020", *MINI])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == len(set(result.stdout.splitlines()))
    result = runner.invoke(app, ["cite", "acme-widgets-2019", "--style", "csl-json", *MINI])
    assert [item["id"] for item in json.loads(result.stdout)] == ["gazette-2020"]
    result = runner.invoke(app, ["cite", "no-such-fact", *MINI])
    assert result.exit_code == 1
    assert "no fact or source with id 'no-such-fact'" in result.stderr
    result = runner.invoke(app, ["cite", "acme-founded", "--format", "harvard", *MINI])
    assert result.exit_code == 2
    assert result.stderr == (
        "tq: --format: no style 'harvard'; there are: apa, mla, chicago, bibtex, ris, csl-json\n"
    )


def test_cite_takes_format_as_every_command_does_and_style_as_before(runner: CliRunner) -> None:
    """Stranger 14, 18: --format (as list and search name how output is written) is the name
    tq cite -h gives; --style, its first name, is the same option, for scripts."""
    cited = {
        name: runner.invoke(app, ["cite", "acme-founded", name, "bibtex", *MINI])
        for name in ("--format", "--style")
    }
    default = runner.invoke(app, ["cite", "acme-founded", *MINI])
    apa = runner.invoke(app, ["cite", "acme-founded", "--format", "apa", *MINI])
    helped = runner.invoke(app, ["cite", "-h"])

    assert [(result.exit_code, result.stderr) for result in cited.values()] == [(0, "")] * 2
    assert cited["--format"].stdout == cited["--style"].stdout
    assert cited["--format"].stdout.startswith("@")
    assert (default.exit_code, default.stdout) == (0, apa.stdout)
    assert "--format, --style STYLE" in helped.stdout


def test_a_format_of_another_command_is_pointed_to_the_style_nearest(runner: CliRunner) -> None:
    result = runner.invoke(app, ["cite", "acme-founded", "--format", "json", *MINI])

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("tq: --format: no style 'json' (did you mean 'csl-json'?); ")


def test_the_built_in_article_in_apa(runner: CliRunner) -> None:
    result = runner.invoke(app, ["cite", "blinken-force-unable-to-defend"])
    assert result.stdout.splitlines()[0] == (
        "Sommerlad, J. (2021, September 7). Taliban and al-Qaeda: How are they linked? The "
        "Independent. https://www.independent.co.uk/asia/south-asia/taliban-al-qaeda-difference-"
        "afghanistan-b1915552.html"
    )


def test_other_commands_never_import_the_data_out_modules() -> None:
    probe = (
        "import sys\nfrom tqcli.__main__ import main\n"
        "sys.argv = ['tq', 'search', '1267', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "late = ('tqcli.cite', 'tqcli.export', 'tqcli.schemas', 'jsonschema', 'citeproc')\n"
        "print(sorted(m for m in sys.modules if m.startswith(late)), file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert run.stderr.strip().splitlines()[-1] == "[]"


def test_a_copy_read_on_another_site_is_named_where_the_format_has_a_place_for_it() -> None:
    copy = _source(
        "Resolution 2253 (2015)",
        "United Nations Security Council",
        SourceKind.UN_DOCUMENT,
        published="2015-12-17",
        accessed="2026-11-25",
        url="https://mirror.example/res-2253",
    )
    copy = msgspec.structs.replace(copy, via="mirror.example")
    # MLA's second container: the site holding the copy, then the copy's address.
    assert format_sources([copy], Style.MLA) == (
        "Resolution 2253 (2015). United Nations Security Council, 17 Dec. 2015. mirror.example, "
        "mirror.example/res-2253. Accessed 25 Nov. 2026.\n"
    )
    assert "<i>mirror.example</i>" in format_sources([copy], Style.MLA, html=True)
    assert json.loads(format_sources([copy], Style.CSL_JSON))[0]["archive"] == "mirror.example"
    assert "DP  - mirror.example" in format_sources([copy], Style.RIS).splitlines()
    assert "note = {Read in a copy on mirror.example}" in format_sources([copy], Style.BIBTEX)


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@given(
    title=_TEXT,
    publisher=_TEXT,
    author=st.none() | _TEXT,
    kind=st.sampled_from(list(SourceKind)),
    dated=st.booleans(),
    style=st.sampled_from(list(Style)),
)
def test_any_source_is_cited_in_any_style(
    title: str, publisher: str, author: str | None, kind: SourceKind, dated: bool, style: Style
) -> None:
    source = _source(
        title,
        publisher,
        kind,
        author=author,
        published="2021-09-07" if dated else None,
        accessed="2026-11-25",
        url="https://example.org/a",
    )
    text = format_sources([source], style)
    assert text.endswith("\n")
    if style is Style.CSL_JSON:
        assert json.loads(text)[0]["title"] == title
    if style in (Style.APA, Style.MLA, Style.CHICAGO):
        html = format_sources([source], style, html=True)
        assert "<" not in html.replace("<i>", "").replace("</i>", "")  # text is escaped


def test_bibtex_escapes_each_special_character_once() -> None:
    source = _source(r"a\b ~ ^ _ # $ {\textbf} & %", "Pub", SourceKind.OTHER)

    entry = format_sources([source], Style.BIBTEX)

    title = next(line for line in entry.splitlines() if line.lstrip().startswith("title"))
    assert title == (
        r"  title = {{a\textbackslash{}b \textasciitilde{} \textasciicircum{} \_ \# \$ "
        r"\{\textbackslash{}textbf\} \& \%}},"
    )


def test_an_unknown_id_is_named_and_the_known_ones_are_cited_all_the_same(
    runner: CliRunner,
) -> None:
    alone = runner.invoke(app, ["cite", "gazette-2020", "--style", "mla", *MINI])
    result = runner.invoke(app, ["cite", "nosuch", "gazette-2020", "--style", "mla", *MINI])

    assert result.exit_code == 1
    assert alone.stdout
    assert result.stdout == alone.stdout
    assert result.stderr.strip() == "tq: no fact or source with id 'nosuch'"
    data = runner.invoke(app, ["cite", "gazette-2020", "nosuch", "--style", "csl-json", *MINI])
    assert data.exit_code == 1
    assert [item["id"] for item in json.loads(data.stdout)] == ["gazette-2020"]


def test_apa_and_chicago_say_where_the_copy_read_is_not_the_publishers_own_site() -> None:
    copy = msgspec.structs.replace(RESOLUTION, url="https://mirror.example/res-2253")
    copy = msgspec.structs.replace(copy, via="mirror.example")
    undated = msgspec.structs.replace(copy, published=None)

    assert format_sources([copy], Style.APA) == (
        "United Nations Security Council. (2015, December 17). Resolution 2253 (2015). "
        "Retrieved from a copy on mirror.example: https://mirror.example/res-2253\n"
    )
    assert format_sources([undated], Style.APA) == (
        "United Nations Security Council. (n.d.). Resolution 2253 (2015). "
        "Retrieved November 25, 2026, from a copy on mirror.example: "
        "https://mirror.example/res-2253\n"
    )
    assert format_sources([copy], Style.CHICAGO) == (
        "United Nations Security Council. Resolution 2253 (2015). December 17, 2015. "
        "Read in a copy on mirror.example, https://mirror.example/res-2253.\n"
    )


def test_a_title_not_seen_is_a_description_in_brackets_never_quoted_or_italicised() -> None:
    untitled = _source(
        "[WION report of 26 July 2021 on a UN monitoring report]",
        "WION",
        SourceKind.NEWS,
        published="2021-07-26",
        url="https://example.org/a",
    )
    page = msgspec.structs.replace(untitled, kind=SourceKind.REPORT, author="A Group")

    assert format_sources([untitled], Style.APA) == (
        "[WION report of 26 July 2021 on a UN monitoring report]. (2021, July 26). WION. "
        "https://example.org/a\n"
    )
    assert format_sources([untitled], Style.MLA) == (
        "WION report of 26 July 2021 on a UN monitoring report. WION, 26 July 2021, "
        "example.org/a.\n"
    )
    assert format_sources([untitled], Style.CHICAGO) == (
        "WION report of 26 July 2021 on a UN monitoring report. WION, July 26, 2021. "
        "https://example.org/a.\n"
    )
    assert format_sources([page], Style.APA, html=True) == (
        "A Group. (2021, July 26). [WION report of 26 July 2021 on a UN monitoring report]. "
        "WION. https://example.org/a\n"
    )
    assert "<i>" not in format_sources([page], Style.CHICAGO, html=True)
    # tq show's source line does not quote it either.
    assert source_line(untitled) == (
        "WION, [WION report of 26 July 2021 on a UN monitoring report], 2021-07-26"
    )
    markup = msgspec.structs.replace(untitled, title="[red]Not markup[/red]")
    assert source_line(markup).startswith("WION, “[red]Not markup[/red]”")
    assert source_line(CAREY).startswith("The New York Times, “Can we get better at forgetting?”")


def test_the_opensanctions_licence_shows_wherever_its_source_does(
    runner: CliRunner, tmp_path: Path
) -> None:
    from tqcli.importers.ftm import LICENCE

    pack = tmp_path / "os"
    fixture = Path(__file__).parent / "fixtures" / "ftm" / "export.ftm.json"
    imported = runner.invoke(app, ["import", "ftm", str(fixture), "--out", str(pack)])
    assert imported.exit_code in (0, 4), imported.stderr  # the fixture has a record to skip
    packs = ["--facts", str(pack), "--no-builtin"]
    listed = json.loads(runner.invoke(app, ["sources", *packs, "--json"]).stdout)
    assert [(source["id"], source["licence"]) for source in listed] == [
        ("opensanctions-os", LICENCE)
    ]
    fact = json.loads(runner.invoke(app, ["list", *packs, "--json"]).stdout)[0]
    assert fact["sources"][0]["licence"] == LICENCE
    shown = runner.invoke(app, ["show", fact["id"], *packs, "--format", "plain"])
    assert f"licence: {LICENCE}" in shown.stdout
    assert f"licence: {LICENCE}" in runner.invoke(app, ["sources", *packs]).stdout
    for style in ("apa", "mla", "chicago"):
        cited = runner.invoke(app, ["cite", fact["id"], *packs, "--style", style])
        assert f"Licence: {LICENCE}." in cited.stdout, style
    cited = runner.invoke(app, ["cite", "opensanctions-os", *packs, "--style", "csl-json"])
    assert json.loads(cited.stdout)[0]["license"] == LICENCE
    assert (
        f"N1  - Licence: {LICENCE}"
        in runner.invoke(
            app, ["cite", "opensanctions-os", *packs, "--style", "ris"]
        ).stdout.splitlines()
    )


def test_an_imported_list_is_cited_with_the_file_it_was_read_from(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Stranger 14, 19: the UN list imported from a file was cited with neither an address nor
    the file. The XML names no address of the list (only its schema's), so none is given."""
    fixture = Path(__file__).parent / "fixtures" / "unsc" / "list-v1.xml"
    pack = tmp_path / "un"
    imported = runner.invoke(app, ["import", "un-sc", str(fixture), "--out", str(pack)])
    assert imported.exit_code in (0, 4), imported.stderr  # the fixture has records to skip
    packs = ["--facts", str(pack), "--no-builtin"]

    cited = {
        style: runner.invoke(
            app, ["cite", "un-sc-consolidated-list", *packs, "--format", style.value]
        )
        for style in Style
    }
    listed = json.loads(runner.invoke(app, ["sources", *packs, "--json"]).stdout)

    assert {style: result.exit_code for style, result in cited.items()} == dict.fromkeys(Style, 0)
    assert cited[Style.APA].stdout == (
        "United Nations Security Council. (2020, January 1). United Nations Security Council "
        "Consolidated List [Data set]. Read from the file list-v1.xml.\n"
    )
    assert cited[Style.MLA].stdout.endswith(", 1 Jan. 2020. Read from the file list-v1.xml.\n")
    assert cited[Style.CHICAGO].stdout.endswith(
        "January 1, 2020. Read from the file list-v1.xml.\n"
    )
    assert "  note = {Read from the file list-v1.xml}\n" in cited[Style.BIBTEX].stdout
    assert "N1  - Read from the file list-v1.xml\n" in cited[Style.RIS].stdout
    assert json.loads(cited[Style.CSL_JSON].stdout)[0]["note"] == ("Read from the file list-v1.xml")
    assert all("http" not in result.stdout for result in cited.values())  # none invented
    assert [(source["file_name"], source["url"]) for source in listed] == [("list-v1.xml", None)]


def test_a_file_read_beside_an_address_follows_it() -> None:
    read = msgspec.structs.replace(
        _source("A list", "A Council", SourceKind.DATASET, url="https://example.org/list.xml"),
        file_name="list_2020.xml",
    )

    assert format_sources([read], Style.APA) == (
        "A Council. (n.d.). A list [Data set]. https://example.org/list.xml Read from the file "
        "list_2020.xml.\n"
    )
    assert "note = {Read from the file list\\_2020.xml}" in format_sources([read], Style.BIBTEX)
    assert source_line(read) == "A Council, “A list”, read from the file list_2020.xml"


def test_html_with_a_style_that_has_no_italics_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["cite", "gazette-2020", "--style", "bibtex", "--html", *MINI])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--html marks italics in apa, mla and chicago, not in bibtex" in result.stderr


# --- APA's sentence case ---------------------------------------------------------------------

from tqcli.cite import Capitals, capitals_of, ordinary_english, sentence_case  # noqa: E402

KNOWN = [
    "UN Security Council",
    "Islamic State in Iraq and the Levant",
    "GNU General Public License version 3",
    "Susan E. Rice",
]
PROSE = Capitals(
    [
        "In 2001 the Security Council adopted measures against the Taliban in Afghanistan.",
        "The resolution imposed sanctions; the council said the measures would be lifted.",
        "Saudi Arabia and Pakistan recognized the Taliban, the report said.",
        "the sanctions, the measures, the report, new measures, against terror groups",
        "it adopted a list, added names and imposed sanctions, with a note; it counts",
        "The Al-Qaida and Taliban Sanctions Committee lists them; Taliban sanctions went on.",
        "She spoke on CBS, Face the Nation, in March; the US and the UN said so.",
        "As Ambassador Susan E. Rice said,",
    ],
    names=["Susan E. Rice", "Haqqani Network", "al-Qaeda"],
    known=KNOWN,
    people=["Susan E. Rice"],
    groups=["al-Qaeda", "Haqqani Network", "Islamic State"],
    english=ordinary_english(),
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Headline style to sentence style: names, acronyms, numbered documents kept.
        (
            "UN Security Council Adopts New Sanctions Against Taliban",
            "UN Security Council adopts new sanctions against Taliban",
        ),
        ("Resolution 1267 (1999) Imposes Measures", "Resolution 1267 (1999) imposes measures"),
        ("Report Counts 2,461 Sanctions", "Report counts 2,461 sanctions"),  # a count, no name
        (
            "US Adds Haqqani Network to List of Terror Groups",
            "US adds Haqqani Network to list of terror groups",
        ),
        ("Statement by Ambassador Susan E. Rice", "Statement by Ambassador Susan E. Rice"),
        ("New Report: Al-Qaeda and the Taliban", "New report: Al-Qaeda and the Taliban"),
        # No common English word written in lower case, and the prose never writes it so:
        # perhaps a name, so kept (wordfreq alone lowers "syria", "margaret").
        ("Sanctions Against Taleban", "Sanctions against Taleban"),
        ("Sanctions on Syria", "Sanctions on Syria"),
        ("Groups in Iraq, Syria", "Groups in Iraq, Syria"),
        # A place's first word before a name that is no English word, nor a group's or a
        # person's: perhaps the place's (Greater Syria); not before al-Qaeda's name.
        ("Islamic State in Iraq and Greater Syria", "Islamic State in Iraq and Greater Syria"),
        ("Talks in New Delhi, North Waziristan", "Talks in New Delhi, North Waziristan"),
        ("UN Names New Al-Qaeda Leader", "UN names new Al-Qaeda leader"),
        (
            "Greater Role for Afghanistan, New Resolution",
            "Greater role for Afghanistan, new resolution",
        ),
        (
            "Secretary Pompeo With Margaret Brennan of CBS Face the Nation",
            "Secretary Pompeo with Margaret Brennan of CBS Face the Nation",  # prose: a name
        ),
        # Stranger 11: ordinary words lowered though the prose never writes them; a known
        # name's words kept though ordinary ("General Public License" of the GPL's name).
        ("GNU General Public License", "GNU General Public License"),
        (
            "In Move Designed to Keep Pace with Evolving Security Situation in Afghanistan, Defeat"
            " Terrorism, Security Council Splits Al-Qaida, Taliban Sanctions Regime",
            "In move designed to keep pace with evolving security situation in Afghanistan, defeat"
            " terrorism, Security Council splits Al-Qaida, Taliban sanctions regime",
        ),
        (
            "Adopting Resolution 2593 (2021), Security Council Condemns Deadly Attacks in"
            " Afghanistan, Calls for Combating Terrorism, Upholding Human Rights",
            "Adopting Resolution 2593 (2021), Security Council condemns deadly attacks in"
            " Afghanistan, calls for combating terrorism, upholding human rights",
        ),
        ("UN Security Council Has United Message", "UN Security Council has united message"),
        ("Trump Says Us Troops Will Leave", "Trump says US troops will leave"),  # an acronym
        # A bracketed name's part, all capitalised, kept: an Order's title.
        (
            "The Taliban (United Nations Measures) Order 2002: Explanatory Note",
            "The Taliban (United Nations Measures) Order 2002: Explanatory note",
        ),
        # Sentence style as published: left alone but for the subtitle's first word.
        (
            "Explained: why the Taliban are blaming the US",
            "Explained: Why the Taliban are blaming the US",
        ),
        (
            "UN says Taliban's closure of girls' schools is shameful",
            "UN says Taliban's closure of girls' schools is shameful",
        ),
    ],
)
def test_sentence_case(title: str, expected: str) -> None:
    assert sentence_case(title, PROSE) == expected


_TITLE_WORDS = st.sampled_from(
    [
        "UN", "US", "ISIL", "U.N.", "al-Qaeda", "Al-Qaida", "McX", "Taliban", "Security",
        "Council", "Adopts", "New", "Sanctions", "Against", "Resolution", "1267", "(1999)",
        "2593", "Report:", "the", "of", "Measures", "Amb.", "Rice", "Terror", "S/2021/486",
        "—", "Who", "is", "Part", "One", "Chapter", "VII", "‘At", "This", "Time’", "Groups,",
        "Greater", "New", "North", "Syria", "Syria,", "Face", "Nation", "Margaret", "Brennan",
        "Permanent", "Representative", "Deadly", "Us", "GNU", "General", "Public", "License",
        "Ambassador", "Susan", "E.", "Intra-Afghan", "Taliban-al-Qaeda", "why", "deal?",
    ]
)  # fmt: skip
_TITLES = st.lists(_TITLE_WORDS, min_size=1, max_size=12).map(" ".join)


@given(_TITLES)
def test_sentence_case_changes_only_the_case_of_letters(title: str) -> None:
    assert sentence_case(title, PROSE).lower() == title.lower()


@given(_TITLES)
def test_sentence_case_is_idempotent(title: str) -> None:
    once = sentence_case(title, PROSE)
    assert sentence_case(once, PROSE) == once


@given(_TITLES)
def test_sentence_case_keeps_acronyms_inner_capitals_digits_and_numbered_names(
    title: str,
) -> None:
    before, after = title.split(" "), sentence_case(title, PROSE).split(" ")
    for n, (word, now) in enumerate(zip(before, after, strict=True)):
        core = word.strip("“”‘’\"'(),:")
        inner = any(ch.isupper() for ch in core[1:])  # UN, U.N., al-Qaeda, McX, VII
        numbered = n + 1 < len(before) and before[n + 1][:1].isdigit()  # Resolution 1267
        starts = n == 0 or before[n - 1].endswith((":", "?", "!", "—"))  # a first capital
        if inner or numbered or any(ch.isdigit() for ch in word):
            assert now[starts:] == word[starts:]


@given(_TITLES)
def test_sentence_case_capitalises_the_first_word_and_only_lowers_the_others(
    title: str,
) -> None:
    before, after = title.split(" "), sentence_case(title, PROSE).split(" ")
    first = after[0].lstrip("“‘\"'(")
    assert not first[:1].isalpha() or first[0].isupper()
    for word, now in zip(before[1:], after[1:], strict=True):
        # Capitals appear only where sentence case asks for them: a subtitle's first word.
        assert now == word or now == word.lower() or now[:1].isupper()


_WORDS = st.sampled_from(
    ["Adopts", "New", "Sanctions", "Against", "the", "of", "Security", "Public", "General",
     "Calls", "Deadly", "Report:", "Terrorism,", "Syria", "Margaret", "License"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=5), st.sampled_from(KNOWN), st.lists(_WORDS, max_size=5))
def test_sentence_case_never_lowers_a_known_names_words(
    before: list[str], name: str, after: list[str]
) -> None:
    title = " ".join([*before, name, *after])
    kept = sentence_case(title, PROSE).split(" ")[len(before) : len(before) + len(name.split())]
    assert [w for w in kept if w[:1].isupper()] == [w for w in name.split() if w[:1].isupper()]


def test_apa_titles_of_the_built_in_pack_as_read_by_eye() -> None:
    """Every title of the built-in pack that APA gives in sentence case, as stored and as cited
    (`tq cite` with every source: the evidence of all of them at once), each line read by
    eye: tests/cite_apa_titles.txt (regenerate with TQ_WRITE_APA_TITLES=1, then read it)."""
    from tqcli.cite import _in_sentence_case
    from tqcli.index import in_memory
    from tqcli.loader import load
    from tqcli.packs import packs_in_effect

    index = in_memory(load(packs_in_effect([], include_builtin=True, environ={})).catalog.packs)
    sources = [s for s in index.catalog.sources.values() if _in_sentence_case(s)]
    capitals = capitals_of(index, sources)
    rows = sorted((s.title, sentence_case(s.title, capitals)) for s in sources)
    text = "".join(f"{title}\n{'=' if apa == title else '→ ' + apa}\n\n" for title, apa in rows)
    golden = Path(__file__).parent / "cite_apa_titles.txt"
    if os.environ.get("TQ_WRITE_APA_TITLES"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_apa_title_of_the_built_in_pack_keeps_its_names(runner: CliRunner) -> None:
    """Checked by eye (every APA reference of the built-in pack); this keeps what must never
    be lowered: acronyms, words with capitals inside, numbered documents, and the names the
    pack's prose writes capitalised."""
    listed = runner.invoke(app, ["sources", "--json"])
    ids = [source["id"] for source in json.loads(listed.stdout)]
    result = runner.invoke(app, ["cite", *ids])
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    for kept in (
        "UN Security Council resolution on Taliban, al Qaida",
        "Security Council requests Secretary-General to establish mechanism",
        "Resolution 1267 (1999), adopted unanimously",
        "Statement by Ambassador Susan E. Rice",
        # Read from the facts that write the title's words (pack11's 427 facts had pushed the
        # undated fact that writes "Haqqani Network" past the first 400 by date).
        "US adds Haqqani Network to list of terror groups",
        "UN identifies new Al-Qaeda leader in Iran",
        "Agreement for Bringing Peace to Afghanistan, Part One",  # an agreement's name
        "President Obama delivers remarks on Osama Bin Laden",
    ):
        assert kept in text


def test_a_cite_with_an_unknown_field_is_named_by_its_fact_file_and_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = tmp_path / "p1"
    pack.mkdir()
    (pack / "facts.toml").write_text(
        "[[source]]\n"
        'id = "s"\n'
        'title = "t"\n'
        'publisher = "p"\n'
        'kind = "news"\n'
        "[[figure]]\n"
        'id = "acme-widgets"\n'
        'claim = "Acme made 12 widgets."\n'
        "value = 12\n"
        "[[figure.cite]]\n"
        'source = "s"\n'
        'passage = "Acme made 12 widgets."\n'
        'unit = "widgets"\n',  # the figure's field, written under its cite
        encoding="utf-8",
    )

    result = runner.invoke(app, ["cite", "acme-widgets", "--no-builtin", "--facts", str(pack)])

    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.splitlines()[:2] == [
        f"{pack / 'facts.toml'}:6: figure 'acme-widgets': missing required field 'unit'",
        f"{pack / 'facts.toml'}:13: figure 'acme-widgets': cite 1: unknown field 'unit'",
    ]


def test_apa_keeps_a_known_names_capitals_from_the_command_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Stranger 11's pack: the title names the licence the pack knows as an entity, whose name
    goes on ("version 3"); its ordinary English words keep their capitals. MLA, Chicago and
    CSL-JSON give the title as before."""
    pack = tmp_path / "gpl-pack"
    pack.mkdir()
    (pack / "facts.toml").write_text(
        "[[source]]\n"
        'id = "fsf-gpl-3.0"\n'
        'title = "GNU General Public License"\n'
        'publisher = "Free Software Foundation"\n'
        'kind = "web-page"\n'
        "published = 2007-06-29\n"
        'url = "https://www.gnu.org/licenses/gpl-3.0.txt"\n'
        "[[entity]]\n"
        'id = "gnu-gpl-v3"\n'
        'name = "GNU General Public License version 3"\n'
        'kind = "document"\n'
        'aliases = ["GPLv3", "GPL-3.0"]\n'
        "[[event]]\n"
        'id = "gplv3-published"\n'
        'claim = "The Free Software Foundation published version 3 of the public licence."\n'
        "date = 2007-06-29\n"
        'about = ["gnu-gpl-v3"]\n'
        "[[event.cite]]\n"
        'source = "fsf-gpl-3.0"\n'
        'passage = "Version 3, 29 June 2007"\n',
        encoding="utf-8",
    )
    cite = ["cite", "fsf-gpl-3.0", "--no-builtin", "--facts", str(pack), "--style"]

    apa = runner.invoke(app, [*cite, "apa"])
    mla = runner.invoke(app, [*cite, "mla"])
    csl = runner.invoke(app, [*cite, "csl-json"])

    assert apa.exit_code == 0, apa.stderr
    assert apa.stdout == (
        "Free Software Foundation. (2007, June 29). GNU General Public License."
        " https://www.gnu.org/licenses/gpl-3.0.txt\n"
    )
    assert "“GNU General Public License.”" in mla.stdout
    assert json.loads(csl.stdout)[0]["title"] == "GNU General Public License"


@pytest.mark.parametrize("style", [Style.APA, Style.MLA, Style.CHICAGO])
def test_one_work_two_packs_cite_is_one_reference(style: Style) -> None:
    """Stranger 16, finding 14: an article a user's pack cites under its own id, as the
    built-in pack does under another, was printed twice."""
    article = _source(
        "Taliban and al-Qaeda: How are they linked?",
        "The Independent",
        SourceKind.NEWS,
        author="Joe Sommerlad",
        published="2021-09-07",
    )
    again = msgspec.structs.replace(article, id="my-copy", pack="mine")
    other = _source("Another work", "The Independent", SourceKind.NEWS, published="2021-09-08")

    printed = format_sources([article, other, again], style).splitlines()

    assert len(printed) == 2
    assert len(set(printed)) == 2
