"""The catalog and the user file on real SQLite files in a temporary directory."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from museum_app import paths
from museum_app.core.query import EventFilter
from museum_app.formats.checks import PackError
from museum_app.store.catalog import Catalog
from museum_app.store.library import CATALOG_FILE, USER_FILE, Library
from tests.helpers import event, pack, shipped_pack, write


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library(tmp_path / "data", paths.shipped_data_dir())
    yield opened
    opened.close()


def test_events_come_in_one_date_order(library: Library) -> None:
    events = library.catalog.events()
    assert len(events) == 27
    keys = [e.sort_key() for e in events]
    assert keys == sorted(keys)
    assert [s.id for s in library.catalog.summaries()] == [e.id for e in events]
    assert library.catalog.ids() == [e.id for e in events]


def test_search_finds_words_in_titles_descriptions_and_entities(library: Library) -> None:
    found = {e.id for e in library.catalog.events(EventFilter(search="wechat"))}
    assert found == {"2014-01-06-didi-taxi-wechat", "2014-01-27-wechat-red-envelope"}
    assert library.catalog.ids(EventFilter(search="MIIT")) != []
    assert library.catalog.ids(EventFilter(search='"unbalanced AND (')) == []
    assert library.catalog.ids(EventFilter(search="wuzh")) == ["2014-11-19-world-internet-conference"]


def test_categories_filter_and_counts_follow_the_search(library: Library) -> None:
    content = library.catalog.events(EventFilter(categories=frozenset({"content"})))
    assert content and all("content" in e.categories for e in content)
    assert library.catalog.ids(EventFilter(categories=frozenset())) == []
    counts = library.catalog.category_counts(EventFilter(search="wechat"))
    assert counts["mobile"] == 2 and counts["governance"] == 0


def test_time_window_neighbours_and_related(library: Library) -> None:
    november = library.catalog.in_window(dt.date(2014, 11, 20), dt.date(2014, 11, 20))
    ids = {e.id for e in november}
    assert "2014-11-19-world-internet-conference" in ids
    assert "2014-online-games-370-million-players" not in ids  # bounded to 21 Nov onwards
    assert "2014-cloud-computing-security-standards" in ids  # may lie up to 24 November
    assert "2014-ice-bucket-challenge" not in ids  # bounded to 19 November at the latest
    mobile = EventFilter(categories=frozenset({"mobile"}))
    order = library.catalog.ids(mobile)
    previous, following = library.catalog.neighbours(order[1], mobile)
    assert (previous, following) == (order[0], order[2])
    assert library.catalog.neighbours(order[0], mobile)[0] is None
    related = library.catalog.related("2014-01-06-didi-taxi-wechat")
    assert related[0].id == "2014-01-27-wechat-red-envelope"  # shares WeChat


def test_bookmarks_and_notes_outlive_the_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = Library(data, paths.shipped_data_dir())
    didi = first.catalog.event("2014-01-06-didi-taxi-wechat")
    assert didi is not None
    first.add_bookmark(didi, "ride hailing meets messaging")
    first.set_note(didi.id, "ride hailing meets messaging; see also Kuaidi")
    first.close()
    second = Library(data, paths.shipped_data_dir())
    [mark] = second.bookmarks()
    assert mark.note == "ride hailing meets messaging; see also Kuaidi"
    assert mark.event is not None and mark.title == didi.title
    assert second.remove_bookmark(didi.id) is not None
    assert second.bookmarks() == []
    second.close()


def test_a_data_update_keeps_bookmarks_even_of_dropped_and_renamed_events(tmp_path: Path) -> None:
    data = tmp_path / "data"
    library = Library(data, paths.shipped_data_dir())
    for event_id in ("2014-ice-bucket-challenge", "2014-01-30-tencent-hkd-1-trillion"):
        found = library.catalog.event(event_id)
        assert found is not None
        library.add_bookmark(found, f"note on {event_id}")
    update = shipped_pack()
    update["events"] = [e for e in update["events"] if e["id"] != "2014-ice-bucket-challenge"]
    renamed = next(e for e in update["events"] if e["id"] == "2014-01-30-tencent-hkd-1-trillion")
    renamed["id"] = "2014-01-30-tencent-market-value"
    renamed["aliases"] = ["2014-01-30-tencent-hkd-1-trillion"]
    library.import_pack(write(tmp_path / "update.json", update))
    marks = {m.event_id: m for m in library.bookmarks()}
    assert marks["2014-ice-bucket-challenge"].event is None
    assert marks["2014-ice-bucket-challenge"].title == "Ice Bucket Challenge reaches China"
    assert marks["2014-01-30-tencent-hkd-1-trillion"].event.id == "2014-01-30-tencent-market-value"
    assert "2014-01-30-tencent-market-value" in library.bookmarked_ids()
    library.close()


def test_ids_resolve_at_once_to_current_ids_and_places(tmp_path: Path) -> None:
    data = tmp_path / "data"
    library = Library(data, paths.shipped_data_dir())
    update = shipped_pack()
    renamed = next(e for e in update["events"] if e["id"] == "2014-01-30-tencent-hkd-1-trillion")
    renamed["id"] = "2014-01-30-tencent-market-value"
    renamed["aliases"] = ["2014-01-30-tencent-hkd-1-trillion"]
    library.import_pack(write(tmp_path / "update.json", update))
    catalog = library.catalog
    asked = ["2014-01-30-tencent-hkd-1-trillion", "2014-01-06-didi-taxi-wechat", "no-such-event"]
    assert catalog.resolve_all(asked) == {
        "2014-01-30-tencent-hkd-1-trillion": "2014-01-30-tencent-market-value",
        "2014-01-06-didi-taxi-wechat": "2014-01-06-didi-taxi-wechat",
    }
    ids = catalog.ids()
    current = ["2014-01-30-tencent-market-value", "2014-01-06-didi-taxi-wechat", "no-such-event"]
    assert catalog.ranks_of(current) == {
        "2014-01-30-tencent-market-value": ids.index("2014-01-30-tencent-market-value"),
        "2014-01-06-didi-taxi-wechat": ids.index("2014-01-06-didi-taxi-wechat"),
    }
    library.close()


def test_the_bookmarked_ids_come_in_id_order(library: Library) -> None:
    for chosen in reversed(library.catalog.events()[:5]):
        library.add_bookmark(chosen, "")
    assert library.user.event_ids() == sorted(e.id for e in library.catalog.events()[:5])


def test_a_rejected_pack_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    library = Library(data, paths.shipped_data_dir())
    before = (data / CATALOG_FILE).read_bytes()
    clash = pack(events=[event("2014-01-06-didi-taxi-wechat", "2015-01-01")])
    with pytest.raises(PackError, match="already used by event"):
        library.import_pack(write(tmp_path / "clash.json", clash))
    assert (data / CATALOG_FILE).read_bytes() == before
    assert library.catalog.count() == 27
    assert not (data / "packs" / "test-pack.json").exists()
    library.close()


def test_an_imported_pack_joins_the_catalog_and_survives_restart(tmp_path: Path) -> None:
    data = tmp_path / "data"
    library = Library(data, paths.shipped_data_dir())
    library.import_pack(
        write(tmp_path / "more.json", pack(events=[event("2015-03-01-first", "2015-03-01")]))
    )
    assert library.catalog.count() == 28
    library.close()
    again = Library(data, paths.shipped_data_dir())
    assert again.catalog.ids()[-1] == "2015-03-01-first"
    again.close()


def test_a_damaged_catalog_is_rebuilt(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Library(data, paths.shipped_data_dir()).close()
    (data / CATALOG_FILE).write_bytes(b"this is not a database" * 100)
    library = Library(data, paths.shipped_data_dir())
    assert library.catalog.count() == 27
    library.close()


def test_files_use_wal_and_a_schema_version(library: Library) -> None:
    assert library.user.db.query("PRAGMA journal_mode")[0][0] == "wal"
    assert library.user.db.schema_version() == 1
    assert library.catalog.db.schema_version() == 1
    assert library.user.db.integrity_ok()


def _digest(path: Path) -> str:
    """Return a hash of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _update(library: Library, tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Import a new version of the shipped pack, changed by change, checking no bookmark moved."""
    user, wal = library.data_dir / USER_FILE, library.data_dir / f"{USER_FILE}-wal"
    library.user.db.query("PRAGMA wal_checkpoint(TRUNCATE)")  # an empty -wal: any write shows
    before, marks = (_digest(user), _digest(wal)), library.user.all()
    document = shipped_pack()
    change(document)
    library.import_pack(write(tmp_path / f"update-{len(list(tmp_path.iterdir()))}.json", document))
    assert library.user.all() == marks  # every bookmark, note and time exactly as it was
    assert (_digest(user), _digest(wal)) == before  # a data update never writes the person's file


def _events(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return a pack's event records by id."""
    return {e["id"]: e for e in document["events"]}


DIDI = "2014-01-06-didi-taxi-wechat"
TENCENT = "2014-01-30-tencent-hkd-1-trillion"


@pytest.fixture
def marked(library: Library) -> Library:
    """Return the library with two bookmarked events, each with a note."""
    for event_id in (DIDI, TENCENT):
        found = library.catalog.event(event_id)
        assert found is not None
        library.add_bookmark(found, f"my note on {event_id}")
    return library


def test_an_update_that_rewrites_text_keeps_the_bookmark(marked: Library, tmp_path: Path) -> None:
    old_title = marked.catalog.event(DIDI).title  # type: ignore[union-attr]

    def rewrite(document: dict[str, Any]) -> None:
        _events(document)[DIDI]["title"] = "Didi and WeChat join forces"
        _events(document)[DIDI]["description"] = "Rewritten <b>from scratch</b>."

    _update(marked, tmp_path, rewrite)
    mark = next(m for m in marked.bookmarks() if m.event_id == DIDI)
    assert mark.event is not None and mark.event.title == "Didi and WeChat join forces"
    assert mark.title == old_title and mark.note == f"my note on {DIDI}"


def test_an_update_that_changes_dates_keeps_the_bookmark(marked: Library, tmp_path: Path) -> None:
    def redate(document: dict[str, Any]) -> None:
        _events(document)[DIDI]["date"] = {"start": "2014-02", "basis": "source"}

    _update(marked, tmp_path, redate)
    mark = next(m for m in marked.bookmarks() if m.event_id == DIDI)
    assert mark.event is not None and mark.event.date.label() == "February 2014"
    assert marked.catalog.ids().index(DIDI) > 0


def test_a_renamed_event_keeps_its_bookmark_through_two_renames(
    marked: Library, tmp_path: Path
) -> None:
    def rename(new_id: str, aliases: list[str]) -> Callable[[dict[str, Any]], None]:
        def change(document: dict[str, Any]) -> None:
            record = _events(document)[TENCENT]
            record["id"], record["aliases"] = new_id, aliases

        return change

    _update(marked, tmp_path, rename("2014-01-30-tencent-market-value", [TENCENT]))
    _update(
        marked, tmp_path, rename("2014-tencent-worth", ["2014-01-30-tencent-market-value", TENCENT])
    )
    current = marked.catalog.event("2014-tencent-worth")
    assert current is not None
    assert marked.bookmark_for(current).note == f"my note on {TENCENT}"  # type: ignore[union-attr]
    assert "2014-tencent-worth" in marked.bookmarked_ids()
    marked.add_bookmark(current, "and more")  # lands on the same bookmark, not a second one
    assert len(marked.bookmarks()) == 2
    assert marked.set_note("2014-tencent-worth", "replaced") is True
    assert marked.user.get(TENCENT).note == "replaced"  # type: ignore[union-attr]


def test_a_dropped_event_stays_listed_and_comes_back_if_the_data_does(
    marked: Library, tmp_path: Path
) -> None:
    saved = marked.catalog.event(DIDI)
    assert saved is not None

    def drop(document: dict[str, Any]) -> None:
        document["events"] = [e for e in document["events"] if e["id"] != DIDI]

    _update(marked, tmp_path, drop)
    orphan = next(m for m in marked.bookmarks() if m.event_id == DIDI)
    assert orphan.is_orphan and orphan.title == saved.title and orphan.date_label == saved.date.label()
    assert marked.set_note(DIDI, "still mine") is True  # an orphan's note can still be edited
    _update(marked, tmp_path, lambda document: None)  # the next version has it again
    back = next(m for m in marked.bookmarks() if m.event_id == DIDI)
    assert back.event is not None and back.note == "still mine"


def test_many_ids_are_looked_up_at_once_following_renames_and_leaving_out_the_unknown(
    marked: Library, tmp_path: Path
) -> None:
    def rename(document: dict[str, Any]) -> None:
        record = _events(document)[TENCENT]
        record["id"], record["aliases"] = "2014-tencent-worth", [TENCENT]

    _update(marked, tmp_path, rename)
    asked = [TENCENT, DIDI, "2014-tencent-worth", "no-such-event"]
    assert marked.catalog.resolve_all(asked) == {
        TENCENT: "2014-tencent-worth", DIDI: DIDI, "2014-tencent-worth": "2014-tencent-worth",
    }  # fmt: skip
    events = marked.catalog.events_by_id(asked)
    assert set(events) == {TENCENT, DIDI, "2014-tencent-worth"}
    assert events[TENCENT] == events["2014-tencent-worth"] == marked.catalog.event(TENCENT)
    assert events[DIDI] == marked.catalog.event(DIDI)
    assert marked.catalog.events_by_id([]) == {} and marked.catalog.resolve_all([]) == {}
    # The ranks read on the way answer ranks_of as the index does: by current ids only.
    ranks = marked.catalog.ranks_of(asked)
    fresh = Catalog(marked.catalog.db.path)
    assert ranks == fresh.ranks_of(asked) and set(ranks) == {DIDI, "2014-tencent-worth"}
    assert ranks[DIDI] == marked.catalog.summaries().rank_of(DIDI)
    fresh.close()


def test_every_bookmark_comes_with_its_event_as_one_at_a_time_would_give_it(library: Library) -> None:
    ids = library.catalog.ids()
    for event_id in ids[::2]:
        found = library.catalog.event(event_id)
        assert found is not None
        library.add_bookmark(found)
    library.user.add("gone-from-the-data", "Gone", "2013")
    marks = library.bookmarks()
    assert [m.event_id for m in marks] == [m.event_id for m in library.user.all()]
    for mark in marks:
        assert mark.event == library.catalog.event(mark.event_id)
    assert sum(m.is_orphan for m in marks) == 1
    assert library.bookmarked_ids() == {*ids[::2], "gone-from-the-data"}


def test_a_bookmark_written_here_is_read_back_alone_and_others_writes_are_all_seen(
    tmp_path: Path,
) -> None:
    here = Library(tmp_path / "data", paths.shipped_data_dir())
    elsewhere = Library(tmp_path / "data", paths.shipped_data_dir())
    try:
        ids = here.catalog.ids()
        for event_id in ids[:3]:
            here.add_bookmark(here.catalog.event(event_id))  # type: ignore[arg-type]
        before = {m.event_id: m for m in here.bookmarks()}
        here.set_note(ids[1], "changed here")
        after = {m.event_id: m for m in here.bookmarks()}
        assert after[ids[1]].note == "changed here" and after[ids[1]].event is not None
        assert after[ids[0]] is before[ids[0]] and after[ids[2]] is before[ids[2]]  # not read again
        elsewhere.set_note(ids[0], "changed elsewhere")
        elsewhere.remove_bookmark(ids[2])
        assert {m.event_id: m.note for m in here.bookmarks()} == {
            ids[0]: "changed elsewhere", ids[1]: "changed here",
        }  # fmt: skip
        here.user.add(ids[4], "Written past the library", "")  # this connection, not through it
        assert ids[4] in here.bookmarked_ids()
        removed = here.remove_bookmark(ids[0])
        assert removed is not None and ids[0] not in here.bookmarked_ids()
        here.restore_bookmarks([removed])
        assert here.bookmarks() == here.user.all()  # the same bookmarks, in the same order
    finally:
        here.close()
        elsewhere.close()


def test_the_bookmarked_ids_follow_every_write_without_the_bookmarks_being_read(
    marked: Library, tmp_path: Path
) -> None:
    # The window stars events from these ids alone; the bookmarks with their events are read
    # only for the bookmarks panel. Both must say the same whichever is asked first.
    elsewhere = Library(marked.data_dir, paths.shipped_data_dir())
    try:
        ids = marked.catalog.ids()
        assert marked.bookmarked_ids() == {DIDI, TENCENT}
        removed = marked.remove_bookmark(DIDI)
        assert removed is not None and marked.bookmarked_ids() == {TENCENT}
        marked.add_bookmark(marked.catalog.event(ids[3]))  # type: ignore[arg-type]
        assert marked.bookmarked_ids() == {TENCENT, ids[3]}
        elsewhere.remove_bookmark(ids[3])
        elsewhere.user.add("gone-from-the-data", "Gone", "2013")
        assert marked.bookmarked_ids() == {TENCENT, "gone-from-the-data"}
        marked.restore_bookmarks([removed])
        assert marked.bookmarked_ids() == {TENCENT, "gone-from-the-data", DIDI}

        def rename(document: dict[str, Any]) -> None:
            record = _events(document)[TENCENT]
            record["id"], record["aliases"] = "2014-tencent-worth", [TENCENT]

        _update(marked, tmp_path, rename)
        assert marked.bookmarked_ids() == {"2014-tencent-worth", "gone-from-the-data", DIDI}
        assert [m.event_id for m in marked.bookmarks()] == [m.event_id for m in marked.user.all()]
        marked.set_note("2014-tencent-worth", "renamed")  # ids and bookmarks both kept: both follow
        marked.remove_bookmark(DIDI)
        assert marked.bookmarked_ids() == {"2014-tencent-worth", "gone-from-the-data"}
        assert marked.bookmarks() == marked.user.all()  # the same bookmarks, in the same order
        assert {m.event.id for m in marked.bookmarks() if m.event} == {"2014-tencent-worth"}
    finally:
        elsewhere.close()
