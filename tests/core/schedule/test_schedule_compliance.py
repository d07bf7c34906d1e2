"""Compliance figures for a period: scheduled vs held per host, citizens per session,
postponements and cancellations with their reasons, weeks without the head's session."""

from __future__ import annotations

from datetime import date, datetime

from desk_app.core.schedule.compliance import compliance
from desk_app.core.schedule.day import record_reception
from desk_app.core.schedule.sessions import cancel_session, postpone_session, record_held
from tests.core.schedule.conftest import DEPUTY, HEAD, NOW, one, session_on, thursdays
from tests.support import person, register


def test_compliance_for_december(office):
    thursdays(office, first=date(2026, 11, 23), last=date(2026, 12, 31))
    held = session_on(office, date(2026, 11, 26))
    by_deputy = session_on(office, date(2026, 12, 3))
    postponed = session_on(office, date(2026, 12, 10))
    cancelled = session_on(office, date(2026, 12, 17))
    new = postpone_session(office, postponed, datetime(2026, 12, 11, 8), datetime(2026, 12, 11, 11),
                           "Chủ tịch họp tại tỉnh", NOW)
    cancel_session(office, cancelled, "Trùng kỳ họp Hội đồng nhân dân", NOW)
    extra = one(office, date(2026, 11, 20), "14:00", "17:00", kind="dot_xuat",
                reason_code="crowd", now=datetime(2026, 11, 20, 13, 55))
    for serial in (1, 2):
        register(office, person("Nguyễn Văn An", serial=serial), session_id=extra,
                 received_at=datetime(2026, 11, 20, 14, 10 + serial))
    record_held(office, extra, now=datetime(2026, 11, 20, 17))
    record_held(office, held, now=datetime(2026, 11, 26, 11))
    record_reception(office, held, case_id=register(office, person("Lý Thị Bình", serial=9))
                     .case_ids[0], now=datetime(2026, 11, 26, 9))
    record_held(office, by_deputy, DEPUTY, datetime(2026, 12, 3, 11))
    figures = compliance(office, date(2026, 11, 16), date(2026, 12, 31), datetime(2026, 12, 28, 12))
    head, deputy = figures.hosts
    assert (head.host_id, head.is_head, head.scheduled, head.held, head.postponed,
            head.cancelled, head.not_recorded) == (HEAD, True, 8, 2, 1, 1, 2)
    assert (deputy.host_id, deputy.scheduled, deputy.held, deputy.held_for_others) == (
        DEPUTY, 0, 1, 1)
    citizens = {s.session_id: s.citizens for s in figures.sessions}
    assert (citizens[extra], citizens[held], citizens[by_deputy]) == (2, 1, 0)
    assert figures.citizens == 3
    assert [(c.day, c.status, c.reason, c.new_day) for c in figures.changes] == [
        (date(2026, 12, 10), "postponed", "Chủ tịch họp tại tỉnh", date(2026, 12, 11)),
        (date(2026, 12, 17), "cancelled", "Trùng kỳ họp Hội đồng nhân dân", None)]
    assert new in citizens
    # Weeks up to "now" without the head: 16–22/11 has only an ad hoc session; 30/11–06/12
    # was hosted by the deputy; 14–20/12 was cancelled.
    assert figures.weeks_without_head == (date(2026, 11, 16), date(2026, 11, 30),
                                          date(2026, 12, 14))
    assert figures.by_kind["dinh_ky"] == {"held": 2, "postponed": 1, "cancelled": 1, "planned": 3}
