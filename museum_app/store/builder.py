"""Build the catalog from the pack files, and tell when it must be built again."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from museum_app.core.domain import Category, Event
from museum_app.formats.checks import PackError
from museum_app.formats.packs import Pack, load_categories, load_pack
from museum_app.store import catalog_schema, columns, search_writer
from museum_app.store.database import MEMORY, Database, classify
from museum_app.store.pack_cache import PackCache
from museum_app.store.sources import CATALOG_LAYOUT, Fingerprint, Sources

__all__ = ["CATALOG_LAYOUT", "Fingerprint", "PackCache", "Sources", "build", "build_in_memory"]

# A side file this old belongs to no build still running, whatever its process id says.
STALE_SIDE_FILE_SECONDS = 24 * 3600


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a build or an import, then restore it as it was."""
    # Parsing 100,000 events makes millions of objects and no cycles: the collector would run
    # its full passes again and again for nothing, a third of the time of an import.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_all(
    sources: Sources,
    cache: PackCache | None = None,
    digests: Mapping[Path, bytes] | None = None,
) -> tuple[tuple[Category, ...], list[Pack]]:
    """Read and validate every source file, and check them against each other.

    With a cache, a pack whose bytes were parsed before is not parsed again (see PackCache).
    """
    categories = load_categories(sources.categories)
    if cache is not None:
        cache.read_ahead(sources.packs, categories)
    packs: list[Pack] = []
    owner: dict[str, tuple[Pack, Event]] = {}
    known = {c.id for c in categories}
    extra: list[Category] = []
    for path in sources.packs:
        # Without a cache (a build at start-up), no file is hashed again only to find nothing.
        pack = load_pack(path, categories) if cache is None else cache.load(path, categories, digests)
        extra.extend(c for c in pack.categories if c.id not in known)
        known.update(c.id for c in pack.categories)
        for event in pack.events:
            for name in (event.id, *event.aliases):
                if name in owner:
                    other_pack, other = owner[name]
                    field = "id" if name == event.id else "aliases"
                    raise PackError(
                        path,
                        f"event {event.position} ({event.id!r})",
                        field,
                        f"{name!r} is already used by event {other.id!r} in {other_pack.path}",
                    )
                owner[name] = (pack, event)
        packs.append(pack)
    return (*categories, *extra), packs


def load_usable(
    sources: Sources,
    cache: PackCache | None = None,
    digests: Mapping[Path, bytes] | None = None,
) -> tuple[tuple[Category, ...], list[Pack], list[PackError]]:
    """Read every source as load_all does, leaving out (and returning) optional packs that fail."""
    # Shipped packs first, so that a clash between two packs is blamed on the imported one.
    ordered = replace(sources, packs=tuple(sorted(sources.packs, key=sources.optional.__contains__)))
    left_out: list[PackError] = []
    while True:
        try:
            categories, packs = load_all(ordered, cache, digests)
            return categories, packs, left_out
        except PackError as error:
            bad = next((p for p in ordered.optional if str(p) == error.file), None)
            if bad is None:
                raise
            left_out.append(error)
            instead = tuple(builtin for added, builtin in ordered.fallbacks if added == bad)
            ordered = replace(
                ordered,
                packs=(*instead, *(p for p in ordered.packs if p != bad)),
                optional=tuple(p for p in ordered.optional if p != bad),
            )


def _fill(
    conn: sqlite3.Connection,
    sources: Sources,
    cache: PackCache | None = None,
    helper_file: Path | None = None,
) -> None:
    """Validate every source and write the whole catalog, inside the caller's transaction.

    helper_file, if given, is where a second process may write the full-text indexes
    meanwhile (see search_writer.py).
    """
    # First: a pack changed meanwhile is noticed next time. The files the import read already
    # are not read again, unless their stats changed since.
    fingerprint = sources.fingerprint(cache.hashed if cache is not None else None)
    categories, packs, left_out = load_usable(sources, cache, fingerprint.digests)
    events = sorted((e for pack in packs for e in pack.events), key=Event.sort_key)
    catalog_schema.create_v1(conn)
    conn.execute(f"PRAGMA user_version = {len(catalog_schema.MIGRATIONS)}")
    catalog_schema.write_categories(conn, categories)
    for pack in packs:
        catalog_schema.write_pack(conn, pack)
    writer = None
    if helper_file is not None and len(events) >= search_writer.HELPED_FROM_EVENTS:
        writer = search_writer.SearchWriter.start(helper_file)
    try:
        if writer is not None:
            writer.send(events)
        catalog_schema.write_events(conn, events)
        columns.write_columns(conn, events, categories)
        if writer is None or not writer.copy_into(conn, SEARCH_TABLES):
            catalog_schema.write_search(conn, events)
    finally:
        if writer is not None:
            writer.close()
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('content_hash', ?), ('source_stats', ?)",
        (fingerprint.content_hash, fingerprint.stats),
    )
    if left_out:
        # Kept with the catalog, so that the person is told on every start, not only this one.
        notes = json.dumps([str(error) for error in left_out])
        conn.execute("INSERT INTO meta (key, value) VALUES ('left_out', ?)", (notes,))


# What a search writer writes for the build (see search_writer.py). The columns are written
# here meanwhile: the indexes take about as long as the rest together.
SEARCH_TABLES = ("events_fts", "events_han")


def build(target: Path, sources: Sources, cache: PackCache | None = None) -> None:
    """Build a fresh catalog beside target, then swap it in, so that a failed build changes nothing.

    Each build writes its own side file, so two processes building at once never share one.
    The catalog is never written after this, and it is read as immutable: it has no -wal or
    -shm, and a process that still reads the old file keeps reading it whole until it closes.
    cache, if given, holds the packs an import parsed already (see PackCache).
    """
    _sweep(target)
    side = target.with_name(f"{target.name}.{os.getpid()}-{secrets.token_hex(4)}.building")
    try:
        conn = sqlite3.connect(side, isolation_level=None)
        try:
            # A throwaway file until it is complete: no journal needed while it is written.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("BEGIN")
            with collection_paused():
                _fill(conn, sources, cache, side.with_suffix(".helper.building"))
            conn.execute("COMMIT")
        finally:
            conn.close()
        _sync(side)
        os.replace(side, target)
        _sync(target.parent)
    except sqlite3.Error as error:
        _discard(side)
        raise classify(error, target) from error
    except BaseException:
        _discard(side)
        raise


def build_in_memory(sources: Sources) -> Database:
    """Build the catalog in memory, for when no folder can hold it."""
    db = Database(MEMORY, ())
    try:
        with db.transaction() as conn, collection_paused():
            _fill(conn, sources)
    except BaseException:
        db.close()
        raise
    return db


def _sync(path: Path) -> None:
    """Flush a file or a folder to the disk, so that a swapped-in catalog is never half there."""
    # Some systems cannot open or sync a folder; the catalog can always be rebuilt anyway.
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _sweep(target: Path) -> None:
    """Remove side files that builds which died left behind (never those of a live one)."""
    for side in target.parent.glob(f"{target.name}.*building"):
        owner = side.name[len(target.name) + 1 :].split("-", 1)[0]
        try:
            old = time.time() - side.stat().st_mtime > STALE_SIDE_FILE_SECONDS
        except OSError:
            continue  # gone already
        if old or not (owner.isdigit() and _alive(int(owner))):
            _discard(side)


def _discard(path: Path) -> None:
    """Remove a side file if it can be removed; only tidiness is lost if not."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """Return whether a process with this id is running."""
    if os.name != "posix":
        return True  # signal 0 means Ctrl+C on Windows: leave such files to grow old instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
