"""A note saved over the one it started from: never over a newer one, never into nothing."""

from __future__ import annotations

from pathlib import Path

from museum_app.store.user import NoteSaved, UserStore


def two_stores(tmp_path: Path) -> tuple[UserStore, UserStore]:
    """Open the same user file twice, as a window and a command line do."""
    path = tmp_path / "user.sqlite3"
    return UserStore(path), UserStore(path)


def test_a_note_saved_over_its_own_base_replaces_it(tmp_path: Path) -> None:
    window, _ = two_stores(tmp_path)
    window.add("e1", "Title", "2014", "first")
    assert window.save_note("e1", "first, then more", "first", "Title", "2014") == (
        NoteSaved.SAVED, "first, then more")  # fmt: skip


def test_a_note_changed_elsewhere_is_kept_beside_the_typed_one(tmp_path: Path) -> None:
    window, terminal = two_stores(tmp_path)
    window.add("e1", "Title", "2014", "first")
    terminal.set_note("e1", "from a terminal")
    outcome, kept = window.save_note("e1", "first and more", "first", "Title", "2014")
    assert outcome is NoteSaved.MERGED
    assert kept == "first and more\n\nfrom a terminal"
    assert terminal.get("e1").note == kept  # type: ignore[union-attr]


def test_a_note_for_a_bookmark_removed_elsewhere_brings_it_back(tmp_path: Path) -> None:
    window, terminal = two_stores(tmp_path)
    window.add("e1", "Title", "2014", "first")
    terminal.remove("e1")
    assert window.save_note("e1", "still wanted", "first", "Title", "2014") == (
        NoteSaved.RESTORED, "still wanted")  # fmt: skip
    mark = terminal.get("e1")
    assert mark is not None and (mark.note, mark.title) == ("still wanted", "Title")


def test_the_change_counter_moves_only_for_writes_from_elsewhere(tmp_path: Path) -> None:
    window, terminal = two_stores(tmp_path)
    before = window.data_version()
    window.add("e1", "Title", "2014")
    assert window.data_version() == before
    terminal.set_note("e1", "x")
    assert window.data_version() != before
