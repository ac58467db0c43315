"""What a person asks to see: categories, a search and, optionally, a set of events."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """A filter over the events; None means 'no restriction'."""

    categories: frozenset[str] | None = None
    search: str = ""
    ids: frozenset[str] | None = None

    def search_words(self) -> list[str]:
        """Split the search text into the words that must all match."""
        return [word.casefold() for word in _WORD.findall(self.search)]

    def without_categories(self) -> EventFilter:
        """Return the filter with its category restriction lifted (for per-category counts)."""
        return replace(self, categories=None)

    @property
    def is_empty(self) -> bool:
        """Return whether the filter lets every event through."""
        return self.categories is None and not self.search_words() and self.ids is None


EVERYTHING = EventFilter()
