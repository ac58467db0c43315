"""The timeline's title pictures: kept within their pixels however many titles a session shows."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from pytestqt.qtbot import QtBot

from museum_app.ui.timeline.pictures import MAX_PICTURE_BYTES, TextPictures

INK = QColor("black")


def test_pictures_of_long_titles_stay_within_their_pixels(qtbot: QtBot) -> None:
    pictures = TextPictures(QFont(), dpr=2.0, limit_bytes=200_000)
    titles = [
        f"A long title, number {n}, about what happened on the Internet in China" for n in range(300)
    ]
    for title in titles:
        pictures.make(title, False, INK, pictures.widths[0].width(title))
        assert 0 < pictures.picture_bytes() <= 4 * 200_000  # four device pixels to one
    assert pictures.has(titles[-1], False, INK)  # the newest are kept, the oldest dropped
    assert not pictures.has(titles[0], False, INK)


def test_a_few_titles_keep_all_their_pictures(qtbot: QtBot) -> None:
    pictures = TextPictures(QFont())
    for n in range(50):
        pictures.make(f"Title {n}", n % 2 == 0, INK, 80.0)
    assert all(pictures.has(f"Title {n}", n % 2 == 0, INK) for n in range(50))
    assert pictures.picture_bytes() < MAX_PICTURE_BYTES
