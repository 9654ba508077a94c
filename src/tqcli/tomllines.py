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
from collections.abc import Sequence
from dataclasses import dataclass, field

_PLAINER = {
    # tomli's words where a string runs into the end of its line: say what the writer did.
    "Illegal character '\\n'": "a string is not closed on its line (a missing quote?)",
}


def syntax_message(message: str) -> str:
    """A TOML syntax error as tq says it: tomli's message, in plainer words where they mislead."""
    return f"TOML syntax error: {_PLAINER.get(message, message)}"


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
