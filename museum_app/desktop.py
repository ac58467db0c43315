"""Put the app in the desktop's menu (XDG desktop entry and icons), and take it out again."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from museum_app import paths

APP_ID = "museum-app"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _targets(data_home: Path) -> dict[Path, Path]:
    """Map each installed file to the shipped file it comes from."""
    icons = paths.resources_dir() / "icons"
    hicolor = data_home / "icons" / "hicolor"
    targets = {hicolor / "scalable" / "apps" / f"{APP_ID}.svg": icons / f"{APP_ID}.svg"}
    for size in ICON_SIZES:
        targets[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icons / f"{APP_ID}-{size}.png"
    return targets


def _launcher() -> str:
    """Return the command the menu entry runs: the installed script if there is one."""
    script = shutil.which(APP_ID)
    if script:
        return script
    return f"{sys.executable} -m museum_app"


def install(data_home: Path | None = None) -> list[Path]:
    """Install the desktop entry and icons for this user; return what was written."""
    home = data_home or paths.xdg_data_home()
    written = []
    for target, source in _targets(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    entry = (paths.resources_dir() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    entry = entry.replace("Exec=museum-app", f"Exec={_launcher()}", 1)
    target = home / "applications" / f"{APP_ID}.desktop"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(entry, encoding="utf-8")
    written.append(target)
    return written


def uninstall(data_home: Path | None = None) -> list[Path]:
    """Remove what install() wrote; return what was removed."""
    home = data_home or paths.xdg_data_home()
    removed = []
    for target in (*_targets(home), home / "applications" / f"{APP_ID}.desktop"):
        if target.exists():
            target.unlink()
            removed.append(target)
    return removed
