"""The spans with a lane below a cap, found by bisection, are those a walk over every span finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from museum_app.timeline.index import ItemIndex
from museum_app.timeline.items import TimelineItem
from tests.timeline.factories import synthetic
from tests.timeline.strategies import FIRST, item_lists


def walked(index: ItemIndex, t0: float, t1: float, cap: int, keep: float, shorter: bool) -> list[int]:
    """Return, by a walk over every span, the shown ones starting in [t0, t1) with a lane below
    cap, shorter than keep days (shorter) or lasting at least keep days."""
    found = []
    for pos, item in enumerate(index.all_spans):
        start, end = index.all_span_starts[pos], index.base.span_ends[pos]
        length = end - start
        if not (index.span_shown[pos] and t0 <= start < t1):
            continue
        if index.lanes[pos] >= min(cap, index.lane_cap):
            continue
        if (length < keep) if shorter else (length >= keep):
            found.append(pos)
        assert index.all_spans[pos] == item
    return found


def check(index: ItemIndex, t0: float, t1: float, days: float, cap: int) -> None:
    """Compare every look-up by bisection over [t0, t1) with the walk."""
    short, furthest = index.short_spans_between(t0, t1, days, cap)
    assert short == walked(index, t0, t1, cap, days, shorter=True)
    assert furthest == max((index.base.span_ends[p] for p in short), default=t1)
    assert index.laned_spans_between(t0, t1, cap) == walked(index, t0, t1, cap, 0.0, shorter=False)
    lasting = walked(index, t0, t1, cap, days, shorter=False)
    assert index.laned_spans_between(t0, t1, cap, days) == lasting


@given(item_lists(max_size=80), st.data())
def test_a_bins_laned_spans_are_those_a_walk_finds(
    items: list[TimelineItem], data: st.DataObject
) -> None:
    shown = {it.id for it in items if data.draw(st.booleans())}
    lane_cap = data.draw(st.integers(min_value=1, max_value=8))
    pinned: int | None = None
    if data.draw(st.booleans()) and items:
        pinned = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    index = ItemIndex(items, shown, lane_cap=lane_cap, pinned=pinned)
    for _ in range(4):
        t0 = FIRST + data.draw(st.floats(min_value=-30, max_value=430))
        t1 = t0 + data.draw(st.floats(min_value=0, max_value=200))
        days = data.draw(st.floats(min_value=0.5, max_value=300))
        cap = data.draw(st.integers(min_value=1, max_value=10))
        check(index, t0, t1, days, cap)


def test_a_crowd_beyond_the_lanes_is_looked_past_as_a_walk_would() -> None:
    items = synthetic(3000, years=3)
    index = ItemIndex(items, mask=bytes(i % 7 != 3 for i in range(len(items))))
    assert 0 < len(index.laned(11)) < index.span_shown.count(1)  # most spans overflow
    first, last = index.extent() or (0.0, 0.0)
    for days in (0.7, 3.0, 40.0, 400.0):
        t = first - days
        while t < last + days:  # every bin of a zoom, edge to edge
            check(index, t, t + days, days, 11)
            t += days
