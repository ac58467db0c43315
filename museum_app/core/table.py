"""Every event in brief, as columns in the one date order: light enough to hold 100,000 of."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate

from museum_app.core.dates import Precision
from museum_app.core.domain import EventSummary
from museum_app.core.lazy import LazySequence
from museum_app.core.masks import of_ranks

# A precision is kept as one byte per event: its place in this tuple.
PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR)
_PRECISION_CODE = {p: code for code, p in enumerate(PRECISIONS)}


class EventTable(LazySequence[EventSummary]):
    """The summaries of every event, by rank, kept as arrays and lists rather than objects.

    An event's rank is its place here. A summary is made only when asked for (the list's
    visible rows, the timeline's tooltips), so that holding 100,000 events costs a few
    arrays; filters work on byte masks by rank (one byte per event, 1 where it passes).
    """

    def __init__(
        self,
        ids: Sequence[str],
        titles: Sequence[str],
        date_labels: Sequence[str],
        starts: array[float],
        ends: array[float],
        precision: bytes,
        is_range: bytes,
        groups: array[int],
        category_sets: list[tuple[str, ...]],
        masks: Mapping[str, bytes] | None = None,
        locate: Callable[[Collection[str]], dict[str, int]] | None = None,
    ) -> None:
        """Take the columns, each one entry per event in rank order, and any category masks.

        locate, if given, finds ids' ranks, many in one go (say, by the catalog's index), and
        answers every look-up: a dictionary of every id held 14 MB at 100,000 events (140 at a
        million, and a pause to make it), where a look-up by index costs some microseconds, once
        per selection or step. Without locate, that dictionary is made on the first look-up.
        """
        count = len(ids)
        columns = (titles, date_labels, starts, ends, precision, is_range, groups)
        if any(len(column) != count for column in columns):
            raise ValueError(f"the columns of {count} events differ in length")
        self.ids, self.titles, self.date_labels = ids, titles, date_labels
        # Ordinal days, as the timeline takes them: the first possible, and the day after the last.
        self.starts, self.ends = starts, ends
        self.precision, self.is_range = precision, is_range
        self.groups, self.category_sets = groups, category_sets  # categories: a set per event
        super().__init__()
        self._ranks: dict[str, int] | None = None
        self._locate = locate
        self._masks: dict[str, bytes] = dict(masks or {})

    @classmethod
    def from_summaries(cls, summaries: Iterable[EventSummary]) -> EventTable:
        """Make a table of summaries given in rank order (their ranks become their places)."""
        rows = list(summaries)
        sets = {s.categories: None for s in rows}
        group_of = {categories: group for group, categories in enumerate(sets)}
        return cls(
            [s.id for s in rows],
            [s.title for s in rows],
            [s.date_label for s in rows],
            array("d", [s.not_before for s in rows]),
            array("d", [s.not_after + 1 for s in rows]),
            bytes(_PRECISION_CODE[s.precision] for s in rows),
            bytes(s.is_range for s in rows),
            array("L", [group_of[s.categories] for s in rows]),
            list(sets),
        )

    def __len__(self) -> int:
        return len(self.ids)

    def __eq__(self, other: object) -> bool:
        """Say whether two tables hold the same events (however their category sets are numbered)."""
        if not isinstance(other, EventTable):
            return NotImplemented
        mine = (self.ids, self.starts, self.ends, self.precision)
        theirs = (other.ids, other.starts, other.ends, other.precision)
        return (
            mine == theirs
            and list(self.titles) == list(other.titles)
            and list(self.date_labels) == list(other.date_labels)
            and self.is_range == other.is_range
            and list(map(self.category_sets.__getitem__, self.groups))
            == list(map(other.category_sets.__getitem__, other.groups))
        )

    __hash__ = None  # type: ignore[assignment]  # a table is not a key

    def _make(self, rank: int) -> EventSummary:
        """Make the summary of the event at a rank."""
        return EventSummary(
            self.ids[rank],
            self.titles[rank],
            self.date_labels[rank],
            int(self.starts[rank]),
            int(self.ends[rank]) - 1,
            PRECISIONS[self.precision[rank]],
            bool(self.is_range[rank]),
            self.category_sets[self.groups[rank]],
            rank,
        )

    def rank_of(self, event_id: str) -> int | None:
        """Return an event's rank, or None if it is not here."""
        if self._locate is not None:
            return self._locate((event_id,)).get(event_id)
        return self._dictionary().get(event_id)

    def ranks_of(self, event_ids: Collection[str]) -> list[int]:
        """Return the ranks of those ids that are here, in no order.

        locate answers them all at once: the 10,000 bookmarks' stars at start-up cost one
        query, not ten thousand look-ups.
        """
        if self._locate is not None:
            return list(self._locate(event_ids).values())
        ranks = self._dictionary()
        return [rank for rank in map(ranks.get, event_ids) if rank is not None]

    def _dictionary(self) -> dict[str, int]:
        """Return the rank of every id, made the first time it is needed."""
        if self._ranks is None:
            self._ranks = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self._ranks

    def mask_of_ids(self, ids: Iterable[str]) -> bytes:
        """Return one byte per event: 1 for the events with these ids."""
        return of_ranks(self.ranks_of(list(ids)), len(self))

    def category_mask(self, category: str) -> bytes:
        """Return one byte per event: 1 for the events in a category (made once, in C)."""
        mask = self._masks.get(category)
        if mask is None:
            member = [category in categories for categories in self.category_sets]
            mask = self._masks[category] = _lookup(self.groups, member)
        return mask

    def category_counts(self, categories: Iterable[str], mask: bytes | None = None) -> dict[str, int]:
        """Count the events of each category, among those a mask lets through (None: all)."""
        within = None if mask is None else int.from_bytes(mask, "little")
        counts = {}
        for category in categories:
            own = self.category_mask(category)
            if within is None:
                counts[category] = own.count(1)
            else:  # bytes of 0 and 1: the bits set are the events in both
                counts[category] = (int.from_bytes(own, "little") & within).bit_count()
        return counts

    def colour_groups(self, colours: Mapping[str, str], fallback: str) -> list[tuple[str, ...]]:
        """Return, per category set, its categories' colours (the main one first)."""
        return [tuple(colours.get(c, fallback) for c in cats) for cats in self.category_sets]


def _lookup(codes: array[int], table: list[bool]) -> bytes:
    """Return table[code] as a byte for each code, by bytes.translate when the codes fit a byte."""
    if len(table) <= 256:
        translation = bytes(map(int, table)) + bytes(256 - len(table))
        return array("B", codes).tobytes().translate(translation)
    return bytes(map(table.__getitem__, codes))


class Texts(LazySequence[str]):
    """Many texts kept as one string and where each ends: a text is cut out when asked for.

    Reading 100,000 titles this way costs one decode, where splitting them made 100,000
    strings that are mostly never shown.
    """

    def __init__(self, text: str, ends: array[int]) -> None:
        """Take the texts written one after another, and the offset each one ends at."""
        if ends and ends[-1] != len(text):
            raise ValueError(f"the texts end at {ends[-1]}, not at {len(text)}")
        self.text, self.ends = text, ends
        super().__init__(keep=False)  # cutting a text out again costs less than keeping it

    @classmethod
    def of(cls, texts: Iterable[str], typecode: str = "L") -> Texts:
        """Keep texts given one by one."""
        every = list(texts)
        return cls("".join(every), array(typecode, accumulate(map(len, every))))

    def __len__(self) -> int:
        return len(self.ends)

    def _make(self, index: int) -> str:
        """Cut out the text at index."""
        return self.text[self.ends[index - 1] if index > 0 else 0 : self.ends[index]]

    def __iter__(self) -> Iterator[str]:
        """Yield every text, cut one after another."""
        text, start = self.text, 0
        for end in self.ends:
            yield text[start:end]
            start = end

    def __eq__(self, other: object) -> bool:
        """Say whether other holds the same texts in the same order."""
        if isinstance(other, Texts):
            return self.text == other.text and self.ends == other.ends
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # texts are not a key
