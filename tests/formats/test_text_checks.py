"""The fast text check refuses exactly the characters the per-character rule refuses."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from museum_app.formats import checks
from museum_app.formats.checks import Checker, PackError

# The rule as the packs' format states it, one character at a time.
_REFUSED_KINDS = {"Cc", "Zl", "Zp", "Cs"}
_DIRECTION = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _refused(char: str, multiline: bool) -> bool:
    if multiline and char == "\n":
        return False
    return char in _DIRECTION or unicodedata.category(char) in _REFUSED_KINDS


def test_every_character_is_judged_as_the_per_character_rule_judges_it() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        for multiline, pattern in ((False, checks._HIDDEN_IN_LINE), (True, checks._HIDDEN_IN_LINES)):
            assert bool(pattern.search(char)) == _refused(char, multiline), (hex(code), multiline)
        # The shortcut: a printable character is never one the rule refuses.
        assert not (char.isprintable() and _refused(char, False)), hex(code)


@pytest.mark.parametrize(
    ("text", "multiline", "problem"),
    [
        ("fine text", False, None),
        ("caf\u00e9 \u4e2d\u6587 \u00a0no-break", False, None),
        ("two\nlines", True, None),
        ("two\nlines", False, "holds a control character (U+000A) at position 3"),
        ("a\u202eb", True, "holds a text-direction control character (U+202E) at position 1"),
        ("ok\u2028no", False, "holds a line separator (U+2028) at position 2"),
        ("ok\u2029no", True, "holds a paragraph separator (U+2029) at position 2"),
        ("x\ud800", False, "holds a lone surrogate (U+D800) at position 1"),
        ("x\x85y\x00", False, "holds a control character (U+0085) at position 1"),
        (" padded", False, "starts or ends with white space"),
    ],
)
def test_text_names_the_first_hidden_character(text: str, multiline: bool, problem: str | None) -> None:
    check = Checker(Path("pack.json"), "event 1")
    if problem is None:
        assert check.text(text, "title", 200, multiline=multiline) == text
        return
    with pytest.raises(PackError) as caught:
        check.text(text, "title", 200, multiline=multiline)
    assert str(caught.value) == f"pack.json: event 1, field 'title': {problem}"
