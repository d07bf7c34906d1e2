"""Who hosts sessions: the office's officers, and which of them is the head (Chủ tịch).

The commune chairperson must receive citizens in person at least one day every week
(Reception Law 2013 art. 15(2)(d)) and may not hand the duty to a deputy (Law 136/2025): the
checks need to know who the head is. It is the setting `head_officer_id`; while it is unset,
the active officer whose position reads "Chủ tịch …" (not "Phó Chủ tịch") is taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.storage import settings
from desk_app.core.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

HEAD_KEY = "head_officer_id"


def officer_names(db: Database) -> dict[int | None, tuple[str, str]]:
    """{id: (name, position)} of every officer, active or not (old sessions name them); keyed
    by `int | None` so a session without a host looks up as unknown."""
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT id, full_name, position FROM officers")}


def check_officer(db: Database, officer_id: int | None, what: str = "host") -> int:
    """The id of an active officer, or a DeskError naming the unknown one."""
    if officer_id is None:
        raise DeskError(messages.SCHEDULE_HOST_REQUIRED, field=what)
    if db.execute("SELECT 1 FROM officers WHERE id = ? AND active = 1",
                  [officer_id]).fetchone() is None:
        raise DeskError(messages.SCHEDULE_HOST_UNKNOWN.format(id=officer_id), field=what)
    return officer_id


def _looks_like_head(position: str) -> bool:
    folded = fold(position).strip()
    return folded.startswith("chu tich")


def head_officer_id(db: Database) -> int | None:
    value = settings.get(db, HEAD_KEY).strip()
    if value.isdigit():
        return int(value)
    for officer_id, position in db.execute(
            "SELECT id, position FROM officers WHERE active = 1 ORDER BY id"):
        if _looks_like_head(position or ""):
            return officer_id
    return None


def set_head(db: Database, officer_id: int) -> None:
    check_officer(db, officer_id)
    settings.put(db, HEAD_KEY, str(officer_id))
