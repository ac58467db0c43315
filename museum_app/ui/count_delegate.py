"""Rows named "Name (count)" that shorten the name, never the count, in a narrow list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SLACK = 3  # pixels
NAME_ROLE = Qt.ItemDataRole.UserRole + 7  # the name alone; the text is the name and its count


def shortened(text: str, name: str, metrics: QFontMetrics, room: int) -> str:
    """Return text fitted to room: the name shortened at its end, what follows it kept whole."""
    if metrics.horizontalAdvance(text) <= room or not text.startswith(name):
        return text
    count = text[len(name) :]
    width = max(room - metrics.horizontalAdvance(count), 0)
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, width) + count


class CountDelegate(QStyledItemDelegate):
    """Draw a row's text with its name shortened at the end ("Governance and…(12)")."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Fit the row's text to its room by shortening the name and keeping the count whole."""
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        name = index.data(NAME_ROLE)
        if isinstance(name, str):
            room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
            # The style keeps a margin on each side of the text (3 px in Qt's own styles).
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
            # A few pixels kept in hand: the style elides a text that fits to the pixel.
            fit = room.width() - 2 * margin - SLACK
            item.text = shortened(item.text, name, item.fontMetrics, fit)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
