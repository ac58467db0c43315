"""The items given to the timeline, which of them the filter shows, and their index."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from museum_app.timeline.index import ItemBase, ItemIndex
from museum_app.timeline.items import ItemColumns, TimelineItem


class ShownItems:
    """Items in the app's date order, a filter over them, and the index of the shown ones.

    A filter is kept as one byte per item (its mask); the index is made again only when the
    items, the filter or the lane cap change, and the unfiltered one is kept, so that
    clearing a filter costs nothing.
    """

    def __init__(self) -> None:
        self.items: Sequence[TimelineItem] = []
        self._ids: dict[str, int] | None = {}
        self._base = ItemBase([])
        self._visible_ids: frozenset[str] | None = None
        self._mask: bytes | None = None  # None: every item is shown
        self._unfiltered: ItemIndex | None = None
        self._index: ItemIndex | None = None
        self._pinned: ItemIndex | None = None  # the index with a span pinned, if one needs it

    def set_items(self, items: Sequence[TimelineItem]) -> None:
        """Take new items; a filter by ids carries over to them, one by mask does not."""
        # Columns are kept as they are: a list of them would make every item.
        self.items = items if isinstance(items, ItemColumns) else list(items)
        self._base = ItemBase(self.items)
        self._ids = None  # made on first use: often none is needed at start-up
        self._mask = None if self._visible_ids is None else self._base.mask(self._visible_ids)
        self._unfiltered = self._index = None

    def find(self, event_id: str | None) -> int | None:
        """Return the item of an id, or None."""
        if event_id is None:
            return None
        if isinstance(self.items, ItemColumns):
            return self.items.find(event_id)
        if self._ids is None:
            self._ids = dict(zip(self._base.ids, range(len(self.items)), strict=True))
        return self._ids.get(event_id)

    def find_all(self, event_ids: Collection[str]) -> list[int]:
        """Return the items of those ids that are here, in no order."""
        if isinstance(self.items, ItemColumns):
            return self.items.find_all(event_ids)
        found = map(self.find, event_ids)
        return [item for item in found if item is not None]

    def set_filter(self, visible_ids: Collection[str] | None) -> bool:
        """Show only these ids (None: all); return whether anything changed."""
        wanted = None if visible_ids is None else frozenset(visible_ids)
        if wanted == self._visible_ids and (wanted is not None or self._mask is None):
            return False
        self._visible_ids = wanted
        self._mask = None if wanted is None else self._base.mask(wanted)
        self._index = None
        return True

    def set_mask(self, mask: bytes | None) -> bool:
        """Show only the items whose byte is 1 (None: all); return whether anything changed."""
        if mask is not None and len(mask) != len(self.items):
            raise ValueError(f"a mask of {len(mask)} bytes for {len(self.items)} items")
        if mask == self._mask:
            return False
        self._visible_ids, self._mask, self._index = None, mask, None
        return True

    def index(self, lane_cap: int, pinned: int | None = None) -> ItemIndex:
        """Return the index of the shown items, with span lanes kept up to lane_cap.

        pinned, a span, is given a lane first if it would have none: the selected event is
        always drawn. (A span that has a lane anyway keeps the plain layout.)
        """
        plain = self._plain(lane_cap)
        if pinned is None or not plain.shows(pinned) or plain.base.span_position(pinned) is None:
            return plain
        if plain.has_lane(pinned):
            return plain
        if self._pinned is None or self._pinned.pinned != pinned or self._pinned.lane_cap != lane_cap:
            self._pinned = ItemIndex(self._base, lane_cap=lane_cap, mask=self._mask, pinned=pinned)
        return self._pinned

    def _plain(self, lane_cap: int) -> ItemIndex:
        """Return the index of the shown items without a pinned span."""
        if self._index is not None and self._index.lane_cap == lane_cap:
            return self._index
        self._pinned = None
        if self._mask is not None:
            self._index = ItemIndex(self._base, lane_cap=lane_cap, mask=self._mask)
        else:
            if self._unfiltered is None or self._unfiltered.lane_cap != lane_cap:
                self._unfiltered = ItemIndex(self._base, lane_cap=lane_cap)
            self._index = self._unfiltered
        return self._index
