"""Draw markers, bars, cluster badges and titles, in the palette's colours and the categories'."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
)

from museum_app.timeline.clusters import count_label
from museum_app.timeline.items import ItemKind, TimelineItem
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.shapes import Shape, ShapeKind
from museum_app.ui.timeline.colours import Colours, blend

BOOKMARK_COLOUR = QColor("#DDAA33")
HATCH_PERIOD = 8
TITLE_STEP = 12  # elided titles are cut to multiples of this, so their pictures serve longer


@dataclass(frozen=True, slots=True)
class Frame:
    """What one paint needs to know besides the shapes."""

    items: Sequence[TimelineItem]
    scale: TimeScale
    bottom: float  # the bottom of lane 0
    width: float
    selected: int | None
    bookmarked: Collection[int]
    colours: Colours
    title_width: Callable[[int], float]  # as the layout measured it (bold, the wider)


def _star(centre: QPointF, radius: float) -> QPolygonF:
    """Return a five-pointed star."""
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return QPolygonF(points)


def _diamond(x: float, y: float, r: float) -> QPolygonF:
    """Return a diamond of radius r centred on (x, y)."""
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])


def _ink_on(colour: QColor) -> QColor:
    """Return black or white, whichever reads better on colour."""
    return QColor(Qt.GlobalColor.black if colour.lightnessF() > 0.6 else Qt.GlobalColor.white)


class ShapePainter:
    """Draw shapes in lanes; elided titles are cached, as eliding costs more than drawing."""

    def __init__(self, font: QFont, metrics: LayoutMetrics, dpr: float = 1.0) -> None:
        self.dpr = dpr
        self._pictures: dict[tuple[object, ...], QPixmap] = {}
        self._elided: dict[tuple[object, ...], str] = {}
        self._seen: set[tuple[object, ...]] = set()
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.metrics = metrics
        self._fm = QFontMetricsF(self.font)
        self._bold_fm = QFontMetricsF(self.bold)
        self._hatches: dict[tuple[int, int, int], QBrush] = {}
        self._colours: dict[str, QColor] = {}

    def _colour(self, name: str) -> QColor:
        """Return a category colour, parsed once."""
        colour = self._colours.get(name)
        if colour is None:
            colour = self._colours[name] = QColor(name)
        return colour

    def _title(
        self, item: int, title: str, width: float, bold: bool, ink: QColor, full: float
    ) -> tuple[str, QPixmap | None]:
        """Return the title elided to width, and a picture of it once it has been seen before.

        Drawing a picture is several times faster than laying out text, but making one costs
        more than drawing the text once; so a title gets its picture the second time it shows.
        """
        fm = self._bold_fm if bold else self._fm
        # A whole title looks the same at every zoom; elided ones are cut to a few widths.
        room = 0 if full <= width else int(width // TITLE_STEP * TITLE_STEP)
        key = ("title", item, room, bold, ink.rgba())
        picture = self._pictures.get(key)
        if picture is not None:
            return "", picture
        text = self._elided.get((item, room, bold))
        if text is None:
            text = fm.elidedText(title, Qt.TextElideMode.ElideRight, room) if room else title
            self._elided[item, room, bold] = text
        if key not in self._seen:
            self._seen.add(key)
            return text, None
        picture, _ = self._picture(key, (math.ceil(fm.horizontalAdvance(text)) + 1, fm.height()))
        with QPainter(picture) as p:
            p.setFont(self.bold if bold else self.font)
            p.setPen(ink)
            p.drawText(QPointF(0, fm.ascent()), text)  # plain text: data never runs as markup
        return text, picture

    def _hatch(self, colour: QColor, background: QColor, height: int) -> QBrush:
        """Return a tile for uncertain spans: faded, hatched, with dashed edges."""
        key = (colour.rgba(), background.rgba(), height)
        brush = self._hatches.get(key)
        if brush is None:
            image = QImage(HATCH_PERIOD, height, QImage.Format.Format_RGB32)
            image.fill(blend(colour, background, 0.2))
            line = blend(colour, background, 0.75)
            for y in range(height):
                image.setPixelColor((HATCH_PERIOD - 1 - y) % HATCH_PERIOD, y, line)
            for x in range(HATCH_PERIOD // 2):
                image.setPixelColor(x, 0, colour)
                image.setPixelColor(x, height - 1, colour)
            brush = self._hatches[key] = QBrush(image)
        return brush

    def _picture(self, key: tuple[object, ...], size: tuple[float, float]) -> tuple[QPixmap, bool]:
        """Return a cached picture for key, and whether it is new and still to be drawn."""
        picture = self._pictures.get(key)
        if picture is not None:
            return picture, False
        w, h = size
        picture = QPixmap(math.ceil(w * self.dpr), math.ceil(h * self.dpr))
        picture.setDevicePixelRatio(self.dpr)
        picture.fill(Qt.GlobalColor.transparent)
        self._pictures[key] = picture
        return picture, True

    def _marker(self, colours: tuple[str, ...], outline: QColor) -> QPixmap:
        """Return the diamond of a known day, split when the event has a second category."""
        r = self.metrics.marker_radius
        picture, new = self._picture(("marker", colours[:2], outline.rgba()), (2 * r + 2, 2 * r + 2))
        if new:
            with QPainter(picture) as p:
                p.setRenderHint(QPainter.RenderHint.Antialiasing)
                p.setPen(QPen(outline, 1))
                p.setBrush(self._colour(colours[0]) if colours else outline)
                p.drawPolygon(_diamond(r + 1, r + 1, r))
                if len(colours) > 1:
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(self._colour(colours[1]))
                    c = r + 1
                    p.drawPolygon(
                        QPolygonF([QPointF(c, 2.5), QPointF(2 * r - 0.5, c), QPointF(c, 2 * r - 0.5)])
                    )
        return picture

    def _paint_badge(self, p: QPainter, shape: Shape, frame: Frame) -> None:
        """Draw a cluster's badge: a pill with the count over a second one that suggests a stack.

        Like titles, a badge is drawn as it is the first time and kept as a picture after.
        """
        colours, h = frame.colours, self.metrics.row_height - 6
        left, right = shape.body_x(frame.scale)
        width = round(right - left)
        at = QPointF(round(left), self.metrics.lane_top(0, frame.bottom) + 1)
        key = ("badge", shape.count, width, colours.button.rgba(), colours.button_text.rgba())
        picture = self._pictures.get(key)
        if picture is None and key not in self._seen:
            self._seen.add(key)
            p.save()
            p.translate(at)
            self._draw_badge(p, shape.count, width, colours)
            p.restore()
            return
        if picture is None:
            picture, _ = self._picture(key, (width + 3, h + 3))
            with QPainter(picture) as q:
                self._draw_badge(q, shape.count, width, colours)
        p.drawPixmap(at, picture)

    def _draw_badge(self, p: QPainter, count: int, width: float, colours: Colours) -> None:
        """Draw a badge with its top left at the origin."""
        h = self.metrics.row_height - 6
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0.5, 2.5, width - 1, h - 1)
        p.setPen(QPen(colours.mid, 1))
        p.setBrush(colours.button)
        p.drawRoundedRect(rect.translated(2, -2), h / 2, h / 2)
        p.setPen(QPen(colours.dark, 1))
        p.drawRoundedRect(rect, h / 2, h / 2)
        p.setPen(colours.button_text)
        p.setFont(self.font)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, count_label(count))

    def paint(self, p: QPainter, shapes: Sequence[Shape], frame: Frame) -> None:
        """Draw the shapes, the selected one last so that its outline lies on top."""
        if len(self._pictures) > 2500:  # titles mostly; a few screens' worth is plenty
            self._pictures.clear()
            self._seen.clear()
            self._elided.clear()
        m = self.metrics
        p.setFont(self.font)
        chosen: Shape | None = None
        for shape in shapes:
            if shape.kind is ShapeKind.CLUSTER:
                self._paint_badge(p, shape, frame)
            elif shape.item == frame.selected:
                chosen = shape
            else:
                self._paint_item(p, shape, frame, False)
        if chosen is not None:
            self._paint_item(p, chosen, frame, True)
        elif frame.selected is not None:  # hidden in a cluster: ring the cluster instead
            it = frame.items[frame.selected]
            anchor = it.start + 0.5 if it.kind is ItemKind.POINT else it.start
            for shape in shapes:
                if shape.kind is ShapeKind.CLUSTER and shape.bin_start <= anchor < shape.bin_end:
                    left, right = shape.body_x(frame.scale)
                    p.setPen(QPen(frame.colours.highlight, 2.5))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    h = m.row_height - 2
                    top = m.lane_top(0, frame.bottom) + 1
                    p.drawRoundedRect(QRectF(left - 2, top, right - left + 4, h), h / 2, h / 2)

    def _paint_item(self, p: QPainter, shape: Shape, frame: Frame, selected: bool) -> None:
        """Draw an event's marker or bar, its bookmark and its title."""
        m, colours = self.metrics, frame.colours
        middle = m.lane_top(shape.lane, frame.bottom) + m.row_height / 2
        item = frame.items[shape.item]
        left, right = shape.body_x(frame.scale)
        if shape.kind is ShapeKind.POINT:
            x, r = (left + right) / 2, m.marker_radius
            if selected:
                p.setPen(QPen(colours.highlight, 2.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPolygon(_diamond(x, middle, r + 3.5))
            p.drawPixmap(
                QPointF(round(x - r - 1), round(middle - r - 1)),
                self._marker(item.colours, colours.text),
            )
            star = QPointF(right - 1, middle - r + 1)
            ink, halo = colours.text, None
        else:
            colour = self._colour(item.colours[0]) if item.colours else colours.mid
            self._paint_span(p, item.kind, colour, (left, right), middle, selected, frame)
            star = QPointF(max(left, 0) + 5, middle - m.row_height / 2 + 6)
            uncertain = item.kind is ItemKind.UNCERTAIN
            ink = colours.text if uncertain or not shape.inside else _ink_on(colour)
            halo = colours.base if uncertain and shape.inside else None
        if shape.item in frame.bookmarked:
            p.setPen(QPen(colours.text, 0.8))
            p.setBrush(BOOKMARK_COLOUR)
            p.drawPolygon(_star(star, 4.5))
        if shape.title > 0:
            start = right + m.gap
            end = start + shape.title
            if shape.inside:  # slide along a long bar so that the title stays in view
                start = max(left + m.gap, 4.0)
                end = min(right - m.gap, start + shape.title)
            full = frame.title_width(shape.item)
            self._paint_title(
                p, shape.item, (item.title, full), (start, end), middle, selected, ink, halo
            )

    def _paint_span(
        self, p: QPainter, kind: ItemKind, colour: QColor, bar: tuple[float, float], y: float,
        selected: bool, frame: Frame,
    ) -> None:  # fmt: skip
        """Draw a solid bar for a known range, a faded hatched dashed one for an uncertain date."""
        start_x, end_x = bar
        # Only the part in view: a span of a year at a deep zoom is many screens long.
        left, right = round(max(start_x, -10.0)), round(min(end_x, frame.width + 10))
        h = round(self.metrics.row_height - 8)
        top = round(y - h / 2)
        rect = QRectF(left, top, max(1, right - left), h)
        if kind is ItemKind.UNCERTAIN:
            # A tiled picture: far cheaper than a pattern brush and a dashed pen on a long bar.
            p.setBrushOrigin(QPointF(start_x, top))
            p.fillRect(rect, self._hatch(colour, frame.colours.base, h))
            for x in (start_x, end_x - 1):  # the bounds, between which the date lies
                if rect.left() - 1 <= x <= rect.right():
                    p.fillRect(QRectF(round(x), top, 1, h), colour)
        else:
            p.fillRect(rect, colour)
            p.setPen(QPen(colour.darker(150), 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(0, 0, -1, -1))
        if selected:
            p.setPen(QPen(frame.colours.highlight, 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(-2, -2, 2, 2))

    def _paint_title(
        self, p: QPainter, item: int, title: tuple[str, float], room: tuple[float, float],
        middle: float, selected: bool, ink: QColor, halo: QColor | None,
    ) -> None:  # fmt: skip
        """Draw a title elided to its room, on a plain label when it lies on hatching."""
        left, right = room
        if right - left < self.metrics.min_title_px / 2:
            return
        text, picture = self._title(item, title[0], right - left, selected, ink, title[1])
        fm = self._bold_fm if selected else self._fm
        top = middle - fm.height() / 2
        if halo is not None:
            width = fm.horizontalAdvance(text) if picture is None else picture.width() / self.dpr
            p.fillRect(QRectF(left - 2, top, width + 3, fm.height()), halo)
        if picture is not None:
            p.drawPixmap(QPointF(round(left), round(top)), picture)
            return
        p.setFont(self.bold if selected else self.font)
        p.setPen(ink)
        p.drawText(QPointF(round(left), round(top) + fm.ascent()), text)
        p.setFont(self.font)
