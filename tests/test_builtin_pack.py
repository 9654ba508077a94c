"""The built-in pack: valid, complete against the article, and every entity in use."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tqcli.loader import load
from tqcli.model import Catalog, Fact, Figure, Quote
from tqcli.packs import packs_in_effect

REPORT = load(packs_in_effect([], include_builtin=True, environ={}))
CATALOG: Catalog = REPORT.catalog
ARTICLE_ID = "independent-2021-taliban-al-qaeda"

# Page furniture whose numbers are not claims of the article, each with the reason it is left out.
NOT_CLAIMS = {
    "Tuesday 07 September 2021 11:48 BST": "the byline's publication time; the source records it",
}


def _article() -> str:
    archive = CATALOG.sources[ARTICLE_ID].archive
    assert archive is not None
    return archive.read_text(encoding="utf-8")


def _numbers(text: str) -> set[str]:
    return {number.replace(",", "") for number in re.findall(r"\d[\d,]*\d|\d", text)}


def _numbers_in(fact: Fact) -> Iterator[str]:
    yield from _numbers(fact.claim)
    if fact.date is not None:
        yield from _numbers(fact.date.isoformat())
    if isinstance(fact.details, Figure):
        for number in (fact.details.value, fact.details.min, fact.details.max):
            if number is not None:
                yield str(int(number)) if float(number).is_integer() else str(number)


def test_the_builtin_pack_is_valid() -> None:
    assert [str(problem) for problem in REPORT.problems] == []
    assert REPORT.passages_proven > 0


def test_every_quotation_in_the_article_is_a_quote_fact() -> None:
    texts = [fact.details.text for fact in CATALOG.facts if isinstance(fact.details, Quote)]
    quotations = re.findall(r"“([^”]+)”", _article())

    missing = [quotation for quotation in quotations if quotation not in texts]

    assert (
        len(quotations) == 12
    )  # Panetta 2, Wallace 2, UN report 3, al-Libi 2, Bunzel 2, Blinken 1
    assert missing == []


def test_every_number_in_the_article_is_in_some_fact() -> None:
    article = _article()
    for furniture in NOT_CLAIMS:
        assert furniture in article, f"allow-listed furniture no longer in the article: {furniture}"
        article = article.replace(furniture, "")
    covered = {number for fact in CATALOG.facts for number in _numbers_in(fact)}

    assert sorted(_numbers(article) - covered) == []


def test_every_fact_is_about_an_entity_and_cites_a_source() -> None:
    assert [fact.id for fact in CATALOG.facts if not fact.about] == []
    assert [fact.id for fact in CATALOG.facts if not fact.citations] == []


def test_every_entity_is_used_by_some_fact() -> None:
    used = {entity_id for fact in CATALOG.facts for entity_id in fact.entities()}

    assert sorted(set(CATALOG.entities) - used) == []


def test_every_source_is_cited() -> None:
    cited = {c.source for fact in CATALOG.facts for c in fact.citations}
    cited |= {n.citation.source for fact in CATALOG.facts for n in fact.notes if n.citation}

    assert sorted(set(CATALOG.sources) - cited) == []


@pytest.mark.parametrize(
    ("alias", "entity"),
    [
        ("al-Qaida", "al-qaeda"),
        ("Al-Qa'ida", "al-qaeda"),
        ("AQ", "al-qaeda"),
        ("Daesh", "isis"),
        ("ISIL", "isis"),
        ("AQIS", "aqis"),
        ("Islamic Emirate of Afghanistan", "taliban"),
        ("as-Sahab", "as-sahab"),
        ("Anthony Blinken", "antony-blinken"),
    ],
)
def test_the_spellings_people_use_name_the_entity(alias: str, entity: str) -> None:
    from tqcli.index import in_memory

    assert in_memory(REPORT.catalog.packs).find_entity(alias).id == entity
