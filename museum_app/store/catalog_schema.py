"""The catalog file's schema and how events are written into it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from museum_app.core.domain import Category, Event
from museum_app.store.database import run_script
from museum_app.store.packs import Pack


def create_v1(conn: sqlite3.Connection) -> None:
    """Create the catalog's tables, indexes and full-text index."""
    run_script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE packs (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL,
            page TEXT NOT NULL, url TEXT NOT NULL, file TEXT NOT NULL
        );
        CREATE TABLE categories (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL,
            colour TEXT NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE events (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            pack_id TEXT NOT NULL REFERENCES packs(id),
            rank INTEGER NOT NULL UNIQUE,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            start TEXT NOT NULL,
            "end" TEXT,
            precision TEXT NOT NULL,
            not_before INTEGER NOT NULL,
            not_after INTEGER NOT NULL,
            basis TEXT NOT NULL,
            date_note TEXT NOT NULL,
            date_label TEXT NOT NULL,
            section TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            position INTEGER NOT NULL,
            categories TEXT NOT NULL,
            entities TEXT NOT NULL,
            aliases TEXT NOT NULL,
            links TEXT NOT NULL
        );
        CREATE INDEX events_window ON events (not_before, not_after);
        CREATE TABLE event_categories (
            event INTEGER NOT NULL REFERENCES events(rowid),
            category TEXT NOT NULL REFERENCES categories(id),
            PRIMARY KEY (category, event)
        ) WITHOUT ROWID;
        CREATE TABLE event_entities (
            event INTEGER NOT NULL REFERENCES events(rowid),
            entity TEXT NOT NULL,
            PRIMARY KEY (entity, event)
        ) WITHOUT ROWID;
        CREATE INDEX event_entities_by_event ON event_entities (event);
        CREATE INDEX event_categories_by_event ON event_categories (event);
        CREATE TABLE aliases (alias TEXT PRIMARY KEY, event_id TEXT NOT NULL);
        CREATE VIRTUAL TABLE events_fts USING fts5(
            title, description, entities, content='',
            tokenize='unicode61 remove_diacritics 2'
        );
        """,
    )


MIGRATIONS = (create_v1,)


def write_categories(conn: sqlite3.Connection, categories: Iterable[Category]) -> None:
    """Insert the categories in the order they are shown."""
    conn.executemany(
        "INSERT INTO categories (id, name, description, colour, position) VALUES (?, ?, ?, ?, ?)",
        [(c.id, c.name, c.description, c.colour, i) for i, c in enumerate(categories)],
    )


def write_pack(conn: sqlite3.Connection, pack: Pack) -> None:
    """Insert a pack's header row."""
    conn.execute(
        "INSERT INTO packs (id, title, publisher, page, url, file) VALUES (?, ?, ?, ?, ?, ?)",
        (pack.id, pack.title, pack.publisher, pack.page, pack.url, str(pack.path)),
    )


def _event_row(rank: int, event: Event) -> tuple[object, ...]:
    """Flatten an event into its events row."""
    date = event.date
    return (
        rank, event.id, event.source.pack_id, rank, event.title, event.description,
        date.start.iso(), date.end.iso() if date.end else None, date.precision.value,
        date.not_before.toordinal(), date.not_after.toordinal(), date.basis.value, date.note,
        date.label(), event.source.section, event.source.paragraph, event.position,
        json.dumps(event.categories), json.dumps([[e.name, e.kind.value] for e in event.entities]),
        json.dumps(event.aliases), json.dumps(event.links),
    )  # fmt: skip


def write_events(conn: sqlite3.Connection, events: list[Event]) -> None:
    """Insert events (already in display order), their links and their full-text rows."""
    conn.executemany(
        f"INSERT INTO events VALUES ({', '.join('?' * 21)})",
        [_event_row(rank, event) for rank, event in enumerate(events)],
    )
    conn.executemany(
        "INSERT INTO event_categories (event, category) VALUES (?, ?)",
        [(rank, c) for rank, event in enumerate(events) for c in event.categories],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_entities (event, entity) VALUES (?, ?)",
        [(rank, e.name) for rank, event in enumerate(events) for e in event.entities],
    )
    conn.executemany(
        "INSERT INTO aliases (alias, event_id) VALUES (?, ?)",
        [(alias, event.id) for event in events for alias in event.aliases],
    )
    conn.executemany(
        "INSERT INTO events_fts (rowid, title, description, entities) VALUES (?, ?, ?, ?)",
        [
            (rank, e.title, e.description, " ".join(x.name for x in e.entities))
            for rank, e in enumerate(events)
        ],
    )
