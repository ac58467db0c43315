"""The browser's filter by masks agrees with the catalog's own queries, event by event."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from museum_app.core.query import EventFilter
from museum_app.store.library import Library
from museum_app.ui.browser import Browser

FILTERS = [
    EventFilter(categories=frozenset({"mobile"})),
    EventFilter(categories=frozenset({"mobile", "governance"})),
    EventFilter(categories=frozenset()),
    EventFilter(search="wechat"),
    EventFilter(search="in"),
    EventFilter(search="internet", categories=frozenset({"governance", "international"})),
    EventFilter(search="no-such-thing"),
    EventFilter(search="红包"),
    EventFilter(search="信"),
    EventFilter(search="WeChat 红包"),
    EventFilter(ids=frozenset({"2014-11-19-world-internet-conference", "gone"})),
]


@pytest.fixture
def browser(qtbot, library: Library) -> Iterator[Browser]:
    """Return a browser over the shipped data."""
    yield Browser(library)


def shown(browser: Browser) -> list[str]:
    """Return the ids the browser's mask lets through, in date order."""
    mask = browser.visible()
    ids = browser.summaries.ids
    return list(ids) if mask is None else [i for i, bit in zip(ids, mask, strict=True) if bit]


@pytest.mark.parametrize("query", FILTERS, ids=repr)
def test_the_mask_lets_through_what_the_catalog_finds(browser: Browser, query: EventFilter) -> None:
    visible: list[object] = []
    browser.visible_changed.connect(visible.append)
    browser.set_filter(query)
    assert shown(browser) == browser.library.catalog.ids(query)
    assert visible == [browser.visible()]
    assert browser.counts() == browser.library.catalog.category_counts(query)


@pytest.mark.parametrize("query", FILTERS, ids=repr)
def test_stepping_follows_the_filter_as_the_catalog_orders_it(
    browser: Browser, query: EventFilter
) -> None:
    catalog = browser.library.catalog
    browser.set_filter(query)
    wanted = catalog.ids(query)
    browser.step(+1)
    if not wanted:
        assert browser.current is None
        return
    assert browser.current is not None and browser.current.id == wanted[0]
    for following in wanted[1:]:
        assert browser.neighbours() == catalog.neighbours(browser.current.id, query)
        browser.step(+1)
        assert browser.current.id == following
    browser.step(+1)
    assert browser.current.id == wanted[-1], "no step past the last"


def test_neighbours_of_an_event_the_filter_hides_are_the_nearest_shown(browser: Browser) -> None:
    catalog = browser.library.catalog
    every = catalog.ids()
    browser.go_to(every[10])
    query = EventFilter(categories=frozenset({"mobile"}))
    browser.set_filter(query)
    assert browser.neighbours() == catalog.neighbours(every[10], query)


def test_counts_change_with_the_search_only(browser: Browser) -> None:
    counts: list[dict[str, int]] = []
    browser.counts_changed.connect(counts.append)
    browser.set_categories(frozenset({"mobile"}))
    assert counts == [], "ticking categories does not change the counts beside them"
    browser.set_search("wechat")
    assert counts == [browser.library.catalog.category_counts(EventFilter(search="wechat"))]


def test_related_events_are_worked_out_once_per_event(browser: Browser) -> None:
    every = browser.library.catalog.ids()
    browser.go_to(every[3])
    first = browser.related()
    assert first == browser.library.catalog.related(every[3])
    assert browser.related() is first
    browser.go_to(every[4])
    assert browser.related() == browser.library.catalog.related(every[4])


def test_the_language_gives_the_titles_in_it_and_keeps_the_filter(browser: Browser) -> None:
    red = "2014-01-27-wechat-red-envelope"
    browser.set_search("红包")
    before = shown(browser)
    told: list[str] = []
    browser.language_changed.connect(told.append)
    browser.set_language("zh_CN")
    assert told == ["zh_CN"] and browser.language == "zh_CN"
    rank = browser.summaries.rank_of(red)
    assert rank is not None and browser.summaries[rank].title == "微信红包上线"
    assert shown(browser) == before == [red]
    browser.set_language("zh_CN")
    assert told == ["zh_CN"]  # no change, no signal
    browser.set_language("en")
    assert browser.summaries[rank].title == "WeChat Red Envelope launched"
