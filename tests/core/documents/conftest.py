"""Fixtures for the printed-documents tests: the bundled font (the same bytes everywhere) and
`pdf`, helpers that read PDFs back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch):
    monkeypatch.setenv("DESK_APP_PRINT_FONT", "bundled")


def pages_text(data: bytes) -> list[str]:
    """Each page's text (pypdf), NFC."""
    reader = PdfReader(io.BytesIO(data))
    return [unicodedata.normalize("NFC", p.extract_text() or "") for p in reader.pages]


def raw_text(data: bytes) -> str:
    """The whole document's text in drawing order (pdftotext -raw; pypdf where poppler is
    missing), NFC."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=data,
                             capture_output=True, check=True).stdout.decode("utf-8")
    else:
        out = "".join(page + "\f" for page in pages_text(data))  # pdftotext ends pages with \f
    return unicodedata.normalize("NFC", out)


def flat(text: str) -> str:
    """Whitespace collapsed: wrapped lines read as one."""
    return re.sub(r"\s+", " ", text).strip()


def in_order(words: list[str], tokens: list[str]) -> bool:
    """Every word appears, in this order, among the tokens (page breaks may come between)."""
    it = iter(tokens)
    return all(any(t == w for t in it) for w in words)


def fonts_report(data: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font the pages use."""
    reader = PdfReader(io.BytesIO(data))
    found = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = bool(descriptor and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")))
            found[str(font.get("/BaseFont"))] = embedded
    return sorted(found.items())


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


class PdfTools:
    pages_text = staticmethod(pages_text)
    raw_text = staticmethod(raw_text)
    flat = staticmethod(flat)
    in_order = staticmethod(in_order)
    fonts_report = staticmethod(fonts_report)
    page_count = staticmethod(page_count)


@pytest.fixture
def pdf() -> type[PdfTools]:
    return PdfTools
