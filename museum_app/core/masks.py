"""Byte masks over the events by rank (1: the event passes), and how they combine.

A mask of 100,000 events is 100 KB; combining masks goes through Python's big integers, so
an AND or an OR of whole masks is a few operations in C, not a loop over the events.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

# Recent searches' masks, so that taking a letter back finds its mask kept: a search typed and
# taken back is one mask per pause. Each is a byte per event (100 KB at 100,000 events); 64 of
# them were 6 MB of a long session's memory.
SEARCHES_KEPT = 16


def _as_int(mask: bytes) -> int:
    """Read a mask as one integer: bit 8 * rank is the event's."""
    return int.from_bytes(mask, "little")


def _as_mask(bits: int, count: int) -> bytes:
    """Write an integer made of masks back as a mask of count bytes."""
    return bits.to_bytes(count, "little")


def any_of(masks: Sequence[bytes], count: int) -> bytes:
    """Return the mask of the events that pass any of the masks (none for no mask)."""
    bits = 0
    for mask in masks:
        bits |= _as_int(mask)
    return _as_mask(bits, count)


def all_of(masks: Sequence[bytes], count: int) -> bytes:
    """Return the mask of the events that pass every one of the masks (all for no mask)."""
    if len(masks) == 1:
        return masks[0]
    bits = _as_int(bytes([1]) * count)
    for mask in masks:
        bits &= _as_int(mask)
    return _as_mask(bits, count)


def of_ranks(ranks: Iterable[int], count: int) -> bytes:
    """Return the mask of the events at these ranks."""
    mask = bytearray(count)
    for rank in ranks:
        mask[rank] = 1
    return bytes(mask)


class SearchMasks:
    """The masks of full-text searches, the most recent kept, so that taking a letter back is free."""

    def __init__(self, search: Callable[[list[str]], list[int]], count: int) -> None:
        """Search with a function from words to the ranks of the events that match them all."""
        self._search, self._count = search, count
        self._kept: OrderedDict[tuple[str, ...], bytes] = OrderedDict()

    def mask(self, words: list[str]) -> bytes:
        """Return the mask of the events that match every word."""
        key = tuple(words)
        mask = self._kept.get(key)
        if mask is None:
            mask = self._kept[key] = of_ranks(self._search(words), self._count)
            if len(self._kept) > SEARCHES_KEPT:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(key)
        return mask
