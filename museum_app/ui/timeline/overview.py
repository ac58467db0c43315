"""The strip under the axis: how events spread over the whole span, and the part in view."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QToolButton, QWidget

from museum_app.ui.timeline.colours import blend

Counter = Callable[[list[float]], list[int]]  # events anchored between each two edges
Slot = Callable[[], None]
Role = QPalette.ColorRole
COLUMN_PX = 2


class TimelineOverview(QWidget):
    """Event density over everything shown, with the visible window that can be dragged."""

    range_requested = Signal(float, float)  # the window was dragged or clicked to here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineOverview")
        self.retranslate()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the timeline itself takes the keys
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # spares painting what is under
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._counter: Counter | None = None
        self._extent: tuple[float, float] | None = None
        self._window = (0.0, 1.0)
        self._span = (0.0, 1.0)
        self._fitted_to: tuple[float, float] | None = None
        self._fitted_width = 0.0
        self._grab: float | None = None  # where in the window the mouse holds it, in days
        self._picture_cache: QPixmap | None = None
        self._picture_key: tuple[object, ...] = ()

    def retranslate(self) -> None:
        """Give the names in the current language."""
        self.setAccessibleName(self.tr("Timeline overview"))
        self.setAccessibleDescription(
            self.tr("How events spread over the whole timeline; drag the window to move the view.")
        )

    def changeEvent(self, event: QEvent) -> None:
        """Speak the new language when it changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def set_data(self, counter: Counter | None, extent: tuple[float, float] | None) -> None:
        """Count events with counter over extent (the first start and the last end)."""
        self._counter, self._extent = counter, extent
        self._picture_key = ()
        self._refit()

    def set_visible_range(self, start: float, end: float) -> None:
        """Show the window of the timeline that is in view."""
        self._window = (start, end)
        if self._grab is None:  # keep the strip still under a dragging hand
            self._refit()
        self.update()

    def _refit(self) -> None:
        """Span the strip over the events, and over the window when it is wider than they are.

        Panning never changes the span (redrawing the density costs more than a pan may): a
        window panned beyond the events slides off the strip's edge, until it has left it.
        """
        start, end = self._window
        wanted = self._window
        if self._extent is not None:
            first, last = self._extent
            margin = max((last - first) * 0.02, 1.0)
            wanted = (first - margin, last + margin)
        s0, s1 = self._span
        zoomed = not math.isclose(end - start, self._fitted_width, rel_tol=1e-9)
        gone = end <= s0 or start >= s1
        if self._fitted_to == self._extent and not gone and not zoomed:
            return
        needed = (min(start, wanted[0]), max(end, wanted[1]))
        if self._fitted_to == self._extent and needed[1] - needed[0] > wanted[1] - wanted[0]:
            # Zoomed out past the events: widen the strip by more than asked, so that the
            # next steps out fit in it without drawing the density again.
            grow = (needed[1] - needed[0]) * 0.25
            if s0 <= needed[0] and needed[1] <= s1 and (s1 - s0) <= (needed[1] - needed[0]) * 1.6:
                needed = self._span
            else:
                needed = (needed[0] - grow, needed[1] + grow)
        self._span = needed
        self._fitted_to, self._fitted_width = self._extent, end - start
        self.update()

    def _x(self, t: float) -> float:
        """Return the x of a time in the strip."""
        s0, s1 = self._span
        return (t - s0) / (s1 - s0) * self.width()

    def _t(self, x: float) -> float:
        """Return the time at an x of the strip."""
        s0, s1 = self._span
        return s0 + x / max(self.width(), 1) * (s1 - s0)

    def _picture(self) -> QPixmap:
        """Return the strip's density drawn plain, made again only on change."""
        palette = self.palette()
        plain = palette.color(Role.AlternateBase)
        bars = blend(palette.color(Role.WindowText), plain, 0.6)
        key = (self._span, self.width(), self.height(), id(self._counter), plain.rgba(), bars.rgba())
        if self._picture_cache is not None and key == self._picture_key:
            return self._picture_cache
        picture = QPixmap(max(self.width(), 1), max(self.height(), 1))
        picture.fill(plain)
        with QPainter(picture) as p:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(bars)
            p.drawRects(self._bars())
        self._picture_cache, self._picture_key = picture, key
        return picture

    def _bars(self) -> list[QRectF]:
        """Return one bar per column, its height the square root of its count of events."""
        if self._counter is None or self.width() <= 0:
            return []
        columns = max(1, self.width() // COLUMN_PX)
        s0, s1 = self._span
        step = (s1 - s0) * COLUMN_PX / max(self.width(), 1)
        counts = self._counter([s0 + c * step for c in range(columns + 1)])
        top = max(counts, default=0)
        room = self.height() - 4
        bars = []
        for c, n in enumerate(counts):
            if n:  # a square root keeps a lone event visible beside a crowded month
                h = max(1.0, room * math.sqrt(n / top))
                bars.append(QRectF(c * COLUMN_PX, self.height() - 2 - h, COLUMN_PX, h))
        return bars

    def window_rect(self) -> QRectF:
        """Return the rectangle of the visible window in the strip."""
        left, right = self._x(self._window[0]), self._x(self._window[1])
        if right - left < 4:
            middle = (left + right) / 2
            left, right = middle - 2, middle + 2
        return QRectF(left, 1, right - left, self.height() - 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the density and the window."""
        palette = self.palette()
        with QPainter(self) as p:
            p.drawPixmap(0, 0, self._picture())
            rect = self.window_rect()
            lit = QColor(palette.color(Role.Highlight))
            lit.setAlphaF(0.25)  # the window: the strip tinted with the highlight
            p.fillRect(rect, lit)
            p.setPen(QPen(palette.color(Role.Highlight), 1.5))
            p.drawRect(rect.adjusted(0.5, 0, -0.5, 0))
            p.setPen(QPen(palette.color(Role.Mid), 1))
            p.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Take hold of the window, or bring it to where the click was."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        x = event.position().x()
        t0, t1 = self._window
        if self.window_rect().adjusted(-3, 0, 3, 0).contains(event.position()):
            self._grab = self._t(x) - t0
        else:
            self._grab = (t1 - t0) / 2
            self._move_to(x)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Drag the window."""
        if self._grab is not None:
            self._move_to(event.position().x())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Let go of the window."""
        if self._grab is not None:
            self._grab = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            self._refit()
            event.accept()

    def _move_to(self, x: float) -> None:
        """Ask for the window to sit where the hand holds it."""
        assert self._grab is not None
        t0, t1 = self._window
        start = self._t(x) - self._grab
        self.range_requested.emit(start, start + (t1 - t0))


def tool_button(parent: QWidget, name: str, text: str, tip: str, slot: Slot) -> QToolButton:
    """Make one of the small buttons beside the overview."""
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the same keys work on the timeline itself
    button.clicked.connect(slot)
    return button


def place_strip(view: QWidget, overview: QWidget, buttons: Sequence[QWidget], side: int) -> None:
    """Lay the overview and its buttons along the bottom of the view."""
    width, top = view.width(), view.height() - side
    overview.setGeometry(0, top, width - side * len(buttons), side)
    for n, button in enumerate(buttons):
        button.setGeometry(width - side * (len(buttons) - n), top, side, side)
