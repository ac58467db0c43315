"""Where keys and clicks take the view: stepping in date order, fitting, revealing."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from museum_app.timeline import navigation
from museum_app.timeline.clusters import Bins, count_label
from museum_app.timeline.index import ItemIndex
from museum_app.timeline.items import ItemKind
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from tests.timeline.factories import day, sort_items, synthetic, year_2014


def walk(index: ItemIndex, direction: int, start: int | None, view: tuple[float, float]) -> list[int]:
    visited, current = [], start
    while (current := navigation.step(index, current, direction, view)) is not None:
        visited.append(current)
    return visited


def test_right_walks_every_shown_event_in_the_apps_order_and_left_walks_back() -> None:
    items = year_2014()
    index = ItemIndex(items)
    view = (day(2014, 1, 1), day(2015, 1, 1))
    forward = walk(index, +1, None, view)
    assert forward == list(range(len(items)))
    assert walk(index, -1, forward[-1], view) == forward[-2::-1]


def test_stepping_skips_what_the_filter_hides_even_from_a_hidden_event() -> None:
    items = year_2014()
    shown = {it.id for it in items[::3]}
    index = ItemIndex(items, shown)
    view = (day(2014, 1, 1), day(2015, 1, 1))
    assert [items[i].id for i in walk(index, +1, None, view)] == [it.id for it in items[::3]]
    hidden = 4  # filtered out: stepping goes on from where it sits in the order
    assert items[hidden].id not in shown
    assert navigation.step(index, hidden, +1, view) == 6
    assert navigation.step(index, hidden, -1, view) == 3


def test_without_a_selection_stepping_starts_in_view() -> None:
    items = year_2014()
    index = ItemIndex(items)
    view = (day(2014, 11, 1), day(2014, 12, 1))
    first = navigation.step(index, None, +1, view)
    last = navigation.step(index, None, -1, view)
    assert first is not None and last is not None
    assert items[first].id == "apec" and items[last].id == "cyber-week"
    assert navigation.step(ItemIndex([]), None, +1, view) is None


def test_fit_range_adds_a_margin_and_a_least_span() -> None:
    start, end = navigation.fit_range((100.0, 200.0), (0.0, 1.0))
    assert start < 100 and end > 200
    start, end = navigation.fit_range((100.0, 101.0), (0.0, 1.0))
    assert end - start >= navigation.MIN_FIT_DAYS
    assert navigation.fit_range(None, (5.0, 6.0)) == (5.0, 6.0)


def test_fit_range_leaves_just_the_room_the_last_titles_need() -> None:
    plain = navigation.fit_range((100.0, 200.0), (0.0, 1.0))
    # The last event, a day at 199.5, needs 100 px for its title; one before it needs more.
    tails = [navigation.Tail(199.5, 100.0), navigation.Tail(150.0, 140.0)]
    start, end = navigation.fit_range((100.0, 200.0), (0.0, 1.0), 1000.0, tails)
    assert start == plain[0]
    px_per_day = 1000.0 / (end - start)
    assert (end - 199.5) * px_per_day == pytest.approx(100.0), "just its title's room"
    # A title longer than a sixth of the width is shortened, not given the width it wants.
    start, end = navigation.fit_range(
        (100.0, 200.0), (0.0, 1.0), 1000.0, [navigation.Tail(199.5, 600.0)]
    )
    assert (end - 199.5) * 1000.0 / (end - start) == pytest.approx(1000.0 * navigation.TITLE_SHARE)
    # A title that fits inside its bar needs nothing past it, at a zoom close enough for that.
    inside = [navigation.Tail(200.0, 100.0, inside_from=5.0)]
    assert navigation.fit_range((100.0, 200.0), (0.0, 1.0), 1000.0, inside) == plain
    outside = [navigation.Tail(200.0, 100.0, inside_from=50.0)]
    assert navigation.fit_range((100.0, 200.0), (0.0, 1.0), 1000.0, outside)[1] > plain[1]


def test_the_last_titles_are_found_without_measuring_every_event() -> None:
    items = synthetic(3000, years=10)
    index = ItemIndex(items)
    measured: list[int] = []

    def width(item: int) -> float:
        measured.append(item)
        return 6.5 * len(items[item].title)

    tails = navigation.title_tails(index, LayoutMetrics(), width, 2.0)
    assert len(measured) <= navigation.TAIL_ITEMS
    ends = sorted((max(it.end, it.start + 1) if it.kind is not ItemKind.POINT else it.start + 0.5)
                  for it in items)  # fmt: skip
    # The latest ends are among them, and a last tail stands for every event before.
    assert tails[0].time == ends[-1]
    assert tails[-1].need == pytest.approx(LayoutMetrics().max_title_px + 5 + 4 + 2)


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(0, 400),
    long_spans=st.lists(st.tuples(st.integers(0, 3000), st.integers(2, 15000)), max_size=6),
    seed=st.integers(0, 2**16),
    shown_share=st.sampled_from([0.0, 0.05, 0.5, 1.0]),
)
def test_the_last_titles_are_those_of_the_events_that_end_last(
    count: int, long_spans: list[tuple[int, int]], seed: int, shown_share: float
) -> None:
    items = synthetic(count, years=10, seed=seed)
    first = day(1990, 1, 1)
    model = year_2014()[0]
    for n, (offset, length) in enumerate(long_spans):  # spans of decades that start early
        start = first + offset
        long = replace(model, id=f"long{n}", start=start, end=start + length, kind=ItemKind.RANGE)
        items.append(long)
    items = sort_items(items)
    rng = random.Random(seed)
    mask = bytes(rng.random() < shown_share for _ in items)
    index = ItemIndex(items, mask=mask)
    measured: list[int] = []

    def width(item: int) -> float:
        measured.append(item)
        return 40.0

    navigation.title_tails(index, LayoutMetrics(), width, 2.0)
    ends = []
    for n, it in enumerate(items):
        if mask[n]:
            point = it.kind is ItemKind.POINT
            ends.append((it.start + 0.5 if point else max(it.end, it.start + 1), n))
    latest = sorted(ends, reverse=True)[: navigation.TAIL_ITEMS]
    assert sorted(measured) == sorted(n for _, n in latest)


def test_reveal_moves_only_when_the_event_is_out_of_view() -> None:
    scale = TimeScale(1000.0, 10.0)
    assert navigation.reveal(scale, 500, 1020.0, 1021.0) is scale
    moved = navigation.reveal(scale, 500, 2000.0, 2001.0)
    assert moved.px_per_day == scale.px_per_day
    t0, t1 = moved.visible_range(500)
    assert t0 < 2000 < t1


@settings(max_examples=300, deadline=None)
@given(
    origin=st.floats(-2000, 2000),
    px_per_day=st.floats(0.01, 240),
    width=st.floats(300, 2000),
    start=st.floats(-3000, 3000),
    length=st.sampled_from([1.0, 3.0, 40.0, 400.0, 4000.0]),
)
def test_showing_an_event_never_zooms_in_and_moves_only_when_it_must(
    origin: float, px_per_day: float, width: float, start: float, length: float
) -> None:
    scale = TimeScale(origin, px_per_day)
    end = start + length
    shown = navigation.reveal(scale, width, start, end)
    assert shown.px_per_day <= scale.px_per_day  # never closer
    t0, t1 = shown.visible_range(width)
    assert start < t1 and end > t0  # it is in view afterwards
    if shown.px_per_day < scale.px_per_day:  # zoomed out only when it could not fit
        assert length > scale.visible_range(width)[1] - scale.visible_range(width)[0] - 24 / px_per_day
        assert t0 <= start and end <= t1
    before = scale.visible_range(width)
    if length > 1 and start < before[1] - 12 / px_per_day and end > before[0] + 12 / px_per_day:
        assert shown is scale  # partly in view already: nothing moves


def test_counts_read_short() -> None:
    assert [count_label(n) for n in (7, 999, 4100, 38_000, 1_200_000)] == [
        "7",
        "999",
        "4.1k",
        "38k",
        "1.2M",
    ]


def test_a_time_belongs_to_the_bin_whose_boundaries_hold_it() -> None:
    bins = Bins(64 / 3.7)
    for b in range(-50, 50):
        assert bins.of(bins.start(b)) == b
        assert bins.of(bins.start(b + 1) - 1e-7) == b
