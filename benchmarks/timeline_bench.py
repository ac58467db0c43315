"""Time the timeline widget: full repaints at five zoom levels, pan steps and zoom steps.

Steps are paced as input comes, one per 60 Hz frame: after each step the event loop runs for
the rest of the frame, so work the widget leaves for idle time gets done there, in slices
whose longest is reported (it is how long input could have waited). The same steps are also
timed back to back, with no idle time at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtWidgets import QApplication
from stats import Samples, now_ms

from museum_app.timeline.items import TimelineItem
from museum_app.ui.timeline.view import TimelineView

# The view's width in days at each level; None fits everything. The deepest zoom the widget
# allows is 240 pixels a day (about a week across 1,600 pixels): that is the "day" level.
LEVELS: tuple[tuple[str, float | None], ...] = (
    ("whole span", None),
    ("decade", 3652.5),
    ("year", 365.25),
    ("month", 30.44),
    ("day", 1.0),
)
SIZE = (1600, 600)
PAN_PX = 60.0  # one notch of a mouse wheel
ZOOM_FACTOR = 1.25  # one notch of Ctrl and the wheel
FRAME_MS = 1000 / 60


class Pacer:
    """Time steps, letting the event loop run between them for the rest of a frame (or not)."""

    def __init__(self, paced: bool) -> None:
        self.paced = paced
        self.longest_idle_ms = 0.0

    def step(self, action: Callable[[], object], samples: Samples | None = None) -> float:
        """Time one step (into samples, if given), then idle until the next frame."""
        spent = (samples or Samples()).time(action)
        if self.paced:
            self.idle(FRAME_MS - spent)
        return spent

    def idle(self, ms: float) -> None:
        """Run the event loop for ms, noting the longest single pass through it.

        The loop spins rather than sleeps: on this virtual machine a thread that sleeps even
        a few milliseconds pays about a millisecond on waking (a plain 1600x600 fill takes
        0.08 ms of CPU time back to back, 0.8 ms after a 10 ms sleep), which is the
        machine's cost, not the app's.
        """
        app = QApplication.instance()
        assert app is not None
        deadline = now_ms() + ms
        while True:
            start = now_ms()
            if start >= deadline:
                return
            app.processEvents()
            self.longest_idle_ms = max(self.longest_idle_ms, now_ms() - start)


def dense_times(items: Sequence[TimelineItem], count: int = 3) -> list[float]:
    """Return times where the events crowd: the starts of events well into the date order."""
    if not items:
        return [0.0]
    positions = (0.62, 0.81, 0.43, 0.93)[:count]
    return [items[int(p * (len(items) - 1))].start + 0.5 for p in positions]


def show_level(view: TimelineView, days: float | None, centre: float) -> None:
    """Put the view at a zoom level around a time."""
    if days is None:
        view.fit_all()
    else:
        view.set_visible_range(centre - days / 2, centre + days / 2)


def repaints(view: TimelineView, centre: float, repeats: int, pacer: Pacer) -> dict[str, Any]:
    """Time the first paint at each level (a cold layout) and then repeated full repaints."""
    result: dict[str, Any] = {}
    every = Samples()
    for name, days in LEVELS:
        show_level(view, days, centre)
        first = pacer.step(view.repaint)
        samples = Samples()
        for _ in range(repeats):
            pacer.step(view.repaint, samples)
        every.extend(samples)
        result[name] = {"first_paint_ms": first, **samples.summary()}
    return {**every.summary(), "levels": result}


def pans(view: TimelineView, centres: Sequence[float], steps: int, pacer: Pacer) -> dict[str, Any]:
    """Time pan steps (move and repaint, laying out what comes into view) at each level."""
    per_level: dict[str, Any] = {}
    every = Samples()
    for name, days in LEVELS:
        samples = Samples()
        for n, centre in enumerate(centres):
            show_level(view, days, centre)
            pacer.step(view.repaint)
            dx = PAN_PX if n % 2 == 0 else -PAN_PX
            for _ in range(steps):
                pacer.step(partial(_pan, view, dx), samples)
        every.extend(samples)
        per_level[name] = samples.summary()
    return {**every.summary(), "levels": per_level}


def _pan(view: TimelineView, dx: float) -> None:
    """Move the view and paint it."""
    view.pan_by_pixels(dx)
    view.repaint()


def _zoom(view: TimelineView, factor: float, x: float) -> None:
    """Zoom the view about x and paint it."""
    view.zoom_by(factor, x)
    view.repaint()


def zooms(view: TimelineView, centres: Sequence[float], pacer: Pacer) -> dict[str, Any]:
    """Time zoom steps (zoom and repaint, laying out each new zoom level) in and out again."""
    samples = Samples()
    for centre in centres:
        view.fit_all()
        pacer.step(view.repaint)
        x = min(max((centre - view.visible_range()[0]) * view.zoom_level(), 0.0), SIZE[0])
        steps = 0
        while steps < 80:
            before = view.zoom_level()
            pacer.step(partial(_zoom, view, ZOOM_FACTOR, x), samples)
            steps += 1
            if view.zoom_level() == before:
                break
        for _ in range(steps):
            pacer.step(partial(_zoom, view, 1 / ZOOM_FACTOR, x), samples)
    return samples.summary()


def _render(view: TimelineView, items: Sequence[TimelineItem]) -> None:
    """Give the view its items and paint it."""
    view.set_items(items)
    view.repaint()


def first_renders(items: Sequence[TimelineItem], runs: int) -> dict[str, Any]:
    """Time giving items to a new, shown timeline and painting it whole the first time."""
    samples = Samples()
    for _ in range(runs):
        view = TimelineView()
        view.resize(*SIZE)
        view.show()
        Pacer(True).idle(50)
        samples.time(partial(_render, view, items))
        view.hide()
        view.deleteLater()
        Pacer(True).idle(50)
    return samples.summary()


def measure(view: TimelineView, items: Sequence[TimelineItem], quick: bool) -> dict[str, Any]:
    """Run every timeline measurement on a shown view of items, paced and back to back."""
    centres = dense_times(items, 1 if quick else 3)
    result: dict[str, Any] = {"first_render": first_renders(items, 2 if quick else 5)}
    for paced in (True, False):
        view.set_items(items)  # every layout and picture made anew
        view.repaint()
        pacer = Pacer(paced)
        figures = {
            "repaint": repaints(view, centres[0], 3 if quick else 40, pacer),
            "pan": pans(view, centres, 5 if quick else 40, pacer),
            "zoom": zooms(view, centres, pacer),
        }
        if paced:
            result.update(figures)
            result["longest_idle_slice_ms"] = pacer.longest_idle_ms
        else:
            result["back_to_back"] = {
                k: {key: v for key, v in figure.items() if key != "levels"}
                for k, figure in figures.items()
            }
    return result
