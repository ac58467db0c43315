"""Read the per-language parts of data files: translations and other names (docs/PACK_FORMAT.md)."""

from __future__ import annotations

import re
from typing import Any

from museum_app.core.domain import BASE_LANGUAGE, CategoryText, EventText
from museum_app.formats.checks import Checker, shown

# A language as the app names them: "zh_CN", "zh", "fr", "pt_BR".
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
MAX_LANGUAGES = 20
_EVENT_FIELDS = ("title", "description", "date_note")
_CATEGORY_FIELDS = ("name", "description")


def _languages(check: Checker, raw: Any, field: str) -> list[tuple[str, Any]]:
    """Read an object keyed by language, refusing keys that are not languages or are English."""
    record = check.obj(raw, field)
    if len(record) > MAX_LANGUAGES:
        raise check.fail(field, f"has {len(record)} languages; allowed up to {MAX_LANGUAGES}")
    for language in record:
        if not _LANGUAGE.fullmatch(language):
            raise check.fail(field, f"{shown(language)} is not a language such as zh_CN")
        if language == BASE_LANGUAGE:
            raise check.fail(f"{field}.{language}", "the main fields are the English ones already")
    return list(record.items())


def _texts(check: Checker, raw: Any, field: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    """Read one language's object, refusing fields it cannot hold (a misspelt one, say)."""
    record = check.obj(raw, field)
    unknown = [name for name in record if name not in allowed]
    if unknown:
        raise check.fail(
            f"{field}.{unknown[0]}", f"is not a translated field (those are: {', '.join(allowed)})"
        )
    return record


def event_translations(check: Checker, raw: Any, has_note: bool) -> tuple[tuple[str, EventText], ...]:
    """Read an event's translations: title and description, and the date's note if it has one."""
    made = []
    for language, value in _languages(check, raw, "translations"):
        field = f"translations.{language}"
        record = _texts(check, value, field, _EVENT_FIELDS)
        note = check.text(record.get("date_note", ""), f"{field}.date_note", 1000, min_len=0)
        if note and not has_note:
            raise check.fail(f"{field}.date_note", "translates a note the date does not have")
        text = EventText(
            title=check.text(check.require(record, "title", field + "."), f"{field}.title", 200),
            description=check.text(
                check.require(record, "description", field + "."),
                f"{field}.description",
                10_000,
                multiline=True,
            ),
            date_note=note,
        )
        made.append((language, text))
    return tuple(made)


def category_translations(
    check: Checker, raw: Any, description: str
) -> tuple[tuple[str, CategoryText], ...]:
    """Read a category's translations: its name, and its description (the English one if none)."""
    made = []
    for language, value in _languages(check, raw, "translations"):
        field = f"translations.{language}"
        record = _texts(check, value, field, _CATEGORY_FIELDS)
        name = check.text(check.require(record, "name", field + "."), f"{field}.name", 80)
        told = record.get("description")
        text = description if told is None else check.text(told, f"{field}.description", 1000)
        made.append((language, CategoryText(name, text)))
    return tuple(made)


def other_names(check: Checker, raw: Any, field: str) -> tuple[tuple[str, str], ...]:
    """Read an entity's names in other languages: {"zh_CN": "微信"}."""
    return tuple(
        (language, check.text(name, f"{field}.{language}", 200))
        for language, name in _languages(check, raw, field)
    )


def titles(check: Checker, raw: Any) -> tuple[tuple[str, str], ...]:
    """Read a pack's title in other languages."""
    made = []
    for language, value in _languages(check, raw, "translations"):
        field = f"translations.{language}"
        record = _texts(check, value, field, ("title",))
        made.append(
            (language, check.text(check.require(record, "title", field + "."), f"{field}.title", 200))
        )
    return tuple(made)
