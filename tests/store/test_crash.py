"""A writer killed with SIGKILL at random moments loses no write it reported done."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from museum_app.store.user import UserStore
from tests.helpers import report

WORKERS = Path(__file__).with_name("workers.py")
# The suite runs 30 kills; MUSEUM_APP_CRASH_KILLS=1000 runs the long version.
KILLS = int(os.environ.get("MUSEUM_APP_CRASH_KILLS", "30"))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def apply(model: dict[str, str], op: list[str]) -> dict[str, str]:
    """Return the bookmarks (id to note) after one reported write."""
    kind, target, text = op
    after = dict(model)
    if kind == "add" or (kind == "note" and target in after):
        after[target] = text
    elif kind == "remove":
        after.pop(target, None)
    elif kind == "restore":
        after.update({b: f"[{b}]" for b in target.split(",")})
    return after


def reported(log: Path) -> tuple[list[list[str]], list[str] | None]:
    """Return the writes reported done, and the one begun but not reported (if any)."""
    done: list[list[str]] = []
    pending: list[str] | None = None
    for line in log.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.endswith("\n"):
            break  # the kill cut this line short: it reports nothing
        parts = json.loads(line)
        if parts[0] == "begin":
            pending = parts[1:]
        elif parts[0] == "done" and pending is not None:
            done.append(pending)
            pending = None
    return done, pending


def saved(path: Path) -> tuple[dict[str, str], bool]:
    """Return the bookmarks in the file and whether SQLite finds the file sound."""
    store = UserStore(path)
    try:
        return {m.event_id: m.note for m in store.all()}, store.db.integrity_ok()
    finally:
        store.close()


def test_sigkill_at_random_moments_loses_no_reported_write(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    rng = random.Random(20140124)
    model: dict[str, str] = {}
    confirmed = in_flight = in_flight_landed = 0
    for run in range(KILLS):
        log = tmp_path / f"run-{run}.log"
        with log.open("w") as out:
            child = subprocess.Popen(
                [sys.executable, str(WORKERS), "crash", str(path), str(run), str(rng.randrange(2**32))],
                stdout=out,
                stderr=subprocess.PIPE,
            )
            # Python starts in about 0.1 s: some kills land while the file is opened or
            # migrated, most while bookmarks and notes are being written.
            time.sleep(rng.uniform(0.05, 0.4))
            child.send_signal(signal.SIGKILL)
            _, errors = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL, errors.decode()
        done, pending = reported(log)
        for op in done:
            model = apply(model, op)
        actual, sound = saved(path)
        assert sound, f"integrity check failed after kill {run + 1}"
        # Every reported write is there; the one cut off is there whole or not at all.
        allowed = [model] + ([apply(model, pending)] if pending else [])
        assert actual in allowed, f"kill {run + 1}: the file does not match the reported writes"
        confirmed += len(done)
        in_flight += pending is not None
        in_flight_landed += pending is not None and actual != model
        model = actual
    report(
        "crash",
        kills=KILLS,
        writes_reported=confirmed,
        kills_mid_write=in_flight,
        mid_write_committed=in_flight_landed,
        bookmarks_at_end=len(model),
        lost=0,
    )
    assert confirmed > KILLS  # the kills did land among writes, not only at start-up


def test_the_user_file_commits_to_disk_before_reporting(tmp_path: Path) -> None:
    store = UserStore(tmp_path / "user.sqlite3")
    assert store.db.query("PRAGMA journal_mode")[0][0] == "wal"
    assert store.db.query("PRAGMA synchronous")[0][0] == 2  # FULL
    assert store.db.query("PRAGMA busy_timeout")[0][0] >= 5000
    store.close()
