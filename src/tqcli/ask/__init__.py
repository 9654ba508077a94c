"""Answering questions in plain English: the fact that answers what is asked, a related fact
marked as a partial answer, or an honest "no answer".

How a question is read and judged (docs/ask-evaluation.md says it in full, with the figures):

1. Its words are folded and stemmed as the index is; a word that is neither common English nor
   in the index is taken for a typo and corrected against the index.
2. Each content word is weighted by how rare it is in general English (kept in the index, from
   wordfreq: see wordweights): "budget" or "soldiers" count fully, "year" or "people" less,
   "what" or "did" not at all; a word most loaded facts use (their subject) counts up to half
   less.
3. What the question asks for is read from its form: a figure ("how many X"), a quote ("what
   did X say", "who said"), a date ("when"), a person or organisation ("who"), or anything.
4. Each candidate fact (BM25 over the words and their synonyms from the packs' thesaurus) is
   judged: which share of the question's content weight its words account for, and whether it
   is the kind of answer asked for -- a fact giving a number of what is counted, a quote by the
   speaker named, a dated fact, a fact naming someone the question does not, a duration. A
   fact that fits and accounts for enough is an answer; any other is a partial answer; when no
   fact accounts for enough of the question, there is no answer.
5. For "when", "where was ..." and "how did ...", an answer must also say what is asked of what
   the question names ("die" in "when did Mullah Omar die"), and for any question, a year or
   other number of three digits or more it names (or ordinal: "7590th") must be the fact's,
   and a name it gives ("Japan", "the prime minister of japan") must be one the fact accounts for.
6. "Who leads X", "who is the head of X" and other present-tense questions on who holds a role
   get its latest sourced state: the facts saying someone holds the role in X, newest first;
   someone a loaded fact says died (or was removed since) holds no role now.

The modules, by job: question (reading a question), lookups (the index lookups it needs),
claims (reading a fact), judging (judging a candidate), doers, deeds, roles, places, counts,
times and quotes (what judging asks of a fact for each kind of question: doers the rules of deeds
nearly every question needs), short_answers (the short answer a fact gives), answering (answer
and consider, the entry points), words (the word lists they share); loaded only on the paths that
need them: deeds (a date, someone, yes or no), holders (who holds a post now), present (where
someone is, whether alive), suggestions (when nothing answers), romanised (Arabic script),
corrections (another pack's curator notes on the same words of the same source).
"""

from __future__ import annotations

from tqcli.ask.answering import Considered, answer, consider
from tqcli.ask.question import Question, Wants, read_question

__all__ = ["Considered", "Question", "Wants", "answer", "consider", "read_question"]
