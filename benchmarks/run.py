"""Benchmark museum_app at N events: start-up, memory, import, repaint, pan, zoom, filter, search.

  python benchmarks/run.py --events 100000 [--json FILE] [--peer-json FILE] [--quick]

Generates a synthetic pack of N events (and of the smaller sizes of the scaling table),
imports each into a fresh data directory, and measures every figure in the same run as its
baseline: start-up against a bare QApplication window, each interaction at N against the
same at the reference size (1,000 events). Prints a table; --json writes every figure.
See docs/PERFORMANCE.md for what is measured and how.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import processes
import report
import synth

REFERENCE = 1000


def sizes_for(events: int, reference: int) -> list[int]:
    """Return the sizes measured: the reference, each power of ten between, and N."""
    sizes = {events, reference}
    power = 10
    while power < events:
        if power > reference:
            sizes.add(power)
        power *= 10
    return sorted(sizes)


def machine() -> dict[str, Any]:
    """Describe where the benchmark ran."""
    from PySide6 import __version__ as pyside

    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "pyside6": pyside,
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()),
    }


def prepare(size: int, runs: int, work: Path, env: dict[str, str]) -> tuple[Path, dict[str, Any]]:
    """Write a pack of size events, import it into fresh data directories; return one of them."""
    folder = work / f"events-{size}"
    folder.mkdir()
    pack = synth.write_pack(folder / "pack.json", size)
    data_dirs = [folder / f"data-{n}" for n in range(runs)]
    timing = processes.imports(data_dirs, pack, env)
    for extra in data_dirs[1:]:
        shutil.rmtree(extra)
    timing["pack_mb"] = pack.stat().st_size / 1e6
    return data_dirs[0], timing


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Measure everything and return the figures."""
    env = processes.environment(work)
    sizes = sizes_for(args.events, args.reference)
    result: dict[str, Any] = {
        "benchmark": "museum_app", "format": 1, "events": args.events,
        "reference_events": args.reference, "sizes": sizes, "quick": args.quick,
        "machine": machine(), "import": {}, "timeline": {}, "window": {},
    }  # fmt: skip
    data_dirs: dict[str, Path | None] = {"bare": None, "widgets": None, "shipped": work / "shipped"}
    for size in sizes:
        say(f"{size:,} events: writing and importing the pack")
        data_dir, timing = prepare(size, args.import_runs, work, env)
        result["import"][str(size)] = timing
        data_dirs[str(size)] = data_dir
    say("start-up and memory, every window in turn")
    result["startup"] = processes.start_ups(data_dirs, args.startup_runs, env)
    for size in sizes:
        imported = data_dirs[str(size)]
        assert imported is not None
        say(f"{size:,} events: the timeline (repaints, pans, zooms)")
        result["timeline"][str(size)] = processes.ui_worker("timeline", imported, args.quick, env)
        say(f"{size:,} events: the window (category toggles, searches)")
        result["window"][str(size)] = processes.ui_worker("window", imported, args.quick, env)
    result["machine"]["load_average_after"] = list(os.getloadavg())
    if args.peer_json is not None:
        result["peer"] = json.loads(args.peer_json.read_text(encoding="utf-8"))
    result["targets"] = report.targets(result)
    return result


def say(text: str) -> None:
    """Tell the person running the benchmark what it is doing."""
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def parser() -> argparse.ArgumentParser:
    """Return the command line's parser."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, required=True, help="N: the largest number of events")
    p.add_argument("--json", type=Path, help="write every figure to this file")
    p.add_argument("--peer-json", type=Path, help="a result of benchmarks/peers/peer.py to show beside")
    p.add_argument("--reference", type=int, default=REFERENCE, help="the size N is compared with")
    p.add_argument("--quick", action="store_true", help="few repeats: checks that it runs, not speed")
    p.add_argument("--startup-runs", type=int, help="start-ups of each window (default 9; quick 2)")
    p.add_argument("--import-runs", type=int, help="imports of each pack (default 3; quick 1)")
    p.add_argument("--work-dir", type=Path, help="where packs and data go (default: a temporary one)")
    p.add_argument("--keep", action="store_true", help="keep the packs and data directories")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    args = parser().parse_args(argv)
    if args.events < 1 or args.reference < 1:
        print("run.py: --events and --reference must be at least 1", file=sys.stderr)
        return 2
    args.startup_runs = args.startup_runs or (2 if args.quick else 9)
    args.import_runs = args.import_runs or (1 if args.quick else 3)
    if args.work_dir is not None:
        args.work_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="run-", dir=args.work_dir))
    else:
        work = Path(tempfile.mkdtemp(prefix="museum-app-bench-"))
    try:
        result = run(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(report.console(result))
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
