"""Every reply of `tq ask` to every question of tests/eval/*.toml and the bench question, as
JSON lines, to prove a change leaves ask's output unchanged (diff two dumps).

    python bench/dump_answers.py before.jsonl   # ... change ...
    python bench/dump_answers.py after.jsonl && cmp before.jsonl after.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

import msgspec
import tomli

from tqcli.ask import answer
from tqcli.index import in_memory
from tqcli.packs import packs_in_effect

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
BENCH_QUESTION = "How much did bin Laden pay the Taliban each year?"


def main() -> None:
    index = in_memory(packs_in_effect([], environ={}))
    questions = [("bench", BENCH_QUESTION)]
    for path in sorted(EVAL.glob("*.toml")):
        data = tomli.loads(path.read_text(encoding="utf-8"))
        for kind in ("question", "unanswerable"):
            questions += [(path.stem, item["text"]) for item in data.get(kind, [])]
    lines = []
    for name, text in questions:
        found = answer(index, text, limit=0)
        record = {
            "set": name,
            "question": text,
            "answers": msgspec.to_builtins(found, enc_hook=str),
        }
        lines.append(msgspec.json.encode(record).decode())
    Path(sys.argv[1]).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
