"""Text as search sees it: folded case and accents, Chinese runs cut into characters and pairs.

Chinese is written without spaces, so a full-text index that splits on spaces would hold
"微信红包上线" as one word, and neither "信" nor "红包" would find it. Each run of Chinese
characters is indexed instead as its characters (for a one-character search) and as its
overlapping pairs (a search of n characters is the phrase of its n - 1 pairs), and every
other script as words folded the same way on both sides ("Straße" and "strasse" meet).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Han ideographs: the unified blocks and their extensions, the compatibility block and U+3007 (zero).
_HAN_CLASS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
_HAN_RUN = re.compile(f"[{_HAN_CLASS}]+")
_SPLIT_HAN = re.compile(f"([{_HAN_CLASS}]+)")
# A token between two runs, so that the pairs of one run and the next never form a phrase.
RUN_BREAK = "0"


def fold(text: str) -> str:
    """Fold case and accents as search compares text: 'Straße' -> 'strasse', 'Café' -> 'cafe'."""
    if text.isascii():
        return text.lower()  # the same as the full folding for ASCII, and much faster
    # Compatibility forms too: full-width letters and ligatures read as plain ones.
    spread = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize(
        "NFC", "".join(c for c in spread if not unicodedata.combining(c))
    ).casefold()


def is_han(word: str) -> bool:
    """Return whether a word is a run of Chinese characters."""
    return _HAN_RUN.fullmatch(word) is not None


def split_han(word: str) -> list[str]:
    """Cut a word at the edges of its Chinese runs: 'wechat红包2014' -> wechat, 红包, 2014."""
    if word.isascii():
        return [word]
    return [part for part in _SPLIT_HAN.split(word) if part]


def pairs(run: str) -> list[str]:
    """Return a run's overlapping pairs of characters: '微信红包' -> 微信, 信红, 红包."""
    return [run[i : i + 2] for i in range(len(run) - 1)]


@dataclass(frozen=True, slots=True)
class IndexText:
    """What the full-text indexes hold of a text: its words, and its Chinese characters and pairs."""

    words: str  # folded, with every Chinese run turned into a space
    characters: str  # each Chinese character, space-separated
    pairs: str  # each run's pairs, space-separated, runs kept apart by RUN_BREAK

    @classmethod
    def of(cls, texts: Iterable[str]) -> IndexText:
        """Fold and cut texts (title, description, names) for the indexes."""
        folded = fold(" ".join(texts))
        if folded.isascii():
            return cls(folded, "", "")
        runs = _HAN_RUN.findall(folded)
        return cls(
            _HAN_RUN.sub(" ", folded),
            " ".join(c for run in runs for c in run),
            f" {RUN_BREAK} ".join(" ".join(pairs(run)) for run in runs if len(run) > 1),
        )


def han_match(words: Iterable[str]) -> str:
    """Write the match expression for Chinese runs over the characters and pairs columns."""
    terms = []
    for word in words:
        if len(word) == 1:
            terms.append(f'characters : "{word}"')
        else:  # the pairs, one after another: exactly the runs that hold the word
            terms.append(f'pairs : "{" ".join(pairs(word))}"')
    return " AND ".join(terms)
