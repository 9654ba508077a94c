# ruff: noqa: E501  (claims in the pack are single strings)
"""The detail a question asks, and only that (stranger 17, findings 7, 9, 17 and 18; contested
notes; docs/ask-evaluation.md, "Twenty-fifth round"): the span of time a "when" asks, the
time a measure took effect, a correction or contest that bears only on what it is about, the
doer of "at the order of X", whom a claim gives the role asked, words shown as the question
typed them, and an alias one pack gives a person another pack names. Facts here are made up,
in a pack of their own; the last tests ask the stranger's own questions of the built-in pack,
as a user sees the answers."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from packs import GAZETTE, entity, event, figure, pack_text, sanction, source
from tqcli.model import Match, NoteStance, Pack

from conftest import answers_from_pack

_PACK = pack_text(
    event(
        "board-ran-port-lune",
        "The Harbour Board ran Port Lune for five years, between 1990 and 1995.",
        passage="The Harbour Board ran Port Lune between 1990 and 1995",
        date="1990",
        end="1995",
        about=["harbour-board", "port-lune"],
    ),
    event(
        "gazette-feature-by-tom-reed",
        "The Gazette's feature “Life on the wharf”, published on 4 May 2010, was written by Tom Reed.",
        passage="Tom Reed Tuesday 4 May 2010",
        source="gazette-feature",
        date="2010-05-04",
        about=["tom-reed"],
    ),
    figure(
        "board-review-2012",
        "A Harbour Board review published in 2012 counted 40 ships in Port Lune.",
        passage="the review, published in 2012, counted 40 ships",
        date="2012",
        about=["harbour-board", "port-lune"],
        value=40,
        unit="ships",
    ),
    sanction(
        "freeze-canal-network-funds",
        "Resolution 7 decided that, if the Canal Network had not left Port Lune by 1 March 2005, all States shall freeze its funds.",
        passage="all States shall freeze the funds of the Canal Network from 1 March 2005",
        date="2005-01-10",
        about=["canal-network", "port-lune"],
        authority="Harbour Council",
        instrument="Resolution 7",
        adopted="2005-01-10",
        measures=["from 1 March 2005, unless the Canal Network complies: its funds frozen"],
        targets=["canal-network"],
    ),
    event(
        "board-captain-in-waiting",
        "The Harbour Board's current leadership considers the Canal Network's chief its captain-in-waiting, according to The Gazette.",
        passage="the board considers the network's chief its captain-in-waiting",
        date="2011",
        about=["harbour-board", "canal-network"],
    ),
    event(
        "wharf-closed-may-2003",
        "The wharf of Port Lune was closed in May 2003 at the order of harbourmaster Tom Reed, according to The Gazette.",
        passage="the wharf closed in May at the order of harbourmaster Tom Reed",
        date="2003-05",
        about=["tom-reed", "port-lune"],
        notes=[
            {
                "text": "The Gazette of 3 June 2003 dates the closure to June 2003, after the storm.",
                "stance": "contests",
            }
        ],
    ),
    entities=["harbour-board", "port-lune", "tom-reed", "canal-network"],
    sources=[
        GAZETTE,
        source(
            "gazette-feature", "Life on the wharf", "The Gazette", "news", published="2010-05-04"
        ),
    ],
)


def _answers(tmp_path: Path, question: str) -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question)


def _replies(tmp_path: Path, question: str) -> list[tuple[str, Match, str, NoteStance]]:
    from tqcli.ask import answer
    from tqcli.index import in_memory

    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    found = answer(in_memory([Pack("test", pack, "--facts")]), question, limit=0)
    return [
        (hit.fact.id, reply.match, reply.answer, reply.standing_of(hit.fact))
        for hit, reply in zip(found.hits, found.replies, strict=True)
    ]


def test_when_asks_the_whole_span_of_a_fact_with_an_end(tmp_path: Path) -> None:
    # "Between 1990 and 1995": the span, not its start alone; its start or end where asked.
    assert _answers(tmp_path, "When did the Harbour Board run Port Lune?")[:1] == [
        ("board-ran-port-lune", "1990 to 1995")
    ]
    assert _answers(tmp_path, "Until when did the Harbour Board run Port Lune?")[:1] == [
        ("board-ran-port-lune", "1995")
    ]
    assert _answers(tmp_path, "When did the Harbour Board first run Port Lune?")[:1] == [
        ("board-ran-port-lune", "1990")
    ]


def test_a_contest_of_a_date_does_not_mark_who_did_it(tmp_path: Path) -> None:
    # The note contests the month; who ordered the closure ("at the order of ... Tom Reed",
    # the doer after the noun's "of") stands. Asked when, the answer is the contested month.
    first = _replies(tmp_path, "Who ordered the closure of the wharf?")[0]
    assert first == ("wharf-closed-may-2003", Match.ANSWER, "Tom Reed", NoteStance.CONTEXT)
    first = _replies(tmp_path, "When was the wharf closed?")[0]
    assert first[:2] == ("wharf-closed-may-2003", Match.ANSWER)
    assert first[3] is NoteStance.CONTESTS


def test_when_a_measure_took_effect_is_the_time_it_applies_from(tmp_path: Path) -> None:
    # Adopted on 10 January, applied from 1 March: "take effect" asks the second.
    for question in (
        "When did the freeze on the Canal Network's funds take effect?",
        "When did the freeze of the Canal Network's funds come into force?",
    ):
        assert _answers(tmp_path, question)[:1] == [
            ("freeze-canal-network-funds", "1 March 2005")
        ], question
    assert _answers(tmp_path, "When was the freeze on the Canal Network's funds adopted?")[:1] == [
        ("freeze-canal-network-funds", "2005-01-10")
    ]


def test_when_the_article_was_published_is_its_sources_date(tmp_path: Path) -> None:
    # A fact dated the day its source (a news article) was published, naming it, dates the
    # article; a review "published in 2012" is no article.
    found = _replies(tmp_path, "When was the article published?")
    assert found[0][:3] == ("gazette-feature-by-tom-reed", Match.ANSWER, "2010-05-04")
    assert ("board-review-2012", Match.PARTIAL) in [item[:2] for item in found]


def test_who_a_claim_gives_a_role_as_a_complement(tmp_path: Path) -> None:
    # "X considers Y's chief its captain-in-waiting": not X (who considers), nor Y (who owns
    # the chief), but Y's chief, as the claim names the holder.
    for question in (
        "Who is the captain-in-waiting?",
        "Who does the Harbour Board see as its captain in waiting?",
    ):
        assert _answers(tmp_path, question)[:1] == [
            ("board-captain-in-waiting", "the Canal Network's chief")
        ], question


def test_the_strangers_span_is_answered_whole(runner: CliRunner) -> None:
    from tqcli.cli import app

    question = "When did the Taliban rule Afghanistan?"
    text = runner.invoke(app, ["ask", question, "--limit", "1"])
    data = json.loads(runner.invoke(app, ["ask", question, "--limit", "1", "--json"]).stdout)

    assert text.stdout.splitlines()[0] == "Answer: 1996 to 2001"
    assert (data[0]["answer"], data[0]["details"]["end"]) == ("1996 to 2001", "2001")


def test_a_contested_date_does_not_mark_who_ordered_it(runner: CliRunner) -> None:
    # The curators contest the article's July, not Biden's order.
    from tqcli.cli import app

    for question in (
        "Who ordered the withdrawal of American troops?",
        "Who ordered the withdrawal of US troops from Afghanistan?",
    ):
        text = runner.invoke(app, ["ask", question, "--limit", "1"])
        data = json.loads(runner.invoke(app, ["ask", question, "--limit", "1", "--json"]).stdout)
        assert text.exit_code == 0, question
        assert text.stdout.splitlines()[0] == "Answer: Joe Biden", question
        assert (data[0]["match"], data[0]["standing"]) == ("answer", None), question
    # Asked when, the July is what the curators contest.
    text = runner.invoke(app, ["ask", "When did American troops withdraw from Afghanistan?"])
    assert text.stdout.startswith("Answer (contested): 2021-07")


def test_what_an_answer_does_not_cover_is_named_as_typed(runner: CliRunner) -> None:
    # Persian words tq cannot read are named as the user typed them, not as the consonant
    # skeletons their transliteration gives ("zmny, grftnd").
    from tqcli.cli import app

    result = runner.invoke(app, ["ask", "طالبان چه زمانی کابل را گرفتند؟", "--limit", "1"])
    data = json.loads(
        runner.invoke(app, ["ask", "طالبان چه زمانی کابل را گرفتند؟", "--json"]).stdout
    )

    assert "  Does not cover: زمانی, گرفتند" in result.stdout.splitlines()
    assert "zmny" not in result.stdout
    assert all(word.isascii() is False for item in data for word in item["unmatched"])


def test_the_strangers_answers_are_the_detail_asked(runner: CliRunner) -> None:
    from tqcli.cli import app

    expected = {
        # The Independent's article, not a Republic World figure's date (2022-06).
        "When was the article published?": "Answer: 2021-09-07",
        # Resolution 1267 was adopted on 15 October 1999; its flight ban applied from 14
        # November 1999.
        "When did the flight ban on Taliban aircraft take effect?": "Answer: 14 November 1999",
        # Al-Qaeda considers the Afghan Taliban's chief its caliph-in-waiting.
        "Who is the caliph-in-waiting?": "Answer: the Afghan Taliban's chief",
        # The fact about al-Qaeda's allegiance, not the Taliban's Leadership Council's.
        "Who was the Taliban leader that al-Qaeda swore allegiance to?": (
            "Answer: Mullah Omar; Mawlawi Haibatullah Akhundzada"
        ),
    }
    for question, line in expected.items():
        text = runner.invoke(app, ["ask", question, "--limit", "1"])
        assert text.exit_code == 0, question
        assert text.stdout.splitlines()[0] == line, question


_USERS_PACK = pack_text(
    event(
        "my-taliban-downplayed-ties-late-2000s",
        "The Taliban sought to downplay its ties to al-Qaeda once before, in the late 2000s, as Asfandyar Mir of the United States Institute of Peace points out, according to The Independent.",
        passage="given that the Taliban sought to downplay its ties to al-Qaeda once before in the late 2000s",
        source="my-indy-2021",
        date="2008",
        about=["my-asfandyar-mir"],
    ),
    entities=[entity("my-asfandyar-mir", "Asfandyar Mir", "person", aliases=["Mir"])],
    sources=[
        source(
            "my-indy-2021",
            "Taliban and al-Qaeda: How are they linked?",
            "The Independent",
            "news",
            published="2021-09-07",
        )
    ],
)


def test_an_alias_one_pack_gives_names_the_same_person_in_another(
    runner: CliRunner, tmp_path: Path
) -> None:
    # The user's pack calls Asfandyar Mir "Mir"; the built-in pack's Asfandyar Mir, the same
    # name, is the one asked about: its fact on him answers, naming no one else.
    from tqcli.cli import app

    pack = tmp_path / "mypack"
    pack.mkdir()
    (pack / "facts.toml").write_text(_USERS_PACK, encoding="utf-8")
    result = runner.invoke(app, ["ask", "Who is Mir?", "--facts", str(pack), "--limit", "1"])

    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("Answer: Asfandyar Mir")
    assert "Names no one for" not in result.stdout


def test_a_fact_stating_the_words_otherwise_is_not_said_not_to_state_them(
    runner: CliRunner,
) -> None:
    # "was put on the UN's al-Qaida sanctions list on 6 October 2001" states the list, in the
    # past: not how things stand now, which the question asks (and tq match screens).
    from tqcli.cli import app

    question = "Is Egyptian Islamic Jihad on the UN sanctions list?"
    text = runner.invoke(app, ["ask", question, "--limit", "1"])
    data = json.loads(runner.invoke(app, ["ask", question, "--limit", "1", "--json"]).stdout)

    assert text.exit_code == 1
    assert text.stdout.splitlines()[1] == "  Does not state as asked: sanctions, list"
    assert (data[0]["match"], data[0]["unmatched"]) == ("partial", ["sanctions", "list"])
    # A fact that does not state the word at all still says so.
    text = runner.invoke(app, ["ask", "Did the Taliban ban television?", "--limit", "1"])
    assert text.stdout.splitlines()[1] == "  Does not state: television"
