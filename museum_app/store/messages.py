"""Sentences for the person that another language can write anew: a code and its parts."""

from __future__ import annotations

from typing import Any


class Message(str):
    """An English sentence that also keeps its code and parts, for the window to translate.

    A str, so that every caller that prints or compares it keeps working unchanged.
    """

    code: str
    parts: dict[str, Any]

    def __new__(cls, code: str, english: str, **parts: Any) -> Message:
        made = super().__new__(cls, english.format(**parts))
        made.code, made.parts = code, parts
        return made


def message_of(error: BaseException) -> str:
    """Return an error's sentence, a Message when the error was raised with one."""
    first = error.args[0] if error.args else ""
    return first if isinstance(first, str) else str(error)
