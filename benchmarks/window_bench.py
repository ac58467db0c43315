"""Time filtering and searching through the real main window, to timeline and list updated."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication
from stats import Samples, now_ms

from museum_app.app import build_window
from museum_app.ui.event_list import EventList
from museum_app.ui.main_window import MainWindow
from museum_app.ui.timeline.view import TimelineView

WINDOW_SIZE = (1440, 920)  # the window's own first size on a large screen
# Typed a letter at a time, as the search box emits them (it waits for a pause in typing,
# so a fast typist emits fewer); then cleared a letter at a time.
# 30% of the events hold Chinese text: "微信红包" is typed a character at a time as well.
WORDS = ("WeChat", "Alibaba", "broadband", "MIIT", "微信红包")


def open_window(data_dir: Path) -> MainWindow:
    """Build and show the main window on a data directory, with an event selected."""
    window = build_window(data_dir)
    window.resize(*WINDOW_SIZE)
    window.show()
    settle()
    summaries = window.browser.summaries
    if summaries:  # someone browsing has an event open: its neighbours follow the filter
        window.browser.go_to(summaries[len(summaries) // 2].id)
    settle()
    return window


def settle() -> None:
    """Let the window handle everything pending (paints, timers) until nothing is left."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()


class PaintClock:
    """Note when the timeline and the list last finished painting.

    An update is over when both have painted: the event loop's pass that paints them may go
    on to run work the timeline leaves for idle time, which is not part of the update.
    """

    def __init__(self) -> None:
        self.painted = 0.0
        self._originals = (TimelineView.paintEvent, EventList.viewportEvent)
        clock = self
        timeline_paint, list_event = self._originals

        def paint(view: TimelineView, event: QPaintEvent) -> None:
            timeline_paint(view, event)
            clock.painted = now_ms()

        def viewport(table: EventList, event: QEvent) -> bool:
            handled = list_event(table, event)
            if event.type() == QEvent.Type.Paint:
                clock.painted = now_ms()
            return handled

        TimelineView.paintEvent = paint  # type: ignore[method-assign, assignment]
        EventList.viewportEvent = viewport  # type: ignore[method-assign, assignment]

    def update(self, change: Callable[[], object]) -> tuple[float, float]:
        """Make a change and let the window show it; return its wall and CPU milliseconds."""
        cpu, start = time.thread_time(), now_ms()
        self.painted = 0.0
        change()
        app = QApplication.instance()
        assert app is not None
        app.processEvents()
        end, cpu_end = now_ms(), time.thread_time()
        painted = self.painted if self.painted else end
        return painted - start, (cpu_end - cpu) * 1000 - (end - painted)


def _timed(clock: PaintClock, samples: Samples, change: Callable[[], object]) -> None:
    """Time one update into samples, then let the window settle."""
    wall, cpu = clock.update(change)
    samples.wall.append(wall)
    samples.cpu.append(cpu)
    settle()


def toggles(window: MainWindow, clock: PaintClock, rounds: int) -> Samples:
    """Time unticking each category and ticking it again, as the filter panel asks."""
    browser, samples = window.browser, Samples()
    every = frozenset(browser.categories)
    for _ in range(rounds):
        for category in sorted(every):
            _timed(clock, samples, partial(browser.set_categories, every - {category}))
            _timed(clock, samples, partial(browser.set_categories, None))
    return samples


def searches(window: MainWindow, clock: PaintClock, words: tuple[str, ...] = WORDS) -> Samples:
    """Time each letter of a search typed and then taken back."""
    browser, samples = window.browser, Samples()
    for word in words:
        typed = [word[:n] for n in range(1, len(word) + 1)]
        for text in [*typed, *reversed(typed[:-1]), ""]:
            _timed(clock, samples, partial(browser.set_search, text))
    return samples


def measure(data_dir: Path, quick: bool) -> dict[str, Any]:
    """Run the filter and search measurements on a window over data_dir."""
    clock = PaintClock()
    window = open_window(data_dir)
    try:
        toggle = toggles(window, clock, 1 if quick else 3)
        search = searches(window, clock, WORDS[:1] if quick else WORDS)
    finally:
        window.hide()  # not close(): that would save this window's state as the person's
        window.deleteLater()
        settle()
    return {"filter": toggle.summary(), "search": search.summary()}
