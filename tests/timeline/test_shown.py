"""The shown items: a filter by ids or by mask, and an index made only when something changed."""

from __future__ import annotations

import pytest

from museum_app.timeline.shown import ShownItems
from tests.timeline.factories import year_2014


def test_a_filter_by_ids_follows_new_items_and_one_by_mask_does_not() -> None:
    items = year_2014()
    shown = ShownItems()
    shown.set_items(items)
    assert shown.set_filter({"nsc", "jd-ipo"})
    assert not shown.set_filter(frozenset({"nsc", "jd-ipo"}))  # the same: nothing to redo
    assert [items[i].id for i in shown.index(6).order] == ["nsc", "jd-ipo"]
    shown.set_items(items[::-1])
    assert sorted(shown.items[i].id for i in shown.index(6).order) == ["jd-ipo", "nsc"]
    mask = bytes(1 if n % 2 else 0 for n in range(len(shown.items)))
    assert shown.set_mask(mask)
    assert shown.index(6).order == [n for n in range(len(shown.items)) if n % 2]
    shown.set_items(items)
    assert shown.index(6).order == list(range(len(items)))


def test_the_unfiltered_index_is_kept_and_a_new_cap_makes_a_new_one() -> None:
    shown = ShownItems()
    shown.set_items(year_2014())
    everything = shown.index(6)
    shown.set_filter({"nsc"})
    assert shown.index(6) is not everything
    shown.set_filter(None)
    assert shown.index(6) is everything
    assert shown.index(3).lane_cap == 3


def test_ids_are_found_and_a_mask_must_fit_the_items() -> None:
    items = year_2014()
    shown = ShownItems()
    shown.set_items(items)
    assert shown.find("wuzhen") == [it.id for it in items].index("wuzhen")
    assert shown.find("not-there") is None and shown.find(None) is None
    with pytest.raises(ValueError, match="a mask of 3 bytes"):
        shown.set_mask(b"\x01\x01\x01")
