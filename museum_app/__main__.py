"""Run museum_app with `python -m museum_app`."""

from __future__ import annotations

import sys

from museum_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
