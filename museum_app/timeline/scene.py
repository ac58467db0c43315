"""What is drawn where in a view: layouts per zoom bucket, queried for what is in view."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence

from museum_app.timeline.chunks import Placed, ZoomLayout
from museum_app.timeline.index import ItemIndex
from museum_app.timeline.items import TimelineItem
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import (
    BUCKETS_PER_OCTAVE,
    TimeScale,
    clamp_px_per_day,
    zoom_bucket,
)
from museum_app.timeline.shapes import Shape, ShapeKind

MAX_ZOOM_LAYOUTS = 8  # zooming in and back out again reuses these
# The zooms laid out ahead of time, most likely first: a wheel notch in and out, a key press.
AHEAD_ZOOMS = (1.25, 1 / 1.25, 1.5, 1 / 1.5)


class Widths:
    """The widths of titles (by item) and short labels, each measured once.

    The layouts ask this, not their scene: a layout holding its scene's methods would make a
    reference cycle of every scene, freed only by the garbage collector, which a filter change
    leaves behind by the megabyte.
    """

    def __init__(
        self, items: Sequence[TimelineItem], measure: Callable[[str], float], titles: dict[int, float]
    ) -> None:
        """Measure the titles of items (kept in titles, which scenes may share) and labels."""
        self._items, self._measure = items, measure
        self._titles = titles
        self._labels: dict[str, float] = {}

    def title(self, item: int) -> float:
        """Return the width of an item's title, measured once."""
        width = self._titles.get(item)
        if width is None:
            width = self._titles[item] = self._measure(self._items[item].title)
        return width

    def label(self, text: str) -> float:
        """Return the width of a short label (a cluster's count), measured once."""
        width = self._labels.get(text)
        if width is None:
            width = self._labels[text] = self._measure(text)
        return width


class Scene:
    """The layout of one set of shown items with one set of metrics, at any zoom."""

    def __init__(
        self,
        index: ItemIndex,
        metrics: LayoutMetrics,
        measure: Callable[[str], float],
        titles: dict[int, float] | None = None,
    ) -> None:
        """Lay out index; titles, if given, caches title widths by item for scenes of the same items."""
        self.index = index
        self.metrics = metrics
        widths = Widths(index.items, measure, {} if titles is None else titles)
        self.title_width: Callable[[int], float] = widths.title  # an item's title, measured once
        self.label_width: Callable[[str], float] = widths.label  # a cluster's count, measured once
        self._layouts: OrderedDict[int, ZoomLayout] = OrderedDict()
        self.pinned: int | None = None

    def pin(self, item: int | None) -> None:
        """Always draw this item (the selected one) at every zoom, even in a crowd."""
        self.pinned = item
        for layout in self._layouts.values():
            layout.pin(item)

    def layout(self, px_per_day: float) -> ZoomLayout:
        """Return the layout of the zoom bucket that px_per_day falls in."""
        bucket = zoom_bucket(px_per_day)
        layout = self._layouts.get(bucket)
        if layout is None:
            layout = ZoomLayout(
                self.index, self.metrics, self.title_width, self.label_width, bucket, self.pinned
            )
            self._layouts[bucket] = layout
            if len(self._layouts) > MAX_ZOOM_LAYOUTS:
                self._layouts.popitem(last=False)
        else:
            self._layouts.move_to_end(bucket)
        return layout

    def chunks(self, scale: TimeScale, x0: float, x1: float, ahead: float = 0.0) -> list[Placed]:
        """Return the chunks whose shapes can reach into [x0, x1].

        Those of the chunks that [x0, x1] meets: a chunk's own titles stop before its right
        wall, and what crosses a wall (a wall's markers, a span) is a shape of both chunks.
        And the next, if x1 + ahead meets it and it draws a point of the last one (or a badge
        of it): passed on by the wall between, which reaches no further than a bin before it.
        """
        layout = self.layout(scale.px_per_day)
        first = layout.chunk_of(scale.time_of(x0))
        last = layout.chunk_of(scale.time_of(x1))
        found = [layout.chunk(c) for c in range(first, last + 1)]
        beyond = ahead > 0 and layout.chunk_of(scale.time_of(x1 + ahead)) > last
        if beyond and layout.wall(last + 1).passed is not None:  # known: the last one is laid out
            found.append(layout.chunk(last + 1))
        return found

    def _ahead(self, scale: TimeScale, width: float) -> Iterator[tuple[ZoomLayout, int]]:
        """Yield the chunks that a pan or zoom from this view would show next, likeliest first."""
        t0, t1 = scale.visible_range(width)
        here = self.layout(scale.px_per_day)
        neighbours = ((here, here.chunk_of(t0) - 1), (here, here.chunk_of(t1) + 1))
        for factor in AHEAD_ZOOMS:
            px_per_day = clamp_px_per_day(scale.px_per_day * factor)
            if zoom_bucket(px_per_day) == here.bucket:
                continue
            # Zooming in shows part of this view; zooming out, up to all of it and more on
            # either side, as much as the zoom about the mouse may add to that side.
            more = max(0.0, (t1 - t0) * (1 / factor - 1))
            layout = self.layout(px_per_day)
            for c in range(layout.chunk_of(t0 - more), layout.chunk_of(t1 + more) + 1):
                yield layout, c
            if factor == AHEAD_ZOOMS[1]:
                yield from neighbours
        self.layout(scale.px_per_day)  # the view's own layout stays the most recently used

    def prepare(self, scale: TimeScale, width: float, stop: Callable[[], bool]) -> bool:
        """Lay out, a chunk at a time until stop() says so, what the next pan or zoom will show.

        Return whether some is left to lay out.
        """
        for layout, c in self._ahead(scale, width):
            if c in layout.chunks:
                continue
            if stop():
                return True
            layout.chunk(c)
        return False

    def zoomed_in_shapes(self, scale: TimeScale, width: float) -> list[Shape]:
        """Return the shapes that a zoom in (a wheel notch) from this view could show."""
        t0, t1 = scale.visible_range(width)
        px_per_day = clamp_px_per_day(scale.px_per_day * AHEAD_ZOOMS[0])
        if zoom_bucket(px_per_day) == zoom_bucket(scale.px_per_day):
            return []
        closer = TimeScale(t0, px_per_day)
        return self.shapes_in(closer, 0, closer.x_of(t1))

    def shapes_in(self, scale: TimeScale, x0: float, x1: float) -> list[Shape]:
        """Return every shape drawn at least partly within [x0, x1], each once."""
        m = self.metrics
        # Markers and badges reach this far from their time; spans are checked one by one.
        reach = (
            m.max_title_px + m.max_badge_width() + 2 * (m.marker_radius + m.gap)
        ) / scale.px_per_day
        t0, t1 = scale.time_of(x0), scale.time_of(x1)
        origin, px_per_day, gap = scale.origin, scale.px_per_day, m.gap
        cluster = ShapeKind.CLUSTER
        edge = max(0.5 * px_per_day, m.marker_radius) + 1.0
        seen: set[int] = set()  # a wall's shapes belong to the chunks on both sides of it
        shapes: list[Shape] = []
        # A badge of the chunk beside the view is there while its bin's edge is near enough,
        # or, on the left, while a short span it counts (at most a bin long) reaches in.
        back = edge + m.bin_px * 2 ** (1 / BUCKETS_PER_OCTAVE)
        for chunk in self.chunks(scale, x0 - back, x1 + edge, back - edge):
            times = chunk.short_times
            for shape in chunk.short[bisect_left(times, t0 - reach) : bisect_right(times, t1 + reach)]:
                # A marker or a badge: its body about its time, then its title (Shape.extent).
                x = (shape.t0 - origin) * px_per_day
                right = x + shape.body + (gap + shape.title if shape.title > 0 else 0.0)
                left = x - shape.body
                if shape.kind is cluster:  # drawn at the view's edge while its bin meets the view
                    # (or a marker anchored in it could: half a day, or a marker's radius)
                    left = min(left, (shape.bin_start - origin) * px_per_day - edge)
                    right = max(right, (max(shape.bin_end, shape.reach) - origin) * px_per_day + edge)
                if right >= x0 and left <= x1 and id(shape) not in seen:
                    seen.add(id(shape))
                    shapes.append(shape)
            for shape in chunk.spans:
                left, right = shape.extent(scale, gap)
                if right >= x0 and left <= x1 and id(shape) not in seen:
                    seen.add(id(shape))
                    shapes.append(shape)
        return shapes

    def shape_of(self, item: int, scale: TimeScale, x0: float, x1: float) -> Shape | None:
        """Return the shape of an item drawn within [x0, x1], or None."""
        # A chunk may draw the last point of the one before, a marker's width before its wall.
        m = self.metrics
        for chunk in self.chunks(scale, x0, x1, 3 * m.marker_radius + m.gap):
            shape = chunk.by_item.get(item)
            if shape is not None:
                left, right = shape.body_x(scale)
                return shape if right >= x0 and left <= x1 else None
        return None

    def hit(
        self, scale: TimeScale, x: float, y: float, bottom: float, width: float = math.inf
    ) -> Shape | None:
        """Return the shape under (x, y), lanes stacking up from bottom; markers before titles."""
        m = self.metrics
        if y >= bottom:
            return None
        lane = int((bottom - y) // m.row_height)
        if lane >= m.lanes:
            return None
        slop = 2.0  # markers are small; a near miss still counts
        candidates = [s for s in self.shapes_in(scale, x - slop, x + slop) if s.lane == lane]
        for shape in candidates:
            left, right = shape.drawn_x(scale, width)
            if left - slop <= x <= right + slop:
                return shape
        for shape in candidates:
            title = shape.title_x(scale, m.gap)
            if title is not None and title[0] <= x <= title[1]:
                return shape
        return None

    def badge_items(self, badge: Shape, px_per_day: float) -> list[int]:
        """Return the items a badge drawn at this zoom stands for, in the app's order."""
        if badge.members:
            return sorted(badge.members)
        layout = self.layout(px_per_day)
        return sorted(layout.badge_items(layout.bins.of((badge.bin_start + badge.bin_end) / 2)))

    def days_of(self, items: list[int]) -> tuple[float, float]:
        """Return the first possible day and the day after the last of some items."""
        index = self.index
        return min(index.items[i].start for i in items), max(index.end_of(i) for i in items)
