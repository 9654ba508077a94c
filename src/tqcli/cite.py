"""tq cite: the sources behind facts as APA (7th), MLA (9th) and Chicago (notes and bibliography)
references, or as BibTeX, RIS and CSL-JSON for reference managers.

Written out here rather than with citeproc-py and the official CSL styles: that library imports
in ~30-40 ms (measured) and parses a style's XML on every run, for the three reference-list
entries tq needs; these functions cost nothing until `tq cite` runs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from tqcli.errors import IdIs
from tqcli.model import EntityKind, Filters, PartialDate, Quote, Source, SourceKind
from tqcli.textnorm import fold, tokens

if TYPE_CHECKING:
    from tqcli.index import Index


class Style(str, Enum):
    """The styles tq cite writes."""

    APA = "apa"
    MLA = "mla"
    CHICAGO = "chicago"
    BIBTEX = "bibtex"
    RIS = "ris"
    CSL_JSON = "csl-json"


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MLA_MONTHS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."
)  # fmt: skip
# Words that make an author a group rather than a person (APA and MLA invert only persons).
_GROUP_WORDS = re.compile(
    r"\b((?i:agency|association|bureau|center|centre|commission|committee|council|department|"
    r"government|group|institute|ministry|mission|nations|news|office|organi[sz]ation|press|"
    r"service|team|university)|[A-Z]{2,})\b"
)
# Lower-case in headline style; "out", "up" and "off" are left out, being mostly particles of
# verbs ("Sets Out"), which are capitalised.
_MINOR = frozenset(
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "from",
        "in", "into", "of", "on", "onto", "over", "per", "to", "via", "with", "vs",
        # Longer prepositions too (MLA and Chicago lower-case them whatever their length);
        # words that are as often conjunctions (after, before, since, until) are left out.
        "about", "above", "across", "against", "along", "amid", "among", "around", "behind",
        "below", "beneath", "beside", "between", "beyond", "despite", "during", "except",
        "inside", "near", "through", "toward", "towards", "under", "upon", "within", "without",
    }
)  # fmt: skip


def format_sources(
    sources: Sequence[Source],
    style: Style,
    *,
    html: bool = False,
    capitals: Capitals | None = None,
) -> str:
    """The references as text ready to print (ends with a newline): a reference list (APA,
    MLA, Chicago) in alphabetical order, as those styles order one, each reference once; for
    reference managers (BibTeX, RIS, CSL-JSON), which sort for themselves, in the order given
    (one entry per source id, which they key entries by). capitals tells
    APA's sentence case which words are names (none known: see Capitals)."""
    if style is Style.CSL_JSON:
        return json.dumps([csl_json(s) for s in sources], ensure_ascii=False, indent=2) + "\n"
    if style is Style.BIBTEX:
        return "\n".join(bibtex(s) for s in sources)
    if style is Style.RIS:
        return "".join(ris(s) for s in sources)
    known = capitals or Capitals()
    entry: Callable[[Source], list[tuple[str, bool]]] = {
        Style.APA: lambda source: apa(source, known),
        Style.MLA: mla,
        Style.CHICAGO: chicago,
    }[style]
    # Two sources that are one work (an article two packs cite, each under its own id) are one
    # reference: a reference list names each work once (stranger 16, finding 14).
    entries = dict.fromkeys((_join(entry(s), False), _join(entry(s), html)) for s in sources)
    return "".join(shown + "\n" for _, shown in sorted(entries, key=lambda e: _filing_key(e[0])))


def _filing_key(entry: str) -> tuple[str, str]:
    """Where a reference files in an alphabetical list: by its first words, letters alone (a
    bracketed description or a quoted title files under its first word), an initial article
    ignored, accents and case folded; the entry itself breaks ties."""
    letters = " ".join(re.findall(r"\w+", fold(entry)))
    return re.sub(r"^(the|a|an) ", "", letters), entry


def _join(parts: list[tuple[str, bool]], html: bool) -> str:
    """Parts of an entry, (text, italic), as plain text or with italics marked up in HTML."""
    if not html:
        return "".join(text for text, _ in parts)
    import html as markup

    return "".join(f"<i>{markup.escape(t)}</i>" if i else markup.escape(t) for t, i in parts)


# --- Names, titles and dates ----------------------------------------------------------------


def _is_person(name: str) -> bool:
    words = name.split()
    return (
        1 < len(words) <= 4
        and not _GROUP_WORDS.search(name)
        and not any(ch.isdigit() for ch in name)
    )


def _family_given(name: str) -> tuple[str, str]:
    words = name.split()
    return words[-1], " ".join(words[:-1])


def _initials(given: str) -> str:
    """APA initials: "Joe" -> "J.", "Jean-Paul" -> "J.-P.", "A. B." -> "A. B."."""
    return " ".join(
        "-".join(part[0] + "." for part in word.split("-") if part) for word in given.split()
    )


def _end(text: str, mark: str = ".") -> str:
    """Text closed by mark, unless it already ends with a full stop, ? or !."""
    return text if text.endswith((".", "?", "!")) else text + mark


def title_case(title: str) -> str:
    """Headline-style capitals (MLA, Chicago): major words capitalised, articles, prepositions
    and coordinating conjunctions lower-cased except first, last and after a colon. Words with
    capitals of their own inside (al-Qaeda, iPhone) are kept as written."""
    words = title.split(" ")
    result: list[str] = []
    for n, word in enumerate(words):
        core = word.strip("“”‘’\"'([")
        starts = n == 0 or n == len(words) - 1 or result[-1].endswith((":", "?", "!", "—"))
        if not core or any(ch.isupper() for ch in core[1:]) or not core[0].isalpha():
            result.append(word)
        elif core.lower() in _MINOR and not starts:
            result.append(word.replace(core, core.lower(), 1))
        else:
            result.append(word.replace(core, core[0].upper() + core[1:], 1))
    return " ".join(result)


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PARTS = re.compile(r"([-–/])")
_EDGES = "“”‘’\"'([{)]},;:!?."
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"")


class Capitals:
    """The evidence APA's sentence case lowers a word on, or keeps its capital: how the packs'
    prose (claims, notes, passages, quotes' media, entity descriptions, the cited sources'
    archived text but for its headlines) writes each word: alone and capitalised inside a
    sentence ("the Taliban"), in lower case, or in capitals; which capitalised words it writes
    side by side, as names ("Security Council", "United Nations"); the names the packs know;
    and which words are ordinary English (ordinary_english). Quoted words are skipped (a note
    quoting a headline-style title says nothing of them), and every word of an entity's name
    counts as capitalised. See sentence_case."""

    def __init__(
        self,
        texts: Iterable[str] = (),
        names: Iterable[str] = (),
        *,
        known: Iterable[str] = (),
        people: Iterable[str] = (),
        groups: Iterable[str] = (),
        english: frozenset[str] = frozenset(),
    ) -> None:
        self.english = english
        """Common English words that a dictionary writes in lower case (ordinary_english)."""
        self.person_words: set[str] = {w.lower() for name in people for w in _WORD.findall(name)}
        """The words of people's names (lower case): a title before one is kept."""
        self.agent_words = self.person_words | {
            w.lower() for name in groups for w in _WORD.findall(name)
        }
        """The words of people's and groups' names (lower case): no place's (see place_name)."""
        self.known: dict[str, list[tuple[str, ...]]] = {}
        """Names the packs know (entities' names and aliases, sources' publishers, authors and
        series), keyed by their first word folded: each whole, and its runs of capitalised
        words between lower-case ones (see _runs)."""
        for name in known:
            for run in _runs(name):
                self.known.setdefault(run[0].lower(), []).append(run)
        self.capitalised: Counter[str] = Counter()
        """Words written capitalised, alone, inside a sentence ("the Taliban")."""
        self.in_names: Counter[str] = Counter()
        """Words written capitalised beside another ("President Obama", "United Nations")."""
        self.lower: Counter[str] = Counter()
        self.upper: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        """How often the prose writes two capitalised words side by side."""
        self.bridges: set[tuple[str, str, str]] = set()
        read: list[str] = []
        for text in texts:
            read.append(_QUOTED.sub(" ", text))
            self._read(read[-1], name=False)
        for name in names:
            read.append(name)
            self._read(name, name=True)
        self._read_texts = read
        self._folded: str | None = None
        """Everything read, case folded: made when first asked how often two words are side
        by side (see names)."""

    def _read(self, text: str, *, name: bool) -> None:
        words = list(_WORD.finditer(text))
        capital = [m.group() == m.group().capitalize() for m in words]
        for n, match in enumerate(words):
            word = match.group()
            if len(word) > 1 and word.isupper():
                self.upper[word.lower()] += 1
            elif word.islower():
                self.lower[word] += 1
            elif capital[n]:
                gap = text[words[n - 1].end() : match.start()] if n else ""
                if n > 1 and capital[n - 2] and words[n - 1].group() in _MINOR:
                    spaced = text[words[n - 2].end() : match.start()]
                    if spaced == f" {words[n - 1].group()} ":
                        before = words[n - 2].group().lower()
                        self.bridges.add((before, words[n - 1].group(), word.lower()))
                initial = n > 0 and len(words[n - 1].group()) == 1  # "Susan E. Rice"
                joined = n > 0 and capital[n - 1] and (gap == " " or (initial and gap == ". "))
                if joined:
                    self.pairs[(words[n - 1].group().lower(), word.lower())] += 1
                follows = n + 1 < len(words) and capital[n + 1]
                first = n == 0 or any(mark in gap for mark in ".!?:")  # a sentence's
                if name or joined or follows:
                    self.in_names[word.lower()] += 1
                elif not first:
                    self.capitalised[word.lower()] += 1

    def known_names(self, cores: Sequence[str]) -> set[int]:
        """The positions of the title's words (edges stripped) that are capitalised words of a
        name the packs know, met whole in the title (letter case aside)."""
        kept: set[int] = set()
        folded = [core.lower() for core in cores]
        for start, first in enumerate(folded):
            for name in self.known.get(first, ()):
                if folded[start : start + len(name)] == [word.lower() for word in name]:
                    # A capitalised word of the name, as the title writes it; not an acronym
                    # the title writes otherwise ("Us" for "US": see _lowered).
                    kept.update(
                        start + n
                        for n, word in enumerate(name)
                        if word[:1].isupper() and (word == cores[start + n] or not word.isupper())
                    )
        return kept

    def names(self, first: str, second: str) -> bool:
        """Whether the prose writes these two capitalised words together, as a name, more
        often than it writes either in lower case ("Security Council"), or, two ordinary
        words, more often than otherwise ("Permanent Representative"); not "Taliban Sanctions"
        of a committee's name, nor a headline's "Adopted Unanimously", quoted somewhere."""
        pair = (first.lower(), second.lower())
        together = self.pairs[pair]
        if not together:
            return False
        # Two ordinary words: an office's name ("Permanent Representative") if written so more
        # often than not; beside a name, each must be ("Taliban Sanctions" of a committee).
        if all(together > self.lower[w] for w in pair):
            return True
        english = all(word in self.english for word in pair)
        return english and together > self._side_by_side(pair) - together

    def _side_by_side(self, pair: tuple[str, str]) -> int:
        """How often the prose writes these two words side by side, in any letter case."""
        if self._folded is None:
            self._folded = "\n".join(self._read_texts).lower()
        text, phrase = self._folded, f"{pair[0]} {pair[1]}"
        count, at = 0, text.find(phrase)
        while at >= 0:  # str.find, not a regular expression: ~100 times faster here
            end = at + len(phrase)
            count += not (at and text[at - 1].isalnum()) and not text[end : end + 1].isalnum()
            at = text.find(phrase, at + 1)
        return count

    def bridged(self, cores: Sequence[str]) -> set[int]:
        """The positions of the title's capitalised words (edges stripped) that the prose
        writes joined by the same lower-case minor word, as a name ("Face the Nation")."""
        return {
            n + step
            for n in range(len(cores) - 2)
            if (cores[n].lower(), cores[n + 1], cores[n + 2].lower()) in self.bridges
            for step in (0, 2)
        }

    def common(self, word: str) -> bool:
        """Whether there is evidence that the word is an ordinary word, not a name: it is a
        common English word that a dictionary writes in lower case ("pace", "united"; not
        "Syria", "Margaret", "Pompeo") and the prose does not write it capitalised on its own
        inside a sentence as often as in lower case ("the Taliban", "the Council": names); or,
        not such a word, the prose writes it in lower case more often than capitalised, alone
        or in names ("hardline")."""
        folded = word.lower()
        lower, capitalised = self.lower[folded], self.capitalised[folded]
        if folded not in self.english:
            return lower > capitalised + self.in_names[folded]
        return not capitalised or lower > capitalised

    def place_name(self, word: str) -> bool:
        """Whether a capitalised word may be a place's name: no common English word, nor a
        word of a person's or a group's name the packs know ("Syria", "Delhi"; not
        "Al-Qaeda", "Taliban")."""
        parts = {part.lower() for part in _WORD.findall(word)}  # "Al-Qaeda": al, qaeda
        return (
            word[:1].isupper() and word.lower() not in self.english and not parts & self.agent_words
        )

    def acronym(self, word: str) -> bool:
        """Whether the prose writes the word in capitals more often than otherwise ("Us" in a
        headline for "US")."""
        folded = word.lower()
        return self.upper[folded] > self.lower[folded] + self.capitalised[folded]


# Words that begin many places' names (a region's, a city's): kept before a name.
_PLACE_WORDS = frozenset(
    {"Greater", "Upper", "Lower", "North", "South", "East", "West", "Central", "New"}
    | {"Northern", "Southern", "Eastern", "Western"}
)


def _runs(name: str) -> list[tuple[str, ...]]:
    """A known name's words (edges stripped), whole, and its runs of two capitalised words or
    more between lower-case words ("GNU General Public License" of "GNU General Public License
    version 3"; "Combating Terrorism Center" and "West Point" of "Combating Terrorism Center at
    West Point"; not "Combating Terrorism")."""
    words = tuple(core for core in (word.strip(_EDGES) for word in name.split()) if core)
    runs = {words} if any(word[:1].isupper() for word in words) else set()
    run: list[str] = []
    for word in (*words, ""):
        if word[:1].isupper():
            run.append(word)
            continue
        if len(run) >= 2:
            runs.add(tuple(run))
        run = []
    return sorted(runs)


_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def _stems(word: str) -> list[str]:
    """Other forms of a word: without its ending (-s, -es, -ed, -ing), or with another."""
    stems = [word[: -len(end)] + add for end, add in _ENDINGS if word.endswith(end)]
    stems = [stem for stem in stems if len(stem) >= 3]
    return [form for stem in stems for form in (stem, stem + "s", stem + "ed", stem + "ing")]


def _headline_style(words: Sequence[str]) -> bool:
    """Whether a title capitalises its major words (headline style) rather than only its first
    word and names (sentence style, as published: left as it is): sentence style shows in a
    lower-case word of four letters or more that headline style would capitalise."""
    for word in words[1:]:
        core = word.strip(_EDGES)
        if len(core) >= 4 and core.isalpha() and core.islower() and core not in _MINOR:
            return False
    return True


def sentence_case(title: str, capitals: Capitals) -> str:
    """APA's sentence case: the first word of the title and of a subtitle (after a colon, a dash
    or a question mark) capitalised, names as written, other words in lower case. A title or
    subtitle already in sentence style is left as published but for a subtitle's first word.
    A word is lowered only on evidence that it is an ordinary word (Capitals.common); never
    lowered: a word in capitals (UN, US, ISIL), one with capitals inside (al-Qaeda, U.N., McX),
    one with a digit, an abbreviation (Amb.), a word before a number ("Resolution 1267",
    "Chapter VII"), the capitalised words of a name the packs know ("GNU General Public
    License") or that their prose writes as a name ("Security Council", "Face the Nation"), a
    title before a person's name ("Ambassador Susan E. Rice"), a place's first word before a
    name ("Greater Syria"), words in brackets that are all capitalised (a name's part:
    "(United Nations Measures) Order 2002")."""
    words = title.split(" ")
    headline = _headline_parts(words)
    cores = [word.strip(_EDGES) for word in words]
    bracketed = (
        _capitalised_in_brackets(words) | capitals.known_names(cores) | capitals.bridged(cores)
    )
    result: list[str] = []
    for n, word in enumerate(words):
        core = word.strip(_EDGES)
        starts = n == 0 or result[-1].endswith((":", "?", "!", "—"))
        if not core or not core[0].isalpha():
            result.append(word)
        elif starts:
            result.append(
                word.replace(core, core[0].upper() + core[1:], 1) if core[0].islower() else word
            )
        elif (
            not headline[n]
            or n in bracketed
            or (word.rstrip(_EDGES[:-1]).endswith(".") and len(core) <= 4)
        ):
            result.append(word)
        else:
            nearby = (
                words[n - 1].strip(_EDGES),
                words[n + 1].strip(_EDGES) if n + 1 < len(words) else "",
            )
            joined = word == word.rstrip(",;:!?.—")  # not "Iraq, Syria"
            result.append(word.replace(core, _lowered(core, nearby, capitals, joined), 1))
    return " ".join(result)


def _headline_parts(words: Sequence[str]) -> list[bool]:
    """For each word, whether the part of the title it is in (the title, a subtitle: after a
    colon, a question mark or a dash) is in headline style: "The 9/11 Commission Report,
    chapter 2: The Foundation of the New Terrorism" has its chapter's title in it."""
    styles: list[bool] = []
    for n, word in enumerate(words):
        if n == len(words) - 1 or word.endswith((":", "?", "!", "—")):
            part = words[len(styles) : n + 1]
            styles += [_headline_style(part)] * len(part)
    return styles


def _capitalised_in_brackets(words: Sequence[str]) -> set[int]:
    """The positions of words inside round brackets of more than one word, every one of them
    capitalised."""
    kept: set[int] = set()
    start: int | None = None
    for n, word in enumerate(words):
        if word.startswith("("):
            start = n
        if start is not None and word.endswith(")"):
            group = range(start, n + 1)
            if n > start and all(words[i].strip("()")[:1].isupper() for i in group):
                kept.update(group)
            start = None
    return kept


def _lowered(core: str, nearby: tuple[str, str], capitals: Capitals, joined: bool) -> str:
    """A word of a headline-style title as sentence case writes it (see sentence_case); joined:
    whether no punctuation parts it from the next word."""
    before, after = nearby
    if re.fullmatch(r"\d+|[IVXLC]+|One|Two|Three|Four|Five", after):
        return core  # "Resolution 1267", "Chapter VII", "Part One"; not "Counts 2,461"
    if core in ("One", "Two", "Three", "Four", "Five"):
        return core  # a number as a name's part ("Part One"): as a digit would be
    parts = _PARTS.split(core)
    words = parts[::2]
    if len(words) == 1 and capitals.acronym(core) and len(core) <= 4:
        return core.upper()
    if any(not w.isalpha() or w[1:] != w[1:].lower() for w in words):
        return core  # capitals inside (al-Qaeda, McX) or a digit: as written
    if len(words) == 1 and (capitals.names(before, core) or capitals.names(core, after)):
        return core
    if (
        len(words) == 1
        and core.lower() not in _MINOR
        and capitals.in_names[core.lower()]
        and after[:1].isupper()
        and after.lower() in capitals.person_words
        and capitals.in_names[after.lower()] > capitals.lower[after.lower()]
    ):
        return core  # a title before a person's name ("Ambassador Susan E. Rice")
    if core in _PLACE_WORDS and joined and capitals.place_name(after):
        return core  # "Greater Syria", "North Waziristan", "New Delhi"; not "New Al-Qaeda"
    if all(w.lower() in _MINOR or capitals.common(w) for w in words):
        return core.lower()
    return core


def _description(source: Source) -> str | None:
    """The description a title in square brackets gives, for a work whose title was not seen
    (the pack's convention, as APA's): MLA and Chicago give it plainly, APA keeps the
    brackets, none of them italicises or quotes it."""
    return source.title[1:-1] if source.described else None


def _us_date(date: PartialDate) -> str:
    """Chicago and APA's retrieval dates: "March 8, 2022", "March 2022", "2022"."""
    if date.month is None:
        return str(date.year)
    month = _MONTHS[date.month - 1]
    return f"{month} {date.day}, {date.year}" if date.day else f"{month} {date.year}"


def _mla_date(date: PartialDate) -> str:
    """MLA: "7 Sept. 2021"."""
    if date.month is None:
        return str(date.year)
    month = _MLA_MONTHS[date.month - 1]
    return f"{date.day} {month} {date.year}" if date.day else f"{month} {date.year}"


def _apa_date(date: PartialDate | None) -> str:
    """APA: "(2019, March 22)", "(2019)", "(n.d.)"."""
    if date is None:
        return "(n.d.)"
    if date.month is None:
        return f"({date.year})"
    month = _MONTHS[date.month - 1]
    return f"({date.year}, {month}{f' {date.day}' if date.day else ''})"


def _read_from(source: Source) -> str | None:
    """Where a source read from a file came from (an imported list's export, by its name): what
    a reader has in place of an address, in every style."""
    return f"Read from the file {source.file_name}" if source.file_name else None


def _creator(source: Source) -> str:
    """Who the source is by: its author, else (a group author) its publisher."""
    return source.author or source.publisher


def _person(source: Source) -> tuple[str, str] | None:
    """(family, given) names when the author is a person; a publisher never is one."""
    if source.author and _is_person(source.author):
        return _family_given(source.author)
    return None


def _unsigned_news(source: Source) -> bool:
    """A news article with no author: the guides begin its entry with the title."""
    return source.kind is SourceKind.NEWS and not source.author


# --- The three reference-list styles ------------------------------------------------------------


def _in_sentence_case(source: Source) -> bool:
    """Whether APA gives the title in sentence case: not a description (its words are the
    pack's), nor an agreement's or a data set's title, which is the name of a treaty or of a
    list ("Specially Designated Nationals and Blocked Persons List")."""
    named = source.kind in (SourceKind.AGREEMENT_TEXT, SourceKind.DATASET)
    return not (source.described or named)


def apa(source: Source, capitals: Capitals | None = None) -> list[tuple[str, bool]]:
    """APA 7th edition reference: a news article, a web page, or a document by a group; the
    title in sentence case (see sentence_case) where APA asks for it (_in_sentence_case); a
    data set's title followed by the description APA gives one, "[Data set]" (Publication
    Manual, 7th ed., §10.9)."""
    title = (
        sentence_case(source.title, capitals or Capitals())
        if _in_sentence_case(source)
        else source.title
    )
    creator = _creator(source)
    person = _person(source)
    author = f"{person[0]}, {_initials(person[1])}" if person else _end(creator)
    date = f"{_apa_date(source.published)}. "
    parts: list[tuple[str, bool]] = []
    if _unsigned_news(source):
        parts += [(f"{_end(title)} {date}", False), (source.publisher, True), (". ", False)]
    elif source.kind is SourceKind.NEWS:
        parts.append((f"{author} {date}{_end(title)} ", False))
        parts += [(source.publisher, True), (". ", False)]
    elif source.series:  # a periodical's or a blog's entry: the series in italics, no publisher
        parts.append((f"{author} {date}{_end(title)} ", False))
        parts += [(source.series, True), (". ", False)]
    else:
        parts += [(f"{author} {date}", False), (title, _description(source) is None)]
        if source.kind is SourceKind.DATASET:  # APA 7's bracketed description of a data set
            parts.append((" [Data set]. ", False))
        else:
            parts.append((". " if not title.endswith(("?", "!")) else " ", False))
        if source.publisher != creator:
            parts.append((_end(source.publisher) + " ", False))
    if source.licence:  # the terms of use, before the address, as a description is
        parts.append((f"Licence: {_end(source.licence)} ", False))
    # A copy read on another site: APA's retrieval statement says from where, so the copy's
    # address is never taken for the publisher's.
    copy = f"a copy on {source.via}" if source.via else None
    retrieved = _us_date(source.accessed) if source.accessed and not source.published else None
    if source.url and (copy or retrieved):
        whence = f"{copy}: {source.url}" if copy else source.url
        parts.append((f"Retrieved {f'{retrieved}, ' if retrieved else ''}from {whence}", False))
    elif source.url:
        parts.append((source.url, False))
    elif copy:
        parts.append((f"Read in {copy}.", False))
    if read_from := _read_from(source):
        parts.append((f" {read_from}." if source.url or copy else f"{read_from}.", False))
    return _trimmed(parts)


def mla(source: Source) -> list[tuple[str, bool]]:
    """MLA 9th edition works-cited entry; an organization that is both author and publisher is
    given once, as publisher, and the entry begins with the title."""
    parts: list[tuple[str, bool]] = []
    if source.author and source.author != source.publisher:
        if _is_person(source.author):
            family, given = _family_given(source.author)
            parts.append((f"{family}, {_end(given)} ", False))
        else:
            parts.append((_end(source.author) + " ", False))
    described = _description(source)
    title = described or title_case(source.title)
    standalone = source.kind not in (SourceKind.NEWS, SourceKind.WEB_PAGE) and not source.series
    if described:
        parts.append((_end(described) + " ", False))
    elif standalone:
        parts += [(title, True), (". " if not title.endswith(("?", "!")) else " ", False)]
    else:
        parts.append((f"“{_end(title)}” ", False))
    container: list[tuple[str, bool]] = [(source.series, True)] if source.series else []
    if not standalone or source.kind is SourceKind.NEWS or source.author != source.publisher:
        in_italics = source.kind in (SourceKind.NEWS, SourceKind.WEB_PAGE) and not source.series
        container.append((source.publisher, in_italics))
    if source.published:
        container.append((_mla_date(source.published), False))
    # A copy read on another site is MLA's second container: that site, then the copy's URL.
    second: list[tuple[str, bool]] = [(source.via, True)] if source.via else []
    if source.url:
        (second if source.via else container).append((re.sub(r"^https?://", "", source.url), False))
    for group in (container, second):
        for n, part in enumerate(group):
            parts.append(part)
            parts.append((", " if n < len(group) - 1 else ". ", False))
    parts[-1] = (".", False) if parts[-1] == (". ", False) else parts[-1]
    if source.url and source.accessed:
        parts.append((f" Accessed {_mla_date(source.accessed)}.", False))
    if read_from := _read_from(source):  # in place of a location (an address)
        parts.append((f" {read_from}.", False))
    if source.licence:  # an optional element's place: the end
        parts.append((f" Licence: {_end(source.licence)}", False))
    return _trimmed(parts)


def chicago(source: Source) -> list[tuple[str, bool]]:
    """Chicago notes and bibliography: the bibliography entry. Access dates only for sources
    with no date, as the Manual asks."""
    creator = _creator(source)
    person = _person(source)
    parts: list[tuple[str, bool]] = []
    if person:
        parts.append((f"{person[0]}, {_end(person[1])} ", False))
    elif not _unsigned_news(source):
        parts.append((_end(creator) + " ", False))
    described = _description(source)
    title = described or title_case(source.title)
    when = (
        _us_date(source.published)
        if source.published
        else (f"Accessed {_us_date(source.accessed)}" if source.accessed else None)
    )
    if source.kind is SourceKind.NEWS:
        paper = re.sub(r"^The ", "", source.publisher)  # CMOS omits a newspaper's "The"
        headline = f"{_end(title)} " if described else f"“{_end(title)}” "
        parts += [(headline, False), (paper, True)]
        parts.append((f", {when}. " if when else ". ", False))
    else:
        if described:
            parts.append((_end(title) + " ", False))
        elif source.kind is SourceKind.WEB_PAGE or source.series:
            parts.append((f"“{_end(title)}” ", False))
        else:
            parts += [(title, True), (". " if not title.endswith(("?", "!")) else " ", False)]
        if source.series:  # a periodical's or a blog's entry: its date follows the series
            parts += [(source.series, True), (f", {when}. " if when else ". ", False)]
            when = None
        if source.publisher != creator:
            parts.append((_end(source.publisher) + " ", False))
        if when:
            parts.append((_end(when) + " ", False))
    if source.via:  # where the copy read is, before its address (as for a database)
        parts.append((f"Read in a copy on {source.via}" + (", " if source.url else ". "), False))
    if source.url:
        parts.append((_end(source.url) + " ", False))
    if read_from := _read_from(source):
        parts.append((f"{read_from}. ", False))
    if source.licence:
        parts.append((f"Licence: {_end(source.licence)}", False))
    return _trimmed(parts)


def _trimmed(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    if parts:
        text, italic = parts[-1]
        parts[-1] = (text.rstrip(), italic)
    return parts


# --- For reference managers --------------------------------------------------------------------

_CSL_TYPES = {
    SourceKind.NEWS: "article-newspaper",
    SourceKind.WEB_PAGE: "webpage",
    SourceKind.BOOK: "book",
    SourceKind.REPORT: "report",
    SourceKind.DATASET: "dataset",
}


def _csl_date(date: PartialDate) -> dict[str, list[list[int]]]:
    return {"date-parts": [[p for p in (date.year, date.month, date.day) if p is not None]]}


def _csl_name(source: Source) -> dict[str, str]:
    person = _person(source)
    return {"family": person[0], "given": person[1]} if person else {"literal": str(source.author)}


def csl_json(source: Source) -> dict[str, object]:
    """A CSL-JSON item, as Zotero and other reference managers import it."""
    item: dict[str, object] = {
        "id": source.id,
        "type": _CSL_TYPES.get(source.kind, "document"),
        "title": source.title,
    }
    if source.author:
        item["author"] = [_csl_name(source)]
    if source.series or source.kind is SourceKind.NEWS:
        item["container-title"] = source.series or source.publisher
    item["publisher"] = source.publisher
    if source.published:
        item["issued"] = _csl_date(source.published)
    if source.url:
        item["URL"] = source.url
    if source.via:
        item["archive"] = source.via  # where the copy read is kept, not the publisher's site
    if source.licence:
        item["license"] = source.licence  # CSL 1.0.2's variable
    if read_from := _read_from(source):
        item["note"] = read_from  # Zotero's Extra
    if source.accessed:
        item["accessed"] = _csl_date(source.accessed)
    return item


_TEX_SPECIAL = re.compile(r"[&%$#_{}\\~^]")
_TEX_WORDS = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _tex(text: str) -> str:
    """Text as LaTeX sets it: each special character escaped in one pass, so the braces of
    \\textbackslash{} are never escaped again."""
    return _TEX_SPECIAL.sub(lambda m: _TEX_WORDS.get(m.group(), "\\" + m.group()), text)


def bibtex(source: Source) -> str:
    """A BibTeX entry (biblatex fields date and urldate kept alongside year and month)."""
    kind = {SourceKind.NEWS: "article", SourceKind.BOOK: "book"}.get(source.kind, "misc")
    fields: list[tuple[str, str]] = []
    person = _person(source)
    if person:
        fields.append(("author", f"{_tex(person[0])}, {_tex(person[1])}"))
    elif source.author:
        fields.append(("author", "{" + _tex(source.author) + "}"))  # braced: a group's name
    fields.append(("title", "{" + _tex(source.title) + "}"))
    fields.append(("journal" if kind == "article" else "publisher", _tex(source.publisher)))
    if source.series:
        fields.append(("series" if kind == "book" else "howpublished", _tex(source.series)))
    if source.published:
        fields.append(("year", str(source.published.year)))
        if source.published.month:
            fields.append(("month", _MONTHS[source.published.month - 1][:3].lower()))
        fields.append(("date", source.published.isoformat()))
    if source.url:
        fields.append(("url", source.url))
    note = [f"Read in a copy on {_tex(source.via)}"] if source.via else []
    note += [_tex(read_from)] if (read_from := _read_from(source)) else []
    note += [f"Licence: {_tex(source.licence)}"] if source.licence else []
    if note:
        fields.append(("note", ". ".join(note)))
    if source.accessed:
        fields.append(("urldate", source.accessed.isoformat()))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@{kind}{{{source.id},\n{body}\n}}\n"


_RIS_TYPES = {
    SourceKind.NEWS: "NEWS",
    SourceKind.WEB_PAGE: "ELEC",
    SourceKind.UN_DOCUMENT: "GOVDOC",
    SourceKind.GOVERNMENT: "GOVDOC",
    SourceKind.REPORT: "RPRT",
    SourceKind.BOOK: "BOOK",
    SourceKind.DATASET: "DATA",
}


def _ris_date(date: PartialDate) -> str:
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.day else ""
    return f"{date.year}/{month}/{day}/"


def ris(source: Source) -> str:
    """An RIS record."""
    lines = [("TY", _RIS_TYPES.get(source.kind, "GEN")), ("ID", source.id)]
    person = _person(source)
    if source.author:
        lines.append(("AU", f"{person[0]}, {person[1]}" if person else source.author))
    lines.append(("TI", source.title))
    if source.series or source.kind is SourceKind.NEWS:
        lines.append(("T2", source.series or source.publisher))
    lines.append(("PB", source.publisher))
    if source.published:
        lines += [("PY", str(source.published.year)), ("DA", _ris_date(source.published))]
    if source.url:
        lines.append(("UR", source.url))
    if source.via:
        lines.append(("DP", source.via))
    if read_from := _read_from(source):
        lines.append(("N1", read_from))
    if source.licence:
        lines.append(("N1", f"Licence: {source.licence}"))
    if source.accessed:
        lines.append(("Y2", _ris_date(source.accessed)))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines)


def capitals_of(index: Index, sources: Sequence[Source], enough: int = 400) -> Capitals:
    """How the facts citing these sources, the packs' other facts that write the titles' words
    (up to enough of each: a list import's thousands of listings say nothing more) and every
    entity's names and description write their words."""
    sources = [source for source in sources if _in_sentence_case(source)]
    if not sources:
        return Capitals()  # nothing to ask of the packs (a list's title: as written)
    catalog = index.catalog.sources
    records = {key for key, source in catalog.items() if source.kind is SourceKind.DATASET}
    texts: list[str] = []
    read: set[str] = set()
    # The other facts read are those that write the titles' words, best matching first: the
    # first facts by date said nothing of most titles, and which they were moved as packs grew.
    title_words = sorted({word for source in sources for word in tokens(source.title)})
    for hits in [
        *(index.browse(Filters(source=source.id), limit=enough) for source in sources),
        index.ranked(title_words, Filters(), enough) if title_words else (),
    ]:
        for hit in hits:
            if hit.fact.id in read:
                continue
            read.add(hit.fact.id)
            texts.append(hit.fact.claim)
            if isinstance(hit.fact, Quote) and hit.fact.medium:
                texts.append(hit.fact.medium)  # "CBS, Face the Nation": a programme's name
            texts.extend(note.text for note in hit.fact.notes)
            texts.extend(
                cited.passage
                for cited in hit.fact.all_citations()
                if cited.passage and cited.source not in records  # a record is not prose
            )
    entities = index.catalog.entities.values()
    texts.extend(entity.description for entity in entities if entity.description)
    texts.extend(_prose_of_archive(source) for source in sources)
    # A headline-style title, given in a passage or quoted in a note, says nothing of how
    # its words are written in a sentence.
    titles = sorted((s.title for s in catalog.values() if len(s.title.split()) > 2), key=len)
    quoted = re.compile("|".join(re.escape(title) for title in reversed(titles)) or "(?!)")
    texts = [quoted.sub(" ", text) for text in texts]
    # A document's name is its title, often in headline style: not a name's evidence.
    named = [entity for entity in entities if entity.kind is not EntityKind.DOCUMENT]
    names = [name for entity in named for name in entity.names]
    known = [name for entity in entities for name in entity.names]
    known += [name for s in catalog.values() for name in (s.publisher, s.author, s.series) if name]
    people = [
        name for entity in entities if entity.kind is EntityKind.PERSON for name in entity.names
    ]
    groups = [n for e in entities if e.kind is EntityKind.ORGANIZATION for n in e.names]
    english = ordinary_english()
    return Capitals(texts, names=names, known=known, people=people, groups=groups, english=english)


def ordinary_english() -> frozenset[str]:
    """Common English words written in lower case (~22,000: "designed", "pace", "united"; not
    "syria", "margaret", "pompeo"), from wordfreq and a cased dictionary: see
    scripts/make_ordinary_english.py. Empty if the list cannot be read: then no word is
    lowered on its say-so."""
    path = Path(__file__).resolve().parent / "data" / "ordinary-english.txt"
    try:
        _, _, words = path.read_text(encoding="utf-8").partition("\n\n")  # after the notice
    except OSError:
        return frozenset()
    return frozenset(words.split())


def _prose_of_archive(source: Source) -> str:
    """The lines of a source's archived text that are prose: not its headlines, whose words
    are all capitalised whatever they are (its own title among them); "" if it has none, or
    cannot be read (tq validate says so; a citation does without)."""
    if source.archive is None:
        return ""
    try:
        text = source.archive.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    lines = (line.split() for line in text.splitlines())
    return "\n".join(" ".join(words) for words in lines if not _headline_style(words))


def sources_behind(
    index: Index, ids: Sequence[str], *, capitals: bool = False
) -> tuple[list[Source], tuple[tuple[str, IdIs, str | None], ...], Capitals | None]:
    """The sources the facts with these ids cite (a source id stands for itself), each once, in
    the order met; every id that names neither (with what it names instead), so that the
    known ones are cited all the same, as tq show shows the facts it knows; and, if asked,
    how the packs write the words of their titles (capitals_of)."""
    fact_ids = [i for i in ids if i not in index.catalog.sources]
    shown = index.show_known(fact_ids) if fact_ids else None
    facts = {hit.fact.id: hit.fact for hit in shown.hits} if shown else {}
    unknown = shown.unknown if shown else ()
    missing = {fact_id for fact_id, _, _ in unknown}
    wanted: list[str] = []
    for given in ids:
        if given in missing:
            continue
        fact = facts.get(given)
        wanted.extend(c.source for c in fact.citations) if fact else wanted.append(given)
    cited = [index.catalog.sources[source_id] for source_id in dict.fromkeys(wanted)]
    return cited, unknown, capitals_of(index, cited) if capitals else None
