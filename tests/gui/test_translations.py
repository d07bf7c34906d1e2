"""Vietnamese is the source language. The English translation stays complete (a tr() string
without English fails here), and none of Qt's own English is left in the Vietnamese UI."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
    QTextBrowser,
    QToolButton,
)

ROOT = Path(__file__).resolve().parent.parent.parent
I18N = ROOT / "resources" / "i18n"


def _tool(name: str) -> str:
    suffix = ".exe" if sys.platform == "win32" else ""
    return str(Path(PySide6.__file__).parent / (name + suffix))


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_every_tr_string_has_an_english_translation(tmp_path):
    """lupdate over the code into a copy of the .ts: a new or changed tr() string comes back
    unfinished, and fails here until it is translated (see docs/desk.md)."""
    ts = tmp_path / "desk_app_en.ts"
    shutil.copyfile(I18N / "desk_app_en.ts", ts)
    sources = sorted(str(p) for p in (ROOT / "desk_app").rglob("*.py"))
    subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts",
                    str(ts)], check=True, capture_output=True)
    untranslated = []
    count = 0
    for context, message in _messages(ts):
        translation = message.find("translation")
        count += 1
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(f and f.strip() for f in forms):
            untranslated.append(f"{context}: {message.findtext('source')}")
    assert count > 300
    assert untranslated == [], "tr() strings without English:\n" + "\n".join(untranslated)


@pytest.mark.parametrize("name", ["desk_app_en", "qt_vi"])
def test_compiled_translations_match_their_sources(tmp_path, name):
    qm = tmp_path / f"{name}.qm"
    subprocess.run([_tool("lrelease"), str(I18N / f"{name}.ts"), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == (I18N / f"{name}.qm").read_bytes(), \
        f"run: pyside6-lrelease resources/i18n/{name}.ts -qm resources/i18n/{name}.qm"
    for _context, message in _messages(I18N / f"{name}.ts"):
        assert message.find("translation").get("type") != "unfinished"


def test_the_english_ui_reads_english(qtbot, window):
    from desk_app.gui.app import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "en")
    try:
        from desk_app.gui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(window.tasks, window)
        qtbot.addWidget(dialog)
        assert dialog.tabs.tabText(1) == "&Parameters"
        assert QCoreApplication.translate("Menus", "&Tệp") == "&File"
        assert QCoreApplication.translate("IntakePage", "&Ghi sổ (Ctrl+S)") == "&Record (Ctrl+S)"
    finally:
        for t in translators:
            app.removeTranslator(t)


# --- Qt's own dialogs ---------------------------------------------------------------------

def _texts(widget) -> set[str]:
    """What a person reads in a window: title, labels, buttons, tool tips of tool buttons,
    group and tab titles, table headers, actions."""
    texts = {widget.windowTitle()}
    if isinstance(widget, QMenu):
        texts.update(a.text() for a in widget.actions())
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget):
            texts.add(label.text())
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget):
            texts.add(button.text())
            if isinstance(button, QToolButton):
                texts.add(button.toolTip())
    for box in widget.findChildren(QGroupBox):
        texts.add(box.title())
    for tabs in widget.findChildren(QTabWidget):
        texts.update(tabs.tabText(i) for i in range(tabs.count()))
    for action in widget.findChildren(__import__("PySide6.QtGui", fromlist=["QAction"]).QAction):
        texts.update((action.text(), action.toolTip()))
    from PySide6.QtWidgets import QHeaderView

    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if model is not None:
            texts.update(str(model.headerData(i, header.orientation(), Qt.DisplayRole))
                         for i in range(model.columnCount() if header.orientation() == Qt.Horizontal
                                        else 0))
    return {t.replace("&", "").strip() for t in texts if t and t.strip()}


def _qt_windows(tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    printer = QPrinter()
    save = QFileDialog(None, "x", str(tmp_path), "PDF (*.pdf)")
    save.setOption(QFileDialog.DontUseNativeDialog, True)
    save.setAcceptMode(QFileDialog.AcceptSave)
    save.setViewMode(QFileDialog.Detail)
    opened = QFileDialog(None, "x", str(tmp_path))
    opened.setOption(QFileDialog.DontUseNativeDialog, True)
    box = QMessageBox(QMessageBox.Question, "x", "x",
                      QMessageBox.Yes | QMessageBox.No | QMessageBox.Save | QMessageBox.Discard
                      | QMessageBox.Cancel | QMessageBox.Close | QMessageBox.Ok)
    box.setDetailedText("x")
    ask = QInputDialog()
    progress = QProgressDialog()
    line, browser = QLineEdit(), QTextBrowser()
    line.setText("x")
    browser.setPlainText("x")
    edit_menu = line.createStandardContextMenu()
    text_menu = browser.createStandardContextMenu()
    return {"save": save, "open": opened, "message": box, "input": ask, "progress": progress,
            "preview": QPrintPreviewDialog(printer), "print": QPrintDialog(printer),
            "line menu": edit_menu, "text menu": text_menu}, (printer, line, browser)


ALLOWED = {"x", "PDF (*.pdf)", "PDF", "OK"}


def test_no_english_qt_string_in_the_vietnamese_ui(qtbot, tmp_path):
    """Each of Qt's dialogs the app opens, built without and then with the Vietnamese
    translators: a text that reads the same both times is English left untranslated."""
    from desk_app.gui.app import install_translators

    app = QApplication.instance()
    english, keep = _qt_windows(tmp_path)
    before = {name: _texts(w) for name, w in english.items()}
    translators = install_translators(app, "vi")
    try:
        vietnamese, keep_too = _qt_windows(tmp_path)
        after = {name: _texts(w) for name, w in vietnamese.items()}
    finally:
        for t in translators:
            app.removeTranslator(t)
    left = {}
    for name, texts in after.items():
        same = {t for t in texts & before[name]
                if any(c.isalpha() for c in t) and t not in ALLOWED and str(tmp_path) not in t
                and not t.startswith("/")}
        if same:
            left[name] = sorted(same)
    assert left == {}
    assert "Hủy" in after["progress"] and "Tên tệp:" in after["save"]
