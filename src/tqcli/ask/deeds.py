"""What a question asks was done (or required), and whether a fact says so, of whom and by whom."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcli.ask.claims import clauses, name_spans, stemmed, written
from tqcli.ask.doers import NOT_ASKED, doer_asked
from tqcli.ask.question import Wants, derived
from tqcli.ask.words import (
    ACTING,
    BE,
    BEGINNING,
    DID,
    ENJOINING,
    FUNCTION_WORDS,
    HYPHENATED,
    MONTHS,
    OBLIGING,
    PARTICIPLES,
    PERSON_ROLES,
    POSSESSIVE,
    SENTENCE,
    SUCCESSION,
    WHAT_REQUIRED,
    WORD,
    WRITTEN_WORD,
)
from tqcli.model import Agreement, Fact, Quote
from tqcli.textnorm import fold, stem, tokens

if TYPE_CHECKING:
    from tqcli.ask.lookups import Lookups
    from tqcli.ask.question import Question


_BEGUN = frozenset(("began", "begun", "begin", "begins", "started", "start", "starts", "starting"))
"""Verbs with which a claim says only that something began ("began their withdrawal")."""


def only_begun(question: Question, said: set[str], claim: str) -> bool:
    """Whether the claim says what happened (said, or synonyms) only after a verb of beginning,
    at most two words before it ("began their withdrawal")."""
    lowered = claim.lower()
    if "bega" not in lowered and "begun" not in lowered and "start" not in lowered:
        return False  # (most claims: no need to read their words)
    happened = set().union(*map(question.group, said)) | said
    words = WORD.findall(fold(claim))
    places = [
        at
        for at, word in enumerate(words)
        if stem(word) in happened or any(derived(w, {stem(word)}) for w in said)
    ]
    return bool(places) and all(not _BEGUN.isdisjoint(words[max(0, at - 3) : at]) for at in places)


_DOER = r"\w{3,}(?:er|or)s?"  # compiled on first use (re caches it)
"""An agent noun ("founder", "leaders"): who does what its verb says."""


def as_doer(question: Question, word: str, own: frozenset[str]) -> bool:
    """Whether the fact says what happened (word, a stem) only by the noun for its doer: "its
    founder" is not its founding."""
    said = (question.group(word) | {word}) & own
    return bool(said) and all(
        other != word and other.startswith(word[:4]) and re.fullmatch(_DOER, other)
        for other in said
    )


def as_verb(question: Question, word: str) -> bool:
    """Whether the question has the word (a stem) as a verb: in the past ("founded"), or
    after "who" ("who funds")."""
    spelled = question.spelled.get(word, "")
    return spelled.endswith("ed") or f" who {fold(spelled)} " in f" {question.text} "


_FILLERS = frozenset(
    ("first", "originally", "initially", "was", "were", "is", "are", "been", "had", "has", "the")
)
"""Words between a thing and the participle said of it in the passive ("first established by")."""


def of_another(question: Question, word: str, claim: str) -> bool:
    """Whether every time the claim says what happened (word, a stem, or its synonyms), it says
    it of a name the question does not give: the verb followed by a capitalised name ("founded
    the Haqqani Network") none of whose words the question has."""
    group = question.group(word) | {word}
    lowered = claim.lower()
    if not any(member[:4] in lowered for member in group):
        return False  # (most claims: no need to read their words)
    found = list(WRITTEN_WORD.finditer(claim))
    written = [match.group() for match in found]
    prefixes = {member[:4] for member in group}
    objects = []
    for at, raw in enumerate(written):
        if raw[:4].lower() not in prefixes:
            continue  # (stem only the words that may be one of the group)
        said = stem(fold(raw))
        if said not in group or said in ACTING or re.fullmatch(_DOER, said):
            continue  # a post's noun ("its leader Saif al-Adel") names its holder after it
        if raw.endswith("ed") and written[at + 1 : at + 2] in (["by"], ["pursuant"], ["under"]):
            # In the passive what it was done to comes before: "the Security Council Committee
            # established pursuant to resolution 1267", "the Ombudsperson, first established by".
            near = [n for n in range(max(0, at - 4), at) if written[n].lower() not in _FILLERS]
            before = [written[n] for n in near]
            if not before or not before[-1][:1].isupper():
                return False
            if "," in claim[found[near[-1]].end() : found[at].start()]:
                # "Resolution 2160 (2014), on the threat ... by the Taliban, was adopted": the
                # name closes an aside; what was adopted opens the sentence (cannot tell).
                return False
            objects.append({stem(fold(re.sub(POSSESSIVE, "", before[-1])))})
            continue
        after = written[at + 1 : at + 5]
        if after and after[0].lower() == "the":
            after = after[1:]
        if not after or not after[0][:1].isupper():
            return False  # said of no name, or of something not named: cannot tell
        # The name's first three words, particles included ("Osama bin Laden").
        objects.append({stem(fold(re.sub(POSSESSIVE, "", word))) for word in after[:3]})
    return bool(objects) and all(name.isdisjoint(question.weights) for name in objects)


def in_one_clause(question: Question, said: set[str], claim: str, subject: set[str]) -> bool:
    """Whether a clause of the claim says what happened (said: words of question.happened, or
    their synonyms, or words of the same root: "emergence" for "appear") and names the subject
    (stems)."""
    happened = set().union(*map(question.forms, said)) | said
    for clause in re.split(SENTENCE, claim):
        stems = set(tokens(clause))
        if stems & subject and (stems & happened or any(derived(word, stems) for word in happened)):
            return True
    return False


_OBLIGATION = (
    r"\b(?:shall|must|required?|requires|requirement|obliged?|obligations?|obligated"
    r"|commit(?:s|ted|ments?)|pledged?|undert(?:ook|akes?)|demand(?:s|ed)?|agreed to"
    r"|(?:is|are|was|were) to|decided that)\b"
)
"""Words that say someone must or will do something: a commitment, an obligation, a demand
(compiled on first use: only questions asking what an instrument requires need it)."""


_OBLIGED_NEAR = 6
"""How many words from a word of obligation the one it binds is named ("the Taliban committed",
"demanded that the Taliban")."""


def obliges(question: Question, fact: Fact) -> bool:
    """For "what does X require of Y": whether the fact says that Y must or will do something,
    Y named near the word that says so."""
    # (The claim, or a quote's words: not an agreement's list headed "commitments", which holds
    # what each party commits to.)
    text = f"{fact.claim} {fact.details.text}" if isinstance(fact.details, Quote) else fact.claim
    found = re.fullmatch(WHAT_REQUIRED, question.text)
    if found is None or re.search(_OBLIGATION, text) is None:
        return False  # ("What does resolution 1267 require?" asks what it says it requires.)
    whom = {stem(word) for word in found.group("whom").split()} & question.weights.keys()
    return not whom or _binds(question, whom, text)


def commits(question: Question, whom: set[str], fact: Fact) -> bool:
    """Whether the fact says that those whom names must or will do something: an agreement's
    commitments, which say who committed to what (its claim may name every party near its
    word of obligation: "signed with the Harbour Board, which saw it pledge"), else its claim
    (or a quote's words)."""
    details = fact.details
    if isinstance(details, Agreement) and details.commitments:
        binding = set().union(*map(question.group, whom))
        return any(
            not binding.isdisjoint(map(stem, WORD.findall(fold(commitment))))
            for commitment in details.commitments
        )
    text = f"{fact.claim} {details.text}" if isinstance(details, Quote) else fact.claim
    return _binds(question, whom, text)


def required_of(question: Question) -> set[str]:
    """For "did X require Y to ...": the content words naming Y (between the verb and "to")."""
    words = question.text.split()
    at = next((n for n, word in enumerate(words) if stem(word) in OBLIGING), None)
    if at is None or "to" not in words[at + 1 : at + _OBLIGED_NEAR]:
        return set()
    end = words.index("to", at + 1)
    return {stem(word) for word in words[at + 1 : end]} & question.weights.keys()


def _binds(question: Question, whom: set[str], text: str) -> bool:
    """Whether the text says that those the words whom name must or will do something: a word
    of obligation ("committed", "shall", "pledge") within a few words of one of them."""
    words = WORD.findall(fold(text))
    stems = [stem(word) for word in words]
    binding = set().union(*map(question.group, whom))
    for at, word in enumerate(words):
        if re.fullmatch(_OBLIGATION, word) or re.fullmatch(
            _OBLIGATION, " ".join(words[at : at + 2])
        ):
            near = stems[max(0, at - _OBLIGED_NEAR) : at + _OBLIGED_NEAR + 1]
            if binding.intersection(near):
                return True
    return False


def _only_before_another_verb(verb: str, claim: str) -> bool:
    """Whether the claim writes the verb only as one that takes another ("the Taliban has
    started to tighten its control over al-Qaeda" did not start al-Qaeda)."""
    folded = fold(claim)
    if not re.search(rf"\b{re.escape(verb[:4])}\w* to\b", folded):
        return False  # (most claims: no need to stem them)
    stems = stemmed(folded)
    places = [at for at, word in enumerate(stems) if word == verb]
    return bool(places) and all(stems[at + 1 : at + 2] == ("to",) for at in places)


_NOUN_MARKS = frozenset(
    ("the", "a", "an", "their", "its", "his", "her", "our", "of", "any", "no", "such", "whose")
)
"""Words after which a verb's form is a noun ("their funding", "the funds")."""
_LIST_MARKS = frozenset(("and", "or", "for", "with"))
"""Words after which a plain form is a noun too ("arms ... and funds for ...")."""


def _only_as_noun(question: Question, verb: str, claim: str) -> bool:
    """Whether the claim writes the verb (or its synonyms) only as a noun: "block their
    funding", "and funds for Usama bin Laden" say no one funds anyone."""
    group = question.group(verb) | {verb}
    lowered = claim.lower()
    if not any(member[:4] in lowered for member in group):
        return False  # (most claims: no need to read their words)
    words = WORD.findall(fold(claim))
    places = [at for at, word in enumerate(words) if at and stem(word) in group]
    if not places:
        return False
    for at in places:
        word, before = words[at], words[at - 1]
        if word.endswith("ed"):
            return False  # a verb in the past ("funded")
        marks = _NOUN_MARKS if word.endswith("ing") else _NOUN_MARKS | _LIST_MARKS
        if before not in marks or words[at + 1 : at + 2] in (["of"], ["by"]):
            return False  # a verb, or a noun whose doer follows ("on the orders of Biden")
    return True


def _says(question: Question, verb: str, words: set[str] | frozenset[str]) -> bool:
    """Whether words say what a verb says: it, a word of its root, or a synonym the packs'
    thesaurus gives it (a verb it gives none is taken as said: who "witnessed" may be told
    as "in the presence of")."""
    group = question.group(verb)
    return len(group) == 1 or bool(group & words) or derived(verb, words)


def _unsaid_deed(question: Question, written: str, own: frozenset[str]) -> bool:
    """For "who VERBed ...": whether the fact's own words do not say the deed -- the verb, a
    word of its root, or a synonym -- though the packs' thesaurus gives it none (_says takes
    such a verb as said). Only for a regular past ("drafted", "ordered", "sponsored"): an
    irregular one is often a verb of place or company ("stood with", "drove out") said in other
    words; and not for coming into a post ("became", "succeeded"), which rule 7 reads."""
    verb = stem(written)
    return (
        written.endswith("ed")
        and verb not in BEGINNING
        and verb not in SUCCESSION
        and not question.forms(verb) & own
        and not derived(verb, own)
    )


def only_enjoined(words: set[str], text: str) -> list[str]:
    """The question's words for what happened that the text says, where it says each of them
    only as what someone was urged, promised or agreed to do (an infinitive after ENJOINING,
    in the same sentence); empty where it says one of them as done, or says none."""
    seen: dict[str, bool] = {}
    for sentence in re.split(r"[.;!?]", text):
        for word in WORD.finditer(sentence):
            stemmed = stem(word.group().lower())
            if stemmed not in words:
                continue
            before = sentence[: word.start()]
            urged = re.search(ENJOINING, before)
            enjoined = urged is not None and re.search(r"\bto\b", before[urged.end() :]) is not None
            seen[stemmed] = seen.get(stemmed, True) and enjoined
    return [word for word, enjoined in seen.items() if enjoined] if all(seen.values()) else []


def _relative_doer(question: Question) -> tuple[str, set[str], set[str]] | None:
    """For "who ... that X VERB ...": the verb, X (the subject of the relative clause, which
    did what it says: "Who was the Taliban leader that al-Qaeda swore allegiance to?") and the
    question's other words for what happened after the verb ("allegiance"); None unless the
    clause names its subject."""
    words = stemmed(question.text)
    opens = words.index("that") if "that" in words else -1
    at = next((n for n in range(opens + 1, len(words)) if words[n] in question.happened), None)
    if opens < 0 or at is None or words[at - 1] in BE:
        return None
    doer = set(words[opens + 1 : at]) & question.named
    if not doer:
        return None
    return words[at], doer, set(words[at + 1 :])


def other_doer(question: Question, claim: str, named: dict[str, frozenset[str]]) -> bool:
    """For a yes/no question (or a "who" whose relative clause names who did it: "that X
    VERB"), whether every clause of the claim with its verb in the active names before it
    another the fact links, and not the doer asked: "Did the US pay the
    Taliban?" is not answered by "the Taliban would now pay a price" (the Taliban pay) nor
    by "al-Qaeda paid the Taliban", whatever the US did."""
    if re.match(DID, question.text):
        asked = doer_asked(question)
    elif question.wants is Wants.SOMEONE and " that " in question.text:
        asked = _relative_doer(question)
    else:
        return False  # ("Is ISIL a splinter group of al-Qaida?" asks what it is.)
    if asked is None:
        return False
    verb_asked, doer, _ = asked
    # The verb in its irregular forms the packs use ("leave", "left"); where it is not said,
    # the other words for what happened after it ("swore allegiance", "pledged allegiance").
    forms = {verb_asked} | question.derived.get(verb_asked, frozenset())
    # The doer by any name the fact gives it ("the US" is "the United States").
    doer = doer.union(*map(question.group, doer))
    doer = doer.union(*(words for words in named.values() if not words.isdisjoint(doer)))
    others = [words - doer for words in named.values() if words.isdisjoint(doer)]
    said = False
    after = [word for word in asked[2] if word in question.happened]
    for sentence in clauses(claim):
        for _, clause_stems in sentence:
            verb = next((n for n, word in enumerate(clause_stems) if word in forms), None)
            if verb is None and after:
                verb = next((n for n, word in enumerate(clause_stems) if word in after), None)
            if verb is None:
                continue
            if verb and clause_stems[verb - 1] in BE:
                return False  # a passive names its doer after the verb, if at all
            # A clause after "that" has a subject of its own ("X said that Y would pay").
            opens = max((n + 1 for n in range(verb) if clause_stems[n] == "that"), default=0)
            before = set(clause_stems[opens:verb])
            if before & doer or not any(before & words for words in others):
                return False
            said = True
    return said


_PASSIVE_POLAR = r"(?:was|were|is|are|has been|have been|had been) \w"
"""A yes/no question on what was done to someone ("Was Akhundzada killed ...?"), compiled on
first use."""
_WHEN_ASKED = (  # compiled on first use
    r"(?:(?:in|on) )?(?:when|(?:what|which) (?:year|date|day|month)) (?=(?:was|were) )"
)
"""A time asked of what was done to someone ("When was X killed?", "in what year was ...")."""
_PRONOUNS = frozenset(("him", "her", "them", "it", "he", "she", "they", "his", "its", "their"))
"""Words that name the one asked without their name."""
_OBJECT_REACH = 6
"""How many words after an active verb name whom it was done to ("killed his predecessor
Mullah Akhtar Mansour")."""


def done_to_another(question: Question, claim: str, named: dict[str, frozenset[str]]) -> str | None:
    """For a yes/no question in the passive (or a time asked of one: "When was X killed?"),
    whether every clause of the claim with its verb
    says it was done to another the fact links, not to the one asked: "Was Akhundzada killed
    in a drone strike?" is not answered by "appointed after a US drone strike killed his
    predecessor Mullah Akhtar Mansour" (named after the verb in the active, before it in the
    passive); if so, the verb asked (its stem)."""
    text = question.text
    when = re.match(_WHEN_ASKED, text) if not question.polar else None
    if when is not None:
        text = text[when.end() :]  # "what year was bin Laden killed": asked as "was X killed"
    if not re.match(_PASSIVE_POLAR, text):
        return None
    raw = text.split()
    words = stemmed(text)
    at = next((n for n, word in enumerate(words) if word in question.happened), None)
    if at is None or not (raw[at].endswith(("ed", "en")) or raw[at] in PARTICIPLES):
        return None  # not "was X VERBed": "is X a member ..." asks what X is
    asked = set(words[1:at]) & question.named
    if not asked:
        return None
    if when is not None and (
        not set(words[1:at]) <= question.named | FUNCTION_WORDS
        or re.search(r"\w['’]s\b", question.raw)
    ):
        return None  # "when was Trump's cancelled meeting ...": the verb is not said of X
    asked = asked.union(*map(question.group, asked))
    asked = asked.union(*(words for words in named.values() if not words.isdisjoint(asked)))
    others = [words - asked for words in named.values() if words.isdisjoint(asked)]
    said = False
    for sentence in clauses(claim):
        for number, (clause_words, clause_stems) in enumerate(sentence):
            for verb, word in enumerate(clause_stems):
                if word != words[at]:
                    continue
                if when is not None and not (
                    clause_words[verb].endswith(("ed", "en")) or clause_words[verb] in PARTICIPLES
                ):
                    continue  # asked when: a verb done, not a noun ("there were rumours")
                if when is not None and clause_stems[verb - 1 : verb] in (("and",), ("or",)):
                    # "was submitted by Canada ... and adopted unanimously": a verb joined
                    # to a passive one is in the passive too, done to the subject.
                    return None
                if (
                    verb == 0
                    and number
                    and sentence[number - 1][1][-1:]
                    and sentence[number - 1][1][-1] in asked
                ):
                    # "Akhundzada, named Taliban leader on ...": a participle after the name
                    # asked, in the clause before, says what was done to it.
                    return None
                passive = verb > 0 and clause_stems[verb - 1] in BE
                whom = set(
                    clause_stems[max(0, verb - _OBJECT_REACH) : verb]
                    if passive
                    else clause_stems[verb + 1 : verb + 1 + _OBJECT_REACH]
                )
                if passive and number and set(clause_words[:verb]) <= _FILLERS:
                    # "Resolution 2160 (2014), on the threat ..., was adopted": a clause with
                    # no subject of its own is said of its sentence's first.
                    whom |= set(sentence[0][1])
                # Asked when, done to any other than the one asked counts ("killed 224
                # people"), but one named by a pronoun ("killed him").
                if (whom & asked or not any(whom & words for words in others)) and (
                    when is None or whom & asked or whom & _PRONOUNS
                ):
                    return None
                said = True
    return words[at] if said else None


_RESPONSIBILITY = (  # compiled on first use (re caches it): only "who" questions need it
    r"\b(?:took|take|takes|claimed|claims|claim|accepted) responsibility\b"
)
"""Words with which someone says they did a deed ("ISIS-K claimed responsibility")."""
_DENYING = frozenset(("no", "without"))
"""Words that deny the noun after them ("no claim of responsibility", "without a vote")."""
_DENYING_WORD = r"\b(?:no|without)\b"  # compiled on first use (re caches it)
_DENIED_WITHIN = 2
"""How many words before a deed's noun a word denying it may be ("no immediate claim")."""


def _only_denied(verb: frozenset[str], claim: str) -> bool:
    """Whether the claim writes the verb asked (as a noun, "claim") only where "no" or "without"
    comes just before it: "there was no immediate claim of responsibility" says no one
    claimed it."""
    if re.search(_DENYING_WORD, claim, re.IGNORECASE) is None:
        return False  # (most claims)
    words = WORD.findall(fold(claim))
    places = [at for at, word in enumerate(words) if stem(word) in verb]
    return bool(places) and all(
        not _DENYING.isdisjoint(words[max(at - _DENIED_WITHIN, 0) : at]) for at in places
    )


_SOUGHT = (  # compiled on first use (re caches it): only "who" questions need it
    r"(?i)\b(?:those|anyone|whoever|the people|the persons?) (?:responsible|behind)\b"
    r"|\b(?:suspected|accused|wanted|sought) (?:of|for|in)\b|\breward for information\b"
)
"""Words that seek or suspect someone of a deed, or give its doers as unnamed."""


def near_what_happened(
    question: Question, fact: Fact, own: frozenset[str], who: Sequence[str], lookups: Lookups
) -> set[str] | None:
    """Of those the fact names, the ones in a clause of its claim that says what the question
    asks happened, in the question's own verb after "who" ("signed", "killed"): who signed is
    not who witnessed the signing ("in the presence of ... Mike Pompeo"), who killed not who
    announced the death. Or in the sentence's first clause, when it opens with their name (the
    subject of an aside: "Baradar, the Taliban's co-founder, signed"). None when no such clause
    names anyone the fact links (then it cannot tell); none of them when it names only the one
    asked about ("al-Zawahiri was killed in a CIA drone strike": the fact does not say who).
    Without such a verb, the question's other words for what happened ("who decides
    exemptions to the travel ban") choose in the same way, but only where a clause with them
    names one of those the fact names."""
    # The verb after "who" says what happened ("who signed", "who killed"); nouns elsewhere
    # ("who wrote the Independent explainer") say about what.
    # "Voted against" too: its verb's other words ("unanimously") do not say who was against.
    verb = re.search(r"\bwho (\w+)( (?:over|off|on|in|up|out|down|against)\b)?", question.text)
    strict = question.happened & {stem(verb.group(1))} if verb else frozenset()
    happened = strict or question.happened
    sought = re.search(_SOUGHT, fact.claim) if strict else None
    if sought:
        # "A reward for information on Ghafari, or on those responsible for the attack": a
        # claim that seeks or suspects someone, or gives the doers as unnamed, and says the
        # deed only after that, says no one it names did it.
        before = {stem(word) for word in WORD.findall(fold(fact.claim[: sought.start()]))}
        if strict.isdisjoint(before) and not derived(next(iter(strict)), before):
            lookups.out_of_role.add(fact.id)
            return set()
    if strict and _only_denied(strict, fact.claim):
        # "there was no immediate claim of responsibility": the claim says no one did it.
        lookups.out_of_role.add(fact.id)
        return set()
    owned = re.search(_RESPONSIBILITY, fact.claim) if strict else None
    if owned and strict.isdisjoint(own) and not derived(next(iter(strict)), own):
        # "...; ISIS-Khorasan, the Islamic State's arm, took responsibility": the claim does
        # not say the deed in the question's verb, but says who owned it: whom the clause
        # before those words names (not the victims it names elsewhere, "13 US service members").
        clause = re.split(r"[;.]\s|\bwhich\b|\bwho\b", fact.claim[: owned.start()])[-1]
        words = set(tokens(clause))
        return {entity_id for entity_id in who if lookups.named_in(entity_id, words)}
    in_other_words = False
    if (
        strict
        and verb
        and (verb.group(2) or PERSON_ROLES & question.group(next(iter(strict))))
        and verb.group(1).endswith("ed")  # (not "took over", "led": see _unsaid_deed)
        and not question.group(next(iter(strict))) & own
        and not derived(next(iter(strict)), own)
    ):
        # "Who presided over ...", "who chaired the committee": a verb with a particle, or
        # the past of a post's verb, that the fact writes in no form of its root nor in
        # another word for it says no one it names did it.
        lookups.out_of_role.add(fact.id)
        return set()
    if strict and (PERSON_ROLES & question.group(next(iter(strict))) or (verb and verb.group(2))):
        # "Who leads / runs / heads X": a post, which a claim gives beside the name ("the de
        # facto leader of al-Qaeda, Saif al-Adel"), not a verb with its doer (see rule 7).
        # "Who took over X": a verb with a particle means what the verb's synonyms do not.
        pass
    elif strict and (
        not _says(question, next(iter(strict)), own)
        or _unsaid_deed(question, verb.group(1) if verb else "", own)
        or _only_before_another_verb(next(iter(strict)), fact.claim)
        or _only_as_noun(question, next(iter(strict)), fact.claim)
    ):
        # Neither the verb, nor a word of its root, nor any of the packs' words for it
        # (thesaurus): the fact does not say it happened, so no one it names did it ("Who
        # killed al-Zawahiri?" is not answered by whom he pledged allegiance to), nor does
        # the claim as a whole answer it.
        lookups.out_of_role.add(fact.id)
        return set()
    elif strict and strict.isdisjoint(own) and not derived(next(iter(strict)), own):
        # Told in the packs' other words for it ("who killed X": "the death of X", "X died"):
        # who did it is still only whom such a clause names as doing it (before the word, not
        # as a possessive, or after "by"); "rumours of the death of al-Qaeda's leader
        # al-Zawahiri" says no one killed him, and al-Qaeda is his, not his killer.
        happened = question.group(next(iter(strict))) & own
        in_other_words = bool(happened)
    if happened.isdisjoint(own):
        return None  # the fact does not say it in the question's words
    if strict and not (claimed := _claim_stems(fact.claim)) & happened:
        # In a word of its root ("who presided": "the Security Council's President").
        happened = frozenset(word for word in claimed if derived(next(iter(strict)), {word}))
    near: set[str] = set()
    precise: set[str] = set()
    said = agentless = unnamed_doer = False
    for sentence in clauses(fact.claim):
        clauses_happened = [
            (number, words, next(at for at, word in enumerate(stems) if word in happened))
            for number, (words, stems) in enumerate(sentence)
            if not happened.isdisjoint(stems)
        ]
        if not clauses_happened:
            continue
        opening = sentence[0][0]
        # "bin Laden was killed by US forces": in the passive, a name before the verb is who it
        # was done to; who did it follows "by", or the claim does not say.
        passive = {
            number
            for number, (words, stems) in enumerate(sentence)
            for at, word in enumerate(stems)
            if word in happened and at and stems[at - 1] in BE
        }
        # A name within another's ("the Al-Qaida and Taliban Sanctions Committee") is that
        # other, not itself: the Taliban removed no one the Committee did.
        spans = {
            (number, entity_id): name_spans(words, written(entity_id, lookups))
            for entity_id in fact.entities()
            for number, words, _ in clauses_happened
        }
        spans = {
            key: [
                (start, end)
                for start, end in found
                if not any(
                    other[0] == key[0]
                    and (inner_start, inner_end) != (start, end)
                    and inner_start <= start
                    and end <= inner_end
                    for other, outer in spans.items()
                    for inner_start, inner_end in outer
                )
            ]
            for key, found in spans.items()
        }
        if strict:
            # "..., as the US State Department's fact sheet on the draft proposed": a clause
            # that gives the deed a subject of its own before the verb (one it does not link,
            # unless a name of those it does is found there below); or one that names those
            # it links only as what the deed was done to, or owns.
            unnamed_doer = unnamed_doer or any(
                number not in passive
                and (
                    _own_subject(words, verb) or any(spans[number, entity_id] for entity_id in who)
                )
                for number, words, verb in clauses_happened
            )
        for entity_id in fact.entities():
            names = written(entity_id, lookups)
            # A possessive names an owner, not who did it ("Al-Qaeda's leader ... was killed");
            # a name after the verb is what it was done to, unless "by" gives it ("signed by");
            # a clause that opens with "who" did it to what it names: who did it closes the
            # clause before ("Ravan Farhadi, who represented the Northern Alliance fighting
            # the Taliban": Farhadi, not the Taliban).
            antecedent = any(
                words[:1] in (("who",), ("which",))
                and number
                and number not in passive
                and any(
                    end == len(sentence[number - 1][0])
                    for _, end in name_spans(sentence[number - 1][0], names)
                )
                for number, words, _ in clauses_happened
            )
            named = (
                antecedent
                or any(
                    words[end : end + 1] != ("s",)
                    and (
                        "by" in words[max(start - 2, 0) : start]
                        or (
                            start < verb
                            and number not in passive
                            # "adopted it by 13 votes with Russia and China abstaining": the
                            # doer of "with X VERBing" is X, not the clause's subject.
                            and not (words[verb].endswith("ing") and "with" in words[end:verb])
                        )
                        # "at the order of US president Joe Biden": the verb's noun (not in
                        # "-ing", "the killing of X"), whose doer "of" gives (as _only_as_noun).
                        or (
                            strict
                            and words[verb + 1 : verb + 2] == ("of",)
                            and not words[verb].endswith("ing")
                            and verb + 1 < start <= verb + _AGENT_AFTER_OF
                        )
                    )
                    for number, words, verb in clauses_happened
                    for start, end in spans[number, entity_id]
                )
            )
            said = said or named
            if entity_id in who and antecedent:
                precise.add(entity_id)
            if entity_id in who and (
                named
                or (
                    not passive
                    and any(
                        start == 0 and opening[end : end + 1] != ("s",)
                        for start, end in name_spans(opening, names)
                    )
                )
            ):
                near.add(entity_id)
        if passive and strict and not said:
            agentless = True
    if precise:  # the relative clause's own subject, not the sentence's ("son of X, who founded")
        return precise
    if agentless or (in_other_words and not said):
        # "was killed by US forces", "the death of X": it says to whom, and by no one it names
        return set()
    if not said and not near and unnamed_doer:
        return set()  # the clause that says the deed gives it to no one the fact links
    if not said or (not near and not strict):
        return None  # only the verb after "who" tells that the claim names no one who did it
    return near


def _claim_stems(claim: str) -> frozenset[str]:
    """The stems of the claim's words, as its clauses hold them."""
    return frozenset(word for sentence in clauses(claim) for _, stems in sentence for word in stems)


_OPENERS = frozenset(("as", "and", "but", "then", "who", "which", "that", "whom"))
"""Words opening a clause before its subject ("as the fact sheet proposed")."""


def _own_subject(words: Sequence[str], verb: int) -> bool:
    """Whether a clause (its folded words) has a subject of its own before the verb at verb:
    content words, not an adverb alone ("formally signed"), in a clause not opened by a
    relative pronoun (whose subject is the clause before)."""
    if not words or words[0] in ("who", "which", "that", "whom"):
        return False
    before = [
        word
        for word in words[:verb]
        if word not in _OPENERS
        and stem(word) not in FUNCTION_WORDS
        and not word.endswith("ly")
        and not word.isdigit()
    ]
    return bool(before)


_AGENT_AFTER_OF = 5
"""How far after "of" the name of a noun's doer may start ("the order of US president Joe
Biden": its post between)."""


_OBJECT_NEAR = 6
"""How many words after the verb a name may be to be its object ("named Akhundzada leader",
"to extend, for 90 days, the exemption")."""
_WHEN_PASSIVE = r"\bwhen (?:was|were|is|are|has been|have been|had been) ((?:[\w-]+ ){1,8})"
"""A "when" question in the passive ("When was Akhundzada named leader?"): compiled on first
use."""


def deed_of_another(question: Question, claim: str) -> bool:
    """Whether the claim says what a "when" question in the passive asks was done ("named",
    or a synonym: "founded", "the establishment of") only to someone or something else than its
    subject (the words before the verb): in no
    sentence with the verb is a word of the subject before it (its subject) or just after it
    (its object). Only where the claim has both the verb and a word of the subject."""
    if not question.happened or (found := re.search(_WHEN_PASSIVE, question.text + " ")) is None:
        return False
    words = found.group(1).split()
    verb = next(
        (
            n
            for n, word in enumerate(words)
            if stem(word) in question.happened
            and (word.endswith(("ed", "en")) or word in PARTICIPLES)
        ),
        None,
    )
    if not verb:
        return False
    subject = {stem(word) for word in words[:verb]} & question.weights.keys()
    deed = question.group(stem(words[verb]))  # with its synonyms ("established", "founded")
    both = False
    written = question.raw.lower()
    for sentence in re.split(SENTENCE, claim):
        # A hyphenated name the question does not write is its last part, its head: "ISIS-K"
        # is no "ISIS", "al-Zawahiri" is "Zawahiri".
        stems = tokens(
            re.sub(
                HYPHENATED,
                lambda found: (
                    found.group()
                    if found.group().lower() in written
                    else found.group().rsplit("-", 1)[-1]
                ),
                sentence,
            )
        )
        done = [n for n, word in enumerate(stems) if word in deed]
        named = [n for n, word in enumerate(stems) if word in subject]
        if not done or subject.isdisjoint(tokens(sentence)):
            continue
        both = True
        if any(at < n or n < at <= n + _OBJECT_NEAR for n in done for at in named):
            return False
    return both


def nowhere_after(happened: frozenset[str], claim: str) -> bool:
    """Whether the claim says what happened (a word of happened) only with no name after it in
    its sentence: no place it happened in or went to. False when it does not say it."""
    said = False
    for sentence in re.split(r"[.;:!?](?:\s|$)", claim):
        words = sentence.split()
        for at, word in enumerate(words):
            if stem(fold(word).strip(",()")) not in happened:
                continue
            said = True
            if any(later[:1].isupper() for later in words[at + 1 :]):
                return False
    return said


_CONDITION = r"\b(?:or|if|unless|whether)\b"  # compiled on first use
"""Words before a question's negation that put it in another clause than what is asked."""
_REPORTED = r"\b(?:saying|that)\b"  # compiled on first use
_NOT_A_DENIAL = frozenset(("only", "just", "least", "yet"))
"""Words after "not" that make it no denial of what follows ("not only", "not yet")."""
_DENYING_NEAR = 4
"""How many words before the word denied a claim's negation may be ("did not vote for")."""


def denial_unsaid(question: Question, claim: str) -> str | None:
    """For a question that denies what it asks ("Who said the Taliban are not terrorists?",
    "which resolution was not adopted unanimously"): its words from the negation to the word it
    denies ("not on the list"), where the
    claim says it only without a denial before it -- a claim that the Taliban are terrorists
    does not say who said they are not. None when the question denies nothing, or the claim
    denies it too ("not", "never", "no", "without" just before it)."""
    text = question.text
    found = re.search(NOT_ASKED, text)
    if found is None or re.search(_CONDITION, text[: found.start()]):
        # ("... or not?", "come back or never left" offer both; "if bin Laden was not handed
        # over" denies in a condition, not what is asked.)
        return None
    from tqcli.ask.roles import NEGATIONS

    after = WORD.findall(text[found.end() :])
    if after[:1] and after[0] in _NOT_A_DENIAL:
        return None
    keys = {fold(raw).lower(): key for key, raw in question.spelled.items()}
    reach = next(
        (
            n
            for n, raw in enumerate(after[: _DENYING_NEAR + 1])
            if keys.get(raw, stem(raw)) in question.weights
        ),
        None,
    )
    if reach is None:
        return None
    denied = keys.get(after[reach], stem(after[reach]))
    if (
        denied in question.named
        or denied.isdigit()
        or after[reach] in {month.lower() for month in MONTHS}
    ):
        return None  # a denial denies what is said of a thing, not a name or a time
    group = question.group(denied) | {denied}
    denying = NEGATIONS | _DENYING
    words = WORD.findall(fold(claim))
    said = [
        at for at, word in enumerate(words) if stem(word) in group or derived(denied, {stem(word)})
    ]
    if not said and (not denying.isdisjoint(words) or re.search(_REPORTED, text[: found.start()])):
        # The claim says it in other words, and denies something: it may deny this ("did not
        # want to hand" -- "his determination not to hand"); or the question denies it only
        # in what it says a thing said ("the report saying al-Qaeda never left"), by which it
        # names the thing.
        return None
    for at in said:
        # A denial of this word: the negation before it with only function words between
        # ("are not terrorists", "was not on the list", "is not going to facilitate"; not "had
        # not eliminated terrorists").
        for back in range(at - 1, max(-1, at - 1 - _DENYING_NEAR), -1):
            if words[back] in denying:
                return None
            if stem(words[back]) not in FUNCTION_WORDS and words[back] != "going":
                break
    return " ".join(("not", *after[: reach + 1]))
