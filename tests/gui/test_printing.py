import hashlib

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from desk_app.gui.documents import print_document
from desk_app.gui.printing import DocumentDialog, paint
from tests.support import register


def _dialog(qtbot, window):
    return [w for w in window.findChildren(DocumentDialog) if w.isVisible()]


def test_receipt_opens_in_the_document_window_and_prints(qtbot, window, demo_db, tmp_path):
    visit_id = register(demo_db).visit_id
    print_document(window.intake, window.tasks, "receipt", visit_id)
    qtbot.waitUntil(lambda: bool(_dialog(qtbot, window)), timeout=10000)
    dialog = _dialog(qtbot, window)[0]
    assert len(dialog.pages) >= 1 and not dialog.view.pixmap().isNull()
    assert dialog.position.text() == f"Trang 1/{len(dialog.pages)}"
    # "printing" to a PDF file through Qt paints every page of the document
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    paint(dialog.pages, printer)
    assert len(PdfReader(out).pages) == len(dialog.pages)
    saved = tmp_path / "bien-nhan.pdf"
    from desk_app.gui.printing import save_pdf

    save_pdf(dialog.pages.data, saved)
    assert "GIẤY BIÊN NHẬN" in PdfReader(saved).pages[0].extract_text().upper()
    dialog.close()


def _receipt_row(db, visit_id):
    return db.execute("SELECT payload, sha256 FROM issued_documents WHERE visit_id = ?"
                      " AND kind = 'bien_nhan_02'", [visit_id]).fetchone()


def test_viewing_a_receipt_issues_nothing_and_the_first_delivery_is_the_original(
        qtbot, window, demo_db, tmp_path, monkeypatch):
    """Receipt numbering: view → a failed save → save → print, through the window."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    from desk_app.gui import printing

    visit_id = register(demo_db).visit_id
    print_document(window.intake, window.tasks, "receipt", visit_id)
    qtbot.waitUntil(lambda: bool(_dialog(qtbot, window)), timeout=10000)
    dialog = _dialog(qtbot, window)[0]
    assert "Bản xem trước" in dialog.status.text()
    assert _receipt_row(demo_db, visit_id) == (None, None)  # viewing issued nothing
    assert "BẢN SAO" not in _text(dialog.pages.data)  # the preview looks like the original
    # Lưu PDF… into a folder that does not exist: the error is shown, nothing is issued.
    chosen = {"name": str(tmp_path / "missing" / "bn.pdf")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (chosen["name"], "")))
    dialog.ask_save()
    qtbot.waitUntil(lambda: "Không ghi được tệp" in dialog.status.text(), timeout=10000)
    assert _receipt_row(demo_db, visit_id) == (None, None)
    # Saved where it can be: that file is the original, and the register keeps its hash.
    chosen["name"] = str(tmp_path / "bn")
    dialog.ask_save()
    qtbot.waitUntil(lambda: "Đã lưu bản chính" in dialog.status.text(), timeout=10000)
    original = (tmp_path / "bn.pdf").read_bytes()
    assert "BẢN SAO" not in _text(original)
    payload, digest = _receipt_row(demo_db, visit_id)
    assert payload and digest == hashlib.sha256(original).hexdigest()
    # Printed afterwards (the print dialog accepted): what is painted is a copy.
    painted = []
    monkeypatch.setattr(printing.QPrintDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(printing, "paint", lambda pages, printer: painted.append(pages.data))
    dialog.print_document()
    qtbot.waitUntil(lambda: bool(painted), timeout=10000)
    assert "BẢN SAO" in _text(painted[0])
    assert dialog.status.text() == "Đã in bản sao."
    assert _receipt_row(demo_db, visit_id)[1] == digest  # the original's hash is kept
    dialog.close()


def test_a_receipt_printed_first_is_the_original(qtbot, window, demo_db, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from desk_app.gui import printing

    visit_id = register(demo_db).visit_id
    print_document(window.intake, window.tasks, "receipt", visit_id)
    qtbot.waitUntil(lambda: bool(_dialog(qtbot, window)), timeout=10000)
    dialog = _dialog(qtbot, window)[0]
    dialog.close()  # looked at and closed: still unissued
    assert _receipt_row(demo_db, visit_id) == (None, None)
    print_document(window.intake, window.tasks, "receipt", visit_id)
    qtbot.waitUntil(lambda: bool(_dialog(qtbot, window)), timeout=10000)
    dialog = _dialog(qtbot, window)[0]
    painted = []
    monkeypatch.setattr(printing.QPrintDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(printing, "paint", lambda pages, printer: painted.append(pages.data))
    dialog.print_document()
    qtbot.waitUntil(lambda: bool(painted), timeout=10000)
    assert "BẢN SAO" not in _text(painted[0])  # the citizen's first print is the original
    assert dialog.status.text().startswith("Đã in bản chính.")
    assert _receipt_row(demo_db, visit_id)[1] == hashlib.sha256(painted[0]).hexdigest()
    dialog.close()


def _text(data: bytes) -> str:
    import io

    return " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def test_a_refused_visit_has_no_receipt_and_says_so(qtbot, window, demo_db):
    from desk_app.core.model import Outcome

    visit_id = register(demo_db, outcome=Outcome.REFUSED, refusal_reason=_reason()).visit_id
    messages = []
    print_document(window.intake, window.tasks, "receipt", visit_id, messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "biên nhận" in messages[0].lower()
    assert not _dialog(qtbot, window)


def _reason():
    from desk_app.core.catalog import refusal_reasons

    return refusal_reasons()[0].code


def test_scanning_a_printed_receipt_opens_its_record(qtbot, window, demo_db):
    from desk_app.core.documents import print_receipt
    from desk_app.core.documents.register import _secret, receipt_qr_text, verification_code
    from desk_app.core.storage.office import get_office

    registered = register(demo_db)
    print_receipt(demo_db, registered.visit_id)  # the first print makes the office's secret
    office = get_office(demo_db)
    number = registered.receipt_no
    year = demo_db.execute("SELECT year FROM issued_documents WHERE visit_id = ?",
                           [registered.visit_id]).fetchone()[0]
    code = verification_code(_secret(demo_db, create=False), office.office_code, number, year)
    text = receipt_qr_text(office.office_code, number, year, code)
    page = window.intake
    with qtbot.waitSignal(page.open_record, timeout=5000) as opened:
        page.qr.setText(text)
        page.apply_qr()
    assert opened.args == [registered.petition_ids[0]]
    tampered = text[:-1] + ("A" if text[-1] != "A" else "B")
    page.qr.setText(tampered)
    page.apply_qr()
    qtbot.waitUntil(lambda: "không phải giấy biên nhận" in page.message.text(), timeout=5000)


def test_printing_without_a_signer_asks_first(qtbot, window, demo_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desk_app import messages
    from desk_app.core.model import Outcome
    from desk_app.core.storage import settings

    settings.put(demo_db, "signer_name", "")
    visit_id = register(demo_db, outcome=Outcome.REFUSED,
                        refusal_reason="da_giai_quyet_dung").visit_id
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return staticmethod(question)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.No))
    print_document(window.intake, window.tasks, "refusal", visit_id)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert asked[0].startswith(messages.SIGNER_MISSING)
    qtbot.wait(200)
    assert not _dialog(qtbot, window)
    assert demo_db.execute("SELECT COUNT(*) FROM issued_documents WHERE visit_id = ?"
                           " AND kind = 'tu_choi_01'", [visit_id]).fetchone()[0] == 0
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Yes))
    print_document(window.intake, window.tasks, "refusal", visit_id)
    qtbot.waitUntil(lambda: bool(_dialog(qtbot, window)), timeout=10000)
    assert len(asked) == 2
    # With a signer set, no question is asked.
    settings.put(demo_db, "signer_name", "Lê Văn Dũng")
    _dialog(qtbot, window)[0].close()
    print_document(window.intake, window.tasks, "refusal", visit_id)
    qtbot.waitUntil(lambda: bool(_dialog(qtbot, window)), timeout=10000)
    assert len(asked) == 2
