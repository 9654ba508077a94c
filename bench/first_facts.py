"""Where `tq ask`'s first fact goes wrong, counted per question set in tests/eval/.

    python bench/first_facts.py                         # every set, one table
    python bench/first_facts.py --sets blind-12 blind-13 --show wrong-ranked
    python bench/first_facts.py --dump after.tsv        # each question's first fact, to diff

For each answerable question (evaluate_ask's answers_question decides whether a fact answers
it), the first fact `tq ask` shows is one of:

- right: answers the question and is given as the answer;
- partial: answers it but is given as a partial answer;
- wrong-ranked: does not answer it, is given as the answer, and a fact that does is among
  ask's next nine;
- wrong-nowhere: does not answer it, is given as the answer, and none of ask's ten does;
- wrong-partial: does not answer it and is given as a partial answer (not asserted);
- none: ask gives no fact at all.

For the unanswerable questions: answered (the first fact given as the answer) or not.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import tomli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_ask import answers_question
from tqcli.ask import answer
from tqcli.index import Index, in_memory
from tqcli.model import Match
from tqcli.packs import packs_in_effect

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
KINDS = ("right", "partial", "wrong-ranked", "wrong-nowhere", "wrong-partial", "none")


def classify(index: Index, question: dict[str, object]) -> tuple[str, str]:
    """The kind of the first fact ask shows for an answerable question, and a line saying it."""
    found = answer(index, str(question["text"]), limit=10)
    if not found.hits:
        return "none", "-"
    first, reply = found.hits[0].fact.id, found.replies[0]
    line = f"{first} [{reply.match.value}] {reply.answer[:70]!r}"
    if answers_question(index, question, first):
        return ("right" if reply.match is Match.ANSWER else "partial"), line
    if reply.match is Match.PARTIAL:
        return "wrong-partial", line
    rank = next(
        (
            n
            for n, hit in enumerate(found.hits[1:], 2)
            if answers_question(index, question, hit.fact.id)
        ),
        None,
    )
    if rank is None:
        return "wrong-nowhere", line
    return "wrong-ranked", f"{line} / right at {rank}: {found.hits[rank - 1].fact.id}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sets", nargs="*", help="set names (default: all in tests/eval/)")
    parser.add_argument("--show", nargs="*", default=(), help="print the questions of these kinds")
    parser.add_argument("--dump", type=Path, help="write each question's kind and first fact")
    options = parser.parse_args()
    index = in_memory(packs_in_effect([], environ={}))
    files = sorted(EVAL.glob("*.toml"))
    if options.sets:
        files = [path for path in files if path.stem in options.sets]
    by_set: dict[str, Counter[str]] = defaultdict(Counter)
    dump: list[str] = []
    for path in files:
        data = tomli.loads(path.read_text(encoding="utf-8"))
        counts = by_set[path.stem]
        for question in data.get("question", []):
            kind, line = classify(index, question)
            counts[kind] += 1
            dump.append(f"{path.stem}\t{kind}\t{question['text']}\t{line}")
            if kind in options.show:
                print(f"{path.stem} {kind}: {question['text']}\n    {line}")
        for text in (item["text"] for item in data.get("unanswerable", [])):
            found = answer(index, text, limit=1)
            counts["unanswerable"] += 1
            counts["unanswerable answered"] += found.answered
            line = (
                f"{found.hits[0].fact.id} {found.replies[0].answer[:70]!r}" if found.hits else "-"
            )
            dump.append(f"{path.stem}\tunanswerable-{found.answered}\t{text}\t{line}")
            if found.answered and "unanswerable" in options.show:
                print(f"{path.stem} unanswerable answered: {text}\n    {line}")
    columns = (*KINDS, "unanswerable answered")
    print("| set | answerable | " + " | ".join(columns) + " | unanswerable |")
    print("| --- |" + " ---: |" * (len(columns) + 2))
    total: Counter[str] = Counter()
    for name, counts in sorted(by_set.items()):
        total.update(counts)
        answerable = sum(counts[kind] for kind in KINDS)
        cells = " | ".join(str(counts[key]) for key in columns)
        print(f"| {name} | {answerable} | {cells} | {counts['unanswerable']} |")
    answerable = sum(total[kind] for kind in KINDS)
    cells = " | ".join(str(total[key]) for key in columns)
    print(f"| all | {answerable} | {cells} | {total['unanswerable']} |")
    if options.dump:
        options.dump.write_text("\n".join(dump) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
