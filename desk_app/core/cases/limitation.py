"""The complaint limitation period (thời hiệu khiếu nại) at intake.

Complaints Law 2011 art. 9: a complaint is lodged within 90 days of the day the complainant
received or knew of the administrative decision or act; time lost to illness, natural
disaster, war, work or study far away or another objective obstacle does not count. The
desk cannot judge those exceptions, so a late complaint is recorded with a warning, never
refused; the period itself is the `complaint_limitation` rule of resources/rules.
"""

from __future__ import annotations

from datetime import date

from desk_app import messages
from desk_app.core.cases.calendar import WorkCalendar, fmt
from desk_app.core.cases.deadlines import CaseFacts, compute_milestones


def limitation_warning(kind: str, received_on: date, known_on: date | None,
                       cal: WorkCalendar) -> str | None:
    """A Vietnamese warning when a complaint arrives after its limitation period, else None."""
    if kind != "khieu_nai" or known_on is None or known_on > received_on:
        return None
    found = next((m for m in compute_milestones(CaseFacts(kind, received_on, known_on=known_on),
                                                cal) if m.key == "complaint_limitation"), None)
    if found is None or found.due_on is None or received_on <= found.due_on:
        return None
    return messages.LIMITATION_PASSED.format(received=fmt(received_on), known=fmt(known_on),
                                             due=fmt(found.due_on), basis=found.basis)


def form_warnings(form, cal: WorkCalendar) -> list[str]:
    """The warnings an intake form gives (an IntakeForm), one per late complaint."""
    received = form.received_at.date()
    found = (limitation_warning(str(p.kind), received, p.known_on, cal) for p in form.parts)
    return [w for w in found if w]
