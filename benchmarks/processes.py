"""Run the probes in fresh processes: start-ups (interleaved, warm and cold), imports, UI workers."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stats import summary

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable  # the same interpreter (the venv's) for the baseline and the app
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def environment(work: Path) -> dict[str, str]:
    """Return the environment of every probe: offscreen Qt, files kept out of the person's.

    Compiled bytecode is written (under work, not beside the sources) and used, as it is
    in an installed app: without it every start compiles the app's modules again.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["MUSEUM_APP_CONFIG_DIR"] = str(work / "config")
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    for name in ("PYTHONDONTWRITEBYTECODE", "MUSEUM_APP_DATA_DIR", "QT_SCALE_FACTOR"):
        env.pop(name, None)
    return env


def at_ratio(env: dict[str, str], ratio: float) -> dict[str, str]:
    """Return the environment with Qt's device pixel ratio set (QT_SCALE_FACTOR)."""
    changed = dict(env)
    if ratio != 1:
        changed["QT_SCALE_FACTOR"] = f"{ratio:g}"
    return changed


def data_files(data_dir: Path) -> list[Path]:
    """Return the files a start reads from a data directory: the catalog, the user file, packs."""
    return sorted(p for p in data_dir.rglob("*") if p.is_file())


def drop_cache(files: Sequence[Path], everything: bool) -> str:
    """Drop the files from the page cache (or, as root with everything, the whole cache).

    posix_fadvise(DONTNEED) drops a file's clean pages: each is synced first.
    """
    for path in files:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
    if everything and os.geteuid() == 0 and DROP_CACHES.exists():
        os.sync()
        DROP_CACHES.write_text("1\n")
        return "the whole page cache (/proc/sys/vm/drop_caches)"
    return "the data files' pages (posix_fadvise DONTNEED)"


def run_probe(args: Sequence[str], env: dict[str, str], timeout: float = 3600) -> dict[str, Any]:
    """Start a probe process, stamping when it was started, and return what it printed."""
    env = dict(env)
    env["BENCH_STARTED"] = repr(time.monotonic() * 1000)
    done = subprocess.run(
        [PYTHON, str(HERE / "probe.py"), *args],
        env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"probe {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


@dataclass
class Start:
    """One kind of start: the probe's arguments, and the data files dropped from the cache first."""

    args: list[str]
    cold: list[Path] = field(default_factory=list)


def start_ups(
    starts: dict[str, Start], runs: int, env: dict[str, str], everything: bool
) -> dict[str, Any]:
    """Time start-up and memory of each kind of start, one run of each in turn, after a warm-up.

    The warm-up round (not counted) builds a catalog that is missing and fills the cache.
    """
    samples: dict[str, list[dict[str, Any]]] = {name: [] for name in starts}
    dropped = ""
    for round_ in range(runs + 1):
        for name, start in starts.items():
            if start.cold:
                dropped = drop_cache(start.cold, everything)
            figures = run_probe(start.args, env)
            if round_ > 0:
                samples[name].append(figures)
    result: dict[str, Any] = {}
    for name, runs_of in samples.items():
        times = [r["first_paint_ms"] for r in runs_of]
        memory = [r["rss_mb"] for r in runs_of]
        result[name] = {**summary(times), "rss_mb": statistics.median(memory), "samples": times}
    result["cold_cache_dropped"] = dropped or None
    return result


def imports(data_dirs: Sequence[Path], pack: Path, env: dict[str, str]) -> dict[str, Any]:
    """Import a pack into each of several fresh data directories; return the times."""
    seconds, memory, peaks, helpers, events = [], [], [], [], 0
    for data_dir in data_dirs:
        figures = run_probe(["import", str(data_dir), str(pack)], env, timeout=4 * 3600)
        seconds.append(figures["import_s"])
        memory.append(figures["rss_mb"])
        peaks.append(figures["peak_rss_mb"])
        helpers.append(figures["helper_peak_rss_mb"])
        events = figures["events"]
    times = summary([s * 1000 for s in seconds])
    return {
        "median_s": times["median_ms"] / 1000, "p95_s": times["p95_ms"] / 1000,
        "runs": len(seconds), "events_in_catalog": events, "samples_s": seconds,
        "rss_after_mb": max(memory), "peak_rss_mb": max(peaks),
        # The forked reader shares the import's pages: their peaks are not to be added.
        "helper_peak_rss_mb": max(helpers),
    }  # fmt: skip


def ui_worker(task: str, data_dir: Path, env: dict[str, str], *options: str) -> dict[str, Any]:
    """Run one UI measurement in a fresh process (see ui_worker.py) and return its figures."""
    args = [PYTHON, str(HERE / "ui_worker.py"), task, str(data_dir), *options]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=4 * 3600, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"ui_worker {task} failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def seed_bookmarks(source: Path, target: Path, count: int) -> int:
    """Copy a data directory and bookmark count of its events, spread over the date order.

    A third of the bookmarks have a note. Written in one transaction (as an import of a
    bookmarks file writes them). Returns how many were made.
    """
    import datetime as dt

    from museum_app import paths
    from museum_app.core.domain import Bookmark
    from museum_app.store.library import Library

    shutil.copytree(source, target)
    library = Library(target, paths.shipped_data_dir())
    try:
        table = library.catalog.summaries()
        step = max(1, len(table) // count)
        made = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        marks = []
        for n, rank in enumerate(range(0, len(table), step)[:count]):
            event = table[rank]
            note = f"Note {n}: follow up\nsecond line" if n % 3 == 0 else ""
            when = made + dt.timedelta(minutes=n)
            marks.append(Bookmark(event.id, note, when, when, event.title, event.date_label))
        return library.user.restore(marks)
    finally:
        library.close()
