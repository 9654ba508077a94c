"""plaintoml reads what tomli reads, exactly, or nothing (then tomli reads it): compared on
generated documents, plain ones and near misses of every kind, and on the importers' output."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcli import plaintoml
from tqcli.importers.shared import toml_tables


def _typed(value: Any) -> Any:
    """value with every type spelled out (True == 1 in Python; not in TOML)."""
    if isinstance(value, dict):
        return ("dict", [(key, _typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(item) for item in value])
    return (type(value).__name__, value)


def _same_as_tomli(text: str) -> dict[str, Any] | None:
    """plaintoml's reading of text, checked against tomli's: the same document, or None."""
    read = plaintoml.loads(text)
    try:
        expected = tomli.loads(text)
    except tomli.TOMLDecodeError:
        assert read is None, f"tomli refuses {text!r}, plaintoml read {read!r}"
        return None
    if read is not None:
        assert _typed(read) == _typed(expected), text
    return read


_KEYS = st.sampled_from(["id", "claim", "a", "b", "cite", "x-y", "9", "ab_c", "2001-01-01"])
_QUOTED_KEYS = st.sampled_from(['"quoted key"', '"a"', '""', '"\\u0061"', '"x\\ty"', '"é"'])
_TEXT = st.text(
    st.characters(codec="utf-8")
    | st.sampled_from(['"', "\\", "\t", "\x7f", "\x00", "\x1f", "é", "\u2028", "#", "="]),
    max_size=12,
)


@st.composite
def _strings(draw: st.DrawFn) -> str:
    """A basic string as JSON writes it, or with what only TOML (or only JSON) allows."""
    text = draw(_TEXT)
    written = json.dumps(text, ensure_ascii=draw(st.booleans()))
    spoilt = draw(
        st.sampled_from(
            [
                *("", "\\/", "\\e", "\\x41", "\\U0001F600", "\\ud800", "\\uD83D\\uDE00", "\t"),
                *("\x7f", "\\u00e9", "\\u0000", "\\", "\\ ", "\n", "\x00", "\\b\\f", "\u0085"),
            ]
        )
    )
    if spoilt and draw(st.integers(0, 7)) == 0:
        at = draw(st.integers(1, len(written) - 1))
        written = written[:at] + spoilt + written[at:]
    return written if draw(st.integers(0, 19)) else f"'{text}'"


_INTEGERS = (
    st.integers(-(10**20), 10**20).map(str)
    | st.integers().map(str)
    | st.sampled_from(
        ["+1", "-0", "+0", "01", "1_000", "0x1f", "0o7", "0b1", "1.5", "-0.0", "1e5", "inf", "nan"]
    )
)
_DATES = st.dates().map(datetime.date.isoformat) | st.sampled_from(
    [
        *("2001-02-30", "2001-13-01", "0000-01-01", "1979-05-27T07:32:00", "1979-05-27 07:32:00"),
        *("07:32:00", "2001-1-01", "1979-05-27T00:32:00Z"),
    ]
)
_SCALARS = _strings() | _INTEGERS | _DATES | st.sampled_from(["true", "false", "True", "null"])


@st.composite
def _values(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 3)):
        return draw(_SCALARS)
    items = draw(st.lists(_SCALARS | st.sampled_from(["[1, 2]", "{a = 1}"]), max_size=4))
    separator = draw(st.sampled_from([", "] * 5 + [",", " , ", ",\n"]))
    close = draw(st.sampled_from(["]"] * 5 + [",]", " ]"]))
    return "[" + separator.join(items) + close


_HEADERS = st.sampled_from(["figure", "event", "cite", "x-y"]).flatmap(
    lambda name: st.sampled_from(
        [f"[[{name}]]", f"[[{name}.cite]]", f"[[{name}.note]]"] * 3
        + [f"[{name}]", f"[[ {name} ]]", f"[[{name}.cite.x]]", f'[["{name}"]]', f"[[{name}]] # c"]
    )
)


@st.composite
def _lines(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 4:
        equals = draw(st.sampled_from([" = "] * 20 + ["=", "  = ", "\t= "]))
        key = draw(_KEYS | _QUOTED_KEYS | st.sampled_from(["a.b", " id", "'a'"]))
        end = draw(st.sampled_from(["", "", "", " ", "\t", " # c"]))
        return f"{key}{equals}{draw(_values())}{end}"
    if kind <= 7:
        return draw(_HEADERS)
    return draw(st.sampled_from(["", " ", "\t", "# a comment", "  # \x7f", "#\x00", "# é\t"]))


@given(st.lists(_lines(), max_size=12), st.sampled_from(["\n"] * 3 + ["\r\n"]), st.booleans())
@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
def test_what_plaintoml_reads_is_what_tomli_reads(
    lines: list[str], newline: str, final: bool
) -> None:
    _same_as_tomli(newline.join(lines) + (newline if final else ""))


@st.composite
def _plain_documents(draw: st.DrawFn) -> str:
    """Plain TOML only: each table's keys given once, each [[a.b]] after an [[a]]."""
    lines: list[str] = []
    for kind in draw(st.lists(st.sampled_from(["figure", "event"]), min_size=1, max_size=4)):
        subtables = st.sampled_from([f"[[{kind}.cite]]", f"[{kind}.details]"])
        for header in (f"[[{kind}]]", *draw(st.lists(subtables, max_size=2, unique=True))):
            lines.append(header)
            names = st.sampled_from(["id", "claim", "n", "on", '"place of birth"'])
            for key in draw(st.lists(names, unique=True)):
                scalar = draw(
                    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"])).map(
                        lambda text: json.dumps(text, ensure_ascii=False)
                    )
                    | st.integers(-(10**17), 10**17).map(str)
                    | st.dates().map(datetime.date.isoformat)
                    | st.sampled_from(["true", "false"])
                )
                value = scalar if draw(st.booleans()) else f"[{scalar}, {scalar}]"
                lines.append(f"{key} = {value}")
            lines.append(draw(st.sampled_from(["", "# note"])))
    return "\n".join(lines) + "\n"


@given(_plain_documents())
def test_plain_toml_is_read_as_tomli_reads_it(text: str) -> None:
    assert _same_as_tomli(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "# only a comment",
        'a = "x"\n[[figure]]\nid = "f"\n[[figure.cite]]\nsource = "s"\n[[figure.cite]]\nn = 2',
        "[[figure]]\nupdated = [2001-01-25, 2002-02-28]\non = 2001-01-25\n",
        '[[figure]]\nclaim = "On 2001-01-25, \\"a\\" said: [2001-01-25, x]"\n',
        '[[figure]]\nnames = ["2001-01-25", 2001-01-25, "a, 2001-01-25"]\n',
        '[[figure]]\nclaim = "a\\\\"\n[[event]]\nid = "e"\n',
        '[[entity]]\nid = "e"\n[entity.attributes]\n"place of birth" = ["Kabul"]\n[[entity]]\n',
        '[meta]\nversion = 2\n[[figure]]\n"id" = "f"\n',
    ],
)
def test_plain_documents_are_read(text: str) -> None:
    assert _same_as_tomli(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        'a = "x"\na = "y"',  # a key twice
        "[[figure]]\nid = 1\nid = 2",
        "[[figure.cite]]\nn = 1\n[[figure]]",  # [[a.b]] before [[a]]
        "figure = 1\n[[figure]]",  # an array of tables where a value is
        "[[figure]]\ncite = 1\n[[figure.cite]]",
        "[[figure]]\non = 2001-02-30",  # no such day
        "[[figure]]\nclaim = 'literal'",  # not plain: tomli reads it
        "[[figure]]\nvalue = 2.5",
        '[[figure]]\nclaim = "tab\there"',
        "[[figure]]\r\nid = 1\r\n",
        '[[figure]]\n"id" = 1\nid = 2',  # the same key, quoted and bare
        "[[figure]]\n[figure.details]\n[figure.details]",  # a table defined twice
        "[[figure]]\n[figure.details]\n[[figure.details]]",
        "[meta]\n[meta]",
        '"" = 1',  # the empty key: the root's name while the tables are put together
        # What JSON reads, but not as tomli does (the quick check, _as_json_reads_it):
        "a = \n1",  # a value on the next line
        "a = \n# c\n1",
        "a = null",
        'a = {"b" = 1}',  # an inline table: tomli reads it
        'a = 1, "b": 2',
        'a = 1\n,"a":2',
        'a = "x"\n,"b":2',
        "a = 12345678901234567890",
        "a = 1e5",
        "a = 1E5",
        "a = -0.0",
        "# \x01\na = 1",  # a control character in a comment
        "a = [\n1,\n2,\n]",  # a comma after the last item (tomli reads it)
        'a = "x\x7f"',
        'a = "\\/"',
    ],
)
def test_what_is_not_plain_is_left_to_tomli(text: str) -> None:
    assert plaintoml.loads(text) is None
    _same_as_tomli(text)


@pytest.mark.parametrize(
    "text",
    [
        "a = [\n  1,\n  2\n]\n",
        "a = [\n# c\n1]\n",
        "a = [[1, 2], [3]]\n",
        'a = ["x",\n"y"]\n[[figure]]\nb = [\n"z"]\n',
        "a = 1 \t\n",
        'a = "# not a comment"\n  # a comment\nb = 2\n',
        "#\ta\na = 1",  # a tab in a comment
    ],
)
def test_what_json_reads_as_tomli_does_is_read(text: str) -> None:
    assert _same_as_tomli(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        *(
            "a = [\n1,\n]",
            'a = [\n"x"\n,"y"]',
            "a = [1\n,2]",
            "a = [\n[1]\n]",
            "a = [ ]",
            "a = [\t1\t]",
        ),
        *('[[a]]\nb = [\n{"c" = 1}]', 'a = [\n"x" # c\n]', "a = [\n\n1\n\n]\nb = 2", "a = [1] # c"),
        *("a = [\n  2001-01-01,\n]", "a = [2001-01-01,\n2001-01-02]", "a = [\n2001-01-01]"),
        *("a = 2001-01-01\nb = [\n1]", 'a = [\n"b = 1"\n]', "a = [\n b = 1]", "a = -", "a = 1_0"),
        *("[x]\na = [\n]\n[x.y]\nb = 1", 'a = "x"\t# c', 'a = [\n# "\n1]', 'a = [\n# "\n"y"]'),
        *('# "\na = "b"', 'a = "#"\n# x "y" z\nb = 1', "a = true\nb = false\nc = [true, 1]"),
        *("a = 123456789012345678", "a = 1234567890123456789", "a = 9223372036854775807"),
        *('x = [\n1,\n2]\n[[y]]\nz = [\n"q"]\n[[y.w]]\nv = 1', '"a b" = 1\n"c" = [\n2]'),
        *('a = [\n"\u2028"]', 'a = "\u00a0"', "\u00a0a = 1", "a = [\n1,\n2 \n ]\n", "a = -0"),
    ],
)
def test_forms_over_several_lines_are_read_as_tomli_reads_them_or_left_to_it(text: str) -> None:
    _same_as_tomli(text)


def test_the_importers_output_is_plain(tmp_path: Path) -> None:
    tables = [
        {
            "id": "un-qdi.421",
            "claim": 'Listed as "Hamza" \\ bin Laden\u2028 é \x7f \x01',
            "date": datetime.date(2001, 1, 25),
            "updated": [datetime.date(2005, 1, 1), datetime.date(2019, 3, 1)],
            "about": ["a", "b"],
            "tags": [],
            "value": 12,
            "listed": True,
            "cite": [{"source": "s", "passage": "p"}, {"source": "t", "passage": "q"}],
        }
    ]
    text = toml_tables("sanction", tables)
    assert _same_as_tomli(text) == {"sanction": tables}


def test_the_importers_entities_are_plain() -> None:
    tables = [
        {
            "id": "un-qdi.421",
            "name": "Hamza bin Laden",
            "aliases": [{"name": "Hamza", "quality": "good"}, {"name": "Abu Mu'adh"}],
            "attributes": {"place of birth": ["Jeddah"], "name in original script": ["حمزة"]},
        },
        {"id": "un-qde.004", "attributes": {"listed on": [datetime.date(2001, 10, 6)]}},
    ]
    text = toml_tables("entity", tables)
    assert _same_as_tomli(text) == {"entity": tables}
