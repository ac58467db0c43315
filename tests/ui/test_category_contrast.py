"""Every category colour stands out from the background, light or dark, and stays itself.

Diamonds, bars and the filter's swatches are drawn in the categories' colours, each made to
contrast at least 3:1 with the background it is drawn on; the hues are kept, so the
colour-blind-safe palette stays told apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from museum_app.core.domain import Category
from museum_app.store.library import Library
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.ui.contrast import MIN_CONTRAST, contrast, readable
from museum_app.ui.filter_panel import FilterPanel
from museum_app.ui.timeline.painting import ShapePainter

Role = QPalette.ColorRole
# The timeline's background (Base) in light palettes and in dark ones (Fusion's, GTK's, KDE's).
LIGHT = ("#ffffff", "#f0f0f0", "#fcfcfc")
DARK = ("#1e1e1e", "#2a2a2a", "#353535", "#232629")


def lab(colour: QColor) -> tuple[float, float, float]:
    """Return a colour in CIELAB (D65), to tell how far apart two colours look."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = linear(colour.redF()), linear(colour.greenF()), linear(colour.blueF())
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def apart(a: QColor, b: QColor) -> float:
    """Return how far apart two colours look (CIE76 delta E; about 2 is just noticeable)."""
    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5


@pytest.fixture
def categories(library: Library) -> list[Category]:
    return library.catalog.categories()


@pytest.fixture
def painter(qapp: QApplication) -> ShapePainter:
    return ShapePainter(qapp.font(), LayoutMetrics())


def test_the_shipped_palette_needs_it(qapp: QApplication, categories: list[Category]) -> None:
    # Governance's indigo on a dark background, Mobile's sand on a white one: under 3:1 as they are.
    colours = {c.id: QColor(c.colour) for c in categories}
    assert contrast(colours["governance"], QColor("#1e1e1e")) < MIN_CONTRAST
    assert contrast(colours["mobile"], QColor("#ffffff")) < MIN_CONTRAST


@pytest.mark.parametrize("base", LIGHT + DARK)
def test_every_category_colour_as_the_timeline_draws_it_contrasts_3_to_1(
    painter: ShapePainter, categories: list[Category], base: str
) -> None:
    background = QColor(base)
    painter.use_background(background)
    drawn = [painter.colour(c.colour) for c in categories]
    for category, colour in zip(categories, drawn, strict=True):
        assert contrast(colour, background) >= MIN_CONTRAST, (category.id, colour.name(), base)
        # Only the lightness moved: the hue is the palette's.
        original = QColor(category.colour)
        assert abs(colour.hslHueF() - original.hslHueF()) < 0.01, category.id
        if contrast(original, background) >= MIN_CONTRAST:
            assert colour.name() == original.name()  # left as it is where it already reads
    # Still told apart from one another.
    for (a, ca), (b, cb) in combinations(zip(categories, drawn, strict=True), 2):
        assert apart(ca, cb) >= 15, (a.id, b.id, base)


def test_the_darker_or_lighter_way_is_away_from_the_background(qapp: QApplication) -> None:
    indigo = QColor("#332288")
    assert readable(indigo, QColor("#1e1e1e")).lightness() > indigo.lightness()
    sand = QColor("#DDCC77")
    assert readable(sand, QColor("#ffffff")).lightness() < sand.lightness()


@pytest.fixture
def panel(qtbot, categories: list[Category]) -> Iterator[FilterPanel]:
    host = QWidget()
    qtbot.addWidget(host)
    widget = FilterPanel(host)
    widget.set_categories(categories)
    host.resize(300, 450)
    widget.resize(300, 450)
    host.show()
    yield widget


def swatches(panel: FilterPanel) -> list[QColor]:
    found = panel.findChild(QListWidget, "categoryFilter")
    assert found is not None
    icons = [found.item(row).data(Qt.ItemDataRole.DecorationRole) for row in range(found.count())]
    return [icon.pixmap(16).toImage().pixelColor(8, 8) for icon in icons]


@pytest.mark.parametrize("base", [LIGHT[0], DARK[0], DARK[2]])
def test_the_filters_swatches_contrast_3_to_1_and_follow_a_new_palette(
    panel: FilterPanel, base: str
) -> None:
    palette = QPalette(panel.palette())
    palette.setColor(Role.Base, QColor(base))
    panel.setPalette(palette)
    for swatch in swatches(panel):
        assert contrast(swatch, QColor(base)) >= MIN_CONTRAST, (swatch.name(), base)
