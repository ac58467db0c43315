"""Back and forward through viewed events."""

from __future__ import annotations

from museum_app.core.history import History


def test_back_and_forward_like_a_browser() -> None:
    history = History()
    assert history.back() is None and history.current() is None
    for event_id in ("a", "b", "b", "c"):
        history.visit(event_id)
    assert history.back() == "b" and history.back() == "a" and history.back() is None
    assert history.forward() == "b"
    history.visit("d")
    assert not history.can_go_forward()
    assert history.back() == "b" and history.back() == "a"


def test_history_is_bounded() -> None:
    history = History(limit=3)
    for event_id in "abcde":
        history.visit(event_id)
    assert [history.back(), history.back(), history.back()] == ["d", "c", None]
