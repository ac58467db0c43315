"""The palette's colours a paint uses, and blending them into opaque colours."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole


@dataclass(frozen=True, slots=True)
class Colours:
    """The palette's colours one paint uses, looked up once."""

    text: QColor
    base: QColor
    highlight: QColor
    mid: QColor
    dark: QColor
    button: QColor
    button_text: QColor

    @classmethod
    def of(cls, palette: QPalette) -> Colours:
        """Take the colours from a palette."""
        c = palette.color
        return cls(
            c(Role.WindowText), c(Role.Base), c(Role.Highlight), c(Role.Mid), c(Role.Dark),
            c(Role.Button), c(Role.ButtonText),
        )  # fmt: skip


def blend(colour: QColor, background: QColor, opacity: float) -> QColor:
    """Return colour laid over background at opacity, as an opaque colour.

    Opaque fills take Qt's fast path; a translucent fill of a long rectangle costs far more.
    """

    def mix(a: int, b: int) -> int:
        return round(a * opacity + b * (1 - opacity))

    return QColor(
        mix(colour.red(), background.red()),
        mix(colour.green(), background.green()),
        mix(colour.blue(), background.blue()),
    )
