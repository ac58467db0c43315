"""Partial dates: a day, a month or a year, with ranges, bounds and the basis of each."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from museum_app.core.days import MAX_YEAR, MIN_YEAR, CalendarDay, make_day, year_label
from museum_app.core.days import days_in_month as days_in_month

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# ASCII digits only, and the whole text: "\d" takes other scripts' digits and "$" a final "\n".
# A year before 1 is written as ISO 8601 does, astronomically: 0000 is 1 BCE, -0499 is 500 BCE.
_PARTIAL = re.compile(r"(-?[0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class DateError(ValueError):
    """A date text that cannot be read, or dates that contradict each other."""


class Precision(Enum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class DateBasis(Enum):
    """Where a date comes from."""

    SOURCE = "source"
    SOURCE_ORDER = "source-order"
    PUBLIC_RECORD = "public-record"


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A year, a month of a year, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise DateError(
                f"year {year_label(self.year)} is out of range {year_label(MIN_YEAR)} to {MAX_YEAR}"
            )
        if self.month is None:
            if self.day is not None:
                raise DateError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} is out of range 1-12")
        if self.day is not None:
            last = days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                raise DateError(f"{self.year}-{self.month:02d} has no day {self.day}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD (the year may be -YYYY: see _PARTIAL)."""
        match = _PARTIAL.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise DateError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def of_day(cls, day: dt.date) -> PartialDate:
        """Return the day precision date of a calendar day."""
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        """Return how much of the date is known."""
        if self.month is None:
            return Precision.YEAR
        return Precision.MONTH if self.day is None else Precision.DAY

    def iso(self) -> str:
        """Write the date in the form it was read."""
        year = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.month is None:
            return year
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> CalendarDay:
        """Return the earliest day the date allows."""
        return make_day(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> CalendarDay:
        """Return the latest day the date allows."""
        month = self.month or 12
        return make_day(self.year, month, self.day or days_in_month(self.year, month))

    def label(self) -> str:
        """Write the date as a person reads it: '24 January 2014', 'June 2014', '2014'."""
        if self.month is None:
            return year_label(self.year)
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {year_label(self.year)}"
        return f"{self.day} {MONTHS[self.month - 1]} {year_label(self.year)}"


def day_label(day: CalendarDay, with_year: bool = True) -> str:
    """Write a calendar day as '24 January 2014' (or '24 January', or '15 March 44 BCE')."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {year_label(day.year)}" if with_year else text
