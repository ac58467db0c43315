"""Show text from data safely: plain-text labels and buttons, and escaped, highlighted rich text."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from museum_app.core.search_text import WORDS_BESIDE_HAN, is_han

# As html.escape does (quotes too), without importing the html package and its entity tables.
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape_html(text: str) -> str:
    """Escape text for rich text: '&', '<', '>' and quotes, as html.escape does."""
    return text.translate(_HTML_ESCAPES)


def fold(text: str) -> str:
    """Fold case and accents, as the full-text index does (unicode61, remove_diacritics)."""
    if text.isascii():  # most text: no accents to take off, and case folds as lower() does
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_words(words: Sequence[str]) -> tuple[str, ...]:
    """Fold the search words once, dropping empty and repeated ones."""
    return tuple(dict.fromkeys(w for w in (fold(word) for word in words) if w))


def match_spans(text: str, folded_words: Sequence[str]) -> list[tuple[int, int]]:
    """Return (start, end) of each part of text that one of the folded words matches, in order.

    Whole words are marked, as the search matches them by prefix: 'wech' marks 'WeChat'. A
    Chinese word is marked wherever it stands inside a run of Chinese, as the search finds
    it there (Chinese has no spaces): '红包' marks the middle of '微信红包上线'.
    """
    if not folded_words:
        return []
    prefixes = tuple(word for word in folded_words if not is_han(word))
    spans = [
        (m.start(), m.end())
        for m in (WORDS_BESIDE_HAN.finditer(text) if prefixes else ())
        if fold(m.group()).startswith(prefixes)
    ]
    for word in folded_words:
        if is_han(word):
            start = text.find(word)
            while start >= 0:
                spans.append((start, start + len(word)))
                start = text.find(word, start + 1)
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and join those that overlap or touch ('微信' and '信红' mark '微信红')."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _escaped(text: str) -> str:
    """Escape text for rich text, keeping its line breaks."""
    return escape_html(text).replace("\n", "<br>")


def highlighted_html(text: str, words: Sequence[str], palette: QPalette) -> str | None:
    """Return text as escaped rich text with the matches marked, or None if nothing matches.

    Every character from the data is escaped, so markup in it shows as written.
    """
    spans = match_spans(text, fold_words(words))
    if not spans:
        return None
    background = palette.color(QPalette.ColorRole.Highlight).name()
    foreground = palette.color(QPalette.ColorRole.HighlightedText).name()
    parts: list[str] = []
    done = 0
    for start, end in spans:
        parts.append(_escaped(text[done:start]))
        parts.append(
            f'<span style="background-color:{background}; color:{foreground}">'
            f"{_escaped(text[start:end])}</span>"
        )
        done = end
    parts.append(_escaped(text[done:]))
    return "".join(parts)


def button_text(text: str) -> str:
    """Escape '&' so that a button shows data as written instead of making a shortcut of it."""
    return text.replace("&", "&&")


def tooltip_text(text: str) -> str:
    """Return a tooltip that shows data as written (Qt would read tags in a tooltip as markup)."""
    return f"<p>{_escaped(text)}</p>" if text else ""


def show_text(label: QLabel, text: str, words: Sequence[str] = ()) -> None:
    """Put data text on a label as plain text, or as escaped rich text when words match."""
    rich = highlighted_html(text, words, label.palette())
    if rich is None:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
    else:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(rich)


def plain_label(
    parent: QWidget,
    name: str,
    *,
    scale: float = 1.0,
    bold: bool = False,
    italic: bool = False,
    selectable: bool = True,
) -> QLabel:
    """Make a plain-text, word-wrapped label: data is never read as markup."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    font.setItalic(italic)
    label.setFont(font)
    return label


class ElidingButton(QPushButton):
    """A button showing data text as written, shortened with '…' when space is short."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(button_text(text), parent)
        self._full = text
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def full_text(self) -> str:
        """Return the whole text, as the data has it."""
        return self._full

    def minimumSizeHint(self) -> QSize:
        """Allow shrinking to a few characters."""
        hint = super().minimumSizeHint()
        short = hint.width() - self.fontMetrics().horizontalAdvance(self._full)
        width = max(short, 0) + self.fontMetrics().averageCharWidth() * 8
        return QSize(min(width, hint.width()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the button with its text shortened to the room there is."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        elided = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, room.width() - 4
        )
        option.text = button_text(elided)
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.end()
