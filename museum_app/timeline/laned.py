"""The shown spans with a lane below a cap, as arrays by start, so that a bin's are found by bisection.

Lanes do not change with the zoom, and in a crowd few spans get one below the cap: at
100,000 events, about 700 of 45,000 spans. A bin's spans that may be drawn or counted in
its badge are looked for among these alone, not among every span that starts in the bin;
a far zoom's bin holds thousands of the others, and every notch of a zoom asks anew.
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_left
from itertools import compress, repeat


class LanedSpans:
    """The shown spans with a lane below a cap: their places in all_spans, starts and ends."""

    def __init__(self, positions: list[int], starts: array[float], ends: array[float]) -> None:
        """Keep the spans at these places (in order) of the arrays of every span's start and end."""
        self.positions = positions
        self.starts = array("d", map(starts.__getitem__, positions))
        self.ends = array("d", map(ends.__getitem__, positions))
        # The same subtraction as the tests of a span's length made it: the same float.
        self.lengths = array("d", map(operator.sub, self.ends, self.starts))

    def __len__(self) -> int:
        return len(self.positions)

    def _stretch(self, t0: float, t1: float) -> tuple[int, int]:
        """Return where the spans that start in [t0, t1) lie in these arrays."""
        return bisect_left(self.starts, t0), bisect_left(self.starts, t1)

    def short_between(self, t0: float, t1: float, days: float) -> tuple[list[int], float]:
        """Return the places of those starting in [t0, t1) shorter than days, and their furthest
        end (t1 if none)."""
        lo, hi = self._stretch(t0, t1)
        if lo == hi:
            return [], t1
        keep = bytes(map(operator.lt, self.lengths[lo:hi], repeat(days)))
        ends = self.ends[lo:hi]
        return list(compress(self.positions[lo:hi], keep)), max(compress(ends, keep), default=t1)

    def between(self, t0: float, t1: float, at_least: float = 0.0) -> list[int]:
        """Return the places of those starting in [t0, t1) that last at least at_least days."""
        lo, hi = self._stretch(t0, t1)
        if at_least <= 0 or lo == hi:
            return self.positions[lo:hi]
        lasting = map(operator.ge, self.lengths[lo:hi], repeat(at_least))
        return list(compress(self.positions[lo:hi], lasting))
