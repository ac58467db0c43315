"""The bookmarks panel as a person uses it: sorting, jumping, removing, exporting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPushButton, QWidget

from museum_app.core.domain import Bookmark
from museum_app.store.library import Library
from museum_app.ui.bookmarks_panel import BookmarksPanel

LATE = "2014-11-24-national-cyber-security-week"
EARLY = "2014-01-06-didi-taxi-wechat"
MIDDLE = "2014-06-icann-50-governance-proposal"
GONE = "2013-12-31-removed-from-the-pack"


@pytest.fixture
def bookmarks(library: Library) -> list[Bookmark]:
    """Three bookmarks added late, early and in between, and one whose event left the data."""
    for event_id, note in (
        (MIDDLE, "Governance\nsecond line\nthird line"),
        (LATE, ""),
        (EARLY, "Taxi"),
    ):
        found = library.catalog.event(event_id)
        assert found is not None
        library.add_bookmark(found, note)
    day = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    added = {MIDDLE: day, LATE: day + dt.timedelta(days=2), EARLY: day + dt.timedelta(days=1)}
    marks = [dataclasses.replace(m, created=added[m.event_id]) for m in library.bookmarks()]
    orphan = Bookmark(
        GONE, "Was here", day + dt.timedelta(days=3), day, "Aardvark launch", "December 2013"
    )
    return [*marks, orphan]


@pytest.fixture
def panel(qtbot, bookmarks: list[Bookmark]) -> Iterator[BookmarksPanel]:
    host = QWidget()  # a window without a layout: offscreen warns when a window's minimum changes
    qtbot.addWidget(host)
    widget = BookmarksPanel(host)
    widget.set_bookmarks(bookmarks)
    host.resize(320, 480)
    widget.resize(320, 480)
    host.show()
    yield widget


def rows(panel: BookmarksPanel) -> QListWidget:
    found = panel.findChild(QListWidget, "bookmarkList")
    assert found is not None
    return found


def push(qtbot, panel: BookmarksPanel, text: str) -> QPushButton:
    found = next(b for b in panel.findChildren(QPushButton) if b.text() == text)
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)
    return found


def sort_by(qtbot, panel: BookmarksPanel, text: str) -> None:
    combo = panel.findChild(QComboBox, "bookmarkSort")
    assert combo is not None
    while combo.currentText() != text:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def row_centre(panel: BookmarksPanel, row: int):
    view = rows(panel)
    return view.visualItemRect(view.item(row)).center()


def double_click(qtbot, panel: BookmarksPanel, row: int) -> None:
    # A real double click is press, release, double-click, release; QTest's mouseDClick sends
    # only the second half, so the first click comes first.
    view = rows(panel)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(panel, row))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(panel, row))


def test_names_for_tests_and_assistive_tools(panel: BookmarksPanel) -> None:
    assert panel.objectName() == "bookmarksPanel"
    assert panel.accessibleName() == "Bookmarks"
    combo = panel.findChild(QComboBox, "bookmarkSort")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "By date",
        "Recently added",
        "By title",
    ]


def test_sorts_three_ways(qtbot, panel: BookmarksPanel) -> None:
    assert panel.shown_ids() == [EARLY, MIDDLE, LATE, GONE]  # the event's date; orphans last
    sort_by(qtbot, panel, "Recently added")
    assert panel.shown_ids() == [GONE, LATE, EARLY, MIDDLE]
    sort_by(qtbot, panel, "By title")
    assert panel.shown_ids() == [LATE, GONE, MIDDLE, EARLY]  # 1st…, Aardvark, China's, Didi


def test_rows_show_title_date_and_note(panel: BookmarksPanel, library: Library) -> None:
    view = rows(panel)
    late = library.catalog.event(LATE)
    assert view.item(2).text() == late.title
    assert view.item(2).data(Qt.ItemDataRole.UserRole + 1) == late.date.label()
    assert "Governance" in view.item(1).toolTip()


def test_orphans_show_their_saved_title(panel: BookmarksPanel) -> None:
    assert rows(panel).item(3).text() == "Aardvark launch (no longer in the data)"


def test_double_click_jumps_to_the_event(qtbot, panel: BookmarksPanel) -> None:
    with qtbot.waitSignal(panel.event_activated) as blocker:
        double_click(qtbot, panel, 1)
    assert blocker.args == [MIDDLE]
    with qtbot.assertNotEmitted(panel.event_activated):
        double_click(qtbot, panel, 3)  # the orphan has no event to go to


def test_enter_jumps_to_the_selected_event(qtbot, panel: BookmarksPanel) -> None:
    panel.select(LATE)
    with qtbot.waitSignal(panel.event_activated) as blocker:
        qtbot.keyClick(rows(panel), Qt.Key.Key_Return)
    assert blocker.args == [LATE]


def test_delete_key_and_remove_button_ask_to_remove(qtbot, panel: BookmarksPanel) -> None:
    view = rows(panel)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(panel, 0))
    with qtbot.waitSignal(panel.remove_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert blocker.args == [EARLY]
    panel.select(GONE)
    with qtbot.waitSignal(panel.remove_requested) as blocker:
        push(qtbot, panel, "Remove")
    assert blocker.args == [GONE]


def test_remove_needs_a_selection(qtbot, panel: BookmarksPanel) -> None:
    panel.select(None)
    with qtbot.assertNotEmitted(panel.remove_requested):
        button = push(qtbot, panel, "Remove")
        qtbot.keyClick(rows(panel), Qt.Key.Key_Delete)
    assert not button.isEnabled()


def test_export_and_import_are_asked_for(qtbot, panel: BookmarksPanel) -> None:
    with qtbot.waitSignal(panel.export_requested):
        push(qtbot, panel, "Export…")
    with qtbot.waitSignal(panel.import_requested):
        push(qtbot, panel, "Import…")


def test_selection_survives_new_bookmarks(panel: BookmarksPanel, bookmarks: list[Bookmark]) -> None:
    panel.select(MIDDLE)
    panel.set_bookmarks(bookmarks[::-1])
    assert rows(panel).currentRow() == panel.shown_ids().index(MIDDLE)


def test_empty_state(qtbot, panel: BookmarksPanel) -> None:
    panel.set_bookmarks([])
    notice = panel.findChild(QLabel, "bookmarksEmpty")
    assert notice.isVisible()
    assert notice.text().startswith("No bookmarks yet. Press Ctrl+D")
    assert not rows(panel).isVisible()
    export = next(b for b in panel.findChildren(QPushButton) if b.text() == "Export…")
    assert not export.isEnabled()


def test_rows_are_made_when_first_shown_with_what_was_set_before(
    qtbot, bookmarks: list[Bookmark]
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    widget = BookmarksPanel(host)
    widget.set_bookmarks(bookmarks)
    widget.select(MIDDLE)
    assert widget.shown_ids() == [EARLY, MIDDLE, LATE, GONE]
    assert widget.findChild(QListWidget, "bookmarkList") is None  # nothing is made while hidden
    host.resize(320, 480)
    widget.resize(320, 480)
    host.show()
    view = rows(widget)
    assert view.isVisible() and view.count() == 4
    assert view.currentRow() == 1  # the one selected before the rows were made
    remove = next(b for b in widget.findChildren(QPushButton) if b.text() == "Remove")
    assert remove.isVisible() and remove.isEnabled()
    with qtbot.waitSignal(widget.remove_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert blocker.args == [MIDDLE]


def test_a_panel_first_shown_empty_says_so(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    widget = BookmarksPanel(host)
    widget.select(EARLY)  # nothing to select
    host.resize(320, 480)
    widget.resize(320, 480)
    host.show()
    notice = widget.findChild(QLabel, "bookmarksEmpty")
    assert notice is not None and notice.isVisible()
    assert not rows(widget).isVisible()
    assert widget.shown_ids() == []


def test_a_screen_reader_hears_each_rows_date_title_and_note(panel: BookmarksPanel) -> None:
    view = interface_of(rows(panel))
    items = [view.child(i) for i in range(view.childCount())]
    spoken = [i.text(QAccessible.Text.Name) for i in items if i.role() == QAccessible.Role.ListItem]
    assert "Didi Taxi joins WeChat. 6 January 2014. Taxi" in spoken
    governance = next(s for s in spoken if s.startswith("China's proposal at ICANN 50"))
    assert "Governance" in governance and "third line" in governance  # the whole note
    assert any(s.startswith("Aardvark launch (no longer in the data). December 2013") for s in spoken)


def test_selecting_a_row_through_assistive_tools_opens_its_event(qtbot, panel: BookmarksPanel) -> None:
    view = interface_of(rows(panel))
    selection = view.selectionInterface()
    assert selection is not None
    item = next(
        view.child(i)
        for i in range(view.childCount())
        if view.child(i).text(QAccessible.Text.Name).startswith("Didi")
    )
    with qtbot.waitSignal(panel.event_activated) as opened:
        assert selection.select(item)
    assert opened.args == [EARLY]
    assert rows(panel).currentItem().text() == "Didi Taxi joins WeChat"


def test_selecting_by_the_code_opens_nothing(qtbot, panel: BookmarksPanel) -> None:
    with qtbot.assertNotEmitted(panel.event_activated):
        panel.select(LATE)
        panel.select(EARLY)
    assert rows(panel).currentItem().text() == "Didi Taxi joins WeChat"


def test_arrow_keys_open_the_bookmark_moved_to(qtbot, panel: BookmarksPanel) -> None:
    panel.select(EARLY)
    with qtbot.waitSignal(panel.event_activated) as opened:
        qtbot.keyClick(rows(panel), Qt.Key.Key_Down)
    assert opened.args == [MIDDLE]


def interface_of(widget: QWidget) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None
    return found


def test_a_change_remakes_only_the_rows_it_touches(
    qtbot, panel: BookmarksPanel, bookmarks: list[Bookmark], library: Library
) -> None:
    view = rows(panel)
    panel.select(LATE)
    kept = {panel.shown_ids()[row]: view.item(row) for row in range(view.count())}
    added = library.catalog.ids()[5]
    event = library.catalog.event(added)
    assert event is not None and added not in kept
    new = Bookmark(added, "", bookmarks[0].created, bookmarks[0].created, event.title, "", event)
    noted = dataclasses.replace(bookmarks[1], note="A new note")
    changed = [new, bookmarks[0], noted, *bookmarks[3:]]  # the third bookmark is removed
    panel.set_bookmarks(changed)
    fresh = BookmarksPanel(panel.parentWidget())
    fresh.set_bookmarks(changed)
    assert panel.shown_ids() == fresh.shown_ids()  # the order a whole new sort gives
    shown = panel.shown_ids()
    assert [view.item(row).text() for row in range(view.count())] == [
        next(m for m in changed if m.event_id == i).event.title  # type: ignore[union-attr]
        if i != GONE else "Aardvark launch (no longer in the data)"
        for i in shown
    ]  # fmt: skip
    untouched = {bookmarks[0].event_id, GONE}
    for event_id in untouched:
        assert view.item(shown.index(event_id)) is kept[event_id]  # the same row, not a new one
    assert view.item(shown.index(bookmarks[1].event_id)) is not kept[bookmarks[1].event_id]
    assert "A new note" in view.item(shown.index(bookmarks[1].event_id)).toolTip()
    assert bookmarks[2].event_id not in shown
    assert view.count() == len(changed)
    assert view.currentRow() == (shown.index(LATE) if LATE in shown else -1)


def test_the_selection_stays_on_its_bookmark_when_rows_come_and_go(
    panel: BookmarksPanel, bookmarks: list[Bookmark]
) -> None:
    panel.select(LATE)
    panel.set_bookmarks([m for m in bookmarks if m.event_id != EARLY])
    assert panel.shown_ids() == [MIDDLE, LATE, GONE]
    assert panel.shown_ids()[rows(panel).currentRow()] == LATE
    panel.set_bookmarks(bookmarks)
    assert panel.shown_ids() == [EARLY, MIDDLE, LATE, GONE]
    assert panel.shown_ids()[rows(panel).currentRow()] == LATE


@pytest.mark.parametrize("sort", [0, 1, 2])  # by date, recently added, by title
def test_a_toggled_bookmark_takes_the_row_a_whole_new_sort_gives_it(
    panel: BookmarksPanel, bookmarks: list[Bookmark], library: Library, sort: int
) -> None:
    box = panel.findChild(QComboBox, "bookmarkSort")
    assert box is not None
    box.setCurrentIndex(sort)
    renamed = library.catalog.event(library.catalog.ids()[5])
    assert renamed is not None
    later = bookmarks[0].created + dt.timedelta(days=9)
    # Made under a former id of its event: selected by the event's current id.
    alias = Bookmark("a-former-id", "", later, later, "Old title", "", renamed)
    for changed in (
        [*bookmarks, alias],
        [m for m in bookmarks if m.event_id != MIDDLE] + [alias],
        [dataclasses.replace(bookmarks[0], note="noted"), *bookmarks[1:]],
    ):
        view = rows(panel)
        panel.set_bookmarks(changed)
        fresh = BookmarksPanel(panel.parentWidget())
        fresh.set_bookmarks(changed)
        fresh.show()
        fresh_box = fresh.findChild(QComboBox, "bookmarkSort")
        assert fresh_box is not None
        fresh_box.setCurrentIndex(sort)
        assert panel.shown_ids() == fresh.shown_ids()
        assert [view.item(row).text() for row in range(view.count())] == [
            rows(fresh).item(row).text() for row in range(rows(fresh).count())
        ]
        panel.select(renamed.id)
        expected = panel.shown_ids().index("a-former-id") if alias in changed else -1
        assert view.currentRow() == expected
