"""The timeline as a person uses it: real clicks, keys and wheel events on the widget."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from museum_app.timeline.chunks import ZoomLayout
from museum_app.timeline.items import ItemKind, TimelineItem
from museum_app.ui.timeline.accessible import Marker
from museum_app.ui.timeline.cluster_popup import ClusterPopup
from museum_app.ui.timeline.marks import BOOKMARK_COLOUR
from museum_app.ui.timeline.view import TimelineView
from tests.timeline.factories import day, sort_items, year_2014

ITEMS = year_2014()
IDS = [it.id for it in ITEMS]


def shown_timeline(
    qtbot: QtBot, items: Sequence[TimelineItem] = ITEMS, size: tuple[int, int] = (1600, 600)
) -> TimelineView:
    """Return a timeline of items, shown and exposed at this size."""
    timeline = TimelineView()
    qtbot.addWidget(timeline)
    timeline.resize(*size)
    timeline.set_items(items)
    timeline.show()
    qtbot.waitExposed(timeline)
    return timeline


@pytest.fixture
def view(qtbot: QtBot) -> TimelineView:
    """Return a timeline showing 2014, 1600 by 600 pixels."""
    timeline = shown_timeline(qtbot)
    timeline.set_visible_range(day(2014, 1, 1) - 5, day(2015, 1, 1) + 5)
    return timeline


def time_at(view: TimelineView, x: float) -> float:
    return view.visible_range()[0] + x / view.zoom_level()


def centre(view: TimelineView, event_id: str) -> QPoint:
    rect = view.marker_rect(event_id)
    assert rect is not None, event_id
    return rect.center().toPoint()


def wheel(view: TimelineView, x: float, notches: float, ctrl: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    position = QPointF(x, 200)
    turned = QPoint(0, round(notches * 120))
    event = QWheelEvent(
        position, QPointF(view.mapToGlobal(position.toPoint())), QPoint(), turned,
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view, event)


def test_names_focus_and_a_description_of_the_keys(view: TimelineView) -> None:
    assert view.objectName() == "timeline"
    assert view.accessibleName() == "Timeline"
    for word in ("Left", "Right", "plus", "minus", "F ", "Home", "End"):
        assert word in view.accessibleDescription()
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert view.findChild(QWidget, "timelineOverview") is not None


def test_clicking_a_marker_selects_exactly_that_event(qtbot: QtBot, view: TimelineView) -> None:
    for event_id in IDS:
        with qtbot.waitSignal(view.event_activated, timeout=1000) as blocker:
            qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, event_id))
        assert blocker.args == [event_id]
        assert view.selected_id() == event_id
        assert view.event_at(centre(view, event_id)) == event_id


def test_right_from_the_first_event_walks_all_shown_events_in_date_order(
    qtbot: QtBot, view: TimelineView
) -> None:
    view.select(IDS[0])
    chosen: list[str] = []
    view.event_activated.connect(chosen.append)
    for _ in range(len(IDS)):  # one press more than there are events: the last one stays
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert chosen == IDS[1:]
    assert view.selected_id() == IDS[-1]
    chosen.clear()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left)
    assert chosen == IDS[-2:-5:-1]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert chosen[-1] == IDS[-4]


def test_select_highlights_and_brings_into_view_without_emitting(
    qtbot: QtBot, view: TimelineView
) -> None:
    view.set_visible_range(day(2014, 1, 1), day(2014, 2, 1))
    with qtbot.assertNotEmitted(view.event_activated):
        view.select("xiaomi")
    start, end = view.visible_range()
    assert start <= day(2014, 12, 29) < end
    assert view.selected_id() == "xiaomi" and view.marker_rect("xiaomi") is not None
    view.select(None)
    assert view.selected_id() is None


def test_ctrl_wheel_zooms_around_the_cursor(view: TimelineView) -> None:
    before, under = view.zoom_level(), time_at(view, 400)
    wheel(view, 400, 1, ctrl=True)
    assert view.zoom_level() == pytest.approx(before * 1.25)
    assert time_at(view, 400) == pytest.approx(under, abs=1e-6)
    wheel(view, 400, -2, ctrl=True)
    assert view.zoom_level() == pytest.approx(before / 1.25)
    assert time_at(view, 400) == pytest.approx(under, abs=1e-6)


def test_the_wheel_alone_pans(view: TimelineView) -> None:
    zoom, (start, _) = view.zoom_level(), view.visible_range()
    wheel(view, 400, -1)
    assert view.zoom_level() == zoom
    assert view.visible_range()[0] == pytest.approx(start + 60 / zoom)


def test_dragging_pans_and_double_click_zooms_in(qtbot: QtBot, view: TimelineView) -> None:
    zoom, (start, _) = view.zoom_level(), view.visible_range()
    empty = QPoint(800, 40)  # high above the lanes in use
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=empty)
    qtbot.mouseMove(view, QPoint(750, 40))
    qtbot.mouseMove(view, QPoint(700, 40))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(700, 40))
    assert view.visible_range()[0] == pytest.approx(start + 100 / zoom)
    under = time_at(view, 800)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=empty)
    assert view.zoom_level() == pytest.approx(2 * zoom)
    assert time_at(view, 800) == pytest.approx(under, abs=1e-6)


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise, grab: the offscreen platform
def test_one_click_on_a_badge_lists_every_event_in_it_and_each_opens(
    qtbot: QtBot, view: TimelineView
) -> None:
    crowd = [
        TimelineItem(f"crowd{n}", f"Crowd {n}", day(2014, 5, 5) + n % 7, day(2014, 5, 6) + n % 7,
                     ItemKind.POINT, ("#117733",), "May 2014")
        for n in range(80)
    ]  # fmt: skip
    view.set_items(sort_items(ITEMS + crowd))
    view.set_visible_range(day(2014, 1, 1), day(2015, 1, 1))
    badges = view.badge_entries()
    assert badges and all(len(b.ids) >= 2 for b in badges)
    badge = max(badges, key=lambda b: len(b.ids))
    assert len(badge.ids) >= 10
    by_id = {it.id: it for it in ITEMS + crowd}
    assert badge.first_day.toordinal() == min(by_id[i].start for i in badge.ids)
    assert badge.last_day.toordinal() == max(by_id[i].end for i in badge.ids) - 1
    shown = view.visible_range()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=badge.rect.center().toPoint())
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.objectName() == "clusterPopup"
    assert isinstance(popup, ClusterPopup)
    assert popup.ids() == badge.ids
    chosen = badge.ids[3]
    listed = popup.list
    row = listed.visualItemRect(listed.item(3)).center()
    with qtbot.waitSignal(view.event_activated, timeout=1000) as blocker:
        qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert blocker.args == [chosen]
    assert view.selected_id() == chosen and view.marker_rect(chosen) is not None
    assert view.visible_range() == shown  # it was in view: nothing moved, nothing zoomed
    assert chosen in view.drawn_event_ids()
    assert QApplication.activePopupWidget() is None


def test_filtered_out_events_are_neither_drawn_nor_clickable_nor_stepped_to(
    qtbot: QtBot, view: TimelineView
) -> None:
    where = centre(view, "jd-ipo")
    shown = [i for i in IDS if i != "jd-ipo"]
    view.set_filter(shown)
    assert view.marker_rect("jd-ipo") is None
    assert "jd-ipo" not in view.drawn_event_ids()
    assert view.event_at(where) is None
    with qtbot.assertNotEmitted(view.event_activated):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=where)
    view.select(shown[0])
    chosen: list[str] = []
    view.event_activated.connect(chosen.append)
    for _ in range(len(shown) - 1):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert chosen == shown[1:]
    view.set_filter(None)
    view.select("jd-ipo")
    assert view.marker_rect("jd-ipo") is not None


def test_keys_zoom_fit_go_to_the_ends_and_page(qtbot: QtBot, view: TimelineView) -> None:
    zoom = view.zoom_level()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom_level() == pytest.approx(zoom * 1.5)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom_level() == pytest.approx(zoom / 1.5)
    view.set_visible_range(day(2014, 6, 1), day(2014, 6, 8))
    zoom = view.zoom_level()
    with qtbot.waitSignal(view.event_activated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Home)
    assert blocker.args == [IDS[0]] and view.selected_id() == IDS[0]
    assert view.visible_range()[0] <= ITEMS[0].start < view.visible_range()[1]
    with qtbot.waitSignal(view.event_activated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_End)
    assert blocker.args == [IDS[-1]] and view.selected_id() == IDS[-1]
    assert view.visible_range()[0] < day(2014, 12, 30) <= view.visible_range()[1]
    assert view.zoom_level() == zoom  # moved to them, never zoomed
    start, end = view.visible_range()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.visible_range()[0] == pytest.approx(start - 0.9 * (end - start))
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.visible_range()[0] == pytest.approx(start)
    qtbot.keyClick(view, Qt.Key.Key_F)
    start, end = view.visible_range()
    assert start < day(2014, 1, 24) and day(2014, 12, 30) < end


def test_the_buttons_zoom_and_fit(qtbot: QtBot, view: TimelineView) -> None:
    view.fit_all()  # at the view's width now: a fit leaves room on the right for titles
    zoom = view.zoom_level()
    qtbot.mouseClick(view.findChild(QWidget, "timelineZoomIn"), Qt.MouseButton.LeftButton)
    assert view.zoom_level() == pytest.approx(zoom * 1.5)
    qtbot.mouseClick(view.findChild(QWidget, "timelineFit"), Qt.MouseButton.LeftButton)
    assert view.zoom_level() == pytest.approx(zoom, rel=0.1)


def test_the_overview_window_can_be_dragged(qtbot: QtBot, view: TimelineView) -> None:
    view.set_visible_range(day(2014, 3, 1), day(2014, 4, 1))
    overview = view.overview
    assert overview.objectName() == "timelineOverview"
    grip = overview.window_rect().center().toPoint()
    start = view.visible_range()[0]
    qtbot.mousePress(overview, Qt.MouseButton.LeftButton, pos=grip)
    qtbot.mouseMove(overview, grip + QPoint(200, 0))
    qtbot.mouseRelease(overview, Qt.MouseButton.LeftButton, pos=grip + QPoint(200, 0))
    moved = view.visible_range()[0] - start
    assert moved > 30  # 200 of about 1,500 pixels over a year
    width = view.visible_range()[1] - view.visible_range()[0]
    assert width == pytest.approx(day(2014, 4, 1) - day(2014, 3, 1))


def test_visible_range_is_announced_and_restored(qtbot: QtBot, view: TimelineView) -> None:
    with qtbot.waitSignal(view.visible_range_changed) as blocker:
        view.pan_by_pixels(120)
    assert tuple(blocker.args) == view.visible_range()
    view.set_visible_range(day(2014, 2, 1), day(2014, 3, 1))
    start, end = view.visible_range()
    assert start == pytest.approx(day(2014, 2, 1)) and end == pytest.approx(day(2014, 3, 1))
    assert view.zoom_level() == pytest.approx(view.width() / (end - start))
    view.zoom_by(2.0)
    quarter = (end - start) / 4
    assert view.visible_range()[0] == pytest.approx(start + quarter)
    assert view.visible_range()[1] == pytest.approx(end - quarter)


def test_markers_out_of_view_have_no_rectangle(view: TimelineView) -> None:
    view.set_visible_range(day(2014, 11, 1), day(2014, 12, 1))
    assert view.marker_rect("nsc") is None
    assert view.marker_rect("no-such-event") is None
    assert view.marker_rect("wuzhen") is not None


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform
def test_the_tooltip_shows_title_and_date_as_plain_text(qtbot: QtBot, view: TimelineView) -> None:
    sneaky = TimelineItem("sneaky", "<b>Bold</b> & co", day(2014, 7, 20), day(2014, 7, 21),
                          ItemKind.POINT, ("#44AA99",), "20 July 2014")  # fmt: skip
    view.set_items(sort_items([*ITEMS, sneaky]))
    view.set_visible_range(day(2014, 7, 1), day(2014, 8, 1))
    where = centre(view, "sneaky")
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, where, view.mapToGlobal(where)))
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in QToolTip.text()
    assert "20 July 2014" in QToolTip.text()


def test_uncertain_dates_are_spans_over_their_bounds_not_points(view: TimelineView) -> None:
    rect = view.marker_rect("search-order")  # 2014, between 29 January and 15 April
    assert rect is not None
    assert time_at(view, rect.left()) == pytest.approx(day(2014, 1, 29), abs=0.5)
    assert time_at(view, rect.right()) == pytest.approx(day(2014, 4, 16), abs=0.5)
    point = view.marker_rect("nsc")
    assert point is not None and point.width() < 12
    bar = view.marker_rect("wuzhen")  # 19 to 21 November: three known days, a solid bar
    assert bar is not None and bar.width() == pytest.approx(3 * view.zoom_level(), abs=1.5)


def test_it_paints_with_bookmarks_selection_focus_and_a_dark_palette(view: TimelineView) -> None:
    view.set_bookmarked({"jd-ipo", "wuzhen", "search-order"})
    view.select("alibaba-ipo")
    light = view.grab().toImage()
    palette = view.palette()
    palette.setColor(palette.ColorRole.Base, Qt.GlobalColor.black)
    palette.setColor(palette.ColorRole.Window, Qt.GlobalColor.darkGray)
    palette.setColor(palette.ColorRole.WindowText, Qt.GlobalColor.white)
    view.setPalette(palette)
    dark = view.grab().toImage()
    assert light.pixelColor(400, 60).lightness() > 200
    assert dark.pixelColor(400, 60).lightness() < 50
    view.setFocus()
    focused = view.grab().toImage()
    if view.hasFocus():  # an offscreen window may not take focus on every platform
        assert focused.pixelColor(1, 200) == view.palette().color(palette.ColorRole.Highlight)
    assert not math.isnan(view.zoom_level())


def test_a_mask_filters_as_the_same_ids_do(qtbot: QtBot, view: TimelineView) -> None:
    shown = {it.id for it in ITEMS[::2]}
    view.set_filter(shown)
    by_ids = (view.drawn_event_ids(), view.badge_entries())
    view.set_visible_mask(bytes(it.id in shown for it in ITEMS))
    assert (view.drawn_event_ids(), view.badge_entries()) == by_ids
    assert set(view.drawn_event_ids()) <= shown
    view.set_visible_mask(None)
    assert len(view.drawn_event_ids()) == len(ITEMS)


def test_clearing_a_filter_shows_every_event_as_before_without_laying_out_again(
    qtbot: QtBot, view: TimelineView, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drawn(timeline: TimelineView) -> tuple[object, ...]:
        rects = [r and r.toRect() for r in map(timeline.marker_rect, IDS)]
        return timeline.drawn_event_ids(), timeline.badge_entries(), rects

    view.repaint()
    before = drawn(view)
    built: list[int] = []
    build = ZoomLayout._build
    monkeypatch.setattr(ZoomLayout, "_build", lambda self, c: built.append(c) or build(self, c))
    view.set_filter(IDS[::2])
    view.repaint()
    assert built  # a filter is laid out anew
    built.clear()
    view.set_filter(None)
    view.repaint()
    assert drawn(view) == before
    assert not built  # every event's layout was kept
    # Chosen while filtered, an event is drawn where a view that never filtered draws it.
    view.set_filter(IDS[::2])
    view.select(IDS[6])
    view.set_filter(None)
    fresh = shown_timeline(qtbot)
    fresh.set_visible_range(*view.visible_range())
    fresh.select(IDS[6])
    assert drawn(view) == drawn(fresh)


def test_work_done_while_idle_changes_nothing_drawn(qtbot: QtBot, view: TimelineView) -> None:
    fresh = shown_timeline(qtbot)
    fresh.set_visible_range(*view.visible_range())
    view.repaint()
    qtbot.wait(50)  # the view lays out ahead and makes pictures meanwhile; fresh does not
    for timeline in (view, fresh):
        timeline.zoom_by(1.25, 700)
    assert view.drawn_event_ids() == fresh.drawn_event_ids()
    assert [r and r.toRect() for r in map(view.marker_rect, IDS)] == [
        r and r.toRect() for r in map(fresh.marker_rect, IDS)
    ]


def test_scene_changed_tells_when_what_is_drawn_changes(qtbot: QtBot, view: TimelineView) -> None:
    for change in (
        lambda: view.pan_by_pixels(40),
        lambda: view.zoom_by(1.25),
        lambda: view.set_filter(IDS[:5]),
        lambda: view.set_items(ITEMS[:10]),
        lambda: view.resize(1200, 500),
        lambda: view.select(IDS[3]),
    ):
        with qtbot.waitSignal(view.scene_changed, timeout=1000):
            change()


def starred(view: TimelineView) -> set[str]:
    """Return the one-day events drawn on their own with a bookmark star by their marker."""
    image = view.grab().toImage()
    found = set()
    for event_id in points(view):
        rect = view.marker_rect(event_id)
        assert rect is not None
        near = rect.adjusted(-2, -10, 10, 2).toRect().intersected(image.rect())
        pixels = (
            image.pixelColor(x, y).rgb()
            for x in range(near.left(), near.right() + 1)
            for y in range(near.top(), near.bottom() + 1)
        )
        if BOOKMARK_COLOUR.rgb() in pixels:
            found.add(event_id)
    return found


def points(view: TimelineView) -> list[str]:
    """Return the one-day events drawn on their own."""
    return [i for i in view.drawn_event_ids() if (r := view.marker_rect(i)) and r.width() < 12]


def test_a_bookmark_toggled_among_many_stars_only_that_event(view: TimelineView) -> None:
    drawn = points(view)
    assert len(drawn) > 10
    many = set(IDS) - {drawn[3]}
    view.set_bookmarked(many)
    assert starred(view) == set(drawn) - {drawn[3]}
    view.set_bookmarked(many - {drawn[5]})  # one removed: only that id is looked up
    assert starred(view) == set(drawn) - {drawn[3], drawn[5]}
    view.set_bookmarked(many - {drawn[5]} | {drawn[3]})  # and one added
    assert starred(view) == set(drawn) - {drawn[5]}
    view.set_bookmarked({drawn[0]})  # most of them removed at once
    assert starred(view) == {drawn[0]}


def test_filtering_and_stepping_leave_no_objects_behind(view: TimelineView) -> None:
    def one_round(n: int) -> tuple[int, int]:
        view.set_filter(IDS[n % 3 :: 2])
        view.step_selection(1)
        view.repaint()
        listed = view.access.items()  # an item for each event and badge drawn
        assert listed
        children = view.findChildren(QObject)
        markers = [c for c in children if isinstance(c, Marker)]
        assert sorted(map(id, markers)) == sorted(map(id, listed))  # none kept once gone
        return len(children) - len(markers), len(markers)

    others, _ = one_round(0)
    for n in range(1, 30):
        assert one_round(n)[0] == others
