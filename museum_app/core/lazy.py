"""A sequence whose entries are made only when asked for, from columns kept elsewhere."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """Index like a list (negative indexes and slices too); subclasses say how to make entry i.

    Made entries are kept when keep is true: 100,000 rows cost nothing until they are drawn,
    and one drawn again is not made again.
    """

    def __init__(self, keep: bool = True) -> None:
        self._made: dict[int, T] | None = {} if keep else None

    @abstractmethod
    def _make(self, index: int) -> T:
        """Make the entry at index, which is known to be in range."""

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        """Return an entry, made the first time it is asked for."""
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if self._made is None:
            return self._make(index)
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = self._make(index)
        return made
