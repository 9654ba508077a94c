"""Figures: whether a fact gives a number of what the question counts, and which."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcli.ask.claims import claim_stems, claim_words, own_text, stemmed
from tqcli.ask.question import Wants, is_count, is_year, owners
from tqcli.ask.words import (
    A_YEAR,
    CALENDAR_WORDS,
    FORESEEING,
    MONTHS,
    NUMBER_WORDS,
    PREPOSITIONS,
    TIME_UNITS,
    stems,
)
from tqcli.model import Agreement, Fact, Figure, Match, PartialDate
from tqcli.textnorm import fold, tokens

if TYPE_CHECKING:
    from tqcli.ask.judging import Judged
    from tqcli.ask.question import Question


_COUNT_BEFORE = 8
_COUNT_AFTER = 4


def count_ahead(question: Question, fact: Fact) -> bool:
    """Whether a figure's count is one planned or committed to: a word looking ahead within
    eight words before its number in the claim or four after ("a first reduction ... to 8,600
    within 135 days"); where the claim does not write the number in figures, anywhere in it.
    An agreement's count of what is asked is a target where one of its commitments counts it
    by a deadline ("up to 5,000 Taliban prisoners ... released by March 10, 2020"), not how
    many were freed."""
    details = fact.details
    if isinstance(details, Agreement):
        from tqcli.ask.times import deadline_pattern, deadlines  # (times: loaded when used)

        # (Less the deadline itself: "within the first 135 days" is not a target of days.)
        return any(
            question.counted_head in (stems := stemmed(fold(re.sub(deadline_pattern(), "", text))))
            and any(is_count(word) for word in stems)
            for text in details.commitments
            if deadlines(text)
        )
    if not isinstance(details, Figure):
        return False
    claim = fold(fact.claim)
    numbers = [
        int(n) if isinstance(n, float) and n.is_integer() else n
        for n in (details.value, details.min, details.max)
        if n is not None
    ]
    spots = [
        (at, at + len(written))
        for number in numbers
        for written in {f"{number:,}", str(number)}
        if (at := _number_at(claim, written)) is not None
    ]
    if not spots:
        return re.search(FORESEEING, claim) is not None
    for start, end in spots:
        before = claim[:start].split()[-_COUNT_BEFORE:]
        after = claim[end:].split()[:_COUNT_AFTER]
        if re.search(FORESEEING, " ".join([*before, "#", *after])) is not None:
            return True
    return False


def _number_at(text: str, written: str) -> int | None:
    """Where text writes the number written as a whole number (not a part of "18,600"), if it
    does. (No pattern compiled for each number.)"""
    at = text.find(written)
    while at != -1:
        end = at + len(written)
        joined_before = at > 0 and (
            text[at - 1].isdigit() or (text[at - 1] == "," and at > 1 and text[at - 2].isdigit())
        )
        joined_after = end < len(text) and (
            text[end].isdigit()
            or (text[end] in ",." and end + 1 < len(text) and text[end + 1].isdigit())
        )
        if not joined_before and not joined_after:
            return at
        at = text.find(written, at + 1)
    return None


def counts_in_claim(question: Question, claim: str) -> bool:
    """Whether the claim gives a number of what is counted (see count_in_claim)."""
    return count_in_claim(question, claim) is not None


def count_in_claim(question: Question, claim: str) -> str | None:
    """Where the claim gives a number of what is counted (or, for "how long", of days, months,
    years ...), that phrase as the claim words it."""
    count = _any_count_in_claim(question, claim)
    if count is None or _vague(count):
        return None
    return count


_SCALES = frozenset(
    [
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
        "dozens",
    ]
)
"""Words that scale a number, and say none alone ("a trillion dollar investment", "thousands
of fighters")."""


_NONE = frozenset(("no", "zero"))
"""Words that count none of what follows them ("no woman member"): a number, zero."""
_HAVING = frozenset(
    ("had", "has", "have", "having", "with", "was", "were", "is", "are", "included", "includes")
)
"""Words after which "no X" counts the X there are: "had no woman member", "there were no"."""


def _vague(count: str) -> bool:
    """Whether a count gives no number: only a word that scales one ("trillion dollar")."""
    return not any(
        word.isdigit() or (word in NUMBER_WORDS and word not in _SCALES) or word in _NONE
        for word in count.lower().replace("-", " ").replace(",", "").split()
    )


def _any_count_in_claim(question: Question, claim: str) -> str | None:
    """count_in_claim's phrase, however vague."""
    if question.wants is Wants.DURATION:
        if _RELATIVE.isdisjoint(question.text.split()):
            # "How long were the sanctions to last?": "established for 12 months", not "to take
            # effect one month after its adoption" (a time, given from another).
            lasting = number_before(claim, TIME_UNITS, relative=False)
            if lasting is not None:
                return lasting
        return number_before(claim, TIME_UNITS)
    if question.measure:
        return number_near(claim, set().union(*map(question.group, question.measure)))
    if not question.counted:
        return None
    asked_owners = owners(question)
    # A number counts the noun it comes before, not a name that says whose they are: "13
    # British troops", not "13 August 2021 UK Defence Secretary" (a count of UKs). The words
    # the question writes as a name (capitalised, or naming something) are not what is counted.
    counted = (
        tuple(
            word
            for word in question.counted
            if word not in question.named and not question.spelled.get(word, "")[:1].isupper()
        )
        or question.counted
    )
    count = number_before(
        claim, set().union(*map(question.forms, counted)), [*map(question.group, asked_owners)]
    )
    if count is not None and of_something_else(question, tokens(claim), asked_owners):
        return None  # "al-Qaeda's estimated 200-500 men along the Afghan-Pakistani border"
    return count


_ORDINALS = {"first": frozenset(("first",)), "last": frozenset(("last", "final"))}
_ORDINALS["final"] = _ORDINALS["last"]
"""The words with which a claim says, before a post, which holder of it someone was."""
_FOUNDER = frozenset(stems("founder founders founded cofounder"))
"""The first holder of a group's post is its founder."""


def says_ordinal(question: Question, ordinal: str, head: str, claim: str) -> bool:
    """Whether the claim says which holder of the post (head) someone was as asked: the
    ordinal just before the post's word ("its first leader"), or, for the first, a founder."""
    stems = tokens(claim)
    if ordinal == "first" and any(
        word in _FOUNDER and not question.named.isdisjoint(stems[max(0, at - 4) : at + 5])
        for at, word in enumerate(stems)
    ):
        return True  # a founder of what the question names ("the founder of the Taliban")
    posts = question.group(head)
    return any(
        word in _ORDINALS[ordinal] and not posts.isdisjoint(stems[at + 1 : at + 3])
        for at, word in enumerate(stems)
    )


_ELSEWHERE = PREPOSITIONS | frozenset(
    stems("along alongside around inside outside beside in on at from into onto over under")
)
"""Prepositions after which a word says where or what else ("men along the Afghan border"),
not whose what is counted are ("soldiers of the Afghan army")."""


def of_something_else(question: Question, stems: Sequence[str], owners: Sequence[str]) -> bool:
    """Whether a word the question puts before what it counts ("Afghan" of "Afghan soldiers")
    is, in these words (a figure's unit, a claim), only after what they count and after a
    preposition that makes it another thing's ("men along the Afghan-Pakistani border")."""
    head = question.counted_head
    if head is None:
        return False
    group = question.group(head)
    at = next((n for n, word in enumerate(stems) if word in group), None)
    if at is None:
        return False
    for word in question.counted:
        if word == head or word in question.named or word in owners:
            continue
        forms = question.group(word)
        if any(w in forms for w in stems[max(0, at - 3) : at]):
            continue  # said of what is counted, before it
        later = [n for n in range(at + 1, len(stems)) if stems[n] in forms]
        if later and any(stems[n] in _ELSEWHERE for n in range(at + 1, later[0])):
            return True
    return False


def number_near(claim: str, measure: set[str]) -> str | None:
    """A number (not a year) beside a word naming the measure, at most three words before it
    ("60 years old") or four after ("a population of 38 million", "aged 60"), in one phrase:
    that phrase as the claim words it."""
    if (before := number_before(claim, measure)) is not None:
        return before
    words, stems = claim_stems(claim)
    if measure.isdisjoint(stems):
        return None
    spans = claim_words(claim)[0]
    for n, word_stem in enumerate(stems):
        if word_stem not in measure:
            continue
        for end in range(n + 1, min(len(words), n + 5)):
            phrase = claim[spans[n].start() : spans[end].end()]
            if re.search(r"[^\w\s,.-]", phrase):
                break
            if words[end] in NUMBER_WORDS or (words[end].isdigit() and not is_year(words[end])):
                return phrase
    return None


def as_number(fact: Fact, number: str) -> bool:
    """Whether the fact's own words give the number as a number, not as a year in brackets or
    of a date."""
    text = own_text(fact)
    month = "|".join(MONTHS)
    return any(
        text[at.start() - 1 : at.start()] != "("
        and not re.search(rf"(?:{month})\W*$", text[max(0, at.start() - 12) : at.start()])
        for at in re.finditer(rf"(?<!\d){number}(?!\d)", text)
    )


def number_before(
    claim: str,
    counted: set[str] | frozenset[str],
    owners: Sequence[frozenset[str]] = (),
    *,
    relative: bool = True,
) -> str | None:
    """A number at most three words before one of the counted (stemmed) words, as the claim
    words it ("13 votes", "fourteen months"); with owners (the names among what is counted:
    "Taliban" of "Taliban fighters"), only where each is said near it: at most seven words
    before the counted word or three after ("prisoners of the Taliban"); "al-Qaeda's estimated
    200-500 men" are not the Taliban's. Not relative: none that gives a time from another ("one
    month after its adoption")."""
    words, stems = claim_stems(claim)
    if counted.isdisjoint(stems):
        return None  # (one test, where the loop would find none)
    spans = claim_words(claim)[0]
    for n, word_stem in enumerate(stems):
        if word_stem not in counted or (n + 1 < len(stems) and stems[n + 1] in counted):
            # (Of counted words in a row, the last: English ends a noun phrase on its head,
            # "15 Afghan provinces", not "15 Afghan".)
            continue
        if (
            not relative
            and words[n + 1 : n + 2]
            and words[n + 1] in _RELATIVE
            and not claim[spans[n].end() : spans[n + 1].start()].strip()  # "12 months, after"
        ):
            continue
        if owners:
            nearby = set(stems[max(0, n - 7) : n + 4])
            if not all(owner & nearby for owner in owners):
                continue
        for start in range(n - 1, max(0, n - 3) - 1, -1):  # the nearest number
            phrase = claim[spans[start].start() : spans[n].end()]
            if re.search(r"[^\w\s-]", phrase):
                break  # "After 2001, fighters": a number in another phrase
            if words[start].isdigit() and CALENDAR_WORDS.intersection(
                (words[start + 1].lower(), words[start - 1].lower() if start else "")
            ):
                break  # a day of a date ("13 August 2021", "August 13"), no count
            if (
                words[start].lower() in _NONE
                and start >= n - 2
                and start > 0
                and words[start - 1].lower() in _HAVING
            ):
                # "had no woman member": a count of none, of what it comes just before (or with
                # one word between: "no female ministers") -- after a verb of having or being,
                # not a ban's "ensure that no funds ... are made available".
                return claim[spans[start].start() : spans[n].end()]
            if words[start] in NUMBER_WORDS or (
                words[start].isdigit() and not is_year(words[start])
            ):
                # With the range it ends, if it ends one: "200-500 men", "two to three years".
                first = start
                while True:
                    if (
                        first > 0
                        and words[first - 1].isdigit()
                        and len(words[first]) == 3
                        and words[first].isdigit()
                        and claim[spans[first - 1].end() : spans[first].start()] == ","
                    ):
                        first -= 1  # "6,000": one number, its groups of thousands
                    elif (
                        first > 0
                        and is_count(words[first - 1])
                        and re.fullmatch(
                            _DASH, claim[spans[first - 1].end() : spans[first].start()]
                        )
                    ):
                        first -= 1
                    elif (
                        first > 1
                        and words[first - 1] in ("to", "or")
                        and is_count(words[first - 2])
                    ):
                        first -= 2
                    elif (
                        first > 0
                        and is_count(words[first - 1])
                        and not claim[spans[first - 1].end() : spans[first].start()].strip()
                    ):
                        first -= 1  # "five thousand", "two hundred": one number
                    else:
                        break
                # With the hedge it is given with: "up to five thousand", "almost 20".
                if first > 0 and words[first - 1] in _ONE_WORD_HEDGES:
                    first -= 1
                elif first > 1 and (words[first - 2], words[first - 1]) in _TWO_WORD_HEDGES:
                    first -= 2
                return claim[spans[first].start() : spans[n].end()]
    return None


_RELATIVE = frozenset(("after", "before", "later", "earlier", "ago", "since"))
"""Words after a number of days, months, years ... that make it a time from another."""
_ONE_WORD_HEDGES = frozenset(
    {"about", "almost", "nearly", "around", "roughly", "approximately", "some", "over"}
    | {"estimated", "reportedly"}
)
_TWO_WORD_HEDGES = frozenset(
    {("up", "to"), ("at", "least"), ("at", "most"), ("more", "than"), ("fewer", "than")}
    | {("less", "than"), ("as", "many"), ("as", "much")}
)
"""The words a count is hedged with, kept in the short answer as the claim keeps them."""
_DASH = r"\s*[-\u2013\u2014]\s*"  # compiled on first use: only a range of numbers needs it
"""What joins the two numbers of a range written with a dash ("200-500", "200 – 500")."""


_TENSED = r"\b(?P<present>does|do|is|are|has|have)\b|\b(?:did|was|were|had|will|would)\b"
"""The auxiliary verb of a question, present or not (compiled on first use)."""


def figure_now(question: Question) -> bool:
    """Whether a question for a figure asks how things stand now: its first auxiliary verb is
    in the present tense ("How many fighters does al-Qaeda have?", "how many have died"),
    and it names no year."""
    if question.wants is not Wants.FIGURE or re.search(A_YEAR, question.text):
        return False
    tensed = re.search(_TENSED, question.text)
    return tensed is not None and tensed.group("present") is not None


def latest_first(question: Question, judged: list[Judged]) -> list[Judged]:
    """For a figure asked of now (figure_now): a figure says how many there were as of its date,
    so the latest comes first -- of the answers that account for as much of the question as the
    best does and are figures whose own unit names what is counted and whose it is ("fighters
    affiliated with al-Qaeda", not "Afghan government troops" in a claim that also counts the
    Taliban's), the dated ones, newest first, then the undated; the other answers after them,
    then the partial answers, each as they were. Each says as of when (see answer)."""
    answers = [item for item in judged if item.reply.match is Match.ANSWER]
    best = max((item.coverage for item in answers), default=0.0)
    counted = [*question.counted, *owners(question)]

    def current(item: Judged) -> bool:
        details = item.hit.fact.details
        if item.coverage < best or not isinstance(details, Figure):
            return False
        unit = set(tokens(details.unit))
        return all(word in unit or question.group(word) & unit for word in counted)

    eligible = [item for item in answers if current(item)]
    dated = sorted(
        (item for item in eligible if item.hit.fact.date is not None),
        key=lambda item: item.hit.fact.date or PartialDate(0),
        reverse=True,
    )
    return [
        *dated,
        *(item for item in eligible if item.hit.fact.date is None),
        *(item for item in answers if not current(item)),
        *(item for item in judged if item.reply.match is not Match.ANSWER),
    ]
