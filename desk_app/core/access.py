"""Signing in and setting up an office's keys: what both faces call before anything else.

Like opening.py this sits above the core's domains (it opens the database with the upper
layers' after-step jobs). The order matters and is the same everywhere:

- sign in: the password unwraps the database key (keyring.json), the key is registered for the
  data folder, the database opens (and upgrades), the account must be active; the sign-in and
  the failed attempts since the last one go into the audit trail; a read-only account's
  connections become query-only.
- set up: a new keyring (fresh key, recovery code), the encrypted database, the office, the
  administrator's account linked to an officer.
- an office from before encryption: the same keyring, then the file is encrypted in one
  guarded step (security/encrypt.py) and the administrator's account added.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.opening import open_db
from desk_app.core.security import accounts, audit, encrypt, keyring, session
from desk_app.core.security.roles import Role
from desk_app.core.security.session import User
from desk_app.core.storage import files, keys

if TYPE_CHECKING:
    from sqlite_utils import Database

DB_FILENAME = "desk.sqlite3"
USER_ENV, PASSWORD_ENV = "DESK_APP_USER", "DESK_APP_PASSWORD"
RECOVERY_ENV, NEW_PASSWORD_ENV = "DESK_APP_RECOVERY_CODE", "DESK_APP_NEW_PASSWORD"


@dataclass(frozen=True)
class Setup:
    db: Database
    user: User
    recovery_code: str  # shown once, never stored in the clear


def _db_path(folder: Path) -> Path:
    return Path(folder) / DB_FILENAME


def _forget(folder: Path) -> None:
    keys.lock(folder)
    session.set_user(folder, None)


def _start(db: Database, folder: Path, account: accounts.Account | None, key: bytes,
           now: datetime | None) -> User:
    if account is None or not account.active:
        raise DeskError(messages.ACCOUNT_INACTIVE.format(username=account.username if account
                                                          else ""))
    user = accounts.as_user(account)
    session.set_user(folder, user)
    pending = keyring.pending_failed(folder)
    with db.atomic():
        for failed in pending:
            audit.record(db, "login_failed", "account", None, {"username": failed["username"]},
                         username=failed["username"], officer_id=None,
                         at=datetime.fromisoformat(failed["at"]))
        audit.record(db, "login", "account", user.account_id, at=now)
    keyring.clear_failed(folder, len(pending))
    if user.role == Role.READ_ONLY:
        keys.unlock(folder, key, read_only=True)
        db.execute("PRAGMA query_only = ON")
    return user


def sign_in(folder: str | os.PathLike, username: str, password: str,
            now: datetime | None = None) -> tuple[Database, User]:
    """Unlock the office with a user's password; the database handle and the user."""
    folder = Path(folder)
    if not keys.has_keyring(folder):
        raise DeskError(messages.DB_NOT_ENCRYPTED.format(path=_db_path(folder))
                        if _db_path(folder).exists() else
                        messages.DATA_DIR_NO_OFFICE.format(path=folder))
    key = keyring.unlock(folder, username, password)
    keys.unlock(folder, key)
    db = None
    try:
        db = open_db(_db_path(folder), create=False)
        user = _start(db, folder, accounts.find(db, username), key, now)
    except BaseException:
        if db is not None:
            db.close()
        _forget(folder)
        raise
    return db, user


def sign_out(folder: str | os.PathLike) -> None:
    _forget(Path(folder))


def recover(folder: str | os.PathLike, code: str, username: str, new_password: str,
            now: datetime | None = None) -> tuple[Database, User]:
    """The recovery code opens the office; an administrator's password is set anew (the
    code stays valid until an administrator makes a new one) and they are signed in."""
    folder = Path(folder)
    keyring.check_password(new_password)
    key = keyring.unlock_with_recovery(folder, code)
    keys.unlock(folder, key)
    db = None
    try:
        db = open_db(_db_path(folder), create=False)
        account = accounts.find(db, username)
        if account is None or not account.active or account.role != Role.ADMIN:
            raise DeskError(messages.RECOVERY_NOT_ADMIN.format(username=username))
        with db.atomic():
            audit.record(db, "recovery_used", "account", account.id, username=account.username)
        accounts.reset_password(db, account.username, new_password, now, recovery=True)
        user = _start(db, folder, account, key, now)
    except BaseException:
        if db is not None:
            db.close()
        _forget(folder)
        raise
    return db, user


def set_up(folder: str | os.PathLike, username: str, password: str, *, province: int,
           commune: int, name: str = "", parent_name: str = "", remote_area: bool = False,
           officers: tuple[tuple[str, str], ...] = (), admin_officer: int | None = 1,
           mode: str = "ward", now: datetime | None = None) -> Setup:
    """A new office: keys, the encrypted database, the office, the administrator (linked to
    officer `admin_officer` when there is one). An office from before encryption is
    encrypted instead of refused. `mode="province"`: the province's own office
    (docs/bundle.md), which has its administrator too."""
    from desk_app.core.bundle.province import check_province, init_province
    from desk_app.core.storage.office import check_units, get_office, init_office

    folder = Path(folder)
    if mode == "province":
        check_province(province)
    else:
        check_units(province, commune)
    keyring.check_username(username)
    keyring.check_password(password)
    _refuse_existing(folder)
    files.private_dir(folder)
    key, code = keyring.create(folder, username, password)
    keys.unlock(folder, key)
    db = None
    try:
        db = open_db(_db_path(folder), create=True)
        if get_office(db) is not None:
            raise DeskError(messages.OFFICE_EXISTS)
        if mode == "province":
            init_province(db, province, name=name, parent_name=parent_name, now=now)
        else:
            init_office(db, province, commune, name=name, parent_name=parent_name,
                        remote_area=remote_area, officers=officers, now=now)
        user = _admin(db, folder, username, admin_officer if officers else None, key, now)
    except BaseException:
        if db is not None:
            db.close()
        _forget(folder)
        _undo_new_office(folder)
        raise
    return Setup(db, user, code)


def set_up_demo(folder: str | os.PathLike, username: str, password: str,
                now: datetime | None = None) -> Database:
    """A folder for a generated office: keys, the encrypted database and an administrator
    (the generator makes the office and officers; `link_demo_admin` links them after)."""
    folder = Path(folder)
    _refuse_existing(folder)
    files.private_dir(folder)
    key, _code = keyring.create(folder, username, password)
    keys.unlock(folder, key)
    db = None
    try:
        db = open_db(_db_path(folder), create=True)
        with db.atomic():
            accounts.insert_account(db, username, Role.ADMIN, None, now)
        found = accounts.find(db, username)
        _start(db, folder, found, key, now)
    except BaseException:
        if db is not None:
            db.close()
        _forget(folder)
        _undo_new_office(folder)
        raise
    return db


def link_demo_admin(db: Database) -> None:
    """After generating: the demo administrator records as the first officer."""
    folder = session.folder_of(db)
    user = session.current(db)
    first = db.execute("SELECT MIN(id) FROM officers WHERE active = 1").fetchone()[0]
    if folder is None or user is None or user.officer_id is not None or first is None:
        return
    with db.atomic():
        db.execute("UPDATE accounts SET officer_id = ? WHERE id = ?", [first, user.account_id])
    found = accounts.find(db, user.username)
    if found is not None:
        session.set_user(folder, accounts.as_user(found))


def _refuse_existing(folder: Path) -> None:
    """A folder that holds something is never set up anew: a damaged or empty file gets
    storage's sentence (with the backup), a sound one is an office."""
    db_file = _db_path(folder)
    if db_file.exists() or db_file.is_symlink():
        open_db(db_file, create=False, migrate=False).close()
        raise DeskError(messages.OFFICE_EXISTS)
    if keys.has_keyring(folder):
        raise DeskError(messages.OFFICE_EXISTS)


def _admin(db: Database, folder: Path, username: str, officer_id: int | None, key: bytes,
           now: datetime | None) -> User:
    with db.atomic():
        account_id = accounts.insert_account(db, username, Role.ADMIN, officer_id, now)
        audit.record(db, "office_setup", "office", 1)
    found = accounts.find(db, username)
    assert found is not None and found.id == account_id
    return _start(db, folder, found, key, now)


def _undo_new_office(folder: Path) -> None:
    """A set-up that failed leaves the folder as it found it (no keyring, no database)."""
    for name in (DB_FILENAME, DB_FILENAME + "-wal", DB_FILENAME + "-shm",
                 DB_FILENAME + ".clean", keys.KEYRING_NAME):
        (folder / name).unlink(missing_ok=True)


def encrypt_existing(folder: str | os.PathLike, username: str, password: str,
                     officer_id: int | None = None, now: datetime | None = None) -> Setup:
    """An office from an earlier version, in the clear: back it up, encrypt it under a new
    key wrapped by the administrator's password, add the administrator. If an earlier try
    stopped after writing the keyring, the same password finishes it with the same key."""
    folder = Path(folder)
    db_path = _db_path(folder)
    if not encrypt.needs_encryption(folder):
        raise DeskError(messages.OFFICE_ALREADY_ENCRYPTED)
    keyring.check_username(username)
    keyring.check_password(password)
    code = ""
    if keys.has_keyring(folder):  # resuming: the keyring was written, the file not swapped
        key = keyring.unlock(folder, username, password)
        encrypt.encrypt_in_place(db_path, key, lambda: None, now)
    else:
        key = os.urandom(keys.KEY_BYTES)
        codes: list[str] = []
        # The keyring is written after the encrypted copy was checked and before it replaces
        # the clear file (encrypt.py explains the order).
        encrypt.encrypt_in_place(db_path, key, lambda: codes.append(
            keyring.create_with_key(folder, key, username, password)), now)
        code = codes[0]
    keys.unlock(folder, key)
    db = open_db(db_path, create=False)
    try:
        found = accounts.find(db, username)
        if found is None:
            with db.atomic():
                accounts.insert_account(db, username, Role.ADMIN, officer_id, now)
                audit.record(db, "office_encrypted", "office", 1)
                # The receipt-QR secret is derived from the key from now on: the stored one
                # is in every clear copy made before, so it vouches only for the documents issued
                # until now (their ids) (documents/register.py, _legacy_code).
                last = db.execute("SELECT COALESCE(MAX(id), 0) FROM issued_documents").fetchone()[0]
                db.execute("UPDATE settings SET key = 'receipt_qr_secret_before_encryption',"
                           " value = value || '|' || ? WHERE key = 'receipt_qr_secret'", [str(last)])
            found = accounts.find(db, username)
        user = _start(db, folder, found, key, now)
    except BaseException:
        db.close()
        _forget(folder)
        raise
    return Setup(db, user, code)


def env_credentials() -> tuple[str, str] | None:
    """DESK_APP_USER / DESK_APP_PASSWORD, for scripts and tests."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    return (user, password) if user and password is not None else None
