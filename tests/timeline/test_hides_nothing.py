"""The timeline hides nothing: every event in view drawn or in a badge, the selected one drawn.

The layout and its titles, without a screen, over random events, view widths, zooms and pans.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from museum_app.timeline.items import ItemKind, TimelineItem
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.scene import Scene
from museum_app.timeline.shapes import ShapeKind
from museum_app.timeline.shown import ShownItems
from museum_app.ui.timeline.titles import ELLIPSIS, MAX_SHORTENED, Shortener, title_box
from tests.timeline.factories import sort_items, year_2014
from tests.timeline.strategies import FIRST, item_lists

WORDS = ["China's", "mobile", "phone", "shipments", "reach", "452", "million", "New", "York"]


def measure(text: str) -> float:
    """Pretend every character is 6.5 pixels wide."""
    return 6.5 * len(text)


def most_at_once(items: list[TimelineItem]) -> int:
    """Return how many spans at most run at the same time."""
    edges = sorted(
        [(it.start, 1) for it in items if it.kind is not ItemKind.POINT]
        + [(max(it.end, it.start + 1), -1) for it in items if it.kind is not ItemKind.POINT]
    )
    running = most = 0
    for _, step in edges:
        running += step
        most = max(most, running)
    return most


views = st.fixed_dictionaries(
    {
        "lanes": st.integers(min_value=3, max_value=24),
        "width": st.sampled_from([600.0, 1024.0, 1280.0, 1600.0]),
        "px_per_day": st.floats(min_value=0.3, max_value=240.0),
        "offset": st.floats(min_value=-60.0, max_value=460.0),
    }
)


def view_of(items: list[TimelineItem], options: dict[str, float], pinned: int | None = None):
    """Return the scene, scale and width of a view (pinned: the selected item)."""
    metrics = LayoutMetrics(lanes=int(options["lanes"]))
    shown = ShownItems()
    shown.set_items(items)
    index = shown.index(metrics.span_lanes, pinned)
    scene = Scene(index, metrics, measure)
    scene.pin(pinned)
    scale = TimeScale(FIRST + options["offset"], options["px_per_day"])
    return scene, scale, options["width"]


def meets_view(item: TimelineItem, scale: TimeScale, width: float, radius: float) -> bool:
    """Say whether an item's days meet the view (a day's marker: its diamond)."""
    t0, t1 = scale.visible_range(width)
    if item.kind is ItemKind.POINT:
        x = scale.x_of(item.start + 0.5)
        return x + radius > 0 and x - radius < width
    return item.start < t1 and max(item.end, item.start + 1) > t0


def assert_hides_nothing(
    items: list[TimelineItem], scene: Scene, scale: TimeScale, width: float
) -> None:
    """Check that every event in view is drawn or counted in a badge in view of two or more."""
    shapes = scene.shapes_in(scale, 0, width)
    drawn = set()
    for s in shapes:
        if s.kind is not ShapeKind.CLUSTER:
            left, right = s.body_x(scale)
            if right > 0 and left < width:
                drawn.add(s.item)
    counted: set[int] = set()
    for badge in (s for s in shapes if s.kind is ShapeKind.CLUSTER):
        left, right = badge.drawn_x(scale, width)
        assert right > 0 and left < width, "a badge is drawn in view"
        members = scene.badge_items(badge, scale.px_per_day)
        assert len(members) == badge.count
        # No badge of one, unless a lone span without a lane (more spans at once than lanes).
        assert badge.count >= 2 or most_at_once(items) > scene.metrics.span_lanes, badge
        counted.update(members)
    for n, item in enumerate(items):
        if meets_view(item, scale, width, scene.metrics.marker_radius):
            assert n in drawn or n in counted, item


@settings(max_examples=200, deadline=None)
@given(items=item_lists(max_size=80), options=views)
def test_every_event_in_view_is_drawn_or_in_a_badge_in_view_and_no_badge_holds_one(
    items: list[TimelineItem], options: dict[str, float]
) -> None:
    scene, scale, width = view_of(items, options)
    assert_hides_nothing(items, scene, scale, width)


# At a pixel a day, with the default metrics, bins are 64 days long and chunks 16 bins.
BIN_EDGE = 64.0 * 11_500  # an edge between two bins inside a chunk
WALL = 1024.0 * 719  # an edge between two chunks, laid out apart


@pytest.mark.parametrize(
    "days",
    [
        (BIN_EDGE - 1, BIN_EDGE),  # either side of a bin's edge, each alone in its bin
        (BIN_EDGE - 20, BIN_EDGE - 1, BIN_EDGE),
        (WALL - 1,),  # just before a chunk's wall
        (WALL - 1, WALL),  # either side of it
        (WALL - 9, WALL - 1, WALL, WALL + 6),
    ],
)
def test_markers_that_only_the_badges_lane_has_room_for_are_drawn_or_counted_two_at_least(
    days: tuple[float, ...],
) -> None:
    # Two spans take both lanes above the badges' lane: only lane 0 is left for the markers,
    # and markers a day or two apart (a pixel or two) do not fit in it side by side.
    spans = [
        TimelineItem(f"s{n}", "Span", days[0] - 300, days[-1] + 300, ItemKind.RANGE, ("#332288",), "")
        for n in range(2)
    ]
    points = [
        TimelineItem(f"p{n}", "Point", t, t + 1, ItemKind.POINT, ("#882255",), "")
        for n, t in enumerate(days)
    ]
    items = sort_items(spans + points)
    scene, _, _ = view_of(items, {"lanes": 3, "width": 800.0, "px_per_day": 1.0, "offset": 0.0})
    for origin in (days[0] - 790, days[0] - 400, days[0] - 3, days[-1] + 2):
        assert_hides_nothing(items, scene, TimeScale(origin, 1.0), 800.0)


@settings(max_examples=200, deadline=None)
@given(items=item_lists(max_size=80), options=views, data=st.data())
def test_the_selected_event_is_always_drawn_on_its_own(
    items: list[TimelineItem], options: dict[str, float], data: st.DataObject
) -> None:
    assume(items)
    pinned = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    item = items[pinned]
    centre = item.start + 0.5 if item.kind is ItemKind.POINT else item.start
    # Pan so that it is in view, anywhere from the left edge to the right.
    where = data.draw(st.floats(min_value=0.05, max_value=0.95))
    scene, scale, width = view_of(items, options, pinned)
    scale = TimeScale(centre - where * width / scale.px_per_day, scale.px_per_day)
    shape = scene.shape_of(pinned, scale, 0, width)
    assert shape is not None and shape.kind is not ShapeKind.CLUSTER
    left, right = shape.body_x(scale)
    assert right > 0 and left < width


@settings(max_examples=150, deadline=None)
@given(items=item_lists(max_size=60), options=views, data=st.data())
def test_an_event_over_the_whole_view_runs_across_it_with_its_title_at_the_left(
    items: list[TimelineItem], options: dict[str, float], data: st.DataObject
) -> None:
    scene, scale, width = view_of(items, options)
    assume(most_at_once(items) <= scene.metrics.span_lanes)  # else some span has no lane
    t0, t1 = scale.visible_range(width)
    for n, item in enumerate(items):
        if item.start <= t0 and item.end >= t1:
            shape = scene.shape_of(n, scale, 0, width)
            assert shape is not None and shape.kind is ShapeKind.SPAN
            left, right = shape.body_x(scale)
            assert left <= 0 and right >= width
            box = title_box(shape, scale, scene.metrics, width)
            assert box is not None and 0 <= box[0] <= 8


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=9),
    room=st.floats(min_value=0, max_value=400),
)
def test_a_title_is_whole_or_whole_words_and_an_ellipsis_within_its_room(
    words: list[str], room: float
) -> None:
    title = " ".join(words)
    shown = Shortener(measure).fit(title, room)
    assert measure(shown) <= room + 1.5  # at most a pixel past it, lost to whole pixels
    if shown and shown != title:
        assert shown.endswith(ELLIPSIS)
        kept = shown[: -len(ELLIPSIS)].split(" ")
        assert kept == words[: len(kept)], "cut only between words, never inside one"
    if measure(title) <= int(room):
        assert shown == title


def test_a_chinese_title_is_cut_between_characters_never_inside_a_number() -> None:
    title = "“扫黄打非·净网2014”专项行动启动"
    shorten = Shortener(measure)
    # Room for a few characters: Chinese has no spaces, so it is cut between two of them.
    assert shorten.fit(title, measure("“扫黄打非...")) == "“扫黄打非..."
    # Never inside the year, and never a dot or an opening quote left before the ellipsis.
    assert shorten.fit(title, measure("“扫黄打非·净网201...")) == "“扫黄打非·净网..."
    assert shorten.fit(title, measure("“扫黄打非·...")) == "“扫黄打非..."
    assert shorten.fit(title, measure("“...")) == ""
    # Latin words beside Chinese are kept whole: "ICANN" is one word.
    assert Shortener(measure).fit("中国在ICANN第50次会议上", measure("中国在ICA...")) == "中国在..."


def test_shortened_titles_are_kept_up_to_a_bound_and_answered_alike_after() -> None:
    measured: list[str] = []

    def counting(text: str) -> float:
        measured.append(text)
        return measure(text)

    shorten = Shortener(counting)
    title = "China Internet Museum milestones of the year"
    first = shorten.fit(title, 100)
    asked = len(measured)
    assert shorten.fit(title, 100) == first and len(measured) == asked, "kept: not measured again"
    for room in range(101, 101 + MAX_SHORTENED):
        shorten.fit(title, room)
    asked = len(measured)
    assert shorten.fit(title, 100) == first, "the same answer once let go"
    assert len(measured) > asked, "not kept past the bound: measured again"


@settings(max_examples=150, deadline=None)
@given(items=item_lists(max_size=60), options=views)
def test_a_title_never_covers_its_own_bar_start(
    items: list[TimelineItem], options: dict[str, float]
) -> None:
    scene, scale, width = view_of(items, options)
    for shape in scene.shapes_in(scale, 0, width):
        box = title_box(shape, scale, scene.metrics, width) if shape.title > 0 else None
        if box is None:
            continue
        left, right = shape.body_x(scale)
        if shape.kind is ShapeKind.POINT or not shape.inside:
            assert box[0] >= right  # after the marker or the bar
        elif left >= 0:
            assert box[0] >= left + scene.metrics.gap  # the bar's start stays in sight
        assert box[0] + box[1] <= width


def test_a_long_span_in_a_crowd_is_drawn_and_selected_at_any_zoom() -> None:
    items = year_2014()
    miit = next(n for n, it in enumerate(items) if it.id == "search-order")
    for lanes in (3, 5, 12):
        for px_per_day in (0.5, 4.0, 60.0, 240.0):
            scene, scale, width = view_of(
                items, {"lanes": lanes, "width": 1024, "px_per_day": px_per_day, "offset": 0}, miit
            )
            start = items[miit].start
            scale = TimeScale(start + 20 - 100 / px_per_day, px_per_day)
            assert scene.shape_of(miit, scale, 0, width) is not None
