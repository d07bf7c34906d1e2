"""Printed documents (reportlab, Qt-free): receipt 02/TCD, refusal notice 01/TCD, log book
03/TCD (PDF and XLSX), the slips and notices of a case (slips.py), their numbering and register.

Names load their module on first use, so importing the package costs nothing until a
document is made (reportlab takes ~0.1 s to import).

    pdf = print_receipt(db, visit_id)                 # first print: original; later: BẢN SAO
    notice = issue_refusal(db, visit_id)              # Issued(number="03/TB-UBND", pdf=…)
    export_log_pdf(db, date(2026, 1, 1), date(2026, 3, 31), "so.pdf")
    export_log_xlsx(db, date(2026, 1, 1), date(2026, 3, 31), "so.xlsx")
    visit_id = verify_receipt_qr(db, scanned_text)    # None for a foreign or altered code
    slip = issue_slip(db, "phieu_hen", case_id)       # IssuedSlip(number="1/PH-TCD", copy=False, …)
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Issued": "register",
    "issue": "register",
    "issue_refusal": "register",
    "print_receipt": "register",
    "reprint": "register",
    "verify_receipt_qr": "register",
    "receipt_qr_text": "register",
    "render_receipt": "receipt",
    "render_refusal": "refusal",
    "render_log_pdf": "logbook_pdf",
    "export_log_pdf": "logbook_pdf",
    "render_log_xlsx": "logbook_xlsx",
    "export_log_xlsx": "logbook_xlsx",
    "receipt_data": "data",
    "refusal_data": "data",
    "log_rows_for_print": "data",
    "LOG_COLUMNS": "data",
    "RECEIPT_KIND": "data",
    "REFUSAL_KIND": "data",
    # Slips and notices of a case, the session conclusions notice
    "SLIPS": "slips",
    "IssuedSlip": "slips",
    "issue_slip": "slips",
    "copy_slip": "slips",
    "reprint_slip": "slips",
    "issue_appointment": "slips",
    "issue_proposal": "slips",
    "issue_transfer": "slips",
    "issue_denunciation_transfer": "slips",
    "issue_guidance": "slips",
    "issue_acceptance": "slips",
    "issue_non_acceptance": "slips",
    "issue_session_notice": "slips",
    "Session": "session_notice",
    "SessionCitizen": "session_notice",
    "read_session_file": "session_notice",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
