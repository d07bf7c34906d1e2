"""The log book table: holds the sorted id list, loads rows a page at a time (docs/architecture.md, “Big lists”)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from desk_app.core.cases.labels import due_text
from desk_app.core.catalog import PETITION_KIND_LABELS, RECEPTION_KIND_LABELS, channel
from desk_app.core.model import LogRow
from desk_app.core.reception.logbook import log_rows
from desk_app.core.text import dmy
from desk_app.gui import style
from desk_app.gui.models.paged import PagedIdModel


def _date(iso: str) -> str:
    return f"{dmy(iso)} {iso[11:16]}"


def _channel(code: str) -> str:
    info = channel(code)
    return info.short if info else code


# (header, value of a row, sort key the core understands or None)
COLUMNS = (
    ("STT", lambda r: r.log_label, "log_no"),
    ("Ngày tiếp", lambda r: _date(r.received_at), "received_at"),
    ("Họ tên người đến", lambda r: r.person_name, "name"),
    ("Địa chỉ", lambda r: r.address, None),
    ("Số giấy tờ", lambda r: r.id_number, None),
    ("Tóm tắt nội dung", lambda r: r.summary, None),
    ("Loại đơn", lambda r: PETITION_KIND_LABELS.get(r.petition_kind, r.petition_kind), "kind"),
    ("Số người", lambda r: str(r.crowd_size), "crowd_size"),
    ("Cơ quan đã giải quyết", lambda r: r.prior_handlers, None),
    ("Thuộc thẩm quyền", lambda r: "x" if r.within_competence else "", None),
    ("Hướng dẫn", lambda r: r.guided_to, None),
    ("Chuyển đơn", lambda r: r.transferred_to, None),
    ("Theo dõi kết quả", lambda r: r.follow_up, None),
    ("Hạn xử lý", lambda r: due_text(r.due_on, date.today())[0], None),
    ("Ghi chú", lambda r: r.note, None),
    ("Hình thức tiếp", lambda r: RECEPTION_KIND_LABELS.get(r.reception_kind, r.reception_kind), None),
    ("Cán bộ tiếp", lambda r: r.officer_name, "officer"),
    ("Cách tiếp nhận", lambda r: _channel(r.channel), None),
)
SORT_KEYS = [c[2] for c in COLUMNS]
DUE_COLUMN = [c[0] for c in COLUMNS].index("Hạn xử lý")
NOTE_COLUMN = [c[0] for c in COLUMNS].index("Ghi chú")


class LogModel(PagedIdModel):
    """Rows come from `db` (a read connection used only on the GUI thread: pages are small)."""

    def __init__(self, db, parent=None):
        super().__init__(db, parent)
        self.revealed: set[int] = set()
        self._italic = QFont()
        self._italic.setItalic(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    def fetch(self, ids: list[int]) -> list[LogRow]:
        return log_rows(self.db, ids, self.revealed)

    def row_id(self, row: LogRow) -> int:
        return row.petition_id

    def reveal(self, row: LogRow) -> None:
        self.revealed.add(row.petition_id)
        self.refresh_rows()

    # --- Qt model ----------------------------------------------------------------
    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return COLUMNS[section][0]
        return str(section + 1)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return COLUMNS[index.column()][1](row)
        if row.cancelled and index.column() != NOTE_COLUMN:
            if role == Qt.ForegroundRole:  # a cancelled entry keeps its line, greyed
                return QBrush(style.color("muted"))
            if role == Qt.FontRole:
                return self._struck
        if index.column() == DUE_COLUMN and due_text(row.due_on, date.today())[1]:
            return self.overdue_style(role)
        if row.masked and index.column() in (2, 3, 4):
            if role == Qt.ForegroundRole:
                return QBrush(style.color("masked"))
            if role == Qt.FontRole:
                return self._italic
        return None

    def sort_key(self, column: int) -> str | None:
        return SORT_KEYS[column]
