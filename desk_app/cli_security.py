"""Signing in on the command line, and the security commands: accounts, password, recover
(docs/security.md, docs/cli.md).

Every command that opens the office signs in first: DESK_APP_USER / DESK_APP_PASSWORD, or
a prompt when a person is at the terminal. What each command needs from the role is in
`COMMAND_PERMISSIONS` (the core checks again where it matters).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from desk_app import cli_errors, messages
from desk_app.core.errors import DeskError
from desk_app.core.security.roles import ROLE_LABELS, Permission, Role

DEMO_USER, DEMO_PASSWORD = "demo", "demo1234"  # a generated office only; printed at its start


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def credentials(*, confirm: bool = False) -> tuple[str, str]:
    """DESK_APP_USER / DESK_APP_PASSWORD, else asked (the password twice for a new one)."""
    from desk_app.core.access import env_credentials

    found = env_credentials()
    if found:
        return found
    if not _interactive():
        raise DeskError(messages.LOGIN_REQUIRED)
    username = os.environ.get("DESK_APP_USER") or input("Tên đăng nhập: ")
    password = getpass.getpass("Mật khẩu: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != password:
        raise DeskError(messages.PASSWORDS_DIFFER)
    return username, password


def _secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not _interactive():
        raise DeskError(messages.SECRET_REQUIRED.format(env=env))
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Nhập lại: ") != value:
        raise DeskError(messages.PASSWORDS_DIFFER)
    return value


EXPORT_PASSWORD_ENV = "DESK_APP_EXPORT_PASSWORD"


def export_password() -> str:
    """The password of an encrypted export: DESK_APP_EXPORT_PASSWORD, or asked twice."""
    return _secret(EXPORT_PASSWORD_ENV, "Mật khẩu của tệp xuất: ", confirm=True)


def open_office(db_path: Path, *, create: bool = False, demo: bool = False):
    """Sign in and open the office database. `create` (init, demo): a folder without an
    office gets one set up by the caller, so only its absence is checked here."""
    from desk_app.core import access
    from desk_app.core.security import encrypt
    from desk_app.core.storage import keys

    folder = db_path.parent
    if not keys.has_keyring(folder):
        if db_path.exists() or db_path.is_symlink():
            # Storage says what is wrong with the file (empty, damaged, a folder, not
            # readable); a sound one is an office from before encryption.
            from desk_app.core.opening import open_db

            open_db(db_path, create=False, migrate=False).close()
            if encrypt.needs_encryption(folder):
                raise DeskError(messages.DB_NOT_ENCRYPTED.format(path=db_path))
        if create and demo:
            return set_up_demo(folder)
        raise DeskError(messages.DATA_DIR_NO_OFFICE.format(path=folder))
    user, password = credentials()
    db, _user = access.sign_in(folder, user, password)
    return db


def set_up_demo(folder: Path):
    """A generated office: its administrator is the env's user, or demo / demo1234."""
    from desk_app.core import access

    found = access.env_credentials() or (DEMO_USER, DEMO_PASSWORD)
    return access.set_up_demo(folder, *found)


# --- what each command needs -----------------------------------------------------------------

def _writes(args) -> bool:
    if args.command == "correct":
        return getattr(args, "field", None) is not None
    if args.command == "case":
        return getattr(args, "act", None) is not None
    if args.command == "schedule":
        return getattr(args, "action", None) not in (None, "compliance")
    return True


COMMAND_PERMISSIONS = {
    "intake": Permission.RECORD, "cancel-visit": Permission.RECORD, "correct": Permission.RECORD,
    "case": Permission.RECORD, "schedule": Permission.RECORD, "demo": Permission.RECORD,
    "receipt": Permission.PRINT, "slip": Permission.PRINT, "refusal": Permission.PRINT,
    "log": Permission.EXPORT, "backup": Permission.BACKUP, "restore": Permission.RESTORE,
    "accounts": Permission.ACCOUNTS,
}


def check_command(args, db) -> None:
    """Refuse a command the signed-in role may not run, before it does anything."""
    from desk_app.core.security import session

    needed = COMMAND_PERMISSIONS.get(args.command)
    if needed is not None and (needed != Permission.RECORD or _writes(args)):
        if args.command == "accounts" and getattr(args, "action", None) in (None, "list"):
            return
        session.require(db, needed)


# --- accounts, password, recover ------------------------------------------------------------

def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("accounts", help="tài khoản: liệt kê, thêm, đổi vai trò, khóa, đặt lại mật khẩu")
    p.add_argument("action", nargs="?", default="list", metavar="VIỆC",
                   choices=("list", "add", "role", "deactivate", "reset", "new-recovery-code"),
                   help="list (mặc định), add, role, deactivate, reset, new-recovery-code")
    p.add_argument("username", nargs="?", metavar="TÊN_ĐĂNG_NHẬP", help="tài khoản (trừ list)")
    p.add_argument("--role", choices=[str(r) for r in Role], metavar="VAI_TRÒ",
                   help="admin, leader (Chủ tịch, Phó Chủ tịch), reception (cán bộ tiếp), "
                        "read_only (chỉ xem)")
    p.add_argument("--officer", type=cli_errors.ROW_ID, metavar="MÃ_CÁN_BỘ",
                   help="cán bộ của tài khoản (tra mã: desk-app codes officers)")

    sub.add_parser("password", help="đổi mật khẩu của tài khoản đang đăng nhập "
                                    "(mật khẩu mới: DESK_APP_NEW_PASSWORD hoặc gõ khi được hỏi)")

    p = sub.add_parser("backup", help="sao lưu dữ liệu (đã mã hóa, kèm tệp khóa) và kiểm tra bản sao lưu")
    p.add_argument("--to", metavar="THƯ_MỤC",
                   help="thư mục đích, ví dụ ổ USB (mặc định: thư mục backups trong thư mục dữ liệu)")
    p.add_argument("--list", action="store_true", help="chỉ liệt kê các bản sao lưu, không sao lưu")

    p = sub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu (sao lưu dữ liệu hiện tại "
                                       "trước; không xóa bản sao lưu nào)")
    p.add_argument("file", metavar="TỆP.sqlite3", help="bản sao lưu (tệp .keyring.json đi kèm nằm cạnh)")

    p = sub.add_parser("check", help="kiểm tra dữ liệu: tệp nguyên vẹn, liên kết, nhật ký thao tác, "
                                     "số liệu, bản sao lưu tốt gần nhất")
    p.add_argument("--quick", action="store_true",
                   help="bỏ phần đọc toàn bộ tệp và mở các bản sao lưu (nhanh, như lúc mở ứng dụng)")

    p = sub.add_parser("recover", help="quên mật khẩu: mở khóa bằng mã khôi phục, đặt mật khẩu mới "
                                       "cho một tài khoản quản trị")
    p.add_argument("username", metavar="TÊN_ĐĂNG_NHẬP", help="tài khoản quản trị cần đặt lại mật khẩu")


def cmd_accounts(args, db, emit) -> int:
    from desk_app.core.access import NEW_PASSWORD_ENV
    from desk_app.core.security import accounts

    action = args.action
    if action != "list" and not args.username and action != "new-recovery-code":
        raise DeskError(messages.ACCOUNT_NAME_MISSING)
    if action == "add":
        if not args.role:
            raise DeskError(messages.ACCOUNT_ROLE_MISSING)
        password = _secret(NEW_PASSWORD_ENV, "Mật khẩu ban đầu: ", confirm=True)
        found = accounts.add_account(db, args.username, password, Role(args.role), args.officer)
        lines = [f"Đã tạo tài khoản {found.username} ({ROLE_LABELS[found.role]})."]
    elif action == "role":
        found = accounts.change_account(db, args.username,
                                        role=Role(args.role) if args.role else None,
                                        officer_id=args.officer)
        lines = [f"Tài khoản {found.username}: {ROLE_LABELS[found.role]}."]
    elif action == "deactivate":
        accounts.deactivate_account(db, args.username)
        lines = [f"Đã khóa tài khoản {args.username}."]
    elif action == "reset":
        accounts.reset_password(db, args.username,
                                _secret(NEW_PASSWORD_ENV, "Mật khẩu mới: ", confirm=True))
        lines = [f"Đã đặt lại mật khẩu của {args.username}."]
    elif action == "new-recovery-code":
        code = accounts.new_recovery_code(db)
        emit({"recovery_code": code}, messages.RECOVERY_CODE_SHOWN.format(code=code).split("\n"))
        return 0
    else:
        rows = accounts.accounts(db)
        emit([{"username": a.username, "role": str(a.role), "officer_id": a.officer_id,
               "officer": a.officer_name, "active": a.active} for a in rows],
             [f"{a.username:<20} {ROLE_LABELS[a.role]:<34} {a.officer_name or '—'}"
              + ("" if a.active else "  [đã khóa]") for a in rows])
        return 0
    emit({"username": args.username, "action": action}, lines)
    return 0


def cmd_password(args, db, emit) -> int:
    from desk_app.core.access import NEW_PASSWORD_ENV, PASSWORD_ENV
    from desk_app.core.security import accounts

    old = _secret(PASSWORD_ENV, "Mật khẩu hiện tại: ")
    accounts.change_password(db, old, _secret(NEW_PASSWORD_ENV, "Mật khẩu mới: ", confirm=True))
    emit({"changed": True}, ["Đã đổi mật khẩu. Dữ liệu không phải mã hóa lại."])
    return 0


def cmd_recover(args, folder: Path, emit, opened: list) -> int:
    from desk_app.core import access

    code = _secret(access.RECOVERY_ENV, "Mã khôi phục: ")
    password = _secret(access.NEW_PASSWORD_ENV, "Mật khẩu mới: ", confirm=True)
    db, user = access.recover(folder, code, args.username, password)
    opened.append(db)
    emit({"username": user.username}, [f"Đã đặt lại mật khẩu của {user.username}; hãy đăng nhập "
                                       "bằng mật khẩu mới."])
    return 0


def cmd_backup(args, db, emit) -> int:
    from desk_app.core.security import backups

    if args.list:
        found = backups.list_backups(Path(args.to) if args.to else backups.default_dir(db))
        emit([{"file": str(b.path), "made_at": b.made_at.isoformat(), "kind": b.kind,
               "size": b.size} for b in found],
             [f"{b.made_at:%d/%m/%Y %H:%M}  {b.kind:<7} {b.size // 1024:>8} KB  {b.path}"
              for b in found] or ["Chưa có bản sao lưu nào."])
        return 0
    made = backups.make_backup(db, Path(args.to) if args.to else None)
    emit({"file": str(made.path), "keyring": str(made.keyring), "size": made.size},
         [f"Đã sao lưu và kiểm tra: {made.path}",
          f"Tệp khóa đi kèm (chép cùng bản sao lưu): {made.keyring}"])
    return 0


def cmd_restore(args, db_path: Path, emit, opened: list, open_office_db) -> int:
    """Into an office: signed in with the right to restore; into an empty folder (a new PC):
    the backup and its keyring become the office, then signing in checks they open."""
    from desk_app.core import access
    from desk_app.core.opening import open_db
    from desk_app.core.security import backups
    from desk_app.core.storage import keys

    source = Path(args.file)
    folder = db_path.parent
    if not keys.has_keyring(folder) and not db_path.exists():
        backups.restore_into_empty(folder, source)
        try:
            db, _user = access.sign_in(folder, *credentials())
        except DeskError:
            for leftover in (db_path, keys.keyring_path(folder)):
                leftover.unlink(missing_ok=True)
            raise
        opened.append(db)
        emit({"file": str(source), "safety_backup": None},
             [f"Đã khôi phục {source} vào {folder}."])
        return 0
    db = open_office_db()
    opened.remove(db)  # restore closes it (the file is replaced)
    safety = backups.restore(db, source, lambda path: open_db(path, create=False))
    emit({"file": str(source), "safety_backup": str(safety)},
         [f"Đã khôi phục từ {source}.", f"Dữ liệu trước khi khôi phục được giữ ở: {safety}"])
    return 0


def cmd_check(args, db, emit) -> int:
    from desk_app.core.security import check

    lines = check.run(db, full=not args.quick)
    emit({"ok": check.ok(lines), "lines": [{"ok": x.ok, "text": x.text} for x in lines]},
         [("Đạt   " if x.ok else "LỖI   ") + x.text for x in lines])
    if not check.ok(lines):
        print(messages.CHECK_FAILED, file=sys.stderr)
        return 1
    return 0


COMMANDS = {"accounts": cmd_accounts, "password": cmd_password, "backup": cmd_backup,
            "check": cmd_check}
