"""Time the window with many bookmarks: toggling the star, and opening the bookmarks panel.

The data directory holds the bookmarks already (processes.seed_bookmarks). A toggle is a
click on the detail pane's star (bookmarkButton), timed until the window is idle; the next
event is reached with a click on nextButton between toggles. Toggles are timed with the
bookmarks panel closed (as the window starts) and open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frames import Flushes, click, key, post, settle, spin
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget
from stats import now_ms, summary
from window_bench import _step, open_window

from museum_app.ui.main_window import MainWindow


def _button(window: MainWindow, name: str) -> QAbstractButton:
    """Return a button of the window by its objectName."""
    found = window.part(name)
    assert isinstance(found, QAbstractButton)
    return found


def toggles(window: MainWindow, flushes: Flushes, count: int) -> dict[str, Any]:
    """Click the star on and off, moving to the next event between; time each click."""
    star, following = _button(window, "bookmarkButton"), _button(window, "nextButton")
    steps = []
    for n in range(count):
        before = star.isChecked()
        steps.append({**_step(window, flushes, star, click(star, star.rect().center())),
                      "toggled": star.isChecked() != before})  # fmt: skip
        if n % 2 == 1:
            # Until the next event is shown whole: its details, list and timeline painted and the
            # timeline's idle layout done, so that the next toggle's clock holds only the toggle.
            settle(flushes, post(following, *click(following, following.rect().center())))
    return {**summary([s["ms"] for s in steps]), "steps": steps}


def open_panel(window: MainWindow, flushes: Flushes) -> dict[str, Any]:
    """Open the bookmarks panel with Ctrl+B (or its action, if a posted key finds no shortcut)."""
    step = _step(window, flushes, window, key(Qt.Key.Key_B, "", Qt.KeyboardModifier.ControlModifier))
    how = "Ctrl+B"
    if not window.bookmarks_dock.isVisible():
        how = "View > Show bookmarks (the action)"
        start = now_ms()
        window.commands.show_bookmarks.trigger()
        done = settle(flushes, start)
        step = {**step, "ms": done["end"] - start, "painted": done["painted"]}
    rows = window.findChild(QWidget, "bookmarkList")
    count = rows.model().rowCount() if isinstance(rows, QAbstractScrollArea) else 0
    return {**step, "how": how, "rows": count, "shown": window.bookmarks_dock.isVisible()}


def measure(data_dir: Path, quick: bool) -> dict[str, Any]:
    """Run the bookmark measurements on a window over data_dir."""
    window, flushes = open_window(data_dir)
    try:
        result: dict[str, Any] = {"bookmarks": len(window.browser.bookmarked_ids())}
        result["toggle_panel_closed"] = toggles(window, flushes, 6 if quick else 30)
        result["open_panel"] = open_panel(window, flushes)
        rows = window.findChild(QWidget, "bookmarkList")
        if isinstance(rows, QAbstractScrollArea):
            flushes.add_part("bookmarkList", rows.viewport())
        spin(200)
        result["toggle_panel_open"] = toggles(window, flushes, 6 if quick else 30)
    finally:
        window.hide()
        window.deleteLater()
        spin(50)
    return result
