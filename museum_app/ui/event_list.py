"""The event list: a sortable table of the events that pass the filter, search matches marked."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from museum_app.core.domain import EventSummary
from museum_app.ui.event_model import (
    BOOKMARK_COLUMN,
    CATEGORIES_COLUMN,
    DATE_COLUMN,
    TITLE_COLUMN,
    EventTableModel,
)
from museum_app.ui.language import words
from museum_app.ui.list_cells import CategoryMarksDelegate, DateDelegate, marks_width, widest_dates
from museum_app.ui.text import fold_words, match_spans
from museum_app.ui.widgets import draw_item_panel

FOCUS_FRAME = 2  # pixels: the frame round the current cell while the list has the keyboard


class HighlightDelegate(QStyledItemDelegate):
    """Paint a cell's text with the words that match the search in bold on the highlight colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()

    def set_words(self, words: Sequence[str]) -> bool:
        """Mark these search words from now on; return whether they changed."""
        folded = fold_words(words)
        changed = folded != self._words
        self._words = folded
        return changed

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Paint as usual, then the text with its matches marked; only visible rows are painted."""
        text = index.data() or ""
        spans = match_spans(text, self._words) if self._words else []
        if not spans:
            super().paint(painter, option, index)
            return
        item, style, widget = draw_item_panel(self, painter, option, index)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)
        shown = item.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        layout = QTextLayout(shown, item.font)
        layout.setFormats(
            [self._range(start, min(end, len(shown)), item, selected) for start, end in spans]
        )
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(rect.width() * 2)  # never wrap: the text was elided to fit
        layout.endLayout()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(item.palette.color(role))
        layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - line.height()) / 2))
        painter.restore()

    @staticmethod
    def _range(
        start: int, end: int, item: QStyleOptionViewItem, selected: bool
    ) -> QTextLayout.FormatRange:
        """Format one match: bold, on a light highlight (underlined on a selected row)."""
        match = QTextCharFormat()
        match.setFontWeight(QFont.Weight.Bold)
        if selected:
            match.setFontUnderline(True)
        else:
            colour = item.palette.color(QPalette.ColorRole.Highlight)
            colour.setAlpha(90)
            match.setBackground(colour)
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = start, max(0, end - start), match
        return span


class EmptyState(QWidget):
    """Say why the list is empty, with a way out."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("eventListEmpty")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.button = QPushButton(self.tr("Clear filters"), self)
        self.button.setObjectName("clearFiltersButton")
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.label)
        layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()

    def changeEvent(self, event: QEvent) -> None:
        """Speak the new language when it changes (the list writes the label)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.button.setText(self.tr("Clear filters"))


class EventList(QTableView):
    """A table of events; the person's moves emit the event, the code's selection stays quiet."""

    event_activated = Signal(str)
    clear_filters_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A viewport made here, not by Qt: asking for Qt's own (to place the empty notice)
        # makes PySide6 look its class up through every widget class it has, at start-up.
        self.setViewport(QWidget(self))
        self.setObjectName("eventList")
        self.setAccessibleName(self.tr("Events"))
        self._model = EventTableModel(self)
        self.setModel(self._model)
        self._delegate = HighlightDelegate(self)
        self.setItemDelegateForColumn(TITLE_COLUMN, self._delegate)
        self.setItemDelegateForColumn(DATE_COLUMN, DateDelegate(self))
        self.setItemDelegateForColumn(CATEGORIES_COLUMN, CategoryMarksDelegate(self))
        self._by_code = False  # set while the code selects, so that nothing is emitted
        self._wanted: str | None = None  # the current event, even while the filter hides it
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: fast at 100,000
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        # A column made narrow for compact marks shortens its name ("Cate..."), never clips it.
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(BOOKMARK_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(BOOKMARK_COLUMN, self.fontMetrics().horizontalAdvance("★") + 16)
        self._fit_width()
        header.setSortIndicator(DATE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        # Whatever the code did not select, the person did: by mouse, keys, or a screen reader's
        # select action (which changes the selection only, not the current row).
        self.selectionModel().currentRowChanged.connect(self._follow_selection)
        self.selectionModel().selectionChanged.connect(self._follow_selection)
        self._empty = EmptyState(self)
        self._empty.button.clicked.connect(self.clear_filters_requested)
        for signal in (self._model.modelReset, self._model.layoutChanged, self._model.rowsInserted,
                       self._model.rowsRemoved):  # fmt: skip
            signal.connect(self._update_empty_state)
        self._update_empty_state()

    def set_summaries(
        self,
        summaries: Sequence[EventSummary],
        category_names: Mapping[str, str],
        colours: Mapping[str, str] | None = None,
    ) -> None:
        """Show these events (the current one stays current if it is still there)."""
        self._model.set_summaries(summaries, category_names, colours)
        self.select(self._wanted)

    def set_visible_ids(self, ids: Collection[str] | None) -> None:
        """Show only these events (None: all); the current one is selected again when shown."""
        if self._model.set_visible_ids(ids) and self._wanted is not None:
            self.select(self._wanted)

    def set_visible_mask(self, mask: bytes | None) -> None:
        """Show only the events whose byte is 1, one byte per rank (None: all).

        The same as set_visible_ids, without looking ids up: see EventTableModel.
        """
        if self._model.set_visible_mask(mask) and self._wanted is not None:
            self.select(self._wanted)

    def set_bookmarked(self, ids: Collection[str]) -> None:
        """Mark the bookmarked events with a star."""
        self._model.set_bookmarked(ids)

    def set_search_words(self, words: Sequence[str]) -> None:
        """Mark these search words in the titles."""
        if self._delegate.set_words(words):
            self.viewport().update()

    def select(self, event_id: str | None) -> None:
        """Make an event current and scroll to it, without emitting; None or a hidden one clears."""
        self._wanted = event_id
        row = self._model.row_of(event_id) if event_id is not None else None
        index = self._model.index(row, TITLE_COLUMN) if row is not None else None
        by_code, self._by_code = self._by_code, True
        try:
            if index is None or not index.isValid():
                self.selectionModel().clear()
                return
            flags = self.selectionModel().SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index)
        finally:
            self._by_code = by_code

    def current_id(self) -> str | None:
        """Return the id of the current event, if any."""
        index = self.currentIndex()
        return self._model.id_at(index.row()) if index.isValid() else None

    def visible_ids_in_order(self) -> list[str]:
        """Return the ids of the events shown, in the order shown."""
        return self._model.shown_ids()

    def empty_state(self) -> EmptyState:
        """Return the notice shown when no event is listed."""
        return self._empty

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Coming in with no row chosen, choose the first: its title named, its row selected.

        Qt would make the first cell current without selecting it, so that Down went to the
        second event and a screen reader heard an empty star cell.
        """
        chosen = self.currentIndex().isValid() and self.selectionModel().hasSelection()
        if not chosen and event.reason() != Qt.FocusReason.MouseFocusReason and self._model.rowCount():
            flags = self.selectionModel().SelectionFlag
            first = self._model.index(0, TITLE_COLUMN)
            self.selectionModel().setCurrentIndex(first, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(first)
        super().focusInEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the rows, then a clear frame round the current cell while the list has focus.

        Styles draw the focus on a selected row in a shade of the selection itself, or only
        after a key was pressed: a keyboard user must see where they are at once.
        """
        super().paintEvent(event)
        current = self.currentIndex()
        if not self.hasFocus() or not current.isValid():
            return
        selected = self.selectionModel().isSelected(current)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        with QPainter(self.viewport()) as painter:
            painter.setPen(QPen(self.palette().color(role), FOCUS_FRAME))
            painter.drawRect(self.visualRect(current).adjusted(1, 1, -2, -2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the empty-state notice over the rows area, and the titles readable."""
        super().resizeEvent(event)
        self._empty.setGeometry(self.viewport().geometry())
        self._fit_columns()

    def _widths(self, *, compact: bool) -> tuple[int, int]:
        """Return the date and categories columns' widths, whole or compact."""
        metrics = self.fontMetrics()
        widest = widest_dates(words())  # as the window's language writes dates
        date = metrics.horizontalAdvance(widest[1 if compact else 0]) + 16
        if compact:
            return date, marks_width(3)
        return date, metrics.horizontalAdvance("M") * 9

    def _fit_width(self) -> None:
        """Ask for room for the star, a compact date, three category marks and 20 title characters."""
        compact = sum(self._widths(compact=True)) + self.fontMetrics().averageCharWidth() * 22
        self.setMinimumWidth(compact + self.horizontalHeader().sectionSize(BOOKMARK_COLUMN) + 20)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Give the title 30 characters or more: when short of room, compact dates and marks."""
        header = self.horizontalHeader()
        wide = self._widths(compact=False)
        fixed = header.sectionSize(BOOKMARK_COLUMN) + sum(wide)
        title_room = self.viewport().width() - fixed
        compact = title_room < self.fontMetrics().averageCharWidth() * 30
        date, categories = self._widths(compact=True) if compact else wide
        if header.sectionSize(DATE_COLUMN) != date:
            header.resizeSection(DATE_COLUMN, date)
        if header.sectionSize(CATEGORIES_COLUMN) != categories:
            header.resizeSection(CATEGORIES_COLUMN, categories)

    def _follow_selection(self, *_: object) -> None:
        """Emit the event the person selected, making its row current if it was not."""
        if self._by_code:
            return
        rows = {index.row() for index in self.selectionModel().selectedRows(TITLE_COLUMN)}
        if len(rows) != 1:
            return
        row = rows.pop()
        event_id = self._model.id_at(row)
        if event_id == self._wanted:
            return
        self._wanted = event_id
        if self.currentIndex().row() != row:  # selected by a screen reader: move there too
            self._by_code = True
            try:
                flags = self.selectionModel().SelectionFlag
                self.selectionModel().setCurrentIndex(
                    self._model.index(row, TITLE_COLUMN), flags.NoUpdate
                )
            finally:
                self._by_code = False
        self.event_activated.emit(event_id)

    def changeEvent(self, event: QEvent) -> None:
        """Speak the new language when it changes: names, headers, dates and the empty notice."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Events"))
            self._model.retranslate()
            self._update_empty_state()
            self._fit_width()  # the dates' widths are the new language's

    def _update_empty_state(self) -> None:
        """Show the notice when no row is listed, saying why."""
        empty = self._model.rowCount() == 0
        filtered = bool(self._model.summaries_count())
        self._empty.label.setText(
            self.tr("No events match. Clear the search or the category filter.")
            if filtered
            else self.tr("No events to show.")
        )
        self._empty.button.setVisible(filtered)
        self._empty.setGeometry(self.viewport().geometry())
        self._empty.setVisible(empty)
