"""Names of case flags, complexity levels and dashboard lists, and how a due date reads.

Kept apart from the case services so the GUI can show them without loading the deadline
engine at start-up.
"""

from __future__ import annotations

from datetime import date

from desk_app import messages

# Case flags (docs/legal.md, “Petitions”): bits of cases.flags.
FLAGS = {
    "crowd": (1, "Đông người"),
    "complex": (2, "Phức tạp"),
    "prolonged": (4, "Kéo dài"),
    "over_level": (8, "Vượt cấp"),
    "hot_spot": (16, "Điểm nóng"),
    "vulnerable": (32, "Đối tượng yếu thế, gia đình chính sách"),
    # Denunciation Law art. 24(1): verification at several places allows 10 working days
    # instead of 7 to register and check a denunciation; a fact of its own, not "complex".
    "several_places": (64, "Tố cáo phải xác minh ở nhiều địa điểm"),
}
COMPLEXITY_LABELS = {0: "Thông thường", 1: "Phức tạp", 2: "Đặc biệt phức tạp"}
VIEWS = {
    "overdue": "Quá hạn",
    "due_soon": "Sắp đến hạn",
    "waiting": "Chờ cơ quan nhận đơn trả lời",
    # Open longer than a set number of days. Not "Kéo dài": that word is the flag above
    # (a case the office judges prolonged), and one word keeps one meaning on screen.
    "prolonged": "Tồn đọng lâu ngày",
    # Referred to the grassroots mediation team, result not yet recorded (docs/channels.md).
    "mediation": "Chờ kết quả hòa giải",
    # Crowd or hot-spot cases with no record that the police were informed.
    "police": "Đông người, điểm nóng chưa báo công an",
    "open": "Đang giải quyết",
}
DEFAULT_VIEW = "overdue"  # what the case list shows first


def flag_names(flags: int) -> tuple[str, ...]:
    return tuple(label for bit, label in FLAGS.values() if flags & bit)


def due_text(due_on: str | None, today: date, is_open: bool = True) -> tuple[str, bool]:
    """("Quá hạn 3 ngày" / "Còn 2 ngày" / "Đến hạn hôm nay", overdue?): words, not colour alone."""
    if not due_on or not is_open:
        return "", False
    days = (date.fromisoformat(due_on) - today).days
    if days < 0:
        return messages.DUE_OVERDUE.format(days=-days), True
    if days == 0:
        return messages.DUE_TODAY, False
    return messages.DUE_IN.format(days=days), False
