"""The index of shown items: filtering, bisection, and the zoom-independent lanes of spans."""

from __future__ import annotations

import math
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


@given(item_lists(max_size=80), st.data())
def test_lanes_are_the_lowest_free_at_each_start_up_to_the_cap(
    items: list[TimelineItem], data: st.DataObject
) -> None:
    shown = data.draw(st.sets(st.sampled_from([it.id for it in items])) if items else st.just(set()))
    cap = data.draw(st.integers(min_value=1, max_value=8))
    index = ItemIndex(items, shown, lane_cap=cap)
    spans = [i for i in index.span_items]
    expected = span_lanes([(items[i].start, index.end_of(i)) for i in spans])
    for item, lane in zip(spans, expected, strict=True):
        assert index.span_lane[item] == min(lane, cap)
    for lane, members in enumerate(index.lane_items):
        assert all(index.span_lane[item] == lane for item in members)


@given(item_lists(), st.data())
def test_a_mask_shows_what_the_same_ids_show(items: list[TimelineItem], data: st.DataObject) -> None:
    shown = {it.id for it in items if data.draw(st.booleans())}
    by_ids = ItemIndex(items, shown)
    by_mask = ItemIndex(items, mask=bytes(it.id in shown for it in items))
    assert by_ids.order == by_mask.order == [i for i, it in enumerate(items) if it.id in shown]
    assert by_ids.point_items == by_mask.point_items
    assert by_ids.span_items == by_mask.span_items
    assert by_ids.extent() == by_mask.extent()
    assert all(by_mask.shows(i) == (it.id in shown) for i, it in enumerate(items))


@given(item_lists(), st.data())
def test_counts_and_look_ups_see_only_the_shown_items(
    items: list[TimelineItem], data: st.DataObject
) -> None:
    shown = {it.id for it in items if data.draw(st.booleans())}
    index = ItemIndex(items, shown)
    anchors = sorted(
        it.start + 0.5 if it.kind is ItemKind.POINT else it.start for it in items if it.id in shown
    )
    edges = sorted(data.draw(st.lists(st.floats(day(2013, 12, 1), day(2015, 6, 1)), max_size=6)))
    for t0, t1 in pairwise(edges):
        assert index.count_between(t0, t1) == sum(t0 <= a < t1 for a in anchors)
    assert index.counts_between(edges) == [index.count_between(a, b) for a, b in pairwise(edges)]
    for t in edges:
        assert index.first_anchor_from(t) == min((a for a in anchors if a >= t), default=math.inf)
        for pos in index.points_between(t, t + 30):
            assert items[index.all_points[pos]].id in shown


@given(item_lists(max_size=80), st.data())
def test_the_spans_beyond_the_lanes_are_the_shown_ones_without_a_lane_below_the_cap(
    items: list[TimelineItem], data: st.DataObject
) -> None:
    shown = {it.id for it in items if data.draw(st.booleans())}
    index = ItemIndex(items, shown, lane_cap=data.draw(st.integers(1, 6)))
    cap = data.draw(st.integers(1, 8))
    beyond = [i for i in index.span_items if index.span_lane[i] >= min(cap, index.lane_cap)]
    t0 = data.draw(st.floats(day(2013, 12, 1), day(2015, 6, 1)))
    t1 = t0 + data.draw(st.floats(0.5, 400))
    meeting = [i for i in beyond if items[i].start < t1 and index.end_of(i) > t0]
    assert index.overflow_items(t0, t1, cap) == meeting
    assert index.overflow_between(t0, t1, cap) == len(meeting)


def test_items_out_of_order_are_found_as_if_they_were_sorted() -> None:
    items = year_2014()
    shuffled = items[::-1]
    index, reference = ItemIndex(shuffled), ItemIndex(items)
    assert [shuffled[i].id for i in index.point_items] == [items[i].id for i in reference.point_items]
    assert [shuffled[i].id for i in index.span_items] == [items[i].id for i in reference.span_items]
    assert list(index.anchors) == list(reference.anchors)
    assert index.extent() == reference.extent()
    for lane, members in enumerate(index.lane_items):
        assert [shuffled[i].id for i in members] == [items[i].id for i in reference.lane_items[lane]]
