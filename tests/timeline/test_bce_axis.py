"""The axis before year 1: ticks at round years BCE, labelled as people read them."""

from __future__ import annotations

from itertools import pairwise

from museum_app.core.days import Day, day_of
from museum_app.timeline.calendar import YEARS
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.ticks import layout_axis


def measure(text: str) -> float:
    """Pretend every character is 7 pixels wide."""
    return 7.0 * len(text)


def test_century_ticks_fall_on_round_years_bce_and_then_ce() -> None:
    century = next(unit for unit in YEARS if unit.count == 100)
    ticks = century.ticks(Day(-650, 1, 1).toordinal(), float(day_of(365 * 150).toordinal()))
    years = [day_of(t).year for t in ticks]
    assert years[:5] == [-699, -599, -499, -399, -299]  # 700 BCE, 600 BCE, 500 BCE, ...
    assert 1 in years and 100 in years
    assert all(b > a for a, b in pairwise(ticks))


def test_labels_read_bce_across_the_start_of_the_era() -> None:
    first = Day(-1200, 1, 1).toordinal()
    scale = TimeScale(first, 1200 / (365.25 * 1500))  # 1,500 years across 1,200 pixels
    axis = layout_axis(scale, 1200, measure)
    texts = [label.text for label in axis.labels]
    assert "500 BCE" in texts or "1000 BCE" in texts
    assert not any(text.startswith("-") for text in texts)
