"""Each concept is defined once: case statuses and actions (model.py's enums), the case slips
(documents/kinds.py), original/copy labels, dd/mm/yyyy."""

from __future__ import annotations

from datetime import date, datetime

from desk_app.core import catalog
from desk_app.core.cases import lifecycle
from desk_app.core.documents import kinds
from desk_app.core.documents.register import receipt_qr_text
from desk_app.core.documents.slips import SLIPS
from desk_app.core.model import CaseAction, CaseStatus, DocCopy, PetitionKind
from desk_app.core.text import dmy


def test_the_lifecycle_names_exactly_the_enums_statuses_and_actions():
    assert set(lifecycle.STATUS_LABELS) == set(CaseStatus)
    assert set(lifecycle.ACTIONS) == set(CaseAction)
    for code, spec in lifecycle.ACTIONS.items():
        assert isinstance(code, CaseAction), code
        assert all(isinstance(s, CaseStatus) for s in spec.after), code
        assert spec.to is None or isinstance(spec.to, CaseStatus), code
    assert set(lifecycle.USER_ACTIONS) <= set(CaseAction)
    # Stored values and string comparisons keep working: the members are their codes.
    assert CaseStatus.ACCEPTED == "accepted" and lifecycle.STATUS_LABELS["accepted"]
    assert lifecycle.next_status("accept", "received", "khieu_nai") == "accepted"


def test_one_list_of_case_slips_in_the_procedures_order():
    assert tuple(SLIPS)[:len(kinds.CASE_SLIPS)] == kinds.CASE_SLIPS
    assert set(SLIPS) == {*kinds.CASE_SLIPS, kinds.SESSION_NOTICE}
    assert kinds.slips_for(PetitionKind.TO_CAO) == (
        kinds.APPOINTMENT, kinds.PROPOSAL, kinds.ACCEPTANCE, kinds.NON_ACCEPTANCE,
        kinds.GUIDANCE, kinds.DENUNCIATION_TRANSFER)
    assert kinds.slips_for(PetitionKind.KIEN_NGHI) == (
        kinds.APPOINTMENT, kinds.PROPOSAL, kinds.GUIDANCE, kinds.TRANSFER)


def test_the_receipt_qr_mark_is_the_one_the_intake_page_looks_for():
    text = receipt_qr_text("24-09253", "01/GBN-TCD", 2026, "ABCDEFGH")
    assert text.startswith(kinds.RECEIPT_QR_PREFIX + "|")


def test_copy_labels_and_dates():
    assert set(catalog.COPY_LABELS) == set(DocCopy)
    assert catalog.document_line("Đơn", 2, "", DocCopy.CERTIFIED) == (
        "Đơn — 2 trang, bản sao có chứng thực")
    assert dmy(date(2026, 3, 5)) == dmy(datetime(2026, 3, 5, 9, 30)) == "05/03/2026"
    assert dmy("2026-03-05") == dmy("2026-03-05T09:30:00") == "05/03/2026"
    assert dmy(None) == dmy("") == ""
    assert dmy("không rõ") == "không rõ"
