"""Reception: ID numbers and the chip card's QR line, the intake form (one transaction per
visit), known visitors, the log book (form 03/TCD) as id lists and pages, one record in full,
and the full-text search behind the search box.

Sits on storage and cases; documents sit on it.
"""
