"""Only documents and images are kept with a case, recognised by name and by content."""

from __future__ import annotations

import io
import zipfile

import pytest

from desk_app import messages
from desk_app.core.cases.attachments import (
    ALLOWED_TEXT,
    add_attachment,
    can_open,
    case_attachments,
)
from desk_app.core.errors import DeskError
from tests.support import register, snapshot

MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)  # a Windows program


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return buf.getvalue()


GOOD = {
    "Đơn khiếu nại.pdf": b"%PDF-1.7\n" + bytes(300),
    "scan-with-preamble.PDF": b"\xef\xbb\xbf\r\n%PDF-1.4\n" + bytes(100),
    "ảnh thửa đất.JPG": b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100),
    "ảnh.jpeg": b"\xff\xd8\xff\xe1" + bytes(100),
    "bản đồ.png": b"\x89PNG\r\n\x1a\n" + bytes(100),
    "quét.tif": b"II*\x00" + bytes(100),
    "quét.tiff": b"MM\x00*" + bytes(100),
    "ảnh.bmp": b"BM" + bytes(100),
    "công văn.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
    "biên bản.docx": _zip(),
    "bảng kê.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
    "bảng kê.xlsx": _zip() + b"x",
    "văn bản.odt": _zip() + b"y",
    "bảng.ods": _zip() + b"z",
    "thư.rtf": b"{\\rtf1\\ansi " + bytes(10),
    "ghi chú.txt": "Ghi chú của cán bộ tiếp dân".encode(),
}
REFUSED_BY_NAME = ["setup.exe", "chạy.bat", "x.cmd", "thư.js", "Đơn.lnk", "a.vbs", "a.ps1",
                   "a.scr", "a.msi", "a.html", "a.hta", "macro.docm", "macro.xlsm", "a.zip",
                   "a.jar", "a.com", "a.pif", "noextension", "a.pdf.exe", "a.py", "a.sh"]
REFUSED_BY_CONTENT = {"Đơn.pdf": MZ, "ảnh.jpg": MZ, "ảnh.png": b"\xff\xd8\xff" + bytes(10),
                      "biên bản.docx": MZ, "ghi chú.txt": MZ, "a.doc": _zip(), "a.tif": b""}


@pytest.fixture
def case_id(db):
    return register(db).case_ids[0]


def _file(tmp_path, name: str, content: bytes):
    path = tmp_path / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def test_documents_and_images_are_accepted(db, case_id, tmp_path):
    for name, content in GOOD.items():
        add_attachment(db, tmp_path / "data", case_id, _file(tmp_path, name, content))
    stored = case_attachments(db, case_id)
    assert [a.name for a in stored] == list(GOOD)
    # stored encrypted: the copy the viewer gets is what was attached
    from desk_app.core.cases.attachments import plain_copy

    assert all(can_open(plain_copy(db, tmp_path / "data", a, tmp_path / "open" / str(a.id)))
               for a in stored)


@pytest.mark.parametrize("name", REFUSED_BY_NAME)
def test_programs_scripts_and_shortcuts_are_refused(db, case_id, tmp_path, name):
    path = _file(tmp_path, name, MZ)
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        add_attachment(db, tmp_path / "data", case_id, path)
    assert caught.value.message == messages.ATTACHMENT_TYPE_REFUSED.format(
        name=name, allowed=ALLOWED_TEXT)
    assert snapshot(db) == before
    assert not (tmp_path / "data").exists()
    assert not can_open(path)


@pytest.mark.parametrize("name", list(REFUSED_BY_CONTENT))
def test_a_renamed_file_is_refused_by_its_content(db, case_id, tmp_path, name):
    path = _file(tmp_path, name, REFUSED_BY_CONTENT[name])
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        add_attachment(db, tmp_path / "data", case_id, path)
    assert caught.value.message.startswith(f"Nội dung tệp “{name}” không phải ")
    assert snapshot(db) == before
    assert not can_open(path)


def test_a_full_disk_while_copying_leaves_nothing(db, case_id, tmp_path, monkeypatch):
    import errno
    import shutil

    from desk_app.core.cases import attachments

    def full(src, dst):
        open(dst, "wb").close()
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))

    monkeypatch.setattr(shutil, "copyfile", full)  # an office in the clear copies the file
    monkeypatch.setattr(attachments, "_write_part", lambda part, blob: full(None, part))
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        add_attachment(db, tmp_path / "data", case_id,
                       _file(tmp_path, "a.pdf", GOOD["Đơn khiếu nại.pdf"]))
    assert caught.value.message.startswith("Ổ đĩa chứa ")
    assert snapshot(db) == before
    assert [p for p in (tmp_path / "data").rglob("*") if p.is_file()] == []
