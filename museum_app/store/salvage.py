"""Salvage the bookmarks of a damaged user file: all SQLite can still read, then the raw pages."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from museum_app.core.domain import Bookmark
from museum_app.store.database import BUSY_TIMEOUT_MS, Mode, file_uri
from museum_app.store.pages import PageFile, Value, guess_page_size

_COLUMNS = "event_id, note, created, updated, title, date_label"
_INDEX = "sqlite_autoindex_bookmarks_1"  # the index SQLite keeps for the TEXT PRIMARY KEY


def _stamp(value: Value, strict: bool) -> dt.datetime | None:
    """Read a saved time; a damaged one becomes now, unless only well-formed rows are wanted."""
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None if strict else dt.datetime.now(dt.UTC).replace(microsecond=0)


def as_bookmark(values: list[Value], strict: bool = False) -> Bookmark | None:
    """Build a bookmark from a row's values; strict asks for the exact shape of a bookmarks row."""
    if len(values) < 6 or not isinstance(values[0], str) or not values[0]:
        return None
    texts = [v if isinstance(v, str) else None for v in values[1:6]]
    if strict and (None in texts or len(values[0]) > 1000):
        return None
    note, _, _, title, date_label = (t or "" for t in texts)
    created_at, updated_at = _stamp(values[2], strict), _stamp(values[3], strict)
    if created_at is None or updated_at is None:
        return None
    return Bookmark(values[0], note, created_at, updated_at, title, date_label)


def _connect(path: Path) -> sqlite3.Connection | None:
    """Open the file for reading without changing it, or return None if SQLite cannot."""
    modes: tuple[Mode, ...] = ("ro", "immutable")
    for mode in modes:
        try:
            conn = sqlite3.connect(file_uri(path, mode), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error:
            continue
        # Damaged text must not end the scan: keep it, with its bad bytes shown as such.
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error:
            conn.close()
    return None


def _scan(conn: sqlite3.Connection, sql: str, found: dict[str, Bookmark]) -> bool:
    """Collect the rows a query yields until it fails; return whether it ran to the end."""
    try:
        for row in conn.execute(sql):
            mark = as_bookmark(list(row))
            if mark is not None:
                found.setdefault(mark.event_id, mark)
    except sqlite3.Error:
        return False
    return True


def _read_with_sqlite(path: Path, found: dict[str, Bookmark], ids: set[str]) -> tuple[bool, bool]:
    """Read rows from both ends of the table, and the ids in the index; say which were whole."""
    conn = _connect(path)
    if conn is None:
        return False, False
    try:
        table = f"SELECT {_COLUMNS} FROM bookmarks NOT INDEXED"
        complete = _scan(conn, f"{table} ORDER BY rowid", found)
        if not complete:
            _scan(conn, f"{table} ORDER BY rowid DESC", found)
        try:
            for row in conn.execute(f"SELECT event_id FROM bookmarks INDEXED BY {_INDEX}"):
                if isinstance(row[0], str) and row[0]:
                    ids.add(row[0])
        except sqlite3.Error:
            return complete, False
        return complete, True
    finally:
        conn.close()


def salvage_bookmarks(path: Path) -> list[Bookmark]:
    """Return every bookmark that can still be read from a damaged file, changing nothing in it."""
    found: dict[str, Bookmark] = {}
    index: set[str] = set()
    complete, index_whole = _read_with_sqlite(path, found, index)
    if not complete and path.exists():
        # If the disk will not give the bytes either, what SQLite read is what there is.
        with contextlib.suppress(OSError):
            found.update(_read_pages(path, found, index if index_whole else None))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for event_id in sorted(index - set(found)):
        # Only the id survives: the caller fills in the event's title from the catalog.
        found[event_id] = Bookmark(event_id, "", stamp, stamp, "", "")
    # As text: an imported bookmark may carry a time without a zone, which cannot be compared.
    return sorted(found.values(), key=lambda m: (m.created.isoformat(), m.event_id))


def _read_pages(path: Path, found: dict[str, Bookmark], index: set[str] | None) -> dict[str, Bookmark]:
    """Read bookmark rows from the raw pages that SQLite did not give back (newest of each)."""
    raw: dict[str, Bookmark] = {}
    pages = PageFile(path, guess_page_size(path, lambda v: as_bookmark(v, True) is not None))
    for values in pages.table_rows():
        mark = as_bookmark(values, strict=True)
        if mark is None or mark.event_id in found:
            continue
        if index is not None and mark.event_id not in index:
            continue  # a whole index says this bookmark was removed: its copy is stale
        kept = raw.get(mark.event_id)
        if kept is None or mark.updated.isoformat() >= kept.updated.isoformat():
            raw[mark.event_id] = mark
    return raw
