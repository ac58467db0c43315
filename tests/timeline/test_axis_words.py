"""The axis labels written in the window's language."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from museum_app.core.date_words import CHINESE, ENGLISH
from museum_app.timeline.scale import MAX_PX_PER_DAY, MIN_PX_PER_DAY, TimeScale
from museum_app.timeline.ticks import LABEL_PAD, layout_axis


def measure(text: str) -> float:
    """Pretend a Chinese character is twice as wide as a Latin one (as in most CJK fonts)."""
    return sum(14.0 if ord(c) > 0x2E80 else 7.0 for c in text)


def test_months_and_days_read_in_chinese() -> None:
    start = float(date(2014, 1, 1).toordinal())
    months = layout_axis(TimeScale.fitting(start, start + 365, 1200), 1200, measure, CHINESE)
    assert months.unit == "months"
    assert [label.text for label in months.labels][:3] == ["1月", "2月", "3月"]
    assert [label.text for label in months.context_labels] == ["2014"]
    days = layout_axis(TimeScale.fitting(start, start + 7, 1200), 1200, measure, CHINESE)
    assert days.unit == "days"
    assert days.labels[0].text == "周三 1日"  # 1 January 2014 was a Wednesday
    assert days.context_labels[0].text == "2014年1月"
    english = layout_axis(TimeScale.fitting(start, start + 7, 1200), 1200, measure, ENGLISH)
    assert english.labels[0].text == "Wed 1" and english.context_labels[0].text == "January 2014"


@given(
    origin=st.floats(min_value=365.0, max_value=3_600_000.0),
    px_per_day=st.floats(min_value=MIN_PX_PER_DAY, max_value=MAX_PX_PER_DAY),
    width=st.integers(min_value=120, max_value=3000),
)
def test_wider_chinese_labels_still_neither_collide_nor_get_cut(
    origin: float, px_per_day: float, width: int
) -> None:
    axis = layout_axis(TimeScale(origin, px_per_day), width, measure, CHINESE)
    for labels in (axis.labels, axis.context_labels):
        for label in labels:
            assert label.width == measure(label.text)
            assert label.x >= LABEL_PAD and label.x + label.width <= width - LABEL_PAD + 1e-6
        for a, b in pairwise(labels):
            assert a.x + a.width <= b.x
