"""What to search for instead when no fact answers a question."""

from __future__ import annotations

from collections.abc import Iterable

from tqcli.index import Index
from tqcli.model import Hit


def suggestions(index: Index, near: Iterable[Hit]) -> tuple[str, ...]:
    tags: dict[str, int] = {}
    for hit in list(near)[:10]:
        for tag in hit.fact.tags:
            tags[tag] = tags.get(tag, 0) + 1
    ranked = sorted(tags, key=lambda tag: -tags[tag])[:5]
    return tuple(ranked or index.top_tags(5))
