"""Judging a candidate fact: how much of the question it accounts for, and whether it answers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.claims import (
    claim_stems,
    kind,
    name_spans,
    own_text,
    own_words,
    short_text,
    stemmed,
    written,
)
from tqcli.ask.counts import (
    as_number,
    count_ahead,
    count_in_claim,
    counts_in_claim,
    number_near,
    of_something_else,
    says_ordinal,
)
from tqcli.ask.doers import (
    asks_a_denial,
    doer_asked,
    doer_reversed,
    happened_unasked,
    only_seems,
)
from tqcli.ask.question import (
    Wants,
    asks_deadline,
    derived,
    documents,
    is_year,
    leading_content,
    number,
    numbers,
    owners,
)
from tqcli.ask.short_answers import short_answer
from tqcli.ask.words import (
    A_YEAR,
    BECOME,
    BEGAN,
    CAPITALISED_NAME,
    DID,
    DIGIT,
    DOCUMENT_NUMBERS,
    ENJOINING,
    EVENT_WEIGHT,
    FORESEEING,
    FUNCTION_WORDS,
    HYPHENATED,
    KIN,
    KIND_NOUNS,
    MONTHS,
    OBLIGING,
    PERSON_ROLES,
    SAYING,
    SUCCESSION,
    TIME_UNITS,
    WHO_IS,
    WORD,
    stems,
)
from tqcli.model import (
    Catalog,
    EntityKind,
    Fact,
    Figure,
    Hit,
    Match,
    NoteStance,
    Quote,
    Reply,
    Sanction,
)
from tqcli.textnorm import fold, stem, tokens

if TYPE_CHECKING:
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question


_SYNONYM_CREDIT = 0.8
"""What a word's synonym (from the packs' thesaurus, [[synonyms]]) counts for, against the word
itself: a question's word also matches its group ("died" finds "killed")."""
_BOOST = 1.6
ANSWER_COVERAGE = 0.5
"""An answer must account for at least this share of the question's content weight."""
_EVENT_COVERAGE = 0.4
"""A "when" answer must account for at least this share of the question's words that name
nothing it names (what happened: "die", "first capture ... 1996")."""
_FULL_COVERAGE = 0.95
"""A fact that accounts for this share of the question says all it says."""
_ON_POINT = 0.5
"""How much of what a question asks of what it names a fact must speak of to be a partial
answer (see judge's on_point)."""
_UNMATCHED_SHOWN = 0.5
_RATE = r"\b(?:a|an|per|each|every)\b|/"  # compiled on first use (re caches it)
"""Where a unit turns into a rate: "US dollars a day" counts dollars, not days."""


def _measured(unit: str) -> str:
    """What a figure's unit counts: its words before any rate ("a day", "per year")."""
    return re.split(_RATE, unit, maxsplit=1)[0]


_PERSON = r"\bwho\b"  # compiled on first use (re caches it)


_STARTING = frozenset(stems("begin began begun start started starting first become became"))
"""Words that ask when something began."""


_COMMITMENT_ASKED = (
    r"(?:\w+ )?(?:(?:what|which)(?: \w+)? )?(?:did|does|do|has|have|had) (?:\w+ ){1,4}?"
    r"(?:promise|promised|pledge|pledged|commit|committed|agree|agreed|vow|vowed|undertake"
    r"|undertook)\b"
)
"""What X committed to ("What did the Taliban promise ...?", "which groups did the Taliban
pledge to keep out"), or whether ("Did the Taliban promise to ...?"): compiled on first use."""
_DAY_ASKED = (
    r"\b(?:what|which|exact) (?:exact )?(?:date|day)\b(?! (?:of|in) the (?:year|month|week)\b)"
)
"""A day asked ("on what date", "what day", "the exact date"; not "what day of the week"):
compiled on first use."""
# Nouns whose content is the phrase that follows them ("the purpose of resolution 1267", "the
# relationship between the Taliban and al-Qaeda": shell nouns, in the grammarians' word): an answer
# gives that content, and need not use the noun.
_SHELL_NOUNS = frozenset(
    stems(
        "purpose aim goal objective reason result outcome effect impact consequence role "
        "significance meaning nature content contents status position stance view attitude "
        "relationship relation relations link links connection connections situation idea issue "
        "problem difference response reaction point gist substance grounds basis incident "
        "event episode development step steps action actions move"
    )
)
_NAMED_KINDS = {
    noun: frozenset(map(stem, words.split()))  # (a few words: the stems table lists literals)
    for noun, words in (
        (stem("hotel"), "hotel resort inn"),
        (stem("university"), "university college"),
        (stem("institute"), "institute institution"),
        (stem("tank"), "institute institution center centre foundation council endowment"),
    )
}
"""Of KIND_NOUNS, those narrower than a place or an organisation, and the words their names
carry in English: a hotel is named "... Hotel", a think tank "... Institute", "... Center" --
not any place (Afghanistan) or body (the Taliban) a fact names."""
_WHERE = re.compile(r"(?:\w+ )*?where\b")
"""A question with the word "where" (see judge)."""
_IMPOSING = frozenset(stems("impose imposed require required put placed"))
"""Verbs with which a question asks what an instrument imposes: a sanction's measures."""
_SHARE_GIVEN = (
    r"\d\s*%|\b(?:\d+(?:\.\d+)?|\w+) (?:per ?cent|percent)\b|\bpercentage\b|\bproportion"
    r"|\b(?:a|one|two|three) (?:half|third|thirds|quarter|quarters|fifth|fifths|tenth)\b"
    r"|\b(?:half|majority|minority) of\b|\b(?:one|two|three|\d+) (?:in|out of) (?:\d+|\w+)\b"
)
"""How a fact gives a share: a percentage, a fraction, "one in ten" (compiled on first use)."""
_SHARE_NEAR = 60
"""How many characters from a share a word of what it is a share of may be, to be said of it."""
_WHERE_ASKED = re.compile(r"(?:\w+ )?where\b")
"""A question asking where ("Where is ...", "and where ..."), not a clause ("the house where")."""
_HAPPENED = re.compile(r"\b(?:where|how) (?:was|were|did|does|do|is|are)\b")
"""Questions on where or how something happened, or is: "where was he born", "how did he die"."""
_KIN_OF_BODIES = frozenset(stems("attacker signatory author writer"))
"""Of KIN, those a body may be too ("the attackers were ISIS-K", "signatories"); the others
are people: "the suicide bomber" is not Isis."""
_REASON = (  # compiled on first use: only "why" questions need it
    r"\b(?:because|reason|reasons|recogni[sz]ing that|for the purpose of|in order to|so as to|"
    r"so that|due to|owing to|on (?:\w+ )?grounds|in response to|in retaliation|aimed at|"
    r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbe )"
    r"to (?:avert|avoid|prevent|ensure|deter|punish|pressure)|for (?:his|her|its|their) role|"
    r"as a result of|motivated|rationale)\b"
)
"""Words that give a reason: "recognizing that", "for the purpose of averting", "on
humanitarian grounds" -- an infinitive of purpose, not one after "be" that says what something
is ("the Taliban's policy was to avoid being seen with al-Qaeda")."""
_NAMING = r"\b(?:known as|called|calling|styled|referred to as|named|dubbed)\b"
"""Words by which a claim gives something a name ("styled in the text as ...")."""
_A_DAY = rf"\b\d{{1,2}} (?:{'|'.join(MONTHS)})\b|\b(?:{'|'.join(MONTHS)}) \d{{1,2}}\b"
"""A day of a month in a claim ("13 August", "August 13"): compiled on first use."""


class Judged(msgspec.Struct, frozen=True):
    """A candidate fact as judged. (A Struct, as Question is: made in C.)"""

    hit: Hit
    coverage: float
    score: float
    reply: Reply
    who: tuple[str, ...] = ()
    """For "who": the people (else organisations) the fact names that the question does not."""
    elsewhere: bool = False
    """Whether the fact accounts nowhere for a name the question gives (it is about another
    one): such a partial answer comes after those about what the question names."""
    on_point: bool = True
    """For a yes/no question: whether the fact says something of what it is about and of what
    it asks of that (its subject and its predicate)."""
    fits: bool = False
    """Whether it is the kind of answer the question asks for (see _fits)."""
    defines: bool = False
    """For "What is X?": whether the claim says what X is (see _defines)."""

    def rank(self) -> tuple[bool, bool, float]:
        """The order of answers: answers first, then partial answers about what the question
        names, each by score."""
        return (self.reply.match is not Match.ANSWER, self.elsewhere, -self.score)


def _obliges(question: Question, fact: Fact) -> bool:
    """deeds.obliges, with deeds loaded only when a question asks what an instrument does."""
    from tqcli.ask.deeds import obliges

    return obliges(question, fact)


def judge(question: Question, hit: Hit, lookups: Lookups) -> Judged:
    """How far the fact answers the question, and how it ranks."""
    fact = hit.fact
    catalog = lookups.catalog
    own = own_words(fact)
    named = {entity_id: lookups.name_words(entity_id) for entity_id in fact.entities()}
    # What the fact is about in its curators' words: its tags and its id.
    labelled = own | set(tokens(" ".join((*fact.tags, fact.id.replace("-", " ")))))
    topic = labelled.union(
        *(lookups.asked_names(entity_id, question.weights) for entity_id in named)
    )
    thing = None
    if question.wants is Wants.DATE:
        from tqcli.ask.times import SOURCE_NOUNS, dated_thing, source_nouns

        thing = dated_thing(question)
        if thing in SOURCE_NOUNS:
            # "When was the article published?": a fact dated the day its source was
            # published, naming it, dates the article (a news source's document).
            topic = topic | source_nouns(fact, catalog)
    credits = {word: credit(question, word, topic) for word in question.weights}
    if thing is None and question.wants is Wants.DATE and question.resolutions:
        from tqcli.ask.times import adopts

        # "When was resolution 1735 adopted?": a sanction whose instrument it is gives the
        # day it was adopted (its `adopted`), whether or not its claim says "adopted".
        credits.update(dict.fromkeys(adopts(question, fact), 1.0))
    effect: frozenset[str] = frozenset()
    if question.wants is Wants.DATE:
        from tqcli.ask.times import effect_asked, effect_time

        if effect := effect_asked(question):
            # "When did the asset freeze take effect?", "... come into force": said by a time
            # the fact gives it applied from, not by "effect" or "forces" elsewhere in it.
            gives = 1.0 if effect_time(question, fact) else 0.0
            credits.update(dict.fromkeys(effect, gives))
    coverage = share(question.weights, credits)
    fits, who = _fits(question, fact, labelled, named, lookups)
    if who or question.wants is Wants.SOMEONE:
        # (roles: loaded for the questions for someone, and the facts that name whom they ask)
        from tqcli.ask.roles import done_to_asked, succession
    if who and succession(question) and all(credits[word] for word in question.named):
        # "Who replaced Zawahiri?": a claim that names all the question names and says someone
        # came into a post that one of them left (_came_in: "Saif al-Adel ... is now the de
        # facto leader ...; ... Zawahiri's death") says the succession in its own words.
        credits.update(
            (word, _SYNONYM_CREDIT) for word in SUCCESSION & credits.keys() if not credits[word]
        )
        coverage = share(question.weights, credits)
    if (
        not fits
        and question.wants is Wants.SOMEONE
        and coverage >= _FULL_COVERAGE
        and not re.search(WHO_IS, question.text)  # "who is the Ombudsperson" wants a name
        # Unless those it names play another role ("Baradar led the Taliban's negotiating
        # team" for "who negotiated for the US").
        and fact.id not in lookups.out_of_role
        and not succession(question)  # a successor is someone the fact names
        and done_to_asked(question, fact)
    ):
        from tqcli.ask.quotes import says_doing  # (as the other quotes' rules: loaded when used)

        if says_doing(question, own):
            # "Who did the Taliban ask to join its government?": women. A fact that says all
            # the question says answers "who" with whom it names, though no person or group it
            # links.
            fits = True
    # A year the question names is the one it asks about: "fighters in Afghanistan in 2001" are
    # not counted by a figure of 2021. So is any number of three digits or more, cardinal or
    # ordinal: "resolution 2513" is not resolution 1333, nor "8,600 troops" another count, nor
    # "the 7590th meeting" the 8742nd. The fact may write it either way ("meeting 8742").
    other_years = [
        word
        for word in question.weights
        if len(digits := number(word)) > 2
        and not credit(question, word, own)
        and digits not in numbers(own)
    ]
    # A name the question gives says which one it asks about ("the prime minister of Japan"):
    # a fact that accounts for it nowhere -- its words, date, tags, id, the names of its
    # entities, a synonym -- is about another one, at most a partial answer.
    unnamed = tuple(
        question.spelled[word]
        for word, parts in question.names
        if not _accounted(question, parts, topic)
    )
    # "Resolution 2001" is not a resolution of 2001 ("Resolution 1363 (2001)"); "in 1999" is
    # not the year that names a resolution ("resolution 1267 (1999)").
    other_years += [digits for digits in question.documents if not as_number(fact, digits)]
    if question.times:
        from tqcli.ask.times import as_time  # (times: loaded for the questions on times)

        other_years += [year for year in question.times if not as_time(fact, year)]
    unnamed_resolution = False
    if question.resolutions and not question.resolutions & documents(
        fold(own_text(fact)), resolutions=True
    ):
        # "When was resolution 1267 adopted?" is not answered by resolution 1988's passing
        # its pending requests to a new committee "on the day the resolution was adopted",
        # though "the 1267 Committee" gives the number.
        other_years += sorted(question.resolutions)
        unnamed_resolution = question.wants is Wants.DATE
    answers = fits and coverage >= ANSWER_COVERAGE and not other_years and not unnamed
    if answers and thing is not None:
        # "When was the article published?" is not answered by "a UN report published in
        # 2022": the date is of what the question's subject names, which the fact must say.
        answers = bool(credits[thing])
    about = question.named - question.subordinate
    if answers and about and question.wants is Wants.ANYTHING and _WHERE_ASKED.match(question.text):
        from tqcli.ask.places import places_named

        # "Where did Ghani flee?" is not answered by where refugees fled: the place must be
        # his, and the fact's own words say so -- not only its links ("where did Mullah Omar
        # die?" is not where Najibullah was killed, on a fact linking Omar). A place the
        # question names says where the answer lies ("al-Qaeda's men in Afghanistan" are
        # "along the Afghan-Pakistani border").
        said_of = own.union(
            *(
                lookups.asked_names(entity_id, question.weights)
                for entity_id in named
                if lookups.named_in(entity_id, own)
            )
        )
        answers = all(
            credit(question, word, said_of) for word in about - places_named(question, lookups)
        )
    if (
        answers
        and about
        and (
            (
                question.wants in (Wants.SOMEONE, Wants.FIGURE)
                and not all(credits[word] for word in about)
            )
            # A date may be of what happened to one of the things named ("when were the
            # Taliban and al-Qaida sanctions split": the Taliban's put on a list of their own).
            or (question.wants is Wants.DATE and not any(credits[word] for word in about))
        )
    ):
        # "Who was the Taliban leader in 2001?" is not answered by whoever led Egyptian Islamic
        # Jihad, nor "when was the Taliban founded?" by al-Qaeda's founding: a "who" or "when"
        # answer is about all the question names (the Taliban, however common in the loaded
        # facts), in its words, its tags or the names of what it names -- but for a clause
        # that only says when ("... when the Taliban retook Kabul").
        answers = False
    if answers and not all(
        credits[word] for word in question.subject if question.weights[word] >= EVENT_WEIGHT
    ):
        # "How much did the women pay?" is not answered by what al-Qaeda paid the Taliban: the
        # subject of the question's verb is who did it, which the answer speaks of.
        answers = False
    if answers and question.amount_of is not None and not credits[question.amount_of]:
        # "How much did the students pay?" is not answered by a count of students enrolled: a
        # bare "how much" is an amount of what the verb does, which the answer speaks of.
        answers = False
    if answers and question.wants in (Wants.SOMEONE, Wants.DATE) and question.happened:
        # What happened, said of another than what the question names: "Jalaluddin Haqqani,
        # who founded the Haqqani Network" did not found the Taliban; and of the doer only
        # ("Al-Qaeda's founder ... was shot dead on 2 May 2011") it dates no founding.
        # (deeds: loaded for the questions whose form needs its rules, as here.)
        from tqcli.ask.deeds import as_doer, as_verb, of_another

        answers = not any(
            (as_verb(question, word) and of_another(question, word, fact.claim))
            or (question.wants is Wants.DATE and as_doer(question, word, own))
            for word in question.happened
            if credits.get(word)
        )
    listing = False
    if question.wants is Wants.DATE and isinstance(fact.details, Sanction):
        from tqcli.ask.listings import dates_its_listing

        # "When was Baradar listed?": a list's own entry dates it, however it words it.
        listing = dates_its_listing(question, fact, lookups)
    if answers and question.wants is Wants.DATE and question.happened and not listing:
        # A date is of what happened to what the question names only where one clause says
        # both: "... and welcomed the establishment of a National Focal Point" dates no founding
        # of al-Qaeda, which the claim names in another clause. Any name of it will do.
        event_subject = set(question.named - question.subordinate).union(
            *(
                lookups.heads(entity_id)
                for entity_id in named
                if lookups.asked_names(entity_id, question.weights)
            )
        )
        said = {word for word in question.happened if credit(question, word, own)}
        from tqcli.ask.deeds import in_one_clause, only_begun

        answers = (
            not event_subject
            or not said
            or in_one_clause(question, said, fact.claim, event_subject)
        )
        if answers and said and _STARTING.isdisjoint(question.weights):
            # "... as the Soviets began their withdrawal from Afghanistan after April 1988":
            # when it began, not when the Soviets left (unless a start is asked).
            answers = not only_begun(question, said, fact.claim)
    if (
        answers
        and question.wants is Wants.SOMEONE
        and any(
            kind(entity_id, catalog) is EntityKind.PERSON and not words.isdisjoint(question.named)
            for entity_id, words in named.items()
        )
        and not done_to_asked(question, fact)
    ):
        # "Who killed Zawahiri?": the deed is done to the person the question names, not to
        # another the claim links him to ("... killed in the raid was 'Raihan', a courier
        # for ... Zawahiri" names no one who killed Zawahiri). Nor is it the kind of answer
        # asked, that two rankers' agreement could make one (_agreed).
        fits = answers = False
    if answers and (question.polar or question.wants is Wants.SOMEONE):
        from tqcli.ask.deeds import other_doer

        if other_doer(question, fact.claim, named):
            # ("Did the US pay the Taliban?" -- "the Taliban would now pay a price".)
            answers = False
    done_to: str | None = None
    if question.polar or question.wants is Wants.DATE:
        from tqcli.ask.deeds import done_to_another

        done_to = done_to_another(question, fact.claim, named)
    if answers and done_to is not None and not listing:
        # ("Was Akhundzada killed ...?" -- "a drone strike killed his predecessor Mansour".)
        answers = False
    if (
        answers
        and question.polar
        and re.match(DID, question.text)
        and (deed := doer_asked(question)) is not None
        and not any(credits.get(word) for word in deed[1])
    ):
        # Nor by a fact that does not name the doer asked at all: "any payment in favour of
        # listed individuals" says nothing of the US paying the Taliban.
        answers = False
    if answers and question.named and doer_reversed(question, fact.claim, own):
        # "How much did the Taliban pay al-Qaeda?" is not answered by "al-Qaeda paid the
        # Taliban": who did it to whom, the other way round.
        answers = False
    if question.since is not None and (fact.date is None or fact.date.year < question.since):
        answers = False
    if answers and (
        question.wants in (Wants.DATE, Wants.DURATION) or _HAPPENED.search(question.text)
    ):
        # "When did Mullah Omar die?", "Where was Zawahiri born?": a fact naming him is no
        # answer unless it says what the question asks of him (its words that name nothing).
        # A verb as common as "go", "get" or "do" says too little of what happened to ask it
        # ("where did Ghani go": he fled).
        # A name the question writes ("the Soviet Union") says what it is about, as an entity's
        # name does; and "according to the article" says who tells it, not what happened.
        from tqcli.ask.quotes import attributed

        about = question.named.union(
            *(forms for _, parts in question.names for forms in parts), attributed(question)
        )
        asked = {
            word: weight
            for word, weight in question.weights.items()
            if word not in about and weight >= EVENT_WEIGHT
        }
        answers = not asked or share(asked, credits) >= _EVENT_COVERAGE
    if answers and question.future is not None:
        from tqcli.ask.times import foresees  # (times: loaded for the questions on times)

        if not foresees(question, fold(own_text(fact))):
            # "Who will succeed Haibatullah?", "When will the UN recognise the Taliban?": a
            # fact stating what was or is answers no question on what will be; a plan, a
            # commitment, a deadline or an expectation may ("the Taliban committed not to
            # allow ...").
            answers = False
            other_years += (
                [question.future]
                if question.future in question.happened
                else sorted(question.happened)
            )
    if (
        answers
        and question.said_about
        and share({word: question.weights[word] for word in question.said_about}, credits)
        < ANSWER_COVERAGE
    ):
        # "What did Donald Trump say about the Doha agreement?": his words on it, not on
        # something else (the Camp David talks he called off) -- the quote, its claim, or the
        # names of what it names speak of most of what it is asked about.
        answers = False
    if fits and question.wants is Wants.ANYTHING and _WHERE_ASKED.match(question.text):
        from tqcli.ask.places import names_a_place  # (places: loaded for "where" questions)

        if not names_a_place(question, fact, lookups):
            # "Where is Zawahiri?": a place, which a fact on the bounty on his head does not
            # name; "Where did Ghani flee?": where he went, which "fled the country" does not
            # say. Nor is it the kind of answer asked, that two rankers' agreement could make
            # one (_agreed).
            fits = answers = False
    if answers and asks_deadline(question):
        from tqcli.ask.times import deadline_word, deadlines

        if not deadlines(fact.claim) and not re.search(A_YEAR, fact.claim):
            # "When must US troops leave under the Doha agreement?": a fact dated at the
            # signing whose claim gives no deadline ("within 14 months", "by May 2021") nor any
            # time of its own ("would start ... on March 10, 2020") does not say by when.
            answers = False
            other_years.append(deadline_word(question))
    if answers and (
        (
            question.in_fact
            and re.search(FORESEEING, fold(f"{fact.claim} {short_text(fact)}")) is not None
        )
        or (question.as_done and count_ahead(question, fact))
    ):
        # "How many prisoners did the government actually release?": what happened in fact,
        # which a commitment to release "up to five thousand" does not say.
        answers = False
    if (
        answers
        and question.polar
        and question.future is None
        and re.match(r"(?:is|are|does|do)\b", question.text)
        and re.search(FORESEEING, question.text) is None  # ("is al-Qaeda going to come back")
        and re.search(_PREDICTED, fold(f"{fact.claim} {short_text(fact)}")) is not None
    ):
        # "Is al-Qaeda in Afghanistan?" asks how things stand: "al-Qaeda will probably come
        # back" predicts, which does not say they are.
        answers = False
    if answers and question.happened and _WHERE.match(question.text):
        # "Where did Ghani flee (to)?": where it happened is named after the claim's word for
        # it ("killed in Kabul", "fled to Tajikistan"); "they took the palace ..., after
        # President Ashraf Ghani fled." says where the palace was taken, not where he went.
        from tqcli.ask.deeds import nowhere_after

        answers = not nowhere_after(question.happened, fact.claim)
    # A date of a fact naming no resolution the question names is of another one, as of a
    # name it does not account for (partial answers on resolution 2368 before those on 1390).
    elsewhere = bool(unnamed) or unnamed_resolution
    if (
        (question.verb or question.polar)
        and question.resolutions
        and question.resolutions.isdisjoint(_resolution_of(fact))
    ):
        # "What does resolution 1267 require?": what that resolution does, not what resolution
        # 1390 did to "the provisions of resolutions 1267 and 1333". The resolution is the
        # subject of the verb asked, so the fact's own resolution must be it (a sanction's
        # instrument, or the first its claim names).
        answers = False
        other_years += sorted(question.resolutions)
        elsewhere = True  # after the partial answers on the resolution asked
    if (
        answers
        and question.document_asked
        and not documents(fold(own_text(fact)), resolutions=True) - question.resolutions
    ):
        # "Which resolution split the Taliban and al-Qaeda lists?": a number is asked, which a
        # fact on the split naming no resolution (or only those the question gives) does not
        # give.
        answers = False
        other_years += [word for word in question.weights if word.startswith("resolution")]
    if (
        answers
        and (verb := question.verb)
        and not (credits[verb] or derived(verb, topic))
        # A sanction is what its instrument imposes on whom (model.Sanction): its measures
        # are what the resolution asked about requires ("all States shall freeze funds").
        and not (verb in _IMPOSING and isinstance(fact.details, Sanction))
        # What an instrument requires of someone is what they commit to or must do: "the
        # Taliban committed not to allow ...", "demanded that the Taliban ...".
        and not (verb in OBLIGING and _obliges(question, fact))
    ):
        # "What does resolution 2255 require?": what it requires, not at which meeting it
        # was adopted. The verb the question ends on is what it asks.
        answers = False
        other_years.append(verb)
    unstated: tuple[str, ...] = ()
    if question.polar:
        # A yes/no question states a proposition: only a fact that states it -- every content
        # word in its own words (or the names of what it names), in a form or synonym the packs
        # know -- answers it; a fact on another proposition sharing some of its words does not
        # ("Did the Taliban ban girls from school?" is not answered by a travel ban).
        # A word as common in English as "think", "see", "make" or "part" says little of the
        # proposition (as for what happened, rule 5); an initialism is stated by the words it
        # stands for ("UN", "the United Nations").
        stated = own.union(
            *(lookups.asked_names(entity_id, question.weights) for entity_id in named)
        )
        # One word of the fact states one of the question's: in "the UN sanctions list",
        # "sanctions" is not also the list (though a list of sanctions may be called so).
        unstated = tuple(
            word
            for word in question.weights
            if question.weights[word] >= EVENT_WEIGHT and not _stated_alone(question, word, stated)
        )
        from tqcli.ask.deeds import commits, required_of

        if (
            OBLIGING.intersection(unstated)
            and (whom := required_of(question))
            and commits(question, whom, fact)
        ):
            # "Did the peace deal require the Taliban to keep Isis out?": what it requires of
            # them is what they must do, pledged or committed to under it ("saw them pledge to
            # keep ... Isis out"), which the fact need not call a requirement.
            unstated = tuple(word for word in unstated if word not in OBLIGING)
        from tqcli.ask.quotes import attributed

        if unstated and (attributed_to := attributed(question)):
            # "Is Zawahiri alive according to the 2021 UN report?": "according to" names who
            # says it, not what is said; the fact's speaker or another it links (the UN
            # Monitoring Team, its report) says it by any of their names.
            by = set().union(*named.values())
            unstated = tuple(
                word
                for word in unstated
                if word not in attributed_to or not _stated_alone(question, word, by)
            )
        if any(len(word) <= 4 for word in unstated):  # read the claim's initials only then
            initials = _initialisms(fact.claim)
            unstated = tuple(w for w in unstated if len(w) > 4 or w not in initials)
        answers = answers and not unstated
        subject = question.named.union(*(forms for _, parts in question.names for forms in parts))
        predicate = [word for word in question.weights if word not in subject]
        if (
            answers
            and question.future is None
            and re.search(ENJOINING, own_text(fact)) is not None
            and re.search(ENJOINING, question.text) is None
        ):
            # "Did the Taliban cut ties with al-Qaeda?" is not answered by Pompeo calling on
            # them "to keep your promises to cut ties": what someone was urged, promised or
            # agreed to do is not said to have happened.
            from tqcli.ask.deeds import only_enjoined

            enjoined = only_enjoined(
                {word for word in predicate if question.weights[word] >= EVENT_WEIGHT},
                own_text(fact),
            )
            if enjoined:
                answers = False
                unstated = tuple(word for word in question.weights if word in enjoined)
    if (
        answers
        and question.wants is not Wants.QUOTE
        and ("ccording to" in question.raw or " per " in question.raw)
    ):
        from tqcli.ask.quotes import attributed_names

        if sayers := attributed_names(question):
            # "Where did Ashraf Ghani flee to, according to the Independent?": the name after
            # "according to" says whose account is asked. A fact is that account where its own
            # words say a word of the name ("..., according to The Independent"), it cites it (a
            # source's publisher, author or title) or an entity it names has it ("the UN" of
            # the UN Monitoring Team's report); another's account is not the answer.
            # (Any of its words: "the Afghan government" is "Afghan officials" in a claim.)
            account = own.union(*named.values(), _cited_words(fact, catalog))
            if not any(credit(question, word, account) for word in sayers):
                answers = False
                other_years += sayers
    not_said: str | None = None
    if answers and asks_a_denial(question.text):
        from tqcli.ask.deeds import denial_unsaid  # (deeds: loaded where its rules are asked)

        not_said = denial_unsaid(question, fact.claim)
    if not_said is not None:
        # "Who said the Taliban are not terrorists?" is not answered by Panetta's "The Taliban
        # are terrorists", nor "which resolution was not adopted unanimously" by a unanimous
        # adoption: a question that denies what it asks wants a claim that denies it too.
        answers = False
    # An answer speaks to the question; another fact may not (see _on_point).
    on_point = answers or _on_point(question, credits, unstated, topic)
    place = None
    if question.wants is Wants.ANYTHING and _WHERE_ASKED.match(question.text):
        from tqcli.ask.places import place_answer

        place = place_answer(question, fact, lookups)
    short = (
        place
        or lookups.by_post.get(fact.id)
        or short_answer(
            question, fact, who, catalog, own, in_claim=fact.id in lookups.counted_in_claim
        )
    )
    if answers and question.wants is Wants.SOMEONE and not who and isinstance(fact.details, Figure):
        # "Who issued the joint declaration ...?" wants a name: a figure that names no one in
        # the role asked ("12,000-13,000 US troops" when it was issued) does not give one.
        answers = False
    if question.defining and isinstance(fact.details, Figure):
        # "What is the Monitoring Team?" asks what it is: a count of its members is no
        # headline for that; the claim, which says more of it, is.
        short = fact.claim
    # A correction or a contest of a detail the short answer does not give, and the question
    # does not name, leaves the answer standing ("About eight months, not nine" of "who lost
    # the White House": Trump; a contested July of "who ordered the withdrawal": Joe Biden).
    standing = _standing(question, fact, short) if fact.notes else None
    corrected = (fact.standing() if standing is None else standing) is NoteStance.CORRECTS
    if corrected:
        # The pack's curators say the claim is wrong (a source read contradicts it): it is
        # what its source said, never the answer (the answer line shows their correction).
        answers = False
    unmatched = unnamed + tuple(
        question.spelled[word]
        for word, credit in credits.items()
        if (credit == 0 and question.weights[word] >= _UNMATCHED_SHOWN) or word in other_years
        if question.spelled[word] not in unnamed
    )
    in_own = {word: credit(question, word, own) for word in question.weights}
    if not answers and unstated:
        # What a yes/no question asks that the fact does not state.
        unmatched = unnamed + tuple(
            question.spelled[word] for word in unstated if question.spelled[word] not in unnamed
        )
    if not answers and fact.id in lookups.out_of_role:
        # Those it names play another role: the words that ask for that role are what it
        # does not cover ("for the US", "succeeded").
        from tqcli.ask.roles import role_words

        unmatched = role_words(question) or unmatched
    if not answers and done_to is not None:
        # Said of another: the verb is what it does not state of the one asked ("killed"),
        # not a word it states of the other ("drone").
        unmatched = (question.spelled.get(done_to, done_to),)
    if not_said is not None:
        unmatched = (not_said, *unmatched)
    if not answers and not unmatched and not corrected:
        # A partial answer says what it leaves out: where every word is accounted for
        # somewhere (an entity's name, a tag), the words its own words do not say -- or the
        # heaviest word, when it says them all but not as asked ("the population": no number).
        unmatched = tuple(
            question.spelled[word]
            for word, credit in in_own.items()
            if not credit and question.weights[word] >= _UNMATCHED_SHOWN
        ) or tuple(question.spelled[word] for word in _asked_most(question))
    # A letter alone is no word a fact could say: "ISIS-K", read as "isis" and "k", is left
    # out as the question wrote it.
    # So is a part of a hyphenated word: "al-Qaeda", not "qaeda" (its claim says "al-Qaeda").
    unmatched = tuple(
        dict.fromkeys(
            _compound(question, word) if "-" in question.raw else word for word in unmatched
        )
    )
    boost = _BOOST if fits else 1.0
    if who and kind(who[0], catalog) is EntityKind.PERSON and re.search(_PERSON, question.text):
        boost *= _BOOST
    if question.naming and re.search(_NAMING, fact.claim):
        boost *= _BOOST  # a name asked for: a claim that gives a name
    defines = question.defining and _defines(question, fact, lookups)
    if defines:
        boost *= _BOOST  # what something is: a claim that says it
    if "why" in question.text.split():
        reason = re.search(_REASON, own_text(fact), re.IGNORECASE) is not None
        if reason:
            boost *= _BOOST * _BOOST  # a reason asked for: words that give one
    # BM25, raised for a fact of the kind asked for and by how much of the question it covers:
    # in its own words, weighted by rarity in the pack (a word the fact says itself tells more
    # than one in the aliases of an entity it names: "what does resolution 2513 say about the
    # Islamic Emirate"), then anywhere, weighted by rarity in general English.
    # (A claim saying what the entity asked about is names it in its own words, by any of its
    # names: "al-Qaeda in the Indian Subcontinent" says "AQIS".)
    covers = (0.5 + (1.0 if defines else share(question.rarity, in_own))) * (0.5 + coverage)
    score = (hit.score or 0.0) * boost * covers
    reply = Reply(
        Match.ANSWER if answers else Match.PARTIAL, short, () if answers else unmatched, standing
    )
    return Judged(
        hit,
        coverage,
        score,
        reply,
        tuple(who),
        elsewhere,
        on_point,
        fits,
        defines,
    )


_PREDICTED = (  # compiled on first use: only yes/no questions need it
    r"\b(?:will|would|could|may|might)(?: \w+)? (?:probably|likely)\b"
    r"|\bpredict\w*|\bforecasts?\b|\bexpected to\b"
)
"""Words with which a claim predicts rather than states ("will probably come back")."""
_CAPITALISED_RUN = r"\b[A-Z]\w*(?: (?:of |the |for )?[A-Z]\w*)+"  # compiled on first use

_DENIED = r"\bnot ([^,.;:!?()]+)"
"""What a note says the claim got wrong: the words after its "not", up to a punctuation mark
("About eight months, not nine: ...", "Not Tajikistan, as far as ..."): compiled on first
use."""
_TIME_SAID = rf"\b(?:{'|'.join(MONTHS)}|date|dates|day|days|when|(?:1[89]|20)\d\d)\b"
"""Words with which a note speaks of a time: a month, a year, a day or a date (compiled on
first use: only facts with disputing notes need it)."""


def _standing(question: Question, fact: Fact, short: str) -> NoteStance | None:
    """How the curators' notes leave this answer: the strongest stance (corrects, then
    contests) of the disputing notes that bear on it (see _note_bears); None where that is the
    claim's own standing (Fact.standing)."""
    bearing = {
        note.stance
        for note in fact.notes
        if note.stance is not NoteStance.CONTEXT and _note_bears(question, fact, short, note.text)
    }
    stance = next(
        (s for s in (NoteStance.CORRECTS, NoteStance.CONTESTS) if s in bearing), NoteStance.CONTEXT
    )
    return None if stance is fact.standing() else stance


def _note_bears(question: Question, fact: Fact, short: str, note: str) -> bool:
    """Whether a note correcting or contesting the claim bears on the answer the question asks.
    On a figure, unless the short answer is a name asked by "who" (a figure's note is of its
    value). Where it denies words of the claim ("not nine", "Not Tajikistan"), only where those
    are in the short answer or the question. Else on an answer that is the claim itself; on
    a short answer that the note speaks of: one of its words, a time where the note gives one
    (a month, a year, a day or date), a number where it gives one. And where the question has
    a word of the claim's that the note speaks of: a number, a month ("in July"), or a word
    that names nothing, at least half as heavy as a word can be ("start" of "when would the
    review start": the note doubts that it starts). A note on another detail leaves the answer
    standing: a contested July is no doubt on who ordered it."""
    if isinstance(fact.details, Figure) and not (
        question.wants is Wants.SOMEONE and short != fact.claim and not DIGIT.search(short)
    ):
        return True
    claim = " " + " ".join(tokens(fact.claim)) + " "
    denied = [
        said
        for found in re.finditer(_DENIED, note, re.IGNORECASE)
        if (said := " ".join(tokens(found.group(1)))) and f" {said} " in claim
    ]
    if denied:
        asked = " " + " ".join(tokens(f"{question.raw} {short}")) + " "
        return any(f" {words} " in asked for words in denied)
    if short.startswith(fact.claim) or short == short_text(fact):
        return True
    spoken = frozenset(tokens(note)) - FUNCTION_WORDS
    if not spoken.isdisjoint(tokens(short)):
        return True
    if (question.wants is Wants.DATE or re.search(_TIME_SAID, short)) and re.search(
        _TIME_SAID, note
    ):
        return True
    if DIGIT.search(short) and DIGIT.search(note):
        return True
    details = {word for word in tokens(question.raw) if word.isdigit() or word in _MONTH_STEMS}
    details.update(
        word
        for word, weight in question.weights.items()
        if weight >= _UNMATCHED_SHOWN and word not in question.named
    )
    return not details.isdisjoint(spoken & set(claim.split()))


_MONTH_STEMS = frozenset(
    stems("january february march april may june july august september october november december")
)
"""The months as tokens() gives them."""


def _on_point(
    question: Question,
    credits: dict[str, float],
    unstated: tuple[str, ...],
    topic: set[str] | frozenset[str],
) -> bool:
    """Whether a fact speaks to the question at all, to be offered as a partial answer: it
    accounts for two of its words or names (_shares_more_than_a_name), and for a yes/no
    question it speaks of what the question names and states at least _ON_POINT of the weight
    of what it asks of it (its other words, each as heavy as rule 5's words for what
    happened)."""
    if not _shares_more_than_a_name(question, credits):
        return False
    if not question.polar:
        return True
    naming = question.named.union(*(forms for _, parts in question.names for forms in parts))
    asked_of = {
        word: weight
        for word, weight in question.weights.items()
        if word not in naming and weight >= EVENT_WEIGHT
    }
    stated_of = {word: float(word not in unstated) for word in asked_of}
    return (not naming or any(credit(question, word, topic) for word in naming)) and (
        not asked_of or share(asked_of, stated_of) >= _ON_POINT
    )


def _shares_more_than_a_name(question: Question, credits: dict[str, float]) -> bool:
    """Whether the fact accounts for two of the question's words or more (a name it gives,
    "Saudi Arabia", one, by its last word), where it has two: one alone is the topic, and says
    nothing of what is asked of it ("France" of "What is the capital of France?")."""
    in_names = {word for _, parts in question.names for part in parts for word in part}
    # A name of several words is accounted for by its head, its last word ("World Cup" is not
    # spoken of by "the world"), as English heads a name.
    units = [
        *(any(credits.get(word) for word in parts[-1]) for _, parts in question.names),
        *(bool(credit) for word, credit in credits.items() if word not in in_names),
    ]
    return len(units) < 2 or sum(units) >= 2


def _initialisms(claim: str) -> frozenset[str]:
    """The initials of the runs of capitalised words a claim writes, lower case ("United
    Nations" is "un", "Security Council" "sc"), less the words between them."""
    return frozenset(
        "".join(word[0] for word in run.split() if word[0].isupper()).lower()
        for run in re.findall(_CAPITALISED_RUN, claim)
    )


def _compound(question: Question, word: str) -> str:
    """The hyphenated word of the question a word is part of ("ISIS-K", "al-Qaeda"), or the
    word."""
    for compound in re.findall(HYPHENATED, question.raw):
        if word in compound.lower().split("-"):
            return str(compound)
    return word


def _asked_most(question: Question) -> list[str]:
    """What the question asks most of: the head of "what is the X", the measure, what is
    counted, the speaker of "what did X say", else its heaviest word that names nothing."""
    if question.head is not None and question.head in question.weights:
        return [question.head]
    if question.wants is Wants.QUOTE and question.speaker:
        # "What did the Security Council say on 16 August 2021?": a fact that says it all but
        # is no quote by the Security Council gives no quote of theirs (not "no 16").
        return [word for word in question.speaker if word in question.spelled]
    heaviest = [
        word
        for word in sorted(question.weights, key=lambda word: -question.weights[word])
        if word in question.spelled
    ]
    # (A measure the question only implies is not among its words: "how much" asks for a sum
    # of money, in a currency it does not name. Then its heaviest word that names nothing.)
    # "How many people were delisted in 2010" asks a number of people, not of 2010.
    return (
        [word for word in sorted(question.measure or question.counted) if word in question.spelled]
        or [
            word
            for word in (question.counted_head,)
            if word in question.spelled and word in question.weights
        ]
        or [word for word in heaviest if word not in question.named][:1]
        or heaviest[:1]
    )


def asked_most_as_typed(question: Question) -> tuple[str, ...]:
    """_asked_most's words as the question typed them (a hyphenated word whole: "ISIS-K")."""
    words = _asked_most(question)
    return tuple(
        dict.fromkeys(
            _compound(question, question.spelled[word])
            if "-" in question.raw
            else question.spelled[word]
            for word in words
        )
    )


def _accounted(
    question: Question, parts: Sequence[frozenset[str]], topic: set[str] | frozenset[str]
) -> bool:
    """Whether at least half a name's words are the fact's (its words, tags, id, the names of
    its entities, a synonym: "President Biden" is "Joe Biden", and "Islamic State in Iraq" not
    the "Islamic Emirate"), or the fact writes the name as its initials ("NPR" for "National
    Public Radio")."""
    found = sum(
        1 for forms in parts if forms & topic or any(question.group(f) & topic for f in forms)
    )
    initials = "".join(min(forms)[0] for forms in parts) if len(parts) > 1 else ""
    return found * 2 >= len(parts) or initials in topic


def share(weights: dict[str, float], credits: dict[str, float]) -> float:
    """The weighted share of these of the question's words that a fact accounts for."""
    return sum(weight * credits[word] for word, weight in weights.items()) / (
        sum(weights.values()) or 1
    )


def _stated_alone(question: Question, word: str, stated: set[str] | frozenset[str]) -> bool:
    """Whether a yes/no question's word is stated by words (credit, derived) other than those
    stating its other words: "the UN sanctions team" says "sanctions", not also "list"."""
    if word in stated:
        return True
    if not (credit(question, word, stated) or derived(word, stated)):
        return False  # (most words: no need to set the others aside)
    others = stated - (question.weights.keys() - {word})
    return bool(credit(question, word, others) or derived(word, others))


def _cited_words(fact: Fact, catalog: Catalog) -> frozenset[str]:
    """The words of who wrote or published the fact's sources, and of their titles."""
    sources = [catalog.sources.get(citation.source) for citation in fact.citations]
    return frozenset(
        tokens(
            " ".join(
                f"{source.publisher} {source.author or ''} {source.title}"
                for source in sources
                if source is not None
            )
        )
    )


def credit(question: Question, word: str, words: set[str] | frozenset[str]) -> float:
    if word in words:
        return 1.0
    if word in question.decades and any(is_year(w) and w[:3] == word[:3] for w in words):
        return 1.0  # "the 1990s": 1996
    if question.group(word) & words:
        return _SYNONYM_CREDIT
    return _SYNONYM_CREDIT if question.derived.get(word, frozenset()) & words else 0.0


def _fits(
    question: Question,
    fact: Fact,
    own: frozenset[str],
    named: dict[str, frozenset[str]],
    lookups: Lookups,
) -> tuple[bool, list[str]]:
    """Whether the fact is the kind of answer the question wants; for "who", whom it names."""
    head = question.head
    # A successor is named by a claim that says someone came into a post after another left
    # it (see in_role), whatever its words.
    if (
        head is not None
        and head not in _SHELL_NOUNS
        and head not in SUCCESSION
        and not credit(question, head, own)
        and not (question.head_asked and _names_one_of_kind(question, fact, head, own, lookups))
        and not _named_by_alias(question, head, own, named, lookups)
    ):
        return False, []
    if not all(credit(question, w, own) for w in question.modifiers if w not in question.named):
        return False, []
    if only_seems(question, fact.claim):
        # "When (where) did the Taliban appear?": not "... who appear closely aligned" (seem).
        return False, []
    wants = question.wants
    if (
        wants is Wants.SOMEONE
        and head in PERSON_ROLES
        and not credit(question, head, in_claim := own_words(fact))
        and not derived(head, in_claim)
    ):
        # "Who was the Taliban leader in 2010?": a post is given in the fact's own words, not
        # only by its curators' tag ("leadership" on Baradar's arrest in 2010).
        return False, []
    if wants is Wants.SOMEONE:
        from tqcli.ask.roles import post_only_subordinate

        if post_only_subordinate(question, fact):
            # "Hanafi was named deputy to the acting prime minister" names no prime minister.
            return False, []
    if (
        wants is Wants.SOMEONE
        and head in PERSON_ROLES
        and (ordinal := re.search(_ORDINAL_POST, question.text))
        and not says_ordinal(question, ordinal.group(1), head, fact.claim)
    ):
        # "Who was the first leader of al-Qaeda?": which of its holders is said by the fact
        # ("first", or its founder), not by one naming a later one ("Zawahiri became head of
        # al-Qaeda in 2011, after its leader Osama bin Laden was killed").
        return False, []
    if wants is Wants.FIGURE and question.share:
        # "What percentage of Afghan districts ...": a share, not any number of them -- and
        # of them: near a word for what it is a share of, not "half of whom had come" in a
        # claim on troops.
        text = fold(own_text(fact))
        of = question.forms(question.share_of[-1]) if question.share_of else None
        return any(
            of is None
            or not of.isdisjoint(
                tokens(text[max(0, at.start() - _SHARE_NEAR) : at.end() + _SHARE_NEAR])
            )
            for at in re.finditer(_SHARE_GIVEN, text)
        ), []
    if wants is Wants.FIGURE and question.measure:
        # A measure ("population", an age): a figure that speaks of it, or a number beside it
        # in the claim ("a population of 38 million", "aged 60") -- not any figure of the place.
        measure = set().union(*map(question.group, question.measure))
        if isinstance(fact.details, Figure):
            return bool(measure & own_words(fact)), []
        return number_near(fact.claim, measure) is not None, []
    if wants is Wants.FIGURE:
        # What is counted must be named by the figure itself (or an entity it names): "US
        # soldiers died" is answered neither by 9/11's dead nor by the US troops left in 2020.
        # A figure, or another fact that gives a number of what is counted ("by 13 votes").
        names = own.union(*named.values())
        # A name among what is counted ("Taliban fighters") says whose they are: the fact must
        # say it in its own words, not only link the entity ("al-Qaeda's 200-500 men").
        asked_owners = owners(question)
        stated = own_words(fact) if asked_owners else frozenset()
        counts = all(
            credit(question, word, names) for word in question.counted if word not in asked_owners
        ) and all(credit(question, word, stated) for word in asked_owners)
        if _DEATHS & question.weights.keys() and not _HURT & question.weights.keys():
            # "Which killed or injured over 300 civilians" counts no one's death: how many died
            # is not in it (a figure's unit, or the count's phrase in a claim, says so).
            if isinstance(fact.details, Figure):
                if re.search(_DEAD_OR_HURT, fact.details.unit):
                    return False, []
            elif (count := count_in_claim(question, fact.claim)) is not None:
                at = fact.claim.find(count)
                around = fact.claim[max(0, at - _HURT_REACH) : at + len(count) + _HURT_REACH]
                if re.search(_DEAD_OR_HURT, around):
                    return False, []
        if isinstance(fact.details, Figure):
            # And the figure's unit says what it counts: "soldiers" are not counted in "US
            # dollars over two decades", though the fact names the Afghan security forces. The
            # words that name something ("US") do not say what is counted.
            # Its head noun (the last: "girls' secondary schools" are schools), in the words
            # that open the unit (what it counts: "girls affected by the closure of girls'
            # secondary schools" counts girls).
            # (Its head noun read folded too, as the index reads words: "Afghans who fled
            # abroad" counts Afghans. Not the words before it: "US troops" are not counted as
            # Americans by the synonym "us".)
            unit = set(leading_content(fact.details.unit))
            unit.update(leading_content(fold(fact.details.unit))[-1:])
            head = question.counted_head
            # A name counted ("how many Taliban were on the list") is counted by a unit that
            # opens with it too ("Taliban fighters"), not by one naming it only in what follows
            # its head ("people ... on the al-Qaida and Taliban sanctions list").
            counts_unit = (
                head is None
                or (head in question.named and not _name_counted_alone(question))
                or bool(credit(question, head, unit))
            )
            # A word before the head ("Afghan soldiers") that the unit gives only after what it
            # counts, of something else ("men along the Afghan-Pakistani border"), says these
            # are not the ones asked about.
            other = of_something_else(question, tokens(fact.details.unit), asked_owners)
            if _owned_by_another(question, fact.details.unit, named):
                # "How many US troops ...": not "9,600 NATO troops" (of which 2,500 American).
                other = True
            if happened_unasked(question, fact.details.unit):
                # "How many Afghan soldiers were in the army?": not "66,000-69,000 Afghan troops
                # killed" -- those it happened to, which the question does not ask.
                other = True
            if (
                question.holder
                and re.search(_A_RATE, fact.details.unit)
                and not re.search(_A_RATE, question.text)
            ):
                # "How much money does al-Qaeda have?": what it holds, not what it pays or gets
                # in a year ("20,000,000 US dollars a year").
                other = True
            if counts_unit and not other:
                return counts, []
            # A count of those asked inside a figure of others ("9,600 troops ..., including
            # 2,500 Americans") is given in the claim's words, as any fact's count.
            if counts and _part_counted(question, fact.claim, fact.details):
                lookups.counted_in_claim.add(fact.id)
                return True, []
            return False, []
        return counts and counts_in_claim(question, fact.claim), []
    if (
        wants is Wants.QUOTE
        and not isinstance(fact.details, Quote)
        and not question.speaker
        and re.search(_PERSON, question.text)
    ):
        # "Who wrote the Independent explainer ...?": an author, whom a fact that is not a
        # quote may name as it names anyone ("... was written by Joe Sommerlad") -- where it
        # says they did it: "a questionable peace accord with the Trump administration" names
        # no author.
        from tqcli.ask.quotes import says_act

        if (asked := re.search(_WHO_SAID, question.text)) is not None and not says_act(
            asked.group(1), fact.claim
        ):
            return False, []
        wants = Wants.SOMEONE
    if wants is Wants.QUOTE:
        details = fact.details
        if not isinstance(details, Quote) or (question.medium and not details.medium):
            return False, []
        if not question.speaker:
            return True, [details.speaker]
        by = named.get(details.speaker, frozenset()) | set(tokens(details.speaker_role or ""))
        weight = sum(question.weights[word] for word in question.speaker)
        said = sum(question.weights[word] for word in question.speaker if word in by)
        # Or the question names the speaker elsewhere: "..., according to Cole Bunzel?"
        elsewhere = lookups.named_in(details.speaker, question.weights)
        return said >= 0.75 * weight or elsewhere, [details.speaker]
    if (
        wants is Wants.DATE
        and "bec" in question.text
        and re.search(BECOME, question.text)
        and BEGAN.isdisjoint(map(stem, WORD.findall(fold(fact.claim))))
    ):
        # "When did X become Y?": the claim must say when a state began, not only that it held
        # at the fact's date ("Ben Wallace was the UK defence secretary in September 2021").
        return False, []
    if (
        wants is Wants.ANYTHING
        and isinstance(fact.details, Quote)
        and question.named
        and re.match(_COMMITMENT_ASKED, question.text)
        and not lookups.named_in(fact.details.speaker, question.weights)
    ):
        # "What did the Taliban promise ...?": what they promised, not another's words on it
        # (Pompeo's "keep your promises to cut ties"): a quote by someone the question does not
        # name is not their commitment.
        return False, []
    if wants is Wants.DATE:
        from tqcli.ask.times import (
            adoption_dated,
            began_near,
            cites_another_year,
            dated_otherwise,
            dates_a_source,
            dates_no_event,
            effect_asked,
            effect_time,
            happened_later,
            passive_deed,
            start_undated,
            time_in_words,
        )
    if (
        wants is Wants.DATE
        and question.named
        and "bec" in question.text
        and re.search(BECOME, question.text)
        and not began_near(question, fact.claim)
    ):
        # And of X: "Sirajuddin Haqqani, named acting interior minister ... in September 2021,
        # ... the 2008 assassination attempt on Afghan President Hamid Karzai" dates Haqqani's
        # post, not when Karzai became president.
        return False, []
    if (
        wants is Wants.DATE
        and "da" in question.text
        and re.search(_DAY_ASKED, question.text)
        and (fact.date is None or not fact.date.day)
        and not re.search(_A_DAY, fact.claim)
    ):
        # "On what date did ...", "what day": a day, which a fact dated to its month or year,
        # whose claim gives no day, does not give ("in July 2021").
        return False, []
    if wants is Wants.DATE:
        # A quote's date is when it was said: it dates what the question asks only when that
        # is a saying ("when did Panetta say ...", not "when was resolution 1267 adopted").
        said = isinstance(fact.details, Quote)
        # An undated fact may say when in its words ("in the late 2000s").
        dated = fact.date is not None or time_in_words(fact.claim) is not None
        if dated and fact.date is not None and dates_a_source(fact.claim, fact.date.year):
            return False, []
        from tqcli.ask.deeds import deed_of_another

        if fact.date is not None and deed_of_another(question, fact.claim):
            # "When was Akhundzada named leader?": not "Yaqoob, ... named defence minister on 7
            # September 2021, was a student of ... Akhundzada".
            return False, []
        if (
            (deed := passive_deed(question))
            and not (credit(question, deed, own) or derived(deed, own))
            and not adoption_dated(question, fact, deed)
            and not (isinstance(fact.details, Sanction) and fact.details.is_listing)
        ):
            # "When was bin Laden removed from the sanctions list?": the removal, which a fact
            # on the list that says no removal (nor a synonym of it) does not date.
            return False, []
        if effect_asked(question) and not effect_time(question, fact):
            # "When did resolution 1333 take effect?": its adoption, "one month" before it took
            # effect, is not the time asked; a time it applied from is ("in January 2001").
            return False, []
        if (
            dated_otherwise(question, fact)
            or cites_another_year(question, fact)
            or start_undated(question, fact)
        ) and not _HAPPENED.search(question.text):
            # "... resolutions 1267 and 1333, which had imposed sanctions" (a note of 2002) does
            # not date when the sanctions were imposed: the claim puts it before its date.
            return False, []
        if fact.date is not None and happened_later(question.happened, fact.claim):
            # "On 15 January 2002 the Security Council was planning to pass another resolution
            # ...; resolution 1390 ... was adopted the next day": not the date of what is asked.
            return False, []
        if dates_no_event(question, fact) and not _HAPPENED.search(question.text):
            # "When did the Taliban ban girls from secondary school?" is not answered by when
            # the UN estimated what the closure had done ("when did the UN estimate ..." is);
            # nor "when did Hamza bin Laden die?" by when the White House said he had been
            # killed, or by a claim saying that when is not known. (Such a fact answers "how
            # did he die, and when?" in its own words: see short_answer.)
            return False, []
        return dated and (not said or bool(SAYING & question.weights.keys())), []
    if wants is Wants.DURATION:
        # How long: a figure of time, or a claim giving a number of days, months, years ...
        if isinstance(fact.details, Figure):
            return bool(TIME_UNITS & set(tokens(_measured(fact.details.unit)))), []
        return counts_in_claim(question, fact.claim), []
    if wants is Wants.SOMEONE:  # ("who wrote ...?" is asked for someone too: see above)
        from tqcli.ask.roles import has_post, holder_by_post, in_role, post_of_in, succession
    if wants is Wants.SOMEONE and question.identity:
        # "Who is Cole Bunzel?": a fact that says what he is, its claim opening with his name.
        opening = WORD.findall(fold(fact.claim))[:6]
        return any(
            lookups.named_in(entity_id, question.weights)
            and any(start == 0 for start, _ in name_spans(opening, written(entity_id, lookups)))
            for entity_id in named
        ), []
    if (
        wants is Wants.SOMEONE
        and question.post_of
        # Linked entities the question names by one of their names (not "ISIS" for ISIS-K).
        and not post_of_in(
            question,
            fact.claim,
            {
                entity_id: lookups.asked_names(entity_id, question.weights)
                for entity_id, words in named.items()
                if not words.isdisjoint(question.post_of)
            },
        )
    ):
        # "Who is the president of Afghanistan?": the claim must give the post of Afghanistan
        # ("Afghanistan's president"), not another ("the US president").
        return False, []
    if wants is Wants.SOMEONE:
        # Whom the fact names that the question does not (who asserts or says it is its
        # source, not its answer); "who" asks for a person more often than an organisation.
        sources = {
            entity_id
            for field, entity_id in fact.entity_references()
            if field in ("asserted_by", "speaker")
            # Unless the fact gives them the post asked about: "the President of the Security
            # Council, Jean Levitte, said" answers "who was president of the Security Council".
            and not has_post(question, fact.claim, entity_id, lookups)
        }
        unnamed = {
            entity_id
            for entity_id in named
            if entity_id not in sources
            and not lookups.named_in(entity_id, question.weights)
            and lookups.named_in(entity_id, own)  # named in the fact's own words
        }
        catalog = lookups.catalog
        people = [e for e in named if e in unnamed and kind(e, catalog) is EntityKind.PERSON]
        groups = [e for e in named if e in unnamed and kind(e, catalog) is EntityKind.ORGANIZATION]
        named_first = len(people) + len(groups)
        if named_first:
            people = in_role(question, fact, people, lookups)
            groups = in_role(question, fact, groups, lookups)
        out_of_role = len(people) + len(groups) < named_first
        from tqcli.ask.deeds import near_what_happened

        near = near_what_happened(question, fact, own, people + groups, lookups)
        if near is not None:
            people = [e for e in people if e in near]
            groups = [e for e in groups if e in near]
        # "Who is the ambassador", "who replaced him as president": a post is held by a person.
        # So is "who leads / heads / runs X": the verb of a post ("leader", "head", "chief").
        held = (
            PERSON_ROLES & question.weights.keys()
            or (question.head in KIN and question.head not in _KIN_OF_BODIES)
            or succession(question)
            or (
                re.search(_PERSON, question.text)
                and any(PERSON_ROLES & question.group(word) for word in question.happened)
            )
        )
        who = people if held else people or groups
        if not who and (phrase := holder_by_post(question, fact.claim)):
            # "Who is the caliph-in-waiting?": "... considers the Afghan Taliban's chief its
            # caliph-in-waiting" names the holder by a post, not the Taliban.
            lookups.by_post[fact.id] = phrase
            return True, []
        if not who and out_of_role:
            lookups.out_of_role.add(fact.id)
        return bool(who), who
    return True, []


def _named_by_alias(
    question: Question,
    word: str,
    own: frozenset[str],
    named: dict[str, frozenset[str]],
    lookups: Lookups,
) -> bool:
    """Whether the question's word names, by one of its names or aliases, an entity the fact
    links that the fact's own words name too, by any of its names: "Who is Zawahri?" (an alias
    the pack gives) is asked of the fact on "Ayman al-Zawahiri"."""
    return any(
        word in lookups.asked_names(entity_id, question.weights) and lookups.heads(entity_id) & own
        for entity_id in named
    )


_PART_OF = r"\b(?:including|included|includes|of whom|of which|among them|among whom)(?: \w+)?$"
"""Words that give a count as part of the one before ("9,600 troops, including 2,500
Americans"), compiled on first use: only figures whose unit counts others need it."""


def _part_counted(question: Question, claim: str, figure: Figure) -> bool:
    """Whether the claim gives a count of what is asked as part of the figure's count, in
    figures, other than the figure's own numbers: "including 2,500 Americans" in a claim on
    9,600 NATO troops."""
    count = count_in_claim(question, claim)
    if count is None or not re.search(_PART_OF, claim[: claim.find(count)].rstrip(" ,")):
        return False
    written = "".join(re.findall(r"\d", count))
    own = {
        str(int(n)) if isinstance(n, float) and n.is_integer() else str(n)
        for n in (figure.value, figure.min, figure.max)
        if n is not None
    }
    return bool(written) and written not in own


_COUNTED_ALONE = r"\bhow many ((?:[\w-]+ ){1,3}?)(?:were|are|was|is|have|has|had|did|do|does)\b"
"""A count of what the question names alone, before its verb ("how many Taliban were"):
compiled on first use."""


def _name_counted_alone(question: Question) -> bool:
    """Whether what is counted is a name alone ("how many Taliban were on the list"), not a
    noun it qualifies ("how many Taliban fighters")."""
    found = re.search(_COUNTED_ALONE, question.text)
    return found is not None and all(
        stem(word) in question.named for word in re.split(r"[\s-]+", found.group(1).strip())
    )


def _owned_by_another(question: Question, unit: str, named: dict[str, frozenset[str]]) -> bool:
    """Whether a figure's unit gives what it counts as another's than the question does, by
    the name of one the fact links before its head noun ("NATO troops" for US troops; "major
    al-Qaeda members" for the members the Monitoring Team has)."""
    words = tokens(unit)
    head = question.counted_head
    whose = [word for word in (*question.counted, *question.holder) if word != head]
    if head is None or head not in words or not whose:
        return False
    before = set(words[: words.index(head)])
    asked = set(whose).union(*map(question.group, whose))
    return not before & asked and any(
        before & name and name.isdisjoint(asked) for name in named.values()
    )


def _names_one_of_kind(
    question: Question, fact: Fact, noun: str, own: frozenset[str], lookups: Lookups
) -> bool:
    """For a noun of a kind of thing ("which city", "which think tank"): whether the fact names,
    in its own words, one of that kind the question does not name (Doha; the United States
    Institute of Peace), not only whoever asserts or says it."""
    kind_asked = KIND_NOUNS.get(noun)
    if kind_asked is None:
        return False
    place = getattr(fact.details, "place", None)
    if (
        kind_asked is EntityKind.PLACE
        and noun not in _NAMED_KINDS
        and place
        and not question.weights.keys() & set(stemmed(fold(place)))
    ):
        # "In which city was the accord signed?": the place the fact gives (Doha), once the
        # noun is asked however common it is (KIND_NOUNS).
        return True
    sources = {
        entity_id
        for field, entity_id in fact.entity_references()
        if field in ("asserted_by", "speaker")
    }
    carried = _NAMED_KINDS.get(noun)
    if carried is not None and any(
        not carried.isdisjoint(words := stemmed(fold(name)))
        and not set(words) <= question.weights.keys() | carried
        for name in re.findall(CAPITALISED_NAME, fact.claim)
    ):
        # A name in the claim that carries the kind's word: "the Sheraton Grand Doha Resort".
        return True
    return any(
        entity_id not in sources
        and kind(entity_id, lookups.catalog) is kind_asked
        and not lookups.named_in(entity_id, question.weights)
        and lookups.named_in(entity_id, own)
        and (carried is None or not carried.isdisjoint(lookups.name_words(entity_id)))
        for entity_id in fact.entities()
    )


_WHO_SAID = r"\bwho (said|says|told|tells|wrote|writes|called|calls|described|describes)\b"
"""Who said or wrote it, asked of any fact (compiled on first use)."""


_DEATHS = frozenset(stems("die died dies dead death deaths kill killed fatalities"))
"""Words that ask how many died."""
_HURT = frozenset(stems("injured injury injuries wounded hurt casualties"))
"""Words that ask how many were hurt (or hurt and killed: "casualties")."""
_HURT_REACH = 30
"""How many characters from a count "killed or injured" may be, to be said of it."""
_DEAD_OR_HURT = (  # compiled on first use (re caches it): only "how many" questions need it
    r"\b(?:killed|dead|died) (?:or|and(?:/or)?) (?:injured|wounded|hurt)\b"
    r"|\b(?:injured|wounded|hurt) (?:or|and(?:/or)?) (?:killed|dead)\b"
)
"""A count of the dead and the hurt together, which says how many of them died."""
_A_RATE = (  # compiled on first use (re caches it): only "how many" questions need it
    r"\b(?:a|per|each|every|an) (?:year|month|week|day|hour)\b"
    r"|\b(?:annual(?:ly)?|monthly|weekly|daily)\b"
)
"""A figure of so much in a time, not of what is held."""
_ORDINAL_POST = (
    r"\b(first|last|final) (?:\w+ )?(?:leader|head|chief|chair|chairman|emir|president)\b"
)
"""An ordinal before a post ("the first leader of al-Qaeda"): which of its holders is asked.
(Compiled on first use: only "who" questions need it.)"""


def _resolution_of(fact: Fact) -> frozenset[str]:
    """The number of the resolution a fact is about: a sanction's instrument's, else the first
    its claim gives as a resolution's (none when it gives none)."""
    if isinstance(fact.details, Sanction):
        instrument = documents(fold(fact.details.instrument), resolutions=True)
        if instrument:
            return instrument
    for found in re.finditer(DOCUMENT_NUMBERS, fold(fact.claim)):
        if found.group("numbers"):  # a resolution's, not "the 1267 Committee"
            return documents(found.group(0), resolutions=True)
    return frozenset()


_DEFINING = frozenset(
    stems("is are was were comprises comprise consists consist refers means stands remains")
)
"""Words with which a claim that opens with a name says what it is ("The 1988 Committee
comprises ...", "The Haqqani Network was founded by ...")."""
_FORMED = frozenset(
    stems("formation formed founding founded establishment established creation created")
)
"""Words with which a claim says something came to be ("the formation of al-Qaeda in the
Indian Subcontinent"): what it is, from its start."""


def _defines(question: Question, fact: Fact, lookups: Lookups) -> bool:
    """Whether the claim says what the entity the question names is: it opens with the name
    (the words before its first word saying what a thing is, within eight, are most of one of
    the entity's names, with nothing else but function words), or says it was formed (a word of
    forming, the name most of whose words follow in the next eight being the entity's, not a
    longer one's: "the formation of al-Qaeda in the Indian Subcontinent" is AQIS's, not
    al-Qaeda's)."""
    words, stems = claim_stems(fact.claim)
    asked = [
        entity_id for entity_id in fact.entities() if lookups.named_in(entity_id, question.weights)
    ]
    if not asked:
        return False
    said = next((n for n, word in enumerate(stems[:8]) if word in _DEFINING), None)
    if said:
        opening = {
            word
            for word, stem_ in zip(words[:said], stems, strict=False)
            if stem_ not in FUNCTION_WORDS
        }
        if any(
            opening <= name and len(opening) * 2 > len(name)
            for entity_id in asked
            for name in written(entity_id, lookups)
        ):
            return True
    for n, word in enumerate(stems):
        if word not in _FORMED:
            continue
        after = set(words[n + 1 : n + 9])
        matched = {
            entity_id: max(
                (
                    len(name & after)
                    for name in written(entity_id, lookups)
                    if len(name & after) * 2 > len(name)
                ),
                default=0,
            )
            for entity_id in fact.entities()
        }
        most = max(matched.values(), default=0)
        if most and any(matched[entity_id] == most for entity_id in asked):
            return True
    return False
