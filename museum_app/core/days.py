"""Calendar days before year 1, which datetime.date cannot hold, and years written as people read them.

Years are astronomical, as ISO 8601 writes them: year 0 is 1 BCE, year -499 is 500 BCE. A day
of year 1 or later is a datetime.date, as it always was; an earlier one is a Day, which
compares with both, has the same ordinals (1 January of year 1 is day 1, earlier days are
0 and below) and the few methods the app uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

MIN_YEAR, MAX_YEAR = -9999, 9999
_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_CYCLE_DAYS, _CYCLE_YEARS = 146_097, 400  # the Gregorian calendar repeats every 400 years


class CalendarDay(Protocol):
    """What the app asks of a day: a datetime.date or a Day."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int: ...
    @property
    def day(self) -> int: ...
    def toordinal(self) -> int: ...
    def isoformat(self) -> str: ...
    def weekday(self) -> int: ...
    def __lt__(self, other: Any) -> bool: ...
    def __le__(self, other: Any) -> bool: ...
    def __gt__(self, other: Any) -> bool: ...
    def __ge__(self, other: Any) -> bool: ...


def is_leap(year: int) -> bool:
    """Return whether a (proleptic Gregorian, astronomical) year has 29 February."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Return how many days a month has."""
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_label(year: int) -> str:
    """Write an astronomical year as a person reads it: 2014, '1 BCE' for 0, '500 BCE' for -499."""
    return str(year) if year >= 1 else f"{1 - year} BCE"


class Day:
    """A day before year 1 (astronomical years -9999..0), in the proleptic Gregorian calendar."""

    __slots__ = ("day", "month", "year")

    def __init__(self, year: int, month: int, day: int) -> None:
        if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
            raise ValueError(f"no day {year}-{month}")
        if not 1 <= day <= days_in_month(year, month):
            raise ValueError(f"{year}-{month:02d} has no day {day}")
        self.year, self.month, self.day = year, month, day

    @classmethod
    def fromordinal(cls, ordinal: int) -> Day:
        """Return the day of an ordinal of 0 or less (day 1 is 1 January of year 1)."""
        cycles = (1 - ordinal) // _CYCLE_DAYS + 1  # whole 400-year cycles that bring it to year >= 1
        later = dt.date.fromordinal(ordinal + cycles * _CYCLE_DAYS)
        return cls(later.year - cycles * _CYCLE_YEARS, later.month, later.day)

    def toordinal(self) -> int:
        """Return the day's number, counted as datetime.date counts (0 and below before year 1)."""
        before = self.year - 1
        leap = self.month > 2 and is_leap(self.year)
        days_before_year = before * 365 + before // 4 - before // 100 + before // 400
        return days_before_year + _BEFORE_MONTH[self.month - 1] + leap + self.day

    def isoformat(self) -> str:
        """Write the day as ISO 8601 does for years before 1: '-0499-03-15', '0000-01-01'."""
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    def weekday(self) -> int:
        """Return the day of the week, Monday 0 (day 1 was a Monday)."""
        return (self.toordinal() - 1) % 7

    def _key(self, other: Any) -> int:
        if not isinstance(other, (Day, dt.date)) or isinstance(other, dt.datetime):
            raise TypeError(f"cannot compare a day with {type(other).__name__}")
        return other.toordinal()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Day, dt.date)) and not isinstance(other, dt.datetime):
            return self.toordinal() == other.toordinal()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.toordinal())

    def __lt__(self, other: Any) -> bool:
        return self.toordinal() < self._key(other)

    def __le__(self, other: Any) -> bool:
        return self.toordinal() <= self._key(other)

    def __gt__(self, other: Any) -> bool:
        return self.toordinal() > self._key(other)

    def __ge__(self, other: Any) -> bool:
        return self.toordinal() >= self._key(other)

    def __repr__(self) -> str:
        return f"Day({self.year}, {self.month}, {self.day})"


def make_day(year: int, month: int, day: int) -> CalendarDay:
    """Return a datetime.date for year 1 and later, else a Day."""
    return dt.date(year, month, day) if year >= 1 else Day(year, month, day)


def day_of(ordinal: int) -> CalendarDay:
    """Return the day of an ordinal, of any year from -9999 to 9999."""
    return dt.date.fromordinal(ordinal) if ordinal >= 1 else Day.fromordinal(ordinal)


def parse_day(text: str) -> CalendarDay:
    """Read YYYY-MM-DD, or a year before 1 as ISO 8601 writes it (-0499-03-15)."""
    sign = -1 if text.startswith("-") else 1
    year, month, day = text.lstrip("-").split("-")
    return make_day(sign * int(year), int(month), int(day))
