"""The timeline as screen readers get it: a list of the events drawn on their own and the badges.

Qt owns every interface made here, through the factory: Qt's cache keeps an interface while
its QObject lives and deletes it with that object. So each item of the list stands on a
small QObject of its own (a marker), deleted when its event or badge is no longer drawn; a
Python object handed to Qt any other way dies with its last Python reference while Qt still
holds its address. Markers are deleted only while the items are gathered anew, never inside
an item's own method. The interfaces themselves are in accessible_parts.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface

from museum_app.core.days import day_of
from museum_app.core.domain import Event
from museum_app.core.event_date import written_days
from museum_app.ui.language import words
from museum_app.ui.timeline.accessible_parts import Actions, Item, TimelineAccessible
from museum_app.ui.timeline.seen import BadgeEntry

if TYPE_CHECKING:
    from museum_app.ui.timeline.view import TimelineView

Kind = QAccessible.Event
Key = tuple[object, ...]  # what an item stands for: ("event", id), or a badge's ends and count
_installed = False


class Marker(QObject):
    """What one item of the list stands for: an event drawn on its own, or a badge."""

    def __init__(self, access: TimelineAccess, event_id: str | None, badge: BadgeEntry | None) -> None:
        super().__init__(access)
        self.access = access
        self.event_id = event_id
        self.badge = badge  # as last gathered: a badge's place changes with every pan
        # Kept here, not on the item: PySide keeps every interface its factory made for good.
        self.actions = Actions(self)


class TimelineAccess(QObject):
    """The timeline's items for assistive tools, and the events that tell them of changes.

    notified repeats what was sent (the kind of event and the item's place, -1 for the list),
    since Qt lets nothing in the process listen to what it sends to assistive tools.
    """

    notified = Signal(object, int)

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self.setObjectName("timelineAccess")
        self.view = view
        self._markers: dict[Key, Marker] = {}
        self._order: list[Marker] | None = None  # None: gather anew when asked
        self._announced: str | None = None  # the selected event assistive tools were told of
        self._moved = self._focus_in = False
        self._find_event: Callable[[str], Event | None] | None = None
        # Told when the view settles: after Qt's own news of the focus, so that ours comes last.
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self._tell)
        view.scene_changed.connect(self._scene_changed)
        view.installEventFilter(self)
        _install()

    def set_events(self, find: Callable[[str], Event | None]) -> None:
        """Take where events are found in full, to word their dates in the window's language."""
        self._find_event = find

    # The items

    def items(self) -> list[Marker]:
        """Return the items by time, then lane from the axis up; gathered anew after a change."""
        if self._order is None:
            self._order = self._gather()
        return self._order

    def _gather(self) -> list[Marker]:
        """Make a marker for each event and badge drawn, keeping those still drawn."""
        view = self.view
        found: list[tuple[tuple[float, float], Key, str | None, BadgeEntry | None]] = []
        for event_id in view.drawn_event_ids():
            item, rect = view.item_of(event_id), view.marker_rect(event_id)
            if item is not None and rect is not None:
                found.append(((item.start, -rect.top()), ("event", event_id), event_id, None))
        for badge in view.badge_entries():
            ends = (badge.ids[0], badge.ids[-1]) if badge.ids else ("", "")
            place = (float(badge.first_day.toordinal()), -badge.rect.top())
            found.append((place, ("badge", *ends, len(badge.ids), badge.first_day), None, badge))
        found.sort(key=lambda entry: entry[0])
        markers: dict[Key, Marker] = {}
        for _, key, shown_id, shown_badge in found:
            marker = self._markers.pop(key, None) or Marker(self, shown_id, shown_badge)
            marker.badge = shown_badge
            markers[key] = marker
        for gone in self._markers.values():
            shiboken6.delete(gone)  # Qt deletes its interface with it
        self._markers = markers
        return list(markers.values())

    def marker_of(self, interface: QAccessibleInterface | None) -> Marker | None:
        """Return the marker an item of this list stands on, or None."""
        found = None if interface is None else interface.object()
        return found if isinstance(found, Marker) and found.access is self else None

    def index_of(self, marker: Marker | None) -> int:
        """Return the place of an item in the list, or -1."""
        order = self.items()
        return order.index(marker) if marker is not None and marker in order else -1

    def selected(self) -> Marker | None:
        """Return the selected event's item, if it is drawn."""
        chosen = self.view.selected_id()
        return next((m for m in self.items() if m.event_id == chosen), None)

    def at(self, point: QPoint) -> Marker | None:
        """Return the item drawn at a point of the screen."""
        local = QPointF(self.view.mapFromGlobal(point))
        return next((m for m in self.items() if self.local_rect(m).contains(local)), None)

    def local_rect(self, marker: Marker) -> QRectF:
        """Return where an item is drawn in the view (empty once it no longer is)."""
        if marker.event_id is not None:
            return self.view.marker_rect(marker.event_id) or QRectF()
        return marker.badge.rect if marker.badge is not None else QRectF()

    def screen_rect(self, marker: Marker) -> QRect:
        """Return where an item is drawn on the screen."""
        rect = self.local_rect(marker)
        return QRect() if rect.isEmpty() else rect.translated(self.view.mapToGlobal(QPointF())).toRect()

    # What an item says and does

    def name(self, marker: Marker) -> str:
        """Name an item: an event by its title, a badge by its count and days."""
        if marker.event_id is not None:
            item = self.view.item_of(marker.event_id)
            return "" if item is None else item.title
        if marker.badge is None:
            return ""
        first, last = (day_of(d.toordinal()) for d in (marker.badge.first_day, marker.badge.last_day))
        days = written_days(first, last, words())
        return self.tr("%n events, {days}", "", len(marker.badge.ids)).format(days=days)

    def description(self, marker: Marker) -> str:
        """Describe an event by its date as the detail pane writes it; a badge by what it does."""
        if marker.event_id is None:
            return self.tr("Press to list these events")
        event = self._find_event(marker.event_id) if self._find_event else None
        if event is not None:
            return event.date.label(words())
        item = self.view.item_of(marker.event_id)
        return "" if item is None else item.date_label

    def action_description(self, marker: Marker) -> str:
        """Say what pressing an item does."""
        return self.tr("Open this event") if marker.event_id else self.tr("List these events")

    def open(self, marker: Marker) -> bool:
        """Make an item's event current, as a click on it does; a badge lists its events."""
        if marker.event_id is None:
            rect = self.local_rect(marker)
            if not rect.isEmpty():
                self.view.click_at(rect.center())
            return not rect.isEmpty()
        self.view.choose(marker.event_id)
        return self.view.selected_id() == marker.event_id

    # Telling assistive tools

    def _scene_changed(self) -> None:
        """Gather the items anew when next asked, and tell of the change soon."""
        self._order = None
        self._moved = True
        if QAccessible.isActive():
            self._pending.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Tell of the selected event when the keyboard comes into the timeline."""
        if event.type() == QEvent.Type.FocusIn and QAccessible.isActive():
            self._focus_in = True
            self._pending.start()
        return False

    def _tell(self) -> None:
        """Send what changed: the items' order, the selection, the focus within the list."""
        if not QAccessible.isActive():
            return
        if self._moved:
            self._moved = False
            self._send(Kind.ObjectReorder, -1)
        chosen, focus_in = self.view.selected_id(), self._focus_in
        self._focus_in = False
        if chosen == self._announced and not focus_in:
            return  # a pan or a zoom: the items are gathered only when a reader asks for them
        place = self.index_of(self.selected())
        if chosen != self._announced:
            # The item that was selected is told it is no longer, as Qt's item views do, or a
            # reader going back to it would still hear "selected".
            was = self.index_of(next((m for m in self.items() if m.event_id == self._announced), None))
            if was >= 0 and self._announced is not None:
                self._send(Kind.SelectionRemove, was)
            if place >= 0:
                self._send(Kind.Selection, place)
        # As Qt's item views do: the focus moves within the list only while it has the keyboard.
        if place >= 0 and self.view.hasFocus():
            self._send(Kind.Focus, place)
        if place >= 0 or chosen is None:
            self._announced = chosen

    def _send(self, kind: QAccessible.Event, child: int) -> None:
        """Send one event about the list or one of its items."""
        event = QAccessibleEvent(self.view, kind)
        if child >= 0:
            event.setChild(child)
        QAccessible.updateAccessibility(event)
        self.notified.emit(kind, child)


def _factory(key: str, target: QObject) -> QAccessibleInterface | None:
    """Make the list for a timeline and the items for its markers; Qt makes every other interface."""
    if isinstance(target, Marker):
        return Item(target)
    access = getattr(target, "access", None)
    if isinstance(access, TimelineAccess) and access.view is target:
        return TimelineAccessible(access.view, access)
    return None


def _install() -> None:
    """Install the factory, once per process (Qt keeps factories for the application's life)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
