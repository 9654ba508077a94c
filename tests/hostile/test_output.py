"""Terminal injection in every output format, and output that cannot be written: closed and full
outputs, closed stderr, encodings other than UTF-8."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hostile_helpers import HOSTILE, MINI, RAW_CONTROL, environment, shown, tq, tq_shell

CONTROLS_CLAIM = (
    "OSC 8 \x1b]8;;https://evil.example\x07link\x1b]8;;\x07, OSC 52 \x1b]52;c;aGk=\x07, "
    "bell \x07, back\x08space, carriage\rreturn, C1 \x85\x9d, bidi \u202eolleh\u202c "
    "\u2066x\u2069, line\u2028separator."
)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--format", "plain"], id="injection-plain"),
        pytest.param(["--format", "rich", "--color", "always"], id="injection-rich"),
        pytest.param(["--format", "rich", "--color", "never"], id="injection-rich-no-colour"),
    ],
)
@pytest.mark.parametrize("command", ["show", "search", "list", "ask", "sources", "stats"])
def test_human_output_shows_controls_never_obeys_them(command: str, args: list[str]) -> None:
    query = {
        "show": ["show", "terminal-controls", "hostile-claim"],
        "search": ["search", "bell"],
        "list": ["list"],
        "ask": ["ask", "What does the OSC 52 bell claim say?"],
        "sources": ["sources"],
        "stats": ["stats"],
    }[command]

    run = tq(*query, *args, *HOSTILE)

    run.assert_no_bug()
    assert run.code == 0, run.err
    assert not RAW_CONTROL.search(shown(run.out)), repr(run.out)
    assert not RAW_CONTROL.search(run.err), repr(run.err)


@pytest.mark.parametrize("lines", [False, True], ids=["injection-json", "injection-jsonl"])
def test_json_keeps_every_control_exact_but_escaped(lines: bool) -> None:
    run = tq("show", "terminal-controls", "--jsonl" if lines else "--json", *HOSTILE)

    assert run.code == 0
    assert not RAW_CONTROL.search(run.out), repr(run.out)
    fact = json.loads(run.out) if lines else json.loads(run.out)[0]
    assert fact["claim"] == CONTROLS_CLAIM


def test_csv_is_valid_inert_and_formula_free() -> None:
    run = tq("list", "--format", "csv", *HOSTILE)

    assert run.code == 0
    assert not RAW_CONTROL.search(run.out), repr(run.out)
    rows = list(csv.reader(io.StringIO(run.out)))
    assert [len(row) for row in rows] == [10, 10, 10]  # a header and two facts, none broken
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    assert "'=1+2" in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    claim = next(row[3] for row in rows if row[0] == "terminal-controls")
    assert "carriage\\x0dreturn" in claim
    assert "\\u202eolleh" in claim


@pytest.mark.parametrize(
    ("command", "code", "message"),
    [
        pytest.param(
            "tq search acme {mini} >&-", 74, "standard output is closed", id="stdout-closed"
        ),
        pytest.param(
            "tq list --json {mini} > /dev/full", 74, "No space left on device", id="disk-full"
        ),
        pytest.param(
            "tq list --format csv {mini} > /dev/full", 74, "No space left", id="disk-full-csv"
        ),
        pytest.param(
            "tq stats {mini} > /dev/full", 74, "No space left on device", id="disk-full-table"
        ),
        pytest.param("tq list --jsonl {mini} | head -c 10", 0, None, id="pipe-closed-early"),
        pytest.param("tq show nothing-such {mini} 2>&-", 1, None, id="stderr-closed"),
    ],
)
def test_output_that_cannot_be_written(command: str, code: int, message: str | None) -> None:
    run = tq_shell(command.format(mini=" ".join(MINI)))

    run.assert_no_bug()
    assert run.code == code, run.err
    if message:
        assert run.err.count("\n") == 1  # one line, then quiet
        assert message in run.err
    else:
        assert run.err == ""


@pytest.mark.parametrize(
    "env",
    [
        pytest.param({"PYTHONIOENCODING": "ascii"}, id="ascii-output"),
        pytest.param({"PYTHONIOENCODING": "latin-1"}, id="latin1-output"),
        pytest.param({"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}, id="c-locale"),
    ],
)
def test_json_is_the_same_data_in_any_encoding(env: dict[str, str]) -> None:
    utf8 = tq("show", "terminal-controls", "hostile-claim", "--json", *HOSTILE)
    other = tq(
        "show", "terminal-controls", "hostile-claim", "--json", *HOSTILE, env=environment(**env)
    )

    other.assert_no_bug()
    assert other.code == 0
    assert other.out.isascii() or "PYTHONIOENCODING" not in env
    assert json.loads(other.out) == json.loads(utf8.out)


@pytest.mark.parametrize("fmt", ["plain", "csv"], ids=["ascii-plain", "ascii-csv"])
def test_text_degrades_in_a_narrow_encoding(fmt: str) -> None:
    run = tq(
        "show",
        "blinken-force-unable-to-defend",
        "--format",
        fmt,
        env=environment(PYTHONIOENCODING="ascii"),
    )

    run.assert_no_bug()
    assert run.code == 0
    assert "\\u201c" in run.out  # the quotation mark, as an escape
