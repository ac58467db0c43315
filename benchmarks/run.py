"""Benchmark museum_app as its users feel it, at 1,000 to N events; print the targets met or not.

  python benchmarks/run.py --events 1000000 --json results.json [--peer-json peer.json]

Writes a synthetic pack of each size (synth.py), imports each into a fresh data directory,
and measures, each in fresh processes: start-up (warm, and with the data files dropped from
the page cache), memory, the import, the timeline at device pixel ratio 1 and 2 (first
paints, repaints, drags and wheel notches as real input), the window (search typed a key
at a time, categories clicked, the list scrolled, the search box's pause), 10,000 bookmarks
(start-up, the star toggled, the panel opened), and a long scripted session's memory. Prints
the target table with a "met" column and the other tables; --json writes every figure and
every sample. docs/PERFORMANCE.md says what each figure means.
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
from processes import Start

INTERACTIVE_MAX = 100_000  # the window, bookmarks and session are measured up to this size


def sizes_for(events: int) -> list[int]:
    """Return the sizes measured: 1,000 and each power of ten up to N, and N."""
    sizes, power = {events}, 1000
    while power < events:
        sizes.add(power)
        power *= 10
    return sorted(sizes)


def machine() -> dict[str, Any]:
    """Describe where the benchmark ran."""
    from PySide6 import __version__ as pyside

    return {
        "cpus": os.cpu_count(), "python": platform.python_version(), "pyside6": pyside,
        "platform": platform.platform(), "load_average": list(os.getloadavg()),
    }  # fmt: skip


# The most events the benchmark puts in one pack. The app takes packs of up to 200,000 events
# and 200 MB (about 190,000 of these events, with their descriptions); a million events come
# as ten packs, as a collection that large would.
PACK_EVENTS = 100_000


def prepare(size: int, runs: int, work: Path, env: dict[str, str]) -> tuple[Path, dict[str, Any]]:
    """Write size events in packs, import them into fresh data directories; return one of them.

    Above PACK_EVENTS, all packs but the last are put in each data directory's pack folder,
    and the import timed is the last one's: it checks every pack and builds the catalog of
    all of them, which is what importing the lot costs once the others are there.
    """
    folder = work / f"events-{size}"
    folder.mkdir()
    started = time.monotonic()
    counts = [min(PACK_EVENTS, size - first) for first in range(0, size, PACK_EVENTS)]
    ids = ["benchmark-synthetic" + (f"-{k}" if k else "") for k in range(len(counts))]
    packs = [
        synth.write_pack(folder / f"{ids[k]}.json", count, 2014 + k, k * PACK_EVENTS, ids[k])
        for k, count in enumerate(counts)
    ]
    written = time.monotonic() - started
    data_dirs = [folder / f"data-{n}" for n in range(runs)]
    for data_dir in data_dirs:
        (data_dir / "packs").mkdir(parents=True)
        for pack in packs[:-1]:
            shutil.copyfile(pack, data_dir / "packs" / pack.name)
    timing = processes.imports(data_dirs, packs[-1], env)
    for extra in data_dirs[1:]:
        shutil.rmtree(extra)
    timing["packs"] = len(packs)
    timing["pack_mb"] = sum(pack.stat().st_size for pack in packs) / 1e6
    timing["pack_written_s"] = written
    for pack in packs:
        pack.unlink()  # the catalog holds what is measured; the data folder keeps its own copy
    return data_dirs[0], timing


def keep(result: dict[str, Any], path: Path | None) -> None:
    """Write the figures so far, so that a run stopped early keeps what it measured."""
    if path is not None:
        path.write_text(json.dumps(result, indent=1), encoding="utf-8")


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Measure everything and return the figures."""
    env = processes.environment(work)
    sizes = sizes_for(args.events)
    quick = ["--quick"] if args.quick else []
    interactive = (
        max(s for s in sizes if s <= INTERACTIVE_MAX) if sizes[0] <= INTERACTIVE_MAX else sizes[0]
    )
    result: dict[str, Any] = {
        "benchmark": "museum_app", "format": 2, "events": args.events, "sizes": sizes,
        "interactive_size": interactive, "quick": args.quick, "machine": machine(),
        "data": synth.describe(min(args.events, 20_000)), "import": {}, "timeline": {},
        "timeline_dpr2": {}, "timeline_zh": {}, "window": {},
    }  # fmt: skip
    data_dirs: dict[int, Path] = {}
    for size in sizes:
        say(f"{size:,} events: writing and importing the pack")
        runs = args.import_runs if size <= INTERACTIVE_MAX else 1
        data_dirs[size], result["import"][str(size)] = prepare(size, runs, work, env)
    marked = work / "bookmarks"
    say(f"{args.bookmarks:,} bookmarks on the {interactive:,} events")
    made = processes.seed_bookmarks(data_dirs[interactive], marked, args.bookmarks)
    result["bookmarks"] = {"events": interactive, "bookmarks": made}
    starts = {
        "bare": Start(["bare"]),
        "widgets": Start(["widgets"]),
        "shipped": Start(["app", str(work / "shipped")]),
    }
    for size, folder in data_dirs.items():
        starts[str(size)] = Start(["app", str(folder)])
        starts[f"{size} cold"] = Start(["app", str(folder)], processes.data_files(folder))
    starts["bookmarks"] = Start(["app", str(marked)])
    keep(result, args.json)
    say("start-up and memory, every kind of start in turn")
    result["startup"] = processes.start_ups(starts, args.startup_runs, env, args.drop_all_caches)
    for size, folder in data_dirs.items():
        key = str(size)
        say(f"{size:,} events: the timeline at device pixel ratio 1")
        result["timeline"][key] = processes.ui_worker("timeline", folder, env, *quick)
        keep(result, args.json)
        if size > INTERACTIVE_MAX:
            continue
        say(f"{size:,} events: the timeline at device pixel ratio 2")
        result["timeline_dpr2"][key] = processes.ui_worker(
            "timeline", folder, processes.at_ratio(env, 2), *quick
        )
        say(f"{size:,} events: the window (typing, categories, the list, the search's pause)")
        result["window"][key] = processes.ui_worker("window", folder, env, *quick)
    keep(result, args.json)
    folder = data_dirs[interactive]
    say(f"{interactive:,} events: the timeline with titles in Chinese where there are")
    result["timeline_zh"][str(interactive)] = processes.ui_worker(
        "timeline", folder, env, "--language", "zh_CN", *quick
    )
    keep(result, args.json)
    say(f"{made:,} bookmarks: the star toggled, the panel opened")
    result["bookmarks"].update(processes.ui_worker("bookmarks", marked, env, *quick))
    if args.session_minutes > 0:
        say(f"a session of {args.session_minutes:g} minutes on {interactive:,} events")
        result["session"] = processes.ui_worker(
            "session", folder, env, "--minutes", str(args.session_minutes)
        )
    keep(result, args.json)
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
    p.add_argument("--quick", action="store_true", help="few repeats: checks that it runs, not speed")
    p.add_argument("--startup-runs", type=int, help="start-ups of each kind (default 9; quick 2)")
    p.add_argument(
        "--import-runs", type=int, help="imports of each pack up to 100,000 (default 3; quick 1)"
    )
    p.add_argument("--bookmarks", type=int, default=10_000, help="bookmarks for their figures (10,000)")
    p.add_argument(
        "--session-minutes", type=float, help="the long session (default 10; quick 0.5; 0: none)"
    )
    p.add_argument(
        "--drop-all-caches",
        action="store_true",
        help="cold starts drop the whole page cache (as root), not only the data files' pages",
    )
    p.add_argument("--work-dir", type=Path, help="where packs and data go (default: a temporary one)")
    p.add_argument("--keep", action="store_true", help="keep the packs and data directories")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    args = parser().parse_args(argv)
    if args.events < 1 or args.bookmarks < 1:
        print("run.py: --events and --bookmarks must be at least 1", file=sys.stderr)
        return 2
    args.startup_runs = args.startup_runs or (2 if args.quick else 9)
    args.import_runs = args.import_runs or (1 if args.quick else 3)
    if args.session_minutes is None:
        args.session_minutes = 0.5 if args.quick else 10.0
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
