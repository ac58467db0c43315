"""Run the probes in fresh processes: start-up and memory (interleaved), imports, the UI worker."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stats import summary

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable  # the same interpreter (the venv's) for the baseline and the app


def environment(work: Path) -> dict[str, str]:
    """Return the environment of every probe: offscreen Qt, files kept out of the person's.

    Compiled bytecode is written (under work, not beside the sources) and used, as it is
    in an installed app: without it every start compiles the app's modules again.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["MUSEUM_APP_CONFIG_DIR"] = str(work / "config")
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("MUSEUM_APP_DATA_DIR", None)
    return env


def run_probe(args: Sequence[str], env: dict[str, str], timeout: float = 900) -> dict[str, Any]:
    """Start a probe process, stamping when it was started, and return what it printed."""
    env = dict(env)
    env["BENCH_STARTED"] = repr(time.monotonic() * 1000)
    done = subprocess.run(
        [PYTHON, str(HERE / "probe.py"), *args],
        env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"probe {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def start_ups(
    targets: dict[str, Path | None], runs: int, env: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """Time start-up and memory of each target, one run of each in turn, after a warm-up.

    targets maps a name to a data directory, or to None for a window with no app: the bare
    window, or "widgets" (probe.py widgets). The warm-up run (not counted) builds a catalog
    that is missing and fills the disk cache.
    """
    samples: dict[str, list[dict[str, Any]]] = {name: [] for name in targets}
    for round_ in range(runs + 1):
        for name, data_dir in targets.items():
            args = [name] if data_dir is None else ["app", str(data_dir)]
            figures = run_probe(args, env)
            if round_ > 0:
                samples[name].append(figures)
    result = {}
    for name, runs_of in samples.items():
        times = [r["first_paint_ms"] for r in runs_of]
        memory = [r["rss_mb"] for r in runs_of]
        result[name] = {**summary(times), "rss_mb": statistics.median(memory), "samples": times}
    return result


def imports(data_dirs: Sequence[Path], pack: Path, env: dict[str, str]) -> dict[str, Any]:
    """Import a pack into each of several fresh data directories; return the times."""
    seconds = []
    events = 0
    for data_dir in data_dirs:
        figures = run_probe(["import", str(data_dir), str(pack)], env, timeout=3600)
        seconds.append(figures["import_s"])
        events = figures["events"]
    times = summary([s * 1000 for s in seconds])
    return {
        "median_s": times["median_ms"] / 1000, "p95_s": times["p95_ms"] / 1000,
        "runs": len(seconds), "events_in_catalog": events, "samples_s": seconds,
    }  # fmt: skip


def ui_worker(task: str, data_dir: Path, quick: bool, env: dict[str, str]) -> dict[str, Any]:
    """Run one UI measurement (timeline or window) on a data directory in a fresh process."""
    args = [PYTHON, str(HERE / "ui_worker.py"), task, str(data_dir), *(["--quick"] if quick else [])]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=3600, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"ui_worker {task} failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result
