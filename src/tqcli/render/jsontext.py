"""JSON text as tq writes it: compact by one encoder (msgspec), pretty by json (indent 2).

Both escape what json and msgspec leave raw that a terminal would obey (DEL, the C1 controls,
the bidirectional overrides and isolates, the line and paragraph separators), so the data stays
exact and a terminal never obeys it; with ascii_only, every character beyond ASCII is escaped.
Compact JSON is spelled as msgspec spells it: no space after ":" and ",", and floats in their
shortest form (1e-07 as 1e-7): see docs/json.md.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import msgspec

_RAW = r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
"""The characters a terminal obeys that neither json nor msgspec escapes (a pattern)."""
_RAW_UTF8 = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")
"""The same characters in UTF-8 (no character's bytes can be mistaken for them: a match always
starts at a character)."""
_NOT_ASCII = r"[^\x00-\x7e]"
"""What ascii_only escapes: DEL and everything beyond ASCII (the characters of _RAW among them)."""


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """_RAW or _NOT_ASCII compiled when first needed: compact JSON in UTF-8 (all a piped query
    writes) needs neither, and a compile costs ~2.6 M instructions (~1% of a search's run)."""
    return re.compile(pattern)


_encode = msgspec.json.Encoder().encode


def _escaped(match: re.Match[str]) -> str:
    """A character as JSON's \\u escape; beyond the BMP, as its UTF-16 surrogate pair."""
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _escaped_utf8(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match.group().decode('utf-8')):04x}".encode("ascii")


def _escape(text: str, *, ascii_only: bool = False) -> str:
    """JSON text with what a terminal would obey (and, ascii_only, all but ASCII) escaped."""
    if text.isascii() and "\x7f" not in text:  # the common case: nothing to look for
        return text
    return _compiled(_NOT_ASCII if ascii_only else _RAW).sub(_escaped, text)


def compact(value: Any, *, ascii_only: bool = False) -> bytes:
    """value as compact JSON in UTF-8 (ASCII, if ascii_only), escaped: the one spelling of every
    compact JSON tq writes. value may hold shared() pieces."""
    try:
        data = _encode(value)
    except UnicodeEncodeError:  # a lone surrogate: an undecodable byte of a file's name
        import json  # as in pretty()

        text = json.dumps(value, ensure_ascii=ascii_only, separators=(",", ":"), default=_plain)
        return _escape(text, ascii_only=ascii_only).encode("utf-8", "surrogateescape")
    # find, not `in`: bytes' `in` tries its argument as an int first and makes (then drops) a
    # TypeError each time (Python 3.11: 1,800 instructions, 4% of a batch of 1,000 queries).
    if data.isascii() and data.find(b"\x7f") < 0:  # the common case: nothing to look for
        return data
    if ascii_only:
        return _compiled(_NOT_ASCII).sub(_escaped, data.decode("utf-8")).encode("ascii")
    if not _holds_raw(data):  # most UTF-8 JSON (curly quotes, accents): nothing to escape
        return data
    return _RAW_UTF8.sub(_escaped_utf8, data)


def _holds_raw(data: bytes) -> bool:
    """Whether _RAW_UTF8 matches somewhere in data. Its matches start with DEL or the byte C2
    or E2, which bytes.find finds (memchr), each then tried in place: the pattern's own scan
    goes byte by byte (a batch of 1,000 queries on the built-in pack, 957 lines of ~46 KB in
    UTF-8: 63.7 M instructions in the pattern's sub)."""
    if data.find(b"\x7f") >= 0:
        return True
    for lead in (b"\xc2", b"\xe2"):
        at = data.find(lead)
        while at >= 0:
            if _RAW_UTF8.match(data, at):
                return True
            at = data.find(lead, at + 1)
    return False


def pretty(value: Any, *, ascii_only: bool = False) -> str:
    """value as JSON indented by two spaces, escaped as compact() escapes."""
    import json  # only here and for what msgspec cannot encode: a piped --json never needs it

    return _escape(json.dumps(value, ensure_ascii=ascii_only, indent=2), ascii_only=ascii_only)


def shared(value: Any) -> Any:
    """A piece of data many values hold (an entity named by many facts), encoded once: compact()
    writes it as it would write value, without encoding it again."""
    try:
        return msgspec.Raw(_encode(value))
    except UnicodeEncodeError:  # as in compact(): left to it, to encode each time
        return value


def _plain(value: object) -> object:
    """A shared() piece's data again, for json (which cannot take pieces already encoded)."""
    if isinstance(value, msgspec.Raw):
        import json  # as in pretty()

        return json.loads(bytes(value))
    raise TypeError(f"{type(value).__name__} is not JSON")
