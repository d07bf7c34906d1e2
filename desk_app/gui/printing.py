"""Show a generated PDF, print it through Qt's print dialog (with preview), or save it.

The core makes the PDF (reportlab); pdfium (pypdfium2) turns its pages into images for the
screen and, at the printer's resolution, for the printer. What is printed is therefore the
very document whose hash the register keeps, not a second layout drawn with Qt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.gui import style
from desk_app.gui.help import add_help_key
from desk_app.gui.widgets.screen import fit

PRINT_DPI_MAX = 300  # enough for text; more only makes the spool bigger


class PdfPages:
    """A PDF held in memory, rendered page by page (GUI thread only: pdfium is not thread-safe)."""

    def __init__(self, data: bytes):
        import pypdfium2 as pdfium

        self.data = data
        self._pdf = pdfium.PdfDocument(data)

    def __len__(self) -> int:
        return len(self._pdf)

    def size_points(self, index: int) -> tuple[float, float]:
        return self._pdf[index].get_size()

    def image(self, index: int, dpi: float) -> QImage:
        bitmap = self._pdf[index].render(scale=dpi / 72, rev_byteorder=True)
        width, height = bitmap.width, bitmap.height
        fmt = QImage.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format_RGB888
        # copy(): the QImage must not outlive pdfium's buffer
        return QImage(bitmap.buffer, width, height, bitmap.stride, fmt).copy()

    def landscape(self) -> bool:
        width, height = self.size_points(0)
        return width > height

    def close(self) -> None:
        self._pdf.close()


def _printer(pages: PdfPages, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(title)
    width, height = pages.size_points(0)
    layout = QPageLayout(QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Point),
                         QPageLayout.Landscape if pages.landscape() else QPageLayout.Portrait,
                         QMarginsF(0, 0, 0, 0))
    printer.setPageLayout(layout)
    printer.setFullPage(True)  # the PDF carries the official margins itself
    return printer


def paint(pages: PdfPages, printer: QPrinter) -> None:
    dpi = min(printer.resolution(), PRINT_DPI_MAX)
    painter = QPainter(printer)
    try:
        first, last = printer.fromPage(), printer.toPage()
        chosen = range(len(pages)) if first == 0 else range(first - 1, min(last, len(pages)))
        for n, index in enumerate(chosen):
            if n:
                printer.newPage()
            image = pages.image(index, dpi)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()


def save_pdf(data: bytes, target: str | Path) -> Path:
    target = Path(target)
    part = target.with_name(target.name + ".part")
    part.write_bytes(data)
    part.replace(target)
    return target


class DocumentDialog(QDialog):
    """The document on screen, with "In…", "Xem trước khi in…" and "Lưu PDF…".

    With a `delivery` (a receipt not yet issued), what is shown is a preview: printing or
    saving asks the core for the document to deliver — the original the first time, a copy
    after — and only a delivery that succeeds issues it."""

    def __init__(self, data: bytes, title: str, file_name: str, parent=None, delivery=None):
        super().__init__(parent)
        self.pages = PdfPages(data)
        self.title = title
        self.file_name = file_name
        self.delivery = delivery
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.setWindowTitle(title)
        add_help_key(self, "documents")  # F1 in this window: its help page
        fit(self, 820 if not self.pages.landscape() else 1100, 900)
        self.page = 0

        self.view = QLabel(self)
        self.view.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(True)
        self.position = QLabel(self)
        self.previous = QPushButton(self.tr("◀ Trang trước"), self)
        self.next = QPushButton(self.tr("Trang sau ▶"), self)
        self.previous.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        print_button = QPushButton(self.tr("In… (Ctrl+P)"), self)
        print_button.setShortcut("Ctrl+P")
        print_button.setDefault(True)
        print_button.clicked.connect(self.print_document)
        preview = QPushButton(self.tr("Xem trước khi in…"), self)
        preview.clicked.connect(self.preview)
        save = QPushButton(self.tr("Lưu PDF…"), self)
        save.clicked.connect(self.ask_save)
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(self.close)

        bar = QHBoxLayout()
        for widget in (self.previous, self.position, self.next):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (preview, print_button, save, close):
            bar.addWidget(widget)
        if delivery is not None:
            # Qt's preview window prints on its own, past the delivery: the window itself
            # shows the page as it will print.
            preview.setEnabled(False)
            preview.setToolTip(self.tr("Trang đang hiển thị chính là bản sẽ được in."))
            self.status.setText(self.tr(
                "Bản chính đã được cấp trước đây: in hoặc lưu lần này là bản sao (có dấu "
                "“BẢN SAO”).") if delivery.delivered else self.tr(
                "Bản xem trước: bản chính được cấp khi in hoặc lưu PDF lần đầu thành công."))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        self.show_page(0)

    def show_page(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            return
        self.page = index
        self.view.setPixmap(QPixmap.fromImage(self.pages.image(index, 96)))
        self.position.setText(self.tr("Trang %1/%2").replace("%1", str(index + 1))
                              .replace("%2", str(len(self.pages))))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.pages) - 1)

    def print_document(self) -> None:
        printer = _printer(self.pages, self.title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, len(self.pages))
        if dialog.exec() != QDialog.Accepted:
            return
        if self.delivery is None:
            paint(self.pages, printer)
            return
        self.delivery.deliver(None, lambda pdf, copy: self._delivered(pdf, copy, printer=printer),
                              self._failed)

    def _delivered(self, pdf: bytes, copy: bool, *, printer: QPrinter | None = None,
                   path: Path | None = None) -> None:
        if printer is not None:
            pages = PdfPages(pdf)
            try:
                paint(pages, printer)
            finally:
                pages.close()
        if path is not None:
            text = (self.tr("Đã lưu bản sao vào %1.") if copy else
                    self.tr("Đã lưu bản chính vào %1. Lần in hoặc lưu sau là bản sao."))
            text = text.replace("%1", str(path))
        else:
            text = (self.tr("Đã in bản sao.") if copy else
                    self.tr("Đã in bản chính. Lần in hoặc lưu sau là bản sao."))
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _failed(self, message: str) -> None:
        self.status.setStyleSheet(style.css("error"))
        self.status.setText(message)

    def preview(self) -> None:
        printer = _printer(self.pages, self.title)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: paint(self.pages, p))
        dialog.exec()

    def ask_save(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu PDF"), self.file_name,
                                              self.tr("Tệp PDF (*.pdf)"))
        if not name:
            return None
        if not name.lower().endswith(".pdf"):
            name += ".pdf"
        target = Path(name)
        if self.delivery is not None:
            self.delivery.deliver(target, lambda pdf, copy: self._delivered(pdf, copy, path=target),
                                  self._failed)
            return target
        try:
            return save_pdf(self.pages.data, target)
        except OSError as exc:
            from desk_app import messages

            self._failed(messages.OUT_WRITE_FAILED.format(path=target, why=exc.strerror or exc))
            return None

    def closeEvent(self, event):  # noqa: N802
        self.pages.close()
        super().closeEvent(event)


def show_document(parent: QWidget, data: bytes, title: str, file_name: str,
                  delivery=None) -> DocumentDialog:
    dialog = DocumentDialog(data, title, file_name, parent, delivery)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.show()
    return dialog
