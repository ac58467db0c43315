"""What a search asks for: its words, each matched as a prefix."""

from __future__ import annotations

import pytest

from museum_app.core.query import EventFilter


@pytest.mark.parametrize(
    ("search", "words"),
    [
        ("WeChat", ["wechat"]),
        ("  Alibaba   IPO ", ["alibaba", "ipo"]),
        ("snake_case", ["snake", "case"]),  # "_" splits words, as in the full-text index
        ('"unbalanced AND (', ["unbalanced", "and"]),
        ("We", ["we"]),
        ("W", []),  # one letter would match nearly everything: searching starts with the second
        ("7", []),
        ("Windows 7", ["windows", "7"]),
        ("网", ["网"]),  # one Chinese character is a word of its own
        ("", []),
    ],
)
def test_a_search_splits_into_the_words_that_must_all_match(search: str, words: list[str]) -> None:
    query = EventFilter(search=search)
    assert query.search_words() == words
    assert query.is_empty == (not words)
