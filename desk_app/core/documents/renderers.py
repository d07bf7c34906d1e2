"""The one table of the documents this package prints, by kind: number format (số/ký hiệu),
name in the register of issued documents, renderer. `register.issue` and `register.reprint`
look a kind up here. Layers above that print documents of their own (the schedule's notices,
the periodic reports) pass their renderer and number format to `issue` and `reprint`; the
one table of every kind is core/reprints.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desk_app.core.documents.data import REFUSAL_KIND
from desk_app.core.documents.kinds import (
    ACCEPTANCE,
    APPOINTMENT,
    DENUNCIATION_TRANSFER,
    GUIDANCE,
    NON_ACCEPTANCE,
    PROPOSAL,
    SESSION_NOTICE,
    TRANSFER,
)
from desk_app.core.documents.receipt import render_receipt
from desk_app.core.documents.refusal import render_refusal
from desk_app.core.documents.session_notice import render_session_notice
from desk_app.core.documents.slip_forms import (
    render_acceptance,
    render_appointment,
    render_denunciation_transfer,
    render_guidance,
    render_non_acceptance,
    render_proposal,
    render_transfer,
)
from desk_app.core.reception.intake import ACK_KIND, RECEIPT_KIND


@dataclass(frozen=True)
class SlipKind:
    number_format: str  # số/ký hiệu (Decree 30/2020, Appendix I §II.4; Appendix III codes)
    subject: str  # its name in the register of issued documents
    render: Callable[..., bytes]


# Slip kinds: slug → number format, name, renderer (the slugs, their order and the kinds each
# is for: kinds.py). The ký hiệu is the kind's
# abbreviation in Decree 30/2020 Appendix III where it has one — TB (thông báo) for every
# notice, PC (phiếu chuyển) for both transfer slips — and kinds with the same ký hiệu share
# one sequence (register.series). Slips the appendix does not name keep a local abbreviation
# (PH phiếu hẹn, PĐX phiếu đề xuất, PHD phiếu hướng dẫn) with a sequence each.
SLIPS: dict[str, SlipKind] = {  # in kinds.CASE_SLIPS order, then the session notice
    APPOINTMENT: SlipKind("{seq:02d}/PH-TCD", "Phiếu hẹn", render_appointment),
    PROPOSAL: SlipKind("{seq:02d}/PĐX-TCD", "Phiếu đề xuất thụ lý đơn", render_proposal),
    ACCEPTANCE: SlipKind("{seq:02d}/TB-UBND", "Thông báo thụ lý", render_acceptance),
    NON_ACCEPTANCE: SlipKind("{seq:02d}/TB-UBND", "Thông báo không thụ lý",
                             render_non_acceptance),
    GUIDANCE: SlipKind("{seq:02d}/PHD-TCD", "Phiếu hướng dẫn", render_guidance),
    TRANSFER: SlipKind("{seq:02d}/PC-UBND", "Phiếu chuyển đơn", render_transfer),
    DENUNCIATION_TRANSFER: SlipKind("{seq:02d}/PC-UBND", "Phiếu chuyển đơn tố cáo",
                                    render_denunciation_transfer),
    SESSION_NOTICE: SlipKind("{seq:02d}/TB-UBND", "Thông báo kết luận việc tiếp công dân",
                             render_session_notice),
}

RENDERERS: dict[str, Callable[..., bytes]] = {
    RECEIPT_KIND: render_receipt,
    ACK_KIND: render_receipt,  # the notice that a letter was received (receipt.py)
    REFUSAL_KIND: render_refusal,
    **{kind: spec.render for kind, spec in SLIPS.items()},
}
# Số/ký hiệu (Decree 30/2020, Appendix I §II.4): number (two digits at least) / the kind's
# abbreviation from Appendix III ("TB" thông báo, "PC" phiếu chuyển; kinds the appendix does not
# list keep a local one, "GBN" giấy biên nhận) - the issuing body.
NUMBER_FORMATS: dict[str, str] = {
    RECEIPT_KIND: "{seq:02d}/GBN-TCD",  # as core/reception/intake.py numbers them
    ACK_KIND: "{seq:02d}/BNĐ-TCD",  # a letter's acknowledgement (docs/channels.md)
    REFUSAL_KIND: "{seq:02d}/TB-UBND",
    **{kind: spec.number_format for kind, spec in SLIPS.items()},
}
