"""tq ask's precision: no fact given as "the answer" that does not say what was asked (stranger
10's findings 2, 3, 5 and 9: a leader of another group, a birth year for a founding, the date of
an announcement that says the death's date is unknown, a holder who has fled)."""

from __future__ import annotations

from typer.testing import CliRunner

from tqcli.ask import answer
from tqcli.ask.holders import left_in
from tqcli.ask.times import dates_a_report, says_not_when, time_in_words
from tqcli.cli import app
from tqcli.figures import figure_text
from tqcli.index import in_memory
from tqcli.model import Figure, Match
from tqcli.packs import packs_in_effect

from conftest import answered_ids

BUILTIN = in_memory(packs_in_effect([], environ={}))


def _answered(question: str) -> list[str]:
    return answered_ids(BUILTIN, question)


def test_who_answers_name_someone_of_what_the_question_names() -> None:
    # "... Zawahiri in due course became its leader [Egyptian Islamic Jihad's]": the claim
    # names no Taliban, so it names no Taliban leader.
    assert "zawahiri-led-egyptian-islamic-jihad" not in _answered(
        "Who was the Taliban leader in 2001?"
    )
    # A clause saying only when is not what the answer must be about.
    assert _answered("Who was UK defence secretary when the Taliban retook Kabul?")[:1] == [
        "wallace-uk-defence-secretary-2021"
    ]


def test_who_did_it_is_not_who_did_it_to_another() -> None:
    # "... son of Jalaluddin Haqqani, who founded the Haqqani Network": not the Taliban's founder.
    answered = _answered("Who founded the Taliban?")
    assert answered[:1] == ["mullah-omar-founded-taliban"]
    assert "sirajuddin-haqqani-interior-minister-2021" not in answered


def test_when_founded_is_not_a_life_span_nor_a_founders_death() -> None:
    # "Mullah Mohammed Omar (1960–2013) was the founder of the Taliban": 1960 is his birth.
    assert time_in_words("Mullah Mohammed Omar (1960–2013) was the founder of the Taliban") is None
    assert time_in_words("Omar led the Taliban in the late 1990s") == "the late 1990s"
    answered = _answered("When was the Taliban founded?")
    assert answered[:1] == ["baradar-co-founded-taliban"]
    assert "mullah-omar-founded-taliban" not in answered
    # "Al-Qaeda's founder and leader Osama bin Laden was shot dead ... on 2 May 2011".
    answered = _answered("When was al-Qaeda founded?")
    assert answered[:1] == ["al-qaeda-founded-by-bin-laden-and-azzam"]
    assert "bin-laden-killed-2011" not in answered
    # "... and welcomed the establishment of a National Focal Point": another clause than the
    # one naming the Taliban.
    assert "un-2255-preamble" not in _answered("When was the Taliban founded?")


def test_the_date_of_a_telling_or_of_an_unknown_time_dates_nothing_asked() -> None:
    # "On 14 September 2019 the White House said that Hamza bin Laden ... had been killed ...":
    # the date of the telling, not of the death (which it puts before it).
    assert dates_a_report(
        "On 14 September 2019 the White House said that Hamza bin Laden had been killed in a "
        "US counterterrorism operation",
        2019,
    )
    assert not dates_a_report("On 14 September 2019 the White House said that it would act", 2019)
    assert says_not_when("The White House said he had been killed; it did not say when.")
    assert "hamza-bin-laden-killed-announced-2019" not in _answered("When did Hamza bin Laden die?")
    assert _answered("When did the White House say Hamza bin Laden had been killed?")[:1] == [
        "hamza-bin-laden-killed-announced-2019"
    ]


def test_someone_who_fled_holds_the_post_no_more() -> None:
    names = [frozenset({"ashraf", "ghani"})]
    fled = "Afghan president Ashraf Ghani abandoned the presidential palace and fled to Tajikistan"
    assert left_in(fled, names) is False
    assert left_in("Ashraf Ghani said that the minister fled", names) is None
    found = answer(BUILTIN, "Who is the president of Afghanistan now?", limit=3)
    assert not any(
        reply.match is Match.ANSWER and reply.answer.startswith("Ashraf Ghani")
        for reply in found.replies
    )


def test_a_bound_the_qualifier_says_is_not_said_twice() -> None:
    assert figure_text(Figure(None, None, 10_000_000, "US dollars", "up to")) == (
        "up to 10,000,000 US dollars"
    )
    assert figure_text(Figure(None, 1_000_000, None, "girls", "more than")) == (
        "more than 1,000,000 girls"
    )
    assert figure_text(Figure(None, 15, None, "provinces", None)) == "15 or more provinces"
    assert figure_text(Figure(None, None, 5, "men", None)) == "up to 5 men"


# xfail from branch pack11 to pack13a: taliban-denies-un-report-2020 was the 15th of ask's 15
# candidates (they all score alike on these common words), 16th with pack11's facts in the index
# (a partial answer); with pack13a's facts (resolutions 1452 to 2716) it is among them again, and
# answers. Its place stays fragile: any fact on these words can push it out.
def test_what_a_partial_answer_leaves_out_is_said_as_the_question_wrote_it(
    runner: CliRunner,
) -> None:
    # The claim says "al-Qaeda": what it does not give is a quote, not the word "qaeda".
    result = runner.invoke(app, ["ask", "What did the Taliban say about al-Qaeda?", "--limit", "1"])

    assert "Does not cover: qaeda" not in result.stdout
    # Since pack9 added taliban-denies-un-report-2020 (a senior Taliban figure to The Telegraph,
    # 2020: "The Taliban do not need al-Qaeda any more ..."), the question has a quote for its
    # answer, not a partial one naming what it leaves out. Since the facts of 2024, the Taliban's
    # spokesman's statement of 2024 ("There is no one related to Al-Qaeda in Afghanistan ...") is
    # another such quote, and the newer one comes first.
    assert result.stdout.startswith(
        ("Answer: “The Taliban do not need al-Qaeda any more", "Answer: “There is no one related")
    )


def test_how_and_when_is_answered_in_the_claims_words_where_its_date_is_not_the_events() -> None:
    found = answer(BUILTIN, "How did Hamza bin Laden die and when?", limit=1)

    assert found.hits[0].fact.id == "hamza-bin-laden-killed-announced-2019"
    assert found.replies[0].answer == found.hits[0].fact.claim


def test_a_count_of_the_killed_or_injured_is_no_count_of_the_dead() -> None:
    # "... the attacks of 26 August 2021 ..., which killed or injured over 300 civilians".
    assert "un-2593-condemns-kabul-airport-attack" not in _answered(
        "How many civilians died in the Afghan war?"
    )
    # Said of others in the claim ("the hundreds of Afghans who were killed or injured"), it
    # leaves the count asked alone ("13 young servicemembers").
    assert _answered("How many US servicemembers were killed at Kabul airport?")[:1] == [
        "thomas-greenfield-13-servicemembers"
    ]


def test_a_word_before_what_is_counted_is_not_one_the_unit_gives_to_another_thing() -> None:
    # "estimated 200–500 men along the Afghan-Pakistani border" are no Afghan soldiers.
    answered = _answered("How many Afghan soldiers were there?")
    assert "al-qaeda-fighters-200-500" not in answered
    assert "taliban-arm-and-train-al-qaeda-men" not in answered
    assert _answered("How many al-Qaeda fighters are in Afghanistan?")


def test_what_someone_has_is_not_what_they_pay_a_year() -> None:
    # "Bin Laden's al-Qaeda reportedly paid the Taliban $20m a year".
    assert "al-qaeda-paid-taliban-20m-a-year" not in _answered("How much money does al-Qaeda have?")
    assert _answered("How much money does al-Qaeda pay the Taliban a year?")[:1] == [
        "al-qaeda-paid-taliban-20m-a-year"
    ]


def test_a_figure_answer_accounts_for_all_the_question_names() -> None:
    # "... support for the Afghan people, citing a trillion dollar investment" is not what the
    # US invested in the Afghan military (which the curators correct to about $83bn).
    assert "un-2513-us-trillion-dollar-investment" not in _answered(
        "How much did the US invest in the Afghan military?"
    )


def test_what_a_resolution_imposes_is_in_its_sanctions() -> None:
    # A sanction is what its instrument imposes: "Resolution 1267 (1999) decided that ... all
    # States shall freeze funds ..." answers what it requires, though it does not say "require".
    found = answer(BUILTIN, "What does resolution 1267 require?", limit=5)
    assert found.answered
    assert "un-1267-funds-freeze" in _answered("What does resolution 1267 require?")
    # Asked of resolution 1267, not what resolution 1390 did to "resolutions 1267 and 1333".
    answered = _answered("What sanctions did resolution 1267 impose?")
    assert "un-1390-listed-persons-not-territory" not in answered
    assert "un-1267-flight-ban" in answered


def test_a_post_is_given_in_the_facts_own_words() -> None:
    # "Abdul Ghani Baradar was arrested in Karachi in February 2010 ...", tagged "leadership".
    assert "baradar-arrested-2010" not in _answered("Who was the Taliban leader in 2010?")


def test_the_first_holder_of_a_post_is_said_to_be_first_or_the_founder() -> None:
    # "Ayman al-Zawahiri became head of al-Qaeda in 2011, after its leader Osama bin Laden was
    # killed": not its first leader.
    assert "zawahiri-head-of-al-qaeda-2011" not in _answered(
        "Who was the first leader of al-Qaeda?"
    )
    # "... son of Jalaluddin Haqqani, who founded the Haqqani Network": not the Taliban's.
    assert "sirajuddin-haqqani-interior-minister-2021" not in _answered(
        "Who was the first leader of the Taliban?"
    )


def test_when_something_began_is_not_when_it_happened() -> None:
    # "... as the Soviets began their withdrawal from Afghanistan after April 1988".
    assert "al-qaeda-founded-by-bin-laden-and-azzam" not in _answered(
        "When did the Soviets leave Afghanistan?"
    )
    assert _answered("When did the Soviets begin to leave Afghanistan?")[:1] == [
        "al-qaeda-founded-by-bin-laden-and-azzam"
    ]


def test_what_was_done_in_the_passive_is_what_comes_before_it() -> None:
    # "(the Security Council Committee established pursuant to resolution 1267 (1999))" and
    # "the Office of the Ombudsperson, first established by resolution 1904" found no al-Qaeda.
    answered = _answered("When was al-Qaeda founded?")
    assert answered[:1] == ["al-qaeda-founded-by-bin-laden-and-azzam"]
    assert "mayoral-chair-1267-committee-2006" not in answered
    assert "un-1989-ombudsperson" not in answered


def test_a_verb_the_claim_writes_only_as_a_noun_names_no_one_who_did_it() -> None:
    # "... required States to bar arms ... and funds for Usama bin Laden, Al-Qa'ida ...": bin
    # Laden did not fund al-Qaeda; nor did the Committee that "sought to block their funding".
    answered = _answered("Who funds al-Qaeda?")
    assert "un-1390-listed-persons-not-territory" not in answered
    assert "article-resolution-1267" not in answered
