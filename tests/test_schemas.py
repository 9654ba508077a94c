"""Published JSON Schemas: valid, printed by tq schema, true of real output and real packs;
--fields narrows JSON to the fields they list."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import tomli
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.importers import ftm, ofac_sdn, un_sc
from tqcli.render import data
from tqcli.schemas import SchemaName, field_names, schema_text

from conftest import MINI_PACK, REPO, schema_validator

MINI = ["--no-builtin", "--facts", str(MINI_PACK)]


def _as_json_types(value: Any) -> Any:
    """TOML as JSON sees it (and as taplo validates it): dates become ISO strings."""
    if isinstance(value, dict):
        return {key: _as_json_types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json_types(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _pack_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.toml"))


@pytest.mark.parametrize("name", list(SchemaName))
def test_every_schema_is_valid_draft_2020_12_and_printed_by_tq_schema(
    runner: CliRunner, name: SchemaName
) -> None:
    schema = json.loads(schema_text(name))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    result = runner.invoke(app, ["schema", name.value])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == schema


def test_an_unknown_schema_name_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema", "fact"])
    assert result.exit_code == 2
    assert "no schema 'fact'; there are: facts, sources, stats" in result.stderr


@pytest.mark.parametrize(
    "path",
    [*_pack_files(REPO / "facts"), *_pack_files(MINI_PACK)],
    ids=lambda path: f"{path.parent.name}/{path.name}",
)
def test_every_pack_file_shipped_or_fixture_matches_the_pack_schema(path: Path) -> None:
    with path.open("rb") as handle:
        schema_validator(SchemaName.PACK).validate(_as_json_types(tomli.load(handle)))


def test_an_imported_pack_matches_the_pack_schema(tmp_path: Path) -> None:
    fixtures = REPO / "tests" / "fixtures"
    un_sc.import_list(fixtures / "unsc" / "list-v1.xml", tmp_path / "un")
    ofac_sdn.import_sdn(fixtures / "ofac" / "sdn.csv", tmp_path / "ofac")
    ftm.import_ftm(fixtures / "ftm" / "export.ftm.json", tmp_path / "os")
    files = [path for pack in ("un", "ofac", "os") for path in _pack_files(tmp_path / pack)]
    assert len(files) == 9
    for path in files:
        with path.open("rb") as handle:
            schema_validator(SchemaName.PACK).validate(_as_json_types(tomli.load(handle)))


def test_the_pack_schema_refuses_what_validate_refuses() -> None:
    validator = schema_validator(SchemaName.PACK)
    fact = {"id": "x", "claim": "A claim.", "cite": [{"source": "s", "passage": "p"}]}
    assert validator.is_valid({"event": [fact]})
    assert not validator.is_valid({"event": [{**fact, "colour": "red"}]})  # unknown field
    assert not validator.is_valid({"figure": [fact]})  # a figure needs its unit
    assert not validator.is_valid({"event": [{**fact, "id": "Not A Slug"}]})
    assert not validator.is_valid({"event": [{**fact, "date": "15 October 1999"}]})
    assert not validator.is_valid({"event": [{**fact, "cite": []}]})
    assert not validator.is_valid({"events": [fact]})  # unknown table
    source = {"id": "s", "title": "A title", "publisher": "P", "kind": "other"}
    assert validator.is_valid({"source": [{**source, "archive": "archive/s.txt"}]})
    assert not validator.is_valid({"source": [{**source, "title": "A\ntitle"}]})
    assert not validator.is_valid({"source": [{**source, "publisher": "P\tQ"}]})
    assert not validator.is_valid({"source": [{**source, "archive": "facts.toml"}]})
    entity = {"id": "e", "name": "E", "kind": "other"}
    assert not validator.is_valid({"entity": [{**entity, "name": "E\u2028F"}]})
    assert not validator.is_valid({"entity": [{**entity, "same_as": ["f", "f"]}]})


def test_a_pack_file_may_declare_its_schema_for_editors(runner: CliRunner, tmp_path: Path) -> None:
    pack = tmp_path / "declared"
    shutil.copytree(MINI_PACK, pack)
    for path in _pack_files(pack):
        path.write_text("#:schema ./pack.schema.json\n" + path.read_text(encoding="utf-8"))
    (pack / "pack.schema.json").write_text(schema_text(SchemaName.PACK), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--no-builtin", str(pack), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["valid"] is True


def test_the_output_check_can_fail(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """The autouse check in conftest does look: a key the schema does not know is caught."""
    source_data = data.source_data
    monkeypatch.setattr(data, "source_data", lambda source: {**source_data(source), "new": 1})
    result = runner.invoke(app, ["sources", "--json", *MINI])
    assert isinstance(result.exception, jsonschema.ValidationError)


def test_fields_keeps_only_the_fields_named_in_their_order(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--fields", "kind, id", "-n", "2", *MINI])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"kind": "event", "id": "acme-founded"},
        {"kind": "figure", "id": "acme-gadgets-2019"},
    ]
    result = runner.invoke(app, ["show", "acme-founded", "--jsonl", "--fields", "id,date", *MINI])
    assert result.stdout == '{"id":"acme-founded","date":"1901"}\n'
    result = runner.invoke(app, ["stats", "--fields", "facts", *MINI])
    assert json.loads(result.stdout) == {"facts": 7}


def test_fields_are_the_schema_properties_and_mistakes_list_them(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "acme", "--fields", "id,claimm", *MINI])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "tq: --fields: unknown field(s) 'claimm'; available: "
        + ",".join(field_names(SchemaName.FACTS))
        + "\n"
    )
    assert field_names(SchemaName.FACTS)[:3] == ["id", "kind", "claim"]
    result = runner.invoke(app, ["search", "acme", "--fields", "id", "--format", "csv", *MINI])
    assert result.exit_code == 2
    assert "--fields chooses JSON fields" in result.stderr


def test_tq_schema_lists_the_schemas(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        member.value for member in SchemaName
    ]


@pytest.mark.skipif(shutil.which("taplo") is None, reason="taplo (npm @taplo/cli) is not on PATH")
def test_taplo_reads_the_schema_directive(tmp_path: Path) -> None:
    """The editor tooling itself: taplo validates the built-in pack against the directive, and
    refuses a field the format does not have."""
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "facts", pack)
    (pack / "pack.schema.json").write_text(schema_text(SchemaName.PACK), encoding="utf-8")
    for path in _pack_files(pack):
        path.write_text("#:schema ./pack.schema.json\n" + path.read_text(encoding="utf-8"))
    taplo = [str(shutil.which("taplo")), "check"]
    good = subprocess.run([*taplo, *map(str, _pack_files(pack))], capture_output=True, check=False)
    assert good.returncode == 0, good.stderr
    bad = pack / "bad.toml"
    bad.write_text(
        '#:schema ./pack.schema.json\n[[event]]\nid = "e"\nclaim = "c"\ncolour = "red"\n'
        '[[event.cite]]\nsource = "s"\npassage = "p"\n'
    )
    refused = subprocess.run([*taplo, str(bad)], capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "'colour' was unexpected" in refused.stderr


def test_fields_on_the_name_commands(runner: CliRunner) -> None:
    result = runner.invoke(app, ["tags", "--fields", "tag", *MINI])
    assert result.exit_code == 0, result.stderr
    assert all(list(row) == ["tag"] for row in json.loads(result.stdout))
    result = runner.invoke(app, ["entities", "--jsonl", "--fields", "id,facts", *MINI])
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()][:1] == ["acme"]
    result = runner.invoke(app, ["match", "Acme", "--fields", "query,match,name_match", *MINI])
    # (The mini pack's resolution names no list: Acme's name matches, and it is listed on none.)
    assert json.loads(result.stdout) == [{"query": "Acme", "match": False, "name_match": True}]


@pytest.mark.parametrize(
    ("command", "name", "stdin"),
    [
        ("search", SchemaName.SEARCH_BATCH, "1267\n\n?!\nzeppelins\nbin laden money\n"),
        (
            "ask",
            SchemaName.ASK_BATCH,
            "Who signed the Doha agreement?\n\n?!\nwhat about zeppelins\n",
        ),
    ],
)
def test_batch_lines_of_the_built_in_pack_match_their_schema(
    runner: CliRunner, command: str, name: SchemaName, stdin: str
) -> None:
    result = runner.invoke(app, [command, "--batch", "--limit", "3"], input=stdin)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == stdin.count("\n")
    assert any("error" in line for line in lines)
    assert any(line["results"] for line in lines)
    for line in lines:
        schema_validator(name).validate(line)


def test_a_batch_schema_wraps_the_items_of_the_one_query_schema() -> None:
    facts, batch = (
        json.loads(schema_text(name)) for name in (SchemaName.FACTS, SchemaName.SEARCH_BATCH)
    )
    assert batch["properties"]["results"]["items"] == facts["items"]
    assert batch["$defs"] == facts["$defs"]
