"""`desk_app.core` (and the CLI's own modules) never import Qt (docs/architecture.md)."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import desk_app.core

CORE_DIR = Path(desk_app.core.__file__).resolve().parent
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "desk_app.gui")

PROBE = """
import importlib, json, pkgutil, sys
import desk_app.core
names = sorted(m.name for m in pkgutil.walk_packages(desk_app.core.__path__, "desk_app.core."))
for name in names:
    importlib.import_module(name)
for name in ("desk_app.cli", "desk_app.messages", "desk_app.paths"):
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(json.dumps({"modules": names, "qt": qt, "gui": "desk_app.gui" in sys.modules}))
"""


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(desk_app.core.__path__, "desk_app.core."))


def test_importing_every_core_module_loads_no_qt():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["modules"] == core_modules()
    assert {"desk_app.core.reception.intake", "desk_app.core.storage.db", "desk_app.core.reception.search"} <= set(result["modules"])
    assert result["qt"] == []
    assert result["gui"] is False


def _imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Call):
            # importlib.import_module("PySide6…") / __import__("PySide6…")
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args and isinstance(
                    node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append(node.args[0].value)
    return found


def test_no_core_source_imports_qt():
    files = sorted(CORE_DIR.rglob("*.py"))
    assert CORE_DIR / "reception" / "intake.py" in files
    offenders = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        for name in _imports(ast.parse(source, filename=str(path))):
            if name.startswith(FORBIDDEN):
                offenders.append(f"{path.relative_to(CORE_DIR)}: {name}")
        for number, line in enumerate(source.splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6", "import shiboken6")):
                offenders.append(f"{path.relative_to(CORE_DIR)}:{number}: {stripped}")
    assert offenders == []


def test_the_checker_sees_an_import():
    """The AST check would catch the ways Qt could be pulled in."""
    tree = ast.parse("import PySide6.QtCore\nfrom PySide6 import QtGui\n"
                     "def f():\n    import importlib\n    importlib.import_module('PySide6.QtWidgets')\n")
    assert [n for n in _imports(tree) if n.startswith(FORBIDDEN)] == [
        "PySide6.QtCore", "PySide6", "PySide6.QtWidgets"]
