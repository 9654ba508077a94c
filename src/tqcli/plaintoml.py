"""Plain TOML read in C: the fact files tq's importers write (and many written by hand), as
tomli reads them, in about half its instructions; None for any other TOML, which tomli reads.

Plain TOML is a subset whose every line is blank, a comment, a table header (`[[name]]`,
`[[name.sub]]`, `[name]` or `[name.sub]`) or `key = value` with a bare or quoted key and one
space either side of `=`; a value is a basic string with only the escapes JSON shares with
TOML (and no raw tab), a decimal integer of at most 18 digits, `true`, `false`, a date
(`2001-01-25`) or a one-line array of those written `[a, b]`. That is what
`importers.shared.toml_tables` writes, and bench/synthetic.py too. In that subset a line is
JSON but for its key and header, so the text is made JSON by two splits (no string holds a
line break, so every line break starts a line), decoded by msgspec, and its tables put
together as tomli puts them. What tomli would refuse (a key given twice, a table defined
twice, an array of tables where a value of its name is, a date that does not exist) is left
to tomli, which says where; tests/unit/test_plaintoml.py compares the two on generated
documents.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import msgspec

_KEY = r"[A-Za-z0-9_-]+"
_CHARACTERS = r'[^"\\\x00-\x1f\x7f]*'  # TOML's and JSON's alike (a tab is TOML's alone)
_ESCAPE = r'\\(?:["\\bfnrt]|u(?:[0-9a-cA-Ce-fE-F][0-9A-Fa-f]{3}|[dD][0-7][0-9A-Fa-f]{2}))'
_STRING = f'"{_CHARACTERS}(?:{_ESCAPE}{_CHARACTERS})*"'  # (no surrogate: TOML has none)
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_SCALAR = rf"(?:{_STRING}|{_DATE}|-?(?:0|[1-9][0-9]{{0,17}})|true|false)"
_ARRAY = rf"\[(?:{_SCALAR}(?:, {_SCALAR})*)?\]"
_NAME = rf"{_KEY}(?:\.{_KEY})?"  # of a table: [[name]] or [name]
_LINE = (
    rf"(?:\[\[{_NAME}\]\]|\[{_NAME}\]|(?:{_KEY}|{_STRING}) = (?:{_SCALAR}|{_ARRAY}))?[ \t]*"
    r"|[ \t]*#[^\x00-\x08\x0a-\x1f\x7f]*"
)
_PLAIN = re.compile(rf"(?:(?:{_LINE})\n)*(?:{_LINE})")
_COMMENT = re.compile(r"\n[ \t]*#[^\n]*")
_KEY_LINE = re.compile(rf"\n({_KEY}|{_STRING}) = ")
_HEADER_LINE = re.compile(rf"\n\[(\[{_NAME}\]|{_NAME})\]")
_MAYBE_DATE = re.compile(r"-[0-9]{2}-(?<=[ \[][0-9]{4}-[0-9]{2}-)[0-9]{2}")
_DATE_VALUE = re.compile(rf"({_DATE})[ \t]*(?:\n|$)")
_ARRAY_VALUE = re.compile(_ARRAY)
_DATE_OR_STRING = re.compile(rf"({_DATE})|{_STRING}")
_JSON = msgspec.json.Decoder()
_FLOAT_OR_LONG = re.compile(r"[0-9](?:[.eE]|[0-9]{18})")
_VALUE_ON_NEXT_LINE = re.compile(r" = [ \t]*\n")


def loads(text: str) -> dict[str, Any] | None:
    """What tomli.loads makes of text, if it is plain TOML (above), or of the same in the few
    other forms where JSON reads it as tomli does (see _as_json_reads_it); None otherwise."""
    written = text
    text = "\n" + text  # a first line follows a line break too
    comments: list[str] = []
    if "#" in text:
        comments = _COMMENT.findall(text)
        text = _COMMENT.sub("", text)  # (a "#" in a string is never first on its line)
    if not _as_json_reads_it(text, comments) and _PLAIN.fullmatch(written) is None:
        return None
    # Each line "key = value" becomes ',"key":value' and each header '},{"":"name"' (an array
    # of tables' name in its brackets, "[name]"): every table a JSON object, its name its first
    # key, after the root's (named "").
    parts = _KEY_LINE.split(text)
    keys = len(parts) // 2
    if '\n"' in text:  # a quoted key (a JSON string already) among them, maybe
        parts[1::2] = map(_key_written, parts[1::2])
    else:
        parts[1::2] = _each_between(parts[1::2], ',"', '":')
    dated = _MAYBE_DATE.search(text) is not None  # (maybe in a string only: then no date)
    if dated:
        parts[2::2] = map(_dates_marked, parts[2::2])
    parts = _HEADER_LINE.split("".join(parts))
    parts[1::2] = _each_between(parts[1::2], '},{"":"', '"')
    try:
        tables = _JSON.decode('[{"":""' + "".join(parts) + "}]")
        if sum(map(len, tables)) != keys + len(tables):
            return None  # a key given twice in a table
        return _put_together(tables, dated)
    except (msgspec.DecodeError, ValueError):
        return None  # not as tomli reads it after all: tomli says why


def _as_json_reads_it(text: str, comments: list[str]) -> bool:
    """Whether JSON reads text (with a line break first, and without its comment lines, which
    were comments) as tomli reads it, once made JSON as loads() makes it: a quicker check than
    _PLAIN (a fifth of the time, which was a third of loads() in a fact file), which it says
    nothing about (then _PLAIN is asked). It holds where no text escapes (a backslash), every
    string ends on its line, and outside strings are no JSON-only values (null, objects, a key
    and its colon, floats, integers beyond 18 digits), no value starts on the next line, no
    DEL and no carriage return; and where comments hold only printable characters."""
    if "\\" in text or "\x7f" in text or "\r" in text:
        return False
    parts = text.split('"')  # without escapes, every quote opens or closes a string
    if "\n" in "".join(parts[1::2]):
        return False  # a string that ends on another line, or a quote out of place
    outside = '""'.join(parts[0::2])  # the text with every string emptied
    if ":" in outside or "{" in outside or "}" in outside or "null" in outside:
        return False
    if _FLOAT_OR_LONG.search(outside) or _VALUE_ON_NEXT_LINE.search(outside):
        return False
    return not comments or "".join(comments).replace("\n", "").isprintable()


def _each_between(names: list[str], before: str, after: str) -> list[str]:
    """Each name (bare: no line break in it) between before and after, in C (str.format a
    name took an eighth of the time of reading its line)."""
    if not names:
        return []
    return (before + (after + "\n" + before).join(names) + after).split("\n")


def _key_written(key: str) -> str:
    return f",{key}:" if key.startswith('"') else f',"{key}":'


def _dates_marked(value: str) -> str:
    """A value (and the lines after it) with each date a JSON object {"": date}: no other
    value of plain TOML is one."""
    date = _DATE_VALUE.match(value)
    if date is not None:
        return '{"":"' + date.group(1) + '"}' + value[len(date.group(1)) :]
    array = _ARRAY_VALUE.match(value) if value.startswith("[") else None
    if array is None:
        return value
    return _DATE_OR_STRING.sub(_marked, array.group()) + value[array.end() :]


def _marked(token: re.Match[str]) -> str:
    date = token.group(1)
    return token.group() if date is None else '{"":"' + date + '"}'


def _put_together(tables: list[dict[str, Any]], dated: bool) -> dict[str, Any] | None:
    """The document of the tables (each named by its key ""), as tomli makes it; None where
    tomli would refuse it."""
    root = tables[0]
    del root[""]
    if dated:
        for table in tables:
            _dates_read(table)
    made: set[int] = set()  # the arrays of tables that headers made (by id)
    for table in tables[1:]:
        name: str = table.pop("")
        is_array = name.startswith("[")
        parent, _, child = name.strip("[]").partition(".")
        into, name = root, parent
        if child:
            parents = root.get(parent)
            if parents is None or id(parents) not in made:
                return None  # [[a.b]] or [a.b] with no [[a]] before it: tomli's own rules
            into, name = parents[-1], child
        if not is_array:  # [a] or [a.b]: a table of its own, defined once
            if name in into:
                return None
            into[name] = table
            continue
        array = into.get(name)
        if array is None:
            array = into[name] = []
            made.add(id(array))
        elif id(array) not in made:
            return None  # an array of tables where a value or a table of its name is
        array.append(table)
    return root


def _dates_read(table: dict[str, Any]) -> None:
    """The dates marked in table's values made dates (ValueError for one that does not exist)."""
    for key, value in table.items():
        if type(value) is dict:
            table[key] = datetime.date.fromisoformat(value[""])
        elif type(value) is list and dict in map(type, value):
            table[key] = [
                datetime.date.fromisoformat(item[""]) if type(item) is dict else item
                for item in value
            ]
