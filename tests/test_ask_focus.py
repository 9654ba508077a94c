# ruff: noqa: E501  (claims in the pack are single TOML strings)
"""What a question asks of its topic -- its focus: the name of a person, which resolution, which
hotel -- must be what a fact gives, not only the topic it shares. Facts here are made up for the
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
id = "port-lune"
name = "Port Lune"
kind = "place"

[[entity]]
id = "hlf"
name = "Hlf"
kind = "organization"
aliases = ["HLF", "Harbour Liberation Front"]

[[entity]]
id = "committee-1988"
name = "1988 Committee"
kind = "organization"

[[event]]
id = "ferry-bombing-claimed"
claim = "The bombing of the ferry on 2 June 2021 was claimed by the Harbour Liberation Front in Port Lune Province, according to the gazette."
date = 2021-06-02
about = ["hlf"]

[[event.cite]]
source = "s"
passage = "was claimed by the Harbour Liberation Front"

[[event]]
id = "quay-bombing-claimed"
claim = "The HLF claimed the bombing of the quay on 3 June 2021, according to the gazette."
date = 2021-06-03
about = ["hlf"]

[[event.cite]]
source = "s"
passage = "The HLF claimed the bombing of the quay"

[[event]]
id = "fane-chairs-1988-committee"
claim = "Eve Fane chaired the committee established pursuant to resolution 1988 (2011) in May 2021, according to the gazette."
date = 2021-05-20
about = ["eve-fane", "committee-1988"]

[[event.cite]]
source = "s"
passage = "Eve Fane chaired the committee"

[[entity]]
id = "ada-brook"
name = "Ada Brook"
kind = "person"

[[event]]
id = "brook-died-2013"
claim = "Ada Brook died in 2013, according to the gazette; she had founded the Canal Network."
date = "2013"
about = ["ada-brook", "canal-network"]

[[event.cite]]
source = "s"
passage = "Ada Brook died in 2013"

[[event]]
id = "carrow-named-head-2021"
claim = "Bo Carrow, son of the Canal Network's founder Ada Brook, was named head of its boats in September 2021, according to the gazette."
date = "2021-09"
about = ["bo-carrow", "ada-brook", "canal-network"]

[[event.cite]]
source = "s"
passage = "was named head of its boats in September 2021"

[[event]]
id = "board-says-network-must-cut-ties"
claim = "The harbour board said on 15 February 2021 that the Canal Network must do more to meet the terms of the harbour accord, including to cut ties with smugglers, according to the gazette."
date = 2021-02-15
about = ["canal-network"]

[[event.cite]]
source = "s"
passage = "the Canal Network must do more to meet the terms of the harbour accord"

[[figure]]
id = "ferry-riders"
claim = "The ferry carried 900 riders a day in 2020, according to the Port Lune Transit Authority, as the gazette reported."
date = "2020"
value = 900
unit = "riders a day"

[[figure.cite]]
source = "s"
passage = "The ferry carried 900 riders a day"

[[figure]]
id = "ferry-crew-killed"
claim = "A blast on the ferry on 4 April 2021 killed 12 crew members, according to the gazette."
date = 2021-04-04
value = 12
unit = "crew members killed"

[[figure.cite]]
source = "s"
passage = "killed 12 crew members"

[[event]]
id = "wharves-held-2021"
claim = "By June 2021 the Canal Network held the northern wharves of Port Lune, the gazette reported on a day when the harbour board also said that half of the dockers had been paid late."
date = "2021-06"
about = ["canal-network", "port-lune"]

[[event.cite]]
source = "s"
passage = "By June 2021 the Canal Network held the northern wharves of Port Lune"

[[event]]
id = "network-lost-port-lune"
claim = "The Canal Network lost Port Lune to the harbour board on 2 May 2022, according to the gazette."
date = 2022-05-02
about = ["canal-network", "port-lune"]

[[event.cite]]
source = "s"
passage = "The Canal Network lost Port Lune"

[[event]]
id = "drone-strike-bomber"
claim = "A drone strike at the harbour on 9 May 2021, meant to stop a Canal Network suicide bomber, killed ten civilians, Admiral Eve Fane said, according to the gazette."
date = 2021-05-09
about = ["canal-network", "eve-fane"]

[[event.cite]]
source = "s"
passage = "meant to stop a Canal Network suicide bomber"

[[event]]
id = "bomber-named"
claim = "The suicide bomber of 9 May 2021 was Bo Carrow, a Canal Network member, according to the gazette."
date = 2021-05-09
about = ["bo-carrow", "canal-network"]

[[event.cite]]
source = "s"
passage = "The suicide bomber of 9 May 2021 was Bo Carrow"

[[event]]
id = "ferry-list-split"
claim = "In June 2011 the harbour council split the ferry sanctions list into two lists, one for the Canal Network, according to the gazette."
date = "2011-06"
about = ["canal-network"]

[[event.cite]]
source = "s"
passage = "the harbour council split the ferry sanctions list"

[[event]]
id = "resolution-88-split"
claim = "Resolution 88 (2011) of the harbour council split the ferry sanctions list, putting the Canal Network on a list of its own, according to the gazette."
date = "2011-06"
about = ["canal-network"]

[[event.cite]]
source = "s"
passage = "Resolution 88 (2011) of the harbour council split the ferry sanctions list"

[[agreement]]
id = "harbour-accord-signed"
claim = "The Canal Network and the harbour council signed the harbour accord in Port Lune on 1 March 2020, according to the gazette."
about = ["port-lune"]
name = "Harbour accord"
parties = ["canal-network"]
signed = 2020-03-01
place = "Port Lune"

[[agreement.cite]]
source = "s"
passage = "signed the harbour accord on 1 March 2020"

[[event]]
id = "accord-signing-talks"
claim = "The harbour accord was signed on 1 March 2020 after nine days of talks, according to the gazette."
date = 2020-03-01

[[event.cite]]
source = "s"
passage = "The harbour accord was signed on 1 March 2020 after nine days of talks"

[[event]]
id = "harbour-accord-resort"
claim = "The harbour accord was signed at the Grand Lune Resort in Port Lune, according to the gazette."
date = 2020-03-01
about = ["canal-network", "port-lune"]

[[event.cite]]
source = "s"
passage = "signed at the Grand Lune Resort"

[[event]]
id = "council-no-women"
claim = "The harbour council named on 7 September 2021 had no woman member, according to the gazette."
date = 2021-09-07

[[event.cite]]
source = "s"
passage = "had no woman member"

[[event]]
id = "ferry-ban"
claim = "Resolution 88 (2011) required States to ensure that no ferries are made available to the Canal Network, according to the gazette."
date = "2011-06"
about = ["canal-network"]

[[event.cite]]
source = "s"
passage = "ensure that no ferries are made available"

[[event]]
id = "port-lune-invasion"
claim = "The Canal Network's invasion of Port Lune began on 3 April 2019, according to the gazette."
date = 2019-04-03
about = ["canal-network", "port-lune"]

[[event.cite]]
source = "s"
passage = "The Canal Network's invasion of Port Lune began"

[[quote]]
id = "fane-interview"
claim = "Eve Fane told Harbour TV that the Canal Network would come back."
text = "The Canal Network will come back."
speaker = "eve-fane"
date = 2021-08-13
about = ["canal-network"]

[[quote.cite]]
source = "s"
passage = "The Canal Network will come back."

[[quote]]
id = "fane-on-charter"
claim = "Eve Fane said on 2 May 2021 that the ferry charter would be signed within days, according to the gazette."
text = "The charter will be signed within days."
speaker = "eve-fane"
date = 2021-05-02
about = ["eve-fane"]

[[quote.cite]]
source = "s"
passage = "The charter will be signed within days."

[[entity]]
id = "cy-marsh"
name = "Cy Marsh"
kind = "person"

[[event]]
id = "marsh-founds-guild"
claim = "Cy Marsh founded the ferry guild in 1990, according to the gazette."
date = "1990"
about = ["cy-marsh"]

[[event.cite]]
source = "s"
passage = "Cy Marsh founded the ferry guild"

[[event]]
id = "carrow-heads-guild"
claim = "Bo Carrow became head of the ferry guild in 2011, after its founder Cy Marsh was killed in a raid in Harbourton, according to the gazette."
date = "2011"
about = ["bo-carrow"]

[[event.cite]]
source = "s"
passage = "Bo Carrow became head of the ferry guild in 2011"

[[synonyms]]
words = ["agreement", "accord", "deal"]
why = "An agreement between parties, as the news words it (as the built-in thesaurus)."

[[event]]
id = "fane-signs-charter"
claim = "Eve Fane signed the ferry charter in Port Lune on 4 May 2021, according to the gazette."
date = 2021-05-04
about = ["eve-fane", "port-lune"]

[[event.cite]]
source = "s"
passage = "Eve Fane signed the ferry charter"
"""


def _answers(tmp_path: Path, question: str, without: str = "") -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question, without)


def test_the_name_of_a_person_asks_who_they_are(tmp_path: Path) -> None:
    # "What was the name of the suicide bomber?" asks who the bomber was: a fact that names the
    # admiral who reported a strike on one, or the group he belonged to, gives no bomber's name.
    question = "What was the name of the suicide bomber?"
    assert _answers(tmp_path, question) == [("bomber-named", "Bo Carrow")]
    assert _answers(tmp_path, question, without="bomber-named") == []


def test_a_noun_of_a_person_asks_whom_the_claim_gives_it(tmp_path: Path) -> None:
    # "Which presenter": a person the claim calls so, not the one interviewed.
    assert _answers(tmp_path, "Which Harbour TV presenter interviewed Eve Fane?") == []


def test_which_resolution_asks_for_its_number(tmp_path: Path) -> None:
    question = "Which resolution split the ferry sanctions list?"
    assert [fact for fact, _ in _answers(tmp_path, question)] == ["resolution-88-split"]
    assert _answers(tmp_path, question, without="resolution-88-split") == []


def test_which_hotel_asks_for_a_hotel_not_any_place(tmp_path: Path) -> None:
    # A hotel is named "... Resort" or "... Hotel"; the city the accord was signed in is none.
    question = "Which hotel was the harbour accord signed at?"
    assert [fact for fact, _ in _answers(tmp_path, question)] == ["harbour-accord-resort"]
    assert _answers(tmp_path, question, without="harbour-accord-resort") == []


def test_which_city_is_answered_by_the_place_a_fact_gives(tmp_path: Path) -> None:
    # "City" is common in English, but it is what is asked: the agreement's place answers it.
    # A fact on the signing that names no place does not answer it.
    answered = [
        fact for fact, _ in _answers(tmp_path, "In which city was the harbour accord signed?")
    ]
    assert "harbour-accord-signed" in answered
    assert "accord-signing-talks" not in answered


def test_no_women_is_a_count_of_women(tmp_path: Path) -> None:
    # "Had no woman member" counts the women: none ("woman" is "women", singular or plural);
    # asked in the present tense, as of the fact's date (docs/ask-evaluation.md, rule 7j).
    assert _answers(tmp_path, "How many women are on the harbour council?") == [
        ("council-no-women", "no woman (as of 7 September 2021)")
    ]


def test_no_after_a_ban_counts_nothing(tmp_path: Path) -> None:
    # "Ensure that no ferries are made available" forbids; it does not say how many there are.
    assert _answers(tmp_path, "How many ferries were made available to the Canal Network?") == []


def test_a_verb_is_said_by_its_noun(tmp_path: Path) -> None:
    # "Invade" and "invasion": English makes a noun of the verb by a regular ending (-de,
    # -sion), which the stemmer does not join.
    assert _answers(tmp_path, "When did the Canal Network invade Port Lune?") == [
        ("port-lune-invasion", "2019-04-03")
    ]


def test_a_short_answer_names_a_body_as_its_claim_does(tmp_path: Path) -> None:
    # Not the pack's short "Hlf": the claim's longer name, as far as it goes, or its spelling.
    assert _answers(tmp_path, "Who claimed the ferry bombing?") == [
        ("ferry-bombing-claimed", "Harbour Liberation Front in Port Lune Province")
    ]
    assert _answers(tmp_path, "Who claimed the quay bombing?") == [("quay-bombing-claimed", "HLF")]


def test_a_number_naming_a_body_is_no_year_asked(tmp_path: Path) -> None:
    # "Who chairs the 1988 committee?" asks of now (1988 names the committee): the answer
    # says as of when the fact knew it.
    assert _answers(tmp_path, "Who chairs the 1988 committee?") == [
        ("fane-chairs-1988-committee", "Eve Fane (as of 20 May 2021)")
    ]


def test_the_dead_led_nothing_in_a_later_year(tmp_path: Path) -> None:
    # A fact of 2021 names the late founder beside the new head: in 2021 she led nothing.
    answered = dict(_answers(tmp_path, "Who headed the Canal Network in 2021?"))
    assert answered["carrow-named-head-2021"] == "Bo Carrow"


def test_what_someone_must_do_is_not_said_done(tmp_path: Path) -> None:
    # "Must do more ..., including to cut ties": an obligation, not that the ties were cut.
    assert _answers(tmp_path, "Did the Canal Network cut ties with smugglers?") == []


def test_a_figure_is_credited_to_whom_its_claim_credits(tmp_path: Path) -> None:
    # The outlet that carried the figure (The Gazette) only reports the authority's figure.
    assert _answers(tmp_path, "How many riders did the ferry carry a day?") == [
        ("ferry-riders", "900 riders a day, according to the Port Lune Transit Authority")
    ]


def test_a_count_of_those_something_happened_to_counts_no_others(tmp_path: Path) -> None:
    # "12 crew members killed" counts the dead, not the ferry's crew.
    assert _answers(tmp_path, "How many crew members does the ferry have?") == []
    assert [fact for fact, _ in _answers(tmp_path, "How many crew members were killed?")] == [
        "ferry-crew-killed"
    ]


def test_a_share_is_of_what_the_question_asks(tmp_path: Path) -> None:
    # "Half of the dockers" is no share of the wharves.
    assert _answers(tmp_path, "What percentage of the wharves did the Canal Network hold?") == []


def test_an_irregular_verb_is_said_in_its_other_forms(tmp_path: Path) -> None:
    # "Lose" and "lost": the stemmer leaves them apart ("lost" is also an adjective).
    assert _answers(tmp_path, "When did the Canal Network lose Port Lune?") == [
        ("network-lost-port-lune", "2022-05-02")
    ]


def test_according_to_says_no_accord(tmp_path: Path) -> None:
    # "According to the gazette" says whose word the claim is; stemmed, "according" is "accord",
    # a synonym of "agreement", which the claim does not say.
    assert _answers(tmp_path, "Did Eve Fane sign an agreement?") == []
    assert _answers(tmp_path, "Did Eve Fane sign a charter?")[0][0] == "fane-signs-charter"


def test_what_someone_said_about_something_is_said_of_it(tmp_path: Path) -> None:
    # Eve Fane's words on the ferry charter are not what she said about the Canal Network,
    # though the question's other words are her name.
    question = "What did Eve Fane say about the Canal Network?"
    assert [fact for fact, _ in _answers(tmp_path, question)] == ["fane-interview"]
    assert _answers(tmp_path, question, without="fane-interview") == []


def test_a_place_where_someone_else_was_is_not_where_the_one_asked_about_is(tmp_path: Path) -> None:
    # Harbourton is where Cy Marsh was killed, not where Bo Carrow is: Cy Marsh is a person of
    # the pack, though no fact among those on Bo Carrow names him.
    assert "carrow-heads-guild" not in [
        fact for fact, _ in _answers(tmp_path, "Where is Bo Carrow?")
    ]
