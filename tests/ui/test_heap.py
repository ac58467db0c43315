"""Memory a filter's work left free is handed back to the system once the window is idle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from museum_app.app import build_window
from museum_app.ui.heap import HeapTrimmer, system_trim


def test_changes_in_a_row_are_handed_back_once_when_they_stop(qtbot) -> None:
    calls: list[int] = []
    trimmer = HeapTrimmer(trim=calls.append)
    for _ in range(3):  # a search typed a key at a time
        trimmer.schedule()
    assert trimmer.pending() and not calls
    qtbot.waitUntil(lambda: not trimmer.pending())
    assert calls == [0]  # nothing kept back as padding


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_the_c_library_can_hand_memory_back_on_linux() -> None:
    trim = system_trim()
    assert trim is not None
    trim(0)  # returns whether anything was handed back; either is fine


def test_a_search_typed_in_the_window_asks_for_a_trim(qtbot, tmp_path: Path) -> None:
    window = build_window(tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.heap.pending()
    box = window.part("searchBox")
    qtbot.keyClicks(box, "WeChat")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.browser.filter.search == "WeChat")
    assert window.heap.pending()
    qtbot.waitUntil(lambda: not window.heap.pending())
