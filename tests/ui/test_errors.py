"""An error nobody expected is logged and shown; the app does not vanish."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from museum_app.ui.errors import ErrorReporter, start_log


def _boom() -> None:
    raise RuntimeError("the unexpected happened")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown(qtbot, tmp_path: Path) -> None:
    log_file = start_log(tmp_path / "logs")
    assert log_file is not None
    reporter = ErrorReporter(log_file)
    reporter.install()
    try:
        QTimer.singleShot(0, _boom)
        qtbot.waitUntil(lambda: reporter.reported == 1)
    finally:
        reporter.uninstall()
    assert "the unexpected happened" in log_file.read_text(encoding="utf-8")
    assert "Traceback" in log_file.read_text(encoding="utf-8")
    [dialog] = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog"]
    assert isinstance(dialog, QMessageBox)
    assert str(log_file) in dialog.text()
    dialog.close()
