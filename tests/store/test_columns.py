"""The catalog's summary columns: written at build, read back as the events in brief."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from museum_app import paths
from museum_app.core.date_words import date_words
from museum_app.core.domain import EventSummary
from museum_app.core.query import EventFilter
from museum_app.core.table import EventTable
from museum_app.store import columns
from museum_app.store.library import Library
from tests.helpers import event, pack, write


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """Open the shipped data in a temporary folder."""
    opened = Library(tmp_path / "lib", paths.shipped_data_dir())
    yield opened
    opened.close()


def test_the_columns_hold_every_event_in_brief_in_date_order(library: Library) -> None:
    events = library.catalog.events()
    expected = [
        EventSummary(
            e.id,
            e.title,
            e.date.label(),
            e.date.not_before.toordinal(),
            e.date.not_after.toordinal(),
            e.date.precision,
            e.date.is_range,
            e.categories,
            rank,
        )
        for rank, e in enumerate(events)
    ]
    table = library.catalog.summaries()
    assert list(table) == expected
    assert table == EventTable.from_summaries(expected)


def test_the_category_masks_are_written_for_every_category(library: Library) -> None:
    table = library.catalog.summaries()
    for category in library.catalog.categories():
        wanted = library.catalog.ids(EventFilter(categories=frozenset({category.id})))
        assert table.category_mask(category.id) == table.mask_of_ids(wanted)
        assert table.category_mask(category.id).count(1) == len(wanted)


@pytest.mark.parametrize("search", ["wechat", "in", "mi", "internet conf", "2014", "nothing-like-it"])
def test_a_search_by_rank_finds_what_the_filter_finds(library: Library, search: str) -> None:
    table = library.catalog.summaries()
    query = EventFilter(search=search)
    ranks = library.catalog.search_ranks(query.search_words())
    assert sorted(ranks) == [table.rank_of(i) for i in library.catalog.ids(query)]


def test_many_ids_are_placed_in_one_go_and_unknown_ones_left_out(library: Library) -> None:
    events = library.catalog.events()
    asked = [e.id for e in events[::3]] + ["no-such-event"]
    ranks = library.catalog.ranks_of(asked)
    assert ranks == {e.id: rank for rank, e in enumerate(events) if rank % 3 == 0}
    table = library.catalog.summaries()
    assert sorted(table.ranks_of(asked)) == sorted(ranks.values())
    assert all(table.rank_of(event_id) == rank for event_id, rank in ranks.items())


def test_columns_that_do_not_fit_together_are_refused(library: Library) -> None:
    rows = library.catalog.db.query("SELECT name, data FROM columns")
    good = [(row[0], row[1]) for row in rows]
    assert columns.read_table(good) == library.catalog.summaries()
    cut = [(name, data[:-4] if name == "titles.ends" else data) for name, data in good]
    short = [(name, data[:-1] if name == "precision" else data) for name, data in good]
    for broken in (cut, short):
        with pytest.raises(ValueError):
            columns.read_table(broken)
    with pytest.raises(KeyError):
        columns.read_table([row for row in good if row[0] != "ids"])


def test_columns_found_damaged_are_built_again(tmp_path: Path) -> None:
    data = tmp_path / "lib"
    Library(data, paths.shipped_data_dir()).close()
    # Damage the built file behind the app's back, as a failing disk might.
    with contextlib.closing(sqlite3.connect(data / "catalog.sqlite3")) as conn, conn:
        conn.execute("UPDATE columns SET data = x'00' WHERE name = 'starts'")
    library = Library(data, paths.shipped_data_dir())
    try:
        table = library.catalog.summaries()
        assert len(table) == library.catalog.count() == 27
        assert list(table) == list(library.catalog.summaries())
    finally:
        library.close()


@pytest.mark.parametrize("language", ["zh_CN", "zh"])
def test_the_columns_hold_the_titles_and_dates_in_chinese(library: Library, language: str) -> None:
    events = library.catalog.events()
    table = library.catalog.summaries(language)
    assert list(table.titles) == [e.title_in("zh_CN") for e in events]
    assert list(table.date_labels) == [e.date.label(date_words("zh_CN")) for e in events]
    assert "2014年1月24日" in table.date_labels
    # The same events in the same ranks as in English: a filter's masks hold for both.
    assert list(table.ids) == list(library.catalog.summaries().ids)


def test_a_language_without_its_own_columns_reads_the_main_ones(library: Library) -> None:
    table = library.catalog.summaries("fr")
    assert table == library.catalog.summaries()
    assert table[0].date_label == library.catalog.events()[0].date.label()


def test_the_packs_titles_are_kept_in_their_languages(library: Library) -> None:
    [(pack_id, title, _, count)] = library.catalog.packs("zh_CN")
    assert (pack_id, title, count) == ("cim-2014-milestones", "中国互联网博物馆：2014年大事记", 27)
    assert library.catalog.packs()[0][1] == "China Internet Museum: 2014 milestones"
    assert library.catalog.packs("fr")[0][1] == "China Internet Museum: 2014 milestones"


def test_each_pack_keeps_its_number_of_events(library: Library, tmp_path: Path) -> None:
    events = [event(f"2015-01-0{n}-e{n}", f"2015-01-0{n}") for n in range(1, 4)]
    library.import_pack(write(tmp_path / "three.json", pack("three", events)))
    counts = {pack_id: count for pack_id, _, _, count in library.catalog.packs()}
    assert counts == {"cim-2014-milestones": 27, "three": 3}
    assert library.imported_packs() == [("three", "A test pack", 3)]
