"""Draw markers, bars, cluster badges and titles, in the palette's colours and the categories'."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import islice

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap, QPolygonF

from museum_app.timeline.clusters import count_label
from museum_app.timeline.items import ItemKind, TimelineItem
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.shapes import Shape, ShapeKind
from museum_app.ui.contrast import readable
from museum_app.ui.timeline.colours import Colours, blend
from museum_app.ui.timeline.marks import (
    diamond,
    draw_badge,
    draw_bar_ring,
    draw_ring,
    draw_star,
    ink_on,
    veil,
)
from museum_app.ui.timeline.pictures import TextPictures, Title, painted
from museum_app.ui.timeline.titles import EDGE, Shortener, title_box

HATCH_PERIOD = 8
MARKERS_PER_PAINT = 8  # made during a paint; the rest wait for idle time
# A badge's picture is keyed by its label and width: a filter or zoom makes new ones. A screen
# shows some dozens; 400 of them (about 2.6 MB) filled over a long session.
MAX_BADGES = 200


class Frame:
    """What one paint needs to know besides the shapes; read only.

    A plain class with slots: a dataclass takes a millisecond to define, at every start.
    """

    __slots__ = ("bookmarked", "bottom", "colours", "items", "scale", "selected", "title_width",
                 "width")  # fmt: skip

    def __init__(
        self,
        items: Sequence[TimelineItem],
        scale: TimeScale,
        bottom: float,  # the bottom of lane 0
        width: float,
        selected: int | None,
        bookmarked: Collection[int],
        colours: Colours,
        title_width: Callable[[int], float],  # as the layout measured it (bold, the wider)
    ) -> None:
        self.items = items
        self.scale = scale
        self.bottom = bottom
        self.width = width
        self.selected = selected
        self.bookmarked = bookmarked
        self.colours = colours
        self.title_width = title_width


class ShapePainter:
    """Draw shapes in lanes from pictures made once: markers, badges and titles are blits."""

    def __init__(self, font: QFont, metrics: LayoutMetrics, dpr: float = 1.0) -> None:
        self.dpr = dpr
        self.metrics = metrics
        self.font = QFont(font)
        self.text = TextPictures(font, dpr)
        self._markers: dict[tuple[tuple[str, ...], int], QPixmap] = {}  # first two colours
        self._by_colours: dict[tuple[tuple[str, ...], int], QPixmap] = {}  # all colours
        self._wanted_markers: dict[tuple[tuple[str, ...], int], QColor] = {}
        self._marker_budget = MARKERS_PER_PAINT
        self._badges: dict[tuple[object, ...], QPixmap] = {}
        self._hatches: dict[tuple[int, int, int], QBrush] = {}
        self._colours: dict[str, QColor] = {}  # as drawn on _base
        self._base = QColor(Qt.GlobalColor.white)
        self._derived: dict[tuple[str, int], QColor] = {}
        self._titles: list[Title] = []  # to draw after the markers and bars
        self.shorten = (Shortener(self.text.widths[0].width), Shortener(self.text.widths[1].width))
        self._frame: Frame | None = None  # the last paint's

    def _ink_on(self, colour: QColor) -> QColor:
        """Return the ink that reads on a colour, worked out once per colour."""
        key = ("ink", colour.rgba())
        found = self._derived.get(key)
        if found is None:
            found = self._derived[key] = ink_on(colour)
        return found

    def _veil(self, base: QColor) -> QColor:
        """Return the see-through veil under titles on hatching, made once per background."""
        key = ("veil", base.rgba())
        found = self._derived.get(key)
        if found is None:
            found = self._derived[key] = veil(base)
        return found

    def use_background(self, base: QColor) -> None:
        """Draw category colours to stand out from this background (pictures made anew)."""
        if base.rgba() != self._base.rgba():
            self._base = QColor(base)
            self._colours.clear()
            self._markers.clear()
            self._by_colours.clear()

    def colour(self, name: str) -> QColor:
        """Return a category colour as drawn on the background: parsed and adjusted once."""
        colour = self._colours.get(name)
        if colour is None:
            colour = self._colours[name] = readable(QColor(name), self._base)
        return colour

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

    def _new_picture(self, size: tuple[float, float], draw: Callable[[QPainter], None]) -> QPixmap:
        """Return a picture of a size in logical pixels, clear and then drawn by draw(painter)."""
        w, h = size
        device = (math.ceil(w * self.dpr), math.ceil(h * self.dpr))
        return painted(device, self.dpr, Qt.GlobalColor.transparent, draw)

    def _marker(self, colours: tuple[str, ...], outline: QColor) -> QPixmap | None:
        """Return the picture of a known day's diamond, or None if it is not made yet.

        A few are made during a paint (there are only as many as pairs of categories); the
        rest are drawn directly meanwhile and made when the event loop is idle.
        """
        key = (colours, outline.rgba())
        picture = self._by_colours.get(key)
        if picture is None:
            first_two = (colours[:2], key[1])
            picture = self._markers.get(first_two)
            if picture is None and self._marker_budget > 0:
                self._marker_budget -= 1
                picture = self._make_marker(first_two, outline)
            if picture is None:
                self._wanted_markers[first_two] = outline
                return None
            self._by_colours[key] = picture
        return picture

    def _make_marker(self, key: tuple[tuple[str, ...], int], outline: QColor) -> QPixmap:
        """Make and keep the picture of a diamond in a pair of colours."""
        r = self.metrics.marker_radius
        picture = self._markers[key] = self._new_picture(
            (2 * r + 2, 2 * r + 2), lambda p: self.draw_marker(p, key[0], outline, (r + 1, r + 1))
        )
        self._wanted_markers.pop(key, None)
        return picture

    def draw_marker(
        self, p: QPainter, colours: tuple[str, ...], outline: QColor, centre: tuple[float, float]
    ) -> None:
        """Draw a diamond, split in two colours when the event has a second category."""
        x, y = centre
        r = self.metrics.marker_radius
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(outline, 1))
        p.setBrush(self.colour(colours[0]) if colours else outline)
        p.drawPolygon(diamond(x, y, r))
        if len(colours) > 1:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.colour(colours[1]))
            p.drawPolygon(
                QPolygonF([QPointF(x, y - r + 1.5), QPointF(x + r - 1.5, y), QPointF(x, y + r - 1.5)])
            )
        p.restore()

    def want_markers(self, colour_sets: Iterable[tuple[str, ...]], outline: QColor) -> None:
        """Ask for the marker pictures of these categories' colours, to be made ahead."""
        for colours in colour_sets:
            key = (colours[:2], outline.rgba())
            if key not in self._markers:
                self._wanted_markers[key] = outline

    def make_waiting(self, stop: Callable[[], bool]) -> bool:
        """Make pictures of markers and text drawn directly before, until stop() says so.

        Return whether some are left to make.
        """
        while self._wanted_markers:
            if stop():
                return True
            key, outline = next(iter(self._wanted_markers.items()))
            self._make_marker(key, outline)
        return self.text.make_waiting(stop)

    def make_ahead(self, shapes: Sequence[Shape], stop: Callable[[], bool]) -> bool:
        """Make the title pictures of shapes about to be shown, until stop() says so.

        Return whether some are left to make.
        """
        frame = self._frame
        if frame is None:
            return False
        ink, text = frame.colours.text, self.text
        for shape in shapes:
            if shape.kind is ShapeKind.POINT and shape.title > 0:
                title = frame.items[shape.item].title
                if not text.has(title, False, ink):
                    if stop():
                        return True
                    text.make(title, False, ink, frame.title_width(shape.item))
        return False

    def _paint_badge(self, p: QPainter, shape: Shape, frame: Frame) -> None:
        """Draw a cluster's badge: a pill with the count over a second one that suggests a stack."""
        colours, h = frame.colours, self.metrics.row_height - 6
        left, right = shape.drawn_x(frame.scale, frame.width)
        width = round(right - left)
        label = count_label(shape.count)
        key = (label, width, colours.button.rgba(), colours.button_text.rgba(), colours.text.rgba())
        picture = self._badges.get(key)
        if picture is None:
            if len(self._badges) >= MAX_BADGES:
                for old in list(islice(self._badges, MAX_BADGES // 2)):
                    del self._badges[old]  # the oldest half
            picture = self._badges[key] = self._new_picture(
                (width + 3, h + 3), lambda q: draw_badge(q, label, (width, h), colours, self.font)
            )
        p.drawPixmap(QPointF(round(left), round(self.metrics.lane_top(0, frame.bottom) + 1)), picture)

    def paint(self, p: QPainter, shapes: Sequence[Shape], frame: Frame) -> None:
        """Draw the shapes, the selected one last so that its outline lies on top."""
        m = self.metrics
        self.text.begin()
        self.use_background(frame.colours.base)
        self._marker_budget = MARKERS_PER_PAINT
        self._titles = []
        self._frame = frame
        chosen: Shape | None = None
        cluster, selected = ShapeKind.CLUSTER, frame.selected
        point, bookmarked, items = ShapeKind.POINT, frame.bookmarked, frame.items
        origin, px_per_day = frame.scale.origin, frame.scale.px_per_day
        r, gap, row, bottom = m.marker_radius, m.gap, m.row_height, frame.bottom
        ink, base, half_text = frame.colours.text, frame.colours.base, self.text.height / 2
        least, titles = m.min_title_px / 2, self._titles
        fit, measure = self.shorten[0].fit, self.text.widths[0].width
        edge = frame.width - EDGE
        for shape in shapes:
            kind, item_index = shape.kind, shape.item
            if kind is cluster:
                self._paint_badge(p, shape, frame)
            elif item_index == selected:
                chosen = shape
            elif item_index in bookmarked:
                self._paint_item(p, shape, frame, False)
            elif kind is not point:  # a plain bar and its title, without the detours of a star
                item = items[item_index]
                x0 = (shape.t0 - origin) * px_per_day
                x1 = max((shape.t1 - origin) * px_per_day, x0 + shape.body)
                middle = bottom - (shape.lane + 0.5) * row
                colour = self.colour(item.colours[0]) if item.colours else frame.colours.mid
                self.paint_span(p, item.kind, colour, (x0, x1), middle, False, frame)
                if shape.title > 0:
                    self._span_title(shape, item.kind, colour, middle, frame, False)
            else:  # the common case, kept short: a plain marker and its title
                x = (shape.t0 - origin) * px_per_day
                middle = bottom - (shape.lane + 0.5) * row
                item = items[item_index]
                picture = self._marker(item.colours, ink)
                if picture is None:
                    self.draw_marker(p, item.colours, ink, (x, middle))
                else:
                    p.drawPixmap(round(x - r - 1), round(middle - r - 1), picture)
                if shape.title > 0:
                    start = max(round(x + r + gap), EDGE)
                    room = min(x + r + gap + shape.title, edge) - start  # as title_box has it
                    if room >= least or room >= shape.title:
                        text = fit(item.title, room)
                        if text:
                            top = round(middle - half_text)
                            titles.append(
                                (text, False, ink, measure(text), start, top, room, base, None)
                            )
        if chosen is not None:
            self._paint_item(p, chosen, frame, True)
        # Titles after every marker and bar, so that the painter's state changes seldom.
        self.text.draw_all(p, self._titles)
        if chosen is None and selected is not None:  # hidden in a cluster: ring the cluster instead
            it = frame.items[selected]
            anchor = it.start + 0.5 if it.kind is ItemKind.POINT else it.start
            for shape in shapes:
                if shape.kind is cluster and shape.bin_start <= anchor < shape.bin_end:
                    left, right = shape.body_x(frame.scale)
                    p.setPen(QPen(frame.colours.highlight, 2.5))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    h = m.row_height - 2
                    ring_top = m.lane_top(0, frame.bottom) + 1
                    p.drawRoundedRect(QRectF(left - 2, ring_top, right - left + 4, h), h / 2, h / 2)

    def painted_titles(self) -> list[tuple[str, QRectF]]:
        """Return the titles the last paint wrote, each with the rectangle its text takes."""
        height = self.text.height
        return [
            (text, QRectF(x, y, min(width, room), height))
            for text, _, _, width, x, y, room, _, _ in self._titles
        ]

    def _paint_item(self, p: QPainter, shape: Shape, frame: Frame, selected: bool) -> None:
        """Draw an event's marker or bar, its bookmark and its title."""
        m, colours = self.metrics, frame.colours
        middle = frame.bottom - (shape.lane + 0.5) * m.row_height
        item = frame.items[shape.item]
        left, right = shape.body_x(frame.scale)
        under = colours.base  # what a title cut short fades into
        if shape.kind is ShapeKind.POINT:
            x, r = (left + right) / 2, m.marker_radius
            if selected:
                draw_ring(p, x, middle, r, colours.highlight)
            picture = self._marker(item.colours, colours.text)
            if picture is None:
                self.draw_marker(p, item.colours, colours.text, (x, middle))
            else:
                p.drawPixmap(round(x - r - 1), round(middle - r - 1), picture)
            star = QPointF(right - 1, middle - r + 1)
            ink, halo = colours.text, None
        else:
            colour = self.colour(item.colours[0]) if item.colours else colours.mid
            self.paint_span(p, item.kind, colour, (left, right), middle, selected, frame)
            if shape.item in frame.bookmarked:
                draw_star(p, QPointF(max(left, 0) + 5, middle - m.row_height / 2 + 6), colours.text)
            self._span_title(shape, item.kind, colour, middle, frame, selected)
            return
        if shape.item in frame.bookmarked:
            draw_star(p, star, colours.text)
        shown = self.title_text(shape, frame, selected)
        if shown:
            x, room = shown[1]
            top = round(middle - self.text.height / 2)
            width = self.text.widths[selected].width(shown[0])
            self._titles.append((shown[0], selected, ink, width, x, top, room, under, halo))

    def _span_title(
        self, shape: Shape, kind: ItemKind, colour: QColor, middle: float, frame: Frame,
        selected: bool,
    ) -> None:  # fmt: skip
        """Queue a bar's title: inside it in ink that reads on it, or after it."""
        shown = self.title_text(shape, frame, selected)
        if not shown:
            return
        colours = frame.colours
        uncertain = kind is ItemKind.UNCERTAIN
        solid_inside = shape.inside and not uncertain
        ink = self._ink_on(colour) if solid_inside else colours.text
        # A veil, not a blank: the hatching (and so the bar's extent) shows through it.
        halo = self._veil(colours.base) if uncertain and shape.inside else None
        under = colour if solid_inside else colours.base
        x, room = shown[1]
        top = round(middle - self.text.height / 2)
        width = self.text.widths[selected].width(shown[0])
        self._titles.append((shown[0], selected, ink, width, x, top, room, under, halo))

    def title_text(
        self, shape: Shape, frame: Frame, selected: bool
    ) -> tuple[str, tuple[float, float]] | None:
        """Return the text written for a shape's title and its (left, room), or None if none."""
        box = title_box(shape, frame.scale, self.metrics, frame.width)
        if box is None:
            return None
        text = self.shorten[selected].fit(frame.items[shape.item].title, box[1])
        return (text, box) if text else None

    def paint_span(
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
            draw_bar_ring(p, rect, frame.colours.highlight)
