"""Turn core objects into what the timeline draws."""

from __future__ import annotations

import operator
from collections.abc import Mapping
from itertools import repeat

from museum_app.core.dates import Precision
from museum_app.core.domain import Category, EventSummary
from museum_app.core.table import PRECISIONS, EventTable
from museum_app.timeline.items import KINDS, ItemColumns, ItemKind

FALLBACK_COLOUR = "#777777"  # for a category the data does not define

# An event's kind as a byte (its place in KINDS), by its precision's byte and whether it is a range.
_KIND_OF = {
    (code, is_range): KINDS.index(
        ItemKind.UNCERTAIN
        if precision is not Precision.DAY
        else ItemKind.RANGE
        if is_range
        else ItemKind.POINT
    )
    for code, precision in enumerate(PRECISIONS)
    for is_range in (0, 1)
}


def item_kind(summary: EventSummary) -> ItemKind:
    """Say how an event is drawn: a known day, a known range, or a span it lies somewhere in."""
    if summary.precision is not Precision.DAY:
        return ItemKind.UNCERTAIN
    return ItemKind.RANGE if summary.is_range else ItemKind.POINT


def timeline_items(table: EventTable, categories: Mapping[str, Category]) -> ItemColumns:
    """Make the timeline's items from the events' columns, coloured by category."""
    colours = {c.id: c.colour for c in categories.values()}
    # Two bytes (precision, is_range) name the kind: one pass in C over both columns.
    pairs = bytes(map(operator.add, map(operator.mul, table.precision, repeat(2)), table.is_range))
    by_pair = bytes(_KIND_OF.get(divmod(code, 2), 0) for code in range(256))
    return ItemColumns(
        ids=table.ids,
        titles=table.titles,
        starts=table.starts,
        ends=table.ends,
        kinds=pairs.translate(by_pair),
        groups=table.groups,
        colours=table.colour_groups(colours, FALLBACK_COLOUR),
        date_labels=table.date_labels,
        find=table.rank_of,  # an item's place is its event's rank
        find_all=table.ranks_of,
        ordered=True,  # ranks go by the first possible day, then the last
    )
