"""A missing, read-only or full data folder: the app opens, shows what it has, and says so."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from museum_app import paths
from museum_app.core.domain import Bookmark
from museum_app.store.database import StoreError
from museum_app.store.library import CATALOG_FILE, USER_FILE, Library
from museum_app.store.user import UserStore
from tests.helpers import event, pack, read_only, report, shipped_pack, write

WORKERS = Path(__file__).with_name("workers.py")


def snapshot(folder: Path) -> dict[str, str]:
    """Return every file in a folder (and its subfolders) with a hash of its bytes."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def with_bookmarks(folder: Path, count: int = 3) -> list[str]:
    """Open the data once, bookmark a few events with notes, close it; return their ids."""
    library = Library(folder, paths.shipped_data_dir())
    # Added in id order: bookmarks made within the same moment come back by id.
    chosen = sorted(library.catalog.events()[:count], key=lambda event: event.id)
    for item in chosen:
        library.add_bookmark(item, f"note on {item.id}")
    library.close()
    return [item.id for item in chosen]


def assert_refuses_every_write(library: Library) -> None:
    """Check that each way of changing bookmarks raises a plain StoreError and changes nothing."""
    before = library.bookmarks()
    first = library.catalog.events()[0]
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    attempts = [
        lambda: library.add_bookmark(library.catalog.events()[5], "new"),
        lambda: library.user.restore([Bookmark("x-1", "n", stamp, stamp, "X")]),
    ]
    if before:  # with no bookmark, removing one or changing its note has nothing to do
        attempts += [
            lambda: library.set_note(first.id, "changed"),
            lambda: library.remove_bookmark(first.id),
        ]
    for attempt in attempts:
        with pytest.raises(StoreError, match="Bookmarks cannot be saved"):
            attempt()
    assert library.bookmarks() == before


def test_a_folder_that_cannot_be_created_still_opens_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    library = Library(blocker / "data", paths.shipped_data_dir())
    assert library.catalog.count() == 27  # built elsewhere, for this session
    assert library.bookmarks() == [] and not library.can_save
    assert library.user_problem is not None
    assert "cannot be created" in library.user_problem and str(blocker / "data") in library.user_problem
    assert library.notices() == [library.user_problem]
    assert_refuses_every_write(library)
    library.close()
    assert blocker.read_text() == "a file where the data folder should be"


def test_a_read_only_folder_shows_the_bookmarks_and_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = with_bookmarks(data)
    before = snapshot(data)
    with read_only(data):
        library = Library(data, paths.shipped_data_dir())
        assert library.user_problem is not None and "read-only" in library.user_problem
        assert [m.event_id for m in library.bookmarks()] == ids
        assert all(m.event is not None for m in library.bookmarks())
        assert_refuses_every_write(library)
        with pytest.raises(StoreError, match="cannot be imported"):
            library.import_pack(write(tmp_path / "p.json", pack()))
        library.close()
    assert snapshot(data) == before


def test_a_read_only_folder_with_a_stale_catalog_builds_one_elsewhere(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = with_bookmarks(data)
    (data / CATALOG_FILE).unlink()
    before = snapshot(data)
    scratch_before = set(Path(tempfile.gettempdir()).glob("museum-app-catalog-*"))
    with read_only(data):
        library = Library(data, paths.shipped_data_dir())
        assert library.catalog.count() == 27
        assert [m.event_id for m in library.bookmarks()] == ids
        library.close()
    assert snapshot(data) == before
    assert set(Path(tempfile.gettempdir()).glob("museum-app-catalog-*")) == scratch_before


def test_no_folder_at_all_builds_the_catalog_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(blocker / "tmp"))  # no temporary folder either
    library = Library(blocker / "data", paths.shipped_data_dir())
    assert library.catalog.count() == 27 and library.catalog.ids(), "browsing works"
    assert not library.can_save
    library.close()


def test_the_last_writes_in_a_read_only_wal_are_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = with_bookmarks(data)
    writer = UserStore(data / USER_FILE)
    writer.db.query("PRAGMA wal_autocheckpoint = 0")
    writer.set_note(ids[0], "only in the -wal")
    # What a crash leaves: the file, its -wal and its -shm, copied while the writer is open.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in (CATALOG_FILE, USER_FILE, f"{USER_FILE}-wal", f"{USER_FILE}-shm"):
        shutil.copyfile(data / name, crashed / name)
    writer.close()
    with read_only(crashed, *crashed.iterdir()):
        library = Library(crashed, paths.shipped_data_dir())
        assert not library.can_save
        assert library.user.get(ids[0]).note == "only in the -wal"  # type: ignore[union-attr]
        library.close()


def test_a_read_only_user_file_is_shown_and_not_changed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = with_bookmarks(data)
    before = snapshot(data)
    with read_only(data / USER_FILE):
        library = Library(data, paths.shipped_data_dir())
        assert library.user_problem is not None and "read-only" in library.user_problem
        assert [m.event_id for m in library.bookmarks()] == ids
        assert_refuses_every_write(library)
        library.close()
    assert snapshot(data)[USER_FILE] == before[USER_FILE]


def can_mount_a_small_disk(folder: Path) -> bool:
    """Return whether a tiny file system can be mounted here (in a user namespace)."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$0"', str(folder)],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.parametrize("how", ["rlimit", "filler"])
def test_a_full_disk_refuses_writes_plainly_and_loses_nothing(tmp_path: Path, how: str) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    command = [sys.executable, str(WORKERS), "full-disk", str(disk / "data"), how]
    if how == "filler":
        # A 1 MB file system of its own, so that filling it fills nothing else.
        if not can_mount_a_small_disk(disk):
            pytest.skip("cannot mount a small file system here (no user namespaces)")
        mount = 'mount -t tmpfs -o size=1m tmpfs "$0" && exec "$@"'
        command = ["unshare", "-rm", "sh", "-c", mount, str(disk), *command]
    result = subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert lines[0][0] == "refused"  # the write mid-session was refused, not dropped
    assert ("the disk is full" if how == "filler" else "disk") in lines[0][1]
    kept = lines[1][1]
    assert len(kept) == 5
    assert lines[2][0] == "reopened" and "full" in lines[2][1] and lines[2][2] == kept
    assert lines[3][0] == "refused" and "Bookmarks cannot be saved" in lines[3][1]
    after, sound = lines[4][1], lines[4][2]
    assert set(kept) < set(after) and len(after) == 6 and sound
    report(f"full-disk-{how}", bookmarks_before=5, writes_refused=2, bookmarks_after=6, lost=0)


def test_an_import_into_a_good_folder_still_works_after_a_scratch_catalog(tmp_path: Path) -> None:
    data = tmp_path / "data"
    library = Library(data, paths.shipped_data_dir())
    library.import_pack(write(tmp_path / "p.json", pack(events=[event("2015-03-01-a", "2015-03-01")])))
    assert library.catalog.count() == 28
    library.close()


def test_a_user_file_from_a_newer_app_is_shown_but_never_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = with_bookmarks(data)
    store = UserStore(data / USER_FILE)
    with store.db.transaction() as conn:
        conn.execute("PRAGMA user_version = 7")  # as a later version of the app would leave it
    store.close()
    before = snapshot(data)[USER_FILE]
    library = Library(data, paths.shipped_data_dir())
    assert library.user_problem is not None and "newer than this app knows" in library.user_problem
    assert [m.event_id for m in library.bookmarks()] == ids
    assert_refuses_every_write(library)
    library.close()
    assert snapshot(data)[USER_FILE] == before


def test_an_imported_pack_that_now_breaks_the_rules_is_left_out_not_fatal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = with_bookmarks(data)
    folder = data / "packs"
    folder.mkdir()
    # Placed by an older version of the app, whose rules were looser (or edited by hand).
    broken = pack("a-pack", events=[event("2015-01-01-x", "2015-01-01")])
    broken["events"][0]["links"] = ["https://example.org/a b"]
    write(folder / "a-pack.json", broken)
    clash = pack("b-pack", events=[event("2014-01-06-didi-taxi-wechat", "2014-01-06")])
    write(folder / "b-pack.json", clash)
    shipped = shipped_pack()
    shipped["events"][0]["title"] = "\u202eA broken new version of the shipped pack"
    write(folder / "cim-2014-milestones.json", shipped)
    library = Library(data, paths.shipped_data_dir())
    assert library.catalog.count() == 27  # the shipped pack, in place of its broken version
    notices = library.notices()
    assert len(notices) == 3 and all(n.startswith("A data pack was left out: ") for n in notices)
    assert "a-pack.json: event 1 ('2015-01-01-x'), field 'links[0]'" in notices[0]
    assert "b-pack.json" in " ".join(notices) and "cim-2014-milestones.json" in " ".join(notices)
    assert [m.event_id for m in library.bookmarks() if m.event is not None] == ids
    library.close()
    before, inode = snapshot(data), (data / CATALOG_FILE).stat().st_ino
    again = Library(data, paths.shipped_data_dir())
    assert again.notices() == notices  # told again, without building the catalog again
    again.close()
    assert snapshot(data) == before and (data / CATALOG_FILE).stat().st_ino == inode
