"""The login screen, the first run that creates the administrator, the idle lock, role
denial in the window, the known-visitor panel of a denouncer (docs/security.md)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desk_app import messages
from desk_app.core import access
from desk_app.core.model import PetitionKind, PetitionPart
from desk_app.core.security import accounts, keyring, session
from desk_app.core.security.roles import Role
from desk_app.core.storage import keys
from desk_app.gui.dialogs.login import LoginDialog
from tests.support import person, register

ADMIN, PASSWORD = "quantri", "mat-khau-quan-tri"


@pytest.fixture
def office(tmp_path):
    folder = tmp_path / "office"
    done = access.set_up(folder, ADMIN, PASSWORD, province=24, commune=9253,
                         officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),))
    done.db.close()
    access.sign_out(folder)
    yield folder
    access.sign_out(folder)


def test_login_refuses_a_wrong_password_then_signs_in(qtbot, office):
    dialog = LoginDialog(office)
    qtbot.addWidget(dialog)
    dialog.username.setText(ADMIN)
    dialog.password.setText("sai-mat-khau")
    dialog.accept()
    assert dialog.error.text() == messages.LOGIN_FAILED
    assert dialog.result() != QDialog.Accepted and dialog.password.text() == ""
    assert keys.unlocked(office) is None
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    assert dialog.user.username == ADMIN and session.user_of_folder(office) == dialog.user
    dialog.db.close()


def test_login_throttles_repeated_failures(qtbot, office):
    dialog = LoginDialog(office)
    qtbot.addWidget(dialog)
    dialog.username.setText(ADMIN)
    for _ in range(keyring.FREE_ATTEMPTS):
        dialog.password.setText("sai-mat-khau")
        dialog.accept()
    dialog.password.setText(PASSWORD)  # right, but the wait is running
    dialog.accept()
    assert "Đã nhập sai nhiều lần" in dialog.error.text()
    assert dialog.result() != QDialog.Accepted


def test_first_run_creates_the_office_and_its_administrator(qtbot, tmp_path):
    from desk_app.gui.dialogs.first_run import FirstRunDialog

    folder = tmp_path / "new"
    dialog = FirstRunDialog(folder=folder)
    qtbot.addWidget(dialog)
    dialog.province.setCurrentIndex(dialog.province.findData(24))
    dialog.commune.setCurrentIndex(dialog.commune.findData(9253))
    dialog.officer.setText("Nguyễn Thị Hồng Nhung")
    dialog.username.setText("nhung.nt")
    dialog.password.setText("mat-khau-moi-1")
    dialog.password_again.setText("mat-khau-moi-2")
    dialog.accept()
    assert dialog.error.text() == messages.PASSWORDS_DIFFER
    assert not (folder / "keyring.json").exists()
    dialog.password_again.setText("mat-khau-moi-1")
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    assert dialog.setup.user.username == "nhung.nt" and dialog.setup.recovery_code
    assert dialog.office.commune_name == "Phường Nhân Hòa"
    dialog.setup.db.close()
    access.sign_out(folder)
    assert keyring.usernames(folder) == ["nhung.nt"]


def _window(qtbot, folder, username, password, idle_minutes=0.0):
    from desk_app.gui.app import build_window

    access.sign_in(folder, username, password)[0].close()
    window = build_window(folder / "desk.sqlite3")
    qtbot.addWidget(window)
    window.set_user(session.user_of_folder(folder), folder, idle_minutes)
    window.show()
    return window


def test_the_idle_lock_covers_the_window_until_the_password(qtbot, office):
    window = _window(qtbot, office, ADMIN, PASSWORD, idle_minutes=0.002)  # ~0.1 s
    try:
        qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=5000)
        lock = window.idle_lock.dialog
        assert lock is not None and lock.username.text() == ADMIN and lock.username.isReadOnly()
        assert not window.centralWidget().isVisible()
        lock.password.setText("sai-mat-khau")
        lock.accept()
        assert lock.error.text() == messages.LOGIN_FAILED and window.idle_lock.locked
        lock.password.setText(PASSWORD)
        lock.accept()
        assert not window.idle_lock.locked and window.centralWidget().isVisible()
    finally:
        window.idle_lock.timer.stop()
        window.tasks.shutdown()


def test_a_read_only_account_is_refused_in_the_window(qtbot, office):
    db, _admin = access.sign_in(office, ADMIN, PASSWORD)
    accounts.add_account(db, "chixem", "mat-khau-chixem", Role.READ_ONLY, None)
    db.close()
    access.sign_out(office)
    window = _window(qtbot, office, "chixem", "mat-khau-chixem")
    try:
        assert not window.officer.isEnabled()
        assert "Chỉ xem" in window.signed_in.text()
        page = window.intake
        page.full_name.setText("Trần Thị Mai")
        page.id_number.setText("001190000123")
        page.parts[0].summary.setPlainText("Kiến nghị sửa đường")
        page.save()
        qtbot.waitUntil(lambda: page.save_button.isEnabled() and page.message.text() != "",
                        timeout=5000)
        assert page.message.text() == messages.NOT_PERMITTED.format(
            role="Chỉ xem", what="ghi sổ, ghi bước xử lý, đính chính")
    finally:
        window.tasks.shutdown()


def test_a_receptionist_records_as_their_own_officer(qtbot, office):
    db, _admin = access.sign_in(office, ADMIN, PASSWORD)
    accounts.add_account(db, "nhung", "mat-khau-nhung", Role.RECEPTION, 1)
    db.close()
    access.sign_out(office)
    window = _window(qtbot, office, "nhung", "mat-khau-nhung")
    try:
        assert window.officer.currentData() == 1 and not window.officer.isEnabled()
    finally:
        window.tasks.shutdown()


def test_the_known_visitor_panel_hides_a_denouncer(qtbot, window, demo_db):
    """A leak now closed: typing a denouncer's ID number showed their name, phone, address
    and "Tố cáo". Now nothing shows (they are not a known visitor) without a reveal."""
    number = "027090005555"
    register(demo_db, person("Âu Dương Phong", serial=5555), parts=(
        PetitionPart(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền"),))
    page = window.intake
    page.id_number.setText(number)
    page.lookup_person()
    qtbot.waitUntil(lambda: "Chưa có lần đến trước" in page.known.label.text(), timeout=5000)
    assert page.known.person is None
    assert page.known.visits.count() == 0
    # A role that may: the reveal asks a reason, then shows the visit and records it.
    from desk_app.gui.dialogs import reveal

    monkeypatch_reason = []
    original = reveal.ask_reason
    reveal.ask_reason = lambda parent, what: (monkeypatch_reason.append(what),
                                              "Đối chiếu đơn trùng")[1]
    try:
        page.reveal_known()
        qtbot.waitUntil(lambda: page.known.person is not None, timeout=5000)
    finally:
        reveal.ask_reason = original
    assert page.known.person.full_name == "Âu Dương Phong"
    assert demo_db.execute("SELECT reason FROM identity_reveals ORDER BY id DESC LIMIT 1"
                           ).fetchone() == ("Đối chiếu đơn trùng",)


def test_the_backup_window_backs_up_and_lists(qtbot, tasks, db, db_path):
    from desk_app.gui.dialogs.backups import BackupDialog

    dialog = BackupDialog(tasks, db_path.parent, may_restore=False)
    qtbot.addWidget(dialog)
    assert "Đã hơn 7 ngày chưa sao lưu" in dialog.reminder.text()
    assert not dialog.restore_button.isVisibleTo(dialog)
    dialog.back_up(None)
    qtbot.waitUntil(lambda: "Đã sao lưu và kiểm tra" in dialog.message.text(), timeout=10000)
    assert dialog.list.count() == 1 and dialog.reminder.text() == ""
    assert list((db_path.parent / "backups").glob("manual-*.sqlite3.keyring.json"))


def test_the_reveal_dialog_needs_a_reason(qtbot):
    from desk_app.gui.dialogs.reveal import RevealDialog

    dialog = RevealDialog("Lượt tiếp số 3")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error.text() == messages.REVEAL_REASON_REQUIRED
    dialog.reason.setText("Giải quyết tố cáo")
    dialog.accept()
    assert dialog.result() == QDialog.Accepted


def test_a_denouncers_receipt_copy_asks_the_reason_in_the_window(qtbot, tasks, db, db_path,
                                                                 monkeypatch):
    """The window's reprint of a denouncing visit's receipt: the reveal dialog, then the
    document; the reveal is recorded with its reason."""
    from desk_app.core.documents.register import deliver_receipt
    from desk_app.core.security.session import User
    from desk_app.gui import documents, printing
    from desk_app.gui.dialogs import reveal

    result = register(db, person("Âu Dương Phong", serial=77), parts=(
        PetitionPart(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền"),))
    deliver_receipt(db, result.visit_id)  # the original, given at the desk
    session.set_user(db_path.parent, User(1, "quantri", Role.ADMIN, 1, "Nguyễn Thị Hồng Nhung"))
    asked, shown = [], []
    monkeypatch.setattr(reveal, "ask_reason", lambda parent, what: asked.append(what) or "Cấp lại")
    monkeypatch.setattr(printing, "show_document", lambda *a, **k: shown.append(a))
    try:
        documents.print_document(None, tasks, "receipt", result.visit_id,
                                 on_error=lambda m: shown.append(m))
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        session.set_user(db_path.parent, None)
    assert asked == ["Văn bản này ghi danh tính người tố cáo."]
    assert isinstance(shown[0], tuple)  # the document, not an error
    assert db.execute("SELECT reason FROM identity_reveals").fetchall() == [("Cấp lại",)]


def test_a_locked_office_starts_on_the_login_screen(qtbot, office, monkeypatch):
    """The start of a locked office: the login screen is the first window (a smoke start
    quits on it), and nothing is unlocked without a password."""
    from desk_app.gui import app

    shown = []
    original = LoginDialog.exec

    def exec_(self):
        shown.append(self.windowTitle())
        return original(self)

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    monkeypatch.setenv("DESK_APP_EXIT_AFTER_SHOWN", "1")
    assert app.build_window(office / "desk.sqlite3") is None
    assert shown == ["Bàn tiếp dân — đăng nhập"]
    assert keys.unlocked(office) is None
