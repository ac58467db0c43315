"""What the data directory allows, and how a damaged file is put aside without losing it."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import tempfile
from pathlib import Path

from museum_app.store.database import Database, StoreError
from museum_app.store.messages import Message

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
PROBE_BYTES = 4096


def unwritable_reason(folder: Path) -> str | None:
    """Return why files in folder cannot be saved (in a person's words), or None if they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return Message(
            "FOLDER_NOT_CREATED", "the folder {folder} cannot be created ({error})",
            folder=folder, error=error.strerror or error,
        )  # fmt: skip
    try:
        # No space left for even the probe: full, whatever the file system reports on a write.
        space = os.statvfs(folder)
        if space.f_bavail * space.f_frsize < PROBE_BYTES:
            return Message("DISK_FULL", "the disk that holds {folder} is full", folder=folder)
        # An unnamed file (O_TMPFILE on Linux): a kill at any moment leaves nothing behind.
        # Writing reserves the blocks, so a full disk or a file size limit fails here; no fsync,
        # which would wait for the disk, at every start, for what the write already told.
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(b"\0" * PROBE_BYTES)
            probe.flush()
    except OSError as error:
        if error.errno in _FULL:
            return Message("DISK_FULL", "the disk that holds {folder} is full", folder=folder)
        if error.errno in _READ_ONLY:
            return Message("FOLDER_READ_ONLY", "the folder {folder} is read-only", folder=folder)
        return Message(
            "FOLDER_NOT_WRITABLE", "the folder {folder} cannot be written ({error})",
            folder=folder, error=error.strerror or error,
        )  # fmt: skip
    return None


def file_unwritable_reason(path: Path) -> str | None:
    """Return why an existing file cannot be written, or None."""
    if path.exists() and not os.access(path, os.W_OK):
        return Message("FILE_READ_ONLY", "the file {path} is read-only", path=path)
    return None


def damage(path: Path) -> str | None:
    """Return what is wrong with a database file, reading it without changing it; None if sound."""
    if not path.exists() or path.stat().st_size == 0:
        return None  # an empty file is a new database, not a damaged one
    try:
        db = Database(path, None, mode="ro")
    except StoreError as error:
        return str(error) if error.is_corrupt else None
    try:
        result = db.query("PRAGMA integrity_check")
    except StoreError as error:
        return str(error) if error.is_corrupt else None
    finally:
        db.close()
    lines = [str(row[0]) for row in result]
    return None if lines == ["ok"] else f"{path}: " + "; ".join(lines[:3])


def held_elsewhere(path: Path) -> bool:
    """Return whether another connection (another window) has the file open right now.

    The probe opens a second name (a hard link) for the same file: locks belong to the file,
    so they are seen, while the file's own -wal, under the first name, is left untouched.
    A file too damaged for SQLite to read its first page cannot be probed, and counts as free.
    """
    link = path.with_name(f".{path.name}.{os.getpid()}.probe")
    try:
        os.link(path, link)
    except OSError:
        return False  # no hard links here: nothing more can be learnt safely
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(link, timeout=0, isolation_level=None)
        # In exclusive locking mode the first read needs the whole file to itself; every
        # connection open on it in WAL mode holds a shared lock that denies this.
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as error:
        return getattr(error, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    finally:
        if conn is not None:
            conn.close()
        for end in ("", "-wal", "-shm", "-journal"):
            Path(f"{link}{end}").unlink(missing_ok=True)
    return False


def move_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged file (and its -wal and -shm) to <name>.corrupt-<time>, never over another."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    number = 1
    while True:
        target = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{number}" if number > 1 else ""))
        if not any(Path(f"{target}{end}").exists() for end in ("", "-wal", "-shm")):
            break
        number += 1
    # The -wal first: a fresh file beside a stale -wal would delete it, and with it the last
    # writes the damaged file holds; the file itself last, once its companions are safe.
    for end in ("-wal", "-shm", ""):
        try:
            os.replace(f"{path}{end}", f"{target}{end}")
        except FileNotFoundError:
            if not end:
                raise
    return target
