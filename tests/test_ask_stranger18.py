# ruff: noqa: E501  (claims in the pack are single strings)
"""A stranger's findings on `tq ask` (notes, stranger 18, findings 2, 3, 4, 5, 8, 11 and 12;
docs/ask-evaluation.md, "Twenty-fourth round"), each fixed by its cause as a rule of English or
of the pack format. Facts here are made up for the test, in a pack of their own; the last tests
ask the stranger's own questions of the built-in pack (and of the UN list, where it is here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from packs import entity, event, figure, pack_text, sanction
from tqcli.cli import app
from tqcli.model import Match

from conftest import answers_from_pack

_PACK = pack_text(
    event(
        "reed-harbour-secretary",
        "Tom Reed was the Norland harbour secretary in May 2019, as the gazette describes him.",
        passage="Tom Reed was the Norland harbour secretary",
        date="2019-05",
        about=["tom-reed", "norland"],
    ),
    figure(
        "norlanders-fled-abroad",
        "The war forced 40,000 Norlanders to flee abroad, the gazette said in June 2019.",
        passage="The war forced 40,000 Norlanders to flee abroad",
        date="2019-06",
        value=40000,
        unit="Norlanders who fled abroad",
        about=["norland"],
    ),
    figure(
        "board-paid-network",
        "The Harbour Board reportedly paid the Canal Network $20m a year, according to the gazette.",
        passage="The Harbour Board reportedly paid the Canal Network $20m a year",
        date="2019",
        value=20000000,
        unit="US dollars a year",
        qualifier="reportedly",
        about=["harbour-board", "canal-network"],
    ),
    event(
        "reed-sold-wharf",
        "Tom Reed sold the wharf to the Canal Network for £1.5bn in 2018, the gazette said.",
        passage="Tom Reed sold the wharf to the Canal Network for £1.5bn",
        date="2018",
        about=["tom-reed", "canal-network"],
    ),
    figure(
        "network-fighters-2019",
        "A harbour report cited by the gazette in 2019 said roughly 240 Canal Network fighters were operating in Norland.",
        passage="roughly 240 Canal Network fighters were operating in Norland",
        date="2019",
        value=240,
        unit="Canal Network fighters in Norland",
        qualifier="roughly",
        about=["canal-network", "norland"],
    ),
    figure(
        "network-fighters-2022",
        "A harbour report of June 2022 estimated 180 to 400 fighters of the Canal Network in Norland.",
        passage="estimated 180 to 400 fighters of the Canal Network in Norland",
        date="2022-06",
        min=180,
        max=400,
        unit="Canal Network fighters in Norland",
        about=["canal-network", "norland"],
    ),
    sanction(
        "harbour-listing-reed",
        "TOM REED (HBi.001) is on the Harbour Council List as of 2024-01-01, under the harbour sanctions, listed on 2019-03-01.",
        passage="TOM REED (HBi.001) is on the Harbour Council List",
        date="2019-03-01",
        authority="Harbour Council",
        instrument="Harbour Council List entry HBi.001",
        adopted="2019-03-01",
        list="Harbour",
        reference="HBi.001",
        targets=["tom-reed"],
    ),
    event(
        "reed-on-list-since-2019",
        "Tom Reed has been on the Harbour Council sanctions list since 2019, the gazette said.",
        passage="Tom Reed has been on the Harbour Council sanctions list since 2019",
        date="2023",
        about=["tom-reed"],
    ),
    event(
        "rook-escaped-vell",
        "Ada Rook fled through the hills of Vell to Norland in May 2019, according to the gazette.",
        passage="Ada Rook fled through the hills of Vell to Norland",
        date="2019-05",
        place="Vell",
        about=["ada-rook", "norland"],
    ),
    event(
        "refugees-fled-ostmark",
        "The war forced 40,000 people to flee abroad, mostly to Ostmark, the gazette said.",
        passage="The war forced 40,000 people to flee abroad, mostly to Ostmark",
        date="2019-06",
        about=["port-lune", "ada-rook"],
    ),
    event(
        "reed-fled-saltby",
        "Tom Reed was still in Port Lune on 3 May 2019; when Port Lune fell he fled to Saltby, the gazette said.",
        passage="when Port Lune fell he fled to Saltby",
        date="2019-05-03",
        about=["tom-reed", "port-lune"],
    ),
    event(
        "reed-left-port-lune",
        "Tom Reed left Port Lune as the rebels entered Norland, the gazette said.",
        passage="Tom Reed left Port Lune as the rebels entered Norland",
        date="2019-05-04",
        about=["tom-reed", "port-lune", "norland"],
    ),
    entities=[
        "ada-rook",
        "tom-reed",
        "port-lune",
        entity("norland", "Norland", "place"),
        "harbour-board",
        "canal-network",
    ],
)


def _answers(tmp_path: Path, question: str, without: str = "") -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question, without)


def test_where_did_x_flee_asks_where_to(tmp_path: Path) -> None:
    """Finding 3: "Where did X flee?" asks the goal ("to Norland"), not the place the fact's
    `place` gives (the escape was from Vell) nor one passed through."""
    assert _answers(tmp_path, "Where did Ada Rook flee?") == [("rook-escaped-vell", "Norland")]
    assert ("reed-fled-saltby", "Saltby") in _answers(tmp_path, "Where did Tom Reed go?")


def test_where_did_x_flee_is_not_answered_by_others_flights(tmp_path: Path) -> None:
    """Finding 2: the place must be X's, in the fact's own words: not where refugees fled (a
    fact its curators link to X, whose words do not name X), nor where another went."""
    given = _answers(tmp_path, "Where did Ada Rook flee?")
    assert all(fact_id == "rook-escaped-vell" for fact_id, _ in given), given


def test_a_place_left_is_no_destination(tmp_path: Path) -> None:
    """Finding 2: "left Port Lune" is where X went from, and "the rebels entered Norland" is
    where others went: no answer to where X went."""
    given = _answers(tmp_path, "Where did Tom Reed go?", without="reed-fled-saltby")
    assert given == [], given


def test_where_from_still_asks_the_origin(tmp_path: Path) -> None:
    """ "Where did X flee from?" asks the origin: the goal rule does not apply."""
    given = _answers(tmp_path, "Where did Ada Rook flee from?")
    assert ("rook-escaped-vell", "Norland") not in given, given


@pytest.mark.parametrize(
    ("question", "right", "wrong"),
    [
        ("where did ghani flee", "United Arab Emirates", ("Iran", "Kabul")),
        ("where did Ghani go after leaving Kabul", "United Arab Emirates", ("Afghanistan",)),
        ("where did bin laden flee", "Pakistan", ("Tora Bora", "Kabul")),
    ],
)
def test_the_strangers_where_questions(question: str, right: str, wrong: tuple[str, ...]) -> None:
    from tqcli.ask import answer
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    found = answer(in_memory(packs_in_effect([], environ={})), question, limit=0)
    answers = [r.answer for r in found.replies if r.match is Match.ANSWER]
    assert answers, question
    assert answers[0].startswith(right), answers
    assert not any(text.startswith(bad) for text in answers for bad in wrong), answers


def test_who_holds_a_post_now_says_as_of_when(tmp_path: Path) -> None:
    """Finding 8: a present-tense "who is the X" for a post is answered as of the fact's date,
    whether or not the question names what the post is of by an entity."""
    assert _answers(tmp_path, "Who is the harbour secretary?") == [
        ("reed-harbour-secretary", "Tom Reed (as of May 2019)")
    ]
    assert _answers(tmp_path, "Who was the harbour secretary?") == [
        ("reed-harbour-secretary", "Tom Reed")
    ]


def test_the_uk_defence_secretary_now_is_as_of_the_facts_date(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "who is the UK defence secretary", "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Answer: Ben Wallace (as of September 2021)"


def test_how_many_x_fled_counts_x_not_the_verb(tmp_path: Path) -> None:
    """Finding 12: in "how many Norlanders fled", "fled" (an irregular past, as "voted" is a
    regular one) is what they did, not what is counted; and a unit that writes what it counts
    with a capital ("Norlanders who fled abroad") counts it."""
    assert _answers(tmp_path, "How many Norlanders fled?") == [
        ("norlanders-fled-abroad", "40,000 Norlanders who fled abroad, according to The Gazette")
    ]


def test_how_many_afghans_fled_is_answered_without_a_gap_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "how many afghans fled", "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Answer: 2,700,000 Afghans who fled abroad"), result.stdout
    assert "Gives no figure of" not in result.stdout


def test_a_gap_line_never_denies_the_short_answer(runner: CliRunner) -> None:
    """Finding 12, generally: a partial answer whose short answer shows the words it is said to
    leave out gives them, only not as asked ("8,600 US troops ... after the first 135 days" is a
    target, for a question on how many there were): not "Gives no figure of: troops"."""
    question = "How many US troops were in Afghanistan when the Doha deal was signed?"
    result = runner.invoke(app, ["ask", question, "--limit", "1"])
    first, gap = result.stdout.splitlines()[:2]
    assert first.startswith("Partial answer: 8,600 US troops"), first
    assert gap.strip().startswith("Does not say as asked: "), gap


@pytest.mark.parametrize(
    "question",
    [
        "Is it true that the Harbour Board paid the Canal Network 20 million dollars a year?",
        "Did the Harbour Board pay the Canal Network $20m a year?",
        "Did the Harbour Board pay the Canal Network 20,000,000 US dollars a year?",
        "True or false: the Harbour Board paid the Canal Network 20 million dollars a year.",
    ],
)
def test_a_number_is_one_however_it_is_worded(tmp_path: Path, question: str) -> None:
    """Finding 11: "20 million dollars", "$20m" and "20,000,000 US dollars" are one figure,
    and "is it true that" asks whether what follows is: "true" is no word the fact must say."""
    assert [fact_id for fact_id, _ in _answers(tmp_path, question)] == ["board-paid-network"]


def test_a_claims_number_with_a_scale_is_that_number(tmp_path: Path) -> None:
    """A claim that writes "\u00a31.5bn" (no figure's value beside it) gives 1,500,000,000."""
    question = "Did Tom Reed sell the wharf for \u00a31.5 billion?"
    assert [fact_id for fact_id, _ in _answers(tmp_path, question)] == ["reed-sold-wharf"]


def test_another_number_is_not_stated_and_is_shown_as_typed(tmp_path: Path) -> None:
    from tqcli.ask import answer
    from tqcli.index import in_memory
    from tqcli.model import Pack

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    question = "Is it true that the Harbour Board paid the Canal Network 30 million dollars a year?"
    found = answer(in_memory([Pack("test", pack, "--facts")]), question, limit=1)
    (reply,) = found.replies
    assert (reply.match, reply.unmatched) == (Match.PARTIAL, ("30 million",))


def test_is_it_true_that_is_answered_as_asked(runner: CliRunner) -> None:
    question = "Is it true that al qaeda paid the taliban 20 million dollars a year?"
    result = runner.invoke(app, ["ask", question, "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Answer: reportedly 20,000,000 US dollars a year"), (
        result.stdout
    )


def test_how_many_now_is_the_latest_figure_as_of_its_date(tmp_path: Path) -> None:
    """Finding 4: asked in the present tense, "how many" wants the latest figure, which says
    as of when; asked of a year, that year's."""
    given = _answers(tmp_path, "How many fighters does the Canal Network have in Norland?")
    assert given[0][0] == "network-fighters-2022", given
    assert given[0][1].endswith("(as of June 2022)"), given
    given = _answers(tmp_path, "How many fighters did the Canal Network have in Norland in 2019?")
    assert given[0][0] == "network-fighters-2019", given
    assert "as of" not in given[0][1], given


def test_how_many_fighters_does_al_qaeda_have_now(runner: CliRunner) -> None:
    question = "How many fighters does al-Qaeda have in Afghanistan?"
    result = runner.invoke(app, ["ask", question, "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("Answer: an estimated 180–400 fighters"), first
    assert first.endswith("(as of June 2022)"), first


def test_a_lists_own_entry_answers_when_listed(tmp_path: Path) -> None:
    """Finding 5: "When was X listed?" is answered first by the list's own entry (its date
    is the listing's, however far its claim puts "listed on" from the name), then by another's
    account of it."""
    given = _answers(tmp_path, "When was Tom Reed listed by the Harbour Council?")
    assert given[0] == ("harbour-listing-reed", "2019-03-01"), given
    assert ("reed-on-list-since-2019", "2019") in given, given


REAL_UN_LIST = Path(__file__).resolve().parents[2] / "shared/data/un-sc/consolidated-2025-11-20.xml"


def test_when_was_baradar_listed_by_the_un(runner: CliRunner, tmp_path: Path) -> None:
    if not REAL_UN_LIST.exists():
        pytest.skip(f"the real UN export is not at {REAL_UN_LIST} (shared data absent)")
    un_pack = tmp_path / "un"
    imported = runner.invoke(app, ["import", "un-sc", str(REAL_UN_LIST), "--out", str(un_pack)])
    assert imported.exit_code == 0, imported.stderr
    question = "When was Baradar listed by the UN?"
    result = runner.invoke(app, ["ask", question, "--facts", str(un_pack), "--json"])
    assert result.exit_code == 0, result.stderr
    first = json.loads(result.stdout)[0]
    assert (first["id"], first["match"], first["answer"]) == (
        "un-listing-tai.024",
        "answer",
        "2001-02-23",
    )
