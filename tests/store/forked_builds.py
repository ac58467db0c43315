"""Imports run in a process of their own, so that the build may fork its pack reader.

A test process runs threads (Qt's among them), and a build there never forks: the reader
only runs in a process with one thread, as the command line is. Run as a script:
`python forked_builds.py KIND FOLDER`; it prints one JSON object: what the catalog answers,
which helpers ran, and the files left behind.

KIND: "helped" imports with every helper, however small the packs; "failing" does the same
with helpers that fail at their work.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from museum_app.formats import packs
from museum_app.store import helper, pack_cache, search_writer
from tests.store.test_catalog_answers import imported

PARENT = os.getpid()
HELPERS: list[str] = []  # "reader" for each fork made, "writer" for each writer started
# A writer that fails at once (as one whose disk is full would, later).
FAILING_WRITER = "import sys; sys.exit(1)"


def _spy() -> None:
    """Note every helper: each fork (a reader of packs) and each search writer started."""
    fork, start = helper.fork, search_writer.SearchWriter.start

    def counted(work: Any) -> int | None:
        pid = fork(work)
        if pid is not None:
            HELPERS.append("reader")
        return pid

    def started(path: Path) -> search_writer.SearchWriter | None:
        writer = start(path)
        if writer is not None:
            HELPERS.append("writer")
        return writer

    helper.fork = counted  # type: ignore[assignment]
    search_writer.SearchWriter.start = started  # type: ignore[method-assign,assignment]


def _failing_helpers() -> None:
    """Make parsing a pack fail in any process but this one, and every search writer fail."""
    load_pack = packs.load_pack

    def load(*args: Any) -> Any:
        if os.getpid() != PARENT:
            raise MemoryError("the reader ran out of memory")
        return load_pack(*args)

    pack_cache.load_pack = load  # type: ignore[assignment]
    search_writer._command = lambda path, texts: [sys.executable, "-c", FAILING_WRITER]


def _left(folder: Path, temp: Path) -> list[str]:
    """Return the files a build left beside the catalog and in the temporary folder."""
    beside = [p.name for p in (folder / "data").glob("*building")]
    return sorted(beside + [p.name for p in temp.iterdir()])


def main(kind: str, folder: Path) -> dict[str, Any]:
    """Run the case named kind in folder, and return what it found."""
    temp = folder / "temp"
    temp.mkdir()
    tempfile.tempdir = str(temp)  # the reader's hand-over folder goes here, to be looked at
    search_writer.HELPED_FROM_EVENTS = 0
    pack_cache.READ_AHEAD_FROM_BYTES = 0
    _spy()
    if kind == "failing":
        _failing_helpers()
    answers = imported(folder)
    return {"answers": answers, "helpers": HELPERS, "left": _left(folder, temp)}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))), flush=True)
