"""Browser-like history of the events a person viewed: back and forward."""

from __future__ import annotations


class History:
    """A list of visited event ids with a cursor; visiting after going back drops the forward part."""

    def __init__(self, limit: int = 500) -> None:
        self._visited: list[str] = []
        self._cursor = -1
        self._limit = limit

    def visit(self, event_id: str) -> None:
        """Record that an event was viewed (a repeat of the current one is not a new step)."""
        if self.current() == event_id:
            return
        del self._visited[self._cursor + 1 :]
        self._visited.append(event_id)
        if len(self._visited) > self._limit:
            del self._visited[0]
        self._cursor = len(self._visited) - 1

    def current(self) -> str | None:
        """Return the event viewed now."""
        return self._visited[self._cursor] if self._cursor >= 0 else None

    def can_go_back(self) -> bool:
        """Return whether there is an earlier event."""
        return self._cursor > 0

    def can_go_forward(self) -> bool:
        """Return whether there is a later event (after going back)."""
        return self._cursor < len(self._visited) - 1

    def back(self) -> str | None:
        """Step back and return the event there."""
        if not self.can_go_back():
            return None
        self._cursor -= 1
        return self.current()

    def forward(self) -> str | None:
        """Step forward and return the event there."""
        if not self.can_go_forward():
            return None
        self._cursor += 1
        return self.current()
