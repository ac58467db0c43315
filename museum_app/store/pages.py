"""Read table rows straight from SQLite's pages, for a file too damaged for SQLite to open.

This follows the file format (sqlite.org/fileformat2.html) only as far as salvage needs:
table leaf pages, their cells, overflow chains and records; the -wal's newest committed
page versions stand in for the main file's, as SQLite itself would read them.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from pathlib import Path

_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (0x377F0682, 0x377F0683)
_TABLE_LEAF = 0x0D
_SIZES = tuple(2**n for n in range(9, 17))
Value = int | float | str | bytes | None


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """Read a SQLite variable-length integer; return it and the offset after it."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def _column(kind: int, data: bytes, at: int) -> tuple[Value, int]:
    """Decode one record column of a serial type; return it and the offset after it."""
    if kind in (0, 8, 9):
        return {0: None, 8: 0, 9: 1}[kind], at
    if 1 <= kind <= 6:
        width = (1, 2, 3, 4, 6, 8)[kind - 1]
        return int.from_bytes(data[at : at + width], "big", signed=True), at + width
    if kind == 7:
        return struct.unpack(">d", data[at : at + 8])[0], at + 8
    if kind < 12:
        raise ValueError(f"serial type {kind} is reserved")
    width = (kind - 12) // 2
    if at + width > len(data):
        raise ValueError("the record runs past its payload")
    chunk = data[at : at + width]
    return (chunk.decode("utf-8") if kind % 2 else chunk), at + width


def record(payload: bytes) -> list[Value]:
    """Decode a record: a header of serial types, then the column values."""
    size, at = _varint(payload, 0)
    if size > len(payload):
        raise ValueError("the record header runs past its payload")
    kinds = []
    while at < size:
        kind, at = _varint(payload, at)
        kinds.append(kind)
    values = []
    at = size
    for kind in kinds:
        value, at = _column(kind, payload, at)
        values.append(value)
    return values


class PageFile:
    """The pages of a database file, with the newest committed versions from its -wal."""

    def __init__(self, path: Path, page_size: int | None = None) -> None:
        data = path.read_bytes() if path.exists() else b""
        wal_path = Path(f"{path}-wal")
        wal = wal_path.read_bytes() if wal_path.exists() else b""
        self.reserved = data[20] if data.startswith(_MAGIC) and len(data) > 20 else 0
        self.page_size = page_size or _header_page_size(data) or _wal_page_size(wal) or 4096
        size = self.page_size
        self.pages = {n + 1: data[n * size : (n + 1) * size] for n in range(len(data) // size)}
        self.pages.update(_wal_pages(wal, size))

    def table_rows(self) -> Iterator[list[Value]]:
        """Yield every record that any table leaf page holds; skip what cannot be decoded."""
        for number, page in sorted(self.pages.items()):
            start = 100 if number == 1 else 0
            if len(page) <= start + 8 or page[start] != _TABLE_LEAF:
                continue
            cells = int.from_bytes(page[start + 3 : start + 5], "big")
            if start + 8 + 2 * cells > len(page):
                continue  # more cells than the page can point to: not a real leaf page
            for index in range(cells):
                at = start + 8 + 2 * index
                pointer = int.from_bytes(page[at : at + 2], "big")
                if not start + 8 + 2 * cells <= pointer < len(page):
                    continue
                try:
                    yield record(self._payload(page, pointer))
                except (IndexError, ValueError, UnicodeDecodeError, RecursionError):
                    continue  # a damaged cell: the others may still be whole

    def _payload(self, page: bytes, at: int) -> bytes:
        """Return a leaf cell's payload, following its overflow pages."""
        total, at = _varint(page, at)
        _rowid, at = _varint(page, at)
        usable = self.page_size - self.reserved
        most = usable - 35
        if total <= most:
            return page[at : at + total]
        least = (usable - 12) * 32 // 255 - 23
        local = least + (total - least) % (usable - 4)
        local = local if local <= most else least
        parts = [page[at : at + local]]
        following = int.from_bytes(page[at + local : at + local + 4], "big")
        seen: set[int] = set()
        length = local
        while length < total:
            if following in seen or following not in self.pages:
                raise ValueError("the overflow chain is broken")
            seen.add(following)
            overflow = self.pages[following]
            parts.append(overflow[4:usable])
            length += usable - 4
            following = int.from_bytes(overflow[:4], "big")
        return b"".join(parts)[:total]


def _header_page_size(data: bytes) -> int | None:
    """Return the page size a sound file header states, or None."""
    if not data.startswith(_MAGIC) or len(data) < 100:
        return None
    size = int.from_bytes(data[16:18], "big")
    size = 65536 if size == 1 else size
    return size if size in _SIZES else None


def _wal_page_size(wal: bytes) -> int | None:
    """Return the page size a -wal header states, or None."""
    if len(wal) < 32 or int.from_bytes(wal[:4], "big") not in _WAL_MAGIC:
        return None
    size = int.from_bytes(wal[8:12], "big")
    return size if size in _SIZES else None


def _wal_pages(wal: bytes, size: int) -> dict[int, bytes]:
    """Return the newest version of each page that a committed -wal transaction wrote."""
    if _wal_page_size(wal) != size:
        return {}
    salts = wal[16:24]
    newest: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    at = 32
    while at + 24 + size <= len(wal):
        header = wal[at : at + 24]
        if header[8:16] != salts:
            break  # a frame left over from an earlier round of the -wal
        pending[int.from_bytes(header[:4], "big")] = wal[at + 24 : at + 24 + size]
        if int.from_bytes(header[4:8], "big"):  # a commit frame: the transaction is whole
            newest.update(pending)
            pending.clear()
        at += 24 + size
    return newest


def guess_page_size(path: Path, accept: Callable[[list[Value]], bool]) -> int:
    """Return the page size the header states, or else the one under which most rows are accepted."""
    with path.open("rb") as file:
        stated = _header_page_size(file.read(100))
    if stated:
        return stated
    counts = {size: sum(map(accept, PageFile(path, size).table_rows())) for size in _SIZES}
    return max(counts, key=lambda size: counts[size])
