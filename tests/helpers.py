"""Small builders for test data: packs written as real files."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

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
