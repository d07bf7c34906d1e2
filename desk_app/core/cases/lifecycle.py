"""The legal path of a case as a transition table: statuses, actions, what each action needs.

A case's status is the result of its events; `next_status` is the only place that decides
whether an action may follow the current status. Circular 05/2021 (handling petitions),
Law on Complaints 2011 and Law on Denunciations 2018, as amended by Law 136/2025.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk_app import messages
from desk_app.core.errors import DeskError

STATUS_LABELS = {
    "received": "Đã tiếp nhận",
    "classified": "Đã phân loại",
    "accepted": "Đã thụ lý",
    "guided": "Đã hướng dẫn",
    "transferred": "Đã chuyển đơn",
    "mediation": "Đang hòa giải ở cơ sở",
    "returned": "Đã trả lại đơn",
    "filed": "Xếp lưu đơn",
    "verifying": "Đang xác minh",
    "dialogue": "Đã đối thoại",
    "decided": "Đã có quyết định/kết luận",
    "notified": "Đã gửi/thông báo kết quả",
    "closed": "Đã kết thúc",
    "withdrawn": "Đã rút đơn",
    "suspended": "Tạm đình chỉ",
    "reopened": "Khiếu nại lần hai",
    "merged": "Đã gộp vào vụ việc khác",
    "cancelled": "Đã hủy (ghi sổ nhầm)",
}

# Nothing is left for the office to do (a guided citizen goes to the competent body; a
# transferred petition stays open until that body answers).
TERMINAL = frozenset({"guided", "returned", "filed", "closed", "withdrawn", "merged", "cancelled"})
HANDLING = ("accepted", "verifying", "dialogue")
BEFORE_HANDLING = ("received", "classified")
OPEN = tuple(s for s in STATUS_LABELS if s not in TERMINAL)


@dataclass(frozen=True)
class Action:
    label: str
    after: tuple[str, ...]  # statuses it may follow
    to: str | None  # the status after it; None: unchanged
    needs_body: bool = False  # the receiving body (transfer, guidance)
    kinds: tuple[str, ...] = ()  # petition kinds it applies to; () = all


ACTIONS: dict[str, Action] = {
    "receive": Action("Tiếp nhận", (), "received"),
    # Circular 05/2021: classify (eligible? within competence?) then propose.
    "classify": Action("Phân loại, xử lý đơn", BEFORE_HANDLING, "classified"),
    "accept": Action("Thụ lý giải quyết", ("received", "classified", "reopened"), "accepted"),
    "guide": Action("Hướng dẫn đến cơ quan có thẩm quyền", BEFORE_HANDLING, "guided",
                    needs_body=True),
    "transfer": Action("Chuyển đơn", BEFORE_HANDLING, "transferred", needs_body=True),
    "reply": Action("Nhận kết quả trả lời của cơ quan nhận đơn", ("transferred",), "closed"),
    # A dispute the law sends to the grassroots mediation team (Law on Grassroots Mediation
    # 2013 art. 3; for land disputes Land Law 2024 art. 235): followed up until its result is
    # recorded (core/cases/mediation.py). Not for complaints or denunciations, which the law
    # resolves by decision.
    "mediate": Action("Chuyển tổ hòa giải ở cơ sở", BEFORE_HANDLING, "mediation",
                      needs_body=True, kinds=("kien_nghi", "phan_anh")),
    "mediated": Action("Hòa giải thành", ("mediation",), "closed",
                       kinds=("kien_nghi", "phan_anh")),
    # Not settled: the office handles it again (guides to the court, accepts, transfers).
    "mediation_failed": Action("Hòa giải không thành", ("mediation",), "received",
                               kinds=("kien_nghi", "phan_anh")),
    # A crowd or heated case reported to the police for order at the desk (Reception Law
    # art. 29–30; Decree 154/2026): who was told and when. A fact, not a step.
    "police": Action("Thông báo, phối hợp với công an", tuple(STATUS_LABELS), None),
    "return": Action("Trả lại đơn và tài liệu", BEFORE_HANDLING, "returned"),
    "file": Action("Xếp lưu đơn", BEFORE_HANDLING, "filed"),
    # Law on Denunciations art. 29(3): the denouncer is told of the acceptance in writing;
    # Law on Complaints art. 27: so is the complainant.
    "notify_acceptance": Action("Thông báo thụ lý", HANDLING, None, kinds=("khieu_nai", "to_cao")),
    "verify": Action("Xác minh nội dung", ("accepted", "dialogue"), "verifying"),
    "dialogue": Action("Đối thoại", ("accepted", "verifying"), "dialogue",
                       kinds=("khieu_nai",)),
    "extend": Action("Gia hạn giải quyết", ("accepted", "verifying"), None, kinds=("to_cao",)),
    "decide": Action("Ban hành quyết định/kết luận", HANDLING, "decided"),
    "notify": Action("Gửi quyết định, thông báo kết quả", ("decided",), "notified"),
    "close": Action("Kết thúc vụ việc", ("decided", "notified"), "closed"),
    # Law on Complaints art. 10, 2011: the complainant may withdraw at any time before the decision.
    "withdraw": Action("Rút đơn", ("received", "classified", "accepted", "verifying",
                                    "dialogue", "suspended", "transferred", "reopened",
                                    "mediation"),
                       "withdrawn"),
    # Law 136/2025 art. 11a: suspension stops the clock; the decision to continue restarts it.
    # Law on Denunciations art. 34(2) for a denunciation; a kiến nghị or phản ánh has no
    # suspension in law.
    "suspend": Action("Tạm đình chỉ giải quyết", HANDLING, "suspended",
                      kinds=("khieu_nai", "to_cao")),
    "resume": Action("Tiếp tục giải quyết", ("suspended",), None, kinds=("khieu_nai", "to_cao")),
    # Decree 155/2026 art. 28b(1): the suspension decision is sent within 3 working days.
    "send_suspension": Action("Gửi quyết định tạm đình chỉ", ("suspended", *HANDLING, "decided"),
                              None, kinds=("khieu_nai",)),
    # Complaints Law art. 33: the second complaint's window runs from the day the complainant
    # received the first-instance decision; that day is recorded when it is known.
    "decision_received": Action("Người khiếu nại nhận được quyết định giải quyết lần đầu",
                                ("decided", "notified", "closed", "reopened"), None,
                                kinds=("khieu_nai",)),
    # Law on Complaints art. 33: a second complaint after the first decision (or its deadline).
    "reopen": Action("Khiếu nại lần hai", ("decided", "notified", "closed"), "reopened",
                     kinds=("khieu_nai",)),
    "note": Action("Ghi chú", tuple(STATUS_LABELS), None),
    "flag": Action("Đánh dấu", tuple(STATUS_LABELS), None),
    "assign": Action("Giao cán bộ xử lý", OPEN, None),
    "attach": Action("Gộp đơn vào vụ việc", tuple(STATUS_LABELS), None),
    "detach": Action("Tách đơn ra vụ việc riêng", tuple(STATUS_LABELS), None),
    "merge": Action("Gộp vào vụ việc khác", tuple(s for s in STATUS_LABELS if s != "merged"),
                    "merged"),
    "dialogue_planned": Action("Lên lịch đối thoại", HANDLING, None, kinds=("khieu_nai",)),
    "attachment": Action("Đính kèm tệp", tuple(STATUS_LABELS), None),
    # A direction given at a reception session, with its due date (core/cases/follow_ups.py).
    "direct": Action("Chỉ đạo tại buổi tiếp công dân", tuple(STATUS_LABELS), None),
    "direct_done": Action("Đã thực hiện chỉ đạo", tuple(STATUS_LABELS), None),
    # The visit that opened the case was entered in error and cancelled (core/reception/
    # corrections.py): the case ends without counting as handled.
    "cancel": Action("Hủy do ghi sổ nhầm",
                     tuple(s for s in STATUS_LABELS if s not in ("merged", "cancelled")),
                     "cancelled"),
}

# A kiến nghị or phản ánh is neither accepted (thụ lý) nor decided by a decision: the office
# considers it and answers in writing (Law on Citizen Reception 2013 art. 28; Circular
# 05/2021/TT-TTCP). Same steps, same statuses, their own words.
PETITION_KINDS = ("kien_nghi", "phan_anh")
PETITION_ACTION_LABELS = {
    "accept": "Xem xét, giải quyết",
    "decide": "Trả lời bằng văn bản",
    "notify": "Gửi văn bản trả lời",
}
PETITION_STATUS_LABELS = {
    "accepted": "Đang xem xét, giải quyết",
    "decided": "Đã có văn bản trả lời",
    "notified": "Đã gửi văn bản trả lời",
}


def action_label(action: str, kind: str | None = None) -> str:
    """The step's name as the officer reads it for a case of this petition kind."""
    if kind in PETITION_KINDS and action in PETITION_ACTION_LABELS:
        return PETITION_ACTION_LABELS[action]
    spec = ACTIONS.get(action)
    return spec.label if spec else action


def status_label(status: str | None, kind: str | None = None) -> str:
    if not status:
        return ""
    if kind in PETITION_KINDS and status in PETITION_STATUS_LABELS:
        return PETITION_STATUS_LABELS[status]
    return STATUS_LABELS.get(status, status)


# Actions an officer chooses on the case page (the others are recorded by other services).
USER_ACTIONS = ("classify", "accept", "guide", "transfer", "mediate", "mediated",
                "mediation_failed", "reply", "return", "file",
                "notify_acceptance", "verify",
                "extend", "decide", "notify", "decision_received", "close", "withdraw", "suspend",
                "send_suspension", "resume", "reopen")


def next_status(action: str, status: str, kind: str, before_suspension: str | None = None) -> str:
    """The status after `action`, or a DeskError saying why it cannot follow `status`."""
    spec = ACTIONS.get(action)
    if spec is None:
        raise DeskError(messages.CASE_ACTION_UNKNOWN.format(action=action))
    if spec.kinds and kind not in spec.kinds:
        from desk_app.core.catalog import PETITION_KIND_LABELS

        raise DeskError(messages.CASE_ACTION_WRONG_KIND.format(
            action=action_label(action, kind), kind=PETITION_KIND_LABELS.get(kind, kind).lower()))
    if spec.after and status not in spec.after:
        raise DeskError(messages.CASE_ACTION_NOT_NOW.format(
            action=action_label(action, kind), status=status_label(status, kind),
            allowed=", ".join(status_label(s, kind) for s in spec.after)))
    if action == "resume":
        return before_suspension or "accepted"
    return spec.to or status


def available_actions(status: str, kind: str) -> tuple[str, ...]:
    return tuple(a for a in USER_ACTIONS
                 if status in ACTIONS[a].after and (not ACTIONS[a].kinds or kind in ACTIONS[a].kinds))
