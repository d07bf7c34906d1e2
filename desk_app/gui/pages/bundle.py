"""Gửi dữ liệu lên tỉnh (a ward): this office's key and the province's, the bundles written
and which the province acknowledged; export a bundle (progress, cancel), read an
acknowledgement, exchange key files (core/bundle, docs/bundle.md).

Every action is a core/bundle/service.py call on the writer thread (export and acknowledgement
write the ledger) or a read on the reader thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desk_app.gui import style
from desk_app.gui.widgets.progress import run_with_progress


def _state(db) -> dict:
    from desk_app.core.bundle import keys

    own, province = keys.own_key(db), keys.province_key(db)
    rows = db.execute("SELECT seq, created_at, records, encrypted, full, acked_at FROM"
                      " bundle_exports ORDER BY seq DESC LIMIT 50").fetchall()
    return {"own": own.fingerprint if own else None,
            "province": (province.name, province.fingerprint) if province else None,
            "bundles": rows}


class BundleDialog(QDialog):
    exported = Signal(object)  # core.bundle.exporter.Exported
    acknowledged = Signal(object)  # core.bundle.ack.AckResult
    failed = Signal(str)

    def __init__(self, tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.progress = None  # the export's progress dialog
        self.setWindowTitle(self.tr("Gửi dữ liệu lên tỉnh"))
        self.own = QLabel(self)
        self.province = QLabel(self)
        self.province.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Mã nhận dạng khóa của cơ quan:"), self.own)
        form.addRow(self.tr("Khóa của tỉnh:"), self.province)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Gói số"), self.tr("Ngày xuất"),
                                              self.tr("Bản ghi"), self.tr("Mã hóa"),
                                              self.tr("Tỉnh xác nhận")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.full = QCheckBox(self.tr("Xuất &toàn bộ hồ sơ (không chỉ phần thay đổi từ gói tỉnh đã xác nhận)"),
                              self)
        self.export_button = QPushButton(self.tr("&Xuất gói dữ liệu…"), self)
        self.export_button.clicked.connect(self.choose_export)
        self.ack_button = QPushButton(self.tr("&Nhận tệp xác nhận của tỉnh…"), self)
        self.ack_button.clicked.connect(self.choose_ack)
        self.key_button = QPushButton(self.tr("Đăng &ký khóa của tỉnh…"), self)
        self.key_button.clicked.connect(self.choose_key)
        self.save_key_button = QPushButton(self.tr("&Lưu tệp khóa của cơ quan…"), self)
        self.save_key_button.clicked.connect(self.choose_save_key)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.export_button, self.ack_button, self.key_button, self.save_key_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Các gói đã xuất:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.full)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(820, 460)
        from desk_app.gui.help import add_help_key

        add_help_key(self, "bundle")
        self.refresh()

    # --- state -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.read(_state, self.show_state, self._show_error)

    def show_state(self, state: dict) -> None:
        self.own.setText(state["own"] or self.tr("chưa có (tạo khi xuất gói đầu tiên)"))
        if state["province"]:
            name, fingerprint = state["province"]
            self.province.setText(f"{name} — {fingerprint}")
            self.province.setStyleSheet("")
        else:
            self.province.setText(self.tr("Chưa đăng ký. Gói sẽ KHÔNG được mã hóa và danh tính người "
                                          "tố cáo được để ra ngoài. Hãy đăng ký tệp khóa của tỉnh."))
            self.province.setStyleSheet(style.css("warn", bold=True))
        rows = state["bundles"]
        self.table.setRowCount(len(rows))
        for i, (seq, created, records, encrypted, full, acked) in enumerate(rows):
            values = [str(seq), created[:16].replace("T", " "),
                      f"{records:,}".replace(",", ".") + (self.tr(" (toàn bộ)") if full else ""),
                      self.tr("có") if encrypted else self.tr("không"),
                      acked[:16].replace("T", " ") if acked else self.tr("chưa")]
            for j, value in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(value))

    def _say(self, text: str, role: str = "ok") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style.css(role))

    def _show_error(self, error) -> None:
        from desk_app.core.errors import DeskError

        if not isinstance(error, DeskError):
            raise error
        self._say(error.message, "error")
        self.failed.emit(error.message)

    # --- actions ---------------------------------------------------------------------------

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất gói dữ liệu"), "goi-du-lieu.dtcd",
                                              self.tr("Gói dữ liệu (*.dtcd)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        full = self.full.isChecked()

        def job(db, progress, cancel):
            from desk_app.core.bundle import service

            return service.export_bundle(db, path, full=full, progress=progress, cancel=cancel)

        self.progress = run_with_progress(
            self, self.tasks, job, title=self.tr("Xuất gói dữ liệu"),
            label=self.tr("Đang đọc và mã hóa hồ sơ…"), on_ok=self._exported,
            on_err=self._show_error)

    def _exported(self, out) -> None:
        text = self.tr("Đã xuất gói số %1 (%2 bản ghi) vào %3.").replace(
            "%1", str(out.sequence)).replace("%2", str(out.records)).replace("%3", str(out.path))
        if not out.encrypted:
            from desk_app import messages

            self._say(text + " " + messages.BUNDLE_NOT_ENCRYPTED, "warn")
        else:
            self._say(text)
        self.exported.emit(out)
        self.refresh()

    def choose_ack(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Nhận tệp xác nhận"), "",
                                              self.tr("Tệp xác nhận (*.dtca)"))
        if path:
            self.ack_from(Path(path))

    def ack_from(self, path: Path) -> None:
        def job(db):
            from desk_app.core.bundle import service

            return service.acknowledge(db, path)

        def done(result) -> None:
            self._say(self.tr("Tỉnh đã xác nhận gói số %1: %2 bản ghi được đánh dấu đã gửi.").replace(
                "%1", str(result.sequence)).replace("%2", str(result.confirmed)))
            self.acknowledged.emit(result)
            self.refresh()

        self.tasks.write(job, done, self._show_error)

    def choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Đăng ký khóa của tỉnh"), "",
                                              self.tr("Tệp khóa (*.key)"))
        if path:
            self.register_key(Path(path))

    def register_key(self, path: Path) -> None:
        def job(db):
            from desk_app.core.bundle import keys

            return keys.register(db, path)

        def done(result) -> None:
            key, _added = result
            self._say(self.tr("Đã đăng ký khóa của %1. Mã nhận dạng: %2 — hãy gọi điện đọc đối chiếu "
                              "với tỉnh.").replace("%1", key.name or key.office_code).replace(
                                  "%2", key.fingerprint))
            self.refresh()

        self.tasks.write(job, done, self._show_error)

    def choose_save_key(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp khóa của cơ quan"), "co-quan.key",
                                              self.tr("Tệp khóa (*.key)"))
        if path:
            self.save_key(Path(path))

    def save_key(self, path: Path) -> None:
        def job(db):
            from desk_app.core.bundle import keys
            from desk_app.core.documents.layout import write_file

            key = keys.ensure_own_key(db)
            write_file(path, keys.public_file_bytes(db))
            return key

        def done(key) -> None:
            self._say(self.tr("Đã lưu %1. Mã nhận dạng: %2").replace("%1", str(path)).replace(
                "%2", key.fingerprint))
            self.refresh()

        self.tasks.write(job, done, self._show_error)
