"""Cài đặt: the year's holidays and swapped working days, the dashboard thresholds, the
signer, and the office's own details.

A holiday edit (and a change of the remote-area flag or of the office's target for kiến
nghị) changes due dates, so it recomputes the cases behind a progress bar; cancelling rolls
the edit back. Parameters are saved with "Lưu"; closing with unsaved changes asks first.
"""

from __future__ import annotations

from contextlib import suppress
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
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.documents.signer import CHAIRPERSON, COMMITTEE, TITLES, signature_lines
from desk_app.core.errors import DeskError
from desk_app.gui import style
from desk_app.gui.help import add_help_key
from desk_app.gui.widgets.progress import run_with_progress
from desk_app.gui.widgets.screen import fit

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _scrolled(widget: QWidget, parent) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    return area


class SettingsDialog(QDialog):
    changed = Signal()
    office_changed = Signal(object)  # the Office as now saved

    def __init__(self, tasks, parent=None, *, office_admin: bool = True):
        """`office_admin`: whether this user may change the office's own details. Every user
        may, until there are accounts; then only an administrator."""
        super().__init__(parent)
        self.tasks = tasks
        self.office_admin = office_admin
        self.rows: list = []
        self._saved: dict | None = None
        self.setWindowTitle(self.tr("Cài đặt"))
        add_help_key(self, "settings")  # F1 in this window: its help page
        self.setObjectName("settings")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._calendar_tab(), self.tr("Ngày &nghỉ, ngày làm bù"))
        self.tabs.addTab(_scrolled(self._parameters_tab(), self), self.tr("Thông &số"))
        if office_admin:
            self.tabs.addTab(_scrolled(self._office_tab(), self), self.tr("&Cơ quan"))
            from desk_app.gui.dialogs.bodies_tab import BodiesTab

            self.bodies_tab = BodiesTab(tasks, self)
            self.tabs.addTab(self.bodies_tab, self.tr("&Danh bạ cơ quan"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close, self)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("&Lưu thông số"))
        self.buttons.button(QDialogButtonBox.Save).clicked.connect(self.save_settings)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit(self, 820, 600)
        self.load_days()
        self.load_settings()

    # --- tabs ----------------------------------------------------------------------
    def _calendar_tab(self) -> QWidget:
        self.year = QSpinBox(self, minimum=2014, maximum=2100, value=date.today().year)
        self.year.valueChanged.connect(self.load_days)
        self.days = QTableWidget(0, 4, self)
        self.days.setHorizontalHeaderLabels(
            [self.tr("Ngày"), self.tr("Thứ"), self.tr("Nghỉ / làm việc"), self.tr("Tên, căn cứ")])
        self.days.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.days.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.days.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.days.verticalHeader().setVisible(False)
        self.day = QDateEdit(QDate.currentDate(), self, calendarPopup=True,
                             displayFormat="dd/MM/yyyy")
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Ngày nghỉ thêm"), "holiday")
        self.kind.addItem(self.tr("Ngày làm việc bù (thứ Bảy, Chủ nhật)"), "workday")
        self.kind.addItem(self.tr("Bỏ ngày nghỉ (làm việc bình thường)"), "not_holiday")
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("Căn cứ, ví dụ: Quyết định số …/QĐ-TTg"))
        add = QPushButton(self.tr("&Ghi ngày"), self)
        add.clicked.connect(self.add_day)
        remove = QPushButton(self.tr("&Xóa sửa đổi của cơ quan"), self)
        remove.clicked.connect(self.remove_day)
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("&Năm:"), self)
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        year_row.addWidget(remove)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.day)
        edit_row.addWidget(self.kind)
        edit_row.addWidget(self.label, 1)
        edit_row.addWidget(add)
        note = QLabel(self.tr(
            "Lịch nghỉ lễ, tết lấy theo quy định chung (cột “Tên, căn cứ” ghi nguồn của từng "
            "ngày); ghi thêm theo quyết định hằng năm của Thủ tướng. Mọi thời hạn được tính lại "
            "sau khi ghi."), self)
        note.setWordWrap(True)
        # Ngày Văn hóa Việt Nam (24/11): not in Labour Code art. 112, so a working day unless
        # the office turns it on (resources/rules/holidays_vn.json, switch culture_day_off).
        self.culture_day = QCheckBox(self.tr("Nghỉ Ngày Văn hóa Việt Nam (24/11) từ năm 2026"), self)
        self.culture_day.setToolTip(self.tr(
            "Điều 112 Bộ luật Lao động 2019 không liệt kê ngày 24/11 nên mặc định là ngày làm "
            "việc. Chỉ bật khi có văn bản cho cán bộ, công chức nghỉ ngày này."))
        self.culture_day.clicked.connect(self.save_culture_day)
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.addLayout(year_row)
        layout.addWidget(self.days, 1)
        layout.addWidget(note)
        layout.addLayout(edit_row)
        layout.addWidget(self.culture_day)
        return tab

    def _parameters_tab(self) -> QWidget:
        self.due_soon = QSpinBox(self, minimum=1, maximum=60)
        self.prolonged = QSpinBox(self, minimum=7, maximum=3650)
        self.target = QSpinBox(self, minimum=1, maximum=365)
        # Decree 30/2020: the chairperson signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; a deputy signs
        # for the chairperson, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (core/documents/signer.py).
        self.signer_title = QComboBox(self)
        for title in TITLES:
            self.signer_title.addItem(title, title)
        self.signer_block = QLabel(self)
        self.signer_block.setStyleSheet(style.css("muted"))
        self.signer_block.setWordWrap(True)
        self.signer_title.currentIndexChanged.connect(self._show_signer_block)
        self.signer_name = QLineEdit(self)
        self.signer_name.setPlaceholderText(self.tr("Chưa ghi: văn bản sẽ hỏi lại trước khi in"))
        self.office_address = QLineEdit(self)
        self.office_phone = QLineEdit(self)
        tab = QWidget(self)
        form = QFormLayout(tab)
        form.addRow(self.tr("“Sắp đến hạn” trong (ngày làm việc):"), self.due_soon)
        form.addRow(self.tr("“Tồn đọng lâu ngày” khi chưa xong sau (ngày kể từ khi nhận):"),
                    self.prolonged)
        form.addRow(self.tr("Chỉ tiêu giải quyết kiến nghị, phản ánh (ngày):"), self.target)
        form.addRow(self.tr("Người ký:"), self.signer_title)
        form.addRow("", self.signer_block)
        form.addRow(self.tr("Họ tên người ký:"), self.signer_name)
        form.addRow(self.tr("Địa chỉ trụ sở (in trên phiếu):"), self.office_address)
        form.addRow(self.tr("Số điện thoại liên hệ:"), self.office_phone)
        return tab

    def _office_tab(self) -> QWidget:
        self.office_name = QLineEdit(self)
        self.office_parent = QLineEdit(self)
        self.remote = QCheckBox(self.tr("Vùng sâu, vùng xa (thời hạn giải quyết khiếu nại dài "
                                        "hơn: Điều 28, 37 Luật Khiếu nại)"), self)
        self.office_units = QLabel(self)
        self.office_units.setWordWrap(True)
        tab = QWidget(self)
        form = QFormLayout(tab)
        form.addRow(self.tr("Đơn vị hành chính:"), self.office_units)
        form.addRow(self.tr("Tên cơ quan (in trên văn bản):"), self.office_name)
        form.addRow(self.tr("Cơ quan cấp trên:"), self.office_parent)
        form.addRow(self.remote)
        note = QLabel(self.tr("Đổi vùng sâu, vùng xa thì mọi thời hạn được tính lại. Tỉnh và "
                              "xã/phường không đổi được: mã cơ quan gắn với dữ liệu đã ghi."), tab)
        note.setWordWrap(True)
        form.addRow(note)
        return tab

    # --- messages ----------------------------------------------------------------------
    def _say(self, text: str, role: str = "error") -> None:
        self.message.setStyleSheet(style.css(role))
        self.message.setText(text)

    def _failed(self, error) -> None:
        if isinstance(error, DeskError):
            self._say(error.message)
        else:
            raise error

    # --- calendar ----------------------------------------------------------------------
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
        self.days.resizeColumnsToContents()
        self.days.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)

    def _recompute(self, job, done) -> None:
        """A calendar edit recomputes every case: a progress bar, and Cancel rolls it back."""
        self.message.clear()
        run_with_progress(self, self.tasks, job, title=self.tr("Cài đặt"),
                          label=self.tr("Đang tính lại thời hạn của các vụ việc…"),
                          on_ok=done, on_err=self._failed)

    def add_day(self) -> None:
        day, kind, label = self.day.date().toPython(), self.kind.currentData(), self.label.text()

        def job(db, progress, cancel):
            from desk_app.core.cases.office_calendar import set_day

            set_day(db, day, kind, label, progress=progress, cancel=cancel)

        self._recompute(job, self._day_saved)

    def remove_day(self) -> None:
        row = self.days.currentRow()
        if row < 0 or self.rows[row][3] != "office":
            self._say(self.tr("Chọn một ngày do cơ quan ghi để xóa."))
            return
        day = self.rows[row][0]

        def job(db, progress, cancel):
            from desk_app.core.cases.office_calendar import remove_day

            remove_day(db, day, progress=progress, cancel=cancel)

        self._recompute(job, self._day_saved)

    def save_culture_day(self, on: bool) -> None:
        value = "1" if on else "0"

        def job(db, progress, cancel):
            from desk_app.core.cases.recompute import save_settings
            from desk_app.core.errors import Cancelled
            from desk_app.core.storage.settings import get

            # Cancelled: rolled back, and the box goes back to what is saved.
            with suppress(Cancelled):
                save_settings(db, {"culture_day_off": value}, progress=progress, cancel=cancel)
            return get(db, "culture_day_off") == "1"

        def done(saved_on: bool) -> None:
            self.culture_day.setChecked(saved_on)
            if saved_on == on:
                self._day_saved()

        self._recompute(job, done)

    def _day_saved(self, _=None) -> None:
        self._say(self.tr("Đã ghi; thời hạn các vụ việc đã được tính lại."), "ok")
        self.label.clear()
        self.changed.emit()
        self.load_days()

    # --- parameters and office -------------------------------------------------------
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
            from desk_app.core.storage.office import get_office
            from desk_app.core.storage.settings import all_settings

            return all_settings(db), get_office(db)

        self.tasks.read(job, self._show_settings, self._failed)

    def _show_settings(self, loaded) -> None:
        values, office = loaded
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
        if self.office_admin and office is not None:
            self.office_units.setText(f"{office.commune_name}, {office.province_name} "
                                      f"({office.office_code})")
            self.office_name.setText(office.name)
            self.office_parent.setText(office.parent_name)
            self.remote.setChecked(office.remote_area)
        self._saved = self.values()

    def values(self) -> dict:
        values = {"due_soon_working_days": str(self.due_soon.value()),
                  "prolonged_days": str(self.prolonged.value()),
                  "petition_target_days": str(self.target.value()),
                  "signer_title": self.signer_title.currentData() or TITLES[0],
                  "signer_name": self.signer_name.text(),
                  "office_address": self.office_address.text(),
                  "office_phone": self.office_phone.text()}
        if self.office_admin:
            values["office"] = (self.office_name.text(), self.office_parent.text(),
                                self.remote.isChecked())
        return values

    def unsaved(self) -> bool:
        return self._saved is not None and self.values() != self._saved

    def save_settings(self, close_after: bool = False) -> None:
        values = self.values()
        office = values.pop("office", None)

        def job(db, progress, cancel):
            from desk_app.core.cases.recompute import save_settings as save_and_recompute
            from desk_app.core.cases.tracking import recompute_all
            from desk_app.core.storage.office import get_office, update_office

            with db.atomic():
                remote_changed = office is not None and update_office(
                    db, name=office[0], parent_name=office[1], remote_area=office[2])
                recomputed = save_and_recompute(db, values, progress=progress, cancel=cancel)
                if remote_changed and not recomputed:
                    recompute_all(db, progress=progress, cancel=cancel)
            return get_office(db)

        def done(saved_office) -> None:
            self._saved = self.values()
            self._say(self.tr("Đã lưu."), "ok")
            self.changed.emit()
            self.office_changed.emit(saved_office)
            if close_after:
                super(SettingsDialog, self).reject()

        run_with_progress(self, self.tasks, job, title=self.tr("Cài đặt"),
                          label=self.tr("Đang lưu và tính lại thời hạn nếu cần…"),
                          on_ok=done, on_err=self._failed)

    def reject(self):
        """Close (the button, Esc, the window's X): unsaved parameters are never lost silently."""
        if not self.unsaved():
            super().reject()
            return
        answer = QMessageBox.question(
            self, self.tr("Cài đặt"),
            self.tr("Các thông số vừa sửa chưa được lưu. Lưu trước khi đóng?"),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Discard:
            super().reject()
        elif answer == QMessageBox.Save:
            self.save_settings(close_after=True)
