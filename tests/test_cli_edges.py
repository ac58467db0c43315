"""The command line at its edges: odd folders, odd terminals, odd files, a reader that leaves."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from museum_app import paths
from museum_app.app import _size
from museum_app.core.domain import Bookmark
from museum_app.store.library import CATALOG_FILE, USER_FILE, Library
from museum_app.store.user import UserStore
from tests.helpers import event, pack, shipped_pack, write
from tests.test_cli import run

DIDI = "2014-01-06-didi-taxi-wechat"
# What a terminal acts on rather than shows: C0 and C1 controls, DEL, bidirectional controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def test_an_empty_data_dir_is_refused_not_taken_as_the_current_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "museum_app", "--data-dir", "", "list"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "--data-dir" in result.stderr and "empty" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_apps_own_data_folder_is_refused_as_a_data_dir(tmp_path: Path) -> None:
    shipped = paths.shipped_data_dir()
    before = sorted(p.name for p in shipped.rglob("*"))
    result = run("--data-dir", str(shipped), "bookmark", "add", DIDI, data=tmp_path)
    assert result.returncode == 2 and "the app's own data folder" in result.stderr
    assert sorted(p.name for p in shipped.rglob("*")) == before
    assert not (shipped / CATALOG_FILE).exists()


def test_a_data_dir_too_long_for_sqlite_says_so(tmp_path: Path) -> None:
    long_dir = tmp_path.joinpath(*(["d" * 60] * 9))
    assert len(str(long_dir)) > 495
    result = run("--data-dir", str(long_dir), "bookmark", "add", DIDI, data=tmp_path)
    assert result.returncode == 2
    assert "too long for SQLite" in result.stderr and "shorter path" in result.stderr


def test_a_reader_that_stops_reading_ends_the_listing_quietly(data_dir: Path) -> None:
    assert run("list", data=data_dir).returncode == 0  # the catalog is built before the race
    process = subprocess.Popen(
        [sys.executable, "-m", "museum_app", "--data-dir", str(data_dir), "list"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `| head -0` does, before a line is written
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0 and err == ""


def test_a_file_name_the_terminal_cannot_encode_is_printed_escaped(data_dir: Path) -> None:
    target = os.fsencode(data_dir.parent) + b"/notes-\xff.md"
    env = {**os.environ, "MUSEUM_APP_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8:strict"}
    result = subprocess.run(
        [sys.executable, "-m", "museum_app", "bookmark", "export", target],
        capture_output=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert b"notes-\\udcff.md" in result.stdout and b"Traceback" not in result.stderr
    assert os.path.exists(target)


def test_no_command_prints_a_raw_control_character(data_dir: Path, tmp_path: Path) -> None:
    stamp = "2014-01-01T00:00:00+00:00"
    mark = {"event_id": DIDI, "title": "Fake title", "date": "2014", "created": stamp,
            "updated": stamp, "note": "clear \x1b[2J\x1b[3J screen \x9b2J \u202eevil \x00"}  # fmt: skip
    document = {"format": "museum-app-bookmarks", "format_version": 1, "bookmarks": [mark]}
    path = write(tmp_path / "hostile\x1b[2J.json", document)
    imported = run("bookmark", "import", str(path), data=data_dir)
    assert imported.returncode == 0 and not RAW_CONTROL.search(imported.stdout)
    listed = run("bookmark", "list", data=data_dir)
    assert listed.returncode == 0 and not RAW_CONTROL.search(listed.stdout + listed.stderr)
    # The event's own title is shown, not one a file brought in.
    assert "Didi Taxi joins WeChat" in listed.stdout and "Fake title" not in listed.stdout
    as_json = run("bookmark", "list", "--format", "json", data=data_dir)
    assert not RAW_CONTROL.search(as_json.stdout)
    assert json.loads(as_json.stdout)[0]["note"] == mark["note"]  # escaped, yet exact
    for suffix in (".md", ".json"):
        out = tmp_path / f"out{suffix}"
        assert run("bookmark", "export", str(out), data=data_dir).returncode == 0
        assert not RAW_CONTROL.search(out.read_text(encoding="utf-8"))
    for field, value in (("event_id", "x\x1b]0;pwned\x07"), ("title", "Red \x1b[31m"),
                         ("date", "\u2066 2014"), ("title", "two\nlines")):  # fmt: skip
        bad = write(tmp_path / f"bad-{field}.json", {**document, "bookmarks": [{**mark, field: value}]})
        refused = run("bookmark", "import", str(bad), data=data_dir)
        assert refused.returncode == 2 and "control character" in refused.stderr
        assert not RAW_CONTROL.search(refused.stderr)
    missing = run("bookmark", "import", str(tmp_path / "no\x1b]0;x\x07such.json"), data=data_dir)
    assert missing.returncode == 2 and not RAW_CONTROL.search(missing.stderr)


def test_a_damaged_user_file_moved_aside_is_told_on_the_command_line(data_dir: Path) -> None:
    assert run("bookmark", "add", DIDI, "--note", "kept", data=data_dir).returncode == 0
    user = data_dir / USER_FILE
    with user.open("r+b") as file:
        file.write(bytes(100))  # the header, zeroed
    result = run("bookmark", "list", data=data_dir)
    assert result.returncode == 0
    moved = [p for p in data_dir.iterdir() if p.name.startswith(f"{USER_FILE}.corrupt-")]
    assert moved and "was damaged" in result.stderr and str(moved[0]) in result.stderr


def test_adding_a_note_to_an_existing_bookmark_keeps_both_and_says_so(data_dir: Path) -> None:
    assert run("bookmark", "add", DIDI, "--note", "not good", data=data_dir).returncode == 0
    again = run("bookmark", "add", DIDI, "--note", "good", data=data_dir)
    assert again.returncode == 0 and "note was added" in again.stdout
    listed = json.loads(run("bookmark", "list", "--format", "json", data=data_dir).stdout)
    assert listed[0]["note"] == "not good\n\ngood"
    same = run("bookmark", "add", DIDI, "--note", "good", data=data_dir)
    assert "already in its note" in same.stdout


def test_a_pack_with_the_shipped_packs_id_says_it_replaces_it(data_dir: Path, tmp_path: Path) -> None:
    document = shipped_pack()
    document["events"] = document["events"][:3]
    result = run("pack", "import", str(write(tmp_path / "mine.json", document)), data=data_dir)
    assert result.returncode == 0
    assert "in place of the pack of the same id that ships with the app" in result.stdout
    other = run("pack", "import", str(write(tmp_path / "p.json", pack())), data=data_dir)
    assert "in place of" not in other.stdout


def _cli(data: Path, *args: str) -> subprocess.Popen[str]:
    """Start the command line in its own process."""
    command = [sys.executable, "-m", "museum_app", "--data-dir", str(data), *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_imports_at_once_whose_ids_clash_never_both_succeed(data_dir: Path, tmp_path: Path) -> None:
    assert run("list", data=data_dir).returncode == 0
    rounds = 3
    for round_ in range(rounds):
        shared = event(f"2015-03-01-shared-{round_}", "2015-03-01")
        files = [
            write(
                tmp_path / f"{name}-{round_}.json",
                pack(
                    f"{name}-{round_}",
                    [
                        *(event(f"2015-02-{name}-{round_}-{i:05d}", "2015-02-01") for i in range(3000)),
                        shared,
                    ],
                ),
            )
            for name in ("alpha", "beta")
        ]
        runs = [_cli(data_dir, "pack", "import", str(f)) for f in files]
        outcomes = [(*p.communicate(timeout=300), p.returncode) for p in runs]
        assert sorted(code for _, _, code in outcomes) == [0, 2], outcomes
        assert any(shared["id"] in err for _, err, _ in outcomes)
        library = Library(data_dir, paths.shipped_data_dir())
        try:
            assert library.catalog.left_out() == []
            assert library.catalog.event(shared["id"]) is not None
        finally:
            library.close()


def test_a_bookmark_time_without_a_zone_is_read_as_utc(tmp_path: Path) -> None:
    store = UserStore(tmp_path / USER_FILE)
    naive = Bookmark("a", "", created=dt.datetime(2014, 1, 1, 8), updated=dt.datetime(2014, 1, 1, 8),
                     title="A")  # fmt: skip
    store.restore([naive])
    store.add("b", "B", "")
    marks = store.all()
    assert all(m.created.tzinfo is not None and m.updated.tzinfo is not None for m in marks)
    assert [m.event_id for m in sorted(marks, key=lambda m: m.created)] == ["a", "b"]
    store.close()


def test_screenshot_sizes_past_what_an_image_holds_are_refused_plainly(data_dir: Path) -> None:
    assert _size("1400x900") == (1400, 900)
    for text in ("100000x100000", "1000000x200", "16384x16384", "199x900", "axb"):
        assert _size(text) is None, text
    result = run("screenshot", str(data_dir.parent / "x.png"), "--size", "100000x100000",
                 data=data_dir)  # fmt: skip
    assert result.returncode == 2 and "16,777,216 pixels" in result.stderr


def test_a_read_only_shm_left_behind_is_made_writable_again(tmp_path: Path) -> None:
    path = tmp_path / USER_FILE
    UserStore(path).close()
    writer = UserStore(path)  # keeps the -shm in place, as another window would
    shm = Path(f"{path}-shm")
    shm.chmod(0o444)  # as SQLite leaves it after a look at a read-only user file
    store = UserStore(path)
    store.add("a", "A", "")
    assert shm.stat().st_mode & 0o200 and store.get("a") is not None
    writer.close()
    store.close()


def test_a_remembered_range_that_is_not_finite_is_forgotten(tmp_path: Path) -> None:
    from museum_app.ui.settings import WindowSettings

    ini = tmp_path / "settings.ini"
    for start, end in (("-inf", "1"), ("0", "inf"), ("nan", "5"), ("1e400", "1e401")):
        ini.write_text(f"[view]\nrange_start={start}\nrange_end={end}\n", encoding="utf-8")
        assert WindowSettings(ini).view_state().visible_range is None, (start, end)
    ini.write_text("[view]\nrange_start=1\nrange_end=2\n", encoding="utf-8")
    assert WindowSettings(ini).view_state().visible_range == (1.0, 2.0)


def test_ctrl_c_during_an_import_stops_it_with_one_line_and_changes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    days = [f"2015-01-{n % 28 + 1:02d}" for n in range(300)]
    big = write(tmp_path / "big.json", pack(events=[event(f"{d}-e{n}", d) for n, d in enumerate(days)]))
    run("list", data=data_dir)  # the shipped data's catalog, built once

    def files() -> list[str]:
        """The data folder's files but the import lock, which stays (empty) by design."""
        return sorted(p.name for p in data_dir.rglob("*") if p.is_file() and p.name != ".import.lock")

    before = files()
    # A real Ctrl+C (SIGINT), sent by the process to itself once the build writes events.
    script = (
        "import os, signal, sys\n"
        "from museum_app import cli\n"
        "from museum_app.store import catalog_schema\n"
        "write = catalog_schema.write_events\n"
        "def interrupted(*args):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    write(*args)\n"
        "catalog_schema.write_events = interrupted\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(data_dir), "pack", "import", str(big)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 130
    assert result.stderr == "museum-app: stopped; nothing was changed\n"  # no traceback
    assert files() == before  # no pack kept, no side file left
    library = Library(data_dir, paths.shipped_data_dir())
    try:
        assert library.catalog.count() == 27  # the catalog as it was
    finally:
        library.close()
