"""Keys derived from the office's database key (HKDF-SHA256), so nothing else secret is
stored: whoever holds the database key holds these, and nobody else (docs/security.md).

- `receipt-qr`: the HMAC secret of the receipts' QR codes (core/documents/register.py). A
  plaintext copy of the database from before encryption held a stored secret; deriving it
  means such a copy cannot forge the codes of receipts issued since.
- `attachments` / `attachment-names`: the attachments' AES-256-GCM key and the HMAC key
  that names them (core/security/attachment_files.py).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=16)
def subkey(key: bytes, label: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"desk_app {label}".encode()).derive(key)


def of(db, label: str) -> bytes | None:
    """The subkey for this database handle's key; None for a database in the clear."""
    conn = getattr(db, "conn", db)
    key = getattr(conn, "db_key", None)
    return subkey(key, label) if key else None
