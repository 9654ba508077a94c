# ruff: noqa: E501  (claims in the pack are single strings)
"""Right facts ask called partial answers, by a check that read the question or the fact wrong
in general English or in the pack format (docs/ask-evaluation.md, "Eighteenth round"). Facts
here are made up for the test, in a pack of their own."""

from __future__ import annotations

from pathlib import Path

from packs import agreement, entity, event, figure, pack_text, quote

from conftest import answers_from_pack

_PACK = pack_text(
    quote(
        "fane-will-come-back",
        "Harbour Board secretary Eve Fane told Harbour TV that the Canal Network would come back.",
        passage="The Canal Network will come back.",
        text="The Canal Network will come back.",
        speaker="eve-fane",
        speaker_role="Harbour Board secretary",
        medium="Harbour TV",
        date="2021-08-13",
        about=["canal-network"],
    ),
    quote(
        "panel-report-fane-well",
        "The panel's third report said that Eve Fane is believed to be well but too busy to travel, according to the gazette.",
        passage="She is believed to be well but too busy to travel",
        text="She is believed to be well but too busy to travel",
        speaker="dock-panel",
        medium="its third report",
        date="2021-06",
        about=["eve-fane", "dock-panel"],
    ),
    agreement(
        "wharf-accord-pledge",
        "In March 2020 the Canal Network signed a wharf accord with the Harbour Board which saw it pledge to keep smugglers out of Port Lune, according to the gazette.",
        passage="which saw it pledge to keep smugglers out of Port Lune",
        date="2020-03",
        about=["canal-network", "harbour-board", "port-lune"],
        name="wharf accord",
        parties=["canal-network", "harbour-board"],
        signed="2020-03",
        commitments=["the Canal Network to keep smugglers out of Port Lune"],
    ),
    event(
        "resolution-412-ferries",
        "Resolution 412 (2016) recalls that the Canal Network is a splinter group of the Harbour Board, according to the gazette.",
        passage="recalls that the Canal Network is a splinter group",
        date="2016-05-02",
        about=["canal-network", "harbour-board"],
    ),
    event(
        "canal-occupied-port-lune",
        "The Canal Network occupied Port Lune in 2019, according to the gazette.",
        passage="The Canal Network occupied Port Lune in 2019",
        date="2019",
        about=["canal-network", "port-lune"],
    ),
    figure(
        "canal-affiliated-pilots",
        "A Harbour Board survey published in 2022 estimated that 40 to 60 pilots affiliated with the Canal Network work the northern wharves, according to the gazette.",
        passage="estimated that 40 to 60 pilots affiliated with the Canal Network",
        date="2022",
        min=40,
        max=60,
        unit="pilots affiliated with the Canal Network",
        about=["canal-network", "harbour-board", "port-lune"],
    ),
    entities=[
        "canal-network",
        "harbour-board",
        "port-lune",
        "eve-fane",
        entity("dock-panel", "Harbour Board Dock Panel", "organization"),
    ],
)


def _answers(tmp_path: Path, question: str, without: str = "") -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question, without)


def test_a_wh_phrase_before_do_is_not_the_doer(tmp_path: Path) -> None:
    # "How many Canal-Network-affiliated pilots did the Harbour Board estimate ...": after "did"
    # come the verb and its subject (the board); the participle in the wh-phrase is no verb
    # whose doer the question names first (rule 5's "who did it to whom").
    question = "How many Canal Network-affiliated pilots did the 2022 Harbour Board survey estimate were in Port Lune?"
    assert [fact for fact, _ in _answers(tmp_path, question)] == ["canal-affiliated-pilots"]


def test_a_speaker_named_with_a_post_still_asks_the_medium(tmp_path: Path) -> None:
    # "Which outlet did Harbour Board secretary Eve Fane speak to": a name after its post and
    # whose post it is (five words) is still who spoke; the answer is where.
    question = (
        "Which broadcaster did Harbour Board secretary Eve Fane speak to about the Canal Network?"
    )
    assert _answers(tmp_path, question) == [("fane-will-come-back", "Harbour TV")]


def test_according_to_names_who_says_it_not_what_is_said(tmp_path: Path) -> None:
    # "Is Eve Fane well according to the Harbour Board's 2021 report?": the proposition is that
    # she is well; "the Harbour Board" is who says so, which the fact's speaker (the Harbour
    # Board Dock Panel) is, though its claim calls it "the panel".
    question = "Is Eve Fane well according to the Harbour Board's 2021 report?"
    assert [fact for fact, _ in _answers(tmp_path, question)] == ["panel-report-fane-well"]
    # Whoever the question says says it must be one the fact links.
    assert _answers(tmp_path, "Is Eve Fane busy according to the Canal Network?") == []


def test_what_an_accord_requires_of_them_is_what_they_pledged(tmp_path: Path) -> None:
    # "Did the accord require the Canal Network to keep smugglers out?": what it requires of
    # them is what they committed to under it (an agreement's commitments), or pledged in its
    # claim's words, which the fact need not call a requirement.
    question = "Did the wharf accord require the Canal Network to keep smugglers out of Port Lune?"
    assert [fact for fact, _ in _answers(tmp_path, question)] == ["wharf-accord-pledge"]
    # Of them, not of another it names.
    question = "Did the wharf accord require the Harbour Board to keep smugglers out of Port Lune?"
    assert _answers(tmp_path, question) == []


def test_a_year_in_brackets_cites_the_resolution(tmp_path: Path) -> None:
    # "Resolution 412 (2016)": the year it was adopted, as the UN cites it -- not a second
    # resolution numbered 2016 that the fact would have to name.
    question = "What did resolution 412 (2016) recall about the Canal Network?"
    assert [fact for fact, _ in _answers(tmp_path, question)] == ["resolution-412-ferries"]


def test_who_spoke_asks_for_the_speaker(tmp_path: Path) -> None:
    # "Spoke", "stated", "warned" are verbs of saying, as "said" is: who spoke is whoever a
    # quote is by (who says a fact is otherwise its source, not its answer).
    question = "Who spoke to Harbour TV about the Canal Network coming back?"
    assert _answers(tmp_path, question) == [("fane-will-come-back", "Eve Fane")]


def test_according_to_is_not_what_happened(tmp_path: Path) -> None:
    # "When did ... occupy Port Lune, according to the harbour almanac?": what happened is the
    # occupation; the almanac is who tells of it (rule 5 wants what happened said).
    question = "When did the Canal Network occupy Port Lune, according to the harbour almanac?"
    assert _answers(tmp_path, question) == [("canal-occupied-port-lune", "2019")]


def test_what_is_x_doing_asks_no_noun(tmp_path: Path) -> None:
    # "What is the Canal Network doing ...": a noun and a verb follow "is" (the participle of
    # a short verb, "doing", as of a long one, "seeking"); "doing" is no head noun to find in
    # the answer.
    question = "What is the Canal Network doing to keep smugglers out of Port Lune?"
    assert "wharf-accord-pledge" in [fact for fact, _ in _answers(tmp_path, question)]


_DEEDS = pack_text(
    event(
        "marsh-courier-killed",
        "Among the Dock Guild members killed in the raid of 3 May 2019 was a man known as 'Pell', a courier for the Guild's chief Ivo Marsh, according to the gazette.",
        passage="Among the Dock Guild members killed in the raid",
        date="2019-05-03",
        about=["dock-guild", "ivo-marsh"],
    ),
    event(
        "guild-moved-hall",
        "The Dock Guild moved its hall to the east quay in 2015, according to the gazette.",
        passage="The Dock Guild moved its hall to the east quay in 2015",
        date="2015",
        about=["dock-guild"],
    ),
    event(
        "marsh-elected-chief",
        "Ivo Marsh was elected chief of the Dock Guild in 2012, according to the gazette.",
        passage="Ivo Marsh was elected chief of the Dock Guild in 2012",
        date="2012",
        about=["dock-guild", "ivo-marsh"],
    ),
    entities=["dock-guild", entity("ivo-marsh", "Ivo Marsh", "person")],
)


def test_who_did_it_to_a_person_is_not_done_to_another(tmp_path: Path) -> None:
    # "Who killed Ivo Marsh?": the deed must be done to him; a claim that says it of a courier
    # of his (in a clause that does not name him) names no one who killed him.
    assert answers_from_pack(tmp_path, _DEEDS, "Who killed Ivo Marsh?") == []


_TITLES = pack_text(
    quote(
        "rook-dunmor-camp",
        "President Rook described the camp at Dunmor, Kestria, struck on 2 May 1998, as one of the busiest smuggling bases in the world, run by crews tied to Olaf Benn, according to the gazette.",
        passage="one of the busiest smuggling bases in the world",
        text="one of the busiest smuggling bases in the world",
        speaker="ada-rook",
        speaker_role="President",
        date="1998-05-02",
        about=["ada-rook", "olaf-benn", "kestria"],
    ),
    event(
        "kestria-ferry-toll",
        "Kestria raised its ferry toll in 2003, according to the gazette.",
        passage="Kestria raised its ferry toll in 2003",
        date="2003",
        about=["kestria"],
    ),
    entities=[
        entity("ada-rook", aliases=["President Rook"]),
        entity("olaf-benn", "Olaf Benn", "person"),
        entity("kestria", "Kestria", "place"),
    ],
)


def test_one_merely_named_does_not_hold_the_post_titled(tmp_path: Path) -> None:
    # "Who is the president of Kestria?": "President Rook described the camp at Dunmor,
    # Kestria, ... run by crews tied to Olaf Benn" gives the post as a title to Rook (the
    # speaker, no answer here); Olaf Benn, merely named, does not hold it.
    assert answers_from_pack(tmp_path, _TITLES, "Who is the president of Kestria?") == []
    before = _TITLES.replace("President Rook described", "Kestria's President Ada Rook described")
    assert answers_from_pack(tmp_path, before, "Who is the president of Kestria?") == []
    # The one the title is given to holds it.
    after = _TITLES.replace("President Rook described", "President Ada Rook of Kestria described")
    assert answers_from_pack(tmp_path, after, "Who is the president of Kestria?") == [
        ("rook-dunmor-camp", "Ada Rook (as of 2 May 1998)")
    ]


_PAYS = pack_text(
    event(
        "board-warned-network",
        "The Harbour Board said in 2001 that its demands were not met and that the Canal Network would now pay a price, according to the gazette.",
        passage="the Canal Network would now pay a price",
        date="2001",
        about=["harbour-board", "canal-network"],
    ),
    event(
        "guild-paid-network",
        "The Dock Guild reportedly paid the Canal Network a toll each year, according to the gazette.",
        passage="The Dock Guild reportedly paid the Canal Network a toll each year",
        date="2005",
        about=["dock-guild", "canal-network"],
    ),
    event(
        "council-permits-payment",
        "In 2009 the Dock Council decided that members might permit any payment in favour of the Canal Network, according to the gazette.",
        passage="members might permit any payment in favour of the Canal Network",
        date="2009",
        about=["canal-network"],
    ),
    event(
        "board-moved-hall",
        "The Harbour Board moved its hall to the east quay in 2015, according to the gazette.",
        passage="The Harbour Board moved its hall to the east quay in 2015",
        date="2015",
        about=["harbour-board"],
    ),
    event(
        "board-dredged-2016",
        "The Harbour Board dredged the east quay in 2016, according to the gazette.",
        passage="The Harbour Board dredged the east quay in 2016",
        date="2016",
        about=["harbour-board"],
    ),
    event(
        "board-lit-2017",
        "The Harbour Board lit the east quay in 2017, according to the gazette.",
        passage="The Harbour Board lit the east quay in 2017",
        date="2017",
        about=["harbour-board"],
    ),
    event(
        "board-fenced-2018",
        "The Harbour Board fenced the east quay in 2018, according to the gazette.",
        passage="The Harbour Board fenced the east quay in 2018",
        date="2018",
        about=["harbour-board"],
    ),
    event(
        "board-widened-2019",
        "The Harbour Board widened the east quay in 2019, according to the gazette.",
        passage="The Harbour Board widened the east quay in 2019",
        date="2019",
        about=["harbour-board"],
    ),
    entities=["harbour-board", "canal-network", "dock-guild"],
)


def test_a_yes_no_deed_is_done_by_the_doer_asked(tmp_path: Path) -> None:
    # "Did the Harbour Board pay the Canal Network?": neither "the Canal Network would now pay
    # a price" (the network pays) nor "the Dock Guild paid the Canal Network" (another payer)
    # says the board paid.
    question = "Did the Harbour Board pay the Canal Network?"
    assert answers_from_pack(tmp_path, _PAYS, question) == []
    # Nor does a fact that does not name the payer asked, however common the word it is named
    # by ("the State"): "any payment in favour of the Canal Network".
    without = _PAYS.replace("Canal Network would now pay", "Canal Network would now suffer")
    without = without.replace("reportedly paid", "reportedly met")
    without = without.replace('name = "Harbour Board"', 'name = "the State"')
    without = without.replace("The Harbour Board", "The State")
    assert answers_from_pack(tmp_path, without, "Did the State pay the Canal Network?") == []
    # The payer asked, it is the answer.
    assert [
        fact
        for fact, _ in answers_from_pack(
            tmp_path, _PAYS, "Did the Dock Guild pay the Canal Network?"
        )
    ] == ["guild-paid-network"]


_OWNED = pack_text(
    figure(
        "board-pilots-2021",
        "The Harbour Board had 900 pilots in Port Lune in 2021, including 250 from the Dock Guild, according to the gazette.",
        passage="The Harbour Board had 900 pilots in Port Lune in 2021",
        date="2021",
        value=900,
        unit="Harbour Board pilots in Port Lune",
        about=["harbour-board", "dock-guild", "port-lune"],
    ),
    event(
        "guild-moved-hall",
        "The Dock Guild moved its hall to the east quay of Port Lune in 2015, according to the gazette.",
        passage="The Dock Guild moved its hall to the east quay of Port Lune in 2015",
        date="2015",
        about=["dock-guild", "port-lune"],
    ),
    entities=["harbour-board", "dock-guild", "port-lune"],
)


def test_a_figure_of_anothers_is_no_count_of_those_asked(tmp_path: Path) -> None:
    # "How many Dock Guild pilots were in Port Lune?": the unit counts the Harbour Board's
    # pilots (a name the fact links, before the head noun), not the Dock Guild's.
    question = "How many Dock Guild pilots were in Port Lune?"
    assert answers_from_pack(tmp_path, _OWNED, question) == []
    # Asked of the board, it is the answer.
    question = "How many Harbour Board pilots were in Port Lune?"
    assert [fact for fact, _ in answers_from_pack(tmp_path, _OWNED, question)] == [
        "board-pilots-2021"
    ]
