"""Bookmark files: every format carries what a researcher cites and reads back exactly."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from museum_app import paths
from museum_app.core.domain import Bookmark
from museum_app.formats.records import BookmarkFileError, export_bookmarks, import_bookmarks
from museum_app.store.library import Library
from tests.helpers import report

FORMATS = (".json", ".csv", ".md")
UTC = dt.UTC
CST = dt.timezone(dt.timedelta(hours=8))
# The notes a spreadsheet, a Markdown reader or a CSV parser would trip on.
HOSTILE_NOTES = [
    "=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tTabbed",
    "\rCarriage first", "'=already quoted", "''=twice", "'plain quote", "line one\r\nline two\rthree",
    "x" * 131_073 + "\r" + "y" * 10, "# not a heading\n- not a list\n1. not a list\n> not a quote",
    "Full stop. Another one. (Brackets) [links](x) <b>html</b> *stars* _under_ `code` | pipe",
    "-->\n<!-- museum-app-bookmarks -->", '"quoted", with, commas', "   spaces   ", "", "\n\n",
    "打车 and 微信红包", "\x1b[2J\u202eevil\x9b",
]  # fmt: skip


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Open the shipped catalog, for bookmarks with their events."""
    opened = Library(tmp_path_factory.mktemp("lib"), paths.shipped_data_dir())
    yield opened
    opened.close()


def marks_with_events(library: Library, notes: list[str]) -> list[Bookmark]:
    """Return a bookmark per note, on the shipped events in turn, created in two zones."""
    events = library.catalog.events()
    return [
        Bookmark(
            event_id=events[i % len(events)].id + ("" if i < len(events) else f"-{i}"),
            note=note,
            title=events[i % len(events)].title,
            date_label=events[i % len(events)].date.label(),
            created=dt.datetime(2014, 5, 1, 8, 30, i % 60, tzinfo=CST if i % 2 else UTC),
            updated=dt.datetime(2015, 1, 2, 3, 4, 5, tzinfo=UTC),
            event=events[i % len(events)] if i < len(events) else None,
        )
        for i, note in enumerate(notes)
    ]


def essentials(marks: list[Bookmark]) -> list[tuple[object, ...]]:
    """Return what a bookmark file must give back exactly."""
    return [
        (m.event.id if m.event else m.event_id, m.note, m.created, m.updated,
         m.event.title if m.event else m.title, m.event.date.label() if m.event else m.date_label)
        for m in marks
    ]  # fmt: skip


@pytest.mark.parametrize("suffix", FORMATS)
def test_hostile_notes_go_out_and_come_back_exactly(
    library: Library, tmp_path: Path, suffix: str
) -> None:
    marks = marks_with_events(library, HOSTILE_NOTES)
    path = tmp_path / f"bookmarks{suffix}"
    export_bookmarks(marks, path)
    back = import_bookmarks(path)
    assert essentials(back) == essentials(marks)
    assert all(m.created.utcoffset() is not None for m in back)
    differences = sum(a != b for a, b in zip(essentials(back), essentials(marks), strict=True))
    longest = max(map(len, HOSTILE_NOTES))
    report(f"round-trip{suffix}", bookmarks=len(marks), longest_note=longest, differences=differences)


note_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=st.lists(note_text, min_size=1, max_size=8), suffix=st.sampled_from(FORMATS))
def test_any_note_comes_back_exactly_from_any_format(
    library: Library, tmp_path: Path, notes: list[str], suffix: str
) -> None:
    marks = marks_with_events(library, notes)
    path = tmp_path / f"any{suffix}"
    export_bookmarks(marks, path)
    assert essentials(import_bookmarks(path)) == essentials(marks)


def test_every_format_carries_what_a_researcher_cites(library: Library, tmp_path: Path) -> None:
    marks = marks_with_events(library, ["a note"] * 28)  # the 28th is no longer in the data
    event = marks[0].event
    assert event is not None
    for suffix in FORMATS:
        export_bookmarks(marks, tmp_path / f"b{suffix}")
    records = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["bookmarks"]
    first = records[0]
    assert first["id"] == event.id and first["title"] == event.title
    assert (first["start"], first["end"]) == (event.date.start.iso(), None)
    assert first["precision"] == event.date.precision.value
    assert first["not_before"] == event.date.not_before.isoformat()
    assert first["not_after"] == event.date.not_after.isoformat()
    assert first["date_label"] == event.date.label() and first["basis"] == event.date.basis.value
    assert first["categories"] == list(event.categories)
    assert first["source"] == {"publisher": event.source.publisher, "page": event.source.page,
                               "section": event.source.section,
                               "paragraph": event.source.paragraph}  # fmt: skip
    assert first["created"] == "2014-05-01T08:30:00+00:00" and records[1]["created"].endswith("+08:00")
    assert first["updated"] == "2015-01-02T03:04:05+00:00"
    assert records[27]["in_data"] is False and records[27]["source"] is None
    with (tmp_path / "b.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    wanted = {"id", "title", "start", "end", "precision", "not_before", "not_after", "date_label",
              "basis", "categories", "publisher", "page", "section", "paragraph", "note", "created",
              "updated"}  # fmt: skip
    assert wanted <= set(rows[0]) and rows[0]["publisher"] == event.source.publisher
    assert rows[0]["categories"] == "; ".join(event.categories)
    markdown = (tmp_path / "b.md").read_text(encoding="utf-8")
    shown = markdown.split("<!--")[0]
    assert f"## {event.title}" in shown and event.date.start.iso() in shown
    assert event.source.publisher in shown and "+08:00" in shown and "- Date basis: " in shown


def test_markdown_reads_cleanly(library: Library, tmp_path: Path) -> None:
    notes = ["It was big. Very big! (Really.) 3.5 times - no less.", "1999. A year.\n# Heading?"]
    export_bookmarks(marks_with_events(library, notes), tmp_path / "b.md")
    shown = (tmp_path / "b.md").read_text(encoding="utf-8").split("<!--")[0]
    assert "> It was big. Very big! (Really.) 3.5 times - no less." in shown
    assert "\\." not in shown.replace("> 1999\\. A year.", "") and "\\(" not in shown
    assert "> 1999\\. A year." in shown and "> \\# Heading?" in shown  # not a list, not a title


def test_csv_cells_that_would_run_as_formulas_are_quoted(library: Library, tmp_path: Path) -> None:
    marks = marks_with_events(library, ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "plain"])
    export_bookmarks(marks, tmp_path / "b.csv")
    with (tmp_path / "b.csv").open(encoding="utf-8-sig", newline="") as handle:
        notes = [row["note"] for row in csv.DictReader(handle)]
    assert notes == ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "plain"]


def test_an_export_over_an_old_one_on_a_full_disk_keeps_the_old_one(
    library: Library, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    marks = marks_with_events(library, ["n" * 4000] * 27)
    cli = [sys.executable, "-m", "museum_app", "--data-dir", str(data), "bookmark"]
    subprocess.run([*cli, "list"], check=True, capture_output=True)
    mine = Library(data, paths.shipped_data_dir())
    mine.import_bookmarks(marks[:1])
    target = tmp_path / "export.json"
    subprocess.run([*cli, "export", str(target)], check=True, capture_output=True)
    before = target.read_bytes()
    mine.import_bookmarks(marks)  # now too big for what is left of the disk
    mine.close()

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 20_000,) * 2)

    result = subprocess.run([*cli, "export", str(target)], capture_output=True, text=True,
                            preexec_fn=small_disk, check=False)  # fmt: skip
    assert result.returncode == 2 and str(target) in result.stderr, result.stderr
    assert target.read_bytes() == before and json.loads(before)["bookmarks"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []


def test_a_pipe_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        with pytest.raises(BookmarkFileError, match="is not a regular file"):
            import_bookmarks(path)


@pytest.mark.parametrize(
    "text", ["[" * 100_000 + "]" * 100_000, '{"bookmarks": [' + "9" * 5000 + "]}", "{"]
)
def test_json_no_parser_can_take_is_refused_in_one_line(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BookmarkFileError) as caught:
        import_bookmarks(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_version_one_files_still_import(tmp_path: Path) -> None:
    old = {"format": "museum-app-bookmarks", "format_version": 1, "bookmarks": [
        {"event_id": "e1", "title": "T", "date": "2014", "note": "n",
         "created": "2014-01-01T00:00:00", "updated": "2014-01-01T00:00:00+00:00"}]}  # fmt: skip
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    (mark,) = import_bookmarks(path)
    assert (mark.event_id, mark.date_label, mark.created.tzinfo) == ("e1", "2014", UTC)
