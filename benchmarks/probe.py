"""Run once in a fresh process: time start-up to a painted window, or an import; print JSON.

  probe.py bare                  a bare QApplication showing an empty QMainWindow
  probe.py widgets               a QMainWindow of the kinds of widgets the app's window shows,
                                 with none of the app's code or data (what Qt itself costs)
  probe.py app DATA_DIR          museum_app's main window on a data directory
  probe.py import DATA_DIR PACK  import a pack into a data directory (the catalog built first)

Start-up is timed from the moment the parent started this process (BENCH_STARTED, a
time.monotonic() in milliseconds: one clock for every process on the machine) to the end
of the window's first paint: the first Expose or UpdateRequest event of the window's own
QWindow, during which Qt paints every widget of the window and flushes it, and the turn of
the event loop after it. Only that QWindow is watched: a filter on the whole application
would run Python for every event of every object and cost the app, with its many more
objects, more than the bare window (and more than any real start).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

SCREEN_FRACTION = 0.92  # the app sizes its first window so; the bare one is sized the same


def _rss_mb() -> float:
    """Return this process's resident memory in megabytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _report(started: float, **more: object) -> None:
    """Print the figures and leave at once (tearing down is not start-up)."""
    figures = {"first_paint_ms": time.monotonic() * 1000 - started, "rss_mb": _rss_mb(), **more}
    print(json.dumps(figures), flush=True)
    os._exit(0)


def _start_up(kind: str, data_dir: Path | None) -> None:
    """Show a window and report once it has been painted."""
    started = float(os.environ["BENCH_STARTED"])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    if kind in ("bare", "widgets"):
        app = QApplication(sys.argv[:1])
        window: QWidget = QMainWindow() if kind == "bare" else _widgets()
        screen = window.screen().availableGeometry()
        window.resize(
            min(1440, int(screen.width() * SCREEN_FRACTION)),
            min(920, int(screen.height() * SCREEN_FRACTION)),
        )
    else:
        from museum_app.app import application, build_window

        app = application()
        window = build_window(data_dir)

    class FirstPaint(QObject):
        """Wait for the window's first expose or update, then report after it is handled."""

        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.seen and event.type() in (QEvent.Type.Expose, QEvent.Type.UpdateRequest):
                self.seen = True
                QTimer.singleShot(0, lambda: _report(started))
            return False

    watcher = FirstPaint()
    window.winId()  # makes the window's QWindow now, to be watched before it is shown
    handle = window.windowHandle()
    assert handle is not None
    handle.installEventFilter(watcher)
    window.show()
    app.exec()


def _widgets() -> QMainWindow:
    """Return a window of the kinds of widgets the app's first window shows, empty of data.

    A splitter over a plain widget (where the timeline paints) and a splitter of a search box
    with a list of eight check boxes, a table of four columns and a scrolled text; a menu bar
    of five menus, a tool bar of eight actions, a hidden dock, and a label in the status bar.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QDockWidget,
        QLabel,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QScrollArea,
        QSplitter,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    window = QMainWindow()
    filters = QWidget()
    column = QVBoxLayout(filters)
    column.addWidget(QLineEdit(placeholderText="Search events"))
    categories = QListWidget()
    for n in range(8):
        QListWidgetItem(f"Category {n}", categories).setCheckState(Qt.CheckState.Checked)
    column.addWidget(categories)
    details = QScrollArea()
    details.setWidget(QLabel("An event's title, date and description"))
    lower = QSplitter(Qt.Orientation.Horizontal)
    for part in (filters, QTableView(), details):
        lower.addWidget(part)
    main = QSplitter(Qt.Orientation.Vertical)
    main.addWidget(QWidget())
    main.addWidget(lower)
    window.setCentralWidget(main)
    for title in ("&File", "&Edit", "&View", "&Go", "&Help"):
        window.menuBar().addMenu(title)
    tools = window.addToolBar("Tools")
    for name in ("Back", "Forward", "Previous", "Next", "Bookmark", "Zoom out", "Zoom in", "Fit"):
        tools.addAction(name)
    dock = QDockWidget("Bookmarks", window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    window.statusBar().addPermanentWidget(QLabel("27 events"))
    return window


def _import(data_dir: Path, pack: Path) -> None:
    """Time importing a pack into a data directory whose catalog is already built."""
    from museum_app import paths
    from museum_app.store.library import Library

    library = Library(data_dir, paths.shipped_data_dir())
    start = time.perf_counter()
    library.import_pack(pack)
    seconds = time.perf_counter() - start
    events = library.catalog.count()
    library.close()
    import resource

    # The peaks of this process and of the largest of its helpers (the build's, in kB).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures = {"import_s": seconds, "events": events, "rss_mb": _rss_mb()}
    print(json.dumps({**figures, "peak_rss_mb": peak, "helper_peak_rss_mb": helpers}), flush=True)


def main(argv: list[str]) -> int:
    """Run the probe named by argv."""
    kind = argv[0] if argv else ""
    if kind in ("bare", "widgets"):
        _start_up(kind, None)
    elif kind == "app" and len(argv) == 2:
        _start_up("app", Path(argv[1]))
    elif kind == "import" and len(argv) == 3:
        _import(Path(argv[1]), Path(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
