"""The audit trail: an append-only, hash-chained list of what was done, by whom, when.

`audit_events` (migration 0015) refuses UPDATE and DELETE by triggers. Each row carries the
hash of the row before it and its own: sha256(previous hash + canonical JSON of its fields),
so editing a row breaks its hash, deleting one breaks the next row's link, and deleting the
last ones leaves AUTOINCREMENT's counter (sqlite_sequence) above the last id. `verify` finds
all three. Someone holding the database key and dropping the triggers could rewrite the whole
chain from the edit on; the chain's head goes into every backup, so a backup older than the
edit tells (docs/security.md).

`record` is called inside the transaction of the act it records, so the act and its event are
written together or not at all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desk_app.core.security import session

if TYPE_CHECKING:
    from sqlite_utils import Database

GENESIS = "0" * 64
FIELDS = ("id", "at", "account_id", "username", "officer_id", "action", "subject",
          "subject_id", "detail")

# What each action reads as (the case and person pages, `desk-app audit`).
ACTION_LABELS = {
    "login": "Đăng nhập",
    "login_failed": "Đăng nhập sai",
    "recovery_used": "Mở khóa bằng mã khôi phục",
    "recovery_new": "Tạo mã khôi phục mới",
    "office_setup": "Thiết lập cơ quan",
    "office_encrypted": "Mã hóa dữ liệu",
    "visit_create": "Ghi sổ lượt tiếp",
    "visit_correct": "Đính chính",
    "visit_cancel": "Hủy lượt tiếp",
    "case_step": "Ghi bước xử lý",
    "print": "In văn bản",
    "reveal": "Xem danh tính người tố cáo",
    "export": "Xuất tệp",
    "import": "Nhập dữ liệu",
    "bundle_ack": "Nhận xác nhận của tỉnh",
    "backup": "Sao lưu",
    "restore": "Khôi phục",
    "account_create": "Tạo tài khoản",
    "account_change": "Sửa tài khoản",
    "account_deactivate": "Khóa tài khoản",
    "password_change": "Đổi mật khẩu",
    "password_reset": "Đặt lại mật khẩu",
    "attachment_add": "Đính kèm tệp",
}


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    username: str
    officer_id: int | None
    action: str
    subject: str
    subject_id: int | None
    detail: dict

    @property
    def label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


def _digest(prev: str, row: dict) -> str:
    canonical = json.dumps({k: row[k] for k in FIELDS}, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    return hashlib.sha256((prev + canonical).encode("utf-8")).hexdigest()


def record(db: Database, action: str, subject: str = "", subject_id: int | None = None,
           detail: dict | None = None, *, username: str | None = None,
           officer_id: int | None = None, at: datetime | None = None) -> int:
    """Append one event (inside the caller's transaction). Who: the signed-in user of this
    database unless given (a failed sign-in names the name typed)."""
    user = session.current(db)
    last = db.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'").fetchone()
    next_id = max(last[0] if last else 0, seq[0] if seq else 0) + 1
    row = {
        "id": next_id,
        "at": (at or datetime.now()).isoformat(timespec="seconds"),
        "account_id": user.account_id if user else None,
        "username": username if username is not None else (user.username if user else ""),
        "officer_id": officer_id if officer_id is not None else (user.officer_id if user else None),
        "action": action,
        "subject": subject,
        "subject_id": subject_id,
        "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
    }
    prev = last[1] if last else GENESIS
    row.update(prev_hash=prev, hash=_digest(prev, row))
    columns = ", ".join(row)
    db.execute(f"INSERT INTO audit_events ({columns}) VALUES ({', '.join('?' * len(row))})",
               list(row.values()))
    return next_id


def note(db: Database, action: str, subject: str = "", subject_id: int | None = None,
         detail: dict | None = None) -> int:
    """`record` in a transaction of its own: for acts that write nothing else (a print, an
    export, a backup), recorded once they succeeded."""
    with db.atomic():
        return record(db, action, subject, subject_id, detail)


def head(db: Database) -> tuple[int, str]:
    """(number of the last event, its hash): a backup records it."""
    row = db.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def verify(db: Database) -> list[str]:
    """Problems in the chain, as sentences (empty when whole)."""
    problems: list[str] = []
    prev, prev_id = GENESIS, 0
    cur = db.execute(f"SELECT {', '.join(FIELDS)}, prev_hash, hash FROM audit_events ORDER BY id")
    for values in cur:
        row = dict(zip((*FIELDS, "prev_hash", "hash"), values, strict=True))
        if row["id"] != prev_id + 1 or row["prev_hash"] != prev:
            problems.append(f"thiếu hoặc bị xóa sự kiện trước sự kiện số {row['id']}")
        if _digest(row["prev_hash"], row) != row["hash"]:
            problems.append(f"sự kiện số {row['id']} bị sửa")
        prev, prev_id = row["hash"], row["id"]
    seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'").fetchone()
    if seq and seq[0] > prev_id:
        problems.append(f"các sự kiện sau số {prev_id} (đến số {seq[0]}) bị xóa")
    return problems


def events(db: Database, subjects: Iterable[tuple[str, int]] = (), *, limit: int = 500
           ) -> list[Event]:
    """The events about these (subject, id) pairs, oldest first; all of them without any."""
    pairs = list(subjects)
    sql = ("SELECT id, at, username, officer_id, action, subject, subject_id, detail"
           " FROM audit_events")
    params: list = []
    if pairs:
        sql += " WHERE " + " OR ".join("(subject = ? AND subject_id = ?)" for _ in pairs)
        params = [v for pair in pairs for v in pair]
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    rows = db.execute(sql, params).fetchall()
    return [Event(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7] or "{}"))
            for r in reversed(rows)]


def case_history(db: Database, case_id: int) -> list[Event]:
    """The events about a case and the visits that brought its petitions (the case window's
    "Nhật ký" tab, `desk-app case ID --history`)."""
    visits = [r[0] for r in db.execute(
        "SELECT DISTINCT visit_id FROM petitions WHERE case_id = ?", [case_id])]
    return events(db, [("case", case_id), *(("visit", v) for v in visits)])


def describe(event: Event) -> str:
    """One line: when, who, what (the reason of a reveal, correction or cancellation)."""
    when = f"{event.at[8:10]}/{event.at[5:7]}/{event.at[:4]} {event.at[11:16]}"
    extra = event.detail.get("reason") or event.detail.get("action") or ""
    return f"{when}  {event.username or '—'}: {event.label}" + (f" ({extra})" if extra else "")
