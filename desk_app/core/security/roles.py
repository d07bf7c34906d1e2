"""Roles and what each may do: the one table both faces and the core consult.

Denouncer secrecy (Denunciation Law 25/2018 art. 9 and 47; Decree 156/2026): the identity of a
person who filed a denunciation, and the very fact that they did, is shown only to a role that
needs it, and every showing asks for a reason and is recorded (identity_reveals and the audit
trail). We give it to the administrator and the leaders (chủ tịch, phó chủ tịch: they sign the
decisions on a denunciation) for any visit, and to a reception officer only for a visit they
received themselves or a case assigned to them. A read-only account never sees it.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    LEADER = "leader"
    RECEPTION = "reception"
    READ_ONLY = "read_only"


ROLE_LABELS = {
    Role.ADMIN: "Quản trị",
    Role.LEADER: "Lãnh đạo (Chủ tịch, Phó Chủ tịch)",
    Role.RECEPTION: "Cán bộ tiếp công dân",
    Role.READ_ONLY: "Chỉ xem",
}


class Permission(StrEnum):
    VIEW = "view"                    # lists, records, search, dashboard, check
    RECORD = "record"                # intake, case steps, corrections, cancellations, schedule
    PRINT = "print"                  # receipts, slips, notices
    EXPORT = "export"                # the log book and reports to a file
    REVEAL_ANY = "reveal_any"        # a denouncer's identity, any visit
    REVEAL_OWN = "reveal_own"        # … a visit one received, a case assigned to one
    SETTINGS = "settings"            # parameters, holidays, officers
    ACCOUNTS = "accounts"            # accounts, roles, resetting passwords, the recovery code
    BACKUP = "backup"                # making a backup (automatic ones need no one)
    RESTORE = "restore"              # replacing the office's data with a backup


_WORK = {Permission.VIEW, Permission.RECORD, Permission.PRINT, Permission.EXPORT,
         Permission.BACKUP}
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.LEADER: frozenset(_WORK | {Permission.REVEAL_ANY, Permission.SETTINGS}),
    Role.RECEPTION: frozenset(_WORK | {Permission.REVEAL_OWN}),
    Role.READ_ONLY: frozenset({Permission.VIEW}),
}

PERMISSION_LABELS = {
    Permission.VIEW: "xem",
    Permission.RECORD: "ghi sổ, ghi bước xử lý, đính chính",
    Permission.PRINT: "in văn bản",
    Permission.EXPORT: "xuất sổ, báo cáo ra tệp",
    Permission.REVEAL_ANY: "xem danh tính người tố cáo",
    Permission.REVEAL_OWN: "xem danh tính người tố cáo (lượt mình tiếp)",
    Permission.SETTINGS: "sửa cài đặt, ngày nghỉ, cán bộ",
    Permission.ACCOUNTS: "quản lý tài khoản",
    Permission.BACKUP: "sao lưu",
    Permission.RESTORE: "khôi phục từ bản sao lưu",
}


def parse_role(value: str) -> Role:
    return Role(value)


def can(role: Role | str, permission: Permission) -> bool:
    try:
        return permission in PERMISSIONS[Role(role)]
    except ValueError:
        return False


def may_reveal_some(role: Role | str) -> bool:
    return can(role, Permission.REVEAL_ANY) or can(role, Permission.REVEAL_OWN)
