"""Every text the window shows is found by lupdate, translated to Chinese, and compiled in step."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from museum_app import paths

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "museum_app" / "ui"
TS = paths.resources_dir() / "translations" / "museum_app_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(shutil.which("pyside6-lupdate") or ROOT / ".venv" / "bin" / "pyside6-lupdate").parent

# Methods and widgets whose text argument the person reads.
SHOWN = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "showMessage", "addMenu", "setStatusTip", "setWhatsThis",
    "setTitle", "setItemText", "addItem", "setHorizontalHeaderLabels",
    "QLabel", "QPushButton", "QAction", "QToolBar", "QDockWidget", "QCheckBox", "QGroupBox",
}  # fmt: skip
KEPT = {"Home / End", "Page Up / Page Down", "Tab / Shift+Tab", "★"}  # the same in Chinese
_WORDS = re.compile(r"[A-Za-z]{2,}")
Found = set[tuple[str, str]]


def _literal(node: ast.expr) -> str | None:
    """Return a string literal's text (implicitly joined parts are one constant)."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(func: ast.expr) -> str:
    """Return the called name: 'tr' for self.tr, 'translate' for QCoreApplication.translate."""
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def scan(path: Path) -> tuple[Found, list[str]]:
    """Return the (context, source) pairs a file asks to translate, and what lupdate would miss."""
    found: Found = set()
    problems: list[str] = []
    where = f"{path.relative_to(ROOT)}"

    def visit(node: ast.AST, context: str) -> None:
        if isinstance(node, ast.ClassDef):
            context = node.name
        if isinstance(node, ast.Call):
            name, args = _name(node.func), node.args
            line = f"{where}:{node.lineno}"
            if name == "tr":
                text = _literal(args[0]) if args else None
                if not isinstance(node.func, ast.Attribute):
                    problems.append(f"{line}: a bare tr() is filed by lupdate under no context")
                elif text is None:
                    problems.append(f"{line}: tr() of a variable is never found by lupdate")
                else:
                    found.add((context, text))
            elif name == "translate" and _name(getattr(node.func, "value", node.func)) in (
                "QCoreApplication",
                "QApplication",
            ):
                pair = [_literal(a) for a in args[:2]]
                if len(pair) < 2 or pair[0] is None or pair[1] is None:
                    problems.append(f"{line}: translate() needs a literal context and text")
                else:
                    found.add((pair[0], pair[1]))
            elif name in SHOWN:
                for arg in args:
                    items = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
                    for item in items:
                        text = _literal(item)
                        if text is not None and _WORDS.search(text):
                            problems.append(f"{line}: {text!r} is shown untranslated")
        for child in ast.iter_child_nodes(node):
            visit(child, context)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found, problems


def ui_files() -> list[Path]:
    """Return every module of the window."""
    return sorted(UI.rglob("*.py"))


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """Read a .ts file: each (context, source) with its translation element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def lupdate(tmp_path: Path) -> dict[tuple[str, str], ET.Element]:
    """Run lupdate on the window's modules and return what it finds."""
    out = tmp_path / "found.ts"
    files = [str(p) for p in ui_files()]
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *files, "-ts", str(out)], check=True, capture_output=True
    )
    return messages(out)


def test_the_scan_catches_what_lupdate_would_miss(tmp_path: Path) -> None:
    module = UI / "zz_scan_probe.py"
    module.write_text(
        "from PySide6.QtWidgets import QLabel, QWidget\n"
        "TEXT = 'Hidden from lupdate'\n"
        "def tr(text: str) -> str:\n    return text\n"
        "class Probe(QWidget):\n"
        "    def build(self) -> None:\n"
        "        QLabel('Never translated', self)\n"
        "        self.setToolTip(self.tr(TEXT))\n"
        "        self.setWindowTitle(tr('Wrong context'))\n",
        encoding="utf-8",
    )
    try:
        _, problems = scan(module)
    finally:
        module.unlink()
    assert len(problems) == 3, problems
    assert any("'Never translated' is shown untranslated" in p for p in problems)
    assert any("of a variable" in p for p in problems) and any("bare tr()" in p for p in problems)


def test_lupdate_finds_every_text_the_window_shows(tmp_path: Path) -> None:
    expected: Found = set()
    problems: list[str] = []
    for path in ui_files():
        found, missed = scan(path)
        expected |= found
        problems += missed
    assert not problems, "\n".join(problems)
    # What lupdate files, under the context it is looked up with at run time.
    assert set(lupdate(tmp_path)) == expected


def test_every_text_has_a_chinese_translation(tmp_path: Path) -> None:
    shipped = messages(TS)
    placeholder = re.compile(r"\{[^}]*\}|%n")
    for key in lupdate(tmp_path):
        assert key in shipped, f"not in {TS.name}: {key} (run the lupdate command in its README)"
        translation = shipped[key]
        assert translation is not None and translation.get("type") is None, f"unfinished: {key}"
        text = "".join(translation.itertext()).strip()
        assert text, f"empty: {key}"
        assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(key[1])), key
        assert not text.isascii() or key[1] in KEPT, f"not translated: {key}"
        if key[0] == "Actions" and re.search(r"&\w", key[1]):
            assert re.search(r"\(&[A-Z]\)", text), f"no keyboard mnemonic: {key}"


def test_the_compiled_translation_is_in_step_with_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert QM.read_bytes() == compiled.read_bytes(), f"run pyside6-lrelease {TS} (see its README)"


def test_no_text_the_window_no_longer_shows_lingers(tmp_path: Path) -> None:
    assert set(messages(TS)) == set(lupdate(tmp_path)), "run the lupdate command in the README"


def test_the_desktop_entry_names_the_app_in_chinese() -> None:
    entry = (paths.resources_dir() / "museum-app.desktop").read_text(encoding="utf-8")
    keys = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    for key in ("Name", "Comment", "GenericName"):
        assert keys[key].isascii() and not keys[f"{key}[zh_CN]"].isascii(), key
    assert keys["Comment[zh_CN]"] == "在时间轴上浏览中国互联网博物馆的历史大事记"
