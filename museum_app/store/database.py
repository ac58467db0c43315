"""One SQLite file: connection settings, transactions, schema versions and error kinds."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from museum_app.store.messages import Message

Migration = Callable[[sqlite3.Connection], None]
Mode = Literal["rw", "ro", "immutable"]

BUSY_TIMEOUT_MS = 10_000
MAX_PATH = 512  # the longest file path SQLite opens (SQLITE_MAX_PATHNAME on Unix)
MEMORY = Path(":memory:")
CORRUPT_CODES = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})

# Error codes that mean the environment failed (disk, permissions, another process, a damaged
# file) rather than that our SQL is wrong, each with the words a person understands.
_ENVIRONMENT_ERRORS = {
    "SQLITE_BUSY": "another program kept the file busy for too long",
    "SQLITE_LOCKED": "another program kept the file busy for too long",
    "SQLITE_READONLY": "the file cannot be written",
    "SQLITE_IOERR": "the disk could not be read or written",
    "SQLITE_CORRUPT": "the file is damaged",
    "SQLITE_FULL": "the disk is full",
    "SQLITE_CANTOPEN": "the file cannot be opened",
    "SQLITE_NOTADB": "the file is damaged or is not a database",
    "SQLITE_PERM": "permission was refused",
    "SQLITE_PROTOCOL": "the file could not be locked",
    "SQLITE_NOMEM": "the computer ran out of memory",
    "SQLITE_AUTH": "permission was refused",
}


class StoreError(Exception):
    """The environment failed: a file cannot be opened, read or written."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code

    @property
    def is_corrupt(self) -> bool:
        """Return whether the file itself is damaged (rather than out of reach)."""
        return self.code in CORRUPT_CODES


class StoreBugError(Exception):
    """The app asked SQLite for something wrong: a bug, not the person's problem."""


def classify(error: sqlite3.Error, path: Path) -> Exception:
    """Turn a sqlite3 error into a StoreError or a StoreBugError that names the file."""
    name = getattr(error, "sqlite_errorname", "")
    primary = "_".join(name.split("_")[:2])  # SQLITE_IOERR_WRITE is an SQLITE_IOERR
    if primary == "SQLITE_CANTOPEN" and len(str(path.absolute())) + len("-journal") > MAX_PATH:
        return StoreError(
            f"{path}: the file cannot be opened: its path is {len(str(path.absolute()))} "
            f"characters long, too long for SQLite, which needs it and the '-journal' it adds to fit "
            f"in {MAX_PATH}; use a folder with a shorter path ({error})",
            primary,
        )
    if primary in _ENVIRONMENT_ERRORS:
        problem = _ENVIRONMENT_ERRORS[primary]
        said = Message(primary, "{path}: {problem} ({error})", path=path, problem=problem, error=error)
        return StoreError(said, primary)
    if isinstance(error, sqlite3.OperationalError) and not name:
        return StoreError(f"{path}: {error}")
    return StoreBugError(f"{path}: {error}")


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ';'-separated statements inside the caller's transaction (executescript would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def file_uri(path: Path, mode: Mode) -> str:
    """Return the URI that opens a file read-only, or as never changing (no locks, no -wal)."""
    return path.absolute().as_uri() + ("?mode=ro" if mode == "ro" else "?immutable=1")


class Database:
    """A SQLite file in WAL mode whose every write runs in a transaction.

    With mode "ro" or "immutable" nothing is ever written; read_only then holds the reason
    a write is refused, which is also how a copy in memory is kept from pretending to save.
    """

    def __init__(
        self,
        path: Path,
        migrations: Sequence[Migration] | None,
        synchronous: str = "FULL",
        *,
        mode: Mode = "rw",
    ) -> None:
        self.path = path
        self.read_only: str | None = None if mode == "rw" else f"{path} is open only for reading"
        if mode == "rw":
            _mend_shared_memory(path)
        try:
            target = str(path) if mode == "rw" else file_uri(path, mode)
            # Autocommit at the driver level: transactions are ours, begun explicitly.
            self._conn = sqlite3.connect(
                target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=mode != "rw"
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if mode == "rw":
                self._use_wal()
                self._conn.execute(f"PRAGMA synchronous = {synchronous}")
                self._conn.execute("PRAGMA foreign_keys = ON")
            if migrations is not None:  # None: only look, whatever the version
                self.migrate(migrations)
        except sqlite3.Error as error:
            self.close()
            raise classify(error, path) from error
        except StoreError:
            self.close()
            raise

    def _use_wal(self) -> None:
        """Switch to WAL, waiting out another process that is switching the same new file."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                # Changing the journal mode gives up at once on a lock, without the busy timeout.
                busy = getattr(error, "sqlite_errorname", "").startswith(
                    ("SQLITE_BUSY", "SQLITE_LOCKED")
                )
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.005)

    @classmethod
    def snapshot(cls, path: Path, migrations: Sequence[Migration], reason: str) -> Database:
        """Copy a file that cannot be written into memory, up to date, refusing writes with reason."""
        db = cls(MEMORY, ())
        db.path = path
        try:
            if path.exists() and path.stat().st_size > 0:
                _copy_into(path, db._conn)
            if db.schema_version() <= len(migrations):
                db.migrate(migrations)
        except sqlite3.Error as error:
            db.close()
            raise classify(error, path) from error
        except BaseException:
            db.close()
            raise
        db.read_only = reason
        return db

    def migrate(self, migrations: Sequence[Migration]) -> None:
        """Bring the schema up to the newest version, one migration per transaction."""
        version = self.schema_version()
        if version > len(migrations):
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this app knows "
                f"({len(migrations)}); update the app",
                "NEWER_SCHEMA",
            )
        if version < len(migrations) and self.read_only is not None:
            raise StoreError(f"{self.path}: schema version {version} is out of date", "OLD_SCHEMA")
        while version < len(migrations):
            with self.transaction() as conn:
                # Read it again under the write lock: another process may have just migrated.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version < len(migrations):
                    migrations[version](conn)
                    version += 1
                    conn.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run writes atomically: all of them land, or none does."""
        if self.read_only is not None:
            raise StoreError(self.read_only, "READ_ONLY")
        try:
            # IMMEDIATE takes the write lock at once, so two writers queue instead of failing.
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise classify(error, self.path) from error
        try:
            yield self._conn
        except sqlite3.Error as error:
            self._rollback()
            raise classify(error, self.path) from error
        except BaseException:
            self._rollback()
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise classify(error, self.path) from error

    def _rollback(self) -> None:
        """Undo an open transaction, keeping the first error as the one reported."""
        if self._conn.in_transaction:
            # It may fail when SQLite already rolled back by itself (a full disk, an I/O error).
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = (), plain: bool = False
    ) -> list[Any]:
        """Run a read and return all its rows: sqlite3.Row objects, or tuples when plain.

        Plain tuples are for reads of thousands of rows taken by position: making a Row for
        each doubles the time of reading 10,000 bookmarks' ids.
        """
        if self._conn is None:
            raise StoreError(f"{self.path}: the file was closed", "CLOSED")
        try:
            cursor = self._conn.cursor()
            if plain:
                cursor.row_factory = None
            return cursor.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise classify(error, self.path) from error

    def data_version(self) -> int:
        """Return a number that changes whenever another connection commits to the file."""
        # Cheap: SQLite answers from the WAL index it holds, without reading any page.
        return int(self.query("PRAGMA data_version")[0][0])

    def changes(self) -> int:
        """Return how many rows this connection has written since it was opened."""
        if self._conn is None:
            raise StoreError(f"{self.path}: the file was closed", "CLOSED")
        return int(self._conn.total_changes)

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
            self._conn = None  # type: ignore[assignment]
            conn.close()


def _mend_shared_memory(path: Path) -> None:
    """Make a -shm left read-only writable again, as the file it belongs to is.

    SQLite gives the -shm the permissions of its database: one made while the database was
    read-only stays read-only after the database is writable again, and every write then
    fails ("attempt to write a readonly database"). Adding write permission is harmless even
    while other processes use it.
    """
    shm = Path(f"{path}-shm")
    try:
        db_mode, shm_mode = path.stat().st_mode, shm.stat().st_mode
        if db_mode & 0o200 and not shm_mode & 0o200:
            shm.chmod((shm_mode | (db_mode & 0o666)) & 0o7777)
    except OSError:
        pass  # none there, or not ours to change: SQLite says what fails, if anything does


def _copy_into(path: Path, target: sqlite3.Connection) -> None:
    """Copy a database that may sit in a read-only place into target, its -wal included."""
    try:
        _backup(file_uri(path, "ro"), target)
        return
    except sqlite3.Error:
        pass  # Read-only WAL needs its -shm; a copy elsewhere can still read the -wal.
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        try:
            with tempfile.TemporaryDirectory(prefix="museum-app-") as scratch:
                copy = Path(scratch) / path.name
                shutil.copyfile(path, copy)
                shutil.copyfile(wal, Path(f"{copy}-wal"))
                _backup(str(copy), target)
                return
        except (OSError, sqlite3.Error):
            pass  # No room elsewhere either: the file as last checkpointed is what is left.
    _backup(file_uri(path, "immutable"), target)


def _backup(source: str, target: sqlite3.Connection) -> None:
    """Copy a whole database, page by page, into target."""
    conn = sqlite3.connect(source, uri=source.startswith("file:"), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.backup(target)
    finally:
        conn.close()
