"""The layout: nothing overlaps in a lane, every shown item is drawn or counted exactly once."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from museum_app.timeline.index import ItemIndex
from museum_app.timeline.items import ItemKind, TimelineItem
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import BUCKETS_PER_OCTAVE, TimeScale, bucket_px_per_day
from museum_app.timeline.scene import Scene
from museum_app.timeline.shapes import Shape, ShapeKind
from tests.timeline.factories import day, year_2014
from tests.timeline.strategies import item_lists


def measure(text: str) -> float:
    """Pretend every character is 6.5 pixels wide."""
    return 6.5 * len(text)


def all_shapes(scene: Scene, px_per_day: float) -> tuple[list[Shape], list[int]]:
    """Return every shape of every chunk that holds an anchor, each once, and the chunks."""
    layout = scene.layout(px_per_day)
    index = scene.index
    if not index.order:
        return [], []
    first = layout.chunk_of(index.anchors[0])
    last = max(index.end_of(i) for i in index.order)  # spans without lanes are counted to their end
    chunks = list(range(first, layout.chunk_of(last) + 1))
    seen: dict[int, Shape] = {}
    for c in chunks:
        for shape in layout.chunk(c).shapes:
            seen[id(shape)] = shape
    return list(seen.values()), chunks


def drawn_as(shape: Shape) -> tuple[object, ...]:
    """Return what makes a shape the one it is, so shapes laid out twice compare equal."""
    return (shape.kind, shape.item, shape.lane, shape.t0, shape.t1, shape.count, shape.bin_start)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] - 1e-6 and b[0] < a[1] - 1e-6


def layout_options(max_title: float) -> st.SearchStrategy[dict[str, Any]]:
    """Return layout options with chunks as narrow as the titles allow, to cross many walls."""
    narrowest = math.ceil(2 * (max_title + 27) / 64)
    return st.fixed_dictionaries(
        {
            "lanes": st.integers(min_value=2, max_value=9),
            "chunk_bins": st.integers(min_value=narrowest, max_value=narrowest + 3),
            "bin_capacity": st.integers(min_value=2, max_value=8),
            "max_title_px": st.just(max_title),
            "min_title_px": st.just(min(48.0, max_title)),
        }
    )


layouts = st.sampled_from([60.0, 160.0, 260.0]).flatmap(layout_options)


@settings(max_examples=150, deadline=None)
@given(
    items=item_lists(),
    options=layouts,
    bucket=st.integers(min_value=-16, max_value=28),
    stretch=st.floats(min_value=1.0, max_value=2 ** (1 / BUCKETS_PER_OCTAVE) - 1e-9),
)
def test_no_two_laid_out_shapes_overlap(
    items: list[TimelineItem],
    options: dict[str, Any],
    bucket: int,
    stretch: float,
) -> None:
    metrics = LayoutMetrics(**options)
    scene = Scene(ItemIndex(items), metrics, measure)
    # Drawn anywhere in the bucket, not only at the zoom it was laid out at.
    px_per_day = bucket_px_per_day(bucket) * stretch
    shapes, _ = all_shapes(scene, px_per_day)
    scale = TimeScale(0.0, px_per_day)
    for shape in shapes:
        assert 0 <= shape.lane < metrics.lanes
        assert (shape.lane == 0) == (shape.kind is ShapeKind.CLUSTER) or shape.kind is ShapeKind.POINT
    for a, b in combinations(shapes, 2):
        if a.lane == b.lane:
            assert not overlaps(a.extent(scale, metrics.gap), b.extent(scale, metrics.gap)), (a, b)


@settings(max_examples=150, deadline=None)
@given(items=item_lists(), options=layouts, bucket=st.integers(min_value=-16, max_value=28))
def test_every_shown_item_is_drawn_or_counted_where_it_may_fall(
    items: list[TimelineItem],
    options: dict[str, Any],
    bucket: int,
) -> None:
    scene = Scene(ItemIndex(items), LayoutMetrics(**options), measure)
    px_per_day = bucket_px_per_day(bucket)
    shapes, _ = all_shapes(scene, px_per_day)
    layout = scene.layout(px_per_day)
    drawn = Counter(s.item for s in shapes if s.kind is not ShapeKind.CLUSTER)
    assert all(n == 1 for n in drawn.values())
    badges = [s for s in shapes if s.kind is ShapeKind.CLUSTER]
    counted: Counter[int] = Counter()
    for badge in badges:
        members = scene.badge_items(badge, px_per_day)
        assert badge.count == len(members)
        counted.update(members)
    for n, item in enumerate(items):
        if item.kind is ItemKind.POINT:
            # A point is drawn, or counted in the badge of its bin, exactly once.
            assert drawn[n] + counted[n] == 1, item
        elif not drawn[n]:
            # A span without a lane is counted by every bin its days meet.
            first, last = (
                layout.bins.of(item.start),
                layout.bins.of(max(item.end, item.start + 1) - 1e-9),
            )
            # (or, shorter than a bin and in a crowd, by the crowd's badge alone)
            assert counted[n] in (1, last - first + 1)
            if counted[n] == 1 and last > first:
                assert max(item.end, item.start + 1) - item.start < layout.bins.days
    for shape in shapes:
        if shape.kind is not ShapeKind.CLUSTER:
            item = items[shape.item]
            # A date known only within bounds is drawn over them, never as a point.
            expected = ShapeKind.POINT if item.kind is ItemKind.POINT else ShapeKind.SPAN
            assert shape.kind is expected
            if expected is ShapeKind.SPAN:
                assert (shape.t0, shape.t1) == (item.start, item.end)


def test_a_year_of_milestones_is_shown_one_by_one_at_a_year_wide_view() -> None:
    items = year_2014()
    scene = Scene(ItemIndex(items), LayoutMetrics(lanes=20), measure)
    scale = TimeScale.fitting(day(2014, 1, 1), day(2015, 1, 1), 1600)
    shapes = scene.shapes_in(scale, 0, 1600)
    assert sorted(items[s.item].id for s in shapes) == sorted(it.id for it in items)
    assert all(s.title > 0 for s in shapes)


def test_crowded_days_become_clusters_and_a_layout_is_reused_while_panning() -> None:
    items = [
        TimelineItem(
            f"c{n}", "Crowd", day(2014, 5, 1), day(2014, 5, 2), ItemKind.POINT, ("#117733",), "1 May"
        )
        for n in range(40)
    ]
    scene = Scene(ItemIndex(items), LayoutMetrics(lanes=10), measure)
    scale = TimeScale.fitting(day(2014, 1, 1), day(2015, 1, 1), 1600)
    shapes = scene.shapes_in(scale, 0, 1600)
    assert [(s.kind, s.count) for s in shapes] == [(ShapeKind.CLUSTER, 40)]
    layout = scene.layout(scale.px_per_day)
    chunk = layout.chunks[layout.chunk_of(day(2014, 5, 1))]
    scene.shapes_in(scale.panned(300), 0, 1600)
    assert scene.layout(scale.panned(300).px_per_day) is layout
    assert layout.chunks[layout.chunk_of(day(2014, 5, 1))] is chunk


def test_a_cluster_knows_the_time_its_items_cover() -> None:
    crowd = [
        TimelineItem(
            f"c{n}",
            "Crowd",
            day(2014, 5, 1) + n % 3,
            day(2014, 5, 2) + n % 3,
            ItemKind.POINT,
            ("#117733",),
            "",
        )
        for n in range(30)
    ]
    scene = Scene(ItemIndex(crowd), LayoutMetrics(lanes=4), measure)
    scale = TimeScale.fitting(day(2014, 1, 1), day(2015, 1, 1), 1600)
    (cluster,) = scene.shapes_in(scale, 0, 1600)
    members = scene.badge_items(cluster, scale.px_per_day)
    assert members == list(range(30))
    assert scene.days_of(members) == (day(2014, 5, 1), day(2014, 5, 4))


@settings(max_examples=80, deadline=None)
@given(
    items=item_lists(),
    options=layouts,
    bucket=st.integers(min_value=-8, max_value=28),
    window=st.tuples(st.floats(-400, 1800), st.floats(1, 1600)),
)
def test_a_view_gets_every_shape_that_meets_it_from_the_chunks_it_meets(
    items: list[TimelineItem], options: dict[str, Any], bucket: int, window: tuple[float, float]
) -> None:
    metrics = LayoutMetrics(**options)
    scene = Scene(ItemIndex(items), metrics, measure)
    px_per_day = bucket_px_per_day(bucket)
    scale = TimeScale(day(2014, 1, 1) - 200 / px_per_day, px_per_day)
    x0, x1 = window[0], window[0] + window[1]
    everything, _ = all_shapes(scene, px_per_day)
    expected = set()
    for shape in everything:
        left, right = shape.extent(scale, metrics.gap)
        if shape.kind is ShapeKind.CLUSTER:  # a badge is there while its bin meets the view
            edge = max(0.5 * scale.px_per_day, metrics.marker_radius) + 1.0
            left = min(left, scale.x_of(shape.bin_start) - edge)
            right = max(right, scale.x_of(max(shape.bin_end, shape.reach)) + edge)
        if right >= x0 and left <= x1:
            expected.add(drawn_as(shape))
    # By value: a view past MAX_CHUNKS chunks lays a dropped chunk out again, as new objects.
    assert {drawn_as(s) for s in scene.shapes_in(scale, x0, x1)} == expected


def test_laying_out_ahead_stops_when_asked_and_changes_nothing_drawn() -> None:
    items = year_2014()
    metrics = LayoutMetrics(lanes=12)
    scale = TimeScale.fitting(day(2014, 3, 1), day(2014, 5, 1), 1600)
    ahead = Scene(ItemIndex(items), metrics, measure)
    ahead.shapes_in(scale, 0, 1600)
    calls = []
    assert ahead.prepare(scale, 1600, lambda: bool(calls.append(1)) or len(calls) > 2)
    while ahead.prepare(scale, 1600, lambda: False):
        pass
    closer = scale.zoomed(1.25, 800)
    fresh = Scene(ItemIndex(items), metrics, measure)
    drawn = [(s.kind, s.item, s.lane, s.title) for s in ahead.shapes_in(closer, 0, 1600)]
    assert drawn == [(s.kind, s.item, s.lane, s.title) for s in fresh.shapes_in(closer, 0, 1600)]
    assert ahead.zoomed_in_shapes(scale, 1600)
