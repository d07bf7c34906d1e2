"""Accounts (table `accounts`, migration 0015): a user name, a role, and the officer whose
name goes on what the account records. The password is not here: it wraps the database key
in keyring.json (keyring.py). Accounts, like officers, are deactivated, never deleted.

Each change writes the database row, its audit event and the keyring entry together: the
keyring is written last, inside the transaction, so a keyring that cannot be written rolls
the row back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.security import audit, keyring, session
from desk_app.core.security.roles import Permission, Role
from desk_app.core.security.session import User

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    role: Role
    officer_id: int | None
    officer_name: str
    active: bool


_SELECT = ("SELECT a.id, a.username, a.role, a.officer_id, o.full_name, a.active FROM accounts a"
           " LEFT JOIN officers o ON o.id = a.officer_id")


def _account(row) -> Account:
    return Account(row[0], row[1], Role(row[2]), row[3], row[4] or "", bool(row[5]))


def accounts(db: Database, *, active_only: bool = False) -> list[Account]:
    sql = _SELECT + (" WHERE a.active = 1" if active_only else "") + " ORDER BY a.id"
    return [_account(r) for r in db.execute(sql)]


def find(db: Database, username: str) -> Account | None:
    row = db.execute(_SELECT + " WHERE a.username = ?",
                     [keyring.normalize_username(username)]).fetchone()
    return _account(row) if row else None


def as_user(account: Account) -> User:
    return User(account.id, account.username, account.role, account.officer_id,
                account.officer_name)


def _now(now: datetime | None) -> str:
    return (now or datetime.now()).isoformat(timespec="seconds")


def _folder_and_key(db: Database) -> tuple[Path, bytes]:
    folder, key = session.folder_of(db), getattr(db.conn, "db_key", None)
    if folder is None or key is None:
        raise DeskError(messages.DB_NOT_ENCRYPTED.format(path=folder or ""))
    return folder, key


def _check_officer(db: Database, officer_id: int | None) -> None:
    if officer_id is not None and db.execute(
            "SELECT 1 FROM officers WHERE id = ? AND active = 1", [officer_id]).fetchone() is None:
        raise DeskError(messages.ACCOUNT_OFFICER_UNKNOWN.format(id=officer_id), field="officer")


def insert_account(db: Database, username: str, role: Role, officer_id: int | None,
                   now: datetime | None = None) -> int:
    """The row alone (setting up an office: its keyring entry is made with the key)."""
    username = keyring.check_username(username)
    _check_officer(db, officer_id)
    if find(db, username) is not None:
        raise DeskError(messages.USERNAME_TAKEN.format(username=username), field="username")
    account_id = cast(int, db.table("accounts").insert({
        "username": username, "officer_id": officer_id, "role": str(Role(role)),
        "active": 1, "created_at": _now(now), "password_changed_at": _now(now)}).last_pk)
    audit.record(db, "account_create", "account", account_id,
                 {"username": username, "role": str(role), "officer_id": officer_id})
    return account_id


def add_account(db: Database, username: str, password: str, role: Role,
                officer_id: int | None, now: datetime | None = None) -> Account:
    """An administrator creates an account with a first password (they pass it on; the user
    changes it)."""
    session.require(db, Permission.ACCOUNTS)
    folder, key = _folder_and_key(db)
    keyring.check_password(password)
    with db.atomic():
        account_id = insert_account(db, username, role, officer_id, now)
        keyring.add_user(folder, key, username, password)
    found = find(db, username)
    assert found is not None and found.id == account_id
    return found


def change_account(db: Database, username: str, *, role: Role | None = None,
                   officer_id: int | None = None) -> Account:
    session.require(db, Permission.ACCOUNTS)
    found = _require(db, username)
    if role is not None and found.role == Role.ADMIN and Role(role) != Role.ADMIN:
        _keep_one_admin(db, found)
    if officer_id is not None:
        _check_officer(db, officer_id)
    with db.atomic():
        db.execute("UPDATE accounts SET role = COALESCE(?, role),"
                   " officer_id = COALESCE(?, officer_id) WHERE id = ?",
                   [str(role) if role is not None else None, officer_id, found.id])
        audit.record(db, "account_change", "account", found.id,
                     {"role": str(role) if role else None, "officer_id": officer_id})
    changed = find(db, username)
    assert changed is not None
    return changed


def _require(db: Database, username: str) -> Account:
    found = find(db, username)
    if found is None:
        raise DeskError(messages.ACCOUNT_UNKNOWN.format(username=username), field="username")
    return found


def _keep_one_admin(db: Database, leaving: Account) -> None:
    others = db.execute("SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND active = 1"
                        " AND id != ?", [leaving.id]).fetchone()[0]
    if not others:
        raise DeskError(messages.LAST_ADMIN)


def deactivate_account(db: Database, username: str, now: datetime | None = None) -> None:
    """The account stops opening anything (its wrapped key is dropped); what it recorded
    keeps its officer's name."""
    session.require(db, Permission.ACCOUNTS)
    folder, _key = _folder_and_key(db)
    found = _require(db, username)
    user = session.current(db)
    if user is not None and user.account_id == found.id:
        raise DeskError(messages.ACCOUNT_SELF_DEACTIVATE)
    if found.role == Role.ADMIN:
        _keep_one_admin(db, found)
    with db.atomic():
        db.execute("UPDATE accounts SET active = 0, deactivated_at = ? WHERE id = ?",
                   [_now(now), found.id])
        audit.record(db, "account_deactivate", "account", found.id, {"username": found.username})
        keyring.remove_user(folder, found.username)


def change_password(db: Database, old: str, new: str, now: datetime | None = None) -> None:
    """The signed-in user's own password: the old one must open the key again."""
    folder, key = _folder_and_key(db)
    user = session.current(db)
    if user is None:
        raise DeskError(messages.NOT_SIGNED_IN)
    if keyring.unlock(folder, user.username, old) != key:
        raise DeskError(messages.LOGIN_FAILED, field="password")
    keyring.check_password(new)
    with db.atomic():
        db.execute("UPDATE accounts SET password_changed_at = ? WHERE id = ?",
                   [_now(now), user.account_id])
        audit.record(db, "password_change", "account", user.account_id)
        keyring.set_password(folder, key, user.username, new)


def reset_password(db: Database, username: str, password: str, now: datetime | None = None,
                   *, recovery: bool = False) -> None:
    """An administrator sets another user's password (or any after the recovery code)."""
    if not recovery:
        session.require(db, Permission.ACCOUNTS)
    folder, key = _folder_and_key(db)
    found = _require(db, username)
    if not found.active:
        raise DeskError(messages.ACCOUNT_INACTIVE.format(username=username))
    keyring.check_password(password)
    with db.atomic():
        db.execute("UPDATE accounts SET password_changed_at = ? WHERE id = ?",
                   [_now(now), found.id])
        audit.record(db, "password_reset", "account", found.id,
                     {"username": found.username, "recovery": recovery})
        keyring.set_password(folder, key, found.username, password)


def new_recovery_code(db: Database) -> str:
    session.require(db, Permission.ACCOUNTS)
    folder, key = _folder_and_key(db)
    with db.atomic():
        audit.record(db, "recovery_new")
        return keyring.new_recovery(folder, key)
