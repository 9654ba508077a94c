"""The inventories of the primary documents and of the article against the built-in pack."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomli

from tqcli.loader import load
from tqcli.model import Catalog, Fact, NoteStance
from tqcli.packs import packs_in_effect

FACTS_DIR = Path(__file__).resolve().parent.parent / "facts"
INVENTORY = FACTS_DIR / "INVENTORY.md"
REPORT = load(packs_in_effect([], include_builtin=True, environ={}))
CATALOG: Catalog = REPORT.catalog
FACTS: dict[str, Fact] = {fact.id: fact for fact in CATALOG.facts}

# The documents issue 18 asks to inventory, by the start of their section heading.
DOCUMENTS = (
    "Resolution 1267 (1999)",
    "Resolution 1333 (2000)",
    "Resolution 1390 (2002)",
    "Resolution 1988 (2011)",
    "Resolution 1989 (2011)",
    "Resolution 2253 (2015)",
    "Resolution 2255 (2015)",
    "Resolution 2513 (2020)",
    "Resolution 2593 (2021)",
    "Agreement for Bringing Peace to Afghanistan",
    "Joint Declaration",
)
# What a row's facts rest on; the first two must be archived, so `tq validate` proves them.
ARCHIVED_READINGS = {"text", "summary"}
READINGS = ARCHIVED_READINGS | {"report", "not read"}
NO_FACTS = "—"


@dataclass(frozen=True)
class Row:
    """One provision of the inventory: its document, wording, how it was read, its facts."""

    document: str
    provision: str
    read: str
    facts: tuple[str, ...]


def _rows(markdown: str) -> list[Row]:
    rows: list[Row] = []
    document = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            document = line[3:].strip()
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or cells[0] in ("provision", "---"):
            continue
        assert len(cells) == 3, f"a row has three cells: {line}"
        provision, read, facts = cells
        ids = () if facts == NO_FACTS else tuple(part.strip() for part in facts.split(","))
        rows.append(Row(document, provision, read, ids))
    return rows


ROWS = _rows(INVENTORY.read_text(encoding="utf-8"))


def _primary_fact_ids() -> set[str]:
    ids: set[str] = set()
    for path in sorted(FACTS_DIR.glob("primary-*.toml")):
        data = tomli.loads(path.read_text(encoding="utf-8"))
        for kind in ("sanction", "agreement", "figure", "quote", "event"):
            ids.update(table["id"] for table in data.get(kind, []))
    return ids


def _publisher_names(source_id: str) -> list[str]:
    """A source's publisher and the names in brackets after it, and its author (the news agency
    a report is credited to: News.am's AFP report gives 'News.am' and 'AFP')."""
    source = CATALOG.sources[source_id]
    names = [name.strip() for name in re.split(r"[()]", source.publisher) if name.strip()]
    return names + ([source.author] if source.author else [])


def test_the_pack_with_the_inventoried_facts_is_valid() -> None:
    # Validity includes every passage of an archived source found verbatim in its archive.
    assert [str(problem) for problem in REPORT.problems] == []


def test_the_inventory_parses_and_uses_known_readings() -> None:
    assert len(ROWS) > 50
    assert {row.read for row in ROWS} <= READINGS


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_document_has_an_inventory(document: str) -> None:
    rows = [row for row in ROWS if row.document.startswith(document)]
    assert rows, f"no section for {document}"
    assert any(row.facts for row in rows), f"no provision of {document} has a fact"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.provision[:60])
def test_a_provision_has_facts_exactly_when_it_was_read(row: Row) -> None:
    if row.read == "not read":
        assert row.facts == ()
    else:
        assert row.facts, "a provision that was read needs a fact"
        assert [fact for fact in row.facts if fact not in FACTS] == []


@pytest.mark.parametrize(
    "row",
    [row for row in ROWS if row.read in ARCHIVED_READINGS],
    ids=lambda row: row.provision[:60],
)
def test_provisions_read_in_the_text_or_a_summary_rest_on_archived_passages(row: Row) -> None:
    for fact_id in row.facts:
        archived = [
            citation.source
            for citation in FACTS[fact_id].citations
            if CATALOG.sources[citation.source].archive is not None
        ]
        assert archived, f"{fact_id} cites no archived source, so no passage of it is proven"


def test_facts_resting_on_reports_say_who_reports_them() -> None:
    primary = _primary_fact_ids()
    unattributed = []
    for row in ROWS:
        if row.read != "report":
            continue
        for fact_id in sorted(set(row.facts) & primary):
            fact = FACTS[fact_id]
            names = [name for c in fact.citations for name in _publisher_names(c.source)]
            if not any(name.lower() in fact.claim.lower() for name in names):
                unattributed.append(fact_id)
    assert unattributed == []


def test_every_primary_fact_is_in_the_inventory() -> None:
    inventoried = {fact for row in ROWS for fact in row.facts}
    assert sorted(_primary_fact_ids() - inventoried) == []


def test_the_inventory_names_the_parts_not_read() -> None:
    # Honesty about coverage: each document says what could not be read.
    unread = {row.document for row in ROWS if row.read == "not read"}
    for document in DOCUMENTS:
        assert any(section.startswith(document) for section in unread), document


# --- The article: facts/ARTICLE-INVENTORY.md -----------------------------------------------------

ARTICLE_INVENTORY = FACTS_DIR / "ARTICLE-INVENTORY.md"
ARTICLE = "independent-2021-taliban-al-qaeda"
STANDINGS = {"reported", "supported", "contested", "wrong"}


@dataclass(frozen=True)
class ArticleRow:
    """One statement of the article: its paragraph's section, wording, standing and facts."""

    section: str
    statement: str
    standing: str
    facts: tuple[str, ...]


def _article_rows(markdown: str) -> list[ArticleRow]:
    rows: list[ArticleRow] = []
    section = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or cells[0] in ("statement", "---"):
            continue
        assert len(cells) == 3, f"a row has three cells: {line}"
        statement, standing, facts = cells
        rows.append(
            ArticleRow(section, statement, standing, tuple(f.strip() for f in facts.split(",")))
        )
    return rows


ARTICLE_MARKDOWN = ARTICLE_INVENTORY.read_text(encoding="utf-8")
ARTICLE_ROWS = _article_rows(ARTICLE_MARKDOWN)


def _article_paragraphs() -> list[str]:
    """The archived article's paragraphs, less its question subheads (all but the headline)."""
    archive = CATALOG.sources[ARTICLE].archive
    assert archive is not None
    blocks = [" ".join(b.split()) for b in archive.read_text(encoding="utf-8").split("\n\n")]
    blocks = [block for block in blocks if block]
    return [blocks[0], *(block for block in blocks[1:] if not block.endswith("?"))]


def test_the_article_inventory_parses_and_uses_known_standings() -> None:
    assert len(ARTICLE_ROWS) > 60
    assert {row.standing for row in ARTICLE_ROWS} <= STANDINGS


@pytest.mark.parametrize("row", ARTICLE_ROWS, ids=lambda row: row.statement[:60])
def test_an_article_statement_names_facts_that_cite_the_article(row: ArticleRow) -> None:
    assert row.facts
    assert [fact for fact in row.facts if fact not in FACTS] == []
    for fact_id in row.facts:
        sources = {citation.source for citation in FACTS[fact_id].citations}
        assert ARTICLE in sources, f"{fact_id} does not cite the article"


@pytest.mark.parametrize(
    "row",
    [row for row in ARTICLE_ROWS if row.standing != "reported"],
    ids=lambda row: row.statement[:60],
)
def test_a_checked_statement_names_a_fact_with_a_note_or_a_second_source(row: ArticleRow) -> None:
    # 'supported', 'contested' and 'wrong' each rest on a source other than the article.
    def checked(fact: Fact) -> bool:
        return bool(fact.notes) or any(c.source != ARTICLE for c in fact.citations)

    assert any(checked(FACTS[fact_id]) for fact_id in row.facts)


def test_every_fact_citing_the_article_is_in_the_article_inventory() -> None:
    citing = {f.id for f in CATALOG.facts if any(c.source == ARTICLE for c in f.citations)}
    inventoried = {fact for row in ARTICLE_ROWS for fact in row.facts}
    assert sorted(citing - inventoried) == []


def test_every_paragraph_of_the_article_has_its_section_in_order() -> None:
    sections = [
        line[3:].strip() for line in ARTICLE_MARKDOWN.splitlines() if line.startswith("## ")
    ]
    paragraphs = _article_paragraphs()
    assert len(sections) == len(paragraphs)
    for number, (section, paragraph) in enumerate(zip(sections, paragraphs, strict=True), 1):
        label, _, opening = section.partition(". ")
        assert label == str(number), section
        assert paragraph.startswith(opening), (section, paragraph[:80])
    assert {row.section for row in ARTICLE_ROWS} == set(sections)  # no section without a row


# Wrong statements whose facts' claims already say it right: no claim for a note to correct (the
# note says what the article got wrong). By the statement's opening words.
_CLAIMS_ALREADY_RIGHT = ("The US secretary of state is named Anthony Blinken",)
_MARKS = {"contested": NoteStance.CONTESTS, "wrong": NoteStance.CORRECTS}


@pytest.mark.parametrize(
    "row",
    [row for row in ARTICLE_ROWS if row.standing in _MARKS],
    ids=lambda row: row.statement[:60],
)
def test_a_contested_or_wrong_statement_names_a_fact_whose_note_says_so(row: ArticleRow) -> None:
    # What `tq ask` acts on: it never gives a corrected claim as the answer, and marks a
    # contested one. A 'wrong' row's fact carries a note that corrects it, a 'contested' one's
    # a note that contests it.
    if row.statement.startswith(_CLAIMS_ALREADY_RIGHT):
        assert all(FACTS[fact_id].standing() is NoteStance.CONTEXT for fact_id in row.facts)
        return
    stances = {note.stance for fact_id in row.facts for note in FACTS[fact_id].notes}
    assert _MARKS[row.standing] in stances


def test_a_fact_whose_note_contests_or_corrects_it_is_in_such_a_row() -> None:
    marked = {row.standing for row in ARTICLE_ROWS if row.standing in _MARKS}
    assert marked == set(_MARKS)
    for fact in CATALOG.facts:
        if fact.standing() is NoteStance.CONTEXT or ARTICLE not in fact.cited_sources():
            continue
        standings = {row.standing for row in ARTICLE_ROWS if fact.id in row.facts}
        wanted = {"wrong"} if fact.standing() is NoteStance.CORRECTS else set(_MARKS)
        assert standings & wanted, fact.id
