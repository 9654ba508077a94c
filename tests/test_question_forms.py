"""`tq ask` never raises on the question forms its rules read, whatever names fill them.

Random text (tests/test_ask.py) seldom reaches the rules for roles, successions, dates and
quotes; these questions are built from those forms and the built-in pack's own names, so that
every rule meets names, posts and dates it was not written for ("who is Kabul president" ended
in an internal error once).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcli.ask import answer
from tqcli.errors import BadRequest
from tqcli.index import in_memory
from tqcli.packs import packs_in_effect

BUILTIN = in_memory(packs_in_effect([], environ={}))
NAMES = sorted({name for (name,) in BUILTIN._connection.execute("SELECT name FROM entity_names")})
POSTS = ["president", "leader", "chief", "spokesman", "minister", "ambassador", "chair", "head"]
VERBS = ["killed", "signed", "led", "founded", "succeeded", "replaced", "said", "paid", "died"]
FORMS = [
    "who is {a} {post}",
    "who is the {post} of {a} now?",
    "Who leads {a}?",
    "who runs {a} today",
    "Who was the {post} of {a} in {year}?",
    "Who {verb} {a}?",
    "When did {a} become {post}?",
    "When did {a} {verb} {b}?",
    "What did {a} say about {b}?",
    "How many {b} did {a} have?",
    "Did {a} {verb} {b}?",
    "Where is {a}?",
    "Who succeeded {a} as {post} of {b}?",
    "What did {a} require of {b}?",
    "what is {a}'s {post}",
    "{a} {post} {year}",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(FORMS),
    st.sampled_from(NAMES),
    st.sampled_from(NAMES),
    st.sampled_from(POSTS),
    st.sampled_from(VERBS),
    st.integers(min_value=1990, max_value=2026),
)
def test_question_forms_with_any_names_never_raise(
    form: str, a: str, b: str, post: str, verb: str, year: int
) -> None:
    question = form.format(a=a, b=b, post=post, verb=verb, year=year)
    try:
        found = answer(BUILTIN, question)
    except BadRequest:
        return
    assert all(hit.fact.id for hit in found.hits)


def test_a_role_asked_of_now_of_every_name_never_raises() -> None:
    # Every name of the pack in the forms that compare when someone took and left a post
    # (fact dates and leavings of different precision): ~1,400 questions, ~5 s.
    for name in NAMES:
        for post in ("president", "leader"):
            for form in ("who is {a} {post}", "who is the {post} of {a} now?"):
                answer(BUILTIN, form.format(a=name, post=post))
