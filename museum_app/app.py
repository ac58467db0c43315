"""Start the window: check for a display, build the Qt application and the main window."""

from __future__ import annotations

import argparse
import os
import sys


def display_problem() -> str | None:
    """Say why no window can be shown here, or None if one can."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return (
            "no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set). Run the app "
            "in a desktop session, or under a virtual one: xvfb-run -a museum-app. The headless "
            "commands (museum-app list, show, bookmark ...) work without a display."
        )
    return None


def run_from_args(args: argparse.Namespace) -> int:
    """Open the window as the command line asked."""
    problem = display_problem()
    if problem is not None:
        print(f"museum-app: {problem}", file=sys.stderr)
        return 2
    print("museum-app: the window is not built yet; use the headless commands "
          "(museum-app --help).", file=sys.stderr)  # fmt: skip
    return 2
