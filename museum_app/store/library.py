"""The app's data in one place: the catalog kept current, and the person's bookmarks."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from museum_app.core.domain import Bookmark, Event
from museum_app.store import builder
from museum_app.store.catalog import Catalog
from museum_app.store.database import StoreError
from museum_app.store.packs import Pack, load_pack
from museum_app.store.user import UserStore

CATALOG_FILE = "catalog.sqlite3"
USER_FILE = "user.sqlite3"
PACKS_DIR = "packs"


class Library:
    """Opens the catalog (building it when the packs changed) and the user file."""

    def __init__(self, data_dir: Path, shipped: Path) -> None:
        self.data_dir = data_dir
        self.shipped = shipped
        data_dir.mkdir(parents=True, exist_ok=True)
        self.catalog = self._open_catalog()
        self.user = UserStore(data_dir / USER_FILE)

    def _sources(self) -> builder.Sources:
        """Return the files the catalog derives from."""
        return builder.Sources.find(self.shipped, self.data_dir / PACKS_DIR)

    def _open_catalog(self) -> Catalog:
        """Open the catalog, rebuilding it if it is missing, stale or unreadable."""
        path = self.data_dir / CATALOG_FILE
        sources = self._sources()
        wanted = sources.content_hash()
        if path.exists():
            try:
                catalog = Catalog(path)
                if catalog.meta("content_hash") == wanted:
                    return catalog
                catalog.close()
            except StoreError:
                pass  # A damaged catalog is only derived data: build it again.
        builder.build(path, sources)
        return Catalog(path)

    def close(self) -> None:
        """Close both files."""
        self.catalog.close()
        self.user.close()

    def validate_pack(self, path: Path) -> Pack:
        """Check a pack on its own and against the data already here, changing nothing."""
        pack = load_pack(path, tuple(self.catalog.categories()))
        sources = self._sources()
        others = tuple(p for p in sources.packs if p.name != f"{pack.id}.json")
        builder.load_all(builder.Sources(sources.categories, (*others, path)))
        return pack

    def import_pack(self, path: Path) -> Pack:
        """Add a pack (or a new version of one) and rebuild the catalog; a bad pack changes nothing."""
        pack = self.validate_pack(path)
        folder = self.data_dir / PACKS_DIR
        folder.mkdir(exist_ok=True)
        target = folder / f"{pack.id}.json"
        previous = target.read_bytes() if target.exists() else None
        staged = folder / f".{pack.id}.json.importing"
        shutil.copyfile(path, staged)
        staged.replace(target)
        self.catalog.close()
        try:
            self.catalog = self._open_catalog()
        except Exception:
            # Put the old state back so that the catalog keeps matching the files.
            if previous is None:
                target.unlink()
            else:
                target.write_bytes(previous)
            self.catalog = self._open_catalog()
            raise
        return pack

    def bookmarks(self) -> list[Bookmark]:
        """Return every bookmark with its event attached (None for an event that left the data)."""
        result = []
        for mark in self.user.all():
            event = self.catalog.event(mark.event_id)
            result.append(replace(mark, event=event))
        return result

    def bookmarked_ids(self) -> set[str]:
        """Return the current ids of the bookmarked events (following renamed ids)."""
        ids = self.user.event_ids()
        return {self.catalog.resolve(i) or i for i in ids}

    def bookmark_for(self, event: Event) -> Bookmark | None:
        """Return the bookmark on an event, made under its id or a former one."""
        for name in (event.id, *event.aliases):
            mark = self.user.get(name)
            if mark is not None:
                return mark
        return None

    def add_bookmark(self, event: Event, note: str = "") -> Bookmark:
        """Bookmark an event (under the id it was first bookmarked by, if any)."""
        existing = self.bookmark_for(event)
        key = existing.event_id if existing else event.id
        return self.user.add(key, event.title, event.date.label(), note)

    def remove_bookmark(self, event_id: str) -> Bookmark | None:
        """Remove the bookmark on an event (or a bookmark of an event no longer in the data)."""
        event = self.catalog.event(event_id)
        mark = self.bookmark_for(event) if event else self.user.get(event_id)
        return self.user.remove(mark.event_id) if mark else None

    def set_note(self, event_id: str, note: str) -> bool:
        """Replace the note on a bookmarked event."""
        event = self.catalog.event(event_id)
        mark = self.bookmark_for(event) if event else self.user.get(event_id)
        return self.user.set_note(mark.event_id, note) if mark else False
