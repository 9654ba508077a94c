"""The CLI in-process: results on stdout, diagnostics on stderr, documented exit codes."""

from __future__ import annotations

import csv
import io
import json
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app

from conftest import DATED_BY_DETAILS, HOSTILE_PACK, MALFORMED, MINI_PACK, pack_from_case

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]
GAZETTE = {
    "id": "gazette-2020",
    "title": "Acme in the news",
    "publisher": "Example Gazette",
    "series": None,
    "author": "A. Writer",
    "published": "2020-05-01",
    "url": None,
    "via": None,
    "licence": None,
    "file_name": None,
    "accessed": None,
    "kind": "news",
    "archived": True,
    "pack": "mini",
}
ACME = {"id": "acme", "name": "Acme Widget Company", "kind": "organization"}
EXAMPLE_COUNCIL = {"id": "example-council", "name": "Example Council", "kind": "organization"}
UNARCHIVED = {
    "id": "unarchived-note",
    "title": "A page without an archive",
    "publisher": "Example Web",
    "series": None,
    "author": None,
    "published": None,
    "url": "https://example.org/acme",
    "via": "example.org",
    "licence": None,
    "file_name": None,
    "accessed": None,
    "kind": "web-page",
    "archived": False,
    "pack": "mini",
}
ACME_IN_FULL = {
    **ACME,
    "description": "A synthetic company for tests.",
    "aliases": [
        {"name": "ACME Corp", "quality": None, "note": None},
        {"name": "Acmé", "quality": None, "note": None},
    ],
    "attributes": {},
    "same_as": [],
}
EXAMPLE_COUNCIL_IN_FULL = {
    **EXAMPLE_COUNCIL,
    "description": None,
    "aliases": [],
    "attributes": {},
    "same_as": [],
}


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_show_json_is_the_documented_fact_object(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "widget-accord", "--json", *MINI)

    assert (code, err) == (0, "")
    assert json.loads(out) == [
        {
            "id": "widget-accord",
            "kind": "agreement",
            "claim": "Acme and the Example Council signed the Widget Accord in Springfield "
            "on 2 April 2020.",
            "date": "2020-04-02",
            "about": [ACME_IN_FULL, EXAMPLE_COUNCIL_IN_FULL],
            "tags": [],
            "hedge": None,
            "asserted_by": None,
            "details": {
                "name": "Widget Accord",
                "parties": [ACME, EXAMPLE_COUNCIL],
                "signed": "2020-04-02",
                "place": "Springfield",
                "commitments": ["Acme to stop making gadgets"],
            },
            "sources": [
                {
                    **GAZETTE,
                    "passage": "Acme and the Example Council signed the Widget Accord in "
                    "Springfield on 2 April 2020, under which Acme pledged to stop making gadgets.",
                    "locator": None,
                }
            ],
            "notes": [],
            "pack": "mini",
            "score": None,
        }
    ]


def test_json_details_of_each_kind(runner: CliRunner) -> None:
    code, out, _ = run(
        runner,
        "show",
        "acme-gadgets-2019",
        "doe-more-widgets",
        "council-resolution-42",
        "acme-founded",
        "--json",
        *MINI,
    )

    assert code == 0
    assert [fact["details"] for fact in json.loads(out)] == [
        {"value": None, "min": 40, "max": 60, "unit": "gadgets", "qualifier": "between"},
        {
            "text": "We will make more widgets,",
            "speaker": {"id": "jane-doe", "name": "Jane Doe", "kind": "person"},
            "speaker_role": "chief executive of Acme",
            "medium": "the Example Gazette",
            "said": None,
        },
        {
            "authority": "Example Council",
            "instrument": "Resolution 42",
            "adopted": "2020-03",
            "measures": ["asset freeze"],
            "targets": [ACME],
            "committee": None,
            "list": None,
            "reference": None,
            "updated": [],
            "remarks": None,
        },
        {"place": "Springfield", "end": None},
    ]


def test_notes_carry_their_source_inline(runner: CliRunner) -> None:
    _, out, _ = run(runner, "show", "acme-widgets-2019", "--json", *MINI)

    assert json.loads(out)[0]["notes"] == [
        {
            "text": "A synthetic note backed by an unarchived page.",
            "stance": "context",
            "source": {**UNARCHIVED, "passage": "some words read on the page", "locator": None},
        }
    ]


def test_search_ranks_and_scores(runner: CliRunner) -> None:
    code, out, err = run(runner, "search", "gadgets", "--json", *MINI)

    hits = json.loads(out)
    assert (code, err) == (0, "")
    assert [hit["id"] for hit in hits] == ["acme-gadgets-2019", "widget-accord"]
    assert hits[0]["score"] > hits[1]["score"] > 0


def test_search_without_match_exits_1_with_empty_json(runner: CliRunner) -> None:
    code, out, err = run(runner, "search", "zeppelin", "--json", *MINI)

    assert (code, json.loads(out)) == (1, [])
    assert err == "tq: no results\n"


def _search_ids(runner: CliRunner, *args: str) -> list[str]:
    code, out, err = run(runner, "search", "--fields", "id", "--limit", "0", *args)
    assert code == 0, err
    return [hit["id"] for hit in json.loads(out)]


def test_search_takes_an_exclusion_as_users_type_it(runner: CliRunner) -> None:
    everything = _search_ids(runner, "taliban")
    excluded = _search_ids(runner, "taliban", "--", "-isis")

    assert len(excluded) < len(everything)
    assert _search_ids(runner, "taliban", "-isis") == excluded
    assert _search_ids(runner, "-isis", "taliban") == excluded
    assert _search_ids(runner, "taliban", "-isis", "-hamas") == excluded  # -h is not --help


def test_search_options_still_work_beside_exclusions(runner: CliRunner) -> None:
    code, out, _ = run(runner, "search", "taliban", "-n3", "-nato", "--kind", "figure", "--json")
    figures = json.loads(out)
    assert (code, len(figures)) == (0, 3)
    assert {hit["kind"] for hit in figures} == {"figure"}
    code, out, _ = run(runner, "search", "taliban", "-isis", "-n", "2", "--json")
    assert (code, len(json.loads(out))) == (0, 2)
    code, out, _ = run(runner, "search", "-h")
    assert code == 0
    assert out.startswith("Usage: tq search")


def test_search_of_punctuation_only_is_a_usage_error(runner: CliRunner) -> None:
    code, out, err = run(runner, "search", "?!", *MINI)

    assert (code, out) == (2, "")
    assert "nothing to search for" in err


def test_list_is_in_date_order_with_undated_last(runner: CliRunner) -> None:
    code, out, _ = run(runner, "list", "--json", *MINI)

    assert code == 0
    assert [fact["id"] for fact in json.loads(out)] == [
        "acme-founded",
        "acme-gadgets-2019",
        "acme-widgets-2019",
        "council-resolution-42",
        "widget-accord",
        "doe-more-widgets",
        "acme-undated",
    ]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        # Each option reaches its filter (the filters themselves: tests/core/test_query.py).
        (["figure"], ["acme-gadgets-2019", "acme-widgets-2019"]),
        (
            ["--kind", "quote", "--kind", "event"],
            ["acme-founded", "doe-more-widgets", "acme-undated"],
        ),
        (["--about", "acme corp", "--tag", "Widgets"], ["acme-widgets-2019", "doe-more-widgets"]),
        (["--since", "2020", "--until", "2020-03-31"], ["council-resolution-42"]),
        (["--source", "gazette-2020", "--limit", "2"], ["acme-founded", "acme-gadgets-2019"]),
    ],
)
def test_list_filters(runner: CliRunner, args: list[str], ids: list[str]) -> None:
    code, out, _ = run(runner, "list", *args, "--json", *MINI)

    assert code == 0
    assert [fact["id"] for fact in json.loads(out)] == ids


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # A tag no fact carries is named, with the nearest tag (spelling, or a hyphenated part).
        (["list", "--tag", "widget"], "no fact is tagged 'widget' (did you mean 'widgets'?)"),
        (
            ["list", "--tag", "gadgets-2019"],
            "no fact is tagged 'gadgets-2019' (did you mean 'gadgets'?)",
        ),
        (["search", "acme", "--tag", "zzz"], "no fact is tagged 'zzz'; see 'tq tags'"),
    ],
)
def test_an_unknown_tag_is_named(runner: CliRunner, args: list[str], said: str) -> None:
    code, out, err = run(runner, *args, "--json", *MINI)

    assert (code, json.loads(out)) == (1, [])
    assert said in err


def test_a_known_tag_that_finds_nothing_says_only_no_results(runner: CliRunner) -> None:
    code, _, err = run(runner, "search", "zzzqqq", "--tag", "widgets", *MINI)

    assert code == 1
    assert err == "tq: no results\n"


def test_jsonl_is_one_object_per_line(runner: CliRunner) -> None:
    _, out, _ = run(runner, "list", "figure", "--jsonl", *MINI)

    lines = out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["acme-gadgets-2019", "acme-widgets-2019"]


def test_csv_has_a_header_and_a_row_per_fact(runner: CliRunner) -> None:
    _, out, _ = run(runner, "list", "figure", "--format", "csv", *MINI)

    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["id"], row["value"]) for row in rows] == [
        ("acme-gadgets-2019", "between 40–60 gadgets"),
        ("acme-widgets-2019", "1,200 widgets"),
    ]


def test_plain_output_has_claim_value_source_and_note(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "acme-widgets-2019", *MINI)

    assert (code, err) == (0, "")
    assert out == (
        "acme-widgets-2019  figure · 2019\n"
        "  Acme said it shipped 1,200 widgets in 2019.\n"
        "  1,200 widgets\n"
        "  Source: Example Gazette, “Acme in the news”, A. Writer, 2020-05-01\n"
        "    > The Acme Widget Company said it shipped 1,200 widgets in 2019\n"
        "  Curator note: A synthetic note backed by an unarchived page.\n"
        "    Source: Example Web, “A page without an archive”, read in a copy on example.org\n"
        "      > some words read on the page\n"
        "      https://example.org/acme\n"
        "  About: Acme Widget Company\n"
        "  Acme Widget Company\n"
        "    A synthetic company for tests.\n"
        "    aliases: ACME Corp; Acmé\n"
        "  Tags: widgets\n"
        "  Pack mini, facts.toml:1\n"
    )


def test_pack_text_is_never_markup_or_escapes(runner: CliRunner) -> None:
    for fmt in ("plain", "rich"):
        code, out, _ = run(
            runner,
            "show",
            "hostile-claim",
            "--format",
            fmt,
            "--color",
            "always",
            "--no-builtin",
            "--facts",
            str(HOSTILE_PACK),
        )
        assert code == 0
        assert "[bold]brackets[/bold]" in out
        assert "\\x1b[31mred\\x1b[0m" in out
        assert "\\x9b31m" in out
        assert "[bold]Someone[/bold]" in out
        assert "\x1b[2J" not in out
        assert "\x9b" not in out


def test_json_keeps_hostile_text_exact_and_escaped(runner: CliRunner) -> None:
    _, out, _ = run(
        runner, "show", "hostile-claim", "--json", "--no-builtin", "--facts", str(HOSTILE_PACK)
    )

    assert "\x1b" not in out
    assert "\x9b" not in out
    assert json.loads(out)[0]["claim"].endswith("\x1b[31mred\x1b[0m and \x9b31m.")


def test_color_always_colours_and_no_color_wins_on_auto(runner: CliRunner) -> None:
    _, coloured, _ = run(
        runner, "show", "acme-founded", "--format", "rich", "--color", "always", *MINI
    )
    _, never, _ = run(runner, "show", "acme-founded", "--format", "rich", "--color", "never", *MINI)
    _, plain, _ = run(runner, "show", "acme-founded", *MINI, env={"NO_COLOR": "1"})

    assert "\x1b[" in coloured
    assert "\x1b[" not in never
    assert "\x1b[" not in plain
    assert "acme-founded" in never


def test_show_unknown_id_exits_1_with_hints(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "acme-founde", "acme", *MINI)

    assert (code, out) == (1, "")
    assert err == (
        "tq: no fact with id 'acme-founde' (did you mean 'acme-founded'?); "
        "'acme' is an entity, not a fact: try 'tq list --about acme'\n"
    )


def test_show_prints_the_known_facts_and_names_the_unknown_ids(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "widget-accord", "acme-founde", "acme-founded", *MINI)

    assert code == 1
    assert out.startswith("widget-accord  agreement")
    assert "\nacme-founded  event" in out
    assert err == "tq: no fact with id 'acme-founde' (did you mean 'acme-founded'?)\n"


@pytest.mark.parametrize(
    ("ids", "shown"),
    [
        (["acme-founded", "nothing-here"], ["acme-founded"]),
        (["nothing-here"], []),
    ],
)
def test_show_json_is_an_array_of_the_known_facts(
    runner: CliRunner, ids: list[str], shown: list[str]
) -> None:
    code, out, err = run(runner, "show", *ids, "--json", *MINI)

    assert code == 1
    assert [fact["id"] for fact in json.loads(out)] == shown
    assert err == "tq: no fact with id 'nothing-here'\n"


def test_duplicate_ids_are_counted_per_pair_of_files_by_queries_and_located_by_validate(
    runner: CliRunner, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(MINI_PACK, copy)
    two = ["--no-builtin", "--facts", str(MINI_PACK), "--facts", str(copy)]

    _, _, listed = run(runner, "list", *two)
    _, _, validated = run(runner, "validate", *two)

    assert listed.splitlines() == [
        f"tq: 2 duplicate ids between {MINI_PACK / 'sources.toml'} and {copy / 'sources.toml'}, "
        "e.g. 'gazette-2020', 'unarchived-note'",
        f"tq: 3 duplicate ids between {MINI_PACK / 'entities.toml'} and "
        f"{copy / 'entities.toml'}, e.g. 'acme', 'jane-doe', 'example-council'",
        f"tq: 7 duplicate ids between {MINI_PACK / 'facts.toml'} and {copy / 'facts.toml'}, "
        "e.g. 'acme-widgets-2019', 'acme-gadgets-2019', 'doe-more-widgets', …",
        f"tq: 12 problem(s) in the fact packs at {copy}; "
        f"to check them: tq validate {MINI_PACK} {copy} --no-builtin",
    ]
    assert len(validated.splitlines()) == 12


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--since", "2020-13"], "invalid value for '--since': not a date: '2020-13'"),
        (["list", "--kind", "rumour"], "invalid value for '--kind'"),
        (
            ["list", "--about", "acne"],
            "tq: --about: no entity 'acne' in the loaded packs (did you mean 'acme'?)",
        ),
        (
            ["list", "--source", "gazete-2020"],
            "tq: --source: no source with id 'gazete-2020' (did you mean 'gazette-2020'?)",
        ),
        (
            ["list", "--json", "--format", "csv"],
            "tq: choose one output format, not --json and --format csv",
        ),
        (
            ["search", "taliban", "--json", "--jsonl"],
            "tq: choose one output format, not --json and --jsonl",
        ),
        (["list", "--limit", "-1"], "invalid value for '--limit'"),
        (
            ["list", "--facts", "/nonexistent/pack"],
            "tq: --facts: fact pack '/nonexistent/pack' does not exist",
        ),
        (["search"], "missing argument 'TERM...'"),
        (["frobnicate"], "no such command 'frobnicate'"),
        # An unknown option is suggested a known one only about a letter off (stranger 9).
        (["search", "x", "--bogus"], "tq: no such option: --bogus; see 'tq search -h'"),
        (["search", "x", "--jsno"], "no such option: --jsno (possible options: --json, --jsonl)"),
    ],
)
def test_usage_errors_exit_2_with_a_message(
    runner: CliRunner, args: list[str], message: str
) -> None:
    code, out, err = run(runner, *args, *MINI)

    assert (code, out) == (2, "")
    assert message in err
    assert err.startswith("tq: ")
    assert len(err.splitlines()) == 1  # one line, as every message


def test_query_commands_refuse_invalid_packs_with_exit_3(runner: CliRunner, tmp_path: Path) -> None:
    pack = pack_from_case(MALFORMED / "bad-date.toml", tmp_path)

    code, out, err = run(runner, "search", "x", "--no-builtin", "--facts", str(pack))

    assert (code, out) == (3, "")
    assert err.splitlines() == [
        f"{pack / 'case.toml'}:10: event 'x': field 'date': not a date: '2021-13' "
        "(month must be 01 to 12)",
        f"tq: 1 problem(s) in the fact packs at {pack}; "
        f"to check them: tq validate {pack} --no-builtin",
    ]


def _hinted_command(err: str) -> list[str]:
    """The arguments of the tq command a refused query's last line names (stranger 14, 16)."""
    hint = err.splitlines()[-1]
    assert "; to check them: tq " in hint
    return shlex.split(hint.split("; to check them: tq ", 1)[1])


def test_a_pack_named_with_facts_is_named_in_the_validate_command_the_query_suggests(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Plain tq validate does not check a pack named only on the query's command line (stranger
    14, 16): the hint names the folder, and the command it names finds the same problems."""
    pack = pack_from_case(MALFORMED / "bad-date.toml", tmp_path)

    code, out, err = run(runner, "search", "taliban", "--facts", str(pack))
    valid, plain, _ = run(runner, "validate")
    hinted = _hinted_command(err)
    checked, _, problems = run(runner, *hinted)

    assert (code, out) == (3, "")
    assert err.splitlines()[-1] == (
        f"tq: 1 problem(s) in the fact packs at {pack}; to check them: tq validate {pack}"
    )
    assert (valid, plain.startswith("valid: ")) == (0, True)  # what the hint used to name
    assert (checked, problems.splitlines()) == (3, err.splitlines()[:-1])


def test_the_suggested_validate_command_quotes_a_folder_name_for_the_shell(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = tmp_path / "my pack's facts"
    pack_from_case(MALFORMED / "bad-date.toml", tmp_path).rename(pack)

    _, _, err = run(runner, "list", "--no-builtin", "--facts", str(pack))

    assert err.splitlines()[-1].endswith(
        "; to check them: tq validate '" + str(pack).replace("'", "'\"'\"'") + "' --no-builtin"
    )
    assert _hinted_command(err) == ["validate", str(pack), "--no-builtin"]


def test_with_other_packs_in_effect_the_suggested_command_names_the_folder_with_facts(
    runner: CliRunner, tmp_path: Path
) -> None:
    """validate PATH checks PATH after the built-in pack alone; a duplicate of a pack that
    TQ_FACTS_PATH (or the configuration file) adds is found only with those packs, as --facts
    loads them."""
    copy = tmp_path / "copy"
    shutil.copytree(MINI_PACK, copy)
    env = {"TQ_FACTS_PATH": str(MINI_PACK)}

    code, _, err = run(runner, "list", "--no-builtin", "--facts", str(copy), env=env)
    checked, _, problems = run(runner, *_hinted_command(err), env=env)
    alone, _, _ = run(runner, "validate", str(copy), "--no-builtin", env=env)

    assert code == 3
    assert err.splitlines()[-1] == (
        f"tq: 12 problem(s) in the fact packs at {copy}; "
        f"to check them: tq validate --facts {copy} --no-builtin"
    )
    assert (checked, len(problems.splitlines())) == (3, 12)
    assert alone == 0  # the copy alone is valid


def test_validate_reports_every_problem_and_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    pack = pack_from_case(MALFORMED / "unknown-field-near-another.toml", tmp_path)

    code, out, err = run(runner, "validate", str(pack), "--no-builtin", "--json")

    assert code == 3
    report = json.loads(out)
    assert report["valid"] is False
    assert [(p["line"], p["message"]) for p in report["problems"]] == [
        (8, "event 'x': missing required field 'claim'"),
        (10, "event 'x': unknown field 'tag' (did you mean 'tags'?)"),
    ]
    assert len(err.splitlines()) == 2


def test_a_field_misnamed_for_a_missing_required_one_is_one_problem_at_its_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Stranger 14, 17: 'sources' for 'cite' was an unknown field and a missing one, apart."""
    pack = pack_from_case(MALFORMED / "misnamed-field.toml", tmp_path)

    code, out, err = run(runner, "validate", str(pack), "--no-builtin")

    assert (code, out.startswith("invalid: 1 problem(s)")) == (3, True)
    assert err == (
        f"{pack / 'case.toml'}:10: event 'x': unknown field 'sources' (did you mean 'cite'? "
        "that required field is missing)\n"
    )


def test_validate_a_valid_pack(runner: CliRunner) -> None:
    code, out, err = run(runner, "validate", *MINI)

    assert (code, err) == (0, "")
    assert out == (
        "valid: 1 pack(s), 7 facts, 2 sources, 3 entities\n"
        "  8 cited passage(s): 7 proven verbatim against archived text, 1 not checkable "
        "(their source has no archive)\n"
    )


def test_a_source_cited_only_in_a_note_lists_its_fact(runner: CliRunner) -> None:
    code, out, _ = run(runner, "list", "--source", "unarchived-note", "--json", *MINI)

    assert code == 0
    assert [fact["id"] for fact in json.loads(out)] == ["acme-widgets-2019"]


@pytest.mark.parametrize(
    ("terms", "said"),
    [
        (["widgts"], "tq: no results: no fact has 'widgts' (did you mean 'widget'?)\n"),
        (
            ["gadgts", "acmme"],
            "tq: no results: no fact has 'gadgts' (did you mean 'gadget'?); "
            "nor 'acmme' (did you mean 'acme'?)\n",
        ),
        (["zeppelin"], "tq: no results\n"),  # nothing near it
        (
            ["gadgets widget"],  # one argument of two words: a phrase, found nowhere
            "tq: no results: no fact has the phrase 'gadgets widget' (words in one argument are"
            " found together, in that order); for any of them, give them apart: gadgets widget\n",
        ),
        (
            ["zeppelin airship", "-isis"],  # the other arguments kept in the hint
            "tq: no results: no fact has the phrase 'zeppelin airship' (words in one argument"
            " are found together, in that order); for any of them, give them apart: zeppelin"
            " airship -isis\n",
        ),
        (["widgts", "--tag", "nosuch"], None),  # the tag is said instead
    ],
)
def test_a_search_that_finds_nothing_suggests_words_the_facts_have(
    runner: CliRunner, terms: list[str], said: str | None
) -> None:
    code, out, err = run(runner, "search", *terms, *MINI)

    assert (code, out) == (1, "")
    assert err == said if said else "no fact is tagged 'nosuch'" in err


def test_sources_stats_and_paths(runner: CliRunner) -> None:
    _, sources, _ = run(runner, "sources", "--json", *MINI)
    _, stats, _ = run(runner, "stats", "--json", *MINI)
    _, paths, _ = run(runner, "paths", "--json", *MINI)

    assert json.loads(sources) == [
        {**GAZETTE, "facts": 7},
        {**UNARCHIVED, "facts": 1},  # cited by a fact's curator note
    ]
    assert json.loads(stats) == {
        "facts": 7,
        "sources": 2,
        "entities": 3,
        "by_kind": {"sanction": 1, "agreement": 1, "figure": 2, "quote": 1, "event": 2},
        "by_pack": {"mini": 7},
        "by_source": {"gazette-2020": 7, "unarchived-note": 1},
    }
    assert json.loads(paths)["packs"] == [
        {"name": "mini", "origin": "--facts", "path": str(MINI_PACK), "left_out": False}
        | {"left_out_reason": None, "left_out_twin": None}
    ]


def test_packs_come_from_builtin_env_then_flags(runner: CliRunner, tmp_path: Path) -> None:
    code, out, _ = run(
        runner,
        "paths",
        "--json",
        "--facts",
        str(MINI_PACK),
        env={"TQ_FACTS_PATH": str(HOSTILE_PACK)},
    )

    assert code == 0
    assert [(pack["name"], pack["origin"]) for pack in json.loads(out)["packs"]] == [
        ("builtin", "builtin"),
        ("hostile", "TQ_FACTS_PATH"),
        ("mini", "--facts"),
    ]


def test_version(runner: CliRunner) -> None:
    from tqcli import __version__

    assert run(runner, "--version") == (0, f"tq {__version__}\n", "")


@pytest.mark.parametrize("command", ["entities", "sources", "tags"])
@pytest.mark.parametrize("fmt", ["plain", "rich"])
def test_a_table_of_nothing_prints_nothing(
    runner: CliRunner, tmp_path: Path, command: str, fmt: str
) -> None:
    (tmp_path / "facts.toml").write_text("", encoding="utf-8")  # a pack with nothing in it

    code, out, err = run(runner, command, "--no-builtin", "--facts", str(tmp_path), "--format", fmt)

    assert (code, out, err) == (1, "", "tq: no results\n")


@pytest.mark.parametrize("columns", [40, 55, 58, 60, 61, 70])
def test_a_long_url_is_folded_only_at_the_width_never_changed(
    runner: CliRunner, columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rich folds a word longer than the line (a URL) at the line's width, by character, and
    adds nothing: at 60 columns the fold falls before the hyphen of 'taliban-al-qaeda' by
    chance. The folded lines, joined without their indentation, are the URL."""
    url = (
        "https://www.independent.co.uk/asia/south-asia/"
        "taliban-al-qaeda-difference-afghanistan-b1915552.html"
    )
    monkeypatch.setenv("COLUMNS", str(columns))
    args = ["show", "taliban-al-qaeda-not-identical", "--format", "rich", "--color", "never"]

    code, out, _ = run(runner, *args)

    lines = out.splitlines()
    start = next(n for n, line in enumerate(lines) if "https://" in line)
    folded = []
    for line in lines[start:]:
        folded.append(line.strip())
        if "".join(folded) == url or len(line) < columns:
            break
    assert code == 0
    assert "".join(folded) == url
    assert all(len(line) == columns for line in lines[start : start + len(folded) - 1])


def test_a_search_word_that_finds_nothing_is_said_so_beside_the_results(
    runner: CliRunner,
) -> None:
    result = runner.invoke(app, ["search", "talibn", "qaeda", "--limit", "1", "--json"])

    assert result.exit_code == 0
    assert json.loads(result.stdout)  # the results for "qaeda", JSON unchanged
    assert result.stderr == (
        "tq: no fact has 'talibn' (did you mean 'taliban'?): these results are for the other "
        "words\n"
    )


def test_words_run_together_are_suggested_apart(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "binladen"])

    assert result.exit_code == 1
    assert result.stderr == "tq: no results: no fact has 'binladen' (did you mean 'bin laden'?)\n"


def test_cite_says_it_takes_source_ids_too(runner: CliRunner) -> None:
    result = runner.invoke(app, ["cite", "bogus-id"])

    assert result.exit_code == 1
    assert result.stderr == "tq: no fact or source with id 'bogus-id'\n"


def test_a_fact_dated_only_by_its_details_is_listed_by_that_date(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An agreement with signed and no date was undated: left out by --since, sorted last, no
    date in JSON (stranger 9, finding 10)."""
    (tmp_path / "pack.toml").write_text(DATED_BY_DETAILS, encoding="utf-8")
    args = ["--no-builtin", "--facts", str(tmp_path), "--json", "--no-cache"]

    code, out, _ = run(runner, "list", "--since", "2018", "--until", "2018", *args)

    assert code == 0
    assert [(fact["id"], fact["date"]) for fact in json.loads(out)] == [
        ("acme-beta-supply", "2018-03-03")
    ]
    code, out, _ = run(runner, "list", *args)
    assert [fact["id"] for fact in json.loads(out)] == [
        "acme-beta-supply",
        "acme-said",
        "beta-sanctioned",
    ]


def _gpl_pack(pack: Path) -> list[str]:
    """The mini pack with an entity named with letters and digits, as stranger 11's was."""
    with (pack / "entities.toml").open("a", encoding="utf-8") as entities:
        entities.write(
            '\n[[entity]]\nid = "gnu-gpl-v3"\nname = "GNU General Public License version 3"\n'
            'kind = "organization"\naliases = ["GPLv3", "GPL-3.0", "GPL 3"]\n'
        )
    with (pack / "facts.toml").open("a", encoding="utf-8") as facts:
        facts.write(
            '\n[[event]]\nid = "acme-gpl"\nclaim = "Acme released its widgets under the '
            'GPLv3."\nabout = ["gnu-gpl-v3"]\n\n[[event.cite]]\nsource = "gazette-2020"\n'
            'passage = "The Acme Widget Company"\n'
        )
    return ["--no-builtin", "--facts", str(pack)]


@pytest.mark.parametrize("words", [["GPLv3"], ["gplv3"], ["GPL 3"], ["GPL-3.0"], ["gpl", "3"]])
def test_a_word_or_alias_with_digits_finds_its_facts_and_is_not_said_missing(
    runner: CliRunner, pack: Path, words: list[str]
) -> None:
    code, out, err = run(runner, "search", *words, "--fields", "id", *_gpl_pack(pack))

    assert (code, json.loads(out), err) == (0, [{"id": "acme-gpl"}], "")


def test_a_word_no_fact_has_beside_one_that_matched_says_the_results_are_for_that_one(
    runner: CliRunner, pack: Path
) -> None:
    code, out, err = run(runner, "search", "gplv4", "GPLv3", "--fields", "id", *_gpl_pack(pack))

    assert (code, json.loads(out)) == (0, [{"id": "acme-gpl"}])
    assert err == (
        "tq: no fact has 'gplv4' (did you mean 'gplv3'?): these results are for the other words\n"
    )


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("screen", "'match'"),  # the README's "Screening names"; match's help: "Screen names ..."
        ("screening", "'match'"),
        ("answer", "'ask'"),
        ("check", "'validate', 'cache'"),  # validate's help says it checks; cache is spelled alike
        ("serch", "'search'"),  # spelled alike, as before
    ],
)
def test_an_unknown_command_suggests_the_commands_that_do_it_or_are_spelled_alike(
    runner: CliRunner, typed: str, suggested: str
) -> None:
    assert run(runner, typed, "Abdul Ghani Baradar") == (
        2,
        "",
        f"tq: no such command {typed!r} (did you mean {suggested}?); see 'tq -h'\n",
    )


def test_csv_names_each_source_once_and_json_each_citation(runner: CliRunner) -> None:
    """un-resolution-1267 cites one source with several passages (stranger 11)."""
    args = ["show", "un-resolution-1267"]
    _, out, _ = run(runner, *args, "--format", "csv")
    _, as_json, _ = run(runner, *args, "--json")

    [row] = list(csv.DictReader(io.StringIO(out)))
    [fact] = json.loads(as_json)
    titles = [source["title"] for source in fact["sources"]]
    assert len(titles) > len(set(titles))  # the case: a source cited more than once
    named = row["sources"].split(" | ")
    assert len(named) == len(set(named)) == len(set(titles))
    assert all(title in line for title, line in zip(dict.fromkeys(titles), named, strict=True))
    assert len(row["passages"].split(" | ")) == len(titles)  # every passage still


def test_entities_come_most_named_first_then_by_name(runner: CliRunner) -> None:
    from tqcli.textnorm import fold

    code, out, _ = run(runner, "entities", "--json")

    listed = [(-entity["facts"], fold(entity["name"]), entity["id"]) for entity in json.loads(out)]
    assert code == 0
    assert len(listed) > 50
    assert listed == sorted(listed)
    assert listed[0][2] == "taliban"  # the entity most facts name


def test_ask_compares_dates_of_different_precision_without_an_internal_error(
    runner: CliRunner,
) -> None:
    # A role asked of now compared a fact of the built-in pack dated to the month with a
    # leaving dated to the day (PartialDate's ordering raised TypeError): exit 70.
    code, out, err = run(runner, "ask", "who is Kabul president", "--json")
    assert code in (0, 1), err
    assert "internal error" not in err
    assert isinstance(json.loads(out), list)


def test_ask_who_leads_a_person_whose_best_answer_names_no_one(runner: CliRunner) -> None:
    # The role's holders were looked up from the best answer's first entity, which a fact
    # about no entity lacks: IndexError, exit 70 (found by test_question_forms's hypothesis).
    code, out, err = run(runner, "ask", "Who leads saif al adel?", "--json")
    assert code in (0, 1), err
    assert "internal error" not in err
    assert isinstance(json.loads(out), list)


_NO_LIST_LOADED = (
    "tq: no sanctions list is loaded (the built-in pack is none: it records a few listings"
    " only); to screen against one, import it, e.g. tq import un-sc consolidated.xml --out"
    " un-sanctions, and give --facts un-sanctions (README: Real sanctions data)\n"
)


def test_match_shows_no_candidate_that_shares_no_word_with_the_name(runner: CliRunner) -> None:
    """Stranger 14, 20: 'Gulbuddin Hekmatyar' listed Asfandyar Mir, Hamza bin Laden and
    Jalaluddin Haqqani at 0.00, names found by a sound or letters but sharing no word. They
    are no candidates: the text says so as for any name without one, JSON's results are empty,
    CSV has the query's row alone; still no match, exit 1."""
    name = "Gulbuddin Hekmatyar"

    text = run(runner, "match", name, "--format", "plain")
    data = run(runner, "match", name, "--json")
    rows = run(runner, "match", name, "--format", "csv")

    # (With the built-in pack alone, no list is loaded: said once after "no match".)
    said = "tq: no match\n" + _NO_LIST_LOADED
    assert text == (1, f"{name}  no match (threshold 0.80)\n  no candidate\n", said)
    assert (data[0], json.loads(data[1])[0]["results"], data[2]) == (1, [], said)
    assert list(csv.reader(io.StringIO(rows[1]))) == [
        ["query", "rank", "score", "match", "id", "name", "matched_name", "how", "listed", "hit"],
        [name, "", "", "false", "", "", "", "", "", "false"],
    ]
