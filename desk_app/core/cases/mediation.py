"""The follow-up of a case referred to the grassroots mediation team (tổ hòa giải ở cơ sở).

Law on Grassroots Mediation 2013 art. 3 sends disputes between neighbours, in families and the
like to the mediation team of the village or residential group; the ward follows the referral
until the team's result comes back (`mediated`: settled, the case closes; `mediation_failed`:
the office handles it again, e.g. guides the parties to the court). The law sets no period for
that follow-up: the office's target (setting `mediation_follow_up_days`, 30 calendar days by
default) is a local milestone and says so.
"""

from __future__ import annotations

from datetime import date, timedelta

from desk_app.core.cases.calendar import WorkCalendar, fmt
from desk_app.core.cases.deadlines import Milestone

KEY = "mediation_follow_up"
DONE_BY = frozenset({"mediated", "mediation_failed", "withdraw", "merge"})
BASIS = ("Luật Hòa giải ở cơ sở 2013, Điều 3 (thời hạn theo dõi do cơ quan tự đặt, "
         "Cài đặt → Thông số)")


def milestones(referred_on: date | None, days: int, cal: WorkCalendar) -> tuple[Milestone, ...]:
    """The follow-up milestone of the latest referral, if the case is or was referred."""
    if referred_on is None or days <= 0:
        return ()
    due = referred_on + timedelta(days=days)
    moved = due
    while not cal.is_working_day(moved):  # Civil Code 2015 art. 148(5)
        moved += timedelta(days=1)
    explanation = f"{days} ngày kể từ ngày chuyển tổ hòa giải {fmt(referred_on)}: {fmt(due)}"
    if moved != due:
        explanation += f", ngày nghỉ nên chuyển sang ngày làm việc tiếp theo {fmt(moved)}"
    return (Milestone(key=KEY, label="Theo dõi kết quả hòa giải ở cơ sở", due_on=moved,
                      explanation=explanation, basis=BASIS, rule_set="",
                      start_event="mediate", local=True),)
