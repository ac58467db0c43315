"""Write a synthetic pack of N events that passes the app's own validation."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

FIRST_YEAR, LAST_YEAR = 1987, 2026
CATEGORIES = (
    "governance", "cybersecurity", "content", "international",
    "infrastructure", "business", "mobile", "culture",
)  # fmt: skip
KINDS = ("organisation", "person", "product", "place", "event")
_SUBJECTS = (
    "WeChat", "Alibaba", "Tencent", "Baidu", "JD.com", "Sina", "Sohu", "NetEase", "Huawei",
    "Xiaomi", "China Mobile", "China Unicom", "China Telecom", "MIIT", "CNNIC", "Weibo", "Taobao",
    "Alipay", "Didi", "Meituan", "ByteDance", "Kuaishou", "Bilibili", "Pinduoduo", "Lenovo",
    "ZTE", "Youku", "iQiyi", "Ctrip", "Dangdang",
)  # fmt: skip
_VERBS = (
    "launches", "opens", "lists on Nasdaq", "acquires a rival", "publishes rules for",
    "reaches a milestone in", "sets up a lab for", "signs an agreement on", "expands",
    "reports record growth in", "tests", "announces", "introduces", "joins a campaign on",
)  # fmt: skip
_THINGS = (
    "mobile payment", "broadband access", "cloud computing", "online video", "e-commerce",
    "search services", "instant messaging", "online games", "data centres", "4G networks",
    "5G networks", "cybersecurity standards", "domain names", "online publishing", "ride hailing",
    "food delivery", "microblogging", "short videos", "open source software", "smart phones",
)  # fmt: skip
_FILLER = (
    "The move followed months of preparation and drew wide attention in the industry.",
    "Officials said the measure would protect users and support the healthy growth of the sector.",
    "Analysts saw it as a sign of how quickly the Internet was changing daily life in China.",
    "The service reached millions of users within its first year of operation.",
    "Several ministries took part, and provincial bureaux were asked to follow.",
    "The company said it would invest further in research and in rural access.",
    "Figures published at the time showed steady growth in the number of Internet users.",
    "The decision was announced at a press conference in Beijing.",
)  # fmt: skip


CHINESE_SHARE = 0.3  # of events with a Chinese title, description and names, as in the real data
_SUBJECTS_ZH = (
    "微信", "阿里巴巴", "腾讯", "百度", "京东", "新浪", "搜狐", "网易", "华为",
    "小米", "中国移动", "中国联通", "中国电信", "工信部", "中国互联网络信息中心", "微博", "淘宝",
    "支付宝", "滴滴", "美团", "字节跳动", "快手", "哔哩哔哩", "拼多多", "联想",
    "中兴", "优酷", "爱奇艺", "携程", "当当",
)  # fmt: skip
_VERBS_ZH = ("推出", "开通", "发布", "扩展", "测试", "宣布", "升级", "整合", "加入", "规范")
_THINGS_ZH = (
    "移动支付", "宽带接入", "云计算", "网络视频", "电子商务", "搜索服务", "即时通信", "网络游戏",
    "数据中心", "4G网络", "5G网络", "网络安全标准", "域名", "网络出版", "网约车", "外卖",
    "微博客", "短视频", "开源软件", "智能手机", "微信红包",
)  # fmt: skip
_FILLER_ZH = (
    "此举经过数月筹备，在业内引起广泛关注。",
    "有关部门表示，这项措施将保护用户权益，促进行业健康发展。",
    "分析人士认为，这说明互联网正在迅速改变中国人的日常生活。",
    "该服务上线第一年就吸引了数以百万计的用户。",
    "多个部委参与其中，并要求各省级部门跟进落实。",
    "公司表示将进一步加大研发投入，并扩大农村地区的网络覆盖。",
    "当时公布的数据显示，网民人数持续稳定增长。",
    "这一决定是在北京举行的新闻发布会上宣布的。",
)  # fmt: skip


def _chinese(rng: random.Random, record: dict[str, Any], n: int) -> None:
    """Give an event a Chinese title, description and names for its entities."""
    subject = rng.choice(_SUBJECTS_ZH)
    wanted, parts = rng.randint(60, 400), [f"{subject}："]
    while sum(map(len, parts)) < wanted:
        parts.append(rng.choice(_FILLER_ZH))
    record["translations"] = {"zh_CN": {
        "title": f"{subject}{rng.choice(_VERBS_ZH)}{rng.choice(_THINGS_ZH)}（{n}）",
        "description": "".join(parts)[:wanted],
    }}  # fmt: skip
    for entity in record["entities"]:
        number = int(entity["name"].split()[1])
        entity["names"] = {"zh_CN": f"实体{number:04d}{_SUBJECTS_ZH[number % len(_SUBJECTS_ZH)]}"}


def _entities(rng: random.Random) -> list[dict[str, str]]:
    """Return a few named things, drawn from a pool so that some events share them."""
    names = rng.sample(range(3000), rng.choice((0, 1, 1, 2, 2, 3, 4)))
    return [{"name": f"Entity {n:04d} {_SUBJECTS[n % len(_SUBJECTS)]}", "kind": KINDS[n % 5]}
            for n in names]  # fmt: skip


def _date(rng: random.Random, day: dt.date) -> dict[str, str]:
    """Return a date record: mostly days, some months and years, ranges and narrowed bounds."""
    roll = rng.random()
    if roll < 0.62:
        return {"start": day.isoformat(), "basis": "source"}
    if roll < 0.72:  # a range of days
        end = day + dt.timedelta(days=rng.randint(1, 20))
        return {"start": day.isoformat(), "end": end.isoformat(), "basis": "source"}
    if roll < 0.84:
        return {"start": f"{day.year:04d}-{day.month:02d}", "basis": "source"}
    if roll < 0.90:
        return {"start": f"{day.year:04d}", "basis": "source"}
    if roll < 0.95:  # an undated paragraph, placed by the page's order
        first = dt.date(day.year, 1, 1) + dt.timedelta(days=rng.randint(0, 150))
        last = first + dt.timedelta(days=rng.randint(10, 150))
        return {"start": f"{day.year:04d}", "not_before": first.isoformat(),
                "not_after": last.isoformat(), "basis": "source-order",
                "note": "Placed between the dated paragraphs around it."}  # fmt: skip
    month = min(day.month, 11)
    end_month = min(12, month + rng.randint(1, 3))
    return {"start": f"{day.year:04d}-{month:02d}", "end": f"{day.year:04d}-{end_month:02d}",
            "basis": "public-record", "note": "Refined from the public record."}  # fmt: skip


def _text(rng: random.Random, low: int, high: int) -> str:
    """Return prose of low to high characters."""
    wanted = rng.randint(low, high)
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < wanted:
        parts.append(rng.choice(_FILLER))
    return " ".join(parts)[:wanted].rstrip() or "Text."


def _day(rng: random.Random, days: list[dt.date], weights: list[float]) -> dt.date:
    """Return a day, later years more likely (the Internet grew)."""
    year = rng.choices(days, weights)[0].year
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def make_pack(count: int, seed: int = 2014, pack_id: str = "benchmark-synthetic") -> dict[str, Any]:
    """Return a pack document of count events over 1987-2026."""
    rng, chinese = random.Random(seed), random.Random(seed + 1)
    years = [dt.date(y, 1, 1) for y in range(FIRST_YEAR, LAST_YEAR + 1)]
    weights = [1.0 + (y.year - FIRST_YEAR) for y in years]
    events = []
    for n in range(count):
        day = _day(rng, years, weights)
        subject = rng.choice(_SUBJECTS)
        title = f"{subject} {rng.choice(_VERBS)} {rng.choice(_THINGS)}"
        if rng.random() < 0.5:
            title += f" in {rng.choice(('Beijing', 'Shanghai', 'Shenzhen', 'Hangzhou', 'Wuzhen'))}"
        cats = rng.sample(CATEGORIES, rng.choice((1, 1, 2, 2, 3)))
        record = {
            "id": f"{day.isoformat()}-synthetic-{n}",
            "title": f"{title} ({n})",
            "description": f"{subject}: " + _text(rng, 120, 900),
            "date": _date(rng, day),
            "categories": cats,
            "entities": _entities(rng),
            "source": {"section": rng.choice(CATEGORIES).title(), "paragraph": 1 + n % 40},
        }  # fmt: skip
        # Its own random numbers: the English events are the same as before Chinese came in.
        if chinese.random() < CHINESE_SHARE:
            _chinese(chinese, record, n)
        events.append(record)
    return {
        "format": "museum-app-pack",
        "format_version": 1,
        "id": pack_id,
        "title": f"Synthetic benchmark pack of {count:,} events",
        "source": {"publisher": "museum_app benchmark", "page": "Synthetic"},
        "categories": [],
        "events": events,
    }


def write_pack(path: Path, count: int, seed: int = 2014) -> Path:
    """Write a synthetic pack of count events to path and return path."""
    path.write_text(json.dumps(make_pack(count, seed), ensure_ascii=False), encoding="utf-8")
    return path


def peer_items(count: int, seed: int = 2014) -> list[dict[str, Any]]:
    """Return the same events as the pack, as vis-timeline items (id, content, start, end)."""
    items = []
    for n, event in enumerate(make_pack(count, seed)["events"]):
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
