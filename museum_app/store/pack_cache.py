"""Packs parsed once per import, some of them by a second process meanwhile."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from museum_app.core.domain import Category
from museum_app.formats.packs import Pack, load_pack, read_raw, reuse_pack
from museum_app.store import helper
from museum_app.store.sources import Hashed

# Below this many bytes for it to parse, a second process costs more than it saves (the
# shipped pack is 40 kB; 100,000 events are 100 MB and take two seconds to parse and check).
READ_AHEAD_FROM_BYTES = 10 << 20
# What handing a pack over costs, as a share of parsing it: the second process writes it
# with pickle in a third of the time parsing took (slowed by this one working meanwhile),
# and this one reads it back in a fifth.
HAND_OVER, TAKE_OVER = 0.4, 0.22
_POLL_SECONDS = 0.01  # how often a pack the second process has not handed over yet is looked for


class PackCache:
    """Packs parsed during one import, by the SHA-256 of the bytes each was parsed from.

    The same bytes make the same pack wherever the file lies, so the import's own check, its
    check against the other packs and the build parse and validate each file once between them.
    """

    def __init__(self) -> None:
        self._packs: dict[bytes, Pack] = {}
        self._hashed: dict[Path, Hashed] = {}  # the files read, for the build's fingerprint
        self._started = False
        self._pending: dict[Path, int] = {}  # packs the second process parses, by number
        self._reader: int | None = None
        self._folder: Path | None = None

    def add(self, raw: bytes, pack: Pack) -> bytes:
        """Keep a pack parsed from raw; return the hash it is kept under."""
        digest = hashlib.sha256(raw).digest()
        self._packs[digest] = pack
        return digest

    @property
    def hashed(self) -> Mapping[Path, Hashed]:
        """Return the hash of each file read so far, with the stats it had then."""
        return self._hashed

    def remember(self, path: Path, digest: bytes) -> None:
        """Note that the file at path (just written) holds the bytes with this hash."""
        with contextlib.suppress(OSError):  # not noted: the build's fingerprint reads it
            self._hashed[path] = Hashed.of(path.stat(), digest)

    def read_ahead(self, paths: Sequence[Path], categories: tuple[Category, ...]) -> None:
        """Have a second process parse the last of paths meanwhile, if they are big enough.

        Once per cache. This process parses the first of them, in order, as load asks for
        them; the others it takes from the second process. A pack that process could not
        parse, or whose file changed since, is parsed here as if it had never been read ahead.
        """
        if self._started:
            return
        self._started = True
        sizes = []
        for path in paths:
            try:
                sizes.append(path.stat().st_size)
            except OSError:
                sizes.append(0)  # load reports it
        count = _split(sizes)
        share = list(paths[len(paths) - count :])
        if sum(sizes[len(sizes) - count :]) < READ_AHEAD_FROM_BYTES:
            return
        folder = Path(tempfile.mkdtemp(prefix="museum-app-packs-"))
        pid = helper.fork(lambda: _parse_into(folder, share, categories))
        if pid is None:
            shutil.rmtree(folder, ignore_errors=True)
            return
        self._reader, self._folder = pid, folder
        self._pending = {path: number for number, path in enumerate(share)}

    def load(
        self, path: Path, categories: tuple[Category, ...], digests: Mapping[Path, bytes] | None
    ) -> Pack:
        """Load a pack as load_pack does, parsing it only if its bytes were not parsed before.

        digests, if given, holds the hash of what the file held when the catalog's content
        hash was taken: the pack parsed from those very bytes is the one that hash describes.
        """
        if path in self._pending:
            self._take_read_ahead(self._pending.pop(path))
        digest = digests.get(path) if digests is not None else None
        if digest is None or digest not in self._packs:
            status = _status(path)
            raw = read_raw(path)
            digest = hashlib.sha256(raw).digest()
            if status is not None:
                self._hashed[path] = Hashed.of(status, digest)
            if digest not in self._packs:
                self._packs[digest] = load_pack(path, categories, raw)
                return self._packs[digest]
        return reuse_pack(self._packs[digest], path, categories)

    def close(self) -> None:
        """End the second process if it still runs, and remove what it wrote."""
        if self._reader is not None:
            helper.end(self._reader)
            self._reader = None
        self._pending = {}
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def _take_read_ahead(self, number: int) -> None:
        """Keep the pack the second process parsed as its number-th, once it is handed over."""
        if self._folder is None:
            return
        written = self._folder / f"{number}.pickle"
        while not written.exists() and self._reader is not None:
            ended, _ = os.waitpid(self._reader, os.WNOHANG)
            if ended:
                self._reader = None  # ended: what it wrote is all there will be
            else:
                time.sleep(_POLL_SECONDS)
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, ValueError):
            path, hashed, pack = pickle.loads(written.read_bytes())
            self._packs.setdefault(hashed.digest, pack)
            self._hashed[path] = hashed
        with contextlib.suppress(OSError):
            written.unlink()  # held in memory now: the folder holds each pack only until then
        if not self._pending:
            self.close()


def _split(sizes: Sequence[int]) -> int:
    """Return how many of the last packs the second process takes, so that both end soonest."""
    total = sum(sizes)
    best, best_time, taken = 0, float(total), 0
    # This process keeps the first pack at least: it is the one being imported, checked first.
    # It parses its own, then reads what the second hands over, as each is handed over.
    for count in range(1, len(sizes)):
        taken += sizes[-count]
        ends = max(total - taken + TAKE_OVER * taken, (1 + HAND_OVER + TAKE_OVER) * taken)
        if ends < best_time:
            best, best_time = count, ends
    return best


def _parse_into(folder: Path, paths: Sequence[Path], categories: tuple[Category, ...]) -> None:
    """Parse each pack and write it, with the hash of its bytes, into folder (in the second process)."""
    for number, path in enumerate(paths):
        try:
            status = path.stat()
            raw = read_raw(path)
            pack = load_pack(path, categories, raw)
        except Exception:  # parsed again by the build, which reports the error
            continue
        hashed = Hashed.of(status, hashlib.sha256(raw).digest())
        # Written whole, then named: the build takes only files that are complete.
        part = folder / f"{number}.part"
        part.write_bytes(pickle.dumps((path, hashed, pack), pickle.HIGHEST_PROTOCOL))
        part.rename(folder / f"{number}.pickle")


def _status(path: Path) -> os.stat_result | None:
    """Return a file's stats taken before it is read, or None (read_raw then says what is wrong)."""
    try:
        return path.stat()
    except OSError:
        return None
