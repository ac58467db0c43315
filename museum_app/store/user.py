"""The user file: bookmarks and notes, the only things a person makes; never rebuilt or dropped."""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

from museum_app.core.domain import Bookmark
from museum_app.store.database import MEMORY, Database


def _create_v1(conn: sqlite3.Connection) -> None:
    """Create the bookmarks table."""
    conn.execute(
        """
        CREATE TABLE bookmarks (
            event_id TEXT PRIMARY KEY,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            title TEXT NOT NULL,
            date_label TEXT NOT NULL DEFAULT ''
        )
        """
    )


MIGRATIONS = (_create_v1,)
_COLUMNS = "event_id, note, created, updated, title, date_label"


def now() -> dt.datetime:
    """Return the current time in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def zoned(stamp: dt.datetime) -> dt.datetime:
    """Return a time with its zone; one written without (by hand, by another tool) is UTC."""
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


def _bookmark(row: sqlite3.Row) -> Bookmark:
    """Build a bookmark from its row."""
    return Bookmark(
        event_id=row["event_id"],
        note=row["note"],
        created=zoned(dt.datetime.fromisoformat(row["created"])),
        updated=zoned(dt.datetime.fromisoformat(row["updated"])),
        title=row["title"],
        date_label=row["date_label"],
    )


def storable(text: str) -> str:
    """Replace lone surrogates (which UTF-8 cannot hold) so that the rest of the text is kept."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def _storable_mark(mark: Bookmark) -> Bookmark:
    """Return a bookmark whose every text can be stored."""
    return replace(
        mark,
        event_id=storable(mark.event_id),
        note=storable(mark.note),
        title=storable(mark.title),
        date_label=storable(mark.date_label),
    )


def _holds(text: str, part: str) -> bool:
    """Return whether text holds part as whole lines ("good" is not held by "not good")."""
    return re.search(rf"(?:^|\n){re.escape(part)}(?:\n|$)", text) is not None


def merge_notes(mine: str, theirs: str) -> str:
    """Combine two notes on the same event so that neither loses a word."""
    if not theirs or _holds(mine, theirs):
        return mine
    if not mine or _holds(theirs, mine):
        return theirs
    return f"{mine}\n\n{theirs}"


class NoteSaved(enum.Enum):
    """What became of a note typed in the window."""

    SAVED = "saved"  # stored as typed (or it was already)
    MERGED = "merged"  # another program had changed the note: both texts are kept
    RESTORED = "restored"  # another program had removed the bookmark: it is back, with the note


class UserStore:
    """Bookmarks with notes, written one transaction at a time."""

    def __init__(self, path: Path, db: Database | None = None) -> None:
        # FULL: a commit is on the disk, not only in the system's cache, before it is reported.
        self.db = db if db is not None else Database(path, MIGRATIONS, synchronous="FULL")

    @classmethod
    def read_only(cls, path: Path, reason: str) -> UserStore:
        """Show a file that cannot be written (or none, if it is missing); writes raise reason."""
        return cls(path, Database.snapshot(path, MIGRATIONS, reason))

    @classmethod
    def in_memory(cls, bookmarks: list[Bookmark], reason: str) -> UserStore:
        """Hold bookmarks that could only be salvaged, not saved; writes raise reason."""
        store = cls(MEMORY, Database(MEMORY, MIGRATIONS))
        store.restore(bookmarks)
        store.db.read_only = reason
        return store

    @property
    def problem(self) -> str | None:
        """Return why changes cannot be saved, or None when they can."""
        return self.db.read_only

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    def get(self, event_id: str) -> Bookmark | None:
        """Return the bookmark on an event, if any."""
        rows = self.db.query(f"SELECT {_COLUMNS} FROM bookmarks WHERE event_id = ?", (event_id,))
        return _bookmark(rows[0]) if rows else None

    def all(self) -> list[Bookmark]:
        """Return every bookmark, oldest first."""
        rows = self.db.query(f"SELECT {_COLUMNS} FROM bookmarks ORDER BY created, event_id")
        return [_bookmark(row) for row in rows]

    def get_many(self, event_ids: list[str]) -> dict[str, Bookmark]:
        """Return the bookmarks on these events (those that exist), in one query."""
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM bookmarks WHERE event_id IN (SELECT value FROM json_each(?))",
            (json.dumps(event_ids),),
        )
        return {row["event_id"]: _bookmark(row) for row in rows}

    def version(self) -> tuple[int, int]:
        """Return what changes whenever the file is written, by this connection or another."""
        return (self.db.data_version(), self.db.changes())

    def event_ids(self) -> list[str]:
        """Return the ids of the bookmarked events, in order (as their index holds them)."""
        return [
            row[0]
            for row in self.db.query("SELECT event_id FROM bookmarks ORDER BY event_id", plain=True)
        ]

    def add(self, event_id: str, title: str, date_label: str, note: str = "") -> Bookmark:
        """Bookmark an event; an existing bookmark keeps its note, and a new note is added to it."""
        stamp = now().isoformat()
        title, date_label, note = storable(title), storable(date_label), storable(note)
        with self.db.transaction() as conn:
            row = conn.execute("SELECT note FROM bookmarks WHERE event_id = ?", (event_id,)).fetchone()
            if row is None:
                conn.execute(
                    f"INSERT INTO bookmarks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                    (event_id, note, stamp, stamp, title, date_label),
                )
            elif note and merge_notes(row[0], note) != row[0]:
                conn.execute(
                    "UPDATE bookmarks SET note = ?, updated = ? WHERE event_id = ?",
                    (merge_notes(row[0], note), stamp, event_id),
                )
        return self.get(event_id)  # type: ignore[return-value]

    def remove(self, event_id: str) -> Bookmark | None:
        """Remove a bookmark and return it, so that the removal can be undone."""
        with self.db.transaction() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM bookmarks WHERE event_id = ?", (event_id,)
            ).fetchone()
            conn.execute("DELETE FROM bookmarks WHERE event_id = ?", (event_id,))
        return _bookmark(row) if row else None

    def set_note(self, event_id: str, note: str) -> bool:
        """Replace a bookmark's note; return False if the event is not bookmarked."""
        note = storable(note)
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE bookmarks SET note = ?, updated = ? WHERE event_id = ? AND note != ?",
                (note, now().isoformat(), event_id, note),
            )
            exists = (
                cursor.rowcount > 0
                or conn.execute("SELECT 1 FROM bookmarks WHERE event_id = ?", (event_id,)).fetchone()
                is not None
            )
        return exists

    def data_version(self) -> int:
        """Return a number that changes whenever another process writes to the file."""
        return self.db.data_version()

    def save_note(
        self, event_id: str, note: str, base: str, title: str, date_label: str
    ) -> tuple[NoteSaved, str]:
        """Save a note typed over base; a newer note is never overwritten, nor a note dropped.

        base is the stored note the person started from. If another program changed the note
        since, both texts are kept; if it removed the bookmark, the bookmark comes back with
        the note. Returns what happened and the note now stored.
        """
        note, stamp = storable(note), now().isoformat()
        # One transaction: the check and the write see the same note, whoever else writes.
        with self.db.transaction() as conn:
            row = conn.execute("SELECT note FROM bookmarks WHERE event_id = ?", (event_id,)).fetchone()
            if row is None:
                conn.execute(
                    f"INSERT INTO bookmarks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                    (event_id, note, stamp, stamp, storable(title), storable(date_label)),
                )
                return (NoteSaved.RESTORED, note)
            stored: str = row[0]
            if stored in (note, storable(base)):
                outcome, kept = NoteSaved.SAVED, note
            else:
                kept = merge_notes(note, stored)
                outcome = NoteSaved.SAVED if kept == note else NoteSaved.MERGED
            if kept != stored:
                conn.execute(
                    "UPDATE bookmarks SET note = ?, updated = ? WHERE event_id = ?",
                    (kept, stamp, event_id),
                )
        return (outcome, kept)

    def restore(self, bookmarks: list[Bookmark]) -> int:
        """Put bookmarks back (undo, import), merging notes with any already there."""
        changed = 0
        with self.db.transaction() as conn:
            for mark in bookmarks:
                mark = _storable_mark(mark)
                row = conn.execute(
                    "SELECT note FROM bookmarks WHERE event_id = ?", (mark.event_id,)
                ).fetchone()
                if row is None:
                    conn.execute(
                        f"INSERT INTO bookmarks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                        (mark.event_id, mark.note, mark.created.isoformat(),
                         mark.updated.isoformat(), mark.title, mark.date_label),
                    )  # fmt: skip
                    changed += 1
                elif merge_notes(row[0], mark.note) != row[0]:
                    conn.execute(
                        "UPDATE bookmarks SET note = ?, updated = ? WHERE event_id = ?",
                        (merge_notes(row[0], mark.note), now().isoformat(), mark.event_id),
                    )
                    changed += 1
        return changed
