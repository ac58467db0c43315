"""Start Qt's application, saying in one line why no window can open instead of aborting."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

App = TypeVar("App")

# The Debian and Ubuntu packages of the libraries Qt's platform plugins load from the system.
PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}

_PLUGIN = re.compile(r'platform plugin "([\w-]+)"')


def start(make: Callable[[], App]) -> App:
    """Return make()'s application; if Qt cannot start a platform, print why and exit with 2.

    Qt ends a program whose platform plugin fails with abort(), a core dump with no word of
    what to do. Its last message reaches this handler first, which ends the process itself.
    """
    from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler

    held: list[tuple[QtMsgType, QMessageLogContext, str]] = []

    def watch(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            held.append((kind, context, message))
            return
        print(f"museum-app: {explain([m for _, _, m in held], message)}", file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(2)  # returning would let Qt abort

    previous = qInstallMessageHandler(watch)
    try:
        return make()
    finally:
        qInstallMessageHandler(previous)
        for kind, context, message in held:  # what Qt said on a good start is passed on
            if previous is not None:
                previous(kind, context, message)
            else:
                print(qFormatLogMessage(kind, context, message), file=sys.stderr)


def explain(messages: list[str], fatal: str) -> str:
    """Say in one line what stopped Qt's platform plugin, and what to do about it."""
    said = [*messages, fatal]
    named = [found.group(1) for text in said if (found := _PLUGIN.search(text))]
    plugin = named[0] if named else os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0]
    missing = missing_libraries(plugin_file(plugin))
    if missing:
        packages = sorted({PACKAGES[name] for name in missing if name in PACKAGES})
        fix = (
            f"install them with: sudo apt-get install {' '.join(packages)} (bash dev.sh launch "
            "does it when run as root)"
            if packages
            else "reinstall Qt: pip install --force-reinstall PySide6-Essentials"
        )
        return (
            f'the window cannot open: Qt\'s "{plugin}" platform plugin needs '
            f"{', '.join(missing)}, missing here; {fix}"
        )
    if any("could not connect to display" in text for text in said):
        display = os.environ.get("DISPLAY", "")
        return (
            f"the window cannot open: no X display answers at DISPLAY={display!r}. Start the app "
            "in a desktop session, or under a virtual screen: xvfb-run -a museum-app"
        )
    reason = " ".join(" ".join(said).split())
    return f'the window cannot open: Qt could not start its "{plugin}" platform plugin ({reason})'


def plugin_file(name: str) -> Path | None:
    """Return the platform plugin Qt would load for name, or None if there is none."""
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(":") if p]
    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms")
    found = [folder / f"libq{name}.so" for folder in folders if (folder / f"libq{name}.so").exists()]
    return found[0] if found else None


def missing_libraries(plugin: Path | None) -> list[str]:
    """Return the shared libraries the plugin needs that the system cannot find (by ldd)."""
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    import subprocess  # only to explain a failed start: every good start is spared it

    listed = subprocess.run(
        [ldd, str(plugin)], capture_output=True, text=True, timeout=30, check=False
    ).stdout
    return sorted(set(re.findall(r"^\s*(\S+) => not found", listed, re.MULTILINE)))
