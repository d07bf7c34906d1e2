"""Any registered document again, by its id in the register: the one table of every kind of
document the office issues and the layer that renders it. The register (documents/register.py)
renders the documents of its own package; the layers above pass theirs, and this table, above
them all, joins them so that nothing registers a renderer as a side effect of being imported.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.documents import register, renderers
from desk_app.core.errors import DeskError
from desk_app.core.reports.payload import KIND as REPORT_KIND
from desk_app.core.reports.pdf import render_report_pdf
from desk_app.core.schedule import public

if TYPE_CHECKING:
    from sqlite_utils import Database

RENDERERS: dict[str, Callable[..., bytes]] = {
    **renderers.RENDERERS,  # receipt, refusal notice, the slips of a case and of a session
    **public.RENDERERS,  # the schedule's public notices
    REPORT_KIND: render_report_pdf,  # the numbered periodic report
}


def reprint(db: Database, issued_id: int, on: date | None = None) -> bytes:
    """The registered document again, marked "BẢN SAO" (register.reprint), whatever its kind."""
    row = db.execute("SELECT kind FROM issued_documents WHERE id = ?", [issued_id]).fetchone()
    if row is None:
        raise DeskError(messages.DOCUMENT_MISSING.format(id=issued_id))
    return register.reprint(db, issued_id, on, RENDERERS[row[0]])
