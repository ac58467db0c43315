"""iCalendar (.ics) files: each VEVENT an event, its CATEGORIES its categories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import icalendar

from museum_app.formats.draft import Draft, ImportRefusedError, When
from museum_app.formats.markup import tidy

TOOL = "iCalendar"


def _when(value: Any) -> When | None:
    """Turn a DTSTART or DTEND value (a day, or a day and time) into a moment."""
    if isinstance(value, dt.datetime):
        time = f"{value.hour:02d}:{value.minute:02d}" + (f":{value.second:02d}" if value.second else "")
        zone = value.tzname() if value.tzinfo is not None else ""
        return When(value.year, value.month, value.day, f"{time} {zone}".strip())
    if isinstance(value, dt.date):
        return When(value.year, value.month, value.day)
    return None


def _names(value: Any) -> list[str]:
    """Return the category names of a CATEGORIES property (one or several of them)."""
    found: list[str] = []
    for prop in value if isinstance(value, list) else [value]:
        cats = getattr(prop, "cats", None)
        found.extend(str(c) for c in (cats if cats is not None else [prop]))
    return [tidy(name) for name in found if tidy(name)]


def _end(component: Any, start: Any) -> Any:
    """Return the last moment an event covers: an all-day DTEND is the day after it ends."""
    end = component.get("DTEND")
    value = end.dt if end is not None else None
    if value is None and component.get("DURATION") is not None:
        value = start + component.get("DURATION").dt
    if value is None:
        return None
    if not isinstance(value, dt.datetime) and isinstance(value, dt.date):
        return value - dt.timedelta(days=1)  # exclusive end of an all-day event
    return value


def read(path: Path, raw: bytes) -> Draft:
    """Read an .ics file's bytes into a pack draft."""
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise ImportRefusedError(
            f"{path}: is not a readable iCalendar file: {str(error)[:200]}"
        ) from error
    name = calendar.get("X-WR-CALNAME")
    draft = Draft(path, TOOL, title=tidy(str(name)) if name else path.stem)
    for index, component in enumerate(calendar.walk("VEVENT"), start=1):
        where = f"VEVENT {index}"
        begin = component.get("DTSTART")
        try:
            start = _when(begin.dt) if begin is not None else None
            end = _when(_end(component, begin.dt)) if begin is not None else None
        except (ValueError, TypeError, OverflowError) as error:
            draft.skip(where, f"its date cannot be read: {error}")
            continue
        if start is None:
            draft.skip(where, "has no DTSTART")
            continue
        summary = tidy(str(component.get("SUMMARY") or ""))
        description = str(component.get("DESCRIPTION") or "")
        place = tidy(str(component.get("LOCATION") or ""))
        if place:
            description = f"{description}\n\nWhere: {place}".strip()
        url = str(component.get("URL") or "")
        uid = str(component.get("UID") or "")
        categories = [draft.category(n) for n in _names(component.get("CATEGORIES"))]
        draft.add(
            where,
            summary or f"Untitled ({where})",
            description,
            start,
            end,
            categories=categories,
            links=[url] if url else [],
            key=uid,
        )
    if not draft.events and not draft.skipped:
        raise ImportRefusedError(f"{path}: holds no VEVENT")
    return draft
