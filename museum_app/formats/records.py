"""Events and bookmarks as plain records for JSON output, and bookmark files in and out."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from museum_app.core.date_words import date_words
from museum_app.core.domain import BASE_LANGUAGE, Bookmark, Entity, Event, EventText, pick_language

EXPORT_FORMATS = (".md", ".csv", ".json")
BOOKMARKS_FORMAT, BOOKMARKS_VERSION = "museum-app-bookmarks", 2
MAX_BOOKMARK_FILE_BYTES = 256 * 1024 * 1024  # some 2,000 notes of 131,072 characters each
_CSV_FIELDS = ["id", "title", "start", "end", "precision", "not_before", "not_after", "date_label",
               "basis", "categories", "publisher", "page", "section", "paragraph", "note",
               "created", "updated", "in_data"]  # fmt: skip
# A spreadsheet runs a cell starting with these as a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters a person's text never needs and a terminal or a reader may act on: controls other
# than tab and line ends, and the bidirectional controls that reorder what is shown.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_DATA_OPEN, _DATA_CLOSE = "<!-- museum-app-bookmarks", "-->"


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
        "date_label": date.label(date_words(language)),  # in the language asked, always
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
    """Describe a bookmark with what a researcher cites: its event's dates, basis and source.

    The title and date label are in a language, where the event has them in it.
    """
    event = mark.event
    date = event.date if event else None
    source = event.source if event else None
    return {
        "id": event.id if event else mark.event_id,
        "title": event.title_in(language) if event else mark.title,
        "start": date.start.iso() if date else None,
        "end": date.end.iso() if date and date.end else None,
        "precision": date.precision.value if date else None,
        "not_before": date.not_before.isoformat() if date else None,
        "not_after": date.not_after.isoformat() if date else None,
        "date_label": date.label(date_words(language)) if date else mark.date_label,
        "basis": date.basis.value if date else None,
        "categories": list(event.categories) if event else [],
        "source": {
            "publisher": source.publisher, "page": source.page, "section": source.section,
            "paragraph": source.paragraph,
        } if source else None,
        "note": mark.note,
        "created": _zoned(mark.created).isoformat(),
        "updated": _zoned(mark.updated).isoformat(),
        "in_data": event is not None,
    }  # fmt: skip


def _zoned(stamp: dt.datetime) -> dt.datetime:
    """Return a time with its zone; one saved without is UTC."""
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


def _json(bookmarks: list[Bookmark]) -> str:
    """Write bookmarks as a JSON document."""
    document = {"format": BOOKMARKS_FORMAT, "format_version": BOOKMARKS_VERSION,
                "bookmarks": [bookmark_record(m) for m in bookmarks]}  # fmt: skip
    return _visible(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _markdown(bookmarks: list[Bookmark]) -> str:
    """Write bookmarks as a Markdown document to read, with the exact data at its end."""
    lines = ["# Bookmarks", ""]
    for mark in bookmarks:
        row = bookmark_record(mark)
        lines += [f"## {_md_line(row['title'])}", ""]
        lines.append(f"- Date: {_md_line(row['date_label'])}" + _md_bounds(row))
        if row["basis"]:
            lines.append(f"- Date basis: {row['basis']}")
        if row["categories"]:
            lines.append(f"- Categories: {', '.join(row['categories'])}")
        if row["source"]:
            src = row["source"]
            lines.append(f"- Source: {_md_line(src['publisher'])}, {_md_line(src['page'])}; "
                         f"{_md_line(src['section'])}, paragraph {src['paragraph']}")  # fmt: skip
        lines.append(f"- Event: `{_md_code(row['id'])}`"
                     + ("" if row["in_data"] else " (no longer in the data)"))  # fmt: skip
        lines.append(f"- Bookmarked: {row['created']}; note updated: {row['updated']}")
        if mark.note:
            lines.append("")
            lines.extend(f"> {_md_line(line)}" if line.strip() else ">"
                         for line in mark.note.splitlines())  # fmt: skip
        lines.append("")
    # The same bookmarks, exactly, for importing again: hidden where the Markdown is shown.
    # <, > and & are written as \u escapes, so that nothing in a note can end the comment.
    data = _json(bookmarks).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return "\n".join([*lines, _DATA_OPEN, data.rstrip("\n"), _DATA_CLOSE, ""])


def _visible(text: str) -> str:
    """Write control characters as \\uXXXX (valid in JSON), so the file is safe to print."""
    return _CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _md_bounds(row: dict[str, Any]) -> str:
    """Write an event's ISO dates and bounds after its label."""
    if row["start"] is None:
        return ""
    span = row["start"] + (f" to {row['end']}" if row["end"] else "")
    return (f" ({span}, precision {row['precision']}; not before {row['not_before']}, "
            f"not after {row['not_after']})")  # fmt: skip


def _md_line(text: str) -> str:
    """Keep a person's line from being read as Markdown structure or HTML, and nothing more."""
    text = _visible(" ".join(text.split("\r")))  # a lone carriage return would break the line
    text = re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)
    # Only at the start of a line do these make a heading, a list or a rule.
    text = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", text)
    return re.sub(r"^(\s*)([#+\-=>])", r"\1\\\2", text)


def _md_code(text: str) -> str:
    """Keep an id inside its code span."""
    return text.replace("`", "'")


def _csv(bookmarks: list[Bookmark]) -> str:
    """Write bookmarks as CSV, one row each, no cell a spreadsheet would run as a formula."""
    import csv  # the CSV module is loaded when a CSV file is first written or read

    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=_CSV_FIELDS)
    writer.writeheader()
    for mark in bookmarks:
        row = bookmark_record(mark)
        source = row.pop("source") or {}
        row.update(source, categories="; ".join(row["categories"]),
                   in_data="yes" if row["in_data"] else "no")  # fmt: skip
        writer.writerow({k: _guard("" if v is None else str(v)) for k, v in row.items()})
    return buffer.getvalue()


def _formula_like(text: str) -> bool:
    """Return whether a cell, apart from leading quotes, starts as a formula would."""
    return text.lstrip("'").startswith(_FORMULA_STARTS)


def _guard(text: str) -> str:
    """Put a quote before a cell a spreadsheet would run, as OWASP advises; reversibly."""
    # A cell that already starts with quotes before a formula start gets one more, so that
    # taking one quote off on import gives back exactly the text.
    return "'" + text if _formula_like(text) else text


def _unguard(text: str) -> str:
    """Take off the quote _guard put before a cell."""
    return text[1:] if text.startswith("'") and _formula_like(text[1:]) else text


def export_bookmarks(bookmarks: list[Bookmark], path: Path) -> None:
    """Write bookmarks to a .md, .csv or .json file, chosen by its extension.

    The file is written beside the target and renamed over it: an existing export is either
    kept whole or replaced whole, even on a full disk.
    """
    suffix = path.suffix.lower()
    writers = {".md": _markdown, ".csv": _csv, ".json": _json}
    if suffix not in writers:
        raise BookmarkFileError(f"{path}: unknown format {suffix!r}; use .md, .csv or .json")
    # utf-8-sig for CSV, so that spreadsheets read the accents and Chinese characters right.
    data = writers[suffix](bookmarks).encode("utf-8-sig" if suffix == ".csv" else "utf-8")
    try:
        _write_whole(path, data)
    except OSError as error:
        raise BookmarkFileError(f"{path}: cannot be written: {error.strerror or error}") from error


def _write_whole(path: Path, data: bytes) -> None:
    """Write a file so that it is the old one or the new one whole, never a part of either."""
    fd, staged = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".saving")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(staged, path)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise


def import_bookmarks(path: Path) -> list[Bookmark]:
    """Read bookmarks from a .json, .csv or .md file made by export_bookmarks."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise BookmarkFileError(f"{path}: bookmarks import from .json, .csv or .md files")
    try:
        # Not read_text: it would turn a carriage return inside a note into a line feed.
        text = _read_regular(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BookmarkFileError(f"{path}: is not UTF-8 text (byte {error.start})") from error
    if suffix == ".csv":
        rows: list[Any] = _csv_rows(path, text)
    else:
        rows = _json_rows(path, _markdown_data(path, text) if suffix == ".md" else text)
    return [_bookmark(path, index, row) for index, row in enumerate(rows, start=1)]


def _read_regular(path: Path) -> bytes:
    """Read a regular file of a sane size; a pipe or a device is refused, never waited on."""
    limit = MAX_BOOKMARK_FILE_BYTES
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise BookmarkFileError(f"{path}: cannot be read: {error.strerror or error}") from error
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise BookmarkFileError(f"{path}: is not a regular file")
        with open(fd, "rb", closefd=False) as file:
            # Sized to the file, not the limit (read(n) sets n bytes aside at once); a file that
            # grew meanwhile is read on, to at most one byte past the limit.
            raw = file.read(min(limit, status.st_size) + 1)
            if len(raw) <= limit and len(raw) > status.st_size:
                raw += file.read(limit + 1 - len(raw))
    except OSError as error:
        raise BookmarkFileError(f"{path}: cannot be read: {error.strerror or error}") from error
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise BookmarkFileError(f"{path}: is more than {limit:,} bytes; the limit is {limit:,}")
    return raw


def _markdown_data(path: Path, text: str) -> str:
    """Return the exact data an exported Markdown file carries at its end."""
    start = text.rfind(_DATA_OPEN)
    end = text.find(_DATA_CLOSE, start + len(_DATA_OPEN)) if start >= 0 else -1
    if start < 0 or end < 0:
        raise BookmarkFileError(f"{path}: holds no bookmark data (only Markdown files exported "
                                "by museum-app can be imported)")  # fmt: skip
    return text[start + len(_DATA_OPEN) : end]


def _json_rows(path: Path, text: str) -> list[Any]:
    """Parse a JSON bookmark document and return its records."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BookmarkFileError(f"{path}: is not valid JSON: {error}") from error
    except RecursionError as error:
        raise BookmarkFileError(f"{path}: is nested too deeply to be a bookmark file") from error
    except ValueError as error:  # such as an integer of more than 4,300 digits
        raise BookmarkFileError(f"{path}: is not valid JSON: {error}") from error
    rows = document.get("bookmarks") if isinstance(document, dict) else None
    if not isinstance(rows, list):
        raise BookmarkFileError(f"{path}: field 'bookmarks': expected a list")
    return rows


def _csv_rows(path: Path, text: str) -> list[dict[str, str]]:
    """Parse CSV bookmarks, taking off the quotes that kept formulas from running."""
    import csv

    csv.field_size_limit(MAX_BOOKMARK_FILE_BYTES)  # a long note is one long cell
    try:
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise BookmarkFileError(f"{path}: is not valid CSV: {error}") from error
    return [{k: _unguard(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]


def _text_field(where: str, row: dict[str, Any], names: tuple[str, ...], *, note: bool = False) -> str:
    """Return a text field (under its current or former name).

    Ids, titles and dates never hold control characters: one that does is refused. A note is
    the person's text, kept exactly as it is; wherever it is shown, they are made visible.
    """
    value = next((row[n] for n in names if row.get(n) is not None), "")
    if not isinstance(value, str):
        raise BookmarkFileError(f"{where}, field '{names[0]}': expected text")
    found = None if note else _CONTROLS.search(value)
    if found is not None or (not note and ("\n" in value or "\r" in value)):
        code = ord(found.group()) if found else ord("\n" if "\n" in value else "\r")
        raise BookmarkFileError(
            f"{where}, field '{names[0]}': holds the control character U+{code:04X}, "
            "which an id, a title or a date never needs"
        )
    return value


def _bookmark(path: Path, index: int, row: Any) -> Bookmark:
    """Read one bookmark record (of this version, or of version 1: event_id and date)."""
    where = f"{path}: bookmark {index}"
    if not isinstance(row, dict):
        raise BookmarkFileError(f"{where}: expected an object")
    event_id = _text_field(where, row, ("id", "event_id"))
    title = _text_field(where, row, ("title",))
    for name, value in (("id", event_id), ("title", title)):
        if not value:
            raise BookmarkFileError(f"{where}, field '{name}': is missing or empty")
    stamps = {}
    for field in ("created", "updated"):
        text = _text_field(where, row, (field,))
        try:
            stamps[field] = _zoned(dt.datetime.fromisoformat(text))
        except ValueError as error:
            raise BookmarkFileError(f"{where}, field '{field}': not a date and time") from error
    return Bookmark(
        event_id=event_id, note=_text_field(where, row, ("note",), note=True), title=title,
        date_label=_text_field(where, row, ("date_label", "date")),
        created=stamps["created"], updated=stamps["updated"],
    )  # fmt: skip
