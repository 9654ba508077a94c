"""A snapshot of the packs records every file os.walk would find, in its order, with its state."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import pytest

from tqcli.index.cache import snapshot
from tqcli.model import Pack


def _walked(folder: Path) -> dict[str, str]:
    """What snapshot recorded when it walked the folder with os.walk."""
    files: dict[str, str] = {}
    for parent, subfolders, names in os.walk(folder):
        subfolders.sort()
        for name in sorted(names):
            path = os.path.join(parent, name)
            with contextlib.suppress(OSError):
                st = os.stat(path)
                files[path] = f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"
    return files


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_every_file_is_recorded_as_os_walk_finds_it(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    for relative in ("b.toml", "a.toml", "archive/z.txt", "archive/a.txt", "archive/deep/x.txt"):
        (pack / relative).parent.mkdir(parents=True, exist_ok=True)
        (pack / relative).write_text(relative)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "hidden.txt").write_text("not walked into")
    (pack / "linked-folder").symlink_to(tmp_path / "elsewhere")  # not followed
    (pack / "linked-file.toml").symlink_to(pack / "a.toml")  # the target's state
    (pack / "broken.toml").symlink_to(tmp_path / "missing")  # left out
    (pack / "Zed").mkdir()

    files = snapshot([Pack("p", pack, "flag")]).files

    assert list(files.items()) == list(_walked(pack).items())
    assert str(pack / "linked-file.toml") in files
    assert str(pack / "broken.toml") not in files
