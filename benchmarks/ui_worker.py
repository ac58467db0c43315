"""Run in a fresh process: measure the timeline widget, or the main window, on a data directory.

  ui_worker.py timeline DATA_DIR [--quick]   repaints, pans and zooms of a 1600x600 timeline
  ui_worker.py window DATA_DIR [--quick]     category toggles and typed searches in the window

Prints the figures as one line of JSON. The timeline is given the events as the app gives
them (the catalog's summaries, made into timeline items by the app's own adapter).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any


class GcWatch:
    """Note the full collections of Python's cyclic garbage collector and how long they take."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif info["generation"] == 2:
            self.pauses.append((time.perf_counter() - self._started) * 1000)

    def figures(self) -> dict[str, Any]:
        """Return how many full collections ran and the longest."""
        return {"full_collections": len(self.pauses), "longest_ms": max(self.pauses, default=0.0)}


def measure_timeline(data_dir: Path, quick: bool) -> dict[str, Any]:
    """Measure a timeline showing every event of data_dir."""
    import timeline_bench

    from museum_app import paths
    from museum_app.app import application
    from museum_app.store.library import Library
    from museum_app.ui.adapters import timeline_items
    from museum_app.ui.timeline.view import TimelineView

    app = application()
    library = Library(data_dir, paths.shipped_data_dir())
    summaries = library.catalog.summaries()
    categories = {c.id: c for c in library.catalog.categories()}
    items = timeline_items(summaries, categories)
    view = TimelineView()
    view.resize(*timeline_bench.SIZE)
    view.show()
    app.processEvents()
    watch = GcWatch()
    figures = timeline_bench.measure(view, items, quick)
    figures["gc"] = watch.figures()
    figures["events"] = len(items)
    library.close()
    return figures


def measure_window(data_dir: Path, quick: bool) -> dict[str, Any]:
    """Measure filtering and searching in the main window on data_dir."""
    import window_bench

    from museum_app.app import application

    application()
    watch = GcWatch()
    figures = window_bench.measure(data_dir, quick)
    figures["gc"] = watch.figures()
    return figures


def main(argv: list[str]) -> int:
    """Run the task argv names and print its figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    quick = "--quick" in argv
    args = [a for a in argv if a != "--quick"]
    if len(args) != 2 or args[0] not in ("timeline", "window"):
        print(__doc__, file=sys.stderr)
        return 2
    task, data_dir = args[0], Path(args[1])
    figures = (
        measure_timeline(data_dir, quick) if task == "timeline" else measure_window(data_dir, quick)
    )
    print(json.dumps(figures), flush=True)
    os._exit(0)  # tearing a window down is not what is measured


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
