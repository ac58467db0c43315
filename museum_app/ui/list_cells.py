"""Cells of the event list that stay readable when the list is narrow: dates, category marks."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from museum_app.core.date_words import DateWords
from museum_app.core.days import make_day
from museum_app.ui.contrast import readable
from museum_app.ui.event_model import COLOURS_ROLE
from museum_app.ui.widgets import draw_item_panel

Index = QModelIndex | QPersistentModelIndex
# A date known only to lie between two days, as each language writes it briefly, and the
# mark put between the two days instead.
_BETWEEN = (
    (re.compile(r"^between (.+) and (.+)$"), " … "),
    (re.compile(r"^(.+)至(.+)间$"), "…"),  # 2014年1月30日至11月19日间
)
MARK = 10  # a category mark's diameter, in pixels
MARK_GAP = 3


def compact_date(label: str) -> str:
    """Write 'between 30 Jan and 19 Nov 2014' as '30 Jan … 19 Nov 2014'; others as they are."""
    for pattern, mark in _BETWEEN:
        found = pattern.match(label)
        if found:
            return f"{found.group(1)}{mark}{found.group(2)}"
    return label


def widest_dates(words: DateWords) -> tuple[str, str]:
    """Return about the widest date the list writes in a language, whole and compact (to measure)."""
    # Months written as numbers run widest at 11 and 12; written as names, about so at Jan and Nov.
    numbers = any(c.isdigit() for c in words.short_months[0])
    first, last = ((2014, 11, 30), (2014, 12, 31)) if numbers else ((2014, 1, 30), (2014, 11, 19))
    whole = words.two(words.short_between_in_year, make_day(*first), make_day(*last))
    return whole, compact_date(whole)


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
