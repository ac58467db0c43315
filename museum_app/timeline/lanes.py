"""Stack markers into lanes, left to right, around things placed beforehand.

Positions are absolute pixels at the layout's zoom. Each lane keeps the right edge of its
last marker (hard) and of its last title (soft); a marker goes to the first lane where it
keeps the previous title whole and has room for its own, else the lane where it keeps that
title with the most room for its own, else the first lane where only the previous marker is
clear, eliding that title.
"""

from __future__ import annotations

import math
from bisect import insort
from collections.abc import Sequence

from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.shapes import Shape, ShapeKind

Cut = tuple[Shape, float]  # a shape whose title is to be elided to this width


class LaneState:
    """Where each lane is taken so far, plus obstacles (spans, wall markers) placed before."""

    def __init__(
        self,
        metrics: LayoutMetrics,
        obstacles: Sequence[Sequence[tuple[float, float]]],
        limits: Sequence[float],
    ) -> None:
        lanes = metrics.lanes
        self.metrics = metrics
        self.hard = [-math.inf] * lanes
        self.soft = [-math.inf] * lanes
        self.last: list[Shape | None] = [None] * lanes
        self.title_from = [0.0] * lanes  # where the last shape's title starts
        self.obstacles = obstacles  # per lane: (left, right), sorted and disjoint
        self.limits = limits  # per lane: titles end before this
        # Per lane, the first obstacle not yet left behind, and its edges (infinite if none):
        # markers come in order of x, so an obstacle left behind stays behind.
        self.next_obstacle = [0] * lanes
        self.next_left = [lane[0][0] if lane else math.inf for lane in obstacles]
        self.next_right = [lane[0][1] if lane else math.inf for lane in obstacles]

    def copy(self) -> LaneState:
        """Return a copy to try a bin on."""
        other = LaneState.__new__(LaneState)
        other.metrics, other.obstacles, other.limits = self.metrics, self.obstacles, self.limits
        other.hard, other.soft = self.hard[:], self.soft[:]
        other.last, other.title_from = self.last[:], self.title_from[:]
        other.next_obstacle = self.next_obstacle[:]
        other.next_left, other.next_right = self.next_left[:], self.next_right[:]
        return other

    def _pass_obstacles(self, lane: int, left: float) -> None:
        """Move past the obstacles of a lane that end a gap before left."""
        gap = self.metrics.gap
        obstacles = self.obstacles[lane]
        i = self.next_obstacle[lane]
        while i < len(obstacles) and obstacles[i][1] + gap <= left:
            i += 1
        self.next_obstacle[lane] = i
        edges = obstacles[i] if i < len(obstacles) else (math.inf, math.inf)
        self.next_left[lane], self.next_right[lane] = edges

    def _cut(self, lane: int, left: float, cuts: list[Cut]) -> None:
        """Elide the lane's last title so that it ends a gap before left."""
        last = self.last[lane]
        if last is not None and last.title > 0 and self.soft[lane] + self.metrics.gap > left:
            width = left - self.metrics.gap - self.title_from[lane]
            cuts.append((last, width if width >= self.metrics.min_title_px else 0.0))

    def place_point(
        self, item: int, t: float, x: float, want: float, cuts: list[Cut], first_lane: int = 0
    ) -> Shape | None:
        """Place a point's marker centred on x with up to want pixels of title, or return None."""
        m = self.metrics
        left, right = x - m.marker_radius, x + m.marker_radius
        # One pass over the lanes: the first that keeps the previous title whole with room for
        # this one wins at once; else, of those that keep that title, the one with the most
        # room for this one (the first of equals); else the first open one.
        gap, hard, soft = m.gap, self.hard, self.soft
        next_left, next_right, limits = self.next_left, self.next_right, self.limits
        clear = left - gap  # a lane is open if what it holds ends at or before this
        after = right + gap  # where this marker's title would start
        keeps_title: tuple[int, float] | None = None
        anywhere: tuple[int, float] | None = None
        for lane in range(first_lane, m.lanes):
            if hard[lane] > clear:
                continue
            if next_right[lane] <= clear:
                self._pass_obstacles(lane, left)
            obstacle = next_left[lane]
            if obstacle < after:
                continue  # the marker itself would touch an obstacle
            reach = (obstacle if obstacle < limits[lane] else limits[lane]) - gap
            room = reach - after
            if soft[lane] <= clear:
                if room >= want:
                    keeps_title = anywhere = (lane, room)
                    break
                if keeps_title is None or room > keeps_title[1]:
                    keeps_title = (lane, room)
            anywhere = anywhere or (lane, room)
        choice = keeps_title or anywhere
        if choice is None:
            return None
        lane, room = choice
        self._cut(lane, left, cuts)
        title = min(want, room)
        title = title if title >= min(m.min_title_px, want) else 0.0  # a short one whole
        shape = Shape(ShapeKind.POINT, item, lane, t, t, m.marker_radius, title)
        self.hard[lane] = right
        self.soft[lane] = right + m.gap + title if title else right
        self.last[lane] = shape
        self.title_from[lane] = right + m.gap
        return shape

    def reserve(self, lane: int, left: float, right: float) -> None:
        """Take [left, right] of a lane before any marker is placed, as an obstacle.

        For the selected event, placed first on a copy: so its marker and title stay whole
        while the markers to its left still use the lane up to it.
        """
        obstacles = list(self.obstacles[lane])
        insort(obstacles, (left, right))
        self.obstacles = [*self.obstacles[:lane], obstacles, *self.obstacles[lane + 1 :]]
        self.next_obstacle[lane] = 0
        self.next_left[lane], self.next_right[lane] = obstacles[0]

    def place_points(
        self, points: Sequence[tuple[int, float, float, float]], first_lane: int = 0, skip: bool = False
    ) -> tuple[list[Shape], int] | None:
        """Place (item, time, x, title width) in order, from first_lane up.

        Return the shapes and how many were skipped for want of room; without skip, place
        all of them or none (None).
        """
        trial = self.copy()
        cuts: list[Cut] = []
        shapes: list[Shape] = []
        skipped = 0
        for item, t, x, want in points:
            shape = trial.place_point(item, t, x, want, cuts, first_lane)
            if shape is not None:
                shapes.append(shape)
            elif skip:
                skipped += 1
            else:
                return None
        self.hard, self.soft, self.last = trial.hard, trial.soft, trial.last
        self.title_from, self.next_obstacle = trial.title_from, trial.next_obstacle
        self.next_left, self.next_right = trial.next_left, trial.next_right
        for shape, width in cuts:
            shape.title = width
        return shapes, skipped

    def place_badge(self, left: float, right: float) -> None:
        """Take [left, right] of lane 0 for a cluster badge, eliding the title before it."""
        cuts: list[Cut] = []
        self._cut(0, left, cuts)
        for shape, width in cuts:
            shape.title = width
        self.hard[0] = self.soft[0] = right
        self.last[0] = None
