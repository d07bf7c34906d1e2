"""The document window's buttons: print (through Qt's print dialog), preview, save as PDF.
Only the operating system's dialogs are replaced, at their boundary. A receipt is a preview
until its first print or save issues the original (gui/documents.py), so those two wait for
the writer thread; Qt's preview window is tried on a slip."""

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from desk_app.core.reception.intake import RECEIPT_KIND
from desk_app.gui.documents import print_document
from desk_app.gui.printing import DocumentDialog
from tests.support import register


def _open_receipt(qtbot, window, demo_db):
    visit_id = register(demo_db).visit_id
    print_document(window.intake, window.tasks, "receipt", visit_id)
    qtbot.waitUntil(lambda: bool(_shown(window)), timeout=10000)
    return _shown(window)[0], visit_id


def _open_slip(qtbot, window, demo_db):
    case_id = register(demo_db).case_ids[0]
    print_document(window.intake, window.tasks, "phieu_hen", case_id)
    qtbot.waitUntil(lambda: bool(_shown(window)), timeout=10000)
    return _shown(window)[0]


def _shown(window):
    return [w for w in window.findChildren(DocumentDialog) if w.isVisible()]


def _button(dialog, text):
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


class FakePrintDialog:
    result = QDialog.Accepted
    target = None

    def __init__(self, printer, parent=None):
        self.printer = printer

    def setMinMax(self, low, high):  # noqa: N802
        self.range = (low, high)

    def exec(self):
        from PySide6.QtPrintSupport import QPrinter

        self.printer.setOutputFormat(QPrinter.PdfFormat)
        self.printer.setOutputFileName(str(FakePrintDialog.target))
        return FakePrintDialog.result


def test_print_button_prints_every_page(qtbot, window, demo_db, tmp_path, monkeypatch):
    from desk_app.gui import printing

    monkeypatch.setattr(printing, "QPrintDialog", FakePrintDialog)
    FakePrintDialog.target = tmp_path / "printed.pdf"
    dialog, _ = _open_receipt(qtbot, window, demo_db)
    _button(dialog, "In… (Ctrl+P)").click()
    qtbot.waitUntil(lambda: "Đã in bản chính" in dialog.status.text(), timeout=10000)
    assert len(PdfReader(FakePrintDialog.target).pages) == len(dialog.pages)
    dialog.close()


def test_print_cancelled_prints_nothing(qtbot, window, demo_db, tmp_path, monkeypatch):
    from desk_app.gui import printing

    monkeypatch.setattr(printing, "QPrintDialog", FakePrintDialog)
    monkeypatch.setattr(FakePrintDialog, "result", QDialog.Rejected)
    FakePrintDialog.target = tmp_path / "never.pdf"
    dialog, _ = _open_receipt(qtbot, window, demo_db)
    _button(dialog, "In… (Ctrl+P)").click()
    assert not FakePrintDialog.target.exists()
    dialog.close()


def test_save_button_writes_the_pdf_where_chosen(qtbot, window, demo_db, tmp_path, monkeypatch):
    from desk_app.gui import printing

    target = tmp_path / "bien nhan"  # no extension typed: .pdf is added
    asked = []

    def choose(parent, title, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog, visit_id = _open_receipt(qtbot, window, demo_db)
    _button(dialog, "Lưu PDF…").click()
    qtbot.waitUntil(lambda: "Đã lưu bản chính" in dialog.status.text(), timeout=10000)
    saved = tmp_path / "bien nhan.pdf"
    assert len(PdfReader(saved).pages) == len(dialog.pages)
    assert "GIẤY BIÊN NHẬN" in PdfReader(saved).pages[0].extract_text().upper()
    assert demo_db.execute("SELECT payload IS NOT NULL FROM issued_documents WHERE kind = ?"
                           " AND visit_id = ?", [RECEIPT_KIND, visit_id]).fetchone() == (1,)
    assert asked == [f"giay-bien-nhan-{visit_id}.pdf"]
    assert not list(tmp_path.glob("*.part"))
    dialog.close()


def test_save_cancelled_writes_nothing(qtbot, window, demo_db, tmp_path, monkeypatch):
    from desk_app.gui import printing

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: ("", "")))
    dialog, _ = _open_receipt(qtbot, window, demo_db)
    assert dialog.ask_save() is None
    _button(dialog, "Lưu PDF…").click()
    assert list(tmp_path.glob("*.pdf")) == []
    dialog.close()


def test_preview_shows_the_pages(qtbot, window, demo_db):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    receipt, _ = _open_receipt(qtbot, window, demo_db)
    assert not _button(receipt, "Xem trước khi in…").isEnabled()  # it would print past issuing
    receipt.close()
    dialog = _open_slip(qtbot, window, demo_db)
    seen = {}

    def poll():
        preview = QApplication.activeModalWidget()
        if not isinstance(preview, QPrintPreviewDialog):
            QTimer.singleShot(20, poll)
            return
        widget = preview.findChild(QPrintPreviewWidget)
        seen["pages"] = widget.pageCount()
        preview.reject()

    QTimer.singleShot(0, poll)
    _button(dialog, "Xem trước khi in…").click()
    assert seen["pages"] == len(dialog.pages)
    dialog.close()
