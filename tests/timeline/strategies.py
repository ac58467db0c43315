"""Hypothesis strategies for timeline items."""

from __future__ import annotations

from hypothesis import strategies as st

from museum_app.timeline.items import ItemKind, TimelineItem
from tests.timeline.factories import PALETTE, day, sort_items

FIRST = day(2014, 1, 1)


@st.composite
def item_lists(draw: st.DrawFn, max_size: int = 60, days: int = 400) -> list[TimelineItem]:
    """Draw items crowded into a stretch of days: points, short ranges, long uncertain spans."""
    count = draw(st.integers(min_value=0, max_value=max_size))
    items = []
    for n in range(count):
        start = FIRST + draw(st.integers(min_value=0, max_value=days))
        kind = draw(st.sampled_from(ItemKind))
        length = 1 if kind is ItemKind.POINT else draw(st.integers(min_value=2, max_value=200))
        title = "T" * draw(st.integers(min_value=1, max_value=60))
        colours = (PALETTE[n % len(PALETTE)],)
        items.append(TimelineItem(f"i{n}", title, start, start + length, kind, colours, "label"))
    return sort_items(items)
