"""What a timeline view paints with: its scene and painter, kept while nothing they rest on changes."""

from __future__ import annotations

import time

from PySide6.QtGui import QColor, QFont

from museum_app.timeline.index import ItemIndex
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.scene import Scene
from museum_app.ui.timeline.painting import ShapePainter
from museum_app.ui.timeline.pictures import CharWidths


class Stage:
    """The scene (layouts) and the painter (pictures) of one view, and the work done ahead.

    The scene is made again when the shown items, the layout sizes or the screen change; the
    painter and the measured title widths outlive a new filter, as they hold per item. The
    scene of every item (no filter) is kept while a filter is on: the items' index keeps its
    own for that case, so clearing the filter lays nothing out again.
    """

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        bold = QFont(font)
        bold.setBold(True)  # a selected title is bold, and must fit the same room
        self._char_widths = CharWidths(bold)
        self._title_widths: dict[int, float] = {}  # by item, for every scene of these items
        self._scene: Scene | None = None
        self._whole: Scene | None = None  # the scene of every item shown, no span pinned
        self._painter: ShapePainter | None = None
        self._dpr = 1.0
        self._markers_asked = False  # the painter was given the items' colours to make markers

    def forget_items(self) -> None:
        """Drop everything made of the items: new items came."""
        self._scene, self._whole, self._painter, self._title_widths = None, None, None, {}
        self._markers_asked = False

    def scene(self, index: ItemIndex, metrics: LayoutMetrics, dpr: float) -> Scene:
        """Return the scene of index laid out with metrics on a screen of this pixel ratio."""
        scene = self._scene
        if scene is None or scene.index is not index or scene.metrics != metrics or self._dpr != dpr:
            whole = self._whole
            if whole is not None and (whole.metrics != metrics or self._dpr != dpr):
                whole = self._whole = None
            if whole is not None and whole.index is index:
                scene = self._scene = whole
            else:
                widths = self._title_widths
                scene = self._scene = Scene(index, metrics, self._char_widths.width, widths)
                if index.mask is None and index.pinned is None:
                    self._whole = scene
            if self._painter is None or self._painter.metrics != metrics or self._dpr != dpr:
                self._painter = ShapePainter(self.font, metrics, dpr)
                self._markers_asked = False
            self._dpr = dpr
        return scene

    @property
    def painter(self) -> ShapePainter:
        """Return the painter of the current scene."""
        assert self._painter is not None, "the scene is made first"
        return self._painter

    def work_ahead(self, scale: TimeScale, width: float, budget_ms: float, ink: QColor) -> bool:
        """Make pictures and lay out what the next pan or zoom shows, for up to budget_ms.

        First the pictures of what the last paint drew directly, then the layout of the next
        pans and zooms, then the titles that zooming in would bring. Return whether some is
        left to do.
        """
        scene, painter = self._scene, self._painter
        if scene is None or painter is None:
            return False
        deadline = time.perf_counter() + budget_ms / 1000

        def stop() -> bool:
            return time.perf_counter() >= deadline

        if not self._markers_asked:
            self._markers_asked = True
            painter.want_markers(scene.index.base.colour_sets, ink)
        return (
            painter.make_waiting(stop)
            or scene.prepare(scale, width, stop)
            or painter.make_ahead(scene.zoomed_in_shapes(scale, width), stop)
        )
