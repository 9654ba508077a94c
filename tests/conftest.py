"""Shared fixtures: fixture packs, a CLI runner, and the installed tq."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

FIXTURES = Path(__file__).parent / "fixtures"
MINI_PACK = FIXTURES / "packs" / "mini"
HOSTILE_PACK = FIXTURES / "packs" / "hostile"
MALFORMED = FIXTURES / "malformed"
REPO = Path(__file__).parent.parent


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def tq_executable() -> Path:
    """The tq console script installed next to this Python."""
    script = Path(sys.executable).parent / ("tq.exe" if sys.platform == "win32" else "tq")
    if not script.exists():
        pytest.fail(f"tq is not installed next to {sys.executable}; run the README's test command")
    return script


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A copy of the mini pack that a test may edit."""
    copy = tmp_path / "pack"
    shutil.copytree(MINI_PACK, copy)
    return copy


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The index cache directory of this test, as TQ_CACHE_DIR."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("TQ_CACHE_DIR", str(directory))
    return directory


def json_ids(runner: CliRunner, pack: Path, *args: str) -> list[str]:
    """The fact ids a command prints as JSON over pack alone."""
    from tqcli.cli import app

    result = runner.invoke(app, [*args, "--json", "--no-builtin", "--facts", str(pack)])
    assert result.exit_code in (0, 1), result.stderr
    return [fact["id"] for fact in json.loads(result.stdout)]


NO_READ_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
"""A command prefix: root without the powers to read and search what its modes refuse (tests
run as root, which reads a mode-000 file; as any other user a mode refuses)."""


def skip_unless_reads_can_be_refused() -> None:
    """Skip, saying why, unless NO_READ_OVERRIDE works: this is root and setpriv may drop the
    powers (one process of a test reads a mode-000 file, the next may not)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv: one process reads a mode-000 file, the next may not")
    probe = subprocess.run([*NO_READ_OVERRIDE, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("setpriv cannot drop capabilities here")


def index_files(cache: Path) -> list[Path]:
    """The index files in a cache directory."""
    return sorted(cache.glob("index-*.sqlite3"))


def record_outcomes(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[bool]:
    """Wrap module.name so that each call appends whether it gave a result (not None): did the
    parallel build make the index, did the per-file update bring it up to date."""
    seen: list[bool] = []
    real = getattr(module, name)

    def spy(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)
        seen.append(result is not None)
        return result

    monkeypatch.setattr(module, name, spy)
    return seen


def index_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of an index, in rowid order (WITHOUT ROWID tables by key); the
    full-text index as every instance of every term (by fact seq, column and position)."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'fact_text%'"
            )
        ]
        tables = {
            name: connection.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall()
            if name not in ("english_words", "match_keys")  # WITHOUT ROWID: by key
            else connection.execute(f"SELECT * FROM {name}").fetchall()
            for name in names
        }
        connection.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fact_text, instance)")
        tables["fact_text"] = connection.execute("SELECT * FROM temp.v").fetchall()
        tables["sqlite_master"] = connection.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
        return tables
    finally:
        connection.close()


def answered_ids(index: Any, question: str, limit: int = 5) -> list[str]:
    """The ids of the facts `ask` gives as answers (not partial ones), in its order."""
    from tqcli.ask import answer
    from tqcli.model import Match

    found = answer(index, question, limit=limit)
    return [
        hit.fact.id
        for hit, reply in zip(found.hits, found.replies, strict=True)
        if reply.match is Match.ANSWER
    ]


def answers_from_pack(
    tmp_path: Path, pack_text: str, question: str, without: str = ""
) -> list[tuple[str, str]]:
    """The facts (and short answers) ask gives as answers, from a test's own pack less the fact
    with id `without` and its sub-tables (the right answer, so that no better fact hides a wrong
    one)."""
    from tqcli.ask import answer
    from tqcli.index import in_memory
    from tqcli.model import Match, Pack

    text = pack_text
    if without:
        start = text.rindex("\n[[", 0, text.index(f'id = "{without}"'))
        kind = text[start + 3 : text.index("]]", start)]
        end = start
        while (end := text.find("\n[[", end + 1)) > 0 and text.startswith(f"\n[[{kind}.", end):
            pass
        text = text[:start] + (text[end:] if end > 0 else "\n")
    pack = tmp_path / f"pack-{without}"
    pack.mkdir(exist_ok=True)
    (pack / "facts.toml").write_text(text, encoding="utf-8")
    found = answer(in_memory([Pack("test", pack, "--facts")]), question, limit=0)
    return [
        (hit.fact.id, reply.answer)
        for hit, reply in zip(found.hits, found.replies, strict=True)
        if reply.match is Match.ANSWER
    ]


def synthetic_events(prefix: str, count: int) -> str:
    """A fact file of count events about the mini pack's Acme, tagged prefix and T0, T1, ...,
    each citing the gazette's archived passage: a file to add to a copy of the mini pack."""
    return "".join(
        f'[[event]]\nid = "{prefix}-{n}"\nclaim = "Acme {prefix} event {n} happened."\n'
        f'date = "{1910 + n % 90}"\nabout = ["acme"]\ntags = ["{prefix}", "T{n}"]\n\n'
        '[[event.cite]]\nsource = "gazette-2020"\npassage = "Acme was founded in 1901"\n\n'
        for n in range(count)
    )


def pack_from_case(case: Path, into: Path) -> Path:
    """A pack directory holding one malformed fixture file and the shared archive text."""
    pack = into / case.stem
    pack.mkdir()
    shutil.copy(case, pack / "case.toml")
    shutil.copy(FIXTURES / "archive.txt", pack / "archive.txt")
    return pack


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test keeps its index cache in a directory of its own, never the user's; reads no
    configuration file and no user pack folder but its own (empty unless it fills them); and
    pages nothing unless it sets TQ_PAGER."""
    monkeypatch.setenv("TQ_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    for variable in ("TQ_CONFIG", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(variable, raising=False)
    # No pager unless a test sets one: on a test's pseudo-terminal, less would wait for a key.
    monkeypatch.setenv("TQ_PAGER", "")


@pytest.fixture(autouse=True)
def _json_output_matches_its_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every JSON document or item any test makes tq write is checked against its published
    schema (src/tqcli/schemas), before --fields narrows it."""
    import json

    from tqcli.render import jsontext
    from tqcli.render.json_output import JsonRenderer
    from tqcli.schemas import SchemaName

    kinds = {
        "facts": SchemaName.FACTS,
        "answers": SchemaName.ANSWERS,
        "sources": SchemaName.SOURCES,
        "stats": SchemaName.STATS,
        "paths": SchemaName.PATHS,
        "validation": SchemaName.VALIDATE,
        "import_report": SchemaName.IMPORT,
        "screenings": SchemaName.MATCH,
        "entity": SchemaName.WHO,
        "entities": SchemaName.ENTITIES,
        "tags": SchemaName.TAGS,
    }
    encode = JsonRenderer._encode

    def checked_encode(self: JsonRenderer, value: object) -> bytes:
        name = getattr(self, "_schema_under_test", None)
        assert name is not None, "JSON written outside a documented output"
        validator = schema_validator(name)
        written = json.loads(jsontext.compact(value))  # entities in it may be encoded already
        validator.validate([written] if validator.schema.get("type") == "array" else written)
        return encode(self, value)

    def wrap(method_name: str, name: SchemaName) -> None:
        method = getattr(JsonRenderer, method_name)

        def wrapper(self: JsonRenderer, *args: object, **kwargs: object) -> None:
            previous = getattr(self, "_schema_under_test", None)
            self._schema_under_test = name  # type: ignore[attr-defined]
            try:
                method(self, *args, **kwargs)
            finally:
                self._schema_under_test = previous  # type: ignore[attr-defined]

        monkeypatch.setattr(JsonRenderer, method_name, wrapper)

    for method_name, name in kinds.items():
        wrap(method_name, name)
    monkeypatch.setattr(JsonRenderer, "_encode", checked_encode)


_VALIDATORS: dict[object, object] = {}


def schema_validator(name: object) -> Any:
    """A draft 2020-12 validator for a published schema (checked itself first)."""
    if name not in _VALIDATORS:
        import json

        import jsonschema

        from tqcli.schemas import SchemaName, schema_text

        assert isinstance(name, SchemaName)
        schema = json.loads(schema_text(name))
        jsonschema.Draft202012Validator.check_schema(schema)
        _VALIDATORS[name] = jsonschema.Draft202012Validator(schema)
    return _VALIDATORS[name]


def run_on_terminal(
    args: Sequence[str | Path],
    env: dict[str, str],
    *,
    stderr_too: bool = False,
    rows: int | None = None,
    columns: int = 80,
) -> tuple[int, bytes]:
    """Run args with stdout (and stdin and stderr, with stderr_too) on a pseudo-terminal, as at a
    terminal (of rows lines by columns, when rows are given); return the exit code and what the
    terminal received."""
    controller, terminal = pty.openpty()
    if rows is not None:
        import fcntl
        import struct
        import termios

        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    on_terminal_or_pipe = terminal if stderr_too else subprocess.PIPE
    process = subprocess.Popen(
        list(args),
        stdin=terminal if stderr_too else None,
        stdout=terminal,
        stderr=on_terminal_or_pipe,
        env=env,
        close_fds=True,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    code = process.wait(timeout=60)
    os.close(controller)
    return code, b"".join(chunks)


DATED_BY_DETAILS = """
[[source]]
id = "memo"
title = "A memo"
publisher = "Acme"
kind = "report"

[[entity]]
id = "acme"
name = "Acme"
kind = "organization"

[[entity]]
id = "beta"
name = "Beta"
kind = "organization"

[[agreement]]
id = "acme-beta-supply"
claim = "Acme and Beta signed a supply agreement."
name = "Supply agreement"
parties = ["acme", "beta"]
signed = 2018-03-03
[[agreement.cite]]
source = "memo"
passage = "Acme and Beta signed"

[[quote]]
id = "acme-said"
claim = "Acme said it followed the rules."
text = "we followed the rules"
speaker = "acme"
said = "2020-04"
[[quote.cite]]
source = "memo"
passage = "Acme: we followed the rules"

[[sanction]]
id = "beta-sanctioned"
claim = "Acme sanctioned Beta."
authority = "Acme"
instrument = "Memo 1"
adopted = "2021"
targets = ["beta"]
date = "2022"
[[sanction.cite]]
source = "memo"
passage = "Acme sanctioned Beta"
"""
"""A pack whose facts give their date only in their details (signed, said), or in both."""
