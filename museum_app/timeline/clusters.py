"""Bins of time per zoom level, and how a cluster's count reads."""

from __future__ import annotations

import math
from dataclasses import dataclass


def count_label(count: int) -> str:
    """Return a short label for a count: 7, 312, 4.1k, 38k, 1.2M."""
    if count < 1000:
        return str(count)
    if count < 10_000:
        return f"{count / 1000:.1f}k"
    if count < 1_000_000:
        return f"{count // 1000}k"
    return f"{count / 1_000_000:.1f}M"


@dataclass(frozen=True, slots=True)
class Bins:
    """Equal bins of time from day 0; bin b holds times in [start(b), start(b + 1))."""

    days: float

    def start(self, b: int) -> float:
        """Return the first time of bin b."""
        return b * self.days

    def of(self, t: float) -> int:
        """Return the bin that holds t, by the same boundaries that start() gives."""
        b = math.floor(t / self.days)
        # Division and multiplication round differently; settle on start()'s boundaries.
        while self.start(b) > t:
            b -= 1
        while self.start(b + 1) <= t:
            b += 1
        return b
