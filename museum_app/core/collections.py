"""A collection: the events of one pack, shipped with the app or imported by the person."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Collection:
    """One pack as the window lists it: shown or hidden, and removable when it was imported."""

    id: str
    title: str
    count: int  # events in it
    imported: bool  # imported by the person (removable), not shipped with the app
