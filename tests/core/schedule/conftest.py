"""Fixtures for the schedule tests: an office with a chairperson (officer 2) and a deputy
(officer 3), the chairperson's weekly Thursday session as a rule, PDFs read back."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date, datetime

import pytest

from desk_app.core.schedule.model import SeriesForm, SessionForm
from desk_app.core.schedule.recurrence import weekly
from desk_app.core.schedule.sessions import add_series, add_session
from desk_app.core.storage.office import add_officer

NOW = datetime(2026, 11, 20, 15, 0)  # a Friday; tests/conftest.py's NOW
CLERK, HEAD, DEPUTY = 1, 2, 3
THURSDAY = 3


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


@pytest.fixture
def office(db):
    assert add_officer(db, "Trần Văn Phó", "Phó Chủ tịch Ủy ban nhân dân") == DEPUTY
    return db


def thursdays(db, first=date(2026, 12, 1), last=date(2027, 6, 30), **changes):
    values = {"kind": "dinh_ky", "rule": weekly((THURSDAY,)), "first_day": first,
              "last_day": last, "start_time": "08:00", "end_time": "11:00", "host_id": HEAD,
              "participants": ("Công chức Địa chính - Xây dựng", "Công an xã"),
              "content": "Kiến nghị về đất đai, giải phóng mặt bằng"}
    values.update(changes)
    return add_series(db, SeriesForm(**values), NOW)


def one(db, day: date, start="08:00", end="11:00", kind="dinh_ky", host=HEAD, now=NOW,
        **changes):
    h, m = map(int, start.split(":"))
    eh, em = map(int, end.split(":"))
    form = SessionForm(kind=kind, starts_at=datetime(day.year, day.month, day.day, h, m),
                       ends_at=datetime(day.year, day.month, day.day, eh, em), host_id=host,
                       **changes)
    return add_session(db, form, now).session_ids[0]


def session_on(db, day: date, kind="dinh_ky") -> int:
    return db.execute("SELECT id FROM sessions WHERE kind = ? AND substr(starts_at, 1, 10) = ?",
                      [kind, day.isoformat()]).fetchone()[0]


def pdf_text(data: bytes) -> str:
    """The document's text (pdftotext -raw, else pypdf), NFC, whitespace collapsed."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=data,
                             capture_output=True, check=True).stdout.decode("utf-8")
    else:
        import io

        from pypdf import PdfReader

        out = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", out)).strip()


def error_of(fn, *args, **kwargs) -> str:
    from desk_app.core.errors import DeskError

    with pytest.raises(DeskError) as info:
        fn(*args, **kwargs)
    return info.value.message
