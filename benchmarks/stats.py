"""Timing helpers: wall and CPU clocks in milliseconds, medians and 95th and 99th percentiles.

Each step is timed twice: by the wall clock (what a person waits) and by the CPU time of the
thread that ran it (what the app spent: on a shared machine, other processes add to the
first but not to the second).
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any


def now_ms() -> float:
    """Return a monotonic wall-clock time in milliseconds."""
    return time.perf_counter() * 1000.0


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0-100), interpolating between the nearest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(k), math.ceil(k)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def summary(samples: Sequence[float], cpu: Sequence[float] = ()) -> dict[str, Any]:
    """Return the median, 95th and 99th percentiles, extremes and count of samples (ms)."""
    result = {
        "median_ms": statistics.median(samples) if samples else math.nan,
        "p95_ms": percentile(samples, 95),
        "p99_ms": percentile(samples, 99),
        "min_ms": min(samples, default=math.nan),
        "max_ms": max(samples, default=math.nan),
        "runs": len(samples),
    }
    if cpu:
        result["cpu_median_ms"] = statistics.median(cpu)
        result["cpu_p95_ms"] = percentile(cpu, 95)
    return result


class Samples:
    """Steps timed by the wall clock and by the thread's CPU time."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, action: Callable[[], object]) -> float:
        """Run action once, keep its times, and return its wall-clock time."""
        cpu, start = time.thread_time(), now_ms()
        action()
        wall = now_ms() - start
        self.wall.append(wall)
        self.cpu.append((time.thread_time() - cpu) * 1000.0)
        return wall

    def extend(self, other: Samples) -> None:
        """Add another set of samples to these."""
        self.wall += other.wall
        self.cpu += other.cpu

    def summary(self) -> dict[str, Any]:
        """Return the summary of the wall-clock times, with the CPU times' median and p95."""
        return summary(self.wall, self.cpu)


def timed(action: Callable[[], object]) -> float:
    """Run action once and return its wall-clock time in milliseconds."""
    start = now_ms()
    action()
    return now_ms() - start
