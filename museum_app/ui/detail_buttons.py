"""The detail pane's buttons: category chips, names to search for, links to related events."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLayout, QPushButton, QWidget

from museum_app.ui.access import describe
from museum_app.ui.text import ElidingButton, button_text, tooltip_text
from museum_app.ui.widgets import chip_style

_L = TypeVar("_L", bound=QLayout)


def category_chip(parent: QWidget, name: str, colour: str, description: str) -> QPushButton:
    """Make a chip in a category's colour that shows only that category when clicked."""
    chip = QPushButton(button_text(name), parent)
    chip.setObjectName("categoryChip")
    chip.setStyleSheet(chip_style(colour))
    chip.setToolTip(tooltip_text(description))
    describe(chip, QCoreApplication.translate("DetailPane", "Show only {name}").format(name=name))
    return chip


def entity_button(parent: QWidget, name: str) -> ElidingButton:
    """Make a button that searches for a name named in the event."""
    button = ElidingButton(name, parent)
    button.setObjectName("entityButton")
    search = QCoreApplication.translate("DetailPane", "Search for “{name}”").format(name=name)
    button.setToolTip(tooltip_text(search))
    describe(button, search)
    return button


def related_link(parent: QWidget, title: str, date: str) -> ElidingButton:
    """Make a flat link to a related event, its title and date."""
    text = QCoreApplication.translate("DetailPane", "{title} — {date}").format(title=title, date=date)
    link = ElidingButton(text, parent)
    link.setObjectName("relatedEvent")
    link.setFlat(True)
    link.setToolTip(tooltip_text(text))
    link.setAccessibleName(text)  # the whole text, however short the button is drawn
    describe(link, QCoreApplication.translate("DetailPane", "Open this event"))
    link.setStyleSheet("QPushButton { text-align: left; color: palette(link); }")
    return link


def box_of(parent: QWidget, name: str, accessible: str, layout: _L) -> tuple[QWidget, _L]:
    """Make a named box holding one layout of buttons; return both."""
    box = QWidget(parent)
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    layout.setContentsMargins(0, 0, 0, 0)
    box.setLayout(layout)
    return box, layout


def widget_at(layout: QLayout, index: int) -> QWidget | None:
    """Return the widget of a layout's item, if it holds one."""
    item = layout.itemAt(index)
    return item.widget() if item is not None else None


def clear(layout: QLayout) -> None:
    """Remove and delete every widget in a layout."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
