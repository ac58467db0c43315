"""Start the window: check for a display, build the Qt application and the main window."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from museum_app import __version__, paths, qt_platform

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from museum_app.ui.main_window import MainWindow

_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def display_problem() -> str | None:
    """Say why no window can be shown here, or None if one can."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(_HEADLESS_PLATFORMS):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return (
            "no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set). Run the app "
            "in a desktop session, or under a virtual one: xvfb-run -a museum-app. The headless "
            "commands (museum-app list, show, bookmark ...) work without a display."
        )
    return None


def application() -> QApplication:
    """Return the Qt application, creating it once."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    # A platform plugin that cannot start (no display, a missing library) ends here in one line.
    app = qt_platform.start(lambda: QApplication(sys.argv[:1]))
    app.setApplicationName("museum-app")
    app.setApplicationDisplayName("museum_app")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("museum-app")
    app.setWindowIcon(app_icon())
    return app


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the PNGs shipped beside the SVG


def app_icon() -> QIcon:
    """Return the app's icon: the SVG, drawn at any size it is asked for.

    The PNGs are the same drawing at fixed sizes, for a Qt that cannot read SVG; each is read
    only when its size is first needed. (Adding them to the SVG icon would read them all now.)
    """
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icons = paths.resources_dir() / "icons"
    icon = QIcon(str(icons / "museum-app.svg"))
    if icon.isNull():
        for size in ICON_SIZES:
            icon.addFile(str(icons / f"museum-app-{size}.png"), QSize(size, size))
    return icon


def build_window(
    data_dir: Path | None = None,
    *,
    reset_ui: bool = False,
    event_id: str | None = None,
    size: tuple[int, int] | None = None,
    language: str | None = None,
) -> MainWindow:
    """Build the whole main window without entering the event loop; files go under data_dir.

    The language is --lang's; without it, the one last chosen in the window, or the system's.
    """
    application()
    # Building makes many objects that live as long as the window (an event's summary, its
    # timeline item...): the collector would walk them again and again for nothing. Turned off
    # while building; then they are frozen, out of every later collection's way.
    collecting = gc.isenabled()
    gc.disable()
    try:
        window = _build_window(data_dir, reset_ui, event_id, size, language)
        gc.freeze()
    finally:
        if collecting:
            gc.enable()
    return window


def _build_window(
    data_dir: Path | None,
    reset_ui: bool,
    event_id: str | None,
    size: tuple[int, int] | None,
    language: str | None,
) -> MainWindow:
    """Open the library and make the window on it, in its language."""
    from PySide6.QtCore import QSize

    from museum_app.store.library import Library
    from museum_app.ui.browser import Browser
    from museum_app.ui.language import TRANSLATION, choose
    from museum_app.ui.main_window import MainWindow
    from museum_app.ui.settings import WindowSettings

    library = Library(paths.data_dir(data_dir), paths.shipped_data_dir())
    settings = WindowSettings(paths.settings_file(data_dir))
    if reset_ui:
        settings.clear()
    TRANSLATION.use(choose(language, settings.language()))
    window = MainWindow(Browser(library, language=TRANSLATION.language), settings)
    window.destroyed.connect(lambda: library.close())
    window.restore(event_id, QSize(*size) if size else None)
    return window


def _fail(message: str) -> int:
    """Print one clear line and return the error status."""
    from museum_app.cli import printable

    print(f"museum-app: {printable(message)}", file=sys.stderr)
    return 2


def run_from_args(args: argparse.Namespace) -> int:
    """Open the window, or render it to a file, as the command line asked."""
    screenshot = args.command == "screenshot"
    problem = display_problem()
    if problem is not None and not screenshot:
        return _fail(problem)
    if problem is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    event_id = getattr(args, "id", None) or getattr(args, "event", None)
    size = _size(args.size) if screenshot else None
    if screenshot and size is None:
        return _fail(
            f"--size {args.size!r} is not WIDTHxHEIGHT with sides from {MIN_SIDE} to {MAX_SIDE} "
            f"pixels and at most {MAX_PIXELS:,} pixels in all, e.g. 1400x900"
        )
    # The store uses no Qt: imported before Qt, its modules are spared PySide's import hook,
    # which reads the source of every module imported after PySide to look for "PySide6".
    importlib.import_module("museum_app.store.library")
    try:
        app = application()
        window = build_window(
            args.data_dir,
            reset_ui=args.reset_ui,
            event_id=event_id,
            size=size,
            language=getattr(args, "lang", None),
        )
    except Exception as error:
        # Imported only now: the checks of packs are not needed when the catalog is current.
        from museum_app.formats.checks import PackError
        from museum_app.store.database import StoreError

        if not isinstance(error, PackError | StoreError | OSError):
            raise
        return _fail(str(error))
    if event_id and window.browser.library.catalog.resolve(event_id) is None:
        return _fail(f"no event has the id {event_id!r} (see 'museum-app list')")
    if screenshot:
        return _screenshot(window, args.file)
    from museum_app.ui.errors import ErrorReporter, start_log

    reporter = ErrorReporter(start_log(paths.log_dir(paths.data_dir(args.data_dir))))
    reporter.install()
    window.show()
    try:
        return app.exec()
    finally:
        reporter.uninstall()


# A screenshot's sides and area: past these, Qt cannot make the image (its sides stop at
# 32,767 pixels) or it would take gigabytes (16 megapixels is 64 MB at four bytes a pixel).
MIN_SIDE, MAX_SIDE, MAX_PIXELS = 200, 16_384, 16_777_216


def _size(text: str) -> tuple[int, int] | None:
    """Read WIDTHxHEIGHT, each side and the area within what an image can hold."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        return None
    fits = MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE
    return (width, height) if fits and width * height <= MAX_PIXELS else None


def _screenshot(window: MainWindow, path: Path) -> int:
    """Render the window to a PNG file."""
    from PySide6.QtWidgets import QApplication

    window.show()
    for _ in range(3):
        QApplication.processEvents()
    if not window.grab().save(str(path), "PNG"):
        return _fail(f"{path}: the image could not be written")
    from museum_app.cli import printable

    print(printable(f"Wrote {path} ({window.width()}x{window.height()})"))
    window.close()
    return 0
