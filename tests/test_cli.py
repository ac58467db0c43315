"""The command line as a script or a person uses it, in real processes and in-process."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from museum_app.cli import main
from tests.helpers import event, pack, write


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """Run museum-app in a fresh process, as a person would."""
    env = {**os.environ, "MUSEUM_APP_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "museum_app", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_list_shows_27_events_in_date_order_with_honest_labels(data_dir: Path) -> None:
    result = run("list", "--format", "json", data=data_dir)
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    assert len(events) == 27
    keys = [(e["not_before"], e["not_after"]) for e in events]
    assert keys == sorted(keys)
    required = set(
        [
            "id",
            "title",
            "description",
            "start",
            "end",
            "precision",
            "not_before",
            "not_after",
            "date_basis",
            "date_label",
            "categories",
            "entities",
            "source",
            "bookmarked",
        ]
    )
    assert all(required <= set(e) for e in events)
    labels = {e["id"]: e["date_label"] for e in events}
    assert labels["2014-clean-cyber-space-action"] == (
        "2014 (between 29 January and 15 April, by the page's order)"
    )
    assert "1 January" not in " ".join(labels.values())
    text = run("list", data=data_dir).stdout
    assert "19–21 November 2014" in text and text.count("\n") == 27


def test_search_and_category_filters(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--search", "wechat", "--format", "json"]) == 0
    ids = {e["id"] for e in json.loads(capsys.readouterr().out)}
    assert ids == {"2014-01-06-didi-taxi-wechat", "2014-01-27-wechat-red-envelope"}
    assert main(["list", "--category", "content", "--category", "culture", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found and all({"content", "culture"} & set(e["categories"]) for e in found)
    assert main(["list", "--category", "gossip"]) == 2
    assert "no category has the id 'gossip'" in capsys.readouterr().err


def test_a_bookmark_made_by_one_process_is_there_for_the_next(data_dir: Path, tmp_path: Path) -> None:
    didi = "2014-01-06-didi-taxi-wechat"
    assert run("bookmark", "add", didi, "--note", "first note", data=data_dir).returncode == 0
    assert run("bookmark", "note", didi, 'Ride hailing, 打车, "quoted"', data=data_dir).returncode == 0
    listed = json.loads(run("bookmark", "list", "--format", "json", data=data_dir).stdout)
    assert [(m["id"], m["note"]) for m in listed] == [(didi, 'Ride hailing, 打车, "quoted"')]
    bookmarked = json.loads(run("list", "--bookmarked", "--format", "json", data=data_dir).stdout)
    assert [e["id"] for e in bookmarked] == [didi] and bookmarked[0]["bookmarked"] is True
    for suffix in (".md", ".csv", ".json"):
        assert run("bookmark", "export", str(tmp_path / f"out{suffix}"), data=data_dir).returncode == 0
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["id"] == didi and rows[0]["note"] == 'Ride hailing, 打车, "quoted"'
    assert json.loads((tmp_path / "out.json").read_text())["bookmarks"][0]["id"] == didi
    markdown = (tmp_path / "out.md").read_text()
    assert markdown.startswith("# Bookmarks") and "## Didi Taxi joins WeChat" in markdown
    assert run("bookmark", "remove", didi, data=data_dir).returncode == 0
    assert run("bookmark", "import", str(tmp_path / "out.json"), data=data_dir).returncode == 0
    again = json.loads(run("bookmark", "list", "--format", "json", data=data_dir).stdout)
    assert again[0]["note"] == 'Ride hailing, 打车, "quoted"'


def test_errors_are_one_line_with_status_2(data_dir: Path, tmp_path: Path) -> None:
    missing = run("show", "no-such-event", data=data_dir)
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "no-such-event" in missing.stderr
    broken = pack(events=[{**event("2015-01-01-x", "2015-01-01"), "categories": ["gossip"]}])
    path = write(tmp_path / "broken.json", broken)
    result = run("pack", "import", str(path), data=data_dir)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"museum-app: {path}: event 1 ('2015-01-01-x'), field 'categories[0]': "
        "'gossip' is not a known category"
    )
    assert len(json.loads(run("list", "--format", "json", data=data_dir).stdout)) == 27
    assert run("bookmark", "note", "2014-01-06-didi-taxi-wechat", "x", data=data_dir).returncode == 2


def test_pack_validate_and_import(data_dir: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "good.json", pack(events=[event("2015-03-01-first", "2015-03-01")]))
    checked = run("pack", "validate", str(path), data=data_dir)
    assert checked.returncode == 0 and "valid pack 'test-pack' with 1 events" in checked.stdout
    assert run("pack", "import", str(path), data=data_dir).returncode == 0
    shown = json.loads(run("show", "2015-03-01-first", "--format", "json", data=data_dir).stdout)
    assert shown["title"] == "Event 2015-03-01-first"


def test_version_and_data_dir_option(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    result = run("--data-dir", str(other), "categories", "--format", "json", data=tmp_path / "unused")
    assert len(json.loads(result.stdout)) == 8
    assert (other / "catalog.sqlite3").exists() and not (tmp_path / "unused").exists()
    assert run("--version", data=tmp_path).stdout.startswith("museum-app ")


def test_without_a_display_the_window_says_what_to_do(data_dir: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["MUSEUM_APP_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "museum_app"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 2
    assert "no display" in result.stderr and "xvfb-run" in result.stderr


def test_lang_prints_titles_and_json_in_that_language(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    red = "2014-01-27-wechat-red-envelope"
    assert main(["--lang", "zh_CN", "list"]) == 0
    listed = capsys.readouterr().out
    assert "微信红包上线  [2014-01-27-wechat-red-envelope]" in listed and "WeChat Red" not in listed
    assert "2014年1月27日" in listed and "January" not in listed
    assert listed.count("\n") == 27
    assert main(["--lang", "zh_CN", "list", "--search", "红包", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in found] == [red]
    assert found[0]["language"] == "zh_CN" and found[0]["title"] == "微信红包上线"
    assert found[0]["translations"]["en"]["title"] == "WeChat Red Envelope launched"
    assert {"name": "WeChat", "kind": "product", "names": {"zh_CN": "微信"}} in found[0]["entities"]
    assert main(["list", "--search", "WeChat 红包", "--format", "json"]) == 0
    english = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in english] == [red] and english[0]["language"] == "en"
    assert english[0]["title"] == "WeChat Red Envelope launched"
    assert english[0]["translations"]["zh_CN"]["title"] == "微信红包上线"
    assert main(["--lang", "zh_CN", "show", "2014-mobile-phone-shipments"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("2014年全年国内手机出货量达4.52亿部\n2014年\n")
    assert "工信部统计的2014年全年总量" in shown and "电信与基础设施" in shown
    assert "提及：工业和信息化部" in shown and "分类：" in shown and "Named" not in shown
    assert main(["--lang", "zh_CN", "categories"]) == 0
    assert "移动互联网与应用" in capsys.readouterr().out


def test_lang_reaches_the_bookmark_list(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bookmark", "add", "2014-01-06-didi-taxi-wechat"]) == 0
    capsys.readouterr()
    assert main(["--lang", "zh_CN", "bookmark", "list"]) == 0
    assert "嘀嘀打车独家接入微信  [2014-01-06-didi-taxi-wechat]" in capsys.readouterr().out
    assert main(["--lang", "zh_CN", "bookmark", "list", "--format", "json"]) == 0
    marked = json.loads(capsys.readouterr().out)[0]
    assert (marked["title"], marked["date_label"]) == ("嘀嘀打车独家接入微信", "2014年1月6日")
    assert main(["bookmark", "list"]) == 0
    assert "Didi Taxi joins WeChat" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "list"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_the_commands_own_words_are_chinese_with_lang_zh_cn(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    didi = "2014-01-06-didi-taxi-wechat"
    assert main(["--lang", "zh_CN", "bookmark", "add", didi, "--note", "打车"]) == 0
    assert capsys.readouterr().out == f"已将“嘀嘀打车独家接入微信”加入书签 [{didi}]\n"
    assert main(["--lang", "zh_CN", "bookmark", "note", didi, "司机"]) == 0
    assert capsys.readouterr().out == f"已保存 {didi} 的备注\n"
    assert main(["--lang", "zh_CN", "show", didi]) == 0
    assert f"ID：{didi}（已加入书签）" in capsys.readouterr().out
    assert main(["--lang", "zh_CN", "bookmark", "remove", didi]) == 0
    assert capsys.readouterr().out == f"已移除 {didi} 的书签\n"
    assert main(["bookmark", "add", didi]) == 0
    assert capsys.readouterr().out == f"Bookmarked Didi Taxi joins WeChat [{didi}]\n"


def test_the_list_gives_dates_the_room_the_widest_needs(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--search", "Didi"]) == 0
    # One date listed: its title follows it after a single space, not a column of 58.
    assert (
        capsys.readouterr().out
        == "  6 January 2014 Didi Taxi joins WeChat  [2014-01-06-didi-taxi-wechat]\n"
    )
