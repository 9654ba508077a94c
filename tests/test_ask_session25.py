# ruff: noqa: E501  (claims in the packs are single strings)
"""What a resolution does as a whole, whether someone is listed now, a dead man's present, and
the forms of an unmatched word (docs/ask-evaluation.md, "Twenty-second round (a)"). Facts here are
made up for the test, in a pack of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from packs import entity, event, harbour_news, pack_text, sanction, source
from tqcli.ask import answer, consider
from tqcli.ask.answering import Considered
from tqcli.cli import app
from tqcli.index import in_memory
from tqcli.model import Answers, Match, Pack
from tqcli.render.layout import _all_said

_PACK = pack_text(
    sanction(
        "res-9001-fair-procedures",
        "Resolution 9001 (2010) urged the Committee to ensure fair and clear procedures for resolution 9001's list, and directed it to write guidelines for resolution 9001 (paragraph 26).",
        passage="Resolution 9001 urged the Committee to ensure fair and clear procedures.",
        source="gazette",
        about=["harbour-council", "resolution-9001"],
        authority="Harbour Council",
        instrument="Resolution 9001 (2010)",
        adopted="2010-06-17",
        measures=["guidelines"],
        targets=[],
    ),
    sanction(
        "res-9001-adopted",
        "On 17 June 2010 the Harbour Council unanimously adopted resolution 9001, moving the smugglers off the old list onto a separate list kept by a new committee.",
        passage="The Harbour Council unanimously adopted resolution 9001, moving the smugglers off the old list onto a separate list.",
        source="gazette",
        date="2010-06-17",
        about=["harbour-council", "resolution-9001"],
        authority="Harbour Council",
        instrument="Resolution 9001 (2010)",
        adopted="2010-06-17",
        measures=["a separate list for the smugglers"],
        targets=[],
    ),
    sanction(
        "res-9002-urged",
        "Resolution 9002 (2011) urged States to share with resolution 9002's committee what they know of resolution 9002's listed smugglers.",
        passage="Resolution 9002 urged States to share what they know.",
        source="gazette",
        about=["harbour-council", "resolution-9002"],
        authority="Harbour Council",
        instrument="Resolution 9002 (2011)",
        adopted="2011-03-01",
        measures=["sharing of information"],
        targets=[],
    ),
    sanction(
        "res-9002-committee",
        "Resolution 9002 (2011) established a committee to keep the list of smugglers.",
        passage="Resolution 9002 established a committee to keep the list of smugglers.",
        source="gazette",
        about=["harbour-council", "resolution-9002"],
        authority="Harbour Council",
        instrument="Resolution 9002 (2011)",
        adopted="2011-03-01",
        measures=["a committee"],
        targets=[],
    ),
    sanction(
        "res-9001-tom-reed",
        "Resolution 9001 (2010) imposed sanctions in relation to Tom Reed, requiring States to freeze the funds of Tom Reed and his associates as designated in a list by the Harbour Council.",
        passage="Resolution 9001 imposed sanctions in relation to Tom Reed.",
        source="gazette",
        date="2010-06-17",
        about=["harbour-council", "tom-reed"],
        authority="Harbour Council",
        instrument="Resolution 9001 (2010)",
        adopted="2010-06-17",
        measures=["assets freeze"],
        targets=["tom-reed"],
    ),
    event(
        "tom-reed-killed",
        "Tom Reed was killed in a storm off the harbour on 2 May 2013, according to the Gazette.",
        passage="Tom Reed was killed in a storm off the harbour.",
        source="gazette",
        date="2013-05-02",
        about=["tom-reed"],
    ),
    event(
        "ann-vale-listed",
        "Ann Vale has been on the Harbour Council's sanctions list since 2010, under the designation HC.007, according to the Gazette.",
        passage="Ann Vale has been on the Harbour Council's sanctions list since 2010.",
        source="gazette",
        date="2010",
        about=["ann-vale", "harbour-council"],
    ),
    event(
        "ann-vale-listing-2010",
        "Ann Vale was listed by the Harbour Council on 3 March 2010 as a smuggler, according to the Gazette.",
        passage="Ann Vale was listed by the Harbour Council as a smuggler.",
        source="gazette",
        date="2010-03-03",
        about=["ann-vale", "harbour-council"],
    ),
    event(
        "ann-vale-smuggled-nangarhar",
        "Ann Vale smuggled fuel through Nangarhar province in 2011, according to the Gazette.",
        passage="Ann Vale smuggled fuel through Nangarhar province.",
        source="gazette",
        date="2011",
        place="Nangarhar province",
        about=["ann-vale"],
    ),
    entities=[
        entity("harbour-council", "Harbour Council", "organization"),
        entity(
            "resolution-9001", "Resolution 9001 (2010)", "document", aliases=["resolution 9001"]
        ),
        entity(
            "resolution-9002", "Resolution 9002 (2011)", "document", aliases=["resolution 9002"]
        ),
        "tom-reed",
        "ann-vale",
    ],
    sources=[harbour_news()],
)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("harbour")
    (folder / "facts.toml").write_text(_PACK, encoding="utf-8")
    return folder


def _found(pack: Path, question: str) -> Answers:
    return answer(in_memory([Pack("harbour", pack, "--facts")]), question, limit=0)


def _first(found: Answers) -> tuple[str, Match]:
    return found.hits[0].fact.id, found.replies[0].match


@pytest.mark.parametrize(
    "question",
    [
        "What does resolution 9001 do?",
        "What did resolution 9001 decide?",
        "What is resolution 9001 about?",
        "What was the purpose of resolution 9001?",
    ],
)
def test_what_a_resolution_does_is_first_its_adoption_with_what_it_does(
    pack: Path, question: str
) -> None:
    """A paragraph's detail (fair procedures, paragraph 26) ranks first by its words alone;
    the fact telling of the adoption with what the resolution does comes first."""
    assert _first(_found(pack, question)) == ("res-9001-adopted", Match.ANSWER)


def test_what_a_resolution_does_prefers_what_it_does_to_the_regime(pack: Path) -> None:
    """With no adoption summed up, a fact where the resolution establishes (creates, imposes,
    splits ...) comes before one where it urges."""
    assert _first(_found(pack, "What does resolution 9002 do?")) == (
        "res-9002-committee",
        Match.ANSWER,
    )


def test_a_question_on_one_thing_a_resolution_does_keeps_its_order(pack: Path) -> None:
    """Naming more than the resolution asks of that: not what it does as a whole."""
    found = _found(pack, "What did resolution 9001 urge about fair procedures?")
    assert _first(found) == ("res-9001-fair-procedures", Match.ANSWER)


def test_is_someone_listed_now_is_not_answered_by_a_past_resolution(pack: Path) -> None:
    """A resolution of 2010 requiring States to freeze his funds says how things stood then:
    a partial answer, with where to screen a name now (tq match), and, as he died in 2013, as
    of when it speaks."""
    found = _found(pack, "Is Tom Reed on the sanctions list?")
    assert not found.answered
    replies = dict(zip((hit.fact.id for hit in found.hits), found.replies, strict=True))
    reply = replies["res-9001-tom-reed"]
    assert reply.match is Match.PARTIAL
    assert reply.unmatched == ("sanctions", "list")
    assert reply.answer.endswith("(as of 17 June 2010; died 2 May 2013)")
    assert found.hint.endswith("tq match 'Tom Reed'")


def test_asked_of_the_past_a_past_resolution_answers(pack: Path) -> None:
    found = _found(pack, "Was Tom Reed on the sanctions list?")
    assert _first(found) == ("res-9001-tom-reed", Match.ANSWER)
    assert not found.hint


def test_a_claim_saying_how_things_stand_answers_whether_someone_is_listed(pack: Path) -> None:
    """ "has been on the ... sanctions list since 2010" says how things stand as of its
    writing: the answer; her listing in 2010 ("was listed") is partial."""
    found = _found(pack, "Is Ann Vale on the sanctions list?")
    replies = dict(zip((hit.fact.id for hit in found.hits), found.replies, strict=True))
    assert _first(found) == ("ann-vale-listed", Match.ANSWER)
    assert replies["ann-vale-listing-2010"].match is Match.PARTIAL
    assert found.hint.endswith("tq match 'Ann Vale'")


def test_the_hint_is_said_beside_the_partial_answer(pack: Path) -> None:
    result = CliRunner().invoke(
        app, ["ask", "Is Tom Reed on the sanctions list?", "--no-builtin", "--facts", str(pack)]
    )
    assert result.exit_code == 1
    assert "tq match 'Tom Reed'" in result.stderr
    assert "tq match" not in result.stdout
    # The short answer is the claim and a note: the claim is not printed twice.
    assert result.stdout.count("Resolution 9001 (2010) imposed sanctions") == 1


def test_a_word_said_in_another_form_is_no_word_left_out(pack: Path) -> None:
    """ "Nangarhar province" says "provinces": a partial answer giving no count of them gives
    no figure of them, it does not fail to cover them."""
    assert _all_said(["provinces"], ["Ann Vale smuggled fuel", "Nangarhar province"])
    assert not _all_said(["provinces"], ["Ann Vale smuggled fuel"])
    result = CliRunner().invoke(
        app,
        [
            "ask",
            "How many provinces did Ann Vale smuggle fuel through?",
            "--no-builtin",
            "--facts",
            str(pack),
        ],
    )
    assert "Gives no figure of: provinces" in result.stdout
    assert "Does not cover: provinces" not in result.stdout


_ACCOUNTS = pack_text(
    event(
        "fane-fled-norland",
        "Eve Fane fled the harbour office to Norland in May 2020.",
        passage="Eve Fane fled to Norland.",
        source="gazette",
        date="2020-05",
        about=["eve-fane"],
    ),
    event(
        "fane-fled-southmark",
        "Eve Fane fled the harbour office in May 2020 and went to Southmark.",
        passage="Eve Fane went to Southmark.",
        source="ledger",
        date="2020-05",
        about=["eve-fane"],
    ),
    event(
        "harbour-accord-signed",
        "Tom Reed for the Guild and Ann Vale for the Council signed the harbour accord on 1 March 2020.",
        passage="Tom Reed for the Guild and Ann Vale for the Council signed the harbour accord.",
        source="gazette",
        date="2020-03-01",
        about=["tom-reed", "ann-vale", "guild", "council"],
    ),
    event(
        "resolution-9003-adopted",
        "Resolution 9003 was adopted by the Council on 4 April 2011.",
        passage="Resolution 9003 was adopted on 4 April 2011.",
        source="gazette",
        date="2011-04-04",
        about=["council", "resolution-9003"],
    ),
    event(
        "committee-9003-adopted-rules",
        "On 9 May 2012 the 9003 committee adopted its rules, under resolution 9100.",
        passage="The 9003 committee adopted its rules.",
        source="gazette",
        date="2012-05-09",
        about=["council"],
    ),
    entities=[
        "eve-fane",
        entity("guild", "Guild", "organization"),
        entity("council", "Council", "organization"),
        "tom-reed",
        "ann-vale",
        entity(
            "resolution-9003", "Resolution 9003 (2011)", "document", aliases=["resolution 9003"]
        ),
    ],
    sources=[
        harbour_news(),
        source("ledger", "Port report", "The Ledger", "news"),
    ],
)


@pytest.fixture(scope="module")
def accounts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("accounts")
    (folder / "facts.toml").write_text(_ACCOUNTS, encoding="utf-8")
    return folder


def test_according_to_a_name_asks_that_ones_account(accounts: Path) -> None:
    """The Gazette's fact is no answer to what the Ledger says: a partial answer leaving out
    the Ledger; the Ledger's fact (it cites the Ledger) answers."""
    found = _found(accounts, "Where did Eve Fane flee to, according to the Ledger?")
    replies = dict(zip((hit.fact.id for hit in found.hits), found.replies, strict=True))
    assert _first(found) == ("fane-fled-southmark", Match.ANSWER)
    assert replies["fane-fled-norland"].match is Match.PARTIAL
    assert replies["fane-fled-norland"].unmatched == ("ledger",)
    # "the article" names no one: both stay answers.
    found = _found(accounts, "Where did Eve Fane flee to, according to the article?")
    assert {reply.match for reply in found.replies} == {Match.ANSWER}


def test_a_side_asked_in_another_form_is_the_side(accounts: Path) -> None:
    """ "for the guilds" is for the Guild (stems, not the words as typed)."""
    for question in (
        "Who signed the harbour accord for the Guild?",
        "who signed the harbour accord for the guilds",
    ):
        found = _found(accounts, question)
        assert _first(found) == ("harbour-accord-signed", Match.ANSWER)
        assert found.replies[0].answer == "Tom Reed"


def test_a_misspelt_resolution_is_still_the_resolution_asked(accounts: Path) -> None:
    """ "resolusion 9003" is resolution 9003: the 9003 committee's rules are not its
    adoption."""
    index = in_memory([Pack("accounts", accounts, "--facts")])
    for question in ("When was resolution 9003 adopted?", "when was resolusion 9003 adopted"):
        considered = consider(index, question)
        assert isinstance(considered, Considered)
        assert considered.read.resolutions == {"9003"}
        found = _found(accounts, question)
        assert _first(found) == ("resolution-9003-adopted", Match.ANSWER)
        replies = dict(zip((hit.fact.id for hit in found.hits), found.replies, strict=True))
        assert replies["committee-9003-adopted-rules"].match is Match.PARTIAL
