"""Write a report to a file: JSON (the payload), XLSX (the tables) or PDF (the report with its
tables). A PDF may be issued: numbered in the register of issued documents (Số: 01/BC-UBND,
sequential per year), its payload and hash stored, so printing it again gives the same report
marked as a copy. Files are written through `*.part` and renamed at the end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app import messages
from desk_app.core.documents import register
from desk_app.core.documents.layout import write_file
from desk_app.core.errors import DeskError
from desk_app.core.reports.engine import Report, build_report
from desk_app.core.reports.payload import KIND, report_payload, signer_values
from desk_app.core.reports.pdf import render_report_pdf
from desk_app.core.reports.periods import in_sentence
from desk_app.core.reports.xlsx import render_report_xlsx

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desk_app.core.reports.periods import Period

FORMATS = (".json", ".xlsx", ".pdf")


@dataclass(frozen=True)
class Written:
    path: Path
    report: Report
    number: str | None = None  # set when the PDF was issued (numbered and registered)


def render(payload: dict[str, Any], fmt: str) -> bytes:
    if fmt == ".json":
        return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == ".xlsx":
        return render_report_xlsx(payload)
    return render_report_pdf(payload)


def check_target(out: str | Path) -> str:
    fmt = Path(out).suffix.lower()
    if fmt not in FORMATS:
        raise DeskError(messages.REPORT_OUT_FORMAT.format(path=out))
    return fmt


def issue_report(db: Database, report: Report, now: datetime | None = None) -> register.Issued:
    """Number the report's PDF in the register (one transaction) and return it."""
    now = now or datetime.now()
    payload = report_payload(report, signer_values(db))
    payload["number_format"] = report.spec.number_format
    return register.issue(
        db, KIND, year=now.year, now=now, render=render_report_pdf,
        number_format=report.spec.number_format, payload=payload,
        subject=f"{report.spec.title.capitalize()} {in_sentence(report.spec.subject)} "
                f"{in_sentence(report.period.label)}")


def export_report(db: Database, period: Period, out: str | Path, *, now: datetime | None = None,
                  directory: str | None = None, issue: bool = False,
                  report: Report | None = None) -> Written:
    fmt = check_target(out)
    if issue and fmt != ".pdf":
        raise DeskError(messages.REPORT_ISSUE_PDF_ONLY)
    now = now or datetime.now()
    report = report or build_report(db, period, now=now, directory=directory)
    if issue:
        issued = issue_report(db, report, now)
        write_file(out, issued.pdf)
        return Written(Path(out), report, issued.number)
    payload = report_payload(report, signer_values(db))
    payload["number_format"] = report.spec.number_format
    write_file(out, render(payload, fmt))
    return Written(Path(out), report)
