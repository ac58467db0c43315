"""A pack being made from another tool's timeline, with the report of what was skipped or changed."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from museum_app.core.dates import DateError, PartialDate, Precision
from museum_app.formats.markup import cut, tidy, web_link
from museum_app.formats.packs import FORMAT_VERSION, MAX_EVENTS, PACK_FORMAT

# Colours for categories a file names without one (a qualitative palette, readable on white).
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
           "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")  # fmt: skip
_NOT_ID = re.compile(r"[^a-z0-9]+")


class ImportRefusedError(ValueError):
    """A file that cannot be imported at all; the message is one line naming the file."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry of the file left out, where it was (slide, row, element) and why."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class When:
    """A moment as a file gives it: an astronomical year (0 is 1 BC), maybe a month, day, time."""

    year: int
    month: int | None = None
    day: int | None = None
    time: str = ""  # "14:30" or "05:58:44", kept in the date's note

    def partial(self) -> PartialDate:
        """Return the date to the finest part given (a time of day is not a part of it)."""
        return PartialDate(self.year, self.month, self.day if self.month else None)


def slug(text: str, limit: int) -> str:
    """Make an id's words from any text: lower-case ASCII letters and digits joined by '-'."""
    return _NOT_ID.sub("-", text.lower()).strip("-")[:limit].strip("-")


def _hashed(text: str) -> str:
    """Return a short stable id word for a text with no ASCII letters (a Chinese title, say)."""
    return hashlib.sha256(text.encode()).hexdigest()[:10]


@dataclass
class Draft:
    """The events and categories read so far from one file, and what was left out or changed."""

    path: Path
    tool: str  # the program that made the file, named in the pack's source
    title: str = ""
    events: list[dict[str, Any]] = field(default_factory=list)
    categories: dict[str, dict[str, str]] = field(default_factory=dict)  # by name
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    @property
    def pack_id(self) -> str:
        """Return the pack's id, made from the file's name."""
        made = slug(self.path.stem, 60)
        return made if len(made) >= 3 else f"imported-{_hashed(self.path.name)}"

    def skip(self, where: str, reason: str) -> None:
        """Leave an entry out, saying where it was and why."""
        self.skipped.append(Skipped(where, reason))

    def warn(self, where: str, text: str) -> None:
        """Tell of an entry imported with a change."""
        self.warnings.append(f"{where}: {text}")

    def category(self, name: str, colour: str | None = None, description: str = "") -> str:
        """Return the id of the category of this name, made on first use."""
        name = cut(tidy(name), 80) or "Events"
        known = self.categories.get(name)
        if known is not None:
            return known["id"]
        base = f"{slug(self.pack_id, 24)}-{slug(name, 14) or _hashed(name)[:6]}"
        taken = {c["id"] for c in self.categories.values()}
        made, number = base, 2
        while made in taken:
            made, number = f"{base}-{number}", number + 1
        self.categories[name] = {
            "id": made, "name": name,
            "description": cut(tidy(description), 1000) or f"From {cut(self.title, 900)}",
            "colour": colour or PALETTE[len(self.categories) % len(PALETTE)],
        }  # fmt: skip
        return made

    def add(
        self,
        where: str,
        title: str,
        description: str,
        start: When,
        end: When | None = None,
        *,
        categories: list[str],
        links: Sequence[str] = (),
        notes: Sequence[str] = (),
        key: str = "",
    ) -> None:
        """Add one event; what cannot be stored is skipped, and what had to change is told."""
        if len(self.events) >= MAX_EVENTS:
            self.skip(where, f"a pack holds at most {MAX_EVENTS:,} events")
            return
        try:
            date = self._date(where, start, end, list(notes))
        except DateError as error:
            self.skip(where, f"its date cannot be shown: {error}")
            return
        title = tidy(title)
        if len(title) > 200:
            self.warn(where, "the title was cut to 200 characters")
        description = tidy(description, multiline=True)
        if len(description) > 10_000:
            self.warn(where, "the text was cut to 10,000 characters")
        kept = list(dict.fromkeys(link for raw in links if (link := web_link(raw))))
        if len(kept) > 20:
            self.warn(where, f"{len(kept) - 20} links past the first 20 were left out")
        position = len(self.events) + 1
        self.events.append({
            "id": self._event_id(key or f"{_id_date(date['start'])}-{title}"),
            "title": cut(title, 200),
            "description": cut(description, 10_000) or "The file gives no text for this event.",
            "date": date,
            "categories": list(dict.fromkeys(categories))[:20] or [self.category(self.title)],
            "source": {"section": cut(where, 200), "paragraph": position},
            "links": kept[:20],
        })  # fmt: skip

    def _event_id(self, key: str) -> str:
        """Make a stable, unique event id from the file's own id or the date and title."""
        base = f"{self.pack_id}-{slug(key, 50) or _hashed(key)}"
        made, number = base, 2
        while made in self._ids:
            made, number = f"{base}-{number}", number + 1
        self._ids.add(made)
        return made

    def _date(self, where: str, start: When, end: When | None, notes: list[str]) -> dict[str, Any]:
        """Write a pack date: the finest precision given, a range only when it is one."""
        first = start.partial()
        last = end.partial() if end is not None else None
        if end is not None and last == first and end.time and end.time != start.time:
            notes.insert(0, f"from {start.time or '00:00'} to {end.time}")
        elif end is None or last == first:
            notes[:0] = [f"at {start.time}"] * bool(start.time)
        else:
            times = [f"starts at {start.time}"] * bool(start.time) + [f"ends at {end.time}"] * bool(
                end.time
            )
            notes[:0] = times
        date: dict[str, Any] = {"start": first.iso(), "basis": "source"}
        if last is not None and last.last_day() < first.first_day():
            self.warn(where, f"the end {last.iso()} is before the start {first.iso()}; kept the start")
        elif last is not None and last != first:
            date.update(_range(first, last))
        if notes:
            date["note"] = cut("; ".join(notes), 1000)
        return date

    def document(self) -> dict[str, Any]:
        """Return the pack file's content, for the pack checks to validate."""
        title = cut(tidy(self.title), 200) or self.path.stem or self.pack_id
        return {
            "format": PACK_FORMAT, "format_version": FORMAT_VERSION, "id": self.pack_id,
            "title": title,
            "source": {"publisher": cut(tidy(self.path.name), 200) or self.pack_id,
                       "page": cut(f"{title} ({self.tool})", 300)},
            "categories": list(self.categories.values()),
            "events": self.events,
        }  # fmt: skip


def _id_date(start: str) -> str:
    """Write a start date for an event id; a year before 1 as read ('3500-bce'), not unsigned."""
    return (
        start if start[0] != "-" and not start.startswith("0000") else PartialDate.parse(start).label()
    )


def _truncated(date: PartialDate, precision: Precision) -> PartialDate:
    """Return the date to a coarser precision."""
    if precision is Precision.YEAR:
        return PartialDate(date.year)
    return PartialDate(date.year, date.month) if precision is Precision.MONTH else date


def _range(first: PartialDate, last: PartialDate) -> dict[str, str]:
    """Write a range; ends of unlike precision share the coarser one, the bounds keep the rest."""
    order = [Precision.YEAR, Precision.MONTH, Precision.DAY]
    coarse = min(first.precision, last.precision, key=order.index)
    start, end = _truncated(first, coarse), _truncated(last, coarse)
    made = {"start": start.iso()}
    if end != start and end.first_day() > start.last_day():
        made["end"] = end.iso()
    if first.first_day() != start.first_day():
        made["not_before"] = first.first_day().isoformat()
    if last.last_day() != (end if "end" in made else start).last_day():
        made["not_after"] = last.last_day().isoformat()
    return made
