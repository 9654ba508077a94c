"""Time switching the set of packs: the first query after a --facts pack is added or dropped,
with the cache holding the index of the set before (what `tq` pays between two commands).

    python bench/switch_packs.py --tq .venv/bin/tq --tq /tmp/old/.venv/bin/tq --rounds 5 \\
        --scenario 'A>A,B' --scenario 'A,B>A' PACK_A PACK_B

A scenario is BEFORE>AFTER, each a comma-separated list of the packs given as arguments by
letter (A the first); the built-in pack is in every set. Each round, for each tq in turn
(interleaved, so that a load on the machine weighs on each alike): a fresh cache holding only
the index of BEFORE (built by that tq, untimed), then `tq search zarqawix --limit 1 --json`
with AFTER timed, wall and CPU (user + system of the process and its children). Prints each
tq's median.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def _run(tq: str, packs: list[str], cache: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one query with these packs."""
    args = [tq, "search", "zarqawix", "--limit", "1", "--json"]
    for pack in packs:
        args += ["--facts", pack]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        args, env={**os.environ, "TQ_CACHE_DIR": str(cache)}, capture_output=True, check=False
    )
    if done.returncode not in (0, 1):  # 1: no result, as the built-in pack alone has
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr.decode()}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tq", action="append", required=True, help="a tq to time (repeatable)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scenario", action="append", required=True, help="BEFORE>AFTER")
    parser.add_argument("packs", nargs="+")
    options = parser.parse_args()
    by_letter = {chr(ord("A") + n): pack for n, pack in enumerate(options.packs)}

    def packs_of(letters: str) -> list[str]:
        return [by_letter[letter] for letter in letters.split(",") if letter]

    for scenario in options.scenario:
        before, after = (packs_of(part) for part in scenario.split(">"))
        times: dict[str, list[tuple[float, float]]] = {tq: [] for tq in options.tq}
        for _ in range(options.rounds):
            for tq in options.tq:
                # Built anew each round: an index is sealed to its file (inode), so a copy of a
                # cache would not be trusted, and would rebuild whole.
                with tempfile.TemporaryDirectory(prefix="tq-switch-") as cache:
                    _run(tq, before, Path(cache))
                    times[tq].append(_run(tq, after, Path(cache)))
        for tq in options.tq:
            walls, cpus = zip(*times[tq], strict=True)
            print(
                f"{scenario:12} {tq}: wall {statistics.median(walls):.2f} s "
                f"(min {min(walls):.2f}), CPU {statistics.median(cpus):.2f} s "
                f"(min {min(cpus):.2f}), {options.rounds} rounds"
            )


if __name__ == "__main__":
    main()
