"""Where tq keeps its files, as tq paths shows them (imported by that command only)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tqcli.model import Pack


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
    left_out: tuple[Pack, ...] = ()
    """The packs of the user pack folder that do not load, which queries leave out."""
