"""Titles drawn as text the first time and as a picture after: a blit costs a fraction of text."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGradient,
    QLinearGradient,
    QPaintEngine,
    QPainter,
    QPixmap,
)

FADE_PX = 14.0  # a title cut short fades out over this much, instead of an ellipsis
MAX_PICTURES = 1500  # several screens of titles
# The pixels they may take at a pixel ratio of 1 (four times as many at 2): a count alone let
# a long session fill about 20 MB of native memory with long titles.
MAX_PICTURE_BYTES = 10 * 1024 * 1024
# Within that, the pictures of this many screens of titles (the largest paint yet, and at least
# MIN_PICTURE_BYTES): a screen at 1440x920 takes under half a megabyte, so a fixed 10 MB held
# twenty screens, which a long session filled, and the pictures of the screens around the view
# are what a pan or zoom draws again.
SCREENS_OF_PICTURES = 8
MIN_PICTURE_BYTES = 1024 * 1024
PICTURES_PER_PAINT = 6  # made during a paint; the rest wait for idle time
VECTOR_ENGINES = (QPaintEngine.Type.SVG, QPaintEngine.Type.Pdf)

Key = tuple[str, bool, int]  # text, bold, ink
# text, bold, ink, width (at least the text's), x, y (top left), room, fade into, halo under it
Title = tuple[str, bool, QColor, float, float, float, float, QColor, QColor | None]


def painted(
    size: tuple[int, int], dpr: float, ground: QColor | Qt.GlobalColor, draw: Callable[[QPainter], None]
) -> QPixmap:
    """Return a picture of size device pixels on a ground, drawn by draw(painter), to be kept.

    A pixmap keeps the paint engine it was drawn with (about 3 KB) for as long as it lives;
    the copy returned has none. With thousands of titles and badges kept, the engines took
    megabytes of a long session's memory.
    """
    picture = QPixmap(*size)
    picture.setDevicePixelRatio(dpr)
    picture.fill(ground)
    with QPainter(picture) as p:
        draw(p)
    return picture.copy()


class CharWidths(dict[str, float]):
    """The advance of each character, measured once: a title's width is then a sum, not a layout.

    Kerning only narrows text in the fonts we ship to, so the sum is at least the real width:
    room is never short, and a picture made at this width holds the whole text.
    """

    def __init__(self, font: QFont) -> None:
        super().__init__()
        self._fm = QFontMetricsF(font)

    def __missing__(self, char: str) -> float:
        width = self[char] = self._fm.horizontalAdvance(char)
        return width

    def width(self, text: str) -> float:
        """Return the width of a line of text."""
        return sum(map(self.__getitem__, text))


class TextPictures:
    """Draw one-line text: as text the first time it is seen, from a picture once made.

    Making a picture costs four times drawing the text, so pictures are made for text seen
    again: a few during a paint, the rest when the event loop is idle (make_waiting). A title
    cut short is drawn as the left part of its whole text, fading out: so one picture serves a
    title at every zoom, however much room it has there.
    """

    def __init__(
        self, font: QFont, dpr: float = 1.0, limit: int = MAX_PICTURES,
        limit_bytes: int = MAX_PICTURE_BYTES,
    ) -> None:  # fmt: skip
        self.dpr = dpr
        self.fonts = (QFont(font), QFont(font))
        self.fonts[1].setBold(True)
        self.metrics = (QFontMetricsF(self.fonts[0]), QFontMetricsF(self.fonts[1]))
        self.height = max(fm.height() for fm in self.metrics)
        self.widths = (CharWidths(self.fonts[0]), CharWidths(self.fonts[1]))
        self._pictures: dict[Key, QPixmap] = {}
        # Drawn as text in the last paint, and so far in this one: the candidates for pictures.
        self._before: dict[Key, tuple[QColor, float]] = {}
        self._drawn: dict[Key, tuple[QColor, float]] = {}
        self._fades: dict[int, QBrush] = {}
        self._limit, self._limit_bytes = limit, round(limit_bytes * dpr * dpr)
        self._bytes = 0  # the pixels the pictures kept take
        self._screen_bytes = 0  # the pixels of the titles of the largest paint yet
        self._budget = PICTURES_PER_PAINT

    def begin(self) -> None:
        """Start a paint: allow a few new pictures again."""
        self._budget = PICTURES_PER_PAINT
        self._before, self._drawn = self._drawn, {}

    def draw_all(self, p: QPainter, titles: Sequence[Title]) -> None:
        """Draw titles in order; the painter's font and pen are changed."""
        shown: tuple[bool, int] | None = None  # the font and ink the painter has
        height, dpr = self.height, self.dpr
        engine = p.paintEngine()
        # A drawing saved as SVG or PDF keeps its text as text, to be found and read.
        vector = engine is not None and engine.type() in VECTOR_ENGINES
        widths = 0.0
        for text, bold, ink, width, x, y, room, under, halo in titles:
            widths += width
            if halo is not None:
                p.fillRect(QRectF(x - 2, y, min(room, width) + 3, height), halo)
            key = (text, bold, ink.rgba())
            picture = None if vector else self._pictures.get(key)
            if picture is None and key in self._before and self._budget > 0 and not vector:
                self._budget -= 1
                picture = self._make(key, ink, width)
            cut = room < width - 1
            if picture is not None:
                if cut:
                    source = QRectF(0, 0, room * dpr, height * dpr)
                    p.drawPixmap(QRectF(x, y, room, height), picture, source)
                else:
                    p.drawPixmap(QPointF(x, y), picture)
            else:
                if not vector:
                    self._drawn[key] = (ink, width)
                if shown != (bold, key[2]):
                    p.setFont(self.fonts[bold])
                    p.setPen(ink)
                    shown = (bold, key[2])
                # Cut short, only the characters that fit whole: no clip needed.
                shown_text = text[: self._fitting(text, bold, room)] if cut else text
                p.drawText(QPointF(x, y + self.metrics[bold].ascent()), shown_text)
            if cut:
                fade = min(FADE_PX, room / 3)
                p.fillRect(QRectF(x + room - fade, y, fade, height), self._fade(under))
        screen = round(4 * (widths + 2 * len(titles)) * dpr * height * dpr)
        self._screen_bytes = max(self._screen_bytes, screen)

    def _fitting(self, text: str, bold: bool, room: float) -> int:
        """Return how many characters of text fit whole in room."""
        return bisect_right(list(accumulate(map(self.widths[bold].__getitem__, text))), room)

    def _make(self, key: Key, ink: QColor, width: float) -> QPixmap:
        """Make, keep and return the picture of a text."""
        self._drawn.pop(key, None)
        text, bold, _ = key
        dpr = self.dpr
        size = (math.ceil((width + 2) * dpr), math.ceil(self.height * dpr))
        cost = 4 * size[0] * size[1]
        if len(self._pictures) >= self._limit or self._bytes + cost > self.bound_bytes():
            self._forget_oldest_half()
        font, ascent = self.fonts[bold], self.metrics[bold].ascent()

        def draw(p: QPainter) -> None:
            p.setFont(font)
            p.setPen(ink)
            p.drawText(QPointF(0, ascent), text)  # never markup

        picture = self._pictures[key] = painted(size, dpr, Qt.GlobalColor.transparent, draw)
        self._bytes += cost
        return picture

    def _forget_oldest_half(self) -> None:
        """Drop the oldest pictures, half of them by count or by pixels: a pan or zoom left them."""
        count, pixels = len(self._pictures) // 2, self.bound_bytes() // 2
        for old in list(self._pictures):
            if count <= 0 and self._bytes <= pixels:
                break
            gone = self._pictures.pop(old)
            self._bytes -= 4 * gone.width() * gone.height()
            count -= 1

    def bound_bytes(self) -> int:
        """Return the pixels, in bytes, the pictures may take: some screens' worth, within the limit."""
        least = round(MIN_PICTURE_BYTES * self.dpr * self.dpr)
        return min(self._limit_bytes, max(least, SCREENS_OF_PICTURES * self._screen_bytes))

    def picture_bytes(self) -> int:
        """Return the pixels the pictures kept take, in bytes."""
        return self._bytes

    def make_waiting(self, stop: Callable[[], bool]) -> bool:
        """Make pictures of the text the last paint drew as text, until stop() says so.

        Return whether some is left to make.
        """
        while self._drawn:
            if stop():
                return True
            key = next(iter(self._drawn))
            ink, width = self._drawn[key]
            self._make(key, ink, width)
        return False

    def make(self, text: str, bold: bool, ink: QColor, width: float) -> None:
        """Make the picture of a text ahead of its first paint, if there is none yet."""
        key = (text, bold, ink.rgba())
        if key not in self._pictures:
            self._make(key, ink, width)

    def has(self, text: str, bold: bool, ink: QColor) -> bool:
        """Say whether a text has its picture."""
        return (text, bold, ink.rgba()) in self._pictures

    def has_waiting(self) -> bool:
        """Say whether some text the last paint drew as text has no picture yet."""
        return bool(self._drawn)

    def _fade(self, under: QColor) -> QBrush:
        """Return a brush that goes from clear to under, left to right, over whatever it fills."""
        brush = self._fades.get(under.rgba())
        if brush is None:
            gradient = QLinearGradient(0, 0, 1, 0)
            gradient.setCoordinateMode(QGradient.CoordinateMode.ObjectBoundingMode)
            clear = QColor(under)
            clear.setAlpha(0)
            gradient.setColorAt(0, clear)
            gradient.setColorAt(1, under)
            brush = self._fades[under.rgba()] = QBrush(gradient)
        return brush
