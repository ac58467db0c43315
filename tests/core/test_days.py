"""Days and dates before year 1: the same ordinals as datetime, astronomical years, BCE labels."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from museum_app.core.dates import DateError, PartialDate
from museum_app.core.days import MIN_YEAR, Day, day_of, days_in_month, make_day, parse_day, year_label
from museum_app.core.event_date import EventDate, compact_label


@given(st.integers(min_value=Day(MIN_YEAR, 1, 1).toordinal(), max_value=dt.date.max.toordinal()))
def test_every_ordinal_is_one_day_and_back(ordinal: int) -> None:
    day = day_of(ordinal)
    assert day.toordinal() == ordinal
    assert parse_day(day.isoformat()).toordinal() == ordinal
    if ordinal < dt.date.max.toordinal():
        assert day_of(ordinal + 1) > day and not day_of(ordinal + 1) <= day


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_days_count_as_datetime_counts(date: dt.date) -> None:
    # The app makes a Day only before year 1; its arithmetic is checked against datetime's after.
    made = Day(date.year, date.month, date.day)
    assert made.toordinal() == date.toordinal() and made.weekday() == date.weekday()
    assert made == date and date == made


def test_years_before_1_are_astronomical_and_read_as_bce() -> None:
    assert Day(0, 12, 31).toordinal() == 0 and Day(1, 1, 1).toordinal() == 1  # no gap, no overlap
    assert days_in_month(0, 2) == 29 and days_in_month(-100, 2) == 28 and days_in_month(-400, 2) == 29
    assert [year_label(y) for y in (2014, 1, 0, -499)] == ["2014", "1", "1 BCE", "500 BCE"]
    assert make_day(0, 1, 1) < dt.date(1, 1, 1) and dt.date(1, 1, 1) > make_day(-5, 3, 1)
    assert Day(-499, 3, 15).isoformat() == "-0499-03-15"


def test_partial_dates_before_year_1() -> None:
    ides = PartialDate.parse("-0043-03-15")
    assert (ides.year, ides.label(), ides.iso()) == (-43, "15 March 44 BCE", "-0043-03-15")
    assert PartialDate.parse("0000").label() == "1 BCE"
    with pytest.raises(DateError, match="out of range"):
        PartialDate(-10000)
    span = EventDate.make(PartialDate(-499), PartialDate(-399))
    assert span.label() == "500 BCE–400 BCE"
    narrowed = EventDate.make(PartialDate(-499), not_before=make_day(-499, 6, 1))
    assert narrowed.label() == "500 BCE (between 1 June and 31 December)"
    assert compact_label(narrowed.precision, False, narrowed.not_before, narrowed.not_after) == (
        "between 1 Jun and 31 Dec 500 BCE"
    )
    assert span.sort_key() < EventDate.make(PartialDate(1)).sort_key()
