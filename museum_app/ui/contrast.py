"""Category colours that stand out from the background they are drawn on, light or dark.

The categories' palette (Paul Tol's muted scheme) is chosen for colour-blind readers, but
some of its colours are close to a white background (sand, pale blue) and others to a dark
one (indigo, wine). Drawn as diamonds, bars and swatches, each keeps its hue and saturation
and only its lightness moves, away from the background, until the two contrast at least
3:1 (what WCAG asks of graphics that carry meaning).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

MIN_CONTRAST = 3.0
_STEP = 0.01  # of HSL lightness


def luminance(colour: QColor) -> float:
    """Return a colour's relative luminance, as WCAG defines it (0 black, 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """Return the contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def readable(colour: QColor, background: QColor, ratio: float = MIN_CONTRAST) -> QColor:
    """Return colour, lighter on a dark background or darker on a light one, until the two
    contrast at least ratio:1; hue and saturation are kept. An invalid colour is returned
    as it is."""
    if not colour.isValid() or contrast(colour, background) >= ratio:
        return colour
    hue, saturation = colour.hslHueF(), colour.hslSaturationF()
    lightness, alpha = colour.lightnessF(), colour.alphaF()
    # Away from the background: towards white on a dark one, towards black on a light one.
    dark = contrast(QColor("white"), background) >= contrast(QColor("black"), background)
    step = _STEP if dark else -_STEP
    found = QColor(colour)
    while 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        # As drawn, 8 bits a channel: a colour that passes only before rounding may not after.
        found = QColor.fromRgba(QColor.fromHslF(hue, saturation, lightness, alpha).rgba())
        if contrast(found, background) >= ratio:
            break
    return found
