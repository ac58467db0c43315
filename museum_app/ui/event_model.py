"""The event table: a model over event summaries, and a proxy that filters it by a set of ids."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from museum_app.core.domain import EventSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the event id of a row, whatever the column
BOOKMARK_COLUMN, DATE_COLUMN, TITLE_COLUMN, CATEGORIES_COLUMN = range(4)

Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    """Hold the summaries in the order shown; sorting reorders this list, not a proxy's copy.

    Sorting here, with a Python key, is what keeps 100,000 rows fast: a proxy would call
    data() from C++ for every comparison.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EventSummary] = []
        self._row_of: dict[str, int] = {}
        self._names: Mapping[str, str] = {}
        self._bookmarked: frozenset[str] = frozenset()
        self._sort = (DATE_COLUMN, Qt.SortOrder.AscendingOrder)

    def set_summaries(self, summaries: Sequence[EventSummary], names: Mapping[str, str]) -> None:
        """Replace every row, keeping the current sort."""
        self.beginResetModel()
        self._names = dict(names)
        column, order = self._sort
        self._rows = sorted(
            summaries, key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder
        )
        self._index_rows()
        self.endResetModel()

    def set_bookmarked(self, ids: Collection[str]) -> bool:
        """Mark the bookmarked events; return whether anything changed."""
        ids = frozenset(ids)
        if ids == self._bookmarked:
            return False
        self._bookmarked = ids
        if self._rows:
            last = len(self._rows) - 1
            top, bottom = self.index(0, BOOKMARK_COLUMN), self.index(last, BOOKMARK_COLUMN)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])
        if self._sort[0] == BOOKMARK_COLUMN:
            self._reorder()
        return True

    def summaries(self) -> list[EventSummary]:
        """Return the summaries in the order shown."""
        return list(self._rows)

    def row_of(self, event_id: str) -> int | None:
        """Return the row of an event, if it is here."""
        return self._row_of.get(event_id)

    def id_at(self, row: int) -> str:
        """Return the id of the event in a row."""
        return self._rows[row].id

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("★"), self.tr("Date"), self.tr("Title"), self.tr("Categories"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == BOOKMARK_COLUMN:
            return self.tr("Bookmarked")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary, column = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return summary.id
        if column == BOOKMARK_COLUMN:
            return self._bookmark_data(summary.id in self._bookmarked, role)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == DATE_COLUMN:
            # The column is narrow; the tooltip gives the date in full with its basis.
            if role == Qt.ItemDataRole.ToolTipRole:
                return summary.date_label
            return summary.short_label()
        if column == TITLE_COLUMN:
            return summary.title
        return ", ".join(self._names.get(c, c) for c in summary.categories)

    def _bookmark_data(self, marked: bool, role: int) -> Any:
        """Return what the bookmark column shows and says."""
        if role == Qt.ItemDataRole.DisplayRole:
            return "★" if marked else ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and marked:
            return self.tr("Bookmarked")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows; the date sorts by the one date order (rank), not by its text."""
        if (column, order) == self._sort or not 0 <= column < 4:
            return
        self._sort = (column, order)
        self._reorder()

    def _reorder(self) -> None:
        """Sort the rows by the current sort, keeping persistent indexes on their events."""
        column, order = self._sort
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self._rows[index.row()].id, index.column()) for index in persistent]
        self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._index_rows()
        moved = [self.index(self._row_of[event_id], at) for event_id, at in kept]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _key(self, column: int) -> Callable[[EventSummary], Any]:
        """Return the sort key of a column; ties fall back on the date order."""
        if column == BOOKMARK_COLUMN:
            return lambda s: (s.id not in self._bookmarked, s.rank)
        if column == TITLE_COLUMN:
            return lambda s: (s.title.casefold(), s.rank)
        if column == CATEGORIES_COLUMN:
            return lambda s: ([self._names.get(c, c).casefold() for c in s.categories], s.rank)
        return lambda s: s.rank

    def _index_rows(self) -> None:
        """Rebuild the map from id to row."""
        self._row_of = {summary.id: row for row, summary in enumerate(self._rows)}


class VisibleEventsProxy(QSortFilterProxyModel):
    """Let through the rows whose id is in a set (None: every row), in the source's order."""

    def __init__(self, source: EventTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self._ids: frozenset[str] | None = None
        # Re-filtering on dataChanged would test every row when the bookmark column changes.
        self.setDynamicSortFilter(False)

    def visible_ids(self) -> frozenset[str] | None:
        """Return the ids let through (None: all)."""
        return self._ids

    def set_visible_ids(self, ids: Collection[str] | None) -> None:
        """Let through only these ids (None: all); filter again only if the set changed."""
        wanted = None if ids is None else frozenset(ids)
        if wanted == self._ids:
            return
        self._ids = wanted
        # A layout change, not row by row: a new search can hide or show tens of thousands
        # of scattered rows, and one insert or remove per gap would take seconds.
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._ids is None:
            return True
        # Straight to the source's list: index() and data(ID_ROLE) from here cost ten times as
        # much, a second per filtering at 100,000 rows.
        return self._source.id_at(source_row) in self._ids

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Have the source sort itself (fast, by key); this proxy keeps the source's order."""
        self._source.sort(column, order)
