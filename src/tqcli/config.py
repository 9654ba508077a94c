"""The user's configuration file ($XDG_CONFIG_HOME/tq/config.toml): where it is and what it says.

Every key is optional and documented in KEYS; a key tq does not know, a value of the wrong type
and a TOML syntax error are reported as ``file:line: message``, like problems in packs. A missing
file is no configuration at all, and costs one stat: TOML is parsed only when the file exists.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tqcli.errors import BadRequest
from tqcli.model import Location, Problem
from tqcli.render import ColorMode

if TYPE_CHECKING:
    from tqcli.tomllines import TomlLines

CONFIG_VARIABLE = "TQ_CONFIG"
"""Names the configuration file to read instead of the default one."""
PAGER_VARIABLE = "TQ_PAGER"
DEFAULT_PAGER = "less -FRX"
"""Quit if one screen, pass colours, leave the text on the screen: as git and gh do."""

_MAX_LIMIT = 2**31 - 1  # what SQLite takes; --limit is clamped to it too

LIMITED_COMMANDS = {"search": 20, "list": 0, "ask": 3, "sources": 0, "entities": 0, "tags": 0}
"""The commands with a --limit option, and their built-in defaults."""

KEYS = {
    "packs": "pack directories to load after the user pack folder's (a list of paths; ~ works)",
    "color": "when to colour human output: auto, always or never",
    "pager": 'the pager for long output on a terminal (a command; "" never pages)',
    "limits": (
        "a table of default --limit values: search, list, ask, sources, entities, tags (0 for all)"
    ),
}
"""Every key the file may hold, with what it means (shown by tq help config)."""


class InvalidConfig(BadRequest):
    """The configuration file cannot be used; every problem is located as file:line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda problem: problem.where.line or 0))
        super().__init__("\ntq: ".join(str(problem) for problem in self.problems))


class Config:
    """What the configuration file says; defaults for whatever it leaves out.

    A plain class, not a dataclass: every run makes one, and defining a dataclass costs start-up
    (~0.3 ms). Treat it as immutable.
    """

    __slots__ = ("color", "exists", "limits", "packs", "pager", "path")

    def __init__(
        self,
        path: Path,
        *,
        exists: bool = False,
        packs: tuple[Path, ...] = (),
        color: ColorMode | None = None,
        pager: str | None = None,
        limits: Mapping[str, int] | None = None,
    ) -> None:
        self.path = path
        """Where the file is looked for (it may not exist)."""
        self.exists = exists
        """Whether the file was there to read."""
        self.packs = packs
        """Pack directories to load after the user pack folder's, relative to the file's folder."""
        self.color = color
        """When to colour human output, unless --color or a colour variable says otherwise."""
        self.pager = pager
        """The pager command ("" for none), unless TQ_PAGER says otherwise."""
        self.limits: Mapping[str, int] = limits or {}
        """Default --limit by command name, for the commands in LIMITED_COMMANDS."""

    def limit(self, command: str, given: int | None) -> int:
        """The limit a run uses: --limit if given, else the file's, else the built-in one."""
        if given is not None:
            return given
        return self.limits.get(command, LIMITED_COMMANDS[command])

    def color_mode(self, flag: ColorMode, environ: Mapping[str, str] = os.environ) -> ColorMode:
        """The colour rule a run follows, the first that applies: --color always or never;
        NO_COLOR (never); FORCE_COLOR or CLICOLOR_FORCE (always); the file's; auto."""
        if flag is not ColorMode.AUTO:
            return flag
        if environ.get("NO_COLOR"):
            return ColorMode.NEVER
        # force-color.org: any non-empty value; bixense.com/clicolors: anything but 0. A 0 for
        # FORCE_COLOR is read as "don't force", as Node and most tools that honour it do.
        forced = environ.get("FORCE_COLOR", "") not in ("", "0")
        if forced or environ.get("CLICOLOR_FORCE", "0") != "0":
            return ColorMode.ALWAYS
        return self.color or ColorMode.AUTO

    def pager_command(self, environ: Mapping[str, str] = os.environ) -> str | None:
        """The pager: TQ_PAGER, else the file's, else PAGER, else less -FRX if installed. None
        when there is none, or when it is set empty or to cat (as git reads them); and on a
        dumb terminal none unless one was chosen: less there warns that the terminal is not
        fully functional and waits for RETURN (stranger 17, finding 15)."""
        for command in (environ.get(PAGER_VARIABLE), self.pager, environ.get("PAGER")):
            if command is not None:
                return command if command.strip() not in ("", "cat") else None
        if environ.get("TERM", "").lower() in ("dumb", "unknown"):  # as the renderer reads it
            return None
        import shutil

        return DEFAULT_PAGER if shutil.which("less") else None


def config_path(environ: Mapping[str, str] = os.environ) -> Path:
    """TQ_CONFIG, else tq/config.toml in the platform's user configuration directory."""
    if environ.get(CONFIG_VARIABLE):
        return Path(environ[CONFIG_VARIABLE]).expanduser()
    if sys.platform == "win32" and environ.get("APPDATA"):
        return Path(environ["APPDATA"]) / "tq" / "config.toml"
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "tq" / "config.toml"


def missing_named_config(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The file TQ_CONFIG names, when nothing is there: a default file may be absent, but one
    the user named was meant to be read (a typo in the variable would silently be no
    configuration). None when TQ_CONFIG is unset or its file exists."""
    if not environ.get(CONFIG_VARIABLE):
        return None
    path = config_path(environ)
    return None if os.path.lexists(path) else path


MAX_CONFIG_BYTES = 1 << 20
"""The most read of a configuration file: far more than any real one holds, far less than a
device or a wrong file could."""


def load_config(environ: Mapping[str, str] = os.environ) -> Config:
    """The configuration in effect; raises InvalidConfig naming every problem in the file."""
    path = config_path(environ)
    if not os.path.lexists(path):  # most runs: no file, one stat, nothing more imported
        return Config(path)
    from tqcli.userfiles import Unreadable, UnreadableFile, decoded, read_bytes

    try:
        return _parse(path, decoded(read_bytes(path, limit=MAX_CONFIG_BYTES), path))
    except UnreadableFile as error:
        if error.reason is Unreadable.MISSING:
            return Config(path)
        raise InvalidConfig([error.problem]) from None


def _parse(path: Path, text: str) -> Config:
    import tomli

    from tqcli.tomllines import TomlLines, syntax_error

    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        line, column, message = syntax_error(text, error)
        raise InvalidConfig([Problem(Location(path, line, column), message)]) from None
    reader = _Reader(path, TomlLines(text))
    config = Config(
        path,
        exists=True,
        packs=reader.packs(document.pop("packs", None)),
        color=reader.color(document.pop("color", None)),
        pager=reader.string("pager", document.pop("pager", None)),
        limits=reader.limits(document.pop("limits", None)),
    )
    for key in document:
        reader.problem((key,), f"unknown key {key!r}{_hint(key, KEYS)}; known: {', '.join(KEYS)}")
    if reader.problems:
        raise InvalidConfig(reader.problems)
    return config


class _Reader:
    """Checks each key's value, collecting every problem with its line."""

    def __init__(self, path: Path, lines: TomlLines) -> None:
        self._path = path
        self._lines = lines
        self.problems: list[Problem] = []

    def problem(self, key: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(Location(self._path, self._lines.find(*key)), message))

    def string(self, key: str, value: object) -> str | None:
        if value is None or isinstance(value, str):
            return value
        self.problem((key,), f"{key} must be a string, not {_type(value)}")
        return None

    def packs(self, value: object) -> tuple[Path, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(("packs",), "packs must be a list of directory paths (strings)")
            return ()
        # A relative path is taken from the file's folder, so the file means the same anywhere;
        # resolved as the system resolves it ("../" after a symbolic link is the link target's
        # parent), so that `tq paths` shows where the pack is, not how it was reached.
        return tuple(_resolved(self._path.parent / Path(item).expanduser()) for item in value)

    def color(self, value: object) -> ColorMode | None:
        text = self.string("color", value)
        if text is None:
            return None
        try:
            return ColorMode(text)
        except ValueError:
            choices = ", ".join(mode.value for mode in ColorMode)
            self.problem(("color",), f"color must be one of {choices}, not {text!r}")
            return None

    def limits(self, value: object) -> dict[str, int]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(("limits",), "limits must be a table, such as [limits] search = 10")
            return {}
        limits = {}
        for command, limit in value.items():
            if command not in LIMITED_COMMANDS:
                known = ", ".join(LIMITED_COMMANDS)
                hint = _hint(command, LIMITED_COMMANDS)
                self.problem(
                    ("limits", 0, command), f"unknown limit {command!r}{hint}; known: {known}"
                )
            elif isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                self.problem(
                    ("limits", 0, command), f"limits.{command} must be a whole number, 0 or more"
                )
            else:  # a limit above any count of facts means all, as for --limit
                limits[command] = min(limit, _MAX_LIMIT)
        return limits


def _hint(name: str, choices: Mapping[str, object]) -> str:
    from tqcli.textnorm import did_you_mean  # only on the way to an error message

    return did_you_mean(name, choices)


def _type(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list"}.get(
        type(value), "a table" if isinstance(value, dict) else type(value).__name__
    )


def _resolved(path: Path) -> Path:
    """The path without "." or "..", as the system resolves it; as given if it cannot be
    resolved (a loop of links: the pack's loading says what is wrong with it)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path
