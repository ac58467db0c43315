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


def shipped_data_dir() -> Path:
    """Return the directory of the packs and categories that ship with the app."""
    package = Path(__file__).resolve().parent
    # In a source checkout data/ sits beside the package; an installed wheel carries a copy.
    for candidate in (package.parent / "data", package / "data"):
        if (candidate / "categories.json").is_file():
            return candidate
    raise FileNotFoundError(f"the app's data folder is missing (looked beside {package})")
