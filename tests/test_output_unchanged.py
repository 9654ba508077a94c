"""What users see stays byte for byte what it was: each command's output on the fixture packs is
compared with a copy kept in tests/fixtures/golden (made with main's code of before the model
moved to msgspec; the compact JSON cases remade when compact JSON took msgspec's spelling, each
checked to hold the same data as before).

After a deliberate change of output: TQ_REGENERATE_GOLDEN=1 pytest tests/test_output_unchanged.py
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, HOSTILE_PACK, MINI_PACK

GOLDEN = FIXTURES / "golden"
MINI = ["--no-builtin", "--facts", str(MINI_PACK)]
HOSTILE = ["--no-builtin", "--facts", str(HOSTILE_PACK)]
FORMATS = {"json": ["--json"], "jsonl": ["--jsonl"], "plain": ["--format", "plain"]}
CASES: dict[str, list[str]] = {
    **{
        f"search-{name}": ["search", "acme", "widgets", *args, *MINI]
        for name, args in FORMATS.items()
    },
    "search-csv": ["search", "acme", "--format", "csv", *MINI],
    **{f"list-{name}": ["list", *args, *MINI] for name, args in FORMATS.items()},
    "list-csv": ["list", "--format", "csv", *MINI],
    **{
        f"show-{name}": [
            "show",
            "acme-widgets-2019",
            "doe-more-widgets",
            "council-resolution-42",
            "widget-accord",
            "acme-founded",
            "acme-undated",
            "acme-gadgets-2019",
            *args,
            *MINI,
        ]
        for name, args in FORMATS.items()
    },
    "ask-json": ["ask", "How many widgets did Acme ship?", "--json", *MINI],
    "ask-plain": ["ask", "How many widgets did Acme ship?", "--format", "plain", *MINI],
    "sources-json": ["sources", "--json", *MINI],
    "stats-plain": ["stats", "--format", "plain", *MINI],
    **{f"hostile-list-{name}": ["list", *args, *HOSTILE] for name, args in FORMATS.items()},
    "hostile-list-csv": ["list", "--format", "csv", *HOSTILE],
    # Rich output, coloured and not: the renderer lays lines out itself where it can (see
    # tqcli.render.rich_output), and must print what Rich's Console printed, byte for byte.
    **{
        f"{command}-rich{suffix}": [*args, "--format", "rich", "--color", color, *MINI]
        for command, args in {
            "search": ["search", "acme", "widgets"],
            "list": ["list"],
            "show": ["show", "acme-widgets-2019", "doe-more-widgets", "widget-accord"],
            "sources": ["sources"],
            "stats": ["stats"],
            "ask": ["ask", "How many widgets did Acme ship?"],
        }.items()
        for suffix, color in (("", "always"), ("-nocolor", "never"))
    },
    "hostile-list-rich": ["list", "--format", "rich", "--color", "always", *HOSTILE],
    "hostile-list-rich-narrow": ["list", "--format", "rich", "--color", "always", *HOSTILE],
    "show-rich-narrow": [
        "show",
        "acme-widgets-2019",
        "widget-accord",
        "--format",
        "rich",
        "--color",
        "always",
        *MINI,
    ],
}
NARROW = {"hostile-list-rich-narrow": "7", "show-rich-narrow": "23"}
"""Cases run at another terminal width than 100 columns (words folded, indents crowding)."""


def _masked(output: bytes) -> bytes:
    """Output with the checkout's own path replaced, so the copies hold in any checkout."""
    return output.replace(str(FIXTURES).encode(), b"$FIXTURES")


@pytest.mark.parametrize("case", sorted(CASES))
def test_output_is_unchanged(case: str, tq_executable: Path, tmp_path: Path) -> None:
    env = {**os.environ, "TQ_CACHE_DIR": str(tmp_path), "COLUMNS": NARROW.get(case, "100")}
    env.pop("NO_COLOR", None)
    run = subprocess.run(
        [str(tq_executable), *CASES[case]], capture_output=True, env=env, check=False
    )
    got = _masked(run.stdout) + f"\n--- exit {run.returncode}\n".encode() + _masked(run.stderr)
    golden = GOLDEN / f"{case}.out"
    if os.environ.get("TQ_REGENERATE_GOLDEN"):
        golden.write_bytes(got)
    assert got == golden.read_bytes()
