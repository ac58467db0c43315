"""A large build shares its work with forked helpers, and gives the very catalog it gave alone."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from museum_app.store import helper
from museum_app.store.pack_cache import HAND_OVER, TAKE_OVER, _split
from tests.store.test_catalog_answers import EXPECTED

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
    # The reader for the import; a helper for the first build (the shipped data) and the import.
    assert found["forks"].count("reader") == 1 and found["forks"].count("helper") == 2
    assert found["answers"] == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert found["left"] == []  # the helpers' files are gone


def test_helpers_that_fail_cost_time_and_never_change_the_catalog(tmp_path: Path) -> None:
    found = run("failing", tmp_path)
    assert found["forks"].count("reader") == 1 and found["forks"].count("helper") == 2
    assert found["answers"] == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert found["left"] == []


def test_a_helper_still_at_work_is_ended_and_its_file_removed(tmp_path: Path) -> None:
    found = run("stopped", tmp_path)
    assert found["reaped"] and not found["exists"]
    assert found["seconds"] < 5  # ended at once, not waited for (it would sleep ten minutes)


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
