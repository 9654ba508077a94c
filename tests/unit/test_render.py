"""Renderers on constructed hits: no pack, no index, no CLI; JSON compared as data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcli.model import (
    Alias,
    Catalog,
    Citation,
    Entity,
    EntityKind,
    Fact,
    Figure,
    Hit,
    Location,
    Note,
    Pack,
    PartialDate,
    Source,
    SourceKind,
)
from tqcli.render.csv_output import CsvRenderer
from tqcli.render.json_output import JsonRenderer
from tqcli.render.layout import change_text
from tqcli.render.plain import PlainRenderer

WHERE = Location(Path("/packs/test/facts.toml"), 3)
SOURCE = Source(
    id="paper",
    title="A Paper",
    publisher="The Press",
    kind=SourceKind.NEWS,
    author=None,
    published=PartialDate(2020, 5),
    url="https://example.org/paper",
    accessed=None,
    archive=None,
    notes=(),
    pack="test",
    where=WHERE,
)
ENTITY = Entity(
    id="acme",
    name="Acme",
    kind=EntityKind.ORGANIZATION,
    aliases=(Alias("ACME Corp"),),
    description=None,
    attributes={},
    same_as=(),
    pack="test",
    where=WHERE,
)
FACT = Fact(
    id="acme-widgets",
    claim="Acme reportedly made 1,200 widgets.",
    date=PartialDate(2019),
    about=("acme",),
    tags=("widgets",),
    citations=(Citation("paper", "made 1,200 widgets", "p. 2"),),
    notes=(Note("A note.", None),),
    asserted_by=None,
    hedge="reportedly",
    details=Figure(1200, None, None, "widgets", None),
    pack="test",
    where=WHERE,
)
CATALOG = Catalog(
    packs=(Pack("test", Path("/packs/test"), "--facts"),),
    facts=(FACT,),
    sources={"paper": SOURCE},
    entities={"acme": ENTITY},
)


def _json(hit: Hit) -> dict[str, object]:
    out = io.StringIO()
    JsonRenderer(out, lines=True, pretty=False, ascii_only=False).facts([hit], CATALOG, full=False)
    [line] = out.getvalue().splitlines()
    data: dict[str, object] = json.loads(line)
    return data


def test_a_fact_as_json_resolves_its_references() -> None:
    data = _json(Hit(FACT, 2.5))

    assert data["id"] == "acme-widgets"
    assert data["kind"] == "figure"
    assert data["date"] == "2019"
    assert data["about"] == [
        {
            "id": "acme",
            "name": "Acme",
            "kind": "organization",
            "description": None,
            "aliases": [{"name": "ACME Corp", "quality": None, "note": None}],
            "attributes": {},
            "same_as": [],
        }
    ]
    assert data["details"] == {
        "value": 1200,
        "min": None,
        "max": None,
        "unit": "widgets",
        "qualifier": None,
    }
    [source] = data["sources"]  # type: ignore[misc]
    assert source["id"] == "paper"
    assert (source["passage"], source["locator"]) == ("made 1,200 widgets", "p. 2")
    assert data["notes"] == [{"text": "A note.", "stance": "context", "source": None}]
    assert data["score"] == 1.0  # the only result: the best of its list (docs/json.md)


@pytest.mark.parametrize("ascii_only", [False, True])
def test_a_batch_line_holds_the_query_and_the_same_fact_data(ascii_only: bool) -> None:
    out = io.StringIO()
    renderer = JsonRenderer(out, lines=True, pretty=False, ascii_only=ascii_only)

    renderer.batch_answer("widgets\u202e", [Hit(FACT, 1.0)], CATALOG)
    renderer.batch_answer("?!", [], CATALOG, error="nothing to search for")

    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == {"query": "widgets\u202e", "results": [_json(Hit(FACT, 1.0))]}
    assert second == {"query": "?!", "results": [], "error": "nothing to search for"}
    assert "\u202e" not in out.getvalue()  # escaped, as in all JSON output
    assert out.getvalue().isascii() or not ascii_only


def test_plain_shows_claim_value_and_source() -> None:
    out = io.StringIO()
    PlainRenderer(out).facts([Hit(FACT)], CATALOG, full=False)

    text = out.getvalue()
    assert "acme-widgets" in text
    assert "Acme reportedly made 1,200 widgets." in text
    assert "1,200 widgets" in text
    assert "The Press" in text


def _hedged_fact() -> tuple[Fact, Catalog]:
    from tqcli.model import Event

    hedged = msgspec.structs.replace(
        FACT,
        claim="Acme's founder may now be in Ruritania.",
        hedge="may",
        details=Event("Ruritania", None),
    )
    return hedged, msgspec.structs.replace(CATALOG, facts=(hedged,))


def test_an_answer_shows_the_hedge_as_the_fact_does() -> None:
    """Stranger 15, 22: tq show said "Hedged: may" where tq ask's answer for the same fact did
    not; the answer reads no firmer than its fact now. (A figure whose qualifier is the hedge
    says it in its value, in both.)"""
    from tqcli.model import Answers, Match, Reply

    hedged, catalog = _hedged_fact()
    shown, asked = io.StringIO(), io.StringIO()
    PlainRenderer(shown).facts([Hit(hedged)], catalog, full=False)
    answers = Answers((Hit(hedged, 1.0),), (), (Reply(Match.ANSWER, "Acme (as of 2019)"),))
    PlainRenderer(asked).answers(answers, catalog)

    assert "Hedged: may" in shown.getvalue()
    assert asked.getvalue().splitlines()[:2] == ["Answer: Acme (as of 2019)", "  Hedged: may"]


def test_an_answer_that_says_its_hedge_does_not_say_it_twice() -> None:
    """ask's short answer for "who" carries the hedge ("(hedged: may; as of 2019)"): the
    answer block then shows no second "Hedged:" line under it."""
    from tqcli.model import Answers, Match, Reply

    hedged, catalog = _hedged_fact()
    asked = io.StringIO()
    answers = Answers((Hit(hedged, 1.0),), (), (Reply(Match.ANSWER, "Acme (hedged: may)"),))
    PlainRenderer(asked).answers(answers, catalog)

    lines = asked.getvalue().splitlines()
    assert lines[0] == "Answer: Acme (hedged: may)"
    assert not any("Hedged:" in line for line in lines)


def test_an_answer_without_a_hedge_has_no_hedge_line() -> None:
    from tqcli.model import Answers, Match, Reply

    hedged, catalog = _hedged_fact()
    plain = msgspec.structs.replace(hedged, hedge=None)
    asked = io.StringIO()
    answers = Answers((Hit(plain, 1.0),), (), (Reply(Match.ANSWER, "Acme"),))
    PlainRenderer(asked).answers(answers, msgspec.structs.replace(catalog, facts=(plain,)))

    lines = asked.getvalue().splitlines()
    assert lines[0] == "Answer: Acme"
    assert not any("Hedged:" in line for line in lines)


def test_csv_is_a_header_and_a_row() -> None:
    out = io.StringIO()
    CsvRenderer(out).facts([Hit(FACT)], CATALOG, full=False)

    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert dict(zip(header, row, strict=True))["id"] == "acme-widgets"
    assert dict(zip(header, row, strict=True))["claim"] == "Acme reportedly made 1,200 widgets."


_CELL = st.text(alphabet="abcdefghij -", min_size=1, max_size=90)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.tuples(_CELL, st.integers(0, 99999), _CELL, _CELL), min_size=1, max_size=8),
    width=st.integers(20, 200),
)
def test_fitted_columns_fit_and_keep_whole_columns_whole(
    rows: list[tuple[str, int, str, str]], width: int
) -> None:
    from tqcli.render.layout import Table, fitted_widths

    table = Table(
        "T",
        ("id", "facts", "kind", "text"),
        tuple((a, str(n), b, c) for a, n, b, c in rows),
        (False, True, False, False),
        (True, False, False, False),
    )
    widest = [max(map(len, column)) for column in zip(table.headers, *table.rows, strict=True)]
    room = width - 1 - 3 * len(widest)

    widths = fitted_widths(table, width)

    if widths is None:
        assert sum(widest) <= room
        return
    if room >= widest[1] + 3:  # the numbers, and a character for each other column
        assert sum(widths) <= room
    assert all(0 < w <= wide for w, wide in zip(widths, widest, strict=True))
    assert widths[1] == widest[1]  # numbers are never wrapped
    if widest[0] + widest[1] + 2 * 4 <= room:  # the id fits beside the narrowest others
        assert widths[0] == widest[0]


def test_an_import_report_of_many_changes_gives_the_first_and_a_count() -> None:
    from tqcli.model import ImportReport, ListChanges
    from tqcli.render.layout import import_lines

    refs = tuple(f"QDi.{n:03}" for n in range(500))
    names = {"QDi.000": "First Name", "QDi.001": "QDi.001"}  # a name that is its reference: once
    changes = ListChanges(
        "Al-Qaida", 500, refs, refs[:3], dict.fromkeys(refs, ("name",)), names=names
    )
    report = ImportReport("list.xml", Path("un"), True, None, True, None, (changes,), ())

    lines = [(line.indent, line.text) for line in import_lines(report)]

    named = ["QDi.000 (First Name)", *refs[1:20]]
    assert (2, "added: " + ", ".join(named) + ", and 480 more (--json lists them all)") in lines
    assert (2, "removed: QDi.000 (First Name), QDi.001, QDi.002") in lines
    amended = [text for _, text in lines if text.startswith("amended")]
    assert amended == [f"amended {ref}: name" for ref in named]
    assert lines[-1] == (2, "and 480 more amended (--json lists them all)")
    assert len(lines) == 3 + 2 + 20 + 1


def test_an_import_report_counts_amendments_only_in_spacing_and_gives_the_others_first() -> None:
    from tqcli.model import ImportReport, ListChanges
    from tqcli.render.layout import import_lines

    amendments = {
        "TAi.001": {"remarks": ("web link: https://un.org/a", "web link:https://un.org/a")},
        "TAi.002": {"remarks": ("born in\nKabul", "born in Kabul"), "name": ("A B", "A  B")},
        "TAi.003": {"remarks": ("web link: https://un.org/a", "web link:https://un.org/b")},
    }
    changes = ListChanges(
        "Taliban",
        3,
        (),
        (),
        {ref: tuple(fields) for ref, fields in amendments.items()},
        amendments=amendments,
    )
    report = ImportReport("list.xml", Path("un"), True, None, True, None, (changes,), ())

    texts = [line.text for line in import_lines(report)]

    assert "Taliban: 3 listing(s); 0 added, 0 removed, 3 amended (2 only in spacing)" in texts
    amended = [text for text in texts if text.startswith("amended")]
    assert amended == [
        "amended TAi.003: remarks",
        "amended TAi.001: remarks",
        "amended TAi.002: remarks, name",
    ]


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (
            "Notices-Entities",
            "Notices-Individuals",
            "“Notices-Entities” became “Notices-Individuals”",
        ),
        (
            "A long remark about the listing that ends in Entities",
            "A long remark about the listing that ends in Individuals",
            "“…that ends in Entities” became “…that ends in Individuals”",  # a few words before
        ),
        (  # stranger-11: a space gone and a word changed, both seen (they were elided)
            "INTERPOL-UN Security Council Special Notice web link: https://www.interpol.int/"
            "en/How-we-work/Notices/View-UN-Notices-Entities",
            "INTERPOL-UN Security Council Special Notice web link:https://www.interpol.int/"
            "en/How-we-work/Notices/View-UN-Notices-Individuals",
            "“…Notice web link: https://www.…” became “…Notice web link:https://www.…”;"
            " “…View-UN-Notices-Entities” became “…View-UN-Notices-Individuals”",
        ),
        (  # stranger-11: an alias's note, said as such (was "gained …, lost null")
            [["Al Qa’ida/Islamic Army", "a.k.a.", None], ["AL-QAIDA", "Good", None]],
            [
                ["Al Qa’ida/Islamic Army", "a.k.a.", "formerly listed as"],
                ["AL-QAIDA", "Good", None],
            ],
            "alias “Al Qa’ida/Islamic Army”: note “formerly listed as” added",
        ),
        (
            [["AL-KIFAH", "a.k.a.", "old note"]],
            [["AL-KIFAH", "Low", None]],
            "alias “AL-KIFAH”: quality “a.k.a.” became “Low”, note “old note” removed",
        ),
        (["IRAN"], ["IRAN", "SDGT"], "gained “SDGT”"),
        (["a", "b"], ["b", "a"], "the same items in another order"),
        (  # one attribute or vessel field changed: said by its name
            [["address", ["Kabul"]]],
            [["address", ["Kandahar"]]],
            "address “Kabul” became “Kandahar”",
        ),
        (
            [["call sign", "9ABC"], ["vessel flag", "Panama"]],
            [["call sign", "9ABC"], ["vessel flag", "Malta"]],
            "vessel flag “Panama” became “Malta”",
        ),
        (None, "formerly listed as", "none became “formerly listed as”"),
        ("web link: https://x", "web link:  https://x", "spacing only"),
        (  # an alias: its name quoted, its quality or note after it; never JSON
            [["AFGHAN SERVICE BUREAU", "a.k.a.", None], ["AL-KIFAH", "a.k.a.", None]],
            [["AL-KIFAH", "a.k.a.", None], ["MAKTAB", "Good", None]],
            "gained “MAKTAB” (Good), lost “AFGHAN SERVICE BUREAU” (a.k.a.)",
        ),
        (  # attributes: by name, their values quoted
            [["address", ["Havana, Cuba"]], ["nationality", ["Cuba"]]],
            [],
            "lost address “Havana, Cuba”; nationality “Cuba”",
        ),
    ],
)
def test_a_change_is_said_by_what_differs(before: object, after: object, said: str) -> None:
    assert change_text(before, after) == said


def test_a_narrow_terminal_keeps_each_path_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths are copied into other commands: the other columns wrap first (a 30-column
    # terminal used to cut them into 7-character pieces).
    from tqcli.locations import Locations
    from tqcli.model import Pack
    from tqcli.render.rich_output import RichRenderer

    monkeypatch.setenv("COLUMNS", "30")
    pack = Pack("builtin", Path("/usr/lib/tq/facts"), "builtin")
    locations = Locations(Path("/home/ann/tq/c.toml"), False, None, None, (pack,))
    out = io.StringIO()

    RichRenderer(out, colored=False, force_terminal=True).paths(locations)

    lines = [line.strip() for line in out.getvalue().splitlines()]
    assert any("/home/ann/tq/c.toml" in line for line in lines), lines
    assert any("/usr/lib/tq/facts" in line for line in lines), lines


def test_a_stacked_row_leaves_out_what_is_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder that is there has nothing in its last column: no dangling "·" (stranger 9).
    from tqcli.locations import Locations
    from tqcli.render.rich_output import RichRenderer

    monkeypatch.setenv("COLUMNS", "30")
    locations = Locations(Path("/home/ann/tq/c.toml"), True, Path("/"), Path("/"), ())
    out = io.StringIO()

    RichRenderer(out, colored=False, force_terminal=True).paths(locations)

    lines = [line.strip() for line in out.getvalue().splitlines()]
    assert lines[:4] == ["Files", "config file", "path /home/ann/tq/c.toml", "user pack folder"]
    assert "path /" in lines, lines
    assert not [line for line in lines if line.endswith("·")], lines
