"""Reading fact packs into a Catalog, reporting every problem with its file and line."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import tomli

from tqcli import plaintoml
from tqcli.errors import InvalidPacks
from tqcli.figures import format_number, unstated
from tqcli.model import (
    Agreement,
    Alias,
    Catalog,
    Citation,
    Details,
    Duplicate,
    Entity,
    EntityKind,
    Event,
    Fact,
    FactKind,
    Figure,
    LoadReport,
    Location,
    Note,
    NoteStance,
    Pack,
    PartialDate,
    Problem,
    Quote,
    Sanction,
    Source,
    SourceKind,
    Synonyms,
    latest_day,
)
from tqcli.packs import USER_FOLDER_ORIGIN
from tqcli.textnorm import closest, did_you_mean, squeeze, squeeze_document
from tqcli.tomllines import TomlLines, deepest_line, syntax_error, with_bare_dates_quoted
from tqcli.userfiles import UnreadableFile, decoded, read_bytes, too_large

SOURCE_TABLE = "source"
ENTITY_TABLE = "entity"
SYNONYMS_TABLE = "synonyms"
TOP_LEVEL_TABLES = (
    SOURCE_TABLE,
    ENTITY_TABLE,
    *(kind.value for kind in FactKind),
    SYNONYMS_TABLE,
)
_FACT_KINDS = frozenset(kind.value for kind in FactKind)
_WORD = re.compile(r"^[^\W_]+$")

_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")
_URL = re.compile(r"^https?://\S+$")
_LINE_BREAK = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""What ends a line (as str.splitlines sees it), and tab: never inside a one-line field."""
_EnumT = TypeVar("_EnumT", bound=Enum)


def _unseen(_: str) -> None:
    """Where a load's progress goes when nobody is watching."""


def open_catalog(packs: Sequence[Pack], stage: Callable[[str], None] = _unseen) -> Catalog:
    """Load the packs for querying; raise InvalidPacks listing every problem if any."""
    result = load(packs, stage)
    if result.problems:
        raise InvalidPacks(result.problems, packs)
    return result.catalog


def load(packs: Sequence[Pack], stage: Callable[[str], None] = _unseen) -> LoadReport:
    """Load every pack and check it whole: fields, references, duplicates and passages.

    stage is told what loading is doing, for a progress note.
    """
    state = _State()
    files = [(pack, path) for pack in packs for path in _pack_files(pack, state)]
    return _load_files(packs, files, state, stage)


def pack_files(packs: Sequence[Pack]) -> list[tuple[Pack, Path]] | None:
    """Every TOML file of the packs, in the order a load reads them; None if one cannot be
    read (a load reports it)."""
    state = _State()
    files = [(pack, path) for pack in packs for path in _pack_files(pack, state)]
    return None if state.problems else files


def load_some(
    packs: Sequence[Pack], files: Sequence[tuple[Pack, Path]], stage: Callable[[str], None]
) -> LoadReport:
    """Load only these files of the packs, checked like a whole load checks them (a parallel
    build reads the files that define sources and entities this way, the rest in workers)."""
    return _load_files(packs, files, _State(), stage)


def _load_files(
    packs: Sequence[Pack],
    files: Sequence[tuple[Pack, Path]],
    state: _State,
    stage: Callable[[str], None],
) -> LoadReport:
    for number, (pack, path) in enumerate(files, start=1):
        stage(f"reading file {number} of {len(files)} ({path.name})")
        _load_file(pack, path, state)
    stage("checking references and passages")
    entities = {entity.id: entity for entity in state.entities}
    catalog = Catalog(
        packs=tuple(packs),
        facts=tuple(state.facts),
        sources={source.id: source for source in state.sources},
        entities=entities,
        links=same_as_classes(entities.values()),
        synonyms=tuple(state.synonyms),
    )
    _check_duplicates(state)
    _check_references(catalog, state)
    _check_passages(catalog, state)
    _at_their_keys(state)
    return LoadReport(catalog, _in_file_order(state.problems), state.proven, state.unarchived)


def _at_their_keys(state: _State) -> None:
    """Each problem reported with a key (_State.keyed) moved from its table's line to its key's:
    the files with such problems read again, their keys' lines found (the error path only)."""
    files: dict[Path, list[tuple[int, _KeyPath]]] = {}
    for number, key in state.keyed:
        files.setdefault(state.problems[number].where.path, []).append((number, key))
    for path, keyed in files.items():
        try:
            text = decoded(read_bytes(path, limit=MAX_PACK_FILE_BYTES), path)
        except UnreadableFile:
            continue  # gone since it was read: the tables' lines stay
        lines = TomlLines(text.removeprefix("\ufeff"))
        for number, key in keyed:
            problem = state.problems[number]
            line = lines.under(problem.where.line or 0, *key)
            if line is not None:
                state.problems[number] = Problem(
                    Location(path, line), problem.message, problem.duplicate
                )
    state.keyed.clear()


def load_fact_files(
    files: Sequence[tuple[Pack, Path]],
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    taken: Callable[[str], bool],
    archives: dict[str, str | None] | None = None,
) -> tuple[Fact, ...] | None:
    """The facts of these files, checked like a whole load checks them against the sources and
    entities of the other files, and against the fact ids taken there. archives: the text of
    archives read so far, by source id, kept for the next call.

    None when a file defines a source, an entity or synonyms, or anything is wrong: a whole
    load then tells every problem in its context.
    """
    read = read_fact_files(files)
    return None if read is None else check_fact_files(read, sources, entities, taken, archives)


def read_fact_files(files: Sequence[tuple[Pack, Path]]) -> FactFiles | None:
    """The first half of load_fact_files: the files read, which needs no source or entity (a
    parallel build's workers read their first files while the sources and entities load)."""
    if not all(path.is_file() for _, path in files):
        return None  # a pipe or a dangling link: never opened (the whole load reports it)
    state = _State()
    for pack, path in files:
        _load_file(pack, path, state)
    if state.problems or state.sources or state.entities or state.synonyms:
        return None
    return state


def check_fact_files(
    read: FactFiles,
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    taken: Callable[[str], bool],
    archives: dict[str, str | None] | None = None,
) -> tuple[Fact, ...] | None:
    """The second half of load_fact_files: the facts read, checked; None if anything is wrong."""
    state = read
    if any(taken(fact.id) for fact in state.facts):
        return None
    catalog = Catalog(packs=(), facts=tuple(state.facts), sources=sources, entities=entities)
    _check_duplicates(state)
    _check_references(catalog, state)
    _check_passages(catalog, state, {} if archives is None else archives)
    return None if state.problems else catalog.facts


def load_beside(
    files: Sequence[tuple[Pack, Path]],
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    taken: Callable[[str], bool],
) -> Catalog | None:
    """The sources, entities and facts of these files (the whole of packs added to those an
    index holds), checked as a whole load checks them, beside the sources and entities of the
    other packs (given) and the fact ids taken there. The catalog holds these files' own.

    None when they define synonyms, or anything is wrong: a whole load then tells every problem
    in its context.
    """
    if not all(path.is_file() for _, path in files):
        return None  # a pipe or a dangling link: never opened (the whole load reports it)
    state = _State()
    for pack, path in files:
        _load_file(pack, path, state)
    if state.problems or state.synonyms:
        return None
    own_sources = {source.id: source for source in state.sources}
    own_entities = {entity.id: entity for entity in state.entities}
    if (
        any(source_id in sources for source_id in own_sources)
        or any(entity_id in entities for entity_id in own_entities)
        or any(taken(fact.id) for fact in state.facts)
    ):
        return None  # a duplicate of the other packs' ids
    beside = Catalog(
        packs=(),
        facts=tuple(state.facts),
        sources={**sources, **own_sources},
        entities={**entities, **own_entities},
    )
    _check_duplicates(state)
    _check_references(beside, state)
    _check_passages(beside, state)
    if state.problems:
        return None
    return Catalog(
        packs=(), facts=beside.facts, sources=own_sources, entities=own_entities, links={}
    )


def same_as_classes(entities: Iterable[Entity]) -> dict[str, frozenset[str]]:
    """Group entities linked by same_as (in either direction, transitively).

    Links to ids that no loaded pack defines still join the class: they take effect when the
    pack defining them is loaded, and are harmless until then.
    """
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for entity in entities:
        for other in entity.same_as:
            parent[root(entity.id)] = root(other)
    classes: dict[str, set[str]] = {}
    for node in parent:
        classes.setdefault(root(node), set()).add(node)
    return {node: frozenset(members) for members in classes.values() for node in members}


def _in_file_order(problems: list[Problem]) -> tuple[Problem, ...]:
    """Problems grouped by file (first seen first), each file's by line."""
    order: dict[Path, int] = {}
    for problem in problems:
        order.setdefault(problem.where.path, len(order))
    return tuple(sorted(problems, key=lambda p: (order[p.where.path], p.where.line or 0)))


_KeyPath = tuple[str | int, ...]
"""A key below a table, as TomlLines.under takes it: ("value",), ("cite", 0, "passage")."""


@dataclass(frozen=True)
class _Unfinished:
    """What could be read of a fact with field errors, so that every problem of a pack is
    reported in one run: its references are checked all the same."""

    where: Location
    label: str
    entity_references: tuple[tuple[str, str], ...]
    citations: tuple[Citation, ...]
    tables: tuple[_KeyPath, ...]
    """The table each of citations is written in: ("cite", 0), ("note", 1)."""
    claim: str | None
    details: Details | None
    """Its claim and details where they read: its quote's text and its figure's numbers are
    checked against its passages all the same."""


@dataclass
class _State:
    """What loading has found so far."""

    sources: list[Source] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    synonyms: list[Synonyms] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    proven: int = 0
    unarchived: int = 0
    invalid_sources: set[str] = field(default_factory=set)
    """Ids of sources defined with field errors: references to them are not reported again."""
    invalid_entities: set[str] = field(default_factory=set)
    """The same for entities (an entity of an unknown kind still exists for references)."""
    unfinished: list[_Unfinished] = field(default_factory=list)
    """Facts with field errors, as far as they could be read: their references are checked."""
    fact_ids: list[tuple[str, Location]] = field(default_factory=list)
    """Every fact id read, with or without field errors, in load order (as defined has)."""
    defined: dict[str, list[tuple[str, Location]]] = field(
        default_factory=lambda: {"source": [], "entity": []}
    )
    """Every source and entity id defined, with or without field errors, in load order: a
    duplicate is reported in the same run as the field errors of either definition."""
    archive_table: dict[str, tuple[_Table, str]] = field(default_factory=dict)
    """The table of each source with an archive, and the archive as written: a problem met
    when the archive is read is reported at its 'archive' line."""
    archive_of: dict[str, Path] = field(default_factory=dict)
    """The first archive given for each source id, also by a definition with field errors or
    a duplicate one: passages citing it are proven in the same run."""
    more_archives: dict[str, list[Path]] = field(default_factory=dict)
    """The other archives given for a source id defined twice: a passage citing it is proven
    by any of them (the duplicate is one problem, not one more for each passage of the pack
    that defines it again: stranger 16, finding 7)."""

    last_day: dt.date = field(default_factory=latest_day)
    """The latest day a date in a pack can name (today anywhere on Earth)."""
    keyed: list[tuple[int, _KeyPath]] = field(default_factory=list)
    """Problems found once the files are read (a reference, a passage, a duplicate id), each
    by its number in problems, with the key below its table's line that it is about: a fact
    keeps only its table's line, so the key's is found when the load ends with problems
    (_at_their_keys), at no cost to a load without any."""

    def report(self, where: Location, message: str, key: _KeyPath = ()) -> None:
        if key and where.line is not None:
            self.keyed.append((len(self.problems), key))
        self.problems.append(Problem(where, message))


FactFiles = _State
"""Fact files read by read_fact_files, their facts not yet checked."""


_Defined = TypeVar("_Defined", Source, Entity)


def _define(
    state: _State,
    kind: str,
    table: _Table,
    record: _Defined | None,
    kept: list[_Defined],
    invalid: set[str],
) -> None:
    """Keep a source or entity read whole; for one with field errors, remember its id (so that
    references to it are not reported again). Either way its id counts as defined."""
    if record is not None:
        kept.append(record)
        state.defined[kind].append((record.id, record.where))
    elif table.given_id is not None:
        invalid.add(table.given_id)
        state.defined[kind].append((table.given_id, table.where))


def _pack_files(pack: Pack, state: _State) -> list[Path]:
    """The pack's TOML files; a *.toml that is not a readable file (a FIFO, which would block
    reading, a dangling link or a symlink loop, a directory) is reported, never opened."""
    try:
        candidates = sorted(pack.path.glob("*.toml"))
    except OSError as error:
        state.report(Location(pack.path), f"cannot read the pack: {error.strerror or error}")
        return []
    if pack.origin == USER_FOLDER_ORIGIN and not candidates:
        _report_not_a_pack(pack, state)
    files = []
    for path in candidates:
        if path.is_file():
            files.append(path)
        elif path.is_symlink() and not path.exists():
            state.report(Location(path), "a link to nothing (or a symlink loop); not read")
        elif path.is_dir():
            state.report(Location(path), "a directory named like a fact file (*.toml); not read")
        else:
            state.report(Location(path), "not a regular file (a pipe or a device); not read")
    return files


def _report_not_a_pack(pack: Pack, state: _State) -> None:
    """In the user pack folder every subfolder is a pack: one without a fact file (a pack's
    archive/ copied there) is not one, and is reported rather than loaded as an empty pack."""
    state.report(
        Location(pack.path),
        "holds no *.toml file, so it is not a pack (in the user pack folder each subfolder "
        f"is a pack); move it into its pack's folder, or out of {str(pack.path.parent)!r}",
    )


MAX_PACK_FILE_BYTES = 256 << 20
"""The largest fact file read, far above real ones (the built-in pack's largest is under 1 MiB,
an import of the UN list about 4 MiB); a larger one is refused unread rather than let it use
up the memory."""
MAX_ARCHIVE_BYTES = 1 << 30
"""The largest archive read: what the importers archive is at most their largest input."""


def _load_file(pack: Pack, path: Path, state: _State) -> None:
    try:
        # A byte-order mark is how some editors save UTF-8; it is not part of the TOML.
        text = decoded(read_bytes(path, limit=MAX_PACK_FILE_BYTES), path).removeprefix("\ufeff")
    except UnreadableFile as error:
        state.problems.append(error.problem)
        return
    try:
        # Plain TOML (what the importers write) read in C; any other by tomli.
        document = plaintoml.loads(text)
        if document is None:
            document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        document, dates, refused = with_bare_dates_quoted(text, error)
        if refused is not None:
            for date in dates:
                state.report(Location(path, date.line, date.column), date.message())
            line, column, message = syntax_error(text, refused)
            state.report(Location(path, line, column), message)
            return
        assert document is not None  # (read past its dates)
        said = len(state.problems)
        _read_document(pack, path, text, document, state)
        # A date the checks of its field said nothing of (a year or month, or a field that
        # takes text) is still no TOML: said here.
        for date in dates:
            if not any(repr(date.text) in problem.message for problem in state.problems[said:]):
                state.report(Location(path, date.line, date.column), date.message())
        return
    except RecursionError:
        state.report(Location(path, deepest_line(text)), "TOML nesting too deep to read")
        return
    except MemoryError:
        state.report(Location(path), "too large to read in the memory available")
        return
    _read_document(pack, path, text, document, state)


def _read_document(
    pack: Pack, path: Path, text: str, document: dict[str, Any], state: _State
) -> None:
    file = _File(pack, path, TomlLines(text), state)
    for name, value in document.items():
        if name not in TOP_LEVEL_TABLES:
            hint = did_you_mean(name, TOP_LEVEL_TABLES)
            tables = ", ".join(f"[[{table}]]" for table in TOP_LEVEL_TABLES)
            file.report(
                file.lines.find(name), f"unknown table {name!r}{hint}; a pack file holds {tables}"
            )
            continue
        if name in _FACT_KINDS and isinstance(value, list):
            _read_facts(file, FactKind(name), value)
            continue
        for table in file.array_of_tables(name, value, (name,)):
            _read_top_level(name, table)


def _read_facts(file: _File, kind: FactKind, tables: list[Any]) -> None:
    """An array of fact tables: each valid one read in C, the rest by the careful reader."""
    from tqcli.factshapes import FactTables

    name, quick, count = kind.value, FactTables(kind, tables), len(tables)
    lines, path, pack = file.lines.tables(name, count), file.path, file.pack.name
    facts, fact_ids = file.state.facts, file.state.fact_ids
    for index in range(count):
        fact = quick.fact(index, pack, Location(path, lines[index]))
        if fact is not None:
            facts.append(fact)
            fact_ids.append((fact.id, fact.where))
            continue
        table = file.item(name, tables[index], (name, index), index, count)
        if table is not None:
            _read_top_level(name, table)


def _read_top_level(name: str, table: _Table) -> None:
    state = table.file.state
    if name == SOURCE_TABLE:
        _define(state, "source", table, _read_source(table), state.sources, state.invalid_sources)
    elif name == ENTITY_TABLE:
        _define(state, "entity", table, _read_entity(table), state.entities, state.invalid_entities)
    elif name == SYNONYMS_TABLE:
        synonyms = _read_synonyms(table)
        if synonyms is not None:
            state.synonyms.append(synonyms)
    else:
        fact = _read_fact(FactKind(name), table)
        if fact is not None:
            state.facts.append(fact)


@dataclass
class _File:
    """One TOML file being read, with the way to report a problem at a line of it."""

    pack: Pack
    path: Path
    lines: TomlLines
    state: _State

    def report(self, line: int | None, message: str) -> None:
        self.state.report(Location(self.path, line), message)

    def array_of_tables(
        self, name: str, value: object, path: tuple[str | int, ...], owner: str = ""
    ) -> Iterator[_Table]:
        """Readers for an array of tables (or a lone table) at path; report anything else."""
        items = [value] if isinstance(value, dict) else value
        if not isinstance(items, list):
            self.report(
                self.lines.find(*path), f"{owner}{name!r} must be an array of tables ([[{name}]])"
            )
            return
        top_level = len(path) == 1
        for index, item in enumerate(items):
            item_path = (*path, index) if isinstance(value, list) else (*path, 0)
            table = self.item(
                name, item, item_path, index, len(items) if top_level else None, owner
            )
            if table is not None:
                yield table

    def item(
        self,
        name: str,
        item: object,
        path: tuple[str | int, ...],
        index: int,
        siblings: int | None,
        owner: str = "",
    ) -> _Table | None:
        """A reader for the index-th table of an array at path; None (reported) if the item
        is not a table. siblings: how many top-level tables of this name the parser found;
        owner: the label of the table it is in, which its problems name too."""
        if isinstance(item, dict):
            table = _Table(self, item, path, name, siblings)
            if owner:  # a cite or note: "fact 'x': cite 2: unknown field 'unit'"
                table.label = f"{owner}{name} {index + 1}: "
            return table
        self.report(
            self.lines.find(*path),
            f"{owner}{name!r} item {index + 1} must be a table, not {_type_name(item)}",
        )
        return None


class _Table:
    """Reads typed fields out of one TOML table, reporting each problem once.

    The keys a reader asks for are the table's known keys: finish() reports the rest as unknown.
    """

    def __init__(
        self,
        file: _File,
        data: Mapping[str, Any],
        path: tuple[str | int, ...],
        name: str,
        siblings: int | None = None,
    ) -> None:
        self.file = file
        self._data = data
        self.path = path
        self._siblings = siblings  # how many top-level tables of this name the parser found
        self._known: set[str] = set()
        self._missing: list[str] = []  # required keys it lacks, reported by finish()
        identifier = data.get("id")
        self.given_id = identifier.strip() if isinstance(identifier, str) else None
        """The id as written, valid or not."""
        self.label = f"{name} {identifier!r}: " if isinstance(identifier, str) else f"{name}: "

    @functools.cached_property
    def line(self) -> int | None:
        """The table's line: found fast for top-level tables, carefully (and lazily) otherwise."""
        name, index = self.path[0], self.path[-1]
        if self._siblings is not None and isinstance(name, str) and isinstance(index, int):
            return self.file.lines.table(name, index, self._siblings)
        return self.file.lines.find(*self.path)

    @property
    def where(self) -> Location:
        return Location(self.file.path, self.line)

    def report(self, message: str, key: str | None = None) -> None:
        line = self.file.lines.find(*self.path, key) if key else None
        self.file.report(line or self.line, self.label + message)

    def _get(self, key: str, required: bool) -> Any:
        self._known.add(key)
        value = self._data.get(key)
        if value is None and required:
            self._missing.append(key)
        return value

    def raw(self, key: str) -> Any:
        """The value as TOML gave it, for fields with a shape of their own."""
        self._known.add(key)
        return self._data.get(key)

    def has(self, key: str) -> bool:
        """Whether the table sets key, valid or not."""
        return key in self._data

    def _wrong_type(self, key: str, wanted: str, value: object) -> None:
        self.report(f"field {key!r} must be {wanted}, not {_type_name(value)}", key)

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self._wrong_type(key, "a non-empty string", value)
            return None
        return value.strip()

    def one_line(self, key: str, *, required: bool = False) -> str | None:
        """text() of a field shown on one line (a title, a name): a line break or a tab in it
        would break a message, a table row or an RIS record, so it is refused."""
        value = self.text(key, required=required)
        if value is not None and (found := _LINE_BREAK.search(value)):
            self.report(
                f"field {key!r} must be one line; it holds {found.group()!r}",
                key,
            )
            return None
        return value

    def texts(self, key: str, *, distinct: bool = False) -> tuple[str, ...]:
        """An array of non-empty strings; distinct: each given once (a list of ids, tags)."""
        value = self._get(key, required=False)
        if value is None:
            return ()
        wanted = "an array of non-empty strings"
        if not isinstance(value, list):
            self._wrong_type(key, wanted, value)
            return ()
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.report(
                    f"field {key!r} must be {wanted}; item {index + 1} is {_type_name(item)}", key
                )
                return ()
        texts = tuple(v.strip() for v in value)
        if distinct and len(set(texts)) < len(texts):
            self.report(f"field {key!r} gives {_first_repeat(texts)!r} more than once", key)
            return ()
        return texts

    def slug(self) -> str | None:
        value = self.text("id", required=True)
        if value is not None and not _SLUG.match(value):
            self.report(
                f"id {value!r} is not a slug (lower-case letters and digits, with '.', '_' "
                "or '-' inside)",
                "id",
            )
            return None
        return value

    def date(self, key: str, *, required: bool = False) -> PartialDate | None:
        return self._date_value(key, self._get(key, required))

    def dates(self, key: str) -> tuple[PartialDate, ...]:
        values = self._get(key, required=False)
        if values is None:
            return ()
        if not isinstance(values, list):
            self._wrong_type(key, "an array of dates", values)
            return ()
        return tuple(filter(None, (self._date_value(key, value) for value in values)))

    def _date_value(self, key: str, value: object) -> PartialDate | None:
        date = self._parsed_date(key, value)
        # Every date a pack holds is of something that has happened (a plan is dated when it
        # was made or announced), and rests on a source published by today.
        if date is not None and date.first_day > self.file.state.last_day:
            self.report(f"field {key!r} ({date}) is in the future", key)
        return date

    def _parsed_date(self, key: str, value: object) -> PartialDate | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.report(f"field {key!r} must be a date without a time of day", key)
            return None
        if isinstance(value, dt.date):
            return PartialDate.from_date(value)
        if isinstance(value, str):
            try:
                return PartialDate.parse(value)
            except ValueError as error:
                self.report(f"field {key!r}: {error}", key)
                return None
        self._wrong_type(key, 'a date (1999-10-15, "1999-10" or "1999")', value)
        return None

    def number(self, key: str) -> int | float | None:
        value = self._get(key, required=False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._wrong_type(key, "a number", value)
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.report(f"field {key!r} must be a finite number", key)
            return None
        return value

    def choice(
        self, key: str, choices: type[_EnumT], *, default: _EnumT | None = None
    ) -> _EnumT | None:
        """The field's value, one of choices; required unless there is a default."""
        value = self.text(key, required=default is None)
        if value is None:
            return default
        names = [member.value for member in choices]
        if value not in names:
            hint = did_you_mean(value, names)
            self.report(f"field {key!r} is {value!r}{hint}; one of: {', '.join(names)}", key)
            return None
        return choices(value)

    def tables(self, key: str, *, required: bool = False) -> list[_Table]:
        value = self._get(key, required)
        if value is None:
            return []
        if required and value == []:
            self.report(f"field {key!r} needs at least one table", key)
        return list(self.file.array_of_tables(key, value, (*self.path, key), owner=self.label))

    def finish(self) -> None:
        """Report the keys the readers did not ask for, and the required ones the table lacks:
        a missing one that an unknown key likely stands for in one message, at that key."""
        unknown = [key for key in self._data if key not in self._known]
        if not unknown and not self._missing:  # as nearly every table
            return
        misnamed = _misnamed(unknown, self._missing, self._known)
        for key in self._missing:
            if key not in misnamed.values():
                self.report(f"missing required field {key!r}")
        for key in unknown:
            if key in misnamed:
                meant = misnamed[key]
                self.report(
                    f"unknown field {key!r} (did you mean {meant!r}? that required field is "
                    "missing)",
                    key,
                )
            else:
                self.report(f"unknown field {key!r}{did_you_mean(key, self._known)}", key)


def _misnamed(
    unknown: Sequence[str], missing: Sequence[str], known: Iterable[str]
) -> dict[str, str]:
    """The missing required key each unknown key likely stands for: the one it is spelt
    nearest to, where that is missing ('clam' for 'claim'); else, where one unknown key is
    near no known one and one required key is missing, that one ('sources' for 'cite': the
    same field by another name, as a table with one field too many and one too few has)."""
    pairs: dict[str, str] = {}
    unlike: list[str] = []
    for key in unknown:
        near = closest(key, known)
        if near is None:
            unlike.append(key)
        elif near in missing and near not in pairs.values():
            pairs[key] = near
    left = [key for key in missing if key not in pairs.values()]
    if len(unlike) == 1 and len(left) == 1:
        pairs[unlike[0]] = left[0]
    return pairs


def _first_repeat(texts: Sequence[str]) -> str | None:
    seen: set[str] = set()
    for text in texts:
        if text in seen:
            return text
        seen.add(text)
    return None


def _type_name(value: object) -> str:
    if isinstance(value, str) and not value.strip():
        return "an empty string" if not value else "only white space"
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "a table",
        dt.date: "a date",
        dt.datetime: "a date-time",
        dt.time: "a time",
    }
    return names.get(type(value), type(value).__name__)


def _read_source(table: _Table) -> Source | None:
    source_id = table.slug()
    title = table.one_line("title", required=True)
    publisher = table.one_line("publisher", required=True)
    kind = table.choice("kind", SourceKind)
    author = table.one_line("author")
    published = table.date("published")
    url = table.text("url")
    accessed = table.date("accessed")
    via = table.one_line("via")
    series = table.one_line("series")
    licence = table.one_line("licence")
    file_name = table.one_line("file_name")
    _check_source_dates(table, published, accessed)
    if url is not None and not _URL.match(url):
        table.report(f"field 'url' must be an http(s) address, not {url!r}", "url")
    archive = _archive_path(table)
    notes = table.texts("notes")
    table.finish()
    if table.given_id is not None and archive is not None:
        state = table.file.state
        if state.archive_of.setdefault(table.given_id, archive) != archive:
            state.more_archives.setdefault(table.given_id, []).append(archive)
    if source_id is None or title is None or publisher is None or kind is None:
        return None
    return Source(
        id=source_id,
        title=title,
        publisher=publisher,
        kind=kind,
        author=author,
        published=published,
        url=url,
        accessed=accessed,
        archive=archive,
        notes=notes,
        pack=table.file.pack.name,
        where=table.where,
        via=via,
        series=series,
        licence=licence,
        file_name=file_name,
    )


def _check_source_dates(
    table: _Table, published: PartialDate | None, accessed: PartialDate | None
) -> None:
    """A source is read after it is published (neither after today: every date is checked so)."""
    if published is not None and accessed is not None and accessed.last_day < published.first_day:
        table.report(f"'accessed' ({accessed}) is before 'published' ({published})", "accessed")


def _archive_path(table: _Table) -> Path | None:
    relative = table.one_line("archive")
    if relative is None:
        return None
    try:
        pack_dir = table.file.pack.path.resolve()
        candidate = (pack_dir / relative).resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop, before 3.13
        table.report(f"archive {relative!r} cannot be resolved: {error}", "archive")
        return None
    if Path(relative).is_absolute() or not candidate.is_relative_to(pack_dir):
        table.report(f"archive {relative!r} must be a path inside the pack", "archive")
        return None
    problem = _archive_problem(candidate)
    if problem is not None:
        table.report(f"archive {relative!r} {problem}", "archive")
        return None
    if table.given_id is not None:
        table.file.state.archive_table.setdefault(table.given_id, (table, relative))
    return candidate


def _archive_problem(path: Path) -> str | None:
    """Why the file at path (resolved) cannot be a source's archive, or None if it can be."""
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return "does not exist in the pack"
    except OSError as error:  # a folder on the way that may not be searched (Permission denied)
        return f"cannot be read: {error.strerror or error}"
    if stat.S_ISDIR(status.st_mode):
        return "is a directory, not a text file"
    if not stat.S_ISREG(status.st_mode):
        return "is not a regular file (a pipe or a device); not read"
    if path.suffix.lower() == ".toml":
        # A pack file holds its own passages: as an archive it would "prove" every one.
        return "is a fact file, not the source's text: archive what the source says"
    if status.st_size > MAX_ARCHIVE_BYTES:
        return too_large(path, MAX_ARCHIVE_BYTES, status.st_size).said_elsewhere()
    return None


def _read_entity(table: _Table) -> Entity | None:
    entity_id = table.slug()
    name = table.one_line("name", required=True)
    kind = table.choice("kind", EntityKind)
    aliases = _read_aliases(table)
    description = table.text("description")
    attributes = _read_attributes(table)
    same_as = _read_same_as(table, entity_id)
    table.finish()
    if entity_id is None or name is None or kind is None:
        return None
    return Entity(
        id=entity_id,
        name=name,
        kind=kind,
        aliases=aliases,
        description=description,
        attributes=attributes,
        same_as=same_as,
        pack=table.file.pack.name,
        where=table.where,
    )


def _read_same_as(table: _Table, entity_id: str | None) -> tuple[str, ...]:
    """Ids of the same entity in other packs: each an id some pack could define, given once,
    and not the entity's own."""
    same_as = table.texts("same_as", distinct=True)
    for other in same_as:
        if other == entity_id:
            table.report(f"field 'same_as' names the entity itself ({other!r})", "same_as")
            return ()
        if not _SLUG.match(other):
            table.report(
                f"field 'same_as': {other!r} is not an id (a slug: lower-case letters and "
                "digits, with '.', '_' or '-' inside)",
                "same_as",
            )
            return ()
    return same_as


def _read_synonyms(table: _Table) -> Synonyms | None:
    """A synonym group: two or more different single words, and why they mean the same."""
    words = table.raw("words")
    why = table.text("why", required=True)
    table.finish()
    shape = "an array of at least two different single words (letters and digits only)"
    if words is None:
        table.report(f"missing required field 'words', {shape}")
        return None
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        table.report(f"field 'words' must be {shape}", "words")
        return None
    wrong = next((word for word in words if not _WORD.match(word)), None)
    if wrong is not None or len(set(words)) < 2:
        because = f", not {wrong!r}" if wrong is not None else ""
        table.report(f"field 'words' must be {shape}{because}", "words")
        return None
    if why is None:
        return None
    return Synonyms(tuple(words), why, table.file.pack.name, table.where)


def _read_aliases(table: _Table) -> tuple[Alias, ...]:
    value = table.raw("aliases")
    if value is None:
        return ()
    shape = "an array of names, or of tables with 'name', 'quality' and 'note'"
    if not isinstance(value, list):
        table.report(f"field 'aliases' must be {shape}", "aliases")
        return ()
    aliases = []
    for index, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            if found := _LINE_BREAK.search(item.strip()):
                broken = found.group()
                table.report(f"alias {index + 1} must be one line; it holds {broken!r}", "aliases")
            else:
                aliases.append(Alias(item.strip()))
        elif isinstance(item, dict):
            alias = _Table(table.file, item, (*table.path, "aliases", index), "alias")
            alias.label = f"{table.label}alias {index + 1}: "
            name, quality, note = (
                alias.one_line("name", required=True),
                alias.text("quality"),
                alias.text("note"),
            )
            alias.finish()
            if name is not None:
                aliases.append(Alias(name, quality, note))
        else:
            table.report(f"field 'aliases' must be {shape}; item {index + 1} is not", "aliases")
    return tuple(aliases)


def _read_attributes(table: _Table) -> dict[str, tuple[str, ...]]:
    value = table.raw("attributes")
    if value is None:
        return {}
    attributes: dict[str, tuple[str, ...]] = {}
    if isinstance(value, dict):
        for name, values in value.items():
            items = [values] if isinstance(values, str) else values
            if isinstance(items, list) and all(isinstance(v, str) and v.strip() for v in items):
                attributes[name] = tuple(v.strip() for v in items)
                continue
            table.report(
                f"attribute {name!r} must be a string or an array of strings", "attributes"
            )
        return attributes
    table.report("field 'attributes' must be a table of strings or arrays of strings", "attributes")
    return {}


def _read_citation(table: _Table) -> Citation | None:
    source = table.text("source", required=True)
    passage = table.text("passage", required=True)
    locator = table.text("locator")
    table.finish()
    if source is None or passage is None:
        return None
    return Citation(source, passage, locator)


def _read_note(table: _Table) -> Note | None:
    text = table.text("text", required=True)
    source = table.text("source")
    passage = table.text("passage", required=source is not None)
    locator = table.text("locator")
    stance = table.choice("stance", NoteStance, default=NoteStance.CONTEXT)
    table.finish()
    if passage is not None and source is None:
        table.report("a note's 'passage' needs the 'source' it comes from", "passage")
        return None
    if text is None or stance is None:
        return None
    citation = Citation(source, passage, locator) if source and passage else None
    return Note(text, citation, stance)


def _read_fact(kind: FactKind, table: _Table) -> Fact | None:
    fact_id = table.slug()
    if fact_id is not None:  # a duplicate is reported with the field errors of either one
        table.file.state.fact_ids.append((fact_id, table.where))
    claim = table.text("claim", required=True)
    date = table.date("date")
    about = table.texts("about", distinct=True)
    tags = table.texts("tags")
    asserted_by = table.text("asserted_by")
    hedge = table.text("hedge")
    cite_tables = table.tables("cite", required=True)
    read_citations = [_read_citation(cite) for cite in cite_tables]
    citations = tuple(filter(None, read_citations))
    read_notes = [_read_note(note) for note in table.tables("note")]
    notes = tuple(filter(None, read_notes))
    details = _READ_DETAILS[kind](table, date)
    table.finish()
    complete = bool(citations) and len(citations) == len(cite_tables)
    if fact_id is None or claim is None or details is None or not complete:
        named = [("about", entity_id) for entity_id in about]
        named += [("asserted_by", asserted_by)] if asserted_by else []
        named += details.entity_references() if details else _named_in(kind, table)
        cited = [(("cite", n), c) for n, c in enumerate(read_citations) if c]
        cited += [(("note", n), x.citation) for n, x in enumerate(read_notes) if x and x.citation]
        table.file.state.unfinished.append(
            _Unfinished(
                table.where,
                table.label,
                tuple(named),
                tuple(citation for _, citation in cited),
                tuple(key for key, _ in cited),
                claim,
                details,
            )
        )
        return None
    return Fact(
        id=fact_id,
        claim=claim,
        date=date if date is not None else details.own_date(),
        about=about,
        tags=tags,
        citations=citations,
        notes=notes,
        asserted_by=asserted_by,
        hedge=hedge,
        details=details,
        pack=table.file.pack.name,
        where=table.where,
    )


_ENTITY_FIELDS: Mapping[FactKind, str] = {
    FactKind.QUOTE: "speaker",
    FactKind.SANCTION: "targets",
    FactKind.AGREEMENT: "parties",
}
"""The field of each kind's details that names entities (see Details.entity_references)."""


def _named_in(kind: FactKind, table: _Table) -> list[tuple[str, str]]:
    """The entities named in the details of a fact whose details did not read, as written."""
    key = _ENTITY_FIELDS.get(kind)
    value = table.raw(key) if key else None
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [(key, v.strip()) for v in values if key and isinstance(v, str) and v.strip()]


def _read_figure(table: _Table, _date: PartialDate | None) -> Figure | None:
    value, low, high = table.number("value"), table.number("min"), table.number("max")
    unit = table.text("unit", required=True)
    qualifier = table.text("qualifier")
    if value is not None and (low is not None or high is not None):
        table.report("a figure has either 'value' or 'min'/'max', not both", "value")
        return None
    if not any(map(table.has, ("value", "min", "max"))):
        table.report("a figure needs 'value', or 'min' and/or 'max' for a range")
        return None
    if low is not None and high is not None and low > high:
        table.report(f"'min' ({low}) is greater than 'max' ({high})", "min")
        return None
    if unit is None or (value is None and low is None and high is None):
        return None
    return Figure(value, low, high, unit, qualifier)


def _read_quote(table: _Table, _date: PartialDate | None) -> Quote | None:
    text = table.text("text", required=True)
    speaker = table.text("speaker", required=True)
    role, medium, said = table.text("speaker_role"), table.text("medium"), table.date("said")
    if text is None or speaker is None:
        return None
    return Quote(text, speaker, role, medium, said)


def _read_sanction(table: _Table, _date: PartialDate | None) -> Sanction | None:
    authority = table.text("authority", required=True)
    instrument = table.text("instrument", required=True)
    adopted, measures = table.date("adopted"), table.texts("measures")
    targets, committee = table.texts("targets", distinct=True), table.text("committee")
    list_name, reference = table.text("list"), table.text("reference")
    updated = table.dates("updated")
    remarks = table.text("remarks")
    if authority is None or instrument is None:
        return None
    return Sanction(
        authority,
        instrument,
        adopted,
        measures,
        targets,
        committee,
        list_name,
        reference,
        updated,
        remarks,
    )


def _read_agreement(table: _Table, _date: PartialDate | None) -> Agreement | None:
    name = table.text("name", required=True)
    parties, signed = table.texts("parties", distinct=True), table.date("signed")
    place, commitments = table.text("place"), table.texts("commitments")
    if name is None:
        return None
    return Agreement(name, parties, signed, place, commitments)


def _read_event(table: _Table, date: PartialDate | None) -> Event | None:
    place, end = table.text("place"), table.date("end")
    if end is not None and date is not None and end.last_day < date.first_day:
        table.report(f"'end' ({end}) is before the event's 'date' ({date})", "end")
        return None
    return Event(place, end)


_READ_DETAILS: Mapping[FactKind, Callable[[_Table, PartialDate | None], Details | None]] = {
    FactKind.SANCTION: _read_sanction,
    FactKind.AGREEMENT: _read_agreement,
    FactKind.FIGURE: _read_figure,
    FactKind.QUOTE: _read_quote,
    FactKind.EVENT: _read_event,
}


def _check_duplicates(state: _State) -> None:
    for what, items in (
        *state.defined.items(),
        ("fact", state.fact_ids),
    ):
        first: dict[str, Location] = {}
        for item_id, where in items:
            if item_id in first:
                hint = _duplicate_source_hint(first[item_id], where) if what == "source" else ""
                if where.line is not None:
                    state.keyed.append((len(state.problems), ("id",)))
                state.problems.append(
                    Problem(
                        where,
                        f"duplicate {what} id {item_id!r}, first defined at {first[item_id]}"
                        + hint,
                        Duplicate(item_id, first[item_id]),
                    )
                )
            else:
                first[item_id] = where


def _duplicate_source_hint(first: Location, again: Location) -> str:
    """What to do about a source id that two packs made by `tq import ftm` define (it named
    every import's source alike until 2026-11-27): import one again, which names its source
    after the pack's folder. (Another duplicate says all there is to say.)"""
    if first.path.parent != again.path.parent and (
        _importer_of(first.path) == _importer_of(again.path) == "ftm"
    ):
        return (
            " (two packs made by `tq import ftm`: import one of them again, and its source is "
            "named after its folder, opensanctions-FOLDER)"
        )
    return ""


def _importer_of(path: Path) -> str | None:
    """The importer that made the pack a file is in, as its import metadata says (read only
    for a duplicate: importers.shared.METADATA)."""
    import json

    try:
        metadata = json.loads((path.parent / ".tq-import.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    importer = metadata.get("importer") if isinstance(metadata, dict) else None
    return importer if isinstance(importer, str) else None


def _label(fact: Fact | str) -> str:
    """How a problem's message names the fact (given as a fact, or as its label already)."""
    return fact if isinstance(fact, str) else f"{fact.kind.value} {fact.id!r}: "


def _check_references(catalog: Catalog, state: _State) -> None:
    """Report references to ids nothing defines; an id defined with field errors is defined
    (its own problems are reported where it is)."""
    for where, label, named, citations, tables in _references(catalog, state, _unresolved(catalog)):
        for role, entity_id in named:
            if entity_id not in catalog.entities and entity_id not in state.invalid_entities:
                hint = did_you_mean(entity_id, [*catalog.entities, *state.invalid_entities])
                state.report(
                    where,
                    f"{_label(label)}'{role}' names unknown entity {entity_id!r}{hint}",
                    (role,),
                )
        for citation in citations:
            if (
                citation.source not in catalog.sources
                and citation.source not in state.invalid_sources
            ):
                hint = did_you_mean(citation.source, [*catalog.sources, *state.invalid_sources])
                state.report(
                    where,
                    f"{_label(label)}cites unknown source {citation.source!r}{hint}",
                    (*_table_of(label, citations, citation, tables), "source"),
                )


def _unresolved(catalog: Catalog) -> Iterator[Fact]:
    """The facts that name an entity or cite a source the catalog does not hold (most name
    and cite only what it holds: checked at once, without their roles)."""
    entity, source = catalog.entities.__contains__, catalog.sources.__contains__
    for fact in catalog.facts:
        if not (
            all(map(entity, fact.about))
            and all(map(entity, fact.details.entity_ids()))
            and (fact.asserted_by is None or entity(fact.asserted_by))
            and all(source(citation.source) for citation in fact.all_citations())
        ):
            yield fact


_Referring = tuple[
    Location,
    Fact | str,
    Iterable[tuple[str, str]],
    Sequence[Citation],
    Sequence[_KeyPath] | None,
]
"""What _references gives of a fact: where it is, its label, the entities it names, its
citations and, for a fact with field errors, the table each citation is in."""


def _references(
    catalog: Catalog, state: _State, facts: Iterable[Fact] | None = None
) -> Iterator[_Referring]:
    """Every fact's references (or these facts'), with where and how to label a problem (see
    _label): the facts loaded, then those with field errors."""
    for fact in catalog.facts if facts is None else facts:
        yield fact.where, fact, fact.entity_references(), fact.all_citations(), None
    for unfinished in state.unfinished:
        yield (
            unfinished.where,
            unfinished.label,
            unfinished.entity_references,
            unfinished.citations,
            unfinished.tables,
        )


def _table_of(
    label: Fact | str,
    citations: Sequence[Citation],
    citation: Citation,
    tables: Sequence[_KeyPath] | None,
) -> _KeyPath:
    """The table a citation with a problem is written in, ("cite", 0) or ("note", 1): worked
    out for the problem alone, as a loaded fact's citations are Fact.all_citations (its cites,
    then its notes')."""
    at = next(n for n, cited in enumerate(citations) if cited is citation)
    if tables is not None or not isinstance(label, Fact):
        return tables[at] if tables is not None else ()
    if at < len(label.citations):
        return ("cite", at)
    noted = [n for n, note in enumerate(label.notes) if note.citation is not None]
    return ("note", noted[at - len(label.citations)])


def _check_passages(
    catalog: Catalog, state: _State, archives: dict[str, str | None] | None = None
) -> None:
    archives = {} if archives is None else archives
    for where, label, _, citations, tables in _references(catalog, state):
        for citation in citations:
            source = catalog.sources.get(citation.source)
            # A source with field errors, or defined twice, still has its archive: a passage
            # that is not in it is reported in the same run, not after the source is fixed.
            path = state.archive_of.get(citation.source)
            if source is None and path is None:
                continue
            path = path or (source.archive if source else None)
            if path is None:
                state.unarchived += 1
                continue
            if citation.source not in archives:
                archives[citation.source] = _read_archive(citation.source, path, source, state)
            archive = archives[citation.source]
            if archive is None:
                continue
            # A passage found as written is found squeezed (the archive is): most are.
            if (
                citation.passage in archive
                or (passage := squeeze(citation.passage)) in archive
                or _in_another_archive(citation.source, passage, state, archives)
            ):
                state.proven += 1
            else:
                state.report(
                    where,
                    f"{_label(label)}passage not found verbatim in the archive of source "
                    f"{citation.source!r}: {_how_far(passage, [archive])}",
                    (*_table_of(label, citations, citation, tables), "passage"),
                )
    # Each loaded fact's quote or figure checked here as _check_details does, which is called
    # only to report a problem: a call for each fact cost a load of 5,000 facts 4 M
    # instructions (0.3%; callgrind).
    for fact in catalog.facts:
        if isinstance(fact.details, Quote):
            text, words = fact.details.text, squeeze(fact.details.text)
            if not any(
                text in citation.passage or words in squeeze(citation.passage)
                for citation in fact.citations
            ):
                _check_details(fact.where, fact, fact.claim, fact.details, fact.citations, state)
        elif isinstance(fact.details, Figure):
            texts = (fact.claim, *(citation.passage for citation in fact.citations))
            if unstated(fact.details, texts):
                _check_details(fact.where, fact, fact.claim, fact.details, fact.citations, state)
    for unfinished in state.unfinished:  # as far as they read: every problem in one run
        read = unfinished.details
        if isinstance(read, Quote) or isinstance(read, Figure):  # noqa: SIM101
            own = [
                citation
                for (table, *_), citation in zip(
                    unfinished.tables, unfinished.citations, strict=True
                )
                if table == "cite"
            ]
            _check_details(unfinished.where, unfinished.label, unfinished.claim, read, own, state)


def _check_details(
    where: Location,
    label: Fact | str,
    claim: str | None,
    details: Quote | Figure,
    citations: Sequence[Citation],
    state: _State,
) -> None:
    """A quote's text must be inside one of its passages, word for word (a typographic
    apostrophe or quotation mark is not its plain form: the text is shown as the speaker's
    words); a figure's numbers must be stated in its claim or passages."""
    if isinstance(details, Quote):
        text, words = details.text, squeeze(details.text)
        # With no cite at all, "missing required field 'cite'" is the one problem to fix.
        if citations and not any(
            text in citation.passage or words in squeeze(citation.passage) for citation in citations
        ):
            passages = [squeeze(citation.passage) for citation in citations]
            state.report(
                where,
                f"{_label(label)}the quote's 'text' is not inside any of its cited passages: "
                + _how_far(words, passages, "text"),
                ("text",),
            )
        return
    # The number is what an answer shows: it must be one the fact's words give.
    texts = (claim or "", *(citation.passage for citation in citations))
    for name, number in unstated(details, texts):
        state.report(
            where,
            f"{_label(label)}{name!r} ({format_number(number)}) is stated neither in "
            "its claim nor in its cited passages",
            (name,),
        )


def _how_far(text: str, containers: Sequence[str], what: str = "") -> str:
    """How far text (a passage; a quote's text, what) is found in the one of containers (an
    archive; the quote's passages) that holds most of its start, said alike for a passage and
    for a quote's text (stranger 18, finding 17): its start, how far it matches, and a
    typographic character typed plainly there (or the other way round), if that is where it
    differs."""
    matched, container = max(
        ((_longest_prefix_in(text, container), container) for container in containers),
        key=lambda found: len(found[0]),
    )
    return (
        f"{_excerpt(text)}; it matches up to {_excerpt(matched, from_end=True)}"
        + _typographic_hint(text, matched, container, what)
    )


def _in_another_archive(
    source_id: str, passage: str, state: _State, archives: dict[str, str | None]
) -> bool:
    """Whether a passage is in another archive given for a source id defined twice."""
    for path in state.more_archives.get(source_id, ()):
        key = f"{source_id}\0{path}"  # (no source id has a NUL)
        if key not in archives:
            archives[key] = _read_archive(source_id, path, None, state)
        if (archive := archives[key]) is not None and passage in archive:
            return True
    return False


def _read_archive(source_id: str, path: Path, source: Source | None, state: _State) -> str | None:
    try:
        return squeeze_document(decoded(read_bytes(path, limit=MAX_ARCHIVE_BYTES), path))
    except UnreadableFile as error:
        problem = error.said_elsewhere()
    except MemoryError:  # the archive read, then squeezed
        problem = "is too large to read in the memory available"
    if source is not None:  # a source with field errors has its own problems reported
        if source_id in state.archive_table:
            table, relative = state.archive_table[source_id]
            table.report(f"archive {relative!r} {problem}", "archive")
        else:  # a per-file update, which has the sources but not their tables
            state.report(source.where, f"source {source_id!r}: archive {path.name!r} {problem}")
    return None


def _longest_prefix_in(passage: str, archive: str) -> str:
    low, high = 0, len(passage)
    while low < high:  # containment is monotone in prefix length, so bisect it
        middle = (low + high + 1) // 2
        if passage[:middle] in archive:
            low = middle
        else:
            high = middle - 1
    return passage[:low]


_PLAIN_FORMS = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
}
"""Typographic characters a source writes and the plain ones an author types for them: right
and left single quotes (the apostrophe), double quotes, en and em dashes, the ellipsis."""


def _typographic_hint(passage: str, matched: str, archive: str, what: str = "") -> str:
    """Where a passage differs from its source in typing a typographic character plainly (or
    the other way round), which the excerpts do not show: "; the source has ’ here, the
    passage '" (stranger 16, finding 10). what: another text held to the passage, as a quote's
    text is ("; the passage has ’ here, the text '")."""
    rest = passage[len(matched) :]
    at = archive.find(matched) if matched else -1
    while at >= 0:
        after = archive[at + len(matched) :]
        for fancy, plain in _PLAIN_FORMS.items():
            for one, other in ((fancy, plain), (plain, fancy)):
                if after.startswith(one) and rest.startswith(other):
                    if what:
                        return f"; the passage has {one} here, the {what} {other}"
                    return f"; the source has {one} here, the passage {other}"
        at = archive.find(matched, at + 1)
    return ""


def _excerpt(text: str, *, from_end: bool = False, width: int = 60) -> str:
    if not text:
        return "nothing (the first character already differs)"
    if len(text) <= width:
        return repr(text)
    return repr("…" + text[-width:]) if from_end else repr(text[:width] + "…")
