"""Whatever the records hold, an importer writes a pack that loads and proves its passages."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tqcli.errors import InvalidInput
from tqcli.importers import ftm, ofac_sdn, un_sc
from tqcli.loader import load
from tqcli.model import Pack

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_values = st.lists(_text, max_size=3)
_person = st.fixed_dictionaries(
    {
        "id": st.text("abcXYZ019-_.!", min_size=1, max_size=8),
        "caption": _text,
        "schema": st.sampled_from(["Person", "Organization", "Address"]),
        "properties": st.fixed_dictionaries(
            {}, optional={"name": _values, "alias": _values, "birthDate": _values, "full": _values}
        ),
        "datasets": st.lists(_text, max_size=2),
    }
)


def _loads_cleanly(pack: Path) -> None:
    report = load([Pack("p", pack, "--facts")])
    assert report.problems == (), report.problems


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_person, min_size=1, max_size=4), _text, _text)
def test_any_ftm_entities_make_a_valid_pack(
    entities: list[dict[str, object]], authority: str, reason: str
) -> None:
    sanction = {
        "id": "s-1",
        "schema": "Sanction",
        "properties": {"entity": [entities[0]["id"]], "authority": [authority], "reason": [reason]},
        "datasets": ["x"],
    }
    lines = [json.dumps(e, ensure_ascii=False) for e in [*entities, sanction]]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "e.ftm.json"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")

        ftm.import_ftm(source, Path(folder) / "p")

        _loads_cleanly(Path(folder) / "p")


_csv_text = st.text(
    st.characters(codec="latin-1", exclude_characters='"\r\n\x1a'), min_size=1, max_size=40
)


_remark = st.builds(
    str.format,
    st.sampled_from(["a.k.a. '{}'", "f.k.a. '{}'", "DOB {}", "POB {}", "Linked To: {}", "{}"]),
    st.text(st.characters(codec="latin-1", exclude_characters='"\r\n\x1a'), max_size=12),
)
_remarks = st.lists(_remark, min_size=1, max_size=4).map("; ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_csv_text, _csv_text, _remarks), min_size=1, max_size=4))
@example([("X", "SDGT", "a.k.a. ' '; DOB  ; Linked To:  ")])  # blank values: no empty alias
@example([(" ", "0", "a.k.a. ''")])  # a blank name only: no entries, and the import says so
def test_any_sdn_rows_make_a_valid_pack(rows: list[tuple[str, str, str]]) -> None:
    text = "".join(
        f'{number},"{name}",-0- ,"{program}",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{remarks}"\r\n'
        for number, (name, program, remarks) in enumerate(rows, start=1)
    )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sdn.csv"
        source.write_bytes(text.encode("latin-1") + b"\x1a")

        if all(" ".join(name.split()) in ("", "-0-") for name, _, _ in rows):
            # A row with a blank (or -0-, OFAC's null) name is no entry: only those, no listings.
            with pytest.raises(InvalidInput, match="holds no SDN entries"):
                ofac_sdn.import_sdn(source, Path(folder) / "p")
            return
        ofac_sdn.import_sdn(source, Path(folder) / "p")

        _loads_cleanly(Path(folder) / "p")


_xml_text = st.text(
    st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc"),
        exclude_characters="\ufffe\uffff",
    ),
    max_size=20,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(_xml_text.filter(lambda name: name.split()), _xml_text, _xml_text),
        min_size=1,
        max_size=4,
    )
)
def test_any_un_records_make_a_valid_pack(records: list[tuple[str, str, str]]) -> None:
    individuals = "".join(
        f"<INDIVIDUAL><DATAID>{number}</DATAID><FIRST_NAME>{escape(name)}</FIRST_NAME>"
        f"<UN_LIST_TYPE>Taliban</UN_LIST_TYPE><REFERENCE_NUMBER>TAi.{number}</REFERENCE_NUMBER>"
        f"<LISTED_ON>2001-01-01</LISTED_ON><COMMENTS1>{escape(comment)}</COMMENTS1>"
        f"<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>{escape(alias)}</ALIAS_NAME>"
        "</INDIVIDUAL_ALIAS></INDIVIDUAL>\n"
        for number, (name, comment, alias) in enumerate(records, start=1)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="2020-01-01">'
        f"<INDIVIDUALS>\n{individuals}</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "list.xml"
        source.write_text(xml, encoding="utf-8")

        un_sc.import_list(source, Path(folder) / "p")

        _loads_cleanly(Path(folder) / "p")
