"""The office's key pairs and the other side's public keys (table bundle_keys).

A ward has a signing pair (Ed25519) and registers the province's public key file (its X25519
sealing key, to encrypt for it, and its Ed25519 key, to verify acknowledgements). A province
has both pairs and registers each ward's signing key. Private keys stay in the database (which
the accounts work encrypts at rest); only public keys are ever written to a file.

A new key (`desk-app keys new`, after a lost or exposed key) closes the old one's validity:
bundles made while the old key was valid still verify with it; the old sealing private key
is kept so the province can still open bundles sealed to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.bundle import crypto
from desk_app.core.errors import DeskError

if TYPE_CHECKING:
    from sqlite_utils import Database

KEY_FORMAT = "desk-app-key/1"
MAX_KEY_FILE = 64 * 1024


@dataclass(frozen=True)
class Key:
    id: int
    owner: str  # self / office / province
    office_code: str
    name: str
    fingerprint: str
    valid_from: str
    valid_to: str | None
    sign_public: bytes
    seal_public: bytes | None


_COLS = "id, owner, office_code, name, fingerprint, valid_from, valid_to, sign_public, seal_public"


def _key(row) -> Key:
    return Key(row[0], row[1], row[2], row[3], row[4], row[5], row[6], bytes(row[7]),
               bytes(row[8]) if row[8] is not None else None)


def _now(now: datetime | None) -> str:
    return (now or datetime.now()).isoformat(timespec="seconds")


def _office(db: Database) -> tuple[str, str]:
    row = db.execute("SELECT office_code, name FROM office WHERE id = 1").fetchone()
    if row is None:
        raise DeskError(messages.OFFICE_MISSING)
    return row[0], row[1]


def is_province(db: Database) -> bool:
    row = db.execute("SELECT value FROM settings WHERE key = 'office_mode'").fetchone()
    return bool(row) and row[0] == "province"


def own_key(db: Database) -> Key | None:
    row = db.execute(f"SELECT {_COLS} FROM bundle_keys WHERE owner = 'self' AND valid_to IS NULL"
                     " ORDER BY id DESC LIMIT 1").fetchone()
    return _key(row) if row else None


def own_private(db: Database, fingerprint: str | None = None) -> tuple[bytes | None, bytes | None]:
    """(signing private key of the current key, sealing private key of `fingerprint`'s key or
    of the current one)."""
    sql = "SELECT sign_private, seal_private FROM bundle_keys WHERE owner = 'self' AND "
    row = (db.execute(sql + "fingerprint = ?", [fingerprint]).fetchone() if fingerprint else
           db.execute(sql + "valid_to IS NULL ORDER BY id DESC LIMIT 1").fetchone())
    if row is None:
        return None, None
    return (bytes(row[0]) if row[0] else None, bytes(row[1]) if row[1] else None)


def generate(db: Database, *, now: datetime | None = None) -> Key:
    """A new key pair for this office (the first, or one replacing a lost or exposed key)."""
    from desk_app.core.security import session
    from desk_app.core.security.roles import Permission

    session.require(db, Permission.SETTINGS)  # an administrator or a leader (docs/security.md)
    code, name = _office(db)
    sign_priv, sign_pub = crypto.new_signing_key()
    seal_priv = seal_pub = None
    if is_province(db):
        seal_priv, seal_pub = crypto.new_sealing_key()
    when = _now(now)
    with db.atomic():
        db.execute("UPDATE bundle_keys SET valid_to = ?, sign_private = NULL"
                   " WHERE owner = 'self' AND valid_to IS NULL", [when])
        db.execute(
            "INSERT INTO bundle_keys (owner, office_code, name, sign_public, seal_public,"
            " sign_private, seal_private, fingerprint, valid_from, created_at)"
            " VALUES ('self', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [code, name, sign_pub, seal_pub, sign_priv, seal_priv,
             crypto.fingerprint(sign_pub, seal_pub), when, when])
    key = own_key(db)
    assert key is not None
    return key


def ensure_own_key(db: Database, *, now: datetime | None = None) -> Key:
    return own_key(db) or generate(db, now=now)


def public_file_bytes(db: Database) -> bytes:
    """The small file the other side registers: public keys only."""
    key = own_key(db)
    if key is None:
        raise DeskError(messages.BUNDLE_NO_OWN_KEY)
    return (json.dumps({
        "format": KEY_FORMAT,
        "owner": "province" if is_province(db) else "office",
        "office_code": key.office_code, "name": key.name,
        "sign": crypto.b64(key.sign_public),
        "seal": crypto.b64(key.seal_public) if key.seal_public else None,
        "fingerprint": key.fingerprint, "created_at": key.valid_from,
    }, ensure_ascii=False, indent=2) + "\n").encode()


def read_key_file(path: Path) -> dict:
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise ValueError("too big")
        data = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != KEY_FORMAT:
            raise ValueError("format")
        if data.get("owner") not in ("office", "province"):
            raise ValueError("owner")
        sign = crypto.unb64(data["sign"])
        seal = crypto.unb64(data["seal"]) if data.get("seal") else None
        if len(sign) != 32 or (seal is not None and len(seal) != 32):
            raise ValueError("length")
        if data["owner"] == "province" and seal is None:
            raise ValueError("no sealing key")
        if not isinstance(data.get("office_code"), str) or not data["office_code"]:
            raise ValueError("office")
    except FileNotFoundError:
        raise DeskError(messages.BUNDLE_FILE_MISSING.format(path=path)) from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise DeskError(messages.BUNDLE_KEY_FILE_INVALID.format(path=path)) from None
    data["sign_bytes"], data["seal_bytes"] = sign, seal
    data["fingerprint"] = crypto.fingerprint(sign, seal)  # computed, never trusted from the file
    return data


def register(db: Database, path: Path, *, now: datetime | None = None) -> tuple[Key, bool]:
    """Register the other side's public key file. A ward takes the province's; a province
    takes a ward's. Returns (key, added); the same key again adds nothing. A new key of an
    office already known closes the old one's validity."""
    from desk_app.core.security import session
    from desk_app.core.security.roles import Permission

    session.require(db, Permission.SETTINGS)  # an administrator or a leader (docs/security.md)
    data = read_key_file(path)
    wanted = "office" if is_province(db) else "province"
    if data["owner"] != wanted:
        raise DeskError(messages.BUNDLE_KEY_WRONG_SIDE if wanted == "office"
                        else messages.BUNDLE_KEY_NOT_PROVINCE)
    found = db.execute(f"SELECT {_COLS} FROM bundle_keys WHERE owner = ? AND fingerprint = ?",
                       [wanted, data["fingerprint"]]).fetchone()
    if found:
        return _key(found), False
    when = _now(now)
    with db.atomic():
        closing = ("office_code = ?", [data["office_code"]]) if wanted == "office" else ("1", [])
        db.execute(f"UPDATE bundle_keys SET valid_to = ? WHERE owner = ? AND valid_to IS NULL"
                   f" AND {closing[0]}", [when, wanted, *closing[1]])
        db.execute(
            "INSERT INTO bundle_keys (owner, office_code, name, sign_public, seal_public,"
            " fingerprint, valid_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [wanted, data["office_code"], str(data.get("name") or "")[:200], data["sign_bytes"],
             data["seal_bytes"], data["fingerprint"], when, when])
    row = db.execute(f"SELECT {_COLS} FROM bundle_keys WHERE owner = ? AND fingerprint = ?",
                     [wanted, data["fingerprint"]]).fetchone()
    return _key(row), True


def province_key(db: Database) -> Key | None:
    row = db.execute(f"SELECT {_COLS} FROM bundle_keys WHERE owner = 'province'"
                     " AND valid_to IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    return _key(row) if row else None


def find(db: Database, owner: str, fingerprint: str) -> Key | None:
    row = db.execute(f"SELECT {_COLS} FROM bundle_keys WHERE owner = ? AND fingerprint = ?",
                     [owner, fingerprint]).fetchone()
    return _key(row) if row else None


def office_known(db: Database, office_code: str) -> bool:
    return db.execute("SELECT 1 FROM bundle_keys WHERE owner = 'office' AND office_code = ?",
                      [office_code]).fetchone() is not None


def all_keys(db: Database) -> list[Key]:
    return [_key(r) for r in db.execute(f"SELECT {_COLS} FROM bundle_keys ORDER BY owner, office_code, id")]
