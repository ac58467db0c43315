"""Time the timeline as a person uses it: drags, wheel notches, zooms and the first paint of a level.

The timeline (1600x600 logical pixels) fills a top-level window; input is posted to it as the
window system delivers it, one event a frame (60 Hz), and each event's frame is timed from when
it was due to the end of the flush that showed it (frames.py). Full repaints are repaint()
at five zoom levels; the first paint of a level is timed with nothing laid out or drawn
before (the items given anew), over busy stretches, with the titles as the app gives them
(30% Chinese in the synthetic data; in Chinese where the event has a translation with zh).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from frames import (
    FRAME_MS,
    Flushes,
    GcWatch,
    frame_figures,
    mouse,
    post,
    settle,
    spin,
    turn,
    wheel,
)
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from stats import Samples, now_ms, summary

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
DRAG_PX = 12.0  # per frame: 720 pixels a second
Items = Sequence[TimelineItem]


class Stage:
    """A top-level window holding only the timeline, its flushes watched."""

    def __init__(self) -> None:
        self.host = QWidget()
        layout = QVBoxLayout(self.host)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = TimelineView(self.host)
        layout.addWidget(self.view)
        self.host.resize(*SIZE)
        self.host.show()
        spin(100)
        self.flushes = Flushes(self.host, {"timeline": self.view})

    def close(self) -> None:
        """Take the window away."""
        self.host.hide()
        self.host.deleteLater()
        turn()  # and the window is deleted


def dense_times(items: Items, count: int = 3) -> list[float]:
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


def first_paints(stage: Stage, items: Items, centres: Sequence[float]) -> dict[str, Any]:
    """Time the first paint at each level about each centre, nothing laid out or drawn before."""
    view, per_level, every = stage.view, {}, Samples()
    for name, days in LEVELS:
        samples = Samples()
        for centre in centres:
            view.set_items(items)  # every layout, title width and picture made anew
            show_level(view, days, centre)
            spin(FRAME_MS)  # what setting the range left for the loop, before the paint
            samples.time(view.repaint)
        every.extend(samples)
        per_level[name] = {**samples.summary(), "samples": samples.wall}
    return {**every.summary(), "levels": per_level}


def repaints(stage: Stage, centre: float, repeats: int) -> dict[str, Any]:
    """Time full repaints at each level (after the first), a frame apart."""
    view, per_level, every = stage.view, {}, Samples()
    for name, days in LEVELS:
        show_level(view, days, centre)
        view.repaint()
        samples = Samples()
        for _ in range(repeats):
            spin(FRAME_MS)
            samples.time(view.repaint)
        every.extend(samples)
        per_level[name] = samples.summary()
    return {**every.summary(), "levels": per_level, "samples": every.wall}


def _frames(stage: Stage, events: list[QEvent], watch: GcWatch) -> dict[str, Any]:
    """Post one event a frame to the view; time each one's frame (frames.py).

    A press or a release moves nothing: only wheel notches and moves are timed.
    """
    flushes, view = stage.flushes, stage.view
    mark, first = watch.mark(), len(flushes.ends)
    due, times, longest = now_ms() + 5, [], 0.0
    for event in events:
        longest = max(longest, spin(due - now_ms()))
        timed = event.type() in (QEvent.Type.MouseMove, QEvent.Type.Wheel)
        post(view, event)
        if timed:
            times.append(due)  # counted from when it was due, even if the loop was busy then
        due += FRAME_MS
    settle(flushes, now_ms())
    painted = [end for end, parts in flushes.ends[first:] if "timeline" in parts]
    frames = [next((end - t for end in painted if end >= t), float("nan")) for t in times]
    frames = [f for f in frames if f == f]
    gaps = [b - a for a, b in zip([times[0], *painted], painted, strict=False)]
    return {**frame_figures(frames, gaps, watch, mark), "longest_pass_ms": longest,
            "unshown": len(times) - len(frames)}  # fmt: skip


def _merge(parts: list[dict[str, Any]], watch: GcWatch, mark: int) -> dict[str, Any]:
    """Merge the frame figures of several runs."""
    samples = [v for part in parts for v in part["samples"]]
    return {**frame_figures(samples, [max(p["longest_stall_ms"] for p in parts)], watch, mark),
            "unshown": sum(p["unshown"] for p in parts)}  # fmt: skip


def drags(stage: Stage, centres: Sequence[float], frames: int, watch: GcWatch) -> dict[str, Any]:
    """Drag the view with the mouse at each level, one move a frame, and back."""
    view, mark, runs = stage.view, watch.mark(), []
    y = view.height() * 0.6
    left, buttons = Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton
    for name, days in LEVELS:
        for n, centre in enumerate(centres):
            show_level(view, days, centre)
            settle(stage.flushes, now_ms())
            sign = 1 if n % 2 == 0 else -1
            x0 = view.width() / 2 - sign * DRAG_PX * frames / 2
            points = [QPointF(x0 + sign * DRAG_PX * (i + 1), y) for i in range(frames)]
            events: list[QEvent] = [mouse(QEvent.Type.MouseButtonPress, QPointF(x0, y), view, left)]
            events += [mouse(QEvent.Type.MouseMove, p, view, buttons) for p in points]
            events.append(
                mouse(QEvent.Type.MouseButtonRelease, points[-1], view, Qt.MouseButton.NoButton)
            )
            runs.append({"level": name, **_frames(stage, events, watch)})
    return {**_merge(runs, watch, mark), "levels": _by_level(runs)}


def _by_level(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the p95 and p99 of the runs at each level."""
    levels: dict[str, list[float]] = {}
    for run in runs:
        levels.setdefault(run["level"], []).extend(run["samples"])
    return {name: {k: v for k, v in summary(s).items() if k != "samples"} for name, s in levels.items()}


def wheels(
    stage: Stage, centres: Sequence[float], notches: int, watch: GcWatch, ctrl: bool
) -> dict[str, Any]:
    """Turn the wheel a notch a frame: panning at each level, or zooming (Ctrl) in and out."""
    view, mark, runs = stage.view, watch.mark(), []
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    y = view.height() * 0.6
    for name, days in LEVELS[:1] if ctrl else LEVELS:
        for n, centre in enumerate(centres):
            show_level(view, days, centre)
            settle(stage.flushes, now_ms())
            if ctrl:  # in about the busy time, the cursor moving a little, then out again
                x = min(
                    max((centre - view.visible_range()[0]) * view.zoom_level(), 10.0), SIZE[0] - 10.0
                )
                turns = [1] * notches + [-1] * notches
                events: list[QEvent] = [
                    wheel(view, QPointF(x + 7 * (i % 5 - 2), y), turn, modifiers)
                    for i, turn in enumerate(turns)
                ]
            else:
                sign = -1 if n % 2 == 0 else 1
                events = [
                    wheel(view, QPointF(view.width() / 2, y), sign, modifiers) for _ in range(notches)
                ]
            runs.append({"level": name, **_frames(stage, events, watch)})
    return {**_merge(runs, watch, mark), "levels": _by_level(runs)}


def first_render(items_of: Callable[[], Items], runs: int) -> dict[str, Any]:
    """Time making the items from the events in memory, giving them to a new view and painting it.

    The clock starts where vis-timeline's starts in the peer: the events are in memory, and
    what the view is given is made from them within the clock.
    """
    samples = Samples()
    for _ in range(runs):
        stage = Stage()
        spin(50)
        samples.time(lambda stage=stage: (stage.view.set_items(items_of()), stage.view.repaint()))
        stage.close()
        spin(50)
    return samples.summary()


def measure(items_of: Callable[[], Items], quick: bool) -> dict[str, Any]:
    """Run every timeline measurement: first render and paints, repaints, drags, wheels."""
    result: dict[str, Any] = {"first_render": first_render(items_of, 2 if quick else 5)}
    stage = Stage()
    items = items_of()
    stage.view.set_items(items)
    centres = dense_times(items, 1 if quick else 3)
    watch = GcWatch()
    result["device_pixel_ratio"] = stage.host.devicePixelRatio()
    result["first_paint"] = first_paints(stage, items, centres)
    result["repaint"] = repaints(stage, centres[0], 3 if quick else 30)
    result["drag"] = drags(stage, centres, 20 if quick else 90, watch)
    result["pan"] = wheels(stage, centres, 10 if quick else 40, watch, ctrl=False)
    result["zoom"] = wheels(stage, centres, 12 if quick else 30, watch, ctrl=True)
    result["gc"] = watch.figures()
    result["events"] = len(items)
    stage.close()
    return result
