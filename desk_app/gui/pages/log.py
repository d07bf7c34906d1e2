"""The log book page (Sổ tiếp công dân, 03/TCD): filters, sorting, search results, reveal."""

from __future__ import annotations

from array import array

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
from desk_app.core.reception.log_order import FIRST_SCREEN, place
from desk_app.core.reception.logbook import LogFilter, log_ids, reveal_identity
from desk_app.core.reception.search import PAGE as SEARCH_PAGE
from desk_app.core.reception.search import count_matches, search_page
from desk_app.gui.documents import ACK_TITLE, print_document
from desk_app.gui.models.log_model import LogModel
from desk_app.gui.pages.base import ListPage
from desk_app.gui.widgets.flow import FlowLayout, flow_policy
from desk_app.gui.widgets.table_state import ColumnMemory


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # 12.345: the Vietnamese thousands mark


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
        self._loading = False
        self._after: str | None = None  # where the next page of search results starts
        self._matches: tuple[int, bool] = (0, True)

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
        self.more = QPushButton(self)
        self.more.setVisible(False)
        self.more.clicked.connect(self.show_more)

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
        search_bar.addWidget(self.more)
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

    def rows_changed(self) -> None:
        """What some lines show changed (a case step, a holiday), not which lines or their order."""
        self.model.refresh_rows()

    def lines_added(self, petition_ids) -> None:
        """A visit was saved: its lines go where the log's order puts them (docs/log.md), a few
        index lookups instead of a reload; a search runs again (one page)."""
        if self._stale or self.search_text or self._loading:
            self.mark_stale()
            return
        placed = place(self.model.db, self.current_filter(), self.model.ids, petition_ids)
        if placed:
            self.model.insert_ids(placed)
            self._show_count(len(self.model.ids))

    def reload(self, *_) -> None:
        self._stale = False
        self._generation += 1
        generation = self._generation
        text = self.search_text
        flt = self.current_filter()
        self._loading = True
        self.more.setVisible(False)
        self.count.setText(self.tr("Đang tải…"))
        if text:
            # The first page first; the count (up to 10,000 matches read) follows it.
            self.tasks.read(lambda db: search_page(db, text, SEARCH_PAGE),
                            lambda page: self._searched(generation, text, page))
            return

        def first_job(db):
            return log_ids(db, flt, limit=FIRST_SCREEN)

        self.tasks.read(first_job, lambda ids: self._first_screen(generation, flt, ids))

    def _first_screen(self, generation: int, flt, ids) -> None:
        if generation != self._generation:
            return  # a newer filter was chosen meanwhile
        self.model.set_ids(ids)
        if len(ids) < FIRST_SCREEN:
            self._loaded(len(ids))
            return
        self.tasks.read(lambda db: log_ids(db, flt), lambda all_ids: self._rest(generation, all_ids))

    def _rest(self, generation: int, ids) -> None:
        if generation != self._generation:
            return
        self.model.extend_ids(ids)
        self._loaded(len(ids))

    def _loaded(self, n: int) -> None:
        self._loading = False
        self._show_count(n)
        self.loaded.emit(n)

    def _show_count(self, n: int) -> None:
        self.count.setText(self.tr("%1 dòng").replace("%1", _number(n)))

    # --- search results: a page at a time --------------------------------------------------
    def _searched(self, generation: int, text: str, page) -> None:
        if generation != self._generation:
            return
        self._after = page.after
        # until counted: what is known (all of them when there is no next page)
        self._matches = (len(page.ids), page.after is None)
        self.model.set_ids(array("q", page.ids))
        self._show_matches()
        self._loading = False
        if page.after is None:
            self.loaded.emit(len(page.ids))
            return
        self.tasks.read(lambda db: count_matches(db, text),
                        lambda counted: self._counted(generation, counted))

    def _counted(self, generation: int, counted: tuple[int, bool]) -> None:
        if generation != self._generation:
            return
        self._matches = counted
        self._show_matches()
        self.loaded.emit(len(self.model.ids))

    def show_more(self) -> None:
        """The next page of search results, below those shown."""
        generation, text, after = self._generation, self.search_text, self._after
        if not text or not after:
            return
        self.more.setEnabled(False)
        self.tasks.read(lambda db: search_page(db, text, SEARCH_PAGE, after),
                        lambda page: self._more(generation, page))

    def _more(self, generation: int, page) -> None:
        self.more.setEnabled(True)
        if generation != self._generation:
            return
        self._after = page.after
        self.model.extend_ids(self.model.ids + array("q", page.ids))
        self._show_matches()
        self.loaded.emit(len(self.model.ids))

    def _show_matches(self) -> None:
        shown = len(self.model.ids)
        n, exact = self._matches
        # counting every match of a common word would read its whole list: "more than"
        total = _number(n) if exact else self.tr("hơn %1").replace("%1", _number(n))
        if n <= shown and not exact:
            total = self.tr("đang đếm…")
        self.count.setText(self.tr("%1 / %2 kết quả").replace("%1", _number(shown))
                           .replace("%2", total))
        self.more.setVisible(self._after is not None)
        self.more.setText(self.tr("Xem thêm %1 kết quả").replace("%1", _number(SEARCH_PAGE)))

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
            elif getattr(catalog.channel(record.channel), "acknowledgement", "") != "none":
                # A reception's receipt, or a letter's acknowledgement (channels.json); a
                # hotline call or a forwarded petition gets neither.
                letter = record.channel != "truc_tiep"
                menu.addAction(self.tr("In lại giấy báo đã nhận đơn…") if letter
                               else self.tr("In lại giấy biên nhận…"),
                               lambda: print_document(self, self.tasks, "receipt", record.visit_id,
                                                      self.show_message,
                                                      titles=ACK_TITLE if letter else None))
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
