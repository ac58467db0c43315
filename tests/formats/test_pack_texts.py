"""Text in other languages: the shipped data in Chinese, and translations checked field by field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from museum_app import paths
from museum_app.core.dates import DateBasis, Precision
from museum_app.core.domain import CategoryText, EventText
from museum_app.core.query import EventFilter
from museum_app.formats.checks import PackError
from museum_app.formats.packs import load_categories, load_pack
from museum_app.store.library import Library
from tests.helpers import SHIPPED_PACK, event, pack, write

CATEGORIES = load_categories(paths.shipped_data_dir() / "categories.json")
HAN = re.compile(r"[\u4e00-\u9fff]")
ZH = "zh_CN"


def shipped() -> dict[str, Any]:
    """Return the shipped pack's events by id."""
    return {e.id: e for e in load_pack(SHIPPED_PACK, CATEGORIES).events}


def test_every_shipped_event_has_its_chinese_title_description_and_date_note() -> None:
    events = shipped()
    assert len(events) == 27
    for item in events.values():
        text = dict(item.translations)[ZH]
        assert HAN.search(text.title) and HAN.search(text.description), item.id
        assert len(text.title) <= 40, item.id  # short, as the English titles are
        # A date explained in English is explained in Chinese too.
        assert bool(text.date_note) == bool(item.date.note), item.id
        assert text.date_note == "" or HAN.search(text.date_note)
        assert item.text(ZH) == text
    titles = [dict(e.translations)[ZH].title for e in events.values()]
    assert len(set(titles)) == 27


def test_the_chinese_text_uses_the_official_names() -> None:
    everything = " ".join(
        f"{t.title} {t.description} {t.date_note}"
        for e in shipped().values()
        for _, t in e.translations
    )
    for name in (
        "《即时通信工具公众信息服务发展管理暂行规定》",
        "中央网络安全和信息化领导小组",
        "《工业和信息化部关于加强电信和互联网行业网络安全工作的指导意见》",
        "工信部保〔2014〕368号",
        "《关于推动传统媒体和新兴媒体融合发展的指导意见》",
        "中央全面深化改革领导小组第四次会议",
        "中央机构编制委员会办公室",
        "扫黄打非·净网2014",
        "首届世界互联网大会",
    ):
        assert name in everything, name


def test_entities_have_their_chinese_names() -> None:
    names = {entity.name: entity.name_in(ZH) for e in shipped().values() for entity in e.entities}
    for english, chinese in {
        "WeChat": "微信",
        "Alibaba": "阿里巴巴",
        "Tencent": "腾讯",
        "Baidu": "百度",
        "Didi Taxi": "滴滴打车",
        "JD.com": "京东",
        "Ant Financial": "蚂蚁金服",
        "NetEase (163.com)": "网易",
        "State Commission Office for Public Sector Reform": "中央机构编制委员会办公室",
    }.items():
        assert names[english] == chinese
    assert "净网2014" in names["Clean Cyber Space 2014 Special Action"]
    # Only a name the public record does not give in Chinese stays without one.
    assert [n for n, zh in names.items() if zh == n] == ["Clear Action"]
    assert all(c.text(ZH).name != c.name and HAN.search(c.text(ZH).name) for c in CATEGORIES)


def test_the_curators_corrections() -> None:
    events = shipped()
    miit = events["2014-miit-network-security-guiding-opinion"].date
    assert (miit.start.iso(), miit.basis) == ("2014-08-28", DateBasis.PUBLIC_RECORD)
    assert "15 April and 7 August" in miit.note
    phones = events["2014-mobile-phone-shipments"]
    assert phones.date.precision is Precision.YEAR and phones.date.basis is DateBasis.PUBLIC_RECORD
    assert phones.date.label() == "2014" and "2014 as a whole" in phones.description
    assert "19 November" in phones.date.note
    envelope = events["2014-01-27-wechat-red-envelope"].description
    assert "9,000" in envelope and "1,740" in envelope and "5 million" in envelope
    games = events["2014-online-games-370-million-players"].description
    assert "USD 100" in games and "RMB 114.48 billion" in games
    media = events["2014-08-18-publishing-integration-guiding-opinions"]
    assert "Traditional Media and Emerging Media" in media.description
    assert "publishing" not in media.title.lower()
    lenovo = events["2014-01-30-lenovo-motorola-mobility"]
    assert "30 October 2014" in lenovo.description and "agree" in lenovo.title.lower()
    group = events["2014-02-27-cyberspace-affairs-leading-group"]
    assert group.title.startswith("Central Leading Group") and "Office" not in group.title
    assert {e.name for e in events["2014-01-27-clear-action-beijing"].entities} >= {
        "Qianlong.com", "Sina", "Sohu", "NetEase (163.com)",
    }  # fmt: skip
    assert "JD.com" in {e.name for e in events["2014-chinese-firms-global-top-10"].entities}
    icann = events["2014-06-icann-50-governance-proposal"].date
    assert icann.label() == "22–26 June 2014" and "London" in icann.note


def test_a_pack_without_translations_is_read_as_before(tmp_path: Path) -> None:
    loaded = load_pack(write(tmp_path / "old.json", pack()), CATEGORIES)
    item = loaded.events[0]
    assert item.translations == () and item.entities[0].names == ()
    assert item.text(ZH) == EventText(item.title, item.description, "")
    assert item.title_in(ZH) == item.title and item.entities[0].name_in(ZH) == "Example Corp"


def translated(**changes: Any) -> dict[str, Any]:
    """Return a pack whose second event has translations, changed as asked."""
    record = event("2015-03-01-first", "2015-03-01")
    record["translations"] = {ZH: {"title": "测试标题", "description": "测试用的说明。"}}
    record["entities"] = [{"name": "WeChat", "kind": "product", "names": {ZH: "微信"}}]
    for key, value in changes.items():
        record[key] = value
    return pack(events=[event("2015-01-01-ok", "2015-01-01"), record])


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"translations": ["第一"]}, "translations", "expected an object"),
        ({"translations": {"chinese": {}}}, "translations", "'chinese' is not a language"),
        ({"translations": {"en": {"title": "x", "description": "y"}}}, "translations.en", "English"),
        ({"translations": {ZH: {"description": "y"}}}, "translations.zh_CN.title", "is missing"),
        ({"translations": {ZH: {"title": 1, "description": "y"}}}, "translations.zh_CN.title",
         "expected a string"),
        ({"translations": {ZH: {"title": "x", "description": "y", "titel": "z"}}},
         "translations.zh_CN.titel", "not a translated field"),
        ({"translations": {ZH: {"title": "x", "description": "y", "date_note": "z"}}},
         "translations.zh_CN.date_note", "note the date does not have"),
        ({"translations": {ZH: {"title": "第一\u202e", "description": "y"}}},
         "translations.zh_CN.title", "text-direction"),
        ({"entities": [{"name": "WeChat", "kind": "product", "names": {ZH: ""}}]},
         "entities[0].names.zh_CN", "characters"),
        ({"entities": [{"name": "WeChat", "kind": "product", "names": ["微信"]}]},
         "entities[0].names", "expected an object"),
    ],
)  # fmt: skip
def test_broken_translations_are_named_by_file_record_and_field(
    tmp_path: Path, changes: dict[str, Any], field: str, problem: str
) -> None:
    path = write(tmp_path / "broken.json", translated(**changes))
    with pytest.raises(PackError) as caught:
        load_pack(path, CATEGORIES)
    error = caught.value
    assert (error.file, error.record, error.field) == (str(path), "event 2 ('2015-03-01-first')", field)
    assert problem in error.problem


def test_a_broken_category_translation_is_named(tmp_path: Path) -> None:
    document = pack()
    document["categories"] = [
        {"id": "extra", "name": "Extra", "description": "More.", "colour": "#123456",
         "translations": {ZH: {"description": "更多。"}}}
    ]  # fmt: skip
    with pytest.raises(PackError) as caught:
        load_pack(write(tmp_path / "c.json", document), CATEGORIES)
    assert (caught.value.record, caught.value.field) == (
        "category 1 ('extra')",
        "translations.zh_CN.name",
    )


def test_translations_reach_the_catalog(tmp_path: Path) -> None:
    library = Library(tmp_path / "data", paths.shipped_data_dir())
    try:
        library.import_pack(write(tmp_path / "p.json", translated()))
        item = library.catalog.event("2015-03-01-first")
        assert item is not None
        assert item.text(ZH) == EventText("测试标题", "测试用的说明。", "")
        assert item.entities[0].name_in(ZH) == "微信"
        red = library.catalog.event("2014-01-27-wechat-red-envelope")
        assert red is not None and red.title_in(ZH) == "微信红包上线"
        category = next(c for c in library.catalog.categories() if c.id == "mobile")
        assert category.text(ZH) == CategoryText("移动互联网与应用", category.text(ZH).description)
        # Searched in either language, and by the entity's other name.
        found = set(library.catalog.ids(EventFilter(search="测试")))
        assert found == {"2015-03-01-first"}
        assert "2015-03-01-first" in library.catalog.ids(EventFilter(search="微信"))
    finally:
        library.close()


def test_summaries_give_titles_in_a_language(tmp_path: Path) -> None:
    library = Library(tmp_path / "data", paths.shipped_data_dir())
    try:
        catalog = library.catalog
        english = catalog.summaries()
        rank = english.rank_of("2014-01-06-didi-taxi-wechat")
        assert rank is not None
        assert english[rank].title == "Didi Taxi joins WeChat"
        for language in ("zh_CN", "zh"):
            chinese = catalog.summaries(language)
            assert chinese[rank].title == "嘀嘀打车独家接入微信"
            assert list(chinese.ids) == list(english.ids)
            assert chinese[rank].date_label == "2014年1月6日"  # dates too, in the language's words
            assert english[rank].date_label == "6 January 2014"
        assert list(catalog.summaries("fr").titles) == list(english.titles)
        assert list(catalog.summaries("fr").date_labels) == list(english.date_labels)
    finally:
        library.close()
