"""Make a document in the core (numbered and registered on the writer thread), then show it.

A receipt is shown as a preview that issues nothing; its original is issued by the first print
or save that succeeds (`ReceiptDelivery`, core `deliver_receipt`), so looking at a receipt, or
a save to a bad path, never turns the citizen's first print into a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desk_app.core.documents.kinds import CASE_SLIP_NAMES
from desk_app.core.errors import DeskError

TITLES = {
    "receipt": ("Giấy biên nhận thông tin, tài liệu", "giay-bien-nhan-{id}.pdf"),
    "refusal": ("Thông báo từ chối tiếp công dân", "thong-bao-tu-choi-{id}.pdf"),
}
# A letter's acknowledgement is delivered like a receipt (docs/channels.md), under its own name.
ACK_TITLE = ("Giấy báo đã nhận đơn", "giay-bao-nhan-don-{id}.pdf")




class ReceiptDelivery:
    """Issues a receipt's original when it first leaves the desk (printed or saved)."""

    def __init__(self, tasks, visit_id: int, delivered: bool, reveal_reason: str | None = None):
        self.tasks = tasks
        self.reveal_reason = reveal_reason  # given when the preview was a denouncer's copy
        self.visit_id = visit_id
        self.delivered = delivered  # the original was issued before (later prints are copies)

    def deliver(self, path: Path | None, on_ok: Callable[[bytes, bool], None],
                on_error: Callable[[str], None]) -> None:
        """Issue (or copy) the receipt on the writer thread; with `path`, the file is written
        in the same transaction, so a write that fails issues nothing. `on_ok(pdf, is_copy)`
        runs on the GUI thread — printing happens there (pdfium is not thread-safe)."""
        visit_id, why = self.visit_id, self.reveal_reason

        def job(db):
            from desk_app.core.documents.layout import write_file
            from desk_app.core.documents.register import deliver_receipt

            write = (lambda pdf: write_file(path, pdf)) if path is not None else None
            return deliver_receipt(db, visit_id, write, reveal_reason=why)

        def done(result) -> None:
            self.delivered = True
            on_ok(*result)

        def failed(error) -> None:
            if not isinstance(error, DeskError):
                raise error
            on_error(error.message)

        self.tasks.write(job, done, failed)


def _make(kind: str, target_id: int, reason: str = "", reveal_reason: str | None = None):
    def job(db):
        from desk_app.core import documents
        if kind == "receipt":
            from desk_app.core.documents.register import preview_receipt

            # (pdf, delivered): registers nothing but the reveal of a denouncing visit's copy
            return preview_receipt(db, target_id, reveal_reason=reveal_reason)
        if kind == "refusal":
            return documents.issue_refusal(db, target_id).pdf
        from desk_app.core.documents.slips import issue_slip

        return issue_slip(db, kind, target_id, reason=reason, reveal_reason=reveal_reason).pdf

    return job


def _signed_by_head(kind: str) -> bool:
    if kind == "refusal":
        return True
    if kind == "receipt":
        return False
    from desk_app.core.documents.slips import SIGNED_BY_HEAD

    return SIGNED_BY_HEAD.get(kind, False)


def confirm_unsigned(parent, warning: str) -> bool:
    """Ask before printing a document the head signs while no signer is set."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    question = QCoreApplication.translate("documents", "Vẫn in văn bản này?")
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("documents", "Chưa có người ký"),
        f"{warning}\n\n{question}", QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    return answer == QMessageBox.Yes


def print_document(parent, tasks, kind: str, target_id: int, on_error=None, *,
                   reason: str = "", on_done=None, titles: tuple[str, str] | None = None) -> None:
    """Open the document window once the PDF is ready; a DeskError goes to `on_error`, or to
    the parent page's error line. A document the head signs is preceded by a warning when no
    signer is set (the officer may still print it, to be signed by hand)."""
    title, file_name = titles or TITLES.get(kind) or (CASE_SLIP_NAMES[kind],
                                                      kind.replace("_", "-") + "-{id}.pdf")

    def shown(result) -> None:
        from desk_app.gui.printing import show_document

        delivery = None
        if kind == "receipt":
            result, delivered = result
            delivery = ReceiptDelivery(tasks, target_id, delivered,
                                       revealed[0] if revealed else None)
        show_document(parent, result, title, file_name.format(id=target_id), delivery=delivery)
        if on_done is not None:
            on_done()

    def failed(error) -> None:
        if not isinstance(error, DeskError):
            raise error
        from desk_app import messages

        if error.message == messages.REVEAL_NEEDED and not revealed:
            # A document that names a denouncer: the reason (the reveal dialog), then again.
            from PySide6.QtCore import QCoreApplication

            from desk_app.gui.dialogs.reveal import ask_reason

            why = ask_reason(parent, QCoreApplication.translate(
                "documents", "Văn bản này ghi danh tính người tố cáo."))
            if why is not None:
                revealed.append(why)
                make()
            return
        if on_error is not None:
            on_error(error.message)
        elif hasattr(parent, "show_error"):
            parent.show_error(error.message)

    revealed: list[str] = []

    def make() -> None:
        tasks.write(_make(kind, target_id, reason, revealed[0] if revealed else None), shown,
                    failed)

    if not _signed_by_head(kind):
        make()
        return

    def checked(warning: str | None) -> None:
        if warning is None or confirm_unsigned(parent, warning):
            make()

    def check(db):
        from desk_app.core.documents.signer import unsigned_warning

        return unsigned_warning(db)

    tasks.read(check, checked, failed)
