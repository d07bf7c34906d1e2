"""Plausible case histories for the demo office: the events a case would have by `end`.

Old cases ran their course (accepted, verified, decided, notified, closed); recent ones stop
where the clock is; a share of them run late, so the dashboard has overdue work to show.
Dates are calendar approximations of the legal periods: the deadline engine judges them.
"""

from __future__ import annotations

import calendar
import random
from datetime import date, datetime, timedelta
from functools import lru_cache


@lru_cache(maxsize=4096)
def _high_bits(stamp: str) -> int:
    """The fixed bits of a version-7 uuid made at `stamp`: the time in milliseconds (the clock
    time written in the row read as UTC, the same on every machine), version and variant."""
    millis = calendar.timegm(datetime.fromisoformat(stamp).timetuple()) * 1000
    return (millis << 80) | (0x7 << 76) | (0b10 << 62)


def demo_uuid(rng: random.Random, stamp: str) -> bytes:
    """A version-7 uuid for a row made at `stamp` (ISO), its random bits from the demo's
    generator: the same seed gives the same uuids, and rows made in order get keys in order
    (storage/uuids.py lays out the same bits)."""
    rand = rng.getrandbits(74)
    return (_high_bits(stamp) | ((rand >> 62) << 64) | (rand & _LOW)).to_bytes(16, "big")


_LOW = (1 << 62) - 1


def _step(rng: random.Random, day: date, lo: int, hi: int, late: bool) -> date:
    days = rng.randint(lo, hi) + (rng.randint(10, 60) if late else 0)
    out = day + timedelta(days=days)
    while out.weekday() >= 5:
        out += timedelta(days=1)
    return out


def case_events(rng: random.Random, case_id: int, kind: str, outcome: str, opened: date,
                end: date, officer_id: int, stamp: str, crowd: bool, body: str, doc_no: str,
                bodies: tuple[str, ...]) -> list[tuple]:
    """Rows for case_events: (uuid, case_id, action, status_after, occurred_on, entered_at,
    officer_id, body, doc_no, note, data)."""
    rows: list[tuple] = []
    status = "received"
    _last = [opened]

    def add(action: str, day: date, after: str | None = None, body: str = "", doc_no: str = "",
            data: str = "{}") -> bool:
        nonlocal status
        if day > end:
            return False
        day = max(day, _last[0])  # events are entered in the order they happened
        _last[0] = day
        status = after or status
        entered = stamp if day == opened else f"{day.isoformat()}T16:30:00"
        rows.append((demo_uuid(rng, entered), case_id, action, status, day.isoformat(), entered,
                     officer_id, body, doc_no, "", data))
        return True

    add("receive", opened, "received")
    if crowd:
        add("flag", opened, data='{"flag": "crowd", "on": true}')
    if outcome == "guided":
        add("guide", opened, "guided", body, doc_no)
        return rows
    if outcome == "transferred":
        add("transfer", opened, "transferred", body, doc_no)
        # Old transfers were answered long ago; the recent ones are still awaited.
        if rng.random() < (0.6 if (end - opened).days < 120 else 0.99):
            add("reply", _step(rng, opened, 10, 50, False), "closed", body,
                f"{rng.randint(1, 900)}/TB-UBND")
        return rows
    late = rng.random() < 0.12
    complexity = 0
    if kind in ("khieu_nai", "to_cao") and rng.random() < 0.12:
        complexity = 2 if kind == "to_cao" and rng.random() < 0.2 else 1
    day = _step(rng, opened, 1, 6, late and rng.random() < 0.3)
    if kind in ("kien_nghi", "phan_anh"):
        if rng.random() < 0.25:
            add("transfer", day, "transferred", rng.choice(bodies),
                f"{rng.randint(1, 400)}/UBND-TCD")
            if rng.random() < (0.6 if (end - opened).days < 120 else 0.99):
                add("reply", _step(rng, day, 10, 40, late), "closed")
            return rows
        if not add("accept", day, "accepted"):
            return rows
        day = _step(rng, day, 5, 25, late)
        if add("decide", day, "decided", doc_no=f"{rng.randint(1, 900)}/TB-UBND"):
            add("notify", _step(rng, day, 1, 2, False), "notified")
            add("close", _step(rng, day, 3, 10, False), "closed")
        return rows
    if rng.random() < 0.05:
        add("file", day, "filed")
        return rows
    if not add("accept", day, "accepted"):
        return rows
    if kind == "to_cao":
        day = _step(rng, day, 1, 4, late and rng.random() < 0.3)
        if not add("notify_acceptance", day):
            return rows
    if complexity:
        add("flag", day, data=f'{{"complexity": {complexity}}}')
    if rng.random() < 0.03:
        add("withdraw", _step(rng, day, 3, 20, False), "withdrawn")
        return rows
    day = _step(rng, day, 3, 12, False)
    if not add("verify", day, "verifying"):
        return rows
    if kind == "khieu_nai" and rng.random() < 0.6:
        day = _step(rng, day, 5, 15, False)
        if not add("dialogue", day, "dialogue"):
            return rows
    if kind == "to_cao" and complexity:
        for _ in range(complexity if late else 0):
            if not add("extend", _step(rng, day, 20, 25, False)):
                return rows
    day = _step(rng, day, 10, 25 + 10 * complexity, late)
    if not add("decide", day, "decided", doc_no=f"{rng.randint(1, 900)}/QĐ-UBND"):
        return rows
    add("notify", _step(rng, day, 1, 3, False), "notified")
    if add("close", _step(rng, day, 5, 15, False), "closed") and kind == "khieu_nai" \
            and rng.random() < 0.08:
        # Law on Complaints art. 33: a second complaint, handled like the first.
        day = _step(rng, day, 20, 40, False)
        if add("reopen", day, "reopened") and add("accept", _step(rng, day, 2, 7, False),
                                                   "accepted"):
            day = _step(rng, day, 30, 50, late)
            if add("decide", day, "decided", doc_no=f"{rng.randint(1, 900)}/QĐ-UBND"):
                add("notify", _step(rng, day, 1, 3, False), "notified")
                add("close", _step(rng, day, 5, 15, False), "closed")
    return rows
