"""The timeline hides nothing with the shipped data, at the window sizes people use.

At 1024x640, 1280x800 and 1600x1000: every event in view is drawn or in a badge, one click
on a badge lists each of its events, the zoom stays the person's, and a legend explains it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QToolButton

from museum_app.app import build_window
from museum_app.timeline.items import ItemKind, TimelineItem
from museum_app.ui.adapters import timeline_items
from museum_app.ui.main_window import MainWindow
from museum_app.ui.timeline.cluster_popup import ClusterPopup
from museum_app.ui.timeline.view import TimelineView
from tests.timeline.factories import day, sort_items, year_2014

SIZES = [(1024, 640), (1280, 800), (1600, 1000)]
MIIT = "2014-miit-network-security-guiding-opinion"
# Somewhere between 30 January and 19 November, by the page's order: the longest undated span.
LONG_SPAN = "2014-ice-bucket-challenge"
WUZHEN = "2014-11-19-world-internet-conference"
ELLIPSIS = "..."


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def window(request: pytest.FixtureRequest, qtbot, tmp_path: Path) -> MainWindow:
    """Return the window on the shipped data at one of the sizes, as first opened (Fit all)."""
    built = build_window(tmp_path / "data", size=request.param)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


def timeline_of(window: MainWindow) -> TimelineView:
    timeline = window.part("timeline")
    assert isinstance(timeline, TimelineView)
    return timeline


def items_of(window: MainWindow) -> list[TimelineItem]:
    b = window.browser
    return list(timeline_items(b.summaries, b.categories))


def check_nothing_hidden(timeline: TimelineView, items: list[TimelineItem]) -> None:
    """Every event whose days meet the view is drawn inside the timeline or in a badge in view."""
    lanes = QRectF(timeline.rect())
    start, end = timeline.visible_range()
    badges = timeline.badge_entries()
    counted = {i for badge in badges for i in badge.ids}
    for badge in badges:
        assert len(badge.ids) >= 2, "a badge of one: the event should be drawn"
        assert lanes.intersects(badge.rect)
    drawn = set(timeline.drawn_event_ids())
    for item in items:
        x = (item.start + 0.5 - start) * timeline.zoom_level()
        if item.end - item.start <= 1:
            meets = -4 < x < lanes.width() + 4  # a known day: its diamond in view
        else:
            meets = item.start < end and item.end > start
        if not meets:
            continue
        rect = timeline.marker_rect(item.id)
        if item.id in drawn:
            assert rect is not None and not rect.isEmpty() and lanes.contains(rect), item.id
            title = timeline.shown_title(item.id)
            assert title is not None
            assert title in ("", item.title) or (
                title.endswith(ELLIPSIS) and item.title.startswith(title[: -len(ELLIPSIS)] + " ")
            ), (title, item.title)
        else:
            assert item.id in counted, f"{item.id} is neither drawn nor in a badge"
            assert timeline.shown_title(item.id) is None


def test_fit_all_shows_every_event_drawn_or_one_click_away(window: MainWindow) -> None:
    timeline = timeline_of(window)
    timeline.fit_all()
    items = items_of(window)
    check_nothing_hidden(timeline, items)
    if window.width() >= 1600:
        assert sorted(timeline.drawn_event_ids()) == sorted(it.id for it in items)  # all 27
        assert timeline.badge_entries() == []
    if window.width() >= 1280:
        assert len(timeline.badge_entries()) <= 2


def test_a_long_undated_span_is_drawn_wherever_it_may_fall_and_when_selected(
    window: MainWindow,
) -> None:
    timeline = timeline_of(window)
    items = items_of(window)
    span = next(it for it in items if it.id == LONG_SPAN)
    for days in (365.0, 120.0, 30.0, 5.0):  # zoomed ever closer inside its span
        middle = span.start + 40
        timeline.set_visible_range(middle - days / 2, middle + days / 2)
        check_nothing_hidden(timeline, items)
        assert timeline.marker_rect(LONG_SPAN) is not None
    # Five days inside it: the bar runs across the view, its title at the left edge.
    rect = timeline.marker_rect(LONG_SPAN)
    assert rect is not None and rect.left() <= 0 and rect.right() >= timeline.width() - 1
    assert timeline.shown_title(LONG_SPAN)
    for event_id in (LONG_SPAN, MIIT, WUZHEN):
        window.browser.go_to(event_id)
        assert timeline.marker_rect(event_id) is not None


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise, grab: the offscreen platform
@pytest.mark.parametrize("size", SIZES[:2], ids=["1024x640", "1280x800"])  # 1600x1000: no crowd
def test_one_click_on_a_badge_lists_each_of_its_events_and_each_opens(
    qtbot, tmp_path: Path, size: tuple[int, int]
) -> None:
    window = build_window(tmp_path / "data", size=size)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    timeline = timeline_of(window)
    timeline.zoom_by(1 / 40)  # far out: the year is one crowd
    badges = timeline.badge_entries()
    assert badges
    check_nothing_hidden(timeline, items_of(window))
    for badge in badges:
        for n, event_id in enumerate(badge.ids):
            shown = timeline.visible_range()
            qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=badge.rect.center().toPoint())
            popup = QApplication.activePopupWidget()
            assert isinstance(popup, ClusterPopup) and popup.objectName() == "clusterPopup"
            assert popup.ids() == badge.ids
            popup.list.setCurrentRow(n)
            with qtbot.waitSignal(timeline.event_activated, timeout=1000) as blocker:
                qtbot.keyClick(popup.list, Qt.Key.Key_Return)
            assert blocker.args == [event_id]
            assert window.browser.current is not None and window.browser.current.id == event_id
            assert timeline.marker_rect(event_id) is not None  # drawn on its own now
            assert timeline.visible_range() == shown  # in view: nothing moved
            window.browser.go_to(None)
            badge = next(b for b in timeline.badge_entries() if event_id in b.ids)


def test_choosing_an_event_in_view_keeps_the_view_and_never_zooms_in(qtbot, window: MainWindow) -> None:
    timeline = timeline_of(window)
    items = items_of(window)
    shown = timeline.visible_range()
    for item in items:  # all in view at Fit all: the list, a link or a bookmark picks one
        window.browser.go_to(item.id)
        assert timeline.visible_range() == shown
    timeline.set_visible_range(items[0].start - 7, items[0].start + 7)
    zoom = timeline.zoom_level()
    window.browser.go_to(items[0].id)
    for _ in items[1:]:  # Next event, again and again: it pans, never zooms
        before = timeline.visible_range()
        target = window.browser.neighbours()[1]
        assert target is not None
        rect = timeline.marker_rect(target)
        in_view = rect is not None and 12 <= rect.center().x() <= timeline.width() - 12
        window.commands.next_event.trigger()
        assert timeline.marker_rect(target) is not None
        assert timeline.zoom_level() <= zoom
        if in_view:
            assert timeline.visible_range() == before
    timeline.setFocus()
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
        qtbot.keyClick(timeline, key)
        assert timeline.zoom_level() <= zoom
    assert window.browser.current is not None and window.browser.current.id == items[-1].id


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform
def test_the_legend_opens_from_the_help_menu_and_the_timeline(qtbot, window: MainWindow) -> None:
    timeline = timeline_of(window)
    window.commands.legend.trigger()
    legend = (
        window.findChild(QApplication.activeWindow().__class__, "timelineLegend") if False else None
    )
    legend = window.findChild(type(window.part("timeline")).__mro__[-2], "timelineLegend")
    assert legend is not None and legend.isVisible()
    legend.close()
    button = timeline.findChild(QToolButton, "timelineLegendButton")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert legend.isVisible()


def test_badges_keep_their_outline_in_a_dark_palette(qtbot) -> None:
    timeline = TimelineView()
    qtbot.addWidget(timeline)
    timeline.resize(1280, 400)
    crowd = [
        TimelineItem(f"c{n}", f"Crowd {n}", day(2014, 5, 5), day(2014, 5, 6), ItemKind.POINT,
                     ("#117733",), "5 May 2014")
        for n in range(40)
    ]  # fmt: skip
    timeline.set_items(sort_items(year_2014() + crowd))
    timeline.show()
    qtbot.waitExposed(timeline)
    dark = QPalette(timeline.palette())
    for role, colour in (
        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e0e0e0"), (QPalette.ColorRole.Text, "#e0e0e0"),
        (QPalette.ColorRole.Button, "#303030"), (QPalette.ColorRole.ButtonText, "#e0e0e0"),
        (QPalette.ColorRole.Dark, "#101010"), (QPalette.ColorRole.Mid, "#404040"),
    ):  # fmt: skip
        dark.setColor(role, QColor(colour))
    timeline.setPalette(dark)
    timeline.fit_all()
    badge = timeline.badge_entries()[0]
    image = timeline.grab().toImage()
    dpr = image.devicePixelRatio()
    rect = badge.rect
    y = round(rect.center().y() * dpr)
    across = range(int(rect.left()) - 3, int(rect.left()) + 4)
    row = [image.pixelColor(round(x * dpr), y) for x in across]
    base = QColor("#1e1e1e")
    # Somewhere across the badge's left edge, a line clearly lighter than the background.
    assert max(c.lightness() for c in row) - base.lightness() > 60
