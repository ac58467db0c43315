"""The things the app is about: events, categories, entities, sources and bookmarks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from museum_app.core.date_words import ENGLISH, DateWords
from museum_app.core.dates import Precision
from museum_app.core.event_date import EventDate, compact_label


class EntityKind(Enum):
    """What a named thing in an event is."""

    ORGANISATION = "organisation"
    PERSON = "person"
    PRODUCT = "product"
    PLACE = "place"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class Category:
    """A theme that events belong to, with the colour it is drawn in."""

    id: str
    name: str
    description: str
    colour: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An organisation, person, product, place or event named in an event."""

    name: str
    kind: EntityKind


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where on which page an event comes from."""

    publisher: str
    page: str
    section: str
    paragraph: int
    pack_id: str
    url: str = ""

    def label(self) -> str:
        """Write the attribution a person reads."""
        return f"{self.publisher}, {self.page}; {self.section}, paragraph {self.paragraph}"


@dataclass(frozen=True, slots=True)
class Event:
    """One milestone."""

    id: str
    title: str
    description: str
    date: EventDate
    categories: tuple[str, ...]
    entities: tuple[Entity, ...]
    source: SourceRef
    aliases: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    position: int = 0  # the event's place in its pack, the last word in ordering

    def sort_key(self) -> tuple[int, int, str, int]:
        """Order events by date, then by their place in the source."""
        return (*self.date.sort_key(), self.source.pack_id, self.position)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A person's bookmark on an event, with their note; it outlives the event's data."""

    event_id: str
    note: str
    created: dt.datetime
    updated: dt.datetime
    title: str  # the event's title when bookmarked, shown if the event leaves the data
    date_label: str = ""
    event: Event | None = field(default=None, compare=False)

    @property
    def is_orphan(self) -> bool:
        """Return whether the bookmarked event is no longer in the data."""
        return self.event is None


@dataclass(frozen=True, slots=True)
class EventSummary:
    """What lists and the timeline need of an event: light enough to hold 100,000 of."""

    id: str
    title: str
    date_label: str
    not_before: int  # ordinal day (datetime.date.toordinal)
    not_after: int  # ordinal day, inclusive
    precision: Precision
    is_range: bool
    categories: tuple[str, ...]
    rank: int  # place in the one date order every view shares

    def short_label(self, words: DateWords = ENGLISH) -> str:
        """Write the date briefly, for a list column; never claiming more than is known."""
        first, last = dt.date.fromordinal(self.not_before), dt.date.fromordinal(self.not_after)
        return compact_label(self.precision, self.is_range, first, last, words)
