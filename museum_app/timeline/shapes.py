"""What the layout places: markers, bars and cluster badges, anchored in time."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from museum_app.timeline.scale import TimeScale


class ShapeKind(Enum):
    """How a placed thing is drawn."""

    POINT = "point"
    SPAN = "span"
    CLUSTER = "cluster"


@dataclass(slots=True, eq=False)
class Shape:
    """One placed thing: times plus sizes in pixels, so that it can be drawn at any scale.

    The layout is made at the lowest zoom of a bucket; drawn at a higher zoom, times move
    apart while pixel sizes stay, so nothing that did not overlap starts to.
    """

    kind: ShapeKind
    item: int  # the item's index; -1 for a cluster
    lane: int
    t0: float  # point: the middle of its day; span: its start; cluster: its bin's middle
    t1: float  # span: its end; otherwise t0
    body: float  # point: marker radius; span: least bar width; cluster: half the badge width
    title: float = 0.0  # title width in pixels; 0 shows no title
    inside: bool = False  # a span's title drawn inside its bar
    count: int = 0  # a cluster: how many items it stands for
    bin_start: float = 0.0  # a cluster: the time range its items are anchored in
    bin_end: float = 0.0
    reach: float = 0.0  # a cluster: the last day its items may fall on (short spans run on)
    members: tuple[int, ...] = ()  # a cluster over two bins' edge: its items (else found by bin)

    def body_x(self, scale: TimeScale) -> tuple[float, float]:
        """Return the left and right of the marker, bar or badge."""
        x = scale.x_of(self.t0)
        if self.kind is ShapeKind.SPAN:
            return x, max(scale.x_of(self.t1), x + self.body)
        return x - self.body, x + self.body

    def drawn_x(self, scale: TimeScale, width: float) -> tuple[float, float]:
        """Return the left and right of the body as drawn in a view this wide.

        A badge whose bin meets the view but that lies past an edge is drawn at that edge,
        so that what it counts is never out of sight while its days are in view.
        """
        left, right = self.body_x(scale)
        if self.kind is ShapeKind.CLUSTER:
            if left < 0:
                left, right = 0.0, right - left
            elif right > width:
                left, right = width - (right - left), width
        return left, right

    def title_x(self, scale: TimeScale, gap: float) -> tuple[float, float] | None:
        """Return where the title may be drawn, or None if it has none."""
        if self.title <= 0:
            return None
        left, right = self.body_x(scale)
        if self.inside:
            return left + gap, min(right - gap, left + gap + self.title)
        return right + gap, right + gap + self.title

    def extent(self, scale: TimeScale, gap: float) -> tuple[float, float]:
        """Return the left and right of everything drawn for it."""
        left, right = self.body_x(scale)
        title = self.title_x(scale, gap)
        return left, right if title is None else max(right, title[1])
