"""Choose the axis ticks for a zoom level and place labels that neither collide nor get cut."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from museum_app.core.date_words import ENGLISH, DateWords
from museum_app.core.days import day_of
from museum_app.timeline.calendar import CONTEXT, UNITS, Format, TickUnit
from museum_app.timeline.scale import TimeScale

LABEL_PAD = 3.0  # room between a label and the ticks on either side of it
MIN_TICK_SPACING = 36.0  # sparser ticks read better than day numbers crammed in
MIN_MINOR_SPACING = 5.0

Measure = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class AxisLabel:
    """A label's text and where it sits: it spans [x, x + width)."""

    text: str
    x: float
    width: float


@dataclass(frozen=True, slots=True)
class AxisLayout:
    """Everything the axis draws, in pixels within [0, width]."""

    unit: str
    major: tuple[float, ...]
    minor: tuple[float, ...]
    labels: tuple[AxisLabel, ...]
    context: tuple[float, ...]  # boundaries of the larger periods (months, years)
    context_labels: tuple[AxisLabel, ...]


def _positions(ticks: Sequence[int], scale: TimeScale, width: float) -> tuple[float, ...]:
    """Return the x of the ticks that fall within the view."""
    xs = (scale.x_of(t) for t in ticks)
    return tuple(x for x in xs if 0 <= x <= width)


def _place(
    ticks: Sequence[int],
    formats: Sequence[Format],
    scale: TimeScale,
    width: float,
    measure: Measure,
    require_all: bool,
    words: DateWords = ENGLISH,
) -> tuple[AxisLabel, ...] | None:
    """Label each interval between ticks inside it; None if require_all and one cannot fit.

    A label stays inside its interval and inside the view (it slides right when its tick has
    scrolled off), so labels never overlap each other nor a tick, and are never cut.
    """
    labels: list[AxisLabel] = []
    for start, end in pairwise(ticks):
        x_a, x_b = scale.x_of(start), scale.x_of(end)
        room = x_b - x_a - 2 * LABEL_PAD
        day = day_of(start)
        for fmt in formats:
            text = fmt(day, words)
            w = measure(text)
            if w <= room:
                break
        else:
            if require_all:
                return None
            continue
        left = max(x_a + LABEL_PAD, LABEL_PAD)
        if x_b > 0 and left + w <= min(x_b - LABEL_PAD, width - LABEL_PAD):
            labels.append(AxisLabel(text, left, w))
    return tuple(labels)


def _fit_unit(
    unit: TickUnit, scale: TimeScale, width: float, measure: Measure, words: DateWords
) -> tuple[list[int], tuple[AxisLabel, ...]] | None:
    """Return the unit's ticks and labels if one format fits every interval, else None."""
    t0, t1 = scale.visible_range(width)
    ticks = unit.ticks(t0, t1)
    for fmt in unit.formats:
        labels = _place(ticks, (fmt,), scale, width, measure, True, words)
        if labels is not None:
            return ticks, labels
    return None


def layout_axis(
    scale: TimeScale, width: float, measure: Measure, words: DateWords = ENGLISH
) -> AxisLayout:
    """Choose the finest unit whose labels fit, with finer minor ticks and a context row."""
    t0, t1 = scale.visible_range(width)
    for i, unit in enumerate(UNITS):
        if unit.shortest_days * scale.px_per_day < MIN_TICK_SPACING:
            continue
        fitted = _fit_unit(unit, scale, width, measure, words)
        if fitted is None:
            continue
        ticks, labels = fitted
        major = _positions(ticks, scale, width)
        minor: tuple[float, ...] = ()
        if i > 0 and UNITS[i - 1].shortest_days * scale.px_per_day >= MIN_MINOR_SPACING:
            taken = set(ticks)
            finer = [t for t in UNITS[i - 1].ticks(t0, t1) if t not in taken]
            minor = _positions(finer, scale, width)
        context_unit = CONTEXT.get(unit.base)
        context: tuple[float, ...] = ()
        context_labels: tuple[AxisLabel, ...] = ()
        if context_unit is not None:
            outer = context_unit.ticks(t0, t1)
            context = _positions(outer, scale, width)
            placed = _place(outer, context_unit.formats, scale, width, measure, False, words)
            context_labels = placed or ()
        return AxisLayout(unit.name, major, minor, labels, context, context_labels)
    return AxisLayout("", (), (), (), (), ())
