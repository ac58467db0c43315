"""Field checks for data files, each failing with a message that names file, record and field."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WHOLE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # for fullmatch: "$" would pass a final "\n"
# Characters that reorder displayed text: they can make a title read as something it is not.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Control characters, line and paragraph separators (a one-line field must stay one line), and
# lone surrogates (JSON can write them, UTF-8 and so SQLite cannot hold them).
_FORBIDDEN = {"Cc": "a control character", "Zl": "a line separator", "Zp": "a paragraph separator",
              "Cs": "a lone surrogate"}  # fmt: skip
# Every character the two rules above refuse, as one class: a clean text (nearly all of them)
# is passed by one search in C instead of a look-up per character. A test holds this class to
# unicodedata's categories; only a text it finds is walked character by character, to say which.
_HIDDEN = r"\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_HIDDEN_IN_LINE = re.compile(rf"[\x00-\x0a{_HIDDEN}]")
_HIDDEN_IN_LINES = re.compile(rf"[\x00-\x09{_HIDDEN}]")  # a new line is allowed
MAX_INTEGER = 1_000_000_000
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+", re.IGNORECASE)
_NOT_IN_ADDRESSES = set(' "<>\\^`{|}')
# Invisible characters a text may need a few of (a joiner in an emoji, in Indic or Persian
# script) but never a flood of; tag characters (U+E0000 on) hide text that is never shown;
# more than four combining marks on one letter stack into an unreadable smear.
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060-\u2064\ufeff]")
_TAGS = re.compile("[\U000e0000-\U000e007f]")
_COMBINING_RUN = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{5,}")
MAX_ZERO_WIDTH = 8


def shown(value: Any, limit: int = 60) -> str:
    """Quote a value from a file for a message: escaped, cut short, and only named if nested."""
    if isinstance(value, (dict, list)):  # a tuple: no union object made on every call
        return _kind(value)  # its repr could be huge, or nested too deep to write
    text = repr(value[: limit + 1] if isinstance(value, str) else value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


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
        # A printable text holds none of them (each is a control, format, separator or
        # surrogate character, none printable), and isprintable() is several times faster.
        hidden = _HIDDEN_IN_LINES if multiline else _HIDDEN_IN_LINE
        if not value.isprintable() and hidden.search(value):
            self._refuse_hidden(value, field, multiline)
        if value != value.strip():
            raise self.fail(field, "starts or ends with white space")
        if not value.isascii():
            self._refuse_floods(value, field)
        return value

    def _refuse_floods(self, value: str, field: str) -> None:
        """Refuse hidden tag characters, floods of zero-width ones and stacks of accents."""
        if not value.isprintable():  # tags and zero-width characters are not printable
            tag = _TAGS.search(value)
            if tag:
                raise self.fail(field, f"holds a hidden tag character (U+{ord(tag.group()):X}) "
                                       f"at position {tag.start()}")  # fmt: skip
            count = len(_ZERO_WIDTH.findall(value))
            if count > MAX_ZERO_WIDTH:
                raise self.fail(field, f"holds {count:,} zero-width characters; allowed "
                                       f"{MAX_ZERO_WIDTH}")  # fmt: skip
        run = _COMBINING_RUN.search(value)
        if run:
            raise self.fail(field, f"stacks {len(run.group())} combining marks on one letter at "
                                   f"position {run.start()}; allowed 4")  # fmt: skip

    def _refuse_hidden(self, value: str, field: str, multiline: bool) -> None:
        """Raise the error for the first hidden character in value (one the search found)."""
        for index, char in enumerate(value):
            if char in _BIDI_CONTROLS:
                raise self.fail(
                    field,
                    f"holds a text-direction control character (U+{ord(char):04X}) at position {index}",
                )
            kind = _FORBIDDEN.get(unicodedata.category(char))
            if kind and not (multiline and char == "\n"):
                raise self.fail(field, f"holds {kind} (U+{ord(char):04X}) at position {index}")

    def ident(self, value: Any, field: str, max_len: int = 120) -> str:
        """Return value if it is a readable id: lower-case letters, digits and '-'."""
        if isinstance(value, str) and 3 <= len(value) <= max_len and _WHOLE_ID.fullmatch(value):
            return value  # what text() would pass too: nothing hidden, no white space
        text = self.text(value, field, max_len, min_len=3)
        if not ID_PATTERN.match(text):
            raise self.fail(field, f"{shown(text)} is not an id (lower-case letters, digits and '-')")
        return text

    def integer(self, value: Any, field: str, minimum: int) -> int:
        """Return value if it is a whole number of at least minimum."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"expected a whole number, found {_kind(value)}")
        if value < minimum:
            raise self.fail(field, f"{shown(value)} is less than {minimum}")
        if value > MAX_INTEGER:
            raise self.fail(field, f"{shown(value)} is more than {MAX_INTEGER:,}")
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
        try:
            host = urlsplit(text).hostname
        except ValueError:
            host = None  # such as an unclosed [ of an IPv6 address
        if not _WEB_ADDRESS.match(text) or not host:
            raise self.fail(field, f"{shown(text)} is not an http or https address")
        if "@" in text.split("//", 1)[-1].split("/", 1)[0]:
            # https://good.org@evil.org/ goes to evil.org: what reads as the host is a user name.
            raise self.fail(field, f"{shown(text)} names a user before '@', which hides the real host")
        unsafe = sorted(set(text) & _NOT_IN_ADDRESSES)
        if unsafe:
            # Quotes and angle brackets in an address are how markup breaks out of a link.
            raise self.fail(field, f"holds {shown(''.join(unsafe))}, which an address cannot hold")
        return text

    def choice(self, value: Any, field: str, allowed: list[str]) -> str:
        """Return value if it is one of the allowed words."""
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(field, f"{shown(value)} is not one of: {', '.join(allowed)}")
        return value


def _kind(value: Any) -> str:
    """Name a JSON value's type as a pack author knows it."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


class DuplicateKeyError(ValueError):
    """A JSON object that names a key twice (the parser would keep the last one, silently)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Make a JSON object, refusing one that names a key twice."""
    made = dict(pairs)
    if len(made) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen.add(key)
    return made


def refuse_tiny_values(path: Path, raw: bytes) -> None:
    """Refuse a file whose values are so many and so small that parsing it would take gigabytes.

    Python holds a JSON object in some 100 bytes and a list item in 16: a pack's events, a
    few hundred bytes each, take a few times their size, but `{}` or `0,` repeated would take
    thirty. The count is made on the bytes, before anything is parsed.
    """
    estimate = raw.count(b"{") * 100 + raw.count(b"[") * 56 + raw.count(b",") * 16
    if estimate > 4 * len(raw) + (64 << 20):
        raise PackError(path, "", "", f"holds too many tiny values to be a pack ({len(raw):,} bytes "
                        f"would take some {estimate >> 20:,} MB to read)")  # fmt: skip
