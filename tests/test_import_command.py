"""The import command and pack list/remove, as a person runs them: reports, exit codes, bookmarks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from museum_app.cli import main
from museum_app.formats.importing import convert

CASES = Path(__file__).resolve().parents[1] / ".." / "shared" / "import-cases"
real_cases = pytest.mark.skipif(not CASES.is_dir(), reason=f"no import cases at {CASES.resolve()}")


def story_file(folder: Path, name: str = "my-story.json") -> Path:
    """Write a small TimelineJS story with one slide that cannot be stored."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    slides = [
        {"start_date": {"year": "1999", "month": "12"}, "text": {"headline": "<b>Zanzibar party</b>"}},
        {"start_date": {"year": "2000"}, "text": {"headline": "New year", "text": "<p>Hi</p>"}},
        {"start_date": {"year": "12345"}, "text": {"headline": "Far"}},
    ]
    path.write_text(json.dumps({"title": {"text": {"headline": "Mine"}}, "events": slides}))
    return path


def test_import_reports_exactly_its_keys_and_the_events_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(story_file(tmp_path)), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"pack_id", "imported", "skipped", "warnings"}
    assert (report["pack_id"], report["imported"]) == ("my-story", 2)
    assert report["skipped"][0]["where"] == "slide 3" and "12345" in report["skipped"][0]["reason"]
    assert main(["list", "--search", "zanzibar", "--format", "json"]) == 0
    [party] = json.loads(capsys.readouterr().out)
    assert (party["title"], party["date_label"]) == ("Zanzibar party", "December 1999")


def test_a_dry_run_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(story_file(tmp_path)), "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("Would import 2 events as 'my-story'")
    assert main(["pack", "list"]) == 0
    assert capsys.readouterr().out == ""


def test_a_refused_file_exits_2_with_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.timeline"
    bad.write_text("<timeline><timetype>numtime</timetype></timeline>")
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.timeline" in err and "numtime" in err
    assert main(["import", str(tmp_path)]) == 2
    assert "is not a regular file" in capsys.readouterr().err
    assert main(["pack", "list"]) == 0 and capsys.readouterr().out == ""


def test_removed_packs_keep_their_bookmarks_which_come_back_on_reimport(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = story_file(tmp_path)
    assert main(["import", str(path)]) == 0
    assert main(["pack", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split() == ["my-story", "2", "Mine"]
    event_id = json.loads(convert(path).data)["events"][1]["id"]
    assert main(["bookmark", "add", event_id, "--note", "mine"]) == 0
    assert main(["pack", "remove", "my-story"]) == 0
    capsys.readouterr()
    assert main(["bookmark", "list", "--format", "json"]) == 0
    [mark] = json.loads(capsys.readouterr().out)
    assert (mark["id"], mark["note"], mark["in_data"]) == (event_id, "mine", False)
    assert main(["import", str(path)]) == 0
    assert main(["bookmark", "list", "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["list", "--bookmarked", "--format", "json"]) == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)] == [event_id]
    assert main(["pack", "remove", "../my-story"]) == 2
    assert main(["pack", "remove", "cim-2014-milestones"]) == 2  # the app's own pack stays


@real_cases
def test_every_real_case_imports_or_is_refused_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for path in sorted(CASES.glob("*/*")):
        if path.suffix == ".md":
            continue
        code = main(["import", str(path), "--format", "json"])
        captured = capsys.readouterr()
        if path.name == "numeric-sample.timeline":
            assert code == 2 and captured.err.count("\n") == 1
        else:
            assert code == 0, captured.err
            assert json.loads(captured.out)["imported"] > 0
    assert main(["pack", "list"]) == 0
    # Eleven files, and the sheet twin of women_in_computing replaced the JSON one: same id.
    assert len(capsys.readouterr().out.splitlines()) == 10


def test_bookmarks_published_as_a_timelinejs_story_reimport_to_the_same_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--format", "json"]) == 0
    shipped = json.loads(capsys.readouterr().out)
    chosen = [shipped[0], shipped[5], next(e for e in shipped if e["end"]), shipped[-1]]
    for number, event in enumerate(chosen):
        assert main(["bookmark", "add", event["id"], "--note", f"note <{number}> & more"]) == 0
    story = tmp_path / "published.json"
    assert main(["bookmark", "export", str(story), "--as", "timelinejs"]) == 0
    text = story.read_text()
    assert "note &lt;0&gt; &amp; more" in text  # notes go, escaped: TimelineJS shows HTML
    capsys.readouterr()
    assert main(["import", str(story), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 4
    assert main(["list", "--search", "", "--format", "json"]) == 0
    again = [e for e in json.loads(capsys.readouterr().out) if e["source"]["pack"] == "published"]

    def same(events: list[dict[str, object]]) -> list[tuple[object, ...]]:
        return sorted((e["title"], e["start"], e["end"], e["precision"], tuple(e["links"]))
                      for e in events)  # fmt: skip

    assert same(again) == same(chosen)
    # Bounds narrower than the date's parts travel as TimelineJS's display_date, kept in the note.
    narrower = [e["date_label"] for e in chosen if "(" in e["date_label"]]
    assert narrower and all(any(label in e["date_note"] for e in again) for label in narrower)
    assert all("Note: note <" in e["description"] for e in again)


def test_years_bce_are_imported_listed_in_order_and_published_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ancient.json"
    slides = [
        {
            "start_date": {"year": "-44", "month": "3", "day": "15"},
            "text": {"headline": "Ides of March"},
        },
        {
            "start_date": {"year": -500},
            "end_date": {"year": -400},
            "text": {"headline": "Classical Greece"},
        },
    ]
    path.write_text(json.dumps({"events": slides}))
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    assert main(["list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["date_label"] for e in listed[:2]] == ["500 BCE–400 BCE", "15 March 44 BCE"]
    assert listed[1]["start"] == "-0043-03-15" and listed[1]["not_before"] == "-0043-03-15"
    for event in listed[:2]:
        assert main(["bookmark", "add", event["id"]]) == 0
    story = tmp_path / "out.json"
    assert main(["bookmark", "export", str(story), "--as", "timelinejs"]) == 0
    years = sorted(s["start_date"]["year"] for s in json.loads(story.read_text())["events"])
    assert years == ["-44", "-500"]  # as TimelineJS writes them
