"""Why `tq ask` calls a right first fact partial: the check of ask's decision that made it so,
counted over question sets (docs/ask-evaluation.md, "Eighteenth round").

    python bench/partial_causes.py                       # every set in tests/eval/
    python bench/partial_causes.py --sets blind-8 blind-9 --show 'coverage'   # and the questions

For each answerable question whose first fact (answer or partial) answers it (evaluate_ask's
answers_question) but is given as a partial answer, the candidate's judging (ask.judging's judge
and _fits) is traced line by line: the statement that first turned the verdict from answer to
partial, or the return of _fits that said the fact is not the kind asked for. Where judge said
answer and the reply is partial, a rule applied after judging decided (roles, one answer per
question). The totals of the decision are printed too: first places given as the answer, and
unanswerable questions answered. Tracing leaves ask's code unchanged.
"""

from __future__ import annotations

import argparse
import ast
import linecache
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import FrameType
from typing import Any

import tomli

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tqcli.ask.judging as judging_module
from evaluate_ask import answers_question
from tqcli.ask import answer, consider
from tqcli.index import Index, in_memory
from tqcli.model import Answers, Match
from tqcli.packs import packs_in_effect

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
SOURCE = judging_module.__file__
_ABSENT = object()


def _statement_starts() -> dict[int, int]:
    """Each line of ask's judging module (judge and _fits) to the first line of the simple
    statement it is part of."""
    starts: dict[int, int] = {}
    spans = sorted(
        (node.end_lineno - node.lineno, node.lineno, node.end_lineno)
        for node in ast.walk(ast.parse(Path(SOURCE).read_text(encoding="utf-8")))
        if isinstance(node, ast.stmt) and node.end_lineno is not None
    )
    for _, first, last in spans:
        for line in range(first, last + 1):
            starts.setdefault(line, first)
    return starts


_STATEMENTS = _statement_starts()


class _Trace:
    """Follows judge for one fact id: where `answers` first turned false, and _fits's return."""

    def __init__(self, fact_id: str) -> None:
        self.fact_id = fact_id
        self.cause: str | None = None
        self.fits_line: int | None = None

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event != "call" or frame.f_code.co_filename != SOURCE:
            return None
        name = frame.f_code.co_name
        if name == "judge" and frame.f_locals["hit"].fact.id == self.fact_id:
            return self._judging()
        if name == "_fits" and frame.f_locals["fact"].id == self.fact_id:
            return self._fitting
        return None

    def _judging(self) -> Any:
        state: dict[str, Any] = {"line": None, "value": _ABSENT}

        def local(frame: FrameType, event: str, arg: Any) -> Any:
            value = frame.f_locals.get("answers", _ABSENT)
            turned = state["value"] is _ABSENT or state["value"]
            if self.cause is None and value is not _ABSENT and not value and turned:
                self.cause = self._why(_STATEMENTS.get(state["line"], state["line"]), frame)
            state["line"], state["value"] = frame.f_lineno, value
            return local

        return local

    def _why(self, line: int | None, frame: FrameType) -> str:
        values = frame.f_locals
        text = linecache.getline(SOURCE, line or 0).strip()
        if text.startswith("answers = fits and coverage"):
            parts = []
            if not values["fits"]:
                parts.append(f"unfit@{self.fits_line}")
            if values["coverage"] < judging_module.ANSWER_COVERAGE:
                parts.append("coverage<0.5")
            if values["other_years"]:
                parts.append("number/year not in fact")
            if values["unnamed"]:
                parts.append("name not in fact")
            return " + ".join(parts)
        return f"line {line}: {text[:70]}"

    def _fitting(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "return" and arg is not None and not arg[0]:
            self.fits_line = frame.f_lineno
        return self._fitting


def _label(line_cause: str) -> str:
    """A readable name for a line of _fits or judge: the comment or statement there."""
    if line_cause.startswith("unfit@"):
        parts = line_cause.split(" + ")
        line = int(parts[0][len("unfit@") :])
        text = ""
        for back in range(line, line - 12, -1):
            source = linecache.getline(SOURCE, back).strip()
            if source.startswith("if ") or source.startswith("return "):
                text = source
                if source.startswith("if "):
                    break
        return " + ".join([f"unfit@{line} [{text[:60]}]", *parts[1:]])
    return line_cause


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sets", nargs="*", help="set names (default: all in tests/eval/)")
    parser.add_argument("--show", default=None, help="print the questions of causes with this")
    parser.add_argument("--dump", type=Path, help="write each question's first fact and match")
    options = parser.parse_args()
    index: Index = in_memory(packs_in_effect([], environ={}))
    files = sorted(EVAL.glob("*.toml"))
    if options.sets:
        files = [path for path in files if path.stem in options.sets]
    causes: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    totals = Counter[str]()
    by_set: dict[str, Counter[str]] = defaultdict(Counter)
    dump: list[str] = []
    for path in files:
        data = tomli.loads(path.read_text(encoding="utf-8"))
        for question in data.get("question", []):
            totals["answerable"] += 1
            by_set[path.stem]["answerable"] += 1
            found = answer(index, question["text"], limit=10)
            dump.append(
                f"{path.stem}\t{question['text']}\t"
                + (
                    f"{found.hits[0].fact.id}\t{found.replies[0].match.value}"
                    if found.hits
                    else "-"
                )
            )
            if not found.hits or not answers_question(index, question, found.hits[0].fact.id):
                continue
            if found.replies[0].match is Match.ANSWER:
                totals["answered first"] += 1
                by_set[path.stem]["answered first"] += 1
                continue
            totals["right first but partial"] += 1
            by_set[path.stem]["right first but partial"] += 1
            fact_id = found.hits[0].fact.id
            trace = _Trace(fact_id)
            sys.settrace(trace)
            try:
                judged = consider(index, question["text"])
            finally:
                sys.settrace(None)
            if trace.cause is None:
                assert not isinstance(judged, Answers)
                own = next(item for item in judged.judged if item.hit.fact.id == fact_id)
                cause = (
                    "after judging: role holders"
                    if own.reply.match is Match.PARTIAL
                    else "after judging: one answer per question"
                )
            else:
                cause = _label(trace.cause)
            causes[cause] += 1
            examples[cause].append(
                f"{path.stem}: {question['text']} -> {fact_id} "
                f"(unmatched: {', '.join(found.replies[0].unmatched)})"
            )
        for text in (item["text"] for item in data.get("unanswerable", [])):
            totals["unanswerable"] += 1
            found = answer(index, text, limit=10)
            totals["unanswerable answered"] += found.answered
            by_set[path.stem]["unanswerable"] += 1
            by_set[path.stem]["unanswerable answered"] += found.answered
            dump.append(f"{path.stem}\tUNANSWERABLE {text}\t{found.answered}")
    for cause, count in causes.most_common():
        print(f"{count:4d}  {cause}")
        if options.show is not None and options.show in cause:
            for example in examples[cause]:
                print(f"        {example}")
    keys = ("answerable", "answered first", "right first but partial", "unanswerable")
    print("| set | " + " | ".join((*keys, "unanswerable answered")) + " |")
    for name, counts in sorted(by_set.items()):
        print(
            f"| {name} | "
            + " | ".join(str(counts[key]) for key in (*keys, "unanswerable answered"))
            + " |"
        )
    print(dict(totals))
    if options.dump:
        options.dump.write_text("\n".join(dump) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
