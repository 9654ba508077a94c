"""Answering a question: its candidate facts read, judged and put in order."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import msgspec

from tqcli.ask.claims import clauses, figures_written, in_figures, name, own_words, short_text
from tqcli.ask.counts import figure_now, latest_first
from tqcli.ask.doers import doer_reversed
from tqcli.ask.judging import Judged, asked_most_as_typed, judge
from tqcli.ask.lookups import Lookups
from tqcli.ask.question import (
    Question,
    Wants,
    asked_verb,
    happened_words,
    is_year,
    owners,
    read_question,
    role_asked,
)
from tqcli.ask.short_answers import listed
from tqcli.ask.words import (
    A_YEAR,
    BEGINNING,
    CANDIDATES,
    DIGIT,
    ENDING,
    IRREGULAR_VERBS,
    MONTHS,
    NOW,
    OBLIGING,
    PERSON_ROLES,
    ROLE_FACTS,
    WHAT_REQUIRED,
    WHO_IS,
    stems,
)
from tqcli.compat import assert_never
from tqcli.errors import NoQuestion
from tqcli.index import Index
from tqcli.model import (
    Answers,
    Catalog,
    Fact,
    Figure,
    Filters,
    Hit,
    Match,
    NoteStance,
    PartialDate,
    Reply,
    Sanction,
    hedge_said,
)
from tqcli.textnorm import fold, stem

_SINCE_WHEN = r"\bsince when\b"
"""'Since when has X led Y?' asks when a state began, as 'when did X become Y' does (compiled
on first use, as the other patterns few questions need: re caches it)."""
_STARTED = frozenset(stems("become became first"))
"""Words that ask when a state began ("when did he become leader")."""
_FINISHED = frozenset(stems("last finally final completed"))
"""Words that ask when something was done at last ("when did the last US troops leave"),
which later facts say: a drawdown's date is not the completion's."""
PARTIAL_COVERAGE = 0.4
"""Below this share, even the best fact is too far from the question to offer."""
_WHAT_IS = re.compile(r"(?:so )?what(?:s| is| was| are| were) .*")
"""'What is X?': with all its words naming X, it asks what X is."""
_OBLIGED_WORDS = frozenset(
    stems("committed commitment pledged shall must obliged required demanded")
)
"""The same words, to search facts by."""
_POLAR = re.compile(
    r"(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|shall|may|might"
    r"|must)\b"
)
"""A yes/no question opens with an auxiliary verb ("Did the Taliban ban ...", "Is X alive")."""
_AS_SAID_BY = r"\b(?:according to|per)\b"
"""A question asked of what a source says ("..., per the UN?"): as of when it says it."""
_TRUTH_ASKED = (
    r"(?i)\s*(?:(?:is|was|isn'?t|wasn'?t) it (?:really |actually |indeed )?|it is |it's )"
    r"(?:true|correct|right|accurate|the case|a fact|so) that\s+|\s*true or false\W+"
)
"""A yes/no question asked as whether something is true ("Is it true that al-Qaeda paid the
Taliban ...?", "True or false: ..."): what follows is what is asked. (Compiled on first use:
only a question with "that" or "true" needs it.)"""
_PRESENT_POLAR = r"(?:is|are|does|do)\b"  # compiled on first use
"""A yes/no question asked in the present tense ("Is bin Laden on the UN sanctions list?")."""


def answer(index: Index, question: str, limit: int = 3) -> Answers:
    """The facts that best answer question, answers first, each judged (Answers.replies);
    none, with suggestions, when no fact accounts for enough of it."""
    considered = consider(index, question)
    if isinstance(considered, Answers):
        return considered
    read, candidates, judged, now = (
        considered.read,
        considered.candidates,
        considered.judged,
        considered.now,
    )
    if max(item.coverage for item in judged) < PARTIAL_COVERAGE or (
        not any(item.on_point or item.reply.match is Match.ANSWER for item in judged)
    ):
        # A yes/no question that no fact speaks to -- of what it is about, what it asks of it
        # -- has no answer, not a fact on another proposition as a partial one.
        from tqcli.ask.suggestions import suggestions

        return Answers((), suggestions(index, candidates), (), hint=considered.hint)
    chosen = judged[:limit] if limit > 0 else judged  # a limit of 0 means all
    replies = one_answer(
        [_in_full(item, index.catalog) for item in chosen],
        read.wants,
        asked_most_as_typed(read),
    )
    # Answers first still: a later answer that disagrees with the first moves after the others.
    order = sorted(range(len(replies)), key=lambda n: replies[n].match is not Match.ANSWER)
    chosen, replies = [chosen[n] for n in order], [replies[n] for n in order]
    as_of = read.wants is Wants.SOMEONE and bool(
        now or NOW & set(map(stem, read.text.split())) or _post_now(read)
    )
    if read.wants is Wants.FIGURE:
        as_of = figure_now(read)  # a figure of now says as of when it counts
    replies = [
        _with_hedges(read, item, reply, as_of) for reply, item in zip(replies, chosen, strict=True)
    ]
    if not question.isascii() and any(reply.unmatched for reply in replies):
        # What an answer does not cover, in the words the question typed ("زمانی", not "zmny").
        from tqcli.ask.romanised import as_typed

        replies = [
            msgspec.structs.replace(reply, unmatched=as_typed(index, question, reply.unmatched))
            for reply in replies
        ]
    return Answers(
        tuple(Hit(item.hit.fact, item.score) for item in chosen),
        (),
        tuple(replies),
        read.polar,
        read.wants.value,
        hint=considered.hint,
    )


_WHO_HOLDS_NOW = r"(?:\w+ )?who(?:s| is| are)\b"
"""A "who" asked in the present tense ("Who is the UK defence secretary?"): compiled on first
use."""


def _post_now(question: Question) -> bool:
    """Whether the question asks who holds a post now: in the present tense, naming no year,
    for a post ("Who is the UK defence secretary?", whatever it names). A fact says who held it
    as of its date, which the answer then says (see _with_hedges)."""
    return (
        question.head in PERSON_ROLES
        and re.match(_WHO_HOLDS_NOW, question.text) is not None
        and not any(is_year(word) for word in question.weights)
    )


_QUALIFIERS = (
    r"\b(?:de facto|acting|interim|caretaker|alleged|presumed|putative|self-styled"
    r"|self-declared|self-proclaimed)(?: [\w-]+){1,3}"
)
"""Words that qualify a post ("de facto leader", "acting prime minister"), with the words
after them: compiled on first use."""


_HEADS = frozenset(stems("head chief"))
"""Posts beside PERSON_ROLES that a qualifier may end on ("acting head", "interim chief")."""


def _post_qualified(question: Question, claim: str, answer: str) -> list[str]:
    """The claim's qualified posts ("de facto leader", "acting prime minister"): a qualifier
    and the words after it up to a post, where the question asks those words ("leads": the
    leader) or the answer's name follows them ("de facto chief Eve Fane")."""
    asked = [word for word in question.weights if len(word) >= 4]
    named = answer.split(" ", 1)[0]
    kept = []
    for found in re.finditer(_QUALIFIERS, claim):
        words = found.group().split()
        qualifier = 2 if words[0].lower() == "de" else 1
        post = next(
            (
                n
                for n in range(qualifier, len(words))
                if stem(words[n].lower()) in PERSON_ROLES | _HEADS
            ),
            None,
        )
        if post is None:
            continue
        phrase = " ".join(words[: post + 1])
        after = claim[found.start() + len(phrase) :].lstrip()
        if after.startswith(named) or all(
            any(stem(word.lower()).startswith(w) for w in asked)
            for word in words[qualifier : post + 1]
        ):
            kept.append(phrase)
    return kept


def _with_hedges(question: Question, item: Judged, reply: Reply, as_of_asked: bool) -> Reply:
    """The short answer with what the claim qualifies it by: the qualifier of the post the
    question asks ("de facto leader"), the source's hedge (the fact's `hedge`: "may"), and,
    for "who ... now", as of when ("Saif al-Adel (de facto leader; hedged: may; as of
    February 2023)"). A figure's phrase keeps its hedge already, a claim or a quote its own
    words."""
    fact = item.hit.fact
    kept = []
    if item.who:
        kept += _post_qualified(question, fact.claim, reply.answer)
    if (
        fact.hedge
        and fact.hedge.lower() not in reply.answer.lower()
        and reply.answer not in (fact.claim, short_text(fact))
        and not isinstance(fact.details, Figure)
    ):
        kept.append(hedge_said(fact.hedge))
    if (
        as_of_asked
        and fact.date is not None
        and (
            item.who
            # A figure's phrase, not a claim, which says its own time.
            or (
                question.wants is Wants.FIGURE
                and reply.answer not in (fact.claim, short_text(fact))
            )
        )
    ):
        kept.append(f"as of {as_of(fact.date)}")
    if not kept:
        return reply
    return Reply(reply.match, f"{reply.answer} ({'; '.join(kept)})", reply.unmatched)


def consider(index: Index, question: str) -> Considered | Answers:
    """The question read and its candidate facts judged, in the rules' order (see answer);
    no answer (Answers, with suggestions) when no fact is a candidate."""
    if not re.search(r"\w", question):
        raise NoQuestion(question)
    # "20 million dollars", "$20m", "20,000,000 US dollars": one number (see in_figures),
    # shown as typed.
    typed = figures_written(question)
    question = in_figures(question)
    # Words of another script dropped as function words ("من هو", who is) may have asked
    # something: such a text is no topic alone (_names_only).
    words_typed = len(question.split())
    if not question.isascii():
        from tqcli.ask.romanised import romanised

        question = romanised(index, question)
    if (unprefaced := without_asker(question)) != question:
        # (What the asker said of themselves was not typed as the question.)
        question, words_typed = unprefaced, len(unprefaced.split())
    # "Is it true that X?" asks whether X: "true" is no word of what is asked.
    lowered = question.lower()
    truth = re.match(_TRUTH_ASKED, question) if " that " in lowered or "true" in lowered else None
    if truth is not None and re.search(r"\w", question[truth.end() :]):
        question = question[truth.end() :]
        words_typed = len(question.split())
    lookups = Lookups(index)
    read = msgspec.structs.replace(read_question(index, question, lookups), raw=question)
    if typed:
        spelled = {word: typed.get(word, as_typed) for word, as_typed in read.spelled.items()}
        read = msgspec.structs.replace(read, spelled=spelled)
    if (truth or _POLAR.match(read.text)) and " or " not in read.text:
        # ("Was it signed before or after ...?" offers alternatives: it is no yes/no question.)
        read = msgspec.structs.replace(read, polar=True)
    if len(words := read.text.split()) > _REPEATED_WORDS and len(set(words)) * 4 < len(words):
        # "taliban taliban taliban ...": a word said over and over asks nothing.
        return Answers((), tuple(index.top_tags(5)), ())
    if all(len(word) < 2 and not word.isdigit() for word in read.weights):
        # No content word, or letters alone ("h", "e"): they name nothing a fact could answer
        # (a list item's "(h)" is not what was asked).
        return Answers((), tuple(index.top_tags(5)), ())
    words = sorted(set().union(*map(read.group, read.weights)))
    candidates = list(index.ranked(words, Filters(), CANDIDATES))
    if not candidates:
        return Answers((), tuple(index.top_tags(5)), ())
    lookups.names(hit.fact for hit in candidates)
    if read.speaker:
        from tqcli.ask.quotes import names_a_speaker  # (quotes: loaded for the questions for one)

        if not names_a_speaker(read.speaker, candidates, lookups) and not PERSON_ROLES & set(
            read.speaker
        ):
            # "What does the claim (or resolution 2513) say?": no one is named as the speaker;
            # the question is not for a quote. ("What did the Chinese representative say?" is.)
            read = msgspec.structs.replace(read, wants=Wants.ANYTHING, speaker=())
    bare = False  # whether a number alone was read as a resolution's
    if DIGIT.search(read.text):
        from tqcli.ask.resolutions import as_resolutions, bare_resolutions

        # "When was 1267 adopted?": a number the loaded facts give as a resolution's names
        # that resolution, as "resolution 1267" does (not the 1267 Committee's resolution 1988).
        # (The facts giving it as a resolution's may rank below those on "the 1267
        # Committee": those that rank first for the number alone are read too.)
        alone = sorted(set(re.findall(r"\b\d{3,5}\b", read.text)) - read.documents)
        facts = [hit.fact for hit in candidates]
        facts += [hit.fact for word in alone for hit in index.ranked([word], Filters(), ROLE_FACTS)]
        if numbers := bare_resolutions(read, facts):
            read = as_resolutions(read, numbers)
            bare = True
    read = msgspec.structs.replace(read, named=_naming_words(read, candidates, lookups))
    if len(question.split()) == words_typed and _names_only(read, candidates, lookups):
        # "Taliban", "bin Laden": a topic, no question. Its facts are not answers to anything
        # (`tq search` lists them); the caller says so (Answers.asked).
        from tqcli.ask.suggestions import suggestions

        return Answers((), suggestions(index, candidates), (), asked=False)
    if (
        read.wants is Wants.SOMEONE
        and read.head in PERSON_ROLES
        and not read.post_of
        and (whose := tuple(word for word in read.modifiers if word in read.named))
    ):
        # "Who is the Kabul president?": a name before the post says whose post it is, as the
        # "of" phrase of "the president of Kabul" does (see post_of_in).
        read = msgspec.structs.replace(read, post_of=whose)
    read = msgspec.structs.replace(read, happened=happened_words(read))
    read = msgspec.structs.replace(read, verb=asked_verb(read))
    whole_resolution = False
    if read.wants is Wants.ANYTHING and len(read.resolutions) == 1:
        from tqcli.ask.resolutions import as_asked, asks_what_it_does

        # "What does resolution 1988 do?": what it does as a whole (see effect_first); the
        # facts on it, whether or not they say "decided" or "purpose".
        whole_resolution = asks_what_it_does(read)
        if whole_resolution and (accounted := as_asked(read)) is not read:
            read = accounted
            words = sorted(set().union(*map(read.group, read.weights)))
            more = index.ranked(words, Filters(), CANDIDATES)
            candidates = with_more(candidates, more, lookups)
    if read.wants is Wants.FIGURE and (asked_owners := owners(read)):
        # Whose the counted are, by any name of theirs: "al-Qaida" is written "al-Qaeda" too.
        entities = {entity_id for hit in candidates for entity_id in hit.fact.entities()}
        groups = dict(read.groups)
        for word in asked_owners:
            for entity_id in entities:
                if word in lookups.asked_names(entity_id, read.weights):
                    groups[word] = groups.get(word, frozenset({word})) | lookups.heads(entity_id)
        read = msgspec.structs.replace(read, groups=groups)
    if (
        read.wants is Wants.SOMEONE
        and re.match(WHO_IS, read.text)
        and read.named >= read.weights.keys()
    ):
        read = msgspec.structs.replace(read, identity=True)
    if (
        read.wants is Wants.ANYTHING
        and _WHAT_IS.fullmatch(read.text)
        and read.named >= read.weights.keys()
    ):
        read = msgspec.structs.replace(read, defining=True)
    if read.wants is Wants.FIGURE and NOW & read.weights.keys():
        # "Today" is as late as the loaded facts go: a figure from years before the newest
        # of them is no figure of today.
        years = [hit.fact.date.year for hit in candidates if hit.fact.date is not None]
        read = msgspec.structs.replace(read, since=max(years, default=0) - _RECENT_YEARS)
    role, now = role_asked(read)
    if role:
        from tqcli.ask.holders import with_facts_about

        candidates = with_facts_about(index, read, candidates, role, lookups, now)
    if read.wants is Wants.SOMEONE:
        from tqcli.ask.roles import succession  # (roles: loaded for the questions for someone)
    if read.wants is Wants.SOMEONE and read.named and succession(read):
        # "Who succeeded bin Laden?": the answer says that someone came into a post and that
        # the one named left it ("became head ..., after its leader bin Laden was killed"), in
        # words the question need not use; among the many facts naming him it may rank low.
        transition = sorted(read.named | BEGINNING | ENDING)
        candidates = with_more(candidates, index.ranked(transition, Filters(), ROLE_FACTS), lookups)
    if read.verb in OBLIGING and read.named and re.fullmatch(WHAT_REQUIRED, read.text):
        # "What did the Doha agreement require of the Taliban?": what it binds them to, which
        # the facts say in their words ("the Taliban committed not to allow ..."), not the verb.
        candidates = with_more(
            candidates,
            index.ranked(sorted(read.named | _OBLIGED_WORDS), Filters(), ROLE_FACTS),
            lookups,
        )
    if read.wants is Wants.DATE and read.resolutions:
        from tqcli.ask.times import applied_from_asked

        effect = bare or applied_from_asked(read)
    else:
        effect = False
    if (read.verb or whole_resolution or effect) and read.resolutions:
        # "What does resolution 1267 require?", "when did the 1267 sanctions take effect?":
        # the facts on that resolution, which may not say the verb (nor the time it applied
        # from), rank low among facts of others that do.
        candidates = with_more(
            candidates, index.ranked(sorted(read.resolutions), Filters(), ROLE_FACTS), lookups
        )
    if read.derived:
        # "When did the US invade Afghanistan?": the facts that say it by the verb's noun
        # ("the US-led invasion") may rank low among those sharing the question's other words.
        # (Not an irregular verb's other forms: "when did Kabul fall" would take in the
        # facts on every city that fell, whoever took it.)
        forms = set().union(*read.derived.values()) - _irregular_forms()
        candidates = with_more(
            candidates,
            index.ranked(sorted(forms | set(read.weights)), Filters(), ROLE_FACTS),
            lookups,
        )
    if len(index.catalog.packs) > 1:
        from tqcli.ask.corrections import with_others_notes

        candidates = with_others_notes(index, candidates)
    event = _when_event(read) if read.wants is Wants.SOMEONE and " when " in read.text else None
    event_years: set[int] = set()
    if event:
        # "Who was the US president when the Taliban were overthrown?": the facts of the
        # event's time (2001), which may not say the event, are candidates too.
        clause = read.text.split(" when ", 1)[1]
        # A year the clause gives ("when the June 2021 report was sent") is its time.
        event_years = {int(year) for year in re.findall(A_YEAR, clause)} or _event_years(
            read, [hit.fact for hit in candidates], event
        )
        asked = sorted(word for word in read.weights if word not in read.subordinate)
        for year in sorted(event_years):
            more = index.ranked([*asked, str(year)], Filters(), ROLE_FACTS)
            candidates = with_more(candidates, more, lookups)
    if read.wants is Wants.DATE and read.happened:
        from tqcli.ask.listings import asks_when_listed, listings_searched

        if asks_when_listed(read):
            # "When was Zawahiri listed?": a list's own entry, among many facts on him.
            candidates = with_more(candidates, listings_searched(index, read), lookups)
    judged = [judge(read, hit, lookups) for hit in candidates]
    judged.sort(key=Judged.rank)
    if event and event_years:
        judged = _at_the_time(read, judged, event, event_years)
    if read.wants is Wants.DATE and (
        _STARTED & set(map(stem, read.text.split())) or re.search(_SINCE_WHEN, read.text)
    ):
        # "When did Akhundzada become leader?", "when did the Taliban first govern?": the start
        # of a state, which later facts only find it in. The earliest dated answer first.
        judged.sort(
            key=lambda item: (
                item.reply.match is not Match.ANSWER,
                item.hit.fact.date is None,
                item.hit.fact.date.year if item.hit.fact.date else 0,
            )
        )
    elif (
        read.wants is Wants.DATE
        and _FINISHED & set(map(stem, read.text.split()))
        and all(item.hit.fact.date for item in judged if item.reply.match is Match.ANSWER)
    ):
        # "When did the last US troops leave?": the end of something, which earlier facts
        # see coming ("the main drawdown"). The latest dated answer first (where each answer
        # is dated: "the late 2000s", in an undated claim's words, cannot be placed).
        judged.sort(key=_latest_first)
    if read.defining and any(item.defines for item in judged):
        # "What is the Joint Declaration?": the facts that say what it is answer it; another
        # fact on it (the troops in Afghanistan when it was issued) says something else of it.
        judged = sorted(
            (
                item
                if item.defines or item.reply.match is Match.PARTIAL
                else msgspec.structs.replace(
                    item,
                    reply=msgspec.structs.replace(
                        item.reply, match=Match.PARTIAL, unmatched=asked_most_as_typed(read)
                    ),
                )
                for item in judged
            ),
            key=Judged.rank,
        )
    if whole_resolution:
        from tqcli.ask.resolutions import effect_first

        judged = effect_first(read, judged)
    if role:
        from tqcli.ask.holders import holders

        judged = holders(index, read, role, now, judged, lookups)
    if read.wants is Wants.DATE and any(
        isinstance(hit.fact.details, Sanction) for hit in candidates
    ):
        from tqcli.ask.listings import listing_first

        judged = listing_first(read, judged, lookups)
    if read.wants is Wants.FIGURE and figure_now(read):
        # "How many fighters does al-Qaeda have?": the latest figure, not the oldest.
        judged = latest_first(read, judged)
    if read.wants is Wants.ANYTHING and "where" in read.text and re.match(_WHERE_NOW, read.text):
        from tqcli.ask.present import where_now

        judged = where_now(index, read, judged, lookups)
    if (
        read.polar
        and _ALIVE & read.weights.keys()
        # Not asked as of a time or a source ("alive according to the 2021 report").
        and not re.search(A_YEAR, read.text)
        and "according to" not in read.text
    ):
        from tqcli.ask.present import alive_now

        judged = alive_now(index, read, judged, lookups)
    hint = ""
    if (
        read.polar
        and re.match(_PRESENT_POLAR, read.text)
        and not re.search(A_YEAR, read.text)
        and not re.search(_AS_SAID_BY, read.text)
    ):
        # Asked of now ("Is bin Laden on the UN sanctions list?"), not of a year or a source.
        from tqcli.ask.listings import asks_listed_now, listed_then, screening_hint

        if asks_listed_now(read):
            judged = listed_then(read, judged, lookups)
            hint = screening_hint(read, judged, lookups)
        if not _ALIVE & read.weights.keys():  # (that one is alive_now's)
            from tqcli.ask.present import dead_since

            judged = dead_since(index, read, judged, lookups)
    if not role and judged[0].reply.match is Match.PARTIAL and _agreed(read, judged, lookups):
        # (An answer leaves nothing unmatched: docs/json.md's contract.)
        judged[0] = msgspec.structs.replace(
            judged[0],
            reply=msgspec.structs.replace(judged[0].reply, match=Match.ANSWER, unmatched=()),
        )
    return Considered(read, candidates, judged, bool(now), hint)


_ASKER = re.compile(r"\b(?:i|me|my|we|our|please)\b", re.IGNORECASE)
"""Words of the one asking ("I am preparing a lecture", "my students ask", "please")."""
# (Compiled on first use: only a question with words of its asker needs them.)
_WH_WORD = r"(?i)\b(?:who|whom|whose|what|when|where|which|why|how)\b"
_CLAUSE_END = r"(?<=[,:;])\s+|\s+[-\u2013\u2014]\s+"


def without_asker(question: str) -> str:
    """The question without what its asker says of themselves: a clause (up to a comma, a
    colon or a dash) in the first person or with "please" that asks nothing ("Please, I am
    preparing a lecture for my students and I would like to know, who founded al-Qaeda?",
    "..., my students ask"), and the words before the wh-word of a clause that opens so ("I
    would like to know who ..."). Unchanged when nothing else would be left."""
    if _ASKER.search(question) is None:
        return question
    kept = []
    for clause in re.split(_CLAUSE_END, question):
        asker = _ASKER.search(clause)
        wh = re.search(_WH_WORD, clause)
        if asker is None or (wh is not None and wh.start() < asker.start()):
            kept.append(clause)
        elif wh is not None:
            kept.append(clause[wh.start() :])
    trimmed = " ".join(kept).strip()
    return trimmed if re.search(_WH_WORD, trimmed) else question


def _when_event(question: Question) -> frozenset[str]:
    """The words for what happened of a "when" clause after "who" ("Who was the US president
    when the Taliban were overthrown?": "overthrown"), the names aside: the clause says at what
    time the role is asked."""
    clause = question.text.split(" when ", 1)[1].split()
    return frozenset(
        word
        for raw in clause
        if (word := stem(raw)) in question.weights and word not in question.named
    )


_RELATIVE_TIME = frozenset(("after", "before", "since", "until", "ago"))
"""Words that set one time against another ("20 years after the US drove the Taliban out")."""
_RELATIVE_REACH = 6
"""How many words before the event such a word may be."""


def _says_at_its_time(question: Question, fact: Fact, event: frozenset[str]) -> bool:
    """Whether the fact says the event happened (its words for what happened, or a synonym),
    other than as the time its own is set against ("... in July 2021, almost 20 years after the
    US military drove the Taliban out") or as an aim ("its war to oust the Taliban")."""
    said = clauses(fact.claim)
    return all(
        any(
            one in question.group(word)
            and _RELATIVE_TIME.isdisjoint(words[max(n - _RELATIVE_REACH, 0) : n])
            and words[n - 1 : n] != ("to",)
            for sentence in said
            for words, stems in sentence
            for n, one in enumerate(stems)
        )
        for word in event
    )


def _event_years(question: Question, facts: Sequence[Fact], event: frozenset[str]) -> set[int]:
    """The years of the event a "who ... when" clause names: those of the dated facts that say
    it happened (see _says_at_its_time)."""
    return {
        fact.date.year
        for fact in facts
        if fact.date is not None and _says_at_its_time(question, fact, event)
    }


def _at_the_time(
    question: Question, judged: list[Judged], event: frozenset[str], years: set[int]
) -> list[Judged]:
    """The answers to "who ... when EVENT" that are of its time: a fact that says the event
    happened (_says_at_its_time) or is dated in one of its years. Any other answer is of
    another time ("Joe Biden" ordered the 2021 withdrawal, not the 2001 overthrow) and
    partial, the event's words what it does not cover. Answers first still."""
    # In the question's order: a set's order changes from run to run, and JSON must not.
    spelled = tuple(question.spelled[word] for word in question.weights if word in event)
    kept = [
        item
        if item.reply.match is not Match.ANSWER
        or (item.hit.fact.date is not None and item.hit.fact.date.year in years)
        or _says_at_its_time(question, item.hit.fact, event)
        else msgspec.structs.replace(
            item,
            reply=msgspec.structs.replace(item.reply, match=Match.PARTIAL, unmatched=spelled),
        )
        for item in judged
    ]
    return sorted(kept, key=lambda item: item.reply.match is not Match.ANSWER)


_ASKING = re.compile(r"\b(?:who|whom|whose|whats?|which|when|where|why|how)\b")
"""The words that ask a question."""


def _names_only(question: Question, candidates: Sequence[Hit], lookups: Lookups) -> bool:
    """Whether the text asks nothing, only names a topic: no word asks a question, nor does it
    open with a verb that asks yes or no, nor ask for a kind of answer ("doha agreement
    date", "name of ..."), and its content words are one word ("Taliban") or name one thing
    ("Osama bin Laden"). Words that name two things ("res 1390 ariana afghan airlines") ask
    what links them; a word that names nothing says what is asked of them ("al qaeda leader")."""
    if (
        question.polar
        or not question.raw.isascii()  # a word tq cannot read may ask something
        or question.wants is not Wants.ANYTHING
        or question.naming
        or _ASKING.search(question.text) is not None
    ):
        return False
    if len(question.weights) == 1:
        return True
    entities = {entity_id for hit in candidates for entity_id in hit.fact.entities()}
    return any(
        lookups.words_named(entity_id, question.weights) >= question.weights.keys()
        for entity_id in entities
    )


def _latest_first(item: Judged) -> tuple[bool, bool, int]:
    """The order of answers to "when ... at last": answers first, the latest dated first."""
    date = item.hit.fact.date
    days = date.year * 10_000 + (date.month or 0) * 100 + (date.day or 0) if date else 0
    return (item.reply.match is not Match.ANSWER, date is None, -days)


def _done_to_another(question: Question, fact: Fact, lookups: Lookups) -> str | None:
    """deeds.done_to_another of the fact, with deeds loaded only for the questions it needs."""
    from tqcli.ask.deeds import done_to_another

    named = {entity_id: lookups.name_words(entity_id) for entity_id in fact.entities()}
    return done_to_another(question, fact.claim, named)


_AGREED_COVERAGE = 0.85
"""How much of the question a partial answer that BM25 also ranks first must account for to
be the answer (see _agreed): chosen on blind-1 to blind-7, checked on blind-8 to blind-10."""


def _agreed(question: Question, judged: list[Judged], lookups: Lookups) -> bool:
    """Whether the rules' first candidate, judged a partial answer, is the answer all the same:
    two rankers agree on it -- it is BM25's best candidate as well as the rules' first -- it
    is the kind of answer asked for and accounts for nearly all the question (0.85 of its
    content weight). Its verdict then rests on a word it does not say as the question does
    ("splinter group" for "relationship"), which a fact that says all the rest rarely lacks.
    Not where the evidence against it is hard: its curators correct it; it lacks a number, a
    year or a name the question gives, or what the question is about; it is a yes/no question
    (a fact stating another proposition: "abstained" is not "supported"), or one on the
    future, on what happened in fact, on today, or on who did what to whom; or a role is asked
    (rule 7 orders those answers)."""
    first = judged[0]
    fact = first.hit.fact
    return (
        first.fits
        and first.coverage >= _AGREED_COVERAGE
        and not first.elsewhere
        and not question.polar
        and question.future is None
        and not question.in_fact
        and not question.as_done
        and question.since is None
        and not any(DIGIT.search(word) for word in first.reply.unmatched)
        # Nor where it does not deny what the question denies ("not terrorists").
        and not any(word.startswith("not ") for word in first.reply.unmatched)
        # Nor where it does not account for what the question is about ("the Taliban were born
        # ... in which year?" is not answered by al-Qaeda's birth).
        and not {question.spelled[word] for word in question.named} & set(first.reply.unmatched)
        # Nor where what happened is said of another ("killed 224 people": "When was X killed?").
        and not (question.wants is Wants.DATE and _done_to_another(question, fact, lookups))
        and fact.standing() is not NoteStance.CORRECTS
        and all((first.hit.score or 0.0) >= (item.hit.score or 0.0) for item in judged[1:])
        and not (question.named and doer_reversed(question, fact.claim, own_words(fact)))
    )


_REPEATED_WORDS = 40
"""A question of more words than this, three in four of them repeats, is no question."""
_WHERE_NOW = r"(?:\w+ )?where (?:does|do|is|are)\b"
"""A "where" asked of now ("Where does Zawahiri live?", "Where is he?"): compiled on first use."""


_ALIVE = frozenset(stems("alive"))
"""A state a death ends ("Is X alive?")."""


_ONE_VALUE = frozenset({Wants.DATE, Wants.SOMEONE, Wants.FIGURE, Wants.DURATION})
_DIGITS = r"\d+"  # compiled on first use: only answers of one value compared need it


def one_answer(replies: list[Reply], wants: Wants, asked_most: tuple[str, ...]) -> list[Reply]:
    """One question, one answer: where the question asks for one value (a date, someone, a
    figure, a length of time), a later fact whose value disagrees with the first answer's is
    shown as a partial answer, not as another answer (a date of his successor's death is no
    second answer to "When did Mullah Omar die?"); one that agrees stays an answer. Quotes and
    open questions may have several answers. A partial answer names what it leaves unanswered
    (docs/json.md): here what the question asks most of (asked_most: "die"), which it gives
    otherwise."""
    if wants not in _ONE_VALUE or not replies or replies[0].match is not Match.ANSWER:
        return replies
    first = replies[0].answer
    return [
        replies[0],
        *(
            reply
            if reply.match is not Match.ANSWER or agree(first, reply.answer, wants)
            else Reply(Match.PARTIAL, reply.answer, asked_most)
            for reply in replies[1:]
        ),
    ]


def agree(first: str, other: str, wants: Wants) -> bool:
    """Whether two short answers give the same value: dates one within the other ("2022",
    "2022-07-31"), the same numbers for figures and lengths of time, a name in common for
    "who" (answers list names with "; ")."""
    match wants:
        case Wants.DATE:
            ours, theirs = re.findall(_DIGITS, first), re.findall(_DIGITS, other)
            shorter = min(len(ours), len(theirs))
            return shorter > 0 and ours[:shorter] == theirs[:shorter]
        case Wants.FIGURE | Wants.DURATION:
            # The value's numbers, not those of whom it is credited to ("..., according to
            # the UN report of June 2021").
            first, other = _value_given(first), _value_given(other)
            numbers = re.findall(_DIGITS, first)
            return numbers == re.findall(_DIGITS, other) if numbers else fold(first) == fold(other)
        case Wants.SOMEONE:
            return bool(_named(first) & _named(other))
        case Wants.QUOTE | Wants.ANYTHING:
            return True
        case _ as unreachable:
            assert_never(unreachable)


def _value_given(answer: str) -> str:
    """A figure's short answer without whom it credits ("15 provinces, according to X")."""
    return answer.split(", according to ", 1)[0]


def _named(answer: str) -> set[str]:
    """The names a "who" answer gives, folded, without an article or its "(as of ...)"."""
    names = answer.split(" (as of ", maxsplit=1)[0].split("; ")
    return {re.sub(r"^the ", "", fold(name).strip()) for name in names}


def _in_full(item: Judged, catalog: Catalog) -> Reply:
    """The reply, its "who" answer given as the whole list of names the claim gives it in
    (see listed): worked out only for the replies given, as the list's pattern is costly."""
    names = [name(catalog, entity_id) for entity_id in item.who]
    if not names or item.reply.answer != "; ".join(names):
        return item.reply
    listed_answer = listed(item.hit.fact.claim, names)
    return (
        item.reply
        if listed_answer is None
        else Reply(item.reply.match, listed_answer, item.reply.unmatched)
    )


def as_of(date: PartialDate) -> str:
    """A fact's date as an answer says it: "August 2021", "2016", "31 July 2022"."""
    month = f"{MONTHS[date.month - 1]} " if date.month else ""
    day = f"{date.day} " if date.day and date.month else ""
    return f"{day}{month}{date.year}"


class Considered(msgspec.Struct, frozen=True):
    """A question as read and its candidate facts as judged, in the rules' order (what
    bench/train_ask.py learns from). (A Struct: no namedtuple is built at import.)"""

    read: Question
    candidates: list[Hit]
    judged: list[Judged]
    now: bool
    """Whether it asks who holds a role now."""
    hint: str = ""
    """What else to run for what the question asks (see Answers.hint)."""


@functools.cache
def _irregular_forms() -> frozenset[str]:
    """The stems of IRREGULAR_VERBS' forms (credited, not searched for): made when a question
    first needs them, not at every start-up (~60 words stemmed)."""
    return frozenset(stem(form) for verb in IRREGULAR_VERBS for form in verb)


def _naming_words(
    question: Question, candidates: Sequence[Hit], lookups: Lookups
) -> frozenset[str]:
    """The question's words that name an entity of a candidate fact, where the question names
    it: most of the words of one of its names, as written or inflected ("Taliban's"), not only
    their stems ("govern Afghanistan" does not name the Government of Afghanistan)."""
    by_stem: dict[str, list[tuple[str, str]]] = {}
    for word, raw in question.spelled.items():
        if word in question.weights:
            by_stem.setdefault(stem(raw), []).append((raw, word))
            if stem(raw) != word:  # a typo corrected ("Akhunzada"): the name it was read as
                by_stem.setdefault(word, []).append((raw, word))
    named: set[str] = set()
    for entity_id in {entity_id for hit in candidates for entity_id in hit.fact.entities()}:
        for entity_name in lookups.written_names(entity_id):
            if by_stem.keys().isdisjoint(map(stem, entity_name)):
                continue  # (most names: no stem of the question's, tested without a loop)
            # A part of the name as written, or with a short ending ("Taliban's"), not another
            # word of the same stem ("government" for "govern").
            found = {
                word: part
                for part in entity_name
                for raw, word in by_stem.get(stem(part), ())
                if abs(len(raw) - len(part)) <= 2
            }
            if len(set(found.values())) * 2 > len(entity_name):
                named |= found.keys()
    return frozenset(named)


_RECENT_YEARS = 2
"""A figure dated this many years before the newest candidate is still one of now."""


def with_more(candidates: list[Hit], more: Iterable[Hit], lookups: Lookups) -> list[Hit]:
    """The candidates, then those of more that are not among them."""
    seen = {hit.fact.id for hit in candidates}
    found = []
    for hit in more:
        if hit.fact.id not in seen:
            seen.add(hit.fact.id)
            found.append(hit)
    lookups.names(hit.fact for hit in found)
    return candidates + found
