"""Second processes that do part of a large build on the second core.

A build is Python work from end to end, and Python runs on one core. Other processes share
it: a forked one parses some of the packs while the build parses the others (pack_cache.py),
and once the events are read and in order, another writes the full-text indexes into a file
of its own (search_writer.py); the build copies its tables in, which takes half a second
where writing them took twenty. Should a helper fail, the build does its part itself: a
helper costs time, never correctness.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def may_fork() -> bool:
    """Return whether this process may fork a helper: on Linux, with no thread but this one."""
    # A child forked while other threads run (Qt's, in the window) inherits the locks they
    # hold, held for ever: such a process builds on one core instead. Elsewhere fork is
    # missing (Windows) or unsafe once the system's frameworks are loaded (macOS).
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def fork(work: Callable[[], None]) -> int | None:
    """Run work in a forked child and return its process id; None where none may be forked.

    The child ends when work returns (status 0) or raises (status 1), without running the
    parent's exit handlers or flushing its buffers: those, and its files, are the parent's.
    """
    if not may_fork():
        return None
    pid = os.fork()
    if pid != 0:
        return pid
    code = 1
    try:
        # Ctrl+C reaches every process of the terminal's group: the parent stops and ends this one.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        work()
        code = 0
    except BaseException:  # the parent does the work itself, and reports any error there
        code = 1
    finally:
        os._exit(code)


def end(pid: int) -> None:
    """End a forked child at once, if it still runs, and reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def copy_tables(conn: sqlite3.Connection, path: Path, tables: Sequence[str]) -> bool:
    """Copy tables from the database file at path into conn; False (conn unchanged) on failure.

    Each of tables is a plain table, or a virtual one whose own tables are copied (conn
    must have created it as the file's writer did). Inside the caller's transaction.
    """
    try:
        # Attached until conn closes: SQLite detaches no file that the open transaction read.
        conn.execute("ATTACH DATABASE ? AS helper", (str(path),))
    except sqlite3.Error:
        return False
    conn.execute("SAVEPOINT helper_copy")
    try:
        for name in _stored_tables(conn, tables):
            _copy_table(conn, name)
    except sqlite3.Error:
        # A library that keeps the indexes' own tables read-only, say: written here instead.
        conn.execute("ROLLBACK TO helper_copy")
        return False
    finally:
        conn.execute("RELEASE helper_copy")
    return True


def _stored_tables(conn: sqlite3.Connection, tables: Sequence[str]) -> list[str]:
    """Return the helper's stored tables among tables, a virtual table's own tables for it."""
    rows = conn.execute("SELECT name, sql FROM helper.sqlite_schema WHERE type = 'table'").fetchall()
    virtual = {name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")}
    stored = []
    for name in tables:
        if name in virtual:
            stored += [own for own, _ in rows if own.startswith(f"{name}_") and own not in virtual]
        elif any(own == name for own, _ in rows):
            stored.append(name)
        else:
            raise sqlite3.OperationalError(f"the helper wrote no table {name}")
    return stored


def _copy_table(conn: sqlite3.Connection, name: str) -> None:
    """Make main's table name hold exactly the helper's rows, creating it as the helper did."""
    exists = conn.execute("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = ?", (name,))
    if exists.fetchone() is None:
        (sql,) = conn.execute("SELECT sql FROM helper.sqlite_schema WHERE name = ?", (name,)).fetchone()
        conn.execute(sql)
    else:
        conn.execute(f'DELETE FROM main."{name}"')
    conn.execute(f'INSERT INTO main."{name}" SELECT * FROM helper."{name}"')
