"""Show the benchmark's synthetic events in vis-timeline, in headless Chromium, and time it.

  python benchmarks/peers/peer.py [--sizes 1000,10000,100000,1000000] [--limit 120] [--json FILE]

Times the first render (DataSet and Timeline made, first frame painted) and zoom steps at
each size, each size in a fresh browser with a time limit, four ways: without and with
vis-timeline's clustering, at device pixel ratio 1 and 2. Its clock starts where
museum_app's first render starts: the events in memory (see measure.mjs). Needs Debian's chromium
(apt-get install -y chromium) and Node.js; installs vis-timeline, vis-data and
playwright-core from the npm registry into benchmarks/peers/node_modules the first time.
Run by hand, not by the test suite.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import synth  # noqa: E402 (the benchmark's own generator, one folder up)

CHROMIUM = Path("/usr/bin/chromium")


def missing() -> list[str]:
    """Say what this harness needs and cannot find."""
    problems = []
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} (Debian's chromium: apt-get install -y chromium)")
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            problems.append(f"{tool} (Node.js: apt-get install -y nodejs npm)")
    return problems


def install() -> None:
    """Install the npm packages the harness uses, once."""
    if (HERE / "node_modules" / "vis-timeline").exists() and (
        HERE / "node_modules" / "playwright-core"
    ).exists():
        return
    subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def version(package: str) -> str:
    """Return the installed version of an npm package."""
    manifest = HERE / "node_modules" / package / "package.json"
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def measure_one(items: Path, size: int, limit: float, cluster: bool, ratio: int) -> Any:
    """Time vis-timeline on one size in a browser of its own; a browser that hangs is a timeout.

    The page's own limit stops the clock; this one is for a browser that stops answering
    while it loads the items (at a million it may not come back at all).
    """
    out = items / f"result-{size}.json"
    command = [
        "node", str(HERE / "measure.mjs"), "--items", str(items), "--sizes", str(size),
        "--limit", str(limit), "--out", str(out), "--chromium", str(CHROMIUM), "--dpr", str(ratio),
        *(["--cluster"] if cluster else []),
    ]  # fmt: skip
    try:
        subprocess.run(command, cwd=HERE, check=True, timeout=2 * limit + 180)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "limit_s": 2 * limit + 180, "stopped": "browser not answering"}
    return json.loads(out.read_text(encoding="utf-8"))[str(size)]


def measure(sizes: list[int], limit: float) -> dict[str, Any]:
    """Write the items of each size and time vis-timeline on them, each way."""
    with tempfile.TemporaryDirectory(prefix="vis-peer-items-") as folder:
        items = Path(folder)
        for size in sizes:
            data = synth.peer_items(size)
            (items / f"items-{size}.json").write_text(json.dumps(data), encoding="utf-8")
        runs = []
        for cluster in (False, True):
            for ratio in (1, 2):
                runs.append({
                    "options": "clustering (maxItems 1)" if cluster else "defaults, no clustering",
                    "cluster": cluster, "device_pixel_ratio": ratio,
                    "sizes": {str(size): measure_one(items, size, limit, cluster, ratio)
                              for size in sizes},
                })  # fmt: skip
    browser = subprocess.run(
        [str(CHROMIUM), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "tool": "vis-timeline",
        "versions": {p: version(p) for p in ("vis-timeline", "vis-data", "playwright-core")},
        "browser": browser,
        "time_limit_s": limit,
        "viewport": "a 1600x600 timeline (CSS pixels) in a 1700x700 page",
        "clock": "from the items in the page's memory to the first painted frame",
        "runs": runs,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the peer benchmark."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000,100000,1000000", help="numbers of events, by commas")
    p.add_argument("--limit", type=float, default=120.0, help="seconds allowed for each size")
    p.add_argument("--json", type=Path, help="write the figures to this file")
    args = p.parse_args(argv)
    problems = missing()
    if problems:
        print("peer.py: missing: " + "; ".join(problems), file=sys.stderr)
        return 2
    install()
    result = measure([int(s) for s in args.sizes.split(",")], args.limit)
    for run in result["runs"]:
        print(f"{run['options']}, device pixel ratio {run['device_pixel_ratio']}:")
        for size, figures in run["sizes"].items():
            if figures["status"] == "ok":
                print(
                    f"  {int(size):>9,} items: first render {figures['first_render_ms']:9.1f} ms, "
                    f"zoom step median {figures['zoom_step']['median_ms']:.1f} ms, "
                    f"p95 {figures['zoom_step']['p95_ms']:.1f} ms"
                )
            else:
                print(f"  {int(size):>9,} items: {figures['status']}")
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
