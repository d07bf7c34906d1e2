"""keyring.json: the database key wrapped by each user's password and by the recovery code.

The database cannot be opened before signing in, so what signing in needs lives outside it,
in a small JSON file beside it (owner-only). For each user: an argon2id salt and the
parameters used (tuned on the machine that set the password, recorded so a slower machine
still opens it), and the 32-byte database key encrypted with AES-256-GCM under the key argon2id
derives from the password. The user name is the GCM associated data, so an entry copied to
another name does not open. A wrong password fails GCM's check: nothing else needs storing
(no password hash to attack apart from the wrapped key itself).

A password change re-wraps one copy of the key; the database is not re-encrypted. The
recovery code (printed once at setup) wraps the key once more.

Failed sign-ins are throttled here too (the database is still locked when they happen): per
user a count and a time before which no attempt is tried; each failure past the third doubles
the wait. They are listed until the next successful sign-in writes them into the audit trail.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.storage import files, keys

FORMAT = 1
RECOVERY_GROUPS, RECOVERY_GROUP_LEN = 6, 5
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# Throttling: free attempts, then FIRST_WAIT seconds doubling each time, at most MAX_WAIT.
FREE_ATTEMPTS, FIRST_WAIT, MAX_WAIT = 3, 5, 15 * 60
MAX_PENDING = 200  # failed sign-ins kept for the audit trail until the next success
USERNAME_MAX = 40
PASSWORD_MIN = 8
# Tests only: cheap argon2id so a suite that signs in thousands of times stays fast. Entries
# record their parameters, so setting this never weakens an existing password.
FAST_KDF_ENV = "DESK_APP_TEST_FAST_KDF"
TARGET_SECONDS = 0.35  # one unwrap; with opening the database a sign-in stays under 0.5 s
MEMORY_KIB = 64 * 1024


@dataclass(frozen=True)
class Kdf:
    t: int
    m: int
    p: int = 1

    def as_dict(self) -> dict:
        return {"alg": "argon2id", "t": self.t, "m": self.m, "p": self.p}


def _derive(secret: str, salt: bytes, kdf: Kdf) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(secret.encode("utf-8"), salt, kdf.t, kdf.m, kdf.p, 32, Type.ID)


def choose_kdf() -> Kdf:
    """argon2id parameters for this machine: 64 MiB, as many passes as fit TARGET_SECONDS
    (at least 2: the OWASP floor), timed once."""
    if os.environ.get(FAST_KDF_ENV):
        return Kdf(1, 8, 1)
    started = time.perf_counter()
    _derive("calibration", b"0" * 16, Kdf(1, MEMORY_KIB))
    one = max(time.perf_counter() - started, 1e-3)
    return Kdf(max(2, min(10, int(TARGET_SECONDS / one))), MEMORY_KIB)


def _aad(kind: str, name: str = "") -> bytes:
    return f"desk_app keyring {FORMAT}|{kind}|{name}".encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _wrap(secret: str, key: bytes, aad: bytes, kdf: Kdf | None = None) -> dict:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = kdf or choose_kdf()
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapped = AESGCM(_derive(secret, salt, kdf)).encrypt(nonce, key, aad)
    return {"salt": _b64(salt), "kdf": kdf.as_dict(), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap(secret: str, entry: dict, aad: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        params = entry["kdf"]
        kdf = Kdf(int(params["t"]), int(params["m"]), int(params["p"]))
        kek = _derive(secret, _unb64(entry["salt"]), kdf)
        return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]), aad)
    except InvalidTag:
        return None
    except (KeyError, TypeError, ValueError) as exc:
        raise DeskError(messages.KEYRING_DAMAGED) from exc


# --- names, passwords, the recovery code ------------------------------------------------------

def normalize_username(name: str) -> str:
    return unicodedata.normalize("NFC", (name or "").strip()).casefold()


def check_username(name: str) -> str:
    name = normalize_username(name)
    if not name or len(name) > USERNAME_MAX or not all(
            ch.isalnum() or ch in "._-" for ch in name):
        raise DeskError(messages.USERNAME_INVALID.format(limit=USERNAME_MAX), field="username")
    return name


def check_password(password: str) -> str:
    if len(password or "") < PASSWORD_MIN:
        raise DeskError(messages.PASSWORD_TOO_SHORT.format(limit=PASSWORD_MIN), field="password")
    return password


def new_recovery_code() -> str:
    """6 groups of 5 base32 characters (150 random bits), e.g. 7KQ2M-…; shown once."""
    chars = "".join(secrets.choice(_B32) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN))
    return "-".join(chars[i:i + RECOVERY_GROUP_LEN]
                    for i in range(0, len(chars), RECOVERY_GROUP_LEN))


def normalize_recovery_code(code: str) -> str:
    """Typed back in any case, with or without dashes and spaces."""
    plain = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    return "-".join(plain[i:i + RECOVERY_GROUP_LEN] for i in range(0, len(plain), RECOVERY_GROUP_LEN))


# --- the file -------------------------------------------------------------------------------

def path(folder: str | os.PathLike) -> Path:
    return keys.keyring_path(folder)


def read(folder: str | os.PathLike) -> dict:
    try:
        data = json.loads(path(folder).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeskError(messages.KEYRING_MISSING.format(path=path(folder))) from None
    except (OSError, ValueError) as exc:
        raise DeskError(messages.KEYRING_DAMAGED) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(
            data.get("users"), dict):
        raise DeskError(messages.KEYRING_DAMAGED)
    return data


def write(folder: str | os.PathLike, data: dict) -> None:
    """Whole or not at all (written beside, then renamed), owner-only."""
    target = path(folder)
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, files.FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, target)
    finally:
        with contextlib.suppress(OSError):
            part.unlink()
    files.private_file(target)


def _update(folder: str | os.PathLike, change: Callable[[dict], None]) -> dict:
    data = read(folder)
    change(data)
    write(folder, data)
    return data


# --- setting up, users, passwords -----------------------------------------------------------

def create(folder: str | os.PathLike, username: str, password: str) -> tuple[bytes, str]:
    """A new keyring with a fresh database key for the first administrator: (key, recovery
    code). Refuses a folder that already has one."""
    key = os.urandom(keys.KEY_BYTES)
    return key, create_with_key(folder, key, username, password)


def create_with_key(folder: str | os.PathLike, key: bytes, username: str, password: str) -> str:
    """A new keyring for a key made by the caller (encrypting an existing office); returns
    the recovery code."""
    username, password = check_username(username), check_password(password)
    if keys.has_keyring(folder):
        raise DeskError(messages.KEYRING_EXISTS.format(path=path(folder)))
    code = new_recovery_code()
    kdf = choose_kdf()
    data = {"format": FORMAT, "users": {username: _wrap(password, key, _aad("user", username), kdf)},
            "recovery": _wrap(normalize_recovery_code(code), key, _aad("recovery"), kdf),
            "failed": []}
    files.private_dir(folder)
    write(folder, data)
    return code


def add_user(folder: str | os.PathLike, key: bytes, username: str, password: str) -> str:
    username, password = check_username(username), check_password(password)

    def change(data: dict) -> None:
        if username in data["users"]:
            raise DeskError(messages.USERNAME_TAKEN.format(username=username), field="username")
        data["users"][username] = _wrap(password, key, _aad("user", username))

    _update(folder, change)
    return username


def set_password(folder: str | os.PathLike, key: bytes, username: str, password: str) -> None:
    """Wrap the key under a new password (a change, or an administrator's reset): one entry
    rewritten, nothing re-encrypted."""
    username, password = normalize_username(username), check_password(password)

    def change(data: dict) -> None:
        data["users"][username] = _wrap(password, key, _aad("user", username))

    _update(folder, change)


def remove_user(folder: str | os.PathLike, username: str) -> None:
    """A deactivated account's wrapped key is dropped: its password opens nothing any more."""
    username = normalize_username(username)
    _update(folder, lambda data: data["users"].pop(username, None))


def new_recovery(folder: str | os.PathLike, key: bytes) -> str:
    """Replace the recovery code (the old one stops working); returns the new one."""
    code = new_recovery_code()

    def change(data: dict) -> None:
        data["recovery"] = _wrap(normalize_recovery_code(code), key, _aad("recovery"))

    _update(folder, change)
    return code


def usernames(folder: str | os.PathLike) -> list[str]:
    return sorted(read(folder)["users"])


# --- signing in -----------------------------------------------------------------------------

def _wait(entry: dict, now: float) -> int:
    return max(0, int(float(entry.get("locked_until") or 0) - now + 0.999))


def _failed(data: dict, bucket: dict, username: str, now: float) -> None:
    count = int(bucket.get("failures", 0)) + 1
    bucket["failures"] = count
    if count >= FREE_ATTEMPTS:
        wait = min(MAX_WAIT, FIRST_WAIT * 2 ** (count - FREE_ATTEMPTS))
        bucket["locked_until"] = now + wait
    pending = data.setdefault("failed", [])
    pending.append({"username": username[:USERNAME_MAX],
                    "at": datetime.fromtimestamp(now).isoformat(timespec="seconds")})
    del pending[:-MAX_PENDING]


def unlock(folder: str | os.PathLike, username: str, password: str,
           now: float | None = None) -> bytes:
    """The database key, if the password is right and no wait is running. A failure is
    counted (and the wait grows) before the error is raised; a success clears the count."""
    now = time.time() if now is None else now
    username = normalize_username(username)
    data = read(folder)
    entry = data["users"].get(username)
    # An unknown name is throttled like a known one (one shared count), and answered with the
    # same sentence: the screen does not tell which names exist.
    bucket = entry if entry is not None else data.setdefault("unknown", {})
    wait = _wait(bucket, now)
    if wait:
        raise DeskError(messages.LOGIN_THROTTLED.format(seconds=wait), field="password")
    key = _unwrap(password or "", entry, _aad("user", username)) if entry else None
    if key is None:
        _failed(data, bucket, username, now)
        write(folder, data)
        raise DeskError(messages.LOGIN_FAILED, field="password")
    if bucket.get("failures") or bucket.get("locked_until"):
        bucket.pop("failures", None)
        bucket.pop("locked_until", None)
        write(folder, data)
    return key


def unlock_with_recovery(folder: str | os.PathLike, code: str, now: float | None = None) -> bytes:
    now = time.time() if now is None else now
    data = read(folder)
    bucket = data.setdefault("recovery_attempts", {})
    wait = _wait(bucket, now)
    if wait:
        raise DeskError(messages.LOGIN_THROTTLED.format(seconds=wait), field="code")
    entry = data.get("recovery")
    key = _unwrap(normalize_recovery_code(code), entry, _aad("recovery")) if entry else None
    if key is None:
        _failed(data, bucket, "(mã khôi phục)", now)
        write(folder, data)
        raise DeskError(messages.RECOVERY_CODE_WRONG, field="code")
    if bucket:
        data["recovery_attempts"] = {}
        write(folder, data)
    return key


def pending_failed(folder: str | os.PathLike) -> list[dict]:
    """The failed sign-ins since the last success (the audit trail records them)."""
    return list(read(folder).get("failed") or [])


def clear_failed(folder: str | os.PathLike, count: int) -> None:
    """Drop the first `count` pending failures once they are in the audit trail."""
    def change(data: dict) -> None:
        data["failed"] = list(data.get("failed") or [])[count:]

    if count:
        _update(folder, change)
