"""Where tq keeps its files, as tq paths shows them (imported by that command only)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tqcli.model import Pack


class LeftOutReason(enum.Enum):
    """Why a pack of the user pack folder is left out of queries."""

    PROBLEMS = "problems"
    """It does not load: `tq validate PATH` of its folder says why."""
    SAME_PACK = "same-pack"
    """It is the same pack, file for file, as another loaded (twin): loaded twice."""
    SAME_IDS = "same-ids"
    """Another pack loaded (twin) defines its ids again: another version of it, most likely.
    Either alone loads; `tq validate PATH` of its folder passes."""


@dataclass(frozen=True)
class LeftOut:
    """Why a pack of the user pack folder is left out, and the pack that is its twin."""

    reason: LeftOutReason
    twin: Pack | None = None
    """The other pack loaded that holds its ids (SAME_PACK, SAME_IDS), else None."""


@dataclass(frozen=True)
class Locations:
    """Where tq looks for its files, as tq paths shows them."""

    config_file: Path
    """The configuration file tq reads, if it exists."""
    config_exists: bool
    """Whether the configuration file exists."""
    user_pack_folder: Path | None
    """The folder whose subfolders are packs (None when no home directory is known)."""
    cache: Path | None
    """The index cache directory (None: no cache, the index is built in memory each run)."""
    packs: tuple[Pack, ...]
    """The packs in effect, in load order."""
    left_out: Mapping[Pack, LeftOut] = field(default_factory=dict)
    """The packs of the user pack folder that queries leave out, each with why."""
