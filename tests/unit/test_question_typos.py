"""ask's question-word typos ("whn did ..."), worked out word by word, are those of the table of
every typo of every question word that it replaced (made here as it was made)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tqcli.ask.question import QUESTION_WORDS, question_word_typo


def _table() -> dict[str, str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    ranked: dict[str, tuple[int, set[str]]] = {}
    for asked in QUESTION_WORDS:
        spans = range(len(asked) + 1)
        typos = (
            (1, {asked[:n] + asked[n + 1 :] for n in spans[:-1]}),
            (2, {asked[:n] + asked[n + 1] + asked[n] + asked[n + 2 :] for n in spans[:-2]}),
            (3, {asked[:n] + letter + asked[n:] for n in spans for letter in letters}),
            (4, {asked[:n] + letter + asked[n + 1 :] for n in spans[:-1] for letter in letters}),
        )
        for rank, words in typos:
            for word in words - {asked}:
                best, meant = ranked.get(word, (5, set()))
                if rank < best:
                    ranked[word] = (rank, {asked})
                elif rank == best:
                    meant.add(asked)
    return {
        word: next(iter(meant))
        for word, (_, meant) in ranked.items()
        if len(meant) == 1 and word not in QUESTION_WORDS
    }


TABLE = _table()


def test_every_typo_of_the_table_is_found_as_it_gives_it() -> None:
    assert {word: question_word_typo(word) for word in TABLE} == TABLE
    candidates = {word[:n] + word[n + 1 :] for word in TABLE for n in range(len(word))}
    assert all(question_word_typo(word) == TABLE.get(word) for word in candidates)


@given(st.text(alphabet="abcdehiklmnorstwy0_", max_size=7))
def test_any_word_is_a_typo_as_the_table_says(word: str) -> None:
    assert question_word_typo(word) == TABLE.get(word)


@given(
    st.text(alphabet="abcdehiklmnorstuwy", max_size=7),
    st.sampled_from([*QUESTION_WORDS, "much", "many"]),
)
def test_a_word_one_letter_off_another_opens_with_its_first_or_second_letter(
    word: str, asked: str
) -> None:
    # (What lets _typo_of rank only the words meant that open so.)
    from tqcli.ask.question import _typo_rank

    if _typo_rank(word, asked):
        assert asked[0] in word[:2] or asked[1] in word[:2]
