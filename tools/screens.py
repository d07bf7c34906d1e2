"""What tools/screenshots.py shows: the first run, each page and each dialog, filled with a
small generated office."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

QR_LINE = ("027090001234||Đặng Văn Dũng|04031990|Nam|"
           "Thôn Đông, xã Hòa Long, thành phố Bắc Ninh, tỉnh Bắc Ninh|15082021")


def take_all(shots, data_dir: Path, only: set[str]) -> None:
    from PySide6.QtWidgets import QDialog, QScrollArea

    def want(name: str) -> bool:
        return not only or name in only or any(name.startswith(o) for o in only)

    def grab(widget, name: str) -> None:
        if want(name):
            shots.grab(widget, name)
        if isinstance(widget, QDialog):
            widget.hide()

    from desk_app.core.opening import open_db
    from desk_app.gui.dialogs.first_run import FirstRunDialog

    # --- first run ---------------------------------------------------------------------
    (data_dir / "first").mkdir(parents=True, exist_ok=True)
    (data_dir / "office").mkdir(parents=True, exist_ok=True)
    first = open_db(data_dir / "first" / "desk.sqlite3")
    dialog = FirstRunDialog(first)
    grab(dialog, "01-first-run")
    dialog.province.select(24)
    dialog.commune.setFocus()
    dialog.commune.lineEdit().setText("nhan hoa")
    dialog.commune._typed("nhan hoa")
    shots.settle()
    grab(dialog, "02-first-run-search")
    popup = dialog.commune.completer().popup()
    if want("03-first-run-matches"):
        shots.grab(popup, "03-first-run-matches")
    popup.hide()
    first.close()

    # --- a small office ------------------------------------------------------------------
    from desk_app.core.demo.generate import generate
    from desk_app.core.reception.intake import register_visit
    from desk_app.core.storage.office import init_office
    from tests.support import form, part

    path = data_dir / "office" / "desk.sqlite3"
    db = open_db(path)
    init_office(db, 24, 9253, officers=(("Nguyễn Thị Hồng Nhung", "Công chức Văn phòng - Thống kê"),
                                        ("Lê Văn Dũng", "Chủ tịch")))
    generate(db, 300, seed=3)
    now = datetime.now().replace(microsecond=0)
    late = register_visit(db, form(parts=(part(kind="khieu_nai", summary=(
        "Khiếu nại Quyết định thu hồi đất số 125/QĐ-UBND đối với thửa đất số 57 tờ bản đồ 12 ở "
        "Thôn Đông, đề nghị xem xét lại giá bồi thường và hỗ trợ tái định cư")),),
        received_at=now - timedelta(days=40)), now)
    petition = register_visit(db, form(received_at=now - timedelta(days=2)), now)
    # A correction and a visit cancelled as entered in error (the record window, the log).
    from desk_app.core.reception.corrections import cancel_visit, correct_entry

    correct_entry(db, petition.visit_id, "summary", "Kiến nghị cấp giấy chứng nhận quyền sử "
                  "dụng đất cho thửa đất số 57", "Ghi thiếu số thửa", officer_id=1, now=now)
    wrong = register_visit(db, form(received_at=now - timedelta(hours=1)), now)
    cancel_visit(db, wrong.visit_id, "Ghi trùng lượt tiếp", officer_id=1, now=now)
    # The schedule: the chairperson's Thursdays this month and next, and a session under way
    # today that visits are filed under (core/schedule).
    from datetime import time

    from desk_app.core.schedule.day import add_direction, book, record_reception
    from desk_app.core.schedule.model import SeriesForm, SessionForm
    from desk_app.core.schedule.recurrence import weekly
    from desk_app.core.schedule.sessions import add_series, add_session

    today = now.date()
    early = datetime.combine(today, time(0, 0))
    add_series(db, SeriesForm(kind="dinh_ky", rule=weekly((3,)), first_day=today + timedelta(days=1),
                              last_day=today + timedelta(days=60), start_time="08:00",
                              end_time="11:00", host_id=2, content="Đất đai, bồi thường"), early)
    session = add_session(db, SessionForm(
        kind="dinh_ky", starts_at=datetime.combine(today, time(0, 1)),
        ends_at=datetime.combine(today, time(23, 59)), host_id=2,
        participants=("Công chức Địa chính - Xây dựng", "Công an phường")), early).session_ids[0]
    book(db, session, late.case_ids[0], now=early)
    record_reception(db, session, case_id=late.case_ids[0], presented=(
        "Ông Dũng đề nghị xem lại đơn giá bồi thường đất ở"), now=now)
    add_direction(db, session, late.case_ids[0], "Phòng Kinh tế rà soát đơn giá, báo cáo Chủ tịch",
                  today + timedelta(days=10), assignee_id=1, now=now)
    db.close()
    # Encrypted and signed in, as an office is since accounts (docs/security.md): the window
    # then opens without its login screen.
    from desk_app.core.access import encrypt_existing

    encrypt_existing(path.parent, "quantri", "mat-khau-anh-chup").db.close()

    from desk_app.gui.app import build_window

    window = build_window(path)
    window.show_placed()
    shots.settle(300)
    page = window.intake
    grab(window, "10-intake")
    page.qr.setText(QR_LINE)
    page.apply_qr()
    page.crowd_size.setValue(7)
    page.reps.insertRow(0)
    page.parts[0].summary.setPlainText("Kiến nghị cấp giấy chứng nhận quyền sử dụng đất")
    page.documents_box.add_document("Đơn kiến nghị", 2, "Nguyên vẹn")
    shots.wait(lambda: page.known.person is not None, 3)
    window.refresh_current_session()
    shots.wait(lambda: page.session is not None, 3)
    page.full_name.setText("Đặng Văn Dũng (nhập khác)")  # a saved ID under another name
    shots.wait(lambda: page.identity_warning.isVisible(), 3)
    from desk_app.gui.pages.intake import _select

    _select(page.parts[0].kind, "khieu_nai")
    page.parts[0].known.setText((date.today() - timedelta(days=120)).strftime("%d/%m/%Y"))
    page.parts[0].known.editingFinished.emit()
    shots.wait(lambda: page.parts[0].warning.text() != "", 3)
    grab(window, "11-intake-filled")
    page.content.parts[0].summary.setFocus()
    scroll = page.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum() // 2)
    grab(window, "11b-intake-filled-middle")
    page.show_error("Đoàn 7 người cử 3 người đại diện: đoàn 5–10 người cử 1–2 người đại diện. "
                    "Hãy bớt người đại diện.")
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Question, page.tr("Người tiếp theo"), page.tr(
        "Biểu mẫu đang có thông tin chưa ghi sổ. Xóa để tiếp người tiếp theo?"),
        QMessageBox.Yes | QMessageBox.No, window)
    grab(box, "12-confirm-new-visit")
    page.reset()

    window.show_page("log")
    shots.wait(lambda: window.log.model.rowCount() > 0)
    grab(window, "20-log")
    line = window.log.model.row_at(0)
    correction = window.log.ask_correction(line)
    shots.wait(lambda: correction.save_button.isEnabled(), 3)
    grab(correction, "22-correction")
    grab(window.log.ask_cancel(line), "23-cancel-visit")
    window.search.setText("nguyen")
    window.run_search()
    shots.settle(400)
    grab(window, "21-log-search")

    cases = window.show_cases()
    shots.wait(lambda: cases.model.rowCount() > 0)
    grab(window, "30-cases")

    # --- the case window ---------------------------------------------------------------
    case = window.open_case(late.case_ids[0])
    shots.wait(lambda: case.detail is not None)
    for index, name in enumerate(("milestones", "timeline", "papers", "dialogues", "files")):
        case.tabs.setCurrentIndex(index)
        grab(case, f"40-case-{name}")
    case.tabs.setCurrentIndex(0)
    from desk_app.gui.dialogs.case_forms import (
        ActionDialog,
        DialogueMinutesDialog,
        ScheduleDialogueDialog,
    )

    grab(ActionDialog("classify", case, kind="khieu_nai"), "41-step-classify")
    grab(ActionDialog("transfer", case, kind="khieu_nai"), "42-step-transfer")
    grab(ActionDialog("accept", case, kind="kien_nghi"), "43-step-consider-petition")
    grab(ScheduleDialogueDialog(case), "44-dialogue-schedule")
    grab(DialogueMinutesDialog(case), "45-dialogue-minutes")
    case.close()
    kien_nghi = window.open_case(petition.case_ids[0])
    shots.wait(lambda: kien_nghi.detail is not None)
    grab(kien_nghi, "46-case-petition")
    kien_nghi.close()

    # --- documents, record, settings, help, about ------------------------------------------
    from desk_app.gui.printing import DocumentDialog

    window.show_page("intake")
    page.last_saved = petition
    page.print_last()
    shots.wait(lambda: bool([w for w in page.findChildren(DocumentDialog) if w.isVisible()]))
    for doc in page.findChildren(DocumentDialog):
        grab(doc, "50-document-receipt")
        doc.close()

    from desk_app.core.reception.records import petition_record
    from desk_app.core.storage.db import open_reader
    from desk_app.gui.dialogs.record import RecordDialog

    reader = open_reader(path)
    grab(RecordDialog(petition_record(reader, petition.petition_ids[0], False), window,
                      tasks=window.tasks), "51-record")
    reader.close()

    # --- the reception schedule and the reception day -----------------------------------
    schedule = window.show_page("schedule")
    shots.wait(lambda: schedule.view is not None)
    schedule.select_day(date.today())
    shots.settle(200)
    grab(window, "55-schedule")
    day = window.open_reception_day(session)
    shots.wait(lambda: day.items.count() > 0)
    day.items.setCurrentRow(0)
    shots.settle(300)
    grab(day, "56-reception-day")
    day.close()
    from desk_app.gui.dialogs.session_form import SessionDialog

    grab(SessionDialog(window._officers, date.today() + timedelta(days=7), 2, window),
         "57-session-form")

    # --- periodic reports and the chairperson's overview (core/reports) --------------------
    reports = window.show_page("reports")
    reports.build()  # the current period (cut-off on the 14th by default)
    shots.wait(lambda: reports.report is not None, 60)
    shots.settle(200)
    grab(window, "58-reports")
    reports.tabs.setCurrentIndex(1)  # 01/XLD: the widest table
    shots.settle(200)
    grab(window, "58-reports-xld")
    reports.explain("xld:tong:1")
    shots.wait(lambda: reports.dialog is not None, 30)
    grab(reports.dialog, "59-report-records")
    overview = window.show_page("overview")
    shots.wait(lambda: overview.overview is not None, 60)
    shots.settle(500)
    grab(window, "59-overview")
    overview.grid_holder.parentWidget().parentWidget().verticalScrollBar().setValue(10_000)
    shots.settle(300)
    grab(window, "59-overview-end")

    settings = window.open_settings()
    shots.wait(lambda: settings.days.rowCount() > 0)
    for index, name in enumerate(("calendar", "parameters", "office")):
        settings.tabs.setCurrentIndex(index)
        grab(settings, f"60-settings-{name}")
    settings._saved = settings.values()
    settings.reject()

    grab(window.open_help("intake"), "70-help-intake")
    window._help_dialog.show_topic("legal")
    grab(window._help_dialog, "71-help-legal")
    grab(window.open_about(), "72-about")

    from desk_app.gui.dialogs.error import ErrorDialog

    try:
        raise RuntimeError("ví dụ lỗi")
    except RuntimeError as exc:
        grab(ErrorDialog(exc, window), "80-error")

    from PySide6.QtWidgets import QFileDialog, QInputDialog

    files = QFileDialog(window, "Xuất sổ tiếp công dân", str(path.parent),
                        "Tệp PDF (*.pdf);;Bảng tính Excel (*.xlsx)")
    files.setAcceptMode(QFileDialog.AcceptSave)
    files.setOption(QFileDialog.DontUseNativeDialog, True)
    grab(files, "81-file-dialog")
    ask = QInputDialog(window)
    ask.setWindowTitle("Thêm cán bộ tiếp công dân")
    ask.setLabelText("Họ và tên cán bộ:")
    grab(ask, "82-input-dialog")

    from desk_app.gui.widgets.progress import progress_dialog

    bar = progress_dialog(window, "Cài đặt", "Đang tính lại thời hạn của các vụ việc…", True)
    bar.setMaximum(100)
    bar.setValue(40)
    grab(bar, "83-progress")

    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter()  # kept alive: the dialog holds a pointer to it
    preview = QPrintPreviewDialog(printer, window)
    grab(preview, "84-print-preview")
    _ = date.today()
    window.close()
