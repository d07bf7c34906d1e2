"""The province's window (province mode, core/bundle/province.py): instead of the intake
form, the import of the wards' bundles (a dry-run summary first, then the import), all wards'
cases searchable together, the cross-ward duplicates, the conflicts waiting for a choice,
the keys, and the periodic reports per ward and in total.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.gui import style

KINDS = ("new", "updated", "unchanged", "conflict", "rejected")


def _table(parent, headers: list[str], stretch: int | None = None) -> QTableWidget:
    """A read-only list; `stretch`: the column that takes the room left (long text)."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return table


def _short(name: str) -> str:
    """“Ủy ban nhân dân phường Nhân Hòa” → “phường Nhân Hòa” (lists of several offices)."""
    return name.removeprefix("Ủy ban nhân dân ")


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.setItem(i, j, QTableWidgetItem(value))


class ProvincePage(QWidget):
    """The tabs of the province's window (reports added by the window)."""

    checked = Signal(object)  # the dry run's summaries
    imported = Signal(object)  # the import's summaries
    failed = Signal(str)

    def __init__(self, tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.paths: list[Path] = []
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._import_tab()
        self._search_tab()
        self._duplicates_tab()
        self._conflicts_tab()
        self._keys_tab()
        self.tabs.currentChanged.connect(self._tab_changed)

    # --- import ---------------------------------------------------------------------------

    def _import_tab(self) -> None:
        page = QWidget(self)
        self.choose_button = QPushButton(self.tr("&Chọn gói dữ liệu của xã, phường…"), page)
        self.choose_button.clicked.connect(self.choose_bundles)
        self.import_button = QPushButton(self.tr("&Nhập các gói này"), page)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_checked)
        self.files_label = QLabel(self.tr("Chưa chọn gói nào. Chọn gói để xem trước: phần mềm kiểm "
                                          "tra chữ ký, mã kiểm tra và thứ tự gói, đếm các bản ghi mới, "
                                          "cập nhật, không đổi, xung đột, bị từ chối; chưa ghi gì."), page)
        self.files_label.setWordWrap(True)
        self.summary = _table(page, [self.tr("Gói"), self.tr("Xã, phường"), self.tr("Bảng"),
                                     self.tr("Mới"), self.tr("Cập nhật"), self.tr("Không đổi"),
                                     self.tr("Xung đột"), self.tr("Bị từ chối")])
        self.import_message = QLabel(page)
        self.import_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.files_label)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.import_message)
        self.tabs.addTab(page, self.tr("Nhập gói dữ liệu"))

    def choose_bundles(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn gói dữ liệu"), "",
                                                self.tr("Gói dữ liệu (*.dtcd)"))
        if files:
            self.dry_run([Path(f) for f in files])

    def dry_run(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.import_button.setEnabled(False)
        self.files_label.setText(self.tr("Đang kiểm tra %1 gói…").replace("%1", str(len(paths))))

        def job(db):
            from desk_app.core.bundle import service

            return service.import_bundles(db, paths, dry_run=True)

        self.tasks.read(job, self._checked, self._import_failed)

    def _summary_rows(self, summaries) -> list[list[str]]:
        from desk_app.cli_bundle import TABLE_LABELS

        rows = []
        for s in summaries:
            for table, counts in s.tables.items():
                rows.append([f"{s.name} (số {s.sequence})", s.office_code,
                             TABLE_LABELS.get(table, table), *(str(counts[k]) for k in KINDS)])
        return rows

    def _checked(self, summaries) -> None:
        _fill(self.summary, self._summary_rows(summaries))
        rejected = sum(s.total("rejected") for s in summaries)
        held = [s.name for s in summaries if s.state == "imported"]
        text = self.tr("Xem trước %1 gói: chưa ghi gì.").replace("%1", str(len(summaries)))
        if held:
            text += " " + self.tr("Đã nhập trước đây (nhập lại không thay đổi gì): %1.").replace(
                "%1", ", ".join(held))
        problems = [p for s in summaries for p in s.problems]
        if rejected:
            text += " " + self.tr("Có %1 bản ghi bị từ chối; gói có bản ghi bị từ chối sẽ không được "
                                  "nhập.").replace("%1", str(rejected))
            text += "\n" + "\n".join(problems[:5])
        self.files_label.setText(text)
        self.files_label.setStyleSheet(style.css("warn") if rejected else "")
        self.import_button.setEnabled(not rejected)
        self.checked.emit(summaries)

    def import_checked(self) -> None:
        from desk_app.gui.widgets.progress import run_with_progress

        paths = list(self.paths)

        def job(db, progress, cancel):
            from desk_app.core.bundle import service

            return service.import_bundles(db, paths)

        self.import_button.setEnabled(False)
        run_with_progress(self, self.tasks, job, title=self.tr("Nhập gói dữ liệu"),
                          label=self.tr("Đang nhập; mỗi gói được nhập trọn vẹn hoặc không nhập gì…"),
                          on_ok=self._imported, on_err=self._import_failed, cancellable=False)

    def _imported(self, summaries) -> None:
        _fill(self.summary, self._summary_rows(summaries))
        applied = [s for s in summaries if s.applied]
        self.import_message.setText(self.tr("Đã nhập %1 gói. Tệp xác nhận (.ack.dtca) đã ghi cạnh mỗi "
                                            "gói: hãy gửi lại cho xã, phường.").replace(
                                                "%1", str(len(applied))))
        self.import_message.setStyleSheet(style.css("ok"))
        self.imported.emit(summaries)

    def _import_failed(self, error) -> None:
        from desk_app.core.errors import DeskError

        if not isinstance(error, DeskError):
            raise error
        self.files_label.setText(error.message)
        self.files_label.setStyleSheet(style.css("error"))
        self.import_message.setText("")
        self.import_button.setEnabled(False)
        self.failed.emit(error.message)

    # --- consolidated search --------------------------------------------------------------

    def _search_tab(self) -> None:
        page = QWidget(self)
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(self.tr("Họ tên, số giấy tờ hoặc tên vụ việc (có dấu hay không "
                                               "dấu đều được)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.find(self.search.text()))
        self.hits = _table(page, [self.tr("Số vụ việc"), self.tr("Xã, phường"), self.tr("Ngày"),
                                  self.tr("Người gửi"), self.tr("Loại"), self.tr("Trạng thái"),
                                  self.tr("Vụ việc")], stretch=6)
        layout = QVBoxLayout(page)
        layout.addWidget(self.search)
        layout.addWidget(self.hits, 1)
        self.tabs.addTab(page, self.tr("Tra cứu các xã, phường"))

    def find(self, text: str) -> None:
        def job(db):
            from desk_app.core.bundle import province

            return province.search_cases(db, text)

        self.tasks.read(job, self._found, self._import_failed)

    def _found(self, hits) -> None:
        from desk_app.core.cases.lifecycle import STATUS_LABELS
        from desk_app.core.catalog import PETITION_KIND_LABELS

        _fill(self.hits, [[str(h.case_id), _short(h.office_name), h.opened_on,
                           h.person or self.tr("(Danh tính người tố cáo được bảo mật)"),
                           str(PETITION_KIND_LABELS.get(h.kind, h.kind)),
                           str(STATUS_LABELS.get(h.status, h.status)), h.title] for h in hits])

    # --- duplicates -----------------------------------------------------------------------

    def _duplicates_tab(self) -> None:
        page = QWidget(self)
        self.duplicates_label = QLabel(self.tr("Đơn trùng giữa các xã, phường để xem xét: cùng một người "
                                               "(số giấy tờ) có vụ việc ở nhiều nơi; cùng nội dung ở nhiều "
                                               "nơi; cùng nội dung bị chuyển đơn nhiều lần."), page)
        self.duplicates_label.setWordWrap(True)
        self.duplicates = _table(page, [self.tr("Loại trùng"), self.tr("Người hoặc nội dung"),
                                        self.tr("Các xã, phường"), self.tr("Vụ việc")], stretch=1)
        refresh = QPushButton(self.tr("&Làm mới"), page)
        refresh.clicked.connect(self.load_duplicates)
        layout = QVBoxLayout(page)
        layout.addWidget(self.duplicates_label)
        layout.addWidget(self.duplicates, 1)
        layout.addWidget(refresh)
        self.tabs.addTab(page, self.tr("Đơn trùng giữa các xã"))

    def load_duplicates(self) -> None:
        def job(db):
            from desk_app.core.bundle import province

            return province.duplicates(db), province.offices(db)

        self.tasks.read(job, self._show_duplicates, self._import_failed)

    def _show_duplicates(self, result) -> None:
        found, names = result
        kinds = {"person": self.tr("Cùng người"), "content": self.tr("Cùng nội dung"),
                 "transfers": self.tr("Chuyển đơn nhiều lần")}
        _fill(self.duplicates, [[kinds[d.kind], d.label,
                                 "; ".join(_short(names.get(o, o)) for o in d.offices),
                                 ", ".join(map(str, d.case_ids))] for d in found])
        self.duplicates_loaded = len(found)

    # --- conflicts ------------------------------------------------------------------------

    def _conflicts_tab(self) -> None:
        page = QWidget(self)
        self.conflicts = _table(page, [self.tr("Số"), self.tr("Xã, phường"), self.tr("Bảng"),
                                       self.tr("Phiên bản"), self.tr("Bản của xã, phường"),
                                       self.tr("Bản của tỉnh")], stretch=4)
        self.keep_incoming = QPushButton(self.tr("Giữ bản của &xã, phường"), page)
        self.keep_local = QPushButton(self.tr("Giữ bản của &tỉnh"), page)
        self.keep_incoming.clicked.connect(lambda: self.resolve("incoming"))
        self.keep_local.clicked.connect(lambda: self.resolve("local"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_incoming)
        buttons.addWidget(self.keep_local)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Hồ sơ bị sửa ở cả tỉnh và xã, phường: giữ cả hai bản cho đến khi "
                                        "chọn."), page))
        layout.addWidget(self.conflicts, 1)
        layout.addLayout(buttons)
        self.tabs.addTab(page, self.tr("Xung đột"))

    def load_conflicts(self) -> None:
        def job(db):
            from desk_app.core.bundle import service

            return service.conflicts(db)

        self.tasks.read(job, self._show_conflicts, self._import_failed)

    def _show_conflicts(self, found) -> None:
        from desk_app.cli_bundle import TABLE_LABELS

        def brief(data) -> str:
            if not isinstance(data, dict):
                return ""
            return str(data.get("title") or data.get("summary") or data.get("full_name") or "")[:80]

        self.conflict_ids = [c["id"] for c in found]
        _fill(self.conflicts, [[str(c["id"]), c["office_code"], TABLE_LABELS.get(c["table"], c["table"]),
                                str(c["version"]), brief(c["incoming"].get("data")), brief(c["local"])]
                               for c in found])

    def resolve(self, choice: str) -> None:
        row = self.conflicts.currentRow()
        if row < 0:
            return
        conflict_id = int(self.conflicts.item(row, 0).text())

        def job(db):
            from desk_app.core.bundle import service

            service.resolve_conflict(db, conflict_id, choice)

        self.tasks.write(job, lambda _: self.load_conflicts(), self._import_failed)

    # --- keys ----------------------------------------------------------------------------

    def _keys_tab(self) -> None:
        page = QWidget(self)
        self.keys_table = _table(page, [self.tr("Của"), self.tr("Mã cơ quan"), self.tr("Tên"),
                                        self.tr("Mã nhận dạng"), self.tr("Hiệu lực từ"),
                                        self.tr("Đến")], stretch=2)
        register = QPushButton(self.tr("Đăng &ký khóa của một xã, phường…"), page)
        register.clicked.connect(self.choose_key)
        save = QPushButton(self.tr("&Lưu tệp khóa của tỉnh…"), page)
        save.clicked.connect(self.choose_save_key)
        self.keys_message = QLabel(page)
        self.keys_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(register)
        buttons.addWidget(save)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Trước khi đăng ký, hãy gọi điện đọc mã nhận dạng cho nhau."), page))
        layout.addWidget(self.keys_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.keys_message)
        self.tabs.addTab(page, self.tr("Khóa"))

    def load_keys(self) -> None:
        def job(db):
            from desk_app.core.bundle import keys

            return keys.all_keys(db)

        self.tasks.read(job, self._show_keys, self._import_failed)

    def _show_keys(self, found) -> None:
        owners = {"self": self.tr("Tỉnh (cơ quan này)"), "office": self.tr("Xã, phường"),
                  "province": self.tr("Tỉnh")}
        _fill(self.keys_table, [[owners[k.owner], k.office_code, k.name, k.fingerprint,
                                 k.valid_from[:10], (k.valid_to or "")[:10]] for k in found])

    def choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Đăng ký khóa của xã, phường"), "",
                                              self.tr("Tệp khóa (*.key)"))
        if path:
            self.register_key(Path(path))

    def register_key(self, path: Path) -> None:
        def job(db):
            from desk_app.core.bundle import keys

            return keys.register(db, path)

        def done(result) -> None:
            key, _added = result
            self.keys_message.setText(self.tr("Đã đăng ký khóa của %1. Mã nhận dạng: %2").replace(
                "%1", key.name or key.office_code).replace("%2", key.fingerprint))
            self.load_keys()

        self.tasks.write(job, done, self._import_failed)

    def choose_save_key(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp khóa của tỉnh"), "tinh.key",
                                              self.tr("Tệp khóa (*.key)"))
        if path:
            def job(db):
                from desk_app.core.bundle import keys
                from desk_app.core.documents.layout import write_file

                write_file(path, keys.public_file_bytes(db))

            self.tasks.write(job, lambda _: self.keys_message.setText(
                self.tr("Đã lưu %1.").replace("%1", path)), self._import_failed)

    def _tab_changed(self, index: int) -> None:
        loaders = {2: self.load_duplicates, 3: self.load_conflicts, 4: self.load_keys}
        if index in loaders:
            loaders[index]()


class ProvinceWindow(QMainWindow):
    def __init__(self, tasks, office, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.office = office
        self.setObjectName("provinceWindow")
        self.setWindowTitle(self.tr("Bàn tiếp dân — %1 (cấp tỉnh)").replace("%1", office.name))
        self.page = ProvincePage(tasks, self)
        from desk_app.gui.pages.reports import ReportsPage

        self.reports = ReportsPage(tasks, self)
        self.page.tabs.addTab(self.reports, self.tr("Báo cáo định kỳ (các xã và toàn tỉnh)"))
        self.setCentralWidget(self.page)
        self.statusBar().showMessage(self.tr("%1 · tổng hợp dữ liệu các xã, phường gửi lên").replace(
            "%1", office.name))
        menu = self.menuBar().addMenu(self.tr("&Tệp"))
        action = menu.addAction(self.tr("&Chọn gói dữ liệu…"))
        action.triggered.connect(self.page.choose_bundles)
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("&Thoát"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        from desk_app.gui.help import add_help_key

        add_help_key(self, "province")
        self.resize(1100, 680)

    def show_placed(self) -> None:
        self.show()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.tasks.shutdown()
        super().closeEvent(event)
