"""The main window: composes the views and wires them to the one browsing state."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from museum_app.core.domain import Bookmark, Event
from museum_app.core.query import EventFilter
from museum_app.ui.actions import create_actions, paint_icons
from museum_app.ui.adapters import timeline_items
from museum_app.ui.bookmarks_panel import BookmarksPanel
from museum_app.ui.browser import Browser
from museum_app.ui.detail_pane import DetailPane
from museum_app.ui.event_list import EventList
from museum_app.ui.filter_panel import FilterPanel
from museum_app.ui.settings import ViewState, WindowSettings
from museum_app.ui.timeline.view import TimelineView

_SPLITTERS = ("mainSplitter", "lowerSplitter")


class MainWindow(QMainWindow):
    """Timeline above; filters, list and details below; bookmarks in a dock."""

    def __init__(self, browser: Browser, settings: WindowSettings) -> None:
        super().__init__()
        self.browser = browser
        self.settings = settings
        self._undo: Bookmark | None = None
        self._saved_range: tuple[float, float] | None = None
        self._range_pending = True
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("China Internet Museum: milestones"))
        self.timeline = TimelineView(self)
        self.filters = FilterPanel(self)
        self.event_list = EventList(self)
        self.details = DetailPane(self)
        self.bookmarks = BookmarksPanel(self)
        self._compose()
        self.commands = create_actions(self)
        self._wire_views()
        self._wire_browser()
        self._wire_actions()
        self._load()

    def _compose(self) -> None:
        """Lay the parts out."""
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.setObjectName("lowerSplitter")
        for part, stretch in ((self.filters, 0), (self.event_list, 2), (self.details, 3)):
            lower.addWidget(part)
            lower.setStretchFactor(lower.indexOf(part), stretch)
        lower.setSizes([250, 660, 560])
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.setObjectName("mainSplitter")
        main.addWidget(self.timeline)
        main.addWidget(lower)
        main.setSizes([380, 520])
        self.notice = QLabel(self)
        self.notice.setObjectName("noticeBanner")
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setMargin(8)
        self.notice.setAutoFillBackground(True)
        self.notice.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.notice.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.notice.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(main, stretch=1)
        self.setCentralWidget(central)
        dock = QDockWidget(self.tr("Bookmarks"), self)
        dock.setObjectName("bookmarksDock")
        dock.setWidget(self.bookmarks)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        self.bookmarks_dock = dock
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.hide()
        self.statusBar().addPermanentWidget(self.undo_button)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("eventCount")
        self.statusBar().addPermanentWidget(self.count_label)
        self.setTabOrder(self.timeline, self.filters)

    def _wire_views(self) -> None:
        """Carry what the person does in a view to the browsing state."""
        b = self.browser
        for view in (self.timeline, self.event_list, self.details, self.bookmarks):
            view.event_activated.connect(b.go_to)
        self.details.previous_requested.connect(lambda: b.step(-1))
        self.details.next_requested.connect(lambda: b.step(+1))
        self.details.category_clicked.connect(self._only_category)
        self.details.entity_clicked.connect(self._search_for)
        self.details.bookmark_toggled.connect(self._set_bookmarked)
        self.details.note_edited.connect(b.set_note)
        self.filters.search_changed.connect(b.set_search)
        self.filters.categories_changed.connect(b.set_categories)
        self.event_list.clear_filters_requested.connect(self._clear_filters)
        self.bookmarks.remove_requested.connect(lambda event_id: self._set_bookmarked(event_id, False))
        self.bookmarks.export_requested.connect(self.export_bookmarks)
        self.bookmarks.import_requested.connect(self.import_bookmarks)
        self.undo_button.clicked.connect(self.undo)

    def _wire_browser(self) -> None:
        """Show every change of the browsing state in every view."""
        b = self.browser
        b.current_changed.connect(self._show_current)
        b.visible_changed.connect(self._show_visible)
        b.filter_changed.connect(self._show_filter)
        b.counts_changed.connect(self.filters.set_counts)
        b.bookmarks_changed.connect(self._show_bookmarks)
        b.history_changed.connect(self._show_history)
        b.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _wire_actions(self) -> None:
        """Connect the menu and toolbar commands."""
        a, b = self.commands, self.browser
        a.export_bookmarks.triggered.connect(self.export_bookmarks)
        a.import_bookmarks.triggered.connect(self.import_bookmarks)
        a.export_image.triggered.connect(self.export_image)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.undo)
        a.find.triggered.connect(self.filters.focus_search)
        a.bookmark.triggered.connect(self._toggle_current_bookmark)
        a.edit_note.triggered.connect(self.details.focus_note)
        a.back.triggered.connect(b.back)
        a.forward.triggered.connect(b.forward)
        a.previous_event.triggered.connect(lambda: b.step(-1))
        a.next_event.triggered.connect(lambda: b.step(+1))
        a.zoom_in.triggered.connect(lambda: self.timeline.zoom_by(1.5))
        a.zoom_out.triggered.connect(lambda: self.timeline.zoom_by(1 / 1.5))
        a.fit_all.triggered.connect(self.timeline.fit_all)
        a.show_bookmarks.toggled.connect(self.bookmarks_dock.setVisible)
        self.bookmarks_dock.visibilityChanged.connect(a.show_bookmarks.setChecked)
        a.full_screen.toggled.connect(lambda on: self.showFullScreen() if on else self.showNormal())
        a.shortcuts.triggered.connect(self._show_shortcuts)
        a.legend.triggered.connect(self.timeline.show_legend)
        a.about.triggered.connect(self._show_about)
        a.undo.setEnabled(False)
        a.back.setEnabled(False)
        a.forward.setEnabled(False)

    def _load(self) -> None:
        """Give the views their data."""
        b = self.browser
        self.timeline.set_items(timeline_items(b.summaries, b.categories))
        self.event_list.set_summaries(b.summaries, {c.id: c.name for c in b.categories.values()})
        self.filters.set_categories(list(b.categories.values()))
        self.filters.set_counts(b.counts())
        self._show_bookmarks()
        self._show_visible(None)
        self._show_current(None)
        self.show_notices(b.library.notices())

    def show_notices(self, notices: list[str]) -> None:
        """Tell the person, above everything, what they must know about their data."""
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))

    # Reactions to the browsing state

    def _show_current(self, event: Event | None) -> None:
        """Show the current event everywhere."""
        event_id = event.id if event else None
        self.timeline.select(event_id)
        self.event_list.select(event_id)
        self.bookmarks.select(event_id)
        self._show_details()
        self.commands.bookmark.setEnabled(event is not None)

    def _show_details(self) -> None:
        """Render the current event in the detail pane."""
        b, event = self.browser, self.browser.current
        mark = b.bookmark_for(event) if event else None
        previous, following = b.neighbours()
        self.details.show_event(
            event, categories=b.categories, bookmark=mark, related=b.related(),
            search_words=b.filter.search_words(), has_prev=previous is not None,
            has_next=following is not None,
        )  # fmt: skip
        self.commands.bookmark.setChecked(mark is not None)

    def _show_visible(self, mask: bytes | None) -> None:
        """Show only the events that pass the filter (a byte per event by rank), and say how many."""
        self.timeline.set_visible_mask(mask)
        self.event_list.set_visible_mask(mask)
        total = len(self.browser.summaries)
        if mask is None:
            text = self.tr("{0} events").format(total)
        else:
            text = self.tr("Showing {0} of {1} events").format(mask.count(1), total)
        query = self.browser.filter
        if query.search.strip() and not query.search_words():
            # One letter would match nearly every event as a prefix: say why nothing changed.
            text += self.tr(" · type another letter to search")
        self.count_label.setText(text)

    def _show_filter(self, query: EventFilter) -> None:
        """Reflect a filter changed from anywhere in the filter panel and the highlights."""
        self.filters.set_search(query.search)
        self.filters.set_selected(query.categories)
        self.event_list.set_search_words(query.search_words())
        self._show_details()

    def _show_bookmarks(self) -> None:
        """Show the bookmarks wherever they appear."""
        ids = self.browser.bookmarked_ids()
        self.timeline.set_bookmarked(ids)
        self.event_list.set_bookmarked(ids)
        self.bookmarks.set_bookmarks(self.browser.bookmarks())
        event = self.browser.current
        mark = self.browser.bookmark_for(event) if event else None
        self.details.set_bookmark(mark)
        self.commands.bookmark.setChecked(mark is not None)

    def _show_history(self, can_go_back: bool, can_go_forward: bool) -> None:
        """Enable Back and Forward as the history allows."""
        self.commands.back.setEnabled(can_go_back)
        self.commands.forward.setEnabled(can_go_forward)

    # Intents that need a word with the person

    def _only_category(self, category_id: str) -> None:
        """Filter to one category (a chip was clicked)."""
        self.browser.set_categories(frozenset({category_id}))

    def _search_for(self, text: str) -> None:
        """Search for a name (an entity was clicked)."""
        self.browser.set_search(text)

    def _clear_filters(self) -> None:
        """Show everything again."""
        self.browser.set_filter(EventFilter())

    def _toggle_current_bookmark(self) -> None:
        """Bookmark the current event, or remove its bookmark (Ctrl+D)."""
        event = self.browser.current
        if event is not None:
            self._set_bookmarked(event.id, self.browser.bookmark_for(event) is None)

    def _set_bookmarked(self, event_id: str, on: bool) -> None:
        """Bookmark or unbookmark an event; a removal can be undone."""
        if not on:
            self.details.flush_note()
        removed = self.browser.set_bookmarked(event_id, on)
        if removed is not None:
            self._undo = removed
            self.commands.undo.setEnabled(True)
            self.undo_button.show()
            title = removed.event.title if removed.event else removed.title
            self.statusBar().showMessage(self.tr("Removed the bookmark on “{0}”.").format(title), 10000)
            QTimer.singleShot(15000, self._forget_undo)

    def undo(self) -> None:
        """Put back the bookmark removed last, with its note."""
        if self._undo is not None:
            self.browser.restore_bookmark(self._undo)
            self.statusBar().showMessage(self.tr("Bookmark restored."), 5000)
        self._forget_undo()

    def _forget_undo(self) -> None:
        """Stop offering the undo."""
        self._undo = None
        self.commands.undo.setEnabled(False)
        self.undo_button.hide()

    # The dialogs module is imported when a dialog is first asked for: the first window has none.

    def _show_shortcuts(self) -> None:
        """Show every keyboard shortcut."""
        from museum_app.ui import dialogs
        from museum_app.ui.actions import shortcut_rows

        dialogs.show_shortcuts(self, shortcut_rows(self.commands))

    def _show_about(self) -> None:
        """Show the app's name, version and the credit for its data."""
        from museum_app.ui import dialogs

        dialogs.show_about(self)

    def export_bookmarks(self) -> None:
        """Ask for a file and export the bookmarks to it."""
        from museum_app.ui import dialogs

        filters = self.tr("Markdown (*.md);;CSV for spreadsheets (*.csv);;JSON (*.json)")
        path = dialogs.ask_save_path(self, self.tr("Export bookmarks"), filters, "bookmarks.md")
        if path is not None:
            self.browser.export_bookmarks(path)

    def import_bookmarks(self) -> None:
        """Ask for a file and import bookmarks from it."""
        from museum_app.ui import dialogs

        filters = self.tr("Bookmark files (*.json *.csv)")
        path = dialogs.ask_open_path(self, self.tr("Import bookmarks"), filters)
        if path is not None:
            self.browser.import_bookmarks(path)

    def export_image(self) -> None:
        """Ask for a file and save the timeline as shown to it."""
        from museum_app.ui import dialogs

        told = dialogs.export_view_image(self, self.timeline)
        if told is not None:
            self.statusBar().showMessage(told, 8000)

    # Remembering the window

    def restore(self, fallback_event: str | None = None, size: QSize | None = None) -> None:
        """Put the window back as the person left it; an explicit event or size wins."""
        geometry = self.settings.layout("geometry")
        if size is not None:
            self.resize(size)
        elif geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()
        state = self.settings.layout("state")
        if state is not None:
            self.restoreState(state)
        for name in _SPLITTERS:
            saved = self.settings.layout(name)
            splitter = self.findChild(QSplitter, name)
            if saved is not None and splitter is not None:
                splitter.restoreState(saved)
        view = self.settings.view_state()
        known = set(self.browser.categories)
        categories = view.categories & known if view.categories is not None else None
        self.browser.set_filter(EventFilter(categories=categories, search=view.search))
        self._saved_range = view.visible_range
        self.browser.go_to(fallback_event or view.event_id)

    def showEvent(self, event: QShowEvent) -> None:
        """Set the timeline's range once it has its real width (before, any fit would be wrong)."""
        super().showEvent(event)
        if self._range_pending:
            self._range_pending = False
            if self._saved_range is not None:
                self.timeline.set_visible_range(*self._saved_range)
            else:
                self.timeline.fit_all()
            current = self.browser.current
            self.timeline.select(current.id if current else None)

    def _default_geometry(self) -> None:
        """Size a first window generously, within the screen."""
        screen = self.screen().availableGeometry()
        self.resize(min(1440, int(screen.width() * 0.92)), min(920, int(screen.height() * 0.92)))
        self.move(screen.center() - self.rect().center())

    def save(self) -> None:
        """Remember the window, the filter, the zoom and the current event."""
        self.settings.set_layout("geometry", self.saveGeometry())
        self.settings.set_layout("state", self.saveState())
        for name in _SPLITTERS:
            splitter = self.findChild(QSplitter, name)
            if splitter is not None:
                self.settings.set_layout(name, splitter.saveState())
        query, current = self.browser.filter, self.browser.current
        view = ViewState(
            query.categories,
            query.search,
            self.timeline.visible_range(),
            current.id if current else None,
        )
        self.settings.set_view_state(view)
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        """Redraw the toolbar's icons when the palette turns light or dark."""
        commands = getattr(self, "commands", None)  # palette changes can come during __init__
        if event.type() == QEvent.Type.PaletteChange and commands is not None:
            paint_icons(commands, self.palette())
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the note being typed and the window's state before closing."""
        self.details.flush_note()
        self.save()
        super().closeEvent(event)

    def part(self, name: str) -> QWidget:
        """Return a part of the window by its objectName (for tests and assistive tools)."""
        found = self.findChild(QWidget, name)
        if found is None:
            raise LookupError(name)
        return found
