"""Search finds a fact by any word of its claim and by any name of what it is about, however
the word mixes letters, digits and punctuation ("GPLv3", "GPL-3.0", "9/11", "Qa'ida")."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcli.index import in_memory
from tqcli.model import Filters, Pack

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéğ"
_PIECE = st.text(alphabet=_LETTERS + "0123456789", min_size=1, max_size=8)
# A word as a claim writes it: pieces of letters and digits joined by what joins them in names,
# versions and numbers (a hyphen, a dot, an apostrophe, a slash, a comma).
_WORD = st.builds(
    lambda pieces, joins: "".join(p + j for p, j in zip(pieces, joins, strict=False)) + pieces[-1],
    st.lists(_PIECE, min_size=1, max_size=3),
    st.lists(st.sampled_from(["-", ".", "'", "’", "/", ","]), min_size=2, max_size=2),
)
_NAME = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)


def _pack(folder: Path, claim: list[str], names: list[str]) -> Pack:
    (folder / "sources.toml").write_text(
        '[[source]]\nid = "s"\ntitle = "T"\npublisher = "P"\nkind = "web-page"\nurl = "https://example.org/"\n',
        encoding="utf-8",
    )
    name, aliases = json.dumps(names[0]), json.dumps(names[1:])
    (folder / "entities.toml").write_text(
        f'[[entity]]\nid = "thing"\nname = {name}\nkind = "organization"\naliases = {aliases}\n',
        encoding="utf-8",
    )
    (folder / "facts.toml").write_text(
        '[[event]]\nid = "the-fact"\nclaim = {}\nabout = ["thing"]\n\n'
        '[[event.cite]]\nsource = "s"\npassage = "p"\n'.format(json.dumps(" ".join(claim))),
        encoding="utf-8",
    )
    return Pack("words", folder, "--facts")


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=6), st.lists(_NAME, min_size=1, max_size=3))
def test_any_word_of_a_claim_or_any_name_finds_the_fact_and_is_not_said_missing(
    claim: list[str], names: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        index = in_memory([_pack(Path(folder), claim, names)])
        for query in [*claim, *names]:
            found = [hit.fact.id for hit in index.search([query], Filters())]
            assert found == ["the-fact"], query
            assert index.respelled([query]) == [], query
