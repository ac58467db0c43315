"""Where the keyboard and clicks take the view: next event, showing an event, fitting all."""

from __future__ import annotations

import heapq
import math
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from typing import NamedTuple

from museum_app.timeline.index import ItemIndex
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale

FIT_MARGIN = 0.04  # of an event's span, on each side, when it is revealed
FIT_EDGE = 0.02  # of everything's span, on each side, when everything is fitted
TITLE_SHARE = 1 / 6  # of the width, that the last titles may take past everything fitted
TAIL_ITEMS = 32  # the last events whose titles are measured to fit everything
MIN_FIT_DAYS = 14.0
EDGE_PX = 12.0  # a marker this close to an edge is not quite in view


def step(
    index: ItemIndex, current: int | None, direction: int, view: tuple[float, float]
) -> int | None:
    """Return the shown item before (-1) or after (+1) current, in the app's order.

    Without a current item, start from the view: the first item in it going right, the last
    going left. A current item that the filter hides still has a place in the order.
    """
    order, starts = index.order, index.order_starts
    if not order:
        return None
    shown = index.rank_of(current) if current is not None else None
    if shown is not None:
        rank = shown + direction
    elif current is not None:
        t = index.items[current].start
        rank = bisect_right(starts, t) if direction > 0 else bisect_left(starts, t) - 1
    elif direction > 0:
        rank = min(bisect_left(starts, view[0]), len(order) - 1)
    else:
        rank = max(bisect_left(starts, view[1]) - 1, 0)
    return order[rank] if 0 <= rank < len(order) else None


class Tail(NamedTuple):
    """What one of the last events' title needs on the right, when everything is fitted."""

    time: float  # where its marker (the middle of its day) or its bar (its end) is
    need: float  # pixels right of that: the gap, the title, the edge
    inside_from: float = math.inf  # at this zoom (px a day) or closer, the title fits in its bar


def title_tails(
    index: ItemIndex, metrics: LayoutMetrics, title_width: Callable[[int], float], edge: float
) -> list[Tail]:
    """Return what the titles of the events that end last need, latest first.

    Only the TAIL_ITEMS latest are measured (points from the last shown back, and the spans
    that end last): the events before them are covered by a last tail that needs the room of
    the longest title.
    """
    m = metrics
    found: list[tuple[float, int, float]] = []  # (time, item, a span's length or 0 for a point)
    times, points, shown = index.all_point_times, index.all_points, index.point_shown
    pos = len(points)
    while len(found) < TAIL_ITEMS and (pos := shown.rfind(1, 0, pos)) >= 0:
        found.append((times[pos], points[pos], 0.0))
    spans = _latest_ending_spans(index)
    latest = sorted(found + spans, reverse=True)[:TAIL_ITEMS]
    tails = []
    for time, item, length in latest:
        want = min(title_width(item), m.max_title_px)
        if length:
            tails.append(Tail(time, m.gap + want + edge, (want + 2 * m.text_pad) / length))
        else:
            tails.append(Tail(time, m.marker_radius + m.gap + want + edge))
    if len(latest) == TAIL_ITEMS:
        tails.append(Tail(latest[-1][0], m.marker_radius + m.gap + m.max_title_px + edge))
    return tails


def _latest_ending_spans(index: ItemIndex) -> list[tuple[float, int, float]]:
    """Return the TAIL_ITEMS shown spans that end last, as (end, item, length).

    The latest starts are taken first; the earlier spans that end as late as the earliest of
    those are then found in one pass over the ends in C: a span of decades may start first, and
    walking back to it in Python took a second at a million events.
    """
    starts, ends, shown = index.all_span_starts, index.base.span_ends, index.span_shown
    found: list[int] = []
    pos = len(starts)
    while len(found) < TAIL_ITEMS and (pos := shown.rfind(1, 0, pos)) >= 0:
        found.append(pos)
    if len(found) == TAIL_ITEMS:
        least = min(map(ends.__getitem__, found))
        later = compress(range(pos), map(operator.ge, ends, repeat(least)))
        found.extend(p for p in later if shown[p])
    entries = [(ends[p], index.all_spans[p], max(ends[p] - starts[p], 1.0)) for p in found]
    return heapq.nlargest(TAIL_ITEMS, entries)


def fit_range(
    extent: tuple[float, float] | None,
    fallback: tuple[float, float],
    width: float = 0.0,
    tails: Sequence[Tail] = (),
) -> tuple[float, float]:
    """Return the range that shows everything in extent with a margin, at least two weeks.

    Titles are written to the right of their markers: given the view's width and what the
    last events' titles need (tails), the range reaches just far enough for them, but the
    titles take no more than TITLE_SHARE of the width past their events: a longer one is
    shortened at a word, so that the events themselves use the width.
    """
    if extent is None:
        return fallback
    start, end = extent
    if end - start < MIN_FIT_DAYS:
        middle = (start + end) / 2
        start, end = middle - MIN_FIT_DAYS / 2, middle + MIN_FIT_DAYS / 2
    margin = (end - start) * FIT_EDGE
    start, end = start - margin, end + margin
    if width <= 0 or not tails:
        return start, end
    most = width * TITLE_SHARE
    px_per_day = width / (end - start)
    while True:  # closer zooms fit a title in its bar; each round only zooms out
        fits = px_per_day
        for tail in tails:
            days = tail.time - start
            if px_per_day >= tail.inside_from or days <= 0:
                continue
            need = min(tail.need, most)
            if days * px_per_day + need > width:
                fits = min(fits, (width - need) / days)
        if fits >= px_per_day:
            return start, start + width / px_per_day
        px_per_day = fits


def reveal(scale: TimeScale, width: float, start: float, end: float) -> TimeScale:
    """Return the view that shows [start, end): the same if it is in view; never closer.

    In view, nothing moves (a day's marker must be clear of the edges, a span needs only a
    part in sight). Out of view, the view pans to centre it; only an event longer than the
    view zooms out, to show it whole.
    """
    t0, t1 = scale.visible_range(width)
    margin = EDGE_PX / scale.px_per_day
    if end - start <= 1.0:
        if t0 + margin <= (start + end) / 2 <= t1 - margin:
            return scale
    elif start < t1 - margin and end > t0 + margin:
        return scale
    if end - start <= (t1 - t0) - 2 * margin:
        middle = (start + end) / 2
        return TimeScale(middle - (t1 - t0) / 2, scale.px_per_day)
    pad = (end - start) * FIT_MARGIN
    wider = TimeScale.fitting(start - pad, end + pad, width)
    return wider if wider.px_per_day <= scale.px_per_day else scale
