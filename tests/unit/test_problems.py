"""The tq validate command a refused query names: it loads the packs as the query did."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcli.model import Pack
from tqcli.packs import BUILTIN_NAME, CONFIG_ORIGIN, FACTS_ORIGIN, USER_FOLDER_ORIGIN
from tqcli.problems import validate_command

BUILTIN = Pack(BUILTIN_NAME, Path("/site/tqcli/facts"), BUILTIN_NAME)
MINE = Pack("mine", Path("my pack"), FACTS_ORIGIN)
THEIRS = Pack("theirs", Path("theirs"), FACTS_ORIGIN)


@pytest.mark.parametrize(
    ("packs", "command"),
    [
        ([BUILTIN], "tq validate"),
        ([], "tq validate --no-builtin"),
        ([BUILTIN, MINE, THEIRS], "tq validate 'my pack' theirs"),
        ([MINE], "tq validate 'my pack' --no-builtin"),
        # validate PATH would leave out the packs a query takes from elsewhere: --facts keeps them
        (
            [BUILTIN, Pack("kept", Path("/u/kept"), USER_FOLDER_ORIGIN), MINE],
            "tq validate --facts 'my pack'",
        ),
        (
            [Pack("c", Path("/c"), CONFIG_ORIGIN), MINE],
            "tq validate --facts 'my pack' --no-builtin",
        ),
        ([BUILTIN, Pack("c", Path("/c"), CONFIG_ORIGIN)], "tq validate"),
    ],
)
def test_the_command_loads_the_packs_the_query_did(packs: list[Pack], command: str) -> None:
    assert validate_command(packs) == command
