"""Dates written in Chinese from the same rules as in English."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from museum_app.core.date_words import CHINESE, ENGLISH, date_words
from museum_app.core.dates import DateBasis, PartialDate, Precision
from museum_app.core.event_date import EventDate, compact_label, written_days


def test_chinese_labels_read_as_a_chinese_reader_writes_them() -> None:
    day = EventDate.make(PartialDate.parse("2014-01-24"))
    assert day.label(CHINESE) == "2014年1月24日"
    wic = EventDate.make(PartialDate.parse("2014-11-19"), PartialDate.parse("2014-11-21"))
    assert wic.label(CHINESE) == "2014年11月19日至21日"
    across = EventDate.make(PartialDate.parse("2014-01-30"), PartialDate.parse("2014-02-02"))
    assert across.label(CHINESE) == "2014年1月30日至2月2日"
    bounded = EventDate.make(
        PartialDate(2014), not_before=dt.date(2014, 1, 29), not_after=dt.date(2014, 4, 15),
        basis=DateBasis.SOURCE_ORDER, note="between two dated paragraphs",
    )  # fmt: skip
    assert bounded.label(CHINESE) == "2014年（据页面顺序，在1月29日与4月15日之间）"
    assert bounded.basis_text(CHINESE) == (
        "页面未写明日期；按页面中的顺序，此事发生在2014年1月29日与4月15日之间。"
    )
    assert EventDate.make(PartialDate(2014, 6)).label(CHINESE) == "2014年6月"
    assert EventDate.make(PartialDate(2014)).label(CHINESE) == "2014年"
    record = EventDate.make(
        PartialDate(2014, 8), not_before=dt.date(2014, 8, 28), not_after=dt.date(2014, 8, 30),
        basis=DateBasis.PUBLIC_RECORD, note="x",
    )  # fmt: skip
    assert record.label(CHINESE) == "2014年8月（在8月28日与8月30日之间）"


def test_spans_of_days_read_as_a_range_of_the_same_days_does() -> None:
    first, last = dt.date(2014, 5, 20), dt.date(2014, 7, 15)
    assert written_days(first, first) == "20 May 2014"
    assert written_days(first, last) == "20 May – 15 July 2014"
    assert written_days(first, last, CHINESE) == "2014年5月20日至7月15日"
    assert written_days(first, dt.date(2014, 5, 22)) == "20–22 May 2014"
    assert written_days(dt.date(2013, 12, 30), first) == "30 December 2013 – 20 May 2014"
    ranged = EventDate.make(PartialDate.parse("2013-12-30"), PartialDate.parse("2014-05-20"))
    for words in (ENGLISH, CHINESE):
        assert ranged.label(words) == written_days(dt.date(2013, 12, 30), first, words)


def test_compact_chinese_labels_for_the_list() -> None:
    assert compact_label(Precision.DAY, False, dt.date(2014, 1, 24), dt.date(2014, 1, 24), CHINESE) == (
        "2014年1月24日"
    )
    between = compact_label(Precision.YEAR, False, dt.date(2014, 1, 29), dt.date(2014, 4, 15), CHINESE)
    assert between == "2014年1月29日至4月15日间"


def test_a_language_code_picks_its_words() -> None:
    assert date_words("zh_CN") is CHINESE
    assert date_words("zh-Hans") is CHINESE
    assert date_words("en_GB") is ENGLISH
    assert date_words("fr") is ENGLISH  # no French words: English rather than nothing


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9998, 1, 1)), st.integers(0, 400))
def test_chinese_labels_name_the_same_days_as_english(first: dt.date, days: int) -> None:
    last = first + dt.timedelta(days=days)
    for precision in Precision:
        english = compact_label(precision, True, first, last, ENGLISH)
        chinese = compact_label(precision, True, first, last, CHINESE)
        # Every number the English label writes (days and years) the Chinese label writes too.
        numbers = sorted(word.strip("–,") for word in english.split() if word.strip("–,").isdigit())
        for number in numbers:
            assert number in chinese
