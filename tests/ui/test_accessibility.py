"""What a screen reader gets, read in process through QAccessible, and the keyboard path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QWidget,
)

from museum_app import paths
from museum_app.store.library import Library
from museum_app.ui.main_window import MainWindow
from tests.ui.test_main_window import open_window as open_shown

DIDI = "2014-01-06-didi-taxi-wechat"
RED_ENVELOPE = "2014-01-27-wechat-red-envelope"
NSC = "2014-01-24-national-security-commission"


def open_window(qtbot, data: Path) -> MainWindow:
    """Open the window and wait until it has the keyboard, so that shortcuts reach it."""
    window = open_shown(qtbot, data)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def interface(widget: QWidget) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None and found.isValid()
    return found


def children(parent: QAccessibleInterface) -> list[QAccessibleInterface]:
    return [parent.child(i) for i in range(parent.childCount())]


def name(node: QAccessibleInterface) -> str:
    return node.text(QAccessible.Text.Name)


def stored_bookmarks(data: Path) -> set[str]:
    """Read the bookmarks from the user file, as a second run of the app would."""
    library = Library(data, paths.shipped_data_dir())
    try:
        return library.bookmarked_ids()
    finally:
        library.close()


def toggle(widget: QWidget) -> None:
    actions = interface(widget).actionInterface()
    assert actions is not None
    assert actions.toggleAction() in actions.actionNames()
    actions.doAction(actions.toggleAction())


def test_the_stars_toggle_action_bookmarks_and_unbookmarks(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = open_window(qtbot, data)
    window.browser.go_to(DIDI)
    star = window.part("bookmarkButton")

    toggle(star)
    assert stored_bookmarks(data) == {DIDI}
    assert window.commands.bookmark.isChecked()  # the toolbar action says the same
    assert window.part("noteEditor").isEnabled()

    # Another event shown by the code sets the star off: that is no unbookmarking.
    window.browser.go_to(RED_ENVELOPE)
    assert not star.property("checked")
    assert stored_bookmarks(data) == {DIDI}

    window.browser.go_to(DIDI)
    toggle(star)
    assert stored_bookmarks(data) == set()
    assert not window.commands.bookmark.isChecked()

    # Ctrl+D goes the same way, and the star follows it.
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert stored_bookmarks(data) == {DIDI}
    assert star.property("checked")


def test_selecting_a_table_row_through_assistive_tools_opens_its_event(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.go_to(DIDI)
    table = interface(window.part("eventList"))
    cell = next(c for c in children(table) if name(c) == "WeChat Red Envelope launched")
    selection = table.selectionInterface()
    assert selection is not None
    assert selection.select(cell)
    assert window.browser.current is not None and window.browser.current.id == RED_ENVELOPE
    assert window.event_list.current_id() == RED_ENVELOPE
    assert window.details.shown_event_id() == RED_ENVELOPE


def test_first_entry_into_the_table_selects_the_first_row_on_its_title(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    events = window.event_list
    # "Only this" is off with no category chosen: Tab goes from "None" into the table.
    none = next(b for b in window.filters.findChildren(QPushButton) if b.text() == "None")
    none.setFocus()
    first, second = events.visible_ids_in_order()[:2]
    with qtbot.waitSignal(events.event_activated) as entered:
        qtbot.keyClick(none, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is events
    assert entered.args == [first]
    assert [i.row() for i in events.selectionModel().selectedRows()] == [0]
    focused = interface(events).focusChild()
    title = window.browser.summaries[window.browser.summaries.rank_of(first)].title
    assert focused is not None and name(focused) == title  # the first event's, on its title
    # The current cell is framed in a colour that shows on the selected row.
    cell = events.visualRect(events.currentIndex())
    picture = events.viewport().grab().toImage()
    frame = events.palette().color(QPalette.ColorRole.HighlightedText)
    ratio = picture.devicePixelRatio()
    point = QPoint(int((cell.left() + 1) * ratio), int(cell.center().y() * ratio))
    assert picture.pixelColor(point) == frame
    qtbot.keyClick(events, Qt.Key.Key_Down)
    assert events.current_id() == second
    assert window.browser.current is not None and window.browser.current.id == second


def test_every_table_cell_has_a_name(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    table = interface(window.part("eventList"))
    cells = [c for c in children(table) if c.role() == QAccessible.Role.Cell]
    assert cells and all(name(c) for c in cells)
    first = window.browser.summaries[0].title  # the first row: the earliest event
    assert {name(c) for c in cells[:4]} >= {"Not bookmarked", first}


def detail_names(window: MainWindow) -> list[str]:
    """Walk the detail pane's tree depth first, as a screen reader reads it."""
    out: list[str] = []

    def walk(node: QAccessibleInterface) -> None:
        if node.state().invisible:
            return
        out.append(f"{node.role().name}:{name(node)}")
        for child in children(node):
            walk(child)

    walk(interface(window.details))
    return out


def test_the_detail_pane_reads_in_the_order_it_is_drawn(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.go_to(NSC)  # two categories, names and related events
    read = detail_names(window)
    order = [
        "Heading:National Security Commission set up",
        "Button:Governance and policy",
        "Heading:Named in this event (click to search)",
        "Heading:Related events",
        "Heading:Note",
        "EditableText:Note",
    ]
    places = [read.index(part) for part in order]
    assert places == sorted(places), read
    entity = next(i for i, r in enumerate(read) if r.startswith("Button:") and i > places[2])
    related = next(i for i, r in enumerate(read) if r.startswith("Button:") and i > places[3])
    assert places[2] < entity < places[3] < related < places[4]


def test_tab_goes_through_the_details_as_drawn_and_never_stops_unseen(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.go_to(NSC)
    window.browser.set_bookmarked(NSC, True)
    star = window.part("bookmarkButton")
    star.setFocus()
    stops: list[str] = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert not isinstance(widget, QScrollArea)
        stops.append(widget.objectName())
        if widget.objectName() == "noteEditor":
            break
    assert stops[-1] == "noteEditor", stops
    kinds = [s for s in stops[:-1] if s]
    assert kinds[0] == "categoryChip"
    assert kinds == sorted(kinds, key=["categoryChip", "entityButton", "relatedEvent"].index)
    assert "entityButton" in kinds and "relatedEvent" in kinds


def test_descriptions_are_plain_text_beside_rich_tooltips(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.go_to(NSC)
    pane = window.details
    for object_name in ("categoryChip", "entityButton", "relatedEvent", "bookmarkButton"):
        widgets = [w for w in pane.findChildren(QWidget, object_name) if w.isVisible()]
        assert widgets, object_name
        for widget in widgets:
            described = interface(widget).text(QAccessible.Text.Description)
            assert described and "<" not in described and "&#" not in described, described
    entity = next(w for w in pane.findChildren(QWidget, "entityButton") if w.isVisible())
    assert interface(entity).text(QAccessible.Text.Description).startswith("Search for “")


def test_headings_carry_the_heading_role(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.set_search("wechat")
    window.browser.go_to(DIDI)
    title = window.details.findChild(QLabel, "eventTitle")
    assert title is not None and "<span" in title.text()  # drawn with the match marked
    node = interface(title)
    assert node.role() == QAccessible.Role.Heading
    assert name(node) == "Didi Taxi joins WeChat"  # read without the markup
    note = window.details.findChild(QLabel, "noteHeading")
    assert note is not None and interface(note).role() == QAccessible.Role.Heading


def test_ctrl_b_puts_the_keyboard_in_the_bookmarks(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.set_bookmarked(DIDI, True)
    window.part("searchBox").setFocus()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "bookmarkList"
    assert window.bookmarks.isAncestorOf(focused)


def test_splitters_are_named(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    for splitter in window.findChildren(QSplitter):
        assert name(interface(splitter)), splitter.objectName()


def test_counts_and_results_are_announced(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    said: list[str] = []
    window.announcer.announced.connect(said.append)
    window.browser.set_search("wechat")
    assert "Showing 2 of 27 events" in said
    window.browser.set_bookmarked(DIDI, True)
    assert window.browser.export_bookmarks(tmp_path / "marks.md")
    assert any(s.startswith("Exported 1 bookmark") for s in said), said


def test_the_note_field_shows_that_it_has_the_keyboard(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.go_to(DIDI)
    window.browser.set_bookmarked(DIDI, True)
    note = window.part("noteEditor")
    window.part("bookmarkButton").setFocus()
    unfocused = note.grab().toImage()
    qtbot.keyClick(window, Qt.Key.Key_F2)  # Edit note
    assert QApplication.focusWidget() is note
    focused = note.grab().toImage()
    frame = window.palette().color(QPalette.ColorRole.Highlight)
    middle = focused.height() // 2
    assert focused.pixelColor(0, middle) == frame
    assert unfocused.pixelColor(0, middle) != frame
