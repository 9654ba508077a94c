# ruff: noqa: E501  (claims in the pack are single strings)
"""Who holds a post, as English words it: a deputy (or "deputy to") a post does not hold it,
and a branch written with a hyphen ("ISIS-K") is not what it is a branch of ("ISIS"); and when
someone was given one is dated by a claim that says it of them. Facts here are made up for the
test, in a pack of their own."""

from __future__ import annotations

from pathlib import Path

from packs import entity, event, pack_text, synonyms

from conftest import answers_from_pack

_PACK = pack_text(
    synonyms(
        ["leader", "lead", "leads", "led", "head", "heads", "chief", "run", "runs", "ran"],
        "Who leads a group: its leader, head or chief; who runs it (as the built-in thesaurus).",
    ),
    synonyms(
        ["found", "founded", "establish", "established", "establishment"],
        "Founding a group is establishing it (as the built-in thesaurus).",
    ),
    event(
        "carrow-deputy-prime-minister",
        "Bo Carrow was named deputy to the acting prime minister of Ruritania's new cabinet on 3 March 2020, according to the gazette.",
        passage="Bo Carrow was named deputy",
        date="2020-03-03",
        about=["bo-carrow"],
    ),
    event(
        "brook-prime-minister",
        "Ada Brook was named acting prime minister of Ruritania's new cabinet, according to the gazette.",
        passage="Ada Brook was named acting prime minister",
        about=["ada-brook"],
    ),
    event(
        "dunmore-heads-flx-n",
        "Cy Dunmore was appointed head of FLX-N by FLX in 2021, and is FLX-N's leader, according to the gazette.",
        passage="Cy Dunmore was appointed head of FLX-N",
        date="2021",
        about=["cy-dunmore", "ferry-league-north", "ferry-league"],
    ),
    event(
        "brook-leads-flx",
        "Ada Brook became the leader of FLX in 2019, according to the gazette.",
        passage="Ada Brook became the leader of FLX",
        date="2019",
        about=["ada-brook", "ferry-league"],
    ),
    event(
        "carrow-named-treasurer",
        "Bo Carrow, named treasurer on 4 May 2020, was a student of the guild's chief Cy Dunmore, who had earlier made him head of its school, according to the gazette.",
        passage="Bo Carrow, named treasurer",
        date="2020-05-04",
        about=["bo-carrow", "cy-dunmore"],
    ),
    event(
        "dunmore-named-chief",
        "Cy Dunmore was named chief of the guild on 1 June 2015, according to the gazette.",
        passage="Cy Dunmore was named chief",
        date="2015-06-01",
        about=["cy-dunmore"],
    ),
    event(
        "guild-seems-aligned",
        "The guild and the league are rivals who appear closely aligned, in the gazette's description.",
        passage="rivals who appear closely aligned",
        date="2021-09",
        about=["ferry-league"],
    ),
    event(
        "guild-appeared-1994",
        "The guild first appeared in 1994 in the southern harbour, according to the gazette.",
        passage="The guild first appeared in 1994",
        date="1994",
    ),
    event(
        "flx-n-established-2016",
        "The league's spokesman announced the establishment of the North Province (FLX-N) on 1 May 2016, according to the gazette.",
        passage="announced the establishment of the North Province",
        date="2016-05-01",
        about=["ferry-league", "ferry-league-north"],
    ),
    event(
        "fane-killed",
        "Eve Fane, the league's treasurer since 2019, aunt of the harbour master Bo Carrow and a senior leader of the Canal Network, was killed in a blast at the harbour on 5 May 2021, according to the gazette.",
        passage="Eve Fane, the league's treasurer",
        date="2021-05-05",
        about=["eve-fane", "bo-carrow", "canal-network"],
    ),
    event(
        "carrow-leads-canal-network",
        "Bo Carrow, the harbour master, leads the Canal Network, according to the gazette.",
        passage="Bo Carrow, the harbour master, leads the Canal Network",
        about=["bo-carrow", "canal-network"],
    ),
    entities=[
        entity("ferry-league", "FLX", "organization"),
        entity("ferry-league-north", "FLX-N", "organization", aliases=["FLX North Province"]),
        "ada-brook",
        "bo-carrow",
        "eve-fane",
        "canal-network",
        entity("cy-dunmore", "Cy Dunmore", "person"),
    ],
)


def _answers(tmp_path: Path, question: str, without: str = "") -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question, without)


def test_a_deputy_to_a_post_does_not_hold_it(tmp_path: Path) -> None:
    question = "Who became prime minister of Ruritania's new cabinet?"
    assert _answers(tmp_path, question)[0][0] == "brook-prime-minister"
    assert _answers(tmp_path, question, without="brook-prime-minister") == []


def test_who_is_the_deputy_is_answered_by_the_deputy(tmp_path: Path) -> None:
    answered = _answers(tmp_path, "Who is the deputy prime minister of Ruritania's new cabinet?")
    assert [fact_id for fact_id, _ in answered][:1] == ["carrow-deputy-prime-minister"]


def test_the_leader_of_a_hyphenated_branch_is_not_the_leader_of_the_whole(
    tmp_path: Path,
) -> None:
    assert _answers(tmp_path, "Who is the leader of FLX?")[0][0] == "brook-leads-flx"
    assert _answers(tmp_path, "Who is the leader of FLX?", without="brook-leads-flx") == []
    # The branch asked by its own name still answers.
    assert _answers(tmp_path, "Who is the leader of FLX-N?")[0][0] == "dunmore-heads-flx-n"


def test_when_someone_was_named_is_dated_by_their_naming_not_anothers(tmp_path: Path) -> None:
    # The question's subject ("Cy Dunmore") must be whom the claim's verb ("named") is said of:
    # before it (its subject) or just after it (its object), not a name later in the sentence.
    question = "When was Cy Dunmore named chief of the guild?"
    assert _answers(tmp_path, question)[0] == ("dunmore-named-chief", "2015-06-01")
    assert _answers(tmp_path, question, without="dunmore-named-chief") == []
    # Who was named what the claim says still answers.
    assert _answers(tmp_path, "When was Bo Carrow named treasurer?")[0][0] == (
        "carrow-named-treasurer"
    )


def test_appear_as_seem_is_no_answer_to_when_something_appeared(tmp_path: Path) -> None:
    # "Appear" before a complement ("appear closely aligned", "appear to be") is "seem"; it
    # says something came into being before a time or place ("appeared in 1994") or alone.
    question = "When did the guild appear?"
    assert _answers(tmp_path, question)[0][0] == "guild-appeared-1994"
    answered = _answers(tmp_path, question, without="guild-appeared-1994")
    assert "guild-seems-aligned" not in [fact_id for fact_id, _ in answered]


def test_one_of_several_leaders_is_no_answer_to_who_runs_it(tmp_path: Path) -> None:
    # "A senior leader of the Canal Network" is one of its leaders: not who runs it (nor is
    # the man the claim names beside her).
    question = "who runs the canal network"
    assert _answers(tmp_path, question)[0][0] == "carrow-leads-canal-network"
    assert _answers(tmp_path, question, without="carrow-leads-canal-network") == []


def test_the_founding_of_a_hyphenated_branch_does_not_date_the_whole(tmp_path: Path) -> None:
    # "When was FLX founded?": not by "the establishment of the North Province (FLX-N)" (the
    # verb's synonym counts; the name inside "FLX-N" is not FLX).
    answered = _answers(tmp_path, "When was FLX founded?")
    assert "flx-n-established-2016" not in [fact_id for fact_id, _ in answered]
    assert _answers(tmp_path, "When was FLX-N founded?")[0][0] == "flx-n-established-2016"
