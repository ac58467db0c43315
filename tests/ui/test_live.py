"""One truth across processes: the window sees what the command line writes, and loses nothing."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from museum_app.store.library import USER_FILE
from museum_app.store.user import UserStore
from museum_app.ui.main_window import MainWindow
from tests.helpers import report
from tests.ui.test_main_window import open_window

DIDI = "2014-01-06-didi-taxi-wechat"
RED_ENVELOPE = "2014-01-27-wechat-red-envelope"
PATIENCE_MS = 10_000  # a busy machine; the figures show how long it really took


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line as a separate process, as a person in a terminal would."""
    result = subprocess.run(
        [sys.executable, "-m", "museum_app", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def stored_note(data: Path, event_id: str) -> str | None:
    """Read a note straight from the file, through a connection of its own."""
    store = UserStore(data / USER_FILE)
    try:
        mark = store.get(event_id)
        return mark.note if mark else None
    finally:
        store.close()


def editor(window: MainWindow) -> QPlainTextEdit:
    found = window.part("noteEditor")
    assert isinstance(found, QPlainTextEdit)
    return found


def star(window: MainWindow) -> QPushButton:
    found = window.part("bookmarkButton")
    assert isinstance(found, QPushButton)
    return found


def type_at_end(qtbot, window: MainWindow, text: str) -> None:
    """Type into the note as a person does, after what is there."""
    note = editor(window)
    note.setFocus()
    note.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(note, text)


def bookmarked_window(qtbot, data: Path, note: str = "") -> MainWindow:
    """Open a window on DIDI, bookmarked by a click on the star, with a note typed and saved."""
    window = open_window(qtbot, data)
    window.browser.go_to(DIDI)
    qtbot.mouseClick(star(window), Qt.MouseButton.LeftButton)
    assert star(window).isChecked()
    if note:
        type_at_end(qtbot, window, note)
        qtbot.waitUntil(lambda: stored_note(data, DIDI) == note, timeout=PATIENCE_MS)
    return window


def test_a_change_made_by_the_command_line_shows_in_every_part_of_the_window(
    qtbot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    window = bookmarked_window(qtbot, data, "seen in the window")
    window.commands.show_bookmarks.setChecked(True)
    panel = window.part("bookmarksPanel")
    waits = []

    started = time.monotonic()
    cli(data, "bookmark", "note", DIDI, "rewritten on the command line")
    done = time.monotonic()
    qtbot.waitUntil(lambda: editor(window).toPlainText() == "rewritten on the command line",
                    timeout=PATIENCE_MS)  # fmt: skip
    waits.append(time.monotonic() - done)

    cli(data, "bookmark", "add", RED_ENVELOPE)
    done = time.monotonic()
    qtbot.waitUntil(lambda: RED_ENVELOPE in panel.shown_ids(), timeout=PATIENCE_MS)
    waits.append(time.monotonic() - done)
    assert RED_ENVELOPE in window.event_list._model._bookmarked

    cli(data, "bookmark", "remove", DIDI)
    done = time.monotonic()
    qtbot.waitUntil(lambda: not star(window).isChecked(), timeout=PATIENCE_MS)
    waits.append(time.monotonic() - done)
    assert panel.shown_ids() == [RED_ENVELOPE]
    assert editor(window).toPlainText() == "" and not editor(window).isEnabled()
    report("window_sees_cli", changes=3, slowest_s=round(max(waits), 3),
           total_s=round(time.monotonic() - started, 2))  # fmt: skip


def test_a_note_typed_over_a_newer_one_from_the_command_line_keeps_both(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = bookmarked_window(qtbot, data, "first thoughts")
    messages: list[str] = []
    window.browser.message.connect(messages.append)
    # The person types on; before the pause that saves it, another program replaces the note.
    type_at_end(qtbot, window, " and second thoughts")
    cli(data, "bookmark", "note", DIDI, "written in a terminal")
    qtbot.waitUntil(lambda: "second" in (stored_note(data, DIDI) or ""), timeout=PATIENCE_MS)
    kept = stored_note(data, DIDI) or ""
    assert "first thoughts and second thoughts" in kept
    assert "written in a terminal" in kept
    assert editor(window).toPlainText() == kept
    assert any("changed elsewhere" in m for m in messages), messages


def test_a_note_typed_for_a_bookmark_removed_by_the_command_line_brings_it_back(
    qtbot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    window = bookmarked_window(qtbot, data, "keep me")
    messages: list[str] = []
    window.browser.message.connect(messages.append)
    type_at_end(qtbot, window, ", please")
    cli(data, "bookmark", "remove", DIDI)
    qtbot.waitUntil(lambda: stored_note(data, DIDI) == "keep me, please", timeout=PATIENCE_MS)
    assert star(window).isChecked()
    assert editor(window).toPlainText() == "keep me, please"
    assert any("removed elsewhere" in m for m in messages), messages


def test_a_note_typed_after_a_removal_the_window_has_not_seen_yet_is_kept(
    qtbot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    window = bookmarked_window(qtbot, data)
    window.browser._watch.stop()  # the window has not looked yet when the person types
    cli(data, "bookmark", "remove", DIDI)
    type_at_end(qtbot, window, "typed while it was gone")
    window.details.flush_note()
    assert stored_note(data, DIDI) == "typed while it was gone"
    assert star(window).isChecked()


def test_the_window_and_command_line_writers_at_once_lose_no_word(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = bookmarked_window(qtbot, data, "w0")
    rounds = 6
    # Two terminals add notes to the same bookmark, one process per command, while the person
    # goes on typing in the window.
    script = (
        "for i in $(seq 1 {n}); do {py} -m museum_app --data-dir {d} bookmark add {e} "
        "--note cli{w}x$i >/dev/null || exit 1; done"
    )
    writers = [
        subprocess.Popen(script.format(n=rounds, py=sys.executable, d=data, e=DIDI, w=w), shell=True)
        for w in (1, 2)
    ]
    typed = ["w0"]
    while any(p.poll() is None for p in writers) or len(typed) < 4:
        word = f"w{len(typed)}"
        type_at_end(qtbot, window, f" {word}")
        typed.append(word)
        qtbot.wait(150)  # a person's pause between words, sometimes long enough to save
    assert [p.wait(timeout=120) for p in writers] == [0, 0]
    window.details.flush_note()
    qtbot.waitUntil(lambda: editor(window).toPlainText() == stored_note(data, DIDI),
                    timeout=PATIENCE_MS)  # fmt: skip
    final = (stored_note(data, DIDI) or "").split()
    wanted = typed + [f"cli{w}x{i}" for w in (1, 2) for i in range(1, rounds + 1)]
    missing = [word for word in wanted if word not in final]
    assert missing == []
    report("window_and_cli_writers", window_words=len(typed), cli_notes=2 * rounds,
           lost=len(missing))  # fmt: skip
