"""Turn keys, clicks, drags, wheels and pinches on the timeline into calls of its public API."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import (
    QCursor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QGestureEvent, QPinchGesture, QToolTip

if TYPE_CHECKING:
    from museum_app.ui.timeline.view import TimelineView

WHEEL_PAN_PX = 60.0  # per notch of a mouse wheel
WHEEL_ZOOM = 1.25  # per notch, with Ctrl
KEY_ZOOM = 1.5
PAGE = 0.9  # of the width, for Page Up and Page Down


class TimelineInput(QObject):
    """An event filter on the timeline that does what the person asks of it."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self._view = view
        self._press: QPointF | None = None
        self._last_x = 0.0
        self._dragging = False
        t = QEvent.Type
        self._handlers: dict[QEvent.Type, Callable[[QEvent], bool]] = {
            t.KeyPress: self._key,
            t.MouseButtonPress: self._press_event,
            t.MouseMove: self._move,
            t.MouseButtonRelease: self._release,
            t.MouseButtonDblClick: self._double_click,
            t.Wheel: self._wheel,
            t.NativeGesture: self._native_gesture,
            t.Gesture: self._gesture,
            t.ToolTip: self._tooltip,
            t.FocusIn: self._focus,
            t.FocusOut: self._focus,
        }
        view.grabGesture(Qt.GestureType.PinchGesture)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Handle the events of the timeline that are input."""
        # While Python's garbage collector takes a closed timeline apart, Qt may still send
        # its last events through this filter after this object's attributes are gone.
        handlers = self.__dict__.get("_handlers")
        handler = None if handlers is None else handlers.get(event.type())
        return handler is not None and watched is self._view and handler(event)

    def _key(self, event: QEvent) -> bool:
        """Step through events, zoom, fit and move with the keyboard."""
        if not isinstance(event, QKeyEvent):
            return False
        view, key, k = self._view, event.key(), Qt.Key
        only_keypad = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (k.Key_Right, k.Key_Left) and only_keypad:
            view.step_selection(1 if key == k.Key_Right else -1)
        elif key in (k.Key_Return, k.Key_Enter):
            view.activate_selected()
        elif key in (k.Key_Plus, k.Key_Equal, k.Key_Minus) and only_keypad:
            view.zoom_by(1 / KEY_ZOOM if key == k.Key_Minus else KEY_ZOOM, self._cursor_x())
        elif key == k.Key_F and only_keypad:
            view.fit_all()
        elif key in (k.Key_Home, k.Key_End) and only_keypad:
            view.go_to_end(key == k.Key_End)
        elif key in (k.Key_PageUp, k.Key_PageDown) and only_keypad:
            view.pan_by_pixels(PAGE * view.width() * (1 if key == k.Key_PageDown else -1))
        else:
            return False
        event.accept()
        return True

    def _cursor_x(self) -> float | None:
        """Return the mouse's x if it is over the timeline, else None (zoom about the middle)."""
        pos = self._view.mapFromGlobal(QCursor.pos())
        return float(pos.x()) if self._view.rect().contains(pos) else None

    def _press_event(self, event: QEvent) -> bool:
        """Start a click or a drag."""
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        self._press, self._last_x, self._dragging = event.position(), event.position().x(), False
        return True

    def _move(self, event: QEvent) -> bool:
        """Drag the time under the mouse along, or show a hand over what can be clicked."""
        if not isinstance(event, QMouseEvent):
            return False
        view, x = self._view, event.position().x()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if not self._dragging and abs(x - self._press.x()) >= QApplication.startDragDistance():
                self._dragging = True
                view.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                view.pan_by_pixels(self._last_x - x)
                self._last_x = x
            return True
        clickable = view.clickable_at(event.position())
        view.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        return False

    def _release(self, event: QEvent) -> bool:
        """Finish a drag, or act on a click."""
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        if self._press is None:
            return False
        clicked = not self._dragging
        self._press, self._dragging = None, False
        self._view.unsetCursor()
        if clicked:
            self._view.click_at(event.position())
        return True

    def _double_click(self, event: QEvent) -> bool:
        """Zoom in around the mouse."""
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        self._view.zoom_by(2.0, event.position().x())
        return True

    def _wheel(self, event: QEvent) -> bool:
        """Scroll to move in time; with Ctrl, zoom around the mouse."""
        if not isinstance(event, QWheelEvent):
            return False
        delta, pixels = event.angleDelta(), event.pixelDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = (delta.y() or delta.x()) / 120
            self._view.zoom_by(WHEEL_ZOOM**notches, event.position().x())
        elif not pixels.isNull():
            self._view.pan_by_pixels(-(pixels.x() or pixels.y()))
        else:
            self._view.pan_by_pixels(-(delta.x() or delta.y()) / 120 * WHEEL_PAN_PX)
        event.accept()
        return True

    def _native_gesture(self, event: QEvent) -> bool:
        """Zoom with a touchpad pinch."""
        if not isinstance(event, QNativeGestureEvent):
            return False
        if event.gestureType() != Qt.NativeGestureType.ZoomNativeGesture:
            return False
        self._view.zoom_by(1 + event.value(), event.position().x())
        return True

    def _gesture(self, event: QEvent) -> bool:
        """Zoom with a touch-screen pinch."""
        if not isinstance(event, QGestureEvent):
            return False
        pinch = event.gesture(Qt.GestureType.PinchGesture)
        if not isinstance(pinch, QPinchGesture):
            return False
        centre = self._view.mapFromGlobal(pinch.centerPoint().toPoint())
        self._view.zoom_by(pinch.scaleFactor(), centre.x())
        return True

    def _tooltip(self, event: QEvent) -> bool:
        """Show an event's title and date, or a cluster's count, as plain text."""
        if not isinstance(event, QHelpEvent):
            return False
        found = self._view.describe_at(event.pos())
        if found is None:
            QToolTip.hideText()
            event.ignore()
        else:
            QToolTip.showText(event.globalPos(), found[0], self._view, found[1])
        return True

    def _focus(self, event: QEvent) -> bool:
        """Draw or take away the focus frame; focus itself goes on as usual."""
        self._view.update()
        return False
