"""Several processes writing bookmarks to one user file at once: every write lands, none fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from museum_app import paths
from museum_app.store.library import CATALOG_FILE, Library
from tests.helpers import event, pack, report, write

WORKERS = Path(__file__).with_name("workers.py")
# Each writer's count in the suite; MUSEUM_APP_CONCURRENT_WRITES=2000 runs the long version.
WRITES = int(os.environ.get("MUSEUM_APP_CONCURRENT_WRITES", "200"))
WRITERS = (("window-1", "library"), ("window-2", "library"), ("command-line", "store"))


def start(data: Path, name: str, via: str, go: Path, log: Path) -> subprocess.Popen[bytes]:
    """Start a writer that waits for the go file, so that all of them begin together."""
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, str(WORKERS), "concurrent", str(data), name, str(WRITES), via, str(go)],
            stdout=out,
            stderr=subprocess.PIPE,
        )


def test_three_processes_write_at_once_and_every_write_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"  # a fresh folder: the catalog build and the user file race too
    go = tmp_path / "go"
    logs = {name: tmp_path / f"{name}.log" for name, _ in WRITERS}
    children = {name: start(data, name, via, go, logs[name]) for name, via in WRITERS}
    deadline = time.monotonic() + 120
    while not all("ready" in log.read_text() for log in logs.values()):
        for name, child in children.items():
            if child.poll() is not None:  # it died before it could start: say why
                raise AssertionError(f"{name}: {child.communicate()[1].decode()}")
        assert time.monotonic() < deadline
        time.sleep(0.01)
    go.touch()  # every writer has its files open: they all start writing together
    for name, child in children.items():
        # Generous: a hung writer fails here instead of hanging the suite.
        _, errors = child.communicate(timeout=120)
        assert child.returncode == 0, f"{name}: {errors.decode()}"
        assert errors == b"", f"{name}: {errors.decode()}"
    lines = {name: [json.loads(x) for x in logs[name].read_text().splitlines()] for name in logs}
    library = Library(data, paths.shipped_data_dir())
    notes = {m.event_id: m.note for m in library.user.all()}
    assert library.user.db.integrity_ok()
    library.close()
    written = 0
    for name, rows in lines.items():
        writes = [row for row in rows if row[0] in ("shared", "own")]
        assert len(writes) == WRITES, name
        written += len(writes)
        for kind, event_id, tag in writes:
            if kind == "shared":
                # A note added to a shared bookmark is merged with the others': none is lost.
                assert tag in notes[event_id], f"{name} wrote {tag} on {event_id}"
        for event_id in {row[1] for row in writes if row[0] == "own"}:
            # A note replaced by its own writer is the last one it wrote.
            assert notes[event_id] == [row[2] for row in writes if row[1] == event_id][-1]
    slowest = max(row[1] for rows in lines.values() for row in rows if row[0] == "slowest")
    spans = [row[1:] for rows in lines.values() for row in rows if row[0] == "span"]
    overlap = min(end for _, end in spans) - max(began for began, _ in spans)
    assert overlap > 0  # the writers did write at the same time
    report(
        "concurrency",
        processes=len(WRITERS),
        writes=written,
        failed=0,
        lost=0,
        slowest_write_seconds=round(slowest, 3),
        overlap_seconds=round(overlap, 3),
    )


def test_a_rebuild_never_disturbs_a_process_reading_the_old_catalog(tmp_path: Path) -> None:
    data = tmp_path / "data"
    reader = Library(data, paths.shipped_data_dir())
    writer = Library(data, paths.shipped_data_dir())
    before = reader.catalog.events()
    writer.import_pack(
        write(tmp_path / "more.json", pack(events=[event("2015-03-01-new", "2015-03-01")]))
    )
    # The reader still has the catalog it opened, whole, until it opens the new one.
    assert reader.catalog.events() == before
    assert reader.catalog.count() == 27 and writer.catalog.count() == 28
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(CATALOG_FILE)) == [CATALOG_FILE]
    reader.close()
    writer.close()
    assert Library(data, paths.shipped_data_dir()).catalog.count() == 28


def test_a_stale_wal_beside_the_catalog_is_never_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Library(data, paths.shipped_data_dir()).close()
    # What an older version left behind, or another file's -wal: it must not be replayed.
    Path(f"{data / CATALOG_FILE}-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\xff" * 5000)
    library = Library(data, paths.shipped_data_dir())
    assert library.catalog.count() == 27
    library.close()


def test_processes_building_the_catalog_at_once_all_open_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code = (
        "import sys; from pathlib import Path; from museum_app import paths; "
        "from museum_app.store.library import Library; "
        "lib = Library(Path(sys.argv[1]), paths.shipped_data_dir()); print(lib.catalog.count())"
    )
    for _ in range(3):
        (data / CATALOG_FILE).unlink(missing_ok=True)
        children = [
            subprocess.Popen([sys.executable, "-c", code, str(data)], stdout=subprocess.PIPE)
            for _ in range(4)
        ]
        outputs = [child.communicate(timeout=120)[0] for child in children]
        assert all(child.returncode == 0 for child in children)
        assert outputs == [b"27\n"] * 4
    assert not list(data.glob("*.building"))


def test_processes_creating_the_user_file_at_once_all_open_it(tmp_path: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path; from museum_app.store.user import UserStore\n"
        "go = Path(sys.argv[2])\n"
        "while not go.exists(): time.sleep(0.0005)\n"
        "store = UserStore(Path(sys.argv[1])); store.add(sys.argv[3], 'T', ''); store.close()"
    )
    for round_ in range(3):
        path, go = tmp_path / f"user-{round_}.sqlite3", tmp_path / f"go-{round_}"
        children = [
            subprocess.Popen(
                [sys.executable, "-c", code, str(path), str(go), f"e-{n}"], stderr=subprocess.PIPE
            )
            for n in range(6)
        ]
        time.sleep(0.3)
        go.touch()  # all six create and migrate the same new file at the same moment
        errors = [child.communicate(timeout=120)[1] for child in children]
        assert [child.returncode for child in children] == [0] * 6, errors
        library_ids = {row for row in _ids(path)}
        assert library_ids == {f"e-{n}" for n in range(6)}


def _ids(path: Path) -> set[str]:
    """Return the bookmarked ids in a user file."""
    from museum_app.store.user import UserStore

    store = UserStore(path)
    try:
        return set(store.event_ids())
    finally:
        store.close()


def test_a_build_sweeps_only_the_side_files_of_builds_that_died(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Library(data, paths.shipped_data_dir()).close()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = data / f"{CATALOG_FILE}.{dead.pid}-0000.building"
    running = data / f"{CATALOG_FILE}.{os.getpid()}-ffff.building"  # a build still under way
    for side in (left, running):
        side.write_bytes(b"half a catalog")
    (data / CATALOG_FILE).unlink()
    Library(data, paths.shipped_data_dir()).close()
    assert not left.exists() and running.exists()
