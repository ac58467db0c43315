"""Map time (ordinal days) to x (pixels) and back, and the zoom levels the layout uses."""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_PX_PER_DAY = 0.005  # about nine centuries across 1,600 pixels
MAX_PX_PER_DAY = 240.0  # a week across a wide window
# Layouts are cached per zoom bucket: four per doubling keeps a zoom step to one new layout.
BUCKETS_PER_OCTAVE = 4


def clamp_px_per_day(px_per_day: float) -> float:
    """Keep a zoom level within what the timeline can show."""
    return min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, px_per_day))


def zoom_bucket(px_per_day: float) -> int:
    """Return the quantised zoom level that a layout at px_per_day is cached under."""
    return math.floor(math.log2(px_per_day) * BUCKETS_PER_OCTAVE)


def bucket_px_per_day(bucket: int) -> float:
    """Return the zoom a bucket is laid out at: its lowest, so zooming in only adds room."""
    return float(2.0 ** (bucket / BUCKETS_PER_OCTAVE))


@dataclass(frozen=True, slots=True)
class TimeScale:
    """A linear map from ordinal days to pixels: x = (t - origin) * px_per_day."""

    origin: float  # the time at x = 0
    px_per_day: float

    def x_of(self, t: float) -> float:
        """Return the x of a time."""
        return (t - self.origin) * self.px_per_day

    def time_of(self, x: float) -> float:
        """Return the time at an x."""
        return self.origin + x / self.px_per_day

    def visible_range(self, width: float) -> tuple[float, float]:
        """Return the times at the left and right edges of a view this wide."""
        return self.origin, self.origin + width / self.px_per_day

    def zoomed(self, factor: float, anchor_x: float) -> TimeScale:
        """Zoom by factor, keeping the time under anchor_x where it is."""
        anchor_t = self.time_of(anchor_x)
        px_per_day = clamp_px_per_day(self.px_per_day * factor)
        return TimeScale(anchor_t - anchor_x / px_per_day, px_per_day)

    def panned(self, dx: float) -> TimeScale:
        """Move the view dx pixels later in time (negative: earlier)."""
        return TimeScale(self.origin + dx / self.px_per_day, self.px_per_day)

    @classmethod
    def fitting(cls, start: float, end: float, width: float) -> TimeScale:
        """Return the scale that shows [start, end) across width, centred if zoom is clamped."""
        span = max(end - start, 1e-9)
        px_per_day = clamp_px_per_day(max(width, 1.0) / span)
        middle = (start + end) / 2
        return cls(middle - max(width, 1.0) / 2 / px_per_day, px_per_day)
