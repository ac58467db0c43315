"""What the timeline draws: one item per event, given in the app's one date order."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
