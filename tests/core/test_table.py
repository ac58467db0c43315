"""The event table: summaries kept as columns, masks by rank and counts."""

from __future__ import annotations

import datetime as dt
import itertools
from array import array
from collections.abc import Collection

import pytest
from hypothesis import given
from hypothesis import strategies as st

from museum_app.core.dates import Precision
from museum_app.core.domain import EventSummary
from museum_app.core.masks import SEARCHES_KEPT, SearchMasks, all_of, any_of, of_ranks
from museum_app.core.table import EventTable, Texts

CATEGORIES = ("business", "mobile", "content", "governance")
DAY = dt.date(2014, 1, 1).toordinal()


def summary(
    rank: int, categories: tuple[str, ...], precision: Precision = Precision.DAY
) -> EventSummary:
    """Return a summary at a rank, a day after the one before."""
    first = DAY + rank
    last = first if precision is Precision.DAY else first + 30
    label = f"label {rank}"
    return EventSummary(
        f"e{rank}", f"Title {rank}", label, first, last, precision, rank % 5 == 0, categories, rank
    )


@st.composite
def summaries(draw: st.DrawFn) -> list[EventSummary]:
    """Draw events in rank order, each in one to three categories (the main one first)."""
    count = draw(st.integers(min_value=0, max_value=40))
    rows = []
    for rank in range(count):
        cats = draw(st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=3, unique=True))
        rows.append(summary(rank, tuple(cats), draw(st.sampled_from(Precision))))
    return rows


@given(summaries())
def test_a_table_gives_back_the_summaries_it_was_made_of(rows: list[EventSummary]) -> None:
    table = EventTable.from_summaries(rows)
    assert len(table) == len(rows)
    assert list(table) == rows
    assert table[1:4] == rows[1:4]
    if rows:
        assert table[-1] == rows[-1]
        assert table[len(rows) - 1] is table[-1], "a summary is made once"
    assert all(table.rank_of(s.id) == s.rank for s in rows)
    assert table.rank_of("no-such-event") is None


@given(summaries(), st.data())
def test_category_masks_and_counts_agree_with_the_events(
    rows: list[EventSummary], data: st.DataObject
) -> None:
    table = EventTable.from_summaries(rows)
    for category in CATEGORIES:
        assert table.category_mask(category) == bytes(category in s.categories for s in rows)
    assert table.category_counts(CATEGORIES) == {
        c: sum(c in s.categories for s in rows) for c in CATEGORIES
    }
    within = bytes(data.draw(st.lists(st.integers(0, 1), min_size=len(rows), max_size=len(rows))))
    expected = {c: sum(c in s.categories and within[s.rank] for s in rows) for c in CATEGORIES}
    assert table.category_counts(CATEGORIES, within) == expected


def test_more_category_sets_than_a_byte_holds_still_give_masks() -> None:
    names = [f"c{n}" for n in range(12)]
    sets = [combo for size in (1, 2, 3) for combo in itertools.permutations(names, size)][:400]
    rows = [summary(rank, cats) for rank, cats in enumerate(sets)]
    table = EventTable.from_summaries(rows)
    assert len(table.category_sets) == 400
    assert table.category_mask("c3") == bytes("c3" in s.categories for s in rows)


def test_a_mask_of_ids_ignores_ids_not_in_the_table() -> None:
    table = EventTable.from_summaries([summary(r, ("business",)) for r in range(5)])
    assert table.mask_of_ids({"e1", "e3", "gone"}) == bytes([0, 1, 0, 1, 0])


def test_tables_of_the_same_events_are_equal_however_their_sets_are_numbered() -> None:
    rows = [summary(0, ("mobile",)), summary(1, ("business",)), summary(2, ("mobile",))]
    table = EventTable.from_summaries(rows)
    groups = array(table.groups.typecode, [1, 0, 1])
    renumbered = EventTable(
        table.ids, table.titles, table.date_labels, table.starts, table.ends, table.precision,
        table.is_range, groups, [("business",), ("mobile",)],
    )  # fmt: skip
    assert renumbered == table
    assert EventTable.from_summaries(rows[:2]) != table


def test_columns_of_different_lengths_are_refused() -> None:
    table = EventTable.from_summaries([summary(0, ("mobile",)), summary(1, ("mobile",))])
    with pytest.raises(ValueError, match="differ in length"):
        EventTable(
            table.ids, table.titles[:1], table.date_labels, table.starts, table.ends,
            table.precision, table.is_range, table.groups, table.category_sets,
        )  # fmt: skip


masks = st.integers(min_value=0, max_value=30).flatmap(
    lambda n: st.lists(
        st.binary(min_size=n, max_size=n).map(lambda b: bytes(x & 1 for x in b)), max_size=4
    )
)


@given(masks)
def test_masks_combine_as_sets_of_ranks_do(given_masks: list[bytes]) -> None:
    count = len(given_masks[0]) if given_masks else 7
    sets = [{r for r, bit in enumerate(m) if bit} for m in given_masks]
    union = set().union(*sets)
    both = set(range(count)).intersection(*sets)
    assert any_of(given_masks, count) == of_ranks(union, count)
    assert all_of(given_masks, count) == of_ranks(both, count)


def test_recent_searches_are_kept_and_the_oldest_let_go() -> None:
    asked: list[list[str]] = []

    def search(words: list[str]) -> list[int]:
        asked.append(words)
        return [len(words[0]) % 4]

    searches = SearchMasks(search, 4)
    assert searches.mask(["we"]) == bytes([0, 0, 1, 0])
    assert searches.mask(["we"]) == bytes([0, 0, 1, 0])
    assert asked == [["we"]], "taking a letter back asks nothing again"
    for n in range(100):
        searches.mask([f"w{n}"])
    asked.clear()
    for n in range(100 - SEARCHES_KEPT, 100):
        searches.mask([f"w{n}"])
    assert asked == [], "the most recent searches are kept"
    searches.mask(["we"])
    assert asked == [["we"]], "an old search is asked again once let go"


@given(st.lists(st.text(max_size=8), max_size=20))
def test_texts_kept_as_one_string_are_cut_out_as_given(texts: list[str]) -> None:
    kept = Texts.of(texts)
    assert len(kept) == len(texts)
    assert list(kept) == texts
    assert kept[1:3] == texts[1:3]
    if texts:
        assert kept[-1] == texts[-1]
    with pytest.raises(IndexError):
        kept[len(texts)]
    with pytest.raises(IndexError):
        kept[-len(texts) - 1]


def test_texts_that_do_not_end_where_the_string_does_are_refused() -> None:
    with pytest.raises(ValueError, match="end at"):
        Texts("abcdef", array("L", [2, 4]))


def test_every_look_up_is_located_and_no_dictionary_of_every_id_is_made() -> None:
    rows = [summary(r, ("business",)) for r in range(5)]
    plain = EventTable.from_summaries(rows)
    asked: list[str] = []

    def locate(event_ids: Collection[str]) -> dict[str, int]:
        asked.extend(event_ids)
        return {i: r for i in event_ids if (r := plain.rank_of(i)) is not None}

    table = EventTable(
        plain.ids, plain.titles, plain.date_labels, plain.starts, plain.ends, plain.precision,
        plain.is_range, plain.groups, plain.category_sets, locate=locate,
    )  # fmt: skip
    assert table.rank_of("e3") == 3 and table.rank_of("gone") is None
    assert asked == ["e3", "gone"]
    for _ in range(3000):  # a long session's selections and steps
        assert table.rank_of("e1") == 1
    assert len(asked) == 3002
    assert sorted(table.ranks_of(["e4", "e0", "gone"])) == [0, 4]


def test_many_ids_are_located_in_one_go() -> None:
    rows = [summary(r, ("business",)) for r in range(50)]
    plain = EventTable.from_summaries(rows)
    calls: list[list[str]] = []

    def locate(event_ids: Collection[str]) -> dict[str, int]:
        calls.append(list(event_ids))
        return {i: r for i in event_ids if (r := plain.rank_of(i)) is not None}

    table = EventTable(
        plain.ids, plain.titles, plain.date_labels, plain.starts, plain.ends, plain.precision,
        plain.is_range, plain.groups, plain.category_sets, locate=locate,
    )  # fmt: skip
    wanted = [f"e{n}" for n in range(0, 50, 7)] + ["gone"]
    assert sorted(table.ranks_of(wanted)) == list(range(0, 50, 7))
    assert calls == [wanted], "one look-up for them all"
    assert table.mask_of_ids(wanted) == bytes(n % 7 == 0 for n in range(50))
