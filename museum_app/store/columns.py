"""The events in brief as whole columns, written once per build and read back in one go.

Start-up reads these blobs instead of a row per event: 100,000 events come back as a few
arrays and whole strings in tens of milliseconds, where fetching rows and making an object
of each took seconds.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Callable, Collection, Sequence
from typing import Any

from museum_app.core.date_words import date_words
from museum_app.core.domain import BASE_LANGUAGE, LANGUAGES, Category, Event, pick_language
from museum_app.core.table import PRECISIONS, EventTable, Texts

_DAYS, _NUMBERS = "d", "I"  # days as the timeline takes them; set numbers and text ends fit 32 bits
_MASK = "mask:"
TITLES_IN = "titles@"  # the titles in a language: "titles@zh_CN"
DATE_LABELS_IN = "date_labels@"  # the dates written in a language: "date_labels@zh_CN"
IN_LANGUAGE = {TITLES_IN: "titles", DATE_LABELS_IN: "date_labels"}  # and their main columns


def write_columns(
    conn: sqlite3.Connection, events: Sequence[Event], categories: Sequence[Category]
) -> None:
    """Write the columns of events given in rank order, inside the caller's transaction.

    The events table must hold them already: their date labels are read back from it, which
    costs a tenth of writing each one again.
    """
    conn.execute("CREATE TABLE columns (name TEXT PRIMARY KEY, data BLOB NOT NULL)")
    sets: dict[tuple[str, ...], int] = {}
    groups = array(_NUMBERS, [sets.setdefault(e.categories, len(sets)) for e in events])
    precision_code = {p: code for code, p in enumerate(PRECISIONS)}
    dates = [e.date for e in events]
    columns: dict[str, bytes] = {
        "starts": array(_DAYS, [d.not_before.toordinal() for d in dates]).tobytes(),
        "ends": array(_DAYS, [d.not_after.toordinal() + 1 for d in dates]).tobytes(),
        "precision": bytes(precision_code[d.precision] for d in dates),
        "is_range": bytes(d.end is not None for d in dates),
        "groups": groups.tobytes(),
        "category_sets": json.dumps(list(sets)).encode(),
    }
    languages = sorted({language for e in events for language, _ in e.translations})
    for name, texts in (
        ("ids", [e.id for e in events]),
        ("titles", [e.title for e in events]),
        # The titles in each other language, the main title where an event has none in it.
        *((f"{TITLES_IN}{lang}", [e.title_in(lang) for e in events]) for lang in languages),
        (
            "date_labels",
            [row[0] for row in conn.execute("SELECT date_label FROM events ORDER BY rank")],
        ),
        # The dates in every other language the app speaks, whether or not a pack does.
        *((f"{DATE_LABELS_IN}{lang}", _date_labels(events, lang)) for lang in _OTHER_LANGUAGES),
    ):
        kept = Texts.of(texts, _NUMBERS)
        columns[name], columns[name + ".ends"] = kept.text.encode(), kept.ends.tobytes()
    for category in categories:
        member = bytes(category.id in s for s in sets)
        columns[_MASK + category.id] = bytes(map(member.__getitem__, groups))
    conn.executemany("INSERT INTO columns (name, data) VALUES (?, ?)", columns.items())


_OTHER_LANGUAGES = tuple(language for language in LANGUAGES if language != BASE_LANGUAGE)


def _date_labels(events: Sequence[Event], language: str) -> list[str]:
    """Write each event's date in a language, each date object once (events share them)."""
    words = date_words(language)
    written: dict[int, str] = {}
    labels = []
    for event in events:
        label = written.get(id(event.date))
        if label is None:
            label = written[id(event.date)] = event.date.label(words)
        labels.append(label)
    return labels


def language_columns(language: str | None, names: Sequence[str]) -> list[str]:
    """Return which of the columns written in other languages (names) serve a language.

    For titles and date labels alike: the language's own, or one of the same primary
    language, each with its ".ends"; none for the main language.
    """
    chosen = []
    for prefix in IN_LANGUAGE:
        written = [n[len(prefix) :] for n in names if n.startswith(prefix) and not n.endswith(".ends")]
        found = pick_language(language, written)
        if found is not None:
            chosen += [f"{prefix}{found}", f"{prefix}{found}.ends"]
    return chosen


def read_table(
    rows: Sequence[tuple[str, bytes]],
    locate: Callable[[Collection[str]], dict[str, int]] | None = None,
    language: str | None = None,
) -> EventTable:
    """Make the event table from the columns' rows; ValueError if they do not fit together.

    locate, if given, finds ids' ranks without a dictionary of every id (EventTable).
    language, if given, chooses the titles and date labels in that language (the main ones
    where none is there).
    """
    blobs = dict(rows)
    chosen = language_columns(language, list(blobs))
    titles, date_labels = (
        next((name for name in chosen if name.startswith(prefix)), main)
        for prefix, main in IN_LANGUAGE.items()
    )
    ids = _texts(blobs, "ids")
    count = len(ids)
    starts, ends, groups = (
        _array(_DAYS, blobs["starts"]),
        _array(_DAYS, blobs["ends"]),
        _array(_NUMBERS, blobs["groups"]),
    )
    sets = [tuple(s) for s in json.loads(blobs["category_sets"])]
    masks = {name[len(_MASK) :]: blob for name, blob in blobs.items() if name.startswith(_MASK)}
    if any(len(mask) != count for mask in masks.values()):
        raise ValueError("a category mask does not cover every event")
    return EventTable(
        ids,
        _texts(blobs, titles),
        _texts(blobs, date_labels),
        starts,
        ends,
        blobs["precision"],
        blobs["is_range"],
        groups,
        sets,
        masks,
        locate,
    )


def _array(typecode: str, blob: bytes) -> array[Any]:
    """Read an array written by tobytes."""
    read = array(typecode)
    read.frombytes(blob)
    return read


def _texts(blobs: dict[str, bytes], name: str) -> Texts:
    """Read a text column: the texts one after another, and where each ends."""
    return Texts(blobs[name].decode(), _array(_NUMBERS, blobs[name + ".ends"]))
