"""The detail pane as a person uses it: reading, clicking onward, bookmarking, writing a note."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton, QWidget

from museum_app.core.domain import Bookmark, Category, Entity, EntityKind, Event
from museum_app.store.library import Library
from museum_app.ui.detail_pane import NOTE_SAVE_DELAY_MS, DetailPane
from museum_app.ui.text import ElidingButton

RED_ENVELOPE = "2014-01-27-wechat-red-envelope"
CLEAN_CYBER_SPACE = "2014-clean-cyber-space-action"  # dated by the page's order


@pytest.fixture
def categories(library: Library) -> dict[str, Category]:
    return {c.id: c for c in library.catalog.categories()}


@pytest.fixture
def pane(qtbot) -> Iterator[DetailPane]:
    # Hosted in a window without a layout: the offscreen platform warns whenever a window's
    # minimum size changes, which a widget with a layout does when it is the window itself.
    host = QWidget()
    qtbot.addWidget(host)
    widget = DetailPane(host)
    host.resize(420, 700)
    widget.resize(420, 700)
    host.show()
    yield widget  # the fixture's frame keeps the host alive


def event(library: Library, event_id: str) -> Event:
    found = library.catalog.event(event_id)
    assert found is not None
    return found


def show(pane: DetailPane, library: Library, shown: Event, mark: Bookmark | None = None, **kw) -> None:
    categories = {c.id: c for c in library.catalog.categories()}
    related = library.catalog.related(shown.id)
    pane.show_event(shown, categories=categories, bookmark=mark, related=related, **kw)


def label(pane: DetailPane, name: str) -> QLabel:
    found = pane.findChild(QLabel, name)
    assert found is not None, name
    return found


def button(pane: DetailPane, name: str) -> QPushButton:
    found = pane.findChild(QPushButton, name)
    assert found is not None, name
    return found


def editor(pane: DetailPane) -> QPlainTextEdit:
    found = pane.findChild(QPlainTextEdit, "noteEditor")
    assert found is not None
    return found


def type_note(qtbot, pane: DetailPane, text: str) -> None:
    note = editor(pane)
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(note, text)


def test_names_for_tests_and_assistive_tools(pane: DetailPane) -> None:
    assert pane.objectName() == "detailPane"
    assert pane.accessibleName() == "Event details"
    assert button(pane, "prevButton").accessibleName() == "Previous event"
    assert button(pane, "nextButton").accessibleName() == "Next event"
    assert button(pane, "bookmarkButton").accessibleName() == "Bookmark"
    assert editor(pane).accessibleName() == "Note"


def test_empty_state_until_an_event_is_shown(pane: DetailPane, library: Library) -> None:
    empty = label(pane, "emptyState")
    assert empty.isVisible()
    assert empty.text() == "Select an event on the timeline or in the list"
    assert pane.shown_event_id() is None
    show(pane, library, event(library, RED_ENVELOPE))
    assert not empty.isVisible()
    assert pane.shown_event_id() == RED_ENVELOPE
    pane.show_event(None, categories={}, bookmark=None, related=[])
    assert empty.isVisible()


def test_shows_the_event_and_how_its_date_is_known(pane: DetailPane, library: Library) -> None:
    shown = event(library, CLEAN_CYBER_SPACE)
    show(pane, library, shown)
    assert label(pane, "eventTitle").text() == shown.title
    assert label(pane, "eventDescription").text() == shown.description
    assert label(pane, "eventDate").text() == shown.date.label()
    basis = label(pane, "dateBasis")
    assert basis.isVisible()
    assert basis.text() == shown.date.basis_text()
    assert basis.text().startswith("The page gives no date; its order places this between")
    assert label(pane, "dateBasisBadge").text() == "Date bounded by the page's order"
    assert shown.source.label() in label(pane, "eventSource").text()
    show(pane, library, event(library, RED_ENVELOPE))
    assert label(pane, "dateBasisBadge").text() == "Date from the source"


def test_clicking_a_category_chip_emits_its_id(qtbot, pane: DetailPane, library: Library) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown)
    chips = pane.findChildren(QPushButton, "categoryChip")
    names = {c.id: c.name for c in library.catalog.categories()}
    assert [chip.text() for chip in chips] == [names[c] for c in shown.categories]
    with qtbot.waitSignal(pane.category_clicked) as blocker:
        qtbot.mouseClick(chips[1], Qt.MouseButton.LeftButton)
    assert blocker.args == [shown.categories[1]]


def test_clicking_an_entity_emits_its_name(qtbot, pane: DetailPane, library: Library) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown)
    buttons = pane.findChildren(ElidingButton, "entityButton")
    assert [b.full_text() for b in buttons] == [e.name for e in shown.entities]
    with qtbot.waitSignal(pane.entity_clicked) as blocker:
        qtbot.mouseClick(buttons[-1], Qt.MouseButton.LeftButton)
    assert blocker.args == [shown.entities[-1].name]


def test_clicking_a_related_event_emits_its_id(qtbot, pane: DetailPane, library: Library) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown)
    related = library.catalog.related(shown.id)
    links = pane.findChildren(ElidingButton, "relatedEvent")
    assert len(links) == len(related) > 0
    assert related[0].title in links[0].full_text()
    assert related[0].date.label() in links[0].full_text()
    with qtbot.waitSignal(pane.event_activated) as blocker:
        qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton)
    assert blocker.args == [related[0].id]


def test_previous_and_next_follow_what_exists(qtbot, pane: DetailPane, library: Library) -> None:
    show(pane, library, event(library, RED_ENVELOPE), has_prev=False, has_next=True)
    previous, following = button(pane, "prevButton"), button(pane, "nextButton")
    assert not previous.isEnabled()
    assert following.isEnabled()
    with qtbot.waitSignal(pane.next_requested):
        qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
    show(pane, library, event(library, RED_ENVELOPE), has_prev=True, has_next=False)
    assert not following.isEnabled()
    with qtbot.waitSignal(pane.previous_requested):
        qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)


def test_toggling_the_bookmark_emits_and_unlocks_the_note(
    qtbot, pane: DetailPane, library: Library
) -> None:
    show(pane, library, event(library, RED_ENVELOPE))
    star = button(pane, "bookmarkButton")
    assert not star.isChecked()
    assert star.text() == "Bookmark"
    assert not editor(pane).isEnabled()
    assert "Bookmark this event" in editor(pane).placeholderText()
    with qtbot.waitSignal(pane.bookmark_toggled) as blocker:
        qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert blocker.args == [RED_ENVELOPE, True]
    assert star.text() == "Bookmarked"
    assert editor(pane).isEnabled()
    with qtbot.waitSignal(pane.bookmark_toggled) as blocker:
        qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert blocker.args == [RED_ENVELOPE, False]
    assert not editor(pane).isEnabled()


def test_a_note_is_emitted_once_after_a_pause_in_typing(
    qtbot, pane: DetailPane, library: Library
) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown, library.add_bookmark(shown, "Seen in class."))
    assert editor(pane).toPlainText() == "Seen in class."
    edits: list[tuple[str, str]] = []
    pane.note_edited.connect(lambda *args: edits.append(args))
    type_note(qtbot, pane, " Ask about it")
    assert edits == []  # not while typing
    with qtbot.waitSignal(pane.note_edited, timeout=NOTE_SAVE_DELAY_MS * 5):
        pass
    qtbot.wait(NOTE_SAVE_DELAY_MS + 100)
    assert edits == [(RED_ENVELOPE, "Seen in class. Ask about it")]


def test_showing_another_event_saves_the_note_at_once(
    qtbot, pane: DetailPane, library: Library
) -> None:
    first, second = event(library, RED_ENVELOPE), event(library, CLEAN_CYBER_SPACE)
    show(pane, library, first, library.add_bookmark(first))
    edits: list[tuple[str, str]] = []
    pane.note_edited.connect(lambda *args: edits.append(args))
    type_note(qtbot, pane, "Red envelopes")
    show(pane, library, second, library.add_bookmark(second, "Other note"))
    assert edits == [(RED_ENVELOPE, "Red envelopes")]
    assert editor(pane).toPlainText() == "Other note"
    qtbot.wait(NOTE_SAVE_DELAY_MS + 100)
    assert edits == [(RED_ENVELOPE, "Red envelopes")]


def test_unbookmarking_saves_the_note_before_the_toggle(
    qtbot, pane: DetailPane, library: Library
) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown, library.add_bookmark(shown))
    seen: list[tuple[object, ...]] = []
    pane.note_edited.connect(lambda *args: seen.append(("note", *args)))
    pane.bookmark_toggled.connect(lambda *args: seen.append(("bookmark", *args)))
    type_note(qtbot, pane, "Keep me")
    qtbot.mouseClick(button(pane, "bookmarkButton"), Qt.MouseButton.LeftButton)
    assert seen == [("note", RED_ENVELOPE, "Keep me"), ("bookmark", RED_ENVELOPE, False)]


def test_flush_note_emits_pending_typing_only(qtbot, pane: DetailPane, library: Library) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown, library.add_bookmark(shown))
    edits: list[tuple[str, str]] = []
    pane.note_edited.connect(lambda *args: edits.append(args))
    pane.flush_note()
    assert edits == []
    type_note(qtbot, pane, "Closing")
    pane.flush_note()
    pane.flush_note()
    assert edits == [(RED_ENVELOPE, "Closing")]


def test_notes_set_by_the_code_are_never_emitted(qtbot, pane: DetailPane, library: Library) -> None:
    shown = event(library, RED_ENVELOPE)
    mark = library.add_bookmark(shown, "First")
    with qtbot.assertNotEmitted(pane.note_edited, wait=NOTE_SAVE_DELAY_MS + 100):
        show(pane, library, shown, mark)
        pane.set_bookmark(dataclasses.replace(mark, note="Changed in the store"))
        pane.set_bookmark(None)
    assert editor(pane).toPlainText() == ""
    assert not button(pane, "bookmarkButton").isChecked()
    assert not editor(pane).isEnabled()


def test_set_bookmark_updates_toggle_and_note(pane: DetailPane, library: Library) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown)
    pane.set_bookmark(library.add_bookmark(shown, "From elsewhere"))
    assert button(pane, "bookmarkButton").isChecked()
    assert button(pane, "bookmarkButton").text() == "Bookmarked"
    assert editor(pane).isEnabled()
    assert editor(pane).toPlainText() == "From elsewhere"


def test_markup_in_the_data_is_shown_as_written(pane: DetailPane, library: Library) -> None:
    base = event(library, RED_ENVELOPE)
    hostile = dataclasses.replace(
        base,
        title="<b>x</b><script>alert(1)</script>",
        description="<i>not italic</i> & <a href='http://example.com'>no link</a>",
        entities=(Entity("AT&T <b>", EntityKind.ORGANISATION),),
    )
    show(pane, library, hostile)
    title = label(pane, "eventTitle")
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert title.text() == hostile.title
    assert label(pane, "eventDescription").textFormat() == Qt.TextFormat.PlainText
    entity = pane.findChild(ElidingButton, "entityButton")
    assert entity.full_text() == "AT&T <b>"
    assert entity.text() == "AT&&T <b>"  # '&' doubled: shown, not made a shortcut
    show(pane, library, hostile, search_words=["x", "not"])
    assert title.textFormat() == Qt.TextFormat.RichText
    assert "<script>" not in title.text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in title.text()
    description = label(pane, "eventDescription").text()
    assert "<a " not in description
    assert "&lt;a href=&#x27;http://example.com&#x27;&gt;" in description


def test_search_words_are_highlighted_by_prefix(pane: DetailPane, library: Library) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown, search_words=["wech", "envel"])
    title = label(pane, "eventTitle")
    highlight = pane.palette().color(pane.palette().ColorRole.Highlight).name()
    assert title.textFormat() == Qt.TextFormat.RichText
    assert f"background-color:{highlight}; color:" in title.text()
    assert ">WeChat</span>" in title.text()
    assert ">Envelope</span>" in title.text()
    assert ">Red</span>" not in title.text()
    show(pane, library, shown, search_words=["zzz"])
    assert title.textFormat() == Qt.TextFormat.PlainText


def test_a_new_search_keeps_the_buttons_under_the_keyboard(
    qtbot, pane: DetailPane, library: Library
) -> None:
    shown = event(library, RED_ENVELOPE)
    show(pane, library, shown)
    entity = pane.findChildren(ElidingButton, "entityButton")[0]
    show(pane, library, shown, search_words=["wechat"])  # e.g. after the person clicked it
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert shiboken6.isValid(entity)
    assert pane.findChildren(ElidingButton, "entityButton")[0] is entity
    assert label(pane, "eventTitle").textFormat() == Qt.TextFormat.RichText


def test_highlighting_ignores_case_and_accents_like_the_search(
    pane: DetailPane, library: Library
) -> None:
    accented = dataclasses.replace(event(library, RED_ENVELOPE), title="Café culture in Zürich")
    show(pane, library, accented, search_words=["cafe", "zuri"])
    title = label(pane, "eventTitle").text()
    assert ">Café</span>" in title
    assert ">Zürich</span>" in title


def test_the_star_set_by_the_code_emits_nothing(qtbot, pane: DetailPane, library: Library) -> None:
    shown = event(library, RED_ENVELOPE)
    with qtbot.assertNotEmitted(pane.bookmark_toggled):
        show(pane, library, shown)
        pane.set_bookmark(library.add_bookmark(shown, "From elsewhere"))  # e.g. an import
        show(pane, library, event(library, CLEAN_CYBER_SPACE))
        show(pane, library, shown, library.bookmark_for(shown))
        pane.set_bookmark(None)  # e.g. removed in the bookmarks panel
    assert not button(pane, "bookmarkButton").isChecked()


def test_space_on_the_star_bookmarks(qtbot, pane: DetailPane, library: Library) -> None:
    show(pane, library, event(library, RED_ENVELOPE))
    star = button(pane, "bookmarkButton")
    star.setFocus()
    with qtbot.waitSignal(pane.bookmark_toggled) as blocker:
        qtbot.keyClick(star, Qt.Key.Key_Space)
    assert blocker.args == [RED_ENVELOPE, True]
