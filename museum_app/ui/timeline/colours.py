"""The palette's colours a paint uses, and blending them into opaque colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole


class Colours:
    """The palette's colours one paint uses, looked up once; read only.

    A plain class with slots: a dataclass takes a millisecond to define, at every start.
    """

    __slots__ = ("base", "button", "button_text", "dark", "highlight", "mid", "text")

    def __init__(
        self,
        text: QColor,
        base: QColor,
        highlight: QColor,
        mid: QColor,
        dark: QColor,
        button: QColor,
        button_text: QColor,
    ) -> None:
        self.text = text
        self.base = base
        self.highlight = highlight
        self.mid = mid
        self.dark = dark
        self.button = button
        self.button_text = button_text

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
