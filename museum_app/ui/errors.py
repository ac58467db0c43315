"""Uncaught errors: written to a rotating log and shown to the person, never a silent exit."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

LOG_NAME = "museum-app.log"
logger = logging.getLogger("museum_app")


def start_log(directory: Path) -> Path | None:
    """Log to a rotating file in the log directory; None if it cannot be written."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            directory / LOG_NAME, maxBytes=512_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return directory / LOG_NAME


class ErrorReporter:
    """Replaces sys.excepthook while the window runs: log the error, then tell the person."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.reported = 0
        self.dialog: QMessageBox | None = None
        self._previous = sys.excepthook

    def install(self) -> None:
        """Catch every uncaught error from now on."""
        sys.excepthook = self

    def uninstall(self) -> None:
        """Give the previous hook back."""
        sys.excepthook = self._previous

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """Log the error with its traceback and show a dialog that names the log."""
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        logger.error("Uncaught error:\n%s", "".join(traceback.format_exception(kind, error, trace)))
        self.reported += 1
        if QApplication.instance() is None:
            return
        where = (
            QCoreApplication.translate("Errors", "The details are in {0}.").format(self.log_file)
            if self.log_file
            else QCoreApplication.translate("Errors", "The log could not be written.")
        )
        text = QCoreApplication.translate(
            "Errors",
            "museum_app ran into an error it did not expect: {0}\n\n"
            "Your bookmarks and notes are saved as you make them. {1}",
        ).format(error, where)
        title = QCoreApplication.translate("Errors", "Something went wrong")
        # Kept on self: a dialog without a Python owner would vanish at once.
        self.dialog = QMessageBox(
            QMessageBox.Icon.Critical, title, text, parent=QApplication.activeWindow()
        )
        self.dialog.setObjectName("errorDialog")
        self.dialog.open()
