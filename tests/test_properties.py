"""Property tests where inputs are open-ended: dates, queries, hostile text and fact files."""

from __future__ import annotations

import datetime
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcli import textnorm
from tqcli.errors import BadQuery, QueryProblem
from tqcli.index import in_memory
from tqcli.loader import load
from tqcli.model import Filters, Pack, PartialDate
from tqcli.names import TagUse
from tqcli.render.json_output import JsonRenderer
from tqcli.textnorm import fold, printable, squeeze, token_columns, token_rows

from conftest import MINI_PACK

MINI_INDEX = in_memory([Pack("mini", MINI_PACK, "--facts")])


# Digit grouping by definition: a comma or no-break space between a digit and three digits that
# end a number.
_GROUPING = re.compile(r"(?<=\d)[,\u202f\u00a0](?=\d{3}\b)")


@given(st.text(alphabet="0123456789,.\u202f\u00a0 aB", max_size=40))
def test_folding_drops_digit_grouping_and_nothing_else(text: str) -> None:
    assert fold(text) == unicodedata.normalize("NFKD", _GROUPING.sub("", text)).casefold()


@given(st.text())
def test_squeezing_collapses_every_run_of_white_space(text: str) -> None:
    assert squeeze(text) == re.sub(r"\s+", " ", text).strip()


@given(st.text() | st.text(alphabet=" \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0ab"))
def test_a_document_squeezes_as_a_passage_does(text: str) -> None:
    assert textnorm.squeeze_document(text) == squeeze(text)


def test_numbers_grouped_with_no_break_spaces_fold_like_plain_ones() -> None:
    assert fold("2\u202f996 and 25\u00a0000") == fold("2,996 and 25000") == "2996 and 25000"


@given(st.text(max_size=12))
def test_date_parsing_accepts_exactly_iso_dates(text: str) -> None:
    try:
        parsed = PartialDate.parse(text)
    except ValueError:
        return
    assert parsed.isoformat() == text
    assert parsed.first_day <= parsed.last_day


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_the_last_day_of_a_month_or_year_is_the_calendars(year: int, month: int) -> None:
    import calendar
    import datetime

    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    assert PartialDate(year, month).last_day == last
    assert PartialDate(year).last_day == datetime.date(year, 12, 31)


_PARTIAL_DATES = st.dates(min_value=datetime.date(1, 1, 1)).flatmap(
    lambda day: st.sampled_from(
        [PartialDate(day.year), PartialDate(day.year, day.month), PartialDate.from_date(day)]
    )
)


@given(_PARTIAL_DATES, _PARTIAL_DATES)
def test_partial_dates_order_like_their_first_days_a_partial_one_first(
    one: PartialDate, other: PartialDate
) -> None:
    # Dates of different precision compare (a year with a day of it raised TypeError: 'who is
    # Kabul president' crashed ask), as their first days do, a partial date before the full
    # dates it contains.
    key = {
        date: (date.first_day, date.month is not None, date.day is not None)
        for date in (one, other)
    }
    assert (one < other) == (key[one] < key[other])
    assert (one <= other) == (key[one] <= key[other])
    assert (one > other) == (key[one] > key[other])
    assert (one >= other) == (key[one] >= key[other])
    assert sorted([one, other]) == sorted([one, other], key=key.__getitem__)


@given(st.dates(), st.integers(min_value=1, max_value=3))
def test_partial_dates_round_trip_and_contain_their_days(day: object, precision: int) -> None:
    text = str(day)[: {1: 4, 2: 7, 3: 10}[precision]]
    if int(text[:4]) == 0:
        return
    parsed = PartialDate.parse(text)
    assert parsed.isoformat() == text
    assert parsed.first_day.isoformat().startswith(text)
    assert parsed.last_day.isoformat().startswith(text)


@given(st.text())
def test_printable_leaves_no_control_character_but_newline_and_tab(text: str) -> None:
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", printable(text))


@given(st.lists(st.text(min_size=1), min_size=1, max_size=4))
def test_any_query_gives_results_or_a_clear_refusal(terms: list[str]) -> None:
    try:
        hits = MINI_INDEX.search(terms, Filters(), limit=0)
    except BadQuery as error:
        assert error.problem in QueryProblem  # noqa: PT017 - hypothesis drives the input
        return
    scores = [hit.score or 0.0 for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)


_TOML_LINES = st.sampled_from(
    [
        "[[figure]]",
        "[[event]]",
        "[[source]]",
        "[[entity]]",
        "[[quote.cite]]",
        "[[figure.note]]",
        'id = "x"',
        'id = "Bad Id"',
        'claim = "c"',
        "value = 3",
        "min = 9",
        "max = 1",
        'unit = "u"',
        'date = "2021-02-30"',
        "date = 2021-01-01",
        'kind = "news"',
        'source = "x"',
        'passage = "p"',
        'archive = "../../x"',
        "cite = 3",
        "about = [1, 2]",
        'title = "t"',
        'publisher = "p"',
        'name = "n"',
        'speaker = "x"',
        'text = "t"',
        "[x]",
        "tags = [",
        '"""',
        "= =",
        "\x00",
        "é = 1",
    ]
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_TOML_LINES, max_size=30))
def test_any_fact_file_loads_or_reports_problems_never_raises(
    tmp_path: Path, lines: list[str]
) -> None:
    (tmp_path / "pack.toml").write_text("\n".join(lines), encoding="utf-8")

    report = load([Pack("p", tmp_path, "--facts")])

    assert all(problem.where.path == tmp_path / "pack.toml" for problem in report.problems)
    assert report.valid == (not report.problems)


@given(
    st.lists(st.tuples(st.text(), st.integers(min_value=0)), max_size=4),
    st.booleans(),
)
def test_json_arrays_are_written_item_by_item_exactly_as_whole(
    tags: list[tuple[str, int]], pretty: bool
) -> None:
    # tq tags, an array output of free text (tq paths, its first subject, is now one object).
    items = [TagUse(tag, facts) for tag, facts in tags]
    stream = io.StringIO()

    JsonRenderer(stream, lines=False, pretty=pretty, ascii_only=False).tags(items)

    whole = json.dumps(
        [{"tag": use.tag, "facts": use.facts} for use in items],
        ensure_ascii=False,
        indent=2 if pretty else None,
        separators=None if pretty else (",", ":"),  # compact JSON's one spelling
    )
    unsafe = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
    escaped = "".join(f"\\u{ord(c):04x}" if unsafe.fullmatch(c) else c for c in whole)
    assert stream.getvalue() == escaped + "\n"
    assert json.loads(stream.getvalue()) == json.loads(whole)


@given(
    st.text(
        alphabet=st.sampled_from(
            [*"aZ '-.", *"\u2018\u2019\u201c\u201d\u2014\u2026\u00a0", "é", "ø", "Ж"]
        )
    )
)
def test_folding_transliterates_as_anyascii_does(text: str) -> None:
    """Common punctuation is transliterated without anyascii, exactly as anyascii would."""
    from anyascii import anyascii

    from tqcli.textnorm import _PUNCTUATION, _transliterated

    assert _transliterated(text) == anyascii(text)
    assert all(anyascii(chr(code)) == spelled for code, spelled in _PUNCTUATION.items())


_COLUMN_TEXT = st.text(alphabet="aZé'`-,. 0123456789\u202f\u00a0\x1fʿ’ßs|_~", max_size=20)


@given(st.lists(st.lists(_COLUMN_TEXT, min_size=1, max_size=5), max_size=6))
def test_token_rows_are_token_columns_row_by_row(rows: list[list[str]]) -> None:
    # Rows folded together (ASCII ones) give exactly what each folded alone gives, whether
    # they are taken all at once or two at a time.
    expected = [token_columns(texts) for texts in rows]
    assert token_rows(rows) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textnorm, "_ROWS_AT_ONCE", 2)
        assert token_rows(rows) == expected


@given(st.text(alphabet="abdegimnstuy0123456789²٣", min_size=1, max_size=12))
def test_index_building_stems_every_word_as_stem_does(word: str) -> None:
    # A word ending in a digit is taken as its own stem without asking stem().
    assert textnorm._Stems()[word] == textnorm.stem(word)


@given(st.text() | st.text(alphabet="aZ9_ -'’,.\x1f|\t\né", max_size=30))
def test_tokens_are_the_stems_of_the_folded_words(text: str) -> None:
    # tokens splits folded ASCII by bytes.translate, not the pattern: the same words.
    expected = [textnorm.stem(word) for word in textnorm._TOKEN.findall(fold(text))]
    assert textnorm.tokens(text) == expected
    assert textnorm.folded_words(fold(text)) == textnorm._TOKEN.findall(fold(text))


def _stem_by_endings(word: str) -> str:
    """stem's rules as first written (str.endswith), which stem now tests letter by letter."""
    word = textnorm._IRREGULAR.get(word, word)
    if len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 6 and word.endswith("ment"):
        word = word[:-4]
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    if len(word) > 4 and word.endswith(("y", "e")):
        word = word[:-1]
    return word


@given(
    st.text(alphabet="abdegimnstuy", max_size=10)
    | st.sampled_from(sorted(textnorm._IRREGULAR))
    | st.text(max_size=8)
)
def test_stem_applies_its_rules_as_written(word: str) -> None:
    assert textnorm.stem(word) == _stem_by_endings(word)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0000", "there is no year 0000"),
        ("0000-05", "there is no year 0000"),
        ("2021-13", "month must be 01 to 12"),
        ("2021-00-01", "month must be 01 to 12"),
    ],
)
def test_an_impossible_date_says_which_part_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=rf"^not a date: '{text}' \({reason}\)$"):
        PartialDate.parse(text)
