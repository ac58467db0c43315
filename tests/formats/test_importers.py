"""The importers on small files made for what no real file here has: hostile, odd or huge ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from museum_app.formats.checks import PackError
from museum_app.formats.importing import Converted, ImportRefusedError, convert, detect
from museum_app.formats.markup import plain_text
from museum_app.formats.packs import load_categories, load_pack
from museum_app.paths import shipped_data_dir


def events_of(converted: Converted, tmp_path: Path) -> list[Any]:
    """Load the converted pack through the pack checks and return its events."""
    target = tmp_path / "made.json"
    target.write_bytes(converted.data)
    return list(load_pack(target, load_categories(shipped_data_dir() / "categories.json")).events)


def story(*slides: dict[str, Any], **top: Any) -> str:
    """Write a TimelineJS story."""
    return json.dumps({"title": {"text": {"headline": "Test story"}}, "events": list(slides), **top})


def test_display_date_is_kept_in_the_note_and_the_unique_id_makes_the_event_id(tmp_path: Path) -> None:
    path = tmp_path / "shown.json"
    path.write_text(story({"start_date": {"year": 1969, "month": 7}, "display_date": "Summer of '69",
                           "unique_id": "Moon-Landing", "text": {"headline": "Moon"}}))  # fmt: skip
    [event] = events_of(convert(path), tmp_path)
    assert event.id == "shown-moon-landing"
    assert event.date.note == 'shown as "Summer of \'69"' and event.date.label() == "July 1969"


def test_an_explicit_cosmological_scale_keeps_years_only(tmp_path: Path) -> None:
    path = tmp_path / "cosmos.json"
    path.write_text(story({"start_date": {"year": "1990", "month": "4", "day": "25"},
                           "text": {"headline": "Hubble"}}, scale="cosmological"))  # fmt: skip
    [event] = events_of(convert(path), tmp_path)
    assert event.date.precision.value == "year" and event.date.start.year == 1990


def test_parts_as_numbers_strings_and_empty_strings_give_the_finest_precision(tmp_path: Path) -> None:
    path = tmp_path / "parts.json"
    path.write_text(story(
        {"start_date": {"year": 2001, "month": "", "day": ""}, "text": {"headline": "Year"}},
        {"start_date": {"year": "2002", "month": 3}, "text": {"headline": "Month"}},
        {"start_date": {"year": "2003", "month": "4", "day": 5, "hour": "9"},
         "text": {"headline": "Day"}},
        {"start_date": {"year": "two"}, "text": {"headline": "Bad"}},
        {"text": {"headline": "No date"}},
    ))  # fmt: skip
    converted = convert(path)
    events = {e.title: e for e in events_of(converted, tmp_path)}
    assert [events[t].date.precision.value for t in ("Year", "Month", "Day")] == [
        "year",
        "month",
        "day",
    ]
    assert events["Day"].date.note == "at 09:00"
    assert [(s.where, s.reason) for s in converted.skipped] == [
        ("slide 4", "its date cannot be read: year 'two' is not a whole number"),
        ("slide 5", "has no start_date year"),
    ]


def test_html_becomes_plain_text_with_links_and_nothing_that_runs() -> None:
    text, links = plain_text(
        '<p>Hi <b>there</b><script>alert(1)</script></p><a href="javascript:alert(1)">x</a>'
        '<a href="https://example.org/a">site</a><img src=x onerror=alert(1)>&lt;tag&gt;'
    )
    assert text == "Hi there\nxsite (https://example.org/a)<tag>"
    assert links == ["https://example.org/a"]


def test_a_sheet_with_a_bom_crlf_quoted_newlines_and_alt_text(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    rows = [
        "Headline,Year,Month,Day,Alt Text,Text,Type,Group",
        "My sheet,,,,,,title,",
        'First,1999,12,31,a picture,"line one\r\nline ""two""",,People',
        "Era one,1990,,,,,era,",
    ]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode() + b"\r\n")
    converted = convert(path)
    assert converted.kind == "timelinejs-csv"
    first, era = events_of(converted, tmp_path)
    assert first.description == 'line one\nline "two"' and first.source.section == "row 3"
    assert era.source.section == "row 4" and json.loads(converted.data)["title"] == "My sheet"


def timeline(events: str, categories: str = "", head: str = "") -> bytes:
    """Write a Timeline Project file."""
    return (f'<?xml version="1.0" encoding="utf-8"?>{head}<timeline><version>2.5.0</version>'
            f"<timetype>gregoriantime</timetype><categories>{categories}</categories>"
            f"<events>{events}</events></timeline>").encode()  # fmt: skip


def test_parent_categories_are_given_to_their_childrens_events(tmp_path: Path) -> None:
    path = tmp_path / "family.timeline"
    path.write_bytes(timeline(
        "<event><start>2000-01-01 00:00:00</start><end>2000-01-01 00:00:00</end><text>E</text>"
        "<category>Child</category><fuzzy>True</fuzzy><hyperlink>https://a.org/;https://b.org/</hyperlink>"
        "</event>",
        "<category><name>Parent</name><color>0,0,255</color></category>"
        "<category><name>Child</name><color>255,0,0</color><parent>Parent</parent></category>",
    ))  # fmt: skip
    [event] = events_of(convert(path), tmp_path)
    assert event.categories == ("family-child", "family-parent")
    assert event.date.note == "the date is approximate" and event.links == (
        "https://a.org/",
        "https://b.org/",
    )


def test_bc_years_in_a_timeline_are_astronomical(tmp_path: Path) -> None:
    path = tmp_path / "ancient.timeline"
    path.write_bytes(timeline(
        "<event><start>0-03-15 00:00:00</start><end>0-03-15 00:00:00</end><text>Year zero</text>"
        "</event><event><start>2000-01-01 00:00:00</start><end>2000-01-01 00:00:00</end>"
        "<text>Now</text></event><event><start>-500-06-01 10:00:00</start>"
        "<end>-500-06-01 10:00:00</end><text>Long ago</text></event>"
    ))  # fmt: skip
    dates = {e.title: e.date for e in events_of(convert(path), tmp_path)}
    assert dates["Year zero"].start.year == 0 and dates["Year zero"].label() == "15 March 1 BCE"
    assert dates["Now"].label() == "1 January 2000"
    assert dates["Long ago"].label() == "1 June 501 BCE" and dates["Long ago"].note == "at 10:00"


@pytest.mark.parametrize("head", [
    '<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE t SYSTEM "http://example.org/evil.dtd">',
])  # fmt: skip
def test_hostile_xml_is_refused_without_expanding_or_fetching_anything(
    head: str, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.timeline"
    path.write_bytes(
        timeline("<event><start>2000-01-01 00:00:00</start><text>&c;</text></event>", "", head)
    )
    with pytest.raises(ImportRefusedError, match=r"hostile\.timeline: holds XML declarations"):
        convert(path)


def test_an_all_day_calendar_event_ends_the_day_before_its_dtend(tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nX-WR-CALNAME:Term\r\n"
        "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTART;VALUE=DATE:20240310\r\nDTEND;VALUE=DATE:20240311\r\n"
        "SUMMARY:One day\r\nCATEGORIES:Talks,Food\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART;VALUE=DATE:20240310\r\nDTEND;VALUE=DATE:20240313\r\n"
        "SUMMARY:Three days\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c@x\r\nDTSTART:20240310T093000Z\r\nSUMMARY:Timed\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    converted = convert(path)
    assert converted.kind == "ics" and json.loads(converted.data)["title"] == "Term"
    one, three, timed = events_of(converted, tmp_path)
    assert one.date.label() == "10 March 2024" and len(one.categories) == 2
    assert three.date.label() == "10–12 March 2024"
    assert timed.date.note == "at 09:30 UTC"


def test_huge_and_special_files_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text(story(*[{"start_date": {"year": 2000}, "text": {"headline": "x" * 100}}] * 50))
    with pytest.raises(PackError, match=r"huge.json: is [0-9,]+ bytes; the limit is 1,000"):
        convert(path, max_bytes=1000)
    with pytest.raises(ImportRefusedError, match="name its kind with --as"):
        convert(_written(tmp_path / "notes.txt", "hello"))


def _written(path: Path, text: str) -> Path:
    """Write a text file and return its path."""
    path.write_text(text)
    return path


def test_the_kind_is_found_by_content_before_suffix(tmp_path: Path) -> None:
    assert detect(tmp_path / "a.txt", b"\xef\xbb\xbfBEGIN:VCALENDAR\r\n") == "ics"
    assert detect(tmp_path / "a.json", b'{"format": "museum-app-pack"}') == "pack"
    assert detect(tmp_path / "a.data", b"Year,Month,Headline\r\n") == "timelinejs-csv"
    assert detect(tmp_path / "a.timeline", b"<?xml version='1.0'?><timeline/>") == "timeline"
