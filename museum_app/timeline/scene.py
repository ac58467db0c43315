"""What is drawn where in a view: layouts per zoom bucket, queried for what is in view."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable

from museum_app.timeline.chunks import Placed, ZoomLayout
from museum_app.timeline.index import ItemIndex
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale, zoom_bucket
from museum_app.timeline.shapes import Shape, ShapeKind

MAX_ZOOM_LAYOUTS = 8  # zooming in and back out again reuses these


class Scene:
    """The layout of one set of shown items with one set of metrics, at any zoom."""

    def __init__(
        self, index: ItemIndex, metrics: LayoutMetrics, measure: Callable[[str], float]
    ) -> None:
        self.index = index
        self.metrics = metrics
        self._measure = measure
        self._titles: dict[int, float] = {}
        self._layouts: OrderedDict[int, ZoomLayout] = OrderedDict()

    def title_width(self, item: int) -> float:
        """Return the width of an item's title, measured once."""
        width = self._titles.get(item)
        if width is None:
            width = self._titles[item] = self._measure(self.index.items[item].title)
        return width

    def layout(self, px_per_day: float) -> ZoomLayout:
        """Return the layout of the zoom bucket that px_per_day falls in."""
        bucket = zoom_bucket(px_per_day)
        layout = self._layouts.get(bucket)
        if layout is None:
            layout = ZoomLayout(self.index, self.metrics, self.title_width, self._measure, bucket)
            self._layouts[bucket] = layout
            if len(self._layouts) > MAX_ZOOM_LAYOUTS:
                self._layouts.popitem(last=False)
        else:
            self._layouts.move_to_end(bucket)
        return layout

    def chunks(self, scale: TimeScale, x0: float, x1: float) -> list[Placed]:
        """Return the chunks whose shapes can reach into [x0, x1]."""
        m = self.metrics
        layout = self.layout(scale.px_per_day)
        # A title may run this far past its chunk's right wall.
        overhang = m.max_title_px + 2 * (m.marker_radius + m.gap)
        first = layout.chunk_of(scale.time_of(x0 - overhang))
        last = layout.chunk_of(scale.time_of(x1))
        return [layout.chunk(c) for c in range(first, last + 1)]

    def shapes_in(self, scale: TimeScale, x0: float, x1: float) -> list[Shape]:
        """Return every shape drawn at least partly within [x0, x1], each once."""
        m = self.metrics
        # Markers and badges reach this far from their time; spans are checked one by one.
        reach = (
            m.max_title_px + m.max_badge_width() + 2 * (m.marker_radius + m.gap)
        ) / scale.px_per_day
        t0, t1 = scale.time_of(x0), scale.time_of(x1)
        seen: set[int] = set()
        shapes: list[Shape] = []
        for chunk in self.chunks(scale, x0, x1):
            times = chunk.short_times
            nearby = chunk.short[bisect_left(times, t0 - reach) : bisect_right(times, t1 + reach)]
            for shape in (*nearby, *chunk.spans):
                key = id(shape)
                if key in seen:
                    continue
                seen.add(key)
                left, right = shape.extent(scale, m.gap)
                if right >= x0 and left <= x1:
                    shapes.append(shape)
        return shapes

    def shape_of(self, item: int, scale: TimeScale, x0: float, x1: float) -> Shape | None:
        """Return the shape of an item drawn within [x0, x1], or None."""
        for chunk in self.chunks(scale, x0, x1):
            shape = chunk.by_item.get(item)
            if shape is not None:
                left, right = shape.body_x(scale)
                return shape if right >= x0 and left <= x1 else None
        return None

    def is_drawn(self, item: int, px_per_day: float) -> bool:
        """Say whether an item is drawn on its own (not hidden in a cluster) at a zoom."""
        layout = self.layout(px_per_day)
        it = self.index.items[item]
        anchor = it.start if item in self.index.span_lane else it.start + 0.5
        return item in layout.chunk(layout.chunk_of(anchor)).by_item

    def hit(self, scale: TimeScale, x: float, y: float, bottom: float) -> Shape | None:
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
            left, right = shape.body_x(scale)
            if left - slop <= x <= right + slop:
                return shape
        for shape in candidates:
            title = shape.title_x(scale, m.gap)
            if title is not None and title[0] <= x <= title[1]:
                return shape
        return None

    def cluster_extent(self, cluster: Shape) -> tuple[float, float]:
        """Return the first start and last end of the items a cluster stands for."""
        index = self.index
        points = index.points_between(cluster.bin_start, cluster.bin_end)
        spans = index.spans_between(cluster.bin_start, cluster.bin_end)
        starts = [index.point_times[p] - 0.5 for p in points]
        starts += [index.span_starts[p] for p in spans]
        ends = [index.point_times[p] + 0.5 for p in points]
        ends += [index.end_of(index.span_items[p]) for p in spans]
        if not starts or cluster.kind is not ShapeKind.CLUSTER:
            return cluster.bin_start, cluster.bin_end
        return min(starts), max(ends)
