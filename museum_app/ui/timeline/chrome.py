"""Draw what surrounds the events: the axis, the selection's days on it, the focus frame."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPen

from museum_app.core.date_words import ENGLISH, DateWords
from museum_app.timeline.items import TimelineItem
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.ticks import AxisLayout, layout_axis
from museum_app.ui.text import escape_html
from museum_app.ui.timeline.colours import blend
from museum_app.ui.timeline.painting import Frame
from museum_app.ui.timeline.pictures import TextPictures

Role = QPalette.ColorRole


class Axis:
    """The axis strip: its layout for a view, computed once per view, and its painting.

    Labels are drawn from pictures once seen twice: the same years and months come back
    at every step of a pan or a zoom.
    """

    def __init__(self, font: QFont, dpr: float = 1.0, words: DateWords = ENGLISH) -> None:
        self.dpr = dpr
        self.words = words
        self.fm = QFontMetricsF(font)
        self._labels = TextPictures(font, dpr, limit=400)
        self._widths: dict[str, float] = {}
        self._layout: tuple[tuple[float, float, float], AxisLayout] | None = None

    def layout(self, scale: TimeScale, width: float) -> AxisLayout:
        """Return the axis for a view."""
        key = (scale.origin, scale.px_per_day, width)
        if self._layout is None or self._layout[0] != key:
            self._layout = (key, layout_axis(scale, width, self._width, self.words))
        return self._layout[1]

    def _width(self, text: str) -> float:
        """Return the width of a label, measured once."""
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self.fm.horizontalAdvance(text)
        return width

    def paint(
        self, p: QPainter, axis: AxisLayout, top: float, size: tuple[float, float],
        lanes_top: float, palette: QPalette,
    ) -> None:  # fmt: skip
        """Draw the axis strip at top: ticks, labels, the row of larger periods, and grid lines."""
        width, height = size
        row = self.fm.height()
        p.save()
        p.fillRect(QRectF(0, top, width, height), palette.color(Role.Window))
        grid = blend(palette.color(Role.Mid), palette.color(Role.Base), 0.3)
        for x in axis.major:  # filling a thin rectangle is many times faster than drawing a line
            p.fillRect(QRectF(math.floor(x), lanes_top, 1, top - lanes_top), grid)
        p.setPen(QPen(palette.color(Role.Mid), 1))
        p.drawLines([QLineF(0, top, width, top), *(QLineF(x, top, x, top + 3) for x in axis.minor)])
        ink = palette.color(Role.WindowText)
        p.setPen(QPen(ink, 1))
        p.drawLines([QLineF(x, top, x, top + 6) for x in axis.major])
        p.drawLines([QLineF(x, top + 6 + row, x, top + height) for x in axis.context])
        under = palette.color(Role.Window)
        rows = ((axis.labels, top + 6), (axis.context_labels, top + 8 + row))
        self._labels.begin()
        self._labels.draw_all(p, [
            (label.text, False, ink, label.width, label.x, y, label.width + 1, under, None)
            for labels, y in rows for label in labels
        ])  # fmt: skip
        p.restore()


def paint_overlay(
    p: QPainter, frame: Frame, axis_top: float, axis_height: float, focused: bool,
    empty: str | None,
) -> None:  # fmt: skip
    """Mark the selected event's days on the axis; say so when nothing is shown; frame focus."""
    colours = frame.colours
    if frame.selected is not None:
        it = frame.items[frame.selected]
        left, right = frame.scale.x_of(it.start), frame.scale.x_of(max(it.end, it.start + 1))
        p.fillRect(QRectF(left, axis_top, max(right - left, 2.0), 3), colours.highlight)
    if empty is not None:
        p.setPen(colours.text)
        p.drawText(QRectF(0, 0, frame.width, axis_top), Qt.AlignmentFlag.AlignCenter, empty)
    if focused:
        p.setPen(QPen(colours.highlight, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(1, 1, frame.width - 2, axis_top + axis_height - 2))


def tooltip_text(item: TimelineItem) -> str:
    """Return an event's title and date for a tooltip, escaped so that data never runs as markup."""
    return f"<b>{escape_html(item.title)}</b><br>{escape_html(item.date_label)}"
