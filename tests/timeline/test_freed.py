"""A scene or index let go is freed at once, not left for the garbage collector.

Every filter change makes a new index and scene; held in reference cycles, the old ones
stayed until a collection and left Python's memory in pieces over a long session.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from museum_app.timeline.index import ItemIndex
from museum_app.timeline.metrics import LayoutMetrics
from museum_app.timeline.scale import TimeScale
from museum_app.timeline.scene import Scene
from tests.timeline.factories import day, synthetic


@pytest.fixture
def no_collector() -> Iterator[None]:
    """Turn the cycle collector off, so that only reference counts free anything."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_a_scene_used_at_several_zooms_is_freed_when_let_go(no_collector: None) -> None:
    items = synthetic(2000, years=5)
    mask = bytes(n % 3 != 0 for n in range(len(items)))
    index = ItemIndex(items, mask=mask, lane_cap=4)
    scene = Scene(index, LayoutMetrics(lanes=6), lambda text: 6.5 * len(text))
    for px_per_day in (0.5, 2.0, 8.0, 40.0):
        scale = TimeScale(day(1991, 1, 1), px_per_day)
        assert scene.shapes_in(scale, 0, 1600)
        scene.pin(index.order[len(index.order) // 2])
    assert len(index.span_lane) == index.span_shown.count(1)
    gone_scene, gone_index = weakref.ref(scene), weakref.ref(index)
    del scene, index
    assert gone_scene() is None
    assert gone_index() is None
