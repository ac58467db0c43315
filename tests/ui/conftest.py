"""Fixtures for the widget tests: the real shipped data in a temporary directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from museum_app import paths
from museum_app.store.library import Library


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """Open the shipped catalog and an empty user file in a temporary directory."""
    opened = Library(tmp_path / "lib", paths.shipped_data_dir())
    yield opened
    opened.close()
