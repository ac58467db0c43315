"""The marks the timeline draws, as small helpers: the timeline and its legend share them."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from museum_app.ui.timeline.colours import Colours, blend

BOOKMARK_COLOUR = QColor("#DDAA33")


def draw_star(p: QPainter, centre: QPointF, ink: QColor, radius: float = 4.5) -> None:
    """Draw the bookmark star."""
    p.setPen(QPen(ink, 0.8))
    p.setBrush(BOOKMARK_COLOUR)
    p.drawPolygon(star_polygon(centre, radius))


def draw_ring(p: QPainter, x: float, y: float, r: float, highlight: QColor) -> None:
    """Draw the ring around the selected event's diamond."""
    p.setPen(QPen(highlight, 2.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolygon(diamond(x, y, r + 3.5))


def draw_bar_ring(p: QPainter, rect: QRectF, highlight: QColor) -> None:
    """Draw the ring around the selected event's bar."""
    p.setPen(QPen(highlight, 2.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect.adjusted(-2, -2, 2, 2))


def badge_outline(colours: Colours) -> QColor:
    """Return the badge's outline: the text's colour softened, seen on light and dark alike."""
    return blend(colours.text, colours.button, 0.7)


def draw_badge(
    p: QPainter, label: str, size: tuple[float, float], colours: Colours, font: QFont
) -> None:
    """Draw a cluster badge with its top left at the origin: a pill over a second one, a stack."""
    width, h = size
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0.5, 2.5, width - 1, h - 1)
    outline = badge_outline(colours)
    p.setPen(QPen(blend(outline, colours.button, 0.6), 1))
    p.setBrush(colours.button)
    p.drawRoundedRect(rect.translated(2, -2), h / 2, h / 2)
    p.setPen(QPen(outline, 1))
    p.drawRoundedRect(rect, h / 2, h / 2)
    p.setPen(colours.button_text)
    p.setFont(font)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


def star_polygon(centre: QPointF, radius: float) -> QPolygonF:
    """Return a five-pointed star."""
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return QPolygonF(points)


def diamond(x: float, y: float, r: float) -> QPolygonF:
    """Return a diamond of radius r centred on (x, y)."""
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])


def veil(base: QColor) -> QColor:
    """Return the base colour, half see-through: text reads on it, hatching shows beneath."""
    veil = QColor(base)
    veil.setAlpha(150)
    return veil


def ink_on(colour: QColor) -> QColor:
    """Return black or white, whichever reads better on colour."""
    return QColor(Qt.GlobalColor.black if colour.lightnessF() > 0.6 else Qt.GlobalColor.white)
