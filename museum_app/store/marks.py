"""Every bookmark with its event, kept between reads: read whole only when another program wrote."""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import replace

from museum_app.core.domain import Bookmark, Event
from museum_app.store.catalog import Catalog
from museum_app.store.user import UserStore

Key = tuple[Catalog, int, int]  # the catalog, the user file's data version and own changes

# A write touching more bookmarks than this sorts them all again rather than placing each.
PLACED_AT_MOST = 64


def _order(mark: Bookmark) -> tuple[dt.datetime, str]:
    """Return a bookmark's place among the others: oldest first, then by id."""
    return (mark.created, mark.event_id)


class Marks:
    """The bookmarks as the window shows them, each with its event (None if it left the data).

    With 10,000 bookmarks, reading them all (and their events) took about 0.1 s, at every
    toggle of a bookmark. Now they are read whole when the catalog was replaced or the user
    file was written by anything but the writes made through writing(), which read back only
    the bookmarks they touched.

    The current ids (which star the timeline and the list) are kept apart from the events:
    they need one query and no event made, where making 10,000 events took 0.4 s of the
    window's start. The events are made only when every bookmark is first asked for (the
    bookmarks panel, an export).
    """

    def __init__(self) -> None:
        self._key: Key | None = None  # what _marks was read under
        self._marks: dict[str, Bookmark] = {}
        self._ordered: list[Bookmark] | None = None
        self._ids_key: Key | None = None  # what _current was read under
        self._current: dict[str, str] = {}  # each bookmark's id: its event's current id
        self._ids: frozenset[str] | None = None
        self._events_of: Catalog | None = None  # the catalog _events came from
        self._events: dict[str, Event | None] = {}

    def all(self, user: UserStore, catalog: Catalog) -> list[Bookmark]:
        """Return every bookmark, oldest first, with its event attached."""
        key = (catalog, *user.version())
        if key != self._key:
            marks = user.all()
            events = self._events_for(catalog, [mark.event_id for mark in marks])
            self._marks = {m.event_id: replace(m, event=events[m.event_id]) for m in marks}
            self._ordered, self._key = None, key
        if self._ordered is None:
            self._ordered = sorted(self._marks.values(), key=_order)
        return list(self._ordered)

    def current_ids(self, user: UserStore, catalog: Catalog) -> frozenset[str]:
        """Return the current ids of the bookmarked events (following renamed ids)."""
        key = (catalog, *user.version())
        if key != self._ids_key:
            if key == self._key:  # the bookmarks with their events are current: they say it
                self._current = {name: self._current_id(name) for name in self._marks}
            else:
                names = user.event_ids()
                found = catalog.resolve_all(names)
                self._current = {name: found.get(name, name) for name in names}
            self._ids, self._ids_key = None, key
        if self._ids is None:
            self._ids = frozenset(self._current.values())
        return self._ids

    def _current_id(self, name: str) -> str:
        """Return the current id of a bookmark's event, or its own id when the event left."""
        event = self._events.get(name)
        return event.id if event is not None else name

    @contextlib.contextmanager
    def writing(self, user: UserStore, catalog: Catalog, ids: Sequence[str]) -> Iterator[None]:
        """Take in a write of the bookmarks on these ids, reading back only them.

        Only when nothing else wrote to the file between the last read and the write's end:
        otherwise everything is read again when next asked for.
        """
        was = (catalog, *user.version())
        marks_current, ids_current = was == self._key, was == self._ids_key
        self._key = self._ids_key = None  # until the write is taken in
        yield
        now = (catalog, *user.version())
        if now[1] != was[1] or not (marks_current or ids_current):
            return  # another connection committed meanwhile: read everything again
        found = user.get_many(list(ids))
        if marks_current:
            self._take_marks(catalog, ids, found)
            self._key = now
        if ids_current:
            self._take_ids(catalog, ids, found, marks_current)
            self._ids_key = now

    def _take_marks(self, catalog: Catalog, ids: Sequence[str], found: dict[str, Bookmark]) -> None:
        """Put the bookmarks written in place of those they were, keeping the order."""
        events = self._events_for(catalog, list(found))
        ordered = self._ordered if len(ids) <= PLACED_AT_MOST else None
        for event_id in ids:
            was = self._marks.pop(event_id, None)
            if was is not None and ordered is not None:
                place = bisect.bisect_left(ordered, _order(was), key=_order)
                if place < len(ordered) and ordered[place] is was:
                    del ordered[place]
                else:  # not where it belongs: sort them all when next asked for
                    ordered = None
            mark = found.get(event_id)
            if mark is not None:
                mark = self._marks[event_id] = replace(mark, event=events[event_id])
                if ordered is not None:
                    bisect.insort(ordered, mark, key=_order)
        self._ordered = ordered

    def _take_ids(
        self, catalog: Catalog, ids: Sequence[str], found: dict[str, Bookmark], known: bool
    ) -> None:
        """Put the current ids of the bookmarks written in place of those they were."""
        resolved = {} if known else catalog.resolve_all(list(found))
        for event_id in ids:
            if event_id not in found:
                self._current.pop(event_id, None)
            elif known:  # their events were just read: no need to ask the catalog again
                self._current[event_id] = self._current_id(event_id)
            else:
                self._current[event_id] = resolved.get(event_id, event_id)
        self._ids = None

    def _events_for(self, catalog: Catalog, ids: list[str]) -> dict[str, Event | None]:
        """Return the event of each id, asking the catalog only about ids new to it.

        The catalog file never changes under an open Catalog: what it said holds until it
        is replaced. One query for every id new (one each made 10,000 cost about 0.3 s).
        """
        if self._events_of is not catalog:
            self._events_of, self._events = catalog, {}
        missing = [name for name in ids if name not in self._events]
        if missing:
            found = catalog.events_by_id(missing)
            self._events.update((name, found.get(name)) for name in missing)
        return self._events
