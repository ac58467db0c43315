"""Where the app's files live: the one place that asks appdirs."""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

APP_NAME = "museum-app"
DATA_ENV = "MUSEUM_APP_DATA_DIR"
CONFIG_ENV = "MUSEUM_APP_CONFIG_DIR"


def data_dir(override: Path | str | None = None) -> Path:
    """Return the directory of the catalog and the user file (--data-dir, then the env var)."""
    chosen = override or os.environ.get(DATA_ENV)
    return Path(chosen) if chosen else Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Return the directory of the window's remembered settings."""
    chosen = os.environ.get(CONFIG_ENV)
    return Path(chosen) if chosen else Path(appdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_file(data_override: Path | str | None = None) -> Path:
    """Return the window's settings file; a moved data directory keeps its settings beside it."""
    if os.environ.get(CONFIG_ENV) or not (data_override or os.environ.get(DATA_ENV)):
        return config_dir() / "settings.ini"
    return data_dir(data_override) / "settings.ini"


def log_dir(data: Path | None = None) -> Path:
    """Return the directory of the error log (beside the data when that was moved)."""
    if data is not None and (os.environ.get(DATA_ENV) or data != data_dir()):
        return data / "logs"
    return Path(appdirs.user_log_dir(APP_NAME, appauthor=False))


def _shipped(name: str, marker: str) -> Path:
    """Find a shipped folder: beside the package in a checkout, inside it when installed."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / name, package / name):
        if (candidate / marker).exists():
            return candidate
    raise FileNotFoundError(f"the app's {name} folder is missing (looked beside {package})")


def shipped_data_dir() -> Path:
    """Return the directory of the packs and categories that ship with the app."""
    return _shipped("data", "categories.json")


def resources_dir() -> Path:
    """Return the directory of the icon and the desktop entry."""
    return _shipped("resources", "museum-app.desktop")


def xdg_data_home() -> Path:
    """Return where per-user desktop entries and icons go (XDG_DATA_HOME)."""
    chosen = os.environ.get("XDG_DATA_HOME")
    return Path(chosen) if chosen else Path.home() / ".local" / "share"
