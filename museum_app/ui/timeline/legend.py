"""The timeline's legend: each mark drawn as the timeline draws it, with what it means."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from museum_app.timeline.items import ItemKind
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from museum_app.ui.timeline.colours import Colours
from museum_app.ui.timeline.marks import draw_badge, draw_ring, draw_star
from museum_app.ui.timeline.painting import Frame, ShapePainter
from museum_app.ui.timeline.pictures import painted

SAMPLE = ("#332288", "#44AA99")  # two category colours, as the shipped palette has them
MARK_WIDTH = 64


class TimelineLegend(QDialog):
    """A small window that explains every mark of the timeline, each drawn beside its words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineLegend")
        self.setWindowTitle(self.tr("Timeline legend"))
        self.setAccessibleName(self.tr("Timeline legend"))
        fm = QFontMetricsF(self.font())
        self._row = math.ceil(fm.height()) + 8
        self._painter = ShapePainter(self.font(), LayoutMetrics(row_height=self._row))
        self._colours = Colours.of(self.palette())
        self._painter.use_background(self._colours.base)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for n, (mark, text) in enumerate(self._rows()):
            picture = QLabel(self)
            picture.setPixmap(mark)
            words = QLabel(text, self)
            words.setWordWrap(True)
            words.setTextFormat(Qt.TextFormat.PlainText)
            words.setMinimumWidth(320)
            grid.addWidget(picture, n, 0)
            grid.addWidget(words, n, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def _rows(self) -> list[tuple[QPixmap, str]]:
        """Return each mark's picture and what it means."""
        return [
            (self._draw(self._diamond), self.tr("An event on a known day; its colour is its category "
                                           "(two colours: two categories).")),
            (self._draw(self._bar(ItemKind.RANGE)), self.tr("An event over known days, from its "
                                                       "first day to its last.")),
            (self._draw(self._bar(ItemKind.UNCERTAIN)), self.tr(
                "An event whose exact day is not known: it happened on some day between the "
                "bar's two ends (its title is written inside, after the start).")),
            (self._draw(self._badge), self.tr("Several events too close to draw apart at this zoom; "
                                         "click the badge to list them and open one.")),
            (self._draw(self._star), self.tr("A bookmarked event.")),
            (self._draw(self._ring), self.tr("The selected event, ringed; its days are marked on "
                                        "the axis below.")),
        ]  # fmt: skip

    def _frame(self) -> Frame:
        """Return a frame for drawing one mark."""
        return Frame([], TimeScale(0, 1), self._row, MARK_WIDTH, None, (), self._colours, lambda _: 0.0)

    def _draw(self, draw: Callable[[QPainter], None]) -> QPixmap:
        """Return a picture of one mark, drawn by draw(painter) on the timeline's background."""
        dpr = self.devicePixelRatioF()

        def antialiased(p: QPainter) -> None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw(p)

        size = (math.ceil(MARK_WIDTH * dpr), math.ceil(self._row * dpr))
        return painted(size, dpr, self._colours.base, antialiased)

    def _diamond(self, p: QPainter) -> None:
        self._painter.draw_marker(p, SAMPLE[:1], self._colours.text, (14, self._row / 2))
        self._painter.draw_marker(p, SAMPLE, self._colours.text, (40, self._row / 2))

    def _bar(self, kind: ItemKind) -> Callable[[QPainter], None]:
        def draw(p: QPainter) -> None:
            colour = self._painter.colour(SAMPLE[0])
            self._painter.paint_span(p, kind, colour, (6, MARK_WIDTH - 6), self._row / 2, False,
                                     self._frame())  # fmt: skip

        return draw

    def _badge(self, p: QPainter) -> None:
        h = self._row - 6
        p.translate(QPointF(16, 1))
        draw_badge(p, "12", (h + 8, h), self._colours, self.font())

    def _star(self, p: QPainter) -> None:
        self._painter.draw_marker(p, SAMPLE[:1], self._colours.text, (24, self._row / 2))
        r = self._painter.metrics.marker_radius
        draw_star(p, QPointF(24 + r - 1, self._row / 2 - r + 1), self._colours.text)

    def _ring(self, p: QPainter) -> None:
        r = self._painter.metrics.marker_radius
        draw_ring(p, 24, self._row / 2, r, self._colours.highlight)
        self._painter.draw_marker(p, SAMPLE[:1], self._colours.text, (24, self._row / 2))
        p.fillRect(QRectF(8, self._row - 3, 32, 3), self._colours.highlight)


def show_legend(parent: QWidget) -> TimelineLegend:
    """Show the legend beside parent's window, made the first time it is asked for."""
    legend = parent.window().findChild(TimelineLegend, "timelineLegend")
    if legend is None:
        legend = TimelineLegend(parent.window())
    legend.show()
    legend.raise_()
    legend.activateWindow()
    return legend
