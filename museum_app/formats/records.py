"""Events and bookmarks as plain records for JSON output, and bookmark files in and out."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from museum_app.core.domain import BASE_LANGUAGE, Bookmark, Entity, Event, EventText, pick_language

EXPORT_FORMATS = (".md", ".csv", ".json")
_CSV_FIELDS = ["event_id", "title", "date", "note", "created", "updated", "in_data"]


class BookmarkFileError(ValueError):
    """A bookmark file that cannot be read; the message names file, record and field."""


def event_record(event: Event, bookmarked: bool, language: str = BASE_LANGUAGE) -> dict[str, Any]:
    """Describe an event with the keys that scripts rely on, its words in a language.

    "language" names the language of title, description and date_note; "translations"
    holds them in each other language the event has, by language ("en", "zh_CN").
    """
    date = event.date
    text = event.text(language)
    return {
        "id": event.id,
        "language": pick_language(language, [k for k, _ in event.translations]) or BASE_LANGUAGE,
        "title": text.title,
        "description": text.description,
        "start": date.start.iso(),
        "end": date.end.iso() if date.end else None,
        "precision": date.precision.value,
        "not_before": date.not_before.isoformat(),
        "not_after": date.not_after.isoformat(),
        "date_basis": date.basis.value,
        "date_label": date.label(),
        "date_note": text.date_note,
        "translations": _translations(event, text),
        "categories": list(event.categories),
        "entities": [_entity(e) for e in event.entities],
        "source": {
            "publisher": event.source.publisher,
            "page": event.source.page,
            "section": event.source.section,
            "paragraph": event.source.paragraph,
            "pack": event.source.pack_id,
            "url": event.source.url or None,
        },
        "links": list(event.links),
        "bookmarked": bookmarked,
    }


def _translations(event: Event, shown: EventText) -> dict[str, dict[str, str]]:
    """Return the event's words in every language but the one shown, by language."""
    every = [(BASE_LANGUAGE, event.text()), *event.translations]
    return {
        language: {"title": t.title, "description": t.description, "date_note": t.date_note}
        for language, t in every
        if t != shown
    }


def _entity(entity: Entity) -> dict[str, Any]:
    """Describe a named thing, with its names in other languages if it has any."""
    record: dict[str, Any] = {"name": entity.name, "kind": entity.kind.value}
    if entity.names:
        record["names"] = dict(entity.names)
    return record


def bookmark_record(mark: Bookmark, language: str = BASE_LANGUAGE) -> dict[str, Any]:
    """Describe a bookmark, with its event's current title and date when it is still there."""
    event = mark.event
    return {
        "event_id": event.id if event else mark.event_id,
        "title": event.title_in(language) if event else mark.title,
        "date": event.date.label() if event else mark.date_label,
        "note": mark.note,
        "created": mark.created.isoformat(),
        "updated": mark.updated.isoformat(),
        "in_data": event is not None,
    }


def _markdown(bookmarks: list[Bookmark]) -> str:
    """Write bookmarks as a Markdown document."""
    lines = ["# Bookmarks", ""]
    for mark in bookmarks:
        row = bookmark_record(mark)
        lines.append(f"## {_md_escape(row['title'])}")
        lines.append("")
        lines.append(f"- Date: {_md_escape(row['date'])}")
        lines.append(
            f"- Event: `{row['event_id']}`" + ("" if mark.event else " (no longer in the data)")
        )
        lines.append(f"- Bookmarked: {row['created']}")
        if mark.note:
            lines.append("")
            lines.extend(f"> {_md_escape(line)}" if line else ">" for line in mark.note.splitlines())
        lines.append("")
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    """Keep a person's text from being read as Markdown or HTML."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|" else c for c in text)


def export_bookmarks(bookmarks: list[Bookmark], path: Path) -> None:
    """Write bookmarks to a .md, .csv or .json file, chosen by its extension."""
    suffix = path.suffix.lower()
    if suffix == ".md":
        text = _markdown(bookmarks)
    elif suffix == ".csv":
        import csv  # the CSV module is loaded when a CSV file is first written or read

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=_CSV_FIELDS)
        writer.writeheader()
        for mark in bookmarks:
            row = bookmark_record(mark)
            writer.writerow({**row, "in_data": "yes" if row["in_data"] else "no"})
        text = buffer.getvalue()
    elif suffix == ".json":
        document = {"format": "museum-app-bookmarks", "format_version": 1}
        text = json.dumps({**document, "bookmarks": [bookmark_record(m) for m in bookmarks]}, indent=2,
                          ensure_ascii=False) + "\n"  # fmt: skip
    else:
        raise BookmarkFileError(f"{path}: unknown format {suffix!r}; use .md, .csv or .json")
    # utf-8-sig for CSV, so that spreadsheets read the accents and Chinese characters right.
    path.write_text(text, encoding="utf-8-sig" if suffix == ".csv" else "utf-8")


def import_bookmarks(path: Path) -> list[Bookmark]:
    """Read bookmarks from a .json or .csv file made by export_bookmarks."""
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise BookmarkFileError(f"{path}: cannot be read: {error}") from error
    if suffix == ".json":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise BookmarkFileError(f"{path}: is not valid JSON: {error}") from error
        rows = document.get("bookmarks") if isinstance(document, dict) else None
        if not isinstance(rows, list):
            raise BookmarkFileError(f"{path}: field 'bookmarks': expected a list")
    elif suffix == ".csv":
        import csv

        rows = list(csv.DictReader(io.StringIO(text)))
    else:
        raise BookmarkFileError(f"{path}: bookmarks import from .json or .csv files")
    return [_bookmark(path, index, row) for index, row in enumerate(rows, start=1)]


def _bookmark(path: Path, index: int, row: Any) -> Bookmark:
    """Read one bookmark record."""
    where = f"{path}: bookmark {index}"
    if not isinstance(row, dict):
        raise BookmarkFileError(f"{where}: expected an object")
    for field in ("event_id", "title", "created", "updated"):
        if not isinstance(row.get(field), str) or not row[field]:
            raise BookmarkFileError(f"{where}, field '{field}': is missing or not text")
    stamps = {}
    for field in ("created", "updated"):
        try:
            stamps[field] = dt.datetime.fromisoformat(row[field])
        except ValueError as error:
            raise BookmarkFileError(f"{where}, field '{field}': not a date and time") from error
    note = row.get("note") or ""
    if not isinstance(note, str):
        raise BookmarkFileError(f"{where}, field 'note': expected text")
    return Bookmark(
        event_id=row["event_id"], note=note, title=row["title"],
        date_label=str(row.get("date") or ""), created=stamps["created"], updated=stamps["updated"],
    )  # fmt: skip
