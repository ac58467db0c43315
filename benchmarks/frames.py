"""Real input through the event loop, and a clock that stops when the window is idle again.

Input is posted (QApplication.postEvent), as the window system delivers it: a key, a click, a
wheel notch or a mouse move waits in the queue and is handled by the event loop, with
whatever else is pending. Its clock starts when it is posted.

A window's contents reach the screen when Qt handles the top-level widget's UpdateRequest:
it paints every widget marked dirty and flushes the backing store. The clock notes the end
of each such flush, and which parts of the window were painted in it. An input's response is
over when the window is idle: no flush for QUIET_MS after the last one (and no search
waiting for its pause in typing); its time runs to the end of that last flush.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from stats import now_ms

QUIET_MS = 60.0  # no flush for this long: the window is idle
BUSY_PASS_MS = 1.0  # a pass through the event loop this long did some work
LIMIT_MS = 5000.0  # an input whose response has not ended by then is reported as such
FRAME_MS = 1000 / 60


def app() -> QApplication:
    """Return the running application."""
    found = QApplication.instance()
    assert isinstance(found, QApplication)
    return found


class Flushes(QObject):
    """Note the end of each flush of a top-level widget, and the parts painted since the last."""

    def __init__(self, top: QWidget, parts: dict[str, QWidget]) -> None:
        super().__init__()
        self.ends: list[tuple[float, frozenset[str]]] = []
        self._painted: set[str] = set()
        self._names = {id(widget): name for name, widget in parts.items()}
        for widget in parts.values():
            widget.installEventFilter(self)
        self._top = top
        original = top.event  # the instance's own: only this window's events pay for it

        def event(e: QEvent) -> bool:
            flush = e.type() == QEvent.Type.UpdateRequest
            handled = bool(original(e))
            if flush:
                self.ends.append((now_ms(), frozenset(self._painted)))
                self._painted.clear()
            return handled

        top.event = event  # type: ignore[method-assign]

    def flush_stray(self, now: float) -> None:
        """Count paints made outside a flush (a synchronous repaint()) as flushed now."""
        if self._painted:
            self.ends.append((now, frozenset(self._painted)))
            self._painted.clear()

    def watch_tree(self, name: str, widget: QWidget) -> None:
        """Watch a part and every widget inside it (those made since included)."""
        for inner in (widget, *widget.findChildren(QWidget)):
            if id(inner) not in self._names:
                self.add_part(name, inner)

    def add_part(self, name: str, widget: QWidget) -> None:
        """Watch the paints of one more part."""
        self._names[id(widget)] = name
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Note a part's paint."""
        if event.type() == QEvent.Type.Paint:
            self._painted.add(self._names.get(id(watched), "?"))
        return False

    def forget(self) -> None:
        """Let go of the flushes noted so far (a long session would keep thousands)."""
        self.ends.clear()

    def since(self, start: float) -> list[tuple[float, frozenset[str]]]:
        """Return the flushes that ended after start."""
        return [flush for flush in self.ends if flush[0] >= start]


def turn() -> None:
    """Pass once through the event loop as exec() does, deferred deletions included.

    processEvents() alone never deletes what deleteLater() asked to delete (Qt does that only
    when control returns to a running loop): widgets the window replaced would pile up, and
    the memory figures count what no user's window keeps.
    """
    app().processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def spin(ms: float) -> float:
    """Run the event loop for ms; return the longest single pass through it.

    The loop spins rather than sleeps: on a virtual machine a thread that sleeps pays about
    a millisecond on waking, which is the machine's cost, not the app's.
    """
    longest, deadline = 0.0, now_ms() + ms
    while (start := now_ms()) < deadline:
        turn()
        longest = max(longest, now_ms() - start)
    return longest


def settle(flushes: Flushes, start: float, busy: Callable[[], bool] = lambda: False) -> dict[str, Any]:
    """Run the event loop until the window is idle; return when it last flushed and what.

    Idle: for QUIET_MS, no flush, no pass through the loop that did work (took over
    BUSY_PASS_MS: it may have asked for a paint that the next pass does), and busy() false.
    A part painted outside a flush (a synchronous repaint()) counts as flushed at the end of
    the pass that painted it.
    """
    longest, quiet_from, now = 0.0, start, start
    while now - quiet_from < QUIET_MS and now - start < LIMIT_MS:
        pass_start = now_ms()
        turn()
        now = now_ms()
        flushes.flush_stray(now)
        longest = max(longest, now - pass_start)
        if now - pass_start > BUSY_PASS_MS or busy():
            quiet_from = now
        if flushes.ends and flushes.ends[-1][0] > quiet_from:
            quiet_from = flushes.ends[-1][0]
    done = flushes.since(start)
    last = done[-1][0] if done else start
    painted = sorted(set().union(*(parts for _, parts in done))) if done else []
    return {"end": last, "flushes": len(done), "painted": painted, "longest_pass_ms": longest,
            "timed_out": now - start >= LIMIT_MS, "each": done}  # fmt: skip


def post(widget: QWidget, *events: QEvent) -> float:
    """Post events to a widget, as the window system would; return when (the clock's start)."""
    start = now_ms()
    for event in events:
        app().postEvent(widget, event)
    return start


def key(
    key_code: Qt.Key, text: str = "", modifiers: Any = Qt.KeyboardModifier.NoModifier
) -> list[QEvent]:
    """Return a key's press and release."""
    return [QKeyEvent(QEvent.Type.KeyPress, key_code, modifiers, text),
            QKeyEvent(QEvent.Type.KeyRelease, key_code, modifiers, text)]  # fmt: skip


def typed(text: str) -> list[QEvent]:
    """Return the events of typing text: keys for ASCII, an input method's commit otherwise."""
    if text.isascii():
        code = Qt.Key(ord(text.upper())) if text.isalnum() else Qt.Key.Key_unknown
        return key(code, text)
    commit = QInputMethodEvent("", [])
    commit.setCommitString(text)
    return [commit]


def mouse(kind: QEvent.Type, at: QPointF, widget: QWidget, buttons: Any) -> QMouseEvent:
    """Return a mouse event at a point of a widget."""
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    return QMouseEvent(
        kind, at, widget.mapToGlobal(at), button, buttons, Qt.KeyboardModifier.NoModifier
    )


def click(widget: QWidget, at: QPoint) -> list[QEvent]:
    """Return a left click's press and release at a point."""
    point, left = QPointF(at), Qt.MouseButton.LeftButton
    return [mouse(QEvent.Type.MouseButtonPress, point, widget, left),
            mouse(QEvent.Type.MouseButtonRelease, point, widget, Qt.MouseButton.NoButton)]  # fmt: skip


def wheel(
    widget: QWidget, at: QPointF, notches: float, modifiers: Any = Qt.KeyboardModifier.NoModifier
) -> QWheelEvent:
    """Return a wheel event of a number of notches (negative: down, away from the person)."""
    return QWheelEvent(
        at, widget.mapToGlobal(at), QPoint(), QPoint(0, int(120 * notches)),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip


class GcWatch:
    """Note the runs of Python's cyclic garbage collector and how long each takes."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float, float]] = []  # generation, start, milliseconds
        self._started = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            ms = (time.perf_counter() - self._started) * 1000
            self.pauses.append((int(info["generation"]), self._started * 1000, ms))

    def mark(self) -> int:
        """Return a mark to count from."""
        return len(self.pauses)

    def figures(self, since: int = 0) -> dict[str, Any]:
        """Return the collections since a mark: how many of each generation, and the longest."""
        runs = self.pauses[since:]
        return {
            "collections": len(runs),
            "full_collections": sum(1 for g, _, _ in runs if g == 2),
            "longest_ms": max((ms for _, _, ms in runs), default=0.0),
            "total_ms": sum(ms for _, _, ms in runs),
        }


def frame_figures(
    samples: Iterable[float], gaps: Iterable[float], watch: GcWatch, mark: int
) -> dict[str, Any]:
    """Return frame times' p95 and p99, the longest stall and the collections during them."""
    from stats import summary

    values = list(samples)
    return {**summary(values), "longest_stall_ms": max(gaps, default=0.0), "gc": watch.figures(mark),
            "samples": [round(v, 3) for v in values]}  # fmt: skip
