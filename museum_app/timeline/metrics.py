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
    bin_capacity: int = 6  # a bin holding more items than this is shown as a cluster
    max_title_px: float = 260.0
    min_title_px: float = 48.0  # a title elided shorter than this is left out
    min_bar_px: float = 4.0
    text_pad: float = 4.0

    def __post_init__(self) -> None:
        if self.lanes < 1 or self.chunk_bins < 1 or self.bin_capacity < 1:
            raise ValueError("a layout needs at least one lane, one bin per chunk and one item")
        if self.max_badge_width() < 2 * self.text_pad + 8:
            raise ValueError("bins are too narrow to hold a cluster badge")
        if self.chunk_bins * self.bin_px < 2 * (
            self.max_title_px + 3 * (self.marker_radius + self.gap)
        ):
            raise ValueError("chunks must be wider than the markers near their walls reach")

    @property
    def capacity(self) -> int:
        """Return how many items a bin may hold before it becomes a cluster."""
        return min(self.bin_capacity, self.lanes)

    @property
    def span_lanes(self) -> int:
        """Return how many lanes spans may take (from lane 1), leaving the rest to markers."""
        return min(self.lanes - 1, max(1, self.lanes // 2))

    def max_badge_width(self) -> float:
        """Return the widest cluster badge: it stays clear of the markers of the next bins."""
        return self.bin_px - 2 * (self.marker_radius + self.gap)

    def lane_top(self, lane: int, bottom: float) -> float:
        """Return the top of a lane's row; lane 0 sits just above bottom, the others stack up."""
        return bottom - (lane + 1) * self.row_height
