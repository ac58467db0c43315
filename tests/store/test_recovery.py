"""A damaged user file is moved aside, never deleted, and what can be read is recovered."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from museum_app import paths
from museum_app.core.domain import Bookmark
from museum_app.core.query import EventFilter
from museum_app.store.catalog import Catalog
from museum_app.store.database import StoreError
from museum_app.store.library import CATALOG_FILE, USER_FILE, Library
from museum_app.store.salvage import salvage_bookmarks
from museum_app.store.user import UserStore
from tests.helpers import read_only, report

MARKS = 300
PAGE = 4096


def fill(path: Path, count: int = MARKS) -> dict[str, Bookmark]:
    """Write bookmarks with notes of every length (some spill onto overflow pages)."""
    store = UserStore(path)
    stamp = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    marks = [
        Bookmark(
            f"event-{n:04d}",
            f"note {n} " + "词" * (n * 37 % 6000 if n % 10 == 0 else n % 50),
            stamp + dt.timedelta(minutes=n),
            stamp + dt.timedelta(minutes=n, seconds=30),
            f"Title {n}",
            f"{n % 28 + 1} March 2014",
        )
        for n in range(count)
    ]
    store.restore(marks)
    store.close()
    return {m.event_id: m for m in marks}


def digest(path: Path) -> str:
    """Return a file's content hash."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_page(path: Path, number: int) -> None:
    """Overwrite one page (numbered from 1) with bytes SQLite cannot make sense of."""
    with path.open("r+b") as file:
        file.seek((number - 1) * PAGE)
        file.write(bytes((n * 151 + 7) % 256 for n in range(PAGE)))


def exact(found: list[Bookmark], original: dict[str, Bookmark]) -> int:
    """Count the recovered bookmarks that are exactly as they were saved; assert none is wrong."""
    same = 0
    for mark in found:
        assert mark.event_id in original
        same += mark == original[mark.event_id]
    return same


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """Return a data folder whose catalog is built and whose user file holds MARKS bookmarks."""
    folder = tmp_path / "data"
    Library(folder, paths.shipped_data_dir()).close()
    return folder


def open_recovering(folder: Path) -> tuple[Library, Path, list[Bookmark]]:
    """Open the library on a damaged user file; return it, where the file went, and what came back."""
    library = Library(folder, paths.shipped_data_dir())
    assert library.recovered_from is not None
    assert library.can_save and library.user_problem is None
    assert str(library.recovered_from) in " ".join(library.notices())
    assert library.user.db.integrity_ok()
    return library, library.recovered_from, library.user.all()


def test_garbage_is_moved_aside_byte_for_byte_and_a_fresh_file_works(data: Path) -> None:
    user = data / USER_FILE
    user.write_bytes(os.urandom(64 * 1024))
    before = digest(user)
    library, moved, found = open_recovering(data)
    assert moved.name.startswith(f"{USER_FILE}.corrupt-") and moved.parent == data
    assert digest(moved) == before  # kept exactly as it was, never deleted
    assert found == [] and library.recovered_count == 0
    event = library.catalog.events()[0]
    library.add_bookmark(event, "a new start")
    library.close()
    again = Library(data, paths.shipped_data_dir())
    assert again.recovered_from is None and [m.note for m in again.bookmarks()] == ["a new start"]
    again.close()
    assert digest(moved) == before


@pytest.mark.parametrize("kind", ["header", "truncated", "table-page", "every-other-page"])
def test_a_damaged_user_file_gives_back_what_can_be_read(data: Path, kind: str) -> None:
    user = data / USER_FILE
    original = fill(user)
    pages = user.stat().st_size // PAGE
    if kind == "header":
        with user.open("r+b") as file:
            file.write(b"\0" * 100)  # SQLite no longer knows it as a database at all
    elif kind == "truncated":
        os.truncate(user, pages * PAGE * 6 // 10)
    elif kind == "table-page":
        damage_page(user, pages // 2)
    else:
        for number in range(3, pages, 2):
            damage_page(user, number)
    library, moved, found = open_recovering(data)
    library.close()
    same = exact(found, original)
    report(f"salvage-{kind}", bookmarks=MARKS, recovered=len(found), exact=same)
    if kind == "header":
        assert same == MARKS  # every page is whole: the raw page reader gets every row back
    if kind == "table-page":
        # One page lost: the index still names its bookmarks, so no bookmark is missing.
        assert {m.event_id for m in found} == set(original)
        assert same >= MARKS - 40
    assert same > 0
    assert moved.exists()


def test_bookmarks_still_in_the_wal_are_recovered_with_it(tmp_path: Path, data: Path) -> None:
    user = data / USER_FILE
    original = fill(user, 20)
    writer = UserStore(user)
    writer.db.query("PRAGMA wal_autocheckpoint = 0")
    writer.set_note("event-0003", "changed after the last checkpoint")
    # A copy taken while the writer is open is what a crash leaves: the change is in the -wal.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for end in ("", "-wal"):
        shutil.copyfile(f"{user}{end}", crashed / f"{USER_FILE}{end}")
    writer.close()
    shutil.copyfile(data / CATALOG_FILE, crashed / CATALOG_FILE)
    with (crashed / USER_FILE).open("r+b") as file:
        file.write(b"\0" * 100)
    library, moved, found = open_recovering(crashed)
    library.close()
    assert Path(f"{moved}-wal").exists()  # moved along with the file it belongs to
    notes = {m.event_id: m.note for m in found}
    assert notes["event-0003"] == "changed after the last checkpoint"
    assert len(found) == 20 and exact([m for m in found if m.event_id != "event-0003"], original) == 19


def test_a_damaged_file_another_window_holds_is_left_in_place(data: Path) -> None:
    user = data / USER_FILE
    fill(user, 50)
    damage_page(user, user.stat().st_size // PAGE - 1)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('PRAGMA user_version').fetchone(); print('open', flush=True); sys.stdin.read()",
         str(user)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"open\n"
        library = Library(data, paths.shipped_data_dir())
        assert library.recovered_from is None
        assert library.user_problem is not None and "another window" in library.user_problem
        assert len(library.bookmarks()) > 0  # what could be read is shown
        with pytest.raises(StoreError, match="cannot be saved"):
            library.add_bookmark(library.catalog.events()[0])
        library.close()
    finally:
        holder.communicate(b"", timeout=30)
    assert not list(data.glob(f"{USER_FILE}.corrupt-*"))


def test_salvage_reads_ids_from_the_index_when_a_table_page_is_lost(tmp_path: Path) -> None:
    user = tmp_path / USER_FILE
    original = fill(user, 120)
    pages = user.stat().st_size // PAGE
    lost: set[str] = set()
    for number in range(2, pages + 1):  # find a leaf page of the table, and damage only it
        copy = tmp_path / f"copy-{number}"
        shutil.copyfile(user, copy)
        damage_page(copy, number)
        found = salvage_bookmarks(copy)
        assert {m.event_id for m in found} == set(original), f"page {number}"
        lost |= {m.event_id for m in found if m != original[m.event_id]}
    assert lost  # some page held whole rows, and those rows came back by id alone
    report("salvage-each-page", pages=pages - 1, bookmarks=120, ids_lost=0)


def test_a_damaged_catalog_is_rebuilt_and_the_user_file_is_untouched(data: Path) -> None:
    fill(data / USER_FILE, 40)
    before = digest(data / USER_FILE)
    catalog = data / CATALOG_FILE
    for damage in ("garbage", "truncated", "page"):
        if damage == "garbage":
            catalog.write_bytes(b"\x00not sqlite" * 999)
        elif damage == "truncated":
            os.truncate(catalog, catalog.stat().st_size // 2)
        else:
            damage_page(catalog, 1)
        library = Library(data, paths.shipped_data_dir())
        assert library.catalog.count() == 27 and len(library.bookmarks()) == 40
        library.close()
        assert Catalog(catalog).count() == 27
    assert digest(data / USER_FILE) == before


def everything(library: Library) -> tuple[object, ...]:
    """Run every kind of catalog query and return all that they answer."""
    catalog = library.catalog
    first = catalog.ids()[3]
    return (
        catalog.events(),
        catalog.summaries(),
        catalog.categories(),
        catalog.ids(EventFilter(search="wechat")),
        catalog.category_counts(),
        catalog.related(first),
        catalog.neighbours(first),
        catalog.in_window(dt.date(2014, 3, 1), dt.date(2014, 9, 1)),
        catalog.resolve(first),
    )


def test_a_catalog_page_damaged_while_browsing_is_mended_out_of_sight(data: Path) -> None:
    fill(data / USER_FILE, 10)
    pristine = Library(data, paths.shipped_data_dir())
    expected = everything(pristine)
    pristine.close()
    catalog, saved = data / CATALOG_FILE, (data / CATALOG_FILE).read_bytes()
    mended = 0
    for number in range(2, len(saved) // PAGE + 1):
        catalog.write_bytes(saved)
        damage_page(catalog, number)
        library = Library(data, paths.shipped_data_dir())
        assert everything(library) == expected, f"page {number}"
        mended += catalog.read_bytes() == saved
        assert len(library.bookmarks()) == 10
        library.close()
    report("catalog-each-page", pages=len(saved) // PAGE - 1, mended=mended, wrong_answers=0)


@pytest.mark.parametrize("kind", ["garbage", "header"])
def test_a_damaged_file_in_a_read_only_folder_is_read_where_it_lies(data: Path, kind: str) -> None:
    user = data / USER_FILE
    original = fill(user, 30)
    with user.open("r+b") as file:
        file.write(os.urandom(user.stat().st_size) if kind == "garbage" else b"\0" * 100)
    before = digest(user)
    with read_only(data, user):
        library = Library(data, paths.shipped_data_dir())
        assert library.recovered_from is None and not library.can_save
        found = library.user.all()
        assert exact(found, original) == (0 if kind == "garbage" else 30)
        library.close()
    assert digest(user) == before and sorted(p.name for p in data.iterdir()) == [
        CATALOG_FILE,
        USER_FILE,
    ]
