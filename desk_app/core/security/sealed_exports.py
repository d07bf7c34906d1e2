"""Exported files holding personal data, encrypted with a password the officer types and
passes on separately (docs/security.md): a PDF with AES-256 (pypdf's writer, opens in any
PDF reader), an XLSX with Office's agile encryption (msoffcrypto-tool, opens in Excel and
LibreOffice). The export is written beside its target as `*.part`, encrypted into the
target, and the clear part overwritten and removed.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from pathlib import Path

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.storage import files

PASSWORD_MIN = 8


def check_password(password: str) -> str:
    if len(password or "") < PASSWORD_MIN:
        raise DeskError(messages.EXPORT_PASSWORD_SHORT.format(limit=PASSWORD_MIN))
    return password


def _pdf(clear: bytes, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(clear)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _xlsx(clear: bytes, password: str) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(clear)).encrypt(password, out)
    return out.getvalue()


def _shred(path: Path) -> None:
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
    path.unlink(missing_ok=True)


def export_sealed(out: Path, password: str, write: Callable[[Path], object]):
    """Run `write(path)` (an export to a file) into a part file, then encrypt it into `out`.
    Returns what `write` returned."""
    check_password(password)
    out = Path(out)
    seal = {".pdf": _pdf, ".xlsx": _xlsx}.get(out.suffix.lower())
    if seal is None:
        raise DeskError(messages.LOG_OUT_FORMAT.format(path=out))
    part = out.with_name(f".{out.stem}.part{out.suffix}")
    try:
        result = write(part)
        files.private_file(part)
        sealed = seal(part.read_bytes(), password)
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, files.FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(sealed)
    finally:
        _shred(part)
    return result
