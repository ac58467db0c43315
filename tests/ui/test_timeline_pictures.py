"""The timeline's title pictures: kept within their pixels however many titles a session shows."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from pytestqt.qtbot import QtBot

from museum_app.ui.timeline.pictures import (
    MAX_PICTURE_BYTES,
    MIN_PICTURE_BYTES,
    SCREENS_OF_PICTURES,
    TextPictures,
    Title,
    painted,
)

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


def test_a_picture_is_drawn_on_its_ground_at_its_pixel_ratio(qtbot: QtBot) -> None:
    def draw(p: QPainter) -> None:
        p.fillRect(QRectF(0, 0, 2, 3), QColor("blue"))  # logical pixels: 4 by 6 device pixels

    picture = painted((10, 8), 2.0, QColor("red"), draw)
    assert (picture.width(), picture.height(), picture.devicePixelRatio()) == (10, 8, 2.0)
    image = picture.toImage()
    assert image.pixelColor(3, 5) == QColor("blue")
    assert image.pixelColor(4, 5) == QColor("red")
    assert image.pixelColor(3, 6) == QColor("red")
    assert not picture.paintingActive()


def _paint(pictures: TextPictures, titles: list[Title]) -> None:
    """Draw titles once, as a timeline's paint does."""
    canvas = QImage(2000, 1000, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(Qt.GlobalColor.white)
    with QPainter(canvas) as p:
        pictures.begin()
        pictures.draw_all(p, titles)


def test_pictures_are_kept_for_some_screens_of_the_largest_paint(qtbot: QtBot) -> None:
    pictures = TextPictures(QFont())
    assert pictures.bound_bytes() == MIN_PICTURE_BYTES  # nothing painted yet
    white = QColor("white")
    screen = [
        (f"Screen title {n}", False, INK, 300.0, 0.0, 20.0 * n, 300.0, white, None) for n in range(45)
    ]
    _paint(pictures, screen)
    one_screen = round(4 * (300 + 2) * 45 * pictures.height)
    assert pictures.bound_bytes() == SCREENS_OF_PICTURES * one_screen
    assert MIN_PICTURE_BYTES < pictures.bound_bytes() < MAX_PICTURE_BYTES
    _paint(pictures, screen[:5])  # a smaller paint after does not shrink what is kept
    assert pictures.bound_bytes() == SCREENS_OF_PICTURES * one_screen
    for n in range(1000):
        pictures.make(f"Another title {n}", False, INK, 300.0)
        assert pictures.picture_bytes() <= pictures.bound_bytes()
    assert pictures.has("Another title 999", False, INK)
