# ruff: noqa: E501  (claims in the pack are single strings)
"""A stranger's findings on `tq ask` (notes, stranger 15; docs/ask-evaluation.md, "Twentieth
round"), each fixed by its cause as a rule of English or of the pack format. Facts here are
made up for the test, in a pack of their own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from packs import agreement, entity, event, figure, pack_text, quote

from conftest import answers_from_pack

if TYPE_CHECKING:
    from tqcli.model import Answers

_PACK = pack_text(
    event(
        "fane-secretary-2016",
        "Eve Fane has been secretary of the Harbour Board since 2016, appointed after a storm killed her predecessor Tom Reed, according to the gazette.",
        passage="Eve Fane has been secretary of the Harbour Board since 2016",
        date="2016",
        about=["eve-fane", "harbour-board", "tom-reed"],
    ),
    event(
        "board-widened-quay",
        "The Harbour Board widened the east quay of Port Lune on 3 May 2019, according to the gazette.",
        passage="The Harbour Board widened the east quay of Port Lune on 3 May 2019",
        date="2019-05-03",
        about=["harbour-board", "port-lune"],
    ),
    agreement(
        "wharf-accord-terms",
        "Under the wharf accord the Canal Network was to leave Port Lune within 14 months, and up to 500 Canal Network prisoners were to be released by March 10, 2020, according to the gazette.",
        passage="the Canal Network was to leave Port Lune within 14 months",
        date="2019-12-01",
        about=["canal-network", "harbour-board", "port-lune"],
        name="wharf accord",
        parties=["canal-network", "harbour-board"],
        signed="2019-12-01",
        commitments=[
            "the Canal Network to leave Port Lune within 14 months",
            "up to 500 Canal Network prisoners released by March 10, 2020",
        ],
    ),
    figure(
        "board-pilots-2021",
        "The Harbour Board had 900 pilots in Port Lune in 2021, including 250 Guildsmen, according to the gazette.",
        passage="The Harbour Board had 900 pilots in Port Lune in 2021, including 250 Guildsmen",
        date="2021",
        value=900,
        unit="Harbour Board pilots in Port Lune",
        about=["harbour-board", "port-lune"],
    ),
    quote(
        "board-keep-promises",
        "The Harbour Board called on the Canal Network to keep its promises to cut ties with smugglers, according to the gazette.",
        passage="keep your promises to cut ties with smugglers",
        text="keep your promises to cut ties with smugglers",
        speaker="harbour-board",
        date="2020-01-05",
        about=["canal-network", "harbour-board"],
    ),
    event(
        "fane-de-facto-chief",
        "The Canal Network's de facto chief Eve Fane may now be in Port Lune, a gazette report of 2023 says.",
        passage="The Canal Network's de facto chief Eve Fane may now be in Port Lune",
        date="2023",
        hedge="may",
        about=["eve-fane", "canal-network", "port-lune"],
    ),
    entities=[
        "canal-network",
        "harbour-board",
        "port-lune",
        entity("eve-fane", aliases=["Fane", "Eve Faine", "Faine"]),
        "tom-reed",
    ],
)


def _answers(tmp_path: Path, question: str) -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question)


def _found(tmp_path: Path, question: str) -> Answers:
    from tqcli.ask import answer
    from tqcli.index import in_memory
    from tqcli.model import Pack

    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    return answer(in_memory([Pack("test", pack, "--facts")]), question, limit=0)


def test_an_alias_the_pack_gives_names_the_one_asked(tmp_path: Path) -> None:
    # "Who is Zawahri?" (finding 12): an alias of the entity a fact links names it, as its
    # name does; asked by either, the same answers.
    by_name = _answers(tmp_path, "Who is Eve Fane?")
    assert by_name
    assert _answers(tmp_path, "Who is Eve Faine?") == by_name


def test_a_misspelt_question_word_is_read_as_meant(tmp_path: Path) -> None:
    # "Whn did the Talban take Kabul?" (finding 11): a word one letter off "when" (a letter
    # left out), neither English nor the pack's, asks when.
    meant = _answers(tmp_path, "When did the Harbour Board widen the east quay?")
    assert meant == [("board-widened-quay", "2019-05-03")]
    assert _answers(tmp_path, "Whn did the Harbour Board widen the east quay?") == meant


def test_when_will_asks_the_time_planned(tmp_path: Path) -> None:
    # "When will US troops leave ... according to the Doha agreement?" (finding 5): the time
    # the agreement gives, not the day it was signed.
    question = "When will the Canal Network leave Port Lune under the wharf accord?"
    assert _answers(tmp_path, question) == [
        ("wharf-accord-terms", "within 14 months (from 2019-12-01)")
    ]


def test_a_target_is_not_how_many_were_freed(tmp_path: Path) -> None:
    # "How many Taliban prisoners had been freed by June 2020?" (finding 6): a commitment to
    # release "up to 500" by a deadline says how many were to be, not how many were.
    assert _answers(tmp_path, "How many Canal Network prisoners had been freed by June 2020?") == []
    # Asked what was agreed, it is the answer.
    assert [
        fact
        for fact, _ in _answers(
            tmp_path, "How many Canal Network prisoners were to be released under the wharf accord?"
        )
    ] == ["wharf-accord-terms"]


def test_a_count_within_a_figure_of_others_answers(tmp_path: Path) -> None:
    # "How many Americans were in Afghanistan in February 2021?" (finding 4): "9,600 troops
    # ..., including 2,500 Americans" counts them; the short answer is that count.
    assert _answers(tmp_path, "How many Guildsmen were in Port Lune in 2021?") == [
        ("board-pilots-2021", "250 Guildsmen, according to The Gazette")
    ]


def test_a_deed_done_to_another_is_no_yes_no_answer(tmp_path: Path) -> None:
    # "Was Haibatullah Akhundzada killed in a drone strike?" (finding 9): "a storm killed her
    # predecessor Tom Reed" was done to another.
    assert _answers(tmp_path, "Was Eve Fane killed in a storm?") == []
    # The partial answer says what it does not state of her: the killing, not the storm.
    first = _found(tmp_path, "Was Eve Fane killed in a storm?").replies[0]
    assert first.unmatched == ("killed",)
    assert [fact for fact, _ in _answers(tmp_path, "Was Tom Reed killed in a storm?")] == [
        "fane-secretary-2016"
    ]


def test_anothers_words_on_a_promise_are_not_the_promise(tmp_path: Path) -> None:
    # "Did the Taliban promise to cut ties with al-Qaeda?" (finding 14): Pompeo urging them to
    # "keep your promises" is not their promise.
    question = "Did the Canal Network promise to cut ties with smugglers?"
    assert ("board-keep-promises", "keep your promises to cut ties with smugglers") not in (
        _answers(tmp_path, question)
    )


def test_a_short_answer_keeps_the_claims_hedges(tmp_path: Path) -> None:
    # "Who leads al-Qaeda now?" (finding 10): "de facto" and the source's "may" stay with the
    # name.
    ((fact, short),) = _answers(tmp_path, "Who leads the Canal Network now?")
    assert fact == "fane-de-facto-chief"
    assert short == "Eve Fane (de facto chief; hedged: may; as of 2023)"


def test_a_fact_sharing_only_a_name_is_no_partial_answer(tmp_path: Path) -> None:
    # "What is the capital of France?" (finding 19): a fact that names France and says nothing
    # of a capital is no answer, not a partial one.
    assert _found(tmp_path, "What is the capital of Port Lune?").hits == ()
    # "Did the Taliban win the 2024 election?" (finding 20): facts that state less than half
    # of what a yes/no question asks of its subject (neither the year nor the election).
    assert _found(tmp_path, "Did the Harbour Board widen the west pier in 2024?").hits == ()
