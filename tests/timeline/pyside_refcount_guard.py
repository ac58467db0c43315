"""Keep PySide6 6.12.0 on Python 3.11 from aborting the test run (a bug outside this project).

There, every Qt method that returns nothing takes a reference from None, and every signal
emit one from True, without giving them back; after some thousands of calls CPython frees
the singleton and aborts ("none_dealloc", "bool_dealloc"). PySide6 6.11 does not do it,
and from Python 3.12 these singletons are immortal. Until the environment moves on, tests
that drive Qt give them spare references first. This is only done where the leak is
detected, so the fixture does nothing once the environment is fixed.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Signal

SPARE = 10_000_000


class _Probe(QObject):
    """Something to call a void method and emit a signal on."""

    poked = Signal()


def _leaks() -> bool:
    """Say whether Qt calls drop references to None or True."""
    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(10):
        probe.setObjectName("probe")
        probe.poked.emit()
    return (sys.getrefcount(None), sys.getrefcount(True)) < before


LEAKS = sys.version_info < (3, 12) and _leaks()


@pytest.fixture(autouse=True)
def spare_singleton_references() -> Iterator[None]:
    """Give None, True and False references to spare, where Qt takes them."""
    if LEAKS:
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += SPARE
    yield
