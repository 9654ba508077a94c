"""Where the index is cached when there is no home directory (stranger 15, 21): a folder of the
user's own in the temporary directory, used silently while it is theirs alone; without one,
the warning says why (docs/configuration.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcli.cli import app
from tqcli.index import CachePolicy

from conftest import index_files

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows caches in LOCALAPPDATA, and has no user ids"
)


def _homeless(tmp_path: Path, temporary: Path) -> dict[str, str]:
    return {"HOME": str(tmp_path / "no-such-home"), "TMPDIR": str(temporary)}


def test_with_no_home_the_cache_is_the_users_own_folder_in_tmpdir(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir(mode=0o1777)
    temporary.chmod(0o1777)  # (as /tmp is: others may write, not rename what is not theirs)

    policy = CachePolicy.from_environment(enabled=True, environ=_homeless(tmp_path, temporary))

    folder = temporary / f"tq-cache-{os.getuid()}"
    assert (policy.directory, policy.unavailable) == (folder, None)
    assert folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    "spoiled",
    ["open to others", "a link", "a file", "in a folder anyone may rename it in"],
)
def test_a_fallback_folder_not_the_users_alone_is_not_used(tmp_path: Path, spoiled: str) -> None:
    """Its indexes are trusted as the packs' facts: a folder others could write in, or swap,
    would let them change the answers. tq then answers without a cache, and says why."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    temporary.chmod(0o777 if spoiled.startswith("in a folder") else 0o1777)
    folder = temporary / f"tq-cache-{os.getuid()}"
    if spoiled == "open to others":
        folder.mkdir()
        folder.chmod(0o777)
    elif spoiled == "a link":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        folder.symlink_to(tmp_path / "elsewhere")
    elif spoiled == "a file":
        folder.write_text("not a folder\n")

    policy = CachePolicy.from_environment(enabled=True, environ=_homeless(tmp_path, temporary))

    assert policy.directory is None
    assert policy.unavailable == (
        f"the home directory {tmp_path / 'no-such-home'} does not exist, "
        f"and {folder} is not the user's alone"
    )


def test_commands_without_a_home_say_nothing_and_reuse_their_index(
    tq_executable: Path, pack: Path, tmp_path: Path
) -> None:
    """Stranger 15, 21: with HOME where nothing is, every command warned that it answered
    without a cache, in loops too; now the second run reuses the first's index, silently."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    temporary.chmod(0o1777)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("TQ_CACHE_DIR", "XDG_CACHE_HOME")},
        **_homeless(tmp_path, temporary),
    }
    command = [str(tq_executable), "search", "gadgets", "--no-builtin", "--facts", str(pack)]

    runs = [
        subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        for _ in range(2)
    ]

    assert [(run.returncode, run.stderr) for run in runs] == [(0, ""), (0, "")]
    assert runs[0].stdout == runs[1].stdout
    assert len(index_files(temporary / f"tq-cache-{os.getuid()}")) == 1


def test_tq_cache_names_the_fallback_folder(runner: CliRunner, tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    temporary.chmod(0o1777)
    env = {**_homeless(tmp_path, temporary), "TQ_CACHE_DIR": None, "XDG_CACHE_HOME": None}

    result = runner.invoke(app, ["cache"], env=env)

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith(f"{temporary / f'tq-cache-{os.getuid()}'}: 0 indexes")
