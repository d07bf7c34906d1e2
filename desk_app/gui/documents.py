"""Make a document in the core (numbered and registered on the writer thread), then show it."""

from __future__ import annotations

from desk_app.core.errors import DeskError

TITLES = {
    "receipt": ("Giấy biên nhận thông tin, tài liệu", "giay-bien-nhan-{id}.pdf"),
    "refusal": ("Thông báo từ chối tiếp công dân", "thong-bao-tu-choi-{id}.pdf"),
}


# The slips a case page offers, in the order of the procedure (slug → menu text).
CASE_SLIPS = {
    "phieu_hen": "Phiếu hẹn trả lời",
    "de_xuat_thu_ly": "Phiếu đề xuất thụ lý đơn",
    "thong_bao_thu_ly": "Thông báo thụ lý",
    "thong_bao_khong_thu_ly": "Thông báo không thụ lý",
    "phieu_huong_dan": "Phiếu hướng dẫn",
    "phieu_chuyen_don": "Phiếu chuyển đơn",
    "phieu_chuyen_don_to_cao": "Phiếu chuyển đơn tố cáo (không ghi danh tính người tố cáo)",
}


def _make(kind: str, target_id: int, reason: str = ""):
    def job(db):
        from desk_app.core import documents
        if kind == "receipt":
            return documents.print_receipt(db, target_id)
        if kind == "refusal":
            return documents.issue_refusal(db, target_id).pdf
        from desk_app.core.documents.slips import issue_slip

        return issue_slip(db, kind, target_id, reason=reason).pdf

    return job


def print_document(parent, tasks, kind: str, target_id: int, on_error=None, *,
                   reason: str = "", on_done=None) -> None:
    """Open the document window once the PDF is ready; a DeskError goes to `on_error`, or to
    the parent page's error line."""
    title, file_name = TITLES.get(kind) or (CASE_SLIPS[kind], kind.replace("_", "-") + "-{id}.pdf")

    def shown(pdf: bytes) -> None:
        from desk_app.gui.printing import show_document

        show_document(parent, pdf, title, file_name.format(id=target_id))
        if on_done is not None:
            on_done()

    def failed(error) -> None:
        if not isinstance(error, DeskError):
            raise error
        if on_error is not None:
            on_error(error.message)
        elif hasattr(parent, "show_error"):
            parent.show_error(error.message)

    tasks.write(_make(kind, target_id, reason), shown, failed)
