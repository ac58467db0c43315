"""A second process that writes the full-text indexes of a large build into a file of its own.

The build writes each event's texts (catalog_schema.search_texts), in rank order, a slice at
a time, into a file it hands the writer open (in memory where the system allows); the writer
reads each slice as it comes, cuts the texts and writes both indexes while the build writes
the events, their links and columns; the build then copies its tables in. The writer is
started afresh, not forked: a forked child shares the build's heap of a million events, and
in Python merely reading an object writes to it (its reference count), so the two processes
copied most of that heap page by page, seconds of each one's time. Should it fail, the
build writes the indexes itself: it costs time, never correctness.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from museum_app.core.domain import Event
from museum_app.store import catalog_schema
from museum_app.store.helper import copy_tables

# Below this many events a second process costs more than it saves: starting Python and
# copying the tables back take a tenth of a second, while the shipped 27 events are written
# in a few milliseconds.
HELPED_FROM_EVENTS = 20_000
SLICE = 10_000  # events written at once: the writer starts on the first while the rest come
_HEADER = struct.Struct("<Q")  # each slice's length in bytes; 0 ends the texts
_WAIT_SECONDS = 0.005  # how often the writer looks again for a slice not written yet


class SearchWriter:
    """The build's side: the writer process, the texts it reads, and its tables copied in."""

    def __init__(self, process: subprocess.Popen[bytes], path: Path, texts: int) -> None:
        self._process: subprocess.Popen[bytes] | None = process
        self.path = path
        self._texts: int | None = texts

    @classmethod
    def start(cls, path: Path) -> SearchWriter | None:
        """Start a writer of a new database file at path; None if no process can be started."""
        if os.name != "posix":
            return None  # the texts are handed over as an open file, which Windows cannot pass
        path.unlink(missing_ok=True)
        try:
            texts = _texts_file(path.with_suffix(".texts" + path.suffix))
        except OSError:
            return None
        try:
            process = subprocess.Popen(
                _command(path, texts), pass_fds=(texts,),
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
        except OSError:
            os.close(texts)
            return None
        return cls(process, path, texts)

    def send(self, events: Sequence[Event]) -> None:
        """Write every event's search texts, in order, and then the end of them."""
        if self._texts is None:
            return
        numbers: dict[int, int] = {}
        names: list[tuple[str, ...]] = []
        try:
            for first in range(0, len(events), SLICE):
                sent = len(names)
                texts = catalog_schema.search_texts(events[first : first + SLICE], numbers, names)
                data = marshal.dumps((first, texts, names[sent:]))
                _write_all(self._texts, _HEADER.pack(len(data)) + data)
            _write_all(self._texts, _HEADER.pack(0))
        except OSError:  # no room for them, say: the build writes the indexes itself
            self._end()

    def copy_into(self, conn: sqlite3.Connection, tables: Sequence[str]) -> bool:
        """Wait for the writer, then copy its tables into conn; False (conn unchanged) if it failed."""
        process, self._process = self._process, None
        self._close_texts()
        if process is None or process.wait() != 0:
            return False
        return copy_tables(conn, self.path, tables)

    def close(self) -> None:
        """End the writer if it still runs (the build failed or was stopped); remove its file."""
        self._end()
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)

    def _end(self) -> None:
        """End the writer at once, if it still runs, and reap it."""
        process, self._process = self._process, None
        self._close_texts()
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()
            process.wait()

    def _close_texts(self) -> None:
        """Let go of the texts (the writer holds them while it reads)."""
        texts, self._texts = self._texts, None
        if texts is not None:
            os.close(texts)


def _texts_file(path: Path) -> int:
    """Open a file for the texts, with nothing else able to open it: in memory where it can be."""
    # In memory, nothing goes to the disk: at a million events the texts are 700 MB, and a
    # file on the disk was written out while the build ran.
    with contextlib.suppress(AttributeError, OSError):  # memfd_create: Linux alone
        return os.memfd_create("museum-app-texts", os.MFD_CLOEXEC)
    # Else a file beside the catalog, named by nothing once open: the writer is handed it open.
    texts = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        path.unlink()
    except OSError:
        os.close(texts)
        raise
    return texts


def _write_all(fd: int, data: bytes) -> None:
    """Write all of data to a file."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _command(path: Path, texts: int) -> list[str]:
    """Return the command that starts a writer, with this very app's code."""
    # The folder this app's package is in comes first: not whatever the working folder holds.
    root = str(Path(__file__).resolve().parents[2])
    start = f"import sys; sys.path.insert(0, sys.argv[1]); import {__name__} as w; w.main(sys.argv[2:])"
    return [sys.executable, "-c", start, root, str(path), str(texts), str(os.getpid())]


def _read(texts: int, offset: int, size: int, build: int) -> bytes:
    """Read size bytes at offset of texts still being written, waiting for them while the build runs."""
    # By offset (pread): the file's own position is the build's, which writes at it.
    data = os.pread(texts, size, offset)
    while len(data) < size:
        if os.getppid() != build:
            raise EOFError("the build ended before it wrote every text")
        time.sleep(_WAIT_SECONDS)
        data += os.pread(texts, size - len(data), offset + len(data))
    return data


def _slices(texts: int, build: int) -> Iterator[bytes]:
    """Read the slices the build (its process id) writes, as it writes them, until their end."""
    offset = 0
    while size := _HEADER.unpack(_read(texts, offset, _HEADER.size, build))[0]:
        offset += _HEADER.size
        yield _read(texts, offset, size, build)
        offset += size


def write(path: Path, texts: int, build: int) -> None:
    """Write both indexes into a new database file at path from the slices the build writes."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a throwaway file, as the build's own
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        catalog_schema.create_v1(conn)
        catalog_schema.start_search(conn)
        rows = catalog_schema.SearchRows()
        for data in _slices(texts, build):
            first, slice_texts, names = marshal.loads(data)
            rows.names.extend(names)
            catalog_schema.insert_search(conn, *rows.of(first, slice_texts))
        conn.execute("COMMIT")
    finally:
        conn.close()


def main(argv: list[str]) -> None:
    """Write the indexes: argv names the database file, the texts (an open file) and the build."""
    # Ctrl+C reaches every process of the terminal's group: the build stops and ends this one.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    write(Path(argv[0]), int(argv[1]), int(argv[2]))
