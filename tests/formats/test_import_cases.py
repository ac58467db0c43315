"""Every importer against real files made with TimelineJS, The Timeline Project and calendars."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from museum_app.formats.checks import PackError
from museum_app.formats.importing import Converted, ImportRefusedError, convert
from museum_app.formats.packs import Pack, load_categories, load_pack
from museum_app.paths import shipped_data_dir

CASES = Path(__file__).resolve().parents[2] / ".." / "shared" / "import-cases"
pytestmark = pytest.mark.skipif(
    not CASES.is_dir(), reason=f"the real import cases are not here ({CASES.resolve()})"
)


def made(name: str, tmp_path: Path) -> tuple[Converted, Pack]:
    """Convert a real file and load the pack it made through the pack checks."""
    converted = convert(CASES / name)
    tmp_path.mkdir(parents=True, exist_ok=True)
    target = tmp_path / f"{converted.pack_id}.json"
    target.write_bytes(converted.data)
    return converted, load_pack(target, load_categories(shipped_data_dir() / "categories.json"))


def by_title(pack: Pack) -> dict[str, Any]:
    """Index a pack's events by title."""
    return {e.title: e for e in pack.events}


def test_women_in_computing_json_keeps_html_links_and_mixed_precision(tmp_path: Path) -> None:
    converted, pack = made("timelinejs/women_in_computing.json", tmp_path)
    assert (converted.kind, pack.id, pack.title) == (
        "timelinejs",
        "women-in-computing",
        "Women in Computing",
    )
    assert len(pack.events) == 10 and converted.skipped == []
    ada = by_title(pack)["Ada Lovelace"]
    assert ada.date.label() == "10 December 1815 – 27 November 1852"
    assert "Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace): Daughter" in ada.description
    assert "<" not in ada.description and "This slide demonstrates" in ada.description
    assert "https://en.wikipedia.org/wiki/Analytical_Engine" in ada.links
    assert ada.links[0].endswith("713px-Ada_Lovelace_portrait.jpg")  # media.url, a link only
    eniac = by_title(pack)["...And the women who made it work"]
    # Start 1943-07, end 1946: the range is in years, the bounds keep the month.
    assert (eniac.date.start.iso(), eniac.date.end.iso()) == ("1943", "1946")
    assert eniac.date.not_before.isoformat() == "1943-07-01"
    clarke = by_title(pack)["Edith Clarke: Bucking the Trend"]
    assert clarke.description.startswith("There is no demand for women engineers")  # a quote as media


def test_the_sheet_twin_gives_the_same_events_as_the_json(tmp_path: Path) -> None:
    _, from_json = made("timelinejs/women_in_computing.json", tmp_path / "j")
    _, from_csv = made("timelinejs-csv/women_in_computing.csv", tmp_path / "c")

    def events(pack: Pack) -> list[tuple[Any, ...]]:
        return sorted(
            (e.id, e.title, e.description, e.date, e.categories, e.links) for e in pack.events
        )

    assert events(from_json) == events(from_csv)
    assert len(events(from_csv)) == 10 and from_csv.title == from_json.title
    assert from_csv.categories == from_json.categories


@pytest.mark.parametrize(("name", "count"), [
    ("timelinejs/women_in_computing.json", 10), ("timelinejs/marktwain.json", 17),
    ("timelinejs/eras.json", 23), ("timelinejs/all-media-types.json", 41),
    ("timelinejs-csv/women_in_computing.csv", 10), ("timelinejs-csv/demo-timeline.csv", 4),
    ("timelinejs-csv/timelinejs3-template.csv", 2), ("timeline-project/versions.timeline", 59),
    ("timeline-project/sample.timeline", 15), ("timeline-project/Tidrapportering.timeline", 201),
])  # fmt: skip
def test_every_real_file_makes_a_valid_pack_and_each_entry_is_counted(
    name: str, count: int, tmp_path: Path
) -> None:
    converted, pack = made(name, tmp_path)
    assert len(pack.events) == count == converted.count
    assert len({e.id for e in pack.events}) == count
    # Nothing that looks like markup is left in a title, and every link is a web address.
    assert not any("<p>" in e.title or "</" in e.description for e in pack.events)
    assert all(link.startswith(("http://", "https://")) for e in pack.events for link in e.links)


def test_marktwain_keeps_the_time_of_day_in_the_note_and_names_untitled_slides(tmp_path: Path) -> None:
    converted, pack = made("timelinejs/marktwain.json", tmp_path)
    florida = by_title(pack)["Florida, Missouri"]
    assert florida.date.precision.value == "day" and florida.date.note == "at 06:45:56"
    untitled = [e for e in pack.events if e.title.startswith("Untitled")]
    assert len(untitled) == 3
    assert sum("has no headline" in w for w in converted.warnings) == 4


def test_eras_become_events_in_an_eras_category(tmp_path: Path) -> None:
    _, pack = made("timelinejs/eras.json", tmp_path)
    eras = {c.id for c in pack.categories if c.name == "Eras"}
    assert len([e for e in pack.events if set(e.categories) & eras]) == 3
    hijra = by_title(pack)["Muhammad Migrates from Mecca to Medina"]
    assert hijra.date.label() == "9–23 August 622"


def test_all_media_types_groups_become_categories(tmp_path: Path) -> None:
    _, pack = made("timelinejs/all-media-types.json", tmp_path)
    names = sorted(c.name for c in pack.categories)
    # Five groups, and the timeline's own category for the 13 slides without one.
    assert names == ["Audio", "HTML", "Image", "Social Media", "TimelineJS Media Types", "Video"]
    assert all(len(e.categories) == 1 for e in pack.events)
    own = next(c.id for c in pack.categories if c.name == "TimelineJS Media Types")
    assert sum(e.categories == (own,) for e in pack.events) == 13


def test_sheet_time_cells_and_same_day_ranges(tmp_path: Path) -> None:
    _, pack = made("timelinejs-csv/timelinejs3-template.csv", tmp_path)
    vimeo = by_title(pack)["Vimeo Example"]
    assert vimeo.date.end is None and vimeo.date.note == "from 05:58:44 to 07:30:00"
    flickr = by_title(pack)["Another Flickr Example"]
    assert flickr.date.label() == "1 November – 15 December 2011"
    _, demo = made("timelinejs-csv/demo-timeline.csv", tmp_path / "demo")
    football = next(e for e in demo.events if "Football" in e.title)
    assert football.date.note == "at 14:30"
    assert "[" not in demo.events[0].description  # Markdown links made plain, with their address


def test_demo_sheet_reports_relative_media_as_left_out_by_row(tmp_path: Path) -> None:
    converted, _ = made("timelinejs-csv/demo-timeline.csv", tmp_path)
    assert converted.warnings[0].startswith("row 3: its media 'demo_001.jpg' is not a web address")


def test_timeline_project_sample_containers_and_an_end_before_its_start(tmp_path: Path) -> None:
    converted, pack = made("timeline-project/sample.timeline", tmp_path)
    titles = {e.title for e in pack.events}
    assert {"Box-1", "Box-2", "Box-3"} <= titles and not any(t.startswith(("[", "(")) for t in titles)
    assert any(e.description.endswith("Part of Box-1.") for e in pack.events)
    assert any("the end 2021-11-25 is before the start 2021-11-26" in w for w in converted.warnings)
    names = {c.name: c.colour for c in pack.categories}
    assert names["Välkommen"] == "#ff5050"


def test_timeline_project_versions_keep_times_and_multiline_descriptions(tmp_path: Path) -> None:
    _, pack = made("timeline-project/versions.timeline", tmp_path)
    notes = [e.date.note for e in pack.events]
    assert sum(1 for n in notes if n.startswith("at ")) == 42
    assert sum(1 for e in pack.events if "\n" in e.description) >= 1


def test_timeline_project_numbers_are_refused_with_one_line() -> None:
    with pytest.raises(ImportRefusedError) as refused:
        convert(CASES / "timeline-project/numeric-sample.timeline")
    assert "numtime" in str(refused.value) and "\n" not in str(refused.value)


def test_cosmological_years_that_cannot_be_stored_are_skipped_and_counted(tmp_path: Path) -> None:
    converted, pack = made("timelinejs/cosmo-mixed.json", tmp_path)
    assert [s.where for s in converted.skipped] == ["slide 1", "slide 2", "slide 3", "slide 4"]
    assert "year 13800000000 BCE is out of range" in converted.skipped[0].reason
    assert converted.count == 7 and converted.count + len(converted.skipped) == 11
    # TimelineJS writes 3500 BCE as -3500: the app's astronomical year -3499.
    glass = by_title(pack)["First Manufactured Glass"]
    assert (glass.date.start.year, glass.date.label()) == (-3499, "3500 BCE")
    assert by_title(pack)["Euclid's Optica"].date.label() == "300 BCE"


def test_a_pack_imports_as_itself() -> None:
    converted = convert(shipped_data_dir() / "packs" / "cim-2014-milestones.json")
    assert converted.kind == "pack" and converted.count == 27


def test_a_bad_file_is_refused_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"events": ')
    with pytest.raises(ImportRefusedError, match=r"bad\.json: is not valid JSON"):
        convert(bad)
    with pytest.raises(PackError, match="is not a regular file"):
        convert(tmp_path)


def test_event_ids_of_years_bce_say_bce(tmp_path: Path) -> None:
    _, pack = made("timelinejs/cosmo-mixed.json", tmp_path)
    assert (
        by_title(pack)["First Manufactured Glass"].id == "cosmo-mixed-3500-bce-first-manufactured-glass"
    )
