"""The detail pane: one event in full, its date's basis, links onward, the bookmark and its note."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from museum_app.core.dates import DateBasis
from museum_app.core.domain import Bookmark, Category, Event
from museum_app.ui.language import words
from museum_app.ui.text import ElidingButton, button_text, plain_label, show_text, tooltip_text
from museum_app.ui.widgets import FlowLayout, chip_style, star_icon

NOTE_SAVE_DELAY_MS = 400


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
        self._event: Event | None = None
        self._categories: Mapping[str, Category] = {}
        self._related: Sequence[Event] = ()
        self._words: Sequence[str] = ()
        self._built_for: tuple[object, ...] | None = None  # what the buttons were made for
        self._note_dirty = False  # typed by the person and not yet emitted
        self._loading_note = False
        self._note_base = ""  # the stored note the editor's text started from
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
        self._prev.setText(self.tr("Previous"))
        self._prev.setAccessibleName(self.tr("Previous event"))
        self._next.setText(self.tr("Next"))
        self._next.setAccessibleName(self.tr("Next event"))
        self._star.setAccessibleName(self.tr("Bookmark"))
        self._star.setToolTip(self.tr("Bookmark this event to keep it and a note on it (Ctrl+D)"))
        self._show_star_state(self._star.isChecked())
        self._note_heading.setText(self.tr("Note"))
        self._note.setAccessibleName(self.tr("Note"))
        self._entities_heading.setText(self.tr("Named in this event (click to search)"))
        self._related_heading.setText(self.tr("Related events"))
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
        self._star = self._nav_button("bookmarkButton")
        self._star.setCheckable(True)
        self._star.setIcon(star_icon(self.palette().color(QPalette.ColorRole.ButtonText)))
        self._star.toggled.connect(self._show_star_state)
        self._star.clicked.connect(self._on_star_clicked)
        bar.addWidget(self._prev)
        bar.addWidget(self._next)
        bar.addStretch()
        bar.addWidget(self._star)
        column.addLayout(bar)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._build_body(scroll))
        column.addWidget(scroll, stretch=1)
        heading = self._note_heading = plain_label(page, "noteHeading", bold=True, selectable=False)
        column.addWidget(heading)
        self._note = QPlainTextEdit(page)
        self._note.setObjectName("noteEditor")
        self._note.setTabChangesFocus(True)
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
        """Build the text of the event: title, date, categories, description, links, source."""
        body = QWidget(parent)
        self._title = plain_label(body, "eventTitle", scale=1.5, bold=True)
        self._date = plain_label(body, "eventDate")
        self._badge = plain_label(body, "dateBasisBadge", scale=0.85, selectable=False)
        self._badge.setWordWrap(False)
        self._badge.setFrameShape(QFrame.Shape.StyledPanel)
        self._badge.setAutoFillBackground(True)
        self._badge.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._badge.setMargin(2)
        self._basis = plain_label(body, "dateBasis", italic=True)
        self._description = plain_label(body, "eventDescription")
        self._entities_heading = plain_label(body, "entitiesHeading", bold=True, selectable=False)
        self._related_heading = plain_label(body, "relatedHeading", bold=True, selectable=False)
        self._source = plain_label(body, "eventSource")
        self._source.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._chips, self._entities, self._related_box = FlowLayout(), FlowLayout(), QVBoxLayout()
        self._related_box.setSpacing(0)
        date_row = QHBoxLayout()
        date_row.addWidget(self._date, stretch=1)
        date_row.addWidget(self._badge, alignment=Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(body)
        for part in (
            self._title, date_row, self._basis, self._chips, 6, self._description, 6,
            self._entities_heading, self._entities, 6, self._related_heading, self._related_box,
            6, self._source,
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
        self._event, self._categories = event, categories
        self._related, self._words = tuple(related), tuple(search_words)
        self._stack.setCurrentIndex(0 if event is None else 1)
        self._prev.setEnabled(has_prev)
        self._next.setEnabled(has_next)
        self._render()
        self.set_bookmark(bookmark)

    def shown_event_id(self) -> str | None:
        """Return the id of the event shown, if any."""
        return self._event.id if self._event is not None else None

    def set_bookmark(self, bookmark: Bookmark | None) -> None:
        """Show whether the event is bookmarked and its note, without drawing the rest again."""
        on = bookmark is not None and self._event is not None
        if not on:
            self.flush_note()  # the person's typing is emitted before the editor is cleared
        self._star.setChecked(on)
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

    def _on_star_clicked(self, on: bool) -> None:
        """Emit the person's bookmark toggle; a note being typed is saved before it goes."""
        if self._event is None:
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
        event = self._event
        if event is not None:
            show_text(self._title, event.title, self._words)
            show_text(self._description, event.description, self._words)
        built_for = (event, tuple(self._related), tuple(self._categories.items()))
        if built_for == self._built_for:
            return  # e.g. a new search: keep the buttons, and the keyboard focus on one of them
        self._built_for = built_for
        for layout in (self._chips, self._entities, self._related_box):
            _clear(layout)
        if event is None:
            return
        self._date.setText(event.date.label(words()))
        self._badge.setText(self._badge_text(event.date.basis))
        self._basis.setText(event.date.basis_text(words()))
        for category_id in event.categories:
            category = self._categories.get(category_id)
            chip = QPushButton(button_text(category.name if category else category_id), self)
            chip.setObjectName("categoryChip")
            chip.setStyleSheet(chip_style(category.colour if category else ""))
            chip.setToolTip(tooltip_text(category.description if category else ""))
            chip.clicked.connect(lambda _=False, c=category_id: self.category_clicked.emit(c))
            self._chips.addWidget(chip)
        for entity in event.entities:
            button = ElidingButton(entity.name, self)
            button.setObjectName("entityButton")
            button.setToolTip(tooltip_text(self.tr("Search for “{name}”").format(name=entity.name)))
            button.clicked.connect(lambda _=False, n=entity.name: self.entity_clicked.emit(n))
            self._entities.addWidget(button)
        self._entities_heading.setVisible(bool(event.entities))
        for other in self._related:
            date = other.date.label(words())
            text = self.tr("{title} — {date}").format(title=other.title, date=date)
            link = ElidingButton(text, self)
            link.setObjectName("relatedEvent")
            link.setFlat(True)
            link.setToolTip(tooltip_text(text))
            link.setStyleSheet("QPushButton { text-align: left; color: palette(link); }")
            link.clicked.connect(lambda _=False, i=other.id: self.event_activated.emit(i))
            self._related_box.addWidget(link)
        self._related_heading.setVisible(bool(self._related))
        source = event.source
        where = self.tr("{publisher}, {page}; {section}, paragraph {paragraph}").format(
            publisher=source.publisher, page=source.page, section=source.section,
            paragraph=source.paragraph,
        )  # fmt: skip
        self._source.setText(self.tr("Source: {source}").format(source=where))

    def _badge_text(self, basis: DateBasis) -> str:
        """Name in a few words where the date comes from."""
        if basis is DateBasis.SOURCE:
            return self.tr("Date from the source")
        if basis is DateBasis.SOURCE_ORDER:
            return self.tr("Date bounded by the page's order")
        return self.tr("Date from public record")

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


def _clear(layout: QLayout) -> None:
    """Remove and delete every widget in a layout."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
