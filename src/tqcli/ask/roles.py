"""Who plays the role a question asks about, and whose post a fact gives."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from tqcli.ask.claims import claim_words, clauses, kind, name_spans, stemmed, written
from tqcli.ask.question import derived
from tqcli.ask.words import (
    ACTING,
    ASIDE,
    BE,
    BECOME,
    BEGINNING,
    ENDING,
    FUNCTION_WORDS,
    KIN,
    NOW,
    PARTICIPLES,
    PERSON_ROLES,
    SAYING_VERBS,
    SENTENCE,
    SUCCESSION,
    VERB_FORM,
    WHO_IS,
    WORD,
    stems,
)
from tqcli.model import EntityKind, Fact
from tqcli.textnorm import fold, stem, tokens

if TYPE_CHECKING:
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question


_KIN_NEAR = 6
_LEFT = ENDING - BEGINNING
"""Of those, the words that say only the leaving ("killed his predecessor X", "X's death")."""
_PASSIVE_QUESTION = r"\bwho (?:was|were|is|are|has been|have been|had been|got|gets) (\w+)\b"
"""A question in the passive ("Who was killed in 2022?") asks for whom it was done to."""
_SIDE = r"\bfor (?:the )?(\w+(?: \w+)?)"  # compiled on first use: "who negotiated for the US"
_WITH_WHOM = r"whom? (?:did|does|do|has|had|have|will|would|could) (?P<rest>.+) with$"
"""A "who" asked as the object of a closing "with" (compiled on first use)."""


class Role(msgspec.Struct, frozen=True):
    """The role a "who" question asks about, as in_role reads it (once a question). (A
    Struct, as Question is: made in C.)"""

    asked: frozenset[str]
    """The question's stems."""
    verb: str | None
    """For a question in the passive ("who was killed"), the verb's stem."""
    succession: bool
    """Whether it asks who came into a post after someone (see succession)."""
    posts: frozenset[str]
    """The posts it names, with their synonyms."""
    side: frozenset[str]
    """The words of "for X" ("for the US"), stemmed: the side asked about."""
    kin: frozenset[str] = frozenset()
    """The nouns of a person the question asks for that are no post ("the suicide bomber",
    "Zawahiri's wife", "his deputy"): the claim must give one to whom it names."""
    partner: frozenset[str] = frozenset()
    """The words naming the subject of "who did X VERB ... with?": the answer is whom X did it
    with, not one the claim puts with X ("Taliban leader Mullah Baradar")."""


_TELLING = ("announc", "said", "say", "told", "tell", "confirm", "report")


def _may_tell_or_own(claim: str, words: Sequence[str]) -> bool:
    """Whether a claim may have a verb of telling, or one of these (folded) name words as a
    possessive (a plain text test, before reading its clauses)."""
    lowered = claim.lower()  # (folding would drop the apostrophe)
    return any(verb in lowered for verb in _TELLING) or any(
        f"{word}'s" in lowered or f"{word}’s" in lowered for word in words
    )


def _read_role(question: Question) -> Role:
    """The role a "who" question asks about (see Role)."""
    passive = re.search(_PASSIVE_QUESTION, question.text)
    verb = None
    if passive and ((word := passive.group(1)).endswith(("ed", "en")) or word in PARTICIPLES):
        verb = stem(word) if stem(word) in question.happened else None
    # A post the question names ("who is the leader of"), or one its verb is ("who leads";
    # not asked of now, when rule 7 chooses among all a claim names: "X's leader was A in the
    # 2000s and is now B").
    roles = PERSON_ROLES & question.weights.keys()
    if not roles and NOW.isdisjoint(stemmed(question.text)):
        roles = frozenset(w for w in question.happened if PERSON_ROLES & question.group(w))
    posts = frozenset(word for role in roles for word in question.group(role))
    side: frozenset[str] = frozenset()
    if " for " in question.text and (found := re.search(_SIDE, question.text)):
        # (As stems: "for the talibans" is for the Taliban.)
        side = frozenset(stem(word) for word in found.group(1).split()) & question.weights.keys()
    kin = question.group(question.head) if question.head in KIN else frozenset()
    partner: frozenset[str] = frozenset()
    if question.text.endswith(" with") and (found := re.match(_WITH_WHOM, question.text)):
        # "Who did the Taliban sign the accord with?": the other party, not the Taliban's own.
        subject = itertools.takewhile(
            lambda word: stem(word) not in question.happened, found.group("rest").split()
        )
        partner = frozenset(word for word in subject if stem(word) in question.weights)
    return Role(
        frozenset(stemmed(question.text)), verb, succession(question), posts, side, kin, partner
    )


def in_role(question: Question, fact: Fact, who: list[str], lookups: Lookups) -> list[str]:
    """Of those a "who" answer would name, the ones the claim gives the role the question asks
    about: not whoever only tells of it ("announced his death"), nor a name owning another noun
    ("George W Bush's War on Terror" names no Taliban leader); for a question in the passive
    ("who was killed"), whom it was done to; for a succession ("who succeeded bin Laden"), who
    came into the post; for a post ("who is the leader of"), who is given that post, when the
    claim gives it to some ("its leader Abu Bakr al-Baghdadi", not "Isis's spokesman ..."); for
    a side ("who negotiated for the US"), not who acts for another ("Baradar led the Taliban's
    negotiating team", "Baradar for the Taliban")."""
    if not who:
        return who
    if question.happened and re.search(_NEGATING, fact.claim, re.IGNORECASE):
        # "Pompeo was in Qatar ... but did not sign it": the claim says he did not do it.
        denied = _denied(question, fact, who, lookups)
        who = [entity_id for entity_id in who if entity_id not in denied]
    if lookups.role is None:
        lookups.role = _read_role(question)
    role = lookups.role
    asked, verb, succession, posts = role.asked, role.verb, role.succession, role.posts
    side_words = role.side
    if not (
        verb or succession or posts or side_words or role.kin or role.partner
    ) and not _may_tell_or_own(
        fact.claim,
        [word for entity_id in who for name in written(entity_id, lookups) for word in name],
    ):
        return who  # no check can apply: the claim neither tells nor has their possessive
    sentences = clauses(fact.claim)
    # "Who is the caliph-in-waiting?": the noun asked, which a claim may give someone as the
    # complement of a verb of considering or naming ("considers the Afghan Taliban's chief its
    # caliph-in-waiting").
    complement = complement_asked(question)
    claimed = {word for sentence in sentences for _, stems in sentence for word in stems}
    if (
        posts
        and (held := re.match(r"(?:\w+ )?who (\w+ed)\b", question.text)) is not None
        and stem(held.group(1)) in posts
        and posts.isdisjoint(claimed)
        and not derived(stem(held.group(1)), claimed)
    ):
        # "Who chaired the 1267 committee ...?": a claim that gives the post in no word of it
        # ("chair", "chairman", "chaired") gives it to no one it names.
        return []
    if verb is not None and all(
        _verb_at(words, stems, verb) is None for sentence in sentences for words, stems in sentence
    ):
        # "Who was listed ...?": a claim with "the Consolidated List" and "each listing" only
        # says no one was listed.
        return []
    kept: list[str] = []
    posted: list[str] = []
    for entity_id in who:
        names = written(entity_id, lookups)
        every = frozenset().union(*names)
        mentions = [
            (words, stems, start, end, number)
            for number, sentence in enumerate(sentences)
            for words, stems in sentence
            if not every.isdisjoint(words)
            for start, end in name_spans(words, names)
        ]
        if not mentions:
            if not side_words:  # named only in a way the clauses do not show: cannot tell
                kept.append(entity_id)
            continue
        if not SAYING_VERBS & asked and all(
            not SAYING_VERBS.isdisjoint(stems[end : end + 2]) for _, stems, _, end, _ in mentions
        ):
            continue  # only tells of it
        if all(
            words[end : end + 1] == ("s",)
            and end + 1 < len(words)
            and stems[end + 1] not in asked
            and ACTING.isdisjoint(stems[end + 1 : end + 3])
            for words, stems, _, end, _ in mentions
        ):
            continue  # owns another noun
        if complement and all(
            _beside_complement(words, stems, start, end, complement)
            for words, stems, start, end, _ in mentions
        ):
            continue  # considers another the role, or owns the one who holds it
        if (
            verb is not None
            and not any(
                _done_to(words, stems, start, end, verb)
                # "Mullah Mohammad Yaqoob, Mullah Omar's son, was named defence minister": the
                # sentence opens with the name, and a later clause with the verb in the passive.
                or (
                    start == 0
                    and sentences[number][0][1] == stems
                    and any(
                        len(clause) > 1 and clause[0] in BE and clause[1] == verb
                        for _, clause in sentences[number][1:]
                    )
                )
                for words, stems, start, end, number in mentions
            )
        ):
            continue
        if succession and not any(
            _came_in(stems, (start, end), sentences[number], claimed, question)
            for _, stems, start, end, number in mentions
        ):
            continue
        if side_words and _other_side(mentions, side_words, lookups):
            continue
        if role.partner and not _other_side(mentions, role.partner, lookups):
            continue  # with the subject, not with whom the subject did it
        if role.kin and not any(
            not role.kin.isdisjoint(stems[max(start - _KIN_NEAR, 0) : start])
            or not role.kin.isdisjoint(stems[end : end + _KIN_NEAR])
            for _, stems, start, end, _ in mentions
        ):
            # "Who was the suicide bomber?": not the general who apologised for a strike
            # "meant to stop an Islamic State suicide bomber" -- the claim gives him no such role.
            continue
        kept.append(entity_id)
        if posts and any(
            not posts.isdisjoint(stems[max(start - 3, 0) : start])
            for _, stems, start, _, _ in mentions
        ):
            posted.append(entity_id)
    if posts and kept and not posted and _titles_another(question, fact, posts, lookups):
        # "Kestria's President Ada Rook described ... crews tied to Olaf Benn": the claim gives
        # the post to the one it is the title of; those merely named do not hold it.
        return []
    return posted or kept


_CONSIDERING = frozenset(
    stems(
        "consider considers considered regard regards regarded call calls called name names "
        "named deem deems deemed see sees saw view views viewed hail hails hailed proclaim "
        "proclaims proclaimed declare declares declared make makes made appoint appoints "
        "appointed elect elects elected crown crowns crowned"
    )
)
"""Verbs that give someone a role as their object's complement ("considers X its leader",
"named X chief", "hailed X as caliph")."""


_CONSIDERED_AS = r"whom? (?:does|did|do|is|was|are|were|has|have|had) (.+)"
""""Who does al-Qaeda see as its caliph?": the words after the auxiliary (compiled on first
use: only "who" questions need it)."""
_BEFORE_COMPLEMENT = frozenset(("as", "its", "their", "his", "her", "the", "a", "an"))


def complement_asked(question: Question) -> str | None:
    """The role (stemmed) a "who" asks for that a claim may give as a complement: the noun of
    "who is the X" ("caliph" of "who is the caliph-in-waiting"), or the one after a verb of
    considering or naming ("who does al-Qaeda see as its caliph")."""
    if re.match(WHO_IS, question.text):
        return question.head
    found = re.match(_CONSIDERED_AS, question.text)
    if found is None:
        return None
    words = found.group(1).split()
    verb = next((n for n, word in enumerate(words) if stem(word) in _CONSIDERING), None)
    if verb is None:
        return None
    noun = next((word for word in words[verb + 1 :] if word not in _BEFORE_COMPLEMENT), "")
    return stem(noun.split("-")[0]) if stem(noun.split("-")[0]) in question.weights else None


_HELD_AS = (  # compiled on first use: only "who" questions need it
    r"\b(?:considers?|considered|regards?|regarded|calls?|called|deems?|deemed|sees?|saw|views?|"
    r"viewed|hails?|hailed|proclaims?|proclaimed|declares?|declared|names|named) "
    r"(the [^,;.()]+?)(?: as)? (?:its|their|his|her|the) ([\w-]+)"
)
"""A claim giving a role as a complement: "considers the Afghan Taliban's chief its
caliph-in-waiting"."""


def holder_by_post(question: Question, claim: str) -> str | None:
    """The phrase, as the claim writes it, to which the claim gives the role asked as a
    complement (see complement_asked), where it names the holder only by a post: "the Afghan
    Taliban's chief" answers "who is the caliph-in-waiting?". None where the claim gives it
    otherwise."""
    noun = complement_asked(question)
    if noun is None or noun not in tokens(claim):
        return None
    for found in re.finditer(_HELD_AS, claim):
        if stem(found.group(2).split("-")[0].lower()) == noun and not _POSTS.isdisjoint(
            tokens(found.group(1))
        ):
            return found.group(1)
    return None


_POSTS = PERSON_ROLES | frozenset(stems("chief head"))
"""Nouns of a post a phrase may name its holder by ("the Taliban's chief")."""


def _beside_complement(
    words: Sequence[str], stems: Sequence[str], start: int, end: int, noun: str
) -> bool:
    """Whether a name at words[start:end] is beside the role a clause gives as a complement
    (noun, after a verb of considering or naming: "al-Qaeda's current leadership considers the
    Afghan Taliban's chief its caliph-in-waiting"), not the one given it: before the verb (who
    considers), or between the verb and the noun as the owner of another noun (the Taliban's
    chief is the caliph-in-waiting, not the Taliban). Not in the passive ("X was named prime
    minister": X is)."""
    if noun not in stems:
        return False
    at = stems.index(noun)
    verb = next(
        (n for n in range(at - 1, -1, -1) if stems[n] in _CONSIDERING and words[n] != "name"),
        None,
    )
    if verb is None or (verb and stems[verb - 1] in BE):
        return False  # (in the passive, "was named acting prime minister", the subject is it)
    if end <= verb:
        return True
    return start > verb and end < at and words[end : end + 1] == ("s",)


_NEGATING = r"\b(?:not|never|neither|nor)\b|n['’]t\b"
"""Words that deny what follows them in English; a plain test of the claim, before reading its
clauses."""
NEGATIONS = frozenset(
    [
        "not",
        "never",
        "neither",
        "nor",
        "didnt",
        "doesnt",
        "dont",
        "wasnt",
        "werent",
        "isnt",
        "arent",
        "hasnt",
        "havent",
        "hadnt",
        "wont",
        "cannot",
        "cant",
        "couldnt",
        "wouldnt",
    ]
)
"""The same words as the claim's folded words have them ("didn't" is "didnt")."""
_NEGATED_WITHIN = 3
"""How many words before a verb a negation may be ("did not sign", "has never been signed")."""
_BETWEEN_NEGATION = frozenset(
    ["be", "been", "being", "have", "has", "had", "ever", "yet", "even", "personally"]
)
"""Words that may come between a negation and the verb it denies ("has not been signed")."""


def _negated(words: Sequence[str], at: int) -> bool:
    """Whether the word at `at` is a verb a negation denies: the negation before it with only
    auxiliaries or adverbs between ("did not sign", "was never personally signed"; not "not on
    the UN list" for "UN")."""
    for back in range(1, _NEGATED_WITHIN + 1):
        if at - back < 0:
            return False
        if words[at - back] in NEGATIONS:
            return True
        if words[at - back] not in _BETWEEN_NEGATION:
            return False
    return False


def _denied(question: Question, fact: Fact, who: list[str], lookups: Lookups) -> set[str]:
    """Of those a "who" answer would name, the ones the claim says did not do what the question
    asks happened: the subject of a clause whose verb for it is denied ("Pompeo was in Qatar
    ... but did not sign it") -- the first of them the clause names before the verb, else (a
    coordinated clause with no subject of its own, "but did not sign it") the first its
    sentence names -- or its agent after "by" ("was not signed by X")."""
    happened = frozenset().union(*(question.group(word) for word in question.happened))
    names = {entity_id: written(entity_id, lookups) for entity_id in who}
    denied: set[str] = set()
    for sentence in clauses(fact.claim):
        for number, (words, clause_stems) in enumerate(sentence):
            for at, word in enumerate(clause_stems):
                if word not in happened or not _negated(words, at):
                    continue
                if words[at + 1 : at + 2] == ("by",):
                    spans = {e: name_spans(words[at + 2 :], n) for e, n in names.items()}
                    denied.update(entity_id for entity_id, found in spans.items() if found)
                    continue
                for earlier in (words[:at], *(clause for clause, _ in sentence[:number])):
                    first = min(
                        (
                            (found[0][0], entity_id)
                            for entity_id, n in names.items()
                            if (found := name_spans(earlier, n))
                        ),
                        default=None,
                    )
                    if first is not None:
                        denied.add(first[1])
                        break
    return denied


def _titles_another(
    question: Question, fact: Fact, posts: frozenset[str], lookups: Lookups
) -> bool:
    """Whether the claim writes one of the posts as a title (capitalised) before the name of a
    person it links whom the question does not name ("President Clinton"; not "Leadership
    Council", nor "Taliban Leader Mullah Omar" asked who succeeded Mullah Omar)."""
    spans, _, stems = claim_words(fact.claim)
    people = [
        name
        for entity_id in fact.entities()
        if kind(entity_id, lookups.catalog) is EntityKind.PERSON
        for name in written(entity_id, lookups)
    ]
    for n, word in enumerate(stems):
        if word not in posts or not spans[n].group()[0].isupper():
            continue
        end = n + 1
        while (
            end < len(spans)
            and spans[end].group()[0].isupper()
            and not fact.claim[spans[end - 1].end() : spans[end].start()].strip()
        ):
            end += 1
        run = {fold(span.group()) for span in spans[n + 1 : end]}
        if question.named.isdisjoint(stems[n + 1 : end]) and any(
            name and not run.isdisjoint(name) for name in people
        ):
            return True
    return False


def role_words(question: Question) -> tuple[str, ...]:
    """The words of a "who" question that say the role asked (see in_role), as written: the
    side of "for the US", else the verb of what happened."""
    if " for " in question.text and (side := re.search(_SIDE, question.text)):
        return tuple(word for word in side.group(1).split() if stem(word) in question.weights)
    return tuple(question.spelled[word] for word in sorted(question.happened))


def done_to_asked(question: Question, fact: Fact) -> bool:
    """Whether the claim, where it says what the question asks happened in its verb after
    "who", says it of what the question names: "Who killed Zawahiri?" is not answered by
    "... after its leader Osama bin Laden was killed" in a fact on Zawahiri."""
    verb = re.match(r"who (\w+)", question.text)
    happened = question.happened & {stem(verb.group(1))} if verb else frozenset()
    if not happened:
        return True
    # ("..., with China and Malaysia abstaining": an absolute clause is said of its sentence.)
    clause_stems = [
        stems if stems[:1] != ("with",) else tuple(w for _, part in sentence for w in part)
        for sentence in clauses(fact.claim)
        for _, stems in sentence
    ]
    said = [stems for stems in clause_stems if not happened.isdisjoint(stems)]
    # ("... was killed ...; President Biden announced his death": "his" is the one named.)
    return not said or any(
        not (question.named | _PRONOUNS_OF_THE_NAMED).isdisjoint(stems) for stems in said
    )


_PRONOUNS_OF_THE_NAMED = frozenset(stem(word) for word in ("him", "his", "her", "them", "their"))


def succession(question: Question) -> bool:
    """Whether the question asks who came into a post after someone: "Who succeeded bin
    Laden?", "who became the leader after Zawahiri?"."""
    if SUCCESSION & question.happened or "successor" in question.weights:
        return True
    return (
        " after " in question.text
        and "bec" in question.text
        and re.search(BECOME + r".* after \w", question.text) is not None
    )


def _came_in(
    stems: Sequence[str],
    span: tuple[int, int],
    sentence: Sequence[tuple[Sequence[str], Sequence[str]]],
    claim: set[str],
    question: Question,
) -> bool:
    """Whether a clause naming someone (at span) says they came into a post, in a claim
    (its stems) that names one the question names and says someone left it: "Zawahiri became head of
    al-Qaeda in 2011, after its leader Osama bin Laden was killed" (Zawahiri, not bin Laden);
    "Saif al-Adel, from Egypt, is now the de facto leader ..., Zawahiri's death" (the sentence
    opens with his name); not whom the leaving is said of beside their name ("appointed after
    a drone strike killed his predecessor Mullah Akhtar Mansour")."""
    if question.named.isdisjoint(claim) or ENDING.isdisjoint(claim):
        return False
    start, end = span
    if not _LEFT.isdisjoint(stems[max(start - 3, 0) : start]) or not _LEFT.isdisjoint(
        stems[end : end + 3]
    ):
        return False
    every = {word for _, clause in sentence for word in clause}
    if not BEGINNING.isdisjoint(stems):
        return True
    opens = sentence[0][1] == stems and start == 0
    return opens and ENDING.isdisjoint(stems) and not BEGINNING.isdisjoint(every)


def _done_to(words: Sequence[str], stems: Sequence[str], start: int, end: int, verb: str) -> bool:
    """Whether a name in a clause is whom the verb was done to: before it in the passive ("al-
    Zawahiri was killed"), after it in the active ("a drone strike killed al-Zawahiri"). The
    verb must be one there (a participle, or after "was"), not a noun of its stem ("the
    Consolidated List", "each listing" list no one)."""
    at = _verb_at(words, stems, verb)
    if at is None:
        return False
    if at and stems[at - 1] in BE:
        return end <= at
    return start > at and "by" not in stems[at:start]


def _verb_at(words: Sequence[str], stems: Sequence[str], verb: str) -> int | None:
    """Where a clause has the verb (a stem) as a verb: after "was", a participle not after a
    determiner; None where it has it only as a noun or not at all."""
    return next(
        (
            n
            for n, word in enumerate(stems)
            if word == verb
            and (
                (n and stems[n - 1] in BE)
                or words[n] in PARTICIPLES
                or (VERB_FORM.search(words[n]) and n and words[n - 1] not in _BEFORE_A_NOUN)
            )
        ),
        None,
    )


_BEFORE_A_NOUN = frozenset(
    ("the", "a", "an", "its", "their", "his", "her", "our", "this", "each", "any", "every", "no")
)
"""Words after which a verb's form is a noun ("each listing"); its plain form ("the
Consolidated List") is taken for a noun wherever no "was" comes before it."""


def _other_side(
    mentions: Sequence[tuple[Sequence[str], Sequence[str], int, int, int]],
    side: frozenset[str],
    lookups: Lookups,
) -> bool:
    """Whether the claim does not put the person with the party the question names ("for the
    US"), by any name of the candidates' entities, beside the person's name: "X for the United
    States", "X, the US Special Representative" do; "Taliban co-founder X", "X for the
    Taliban", "X led the Taliban's team" put them with another."""
    marks: set[bool] = set()  # whether each party beside the name is the side asked about
    for words, clause_stems, start, end, _ in mentions:
        for entity_id, names in lookups.all_written():
            for first, stop in name_spans(words, names):
                # ("X for the United States and Baradar": the United States are X's.)
                before = (
                    start - 3 <= first
                    and stop <= start
                    and "and" not in words[stop:start]
                    and words[first - 1 : first] != ("for",)
                )
                after = end <= first <= end + 6 and (
                    "for" in words[max(first - 2, end) : first]
                    or words[stop : stop + 1] == ("s",)
                    or not ACTING.isdisjoint(clause_stems[stop : stop + 2])
                )
                if before or after:
                    marks.add(
                        bool(side & set(clause_stems[first:stop]))
                        or lookups.named_in(entity_id, side)
                    )
    return True not in marks


_POST_NEAR = 8
"""How near (in words) a claim gives a post and what it is a post of: "prime minister, Mullah
Mohammad Hasan Akhund, in the Taliban's new government"."""


_SUBORDINATE_POST = frozenset(stems("deputy deputies vice assistant"))
"""Words that make a post another, lower one: a deputy (or "deputy to the") prime minister, a
vice-president or an assistant secretary is not the prime minister, president or secretary."""
_FORMER = frozenset(stems("former ex erstwhile"))
"""Words that say a post was held before: no answer to who holds it now."""
_SUBORDINATE_REACH = 5
"""How many words before the post such a word may be ("deputy to the acting prime minister")."""
_INDEFINITE = frozenset(("a", "an"))
"""Articles that make a post one of several ("a senior leader of the network"): no answer to
who holds it ("who runs the network", "who is its leader")."""


def post_only_subordinate(question: Question, fact: Fact) -> bool:
    """Whether every mention of a post a "who" question asks about (by its noun, or by the
    verb of its holder: "who runs X") in the claim is made another by a word before it in its
    clause: "deputy", "vice", "assistant" (and, for a question in the present tense, "former");
    or, the question asking for the one who holds it, one of several ("a senior leader")."""
    asked = PERSON_ROLES & question.weights.keys() or {
        role for word in question.weights for role in PERSON_ROLES & question.group(word)
    }
    if not asked:
        return False
    if not _SUBORDINATE_POST.isdisjoint(question.weights):
        return False  # "who is the deputy leader" asks for the lower post
    posts = set().union(*map(question.group, asked))
    claim = fact.claim
    spans, _, stems = claim_words(claim)  # (read once a claim, as other rules read it)
    at = [n for n, word in enumerate(stems) if word in posts]
    if not at:
        return False
    one_of = not re.search(r"\b(?:an?|one of)\b", question.text)
    lower = _SUBORDINATE_POST
    if re.match(WHO_IS, question.text) and not re.match(r"who (?:was|were)\b", question.text):
        lower = lower | _FORMER
    for n in at:
        before: list[str] = []  # the words before it in its clause, nearest first
        for m in range(n - 1, max(-1, n - 1 - _SUBORDINATE_REACH), -1):
            if _CLAUSE_END.search(claim[spans[m].end() : spans[m + 1].start()]):
                break
            before.append(stems[m])
        if lower.isdisjoint(before) and not (one_of and _INDEFINITE.intersection(before[:2])):
            return False
    return True


def post_of_in(question: Question, claim: str, named: dict[str, frozenset[str]]) -> bool:
    """Whether the claim gives the post asked about as one of what the question says it is a
    post of: within eight words of it ("Afghanistan's president", "prime minister, ... in the
    Taliban's new government"), or, when the fact links it, with no other name before the post
    ("was named acting prime minister"; not "the US president", and not a post opening the
    claim, whose capital tells nothing)."""
    assert question.head is not None
    posts = question.group(question.head)
    of = set().union(*map(question.group, question.post_of))
    spans, _, stems = claim_words(claim)
    at = [
        n
        for n, word in enumerate(stems)
        if word in posts and ("-" not in claim or not _post_of_a_branch(question, claim, spans, n))
    ]
    if any(
        word in of
        and any(abs(n - m) <= _POST_NEAR for m in at)
        and not _in_another_compound(question, claim, spans[n])
        for n, word in enumerate(stems)
    ):
        return True
    linked = any(of & words for words in named.values())
    return linked and any(
        # At a sentence's or a clause's start a capital tells nothing ("President Biden has
        # expressed", "...; President Biden approved").
        n > 0
        and not _CLAUSE_END.search(claim[spans[n - 1].end() : spans[n].start()])
        and (not spans[n - 1].group()[0].isupper() or stems[n - 1] in of)
        for n in at
    )


_CLAUSE_END = re.compile(r"[.;:!?]")


def _in_another_compound(question: Question, claim: str, word: re.Match[str]) -> bool:
    """Whether the claim writes the word in a hyphenated name that the question does not
    write, whose head (its last part) the question does not say though it says another part:
    "ISIS-K" (a branch of ISIS) asked as "ISIS". Not "al-Zawahiri" asked as "Zawahiri"."""
    if claim[word.end() : word.end() + 1] != "-" and claim[word.start() - 1 : word.start()] != "-":
        return False  # (most words: no regular expression)
    lowered = claim.lower()
    before = re.search(r"[\w-]*\Z", lowered[: word.start()])
    after = re.match(r"[\w-]*", lowered[word.start() :])
    compound = (before.group() if before else "") + (after.group() if after else "")
    if "-" not in compound or compound in question.raw.lower():
        return False
    *parts, head = compound.split("-")
    asked = set(WORD.findall(question.raw.lower()))
    return head not in asked and not asked.isdisjoint(parts)


def _post_of_a_branch(
    question: Question, claim: str, spans: Sequence[re.Match[str]], n: int
) -> bool:
    """Whether the post at word n is said to be one of a name the claim writes joined by a
    hyphen to more than the question writes ("head of ISIS-K", "ISIS-K's leader", "the ISIS-K
    leader"): a branch ("ISIS-K") is not what it is a branch of ("ISIS")."""
    words = [span.group().lower() for span in spans[n + 1 : n + 4]]
    if words[:1] == ["of"] and len(words) > 1:
        owner = n + 3 if words[1] == "the" and len(words) > 2 else n + 2
        return _in_another_compound(question, claim, spans[owner])
    if (
        n >= 2
        and spans[n - 1].group().lower() == "s"
        and claim[spans[n - 2].end() : spans[n - 1].start()] in ("'", "\u2019")
    ):
        return _in_another_compound(question, claim, spans[n - 2])  # "ISIS-K's leader"
    return (
        n >= 1
        and claim[spans[n - 1].end() : spans[n].start()] == " "
        and _in_another_compound(question, claim, spans[n - 1])  # "the ISIS-K leader"
    )


def has_post(question: Question, claim: str, entity_id: str, lookups: Lookups) -> bool:
    """Whether the claim puts the post the question asks about (its head noun, when that is a
    post) just before the person's name: "US ambassador Linda Thomas-Greenfield", "the President
    of the Security Council, Jean Levitte" (five words at most, in one sentence)."""
    head = question.head
    if head is None or head not in PERSON_ROLES:
        return False
    posts = question.group(head)
    # "The ambassador to Afghanistan": the phrase after the post says which post; the claim must
    # say it beside the post too (an ambassador to the UN is not the one asked about).
    which = [
        stem(word)
        for word in re.findall(
            rf"\b{re.escape(question.spelled.get(head, head))} (?:of|to|for|at) (?:the )?"
            r"((?:[^\W\d_]+ ?){1,2})",
            question.text,
        )[:1]
        for word in word.split()
        if stem(word) not in FUNCTION_WORDS
    ]
    names = written(entity_id, lookups)
    for sentence in re.split(SENTENCE, re.sub(ASIDE, " ", claim)):
        words = WORD.findall(fold(sentence))
        stems = [stem(word) for word in words]
        for start, _ in name_spans(words, names):
            at = [n for n in range(max(0, start - 5), start) if stems[n] in posts]
            if at and all(
                any(question.group(w) & set(stems[n : n + 7]) for n in at) for w in which
            ):
                return True
    return False
