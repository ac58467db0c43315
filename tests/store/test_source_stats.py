"""Start-up trusts the packs' recorded stats, hashes them when the stats differ, and an import
parses its pack once."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from museum_app import paths
from museum_app.formats import packs
from museum_app.formats.checks import PackError
from museum_app.store import sources
from museum_app.store.library import CATALOG_FILE, CHECKED_FILE, PACKS_DIR, Library
from tests.helpers import event, pack, write


def _identity(path: Path) -> tuple[int, int]:
    """Tell one catalog file from another built in its place."""
    status = path.stat()
    return status.st_ino, status.st_mtime_ns


def _pack_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every data file read through Path.read_bytes (how the content hash reads)."""
    reads: list[Path] = []
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.suffix == ".json":
            reads.append(self)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return reads


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """A data folder with a pack imported, its catalog built and closed."""
    data = tmp_path / "data"
    library = Library(data, paths.shipped_data_dir())
    document = pack(events=[event("2015-03-01-first", "2015-03-01", title="Event AAAA")])
    library.import_pack(write(tmp_path / "more.json", document))
    library.close()
    return data


def test_with_the_stats_unchanged_no_pack_is_read(
    imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    before = _identity(imported / CATALOG_FILE)
    library = Library(imported, paths.shipped_data_dir())
    assert library.catalog.count() == 28
    library.close()
    assert _identity(imported / CATALOG_FILE) == before


def test_a_touched_but_unchanged_pack_still_opens_the_same_catalog(
    imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = imported / PACKS_DIR / "test-pack.json"
    status = target.stat()
    os.utime(target, ns=(status.st_atime_ns, status.st_mtime_ns + 5_000_000_000))
    before = _identity(imported / CATALOG_FILE)
    reads = _pack_reads(monkeypatch)
    library = Library(imported, paths.shipped_data_dir())
    assert library.catalog.count() == 28
    library.close()
    assert target in reads  # the stats differ: the bytes were hashed, and they match
    assert _identity(imported / CATALOG_FILE) == before


def _touch(path: Path, seconds: int = 5) -> None:
    """Move a file's modification time on, leaving its bytes as they are."""
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + seconds * 1_000_000_000))


def test_a_touched_pack_found_unchanged_is_not_hashed_again_at_the_next_start(
    imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = imported / PACKS_DIR / "test-pack.json"
    _touch(target)
    reads = _pack_reads(monkeypatch)
    Library(imported, paths.shipped_data_dir()).close()
    assert target in reads
    reads.clear()
    library = Library(imported, paths.shipped_data_dir())
    assert library.catalog.count() == 28
    library.close()
    assert reads == []  # the stats the hash matched were recorded beside the catalog


def test_a_pack_changed_after_its_stats_were_recorded_is_built_again(imported: Path) -> None:
    target = imported / PACKS_DIR / "test-pack.json"
    _touch(target)
    Library(imported, paths.shipped_data_dir()).close()
    assert (imported / CHECKED_FILE).exists()
    target.write_bytes(target.read_bytes().replace(b"Event AAAA", b"Event BBBB"))
    _touch(target, 10)
    library = Library(imported, paths.shipped_data_dir())
    found = library.catalog.event("2015-03-01-first")
    assert found is not None and found.title == "Event BBBB"
    library.close()


@pytest.mark.parametrize("kept", ["not json", "[]", '{"content_hash": "other", "source_stats": "x"}'])
def test_a_record_that_is_damaged_or_of_another_catalog_is_not_trusted(
    imported: Path, monkeypatch: pytest.MonkeyPatch, kept: str
) -> None:
    target = imported / PACKS_DIR / "test-pack.json"
    _touch(target)
    (imported / CHECKED_FILE).write_text(kept, encoding="utf-8")
    reads = _pack_reads(monkeypatch)
    library = Library(imported, paths.shipped_data_dir())
    assert library.catalog.count() == 28
    library.close()
    assert target in reads
    assert json.loads((imported / CHECKED_FILE).read_text(encoding="utf-8"))["content_hash"] != "other"


def test_a_changed_pack_of_the_same_size_is_built_again(imported: Path) -> None:
    target = imported / PACKS_DIR / "test-pack.json"
    status = target.stat()
    changed = target.read_bytes().replace(b"Event AAAA", b"Event BBBB")
    assert len(changed) == status.st_size
    target.write_bytes(changed)
    os.utime(target, ns=(status.st_atime_ns, status.st_mtime_ns + 5_000_000_000))
    library = Library(imported, paths.shipped_data_dir())
    found = library.catalog.event("2015-03-01-first")
    assert found is not None and found.title == "Event BBBB"
    library.close()


def test_the_catalog_records_each_source_by_name_size_and_time(imported: Path) -> None:
    library = Library(imported, paths.shipped_data_dir())
    stats = json.loads(library.catalog.meta("source_stats") or "{}")
    library.close()
    target = imported / PACKS_DIR / "test-pack.json"
    assert [target.name, target.stat().st_size, target.stat().st_mtime_ns] in stats["files"]
    assert stats["files"][0][0] == "categories.json"
    assert stats["layout"] == sources.CATALOG_LAYOUT


def test_a_catalog_of_another_layout_is_built_again_though_no_file_changed(
    imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _identity(imported / CATALOG_FILE)
    monkeypatch.setattr(sources, "CATALOG_LAYOUT", "catalog-next")
    library = Library(imported, paths.shipped_data_dir())
    assert library.catalog.count() == 28
    assert json.loads(library.catalog.meta("source_stats") or "{}")["layout"] == "catalog-next"
    library.close()
    assert _identity(imported / CATALOG_FILE) != before


def test_an_import_parses_its_pack_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library(tmp_path / "data", paths.shipped_data_dir())
    parsed: list[Path] = []
    original = packs.parse_json

    def parse_json(path: Path, data: bytes) -> object:
        parsed.append(path)
        return original(path, data)

    monkeypatch.setattr(packs, "parse_json", parse_json)
    document = pack(events=[event("2015-03-01-first", "2015-03-01")])
    library.import_pack(write(tmp_path / "more.json", document))
    assert library.catalog.count() == 28
    library.close()
    pack_files = [p for p in parsed if p.name in ("more.json", "test-pack.json")]
    assert pack_files == [tmp_path / "more.json"]


def test_an_import_hashes_no_pack_twice(imported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library(imported, paths.shipped_data_dir())
    reads = _pack_reads(monkeypatch)  # how the build's fingerprint reads a file it must hash
    document = pack("second-pack", [event("2015-04-01-second", "2015-04-01")])
    library.import_pack(write(imported.parent / "second.json", document))
    assert library.catalog.count() == 29
    library.close()
    folder = imported / PACKS_DIR
    # The packs the import's check read, and the one it wrote, are known by their hashes.
    assert not {folder / "test-pack.json", folder / "second-pack.json"} & set(reads)
    again = Library(imported, paths.shipped_data_dir())
    assert again.catalog.count() == 29  # and the content hash they made is the files' own
    again.close()


def test_a_hash_is_trusted_only_while_the_file_keeps_the_stats_it_was_read_with(
    imported: Path,
) -> None:
    found = sources.Sources.find(paths.shipped_data_dir(), imported / PACKS_DIR)
    target = imported / PACKS_DIR / "test-pack.json"
    plain = found.fingerprint()
    wrong = {target: sources.Hashed.of(target.stat(), b"\0" * 32)}
    assert found.fingerprint(wrong).content_hash != plain.content_hash  # taken on trust
    _touch(target)
    assert found.fingerprint(wrong).content_hash == plain.content_hash  # read again


def test_a_category_only_another_pack_defines_is_refused_as_before(tmp_path: Path) -> None:
    library = Library(tmp_path / "data", paths.shipped_data_dir())
    extra = {"id": "gossip", "name": "Gossip", "description": "Talk.", "colour": "#123456"}
    first = pack("first-pack", [event("2015-03-01-first", "2015-03-01", categories=("gossip",))])
    first["categories"] = [extra]
    library.import_pack(write(tmp_path / "first.json", first))
    assert "gossip" in {c.id for c in library.catalog.categories()}
    second = pack("second-pack", [event("2015-04-01-second", "2015-04-01", categories=("gossip",))])
    path = write(tmp_path / "second.json", second)
    with pytest.raises(PackError) as caught:
        library.import_pack(path)
    # The very error the pack gets when read against the app's own categories.
    shipped = packs.load_categories(paths.shipped_data_dir() / "categories.json")
    with pytest.raises(PackError) as alone:
        packs.load_pack(path, shipped)
    assert str(caught.value) == str(alone.value)
    assert "'gossip' is not a known category" in str(caught.value)
    assert not (tmp_path / "data" / PACKS_DIR / "second-pack.json").exists()
    library.close()
