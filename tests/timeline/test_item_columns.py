"""Items kept as columns index and read exactly as the same items kept as objects."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from museum_app.timeline.index import ItemBase, ItemIndex
from museum_app.timeline.items import KINDS, ItemColumns, TimelineItem
from museum_app.timeline.shown import ShownItems
from tests.timeline.factories import year_2014
from tests.timeline.strategies import item_lists


def as_columns(items: list[TimelineItem], ordered: bool = False) -> ItemColumns:
    """Keep items as columns, colours numbered by first appearance."""
    palettes = list(dict.fromkeys(it.colours for it in items))
    return ItemColumns(
        ids=[it.id for it in items],
        titles=[it.title for it in items],
        starts=array("d", [it.start for it in items]),
        ends=array("d", [it.end for it in items]),
        kinds=bytes(KINDS.index(it.kind) for it in items),
        groups=[palettes.index(it.colours) for it in items],
        colours=palettes,
        date_labels=[it.date_label for it in items],
        ordered=ordered,
    )


@given(item_lists())
def test_columns_give_back_each_item(items: list[TimelineItem]) -> None:
    columns = as_columns(items)
    assert len(columns) == len(items)
    assert list(columns) == items
    assert columns[1:3] == items[1:3]
    if items:
        assert columns[-1] == items[-1]


@given(item_lists(), st.data())
def test_an_index_of_columns_is_the_index_of_the_items(
    items: list[TimelineItem], data: st.DataObject
) -> None:
    # The strategy's items come in the app's order, so the columns may say so.
    from_columns, from_items = ItemBase(as_columns(items, ordered=True)), ItemBase(items)
    assert list(from_columns.ids) == from_items.ids
    for name in ("points", "spans", "is_point", "is_span", "in_order"):
        assert getattr(from_columns, name) == getattr(from_items, name), name
    assert from_columns.starts == from_items.starts
    assert from_columns.span_starts == from_items.span_starts
    assert from_columns.span_ends == from_items.span_ends
    assert from_columns.point_times == from_items.point_times
    assert from_columns.colour_sets == from_items.colour_sets
    mask = bytes(data.draw(st.lists(st.integers(0, 1), min_size=len(items), max_size=len(items))))
    shown_columns, shown_items = ItemIndex(from_columns, mask=mask), ItemIndex(from_items, mask=mask)
    assert shown_columns.extent() == shown_items.extent()
    assert list(shown_columns.lanes) == list(shown_items.lanes)
    assert shown_columns.order == shown_items.order


def test_shown_items_keep_columns_as_they_are() -> None:
    items = year_2014()
    columns = as_columns(items)
    shown = ShownItems()
    shown.set_items(columns)
    assert shown.items is columns, "no item is made for items that are not drawn"
    assert shown.find(items[-1].id) == len(items) - 1


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        ItemColumns(
            ["a"], [], array("d", [1.0]), array("d", [2.0]), bytes(1), [0], [("#000000",)], ["x"]
        )
