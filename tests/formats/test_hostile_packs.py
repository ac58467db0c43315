"""Hostile packs: each is refused naming file, record and field, and the catalog stays as it was."""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from museum_app import paths
from museum_app.formats import packs
from museum_app.formats.checks import PackError
from museum_app.store.library import CATALOG_FILE, PACKS_DIR, Library
from tests.helpers import event, pack, report, write

SECOND = "2015-03-01-second"
MISSING = object()  # a field to leave out (None is JSON's null)
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """One library for every case: since each is refused, none may change it."""
    opened = Library(tmp_path_factory.mktemp("hostile") / "data", paths.shipped_data_dir())
    yield opened
    opened.close()


def state(library: Library) -> tuple[str, list[str], int]:
    """Return the catalog's bytes (hashed), the imported pack files, and the event count."""
    catalog = hashlib.sha256((library.data_dir / CATALOG_FILE).read_bytes()).hexdigest()
    folder = library.data_dir / PACKS_DIR
    imported = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    return catalog, imported, library.catalog.count()


def refused(library: Library, path: Path) -> PackError:
    """Import a pack that must be refused; check the refusal changed nothing and reads safely."""
    before = state(library)
    with pytest.raises(PackError) as caught:
        library.import_pack(path)
    assert state(library) == before
    message = str(caught.value)
    assert message.startswith(str(path)) and caught.value.file == str(path)
    # Shown safely: no control or direction character from the file reaches the message.
    assert not any(unicodedata.category(c) in ("Cc", "Cs") or c in BIDI for c in message)
    assert len(message) < 600
    return caught.value


def hostile(change: dict[str, Any]) -> dict[str, Any]:
    """Return a pack whose second event has fields replaced (or left out, for MISSING)."""
    record = event(SECOND, "2015-03-01")
    for key, value in change.items():
        target, _, name = key.rpartition(".")
        holder = record[target] if target else record
        if value is MISSING:
            del holder[name]
        else:
            holder[name] = value
    return pack(events=[event("2015-01-01-first", "2015-01-01"), record])


def date(start: Any, **more: Any) -> dict[str, Any]:
    """Return a date object."""
    return {"start": start, "basis": "source", **more}


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    # wrong types
    ("title is a number", {"title": 42}, "title", "expected a string, found a number"),
    ("title is null", {"title": None}, "title", "expected a string, found null"),
    ("date is null", {"date": None}, "date", "expected an object, found null"),
    ("description is a list", {"description": ["a"]}, "description", "found a list"),
    ("date is text", {"date": "2015-03-01"}, "date", "expected an object, found a string"),
    ("start is a number", {"date": date(2015)}, "date.start", "expected a string"),
    ("categories is text", {"categories": "business"}, "categories", "expected a list"),
    ("a category is a number", {"categories": [7]}, "categories[0]", "expected a string"),
    ("entities is an object", {"entities": {}}, "entities", "expected a list, found an object"),
    ("an entity is text", {"entities": ["x"]}, "entities[0]", "expected an object"),
    ("paragraph is text", {"source.paragraph": "1"}, "source.paragraph", "expected a whole number"),
    ("paragraph is a fraction", {"source.paragraph": 1.5}, "source.paragraph", "whole number"),
    ("paragraph is true", {"source.paragraph": True}, "source.paragraph", "found true/false"),
    ("paragraph is huge", {"source.paragraph": 10**30}, "source.paragraph", "more than"),
    ("paragraph is zero", {"source.paragraph": 0}, "source.paragraph", "less than 1"),
    ("aliases is text", {"aliases": "old-id"}, "aliases", "expected a list"),
    ("links is text", {"links": "https://example.org"}, "links", "expected a list"),
    ("id is a number", {"id": 123}, "id", "expected a string"),
    # missing fields
    *[
        (f"{field} is missing", {field: MISSING}, field, "is missing")
        for field in (
            "title",
            "description",
            "date",
            "categories",
            "source",
            "date.start",
            "date.basis",
            "source.section",
            "source.paragraph",
        )
    ],
    ("entity kind missing", {"entities": [{"name": "X"}]}, "entities[0].kind", "is missing"),
    # duplicate ids
    ("same id twice", {"id": "2015-01-01-first"}, "id", "already the id of another event"),
    ("a shipped event's id", {"id": "2014-01-06-didi-taxi-wechat"}, "id", "already used by event"),
    ("alias of another id", {"aliases": ["2015-01-01-first"]}, "aliases", "already used by event"),
    ("alias given twice", {"aliases": ["old-one", "old-one"]}, "aliases", "already used"),
    # impossible dates
    ("30 February", {"date": date("2015-02-30")}, "date.start", "has no day 30"),
    ("month 13", {"date": date("2015-13-01")}, "date.start", "out of range"),
    ("year 10001 BCE", {"date": date("-10000")}, "date.start", "is not YYYY"),
    ("day without padding", {"date": date("2015-3-1")}, "date.start", "is not YYYY"),
    ("other digits", {"date": date("٢٠١٥")}, "date.start", "is not YYYY"),
    ("wide digits", {"date": date("２０１５")}, "date.start", "is not YYYY"),
    ("end before start", {"date": date("2015-03-01", end="2015-02-01")}, "date", "not after"),
    ("end of another precision", {"date": date("2015-03", end="2015-04-02")}, "date", "precision"),
    ("bound outside", {"date": date("2015-03", not_before="2015-02-01")}, "date", "lie outside"),
    ("bound not a day", {"date": date("2015", not_before="2015-03")}, "date.not_before", "whole day"),
    (
        "bounds crossed",
        {"date": date("2015", not_before="2015-05-01", not_after="2015-04-01")},
        "date",
        "is after",
    ),
    # unknown categories
    ("unknown category", {"categories": ["gossip"]}, "categories[0]", "not a known category"),
    ("capitalised category", {"categories": ["Business"]}, "categories[0]", "is not an id"),
    ("category twice", {"categories": ["business", "business"]}, "categories", "twice"),
    (
        "unknown entity kind",
        {"entities": [{"name": "X", "kind": "alien"}]},
        "entities[0].kind",
        "not one of",
    ),
    # huge strings
    ("title of a million", {"title": "t" * 1_000_000}, "title", "1,000,000 characters"),
    ("description too long", {"description": "d" * 10_001}, "description", "allowed 1 to 10,000"),
    (
        "entity name too long",
        {"entities": [{"name": "n" * 201, "kind": "person"}]},
        "entities[0].name",
        "allowed 1 to 200",
    ),
    ("huge basis", {"date": {"start": "2015", "basis": "b" * 500_000}}, "date.basis", "not one of"),
    # NUL, control, separator and surrogate characters
    ("NUL in title", {"title": "a\x00b"}, "title", "control character (U+0000)"),
    ("NUL in description", {"description": "\x00"}, "description", "U+0000"),
    ("NUL in entity", {"entities": [{"name": "\x00", "kind": "person"}]}, "entities[0].name", "U+0000"),
    ("escape sequence", {"title": "\x1b[31mred"}, "title", "control character (U+001B)"),
    ("tab in description", {"description": "a\tb"}, "description", "U+0009"),
    ("carriage return", {"description": "a\r\nb"}, "description", "U+000D"),
    ("line feed in a title", {"title": "two\nlines"}, "title", "U+000A"),
    ("line separator", {"title": "a\u2028b"}, "title", "line separator"),
    ("lone surrogate", {"title": "a\ud800b"}, "title", "lone surrogate"),
    # bidirectional overrides
    ("right-to-left override", {"title": "abc\u202edcba"}, "title", "text-direction"),
    ("isolate in description", {"description": "x\u2066y"}, "description", "text-direction"),
    (
        "mark in an entity",
        {"entities": [{"name": "a\u200fb", "kind": "person"}]},
        "entities[0].name",
        "text-direction",
    ),
    ("Arabic letter mark", {"source.section": "s\u061c"}, "source.section", "text-direction"),
    # links
    *[
        (f"link {link!r}", {"links": [link]}, "links[0]", "not an http or https address")
        for link in (
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "ftp://example.org/",
            "mailto:a@example.org",
            "//example.org/x",
            "http:/example.org",
            "https://",
            "vbscript:msgbox",
            "https:example.org",
            "https://[::1",
        )
    ],
    ("quote in a link", {"links": ['https://example.org/"><script>']}, "links[0]", "cannot hold"),
    ("space in a link", {"links": ["https://example.org/a b"]}, "links[0]", "cannot hold"),
    ("leading space", {"links": [" https://example.org"]}, "links[0]", "white space"),
]


@pytest.mark.parametrize(("change", "field", "problem"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_a_hostile_event_is_refused_by_file_record_and_field(
    library: Library, tmp_path: Path, change: dict[str, Any], field: str, problem: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile(change)), encoding="utf-8")  # \u escapes, as JSON allows
    error = refused(library, path)
    assert error.record.startswith("event 2"), error
    assert error.field == field, error
    assert problem in error.problem, error


def test_hostile_headers_are_refused(library: Library, tmp_path: Path) -> None:
    for change, field in [
        ({"format": "<script>"}, "format"),
        ({"format_version": 2}, "format_version"),
        ({"id": "../../etc/passwd"}, "id"),
        ({"title": None}, "title"),
        ({"source": {"publisher": "P", "page": "p", "url": "javascript:x"}}, "source.url"),
        ({"events": []}, "events"),
        ({"events": {"a": 1}}, "events"),
    ]:
        document = {**pack(), **change}
        document = {k: v for k, v in document.items() if v is not None}
        error = refused(library, write(tmp_path / "header.json", document))
        assert error.field == field and error.record == "", error


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "not valid JSON"),
        (b'{"format": "museum-app-pack", "events": [', "not valid JSON"),
        (json.dumps(pack()).encode() + b"\xff", "not UTF-8"),
        (b"\xef\xbb\xbf" + json.dumps(pack()).encode(), "not valid JSON"),
        (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        (b'{"a": ' + b"9" * 5000 + b"}", "not valid JSON"),
        (b"\x00" * 100, "not valid JSON"),
    ],
    ids=["empty", "cut short", "not utf-8", "byte order mark", "deep", "huge integer", "NULs"],
)
def test_hostile_files_are_refused(
    library: Library, tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "file.json"
    path.write_bytes(content)
    error = refused(library, path)
    assert problem in error.problem and error.record == "" and error.field == ""


def test_nan_and_infinity_are_refused_where_numbers_go(library: Library, tmp_path: Path) -> None:
    text = json.dumps(hostile({"source.paragraph": 1})).replace('"paragraph": 1', '"paragraph": NaN')
    path = tmp_path / "nan.json"
    path.write_text(text, encoding="utf-8")
    assert refused(library, path).field == "source.paragraph"


def test_a_file_over_the_size_limit_is_refused_unread(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(
        tmp_path / "big.json", pack(events=[event(f"2015-01-01-e{n}", "2015-01-01") for n in range(50)])
    )
    monkeypatch.setattr(packs, "MAX_FILE_BYTES", 1000)  # the real limit is 200 MB
    error = refused(library, path)
    assert "the limit is 1,000" in error.problem
    report("hostile-size-limit", limit_bytes=1000, file_bytes=path.stat().st_size, refused=True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_or_a_folder_is_refused_without_waiting(library: Library, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert "not a regular file" in refused(library, pipe).problem
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert "not a regular file" in refused(library, folder).problem


def test_markup_and_script_in_text_are_kept_exactly_as_written(tmp_path: Path) -> None:
    markup = {
        "title": "<script>alert('x')</script> & <b>bold</b> &amp; **stars**",
        "description": "<img src=x onerror=alert(1)>\n[link](javascript:alert(1)) %s {0} \\n",
        "entities": [{"name": '<i>Corp</i> & "Co"', "kind": "organisation"}],
    }
    library = Library(tmp_path / "data", paths.shipped_data_dir())
    library.import_pack(write(tmp_path / "markup.json", hostile(markup)))
    stored = library.catalog.event(SECOND)
    assert stored is not None
    assert stored.title == markup["title"] and stored.description == markup["description"]
    assert stored.entities[0].name == '<i>Corp</i> & "Co"'
    assert library.catalog.ids() and library.catalog.event("2015-01-01-first") is not None
    library.close()


def test_accepted_addresses_and_unusual_but_harmless_text(tmp_path: Path) -> None:
    harmless = {
        "title": "互联网 🎉 Ünïcödé — \u200d zero-width joiner",
        "links": ["HTTPS://EXAMPLE.ORG/路径?q=1#x", "http://127.0.0.1:8080/a%20b"],
    }
    library = Library(tmp_path / "data", paths.shipped_data_dir())
    library.import_pack(write(tmp_path / "ok.json", hostile(harmless)))
    stored = library.catalog.event(SECOND)
    assert stored is not None and stored.title == harmless["title"]
    assert list(stored.links) == harmless["links"]
    library.close()


def test_packs_that_only_looked_valid_are_refused(library: Library, tmp_path: Path) -> None:
    cases: list[tuple[dict[str, Any], str, str]] = [
        (hostile({"title": "Zero" + "\u200b" * 9 + "width"}), "title", "zero-width"),
        (hostile({"title": "Tag\U000e0041\U000e0042 hidden"}), "title", "tag character"),
        (hostile({"title": "Z" + "\u0301\u0302\u0303\u0304\u0305" + "algo"}), "title",
         "combining marks"),
        (hostile({"links": ["https://good.org@evil.org/"]}), "links[0]", "user"),
        ({**pack(), "categories": [{"id": "mobile", "name": "Mine", "description": "d",
                                    "colour": "#123456"}]}, "categories[0].id", "already has"),
    ]  # fmt: skip
    for document, field, problem in cases:
        error = refused(library, write(tmp_path / "looked-valid.json", document))
        assert problem in error.problem and error.field == field, (field, error)
    text = json.dumps(pack()).replace('"format_version": 1', '"format_version": true')
    assert refused(library, write_text(tmp_path / "true.json", text)).field == "format_version"
    twice = json.dumps(pack()).replace('"title": "A test pack"', '"title": "A", "title": "B"')
    assert "twice" in refused(library, write_text(tmp_path / "twice.json", twice)).problem


def write_text(path: Path, text: str) -> Path:
    """Write text as a file and return its path."""
    path.write_text(text, encoding="utf-8")
    return path


def test_a_flood_of_tiny_values_is_refused_before_it_is_parsed(
    library: Library, tmp_path: Path
) -> None:
    import tracemalloc

    head = json.dumps(pack(events=[]))[:-2]  # up to the events' "["
    path = tmp_path / "flood.json"
    with path.open("w", encoding="utf-8") as file:
        file.write(head)
        file.write("{}," * 10_000_000 + "{}]}")  # 30 MB; parsed, some 1 GB
    size = path.stat().st_size
    tracemalloc.start()
    error = refused(library, path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "too many tiny values" in error.problem
    assert peak < 3 * size, peak
    report("hostile-tiny-values", file_bytes=size, peak_bytes=peak, refused=True)
