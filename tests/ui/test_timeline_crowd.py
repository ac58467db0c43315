"""The timeline with nothing, and with 100,000 events: it lays out and paints (not timed here)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from museum_app.ui.timeline.view import TimelineView
from tests.timeline.factories import day, synthetic, year_2014


@pytest.fixture
def view(qtbot: QtBot) -> TimelineView:
    """Return an empty timeline, 1600 by 600 pixels."""
    timeline = TimelineView()
    qtbot.addWidget(timeline)
    timeline.resize(1600, 600)
    timeline.show()
    qtbot.waitExposed(timeline)
    return timeline


def test_empty_and_filtered_to_nothing_it_still_paints_and_ignores_keys(
    qtbot: QtBot, view: TimelineView
) -> None:
    assert not view.grab().isNull()
    view.set_items(year_2014())
    view.set_filter([])
    with qtbot.assertNotEmitted(view.event_activated):
        qtbot.keyClick(view, Qt.Key.Key_Right)
        qtbot.keyClick(view, Qt.Key.Key_F)
        qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.drawn_event_ids() == [] and view.badge_entries() == []
    assert not view.grab().isNull()


def test_new_items_keep_the_selection_and_bookmarks_by_id(view: TimelineView) -> None:
    items = year_2014()
    view.set_bookmarked({"jd-ipo", "not-loaded-yet"})
    view.set_items(items[:10])
    view.select(items[5].id)
    view.set_items(items)
    assert view.selected_id() == items[5].id
    view.set_items([it for it in items if it.id != items[5].id])
    assert view.selected_id() is None


def test_a_hundred_thousand_events_lay_out_and_paint(qtbot: QtBot, view: TimelineView) -> None:
    items = synthetic(100_000)
    view.set_items(items)
    view.fit_all()
    start, end = view.visible_range()
    assert start < items[0].start and items[-1].start < end
    assert not view.grab().isNull()
    badges = view.badge_entries()
    assert badges and sum(len(b.ids) for b in badges) > 90_000
    view.set_visible_range(day(2014, 11, 17), day(2014, 11, 24))
    view.grab()
    assert view.drawn_event_ids()
    for _ in range(20):
        view.pan_by_pixels(90)
        view.zoom_by(1.1, 300)
        view.repaint()
    target = items[50_000].id
    view.select(target)
    assert view.marker_rect(target) is not None
    chosen: list[str] = []
    view.event_activated.connect(chosen.append)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert chosen == [items[50_001].id]
