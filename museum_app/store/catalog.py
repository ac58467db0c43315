"""Read-only queries over the catalog: events in order, filters, search, related and neighbours."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from museum_app.core.dates import DateBasis, PartialDate
from museum_app.core.days import day_of
from museum_app.core.domain import (
    Category,
    CategoryText,
    Entity,
    EntityKind,
    Event,
    EventText,
    SourceRef,
    pick,
)
from museum_app.core.event_date import EventDate
from museum_app.core.query import EVERYTHING, EventFilter
from museum_app.core.search_text import han_match, is_han
from museum_app.core.table import EventTable
from museum_app.store.catalog_schema import MIGRATIONS
from museum_app.store.columns import IN_LANGUAGE, language_columns, read_table
from museum_app.store.database import Database, StoreError

MAX_RANKS_SEEN = 200_000  # the ranks resolve_all keeps for ranks_of: far more than bookmarks

_EVENT_COLUMNS = (
    'e.id, e.title, e.description, e.start, e."end", e.not_before, e.not_after, e.basis, '
    "e.date_note, e.section, e.paragraph, e.position, e.categories, e.entities, e.aliases, "
    "e.links, e.translations, p.id AS pack_id, p.publisher, p.page, p.url"
)
_FROM = "FROM events e JOIN packs p ON p.id = e.pack_id"


def _event(row: sqlite3.Row) -> Event:
    """Build an event from a row that was validated when the catalog was built."""
    end = row["end"]
    date = EventDate(
        start=PartialDate.parse(row["start"]),
        end=PartialDate.parse(end) if end else None,
        not_before=day_of(row["not_before"]),
        not_after=day_of(row["not_after"]),
        basis=DateBasis(row["basis"]),
        note=row["date_note"],
    )
    return Event(
        id=row["id"],
        title=row["title"],
        description=row["description"],
        date=date,
        categories=tuple(json.loads(row["categories"])),
        entities=tuple(_entity(*item) for item in json.loads(row["entities"])),
        source=SourceRef(
            row["publisher"],
            row["page"],
            row["section"],
            row["paragraph"],
            row["pack_id"],
            row["url"],
        ),
        aliases=tuple(json.loads(row["aliases"])),
        links=tuple(json.loads(row["links"])),
        position=row["position"],
        translations=tuple(
            (language, EventText(**text)) for language, text in json.loads(row["translations"]).items()
        ),
    )


def _entity(name: str, kind: str, names: dict[str, str] | None = None) -> Entity:
    """Build an entity from the catalog's [name, kind] or [name, kind, names]."""
    return Entity(name, EntityKind(kind), tuple((names or {}).items()))


def fts_query(words: list[str]) -> str:
    """Quote each word as a prefix term, so that no typed text is read as FTS syntax."""
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def search_parts(words: list[str]) -> list[tuple[str, str]]:
    """Return, for each index a search needs, the query of its rowids and its match text.

    Chinese runs are looked for in events_han (anywhere inside a text), other words in
    events_fts (as word prefixes); an event must match every word, so both when both.
    """
    han = [word for word in words if is_han(word)]
    others = [word for word in words if not is_han(word)]
    parts = []
    if others:
        parts.append(("SELECT rowid FROM events_fts WHERE events_fts MATCH ?", fts_query(others)))
    if han:
        parts.append(("SELECT rowid FROM events_han WHERE events_han MATCH ?", han_match(han)))
    return parts


def _where(query: EventFilter) -> tuple[str, list[Any]]:
    """Turn a filter into a WHERE clause over events e, with its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if query.categories is not None:
        clauses.append(
            "e.rowid IN (SELECT event FROM event_categories "
            "WHERE category IN (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(sorted(query.categories)))
    for select, match in search_parts(query.search_words()):
        clauses.append(f"e.rowid IN ({select})")
        params.append(match)
    if query.ids is not None:
        clauses.append("e.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(query.ids)))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _open(path: Path) -> Database:
    """Open a catalog file as immutable, refusing one that was cut short."""
    # Immutable: the file is replaced whole, never changed in place, so no locks and no
    # -wal are needed, and a rebuild by another process cannot disturb this one.
    db = Database(path, MIGRATIONS, mode="immutable")
    try:
        pages = db.query("PRAGMA page_count")[0][0] * db.query("PRAGMA page_size")[0][0]
        if path.stat().st_size < pages:
            raise StoreError(f"{path}: the file is damaged (cut short)", "SQLITE_CORRUPT")
    except BaseException:
        db.close()
        raise
    return db


class Catalog:
    """The events of every pack, derived from the pack files and rebuilt when they change."""

    def __init__(
        self, path: Path, db: Database | None = None, rebuild: Callable[[], Path] | None = None
    ) -> None:
        """Open a built catalog file read-only (or adopt one built in memory).

        rebuild, if given, builds the file again and returns where: a damaged page found
        while browsing is then mended once, out of sight, instead of failing every query.
        """
        self._rebuild = rebuild
        self.db = db if db is not None else _open(path)
        # The ranks of current ids that resolve_all read on its way: the bookmarks' stars ask
        # ranks_of for the very ids current_ids just resolved, at start-up and at each change.
        self._ranks_seen: dict[str, int] = {}

    def _query(self, sql: str, params: Sequence[Any] = (), plain: bool = False) -> list[Any]:
        """Run a read; if the file proves damaged, build it again (once) and run it there."""
        try:
            return self.db.query(sql, params, plain)
        except StoreError as error:
            self._mend(error)
        return self.db.query(sql, params, plain)

    def _mend(self, error: StoreError) -> None:
        """Build the file again after it proved damaged (once), or raise error if it cannot be."""
        if not error.is_corrupt or self._rebuild is None:
            raise error
        rebuild, self._rebuild = self._rebuild, None
        self._ranks_seen.clear()  # built again from the packs as they are now
        fresh = _open(rebuild())  # first: if this fails, the old file still answers what it can
        self.db.close()
        self.db = fresh

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    def meta(self, key: str) -> str | None:
        """Return a bookkeeping value, such as the packs' content hash."""
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def left_out(self) -> list[str]:
        """Return why imported packs were left out of this catalog, one message each."""
        notes = self.meta("left_out")
        return list(json.loads(notes)) if notes else []

    def packs(self, language: str | None = None) -> list[tuple[str, str, str, int]]:
        """Return each pack's id, title (in a language, where it has one), file and number of events."""
        rows = self._query(
            "SELECT p.id, p.title, p.file, p.events, p.titles FROM packs p ORDER BY p.id"
        )
        return [
            (
                str(r[0]),
                pick(language, tuple(json.loads(r[4]).items())) or str(r[1]),
                str(r[2]),
                int(r[3]),
            )
            for r in rows
        ]

    def count(self) -> int:
        """Return how many events there are."""
        return int(self._query("SELECT count(*) FROM events")[0][0])

    def categories(self) -> list[Category]:
        """Return the categories in display order."""
        rows = self._query(
            "SELECT id, name, description, colour, translations FROM categories ORDER BY position"
        )
        return [
            Category(
                row[0],
                row[1],
                row[2],
                row[3],
                tuple((k, CategoryText(**v)) for k, v in json.loads(row[4]).items()),
            )
            for row in rows
        ]

    def ranks_of(self, event_ids: Collection[str]) -> dict[str, int]:
        """Return the place in the date order of each of these events known by its current id."""
        seen = self._ranks_seen
        found = {event_id: seen[event_id] for event_id in event_ids if event_id in seen}
        if len(found) < len(event_ids):
            # An event's rowid is its rank (write_events): the index of ids holds it, so the
            # rows themselves are never read. Sorted ids walk that index in order.
            rows = self._query(
                "SELECT j.value, e.rowid FROM json_each(?) j JOIN events e ON e.id = j.value",
                (json.dumps(sorted(set(event_ids).difference(found))),),
                plain=True,
            )
            found.update(rows)
        return found

    def resolve(self, event_id: str) -> str | None:
        """Return the current id of an event known by this id or by a former one."""
        rows = self._query(
            "SELECT id FROM events WHERE id = ? UNION ALL "
            "SELECT event_id FROM aliases WHERE alias = ? LIMIT 1",
            (event_id, event_id),
        )
        return rows[0][0] if rows else None

    def event(self, event_id: str) -> Event | None:
        """Return an event by its id or a former id."""
        current = self.resolve(event_id)
        if current is None:
            return None
        rows = self._query(f"SELECT {_EVENT_COLUMNS} {_FROM} WHERE e.id = ?", (current,))
        return _event(rows[0])

    def resolve_all(self, event_ids: Sequence[str]) -> dict[str, str]:
        """Return the current id of each of these ids known (by itself or as a former id).

        Two queries for them all, however many: a look-up per id costs a round trip each, which
        at 10,000 bookmarks is most of a second. Ids still current (nearly all) are found by
        the index of ids alone; only the rest are looked for among the former ids.
        """
        rows = self._query(
            "SELECT j.value, e.rowid FROM json_each(?) j JOIN events e ON e.id = j.value",
            (json.dumps(list(event_ids)),),
            plain=True,
        )
        if len(self._ranks_seen) > MAX_RANKS_SEEN:
            self._ranks_seen.clear()
        self._ranks_seen.update(rows)
        found = {asked: asked for asked, _rank in rows}
        if len(found) < len(event_ids):
            others = [asked for asked in event_ids if asked not in found]
            found.update(
                self._query(
                    "SELECT a.alias, a.event_id FROM json_each(?) j "
                    "JOIN aliases a ON a.alias = j.value",
                    (json.dumps(others),),
                    plain=True,
                )
            )
        return found

    def events_by_id(self, event_ids: Sequence[str]) -> dict[str, Event]:
        """Return the events known by these ids (current or former), keyed by the id asked for."""
        current = self.resolve_all(event_ids)
        if not current:
            return {}
        rows = self._query(
            f"SELECT {_EVENT_COLUMNS} {_FROM} WHERE e.id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(current.values()))),),
        )
        found = {str(row["id"]): _event(row) for row in rows}
        return {asked: found[now] for asked, now in current.items() if now in found}

    def events(self, query: EventFilter = EVERYTHING) -> list[Event]:
        """Return the events that pass the filter, in date order."""
        where, params = _where(query)
        rows = self._query(f"SELECT {_EVENT_COLUMNS} {_FROM}{where} ORDER BY e.rank", params)
        return [_event(row) for row in rows]

    def summaries(self, language: str | None = None) -> EventTable:
        """Return every event in brief, in date order (rank), as columns, titles in a language."""
        try:
            return self._table(language)
        except StoreError as error:
            self._mend(error)
        return self._table(language)

    def _table(self, language: str | None) -> EventTable:
        """Read the summary columns; a StoreError (damaged file) if they do not fit together."""
        # The titles and dates in other languages are read only when asked for: a start reads less.
        prefixes = [f"{prefix}%" for prefix in IN_LANGUAGE]
        others = " OR ".join("name LIKE ?" for _ in prefixes)
        written = [row[0] for row in self._query(f"SELECT name FROM columns WHERE {others}", prefixes)]
        chosen = language_columns(language, written)
        marks = ", ".join("?" for _ in chosen)
        rows = self._query(
            f"SELECT name, data FROM columns WHERE NOT ({others}) OR name IN ({marks or 'NULL'})",
            [*prefixes, *chosen],
        )
        try:
            return read_table([(row[0], row[1]) for row in rows], self.ranks_of, language)
        except (KeyError, ValueError, UnicodeDecodeError) as error:
            problem = f"the catalog's columns do not fit together: {error}"
            raise StoreError(problem, "SQLITE_CORRUPT") from error

    def search_ranks(self, words: list[str]) -> list[int]:
        """Return the ranks of the events that match every word, in no order (see search_parts)."""
        parts = search_parts(words)
        if not parts:
            return list(range(self.count()))
        # The builder gives each full-text row its event's rank as rowid: no join needed. One
        # JSON array of them all costs half what a row each does when most events match.
        selects = " INTERSECT ".join(select for select, _ in parts)
        rows = self._query(
            f"SELECT json_group_array(rowid) FROM ({selects})", [match for _, match in parts]
        )
        return list(json.loads(rows[0][0])) if rows else []

    def ids(self, query: EventFilter = EVERYTHING) -> list[str]:
        """Return the ids of the events that pass the filter, in date order."""
        where, params = _where(query)
        return [r[0] for r in self._query(f"SELECT e.id FROM events e{where} ORDER BY e.rank", params)]

    def in_window(self, first: dt.date, last: dt.date, query: EventFilter = EVERYTHING) -> list[Event]:
        """Return the events that may fall between two days, inclusive, in date order."""
        where, params = _where(query)
        joiner = " AND " if where else " WHERE "
        window = f"{where}{joiner}e.not_before <= ? AND e.not_after >= ?"
        rows = self._query(
            f"SELECT {_EVENT_COLUMNS} {_FROM}{window} ORDER BY e.rank",
            [*params, last.toordinal(), first.toordinal()],
        )
        return [_event(row) for row in rows]

    def category_counts(self, query: EventFilter = EVERYTHING) -> dict[str, int]:
        """Count, per category, the events that pass the filter's search and id restriction."""
        where, params = _where(query.without_categories())
        rows = self._query(
            "SELECT c.id, count(ec.event) FROM categories c LEFT JOIN event_categories ec "
            f"ON ec.category = c.id AND ec.event IN (SELECT e.rowid FROM events e{where}) "
            "GROUP BY c.id",
            params,
        )
        return {row[0]: row[1] for row in rows}

    def related(self, event_id: str, limit: int = 5) -> list[Event]:
        """Return the events sharing most entities, then categories, with this one."""
        rows = self._query(
            f"""
            WITH me AS (SELECT rowid AS event FROM events WHERE id = ?),
            scores AS (
                SELECT event, 3 AS weight FROM event_entities
                WHERE entity IN (SELECT entity FROM event_entities WHERE event IN me)
                UNION ALL
                SELECT event, 1 FROM event_categories
                WHERE category IN (SELECT category FROM event_categories WHERE event IN me)
            ),
            ranked AS (
                SELECT event, sum(weight) AS score FROM scores
                WHERE event NOT IN me GROUP BY event
            )
            SELECT {_EVENT_COLUMNS} {_FROM} JOIN ranked r ON r.event = e.rowid
            ORDER BY r.score DESC, abs(e.rank - (SELECT rank FROM events WHERE id = ?)) LIMIT ?
            """,
            (event_id, event_id, limit),
        )
        return [_event(row) for row in rows]

    def neighbours(
        self, event_id: str, query: EventFilter = EVERYTHING
    ) -> tuple[str | None, str | None]:
        """Return the previous and next events that pass the filter, around this one."""
        rank_rows = self._query("SELECT rank FROM events WHERE id = ?", (event_id,))
        if not rank_rows:
            return (None, None)
        rank = rank_rows[0][0]
        where, params = _where(query)
        joiner = " AND " if where else " WHERE "
        before = self._query(
            f"SELECT e.id FROM events e{where}{joiner}e.rank < ? ORDER BY e.rank DESC LIMIT 1",
            [*params, rank],
        )
        after = self._query(
            f"SELECT e.id FROM events e{where}{joiner}e.rank > ? ORDER BY e.rank LIMIT 1",
            [*params, rank],
        )
        return (before[0][0] if before else None, after[0][0] if after else None)

    def pack_ranks(self) -> dict[str, list[int]]:
        """Return the ranks of each pack's events (every pack, by id), for filtering by pack."""
        # One JSON array per pack: a row per event would cost far more at 100,000 events.
        rows = self._query(
            "SELECT p.id, (SELECT json_group_array(e.rank) FROM events e WHERE e.pack_id = p.id) "
            "FROM packs p ORDER BY p.id"
        )
        return {str(row[0]): list(json.loads(row[1])) for row in rows}
