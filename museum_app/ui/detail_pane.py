"""The detail pane: one event in full, its date's basis, links onward, the bookmark and its note."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from museum_app.core.dates import DateBasis
from museum_app.core.domain import BASE_LANGUAGE, Bookmark, Category, Event
from museum_app.ui.access import describe, mark_heading
from museum_app.ui.detail_buttons import (
    box_of,
    category_chip,
    clear,
    entity_button,
    related_link,
    widget_at,
)
from museum_app.ui.language import words
from museum_app.ui.text import plain_label, show_text
from museum_app.ui.widgets import FlowLayout, star_icon

NOTE_SAVE_DELAY_MS = 400
MIN_WIDTH = 230  # the widest category chip, with the scroll bar beside it
NARROW_PANE = 360  # below this width the navigation buttons drop their words
_L = TypeVar("_L", bound=QLayout)


class DetailPane(QWidget):
    """Show one event in full; every click is emitted as intent for the main window to act on."""

    category_clicked = Signal(str)
    entity_clicked = Signal(str)
    event_activated = Signal(str)
    previous_requested = Signal()
    next_requested = Signal()
    bookmark_toggled = Signal(str, bool)
    note_edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setMinimumWidth(MIN_WIDTH)
        self._event: Event | None = None
        self._categories: Mapping[str, Category] = {}
        self._related: Sequence[Event] = ()
        self._words: Sequence[str] = ()
        self._language = BASE_LANGUAGE  # of the events' own words: titles, descriptions, names
        self._built_for: tuple[object, ...] | None = None  # what the buttons were made for
        self._note_dirty = False  # typed by the person and not yet emitted
        self._loading_note = False
        self._note_base = ""  # the stored note the editor's text started from
        self._setting_star = False  # set while the code shows the bookmark, so none is emitted
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self._stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._empty = plain_label(self, "emptyState", selectable=False)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._build_page())
        self.retranslate()

    def retranslate(self) -> None:
        """Give every text in the current language, the event's date and source included."""
        self.setAccessibleName(self.tr("Event details"))
        self._empty.setText(self.tr("Select an event on the timeline or in the list"))
        self._show_arrow_words()
        self._prev.setAccessibleName(self.tr("Previous event"))
        self._next.setAccessibleName(self.tr("Next event"))
        self._star.setAccessibleName(self.tr("Bookmark"))
        self._star.setToolTip(self.tr("Bookmark this event to keep it and a note on it (Ctrl+D)"))
        describe(self._star, self.tr("Keep this event and a note on it. Shortcut: Ctrl+D."))
        self._prev.setToolTip(self.tr("Previous event (Alt+Up)"))
        self._next.setToolTip(self.tr("Next event (Alt+Down)"))
        self._show_star_state(self._star.isChecked())
        self._note_heading.setText(self.tr("Note"))
        self._note.setAccessibleName(self.tr("Note"))
        self._entities_heading.setText(self.tr("Named in this event (click to search)"))
        self._related_heading.setText(self.tr("Related events"))
        self._chips_box.setAccessibleName(self.tr("Categories"))
        self._entities_box.setAccessibleName(self.tr("Names"))
        self._related_widget.setAccessibleName(self.tr("Related events"))
        self._built_for = None
        self._render()

    def _build_page(self) -> QWidget:
        """Build the event page: navigation, the scrolling text, and the note."""
        page = QWidget(self)
        column = QVBoxLayout(page)
        bar = QHBoxLayout()
        self._prev = self._nav_button("prevButton")
        self._prev.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self._prev.clicked.connect(self.previous_requested)
        self._next = self._nav_button("nextButton")
        self._next.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self._next.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after the text
        self._next.clicked.connect(self.next_requested)
        for arrow in (self._prev, self._next):
            # Free to narrow to its arrow: resizeEvent takes the words away below NARROW_PANE.
            arrow.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            arrow.setMinimumWidth(arrow.iconSize().width() + 16)
        self._star = self._nav_button("bookmarkButton")
        self._star.setCheckable(True)
        self._star.setIcon(star_icon(self.palette().color(QPalette.ColorRole.ButtonText)))
        self._star.toggled.connect(self._show_star_state)
        # Toggled, not clicked: a screen reader's Toggle action and the Space key must bookmark too.
        self._star.toggled.connect(self._on_star_toggled)
        bar.addWidget(self._prev)
        bar.addWidget(self._next)
        bar.addStretch()
        bar.addWidget(self._star)
        column.addLayout(bar)
        scroll = self._scroll = QScrollArea(page)
        scroll.setObjectName("detailScroll")
        scroll.setAccessibleName(self.tr("Event text"))
        # The text scrolls with the wheel and follows the focus from button to button; as a Tab
        # stop of its own it would take the keyboard and show nowhere that it has it.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._build_body(scroll))
        column.addWidget(scroll, stretch=1)
        heading = self._note_heading = mark_heading(
            plain_label(page, "noteHeading", bold=True, selectable=False)
        )
        column.addWidget(heading)
        self._note = QPlainTextEdit(page)
        self._note.setObjectName("noteEditor")
        self._note.setTabChangesFocus(True)
        # Its own frame in the highlight colour: some styles show a focused editor no differently.
        self._note.setStyleSheet(
            "QPlainTextEdit { border: 1px solid palette(mid); padding: 1px; }"
            " QPlainTextEdit:focus { border: 2px solid palette(highlight); padding: 0px; }"
        )
        self._note.setMaximumHeight(self._note.fontMetrics().lineSpacing() * 5 + 12)
        self._note.textChanged.connect(self._on_note_typed)
        heading.setBuddy(self._note)
        column.addWidget(self._note)
        self._show_star_state(False)
        return page

    def _nav_button(self, name: str) -> QPushButton:
        """Make a toolbar button with the name tests use (its texts come from retranslate)."""
        button = QPushButton(self)
        button.setObjectName(name)
        return button

    def _build_body(self, parent: QWidget) -> QWidget:
        """Build the text of the event: title, date, categories, description, links, source.

        Every part is made in the order it is drawn, the buttons inside boxes of their own:
        screen readers read the parts in the order they were made.
        """
        body = QWidget(parent)
        self._title = mark_heading(plain_label(body, "eventTitle", scale=1.5, bold=True))
        self._date = plain_label(body, "eventDate")
        self._badge = plain_label(body, "dateBasisBadge", scale=0.85, selectable=False)
        self._badge.setWordWrap(False)
        self._badge.setFrameShape(QFrame.Shape.StyledPanel)
        self._badge.setAutoFillBackground(True)
        self._badge.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._badge.setMargin(2)
        self._basis = plain_label(body, "dateBasis", italic=True)
        self._chips_box, self._chips = box_of(
            body, "categoryChips", self.tr("Categories"), FlowLayout()
        )
        self._description = plain_label(body, "eventDescription")
        self._entities_heading = plain_label(body, "entitiesHeading", bold=True, selectable=False)
        mark_heading(self._entities_heading)
        self._entities_box, self._entities = box_of(
            body, "entityButtons", self.tr("Names"), FlowLayout()
        )
        self._related_heading = plain_label(body, "relatedHeading", bold=True, selectable=False)
        mark_heading(self._related_heading)
        self._related_widget, self._related_box = box_of(
            body, "relatedEvents", self.tr("Related events"), QVBoxLayout()
        )
        self._related_box.setSpacing(0)
        self._source = plain_label(body, "eventSource")
        self._source.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        date_row = QHBoxLayout()
        date_row.addWidget(self._date, stretch=1)
        date_row.addWidget(self._badge, alignment=Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(body)
        for part in (
            self._title, date_row, self._basis, self._chips_box, 6, self._description, 6,
            self._entities_heading, self._entities_box, 6, self._related_heading,
            self._related_widget, 6, self._source,
        ):  # fmt: skip
            if isinstance(part, int):
                layout.addSpacing(part)
            elif isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addStretch()
        return body

    def show_event(
        self,
        event: Event | None,
        *,
        categories: Mapping[str, Category],
        bookmark: Bookmark | None,
        related: Sequence[Event],
        search_words: Sequence[str] = (),
        has_prev: bool = False,
        has_next: bool = False,
    ) -> None:
        """Show an event (None: the empty state), saving a pending note on the previous one."""
        same = event is not None and event.id == self.shown_event_id()
        if not same:
            self.flush_note()
            self._scroll.verticalScrollBar().setValue(0)  # a new event is read from its top
        self._event, self._categories = event, categories
        self._related, self._words = tuple(related), tuple(search_words)
        self._stack.setCurrentIndex(0 if event is None else 1)
        self._prev.setEnabled(has_prev)
        self._next.setEnabled(has_next)
        self._render()
        self.set_bookmark(bookmark)

    def set_language(self, language: str) -> None:
        """Show the events' own words in a language from now on (the main ones where none)."""
        if language != self._language:
            self._language = language
            self._built_for = None
            self._render()

    def shown_event_id(self) -> str | None:
        """Return the id of the event shown, if any."""
        return self._event.id if self._event is not None else None

    def set_bookmark(self, bookmark: Bookmark | None) -> None:
        """Show whether the event is bookmarked and its note, without drawing the rest again."""
        on = bookmark is not None and self._event is not None
        if not on:
            self.flush_note()  # the person's typing is emitted before the editor is cleared
        self._setting_star = True
        try:
            self._star.setChecked(on)
        finally:
            self._setting_star = False
        self._note.setEnabled(on)
        if self._note_dirty:
            return  # the person is typing: their text wins over the stored one
        self._load_note(bookmark.note if bookmark is not None and on else "")

    def focus_note(self) -> None:
        """Put the keyboard in the note editor, when there is a bookmark to keep a note on."""
        if self._note.isEnabled():
            self._note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def flush_note(self) -> None:
        """Emit the note now if the person typed since it was last emitted."""
        self._note_timer.stop()
        if self._note_dirty and self._event is not None:
            self._note_dirty = False
            self.note_edited.emit(self._event.id, self._note.toPlainText())
        self._note_dirty = False

    # The note's base: what was stored when the person began typing, so that a save can tell
    # whether another program changed the note meanwhile.

    def note_base(self) -> str:
        """Return the stored note that the text in the editor started from."""
        return self._note_base

    def _load_note(self, text: str) -> None:
        """Show a stored note and remember it as the base of what the person types next."""
        self._note_base = text
        self._set_note_text(text)

    def _set_note_text(self, text: str) -> None:
        """Put a stored note in the editor; this is not an edit, so nothing is emitted."""
        if self._note.toPlainText() == text:
            return
        self._loading_note = True
        try:
            self._note.setPlainText(text)
        finally:
            self._loading_note = False

    def _on_note_typed(self) -> None:
        """Restart the pause that ends in saving the note."""
        if self._loading_note:
            return
        self._note_dirty = True
        self._note_timer.start()

    def _on_star_toggled(self, on: bool) -> None:
        """Emit the person's bookmark toggle; a note being typed is saved before it goes."""
        if self._setting_star or self._event is None:
            return
        if not on:
            self.flush_note()
        self._note.setEnabled(on)
        self.bookmark_toggled.emit(self._event.id, on)

    def _show_star_state(self, on: bool) -> None:
        """Say in the button and in the note editor whether the event is bookmarked."""
        self._star.setText(self.tr("Bookmarked") if on else self.tr("Bookmark"))
        self._note.setPlaceholderText(
            self.tr("Your note on this event, saved as you type.")
            if on
            else self.tr("Bookmark this event to keep a note on it.")
        )

    def _render(self) -> None:
        """Fill the page from the event held; rebuild the buttons only if they would differ."""
        event, language = self._event, self._language
        if event is not None:
            own = event.text(language)
            show_text(self._title, own.title, self._words)
            self._title.setAccessibleName(own.title)  # read plainly, search highlights or not
            show_text(self._description, own.description, self._words)
        built_for = (event, tuple(self._related), tuple(self._categories.items()), language)
        if built_for == self._built_for:
            return  # e.g. a new search: keep the buttons, and the keyboard focus on one of them
        self._built_for = built_for
        for layout in (self._chips, self._entities, self._related_box):
            clear(layout)
        if event is None:
            return
        self._date.setText(event.date.label(words()))
        self._badge.setText(self._badge_text(event.date.basis))
        # The note on the date in the language shown, where the event has one in it.
        date = replace(event.date, note=event.text(language).date_note)
        self._basis.setText(date.basis_text(words()))
        for category_id in event.categories:
            category = self._categories.get(category_id)
            named = category.text(language) if category else None
            name = named.name if named else category_id
            chip = category_chip(
                self._chips_box, name, category.colour if category else "",
                named.description if named else "",
            )  # fmt: skip
            chip.clicked.connect(lambda _=False, c=category_id: self.category_clicked.emit(c))
            self._chips.addWidget(chip)
        for entity in event.entities:
            # The name in the language shown: search finds an event by any of its names.
            entity_name = entity.name_in(language)
            button = entity_button(self._entities_box, entity_name)
            button.clicked.connect(lambda _=False, n=entity_name: self.entity_clicked.emit(n))
            self._entities.addWidget(button)
        self._entities_heading.setVisible(bool(event.entities))
        for other in self._related:
            link = related_link(
                self._related_widget, other.title_in(language), other.date.label(words())
            )
            link.clicked.connect(lambda _=False, i=other.id: self.event_activated.emit(i))
            self._related_box.addWidget(link)
        self._related_heading.setVisible(bool(self._related))
        source = event.source
        where = self.tr("{publisher}, {page}; {section}, paragraph {paragraph}").format(
            publisher=source.publisher, page=source.page, section=source.section,
            paragraph=source.paragraph,
        )  # fmt: skip
        self._source.setText(self.tr("Source: {source}").format(source=where))
        self._show_buttons()

    def _show_buttons(self) -> None:
        """Show the new buttons now (for screen readers too), Tab going through them as drawn."""
        boxes = (self._chips, self._entities, self._related_box)
        made = [w for box in boxes for i in range(box.count()) if (w := widget_at(box, i))]
        for widget in made:
            widget.show()  # a layout would show it only at the next turn of the event loop
        chain = [self._prev, self._next, self._star, *made, self._note]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _badge_text(self, basis: DateBasis) -> str:
        """Name in a few words where the date comes from."""
        if basis is DateBasis.SOURCE:
            return self.tr("Date from the source")
        if basis is DateBasis.SOURCE_ORDER:
            return self.tr("Date bounded by the page's order")
        return self.tr("Date from public record")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow pane, Previous and Next show their arrows only (their names stay)."""
        super().resizeEvent(event)
        self._show_arrow_words()

    def _show_arrow_words(self) -> None:
        """Give Previous and Next their words when the pane is wide enough for them."""
        wide = self.width() >= NARROW_PANE
        for button, text in ((self._prev, self.tr("Previous")), (self._next, self.tr("Next"))):
            if button.text() != (text if wide else ""):  # a new text lays the bar out again
                button.setText(text if wide else "")

    def changeEvent(self, event: QEvent) -> None:
        """Redraw the colours that come from the palette when it changes (e.g. to dark)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_star"):
            self.retranslate()
        # hasattr: a palette change can arrive from the parent while __init__ is still running.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_star"):
            self._star.setIcon(star_icon(self.palette().color(QPalette.ColorRole.ButtonText)))
            self._built_for = None
            self._render()
