"""The things the app is about: events, categories, entities, sources and bookmarks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TypeVar

from museum_app.core.date_words import ENGLISH, DateWords
from museum_app.core.dates import Precision
from museum_app.core.days import day_of
from museum_app.core.event_date import EventDate, compact_label

_T = TypeVar("_T")

# The language the main fields of packs, categories and events are written in; other
# languages are translations of them.
BASE_LANGUAGE = "en"
LANGUAGES = ("en", "zh_CN")  # the languages the app speaks


def pick(language: str | None, choices: tuple[tuple[str, _T], ...]) -> _T | None:
    """Return the choice for a language ('zh_CN'), or one of the same language ('zh'), or None."""
    key = pick_language(language, [name for name, _ in choices])
    return None if key is None else dict(choices)[key]


def pick_language(language: str | None, languages: list[str]) -> str | None:
    """Return which of the languages serves a language: itself, or one of the same primary."""
    if not language or language == BASE_LANGUAGE:
        return None
    if language in languages:
        return language
    primary = language.split("_")[0]
    return next((name for name in languages if name.split("_")[0] == primary), None)


class EntityKind(Enum):
    """What a named thing in an event is."""

    ORGANISATION = "organisation"
    PERSON = "person"
    PRODUCT = "product"
    PLACE = "place"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class CategoryText:
    """A category's name and description in one language."""

    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Category:
    """A theme that events belong to, with the colour it is drawn in."""

    id: str
    name: str
    description: str
    colour: str
    translations: tuple[tuple[str, CategoryText], ...] = ()  # by language: ("zh_CN", ...)

    def text(self, language: str | None = None) -> CategoryText:
        """Return the name and description in a language (the main ones if not translated)."""
        return pick(language, self.translations) or CategoryText(self.name, self.description)


@dataclass(frozen=True, slots=True)
class Entity:
    """An organisation, person, product, place or event named in an event."""

    name: str
    kind: EntityKind
    names: tuple[tuple[str, str], ...] = ()  # its name in other languages: ("zh_CN", "微信")

    def name_in(self, language: str | None = None) -> str:
        """Return the entity's name in a language (its main name if it has none there)."""
        return pick(language, self.names) or self.name

    def all_names(self) -> tuple[str, ...]:
        """Return every name the entity is known by, its main name first."""
        return (self.name, *(name for _, name in self.names))


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
class EventText:
    """An event's words in one language: title, description and the note on its date."""

    title: str
    description: str
    date_note: str = ""


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
    translations: tuple[tuple[str, EventText], ...] = ()  # by language: ("zh_CN", ...)

    def text(self, language: str | None = None) -> EventText:
        """Return the title, description and date note in a language (the main ones if none)."""
        found = pick(language, self.translations)
        if found is None:
            return EventText(self.title, self.description, self.date.note)
        # A translation without its own date note shows the main one rather than none.
        return (
            found if found.date_note or not self.date.note else replace(found, date_note=self.date.note)
        )

    def title_in(self, language: str | None = None) -> str:
        """Return the title in a language (the main one if not translated)."""
        found = pick(language, self.translations)
        return found.title if found is not None else self.title

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
        first, last = day_of(self.not_before), day_of(self.not_after)
        return compact_label(self.precision, self.is_range, first, last, words)
