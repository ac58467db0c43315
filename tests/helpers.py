"""Small builders for test data: packs written as real files."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from museum_app import paths

SHIPPED_PACK = paths.shipped_data_dir() / "packs" / "cim-2014-milestones.json"


def event(
    event_id: str, day: str, title: str = "", categories: tuple[str, ...] = ("business",)
) -> dict[str, Any]:
    """Return a valid event record."""
    return {
        "id": event_id,
        "title": title or f"Event {event_id}",
        "description": f"What happened in {event_id}.",
        "date": {"start": day, "basis": "source"},
        "categories": list(categories),
        "entities": [{"name": "Example Corp", "kind": "organisation"}],
        "source": {"section": "Tests", "paragraph": 1},
    }


def pack(pack_id: str = "test-pack", events: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Return a valid pack document."""
    return {
        "format": "museum-app-pack",
        "format_version": 1,
        "id": pack_id,
        "title": "A test pack",
        "source": {"publisher": "Test Museum", "page": "Tests >> Page"},
        "categories": [],
        "events": events if events is not None else [event("2015-03-01-first", "2015-03-01")],
    }


def shipped_pack() -> dict[str, Any]:
    """Return a fresh copy of the shipped 2014 pack."""
    return copy.deepcopy(json.loads(SHIPPED_PACK.read_text(encoding="utf-8")))


def write(path: Path, document: Any) -> Path:
    """Write a JSON document and return its path."""
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def report(test: str, **figures: Any) -> None:
    """Record a test's figures (kills, writes, losses) where MUSEUM_APP_FIGURES points, if set."""
    target = os.environ.get("MUSEUM_APP_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as file:
            file.write(json.dumps({"test": test, **figures}) + "\n")


@contextlib.contextmanager
def read_only(*targets: Path) -> Iterator[None]:
    """Make folders and files read-only for this process, even when it runs as root."""
    if os.geteuid() != 0:
        modes = {t: t.stat().st_mode for t in targets}
        for target in targets:
            target.chmod(modes[target] & ~0o222)
        try:
            yield
        finally:
            for target in reversed(targets):
                target.chmod(modes[target])
        return
    # Root ignores permission bits; the immutable attribute binds even root.
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a folder read-only")
    done: list[Path] = []
    try:
        for target in targets:
            result = subprocess.run(["chattr", "+i", str(target)], capture_output=True, check=False)
            if result.returncode != 0:
                pytest.skip(f"chattr +i is not supported here: {result.stderr.decode().strip()}")
            done.append(target)
        yield
    finally:
        for target in reversed(done):
            subprocess.run(["chattr", "-i", str(target)], check=True)
