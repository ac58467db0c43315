"""Run in a fresh process: one measurement of the app's window or timeline on a data directory.

  ui_worker.py timeline DATA_DIR [--quick] [--language zh_CN]   the timeline (timeline_bench.py)
  ui_worker.py window DATA_DIR [--quick]                        search, filter, list (window_bench.py)
  ui_worker.py bookmarks DATA_DIR [--quick]                     star and panel (bookmarks_bench.py)
  ui_worker.py session DATA_DIR --minutes M [--trace]           memory over a long session
  ui_worker.py typing DATA_DIR                                  the search box's pause alone

Prints the figures as one line of JSON. The device pixel ratio is the environment's
(QT_SCALE_FACTOR=2 for ratio 2). The text cursor does not blink: a blink is a repaint that
has nothing to do with the input being timed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any


def measure_timeline(data_dir: Path, quick: bool, language: str | None) -> dict[str, Any]:
    """Measure a timeline showing every event of data_dir, titles in a language."""
    import timeline_bench

    from museum_app import paths
    from museum_app.store.library import Library
    from museum_app.ui.adapters import timeline_items

    library = Library(data_dir, paths.shipped_data_dir())
    summaries = library.catalog.summaries(language)  # the events in memory, read once
    categories = {c.id: c for c in library.catalog.categories()}
    figures = timeline_bench.measure(lambda: timeline_items(summaries, categories), quick)
    figures["language"] = language or "en"
    library.close()
    return figures


def main(argv: list[str]) -> int:
    """Run the task argv names and print its figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    p = argparse.ArgumentParser()
    p.add_argument("task", choices=("timeline", "window", "bookmarks", "session", "typing"))
    p.add_argument("data_dir", type=Path)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--language")
    p.add_argument("--minutes", type=float, default=10.0)
    p.add_argument("--trace", action="store_true")
    args = p.parse_args(argv)
    from museum_app.app import application

    application().setCursorFlashTime(0)
    if args.task == "timeline":
        figures = measure_timeline(args.data_dir, args.quick, args.language)
    elif args.task in ("window", "typing"):
        import window_bench

        figures = window_bench.measure(args.data_dir, args.quick, only_typing=args.task == "typing")
    elif args.task == "bookmarks":
        import bookmarks_bench

        figures = bookmarks_bench.measure(args.data_dir, args.quick)
    else:
        import session_bench

        figures = session_bench.measure(args.data_dir, args.minutes, args.trace)
    print(json.dumps(figures), flush=True)
    os._exit(0)  # tearing a window down is not what is measured


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
