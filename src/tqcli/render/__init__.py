"""Output formats behind one interface: pick one with make_renderer()."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Protocol, TextIO

from tqcli.model import Answers, Catalog, Hit, ImportReport, LoadReport, SourceUse, Stats

if TYPE_CHECKING:
    from tqcli.corrections import Reached
    from tqcli.locations import Locations

if TYPE_CHECKING:
    from tqcli.names import EntityProfile, EntityUse, Screening, TagUse


class OutputFormat(str, Enum):
    """How results are written."""

    AUTO = "auto"
    """Rich on a terminal, plain text otherwise."""
    RICH = "rich"
    PLAIN = "plain"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


class ColorMode(str, Enum):
    """When human output is coloured."""

    AUTO = "auto"
    """On a terminal, unless NO_COLOR is set."""
    ALWAYS = "always"
    NEVER = "never"


class Renderer(Protocol):
    """Writes each kind of result to the output stream."""

    def facts(self, hits: Sequence[Hit], catalog: Catalog, *, full: bool) -> None:
        """Facts, compact or (full) with passages, entities and tags."""

    def answers(self, found: Answers, catalog: Catalog) -> None:
        """Facts found for a question, best first, each marked as an answer or a partial one."""

    def sources(self, uses: Sequence[SourceUse]) -> None:
        """Sources with how many facts cite each."""

    def stats(self, stats: Stats) -> None:
        """Counts by kind, pack and source."""

    def paths(self, locations: Locations) -> None:
        """Where tq's files are: the configuration file, pack folders, cache, packs in effect."""

    def validation(self, report: LoadReport, reached: Sequence[Reached] = ()) -> None:
        """The outcome of validating packs (the problems themselves go to stderr), and the facts
        that another pack's curator notes reach (tqcli.corrections)."""

    def import_report(self, report: ImportReport) -> None:
        """What an import wrote, or would write, and what changed since the previous one."""

    def screenings(self, screenings: Iterable[Screening], catalog: Catalog) -> None:
        """Screened names, each with its candidates (written as they come)."""

    def entity(self, profile: EntityProfile, catalog: Catalog) -> None:
        """A person or organisation with its names, listings and facts."""

    def entities(self, uses: Sequence[EntityUse]) -> None:
        """Entities with how many facts name each."""

    def tags(self, uses: Sequence[TagUse]) -> None:
        """Tags with how many facts carry each."""


def _writes_utf8(stream: TextIO) -> bool:
    import codecs

    try:
        return codecs.lookup(stream.encoding or "utf-8").name == "utf-8"
    except LookupError:
        return False


def make_renderer(
    fmt: OutputFormat, stream: TextIO, color: ColorMode, fields: Sequence[str] = ()
) -> Renderer:
    """The renderer for a format; each is imported only when chosen, to keep start-up lean.

    Where the output's encoding is not UTF-8 (PYTHONIOENCODING=ascii, a C locale), JSON is written
    as pure ASCII with \\u escapes, which is the same data, and text shows what the encoding
    cannot hold as backslash escapes rather than failing. fields, when given, are the only keys
    JSON objects keep (in that order).
    """
    is_terminal = stream.isatty()
    utf8 = _writes_utf8(stream)
    if not utf8 and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="backslashreplace")
    if fmt is OutputFormat.AUTO:
        fmt = OutputFormat.RICH if is_terminal or color is ColorMode.ALWAYS else OutputFormat.PLAIN
    if fmt is OutputFormat.RICH:
        from tqcli.render.rich_output import RichRenderer

        colored = color is ColorMode.ALWAYS or (
            color is ColorMode.AUTO and is_terminal and not os.environ.get("NO_COLOR")
        )
        return RichRenderer(stream, colored=colored, force_terminal=color is ColorMode.ALWAYS)
    if fmt is OutputFormat.PLAIN:
        from tqcli.render.plain import PlainRenderer

        return PlainRenderer(stream)
    if fmt is OutputFormat.JSON or fmt is OutputFormat.JSONL:
        from tqcli.render.json_output import JsonRenderer

        return JsonRenderer(
            stream,
            lines=fmt is OutputFormat.JSONL,
            pretty=is_terminal,
            ascii_only=not utf8,
            fields=fields,
        )
    if fmt is OutputFormat.CSV:
        from tqcli.render.csv_output import CsvRenderer

        return CsvRenderer(stream)
    raise AssertionError(f"unhandled output format {fmt}")


def screen_width(environ: Mapping[str, str], *, dumb: bool = False) -> int:
    """The width human output is laid out in, as a Rich Console takes it (Console.size): COLUMNS
    when set, else the terminal's (of stdin, stdout or stderr), else 80; on a dumb terminal, 80
    unless both COLUMNS and LINES are set. Help is wrapped to it too."""
    columns, lines = environ.get("COLUMNS"), environ.get("LINES")
    given = int(columns) if columns is not None and columns.isdigit() else None
    if given is not None and lines is not None and lines.isdigit():
        return given
    if dumb:
        return 80
    width = None
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    return given if given is not None else (width or 80)
