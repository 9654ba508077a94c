# ruff: noqa: E501  (claims in the pack are single TOML strings)
"""Who holds a post, as English words it: a deputy (or "deputy to") a post does not hold it,
and a branch written with a hyphen ("ISIS-K") is not what it is a branch of ("ISIS"); and when
someone was given one is dated by a claim that says it of them. Facts here are made up for the
test, in a pack of their own."""

from __future__ import annotations

from pathlib import Path

from conftest import answers_from_pack

_PACK = """
[[source]]
id = "s"
title = "t"
publisher = "The Gazette"
kind = "news"

[[synonyms]]
words = ["leader", "lead", "leads", "led", "head", "heads", "chief", "run", "runs", "ran"]
why = "Who leads a group: its leader, head or chief; who runs it (as the built-in thesaurus)."

[[synonyms]]
words = ["found", "founded", "establish", "established", "establishment"]
why = "Founding a group is establishing it (as the built-in thesaurus)."

[[entity]]
id = "ferry-league"
name = "FLX"
kind = "organization"

[[entity]]
id = "ferry-league-north"
name = "FLX-N"
kind = "organization"
aliases = ["FLX North Province"]

[[entity]]
id = "ada-brook"
name = "Ada Brook"
kind = "person"

[[entity]]
id = "bo-carrow"
name = "Bo Carrow"
kind = "person"

[[entity]]
id = "eve-fane"
name = "Eve Fane"
kind = "person"

[[entity]]
id = "canal-network"
name = "Canal Network"
kind = "organization"

[[entity]]
id = "cy-dunmore"
name = "Cy Dunmore"
kind = "person"

[[event]]
id = "carrow-deputy-prime-minister"
claim = "Bo Carrow was named deputy to the acting prime minister of Ruritania's new cabinet on 3 March 2020, according to the gazette."
date = 2020-03-03
about = ["bo-carrow"]

[[event.cite]]
source = "s"
passage = "Bo Carrow was named deputy"

[[event]]
id = "brook-prime-minister"
claim = "Ada Brook was named acting prime minister of Ruritania's new cabinet, according to the gazette."
about = ["ada-brook"]

[[event.cite]]
source = "s"
passage = "Ada Brook was named acting prime minister"

[[event]]
id = "dunmore-heads-flx-n"
claim = "Cy Dunmore was appointed head of FLX-N by FLX in 2021, and is FLX-N's leader, according to the gazette."
date = "2021"
about = ["cy-dunmore", "ferry-league-north", "ferry-league"]

[[event.cite]]
source = "s"
passage = "Cy Dunmore was appointed head of FLX-N"

[[event]]
id = "brook-leads-flx"
claim = "Ada Brook became the leader of FLX in 2019, according to the gazette."
date = "2019"
about = ["ada-brook", "ferry-league"]

[[event.cite]]
source = "s"
passage = "Ada Brook became the leader of FLX"

[[event]]
id = "carrow-named-treasurer"
claim = "Bo Carrow, named treasurer on 4 May 2020, was a student of the guild's chief Cy Dunmore, who had earlier made him head of its school, according to the gazette."
date = 2020-05-04
about = ["bo-carrow", "cy-dunmore"]

[[event.cite]]
source = "s"
passage = "Bo Carrow, named treasurer"

[[event]]
id = "dunmore-named-chief"
claim = "Cy Dunmore was named chief of the guild on 1 June 2015, according to the gazette."
date = 2015-06-01
about = ["cy-dunmore"]

[[event.cite]]
source = "s"
passage = "Cy Dunmore was named chief"

[[event]]
id = "guild-seems-aligned"
claim = "The guild and the league are rivals who appear closely aligned, in the gazette's description."
date = "2021-09"
about = ["ferry-league"]

[[event.cite]]
source = "s"
passage = "rivals who appear closely aligned"

[[event]]
id = "guild-appeared-1994"
claim = "The guild first appeared in 1994 in the southern harbour, according to the gazette."
date = "1994"

[[event.cite]]
source = "s"
passage = "The guild first appeared in 1994"

[[event]]
id = "flx-n-established-2016"
claim = "The league's spokesman announced the establishment of the North Province (FLX-N) on 1 May 2016, according to the gazette."
date = 2016-05-01
about = ["ferry-league", "ferry-league-north"]

[[event.cite]]
source = "s"
passage = "announced the establishment of the North Province"

[[event]]
id = "fane-killed"
claim = "Eve Fane, the league's treasurer since 2019, aunt of the harbour master Bo Carrow and a senior leader of the Canal Network, was killed in a blast at the harbour on 5 May 2021, according to the gazette."
date = 2021-05-05
about = ["eve-fane", "bo-carrow", "canal-network"]

[[event.cite]]
source = "s"
passage = "Eve Fane, the league's treasurer"

[[event]]
id = "carrow-leads-canal-network"
claim = "Bo Carrow, the harbour master, leads the Canal Network, according to the gazette."
about = ["bo-carrow", "canal-network"]

[[event.cite]]
source = "s"
passage = "Bo Carrow, the harbour master, leads the Canal Network"
"""


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
