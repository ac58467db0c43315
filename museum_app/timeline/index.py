"""Sorted arrays over the shown items, so that any window of time is found by bisection."""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left
from collections.abc import Collection, Sequence

from museum_app.timeline.items import ItemKind, TimelineItem

MAX_SPAN_LANES = 64  # spans stacked deeper than this can never be shown, only counted


def span_lanes(spans: Sequence[tuple[float, float]]) -> list[int]:
    """Give each (start, end) the lowest lane free at its start; spans must come by start.

    Two spans share a lane only if one ends before the other starts, at every zoom, so the
    lanes of spans are computed once and a lane can be searched by bisection.
    """
    lanes: list[int] = []
    free: list[int] = []
    busy: list[tuple[float, int]] = []
    opened = 0
    for start, end in spans:
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, opened = opened, opened + 1
        heapq.heappush(busy, (end, lane))
        lanes.append(lane)
    return lanes


class ItemIndex:
    """The items that pass the filter, as arrays sorted for bisection; rebuilt on change.

    Points are anchored at the middle of their day, spans at their start; a bin of the
    layout holds the items anchored in it.
    """

    def __init__(
        self, items: Sequence[TimelineItem], visible_ids: Collection[str] | None = None
    ) -> None:
        self.items = items
        wanted = None if visible_ids is None else frozenset(visible_ids)
        self.order = [i for i, it in enumerate(items) if wanted is None or it.id in wanted]
        self.rank = {item: r for r, item in enumerate(self.order)}
        self.order_starts = array("d", [items[i].start for i in self.order])
        point_kind = ItemKind.POINT
        points = [i for i in self.order if items[i].kind is point_kind]
        span_ends = {i: self.end_of(i) for i in self.order if items[i].kind is not point_kind}
        points.sort(key=lambda i: items[i].start)
        spans = sorted(span_ends, key=lambda i: (items[i].start, span_ends[i]))
        self.point_items = points
        self.point_times = array("d", [items[i].start + 0.5 for i in points])
        self.span_items = spans
        self.span_starts = array("d", [items[i].start for i in spans])
        self.anchors = array("d", sorted([*self.point_times, *self.span_starts]))
        lanes = span_lanes([(items[i].start, span_ends[i]) for i in spans])
        self.span_lane: dict[int, int] = dict(zip(spans, lanes, strict=True))
        self.span_pos: dict[int, int] = {}
        depth = min(MAX_SPAN_LANES, max(lanes, default=-1) + 1)
        self.lane_items: list[list[int]] = [[] for _ in range(depth)]
        for item, lane in zip(spans, lanes, strict=True):
            if lane < MAX_SPAN_LANES:
                self.span_pos[item] = len(self.lane_items[lane])
                self.lane_items[lane].append(item)
        self.lane_starts = [array("d", [items[i].start for i in lane]) for lane in self.lane_items]
        self._extent: tuple[float, float] | None = None
        if self.order:
            ends = [self.point_times[-1] + 0.5] if points else []
            starts = [self.point_times[0] - 0.5] if points else []
            starts += self.span_starts[:1]
            self._extent = (min(starts), max(ends + list(span_ends.values())))

    def end_of(self, item: int) -> float:
        """Return an item's end, at least a day after its start."""
        it = self.items[item]
        return max(it.end, it.start + 1)

    def count_between(self, t0: float, t1: float) -> int:
        """Count the items anchored in [t0, t1)."""
        return bisect_left(self.anchors, t1) - bisect_left(self.anchors, t0)

    def points_between(self, t0: float, t1: float) -> range:
        """Return the positions in point_items of the points anchored in [t0, t1)."""
        return range(bisect_left(self.point_times, t0), bisect_left(self.point_times, t1))

    def spans_between(self, t0: float, t1: float) -> range:
        """Return the positions in span_items of the spans that start in [t0, t1)."""
        return range(bisect_left(self.span_starts, t0), bisect_left(self.span_starts, t1))

    def first_anchor_from(self, t: float) -> float:
        """Return the first anchor at or after t, or infinity."""
        i = bisect_left(self.anchors, t)
        return self.anchors[i] if i < len(self.anchors) else math.inf

    def lane_span_before(self, lane: int, t: float) -> int | None:
        """Return the last span of a lane that starts before t."""
        i = bisect_left(self.lane_starts[lane], t) - 1
        return self.lane_items[lane][i] if i >= 0 else None

    def next_start_in_lane(self, item: int) -> float:
        """Return the start of the span after this one in its lane, or infinity."""
        lane, pos = self.span_lane[item], self.span_pos[item]
        following = self.lane_items[lane]
        return self.items[following[pos + 1]].start if pos + 1 < len(following) else math.inf

    def extent(self) -> tuple[float, float] | None:
        """Return the first start and last end of the shown items, or None if none are shown."""
        return self._extent
