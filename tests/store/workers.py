"""Child processes for the crash, concurrency and full-disk tests; each says what it did.

Run as a script: `python workers.py KIND ARGS...`. Every line it prints is one JSON list,
written and flushed only after the write it reports has committed.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

from museum_app import paths
from museum_app.core.domain import Bookmark
from museum_app.store.database import StoreError
from museum_app.store.library import Library
from museum_app.store.user import UserStore, now

WORDS = ["WeChat", "微信", "red envelope", "打车", "Ünïcödé", "emoji 🎉", '"quoted"', "line\nbreak"]


def say(*parts: Any) -> None:
    """Print one line and push it out at once, so that a kill a moment later cannot lose it."""
    print(json.dumps(parts, ensure_ascii=False), flush=True)


def note(rng: random.Random, tag: str) -> str:
    """Return a note with a unique tag; now and then a long one, which spills over pages."""
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
    long = " ".join(rng.choice(WORDS) for _ in range(700)) if rng.random() < 0.1 else ""
    return f"[{tag}] {words} {long}".strip()


def crash_writer(path: Path, run: int, seed: int) -> None:
    """Write bookmarks and notes until killed, saying 'begin' before and 'done' after each."""
    rng = random.Random(seed)
    store = UserStore(path)
    ids = store.event_ids()
    say("ready")
    for step in range(1_000_000):
        tag = f"{run}-{step}"
        choice = rng.random()
        if choice < 0.45 or len(ids) < 3:
            event_id, text = f"event-{tag}", note(rng, tag)
            say("begin", "add", event_id, text)
            store.add(event_id, f"Title {tag}", "1 January 2014", text)
            ids.append(event_id)
        elif choice < 0.75:
            event_id, text = rng.choice(ids), note(rng, tag)
            say("begin", "note", event_id, text)
            store.set_note(event_id, text)
        elif choice < 0.85:
            event_id = ids.pop(rng.randrange(len(ids)))
            say("begin", "remove", event_id, "")
            store.remove(event_id)
        elif choice < 0.97:
            batch = [f"event-{tag}-{n}" for n in range(5)]
            say("begin", "restore", ",".join(batch), tag)
            stamp = now()
            store.restore([Bookmark(b, f"[{b}]", stamp, stamp, f"Title {b}") for b in batch])
            ids.extend(batch)
        else:
            store.db.query("PRAGMA wal_checkpoint(PASSIVE)")  # a kill mid-checkpoint, too
            continue
        say("done")


def concurrent_writer(data: Path, name: str, writes: int, via: str, go: Path) -> None:
    """Open the data, wait for the start signal, then write as fast as possible, timing each."""
    rng = random.Random(name)
    library = Library(data, paths.shipped_data_dir()) if via == "library" else None
    data.mkdir(parents=True, exist_ok=True)  # as Library does; the windows may not have yet
    store = library.user if library else UserStore(data / "user.sqlite3")
    events = library.catalog.events() if library else []
    say("ready")
    while not go.exists():
        time.sleep(0.001)
    slowest, began = 0.0, time.time()
    for step in range(writes):
        started = time.monotonic()
        tag = f"[{name}:{step}]"
        if library is not None:
            event = rng.choice(events)
            library.add_bookmark(event, tag)
            say("shared", event.id, tag)
        elif step % 2 == 0:
            store.add(f"{name}-{step // 2}", f"Title {name}-{step // 2}", "", tag)
            say("own", f"{name}-{step // 2}", tag)
        else:
            store.set_note(f"{name}-{step // 2}", f"{tag} replaced")
            say("own", f"{name}-{step // 2}", f"{tag} replaced")
        slowest = max(slowest, time.monotonic() - started)
    say("span", began, time.time())
    say("slowest", slowest)
    (library or store).close()


def full_disk(data: Path, how: str) -> None:
    """Fill the disk mid-session, then report what the app did and what it kept.

    how is "rlimit" (no file may grow: a limit any user can set) or "filler" (a file fills
    the small file system the data folder is on, as a real full disk does).
    """
    library = Library(data, paths.shipped_data_dir())
    events = library.catalog.events()
    for event in events[:5]:
        library.add_bookmark(event, f"kept {event.id}")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    filler = data.parent / "filler"
    if how == "rlimit":
        # The -wal cannot take another frame (Python ignores SIGXFSZ, so writes just fail).
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    else:
        with filler.open("wb", buffering=0) as file:
            try:
                while True:
                    file.write(b"\0" * 65536)
            except OSError:
                pass  # full
    try:
        library.add_bookmark(events[6], "x" * 20_000)
        say("saved")
    except StoreError as error:
        say("refused", str(error))
    say("shown", sorted(m.event_id for m in library.bookmarks()))
    reopened = Library(data, paths.shipped_data_dir())
    say("reopened", reopened.user_problem, sorted(m.event_id for m in reopened.bookmarks()))
    try:
        reopened.add_bookmark(events[7])
        say("saved")
    except StoreError as error:
        say("refused", str(error))
    reopened.close()
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    filler.unlink(missing_ok=True)
    library.add_bookmark(events[8], "after space came back")
    say("after", sorted(m.event_id for m in library.bookmarks()), library.user.db.integrity_ok())
    library.close()


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    if kind == "crash":
        crash_writer(Path(args[0]), int(args[1]), int(args[2]))
    elif kind == "concurrent":
        concurrent_writer(Path(args[0]), args[1], int(args[2]), args[3], Path(args[4]))
    elif kind == "full-disk":
        full_disk(Path(args[0]), args[1])
