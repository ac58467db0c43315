"""The interfaces of the timeline's accessible list: the list, its selection, its items' actions.

Beyond the base interface, Qt asks for the others with interface_cast, which returns an
address: each is a Python object of its own (a class deriving from two Qt interfaces is not
safe in PySide), and interface_cast gives its address. The words and the doing are the
TimelineAccess's (accessible.py); these classes only answer Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleInterface,
    QAccessibleObject,
    QAccessibleSelectionInterface,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget

if TYPE_CHECKING:
    from museum_app.ui.timeline.accessible import Marker, TimelineAccess
    from museum_app.ui.timeline.view import TimelineView

Cast = QAccessible.InterfaceType
Action = QAccessibleActionInterface


def _address(interface: shiboken6.Object | None) -> shiboken6.VoidPtr:
    """Return an interface object's address, as interface_cast hands it to Qt (0 for none)."""
    return shiboken6.VoidPtr(0 if interface is None else shiboken6.getCppPointer(interface)[0])


def _inherited(found: object) -> object:
    """Return what a base class's interface_cast found, an address even for none.

    The base returns None for a null pointer, and None handed back to Qt as an address
    crashes PySide while it writes the error.
    """
    return _address(None) if found is None else found


def _interface(marker: Marker | None) -> QAccessibleInterface | None:
    """Return the item that stands on a marker (the factory makes it when first asked)."""
    return None if marker is None else QAccessible.queryAccessibleInterface(marker)


# The stubs of PySide say these methods never return None, where Qt takes nullptr; and that
# interface_cast returns an int, where it is an address: hence "type: ignore[override]".


class TimelineAccessible(QAccessibleWidget):
    """The timeline as a list: one item per event drawn on its own, and one per badge."""

    def __init__(self, view: TimelineView, access: TimelineAccess) -> None:
        super().__init__(view, QAccessible.Role.List)
        self._access = access
        self._selection = _Selection(access)

    def childCount(self) -> int:  # noqa: N802 (Qt's names, here and below)
        """Count the events and badges drawn."""
        return len(self._access.items())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        """Return the item at a place in the list."""
        order = self._access.items()
        return _interface(order[index]) if 0 <= index < len(order) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        """Return the place of an item in the list, or -1."""
        return self._access.index_of(self._access.marker_of(child))

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        """Return the selected event's item, as a list gives its current item."""
        return _interface(self._access.selected())

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        """Return the item drawn at a point of the screen."""
        return _interface(self._access.at(QPoint(x, y)))

    def interface_cast(self, kind: QAccessible.InterfaceType) -> object:  # type: ignore[override]
        """Offer the selected event as the list's selection."""
        if kind == Cast.SelectionInterface:
            return _address(self._selection)
        return _inherited(super().interface_cast(kind))


class _Selection(QAccessibleSelectionInterface):
    """The list's selection: the selected event; selecting an item opens its event."""

    def __init__(self, access: TimelineAccess) -> None:
        super().__init__()
        self._access = access

    def _chosen(self) -> list[QAccessibleInterface]:
        found = _interface(self._access.selected())
        return [] if found is None else [found]

    def selectedItemCount(self) -> int:  # noqa: N802
        """Count the selected items: one or none."""
        return len(self._chosen())

    def selectedItems(self) -> list[QAccessibleInterface]:  # noqa: N802
        """Return the selected event's item, if it is drawn."""
        return self._chosen()

    def selectedItem(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        """Return a selected item by its place among the selected."""
        chosen = self._chosen()
        return chosen[index] if 0 <= index < len(chosen) else None

    def isSelected(self, child: QAccessibleInterface) -> bool:  # noqa: N802
        """Say whether an item is the selected event's."""
        marker = self._access.marker_of(child)
        return marker is not None and marker is self._access.selected()

    def select(self, child: QAccessibleInterface) -> bool:
        """Open an item's event; a badge is never selected (pressing it lists its events)."""
        marker = self._access.marker_of(child)
        return marker is not None and marker.event_id is not None and self._access.open(marker)

    def unselect(self, child: QAccessibleInterface) -> bool:
        """Refuse: the timeline always shows the current event."""
        return False

    def selectAll(self) -> bool:  # noqa: N802
        """Refuse: one event is selected at a time."""
        return False

    def clear(self) -> bool:
        """Refuse: the timeline always shows the current event."""
        return False


class Item(QAccessibleObject):
    """One item of the list: an event drawn on its own, or a badge; it stands on its marker."""

    def __init__(self, marker: Marker) -> None:
        super().__init__(marker)  # nothing more is kept here: see Marker.actions

    def _marker(self) -> Marker | None:
        """Return the marker, None once it is gone."""
        found = self.object()
        access = getattr(found, "access", None)
        return None if access is None else access.marker_of(self)

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        """Name an event by its title and describe it by its date; a badge by its count and days."""
        marker = self._marker()
        if marker is None:
            return ""
        if kind == QAccessible.Text.Name:
            return marker.access.name(marker)
        if kind == QAccessible.Text.Description:
            return marker.access.description(marker)
        return ""

    def rect(self) -> QRect:
        """Return the marker, bar or badge as drawn, in screen coordinates."""
        marker = self._marker()
        return QRect() if marker is None else marker.access.screen_rect(marker)

    def state(self) -> QAccessible.State:
        """Say whether the item can be selected and whether it is the selected event."""
        state = QAccessible.State()
        marker = self._marker()
        if marker is None:
            state.invalid = True
            return state
        view = marker.access.view
        if marker.event_id is not None:
            state.focusable = state.selectable = True
            state.selected = view.selected_id() == marker.event_id
            state.focused = state.selected and view.hasFocus()
        if marker.access.local_rect(marker).isEmpty():
            state.invisible = state.offscreen = True
        return state

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        marker = self._marker()
        return None if marker is None else QAccessible.queryAccessibleInterface(marker.access.view)

    def window(self) -> QWindow | None:  # type: ignore[override]
        marker = self._marker()
        return None if marker is None else marker.access.view.window().windowHandle()

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:  # noqa: N802
        return 0

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        return -1

    def interface_cast(self, kind: QAccessible.InterfaceType) -> object:  # type: ignore[override]
        """Offer the item's actions: Press opens it, SetFocus puts the keyboard on it too."""
        marker = self._marker()
        if kind == Cast.ActionInterface and marker is not None:
            return _address(marker.actions)
        return _inherited(super().interface_cast(kind))


class Actions(QAccessibleActionInterface):
    """What an item does: an event opens (Press, SetFocus); a badge lists its events (Press)."""

    def __init__(self, marker: Marker) -> None:
        super().__init__()
        self._marker = marker

    def actionNames(self) -> list[str]:  # noqa: N802
        """Name the actions: Press for every item, SetFocus for events."""
        if self._marker.event_id is None:
            return [Action.pressAction()]
        return [Action.pressAction(), Action.setFocusAction()]

    def localizedActionDescription(self, name: str) -> str:  # noqa: N802
        """Say what an action does."""
        return self._marker.access.action_description(self._marker)

    def keyBindingsForAction(self, name: str) -> list[str]:  # noqa: N802
        return []

    def doAction(self, name: str) -> None:  # noqa: N802
        """Open the item's event (or list a badge's), with the keyboard in the timeline for SetFocus."""
        if name not in self.actionNames():
            return
        if name == Action.setFocusAction():
            self._marker.access.view.setFocus()
        self._marker.access.open(self._marker)
