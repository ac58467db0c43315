"""Text as search sees it: folded case, Chinese runs cut into overlapping pairs.

Chinese is written without spaces, so a full-text index that splits on spaces would hold
"微信红包上线" as one word, and neither "信" nor "红包" would find it. Each run of Chinese
characters is indexed instead as its overlapping pairs followed by its last character alone
("微信红包" is 微信 信红 红包 包): a search of n characters is the phrase of its n - 1 pairs,
and one character is a prefix (every character of a run starts a pair or ends the run).
Every other script is indexed as words folded the same way on both sides ("Straße" and
"strasse" meet).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Han ideographs: the unified blocks and their extensions, the compatibility block and U+3007 (zero).
HAN_CLASS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
# The words outside Chinese runs: letters and digits ("_" separates words, as in the index).
WORDS_BESIDE_HAN = re.compile(f"[^\\W_{HAN_CLASS}]+")
_SPLIT_HAN = re.compile(f"([{HAN_CLASS}]+)")
_UTF32 = "utf-32-le"  # every character four bytes, so that characters can be cut by slices
_SPACE = " ".encode(_UTF32)


def fold(text: str) -> str:
    """Fold case and compatibility forms as search compares text: 'Straße' -> 'strasse'.

    Full-width letters and ligatures read as plain ones. Accents are left to the word
    index's tokenizer, which removes them from what it holds and from what is asked alike
    ('Café' and 'cafe' meet there).
    """
    if text.isascii():
        return text.lower()  # the same as the full folding for ASCII, and much faster
    return unicodedata.normalize("NFKC", text.casefold())


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
    return list(map(str.__add__, run, run[1:]))


@dataclass(frozen=True, slots=True)
class IndexText:
    """What the full-text indexes hold of texts: their words, and their Chinese runs' pairs."""

    words: str  # as the word index takes them (see cut), with every Chinese run left out
    grams: str  # each run's pairs and last character, space-separated

    @classmethod
    def of(cls, texts: Iterable[str]) -> IndexText:
        """Fold and cut texts (title, description, names) for the indexes."""
        words, runs = cut(texts)
        return cls(words, grams(" ".join(runs)))


def cut(texts: Iterable[str]) -> tuple[str, list[str]]:
    """Return texts' words as IndexText holds them, and their Chinese runs, in order.

    An ASCII text is taken as it is: the word index's tokenizer folds ASCII case itself, so
    its terms are those of the text folded (a folded copy of every description was a
    gigabyte more to make at a million events). Any other text is folded here.
    """
    words, runs = [], []
    for text in texts:
        if text.isascii():
            words.append(text)  # most texts: no Chinese, and only case to fold
            continue
        # The pieces between the runs, then the runs, alternately (one pass in C).
        pieces = _SPLIT_HAN.split(text)
        words.append(fold(" ".join(pieces[0::2])))
        runs.extend(pieces[1::2])
    return " ".join(words), runs


def grams(runs: str) -> str:
    """Cut space-separated runs into what the index holds: '微信 红包' -> '微信 信 红包 包'.

    Every character is paired with the one after it: within a run that is a pair, and at a
    run's end (a space after it) the character alone. A run's first character alone may
    follow too (a space before it): harmless, as it also starts a pair.
    """
    return _interleaved(runs).rstrip() if runs else ""


def grams_each(texts: list[str]) -> list[str]:
    """Return the grams of each text (space-separated runs), cut all in one pass."""
    if not texts:
        return []
    # Joined by spaces, each text's characters meet the same next character as alone (its
    # last one a space): its grams are its three characters out for each one in, as alone.
    cut = _interleaved(" ".join(texts))
    made, start = [], 0
    for text in texts:
        end = start + len(text)
        made.append(cut[3 * start : 3 * end].rstrip())
        start = end + 1
    return made


def _interleaved(runs: str) -> str:
    """Write each character, the one after it (a space after the last) and a space."""
    # Interleaved as UTF-32 units by slices, in C: a call per character took ten times longer.
    first, second = runs.encode(_UTF32), (runs + " ")[1:].encode(_UTF32)
    cut = bytearray(_SPACE * (3 * len(runs)))  # character, next character, space; again
    for byte in range(4):
        cut[byte::12] = first[byte::4]
        cut[4 + byte :: 12] = second[byte::4]
    return cut.decode(_UTF32)


def han_match(words: Iterable[str]) -> str:
    """Write the match expression for Chinese runs over the index of grams."""
    terms = []
    for word in words:
        if len(word) == 1:  # a pair that starts with it, or a run that ends with it
            terms.append(f'"{word}"*')
        else:  # the pairs, one after another: exactly the runs that hold the word
            terms.append(f'"{" ".join(pairs(word))}"')
    return " AND ".join(terms)
