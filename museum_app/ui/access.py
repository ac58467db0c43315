"""What assistive tools need beyond Qt's defaults: headings, announcements, named panes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QTextDocumentFragment
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QMainWindow, QSplitter, QWidget

_HEADING = "accessibleHeading"  # a dynamic property: this label heads a section
_installed = False


class _Heading(QAccessibleWidget):
    """A label read as a heading: its name is its text as a person reads it."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        """Name the heading by its plain text, unless it was given an accessible name."""
        if kind == QAccessible.Text.Name:
            named = self._label.accessibleName()
            return named or QTextDocumentFragment.fromHtml(self._label.text()).toPlainText()
        return str(super().text(kind))


def _factory(key: str, target: QObject) -> QAccessibleWidget | None:
    """Give the labels marked as headings the heading role; Qt makes every other interface."""
    if isinstance(target, QLabel) and target.property(_HEADING):
        return _Heading(target)
    return None


def mark_heading(label: QLabel) -> QLabel:
    """Make a label read as a heading by screen readers; return it."""
    global _installed
    if not _installed:  # once per process: Qt keeps the factories for the application's life
        QAccessible.installFactory(_factory)
        _installed = True
    label.setProperty(_HEADING, True)
    return label


def describe(widget: QWidget, text: str) -> None:
    """Give a widget a plain-text description, for a tooltip that is rich text."""
    widget.setAccessibleDescription(text)


class Announcer(QObject):
    """Say a result to screen readers, as well as showing it, without moving the focus."""

    announced = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def say(self, text: str, *, assertive: bool = False) -> None:
        """Announce a short text (nothing for an empty one)."""
        if not text:
            return
        event = QAccessibleAnnouncementEvent(self._window, text)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
        QAccessible.updateAccessibility(event)
        self.announced.emit(text)

    def show(self, label: QLabel, text: str) -> None:
        """Put a text on a label, and announce it when it changed on a window already shown."""
        if text == label.text():
            return
        label.setText(text)
        if self._window.isVisible():
            self.say(text)


def name_panes(window: QMainWindow) -> None:
    """Name the window's split panes in the current language."""
    names = {
        "mainSplitter": QCoreApplication.translate("MainWindow", "Timeline and browsing panes"),
        "lowerSplitter": QCoreApplication.translate("MainWindow", "Filters, events and details"),
    }
    for name, text in names.items():
        splitter = window.findChild(QSplitter, name)
        if splitter is not None:
            splitter.setAccessibleName(text)


def install(window: QMainWindow) -> Announcer:
    """Announce what the window's status bar tells; return the announcer."""
    announcer = Announcer(window)
    window.statusBar().messageChanged.connect(announcer.say)
    return announcer
