"""The command line: launch the window, or run a headless command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from museum_app import __version__

# The kinds of file the import command reads (formats.importing.KINDS, not imported at start).
IMPORT_KINDS = ("pack", "timelinejs", "timelinejs-csv", "timeline", "ics")


class UsageError(Exception):
    """A command that cannot be carried out as asked; its message is for the person."""


def _add_format(parser: argparse.ArgumentParser) -> None:
    """Add --format to a command that prints events."""
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def build_parser() -> argparse.ArgumentParser:
    """Describe the command line."""
    parser = argparse.ArgumentParser(
        prog="museum-app",
        description="Explore the China Internet Museum's history milestones. "
        "With no command, open the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR",
        help="where the catalog and bookmarks live (or set MUSEUM_APP_DATA_DIR)",
    )  # fmt: skip
    parser.add_argument(
        "--lang", choices=("en", "zh_CN"),
        help="the language of the window and of the events' text (default: the system's)",
    )  # fmt: skip
    parser.add_argument("--reset-ui", action="store_true",
                        help="forget the window's remembered layout, filters and zoom")  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser("list", help="list events in date order")
    listing.add_argument("--category", action="append", default=[], metavar="ID",
                         help="only events in this category (repeatable)")  # fmt: skip
    listing.add_argument("--search", default="", metavar="TEXT", help="full-text search")
    listing.add_argument("--bookmarked", action="store_true", help="only bookmarked events")
    _add_format(listing)

    show = commands.add_parser("show", help="show one event")
    show.add_argument("id")
    _add_format(show)

    categories = commands.add_parser("categories", help="list the categories")
    _add_format(categories)

    opener = commands.add_parser("open", help="open the window at an event")
    opener.add_argument("id")

    shot = commands.add_parser("screenshot", help="render the main window to a PNG file")
    shot.add_argument("file", type=Path)
    shot.add_argument("--event", metavar="ID", help="the event to show")
    shot.add_argument("--size", default="1400x900", metavar="WxH", help="window size")

    bookmark = commands.add_parser("bookmark", help="bookmarks and notes")
    marks = bookmark.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = marks.add_parser("add", help="bookmark an event")
    add.add_argument("id")
    add.add_argument("--note", default="", help="a note to keep with it")
    marks.add_parser("remove", help="remove a bookmark").add_argument("id")
    note = marks.add_parser("note", help="replace a bookmark's note")
    note.add_argument("id")
    note.add_argument("text")
    _add_format(marks.add_parser("list", help="list bookmarks with their notes"))
    export = marks.add_parser("export", help="write bookmarks to FILE (.md, .csv or .json)")
    export.add_argument("file", type=Path)
    export.add_argument(
        "--as",
        dest="kind",
        choices=("timelinejs",),
        help="a TimelineJS3 story of the bookmarked events",
    )
    marks.add_parser("import", help="read bookmarks from FILE (.json or .csv)").add_argument(
        "file", type=Path
    )

    commands.add_parser("install-desktop-entry", help="add the app to your desktop's menu")
    commands.add_parser("uninstall-desktop-entry", help="take the app out of your desktop's menu")

    pack = commands.add_parser("pack", help="data packs")
    packs = pack.add_subparsers(dest="action", metavar="ACTION", required=True)
    packs.add_parser("validate", help="check a pack file").add_argument("file", type=Path)
    packs.add_parser("import", help="add or update a pack").add_argument("file", type=Path)
    packs.add_parser("list", help="list the imported packs and timelines")
    packs.add_parser("remove", help="take out an imported pack (bookmarks are kept)").add_argument("id")

    importer = commands.add_parser(
        "import", help="import a timeline: a pack, TimelineJS JSON or CSV, a .timeline or an .ics file"
    )
    importer.add_argument("file", type=Path)
    importer.add_argument(
        "--as", dest="kind", choices=IMPORT_KINDS, help="the file's kind, if not found"
    )
    importer.add_argument("--dry-run", action="store_true", help="check and report, changing nothing")
    _add_format(importer)
    return parser


DEPENDENCIES = ("appdirs", "PySide6", "shiboken6")  # imported only when a command needs them


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except ModuleNotFoundError as error:
        # `python3 -m museum_app` from a checkout, with a Python the app was not installed into.
        if (error.name or "").split(".")[0] not in DEPENDENCIES:
            raise
        print(
            f"museum-app: the Python package {error.name!r} is missing for {sys.executable}; "
            "run `bash dev.sh launch` once, then use .venv/bin/museum-app (or pip install .)",
            file=sys.stderr,
        )
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    """Run the command args names."""
    if args.command in (None, "open", "screenshot"):
        from museum_app import app  # Qt is loaded only for the commands that need it.

        return app.run_from_args(args)
    from museum_app import commands

    if args.command in ("install-desktop-entry", "uninstall-desktop-entry"):
        return commands.desktop_entry(args.command.startswith("install"), sys.stdout)
    try:
        return commands.run(args, sys.stdout)
    except UsageError as error:
        print(f"museum-app: {error}", file=sys.stderr)
        return 2
