"""The app as a user installs it: a wheel in a clean environment, and the desktop's menu."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from museum_app import desktop

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_data_and_runs_from_outside_the_repository(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = wheels.glob("museum_app-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    # Qt is not needed by the headless commands; appdirs is.
    subprocess.run([*pip, "--no-deps", str(wheel), "appdirs"], check=True, capture_output=True)
    env = {**os.environ, "MUSEUM_APP_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [str(venv / "bin" / "museum-app"), "list"], cwd=tmp_path, env=env,
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 27
    assert "19–21 November 2014" in result.stdout


def test_the_desktop_entry_validates_installs_and_uninstalls(tmp_path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.fail("desktop-file-validate is missing: apt-get install desktop-file-utils")
    written = desktop.install(tmp_path)
    entry = tmp_path / "applications" / "museum-app.desktop"
    assert entry in written
    assert (tmp_path / "icons/hicolor/48x48/apps/museum-app.png").is_file()
    assert (tmp_path / "icons/hicolor/scalable/apps/museum-app.svg").is_file()
    checked = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout
    assert "Exec=" in entry.read_text() and "Icon=museum-app" in entry.read_text()
    removed = desktop.uninstall(tmp_path)
    assert set(removed) == set(written)
    assert not entry.exists()
