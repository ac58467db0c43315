"""Time the main window as a person uses it: typing a search, ticking categories, scrolling the list.

Every step is real input posted to the window (frames.py) and is timed from then until the
window is idle with everything repainted: the category counts, the status count, the list,
the timeline and the detail pane. Typing is timed from the keystroke to its results, the
pause the search box waits for included.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from frames import (
    Flushes,
    GcWatch,
    click,
    frame_figures,
    key,
    post,
    settle,
    spin,
    turn,
    typed,
    wheel,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QListWidget, QStyle, QWidget
from stats import now_ms, summary

from museum_app.app import build_window
from museum_app.ui import filter_panel
from museum_app.ui.main_window import MainWindow

WINDOW_SIZE = (1440, 920)  # the window's own first size on a large screen
# Words a researcher types: a name in most texts, rarer words, and a Chinese phrase (typed
# through an input method, a character at a time).
WORDS = ("WeChat", "broadband", "security", "MIIT", "微信红包")
# Pauses in typing tried for the search box, and the pace of a practised typist: the time
# between keys, drawn around 140 ms (about 85 words a minute), from 70 to 280 ms.
DELAYS_MS = (0, 50, 80, 100, 150, 200)
KEY_MEDIAN_MS, KEY_SPREAD = 140.0, 0.35
PARTS = ("searchBox", "categoryFilter", "eventList", "timeline", "detailPane", "eventCount")


def open_window(data_dir: Path) -> tuple[MainWindow, Flushes]:
    """Build and show the main window on a data directory, with an event open, and watch it."""
    window = build_window(data_dir)
    window.resize(*WINDOW_SIZE)
    window.show()
    spin(200)
    summaries = window.browser.summaries
    if summaries:  # someone browsing has an event open: its neighbours follow the filter
        window.browser.go_to(summaries.ids[len(summaries) // 2])
    flushes = Flushes(window, watched_parts(window))
    flushes.watch_tree("timeline", window.timeline)  # with its overview strip
    spin(300)
    return window, flushes


def watched_parts(window: MainWindow) -> dict[str, QWidget]:
    """Return the widgets whose paints show each part (a scroll area's viewport paints it)."""
    parts = {}
    for name in PARTS:
        widget = window.part(name)
        if isinstance(widget, QAbstractScrollArea):
            widget = widget.viewport()
        parts[name] = widget
    return parts


def _step(window: MainWindow, flushes: Flushes, target: QWidget, events: list[Any],
          busy: Any = lambda: False) -> dict[str, Any]:  # fmt: skip
    """Post input, wait until the window is idle, return the step's figures."""
    flushes.watch_tree("detailPane", window.details)  # its rows and links are made anew
    start = post(target, *events)
    done = settle(flushes, start, busy)
    # The search box's own flushes after the results (Qt fades its clear button in and out
    # for 160 ms when the text starts or ends) show no result: the step ends at the last
    # flush that painted anything else.
    end = results_end(done)
    return {
        "ms": end - start, "idle_ms": done["end"] - start, "painted": done["painted"],
        "flushes": done["flushes"],
        "timed_out": done["timed_out"], "longest_pass_ms": done["longest_pass_ms"],
        "count": window.count_label.text(),
    }  # fmt: skip


def results_end(done: dict[str, Any]) -> float:
    """Return when the last flush that painted more than the search box ended."""
    shown = [end for end, parts in done["each"] if parts - {"searchBox"}]
    return shown[-1] if shown else float(done["end"])


def _search_busy(window: MainWindow) -> Any:
    """Return whether the search box still waits for its pause, or holds text not yet searched."""
    box = window.part("searchBox")
    return lambda: box.text() != window.browser.filter.search and bool(box.text().strip())


def searches(window: MainWindow, flushes: Flushes, words: tuple[str, ...]) -> dict[str, Any]:
    """Type each word a key at a time, each key waited for, then take it back; time each."""
    box = window.part("searchBox")
    post(box, *click(box, box.rect().center()))
    spin(100)
    steps = []
    for word in words:
        for char in word:
            step = _step(window, flushes, box, typed(char), _search_busy(window))
            steps.append({"key": char, "text": box.text(), **step})
        for _ in word:
            step = _step(window, flushes, box, key(Qt.Key.Key_Backspace), _search_busy(window))
            steps.append({"key": "Backspace", "text": box.text(), **step})
    return _steps_summary(steps)


def _steps_summary(steps: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the steps' summary, and every step."""
    return {**summary([s["ms"] for s in steps]),
            "timed_out": sum(s["timed_out"] for s in steps), "steps": steps}  # fmt: skip


def _check_point(view: QListWidget, row: int) -> Any:
    """Return the middle of a row's check box (as the style draws it)."""
    rect = view.visualItemRect(view.item(row))
    indicator = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    return rect.topLeft() + type(rect.topLeft())(margin + indicator // 2, rect.height() // 2)


def toggles(window: MainWindow, flushes: Flushes, rounds: int) -> dict[str, Any]:
    """Click each category's check box off and on again with the mouse; time each click."""
    view = window.part("categoryFilter")
    assert isinstance(view, QListWidget)
    steps = []
    for _ in range(rounds):
        for row in range(view.count()):
            for _ in range(2):
                before = view.item(row).checkState()
                step = _step(
                    window, flushes, view.viewport(), click(view.viewport(), _check_point(view, row))
                )
                steps.append({"row": row, "toggled": view.item(row).checkState() != before, **step})
    return _steps_summary(steps)


def typing_paces(window: MainWindow, flushes: Flushes, delays: tuple[int, ...]) -> dict[str, Any]:
    """Type the words at a practised typist's pace with each pause in typing tried.

    For each pause: the echo (a key to its character drawn in the box) of every key, and
    from the last key of each word to its results; and how many searches ran.
    """
    box = window.part("searchBox")
    timer = getattr(window.filters, "_search_timer")  # noqa: B009 (the pause under test)
    shipped = timer.interval()
    searched = []
    window.browser.filter_changed.connect(lambda query: searched.append(query.search))
    result = {}
    try:
        for delay in delays:
            timer.setInterval(delay)
            rng = random.Random(2014)
            echoes, results, searched[:] = [], [], []
            for word in WORDS:
                post(box, *key(Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier),
                     *key(Qt.Key.Key_Backspace))  # fmt: skip
                settle(flushes, now_ms())
                due = now_ms()
                for char in word:
                    spin(due - now_ms())
                    start = post(box, *typed(char))
                    start = min(start, due)  # a key waiting behind work counts from its time
                    echoes.append((start, len(flushes.ends)))
                    due += rng.lognormvariate(0, KEY_SPREAD) * KEY_MEDIAN_MS
                done = settle(flushes, now_ms(), _search_busy(window))
                results.append(results_end(done) - start)
            result[str(delay)] = {
                "echo": summary(_echo_times(flushes, echoes)),
                "last_key_to_results": summary(results),
                "searches_run": len(searched), "keys": sum(len(w) for w in WORDS),
            }  # fmt: skip
    finally:
        timer.setInterval(shipped)
        post(
            box, *key(Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier), *key(Qt.Key.Key_Backspace)
        )
        settle(flushes, now_ms())
    return {"shipped_delay_ms": shipped, "by_delay": result}


def _echo_times(flushes: Flushes, keys: list[tuple[float, int]]) -> list[float]:
    """Return, for each key, the time to the first flush after it that painted the search box."""
    times = []
    for start, first in keys:
        shown = next(
            (end for end, parts in flushes.ends[first:] if end >= start and "searchBox" in parts), None
        )
        if shown is not None:
            times.append(shown - start)
    return times


def list_scroll(window: MainWindow, flushes: Flushes, notches: int) -> dict[str, Any]:
    """Scroll the event list with the wheel, a notch a frame, and time each frame."""
    view = window.part("eventList")
    assert isinstance(view, QAbstractScrollArea)
    port = view.viewport()
    at = QPointF(port.rect().center())
    watch = GcWatch()
    results = []
    for direction in (-1, 1):  # down, then up again
        mark = watch.mark()
        samples, gaps = _continuous(
            flushes, "eventList", port, [wheel(port, at, direction) for _ in range(notches)]
        )
        results.append(frame_figures(samples, gaps, watch, mark))
    everything = [v for r in results for v in r["samples"]]
    return {**frame_figures(everything, [max(r["longest_stall_ms"] for r in results)], watch, 0),
            "rows": view.model().rowCount()}  # fmt: skip


def _continuous(flushes: Flushes, part: str, target: QWidget, events: list[Any],
                interval: float = 1000 / 60) -> tuple[list[float], list[float]]:  # fmt: skip
    """Post one event a frame; return each one's time to the flush that painted it, and the gaps."""
    first = len(flushes.ends)
    due = now_ms() + 5
    times = []
    for event in events:
        spin(due - now_ms())
        post(target, event)
        times.append(due)  # the clock starts when the input was due, even if the loop was busy
        due += interval
    settle(flushes, now_ms())
    painted = [end for end, parts in flushes.ends[first:] if part in parts]
    frames = []
    for start in times:
        shown = next((end for end in painted if end >= start), None)
        if shown is not None:
            frames.append(shown - start)
    gaps = [b - a for a, b in zip([times[0], *painted], painted, strict=False)] if painted else []
    return frames, gaps


def measure(data_dir: Path, quick: bool, only_typing: bool = False) -> dict[str, Any]:
    """Run the window's measurements on data_dir (or only the typing at each pause)."""
    window, flushes = open_window(data_dir)
    watch = GcWatch()
    try:
        result: dict[str, Any] = {"device_pixel_ratio": window.devicePixelRatio()}
        if only_typing:
            result["typing"] = typing_paces(window, flushes, DELAYS_MS)
            return result
        mark = watch.mark()
        result["filter"] = toggles(window, flushes, 1 if quick else 3)
        result["filter"]["gc"] = watch.figures(mark)
        mark = watch.mark()
        result["search"] = searches(window, flushes, WORDS[:2] if quick else WORDS)
        result["search"]["gc"] = watch.figures(mark)
        result["search"]["search_delay_ms"] = filter_panel.SEARCH_DELAY_MS
        result["typing"] = typing_paces(window, flushes, (0, 100) if quick else DELAYS_MS)
        result["list_scroll"] = list_scroll(window, flushes, 10 if quick else 60)
    finally:
        window.hide()  # not close(): that would save this window's state as the person's
        window.deleteLater()
        turn()  # and the window is deleted
    return result
