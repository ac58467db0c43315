"""The layout at one zoom bucket, built a chunk of bins at a time as chunks come into view.

Each chunk is laid out on its own, so the layout never walks every item and a chunk once
made stays as it is while the view pans. What crosses a chunk's walls is decided the same
way from either side: spans keep their zoom-independent lanes (from 1 up), and the markers
near a wall (close enough for a title to reach across it) are placed by a small procedure
of that wall, before either chunk places its own. Lane 0 never holds spans or wall markers,
so a cluster badge always has room there.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

from museum_app.timeline.clusters import Bins, count_label
from museum_app.timeline.index import ItemIndex
from museum_app.timeline.lanes import Cut, LaneState
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale, bucket_px_per_day
from museum_app.timeline.shapes import Shape, ShapeKind

Measure = Callable[[str], float]
MAX_CHUNKS = 256  # a long pan at a deep zoom would otherwise keep every chunk it passed


@dataclass(slots=True)
class Placed:
    """Shapes placed in some stretch of time, and the items anchored there that are not."""

    shapes: list[Shape] = field(default_factory=list)
    hidden: dict[int, int] = field(default_factory=dict)  # bin -> items that could not be placed
    by_item: dict[int, Shape] = field(default_factory=dict)
    # For a quick look-up of what is in view: markers and badges by time, and the spans.
    short: list[Shape] = field(default_factory=list)
    short_times: array[float] = field(default_factory=lambda: array("d"))
    spans: list[Shape] = field(default_factory=list)

    def index_shapes(self) -> None:
        """Sort the shapes for look-ups by time."""
        self.by_item = {s.item: s for s in self.shapes if s.kind is not ShapeKind.CLUSTER}
        self.spans = [s for s in self.shapes if s.kind is ShapeKind.SPAN]
        self.short = sorted(
            (s for s in self.shapes if s.kind is not ShapeKind.SPAN), key=lambda s: s.t0
        )
        self.short_times = array("d", [s.t0 for s in self.short])


class ZoomLayout:
    """Lay out the shown items at one zoom bucket, chunk by chunk, caching every answer."""

    def __init__(
        self, index: ItemIndex, metrics: LayoutMetrics, title_width: Callable[[int], float],
        measure: Measure, bucket: int,
    ) -> None:  # fmt: skip
        self.index, self.metrics, self.bucket = index, metrics, bucket
        self._title_width, self._measure = title_width, measure
        self.scale = TimeScale(0.0, bucket_px_per_day(bucket))
        self.bins = Bins(metrics.bin_px / self.scale.px_per_day)
        # Within a day, zooming in cannot part a crowd: show as many as the lanes hold.
        self.capacity = metrics.lanes if self.bins.days <= 1 else metrics.capacity
        self._counts: dict[int, int] = {}
        self._spans: dict[int, Shape | None] = {}
        self._walls: dict[int, Placed] = {}
        self.chunks: dict[int, Placed] = {}

    def x(self, t: float) -> float:
        """Return the absolute x of a time at this layout's zoom."""
        return t * self.scale.px_per_day

    def chunk_start(self, c: int) -> float:
        """Return the first time of chunk c (which is also its left wall)."""
        return self.bins.start(c * self.metrics.chunk_bins)

    def chunk_of(self, t: float) -> int:
        """Return the chunk that holds t."""
        return self.bins.of(t) // self.metrics.chunk_bins

    def count(self, b: int) -> int:
        """Return how many shown items are anchored in bin b."""
        n = self._counts.get(b)
        if n is None:
            n = self._counts[b] = self.index.count_between(self.bins.start(b), self.bins.start(b + 1))
        return n

    def dense(self, b: int) -> bool:
        """Say whether bin b holds too many items to show one by one."""
        return self.count(b) > self.capacity

    def span(self, item: int) -> Shape | None:
        """Return a span's shape, or None if it is hidden at this zoom (its lane or its bin)."""
        if item in self._spans:
            return self._spans[item]
        m, index = self.metrics, self.index
        it = index.items[item]
        shape = None
        # The bin first: where it is a cluster, the lanes need not even be known.
        if not self.dense(self.bins.of(it.start)) and index.span_lane[item] + 1 <= m.span_lanes:
            lane = index.span_lane[item] + 1
            ppd = self.scale.px_per_day
            natural = (index.end_of(item) - it.start) * ppd
            limit = (index.next_start_in_lane(item) - it.start) * ppd
            bar = max(natural, min(m.min_bar_px, limit - m.gap))
            want = min(self._title_width(item), m.max_title_px)
            inside, after = bar - 2 * m.text_pad, limit - bar - 2 * m.gap
            shape = Shape(ShapeKind.SPAN, item, lane, it.start, index.end_of(item), bar)
            if inside >= want or (after < want and inside >= max(after, m.min_title_px)):
                shape.title, shape.inside = min(want, inside), True
            elif after >= m.min_title_px:
                shape.title = min(want, after)
        self._spans[item] = shape
        return shape

    def spans_over(self, t0: float, t1: float) -> Placed:
        """Return the spans shown over [t0, t1), and count the hidden ones anchored there."""
        result = Placed()
        seen: set[int] = set()
        m = self.metrics
        # How far back a span may start and still reach t0: by its length, then its title (or
        # its least bar, then its title).
        reach = self.index.base.longest_span + (
            (m.min_bar_px + 2 * m.gap + m.max_title_px) / self.scale.px_per_day
        )
        first = self.bins.of(t0 - reach)
        if not all(map(self.dense, range(first, self.bins.of(t0) + 1))):
            for lane in range(min(m.span_lanes, len(self.index.lane_items))):
                item = self.index.lane_span_before(lane, t0)
                shape = None if item is None else self.span(item)
                if shape is not None and shape.extent(self.scale, m.gap)[1] > self.x(t0):
                    result.shapes.append(shape)
                    seen.add(shape.item)
        for b in range(self.bins.of(t0), self.bins.of(t1) + 1):
            if self.dense(b):
                continue
            lo, hi = max(self.bins.start(b), t0), min(self.bins.start(b + 1), t1)
            for pos in self.index.spans_between(lo, hi):
                item = self.index.all_spans[pos]
                shape = self.span(item)
                if shape is None:
                    result.hidden[b] = result.hidden.get(b, 0) + 1
                elif item not in seen:
                    result.shapes.append(shape)
                    seen.add(item)
        return result

    def _obstacles(self, shapes: list[Shape]) -> list[list[tuple[float, float]]]:
        """Return, per lane, the sorted (left, right) of shapes placed beforehand."""
        lanes: list[list[tuple[float, float]]] = [[] for _ in range(self.metrics.lanes)]
        for shape in shapes:
            lanes[shape.lane].append(shape.extent(self.scale, self.metrics.gap))
        for lane in lanes:
            lane.sort()
        return lanes

    def zone(self) -> tuple[float, float]:
        """Return how far before and after a wall (in days) its markers lie.

        Before the wall, as far as a marker's title can reach across it: so no title of a
        chunk's own markers ever crosses a wall, and only a wall's markers (placed the same
        from either side) do.
        """
        m, ppd = self.metrics, self.scale.px_per_day
        return (m.max_title_px + 2 * (m.marker_radius + m.gap)) / ppd, (m.marker_radius + m.gap) / ppd

    def wall(self, w: int) -> Placed:
        """Place the markers within reach of wall w, the same from either chunk beside it."""
        if w in self._walls:
            return self._walls[w]
        m, index, ppd = self.metrics, self.index, self.scale.px_per_day
        t = self.chunk_start(w)
        before, after = self.zone()
        # The titles placed here stop before the next wall's markers.
        cap = self.x(self.chunk_start(w + 1) - before) - m.marker_radius - m.gap
        margin = (m.marker_radius + m.gap) / ppd
        spans = self.spans_over(t - before - margin, t + after + before).shapes
        state = LaneState(m, self._obstacles(spans), [cap] * m.lanes)
        result = Placed()
        cuts: list[Cut] = []
        for b in range(self.bins.of(t - before), self.bins.of(t + after) + 1):
            if self.dense(b):  # its markers are all in its cluster: no need to look at them
                continue
            lo, hi = max(self.bins.start(b), t - before), min(self.bins.start(b + 1), t + after)
            for pos in index.points_between(lo, hi):
                item, centre = index.all_points[pos], index.all_point_times[pos]
                want = min(self._title_width(item), m.max_title_px)
                shape = state.place_point(item, centre, self.x(centre), want, cuts, first_lane=1)
                if shape is None:
                    result.hidden[b] = result.hidden.get(b, 0) + 1
                else:
                    result.shapes.append(shape)
        for shape, width in cuts:
            shape.title = width
        self._walls[w] = result
        return result

    def chunk(self, c: int) -> Placed:
        """Return the layout of chunk c, building it the first time it is asked for."""
        cached = self.chunks.get(c)
        if cached is not None:
            return cached
        if len(self.chunks) > MAX_CHUNKS:
            self.chunks.clear()
        m, index, bins = self.metrics, self.index, self.bins
        t0, t1 = self.chunk_start(c), self.chunk_start(c + 1)
        walls = self.wall(c), self.wall(c + 1)
        spans = self.spans_over(t0, t1)
        fixed = spans.shapes + walls[0].shapes + walls[1].shapes
        state = LaneState(m, self._obstacles(fixed), [math.inf] * m.lanes)
        result = Placed(shapes=list(fixed))
        before, after = self.zone()
        for b in range(c * m.chunk_bins, (c + 1) * m.chunk_bins):
            n = self.count(b)
            if n == 0:
                continue
            if n > self.capacity:
                result.shapes.append(self._badge(state, b, n))
                continue
            local = [
                (item, t, self.x(t), min(self._title_width(item), m.max_title_px))
                for pos in index.points_between(bins.start(b), bins.start(b + 1))
                for item, t in [(index.all_points[pos], index.all_point_times[pos])]
                if t0 + after <= t < t1 - before
            ]
            hidden = spans.hidden.get(b, 0) + walls[0].hidden.get(b, 0) + walls[1].hidden.get(b, 0)
            placed = None if hidden else state.place_points(local)
            if placed is None:
                # Keep lane 0 for a badge that counts the rest: place what fits above it.
                placed = state.place_points(local, first_lane=1, skip=True)
                assert placed is not None
                hidden += placed[1]
            result.shapes.extend(placed[0])
            if hidden:
                result.shapes.append(self._badge(state, b, hidden))
        result.index_shapes()
        self.chunks[c] = result
        return result

    def _badge(self, state: LaneState, b: int, count: int) -> Shape:
        """Place a cluster badge for bin b in lane 0 and return it."""
        m = self.metrics
        width = self._measure(count_label(count)) + 2 * m.text_pad
        half = min(max(width, m.row_height - 6), m.max_badge_width()) / 2
        start, end = self.bins.start(b), self.bins.start(b + 1)
        middle = (start + end) / 2
        state.place_badge(self.x(middle) - half, self.x(middle) + half)
        return Shape(
            ShapeKind.CLUSTER, -1, 0, middle, middle, half,
            count=count, bin_start=start, bin_end=end,
        )  # fmt: skip
