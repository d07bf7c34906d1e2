"""`desk-app check`: is the office's data sound? Plain Vietnamese lines, problems first.

The cheap part (the audit chain, foreign keys, counts, the last backup's age) runs in the
window at every start, off the GUI thread; the full part adds SQLite's `integrity_check`
(it reads the whole file: seconds for a large office) and opens the newest backups to find
the last good one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desk_app.core.security import audit, backups
from desk_app.core.storage.failures import DB_ERRORS

if TYPE_CHECKING:
    from sqlite_utils import Database

COUNTED = (("visits", "lượt tiếp"), ("petitions", "dòng sổ"), ("cases", "vụ việc"),
           ("persons", "người"), ("audit_events", "sự kiện nhật ký"))


@dataclass(frozen=True)
class Line:
    ok: bool
    text: str


def run(db: Database, *, full: bool = True, now: datetime | None = None) -> list[Line]:
    lines: list[Line] = []
    if full:
        rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        lines.append(Line(True, "Tệp dữ liệu nguyên vẹn (kiểm tra toàn bộ).") if rows == ["ok"]
                     else Line(False, "Tệp dữ liệu bị hỏng: " + "; ".join(rows[:5])))
    bad_keys = db.execute("PRAGMA foreign_key_check").fetchall()
    lines.append(Line(True, "Liên kết giữa các bảng đúng.") if not bad_keys else Line(
        False, f"{len(bad_keys)} liên kết hỏng (bảng {', '.join(sorted({r[0] for r in bad_keys}))})."))
    try:
        problems = audit.verify(db)
    except DB_ERRORS as exc:
        problems = [f"không đọc được nhật ký ({exc})"]
    count = audit.head(db)[0]
    lines.append(Line(True, f"Nhật ký thao tác nguyên vẹn ({count} sự kiện, chuỗi băm khớp).")
                 if not problems else
                 Line(False, "Nhật ký thao tác bị sửa hoặc xóa: " + "; ".join(problems[:5])
                      + ". Hãy báo lãnh đạo và so với bản sao lưu."))
    counts = ", ".join(f"{db.execute(f'SELECT COUNT(*) FROM {t}').fetchone()[0]} {label}"
                       for t, label in COUNTED)
    lines.append(Line(True, f"Số liệu: {counts}."))
    lines.append(_backup_line(db, full=full, now=now or datetime.now()))
    return lines


def _backup_line(db: Database, *, full: bool, now: datetime) -> Line:
    folder = backups.default_dir(db)
    key = getattr(db.conn, "db_key", None)
    found = (backups.last_good(folder, key) if full
             else next(iter(backups.list_backups(folder)), None))
    if found is None:
        return Line(False, f"Chưa có bản sao lưu nào trong {folder}. Hãy sao lưu ngay "
                           "(desk-app backup, hoặc Công cụ › Sao lưu).")
    days = (now - found.made_at).days
    when = found.made_at.strftime("%d/%m/%Y %H:%M")
    what = "Bản sao lưu tốt gần nhất" if full else "Bản sao lưu gần nhất"
    if days > backups.REMIND_DAYS:
        return Line(False, f"{what}: {when} ({days} ngày trước), {found.path}. Đã hơn "
                           f"{backups.REMIND_DAYS} ngày chưa sao lưu: hãy sao lưu ngay.")
    return Line(True, f"{what}: {when}, {found.path}.")


def ok(lines: list[Line]) -> bool:
    return all(line.ok for line in lines)
