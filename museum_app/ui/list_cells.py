"""Cells of the event list that stay readable when the list is narrow: dates, category marks."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from museum_app.ui.contrast import readable
from museum_app.ui.event_model import COLOURS_ROLE
from museum_app.ui.widgets import draw_item_panel

Index = QModelIndex | QPersistentModelIndex
_BETWEEN = re.compile(r"^between (.+) and (.+)$")
MARK = 10  # a category mark's diameter, in pixels
MARK_GAP = 3
WIDEST_COMPACT_DATE = "30 Jan … 19 Nov 2014"


def compact_date(label: str) -> str:
    """Write 'between 30 Jan and 19 Nov 2014' as '30 Jan … 19 Nov 2014'; others as they are."""
    found = _BETWEEN.match(label)
    return f"{found.group(1)} … {found.group(2)}" if found else label


class DateDelegate(QStyledItemDelegate):
    """Draw a date whole when it fits, else in its compact form (the tooltip has it in full)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        """Shorten 'between ... and ...' when the column is too narrow for it."""
        super().initStyleOption(option, index)
        room = option.rect.width() - 12
        if option.fontMetrics.horizontalAdvance(option.text) > room:
            option.text = compact_date(option.text)


class CategoryMarksDelegate(QStyledItemDelegate):
    """Draw the categories' names when they fit, else one colour mark for each category."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint names, or marks in the categories' colours where the names would be cut."""
        text = index.data() or ""
        colours: tuple[str, ...] = index.data(COLOURS_ROLE) or ()
        room = option.rect.width() - 12
        if not colours or option.fontMetrics.horizontalAdvance(text) <= room:
            super().paint(painter, option, index)
            return
        item, _, _ = draw_item_panel(self, painter, option, index)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        outline = item.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(item.rect)
        painter.setPen(outline)
        x = item.rect.left() + 6
        y = item.rect.center().y() - MARK / 2
        background = item.palette.color(QPalette.ColorRole.Base)  # the same marks on a selected row
        for colour in colours:
            fill = readable(QColor(colour), background)
            painter.setBrush(fill if fill.isValid() else QColor(Qt.GlobalColor.gray))
            painter.drawEllipse(QRectF(x, y, MARK, MARK))
            x += MARK + MARK_GAP
        painter.restore()


def marks_width(count: int) -> int:
    """Return the width a column needs for this many category marks."""
    return 12 + count * MARK + (count - 1) * MARK_GAP
