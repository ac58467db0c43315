"""Which language a person's system asks for, read from the POSIX locale variables (no Qt)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from museum_app.core.domain import BASE_LANGUAGE

# Where POSIX looks for the language of messages, the first one set winning.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def supported(code: str | None) -> str | None:
    """Map a locale name ("zh_CN.UTF-8", "zh-Hans", "en_GB") to a language the app speaks, or None."""
    if not code:
        return None
    base = code.split(".")[0].split("@")[0].replace("-", "_")
    language = base.split("_")[0].lower()
    if language == "zh":
        return "zh_CN"  # the one Chinese the app speaks
    if language == "en":
        return "en"
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """Return the language the system locale asks for (LANGUAGE, LC_ALL, LANG...), or English."""
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in _LOCALE_VARIABLES if env.get(name)), "")
    # LANGUAGE lists preferences ("zh_CN:en"), honoured unless the locale is plain C, as gettext does.
    preferences = env.get("LANGUAGE", "") if locale.split(".")[0] not in ("C", "POSIX") else ""
    for code in [*preferences.split(":"), locale]:
        found = supported(code)
        if found is not None:
            return found
    return BASE_LANGUAGE
