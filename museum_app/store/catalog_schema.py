"""The catalog file's schema and how events are written into it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TypeVar

from museum_app.core.domain import Category, Entity, Event
from museum_app.core.search_text import cut, grams_each
from museum_app.store.database import run_script

if TYPE_CHECKING:
    from museum_app.formats.packs import Pack  # not imported to read a catalog, only to build one

_T = TypeVar("_T")


def create_v1(conn: sqlite3.Connection) -> None:
    """Create the catalog's tables and full-text indexes (write_events adds the links' indexes)."""
    run_script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE packs (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL,
            page TEXT NOT NULL, url TEXT NOT NULL, file TEXT NOT NULL,
            titles TEXT NOT NULL, events INTEGER NOT NULL
        );
        CREATE TABLE categories (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL,
            colour TEXT NOT NULL, position INTEGER NOT NULL,
            translations TEXT NOT NULL
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
            links TEXT NOT NULL,
            translations TEXT NOT NULL
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
        CREATE TABLE aliases (alias TEXT PRIMARY KEY, event_id TEXT NOT NULL);
        -- Rowids only (detail=none: no positions, so no phrase search), a prefix index of
        -- two letters (a search starts at two), no column sizes (nothing is ranked by
        -- relevance): a search of 100,000 events takes milliseconds, and a build seconds less.
        -- Every language's text, folded (search_text.IndexText), Chinese runs left out.
        CREATE VIRTUAL TABLE events_fts USING fts5(
            title, description, entities, content='',
            tokenize='unicode61 remove_diacritics 2', detail=none, prefix='2', columnsize=0
        );
        -- The Chinese runs of the same texts, as pairs and last characters: positions are
        -- kept (detail=full) so that a run of three or more is the phrase of its pairs. Only
        -- events with Chinese text have a row. The text is Chinese characters and spaces
        -- alone, cut at the spaces: the ascii tokenizer cuts exactly there (any character
        -- outside ASCII is part of a token), as unicode61 did, in two thirds of the time.
        CREATE VIRTUAL TABLE events_han USING fts5(
            grams, content='', tokenize='ascii', detail=full, columnsize=0
        );
        """,
    )


MIGRATIONS = (create_v1,)


def write_categories(conn: sqlite3.Connection, categories: Iterable[Category]) -> None:
    """Insert the categories in the order they are shown."""
    conn.executemany(
        "INSERT INTO categories (id, name, description, colour, position, translations) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (c.id, c.name, c.description, c.colour, i, translations_json(c.translations))
            for i, c in enumerate(categories)
        ],
    )


def translations_json(translations: tuple[tuple[str, Any], ...]) -> str:
    """Write translations by language as one JSON object of objects ('{}' for none)."""
    return json.dumps({language: asdict(text) for language, text in translations}, ensure_ascii=False)


def write_pack(conn: sqlite3.Connection, pack: Pack) -> None:
    """Insert a pack's header row."""
    titles = json.dumps(dict(pack.titles), ensure_ascii=False)  # in other languages, by language
    conn.execute(
        "INSERT INTO packs (id, title, publisher, page, url, file, titles, events) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            pack.id,
            pack.title,
            pack.publisher,
            pack.page,
            pack.url,
            str(pack.path),
            titles,
            len(pack.events),
        ),  # counted once here: counting them at each start scanned every event
    )


def _event_rows(events: list[Event]) -> Iterator[tuple[object, ...]]:
    """Flatten events into their events rows, each event's rank its place in the list."""
    # Events share dates, category lists and entities (100,000 events have about 15,000 dates,
    # a few hundred lists and a few thousand entities, each one object as the pack made it):
    # the columns of each are written once. They are known by id(), not hashed (in Python, for
    # a dataclass): every one stays alive in events while this runs.
    dates: dict[int, tuple[object, ...]] = {}
    texts: dict[int, str] = {}
    for rank, event in enumerate(events):
        date, source = event.date, event.source
        when = dates.get(id(date))
        if when is None:
            when = dates[id(date)] = (
                date.start.iso(), date.end.iso() if date.end else None, date.precision.value,
                date.not_before.toordinal(), date.not_after.toordinal(), date.basis.value,
                date.note, date.label(),
            )  # fmt: skip
        # The very text json.dumps writes for the list of [name, kind] pairs.
        entities = ", ".join([_json(texts, e, _entity_pair) for e in event.entities])
        yield (
            rank, event.id, source.pack_id, rank, event.title, event.description, *when,
            source.section, source.paragraph, event.position,
            _json(texts, event.categories, list), f"[{entities}]",
            _json(texts, event.aliases, list), _json(texts, event.links, list),
            translations_json(event.translations) if event.translations else "{}",
        )  # fmt: skip


def _json(texts: dict[int, str], value: _T, shape: Callable[[_T], object]) -> str:
    """Return json.dumps(shape(value)), made once for each object (known by id) in texts."""
    text = texts.get(id(value))
    if text is None:
        text = texts[id(value)] = json.dumps(shape(value))
    return text


def _entity_pair(entity: Entity) -> list[Any]:
    """Return an entity as the catalog writes it: [name, kind], and its other names if any."""
    if entity.names:
        return [entity.name, entity.kind.value, dict(entity.names)]
    return [entity.name, entity.kind.value]


# Made once the links are in: an index built from the rows sorts them once, where one kept
# up row by row is written all over (a build of a million events spent seconds there).
_LINK_INDEXES = """
    CREATE INDEX event_entities_by_event ON event_entities (event);
    CREATE INDEX event_categories_by_event ON event_categories (event);
"""


def write_events(conn: sqlite3.Connection, events: list[Event]) -> None:
    """Insert events (already in display order), their links to categories and entities, and aliases.

    The full-text indexes are written apart (write_search), so that another process can
    write them meanwhile.
    """
    conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 22)})", _event_rows(events))
    conn.executemany(
        "INSERT INTO event_categories (event, category) VALUES (?, ?)",
        _grouped((rank, c) for rank, event in enumerate(events) for c in event.categories),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_entities (event, entity) VALUES (?, ?)",
        _grouped((rank, e.name) for rank, event in enumerate(events) for e in event.entities),
    )
    run_script(conn, _LINK_INDEXES)
    conn.executemany(
        "INSERT INTO aliases (alias, event_id) VALUES (?, ?)",
        [(alias, event.id) for event in events for alias in event.aliases],
    )


def _grouped(links: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Return (rank, name) links in the order of their table's key, (name, rank), given rank order."""
    # Grouped by name in one pass, not sorted: each name's ranks come in order already. In
    # the key's order every row goes at the end of the table; in rank order, all over it.
    by_name: dict[str, list[int]] = {}
    for rank, name in links:
        by_name.setdefault(name, []).append(rank)
    # Python orders strings by code point, as SQLite's BINARY collation orders their UTF-8.
    for name in sorted(by_name):
        for rank in by_name[name]:
            yield rank, name


# The full-text indexes keep the terms of the rows inserted in memory up to this many bytes
# before they write a segment (FTS5's "hashsize", 1 MB unless told). At 1 MB, 100,000 events
# made hundreds of segments, merged again and again as they came: a build spent a third of
# its time there. A build writes each index once, so it keeps far more in hand (at 64 MB,
# 100,000 events make one segment; 256 MB was no faster there, and held more memory).
BUILD_HASH_BYTES = 64 << 20
_CUT_AT_ONCE = 5_000  # events whose Chinese pairs are cut in one pass


def write_search(conn: sqlite3.Connection, events: list[Event]) -> None:
    """Insert every event's texts, in every language, into the full-text indexes."""
    start_search(conn)
    rows = SearchRows()
    insert_search(conn, *rows.of(0, search_texts(events, {}, rows.names)))


def start_search(conn: sqlite3.Connection) -> None:
    """Ready the full-text indexes for a build: they keep more of it in memory (BUILD_HASH_BYTES)."""
    for table in ("events_fts", "events_han"):
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)", (BUILD_HASH_BYTES,))


def insert_search(
    conn: sqlite3.Connection, words: list[tuple[int, str, str, str]], han: list[tuple[int, str]]
) -> None:
    """Insert rows that SearchRows made into the full-text indexes."""
    conn.executemany(
        "INSERT INTO events_fts (rowid, title, description, entities) VALUES (?, ?, ?, ?)", words
    )
    conn.executemany("INSERT INTO events_han (rowid, grams) VALUES (?, ?)", han)


# An event's texts as the full-text indexes take them, in plain values (another process can
# be sent them): its titles and descriptions in every language, and its entities' numbers.
SearchTexts = tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]


def search_texts(
    events: Sequence[Event], numbers: dict[int, int], names: list[tuple[str, ...]]
) -> list[SearchTexts]:
    """Return each event's search texts; entities not yet in numbers (by id()) are numbered, named."""
    made: list[SearchTexts] = []
    for event in events:
        if event.translations:
            texts = [text for _, text in event.translations]
            titles = (event.title, *(t.title for t in texts))
            descriptions = (event.description, *(t.description for t in texts))
        else:
            titles, descriptions = (event.title,), (event.description,)
        known = []
        for entity in event.entities:
            number = numbers.get(id(entity))
            if number is None:
                number = numbers[id(entity)] = len(names)
                names.append(entity.all_names())
            known.append(number)
        made.append((titles, descriptions, tuple(known)))
    return made


class SearchRows:
    """Makes the full-text indexes' rows from search texts, as IndexText.of cuts them.

    names holds every entity's names by number; each entity's are cut once, however many
    events name it, and a build may be given its events a slice at a time.
    """

    def __init__(self) -> None:
        self.names: list[tuple[str, ...]] = []
        self._cut: dict[int, tuple[str, list[str]]] = {}

    def of(
        self, first: int, texts: Sequence[SearchTexts]
    ) -> tuple[list[tuple[int, str, str, str]], list[tuple[int, str]]]:
        """Return the rows of the word index and (for events with Chinese) of the pairs' index."""
        words: list[tuple[int, str, str, str]] = []
        chinese: list[tuple[int, list[str]]] = []  # the events with Chinese runs, and their fields'
        named = self._cut
        for rank, (titles, descriptions, numbers) in enumerate(texts, first):
            title_words, title_runs = cut(titles)
            description_words, description_runs = cut(descriptions)
            names_words, names_runs = [], []
            for number in numbers:
                known = named.get(number)
                if known is None:
                    known = named[number] = cut(self.names[number])
                names_words.append(known[0])
                names_runs.extend(known[1])
            words.append((rank, title_words, description_words, " ".join(names_words)))
            if title_runs or description_runs or names_runs:
                runs = (title_runs, description_runs, names_runs)
                chinese.append((rank, [" ".join(r) for r in runs if r]))
        # One phrase never spans two fields: each run ends with its last character alone. Cut
        # a few thousand events at a time: the pass over all of a million took gigabytes at once.
        han: list[tuple[int, str]] = []
        for start in range(0, len(chinese), _CUT_AT_ONCE):
            part = chinese[start : start + _CUT_AT_ONCE]
            cuts = iter(grams_each([field for _, fields in part for field in fields]))
            han.extend((rank, " ".join([next(cuts) for _ in fields])) for rank, fields in part)
        return words, han
