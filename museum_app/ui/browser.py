"""The one current event, the filter and the bookmarks, shared by every view of the window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from museum_app.core.collections import Collection
from museum_app.core.domain import BASE_LANGUAGE, Bookmark, Category, Event
from museum_app.core.history import History
from museum_app.core.masks import SearchMasks, all_of, any_of, of_ranks
from museum_app.core.query import EventFilter
from museum_app.core.table import EventTable
from museum_app.formats.checks import PackError
from museum_app.formats.records import BookmarkFileError, export_bookmarks, import_bookmarks
from museum_app.store.database import StoreError
from museum_app.store.library import Library
from museum_app.store.user import NoteSaved
from museum_app.ui.messages import error_text

T = TypeVar("T")

# How often the window asks whether another program (the command line, a second window)
# changed the bookmarks: well within the second a person would notice, and nearly free.
WATCH_INTERVAL_MS = 250


class Browser(QObject):
    """Holds what the person is looking at and carries their intents to the library."""

    current_changed = Signal(object)  # Event | None
    filter_changed = Signal(object)  # EventFilter
    visible_changed = Signal(object)  # bytes | None: a byte per event by rank, 1 if it passes
    counts_changed = Signal(object)  # dict[str, int]: events per category under the search
    bookmarks_changed = Signal()
    history_changed = Signal(bool, bool)  # can go back, can go forward
    message = Signal(str)  # a short status line for the person
    language_changed = Signal(str)  # summaries and events now have their words in this language
    data_changed = Signal()  # events, categories or collections came or went (an import, a removal)
    refused = Signal(str, str)  # a file that was not imported: its name, and why

    def __init__(
        self, library: Library, parent: QObject | None = None, language: str = BASE_LANGUAGE
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.history = History()
        self.filter = EventFilter()
        self.current: Event | None = None
        self._visible: bytes | None = None  # one byte per event by rank: 1 if it passes
        self._related: tuple[str, list[Event]] | None = None  # for the current event
        self.categories: dict[str, Category] = {c.id: c for c in library.catalog.categories()}
        self.language = language  # of the summaries' titles (Event.text gives the rest)
        self.summaries: EventTable = library.catalog.summaries(language)
        self._searches = SearchMasks(library.catalog.search_ranks, len(self.summaries))
        self._packs: dict[str, bytes] | None = None  # each pack's mask, made when first filtered by
        self._watch = QTimer(self, interval=WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.check_elsewhere)
        self._seen_version = self._data_version()
        self._watch.start()

    def set_language(self, language: str) -> None:
        """Give the summaries' titles in a language (the main ones where an event has none)."""
        if language == self.language:
            return
        self.language = language
        # The same events in the same ranks: the filter's masks stay as they are.
        self.summaries = self.library.catalog.summaries(language)
        self.language_changed.emit(language)

    # The current event

    def find_event(self, event_id: str) -> Event | None:
        """Return an event in full, or None if the catalog has none by that id."""
        return self.library.catalog.event(event_id)

    def go_to(self, event_id: str | None, record: bool = True) -> None:
        """Make an event current (None: none); record it in the history."""
        event = self.library.catalog.event(event_id) if event_id else None
        if event is not None and record:
            self.history.visit(event.id)
        if event != self.current:
            self.current = event
            self.current_changed.emit(event)
        self.history_changed.emit(self.history.can_go_back(), self.history.can_go_forward())

    def step(self, direction: int) -> None:
        """Go to the previous (-1) or next (+1) event that passes the filter."""
        if self.current is None:
            rank = self._find(0, len(self.summaries), last=direction < 0)
            if rank is not None:
                self.go_to(self.summaries.ids[rank])
            return
        previous, following = self.neighbours()
        target = following if direction > 0 else previous
        if target is not None:
            self.go_to(target)

    def neighbours(self) -> tuple[str | None, str | None]:
        """Return the previous and next events around the current one, within the filter."""
        rank = self.summaries.rank_of(self.current.id) if self.current else None
        if rank is None:
            return (None, None)
        before = self._find(0, rank, last=True)
        after = self._find(rank + 1, len(self.summaries), last=False)
        ids = self.summaries.ids
        return (None if before is None else ids[before], None if after is None else ids[after])

    def _find(self, start: int, end: int, last: bool) -> int | None:
        """Return the first (or last) rank in [start, end) that passes the filter, or None."""
        if start >= end:
            return None
        if self._visible is None:
            return end - 1 if last else start
        found = self._visible.rfind(1, start, end) if last else self._visible.find(1, start, end)
        return None if found < 0 else found

    def related(self) -> list[Event]:
        """Return the events most related to the current one (worked out once per event)."""
        if self.current is None:
            return []
        if self._related is None or self._related[0] != self.current.id:
            self._related = (self.current.id, self.library.catalog.related(self.current.id))
        return self._related[1]

    def back(self) -> None:
        """Go back to the event viewed before."""
        event_id = self.history.back()
        if event_id is not None:
            self.go_to(event_id, record=False)

    def forward(self) -> None:
        """Go forward again after going back."""
        event_id = self.history.forward()
        if event_id is not None:
            self.go_to(event_id, record=False)

    # The filter

    def set_filter(self, query: EventFilter) -> None:
        """Show only the events that pass a filter."""
        if query == self.filter:
            return
        search_changed = query.search_words() != self.filter.search_words()
        self.filter = query
        self._visible = self._mask(query)
        self.filter_changed.emit(query)
        self.visible_changed.emit(self._visible)
        if search_changed:
            self.counts_changed.emit(self.counts())

    def _mask(self, query: EventFilter) -> bytes | None:
        """Return the byte mask by rank of the events that pass a filter (None: all)."""
        table = self.summaries
        masks = [self._searches.mask(words) for words in [query.search_words()] if words]
        if query.ids is not None:
            masks.append(table.mask_of_ids(query.ids))
        if query.categories is not None:
            masks.append(any_of([table.category_mask(c) for c in query.categories], len(table)))
        if query.collections is not None:
            packs = self._pack_masks()
            shown = [packs[p] for p in query.collections if p in packs]
            masks.append(any_of(shown, len(table)))
        return all_of(masks, len(table)) if masks else None

    def set_categories(self, categories: frozenset[str] | None) -> None:
        """Show only events in these categories (None: all)."""
        self.set_filter(replace(self.filter, categories=categories))

    def set_search(self, text: str) -> None:
        """Show only events that match a full-text search."""
        self.set_filter(replace(self.filter, search=text))

    def visible(self) -> bytes | None:
        """Return the byte mask by rank of the events that pass the filter (None: all)."""
        return self._visible

    def counts(self) -> dict[str, int]:
        """Return the events per category under the current search (and id restriction)."""
        within = self._mask(self.filter.without_categories())
        return self.summaries.category_counts(self.categories, within)

    def set_collections(self, collections: frozenset[str] | None) -> None:
        """Show only events of these collections, by pack id (None: all)."""
        self.set_filter(replace(self.filter, collections=collections))

    def _pack_masks(self) -> dict[str, bytes]:
        """Return each pack's mask by rank (read once per catalog)."""
        if self._packs is None:
            count = len(self.summaries)
            ranks = self.library.catalog.pack_ranks()
            self._packs = {pack: of_ranks(found, count) for pack, found in ranks.items()}
        return self._packs

    # Collections: the packs, imported from a file or taken out again

    def collections(self) -> list[Collection]:
        """Return every collection, the app's own first, then those imported, by title."""
        imported = {pack_id for pack_id, _, _ in self.library.imported_packs()}
        found = [
            Collection(pack_id, title, count, pack_id in imported)
            for pack_id, title, _, count in self.library.catalog.packs(self.language)
        ]
        return sorted(found, key=lambda c: (c.imported, c.title.casefold(), c.id))

    def import_file(self, path: Path) -> dict[str, Any] | None:
        """Import a timeline file as a collection and return its report (None: refused).

        A refused file changes nothing; why is emitted with refused, naming the file.
        """
        from museum_app import importer  # the formats' readers, loaded only to import
        from museum_app.cli import UsageError

        try:
            report = importer.import_file(self.library, path, None, dry_run=False)
        except (UsageError, PackError) as error:
            self.refused.emit(path.name, str(error))
            return None
        except (StoreError, OSError) as error:
            self.refused.emit(path.name, error_text(error))
            return None
        self._reload(added=str(report["pack_id"]))
        return report

    def remove_collection(self, pack_id: str) -> bool:
        """Take an imported collection out; bookmarks on its events are kept."""
        try:
            removed = self.library.remove_pack(pack_id)
        except (StoreError, OSError, PackError) as error:
            what = self.tr("remove the collection")
            self.message.emit(self.tr("Could not {0}: {1}").format(what, error_text(error)))
            return False
        if removed:
            # Before anything is shown again: the views still hold the closed catalog's events.
            self._reload()
        return removed

    def _reload(self, added: str | None = None) -> None:
        """Take the catalog anew after an import or a removal, keeping the view where it can."""
        catalog = self.library.catalog
        old_categories = set(self.categories)
        self.categories = {c.id: c for c in catalog.categories()}
        self.summaries = catalog.summaries(self.language)
        self._searches = SearchMasks(catalog.search_ranks, len(self.summaries))
        self._packs, self._related = None, None
        query, packs = self.filter, set(self._pack_masks())
        # What the import brought is shown, whatever was unticked before; what left is dropped.
        new_categories = set(self.categories) - old_categories
        categories = query.categories
        if categories is not None:
            categories = (categories | new_categories) & set(self.categories)
        collections = query.collections
        if collections is not None:
            collections = (collections | ({added} if added else set())) & packs
        self.filter = replace(query, categories=categories, collections=collections)
        self._visible = self._mask(self.filter)
        event = catalog.event(self.current.id) if self.current else None
        self.current = event
        self.data_changed.emit()
        self.filter_changed.emit(self.filter)
        self.visible_changed.emit(self._visible)
        self.counts_changed.emit(self.counts())
        self.current_changed.emit(event)
        self.bookmarks_changed.emit()

    # Bookmarks

    def bookmarks(self) -> list[Bookmark]:
        """Return every bookmark, with its event where it is still in the data."""
        return self.library.bookmarks()

    def bookmarked_ids(self) -> frozenset[str]:
        """Return the ids of the bookmarked events."""
        return self.library.bookmarked_ids()

    def bookmark_for(self, event: Event) -> Bookmark | None:
        """Return the bookmark on an event, if any."""
        return self.library.bookmark_for(event)

    def _data_version(self) -> int | None:
        """Return the user file's change counter (None when it cannot be read)."""
        try:
            return self.library.user.data_version()
        except StoreError as error:
            if error.code == "CLOSED":
                self._watch.stop()  # the window is gone: nothing left to watch for
            return None

    def check_elsewhere(self) -> bool:
        """Show the bookmarks again if another program changed them; return whether it did."""
        version = self._data_version()
        if version is None or version == self._seen_version:
            return False
        self._seen_version = version
        self.bookmarks_changed.emit()
        return True

    def _write(self, what: str, action: Callable[[], T]) -> tuple[bool, T | None]:
        """Run a write, telling the person plainly when it cannot be saved."""
        try:
            result = action()
        except (StoreError, OSError, BookmarkFileError) as error:
            self.message.emit(self.tr("Could not {0}: {1}").format(what, error_text(error)))
            return (False, None)
        finally:
            # Also after a failure: views that acted early (a toggled star) show the truth again.
            self.bookmarks_changed.emit()
        return (True, result)

    def set_bookmarked(self, event_id: str, on: bool) -> Bookmark | None:
        """Bookmark an event or remove its bookmark; return a removed bookmark for undo."""
        event = self.library.catalog.event(event_id)
        if on and event is not None:
            self._write(self.tr("save the bookmark"), lambda: self.library.add_bookmark(event))
            return None
        if on:
            return None
        removed = self._write(
            self.tr("remove the bookmark"), lambda: self.library.remove_bookmark(event_id)
        )[1]
        # With its event, so that it can be named in any language (the saved title is English).
        return replace(removed, event=event) if removed is not None and event else removed

    def restore_bookmark(self, bookmark: Bookmark) -> None:
        """Put back a removed bookmark, note and dates included (undo)."""
        self._write(self.tr("restore the bookmark"), lambda: self.library.restore_bookmarks([bookmark]))

    def set_note(self, event_id: str, note: str, base: str | None = None) -> None:
        """Save the note typed over base (the stored note it started from) on an event.

        A note another program changed meanwhile is kept beside the typed one, and a bookmark
        another program removed comes back with the note; the person is told either way.
        """
        if base is None:
            self._write(self.tr("save the note"), lambda: self.library.set_note(event_id, note))
            return
        done, saved = self._write(
            self.tr("save the note"), lambda: self.library.save_note(event_id, note, base)
        )
        if not done or saved is None:
            return
        event = self.library.catalog.event(event_id)
        title = event.title_in(self.language) if event else event_id
        if saved[0] is NoteSaved.MERGED:
            self.message.emit(
                self.tr(
                    "The note on “{0}” was changed elsewhere meanwhile: both texts are kept."
                ).format(title)
            )
        elif saved[0] is NoteSaved.RESTORED:
            self.message.emit(
                self.tr(
                    "The bookmark on “{0}” was removed elsewhere; it is back, to keep your note."
                ).format(title)
            )

    def export_bookmarks(self, path: Path) -> bool:
        """Write the bookmarks to a file."""
        marks = self.bookmarks()
        done, _ = self._write(self.tr("export the bookmarks"), lambda: export_bookmarks(marks, path))
        if done:
            self.message.emit(self.tr("Exported {0} bookmarks to {1}").format(len(marks), path))
        return done

    def import_bookmarks(self, path: Path) -> bool:
        """Read bookmarks from a file, merging notes with those already here."""
        done, count = self._write(
            self.tr("import the bookmarks"),
            lambda: self.library.import_bookmarks(import_bookmarks(path)),
        )
        if done:
            self.message.emit(self.tr("Imported {0} new or updated bookmarks").format(count))
        return done
