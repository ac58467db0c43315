"""The headless commands: list, show, categories, bookmark and pack."""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from museum_app import desktop, importer, paths
from museum_app.cli import Output, UsageError, language_of
from museum_app.cli_words import joined, say
from museum_app.core.date_words import date_words
from museum_app.core.domain import Event
from museum_app.core.event_date import EventDate
from museum_app.core.query import EventFilter
from museum_app.formats.checks import PackError
from museum_app.formats.publish import write_story
from museum_app.formats.records import (
    BookmarkFileError,
    bookmark_record,
    event_record,
    export_bookmarks,
    import_bookmarks,
)
from museum_app.store.database import StoreError
from museum_app.store.library import Library


@contextmanager
def open_library(args: argparse.Namespace, err: Output | None = None) -> Iterator[Library]:
    """Open the data, turning any failure into one clear line for the person.

    What the person must know about their data (a damaged file moved aside, a pack left
    out) is told on err before the command runs.
    """
    try:
        library = Library(paths.data_dir(args.data_dir), paths.shipped_data_dir())
    except (PackError, StoreError, OSError) as error:
        raise UsageError(str(error)) from error
    if err is not None:
        # Why writes fail is told by the write that fails; the rest is news to the person.
        told = [n for n in library.notices() if n != library.user_problem]
        err.writelines(f"museum-app: {notice}\n" for notice in told)
    try:
        yield library
    except (PackError, StoreError, BookmarkFileError) as error:
        raise UsageError(str(error)) from error
    except BrokenPipeError:
        raise  # the reader stopped reading: not an error of the data
    except OSError as error:
        raise UsageError(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from error
    finally:
        library.close()


DATE_COLUMNS = 58  # the widest date the list makes room for; a longer one pushes its title on


def _date_label(date: EventDate, language: str) -> str:
    """Write a date as a person reads it in a language (the one place commands ask for it)."""
    return date.label(date_words(language))


def _print_events(
    out: Output, events: list[Event], bookmarked: frozenset[str], fmt: str, language: str
) -> None:
    """Print events as text lines or as a JSON list, their words in a language."""
    if fmt == "json":
        records = [event_record(e, e.id in bookmarked, language) for e in events]
        out.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
        return
    labels = [_date_label(event.date, language) for event in events]
    # The dates' column as wide as the widest date listed (the longest English one at most).
    width = min(max((_columns(label) for label in labels), default=0), DATE_COLUMNS)
    for event, label in zip(events, labels, strict=True):
        star = "*" if event.id in bookmarked else " "
        out.write(f"{star} {_padded(label, width)} {event.title_in(language)}  [{event.id}]\n")


def _columns(text: str) -> int:
    """Return the terminal columns text takes, a Chinese character taking two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _padded(text: str, width: int) -> str:
    """Pad text to a width in terminal columns."""
    return text + " " * max(0, width - _columns(text))


def _require(library: Library, event_id: str) -> Event:
    """Return the event with this id, or fail naming it."""
    event = library.catalog.event(event_id)
    if event is None:
        raise UsageError(f"no event has the id {event_id!r} (see 'museum-app list')")
    return event


def _list(library: Library, args: argparse.Namespace, out: Output) -> int:
    """List events in date order."""
    known = {c.id for c in library.catalog.categories()}
    for category in args.category:
        if category not in known:
            raise UsageError(f"no category has the id {category!r} (see 'museum-app categories')")
    marked = library.bookmarked_ids()
    query = EventFilter(
        categories=frozenset(args.category) if args.category else None,
        search=args.search,
        ids=frozenset(marked) if args.bookmarked else None,
    )
    _print_events(out, library.catalog.events(query), marked, args.format, language_of(args))
    return 0


def _show(library: Library, args: argparse.Namespace, out: Output) -> int:
    """Show one event in full."""
    event = _require(library, args.id)
    marked = library.bookmarked_ids()
    language = language_of(args)
    if args.format == "json":
        record = event_record(event, event.id in marked, language)
        out.write(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        return 0
    names = {c.id: c.text(language).name for c in library.catalog.categories()}
    text = event.text(language)
    lines = [
        text.title,
        _date_label(event.date, language),
        # Where the date comes from, with its note in the language asked where it has one.
        replace(event.date, note=text.date_note).basis_text(date_words(language)),
        say(language, "Categories: {names}",
            names=joined(language, [names.get(c, c) for c in event.categories])),
        "",
        text.description,
        "",
        say(language, "Named: {names}",
            names=joined(language, [e.name_in(language) for e in event.entities]))
        if event.entities else "",
        say(language, "Source: {source}", source=event.source.label()),
        say(language, "Id: {id}", id=event.id)
        + (say(language, "  (bookmarked)") if event.id in marked else ""),
    ]  # fmt: skip
    out.write("\n".join(line for line in lines if line is not None) + "\n")
    return 0


def _categories(library: Library, args: argparse.Namespace, out: Output) -> int:
    """List the categories with their event counts."""
    counts = library.catalog.category_counts()
    categories = library.catalog.categories()
    language = language_of(args)
    if args.format == "json":
        records = [
            {"id": c.id, "name": c.text(language).name, "description": c.text(language).description,
             "colour": c.colour, "events": counts.get(c.id, 0),
             "translations": {k: {"name": v.name, "description": v.description}
                              for k, v in [("en", c.text()), *c.translations]
                              if v != c.text(language)}}
            for c in categories
        ]  # fmt: skip
        out.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    else:
        for c in categories:
            out.write(f"{c.id:<16} {counts.get(c.id, 0):>6}  {c.text(language).name}\n")
    return 0


def _bookmark(library: Library, args: argparse.Namespace, out: Output) -> int:
    """Add, remove, annotate, list, export or import bookmarks."""
    language = language_of(args)
    if args.action == "add":
        event = _require(library, args.id)
        before = library.bookmark_for(event)
        mark = library.add_bookmark(event, args.note)
        done = _added(before is not None, before.note if before else "", mark.note, args.note)
        out.write(say(language, done, title=event.title_in(language), id=event.id) + "\n")
    elif args.action == "remove":
        if library.remove_bookmark(args.id) is None:
            raise UsageError(f"{args.id!r} is not bookmarked")
        out.write(say(language, "Removed the bookmark on {id}", id=args.id) + "\n")
    elif args.action == "note":
        if not library.set_note(args.id, args.text):
            raise UsageError(f"{args.id!r} is not bookmarked; add it with 'bookmark add'")
        out.write(say(language, "Saved the note on {id}", id=args.id) + "\n")
    elif args.action == "list":
        marks = library.bookmarks()
        if args.format == "json":
            rows = [bookmark_record(m, language) for m in marks]
            out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        for mark in marks if args.format == "text" else []:
            gone = "" if mark.event else say(language, "  (no longer in the data)")
            # The event's own title and date while it is in the data, not the saved copies.
            row = bookmark_record(mark, language)
            label, title = row["date_label"], row["title"]
            out.write(f"{_padded(label, 40)} {title}  [{mark.event_id}]{gone}\n")
            out.writelines(f"    {line}\n" for line in mark.note.splitlines())
    elif args.action == "export" and args.kind == "timelinejs":
        names = {c.id: c.name for c in library.catalog.categories()}
        count = write_story(library.bookmarks(), names, args.file, "Bookmarks")
        story = "Wrote {count} bookmarked events as a TimelineJS story to {file}"
        out.write(say(language, story, count=count, file=args.file) + "\n")
    elif args.action == "export":
        marks = library.bookmarks()
        export_bookmarks(marks, args.file)
        out.write(
            say(language, "Wrote {count} bookmarks to {file}", count=len(marks), file=args.file) + "\n"
        )
    else:
        changed = library.import_bookmarks(import_bookmarks(args.file))
        imported = "Imported {count} new or updated bookmarks from {file}"
        out.write(say(language, imported, count=changed, file=args.file) + "\n")
    return 0


def _added(existed: bool, before: str, after: str, note: str) -> str:
    """Say what adding a bookmark did, its note included."""
    if not existed:
        return "Bookmarked {title} [{id}]"
    if not note:
        return "Already bookmarked: {title} [{id}]"
    if after != before:
        return "Already bookmarked; the note was added to its note: {title} [{id}]"
    return "Already bookmarked, with this note already in its note: {title} [{id}]"


def _pack(library: Library, args: argparse.Namespace, out: Output) -> int:
    """Validate, import, list or remove packs."""
    if args.action == "list":
        for pack_id, title, count in library.imported_packs():
            out.write(f"{pack_id:<40} {count:>7}  {title}\n")
    elif args.action == "remove":
        if not library.remove_pack(args.id):
            raise UsageError(f"no imported pack has the id {args.id!r} (see 'museum-app pack list')")
        out.write(
            f"Removed {args.id!r}; bookmarks on its events are kept, and come back on a new import\n"
        )
    elif args.action == "validate":
        pack = library.validate_pack(args.file)
        out.write(f"{args.file}: valid pack {pack.id!r} with {len(pack.events)} events\n")
    else:
        pack = library.import_pack(args.file)
        # Said plainly: the app's own events give way to the pack's.
        instead = (", in place of the pack of the same id that ships with the app"
                   if library.replaces_shipped(pack.id) else "")  # fmt: skip
        out.write(f"Imported {pack.id!r} ({len(pack.events)} events){instead}; "
                  f"the catalog now holds {library.catalog.count()} events\n")  # fmt: skip
    return 0


_COMMANDS: dict[str, Callable[[Library, argparse.Namespace, Output], int]] = {
    "list": _list, "show": _show, "categories": _categories, "bookmark": _bookmark, "pack": _pack,
    "import": importer.run,
}  # fmt: skip


def desktop_entry(install: bool, out: Output) -> int:
    """Add the app to the desktop's menu, or take it out."""
    try:
        changed = desktop.install() if install else desktop.uninstall()
    except OSError as error:
        raise UsageError(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from error
    verb = "Installed" if install else "Removed"
    out.writelines(f"{verb} {path}\n" for path in changed)
    if not changed:
        out.write("Nothing to remove: the desktop entry was not installed\n")
    return 0


def run(args: argparse.Namespace, out: Output, err: Output | None = None) -> int:
    """Run a headless command."""
    with open_library(args, err) as library:
        return _COMMANDS[args.command](library, args, out)
