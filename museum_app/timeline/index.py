"""Sorted arrays over the items, and which of them are shown, so that time is found by bisection.

ItemBase holds arrays over every item, made once per set of items. An ItemIndex adds which
of them pass the filter, as one byte per point and per span: counting the shown items in a
stretch of time is then bytes.count over the stretch, and a filter costs a few passes in C
(itertools.compress) rather than a Python loop over every item.
"""

from __future__ import annotations

import heapq
import math
import operator
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter

from museum_app.core.masks import all_of
from museum_app.timeline.items import KINDS, ItemColumns, ItemKind, TimelineItem
from museum_app.timeline.laned import LanedSpans

MAX_SPAN_LANES = 64  # spans stacked deeper than this can never be shown, only counted
_FLIP = bytes([1, 0]) + bytes(254)  # for bytes.translate: a byte mask's 0s and 1s swapped
# For bytes.translate: a kind's byte (its place in KINDS) to 1 for a point, 0 for a span.
_IS_POINT = bytes(kind is ItemKind.POINT for kind in KINDS) + bytes(256 - len(KINDS))


def span_lanes(spans: Sequence[tuple[float, float]]) -> list[int]:
    """Give each (start, end) the lowest lane free at its start; spans must come by start.

    Two spans share a lane only if one ends before the other starts, at every zoom, so the
    lanes of spans are computed once and a lane can be searched by bisection. (ItemIndex
    computes the same lanes another way, lane by lane; this is the rule it follows.)
    """
    lanes: list[int] = []
    free: list[int] = []
    busy: list[tuple[float, int]] = []
    opened = 0
    for start, end in spans:
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, opened = opened, opened + 1
        heapq.heappush(busy, (end, lane))
        lanes.append(lane)
    return lanes


def _at_least(cap: int) -> bytes:
    """Return the bytes.translate table that turns a lane into 1 if it is cap or above, else 0."""
    return bytes(lane >= cap for lane in range(256))


# For bytes.translate over a byte per item of 2 * shown + is_point: the shown byte of each point,
# the spans' bytes deleted; or of each span, the points' deleted.
_POINTS_SHOWN, _SPANS_SHOWN = bytes([0, 0, 0, 1]) + bytes(252), bytes([0, 0, 1, 0]) + bytes(252)


def _split(mask: bytes, is_point: bytes) -> tuple[bytes, bytes]:
    """Return a mask's bytes of the points, then of the spans, each in the items' order.

    Two bytes.translate passes in C: picking with itertools.compress makes an int per item,
    a millisecond for each of the two at 100,000 events, at every new filter.
    """
    count = len(mask)
    both = (int.from_bytes(mask, "little") << 1) | int.from_bytes(is_point, "little")
    marked = both.to_bytes(count, "little")  # a mask byte is 0 or 1: the shift stays in its byte
    return marked.translate(_POINTS_SHOWN, b"\x00\x02"), marked.translate(_SPANS_SHOWN, b"\x01\x03")


class ItemBase:
    """Every item as arrays, points and spans apart, each in the order they are anchored."""

    def __init__(self, items: Sequence[TimelineItem]) -> None:
        # Built with map and compress (loops in C): at start-up this runs over every event.
        self.items = items
        if isinstance(items, ItemColumns):  # the app's way: the columns are the arrays
            self.ids: Sequence[str] = items.ids
            self.starts = items.starts
            self.is_point = items.kinds.translate(_IS_POINT)
        else:
            self.ids = list(map(attrgetter("id"), items))
            self.starts = array("d", map(attrgetter("start"), items))
            kinds = map(attrgetter("kind"), items)
            self.is_point = bytes(map(operator.is_, kinds, repeat(ItemKind.POINT)))
        self.is_span = self.is_point.translate(_FLIP)
        everything = range(len(items))
        points, spans = (
            list(compress(everything, self.is_point)),
            list(compress(everything, self.is_span)),
        )
        point_starts = array("d", compress(self.starts, self.is_point))
        span_starts = array("d", compress(self.starts, self.is_span))
        ordered = False
        if isinstance(items, ItemColumns) and items.ordered:
            ordered = True  # ends known to lie after their starts: taken as they are, in C
            span_ends = array("d", compress(items.ends, self.is_span))
        else:  # an end at or before its start is read as a day long
            ends = map(attrgetter("end"), map(items.__getitem__, spans))
            span_ends = array("d", map(max, ends, map(operator.add, span_starts, repeat(1.0))))
        # Items come in the app's order, by start then end; sort only if they do not.
        self.in_order = ordered or (
            all(map(operator.le, point_starts, point_starts[1:]))
            and all(
                map(
                    operator.le,
                    zip(span_starts, span_ends, strict=True),
                    zip(span_starts[1:], span_ends[1:], strict=True),
                )
            )
        )
        if not self.in_order:
            points.sort(key=lambda i: items[i].start)
            order = sorted(range(len(spans)), key=lambda k: (span_starts[k], span_ends[k]))
            spans = [spans[k] for k in order]
            span_starts = array("d", [span_starts[k] for k in order])
            span_ends = array("d", [span_ends[k] for k in order])
            point_starts = array("d", [items[i].start for i in points])
        self.points = points
        self.point_times = array("d", map(operator.add, point_starts, repeat(0.5)))
        self.spans, self.span_starts, self.span_ends = spans, span_starts, span_ends
        self._span_pos = None if self.in_order else {item: pos for pos, item in enumerate(spans)}

    @cached_property
    def colour_sets(self) -> set[tuple[str, ...]]:
        """Return the first two colours of every item, each pair once."""
        every = (
            self.items.colours
            if isinstance(self.items, ItemColumns)
            else set(map(attrgetter("colours"), self.items))
        )
        return {colours[:2] for colours in every}

    def mask(self, visible_ids: Collection[str]) -> bytes:
        """Return one byte per item: 1 where its id is in visible_ids."""
        wanted = visible_ids if isinstance(visible_ids, set | frozenset) else frozenset(visible_ids)
        return bytes(map(wanted.__contains__, self.ids))

    def span_position(self, item: int) -> int | None:
        """Return where a span sits in spans, or None if the item is not a span."""
        if self._span_pos is not None:
            return self._span_pos.get(item)
        pos = bisect_left(self.spans, item)
        return pos if pos < len(self.spans) and self.spans[pos] == item else None


class SpanLanes(Mapping[int, int]):
    """The lane of each shown span, by item; found by bisection, not kept in a dict."""

    def __init__(self, index: ItemIndex) -> None:
        self._index = index

    def __getitem__(self, item: int) -> int:
        pos = self._index.base.span_position(item)
        if pos is None or not self._index.span_shown[pos]:
            raise KeyError(item)
        return self._index.lanes[pos]

    def __iter__(self) -> Iterator[int]:
        return iter(self._index.span_items)

    def __len__(self) -> int:
        return self._index.span_shown.count(1)


class ItemIndex:
    """The items that pass the filter, found in time by bisection; made anew on change.

    Points are anchored at the middle of their day, spans at their start; a bin of the
    layout holds the items anchored in it. The layout works on the arrays of every item
    (all_points, all_point_times, all_spans, all_span_starts) at the positions that
    points_between and spans_between return, which are those of shown items only. Span
    lanes at or above lane_cap are not kept: such spans overflow, counted wherever they may
    fall (overflow_between), never drawn. A pinned span (the selected one) takes lane 0 first,
    so that it is always drawn.
    """

    def __init__(
        self,
        items: Sequence[TimelineItem] | ItemBase,
        visible_ids: Collection[str] | None = None,
        lane_cap: int = MAX_SPAN_LANES,
        mask: bytes | None = None,
        pinned: int | None = None,
    ) -> None:
        base = items if isinstance(items, ItemBase) else ItemBase(items)
        self.base, self.items, self.lane_cap = base, base.items, lane_cap
        self.pinned = pinned
        if mask is None and visible_ids is not None:
            mask = base.mask(visible_ids)
        self.mask = mask
        self.all_points, self.all_point_times = base.points, base.point_times
        self.all_spans, self.all_span_starts = base.spans, base.span_starts
        if mask is None:
            self.point_shown = bytes([1]) * len(base.points)
            self.span_shown = bytes([1]) * len(base.spans)
        elif base.in_order:  # points and spans are in the items' order: pick from the mask in C
            self.point_shown, self.span_shown = _split(mask, base.is_point)
        else:
            self.point_shown = bytes(map(mask.__getitem__, base.points))
            self.span_shown = bytes(map(mask.__getitem__, base.spans))
        self._overflows: dict[int, tuple[list[int], array[float], array[float]]] = {}
        self._laned: dict[int, LanedSpans] = {}
        self._extent = self._find_extent()

    def _find_extent(self) -> tuple[float, float] | None:
        """Return the first start and last end of the shown items, or None if none are shown."""
        first_point, last_point = self.point_shown.find(1), self.point_shown.rfind(1)
        first_span = self.span_shown.find(1)
        if first_point < 0 and first_span < 0:
            return None
        starts, ends = [], []
        if first_point >= 0:
            starts.append(self.all_point_times[first_point] - 0.5)
            ends.append(self.all_point_times[last_point] + 0.5)
        if first_span >= 0:
            starts.append(self.all_span_starts[first_span])
            ends.append(max(compress(self.base.span_ends, self.span_shown)))
        return min(starts), max(ends)

    @cached_property
    def _laid(self) -> tuple[array[int], list[list[int]], list[array[float]], list[list[int]]]:
        """Return the spans' lanes, made on first use: a wide view, all clusters, needs none."""
        return self._lay_spans()

    @property
    def span_lane(self) -> Mapping[int, int]:
        """Return the lane of each shown span, by item."""
        return SpanLanes(self)  # made when asked: kept, it would make each index a cycle

    @property
    def lanes(self) -> array[int]:
        """Return the lane of each span in all_spans (lane_cap: none below the cap, or hidden)."""
        return self._laid[0]

    @property
    def lane_items(self) -> list[list[int]]:
        """Return the spans of each lane below the cap, by start."""
        return self._laid[1]

    @property
    def lane_starts(self) -> list[array[float]]:
        """Return the starts of the spans of each lane, for bisection."""
        return self._laid[2]

    def _lay_spans(self) -> tuple[array[int], list[list[int]], list[array[float]], list[list[int]]]:
        """Give each shown span the lowest lane free at its start, keeping lanes below the cap.

        Lane by lane: lane 0 takes the first span, then the first to start after it ends,
        and so on (found by bisection); lane 1 does the same with the spans lane 0 left; etc.
        That is span_lanes' rule, but costs as much as the spans that get a lane below the
        cap, not as every span: a crowd beyond the cap is skipped over.
        """
        cap, starts, ends = self.lane_cap, self.all_span_starts, self.base.span_ends
        lanes = array("h", [cap]) * len(starts)
        # 1 for each span shown and still without a lane: the next one is found by
        # bytearray.find, in C, however many taken or hidden spans lie between.
        free = bytearray(self.span_shown)
        members: list[list[int]] = []
        pin = self.base.span_position(self.pinned) if self.pinned is not None else None
        if pin is not None and not free[pin]:
            pin = None
        for lane in range(cap):
            taken: list[int] = []
            pos = free.find(1)
            while pos >= 0:
                if pin is not None and pos != pin and pos < pin and ends[pos] > starts[pin]:
                    pos = free.find(1, pos + 1)  # it would overlap the pinned span: not here
                    continue
                taken.append(pos)
                lanes[pos] = lane
                free[pos] = 0
                pos = free.find(1, bisect_left(starts, ends[pos], pos + 1))
            pin = None  # lane 0 holds it; the other lanes follow the plain rule
            if not taken:
                break
            members.append(taken)
        spans = self.all_spans
        lane_items = [[spans[p] for p in lane] for lane in members]
        lane_starts = [array("d", [starts[p] for p in lane]) for lane in members]
        return lanes, lane_items, lane_starts, members

    def _overflow(self, cap: int) -> tuple[list[int], array[float], array[float]]:
        """Return the spans without a lane below cap (by start), and their sorted starts and ends."""
        cap = min(cap, self.lane_cap)
        found = self._overflows.get(cap)
        if found is None:
            # A byte per span, 1 where it is shown with no lane below cap, and every column
            # picked by it in C: in a crowd most spans overflow (41,000 of 45,000 at 100,000
            # events), and a Python loop over them took 10 ms of each new filter's first paint.
            # A lane is at most lane_cap (MAX_SPAN_LANES), so it fits in a byte.
            beyond = bytes(self.lanes.tolist()).translate(_at_least(cap))
            keep = all_of([beyond, self.span_shown], len(beyond))
            positions = list(compress(range(len(keep)), keep))
            starts = array("d", compress(self.all_span_starts, keep))
            ends = array("d", sorted(compress(self.base.span_ends, keep)))
            found = self._overflows[cap] = (positions, starts, ends)
        return found

    def overflow_between(self, t0: float, t1: float, cap: int = MAX_SPAN_LANES) -> int:
        """Count the shown spans without a lane below cap whose days meet [t0, t1)."""
        _, starts, ends = self._overflow(cap)
        if not starts:
            return 0
        # Those that start before t1, less those that end by t0 (which start before t1 too).
        return bisect_left(starts, t1) - bisect_right(ends, t0)

    def overflow_items(self, t0: float, t1: float, cap: int = MAX_SPAN_LANES) -> list[int]:
        """Return the shown spans without a lane below cap whose days meet [t0, t1), by start."""
        positions, starts, _ = self._overflow(cap)
        ends, spans = self.base.span_ends, self.all_spans
        upto = bisect_left(starts, t1)
        return [spans[p] for p in positions[:upto] if ends[p] > t0]

    def laned(self, cap: int) -> LanedSpans:
        """Return the shown spans with a lane below cap as arrays, made on first use."""
        cap = min(cap, self.lane_cap)
        found = self._laned.get(cap)
        if found is None:
            # The lanes below cap hold them: fewer than every span, which a crowd makes many.
            positions = sorted(chain.from_iterable(self._laid[3][:cap]))
            found = LanedSpans(positions, self.all_span_starts, self.base.span_ends)
            self._laned[cap] = found
        return found

    def short_spans_between(
        self, t0: float, t1: float, days: float, cap: int
    ) -> tuple[list[int], float]:
        """Return the shown spans anchored in [t0, t1) shorter than days with a lane below cap.

        Return their positions in all_spans and the furthest end among them (t1 if none).
        """
        return self.laned(cap).short_between(t0, t1, days)

    def laned_spans_between(self, t0: float, t1: float, cap: int, at_least: float = 0.0) -> list[int]:
        """Return the positions of the shown spans anchored in [t0, t1) with a lane below cap
        that last at least at_least days."""
        return self.laned(cap).between(t0, t1, at_least)

    def has_lane(self, item: int) -> bool:
        """Say whether a shown span has a lane below the cap (and so can be drawn)."""
        pos = self.base.span_position(item)
        return pos is not None and self.span_shown[pos] == 1 and self.lanes[pos] < self.lane_cap

    def point_count_between(self, t0: float, t1: float) -> int:
        """Count the shown points anchored in [t0, t1)."""
        times = self.all_point_times
        p0, p1 = bisect_left(times, t0), bisect_left(times, t1)
        return p1 - p0 if self.mask is None else self.point_shown.count(1, p0, p1)

    @cached_property
    def point_items(self) -> list[int]:
        """Return the shown points, by anchor."""
        return list(compress(self.all_points, self.point_shown))

    @cached_property
    def point_times(self) -> array[float]:
        """Return the anchors of the shown points (the middle of their day), in order."""
        return array("d", compress(self.all_point_times, self.point_shown))

    @cached_property
    def span_items(self) -> list[int]:
        """Return the shown spans, by start then end."""
        return list(compress(self.all_spans, self.span_shown))

    @cached_property
    def span_starts(self) -> array[float]:
        """Return the starts of the shown spans, in order."""
        return array("d", compress(self.all_span_starts, self.span_shown))

    @cached_property
    def anchors(self) -> array[float]:
        """Return every shown item's anchor, sorted."""
        return array("d", sorted([*self.point_times, *self.span_starts]))

    @cached_property
    def order(self) -> list[int]:
        """Return the shown items in the app's order."""
        every = range(len(self.items))
        return list(every if self.mask is None else compress(every, self.mask))

    @cached_property
    def order_starts(self) -> array[float]:
        """Return the starts of the shown items in the app's order."""
        if self.mask is None:
            return self.base.starts
        return array("d", compress(self.base.starts, self.mask))

    def __bool__(self) -> bool:
        """Say whether any item is shown."""
        return self._extent is not None

    def rank_of(self, item: int) -> int | None:
        """Return an item's place among the shown ones, or None if it is not shown."""
        if not self.shows(item):
            return None
        return bisect_left(self.order, item)

    def shows(self, item: int | None) -> bool:
        """Say whether an item passes the filter."""
        if item is None or not 0 <= item < len(self.items):
            return False
        return self.mask is None or bool(self.mask[item])

    def end_of(self, item: int) -> float:
        """Return an item's end, at least a day after its start."""
        it = self.items[item]
        return max(it.end, it.start + 1)

    def count_between(self, t0: float, t1: float) -> int:
        """Count the shown items anchored in [t0, t1)."""
        times, starts = self.all_point_times, self.all_span_starts
        p0, p1 = bisect_left(times, t0), bisect_left(times, t1)
        s0, s1 = bisect_left(starts, t0), bisect_left(starts, t1)
        if self.mask is None:
            return p1 - p0 + s1 - s0
        return self.point_shown.count(1, p0, p1) + self.span_shown.count(1, s0, s1)

    def counts_between(self, edges: Sequence[float]) -> list[int]:
        """Count the shown items anchored between each two edges (in order): [e0, e1), ..."""
        counts: list[int] = [0] * max(0, len(edges) - 1)
        for times, shown in ((self.all_point_times, self.point_shown),
                             (self.all_span_starts, self.span_shown)):  # fmt: skip
            at = list(map(bisect_left, repeat(times), edges))
            if self.mask is None:
                found: Iterator[int] = map(operator.sub, at[1:], at)
            else:
                found = map(shown.count, repeat(1), at, at[1:])
            counts = list(map(operator.add, counts, found))
        return counts

    def points_between(self, t0: float, t1: float) -> list[int]:
        """Return the positions in all_points of the shown points anchored in [t0, t1)."""
        lo, hi = bisect_left(self.all_point_times, t0), bisect_left(self.all_point_times, t1)
        return list(compress(range(lo, hi), self.point_shown[lo:hi]))

    def spans_between(self, t0: float, t1: float) -> list[int]:
        """Return the positions in all_spans of the shown spans that start in [t0, t1)."""
        lo, hi = bisect_left(self.all_span_starts, t0), bisect_left(self.all_span_starts, t1)
        return list(compress(range(lo, hi), self.span_shown[lo:hi]))

    def first_anchor_from(self, t: float) -> float:
        """Return the first shown anchor at or after t, or infinity."""
        i = self.point_shown.find(1, bisect_left(self.all_point_times, t))
        j = self.span_shown.find(1, bisect_left(self.all_span_starts, t))
        point = self.all_point_times[i] if i >= 0 else math.inf
        return min(point, self.all_span_starts[j] if j >= 0 else math.inf)

    def lane_span_before(self, lane: int, t: float) -> int | None:
        """Return the last span of a lane that starts before t."""
        i = bisect_left(self.lane_starts[lane], t) - 1
        return self.lane_items[lane][i] if i >= 0 else None

    def next_start_in_lane(self, item: int, pos: int | None = None) -> float:
        """Return the start of the next span in this one's lane (pos: its place), or infinity."""
        lanes, _, _, positions = self._laid
        pos = self.base.span_position(item) if pos is None else pos
        if pos is None or lanes[pos] >= len(positions):
            return math.inf
        following = positions[lanes[pos]]
        at = bisect_left(following, pos) + 1
        return self.all_span_starts[following[at]] if at < len(following) else math.inf

    def extent(self) -> tuple[float, float] | None:
        """Return the first start and last end of the shown items, or None if none are shown."""
        return self._extent
