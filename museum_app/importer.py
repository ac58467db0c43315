"""The import command: a timeline file made into one pack, checked, imported and reported on."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from museum_app import paths
from museum_app.cli import Output, UsageError
from museum_app.formats.checks import PackError
from museum_app.formats.importing import Converted, ImportRefusedError, convert
from museum_app.store.library import Library


def import_file(library: Library, path: Path, kind: str | None, dry_run: bool) -> dict[str, Any]:
    """Import a file as one pack (or only check it, for a dry run) and return the report."""
    try:
        converted = convert(path, kind)
    except (ImportRefusedError, PackError) as error:
        raise UsageError(str(error)) from error
    if (
        converted.kind != "pack"
        and (paths.shipped_data_dir() / "packs" / f"{converted.pack_id}.json").exists()
    ):
        raise UsageError(
            f"{path}: its name makes the id {converted.pack_id!r}, which is the app's own pack; "
            "rename the file"
        )
    with tempfile.TemporaryDirectory(prefix="museum-app-import-") as folder:
        # The pack file is written under its own id, which is the name the library keeps it by.
        staged = Path(folder) / f"{converted.pack_id or path.stem}.json"
        staged.write_bytes(converted.data)
        try:
            pack = library.validate_pack(staged) if dry_run else library.import_pack(staged)
        except PackError as error:
            where = str(error).replace(str(staged), str(path), 1)
            raise UsageError(
                where if converted.kind == "pack" else f"{where} (made from {path.name})"
            ) from error
    return _with_id(converted, pack.id, len(pack.events))


def _with_id(converted: Converted, pack_id: str, count: int) -> dict[str, Any]:
    """Return the report, with the pack's id as the checks read it."""
    report = converted.report(count)
    report["pack_id"] = pack_id
    return report


def write_report(report: dict[str, Any], fmt: str, dry_run: bool, out: Output) -> None:
    """Print the report as text lines or as one JSON object."""
    if fmt == "json":
        out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return
    verb = "Would import" if dry_run else "Imported"
    out.write(
        f"{verb} {report['imported']} events as {report['pack_id']!r}; "
        f"skipped {len(report['skipped'])}\n"
    )
    out.writelines(f"  skipped {s['where']}: {s['reason']}\n" for s in report["skipped"])
    out.writelines(f"  changed {w}\n" for w in report["warnings"])


def run(library: Library, args: argparse.Namespace, out: Output) -> int:
    """Run the import command."""
    report = import_file(library, args.file, args.kind, args.dry_run)
    write_report(report, args.format, args.dry_run, out)
    return 0
