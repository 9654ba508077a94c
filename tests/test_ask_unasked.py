# ruff: noqa: E501  (claims in the pack are single strings)
"""What a fact does not say, as English words it: a reward for information on someone, or on
"those responsible", does not say who did the deed; a rate ("dollars a day") is no length of
time. Facts here are made up for the test, in a pack of their own."""

from __future__ import annotations

from pathlib import Path

from packs import event, figure, pack_text, synonyms
from tqcli.ask import answer
from tqcli.index import Index, in_memory
from tqcli.model import Pack

from conftest import answers_from_pack

_PACK = pack_text(
    synonyms(
        ["list", "listed", "sanction", "sanctions", "blacklist"],
        "A sanctions list; being listed is being sanctioned (as the built-in thesaurus).",
    ),
    synonyms(
        ["leader", "lead", "leads", "led", "head", "heads", "chief", "run", "runs", "ran"],
        "Who leads a group: its leader, head or chief; who runs it (as the built-in thesaurus).",
    ),
    figure(
        "carrow-reward",
        "The harbour board offered a 5,000 crown reward for information that could locate the Canal Network leader Bo Carrow, or lead to the arrest of those responsible for the harbour bombing of 5 May 2021, according to the gazette.",
        passage="The harbour board offered a 5,000 crown reward",
        value=5000,
        unit="crowns reward",
        about=["bo-carrow", "canal-network"],
    ),
    figure(
        "strike-cost",
        "The harbour strike cost an estimated 20,000 crowns a day, according to the gazette.",
        passage="The harbour strike cost an estimated 20,000 crowns a day",
        value=20000,
        unit="crowns a day",
        qualifier="estimated",
    ),
    figure(
        "strike-length",
        "The harbour strike lasted 40 days, according to the gazette.",
        passage="The harbour strike lasted 40 days",
        value=40,
        unit="days",
    ),
    event(
        "canal-network-greatest-threat",
        "The UN sanctions team found in its report of January 2024 that the Canal Network remained the greatest threat to the harbour, according to the gazette.",
        passage="The UN sanctions team found",
        about=["canal-network"],
    ),
    event(
        "canal-network-listed",
        "The UN added the Canal Network to its sanctions list on 14 May 2019, according to the gazette.",
        passage="The UN added the Canal Network to its sanctions list",
        about=["canal-network"],
    ),
    event(
        "resolution-12-ferry-ban",
        "Resolution 12 continued provisions of resolution 10, and required States to impose a ferry ban on the harbour, according to the gazette.",
        passage="Resolution 12 continued provisions of resolution 10",
    ),
    event(
        "harbour-accord",
        "Under the harbour accord the Canal Network was to leave the docks within 9 months, according to the gazette.",
        passage="Under the harbour accord the Canal Network was to leave the docks",
        date="2020-03-01",
        about=["canal-network"],
    ),
    event(
        "network-withdraws-july",
        "The Canal Network's boats left the docks in July 2021, according to the gazette.",
        passage="The Canal Network's boats left the docks in July 2021",
        date="2021-07",
        about=["canal-network"],
    ),
    event(
        "network-withdrawal-completed",
        "The Canal Network completed its withdrawal on 30 August 2021, when its last boat left the docks, according to the gazette.",
        passage="The Canal Network completed its withdrawal",
        date="2021-08-30",
        about=["canal-network"],
    ),
    event(
        "carrow-named-treasurer",
        "Bo Carrow, son of the network's founder Ada Brook and named treasurer on 7 September 2021, was a student of the Canal Network chief Eve Fane, who had earlier appointed him head of its boats, according to the gazette.",
        passage="Bo Carrow, son of the network's founder",
        date="2021-09-07",
        about=["bo-carrow", "ada-brook", "eve-fane", "canal-network"],
    ),
    event(
        "brook-alive-2021",
        "A harbour board report said there was proof that Ada Brook was alive as recently as February 2021, according to the gazette.",
        passage="there was proof that Ada Brook was alive",
        date="2021-06",
        about=["ada-brook"],
    ),
    event(
        "brook-killed-2022",
        "Ada Brook was killed in a blast at the harbour on 5 May 2022, according to the gazette.",
        passage="Ada Brook was killed in a blast at the harbour",
        date="2022-05-05",
        about=["ada-brook"],
    ),
    event(
        "harbour-bombing-claimed",
        "A bombing at the harbour on 5 May 2021 killed 13 Harbour Board staff; the Canal Network took responsibility, according to the gazette.",
        passage="the Canal Network took responsibility",
        date="2021-05-05",
        about=["harbour-board", "canal-network"],
    ),
    entities=["bo-carrow", "ada-brook", "eve-fane", "harbour-board", "canal-network"],
)


def _indexed(tmp_path: Path) -> Index:
    """The test's pack alone, indexed."""
    pack = tmp_path / "unasked"
    pack.mkdir(exist_ok=True)
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    return in_memory([Pack("unasked", pack, "--facts")])


def _answers(tmp_path: Path, question: str, without: str = "") -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question, without)


def test_a_reward_for_information_does_not_say_who_did_the_deed(tmp_path: Path) -> None:
    without = "harbour-bombing-claimed"
    assert _answers(tmp_path, "Who carried out the harbour bombing?", without=without) == []
    assert _answers(tmp_path, "Who bombed the harbour?", without=without) == []


def test_who_took_responsibility_did_the_deed_not_whom_it_killed(tmp_path: Path) -> None:
    # The claim does not say the deed in the question's verb ("carried out"), but says who took
    # responsibility: whom the clause before those words names, not the victims named elsewhere.
    assert _answers(tmp_path, "Who carried out the harbour bombing?") == [
        ("harbour-bombing-claimed", "Canal Network")
    ]


def test_a_rate_per_day_is_no_length_of_time(tmp_path: Path) -> None:
    question = "How long did the harbour strike last?"
    assert [fact_id for fact_id, _ in _answers(tmp_path, question)] == ["strike-length"]
    assert _answers(tmp_path, question, without="strike-length") == []


def test_one_word_of_a_fact_states_one_word_of_a_yes_no_question(tmp_path: Path) -> None:
    # "The UN sanctions team" says "sanctions", not also "list" (its synonym in the thesaurus).
    # (Asked of the past: whether it is listed now, a listing of 2019 does not say, see
    # test_ask_session25.py.)
    question = "Was the Canal Network on the UN sanctions list?"
    assert [fact_id for fact_id, _ in _answers(tmp_path, question)] == ["canal-network-listed"]
    assert _answers(tmp_path, question, without="canal-network-listed") == []


def test_a_yes_no_question_on_a_resolution_is_not_answered_by_another(tmp_path: Path) -> None:
    assert _answers(tmp_path, "Did resolution 10 impose a ferry ban?") == []
    assert _answers(tmp_path, "Did resolution 12 impose a ferry ban?")[0][0] == (
        "resolution-12-ferry-ban"
    )


def test_when_someone_was_to_do_something_asks_a_deadline(tmp_path: Path) -> None:
    # "Were X to leave": "be", its subject, "to" and a verb ask by when, which a fact dated by
    # its signing gives as "within 9 months" of that date, not as the date.
    question = "When was the Canal Network to leave the docks under the harbour accord?"
    assert _answers(tmp_path, question) == [("harbour-accord", "within 9 months (from 2020-03-01)")]


def test_when_something_was_done_at_last_is_the_latest_answer(tmp_path: Path) -> None:
    # A drawdown's date is not the completion's: "last" asks the end, which later facts say.
    answered = _answers(tmp_path, "When did the last Canal Network boats leave the docks?")
    assert answered[0] == ("network-withdrawal-completed", "2021-08-30")


def test_who_leads_is_answered_by_the_one_the_claim_gives_the_post(tmp_path: Path) -> None:
    # "Who leads": the verb is a post ("leader", "chief"), so the short answer names the one
    # the claim gives it to, not everyone it names.
    # (Asked with more than the pack says, so that no rule on a role's holder now applies.)
    found = answer(_indexed(tmp_path), "Who leads the Canal Network formed in 2019?", limit=0)
    replies = dict(zip([hit.fact.id for hit in found.hits], found.replies, strict=True))
    assert replies["carrow-named-treasurer"].answer == "Eve Fane"


def test_a_later_death_answers_whether_someone_is_alive(tmp_path: Path) -> None:
    # A death ends being alive: the fact that says it comes first; an earlier fact saying the
    # person was alive says so as of its date.
    answered = _answers(tmp_path, "Is Ada Brook alive?")
    assert [fact_id for fact_id, _ in answered] == ["brook-killed-2022", "brook-alive-2021"]
    assert answered[1][1].endswith("(as of June 2021; died 5 May 2022)")
    # Asked as of a source or a time, the earlier fact answers as it stands.
    answered = _answers(tmp_path, "Is Ada Brook alive according to the 2021 report?")
    assert answered[0][0] == "brook-alive-2021"
    assert "died" not in answered[0][1]
