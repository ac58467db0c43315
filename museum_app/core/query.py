"""What a person asks to see: categories, collections, a search and, optionally, a set of events."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from museum_app.core.search_text import fold, is_han, split_han

# Letters and digits, as the full-text index splits words: "_" separates words there too.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """A filter over the events; None means 'no restriction'."""

    categories: frozenset[str] | None = None
    search: str = ""
    ids: frozenset[str] | None = None
    collections: frozenset[str] | None = None  # the ids of the packs shown (None: every one)

    def search_words(self) -> list[str]:
        """Split the search text into the words that must all match (none for a lone letter).

        Words are folded ("Straße" is "strasse") and cut at the edges of Chinese runs
        ("WeChat红包" is "wechat" and "红包"). Each other word matches as a prefix, so a
        search of one Latin letter or digit would match nearly every event: searching starts
        with the second. A Chinese run matches anywhere inside a text, and one character is
        a word in itself, and is searched.
        """
        words = [
            part if is_han(part) else fold(part)
            for word in _WORD.findall(self.search)
            for part in split_han(word)
        ]
        if len(words) == 1 and len(words[0]) == 1 and words[0].isascii():
            return []
        return words

    def without_categories(self) -> EventFilter:
        """Return the filter with its category restriction lifted (for per-category counts)."""
        return replace(self, categories=None)

    @property
    def is_empty(self) -> bool:
        """Return whether the filter lets every event through."""
        return (
            self.categories is None
            and not self.search_words()
            and self.ids is None
            and self.collections is None
        )


EVERYTHING = EventFilter()
