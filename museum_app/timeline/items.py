"""What the timeline draws: one item per event, given in the app's one date order."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import Enum

from museum_app.core.lazy import LazySequence


class ItemKind(Enum):
    """How an item's date is known, which decides how it is drawn."""

    POINT = "point"  # a known day: a marker
    RANGE = "range"  # known first and last days: a solid bar
    UNCERTAIN = "uncertain"  # somewhere in [start, end): a faded, hatched span, never a point


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One event as the timeline sees it; times are proleptic Gregorian ordinal days."""

    id: str
    title: str
    start: float  # the first day (datetime.date.toordinal())
    end: float  # the day after the last day; a one-day event has end = start + 1
    kind: ItemKind
    colours: tuple[str, ...]  # "#rrggbb" per category, the main one first
    date_label: str  # how the date reads in a tooltip


KINDS = (ItemKind.POINT, ItemKind.RANGE, ItemKind.UNCERTAIN)  # a kind as a byte: its place here


class ItemColumns(LazySequence[TimelineItem]):
    """Many items kept as columns; an item is made only when asked for (the ones drawn).

    The index takes the columns as they are, so 100,000 items cost a few arrays, not
    100,000 objects. kinds holds a byte per item (its place in KINDS); colours[groups[i]]
    are item i's colours, since many items share one set.
    """

    def __init__(
        self,
        ids: Sequence[str],
        titles: Sequence[str],
        starts: array[float],
        ends: array[float],
        kinds: bytes,
        groups: Sequence[int],
        colours: Sequence[tuple[str, ...]],
        date_labels: Sequence[str],
        find: Callable[[str], int | None] | None = None,
        ordered: bool = False,
        find_all: Callable[[Collection[str]], list[int]] | None = None,
    ) -> None:
        """Take the columns, each with one entry per item, in the app's date order.

        find, if given, returns an id's place (so that the look-up the app already keeps
        serves here too), and find_all the places of many ids at once; otherwise a
        dictionary is made the first time one is looked up.
        ordered says the items are known to come by start, then end, each ending after it
        starts (so the index need not check): the app's date order and days are that.
        """
        count = len(ids)
        if any(len(c) != count for c in (titles, starts, ends, kinds, groups, date_labels)):
            raise ValueError(f"the columns of {count} items differ in length")
        self.ids, self.titles, self.date_labels = ids, titles, date_labels
        self.starts, self.ends, self.kinds = starts, ends, kinds
        self.groups, self.colours = groups, colours
        self.ordered = ordered
        super().__init__()
        self._places: dict[str, int] | None = None
        self.find = find if find is not None else self._find
        self.find_all = find_all if find_all is not None else self._find_all

    def _find(self, item_id: str) -> int | None:
        """Return the place of an id, or None."""
        if self._places is None:
            self._places = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self._places.get(item_id)

    def _find_all(self, item_ids: Collection[str]) -> list[int]:
        """Return the places of those ids that are here, in no order."""
        found = map(self._find, item_ids)
        return [place for place in found if place is not None]

    def __len__(self) -> int:
        return len(self.ids)

    def _make(self, item: int) -> TimelineItem:
        """Make the item at a place."""
        return TimelineItem(
            self.ids[item],
            self.titles[item],
            self.starts[item],
            self.ends[item],
            KINDS[self.kinds[item]],
            self.colours[self.groups[item]],
            self.date_labels[item],
        )
