"""Imports run in a process of their own, so that the build may fork its helpers.

A test process runs threads (Qt's among them), and a build there never forks: the store's
helpers only run in a process with one thread, as the command line is. Run as a script:
`python forked_builds.py KIND FOLDER`; it prints one JSON object: what the catalog answers,
which helpers ran, and the files left behind.

KIND: "helped" imports with every helper, however small the packs; "failing" does the same
with helpers that fail at their work; "stopped" starts a helper that never ends and closes it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from museum_app.formats import packs
from museum_app.store import catalog_schema, helper, pack_cache
from tests.store.test_catalog_answers import imported

PARENT = os.getpid()
FORKS: list[str] = []  # "reader" or "helper", for each fork made
_MAKING = ["helper"]  # what a fork now would be


def _spy() -> None:
    """Note every fork, and whether it reads packs ahead or writes the indexes."""
    fork, read_ahead = helper.fork, pack_cache.PackCache.read_ahead

    def counted(work: Any) -> int | None:
        pid = fork(work)
        if pid is not None:
            FORKS.append(_MAKING[0])
        return pid

    def reading(cache: pack_cache.PackCache, *args: Any) -> None:
        _MAKING[0] = "reader"
        try:
            read_ahead(cache, *args)
        finally:
            _MAKING[0] = "helper"

    helper.fork = counted  # type: ignore[assignment]
    pack_cache.PackCache.read_ahead = reading  # type: ignore[method-assign]


def _failing_in_children() -> None:
    """Make parsing a pack and writing the indexes fail in any process but this one."""
    load_pack, write_search = packs.load_pack, catalog_schema.write_search

    def load(*args: Any) -> Any:
        if os.getpid() != PARENT:
            raise MemoryError("the reader ran out of memory")
        return load_pack(*args)

    def write(*args: Any) -> None:
        if os.getpid() != PARENT:
            raise OSError("the helper's disk is full")
        write_search(*args)

    pack_cache.load_pack = load  # type: ignore[assignment]
    catalog_schema.write_search = write  # type: ignore[assignment]


def _left(folder: Path, temp: Path) -> list[str]:
    """Return the files a build left beside the catalog and in the temporary folder."""
    beside = [p.name for p in (folder / "data").glob("*building")]
    return sorted(beside + [p.name for p in temp.iterdir()])


def main(kind: str, folder: Path) -> dict[str, Any]:
    """Run the case named kind in folder, and return what it found."""
    temp = folder / "temp"
    temp.mkdir()
    tempfile.tempdir = str(temp)  # the reader's hand-over folder goes here, to be looked at
    helper.HELPED_FROM_EVENTS = 0
    pack_cache.READ_AHEAD_FROM_BYTES = 0
    _spy()
    if kind == "failing":
        _failing_in_children()
    if kind == "stopped":
        side = folder / "side.sqlite3"
        started = helper.Helper.start(side, lambda conn: time.sleep(600))
        assert started is not None
        pid = started.pid
        began = time.monotonic()
        started.close()
        try:
            os.waitpid(pid or 0, os.WNOHANG)
            reaped = False
        except ChildProcessError:
            reaped = True
        return {"reaped": reaped, "seconds": time.monotonic() - began, "exists": side.exists()}
    answers = imported(folder)
    return {"answers": answers, "forks": FORKS, "left": _left(folder, temp)}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))), flush=True)
