"""Turn the benchmark's figures into targets met or not, a console table and Markdown tables.

python benchmarks/report.py RESULT.json   print the Markdown tables of a run
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Result = dict[str, Any]
FRAME_HALF_MS = 8.0
STEPS = ("repaint", "pan", "zoom")


def _ratio(a: float, b: float) -> float:
    """Return a / b, or NaN when b is not a positive number."""
    return a / b if b and b > 0 else math.nan


def startup_ratio(result: Result, name: str) -> float:
    """Return a window's median start-up over the bare window's."""
    start = result["startup"]
    return _ratio(start[name]["median_ms"], start["bare"]["median_ms"])


def memory_above_bare(result: Result, name: str) -> float:
    """Return a window's resident memory after start-up above the bare window's, in MB."""
    start = result["startup"]
    return float(start[name]["rss_mb"] - start["bare"]["rss_mb"])


def step_ratio(result: Result, step: str, size: str) -> float:
    """Return a timeline step's median at size over its median at the reference size."""
    here = result["timeline"][size][step]["median_ms"]
    there = result["timeline"][str(result["reference_events"])][step]["median_ms"]
    return _ratio(here, there)


def targets(result: Result) -> list[dict[str, Any]]:
    """Return each target at N with the figure measured and whether it is met."""
    n = str(result["events"])
    rows: list[tuple[str, float, float, str]] = [
        ("start-up with the shipped data / bare window", startup_ratio(result, "shipped"), 1.5, "x"),
        (f"start-up with {int(n):,} events / bare window", startup_ratio(result, n), 2.5, "x"),
    ]
    for step in STEPS:
        rows.append(
            (f"{step} median / its median at the reference", step_ratio(result, step, n), 1.5, "x")
        )
        rows.append(
            (f"{step} 95th percentile", result["timeline"][n][step]["p95_ms"], FRAME_HALF_MS, "ms")
        )
    for what in ("filter", "search"):
        rows.append((f"{what} update 95th percentile", result["window"][n][what]["p95_ms"], 50.0, "ms"))
    rows.append(("memory above the bare window", memory_above_bare(result, n), 150.0, "MB"))
    rows.append(("import (median)", result["import"][n]["median_s"], 10.0, "s"))
    return [
        {"name": name, "value": value, "limit": limit, "unit": unit, "met": bool(value <= limit)}
        for name, value, limit, unit in rows
    ]


def _ms(value: float) -> str:
    return "n/a" if value is None or math.isnan(value) else f"{value:.1f}"


def scaling_rows(result: Result) -> list[tuple[str, Callable[[str], str]]]:
    """Return the scaling table's rows: a label and how to read the figure at a size."""
    t, w, s = result["timeline"], result["window"], result["startup"]

    def step(name: str, key: str) -> Callable[[str], str]:
        return lambda size: _ms(t[size][name][key])

    return [
        ("start-up, median ms", lambda size: _ms(s[size]["median_ms"])),
        ("start-up / bare window", lambda size: f"{startup_ratio(result, size):.2f}x"),
        ("memory above bare, MB", lambda size: f"{memory_above_bare(result, size):.0f}"),
        ("import, median s", lambda size: f"{result['import'][size]['median_s']:.2f}"),
        ("repaint, median ms", step("repaint", "median_ms")),
        ("repaint, p95 ms", step("repaint", "p95_ms")),
        ("pan step, median ms", step("pan", "median_ms")),
        ("pan step, p95 ms", step("pan", "p95_ms")),
        ("zoom step, median ms", step("zoom", "median_ms")),
        ("zoom step, p95 ms", step("zoom", "p95_ms")),
        ("zoom step back to back, p95 ms", lambda size: _ms(t[size]["back_to_back"]["zoom"]["p95_ms"])),
        ("longest idle slice, ms", lambda size: _ms(t[size]["longest_idle_slice_ms"])),
        ("category toggle, median ms", lambda size: _ms(w[size]["filter"]["median_ms"])),
        ("category toggle, p95 ms", lambda size: _ms(w[size]["filter"]["p95_ms"])),
        ("search keystroke, median ms", lambda size: _ms(w[size]["search"]["median_ms"])),
        ("search keystroke, p95 ms", lambda size: _ms(w[size]["search"]["p95_ms"])),
    ]


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


def tables(result: Result, markdown: bool) -> str:
    """Return the targets, scaling, per-level repaint and peer tables."""
    sizes = [str(s) for s in result["sizes"]]
    parts = []
    header = ["target at N = " + f"{result['events']:,}", "measured", "limit", "met"]
    rows = [
        [t["name"], f"{t['value']:.2f} {t['unit']}", f"{t['limit']:g} {t['unit']}",
         "yes" if t["met"] else "NO"]
        for t in result["targets"]
    ]  # fmt: skip
    parts.append(_table(header, rows, markdown))
    header = ["figure", *(f"{int(s):,} events" for s in sizes)]
    parts.append(
        _table(header, [[label, *map(read, sizes)] for label, read in scaling_rows(result)], markdown)
    )
    levels = list(result["timeline"][sizes[-1]]["repaint"]["levels"])
    header = ["full repaint, median / p95 ms", *(f"{int(s):,} events" for s in sizes)]
    rows = []
    for level in levels:
        cells = []
        for size in sizes:
            figure = result["timeline"][size]["repaint"]["levels"][level]
            cells.append(f"{_ms(figure['median_ms'])} / {_ms(figure['p95_ms'])}")
        rows.append([level, *cells])
    parts.append(_table(header, rows, markdown))
    bare = result["startup"]["bare"]
    line = (
        f"Bare window: start-up {_ms(bare['median_ms'])} ms (p95 {_ms(bare['p95_ms'])}), "
        f"{bare['rss_mb']:.0f} MB. Shipped data: {_ms(result['startup']['shipped']['median_ms'])} ms, "
        f"{result['startup']['shipped']['rss_mb']:.0f} MB."
    )
    widgets = result["startup"].get("widgets")  # not in results from before it was measured
    if widgets is not None:
        line += (
            f" The same kinds of widgets with no app code (probe.py widgets): "
            f"{_ms(widgets['median_ms'])} ms, {startup_ratio(result, 'widgets'):.2f} x the bare window."
        )
    parts.append(line)
    if "peer" in result:
        parts.append(peer_table(result, markdown))
    return "\n\n".join(parts)


def peer_table(result: Result, markdown: bool) -> str:
    """Return museum_app beside the peer: first render and a zoom step at each size."""
    peer = result["peer"]
    header = ["events", "museum_app first render ms", f"{peer['tool']} first render ms",
              "museum_app zoom step p95 ms", f"{peer['tool']} zoom step p95 ms"]  # fmt: skip
    rows = []
    for size, theirs in sorted(peer["sizes"].items(), key=lambda kv: int(kv[0])):
        ours = result["timeline"].get(size)
        first = _ms(ours["first_render"]["median_ms"]) if ours else "-"
        zoom = _ms(ours["zoom"]["p95_ms"]) if ours else "-"
        if theirs["status"] == "ok":
            render, step = _ms(theirs["first_render_ms"]), _ms(theirs["zoom_step"]["p95_ms"])
        else:
            render = step = theirs["status"]
        rows.append([f"{int(size):,}", first, render, zoom, step])
    return _table(header, rows, markdown)


def console(result: Result) -> str:
    """Return the run's tables as aligned text."""
    load = ", ".join(f"{x:.2f}" for x in result["machine"]["load_average"])
    head = (
        f"museum_app at {result['events']:,} events (reference {result['reference_events']:,}); "
        f"{result['machine']['cpus']} CPUs; load average {load}"
        + (" [quick]" if result["quick"] else "")
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
