"""A small window stays usable: readable titles, the filter's rule in view, details from the top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QScrollArea

from museum_app.app import build_window
from museum_app.ui.count_delegate import NAME_ROLE, shortened
from museum_app.ui.event_model import CATEGORIES_COLUMN, DATE_COLUMN, TITLE_COLUMN
from museum_app.ui.list_cells import compact_date
from museum_app.ui.main_window import MainWindow

NSC = "2014-01-24-national-security-commission"
MIIT = "2014-miit-network-security-guiding-opinion"


def open_small(qtbot, data: Path, width: int = 1024, height: int = 640) -> MainWindow:
    window = build_window(data)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_twenty_characters_of_every_title_show_at_1024_by_640_with_the_bookmarks_open(
    qtbot, tmp_path: Path
) -> None:
    window = open_small(qtbot, tmp_path / "data")
    window.commands.show_bookmarks.trigger()
    qtbot.waitUntil(lambda: window.bookmarks.isVisible())
    assert window.width() == 1024  # the window did not grow to fit its parts
    events = window.event_list
    header = events.horizontalHeader()
    # The title column lies wholly in view, and holds 20 characters of each title, with margins.
    right = header.sectionViewportPosition(TITLE_COLUMN) + header.sectionSize(TITLE_COLUMN)
    assert right <= events.viewport().width()
    room = header.sectionSize(TITLE_COLUMN) - 8
    model = events.model()
    titles = [model.index(row, TITLE_COLUMN).data() for row in range(model.rowCount())]
    assert len(titles) == 27
    metrics = events.fontMetrics()
    for title in titles:
        assert metrics.horizontalAdvance(title[:20]) <= room, title
    # Every column is in view: the categories as marks, the dates compact and whole.
    assert (
        header.sectionViewportPosition(CATEGORIES_COLUMN) + header.sectionSize(CATEGORIES_COLUMN)
        <= events.viewport().width()
    )
    # The narrow column's name is shortened with an ellipsis, the whole name in its tooltip.
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
    name = model.headerData(CATEGORIES_COLUMN, Qt.Orientation.Horizontal)
    assert metrics.horizontalAdvance(name) > header.sectionSize(CATEGORIES_COLUMN)
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert model.headerData(CATEGORIES_COLUMN, Qt.Orientation.Horizontal, tooltip) == name
    date_room = header.sectionSize(DATE_COLUMN) - 8
    for row in range(model.rowCount()):
        shown = compact_date(model.index(row, DATE_COLUMN).data())
        assert metrics.horizontalAdvance(shown) <= date_room, shown
    # The detail pane and the filters keep a usable width beside it.
    assert window.details.width() >= 220
    for name, spoken in (("prevButton", "Previous event"), ("nextButton", "Next event")):
        arrow = window.part(name)
        assert isinstance(arrow, QPushButton)
        assert arrow.text() == "" and arrow.accessibleName() == spoken  # an arrow, still named
    assert window.filters.width() >= 120


def test_a_wide_window_keeps_whole_dates_and_category_names(qtbot, tmp_path: Path) -> None:
    window = open_small(qtbot, tmp_path / "data", 1600, 1000)
    header = window.event_list.horizontalHeader()
    metrics = window.event_list.fontMetrics()
    widest = metrics.horizontalAdvance("between 30 Jan and 19 Nov 2014")
    assert header.sectionSize(DATE_COLUMN) >= widest
    assert window.part("prevButton").property("text") == "Previous"


def test_compact_dates_keep_both_bounds() -> None:
    assert compact_date("between 30 Jan and 19 Nov 2014") == "30 Jan … 19 Nov 2014"
    assert compact_date("between 30 Dec 2013 and 2 Jan 2014") == "30 Dec 2013 … 2 Jan 2014"
    assert compact_date("19–21 Nov 2014") == "19–21 Nov 2014"


def test_a_new_event_in_the_details_starts_at_its_top(qtbot, tmp_path: Path) -> None:
    window = open_small(qtbot, tmp_path / "data")
    window.browser.go_to(NSC)
    scroll = window.details.findChild(QScrollArea, "detailScroll")
    assert scroll is not None
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the text is longer than the pane at this size
    bar.setValue(bar.maximum())
    # A related event's link is followed, as a person would: with a click.
    link = next(
        b
        for b in window.details.findChildren(QPushButton, "relatedEvent")
        if b.isVisible() and "MIIT" in b.accessibleName()
    )
    scroll.ensureWidgetVisible(link)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert window.details.shown_event_id() == MIIT
    assert bar.value() == 0


def test_the_category_filter_says_its_rule_where_the_boxes_are(qtbot, tmp_path: Path) -> None:
    window = open_small(qtbot, tmp_path / "data")
    rule = window.filters.findChild(QLabel, "categoryRule")
    boxes = window.filters.findChild(QListWidget, "categoryFilter")
    assert rule is not None and boxes is not None and rule.isVisible()
    assert "any of its categories" in rule.text()
    assert rule.geometry().bottom() <= boxes.geometry().top()  # just above the boxes
    assert boxes.accessibleDescription() == rule.text()
    # What it explains: every "Governance and policy" event carries another category, so
    # unticking it hides none of them, which the rule beside the box now accounts for.
    before = window.event_list.visible_ids_in_order()
    governance = next(
        boxes.item(i) for i in range(boxes.count()) if boxes.item(i).text().startswith("Governance")
    )
    box = boxes.visualItemRect(governance)
    qtbot.mouseClick(
        boxes.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(box.left() + 10, box.center().y())
    )
    assert governance.checkState() == Qt.CheckState.Unchecked
    after = window.event_list.visible_ids_in_order()
    assert NSC in after  # also Cybersecurity, still ticked
    assert after == before


def test_category_names_too_long_for_a_small_window_keep_their_counts_in_view(
    qtbot, tmp_path: Path
) -> None:
    window = open_small(qtbot, tmp_path / "data")
    categories = window.findChild(QListWidget, "categoryFilter")
    # Some name, with its box, colour and count, is wider than the list.
    assert categories.sizeHintForColumn(0) > categories.viewport().width()
    # Nothing to scroll sideways to: the names are shortened at their end, the count kept.
    assert not categories.horizontalScrollBar().isVisible()
    metrics = categories.fontMetrics()
    room = categories.viewport().width() // 2
    for row in range(categories.count()):
        item = categories.item(row)
        text, name = item.text(), item.data(NAME_ROLE)
        shown = shortened(text, name, metrics, room)
        assert metrics.horizontalAdvance(shown) <= room, shown
        assert shown.endswith(text[len(name) :]), "the count stays whole"
        assert shown == text or "…" in shown


def test_a_shortened_name_keeps_its_count(qapp) -> None:
    metrics = QFontMetrics(QFont())
    text, name = "Governance and policy (12)", "Governance and policy"
    room = metrics.horizontalAdvance("Governance… (12)")
    assert shortened(text, name, metrics, room).endswith("… (12)")
    assert shortened(text, name, metrics, metrics.horizontalAdvance(text)) == text
