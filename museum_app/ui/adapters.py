"""Turn core objects into what the timeline draws."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from museum_app.core.dates import Precision
from museum_app.core.domain import Category, EventSummary
from museum_app.timeline.items import ItemKind, TimelineItem


def item_kind(summary: EventSummary) -> ItemKind:
    """Say how an event is drawn: a known day, a known range, or a span it lies somewhere in."""
    if summary.precision is not Precision.DAY:
        return ItemKind.UNCERTAIN
    return ItemKind.RANGE if summary.is_range else ItemKind.POINT


def timeline_items(
    summaries: Sequence[EventSummary], categories: Mapping[str, Category]
) -> list[TimelineItem]:
    """Make the timeline's items, in the one date order, coloured by category."""
    fallback = "#777777"
    return [
        TimelineItem(
            id=s.id,
            title=s.title,
            start=float(s.not_before),
            end=float(s.not_after + 1),  # the item's end is the day after its last day
            kind=item_kind(s),
            colours=tuple(categories[c].colour if c in categories else fallback for c in s.categories),
            date_label=s.date_label,
        )
        for s in summaries
    ]
