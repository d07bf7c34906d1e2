"""Periodic reports (docs/reports.md): periods with the 14th cut-off of Circular 01/2024/TT-TTCP
or calendar months; named SQL measures over the live records of each office (scope.py); the
tables of the official templates as data (resources/reports/); the records behind every
figure; the identities checked on every run; XLSX, PDF (Decree 30/2020, numbered through the
register of issued documents) and JSON; the chairperson's overview.

Sits on documents and schedule; nothing below imports it. Nothing is imported here, so
loading the package costs nothing until a report is made.

    report = build_report(db, parse_period("2026-Q4"))     # engine.py
    report.cell("xld:tong:7"); explain(db, period, "xld:tong:7").records   # explain.py
    export_report(db, period, "bao-cao.pdf", issue=True)   # export.py: "01/BC-UBND"
"""
