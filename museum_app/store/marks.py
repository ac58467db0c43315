"""Every bookmark with its event, kept between reads: read whole only when another program wrote."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import replace

from museum_app.core.domain import Bookmark, Event
from museum_app.store.catalog import Catalog
from museum_app.store.user import UserStore

Key = tuple[Catalog, int, int]  # the catalog, the user file's data version and own changes


class Marks:
    """The bookmarks as the window shows them, each with its event (None if it left the data).

    With 10,000 bookmarks, reading them all (and their events) took about 0.1 s, at every
    toggle of a bookmark. Now they are read whole when the catalog was replaced or the user
    file was written by anything but the writes made through writing(), which read back only
    the bookmarks they touched.
    """

    def __init__(self) -> None:
        self._key: Key | None = None
        self._marks: dict[str, Bookmark] = {}
        self._ordered: list[Bookmark] | None = None
        self._ids: set[str] | None = None
        self._events_of: Catalog | None = None  # the catalog _events came from
        self._events: dict[str, Event | None] = {}

    def all(self, user: UserStore, catalog: Catalog) -> list[Bookmark]:
        """Return every bookmark, oldest first, with its event attached."""
        key = (catalog, *user.version())
        if key != self._key:
            marks = user.all()
            events = self._events_for(catalog, [mark.event_id for mark in marks])
            self._marks = {m.event_id: replace(m, event=events[m.event_id]) for m in marks}
            self._ordered, self._ids, self._key = None, None, key
        if self._ordered is None:
            self._ordered = sorted(self._marks.values(), key=lambda m: (m.created, m.event_id))
        return list(self._ordered)

    def current_ids(self, user: UserStore, catalog: Catalog) -> set[str]:
        """Return the current ids of the bookmarked events (following renamed ids)."""
        marks = self.all(user, catalog)
        if self._ids is None:
            self._ids = {m.event.id if m.event is not None else m.event_id for m in marks}
        return set(self._ids)

    @contextlib.contextmanager
    def writing(self, user: UserStore, catalog: Catalog, ids: Sequence[str]) -> Iterator[None]:
        """Take in a write of the bookmarks on these ids, reading back only them.

        Only when nothing else wrote to the file between the last read and the write's end:
        otherwise everything is read again when next asked for.
        """
        was = (catalog, *user.version())
        current = was == self._key
        self._key = None  # until the write is taken in
        yield
        now = (catalog, *user.version())
        if not current or now[1] != was[1]:
            return  # another connection committed meanwhile: read everything again
        found = user.get_many(list(ids))
        events = self._events_for(catalog, list(found))
        for event_id in ids:
            mark = found.get(event_id)
            if mark is None:
                self._marks.pop(event_id, None)
            else:
                self._marks[event_id] = replace(mark, event=events[event_id])
        self._ordered, self._ids, self._key = None, None, now

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
