"""A long scripted session in the real window, its memory read after every round.

Each round does what a person browsing does, with real input: types a search a key at a
time and clears it, unticks and ticks two categories, steps through five events, bookmarks
one and removes the bookmark again, opens and closes the bookmarks panel, zooms the
timeline in with the wheel, drags it, zooms out again, and scrolls the list. Rounds repeat
until the session's time is up. The memory is the resident set (VmRSS) after the window's
first paint, and after each round; with --trace, tracemalloc names where Python's own
allocations grew between the second round and the last.
"""

from __future__ import annotations

import random
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
        "per_round": rounds,
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
