"""The filter panel as a person uses it: typing a search, choosing categories."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QPushButton, QWidget

from museum_app.core.domain import Category
from museum_app.core.query import EventFilter
from museum_app.store.library import Library
from museum_app.ui.filter_panel import SEARCH_DELAY_MS, FilterPanel


@pytest.fixture
def categories(library: Library) -> list[Category]:
    return library.catalog.categories()


@pytest.fixture
def panel(qtbot, library: Library, categories: list[Category]) -> Iterator[FilterPanel]:
    host = QWidget()  # a window without a layout: offscreen warns when a window's minimum changes
    qtbot.addWidget(host)
    widget = FilterPanel(host)
    widget.set_categories(categories)
    widget.set_counts(library.catalog.category_counts())
    host.resize(300, 450)
    widget.resize(300, 450)
    host.show()
    yield widget


def category_list(panel: FilterPanel) -> QListWidget:
    found = panel.findChild(QListWidget, "categoryFilter")
    assert found is not None
    return found


def search_box(panel: FilterPanel) -> QLineEdit:
    found = panel.findChild(QLineEdit, "searchBox")
    assert found is not None
    return found


def push(qtbot, panel: FilterPanel, text: str) -> None:
    found = [b for b in panel.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, text
    qtbot.mouseClick(found[0], Qt.MouseButton.LeftButton)


def click_item(qtbot, panel: FilterPanel, row: int) -> QListWidgetItem:
    view = category_list(panel)
    item = view.item(row)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center())
    return item


def test_names_for_tests_and_assistive_tools(panel: FilterPanel) -> None:
    assert panel.objectName() == "filterPanel"
    assert search_box(panel).accessibleName() == "Search"
    assert search_box(panel).placeholderText() == "Search events (Ctrl+F)"
    assert search_box(panel).isClearButtonEnabled()
    assert category_list(panel).accessibleName() == "Categories"


def test_categories_show_counts_and_descriptions(
    panel: FilterPanel, library: Library, categories: list[Category]
) -> None:
    view = category_list(panel)
    counts = library.catalog.category_counts()
    texts = [view.item(row).text() for row in range(view.count())]
    assert texts == [f"{c.name} ({counts[c.id]})" for c in categories]
    assert "Cybersecurity (6)" in texts
    assert categories[0].description in view.item(0).toolTip()
    assert all(view.item(row).checkState() == Qt.CheckState.Checked for row in range(view.count()))
    assert panel.selected() is None
    searched = library.catalog.category_counts(EventFilter(search="wechat"))
    panel.set_counts(searched)
    mobile = next(row for row, c in enumerate(categories) if c.id == "mobile")
    assert view.item(mobile).text() == f"Mobile and apps ({searched['mobile']})"


def test_all_none_and_only_this_emit_the_chosen_sets(
    qtbot, panel: FilterPanel, categories: list[Category]
) -> None:
    with qtbot.waitSignal(panel.categories_changed) as blocker:
        push(qtbot, panel, "None")
    assert blocker.args == [frozenset()]
    with qtbot.waitSignal(panel.categories_changed) as blocker:
        push(qtbot, panel, "All")
    assert blocker.args == [None]
    with qtbot.assertNotEmitted(panel.categories_changed):
        push(qtbot, panel, "All")  # nothing changed
    click_item(qtbot, panel, 2)
    with qtbot.waitSignal(panel.categories_changed) as blocker:
        push(qtbot, panel, "Only this")
    assert blocker.args == [frozenset({categories[2].id})]
    assert panel.selected() == frozenset({categories[2].id})


def test_only_this_from_the_context_menu(qtbot, panel: FilterPanel, categories: list[Category]) -> None:
    click_item(qtbot, panel, 1)
    only = next(a for a in category_list(panel).actions() if a.text() == "Only this")
    with qtbot.waitSignal(panel.categories_changed) as blocker:
        only.trigger()
    assert blocker.args == [frozenset({categories[1].id})]


def test_space_toggles_the_current_category(
    qtbot, panel: FilterPanel, categories: list[Category]
) -> None:
    view = category_list(panel)
    item = click_item(qtbot, panel, 3)
    with qtbot.waitSignal(panel.categories_changed) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Unchecked
    assert blocker.args == [frozenset(c.id for c in categories) - {categories[3].id}]
    with qtbot.waitSignal(panel.categories_changed) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert blocker.args == [None]


def test_setters_emit_nothing(qtbot, panel: FilterPanel, categories: list[Category]) -> None:
    with (
        qtbot.assertNotEmitted(panel.categories_changed),
        qtbot.assertNotEmitted(panel.search_changed, wait=SEARCH_DELAY_MS + 100),
    ):
        panel.set_selected(frozenset({categories[0].id}))
        panel.set_search("wechat")
        panel.set_categories(categories)
    assert panel.selected() == frozenset({categories[0].id})
    assert panel.search_text() == "wechat"
    panel.set_selected(None)
    assert panel.selected() is None


def test_keys_typed_together_emit_one_search_once_handled(qtbot, panel: FilterPanel) -> None:
    searches: list[str] = []
    panel.search_changed.connect(searches.append)
    qtbot.keyClicks(search_box(panel), "WeChat pay")  # all of them before the loop runs again
    assert searches == []
    qtbot.waitUntil(lambda: searches != [], timeout=SEARCH_DELAY_MS + 1000)
    qtbot.wait(SEARCH_DELAY_MS + 100)
    assert searches == ["WeChat pay"]


def test_enter_emits_at_once_and_clearing_too(qtbot, panel: FilterPanel) -> None:
    searches: list[str] = []
    panel.search_changed.connect(searches.append)
    box = search_box(panel)
    qtbot.keyClicks(box, "MIIT")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert searches == ["MIIT"]
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert searches == ["MIIT", ""]
    qtbot.wait(SEARCH_DELAY_MS + 100)
    assert searches == ["MIIT", ""]


def test_an_echo_of_the_search_does_not_undo_typing(qtbot, panel: FilterPanel) -> None:
    searches: list[str] = []
    panel.search_changed.connect(searches.append)
    box = search_box(panel)
    qtbot.keyClicks(box, "we")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "chat")
    panel.set_search("we")  # the main window reflecting the filter it was sent
    assert box.text() == "wechat"
    qtbot.waitUntil(lambda: searches == ["we", "wechat"], timeout=SEARCH_DELAY_MS + 1000)


def test_focus_search_selects_the_text(qtbot, panel: FilterPanel) -> None:
    panel.set_search("cloud")
    panel.window().activateWindow()
    panel.focus_search()
    assert search_box(panel).selectedText() == "cloud"
