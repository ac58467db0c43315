"""What the commands say around the data, in each language they print in.

The window's words live in Qt's translation files; the commands run without Qt, so their
few sentences are kept here, written anew for each language (English is the key).
"""

from __future__ import annotations

from typing import Any

_CHINESE = {
    "Categories: {names}": "分类：{names}",
    "Named: {names}": "提及：{names}",
    "Source: {source}": "来源：{source}",
    "Id: {id}": "ID：{id}",
    "  (bookmarked)": "（已加入书签）",
    "  (no longer in the data)": "（已不在数据中）",
    "Bookmarked {title} [{id}]": "已将“{title}”加入书签 [{id}]",
    "Already bookmarked: {title} [{id}]": "“{title}”已在书签中 [{id}]",
    "Already bookmarked; the note was added to its note: {title} [{id}]":
        "“{title}”已在书签中，此备注已追加到原有备注之后 [{id}]",
    "Already bookmarked, with this note already in its note: {title} [{id}]":
        "“{title}”已在书签中，原有备注已包含此备注 [{id}]",
    "Removed the bookmark on {id}": "已移除 {id} 的书签",
    "Saved the note on {id}": "已保存 {id} 的备注",
    "Wrote {count} bookmarked events as a TimelineJS story to {file}":
        "已将 {count} 个加入书签的事件写成 TimelineJS 故事：{file}",
    "Wrote {count} bookmarks to {file}": "已将 {count} 个书签写入 {file}",
    "Imported {count} new or updated bookmarks from {file}":
        "已从 {file} 导入 {count} 个新增或更新的书签",
}  # fmt: skip
_SAYINGS = {"zh": _CHINESE}
_LISTS = {"zh": "、"}  # how a language joins the items of a list


def say(language: str, english: str, **parts: Any) -> str:
    """Return a sentence in a language (English where it has none), its parts filled in."""
    written = _SAYINGS.get(language.split("_")[0], {}).get(english, english)
    return written.format(**parts)


def joined(language: str, items: list[str]) -> str:
    """Join the items of a list as the language does: "a, b" or "甲、乙"."""
    return _LISTS.get(language.split("_")[0], ", ").join(items)
