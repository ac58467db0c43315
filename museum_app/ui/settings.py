"""What the window remembers between runs: geometry, splitters, filters, zoom, last event."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


@dataclass(slots=True)
class ViewState:
    """The person's view of the data, restored at the next start."""

    categories: frozenset[str] | None = None
    search: str = ""
    visible_range: tuple[float, float] | None = None
    event_id: str | None = None


class WindowSettings:
    """A QSettings ini file in the config directory (or beside a moved data directory)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def clear(self) -> None:
        """Forget everything (--reset-ui)."""
        self._settings.clear()
        self._settings.sync()

    def layout(self, name: str) -> QByteArray | None:
        """Return a saved geometry or splitter state."""
        value = self._settings.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, name: str, value: QByteArray) -> None:
        """Remember a geometry or splitter state."""
        self._settings.setValue(f"layout/{name}", value)

    def view_state(self) -> ViewState:
        """Return the saved view, ignoring anything malformed."""
        s = self._settings
        state = ViewState()
        if s.value("view/all_categories", "true") == "false":
            raw = s.value("view/categories", "")
            state.categories = frozenset(str(raw).split(",")) - {""} if raw is not None else frozenset()
        state.search = str(s.value("view/search", "") or "")
        try:
            start, end = float(s.value("view/range_start")), float(s.value("view/range_end"))
            if math.isfinite(start) and math.isfinite(end) and end > start:
                state.visible_range = (start, end)
        except (TypeError, ValueError):
            pass
        state.event_id = str(s.value("view/event")) if s.value("view/event") else None
        return state

    def set_view_state(self, state: ViewState) -> None:
        """Remember the view."""
        s = self._settings
        s.setValue("view/all_categories", "true" if state.categories is None else "false")
        s.setValue("view/categories", ",".join(sorted(state.categories or ())))
        s.setValue("view/search", state.search)
        if state.visible_range is not None:
            s.setValue("view/range_start", state.visible_range[0])
            s.setValue("view/range_end", state.visible_range[1])
        s.setValue("view/event", state.event_id or "")

    def language(self) -> str | None:
        """Return the language the person chose in View > Language, if they ever did."""
        value = self._settings.value("ui/language")
        return str(value) if value else None

    def set_language(self, language: str) -> None:
        """Remember the language chosen in View > Language."""
        self._settings.setValue("ui/language", language)

    def sync(self) -> None:
        """Write the file now."""
        self._settings.sync()
