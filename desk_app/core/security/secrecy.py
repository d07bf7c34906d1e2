"""Denouncer secrecy (Denunciation Law 25/2018 art. 9 and 47): who may see that a person
denounced, and the one way to see it — a reason, a role that allows it, an audited event.

Every face that shows a denouncer's identity (the log, a record, the known-visitor panel of
the intake form, `log --reveal`, a receipt or slip copy of a denouncing visit) calls
`reveal` first: it checks the role (roles.py: administrators and leaders any visit, a
reception officer the visits they received, read-only never), requires a reason, and writes
one `identity_reveals` row per petition and one `reveal` event in the audit trail, in one
transaction. A refusal writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core import limits
from desk_app.core.errors import DeskError
from desk_app.core.security import audit, session
from desk_app.core.security.roles import PERMISSION_LABELS, ROLE_LABELS, Permission, can

if TYPE_CHECKING:
    from sqlite_utils import Database

TO_CAO = "to_cao"
# Every line of a visit that brings a denunciation; a denunciation received without a visit
# (by post, the portal…: docs/channels.md) on its own.
_PROTECTED = (f"(p.visit_id IN (SELECT visit_id FROM petitions WHERE kind = '{TO_CAO}')"
              f" OR (p.visit_id IS NULL AND p.kind = '{TO_CAO}'))")


def denounced_petitions(db: Database, *, visit_id: int | None = None,
                        person_id: int | None = None, case_id: int | None = None) -> list[int]:
    """The petitions of a visit / a person / a case whose identity is protected: every line of
    a visit that brings a denunciation (the log masks them all, core/reception/logbook.py)."""
    where, value = (("p.visit_id = ?", visit_id) if visit_id is not None else
                    ("p.person_id = ?", person_id) if person_id is not None else
                    ("p.case_id = ?", case_id))
    return [r[0] for r in db.execute(
        f"SELECT p.id FROM petitions p WHERE {_PROTECTED} AND {where} ORDER BY p.id", [value])]


def in_range(db: Database, date_from: date, date_to: date) -> list[int]:
    """The protected petitions received in a date range (the log book's export)."""
    return [r[0] for r in db.execute(
        f"SELECT p.id FROM petitions p WHERE {_PROTECTED} AND substr(p.received_at, 1, 10)"
        " BETWEEN ? AND ? ORDER BY p.id", [date_from.isoformat(), date_to.isoformat()])]


def may_reveal(db: Database, petition_ids: Iterable[int]) -> bool:
    """Whether the signed-in user's role lets them see these petitions' denouncer (no one
    signed in: an internal job or a test, which acts as the system)."""
    user = session.current(db)
    if user is None or can(user.role, Permission.REVEAL_ANY):
        return True
    if not can(user.role, Permission.REVEAL_OWN) or user.officer_id is None:
        return False
    ids = list(petition_ids)
    if not ids:
        return True
    marks = ",".join("?" * len(ids))
    others = db.execute(
        f"SELECT COUNT(*) FROM petitions p JOIN visits v ON v.id = p.visit_id WHERE p.id IN"
        f" ({marks}) AND (v.officer_id IS NULL OR v.officer_id != ?)",
        [*ids, user.officer_id]).fetchone()[0]
    return others == 0


def may_reveal_some(db: Database) -> bool:
    user = session.current(db)
    return user is None or can(user.role, Permission.REVEAL_ANY) or (
        can(user.role, Permission.REVEAL_OWN) and user.officer_id is not None)


def check_reason(reason: str | None) -> str:
    reason = limits.check_text("reason", reason or "")
    if not reason:
        raise DeskError(messages.REVEAL_REASON_REQUIRED, field="reason")
    return reason


def refuse(db: Database) -> DeskError:
    user = session.current(db)
    role = ROLE_LABELS[user.role] if user else ""
    return DeskError(messages.NOT_PERMITTED.format(
        role=role, what=PERMISSION_LABELS[Permission.REVEAL_ANY]))


def reveal(db: Database, petition_ids: Iterable[int], reason: str | None, *, what: str,
           subject: str = "petition", subject_id: int | None = None,
           now: datetime | None = None) -> list[int]:
    """Check, then record a reveal of these petitions' denouncer (one transaction); returns
    the petitions. `what` says where it was shown (log, record, panel, log_export, receipt
    copy, slip)."""
    ids = sorted(set(petition_ids))
    reason = check_reason(reason)
    if not may_reveal(db, ids):
        raise refuse(db)
    user = session.current(db)
    officer_id = user.officer_id if user else None
    stamp = (now or datetime.now()).isoformat(timespec="seconds")
    with db.atomic():
        db.table("identity_reveals").insert_all(
            {"petition_id": pid, "officer_id": officer_id, "reason": reason,
             "revealed_at": stamp} for pid in ids)
        audit.record(db, "reveal", subject, subject_id if subject_id is not None else
                     (ids[0] if len(ids) == 1 else None),
                     {"what": what, "petitions": ids, "reason": reason})
    return ids


def guard_document(db: Database, petition_ids: list[int], reveal_reason: str | None, *,
                   what: str, subject: str, subject_id: int | None) -> None:
    """A document that names a denouncer (a receipt copy, a slip of a denunciation's case):
    with someone signed in it needs a reveal (reason, role, audit); without a reason it is
    refused (messages.REVEAL_NEEDED) and nothing is written."""
    if not petition_ids or session.current(db) is None:
        return
    if not (reveal_reason or "").strip():
        raise DeskError(messages.REVEAL_NEEDED, field="reason")
    reveal(db, petition_ids, reveal_reason, what=what, subject=subject, subject_id=subject_id)
