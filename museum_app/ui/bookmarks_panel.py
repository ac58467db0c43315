"""The bookmarks panel: the person's bookmarks with their notes, sorted three ways."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from museum_app.core.domain import BASE_LANGUAGE, Bookmark
from museum_app.ui.language import words
from museum_app.ui.text import plain_label, tooltip_text
from museum_app.ui.widgets import FlowLayout, draw_item_panel

DATE_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2
ORPHAN_ROLE = Qt.ItemDataRole.UserRole + 3
NOTE_LINES = 2
# A change of more bookmarks than this makes their rows again in one pass over every row,
# rather than finding each row's place by halving (an import, another program's writes).
PLACED_AT_MOST = 64
ModelIndex = QModelIndex | QPersistentModelIndex


def _by_date(mark: Bookmark) -> Any:
    """Order by the event's date; bookmarks whose event left the data go last, by title."""
    if mark.event is None:
        return (1, (), mark.title.casefold())
    return (0, mark.event.sort_key(), "")


def _title(mark: Bookmark, language: str) -> str:
    """Return the event's current title in a language, or the one saved when it was bookmarked."""
    return mark.event.title_in(language) if mark.event is not None else mark.title


# Each sort's key, given a bookmark and the language its title is shown in, and its direction.
SORTS: dict[str, tuple[Callable[[Bookmark, str], Any], bool]] = {
    "date": (lambda mark, _: _by_date(mark), False),
    "added": (lambda mark, _: mark.created, True),
    "title": (lambda mark, language: _title(mark, language).casefold(), False),
}


class _Descending:
    """A sort key that orders the other way: the rows are always kept rising, for bisect."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return bool(other.key < self.key)


def note_lines(note: str) -> list[str]:
    """Return the lines of a note that a row shows."""
    return [line for line in note.splitlines() if line.strip()][:NOTE_LINES]


class BookmarkDelegate(QStyledItemDelegate):
    """Paint a bookmark as its title, its date and the first lines of its note.

    Each row's height is its item's size hint, set when the row is made: a list of 10,000
    rows asks for every height at each change, which a Python sizeHint made cost 35 ms.
    """

    def _lines(self, index: ModelIndex) -> list[str]:
        """Return the note lines shown."""
        return note_lines(index.data(NOTE_ROLE) or "")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Draw the background as usual, then the three parts, each shortened to the width."""
        item, _, _ = draw_item_panel(self, painter, option, index)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        dim_role = text_role if selected else QPalette.ColorRole.PlaceholderText
        orphan = bool(index.data(ORPHAN_ROLE))
        parts = [
            (
                index.data(Qt.ItemDataRole.DisplayRole) or "",
                True,
                orphan,
                dim_role if orphan else text_role,
            )
        ]
        parts.append((index.data(DATE_ROLE) or "", False, False, dim_role))
        parts += [(line, False, True, text_role) for line in self._lines(index)]
        rect = item.rect.adjusted(6, 5, -6, -5)
        painter.save()
        for text, bold, italic, role in parts:
            font = item.font
            font.setBold(bold)
            font.setItalic(italic)
            painter.setFont(font)
            painter.setPen(item.palette.color(role))
            metrics = painter.fontMetrics()
            line = QRect(rect.left(), rect.top(), rect.width(), metrics.lineSpacing())
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            rect.setTop(rect.top() + metrics.lineSpacing())
        painter.restore()


class BookmarkList(QListWidget):
    """The list of bookmarks; Delete asks to remove the current one."""

    delete_pressed = Signal()

    def sizeHint(self) -> QSize:
        """Ask for less width than a list usually does: the window's other parts need it more."""
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 30), hint.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Turn Delete (and Backspace, as on a Mac) into a request to remove."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class BookmarksPanel(QWidget):
    """Show the bookmarks; jumping, removing, exporting and importing are emitted as intent.

    The panel lives in a dock that is hidden at start: its rows and buttons are made when it is
    first shown, and until then it keeps the bookmarks, their order and the selected one. It
    asks for the bookmarks (bookmarks_wanted) only while shown: a change made while it is
    hidden (refresh) is asked for when it is next shown.
    """

    event_activated = Signal(str)
    bookmarks_wanted = Signal()  # shown with bookmarks that may be out of date: set_bookmarks
    remove_requested = Signal(str)
    export_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self.setAccessibleName(self.tr("Bookmarks"))
        self._bookmarks: dict[str, Bookmark] = {}  # by the id each was made under
        self._objects: dict[int, Bookmark] = {}  # the same, by id(): what came and went is found in C
        self._language = BASE_LANGUAGE  # of the events' titles
        self._keys: dict[str, Any] = {}  # each bookmark's sort key, worked out once
        self._shown: list[Bookmark] = []  # in the order of the rows
        self._sorted = True  # False while _shown waits to be sorted (the rows are not made)
        self._wanted: str | None = None  # the selected event, while the rows are not made yet
        self._renamed: dict[str, list[str]] = {}  # an event's current id: bookmarks under others
        self._built = False
        self._selecting = False  # set while the code selects a row, so nothing is emitted
        self._stale = True  # the bookmarks changed since the panel was last given them

    def showEvent(self, event: QShowEvent) -> None:
        """Ask for the bookmarks if they changed while hidden; the first time, make the rows."""
        if self._stale:
            self._ask()
        if not self._built:
            self._build()
        super().showEvent(event)

    def refresh(self) -> None:
        """Ask for the bookmarks again: at once when the panel is shown, else when next shown.

        A hidden panel needs none: at start, making 10,000 bookmarks' events for it took a
        third of the window's start, and every change of a bookmark sorted them all again.
        """
        self._stale = True
        if self.isVisible():
            self._ask()

    def _ask(self) -> None:
        """Ask for the bookmarks (bookmarks_wanted), which come back through set_bookmarks."""
        self._stale = False
        self.bookmarks_wanted.emit()

    def _build(self) -> None:
        """Make the sort box, the rows and the buttons, showing what the panel holds."""
        self._sort = QComboBox(self)
        self._sort.setObjectName("bookmarkSort")
        for key in ("date", "added", "title"):
            self._sort.addItem("", key)
        self._sort.currentIndexChanged.connect(self._fill)
        sort_label = self._sort_label = QLabel(self)
        sort_label.setBuddy(self._sort)
        self._list = BookmarkList(self)
        self._list.setObjectName("bookmarkList")
        self._list.setItemDelegate(BookmarkDelegate(self._list))
        self._list.setAlternatingRowColors(True)
        self._list.activated.connect(self._on_activated)
        self._list.delete_pressed.connect(self._remove_current)
        self._list.currentRowChanged.connect(self._update_buttons)
        # Any selection the code did not make is the person's, however made: click, arrow keys
        # or a screen reader's select action (which changes the selection, not the current row).
        self._list.itemSelectionChanged.connect(self._on_selection_changed)
        self._empty = plain_label(self, "bookmarksEmpty", selectable=False)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._list)
        self._remove = QPushButton(self)
        self._remove.clicked.connect(self._remove_current)
        self._export = QPushButton(self)
        self._export.clicked.connect(self.export_requested)
        self._import = QPushButton(self)
        self._import.clicked.connect(self.import_requested)
        top = QHBoxLayout()
        top.addWidget(sort_label)
        top.addWidget(self._sort, stretch=1)
        bottom = FlowLayout()  # the buttons wrap in a narrow panel, leaving room for the list
        for button in (self._remove, self._export, self._import):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._stack, stretch=1)
        layout.addLayout(bottom)
        self._built = True
        self.retranslate()
        self.select(self._wanted)
        # Made while the panel is being shown: lay them out and show them now, for this paint
        # (a widget added to a shown one would otherwise show itself only after it).
        layout.activate()
        for part in (sort_label, self._sort, self._stack, self._remove, self._export, self._import):
            part.show()

    def retranslate(self) -> None:
        """Give every text in the current language, the rows' dates included."""
        self.setAccessibleName(self.tr("Bookmarks"))
        if not self._built:
            return  # the rest is made, in the language of the moment, when first shown
        self._sort.setAccessibleName(self.tr("Sort bookmarks"))
        for index, text in enumerate(
            (self.tr("By date"), self.tr("Recently added"), self.tr("By title"))
        ):
            self._sort.setItemText(index, text)
        self._sort_label.setText(self.tr("Sort:"))
        self._list.setAccessibleName(self.tr("Bookmarks"))
        self._empty.setText(
            self.tr("No bookmarks yet. Press Ctrl+D or the star in the details to bookmark an event.")
        )
        self._remove.setText(self.tr("Remove"))
        self._remove.setToolTip(self.tr("Remove the selected bookmark (Delete)"))
        self._export.setText(self.tr("Export…"))
        self._export.setToolTip(self.tr("Save the bookmarks and notes as Markdown, CSV or JSON"))
        self._import.setText(self.tr("Import…"))
        self._import.setToolTip(self.tr("Add bookmarks from a file exported before"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        """Speak the new language when it changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def set_bookmarks(self, bookmarks: Sequence[Bookmark]) -> None:
        """Show these bookmarks, keeping the selected one selected.

        Only the rows of bookmarks added, removed or changed are made or taken away: with
        10,000 bookmarks, making every row again on each toggle took most of a second. The
        bookmarks not written since the last call come as the very same objects: the others
        are found by their id() with set operations, not by a walk in Python over them all.
        """
        objects = dict(zip(map(id, bookmarks), bookmarks, strict=True))
        came = [objects[key] for key in objects.keys() - self._objects.keys()]
        went = [self._objects[key] for key in self._objects.keys() - objects.keys()]
        self._objects = objects  # holding the old ones until now: no id() was used twice
        if not came and not went:
            return
        old, new = self._bookmarks, dict(self._bookmarks)
        for mark in went:
            del new[mark.event_id]
            self._rename(mark, -1)
        for mark in came:
            new[mark.event_id] = mark
            self._rename(mark, +1)
        # Bookmark equality leaves the event out: compare it too.
        changed = [
            mark.event_id for mark in came
            if (was := old.get(mark.event_id)) is None or was != mark
            or (was.event is not mark.event and was.event != mark.event)
        ]  # fmt: skip
        gone = [mark.event_id for mark in went if mark.event_id not in new]
        self._bookmarks = new
        if not changed and not gone:
            return
        if self._built and self._sorted and len(changed) + len(gone) <= PLACED_AT_MOST:
            self._place_rows([*changed, *gone])
            return
        for key in (*changed, *gone):
            self._keys.pop(key, None)
        if not self._built:
            self._sorted = False  # sorted when the order is first asked for
            return
        self._update_rows(set(changed) | set(gone))

    def _rename(self, mark: Bookmark, way: int) -> None:
        """Note (+1) or forget (-1) a bookmark made under another id than its event's current one."""
        if mark.event is None or mark.event.id == mark.event_id:
            return
        names = self._renamed.setdefault(mark.event.id, [])
        if way > 0:
            names.append(mark.event_id)
        else:
            names.remove(mark.event_id)
            if not names:
                del self._renamed[mark.event.id]

    def set_language(self, language: str) -> None:
        """Show the events' titles in a language from now on (the main ones where none)."""
        if language != self._language:
            self._language = language
            self._fill()

    def focus_list(self, on: bool = True) -> None:
        """Put the keyboard on the bookmarks (on the selected one, else the first)."""
        if not on or not self.isVisible():
            return
        if not self._built:
            self._build()
        target = self._list if self._shown else self._sort
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def select(self, event_id: str | None) -> None:
        """Select the bookmark on an event (by its id or the id it was bookmarked under)."""
        selecting, self._selecting = self._selecting, True
        try:
            self._select(event_id)
        finally:
            self._selecting = selecting

    def _select(self, event_id: str | None) -> None:
        """Select the row of an event's bookmark, or none."""
        if not self._built:
            self._wanted = event_id  # found when the rows are made
            return
        row = self._row_of(event_id)
        self._list.setCurrentRow(-1 if row is None else row)
        if row is not None:
            self._list.scrollToItem(self._list.item(row))

    def _row_of(self, event_id: str | None) -> int | None:
        """Return the row of the bookmark on an event (by its id or the id bookmarked under)."""
        if event_id is None:
            return None
        self._order()
        names = [event_id] if event_id in self._bookmarks else []
        found = [self._find_row(name) for name in (*names, *self._renamed.get(event_id, ()))]
        rows = [row for row in found if row is not None]
        return min(rows) if rows else None  # the first row wins

    def _find_row(self, name: str) -> int | None:
        """Return the row of the bookmark made under an id (the rows are in order of their keys)."""
        key = self._keys.get(name)
        if key is None:
            return None
        keys, shown = self._keys, self._shown
        row = bisect.bisect_left(shown, key, key=lambda mark: keys[mark.event_id])
        return row if row < len(shown) and shown[row].event_id == name else None

    def shown_ids(self) -> list[str]:
        """Return the bookmarked ids in the order shown."""
        return [mark.event_id for mark in self._order()]

    def _order(self) -> list[Bookmark]:
        """Return the bookmarks in the order of the rows, sorting them if they wait for it."""
        if not self._sorted:
            self._shown = self._sorted_marks()
            self._sorted = True
        return self._shown

    def _sorted_marks(self) -> list[Bookmark]:
        """Return the bookmarks sorted as the sort box says, each key worked out once."""
        keys, key_of = self._keys, self._key_of()
        for name, mark in self._bookmarks.items():
            if name not in keys:
                keys[name] = key_of(mark)
        ordered = sorted(self._bookmarks, key=keys.__getitem__)
        return [self._bookmarks[name] for name in ordered]

    def _key_of(self) -> Callable[[Bookmark], Any]:
        """Return what gives a bookmark's sort key as the sort box says, rising row by row.

        With the id: the same order every time. A newest-first sort's keys order the other
        way round, so that a row's place is always found the same way.
        """
        sort = self._sort.currentData() if self._built else None
        key, newest_first = SORTS[sort or "date"]
        language = self._language
        if newest_first:
            return lambda mark: _Descending((key(mark, language), mark.event_id))
        return lambda mark: (key(mark, language), mark.event_id)

    def _fill(self) -> None:
        """Sort the bookmarks and make every row anew (a new sort, a new language)."""
        self._keys.clear()
        self._sorted = False
        if not self._built:
            return
        current = self._current()
        self._selecting = True  # clearing the rows changes the selection: not the person's doing
        try:
            self._list.clear()
            for mark in self._order():
                self._list.addItem(self._item(mark))
        finally:
            self._selecting = False
        self._after_rows(current)

    def _place_rows(self, touched: list[str]) -> None:
        """Take away the rows of a few bookmarks touched and put each one still there in its place.

        Each place is found by halving: a toggle among 10,000 bookmarks neither sorts them all
        again nor walks every row.
        """
        current = self._current()
        keys, shown, key_of = self._keys, self._shown, self._key_of()
        self._selecting = True
        try:
            for name in touched:
                row = self._find_row(name)
                if row is not None:
                    del shown[row]
                    self._list.takeItem(row)
                keys.pop(name, None)
            for name in touched:
                mark = self._bookmarks.get(name)
                if mark is None:
                    continue
                key = keys[name] = key_of(mark)
                row = bisect.bisect_left(shown, key, key=lambda mark: keys[mark.event_id])
                shown.insert(row, mark)
                self._list.insertItem(row, self._item(mark))
        finally:
            self._selecting = False
        self._after_rows(current)

    def _update_rows(self, touched: set[str]) -> None:
        """Take away the rows of the bookmarks touched and put in those still there, in order.

        The other rows keep their order among themselves, so every row put in at its place
        in the new order, first to last, lands where it belongs.
        """
        current = self._current()
        old = self._shown
        self._shown, self._sorted = self._sorted_marks(), True
        self._selecting = True
        try:
            for row in reversed(range(len(old))):
                if old[row].event_id in touched:
                    self._list.takeItem(row)
            for row, mark in enumerate(self._shown):
                if mark.event_id in touched:
                    self._list.insertItem(row, self._item(mark))
        finally:
            self._selecting = False
        self._after_rows(current)

    def _after_rows(self, current: Bookmark | None) -> None:
        """Show the list or the empty notice, select again what was selected, set the buttons."""
        self._stack.setCurrentIndex(1 if self._shown else 0)
        self._export.setEnabled(bool(self._shown))
        self.select(current.event_id if current else None)
        self._update_buttons()

    def _item(self, mark: Bookmark) -> QListWidgetItem:
        """Make the row of a bookmark."""
        item = QListWidgetItem()
        title = _title(mark, self._language)
        if mark.event is None:
            title = self.tr("{title} (no longer in the data)").format(title=title)
        item.setText(title)
        date = mark.event.date.label(words()) if mark.event else mark.date_label
        item.setData(DATE_ROLE, date)
        # All that the row draws, for screen readers: they read the accessible text.
        spoken = ". ".join(part for part in (title, date, mark.note.strip()) if part)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setData(NOTE_ROLE, mark.note)
        item.setData(ORPHAN_ROLE, mark.event is None)
        item.setToolTip(tooltip_text(mark.note))
        # Room for the title, the date and the note's first lines.
        spacing = self._list.fontMetrics().lineSpacing()
        item.setSizeHint(QSize(200, spacing * (2 + len(note_lines(mark.note))) + 10))
        return item

    def _current(self) -> Bookmark | None:
        """Return the selected bookmark, if any."""
        if not self._built:
            row = self._row_of(self._wanted)
            return None if row is None else self._order()[row]
        row = self._list.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _on_activated(self, index: QModelIndex) -> None:
        """Jump to the event of a bookmark (one that left the data has nowhere to go)."""
        mark = self._shown[index.row()]
        if mark.event is not None:
            self.event_activated.emit(mark.event.id)

    def _on_selection_changed(self) -> None:
        """Make the event of a bookmark the person selected current."""
        if self._selecting:
            return
        rows = {index.row() for index in self._list.selectedIndexes()}
        if len(rows) != 1:
            return
        row = rows.pop()
        if row != self._list.currentRow():  # selected without moving: make it current too
            self._selecting = True
            try:
                self._list.setCurrentRow(row, QItemSelectionModel.SelectionFlag.NoUpdate)
            finally:
                self._selecting = False
        mark = self._shown[row]
        if mark.event is not None:
            self.event_activated.emit(mark.event.id)

    def _remove_current(self) -> None:
        """Ask to remove the selected bookmark."""
        mark = self._current()
        if mark is not None:
            self.remove_requested.emit(mark.event_id)

    def _update_buttons(self) -> None:
        """Enable Remove when a bookmark is selected."""
        self._remove.setEnabled(self._current() is not None)
