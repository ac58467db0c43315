"""The window on a real X server, and one clear line (never a core dump) when it cannot open."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def museum_app(
    *args: str, env: dict[str, str], flags: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Run the app in a fresh process from the repository root."""
    return subprocess.run(
        [sys.executable, *flags, "-m", "museum_app", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def xcb_env(display: str, **extra: str) -> dict[str, str]:
    """The environment of a person on an X11 desktop at display."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    return {**env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display, **extra}


def unused_display() -> str:
    """Return an X display number no server listens on."""
    number = next(n for n in range(917, 999) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    return f":{number}"


@pytest.fixture
def xvfb() -> Iterator[str]:
    """Start a virtual X server and return its DISPLAY; skip when Xvfb is not installed."""
    server = shutil.which("Xvfb")
    if server is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb): the xcb platform is not tested")
    read, write = os.pipe()
    process = subprocess.Popen(
        [server, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as chosen:
        number = chosen.readline().strip()  # written once the server accepts clients
    try:
        if not number:
            pytest.fail(f"Xvfb did not start (exit status {process.wait(timeout=10)})")
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_window_opens_on_x11_through_the_xcb_plugin(xvfb: str, tmp_path: Path) -> None:
    picture = tmp_path / "window.png"
    result = museum_app("screenshot", str(picture), "--size", "900x600", env=xcb_env(xvfb))
    assert result.returncode == 0, result.stderr
    assert "qt.qpa" not in result.stderr and "Could not" not in result.stderr, result.stderr
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (900, 600)
    colours = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, 600, 7)}
    assert len(colours) > 20  # the widgets were drawn, not an empty frame


def test_a_display_nobody_answers_ends_in_one_line_not_a_core_dump() -> None:
    result = museum_app(env=xcb_env(unused_display()))
    assert result.returncode == 2, result.stderr  # an abort would be -6
    [line] = result.stderr.splitlines()
    assert line.startswith("museum-app: the window cannot open:")
    assert "DISPLAY=" in line or "apt-get install" in line  # the display, or the libraries first


def test_a_platform_plugin_missing_its_libraries_names_them(tmp_path: Path) -> None:
    if shutil.which("ldd") is None:
        pytest.skip("ldd is not installed: missing libraries cannot be named")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    # Away from PySide6's folder, the plugin cannot find Qt's own libraries: a real missing library.
    (tmp_path / "platforms").mkdir()
    shutil.copy(plugins / "platforms" / "libqxcb.so", tmp_path / "platforms")
    env = xcb_env(unused_display(), QT_QPA_PLATFORM_PLUGIN_PATH=str(tmp_path / "platforms"))
    result = museum_app(env=env)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert "libQt6XcbQpa.so.6" in line and "missing here" in line


def test_a_python_without_the_dependencies_says_so_in_one_line() -> None:
    # -S: no site-packages, as with a system Python the app was never installed into.
    result = museum_app("list", env=dict(os.environ), flags=("-S",))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "'appdirs' is missing" in line and ".venv/bin/museum-app" in line
