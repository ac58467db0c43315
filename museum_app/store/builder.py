"""Build the catalog from the pack files, and tell when it must be built again."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from museum_app.core.domain import Category, Event
from museum_app.store import catalog_schema
from museum_app.store.checks import PackError
from museum_app.store.packs import Pack, load_categories, load_pack

# Part of the content hash: a change in how the catalog is laid out forces a rebuild too.
CATALOG_LAYOUT = "catalog-1"


@dataclass(frozen=True, slots=True)
class Sources:
    """The files the catalog is derived from."""

    categories: Path
    packs: tuple[Path, ...]

    @classmethod
    def find(cls, shipped: Path, imported: Path) -> Sources:
        """Collect the shipped packs and the imported ones; an imported pack replaces its namesake."""
        chosen = {p.name: p for p in sorted((shipped / "packs").glob("*.json"))}
        chosen.update({p.name: p for p in sorted(imported.glob("*.json"))})
        return cls(shipped / "categories.json", tuple(chosen[name] for name in sorted(chosen)))

    def content_hash(self) -> str:
        """Hash the files' bytes, so that any change to any of them is noticed."""
        digest = hashlib.sha256(CATALOG_LAYOUT.encode())
        for path in (self.categories, *self.packs):
            digest.update(path.name.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()


def load_all(sources: Sources) -> tuple[tuple[Category, ...], list[Pack]]:
    """Read and validate every source file, and check them against each other."""
    categories = load_categories(sources.categories)
    packs: list[Pack] = []
    owner: dict[str, tuple[Pack, Event]] = {}
    known = {c.id for c in categories}
    extra: list[Category] = []
    for path in sources.packs:
        pack = load_pack(path, categories)
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


def build(target: Path, sources: Sources) -> None:
    """Build a fresh catalog beside target, then swap it in, so that a failed build changes nothing."""
    content_hash = sources.content_hash()
    categories, packs = load_all(sources)
    events = sorted((e for pack in packs for e in pack.events), key=Event.sort_key)
    temporary = target.with_name(target.name + ".building")
    for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
        leftover.unlink(missing_ok=True)
    conn = sqlite3.connect(temporary, isolation_level=None)
    try:
        # A throwaway file until it is complete: no journal needed while it is written.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        catalog_schema.create_v1(conn)
        conn.execute(f"PRAGMA user_version = {len(catalog_schema.MIGRATIONS)}")
        catalog_schema.write_categories(conn, categories)
        for pack in packs:
            catalog_schema.write_pack(conn, pack)
        catalog_schema.write_events(conn, events)
        conn.execute("INSERT INTO meta (key, value) VALUES ('content_hash', ?)", (content_hash,))
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    for stale in (Path(f"{target}-wal"), Path(f"{target}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(temporary, target)
