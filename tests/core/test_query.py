"""The query engine against an index of the mini pack: ranking, filters, order, lookups, and the
data its errors carry (the CLI's wording of them is tested in test_cli.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcli.errors import (
    BadQuery,
    IdIs,
    QueryProblem,
    UnknownEntity,
    UnknownFacts,
    UnknownSource,
)
from tqcli.index import Index, in_memory
from tqcli.model import FactKind, Filters, Pack, PartialDate

from conftest import MINI_PACK


@pytest.fixture(scope="module")
def index() -> Index:
    return in_memory([Pack("mini", MINI_PACK, "--facts")])


def _ids(hits: object) -> list[str]:
    return [hit.fact.id for hit in hits]  # type: ignore[attr-defined]


def test_search_ranks_best_first_with_positive_scores(index: Index) -> None:
    hits = index.search(["gadgets"], Filters())

    assert _ids(hits) == ["acme-gadgets-2019", "widget-accord"]
    scores = [hit.score or 0.0 for hit in hits]
    assert scores[0] > scores[1] > 0


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("ACME CORP", "acme-founded"),  # an alias, folded
        ("acmé", "acme-founded"),
        ("1200", "acme-widgets-2019"),  # figure value
        ("1,200", "acme-widgets-2019"),
        ("resolution 42", "council-resolution-42"),
        ("widgets said", "acme-widgets-2019"),
    ],
)
def test_search_finds_by_name_alias_and_number(index: Index, query: str, first: str) -> None:
    assert first in _ids(index.search(query.split(), Filters()))[:3]


def test_search_limit_and_no_match(index: Index) -> None:
    assert len(index.search(["acme"], Filters(), limit=1)) == 1
    assert len(index.search(["acme"], Filters(), limit=0)) > 1
    assert _ids(index.search(["zeppelin"], Filters())) == []


def test_a_query_without_words_is_refused(index: Index) -> None:
    with pytest.raises(BadQuery) as raised:
        index.search(["?!", "--"], Filters())
    assert raised.value.problem is QueryProblem.NOTHING


def test_browse_is_in_date_order_with_undated_last(index: Index) -> None:
    assert _ids(index.browse(Filters())) == [
        "acme-founded",
        "acme-gadgets-2019",
        "acme-widgets-2019",
        "council-resolution-42",
        "widget-accord",
        "doe-more-widgets",
        "acme-undated",
    ]


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (Filters(kinds=frozenset({FactKind.FIGURE})), ["acme-gadgets-2019", "acme-widgets-2019"]),
        (
            Filters(kinds=frozenset({FactKind.QUOTE, FactKind.EVENT})),
            ["acme-founded", "doe-more-widgets", "acme-undated"],
        ),
        (Filters(about="Jane Doe"), ["doe-more-widgets"]),
        (Filters(about="acme corp", tag="Widgets"), ["acme-widgets-2019", "doe-more-widgets"]),
        (Filters(since=PartialDate(2020, 4)), ["widget-accord", "doe-more-widgets"]),
        (
            Filters(until=PartialDate(2019)),
            ["acme-founded", "acme-gadgets-2019", "acme-widgets-2019"],
        ),
        (
            Filters(since=PartialDate(2020), until=PartialDate(2020, 3, 31)),
            ["council-resolution-42"],
        ),
        (
            Filters(source="gazette-2020"),
            ["acme-founded", "acme-gadgets-2019", "acme-widgets-2019"],
        ),
    ],
)
def test_filters(index: Index, filters: Filters, ids: list[str]) -> None:
    assert _ids(index.browse(filters))[: len(ids)] == ids
    if filters.source is None:
        assert _ids(index.browse(filters)) == ids


def test_unknown_filter_values_carry_the_nearest_known_one(index: Index) -> None:
    with pytest.raises(UnknownEntity) as entity:
        index.browse(Filters(about="acne"))
    with pytest.raises(UnknownSource) as source:
        index.browse(Filters(source="gazete-2020"))

    assert (entity.value.name, entity.value.closest) == ("acne", "acme")
    assert (source.value.source_id, source.value.closest) == ("gazete-2020", "gazette-2020")


def test_show_keeps_the_order_asked_and_names_every_unknown_id(index: Index) -> None:
    assert _ids(index.show(["widget-accord", "acme-founded"])) == [
        "widget-accord",
        "acme-founded",
    ]
    with pytest.raises(UnknownFacts) as raised:
        index.show(["acme-founde", "acme", "gazette-2020", "acme-founded"])

    assert raised.value.missing == (
        ("acme-founde", IdIs.NOTHING, "acme-founded"),
        ("acme", IdIs.ENTITY, None),
        ("gazette-2020", IdIs.SOURCE, None),
    )


def test_counts(index: Index) -> None:
    stats = index.stats()
    uses = index.source_uses()

    assert stats.facts == index.facts_count() == 7
    assert sum(stats.by_kind.values()) == 7
    assert stats.by_pack == {"mini": 7}
    assert [use.facts for use in uses] == sorted((use.facts for use in uses), reverse=True)
    assert stats.by_source == {use.source.id: use.facts for use in uses}


def test_entities_are_found_by_id_name_or_alias(index: Index) -> None:
    assert index.find_entity("acme").id == "acme"
    assert index.find_entity("ACME corp").id == "acme"
    assert index.find_entity("Acme Widget Company").id == "acme"


def test_a_batch_rebuilds_once_when_a_row_is_found_damaged() -> None:
    from tqcli.batch import answer_each
    from tqcli.index.store import CorruptIndex

    damaged = in_memory([Pack("mini", MINI_PACK, "--facts")])
    healthy = in_memory([Pack("mini", MINI_PACK, "--facts")])

    def search(index: Index, query: str) -> object:
        if index is damaged:
            raise CorruptIndex("a row does not match its checksum")
        return index.search([query], Filters())

    answers = list(answer_each(damaged, ["gadgets", "widgets"], search, lambda: healthy))

    assert [query for query, _ in answers] == ["gadgets", "widgets"]
    assert _ids(answers[0][1]) == ["acme-gadgets-2019", "widget-accord"]


def test_unknown_tag_is_none_for_a_tag_some_fact_carries(index: Index) -> None:
    assert index.unknown_tag("Widgets") is None  # folded like the stored tags


@pytest.mark.parametrize(
    ("tag", "nearest"),
    [("widget", "widgets"), ("gadgets-2019", "gadgets"), ("qqq", None)],
)
def test_unknown_tag_names_the_nearest_loaded_tag(
    index: Index, tag: str, nearest: str | None
) -> None:
    missing = index.unknown_tag(tag)

    assert missing is not None
    assert (missing.tag, missing.closest) == (tag, nearest)


def test_a_cached_index_read_in_one_transaction_answers_as_before(tmp_path: Path) -> None:
    """read_as_one (a batch's queries in one read transaction of the read-only cache file)
    changes no answer; the queries that make a temporary table (a misspelt word) still run."""
    from tqcli.index import CachePolicy, consult

    packs = [Pack("mini", MINI_PACK, "--facts")]
    consult(packs, CachePolicy(tmp_path), lambda index: None)  # built and kept

    def answers(one_read: bool) -> list[object]:
        index, _ = consult(packs, CachePolicy(tmp_path), lambda index: None)  # read-only
        if one_read:
            index.read_as_one()
            index.read_as_one()  # a second call changes nothing
        return [
            _ids(index.search(["gadgets"], Filters())),
            _ids(index.search(["acme-founded"], Filters())),
            _ids(index.browse(Filters(kinds=frozenset({FactKind.FIGURE})))),
            index.respelled(["widgest", "acme"]),
        ]

    assert answers(one_read=True) == answers(one_read=False)
    assert answers(one_read=True)[1:] == [
        ["acme-founded"],
        ["acme-gadgets-2019", "acme-widgets-2019"],
        [("widgest", "widget")],
    ]


def test_large_index_ranking_orders_ties_as_the_join_does() -> None:
    """_BEST (used from _BEST_FROM facts) gives what the plain join gives, ties at the limit
    included: compared on the built-in pack, whose scores tie often, for many queries."""
    import itertools
    import re

    from tqcli.packs import builtin_pack_dir

    index = in_memory([Pack("builtin", builtin_pack_dir(), "builtin")])
    words = sorted(
        {
            word.lower()
            for hit in index.browse(Filters())
            for word in re.findall("[A-Za-z]{4,}", hit.fact.claim)
        }
    )
    queries = [
        " OR ".join(f'"{word}"' for word in words[n : n + 3]) for n in range(0, len(words), 7)
    ]
    ties = 0
    for query in queries:
        for limit in (1, 3, 20):
            index._large = False
            joined = index._ranked(query, ("1", []), limit)
            index._large = True
            best = index._ranked(query, ("1", []), limit)
            assert best == joined, query
            ties += sum(a[1] == b[1] for a, b in itertools.pairwise(joined))
    assert len(queries) > 100
    assert ties > 20  # the tie order is tested, not just the scores (59 adjacent ties today)


def test_a_run_of_many_queries_finds_ids_and_listing_references_as_one_query_does() -> None:
    from tqcli.packs import builtin_pack_dir

    packs = [Pack("builtin", builtin_pack_dir(), "builtin")]
    queries = [["un-resolution-1267"], ["TAi.024"], ["tai.024"], ["taliban"], ["1267"], ["zzz"]]
    single = [_ids(in_memory(packs).search(query, Filters())) for query in queries]
    many = in_memory(packs)
    many.read_as_one()  # every id and reference key read at once (see Index._exact)

    assert [_ids(many.search(query, Filters())) for query in queries] == single
    assert single[0] == ["un-resolution-1267"]
    assert len(single[1]) >= 1
    assert single[1] == single[2]
