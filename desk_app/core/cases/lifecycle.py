"""The legal path of a case as a transition table: statuses, actions, what each action needs.

A case's status is the result of its events; `next_status` is the only place that decides
whether an action may follow the current status. Circular 05/2021 (handling petitions),
Law on Complaints 2011 and Law on Denunciations 2018, as amended by Law 136/2025.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.model import CaseAction, CaseStatus, PetitionKind

S, A = CaseStatus, CaseAction

STATUS_LABELS: dict[str, str] = {  # keyed by the enum members: look up with either
    S.RECEIVED: "Đã tiếp nhận",
    S.CLASSIFIED: "Đã phân loại",
    S.ACCEPTED: "Đã thụ lý",
    S.GUIDED: "Đã hướng dẫn",
    S.TRANSFERRED: "Đã chuyển đơn",
    S.MEDIATION: "Đang hòa giải ở cơ sở",
    S.RETURNED: "Đã trả lại đơn",
    S.FILED: "Xếp lưu đơn",
    S.VERIFYING: "Đang xác minh",
    S.DIALOGUE: "Đã đối thoại",
    S.DECIDED: "Đã có quyết định/kết luận",
    S.NOTIFIED: "Đã gửi/thông báo kết quả",
    S.CLOSED: "Đã kết thúc",
    S.WITHDRAWN: "Đã rút đơn",
    S.SUSPENDED: "Tạm đình chỉ",
    S.REOPENED: "Khiếu nại lần hai",
    S.MERGED: "Đã gộp vào vụ việc khác",
    S.CANCELLED: "Đã hủy (ghi sổ nhầm)",
}

# Nothing is left for the office to do (a guided citizen goes to the competent body; a
# transferred petition stays open until that body answers).
TERMINAL = frozenset({S.GUIDED, S.RETURNED, S.FILED, S.CLOSED, S.WITHDRAWN, S.MERGED,
                      S.CANCELLED})
HANDLING = (S.ACCEPTED, S.VERIFYING, S.DIALOGUE)
BEFORE_HANDLING = (S.RECEIVED, S.CLASSIFIED)
OPEN = tuple(s for s in STATUS_LABELS if s not in TERMINAL)
ANY = tuple(STATUS_LABELS)


@dataclass(frozen=True)
class Action:
    label: str
    after: tuple[str, ...]  # statuses it may follow
    to: str | None  # the status after it; None: unchanged
    needs_body: bool = False  # the receiving body (transfer, guidance)
    kinds: tuple[str, ...] = ()  # petition kinds it applies to; () = all


KN, TC = PetitionKind.KHIEU_NAI, PetitionKind.TO_CAO
ACTIONS: dict[str, Action] = {
    A.RECEIVE: Action("Tiếp nhận", (), S.RECEIVED),
    # Circular 05/2021: classify (eligible? within competence?) then propose.
    A.CLASSIFY: Action("Phân loại, xử lý đơn", BEFORE_HANDLING, S.CLASSIFIED),
    A.ACCEPT: Action("Thụ lý giải quyết", (S.RECEIVED, S.CLASSIFIED, S.REOPENED), S.ACCEPTED),
    A.GUIDE: Action("Hướng dẫn đến cơ quan có thẩm quyền", BEFORE_HANDLING, S.GUIDED,
                    needs_body=True),
    A.TRANSFER: Action("Chuyển đơn", BEFORE_HANDLING, S.TRANSFERRED, needs_body=True),
    A.REPLY: Action("Nhận kết quả trả lời của cơ quan nhận đơn", (S.TRANSFERRED,), S.CLOSED),
    # A dispute the law sends to the grassroots mediation team (Law on Grassroots Mediation
    # 2013 art. 3; for land disputes Land Law 2024 art. 235): followed up until its result is
    # recorded (core/cases/mediation.py). Not for complaints or denunciations, which the law
    # resolves by decision.
    A.MEDIATE: Action("Chuyển tổ hòa giải ở cơ sở", BEFORE_HANDLING, S.MEDIATION,
                      needs_body=True, kinds=("kien_nghi", "phan_anh")),
    A.MEDIATED: Action("Hòa giải thành", (S.MEDIATION,), S.CLOSED,
                       kinds=("kien_nghi", "phan_anh")),
    # Not settled: the office handles it again (guides to the court, accepts, transfers).
    A.MEDIATION_FAILED: Action("Hòa giải không thành", (S.MEDIATION,), S.RECEIVED,
                               kinds=("kien_nghi", "phan_anh")),
    # A crowd or heated case reported to the police for order at the desk (Reception Law
    # art. 29–30; Decree 154/2026): who was told and when. A fact, not a step.
    A.POLICE: Action("Thông báo, phối hợp với công an", tuple(STATUS_LABELS), None),
    A.RETURN: Action("Trả lại đơn và tài liệu", BEFORE_HANDLING, S.RETURNED),
    A.FILE: Action("Xếp lưu đơn", BEFORE_HANDLING, S.FILED),
    # Law on Denunciations art. 29(3): the denouncer is told of the acceptance in writing;
    # Law on Complaints art. 27: so is the complainant.
    A.NOTIFY_ACCEPTANCE: Action("Thông báo thụ lý", HANDLING, None, kinds=(KN, TC)),
    A.VERIFY: Action("Xác minh nội dung", (S.ACCEPTED, S.DIALOGUE), S.VERIFYING),
    A.DIALOGUE: Action("Đối thoại", (S.ACCEPTED, S.VERIFYING), S.DIALOGUE, kinds=(KN,)),
    A.EXTEND: Action("Gia hạn giải quyết", (S.ACCEPTED, S.VERIFYING), None, kinds=(TC,)),
    A.DECIDE: Action("Ban hành quyết định/kết luận", HANDLING, S.DECIDED),
    A.NOTIFY: Action("Gửi quyết định, thông báo kết quả", (S.DECIDED,), S.NOTIFIED),
    A.CLOSE: Action("Kết thúc vụ việc", (S.DECIDED, S.NOTIFIED), S.CLOSED),
    # Law on Complaints art. 10, 2011: the complainant may withdraw at any time before the decision.
    A.WITHDRAW: Action("Rút đơn", (S.RECEIVED, S.CLASSIFIED, S.ACCEPTED, S.VERIFYING,
                                   S.DIALOGUE, S.SUSPENDED, S.TRANSFERRED, S.REOPENED,
                                   S.MEDIATION),
                       S.WITHDRAWN),
    # Law 136/2025 art. 11a: suspension stops the clock; the decision to continue restarts it.
    # Law on Denunciations art. 34(2) for a denunciation; a kiến nghị or phản ánh has no
    # suspension in law.
    A.SUSPEND: Action("Tạm đình chỉ giải quyết", HANDLING, S.SUSPENDED, kinds=(KN, TC)),
    A.RESUME: Action("Tiếp tục giải quyết", (S.SUSPENDED,), None, kinds=(KN, TC)),
    # Decree 155/2026 art. 28b(1): the suspension decision is sent within 3 working days.
    A.SEND_SUSPENSION: Action("Gửi quyết định tạm đình chỉ", (S.SUSPENDED, *HANDLING, S.DECIDED),
                              None, kinds=(KN,)),
    # Complaints Law art. 33: the second complaint's window runs from the day the complainant
    # received the first-instance decision; that day is recorded when it is known.
    A.DECISION_RECEIVED: Action("Người khiếu nại nhận được quyết định giải quyết lần đầu",
                                (S.DECIDED, S.NOTIFIED, S.CLOSED, S.REOPENED), None,
                                kinds=(KN,)),
    # Law on Complaints art. 33: a second complaint after the first decision (or its deadline).
    A.REOPEN: Action("Khiếu nại lần hai", (S.DECIDED, S.NOTIFIED, S.CLOSED), S.REOPENED,
                     kinds=(KN,)),
    A.NOTE: Action("Ghi chú", ANY, None),
    A.FLAG: Action("Đánh dấu", ANY, None),
    A.ASSIGN: Action("Giao cán bộ xử lý", OPEN, None),
    A.ATTACH: Action("Gộp đơn vào vụ việc", ANY, None),
    A.DETACH: Action("Tách đơn ra vụ việc riêng", ANY, None),
    A.MERGE: Action("Gộp vào vụ việc khác", tuple(s for s in ANY if s != S.MERGED), S.MERGED),
    A.DIALOGUE_PLANNED: Action("Lên lịch đối thoại", HANDLING, None, kinds=(KN,)),
    A.ATTACHMENT: Action("Đính kèm tệp", ANY, None),
    # A direction given at a reception session, with its due date (core/cases/follow_ups.py).
    A.DIRECT: Action("Chỉ đạo tại buổi tiếp công dân", ANY, None),
    A.DIRECT_DONE: Action("Đã thực hiện chỉ đạo", ANY, None),
    # The visit that opened the case was entered in error and cancelled (core/reception/
    # corrections.py): the case ends without counting as handled.
    A.CANCEL: Action("Hủy do ghi sổ nhầm",
                     tuple(s for s in ANY if s not in (S.MERGED, S.CANCELLED)), S.CANCELLED),
}

# A kiến nghị or phản ánh is neither accepted (thụ lý) nor decided by a decision: the office
# considers it and answers in writing (Law on Citizen Reception 2013 art. 28; Circular
# 05/2021/TT-TTCP). Same steps, same statuses, their own words.
PETITION_KINDS = (PetitionKind.KIEN_NGHI, PetitionKind.PHAN_ANH)
PETITION_ACTION_LABELS: dict[str, str] = {
    A.ACCEPT: "Xem xét, giải quyết",
    A.DECIDE: "Trả lời bằng văn bản",
    A.NOTIFY: "Gửi văn bản trả lời",
}
PETITION_STATUS_LABELS: dict[str, str] = {
    S.ACCEPTED: "Đang xem xét, giải quyết",
    S.DECIDED: "Đã có văn bản trả lời",
    S.NOTIFIED: "Đã gửi văn bản trả lời",
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
USER_ACTIONS = (A.CLASSIFY, A.ACCEPT, A.GUIDE, A.TRANSFER, A.MEDIATE, A.MEDIATED,
                A.MEDIATION_FAILED, A.REPLY, A.RETURN, A.FILE,
                A.NOTIFY_ACCEPTANCE, A.VERIFY, A.EXTEND, A.DECIDE, A.NOTIFY, A.DECISION_RECEIVED,
                A.CLOSE, A.WITHDRAW, A.SUSPEND, A.SEND_SUSPENSION, A.RESUME, A.REOPEN)
# What `desk-app case ID --act` accepts: the officer's steps, police coordination and a note.
CLI_ACTIONS = (*USER_ACTIONS, A.POLICE, A.NOTE)


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
    if action == A.RESUME:
        return before_suspension or S.ACCEPTED
    return spec.to or status


def available_actions(status: str, kind: str) -> tuple[str, ...]:
    return tuple(a for a in USER_ACTIONS
                 if status in ACTIONS[a].after and (not ACTIONS[a].kinds or kind in ACTIONS[a].kinds))
