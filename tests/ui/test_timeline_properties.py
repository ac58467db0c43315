"""The widget itself, offscreen at real sizes, over random events, zooms and pans.

What it reports (marker_rect, shown_title, drawn_event_ids, badge_entries) must hold the
promises: every event in view drawn or in a badge of two or more, the selected one drawn,
titles whole or cut between words.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF

from museum_app.timeline.items import ItemKind, TimelineItem
from museum_app.ui.timeline.view import TimelineView
from tests.timeline.strategies import FIRST, item_lists

ELLIPSIS = "..."
# The timeline's part of windows of 1024x640, 1280x800 and 1600x1000.
SIZES = [(1024, 300), (1280, 380), (1600, 520)]


@pytest.fixture(scope="module")
def view() -> TimelineView:
    """Return one timeline widget, shown offscreen, for all the examples."""
    timeline = TimelineView()
    timeline.show()
    return timeline


def spans_at_once(items: list[TimelineItem]) -> int:
    """Return how many spans at most run at the same time."""
    edges = sorted(
        [(it.start, 1) for it in items if it.kind is not ItemKind.POINT]
        + [(it.end, -1) for it in items if it.kind is not ItemKind.POINT]
    )
    running = most = 0
    for _, step in edges:
        running += step
        most = max(most, running)
    return most


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    items=item_lists(max_size=70),
    size=st.sampled_from(SIZES),
    days=st.floats(min_value=6.0, max_value=900.0),
    where=st.floats(min_value=-50.0, max_value=450.0),
    data=st.data(),
)
def test_the_widget_draws_or_counts_every_event_in_view_and_always_the_selected(
    qtbot, view: TimelineView, items: list[TimelineItem], size: tuple[int, int], days: float,
    where: float, data: st.DataObject,
) -> None:  # fmt: skip
    view.resize(*size)
    view.set_items(items)
    view.select(None)
    view.set_visible_range(FIRST + where, FIRST + where + days)
    view.repaint()
    area = QRectF(view.rect())
    start, end = view.visible_range()
    badges = view.badge_entries()
    counted = {i for b in badges for i in b.ids}
    drawn = set(view.drawn_event_ids())
    for badge in badges:
        assert area.intersects(badge.rect)
        assert len(badge.ids) >= 2 or spans_at_once(items) >= 2
    for item in items:
        x = (item.start + 0.5 - start) * view.zoom_level()
        meets = (
            -4 < x < view.width() + 4
            if item.kind is ItemKind.POINT
            else item.start < end and item.end > start
        )
        title = view.shown_title(item.id)
        if item.id in drawn:
            rect = view.marker_rect(item.id)
            assert rect is not None and not rect.isEmpty() and area.contains(rect)
            assert title is not None
            assert title in ("", item.title) or (
                title.endswith(ELLIPSIS) and item.title.startswith(title[: -len(ELLIPSIS)])
            )
        elif meets:
            assert item.id in counted
            assert title is None
    if items:
        chosen = items[data.draw(st.integers(min_value=0, max_value=len(items) - 1))]
        zoom = view.zoom_level()
        view.select(chosen.id)
        assert view.zoom_level() <= zoom  # never closer
        rect = view.marker_rect(chosen.id)
        assert rect is not None and area.contains(rect)
        assert chosen.id in view.drawn_event_ids()
        assert all(chosen.id not in b.ids for b in view.badge_entries())
