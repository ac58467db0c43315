"""Time filtering and searching through the real main window, to timeline and list updated."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from stats import Samples

from museum_app.app import build_window
from museum_app.ui.main_window import MainWindow

WINDOW_SIZE = (1440, 920)  # the window's own first size on a large screen
# Typed a letter at a time, as the search box emits them (it waits for a pause in typing,
# so a fast typist emits fewer); then cleared a letter at a time.
WORDS = ("WeChat", "Alibaba", "broadband", "MIIT")


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


def _update(change: Callable[[], object]) -> None:
    """Make a change and let the window show it: timeline and list repainted."""
    change()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()


def toggles(window: MainWindow, rounds: int) -> Samples:
    """Time unticking each category and ticking it again, as the filter panel asks."""
    browser, samples = window.browser, Samples()
    every = frozenset(browser.categories)
    for _ in range(rounds):
        for category in sorted(every):
            samples.time(partial(_update, partial(browser.set_categories, every - {category})))
            settle()
            samples.time(partial(_update, partial(browser.set_categories, None)))
            settle()
    return samples


def searches(window: MainWindow, words: tuple[str, ...] = WORDS) -> Samples:
    """Time each letter of a search typed and then taken back."""
    browser, samples = window.browser, Samples()
    for word in words:
        typed = [word[:n] for n in range(1, len(word) + 1)]
        for text in [*typed, *reversed(typed[:-1]), ""]:
            samples.time(partial(_update, partial(browser.set_search, text)))
            settle()
    return samples


def measure(data_dir: Path, quick: bool) -> dict[str, Any]:
    """Run the filter and search measurements on a window over data_dir."""
    window = open_window(data_dir)
    try:
        toggle = toggles(window, 1 if quick else 3)
        search = searches(window, WORDS[:1] if quick else WORDS)
    finally:
        window.hide()  # not close(): that would save this window's state as the person's
        window.deleteLater()
        settle()
    return {"filter": toggle.summary(), "search": search.summary()}
