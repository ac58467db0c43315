"""Search in a real catalog: Chinese runs anywhere in a text, mixed queries, folded case and accents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from museum_app import paths
from museum_app.core.query import EventFilter
from museum_app.core.search_text import IndexText, fold, grams, grams_each, is_han, split_han
from museum_app.store.library import Library
from tests.helpers import event, pack, write


def chinese(event_id: str, title: str, description: str = "", names: tuple[str, ...] = ()) -> Any:
    """Return an event whose texts hold Chinese, in its main fields (valid in any pack)."""
    record = event(event_id, "2015-01-01", title=title)
    record["description"] = description or f"About {event_id}."
    record["entities"] = [{"name": name, "kind": "organisation"} for name in names]
    return record


EVENTS = [
    chinese("red-envelope", "微信红包上线", "Launched for the New Year.", ("WeChat",)),
    chinese("red-envelope-english", "WeChat Red Envelope", "Money gifts in 红包 form."),
    chinese("xinhua", "新华社报道", "信息 published in 北京."),
    chinese("split-runs", "微信 信红包", "Two runs that only look like 微信红包 together."),
    chinese("strasse", "Straße der Pariser Kommune", "Named in Berlin."),
    chinese("cafe", "Café culture", "CAFÉ and ＷｉＦｉ in Zürich."),
    chinese("clean", "净网2014专项行动", "A campaign."),
    chinese("wechat-pay", "WeChat Pay", "Payments.", ("Tencent",)),
    chinese("weibo", "Weibo lists", "Sina's microblog."),
]
OURS = {record["id"] for record in EVENTS}


def found(library: Library, search: str) -> set[str]:
    """Return the ids a search finds, through both ways of searching, checking they agree."""
    query = EventFilter(search=search)
    ids = set(library.catalog.ids(query))
    ranks = library.catalog.search_ranks(query.search_words()) if query.search_words() else None
    if ranks is not None:
        table = library.catalog.summaries()
        assert {table.ids[rank] for rank in ranks} == ids
    return ids & OURS  # the shipped events hold Chinese too: only these are asked about


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The shipped data with the events above imported as a pack."""
    folder = tmp_path_factory.mktemp("catalog")
    opened = Library(folder / "data", paths.shipped_data_dir())
    opened.import_pack(write(folder / "p.json", pack("search-pack", EVENTS)))
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("search", "ids"),
    [
        ("信", {"red-envelope", "xinhua", "split-runs"}),  # one character, anywhere in a run
        ("红包", {"red-envelope", "red-envelope-english", "split-runs"}),
        ("微信红包", {"red-envelope", "split-runs"}),  # split-runs holds it in its description
        ("信红包", {"red-envelope", "split-runs"}),
        ("微信红", {"red-envelope", "split-runs"}),
        ("红包上线", {"red-envelope"}),
        ("WeChat 红包", {"red-envelope", "red-envelope-english"}),
        ("wechat红包", {"red-envelope", "red-envelope-english"}),
        ("净网", {"clean"}),
        ("净网2014", {"clean"}),
        ("专项", {"clean"}),
        ("strasse", {"strasse"}),
        ("Straße", {"strasse"}),
        ("STRASSE", {"strasse"}),
        ("cafe", {"cafe"}),
        ("Café", {"cafe"}),
        ("zurich", {"cafe"}),
        ("wifi", {"cafe"}),  # written full-width
        ("wech", {"red-envelope", "red-envelope-english", "wechat-pay"}),
        ("we", {"red-envelope", "red-envelope-english", "wechat-pay", "weibo"}),
        ("chat", set()),  # Latin words match from their start only
        ("tencent", {"wechat-pay"}),
        ("报道", {"xinhua"}),
        ("北京", {"xinhua"}),
        ("京报", set()),
        ("红包 Berlin", set()),
    ],
)
def test_search_finds_chinese_runs_and_folded_words(
    catalog: Library, search: str, ids: set[str]
) -> None:
    assert found(catalog, search) == ids


def test_two_runs_apart_are_not_one_run(catalog: Library) -> None:
    # "微信 信红包": the pairs of the first run and those of the second never join up.
    assert "split-runs" not in found(catalog, "微信信")
    assert found(catalog, "微信信") == set()


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="微信红包上线北京报道新华社 a", min_size=1, max_size=12),
    st.integers(0, 11),
    st.integers(1, 4),
)
def test_a_run_is_found_exactly_when_the_text_holds_it(text: str, start: int, size: int) -> None:
    """The index's prefix and phrase find a run exactly when the text holds it (as a substring)."""
    word = text[start : start + size] or text[:1]
    assume(is_han(word))  # the other words go to the other index
    tokens = IndexText.of([text]).grams.split()
    if len(word) == 1:  # as the prefix query "信"* reads the index
        assert any(token.startswith(word) for token in tokens) == (word in text)
    else:  # as the phrase of the word's pairs does
        wanted = [word[i : i + 2] for i in range(len(word) - 1)]
        holds = any(tokens[i : i + len(wanted)] == wanted for i in range(len(tokens)))
        assert holds == (word in text)


def test_folding_and_splitting() -> None:
    assert fold("Straße") == fold("STRASSE") == "strasse"
    assert fold("Café Zürich") == "café zürich"  # accents are the index tokenizer's to fold
    assert fold("ＷｉＦｉ") == "wifi"
    assert fold("微信红包") == "微信红包"
    assert split_han("wechat红包2014") == ["wechat", "红包", "2014"]
    assert EventFilter(search="WeChat红包").search_words() == ["wechat", "红包"]
    assert EventFilter(search="信").search_words() == ["信"]
    assert EventFilter(search="W").search_words() == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="微信红 包\U00020000〇", max_size=8), max_size=6))
def test_pairs_cut_together_are_those_cut_alone(texts: list[str]) -> None:
    """The build cuts many texts' pairs in one pass: each the same as cut alone."""
    runs = [" ".join(text.split()) for text in texts]  # as the build gives them: runs, one space apart
    assert grams_each(runs) == [grams(run) for run in runs]


def test_pairs_cut_together_keep_each_texts_edges() -> None:
    assert grams_each(["微信", "红包 包", "", "信"]) == ["微信 信", "红包 包   包 包", "", "信"]
