"""A large build shares its work with helpers, and gives the very catalog it gave alone."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from museum_app.formats.packs import load_categories, load_pack
from museum_app.store import helper, search_writer
from museum_app.store.builder import SEARCH_TABLES
from museum_app.store.pack_cache import HAND_OVER, TAKE_OVER, _split
from museum_app.store.search_writer import SearchWriter
from tests.store.test_catalog_answers import EXPECTED, PACK, SHIPPED, imported

ROOT = Path(__file__).parents[2]


def run(kind: str, folder: Path) -> dict[str, Any]:
    """Run a case of forked_builds.py in a process of its own (one thread: it may fork)."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.store.forked_builds", kind, str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return found


def test_a_build_with_helpers_answers_as_one_without(tmp_path: Path) -> None:
    found = run("helped", tmp_path)
    # The reader for the import; a writer for the first build (the shipped data) and the import.
    assert found["helpers"] == ["writer", "reader", "writer"]
    assert found["answers"] == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert found["left"] == []  # the helpers' files are gone


def test_helpers_that_fail_cost_time_and_never_change_the_catalog(tmp_path: Path) -> None:
    found = run("failing", tmp_path)
    assert found["helpers"] == ["writer", "reader", "writer"]
    assert found["answers"] == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert found["left"] == []


def _import_with_writers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Import the answers' pack in this process, each build helped by a search writer."""
    started: list[Path] = []
    start = SearchWriter.start

    def counted(path: Path) -> SearchWriter | None:
        started.append(path)
        return start(path)

    monkeypatch.setattr(search_writer, "HELPED_FROM_EVENTS", 0)
    monkeypatch.setattr(SearchWriter, "start", counted)
    # This process runs other threads (it may not fork), as the window's does.
    assert imported(tmp_path) == json.loads(EXPECTED.read_text(encoding="utf-8"))
    return started


def test_a_process_with_threads_has_its_indexes_written_by_a_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _import_with_writers(tmp_path, monkeypatch)
    assert len(started) == 2 and not any(path.exists() for path in started)


def _writer_running(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: str) -> SearchWriter:
    """Start a search writer that runs code in place of the real one."""
    monkeypatch.setattr(search_writer, "_command", lambda path, texts: [sys.executable, "-c", code])
    writer = SearchWriter.start(tmp_path / "side.sqlite3")
    assert writer is not None
    return writer


def test_a_writer_still_at_work_is_ended_and_its_file_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = _writer_running(monkeypatch, tmp_path, "import time; time.sleep(600)")
    writer.path.write_bytes(b"begun")
    process = writer._process
    began = time.monotonic()
    writer.close()
    assert process is not None and process.poll() is not None  # ended and reaped
    assert time.monotonic() - began < 5  # at once, not waited for (it would sleep ten minutes)
    assert not writer.path.exists()


def test_a_writer_that_failed_is_let_go_and_its_file_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = _writer_running(monkeypatch, tmp_path, "import sys; sys.exit(1)")
    writer.path.write_bytes(b"begun")
    writer.send(load_pack(PACK, load_categories(SHIPPED / "categories.json")).events)
    conn = sqlite3.connect(":memory:")
    assert not writer.copy_into(conn, SEARCH_TABLES)  # the build then writes them itself
    conn.close()
    writer.close()
    assert list(tmp_path.iterdir()) == []


def test_without_files_in_memory_the_texts_go_through_a_file_no_one_else_sees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "memfd_create")
    assert len(_import_with_writers(tmp_path, monkeypatch)) == 2
    assert [p.name for p in (tmp_path / "data").iterdir() if "building" in p.name] == []


def test_a_writer_whose_build_ended_stops_waiting_for_texts(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.write_bytes(b"")  # begun, and never written: its build was killed
    # A process of its own whose parent (standing for the build) ends at once.
    code = (
        "import os, sys\n"
        "build, texts = os.getpid(), os.open(sys.argv[3], os.O_RDONLY)\n"
        "if os.fork():\n    os._exit(0)\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from museum_app.store import search_writer\n"
        "try:\n    search_writer.main([sys.argv[2], str(texts), str(build)])\n"
        "except EOFError:\n    open(sys.argv[2] + '.ended', 'w').close()\n"
    )
    root = str(Path(__file__).resolve().parents[2])
    side = tmp_path / "side.sqlite3"
    subprocess.run([sys.executable, "-c", code, root, str(side), str(texts)], check=True, timeout=60)
    ended = Path(str(side) + ".ended")
    deadline = time.monotonic() + 30
    while not ended.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ended.exists()


def test_no_helper_is_forked_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not helper.may_fork()
        assert helper.fork(lambda: None) is None
    finally:
        release.set()
        other.join()


def test_the_reader_takes_the_last_packs_so_that_both_end_together() -> None:
    def ends(sizes: list[int], count: int) -> float:
        taken = sum(sizes[len(sizes) - count :])
        return max(sum(sizes) - taken + TAKE_OVER * taken, (1 + HAND_OVER + TAKE_OVER) * taken)

    for sizes in ([100] * 10, [100, 100], [300, 100, 100, 100], [5, 100, 100], [100] * 3):
        count = _split(sizes)
        assert 0 < count < len(sizes)  # the first, the pack being imported, is parsed here
        assert ends(sizes, count) == min(ends(sizes, n) for n in range(len(sizes)))
        assert ends(sizes, count) < sum(sizes)  # sooner than parsing them all here
    assert _split([100]) == 0  # nothing to share
    assert _split([100, 1]) == 1  # (READ_AHEAD_FROM_BYTES then says whether it is worth a fork)
