"""When an event happened, as honestly as it is known: precision, range, bounds and basis."""

from __future__ import annotations

from dataclasses import dataclass

from museum_app.core.dates import (
    MONTHS,
    DateBasis,
    DateError,
    PartialDate,
    Precision,
    day_label,
    days_in_month,
)
from museum_app.core.days import CalendarDay, year_label

_BASIS_SUFFIX = {DateBasis.SOURCE_ORDER: ", by the page's order"}


@dataclass(frozen=True, slots=True)
class EventDate:
    """A partial date with an optional end, the bounds it lies within and where it comes from."""

    start: PartialDate
    end: PartialDate | None
    not_before: CalendarDay
    not_after: CalendarDay
    basis: DateBasis
    note: str = ""

    @classmethod
    def make(
        cls,
        start: PartialDate,
        end: PartialDate | None = None,
        not_before: CalendarDay | None = None,
        not_after: CalendarDay | None = None,
        basis: DateBasis = DateBasis.SOURCE,
        note: str = "",
    ) -> EventDate:
        """Build a date, defaulting the bounds to what start and end allow, and check it."""
        last = end if end is not None else start
        if end is not None and end.first_day() <= start.last_day():
            raise DateError(f"the end {end.iso()} is not after the start {start.iso()}")
        if end is not None and end.precision != start.precision:
            raise DateError("the start and the end of a range need the same precision")
        lower = not_before if not_before is not None else start.first_day()
        upper = not_after if not_after is not None else last.last_day()
        if lower < start.first_day() or upper > last.last_day():
            raise DateError(
                f"the bounds {lower.isoformat()}..{upper.isoformat()} lie outside "
                f"{start.iso()}{'..' + last.iso() if end else ''}"
            )
        if lower > upper:
            raise DateError(f"not_before {lower.isoformat()} is after not_after {upper.isoformat()}")
        return cls(start, end, lower, upper, basis, note)

    @property
    def precision(self) -> Precision:
        """Return how much of the date is known."""
        return self.start.precision

    @property
    def is_range(self) -> bool:
        """Return whether the event lasted from one date to another."""
        return self.end is not None

    @property
    def is_uncertain(self) -> bool:
        """Return whether the event's day is not known (it lies somewhere within the bounds)."""
        return self.precision is not Precision.DAY

    def sort_key(self) -> tuple[int, int]:
        """Order by the earliest possible day, then the latest: one rule for every view."""
        return (self.not_before.toordinal(), self.not_after.toordinal())

    def span(self) -> tuple[CalendarDay, CalendarDay]:
        """Return the first and last day the event may cover, inclusive."""
        return (self.not_before, self.not_after)

    def _written(self) -> str:
        """Write the start and end as stated, without bounds."""
        start, end = self.start, self.end
        if end is None:
            return start.label()
        if start.precision is Precision.YEAR:
            return f"{year_label(start.year)}–{year_label(end.year)}"
        if start.precision is Precision.MONTH:
            if start.year == end.year:
                return f"{MONTHS[start.month - 1]}–{end.label()}"  # type: ignore[operator]
            return f"{start.label()} – {end.label()}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.label()}"
        if start.year == end.year:
            return f"{day_label(start.first_day(), with_year=False)} – {end.label()}"
        return f"{start.label()} – {end.label()}"

    def _bounds_narrower(self) -> bool:
        """Return whether the bounds say more than the written date."""
        last = self.end if self.end is not None else self.start
        return (self.not_before, self.not_after) != (self.start.first_day(), last.last_day())

    def bounds_label(self) -> str:
        """Write the bounds: 'between 29 January and 15 April 2014'."""
        lower, upper = self.not_before, self.not_after
        same_year = lower.year == upper.year
        return f"between {day_label(lower, with_year=not same_year)} and {day_label(upper)}"

    def label(self) -> str:
        """Write the date as a person reads it, never claiming more than is known."""
        written = self._written()
        if not self._bounds_narrower():
            return written
        bounds = self.bounds_label()
        if self.not_before.year == self.not_after.year == self.start.year:
            # The year is already written: name the days only.
            bounds = bounds.removesuffix(f" {year_label(self.start.year)}")
        return f"{written} ({bounds}{_BASIS_SUFFIX.get(self.basis, '')})"

    def basis_text(self) -> str:
        """Explain in words where the date comes from."""
        if self.basis is DateBasis.SOURCE:
            return f"The source page states this date. {self.note}".strip()
        if self.basis is DateBasis.SOURCE_ORDER:
            return f"The page gives no date; its order places this {self.bounds_label()}."
        record = f": {self.note}" if self.note else "."
        return f"The page gives no date; this date comes from the public record{record}"


def compact_label(precision: Precision, is_range: bool, first: CalendarDay, last: CalendarDay) -> str:
    """Write a date briefly for a list column: '24 Jan 2014', 'between 29 Jan and 15 Apr 2014'."""

    def short(day: CalendarDay, year: bool = True) -> str:
        text = f"{day.day} {MONTHS[day.month - 1][:3]}"
        return f"{text} {year_label(day.year)}" if year else text

    if precision is Precision.DAY:
        if not is_range:
            return short(first)
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{short(last)}"
        return f"{short(first, year=first.year != last.year)} – {short(last)}"
    whole_year = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    if precision is Precision.YEAR and whole_year and first.year == last.year:
        return year_label(first.year)
    month_end = days_in_month(last.year, last.month)
    whole_month = (first.year, first.month, first.day, last.day) == (
        last.year,
        last.month,
        1,
        month_end,
    )
    if precision is Precision.MONTH and whole_month:
        return f"{MONTHS[first.month - 1][:3]} {year_label(first.year)}"
    return f"between {short(first, year=first.year != last.year)} and {short(last)}"
