"""The whole window, end to end, as a visitor and a researcher use it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton

from museum_app.app import build_window
from museum_app.core.query import EventFilter
from museum_app.ui.main_window import MainWindow

DIDI = "2014-01-06-didi-taxi-wechat"
RED_ENVELOPE = "2014-01-27-wechat-red-envelope"
NAMES = ("timeline", "detailPane", "categoryFilter", "searchBox", "eventList", "bookmarkButton",
         "bookmarksPanel", "prevButton", "nextButton")  # fmt: skip


def open_window(qtbot, data: Path) -> MainWindow:
    window = build_window(data)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def shown_title(window: MainWindow) -> str:
    label = window.part("detailPane").findChild(QLabel, "eventTitle")
    assert label is not None
    # The title may carry search highlights: read it as a person sees it.
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText()


def click_marker(qtbot, window: MainWindow, event_id: str) -> None:
    timeline = window.part("timeline")
    rect = timeline.marker_rect(event_id)
    assert rect is not None, f"{event_id} is not drawn"
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def test_every_part_has_its_name_and_an_accessible_name(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    for name in NAMES:
        assert window.part(name).accessibleName(), name


def test_a_visitor_clicks_reads_filters_searches_and_bookmarks(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = open_window(qtbot, data)
    catalog = window.browser.library.catalog

    # Click an event on the timeline and read it.
    click_marker(qtbot, window, DIDI)
    assert shown_title(window) == "Didi Taxi joins WeChat"
    assert window.part("eventList").current_id() == DIDI
    assert window.part("timeline").selected_id() == DIDI

    # Filter to one category: pick it in the list and press "Only this".
    categories = window.part("categoryFilter")
    assert isinstance(categories, QListWidget)
    row = next(i for i in range(categories.count()) if categories.item(i).text().startswith("Content"))
    rect = categories.visualItemRect(categories.item(row))
    qtbot.mouseClick(categories.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    only = next(
        b for b in window.part("filterPanel").findChildren(QPushButton) if b.text() == "Only this"
    )
    qtbot.mouseClick(only, Qt.MouseButton.LeftButton)
    content = catalog.ids(EventFilter(categories=frozenset({"content"})))
    assert window.part("eventList").visible_ids_in_order() == content
    assert window.part("timeline").marker_rect(RED_ENVELOPE) is None  # filtered out: not drawn
    assert window.part("eventCount").text() == f"Showing {len(content)} of 27 events"
    click_marker(qtbot, window, content[0])
    assert window.browser.current.id == content[0]

    # Back to every category, then search as you type.
    qtbot.mouseClick(
        next(b for b in window.part("filterPanel").findChildren(QPushButton) if b.text() == "All"),
        Qt.MouseButton.LeftButton,
    )
    search = window.part("searchBox")
    assert isinstance(search, QLineEdit)
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(search, "red envelope")
    qtbot.waitUntil(lambda: window.part("eventList").visible_ids_in_order() == [RED_ENVELOPE])
    click_marker(qtbot, window, RED_ENVELOPE)
    assert shown_title(window) == "WeChat Red Envelope launched"

    # Bookmark it and keep a note, typed as a person types.
    qtbot.mouseClick(window.part("bookmarkButton"), Qt.MouseButton.LeftButton)
    note = window.part("noteEditor")
    assert isinstance(note, QPlainTextEdit)
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "Five million in two days")

    def saved_note() -> str | None:
        mark = window.browser.library.user.get(RED_ENVELOPE)
        return mark.note if mark else None

    qtbot.waitUntil(lambda: saved_note() == "Five million in two days")
    window.close()

    # Start again: the bookmark and the note are there, and so is the event.
    again = open_window(qtbot, data)
    marks = again.browser.bookmarks()
    assert [(m.event_id, m.note) for m in marks] == [(RED_ENVELOPE, "Five million in two days")]
    assert again.browser.current.id == RED_ENVELOPE
    note = again.part("noteEditor")
    assert isinstance(note, QPlainTextEdit) and note.toPlainText() == "Five million in two days"


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key in whatever has the keyboard focus, as a person would."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_a_researcher_does_it_all_with_the_keyboard(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = open_window(qtbot, data)
    timeline = window.part("timeline")
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    order = window.browser.library.catalog.ids()

    press(qtbot, Qt.Key.Key_Right)
    assert window.browser.current.id == order[0]
    for expected in order[1:4]:
        press(qtbot, Qt.Key.Key_Right)
        assert window.browser.current.id == expected
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # history: back
    assert window.browser.current.id == order[2]

    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.part("searchBox").hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "wechat")
    press(qtbot, Qt.Key.Key_Return)
    assert window.part("eventList").visible_ids_in_order() == [DIDI, RED_ENVELOPE]
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next event within the search
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.browser.current.id == RED_ENVELOPE

    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.browser.library.user.get(RED_ENVELOPE) is not None
    press(qtbot, Qt.Key.Key_F2)
    assert window.part("noteEditor").hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Typed with keys only")
    press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # quit saves the note at once
    assert not window.isVisible()

    again = open_window(qtbot, data)
    [mark] = again.browser.bookmarks()
    assert (mark.event_id, mark.note) == (RED_ENVELOPE, "Typed with keys only")
    assert again.part("searchBox").text() == "wechat"  # the filter is remembered too


def test_removing_a_bookmark_can_be_undone(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.go_to(DIDI)
    qtbot.mouseClick(window.part("bookmarkButton"), Qt.MouseButton.LeftButton)
    window.browser.set_note(DIDI, "keep me")
    qtbot.mouseClick(window.part("bookmarkButton"), Qt.MouseButton.LeftButton)
    assert window.browser.bookmarks() == []
    assert window.part("undoButton").isVisible()
    qtbot.mouseClick(window.part("undoButton"), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    [mark] = window.browser.bookmarks()
    assert (mark.event_id, mark.note) == (DIDI, "keep me")


def test_detail_pane_links_filter_and_search(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    window.browser.go_to(DIDI)
    chip = next(
        b for b in window.part("detailPane").findChildren(QPushButton) if b.text() == "Mobile and apps"
    )
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert window.browser.filter.categories == frozenset({"mobile"})
    entity = next(
        b for b in window.part("detailPane").findChildren(QPushButton) if b.text() == "WeChat"
    )
    qtbot.mouseClick(entity, Qt.MouseButton.LeftButton)
    assert window.part("searchBox").text() == "WeChat"
    assert set(window.part("eventList").visible_ids_in_order()) == {DIDI, RED_ENVELOPE}
    qtbot.mouseClick(window.part("nextButton"), Qt.MouseButton.LeftButton)
    assert window.browser.current.id == RED_ENVELOPE
    qtbot.mouseClick(window.part("prevButton"), Qt.MouseButton.LeftButton)
    assert window.browser.current.id == DIDI


def test_the_window_writes_nothing_outside_its_data_directory(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("MUSEUM_APP_CONFIG_DIR")
    monkeypatch.delenv("MUSEUM_APP_DATA_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "share"))
    window = open_window(qtbot, tmp_path / "data")
    window.close()
    assert not (tmp_path / "home").exists()
    assert (tmp_path / "data" / "settings.ini").exists()


def test_when_bookmarks_cannot_be_saved_the_window_says_so_and_still_browses(
    qtbot, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    window = open_window(qtbot, blocker / "data")
    banner = window.part("noticeBanner")
    assert banner.isVisible() and "cannot be saved" in banner.text()
    click_marker(qtbot, window, DIDI)
    assert shown_title(window) == "Didi Taxi joins WeChat"
    qtbot.mouseClick(window.part("bookmarkButton"), Qt.MouseButton.LeftButton)
    assert window.browser.bookmarks() == []
    assert "cannot be saved" in window.statusBar().currentMessage()
    assert not window.part("bookmarkButton").isChecked()  # the star does not pretend
