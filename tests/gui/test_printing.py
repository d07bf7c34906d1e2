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
    # the register kept the hash of the first print
    assert demo_db.execute("SELECT sha256 FROM issued_documents WHERE visit_id = ?",
                           [visit_id]).fetchone()[0]
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
