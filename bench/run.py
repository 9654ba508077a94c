"""Benchmark tq against its floors and against ripgrep; print one table with the target ratios.

    python bench/run.py                 # sizes 1k, 10k, 100k; builds a fresh venv with tq in it
    python bench/run.py --sizes 1000    # a quick run
    python bench/run.py --tq /path/to/bin/tq

Whole-process runs, medians. Uses hyperfine when installed (else Python's own timing), ripgrep
(`rg`) when installed, and os.wait4 for peak memory. Synthetic packs are generated into a
temporary directory at each run (bench/synthetic.py), never committed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import SEARCH_TERM  # noqa: E402

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
    median_ms: float
    peak_mib: float | None = None


def _median_ms(command: list[str], runs: int, prepare: str | None, env: dict[str, str]) -> float:
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as export:
            args = [
                "hyperfine",
                "-N",
                "--style",
                "none",
                "--runs",
                str(runs),
                "--export-json",
                export.name,
            ]
            args += ["--prepare", prepare] if prepare else ["--warmup", "2"]
            args.append(subprocess.list2cmdline(command))
            subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
            return float(json.loads(Path(export.name).read_text())["results"][0]["median"]) * 1000
    times = []
    for _ in range(runs):
        if prepare:
            subprocess.run(prepare, shell=True, check=True, env=env)
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _peak_mib(command: list[str], env: dict[str, str]) -> float:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return usage.ru_maxrss * scale / 2**20


def measure(
    label: str,
    command: list[str],
    env: dict[str, str],
    runs: int = 15,
    prepare: str | None = None,
    memory: bool = True,
) -> Timing:
    timing = Timing(label, _median_ms(command, runs, prepare, env))
    if memory:
        if prepare:
            subprocess.run(prepare, shell=True, check=True, env=env)
        timing.peak_mib = _peak_mib(command, env)
    print(f"  {label}: {timing.median_ms:.1f} ms", file=sys.stderr)
    return timing


def _venv_with_tq(workdir: Path) -> Path:
    venv = workdir / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(REPO)], check=True)
    return venv / "bin"


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
        rows: dict[str, Timing] = {}
        rows["python"] = measure("python -c pass", [python, "-c", "pass"], env, options.runs)
        rows["typer"] = measure(
            "minimal Typer app", [python, str(workdir / "typer_app.py")], env, options.runs
        )
        subprocess.run(
            [tq, "search", "1267", "--json"], env=env, stdout=subprocess.DEVNULL
        )  # index
        rows["search-json"] = measure(
            "tq search 1267 --json", [tq, "search", "1267", "--json"], env, options.runs
        )
        rows["search-human"] = measure(
            "tq search 1267 (Rich)",
            [tq, "search", "1267", "--format", "rich", "--color", "always"],
            env,
            options.runs,
        )
        if has_ask:
            question = "How much did bin Laden pay the Taliban each year?"
            rows["ask-json"] = measure(
                "tq ask … --json", [tq, "ask", question, "--json"], env, options.runs
            )
            rows["ask-human"] = measure(
                "tq ask … (Rich)",
                [tq, "ask", question, "--format", "rich", "--color", "always"],
                env,
                options.runs,
            )

        for size in options.sizes:
            pack = workdir / f"pack-{size}"
            print(f"{size:,} facts", file=sys.stderr)
            # In a child process: the generator's memory must not inflate this process, whose
            # size every child started from it reports as its own peak until it execs.
            subprocess.run(
                [sys.executable, str(Path(__file__).parent / "synthetic.py"), str(size), str(pack)],
                check=True,
            )
            facts = ["--no-builtin", "--facts", str(pack)]
            query = [tq, "search", SEARCH_TERM, "--json", *facts]
            cold_runs = 3 if size >= 100_000 else 5
            rows[f"cold-{size}"] = measure(
                f"cold tq search --json ({size:,})",
                query,
                env,
                cold_runs,
                prepare=f"rm -rf {cache}",
            )
            subprocess.run(query, env=env, stdout=subprocess.DEVNULL)
            rows[f"warm-{size}"] = measure(
                f"warm tq search --json ({size:,})", query, env, options.runs
            )
            rows[f"human-{size}"] = measure(
                f"warm tq search (Rich) ({size:,})",
                [tq, "search", SEARCH_TERM, "--format", "rich", "--color", "always", *facts],
                env,
                options.runs,
            )
            if has_ask:
                rows[f"ask-{size}"] = measure(
                    f"warm tq ask --json ({size:,})",
                    [tq, "ask", f"what about {SEARCH_TERM}", "--json", *facts],
                    env,
                    options.runs,
                )
            rows[f"tomli-{size}"] = measure(
                f"tomli parse ({size:,})",
                [python, str(workdir / "tomli_parse.py"), str(pack)],
                env,
                cold_runs,
            )
            if shutil.which("rg"):
                rows[f"rg-{size}"] = measure(
                    f"rg -i ({size:,})", ["rg", "-i", SEARCH_TERM, str(pack)], env, options.runs
                )
        print(report(rows, options.sizes))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def report(rows: dict[str, Timing], sizes: list[int]) -> str:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; hyperfine: {'yes' if shutil.which('hyperfine') else 'no'}",
        "",
        "| command | median ms | peak MiB |",
        "| --- | ---: | ---: |",
    ]
    for timing in rows.values():
        peak = f"{timing.peak_mib:.0f}" if timing.peak_mib is not None else ""
        lines.append(f"| {timing.label} | {timing.median_ms:.1f} | {peak} |")
    lines += ["", "| target | measured | limit | met |", "| --- | ---: | ---: | :---: |"]

    def ratio(name: str, value: float, limit: float) -> None:
        lines.append(f"| {name} | {value:.2f} | {limit} | {'yes' if value <= limit else 'NO'} |")

    typer_ms, python_ms = rows["typer"].median_ms, rows["python"].median_ms
    ratio("built-in search --json / Typer app", rows["search-json"].median_ms / typer_ms, 1.25)
    ratio("built-in search --json / python -c pass", rows["search-json"].median_ms / python_ms, 8)
    ratio("built-in search (Rich) / Typer app", rows["search-human"].median_ms / typer_ms, 1.5)
    if "ask-json" in rows:
        ratio(
            "built-in ask --json / search --json",
            rows["ask-json"].median_ms / rows["search-json"].median_ms,
            1.10,
        )
    for size in sizes:
        if f"rg-{size}" in rows:
            ratio(
                f"{size:,} warm search --json / rg -i",
                rows[f"warm-{size}"].median_ms / rows[f"rg-{size}"].median_ms,
                2.0,
            )
        ratio(
            f"{size:,} cold search / tomli parse",
            rows[f"cold-{size}"].median_ms / rows[f"tomli-{size}"].median_ms,
            1.5,
        )
        peak = rows[f"warm-{size}"].peak_mib or 0.0
        lines.append(
            f"| {size:,} warm peak memory (MiB) | {peak:.0f} | 100 | {'yes' if peak <= 100 else 'NO'} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
