"""The sizes the layout works with, in pixels; the widget derives them from its font."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LayoutMetrics:
    """Sizes for lanes, markers, titles, bins and chunks; a change means a new layout."""

    lanes: int = 12
    row_height: float = 22.0
    marker_radius: float = 5.0
    gap: float = 4.0  # least room between any two things in a lane
    bin_px: float = 64.0  # clusters gather the items of one bin
    chunk_bins: int = 16  # layout is built and cached a chunk of bins at a time
    bin_capacity: int = 64  # a bin holding more points than this (or than lanes) is a cluster
    max_title_px: float = 360.0
    min_title_px: float = 48.0  # a title elided shorter than this is left out
    min_bar_px: float = 4.0
    text_pad: float = 4.0

    def __post_init__(self) -> None:
        if self.lanes < 2 or self.chunk_bins < 1 or self.bin_capacity < 2:
            raise ValueError("a layout needs two lanes, one bin per chunk and two items a bin")
        if self.max_badge_width() < 2 * self.text_pad + 8:
            raise ValueError("bins are too narrow to hold a cluster badge")
        if self.chunk_bins * self.bin_px < 2 * (
            self.max_title_px + 3 * (self.marker_radius + self.gap)
        ):
            raise ValueError("chunks must be wider than the markers near their walls reach")

    @property
    def capacity(self) -> int:
        """Return how many points a bin may hold before it becomes a cluster: one per lane."""
        return min(self.bin_capacity, self.lanes)

    @property
    def span_lanes(self) -> int:
        """Return how many lanes spans may take: every one from lane 1 up.

        Lane 0 is kept for cluster badges (and markers); markers fill whatever the spans
        leave free, so spans are never capped below the height that is there.
        """
        return self.lanes - 1

    def max_badge_width(self) -> float:
        """Return the widest cluster badge: it stays clear of the markers of the next bins."""
        return self.bin_px - 2 * (self.marker_radius + self.gap)

    def lane_top(self, lane: int, bottom: float) -> float:
        """Return the top of a lane's row; lane 0 sits just above bottom, the others stack up."""
        return bottom - (lane + 1) * self.row_height
