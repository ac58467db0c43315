"""Where a title is written beside its marker or in its bar, and what fits there: whole words."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from museum_app.core.search_text import HAN_CLASS
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.shapes import Shape

ELLIPSIS = "..."
EDGE = 2.0  # titles keep this far from the view's left and right edges
INSIDE_LEFT = 4.0  # a title inside a bar that runs in from the left starts here
# Shortened titles kept: a pan or zoom asks for the same ones again. A screen shows some
# fifty; 20,000 kept (some 5 MB) filled over a long session with every zoom's room.
MAX_SHORTENED = 4_000
# What a title may be cut after: a word (letters, digits and what is glued to them, so never
# inside "452" or "2014"), or a single Chinese character, since Chinese puts no spaces
# between words and may be broken between any two characters.
_UNIT = re.compile(f"[{HAN_CLASS}]|[^\\s{HAN_CLASS}]+")
# Not left dangling before the ellipsis: separators, and brackets or quotes that open.
_DANGLING = " ,;:-\u2013\u2014\u00b7\u3001\uff0c\uff1a\uff1b\u201c\u300a\u300c\uff08("


class Shortener:
    """Shorten titles to a width at a word boundary, with "...", never inside a word or number.

    Chinese text may be cut between any two of its characters.

    width(text) is the width the text is drawn at; answers are kept by text and whole pixels.
    """

    def __init__(self, width: Callable[[str], float]) -> None:
        self._width = width
        self._done: dict[tuple[str, int], str] = {}

    def fit(self, text: str, room: float) -> str:
        """Return text whole if it fits in room, else its longest run of whole words and "...".

        Return "" when not even the first word and "..." fit.
        """
        key = (text, math.ceil(room))
        found = self._done.get(key)
        if found is None:
            if len(self._done) >= MAX_SHORTENED:
                self._done.clear()
            found = self._done[key] = self._shorten(text, key[1])
        return found

    def _shorten(self, text: str, room: float) -> str:
        """Shorten text to room (see fit)."""
        # The layout reserved the title's own width: a fraction of a pixel lost to whole
        # pixels must not cost it its last word.
        if self._width(text) <= room + 0.5:
            return text
        best = ""
        for unit in _UNIT.finditer(text):
            kept = text[: unit.end()].rstrip(_DANGLING)
            if not kept or unit.end() == len(text):
                continue
            candidate = kept + ELLIPSIS
            if self._width(candidate) > room + 0.5:
                break
            best = candidate
        return best


def title_box(
    shape: Shape, scale: TimeScale, metrics: LayoutMetrics, width: float
) -> tuple[float, float] | None:
    """Return the left and the room of a shape's title as drawn in a view this wide, or None.

    A point's title follows its marker. A span's title inside its bar starts a gap after the
    bar's start, so that the start stays in sight; on a bar that runs in from the left, it is
    kept at the view's left edge. A title after a marker or bar that lies just past the left
    edge is kept in view too, in what is left of its room: so the edges never cut a letter,
    only the shortener does, at a word.
    """
    if shape.title <= 0:
        return None
    left, right = shape.body_x(scale)
    if shape.inside:
        # Whole pixels, never left of where the bar's start must show; the room it was given
        # from there, so that rounding does not cost it its last word.
        x: float = math.ceil(max(left + metrics.gap, INSIDE_LEFT))
        end = min(right - metrics.gap, x + shape.title, width - EDGE)
    else:
        x = max(round(right + metrics.gap), EDGE)
        end = min(right + metrics.gap + shape.title, width - EDGE)  # not cut by the view's edge
    if end - x < min(metrics.min_title_px / 2, shape.title):
        return None
    return x, end - x
