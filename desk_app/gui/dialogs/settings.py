"""Cài đặt: the year's holidays and swapped working days, the dashboard thresholds, the signer.

A holiday edit changes due dates, so saving one recomputes every case (core.office_calendar).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.documents.signer import CHAIRPERSON, COMMITTEE, TITLES, signature_lines
from desk_app.core.errors import DeskError

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


class SettingsDialog(QDialog):
    changed = Signal()

    def __init__(self, tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("Cài đặt"))
        self.resize(820, 600)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")

        # --- calendar ------------------------------------------------------------
        self.year = QSpinBox(self, minimum=2014, maximum=2100, value=date.today().year)
        self.year.valueChanged.connect(self.load_days)
        self.days = QTableWidget(0, 4, self)
        self.days.setHorizontalHeaderLabels(
            [self.tr("Ngày"), self.tr("Thứ"), self.tr("Nghỉ / làm việc"), self.tr("Tên, căn cứ")])
        self.days.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.days.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.days.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.days.verticalHeader().setVisible(False)
        self.day = QDateEdit(QDate.currentDate(), self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Ngày nghỉ thêm"), "holiday")
        self.kind.addItem(self.tr("Ngày làm việc bù (thứ Bảy, Chủ nhật)"), "workday")
        self.kind.addItem(self.tr("Bỏ ngày nghỉ (làm việc bình thường)"), "not_holiday")
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("Căn cứ, ví dụ: Quyết định số …/QĐ-TTg"))
        add = QPushButton(self.tr("Ghi"), self)
        add.clicked.connect(self.add_day)
        remove = QPushButton(self.tr("Xóa sửa đổi của cơ quan"), self)
        remove.clicked.connect(self.remove_day)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Năm:")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        year_row.addWidget(remove)
        edit_row = QHBoxLayout()
        for widget in (self.day, self.kind, self.label):
            edit_row.addWidget(widget)
        edit_row.addWidget(add)
        calendar = QWidget(self)
        cl = QVBoxLayout(calendar)
        cl.addLayout(year_row)
        cl.addWidget(self.days, 1)
        cl.addWidget(QLabel(self.tr(
            "Lịch nghỉ lễ, tết lấy theo quy định chung (cột “Tên, căn cứ” ghi nguồn của từng "
            "ngày); ghi thêm theo quyết định hằng năm của Thủ tướng. Mọi thời hạn được tính lại "
            "sau khi ghi.")))
        cl.addLayout(edit_row)
        # Ngày Văn hóa Việt Nam (24/11): not in Labour Code art. 112, so a working day unless
        # the office turns it on (resources/rules/holidays_vn.json, switch culture_day_off).
        self.culture_day = QCheckBox(self.tr("Nghỉ Ngày Văn hóa Việt Nam (24/11) từ năm 2026"), self)
        self.culture_day.setToolTip(self.tr(
            "Điều 112 Bộ luật Lao động 2019 không liệt kê ngày 24/11 nên mặc định là ngày làm "
            "việc. Chỉ bật khi có văn bản cho cán bộ, công chức nghỉ ngày này."))
        self.culture_day.clicked.connect(self.save_culture_day)
        cl.addWidget(self.culture_day)

        # --- thresholds and signer ---------------------------------------------------
        self.due_soon = QSpinBox(self, minimum=1, maximum=60)
        self.prolonged = QSpinBox(self, minimum=7, maximum=3650)
        self.target = QSpinBox(self, minimum=1, maximum=365)
        # Decree 30/2020: the chairperson signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; a deputy signs
        # for the chairperson, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (core/documents/signer.py).
        self.signer_title = QComboBox(self)
        for title in TITLES:
            self.signer_title.addItem(title, title)
        self.signer_block = QLabel(self)
        self.signer_block.setStyleSheet("color: #555;")
        self.signer_title.currentIndexChanged.connect(self._show_signer_block)
        self.signer_name = QLineEdit(self)
        self.signer_name.setPlaceholderText(self.tr("Chưa ghi: văn bản sẽ hỏi lại trước khi in"))
        self.office_address = QLineEdit(self)
        self.office_phone = QLineEdit(self)
        general = QWidget(self)
        form = QFormLayout(general)
        form.addRow(self.tr("“Sắp đến hạn” trong (ngày làm việc):"), self.due_soon)
        form.addRow(self.tr("“Kéo dài” khi quá (ngày kể từ khi nhận):"), self.prolonged)
        form.addRow(self.tr("Chỉ tiêu giải quyết kiến nghị, phản ánh (ngày):"), self.target)
        form.addRow(self.tr("Người ký:"), self.signer_title)
        form.addRow("", self.signer_block)
        form.addRow(self.tr("Họ tên người ký:"), self.signer_name)
        form.addRow(self.tr("Địa chỉ trụ sở (in trên phiếu):"), self.office_address)
        form.addRow(self.tr("Số điện thoại liên hệ:"), self.office_phone)
        save = QPushButton(self.tr("Lưu thông số"), self)
        save.clicked.connect(self.save_settings)
        form.addRow(save)

        tabs = QTabWidget(self)
        tabs.addTab(calendar, self.tr("Ngày nghỉ, ngày làm bù"))
        tabs.addTab(general, self.tr("Thông số"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.load_days()
        self.load_settings()

    def _failed(self, error) -> None:
        if isinstance(error, DeskError):
            self.message.setText(error.message)
        else:
            raise error

    # --- calendar ----------------------------------------------------------------
    def load_days(self, *_) -> None:
        year = self.year.value()

        def job(db):
            from desk_app.core.cases.office_calendar import year_days

            return year_days(db, year)

        self.tasks.read(job, self._show_days, self._failed)

    def _show_days(self, rows) -> None:
        self.rows = rows
        self.days.setRowCount(len(rows))
        for r, (day, kind, label, source, basis) in enumerate(rows):
            source_text = self.tr("cơ quan ghi") if source == "office" else self.tr("quy định chung")
            named = f"{label} — {basis}" if basis else label
            cells = (f"{day:%d/%m/%Y}", WEEKDAYS[day.weekday()],
                     self.tr("Nghỉ") if kind == "holiday" else self.tr("Làm việc"),
                     f"{named} ({source_text})")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.days.setItem(r, c, item)

    def add_day(self) -> None:
        day, kind, label = self.day.date().toPython(), self.kind.currentData(), self.label.text()

        def job(db):
            from desk_app.core.cases.office_calendar import set_day

            set_day(db, day, kind, label)

        self.message.setText(self.tr("Đang tính lại thời hạn của các vụ việc…"))
        self.tasks.write(job, self._saved, self._failed)

    def remove_day(self) -> None:
        row = self.days.currentRow()
        if row < 0 or self.rows[row][3] != "office":
            self.message.setText(self.tr("Chọn một ngày do cơ quan ghi để xóa."))
            return
        day = self.rows[row][0]

        def job(db):
            from desk_app.core.cases.office_calendar import remove_day

            remove_day(db, day)

        self.tasks.write(job, self._saved, self._failed)

    def save_culture_day(self, on: bool) -> None:
        value = "1" if on else "0"

        def job(db):
            from desk_app.core.storage.settings import put_many

            put_many(db, {"culture_day_off": value})

        self.message.setText(self.tr("Đang tính lại thời hạn của các vụ việc…"))
        self.tasks.write(job, self._saved, self._failed)

    def _saved(self, _=None) -> None:
        self.message.clear()
        self.label.clear()
        self.changed.emit()
        self.load_days()

    # --- settings ----------------------------------------------------------------
    def _show_signer_block(self, *_) -> None:
        """How documents will be signed: the People's Committee's documents, and the
        chairperson's own acts (accepting a complaint, Complaints Law art. 17)."""
        title = self.signer_title.currentData() or TITLES[0]
        committee = " / ".join(signature_lines("Ủy ban nhân dân", title, COMMITTEE))
        own = " / ".join(signature_lines("Ủy ban nhân dân", title, CHAIRPERSON))
        self.signer_block.setText(self.tr("Văn bản của Ủy ban: %1 · Thông báo thụ lý: %2")
                                  .replace("%1", committee).replace("%2", own))

    def load_settings(self) -> None:
        def job(db):
            from desk_app.core.storage.settings import all_settings

            return all_settings(db)

        self.tasks.read(job, self._show_settings, self._failed)

    def _show_settings(self, values: dict) -> None:
        self.due_soon.setValue(int(values["due_soon_working_days"]))
        self.prolonged.setValue(int(values["prolonged_days"]))
        self.target.setValue(int(values["petition_target_days"]))
        title = values["signer_title"].strip().upper() or TITLES[0]
        if self.signer_title.findData(title) < 0:  # an older free-text title: kept as it is
            self.signer_title.addItem(title, title)
        self.signer_title.setCurrentIndex(self.signer_title.findData(title))
        self._show_signer_block()
        self.signer_name.setText(values["signer_name"])
        self.office_address.setText(values["office_address"])
        self.office_phone.setText(values["office_phone"])
        self.culture_day.setChecked(values["culture_day_off"] == "1")

    def save_settings(self) -> None:
        values = {"due_soon_working_days": str(self.due_soon.value()),
                  "prolonged_days": str(self.prolonged.value()),
                  "petition_target_days": str(self.target.value()),
                  "signer_title": self.signer_title.currentData() or TITLES[0],
                  "signer_name": self.signer_name.text(),
                  "office_address": self.office_address.text(),
                  "office_phone": self.office_phone.text()}

        def job(db):
            from desk_app.core.storage.settings import put_many

            put_many(db, values)

        self.tasks.write(job, lambda _: (self.message.setText(self.tr("Đã lưu.")),
                                         self.changed.emit()), self._failed)
