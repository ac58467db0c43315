"""How dates are written in each language: month names and templates filled with a date's parts.

The core writes no date sentence of its own: EventDate and compact_label fill these templates,
so the window and the command line show "24 January 2014" or "2014年1月24日" from one rule.
Fields: {y} {m} {d} (numbers), {month} and {mon} (full and short month names); with two dates,
the same names end in 1 and 2.
"""

from __future__ import annotations

from dataclasses import dataclass

from museum_app.core.dates import MONTHS
from museum_app.core.days import CalendarDay


@dataclass(frozen=True, slots=True)
class DateWords:
    """The words and templates one language writes dates with."""

    months: tuple[str, ...]
    short_months: tuple[str, ...]
    weekdays: tuple[str, ...]  # short, Monday first
    year: str
    month: str
    month_no_year: str
    day: str
    day_no_year: str
    years: str  # a range of years
    months_in_year: str
    days_in_month: str
    days_in_year: str
    apart: str  # two dates written in full
    between: str
    between_in_year: str
    bounded: str
    bounded_by_order: str
    short_day: str
    short_day_no_year: str
    short_month: str
    short_days_in_month: str
    short_days_in_year: str
    short_between_in_year: str
    short_between: str
    basis_source: str
    basis_order: str
    basis_record: str
    basis_record_bare: str
    tick_weekday: str  # the timeline's axis: "Mon 24", "周一 24日"
    tick_week: str
    tick_quarter: str
    before_era: str  # a year before year 1: '500 BCE', '公元前500'

    def year_text(self, year: int) -> str:
        """Write an astronomical year: 2014, or 500 BCE for -499 (year 0 is 1 BCE)."""
        return str(year) if year >= 1 else self.before_era.format(n=1 - year)

    def parts(self, day: CalendarDay, n: str = "") -> dict[str, object]:
        """Return the fields of one day, their names ending in n."""
        return {
            f"y{n}": self.year_text(day.year),
            f"m{n}": day.month,
            f"d{n}": day.day,
            f"month{n}": self.months[day.month - 1],
            f"mon{n}": self.short_months[day.month - 1],
        }

    def two(self, template: str, first: CalendarDay, last: CalendarDay) -> str:
        """Fill a template with two days: the second's fields also under the plain names."""
        return template.format(**self.parts(last), **self.parts(first, "1"), **self.parts(last, "2"))

    def one(self, template: str, day: CalendarDay) -> str:
        """Fill a template with one day's fields."""
        return template.format(**self.parts(day))


ENGLISH = DateWords(
    months=MONTHS,
    short_months=tuple(name[:3] for name in MONTHS),
    weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    year="{y}",
    month="{month} {y}",
    month_no_year="{month}",
    day="{d} {month} {y}",
    day_no_year="{d} {month}",
    years="{y1}–{y2}",
    months_in_year="{month1}–{month2} {y}",
    days_in_month="{d1}–{d2} {month} {y}",
    days_in_year="{d1} {month1} – {d2} {month2} {y}",
    apart="{0} – {1}",
    between="between {0} and {1}",
    between_in_year="between {d1} {month1} and {d2} {month2} {y}",
    bounded="{0} ({1})",
    bounded_by_order="{0} ({1}, by the page's order)",
    short_day="{d} {mon} {y}",
    short_day_no_year="{d} {mon}",
    short_month="{mon} {y}",
    short_days_in_month="{d1}–{d2} {mon} {y}",
    short_days_in_year="{d1} {mon1} – {d2} {mon2} {y}",
    short_between_in_year="between {d1} {mon1} and {d2} {mon2} {y}",
    short_between="between {0} and {1}",
    basis_source="The source page states this date. {note}",
    basis_order="The page gives no date; its order places this {bounds}.",
    basis_record="The page gives no date; this date comes from the public record: {note}",
    basis_record_bare="The page gives no date; this date comes from the public record.",
    tick_weekday="{weekday} {d}",
    tick_week="{d} {mon}",
    tick_quarter="Q{q}",
    before_era="{n} BCE",
)

_CHINESE_MONTHS = tuple(f"{n}月" for n in range(1, 13))

CHINESE = DateWords(
    months=_CHINESE_MONTHS,
    short_months=_CHINESE_MONTHS,
    weekdays=("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    year="{y}年",
    month="{y}年{m}月",
    month_no_year="{m}月",
    day="{y}年{m}月{d}日",
    day_no_year="{m}月{d}日",
    years="{y1}年至{y2}年",
    months_in_year="{y}年{m1}月至{m2}月",
    days_in_month="{y}年{m}月{d1}日至{d2}日",
    days_in_year="{y}年{m1}月{d1}日至{m2}月{d2}日",
    apart="{0}至{1}",
    between="在{0}与{1}之间",
    between_in_year="在{y}年{m1}月{d1}日与{m2}月{d2}日之间",
    bounded="{0}（{1}）",
    bounded_by_order="{0}（据页面顺序，{1}）",
    short_day="{y}年{m}月{d}日",
    short_day_no_year="{m}月{d}日",
    short_month="{y}年{m}月",
    short_days_in_month="{y}年{m}月{d1}日至{d2}日",
    short_days_in_year="{y}年{m1}月{d1}日至{m2}月{d2}日",
    short_between_in_year="{y}年{m1}月{d1}日至{m2}月{d2}日间",
    short_between="{0}至{1}间",
    basis_source="来源页面写明了这一日期。{note}",
    basis_order="页面未写明日期；按页面中的顺序，此事发生{bounds}。",
    basis_record="页面未写明日期；此日期来自公开记录：{note}",
    basis_record_bare="页面未写明日期；此日期来自公开记录。",
    tick_weekday="{weekday} {d}日",
    tick_week="{m}月{d}日",
    tick_quarter="第{q}季度",
    before_era="公元前{n}",
)

_BY_LANGUAGE = {"en": ENGLISH, "zh": CHINESE}


def date_words(language: str) -> DateWords:
    """Return the date words for a language code ("en", "zh_CN", "zh-Hans"...); English if unknown."""
    return _BY_LANGUAGE.get(language.replace("-", "_").split("_")[0].lower(), ENGLISH)
