"""A new visit from start to printed receipt with the keyboard alone: shortcuts, Tab in the
order of the paper form, Enter in the last field, Ctrl+P twice. Only the operating system's
print dialog is replaced (at its boundary) by one that prints to a PDF file."""

from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

QR_LINE = ("027090001234||Đặng Văn Dũng|04031990|Nam|"
           "Thôn Đông, xã Hòa Long, thành phố Bắc Ninh, tỉnh Bắc Ninh|15082021")


def focused():
    return QApplication.focusWidget()


def key(qtbot, k, modifier=Qt.NoModifier):
    QTest.keyClick(focused(), k, modifier)
    qtbot.wait(10)


def type_text(text: str) -> None:
    """Into whatever has the focus, one key event per character (keyClicks aborts on
    non-ASCII text)."""
    for ch in text:
        widget = focused()
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, ch))


def tab_to(qtbot, target, limit=40) -> list:
    """Press Tab until `target` has the focus; the widgets passed on the way, in order."""
    seen = []
    for _ in range(limit):
        if focused() is target:
            return seen
        seen.append(focused())
        key(qtbot, Qt.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}; passed {seen!r}")


class PrintToPdf:
    """Stands in for QPrintDialog: the officer presses "In" with the printer set to a file."""

    target = None
    shown = 0

    def __init__(self, printer, parent=None):
        self.printer = printer

    def setMinMax(self, low, high):  # noqa: N802
        pass

    def exec(self):
        from PySide6.QtPrintSupport import QPrinter

        PrintToPdf.shown += 1
        self.printer.setOutputFormat(QPrinter.PdfFormat)
        self.printer.setOutputFileName(str(PrintToPdf.target))
        return QDialog.Accepted


def test_a_visit_by_keyboard_alone_to_a_printed_receipt(qtbot, window, demo_db, tmp_path,
                                                        monkeypatch):
    from desk_app.gui import printing

    monkeypatch.setattr(printing, "QPrintDialog", PrintToPdf)
    PrintToPdf.target = tmp_path / "printed.pdf"
    page = window.intake
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    visits = demo_db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]

    page.note.setFocus()
    key(qtbot, Qt.Key_N, Qt.ControlModifier)  # new visit: the QR box has the focus
    assert focused() is page.qr
    type_text(QR_LINE)
    key(qtbot, Qt.Key_Return)  # the card fills the identity; the phone is next to type
    assert page.full_name.text() == "Đặng Văn Dũng"
    assert focused() is page.phone
    type_text("0912345678")
    key(qtbot, Qt.Key_Tab)
    assert focused() is page.address
    type_text("Số 5 ngõ 12 đường Lý Thái Tổ")
    # From the address to the summary, Tab follows the paper form; the date-time box takes
    # one press, not five. The tick for someone presenting on another's behalf and the
    # police tick are one stop each; their fields open only when ticked.
    passed = tab_to(qtbot, page.parts[0].summary)
    assert passed[1:] == [page.commune.lineEdit() if page.commune.lineEdit() in passed
                          else page.commune, page.old_address, page.agent_box,
                          page.received_at, page.reception_kind, page.officer, page.crowd_size,
                          page.visit.police, page.prior_handlers, page.parts[0].kind,
                          page.parts[0].topic]
    type_text("Kiến nghị cấp giấy chứng nhận quyền sử dụng đất")
    # a received paper: Alt+L adds a row with the cursor in its name; Enter keeps it
    key(qtbot, Qt.Key_L, Qt.AltModifier)
    qtbot.waitUntil(lambda: page.documents.rowCount() == 1)
    qtbot.waitUntil(lambda: page.documents.isAncestorOf(focused()))
    type_text("Đơn kiến nghị")
    key(qtbot, Qt.Key_Return)
    tab_to(qtbot, page.note)
    type_text("Đã đọc lại cho người đến nghe")
    with qtbot.waitSignal(page.saved, timeout=10000) as saved:
        key(qtbot, Qt.Key_Return)  # Enter in the last field records the visit
    result = saved.args[0]
    assert demo_db.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == visits + 1
    assert demo_db.execute(
        "SELECT pe.full_name, pe.phone, v.note, d.name FROM visits v"
        " JOIN persons pe ON pe.id = v.person_id"
        " JOIN visit_documents d ON d.visit_id = v.id WHERE v.id = ?",
        [result.visit_id]).fetchone() == (
        "Đặng Văn Dũng", "0912345678", "Đã đọc lại cho người đến nghe", "Đơn kiến nghị")
    assert focused() is page.qr  # ready for the next visitor

    key(qtbot, Qt.Key_P, Qt.ControlModifier)  # the receipt of what was just recorded
    qtbot.waitUntil(lambda: bool(_documents(window)), timeout=15000)
    document = _documents(window)[0]
    qtbot.waitUntil(document.isActiveWindow)
    key(qtbot, Qt.Key_P, Qt.ControlModifier)  # and in its window, Ctrl+P prints it
    qtbot.waitUntil(lambda: PrintToPdf.target.exists(), timeout=10000)
    text = PdfReader(PrintToPdf.target).pages[0].extract_text() or ""
    assert PrintToPdf.shown == 1
    # printed through pdfium as images: the PDF has pages, not text; the register has it
    assert len(PdfReader(PrintToPdf.target).pages) == len(document.pages)
    number = demo_db.execute("SELECT number FROM issued_documents WHERE visit_id = ?",
                             [result.visit_id]).fetchone()[0]
    assert number == result.receipt_no
    assert text == "" or "Đặng" in text
    document.close()


def _documents(window):
    from desk_app.gui.printing import DocumentDialog

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, DocumentDialog) and w.isVisible()]
