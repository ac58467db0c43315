"""Find the selected span a lane at this zoom where its title has room after its bar.

Spans keep their lanes at every zoom (so that a lane can be searched by bisection), and a
span's title has only the room before the next span of its lane. A short span followed
closely by another, like a three-day conference before a project that starts days later,
would then never show its title. The selected span alone may move, at one zoom, to a lane
where it and its title fit between the spans there: the first lane with room for the whole
title, else the one with the most room.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable

from museum_app.timeline.index import ItemIndex
from museum_app.timeline.metrics import LayoutMetrics


def roomier_lane(
    index: ItemIndex,
    pos: int,
    metrics: LayoutMetrics,
    px_per_day: float,
    room: float,
    want: float,
    right_of: Callable[[int], float],
) -> tuple[int, float] | None:
    """Return a span lane (from 0) with more than room pixels for the span's title, and its limit.

    pos is the span's place in all_spans; room, what its own lane leaves for its title; want,
    its title's width; right_of(item), where what a span of a lane draws ends (absolute
    pixels, -infinity when it is not drawn). The limit is how far, from the span's start, the
    lane is free. None when no lane gives more room than its own.
    """
    m, gap = metrics, metrics.gap
    start, end = index.all_span_starts[pos], index.base.span_ends[pos]
    bar = max((end - start) * px_per_day, m.min_bar_px)
    x = start * px_per_day
    own = index.lanes[pos]
    best: tuple[int, float] | None = None
    for lane in range(m.span_lanes):
        if lane == own:
            continue
        following = math.inf
        if lane < len(index.lane_starts):
            starts = index.lane_starts[lane]
            at = bisect_left(starts, start)
            if at < len(starts):
                following = starts[at]
            # What the lane draws before the span (a bar and its title) must end a gap before it.
            if at > 0 and right_of(index.lane_items[lane][at - 1]) > x - gap:
                continue
        limit = (following - start) * px_per_day
        here = limit - bar - 2 * gap
        if here > room:
            best, room = (lane, limit), here
            if here >= want:
                break
    return best
