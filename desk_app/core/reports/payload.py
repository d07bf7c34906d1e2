"""The report as plain values: what `desk-app report --out x.json` writes, what the XLSX and PDF
renderers draw, and what the register of issued documents keeps, so a numbered report printed
again says what it said the first time (documents/register.py)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from desk_app.core.reports.periods import MODES

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desk_app.core.reports.engine import Report, TableResult

FORMAT = 1
KIND = "bao_cao_dinh_ky"  # the register's kind (core/documents/register.py)


def _table(table: TableResult) -> dict[str, Any]:
    layout = table.layout
    return {
        "id": layout.id, "code": layout.code, "title": layout.title,
        "row_label": layout.row_label, "landscape": layout.landscape,
        "header_depth": layout.header_depth,
        "header": [asdict(cell) for cell in layout.header],
        "columns": [{"no": c.no, "label": c.label, "sum": c.sum} for c in layout.columns],
        "formulas": {str(k): v for k, v in layout.formulas.items()},
        "rows": [{"key": r.key, "label": r.label, "total": r.total,
                  "values": {str(k): v for k, v in r.values.items()}} for r in table.rows],
        "notes": list(layout.notes),
    }


def signer_values(db: Database) -> dict[str, str]:
    from desk_app.core.storage import settings

    return {"title": settings.get(db, "signer_title"), "name": settings.get(db, "signer_name")}


def report_payload(report: Report, signer: dict[str, str] | None = None) -> dict[str, Any]:
    period = report.period
    return {
        "format": FORMAT, "kind": KIND,
        "period": {"spec": period.spec, "label": period.label, "start": period.start.isoformat(),
                   "end": period.end.isoformat(), "mode": period.mode,
                   "mode_label": MODES[period.mode], "range_text": period.range_text},
        "office": report.office,
        "signer": signer or {"title": "CHỦ TỊCH", "name": ""},
        "title": report.spec.title, "subject": report.spec.subject,
        "recipients": list(report.spec.recipients),
        "generated_at": report.generated_at,
        "tables": [_table(t) for t in report.tables],
        "checks": {"failed": list(report.failures)},
        "charts": report.charts,
        "summary": report.summary,
    }
