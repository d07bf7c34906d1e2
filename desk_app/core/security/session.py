"""Who is signed in, per data folder, in this process, and what they may do.

The faces sign in (core/access.py) and register the user here; the core reads it back from
the database handle it is given (the connection knows its file), so a service called by the
window or by the command line checks the same role and records the same officer. A database
opened with no one signed in is a test's or an internal job's: it acts as the system (the
office's real faces cannot open an encrypted database without signing in: the key comes from
the password).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.security.roles import (
    PERMISSION_LABELS,
    ROLE_LABELS,
    Permission,
    Role,
    can,
)


@dataclass(frozen=True)
class User:
    account_id: int
    username: str
    role: Role
    officer_id: int | None  # the officer recorded on what this user does
    officer_name: str = ""

    @property
    def label(self) -> str:
        return self.officer_name or self.username


_users: dict[str, User] = {}
_lock = threading.Lock()


def _folder_id(folder: str | os.PathLike) -> str:
    return os.path.normcase(os.path.realpath(folder))


def folder_of(db) -> Path | None:
    """The data folder of a database handle (sqlite-utils Database or a connection)."""
    conn = getattr(db, "conn", db)
    path = getattr(conn, "path", None)
    return Path(path).parent if path is not None else None


def set_user(folder: str | os.PathLike, user: User | None) -> None:
    with _lock:
        if user is None:
            _users.pop(_folder_id(folder), None)
        else:
            _users[_folder_id(folder)] = user


def user_of_folder(folder: str | os.PathLike) -> User | None:
    with _lock:
        return _users.get(_folder_id(folder))


def current(db) -> User | None:
    folder = folder_of(db)
    return user_of_folder(folder) if folder is not None else None


def allowed(db, permission: Permission) -> bool:
    user = current(db)
    return user is None or can(user.role, permission)


def require(db, permission: Permission) -> User | None:
    """The signed-in user if their role allows it; DeskError naming what and who otherwise."""
    user = current(db)
    if user is not None and not can(user.role, permission):
        raise DeskError(messages.NOT_PERMITTED.format(
            what=PERMISSION_LABELS[permission], role=ROLE_LABELS[user.role]))
    return user


def officer_for(db, given: int | None = None) -> int | None:
    """The officer to record: the signed-in user's; `given` (another officer) only when no
    one is signed in or the user may manage the office (an administrator entering what a
    colleague did on paper)."""
    user = current(db)
    if user is None:
        return given
    if given is not None and given != user.officer_id and can(user.role, Permission.SETTINGS):
        return given
    return user.officer_id if user.officer_id is not None else given
