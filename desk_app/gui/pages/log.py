"""The log book page (Sổ tiếp công dân, 03/TCD): filters, sorting, search results, reveal."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import catalog
from desk_app.core.errors import Cancelled, DeskError
from desk_app.core.reception.logbook import LogFilter, log_ids, reveal_identity
from desk_app.core.reception.search import search_ids
from desk_app.gui.documents import print_document
from desk_app.gui.models.log_model import LogModel
from desk_app.gui.pages.base import ListPage
from desk_app.gui.widgets.flow import FlowLayout, flow_policy
from desk_app.gui.widgets.table_state import ColumnMemory


def _combo(first: str, items) -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    for code, label in items:
        combo.addItem(label, code)
    return combo


class LogPage(ListPage):
    open_record = Signal(int)  # petition id
    open_case = Signal(int)  # case id
    loaded = Signal(int)  # number of rows shown
    exported = Signal(str)  # file written
    changed = Signal(int)  # visit id corrected or cancelled from the context menu

    def __init__(self, tasks, reader_db, officers, parent=None):
        super().__init__(tasks, parent)
        self.current_officer_id: int | None = None
        self.search_text = ""
        self.sort = "received_at"
        self.descending = True
        self.sort_column = 1

        self.use_dates = QComboBox(self)
        self.use_dates.addItems([self.tr("Mọi ngày"), self.tr("Trong khoảng")])
        self.date_from = QDateEdit(self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.date_to = QDateEdit(self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        today = QDate.currentDate()
        self.date_from.setDate(QDate(today.year(), 1, 1))
        self.date_to.setDate(today)
        self.reception_kind = _combo(self.tr("Mọi hình thức"), catalog.RECEPTION_KIND_LABELS.items())
        self.petition_kind = _combo(self.tr("Mọi loại đơn"), catalog.PETITION_KIND_LABELS.items())
        self.officer = _combo(self.tr("Mọi cán bộ"), [(o.id, o.full_name) for o in officers])
        # The two books (docs/channels.md): receptions (03/TCD) and petitions received
        # otherwise (sổ tiếp nhận, xử lý đơn), or one channel.
        self.channel = _combo(self.tr("Mọi cách tiếp nhận"), [
            ("visit", self.tr("Sổ tiếp công dân (03/TCD)")),
            ("no_visit", self.tr("Sổ tiếp nhận, xử lý đơn")),
            *((c.code, "— " + c.name) for c in catalog.channels() if not c.visit)])
        for widget in (self.use_dates, self.reception_kind, self.petition_kind, self.officer,
                       self.channel):
            widget.currentIndexChanged.connect(self.reload)
        for widget in (self.date_from, self.date_to):
            widget.dateChanged.connect(self._dates_changed)

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.clear_search = QPushButton(self.tr("Bỏ tìm kiếm"), self)
        self.clear_search.clicked.connect(lambda: self.set_search(""))
        self.count = QLabel(self)

        # The filters wrap onto a second row on a narrow screen rather than run off it.
        filter_box = QWidget(self)
        filter_box.setSizePolicy(flow_policy())
        filters = FlowLayout(filter_box)
        days = QLabel(self.tr("&Ngày:"), self)
        days.setBuddy(self.use_dates)
        dates = QWidget(self)
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        for widget in (days, self.use_dates, self.date_from, QLabel("–"), self.date_to):
            dates_row.addWidget(widget)
        filters.addWidget(dates)
        filters.addWidget(self.reception_kind)
        filters.addWidget(self.petition_kind)
        filters.addWidget(self.officer)
        filters.addWidget(self.channel)
        self.export_button = QPushButton(self.tr("Xuất &sổ… (Ctrl+E)"), self)
        self.export_button.clicked.connect(self.ask_export)
        top = QHBoxLayout()
        top.addWidget(filter_box, 1)
        top.addWidget(self.count)
        top.addWidget(self.export_button)

        search_bar = QHBoxLayout()
        search_bar.addWidget(self.banner, 1)
        search_bar.addWidget(self.clear_search)

        self.model = LogModel(reader_db, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(1, Qt.DescendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        self.view.verticalHeader().setVisible(False)  # the book's own STT numbers the lines
        self.columns = ColumnMemory(self.view, "log", (80, 120, 170, 220, 110, 380, 80, 70, 150,
                                                       70, 160, 160, 130, 120, 160, 120, 160,
                                                       110))
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(search_bar)
        layout.addWidget(self.view, 1)
        self._update_banner()
        self._dates_changed()

    # --- loading -----------------------------------------------------------------
    def current_filter(self) -> LogFilter:
        ranged = self.use_dates.currentIndex() == 1
        return LogFilter(
            date_from=self.date_from.date().toPython() if ranged else None,
            date_to=self.date_to.date().toPython() if ranged else None,
            reception_kind=self.reception_kind.currentData(),
            petition_kind=self.petition_kind.currentData(),
            officer_id=self.officer.currentData(), channel=self.channel.currentData(),
            sort=self.sort, descending=self.descending)

    def _dates_changed(self, *_):
        ranged = self.use_dates.currentIndex() == 1
        self.date_from.setEnabled(ranged)
        self.date_to.setEnabled(ranged)
        if ranged:
            self.reload()

    def load_job(self):
        text, flt = self.search_text, self.current_filter()
        return lambda db: search_ids(db, text, 500) if text else log_ids(db, flt)

    def loading(self) -> None:
        self.count.setText(self.tr("Đang tải…"))

    def show_loaded(self, ids) -> None:
        self.model.set_ids(ids)
        self.count.setText(self.tr("%1 dòng").replace("%1", f"{len(ids):,}".replace(",", ".")))
        self.loaded.emit(len(ids))

    def set_search(self, text: str) -> None:
        self.search_text = text.strip()
        self._update_banner()
        self.reload()

    def _update_banner(self) -> None:
        searching = bool(self.search_text)
        self.banner.setVisible(searching)
        self.clear_search.setVisible(searching)
        if searching:
            self.banner.setText(self.tr("Kết quả tìm kiếm cho “%1” (khớp nhất trước, rồi mới nhất trước)")
                                .replace("%1", self.search_text))

    def _header_clicked(self, column: int) -> None:
        key = self.model.sort_key(column)
        header = self.view.horizontalHeader()
        if key is not None:
            if key == self.sort:
                self.descending = not self.descending
            else:
                self.sort, self.descending = key, key in ("received_at", "crowd_size")
            self.sort_column = column
            self.reload()
        # columns with no index to sort by keep the current order
        header.setSortIndicator(self.sort_column,
                                Qt.DescendingOrder if self.descending else Qt.AscendingOrder)

    # --- records -----------------------------------------------------------------
    def _open(self, row: int) -> None:
        record = self.model.row_at(row)
        if record is not None:
            self.open_record.emit(record.petition_id)

    def _menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        record = self.model.row_at(index.row()) if index.isValid() else None
        if record is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Xem chi tiết"), lambda: self.open_record.emit(record.petition_id))
        refused = "Từ chối tiếp:" in record.note
        if not record.cancelled:  # an entry made in error gets no new document or correction
            if refused:
                menu.addAction(self.tr("Lập thông báo từ chối tiếp (mẫu 01/TCD)…"),
                               lambda: print_document(self, self.tasks, "refusal", record.visit_id,
                                                      self.show_message))
            else:
                menu.addAction(self.tr("In lại giấy biên nhận…"),
                               lambda: print_document(self, self.tasks, "receipt", record.visit_id,
                                                      self.show_message))
            menu.addAction(self.tr("Đính chính…"), lambda: self.ask_correction(record))
            menu.addAction(self.tr("Hủy lượt tiếp (ghi sổ nhầm)…"), lambda: self.ask_cancel(record))
        if record.case_id is not None:
            menu.addAction(self.tr("Mở vụ việc #%1").replace("%1", str(record.case_id)),
                           lambda: self.open_case.emit(record.case_id))
        if record.masked:
            menu.addAction(self.tr("Hiện danh tính người tố cáo…"),
                           lambda: self.ask_reveal(record.petition_id))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def ask_correction(self, record):
        from desk_app.gui.dialogs.correction import CorrectionDialog

        dialog = CorrectionDialog(self.tasks, record.visit_id, lambda: self.current_officer_id,
                                  petition_id=record.petition_id, parent=self,
                                  reveal=not record.masked)
        dialog.corrected.connect(self._record_changed)
        dialog.open()
        return dialog

    def ask_cancel(self, record):
        from desk_app.gui.dialogs.correction import CancelVisitDialog

        dialog = CancelVisitDialog(self.tasks, record.visit_id, record.log_label,
                                   lambda: self.current_officer_id, parent=self)
        dialog.cancelled.connect(self._record_changed)
        dialog.open()
        return dialog

    def _record_changed(self, visit_id: int) -> None:
        self.model.refresh_rows()
        self.mark_stale()
        self.changed.emit(visit_id)

    def ask_reveal(self, petition_id: int) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Xem danh tính người tố cáo"),
            self.tr("Danh tính người tố cáo được bảo mật (Luật Tố cáo, Điều 47).\n"
                    "Việc xem được ghi lại. Lý do cần xem:"))
        if ok:
            self.reveal(petition_id, reason)

    def reveal(self, petition_id: int, reason: str) -> None:
        officer_id = self.current_officer_id
        self.tasks.write(lambda db: reveal_identity(db, petition_id, officer_id, reason),
                         self.model.reveal, self._reveal_failed)

    def show_message(self, text: str) -> None:
        self.banner.setVisible(True)
        self.banner.setText(text)

    # --- export ------------------------------------------------------------------
    def ask_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.use_dates.currentIndex() == 1:
            first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        else:
            today = QDate.currentDate().toPython()
            first, last = today.replace(month=1, day=1), today
        # With the book of petitions received (or one of its channels) chosen, that book is
        # exported; otherwise the log book 03/TCD (docs/channels.md).
        letters = self.export_book() == "no_visit"
        suggested = (f"so-tiep-nhan-don-{first:%Y%m%d}-{last:%Y%m%d}.pdf" if letters
                     else f"so-tiep-cong-dan-{first:%Y%m%d}-{last:%Y%m%d}.pdf")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Xuất sổ tiếp nhận, xử lý đơn") if letters
            else self.tr("Xuất sổ tiếp công dân"), suggested,
            self.tr("Tệp PDF (*.pdf);;Bảng tính Excel (*.xlsx)"))
        if name:
            if not name.lower().endswith((".pdf", ".xlsx")):
                name += ".xlsx" if "xlsx" in chosen else ".pdf"
            self.export(first, last, name)

    def export_book(self) -> str:
        chosen = self.channel.currentData()
        return "visit" if chosen in (None, "visit", "truc_tiep") else "no_visit"

    def export(self, first, last, name: str) -> None:
        """Long job: on the reader thread, with a progress dialog whose Cancel stops it."""
        import threading

        from PySide6.QtWidgets import QProgressDialog

        cancel = threading.Event()
        book = self.export_book()
        dialog = QProgressDialog(self.tr("Đang xuất sổ tiếp công dân…"), self.tr("Hủy"), 0, 100, self)
        dialog.setMinimumDuration(600)
        dialog.canceled.connect(cancel.set)
        bridge = self._progress_bridge(dialog)

        def job(db):
            from desk_app.core import documents
            export = documents.export_log_xlsx if name.lower().endswith(".xlsx") \
                else documents.export_log_pdf
            # The core polls `cancel.is_set()`: hand it the event itself, not its method.
            return export(db, first, last, name, progress=bridge.emit, cancel=cancel, book=book)

        def done(count):
            dialog.close()
            self.show_message(self.tr("Đã xuất %1 dòng ra %2").replace("%1", str(count))
                              .replace("%2", name))
            self.exported.emit(name)

        def failed(error):
            dialog.close()
            if isinstance(error, DeskError):
                self.show_message(error.message)
            elif not isinstance(error, Cancelled):
                raise error

        self.tasks.read(job, done, failed)

    def _progress_bridge(self, dialog):
        from PySide6.QtCore import QObject

        class Bridge(QObject):
            progressed = Signal(int, int)

        bridge = Bridge(self)
        bridge.progressed.connect(
            lambda done, total: dialog.setValue(int(done * 100 / total) if total else 0))
        bridge.emit = bridge.progressed.emit
        return bridge

    def _reveal_failed(self, error) -> None:
        if isinstance(error, DeskError):
            self.banner.setVisible(True)
            self.banner.setText(error.message)
        else:
            raise error
