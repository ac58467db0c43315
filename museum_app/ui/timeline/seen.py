"""What a timeline view shows, read back from its layout: for tests and assistive tools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF

from museum_app.timeline.scene import Scene
from museum_app.timeline.shapes import Shape, ShapeKind
from museum_app.ui.timeline.painting import Frame, ShapePainter


@dataclass(frozen=True)
class BadgeEntry:
    """A cluster badge in view: where it is drawn, the events it counts and their days."""

    rect: QRectF
    ids: list[str]  # in the app's date order
    first_day: date  # the first day any of them may fall on
    last_day: date  # the last day any of them may fall on


def body_rect(shape: Shape, frame: Frame, scene: Scene) -> QRectF:
    """Return a shape's marker, bar or badge as drawn, cut to the view."""
    m = scene.metrics
    left, right = shape.drawn_x(frame.scale, frame.width)
    left, right = max(left, 0.0), min(right, frame.width)
    top = m.lane_top(shape.lane, frame.bottom) + 4
    return QRectF(left, top, right - left, m.row_height - 8)


def drawn_shapes(scene: Scene, frame: Frame) -> list[Shape]:
    """Return the events drawn on their own whose marker or bar is in view, by date order."""
    shapes = []
    for shape in scene.shapes_in(frame.scale, 0, frame.width):
        if shape.kind is not ShapeKind.CLUSTER:
            left, right = shape.body_x(frame.scale)
            if right > 0 and left < frame.width:
                shapes.append(shape)
    return sorted(shapes, key=lambda s: s.item)


def shown_title(shape: Shape, frame: Frame, painter: ShapePainter) -> str:
    """Return the title written for a drawn shape, "" when none is."""
    shown = painter.title_text(shape, frame, shape.item == frame.selected)
    return "" if shown is None else shown[0]


def badge_entries(scene: Scene, frame: Frame) -> list[BadgeEntry]:
    """Return the badges in view, left to right."""
    entries = []
    ids = frame.items
    for shape in scene.shapes_in(frame.scale, 0, frame.width):
        if shape.kind is ShapeKind.CLUSTER:
            items = scene.badge_items(shape, frame.scale.px_per_day)
            first, end = scene.days_of(items) if items else (shape.bin_start, shape.bin_end)
            entries.append(
                BadgeEntry(
                    body_rect(shape, frame, scene),
                    [ids[i].id for i in items],
                    date.fromordinal(int(first)),
                    date.fromordinal(max(int(first), int(end) - 1)),
                )
            )
    return sorted(entries, key=lambda e: e.rect.left())
