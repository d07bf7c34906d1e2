"""Office settings the users may change: key → value, with defaults kept here.

Values are stored as text in the `settings` table (migration 0006); a missing key reads as
its default, so a new setting needs no migration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.errors import DeskError

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULTS: dict[str, str] = {
    # Who signs the office's documents (Decree 30/2020: position upper-case bold, then name).
    "signer_title": "CHỦ TỊCH",
    "signer_name": "",
    # Printed on slips (where to come, whom to call); empty: a line to fill by hand.
    "office_address": "",
    "office_phone": "",
    # Attention thresholds for the dashboard (local choices, not law).
    "due_soon_working_days": "3",
    "prolonged_days": "90",
    # Kiến nghị / phản ánh have no statutory period: the office's own target (docs/legal.md, “Deadlines”).
    "petition_target_days": "30",
    # The head who must receive citizens in person every week (Reception Law art. 15(2)(d)):
    # an officer id; empty: the officer whose position is "Chủ tịch …" (core/schedule/hosts.py).
    "head_officer_id": "",
    # 24/11 (Ngày Văn hóa Việt Nam) as a day off: "1" or "0" (resources/rules/holidays_vn.json,
    # switch culture_day_off: not in Labour Code art. 112, so a working day by default).
    "culture_day_off": "0",
    # A case referred to the grassroots mediation team: when to follow up its result (calendar
    # days). No law sets it (Law on Grassroots Mediation 2013): a local target (docs/channels.md).
    "mediation_follow_up_days": "30",
    # Periodic reports: "cutoff" closes figures on the 14th (Circular 01/2024/TT-TTCP);
    # "calendar" uses calendar months, as some provinces ask (core/reports/periods.py).
    "report_period_mode": "cutoff",
}

INTEGER_KEYS = frozenset({"due_soon_working_days", "prolonged_days", "petition_target_days",
                          "mediation_follow_up_days"})
SWITCH_KEYS = frozenset({"culture_day_off"})  # "1" on, "0" off


def get(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is not None:
        return row[0]
    if key not in DEFAULTS:
        raise KeyError(key)
    return DEFAULTS[key]


def get_int(db: Database, key: str) -> int:
    return int(get(db, key))


def put(db: Database, key: str, value: str) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    value = str(value).strip()
    if key in INTEGER_KEYS and not (value.isascii() and value.isdigit() and 0 < int(value) < 10_000):
        raise DeskError(messages.SETTING_NOT_A_NUMBER.format(value=value), field=key)
    if key in SWITCH_KEYS and value not in ("0", "1"):
        raise DeskError(messages.SETTING_NOT_A_SWITCH.format(value=value), field=key)
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])


def all_settings(db: Database) -> dict[str, str]:
    stored = dict(db.execute("SELECT key, value FROM settings").fetchall())
    return {key: stored.get(key, default) for key, default in DEFAULTS.items()}


# Settings that change due dates: the open cases they can move are recomputed after a change
# (cases/recompute.save_settings saves and recomputes).
RECOMPUTE_KEYS = frozenset({"petition_target_days", "culture_day_off", "mediation_follow_up_days"})


def put_many(db: Database, values: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Save several settings in one transaction; returns {key: (before, after)} of those that
    changed. Storage knows nothing of cases: when a setting that moves due dates changed, the
    cached due dates are marked stale (the next opening recomputes them, core/opening.py) and
    the caller recomputes the cases it can move now (cases/recompute.save_settings)."""
    with db.atomic():
        before = {k: get(db, k) for k in values}
        for key, value in values.items():
            put(db, key, value)
        changed = {k: (before[k], get(db, k)) for k in values if get(db, k) != before[k]}
        if changed.keys() & RECOMPUTE_KEYS:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('recompute_due', '1')")
    return changed


def stored(db: Database) -> dict[str, str]:
    """The settings rows as stored (a key never saved is absent)."""
    return dict(db.execute("SELECT key, value FROM settings").fetchall())


def restore(db: Database, rows: dict[str, str], keys) -> None:
    """Put these keys back as `rows` (from `stored`) held them: saved again, or absent."""
    for key in keys:
        if key in rows:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                       [key, rows[key]])
        else:
            db.execute("DELETE FROM settings WHERE key = ?", [key])
