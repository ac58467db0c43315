"""The event table: a model over event summaries that shows the ones a set of ids lets through."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import compress
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from museum_app.core.domain import EventSummary
from museum_app.core.table import EventTable
from museum_app.ui.language import words

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the event id of a row, whatever the column
COLOURS_ROLE = Qt.ItemDataRole.UserRole + 2  # the colours of a row's categories, in order
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TEXT_ROLES = frozenset({_DISPLAY, _TOOLTIP})
_ROLES = _TEXT_ROLES | {
    int(Qt.ItemDataRole.AccessibleTextRole),
    int(Qt.ItemDataRole.TextAlignmentRole),
    int(ID_ROLE),
    int(COLOURS_ROLE),
}
BOOKMARK_COLUMN, DATE_COLUMN, TITLE_COLUMN, CATEGORIES_COLUMN = range(4)

Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    """Hold every summary in the order shown, and show those that a set of ids lets through.

    Sorting and filtering here, not in a proxy, is what keeps 100,000 rows fast: a sorting
    proxy calls data() from C++ for every comparison, and a filtering one calls
    filterAcceptsRow() once per row. Here a filter is a few passes in C over the ids
    (itertools.compress over a byte mask) and one model reset, which a table view with rows
    of one height takes in constant time.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = EventTable.from_summaries([])  # every event, by rank
        self._order: Sequence[int] = range(0)  # the ranks of every event, in the order shown
        self._ids: Sequence[str] = []  # their ids, in that order
        self._position: dict[str, int] | None = {}  # id -> place in _order, made when first asked
        self._rows: Sequence[int] = range(0)  # the ranks of the events shown, in order
        self._row_mask: bytes | None = None  # one byte per place in _order: shown (None: all)
        self._visible: frozenset[str] | None = None
        self._rank_mask: bytes | None = None
        self._names: Mapping[str, str] = {}
        self._colours: Mapping[str, str] = {}
        self._bookmarked: frozenset[str] = frozenset()
        self._sort = (DATE_COLUMN, Qt.SortOrder.AscendingOrder)
        self._short_labels: dict[int, str] = {}  # by rank: working them out is dearer than keeping
        self._separator = self._list_separator()

    def _list_separator(self) -> str:
        """Return what goes between two category names in the current language."""
        return self.tr(", ", "between two category names in a cell")

    def retranslate(self) -> None:
        """Write the headers, the dates and the lists again in the current language."""
        self._short_labels = {}
        self._separator = self._list_separator()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            first, last = self.index(0, DATE_COLUMN), self.index(len(self._rows) - 1, CATEGORIES_COLUMN)
            self.dataChanged.emit(first, last)

    def set_summaries(
        self,
        summaries: Sequence[EventSummary],
        names: Mapping[str, str],
        colours: Mapping[str, str] | None = None,
    ) -> None:
        """Replace every row, keeping the current sort and filter.

        An EventTable is taken as it is; other summaries are put in rank order first, and
        their places in that order are the ranks a mask (set_visible_mask) goes by.
        """
        self.beginResetModel()
        self._names = dict(names)
        self._colours = dict(colours or {})
        self._short_labels = {}
        if isinstance(summaries, EventTable):
            self._table = summaries
        else:
            self._table = EventTable.from_summaries(sorted(summaries, key=attrgetter("rank")))
        self._order_rows()
        self._select_rows()
        self.endResetModel()

    def set_visible_ids(self, ids: Collection[str] | None) -> bool:
        """Show only these ids (None: all); return whether that changed anything."""
        wanted = None if ids is None else frozenset(ids)
        if wanted == self._visible and self._rank_mask is None:
            return False
        self._refilter(wanted, None)
        return True

    def set_visible_mask(self, mask: bytes | None) -> bool:
        """Show only the events whose byte is 1, one byte per rank (None: all).

        The same as set_visible_ids without looking ids up: the cheaper way for a caller
        that knows each event's rank. Return whether that changed anything.
        """
        if mask == self._rank_mask and self._visible is None:
            return False
        self._refilter(None, mask)
        return True

    def _refilter(self, ids: frozenset[str] | None, mask: bytes | None) -> None:
        """Show the rows that ids or mask let through, in one model reset."""
        self.beginResetModel()
        self._visible, self._rank_mask = ids, mask
        self._select_rows()
        self.endResetModel()

    def visible_ids(self) -> frozenset[str] | None:
        """Return the ids let through (None: all)."""
        return self._visible

    def _select_rows(self) -> None:
        """Pick the rows shown from every row, by the set of visible ids or the rank mask."""
        by_rank = self._rank_mask
        if by_rank is None and self._visible is not None:
            by_rank = self._table.mask_of_ids(self._visible)
        if by_rank is None:
            self._rows, self._row_mask = self._order, None
            return
        self._row_mask = _in_order(by_rank, self._order)
        # Kept as machine integers: a list would hold an int object per row shown, made anew
        # at every filter while the last filter's are still alive, which leaves Python's
        # small-object memory scattered long after they are freed.
        self._rows = array("l", compress(self._order, self._row_mask))

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
        """Return every summary (shown or not) in the order shown."""
        return list(map(self._table.__getitem__, self._order))

    def summaries_count(self) -> int:
        """Return how many events there are, shown or not."""
        return len(self._table)

    def shown_ids(self) -> list[str]:
        """Return the ids of the rows shown, in order."""
        return list(map(self._table.ids.__getitem__, self._rows))

    def row_of(self, event_id: str) -> int | None:
        """Return the row of an event, if it is shown."""
        position = self._place_of(event_id)
        if position is None or self._row_mask is None:
            return position
        # The events shown before it: counting bytes in C beats keeping a list of places.
        return self._row_mask.count(1, 0, position) if self._row_mask[position] else None

    def _place_of(self, event_id: str) -> int | None:
        """Return an event's place in the order of every event (shown or not)."""
        order = self._order
        if isinstance(order, range):  # by date: the place follows from the rank
            rank = self._table.rank_of(event_id)
            return None if rank is None else order.index(rank)
        if self._position is None:
            self._position = dict(zip(self._ids, range(len(self._ids)), strict=True))
        return self._position.get(event_id)

    def id_at(self, row: int) -> str:
        """Return the id of the event in a row."""
        return self._table.ids[self._rows[row]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("★"), self.tr("Date"), self.tr("Title"), self.tr("Categories"))
        if role == Qt.ItemDataRole.DisplayRole:
            return names[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole name, for a column too narrow to show it all.
            return self.tr("Bookmarked") if section == BOOKMARK_COLUMN else names[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called from C++ for every role of every cell painted: turn the others away first.
        if role not in _ROLES or not index.isValid():
            return None
        rank, column = self._rows[index.row()], index.column()
        table = self._table
        if role == ID_ROLE:
            return table.ids[rank]
        if column == BOOKMARK_COLUMN:
            return self._bookmark_data(table.ids[rank] in self._bookmarked, role)
        if role == COLOURS_ROLE:
            categories = table.category_sets[table.groups[rank]]
            return tuple(self._colours.get(c, "") for c in categories)
        if role == _ACCESSIBLE and column == DATE_COLUMN:
            return table.date_labels[rank]  # read in full, however briefly it is drawn
        if role not in _TEXT_ROLES:
            return None
        if column == DATE_COLUMN:
            # The column is narrow; the tooltip gives the date in full with its basis.
            if role == _TOOLTIP:
                return table.date_labels[rank]
            label = self._short_labels.get(rank)
            if label is None:
                label = self._short_labels[rank] = table[rank].short_label(words())
            return label
        if column == TITLE_COLUMN:
            return table.titles[rank]
        categories = table.category_sets[table.groups[rank]]
        return self._separator.join(self._names.get(c, c) for c in categories)

    def _bookmark_data(self, marked: bool, role: int) -> Any:
        """Return what the bookmark column shows and says."""
        if role == Qt.ItemDataRole.DisplayRole:
            return "★" if marked else ""
        if role == Qt.ItemDataRole.ToolTipRole and marked:
            return self.tr("Bookmarked")
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a cell read aloud is never nameless
            return self.tr("Bookmarked") if marked else self.tr("Not bookmarked")
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
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self.id_at(index.row()), index.column()) for index in persistent]
        self._order_rows()
        self._select_rows()
        rows = [self.row_of(event_id) for event_id, _ in kept]
        moved = [
            QModelIndex() if row is None else self.index(row, at)
            for row, (_, at) in zip(rows, kept, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _order_rows(self) -> None:
        """Put every event in the order of the current sort; ties fall back on the date order."""
        column, order = self._sort
        table, count = self._table, len(self._table)
        descending = order == Qt.SortOrder.DescendingOrder
        if column == DATE_COLUMN:  # the ranks are the date order: nothing to sort
            self._order = range(count - 1, -1, -1) if descending else range(count)
        else:
            key: Callable[[int], Any]
            if column == BOOKMARK_COLUMN:
                key = lambda r: (table.ids[r] not in self._bookmarked, r)  # noqa: E731
            elif column == TITLE_COLUMN:
                key = lambda r: (table.titles[r].casefold(), r)  # noqa: E731
            else:
                names = [
                    [self._names.get(c, c).casefold() for c in categories]
                    for categories in table.category_sets
                ]
                key = lambda r: (names[table.groups[r]], r)  # noqa: E731
            self._order = sorted(range(count), key=key, reverse=descending)
        ascending = isinstance(self._order, range) and self._order.step == 1
        self._ids = table.ids if ascending else list(map(table.ids.__getitem__, self._order))
        self._position = None


def _in_order(by_rank: bytes, order: Sequence[int]) -> bytes:
    """Rearrange a mask by rank into an order of ranks."""
    if isinstance(order, range) and order.step == 1:  # the date order, as usual: as it is
        return by_rank
    if isinstance(order, range):  # the date order backwards
        return by_rank[::-1]
    return bytes(map(by_rank.__getitem__, order))
