"""The planted-secret grep (docs/security.md): a name, an ID number and a petition text are
recorded; the bytes of the database, its WAL, the backups, the attachment folder and the
encrypted exports are searched for them — none is found. Then the same files are opened the
right way (the key, the password) and the secrets are there: the test planted them for real.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

import pytest

from desk_app.core import access
from desk_app.core.cases.attachments import add_attachment, case_attachments, read_attachment
from desk_app.core.documents.logbook_pdf import export_log_pdf
from desk_app.core.documents.logbook_xlsx import export_log_xlsx
from desk_app.core.security import backups
from desk_app.core.security.sealed_exports import export_sealed
from tests.support import form, part, person

NAME = "Phùng Thị Bích Ngọc"
ID_NUMBER = "027190054321"  # born 1990, a woman: digit 1
PETITION = "Kiến nghị về thửa đất số 9931 tờ bản đồ 47 bị lấn chiếm"
RECEIVED = datetime(2026, 11, 20, 9, 15)
EXPORT_PASSWORD = "mat-khau-xuat-so"


def _needles() -> list[bytes]:
    out = []
    for text in (NAME, ID_NUMBER, PETITION, "Bích Ngọc", "thửa đất số 9931"):
        for form_ in ("NFC", "NFD"):
            value = unicodedata.normalize(form_, text)
            out += [value.encode("utf-8"), value.encode("utf-16-le")]
    out.append(b"Phung Thi Bich Ngoc")  # the folded search form
    out.append(b"phung thi bich ngoc")
    return sorted(set(out))


@pytest.fixture
def planted(tmp_path):
    from desk_app.core.reception.intake import register_visit

    folder = tmp_path / "office"
    done = access.set_up(folder, "quantri", "mat-khau-quan-tri", province=24, commune=9253,
                         officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),))
    db = done.db
    from desk_app.core.model import Sex

    who = person(NAME, dob=datetime(1990, 5, 6).date(), sex=Sex.NU, id_number=ID_NUMBER)
    result = register_visit(db, form(who, received_at=RECEIVED, officer_id=1,
                                     parts=(part(summary=PETITION),)), RECEIVED)
    scan = tmp_path / "don.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + f"({NAME} {ID_NUMBER} {PETITION})".encode() + b"\n%%EOF\n")
    add_attachment(db, folder, result.case_ids[0], scan, officer_id=1, now=RECEIVED)
    scan.unlink()
    backups.make_backup(db, kind="manual")
    backups.auto_backup(db, force=True)
    exports = tmp_path / "exports"
    exports.mkdir()
    day = RECEIVED.date()
    export_sealed(exports / "so.pdf", EXPORT_PASSWORD,
                  lambda p: export_log_pdf(db, day, day, p))
    export_sealed(exports / "so.xlsx", EXPORT_PASSWORD,
                  lambda p: export_log_xlsx(db, day, day, p))
    yield folder, exports, db
    db.close()
    access.sign_out(folder)


def test_no_planted_secret_is_readable_in_any_file(planted):
    folder, exports, db = planted
    assert (folder / "desk.sqlite3-wal").stat().st_size > 0  # the WAL is searched too
    searched = [p for root in (folder, exports) for p in root.rglob("*") if p.is_file()]
    kinds = {p.name.split("-")[0] if p.parent.name == "backups" else p.suffix for p in searched}
    assert {".sqlite3", ".bin", ".pdf", ".xlsx", "manual", "auto"} <= kinds
    found = [(p.name, n) for p in searched for n in _needles() if n in p.read_bytes()]
    assert found == []


def test_the_planted_secrets_are_there_for_who_holds_the_keys(planted):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    folder, exports, db = planted
    row = db.execute("SELECT full_name, id_number FROM persons").fetchone()
    assert row == (NAME, ID_NUMBER)
    [attachment] = case_attachments(db, 1)
    assert NAME.encode() in read_attachment(db, folder, attachment)
    reader = PdfReader(exports / "so.pdf")
    assert reader.is_encrypted and reader.decrypt(EXPORT_PASSWORD)
    text = unicodedata.normalize("NFC", " ".join(p.extract_text() for p in reader.pages))
    assert "Bích Ngọc" in text.replace("\n", " ")
    import msoffcrypto

    clear = io.BytesIO()
    with open(exports / "so.xlsx", "rb") as sealed:
        office = msoffcrypto.OfficeFile(sealed)
        office.load_key(password=EXPORT_PASSWORD)
        office.decrypt(clear)
    sheet = load_workbook(clear).active
    assert any(NAME in str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
