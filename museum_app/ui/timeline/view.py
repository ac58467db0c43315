"""The timeline widget: a custom-painted, zoomable, clickable time axis of events."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

from museum_app.timeline import navigation
from museum_app.timeline.items import TimelineItem
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.scene import Scene
from museum_app.timeline.shapes import Shape, ShapeKind
from museum_app.timeline.shown import ShownItems
from museum_app.ui.language import words
from museum_app.ui.timeline import seen
from museum_app.ui.timeline.accessible import TimelineAccess
from museum_app.ui.timeline.chrome import Axis, paint_overlay, tooltip_text
from museum_app.ui.timeline.cluster_popup import ClusterPopup
from museum_app.ui.timeline.colours import Colours
from museum_app.ui.timeline.input import TimelineInput
from museum_app.ui.timeline.legend import show_legend
from museum_app.ui.timeline.overview import TimelineOverview, place_strip, tool_button
from museum_app.ui.timeline.painting import Frame
from museum_app.ui.timeline.seen import BadgeEntry
from museum_app.ui.timeline.stage import Stage
from museum_app.ui.timeline.titles import EDGE

Role = QPalette.ColorRole
OVERVIEW_HEIGHT = 30
TOP_MARGIN = 6
ZOOM_STEP = 1.5  # for + and - and the buttons
IDLE_SLICE_MS = 3.0  # work done ahead of time in slices this short, so input never waits long


class TimelineView(QWidget):
    """Events in lanes over a time axis, with an overview strip; emits what the person picks.

    What it shows can be read back (for tests and assistive tools): shown_title, marker_rect,
    drawn_event_ids and badge_entries; scene_changed says when any of it may have changed.
    """

    event_activated = Signal(str)  # a click, Enter, Left or Right chose this event
    visible_range_changed = Signal(float, float)
    scene_changed = Signal()  # what is drawn changed: a pan, zoom, filter, new items, a resize

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(240, 160)
        self._shown = ShownItems()
        self._items: Sequence[TimelineItem] = []
        self._bookmarked_ids: frozenset[str] = frozenset()
        self._bookmarked: frozenset[int] = frozenset()
        self._selected: int | None = None
        self._index = self._shown.index(LayoutMetrics().span_lanes)
        self._stage = Stage(self.font())
        self._axis: Axis | None = None
        year = date.today().year
        self._range = (float(date(year, 1, 1).toordinal()), float(date(year + 1, 1, 1).toordinal()))
        self._scale = TimeScale.fitting(*self._range, self.width())
        # After a paint, when nothing else waits: pictures of the titles just drawn as text, and
        # the layout of what a pan or a zoom would show next, so that those steps only paint.
        self._idle = QTimer(self, singleShot=True, interval=0)
        self._idle.timeout.connect(self._work_ahead)
        self._input = TimelineInput(self)  # keeps the event filter alive
        self.overview = TimelineOverview(self)
        self.overview.range_requested.connect(self.set_visible_range)
        self._buttons = [
            tool_button(self, name, text, "", slot)
            for name, text, slot in (
                ("timelineZoomOut", "\u2212", lambda: self.zoom_by(1 / ZOOM_STEP)),
                ("timelineZoomIn", "+", lambda: self.zoom_by(ZOOM_STEP)),
                ("timelineFit", "", self.fit_all),
                ("timelineLegendButton", "?", self.show_legend),
            )
        ]
        self.access = TimelineAccess(self)  # a list of the events drawn, to screen readers
        self.retranslate()

    def retranslate(self) -> None:
        """Give the names, descriptions and buttons in the current language."""
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(
            self.tr(
                "A timeline of events. Left and Right arrows select the previous or next event, "
                "Enter opens it; plus and minus zoom, F fits everything, Home and End select the "
                "first and last event, Page Up and Page Down move a screen. Drag or scroll to "
                "move, Ctrl and scroll to zoom."
            )
        )
        tips = (
            self.tr("Zoom out (-)"),
            self.tr("Zoom in (+)"),
            self.tr("Fit everything in view (F)"),
            self.tr("What the marks mean"),
        )
        for button, tip in zip(self._buttons, tips, strict=True):
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self._buttons[2].setText(self.tr("Fit"))
        self._axis = None  # month names are measured again
        self.update()

    # The data

    def set_items(self, items: Sequence[TimelineItem]) -> None:
        """Show these items, given in the app's date order; the first time, fit them in view."""
        selected = self.selected_id()
        first = not self._items
        self._shown.set_items(items)
        self._items = self._shown.items
        self._selected = self._shown.find(selected)
        self._bookmarked = self._bookmarks()
        self._stage.forget_items()
        self._rebuild()
        if first:
            self.fit_all()

    def set_filter(self, visible_ids: Collection[str] | None) -> None:
        """Show only these ids (None: all); the others are neither drawn, hit nor stepped to."""
        if self._shown.set_filter(visible_ids):
            self._rebuild()

    def set_visible_mask(self, mask: bytes | None) -> None:
        """Show only the items whose byte is 1: one byte per item, in the order given (None: all).

        The same as set_filter, without looking up ids: the cheaper way for a caller that
        knows each event's place in the date order. New items (set_items) show all again.
        """
        if self._shown.set_mask(mask):
            self._rebuild()

    def set_bookmarked(self, ids: Collection[str]) -> None:
        """Mark these ids as bookmarked."""
        wanted = frozenset(ids)
        old = self._bookmarked_ids
        if wanted == old:
            return
        added, removed = wanted - old, old - wanted
        self._bookmarked_ids = wanted
        if len(added) + len(removed) > len(wanted) // 2:
            self._bookmarked = self._bookmarks()
        else:  # one toggled among thousands: find only the ids that changed
            self._bookmarked = self._bookmarked.difference(self._found(removed)).union(
                self._found(added)
            )
        self._changed()

    def _bookmarks(self) -> frozenset[int]:
        """Return the items bookmarked."""
        return self._found(self._bookmarked_ids)

    def _found(self, ids: Collection[str]) -> frozenset[int]:
        """Return the items of those ids that are loaded."""
        return frozenset(self._shown.find_all(ids))

    def _rebuild(self) -> None:
        """Index the shown items anew and drop every layout made of the old ones."""
        self._index = self._shown.index(self._metrics().span_lanes, self._selected)
        self.overview.set_data(self._index.counts_between, self._index.extent())
        self._changed()

    def _changed(self) -> None:
        """Paint anew and tell whoever reads the view that what is drawn changed."""
        self.update()
        self.scene_changed.emit()

    def _metrics(self) -> LayoutMetrics:
        """Return the layout sizes for the current font and height."""
        fm = QFontMetricsF(self.font())
        row = math.ceil(fm.height()) + 8
        lanes = int((self._axis_top() - TOP_MARGIN) // row)
        return LayoutMetrics(lanes=max(2, min(64, lanes)), row_height=row)

    def _current_scene(self) -> Scene:
        """Return the scene, made anew when the items, filter, font or height changed."""
        metrics = self._metrics()
        # A new height: the spans' lanes are kept up to as many as can be shown. The selected
        # event is pinned: a span without a lane gets one first, a point in a crowd is placed.
        selected = self._selected if self._index.shows(self._selected) else None
        self._index = self._shown.index(metrics.span_lanes, selected)
        scene = self._stage.scene(self._index, metrics, self.devicePixelRatioF())
        scene.pin(selected)
        return scene

    def select(self, event_id: str | None) -> None:
        """Highlight an event and bring it into view; this does not emit event_activated.

        The zoom is the person's: an event in view does not move it, one out of view is
        panned to, and only one longer than the view zooms out to fit; never in.
        """
        self._selected = self._shown.find(event_id)
        if self._index.shows(self._selected):
            assert self._selected is not None
            it = self._items[self._selected]
            scene = self._current_scene()
            end = scene.index.end_of(self._selected)
            self._set_scale(navigation.reveal(self._scale, self.width(), it.start, end))
        self._changed()

    def selected_id(self) -> str | None:
        """Return the id of the highlighted event."""
        return None if self._selected is None else self._items[self._selected].id

    # Geometry for tests and assistive tools

    def event_at(self, point: QPoint | QPointF) -> str | None:
        """Return the id of the event drawn at a point, or None."""
        shape = self._shape_at(QPointF(point))
        return None if shape is None or shape.kind is ShapeKind.CLUSTER else self._items[shape.item].id

    def item_of(self, event_id: str) -> TimelineItem | None:
        """Return a shown event's item (its title, days and date label), or None."""
        item = self._shown.find(event_id)
        return self._items[item] if item is not None and self._index.shows(item) else None

    def marker_rect(self, event_id: str) -> QRectF | None:
        """Return the visible part of an event's marker or bar, or None if it is not drawn."""
        shape = self._drawn_shape(event_id)
        return None if shape is None else seen.body_rect(shape, self._frame(), self._current_scene())

    def shown_title(self, event_id: str) -> str | None:
        """Return exactly the text drawn as an event's title.

        "" when it is drawn with no title, None when it is not drawn on its own in view.
        """
        shape = self._drawn_shape(event_id)
        if shape is None:
            return None
        self._current_scene()  # the painter of this scene writes the titles
        return seen.shown_title(shape, self._frame(), self._stage.painter)

    def painted_titles(self) -> list[tuple[str, QRectF]]:
        """Return the titles the last paint wrote and the rectangles their text takes."""
        return self._stage.painter.painted_titles()

    def drawn_event_ids(self) -> list[str]:
        """Return the ids of the events drawn on their own in view, in the app's date order."""
        shapes = seen.drawn_shapes(self._current_scene(), self._frame())
        return [self._items[s.item].id for s in shapes]

    def badge_entries(self) -> list[BadgeEntry]:
        """Return each cluster badge in view: its rectangle, its events' ids and their days."""
        return seen.badge_entries(self._current_scene(), self._frame())

    def _drawn_shape(self, event_id: str) -> Shape | None:
        """Return the shape of an event drawn on its own in view, or None."""
        item = self._shown.find(event_id)
        if item is None or not self._index.shows(item):
            return None
        return self._current_scene().shape_of(item, self._scale, 0, self.width())

    def _frame(self) -> Frame:
        """Return what a paint of the view now needs besides the shapes."""
        scene = self._current_scene()
        selected = self._selected if self._index.shows(self._selected) else None
        return Frame(
            self._items, self._scale, self._lanes_bottom(), float(self.width()), selected,
            self._bookmarked, Colours.of(self.palette()), scene.title_width,
        )  # fmt: skip

    def _shape_at(self, point: QPointF) -> Shape | None:
        """Return the shape under a point."""
        scene = self._current_scene()
        return scene.hit(self._scale, point.x(), point.y(), self._lanes_bottom(), self.width())

    # The view

    def visible_range(self) -> tuple[float, float]:
        """Return the first and last time in view, in ordinal days."""
        return self._range

    def zoom_level(self) -> float:
        """Return the zoom in pixels per day."""
        return self._scale.px_per_day

    def set_visible_range(self, start: float, end: float) -> None:
        """Show [start, end)."""
        self._set_scale(TimeScale.fitting(start, max(end, start + 1e-3), self.width()))

    def fit_all(self) -> None:
        """Show every shown event."""
        scene = self._current_scene()
        tails = navigation.title_tails(scene.index, scene.metrics, scene.title_width, EDGE)
        fitted = navigation.fit_range(scene.index.extent(), self._range, self.width(), tails)
        self.set_visible_range(*fitted)

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by factor (above 1: closer), keeping the time at anchor_x (default: middle) still."""
        x = self.width() / 2 if anchor_x is None else anchor_x
        self._set_scale(self._scale.zoomed(factor, x))

    def pan_by_pixels(self, dx: float) -> None:
        """Move the view dx pixels later in time (negative: earlier)."""
        self._set_scale(self._scale.panned(dx))

    def _set_scale(self, scale: TimeScale) -> None:
        """Show the view at scale and tell whoever listens."""
        self._scale = scale
        visible = scale.visible_range(self.width())
        if visible != self._range:
            self._range = visible
            self.overview.set_visible_range(*visible)
            self.visible_range_changed.emit(*visible)
            self.scene_changed.emit()
        self.update()

    def _axis_height(self) -> float:
        """Return the height of the axis: a row of labels and a row of larger periods."""
        return 2 * QFontMetricsF(self.font()).height() + 12

    def _axis_top(self) -> float:
        """Return the top of the axis strip."""
        return self.height() - OVERVIEW_HEIGHT - self._axis_height()

    def _lanes_bottom(self) -> float:
        """Return the bottom of lane 0."""
        return self._axis_top() - 2

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the lanes and the axis, only what meets the exposed rectangle."""
        scene = self._current_scene()
        palette = self.palette()
        exposed = QRectF(event.rect())
        width, axis_top, axis_height = float(self.width()), self._axis_top(), self._axis_height()
        frame = self._frame()
        with QPainter(self) as p:
            p.fillRect(exposed, frame.colours.base)
            axis = self._axis_strip()
            axis.paint(
                p, axis.layout(self._scale, width), axis_top, (width, axis_height), TOP_MARGIN, palette
            )
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setClipRect(QRectF(0, 0, width, axis_top))
            shapes = scene.shapes_in(self._scale, exposed.left() - 1, exposed.right() + 1)
            self._stage.painter.paint(p, shapes, frame)
            p.setClipping(False)
            empty = None if self._index else self.tr("No events to show")
            paint_overlay(p, frame, axis_top, axis_height, self.hasFocus(), empty)
        self._idle.start()

    def _work_ahead(self) -> None:
        """Do one short slice of the work that makes the next paint cheap; go on later if need be."""
        ink = self.palette().color(Role.WindowText)
        if self._stage.work_ahead(self._scale, self.width(), IDLE_SLICE_MS, ink):
            self._idle.start()

    def _axis_strip(self) -> Axis:
        """Return the axis, made anew when the font or the screen changes."""
        if self._axis is None or self._axis.dpr != self.devicePixelRatioF():
            self._axis = Axis(self.font(), self.devicePixelRatioF(), words())
        return self._axis

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the same stretch of time in view, and place the overview and buttons."""
        super().resizeEvent(event)
        place_strip(self, self.overview, self._buttons, OVERVIEW_HEIGHT)
        self._set_scale(TimeScale.fitting(*self._range, self.width()))
        self.scene_changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        """Measure text anew when the font changes."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._stage, self._axis = Stage(self.font()), None
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_buttons"):
            self.retranslate()
        super().changeEvent(event)

    # What input does (TimelineInput turns keys, clicks and wheels into these)

    def step_selection(self, direction: int) -> None:
        """Select and announce the shown event before (-1) or after (+1) the selected one."""
        item = navigation.step(self._index, self._selected, direction, self._range)
        if item is not None:
            self.select(self._items[item].id)
            self.event_activated.emit(self._items[item].id)

    def activate_selected(self) -> None:
        """Announce the selected event again (Enter)."""
        if self._selected is not None:
            self.event_activated.emit(self._items[self._selected].id)

    def click_at(self, point: QPoint | QPointF) -> None:
        """Do what a click does: select and announce an event, or list a cluster's events."""
        shape = self._shape_at(QPointF(point))
        if shape is not None and shape.kind is ShapeKind.CLUSTER:
            self._list_badge(shape, QPointF(point))
        elif shape is not None:
            self.select(self._items[shape.item].id)
            self.event_activated.emit(self._items[shape.item].id)

    def _list_badge(self, shape: Shape, point: QPointF) -> None:
        """Open the list of every event a badge stands for; choosing one opens it."""
        items = [
            self._items[i] for i in self._current_scene().badge_items(shape, self._scale.px_per_day)
        ]
        popup = ClusterPopup(self, self.tr("%n events here", "", len(items)), items)
        popup.chosen.connect(self.choose)
        popup.show_at(self.mapToGlobal(point.toPoint()))

    def choose(self, event_id: str) -> None:
        """Select and announce an event, as a click on it does."""
        self.select(event_id)
        if self.selected_id() == event_id:
            self.event_activated.emit(event_id)

    def clickable_at(self, point: QPoint | QPointF) -> bool:
        """Say whether a click at point would do something."""
        return self._shape_at(QPointF(point)) is not None

    def go_to_end(self, last: bool) -> None:
        """Select and announce the first or the last shown event (Home, End)."""
        order = self._index.order
        if order:
            self.choose(self._items[order[-1] if last else order[0]].id)

    def show_legend(self) -> None:
        """Show what each mark of the timeline means."""
        show_legend(self)

    def describe_at(self, point: QPoint | QPointF) -> tuple[str, QRect] | None:
        """Return a tooltip for what is at a point (markup, data escaped) and where, or None."""
        shape = self._shape_at(QPointF(point))
        if shape is None:
            return None
        if shape.kind is ShapeKind.CLUSTER:
            text = self.tr("%n events: click to list them", "", shape.count)
        else:
            text = tooltip_text(self._items[shape.item])
        return text, seen.body_rect(shape, self._frame(), self._current_scene()).toRect()
