"""The benchmark runs at a small size and writes well-formed figures (never a speed check)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("repaint", "pan", "zoom")


def positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def test_the_benchmark_runs_and_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MUSEUM_APP_")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--events", "200", "--reference",
         "100", "--quick", "--json", str(out), "--work-dir", str(tmp_path / "work")],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "target at N = 200" in done.stdout
    assert "The same kinds of widgets with no app code" in done.stdout
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["events"] == 200 and result["reference_events"] == 100
    assert result["sizes"] == [100, 200]
    for name in ("bare", "widgets", "shipped", "100", "200"):
        startup = result["startup"][name]
        assert positive(startup["median_ms"]) and positive(startup["p95_ms"])
        assert positive(startup["rss_mb"]) and startup["runs"] == 2
    for size in ("100", "200"):
        assert positive(result["import"][size]["median_s"])
        assert result["import"][size]["events_in_catalog"] == int(size) + 27  # and the shipped
        timeline = result["timeline"][size]
        assert positive(timeline["first_render"]["median_ms"])
        for step in STEPS:
            assert positive(timeline[step]["median_ms"]) and positive(timeline[step]["p95_ms"])
            assert positive(timeline["back_to_back"][step]["p95_ms"])
        levels = timeline["repaint"]["levels"]
        assert list(levels) == ["whole span", "decade", "year", "month", "day"]
        assert all(positive(level["first_paint_ms"]) for level in levels.values())
        for what in ("filter", "search"):
            assert positive(result["window"][size][what]["p95_ms"])
    assert len(result["targets"]) == 12
    for target in result["targets"]:
        assert target["unit"] in ("x", "ms", "MB", "s") and positive(target["limit"])
        assert isinstance(target["met"], bool) and not math.isnan(target["value"])
    assert not (tmp_path / "work").exists() or not any((tmp_path / "work").iterdir())
