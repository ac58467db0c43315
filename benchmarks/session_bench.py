"""A long scripted session in the real window, its memory read after every round.

Each round does what a person browsing does, with real input: types a search a key at a
time and clears it, unticks and ticks two categories, steps through five events, bookmarks
one and removes the bookmark again, opens and closes the bookmarks panel, zooms the
timeline in with the wheel, drags it, zooms out again, and scrolls the list. Rounds repeat
until the session's time is up. The memory is the resident set (VmRSS) after the window's
first paint, and after each round, with where it sits (Python's arenas, the C heap) at
both ends; with --trace, tracemalloc names where Python's own
allocations grew between the second round and the last.
"""

from __future__ import annotations

import ctypes
import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from frames import Flushes, click, key, mouse, post, settle, spin, typed, wheel
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QListWidget
from stats import now_ms
from window_bench import WORDS, _check_point, open_window

from museum_app.ui.main_window import MainWindow


def rss_mb() -> float:
    """Return this process's resident memory in megabytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def allocators() -> dict[str, float]:
    """Return where the memory sits: Python's small-object arenas, and glibc's heap.

    Python keeps an arena (1 MB) while one object in it lives; glibc keeps freed memory in
    its heap until malloc_trim. The resident set counts both, used or not.
    """
    figures: dict[str, float] = {}
    sys.stderr.flush()
    with tempfile.TemporaryFile() as out:  # the statistics go to the C stream stderr
        saved = os.dup(2)
        os.dup2(out.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        for line in out.read().decode().splitlines():
            if line.startswith("# arenas allocated current"):
                figures["python_arenas_mb"] = int(line.split("=")[1])  # of 1 MB each
            elif line.startswith("# bytes in allocated blocks"):
                figures["python_used_mb"] = int(line.split("=")[1].replace(",", "")) / 2**20
    info = getattr(ctypes.CDLL(None), "mallinfo2", None)
    if info is not None:  # glibc 2.33 and later

        class MallInfo2(ctypes.Structure):
            _fields_ = [(name, ctypes.c_size_t) for name in (
                "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                "fordblks", "keepcost")]  # fmt: skip

        info.restype = MallInfo2
        got = info()
        figures["c_heap_mb"] = got.arena / 2**20
        figures["c_used_mb"] = (got.uordblks + got.hblkhd) / 2**20
        figures["c_free_mb"] = got.fordblks / 2**20
    return figures


def _input(flushes: Flushes, target: Any, *events: QEvent) -> None:
    """Post input and wait until the window is idle."""
    settle(flushes, post(target, *events), lambda: False)


def one_round(window: MainWindow, flushes: Flushes, rng: random.Random) -> None:
    """Do what a person browsing does, once."""
    box = window.part("searchBox")
    _input(flushes, box, *click(box, box.rect().center()))
    for char in rng.choice(WORDS):
        post(box, *typed(char))
        spin(rng.uniform(80, 200))
    settle(flushes, now_ms(), lambda: box.text() != window.browser.filter.search)
    _input(
        flushes,
        box,
        *key(Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier),
        *key(Qt.Key.Key_Backspace),
    )
    categories = window.part("categoryFilter")
    assert isinstance(categories, QListWidget)
    for row in rng.sample(range(categories.count()), 2):
        for _ in range(2):
            _input(
                flushes,
                categories.viewport(),
                *click(categories.viewport(), _check_point(categories, row)),
            )
    following, star = window.part("nextButton"), window.part("bookmarkButton")
    for _ in range(5):
        _input(flushes, following, *click(following, following.rect().center()))
    for _ in range(2):
        _input(flushes, star, *click(star, star.rect().center()))
    for on in (True, False):
        window.commands.show_bookmarks.setChecked(on)
        settle(flushes, now_ms())
    view = window.part("timeline")
    at = QPointF(view.width() * rng.uniform(0.3, 0.7), view.height() * 0.6)
    ctrl = Qt.KeyboardModifier.ControlModifier
    for turn in (1, -1):
        for _ in range(5):
            _input(flushes, view, wheel(view, at, turn, ctrl))
        if turn == 1:
            left = Qt.MouseButton.LeftButton
            _input(flushes, view, mouse(QEvent.Type.MouseButtonPress, at, view, left))
            for step in range(20):
                _input(
                    flushes, view, mouse(QEvent.Type.MouseMove, at + QPointF(10 * step, 0), view, left)
                )
            _input(flushes, view, mouse(QEvent.Type.MouseButtonRelease, at + QPointF(190, 0), view,
                                        Qt.MouseButton.NoButton))  # fmt: skip
    rows = window.part("eventList")
    assert isinstance(rows, QAbstractScrollArea)
    port = rows.viewport()
    for turn in (-1,) * 10 + (1,) * 10:
        _input(flushes, port, wheel(port, QPointF(port.rect().center()), turn))


def measure(data_dir: Path, minutes: float, trace: bool) -> dict[str, Any]:
    """Run rounds for minutes; return the memory after the first paint and after each round."""
    if trace:
        tracemalloc.start(12)
    started = rss_mb()
    window, flushes = open_window(data_dir)
    first_paint = rss_mb()
    at_first_paint = allocators()
    rng = random.Random(2014)
    rounds: list[dict[str, float]] = []
    snapshot = None
    end = time.monotonic() + minutes * 60
    while time.monotonic() < end or len(rounds) < 2:
        began = time.monotonic()
        one_round(window, flushes, rng)
        flushes.forget()  # the benchmark's own notes are not the app's memory
        rounds.append({"rss_mb": rss_mb(), "seconds": time.monotonic() - began})
        if trace and len(rounds) == 2:
            snapshot = tracemalloc.take_snapshot()
    result: dict[str, Any] = {
        "minutes": minutes, "rounds": len(rounds), "rss_before_window_mb": started,
        "rss_first_paint_mb": first_paint, "rss_after_mb": rounds[-1]["rss_mb"],
        "per_round": rounds, "allocators_first_paint": at_first_paint,
        "allocators_after": allocators(),
    }  # fmt: skip
    if trace and snapshot is not None:
        grown = tracemalloc.take_snapshot().compare_to(snapshot, "traceback")
        result["grown"] = [
            {"kb": stat.size_diff / 1024, "count": stat.count_diff,
             "where": [f"{f.filename}:{f.lineno}" for f in stat.traceback[-6:]]}
            for stat in grown[:15]
        ]  # fmt: skip
    window.hide()
    return result
