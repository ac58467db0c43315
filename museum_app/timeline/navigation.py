"""Where the keyboard and clicks take the view: next event, showing an event, fitting all."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from museum_app.timeline.index import ItemIndex
from museum_app.timeline.scale import TimeScale

FIT_MARGIN = 0.04  # of the span, on each side, so that the first and last titles show
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


def fit_range(
    extent: tuple[float, float] | None,
    fallback: tuple[float, float],
    width: float = 0.0,
    title_px: float = 0.0,
) -> tuple[float, float]:
    """Return the range that shows everything in extent with a margin, at least two weeks.

    Titles are written to the right of their markers: given the view's width, title_px more
    pixels are left on the right, so that the last events' titles are not cut by the edge.
    """
    if extent is None:
        return fallback
    start, end = extent
    if end - start < MIN_FIT_DAYS:
        middle = (start + end) / 2
        start, end = middle - MIN_FIT_DAYS / 2, middle + MIN_FIT_DAYS / 2
    margin = (end - start) * FIT_MARGIN
    start, end = start - margin, end + margin
    title_px = min(title_px, width / 4)  # the events keep three quarters of the view at least
    if title_px > 0:
        end += (end - start) * title_px / (width - title_px)
    return start, end


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
