"""Open the user file whatever state it is in: sound, out of reach, read-only or damaged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from museum_app.core.domain import Bookmark
from museum_app.store import environment
from museum_app.store.database import StoreError
from museum_app.store.messages import Message, message_of
from museum_app.store.user import UserStore

# The title and date label of an event by its id, for a salvaged bookmark that lost its own.
Titles = Callable[[str], tuple[str, str] | None]


class Opened:
    """The user store, and where a damaged file went with how many bookmarks came back.

    A plain class with slots: a dataclass takes a millisecond to define, at every start.
    """

    __slots__ = ("moved_to", "recovered", "store")

    def __init__(self, store: UserStore, moved_to: Path | None = None, recovered: int = 0) -> None:
        self.store = store
        self.moved_to = moved_to
        self.recovered = recovered


def cannot_save(reason: str) -> str:
    """Say plainly that bookmarks cannot be saved, and why."""
    english = (
        "Bookmarks cannot be saved: {reason}. Your existing bookmarks are shown, "
        "but changes will not be kept."
    )
    return Message("CANNOT_SAVE", english, reason=reason)


def open_user(path: Path, unwritable: str | None, titles: Titles) -> Opened:
    """Open the user file; recover a damaged one; show one that cannot be written read-only."""
    reason = unwritable or environment.file_unwritable_reason(path)
    if reason is not None:
        return Opened(_read_only(path, reason, titles))
    if environment.damage(path) is None:
        try:
            return Opened(UserStore(path))
        except StoreError as error:
            if not error.is_corrupt:
                return Opened(_read_only(path, message_of(error), titles))
    if environment.held_elsewhere(path):
        # Moving it now would leave the other window writing to the moved file.
        why = Message(
            "HELD_ELSEWHERE",
            "the file {path} is damaged and another window of the app has it open",
            path=path,
        )
        return Opened(_salvaged(path, why, titles))
    try:
        moved = environment.move_aside(path)
    except OSError as error:
        why = Message(
            "NOT_MOVED", "the damaged file {path} cannot be moved ({error})", path=path, error=error
        )
        return Opened(_salvaged(path, why, titles))
    marks = _with_titles(_salvage(moved), titles)
    try:
        store = UserStore(path)
    except StoreError as error:
        return Opened(UserStore.in_memory(marks, cannot_save(message_of(error))), moved, len(marks))
    try:
        store.restore(marks)
    except StoreError as error:
        store.close()
        return Opened(UserStore.in_memory(marks, cannot_save(message_of(error))), moved, len(marks))
    return Opened(store, moved, len(marks))


def _read_only(path: Path, reason: str, titles: Titles) -> UserStore:
    """Show the bookmarks of a file that cannot be written (or none), refusing changes."""
    try:
        store = UserStore.read_only(path, cannot_save(reason))
        if store.db.integrity_ok():
            return store
        store.close()
    except (StoreError, OSError):
        pass  # Damaged as well: salvage what can be read.
    return _salvaged(path, reason, titles)


def _salvaged(path: Path, reason: str, titles: Titles) -> UserStore:
    """Show what can be read of a damaged file that cannot be replaced, refusing changes."""
    try:
        marks = _with_titles(_salvage(path), titles) if path.exists() else []
    except OSError:
        marks = []
    return UserStore.in_memory(marks, cannot_save(reason))


def _salvage(path: Path) -> list[Bookmark]:
    """Read what can be read of a damaged file (the salvage code is loaded only for one)."""
    from museum_app.store.salvage import salvage_bookmarks

    return salvage_bookmarks(path)


def _with_titles(marks: list[Bookmark], titles: Titles) -> list[Bookmark]:
    """Give a salvaged bookmark whose title was lost its event's title (or else its id)."""
    result = []
    for mark in marks:
        if not mark.title:
            found = titles(mark.event_id)
            title, label = found if found else (mark.event_id, mark.date_label)
            mark = replace(mark, title=title, date_label=label)
        result.append(mark)
    return result
