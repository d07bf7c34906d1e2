"""Make a document in the core (numbered and registered on the writer thread), then show it."""

from __future__ import annotations

from desk_app.core.errors import DeskError

TITLES = {
    "receipt": ("Giấy biên nhận thông tin, tài liệu", "giay-bien-nhan-{id}.pdf"),
    "refusal": ("Thông báo từ chối tiếp công dân", "thong-bao-tu-choi-{id}.pdf"),
}


def _make(kind: str, target_id: int):
    def job(db):
        from desk_app.core import documents

        if kind == "receipt":
            return documents.print_receipt(db, target_id)
        if kind == "refusal":
            return documents.issue_refusal(db, target_id).pdf
        raise KeyError(kind)

    return job


def print_document(parent, tasks, kind: str, target_id: int, on_error=None) -> None:
    """Open the document window once the PDF is ready; a DeskError goes to `on_error`, or to
    the parent page's error line."""
    title, file_name = TITLES[kind]

    def shown(pdf: bytes) -> None:
        from desk_app.gui.printing import show_document

        show_document(parent, pdf, title, file_name.format(id=target_id))

    def failed(error) -> None:
        if not isinstance(error, DeskError):
            raise error
        if on_error is not None:
            on_error(error.message)
        elif hasattr(parent, "show_error"):
            parent.show_error(error.message)

    tasks.write(_make(kind, target_id), shown, failed)
