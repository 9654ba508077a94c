"""The tq command line: parse arguments, call the core, render, map errors to exit codes."""

# No `from __future__ import annotations` here: Typer would evaluate every annotation string
# at start-up (a compile() each), which measured ~25 ms of every command's run.
import contextlib
import copy
import functools
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer
from typer._click.core import Context
from typer._click.exceptions import NoSuchOption, UsageError  # Typer vendors Click (pinned)

from tqcli import __version__
from tqcli.compat import assert_never
from tqcli.config import CONFIG_VARIABLE, load_config, missing_named_config
from tqcli.dashwords import DashWordsCommand
from tqcli.errors import (
    AmbiguousEntity,
    BadQuery,
    BadRequest,
    IdIs,
    InvalidInput,
    InvalidPacks,
    NoQuestion,
    NotFound,
    QueryProblem,
    TqError,
    Unavailable,
    UnknownEntity,
    UnknownFacts,
    UnknownName,
    UnknownSource,
    UnreadableLine,
)
from tqcli.exits import ExitCode
from tqcli.model import Catalog, EntityKind, FactKind, Filters, PartialDate, Standing
from tqcli.packs import may_be_left_out, packs_in_effect, user_pack_folder
from tqcli.render import ColorMode, OutputFormat, Renderer, make_renderer
from tqcli.textnorm import close_ones, printable, printable_line

if TYPE_CHECKING:
    from collections.abc import Iterator
    from contextlib import AbstractContextManager

    from typer._click.formatting import HelpFormatter

    from tqcli.config import Config
    from tqcli.corrections import Reach
    from tqcli.index import CachePolicy, CacheUnavailable, Index
    from tqcli.index.cache import CacheUsage
    from tqcli.index.query import Shown, UnknownTag
    from tqcli.locations import LeftOut
    from tqcli.model import Entity, Hit, ImportReport, Pack, Problem
    from tqcli.names import Screening
    from tqcli.progress import BuildProgress


app = typer.Typer(
    name="tq",
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_usage_error(error: UsageError, file: IO[str] | None = None) -> None:
    """A usage error Click finds (a missing argument, a bad value, an unknown option or
    command), said in one line like every other message of tq's: what is wrong, then where the
    usage is -- not Click's three lines of usage, hint and "Error:"."""
    import re

    if isinstance(error, NoSuchOption) and error.possibilities:
        # Only those about one letter off: Click's own cutoff suggested --about for --bogus.
        error.possibilities = close_ones(error.option_name, error.possibilities)
    message = " ".join(error.format_message().split())
    if error.ctx is not None and message.startswith("No such command"):
        message = _with_commands_that_do(message, error.ctx)
    # Typer's suggestion, said as tq says its own: "... 'serch' (did you mean 'search'?)"
    message = re.sub(r"\.? Did you mean (.*\?)$", r" (did you mean \1)", message)
    # A choice Click offers none for: "'quotes' is not one of ..." (did you mean 'quote'?).
    choice = re.search(r"'([^']*)' is not one of ((?:'[^']*'(?:, )?)+)\.?$", message)
    if choice is not None:
        from tqcli.textnorm import did_you_mean

        choices = re.findall(r"'([^']*)'", choice.group(2))
        message = message.removesuffix(".") + did_you_mean(choice.group(1), choices)
    message = message.replace("(Possible options:", "(possible options:")
    if message[1:2].islower():  # "Missing argument" reads on after "tq: " as "missing argument"
        message = message[0].lower() + message[1:]
    where = f"; see '{error.ctx.command_path} -h'" if error.ctx is not None else ""
    (file or sys.stderr).write(f"tq: {message.removesuffix('.')}{where}\n")


def _with_commands_that_do(message: str, ctx: Context) -> str:
    """A "No such command 'screen'" with the commands whose help says they do it first ("Screen
    names against ..." is match's help), before any Typer suggests as spelled alike."""
    import re

    from tqcli.textnorm import stem

    typed = re.match(r"No such command '(.+?)'", message)
    commands = getattr(ctx.command, "commands", {})
    if typed is None:
        return message
    verb = stem(typed.group(1).lower())
    doers = ", ".join(
        repr(name)
        for name, command in commands.items()
        if not command.hidden
        and stem(command.get_short_help_str().split(" ", 1)[0].lower()) == verb
        and repr(name) not in message
    )
    if not doers:
        return message
    if "Did you mean " in message:
        return message.replace("Did you mean ", f"Did you mean {doers}, ", 1)
    return f"{message.removesuffix('.')}. Did you mean {doers}?"


# Click calls show() both when tq runs as a command and under a test's CliRunner.
UsageError.show = _show_usage_error  # type: ignore[method-assign, assignment]


def _help_formatter(context: Context) -> "HelpFormatter":
    """Help wrapped as the rest of tq's output is (terminal.WrappedHelp): made, and its module
    imported, only when help is shown."""
    from tqcli.terminal import WrappedHelp

    return WrappedHelp(width=context.terminal_width, max_width=context.max_content_width)


Context.make_formatter = _help_formatter  # type: ignore[method-assign, assignment]


# Completion callbacks are attached only when a completion script is asking (Typer inspects
# each one as it builds a command: ~0.1 ms apiece that an ordinary run need not pay).
_COMPLETING = "_TQ_COMPLETE" in os.environ


def _completer(name: str) -> Callable[[typer.Context, str], list[str]] | None:
    """Completes with tqcli.completion's function of this name, imported on a TAB only."""
    if not _COMPLETING:
        return None

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from tqcli import completion

        found: list[str] = getattr(completion, name)(ctx, incomplete)
        return found

    return complete


def _parse_date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def _path(text: str) -> Path:
    """A path argument: an empty one (an unset variable, most likely) is said to be empty, not
    taken for the current directory as Path("") is."""
    if not text:
        raise typer.BadParameter("the path is empty (an unset variable?): give a name")
    return Path(text)


# Options shared by commands, declared once.
FactsDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--facts",
        metavar="DIR",
        parser=_path,
        readable=False,  # an unreadable pack is reported by tq, as for validate
        help="Also load the fact pack in DIR (repeatable).",
    ),
]
NoBuiltin = Annotated[bool, typer.Option("--no-builtin", help="Leave the built-in pack out.")]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Neither use nor write the search index cache.")
]
AsJson = Annotated[bool, typer.Option("--json", help="Write JSON (its shape: docs/json.md).")]
AsJsonl = Annotated[bool, typer.Option("--jsonl", help="Write JSON Lines, one object per line.")]
Format = Annotated[
    OutputFormat,
    typer.Option("--format", help="Output format; auto is Rich on a terminal, plain otherwise."),
]
Color = Annotated[
    ColorMode,
    typer.Option(
        "--color",
        help="Colour human output; auto honours NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE and "
        "the config file.",
    ),
]
NoPager = Annotated[
    bool,
    typer.Option("--no-pager", help="Print straight to the terminal, even when output is long."),
]
Kinds = Annotated[
    list[FactKind] | None,
    typer.Option("--kind", help="Only facts of this kind (repeatable)."),
]
About = Annotated[
    str | None,
    typer.Option(
        "--about",
        metavar="ENTITY",
        help="Only facts about ENTITY (id, name or alias; a name several entities have is an "
        "error listing their ids).",
        autocompletion=_completer("entity_ids"),
    ),
]
Tag = Annotated[
    str | None,
    typer.Option(
        "--tag", metavar="TAG", help="Only facts with this tag.", autocompletion=_completer("tags")
    ),
]
SourceId = Annotated[
    str | None,
    typer.Option(
        "--source",
        metavar="ID",
        help="Only facts citing source ID (themselves or in a curator note).",
        autocompletion=_completer("source_ids"),
    ),
]
Since = Annotated[
    PartialDate | None,
    typer.Option(
        "--since",
        metavar="DATE",
        parser=_parse_date,
        help="Only facts dated on or after DATE (YYYY[-MM[-DD]]).",
    ),
]
Until = Annotated[
    PartialDate | None,
    typer.Option(
        "--until",
        metavar="DATE",
        parser=_parse_date,
        help="Only facts dated on or before DATE (YYYY[-MM[-DD]]).",
    ),
]

Standings = Annotated[
    list[Standing] | None,
    typer.Option(
        "--standing",
        help="Only facts whose curators' notes leave the claim contested (and not corrected) "
        "or corrected (repeatable).",
    ),
]


# A limit above any count of facts means "all": clamped, so it never reaches SQLite too big.
_MAX_LIMIT = 2**31 - 1


def _checked_limit(value: int | None) -> int | None:
    if value is None:  # not given: the config file's, or the command's default
        return None
    if value < 0:
        raise typer.BadParameter(f"{value} is negative; give 0 for all, or a count")
    return min(value, _MAX_LIMIT)


def _limit_option(default: int, *, configurable: bool = True) -> object:
    config = ", or the config file's" if configurable else ""
    return typer.Option(
        "--limit",
        "-n",
        metavar="N",
        callback=_checked_limit,
        help=f"At most N results; 0 for all. [default: {default}{config}]",
        show_default=False,
    )


_Listed = TypeVar("_Listed")


def _at_most(listed: list[_Listed], command: str, limit: int | None) -> list[_Listed]:
    """The first of a listing command's results that its --limit (else the config file's, else
    all) keeps: sources, entities and tags take --limit as search, list and ask do."""
    most = load_config().limit(command, limit)
    return listed[:most] if most else listed


_Command = TypeVar("_Command", bound=Callable[..., None])
_Answer = TypeVar("_Answer")


def say(message: str) -> None:
    """One message on stderr, with anything a terminal would obey (from file names, ids, pack
    text) shown as escapes, and any argument echoed in it shortened past a screenful."""
    if len(message) > _LONGEST_ECHO:
        message = _shortened(message)
    _to_stderr(printable(message))


def _to_stderr(text: str) -> None:
    """text and a line end on stderr; if stderr is closed early or full, nothing: the exit code
    still says what happened (Click would make a broken pipe exit 1)."""
    try:
        typer.echo(text, err=True)
    except OSError:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())


_LONGEST_ECHO = 1000
"""Characters of a quoted value a message repeats in full (a name, an id, a path)."""


def _shortened(message: str) -> str:
    """message with each quoted value over _LONGEST_ECHO characters cut to its start, saying how
    long it was: a 100 kB argument echoed back buries the message."""
    import re

    def cut(found: "re.Match[str]") -> str:
        quote, value = found[1], found[2]
        return f"{quote}{value[:60]}…{quote} ({len(value)} characters)"

    return re.sub(rf"(['\"])([^'\"]{{{_LONGEST_ECHO},}})\1", cut, message)


def say_line(message: str) -> None:
    """say() a message that must stay one line (file:line: message, for editors and grep): a
    line break or tab in a file name is shown as an escape too."""
    _to_stderr(printable_line(message))


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush of what is left in its buffer
    cannot fail a second time."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def reports_errors(command: _Command) -> _Command:
    """Turn domain errors into a message on stderr and their documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
            sys.stdout.flush()  # a closed pipe shows up here rather than at exit
        except InvalidPacks as error:
            from tqcli.problems import summarised, total_line

            for line in summarised(error.problems):
                say_line(line)
            say_line(total_line(error.problems, error.packs))
            raise typer.Exit(ExitCode.INVALID_DATA) from None
        except InvalidInput as error:
            say(f"tq: {error}")
            raise typer.Exit(ExitCode.INVALID_DATA) from None
        except Unavailable as error:
            say(f"tq: {error}")
            raise typer.Exit(ExitCode.UNAVAILABLE) from None
        except BadRequest as error:
            say(f"tq: {_phrased(error)}")
            raise typer.Exit(ExitCode.USAGE) from None
        except NotFound as error:
            say(f"tq: {_phrased(error)}")
            raise typer.Exit(ExitCode.NO_RESULTS) from None
        except TqError as error:  # a new error type must still never be a traceback
            say(f"tq: {error}")
            raise typer.Exit(ExitCode.USAGE) from None
        except BrokenPipeError:
            # The reader went away (`tq list | head -1`): stop quietly.
            _silence_stdout()
            raise typer.Exit(ExitCode.OUTPUT_CLOSED) from None
        except OSError as error:
            # Reading packs and the cache report their own faults; what is left is the output
            # itself failing (a full disk, a device error, a closed descriptor).
            where = f"{error.filename}: " if error.filename else ""
            say(f"tq: cannot write the output: {where}{error.strerror or error}")
            _silence_stdout()
            raise typer.Exit(ExitCode.OUTPUT_ERROR) from None

    return wrapper  # type: ignore[return-value]


def _did_you_mean(closest: str | None) -> str:
    return f" (did you mean {closest!r}?)" if closest else ""


def _phrased(error: TqError) -> str:
    """What the user reads for an error: the core's data in the command line's words."""
    if isinstance(error, UnreadableLine):
        reason = error.reason[:1].lower() + error.reason[1:]  # shlex's sentence, or tq's
        return f"cannot read {error.line!r} as a query: {reason}"
    if isinstance(error, NoQuestion):
        return "ask needs a question in words, e.g. tq ask 'Who signed the Doha agreement?'"
    if isinstance(error, UnknownSource):
        hint = _did_you_mean(error.closest)
        return f"--source: no source with id {error.source_id!r}{hint}; see 'tq sources'"
    if isinstance(error, UnknownEntity):
        if error.candidates:
            return (
                f"--about: no entity {error.name!r} in the loaded packs; as tq who screens it, "
                f"it may be {_entities(error.candidates)}; "
                f"choose one by its id, e.g. --about {error.candidates[0].id}"
            )
        hint = _did_you_mean(error.closest)
        return f"--about: no entity {error.name!r} in the loaded packs{hint}"
    if isinstance(error, UnknownFacts):
        return "; ".join(_unknown_id(*missing, error.or_source) for missing in error.missing)
    if isinstance(error, BadQuery):
        return _bad_query(error.problem, error.text, error.quote)
    if isinstance(error, AmbiguousEntity):
        return _ambiguous(error)
    if isinstance(error, UnknownName):
        near = "; ".join(f"{name} ({key}, {score:.2f})" for key, name, score in error.nearest)
        return f"no person or organisation named {error.name!r}" + (
            f"; nearest: {near}" if near else ""
        )
    return str(error)


def _bad_query(problem: QueryProblem, text: str, quote: str) -> str:
    if problem is QueryProblem.NOTHING:
        return f"nothing to search for in {text!r}: give a word or a number"
    if problem is QueryProblem.ALL_EXCLUDED:
        return "every term is excluded (-word): give at least one word to search for as well"
    if problem is QueryProblem.UNCLOSED_QUOTE:
        return f"unclosed quote in {text!r}: end the phrase with {quote}"
    if problem is QueryProblem.EMPTY_PHRASE:
        return f"empty phrase in {text!r}: put words inside the quotes"
    if problem is QueryProblem.STAR_INSIDE:
        return f"'*' only ends a word (prefix*), as in 'qa*': not {text!r}"
    if problem is QueryProblem.STAR_ALONE:
        return f"'*' needs the start of a word before it, as in 'qa*': not {text!r}"
    assert_never(problem)


_AMBIGUOUS_SHOWN = 10
"""Entities an --about error lists by name, at most (tq who --json lists them all)."""


def _ambiguous(error: AmbiguousEntity) -> str:
    more = len(error.entities) - _AMBIGUOUS_SHOWN
    rest = f" and {more} more (tq who NAME --json lists them all)" if more > 0 else ""
    return (
        f"--about: {error.name!r} names {len(error.entities)} entities: "
        f"{_entities(error.entities[:_AMBIGUOUS_SHOWN])}{rest}; "
        f"choose one by its id, e.g. --about {error.entities[0].id}"
    )


def _entities(entities: "Sequence[Entity]") -> str:
    return ", ".join(f"{entity.id} ({entity.name}, pack {entity.pack})" for entity in entities)


def _unknown_id(fact_id: str, names: IdIs, closest: str | None, or_source: bool) -> str:
    if names is IdIs.ENTITY:
        return f"{fact_id!r} is an entity, not a fact: try 'tq list --about {fact_id}'"
    if names is IdIs.SOURCE:
        return f"{fact_id!r} is a source, not a fact: try 'tq list --source {fact_id}'"
    if names is IdIs.NOTHING:
        what = "fact or source" if or_source else "fact"
        return f"no {what} with id {fact_id!r}{_did_you_mean(closest)}"
    assert_never(names)


def _text(value: str) -> str:
    """A command-line word as text: bytes that were not UTF-8 (kept by Python as lone
    surrogates, which no text search can take) become U+FFFD, the replacement character."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _filters(
    kinds: frozenset[FactKind],
    about: str | None,
    tag: str | None,
    source: str | None,
    since: PartialDate | None,
    until: PartialDate | None,
    standings: list[Standing] | None,
) -> Filters:
    """The filters of search and list, checked: an empty filter or an empty date range is a
    mistake to point out, not a reason to list everything or nothing."""
    for flag, value in (("--about", about), ("--tag", tag), ("--source", source)):
        if value is not None and not value.strip():
            raise BadRequest(f"{flag} needs a value")
    if since and until and since.first_day > until.last_day:
        raise BadRequest(f"--since {since} is after --until {until}: no date can match both")
    return Filters(
        kinds,
        _text(about) if about is not None else None,
        _text(tag) if tag is not None else None,
        _text(source) if source is not None else None,
        since,
        until,
        frozenset(standings or ()),
    )


# What a run must finish before it exits, whatever way it ends: the pager, when one was started.
_AT_END = ExitStack()
_HUMAN_FORMATS = (OutputFormat.AUTO, OutputFormat.RICH, OutputFormat.PLAIN)


def _renderer(
    as_json: bool,
    as_jsonl: bool,
    fmt: OutputFormat,
    color: ColorMode,
    fields: str | None = None,
    shape: str = "facts",
    *,
    no_pager: bool = True,
    config: "Config | None" = None,
) -> Renderer:
    chosen = {OutputFormat.JSON} if as_json else set()
    if as_jsonl:
        chosen.add(OutputFormat.JSONL)
    if fmt is not OutputFormat.AUTO:
        chosen.add(fmt)
    if len(chosen) > 1:  # named as typed: --json, --jsonl, --format X
        typed = ["--json"] * as_json + ["--jsonl"] * as_jsonl
        typed += [f"--format {fmt.value}"] * (fmt is not OutputFormat.AUTO)
        raise BadRequest(f"choose one output format, not {' and '.join(typed)}")
    selected = _fields(fields, shape, chosen) if fields is not None else ()
    if selected and not chosen:
        chosen = {OutputFormat.JSON}
    output_format = chosen.pop() if chosen else OutputFormat.AUTO
    config = config or load_config()
    stream = _stdout(config, no_pager or output_format not in _HUMAN_FORMATS)
    return make_renderer(output_format, stream, config.color_mode(color), selected)


def _stdout(config: "Config", no_pager: bool) -> TextIO:
    """Standard output, or a pager over it when it is a terminal and paging is wanted."""
    if no_pager or not sys.stdout.isatty():
        return sys.stdout
    pager = config.pager_command()
    if pager is None:
        return sys.stdout
    from tqcli.terminal import PagedOutput

    paged = PagedOutput(sys.stdout, pager, os.environ)
    _AT_END.callback(paged.finish)
    return paged  # type: ignore[return-value]


def _packs(
    facts_dirs: list[Path] | None, no_builtin: bool, *, refuse_strays: bool = False
) -> tuple["Pack", ...]:
    """The packs in effect: the configuration file's among them. Fact files lying in the user
    pack folder itself are never read: a query warns of them and goes on, as it leaves out a
    pack there that does not load; refuse_strays (validate) makes them an error."""
    configured = load_config().packs
    packs = packs_in_effect(
        facts_dirs or [],
        include_builtin=not no_builtin,
        configured=configured,
        strays=not refuse_strays,
    )
    if not refuse_strays:
        from tqcli.packs import stray_pack_files

        stray = stray_pack_files()
        if stray is not None:
            say_line(f"tq: warning: {stray}")
    return packs


# --- Data out: --fields and tq schema (issue 17) ------------------------------------------------

Fields = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="F,F...",
        help="JSON with only these fields (implies --json); 'tq schema NAME' shows them all.",
    ),
]


def _fields(text: str, shape: str, chosen: set[OutputFormat]) -> tuple[str, ...]:
    from tqcli.schemas import SchemaName, chosen_fields

    if not chosen <= {OutputFormat.JSON, OutputFormat.JSONL}:
        raise BadRequest("--fields chooses JSON fields: use it alone, with --json or with --jsonl")
    return chosen_fields(text, SchemaName(shape))


# --- end of data out ----------------------------------------------------------------------------


def _ask(
    facts_dirs: list[Path] | None,
    no_builtin: bool,
    no_cache: bool,
    ask: "Callable[[Index], _Answer]",
) -> tuple[Catalog, _Answer]:
    packs = _packs(facts_dirs, no_builtin)
    index, result = _consult(packs, no_cache, ask)
    return index.catalog, result


def _same_packs(facts_dirs: list[Path] | None, no_builtin: bool) -> str:
    """The options that chose this run's packs, for a command suggested to run next: each
    --facts DIR as given, and --no-builtin (the configuration file, TQ_FACTS_PATH and the user
    pack folder choose the next command's as they did this one's)."""
    from tqcli.shellwords import shell_word

    given = "".join(f" --facts {shell_word(str(path))}" for path in facts_dirs or ())
    return given + " --no-builtin" * no_builtin


def _consult(
    packs: "Sequence[Pack]", no_cache: bool, ask: "Callable[[Index], _Answer]"
) -> "tuple[Index, _Answer]":
    from tqcli.index import CachePolicy, consult

    return consult(
        packs,
        CachePolicy.from_environment(enabled=not no_cache),
        ask,
        progress=_build_progress,
        no_cache=_say_no_cache,
        optional=may_be_left_out,
        left_out=lambda pack, problems: _say_left_out(pack, problems, packs),
    )


def _say_left_out(
    pack: "Pack", problems: "Sequence[Problem]", packs: "Sequence[Pack]", what: str = "query"
) -> None:
    """Warn that a pack of the user pack folder does not load and is left out of this query
    (or this export); where its every problem is an id another pack loaded defines too, that
    they are one pack loaded twice (or two versions of it), and which to drop."""
    from tqcli.locations import LeftOutReason
    from tqcli.problems import EXAMPLES, given_as, summarised, validate_command, why_left_out
    from tqcli.shellwords import shell_word

    say_line(f"tq: warning: the pack {pack.name!r} in the user pack folder does not load:")
    lines = summarised(problems)
    for line in lines[:EXAMPLES]:
        say_line(line)
    if len(lines) > EXAMPLES:
        say_line(f"tq: … and {len(lines) - EXAMPLES} more")
    reason, other = why_left_out(pack, problems, packs)
    if reason is LeftOutReason.PROBLEMS or other is None:
        say_line(
            f"tq: it is left out of this {what}; move it out of the folder, or check it: "
            f"tq validate {shell_word(str(pack.path))}"
        )
        return
    # Either alone is valid: `tq validate` of the folder's copy would say so (stranger 17, 14).
    given = given_as(other)
    if reason is LeftOutReason.SAME_PACK:
        say_line(
            f"tq: it is left out of this {what}: it is the same pack as {given}, loaded twice"
            f" (the user pack folder loads its copy in every {what}); drop {given}, or move the"
            " folder's copy out"
        )
        return
    say_line(
        f"tq: it is left out of this {what}: {given} defines its ids again (another version"
        f" of the same pack?); keep one of the two: drop {given}, or move the folder's copy"
        f" out; to check the two together: {validate_command(packs)}"
    )


def _kept_patterns(no_cache: bool) -> "AbstractContextManager[None]":
    """The patterns ask compiles, kept in the cache directory (see regexcache): those its module
    compiles as it is imported and those compiled as it answers, each made again only when a
    later run uses it."""
    from tqcli.index.cache import CachePolicy
    from tqcli.regexcache import kept_patterns

    return kept_patterns(CachePolicy.from_environment(enabled=not no_cache).directory)


def _build_progress() -> "BuildProgress":
    from tqcli.progress import BuildProgress  # only a build shows progress

    return BuildProgress(sys.stderr)


def _say_no_cache(notice: "CacheUnavailable") -> None:
    where = f"keep the index in {notice.directory}" if notice.directory else "find a cache"
    typer.echo(f"tq: cannot {where} ({notice.reason}); answering without a cache", err=True)


Batch = Annotated[
    bool,
    typer.Option("--batch", help="Read one query a line from stdin; write JSON Lines."),
]
_Required = TypeVar("_Required")


def _required(ctx: typer.Context, value: _Required | None) -> _Required:
    """The argument, which is optional only with --batch: without it, Click's usual error."""
    if value is None or value == []:
        # Typer 0.28 vendors Click privately (pinned below 0.29 in pyproject.toml).
        from typer._click.exceptions import MissingParameter

        param = next(p for p in ctx.command.params if p.param_type_name == "argument")
        raise MissingParameter(ctx=ctx, param=param)
    return value


def _batch_run(
    ctx: typer.Context,
    argument: object,
    other_formats: tuple[bool, OutputFormat, str | None, str],
    facts_dirs: list[Path] | None,
    no_builtin: bool,
    no_cache: bool,
    answer: "Callable[[Index, str], object]",
) -> None:
    """Answer each line of stdin from one index, writing one JSON line per line read; exit 1
    when no line found anything (as a match batch does, and grep)."""
    from tqcli.batch import LineFault, answer_each, stdin_lines
    from tqcli.index import in_memory
    from tqcli.model import Answers
    from tqcli.render.json_output import JsonRenderer

    as_json, fmt, fields, shape = other_formats
    if argument:
        raise BadRequest("--batch reads the queries from stdin: give none as arguments")
    if as_json or fmt not in (OutputFormat.AUTO, OutputFormat.JSONL):
        raise BadRequest("--batch writes JSON Lines (--jsonl): choose no other format")
    # --fields chooses the keys of each result, as it does of each object without --batch.
    selected = _fields(fields, shape, {OutputFormat.JSONL}) if fields is not None else ()
    lines = stdin_lines()
    packs = _packs(facts_dirs, no_builtin)
    index, _ = _consult(packs, no_cache, lambda index: None)
    index.read_as_one()
    loaded = index.catalog.packs  # without a pack of the user pack folder left out
    renderer = make_renderer(OutputFormat.JSONL, sys.stdout, ColorMode.NEVER, selected)
    assert isinstance(renderer, JsonRenderer)
    found = False  # some line found what a single run exits 0 for: an answer, a result
    faults = 0
    for query, result in answer_each(index, lines, answer, lambda: in_memory(loaded)):
        if isinstance(result, LineFault):
            faults += 1
            renderer.batch_answer(query, [], index.catalog, error=str(result))
        elif isinstance(result, TqError):
            renderer.batch_answer(query, [], index.catalog, error=_phrased(result))
        elif isinstance(result, Answers):
            found = found or bool(result.hits and result.answered)
            renderer.batch_answer(
                query,
                result.hits,
                index.catalog,
                suggestions=result.suggestions,
                replies=result.replies,
            )
        else:
            found = found or bool(result)
            renderer.batch_answer(query, result, index.catalog)  # type: ignore[arg-type]
    _after_faults(faults)
    if not found:
        sys.stdout.flush()
        say("tq: no answer for any line" if shape == "answers" else "tq: no results for any line")
        raise typer.Exit(ExitCode.NO_RESULTS)


def _noted(
    index: "Index", hits: "Sequence[Hit]", kept: "dict[int, Reach] | None" = None
) -> "Sequence[Hit]":
    """The hits, each given another loaded pack's curator notes that correct or contest the
    same words of the same source, as ask gives them (tqcli.corrections); the hits themselves
    where one pack is loaded (not even importing it: most queries load one) or none was found.
    kept: each index's Reach, read once for every line of a batch."""
    if len(index.catalog.packs) < 2 or not hits:
        return hits
    from tqcli.corrections import Reach, with_others_notes

    if kept is None:
        return with_others_notes(index, hits)
    if id(index) not in kept:
        kept[id(index)] = Reach.of_index(index)
    return with_others_notes(index, hits, kept[id(index)])


def _after_faults(faults: int) -> None:
    """Exit 70 after a batch where a bug was met on some lines (each line's object says so)."""
    if faults:
        sys.stdout.flush()
        say(
            f'tq: internal error on {faults} line(s), each said in its line\'s "error"; this is '
            "a bug in tq: please report it with those lines"
        )
        raise typer.Exit(ExitCode.INTERNAL_ERROR)


def _finish(
    found: int,
    missing_tag: "UnknownTag | None" = None,
    respelled: "Sequence[tuple[str, str | None]]" = (),
    others: bool = False,
    terms: Sequence[str] = (),
) -> None:
    if found and respelled and others:  # results for the other words: say which found nothing
        words = "; nor ".join(f"{word!r}{_did_you_mean(near)}" for word, near in respelled)
        say(printable(f"tq: no fact has {words}: these results are for the other words"))
    if not found:
        from tqcli.searchquery import is_phrase

        why = ""
        near_words = [(word, near) for word, near in respelled if near]
        if missing_tag is not None:
            hint = _did_you_mean(missing_tag.closest)
            why = f": no fact is tagged {missing_tag.tag!r}{hint}; see 'tq tags'"
        elif near_words:
            why = printable(
                ": no fact has "
                + "; nor ".join(f"{word!r}{_did_you_mean(near)}" for word, near in near_words)
            )
        elif phrases := [term for term in terms if is_phrase(term)]:
            # Words quoted as one argument are found together only, which a user may not have
            # meant: say so, and how to give them apart.
            from tqcli.shellwords import shell_word

            apart = [
                word for term in terms for word in (term.split() if term in phrases else [term])
            ]
            why = printable(
                ": no fact has "
                + "; nor ".join(f"the phrase {phrase!r}" for phrase in phrases)
                + " (words in one argument are found together, in that order); for any of them,"
                + " give them apart: "
                + " ".join(map(shell_word, apart))
            )
        say(f"tq: no results{why}")
        raise typer.Exit(ExitCode.NO_RESULTS)


class _TagChecked:
    """A query of facts that, when it finds none under a tag filter, also asks whether any
    fact carries that tag (so that 'no results' can say the tag is unknown)."""

    def __init__(
        self,
        query: "Callable[[Index], Sequence[Hit]]",
        filters: Filters,
        terms: Sequence[str] = (),
    ) -> None:
        self._query = query
        self._filters = filters
        self._terms = terms
        self.missing_tag: UnknownTag | None = None
        self.respelled: list[tuple[str, str | None]] = []
        """Words of the terms no fact has, each with the indexed word it may be misspelt for."""
        self.others = False
        """Whether the terms look for words besides those respelled (which the results are
        for, when there are results)."""

    def __call__(self, index: "Index") -> "Sequence[Hit]":
        hits = self._query(index)
        tag = self._filters.tag
        self.missing_tag = index.unknown_tag(tag) if tag and not hits else None
        if self._terms:  # with results too: a word that found nothing is said so
            from tqcli.index.query import searched_words

            self.respelled = index.respelled(self._terms)
            unfound = {word for word, _ in self.respelled}
            self.others = any(word not in unfound for word in searched_words(self._terms))
        # The hits alone are returned, so that consult checks their rows before any output.
        return hits


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tq {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    context: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Look up sourced facts: every answer with its source and the passage it rests on.

    \b
    Exit codes: 0 results, 1 no results, 2 usage error, 3 invalid fact data,
                4 imported with records skipped, 69 download unavailable,
                70 internal error (a bug), 74 output could not be written,
                130 interrupted, 141 output closed early.
    """
    context.call_on_close(_AT_END.close)
    if (missing := missing_named_config()) is not None:
        say(f"tq: {CONFIG_VARIABLE} names {missing}, which does not exist; using the defaults")


@app.command(cls=DashWordsCommand)
@reports_errors
def search(
    ctx: typer.Context,
    terms: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="TERM...",
            help='Words or numbers to look for; "a phrase", prefix*, -excluded.',
            show_default=False,
        ),
    ] = None,
    require_all: Annotated[
        bool, typer.Option("--all", help="Only facts matching every term, not any of them.")
    ] = False,
    kind: Kinds = None,
    about: About = None,
    tag: Tag = None,
    source: SourceId = None,
    since: Since = None,
    until: Until = None,
    standing: Standings = None,
    limit: Annotated[int | None, _limit_option(20)] = None,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
    batch: Batch = False,
) -> None:
    """Search claims, quotes, figures, tags, names and sources; best match first.

    Facts matching any term are found, best first; --all keeps those matching every term.
    An argument of several words and nothing else ("bin laden", quoted in the shell), words in
    double quotes inside one argument ('"bin laden" money') and words joined by punctuation
    (al-Qaeda) must occur together, in that order. A word
    ending in * is a prefix (qa* finds Qaeda and Qaida). A term starting with - leaves out the
    facts it matches (taliban -isis); one spelled like an option (-h, -n5) goes after --.

    With --batch, reads one query a line from stdin, as it would be typed after tq search
    (quotes as in the shell), and writes JSON Lines: for each, an object with the query and its
    results (and an error, when it cannot run); exits 1 when no line has any (as grep).

    \b
    Examples:
      tq search 1267
      tq search bin laden money --kind figure
      tq search "bin laden" --all money
      tq search 'qa*' -isis
      tq search provinces --json | jq '.[0].details'
      printf '1267\\nDoha agreement\\n' | tq search --batch --limit 3
    """
    filters = _filters(frozenset(kind or ()), about, tag, source, since, until, standing)
    most = load_config().limit("search", limit)
    if batch:
        from tqcli.batch import arguments

        reaches: dict[int, Reach] = {}  # each index's, read at its first line with results

        def searched(index: "Index", line: str) -> "Sequence[Hit]":
            hits = index.search(arguments(line), filters, most, require_all=require_all)
            return _noted(index, hits, reaches)

        _batch_run(
            ctx, terms, (as_json, fmt, fields, "facts"), facts, no_builtin, no_cache, searched
        )
        return
    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, no_pager=no_pager)
    found_terms = _required(ctx, terms)

    query = _TagChecked(
        lambda index: _noted(
            index, index.search(found_terms, filters, most, require_all=require_all)
        ),
        filters,
        found_terms,
    )
    catalog, hits = _ask(facts, no_builtin, no_cache, query)
    renderer.facts(hits, catalog, full=False)
    _finish(len(hits), query.missing_tag, query.respelled, query.others, found_terms)


@app.command()
@reports_errors
def show(
    ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...",
            help="Fact ids, as search and list print them.",
            autocompletion=_completer("fact_ids"),
        ),
    ],
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Show facts in full: every source with its passage, every curator note.

    An id that names no fact is named on stderr (exit 1); the facts found are shown all the same.

    \b
    Examples:
      tq show un-resolution-1267
      tq show un-resolution-1267 --json | jq '.[0].sources[0].passage'
    """
    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, no_pager=no_pager)
    wanted = [_text(fact_id) for fact_id in ids]

    def known(index: "Index") -> "Shown":
        found = index.show_known(wanted)
        hits = _noted(index, found.hits)
        if hits is found.hits:
            return found
        import msgspec

        return msgspec.structs.replace(found, hits=hits)

    catalog, shown = _ask(facts, no_builtin, no_cache, known)
    renderer.facts(shown.hits, catalog, full=True)
    if shown.unknown:  # the known facts are shown all the same; the unknown ids are named
        _AT_END.close()  # after them (and after the pager, if any), where the reader sees it
        raise UnknownFacts(shown.unknown)


@app.command("list")
@reports_errors
def list_(
    kind: Annotated[
        FactKind | None,
        typer.Argument(
            metavar="[KIND]",
            help="Only facts of this kind: sanction, agreement, figure, quote or event.",
            show_default=False,
        ),
    ] = None,
    kinds: Kinds = None,
    about: About = None,
    tag: Tag = None,
    source: SourceId = None,
    since: Since = None,
    until: Until = None,
    standing: Standings = None,
    limit: Annotated[int | None, _limit_option(0)] = None,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Browse facts in date order (undated last), optionally of one kind.

    \b
    Examples:
      tq list event
      tq list --about al-qaeda --since 2020
      tq list quote --jsonl | head -1
    """
    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, no_pager=no_pager)
    chosen = frozenset(kinds or ()) | ({kind} if kind else frozenset())
    filters = _filters(chosen, about, tag, source, since, until, standing)
    most = load_config().limit("list", limit)

    query = _TagChecked(lambda index: index.browse(filters, most), filters)
    catalog, hits = _ask(facts, no_builtin, no_cache, query)
    renderer.facts(hits, catalog, full=False)
    _finish(len(hits), query.missing_tag)


@app.command()
@reports_errors
def sources(
    limit: Annotated[int | None, _limit_option(0)] = None,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """List the sources, with how many facts cite each.

    \b
    Examples:
      tq sources
      tq sources --limit 5
      tq sources --json | jq -r '.[] | "\\(.facts) \\(.title)"'
    """
    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, "sources", no_pager=no_pager)
    _, uses = _ask(facts, no_builtin, no_cache, lambda index: index.source_uses())
    uses = _at_most(uses, "sources", limit)
    renderer.sources(uses)
    _finish(len(uses))


@app.command()
@reports_errors
def stats(
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Count facts by kind, by pack and by source.

    \b
    Examples:
      tq stats
      tq stats --json | jq .by_kind
    """
    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, "stats", no_pager=no_pager)
    _, counts = _ask(facts, no_builtin, no_cache, lambda index: index.stats())
    renderer.stats(counts)


@app.command()
@reports_errors
def paths(
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Show where tq's files are, and the fact packs in effect.

    The configuration file, the user pack folder (each subfolder a pack) and the index cache;
    then the packs in load order: the built-in pack, the user pack folder's, the config file's,
    TQ_FACTS_PATH's, then each --facts. A pack of the user pack folder that queries leave out
    is marked, with why: it does not load ('tq validate PATH' says why), or another pack loaded
    holds its ids (the same pack given with --facts too, or another version of it).

    \b
    Examples:
      tq paths
      TQ_FACTS_PATH=~/my-facts tq paths --json | jq -r '.packs[].path'
    """
    from tqcli.config import Config, InvalidConfig, config_path
    from tqcli.index import CachePolicy
    from tqcli.locations import Locations

    config_file = config_path()
    broken = None
    try:
        config = load_config()
    except InvalidConfig as error:  # shown all the same: this is the command that finds the file
        config, broken = Config(config_file, exists=True), error
    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, "paths", config=config)
    packs = packs_in_effect(
        facts or [], include_builtin=not no_builtin, configured=config.packs, strays=True
    )
    locations = Locations(
        config_file=config_file,
        config_exists=config.exists,
        user_pack_folder=user_pack_folder(),
        cache=CachePolicy.from_environment(enabled=True).directory,
        packs=packs,
        left_out=_left_out(packs),
    )
    renderer.paths(locations)
    from tqcli.packs import stray_pack_files

    for problem in (broken, stray_pack_files()):
        if problem is not None:
            raise problem  # its problems, and exit 2, after the paths


def _left_out(packs: "Sequence[Pack]") -> "dict[Pack, LeftOut]":
    """The packs of the user pack folder that a query leaves out, not loading, as a query finds
    them (from the index, or the problems kept beside it; else by building it, as the next
    query would), each with why, as the query's warning says it (a pack left out as the same
    pack as one given with --facts would pass `tq validate PATH`); none when there is no such
    pack, or a problem of another pack would refuse every query (tq validate names it)."""
    if not any(map(may_be_left_out, packs)):
        return {}
    from tqcli.index import CachePolicy, consult
    from tqcli.locations import LeftOut
    from tqcli.problems import why_left_out

    found: dict[Pack, LeftOut] = {}

    def heard(pack: "Pack", problems: "Sequence[Problem]") -> None:
        found[pack] = LeftOut(*why_left_out(pack, problems, packs))

    with contextlib.suppress(InvalidPacks):
        consult(
            packs,
            CachePolicy.from_environment(enabled=True),
            lambda index: None,
            progress=_build_progress,
            optional=may_be_left_out,
            left_out=heard,
        )
    return found


@app.command()
@reports_errors
def validate(
    pack_dirs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            parser=_path,
            readable=False,  # an unreadable pack is reported by tq, not as "'[PATH]...'"
            help="Pack directories to check (default: every pack in effect).",
            show_default=False,
        ),
    ] = None,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Check packs: fields, dates, references, duplicate ids, and every passage verbatim.

    Reports every problem as file:line: message on stderr; exits 3 if there is any.
    With PATHs, checks those packs after the built-in one (which they may cite); a copy of the
    built-in pack (a checkout's facts/) is said to be one, in one line: add --no-builtin.

    \b
    Examples:
      tq validate
      tq validate ./my-pack --json | jq '.problems[].message'
    """
    from tqcli.loader import load

    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, "validate")
    if pack_dirs:
        packs = packs_in_effect(
            [*pack_dirs, *(facts or [])],
            include_builtin=not no_builtin,
            environ={},
            origin="validate",
        )
    else:
        packs = _packs(facts, no_builtin, refuse_strays=True)
    if not packs:  # "valid" would say that something was checked
        raise BadRequest("nothing to validate: no pack is in effect; give a PATH or --facts DIR")
    report = load(packs)
    from tqcli.index.cache import name_problem

    unindexable = name_problem(packs)  # a name queries refuse, which loading takes
    if unindexable is not None:
        from tqcli.model import LoadReport

        problems = (*report.problems, unindexable)
        report = LoadReport(
            report.catalog, problems, report.passages_proven, report.passages_unarchived
        )
    from tqcli.problems import builtin_copies, builtin_copy_line

    copies = builtin_copies(report.problems, packs, report.catalog)
    first_of = {id(found[0]): pack for pack, found in copies.items()}
    copied = {id(problem) for found in copies.values() for problem in found}
    for problem in report.problems:  # a copy's duplicates in one line, where the first was
        if id(problem) in first_of:
            pack = first_of[id(problem)]
            say_line(builtin_copy_line(pack, copies[pack]))
        elif id(problem) not in copied:
            say_line(str(problem))
    from tqcli.corrections import reached

    noted = reached(report.catalog)  # another pack's correction of the same words: said too
    for found in noted:
        say_line(str(found))
    renderer.validation(report, noted)
    if not report.valid:
        raise typer.Exit(ExitCode.INVALID_DATA)


@app.command()
@reports_errors
def ask(
    ctx: typer.Context,
    question: Annotated[
        str | None,
        typer.Argument(metavar="QUESTION", help="A question in plain English.", show_default=False),
    ] = None,
    limit: Annotated[int | None, _limit_option(3)] = None,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
    batch: Batch = False,
) -> None:
    """Answer a question in plain English: the fact that answers it first, with its source.

    Says so plainly when the loaded packs hold no answer (exit 1), and suggests nearby topics.
    With --batch, reads one question a line from stdin and writes JSON Lines: for each, an
    object with the question ("query"), its answers ("results") and any suggestions; exits 1
    when no line is answered (as grep).

    \b
    Examples:
      tq ask "How much did bin Laden pay the Taliban each year?"
      tq ask "Who said the Taliban are terrorists?" --limit 1
      tq ask "When was resolution 1267 adopted?" --json | jq '.[0].date'
      tq ask --batch < questions.txt > answers.jsonl
    """
    with _kept_patterns(no_cache):  # the whole command: patterns are compiled as it answers
        from tqcli.ask import answer

        most = load_config().limit("ask", limit)
        if batch:
            _batch_run(
                ctx,
                question,
                (as_json, fmt, fields, "answers"),
                facts,
                no_builtin,
                no_cache,
                lambda index, line: answer(index, line, most),
            )
            return
        renderer = _renderer(as_json, as_jsonl, fmt, color, fields, "answers", no_pager=no_pager)
        asked = _required(ctx, question)
        catalog, found = _ask(facts, no_builtin, no_cache, lambda index: answer(index, asked, most))
        renderer.answers(found, catalog)
        if found.hits and not found.answered:
            say("tq: no fact answers the whole question; the nearest are marked partial")
        if found.hint:  # its command run as suggested loads the same packs (stranger 18, 6)
            say(f"tq: {found.hint}{_same_packs(facts, no_builtin)}")
        if found.hits and not found.answered:
            raise typer.Exit(ExitCode.NO_RESULTS)
        if not found.hits:
            if found.asked:
                say("tq: no answer in the loaded facts")
            else:
                # A topic alone ("Taliban") asks nothing a fact could answer: say where its
                # facts are, rather than offer them as answers.
                from tqcli.shellwords import shell_word

                topic = shell_word(asked.strip())
                say(
                    f"tq: {topic} names a topic but asks no question: ask what you want to know"
                    f" of it, or list its facts with: tq search {topic}"
                )
            if found.suggestions:
                say("tq: nearest topics: " + ", ".join(found.suggestions))
            raise typer.Exit(ExitCode.NO_RESULTS)


# --- Names: screening and entities (docs/names.md) ---------------------------------------------

# The default threshold is tqcli.names.DEFAULT_THRESHOLD; named here, not imported, so that other
# commands never load the names module (tests/test_names.py checks the two agree).
_DEFAULT_THRESHOLD = 0.8


def _checked_threshold(value: float | None) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise typer.BadParameter(f"{value} is not between 0 and 1")
    return value


def _stdin_names() -> "Iterator[str]":
    """The names on standard input, one a line, blank lines included (each gets its line of
    output, so output line N answers input line N)."""
    from tqcli.batch import stdin_lines

    return (line.strip() for line in stdin_lines())


def _nothing_to_screen(query: str) -> str:
    return f"nothing to screen in {query!r}: give a name in letters"


@app.command()
@reports_errors
def match(
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="NAME...", help="Names to screen.", show_default=False),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            metavar="SCORE",
            callback=_checked_threshold,
            help=f"A candidate scoring SCORE (0 to 1) or more is a match. "
            f"[default: {_DEFAULT_THRESHOLD}]",
            show_default=False,
        ),
    ] = None,
    batch: Annotated[
        bool,
        typer.Option(
            "--batch",
            help="Screen the names on standard input, one a line; a JSON line for each line, "
            "blank lines included.",
        ),
    ] = False,
    limit: Annotated[int, _limit_option(3, configurable=False)] = 3,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Screen names against people, organisations, vessels, aircraft: scored candidates and why.

    Each candidate scores 0 to 1 and is a match at or above the threshold; the reasons say
    which name or alias matched and how (exact, folded, reordered, joined, phonetic, fuzzy,
    partial), and whether the entity is on a sanctions list loaded. Exits 0 when some name
    matches a listed entity, 1 when none does (with --batch too, as grep): a match on someone
    a pack only mentions is shown, "not on any loaded list", and is no hit.
    Words weigh by how rare they are among all the names loaded: a verdict near the threshold
    can change when another list is loaded (docs/names.md).

    \b
    Examples:
      tq match "Abdul Ghani Baradur" --facts ./un-sanctions
      tq match "BARADAR, Abdul Ghani" --json | jq '.[0].results[0]'
      tq match --batch --no-builtin --facts ./un-sanctions < names.txt > out.jsonl
    """
    from tqcli.batch import fault, not_utf8
    from tqcli.names import DEFAULT_THRESHOLD, Screening, name_words

    if batch and names:
        raise BadRequest("--batch reads names from standard input: give no NAME with it")
    if batch and (as_json or fmt not in (OutputFormat.AUTO, OutputFormat.JSONL)):
        raise BadRequest("--batch writes JSON Lines: give no other output format with it")
    if not batch and not names:
        raise BadRequest("give a NAME to screen, or --batch to read names from standard input")
    renderer = _renderer(as_json, as_jsonl or batch, fmt, color, fields, "match")
    chosen = DEFAULT_THRESHOLD if threshold is None else threshold
    queries = _stdin_names() if batch else [_text(name) for name in names or ()]
    for query in [] if batch else queries:
        if not name_words(query):
            raise BadRequest(_nothing_to_screen(query))
    catalog, index = _ask(facts, no_builtin, no_cache, lambda index: index)
    matched = no_list = False
    faults = 0

    def screened() -> "Iterator[tuple[Screening, str | None]]":
        """Each name screened, with the error of a line that holds no name to screen."""
        nonlocal matched, no_list, faults
        for query in queries:
            if batch and (unreadable := not_utf8(query)) is not None:
                # Screening the text a replacement makes of it could miss the name unsaid.
                yield (
                    Screening(unreadable.line, chosen, ()),
                    (f"cannot screen {unreadable.line!r}: {unreadable.reason}"),
                )
                continue
            try:
                screening = index.screen(query, chosen, limit or _MAX_LIMIT)
            except (TqError, OSError):
                raise  # about every line, not this one: reported as a single run does
            except Exception as error:
                if not batch:
                    raise
                faults += 1  # a bug met on this line: the others are still screened
                yield Screening(query, chosen, ()), str(fault(error))
                continue
            matched = matched or screening.listed_match
            no_list = no_list or screening.no_list_loaded
            empty = not screening.candidates and not name_words(screening.query)
            yield screening, _nothing_to_screen(screening.query) if empty else None

    if batch:
        import gc

        from tqcli.render.json_output import JsonRenderer

        # What is loaded stays to the end: the collections a batch's many small objects set off
        # need not go through it again each time (measured: 2% of a 1,000-name batch).
        gc.freeze()
        assert isinstance(renderer, JsonRenderer)  # --batch is JSON Lines, checked above
        for screening, error in screened():
            renderer.batch_screening(screening, catalog, error)
        _after_faults(faults)
    else:
        renderer.screenings((screening for screening, _ in screened()), catalog)
    if not matched:
        sys.stdout.flush()
        say("tq: no match")
        if no_list:  # once, whatever the number of names (stranger 17, finding 16)
            say(_no_list_loaded(no_builtin))
        raise typer.Exit(ExitCode.NO_RESULTS)


def _no_list_loaded(no_builtin: bool) -> str:
    """Why "no match" says nothing of the sanctions lists when none is loaded, and how to load
    one: the built-in pack, which a user may take for the list, is none."""
    builtin = "" if no_builtin else " (the built-in pack is none: it records a few listings only)"
    return (
        f"tq: no sanctions list is loaded{builtin}; to screen against one, import it, e.g. tq"
        " import un-sc consolidated.xml --out un-sanctions, and give --facts un-sanctions"
        " (README: Real sanctions data)"
    )


@app.command()
@reports_errors
def who(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="An entity's id, name or alias, in any spelling.",
            autocompletion=_completer("entity_ids"),
        ),
    ],
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Show a person or organisation: names, aliases, particulars, listings and every fact.

    A name not found as written is screened, and the best match shown if there is one. When
    the name is several entities' (TALIBAN: the built-in Taliban and OFAC's entry), the first
    loaded is shown and the others are named with their ids: tq who ID shows one.

    With --format csv: a row per fact, each beginning with the entity's id, name, kind,
    aliases and listings (one row with those alone when no fact names it); its particulars,
    the entities linked to it and the other entities the name names are in --json.

    \b
    Examples:
      tq who "Abdul Ghani Baradar"
      tq who TAi.024 --facts ./un-sanctions
      tq who Baradur --facts ./un-sanctions --json | jq .listings
    """
    from tqcli.names import profile

    if not name.strip():
        raise BadRequest("who needs a NAME: an id, a name or an alias")
    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, "who", no_pager=no_pager)
    catalog, found = _ask(facts, no_builtin, no_cache, lambda index: profile(index, _text(name)))
    renderer.entity(found, catalog)


@app.command()
@reports_errors
def entities(
    limit: Annotated[int | None, _limit_option(0)] = None,
    kinds: Annotated[
        list[EntityKind] | None,
        typer.Option("--kind", help="Only entities of this kind (repeatable)."),
    ] = None,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """List the people, organisations, places and documents loaded, with their facts.

    Those named by the most facts come first; entities with as many, by name.

    \b
    Examples:
      tq entities --kind person
      tq entities --limit 10
      tq entities --json | jq -r '.[] | select(.facts > 5) | .name'
    """
    from tqcli.names import entity_uses

    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, "entities", no_pager=no_pager)
    wanted = frozenset(kinds or ())
    _, uses = _ask(facts, no_builtin, no_cache, lambda index: entity_uses(index, wanted))
    uses = _at_most(uses, "entities", limit)
    renderer.entities(uses)
    _finish(len(uses))


@app.command()
@reports_errors
def tags(
    limit: Annotated[int | None, _limit_option(0)] = None,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    fields: Fields = None,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """List the tags with how many facts carry each, most used first.

    \b
    Examples:
      tq tags
      tq tags --limit 10
      tq list --tag doha
    """
    from tqcli.names import tag_uses

    renderer = _renderer(as_json, as_jsonl, fmt, color, fields, "tags", no_pager=no_pager)
    _, uses = _ask(facts, no_builtin, no_cache, tag_uses)
    uses = _at_most(uses, "tags", limit)
    renderer.tags(uses)
    _finish(len(uses))


import_app = typer.Typer(
    name="import",
    help="Import real data as a fact pack.",
    rich_markup_mode=None,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(import_app, name="import")

ImportOut = Annotated[
    Path,
    typer.Option(
        "--out",
        metavar="DIR",
        help="The pack directory to write (a link to one is followed).",
        show_default=False,
    ),
]
DryRun = Annotated[
    bool,
    typer.Option(
        "--dry-run",
        help="Report what would change; write nothing. Exits with the code the import would "
        "(2 where it would be refused, 3 for a bad file, 4 for skipped records).",
    ),
]
AllowRemovals = Annotated[
    bool,
    typer.Option(
        "--allow-removals",
        help="Import even if it removes more than half of the previous import's listings "
        "(refused without it: the mark of a file cut short).",
    ),
]
ReportJson = Annotated[bool, typer.Option("--json", help="Write the report as one JSON object.")]
Published = Annotated[
    PartialDate | None,
    typer.Option(
        "--published",
        metavar="DATE",
        parser=_parse_date,
        help="When the list was published (YYYY[-MM[-DD]]): it is cited with this date, and its "
        "listings hold as of it. Without it, OFAC's files (which carry no date) are cited "
        "undated, and so are their listings; OpenSanctions data holds as of the latest day it "
        "says a record was seen.",
    ),
]
"""--published, for the importers whose files do not say when they were published."""


def _report_import(
    run: "Callable[[], ImportReport]", as_json: bool, fmt: OutputFormat, color: ColorMode
) -> None:
    """Run an import, render its report, and exit 2 if it is a dry run of an import that would
    be refused, 4 if records were skipped, 74 if the pack or the report could not be written
    (the message says which)."""
    from tqcli.importers.shared import PackNotWritten

    renderer = _renderer(as_json, False, fmt, color)
    try:
        report = run()
    except PackNotWritten as error:
        say(f"tq: {error}")
        raise typer.Exit(ExitCode.OUTPUT_ERROR) from None
    for note in report.notes:
        say(f"tq: {note}")
    try:
        renderer.import_report(report)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): exit 141, as for any command
    except OSError as error:
        if not report.written:
            raise
        say(
            f"tq: the pack {str(report.out)!r} was written; only this report could not be: "
            f"{error.strerror or error}"
        )
        _silence_stdout()
        raise typer.Exit(ExitCode.OUTPUT_ERROR) from None
    if report.refused:
        raise typer.Exit(ExitCode.USAGE)  # as the import would: a dry run checks a script's step
    if report.skipped:
        raise typer.Exit(ExitCode.SKIPPED_RECORDS)


@import_app.command("un-sc")
@reports_errors
def import_un_sc(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE.xml",
            help="A Consolidated List export (XML): a path, a URL, or - for standard input.",
            show_default=False,
        ),
    ],
    out: ImportOut,
    lists: Annotated[
        list[str] | None,
        typer.Option(
            "--list",
            metavar="NAME",
            help="A list to import (repeatable). [default: Taliban, Al-Qaida, those the file has]",
            show_default=False,
        ),
    ] = None,
    all_lists: Annotated[
        bool, typer.Option("--all-lists", help="Import every regime's list.")
    ] = False,
    dry_run: DryRun = False,
    allow_removals: AllowRemovals = False,
    as_json: ReportJson = False,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Import the UN Security Council Consolidated List as a fact pack.

    Writes an entity per listed individual and entity and a sanction fact per listing,
    and reports what changed since the previous import into DIR, per list (a list imported
    before and left out now is reported as removed). Exits 4 when some records could not be
    imported (each is reported), 3 for a malformed or unsafe file, 2 when the import would
    remove more than half of the previous listings (see --allow-removals) or replace a file
    of the pack edited since it was written, 69 when a URL cannot be downloaded now, 74 when
    the pack cannot be written (nothing is changed then) or, the pack written, the report
    cannot be (the message says which).

    \b
    Examples:
      tq import un-sc consolidated.xml --out ./un-sanctions
      tq import un-sc consolidated.xml --out ./un-sanctions --dry-run --json
      tq search TAi.024 --facts ./un-sanctions
    """
    from tqcli.importers.un_sc import import_list

    if lists and all_lists:
        raise BadRequest("choose --list NAME or --all-lists, not both")
    _report_import(
        lambda: import_list(
            file,
            out,
            lists=lists or (),
            all_lists=all_lists,
            dry_run=dry_run,
            allow_removals=allow_removals,
        ),
        as_json,
        fmt,
        color,
    )


@import_app.command("ofac-sdn")
@reports_errors
def import_ofac_sdn(
    sdn: Annotated[
        str,
        typer.Argument(
            metavar="SDN.CSV",
            help="OFAC's SDN.CSV (legacy CSV format): a path, a URL, or - for standard input.",
            show_default=False,
        ),
    ],
    out: ImportOut,
    alt: Annotated[
        str | None,
        typer.Option("--alt", metavar="ALT.CSV", help="The aliases file published with it."),
    ] = None,
    add: Annotated[
        str | None,
        typer.Option("--add", metavar="ADD.CSV", help="The addresses file published with it."),
    ] = None,
    published: Published = None,
    dry_run: DryRun = False,
    allow_removals: AllowRemovals = False,
    as_json: ReportJson = False,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Import the US Treasury OFAC SDN list as a fact pack.

    Writes an entity per SDN entry (names, aliases from ALT.CSV and the remarks, addresses,
    birth data, identifiers) and a sanction fact per entry citing its row, and reports what
    changed since the previous import into DIR. `Linked To:` remarks link the fact to the
    entry named, when the list holds exactly one of that name. Exits 4 when some rows could
    not be imported (each is reported), 3 for a file that is not an SDN.CSV or ends inside a
    quoted field (cut short), 2 when the import would remove more than half of the previous
    entries (see --allow-removals) or replace a file of the pack edited since it was written,
    69 when a URL cannot be downloaded now, 74 when the pack cannot be written (nothing is
    changed then) or, the pack written, the report cannot be (the message says which).

    \b
    Examples:
      tq import ofac-sdn SDN.CSV --alt ALT.CSV --add ADD.CSV --out ./ofac --published 2024-05-03
      tq list --about TALIBAN --facts ./ofac
    """
    from tqcli.importers.ofac_sdn import import_sdn

    _report_import(
        lambda: import_sdn(
            sdn,
            out,
            alt=alt,
            add=add,
            published=published,
            dry_run=dry_run,
            allow_removals=allow_removals,
        ),
        as_json,
        fmt,
        color,
    )


@import_app.command("ftm")
@reports_errors
def import_ftm(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE.json",
            help="OpenSanctions entities in FollowTheMoney form (an export or a delta): "
            "a path, a URL, or - for standard input.",
            show_default=False,
        ),
    ],
    out: ImportOut,
    published: Published = None,
    dry_run: DryRun = False,
    allow_removals: AllowRemovals = False,
    as_json: ReportJson = False,
    fmt: Format = OutputFormat.AUTO,
    color: Color = ColorMode.AUTO,
    no_pager: NoPager = False,
) -> None:
    """Import OpenSanctions data (FollowTheMoney entities) as a fact pack.

    An export (`entities.ftm.json`, an entity a line) replaces the import in DIR; a delta
    (`{"op": "ADD"|"MOD"|"DEL", "entity": ...}` a line) is applied to it, once (given again,
    it changes nothing and the report says so). People and
    organizations become entities, Sanction entities sanction facts on their target; the
    report says what changed per schema. Exits 4 when some lines could not be imported,
    3 for a file that is not FollowTheMoney JSON, 2 when the import would remove more than
    half of the previous records (see --allow-removals) or replace a file of the pack edited
    since it was written, 69 when a URL cannot be downloaded now, 74 when the pack cannot be
    written (nothing is changed then) or, the pack written, the report cannot be (the
    message says which).
    OpenSanctions data is licensed CC BY-NC 4.0 (non-commercial use, with attribution).

    \b
    Examples:
      tq import ftm entities.ftm.json --out ./opensanctions
      tq import ftm entities.delta.json --out ./opensanctions --dry-run
      tq import ftm entities.ftm.json --out ./opensanctions --published 2024-05-30
    """
    from tqcli.importers.ftm import import_ftm as run_import

    _report_import(
        lambda: run_import(
            file, out, published=published, dry_run=dry_run, allow_removals=allow_removals
        ),
        as_json,
        fmt,
        color,
    )


cache_app = typer.Typer(
    name="cache",
    rich_markup_mode=None,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(cache_app, name="cache")


@cache_app.callback()
@reports_errors
def cache(ctx: typer.Context, as_json: AsJson = False, no_pager: NoPager = False) -> None:
    """Show where the search index cache is and how big it is.

    tq keeps one index per set of packs used, the 8 used last (about 2 MB for the built-in pack,
    about 140 MB for 100,000 facts), in TQ_CACHE_DIR or the user cache directory. Removing
    them is always safe: the next query rebuilds.

    \b
    Examples:
      tq cache
      tq cache clear
    """
    if ctx.invoked_subcommand is None:
        from tqcli.index.cache import usage

        _say_cache_usage(usage(_cache_policy()), as_json, "")


@cache_app.command("clear")
@reports_errors
def cache_clear(as_json: AsJson = False, no_pager: NoPager = False) -> None:
    """Remove every index from the cache (and what interrupted builds left behind).

    Only files tq wrote are removed; the next query rebuilds its index.

    \b
    Examples:
      tq cache clear
      tq cache clear --json
    """
    from tqcli.index.cache import clear

    _say_cache_usage(clear(_cache_policy()), as_json, "removed ")


def _cache_policy() -> "CachePolicy":
    from tqcli.index import CachePolicy

    return CachePolicy.from_environment(enabled=True)


def _say_cache_usage(usage: "CacheUsage", as_json: bool, verb: str) -> None:
    if as_json:
        from tqcli.render.jsontext import compact

        directory = str(usage.directory) if usage.directory else None
        data = {"directory": directory, "indexes": usage.indexes, "bytes": usage.bytes}
        typer.echo(compact(data).decode("utf-8", "surrogateescape"))
    elif usage.directory is None:
        typer.echo(f"no cache directory ({usage.unavailable})")
    else:
        plural = "index" if usage.indexes == 1 else "indexes"
        size = f"{usage.bytes / 1e6:.1f} MB"
        typer.echo(f"{usage.directory}: {verb}{usage.indexes} {plural}, {size}")


# --- Data out: tq schema, tq cite, tq export (issue 17) ------------------------------------------


@app.command()
@reports_errors
def schema(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[NAME]",
            help="A schema name, or none to list them (facts, sources, stats, pack ...).",
            show_default=False,
            autocompletion=_completer("schemas"),
        ),
    ] = None,
    no_pager: NoPager = False,
) -> None:
    """Print a JSON Schema (draft 2020-12): of a command's JSON output, or of pack files.

    Without NAME, lists the schemas. The fields --fields accepts are the properties of these
    objects.

    \b
    Examples:
      tq schema facts | jq '.["$defs"].fact.properties | keys'
      tq schema pack > pack.schema.json   # then start a pack file with: #:schema ./pack.schema.json
    """
    from tqcli.schemas import SchemaName, schema_text, schema_title

    if name is None:
        width = max(len(member.value) for member in SchemaName) + 2
        for member in SchemaName:
            typer.echo(f"{member.value:<{width}}{schema_title(member)}")
        return
    try:
        chosen = SchemaName(name)
    except ValueError:
        names = ", ".join(member.value for member in SchemaName)
        raise BadRequest(f"no schema {name!r}; there are: {names}") from None
    sys.stdout.write(schema_text(chosen))


@app.command()
@reports_errors
def cite(
    ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...",
            help="Fact ids (their sources are cited), or source ids.",
            autocompletion=_completer("cited_ids"),
        ),
    ],
    style: Annotated[
        str,
        typer.Option(
            # --format, as every command names how its output is written (stranger 14, 18);
            # --style, its first name, still works.
            "--format",
            "--style",
            metavar="STYLE",
            help="apa, mla, chicago (bibliography), bibtex, ris or csl-json.",
            autocompletion=_completer("styles"),
        ),
    ] = "apa",
    html: Annotated[
        bool, typer.Option("--html", help="Mark titles in italics with <i> (apa, mla, chicago).")
    ] = False,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_cache: NoCache = False,
    no_pager: NoPager = False,
) -> None:
    """Cite the sources behind facts: APA, MLA or Chicago references, or BibTeX, RIS and
    CSL-JSON (what Zotero and other reference managers import).

    APA, MLA and Chicago references come in alphabetical order, as a reference list; the rest
    in the order cited. An id that names no fact or source is named on stderr (exit 1); the
    others are cited all the same.

    \b
    Examples:
      tq cite un-resolution-1267
      tq cite blinken-force-unable-to-defend --format mla
      tq cite independent-2021-taliban-al-qaeda --format csl-json > refs.json
    """
    from tqcli.cite import Style, format_sources, sources_behind

    try:
        chosen = Style(style)
    except ValueError:
        from tqcli.textnorm import did_you_mean

        styles = [member.value for member in Style]
        hint = did_you_mean(style, styles)  # 'json' for 'csl-json'
        raise BadRequest(
            f"--format: no style {style!r}{hint}; there are: {', '.join(styles)}"
        ) from None
    if html and chosen not in (Style.APA, Style.MLA, Style.CHICAGO):
        raise BadRequest(f"--html marks italics in apa, mla and chicago, not in {style}")
    wanted = [_text(given) for given in ids]
    apa = chosen is Style.APA  # its sentence case asks how the packs write each word
    _, (cited, unknown, capitals) = _ask(
        facts, no_builtin, no_cache, lambda index: sources_behind(index, wanted, capitals=apa)
    )
    if cited:
        sys.stdout.write(format_sources(cited, chosen, html=html, capitals=capitals))
    if unknown:  # the known ids are cited all the same; the unknown ones are named after them
        raise UnknownFacts(unknown, or_source=True)


export_app = typer.Typer(
    name="export",
    help="Export the loaded facts for other tools.",
    rich_markup_mode=None,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(export_app, name="export")


@export_app.command("sqlite")
@reports_errors
def export_sqlite(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.db", parser=_path, help="The database to write.", show_default=False
        ),
    ],
    metadata: Annotated[
        Path | None,
        typer.Option(
            "--metadata",
            metavar="PATH",
            parser=_path,
            help="Where Datasette's metadata goes. [default: metadata.json beside FILE.db]",
            show_default=False,
        ),
    ] = None,
    facts: FactsDirs = None,
    no_builtin: NoBuiltin = False,
    no_pager: NoPager = False,
) -> None:
    """Export facts, sources, passages, notes, entities, aliases, links and tags to SQLite.

    Proper tables with primary and foreign keys, plus metadata.json for Datasette (titles,
    descriptions, licence). A FILE.db or metadata file that tq did not write is never replaced;
    one it wrote is replaced whole (tables added to it are not kept). Both files are written, or
    neither; a symbolic link is followed, as import --out follows it. A pack of the user pack
    folder that does not load is left out, with a warning, as a query leaves it out.

    \b
    Examples:
      tq export sqlite facts.db && datasette facts.db -m metadata.json
      sqlite3 facts.db 'SELECT kind, count(*) FROM facts GROUP BY kind'
    """
    from tqcli.export import export_sqlite as export

    report = export(_catalog_leaving_out(_packs(facts, no_builtin)), file, metadata)
    counts = report.counts
    typer.echo(
        f"Wrote {report.database}: {counts['facts']} facts, {counts['sources']} sources, "
        f"{counts['passages']} passages, {counts['entities']} entities; "
        f"Datasette metadata in {report.metadata}"
    )


def _catalog_leaving_out(packs: "Sequence[Pack]") -> Catalog:
    """The packs loaded whole, but for a pack of the user pack folder that does not load: left
    out with the warning a query gives (InvalidPacks for any other's problem, as a query)."""
    from tqcli.index import _blamed  # the rule by which a query leaves a pack out
    from tqcli.loader import open_catalog

    try:
        return open_catalog(packs)
    except InvalidPacks as error:
        blamed = _blamed(packs, error.problems, may_be_left_out)
        if not blamed:
            raise
        for pack, problems in blamed.items():
            _say_left_out(pack, problems, packs, "export")
        return _catalog_leaving_out([pack for pack in packs if pack not in blamed])


# --- end of data out ----------------------------------------------------------------------------


@app.command("completion")
@reports_errors
def completion_(
    shell: Annotated[
        str,
        typer.Argument(
            metavar="SHELL",
            help="bash, zsh or fish.",
            show_default=False,
            autocompletion=_completer("shells"),
        ),
    ],
    no_pager: NoPager = False,
) -> None:
    """Print the shell completion script for SHELL, to load from the shell's start-up files.

    It completes commands, options, --kind and other choices, and from the packs in effect:
    fact ids (tq show), tags, entity ids (--about) and source ids (--source).

    \b
    Examples:
      tq completion bash > ~/.local/share/bash-completion/completions/tq
      tq completion zsh > ~/.zfunc/_tq     # with fpath+=(~/.zfunc) before compinit
      tq completion fish > ~/.config/fish/completions/tq.fish
    """
    from tqcli.completion import script

    typer.echo(script(shell))


@app.command("help")
@reports_errors
def help_(
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="[TOPIC]",
            help="pack-format, json, exit-codes or config; none lists them.",
            show_default=False,
            autocompletion=_completer("topics"),
        ),
    ] = None,
    no_pager: NoPager = False,
) -> None:
    """Read a reference topic: the pack format, JSON output, exit codes, configuration.

    Each command's own options and examples are in its --help (tq search --help, or tq help
    search).

    \b
    Examples:
      tq help
      tq help pack-format
      tq help exit-codes
    """
    from tqcli.topics import topic_text, topics_list

    commands = {_command_name(command) for command in app.registered_commands}
    if topic is not None and topic in commands | {group.name for group in app.registered_groups}:
        # `tq help search` as git and gh read it: the command's --help
        app_for([topic])(args=[topic, "--help"], prog_name="tq", standalone_mode=False)
        return
    text = topic_text(topic) if topic else topics_list()
    _stdout(load_config(), no_pager).write(text)


def _command_name(command: "typer.models.CommandInfo") -> str | None:
    if command.name:
        return command.name
    return typer.main.get_command_name(command.callback.__name__) if command.callback else None


def app_for(args: list[str]) -> typer.Typer:
    """The app, narrowed to the one command that args name, if they name one.

    Typer turns every registered command into Click objects before it parses anything; a run
    uses one command, so building only that one saves the rest (~8 ms a run here). Without a
    known command name (``tq``, ``tq --help``, a typo) the whole app answers, so help lists
    every command and a typo gets its suggestions. The root takes no option with a value, so the
    first argument that is not an option is the command's name.
    """
    if _COMPLETING:  # a completion script is asking: let Typer answer it
        from tqcli.completion import enable

        enable()
    names = [arg for arg in args if not arg.startswith("-")]
    return _narrowed(app, names[0] if names else None, names[1] if len(names) > 1 else None)


def _narrowed(group: typer.Typer, name: str | None, subname: str | None) -> typer.Typer:
    """group with only the command (or the subgroup's command) named, if it has one."""
    commands = [command for command in group.registered_commands if _command_name(command) == name]
    groups = [
        copy.copy(info)
        for info in group.registered_groups
        if info.name == name and info.typer_instance
    ]
    if not commands and not groups:
        return group
    narrowed = copy.copy(group)
    narrowed.registered_commands = commands
    for info in groups:  # `tq import un-sc`: the group, with its one command
        assert info.typer_instance is not None
        info.typer_instance = _narrowed(info.typer_instance, subname, None)
    narrowed.registered_groups = groups
    return narrowed
