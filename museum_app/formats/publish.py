"""Bookmarked events, with their notes, written as a TimelineJS3 story for the web."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from museum_app.core.dates import PartialDate
from museum_app.core.domain import Bookmark, Event


def _date(date: PartialDate) -> dict[str, str]:
    """Write a date's parts as TimelineJS does (as strings; 1 BC, the app's year 0, is -1)."""
    parts = {"year": str(date.year if date.year > 0 else date.year - 1)}
    if date.month is not None:
        parts["month"] = str(date.month)
    if date.day is not None:
        parts["day"] = str(date.day)
    return parts


def _paragraphs(text: str) -> str:
    """Write plain text as escaped HTML paragraphs: TimelineJS shows its text as HTML."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return "".join(f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>" for block in blocks)


def _slide(event: Event, note: str, names: dict[str, str]) -> dict[str, Any]:
    """Write one bookmarked event as a slide."""
    date = event.date
    body = _paragraphs(event.description)
    if note:
        body += f'<p class="tl-note">Note: {html.escape(note).replace(chr(10), "<br>")}</p>'
    body += "".join(
        f'<p><a href="{html.escape(link)}">{html.escape(link)}</a></p>' for link in event.links
    )
    slide: dict[str, Any] = {
        "start_date": _date(date.start),
        "text": {"headline": html.escape(event.title), "text": body},
        "unique_id": event.id,
    }
    if date.end is not None:
        slide["end_date"] = _date(date.end)
    last = date.end if date.end is not None else date.start
    if date.span() != (date.start.first_day(), last.last_day()):
        slide["display_date"] = date.label()  # bounds the date's parts cannot say
    if event.categories:
        slide["group"] = names.get(event.categories[0], event.categories[0])
    return slide


def write_story(bookmarks: list[Bookmark], names: dict[str, str], path: Path, title: str) -> int:
    """Write the bookmarks whose events are still here as a TimelineJS3 JSON story; return how many."""
    slides = [_slide(m.event, m.note, names) for m in bookmarks if m.event is not None]
    story = {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": slides}
    path.write_text(json.dumps(story, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(slides)
