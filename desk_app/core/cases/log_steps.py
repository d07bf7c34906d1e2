"""What the log book's handling columns say about a case, from its later steps.

Form 03/TCD has "Thuộc thẩm quyền (x)", "Hướng dẫn (cơ quan, số văn bản)" and "Chuyển đơn
(cơ quan, số văn bản)". The outcome typed at the desk is only the first word: a petition
received on Monday and transferred a week later must show the transfer. The case's events
decide: the last guidance and the last transfer name their body and document number; the
petition is within competence once it is accepted or classified as competent, and outside it
once it is classified otherwise, guided or transferred.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk_app.core.storage import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

_STEPS = ("accept", "classify", "guide", "transfer")


@dataclass(frozen=True)
class LogSteps:
    competent: bool | None  # None: no step has said yet
    guided_to: str  # "body (doc no.)" of the last guidance, or ""
    transferred_to: str  # of the last transfer, or ""


def _body(body: str, doc_no: str) -> str:
    return f"{body} ({doc_no})" if doc_no else (body or "")


def later_steps(db: Database, case_ids: Iterable[int | None]) -> dict[int, LogSteps]:
    """For each case, what its steps say for the log book (cases with none are left out)."""
    ids = sorted({c for c in case_ids if c is not None})
    found: dict[int, LogSteps] = {}
    marks_steps = ",".join("?" * len(_STEPS))
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        state: dict[int, list] = {}
        events = rows.named(db.conn.execute(
            f"SELECT case_id, action, body, doc_no, data FROM case_events WHERE case_id IN"
            f" ({','.join('?' * len(chunk))}) AND action IN ({marks_steps}) ORDER BY case_id, id",
            [*chunk, *_STEPS]))
        for e in events:
            case_id, action, body, doc_no = e["case_id"], e["action"], e["body"], e["doc_no"]
            competent, guided, transferred = state.get(case_id, (None, "", ""))
            if action == "accept":
                competent = True
            elif action == "classify":
                competent = bool(json.loads(e["data"] or "{}").get("competent", True))
            elif action == "guide":
                competent, guided = False, _body(body, doc_no)
            elif action == "transfer":
                competent, transferred = False, _body(body, doc_no)
            state[case_id] = [competent, guided, transferred]
        found.update((c, LogSteps(*v)) for c, v in state.items())
    return found
