"""Timelines imported in the window (File > Open/Import, a drop), shown by collection, removed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from museum_app.ui import dialogs
from museum_app.ui.browser import Browser
from museum_app.ui.main_window import MainWindow
from tests.ui.test_main_window import DIDI, open_window

CASES = Path(__file__).resolve().parents[2] / ".." / "shared" / "import-cases"
real_cases = pytest.mark.skipif(not CASES.is_dir(), reason=f"no import cases at {CASES.resolve()}")
MUSEUM = "cim-2014-milestones"


def story_file(folder: Path, name: str = "my-story.json") -> Path:
    """Write a small TimelineJS story: markup in a headline, and one slide that cannot be stored."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    slides = [
        {"start_date": {"year": "1999", "month": "12"}, "text": {"headline": "<b>Zanzibar party</b>"}},
        {"start_date": {"year": "2000"}, "text": {"headline": "New year", "text": "<p>Hi</p>"}},
        {"start_date": {"year": "12345"}, "text": {"headline": "Far"}},
    ]
    path.write_text(json.dumps({"title": {"text": {"headline": "Mine"}}, "events": slides}))
    return path


def open_with_ctrl_o(qtbot, window: MainWindow, monkeypatch, path: Path) -> None:
    """Press Ctrl+O; the system's file chooser is answered with path."""
    asked: list[str] = []

    def answer(parent: QWidget, title: str, filters: str) -> Path:
        asked.append(filters)
        return path

    monkeypatch.setattr(dialogs, "ask_open_path", answer)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # so that shortcuts reach it
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked and "*.timeline" in asked[0] and "*.ics" in asked[0] and "*.csv" in asked[0]


def report_of(qtbot, window: MainWindow) -> tuple[str, str]:
    """Wait for the import report; return its summary and details as shown, and close it."""
    qtbot.waitUntil(lambda: window.findChild(QDialog, "importReport") is not None)
    dialog = window.findChild(QDialog, "importReport")
    summary = dialog.findChild(QLabel, "importSummary")
    details = dialog.findChild(QPlainTextEdit, "importDetails")
    assert summary.textFormat() == Qt.TextFormat.PlainText  # the file's words, never markup
    assert details.isReadOnly() and details.accessibleName() == "Skipped and changed items"
    texts = (summary.text(), details.toPlainText())
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "importReport") is None)
    return texts


def drop(window: MainWindow, *paths: Path) -> bool:
    """Drag files onto the window and drop them there; return whether the drag was taken."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = QPointF(window.rect().center())
    copy, left, none = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(centre.toPoint(), copy, data, left, none)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(window, QDropEvent(centre, copy, data, left, none))
    return True


def id_of(window: MainWindow, title: str) -> str:
    """Return the id of the event of this title."""
    summaries = window.browser.summaries
    return summaries.ids[list(summaries.titles).index(title)]


def collection_list(window: MainWindow) -> QListWidget:
    found = window.findChild(QListWidget, "collectionFilter")
    assert found is not None
    return found


def select_collection(qtbot, window: MainWindow, pack_id: str) -> None:
    """Click a collection's row (beside its tick box) to make it the current one."""
    view = collection_list(window)
    row = next(r for r in range(view.count()) if view.item(r).toolTip() == pack_id)
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentRow() == row


def click(qtbot, window: MainWindow, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_ctrl_o_imports_a_story_and_reports_what_was_skipped(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(qtbot, tmp_path / "data")
    assert not collection_list(window).isVisibleTo(window)  # one collection: nothing to choose
    seen: list[tuple[object, str]] = []  # what the person sees while the import runs
    real_import = Browser.import_file

    def watched(browser: Browser, path: Path) -> object:
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, window.statusBar().currentMessage()))
        return real_import(browser, path)

    monkeypatch.setattr(Browser, "import_file", watched)
    open_with_ctrl_o(qtbot, window, monkeypatch, story_file(tmp_path / "files"))
    summary, details = report_of(qtbot, window)
    assert seen == [(Qt.CursorShape.WaitCursor, "Importing “my-story.json”…")]
    assert QApplication.overrideCursor() is None  # given back once done
    assert summary == (
        "Imported 2 events from “my-story.json” as the collection “my-story”; 1 skipped, 0 changed."
    )
    assert details.startswith("Skipped slide 3: ") and "12345" in details
    # The new events are in the list and on the timeline, their markup gone.
    party = id_of(window, "Zanzibar party")
    assert window.part("eventCount").text() == "29 events"
    assert party in window.part("eventList").visible_ids_in_order()
    assert window.part("timeline").marker_rect(party) is not None
    assert window.statusBar().currentMessage() == "Imported 2 events from “my-story.json”."
    view = collection_list(window)
    assert view.isVisibleTo(window)
    assert [view.item(r).text() for r in range(view.count())][1] == "Mine (2)"


@real_cases
def test_file_open_reports_each_slide_of_a_real_file_it_could_not_keep(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(qtbot, tmp_path / "data")
    open_with_ctrl_o(qtbot, window, monkeypatch, CASES / "timelinejs" / "cosmo-mixed.json")
    summary, details = report_of(qtbot, window)
    match = re.fullmatch(
        r"Imported (\d+) events from “cosmo-mixed.json” as the collection “cosmo-mixed”; "
        r"(\d+) skipped, (\d+) changed.",
        summary,
    )
    assert match is not None, summary
    lines = details.splitlines()
    # Each item skipped or changed on its own line, saying where it was and why.
    assert int(match[2]) == len([line for line in lines if line.startswith("Skipped slide ")]) >= 4
    assert int(match[3]) == len([line for line in lines if line.startswith("Changed: ")])
    assert "year 13800000000 BCE is out of range" in lines[0]
    imported = window.browser.library.imported_packs()
    assert [(pack_id, count) for pack_id, _, count in imported] == [("cosmo-mixed", int(match[1]))]


def test_a_file_dropped_on_the_window_is_imported_and_text_is_not_taken(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data")
    text = QMimeData()
    text.setText("just words")
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, text,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert drop(window, story_file(tmp_path / "files"))
    summary, _ = report_of(qtbot, window)
    assert summary.startswith("Imported 2 events from “my-story.json”")
    assert window.browser.library.catalog.count() == 29


def test_a_refused_file_gets_one_message_naming_it_and_changes_nothing(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(qtbot, tmp_path / "data")
    bad = tmp_path / "bad <b>.timeline"
    bad.write_text("<timeline><timetype>numtime</timetype></timeline>")
    before = list(window.browser.summaries.ids)
    open_with_ctrl_o(qtbot, window, monkeypatch, bad)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "importRefused") is not None)
    box = window.findChild(QMessageBox, "importRefused")
    assert box.textFormat() == Qt.TextFormat.PlainText
    first, why = box.text().split("\n\n", 1)
    assert first == "“bad <b>.timeline” was not imported, and nothing was changed."
    assert "numtime" in why and str(bad) in why
    assert window.findChild(QDialog, "importReport") is None
    assert list(window.browser.summaries.ids) == before
    assert window.browser.library.imported_packs() == []
    assert not collection_list(window).isVisibleTo(window)
    box.close()


def test_collections_show_alone_or_hide_with_the_categories_and_the_search(
    qtbot, tmp_path: Path
) -> None:
    window = open_window(qtbot, tmp_path / "data")
    assert drop(window, story_file(tmp_path / "files"))
    report_of(qtbot, window)
    party, timeline = id_of(window, "Zanzibar party"), window.part("timeline")
    shown = window.part("eventList").visible_ids_in_order

    # Only the imported story: the museum's events leave the list and the timeline.
    select_collection(qtbot, window, "my-story")
    click(qtbot, window, "onlyCollectionButton")
    assert len(shown()) == 2 and party in shown()
    assert window.part("eventCount").text() == "Showing 2 of 29 events"
    assert timeline.marker_rect(DIDI) is None and timeline.marker_rect(party) is not None

    # The search narrows within the collections shown: no museum event named "taxi" shows.
    window.browser.set_search("taxi")
    assert shown() == []
    window.browser.set_search("")

    # Every collection, then the story hidden with Space on its tick box.
    click(qtbot, window, "allCollectionsButton")
    assert len(shown()) == 29
    qtbot.keyClick(collection_list(window), Qt.Key.Key_Space)
    assert len(shown()) == 27 and party not in shown()
    window.commands.fit_all.trigger()  # Ctrl+0: the museum's year fills the timeline again
    assert timeline.marker_rect(party) is None and timeline.marker_rect(DIDI) is not None
    assert window.browser.filter.collections == frozenset({MUSEUM})

    # Combined with the categories as the masks combine: museum events of one category only.
    window.browser.set_categories(frozenset({"content"}))
    content = set(window.browser.library.catalog.ids(window.browser.filter))
    assert set(shown()) == content and party not in content
    # The app's own collection cannot be removed.
    select_collection(qtbot, window, MUSEUM)
    assert not window.findChild(QPushButton, "removeCollectionButton").isEnabled()


def test_removing_a_collection_asks_first_and_keeps_its_bookmarks_for_the_next_import(
    qtbot, tmp_path: Path
) -> None:
    window = open_window(qtbot, tmp_path / "data")
    story = story_file(tmp_path / "files")
    assert drop(window, story)
    report_of(qtbot, window)
    party = id_of(window, "Zanzibar party")
    window.browser.go_to(party)
    qtbot.mouseClick(window.part("bookmarkButton"), Qt.MouseButton.LeftButton)
    window.browser.set_note(party, "bring a hat")

    def answer_removal(button: str) -> None:
        select_collection(qtbot, window, "my-story")
        click(qtbot, window, "removeCollectionButton")
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "removeCollection") is not None)
        box = window.findChild(QMessageBox, "removeCollection")
        assert "Bookmarks on its events are kept" in box.text() and "“Mine”" in box.text()
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        chosen = cancel if button == "Cancel" else next(b for b in box.buttons() if b.text() == button)
        assert box.defaultButton() is cancel  # Enter keeps the collection
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "removeCollection") is None)

    answer_removal("Cancel")
    assert window.browser.library.catalog.count() == 29
    answer_removal("Remove")
    assert window.browser.library.catalog.count() == 27
    assert party not in window.part("eventList").visible_ids_in_order()
    assert window.part("eventCount").text() == "27 events"
    assert not collection_list(window).isVisibleTo(window)
    [mark] = window.browser.bookmarks()
    assert (mark.event_id, mark.note, mark.event) == (party, "bring a hat", None)

    # Imported again: the bookmark and its note are on the event once more.
    assert drop(window, story)
    report_of(qtbot, window)
    event = window.browser.library.catalog.event(party)
    assert event is not None and party in window.browser.bookmarked_ids()
    assert window.browser.bookmark_for(event).note == "bring a hat"
