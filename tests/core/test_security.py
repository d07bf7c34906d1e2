"""Accounts, keys, throttling, recovery, the audit chain, encryption at rest
(docs/security.md). Real keyring files and real SQLCipher databases."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from desk_app import messages
from desk_app.core import access
from desk_app.core.errors import DeskError
from desk_app.core.opening import open_db
from desk_app.core.security import accounts, audit, keyring, secrecy, session
from desk_app.core.security.roles import Role
from desk_app.core.storage import keys
from desk_app.core.storage.failures import DB_ERRORS
from tests.support import TEST_PASSWORD, person, register, snapshot

ADMIN, PASSWORD = "quantri", "mat-khau-quan-tri"


@pytest.fixture
def office(tmp_path):
    folder = tmp_path / "office"
    done = access.set_up(folder, ADMIN, PASSWORD, province=24, commune=9253,
                         officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),))
    yield folder, done
    done.db.close()
    access.sign_out(folder)


def _reopen(folder, username=ADMIN, password=PASSWORD):
    access.sign_out(folder)
    return access.sign_in(folder, username, password)


def test_set_up_writes_a_private_keyring_and_an_encrypted_database(office):
    folder, done = office
    assert done.user.role == Role.ADMIN and done.user.officer_id == 1
    assert len(keyring.normalize_recovery_code(done.recovery_code)) == 35
    ring = json.loads((folder / "keyring.json").read_text())
    assert set(ring["users"]) == {ADMIN}
    assert (folder / "keyring.json").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    raw = (folder / "desk.sqlite3").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    # The standard sqlite3 module, without the key, reads nothing.
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(folder / "desk.sqlite3").execute("SELECT * FROM sqlite_master").fetchall()
    # And a wrong key opens nothing either.
    keys.unlock(folder, b"\x01" * 32)
    with pytest.raises(DeskError) as refused:
        open_db(folder / "desk.sqlite3", create=False)
    assert "keyring.json" in refused.value.message


def test_a_wrong_password_is_refused_and_changes_nothing_but_the_count(office):
    folder, done = office
    access.sign_out(folder)
    with pytest.raises(DeskError) as refused:
        access.sign_in(folder, ADMIN, "sai-mat-khau")
    assert refused.value.message == messages.LOGIN_FAILED
    assert keys.unlocked(folder) is None and session.user_of_folder(folder) is None
    # An unknown name gets the same sentence (the screen does not tell which names exist).
    with pytest.raises(DeskError, match="không đúng"):
        access.sign_in(folder, "khong-co", PASSWORD)
    db, user = access.sign_in(folder, ADMIN, PASSWORD)
    try:
        # The failed attempts went into the audit trail at the next sign-in.
        failed = [e.username for e in audit.events(db) if e.action == "login_failed"]
        assert failed == [ADMIN, "khong-co"]
        assert keyring.pending_failed(folder) == []
    finally:
        db.close()


def test_failed_sign_ins_are_throttled_with_a_growing_wait(office):
    folder, _done = office
    now = 1_000_000.0
    for _ in range(keyring.FREE_ATTEMPTS):
        with pytest.raises(DeskError, match="không đúng"):
            keyring.unlock(folder, ADMIN, "sai", now=now)
    # The third failure started a wait: even the right password waits.
    with pytest.raises(DeskError) as waiting:
        keyring.unlock(folder, ADMIN, PASSWORD, now=now + 1)
    assert waiting.value.message == messages.LOGIN_THROTTLED.format(seconds=keyring.FIRST_WAIT - 1)
    with pytest.raises(DeskError, match="không đúng"):
        keyring.unlock(folder, ADMIN, "sai", now=now + keyring.FIRST_WAIT + 1)
    with pytest.raises(DeskError) as longer:
        keyring.unlock(folder, ADMIN, PASSWORD, now=now + keyring.FIRST_WAIT + 2)
    assert longer.value.message == messages.LOGIN_THROTTLED.format(
        seconds=2 * keyring.FIRST_WAIT - 1)
    key = keyring.unlock(folder, ADMIN, PASSWORD, now=now + 3 * keyring.FIRST_WAIT + 5)
    assert len(key) == 32
    assert "failures" not in keyring.read(folder)["users"][ADMIN]


def test_a_password_change_rewraps_one_key_and_re_encrypts_nothing(office):
    folder, done = office
    done.db.close()
    db, _user = _reopen(folder)
    db_file = folder / "desk.sqlite3"
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(db_file.read_bytes()).hexdigest()
    ring_before = keyring.read(folder)
    with pytest.raises(DeskError, match="không đúng"):
        accounts.change_password(db, "sai-mat-khau", "mat-khau-moi-2027")
    accounts.change_password(db, PASSWORD, "mat-khau-moi-2027")
    ring_after = keyring.read(folder)
    assert ring_after["users"][ADMIN] != ring_before["users"][ADMIN]
    assert ring_after["recovery"] == ring_before["recovery"]
    # The database pages are the ones before: only the event and the row changed in the WAL.
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == before
    db.close()
    with pytest.raises(DeskError):
        _reopen(folder)
    db, _ = _reopen(folder, password="mat-khau-moi-2027")
    actions = [e.action for e in audit.events(db)]
    # the wrong old password and the sign-in with the old one were failures, recorded
    assert actions[-4:] == ["password_change", "login_failed", "login_failed", "login"]
    db.close()


def test_the_recovery_code_opens_the_office_and_sets_a_new_password(office):
    folder, done = office
    done.db.close()
    access.sign_out(folder)
    with pytest.raises(DeskError) as wrong:
        access.recover(folder, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", ADMIN, "mat-khau-moi-99")
    assert wrong.value.message == messages.RECOVERY_CODE_WRONG
    typed = done.recovery_code.lower().replace("-", " ")  # typed back loosely
    db, user = access.recover(folder, typed, ADMIN, "mat-khau-moi-99")
    assert user.username == ADMIN
    db.close()
    db, _ = _reopen(folder, password="mat-khau-moi-99")
    actions = [e.action for e in audit.events(db)]
    assert "recovery_used" in actions and "password_reset" in actions
    db.close()


def _with_user(db, username, role, officer_id, folder):
    accounts.add_account(db, username, "mat-khau-" + username, role, officer_id)
    found = accounts.find(db, username)
    session.set_user(folder, accounts.as_user(found))


def test_roles_are_enforced_by_the_core(office):
    folder, done = office
    db = done.db
    _with_user(db, "xem", Role.READ_ONLY, None, folder)
    before = snapshot(db)
    with pytest.raises(DeskError) as refused:
        register(db, person("Trần Văn Bình", serial=3))
    assert refused.value.message == messages.NOT_PERMITTED.format(
        role="Chỉ xem", what="ghi sổ, ghi bước xử lý, đính chính")
    with pytest.raises(DeskError, match="quản lý tài khoản"):
        accounts.add_account(db, "ai-do", "mat-khau-123", Role.ADMIN, None)
    assert snapshot(db) == before


def test_a_read_only_account_cannot_write_even_with_sql(office):
    folder, done = office
    session.set_user(folder, done.user)
    accounts.add_account(done.db, "chixem", "mat-khau-chixem", Role.READ_ONLY, None)
    done.db.close()
    db, user = _reopen(folder, "chixem", "mat-khau-chixem")
    assert user.role == Role.READ_ONLY
    with pytest.raises(DB_ERRORS):
        db.execute("DELETE FROM settings")
    db.close()


def test_the_recorded_officer_is_the_signed_in_users(office):
    folder, done = office
    db = done.db
    db.execute("INSERT INTO officers (full_name, position, active) VALUES ('Lê Văn Dũng', '', 1)")
    result = register(db, person("Trần Văn Bình", serial=3), officer_id=2)
    assert db.execute("SELECT officer_id FROM visits WHERE id = ?",
                      [result.visit_id]).fetchone() == (2,)  # an administrator may
    _with_user(db, "hoa", Role.RECEPTION, 1, folder)
    result = register(db, person("Trần Văn Cường", serial=4), officer_id=2)
    assert db.execute("SELECT officer_id FROM visits WHERE id = ?",
                      [result.visit_id]).fetchone() == (1,)  # a receptionist records as self
    event = [e for e in audit.events(db) if e.action == "visit_create"][-1]
    assert (event.username, event.officer_id, event.subject_id) == ("hoa", 1, result.visit_id)


def test_officers_and_accounts_are_never_deleted(office):
    _folder, done = office
    with pytest.raises(DB_ERRORS, match="never deleted"):
        done.db.execute("DELETE FROM officers")
    with pytest.raises(DB_ERRORS, match="never deleted"):
        done.db.execute("DELETE FROM accounts")


def test_deactivating_an_account_drops_its_key(office):
    folder, done = office
    accounts.add_account(done.db, "hoa", "mat-khau-hoa1", Role.RECEPTION, 1)
    accounts.deactivate_account(done.db, "hoa")
    assert "hoa" not in keyring.usernames(folder)
    assert accounts.find(done.db, "hoa").active is False
    with pytest.raises(DeskError, match="không đúng"):
        keyring.unlock(folder, "hoa", "mat-khau-hoa1")
    with pytest.raises(DeskError) as last:
        accounts.deactivate_account(done.db, ADMIN)
    assert last.value.message == messages.ACCOUNT_SELF_DEACTIVATE


# --- the audit chain --------------------------------------------------------------------------

def _chain(db):
    register(db, person("Trần Văn Bình", serial=3))
    register(db, person("Trần Văn Cường", serial=4))
    assert audit.verify(db) == []
    return [r[0] for r in db.execute("SELECT id FROM audit_events ORDER BY id")]


def _drop_guards(db):
    db.execute("DROP TRIGGER audit_events_no_update")
    db.execute("DROP TRIGGER audit_events_no_delete")


def test_the_audit_trail_refuses_updates_and_deletes(db):
    ids = _chain(db)
    with pytest.raises(DB_ERRORS, match="append-only"):
        db.execute("UPDATE audit_events SET username = 'x' WHERE id = ?", [ids[0]])
    with pytest.raises(DB_ERRORS, match="append-only"):
        db.execute("DELETE FROM audit_events WHERE id = ?", [ids[0]])


def test_an_edited_event_is_detected(db):
    ids = _chain(db)
    _drop_guards(db)
    db.execute("UPDATE audit_events SET detail = '{}' WHERE id = ?", [ids[0]])
    assert audit.verify(db) == [f"sự kiện số {ids[0]} bị sửa"]


def test_a_deleted_event_is_detected(db):
    ids = _chain(db)
    _drop_guards(db)
    db.execute("DELETE FROM audit_events WHERE id = ?", [ids[0]])
    assert audit.verify(db) == [f"thiếu hoặc bị xóa sự kiện trước sự kiện số {ids[1]}"]


def test_deleting_the_last_events_is_detected(db):
    ids = _chain(db)
    _drop_guards(db)
    db.execute("DELETE FROM audit_events WHERE id = ?", [ids[-1]])
    assert audit.verify(db) == [f"các sự kiện sau số {ids[-2]} (đến số {ids[-1]}) bị xóa"]


# --- denouncer secrecy ------------------------------------------------------------------------

def test_a_reveal_needs_a_reason_and_a_role_and_is_audited(office):
    from desk_app.core.model import PetitionKind, PetitionPart

    folder, done = office
    db = done.db
    result = register(db, person("Âu Dương Phong", serial=77), parts=(
        PetitionPart(PetitionKind.TO_CAO, "tham_nhung", "Tố cáo cán bộ nhận tiền"),))
    with pytest.raises(DeskError) as no_reason:
        secrecy.reveal(db, result.petition_ids, "  ", what="log")
    assert no_reason.value.message == messages.REVEAL_REASON_REQUIRED
    _with_user(db, "xem", Role.READ_ONLY, None, folder)
    with pytest.raises(DeskError, match="xem danh tính người tố cáo"):
        secrecy.reveal(db, result.petition_ids, "Kiểm tra", what="log")
    session.set_user(folder, done.user)
    secrecy.reveal(db, result.petition_ids, "Giải quyết tố cáo", what="log")
    row = db.execute("SELECT officer_id, reason FROM identity_reveals").fetchall()
    assert row == [(1, "Giải quyết tố cáo")]
    event = [e for e in audit.events(db) if e.action == "reveal"][-1]
    assert event.detail["reason"] == "Giải quyết tố cáo" and event.username == ADMIN


def test_the_template_password_opens_the_test_databases(db, test_key):
    assert keyring.unlock(db.conn.path.parent, "quantri", TEST_PASSWORD) == test_key


# --- an office from before encryption ---------------------------------------------------------

def test_a_plaintext_office_is_encrypted_in_one_guarded_step(tmp_path):
    from desk_app.core.documents.register import deliver_receipt, receipt_qr_text, verify_receipt_qr
    from desk_app.core.security import encrypt
    from desk_app.core.storage.office import init_office

    folder = tmp_path / "old"
    folder.mkdir()
    old = open_db(folder / "desk.sqlite3")  # no keyring: an earlier version's file, in the clear
    init_office(old, 24, 9253, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),))
    visit = register(old, person("Trần Văn Bình", serial=3))
    deliver_receipt(old, visit.visit_id)
    number, year = old.execute("SELECT number, year FROM issued_documents").fetchone()
    payload = json.loads(old.execute("SELECT payload FROM issued_documents").fetchone()[0])
    old_code = payload["verify_code"]
    before = snapshot(old)
    old.close()
    assert (folder / "desk.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert encrypt.needs_encryption(folder)
    done = access.encrypt_existing(folder, ADMIN, PASSWORD, officer_id=1)
    try:
        raw = (folder / "desk.sqlite3").read_bytes()
        assert not raw.startswith(b"SQLite format 3") and "Trần Văn Bình".encode() not in raw
        assert not encrypt.needs_encryption(folder)
        after = snapshot(done.db)
        for table in ("visits", "persons", "petitions", "cases", "issued_documents"):
            assert after[table] == before[table]
        assert done.recovery_code and done.user.role == Role.ADMIN
        # the safety backup taken before was encrypted too: nothing in the clear is left
        [safety] = (folder / "backups").glob("before-encryption-*.sqlite3")
        assert not safety.read_bytes().startswith(b"SQLite format 3")
        # a receipt printed before still verifies (issued before the step), with the old code
        assert verify_receipt_qr(done.db, receipt_qr_text("24-09253", number, year, old_code)) \
            == visit.visit_id
        assert "receipt_qr_secret" not in dict(done.db.execute("SELECT key, value FROM settings"))
        assert [e.action for e in audit.events(done.db)][-2:] == ["office_encrypted", "login"]
    finally:
        done.db.close()
        access.sign_out(folder)
    with pytest.raises(DeskError) as again:
        access.encrypt_existing(folder, ADMIN, PASSWORD)
    assert again.value.message == messages.OFFICE_ALREADY_ENCRYPTED


def test_a_receipt_code_made_with_the_old_secret_does_not_vouch_for_new_receipts(tmp_path):
    """A plaintext copy from before encryption holds the old secret: its codes are accepted
    only for receipts issued before the step."""
    from desk_app.core.documents.register import (
        deliver_receipt,
        receipt_qr_text,
        verification_code,
        verify_receipt_qr,
    )
    from desk_app.core.storage.office import init_office

    folder = tmp_path / "old"
    folder.mkdir()
    old = open_db(folder / "desk.sqlite3")
    init_office(old, 24, 9253, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),))
    deliver_receipt(old, register(old, person("Trần Văn Bình", serial=3)).visit_id)
    stolen = bytes.fromhex(old.execute(
        "SELECT value FROM settings WHERE key = 'receipt_qr_secret'").fetchone()[0])
    old.close()
    done = access.encrypt_existing(folder, ADMIN, PASSWORD, officer_id=1)
    try:
        new = register(done.db, person("Trần Văn Cường", serial=4))
        deliver_receipt(done.db, new.visit_id)
        number, year = done.db.execute("SELECT number, year FROM issued_documents WHERE"
                                       " visit_id = ?", [new.visit_id]).fetchone()
        forged = verification_code(stolen, "24-09253", number, year)
        assert verify_receipt_qr(done.db, receipt_qr_text("24-09253", number, year, forged)) is None
        payload = json.loads(done.db.execute("SELECT payload FROM issued_documents WHERE"
                                             " visit_id = ?", [new.visit_id]).fetchone()[0])
        assert verify_receipt_qr(done.db, receipt_qr_text("24-09253", number, year,
                                                          payload["verify_code"])) == new.visit_id
    finally:
        done.db.close()
        access.sign_out(folder)
