"""The time-to-x scale: round trips, zoom about an anchor, limits."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from museum_app.timeline.scale import (
    MAX_PX_PER_DAY,
    MIN_PX_PER_DAY,
    TimeScale,
    bucket_px_per_day,
    zoom_bucket,
)

times = st.floats(min_value=1.0, max_value=3_000_000.0)
zooms = st.floats(min_value=MIN_PX_PER_DAY, max_value=MAX_PX_PER_DAY)
xs = st.floats(min_value=-5000.0, max_value=5000.0)


@given(origin=times, px_per_day=zooms, x=xs)
def test_x_to_time_to_x_round_trips(origin: float, px_per_day: float, x: float) -> None:
    scale = TimeScale(origin, px_per_day)
    assert math.isclose(scale.x_of(scale.time_of(x)), x, abs_tol=1e-6 * max(1.0, abs(x)) + 1e-4)


@given(origin=times, px_per_day=zooms, t=times)
def test_time_to_x_to_time_round_trips(origin: float, px_per_day: float, t: float) -> None:
    scale = TimeScale(origin, px_per_day)
    assert math.isclose(scale.time_of(scale.x_of(t)), t, rel_tol=1e-9, abs_tol=1e-6)


@given(origin=times, px_per_day=zooms, factor=st.floats(0.05, 20.0), anchor=st.floats(0, 1600))
def test_zoom_keeps_the_time_under_the_anchor(
    origin: float, px_per_day: float, factor: float, anchor: float
) -> None:
    scale = TimeScale(origin, px_per_day)
    zoomed = scale.zoomed(factor, anchor)
    assert MIN_PX_PER_DAY <= zoomed.px_per_day <= MAX_PX_PER_DAY
    assert math.isclose(zoomed.time_of(anchor), scale.time_of(anchor), rel_tol=1e-9, abs_tol=1e-6)


@given(px_per_day=zooms)
def test_a_bucket_is_laid_out_at_or_below_its_zoom(px_per_day: float) -> None:
    bucket = zoom_bucket(px_per_day)
    low = bucket_px_per_day(bucket)
    assert low <= px_per_day * (1 + 1e-12)
    assert px_per_day < low * 2**0.25 * (1 + 1e-12)


def test_pan_moves_later_for_positive_pixels() -> None:
    scale = TimeScale(1000.0, 2.0)
    assert scale.panned(20).origin == 1010.0
    assert scale.panned(-20).origin == 990.0


def test_fitting_shows_the_range_and_centres_it_when_clamped() -> None:
    scale = TimeScale.fitting(1000.0, 1100.0, 500)
    assert scale.visible_range(500) == (1000.0, 1100.0)
    tiny = TimeScale.fitting(1000.0, 1000.5, 500)
    assert tiny.px_per_day == MAX_PX_PER_DAY
    t0, t1 = tiny.visible_range(500)
    assert math.isclose((t0 + t1) / 2, 1000.25)
