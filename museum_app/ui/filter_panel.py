"""The filter panel: a search box, a checklist of categories with their counts, and collections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from museum_app.core.domain import BASE_LANGUAGE, Category
from museum_app.ui.access import mark_heading
from museum_app.ui.collection_filter import CollectionFilter
from museum_app.ui.contrast import readable
from museum_app.ui.count_delegate import NAME_ROLE, CountDelegate
from museum_app.ui.text import plain_label, tooltip_text
from museum_app.ui.widgets import FlowLayout, swatch_icon

# The search runs once the keys already waiting are handled, with no pause on top: typed at a
# practised typist's pace into 100,000 events, any pause from 50 to 200 ms made the search
# land on the next key (its echo late by 12 to 29 ms at the 95th percentile, results 107 to
# 266 ms after the last key), where none kept every echo under a millisecond and the results
# within 48 ms (benchmarks/results/typing-100000.json; docs/PERFORMANCE.md). Keys that come
# while a search runs still make one search.
SEARCH_DELAY_MS = 0
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class FilterPanel(QWidget):
    """Let the person search and choose categories; emit what they chose, never what was set."""

    search_changed = Signal(str)
    categories_changed = Signal(object)  # frozenset[str] | None (None: every category)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self._categories: tuple[Category, ...] = ()
        self._counts: dict[str, int] | None = None
        self._language = BASE_LANGUAGE  # of the categories' names and descriptions
        self._emitted_search = ""
        self._updating = False  # set while the code changes check marks, so none is emitted
        self._search = QLineEdit(self)
        self._search.setObjectName("searchBox")
        self._search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_search)
        self._search.textEdited.connect(self._on_search_edited)
        self._search.returnPressed.connect(self._emit_search)
        heading = self._heading = mark_heading(QLabel(self))
        # The rule, where the boxes are: unticking a category whose events all carry another
        # ticked one hides nothing, and without it that would look like a fault.
        rule = self._rule = plain_label(self, "categoryRule", scale=0.9, selectable=False)
        rule.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._list = QListWidget(self)
        self._list.setObjectName("categoryFilter")
        # As wide as the names when there is room; a narrow window shortens them with "…".
        self._list.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self._list.setMinimumWidth(self._list.fontMetrics().averageCharWidth() * 18)
        # No sideways scrolling: a name too long is shortened at its end, and its count kept
        # in view ("Telecom and…(5)").
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setItemDelegate(CountDelegate(self._list))
        self._list.itemChanged.connect(self._on_item_changed)
        self._list.currentItemChanged.connect(self._update_buttons)
        heading.setBuddy(self._list)
        self._all = QPushButton(self)
        self._all.clicked.connect(lambda: self._check(self._all_ids()))
        self._none = QPushButton(self)
        self._none.clicked.connect(lambda: self._check(set()))
        self._only = QPushButton(self)
        self._only.clicked.connect(self._only_current)
        self._list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for button in (self._only, self._all, self._none):
            action = QAction(self._list)
            action.triggered.connect(button.click)
            self._list.addAction(action)
        buttons = FlowLayout()  # wrapping in a narrow window rather than widening it
        for button in (self._all, self._none, self._only):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._search)
        layout.addWidget(heading)
        layout.addWidget(rule)
        layout.addWidget(self._list, stretch=1)
        layout.addLayout(buttons)
        # Beside the categories: each collection (a pack, imported or the app's own) on its own.
        self.collections = CollectionFilter(self)
        layout.addWidget(self.collections)
        self._update_buttons()
        self.retranslate()

    # Search

    def retranslate(self) -> None:
        """Give every text in the current language."""
        self.setAccessibleName(self.tr("Filters"))
        self._search.setAccessibleName(self.tr("Search"))
        self._search.setPlaceholderText(self.tr("Search events (Ctrl+F)"))
        self._heading.setText(self.tr("Categories"))
        self._list.setAccessibleName(self.tr("Categories"))
        self._rule.setText(self.tr("An event shows while any of its categories is ticked."))
        self._list.setAccessibleDescription(self._rule.text())
        self._all.setText(self.tr("All"))
        self._all.setToolTip(self.tr("Show every category"))
        self._none.setText(self.tr("None"))
        self._none.setToolTip(self.tr("Uncheck every category"))
        self._only.setText(self.tr("Only this"))
        self._only.setToolTip(self.tr("Show only the selected category"))
        for action, button in zip(
            self._list.actions(), (self._only, self._all, self._none), strict=True
        ):
            action.setText(button.text())
        for item in self._items():
            self._label(item)

    def changeEvent(self, event: QEvent) -> None:
        """Speak the new language when it changes; redraw the swatches on a new palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_only"):
            self.retranslate()
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_list"):
            self._updating = True
            try:
                self._paint_swatches()
            finally:
                self._updating = False

    def search_text(self) -> str:
        """Return the text in the search box."""
        return self._search.text()

    def set_search(self, text: str) -> None:
        """Put a search in the box without emitting it."""
        if text == self._search.text():
            return
        if self._search_timer.isActive() and text == self._emitted_search:
            return  # an echo of what was emitted while the person went on typing: keep their text
        self._search_timer.stop()
        self._search.setText(text)
        self._emitted_search = text

    def focus_search(self) -> None:
        """Move the keyboard focus to the search box, its text selected for typing over."""
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def _on_search_edited(self, text: str) -> None:
        """Search once the keys waiting are handled; clearing the box takes effect at once."""
        if text:
            self._search_timer.start()
        else:
            self._emit_search()

    def _emit_search(self) -> None:
        """Emit the search if it differs from the one last emitted."""
        self._search_timer.stop()
        text = self._search.text()
        if text != self._emitted_search:
            self._emitted_search = text
            self.search_changed.emit(text)

    # Categories

    def set_categories(self, categories: Sequence[Category]) -> None:
        """Show these categories; those unchecked before stay unchecked, new ones are checked."""
        categories = tuple(categories)
        if categories == self._categories:
            return
        unchecked = {c.id for c in self._categories} - set(self._checked_ids())
        self._categories = categories
        self._updating = True
        try:
            self._list.clear()
            for category in categories:
                item = QListWidgetItem(self._list)
                item.setData(ID_ROLE, category.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = category.id not in unchecked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self._label(item)
            self._paint_swatches()
        finally:
            self._updating = False
        self._update_buttons()

    def set_language(self, language: str) -> None:
        """Name and describe the categories in a language from now on (the main words where none)."""
        if language == self._language:
            return
        self._language = language
        self._relabel()

    def _paint_swatches(self) -> None:
        """Give each category its colour's swatch, made to stand out from the list's background."""
        # The panel's own: on a change it hears of it before the list inherits it.
        background = self.palette().color(QPalette.ColorRole.Base)
        for item, category in zip(self._items(), self._categories, strict=True):
            swatch = readable(QColor(category.colour), background)
            item.setData(Qt.ItemDataRole.DecorationRole, swatch_icon(swatch))

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Show beside each category how many events match the current search."""
        if self._counts == dict(counts):
            return
        self._counts = dict(counts)
        self._relabel()

    def _relabel(self) -> None:
        """Write every category's name and count anew, emitting nothing."""
        self._updating = True
        try:
            for item in self._items():
                self._label(item)
        finally:
            self._updating = False

    def selected(self) -> frozenset[str] | None:
        """Return the checked categories, or None when every one is checked."""
        checked = self._checked_ids()
        return None if len(checked) == self._list.count() else frozenset(checked)

    def set_selected(self, ids: frozenset[str] | None) -> None:
        """Check these categories (None: all) without emitting."""
        if ids == self.selected():
            return
        self._updating = True
        try:
            for item in self._items():
                on = ids is None or item.data(ID_ROLE) in ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._updating = False

    def _label(self, item: QListWidgetItem) -> None:
        """Write a category's name with its count, 'Cybersecurity (6)', and its description."""
        category = next(c for c in self._categories if c.id == item.data(ID_ROLE))
        text = category.text(self._language)
        item.setData(NAME_ROLE, text.name)
        item.setToolTip(tooltip_text(text.description))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, text.description)
        if self._counts is None:
            item.setText(text.name)
            return
        count = self._counts.get(category.id, 0)
        item.setText(self.tr("{name} ({count})").format(name=text.name, count=count))

    def _all_ids(self) -> set[str]:
        """Return the ids of every category."""
        return {c.id for c in self._categories}

    def _items(self) -> list[QListWidgetItem]:
        """Return the category items in order."""
        return [self._list.item(row) for row in range(self._list.count())]

    def _checked_ids(self) -> list[str]:
        """Return the ids of the checked categories."""
        return [i.data(ID_ROLE) for i in self._items() if i.checkState() == Qt.CheckState.Checked]

    def _check(self, ids: set[str]) -> None:
        """Check exactly these categories, as the person asked, and emit if that changed."""
        before = self.selected()
        self.set_selected(None if ids == self._all_ids() else frozenset(ids))
        if self.selected() != before:
            self.categories_changed.emit(self.selected())

    def _only_current(self) -> None:
        """Check only the current category."""
        item = self._list.currentItem()
        if item is not None:
            self._check({item.data(ID_ROLE)})

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        """Emit a check mark the person changed."""
        if not self._updating:
            self.categories_changed.emit(self.selected())

    def _update_buttons(self) -> None:
        """Enable 'Only this' when there is a current category."""
        self._only.setEnabled(self._list.currentItem() is not None)
