"""The benchmark runs at a small size and writes well-formed figures (never a speed check)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import report  # noqa: E402 (the benchmark's own modules, beside the app)
import synth  # noqa: E402

FRAMES = ("repaint", "pan", "zoom", "drag")


def positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def test_the_benchmark_runs_and_writes_every_figure_and_every_target(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MUSEUM_APP_")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--events", "200", "--quick",
         "--bookmarks", "50", "--session-minutes", "0.05", "--json", str(out),
         "--work-dir", str(tmp_path / "work")],
        env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "target" in done.stdout and " met" in done.stdout
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["sizes"] == [200] and result["interactive_size"] == 200
    for name in ("bare", "widgets", "shipped", "200", "200 cold", "bookmarks"):
        assert positive(result["startup"][name]["median_ms"]) and positive(
            result["startup"][name]["rss_mb"]
        )
    assert result["import"]["200"]["events_in_catalog"] == 200 + 27  # and the shipped
    for key in ("timeline", "timeline_dpr2"):
        timeline = result[key]["200"]
        assert timeline["device_pixel_ratio"] == (1 if key == "timeline" else 2)
        for step in FRAMES:
            assert positive(timeline[step]["p95_ms"]) and positive(timeline[step]["p99_ms"])
        assert "gc" in timeline["drag"] and positive(timeline["drag"]["longest_stall_ms"])
        assert list(timeline["first_paint"]["levels"]) == [
            "whole span",
            "decade",
            "year",
            "month",
            "day",
        ]
    assert result["timeline_zh"]["200"]["language"] == "zh_CN"
    window = result["window"]["200"]
    for what in ("filter", "search"):
        steps = window[what]["steps"]  # every step kept, with what it painted
        assert steps and all(positive(step["ms"]) and step["painted"] for step in steps)
    assert all(step["toggled"] for step in window["filter"]["steps"])  # the clicks hit the boxes
    assert {step["text"] for step in window["search"]["steps"]} >= {"W", "We", "WeChat", ""}
    assert set(window["typing"]["by_delay"]) == {"0", "100"}
    marks = result["bookmarks"]
    assert marks["bookmarks"] == 50 and marks["open_panel"]["rows"] == 50
    assert all(step["toggled"] for step in marks["toggle_panel_closed"]["steps"])
    assert result["session"]["rounds"] >= 2 and positive(result["session"]["rss_after_mb"])
    check_targets(result)
    assert report.tables(result, markdown=True).startswith("| target | measured | limit | met |")
    assert not (tmp_path / "work").exists() or not any((tmp_path / "work").iterdir())


def check_targets(result: dict[str, Any]) -> None:
    """Every target names where its figure is, and says met or not."""
    names = [target["name"] for target in result["targets"]]
    assert len(names) == len(set(names)) >= 25
    for target in result["targets"]:
        assert target["unit"] in ("x", "ms", "MB", "s") and positive(target["limit"])
        assert isinstance(target["met"], bool) and not math.isnan(target["value"])
        assert target["where"].split(".")[0] in result


def test_the_synthetic_events_are_like_real_ones() -> None:
    events = list(synth.events(3000))
    chinese = sum(any("\u4e00" <= c <= "\u9fff" for c in e["title"]) for e in events) / len(events)
    assert 0.25 < chinese < 0.35
    assert {len(e["categories"]) for e in events} == {1, 2, 3}
    lengths = synth.describe(3000)["ranges_by_length"]
    assert lengths["up to a week"] > 0 and lengths["over ten years"] > 0
    days = [e["date"]["start"] for e in events if len(e["date"]["start"]) == 10]
    busiest_week = max(sum(d[:7] == month for d in days) for month in {d[:7] for d in days})
    assert busiest_week > 3 * len(days) / 480  # bursts: far above an even spread over 40 years
    words = " ".join(e["description"] for e in events if e["description"].isascii()).split()
    assert words.count("the") > 20 * max(1, words.count("broadband"))  # common words far commoner
