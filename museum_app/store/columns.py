"""The events in brief as whole columns, written once per build and read back in one go.

Start-up reads these blobs instead of a row per event: 100,000 events come back as a few
arrays and whole strings in tens of milliseconds, where fetching rows and making an object
of each took seconds.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Callable, Sequence
from typing import Any

from museum_app.core.domain import Category, Event, pick_language
from museum_app.core.table import PRECISIONS, EventTable, Texts

_DAYS, _NUMBERS = "d", "I"  # days as the timeline takes them; set numbers and text ends fit 32 bits
_MASK = "mask:"
TITLES_IN = "titles@"  # the titles in a language: "titles@zh_CN"


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
    ):
        kept = Texts.of(texts, _NUMBERS)
        columns[name], columns[name + ".ends"] = kept.text.encode(), kept.ends.tobytes()
    for category in categories:
        member = bytes(category.id in s for s in sets)
        columns[_MASK + category.id] = bytes(map(member.__getitem__, groups))
    conn.executemany("INSERT INTO columns (name, data) VALUES (?, ?)", columns.items())


def read_table(
    rows: Sequence[tuple[str, bytes]],
    locate: Callable[[str], int | None] | None = None,
    language: str | None = None,
) -> EventTable:
    """Make the event table from the columns' rows; ValueError if they do not fit together.

    locate, if given, finds an id's rank without a dictionary of every id (EventTable).
    language, if given, chooses the titles in that language (the main ones if none is there).
    """
    blobs = dict(rows)
    written = [name[len(TITLES_IN) :] for name in blobs if name.startswith(TITLES_IN)]
    chosen = pick_language(language, [name for name in written if not name.endswith(".ends")])
    titles = "titles" if chosen is None else TITLES_IN + chosen
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
        _texts(blobs, "date_labels"),
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
