"""Pack validation: the shipped pack is right; a broken pack is refused by file, record and field."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from museum_app import paths
from museum_app.core.dates import DateBasis, Precision
from museum_app.formats.checks import PackError
from museum_app.formats.packs import load_categories, load_pack
from tests.helpers import SHIPPED_PACK, event, pack, write

CATEGORIES = load_categories(paths.shipped_data_dir() / "categories.json")


def test_shipped_pack_holds_all_27_paragraphs_honestly_dated() -> None:
    loaded = load_pack(SHIPPED_PACK, CATEGORIES)
    assert len(loaded.events) == 27
    bases = Counter(e.date.basis for e in loaded.events)
    assert bases[DateBasis.SOURCE] == 12
    assert bases[DateBasis.SOURCE_ORDER] + bases[DateBasis.PUBLIC_RECORD] == 15
    sections = Counter(e.source.section for e in loaded.events)
    assert sum(sections.values()) == 27 and len(sections) == 2
    for item in loaded.events:
        if item.date.basis is DateBasis.SOURCE_ORDER:
            assert item.date.precision is Precision.YEAR
            assert item.date.not_before.year == item.date.not_after.year == 2014
            assert "between" in item.date.label()
    wic = next(e for e in loaded.events if "world-internet-conference" in e.id)
    assert wic.date.label() == "19–21 November 2014"
    assert all(len(e.entities) >= 0 and e.categories for e in loaded.events)


def test_every_category_is_used_and_has_a_distinct_colour() -> None:
    loaded = load_pack(SHIPPED_PACK, CATEGORIES)
    used = {c for e in loaded.events for c in e.categories}
    assert used == {c.id for c in CATEGORIES}
    assert len({c.colour for c in CATEGORIES}) == len(CATEGORIES)


def _error(tmp_path: Path, document: Any) -> PackError:
    with pytest.raises(PackError) as caught:
        load_pack(write(tmp_path / "broken.json", document), CATEGORIES)
    return caught.value


def _broken(change: dict[str, Any]) -> dict[str, Any]:
    record = event("2015-03-01-first", "2015-03-01")
    for key, value in change.items():
        if value is None:
            del record[key]
        else:
            record[key] = value
    return pack(events=[event("2015-01-01-ok", "2015-01-01"), record])


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"title": None}, "title", "is missing"),
        ({"title": 42}, "title", "expected a string, found a number"),
        ({"title": "a" * 201}, "title", "allowed 1 to 200"),
        ({"title": "bad\u202etitle"}, "title", "text-direction"),
        ({"title": "nul\x00byte"}, "title", "control character"),
        ({"date": {"start": "2015-02-30", "basis": "source"}}, "date.start", "has no day 30"),
        ({"date": {"start": "2015", "basis": "source-order"}}, "date.note", "needs a note"),
        ({"date": {"start": "2015", "basis": "guess"}}, "date.basis", "not one of"),
        ({"categories": ["gossip"]}, "categories[0]", "not a known category"),
        ({"categories": []}, "categories", "allowed 1 to 20"),
        ({"entities": [{"name": "X", "kind": "alien"}]}, "entities[0].kind", "not one of"),
        ({"links": ["javascript:alert(1)"]}, "links[0]", "not an http or https address"),
        ({"id": "Not An Id"}, "id", "is not an id"),
        ({"id": "2015-01-01-ok"}, "id", "already the id of another event"),
    ],
)
def test_a_broken_event_is_named_by_file_record_and_field(
    tmp_path: Path, change: dict[str, Any], field: str, problem: str
) -> None:
    error = _error(tmp_path, _broken(change))
    assert error.file.endswith("broken.json")
    assert error.record.startswith("event 2")
    assert error.field == field
    assert problem in error.problem
    assert str(error).startswith(str(tmp_path / "broken.json"))


def test_broken_files_are_refused_with_where_and_why(tmp_path: Path) -> None:
    not_json = tmp_path / "broken.json"
    not_json.write_text('{"format": "museum-app-pack",\n  oops}', encoding="utf-8")
    with pytest.raises(PackError, match=r"not valid JSON: .* line 2"):
        load_pack(not_json, CATEGORIES)
    assert "format_version" in str(_error(tmp_path, {**pack(), "format_version": 9}))
    assert "expected an object" in str(_error(tmp_path, [1, 2]))
    not_utf8 = tmp_path / "latin1.json"
    not_utf8.write_bytes(json.dumps(pack()).encode() + b"\xff")
    with pytest.raises(PackError, match="not UTF-8"):
        load_pack(not_utf8, CATEGORIES)
