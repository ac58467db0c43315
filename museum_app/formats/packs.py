"""Read and validate pack and category files (format in docs/PACK_FORMAT.md)."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from museum_app.core.dates import DateBasis, DateError, PartialDate
from museum_app.core.days import CalendarDay
from museum_app.core.domain import Category, Entity, EntityKind, Event, SourceRef
from museum_app.core.event_date import EventDate
from museum_app.formats import pack_texts
from museum_app.formats.checks import (
    Checker,
    DuplicateKeyError,
    PackError,
    refuse_tiny_values,
    shown,
    unique_keys,
)

PACK_FORMAT = "museum-app-pack"
CATEGORIES_FORMAT = "museum-app-categories"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_EVENTS = 200_000
# Made once, not per record: 100,000 events each ask for them.
_ENTITY_KINDS = {k.value: k for k in EntityKind}
_ENTITY_KIND_NAMES = list(_ENTITY_KINDS)
_BASES = {b.value: b for b in DateBasis}
_BASIS_NAMES = list(_BASES)
_MISSING = object()  # a field left out, which is not the same as a null one


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the earlier records of one pack made, by the values in the file they came from.

    Values that passed every check once pass again and make the same thing: a date, list of
    categories, entity or source that is like an earlier one is not checked again, and is
    shared (a pack of 100,000 events has about 15,000 dates and a few thousand entities).
    Only values no number can equal are keys: True and 1.0 equal 1, and are refused where
    1 is not.
    """

    dates: dict[tuple[Any, ...], EventDate] = field(default_factory=dict)
    categories: dict[tuple[Any, ...], tuple[str, ...]] = field(default_factory=dict)
    entities: dict[tuple[Any, ...], Entity] = field(default_factory=dict)
    sources: dict[tuple[Any, int], SourceRef] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Pack:
    """A validated pack: its header and its events."""

    id: str
    title: str
    publisher: str
    page: str
    url: str
    categories: tuple[Category, ...]
    events: tuple[Event, ...]
    path: Path
    titles: tuple[tuple[str, str], ...] = ()  # the title in other languages


def read_json(path: Path, max_bytes: int | None = None) -> Any:
    """Read a JSON file, refusing huge, unreadable or unparsable ones with a clear message."""
    return parse_json(path, read_raw(path, max_bytes))


def read_raw(path: Path, max_bytes: int | None = None) -> bytes:
    """Read a data file's bytes, refusing huge, unreadable or special ones with a clear message."""
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        # Non-blocking, so that a named pipe given as a pack is refused instead of waited on.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise PackError(path, "", "", f"cannot be read: {error.strerror or error}") from error
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise PackError(path, "", "", "is not a regular file")
        if status.st_size > limit:
            raise PackError(path, "", "", f"is {status.st_size:,} bytes; the limit is {limit:,}")
        with open(fd, "rb", closefd=False) as file:
            # At most one byte past the limit: the size on disk may change while it is read.
            # Sized to the file, not the limit (read(n) sets n bytes aside at once); a file that
            # grew meanwhile is read on, to at most one byte past the limit.
            raw = file.read(min(limit, status.st_size) + 1)
            if len(raw) <= limit and len(raw) > status.st_size:
                raw += file.read(limit + 1 - len(raw))
    except OSError as error:
        raise PackError(path, "", "", f"cannot be read: {error.strerror or error}") from error
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise PackError(path, "", "", f"is more than {limit:,} bytes; the limit is {limit:,}")
    return raw


def parse_json(path: Path, raw: bytes) -> Any:
    """Parse a data file's bytes (read by read_raw), refusing what is not UTF-8 JSON."""
    refuse_tiny_values(path, raw)
    try:
        return json.loads(raw.decode("utf-8"), object_pairs_hook=unique_keys)
    except UnicodeDecodeError as error:
        raise PackError(path, "", "", f"is not UTF-8 text (byte {error.start})") from error
    except json.JSONDecodeError as error:
        raise PackError(
            path,
            "",
            "",
            f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
        ) from error
    except RecursionError as error:
        raise PackError(path, "", "", "is nested too deeply to be a pack") from error
    except DuplicateKeyError as error:
        raise PackError(
            path, "", "", f"names the key {shown(error.key)} twice in one object"
        ) from error
    except ValueError as error:  # such as an integer of more than 4,300 digits
        raise PackError(path, "", "", f"is not valid JSON: {error}") from error
    except MemoryError as error:
        raise PackError(path, "", "", "is too big to read in the memory there is") from error


def _header(check: Checker, data: Any, expected_format: str) -> dict[str, Any]:
    """Check the format fields every data file starts with."""
    top = check.obj(data, "")
    if top.get("format") != expected_format:
        raise check.fail("format", f"expected {expected_format!r}, found {shown(top.get('format'))}")
    version = top.get("format_version")
    if isinstance(version, bool) or version != FORMAT_VERSION:  # true == 1 in Python
        raise check.fail(
            "format_version",
            f"this app reads version {FORMAT_VERSION}, found {shown(version)}",
        )
    return top


def _category(check: Checker, raw: Any) -> Category:
    """Read one category record."""
    record = check.obj(raw, "")
    colour = check.text(check.require(record, "colour"), "colour", 7)
    if not (
        len(colour) == 7 and colour[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in colour[1:])
    ):
        raise check.fail("colour", f"{colour!r} is not a colour like #1f77b4")
    description = check.text(check.require(record, "description"), "description", 1000)
    return Category(
        id=check.ident(check.require(record, "id"), "id", 40),
        name=check.text(check.require(record, "name"), "name", 80),
        description=description,
        colour=colour.lower(),
        translations=pack_texts.category_translations(
            check, record.get("translations", {}), description
        ),
    )


def _categories(path: Path, raw: Any) -> tuple[Category, ...]:
    """Read a list of category records, refusing repeated ids."""
    top_check = Checker(path, "")
    records = top_check.items(raw, "categories", 200)
    found: dict[str, Category] = {}
    for index, item in enumerate(records, start=1):
        record_id = item.get("id") if isinstance(item, dict) else None
        category = _category(Checker(path, f"category {index} ({shown(record_id)})"), item)
        if category.id in found:
            raise PackError(path, f"category {index}", "id", f"{category.id!r} is used twice")
        found[category.id] = category
    return tuple(found.values())


def load_categories(path: Path) -> tuple[Category, ...]:
    """Read and validate the categories file."""
    check = Checker(path, "")
    top = _header(check, read_json(path), CATEGORIES_FORMAT)
    return _categories(path, check.require(top, "categories"))


def _date(check: Checker, raw: Any, seen: _Seen) -> EventDate:
    """Read an event's date object (the one made before, if the same texts made one)."""
    record = check.obj(raw, "date")
    texts = (  # every field _new_date reads
        record.get("start", _MISSING), record.get("end", _MISSING),
        record.get("not_before", _MISSING), record.get("not_after", _MISSING),
        record.get("basis", _MISSING), record.get("note", _MISSING),
    )  # fmt: skip
    try:
        return seen.dates[texts]
    except (KeyError, TypeError):  # not seen, or a value no text is (a list, say): check it
        pass
    date = seen.dates[texts] = _new_date(check, record)
    return date


def _new_date(check: Checker, record: dict[str, Any]) -> EventDate:
    """Check an event's date object field by field and make its date."""
    try:
        start = PartialDate.parse(check.text(check.require(record, "start", "date."), "date.start", 11))
    except DateError as error:
        raise check.fail("date.start", str(error)) from error
    values: dict[str, Any] = {}
    for name in ("end", "not_before", "not_after"):
        if record.get(name) is None:
            continue
        text = check.text(record[name], f"date.{name}", 11)  # 11: -YYYY-MM-DD
        try:
            values[name] = PartialDate.parse(text)
        except DateError as error:
            raise check.fail(f"date.{name}", str(error)) from error
        if name != "end" and values[name].precision.value != "day":
            raise check.fail(f"date.{name}", f"{text!r} must be a whole day, YYYY-MM-DD")
    basis = _BASES[check.choice(check.require(record, "basis", "date."), "date.basis", _BASIS_NAMES)]
    note = check.text(record.get("note", ""), "date.note", 1000, min_len=0)
    if basis is not DateBasis.SOURCE and not note:
        raise check.fail("date.note", f"a {basis.value} date needs a note saying why")
    bounds: dict[str, CalendarDay] = {k: v.first_day() for k, v in values.items() if k != "end"}
    try:
        return EventDate.make(start, values.get("end"), basis=basis, note=note, **bounds)
    except DateError as error:
        raise check.fail("date", str(error)) from error


def _event_categories(
    check: Checker, values: list[Any], known: set[str], seen: _Seen
) -> tuple[str, ...]:
    """Read an event's list of categories (the tuple made before, if the same ids made one)."""
    try:
        return seen.categories[tuple(values)]
    except (KeyError, TypeError):  # not seen, or a value no id is (a list, say): check it
        pass
    categories = [check.ident(c, f"categories[{i}]", 40) for i, c in enumerate(values)]
    for index, category in enumerate(categories):
        if category not in known:
            raise _unknown(check, index, category)
    if len(set(categories)) != len(categories):
        raise check.fail("categories", "names a category twice")
    made = seen.categories[tuple(values)] = tuple(categories)
    return made


def _entity(check: Checker, item: Any, index: int, seen: _Seen) -> Entity:
    """Read one of an event's entities (the one made before, if the same texts made one)."""
    key = None
    if isinstance(item, dict):
        names = item.get("names", _MISSING)
        key = (
            item.get("name", _MISSING),
            item.get("kind", _MISSING),
            tuple(names.items()) if isinstance(names, dict) else names,
        )
        try:
            return seen.entities[key]
        except (KeyError, TypeError):  # not seen, or a value no text is (a list, say): check it
            pass
    field = f"entities[{index}]"
    entity = check.obj(item, field)
    name = check.text(check.require(entity, "name", field + "."), field + ".name", 200)
    kind = check.choice(check.require(entity, "kind", field + "."), field + ".kind", _ENTITY_KIND_NAMES)
    names = pack_texts.other_names(check, entity.get("names", {}), field + ".names")
    made = Entity(name, _ENTITY_KINDS[kind], names)
    if key is not None:
        seen.entities[key] = made
    return made


def _source(check: Checker, where: dict[str, Any], source: dict[str, str], seen: _Seen) -> SourceRef:
    """Read where on the page an event comes from (the reference made before, if the same)."""
    key = (where.get("section", _MISSING), where.get("paragraph", _MISSING))
    # Only a whole number as such is a key: True and 1.0 equal 1, and are refused.
    keyed = type(key[1]) is int
    if keyed:
        try:
            return seen.sources[key]
        except (KeyError, TypeError):
            pass
    made = SourceRef(
        section=check.text(check.require(where, "section", "source."), "source.section", 200),
        paragraph=check.integer(check.require(where, "paragraph", "source."), "source.paragraph", 1),
        **source,
    )
    if keyed:
        seen.sources[key] = made
    return made


def _event(
    check: Checker, raw: Any, source: dict[str, str], known: set[str], position: int, seen: _Seen
) -> Event:
    """Read one event record (seen holds what the pack's earlier records made)."""
    record = check.obj(raw, "")
    event_id = check.ident(check.require(record, "id"), "id")
    categories = _event_categories(
        check, check.items(check.require(record, "categories"), "categories", 20, 1), known, seen
    )
    entities = [
        _entity(check, item, index, seen)
        for index, item in enumerate(check.items(record.get("entities", []), "entities", 200))
    ]
    where = check.obj(check.require(record, "source"), "source")
    aliases = [
        check.ident(a, f"aliases[{i}]")
        for i, a in enumerate(check.items(record.get("aliases", []), "aliases", 50))
    ]
    links = [
        check.link(a, f"links[{i}]")
        for i, a in enumerate(check.items(record.get("links", []), "links", 20))
    ]
    title = check.text(check.require(record, "title"), "title", 200)
    description = check.text(
        check.require(record, "description"), "description", 10_000, multiline=True
    )
    date = _date(check, check.require(record, "date"), seen)
    return Event(
        id=event_id,
        title=title,
        description=description,
        date=date,
        categories=categories,
        entities=tuple(entities),
        source=_source(check, where, source, seen),
        aliases=tuple(aliases),
        links=tuple(links),
        position=position,
        translations=pack_texts.event_translations(
            check, record.get("translations", {}), bool(date.note)
        ),
    )


def _unknown(check: Checker, index: int, category: str) -> PackError:
    """Make the error for an event's category that neither the app nor its pack defines."""
    return check.fail(f"categories[{index}]", f"{category!r} is not a known category")


def load_pack(path: Path, known_categories: tuple[Category, ...], data: bytes | None = None) -> Pack:
    """Read and validate a pack against the categories the app knows (from data, if read already)."""
    check = Checker(path, "")
    top = _header(check, read_json(path) if data is None else parse_json(path, data), PACK_FORMAT)
    pack_id = check.ident(check.require(top, "id"), "id", 80)
    header = check.obj(check.require(top, "source"), "source")
    url = check.link(header["url"], "source.url") if header.get("url") else ""
    source = {
        "publisher": check.text(check.require(header, "publisher", "source."), "source.publisher", 200),
        "page": check.text(check.require(header, "page", "source."), "source.page", 300),
        "pack_id": pack_id,
        "url": url,
    }
    extra = _categories(path, top.get("categories", []))
    builtin = {c.id for c in known_categories}
    for index, category in enumerate(extra):
        if category.id in builtin:
            # It would be silently ignored: the app's own category keeps its name and colour.
            raise check.fail(f"categories[{index}].id", f"{category.id!r} is a category the app "
                             "already has; use it as it is, or give yours another id")  # fmt: skip
    known = builtin | {c.id for c in extra}
    events: dict[str, Event] = {}
    seen = _Seen()
    records = check.items(check.require(top, "events"), "events", MAX_EVENTS, 1)
    for index, raw in enumerate(records, start=1):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        label = f"event {index}" + (f" ({shown(raw_id)})" if isinstance(raw_id, str) else "")
        event = _event(Checker(path, label), raw, source, known, index, seen)
        if event.id in events:
            raise PackError(path, label, "id", f"{event.id!r} is already the id of another event")
        events[event.id] = event
    return Pack(
        id=pack_id,
        title=check.text(check.require(top, "title"), "title", 200),
        publisher=source["publisher"],
        page=source["page"],
        url=url,
        categories=extra,
        events=tuple(events.values()),
        path=path,
        titles=pack_texts.titles(check, top.get("translations", {})),
    )


def reuse_pack(pack: Pack, path: Path, known_categories: tuple[Category, ...]) -> Pack:
    """Return a pack parsed from the very bytes of the file at path, as load_pack would.

    The pack may have been checked against other categories: only which categories are known
    can make the same bytes fail, so that is checked again, with load_pack's very error.
    """
    known = {c.id for c in known_categories} | {c.id for c in pack.categories}
    for event in pack.events:
        for index, category in enumerate(event.categories):
            if category not in known:
                # The event's position is its record's number, and its id a valid string.
                label = f"event {event.position} ({shown(event.id)})"
                raise _unknown(Checker(path, label), index, category)
    return pack if pack.path == path else replace(pack, path=path)
