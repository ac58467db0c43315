"""Timeline items built by hand for tests: a year of milestones and a synthetic crowd."""

from __future__ import annotations

import random
from datetime import date

from museum_app.timeline.items import ItemKind, TimelineItem

PALETTE = ("#332288", "#882255", "#CC6677", "#88CCEE", "#44AA99", "#117733", "#DDCC77", "#AA4499")


def day(y: int, m: int, d: int) -> float:
    """Return the ordinal day of a date."""
    return float(date(y, m, d).toordinal())


def point(event_id: str, when: date, title: str, colour: int = 0) -> TimelineItem:
    """Return an event on a known day."""
    start = float(when.toordinal())
    label = f"{when.day} {when:%B} {when.year}"
    return TimelineItem(event_id, title, start, start + 1, ItemKind.POINT, (PALETTE[colour],), label)


def span(
    event_id: str, first: date, last: date, title: str, kind: ItemKind, label: str, colour: int = 0
) -> TimelineItem:
    """Return an event over [first, last], both days included."""
    start, end = float(first.toordinal()), float(last.toordinal() + 1)
    return TimelineItem(event_id, title, start, end, kind, (PALETTE[colour],), label)


def sort_items(items: list[TimelineItem]) -> list[TimelineItem]:
    """Sort by the app's one rule: start, then end, then source order."""
    return [it for _, it in sorted(enumerate(items), key=lambda p: (p[1].start, p[1].end, p[0]))]


def year_2014() -> list[TimelineItem]:
    """Return 27 milestones of 2014: points, a range and uncertain spans."""
    u, r = ItemKind.UNCERTAIN, ItemKind.RANGE
    items = [
        point("nsc", date(2014, 1, 24), "National Security Commission set up", 0),
        span("search-order", date(2014, 1, 29), date(2014, 4, 15), "Search engines reorder results",
             u, "2014 (between 29 January and 15 April, by the page's order)", 4),
        point("wechat-pay", date(2014, 1, 27), "Red envelopes spread on WeChat", 6),
        point("lead-group", date(2014, 2, 27), "Central leading group for cyberspace affairs", 0),
        point("alibaba-file", date(2014, 3, 16), "Alibaba plans its US listing", 5),
        point("clean-net", date(2014, 4, 13), "Campaign against online pornography", 2),
        point("jd-ipo", date(2014, 5, 22), "JD.com lists on Nasdaq", 5),
        span("june-rules", date(2014, 6, 1), date(2014, 6, 30), "Rules for instant messaging drafted",
             u, "June 2014", 2),
        point("weibo-ipo", date(2014, 4, 17), "Weibo lists on Nasdaq", 5),
        point("4g-licence", date(2014, 6, 27), "More 4G licences tested", 4),
        point("im-rules", date(2014, 8, 7), "Instant messaging rules take effect", 2),
        point("cyber-week", date(2014, 11, 24), "First cybersecurity week", 1),
        span("wuzhen", date(2014, 11, 19), date(2014, 11, 21), "World Internet Conference in Wuzhen",
             r, "19-21 November 2014", 3),
        point("alibaba-ipo", date(2014, 9, 19), "Alibaba lists in New York", 5),
        point("didi", date(2014, 5, 20), "Ride hailing apps subsidise rides", 6),
        point("xiaomi", date(2014, 12, 29), "Xiaomi valued at 45 billion dollars", 5),
        point("tencent-jd", date(2014, 3, 10), "Tencent buys a stake in JD.com", 5),
        point("baidu-wallet", date(2014, 4, 24), "Baidu wallet launches", 6),
        point("apec", date(2014, 11, 10), "APEC leaders meet in Beijing", 3),
        point("double-11", date(2014, 11, 11), "Singles' Day sales break records", 5),
        point("cac", date(2014, 8, 26), "Cyberspace Administration given powers", 0),
        point("video", date(2014, 7, 15), "Online video watched on phones overtakes PCs", 7),
        point("games", date(2014, 10, 1), "Mobile games boom", 7),
        point("cloud", date(2014, 7, 1), "Cloud computing services open", 4),
        span("year-only", date(2014, 9, 1), date(2014, 10, 31), "Security standards published",
             u, "2014 (between 1 September and 31 October)", 1),
        point("mobile-search", date(2014, 8, 28), "Mobile search overtakes desktop", 6),
        point("ccr", date(2014, 12, 1), "Content rules for accounts", 2),
    ]  # fmt: skip
    assert len(items) == 27
    return sort_items(items)


def synthetic(count: int, first_year: int = 1990, years: int = 40, seed: int = 1) -> list[TimelineItem]:
    """Return count items spread over years: mostly points, some ranges and uncertain spans."""
    rng = random.Random(seed)
    first = day(first_year, 1, 1)
    length = day(first_year + years, 1, 1) - first
    items = []
    for n in range(count):
        start = first + rng.randrange(int(length))
        roll = rng.random()
        if roll < 0.8:
            end, kind = start + 1, ItemKind.POINT
        elif roll < 0.9:
            end, kind = start + rng.randint(2, 6), ItemKind.RANGE
        else:
            end, kind = start + rng.choice((30, 31, 60, 120, 365)), ItemKind.UNCERTAIN
        colours = (PALETTE[n % len(PALETTE)],)
        title = f"Synthetic event number {n} of the crowd"
        items.append(TimelineItem(f"e{n}", title, start, end, kind, colours, f"day {start:.0f}"))
    return sort_items(items)
