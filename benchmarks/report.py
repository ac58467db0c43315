"""Turn the benchmark's figures into targets met or not, a console table and Markdown tables.

python benchmarks/report.py RESULT.json   print the Markdown tables of a run (targets first)
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Result = dict[str, Any]
Row = tuple[str, str, float, float, str]  # name, where in the JSON, value, limit, unit
MILLION = 1_000_000


def _get(result: Result, path: str) -> float:
    """Return the number at a dotted path of the result (NaN where it is missing)."""
    value: Any = result
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return math.nan
        value = value[part]
    return float(value) if isinstance(value, int | float) else math.nan


def _ratio(a: float, b: float) -> float:
    return a / b if b and b > 0 else math.nan


def _frame_rows(result: Result, key: str, size: str, label: str) -> list[Row]:
    """Return the frame targets of the timeline at a size: p95 < 8 ms, p99 < 16 ms each."""
    rows: list[Row] = []
    for step, what in (
        ("repaint", "full repaint"),
        ("pan", "pan (wheel)"),
        ("zoom", "zoom (Ctrl+wheel)"),
        ("drag", "drag (mouse)"),
    ):
        base = f"{key}.{size}.{step}"
        rows.append(
            (f"{what} frame p95, {label}", f"{base}.p95_ms", _get(result, f"{base}.p95_ms"), 8.0, "ms")
        )
        rows.append(
            (f"{what} frame p99, {label}", f"{base}.p99_ms", _get(result, f"{base}.p99_ms"), 16.0, "ms")
        )
    return rows


def first_paint_p95(result: Result, size: str) -> float:
    """Return the p95 of the first paints at new zoom levels, Latin and Chinese titles together."""
    from stats import percentile

    samples = []
    for key in ("timeline", "timeline_zh"):
        levels = result.get(key, {}).get(size, {}).get("first_paint", {}).get("levels", {})
        samples += [v for level in levels.values() for v in level.get("samples", [])]
    return percentile(samples, 95) if samples else math.nan


def targets(result: Result) -> list[dict[str, Any]]:
    """Return each target of the run with the figure measured and whether it is met."""
    size = str(result["interactive_size"])
    at = f"{int(size):,} events"
    start = result["startup"]
    rows: list[Row] = []
    for key, dpr in (("timeline", "1"), ("timeline_dpr2", "2")):
        rows += _frame_rows(result, key, size, f"{at}, DPR {dpr}")
        p95 = (
            first_paint_p95(result, size)
            if dpr == "1"
            else _get(result, f"{key}.{size}.first_paint.p95_ms")
        )
        rows.append(
            (
                f"first paint at a new zoom level p95, {at}, DPR {dpr}"
                + (", CJK included" if dpr == "1" else ""),
                f"{key}.{size}.first_paint",
                p95,
                16.0,
                "ms",
            )
        )
    rows += [
        (
            f"keystroke to results p95 (pause included), {at}",
            f"window.{size}.search.p95_ms",
            _get(result, f"window.{size}.search.p95_ms"),
            100.0,
            "ms",
        ),
        (
            f"category click to idle p95, {at}",
            f"window.{size}.filter.p95_ms",
            _get(result, f"window.{size}.filter.p95_ms"),
            50.0,
            "ms",
        ),
        (
            "start-up with 10,000 bookmarks / with none",
            "startup.bookmarks.median_ms",
            _ratio(
                _get(result, "startup.bookmarks.median_ms"), _get(result, f"startup.{size}.median_ms")
            ),
            1.10,
            "x",
        ),
        (
            "bookmark toggle p95, panel closed",
            "bookmarks.toggle_panel_closed.p95_ms",
            _get(result, "bookmarks.toggle_panel_closed.p95_ms"),
            50.0,
            "ms",
        ),
        (
            "bookmark toggle p95, panel open",
            "bookmarks.toggle_panel_open.p95_ms",
            _get(result, "bookmarks.toggle_panel_open.p95_ms"),
            50.0,
            "ms",
        ),
        (
            f"cold start to first paint (median), {at}",
            f"startup.{size} cold.median_ms",
            _get(result, f"startup.{size} cold.median_ms"),
            1000.0,
            "ms",
        ),
    ]
    if "session" in result:
        rows.append(
            (
                f"memory after a {result['session']['minutes']:g}-minute session / at first paint",
                "session.rss_after_mb",
                _ratio(result["session"]["rss_after_mb"], result["session"]["rss_first_paint_mb"]),
                1.2,
                "x",
            )
        )
    million = str(MILLION)
    if million in result["import"]:
        bare = _get(result, "startup.bare.rss_mb")
        rows += [
            (
                "import of 1,000,000 events",
                f"import.{million}.median_s",
                _get(result, f"import.{million}.median_s"),
                60.0,
                "s",
            ),
            (
                "start-up at 1,000,000 events (median)",
                f"startup.{million}.median_ms",
                _get(result, f"startup.{million}.median_ms"),
                1500.0,
                "ms",
            ),
            *[
                (
                    f"{step} p95 at 1,000,000 events",
                    f"timeline.{million}.{step}.p95_ms",
                    _get(result, f"timeline.{million}.{step}.p95_ms"),
                    16.0,
                    "ms",
                )
                for step in ("repaint", "pan", "zoom")
            ],
            (
                "memory at 1,000,000 events above the bare window",
                f"startup.{million}.rss_mb",
                _get(result, f"startup.{million}.rss_mb") - bare,
                600.0,
                "MB",
            ),
        ]
    rows.append(
        (
            "start-up with the shipped data / bare window",
            "startup.shipped.median_ms",
            _ratio(start["shipped"]["median_ms"], start["bare"]["median_ms"]),
            1.5,
            "x",
        )
    )
    return [
        {
            "name": name,
            "value": value,
            "limit": limit,
            "unit": unit,
            "where": where,
            "met": bool(value < limit) if unit != "x" else bool(value <= limit),
        }
        for name, where, value, limit, unit in rows
    ]


def _n(value: Any, digits: int = 1) -> str:
    if not isinstance(value, int | float) or math.isnan(value):
        return "-"
    return f"{value:,.{digits}f}"


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    """Lay out a table as Markdown or as aligned text."""
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(cells))

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def target_table(result: Result, markdown: bool) -> str:
    """Return the targets, each met or not."""
    rows = [
        [
            t["name"],
            f"{_n(t['value'], 2)} {t['unit']}",
            f"< {t['limit']:g} {t['unit']}" if t["unit"] != "x" else f"<= {t['limit']:g} x",
            "yes" if t["met"] else "NO",
        ]
        for t in result["targets"]
    ]
    return _table(["target", "measured", "limit", "met"], rows, markdown)


def scaling_rows(result: Result) -> list[tuple[str, Callable[[str], str]]]:
    """Return the scaling table's rows: a label and how to read the figure at a size."""

    def at(*paths: str, digits: int = 1) -> Callable[[str], str]:
        """Read the figures at these paths (with {size} in them), joined by a slash."""
        return lambda size: " / ".join(_n(_get(result, p.format(size=size)), digits) for p in paths)

    def bare_above(size: str) -> str:
        return _n(_get(result, f"startup.{size}.rss_mb") - _get(result, "startup.bare.rss_mb"), 0)

    rows = [
        ("import, median s", at("import.{size}.median_s", digits=2)),
        (
            "import's peak memory / its helpers', MB",
            at("import.{size}.peak_rss_mb", "import.{size}.helper_peak_rss_mb", digits=0),
        ),
        (
            "start-up warm / cold, median ms",
            at("startup.{size}.median_ms", "startup.{size} cold.median_ms"),
        ),
        ("memory at first paint above bare, MB", bare_above),
        (
            "first render (items made, given, painted), median ms",
            at("timeline.{size}.first_render.median_ms"),
        ),
        ("first paint at a new level, p95 ms", at("timeline.{size}.first_paint.p95_ms")),
    ]
    for key, dpr in (("timeline", "1"), ("timeline_dpr2", "2")):
        for step in ("repaint", "pan", "zoom", "drag"):
            paths = (f"{key}.{{size}}.{step}.p95_ms", f"{key}.{{size}}.{step}.p99_ms")
            rows.append((f"{step} frame p95 / p99 ms, DPR {dpr}", at(*paths)))
    gc = "timeline.{size}.gc"
    rows += [
        ("longest stall in a drag, ms", at("timeline.{size}.drag.longest_stall_ms")),
        ("Python collections in the timeline run / full / longest ms",
         at(f"{gc}.collections", f"{gc}.full_collections", f"{gc}.longest_ms")),
        ("category click to idle, median / p95 ms",
         at("window.{size}.filter.median_ms", "window.{size}.filter.p95_ms")),
        ("keystroke to results, median / p95 ms",
         at("window.{size}.search.median_ms", "window.{size}.search.p95_ms")),
        ("list scroll frame p95 / p99 ms",
         at("window.{size}.list_scroll.p95_ms", "window.{size}.list_scroll.p99_ms")),
    ]  # fmt: skip
    return rows


def typing_table(result: Result, markdown: bool) -> str:
    """Return the search box's pause tried at each length, at each size."""
    rows = []
    for size, window in result["window"].items():
        for delay, figures in window.get("typing", {}).get("by_delay", {}).items():
            rows.append(
                [
                    f"{int(size):,}",
                    delay,
                    _n(figures["echo"]["p95_ms"]),
                    _n(figures["echo"]["max_ms"]),
                    _n(figures["last_key_to_results"]["p95_ms"]),
                    f"{figures['searches_run']} / {figures['keys']}",
                ]
            )
    header = [
        "events",
        "pause ms",
        "key to its echo p95 ms",
        "echo max ms",
        "last key to results p95 ms",
        "searches run / keys",
    ]
    return _table(header, rows, markdown)


def other_lines(result: Result) -> list[str]:
    """Return the bookmarks, session and start-up figures as sentences."""
    s = result["startup"]
    lines = [
        f"Bare window: start-up {_n(s['bare']['median_ms'])} ms, {_n(s['bare']['rss_mb'], 0)} MB. "
        f"Widgets with no app code: {_n(s['widgets']['median_ms'])} ms. Shipped data: "
        f"{_n(s['shipped']['median_ms'])} ms, {_n(s['shipped']['rss_mb'], 0)} MB. "
        f"Cold starts dropped {s.get('cold_cache_dropped')}."
    ]
    b = result.get("bookmarks", {})
    if "open_panel" in b:
        closed, opened = b["toggle_panel_closed"], b["toggle_panel_open"]
        lines.append(
            f"{b['bookmarks']:,} bookmarks on {b['events']:,} events: start-up "
            f"{_n(s['bookmarks']['median_ms'])} ms; opening the panel {_n(b['open_panel']['ms'])} ms "
            f"({b['open_panel']['rows']:,} rows); a toggle, median / p95: panel closed "
            f"{_n(closed['median_ms'])} / {_n(closed['p95_ms'])} ms, panel open "
            f"{_n(opened['median_ms'])} / {_n(opened['p95_ms'])} ms."
        )
    if "session" in result:
        x = result["session"]
        every = x["per_round"][:: max(1, len(x["per_round"]) // 12)]
        lines.append(
            f"Session of {x['minutes']:g} minutes ({x['rounds']} rounds): "
            f"{_n(x['rss_first_paint_mb'], 0)} MB at first paint, {_n(x['rss_after_mb'], 0)} MB "
            "after; after rounds: " + ", ".join(_n(r["rss_mb"], 0) for r in every) + " MB."
        )
    return lines


def tables(result: Result, markdown: bool) -> str:
    """Return every table of a run, the targets first."""
    sizes = [str(s) for s in result["sizes"]]
    parts = [target_table(result, markdown)]
    header = ["figure", *(f"{int(s):,} events" for s in sizes)]
    parts.append(
        _table(header, [[label, *map(read, sizes)] for label, read in scaling_rows(result)], markdown)
    )
    parts.append(typing_table(result, markdown))
    parts += other_lines(result)
    if "peer" in result:
        parts.append(peer_table(result, markdown))
    return "\n\n".join(parts)


def peer_table(result: Result, markdown: bool) -> str:
    """Return museum_app beside the peer: first render and zoom, each side at each option."""
    peer = result["peer"]
    rows = []
    for run in peer["runs"]:
        for size, theirs in sorted(run["sizes"].items(), key=lambda kv: int(kv[0])):
            ours_key = "timeline" if run["device_pixel_ratio"] == 1 else "timeline_dpr2"
            ours = result.get(ours_key, {}).get(size, {})
            ok = theirs["status"] == "ok"
            rows.append(
                [
                    f"{int(size):,}",
                    f"{run['device_pixel_ratio']:g}",
                    run["options"],
                    _n(theirs["first_render_ms"]) if ok else theirs["status"],
                    _n(ours.get("first_render", {}).get("median_ms")),
                    _n(theirs["zoom_step"]["p95_ms"]) if ok else theirs["status"],
                    _n(ours.get("zoom", {}).get("p95_ms")),
                ]
            )
    header = [
        "events",
        "DPR",
        f"{peer['tool']} options",
        f"{peer['tool']} first render ms",
        "museum_app first render ms",
        f"{peer['tool']} zoom step p95 ms",
        "museum_app zoom frame p95 ms",
    ]
    return _table(header, rows, markdown)


def console(result: Result) -> str:
    """Return the run's tables as aligned text."""
    load = ", ".join(f"{x:.2f}" for x in result["machine"]["load_average"])
    head = (
        f"museum_app at up to {result['events']:,} events; {result['machine']['cpus']} CPUs; "
        f"load average {load}" + (" [quick]" if result["quick"] else "")
    )
    return head + "\n\n" + tables(result, markdown=False)


def main(argv: list[str]) -> int:
    """Print the Markdown tables of a result file."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print(tables(json.loads(Path(argv[0]).read_text(encoding="utf-8")), markdown=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
