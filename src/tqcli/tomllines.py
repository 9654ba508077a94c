"""Finding the line where a TOML table or key is written, for messages and fact locations.

tomli returns plain dicts without positions, so the lines are found in the text. Two scans:

- a fast one, one regular expression over the whole text, finds the ``[[table]]`` headers of
  top-level arrays: every fact's location comes from it;
- a careful one, line by line and aware of multi-line strings, finds sub-tables and keys. It only
  runs when a problem needs locating, and also when the fast scan's count of a table disagrees
  with what the parser found (a header-like line inside a multi-line string).

Either is a best effort for files tomli accepted: when a line cannot be told, callers fall back
to the table's line, or to the file alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tomli

_PLAINER = {
    # tomli's words where a string runs into the end of its line: say what the writer did.
    "Illegal character '\\n'": "a string is not closed on its line (a missing quote?)",
}


_UNCLOSED = {"Unclosed array": ("[", "]"), "Unclosed inline table": ("{", "}")}
"""tomli's messages for a bracket left open, which it reports where it gave up reading."""


def syntax_message(message: str) -> str:
    """A TOML syntax error as tq says it: tomli's message, in plainer words where they mislead."""
    return f"TOML syntax error: {_PLAINER.get(message, message)}"


def syntax_error(text: str, error: tomli.TOMLDecodeError) -> tuple[int | None, int | None, str]:
    """The line, column and message of a TOML syntax error in text, as tq says it: where tomli
    gave up reading, with its message in plainer words (syntax_message); but an array or inline
    table left open on an earlier line is said where it opened, which is where the missing
    bracket belongs, not lines further on where tomli stopped (stranger 16, finding 9)."""
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    line = line if isinstance(line, int) else None
    column = column if isinstance(column, int) else None
    message = syntax_message(error.msg)
    brackets, position = _UNCLOSED.get(error.msg), getattr(error, "pos", None)
    if brackets is None or line is None or not isinstance(position, int):
        return line, column, message
    opened = _open_bracket(text[:position], brackets[0])
    if opened is None or opened[0] >= line:
        return line, column, message  # on the line tomli names: its column says where
    stopped = f"line {line}" + (f", column {column}" if column is not None else "")
    return (
        opened[0],
        opened[1],
        f"{message} opened here: no '{brackets[1]}' (or ',') before {stopped}",
    )


_BARE_DATE = re.compile(
    r"""(\s*(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+)\s*=\s*)"""
    r"(\d{4}(?:[-/]\d{1,2}){1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{4})(?=\s*(?:#.*)?$)"
)
"""A key given a date, without quotes, that is not one as TOML writes it (YYYY-MM-DD): as
people type dates ("2021-9-7", "2021-09", "7/9/2021"), or a day that does not exist."""
_MOST_BARE_DATES = 100
"""How many such dates a file is read past, at most (each is one more parse of the file)."""


@dataclass(frozen=True)
class BareDate:
    """A date written without quotes that TOML does not read as one, where it is written."""

    line: int
    column: int
    text: str
    """The date as written."""

    def message(self) -> str:
        """What is wrong with it, in the words tq has for a date it cannot read (PartialDate),
        with how TOML wants it written (stranger 18, finding 14)."""
        from tqcli.model import PartialDate

        unquoted = "without quotes, TOML reads only a whole day, YYYY-MM-DD, as a date"
        try:
            PartialDate.parse(self.text)
        except ValueError as error:
            return f"{error}; {unquoted}"
        return f'{self.text!r} is a date in quotes only: {unquoted} (write "{self.text}")'


def with_bare_dates_quoted(
    text: str, error: tomli.TOMLDecodeError
) -> tuple[dict[str, object] | None, list[BareDate], tomli.TOMLDecodeError | None]:
    """The document, read past the dates written without quotes that TOML refuses (each read
    as the string it would be in quotes, which the loader then checks as it checks any date
    written so), with those dates; or, where the file has some other syntax error, None and
    that error: the first that is not such a date. A syntax error stops tomli at the first,
    hiding the file's other problems; one date typed as people type them is not worth that."""
    import tomli

    lines = text.split("\n")
    dates: list[BareDate] = []
    while len(dates) < _MOST_BARE_DATES:
        number = getattr(error, "lineno", None)
        if not isinstance(number, int) or not 1 <= number <= len(lines):
            break
        found = _BARE_DATE.match(lines[number - 1])
        if found is None or _a_toml_date(found.group(2)):
            break
        dates.append(BareDate(number, found.start(2) + 1, found.group(2)))
        line = lines[number - 1]
        lines[number - 1] = f'{line[: found.start(2)]}"{found.group(2)}"{line[found.end(2) :]}'
        try:
            return tomli.loads("\n".join(lines)), dates, None
        except tomli.TOMLDecodeError as again:
            error = again
    return None, dates, error


def _a_toml_date(text: str) -> bool:
    """Whether TOML reads text as a date (the error on its line is another: a key given twice)."""
    import tomli

    try:
        tomli.loads(f"d = {text}")
    except tomli.TOMLDecodeError:
        return False
    return True


# The tokens that matter to brackets: strings and comments (skipped whole, brackets and all),
# brackets, line breaks. Compiled where used: only a file tomli refused needs it.
_BRACKET_TOKENS = (
    r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}\n]'
)


def _brackets(text: str) -> Iterator[tuple[str, int, int]]:
    """Each bracket of text and each line break outside strings and comments, with its line
    and column (1-based)."""
    line, line_start = 1, 0
    for token in re.finditer(_BRACKET_TOKENS, text, re.DOTALL):
        found = token.group()
        if found in "[]{}":
            yield found, line, token.start() - line_start + 1
        elif found == "\n" or found[0] in "\"'":
            breaks = found.count("\n")
            if breaks:
                line += breaks
                line_start = token.start() + found.rindex("\n") + 1


def _open_bracket(text: str, opener: str) -> tuple[int, int] | None:
    """The line and column of the innermost opener ('[' or '{') that text leaves open."""
    stack: list[tuple[str, int, int]] = []
    for bracket, line, column in _brackets(text):
        if bracket in "[{":
            stack.append((bracket, line, column))
        elif stack:
            stack.pop()
    return next(((line, column) for b, line, column in reversed(stack) if b == opener), None)


def deepest_line(text: str) -> int:
    """The line where text's arrays and inline tables nest deepest first (tomli, which gave up,
    says nowhere)."""
    depth = deepest = 0
    deepest_line = 1
    for bracket, line, _ in _brackets(text):
        if bracket in "[{":
            depth += 1
            if depth > deepest:
                deepest, deepest_line = depth, line
        else:
            depth -= 1
    return deepest_line


# After a line break, not at ^ in MULTILINE mode: a pattern that starts with a character lets
# the regex engine skip ahead to candidates (2.5x faster over fact files).
_TOP_HEADER = re.compile(r"\n[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")
_MULTILINE_DELIMITERS = ('"""', "'''")


@dataclass
class _Block:
    """One table header in the file, with the lines of its keys and sub-tables."""

    line: int
    keys: dict[str, int] = field(default_factory=dict)
    children: dict[str, list[_Block]] = field(default_factory=dict)


class TomlLines:
    """Lines of the tables and keys of one TOML document."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._fast: dict[str, list[int]] | None = None
        self._root: _Block | None = None

    def table(self, name: str, index: int, count: int) -> int | None:
        """The line of the index-th ``[[name]]`` table, of count that the parser found."""
        lines = self._headers().get(name, [])
        if len(lines) == count:
            return lines[index]
        return self.find(name, index)

    def tables(self, name: str, count: int) -> Sequence[int | None]:
        """The line of every ``[[name]]`` table, of count that the parser found."""
        lines = self._headers().get(name, [])
        if len(lines) == count:
            return lines
        return [self.find(name, index) for index in range(count)]

    def _headers(self) -> dict[str, list[int]]:
        """The lines of the top-level ``[[table]]`` headers, by name (the fast scan)."""
        if self._fast is None:
            self._fast = {}
            text = "\n" + self._text  # so that a header on the first line follows a break too
            line, position = 0, 0
            for match in _TOP_HEADER.finditer(text):
                line += text.count("\n", position, match.start() + 1)
                position = match.start() + 1
                self._fast.setdefault(match.group(1), []).append(line)
        return self._fast

    def find(self, *path: str | int) -> int | None:
        """The line for a path such as ("figure", 3, "cite", 0, "passage").

        Strings name tables or keys and integers index arrays of tables. The deepest part
        found wins: a key that is not on a line of its own gives its table's line.
        """
        block = self._careful()
        found: int | None = None
        position = 0
        while position < len(path):
            name = path[position]
            index = path[position + 1] if position + 1 < len(path) else None
            if not isinstance(name, str):
                break
            if not isinstance(index, int):
                tables = block.children.get(name)
                found = tables[0].line if tables else block.keys.get(name, found)
                break
            siblings = block.children.get(name, [])
            if index >= len(siblings):
                # An array of inline tables: only the key's line is known.
                found = block.keys.get(name, found)
                break
            block = siblings[index]
            found = block.line
            position += 2
        return found

    def under(self, line: int, *path: str | int) -> int | None:
        """The line of a key inside the top-level table whose header is on line: path as find
        takes it below that table, ("value",), ("cite", 0, "passage"). A table met in an array
        of inline tables gives the line of its array's key; None when the table or the key is
        not found (the caller keeps the table's line). For a problem's message: a fact keeps
        only its table's line, and its keys' are found when a problem needs them."""
        block = next(
            (top for tops in self._careful().children.values() for top in tops if top.line == line),
            None,
        )
        if block is None or len(path) % 2 == 0:  # (table, index)* then a key
            return None
        *tables, key = path
        for name, index in zip(tables[::2], tables[1::2], strict=True):
            siblings = block.children.get(str(name), [])
            if not isinstance(index, int) or index >= len(siblings):
                return block.keys.get(str(name))  # inline tables: only the array's key is known
            block = siblings[index]
        return block.keys.get(key) if isinstance(key, str) else None

    def _careful(self) -> _Block:
        if self._root is None:
            self._root = _Block(line=1)
            self._scan(self._root)
        return self._root

    def _scan(self, root: _Block) -> None:
        current = root
        tops: dict[str, _Block] = {}  # the latest block for each top-level array name
        open_delimiter: str | None = None
        for number, line in enumerate(self._text.splitlines(), start=1):
            if open_delimiter is not None:
                if line.count(open_delimiter) % 2 == 1:
                    open_delimiter = None
                continue
            header = _HEADER.match(line)
            if header:
                current = self._open(root, header.group(2), number, tops)
                continue
            key = _KEY.match(line)
            if key:
                name = next(group for group in key.groups() if group is not None)
                current.keys.setdefault(name, number)
            for delimiter in _MULTILINE_DELIMITERS:
                if line.count(delimiter) % 2 == 1:
                    open_delimiter = delimiter
                    break

    @staticmethod
    def _open(root: _Block, dotted: str, number: int, tops: dict[str, _Block]) -> _Block:
        parts = [part.strip().strip("\"'") for part in dotted.split(".")]
        block = _Block(line=number)
        if len(parts) > 1 and parts[0] not in tops:
            # "[[figur.cite]]" with no [[figur]] before it defines figur too, on this line: a
            # misspelt table is then found where it is written.
            tops[parts[0]] = _Block(line=number)
            root.children.setdefault(parts[0], []).append(tops[parts[0]])
        parent = root if len(parts) == 1 else tops[parts[0]]
        for part in parts[1:-1]:
            siblings = parent.children.get(part)
            parent = siblings[-1] if siblings else parent
        parent.children.setdefault(parts[-1], []).append(block)
        if len(parts) == 1:
            tops[parts[0]] = block
        return block
