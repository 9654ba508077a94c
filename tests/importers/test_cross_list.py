"""The three real lists together: records are linked only where the data links them, and
Abdul Ghani Baradar, on the UN list and in the OpenSanctions file, is on no SDN record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.importers import ftm, ofac_sdn, un_sc
from tqcli.loader import load
from tqcli.model import Pack

from conftest import REPO

REAL = REPO.parent / "shared" / "data"
FILES = {
    "un": REAL / "un-sc" / "consolidated-2025-11-20.xml",
    "ofac": REAL / "ofac-sdn" / "sdn-2024-05-03.csv",
    "os": REAL / "opensanctions" / "entities.delta-2024-05-30.json",
}
pytestmark = pytest.mark.skipif(
    not all(path.exists() for path in FILES.values()),
    reason=f"the real UN, OFAC and OpenSanctions files are not all under {REAL} (data absent)",
)


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lists")
    un_sc.import_list(FILES["un"], folder / "un")
    ofac_sdn.import_sdn(FILES["ofac"], folder / "ofac")
    ftm.import_ftm(FILES["os"], folder / "os")
    return folder


def test_baradar_is_linked_to_his_un_listing_and_to_nothing_on_the_sdn_list(packs: Path) -> None:
    catalog = load(
        [Pack("builtin", REPO / "facts", "builtin")]
        + [Pack(name, packs / name, "--facts") for name in ("un", "ofac", "os")]
    ).catalog

    same = catalog.same_entities("abdul-ghani-baradar")
    assert "un-tai.024" in same
    assert not [entity for entity in same if entity.startswith("ofac-")]
    about_him = [fact.id for fact in catalog.facts if set(fact.about) & same]
    assert "un-listing-tai.024" in about_him
    assert not [fact for fact in about_him if fact.startswith("ofac-")]
    on_sdn = [
        entity.id
        for entity in catalog.entities.values()
        if entity.id.startswith("ofac-")
        and any("baradar" in name.casefold().replace(",", " ").split() for name in entity.names)
    ]
    assert on_sdn == []


def test_match_offers_no_sdn_record_for_baradar(packs: Path, runner: CliRunner) -> None:
    facts = [arg for name in ("un", "ofac", "os") for arg in ("--facts", str(packs / name))]

    result = runner.invoke(app, ["match", "Abdul Ghani Baradar", "--json", *facts])

    assert result.exit_code == 0, result.stderr
    (screened,) = json.loads(result.stdout)
    matches = [result["id"] for result in screened["results"] if result["match"]]
    assert "un-tai.024" in matches
    assert not [entity for entity in matches if entity.startswith("ofac-")]
