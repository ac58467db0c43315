"""The window's language: from the system, from --lang, switched in View > Language and kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton

from museum_app.app import build_window
from museum_app.core.language import system_language
from museum_app.ui.language import TRANSLATION, choose
from museum_app.ui.main_window import MainWindow

BOUNDED = "2014-clean-cyber-space-action"  # dated by the page's order, 29 January to 15 April
DAY = "2014-01-24-national-security-commission"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Leave the application in English for the tests that follow."""
    yield
    if QApplication.instance() is not None:
        TRANSLATION.use("en")


def open_window(qtbot, data: Path, event_id: str, language: str | None = None) -> MainWindow:
    window = build_window(data, event_id=event_id, size=(1280, 800), language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def text_of(window: MainWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh_CN"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:zh_TW"}, "zh_CN"),
        ({"LANG": "C", "LANGUAGE": "zh_CN"}, "en"),  # gettext ignores LANGUAGE in the C locale
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_locale_chooses_the_language(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ) == expected


def test_lang_wins_over_the_remembered_choice_which_wins_over_the_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert choose(None, None) == "zh_CN"
    assert choose(None, "en") == "en"
    assert choose("zh_CN", "en") == "zh_CN"


def test_a_chinese_window_reads_as_chinese(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "data", BOUNDED, "zh_CN")
    assert window.windowTitle() == "中国互联网博物馆：大事记"
    assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert text_of(window, "eventDate") == "2014年（据页面顺序，在1月29日与4月15日之间）"
    assert text_of(window, "dateBasisBadge") == "日期据页面顺序推定"
    assert window.findChild(QLabel, "eventCount").text().startswith("共 ")
    window.browser.go_to(DAY)
    assert text_of(window, "eventDate") == "2014年1月24日"
    star = window.findChild(QPushButton, "bookmarkButton")
    assert star is not None and star.text() == "加入书签"


def test_view_language_switches_at_once_and_is_remembered(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    data = tmp_path / "data"
    window = open_window(qtbot, data, BOUNDED)
    assert menu_titles(window)[0] == "&File"
    assert text_of(window, "eventDate") == (
        "2014 (between 29 January and 15 April, by the page's order)"
    )
    languages = window.findChild(QMenu, "languageMenu")
    assert languages is not None
    chinese = next(a for a in languages.actions() if a.data() == "zh_CN")
    chinese.trigger()
    assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert languages.title() == "语言(&L)" and chinese.isChecked()
    assert text_of(window, "eventDate") == "2014年（据页面顺序，在1月29日与4月15日之间）"
    assert window.commands.undo.text() == "撤销(&U)"
    header = (
        window.part("eventList")
        .model()
        .headerData(1, window.part("eventList").horizontalHeader().orientation())
    )
    assert header == "日期"
    window.close()
    TRANSLATION.use("en")

    again = open_window(qtbot, data, BOUNDED)  # the system still says English: the choice wins
    assert menu_titles(again)[0] == "文件(&F)"
    english = next(a for a in again.findChild(QMenu, "languageMenu").actions() if a.data() == "en")
    english.trigger()
    assert menu_titles(again)[0] == "&File"
    assert text_of(again, "eventDate").startswith("2014 (between 29 January")
