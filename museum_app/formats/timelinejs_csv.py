"""TimelineJS Google-Sheets CSV exports, read as the TimelineJS story they stand for."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from museum_app.formats.draft import Draft, ImportRefusedError
from museum_app.formats.timelinejs import TOOL, read_story

# The template's columns by header text (case and spaces aside), to the slide fields they fill.
_COLUMNS = {
    "year": ("start_date", "year"), "month": ("start_date", "month"), "day": ("start_date", "day"),
    "time": ("start_date", "time"), "end year": ("end_date", "year"),
    "end month": ("end_date", "month"), "end day": ("end_date", "day"),
    "end time": ("end_date", "time"), "display date": ("", "display_date"),
    "headline": ("text", "headline"), "text": ("text", "text"), "media": ("media", "url"),
    "media credit": ("media", "credit"), "media caption": ("media", "caption"),
    "media thumbnail": ("media", "thumbnail"), "alt text": ("media", "alt"),
    "type": ("", "type"), "group": ("", "group"), "background": ("", "background"),
}  # fmt: skip
_TIME = re.compile(r"([0-9]{1,2})(?::([0-9]{2}))?(?::([0-9]{2}))?\s*([AaPp][Mm])?")


def _time(text: str) -> dict[str, str]:
    """Split a Time cell (h:mm[:ss], maybe with AM/PM) into TimelineJS's parts."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return {}
    hour, minute, second, half = match.groups()
    hours = int(hour) % 12 + (12 if half and half.lower() == "pm" else 0) if half else int(hour)
    return {"hour": str(hours), "minute": minute or "0", "second": second or ""}


def _slide(header: list[str], row: list[str]) -> dict[str, Any]:
    """Turn one row into a TimelineJS slide object, as the spreadsheet loader does."""
    slide: dict[str, Any] = {}
    for name, cell in zip(header, row, strict=False):
        place = _COLUMNS.get(name)
        if place is None:
            continue
        group, key = place
        value = cell.strip()
        if key == "time":
            slide.setdefault(group, {}).update(_time(value))
        elif group:
            slide.setdefault(group, {})[key] = value
        else:
            slide[key] = value
    return slide


def read(path: Path, raw: bytes) -> Draft:
    """Read a TimelineJS spreadsheet export's bytes into a pack draft."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefusedError(f"{path}: is not UTF-8 text (byte {error.start})") from error
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportRefusedError(f"{path}: is not a readable CSV file: {error}") from error
    if not rows:
        raise ImportRefusedError(f"{path}: is empty")
    header = [" ".join(cell.lower().split()) for cell in rows[0]]
    missing = [name for name in ("year", "headline") if name not in header]
    if missing:
        raise ImportRefusedError(
            f"{path}: is not a TimelineJS sheet: no {' or '.join(repr(m.title()) for m in missing)} "
            "column in its first row"
        )
    story: dict[str, Any] = {"events": [], "eras": []}
    rows_of: dict[str, list[int]] = {"slides": [], "eras": []}  # each entry's row in the sheet
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line between entries
        slide = _slide(header, row)
        kind = str(slide.pop("type", "")).lower()
        if kind == "title" and "title" not in story:
            story["title"] = slide
            continue
        place = "eras" if kind == "era" else "events"
        story[place].append(slide)
        rows_of["eras" if kind == "era" else "slides"].append(number)
    draft = Draft(path, f"{TOOL} sheet")
    read_story(draft, story, lambda kind, index: f"row {rows_of[kind + 's'][index - 1]}")
    return draft
