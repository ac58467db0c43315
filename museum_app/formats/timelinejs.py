"""TimelineJS3 stories (JSON): slides, eras and groups read into a pack draft."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from museum_app.formats.draft import Draft, ImportRefusedError, When
from museum_app.formats.markup import cut, plain_text, tidy, web_link

TOOL = "TimelineJS"
# Below this year TimelineJS leaves the calendar for its cosmological scale (years only).
COSMOLOGICAL_BELOW = -271_820
_WHOLE = re.compile(r"[+-]?[0-9]+(?:\.0*)?")


class _BadPartError(ValueError):
    """A date part that is neither a whole number nor empty."""


def _part(value: Any, name: str) -> int | None:
    """Read one date part: a number, a string of digits, or nothing ("" and null)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _BadPartError(f"{name} is true/false, not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE.fullmatch(value.strip()) and len(value) < 40:
        return int(float(value)) if "." in value else int(value)
    raise _BadPartError(f"{name} {str(value)[:40]!r} is not a whole number")


def story_when(raw: Any, cosmological: bool) -> When | None:
    """Read a TimelineJS date object; None when it has no year."""
    if not isinstance(raw, dict):
        return None
    year = _part(raw.get("year"), "year")
    if year is None:
        return None
    if year == 0:
        raise _BadPartError("TimelineJS has no year 0")
    month, day = _part(raw.get("month"), "month"), _part(raw.get("day"), "day")
    hour, minute = _part(raw.get("hour"), "hour"), _part(raw.get("minute"), "minute")
    second = _part(raw.get("second"), "second")
    if cosmological or year < COSMOLOGICAL_BELOW:
        month = day = hour = None  # the cosmological scale counts years only
    time = ""
    if hour is not None:
        time = f"{hour:02d}:{minute or 0:02d}" + (f":{second:02d}" if second is not None else "")
    # TimelineJS writes 500 BCE as -500; the app counts years astronomically (1 BC is year 0).
    return When(year + 1 if year < 0 else year, month, day if month else None, time)


def _obj(raw: Any) -> dict[str, Any]:
    """Return a JSON object field ({} for anything else)."""
    return raw if isinstance(raw, dict) else {}


def _text(raw: Any) -> str:
    """Return a text field as a string ("" for anything else)."""
    return raw if isinstance(raw, str) else ""


def read_slide(draft: Draft, slide: Any, where: str, cosmological: bool, category: str) -> None:
    """Add one slide (an event or an era) to the draft, or say why it was skipped."""
    if not isinstance(slide, dict):
        draft.skip(where, "is not an object")
        return
    text, media = _obj(slide.get("text")), _obj(slide.get("media"))
    title, title_links = plain_text(_text(text.get("headline")))
    body, links = plain_text(_text(text.get("text")))
    try:
        start = story_when(slide.get("start_date"), cosmological)
        end = story_when(slide.get("end_date"), cosmological)
    except _BadPartError as error:
        draft.skip(where, f"its date cannot be read: {error}")
        return
    if start is None:
        draft.skip(where, "has no start_date year")
        return
    extra = _media(draft, where, media, links)
    description = "\n\n".join(part for part in (body, *extra) if part)
    if not title:
        title = cut(tidy(body.split("\n", 1)[0]), 80) or f"Untitled ({where})"
        draft.warn(where, f"has no headline; titled {title!r}")
    notes = []
    starts = slide.get("start_date")
    shown = slide.get("display_date") or (
        starts.get("display_date") if isinstance(starts, dict) else ""
    )
    if isinstance(shown, str) and tidy(shown):
        notes.append(f"shown as {tidy(shown)!r}")
    group = _text(slide.get("group")).strip()
    categories = [draft.category(group)] if group else []
    if category:
        categories.insert(0, draft.category(category))
    unique = slide.get("unique_id")
    draft.add(
        where,
        title,
        description,
        start,
        end,
        categories=categories,
        links=[*title_links, *links],
        notes=notes,
        key=unique if isinstance(unique, str) and unique.strip() else "",
    )


def _media(draft: Draft, where: str, media: dict[str, Any], links: list[str]) -> list[str]:
    """Keep a slide's media as a link (never fetched), and its caption and credit as text."""
    url = _text(media.get("url")).strip()
    parts = []
    if url and web_link(url):
        links.insert(0, url)
    elif url.startswith("<"):
        quoted, inner = plain_text(url)  # an embedded quote or post: its words and links
        parts.append(quoted)
        links.extend(inner)
    elif url:
        draft.warn(where, f"its media {url[:60]!r} is not a web address; left out")
    caption, caption_links = plain_text(_text(media.get("caption")))
    credit, credit_links = plain_text(_text(media.get("credit")))
    links.extend([*caption_links, *credit_links])
    about = " — ".join(part for part in (caption, credit) if part)
    if about:
        parts.append(f"Media: {about}")
    return parts


def _slide_label(kind: str, index: int) -> str:
    """Say where an entry of a JSON story was: 'slide 3', 'era 1'."""
    return f"{kind} {index}"


def read_story(draft: Draft, story: Any, label: Callable[[str, int], str] = _slide_label) -> None:
    """Add a TimelineJS story (already parsed) to the draft: its title, events and eras."""
    if not isinstance(story, dict) or not isinstance(story.get("events"), list):
        raise ImportRefusedError(f"{draft.path}: is not a TimelineJS story: it has no 'events' list")
    cosmological = story.get("scale") == "cosmological"
    title = story.get("title")
    if isinstance(title, dict) and isinstance(title.get("text"), dict):
        draft.title = plain_text(_text(title["text"].get("headline")))[0]
    draft.title = draft.title or draft.path.stem
    for index, slide in enumerate(story["events"], start=1):
        read_slide(draft, slide, label("slide", index), cosmological, "")
    eras = story["eras"] if isinstance(story.get("eras"), list) else []
    for index, era in enumerate(eras, start=1):
        read_slide(draft, era, label("era", index), cosmological, "Eras")


def read(path: Path, raw: bytes) -> Draft:
    """Read a TimelineJS3 JSON file's bytes into a pack draft."""
    draft = Draft(path, TOOL)
    try:
        story = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ImportRefusedError(f"{path}: is not UTF-8 text (byte {error.start})") from error
    except (json.JSONDecodeError, RecursionError, ValueError) as error:
        raise ImportRefusedError(f"{path}: is not valid JSON: {str(error)[:200]}") from error
    read_story(draft, story)
    return draft
