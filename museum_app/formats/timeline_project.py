"""The Timeline Project's .timeline XML files, read without expanding any entity."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from museum_app.formats.draft import Draft, ImportRefusedError, When
from museum_app.formats.markup import tidy

TOOL = "The Timeline Project"
# "YYYY-MM-DD HH:MM:SS"; the year may be 0 or negative (astronomical: 0 is 1 BC).
_MOMENT = re.compile(
    r"(-?[0-9]{1,6})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?"
)
_CONTAINER = re.compile(r"\[(-?[0-9]+)\](.*)", re.DOTALL)
_SUBEVENT = re.compile(r"\((-?[0-9]+)\)(.*)", re.DOTALL)


def _child(element: Element, name: str) -> str:
    """Return a child element's text, stripped ('' when absent)."""
    found = element.find(name)
    return (found.text or "").strip() if found is not None else ""


def _when(text: str) -> When:
    """Read a Timeline Project moment; a time of 00:00:00 means none was shown."""
    match = _MOMENT.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text[:40]!r} is not a date like 2021-11-26 01:53:34")
    year, month, day, hour, minute, second = match.groups()
    time = ""
    if hour is not None and (int(hour), int(minute), int(second or 0)) != (0, 0, 0):
        time = f"{int(hour):02d}:{minute}" + (f":{second}" if second and second != "00" else "")
    return When(int(year), int(month), int(day), time)


def _colour(text: str) -> str | None:
    """Turn 'r,g,b' into '#rrggbb'."""
    parts = text.split(",")
    if len(parts) != 3 or not all(p.strip().isdigit() and int(p) <= 255 for p in parts):
        return None
    return "#" + "".join(f"{int(p):02x}" for p in parts)


def _categories(draft: Draft, root: Element) -> dict[str, list[str]]:
    """Make the file's categories; return each name's category ids, its ancestors' after it."""
    parents: dict[str, str] = {}
    for element in root.iterfind("categories/category"):
        name = _child(element, "name")
        if not name:
            continue
        parent = _child(element, "parent")
        if parent:
            parents[name] = parent
        about = f"Part of {parent}, in {draft.path.name}" if parent else ""
        draft.category(name, _colour(_child(element, "color")), about)
    lines: dict[str, list[str]] = {}
    for name in draft.categories:
        chain, seen = [name], {name}
        while chain[-1] in parents and parents[chain[-1]] not in seen:  # a loop ends the chain
            chain.append(parents[chain[-1]])
            seen.add(chain[-1])
        lines[name] = [draft.category(n) for n in chain]
    return lines


def _notes(element: Element) -> list[str]:
    """Say in words what the file marks about an event's date."""
    notes = []
    flags = {
        "fuzzy": "the date is approximate",
        "fuzzy_start": "the start is approximate",
        "fuzzy_end": "the end is approximate",
        "milestone": "a milestone",
        "ends_today": "it lasted until the day the file was saved",
    }
    for tag, words in flags.items():
        if _child(element, tag).lower() == "true":
            notes.append(words)
    return notes


def _event(
    draft: Draft, element: Element, where: str, lines: dict[str, list[str]], boxes: dict[str, str]
) -> None:
    """Add one event element, or say why it was skipped."""
    title = tidy(_child(element, "text"))
    contained = ""
    if match := _CONTAINER.fullmatch(title):
        title = tidy(match.group(2)) or f"Container {match.group(1)}"
        boxes[match.group(1)] = title
    elif match := _SUBEVENT.fullmatch(title):
        title, contained = (
            tidy(match.group(2)),
            boxes.get(match.group(1), f"container {match.group(1)}"),
        )
    try:
        start, end = (
            _when(_child(element, "start")),
            _when(_child(element, "end") or _child(element, "start")),
        )
    except ValueError as error:
        draft.skip(where, f"its date cannot be read: {error}")
        return
    names = [_child(element, "category")] + [
        _child(c, ".") for c in element.iterfind("categories/category")
    ]
    categories = [i for n in names if n for i in lines.get(n, [draft.category(n)])]
    description = tidy(_child(element, "description"), multiline=True)
    if contained:
        description = f"{description}\n\nPart of {contained}.".strip()
    links = [link.strip() for link in _child(element, "hyperlink").split(";") if link.strip()]
    draft.add(
        where,
        title or f"Untitled ({where})",
        description,
        start,
        end,
        categories=categories,
        links=links,
        notes=_notes(element),
    )


def read(path: Path, raw: bytes) -> Draft:
    """Read a .timeline file's bytes into a pack draft; a file of plain numbers is refused."""
    try:
        root = defusedxml.ElementTree.fromstring(raw, forbid_dtd=True)
    except defusedxml.DefusedXmlException as error:
        raise ImportRefusedError(
            f"{path}: holds XML declarations that are refused for safety ({error})"
        ) from error
    except (ParseError, ValueError) as error:
        raise ImportRefusedError(f"{path}: is not valid XML: {error}") from error
    if root.tag != "timeline":
        raise ImportRefusedError(
            f"{path}: is not a Timeline Project file: its root is <{root.tag[:40]}>"
        )
    kind = _child(root, "timetype") or "gregoriantime"
    if kind == "numtime":
        raise ImportRefusedError(
            f"{path}: counts plain numbers, not dates (numtime); only calendar timelines import"
        )
    if kind != "gregoriantime":
        raise ImportRefusedError(
            f"{path}: uses the {kind[:40]!r} calendar; only Gregorian timelines can be imported"
        )
    draft = Draft(path, TOOL, title=path.stem)
    lines = _categories(draft, root)
    boxes: dict[str, str] = {}
    for index, element in enumerate(root.iterfind("events/event"), start=1):
        _event(draft, element, f"event {index}", lines, boxes)
    for index, element in enumerate(root.iterfind("eras/era"), start=1):
        try:
            start, end = _when(_child(element, "start")), _when(_child(element, "end"))
        except ValueError as error:
            draft.skip(f"era {index}", f"its date cannot be read: {error}")
            continue
        draft.add(
            f"era {index}",
            _child(element, "name") or f"Era {index}",
            "An era of the timeline.",
            start,
            end,
            categories=[draft.category("Eras", _colour(_child(element, "color")))],
        )
    return draft
