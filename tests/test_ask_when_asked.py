# ruff: noqa: E501  (claims in the pack are single TOML strings)
"""The time a "when" asks, and only that (stranger 19, findings 1, 3, 4, 5, 6, 11, 12, 15, 16
and 26; docs/ask-evaluation.md, "Twenty-seventh round"): a bare number the facts give as a
resolution's names that resolution; a claim that dates what is asked otherwise than by its fact's
date (the past perfect, a resolution cited with another year, a start said of another thing, a
measure that took effect later) does not answer with that date; a passive "when" asks its verb.
Facts here are made up, in a pack of their own; the last tests ask the stranger's own questions
of the built-in pack."""

from __future__ import annotations

from pathlib import Path

from tqcli.ask import answer
from tqcli.index import in_memory
from tqcli.model import Match, Pack
from tqcli.packs import packs_in_effect

from conftest import answers_from_pack

_PACK = """
[[source]]
id = "s"
title = "t"
publisher = "The Gazette"
kind = "news"

[[entity]]
id = "canal-network"
name = "Canal Network"
kind = "organization"

[[entity]]
id = "harbour-council"
name = "Harbour Council"
kind = "organization"

[[entity]]
id = "port-lune"
name = "Port Lune"
kind = "place"

[[entity]]
id = "resolution-735"
name = "Resolution 735 (2006)"
kind = "document"
aliases = ["resolution 735"]

[[entity]]
id = "tom-reed"
name = "Tom Reed"
kind = "person"

[[sanction]]
id = "res-417-freeze"
claim = "Resolution 417 (1998) decided that, from 1 June 1998 unless the Canal Network complied, all States shall freeze the funds of the Canal Network and ban flights of aircraft owned by the Canal Network."
date = 1998-03-02
about = ["canal-network", "harbour-council"]
authority = "Harbour Council"
instrument = "Resolution 417 (1998)"
adopted = 1998-03-02
measures = ["from 1 June 1998, unless the Canal Network complies: its funds frozen and its aircraft banned"]
targets = ["canal-network"]

[[sanction.cite]]
source = "s"
passage = "from 1 June 1998 all States shall freeze the funds"

[[sanction]]
id = "res-602-pending-requests"
claim = "Under paragraph 3 of resolution 602 (2004) the new Committee was to consider the requests pending before the 417 Committee on the day the resolution was adopted."
date = 2004-05-10
about = ["harbour-council"]
authority = "Harbour Council"
instrument = "Resolution 602 (2004)"
adopted = 2004-05-10
measures = ["pending requests passed to the new Committee"]
targets = ["canal-network"]

[[sanction.cite]]
source = "s"
passage = "requests pending before the 417 Committee"

[[event]]
id = "report-r-2011-9"
claim = "Document R/2011/9, dated 3 March 2011, transmits the ninth report of the Harbour Team, submitted under annex I to resolution 880 (2009)."
date = 2011-03-03
about = ["harbour-council"]

[[event.cite]]
source = "s"
passage = "transmits the ninth report of the Harbour Team"

[[sanction]]
id = "res-700-continues-417"
claim = "According to the Gazette, resolution 700 (2007) continued the provisions of resolution 417, which had imposed sanctions on the Canal Network, and required States to bar arms for the Canal Network."
date = 2007-02-01
about = ["canal-network", "harbour-council"]
authority = "Harbour Council"
instrument = "Resolution 700 (2007)"
adopted = 2007-02-01
measures = ["arms embargo"]
targets = ["canal-network"]

[[sanction.cite]]
source = "s"
passage = "continued the provisions of resolution 417"

[[event]]
id = "three-delisted-2010"
claim = "The 417 Committee removed three men from its list on 25 January 2010; they would no longer be subject to the freeze imposed under resolution 417 (1998)."
date = 2010-01-25
about = ["harbour-council"]

[[event.cite]]
source = "s"
passage = "removed three men from its list"

[[sanction]]
id = "res-512-one-month"
claim = "The measures of resolution 512 (2000) against the Canal Network were to take effect one month after its adoption, and resolution 512 (2000) banned flights into and out of Port Lune."
date = 2000-12-19
about = ["canal-network", "port-lune"]
authority = "Harbour Council"
instrument = "Resolution 512 (2000)"
adopted = 2000-12-19
measures = ["in effect one month after adoption", "ban on flights into and out of Port Lune"]
targets = ["canal-network"]

[[sanction.cite]]
source = "s"
passage = "were to take effect one month after its adoption"

[[event]]
id = "res-512-in-effect"
claim = "The resolution 512 sanctions went into effect in January 2001, according to the Gazette."
date = "2001-01"
about = ["canal-network"]

[[event.cite]]
source = "s"
passage = "went into effect in January 2001"

[[sanction]]
id = "res-650-review"
claim = "In resolution 650 (2010) the Council expressed its readiness, upon the start of harbour talks between the parties in Port Lune, to review the status of the individuals and groups designated under the sanctions on the Canal Network."
date = 2010-03-10
about = ["canal-network", "harbour-council", "port-lune"]
authority = "Harbour Council"
instrument = "Resolution 650 (2010)"
adopted = 2010-03-10
measures = ["review of the designations"]
targets = ["canal-network"]

[[sanction.cite]]
source = "s"
passage = "upon the start of harbour talks"

[[sanction]]
id = "res-735-team-extended"
claim = "The Harbour Team was extended by resolution 735 (2006), according to the letter of 7 March 2007 from the Committee's Chairman."
date = "2006"
about = ["harbour-council", "resolution-735"]
authority = "Harbour Council"
instrument = "Resolution 735 (2006)"
adopted = "2006"
measures = ["mandate of the Harbour Team extended"]
targets = ["canal-network"]

[[sanction.cite]]
source = "s"
passage = "extended by resolution 735 (2006)"

[[sanction]]
id = "tom-reed-designated-2003"
claim = "Tom Reed was designated in a list of the Harbour Council's sanctions against the Canal Network."
date = 2003-04-01
about = ["tom-reed", "canal-network", "harbour-council"]
authority = "Harbour Council"
instrument = "Resolution 417 (1998)"
adopted = 2003-04-01
measures = ["funds frozen"]
targets = ["tom-reed"]

[[sanction.cite]]
source = "s"
passage = "Tom Reed was designated"
"""


def _answers(tmp_path: Path, question: str, without: str = "") -> list[tuple[str, str]]:
    return answers_from_pack(tmp_path, _PACK, question, without)


def _judged(tmp_path: Path, question: str) -> dict[str, Match]:
    """How each candidate is judged, before answers that disagree with the first are moved."""
    from tqcli.ask.answering import Considered, consider

    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    considered = consider(in_memory([Pack("test", pack, "--facts")]), question)
    assert isinstance(considered, Considered)
    return {item.hit.fact.id: item.reply.match for item in considered.judged}


def _first(tmp_path: Path, question: str) -> tuple[str, Match, str]:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    found = answer(in_memory([Pack("test", pack, "--facts")]), question, limit=1)
    return found.hits[0].fact.id, found.replies[0].match, found.replies[0].answer


def test_a_bare_number_the_facts_give_as_a_resolutions_names_it(tmp_path: Path) -> None:
    # "The 417 Committee" gives the number, but not as resolution 417's: resolution 602 passing
    # the requests pending before it "on the day the resolution was adopted" is not 417's date.
    # (This pack has no thesaurus: "passed" and "adoption" are the built-in pack's synonyms.)
    question = "when was 417 adopted"
    assert ("res-602-pending-requests", "2004-05-10") not in _answers(tmp_path, question)
    assert _answers(tmp_path, question)[:1] == [("res-417-freeze", "1998-03-02")]


def test_a_number_before_a_body_names_the_body() -> None:
    # "The 1267 Monitoring Team", "the 1267 Consolidated List": the body, not the resolution.
    from tqcli.ask.question import read_question
    from tqcli.ask.resolutions import bare_resolutions

    index = in_memory(packs_in_effect([], environ={}))
    facts = [hit.fact for hit in index.ranked(["1267"], _no_filters(), 20)]
    for text, numbers in (
        ("when was 1267 adopted", {"1267"}),
        ("who leads the 1267 monitoring team", set()),
        ("which resolution moved the taliban off the 1267 consolidated list", set()),
        ("what happened in 1999", set()),
    ):
        assert bare_resolutions(read_question(index, text), facts) == numbers, text


def _no_filters() -> object:
    from tqcli.model import Filters

    return Filters()


def test_a_number_that_reads_as_a_year_names_a_resolution_only_as_a_subject() -> None:
    from tqcli.ask.question import read_question
    from tqcli.ask.resolutions import bare_resolutions

    index = in_memory(packs_in_effect([], environ={}))
    facts = [hit.fact for hit in index.ranked(["1988"], _no_filters(), 20)]
    assert bare_resolutions(read_question(index, "when was 1988 adopted"), facts) == {"1988"}
    assert bare_resolutions(read_question(index, "soviet withdrawal 1988"), facts) == set()


def test_a_report_citing_a_resolution_with_another_year_does_not_date_it(tmp_path: Path) -> None:
    # "Document R/2011/9, dated 3 March 2011, ... under annex I to resolution 880 (2009)": the
    # report's date is no date of resolution 880; the year it cites it with is, at most.
    assert _answers(tmp_path, "When was resolution 880 adopted?") == []
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    found = answer(
        in_memory([Pack("test", pack, "--facts")]), "When was resolution 880 adopted?", 0
    )
    replies = {hit.fact.id: reply for hit, reply in zip(found.hits, found.replies, strict=True)}
    assert replies["report-r-2011-9"].match is Match.PARTIAL
    assert replies["report-r-2011-9"].answer == "2009"


def test_a_sanction_gives_the_day_its_instrument_was_adopted(tmp_path: Path) -> None:
    # "Resolution 735 (2006) ... adopted 2006": not "March 2007", the letter's time.
    assert _first(tmp_path, "when was resolution 735 adopted") == (
        "res-735-team-extended",
        Match.ANSWER,
        "2006",
    )


def test_what_a_claim_puts_in_the_past_perfect_happened_before_its_date(tmp_path: Path) -> None:
    # "... resolution 417, which had imposed sanctions on the Canal Network" (2007): the
    # imposing came before; the note's date is not when.
    question = "when did the Harbour Council first impose sanctions on the Canal Network"
    assert _judged(tmp_path, question)["res-700-continues-417"] is Match.PARTIAL


def test_what_was_done_under_a_resolution_of_another_year_is_not_dated_by_the_fact(
    tmp_path: Path,
) -> None:
    # "... the freeze imposed under resolution 417 (1998)", in a fact of 2010.
    question = "when did the freeze from resolution 417 come into force"
    assert _answers(tmp_path, question)[:1] == [("res-417-freeze", "1 June 1998")]
    assert _answers(tmp_path, question, without="res-417-freeze") == []


def test_took_effect_is_the_time_a_fact_says_it_applied_from(tmp_path: Path) -> None:
    # Adopted on 19 December 2000, "to take effect one month after its adoption": the fact saying
    # it went into effect in January 2001 answers; the adoption does not.
    assert _answers(tmp_path, "when did resolution 512 take effect")[:1] == [
        ("res-512-in-effect", "January 2001")
    ]
    assert (
        _answers(tmp_path, "when did resolution 512 take effect", without="res-512-in-effect") == []
    )
    # "Into force" is no armed force, and a fact that gives no time it applied from is none.
    question = "when did the freeze take effect"
    assert _answers(tmp_path, question, without="res-512-in-effect")[:1] == [
        ("res-417-freeze", "1 June 1998")
    ]
    assert {fact_id for fact_id, _ in _answers(tmp_path, question, without="res-417-freeze")} <= {
        "res-512-in-effect"
    }


def test_the_start_of_a_measure_is_when_it_applied_from(tmp_path: Path) -> None:
    # Resolution 512 banned flights when adopted, to apply later; resolution 417's ban applied
    # from 1 June 1998.
    assert _answers(tmp_path, "when did the flight ban start")[:1] == [
        ("res-417-freeze", "1 June 1998")
    ]
    assert _answers(tmp_path, "when did the flight ban start", without="res-417-freeze") == []


def test_a_start_said_of_another_thing_is_no_start_asked(tmp_path: Path) -> None:
    # "Upon the start of harbour talks ... the sanctions on the Canal Network": the talks start.
    for question in (
        "when did the sanctions on the Canal Network start",
        "when did the sanctions on the Canal Network begin",
    ):
        assert ("res-650-review", "2010-03-10") not in _answers(tmp_path, question), question


def test_a_passive_when_asks_its_verb(tmp_path: Path) -> None:
    # "When was Tom Reed removed from the list?": his designation on a list says no removal.
    assert _answers(tmp_path, "when was Tom Reed removed from the sanctions list") == []
    assert _answers(tmp_path, "when was Tom Reed designated")[:1] == [
        ("tom-reed-designated-2003", "2003-04-01")
    ]


_BUILTIN = in_memory(packs_in_effect([], environ={}))


def _builtin_first(question: str) -> tuple[str, Match, str]:
    found = answer(_BUILTIN, question, limit=1)
    if not found.hits:
        return "", Match.PARTIAL, ""
    return found.hits[0].fact.id, found.replies[0].match, found.replies[0].answer


def test_the_strangers_when_questions_of_the_built_in_pack() -> None:
    # Since pack17c, a fact dates bin Laden's removal: its day, not the listing's it also gives.
    assert _builtin_first("when was bin laden removed from the sanctions list")[1:] == (
        Match.ANSWER,
        "2013-02-21",
    )
    # Each is a date of what is asked, or no answer: never another's date as the answer.
    for question in ("when was 1267 adopted", "1267 adoption date", "what year was 1267 passed"):
        assert _builtin_first(question)[1:] == (Match.ANSWER, "1999-10-15"), question
    for question in (
        "when did the 1267 sanctions take effect",
        "when did the sanctions from resolution 1267 come into force",
        "when did the asset freeze take effect",
        "when did the flight ban start",
    ):
        assert _builtin_first(question)[1:] == (Match.ANSWER, "14 November 1999"), question
    assert _builtin_first("when did resolution 1333 take effect")[1:] == (
        Match.ANSWER,
        "January 2001",
    )
    assert _builtin_first("when was resolution 1735 adopted")[1:] == (Match.ANSWER, "2006")
    for question in (
        "when did the UN first impose sanctions on the Taliban",
        "when did the sanctions on the taliban start",
        "When was resolution 2368 adopted?",
        "What did resolution 2368 decide?",
    ):
        assert _builtin_first(question)[1] is Match.PARTIAL, question
