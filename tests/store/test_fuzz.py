"""Property-based fuzzing: the pack loader and the date parser fail only in the ways they say."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from museum_app import paths
from museum_app.core.dates import DateError, PartialDate
from museum_app.formats.checks import PackError
from museum_app.formats.packs import load_categories
from museum_app.store import builder
from museum_app.store.catalog import Catalog
from museum_app.store.database import MEMORY, Database
from tests.helpers import event, pack, report

CATEGORIES_FILE = paths.shipped_data_dir() / "categories.json"
CATEGORIES = load_categories(CATEGORIES_FILE)
RUNS = Counter[str]()
FUZZ = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
# The suite's counts; MUSEUM_APP_FUZZ_SCALE=20 runs twenty times as many inputs.
SCALE = float(os.environ.get("MUSEUM_APP_FUZZ_SCALE", "1"))


def scaled(count: int) -> int:
    """Return how many inputs to try: the suite's count, times the scale asked for."""
    return max(1, int(count * SCALE))


NASTY: list[Any] = [
    "", " ", "\x00", "a\x00b", "\u202e", "\ud800", "\u2028", "\x1b[0m", "2014-02-30", "2014-13",
    "0000", "２０１４", "2014\n", 10**30, -1, 0, 1.5, float("nan"), float("inf"), True, False,
    None, [], {}, [[]], "a" * 300, "javascript:alert(1)", "https://", "business", "business",
    "2014", "2014-01-01", "source-order", "public-record", "person", "<script>x</script>",
]  # fmt: skip

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def base() -> dict[str, Any]:
    """Return a valid pack that uses every optional field."""
    full = event("2015-06-01-full", "2015-06-01", categories=("business", "mobile"))
    full["date"] = {"start": "2015-06", "end": "2015-08", "not_before": "2015-06-10",
                    "not_after": "2015-08-20", "basis": "public-record", "note": "Why."}  # fmt: skip
    full["aliases"] = ["2015-old-id"]
    full["links"] = ["https://example.org/a"]
    full["entities"].append({"name": "Someone", "kind": "person"})
    document = pack(events=[event("2015-01-01-plain", "2015-01-01"), full])
    document["source"]["url"] = "https://example.org/"
    document["categories"] = [
        {"id": "extra", "name": "Extra", "description": "E.", "colour": "#123456"}
    ]
    return document


BASE = base()


def slots(value: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Return every (container, key) pair in a JSON document, depth first."""
    keys = (
        list(value) if isinstance(value, dict) else range(len(value)) if isinstance(value, list) else []
    )
    for key in keys:
        found.append((value, key))
        slots(value[key], found)
    return found


@st.composite
def mutated_packs(draw: st.DrawFn) -> dict[str, Any]:
    """Return the valid pack with one to four fields replaced, removed, added or repeated."""
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        container, key = draw(st.sampled_from(slots(document, [])))
        action = draw(st.sampled_from(["nasty", "json", "remove", "repeat", "add"]))
        if action == "nasty":
            container[key] = copy.deepcopy(draw(st.sampled_from(NASTY)))
        elif action == "json":
            container[key] = draw(JSON)
        elif action == "remove":
            del container[key]
        elif action == "repeat" and isinstance(container, list):
            container.append(copy.deepcopy(container[key]))
        elif action == "add" and isinstance(container, dict):
            container[draw(st.text(max_size=8))] = draw(JSON)
    return document


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Return a folder for the fuzzed files, and report how many inputs ran."""
    yield tmp_path_factory.mktemp("fuzz")
    report("fuzz", **RUNS, crashes=0)


def check(path: Path) -> None:
    """Load a pack: it must load and go into a catalog whole, or fail with a PackError."""
    RUNS[path.stem] += 1
    try:
        categories, packs = builder.load_all(builder.Sources(CATEGORIES_FILE, (path,)))
    except PackError as error:
        RUNS[f"{path.stem}_refused"] += 1
        assert error.file == str(path) and error.problem
        assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in str(error))
        return
    db = Database(MEMORY, ())
    with db.transaction() as conn:
        builder.catalog_schema.create_v1(conn)
        conn.execute(f"PRAGMA user_version = {len(builder.catalog_schema.MIGRATIONS)}")
        builder.catalog_schema.write_categories(conn, categories)
        builder.catalog_schema.write_pack(conn, packs[0])
        events = sorted(packs[0].events, key=lambda e: e.sort_key())
        builder.catalog_schema.write_events(conn, events)
        builder.catalog_schema.write_search(conn, events)  # any text a pack may hold is indexed
    catalog = Catalog(MEMORY, db)
    stored = {e.id: e for e in catalog.events()}
    assert stored == {e.id: e for e in packs[0].events}  # what went in comes out unchanged
    catalog.close()


@settings(FUZZ, max_examples=scaled(400))
@given(document=mutated_packs())
def test_a_mutated_pack_loads_or_is_refused_with_a_pack_error(folder: Path, document: Any) -> None:
    path = folder / "mutated.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    check(path)


@settings(FUZZ, max_examples=scaled(300))
@given(at=st.integers(0, 10**6), cut=st.integers(0, 8), insert=st.binary(max_size=8))
def test_a_pack_with_damaged_bytes_loads_or_is_refused(
    folder: Path, at: int, cut: int, insert: bytes
) -> None:
    raw = json.dumps(BASE).encode()
    at %= len(raw)
    path = folder / "bytes.json"
    path.write_bytes(raw[:at] + insert + raw[at + cut :])
    check(path)


@settings(FUZZ, max_examples=scaled(1000))
@given(text=st.text())
def test_any_text_parses_to_a_date_that_writes_back_the_same_or_raises_date_error(text: str) -> None:
    RUNS["date_text"] += 1
    try:
        parsed = PartialDate.parse(text)
    except DateError:
        return
    assert parsed.iso() == text and parsed.first_day() <= parsed.last_day()


@settings(FUZZ, max_examples=scaled(400))
@given(text=st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True))
def test_date_shaped_text_is_a_real_date_or_a_date_error(text: str) -> None:
    RUNS["date_shaped"] += 1
    try:
        parsed = PartialDate.parse(text)
    except DateError:
        return
    assert parsed.iso() == text
    assert PartialDate.parse(parsed.iso()) == parsed
    assert parsed.first_day() <= parsed.last_day()


@settings(FUZZ, max_examples=scaled(300))
@given(day=st.dates(min_value=dt.date(1, 1, 1)))
def test_every_calendar_day_round_trips(day: dt.date) -> None:
    RUNS["date_days"] += 1
    parsed = PartialDate.parse(PartialDate.of_day(day).iso())
    assert parsed.first_day() == parsed.last_day() == day
