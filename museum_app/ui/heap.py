"""Hand back to the system the memory a filter's work left free, once the window is idle."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

# A filter or search changed this long ago and none since: its transient work is all freed.
IDLE_MS = 1000

Trim = Callable[[int], object]


def system_trim() -> Trim | None:
    """Return the C library's malloc_trim, or None where there is none (not glibc)."""
    if not sys.platform.startswith("linux"):
        return None
    # The running program's own symbols include its C library's: no search for a file.
    found: Trim | None = getattr(ctypes.CDLL(None), "malloc_trim", None)
    return found


class HeapTrimmer(QObject):
    """Return the C allocator's free pages to the system a moment after the shown events change.

    A new filter builds and drops masks, indexes, query results and pictures of some megabytes;
    glibc keeps what is freed for later, in the middle of its heap, where only malloc_trim
    hands it back.
    """

    def __init__(self, parent: QObject | None = None, trim: Trim | None = None) -> None:
        super().__init__(parent)
        self._trim, self._looked_up = trim, trim is not None
        self._timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._timer.timeout.connect(self.trim_now)

    def schedule(self) -> None:
        """Trim once no change has come for a moment (a typed search changes it at every key)."""
        self._timer.start()

    def pending(self) -> bool:
        """Say whether a trim is waiting for the window to be idle."""
        return self._timer.isActive()

    def trim_now(self) -> None:
        """Hand the free pages back now, if the C library can."""
        if not self._looked_up:
            self._trim, self._looked_up = system_trim(), True
        if self._trim is not None:
            self._trim(0)
