"""Shared fixtures: Qt offscreen, and a temporary data directory for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Without a display, QApplication aborts the process; offscreen must be chosen before it exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app's data and config directories at a fresh temporary one."""
    directory = tmp_path / "data"
    monkeypatch.setenv("MUSEUM_APP_DATA_DIR", str(directory))
    monkeypatch.setenv("MUSEUM_APP_CONFIG_DIR", str(tmp_path / "config"))
    # The window follows the system's language: the same English for every test, whatever the machine.
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield directory
