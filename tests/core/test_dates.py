"""Partial dates and event dates: parsing, ordering, labels and bounds."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from museum_app.core.dates import DateBasis, DateError, PartialDate, Precision, days_in_month
from museum_app.core.event_date import EventDate


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    precision = draw(st.sampled_from(list(Precision)))
    if precision is Precision.YEAR:
        return PartialDate(day.year)
    if precision is Precision.MONTH:
        return PartialDate(day.year, day.month)
    return PartialDate.of_day(day)


@given(partial_dates())
def test_iso_round_trips(date: PartialDate) -> None:
    assert PartialDate.parse(date.iso()) == date


@given(partial_dates())
def test_first_day_is_not_after_last_day(date: PartialDate) -> None:
    assert date.first_day() <= date.last_day()
    assert PartialDate.of_day(date.first_day()).iso().startswith(date.iso())


@given(partial_dates(), partial_dates())
def test_sort_key_orders_by_earliest_then_latest_day(a: PartialDate, b: PartialDate) -> None:
    first, second = EventDate.make(a), EventDate.make(b)
    if first.sort_key() < second.sort_key():
        assert a.first_day() <= b.first_day()
    if a.first_day() < b.first_day():
        assert first.sort_key() < second.sort_key()


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)), st.integers(1, 400))
def test_bounded_year_sorts_after_the_day_it_follows(lower: dt.date, days: int) -> None:
    upper = min(lower + dt.timedelta(days=days), dt.date(lower.year, 12, 31))
    dated = EventDate.make(PartialDate.of_day(lower))
    bounded = EventDate.make(
        PartialDate(lower.year), not_before=lower, not_after=upper, basis=DateBasis.SOURCE_ORDER
    )
    assert dated.sort_key() <= bounded.sort_key()


@pytest.mark.parametrize(
    "text", ["2014-13", "2014-02-30", "14", "2014-1-5", "2014/01/05", "", "-10000", "+2014"]
)
def test_impossible_or_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_labels_read_as_a_person_writes_them() -> None:
    day = EventDate.make(PartialDate.parse("2014-01-24"))
    assert day.label() == "24 January 2014"
    wic = EventDate.make(PartialDate.parse("2014-11-19"), PartialDate.parse("2014-11-21"))
    assert wic.label() == "19–21 November 2014"
    assert wic.is_range and not wic.is_uncertain
    across = EventDate.make(PartialDate.parse("2014-01-30"), PartialDate.parse("2014-02-02"))
    assert across.label() == "30 January – 2 February 2014"
    bounded = EventDate.make(
        PartialDate(2014), not_before=dt.date(2014, 1, 29), not_after=dt.date(2014, 4, 15),
        basis=DateBasis.SOURCE_ORDER, note="between two dated paragraphs",
    )  # fmt: skip
    assert bounded.label() == "2014 (between 29 January and 15 April, by the page's order)"
    assert bounded.is_uncertain
    assert bounded.basis_text() == (
        "The page gives no date; its order places this between 29 January and 15 April 2014."
    )
    assert EventDate.make(PartialDate(2014, 6)).label() == "June 2014"
    assert EventDate.make(PartialDate(2014)).label() == "2014"


def test_a_bounded_date_is_never_given_a_day() -> None:
    bounded = EventDate.make(
        PartialDate(2014), not_before=dt.date(2014, 11, 24), basis=DateBasis.SOURCE_ORDER, note="x"
    )
    assert bounded.not_after == dt.date(2014, 12, 31)
    assert "1 January" not in bounded.label()
    assert bounded.precision is Precision.YEAR


@pytest.mark.parametrize(
    ("start", "end", "lower", "upper", "problem"),
    [
        ("2014-11-21", "2014-11-19", None, None, "not after"),
        ("2014-11-19", "2014-12", None, None, "same precision"),
        ("2014", None, "2013-12-31", None, "outside"),
        ("2014", None, "2014-05-01", "2014-04-01", "after not_after"),
    ],
)
def test_contradictory_dates_are_refused(
    start: str, end: str | None, lower: str | None, upper: str | None, problem: str
) -> None:
    with pytest.raises(DateError, match=problem):
        EventDate.make(
            PartialDate.parse(start),
            PartialDate.parse(end) if end else None,
            dt.date.fromisoformat(lower) if lower else None,
            dt.date.fromisoformat(upper) if upper else None,
        )


def test_compact_labels_stay_honest() -> None:
    from museum_app.core.event_date import compact_label

    day = dt.date(2014, 1, 24)
    assert compact_label(Precision.DAY, False, day, day) == "24 Jan 2014"
    assert compact_label(Precision.DAY, True, dt.date(2014, 11, 19), dt.date(2014, 11, 21)) == (
        "19–21 Nov 2014"
    )
    assert (
        compact_label(Precision.MONTH, False, dt.date(2014, 6, 1), dt.date(2014, 6, 30)) == "Jun 2014"
    )
    assert compact_label(Precision.YEAR, False, dt.date(2014, 1, 1), dt.date(2014, 12, 31)) == "2014"
    assert compact_label(Precision.YEAR, False, dt.date(2014, 1, 29), dt.date(2014, 4, 15)) == (
        "between 29 Jan and 15 Apr 2014"
    )


@pytest.mark.parametrize("year", [1, 1900, 2000, 2014, 2016, 2100, 9999])
def test_days_in_month_are_the_calendars(year: int) -> None:
    assert [days_in_month(year, m) for m in range(1, 13)] == [
        calendar.monthrange(year, m)[1] for m in range(1, 13)
    ]
