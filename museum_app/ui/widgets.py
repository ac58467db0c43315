"""Small drawing and layout helpers shared by the window's widgets."""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QLayoutItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)


class FlowLayout(QLayout):
    """Lay items out in rows that wrap, like words; an item wider than a row is narrowed."""

    def __init__(self, spacing: int = 6) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Need the largest minimum of the items; rows wrap to fit the rest."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def minimumSize(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place (or only measure) the items row by row; return the height used."""
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            if x > rect.x() and x + width > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


def swatch_icon(colour: QColor, size: int = 64) -> QIcon:
    """Return a square of one colour as an icon, to be given to an item once and kept.

    Given a QColor as its decoration, an item view's delegate makes a new pixmap and icon at
    every paint, and the style keeps each one's selected look in the pixmap cache under a key
    of its own: over a long session the category list filled that cache with swatches.
    """
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


def star_icon(colour: QColor, size: int = 16) -> QIcon:
    """Draw a star: outlined for 'off', filled for 'on'."""
    icon, centre = QIcon(), size / 2
    # Ten corners, outer and inner in turn, starting at the top.
    polar = [(centre - 1 if i % 2 == 0 else size / 5, math.pi * (i / 5 - 0.5)) for i in range(10)]
    points = [QPointF(centre + r * math.cos(a), centre + r * math.sin(a)) for r, a in polar]
    for state, filled in ((QIcon.State.Off, False), (QIcon.State.On, True)):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        with QPainter(pixmap) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(colour)
            painter.setBrush(colour if filled else QColor(Qt.GlobalColor.transparent))
            painter.drawPolygon(QPolygonF(points))
        icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon


def draw_item_panel(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> tuple[QStyleOptionViewItem, QStyle, QWidget | None]:
    """Draw an item view row's background, selection and focus without its text; return the style."""
    item = QStyleOptionViewItem(option)
    delegate.initStyleOption(item, index)
    item.text = ""
    widget = item.widget
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
    return item, style, widget


def arrow_icon(colour: QColor, left: bool, double: bool = False, size: int = 16) -> QIcon:
    """Draw a triangle arrow (two for 'a step of events') in the given colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    heads = (size * 0.15, size * 0.5) if double else (size * 0.3,)
    width = size * (0.35 if double else 0.45)
    with QPainter(pixmap) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for x in heads:
            tip, back = (x, x + width) if left else (size - x, size - x - width)
            painter.drawPolygon(
                QPolygonF(
                    [QPointF(tip, size / 2), QPointF(back, size * 0.2), QPointF(back, size * 0.8)]
                )
            )
    return QIcon(pixmap)


def chip_style(colour: str) -> str:
    """Return a style sheet for a chip filled with a category colour, its text in contrast."""
    fill = QColor(colour)
    if not fill.isValid():
        fill = QColor(Qt.GlobalColor.gray)
    channels = [c / 255 for c in (fill.red(), fill.green(), fill.blue())]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    text = "#000000" if luminance > 0.179 else "#ffffff"  # whichever contrasts more (WCAG)
    # QColor.name() writes a clean #rrggbb, so nothing from the data reaches the style sheet.
    return (
        f"QPushButton {{ background-color: {fill.name()}; color: {text}; border-radius: 10px;"
        f" border: 2px solid {fill.darker(130).name()}; padding: 2px 10px; }}"
        f" QPushButton:hover {{ background-color: {fill.lighter(115).name()}; }}"
        f" QPushButton:pressed {{ background-color: {fill.darker(115).name()}; }}"
        f" QPushButton:focus {{ border: 2px solid {text}; }}"
    )
