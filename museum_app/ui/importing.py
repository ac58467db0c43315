"""Timelines opened with File > Open/Import or dropped on the window: imported, then reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from museum_app.ui.browser import Browser


def dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """Return the local files a drag carries (none for text or web addresses)."""
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


class Importing(QObject):
    """Carries a file the person gave to the browser's import, showing what came of it."""

    imported = Signal(str)  # the pack id of a collection just imported

    def __init__(self, window: QMainWindow, browser: Browser) -> None:
        super().__init__(window)
        self.window, self.browser = window, browser
        self._reports: list[tuple[Path, dict[str, Any]]] = []
        browser.refused.connect(self.show_refusal)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # Where files come from

    def open_file(self) -> None:
        """Ask for a timeline file (File > Open/Import) and import it."""
        from museum_app.ui import dialogs

        filters = self.tr(
            "Timelines (*.json *.csv *.timeline *.ics *.ical);;"
            "TimelineJS (*.json *.csv);;Timeline Project (*.timeline);;Calendars (*.ics *.ical);;"
            "All files (*)"
        )
        path = dialogs.ask_open_path(self.window, self.tr("Open or import a timeline"), filters)
        if path is not None:
            self.import_files([path])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Take files dragged onto the window; import them once the drop is over."""
        if watched is self.window and isinstance(event, QDragEnterEvent | QDropEvent):
            files = dropped_files(event)
            if not files:
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                # Not inside the drop: the program the file came from would wait for the import.
                QTimer.singleShot(0, lambda: self.import_files(files))
            return True
        return super().eventFilter(watched, event)

    # The import and its report

    def import_files(self, paths: list[Path]) -> None:
        """Import each file in turn, then report on those imported in one dialog."""
        reports = [(path, report) for path in paths if (report := self._import(path)) is not None]
        if reports:
            show_report(self.window, reports)
            self.imported.emit(str(reports[-1][1]["pack_id"]))

    def _import(self, path: Path) -> dict[str, Any] | None:
        """Import one file, with a busy cursor and a word in the status bar while it lasts."""
        bar = self.window.statusBar()
        bar.showMessage(self.tr("Importing “{0}”…").format(path.name))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        # Painted before the work starts: the import holds the window until it is done.
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        try:
            report = self.browser.import_file(path)
        finally:
            QApplication.restoreOverrideCursor()
            bar.clearMessage()
        if report is not None:
            bar.showMessage(
                self.tr("Imported {0} events from “{1}”.").format(report["imported"], path.name),
                8000,
            )
        return report

    def show_refusal(self, name: str, why: str) -> None:
        """Say, in one message, which file was not imported and why; nothing was changed."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not imported"), "", parent=self.window)
        box.setObjectName("importRefused")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote the file
        box.setText(
            self.tr("“{0}” was not imported, and nothing was changed.").format(name) + "\n\n" + why
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # Taking a collection out

    def confirm_remove(self, pack_id: str) -> None:
        """Ask before removing an imported collection, saying that bookmarks are kept."""
        found = [c for c in self.browser.collections() if c.id == pack_id and c.imported]
        if not found:
            return
        collection = found[0]
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Remove collection"), "", parent=self.window
        )
        box.setObjectName("removeCollection")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Remove the collection “{0}” and its {1} events?\n\n"
                "Bookmarks on its events are kept, with their notes, and come back "
                "when you import the file again."
            ).format(collection.title or collection.id, collection.count)
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def chosen(button: QAbstractButton) -> None:
            if button is remove and self.browser.remove_collection(pack_id):
                self.window.statusBar().showMessage(
                    self.tr("Removed the collection “{0}”; its bookmarks are kept.").format(
                        collection.title or collection.id
                    ),
                    8000,
                )

        box.buttonClicked.connect(chosen)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def show_report(parent: QWidget, reports: list[tuple[Path, dict[str, Any]]]) -> QDialog:
    """Show what each import did: how many events came in, and each item skipped or changed."""
    dialog = ImportReport(parent, reports)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class ImportReport(QDialog):
    """The report of one or more imports, in plain text a screen reader reads line by line."""

    def __init__(self, parent: QWidget, reports: list[tuple[Path, dict[str, Any]]]) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import report"))
        summary = QLabel(self)
        summary.setObjectName("importSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)  # titles and names come from the file
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary.setText("\n".join(self._summary(path, report) for path, report in reports))
        details = QPlainTextEdit(self)
        details.setObjectName("importDetails")
        details.setReadOnly(True)
        details.setAccessibleName(self.tr("Skipped and changed items"))
        details.setPlainText("\n".join(self._details(reports)))
        label = QLabel(self.tr("&Skipped and changed items:"), self)
        label.setBuddy(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(label)
        layout.addWidget(details, stretch=1)
        layout.addWidget(buttons)
        self.setAccessibleDescription(summary.text())
        self.resize(640, 420)
        details.setFocus()

    def _summary(self, path: Path, report: dict[str, Any]) -> str:
        """Say how many events a file gave, as which collection, and how many were left out."""
        return self.tr(
            "Imported {0} events from “{1}” as the collection “{2}”; {3} skipped, {4} changed."
        ).format(
            report["imported"],
            path.name,
            report["pack_id"],
            len(report["skipped"]),
            len(report["warnings"]),
        )

    def _details(self, reports: list[tuple[Path, dict[str, Any]]]) -> list[str]:
        """List every item skipped or changed, with where it was and why."""
        lines: list[str] = []
        for path, report in reports:
            if len(reports) > 1:
                lines.append(f"{path.name}:")
            lines.extend(
                self.tr("Skipped {0}: {1}").format(s["where"], s["reason"]) for s in report["skipped"]
            )
            lines.extend(self.tr("Changed: {0}").format(w) for w in report["warnings"])
        return lines or [self.tr("Nothing was skipped or changed.")]
