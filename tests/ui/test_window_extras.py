"""What else the window offers: view images, remembered layout and its reset, the screenshot command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListWidget, QTableWidget

from museum_app import paths
from museum_app.app import build_window
from museum_app.store.library import Library
from museum_app.ui import dialogs
from museum_app.ui.bookmarks_panel import NOTE_ROLE

DIDI = "2014-01-06-didi-taxi-wechat"
RED_ENVELOPE = "2014-01-27-wechat-red-envelope"


def test_the_view_exports_as_png_and_svg(qtbot, tmp_path: Path) -> None:
    window = build_window(tmp_path / "data", size=(1200, 800))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialogs.save_view_image(window.timeline, tmp_path / "view.png")
    image = QImage(str(tmp_path / "view.png"))
    assert (image.width(), image.height()) == (window.timeline.width(), window.timeline.height())
    dialogs.save_view_image(window.timeline, tmp_path / "view.svg")
    svg = (tmp_path / "view.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and ">2014<" in svg


def test_the_window_remembers_its_view_until_reset(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = build_window(data, size=(1200, 800))
    qtbot.addWidget(window)
    window.show()
    window.browser.set_categories(frozenset({"culture"}))
    window.browser.go_to("2014-ice-bucket-challenge")
    window.timeline.set_visible_range(735300.0, 735400.0)
    window.close()
    again = build_window(data)
    qtbot.addWidget(again)
    again.show()
    assert again.browser.filter.categories == frozenset({"culture"})
    assert again.browser.current is not None and again.browser.current.id == "2014-ice-bucket-challenge"
    start, end = again.timeline.visible_range()
    assert abs(start - 735300.0) < 1 and abs(end - 735400.0) < 1
    again.close()
    fresh = build_window(data, reset_ui=True)
    qtbot.addWidget(fresh)
    assert fresh.browser.filter.categories is None and fresh.browser.current is None


def test_the_screenshot_command_renders_the_window(tmp_path: Path) -> None:
    env = {**os.environ, "MUSEUM_APP_DATA_DIR": str(tmp_path / "data")}
    env.pop("DISPLAY", None)  # no screen needed
    shot = tmp_path / "shot.png"
    command = [sys.executable, "-m", "museum_app", "screenshot", str(shot), "--size", "1000x700",
               "--event", "2014-01-24-national-security-commission"]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1000, 700)
    wrong = subprocess.run(
        [*command[:-2], "--event", "no-such-id"], env=env, capture_output=True, text=True
    )
    assert wrong.returncode == 2 and "no event has the id 'no-such-id'" in wrong.stderr
    bad_size = subprocess.run([*command[:5], "--size", "huge"], env=env, capture_output=True, text=True)
    assert bad_size.returncode == 2 and "WIDTHxHEIGHT" in bad_size.stderr


def test_the_bookmarks_dock_shows_the_bookmarks_when_first_opened(qtbot, tmp_path: Path) -> None:
    window = build_window(tmp_path / "data", size=(1200, 800))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.browser.go_to(DIDI)
    window.commands.bookmark.trigger()  # Ctrl+D, the dock still hidden
    assert not window.bookmarks_dock.isVisible()
    window.commands.show_bookmarks.trigger()  # Ctrl+B
    assert window.bookmarks_dock.isVisible()
    view = window.bookmarks.findChild(QListWidget, "bookmarkList")
    assert view is not None and view.isVisible()
    assert window.bookmarks.shown_ids() == [DIDI] and view.count() == 1
    assert view.item(0).text() == "Didi Taxi joins WeChat"
    window.browser.go_to(RED_ENVELOPE)
    window.browser.go_to(DIDI)  # the current event's bookmark is selected in the panel
    assert view.currentRow() == 0


def test_the_bookmarks_dock_asks_for_them_when_shown_and_shows_what_changed_while_hidden(
    qtbot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    window = build_window(data, size=(1200, 800))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.browser.go_to(DIDI)
    window.commands.bookmark.trigger()
    assert window.bookmarks.shown_ids() == []  # hidden: it has not asked for them yet
    window.commands.show_bookmarks.trigger()
    view = window.bookmarks.findChild(QListWidget, "bookmarkList")
    assert view is not None and window.bookmarks.shown_ids() == [DIDI]
    window.commands.show_bookmarks.trigger()  # closed again
    window.browser.set_note(DIDI, "typed while hidden")
    elsewhere = Library(data, paths.shipped_data_dir())  # the command line, say
    try:
        elsewhere.add_bookmark(elsewhere.catalog.event(RED_ENVELOPE))  # type: ignore[arg-type]
        elsewhere.user.add("gone-from-the-data", "Gone", "2013")
    finally:
        elsewhere.close()
    assert window.browser.check_elsewhere()
    assert window.bookmarks.shown_ids() == [DIDI]  # as last shown, until shown again
    window.commands.show_bookmarks.trigger()
    assert window.bookmarks.shown_ids() == [DIDI, RED_ENVELOPE, "gone-from-the-data"]
    assert view.item(0).data(NOTE_ROLE) == "typed while hidden"
    assert view.item(2).text() == "Gone (no longer in the data)"
    window.commands.show_bookmarks.trigger()
    window.browser.set_bookmarked(RED_ENVELOPE, False)
    window.commands.show_bookmarks.trigger()
    assert window.bookmarks.shown_ids() == [DIDI, "gone-from-the-data"] and view.count() == 2


def test_the_shortcuts_overview_opens_from_the_help_menu(qtbot, tmp_path: Path) -> None:
    window = build_window(tmp_path / "data", size=(1200, 800))
    qtbot.addWidget(window)
    window.show()
    window.commands.shortcuts.trigger()
    table = window.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    qtbot.waitUntil(table.isVisible)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Bookmark"] == "Ctrl+D" and rows["Show bookmarks"] == "Ctrl+B"
    table.window().close()


def test_a_lone_letter_in_the_search_box_waits_for_a_second(qtbot, tmp_path: Path) -> None:
    window = build_window(tmp_path / "data", size=(1200, 800))
    qtbot.addWidget(window)
    window.show()
    count = window.part("eventCount")
    search = window.part("searchBox")
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(search, "w")
    qtbot.waitUntil(lambda: "another letter" in count.text())
    assert count.text().startswith("27 events"), "one letter filters nothing"
    qtbot.keyClicks(search, "e")
    qtbot.waitUntil(lambda: count.text().startswith("Showing"))
    assert "another letter" not in count.text()


def test_exporting_the_view_asks_for_a_file_and_says_what_happened(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = build_window(tmp_path / "data", size=(1200, 800))
    qtbot.addWidget(window)
    window.show()
    chosen: list[Path | None] = [None]
    # The file chooser is the system's dialog: the person's answer is given here instead.
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: chosen[0])
    assert dialogs.export_view_image(window, window.timeline) is None  # cancelled
    chosen[0] = tmp_path / "view.png"
    told = dialogs.export_view_image(window, window.timeline)
    assert told == f"Saved the view to {chosen[0]}" and not QImage(str(chosen[0])).isNull()
    chosen[0] = tmp_path / "missing-folder" / "view.png"
    assert "could not be written" in (dialogs.export_view_image(window, window.timeline) or "")
