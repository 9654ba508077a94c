# ruff: noqa: E501  (claims in the pack are single strings)
"""What a question asks of its topic -- its focus: the name of a person, which resolution, which
hotel -- must be what a fact gives, not only the topic it shares. Facts here are made up for the
test, in a pack of their own."""

from __future__ import annotations

from pathlib import Path

from packs import agreement, entity, event, figure, pack_text, quote, synonyms

from conftest import answers_from_pack

_PACK = pack_text(
    event(
        "ferry-bombing-claimed",
        "The bombing of the ferry on 2 June 2021 was claimed by the Harbour Liberation Front in Port Lune Province, according to the gazette.",
        passage="was claimed by the Harbour Liberation Front",
        date="2021-06-02",
        about=["hlf"],
    ),
    event(
        "quay-bombing-claimed",
        "The HLF claimed the bombing of the quay on 3 June 2021, according to the gazette.",
        passage="The HLF claimed the bombing of the quay",
        date="2021-06-03",
        about=["hlf"],
    ),
    event(
        "fane-chairs-1988-committee",
        "Eve Fane chaired the committee established pursuant to resolution 1988 (2011) in May 2021, according to the gazette.",
        passage="Eve Fane chaired the committee",
        date="2021-05-20",
        about=["eve-fane", "committee-1988"],
    ),
    event(
        "brook-died-2013",
        "Ada Brook died in 2013, according to the gazette; she had founded the Canal Network.",
        passage="Ada Brook died in 2013",
        date="2013",
        about=["ada-brook", "canal-network"],
    ),
    event(
        "carrow-named-head-2021",
        "Bo Carrow, son of the Canal Network's founder Ada Brook, was named head of its boats in September 2021, according to the gazette.",
        passage="was named head of its boats in September 2021",
        date="2021-09",
        about=["bo-carrow", "ada-brook", "canal-network"],
    ),
    event(
        "board-says-network-must-cut-ties",
        "The harbour board said on 15 February 2021 that the Canal Network must do more to meet the terms of the harbour accord, including to cut ties with smugglers, according to the gazette.",
        passage="the Canal Network must do more to meet the terms of the harbour accord",
        date="2021-02-15",
        about=["canal-network"],
    ),
    figure(
        "ferry-riders",
        "The ferry carried 900 riders a day in 2020, according to the Port Lune Transit Authority, as the gazette reported.",
        passage="The ferry carried 900 riders a day",
        date="2020",
        value=900,
        unit="riders a day",
    ),
    figure(
        "ferry-crew-killed",
        "A blast on the ferry on 4 April 2021 killed 12 crew members, according to the gazette.",
        passage="killed 12 crew members",
        date="2021-04-04",
        value=12,
        unit="crew members killed",
    ),
    event(
        "wharves-held-2021",
        "By June 2021 the Canal Network held the northern wharves of Port Lune, the gazette reported on a day when the harbour board also said that half of the dockers had been paid late.",
        passage="By June 2021 the Canal Network held the northern wharves of Port Lune",
        date="2021-06",
        about=["canal-network", "port-lune"],
    ),
    event(
        "network-lost-port-lune",
        "The Canal Network lost Port Lune to the harbour board on 2 May 2022, according to the gazette.",
        passage="The Canal Network lost Port Lune",
        date="2022-05-02",
        about=["canal-network", "port-lune"],
    ),
    event(
        "drone-strike-bomber",
        "A drone strike at the harbour on 9 May 2021, meant to stop a Canal Network suicide bomber, killed ten civilians, Admiral Eve Fane said, according to the gazette.",
        passage="meant to stop a Canal Network suicide bomber",
        date="2021-05-09",
        about=["canal-network", "eve-fane"],
    ),
    event(
        "bomber-named",
        "The suicide bomber of 9 May 2021 was Bo Carrow, a Canal Network member, according to the gazette.",
        passage="The suicide bomber of 9 May 2021 was Bo Carrow",
        date="2021-05-09",
        about=["bo-carrow", "canal-network"],
    ),
    event(
        "ferry-list-split",
        "In June 2011 the harbour council split the ferry sanctions list into two lists, one for the Canal Network, according to the gazette.",
        passage="the harbour council split the ferry sanctions list",
        date="2011-06",
        about=["canal-network"],
    ),
    event(
        "resolution-88-split",
        "Resolution 88 (2011) of the harbour council split the ferry sanctions list, putting the Canal Network on a list of its own, according to the gazette.",
        passage="Resolution 88 (2011) of the harbour council split the ferry sanctions list",
        date="2011-06",
        about=["canal-network"],
    ),
    agreement(
        "harbour-accord-signed",
        "The Canal Network and the harbour council signed the harbour accord in Port Lune on 1 March 2020, according to the gazette.",
        passage="signed the harbour accord on 1 March 2020",
        about=["port-lune"],
        name="Harbour accord",
        parties=["canal-network"],
        signed="2020-03-01",
        place="Port Lune",
    ),
    event(
        "accord-signing-talks",
        "The harbour accord was signed on 1 March 2020 after nine days of talks, according to the gazette.",
        passage="The harbour accord was signed on 1 March 2020 after nine days of talks",
        date="2020-03-01",
    ),
    event(
        "harbour-accord-resort",
        "The harbour accord was signed at the Grand Lune Resort in Port Lune, according to the gazette.",
        passage="signed at the Grand Lune Resort",
        date="2020-03-01",
        about=["canal-network", "port-lune"],
    ),
    event(
        "council-no-women",
        "The harbour council named on 7 September 2021 had no woman member, according to the gazette.",
        passage="had no woman member",
        date="2021-09-07",
    ),
    event(
        "ferry-ban",
        "Resolution 88 (2011) required States to ensure that no ferries are made available to the Canal Network, according to the gazette.",
        passage="ensure that no ferries are made available",
        date="2011-06",
        about=["canal-network"],
    ),
    event(
        "port-lune-invasion",
        "The Canal Network's invasion of Port Lune began on 3 April 2019, according to the gazette.",
        passage="The Canal Network's invasion of Port Lune began",
        date="2019-04-03",
        about=["canal-network", "port-lune"],
    ),
    quote(
        "fane-interview",
        "Eve Fane told Harbour TV that the Canal Network would come back.",
        passage="The Canal Network will come back.",
        text="The Canal Network will come back.",
        speaker="eve-fane",
        date="2021-08-13",
        about=["canal-network"],
    ),
    quote(
        "fane-on-charter",
        "Eve Fane said on 2 May 2021 that the ferry charter would be signed within days, according to the gazette.",
        passage="The charter will be signed within days.",
        text="The charter will be signed within days.",
        speaker="eve-fane",
        date="2021-05-02",
        about=["eve-fane"],
    ),
    event(
        "marsh-founds-guild",
        "Cy Marsh founded the ferry guild in 1990, according to the gazette.",
        passage="Cy Marsh founded the ferry guild",
        date="1990",
        about=["cy-marsh"],
    ),
    event(
        "carrow-heads-guild",
        "Bo Carrow became head of the ferry guild in 2011, after its founder Cy Marsh was killed in a raid in Harbourton, according to the gazette.",
        passage="Bo Carrow became head of the ferry guild in 2011",
        date="2011",
        about=["bo-carrow"],
    ),
    synonyms(
        ["agreement", "accord", "deal"],
        "An agreement between parties, as the news words it (as the built-in thesaurus).",
    ),
    event(
        "fane-signs-charter",
        "Eve Fane signed the ferry charter in Port Lune on 4 May 2021, according to the gazette.",
        passage="Eve Fane signed the ferry charter",
        date="2021-05-04",
        about=["eve-fane", "port-lune"],
    ),
    entities=[
        "bo-carrow",
        "eve-fane",
        "canal-network",
        "port-lune",
        entity("hlf", "Hlf", "organization", aliases=["HLF", "Harbour Liberation Front"]),
        entity("committee-1988", "1988 Committee", "organization"),
        "ada-brook",
        "cy-marsh",
    ],
)


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
