"""Axis ticks: the unit adapts to the zoom; ticks are ordered; labels never collide nor get cut."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from museum_app.timeline.calendar import UNITS
from museum_app.timeline.scale import MAX_PX_PER_DAY, MIN_PX_PER_DAY, TimeScale
from museum_app.timeline.ticks import LABEL_PAD, layout_axis


def measure(text: str) -> float:
    """Pretend every character is 7 pixels wide."""
    return 7.0 * len(text)


def day(y: int, m: int, d: int) -> float:
    return float(date(y, m, d).toordinal())


@given(
    origin=st.floats(min_value=365.0, max_value=3_600_000.0),
    px_per_day=st.floats(min_value=MIN_PX_PER_DAY, max_value=MAX_PX_PER_DAY),
    width=st.integers(min_value=120, max_value=3000),
)
def test_ticks_are_ordered_and_labels_neither_collide_nor_get_cut(
    origin: float, px_per_day: float, width: int
) -> None:
    scale = TimeScale(origin, px_per_day)
    axis = layout_axis(scale, width, measure)
    for ticks in (axis.major, axis.minor, axis.context):
        assert list(ticks) == sorted(set(ticks))
        assert all(0 <= x <= width for x in ticks)
    assert not set(axis.major) & set(axis.minor)
    for labels in (axis.labels, axis.context_labels):
        for label in labels:
            assert label.x >= LABEL_PAD and label.x + label.width <= width - LABEL_PAD + 1e-9
            assert label.width == measure(label.text)
        for a, b in pairwise(labels):
            assert a.x + a.width + 2 * LABEL_PAD <= b.x + 1e-9
    for label in axis.labels:  # a label sits between two ticks, never across one
        assert not any(label.x < x < label.x + label.width for x in axis.major)


def test_the_unit_follows_the_zoom() -> None:
    def unit(start: float, end: float, width: int = 1600) -> str:
        return layout_axis(TimeScale.fitting(start, end, width), width, measure).unit

    assert unit(day(1990, 1, 1), day(2030, 1, 1)) == "years"
    assert unit(day(1700, 1, 1), day(2100, 1, 1)) in ("10 years", "20 years")
    assert unit(day(2014, 1, 1), day(2015, 1, 1)) == "months"
    assert unit(day(2014, 1, 1), day(2016, 1, 1), 500) == "quarters"
    assert unit(day(2014, 9, 1), day(2014, 12, 1)) == "weeks"
    assert unit(day(2014, 11, 1), day(2014, 12, 1)) == "days"


def test_a_month_view_names_the_days_and_the_month() -> None:
    scale = TimeScale.fitting(day(2014, 11, 1), day(2014, 12, 1), 1600)
    axis = layout_axis(scale, 1600, measure)
    assert [label.text for label in axis.labels][17:21] == ["Tue 18", "Wed 19", "Thu 20", "Fri 21"]
    assert [label.text for label in axis.context_labels] == ["November 2014"]


def test_the_context_label_slides_along_instead_of_being_cut() -> None:
    scale = TimeScale.fitting(day(2014, 11, 10), day(2014, 11, 20), 800)
    axis = layout_axis(scale, 800, measure)
    assert axis.context_labels[0].text == "November 2014"
    assert axis.context_labels[0].x == LABEL_PAD


def test_units_step_from_one_tick_to_the_next() -> None:
    t0, t1 = day(1999, 12, 20), day(2001, 2, 10)
    for unit in UNITS:
        ticks = unit.ticks(t0, t1)
        assert (ticks[0] <= t0 and ticks[-1] > t1) or unit.count >= 500
        assert all(b - a >= unit.shortest_days for a, b in pairwise(ticks))
    months = UNITS[2].ticks(day(2014, 1, 15), day(2014, 3, 1))
    assert [date.fromordinal(t).isoformat() for t in months] == [
        "2014-01-01", "2014-02-01", "2014-03-01", "2014-04-01",
    ]  # fmt: skip
