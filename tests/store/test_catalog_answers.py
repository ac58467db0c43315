"""The catalog answers the same, whichever way it is built: every row and every search term kept.

answers/ holds a copy of the shipped data, a pack with Chinese text, translations, bounds,
aliases, links and a category of its own, and answers.json: a digest of each table, and of
everything the full-text indexes hold (each term with the events and places it is found at),
as the builder wrote them before it was made faster. A change that alters what the catalog
holds fails here; if it is meant, write the answers again with
`python -m tests.store.test_catalog_answers` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from museum_app.store import builder
from museum_app.store.library import CATALOG_FILE, Library
from museum_app.store.sources import Sources

ANSWERS = Path(__file__).parent / "answers"
SHIPPED = ANSWERS / "shipped"
PACK = ANSWERS / "answers-pack.json"
EXPECTED = ANSWERS / "answers.json"
# Written by the build, but not what the catalog answers: the hash and stats of the files
# (which name the catalog's layout and the files' times) and where each pack lies.
LEFT_OUT = {"meta"}
PATHS = {"packs": "file"}


def answers(conn: sqlite3.Connection) -> dict[str, list[object]]:
    """Return each table's row count and digest, the full-text indexes' by term and place."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "ORDER BY name"
        )
    ]
    virtual = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%USING fts5(%' "
            "ORDER BY name"
        )
    ]
    # The indexes' own tables hold their terms in segments laid out as the build went:
    # what they answer is read through fts5vocab instead, term by term.
    own = [name for name in tables if any(name.startswith(f"{v}_") for v in virtual)]
    found: dict[str, list[object]] = {}
    for name in tables:
        if name in LEFT_OUT or name in own:
            continue
        names = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
        shown = [f"'' AS {c}" if PATHS.get(name) == c else f'"{c}"' for c in names]
        order = ", ".join(str(i + 1) for i in range(len(names)))
        rows = conn.execute(f"SELECT {', '.join(shown)} FROM {name} ORDER BY {order}").fetchall()
        found[name] = _digest(rows)
    for name in virtual:
        conn.execute(f"CREATE VIRTUAL TABLE temp.{name}_terms USING fts5vocab(main, {name}, instance)")
        rows = conn.execute(f"SELECT * FROM temp.{name}_terms ORDER BY 1, 2, 3, 4").fetchall()
        conn.execute(f"DROP TABLE temp.{name}_terms")
        found[name] = _digest(rows)
    return found


def _digest(rows: list[Any]) -> list[object]:
    """Return how many rows there are and a hash of them all."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(repr(tuple(row)).encode("utf-8"))
    return [len(rows), digest.hexdigest()]


def imported(folder: Path) -> dict[str, list[object]]:
    """Import the pack as a person would, and return what its catalog answers."""
    library = Library(folder / "data", SHIPPED)
    try:
        library.import_pack(PACK)
    finally:
        library.close()
    # A copy: the catalog is read as immutable, and fts5vocab is made beside it.
    copy = folder / "copy.sqlite3"
    shutil.copyfile(folder / "data" / CATALOG_FILE, copy)
    conn = sqlite3.connect(copy)
    try:
        return answers(conn)
    finally:
        conn.close()


def test_an_imported_pack_gives_the_catalog_the_answers_it_always_gave(tmp_path: Path) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert imported(tmp_path) == expected


def test_a_catalog_built_in_memory_answers_as_one_built_in_a_file(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    shutil.copyfile(PACK, packs / "answers-synthetic.json")  # named by its id, as an import does
    db = builder.build_in_memory(Sources.find(SHIPPED, packs))
    try:
        with db.transaction() as conn:
            found = answers(conn)
    finally:
        db.close()
    assert found == json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_the_answers_notice_a_changed_term(tmp_path: Path) -> None:
    library = Library(tmp_path / "data", SHIPPED)
    library.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(tmp_path / "data" / CATALOG_FILE, copy)
    conn = sqlite3.connect(copy)
    try:
        before = answers(conn)
        conn.execute("INSERT INTO events_han (rowid, grams) VALUES (1, '微信 信')")
        after = answers(conn)
    finally:
        conn.close()
    assert before["events_han"] != after["events_han"]
    assert {k: v for k, v in before.items() if k != "events_han"} == {
        k: v for k, v in after.items() if k != "events_han"
    }


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as work:
        written = imported(Path(work))
    EXPECTED.write_text(json.dumps(written, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EXPECTED}", file=sys.stderr)
