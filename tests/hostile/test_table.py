"""docs/hostile.md lists every hostile case the suite runs, and runs nothing it does not list."""

from __future__ import annotations

import re

from hostile_helpers import TESTS

DOC = TESTS.parent / "docs" / "hostile.md"
_CASE_ID = re.compile(r'\bid="([^"]+)"')
_IDS_LIST = re.compile(r"\bids=\[([^\]]+)\]")
_TEST = re.compile(r"^def (test_\w+)\(", re.MULTILINE)


def _cases_in_suite() -> set[str]:
    cases = set()
    for module in (TESTS / "hostile").glob("test_*.py"):
        if module.name == "test_table.py":
            continue
        text = module.read_text(encoding="utf-8")
        cases.update(_CASE_ID.findall(text))
        for listed in _IDS_LIST.findall(text):
            cases.update(re.findall(r'"([^"]+)"', listed))
        tests = _TEST.findall(text)
        # A test whose cases carry ids is listed by those; one without, by its name.
        cases.update(
            name for name in tests if f"def {name}(" in text and not _parametrized(text, name)
        )
    return cases


def _parametrized(text: str, name: str) -> bool:
    before = text[: text.index(f"def {name}(")]
    decorators = before[before.rfind("\n\n\n") :]
    return "ids=" in decorators or 'id="' in decorators


def test_the_table_lists_exactly_the_suite() -> None:
    documented = set(re.findall(r"^\| `([^`]+)` \|", DOC.read_text(encoding="utf-8"), re.M))
    in_suite = _cases_in_suite()

    assert sorted(in_suite - documented) == [], "cases missing from docs/hostile.md"
    assert sorted(documented - in_suite) == [], "docs/hostile.md lists cases the suite lacks"
    assert len(in_suite) >= 60
