"""The `.dtcd` file: a zip holding manifest.json, manifest.sig and data/<table>.jsonl.z
(sealed: data/<table>.jsonl.z.enc), every entry stored (the data are compressed before they
are sealed). Reading refuses, before anything is decrypted: a file that is not a whole zip,
names other than those (a path leaving the folder, a duplicate, an extra entry), entries
compressed by the zip (a decompression bomb would hide there), sizes over the limits.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

BUNDLE_FORMAT = "desk-app-bundle/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_MANIFEST = 1 << 20
MAX_ENTRIES = 64
_DATA_NAME = re.compile(r"data/[a-z_]{1,40}\.jsonl\.z(\.enc)?")


class ContainerError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # a key of messages.BUNDLE_REASONS


@dataclass
class Opened:
    path: Path
    zip: zipfile.ZipFile
    manifest_bytes: bytes
    signature: bytes
    manifest: dict

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()

    def close(self) -> None:
        self.zip.close()


def open_bundle(path: Path) -> Opened:
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ContainerError("damaged") from None
    try:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        if len(infos) > MAX_ENTRIES or len(set(names)) != len(names):
            raise ContainerError("entries")
        for info in infos:
            name = info.filename
            if name not in (MANIFEST, SIGNATURE) and not _DATA_NAME.fullmatch(name):
                raise ContainerError("path")
            if info.compress_type != zipfile.ZIP_STORED or info.compress_size != info.file_size:
                raise ContainerError("bomb")
        if MANIFEST not in names or SIGNATURE not in names:
            raise ContainerError("damaged")
        if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST or zf.getinfo(SIGNATURE).file_size > 128:
            raise ContainerError("bomb")
        manifest_bytes = zf.read(MANIFEST)
        signature = zf.read(SIGNATURE)
        try:
            manifest = json.loads(manifest_bytes.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):  # nesting too deep
            raise ContainerError("damaged") from None
        if not isinstance(manifest, dict):
            raise ContainerError("damaged")
    except ContainerError:
        zf.close()
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        zf.close()
        raise ContainerError("damaged") from None
    return Opened(path, zf, manifest_bytes, signature, manifest)


def entry_sha256(opened: Opened, name: str) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    try:
        with opened.zip.open(name) as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        raise ContainerError("damaged") from None
    return h.hexdigest(), size


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
