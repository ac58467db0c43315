"""The layout at one zoom bucket, built a chunk of bins at a time as chunks come into view.

Each chunk is laid out on its own, so the layout never walks every item and a chunk once
made stays as it is while the view pans. What crosses a chunk's walls is decided the same
way from either side: spans keep their zoom-independent lanes (from 1 up), and the markers
near a wall (close enough for a title to reach across it) are placed by a small procedure
of that wall, before either chunk places its own. Lane 0 never holds spans or wall markers,
so a cluster badge always has room there.

A span at least a bin long is never gathered into a cluster: with a lane it is drawn at every
zoom, and without one (more spans at once than lanes) it is counted in the badge of every
bin its days meet. A shorter span is a crowd's member like a point, in the bin it starts in.
A badge counts at least two events: a bin with a single one hidden draws it in lane 0, or
gathers one more of its own into the badge, or, with lane 0 taken just before it by the
marker of the bin before, counts that marker with it in a badge over both bins. A point
hidden just before a wall, too near it for lane 0 there, is drawn by the chunk after,
which alone knows what it puts in lane 0 past the wall. The pinned point (the selected event) is drawn
wherever it is: a chunk or wall that would hide it is laid out again with it placed first.
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
from museum_app.timeline.pinning import PinnedPoint
from museum_app.timeline.scale import TimeScale, bucket_px_per_day
from museum_app.timeline.shapes import Shape, ShapeKind
from museum_app.timeline.span_room import roomier_lane

Measure = Callable[[str], float]
MAX_CHUNKS = 256  # a long pan at a deep zoom would otherwise keep every chunk it passed


@dataclass(slots=True)
class Placed:
    """Shapes placed in some stretch of time, and the items anchored there that are not."""

    shapes: list[Shape] = field(default_factory=list)
    hidden: dict[int, list[int]] = field(default_factory=dict)  # bin -> points not placed
    passed: int | None = None  # a wall's: a point hidden just before it, drawn by the chunk after
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
        measure: Measure, bucket: int, pinned: int | None = None,
    ) -> None:  # fmt: skip
        self.index, self.metrics, self.bucket = index, metrics, bucket
        self._title_width, self._measure = title_width, measure
        self.scale = TimeScale(0.0, bucket_px_per_day(bucket))
        self.bins = Bins(metrics.bin_px / self.scale.px_per_day)
        # Within a day, zooming in cannot part a crowd: show as many as the lanes hold.
        self.capacity = metrics.lanes if self.bins.days <= 1 else metrics.capacity
        self._counts: dict[int, int] = {}
        self._short: dict[int, tuple[list[int], float]] = {}
        self._bin_spans: dict[int, list[int]] = {}  # the spans that may be drawn, by bin
        self._overflow: dict[int, int] = {}
        self._spans: dict[int, Shape | None] = {}
        self._walls: dict[int, Placed] = {}
        self.chunks: dict[int, Placed] = {}
        self.pinned_span: int | None = None  # drawn even where its bin is a crowd
        self._pin: PinnedPoint | None = None
        self.pin(pinned)

    @property
    def pinned(self) -> int | None:
        """Return the pinned point (the selected event, unless a span), or None."""
        return None if self._pin is None else self._pin.item

    def pin(self, item: int | None) -> None:
        """Make item the one always drawn (the selected event); drop what that changes."""
        if item is not None and not self.index.shows(item):
            item = None
        span = item if item is not None and self.index.base.span_position(item) is not None else None
        if span != self.pinned_span:  # rare: a span chosen, or no longer
            self.pinned_span = span
            self._spans, self._walls, self.chunks = {}, {}, {}
        item = None if span is not None else item
        if item == self.pinned:
            return
        if self._pin is not None:
            for walls in self._pin.walls_laid_out_with_it():
                self._drop_around(*walls)
        self._pin = None
        if item is not None:
            t = self._anchor(item)
            want = min(self._title_width(item), self.metrics.max_title_px)
            pin = self._pin = PinnedPoint(item, t, want, self.chunk_of(t), self.scale, self.metrics.gap)
            cached = self.chunks.get(pin.home)
            if cached is not None and pin.wanted(cached.by_item):
                del self.chunks[pin.home]  # laid out again, with it, when next asked for

    def _anchor(self, item: int) -> float:
        """Return where a point is anchored: the middle of its day."""
        return self.index.items[item].start + 0.5

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
        """Return how many shown points and short spans (with lanes) are anchored in bin b."""
        n = self._counts.get(b)
        if n is None:
            start, end = self.bins.start(b), self.bins.start(b + 1)
            points = self.index.point_count_between(start, end)
            n = self._counts[b] = points + len(self.short_spans(b)[0])
        return n

    def short_spans(self, b: int) -> tuple[list[int], float]:
        """Return the positions of the spans with lanes shorter than a bin anchored in bin b,
        and the furthest end among them."""
        found = self._short.get(b)
        if found is None:
            start, end = self.bins.start(b), self.bins.start(b + 1)
            found = self.index.short_spans_between(start, end, self.bins.days, self.metrics.span_lanes)
            self._short[b] = found
        return found

    def _folded(self, item: int, start: float, end: float) -> bool:
        """Say whether a span is short and its bin a crowd: then its badge counts it."""
        if item == self.pinned_span or end - start >= self.bins.days:
            return False
        return self.dense(self.bins.of(start))

    def overflow(self, b: int) -> int:
        """Return how many shown spans without a lane meet bin b."""
        n = self._overflow.get(b)
        if n is None:
            start, end = self.bins.start(b), self.bins.start(b + 1)
            n = self._overflow[b] = self.index.overflow_between(start, end, self.metrics.span_lanes)
        return n

    def dense(self, b: int) -> bool:
        """Say whether bin b holds too many points to show one by one."""
        return self.count(b) > self.capacity

    def span(self, item: int, pos: int | None = None) -> Shape | None:
        """Return a span's shape, or None if it has no lane (more spans at once than lanes).

        pos, if known, is its place in all_spans (spared a search).
        """
        if item in self._spans:
            return self._spans[item]
        m, index = self.metrics, self.index
        if pos is None:
            pos = index.base.span_position(item)
            assert pos is not None, "a span"
        start, end = index.all_span_starts[pos], index.base.span_ends[pos]
        lane = index.lanes[pos] + 1
        shape = None
        if lane <= m.span_lanes and not self._folded(item, start, end):
            ppd = self.scale.px_per_day
            natural = (end - start) * ppd
            limit = (index.next_start_in_lane(item, pos) - start) * ppd
            bar = max(natural, min(m.min_bar_px, limit - m.gap))
            want = min(self._title_width(item), m.max_title_px)
            inside, after = bar - 2 * m.text_pad, limit - bar - 2 * m.gap
            if item == self.pinned_span and inside < want and after < want:
                # The selected span's title has no room in its own lane: another lane may give it.
                found = roomier_lane(index, pos, m, ppd, after, want, self._right_of)
                if found is not None:
                    lane, limit = found[0] + 1, found[1]
                    bar = max(natural, min(m.min_bar_px, limit - m.gap))
                    inside, after = bar - 2 * m.text_pad, limit - bar - 2 * m.gap
            shape = Shape(ShapeKind.SPAN, item, lane, start, end, bar)
            least = min(m.min_title_px, want)  # a short title is shown whole or not at all
            if inside >= want or (after < want and inside >= max(after, least)):
                shape.title, shape.inside = min(want, inside), True
            elif after >= least:
                shape.title = min(want, after)
        self._spans[item] = shape
        return shape

    def _right_of(self, item: int) -> float:
        """Return where what a span draws (bar and title) ends, or -infinity if it is not drawn."""
        shape = self.span(item)
        return -math.inf if shape is None else shape.extent(self.scale, self.metrics.gap)[1]

    def spans_over(self, t0: float, t1: float) -> list[Shape]:
        """Return the spans drawn over [t0, t1): those reaching in from before, then the rest."""
        shapes: list[Shape] = []
        seen: set[int] = set()
        m = self.metrics
        for lane in range(min(m.span_lanes, len(self.index.lane_items))):
            item = self.index.lane_span_before(lane, t0)
            shape = None if item is None else self.span(item)
            if shape is not None and shape.extent(self.scale, m.gap)[1] > self.x(t0):
                shapes.append(shape)
                seen.add(shape.item)
        pinned = self.pinned_span
        if pinned is not None and pinned not in seen and self.index.items[pinned].start < t0:
            # Moved to another lane for its title, it may reach in though its own lane's last does not.
            shape = self.span(pinned)
            if shape is not None and shape.extent(self.scale, m.gap)[1] > self.x(t0):
                shapes.append(shape)
                seen.add(pinned)
        index, bins, cap = self.index, self.bins, m.span_lanes
        found: list[int] = []
        starts = index.all_span_starts
        for b in range(bins.of(t0), bins.of(t1) + 1):
            in_bin = self._bin_spans.get(b)
            if in_bin is None:
                # In a crowd, only the spans a bin long or more are drawn: skip the rest in C.
                at_least = bins.days if self.dense(b) else 0.0
                in_bin = index.laned_spans_between(bins.start(b), bins.start(b + 1), cap, at_least)
                self._bin_spans[b] = in_bin
            if t0 <= bins.start(b) and bins.start(b + 1) <= t1:
                found += in_bin
            else:
                found += [p for p in in_bin if t0 <= starts[p] < t1]
        if pinned is not None and t0 <= index.items[pinned].start < t1:
            found.append(index.base.span_position(pinned) or 0)
        for pos in found:
            item = index.all_spans[pos]
            shape = self.span(item, pos)
            if shape is not None and item not in seen:
                shapes.append(shape)
                seen.add(item)
        return shapes

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
        result = Placed()
        pin = self._pin
        first = pin.item if pin is not None and pin.first_at_wall(w) else None
        near = range(self.bins.of(t - before), self.bins.of(t + after) + 1)
        if first is None and all(map(self.dense, near)):
            # Every bin in reach is a crowd, drawn as its badge: no marker to place here, so
            # no need of the spans around (a far zoom's walls are all such).
            self._walls[w] = result
            return result
        spans = self.spans_over(t - before - margin, t + after + before)
        state = LaneState(m, self._obstacles(spans), [cap] * m.lanes)
        cuts: list[Cut] = []
        if pin is not None and first is not None:
            shape = pin.place(state)
            if shape is not None:
                result.shapes.append(shape)
        elif pin is not None and (inside := pin.beside_wall(w)) is not None:
            # The pinned point inside a chunk beside this wall: its markers keep clear of it.
            state.reserve(inside.lane, *inside.extent(self.scale, m.gap))
        for b in near:
            if self.dense(b):  # its markers are all in its cluster: no need to look at them
                continue
            lo, hi = max(self.bins.start(b), t - before), min(self.bins.start(b + 1), t + after)
            for pos in index.points_between(lo, hi):
                item, centre = index.all_points[pos], index.all_point_times[pos]
                if item == first:
                    continue
                want = min(self._title_width(item), m.max_title_px)
                shape = state.place_point(item, centre, self.x(centre), want, cuts, first_lane=1)
                if shape is None:
                    result.hidden.setdefault(b, []).append(item)
                else:
                    result.shapes.append(shape)
        for shape, width in cuts:
            shape.title = width
        self._pass_lone(w, result)
        self._walls[w] = result
        return result

    def _pass_lone(self, w: int, result: Placed) -> None:
        """Pass on the one point hidden in the bin just before wall w, if it lies too near the
        wall for the chunk before to draw it in lane 0: the chunk after does (see _single).

        Only the chunk after knows what it puts in lane 0 just past the wall; drawing both
        there, it pairs them in a badge if they do not fit side by side. The bin lies wholly
        within the wall's reach, so what the wall hides in it is all that is hidden there.
        """
        bins = self.bins
        t = self.chunk_start(w)
        b = bins.of(t) - 1
        lone = result.hidden.get(b)
        if lone is None or len(lone) != 1 or lone[0] == self.pinned or self.overflow(b):
            return
        before, after = self.zone()
        if bins.start(b) < max(t - before, self.chunk_start(w - 1) + after):
            return  # some of the bin's points are the chunk's own (a chunk too narrow)
        if self.x(self._anchor(lone[0])) > self._lane_zero_end(w):
            result.passed = lone.pop()
            del result.hidden[b]

    def _lane_zero_end(self, w: int) -> float:
        """Return how far before wall w a marker the chunk before puts in lane 0 may lie.

        The chunk after may put one in its lane 0 just past the wall, unseen by the chunk
        before: a marker's width and a gap apart. Points hidden beyond this are passed on.
        """
        m = self.metrics
        return self.x(self.chunk_start(w)) - 2 * m.marker_radius - m.gap

    def chunk(self, c: int) -> Placed:
        """Return the layout of chunk c, building it the first time it is asked for."""
        cached = self.chunks.get(c)
        if cached is not None:
            return cached
        if len(self.chunks) > MAX_CHUNKS:
            self.chunks.clear()
        pin = self._pin
        if pin is not None and abs(pin.home - c) == 1 and pin.home not in self.chunks:
            # Its chunk first: placing it there may lay out again the walls this one shares.
            self.chunk(pin.home)
        result = self._build(c)
        if pin is not None and pin.home == c and pin.wanted(result.by_item):
            # Hidden or untitled here: lay out again with it placed first.
            before, after = self.zone()
            if pin.t < self.chunk_start(c) + after:
                self._pin_wall(pin, c)
            elif pin.t >= self.chunk_start(c + 1) - before:
                self._pin_wall(pin, c + 1)
            else:
                self._pin_chunk(pin, c)
            result = self._build(c)
        self.chunks[c] = result
        return result

    def _pinned_short_in(self, b: int) -> int:
        """Return 1 if the pinned span is one of bin b's short spans (so drawn, not counted)."""
        span = self.pinned_span
        if span is None:
            return 0
        pos = self.index.base.span_position(span)
        return int(pos is not None and pos in self.short_spans(b)[0])

    def _pin_wall(self, pin: PinnedPoint, w: int) -> None:
        """Place the pinned point first at wall w, dropping what was laid out with it."""
        pin.first.add(("wall", w))
        self._drop_around(w)

    def _pin_chunk(self, pin: PinnedPoint, c: int) -> None:
        """Place the pinned point first inside chunk c, among the spans alone; its walls keep
        clear of it. Drop what was laid out without it."""
        pin.first.add(("chunk", c))
        t0, t1 = self.chunk_start(c), self.chunk_start(c + 1)
        m = self.metrics
        state = LaneState(m, self._obstacles(self.spans_over(t0, t1)), [self.x(t1) - m.gap] * m.lanes)
        pin.shape = pin.place(state)
        self._drop_around(c, c + 1)

    def _drop_around(self, *walls: int) -> None:
        """Drop the layout of these walls and of the chunks beside them."""
        for w in walls:
            self._walls.pop(w, None)
            self.chunks.pop(w - 1, None)
            self.chunks.pop(w, None)

    def _build(self, c: int) -> Placed:
        """Lay out chunk c."""
        m, index, bins = self.metrics, self.index, self.bins
        t0, t1 = self.chunk_start(c), self.chunk_start(c + 1)
        walls = self.wall(c), self.wall(c + 1)
        fixed = self.spans_over(t0, t1) + walls[0].shapes + walls[1].shapes
        # Nothing of this chunk's own reaches across its right wall: the next chunk never sees it.
        limits = [self.x(t1) - m.gap] * m.lanes
        if walls[1].passed is not None:  # nor the marker passed on to it, in lane 0
            limits[0] = self._lane_zero_end(c + 1) - m.marker_radius
        state = LaneState(m, self._obstacles(fixed), limits)
        result = Placed(shapes=list(fixed))
        before, after = self.zone()
        cuts: list[Cut] = []
        pinned = self.pinned
        drawn_pin = pinned is not None and any(s.item == pinned for s in fixed)
        shape = None if self._pin is None else self._pin.first_in_chunk(c)
        if shape is not None:
            state.reserve(shape.lane, *shape.extent(self.scale, m.gap))
            result.shapes.append(shape)
            drawn_pin = True
        passed = walls[0].passed
        if passed is not None:
            # The chunk before's last point, drawn here: first, as it comes first in time.
            t = self._anchor(passed)
            want = min(self._title_width(passed), m.max_title_px)
            shape = state.place_point(passed, t, self.x(t), want, cuts)
            if shape is not None:
                result.shapes.append(shape)
            else:  # lane 0 taken by the selected event: counted, never lost
                result.shapes.append(self._badge(state, bins.of(t), 1, (passed,)))
        pin_bin = bins.of(self._anchor(pinned)) if pinned is not None and drawn_pin else None
        for b in range(c * m.chunk_bins, (c + 1) * m.chunk_bins):
            n, over = self.count(b), self.overflow(b)
            if n == 0 and over == 0:
                continue
            if n > self.capacity:
                hidden = n - (b == pin_bin) - self._pinned_short_in(b) + over
                result.shapes.append(self._badge(state, b, hidden))
                continue
            local = [
                (item, t, self.x(t), min(self._title_width(item), m.max_title_px))
                for pos in index.points_between(bins.start(b), bins.start(b + 1))
                for item, t in [(index.all_points[pos], index.all_point_times[pos])]
                if t0 + after <= t < t1 - before and not (drawn_pin and item == pinned)
            ]
            hidden = over + len(walls[0].hidden.get(b, ())) + len(walls[1].hidden.get(b, ()))
            placed = None if hidden else state.place_points(local)
            if placed is None:
                # Keep lane 0 for a badge that counts the rest: place what fits above it.
                placed = state.place_points(local, first_lane=1, skip=True)
                assert placed is not None
                shapes = placed[0]
                hidden += placed[1]
                if hidden == 1:
                    hidden = self._single(state, b, walls, local, shapes, cuts, result)
            else:
                shapes = placed[0]
            result.shapes.extend(shapes)
            if hidden:
                result.shapes.append(self._badge(state, b, hidden))
        for shape, width in cuts:
            shape.title = width
        result.index_shapes()
        return result

    def _single(
        self, state: LaneState, b: int, walls: tuple[Placed, Placed],
        local: list[tuple[int, float, float, float]], shapes: list[Shape], cuts: list[Cut],
        result: Placed,
    ) -> int:  # fmt: skip
        """Resolve a bin with one event hidden: no badge of one. Return how many stay hidden.

        The hidden point goes to lane 0, kept for the badge, if it is free there; a point the
        wall could not place only if it keeps clear of the right wall (nearer, the chunk after
        draws it: see _pass_lone). Else one more of the bin's own points joins it in a badge
        of two. Else lane 0 is taken by the marker just before it, of the bin before, which
        then joins it in a badge of two over both bins. (A lone span without a lane in a bin
        with no point of its own stays alone.)
        """
        m = self.metrics
        placed = {s.item for s in shapes}
        missing = [p for p in local if p[0] not in placed]
        hi = self._lane_zero_end(b // m.chunk_bins + 1)
        for wall in walls:
            for item in wall.hidden.get(b, ()):
                t = self._anchor(item)
                if self.x(t) <= hi:
                    want = min(self._title_width(item), m.max_title_px)
                    missing.append((item, t, self.x(t), want))
        if missing:
            item, t, x, want = missing[0]
            shape = state.place_point(item, t, x, want, cuts)
            if shape is not None:
                shapes.append(shape)
                return 0
        if shapes:
            shapes.pop()  # the last placed of this bin's own: counted with the other
            return 2
        if missing:
            badge = self._pair(state, missing[0][0], result)
            if badge is not None:
                shapes.append(badge)
                return 0
        return 1

    def _pair(self, state: LaneState, item: int, result: Placed) -> Shape | None:
        """Count a lone hidden point with the marker that takes lane 0 just before it (one of
        this chunk's own, of the bin before) in a badge of two there; return it, or None.

        Two points a marker's width apart, each alone in its bin, with every lane above the
        badges' taken: one of them cannot be drawn, and a badge of one would hide it.
        """
        m = self.metrics
        other = state.last[0]
        x = self.x(self._anchor(item))
        if other is None or other.item == self.pinned or state.hard[0] <= x - m.marker_radius - m.gap:
            return None
        width = self._measure(count_label(2)) + 2 * m.text_pad
        half = min(max(width, m.row_height - 6), m.max_badge_width()) / 2
        left = self.x(other.t0) - other.body
        right = left + 2 * half
        if any(a < right + m.gap and left < b + m.gap for a, b in state.obstacles[0]):
            return None  # the selected event, placed first in lane 0, is in the way
        result.shapes.remove(other)
        state.place_badge(left, right)
        middle = (left + half) / self.scale.px_per_day
        first, last = self.bins.of(other.t0), self.bins.of(self._anchor(item))
        return Shape(
            ShapeKind.CLUSTER, -1, 0, middle, middle, half, count=2,
            bin_start=self.bins.start(first), bin_end=self.bins.start(last + 1),
            reach=self.bins.start(last + 1), members=(other.item, item),
        )  # fmt: skip

    def badge_items(self, b: int) -> list[int]:
        """Return the items a badge of bin b stands for: its points not drawn, spans without lanes."""
        chunk = self.chunk(b // self.metrics.chunk_bins)
        start, end = self.bins.start(b), self.bins.start(b + 1)
        index = self.index
        points = [index.all_points[p] for p in index.points_between(start, end)]
        hidden = [item for item in points if item not in chunk.by_item]
        if self.dense(b):
            short = [index.all_spans[p] for p in self.short_spans(b)[0]]
            hidden += [item for item in short if item != self.pinned_span]
        return hidden + index.overflow_items(start, end, self.metrics.span_lanes)

    def _badge(self, state: LaneState, b: int, count: int, members: tuple[int, ...] = ()) -> Shape:
        """Place a cluster badge for bin b in lane 0 and return it (members: its items, if
        not those the bin hides)."""
        m = self.metrics
        width = self._measure(count_label(count)) + 2 * m.text_pad
        half = min(max(width, m.row_height - 6), m.max_badge_width()) / 2
        start, end = self.bins.start(b), self.bins.start(b + 1)
        middle = (start + end) / 2
        state.place_badge(self.x(middle) - half, self.x(middle) + half)
        reach = self.short_spans(b)[1] if self.dense(b) else end
        return Shape(
            ShapeKind.CLUSTER, -1, 0, middle, middle, half,
            count=count, bin_start=start, bin_end=end, reach=max(reach, end), members=members,
        )  # fmt: skip
