"""Folding text for matching: case, scripts and diacritics, apostrophes, digit grouping, stems."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import compress

# Apostrophes vanish ("Qa'ida" -> "qaida"); hyphens and dashes split words ("al-Qaeda" -> "al
# qaeda"), so every common spelling folds to the same tokens. Transliteration has already made
# every other apostrophe-like mark (’ ‘ ´ ʼ ʻ ʿ ʾ) one of these two.
_VANISH = dict.fromkeys(map(ord, "'`"), None)
# The separator first, then a look back at the digit before it: a pattern that starts with a
# character lets the regex engine skip ahead to candidates. Folded text is in ASCII, where the
# comma is the one separator: a pattern opening on it skips ahead by memchr (~3 times faster
# on prose than the character set of _DIGIT_GROUPING, which only text in other scripts needs).
_ASCII_GROUPING = re.compile(r",(?<=\d.)(?=\d{3}\b)")
_DIGIT_GROUPING = r"[,\u202f\u00a0](?<=\d.)(?=\d{3}\b)"  # compiled on first use (re caches it)
_TOKEN = re.compile(r"\w+")
# Characters a terminal obeys rather than shows: C0 and C1 controls (but tab and newline), and the
# bidirectional overrides and isolates that reorder what follows them ("Trojan Source"), with the
# line and paragraph separators that break a line where none is seen.
# (Patterns, compiled when first used: a query answered in JSON never prints pack text.)
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
_LINE_CONTROL = r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]"


def fold(text: str) -> str:
    """Lower-case ASCII: other scripts transliterated, diacritics and apostrophes dropped, digit
    grouping removed ("Qaʿida" and "Qa'ida" -> "qaida", "Усама" -> "usama", "2,996" -> "2996")."""
    if not text.isascii():  # most text is ASCII, and skips transliteration altogether
        # Before transliteration, which makes the no-break space in "2\u202f996" a plain space.
        text = _transliterated(re.sub(_DIGIT_GROUPING, "", text))
    # (str.replace, not translate(_VANISH): a table's lookup a character costs ~5% of answering.)
    # The text is in ASCII now (transliterated: anyascii writes nothing else).
    return _ASCII_GROUPING.sub("", text.replace("'", "").replace("`", "").casefold())


def _transliterated(text: str) -> str:
    """Text in ASCII: Cyrillic, Arabic, Greek and the rest romanised, "ø", "ł", "æ" and "đ" as
    "o", "l", "ae" and "d", the romanisation marks for ʿayn and hamza (U+02BF, U+02BE) as
    apostrophes, which then vanish like any other."""
    # Each mark the text holds replaced in turn (each found by one scan in C):
    # str.translate looked every character up in _PUNCTUATION, ~20 times slower on prose.
    quick = text
    for mark, spelled in _PUNCTUATION_SPELLED:
        if mark in quick:
            quick = quick.replace(mark, spelled)
    if quick.isascii():  # only ASCII and common punctuation: anyascii's import (~4 ms) spared
        return quick
    from anyascii import anyascii  # imported by the first text that needs it, never before

    return anyascii(text)


# The punctuation pack text is full of (quotes, dashes, ellipses, spaces), as anyascii spells it
# in ASCII (tests check each against anyascii).
_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a", "'"),
        **dict.fromkeys("\u201c\u201d\u201e", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u00b7", "-"),
        **dict.fromkeys("\u00a0\u2009\u202f", " "),
        "\u2026": "...",
        "\u2022": "*",
    }
)
_PUNCTUATION_SPELLED = tuple((chr(code), spelled) for code, spelled in _PUNCTUATION.items())
"""_PUNCTUATION's marks, each with its spelling in ASCII (none of which is another's mark)."""


# Irregular forms of English verbs, so that they meet their verb ("gave" the base, "give" it);
# not those that are also other words ("left", "found", "thought", "saw", "lead").
_IRREGULAR = {
    "paid": "pay",
    "said": "say",
    "told": "tell",
    "fought": "fight",
    "fled": "flee",
    **dict.fromkeys(("gave", "given"), "give"),
    **dict.fromkeys(("took", "taken"), "take"),
    **dict.fromkeys(("began", "begun"), "begin"),
    **dict.fromkeys(("went", "gone"), "go"),
    **dict.fromkeys(("came",), "come"),
    **dict.fromkeys(("knew", "known"), "know"),
    **dict.fromkeys(("made",), "make"),
    **dict.fromkeys(("held",), "hold"),
    **dict.fromkeys(("sent",), "send"),
    **dict.fromkeys(("brought",), "bring"),
    **dict.fromkeys(("led",), "lead"),
    **dict.fromkeys(("won",), "win"),
    **dict.fromkeys(("kept",), "keep"),
    **dict.fromkeys(("sought",), "seek"),
    **dict.fromkeys(("swore", "sworn"), "swear"),
    **dict.fromkeys(("wrote", "written"), "write"),
    **dict.fromkeys(("spoke", "spoken"), "speak"),
    **dict.fromkeys(("chose", "chosen"), "choose"),
    **dict.fromkeys(("spent",), "spend"),
    **dict.fromkeys(("became",), "become"),
    **dict.fromkeys(("broke", "broken"), "break"),
    **dict.fromkeys(("drove", "driven"), "drive"),
    **dict.fromkeys(("withdrew", "withdrawn"), "withdraw"),
    **dict.fromkeys(("overthrew", "overthrown"), "overthrow"),
    **dict.fromkeys(("forbade", "forbidden"), "forbid"),
    **dict.fromkeys(("froze", "frozen"), "freeze"),
    **dict.fromkeys(("struck", "stricken"), "strike"),
    **dict.fromkeys(("hid", "hidden"), "hide"),
    **dict.fromkeys(("arose", "arisen"), "arise"),
}


def irregular_form(word: str) -> bool:
    """Whether the (folded) word is an irregular form of a verb that stem joins to it ("fled",
    "paid", "withdrawn"): a verb, whatever else it may be."""
    return word in _IRREGULAR


def _stemmed(word: str) -> str:
    """A light English stem, so that forms of a word meet: "injured", "injury" and "injuries"
    all give "injur"; "sanctions" and "sanctioned" give "sanction"; "paid" and "payment" "pay".

    Deliberately crude (no dictionary): queries and index are stemmed alike, so all it must be
    is consistent. (Called through stem, which keeps each word's stem.)
    """
    word = _IRREGULAR.get(word, word)  # then stemmed as its verb is ("written", "write": "writ")
    # Each rule tests the last letter first, as a character: most words are tested no further
    # (a third fewer instructions than the same rules in str.endswith calls, measured).
    size = len(word)
    last = word[-1:]
    if last == "s":
        if size > 4 and word[-3:] == "ies":  # "injuries"
            word, size, last = word[:-3] + "y", size - 2, "y"
        elif size > 3 and word[-2] not in "sui":  # not "ss", "us", "is"
            word, size, last = word[:-1], size - 1, word[-2]
    elif last == "d" and size > 4 and word[-3:] == "ied":  # "complied"
        word, size, last = word[:-3] + "y", size - 2, "y"
    if last == "t":
        if size > 6 and word[-4:] == "ment":
            word, size, last = word[:-4], size - 4, word[-5]
    elif last == "g":
        if size > 5 and word[-3:] == "ing":
            word, size, last = word[:-3], size - 3, word[-4]
    elif last == "d" and size > 4 and word[-2] == "e" and word[-3] != "e":  # "ed", not "eed"
        word, size, last = word[:-2], size - 2, word[-3]
    if size > 4 and last in ("y", "e"):
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """The folded words of text, in order, not stemmed."""
    return _TOKEN.findall(fold(text))


class _Stems(dict[str, str]):
    """Stems by word (_stemmed), each worked out once: the same words come back all the time.
    A dict's lookup, in C: ~390 instructions a word found, where functools.lru_cache around
    the function took ~660 (it moves the word to the front of its order at each hit), and
    ~1,200 fewer a word met first (measured, callgrind)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _MOST_STEMS:
            self.clear()  # a bound on memory; the next words fill it again
        # A word that ends in a digit is its own stem (every rule of stem's ends in a letter):
        # most words a build meets once are such, the numbers in ids (measured at 100,000
        # synthetic facts: 140,000 of them, 0.15 s of CPU through stem and its cache).
        stemmed = self[word] = word if word[-1:].isdigit() else _stemmed(word)
        return stemmed


_MOST_STEMS = 1 << 18
_STEMS = _Stems()
stem: Callable[[str], str] = _STEMS.__getitem__
"""The stem of a (folded) word (see _stemmed), kept once worked out."""


def known_stems(table: dict[str, str]) -> None:
    """Words whose stems were worked out before (by stem: a test keeps the table so), kept as
    if stem had just worked them out."""
    _STEMS.update(table)


def tokens(text: str) -> list[str]:
    """The folded, stemmed words of text, in order."""
    return list(map(stem, folded_words(fold(text))))


def folded_words(folded: str) -> list[str]:
    """The words (runs of \\w) of folded text, in order: _TOKEN.findall(folded)."""
    if folded.isascii() and "\x1f" not in folded:  # as folded text is (the break aside)
        # Split as token_rows splits words, by bytes.translate and str.split: a fifth of the
        # pattern's instructions on a claim, measured.
        return folded.encode().translate(_ASCII_WORDS).decode().split()
    return _TOKEN.findall(folded)


def token_columns(texts: Sequence[str]) -> list[str]:
    """tokens() of each text, joined by spaces: one fold for them all, as index building needs."""
    stemmed = _STEMS.__getitem__
    folded = fold("\x1f".join(texts)).split("\x1f")
    return [" ".join(map(stemmed, _TOKEN.findall(text))) for text in folded]


_ROWS_AT_ONCE = 256
_BREAK = "|"
# Folded ASCII is split into _TOKEN's words by bytes.translate and str.split, far faster than
# the pattern's scan: upper case made lower, every ASCII character that is not a word character
# (\w) made a space, the column break (\x1f, written between spaces) the one "|"; one byte for
# one, from a table of 256.
_ASCII_WORDS = bytes(
    # In ASCII, \w is a letter, a digit or "_" (no pattern compiled at every start-up).
    ord(_BREAK)
    if code == 0x1F
    else ord(chr(code).lower())
    if chr(code).isalnum() or code == 0x5F
    else ord(" ")
    for code in range(128)
) + bytes(128)  # past ASCII: never met (only ASCII is translated)
_ASCII_VANISH = [chr(code).encode() for code in _VANISH]


@functools.cache
def _ascii_digit_grouping() -> re.Pattern[bytes]:
    """_DIGIT_GROUPING in ASCII, where only the comma separates digit groups (compiled when an
    index is first built, not on every start-up)."""
    return re.compile(rb",(?<=\d.)(?=\d{3}\b)")


def token_rows(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """token_columns() of each row of texts. Rows in ASCII (most) are done together, a few
    hundred at a time: one fold, one split and one join for them all (in ASCII, folding works
    character by character, so the texts cannot affect each other); any other row alone, as
    token_columns does it."""
    made: list[list[str]] = []
    for start in range(0, len(rows), _ROWS_AT_ONCE):  # a bound on the words held at once
        chunk = rows[start : start + _ROWS_AT_ONCE]
        joined = list(map(" \x1f ".join, chunk))
        columns = _ascii_columns(" \x1f ".join(joined), sum(map(len, chunk)))
        if columns is not None:  # every row in ASCII, as most chunks are
            made += _parted(columns, chunk)
            continue
        plain = [
            text.isascii() and text.count("\x1f") == len(texts) - 1
            for text, texts in zip(joined, chunk, strict=True)
        ]
        ascii_rows = list(compress(chunk, plain))
        together = _ascii_columns(" \x1f ".join(compress(joined, plain)), sum(map(len, ascii_rows)))
        done = iter(_parted(together or [], ascii_rows))
        made += [
            next(done) if is_plain else token_columns(texts)
            for texts, is_plain in zip(chunk, plain, strict=True)
        ]
    return made


def _parted(columns: list[str], rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """The columns of rows made together, parted row by row."""
    parted: list[list[str]] = []
    position = 0
    for texts in rows:
        end = position + len(texts)
        parted.append(columns[position:end])
        position = end
    return parted


def _ascii_columns(joined: str, width: int) -> list[str] | None:
    """token_columns() of the width texts joined by " \x1f ", if they are in ASCII and hold no
    \x1f of their own; else None."""
    if not joined.isascii() or joined.count("\x1f") != width - 1:
        return None
    # fold(), in bytes: apostrophes gone (rare: found by memchr), digit grouping gone, lower
    # case (with the words' split).
    text = joined.encode()
    for mark in _ASCII_VANISH:
        text = text.replace(mark, b"")
    scanned = _ascii_digit_grouping().sub(b"", text).translate(_ASCII_WORDS).decode().split()
    # The break stems to itself, and comes out of the join between spaces (or at an edge).
    return list(map(str.strip, " ".join(map(_STEMS.__getitem__, scanned)).split(_BREAK)))


def squeeze(text: str) -> str:
    """Collapse runs of white space to one space, so line wrapping never breaks a match."""
    return " ".join(text.split())  # str.split knows the same white space as \s, five times faster


# ASCII's white space as str.split knows it (but the space itself): each made a space, by a
# table of 256 bytes (str.translate's table looked each character up in a dict: ~16 times the
# instructions, ~180 M of a worker's at 100,000 facts, whose archives it squeezes).
_ASCII_SPACES = bytes.maketrans(b"\t\n\r\v\f\x1c\x1d\x1e\x1f", b" " * 9)


def squeeze_document(text: str) -> str:
    """squeeze() of a whole document (an archive): in ASCII without splitting it into words,
    twice as fast on long texts (and twice as slow on a passage)."""
    if not text.isascii():
        return squeeze(text)
    text = text.encode("ascii").translate(_ASCII_SPACES).decode("ascii")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters shown as escapes, not obeyed."""
    return _compiled(_CONTROL).sub(_escaped, text)


def printable_line(text: str) -> str:
    """printable() of text shown on one line (a name asked for): tabs and line breaks escaped
    too, which printable() keeps for the pack's own text."""
    return _compiled(_LINE_CONTROL).sub(_escaped, text)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """_CONTROL or _LINE_CONTROL compiled when first needed: ~2.6 M instructions each, ~1.5% of
    a search answered in JSON, which needs neither."""
    return re.compile(pattern)


def _escaped(control: re.Match[str]) -> str:
    code = ord(control.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix naming the closest choice, or "" when none is close."""
    near = closest(word, choices)
    return f" (did you mean {near!r}?)" if near else ""


ONE_LETTER_OFF = 0.75
"""A cutoff (difflib's ratio) for suggesting only what is about one typed letter off ('acne' for
'acme', '--jsno' for '--json'). 0.6 suggested 'pompeo' for 'nope' and '--about' for '--bogus';
measured on one-letter typos of the built-in pack's names and on random letters
(bench/evaluate_suggestions.py, docs/names.md), 0.75 recovers as many typos as 0.6 and
suggests a name for a seventh as much nonsense."""


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice nearest to word, when one is near enough to suggest (difflib's ratio of at
    least cutoff)."""
    near = close_ones(word, choices, cutoff, most=1)
    return near[0] if near else None


def close_ones(
    word: str, choices: Iterable[str], cutoff: float = ONE_LETTER_OFF, most: int = 3
) -> list[str]:
    """The choices near enough to word to suggest, nearest first, at most most of them."""
    import difflib  # only on the way to an error message

    return difflib.get_close_matches(word, list(choices), n=most, cutoff=cutoff)
