"""Calendar steps for the axis: days, weeks, months, quarters and runs of years."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from museum_app.core.date_words import DateWords
from museum_app.core.days import MIN_YEAR, CalendarDay, Day, day_of, make_day

FIRST_DAY = Day(MIN_YEAR, 1, 1).toordinal()
LAST_DAY = date.max.toordinal()

Format = Callable[[CalendarDay, DateWords], str]  # a label in a language's words


def _clamp_day(t: float) -> int:
    """Return the ordinal day that holds t, kept within the years the app can show."""
    return min(LAST_DAY, max(FIRST_DAY, math.floor(t)))


@dataclass(frozen=True, slots=True)
class TickUnit:
    """One kind of tick: count days, weeks, months or years apart, with its label formats."""

    name: str
    base: str  # "day", "week", "month" or "year"
    count: int
    shortest_days: float  # the shortest gap between two ticks, for a quick spacing check
    formats: tuple[Format, ...]  # longest first

    def floor(self, t: float) -> int:
        """Return the ordinal day of the tick at or before t."""
        o = _clamp_day(t)
        if self.base == "day":
            return o
        if self.base == "week":
            return ((o - 1) // 7) * 7 + 1  # 1 January of year 1 (day 1) was a Monday
        d = day_of(o)
        if self.base == "month":
            return make_day(d.year, ((d.month - 1) // self.count) * self.count + 1, 1).toordinal()
        return make_day(max(MIN_YEAR, _year_floor(d.year, self.count)), 1, 1).toordinal()

    def after(self, o: int) -> int | None:
        """Return the ordinal day of the tick after the tick at o, or None past the calendar."""
        if self.base in ("day", "week"):
            following = o + (1 if self.base == "day" else 7)
            return following if following <= LAST_DAY else None
        d = day_of(o)
        if self.base == "month":
            months = d.year * 12 + d.month - 1 + self.count
            year, month = divmod(months, 12)
            return make_day(year, month + 1, 1).toordinal() if year <= date.max.year else None
        year = _year_after(d.year, self.count)
        return make_day(year, 1, 1).toordinal() if year <= date.max.year else None

    def ticks(self, t0: float, t1: float) -> list[int]:
        """Return the ticks from the one at or before t0 to the first one after t1."""
        ticks = [self.floor(t0)]
        while ticks[-1] <= t1:
            following = self.after(ticks[-1])
            if following is None:
                break
            ticks.append(following)
        return ticks


def _year_floor(year: int, count: int) -> int:
    """Return the tick year at or before a year: a multiple of count, or of count BCE, or 1."""
    if year >= count:
        return (year // count) * count
    if year >= 1:
        return 1
    # Years before 1 are ticked where they read round: 500 BCE is the astronomical year -499.
    return 1 - -(-(1 - year) // count) * count


def _year_after(year: int, count: int) -> int:
    """Return the tick year after a tick year (see _year_floor)."""
    if year < 1:
        before = (1 - year) - count  # years BCE of the next tick
        return 1 - before if before >= 1 else 1
    return (year // count + 1) * count


def _year(d: CalendarDay, w: DateWords) -> str:
    """Format a year: '1990', '500 BCE', '公元前500'."""
    return w.year_text(d.year)


def _weekday(d: CalendarDay, w: DateWords) -> str:
    """Format a day with its weekday: 'Mon 24', '周一 24日'."""
    return w.tick_weekday.format(weekday=w.weekdays[d.weekday()], d=d.day)


def _day(d: CalendarDay, w: DateWords) -> str:
    """Format a day of the month alone."""
    return str(d.day)


def _week(d: CalendarDay, w: DateWords) -> str:
    """Format the first day of a week: '24 Jan', '1月24日'."""
    return w.one(w.tick_week, d)


def _month(d: CalendarDay, w: DateWords) -> str:
    """Format a month's name."""
    return w.months[d.month - 1]


def _short_month(d: CalendarDay, w: DateWords) -> str:
    """Format a month's short name."""
    return w.short_months[d.month - 1]


def _quarter(d: CalendarDay, w: DateWords) -> str:
    """Format a quarter: 'Q1', '第1季度'."""
    return w.tick_quarter.format(q=(d.month - 1) // 3 + 1)


def _month_of_year(d: CalendarDay, w: DateWords) -> str:
    """Format a month with its year: 'January 2014', '2014年1月'."""
    return w.one(w.month, d)


def _short_month_of_year(d: CalendarDay, w: DateWords) -> str:
    """Format a month with its year, briefly: 'Jan 2014', '2014年1月'."""
    return w.one(w.short_month, d)


DAY = TickUnit("days", "day", 1, 1, (_weekday, _day))
WEEK = TickUnit("weeks", "week", 1, 7, (_week, _day))
MONTH = TickUnit("months", "month", 1, 28, (_month, _short_month))
QUARTER = TickUnit("quarters", "month", 3, 90, (_quarter,))
YEARS = tuple(
    TickUnit("years" if n == 1 else f"{n} years", "year", n, 365 * n, (_year,))
    for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
)
# Finest first: the axis uses the finest unit whose labels fit.
UNITS: tuple[TickUnit, ...] = (DAY, WEEK, MONTH, QUARTER, *YEARS)

# The row under the labels names the larger period they belong to.
MONTH_OF_YEAR = TickUnit("month of year", "month", 1, 28, (_month_of_year, _short_month_of_year))
YEAR = YEARS[0]
CONTEXT: dict[str, TickUnit | None] = {"day": MONTH_OF_YEAR, "week": MONTH_OF_YEAR, "month": YEAR}
