"""The files the catalog is derived from, and how to tell whether they changed.

Kept apart from the builder: opening a current catalog needs only this, not the packs'
parsing and checks.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Part of the content hash: a change in how the catalog is laid out forces a rebuild too.
# catalog-2: written without a -wal and read as immutable. catalog-4: the summary columns.
# catalog-5: translations, other names, and the index of Chinese characters and pairs.
# catalog-6: the date labels in every language the app speaks, the packs' titles in theirs.
# catalog-7: each pack's number of events kept with it (a count at each start read every event).
# catalog-8: the index of Chinese pairs cut by the ascii tokenizer (the same terms, made faster).
CATALOG_LAYOUT = "catalog-8"


@dataclass(frozen=True, slots=True)
class Sources:
    """The files the catalog is derived from.

    optional holds the imported packs: one that breaks the rules (rules an update of the app
    made stricter, say) is left out with a notice instead of keeping the app from opening,
    and the shipped pack it replaced, if any (in fallbacks), takes its place again.
    """

    categories: Path
    packs: tuple[Path, ...]
    optional: tuple[Path, ...] = ()
    fallbacks: tuple[tuple[Path, Path], ...] = ()

    @classmethod
    def find(cls, shipped: Path, imported: Path) -> Sources:
        """Collect the shipped packs and the imported ones; an imported pack replaces its namesake."""
        builtin = {p.name: p for p in sorted((shipped / "packs").glob("*.json"))}
        added = {p.name: p for p in sorted(imported.glob("*.json"))}
        chosen = {**builtin, **added}
        return cls(
            shipped / "categories.json",
            tuple(chosen[name] for name in sorted(chosen)),
            tuple(added[name] for name in sorted(added)),
            tuple((added[name], builtin[name]) for name in sorted(added) if name in builtin),
        )

    def stats(self) -> str:
        """Describe the files by name, size and modification time, reading none of them."""
        return _stats_text([(path, path.stat()) for path in (self.categories, *self.packs)])

    def fingerprint(self, hashed: Mapping[Path, Hashed] | None = None) -> Fingerprint:
        """Read and hash every file, noting the stats each had just before it was read.

        hashed holds files read and hashed already (an import's): one whose stats are still
        those it had when read is not read again. A gigabyte of packs took a second to hash.
        """
        import hashlib  # only when the stats differ: a start with a current catalog hashes nothing

        digest = hashlib.sha256(CATALOG_LAYOUT.encode())
        stats: list[tuple[Path, os.stat_result]] = []
        digests: dict[Path, bytes] = {}
        for path in (self.categories, *self.packs):
            # Stats first: a change made while the file is read then shows in the stats of
            # the next start, which hashes the file again instead of trusting them.
            status = path.stat()
            stats.append((path, status))
            known = hashed.get(path) if hashed is not None else None
            if known is not None and known.same_stats(status):
                digests[path] = known.digest
            else:
                digests[path] = hashlib.sha256(path.read_bytes()).digest()
            digest.update(path.name.encode() + b"\0")
            digest.update(digests[path])
        return Fingerprint(_stats_text(stats), digest.hexdigest(), digests)


@dataclass(frozen=True, slots=True)
class Hashed:
    """A file's SHA-256, with the size and modification time it had just before it was read."""

    size: int
    mtime_ns: int
    digest: bytes

    @classmethod
    def of(cls, status: os.stat_result, digest: bytes) -> Hashed:
        """Return the hash of a file read with this status."""
        return cls(status.st_size, status.st_mtime_ns, digest)

    def same_stats(self, status: os.stat_result) -> bool:
        """Return whether a file with this status is, as far as its stats tell, the one hashed."""
        return (status.st_size, status.st_mtime_ns) == (self.size, self.mtime_ns)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a catalog records of the files it is built from, and each file's own hash."""

    stats: str  # names, sizes and modification times, a cheap test of whether any file changed
    content_hash: str  # of every file's bytes: the real test of whether the catalog is current
    digests: dict[Path, bytes]  # each file's SHA-256, to find the packs parsed already


def _stats_text(stats: list[tuple[Path, os.stat_result]]) -> str:
    """Write files' names, sizes and modification times (in nanoseconds) as the catalog keeps them.

    The layout is written too: an app that lays its catalog out anew builds it again, however
    unchanged the files are.
    """
    files = [[path.name, s.st_size, s.st_mtime_ns] for path, s in stats]
    return json.dumps({"layout": CATALOG_LAYOUT, "files": files})


def checked_stats(record: Path, content_hash: str | None) -> str | None:
    """Return the stats the record says were last hashed to content_hash, or None."""
    if content_hash is None:
        return None
    try:
        kept = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # none yet, or unreadable: the files are hashed, as without a record
    if not isinstance(kept, dict) or kept.get("content_hash") != content_hash:
        return None
    stats = kept.get("source_stats")
    return stats if isinstance(stats, str) else None


def remember_checked(record: Path, stats: str, content_hash: str) -> None:
    """Record that files with these stats hashed to content_hash, so the next start need not.

    Kept beside the catalog, which is read as immutable and so never written once built: an
    update of the app rewrites its packs unchanged with new times, and without this record
    every start after it would hash them all again (a second at a million events).
    """
    text = json.dumps({"content_hash": content_hash, "source_stats": stats})
    with contextlib.suppress(OSError):  # only a later start's time is lost if not
        fd, staged = tempfile.mkstemp(dir=record.parent, prefix=f".{record.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(staged, record)
        finally:
            Path(staged).unlink(missing_ok=True)
