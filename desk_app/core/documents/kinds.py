"""The slips a case prints, by slug: their order on the case page, the name its menu shows,
the petition kinds each exists for; and the mark of the office's receipt QR codes.

Light to import (no reportlab): the window builds its menus from it at start-up, the CLI its
choices, and slips.py its table of renderers.
"""

from __future__ import annotations

from desk_app.core.model import PetitionKind

APPOINTMENT = "phieu_hen"
PROPOSAL = "de_xuat_thu_ly"  # Circular 05/2021 Form 01
TRANSFER = "phieu_chuyen_don"
DENUNCIATION_TRANSFER = "phieu_chuyen_don_to_cao"  # Circular 05/2021 Form 03
GUIDANCE = "phieu_huong_dan"
ACCEPTANCE = "thong_bao_thu_ly"
NON_ACCEPTANCE = "thong_bao_khong_thu_ly"
SESSION_NOTICE = "ket_luan_tiep"  # Decree 154/2026 art. 25 (of a session, not of a case)

# The slips of a case in the order of the procedure, with the case page's menu text.
CASE_SLIP_NAMES = {
    APPOINTMENT: "Phiếu hẹn trả lời",
    PROPOSAL: "Phiếu đề xuất thụ lý đơn",
    ACCEPTANCE: "Thông báo thụ lý",
    NON_ACCEPTANCE: "Thông báo không thụ lý",
    GUIDANCE: "Phiếu hướng dẫn",
    TRANSFER: "Phiếu chuyển đơn",
    DENUNCIATION_TRANSFER: "Phiếu chuyển đơn tố cáo (không ghi danh tính người tố cáo)",
}
CASE_SLIPS = tuple(CASE_SLIP_NAMES)

# Slips that exist only for some petition kinds (slips.py refuses the others); the rest are
# for every kind. Acceptance notices are for complaints and denunciations (thụ lý: Law on
# Complaints art. 27, Law on Denunciations art. 29); a denunciation is transferred with its
# own slip, which leaves out the denouncer (Law on Denunciations art. 47), never the plain one.
NOTICE_KINDS = (PetitionKind.KHIEU_NAI, PetitionKind.TO_CAO)
FOR_KINDS: dict[str, tuple[str, ...]] = {
    ACCEPTANCE: NOTICE_KINDS,
    NON_ACCEPTANCE: NOTICE_KINDS,
    TRANSFER: (PetitionKind.KHIEU_NAI, PetitionKind.KIEN_NGHI, PetitionKind.PHAN_ANH),
    DENUNCIATION_TRANSFER: (PetitionKind.TO_CAO,),
}


def slips_for(petition_kind: str) -> tuple[str, ...]:
    """The case slips a case of this petition kind can print, in the procedure's order."""
    return tuple(s for s in CASE_SLIPS if petition_kind in FOR_KINDS.get(s, (petition_kind,)))


# A receipt's QR code begins with this mark (register.receipt_qr_text); a scan that does is
# looked up as a receipt, not read as an ID card.
RECEIPT_QR_PREFIX = "TCD1"
