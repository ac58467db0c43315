"""The commands speak the system's language unless --lang says otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from museum_app.cli import main

RED_ENVELOPE = "2014-01-27-wechat-red-envelope"
BOUNDED = "2014-clean-cyber-space-action"  # dated by the page's order, 29 January to 15 April
CHINESE_BOUNDED = "2014年（据页面顺序，在1月29日与4月15日之间）"
ENGLISH_BOUNDED = "2014 (between 29 January and 15 April, by the page's order)"


def locale(monkeypatch: pytest.MonkeyPatch, **variables: str) -> None:
    """Set the locale variables named, and no others."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)


def printed(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command in this process and return what it printed."""
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "variables",
    [
        {"LANG": "zh_CN.UTF-8"},
        {"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"},
        {"LANG": "en_GB.UTF-8", "LANGUAGE": "zh_CN:en"},
    ],
)
def test_a_chinese_locale_makes_list_print_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variables: dict[str, str]
) -> None:
    locale(monkeypatch, **variables)
    out = printed(capsys, "list")
    assert "微信红包上线" in out and "WeChat Red Envelope launched" not in out
    assert "2014年1月27日" in out and CHINESE_BOUNDED in out
    assert "January" not in out


@pytest.mark.parametrize("variables", [{"LANG": "C.UTF-8"}, {"LANG": "de_DE.UTF-8"}, {}])
def test_other_locales_print_english(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variables: dict[str, str]
) -> None:
    locale(monkeypatch, **variables)
    out = printed(capsys, "list")
    assert "WeChat Red Envelope launched" in out and ENGLISH_BOUNDED in out
    assert "微信红包上线" not in out


def test_lang_overrides_the_locale_both_ways(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locale(monkeypatch, LANG="zh_CN.UTF-8")
    assert "WeChat Red Envelope launched" in printed(capsys, "--lang", "en", "list")
    locale(monkeypatch, LANG="en_US.UTF-8")
    assert "微信红包上线" in printed(capsys, "--lang", "zh_CN", "list")


def test_show_and_the_bookmarks_follow_the_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locale(monkeypatch, LANG="zh_CN.UTF-8")
    added = printed(capsys, "bookmark", "add", BOUNDED, "--note", "课上讲")
    assert "“扫黄打非·净网2014”专项行动启动" in added
    shown = printed(capsys, "show", RED_ENVELOPE)
    assert shown.startswith("微信红包上线\n2014年1月27日\n")
    assert "提及：微信、微信红包" in shown and "WeChat" not in shown
    marks = printed(capsys, "bookmark", "list")
    assert CHINESE_BOUNDED in marks and "“扫黄打非·净网2014”专项行动启动" in marks
    assert "课上讲" in marks
    locale(monkeypatch, LANG="en_US.UTF-8")
    marks = printed(capsys, "bookmark", "list")
    assert ENGLISH_BOUNDED in marks and "净网" not in marks


def test_a_real_process_in_a_chinese_locale_prints_chinese(data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG="zh_CN.UTF-8", MUSEUM_APP_DATA_DIR=str(data_dir), PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "museum_app", "list", "--search", "红包"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"2014年1月27日 微信红包上线  [{RED_ENVELOPE}]"
