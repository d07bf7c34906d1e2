"""Plain values of the reception schedule: kinds, statuses, a session as the views show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Reception kinds as everywhere else (the ASCII slugs of docs/cli.md): regular desk duty by assigned officers,
# the head's periodic reception (Reception Law art. 15(2)(d)), ad hoc (art. 18(3)), online.
KINDS = {
    "thuong_xuyen": "Tiếp công dân thường xuyên",
    "dinh_ky": "Tiếp công dân định kỳ của Chủ tịch",
    "dot_xuat": "Tiếp công dân đột xuất",
    "truc_tuyen": "Tiếp công dân trực tuyến",
}
# The same, inside a sentence ("buổi tiếp công dân định kỳ của Chủ tịch").
KIND_PHRASES = {
    "thuong_xuyen": "tiếp công dân thường xuyên",
    "dinh_ky": "tiếp công dân định kỳ của Chủ tịch",
    "dot_xuat": "tiếp công dân đột xuất",
    "truc_tuyen": "tiếp công dân trực tuyến",
}
SHORT_KINDS = {"thuong_xuyen": "Thường xuyên", "dinh_ky": "Định kỳ", "dot_xuat": "Đột xuất",
               "truc_tuyen": "Trực tuyến"}
# The head hosts these; desk duty is staffed by officers.
HOSTED = ("dinh_ky", "dot_xuat", "truc_tuyen")

STATUSES = {
    "planned": "Dự kiến",
    "held": "Đã tiếp",
    "postponed": "Đã hoãn",
    "cancelled": "Đã hủy",
    "skipped": "Không tiếp (ngày nghỉ)",
}
# Sessions that take place (or are meant to): the others are kept only as a record.
LIVE = ("planned", "held")

# Why an ad hoc session is called (Reception Law art. 18(3)).
AD_HOC_REASONS = {
    "crowd": "Vụ việc đông người",
    "heated": "Vụ việc gay gắt, phức tạp",
    "serious_harm": "Có nguy cơ gây thiệt hại nghiêm trọng nếu chậm xử lý",
    "other": "Lý do khác",
}

# What to do with an occurrence that falls on a day off (holiday, swapped day off).
HOLIDAY_POLICIES = {
    "same_week": "Chuyển sang ngày làm việc gần nhất trong cùng tuần",
    "next": "Chuyển sang ngày làm việc kế tiếp",
    "skip": "Không tiếp vào ngày nghỉ",
}
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_YEARS = 10  # a rule must end within this many years of its first day


@dataclass(frozen=True)
class SessionForm:
    """What the page and `desk-app schedule add` submit for one session."""

    kind: str
    starts_at: datetime
    ends_at: datetime
    host_id: int | None = None
    officer_ids: tuple[int, ...] = ()  # desk duty: the officers on duty
    place: str = ""
    participants: tuple[str, ...] = ()
    content: str = ""  # expected content (dự kiến nội dung)
    reason_code: str = ""  # ad hoc sessions
    reason: str = ""
    police_informed_at: datetime | None = None  # crowd sessions: police informed, when
    police_contact: str = ""  # and whom
    held: bool = False  # recording a session that already took place (ad hoc)


@dataclass(frozen=True)
class SeriesForm:
    """A recurring rule: `rule` is an RFC 5545 RRULE without DTSTART/UNTIL/COUNT."""

    kind: str
    rule: str
    first_day: date
    last_day: date | None
    start_time: str  # "07:30"
    end_time: str
    holiday_policy: str = "same_week"
    host_id: int | None = None
    officer_ids: tuple[int, ...] = ()
    place: str = ""
    participants: tuple[str, ...] = ()
    content: str = ""


@dataclass(frozen=True)
class Alert:
    """A legal or practical problem the schedule shows (never a refusal)."""

    code: str
    text: str
    session_id: int | None = None
    day: date | None = None  # the session's day, or the Monday of a week


@dataclass(frozen=True)
class SessionRow:
    id: int
    uuid: str
    kind: str
    starts_at: str
    ends_at: str
    host_id: int | None
    host: str
    host_position: str
    actual_host_id: int | None
    actual_host: str
    place: str
    participants: tuple[str, ...]
    content: str
    reason_code: str
    reason: str
    police_informed_at: str | None
    police_contact: str
    status: str
    status_reason: str
    calendar_note: str
    moved_from: str | None
    postponed_to: int | None
    series_id: int | None
    posted_on: str | None
    officers: tuple[str, ...] = ()
    warnings: tuple[Alert, ...] = field(default=())

    @property
    def day(self) -> date:
        return date.fromisoformat(self.starts_at[:10])

    @property
    def hours(self) -> str:
        return f"{self.starts_at[11:16]}–{self.ends_at[11:16]}"

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)
