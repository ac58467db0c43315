"""The command line: launch the window, or run a headless command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, TextIO

from museum_app import __version__
from museum_app.core.domain import LANGUAGES
from museum_app.core.language import system_language

# The kinds of file the import command reads (formats.importing.KINDS, not imported at start).
IMPORT_KINDS = ("pack", "timelinejs", "timelinejs-csv", "timeline", "ics")


class UsageError(Exception):
    """A command that cannot be carried out as asked; its message is for the person."""


# Characters a terminal acts on instead of showing: C0 and C1 controls (escape sequences can
# retitle or clear a terminal), DEL, and the bidirectional controls that reorder what is shown.
# Tab and newline lay text out and are kept.
_UNSAFE = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
           *range(0x202A, 0x202F), *range(0x2066, 0x206A)]  # fmt: skip
_SHOWN = {code: f"\\u{code:04x}" for code in _UNSAFE}


def printable(text: str) -> str:
    """Write the characters a terminal would act on as \\uXXXX, which is also valid in JSON."""
    return text.translate(_SHOWN)


class Output(Protocol):
    """Where a command writes: a stream of text."""

    def write(self, text: str, /) -> int:
        """Write text."""
        ...

    def writelines(self, lines: Iterable[str], /) -> None:
        """Write each line."""
        ...


class SafeOutput:
    """A text stream that never passes a control character on to the terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write text with its control characters made visible."""
        return self.stream.write(printable(text))

    def writelines(self, lines: Iterable[str]) -> None:
        """Write each line as write does."""
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Flush the stream underneath."""
        self.stream.flush()


def _folder(text: str) -> Path:
    """Read a folder given on the command line; an empty one is a mistake, not the current one."""
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty; give a folder, or leave the option out")
    return Path(text)


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
        "--data-dir", type=_folder, metavar="DIR",
        help="where the catalog and bookmarks live (or set MUSEUM_APP_DATA_DIR)",
    )  # fmt: skip
    parser.add_argument(
        "--lang", choices=LANGUAGES, metavar="LANG",
        help="the language of the window and of the events' text: en or zh_CN (default: the "
        "system's, from LC_ALL, LC_MESSAGES, LANG or LANGUAGE; the window's: the one last "
        "chosen in it, else the system's)",
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


def language_of(args: argparse.Namespace) -> str:
    """Return the language the commands print in: --lang, or else the system's (English if none)."""
    return args.lang or system_language()


def _tolerant_streams() -> None:
    """Let a name the terminal's encoding cannot show be printed escaped, not as a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _reader_gone() -> int:
    """End quietly when the reader of the output stopped reading (`museum-app list | head`)."""
    import os

    # Python would complain again while flushing stdout at exit: point it at nothing.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


DEPENDENCIES = ("appdirs", "PySide6", "shiboken6")  # imported only when a command needs them


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    _tolerant_streams()
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

    out = SafeOutput(sys.stdout)
    try:
        if args.command in ("install-desktop-entry", "uninstall-desktop-entry"):
            return commands.desktop_entry(args.command.startswith("install"), out)
        status = commands.run(args, out, SafeOutput(sys.stderr))
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except UsageError as error:
        print(f"museum-app: {printable(str(error))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _reader_gone()
    except MemoryError:
        print("museum-app: the computer ran out of memory; nothing was changed", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ctrl+C: each write is one transaction, and an import puts its pack folder back.
        print("museum-app: stopped; nothing was changed", file=sys.stderr)
        return 130
