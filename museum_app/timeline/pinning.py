"""The selected point at one zoom: where it lies, and the walls and chunks that place it first.

A chunk that would hide it, or cut its title, is laid out again with it placed before
anything else: by the wall it lies near, or inside its chunk among the spans alone (the
chunk's walls then keep clear of it). Placed first, it takes the lane with the most room.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from museum_app.timeline.lanes import Cut, LaneState
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.shapes import Shape


@dataclass(slots=True)
class PinnedPoint:
    """The selected point in one zoom bucket's layout."""

    item: int
    t: float  # its anchor: the middle of its day
    want: float  # the title width it asks for
    home: int  # the chunk it is anchored in
    scale: TimeScale  # the layout's
    gap: float
    first: set[tuple[str, int]] = field(default_factory=set)  # ("wall" | "chunk", n): placed first
    shape: Shape | None = None  # placed first inside its chunk, kept clear by its walls

    def place(self, state: LaneState) -> Shape | None:
        """Place it before anything else: above lane 0 if it can, else in it.

        It is placed on a copy and then reserved in its lane, title and all: the markers
        placed after it neither cut its title nor lose the lane to the left of it.
        """
        x = self.t * self.scale.px_per_day
        shape = None
        for first_lane in (1, 0):
            trial, cuts = state.copy(), list[Cut]()  # nothing placed yet: nothing to cut
            shape = trial.place_point(self.item, self.t, x, self.want, cuts, first_lane)
            if shape is not None:
                state.reserve(shape.lane, *shape.extent(self.scale, self.gap))
                break
        return shape

    def first_at_wall(self, w: int) -> bool:
        """Say whether wall w places it first."""
        return ("wall", w) in self.first

    def first_in_chunk(self, c: int) -> Shape | None:
        """Return its shape if chunk c places it first (None also if it found no room)."""
        return self.shape if ("chunk", c) in self.first else None

    def beside_wall(self, w: int) -> Shape | None:
        """Return its shape if placed first inside a chunk beside wall w: the wall keeps clear."""
        if self.shape is not None and {("chunk", w - 1), ("chunk", w)} & self.first:
            return self.shape
        return None

    def wanted(self, placed: dict[int, Shape]) -> bool:
        """Say whether a layout (its shapes by item) hides it or cuts its title, and it was
        not placed first there."""
        shape = placed.get(self.item)
        if shape is not None and shape.title >= self.want:
            return False
        c = self.home
        return not {("chunk", c), ("wall", c), ("wall", c + 1)} & self.first

    def walls_laid_out_with_it(self) -> list[tuple[int, ...]]:
        """Return the walls (each with the chunks beside it) laid out with it placed first."""
        return [(n,) if kind == "wall" else (n, n + 1) for kind, n in self.first]
