"""Building a large index in worker processes: each reads some fact files and makes their rows,
while this process writes the rows of every file in order.

Only where a forked process can take over the loaded state (Linux), with two processors or
more, and only for packs large enough to pay for the workers; anything unusual (a problem in a
file, a worker gone) gives None, and the caller builds serially, which reports every problem as
a whole load does. So a parallel build only ever writes an index whose packs load cleanly, and
its rows are the serial build's (tests/core/test_parallel_build.py compares every table).

The workers start first, and read their first files while the files that define sources,
entities or synonyms are read here (guessed from their table headers; a worker finding one
anyway gives up); then each worker is sent the sources and entities, so that it knows what the
facts may name and cite, and checks them as the per-file update does (load_fact_files).
Duplicate fact ids across files are checked here.
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import signal
import sys
import threading
from collections.abc import Sequence
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from tqcli.index import build as serial
from tqcli.index.cache import Snapshot
from tqcli.index.query import Index
from tqcli.index.store import COLUMNS
from tqcli.model import Catalog, Entity, Fact, Pack, Source

if TYPE_CHECKING:
    from tqcli.loader import FactFiles

MIN_BYTES = 8 << 20
"""Packs whose TOML files are smaller than this in all are built serially: starting workers and
shipping rows cost about what they save (measured: see docs/performance.md)."""
WORKERS = 2
"""Worker processes at most (fewer on fewer processors)."""
_AHEAD = 4
_EARLY = 12
"""Files a worker reads while this process loads the sources and entities, at most (each is
held, read but not checked, until they come: ~3 MB at 1,000 facts a file). At 100,000 facts
the sources and entities take ~0.25 s of CPU to load, a worker ~27 ms a file: with 4, the
workers waited idle for them (measured: 0.14 s of reading each, then ~0.3 s of waiting)."""
"""Files' rows taken from a worker before this process writes them, at most (each is ~1 MB
at 1,000 facts a file)."""

# A table header naming what a file may define besides facts: [[source]], [entity], ["synonyms"]...
# (after a line break, not at ^ in MULTILINE mode: a pattern that starts with a character is
# searched for far faster).
_DEFINING_HEADER = re.compile(
    rb"""\n[ \t]*\[\[?[ \t]*["']?(?:source|entity|synonyms)["']?[ \t]*[\].]"""
)
_FIRST_HEADER = re.compile(rb"\n[ \t]*\[")
_DEFINING_WORD = re.compile(rb"source|entity|synonyms")

_Rows = tuple[Any, ...]
"""One file's rows, as a worker sends them (MessagePack: made and read in C, three times as
fast as pickle here): (count, facts, tags, sources, entities, text, references), each fact's
seq counted from 0 in its file."""


class _GiveUp(Exception):
    """The parallel build cannot go on: the caller builds serially."""


def build(packs: Sequence[Pack], state: Snapshot, path: Path, stage: serial.Stage) -> Index | None:
    """The packs' index, built with worker processes and installed at path; None when the
    packs are too small for workers, or anything is unusual (then build serially)."""
    from tqcli import loader
    from tqcli.userfiles import UnreadableFile, read_bytes

    files = loader.pack_files(packs)
    try:
        if files is None or sum(file.stat().st_size for _, file in files) < MIN_BYTES:
            return None
        workers = _workers()
        if workers < 2:
            return None
        limit = loader.MAX_PACK_FILE_BYTES  # read as the loader reads them: bounded
        defining = [(pack, file) for pack, file in files if _defines(read_bytes(file, limit=limit))]
    except (OSError, UnreadableFile, MemoryError):
        return None  # the serial load reports it (a file too large, or larger than the memory)
    if len(files) - len(defining) < 2:
        return None
    read_here = set(defining)
    reading = [(pack, file) for pack, file in files if (pack, file) not in read_here]
    try:
        # The workers start at once and read their first files while the sources and entities
        # load here (which left a processor idle before: this process's CPU before the workers
        # start, 0.25 -> 0.11 s at 100,000 facts); they check them once sent the catalog.
        with _Pool(reading, workers) as pool:
            report = loader.load_some(packs, defining, stage)
            if report.problems:
                return None
            catalog = report.catalog
            pool.send(catalog)
            own: dict[Path, list[Fact]] = {}
            for fact in catalog.facts:
                own.setdefault(fact.where.path, []).append(fact)
            order = [(file, None if (pack, file) in read_here else pool) for pack, file in files]

            def write_facts(connection: Any) -> list[tuple[str, str, int, str | None]]:
                references = _write_facts(connection, catalog, order, own, stage)
                # The indexes made next are sorted once the workers are done, with a processor
                # free: SQLite's sorter then hands part of the work to a thread of its own
                # (measured at 100,000 facts: this thread's CPU 0.47 -> 0.31 s, 0.53 s in all).
                connection.execute("PRAGMA threads = 1")
                return references

            return serial.write(
                path,
                lambda connection: serial._fill(connection, catalog, state, stage, write_facts),
            )
    except _GiveUp:
        return None


def _workers() -> int:
    """How many workers to start: as many processors as are free now, at most WORKERS. On a
    machine whose processors are busy with other programs, workers only take turns with this
    process and add work of their own (measured: 1-3 s of CPU at 100,000 facts)."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return 0  # fork is what makes workers cheap; elsewhere, build serially
    try:
        processors = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        processors = os.cpu_count() or 1
    return min(WORKERS, processors - _busy())


def _busy() -> int:
    """Processors that other programs are running on now: the kernel's count of tasks ready to
    run, less this one, the least of three looks 10 ms apart (a task may wake for a moment);
    0 if it cannot be read."""
    import time

    least = None
    for look in range(3):
        if look:
            time.sleep(0.01)
        try:
            with open("/proc/loadavg", encoding="ascii") as loadavg:
                running = int(loadavg.read().split()[3].split("/")[0])
        except (OSError, ValueError, IndexError):
            return 0
        least = running if least is None else min(least, running)
    return max((least or 1) - 1, 0)


def _defines(text: bytes) -> bool:
    """True if a file may define a source, an entity or synonyms: a header names one, or a
    top-level key before the first header might (a guess that errs towards True)."""
    # The first line alone after a break, not a copy of the whole text (64 MB at 100,000 facts,
    # before the workers start: the scan of the 102 files 0.057 -> 0.052 s).
    end = text.find(b"\n")
    first_line = b"\n" + (text if end < 0 else text[:end])
    if _DEFINING_HEADER.match(first_line) or _DEFINING_HEADER.search(text):
        return True
    if _FIRST_HEADER.match(first_line):
        return False  # a header first: no top-level key
    first = _FIRST_HEADER.search(text)
    return _DEFINING_WORD.search(text, 0, first.start() if first else len(text)) is not None


def _write_facts(
    connection: Any,
    catalog: Catalog,
    order: Sequence[tuple[Path, _Pool | None]],
    own: dict[Path, list[Fact]],
    stage: serial.Stage,
) -> list[tuple[str, str, int, str | None]]:
    """Write the facts of every file in order, from the workers' rows or from the catalog's
    facts (those of the files read here); their listing references' rows."""
    from tqcli import names

    searchable = serial._Searchable(catalog)
    ids: set[str] = set()
    references: list[tuple[str, str, int, str | None]] = []
    first = 0
    kept: list[Any]
    for number, (file, pool) in enumerate(order, start=1):
        stage(f"reading and writing file {number} of {len(order)} ({file.name})")
        if pool is None:
            numbered = list(enumerate(own.get(file, ()), start=first))
            rows = serial._FactRows(numbered, searchable)
            count = len(numbered)
            kept = [rows.facts, rows.tags, rows.sources, rows.entities, rows.text]
            references += names.reference_rows(numbered, catalog.entities)
            offset = 0
        else:
            count, *kept, their_references = pool.next()
            references += [(key, text, seq + first, to) for key, text, seq, to in their_references]
            offset = first
        ids.update(map(itemgetter(1), kept[0]))
        first += count
        if len(ids) != first:
            raise _GiveUp  # a fact id defined twice: a serial load reports where
        _insert(connection, offset, kept)
    return references


def _insert(connection: Any, first: int, rows: Sequence[list[Any]]) -> None:
    """Insert one file's rows, their seqs counted from first."""
    facts, tags, sources, entities, text = rows
    seq = f"? + {first:d}"
    connection.executemany(f"INSERT INTO facts VALUES ({seq}, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts)
    connection.executemany(f"INSERT INTO fact_tags VALUES ({seq}, ?)", tags)
    connection.executemany(f"INSERT INTO fact_sources VALUES ({seq}, ?)", sources)
    connection.executemany(f"INSERT INTO fact_entities VALUES ({seq}, ?)", entities)
    connection.executemany(
        f"INSERT INTO fact_text (rowid, {', '.join(COLUMNS)}) VALUES ({seq}, ?, ?, ?, ?, ?, ?, ?)",
        text,
    )


def _file_rows(
    read: FactFiles | None,
    catalog: Catalog,
    searchable: Any,
    archives: dict[str, str | None],
) -> _Rows | None:
    """A fact file's rows, made in a worker from the file as read (read_fact_files); None if
    it holds anything but facts, or any problem. archives: those read so far by this worker
    (see load_fact_files)."""
    from tqcli import names
    from tqcli.loader import check_fact_files

    if read is None:
        return None
    facts = check_fact_files(read, catalog.sources, catalog.entities, lambda _: False, archives)
    if facts is None:
        return None
    numbered = list(enumerate(facts))
    rows = serial._FactRows(numbered, searchable)
    references = list(names.reference_rows(numbered, catalog.entities))
    return (len(facts), rows.facts, rows.tags, rows.sources, rows.entities, rows.text, references)


def _read(file: tuple[Pack, Path]) -> FactFiles | None:
    """A fact file read in a worker (None on anything unexpected: the serial build says what)."""
    from tqcli.loader import read_fact_files

    try:
        return read_fact_files([file])
    except Exception:
        return None


def _path(kind: type, value: object) -> Path:
    if kind is Path and isinstance(value, str):
        return Path(value)
    raise TypeError(f"expected a path, got {type(value).__name__}")


_CATALOG_ENCODER = msgspec.msgpack.Encoder(enc_hook=str)
"""The sources and entities, as sent to the workers (each path as its text)."""
_CATALOG_DECODER = msgspec.msgpack.Decoder(tuple[list[Source], list[Entity]], dec_hook=_path)


class _Pool:
    """Forked workers, each reading every so-many-th file and sending its rows back in turn;
    next() gives the rows of each file in order. A thread per worker takes its rows as they
    come (up to _AHEAD files ahead), so that no worker waits while this process writes.
    Leaving it ends and reaps every worker."""

    def __init__(self, files: Sequence[tuple[Pack, Path]], count: int) -> None:
        self._files = files
        self._count = min(count, len(files))
        self._catalogs: list[_End] = []
        """Where each worker is sent the sources and entities (see send)."""
        self._readers: list[_End] = []
        self._pids: list[int] = []
        self._threads: list[threading.Thread] = []
        self._received: list[collections.deque[bytes | None]] = []
        self._changed = threading.Condition()
        self._next = 0

    def __enter__(self) -> _Pool:
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(Exception):
                stream.flush()
        try:
            for number in range(self._count):
                reader, writer = _pipe()
                _widen(reader)
                catalog, sender = _pipe()
                pid = os.fork()
                if pid == 0:  # the worker: never returns
                    reader.close()  # so that a parent gone makes its writes fail, not block
                    sender.close()  # and its wait for the catalog end
                    self._work(number, writer, catalog)
                writer.close()
                catalog.close()
                self._catalogs.append(sender)
                self._readers.append(reader)
                self._pids.append(pid)
            for reader in self._readers:  # threads only once every worker is forked
                received: collections.deque[bytes | None] = collections.deque()
                self._received.append(received)
                thread = threading.Thread(target=self._take, args=(reader, received))
                thread.start()
                self._threads.append(thread)
        except BaseException:
            self._end()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self._end()

    def send(self, catalog: Catalog) -> None:
        """Send every worker the sources and entities its facts may cite and name."""
        data = _CATALOG_ENCODER.encode(
            (list(catalog.sources.values()), list(catalog.entities.values()))
        )
        try:
            for sender in self._catalogs:
                sender.send_bytes(data)
        except OSError as error:  # a worker gone
            raise _GiveUp from error

    def next(self) -> _Rows:
        """The rows of the next file, in order; _GiveUp if the file needs a serial load or its
        worker is gone."""
        received = self._received[self._next % self._count]
        self._next += 1
        with self._changed:
            self._changed.wait_for(lambda: bool(received))
            data = received.popleft()
            self._changed.notify_all()
        if data is None:
            raise _GiveUp  # the worker is gone
        try:
            rows: _Rows | None = msgspec.msgpack.decode(data)
        except msgspec.DecodeError as error:
            raise _GiveUp from error
        if rows is None:
            raise _GiveUp
        return rows

    def _take(self, reader: _End, received: collections.deque[bytes | None]) -> None:
        """A thread's life: a worker's rows kept as they come, None once it is gone."""
        while True:
            with self._changed:
                self._changed.wait_for(lambda: len(received) < _AHEAD)
            try:
                data: bytes | None = reader.recv_bytes()
            except (EOFError, OSError):
                data = None
            with self._changed:
                received.append(data)
                self._changed.notify_all()
            if data is None:
                return

    def _work(self, number: int, writer: _End, catalog_pipe: _End) -> None:
        """A worker's life: the rows of files number, number + count, ... sent in turn."""
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            for connection in (*self._readers, *self._catalogs):
                connection.close()  # so that the parent alone holds them, and sees a worker die
            files = self._files[number :: self._count]
            early: list[FactFiles | None] = []
            # Files read while the parent loads the sources and entities (see _EARLY).
            while len(early) < min(len(files), _EARLY) and not catalog_pipe.poll():
                early.append(_read(files[len(early)]))
            sources, entities = _CATALOG_DECODER.decode(catalog_pipe.recv_bytes())
            catalog_pipe.close()
            catalog = Catalog(
                packs=(),
                facts=(),
                sources={source.id: source for source in sources},
                entities={entity.id: entity for entity in entities},
            )
            searchable = serial._Searchable(catalog)
            archives: dict[str, str | None] = {}
            for position, file in enumerate(files):
                read = early[position] if position < len(early) else _read(file)
                try:
                    rows = _file_rows(read, catalog, searchable, archives)
                except Exception:
                    rows = None  # the serial build meets the same, and says what it is
                writer.send_bytes(msgspec.msgpack.encode(rows))
                if rows is None:
                    break
        except BaseException:
            pass
        finally:
            os._exit(0)  # no exit handlers, no flushing of the parent's streams

    def _end(self) -> None:
        for pid in self._pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)  # its thread then reads the end of its rows
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
        with self._changed:
            for received in self._received:
                received.clear()  # no thread waits for room
            self._changed.notify_all()
        for thread in self._threads:
            thread.join()
        for connection in (*self._readers, *self._catalogs):
            connection.close()
        self._readers.clear()
        self._catalogs.clear()
        self._pids.clear()
        self._threads.clear()


class _End:
    """One end of a pipe that carries messages, each its length then its bytes (as
    multiprocessing.connection's do, without importing it: ~12 ms, and an exit handler that
    keeps the process from leaving at once after the build)."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor

    def fileno(self) -> int:
        return self._descriptor

    def close(self) -> None:
        if self._descriptor >= 0:
            os.close(self._descriptor)
            self._descriptor = -1

    def send_bytes(self, data: bytes) -> None:
        """Send a message (OSError if the other end is closed)."""
        for part in (len(data).to_bytes(4, "little"), data):
            view = memoryview(part)
            while view:
                view = view[os.write(self._descriptor, view) :]

    def recv_bytes(self) -> bytes:
        """The next message; EOFError once the other end is closed."""
        return self._read(int.from_bytes(self._read(4), "little"))

    def poll(self) -> bool:
        """Whether a message (or the end) is there to read now."""
        import select

        return bool(select.select([self._descriptor], [], [], 0)[0])

    def _read(self, size: int) -> bytes:
        parts: list[bytes] = [b""]
        while size:
            part = os.read(self._descriptor, size)
            if not part:
                raise EOFError
            parts.append(part)
            size -= len(part)
        return parts[-1] if len(parts) <= 2 else b"".join(parts)


def _pipe() -> tuple[_End, _End]:
    """A pipe's two ends: the one read from, the one written to."""
    read, write = os.pipe()
    return _End(read), _End(write)


def _widen(pipe: _End) -> None:
    """Let a pipe hold a file's rows (~1.2 MB at 1,000 facts a file) in two reads, not twenty,
    where the kernel allows it (64 KB by default). The thread that takes them needs the
    interpreter's lock for each read: at once while this process is in SQLite, but up to 5 ms
    later while it runs Python (decoding rows), and meanwhile the worker waits for room."""
    import fcntl

    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
