"""The index of shown items: filtering, bisection, and the zoom-independent lanes of spans."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from museum_app.timeline.index import ItemIndex, span_lanes
from museum_app.timeline.items import ItemKind, TimelineItem
from tests.timeline.factories import day, year_2014
from tests.timeline.strategies import item_lists

intervals = st.lists(
    st.tuples(st.integers(0, 300), st.integers(1, 90)).map(lambda p: (float(p[0]), float(p[0] + p[1]))),
    max_size=80,
).map(sorted)


@given(intervals)
def test_spans_in_one_lane_never_overlap_and_no_lane_is_wasted(
    spans: list[tuple[float, float]],
) -> None:
    lanes = span_lanes(spans)
    by_lane: dict[int, list[tuple[float, float]]] = {}
    for span, lane in zip(spans, lanes, strict=True):
        by_lane.setdefault(lane, []).append(span)
    for members in by_lane.values():
        for (_, end), (start, _) in pairwise(members):
            assert end <= start
    # As many lanes as spans overlap at the busiest moment: the fewest possible.
    deepest = max((sum(1 for s, e in spans if s <= t < e) for t, _ in spans), default=0)
    assert len(by_lane) == deepest


def test_the_filter_keeps_order_and_hides_the_rest() -> None:
    items = year_2014()
    shown = {"jd-ipo", "nsc", "wuzhen", "june-rules"}
    index = ItemIndex(items, shown)
    assert [items[i].id for i in index.order] == [it.id for it in items if it.id in shown]
    assert index.count_between(day(2014, 1, 1), day(2015, 1, 1)) == 4
    assert sorted(items[i].id for i in index.point_items) == ["jd-ipo", "nsc"]
    assert ItemIndex(items, []).extent() is None
    assert ItemIndex(items).extent() == (day(2014, 1, 24), day(2014, 12, 30))


@given(item_lists())
def test_points_sit_mid_day_and_spans_at_their_start(items: list[TimelineItem]) -> None:
    index = ItemIndex(items)
    assert len(index.anchors) == len(items)
    assert list(index.anchors) == sorted(index.anchors)
    for pos, item in enumerate(index.point_items):
        assert items[item].kind is ItemKind.POINT
        assert index.point_times[pos] == items[item].start + 0.5
    for lane, members in enumerate(index.lane_items):
        for item in members:
            assert index.span_lane[item] == lane
            assert index.lane_span_before(lane, items[item].start + 1e-9) == item
