"""The timeline as a screen reader gets it: a list of the events drawn and the badges, in process."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from museum_app.ui.language import TRANSLATION
from museum_app.ui.main_window import MainWindow
from museum_app.ui.timeline.cluster_popup import ClusterPopup
from museum_app.ui.timeline.view import TimelineView
from tests.timeline.factories import day, year_2014
from tests.ui.test_accessibility import open_window
from tests.ui.test_language import open_window as open_in_language

ITEMS = year_2014()
TITLES = {it.id: it.title for it in ITEMS}
LABELS = {it.id: it.date_label for it in ITEMS}
Kind = QAccessible.Event
Text = QAccessible.Text
DIDI = "2014-01-06-didi-taxi-wechat"


@pytest.fixture
def active() -> Iterator[None]:
    """Say an assistive tool listens, as the AT-SPI bridge does, so that events are sent."""
    before = QAccessible.isActive()
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(before)


def make_view(qtbot: QtBot, width: int, height: int, first: float, last: float) -> TimelineView:
    timeline = TimelineView()
    qtbot.addWidget(timeline)
    timeline.resize(width, height)
    timeline.set_items(ITEMS)
    timeline.show()
    qtbot.waitExposed(timeline)
    timeline.set_visible_range(first, last)
    return timeline


@pytest.fixture
def view(qtbot: QtBot) -> TimelineView:
    """Return a timeline showing 2014, 1600 by 600 pixels: every event drawn on its own."""
    return make_view(qtbot, 1600, 600, day(2014, 1, 1) - 5, day(2015, 1, 1) + 5)


@pytest.fixture
def crowded(qtbot: QtBot) -> TimelineView:
    """Return a low timeline over three years: some events drawn on their own, two badges."""
    timeline = make_view(qtbot, 1000, 200, day(2013, 1, 1), day(2016, 1, 1))
    assert timeline.drawn_event_ids() and len(timeline.badge_entries()) == 2
    return timeline


def interface(view: TimelineView) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(view)
    assert found is not None and found.isValid()
    return found


def items(view: TimelineView) -> list[QAccessibleInterface]:
    node = interface(view)
    return [node.child(i) for i in range(node.childCount())]


def names(view: TimelineView) -> list[str]:
    return [item.text(Text.Name) for item in items(view)]


def test_the_timeline_is_a_list_of_every_event_drawn(view: TimelineView) -> None:
    node = interface(view)
    assert node.role() == QAccessible.Role.List
    assert node.text(Text.Name) == "Timeline"
    drawn = view.drawn_event_ids()
    assert len(drawn) == len(ITEMS) and node.childCount() == len(drawn)
    origin = view.mapToGlobal(QPointF())
    for index, item in enumerate(items(view)):
        event_id = drawn[index]  # every event is a point or a span of its own days: time order
        assert item.role() == QAccessible.Role.ListItem
        assert item.text(Text.Name) == TITLES[event_id]  # whole, however shortened it is drawn
        assert item.text(Text.Description) == LABELS[event_id]
        rect = view.marker_rect(event_id)
        assert rect is not None and item.rect() == rect.translated(origin).toRect()
        assert node.indexOfChild(item) == index
        assert item.parent().role() == QAccessible.Role.List
        state = item.state()
        assert state.focusable and state.selectable and not state.selected
        assert node.childAt(item.rect().center().x(), item.rect().center().y()).text(
            Text.Name
        ) == item.text(Text.Name)


def test_every_interface_qt_may_ask_for_is_answered(crowded: TimelineView) -> None:
    # A screen reader's bridge asks each node for every kind of interface; a wrong answer to
    # any of them crashed the whole app under AT-SPI, where no in-process read had failed.
    for node in [interface(crowded), *items(crowded)]:
        for kind in QAccessible.InterfaceType:
            node.interface_cast(kind)
        assert node.textInterface() is None and node.valueInterface() is None
        assert node.tableCellInterface() is None and node.editableTextInterface() is None
        assert node.actionInterface() is not None
    assert interface(crowded).selectionInterface() is not None
    assert all(item.selectionInterface() is None for item in items(crowded))


def test_badges_are_items_that_tell_their_count_and_days(crowded: TimelineView) -> None:
    drawn, badges = crowded.drawn_event_ids(), crowded.badge_entries()
    assert interface(crowded).childCount() == len(drawn) + len(badges)
    read = names(crowded)
    assert read.count("6 events, 20 May – 15 July 2014") == 1
    assert read.count("6 events, 7 August – 31 October 2014") == 1
    # By time: each badge sits between the events before and after its first day.
    starts = {it.title: it.start for it in ITEMS}
    badge_days = {f"6 events, {b.first_day.day} {b.first_day:%B}": b.first_day for b in badges}
    times = [
        starts[name] if name in starts else next(
            float(d.toordinal()) for key, d in badge_days.items() if name.startswith(key)
        )
        for name in read
    ]  # fmt: skip
    assert times == sorted(times)
    badge = next(i for i in items(crowded) if i.text(Text.Name).startswith("6 events, 20 May"))
    assert badge.role() == QAccessible.Role.ListItem
    assert not badge.state().selectable
    assert badge.text(Text.Description) == "Press to list these events"
    origin = crowded.mapToGlobal(QPointF())
    assert badge.rect() == badges[0].rect.translated(origin).toRect()


def test_badges_speak_the_window_language(crowded: TimelineView) -> None:
    TRANSLATION.use("zh_CN")
    try:
        assert "6 个事件，2014年5月20日至7月15日" in names(crowded)
    finally:
        TRANSLATION.use("en")
    assert "6 events, 20 May – 15 July 2014" in names(crowded)


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise, grab: the offscreen platform
def test_a_badges_press_lists_its_events(qtbot: QtBot, crowded: TimelineView) -> None:
    badge = next(i for i in items(crowded) if i.text(Text.Name).startswith("6 events, 20 May"))
    actions = badge.actionInterface()
    assert actions is not None and actions.actionNames() == [QAccessibleActionInterface.pressAction()]
    actions.doAction(QAccessibleActionInterface.pressAction())
    popup = crowded.findChild(ClusterPopup)
    assert popup is not None and popup.isVisible()
    assert popup.ids() == crowded.badge_entries()[0].ids
    popup.close()


def test_the_focus_item_follows_the_selection_by_real_keys(
    qtbot: QtBot, view: TimelineView, active: None
) -> None:
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    access, node = view.access, interface(view)
    assert node.focusChild() is None  # nothing selected yet
    for key, expected in ((Qt.Key.Key_Home, 0), (Qt.Key.Key_Right, 1), (Qt.Key.Key_Right, 2)):
        with qtbot.waitSignal(access.notified, check_params_cb=lambda k, _: k == Kind.Focus) as sent:
            qtbot.keyClick(view, key)
        selected = view.selected_id()
        assert selected == view.drawn_event_ids()[expected]
        assert sent.args == [Kind.Focus, expected]
        focused = node.focusChild()
        assert focused is not None and focused.text(Text.Name) == TITLES[selected]
        assert node.indexOfChild(focused) == expected
        assert focused.state().focused and focused.state().selected
        assert sum(item.state().selected for item in items(view)) == 1
        selection = node.selectionInterface()
        assert selection is not None and selection.selectedItemCount() == 1
        assert selection.isSelected(focused)
    with qtbot.waitSignal(access.notified, check_params_cb=lambda k, _: k == Kind.Focus) as sent:
        qtbot.keyClick(view, Qt.Key.Key_End)
    assert sent.args == [Kind.Focus, len(ITEMS) - 1]


def focused_and_heard(qtbot: QtBot, view: TimelineView) -> list[tuple[object, int]]:
    """Give the view the keyboard; return the list of what it tells assistive tools from now."""
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    sent: list[tuple[object, int]] = []
    view.access.notified.connect(lambda kind, child: sent.append((kind, child)))
    return sent


def test_a_click_sends_selection_and_focus_for_its_item(
    qtbot: QtBot, view: TimelineView, active: None
) -> None:
    sent = focused_and_heard(qtbot, view)
    target = view.drawn_event_ids()[4]
    rect = view.marker_rect(target)
    assert rect is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    qtbot.waitUntil(lambda: (Kind.Focus, 4) in sent)
    assert (Kind.Selection, 4) in sent
    assert interface(view).child(4).text(Text.Name) == TITLES[target]


def test_the_item_that_was_selected_is_told_it_no_longer_is(
    qtbot: QtBot, view: TimelineView, active: None
) -> None:
    sent = focused_and_heard(qtbot, view)
    with qtbot.waitSignal(view.access.notified, check_params_cb=lambda k, _: k == Kind.Focus):
        qtbot.keyClick(view, Qt.Key.Key_Home)
    assert (Kind.SelectionRemove, 0) not in sent  # nothing was selected before
    with qtbot.waitSignal(view.access.notified, check_params_cb=lambda k, _: k == Kind.Focus):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert sent.index((Kind.SelectionRemove, 0)) < sent.index((Kind.Selection, 1))
    assert not interface(view).child(0).state().selected
    assert interface(view).child(1).state().selected


def test_pan_zoom_and_filter_send_the_reorder_event(
    qtbot: QtBot, view: TimelineView, active: None
) -> None:
    access = view.access
    reorder = {"check_params_cb": lambda kind, child: kind == Kind.ObjectReorder and child == -1}
    before = names(view)
    with qtbot.waitSignal(access.notified, **reorder):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert names(view) != before
    with qtbot.waitSignal(access.notified, **reorder):
        qtbot.keyClick(view, Qt.Key.Key_F)
    assert names(view) == before
    with qtbot.waitSignal(access.notified, **reorder):
        view.zoom_by(3.0)
    assert len(names(view)) == len(view.drawn_event_ids()) < len(ITEMS)
    view.fit_all()
    with qtbot.waitSignal(access.notified, **reorder):
        view.set_filter({"nsc", "jd-ipo"})
    assert names(view) == [TITLES["nsc"], TITLES["jd-ipo"]]


def test_items_last_while_drawn_and_go_with_their_event(view: TimelineView) -> None:
    first = interface(view).child(0)
    kept = QAccessible.uniqueId(first)
    view.set_filter({it.id for it in ITEMS[:3]})
    assert interface(view).childCount() == 3
    assert QAccessible.uniqueId(interface(view).child(0)) == kept  # the same item: the reader's place
    view.set_filter({it.id for it in ITEMS[1:3]})
    assert interface(view).childCount() == 2
    gc.collect()
    assert QAccessible.accessibleInterface(kept) is None  # gone with its event, nothing left dangling
    assert names(view) == [ITEMS[1].title, ITEMS[2].title]


def test_an_item_opened_through_assistive_tools_becomes_current(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    timeline = window.part("timeline")
    node = interface(timeline)

    def item_named(title: str) -> QAccessibleInterface:
        return next(item for item in items(timeline) if item.text(Text.Name) == title)

    def current(window: MainWindow) -> str | None:
        return None if window.browser.current is None else window.browser.current.title

    # The list's selection (AT-SPI Selection.selectChild) opens the event.
    selection = node.selectionInterface()
    assert selection is not None
    assert selection.select(item_named("Didi Taxi joins WeChat"))
    assert current(window) == "Didi Taxi joins WeChat"
    assert window.details.shown_event_id() == DIDI
    assert window.event_list.current_id() == DIDI
    assert timeline.selected_id() == DIDI

    # An item's Press action does the same; SetFocus also puts the keyboard in the timeline.
    title = "WeChat Red Envelope launched"
    actions = item_named(title).actionInterface()
    assert actions is not None
    assert actions.actionNames() == [
        QAccessibleActionInterface.pressAction(),
        QAccessibleActionInterface.setFocusAction(),
    ]
    assert actions.localizedActionDescription(actions.actionNames()[0]) == "Open this event"
    actions.doAction(QAccessibleActionInterface.pressAction())
    assert current(window) == title
    heading = window.details.findChild(QLabel, "eventTitle")
    assert heading is not None and heading.text() == title
    window.part("searchBox").setFocus()
    item = item_named("Didi Taxi joins WeChat")
    item.actionInterface().doAction(QAccessibleActionInterface.setFocusAction())
    assert current(window) == "Didi Taxi joins WeChat"
    assert QApplication.focusWidget() is timeline
    focused = node.focusChild()
    assert focused is not None and focused.text(Text.Name) == "Didi Taxi joins WeChat"
    assert focused.state().focused


def test_next_in_the_details_selects_without_taking_the_focus(
    qtbot, tmp_path: Path, active: None
) -> None:
    window = open_window(qtbot, tmp_path / "data")
    timeline = window.part("timeline")
    window.browser.go_to(DIDI)
    next_button = window.part("nextButton")
    next_button.setFocus()
    sent: list[tuple[object, int]] = []
    timeline.access.notified.connect(lambda kind, child: sent.append((kind, child)))
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    following = window.browser.current
    assert following is not None and following.id != DIDI
    qtbot.waitUntil(lambda: any(kind == Kind.Selection for kind, _ in sent))
    place = next(child for kind, child in sent if kind == Kind.Selection)
    assert interface(timeline).child(place).text(Text.Name) == following.title
    # The keyboard stays on Next: a focus event would send the screen reader into the timeline.
    assert all(kind != Kind.Focus for kind, _ in sent)
    assert QApplication.focusWidget() is next_button
    # Coming into the timeline puts the reader on the selected event.
    search = window.part("searchBox")
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is timeline
    qtbot.waitUntil(lambda: (Kind.Focus, place) in sent)


def test_dates_are_read_as_the_details_write_them(qtbot, tmp_path: Path) -> None:
    window = open_in_language(qtbot, tmp_path / "data", DIDI, "zh_CN")
    timeline = window.part("timeline")
    item = interface(timeline).focusChild()
    assert item is not None
    date_label = window.details.findChild(QLabel, "eventDate")
    assert date_label is not None and "年" in date_label.text()
    assert item.text(Text.Description) == date_label.text()
    assert item.text(Text.Name) == window.details.findChild(QLabel, "eventTitle").text()
