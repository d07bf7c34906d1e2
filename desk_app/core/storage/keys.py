"""The database key of each office unlocked in this process, and where the wrapped keys live.

The office database is encrypted with SQLCipher under a random 32-byte key. That key is never
written anywhere in the clear: `keyring.json` beside the database holds it wrapped by each
user's password and by the recovery code (core/security/keyring.py). Signing in unwraps it
and registers it here for the data folder; from then on every connection this process opens
to that folder's database (writer, readers, the quick start-up reader, backups) is keyed by
`storage.db`, without the callers passing the key around.

A folder with a keyring but no key registered is locked: opening its database is refused
(`DB_LOCKED`), never attempted without the key. A folder without a keyring is an office from
before encryption (or a test's scratch database): it opens in the clear, and the faces offer
the one-step migration before anything else (docs/security.md).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

KEYRING_NAME = "keyring.json"
KEY_BYTES = 32


@dataclass(frozen=True)
class Unlocked:
    key: bytes
    # A read-only account: every connection is `PRAGMA query_only`, whatever the caller does.
    read_only: bool = False


_unlocked: dict[str, Unlocked] = {}
_lock = threading.Lock()


def _folder_id(folder: str | os.PathLike) -> str:
    return os.path.normcase(os.path.realpath(folder))


def unlock(folder: str | os.PathLike, key: bytes, *, read_only: bool = False) -> None:
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    with _lock:
        _unlocked[_folder_id(folder)] = Unlocked(bytes(key), read_only)


def lock(folder: str | os.PathLike) -> None:
    with _lock:
        _unlocked.pop(_folder_id(folder), None)


def unlocked(folder: str | os.PathLike) -> Unlocked | None:
    with _lock:
        return _unlocked.get(_folder_id(folder))


def keyring_path(folder: str | os.PathLike) -> Path:
    return Path(folder) / KEYRING_NAME


def has_keyring(folder: str | os.PathLike) -> bool:
    return keyring_path(folder).is_file()


def key_pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: no key derivation on each connection (the key is random)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""
