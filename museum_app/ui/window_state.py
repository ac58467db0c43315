"""The window as the person left it: geometry, docks, splitters, filter, zoom, current event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSplitter

from museum_app.core.query import EventFilter
from museum_app.ui.settings import ViewState

if TYPE_CHECKING:
    from museum_app.ui.main_window import MainWindow

SPLITTERS = ("mainSplitter", "lowerSplitter")


def restore(window: MainWindow, fallback_event: str | None, size: QSize | None) -> None:
    """Put the window back as the person left it; an explicit event or size wins."""
    settings = window.settings
    geometry = settings.layout("geometry")
    if size is not None:
        window.resize(size)
    elif geometry is None or not window.restoreGeometry(geometry):
        default_geometry(window)
    state = settings.layout("state")
    if state is not None:
        window.restoreState(state)
    for name in SPLITTERS:
        saved = settings.layout(name)
        splitter = window.findChild(QSplitter, name)
        if saved is not None and splitter is not None:
            splitter.restoreState(saved)
    view = settings.view_state()
    known = set(window.browser.categories)
    categories = view.categories & known if view.categories is not None else None
    window.browser.set_filter(EventFilter(categories=categories, search=view.search))
    window.saved_range = view.visible_range
    window.browser.go_to(fallback_event or view.event_id)


def show_range(window: MainWindow) -> None:
    """Set the timeline's range once it has its real width (before, any fit would be wrong)."""
    if window.saved_range is not None:
        window.timeline.set_visible_range(*window.saved_range)
    else:
        window.timeline.fit_all()
    current = window.browser.current
    window.timeline.select(current.id if current else None)


def default_geometry(window: MainWindow) -> None:
    """Size a first window generously, within the screen."""
    screen = window.screen().availableGeometry()
    window.resize(min(1440, int(screen.width() * 0.92)), min(920, int(screen.height() * 0.92)))
    window.move(screen.center() - window.rect().center())


def save(window: MainWindow) -> None:
    """Remember the window, the filter, the zoom and the current event."""
    settings = window.settings
    settings.set_layout("geometry", window.saveGeometry())
    settings.set_layout("state", window.saveState())
    for name in SPLITTERS:
        splitter = window.findChild(QSplitter, name)
        if splitter is not None:
            settings.set_layout(name, splitter.saveState())
    query, current = window.browser.filter, window.browser.current
    view = ViewState(
        query.categories,
        query.search,
        window.timeline.visible_range(),
        current.id if current else None,
    )
    settings.set_view_state(view)
    settings.sync()
