# ruff: noqa: E501  (claims in the pack are single strings)
"""A stranger's findings on `tq ask` (notes, stranger 17, findings 2, 3, 4, 5, 9 and 11; docs/ask-
evaluation.md, "Twenty-second round (b)"), each fixed by its cause as a rule of English or of the
pack format. Facts here are made up for the test, in a pack of their own; the last tests ask
the stranger's own questions of the built-in pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from packs import entity, event, figure, pack_text, quote
from tqcli.model import Answers, Match, NoteStance

from conftest import answers_from_pack

_PACK = pack_text(
    quote(
        "fane-smugglers",
        "Eve Fane told Harbour TV that the Canal Network are smugglers.",
        passage="The Canal Network are smugglers.",
        text="The Canal Network are smugglers.",
        speaker="eve-fane",
        medium="Harbour TV",
        about=["canal-network"],
    ),
    event(
        "wharf-accord-signing",
        "Harbour Board chair Tom Reed was in Port Lune for the wharf accord of 3 May 2019 but did not sign it; it was signed by envoy Cy Marsh and Canal Network chief Ada Rook, according to the gazette.",
        passage="Tom Reed was in Port Lune for the accord but did not sign it",
        date="2019-05-03",
        about=["tom-reed", "cy-marsh", "ada-rook", "harbour-board", "canal-network"],
    ),
    event(
        "quay-flooded-2005",
        "A storm flooded the east quay of the harbour in 2005, according to the gazette.",
        passage="A storm flooded the east quay of the harbour in 2005",
        date="2005",
        about=["harbour-board"],
    ),
    event(
        "reed-chair-2005",
        "Tom Reed was the chair of the Harbour Board in 2005, according to the gazette.",
        passage="Tom Reed was the chair of the Harbour Board in 2005",
        date="2005",
        about=["tom-reed", "harbour-board"],
    ),
    event(
        "fane-reopened-quay-2020",
        "Harbour Board chair Eve Fane reopened the east quay in 2020, fifteen years after it was swamped by a storm, according to the gazette.",
        passage="Eve Fane reopened the east quay in 2020",
        date="2020",
        about=["eve-fane", "harbour-board"],
    ),
    figure(
        "accord-nine-months-before-reed-lost",
        "The wharf accord came nine months before Tom Reed, a harbourmaster, lost the chair of the Harbour Board, according to the gazette.",
        passage="came nine months before Tom Reed, a harbourmaster, lost the chair",
        value=9,
        unit="months",
        about=["tom-reed", "harbour-board"],
        notes=[
            {
                "text": "About eight months, not nine: the accord is dated 3 May 2019 and Reed lost the chair on 10 January 2020.",
                "stance": "corrects",
            }
        ],
    ),
    figure(
        "quay-bombing-killed-12",
        "The 2005 quay bombing, which the Harbour Board charged Eve Fane with planning, killed 12 people, according to the gazette.",
        passage="The 2005 quay bombing killed 12 people",
        date="2005",
        value=12,
        unit="people killed",
        about=["eve-fane", "harbour-board"],
    ),
    event(
        "fane-killed-2022",
        "Eve Fane was killed in a storm at sea in 2022, according to the gazette.",
        passage="Eve Fane was killed in a storm at sea in 2022",
        date="2022",
        about=["eve-fane"],
    ),
    figure(
        "board-paid-network",
        "The Harbour Board paid the Canal Network $5m a year, according to the gazette.",
        passage="The Harbour Board paid the Canal Network $5m a year",
        value=5000000,
        unit="US dollars",
        about=["harbour-board", "canal-network"],
    ),
    event(
        "council-pledged-to-reed",
        "After the storm of 2005, the Harbour Board's council pledged allegiance to Tom Reed as the Board's new chair, according to the gazette.",
        passage="the Harbour Board's council pledged allegiance to Tom Reed",
        date="2005",
        about=["tom-reed", "harbour-board"],
    ),
    event(
        "network-cheers-board-exit",
        "On 2 May 2021, as the last Harbour Board ships left Port Lune, the Canal Network issued a statement rejoicing at the Board exit, according to the gazette.",
        passage="the Canal Network issued a statement rejoicing at the Board exit",
        date="2021-05-02",
        about=["canal-network", "harbour-board", "port-lune"],
    ),
    entities=[
        "harbour-board",
        "canal-network",
        entity("eve-fane", aliases=["Fane", "Eve Faine"]),
        "port-lune",
        "tom-reed",
        "cy-marsh",
        "ada-rook",
    ],
)


def _answers(tmp_path: Path, question: str, without: str = "") -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question, without)


def test_who_did_x_tell_asks_the_one_told(tmp_path: Path) -> None:
    # "Who did X tell that ...": "who" is the object of "tell", the one told (the quote's
    # medium), not X; nor does "which television channel" need the fact to say "television".
    for question in (
        "Who did Fane tell that the Canal Network are smugglers?",
        "Which television channel did Fane speak to?",
    ):
        assert _answers(tmp_path, question)[:1] == [("fane-smugglers", "Harbour TV")], question


def test_a_who_answer_names_no_one_the_claim_says_did_not_do_it(tmp_path: Path) -> None:
    # "Tom Reed ... did not sign the wharf accord": he is no answer to who signed it.
    found = dict(_answers(tmp_path, "Who signed the wharf accord?"))
    assert found["wharf-accord-signing"] == "Cy Marsh"


def test_who_did_x_do_it_with_is_not_xs_own(tmp_path: Path) -> None:
    # "Who did the Canal Network sign the accord with?": not its chief, who signed for it.
    found = _answers(tmp_path, "Who did the Canal Network sign the accord with?")
    assert not [text for _, text in found if "Ada Rook" in text or "Tom Reed" in text]


def test_who_when_an_event_wants_a_fact_of_its_time(tmp_path: Path) -> None:
    # The flood was in 2005: the chair of 2020, whose fact speaks of it as fifteen years back,
    # is no answer; the chair of 2005 is.
    question = "Who was the Harbour Board chair when the east quay was flooded?"
    found = _answers(tmp_path, question)
    assert ("reed-chair-2005", "Tom Reed") in found
    assert "fane-reopened-quay-2020" not in dict(found)
    # Without the fact of its time, no answer: the other chair is partial at most.
    assert "fane-reopened-quay-2020" not in dict(_answers(tmp_path, question, "reed-chair-2005"))


def test_a_correction_of_another_detail_leaves_the_answer_standing(tmp_path: Path) -> None:
    from tqcli.ask import answer
    from tqcli.index import in_memory
    from tqcli.model import Pack

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    index = in_memory([Pack("test", pack, "--facts")])
    # "not nine" corrects the figure, not who lost the chair.
    found = answer(
        index, "Who was the harbourmaster who lost the chair of the Harbour Board?", limit=1
    )
    (reply,) = found.replies
    assert (found.hits[0].fact.id, reply.match, reply.answer) == (
        "accord-nine-months-before-reed-lost",
        Match.ANSWER,
        "Tom Reed",
    )
    assert reply.standing_of(found.hits[0].fact) is NoteStance.CONTEXT
    # Asked what it corrects, the figure, the claim is what its source said: partial.
    found = answer(
        index, "How many months before Tom Reed lost the chair did the wharf accord come?", limit=1
    )
    (reply,) = found.replies
    assert reply.match is Match.PARTIAL
    assert reply.standing_of(found.hits[0].fact) is NoteStance.CORRECTS


def test_when_was_x_killed_is_not_answered_by_a_killing_of_others(tmp_path: Path) -> None:
    # "The 2005 quay bombing, which ... charged Eve Fane with planning, killed 12 people": the
    # killing is of others; her name in an alias the pack gives ("Eve Faine") names her too.
    for question in ("what year was Eve Faine killed", "When was Eve Fane killed?"):
        found = _answers(tmp_path, question)
        assert found[:1] == [("fane-killed-2022", "2022")], question
        assert "quay-bombing-killed-12" not in dict(found), question
        # Nor is it the answer where nothing better is loaded.
        found = _answers(tmp_path, question, "fane-killed-2022")
        assert "quay-bombing-killed-12" not in dict(found), question


def test_how_mistyped_much_asks_a_figure(tmp_path: Path) -> None:
    from tqcli.ask import consider
    from tqcli.ask.question import Wants
    from tqcli.index import in_memory
    from tqcli.model import Pack

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    considered = consider(
        in_memory([Pack("test", pack, "--facts")]), "how mutch did the harbour board pay"
    )
    assert not isinstance(considered, Answers)
    assert considered.read.wants is Wants.FIGURE  # as "how much" asks


def test_a_relative_clause_says_who_did_it(tmp_path: Path) -> None:
    # "... that the Canal Network swore allegiance to": not an allegiance the council pledged.
    question = "Who was the Harbour Board chair that the Canal Network swore allegiance to?"
    assert "council-pledged-to-reed" not in dict(_answers(tmp_path, question))


def test_a_yes_no_deed_by_another_in_an_irregular_form_is_no_answer(tmp_path: Path) -> None:
    # "as the last Harbour Board ships left Port Lune" (leave, left), "rejoicing at the Board
    # exit": the Board left, not the Canal Network.
    question = "Did the Canal Network ever leave Port Lune?"
    assert "network-cheers-board-exit" not in dict(_answers(tmp_path, question))


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("Who was the US president when the Taliban were overthrown?", "Joe Biden"),
        ("Who did Panetta tell that the Taliban are terrorists?", "Leon Panetta"),
        ("Who did Wallace tell that al-Qaeda will come back?", "Ben Wallace"),
        ("Who did the Taliban sign the peace accord with?", "Mike Pompeo"),
        ("what year was bin ladin killed", "1998"),
        ("how mutch did bin laden pay the talban", "Hamza"),
        ("Who was the Taliban leader that al-Qaeda swore allegiance to?", "Mansour"),
    ],
)
def test_the_strangers_questions_of_the_built_in_pack(question: str, wrong: str) -> None:
    from tqcli.ask import answer
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    found = answer(in_memory(packs_in_effect([], environ={})), question, limit=0)
    answers = [r.answer for r in found.replies if r.match is Match.ANSWER]
    assert not any(wrong in text for text in answers), answers


def test_the_strangers_built_in_answers_right() -> None:
    from tqcli.ask import answer
    from tqcli.index import in_memory
    from tqcli.packs import packs_in_effect

    index = in_memory(packs_in_effect([], environ={}))
    expected = {
        "Who did Panetta tell that the Taliban are terrorists?": "NPR",
        "Which radio network did Panetta speak to?": "NPR",
        "Who did Wallace tell that al-Qaeda will come back?": "Sky News",
        "Who was the Republican who lost the White House?": "Donald Trump",
        "Who did the Taliban sign the peace accord with?": "United States",
        "Who was the US president when the Taliban were overthrown?": "George W Bush",
    }
    for question, text in expected.items():
        found = answer(index, question, limit=1)
        (reply,) = found.replies
        assert reply.match is Match.ANSWER, question
        assert reply.answer.startswith(text), question
