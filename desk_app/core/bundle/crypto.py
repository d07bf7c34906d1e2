"""The cryptography of the bundle, with `cryptography`'s primitives only.

- Signatures: Ed25519 over the exact bytes of manifest.json (and of ack.json).
- Sealing: one ephemeral X25519 key per bundle; the shared secret with the province's X25519
  public key goes through HKDF-SHA256 with the bundle's random id as salt and the file's
  name as info, so each data file has its own AES-256-GCM key; nonces count the frames of a
  file (never reused under one key), and the associated data names the file and whether the
  frame is the last, so frames cannot be reordered, moved between files or cut off.
- Fingerprints: SHA-256 of the public keys, the first 100 bits in base32, five groups of four
  characters that two people can read to each other over the phone.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = ["InvalidSignature", "InvalidTag"]

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_NO_ENC = serialization.NoEncryption()


def new_signing_key() -> tuple[bytes, bytes]:
    """(private, public) raw 32-byte Ed25519 keys."""
    key = Ed25519PrivateKey.generate()
    return (key.private_bytes(_RAW, _RAW_PRIV, _NO_ENC),
            key.public_key().public_bytes(_RAW, _RAW_PUB))


def new_sealing_key() -> tuple[bytes, bytes]:
    """(private, public) raw 32-byte X25519 keys."""
    key = X25519PrivateKey.generate()
    return (key.private_bytes(_RAW, _RAW_PRIV, _NO_ENC),
            key.public_key().public_bytes(_RAW, _RAW_PUB))


def sign(private: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).sign(data)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(*public_keys: bytes | None) -> str:
    digest = hashlib.sha256(b"".join(k for k in public_keys if k)).digest()
    code = base64.b32encode(digest).decode()[:20]
    return "-".join(code[i:i + 4] for i in range(0, 20, 4))


def ephemeral(recipient_public: bytes) -> tuple[bytes, bytes]:
    """(the ephemeral public key to put in the manifest, the shared secret)."""
    key = X25519PrivateKey.generate()
    shared = key.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    return key.public_key().public_bytes(_RAW, _RAW_PUB), shared


def shared_secret(own_private: bytes, ephemeral_public: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(own_private).exchange(
        X25519PublicKey.from_public_bytes(ephemeral_public))


def file_key(shared: bytes, salt: bytes, name: str) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
               info=b"desk-app bundle v1 " + name.encode()).derive(shared)
    return AESGCM(key)


def frame_nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def frame_aad(name: str, last: bool) -> bytes:
    return name.encode() + (b"\x00last" if last else b"\x00more")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode(), validate=True)
