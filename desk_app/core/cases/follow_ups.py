"""Follow-up milestones: what the host of a reception session directed for a case, by when.

The head's session ends with a notice of its conclusions (Decree 154/2026 art. 25); each
direction given there for a case is recorded on the case as a `direct` event (data: key,
due_on, text, session id) and becomes a milestone with the host's due date, so it counts on
the dashboard like the legal ones. A `direct_done` event (data: key) fulfils it; closing the
case does too. The dates are the host's, not the law's: the explanation says so.
"""

from __future__ import annotations

from datetime import date

from desk_app.core.cases.calendar import fmt
from desk_app.core.cases.deadlines import Milestone

PREFIX = "direction:"
BASIS = "Thông báo kết luận buổi tiếp công dân (Điều 25 Nghị định 154/2026/NĐ-CP)"


def is_follow_up(key: str) -> bool:
    return key.startswith(PREFIX)


def record(directions: dict, done: set, action: str, day: date, data: dict) -> None:
    """Replay one `direct` / `direct_done` event into the case state's two collections."""
    key = str(data.get("key", ""))
    if action == "direct" and key and data.get("due_on"):
        directions[key] = (date.fromisoformat(data["due_on"]), str(data.get("text", "")), day)
    elif action == "direct_done":
        done.add(key)


def milestones(directions: dict) -> tuple[Milestone, ...]:
    out = []
    for key, (due, text, given) in sorted(directions.items(), key=lambda kv: (kv[1][0], kv[0])):
        out.append(Milestone(
            key=PREFIX + key, label=f"Thực hiện chỉ đạo: {text}", due_on=due,
            explanation=(f"Chỉ đạo của người chủ trì buổi tiếp công dân ngày {fmt(given)}; "
                         f"thời hạn do người chủ trì ấn định: {fmt(due)}"),
            basis=BASIS, rule_set="", start_event="direction", local=True))
    return tuple(out)
