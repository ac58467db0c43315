"""The window's small dialogs: files to export to and import from, About, shortcuts, view images."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from museum_app import __version__

if TYPE_CHECKING:
    from museum_app.ui.main_window import MainWindow


def ask_save_path(parent: QWidget, title: str, filters: str, suggested: str) -> Path | None:
    """Ask where to write a file; None if the person cancelled."""
    name, chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), filters)
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        # Take the extension from the chosen filter, e.g. "Markdown (*.md)".
        path = path.with_suffix(chosen.split("*")[-1].rstrip(")") if "*" in chosen else "")
    return path


def ask_open_path(parent: QWidget, title: str, filters: str) -> Path | None:
    """Ask which file to read; None if the person cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
    return Path(name) if name else None


def ask_bookmarks_path(parent: QWidget, save: bool) -> Path | None:
    """Ask which file to export the bookmarks to (save) or import them from."""
    if save:
        filters = QCoreApplication.translate(
            "Dialogs", "Markdown (*.md);;CSV for spreadsheets (*.csv);;JSON (*.json)"
        )
        title = QCoreApplication.translate("Dialogs", "Export bookmarks")
        return ask_save_path(parent, title, filters, "bookmarks.md")
    filters = QCoreApplication.translate("Dialogs", "Bookmark files (*.json *.csv)")
    return ask_open_path(parent, QCoreApplication.translate("Dialogs", "Import bookmarks"), filters)


def export_bookmarks(window: MainWindow) -> None:
    """Ask for a file and export the bookmarks to it."""
    path = ask_bookmarks_path(window, save=True)
    if path is not None:
        window.browser.export_bookmarks(path)


def import_bookmarks(window: MainWindow) -> None:
    """Ask for a file and import bookmarks from it."""
    path = ask_bookmarks_path(window, save=False)
    if path is not None:
        window.browser.import_bookmarks(path)


def export_image(window: MainWindow) -> None:
    """Ask for a file and save the timeline as shown to it."""
    told = export_view_image(window, window.timeline)
    if told is not None:
        window.statusBar().showMessage(told, 8000)


def show_window_shortcuts(window: MainWindow) -> None:
    """Show every keyboard shortcut of the window."""
    from museum_app.ui.actions import shortcut_rows

    show_shortcuts(window, shortcut_rows(window.commands))


def export_view_image(parent: QWidget, widget: QWidget) -> str | None:
    """Ask for a file, save what widget shows to it; return what to tell (None if cancelled)."""
    filters = QCoreApplication.translate("Dialogs", "PNG image (*.png);;SVG drawing (*.svg)")
    path = ask_save_path(
        parent, QCoreApplication.translate("Dialogs", "Export view as image"), filters, "timeline.png"
    )
    if path is None:
        return None
    try:
        save_view_image(widget, path)
    except OSError as error:
        return str(error)
    return QCoreApplication.translate("Dialogs", "Saved the view to {0}").format(path)


def save_view_image(widget: QWidget, path: Path) -> None:
    """Write what a widget shows to a PNG or SVG file."""
    if path.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgGenerator  # the Qt SVG module, loaded only to write SVG

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(widget.size())
        generator.setViewBox(QRectF(0, 0, widget.width(), widget.height()))
        generator.setTitle(QCoreApplication.translate("Dialogs", "museum_app timeline"))
        painter = QPainter(generator)
        try:
            widget.render(painter, QPoint(0, 0))
        finally:
            painter.end()
        return
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"{path}: the image could not be written")


def show_about(parent: QWidget) -> None:
    """Show the app's name, version and the credit for its data."""
    QMessageBox.about(
        parent,
        QCoreApplication.translate("Dialogs", "About museum_app"),
        QCoreApplication.translate(
            "Dialogs",
            "<h3>museum_app {0}</h3>"
            "<p>Explore the China Internet Museum's history milestones on a timeline.</p>"
            "<p>Event facts, names, dates and figures come from the China Internet Museum's "
            "page “History &gt;&gt; 2014 &gt;&gt; Milestones”. Titles and descriptions are "
            "written by the museum_app project. Undated paragraphs are shown between the dates "
            "that the page's order allows, never at a made-up day.</p>",
        ).format(__version__),
    )


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> None:
    """Show every keyboard shortcut in a table."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Dialogs", "Keyboard shortcuts"))
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcutsTable")
    table.setAccessibleName(QCoreApplication.translate("Dialogs", "Keyboard shortcuts"))
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("Dialogs", "Command"),
            QCoreApplication.translate("Dialogs", "Keys"),
        ]
    )
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (what, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(what))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(QSize(520, 560))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
