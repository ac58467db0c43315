"""The app's data in one place: the catalog kept current, and the person's bookmarks."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from museum_app.core.domain import Bookmark, Event
from museum_app.formats.checks import ID_PATTERN
from museum_app.store import environment, recovery
from museum_app.store.catalog import Catalog
from museum_app.store.database import MEMORY, StoreError
from museum_app.store.marks import Marks
from museum_app.store.messages import Message
from museum_app.store.sources import Sources, checked_stats, remember_checked
from museum_app.store.user import NoteSaved

if TYPE_CHECKING:
    from museum_app.formats.packs import Pack
    from museum_app.store.builder import PackCache

# The builder (and with it the packs' parsing and checks) is imported only to build: a start
# with a current catalog, the usual one, never needs it.

CATALOG_FILE = "catalog.sqlite3"
CHECKED_FILE = "catalog-checked.json"  # the sources' stats last found to match the catalog
USER_FILE = "user.sqlite3"
PACKS_DIR = "packs"


class Library:
    """Opens the catalog (building it when the packs changed) and the user file.

    It always opens, if the shipped packs are sound. When the bookmarks cannot be saved
    (a missing, read-only or full data folder, or a damaged file another window holds),
    user_problem says so in a sentence for the person; the bookmarks that exist are still
    shown, and every write raises StoreError instead of being dropped. A damaged user file
    is moved aside, never deleted: recovered_from names where it went, and what could be
    read from it (recovered_count bookmarks) is in a fresh file. notices() says all of this,
    and names any imported pack that was left out, in sentences for the person.
    """

    def __init__(self, data_dir: Path, shipped: Path) -> None:
        if _same_folder(data_dir, shipped):
            # Its packs would be taken as the app's own by every data folder, and the app's
            # folder is replaced by the next update of the app.
            raise StoreError(
                f"{data_dir}: this is the app's own data folder; keep your data in another one",
                "SHIPPED_FOLDER",
            )
        self.data_dir = data_dir
        self.shipped = shipped
        self._scratch: Path | None = None
        # Why nothing can be saved in the data folder, or None when it can.
        self._unwritable = environment.unwritable_reason(data_dir)
        self.catalog = self._open_catalog()
        self._marks = Marks()
        opened = recovery.open_user(data_dir / USER_FILE, self._unwritable, self._title_of)
        self.user = opened.store
        self.recovered_from, self.recovered_count = opened.moved_to, opened.recovered

    @property
    def user_problem(self) -> str | None:
        """Return, for the person, why bookmark changes cannot be kept; None when they can."""
        return self.user.problem

    @property
    def can_save(self) -> bool:
        """Return whether bookmarks and notes can be saved."""
        return self.user.problem is None

    def notices(self) -> list[str]:
        """Return what the person should be told about their data, in plain sentences."""
        told = [self.user_problem] if self.user_problem else []
        left_out = "A data pack was left out: {problem}"
        told.extend(Message("PACK_LEFT_OUT", left_out, problem=p) for p in self.catalog.left_out())
        if self.recovered_from is not None:
            recovered = (
                "Your bookmarks file was damaged. It was moved to {path} and kept; {count} "
                "bookmarks were recovered from it into a new file."
            )
            told.append(
                Message("RECOVERED", recovered, path=self.recovered_from, count=self.recovered_count)
            )
        return told

    def _sources(self) -> Sources:
        """Return the files the catalog derives from."""
        return Sources.find(self.shipped, self.data_dir / PACKS_DIR)

    def _open_catalog(self) -> Catalog:
        """Open the catalog, rebuilding it if it is missing, stale or damaged, wherever it fits."""
        path = self.data_dir / CATALOG_FILE
        sources = self._sources()
        mend = None if self._unwritable else lambda: self._build(path)
        current = _current_catalog(path, sources, mend, self.data_dir / CHECKED_FILE)
        if current is not None:
            return current
        if self._unwritable is None:
            try:
                return Catalog(self._build(path), rebuild=mend)
            except (StoreError, OSError):
                pass  # The folder failed us after all: build it where it fits.
        return self._scratch_catalog(sources)

    def _build(self, path: Path, cache: PackCache | None = None) -> Path:
        """Build the catalog from the current sources at path, and return path."""
        from museum_app.store import builder

        builder.build(path, self._sources(), cache)
        return path

    def _scratch_catalog(self, sources: Sources) -> Catalog:
        """Build the catalog in a temporary folder, or else in memory, for this session only."""
        from museum_app.store import builder

        try:
            self._scratch = Path(tempfile.mkdtemp(prefix="museum-app-catalog-"))
            builder.build(self._scratch / CATALOG_FILE, sources)
            return Catalog(self._scratch / CATALOG_FILE)
        except (StoreError, OSError):
            self._remove_scratch()
        return Catalog(MEMORY, builder.build_in_memory(sources))

    def _title_of(self, event_id: str) -> tuple[str, str] | None:
        """Return an event's title and date label, if it is in the catalog."""
        event = self.catalog.event(event_id)
        return (event.title, event.date.label()) if event else None

    def _remove_scratch(self) -> None:
        """Delete the temporary folder a catalog was built in, if any."""
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def close(self) -> None:
        """Close both files."""
        self.catalog.close()
        self.user.close()
        self._remove_scratch()

    def validate_pack(self, path: Path) -> Pack:
        """Check a pack on its own and against the data already here, changing nothing."""
        from museum_app.store import builder

        cache = builder.PackCache()
        try:
            return self._validated(path, cache)[0]
        finally:
            cache.close()

    def _validated(self, path: Path, cache: PackCache) -> tuple[Pack, bytes, bytes]:
        """Check a pack as validate_pack does; return it, the bytes it was read from, their hash."""
        from museum_app.formats.packs import load_categories, load_pack, read_raw
        from museum_app.store import builder

        with builder.collection_paused():
            raw = read_raw(path)
            sources = self._sources()
            categories = load_categories(sources.categories)
            # The others are parsed meanwhile, the last of them by a second process. A pack
            # is named by its id, so the one this replaces is most likely the namesake.
            cache.read_ahead([path, *(p for p in sources.packs if p.name != path.name)], categories)
            # Checked against the app's own categories, as the build checks every pack: those
            # of the catalog include this pack's own when it replaces an earlier version.
            pack = load_pack(path, categories, raw)
            digest = cache.add(raw, pack)
            others = tuple(p for p in sources.packs if p.name != f"{pack.id}.json")
            # The pack is not parsed again: the cache holds it, under the hash of these bytes.
            together = Sources(sources.categories, (*others, path))
            builder.load_all(together, cache, {path: digest})
        return pack, raw, digest

    def replaces_shipped(self, pack_id: str) -> bool:
        """Return whether a pack of this id would take the place of one shipped with the app."""
        return (self.shipped / PACKS_DIR / f"{pack_id}.json").exists()

    def import_pack(self, path: Path) -> Pack:
        """Add a pack (or a new version of one) and rebuild the catalog; a bad pack changes nothing."""
        if self._unwritable is not None:
            raise StoreError(f"The pack cannot be imported: {self._unwritable}.", "READ_ONLY")
        # One import at a time per data folder: each is checked against the packs already
        # there, so two at once could each pass and then clash, one of them left out.
        with _import_lock(self.data_dir):
            return self._import_pack(path)

    def _import_pack(self, path: Path) -> Pack:
        """Check, add and build, under the import lock."""
        from museum_app.store import builder

        cache = builder.PackCache()  # so that the check and the build parse each file once
        try:
            return self._check_and_build(path, cache)
        finally:
            cache.close()

    def _check_and_build(self, path: Path, cache: PackCache) -> Pack:
        """Check a pack, add it to the pack folder and build the catalog with it."""
        pack, raw, digest = self._validated(path, cache)
        folder = self.data_dir / PACKS_DIR
        folder.mkdir(exist_ok=True)
        target = folder / f"{pack.id}.json"
        previous = target.read_bytes() if target.exists() else None
        # The bytes that were checked, not the file read again: it may have changed since.
        _write_whole(target, raw)
        cache.remember(target, digest)
        del raw  # the pack's whole file: not held through the build
        built = self.data_dir / CATALOG_FILE
        try:
            catalog = Catalog(self._build(built, cache), rebuild=lambda: self._build(built))
        except BaseException:
            # Put the pack folder back, so that the catalog (never swapped) matches it again.
            if previous is None:
                target.unlink()
            else:
                _write_whole(target, previous)
            raise
        self.catalog.close()
        self.catalog = catalog
        self._remove_scratch()
        return pack

    def imported_packs(self) -> list[tuple[str, str, int]]:
        """Return the id, title and number of events of each pack imported here."""
        folder = (self.data_dir / PACKS_DIR).resolve()
        return [(i, t, n) for i, t, f, n in self.catalog.packs() if Path(f).resolve().parent == folder]

    def remove_pack(self, pack_id: str) -> bool:
        """Take an imported pack out and rebuild the catalog; bookmarks on its events are kept."""
        target = self.data_dir / PACKS_DIR / f"{pack_id}.json"
        if not ID_PATTERN.fullmatch(pack_id) or not target.is_file():
            return False  # an id is never a path: nothing outside the pack folder is touched
        if self._unwritable is not None:
            raise StoreError(f"The pack cannot be removed: {self._unwritable}.", "READ_ONLY")
        previous = target.read_bytes()
        target.unlink()
        built = self.data_dir / CATALOG_FILE
        try:
            catalog = Catalog(self._build(built), rebuild=lambda: self._build(built))
        except BaseException:
            _write_whole(target, previous)  # the catalog (never swapped) matches the folder again
            raise
        self.catalog.close()
        self.catalog = catalog
        self._remove_scratch()
        return True

    def bookmarks(self) -> list[Bookmark]:
        """Return every bookmark with its event attached (None for an event that left the data)."""
        return self._marks.all(self.user, self.catalog)

    def bookmarked_ids(self) -> frozenset[str]:
        """Return the current ids of the bookmarked events (following renamed ids)."""
        return self._marks.current_ids(self.user, self.catalog)

    def _writing(self, *ids: str) -> contextlib.AbstractContextManager[None]:
        """Return the context of a write of these bookmarks (see Marks.writing)."""
        return self._marks.writing(self.user, self.catalog, ids)

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
        with self._writing(key):
            return self.user.add(key, event.title, event.date.label(), note)

    def remove_bookmark(self, event_id: str) -> Bookmark | None:
        """Remove the bookmark on an event (or a bookmark of an event no longer in the data)."""
        event = self.catalog.event(event_id)
        mark = self.bookmark_for(event) if event else self.user.get(event_id)
        if mark is None:
            return None
        with self._writing(mark.event_id):
            return self.user.remove(mark.event_id)

    def set_note(self, event_id: str, note: str) -> bool:
        """Replace the note on a bookmarked event."""
        event = self.catalog.event(event_id)
        mark = self.bookmark_for(event) if event else self.user.get(event_id)
        if mark is None:
            return False
        with self._writing(mark.event_id):
            return self.user.set_note(mark.event_id, note)

    def import_bookmarks(self, bookmarks: list[Bookmark]) -> int:
        """Add bookmarks read from a file, merging notes; an event's title is the catalog's own."""
        kept = []
        for mark in bookmarks:
            event = self.catalog.event(mark.event_id)
            # A file cannot rename an event: the title shown stays the one in the data.
            kept.append(
                replace(mark, title=event.title, date_label=event.date.label()) if event else mark
            )
        return self.restore_bookmarks(kept)

    def restore_bookmarks(self, bookmarks: list[Bookmark]) -> int:
        """Put bookmarks back (undo, import), merging notes with any already there."""
        with self._writing(*(mark.event_id for mark in bookmarks)):
            return self.user.restore(bookmarks)

    def save_note(self, event_id: str, note: str, base: str) -> tuple[NoteSaved, str]:
        """Save a note typed in the window over base, keeping any newer note and the bookmark."""
        event = self.catalog.event(event_id)
        mark = self.bookmark_for(event) if event else self.user.get(event_id)
        key = mark.event_id if mark else event_id
        title = event.title if event else (mark.title if mark else event_id)
        label = event.date.label() if event else (mark.date_label if mark else "")
        with self._writing(key):
            return self.user.save_note(key, note, base, title, label)


def _current_catalog(
    path: Path, sources: Sources, mend: Callable[[], Path] | None, record: Path
) -> Catalog | None:
    """Open the catalog file if it is sound and built from these very sources."""
    try:
        catalog = Catalog(path, rebuild=mend)
    except (StoreError, OSError):
        return None  # missing or damaged: it is only derived data, built again
    try:
        if _built_from(catalog, sources, record):
            return catalog
    except StoreError:
        pass
    except BaseException:
        catalog.close()  # a source that cannot be read: say so, leaving nothing open
        raise
    catalog.close()
    return None


def _built_from(catalog: Catalog, sources: Sources, record: Path) -> bool:
    """Return whether the catalog holds what the sources hold, hashing them only if need be."""
    # Stats as the build saw them, or as the last hash that matched saw them: no file was
    # written since (the packs are 90 MB at 100,000 events, too much to read on every start).
    # Stats that differ (a file touched or copied over unchanged, or moved) do not condemn
    # the catalog: the hash of the bytes decides.
    content_hash = catalog.meta("content_hash")
    try:
        stats = sources.stats()
        if stats in (catalog.meta("source_stats"), checked_stats(record, content_hash)):
            return True
    except OSError:
        pass  # a file that cannot even be looked at: hashing it says why
    fingerprint = sources.fingerprint()
    if fingerprint.content_hash != content_hash:
        return False
    remember_checked(record, fingerprint.stats, content_hash)
    return True


@contextlib.contextmanager
def _import_lock(folder: Path) -> Iterator[None]:
    """Hold the data folder's import lock, waiting for an import under way elsewhere."""
    try:
        import fcntl
    except ImportError:  # not on Unix: one import at a time is then the person's care
        yield
        return
    with open(folder / ".import.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # let go when the file is closed
        yield


def _same_folder(one: Path, other: Path) -> bool:
    """Return whether two paths name the same folder."""
    try:
        return one.resolve() == other.resolve() or (one.exists() and one.samefile(other))
    except OSError:
        return False


def _write_whole(target: Path, data: bytes) -> None:
    """Write a file so that it is either the old one or the new one whole, never half of each."""
    fd, staged = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".importing")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(staged, target)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise
