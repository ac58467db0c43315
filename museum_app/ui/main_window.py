"""The main window: composes the views and wires them to the one browsing state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QPalette, QShowEvent
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
from museum_app.ui import access, window_state
from museum_app.ui.actions import create_actions, paint_icons
from museum_app.ui.actions import retranslate as retranslate_actions
from museum_app.ui.adapters import timeline_items
from museum_app.ui.bookmarks_panel import BookmarksPanel
from museum_app.ui.browser import Browser
from museum_app.ui.detail_pane import DetailPane
from museum_app.ui.event_list import EventList
from museum_app.ui.filter_panel import FilterPanel
from museum_app.ui.heap import HeapTrimmer
from museum_app.ui.importing import Importing
from museum_app.ui.language import TRANSLATION
from museum_app.ui.messages import translated
from museum_app.ui.settings import WindowSettings
from museum_app.ui.timeline.view import TimelineView


class MainWindow(QMainWindow):
    """Timeline above; filters, list and details below; bookmarks in a dock."""

    def __init__(self, browser: Browser, settings: WindowSettings) -> None:
        super().__init__()
        self.browser = browser
        self.settings = settings
        self._undo: Bookmark | None = None
        self.saved_range: tuple[float, float] | None = None  # the timeline's, until it is shown
        self._range_pending = True
        self.setObjectName("mainWindow")
        self.timeline = TimelineView(self)
        self.filters = FilterPanel(self)
        self.event_list = EventList(self)
        self.details = DetailPane(self)
        self.bookmarks = BookmarksPanel(self)
        self.heap = HeapTrimmer(self)
        self._compose()
        self.commands = create_actions(self)
        self.announcer = access.install(self)
        self.importing = Importing(self, browser)
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
        dock = QDockWidget(self)
        dock.setObjectName("bookmarksDock")
        dock.setWidget(self.bookmarks)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        self.bookmarks_dock = dock
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.hide()
        self.statusBar().addPermanentWidget(self.undo_button)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("eventCount")
        self.statusBar().addPermanentWidget(self.count_label)
        self.setTabOrder(self.timeline, self.filters)
        self.retranslate()

    def retranslate(self) -> None:
        """Give the window's own texts in the current language (the parts do theirs)."""
        self.setWindowTitle(self.tr("China Internet Museum: milestones"))
        self.notice.setAccessibleName(self.tr("Notice"))
        self.bookmarks_dock.setWindowTitle(self.tr("Bookmarks"))
        self.undo_button.setText(self.tr("Undo"))
        access.name_panes(self)

    def _wire_views(self) -> None:
        """Carry what the person does in a view to the browsing state."""
        b = self.browser
        for view in (self.timeline, self.event_list, self.details, self.bookmarks):
            view.event_activated.connect(b.go_to)
        self.timeline.access.set_events(b.find_event)  # dates read as the details write them
        self.details.previous_requested.connect(lambda: b.step(-1))
        self.details.next_requested.connect(lambda: b.step(+1))
        self.details.category_clicked.connect(self._only_category)
        self.details.entity_clicked.connect(self._search_for)
        self.details.bookmark_toggled.connect(self._set_bookmarked)
        self.details.note_edited.connect(
            lambda event_id, text: b.set_note(event_id, text, self.details.note_base())
        )
        self.filters.search_changed.connect(b.set_search)
        self.filters.categories_changed.connect(b.set_categories)
        self.filters.collections.collections_changed.connect(b.set_collections)
        self.filters.collections.remove_requested.connect(self.importing.confirm_remove)
        self.importing.imported.connect(lambda _: self.timeline.fit_all())
        self.event_list.clear_filters_requested.connect(self._clear_filters)
        self.bookmarks.bookmarks_wanted.connect(lambda: self.bookmarks.set_bookmarks(b.bookmarks()))
        self.bookmarks.remove_requested.connect(lambda event_id: self._set_bookmarked(event_id, False))
        self.bookmarks.export_requested.connect(self._dialog("export_bookmarks"))
        self.bookmarks.import_requested.connect(self._dialog("import_bookmarks"))
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
        b.data_changed.connect(self._load_data)
        b.visible_changed.connect(lambda _: self.heap.schedule())  # freed: handed back when idle
        b.data_changed.connect(self.heap.schedule)
        b.language_changed.connect(self._show_language)

    def _wire_actions(self) -> None:
        """Connect the menu and toolbar commands."""
        a, b = self.commands, self.browser
        a.open_file.triggered.connect(self.importing.open_file)
        a.export_bookmarks.triggered.connect(self._dialog("export_bookmarks"))
        a.import_bookmarks.triggered.connect(self._dialog("import_bookmarks"))
        a.export_image.triggered.connect(self._dialog("export_image"))
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
        a.show_bookmarks.toggled.connect(self.bookmarks.focus_list)
        self.bookmarks_dock.visibilityChanged.connect(a.show_bookmarks.setChecked)
        a.full_screen.toggled.connect(lambda on: self.showFullScreen() if on else self.showNormal())
        a.shortcuts.triggered.connect(self._dialog("show_window_shortcuts"))
        a.legend.triggered.connect(self.timeline.show_legend)
        a.about.triggered.connect(self._dialog("show_about"))
        for language in a.languages:
            language.setChecked(language.data() == TRANSLATION.language)
            language.triggered.connect(self._language_chosen)
        a.undo.setEnabled(False)
        a.back.setEnabled(False)
        a.forward.setEnabled(False)

    def _load(self) -> None:
        """Give the views their data, in the browser's language."""
        self._give_language(self.browser.language)
        self._load_data()
        self._show_bookmarks()
        self._show_visible(None)
        self._show_current(None)
        self.show_notices(self.browser.library.notices())

    def _load_data(self) -> None:
        """Give the views the events, categories and collections (again after an import)."""
        b = self.browser
        self.timeline.set_items(timeline_items(b.summaries, b.categories))
        cats = b.categories.values()
        self.event_list.set_summaries(
            b.summaries, {c.id: c.text(b.language).name for c in cats}, {c.id: c.colour for c in cats}
        )
        self.filters.set_categories(list(b.categories.values()))
        self.filters.collections.set_collections(b.collections(), b.filter.collections)
        self.filters.set_counts(b.counts())

    def _give_language(self, language: str) -> None:
        """Tell the parts that show the events' own words which language to show them in."""
        self.details.set_language(language)
        self.bookmarks.set_language(language)
        self.filters.set_language(language)

    def _show_language(self, language: str) -> None:
        """Show every event's own words in the browser's new language, the filter kept."""
        self._give_language(language)
        self._load_data()  # the timeline's and the list's titles and dates
        self._show_visible(self.browser.visible())  # new items show all: filter them again

    def show_notices(self, notices: list[str]) -> None:
        """Tell the person, above everything, what they must know about their data."""
        self.notice.setText("\n".join(translated(notice) for notice in notices))
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
        number = QLocale().toString  # digits grouped as the language groups them
        if mask is None:
            text = self.tr("{0} events").format(number(total))
        else:
            text = self.tr("Showing {0} of {1} events").format(number(mask.count(1)), number(total))
        query = self.browser.filter
        if query.search.strip() and not query.search_words():
            # One letter would match nearly every event as a prefix: say why nothing changed.
            text += self.tr(" · type another letter to search")
        self.announcer.show(self.count_label, text)

    def _show_filter(self, query: EventFilter) -> None:
        """Reflect a filter changed from anywhere in the filter panel and the highlights."""
        self.filters.set_search(query.search)
        self.filters.set_selected(query.categories)
        self.filters.collections.set_selected(query.collections)
        self.event_list.set_search_words(query.search_words())
        self._show_details()

    def _show_bookmarks(self) -> None:
        """Show the bookmarks wherever they appear."""
        event = self.browser.current
        if event is not None and self.browser.bookmark_for(event) is None:
            # Removed elsewhere while a note was being typed: the note is saved (bringing the
            # bookmark back) before the editor is cleared; that save shows everything anew.
            self.details.flush_note()
        ids = self.browser.bookmarked_ids()
        self.timeline.set_bookmarked(ids)
        self.event_list.set_bookmarked(ids)
        self.bookmarks.refresh()  # asks the browser for them only when it is shown
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
            title = removed.event.title_in(self.browser.language) if removed.event else removed.title
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

    def _dialog(self, name: str) -> Callable[[], None]:
        """Return a slot running a dialog of the dialogs module (imported when first asked for)."""

        def run() -> None:
            from museum_app.ui import dialogs  # the first window shows no dialog

            getattr(dialogs, name)(self)

        return run

    # Remembering the window

    def restore(self, fallback_event: str | None = None, size: QSize | None = None) -> None:
        """Put the window back as the person left it; an explicit event or size wins."""
        window_state.restore(self, fallback_event, size)

    def showEvent(self, event: QShowEvent) -> None:
        """Set the timeline's range once it has its real width (before, any fit would be wrong)."""
        super().showEvent(event)
        if self._range_pending:
            self._range_pending = False
            window_state.show_range(self)

    def save(self) -> None:
        """Remember the window, the filter, the zoom and the current event."""
        window_state.save(self)

    def _language_chosen(self) -> None:
        """Switch to the language of the View > Language entry just chosen."""
        chosen = self.sender()
        if isinstance(chosen, QAction):
            self.set_language(str(chosen.data()))

    def set_language(self, language: str) -> None:
        """Speak another language at once (View > Language), and remember it."""
        self.settings.set_language(language)
        TRANSLATION.use(language)  # every widget gets a LanguageChange event
        for action in self.commands.languages:
            action.setChecked(action.data() == TRANSLATION.language)
        # The events' own words: the browser says so to every view (language_changed).
        self.browser.set_language(TRANSLATION.language)

    def changeEvent(self, event: QEvent) -> None:
        """Redraw the icons for a light or dark palette; retell every text in a new language."""
        commands = getattr(self, "commands", None)  # palette changes can come during __init__
        if event.type() == QEvent.Type.PaletteChange and commands is not None:
            paint_icons(commands, self.palette())
        if event.type() == QEvent.Type.LanguageChange and commands is not None:
            self.retranslate()
            retranslate_actions(self, commands)
            self._show_details()
            self._show_visible(self.browser.visible())
            self._show_bookmarks()
            self.show_notices(self.browser.library.notices())
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
