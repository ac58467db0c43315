"""When an event happened, as honestly as it is known: precision, range, bounds and basis."""

from __future__ import annotations

from dataclasses import dataclass

from museum_app.core.date_words import ENGLISH, DateWords
from museum_app.core.dates import DateBasis, DateError, PartialDate, Precision, days_in_month
from museum_app.core.days import CalendarDay


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

    def _written(self, words: DateWords) -> str:
        """Write the start and end as stated, without bounds."""
        start, end = self.start, self.end
        if end is None:
            return written_partial(start, words)
        first, last = start.first_day(), end.first_day()
        if start.precision is Precision.YEAR:
            return words.two(words.years, first, last)
        if start.precision is Precision.MONTH:
            if start.year == end.year:
                return words.two(words.months_in_year, first, last)
            return words.apart.format(written_partial(start, words), written_partial(end, words))
        return written_days(first, last, words)

    def _bounds_narrower(self) -> bool:
        """Return whether the bounds say more than the written date."""
        last = self.end if self.end is not None else self.start
        return (self.not_before, self.not_after) != (self.start.first_day(), last.last_day())

    def bounds_label(self, words: DateWords = ENGLISH, *, with_year: bool = True) -> str:
        """Write the bounds: 'between 29 January and 15 April 2014'."""
        lower, upper = self.not_before, self.not_after
        if not with_year:
            form = words.day_no_year
            return words.between.format(words.one(form, lower), words.one(form, upper))
        if lower.year == upper.year:
            return words.two(words.between_in_year, lower, upper)
        return words.between.format(words.one(words.day, lower), words.one(words.day, upper))

    def label(self, words: DateWords = ENGLISH) -> str:
        """Write the date as a person reads it, never claiming more than is known."""
        written = self._written(words)
        if not self._bounds_narrower():
            return written
        # When the year is already written, the bounds name the days only.
        same_year = self.not_before.year == self.not_after.year == self.start.year
        bounds = self.bounds_label(words, with_year=not same_year)
        by_order = self.basis is DateBasis.SOURCE_ORDER
        return (words.bounded_by_order if by_order else words.bounded).format(written, bounds)

    def basis_text(self, words: DateWords = ENGLISH) -> str:
        """Explain in words where the date comes from."""
        if self.basis is DateBasis.SOURCE:
            return words.basis_source.format(note=self.note).strip()
        if self.basis is DateBasis.SOURCE_ORDER:
            return words.basis_order.format(bounds=self.bounds_label(words))
        if self.note:
            return words.basis_record.format(note=self.note)
        return words.basis_record_bare


def written_days(first: CalendarDay, last: CalendarDay, words: DateWords = ENGLISH) -> str:
    """Write a span of days in a language: '24 January 2014', '2014年1月30日至11月19日'."""
    if first == last:
        return words.one(words.day, first)
    if (first.year, first.month) == (last.year, last.month):
        return words.two(words.days_in_month, first, last)
    if first.year == last.year:
        return words.two(words.days_in_year, first, last)
    return words.apart.format(words.one(words.day, first), words.one(words.day, last))


def written_partial(date: PartialDate, words: DateWords = ENGLISH) -> str:
    """Write a year, a month or a day in a language: '24 January 2014', '2014年6月'."""
    first = date.first_day()
    if date.precision is Precision.YEAR:
        return words.one(words.year, first)
    return words.one(words.month if date.precision is Precision.MONTH else words.day, first)


def compact_label(
    precision: Precision,
    is_range: bool,
    first: CalendarDay,
    last: CalendarDay,
    words: DateWords = ENGLISH,
) -> str:
    """Write a date briefly for a list column: '24 Jan 2014', 'between 29 Jan and 15 Apr 2014'."""
    same_year = first.year == last.year
    if precision is Precision.DAY:
        if not is_range:
            return words.one(words.short_day, first)
        if (first.year, first.month) == (last.year, last.month):
            return words.two(words.short_days_in_month, first, last)
        if same_year:
            return words.two(words.short_days_in_year, first, last)
        return words.apart.format(words.one(words.short_day, first), words.one(words.short_day, last))
    whole_year = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    if precision is Precision.YEAR and whole_year and same_year:
        return words.one(words.year, first)
    month_end = days_in_month(last.year, last.month)
    whole_month = (first.year, first.month, first.day, last.day) == (
        last.year,
        last.month,
        1,
        month_end,
    )
    if precision is Precision.MONTH and whole_month:
        return words.one(words.short_month, first)
    if same_year:
        return words.two(words.short_between_in_year, first, last)
    return words.short_between.format(
        words.one(words.short_day, first), words.one(words.short_day, last)
    )
