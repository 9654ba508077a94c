# ruff: noqa: E501  (claims and CSV rows are single strings)
"""A list's own date (when it was published, or imported) is never the date someone on it was
listed or designated (stranger 19, findings 2 and 17): OFAC's SDN files date no designation, so
`tq ask "when was X designated by OFAC"` answers with no date from them; the listing records
keep `date` and `adopted` empty. Made-up lists here; the real files where present."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app

from conftest import REPO

_SDN = (
    '701,"CANAL NETWORK",-0- ,"FTO] [SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'CNW\'."\r\n'
    '702,"ROOK, Ada","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970; Linked To: CANAL NETWORK."\r\n'
)

_PACK = """
[[source]]
id = "gazette"
title = "Canal Network leaders"
publisher = "The Gazette"
kind = "news"
published = "2021-09-11"

[[entity]]
id = "canal-guild"
name = "Canal Guild"
kind = "organization"

[[entity]]
id = "mia-lark"
name = "Mia Lark"
kind = "person"

[[event]]
id = "guild-is-designated"
claim = "The Canal Guild is designated by the State Department, according to The Gazette."
date = "2021-09-11"
about = ["canal-guild"]

[[event.cite]]
source = "gazette"
passage = "The Canal Guild is designated by the State Department"

[[event]]
id = "lark-on-list-since-2004"
claim = "Mia Lark has been on the State Department's sanctions list since 2004, according to The Gazette."
date = "2021-09-11"
about = ["mia-lark"]

[[event.cite]]
source = "gazette"
passage = "Mia Lark has been on the State Department's sanctions list since 2004"
"""


def _sdn_pack(runner: CliRunner, tmp_path: Path, *published: str) -> Path:
    sdn = tmp_path / "sdn.csv"
    sdn.write_bytes(_SDN.encode("latin-1") + b"\x1a")
    out = tmp_path / "ofac"
    result = runner.invoke(app, ["import", "ofac-sdn", str(sdn), "--out", str(out), *published])
    assert result.exit_code == 0, result.stderr
    return out


def _ask(runner: CliRunner, question: str, *packs: Path) -> tuple[int, list[dict[str, object]]]:
    facts = [arg for pack in packs for arg in ("--facts", str(pack))]
    result = runner.invoke(app, ["ask", question, *facts, "--no-builtin", "--json"])
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("published", [(), ("--published", "2021-08-20")])
@pytest.mark.parametrize(
    ("question", "unmatched"),
    [
        ("When was the Canal Network designated by OFAC?", ["designated"]),
        ("When did OFAC designate the Canal Network?", ["designate"]),
        ("When was the Canal Network added to the SDN list?", ["added"]),
    ],
)
def test_an_sdn_entry_gives_no_date_of_designation(
    runner: CliRunner,
    tmp_path: Path,
    published: tuple[str, ...],
    question: str,
    unmatched: list[str],
) -> None:
    pack = _sdn_pack(runner, tmp_path, *published)

    code, found = _ask(runner, question, pack)

    assert code == 1  # no answer: the list does not say when
    first = found[0]
    assert first["id"] == "ofac-sdn-701"  # its own entry, before the one linked to it
    assert first["match"] == "partial"
    assert first["answer"] == first["claim"]  # not "2021", nor the year of the import
    assert first["unmatched"] == unmatched
    assert all(fact["match"] == "partial" for fact in found)
    assert not any(
        str(fact["answer"]).startswith(("2021", str(dt.date.today().year))) for fact in found
    )


def test_the_partial_answer_says_it_gives_no_date_of_the_designation(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = _sdn_pack(runner, tmp_path, "--published", "2021-08-20")

    question = "When was the Canal Network designated by OFAC?"
    result = runner.invoke(
        app, ["ask", question, "--facts", str(pack), "--no-builtin", "--format", "plain"]
    )

    assert result.exit_code == 1
    assert result.stdout.startswith("Partial answer: CANAL NETWORK (ent_num 701) is on the US")
    assert "\n  Gives no date of: designated\n" in result.stdout
    assert "Answer: 2021" not in result.stdout


def test_an_sdn_listing_record_is_undated(runner: CliRunner, tmp_path: Path) -> None:
    pack = _sdn_pack(runner, tmp_path, "--published", "2021-08-20")

    result = runner.invoke(app, ["show", "ofac-sdn-701", "--facts", str(pack), "--json"])

    assert result.exit_code == 0, result.stderr
    (fact,) = json.loads(result.stdout)
    assert (fact["date"], fact["details"]["adopted"]) == (None, None)
    assert fact["sources"][0]["published"] == "2021-08-20"  # the list's date is its source's
    assert "nor of any designation (so the listings are undated)" in (
        pack / "sources.toml"
    ).read_text(encoding="utf-8")


def test_a_report_of_how_a_listing_stands_does_not_date_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = tmp_path / "gazette"
    pack.mkdir()
    (pack / "facts.toml").write_text(_PACK, encoding="utf-8")
    sdn = _sdn_pack(runner, tmp_path)  # (a sanction among the candidates)

    code, found = _ask(runner, "When was the Canal Guild designated?", pack, sdn)
    assert code == 1
    guild = found[0]
    assert guild["id"] == "guild-is-designated"
    # How the listing stands as of the report, not when it was made: no date of it.
    assert (guild["match"], guild["answer"], guild["unmatched"]) == (
        "partial",
        guild["claim"],
        ["designated"],
    )

    code, found = _ask(runner, "When was Mia Lark sanctioned?", pack, sdn)
    assert code == 0
    assert (found[0]["id"], found[0]["match"], found[0]["answer"]) == (
        "lark-on-list-since-2004",
        "answer",
        "2004",
    )


REAL = REPO.parent / "shared" / "data"


@pytest.mark.parametrize("published", [(), ("--published", "2021-08-20")])
def test_the_strangers_question_on_the_real_sdn_list(
    runner: CliRunner, tmp_path: Path, published: tuple[str, ...]
) -> None:
    sdn = REAL / "ofac-sdn" / "sdn-2021-08-20.csv"
    if not sdn.exists():
        pytest.skip(f"the real OFAC SDN file is not at {sdn} (shared data absent)")
    out = tmp_path / "ofac"
    imported = runner.invoke(app, ["import", "ofac-sdn", str(sdn), "--out", str(out), *published])
    assert imported.exit_code == 0, imported.stderr

    result = runner.invoke(
        app,
        ["ask", "when was the haqqani network designated by OFAC", "--facts", str(out), "--json"],
    )

    assert result.exit_code in (0, 1), result.stderr
    found = json.loads(result.stdout)
    entry = next(fact for fact in found if fact["id"] == "ofac-sdn-15484")
    assert (entry["match"], entry["answer"]) == ("partial", entry["claim"])
    answers = [fact["answer"] for fact in found if fact["match"] == "answer"]
    assert not any(answer.startswith(("2021", str(dt.date.today().year))) for answer in answers)


_ENTRIES = """
[[source]]
id = "list"
title = "A consolidated list"
publisher = "A Council"
kind = "dataset"
published = "2025-11-20"

[[entity]]
id = "rook-guild"
name = "ROOK GUILD"
kind = "organization"

[[entity]]
id = "ada-vane"
name = "ADA VANE"
kind = "person"

[[sanction]]
id = "listing-rook-guild"
claim = "ROOK GUILD (XDe.001) is on the Council's list as of 2025-11-20, under the Harbour sanctions, listed on 2002-01-11."
date = "2002-01-11"
about = ["rook-guild"]
authority = "A Council"
instrument = "List entry XDe.001"
adopted = "2002-01-11"
targets = ["rook-guild"]
list = "Harbour"
reference = "XDe.001"
remarks = "Only its port offices are designated. Associated with Ada Vane (XDi.002)."

[[sanction.cite]]
source = "list"
passage = "ROOK GUILD"

[[sanction]]
id = "listing-ada-vane"
claim = "ADA VANE (XDi.002) is on the Council's list as of 2025-11-20, under the Harbour sanctions, listed on 2001-01-25."
date = "2001-01-25"
about = ["ada-vane"]
authority = "A Council"
instrument = "List entry XDi.002"
adopted = "2001-01-25"
targets = ["ada-vane"]
list = "Harbour"
reference = "XDi.002"

[[sanction.cite]]
source = "list"
passage = "ADA VANE"
"""


def test_an_entry_whose_remarks_name_the_one_asked_dates_no_listing_of_theirs(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = tmp_path / "list"
    pack.mkdir()
    (pack / "listings.toml").write_text(_ENTRIES, encoding="utf-8")

    _, found = _ask(runner, "When was Vane designated?", pack)

    guild = next(fact for fact in found if fact["id"] == "listing-rook-guild")
    assert (guild["match"], guild["answer"], guild["unmatched"]) == (
        "partial",
        guild["claim"],
        ["vane"],
    )
    assert found[0]["id"] == "listing-ada-vane"  # her own entry first
    assert found[0]["answer"] == "2001-01-25"
