"""Any timeline file the app imports, by its kind (told or found), made into one pack file."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from museum_app.formats.draft import Draft, ImportRefusedError, Skipped
from museum_app.formats.packs import PACK_FORMAT, read_raw

KINDS = ("pack", "timelinejs", "timelinejs-csv", "timeline", "ics")
MAX_IMPORT_BYTES = 50 * 1024 * 1024  # a timeline of 200,000 events is far smaller
_MODULES = {
    "timelinejs": "museum_app.formats.timelinejs",
    "timelinejs-csv": "museum_app.formats.timelinejs_csv",
    "timeline": "museum_app.formats.timeline_project",
    "ics": "museum_app.formats.ics",
}
_SUFFIXES = {".csv": "timelinejs-csv", ".timeline": "timeline", ".ics": "ics", ".ical": "ics",
             ".ifb": "ics", ".icalendar": "ics"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Converted:
    """A file made into pack bytes, with what was left out or changed on the way."""

    kind: str
    pack_id: str
    data: bytes  # the pack file, UTF-8 JSON
    count: int  # events in it
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def report(self, imported: int | None = None) -> dict[str, Any]:
        """Return the report with its exact keys: pack_id, imported, skipped, warnings."""
        return {
            "pack_id": self.pack_id,
            "imported": self.count if imported is None else imported,
            "skipped": [{"where": s.where, "reason": s.reason} for s in self.skipped],
            "warnings": list(self.warnings),
        }


def detect(path: Path, raw: bytes) -> str:
    """Tell a file's kind by its content first, then by its name's suffix."""
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if head.startswith((b"<?xml", b"<timeline", b"<!")):
        return "timeline"
    if head.startswith(b"{"):
        return "pack" if _is_pack(head) else "timelinejs"
    first_line = head.split(b"\n", 1)[0].lower()
    if b"year" in first_line and b"headline" in first_line:
        return "timelinejs-csv"
    kind = _SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ImportRefusedError(
            f"{path}: is not a file this app can import (a pack, TimelineJS JSON or CSV, "
            ".timeline or .ics); name its kind with --as"
        )
    return kind


def _is_pack(head: bytes) -> bool:
    """Tell a pack from a TimelineJS story by the format field near its start."""
    return f'"{PACK_FORMAT}"'.encode() in head


def convert(path: Path, kind: str | None = None, max_bytes: int = MAX_IMPORT_BYTES) -> Converted:
    """Read a file (a regular one, within the size limit) and make it into a pack's bytes."""
    raw = read_raw(path, max_bytes)
    kind = kind or detect(path, raw)
    if kind == "pack":
        count = _pack_events(raw)
        return Converted(kind, "", raw, count)
    draft = _reader(kind)(path, raw)
    if not draft.events:
        first = draft.skipped[0] if draft.skipped else None
        why = f" (first: {first.where}: {first.reason})" if first else ""
        raise ImportRefusedError(
            f"{path}: nothing in it can be imported: {len(draft.skipped)} skipped{why}"
        )
    data = json.dumps(draft.document(), ensure_ascii=False, indent=1).encode()
    return Converted(kind, draft.pack_id, data, len(draft.events), draft.skipped, draft.warnings)


def _pack_events(raw: bytes) -> int:
    """Count a pack's events (the pack checks say what else is wrong with it)."""
    try:
        events = json.loads(raw.decode("utf-8")).get("events")
    except (ValueError, AttributeError, RecursionError):
        return 0
    return len(events) if isinstance(events, list) else 0


def _reader(kind: str) -> Callable[[Path, bytes], Draft]:
    """Return the read function of a kind of file; each module is loaded only when used."""
    if kind not in _MODULES:
        raise ImportRefusedError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
    reader: Callable[[Path, bytes], Draft] = import_module(_MODULES[kind]).read
    return reader


__all__ = ["KINDS", "Converted", "Draft", "ImportRefusedError", "convert", "detect"]
