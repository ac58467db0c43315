"""The event list as a person uses it: filtered, sorted, moved through with the keyboard."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from museum_app import paths
from museum_app.core.dates import Precision
from museum_app.core.domain import EventSummary
from museum_app.store.library import Library
from museum_app.ui.event_list import EventList
from museum_app.ui.event_model import BOOKMARK_COLUMN, DATE_COLUMN, TITLE_COLUMN


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library(tmp_path / "lib", paths.shipped_data_dir())
    yield opened
    opened.close()


@pytest.fixture
def summaries(library: Library) -> list[EventSummary]:
    return library.catalog.summaries()


@pytest.fixture
def names(library: Library) -> dict[str, str]:
    return {c.id: c.name for c in library.catalog.categories()}


@pytest.fixture
def events(qtbot, summaries: list[EventSummary], names: dict[str, str]) -> Iterator[EventList]:
    host = QWidget()  # a window without a layout: offscreen warns when a window's minimum changes
    qtbot.addWidget(host)
    widget = EventList(host)
    shuffled = summaries[:]
    random.Random(7).shuffle(shuffled)  # the list orders them itself
    widget.set_summaries(shuffled, names)
    host.resize(700, 400)
    widget.resize(700, 400)
    host.show()
    yield widget


def by_rank(summaries: list[EventSummary]) -> list[str]:
    return [s.id for s in sorted(summaries, key=lambda s: s.rank)]


def cell(events: EventList, row: int, column: int) -> str:
    return events.model().index(row, column).data()


def click_header(qtbot, events: EventList, column: int) -> None:
    header = events.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_names_for_tests_and_assistive_tools(events: EventList) -> None:
    assert events.objectName() == "eventList"
    assert events.accessibleName() == "Events"
    headers = [events.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["★", "Date", "Title", "Categories"]


def test_rows_come_in_date_rank_order_not_label_order(
    events: EventList, summaries: list[EventSummary], names: dict[str, str]
) -> None:
    assert events.visible_ids_in_order() == by_rank(summaries)
    labels = [cell(events, row, DATE_COLUMN) for row in range(events.model().rowCount())]
    assert labels == [s.short_label() for s in sorted(summaries, key=lambda s: s.rank)]
    assert labels != sorted(labels)  # the labels' text order would be wrong
    first = min(summaries, key=lambda s: s.rank)
    assert cell(events, 0, TITLE_COLUMN) == first.title
    assert cell(events, 0, 3) == ", ".join(names[c] for c in first.categories)


def test_filters_by_visible_ids(events: EventList, summaries: list[EventSummary]) -> None:
    wanted = {s.id for s in summaries if "mobile" in s.categories}
    events.set_visible_ids(wanted)
    assert events.model().rowCount() == len(wanted)
    assert events.visible_ids_in_order() == [i for i in by_rank(summaries) if i in wanted]
    events.set_visible_ids(None)
    assert events.model().rowCount() == len(summaries)


def test_clicking_headers_sorts_and_date_sorts_by_rank(
    qtbot, events: EventList, summaries: list[EventSummary]
) -> None:
    click_header(qtbot, events, TITLE_COLUMN)
    titles = [cell(events, row, TITLE_COLUMN) for row in range(events.model().rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    click_header(qtbot, events, DATE_COLUMN)
    assert events.visible_ids_in_order() == by_rank(summaries)
    click_header(qtbot, events, DATE_COLUMN)
    assert events.visible_ids_in_order() == by_rank(summaries)[::-1]


def test_sorting_keeps_the_current_event(
    qtbot, events: EventList, summaries: list[EventSummary]
) -> None:
    chosen = by_rank(summaries)[5]
    events.select(chosen)
    click_header(qtbot, events, TITLE_COLUMN)
    assert events.current_id() == chosen


def test_arrow_keys_move_and_emit(qtbot, events: EventList, summaries: list[EventSummary]) -> None:
    order = by_rank(summaries)
    with qtbot.assertNotEmitted(events.event_activated):
        events.select(order[3])
    assert events.current_id() == order[3]
    events.setFocus()
    with qtbot.waitSignal(events.event_activated) as blocker:
        qtbot.keyClick(events, Qt.Key.Key_Down)
    assert blocker.args == [order[4]]
    with qtbot.waitSignal(events.event_activated) as blocker:
        qtbot.keyClick(events, Qt.Key.Key_Up)
    assert blocker.args == [order[3]]


def test_clicking_a_row_emits_its_event(
    qtbot, events: EventList, summaries: list[EventSummary]
) -> None:
    index = events.model().index(2, TITLE_COLUMN)
    with qtbot.waitSignal(events.event_activated) as blocker:
        qtbot.mouseClick(
            events.viewport(), Qt.MouseButton.LeftButton, pos=events.visualRect(index).center()
        )
    assert blocker.args == [by_rank(summaries)[2]]


def test_select_scrolls_to_the_event_and_none_clears(
    events: EventList, summaries: list[EventSummary]
) -> None:
    last = by_rank(summaries)[-1]
    events.select(last)
    index = events.currentIndex()
    assert events.viewport().rect().intersects(events.visualRect(index))
    events.select(None)
    assert events.current_id() is None
    assert not events.selectionModel().hasSelection()


def test_empty_state_shows_and_its_button_asks_to_clear(qtbot, events: EventList) -> None:
    notice = events.empty_state()
    assert not notice.isVisible()
    events.set_visible_ids(set())
    assert notice.isVisible()
    assert "No events match" in notice.label.text()
    with qtbot.waitSignal(events.clear_filters_requested):
        qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    events.set_visible_ids(None)
    assert not notice.isVisible()


def test_bookmarked_events_have_a_star(events: EventList, summaries: list[EventSummary]) -> None:
    marked = by_rank(summaries)[1]
    events.set_bookmarked({marked})
    stars = [cell(events, row, BOOKMARK_COLUMN) for row in range(3)]
    assert stars == ["", "★", ""]


def test_search_words_are_marked_in_titles(events: EventList) -> None:
    plain = events.viewport().grab().toImage()
    events.set_search_words(["wechat"])
    marked = events.viewport().grab().toImage()
    assert marked != plain
    events.set_search_words(["nothing-matches-this"])
    assert events.viewport().grab().toImage() == plain


def test_stays_fast_with_100000_events(qtbot, names: dict[str, str]) -> None:
    many = [
        EventSummary(f"e{i}", f"Event number {i}", "1 May 2014", 735000, 735000, Precision.DAY,
                     False, ("business",), rank=i)
        for i in range(100_000)
    ]  # fmt: skip
    random.Random(3).shuffle(many)
    host = QWidget()
    qtbot.addWidget(host)
    events = EventList(host)
    host.resize(600, 400)
    events.resize(600, 400)
    host.show()
    start = time.perf_counter()
    events.set_summaries(many, names)
    events.set_visible_ids({f"e{i}" for i in range(0, 100_000, 2)})
    events.select("e50000")
    click_header(qtbot, events, TITLE_COLUMN)
    click_header(qtbot, events, DATE_COLUMN)
    order = events.visible_ids_in_order()
    events.set_visible_ids(None)
    qtbot.wait(1)
    assert time.perf_counter() - start < 3.0
    assert order[:3] == ["e0", "e2", "e4"]
    assert events.current_id() == "e50000"


def test_the_current_event_comes_back_when_the_filter_shows_it(
    qtbot, events: EventList, summaries: list[EventSummary]
) -> None:
    chosen = by_rank(summaries)[4]
    events.select(chosen)
    with qtbot.assertNotEmitted(events.event_activated):
        events.set_visible_ids({by_rank(summaries)[0]})
        assert events.current_id() is None
        events.set_visible_ids(None)
    assert events.current_id() == chosen


def test_a_rank_mask_filters_as_the_same_ids_do(
    events: EventList, summaries: list[EventSummary]
) -> None:
    wanted = {s.id for s in summaries if "business" in s.categories}
    events.set_visible_ids(wanted)
    by_ids = events.visible_ids_in_order()
    mask = bytearray(len(summaries))
    for s in summaries:
        mask[s.rank] = s.id in wanted
    events.set_visible_mask(bytes(mask))
    assert events.visible_ids_in_order() == by_ids == [i for i in by_rank(summaries) if i in wanted]
    events.set_visible_mask(None)
    assert events.model().rowCount() == len(summaries)


def test_a_filter_keeps_the_sort_and_sorting_keeps_the_filter(
    qtbot, events: EventList, summaries: list[EventSummary]
) -> None:
    click_header(qtbot, events, TITLE_COLUMN)
    wanted = {s.id for s in summaries[::3]}
    events.set_visible_ids(wanted)
    titles = [cell(events, row, TITLE_COLUMN) for row in range(events.model().rowCount())]
    assert titles == sorted((s.title for s in summaries if s.id in wanted), key=str.casefold)
    click_header(qtbot, events, DATE_COLUMN)
    assert events.visible_ids_in_order() == [i for i in by_rank(summaries) if i in wanted]
