"""One SQLite file: connection settings, transactions, schema versions and error kinds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Migration = Callable[[sqlite3.Connection], None]

BUSY_TIMEOUT_MS = 10_000

# Error codes that mean the environment failed (disk, permissions, another process, a damaged
# file) rather than that our SQL is wrong.
_ENVIRONMENT_ERRORS = {
    "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CORRUPT",
    "SQLITE_FULL", "SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_PERM", "SQLITE_PROTOCOL",
    "SQLITE_NOMEM", "SQLITE_AUTH",
}  # fmt: skip


class StoreError(Exception):
    """The environment failed: a file cannot be opened, read or written."""


class StoreBugError(Exception):
    """The app asked SQLite for something wrong: a bug, not the person's problem."""


def _classify(error: sqlite3.Error, path: Path) -> Exception:
    """Turn a sqlite3 error into a StoreError or a StoreBugError that names the file."""
    name = getattr(error, "sqlite_errorname", "")
    primary = "_".join(name.split("_")[:2])  # SQLITE_IOERR_WRITE is an SQLITE_IOERR
    if primary in _ENVIRONMENT_ERRORS or (isinstance(error, sqlite3.OperationalError) and not name):
        return StoreError(f"{path}: {error}")
    return StoreBugError(f"{path}: {error}")


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ';'-separated statements inside the caller's transaction (executescript would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


class Database:
    """A SQLite file in WAL mode whose every write runs in a transaction."""

    def __init__(self, path: Path, migrations: Sequence[Migration], synchronous: str = "FULL") -> None:
        self.path = path
        try:
            # Autocommit at the driver level: transactions are ours, begun explicitly.
            self._conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute(f"PRAGMA synchronous = {synchronous}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate(migrations)
        except sqlite3.Error as error:
            self.close()
            raise _classify(error, path) from error

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        """Bring the schema up to the newest version, one migration per transaction."""
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(migrations):
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this app knows "
                f"({len(migrations)}); update the app"
            )
        for number, migration in enumerate(migrations[version:], start=version + 1):
            with self.transaction():
                migration(self._conn)
                self._conn.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run writes atomically: all of them land, or none does."""
        try:
            # IMMEDIATE takes the write lock at once, so two writers queue instead of failing.
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise _classify(error, self.path) from error
        try:
            yield self._conn
        except sqlite3.Error as error:
            self._conn.execute("ROLLBACK")
            raise _classify(error, self.path) from error
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise _classify(error, self.path) from error

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a read and return all its rows."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise _classify(error, self.path) from error

    def schema_version(self) -> int:
        """Return the file's schema version."""
        return int(self.query("PRAGMA user_version")[0][0])

    def integrity_ok(self) -> bool:
        """Return whether SQLite finds the file sound."""
        return self.query("PRAGMA integrity_check")[0][0] == "ok"

    def close(self) -> None:
        """Close the connection (idempotent)."""
        conn = getattr(self, "_conn", None)
        if conn is not None:
            conn.close()
            self._conn = None  # type: ignore[assignment]
