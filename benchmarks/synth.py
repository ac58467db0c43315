"""Write a synthetic pack of N events, as real collections are, that passes the app's validation.

What makes it like real data, and so what the app's search and timeline meet there:

- words drawn from a vocabulary of real words with Zipf's law (the r-th commonest word about
  1/r as often as the first): a few words in nearly every text, most in a few;
- 30% of the events written in Chinese (title, description, names), 10% of the rest with a
  Chinese translation beside the English;
- dates from a day to decades: days, months, years, ranges whose lengths are spread evenly on
  a log scale from one day to thirty years, and undated paragraphs bounded by the page's order;
- bursts: a sixth of the events fall in busy weeks (a launch, a scandal, a conference);
- one to three of the eight categories, zero to four entities from a pool.

The vocabulary is the shipped 2014 pack's own words (English and Chinese), then a list of
common English words, then the words of Python's own documentation (pydoc_data, in every
Python), each ranked by how often it occurs there. The pack is written event by event, so
that a million events need no more memory than one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

FIRST_YEAR, LAST_YEAR = 1987, 2026
CHINESE_SHARE = 0.3  # of events written in Chinese
TRANSLATED_SHARE = 0.1  # of the others, with a Chinese translation
BURST_SHARE = 1 / 6  # of events in a busy week
ZIPF_S = 1.07
CATEGORIES = (
    "governance", "cybersecurity", "content", "international",
    "infrastructure", "business", "mobile", "culture",
)  # fmt: skip
KINDS = ("organisation", "person", "product", "place", "event")
SUBJECTS = (
    "WeChat", "Alibaba", "Tencent", "Baidu", "JD.com", "Sina", "Sohu", "NetEase", "Huawei",
    "Xiaomi", "China Mobile", "China Unicom", "China Telecom", "MIIT", "CNNIC", "Weibo", "Taobao",
    "Alipay", "Didi", "Meituan", "ByteDance", "Kuaishou", "Bilibili", "Pinduoduo", "Lenovo",
    "ZTE", "Youku", "iQiyi", "Ctrip", "Dangdang",
)  # fmt: skip
SUBJECTS_ZH = (
    "微信", "阿里巴巴", "腾讯", "百度", "京东", "新浪", "搜狐", "网易", "华为", "小米", "中国移动",
    "中国联通", "中国电信", "工信部", "中国互联网络信息中心", "微博", "淘宝", "支付宝", "滴滴",
    "美团", "字节跳动", "快手", "哔哩哔哩", "拼多多", "联想", "中兴", "优酷", "爱奇艺", "携程",
    "当当", "微信红包",
)  # fmt: skip
# Common English words, roughly by how often they are written.
COMMON = """
the of and to in a is that for it as was with be by on not he this are or his from at which
but have an they you were her she there been one all we their has would when if so no will
more can who said what about out up into them some could him than then its time only new
other also over two first after may any these such most made years well year like very many
where our even through because much should before those people world being each between both
under same last public state government company national service market online network
internet users mobile data security services china chinese industry information technology
development law rules report billion million growth companies platform launch launched began
system provinces first second record agreement research international access digital country
policy economic citizens media news official officials ministry council plan support major
large small local rural cities city news users customers content video games payment
payments shopping commerce search software open standards computing cloud phone phones
broadband fibre satellite station
""".split()  # noqa: SIM905 (a list of words reads best as words)

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"(?<![^\s(])[a-z]{3,}(?=[\s.,;:)])")  # whole words only, not code


@cache
def vocabulary() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the English and the Chinese words, commonest first."""
    from pydoc_data.topics import topics  # in every Python's standard library

    shipped = Path(__file__).resolve().parent.parent / "data" / "packs" / "cim-2014-milestones.json"
    pack = json.loads(shipped.read_text(encoding="utf-8"))
    english, chinese = Counter[str](), Counter[str]()
    for event in pack["events"]:
        english.update(re.findall(r"[A-Za-z][a-z]{1,}", f"{event['title']} {event['description']}"))
        for text in event.get("translations", {}).values():
            for run in _HAN_RUN.findall(f"{text.get('title', '')}{text.get('description', '')}"):
                # Chinese words are mostly two characters: a run read in pairs.
                chinese.update(run[i : i + 2] for i in range(0, len(run) - 1, 2))
    words = [w for w, _ in english.most_common()]
    seen = set(words)
    for word in itertools.chain(
        COMMON, (w for w, _ in Counter(_WORD.findall(" ".join(topics.values()))).most_common())
    ):
        if word not in seen:
            seen.add(word)
            words.append(word)
    return tuple(words), tuple(w for w, _ in chinese.most_common())


class Zipf:
    """Draw items so that the r-th is about 1/r**s as likely as the first."""

    def __init__(self, items: tuple[str, ...], s: float = ZIPF_S) -> None:
        self.items = items
        self.cumulative = list(itertools.accumulate(1 / (r + 1) ** s for r in range(len(items))))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        """Return k items."""
        return rng.choices(self.items, cum_weights=self.cumulative, k=k)


@cache
def _draws() -> tuple[Zipf, Zipf, Zipf, Zipf]:
    """Return the English words, the Chinese words, the subjects and the Chinese subjects."""
    english, chinese = vocabulary()
    return Zipf(english), Zipf(chinese), Zipf(SUBJECTS, 0.8), Zipf(SUBJECTS_ZH, 0.8)


def _english(rng: random.Random, subject: str, low: int, high: int) -> str:
    """Return sentences of low to high characters about a subject."""
    words, _, _, _ = _draws()
    wanted, parts, size = rng.randint(low, high), [], 0
    while size < wanted:
        sentence = " ".join(words.draw(rng, rng.randint(6, 18)))
        if rng.random() < 0.3:
            sentence = f"{subject} {sentence}"
        parts.append(sentence[0].upper() + sentence[1:] + ".")
        size += len(parts[-1]) + 1
    return " ".join(parts)[:wanted].rstrip() or "Text."


def _chinese(rng: random.Random, subject: str, low: int, high: int) -> str:
    """Return Chinese prose of low to high characters about a subject."""
    _, words, _, _ = _draws()
    wanted, parts, size = rng.randint(low, high), [], 0
    while size < wanted:
        sentence = "".join(words.draw(rng, rng.randint(5, 14)))
        if rng.random() < 0.3:
            sentence = subject + sentence
        parts.append(sentence + rng.choice("，。。；"))
        size += len(parts[-1])
    return "".join(parts)[:wanted] or "文字。"


def _title(rng: random.Random, subject: str, chinese: bool) -> str:
    """Return a title of a subject and a few words."""
    words, words_zh, _, _ = _draws()
    if chinese:
        return subject + "".join(words_zh.draw(rng, rng.randint(3, 9)))
    return f"{subject} " + " ".join(words.draw(rng, rng.randint(3, 9)))


def _date(rng: random.Random, day: dt.date) -> dict[str, str]:
    """Return a date record: days, months and years, ranges of a day to decades, bounds."""
    roll = rng.random()
    if roll < 0.55:
        return {"start": day.isoformat(), "basis": "source"}
    if roll < 0.65:
        return {"start": f"{day.year:04d}-{day.month:02d}", "basis": "source"}
    if roll < 0.70:
        return {"start": f"{day.year:04d}", "basis": "source"}
    if roll < 0.95:  # a range: from a day to thirty years, evenly spread on a log scale
        days = round(10 ** rng.uniform(0, 4.04))
        end = min(day + dt.timedelta(days=max(1, days)), dt.date(LAST_YEAR, 12, 31))
        if end <= day:
            return {"start": day.isoformat(), "basis": "source"}
        if end.year > day.year + 1 and rng.random() < 0.5:  # long ones often known to the year
            return {"start": f"{day.year:04d}", "end": f"{end.year:04d}", "basis": "public-record",
                    "note": "Years from the public record."}  # fmt: skip
        return {"start": day.isoformat(), "end": end.isoformat(), "basis": "source"}
    first = dt.date(day.year, 1, 1) + dt.timedelta(days=rng.randint(0, 150))
    last = first + dt.timedelta(days=rng.randint(10, 150))
    return {"start": f"{day.year:04d}", "not_before": first.isoformat(),
            "not_after": last.isoformat(), "basis": "source-order",
            "note": "Placed between the dated paragraphs around it."}  # fmt: skip


class Days:
    """Draw days: later years busier (the Internet grew), a share of them in busy weeks."""

    def __init__(self, rng: random.Random, count: int) -> None:
        years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        self.years = years
        self.cumulative = list(itertools.accumulate(1.0 + (y - FIRST_YEAR) for y in years))
        self.bursts = [self._uniform(rng) for _ in range(max(3, count // 2000))]

    def _uniform(self, rng: random.Random) -> dt.date:
        """Return a day of a year drawn by weight."""
        year = rng.choices(self.years, cum_weights=self.cumulative)[0]
        return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))

    def draw(self, rng: random.Random) -> dt.date:
        """Return a day."""
        if rng.random() < BURST_SHARE:
            return rng.choice(self.bursts) + dt.timedelta(days=rng.randrange(7))
        return self._uniform(rng)


def _entities(rng: random.Random, chinese: bool) -> list[dict[str, Any]]:
    """Return a few named things, drawn from a pool so that some events share them."""
    names = rng.sample(range(3000), rng.choice((0, 1, 1, 2, 2, 3, 4)))
    found = []
    for n in names:
        entity: dict[str, Any] = {"name": f"Entity {n:04d} {SUBJECTS[n % len(SUBJECTS)]}",
                                  "kind": KINDS[n % 5]}  # fmt: skip
        if chinese or n % 3 == 0:
            entity["names"] = {"zh_CN": f"实体{n:04d}{SUBJECTS_ZH[n % len(SUBJECTS_ZH)]}"}
        found.append(entity)
    return found


def events(count: int, seed: int = 2014, first: int = 0) -> Iterator[dict[str, Any]]:
    """Yield count event records, numbered from first (their ids hold the number)."""
    rng = random.Random(seed)
    days = Days(rng, count)
    _, _, subjects, subjects_zh = _draws()
    for n in range(first, first + count):
        day = days.draw(rng)
        chinese = rng.random() < CHINESE_SHARE
        subject = (subjects_zh if chinese else subjects).draw(rng, 1)[0]
        write = _chinese if chinese else _english
        record: dict[str, Any] = {
            "id": f"{day.isoformat()}-synthetic-{n}",
            "title": f"{_title(rng, subject, chinese)} ({n})",
            "description": write(rng, subject, 60 if chinese else 120, 400 if chinese else 900),
            "date": _date(rng, day),
            "categories": rng.sample(CATEGORIES, rng.choice((1, 1, 2, 2, 3))),
            "entities": _entities(rng, chinese),
            "source": {"section": rng.choice(CATEGORIES).title(), "paragraph": 1 + n % 40},
        }
        if not chinese and rng.random() < TRANSLATED_SHARE:
            zh = subjects_zh.draw(rng, 1)[0]
            record["translations"] = {"zh_CN": {
                "title": f"{_title(rng, zh, True)}（{n}）", "description": _chinese(rng, zh, 60, 400),
            }}  # fmt: skip
        yield record


def _head(count: int, pack_id: str) -> dict[str, Any]:
    """Return the pack's fields other than its events."""
    return {
        "format": "museum-app-pack", "format_version": 1, "id": pack_id,
        "title": f"Synthetic benchmark pack of {count:,} events",
        "source": {"publisher": "museum_app benchmark", "page": "Synthetic"}, "categories": [],
    }  # fmt: skip


def make_pack(count: int, seed: int = 2014, pack_id: str = "benchmark-synthetic") -> dict[str, Any]:
    """Return a pack document of count events."""
    return {**_head(count, pack_id), "events": list(events(count, seed))}


def write_pack(
    path: Path, count: int, seed: int = 2014, first: int = 0, pack_id: str = "benchmark-synthetic"
) -> Path:
    """Write a synthetic pack of count events to path, an event at a time; return path."""
    head = json.dumps(_head(count, pack_id), ensure_ascii=False)
    with path.open("w", encoding="utf-8") as out:
        out.write(head[:-1] + ', "events": [')
        for n, record in enumerate(events(count, seed, first)):
            out.write(("," if n else "") + json.dumps(record, ensure_ascii=False))
        out.write("]}")
    return path


def describe(count: int, seed: int = 2014) -> dict[str, Any]:
    """Return what the data is like: shares of Chinese, spans by length, bursts, top words."""
    spans = Counter[str]()
    chinese = 0
    for record in events(count, seed):
        chinese += bool(_HAN_RUN.match(record["title"]))
        date = record["date"]
        if "end" in date:
            first = dt.date.fromisoformat((date["start"] + "-01-01")[:10])
            last = dt.date.fromisoformat((date["end"] + "-12-31")[:10] if len(date["end"]) == 4
                                         else date["end"])  # fmt: skip
            length = (last - first).days
            edges = [7, 31, 366, 3653]
            spans[("up to a week", "up to a month", "up to a year", "up to ten years",
                   "over ten years")[bisect.bisect_left(edges, length)]] += 1  # fmt: skip
    return {"events": count, "chinese_share": chinese / count if count else 0.0,
            "ranges_by_length": dict(spans)}  # fmt: skip


def peer_items(count: int, seed: int = 2014) -> list[dict[str, Any]]:
    """Return the same events as the pack, as vis-timeline items (id, content, start, end)."""
    items = []
    for n, event in enumerate(events(count, seed)):
        date = event["date"]
        start = _iso_first(date.get("not_before") or date["start"])
        item: dict[str, Any] = {"id": n, "content": event["title"], "start": start}
        last = date.get("not_after") or date.get("end")
        if last or len(date["start"]) < 10:
            item["end"] = _iso_after(last or date["start"])
        items.append(item)
    return items


def _iso_first(text: str) -> str:
    """Return the first day a YYYY, YYYY-MM or YYYY-MM-DD allows."""
    return (text + "-01-01")[:10] if len(text) == 4 else (text + "-01")[:10]


def _iso_after(text: str) -> str:
    """Return the day after the last day a YYYY, YYYY-MM or YYYY-MM-DD allows."""
    if len(text) == 4:
        return f"{int(text) + 1:04d}-01-01"
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}-01"
    return (dt.date.fromisoformat(text) + dt.timedelta(days=1)).isoformat()
