"""Importing from a URL: a local HTTP server on 127.0.0.1 serves the files, whole or faulty."""

from __future__ import annotations

import http.server
import io
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from import_helpers import run_import
from typer.testing import CliRunner

from tqcli import progress
from tqcli.importers import download

from conftest import FIXTURES, REPO, run_on_terminal

REAL = REPO.parent / "shared" / "data"
REAL_UN = REAL / "un-sc" / "consolidated-2020-03-20.xml"
REAL_SDN = REAL / "ofac-sdn" / "sdn-2021-08-20.csv"
REAL_DELTA = REAL / "opensanctions" / "entities.delta-2024-05-30.json"
LIST_V1 = FIXTURES / "unsc" / "list-v1.xml"
FILES = {
    "/list.xml": LIST_V1,
    "/sdn.csv": FIXTURES / "ofac" / "sdn.csv",
    "/entities.ftm.json": FIXTURES / "ftm" / "export.ftm.json",
    "/real.xml": REAL_UN,
    "/real-sdn.csv": REAL_SDN,
    "/real-delta.json": REAL_DELTA,
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/error":
            self.send_error(503, "Service Unavailable")
            return
        if self.path == "/html":
            self._send(b"<!doctype html><html><body>Not here</body></html>")
            return
        if self.path == "/cut":  # says how long the file is, then stops halfway
            data = LIST_V1.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if self.path == "/slow.xml":  # half, then the rest after longer than a quick task takes
            data = LIST_V1.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            threading.Event().wait(progress.NOTE_AFTER_SECONDS + 0.5)
            self.wfile.write(data[len(data) // 2 :])
            return
        path = FILES.get(self.path)
        if path is None or not path.exists():
            self.send_error(404, "Not Found")
            return
        self._send(path.read_bytes())

    def _send(self, data: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output is not a server log."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The base URL of a server on 127.0.0.1 (never through a proxy the environment names)."""
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    ("importer", "path", "expected"),
    [
        ("un-sc", "/list.xml", "archive/consolidated-list.xml"),
        ("ofac-sdn", "/sdn.csv", "archive/sdn.csv"),
        ("ftm", "/entities.ftm.json", "archive/entities.ftm.json"),
    ],
)
def test_each_importer_reads_a_url(
    runner: CliRunner, tmp_path: Path, server: str, importer: str, path: str, expected: str
) -> None:
    url = server + path

    code, stdout, stderr = run_import(runner, importer, url, "--out", str(tmp_path / "p"), "--json")

    assert code == 4, stderr  # each fixture holds records that cannot be imported
    assert json.loads(stdout)["file"] == url
    assert (tmp_path / "p" / expected).is_file()


@pytest.mark.parametrize(
    ("importer", "path"),
    [("un-sc", "/list.xml"), ("ofac-sdn", "/sdn.csv"), ("ftm", "/entities.ftm.json")],
)
def test_a_url_in_the_source_record(
    runner: CliRunner, tmp_path: Path, server: str, importer: str, path: str
) -> None:
    run_import(runner, importer, server + path, "--out", str(tmp_path / "p"))

    sources = (tmp_path / "p" / "sources.toml").read_text()
    assert f'url = "{server}{path}"' in sources
    assert "file_name" not in sources  # the address says where it was read


@pytest.mark.parametrize(
    ("importer", "path", "real", "archived"),
    [
        ("un-sc", "/real.xml", REAL_UN, "archive/consolidated-list.xml"),
        ("ofac-sdn", "/real-sdn.csv", REAL_SDN, "archive/sdn.csv"),
        ("ftm", "/real-delta.json", REAL_DELTA, "archive/entities.ftm.json"),
    ],
)
def test_the_real_files_download_whole(
    runner: CliRunner,
    tmp_path: Path,
    server: str,
    importer: str,
    path: str,
    real: Path,
    archived: str,
) -> None:
    if not real.exists():
        pytest.skip(f"the real file is not at {real} (shared data absent)")

    code, stdout, stderr = run_import(
        runner, importer, server + path, "--out", str(tmp_path / "p"), "--json"
    )

    assert code == 0, stderr
    assert json.loads(stdout)["skipped"] == []
    assert (tmp_path / "p" / archived).stat().st_size > 0
    if importer != "ftm":  # the FtM archive holds the entities the import keeps, not the delta
        assert (tmp_path / "p" / archived).read_bytes() == real.read_bytes().rstrip(b"\x1a")


@pytest.mark.parametrize(
    ("path", "code", "message"),
    [
        ("/error", 69, "/error: the server answered 503 Service Unavailable; try again later"),
        ("/missing", 2, "/missing: the server answered 404 Not Found"),
        ("/cut", 3, "/cut: the download stopped after"),
        ("/html", 3, "/html:1:1: not well-formed XML"),
    ],
)
def test_a_faulty_server_is_reported_and_nothing_written(
    runner: CliRunner, tmp_path: Path, server: str, path: str, code: int, message: str
) -> None:
    exit_code, stdout, stderr = run_import(
        runner, "un-sc", server + path, "--out", str(tmp_path / "p")
    )

    assert (exit_code, stdout) == (code, "")
    assert message in stderr
    assert not (tmp_path / "p").exists()


def test_nothing_listens_is_a_clear_error(runner: CliRunner, tmp_path: Path, server: str) -> None:
    closed = server.rsplit(":", 1)[0] + ":9"  # the discard port: nothing serves HTTP there

    code, _, stderr = run_import(
        runner, "un-sc", closed + "/list.xml", "--out", str(tmp_path / "p")
    )

    assert code == 69  # the documented code for a resource that is unavailable
    assert stderr == f"tq: {closed}/list.xml: cannot download: Connection refused\n"
    assert not (tmp_path / "p").exists()


def test_a_download_shows_progress_on_a_terminal_only(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    length = len(LIST_V1.read_bytes())
    for stream, shown in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        data = download.download(server + "/slow.xml", limit=1 << 20, what="a list")
        assert data == LIST_V1.read_bytes()
        line = f"tq: downloading: 0 of {length:,} bytes (0%)…"
        assert (line in stream.getvalue()) is shown, stream.getvalue()
        assert "\x1b" not in stream.getvalue()
    assert stream.getvalue() == ""  # in a pipe or a log, nothing


# Each mode at a terminal: the environment and options, and whether the line is drawn.
TERMINAL_MODES: dict[str, tuple[dict[str, str], list[str], bool]] = {
    "default": ({"TERM": "xterm-256color"}, [], True),
    "NO_COLOR": ({"TERM": "xterm-256color", "NO_COLOR": "1"}, [], True),
    "color-never": ({"TERM": "xterm-256color"}, ["--color", "never"], True),
    "TERM-dumb": ({"TERM": "dumb"}, [], False),
}


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("mode", TERMINAL_MODES)
def test_a_download_on_a_real_terminal_writes_no_escape_code(
    server: str, tq_executable: Path, tmp_path: Path, mode: str
) -> None:
    changes, options, drawn = TERMINAL_MODES[mode]
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env.update(changes)
    args = ["import", "un-sc", server + "/slow.xml", "--dry-run", "--out", str(tmp_path / "p")]

    code, shown = run_on_terminal([tq_executable, *args, *options], env, stderr_too=True)

    text = shown.decode("utf-8")
    assert code == 4, text  # the fixture holds records that cannot be imported
    # No cursor movement, hiding or line erasing: colour (SGR) only, and only where wanted.
    assert "\x1b" not in re.sub(r"\x1b\[[0-9;]*m", "", text), text
    if mode != "default":
        assert "\x1b" not in text
    assert ("tq: downloading: 0 of" in text) is drawn, text


def test_a_download_in_a_pipe_shows_no_progress(
    server: str, tq_executable: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "TERM": "xterm-256color"}
    args = ["import", "un-sc", server + "/slow.xml", "--dry-run", "--out", str(tmp_path / "p")]

    run = subprocess.run([tq_executable, *args], capture_output=True, env=env, check=False)

    assert run.returncode == 4
    assert b"downloading" not in run.stderr
    assert b"\x1b" not in run.stderr + run.stdout


def test_a_download_larger_than_the_limit_stops(server: str) -> None:
    with pytest.raises(Exception, match="larger than 0 MiB"):
        download.download(server + "/list.xml", limit=100, what="a list")


def test_a_server_that_never_answers_is_unavailable(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    monkeypatch.setattr(download, "TIMEOUT_SECONDS", 0.5)
    monkeypatch.setenv("no_proxy", "*")
    with socket.socket() as silent:  # accepts connections (the backlog) and says nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/list.xml"

        code, _, stderr = run_import(runner, "un-sc", url, "--out", str(tmp_path / "p"))

    assert code == 69
    assert stderr == f"tq: {url}: cannot download: no answer within 0.5 seconds\n"
