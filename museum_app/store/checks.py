"""Field checks for data files, each failing with a message that names file, record and field."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Characters that reorder displayed text: they can make a title read as something it is not.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


class PackError(ValueError):
    """A data file breaks a rule; the message says which file, record and field, and why."""

    def __init__(self, file: Path | str, record: str, field: str, problem: str) -> None:
        self.file, self.record, self.field, self.problem = str(file), record, field, problem
        where = ", ".join(part for part in (record, f"field '{field}'" if field else "") if part)
        super().__init__(f"{self.file}: {where}: {problem}" if where else f"{self.file}: {problem}")


@dataclass(frozen=True, slots=True)
class Checker:
    """Checks the fields of one record of one file."""

    file: Path
    record: str

    def fail(self, field: str, problem: str) -> PackError:
        """Make the error for a field of this record."""
        return PackError(self.file, self.record, field, problem)

    def obj(self, value: Any, field: str) -> dict[str, Any]:
        """Return value if it is a JSON object."""
        if not isinstance(value, dict):
            raise self.fail(field, f"expected an object, found {_kind(value)}")
        return value

    def require(self, record: dict[str, Any], field: str, prefix: str = "") -> Any:
        """Return a field that must be present."""
        if field not in record:
            raise self.fail(prefix + field, "is missing")
        return record[field]

    def text(
        self, value: Any, field: str, max_len: int, *, multiline: bool = False, min_len: int = 1
    ) -> str:
        """Return value if it is a string of sensible length with no hidden characters."""
        if not isinstance(value, str):
            raise self.fail(field, f"expected a string, found {_kind(value)}")
        if not min_len <= len(value) <= max_len:
            raise self.fail(field, f"has {len(value):,} characters; allowed {min_len} to {max_len:,}")
        for index, char in enumerate(value):
            if char in _BIDI_CONTROLS:
                raise self.fail(
                    field,
                    f"holds a text-direction control character (U+{ord(char):04X}) at position {index}",
                )
            if unicodedata.category(char) == "Cc" and not (multiline and char == "\n"):
                raise self.fail(
                    field, f"holds a control character (U+{ord(char):04X}) at position {index}"
                )
        if value != value.strip():
            raise self.fail(field, "starts or ends with white space")
        return value

    def ident(self, value: Any, field: str, max_len: int = 120) -> str:
        """Return value if it is a readable id: lower-case letters, digits and '-'."""
        text = self.text(value, field, max_len, min_len=3)
        if not ID_PATTERN.match(text):
            raise self.fail(field, f"{text!r} is not an id (lower-case letters, digits and '-')")
        return text

    def integer(self, value: Any, field: str, minimum: int) -> int:
        """Return value if it is a whole number of at least minimum."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"expected a whole number, found {_kind(value)}")
        if value < minimum:
            raise self.fail(field, f"{value} is less than {minimum}")
        return value

    def items(self, value: Any, field: str, max_len: int, min_len: int = 0) -> list[Any]:
        """Return value if it is a list of sensible length."""
        if not isinstance(value, list):
            raise self.fail(field, f"expected a list, found {_kind(value)}")
        if not min_len <= len(value) <= max_len:
            raise self.fail(field, f"has {len(value):,} items; allowed {min_len} to {max_len:,}")
        return value

    def link(self, value: Any, field: str) -> str:
        """Return value if it is an http or https address."""
        text = self.text(value, field, 2000)
        if not re.match(r"^https?://[^\s/]+", text, re.IGNORECASE):
            raise self.fail(field, f"{text!r} is not an http or https address")
        return text

    def choice(self, value: Any, field: str, allowed: list[str]) -> str:
        """Return value if it is one of the allowed words."""
        if value not in allowed:
            raise self.fail(field, f"{value!r} is not one of: {', '.join(allowed)}")
        return str(value)


def _kind(value: Any) -> str:
    """Name a JSON value's type as a pack author knows it."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
