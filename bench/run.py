"""Benchmark tq against its floors and against ripgrep; print one table with the target ratios.

    python bench/run.py                 # sizes 1k, 10k, 100k; builds a fresh venv with tq in it
    python bench/run.py --sizes 1000    # a quick run
    python bench/run.py --tq /path/to/bin/tq

Whole-process runs, medians. Commands compared with each other are run in turn, round after
round (after one warm-up round), and a ratio is the median of the ratios within each round, so
that a slow spell of the machine falls on both sides of it; each run is timed around spawn and
wait, and os.wait4 gives its peak memory. ripgrep (`rg`) is used when installed. Synthetic packs are
generated into a temporary directory at each run (bench/synthetic.py), never committed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import EDITED_TERM, SEARCH_TERM, edit_one_fact

REPO = Path(__file__).resolve().parent.parent
MINIMAL_TYPER_APP = """import typer
app = typer.Typer()
@app.command()
def main(name: str = "x") -> None:
    print("hi", name)
app()
"""
TOMLI_PARSE = """import pathlib, sys, tomli
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.toml")):
    with open(path, "rb") as f:
        tomli.load(f)
"""


@dataclass
class Timing:
    label: str
    runs_ms: list[float]
    """One time per round, in round order (rounds pair the commands measured together)."""
    peak_mib: float

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)


@dataclass
class Command:
    key: str
    label: str
    argv: list[str]
    before: Callable[[], None] | None = None
    """Run before each timed run, untimed (for cold runs: delete the index cache)."""
    stdin: Path | None = None
    """A file to read standard input from."""


def _run(argv: list[str], env: dict[str, str], stdin: Path | None = None) -> tuple[float, float]:
    """Seconds from spawn to exit, and peak memory in MiB, of one run."""
    with open(stdin or os.devnull, "rb") as source:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, env=env, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return elapsed, usage.ru_maxrss * scale / 2**20


def measure_together(
    commands: list[Command], rounds: int, env: dict[str, str]
) -> dict[str, Timing]:
    """Each command once per round, in turn (the order reversed every other round), after one
    warm-up round that is not counted; the median time and the peak memory of each."""
    times: dict[str, list[float]] = {command.key: [] for command in commands}
    peaks: dict[str, float] = {command.key: 0.0 for command in commands}
    for number in range(rounds + 1):
        for command in commands if number % 2 else reversed(commands):
            if command.before is not None:
                command.before()
            elapsed, peak = _run(command.argv, env, command.stdin)
            if number:
                times[command.key].append(elapsed)
                peaks[command.key] = max(peaks[command.key], peak)
    timings = {
        command.key: Timing(
            command.label, [t * 1000 for t in times[command.key]], peaks[command.key]
        )
        for command in commands
    }
    for timing in timings.values():
        print(f"  {timing.label}: {timing.median_ms:.1f} ms", file=sys.stderr)
    return timings


def _venv_with_tq(workdir: Path) -> Path:
    venv = workdir / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # tldr, the Python client of the tldr pages, as a reference row: what people use to look
    # things up at a terminal. Measured reading a local page (--render), so no network.
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(REPO), "tldr"], check=True)
    return venv / "bin"


TLDR_PAGE = """# tar

> Archiving utility.

- Create an archive from files:

`tar cf {{target.tar}} {{file1}} {{file2}}`
"""


def _tealdeer() -> str | None:
    """tealdeer, the Rust tldr client (Debian's package installs it as `tldr`), if installed."""
    for name in ("tealdeer", "tldr"):
        found = shutil.which(name)
        if found:
            version = subprocess.run([found, "--version"], capture_output=True, text=True)
            if "tealdeer" in version.stdout:
                return found
    return None


def _queries(python: str, path: Path) -> None:
    """1,000 search queries of one to three words drawn from the built-in pack's claims."""
    script = (
        "import random, re, sys\n"
        "from tqcli.loader import load\n"
        "from tqcli.model import Pack\n"
        "from tqcli.packs import builtin_pack_dir\n"
        "facts = load([Pack('builtin', builtin_pack_dir(), 'builtin')]).catalog.facts\n"
        "words = sorted({w for f in facts for w in re.findall('[A-Za-z]{4,}', f.claim)})\n"
        "rng = random.Random(1)\n"
        "for _ in range(1000):\n"
        "    print(' '.join(rng.sample(words, rng.randint(1, 3))))\n"
    )
    with open(path, "w") as out:
        subprocess.run([python, "-c", script], stdout=out, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument(
        "--tq", type=Path, help="a tq to measure (default: a fresh install of this repo)"
    )
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="tq-bench-"))
    try:
        bin_dir = options.tq.parent if options.tq else _venv_with_tq(workdir)
        python, tq = str(bin_dir / "python"), str(bin_dir / "tq")
        cache = workdir / "cache"
        env = {**os.environ, "TQ_CACHE_DIR": str(cache), "NO_COLOR": "1"}
        env.pop("TQ_FACTS_PATH", None)
        (workdir / "typer_app.py").write_text(MINIMAL_TYPER_APP)
        (workdir / "tomli_parse.py").write_text(TOMLI_PARSE)
        has_ask = (
            subprocess.run([tq, "ask", "--help"], capture_output=True, env=env).returncode == 0
        )

        print("Floors and the built-in pack", file=sys.stderr)
        subprocess.run([tq, "search", "1267", "--json"], env=env, stdout=subprocess.DEVNULL)
        rich = ["--format", "rich", "--color", "always"]
        question = "How much did bin Laden pay the Taliban each year?"
        floors = [
            Command("spawn", "spawn and wait (/bin/true)", ["true"]),
            Command("python", "python -c pass", [python, "-c", "pass"]),
            Command("typer", "minimal Typer app", [python, str(workdir / "typer_app.py")]),
            Command("search-json", "tq search 1267 --json", [tq, "search", "1267", "--json"]),
            Command("search-human", "tq search 1267 (Rich)", [tq, "search", "1267", *rich]),
        ]
        if has_ask:
            floors += [
                Command("ask-json", "tq ask … --json", [tq, "ask", question, "--json"]),
                Command("ask-human", "tq ask … (Rich)", [tq, "ask", question, *rich]),
            ]
        queries = workdir / "queries.txt"
        _queries(python, queries)
        floors.append(
            Command(
                "batch-1000",
                "tq search --batch, 1,000 queries",
                [tq, "search", "--batch"],
                stdin=queries,
            )
        )
        # (With --tq, the tq's environment may have no tldr client: none is measured then.)
        tldr = bin_dir / "tldr"
        if tldr.exists():
            page = workdir / "tar.md"
            page.write_text(TLDR_PAGE)
            floors.append(
                Command("tldr", "tldr --render (Python client)", [str(tldr), "--render", str(page)])
            )
        tealdeer = _tealdeer()
        if tealdeer:
            page = workdir / "tar.md"
            page.write_text(TLDR_PAGE)
            floors.append(
                Command("tealdeer", "tealdeer --render", [tealdeer, "--render", str(page)])
            )
        rows = measure_together(floors, options.runs, env)

        for size in options.sizes:
            pack = workdir / f"pack-{size}"
            print(f"{size:,} facts", file=sys.stderr)
            # In a child process: the generator's memory must not inflate this process, whose
            # size every child started from it reports as its own peak until it execs.
            files = str(max(1, size // 1000))  # 1,000 facts a file: 100 files at 100k
            subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).parent / "synthetic.py"),
                    str(size),
                    str(pack),
                    files,
                ],
                check=True,
            )
            facts = ["--no-builtin", "--facts", str(pack)]
            query = [tq, "search", SEARCH_TERM, "--json", *facts]
            parse = [python, str(workdir / "tomli_parse.py"), str(pack)]
            cold = [
                Command(
                    f"cold-{size}",
                    f"cold tq search --json ({size:,})",
                    query,
                    before=lambda: shutil.rmtree(cache, ignore_errors=True),
                ),
                Command(f"tomli-{size}", f"tomli parse ({size:,})", parse),
            ]
            rows |= measure_together(cold, 3 if size >= 100_000 else 5, env)
            subprocess.run(query, env=env, stdout=subprocess.DEVNULL)
            warm = [
                Command(f"warm-{size}", f"warm tq search --json ({size:,})", query),
                Command(
                    f"human-{size}",
                    f"warm tq search (Rich) ({size:,})",
                    [tq, "search", SEARCH_TERM, *rich, *facts],
                ),
            ]
            warm.append(
                Command(
                    f"builtin-{size}",
                    "built-in tq search 1267 --json",
                    [tq, "search", "1267", "--json"],
                )
            )
            if has_ask:
                warm.append(
                    Command(
                        f"ask-{size}",
                        f"warm tq ask --json ({size:,})",
                        [tq, "ask", f"what about {SEARCH_TERM}", "--json", *facts],
                    )
                )
            if shutil.which("rg"):
                warm.append(
                    Command(f"rg-{size}", f"rg -i ({size:,})", ["rg", "-i", SEARCH_TERM, str(pack)])
                )
            rows |= measure_together(warm, options.runs, env)
            listing = Command(
                f"list-{size}",
                f"warm tq list --json, every fact ({size:,})",
                [tq, "list", "--json", *facts],
            )
            jsonl = Command(
                f"jsonl-{size}",
                f"warm tq list --jsonl, every fact ({size:,})",
                [tq, "list", "--jsonl", *facts],
            )
            rows |= measure_together([listing], 3, env)
            parse_again = Command(f"tomli2-{size}", f"tomli parse ({size:,})", parse)
            rows |= measure_together([jsonl, parse_again], 3, env)
            edited = [tq, "search", EDITED_TERM, "--json", *facts]
            edit = Command(
                f"edit-{size}",
                f"one fact edited: next tq search --json ({size:,})",
                edited,
                before=lambda pack=pack: edit_one_fact(pack),
            )
            rebuilt = Command(
                f"cold2-{size}",
                f"cold tq search --json ({size:,})",
                query,
                before=lambda: shutil.rmtree(cache, ignore_errors=True),
            )
            rows |= measure_together([edit, rebuilt], 3, env)
            edit_one_fact(pack)
            found = subprocess.run(edited, env=env, capture_output=True, text=True).stdout
            print(f"  the edit found: {EDITED_TERM in found}", file=sys.stderr)
        print(report(rows, options.sizes))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def report(rows: dict[str, Timing], sizes: list[int]) -> str:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
        "",
        "| command | median ms | peak MiB |",
        "| --- | ---: | ---: |",
    ]
    for timing in rows.values():
        lines.append(f"| {timing.label} | {timing.median_ms:.1f} | {timing.peak_mib:.0f} |")
    lines += ["", "| target | measured | limit | met |", "| --- | ---: | ---: | :---: |"]

    def ratio(name: str, key: str, floor: str, limit: float) -> None:
        """The median, over rounds, of the ratio of two commands run in the same round: each
        round's two runs were a moment apart, so a slow spell of the machine cancels out."""
        value = statistics.median(
            a / b for a, b in zip(rows[key].runs_ms, rows[floor].runs_ms, strict=True)
        )
        lines.append(f"| {name} | {value:.2f} | {limit} | {'yes' if value <= limit else 'NO'} |")

    ratio("built-in search --json / Typer app", "search-json", "typer", 1.30)
    ratio("built-in search (Rich) / Typer app", "search-human", "typer", 1.50)
    ratio("1,000 queries in one --batch run / one search", "batch-1000", "search-json", 3.0)
    if "ask-json" in rows:
        ratio("built-in ask --json / search --json", "ask-json", "search-json", 1.10)
    for size in sizes:
        if f"rg-{size}" in rows:
            ratio(f"{size:,} warm search --json / rg -i", f"warm-{size}", f"rg-{size}", 2.0)
        ratio(f"{size:,} cold search / tomli parse", f"cold-{size}", f"tomli-{size}", 2.0)
        ratio(f"{size:,} one fact edited: next query / cold", f"edit-{size}", f"cold2-{size}", 0.15)
        ratio(f"{size:,} list --jsonl / tomli parse", f"jsonl-{size}", f"tomli2-{size}", 1.0)
        ratio(
            f"{size:,} warm / built-in warm search --json", f"warm-{size}", f"builtin-{size}", 1.15
        )
        peak = rows[f"warm-{size}"].peak_mib
        met = "yes" if peak <= 100 else "NO"
        lines.append(f"| {size:,} warm peak memory (MiB) | {peak:.0f} | 100 | {met} |")
        peak = rows[f"cold-{size}"].peak_mib
        met = "yes" if peak <= 300 else "NO"
        lines.append(f"| {size:,} cold build peak memory (MiB) | {peak:.0f} | 300 | {met} |")
    references = [name for name in ("tldr", "tealdeer") if name in rows]
    if references:
        lines += ["", "| not a target: built-in search --json against | paired ratio |"]
        lines.append("| --- | ---: |")
    for name in references:
        value = statistics.median(
            a / b for a, b in zip(rows["search-json"].runs_ms, rows[name].runs_ms, strict=True)
        )
        lines.append(f"| {rows[name].label} | {value:.2f} |")
    lines += ["", "| not a target: listing every fact | ms | peak MiB |", "| --- | ---: | ---: |"]
    for size in sizes:
        listing = rows[f"list-{size}"]
        lines.append(f"| {size:,} facts | {listing.median_ms:.0f} | {listing.peak_mib:.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
