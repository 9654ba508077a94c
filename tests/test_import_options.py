"""The importers' shared options: declared once, so their help and parsing cannot drift apart."""

from __future__ import annotations

import typing

from typer.testing import CliRunner

from tqcli import cli


def test_published_is_one_declaration_shared_by_the_importers() -> None:
    hints = [
        typing.get_type_hints(command, include_extras=True)["published"]
        for command in (cli.import_ofac_sdn, cli.import_ftm)
    ]
    assert hints[0] is hints[1] is cli.Published


def test_published_reads_the_same_in_both_importers_help() -> None:
    runner = CliRunner()
    helps = [
        runner.invoke(cli.app, ["import", name, "--help"], env={"COLUMNS": "100"}).stdout
        for name in ("ofac-sdn", "ftm")
    ]
    described = [
        " ".join(text[text.index("--published DATE") :].split("--dry-run")[0].split())
        for text in helps
    ]
    assert "When the list was published" in described[0]
    assert described[0] == described[1]
